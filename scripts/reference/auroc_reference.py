#!/usr/bin/env python3
"""Reference values for SteerSynth's ml module (AUROC, average precision, Spearman, logistic regression).

Regenerate (from the repository root):

    python3 -m venv /work/venv-ml && /work/venv-ml/bin/pip install scikit-learn numpy scipy
    /work/venv-ml/bin/python scripts/reference/auroc_reference.py

It writes ml/src/test/resources/reference/auroc_reference.json: the inputs (fixed by the seeds below, and
stored in the file so the Java tests never need Python) and what scikit-learn / scipy compute on them.
The Java tests that assert agreement: evaluate/RankingReferenceTest (AUROC 1e-12, average precision 1e-9),
stats/SpearmanReferenceTest (1e-12) and classify/LogisticRegressionReferenceTest (coefficients 1e-6 relative),
under ml/src/test/java/ai/steersynth/ml/.
"""

import json
import pathlib

import numpy as np
import scipy
import sklearn
from scipy.stats import spearmanr
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score
from sklearn.preprocessing import StandardScaler

OUT = pathlib.Path(__file__).resolve().parents[2] / "ml/src/test/resources/reference/auroc_reference.json"


def ranking_cases():
    rng = np.random.default_rng(20261128)
    cases = []

    def add(name, scores, labels):
        scores = [float(s) for s in scores]
        labels = [int(l) for l in labels]
        cases.append({
            "name": name,
            "scores": scores,
            "labels": labels,
            "roc_auc": float(roc_auc_score(labels, scores)),
            "average_precision": float(average_precision_score(labels, scores)),
        })

    add("small hand case", [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])
    labels = rng.integers(0, 2, 200)
    add("continuous, overlapping classes", rng.normal(labels * 0.8, 1.0), labels)
    labels = rng.integers(0, 2, 150)
    add("heavy ties (one decimal)", np.round(rng.normal(labels * 0.5, 1.0), 1), labels)
    labels = np.array([1] * 7 + [0] * 23)
    add("integer scores with ties across classes, imbalanced", rng.integers(0, 4, 30) + labels, labels)
    add("all scores equal", [0.3] * 12, [1, 0, 0, 1, 0, 1, 0, 0, 0, 1, 1, 0])
    add("perfectly separated", [0.9, 0.8, 0.7, 0.2, 0.1], [1, 1, 1, 0, 0])
    add("perfectly inverted", [0.9, 0.8, 0.7, 0.2, 0.1], [0, 0, 1, 1, 1])
    labels = rng.integers(0, 2, 1000)
    add("probabilities, n = 1000", 1 / (1 + np.exp(-rng.normal(labels * 1.2 - 0.6, 1.5))), labels)
    return cases


def spearman_cases():
    rng = np.random.default_rng(7)
    cases = []

    def add(name, x, y):
        x = [float(v) for v in x]
        y = [float(v) for v in y]
        cases.append({"name": name, "x": x, "y": y, "rho": float(spearmanr(x, y).statistic)})

    x = rng.normal(size=40)
    add("continuous, positive", x, x + rng.normal(scale=0.8, size=40))
    x = rng.integers(0, 5, 30)
    add("ties on both sides", x, np.round(-x + rng.normal(scale=1.5, size=30)))
    add("monotone", [1, 2, 3, 4, 5, 6], [2, 4, 8, 16, 32, 64])
    add("small with ties", [0.2, 0.4, 0.4, 0.9, 0.1], [1.0, 3.0, 2.0, 3.0, 0.0])
    return cases


def logistic_cases():
    rng = np.random.default_rng(11)
    cases = []

    def add(name, x, y, c, standardise):
        model_x = StandardScaler().fit(x) if standardise else None
        fit_x = model_x.transform(x) if standardise else x
        lr = LogisticRegression(C=c, solver="newton-cholesky", tol=1e-12, max_iter=1000).fit(fit_x, y)
        coef = lr.coef_[0].copy()
        intercept = float(lr.intercept_[0])
        if standardise:
            # Map the model on standardised features back to raw features: w/sd and b - sum(w mean/sd).
            intercept -= float(np.sum(coef * model_x.mean_ / model_x.scale_))
            coef = coef / model_x.scale_
        cases.append({
            "name": name,
            "C": c,
            "standardise": standardise,
            "features": x.tolist(),
            "labels": [int(v) for v in y],
            "coef": coef.tolist(),
            "intercept": intercept,
            "probabilities": lr.predict_proba(fit_x)[:, 1].tolist(),
        })

    n, d = 80, 4
    x = rng.normal(size=(n, d))
    true_w = np.array([1.5, -2.0, 0.0, 0.7])
    y = (rng.random(n) < 1 / (1 + np.exp(-(x @ true_w + 0.3)))).astype(int)
    for c in (0.05, 1.0, 20.0):
        add(f"noisy 4-d, C = {c}", x, y, c, False)
    scaled = x * np.array([10.0, 0.1, 3.0, 1.0]) + np.array([5.0, -1.0, 0.0, 2.0])
    add("badly scaled 4-d, standardised, C = 0.5", scaled, y, 0.5, True)
    xs = rng.normal(size=(30, 2))
    ys = (xs[:, 0] + xs[:, 1] > 0).astype(int)
    add("separable 2-d, C = 100", xs, ys, 100.0, False)
    return cases


def main():
    out = {
        "generator": "scripts/reference/auroc_reference.py",
        "versions": {"numpy": np.__version__, "scipy": scipy.__version__, "scikit-learn": sklearn.__version__},
        "ranking": ranking_cases(),
        "spearman": spearman_cases(),
        "logistic": logistic_cases(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
