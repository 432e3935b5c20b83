package ai.steersynth.engine.model;

import ai.steersynth.engine.weights.WeightSource;
import java.nio.FloatBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * A naive, loop-by-loop Llama forward pass for one unpadded row, in double precision: the scalar
 * reference the DJL forward pass is tested against (causal attention, grouped-query heads, RoPE,
 * RMSNorm, SiLU MLP, biases, tied or untied head).
 */
public final class ScalarLlama {

    /** Sees (and may change) the residual stream after a block at one position. */
    public interface Hook {
        void afterBlock(int layer, int position, double[] hidden);
    }

    private final ModelConfig config;
    private final Map<String, float[]> weights = new HashMap<>();

    public ScalarLlama(WeightSource source) {
        this.config = source.config();
        for (String name : source.tensorNames()) {
            FloatBuffer buffer = source.float32(name).asFloatBuffer();
            float[] values = new float[buffer.remaining()];
            buffer.get(values);
            weights.put(name, values);
        }
    }

    /** Last-position logits of {@code tokens}. */
    public float[] logits(int[] tokens, Hook hook) {
        int hidden = config.hiddenSize();
        int headSize = config.headSize();
        int heads = config.numberOfHeads();
        int kvHeads = config.numberOfKeyValueHeads();
        int seq = tokens.length;
        double[][] x = new double[seq][hidden];
        float[] embed = weights.get("model.embed_tokens.weight");
        for (int s = 0; s < seq; s++) {
            for (int h = 0; h < hidden; h++) {
                x[s][h] = embed[tokens[s] * hidden + h];
            }
        }
        float[] inverse = RotaryEmbedding.inverseFrequencies(headSize, config.ropeTheta(), config.ropeScaling());
        for (int layer = 0; layer < config.numberOfLayers(); layer++) {
            String p = "model.layers." + layer + ".";
            double[][] q = new double[seq][];
            double[][] k = new double[seq][];
            double[][] v = new double[seq][];
            for (int s = 0; s < seq; s++) {
                double[] h = rmsNorm(x[s], weights.get(p + "input_layernorm.weight"));
                q[s] = linear(h, p + "self_attn.q_proj");
                k[s] = linear(h, p + "self_attn.k_proj");
                v[s] = linear(h, p + "self_attn.v_proj");
                rope(q[s], heads, s, inverse);
                rope(k[s], kvHeads, s, inverse);
            }
            for (int s = 0; s < seq; s++) {
                double[] attention = new double[heads * headSize];
                for (int head = 0; head < heads; head++) {
                    int kvHead = head / config.queryGroups();
                    double[] scores = new double[s + 1];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= s; j++) {
                        double dot = 0;
                        for (int d = 0; d < headSize; d++) {
                            dot += q[s][head * headSize + d] * k[j][kvHead * headSize + d];
                        }
                        scores[j] = dot / Math.sqrt(headSize);
                        max = Math.max(max, scores[j]);
                    }
                    double total = 0;
                    for (int j = 0; j <= s; j++) {
                        scores[j] = Math.exp(scores[j] - max);
                        total += scores[j];
                    }
                    for (int j = 0; j <= s; j++) {
                        for (int d = 0; d < headSize; d++) {
                            attention[head * headSize + d] += scores[j] / total * v[j][kvHead * headSize + d];
                        }
                    }
                }
                add(x[s], linear(attention, p + "self_attn.o_proj"));
            }
            for (int s = 0; s < seq; s++) {
                double[] h = rmsNorm(x[s], weights.get(p + "post_attention_layernorm.weight"));
                double[] gate = linear(h, p + "mlp.gate_proj");
                double[] up = linear(h, p + "mlp.up_proj");
                for (int i = 0; i < gate.length; i++) {
                    gate[i] = gate[i] / (1 + Math.exp(-gate[i])) * up[i];
                }
                add(x[s], linear(gate, p + "mlp.down_proj"));
                if (hook != null) {
                    hook.afterBlock(layer, s, x[s]);
                }
            }
        }
        double[] last = rmsNorm(x[seq - 1], weights.get("model.norm.weight"));
        String head = weights.containsKey("lm_head.weight") ? "lm_head.weight" : "model.embed_tokens.weight";
        float[] matrix = weights.get(head);
        float[] logits = new float[config.vocabularySize()];
        for (int t = 0; t < logits.length; t++) {
            double dot = 0;
            for (int h = 0; h < hidden; h++) {
                dot += matrix[t * hidden + h] * last[h];
            }
            logits[t] = (float) dot;
        }
        return logits;
    }

    /** Scalar RMSNorm: {@code x / sqrt(mean(x^2) + eps) * weight}. */
    public double[] rmsNorm(double[] x, float[] weight) {
        double meanSquare = 0;
        for (double value : x) {
            meanSquare += value * value;
        }
        meanSquare /= x.length;
        double scale = 1 / Math.sqrt(meanSquare + config.rmsNormEpsilon());
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * scale * weight[i];
        }
        return out;
    }

    /** Scalar rotate_half RoPE of each head of {@code vector} at {@code position}, in place. */
    public static void rope(double[] vector, int heads, int position, float[] inverseFrequencies) {
        int headSize = vector.length / heads;
        int half = headSize / 2;
        for (int head = 0; head < heads; head++) {
            int base = head * headSize;
            for (int i = 0; i < half; i++) {
                double angle = position * (double) inverseFrequencies[i];
                double a = vector[base + i];
                double b = vector[base + i + half];
                vector[base + i] = a * Math.cos(angle) - b * Math.sin(angle);
                vector[base + i + half] = b * Math.cos(angle) + a * Math.sin(angle);
            }
        }
    }

    private double[] linear(double[] input, String prefix) {
        float[] matrix = weights.get(prefix + ".weight");
        float[] bias = weights.get(prefix + ".bias");
        int out = matrix.length / input.length;
        double[] result = new double[out];
        for (int o = 0; o < out; o++) {
            double dot = bias == null ? 0 : bias[o];
            for (int i = 0; i < input.length; i++) {
                dot += matrix[o * input.length + i] * input[i];
            }
            result[o] = dot;
        }
        return result;
    }

    private static void add(double[] target, double[] delta) {
        for (int i = 0; i < target.length; i++) {
            target[i] += delta[i];
        }
    }
}
