package ai.steersynth.packs.importer;

/**
 * The written parts of a pack that no dataset provides.
 *
 * @param id the pack id (a slug)
 * @param name human-readable name
 * @param definition the concept definition the judge reads
 * @param promptingInstruction how the prompting baseline asks for the concept
 * @param licence licence notes of the source data, recorded in the provenance
 */
public record PackMetadata(String id, String name, String definition, String promptingInstruction, String licence) {}
