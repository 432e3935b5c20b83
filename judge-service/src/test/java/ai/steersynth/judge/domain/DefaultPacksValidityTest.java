package ai.steersynth.judge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.ml.embedding.SentenceEmbedder;
import ai.steersynth.packs.defaults.DefaultPacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The offline judge's validity on the four default packs built from the shared data folder: its success
 * score's AUROC on each pack's real test split, after training on the disjoint judge split. Skipped when
 * the data is not there.
 */
class DefaultPacksValidityTest {

    private static Path data;
    private static OfflineJudge judge;

    @BeforeAll
    static void locateData() {
        data = sharedData().orElse(null);
        judge = new OfflineJudge(new SentenceEmbedder(), 42L);
    }

    @BeforeEach
    void requireSharedData() {
        assumeTrue(
                data != null,
                "Shared data folder not found: set STEERSYNTH_SHARED_DATA or place shared/data above the working"
                        + " directory; skipping the default-pack validity test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"toxicity", "harmful-requests", "sycophancy", "hallucination"})
    void theOfflineJudgeIsReportedPerDefaultConcept(String id) {
        ConceptPack pack = DefaultPacks.build(id, data).pack();
        JudgeConcept concept = new JudgeConcept(
                pack.id(),
                pack.provenance().contentHash(),
                pack.definition(),
                pack.detectorData().judge());

        ValidityReport report = JudgeValidation.validate(
                judge, concept, pack.detectorData().test(), JudgeValidation.DEFAULT_THRESHOLD, Instant.now());

        System.out.printf(
                "validity %s: judge split %d, test %d+/%d-, unscored %d, AUROC %.4f, valid %s%n",
                id,
                concept.judgeSplit().size(),
                report.positives(),
                report.negatives(),
                report.unscored(),
                report.auroc(),
                report.valid());
        assertThat(report.unscored()).isZero();
        assertThat(report.auroc()).isNotNull();
        if (id.equals(DefaultPacks.TOXICITY) || id.equals(DefaultPacks.HARMFUL_REQUESTS)) {
            assertThat(report.auroc()).isGreaterThan(0.5);
        }
    }

    private static Optional<Path> sharedData() {
        String env = System.getenv("STEERSYNTH_SHARED_DATA");
        if (env != null && !env.isBlank()) {
            return Files.isDirectory(Path.of(env)) ? Optional.of(Path.of(env)) : Optional.empty();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
