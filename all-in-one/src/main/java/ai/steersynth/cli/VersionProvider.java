package ai.steersynth.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the implementation version from the jar manifest, or {@code dev} when run from classes. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = SteerSynthCli.class.getPackage().getImplementationVersion();
        return new String[] {"steersynth " + (version == null ? "dev" : version)};
    }
}
