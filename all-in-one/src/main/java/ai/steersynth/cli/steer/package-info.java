/** The {@code steersynth vector} and {@code steersynth steer} commands: extract steering vectors and generate with them. */
package ai.steersynth.cli.steer;
