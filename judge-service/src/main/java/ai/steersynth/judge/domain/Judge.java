package ai.steersynth.judge.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores texts for steering success and coherence, each in [0, 1]. Implementations are thread-safe.
 * A judge that cannot answer now (endpoint down, circuit open) throws {@link JudgeUnavailableException};
 * one that answered but could not be read returns an unscored {@link JudgeResult}.
 */
public interface Judge {

    /** Which judge this is, e.g. {@code offline} or {@code openai:gpt-4o-mini}; part of event ids and cache keys. */
    String judgeId();

    /** The version of the rubric (or scoring recipe) behind the scores; part of cache keys. */
    String rubricVersion();

    /**
     * The version of the recipe that scores this request, when it depends on the request (the offline
     * judge scores coherence from the generating model's likelihood when it can load that model, and from
     * repetition alone when it cannot); part of cache keys and recorded with the judgement.
     */
    default String rubricVersion(JudgeRequest request) {
        return rubricVersion();
    }

    /** Scores one text. */
    JudgeResult judge(JudgeRequest request);

    /** Scores several texts, in order; backends that batch override this. */
    default List<JudgeResult> judgeAll(List<JudgeRequest> requests) {
        List<JudgeResult> results = new ArrayList<>(requests.size());
        for (JudgeRequest request : requests) {
            results.add(judge(request));
        }
        return results;
    }
}
