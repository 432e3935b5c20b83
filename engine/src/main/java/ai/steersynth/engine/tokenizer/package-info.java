/** Tokenizers behind one interface: Hugging Face {@code tokenizer.json} files and GGUF vocabularies, both run by DJL's Hugging Face tokenizers. */
package ai.steersynth.engine.tokenizer;
