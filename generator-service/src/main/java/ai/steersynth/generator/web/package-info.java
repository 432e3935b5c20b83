/** REST API of the generator: the cached steering vectors, as summaries, JSON vector sets and GGUF control vectors. */
package ai.steersynth.generator.web;
