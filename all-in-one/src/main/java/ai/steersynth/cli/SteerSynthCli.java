package ai.steersynth.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code steersynth} launcher. Each capability adds its subcommand to the list below; the
 * commands themselves live in sub-packages by concern ({@code cli.engine}, {@code cli.pack}, ...).
 */
@Command(
        name = "steersynth",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Synthetic HHH-violation data by activation steering, with intrinsic and extrinsic evaluation.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ServeCommand.class,
            ai.steersynth.cli.demo.DemoCommand.class,
            ai.steersynth.cli.pack.PackCommand.class,
            ai.steersynth.cli.engine.GenerateCommand.class,
            ai.steersynth.cli.engine.LogitsCommand.class,
            ai.steersynth.cli.engine.BenchCommand.class,
            ai.steersynth.cli.steer.VectorCommand.class,
            ai.steersynth.cli.steer.SteerCommand.class
        })
public final class SteerSynthCli {

    private SteerSynthCli() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the launcher and returns its exit code (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return new CommandLine(new SteerSynthCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }
}
