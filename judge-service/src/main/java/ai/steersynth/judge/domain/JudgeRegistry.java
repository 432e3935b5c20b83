package ai.steersynth.judge.domain;

import ai.steersynth.contracts.sweep.JudgeSettings;
import ai.steersynth.contracts.sweep.ModelSource;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the judge a sweep asked for ({@code JudgeSettings.backend}): {@code offline} (the default),
 * {@code openai} (base URL and model from the settings, else the service's defaults) or {@code local-llm}
 * (the settings' model is the model source: a {@code .gguf} path, a directory or {@code hf:org/name}).
 * Remote judges are kept per endpoint and model so every sweep using one shares its rate limit,
 * concurrency limit and circuit breaker; local judges are kept per model source.
 */
public final class JudgeRegistry {

    /** Backend names as sweeps spell them. */
    public static final String OFFLINE = "offline";

    public static final String OPENAI = "openai";
    public static final String LOCAL_LLM = "local-llm";

    private final OfflineJudge offline;
    private final RemoteJudgeFactory remote;
    private final LocalJudgeFactory local;
    private final URI defaultBaseUrl;
    private final String defaultModel;
    private final Map<String, Judge> remoteJudges = new ConcurrentHashMap<>();
    private final Map<ModelSource, Judge> localJudges = new ConcurrentHashMap<>();

    /** A registry without local models ({@code local-llm} is unsupported). */
    public JudgeRegistry(OfflineJudge offline, RemoteJudgeFactory remote, URI defaultBaseUrl, String defaultModel) {
        this(offline, remote, LocalJudgeFactory.NONE, defaultBaseUrl, defaultModel);
    }

    public JudgeRegistry(
            OfflineJudge offline,
            RemoteJudgeFactory remote,
            LocalJudgeFactory local,
            URI defaultBaseUrl,
            String defaultModel) {
        this.offline = offline;
        this.remote = remote;
        this.local = local;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultModel = defaultModel;
    }

    /**
     * The judge for a sweep's settings.
     *
     * @throws UnsupportedJudgeException for an unknown backend or one that is not available
     */
    public Judge forSettings(JudgeSettings settings) {
        String backend = backend(settings);
        switch (backend) {
            case OFFLINE:
                return offline;
            case OPENAI:
                URI baseUrl = blank(settings.baseUrl()) ? defaultBaseUrl : URI.create(settings.baseUrl());
                return openAi(baseUrl, blank(settings.model()) ? defaultModel : settings.model());
            case LOCAL_LLM:
                if (blank(settings.model())) {
                    throw new UnsupportedJudgeException(
                            LOCAL_LLM,
                            "the local-llm judge needs judge.model: a .gguf path, a model directory or hf:org/name");
                }
                return localJudge(settings.model());
            default:
                throw new UnsupportedJudgeException(
                        judgeIdOf(settings),
                        "unknown judge backend '" + backend + "'; use offline, openai or local-llm");
        }
    }

    /**
     * The judge with this id: {@code offline}, {@code openai} (the default model) or {@code openai:<model>},
     * the latter two at the default endpoint, or {@code local-llm:<model source>}.
     *
     * @throws UnsupportedJudgeException when no such judge exists here
     */
    public Judge forId(String judgeId) {
        if (judgeId.equals(OFFLINE)) {
            return offline;
        }
        if (judgeId.equals(OPENAI)) {
            return openAi(defaultBaseUrl, defaultModel);
        }
        if (judgeId.startsWith(OPENAI + ":") && judgeId.length() > OPENAI.length() + 1) {
            return openAi(defaultBaseUrl, judgeId.substring(OPENAI.length() + 1));
        }
        if (judgeId.startsWith(LOCAL_LLM + ":") && judgeId.length() > LOCAL_LLM.length() + 1) {
            return localJudge(judgeId.substring(LOCAL_LLM.length() + 1));
        }
        throw new UnsupportedJudgeException(
                judgeId, "no judge '" + judgeId + "'; use offline, openai, openai:<model> or local-llm:<model source>");
    }

    /** The id of the judge the settings select, without creating it. */
    public String judgeIdOf(JudgeSettings settings) {
        String backend = backend(settings);
        if (backend.equals(OFFLINE)) {
            return OFFLINE;
        }
        String model = settings == null || blank(settings.model())
                ? (backend.equals(OPENAI) ? defaultModel : "")
                : settings.model().strip();
        return model.isEmpty() ? backend : backend + ":" + model;
    }

    private Judge localJudge(String modelText) {
        ModelSource source;
        try {
            source = ModelSource.parse(modelText);
        } catch (IllegalArgumentException e) {
            throw new UnsupportedJudgeException(
                    LOCAL_LLM + ":" + modelText.strip(), "the local-llm judge's model " + e.getMessage());
        }
        Judge cached = localJudges.get(source);
        if (cached != null) {
            return cached;
        }
        // Created outside computeIfAbsent: creation may load a model, and a failure must not be cached here.
        Judge created = local.create(source);
        Judge previous = localJudges.putIfAbsent(source, created);
        return previous == null ? created : previous;
    }

    private Judge openAi(URI baseUrl, String model) {
        return remoteJudges.computeIfAbsent(baseUrl + "|" + model, key -> remote.create(baseUrl, model));
    }

    private static String backend(JudgeSettings settings) {
        return settings == null || blank(settings.backend())
                ? OFFLINE
                : settings.backend().trim().toLowerCase(Locale.ROOT);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
