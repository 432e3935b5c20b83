/** Engine commands: {@code generate}, {@code logits} and {@code bench decode} on a local model. */
package ai.steersynth.cli.engine;
