#!/usr/bin/env python3
"""Writes the reference fixtures the engine's loading tests compare against.

What it produces (paths relative to the repository root):
  engine/src/test/resources/weights/dequantization-reference.json
      random blocks of each supported GGML type, and their values as gguf-py dequantises them
  engine/src/test/resources/weights/smollm2-tensor-reference.json     (needs the model)
      a few tensors of the default model in Hugging Face naming and layout, as transformers' GGUF
      loader produces them (gguf-py dequantisation + LlamaTensorProcessor's q/k reverse permute)
  engine/src/test/resources/tokenizer/smollm2-token-ids.json           (needs the model)
      token ids for a few strings, from transformers' GGUF tokenizer conversion
  engine/src/test/resources/chat/smollm2-chat-template.json            (needs the model)
      the model's chat template and what transformers' apply_chat_template renders from it

Setup (torch is not needed):
  python3 -m venv /tmp/refvenv && /tmp/refvenv/bin/pip install transformers gguf tokenizers jinja2
  /tmp/refvenv/bin/python scripts/reference/make_loading_fixtures.py "$(bash ../shared/tools/fetch-model.sh)"

transformers' own GGUF entry point (AutoTokenizer.from_pretrained(gguf_file=...)) imports torch, so the
script reads the metadata with gguf-py and calls the same conversion functions that entry point calls.
"""

import base64
import json
import sys
from pathlib import Path

import gguf
import numpy as np
from gguf import GGMLQuantizationType as T

ROOT = Path(__file__).resolve().parents[2]
RESOURCES = ROOT / "engine" / "src" / "test" / "resources"

# Byte offsets of each block's fp16 scale fields: random bytes there could be NaN or infinity.
SCALE_OFFSETS = {T.Q4_0: [0], T.Q4_1: [0, 2], T.Q8_0: [0], T.Q4_K: [0, 2], T.Q6_K: [208]}


def random_blocks(qtype, blocks, rng):
    block_size, type_size = gguf.GGML_QUANT_SIZES[qtype]
    if qtype == T.F16:
        return rng.normal(0, 2, blocks).astype(np.float16).tobytes()
    if qtype == T.BF16:
        f32 = rng.normal(0, 2, blocks).astype(np.float32)
        return (f32.view(np.uint32) >> 16).astype(np.uint16).tobytes()
    data = bytearray(rng.integers(0, 256, blocks * type_size, dtype=np.uint8).tobytes())
    for block in range(blocks):
        for offset in SCALE_OFFSETS[qtype]:
            scale = np.float16(rng.uniform(-0.1, 0.1)).tobytes()
            data[block * type_size + offset : block * type_size + offset + 2] = scale
    return bytes(data)


def dequantization_reference():
    rng = np.random.default_rng(20261128)
    out = {}
    for qtype, blocks in [(T.F16, 64), (T.BF16, 64), (T.Q8_0, 4), (T.Q4_0, 4), (T.Q4_1, 4), (T.Q4_K, 3), (T.Q6_K, 3)]:
        raw = random_blocks(qtype, blocks, rng)
        values = gguf.quants.dequantize(np.frombuffer(raw, dtype=np.uint8), qtype).astype(np.float32).ravel()
        out[qtype.name] = {"base64": base64.b64encode(raw).decode(), "values": [float(v) for v in values]}
    write(RESOURCES / "weights" / "dequantization-reference.json", out)


