package ai.steersynth.packs.defaults;

import ai.steersynth.packs.importer.ImportResult;
import ai.steersynth.packs.importer.PackBuildOptions;
import ai.steersynth.packs.importer.PackMetadata;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything needed to build one default pack: its written metadata, its pinned sources, its build
 * options (split plan with caps) and how its importer is called on a source directory.
 *
 * @param metadata id, name, definition, prompting instruction, licence
 * @param sources the files read, with their upstream URLs and sha256
 * @param options split plan, caps and text limits
 * @param recipe calls the importer on a verified source directory
 */
public record DefaultPackDefinition(
        PackMetadata metadata, List<SourceFile> sources, PackBuildOptions options, Recipe recipe) {

    /** Builds the pack from a source directory laid out like the shared data folder. */
    @FunctionalInterface
    public interface Recipe {
        ImportResult build(Path sourceDirectory, PackMetadata metadata, PackBuildOptions options);
    }

    public DefaultPackDefinition {
        sources = List.copyOf(sources);
    }

    public String id() {
        return metadata.id();
    }
}
