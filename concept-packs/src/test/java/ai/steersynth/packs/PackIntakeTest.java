package ai.steersynth.packs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.steersynth.contracts.pack.DetectorData;
import ai.steersynth.contracts.pack.LabelledExample;
import ai.steersynth.packs.format.PackHashes;
import ai.steersynth.packs.format.PackJson;
import ai.steersynth.packs.validation.FieldError;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackIntakeTest {

    private static ByteArrayInputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aValidUploadIsNormalisedHashedAndRecordedAsAnUpload() {
        PackIntake.Result result = new PackIntake().accept(body(PackJson.toJson(TestPacks.valid())));
        assertThat(result.accepted()).isTrue();
        assertThat(result.pack().provenance().importer()).isEqualTo("upload");
        assertThat(result.pack().provenance().normalisation().unicodeForm()).isEqualTo("NFC");
        assertThat(result.pack().provenance().contentHash()).isEqualTo(PackHashes.contentHash(result.pack()));
    }

    @Test
    void brokenJsonComesBackAsAFieldError() {
        PackIntake.Result result = new PackIntake().accept(body("{\"detectorData\":{\"train\":[{\"text\":\"a\"}]}}"));
        assertThat(result.pack()).isNull();
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("detectorData.train[0].label");
    }

    @Test
    void anInvalidPackIsRejectedAsSent() {
        DetectorData valid = TestPacks.validDetectorData();
        List<LabelledExample> train = new ArrayList<>(valid.train());
        train.set(0, new LabelledExample(null, "x".repeat(4_001), 1));
        PackIntake.Result result = new PackIntake()
                .accept(TestPacks.withDetectorData(new DetectorData(train, valid.judge(), valid.test())));
        assertThat(result.errors()).extracting(FieldError::field).containsExactly("detectorData.train[0].text");
    }

    @Test
    void problemsThatOnlyNormalisingRevealsAreCaught() {
        DetectorData valid = TestPacks.validDetectorData();
        List<LabelledExample> test = new ArrayList<>(valid.test());
        test.add(new LabelledExample(null, "\u0000\u0007", 0));
        test.add(new LabelledExample(null, "nice day\u0000", 0));
        PackIntake.Result result = new PackIntake()
                .accept(TestPacks.withDetectorData(new DetectorData(valid.train(), valid.judge(), test)));
        assertThat(result.errors())
                .extracting(FieldError::field)
                .containsExactly("detectorData.test[2].text", "detectorData.test[3].text");
        assertThat(result.errors().get(1).message()).contains("detectorData.train[1]");
    }
}
