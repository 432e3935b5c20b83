package ai.steersynth.judge.domain;

import java.net.URI;

/** Creates an LLM judge on an OpenAI-compatible endpoint; the adapter lives in the {@code client} package. */
@FunctionalInterface
public interface RemoteJudgeFactory {

    /** A judge asking {@code model} at {@code baseUrl}. */
    Judge create(URI baseUrl, String model);
}
