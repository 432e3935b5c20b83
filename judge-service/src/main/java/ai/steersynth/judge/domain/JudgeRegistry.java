package ai.steersynth.judge.domain;

import ai.steersynth.contracts.sweep.JudgeSettings;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Picks the judge a sweep asked for ({@code JudgeSettings.backend}): {@code offline} (the default),
 * {@code openai} (base URL and model from the settings, else the service's defaults) or {@code local-llm}
 * (not available yet, see docs/judge.md). Remote judges are kept per endpoint and model so every sweep
 * using one shares its rate limit, concurrency limit and circuit breaker.
 */
public final class JudgeRegistry {

    /** Backend names as sweeps spell them. */
    public static final String OFFLINE = "offline";

    public static final String OPENAI = "openai";
    public static final String LOCAL_LLM = "local-llm";

    private final OfflineJudge offline;
    private final RemoteJudgeFactory remote;
    private final URI defaultBaseUrl;
    private final String defaultModel;
    private final Map<String, Judge> remoteJudges = new ConcurrentHashMap<>();

    public JudgeRegistry(OfflineJudge offline, RemoteJudgeFactory remote, URI defaultBaseUrl, String defaultModel) {
        this.offline = offline;
        this.remote = remote;
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
                throw new UnsupportedJudgeException(
                        judgeIdOf(settings),
                        "the local-llm judge backend is not available yet: the engine does not expose a"
                                + " judge-model loader and per-token scoring to this service");
            default:
                throw new UnsupportedJudgeException(
                        judgeIdOf(settings),
                        "unknown judge backend '" + backend + "'; use offline, openai or local-llm");
        }
    }

    /**
     * The judge with this id: {@code offline}, {@code openai} (the default model) or {@code openai:<model>},
     * the latter two at the default endpoint.
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
        throw new UnsupportedJudgeException(
                judgeId, "no judge '" + judgeId + "'; use offline, openai or openai:<model>");
    }

    /** The id of the judge the settings select, without creating it. */
    public String judgeIdOf(JudgeSettings settings) {
        String backend = backend(settings);
        if (backend.equals(OFFLINE)) {
            return OFFLINE;
        }
        String model = settings == null || blank(settings.model())
                ? (backend.equals(OPENAI) ? defaultModel : "")
                : settings.model();
        return model.isEmpty() ? backend : backend + ":" + model;
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
