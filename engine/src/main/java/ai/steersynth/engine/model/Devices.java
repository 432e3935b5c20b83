package ai.steersynth.engine.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Chooses the compute device from configuration, so CPU and CUDA share one code path. */
public final class Devices {

    private Devices() {}

    /**
     * Resolves {@code cpu}, {@code cuda}, {@code cuda:N} or {@code auto} (CUDA when the PyTorch engine
     * sees a GPU, CPU otherwise). Asking for CUDA where there is none fails fast rather than silently
     * running on the CPU.
     */
    public static Device resolve(String name) {
        String normalized = name == null ? "auto" : name.trim().toLowerCase(java.util.Locale.ROOT);
        int gpus = Engine.getEngine("PyTorch").getGpuCount();
        if (normalized.equals("cpu")) {
            return Device.cpu();
        }
        if (normalized.equals("auto")) {
            return gpus > 0 ? Device.gpu() : Device.cpu();
        }
        if (normalized.startsWith("cuda") || normalized.startsWith("gpu")) {
            int index =
                    normalized.contains(":") ? Integer.parseInt(normalized.substring(normalized.indexOf(':') + 1)) : 0;
            if (index >= gpus) {
                throw new IllegalStateException("device " + name + " requested but the PyTorch engine sees " + gpus
                        + " GPU(s); is a CUDA build of libtorch on the classpath?");
            }
            return Device.gpu(index);
        }
        throw new IllegalArgumentException("unknown device " + name + "; use cpu, cuda, cuda:N or auto");
    }
}
