package ai.steersynth.engine.model;

import ai.djl.ndarray.NDArray;

/**
 * Called with the residual stream after each decoder block. A hook may read it (activation capture)
 * or return a changed stream (steering); returning the argument unchanged leaves the pass as it was.
 */
@FunctionalInterface
public interface ResidualStreamHook {

    /**
     * @param layer the block just run, 0-based
     * @param hidden the residual stream {@code [batch, seq, hidden]}, on the forward pass's step manager
     * @return the stream the next block reads; may be {@code hidden} itself, changed in place
     */
    NDArray afterBlock(int layer, NDArray hidden);

    /** A hook that does nothing. */
    ResidualStreamHook NONE = (layer, hidden) -> hidden;
}
