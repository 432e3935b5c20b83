/** The {@code steersynth pack} commands: build concept packs from datasets, build the default packs, validate a pack file. */
package ai.steersynth.cli.pack;
