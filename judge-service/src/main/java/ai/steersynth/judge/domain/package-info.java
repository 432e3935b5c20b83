/** The Spring-free core of the judge: the judge interface, rubric parsing, the offline judge and validity. */
package ai.steersynth.judge.domain;
