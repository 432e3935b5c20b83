/** Text normalisation applied to every text of a pack: Unicode NFC, control characters removed, a length cap. */
package ai.steersynth.packs.normalise;
