/** The embedded default: every service, an in-process Kafka broker and PostgreSQL in one JVM. */
package ai.steersynth.allinone;
