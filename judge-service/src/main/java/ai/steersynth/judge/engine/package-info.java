/** The in-JVM engine behind the judge: model loading, text likelihoods and the local-llm rubric judge. */
package ai.steersynth.judge.engine;
