package ai.steersynth.cli.steer;

import ai.steersynth.engine.steering.extract.ControlVectorGguf;
import ai.steersynth.engine.steering.extract.SteeringVectorJson;
import ai.steersynth.engine.steering.extract.SteeringVectorSet;
import ai.steersynth.engine.weights.GgufFile;
import java.nio.file.Path;

/** Vector-set files by their name: {@code .gguf} is a llama.cpp control vector, anything else JSON. */
final class VectorFiles {

    private VectorFiles() {}

    static boolean isGguf(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gguf");
    }

    static void write(SteeringVectorSet set, Path file, double ggufRelativeStrength) {
        if (isGguf(file)) {
            ControlVectorGguf.write(set, ggufRelativeStrength, file);
        } else {
            SteeringVectorJson.write(set, file);
        }
    }

    static SteeringVectorSet read(Path file) {
        return isGguf(file) || GgufFile.hasGgufMagic(file)
                ? ControlVectorGguf.read(file)
                : SteeringVectorJson.read(file);
    }
}
