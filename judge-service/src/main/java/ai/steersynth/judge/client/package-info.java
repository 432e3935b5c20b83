/** The OpenAI-compatible chat-completions judge: the outbound HTTP client and its resilience policies. */
package ai.steersynth.judge.client;
