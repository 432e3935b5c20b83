package ai.steersynth.engine.chat;

/** A chat template that cannot be parsed, fails while rendering, or calls {@code raise_exception}. */
public class ChatTemplateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ChatTemplateException(String message) {
        super(message);
    }
}
