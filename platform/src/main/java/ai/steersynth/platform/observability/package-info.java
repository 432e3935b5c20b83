/** What the services report about themselves beyond Spring Boot's own meters: how long each pipeline stage works. */
package ai.steersynth.platform.observability;
