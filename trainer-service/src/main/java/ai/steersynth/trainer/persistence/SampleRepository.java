package ai.steersynth.trainer.persistence;

import ai.steersynth.contracts.result.Sample;
import ai.steersynth.trainer.domain.GeneratedSample;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Generated samples, their judgements and how each config's generation ended. Rows are stored whether or not the
 * sweep is known yet (topics are consumed independently). Callers own the transaction.
 */
@Repository
public class SampleRepository {

    private final JdbcClient jdbc;

    public SampleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a sample unless its id is stored. */
    public void insertSample(String sweepId, Sample sample) {
        jdbc.sql("""
                        INSERT INTO training_sample (sample_id, config_id, sweep_id, sample_index, prompt, text)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sample_id) DO NOTHING""")
                .params(sample.sampleId(), sample.configId(), sweepId, sample.index(), sample.prompt(), sample.text())
                .update();
    }

    /** Stores a sample's first judgement: a success score, or (success {@code null}) why judging failed. */
    public void insertJudgement(String sampleId, String configId, Double success, String failureReason) {
        jdbc.sql("""
                        INSERT INTO sample_judgement (sample_id, config_id, success, failure_reason)
                        VALUES (?, ?, ?, ?) ON CONFLICT (sample_id) DO NOTHING""").params(sampleId, configId, success, failureReason).update();
    }

    /** Records how generation ended, unless it is recorded already (the first word stands). */
    public void recordOutcome(String configId, String sweepId, Integer sampleCount, String failureReason) {
        jdbc.sql("""
                        INSERT INTO generation_outcome (config_id, sweep_id, sample_count, failure_reason)
                        VALUES (?, ?, ?, ?) ON CONFLICT (config_id) DO NOTHING""").params(configId, sweepId, sampleCount, failureReason).update();
    }

    public Optional<GenerationOutcome> outcome(String configId) {
        return jdbc.sql("SELECT sample_count, failure_reason FROM generation_outcome WHERE config_id = ?")
                .param(configId)
                .query((rs, n) ->
                        new GenerationOutcome((Integer) rs.getObject("sample_count"), rs.getString("failure_reason")))
                .optional();
    }

    /** Stored samples of the config with index below {@code count}. */
    public int countSamples(String configId, int count) {
        return jdbc.sql("SELECT count(*) FROM training_sample WHERE config_id = ? AND sample_index < ?")
                .params(configId, count)
                .query(Integer.class)
                .single();
    }

    /** Those samples with a judgement or a judgement failure. */
    public int countJudged(String configId, int count) {
        return jdbc.sql("""
                        SELECT count(*) FROM training_sample s JOIN sample_judgement j ON j.sample_id = s.sample_id
                        WHERE s.config_id = ? AND s.sample_index < ?""").params(configId, count).query(Integer.class).single();
    }

    /**
     * The config's samples with index below {@code count}, in index order, each with its generation prompt (null
     * for samples stored before prompts were kept) and its success or null.
     */
    public List<GeneratedSample> samples(String configId, int count) {
        return jdbc.sql("""
                        SELECT s.prompt, s.text, j.success FROM training_sample s
                        LEFT JOIN sample_judgement j ON j.sample_id = s.sample_id
                        WHERE s.config_id = ? AND s.sample_index < ? ORDER BY s.sample_index""")
                .params(configId, count)
                .query((rs, n) -> new GeneratedSample(
                        rs.getString("prompt"), rs.getString("text"), (Double) rs.getObject("success")))
                .list();
    }
}
