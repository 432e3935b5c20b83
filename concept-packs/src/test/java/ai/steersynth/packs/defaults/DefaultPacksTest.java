package ai.steersynth.packs.defaults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.steersynth.packs.validation.PackValidator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultPacksTest {

    @Test
    void theCatalogueHoldsTheFourDefaultConceptsInOrder() {
        assertThat(DefaultPacks.all())
                .extracting(DefaultPackDefinition::id)
                .containsExactly("toxicity", "harmful-requests", "sycophancy", "hallucination");
    }

    @Test
    void everyDefinitionHasAValidIdWrittenTextsAndPinnedHttpsSources() {
        for (DefaultPackDefinition d : DefaultPacks.all()) {
            assertThat(PackValidator.ID_PATTERN.matcher(d.id()).matches()).isTrue();
            assertThat(d.metadata().definition()).hasSizeGreaterThan(200);
            assertThat(d.metadata().promptingInstruction()).isNotBlank();
            assertThat(d.metadata().licence()).isNotBlank();
            assertThat(d.sources()).isNotEmpty().allSatisfy(s -> {
                assertThat(s.upstream().getScheme()).isEqualTo("https");
                assertThat(s.path()).startsWith(d.id().equals("harmful-requests") ? "harmful/" : d.id() + "/");
            });
        }
    }

    @Test
    void anUnknownIdNamesTheKnownOnes() {
        assertThatThrownBy(() -> DefaultPacks.get("nope")).hasMessageContaining("toxicity");
    }

    @Test
    void buildingFromADirectoryWithoutTheSourcesFailsClearly(@TempDir Path empty) {
        assertThatThrownBy(() -> DefaultPacks.build("toxicity", empty))
                .isInstanceOf(SourceVerificationException.class)
                .hasMessageContaining("davidson_labeled_data.csv");
    }
}
