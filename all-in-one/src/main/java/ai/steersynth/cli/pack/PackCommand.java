package ai.steersynth.cli.pack;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code steersynth pack}: concept-pack tooling. */
@Command(
        name = "pack",
        mixinStandardHelpOptions = true,
        description = "Build, import and validate concept packs.",
        subcommands = {
            PackBuildCommand.class,
            PackBuildDefaultsCommand.class,
            PackValidateCommand.class,
            CommandLine.HelpCommand.class
        })
public final class PackCommand {}
