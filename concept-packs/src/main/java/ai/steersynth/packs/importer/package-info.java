/** Importers that turn public safety datasets and plain labelled files into concept packs, reporting every malformed row. */
package ai.steersynth.packs.importer;
