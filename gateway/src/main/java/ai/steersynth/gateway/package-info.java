/** The API gateway: authentication, limits, request ids and routing to the services. */
package ai.steersynth.gateway;
