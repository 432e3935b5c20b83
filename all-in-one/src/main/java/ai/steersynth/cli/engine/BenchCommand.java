package ai.steersynth.cli.engine;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code steersynth bench}: engine measurements. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measures the engine on this machine.",
        subcommands = {DecodeBenchCommand.class, CommandLine.HelpCommand.class})
public final class BenchCommand {}
