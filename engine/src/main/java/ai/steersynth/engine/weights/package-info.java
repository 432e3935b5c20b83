/** Checkpoint readers: GGUF and safetensors, memory-mapped, dequantised to fp32. */
package ai.steersynth.engine.weights;
