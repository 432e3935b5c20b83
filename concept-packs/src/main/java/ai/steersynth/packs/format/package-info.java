/** Reading and writing concept packs as JSON (and detector data as JSONL), and the pack content hash. */
package ai.steersynth.packs.format;
