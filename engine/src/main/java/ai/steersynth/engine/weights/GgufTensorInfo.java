package ai.steersynth.engine.weights;

/**
 * One entry of a GGUF file's tensor index.
 *
 * @param name the tensor's llama.cpp name, e.g. {@code blk.0.attn_q.weight}
 * @param dimensions ggml order: {@code dimensions[0]} is the innermost (contiguous) one, so a
 *     linear layer {@code [out, in]} in PyTorch terms is {@code [in, out]} here
 * @param typeId the {@code ggml_type} id as stored
 * @param type the type, or {@code null} when the id is unknown to this reader
 * @param offset byte offset of the data from the start of the data section
 */
public record GgufTensorInfo(String name, long[] dimensions, int typeId, GgmlType type, long offset) {

    public long elementCount() {
        long count = 1;
        for (long dimension : dimensions) {
            count *= dimension;
        }
        return count;
    }

    /** The shape in PyTorch order, outermost first. */
    public long[] torchShape() {
        long[] shape = new long[dimensions.length];
        for (int i = 0; i < dimensions.length; i++) {
            shape[i] = dimensions[dimensions.length - 1 - i];
        }
        return shape;
    }

    public String typeName() {
        return type != null ? type.name() : "ggml type " + typeId;
    }
}
