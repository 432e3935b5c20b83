/** Web conventions shared by the services: field-level validation errors as problem responses. */
package ai.steersynth.platform.web;
