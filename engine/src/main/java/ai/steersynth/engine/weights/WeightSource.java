package ai.steersynth.engine.weights;

import ai.steersynth.engine.model.ModelConfig;
import java.nio.ByteBuffer;
import java.util.Set;

/**
 * Read access to a checkpoint's tensors, whatever the file format. Tensor names and layouts are
 * those of Hugging Face transformers ({@code model.layers.0.self_attn.q_proj.weight}, row-major
 * {@code [out, in]}): a GGUF reader maps llama.cpp names back and undoes the q/k row permutation
 * that llama.cpp's converter applies, so the forward pass sees one layout.
 */
public interface WeightSource extends AutoCloseable {

    /** The model configuration read from the same checkpoint. */
    ModelConfig config();

    /** Every tensor name in HF naming. */
    Set<String> tensorNames();

    /** Shape in HF order, e.g. {@code [out, in]} for a linear weight. */
    long[] shape(String name);

    /**
     * The tensor as fp32 values, row-major, in a direct little-endian buffer (dequantised or widened
     * as needed; a mapped F32 tensor may be returned without a copy). The caller must keep the
     * source open while the buffer is in use. A mapped buffer is read-only file memory: an NDArray
     * created over it shares that memory, so copy ({@code duplicate()}) before any in-place op.
     */
    ByteBuffer float32(String name);

    /** Where the weights came from (file or directory), for provenance and error messages. */
    String location();

    /** Content hash identifying these weights (e.g. sha256 of the file's header and tensor index). */
    String contentHash();

    @Override
    void close();
}
