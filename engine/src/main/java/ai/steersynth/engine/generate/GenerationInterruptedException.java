package ai.steersynth.engine.generate;

import java.util.concurrent.CancellationException;

/**
 * The generating thread was interrupted (a service shutting down): the batch stopped between two decode steps,
 * its memory released, and nothing of it is returned. The caller decides whether to run it again.
 */
public final class GenerationInterruptedException extends CancellationException {

    public GenerationInterruptedException(int tokensDone) {
        super("generation interrupted after " + tokensDone + " of the batch's decode steps");
    }
}
