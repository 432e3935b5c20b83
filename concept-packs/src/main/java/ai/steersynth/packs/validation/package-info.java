/** Field-level validation of concept packs against configurable size limits. */
package ai.steersynth.packs.validation;
