/** The concept-pack library: format, validation, normalisation, splits, importers and the default packs. */
package ai.steersynth.packs;
