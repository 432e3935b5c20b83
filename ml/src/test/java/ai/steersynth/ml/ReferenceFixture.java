package ai.steersynth.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code reference/auroc_reference.json}, written by {@code scripts/reference/auroc_reference.py} from
 * scikit-learn and scipy.
 */
public final class ReferenceFixture {

    private ReferenceFixture() {}

    /** The cases of one section: {@code ranking}, {@code spearman} or {@code logistic}. */
    public static List<JsonNode> section(String name) {
        try (InputStream in = ReferenceFixture.class.getResourceAsStream("/reference/auroc_reference.json")) {
            if (in == null) {
                throw new IllegalStateException("reference/auroc_reference.json missing from test resources");
            }
            List<JsonNode> cases = new ArrayList<>();
            new ObjectMapper().readTree(in).get(name).forEach(cases::add);
            if (cases.isEmpty()) {
                throw new IllegalStateException("no cases in section " + name);
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    public static double[][] matrix(JsonNode rows) {
        double[][] out = new double[rows.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = doubles(rows.get(i));
        }
        return out;
    }
}
