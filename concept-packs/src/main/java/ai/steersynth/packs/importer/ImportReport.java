package ai.steersynth.packs.importer;

import ai.steersynth.packs.importer.ImportIssue.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the issues of one import. Every rejected row is an {@code ERROR} and every dropped or
 * altered example a {@code WARNING}, so nothing disappears without a line here.
 */
public final class ImportReport {

    private final List<ImportIssue> issues = new ArrayList<>();

    public void error(String source, String location, String message) {
        issues.add(new ImportIssue(Severity.ERROR, source, location, message));
    }

    public void warning(String source, String location, String message) {
        issues.add(new ImportIssue(Severity.WARNING, source, location, message));
    }

    /** Every issue, in the order found. */
    public List<ImportIssue> issues() {
        return List.copyOf(issues);
    }

    public List<ImportIssue> errors() {
        return issues.stream().filter(i -> i.severity() == Severity.ERROR).toList();
    }

    public List<ImportIssue> warnings() {
        return issues.stream().filter(i -> i.severity() == Severity.WARNING).toList();
    }

    public boolean hasErrors() {
        return issues.stream().anyMatch(i -> i.severity() == Severity.ERROR);
    }
}
