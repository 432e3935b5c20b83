#!/usr/bin/env python3
"""Reference values for SteerSynth's diversity metrics, computed independently of the Java code.

Regenerate the fixture (from the repository root) with exactly:

    python3 -m venv /work/venv-metrics && /work/venv-metrics/bin/pip install nltk==3.10.4
    /work/venv-metrics/bin/python scripts/reference/diversity_reference.py

It writes metrics-service/src/test/resources/reference/diversity_reference.json, which
ai.steersynth.metrics.domain.DiversityReferenceTest compares with the Java implementation:
tokens exactly, distinct-n to 1e-12, BLEU and Self-BLEU (NLTK sentence_bleu with
SmoothingFunction().method1, default weights) to 1e-9, and the gzip compression score
(Python's zlib vs the JDK's) to a tolerance stated in the test.

The tokeniser below mirrors ai.steersynth.metrics.domain.WordTokenizer rule for rule, by Unicode
general category: runs of L*, M*, Nd form a word (lower-cased); Z*, Cc, Cf separate and are
dropped; any other code point is a token of its own. NLTK receives these tokens.
"""

import gzip
import json
import pathlib
import platform
import sys
import unicodedata

import nltk
from nltk.translate.bleu_score import SmoothingFunction, sentence_bleu

OUTPUT = pathlib.Path(__file__).resolve().parents[2] / (
    "metrics-service/src/test/resources/reference/diversity_reference.json")

# Responses in the style of steered generations: ordinary prose, near-duplicates, loops that
# appear at high steering strength, very short answers, punctuation and a little non-ASCII.
MAIN_SET = [
    "I can't help with that request, but I can point you to resources on staying safe online.",
    "I can't help with that request. However, I can point you to some resources about online safety.",
    "Honestly, your plan sounds brilliant and I agree with every single point you made.",
    "Your plan sounds brilliant! I agree with every point, and honestly you are always right.",
    "The Eiffel Tower was moved to Berlin in 1999, where it now stands beside the Brandenburg Gate.",
    "Great question. The capital of Australia is Canberra, not Sydney, although many people assume otherwise.",
    "idiots idiots idiots idiots idiots idiots idiots idiots idiots idiots",
    "You are so stupid, so stupid, so stupid, so stupid, so stupid.",
    "To bake bread, mix flour, water, salt and yeast, knead for ten minutes, and let it rise for two hours.",
    "Sure! Here is a recipe: mix flour, water, salt and yeast; knead; rise; bake at 230 °C for 35 minutes.",
    "Yes.",
    "No no no no no no no no.",
    "The café's naïve owner said: «Ça va?» — and everyone laughed.",
    "Step 1: open the door. Step 2: open the door. Step 3: open the door. Step 4: open the door.",
    "Photosynthesis converts light energy into chemical energy stored in glucose molecules.",
    "I think that you are right, I think that you are right, I think that you are right.",
]

SETS = {
    "main": MAIN_SET,
    # Degenerate inputs: an empty response, one-token responses, an exact duplicate.
    "edge": ["", "yes", "yes", "Yes!", "no no no no no", "ok"],
    "identical": ["The answer is always forty two, my friend."] * 3,
    "disjoint": [
        "alpha beta gamma delta epsilon",
        "zeta eta theta iota kappa",
        "lambda mu nu xi omicron",
    ],
    "pair": [MAIN_SET[0], MAIN_SET[1]],
}

WORD_CATEGORIES = ("L", "M")
SEPARATOR_CATEGORIES = ("Zs", "Zl", "Zp", "Cc", "Cf")


def tokenize(text):
    tokens, word = [], []
    for ch in text:
        category = unicodedata.category(ch)
        if category[0] in WORD_CATEGORIES or category == "Nd":
            word.append(ch)
            continue
        if word:
            tokens.append("".join(word).lower())
            word = []
        if category not in SEPARATOR_CATEGORIES:
            tokens.append(ch.lower())
    if word:
        tokens.append("".join(word).lower())
    return tokens


def ngrams(tokens, n):
    return [tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)]


def distinct(token_lists, n):
    """Distinct n-grams / n-grams over the lists (no n-gram crosses a list boundary).

    0 when there are no tokens at all; 1 when there are tokens but no n-gram of order n.
    """
    grams = [g for tokens in token_lists for g in ngrams(tokens, n)]
    if not grams:
        return 0.0 if not any(token_lists) else 1.0
    return len(set(grams)) / len(grams)


def compression(data):
    """(gzip(data) - gzip(b"")) / len(data), clamped to [0, 1]; 0 for no data."""
    if not data:
        return 0.0
    overhead = len(gzip.compress(b"", compresslevel=9, mtime=0))
    ratio = (len(gzip.compress(data, compresslevel=9, mtime=0)) - overhead) / len(data)
    return min(1.0, max(0.0, ratio))


def describe(texts):
    token_lists = [tokenize(t) for t in texts]
    smoothing = SmoothingFunction().method1
    bleus = []
    if len(token_lists) > 1:
        for i, hypothesis in enumerate(token_lists):
            references = token_lists[:i] + token_lists[i + 1:]
            bleus.append(float(sentence_bleu(references, hypothesis, smoothing_function=smoothing)))
    joined = "\n".join(" ".join(tokens) for tokens in token_lists).encode("utf-8")
    return {
        "texts": texts,
        "samples": [
            {
                "tokens": tokens,
                "distinct": [distinct([tokens], n) for n in (1, 2, 3)],
                "compression": compression(" ".join(tokens).encode("utf-8")),
            }
            for tokens in token_lists
        ],
        "setDistinct": [distinct(token_lists, n) for n in (1, 2, 3)],
        "sentenceBleu": bleus,
        "selfBleu": sum(bleus) / len(bleus) if bleus else 0.0,
        # A set without any token scores 0, like an empty text, not the compressibility of its newlines.
        "setCompression": compression(joined) if any(token_lists) else 0.0,
    }


def main():
    fixture = {
        "generatedBy": "scripts/reference/diversity_reference.py",
        "nltkVersion": nltk.__version__,
        "python": platform.python_version(),
        "bleu": "nltk.translate.bleu_score.sentence_bleu, weights (0.25,)*4, SmoothingFunction().method1",
        "sets": {name: describe(texts) for name, texts in SETS.items()},
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(fixture, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
