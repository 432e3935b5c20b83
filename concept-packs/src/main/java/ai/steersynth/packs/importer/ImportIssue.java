package ai.steersynth.packs.importer;

/**
 * One problem found while importing.
 *
 * @param severity {@code ERROR}: the row or item was rejected; {@code WARNING}: it was kept but
 *     changed (cut to the length cap) or dropped as a duplicate of another
 * @param source the file (or URL) it came from
 * @param location where in the source: {@code row 5 (line 7)} for CSV, {@code line 12} for JSONL,
 *     {@code item [3]} (0-based) for JSON lists
 * @param message what is wrong
 */
public record ImportIssue(Severity severity, String source, String location, String message) {

    /** How bad an issue is. */
    public enum Severity {
        WARNING,
        ERROR
    }

    @Override
    public String toString() {
        return severity + " " + source + " " + location + ": " + message;
    }
}
