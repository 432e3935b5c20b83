package ai.steersynth.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/** YAML reading and navigation for the tests: plain maps and lists, plus Compose's merge tags. */
final class Yaml {

    /** A value tagged {@code !override}: replaces the base value instead of merging into it. */
    record OverrideTag(Object value) {}

    /** A value tagged {@code !reset}: removes the base value. */
    record ResetTag() {}

    private Yaml() {}

    static Object load(String text) {
        return parser().load(text);
    }

    static List<Map<String, Object>> loadAll(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : parser().loadAll(text)) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        return docs;
    }

    private static org.yaml.snakeyaml.Yaml parser() {
        LoaderOptions options = new LoaderOptions();
        return new org.yaml.snakeyaml.Yaml(new ComposeConstructor(options));
    }

    /** Follows keys (for maps) and indices (for lists); null where the path does not exist. */
    static Object at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            if (current instanceof Map<?, ?> m) {
                current = m.get(step);
            } else if (current instanceof List<?> l && step instanceof Integer i) {
                current = i < l.size() ? l.get(i) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        if (!(node instanceof Map<?, ?>)) {
            throw new AssertionError("expected a mapping but got " + node);
        }
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        if (!(node instanceof List<?>)) {
            throw new AssertionError("expected a sequence but got " + node);
        }
        return (List<Object>) node;
    }

    /** Compose's merge of an override file into a base file, for the tags and shapes these files use. */
    static Object merge(Object base, Object override) {
        if (override instanceof OverrideTag o) {
            return strip(o.value());
        }
        if (base instanceof Map<?, ?> b && override instanceof Map<?, ?> o) {
            Map<String, Object> merged = new LinkedHashMap<>(map(b));
            for (Map.Entry<?, ?> e : o.entrySet()) {
                String key = (String) e.getKey();
                if (e.getValue() instanceof ResetTag) {
                    merged.remove(key);
                } else {
                    merged.put(key, merge(merged.get(key), e.getValue()));
                }
            }
            return merged;
        }
        return strip(override);
    }

    /** The document as Compose validates it: merge tags resolved to their plain values. */
    static Object strip(Object node) {
        if (node instanceof OverrideTag o) {
            return strip(o.value());
        }
        if (node instanceof ResetTag) {
            return null;
        }
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, strip(v)));
            return out;
        }
        if (node instanceof List<?> l) {
            return l.stream().map(Yaml::strip).toList();
        }
        return node;
    }

    /** SnakeYAML's safe constructor, taught Compose's {@code !override} and {@code !reset}. */
    private static final class ComposeConstructor extends SafeConstructor {

        ComposeConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!override"), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return new OverrideTag(constructPlain(node));
                }
            });
            yamlConstructors.put(new Tag("!reset"), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    return new ResetTag();
                }
            });
        }

        private Object constructPlain(Node node) {
            node.setTag(node instanceof MappingNode ? Tag.MAP : node instanceof SequenceNode ? Tag.SEQ : Tag.STR);
            return getConstructor(node).construct(node);
        }
    }
}
