package ai.steersynth.sweep.persistence;

import ai.steersynth.contracts.result.Judgement;
import ai.steersynth.contracts.result.Sample;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stored samples and their judgements, for the dataset export. Callers own the transaction; the
 * handlers that call this are message-logged, and the statements are idempotent on their own too.
 */
@Repository
public class SampleRepository {

    private final JdbcClient jdbc;

    public SampleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a sample; a row already made by its judgement gets the sample's columns. */
    public void storeSample(Sample sample) {
        jdbc.sql("""
                        INSERT INTO sample (sample_id, config_id, sample_index, prompt, text, token_count, seed,
                            finish_reason)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (sample_id) DO UPDATE SET prompt = excluded.prompt, text = excluded.text,
                            token_count = excluded.token_count, seed = excluded.seed,
                            finish_reason = excluded.finish_reason
                        WHERE sample.text IS NULL""")
                .params(
                        sample.sampleId(),
                        sample.configId(),
                        sample.index(),
                        sample.prompt(),
                        sample.text(),
                        sample.tokenCount(),
                        sample.seed(),
                        sample.finishReason())
                .update();
    }

    /** Stores a sample's judgement, creating the row when the sample has not arrived yet. */
    public void storeJudgement(String configId, Judgement judgement) {
        jdbc.sql("""
                        INSERT INTO sample (sample_id, config_id, sample_index, success, coherence, judge_id)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (sample_id) DO UPDATE SET success = excluded.success,
                            coherence = excluded.coherence, judge_id = excluded.judge_id""")
                .params(
                        judgement.sampleId(),
                        configId,
                        indexOf(judgement.sampleId()),
                        judgement.success(),
                        judgement.coherence(),
                        judgement.judgeId())
                .update();
    }

    /** The config's generated samples (those whose text has arrived), by index. */
    public List<SampleRow> samplesOf(String configId) {
        return jdbc.sql("""
                        SELECT * FROM sample WHERE config_id = ? AND text IS NOT NULL
                        ORDER BY sample_index""")
                .param(configId)
                .query((rs, n) -> new SampleRow(
                        rs.getString("sample_id"),
                        rs.getInt("sample_index"),
                        rs.getString("prompt"),
                        rs.getString("text"),
                        rs.getInt("token_count"),
                        rs.getLong("seed"),
                        rs.getString("finish_reason"),
                        (Double) rs.getObject("success"),
                        (Double) rs.getObject("coherence"),
                        rs.getString("judge_id")))
                .list();
    }

    /** The index part of a {@code <configId>:<index>} sample id; -1 when the id has another form. */
    static int indexOf(String sampleId) {
        int colon = sampleId.lastIndexOf(':');
        try {
            return Integer.parseInt(sampleId.substring(colon + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * A stored sample; the judgement columns are null until (unless) it is judged.
     *
     * @param success judged success in [0, 1], or null
     * @param coherence judged coherence in [0, 1], or null
     * @param judgeId the judge that scored it, or null
     */
    public record SampleRow(
            String sampleId,
            int index,
            String prompt,
            String text,
            int tokenCount,
            long seed,
            String finishReason,
            Double success,
            Double coherence,
            String judgeId) {}
}
