package ai.steersynth.engine.tokenizer;

import ai.steersynth.engine.ModelFileException;
import ai.steersynth.engine.weights.GgufMetadata;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rebuilds a Hugging Face {@code tokenizer.json} from a GGUF file's byte-level BPE vocabulary
 * ({@code tokenizer.ggml.model = gpt2}): vocabulary and merges as stored, control tokens as special
 * added tokens, and the pre-tokenizer that {@code tokenizer.ggml.pre} names, so the well-tested
 * Rust {@code tokenizers} library does the work. Follows transformers' GGUF conversion
 * ({@code integrations/gguf/gguf_tokenizer_mapping.py}), except that {@code smollm} splits digits
 * one by one as SmolLM2's own {@code tokenizer.json} and llama.cpp do.
 */
public final class GgufTokenizerJson {

    private static final Logger log = LoggerFactory.getLogger(GgufTokenizerJson.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** llama.cpp's {@code llama_token_type}: 3 is CONTROL (special), 4 is USER_DEFINED (added, not special). */
    private static final int CONTROL = 3;

    private static final int USER_DEFINED = 4;

    private static final String LLAMA3_SPLIT = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+"
            + "|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final String QWEN2_SPLIT = "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+"
            + "|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
    private static final Set<String> GPT2_PRE = Set.of("default", "gpt-2", "gpt2");
    private static final Set<String> LLAMA3_PRE = Set.of("llama3", "llama-v3", "llama-bpe", "falcon3", "smaug-bpe");
    private static final Set<String> QWEN2_PRE = Set.of("qwen2", "deepseek-r1-qwen");

    private GgufTokenizerJson() {}

    /**
     * The tokenizer a GGUF file describes.
     *
     * @throws ModelFileException when the file has no tokenizer, or one other than byte-level BPE
     */
    public static HuggingFaceTextTokenizer open(GgufMetadata metadata, String source) {
        List<String> tokens = metadata.stringArray("tokenizer.ggml.tokens");
        List<Integer> stops = new ArrayList<>();
        for (String key : List.of("tokenizer.ggml.eot_token_id", "tokenizer.ggml.eom_token_id")) {
            metadata.optionalInt(key).ifPresent(stops::add);
        }
        return HuggingFaceTextTokenizer.fromJson(
                build(metadata, source),
                tokenText(metadata, "tokenizer.ggml.bos_token_id", tokens),
                tokenText(metadata, "tokenizer.ggml.eos_token_id", tokens),
                stops,
                source);
    }

    private static String tokenText(GgufMetadata metadata, String key, List<String> tokens) {
        return metadata.optionalInt(key)
                .filter(id -> id >= 0 && id < tokens.size())
                .map(tokens::get)
                .orElse(null);
    }

    /** The {@code tokenizer.json} text for a GGUF file's tokenizer metadata. */
    public static String build(GgufMetadata metadata, String source) {
        String model = metadata.optionalString("tokenizer.ggml.model")
                .orElseThrow(() -> new ModelFileException(source + ": metadata key 'tokenizer.ggml.model' is missing"));
        if (!model.equals("gpt2")) {
            throw new ModelFileException(source + ": tokenizer model '" + model + "' (metadata key "
                    + "'tokenizer.ggml.model') is not supported; supported: gpt2 (byte-level BPE)");
        }
        List<String> tokens = metadata.stringArray("tokenizer.ggml.tokens");
        List<Long> types = metadata.contains("tokenizer.ggml.token_type")
                ? metadata.integerArray("tokenizer.ggml.token_type")
                : List.of();
        String pre = metadata.optionalString("tokenizer.ggml.pre").orElse("default");
        boolean addPrefixSpace =
                metadata.optionalBoolean("tokenizer.ggml.add_space_prefix").orElse(false);

        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        root.set("added_tokens", addedTokens(tokens, types));
        if (QWEN2_PRE.contains(pre)) {
            root.putObject("normalizer").put("type", "NFC");
        } else {
            root.putNull("normalizer");
        }
        root.set("pre_tokenizer", preTokenizer(pre, addPrefixSpace, source));
        root.set("post_processor", postProcessor(metadata, tokens));
        ObjectNode decoder = root.putObject("decoder");
        decoder.put("type", "ByteLevel")
                .put("add_prefix_space", true)
                .put("trim_offsets", true)
                .put("use_regex", true);
        root.set("model", bpeModel(metadata, tokens, LLAMA3_PRE.contains(pre), source));
        return JSON.writeValueAsString(root);
    }

    private static ArrayNode addedTokens(List<String> tokens, List<Long> types) {
        ArrayNode added = JSON.createArrayNode();
        for (int id = 0; id < types.size() && id < tokens.size(); id++) {
            int type = types.get(id).intValue();
            String token = tokens.get(id);
            // a CONTROL token outside the byte alphabet is a llama.cpp mislabel; transformers skips those too
            boolean special = type == CONTROL && ByteLevelAlphabet.isSpelled(token);
            if (special || type == USER_DEFINED) {
                added.addObject()
                        .put("id", id)
                        .put("content", token)
                        .put("single_word", false)
                        .put("lstrip", false)
                        .put("rstrip", false)
                        .put("normalized", false)
                        .put("special", special);
            }
        }
        return added;
    }

    private static ObjectNode preTokenizer(String pre, boolean addPrefixSpace, String source) {
        ObjectNode byteLevel = JSON.createObjectNode()
                .put("type", "ByteLevel")
                .put("add_prefix_space", addPrefixSpace)
                .put("trim_offsets", true)
                .put("use_regex", true);
        if (pre.equals("smollm")) {
            ObjectNode digits = JSON.createObjectNode().put("type", "Digits").put("individual_digits", true);
            return sequence(digits, byteLevel);
        }
        String split = LLAMA3_PRE.contains(pre) ? LLAMA3_SPLIT : QWEN2_PRE.contains(pre) ? QWEN2_SPLIT : null;
        if (split != null) {
            ObjectNode splitNode = JSON.createObjectNode().put("type", "Split");
            splitNode.putObject("pattern").put("Regex", split);
            splitNode.put("behavior", "Isolated").put("invert", false);
            return sequence(splitNode, byteLevel.put("use_regex", false));
        }
        if (!GPT2_PRE.contains(pre)) {
            log.warn(
                    "{}: pre-tokenizer '{}' (metadata key 'tokenizer.ggml.pre') is not known here; using GPT-2's "
                            + "split, as transformers does, which may differ from llama.cpp on some text",
                    source,
                    pre);
        }
        return byteLevel;
    }

    private static ObjectNode sequence(ObjectNode first, ObjectNode second) {
        ObjectNode sequence = JSON.createObjectNode().put("type", "Sequence");
        sequence.putArray("pretokenizers").add(first).add(second);
        return sequence;
    }

    /** BOS/EOS as the file's add_bos_token/add_eos_token flags ask (both default to off for byte-level BPE). */
    private static ObjectNode postProcessor(GgufMetadata metadata, List<String> tokens) {
        String bos = metadata.optionalBoolean("tokenizer.ggml.add_bos_token").orElse(false)
                ? tokenText(metadata, "tokenizer.ggml.bos_token_id", tokens)
                : null;
        String eos = metadata.optionalBoolean("tokenizer.ggml.add_eos_token").orElse(false)
                ? tokenText(metadata, "tokenizer.ggml.eos_token_id", tokens)
                : null;
        if (bos == null && eos == null) {
            return JSON.createObjectNode()
                    .put("type", "ByteLevel")
                    .put("add_prefix_space", true)
                    .put("trim_offsets", false)
                    .put("use_regex", true);
        }
        ObjectNode processor = JSON.createObjectNode().put("type", "TemplateProcessing");
        ArrayNode single = processor.putArray("single");
        ArrayNode pair = processor.putArray("pair");
        addTemplate(single, bos, "A", 0, eos);
        addTemplate(pair, bos, "A", 0, eos);
        addTemplate(pair, bos, "B", 1, eos);
        ObjectNode special = processor.putObject("special_tokens");
        for (String token : new String[] {bos, eos}) {
            if (token != null) {
                ObjectNode entry = special.putObject(token).put("id", token);
                entry.putArray("ids").add(tokens.indexOf(token));
                entry.putArray("tokens").add(token);
            }
        }
        return processor;
    }

    private static void addTemplate(ArrayNode template, String bos, String sequence, int typeId, String eos) {
        if (bos != null) {
            template.addObject().putObject("SpecialToken").put("id", bos).put("type_id", typeId);
        }
        template.addObject().putObject("Sequence").put("id", sequence).put("type_id", typeId);
        if (eos != null) {
            template.addObject().putObject("SpecialToken").put("id", eos).put("type_id", typeId);
        }
    }

    private static ObjectNode bpeModel(
            GgufMetadata metadata, List<String> tokens, boolean ignoreMerges, String source) {
        if (!metadata.contains("tokenizer.ggml.merges")) {
            throw new ModelFileException(source + ": metadata key 'tokenizer.ggml.merges' is missing (a gpt2 "
                    + "tokenizer needs its merges)");
        }
        ObjectNode model = JSON.createObjectNode()
                .put("type", "BPE")
                .putNull("dropout")
                .putNull("unk_token")
                .putNull("continuing_subword_prefix")
                .putNull("end_of_word_suffix")
                .put("fuse_unk", false)
                .put("byte_fallback", false)
                // llama.cpp's llama3 vocabularies look a whole word up before merging, as HF's Llama 3 tokenizer does
                .put("ignore_merges", ignoreMerges);
        // Tokens are stored in the GPT-2 byte alphabet; any that are not get spelled into it, as transformers does.
        Map<String, Integer> vocab = new LinkedHashMap<>();
        for (int id = 0; id < tokens.size(); id++) {
            vocab.put(ByteLevelAlphabet.spell(tokens.get(id)), id);
        }
        ObjectNode vocabNode = model.putObject("vocab");
        vocab.forEach(vocabNode::put);
        ArrayNode merges = model.putArray("merges");
        metadata.stringArray("tokenizer.ggml.merges").forEach(merges::add);
        return model;
    }

    /** GPT-2's reversible byte-to-character map ({@code bytes_to_unicode}). */
    static final class ByteLevelAlphabet {

        private static final char[] CHARACTER_OF_BYTE = new char[256];
        private static final boolean[] IN_ALPHABET = new boolean[512];

        static {
            int next = 0;
            for (int b = 0; b < 256; b++) {
                boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
                CHARACTER_OF_BYTE[b] = (char) (printable ? b : 256 + next++);
                IN_ALPHABET[CHARACTER_OF_BYTE[b]] = true;
            }
        }

        private ByteLevelAlphabet() {}

        static boolean isSpelled(String token) {
            return token.chars().allMatch(c -> c < IN_ALPHABET.length && IN_ALPHABET[c]);
        }

        /** The token unchanged when it is already in the alphabet, else its UTF-8 bytes spelled in it. */
        static String spell(String token) {
            if (isSpelled(token)) {
                return token;
            }
            StringBuilder spelled = new StringBuilder();
            for (byte b : token.getBytes(StandardCharsets.UTF_8)) {
                spelled.append(CHARACTER_OF_BYTE[b & 0xff]);
            }
            return spelled.toString();
        }
    }
}
