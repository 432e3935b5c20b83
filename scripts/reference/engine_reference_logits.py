#!/usr/bin/env python3
"""Reference next-token logits from Hugging Face transformers, for the engine's forward-pass tests.

Regenerate the fixtures (from the repository root):

    python3 -m venv /work/venv && /work/venv/bin/pip install torch transformers gguf safetensors
    /work/venv/bin/python scripts/reference/engine_reference_logits.py \
        --gguf "$(bash ../shared/tools/fetch-model.sh)" \
        --out engine/src/test/resources/reference

Writes
  synthetic-logits.json  tiny random Llama (tied), Llama 3 (llama3 RoPE scaling, untied head) and
                         Qwen2 (q/k/v biases) models whose weights come from the integer-hash formula
                         that SyntheticWeightSource.value() implements in the Java tests, so both sides
                         hold bit-identical fp32 weights;
  smollm2-gguf-logits.json  the default model (SmolLM2-135M-Instruct, Q4_1 GGUF) loaded by transformers
                         from the GGUF (which dequantises to fp32), for fixed raw prompts (no chat template).
Logits are stored as little-endian float32, base64-encoded, for the last prompt position.
"""
import argparse
import base64
import json
import os

import numpy as np
import torch

MASK32 = 0xFFFFFFFF


def java_string_hash(name):
    h = 0
    for ch in name:
        h = (31 * h + ord(ch)) & MASK32
    return h


def synthetic_values(name, count):
    """Mirror of SyntheticWeightSource.value(name, index) for index in [0, count)."""
    index = np.arange(count, dtype=np.uint64)
    x = (index * np.uint64(2654435761) + np.uint64(java_string_hash(name) * 40503 + 12345)) & np.uint64(MASK32)
    x ^= x >> np.uint64(15)
    x = (x * np.uint64(2246822519)) & np.uint64(MASK32)
    x ^= x >> np.uint64(13)
    x = (x * np.uint64(3266489917)) & np.uint64(MASK32)
    x ^= x >> np.uint64(16)
    centered = ((x >> np.uint64(16)).astype(np.int64) - 32768).astype(np.float32)
    if name.endswith("norm.weight"):
        return np.float32(1) + centered * np.float32(2.0**-18)
    if name.endswith(".bias"):
        return centered * np.float32(2.0**-19)
    if "embed_tokens" in name:
        return centered * np.float32(2.0**-16)
    return centered * np.float32(2.0**-18)


def tiny_models():
    """The three configurations of SyntheticWeightSource (tinyLlama, tinyLlama3, tinyQwen2)."""
    from transformers import LlamaConfig, LlamaForCausalLM, Qwen2Config, Qwen2ForCausalLM

    common = dict(
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        head_dim=16,
        vocab_size=128,
        max_position_embeddings=256,
        hidden_act="silu",
        attn_implementation="eager",
    )
    llama = LlamaConfig(rms_norm_eps=1e-5, rope_theta=10000.0, tie_word_embeddings=True, attention_bias=False, **common)
    llama3 = LlamaConfig(
        rms_norm_eps=1e-5,
        rope_theta=500000.0,
        rope_scaling={
            "rope_type": "llama3",
            "factor": 8.0,
            "low_freq_factor": 1.0,
            "high_freq_factor": 4.0,
            "original_max_position_embeddings": 64,
        },
        tie_word_embeddings=False,
        attention_bias=False,
        **common,
    )
    qwen2 = Qwen2Config(rms_norm_eps=1e-6, rope_theta=1000000.0, tie_word_embeddings=True, **common)
    return [("tinyLlama", LlamaForCausalLM, llama), ("tinyLlama3", LlamaForCausalLM, llama3), ("tinyQwen2", Qwen2ForCausalLM, qwen2)]


def encode(logits):
    return base64.b64encode(np.asarray(logits, dtype="<f4").tobytes()).decode("ascii")


def last_logits(model, ids):
    with torch.no_grad():
        out = model(torch.tensor([ids], dtype=torch.long))
    return out.logits[0, -1].float().numpy()


def synthetic_fixture():
    prompts = [[1, 5, 9, 77, 3, 101, 64, 12, 127, 0, 42], [7], [99, 98, 97, 96, 95, 94, 93, 92, 91, 90, 89, 88, 87, 86, 85, 84, 83, 82, 81, 80, 79, 78, 77, 76, 75, 74, 73, 72, 71, 70, 69, 68, 67, 66, 65, 64, 63, 62, 61, 60]]
    models = []
    for label, cls, config in tiny_models():
        torch.manual_seed(0)
        model = cls(config).eval()
        state = model.state_dict()
        for name, tensor in state.items():
            # a tied head is the embedding matrix itself
            source = "model.embed_tokens.weight" if name == "lm_head.weight" and config.tie_word_embeddings else name
            values = synthetic_values(source, tensor.numel()).reshape(tuple(tensor.shape))
            state[name] = torch.from_numpy(values)
        model.load_state_dict(state)
        assert config.tie_word_embeddings == (model.lm_head.weight.data_ptr() == model.model.embed_tokens.weight.data_ptr())
        assert float(model.model.embed_tokens.weight.detach()[3, 5]) == float(synthetic_values("model.embed_tokens.weight", 3 * 64 + 6)[-1])
        models.append({
            "name": label,
            "prompts": [{"ids": ids, "logits_f32le_base64": encode(last_logits(model, ids))} for ids in prompts],
        })
    return {"transformers": __import__("transformers").__version__, "torch": torch.__version__, "models": models}


GGUF_PROMPTS = ["The capital of France is", "def fibonacci(n):", "Once upon a time, in a small village,"]


def gguf_fixture(gguf_path):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    directory, file = os.path.split(gguf_path)
    tokenizer = AutoTokenizer.from_pretrained(directory, gguf_file=file)
    model = AutoModelForCausalLM.from_pretrained(directory, gguf_file=file, torch_dtype=torch.float32).eval()
    prompts = []
    for text in GGUF_PROMPTS:
        ids = tokenizer(text)["input_ids"]
        logits = last_logits(model, ids)
        top = np.argsort(-logits, kind="stable")[:10]
        prompts.append({
            "text": text,
            "ids": [int(i) for i in ids],
            "top10": [int(i) for i in top],
            "top10_tokens": [tokenizer.convert_ids_to_tokens(int(i)) for i in top],
            "logits_f32le_base64": encode(logits),
        })
    return {
        "model": file,
        "transformers": __import__("transformers").__version__,
        "torch": torch.__version__,
        "prompts": prompts,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="engine/src/test/resources/reference")
    parser.add_argument("--gguf", help="path to SmolLM2-135M-Instruct.Q4_1.gguf; skipped when absent")
    args = parser.parse_args()
    torch.set_num_threads(2)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "synthetic-logits.json"), "w") as f:
        json.dump(synthetic_fixture(), f, indent=1)
    if args.gguf:
        with open(os.path.join(args.out, "smollm2-gguf-logits.json"), "w") as f:
            json.dump(gguf_fixture(args.gguf), f, indent=1)


if __name__ == "__main__":
    main()
