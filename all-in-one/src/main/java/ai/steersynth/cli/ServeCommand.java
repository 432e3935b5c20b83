package ai.steersynth.cli;

import ai.steersynth.allinone.DefaultPackLoader;
import ai.steersynth.allinone.EmbeddedStack;
import ai.steersynth.allinone.StackSettings;
import ai.steersynth.packs.defaults.SourceDownloader;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code steersynth serve}: the embedded stack in the foreground until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Starts every SteerSynth service in this JVM: an in-process Kafka broker, PostgreSQL (STEERSYNTH_DATABASE_URL,"
                    + " else an embedded one in STEERSYNTH_HOME), the services and the gateway on STEERSYNTH_PORT.",
            "Prints the gateway URL and the API key, then runs until interrupted."
        })
final class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--no-download",
            description = "Do not download the default packs' sources when no local copy is found.")
    boolean noDownload;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        EmbeddedStack stack = EmbeddedStack.start(settings, message -> System.err.println("  " + message));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("Stopping SteerSynth...");
            stack.close();
            stopped.countDown();
        }));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf(
                "%nSteerSynth is up (%.1f s).%n  Gateway:  %s%n  API key:  %s%n  Data:     %s%n"
                        + "  Try:      curl -H 'X-API-Key: %s' %s/api/sweeps%n%n",
                took.toMillis() / 1000.0,
                stack.gatewayUrl(),
                stack.apiKey(),
                settings.home(),
                stack.apiKey(),
                stack.gatewayUrl());
        System.out.flush();
        loadDefaultPacks(stack);
        stopped.await();
        return 0;
    }

    /** Loads the default concept packs the stack lacks, saying which were skipped and why. */
    private void loadDefaultPacks(EmbeddedStack stack) throws InterruptedException {
        System.out.println("Default concept packs:");
        var outcomes = new DefaultPackLoader(stack.gatewayUrl(), stack.apiKey())
                .loadMissing(
                        DefaultPackLoader.localSourceDirectories(System.getenv("STEERSYNTH_SHARED_DATA")),
                        noDownload ? null : new SourceDownloader(SourceDownloader.defaultCacheDirectory()));
        for (var outcome : outcomes) {
            System.out.printf(
                    "  %-17s %s: %s%n",
                    outcome.packId(),
                    outcome.loaded() ? "loaded" : (outcome.detail().equals("already present") ? "present" : "SKIPPED"),
                    outcome.detail());
        }
        System.out.flush();
    }
}
