package ai.steersynth.engine.chat;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model's chat template (Jinja, from {@code tokenizer_config.json} or GGUF's {@code
 * tokenizer.chat_template}) rendered with Jinjava the way transformers' {@code apply_chat_template}
 * renders it with jinja2: {@code trim_blocks} and {@code lstrip_blocks} on, variables {@code
 * messages}, {@code add_generation_prompt}, {@code bos_token}, {@code eos_token}, and the helpers
 * {@code raise_exception} and {@code strftime_now}.
 */
public final class ChatTemplate {

    /** The template transformers used for models without one (ChatML); only used when a model has none. */
    public static final String CHATML = "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + "
            + "message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}{% if add_generation_prompt %}"
            + "{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private static final Logger log = LoggerFactory.getLogger(ChatTemplate.class);

    /**
     * Python string methods templates call, and their Java equivalents: Jinjava calls Java methods
     * on strings, and jinja2 templates are written against Python's.
     */
    private static final Map<Pattern, String> PYTHON_STRING_METHODS = Map.of(
            Pattern.compile("\\.startswith\\("), ".startsWith(",
            Pattern.compile("\\.endswith\\("), ".endsWith(",
            Pattern.compile("\\.upper\\(\\)"), ".toUpperCase()",
            Pattern.compile("\\.lower\\(\\)"), ".toLowerCase()",
            Pattern.compile("\\.lstrip\\(\\)"), ".stripLeading()",
            Pattern.compile("\\.rstrip\\(\\)"), ".stripTrailing()");

    private final String template;
    private final String bosToken;
    private final String eosToken;
    private final boolean fallback;
    private final String source;
    private final Jinjava jinjava;

    private ChatTemplate(String template, String bosToken, String eosToken, boolean fallback, String source) {
        this.template = template;
        this.bosToken = bosToken;
        this.eosToken = eosToken;
        this.fallback = fallback;
        this.source = source;
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .build());
        jinjava.getGlobalContext()
                .registerFunction(new ELFunctionDefinition(
                        "", "raise_exception", ChatTemplate.class, "raiseException", String.class));
        jinjava.getGlobalContext()
                .registerFunction(
                        new ELFunctionDefinition("", "strftime_now", ChatTemplate.class, "strftimeNow", String.class));
    }

    /**
     * The model's own template, or ChatML (logged) when it has none.
     *
     * @param template the Jinja source, or {@code null} when the model ships none
     * @param bosToken the tokenizer's BOS text for {@code bos_token}, or {@code null}
     * @param eosToken the tokenizer's EOS text for {@code eos_token}, or {@code null}
     * @param source where the template came from, for messages
     */
    public static ChatTemplate forModel(String template, String bosToken, String eosToken, String source) {
        if (template == null || template.isBlank()) {
            log.warn(
                    "{}: the model has no chat template; falling back to ChatML, which the model may not have "
                            + "been trained on",
                    source);
            return new ChatTemplate(CHATML, bosToken, eosToken, true, source);
        }
        return new ChatTemplate(template, bosToken, eosToken, false, source);
    }

    /** Renders a conversation; see {@link #render(List, boolean, Map)}. */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        return render(messages, addGenerationPrompt, Map.of());
    }

    /**
     * Renders a conversation to the prompt text the model was trained on. Encode the result with
     * {@code addSpecialTokens = false}: the template writes BOS itself where the model wants it.
     *
     * @param extraVariables further template variables (e.g. {@code tools}, {@code date_string})
     * @throws ChatTemplateException when the template fails or calls {@code raise_exception}
     */
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt, Map<String, Object> extraVariables) {
        Map<String, Object> context = new HashMap<>(extraVariables);
        context.put(
                "messages",
                messages.stream()
                        .map(message -> {
                            Map<String, Object> asMap = new LinkedHashMap<>();
                            asMap.put("role", message.role());
                            asMap.put("content", message.content());
                            return asMap;
                        })
                        .toList());
        context.put("add_generation_prompt", addGenerationPrompt);
        context.put("bos_token", bosToken == null ? "" : bosToken);
        context.put("eos_token", eosToken == null ? "" : eosToken);
        RenderResult result = jinjava.renderForResult(pythonMethodsAsJava(template), context);
        List<TemplateError> fatal = result.getErrors().stream()
                .filter(error -> error.getSeverity() == TemplateError.ErrorType.FATAL)
                .toList();
        if (!fatal.isEmpty()) {
            throw new ChatTemplateException(source + ": chat template failed: "
                    + fatal.stream().map(ChatTemplate::describe).collect(Collectors.joining("; ")));
        }
        return result.getOutput();
    }

    /** The Jinja source as the model ships it (or ChatML for the fallback). */
    public String template() {
        return template;
    }

    /** Whether this is the ChatML fallback rather than the model's own template. */
    public boolean isFallback() {
        return fallback;
    }

    /** Jinjava wraps what a function throws; the template's own raise_exception message is the useful part. */
    private static String describe(TemplateError error) {
        for (Throwable cause = error.getException(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ChatTemplateException raised) {
                return raised.getMessage();
            }
        }
        return error.getMessage();
    }

    static String pythonMethodsAsJava(String template) {
        String rewritten = template;
        for (Map.Entry<Pattern, String> method : PYTHON_STRING_METHODS.entrySet()) {
            rewritten = method.getKey().matcher(rewritten).replaceAll(method.getValue());
        }
        return rewritten;
    }

    /** {@code raise_exception(message)}: templates call it to reject a conversation (e.g. roles out of order). */
    public static String raiseException(String message) {
        throw new ChatTemplateException("the chat template raised: " + message);
    }

    /** {@code strftime_now(format)}: the current local time in a Python strftime format (Llama 3.1 templates). */
    public static String strftimeNow(String format) {
        LocalDateTime now = LocalDateTime.now();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char directive = format.charAt(++i);
            out.append(
                    switch (directive) {
                        case 'd' -> String.format("%02d", now.getDayOfMonth());
                        case 'm' -> String.format("%02d", now.getMonthValue());
                        case 'Y' -> String.valueOf(now.getYear());
                        case 'H' -> String.format("%02d", now.getHour());
                        case 'M' -> String.format("%02d", now.getMinute());
                        case 'b' -> now.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
                        case 'B' -> now.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                        case '%' -> "%";
                        default -> "%" + directive;
                    });
        }
        return out.toString();
    }
}