def tensor_reference(reader):
    from transformers.modeling_gguf_pytorch_utils import LlamaTensorProcessor

    fields = {k: f.contents() for k, f in reader.fields.items() if not k.startswith("tokenizer.ggml.")}
    processor = LlamaTensorProcessor(
        config={"num_attention_heads": fields["llama.attention.head_count"],
                "num_key_value_heads": fields["llama.attention.head_count_kv"]})
    names = {
        "token_embd.weight": "model.embed_tokens.weight",
        "blk.0.attn_q.weight": "model.layers.0.self_attn.q_proj.weight",
        "blk.0.attn_k.weight": "model.layers.0.self_attn.k_proj.weight",
        "blk.0.attn_v.weight": "model.layers.0.self_attn.v_proj.weight",
        "blk.3.ffn_down.weight": "model.layers.3.mlp.down_proj.weight",
        "blk.29.ffn_norm.weight": "model.layers.29.post_attention_layernorm.weight",
        "output_norm.weight": "model.norm.weight",
    }
    out = {}
    for tensor in reader.tensors:
        if tensor.name not in names:
            continue
        values = gguf.quants.dequantize(tensor.data, tensor.tensor_type).astype(np.float32)
        values = processor.process(values, tensor.name).weights
        flat = values.ravel()
        rows = values.shape[0]
        # A few whole rows spread over the matrix catch a wrong row order; the sums catch the rest.
        picked = sorted({0, 1, rows // 3, rows - 1}) if values.ndim == 2 else []
        out[names[tensor.name]] = {
            "ggmlType": tensor.tensor_type.name,
            "shape": list(values.shape),
            "sum": float(flat.astype(np.float64).sum()),
            "absoluteSum": float(np.abs(flat.astype(np.float64)).sum()),
            "head": [float(v) for v in flat[:16]],
            "rows": {str(r): [float(v) for v in values[r][:64]] for r in picked},
        }
    write(RESOURCES / "weights" / "smollm2-tensor-reference.json", out)


def gguf_tokenizer(reader):
    from transformers import PreTrainedTokenizerFast
    from transformers.integrations.gguf.gguf_tokenizer_mapping import GGUF_TOKENIZER_MAPPING, convert_gguf_tokenizer

    metadata = {k: f.contents() for k, f in reader.fields.items()}
    tokenizer_dict = {name: metadata[f"tokenizer.{key}"] for key, name in GGUF_TOKENIZER_MAPPING["tokenizer"].items()
                      if f"tokenizer.{key}" in metadata}
    backend, _ = convert_gguf_tokenizer(metadata["general.architecture"], tokenizer_dict)
    tokens = tokenizer_dict["tokens"]
    return PreTrainedTokenizerFast(
        tokenizer_object=backend,
        bos_token=tokens[metadata["tokenizer.ggml.bos_token_id"]],
        eos_token=tokens[metadata["tokenizer.ggml.eos_token_id"]],
        chat_template=metadata["tokenizer.chat_template"]), metadata


def token_reference(tokenizer):
    from tokenizers import pre_tokenizers

    texts = [
        "What is the capital of France?",
        "Hello world",
        "  leading spaces and trailing  ",
        "The year 2024 had 365 days, didn't it?",
        "naïve café, Straße, 東京, emoji 🙂!",
        "line one\nline two\n\n\ttabbed",
        "<|im_start|>user\nHi<|im_end|>",
        "def f(x):\n    return x ** 2  # square",
    ]
    reference = tokenizer.backend_tokenizer
    # The SmolLM2 repository's tokenizer.json splits digits one by one before the byte-level split
    # (llama.cpp's "smollm" pre-tokenizer does the same); transformers' GGUF conversion does not. For
    # this vocabulary both give the same ids, which the assertion below checks before writing.
    repository_style = type(reference).from_str(reference.to_str())
    repository_style.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.Digits(individual_digits=True),
         pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=True)])
    cases = []
    for text in texts:
        ids = tokenizer.encode(text, add_special_tokens=False)
        assert ids == repository_style.encode(text, add_special_tokens=False).ids, text
        cases.append({
            "text": text,
            "ids": ids,
            "idsWithSpecialTokens": tokenizer.encode(text, add_special_tokens=True),
            "tokens": tokenizer.convert_ids_to_tokens(ids),
            "decoded": tokenizer.decode(ids, skip_special_tokens=False),
            "decodedSkippingSpecial": tokenizer.decode(ids, skip_special_tokens=True),
        })
    write(RESOURCES / "tokenizer" / "smollm2-token-ids.json", {
        "bosTokenId": tokenizer.bos_token_id, "eosTokenId": tokenizer.eos_token_id,
        "vocabularySize": len(tokenizer), "cases": cases})


def chat_reference(tokenizer, metadata):
    conversations = [
        {"messages": [{"role": "user", "content": "What is the capital of France?"}], "addGenerationPrompt": True},
        {"messages": [{"role": "system", "content": "You are a terse assistant."},
                      {"role": "user", "content": "What is the capital of France?"}], "addGenerationPrompt": True},
        {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello! How can I help?"},
                      {"role": "user", "content": "Tell me a joke."}], "addGenerationPrompt": False},
    ]
    for conversation in conversations:
        conversation["expected"] = tokenizer.apply_chat_template(
            conversation["messages"], tokenize=False, add_generation_prompt=conversation["addGenerationPrompt"])
    write(RESOURCES / "chat" / "smollm2-chat-template.json", {
        "template": metadata["tokenizer.chat_template"],
        "bosToken": tokenizer.bos_token, "eosToken": tokenizer.eos_token, "conversations": conversations})


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print("wrote", path.relative_to(ROOT))


def main():
    dequantization_reference()
    if len(sys.argv) < 2:
        print("no model path given: only the dequantisation fixture was written")
        return
    reader = gguf.GGUFReader(sys.argv[1])
    tensor_reference(reader)
    tokenizer, metadata = gguf_tokenizer(reader)
    token_reference(tokenizer)
    chat_reference(tokenizer, metadata)


if __name__ == "__main__":
    main()
