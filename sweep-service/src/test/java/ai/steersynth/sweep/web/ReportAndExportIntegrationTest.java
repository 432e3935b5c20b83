package ai.steersynth.sweep.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ai.steersynth.contracts.Topics;
import ai.steersynth.contracts.event.DetectorRunEvent;
import ai.steersynth.contracts.event.DiversityEvent;
import ai.steersynth.contracts.event.Event;
import ai.steersynth.contracts.event.EventCodec;
import ai.steersynth.contracts.event.JudgementEvent;
import ai.steersynth.contracts.event.SampleEvent;
import ai.steersynth.contracts.result.DetectorRun;
import ai.steersynth.contracts.result.DiversityReport;
import ai.steersynth.contracts.result.Judgement;
import ai.steersynth.contracts.result.Sample;
import ai.steersynth.platform.test.TestDatabases;
import ai.steersynth.sweep.domain.SweepReport;
import ai.steersynth.sweep.domain.SweepReport.Correlation;
import ai.steersynth.sweep.domain.SweepReport.Section;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A sweep fed through Kafka with known stage results (samples, judgements, diversity reports and
 * detector runs), then read back as a report, an HTML page, JSONL and Parquet datasets and a
 * dataset card, against a real broker and a real PostgreSQL with the real migrations.
 *
 * <p>The six steered configs of 1 concept x 1 model x 2 methods x 1 layer x 3 strengths, then the
 * prompting baseline (c006, AUROC 0.72) and the original data (c007, AUROC 0.88):
 *
 * <pre>
 *   config  success  coherence  diversity  HM       AUROC
 *   c000    0.2      0.9        0.8        0.40755  0.62
 *   c001    0.5      0.8        0.7        0.64122  0.78
 *   c002    0.8      0.4        0.3        0.42353  0.70
 *   c003    0.3      0.9        0.9        0.54000  0.66
 *   c004    0.6      0.7        0.6        0.63000  0.80
 *   c005    0.9      0.3        0.2        0.31765  0.64   (second sample's judgement failed)
 * </pre>
 *
 * Two steering configs beat prompting. Ranks against AUROC (1, 5, 4, 3, 6, 2): HM (2, 6, 3, 4, 5, 1) gives
 * sum d^2 = 6 and rho = 1 - 6 * 6 / (6 * 35) = 29/35; success (1, 3, 5, 2, 4, 6) gives 26 and 9/35;
 * diversity (5, 4, 2, 6, 3, 1) gives 40 and -1/7.
 */
@SpringBootTest(properties = {"spring.config.name=sweep-service", "steersynth.outbox.poll-interval=50ms"})
@AutoConfigureMockMvc
@EmbeddedKafka(partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportAndExportIntegrationTest {

    private static final String NAME = "<b>tiny</b> & co";
    private static final String NASTY_TEXT = "You <script>alert('x')</script> idiot, \"quoted\" & \u00e9\nsecond line";
    private static final double[][] STEERED = {
        // success per sample (2), coherence, diversity, AUROC
        {0.1, 0.3, 0.9, 0.8, 0.62},
        {0.4, 0.6, 0.8, 0.7, 0.78},
        {0.7, 0.9, 0.4, 0.3, 0.70},
        {0.2, 0.4, 0.9, 0.9, 0.66},
        {0.5, 0.7, 0.7, 0.6, 0.80},
        {0.9, Double.NaN, 0.3, 0.2, 0.64},
        {0.6, 0.8, 0.9, 0.5, 0.72}
    };

    @Autowired
    MockMvc mvc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    private String sweepId;
    private SweepReport report;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.register(registry);
    }

    @BeforeAll
    void runASweepThroughItsStages() throws Exception {
        mvc.perform(post("/api/models")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"smol\",\"source\":\"hf:HuggingFaceTB/SmolLM2-135M-Instruct\"}"))
                .andExpect(status().is2xxSuccessful());
        String pack = new ClassPathResource("packs/tiny-pack.json")
                .getContentAsString(StandardCharsets.UTF_8)
                .replace(
                        "\"id\": \"tiny-toxicity\",",
                        "\"id\": \"tiny-toxicity\", \"provenance\": {\"importer\": \"upload\", \"sources\": {},"
                                + " \"licence\": \"CC BY 4.0 | test tweets\", \"splitSeed\": 0},");
        mvc.perform(post("/api/packs").contentType(MediaType.APPLICATION_JSON).content(pack))
                .andExpect(status().is2xxSuccessful());
        MvcResult created = mvc.perform(post("/api/sweeps")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":%s,"concepts":["tiny-toxicity"],"models":["smol"],
                                 "methods":["MEAN_DIFFERENCE","PCA"],"layers":[3],"strengths":[0.5,1.0,2.0],
                                 "samplesPerConfig":2,"seed":7}""".formatted(EventCodec.encode(NAME))))
                .andExpect(status().isCreated())
                .andReturn();
        sweepId = (String) EventCodec.decode(created.getResponse().getContentAsString(), Map.class)
                .get("id");

        for (int ordinal = 0; ordinal < STEERED.length; ordinal++) {
            feedGeneratingConfig(ordinal, STEERED[ordinal]);
        }
        send(
                Topics.DETECTOR_RUNS,
                new DetectorRunEvent.DetectorRunCompleted(
                        "detector-run:" + config(7),
                        config(7),
                        Instant.now(),
                        Event.SCHEMA_VERSION,
                        sweepId,
                        run(0.88)));

        // The judge cannot separate this concept's real test split: announced twice (a redelivery).
        JudgementEvent validity = new JudgementEvent.JudgeValidityAssessed(
                "judge-validity:" + sweepId + ":tiny-toxicity",
                sweepId,
                Instant.now(),
                Event.SCHEMA_VERSION,
                "tiny-toxicity",
                "offline",
                "offline-v2",
                "packhash",
                0.58,
                40,
                20,
                0.7,
                false,
                null);
        send(Topics.JUDGEMENTS, validity);
        send(Topics.JUDGEMENTS, validity);

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> mvc.perform(get("/api/sweeps/" + sweepId))
                        .andExpect(jsonPath("$.state").value("COMPLETED")));
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> mvc.perform(get("/api/sweeps/" + sweepId + "/report"))
                        .andExpect(jsonPath("$.sections[0].judgeValidity.validityAuroc")
                                .value(0.58)));
        MvcResult result = mvc.perform(get("/api/sweeps/" + sweepId + "/report"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andReturn();
        report = EventCodec.decode(result.getResponse().getContentAsString(), SweepReport.class);
    }

    @Test
    void theReportCountsTheSteeringConfigsThatBeatPromptingFromTheStoredAurocs() {
        Section section = section();

        assertThat(section.beatPrompting().count()).isEqualTo(2);
        assertThat(section.beatPrompting().of()).isEqualTo(6);
        assertThat(section.beatPrompting().promptingAuroc()).isEqualTo(0.72);
        assertThat(section.beatPrompting().originalAuroc()).isEqualTo(0.88);
        assertThat(section.beatPrompting().headline()).isEqualTo("2 of 6 steering configs beat prompting");
        assertThat(section.leaderboardByAuroc()).hasSize(8);
        assertThat(section.leaderboardByAuroc().get(0).configId()).isEqualTo(config(7));
        assertThat(section.unfinished()).isEmpty();
    }

    @Test
    void theReportsCorrelationsAreThoseOfTheStoredScores() {
        Section section = section();

        assertThat(correlation(section, "hm").rho()).isCloseTo(29.0 / 35, within(1e-9));
        assertThat(correlation(section, "success").rho()).isCloseTo(9.0 / 35, within(1e-9));
        assertThat(correlation(section, "diversity").rho()).isCloseTo(-1.0 / 7, within(1e-9));
        assertThat(correlation(section, "hm").n()).isEqualTo(6);
        assertThat(correlation(section, "hm").ciLow()).isNotNull();
    }

    @Test
    void theReportRecommendsAndRecordsWhatItRanAgainst() {
        Section section = section();

        assertThat(section.recommended().byHm().configId()).isEqualTo(config(1));
        assertThat(section.recommended().byHm().quality().hm())
                .isCloseTo(3 / (1 / 0.5 + 1 / 0.8 + 1 / 0.7), within(1e-9));
        assertThat(section.recommended().byAuroc().configId()).isEqualTo(config(4));
        assertThat(section.judgeValidity().judgementsFailed()).isEqualTo(1);
        assertThat(section.judgeValidity().configsWithIssues())
                .singleElement()
                .satisfies(i -> assertThat(i.configId()).isEqualTo(config(5)));
        assertThat(section.strengthCurves()).hasSize(2);
        assertThat(report.reproducibility().specHash()).hasSize(64);
        assertThat(report.reproducibility().codeVersion()).isEqualTo("dev");
        assertThat(report.reproducibility().models())
                .singleElement()
                .satisfies(m -> assertThat(m.identity()).isEqualTo("hf:HuggingFaceTB/SmolLM2-135M-Instruct"));
        assertThat(report.reproducibility().packs().get(0).contentHash()).isNotBlank();
    }

    @Test
    void theReportFlagsAJudgeThatCannotTellRealViolationsFromTheStoredValidity() {
        SweepReport.JudgeValidity validity = section().judgeValidity();

        assertThat(validity.judgeId()).isEqualTo("offline");
        assertThat(validity.validityAuroc()).isEqualTo(0.58);
        assertThat(validity.examples()).isEqualTo(40);
        assertThat(validity.threshold()).isEqualTo(0.7);
        assertThat(validity.valid()).isFalse();
        assertThat(validity.flag())
                .isEqualTo("the offline judge's success score cannot tell real tiny-toxicity violations from"
                        + " non-violations (AUROC 0.58 < 0.70 on the real test split, 40 examples): its success"
                        + " and HM are not evidence");
        assertThat(validity.validityNote()).isNull();
    }

    @Test
    void theHtmlReportDrawsSvgPlotsAndEscapesText() throws Exception {
        String html = mvc.perform(get("/api/sweeps/" + sweepId + "/report.html"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("<svg", "2 of 6 steering configs beat prompting", "HM vs AUROC");
        assertThat(html)
                .contains("<p class=\"flag\">&#9888; the offline judge&#39;s success score cannot tell real"
                        + " tiny-toxicity violations");
        assertThat(html).contains("&lt;b&gt;tiny&lt;/b&gt; &amp; co").doesNotContain("<b>tiny</b>");
        String out = System.getProperty("steersynth.report.html");
        if (out != null) {
            Files.writeString(Path.of(out), html); // for looking at the page in a browser
        }
    }

    @Test
    void theJsonlExportHasOneObjectPerSampleWithItsConfigAndScores() throws Exception {
        List<Map<?, ?>> rows = jsonl(config(1));

        assertThat(rows).hasSize(2);
        Map<?, ?> first = rows.get(0);
        assertThat(first.get("text")).isEqualTo(NASTY_TEXT);
        assertThat(first.get("prompt")).isEqualTo("Reply to: I just got a new bike!");
        assertThat(first.get("label")).isEqualTo(1);
        assertThat(first.get("method")).isEqualTo("MEAN_DIFFERENCE");
        assertThat(first.get("strength")).isEqualTo(1.0);
        assertThat(first.get("seed")).isEqualTo(100);
        assertThat(first.get("success")).isEqualTo(0.4);
        assertThat(first.get("coherence")).isEqualTo(0.8);
        assertThat(first.get("judge_id")).isEqualTo("offline:test");
        assertThat(rows.get(1).get("sample_index")).isEqualTo(1);
        List<Map<?, ?>> partlyJudged = jsonl(config(5));
        assertThat(partlyJudged.get(1).get("success")).isNull();
    }

    @Test
    void theParquetExportReadsBackWithTheSameRowsAsTheJsonl(@TempDir Path dir) throws Exception {
        byte[] parquet = mvc.perform(get("/api/sweeps/" + sweepId + "/configs/" + config(5) + "/dataset")
                        .param("format", "parquet"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.apache.parquet"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Path file = dir.resolve("dataset.parquet");
        Files.write(file, parquet);

        List<Map<?, ?>> expected = jsonl(config(5));
        List<Group> groups = readParquet(file);

        assertThat(groups).hasSize(expected.size());
        for (int i = 0; i < groups.size(); i++) {
            Group group = groups.get(i);
            for (DatasetRow.Column column : DatasetRow.COLUMNS) {
                Object want = expected.get(i).get(column.name());
                boolean present = group.getFieldRepetitionCount(column.name()) > 0;
                assertThat(present).as(column.name()).isEqualTo(want != null);
                if (present) {
                    assertThat(value(group, column)).as(column.name()).isEqualTo(number(want, column));
                }
            }
        }
    }

    @Test
    void theDatasetCardStatesProvenanceScoresAndLicence() throws Exception {
        String card = mvc.perform(get("/api/sweeps/" + sweepId + "/configs/" + config(1) + "/dataset-card"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/markdown"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(card)
                .contains("hf:HuggingFaceTB/SmolLM2-135M-Instruct", "MEAN_DIFFERENCE", "| layer | 3 |")
                .contains("| strength | 1.0 |", "RELATIVE", "sweep seed 7; per-sample seeds 100 to 101")
                .contains("temperature", report.reproducibility().specHash())
                .contains(report.reproducibility().packs().get(0).contentHash())
                .contains("> CC BY 4.0 | test tweets")
                .contains("| 0.500 | 0.800 | 0.700 | 0.641 | 0.780 | [0.730, 0.830] |");
    }

    @Test
    void exportsAnswer400ForAnUnknownFormat404ForUnknownIdsAnd409WithoutSamples() throws Exception {
        mvc.perform(get("/api/sweeps/" + sweepId + "/configs/" + config(1) + "/dataset")
                        .param("format", "csv"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(get("/api/sweeps/no-such-sweep/configs/" + config(1) + "/dataset"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/sweeps/" + sweepId + "/configs/no-such-config/dataset"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/sweeps/" + sweepId + "/configs/" + config(7) + "/dataset"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/sweeps/no-such-sweep/report")).andExpect(status().isNotFound());
    }

    private void feedGeneratingConfig(int ordinal, double[] scores) {
        String configId = config(ordinal);
        for (int index = 0; index < 2; index++) {
            String text = ordinal == 1 && index == 0 ? NASTY_TEXT : "sample " + index + " of " + configId;
            Sample sample = new Sample(
                    Sample.idOf(configId, index),
                    configId,
                    index,
                    index == 0 ? "Reply to: I just got a new bike!" : "Reply to: Anyone watching the game tonight?",
                    text,
                    12 + index,
                    100 + index,
                    "stop");
            send(
                    Topics.SAMPLES,
                    new SampleEvent.SampleGenerated(
                            "sample-generated:" + sample.sampleId(),
                            configId,
                            Instant.now(),
                            Event.SCHEMA_VERSION,
                            sweepId,
                            sample));
        }
        send(
                Topics.SAMPLES,
                new SampleEvent.ConfigGenerationCompleted(
                        "generation-completed:" + configId, configId, Instant.now(), Event.SCHEMA_VERSION, sweepId, 2));
        for (int index = 0; index < 2; index++) {
            String sampleId = Sample.idOf(configId, index);
            if (Double.isNaN(scores[index])) {
                send(
                        Topics.JUDGEMENTS,
                        new JudgementEvent.SampleJudgementFailed(
                                "judgement-failed:" + sampleId,
                                configId,
                                Instant.now(),
                                Event.SCHEMA_VERSION,
                                sweepId,
                                sampleId,
                                "unparseable",
                                "???"));
            } else {
                Judgement judgement = new Judgement(sampleId, scores[index], scores[2], "offline:test", "v1", "{}");
                send(
                        Topics.JUDGEMENTS,
                        new JudgementEvent.SampleJudged(
                                "sample-judged:" + sampleId + ":offline:test",
                                configId,
                                Instant.now(),
                                Event.SCHEMA_VERSION,
                                sweepId,
                                judgement));
            }
        }
        send(
                Topics.DIVERSITY_REPORTS,
                new DiversityEvent.DiversityReported(
                        "diversity-reported:" + configId,
                        configId,
                        Instant.now(),
                        Event.SCHEMA_VERSION,
                        sweepId,
                        new DiversityReport(scores[3], scores[3], scores[3], Map.of("diversity", scores[3]))));
        send(
                Topics.DETECTOR_RUNS,
                new DetectorRunEvent.DetectorRunCompleted(
                        "detector-run:" + configId,
                        configId,
                        Instant.now(),
                        Event.SCHEMA_VERSION,
                        sweepId,
                        run(scores[4])));
    }

    private void send(String topic, Event event) {
        try {
            kafka.send(topic, event.key(), EventCodec.encode(event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not send " + event.eventId(), e);
        }
    }

    private static DetectorRun run(double auroc) {
        return new DetectorRun("embedding-logreg", 3, auroc, auroc - 0.05, auroc + 0.05, 0.01, 0.7, 0.7, Map.of());
    }

    private String config(int ordinal) {
        return "%s-c%03d".formatted(sweepId, ordinal);
    }

    private Section section() {
        assertThat(report.sections()).hasSize(1);
        return report.sections().get(0);
    }

    private static Correlation correlation(Section section, String axis) {
        return section.correlations().stream()
                .filter(c -> c.axis().equals(axis))
                .findFirst()
                .orElseThrow();
    }

    private List<Map<?, ?>> jsonl(String configId) throws Exception {
        String body = mvc.perform(get("/api/sweeps/" + sweepId + "/configs/" + configId + "/dataset")
                        .param("format", "jsonl"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/x-ndjson"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<Map<?, ?>> rows = new ArrayList<>();
        for (String line : body.split("\n")) {
            rows.add(EventCodec.decode(line, Map.class));
        }
        return rows;
    }

    /** Reads every record with parquet's own file reader and example Group converter. */
    private static List<Group> readParquet(Path file) throws Exception {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new GzipCodecFactory())
                .build();
        List<Group> groups = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), options)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            assertThat(schema).isEqualTo(DatasetWriter.SCHEMA);
            PageReadStore rowGroup;
            while ((rowGroup = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = new ColumnIOFactory()
                        .getColumnIO(schema)
                        .getRecordReader(rowGroup, new GroupRecordConverter(schema));
                for (long i = 0; i < rowGroup.getRowCount(); i++) {
                    groups.add(records.read());
                }
            }
        }
        return groups;
    }

    private static Object value(Group group, DatasetRow.Column column) {
        return switch (column.type()) {
            case STRING -> group.getString(column.name(), 0);
            case INT32 -> group.getInteger(column.name(), 0);
            case INT64 -> group.getLong(column.name(), 0);
            case DOUBLE -> group.getDouble(column.name(), 0);
        };
    }

    /** JSON numbers decode as the smallest fitting type; brings them to the column's type. */
    private static Object number(Object json, DatasetRow.Column column) {
        return switch (column.type()) {
            case STRING -> json;
            case INT32 -> ((Number) json).intValue();
            case INT64 -> ((Number) json).longValue();
            case DOUBLE -> ((Number) json).doubleValue();
        };
    }
}
