package ai.steersynth.cli.pack;

import ai.steersynth.contracts.pack.ConceptPack;
import ai.steersynth.packs.importer.DetectorDataStats;
import ai.steersynth.packs.importer.ImportIssue;
import ai.steersynth.packs.importer.ImportResult;
import ai.steersynth.packs.validation.FieldError;
import java.io.PrintWriter;
import java.util.List;

/** Prints what an import produced: source counts, counts per split and label, issues. */
final class PackSummary {

    private static final int ISSUES_SHOWN = 20;

    private PackSummary() {}

    static void print(PrintWriter out, ImportResult result) {
        ConceptPack pack = result.pack();
        DetectorDataStats s = result.stats();
        out.printf("%s (%s)%n", pack.id(), pack.provenance().importer());
        out.printf(
                "  source:     %d records, %d rejected; %s examples%n",
                s.sourceRecords(), s.rejectedRecords(), s.imported());
        out.printf(
                "  dropped:    %d duplicates, %d with conflicting labels; pooled %s%n",
                s.duplicatesDropped(), s.conflictingDropped(), s.pooled());
        out.printf("  split:      %s%n", s.assigned());
        out.printf("  in pack:    %s%n", s.kept());
        out.printf(
                "  pairs %d, generation prompts %d, content hash %s%n",
                pack.contrastivePairs().size(),
                pack.generationPrompts().size(),
                pack.provenance().contentHash());
        List<ImportIssue> issues = result.report().issues();
        if (!issues.isEmpty()) {
            out.printf(
                    "  %d errors, %d warnings%s%n",
                    result.report().errors().size(),
                    result.report().warnings().size(),
                    issues.size() > ISSUES_SHOWN ? " (first " + ISSUES_SHOWN + " shown)" : "");
            issues.stream().limit(ISSUES_SHOWN).forEach(i -> out.println("    " + i));
        }
        out.flush();
    }

    static void printValidation(PrintWriter err, String what, List<FieldError> errors) {
        err.printf(
                "%s is not a valid concept pack (%d %s):%n",
                what, errors.size(), errors.size() == 1 ? "problem" : "problems");
        errors.forEach(e -> err.println("  " + e));
        err.flush();
    }
}
