package ai.steersynth.contracts.sweep;

/**
 * Where a model's weights come from.
 *
 * @param type the kind of source
 * @param location the Hugging Face repo id (without {@code hf:}), directory or {@code .gguf} path
 */
public record ModelSource(Type type, String location) {

    /** Kinds of model source. */
    public enum Type {
        HUGGING_FACE,
        DIRECTORY,
        GGUF
    }

    /**
     * Parses the user-facing form: {@code hf:org/name}, a path ending in {@code .gguf}, or a directory path.
     *
     * @throws IllegalArgumentException with a user-facing message when the form is not recognised
     */
    public static ModelSource parse(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException(
                    "must be 'hf:<org>/<name>', a .gguf file path or a model directory path");
        }
        String trimmed = source.strip();
        if (trimmed.startsWith("hf:")) {
            String repo = trimmed.substring(3);
            if (!repo.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")) {
                throw new IllegalArgumentException("'" + trimmed + "' is not a Hugging Face repo id like hf:org/name");
            }
            return new ModelSource(Type.HUGGING_FACE, repo);
        }
        if (trimmed.toLowerCase(java.util.Locale.ROOT).endsWith(".gguf")) {
            return new ModelSource(Type.GGUF, trimmed);
        }
        if (trimmed.startsWith("/") || trimmed.startsWith("./") || trimmed.startsWith("~")) {
            return new ModelSource(Type.DIRECTORY, trimmed);
        }
        throw new IllegalArgumentException(
                "'" + trimmed + "' must be 'hf:<org>/<name>', a .gguf file path or a model directory path");
    }

    /**
     * Where this source's files are on this machine: the file or directory itself ({@code ~} expanded), or for a
     * Hugging Face repo its directory in the model cache ({@code org-name}), which must already be there.
     *
     * @param modelCache the directory Hugging Face models are kept in, one {@code org-name} directory each
     * @throws IllegalArgumentException naming the model and what to do when a Hugging Face model is not cached
     */
    public java.nio.file.Path localPath(java.nio.file.Path modelCache) {
        return switch (type) {
            case GGUF, DIRECTORY -> java.nio.file.Path.of(location.replaceFirst("^~", System.getProperty("user.home")));
            case HUGGING_FACE -> {
                java.nio.file.Path cached = modelCache.resolve(location.replace('/', '-'));
                if (!java.nio.file.Files.isDirectory(cached)) {
                    throw new IllegalArgumentException("model hf:" + location + " is not in the model cache " + cached
                            + ": download it there (config.json, *.safetensors, tokenizer.json, tokenizer_config.json),"
                            + " or register a local directory or .gguf file");
                }
                yield cached;
            }
        };
    }

    /** The user-facing form, the inverse of {@link #parse}. */
    public String asText() {
        return type == Type.HUGGING_FACE ? "hf:" + location : location;
    }
}
