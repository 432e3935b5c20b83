package ai.steersynth.sweep.web;

import ai.steersynth.sweep.SweepServiceApplication;

/** The running code's version, as reports record it. */
final class CodeVersion {

    private CodeVersion() {}

    /** The jar's {@code Implementation-Version}, or {@code dev} when run from classes (IDE, tests). */
    static String current() {
        String version = SweepServiceApplication.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }
}
