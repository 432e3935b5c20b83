/** Chat templates: the model's own Jinja template rendered with Jinjava, as transformers' apply_chat_template does. */
package ai.steersynth.engine.chat;
