package ai.steersynth.packs.importer;

import ai.steersynth.contracts.pack.LabelledExample;

/**
 * A detector example as read, before normalisation, with where it came from (for warnings).
 *
 * @param example the example
 * @param source the file it came from
 * @param location its row or item in the file
 */
public record ImportedExample(LabelledExample example, String source, String location) {}
