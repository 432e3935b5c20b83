/** The Spring-free diversity core: tokenisation, sample-level and set-level diversity metrics and their combination. */
package ai.steersynth.metrics.domain;
