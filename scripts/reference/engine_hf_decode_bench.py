#!/usr/bin/env python3
"""Baseline for docs/performance.md ("Engine decode"): Hugging Face transformers eager generate on the
same GGUF (dequantised to fp32 by transformers), same shapes as `steersynth bench decode`.

    /work/venv/bin/python scripts/reference/engine_hf_decode_bench.py \
        --gguf "$(bash ../shared/tools/fetch-model.sh)" --batch 1,8,32 --prompt-tokens 64 --new-tokens 64 --threads 2

Prints one JSON line per batch size: prefill tokens/s (one forward over the prompts) and decode
tokens/s (generate with a fixed number of new tokens, minus the prefill time), greedy, no stop tokens.
"""
import argparse
import json
import os
import time

import torch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gguf", required=True)
    parser.add_argument("--batch", default="1,8,32")
    parser.add_argument("--prompt-tokens", type=int, default=64)
    parser.add_argument("--new-tokens", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    from transformers import AutoModelForCausalLM

    directory, file = os.path.split(args.gguf)
    model = AutoModelForCausalLM.from_pretrained(
        directory, gguf_file=file, torch_dtype=torch.float32, attn_implementation="eager"
    ).eval()
    vocab = model.config.vocab_size
    generator = torch.Generator().manual_seed(0)
    with torch.inference_mode():
        warm = torch.randint(0, vocab, (1, 8), generator=generator)
        model.generate(warm, attention_mask=torch.ones_like(warm), max_new_tokens=4, do_sample=False)
        for batch in [int(b) for b in args.batch.split(",")]:
            ids = torch.randint(0, vocab, (batch, args.prompt_tokens), generator=generator)
            mask = torch.ones_like(ids)
            start = time.perf_counter()
            cpu_start = time.process_time()
            model(input_ids=ids, attention_mask=mask, use_cache=True)
            prefill = time.perf_counter() - start
            cpu_prefill = time.process_time() - cpu_start
            start = time.perf_counter()
            cpu_start = time.process_time()
            out = model.generate(
                ids,
                attention_mask=mask,
                max_new_tokens=args.new_tokens,
                min_new_tokens=args.new_tokens,
                do_sample=False,
                pad_token_id=0,
            )
            total = time.perf_counter() - start
            cpu_total = time.process_time() - cpu_start
            assert out.shape[1] == args.prompt_tokens + args.new_tokens
            decode = total - prefill
            print(json.dumps({
                "batch": batch,
                "threads": args.threads,
                "prefill_tokens_per_s": round(batch * args.prompt_tokens / prefill, 1),
                "decode_tokens_per_s": round(batch * (args.new_tokens - 1) / decode, 1),
                "decode_ms_per_step": round(1000 * decode / (args.new_tokens - 1), 1),
                # process CPU time per decode step (generate minus the prefill forward): steadier than wall
                # time on a shared machine
                "decode_cpu_ms_per_step": round(1000 * (cpu_total - cpu_prefill) / (args.new_tokens - 1), 1),
            }), flush=True)


if __name__ == "__main__":
    main()
