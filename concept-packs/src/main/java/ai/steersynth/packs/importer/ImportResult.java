package ai.steersynth.packs.importer;

import ai.steersynth.contracts.pack.ConceptPack;

/**
 * What an importer built.
 *
 * @param pack the normalised, split and hashed pack (validate it before use)
 * @param report every rejected row and every dropped or altered example
 * @param stats how the detector data reconciles with the sources
 */
public record ImportResult(ConceptPack pack, ImportReport report, DetectorDataStats stats) {}
