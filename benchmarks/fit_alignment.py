"""Fit the alignment model's weights on the hand-aligned dev clusters.

    python benchmarks/fit_alignment.py          # report only
    python benchmarks/fit_alignment.py --write  # also write tui/data/alignment_model.json

Fits a logistic regression over the features in ``tui.align`` to the gold
links of ``benchmarks/gold/*.gold.json`` (real ECB+ clusters, never the demo
seeds, nor the clusters ``goldsets.HELD_OUT`` keeps for testing), reports
leave-one-cluster-out link F1, the seeds' and the held-out clusters' link F1,
and picks the default threshold that maximises mean leave-one-out F1.
Pairwise F1 at a threshold equals the facts' link F1, because facts are built
from exactly the pairs above the threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from goldsets import HELD_OUT, ROOT, GoldSet, dev_sets, fit_sets, gold_links, seeds

from tui.align import feature_table
from tui.analysis import alignment_units
from tui.ingest import load_article
from tui.nlp import annotate, load_pipeline

L2 = 1.0
THRESHOLDS = np.round(np.arange(0.10, 0.80, 0.01), 2)
SMOOTH = 3


def table(gs: GoldSet, pipeline) -> tuple[np.ndarray, np.ndarray, int]:
    articles = [load_article(f) for f in gs.files]
    annotation = annotate(articles, pipeline)
    _, _, _, units, _ = alignment_units(articles, annotation)
    rows, cols, feats = feature_table(units)
    spans = [[(s.start, s.end) for s in doc] for doc in annotation.documents]
    links = gold_links(gs.gold, [a.text for a in articles], spans)
    key = [(u.source, u.index) for u in units]
    y = np.array([frozenset((key[r], key[c])) in links for r, c in zip(rows, cols, strict=True)])
    return feats.astype(np.float64), y, len(links)


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-9
    z = np.c_[np.ones(len(x)), (x - mean) / scale]
    w = np.zeros(z.shape[1])
    reg = L2 * np.diag(np.r_[0.0, np.ones(z.shape[1] - 1)])
    for _ in range(40):  # Newton's method; converges in a few steps
        p = 1.0 / (1.0 + np.exp(-z @ w))
        grad = z.T @ (p - y) + reg @ w
        hess = (z * (p * (1 - p))[:, None]).T @ z + reg
        w -= np.linalg.solve(hess, grad)
    return w[1:], float(w[0]), mean, scale


def predict(model, x: np.ndarray) -> np.ndarray:
    w, b, mean, scale = model
    return 1.0 / (1.0 + np.exp(-(b + ((x - mean) / scale) @ w)))


def f1_curve(p: np.ndarray, y: np.ndarray, n_gold: int) -> np.ndarray:
    out = []
    for t in THRESHOLDS:
        pred = p >= t
        tp = int((pred & y).sum())
        prec = tp / max(int(pred.sum()), 1)
        rec = tp / max(n_gold, 1)
        out.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return np.array(out)


def smoothed(curve: np.ndarray) -> np.ndarray:
    """Moving average over +-SMOOTH threshold steps, so the chosen threshold sits on a
    plateau of the held-out curve rather than on one lucky grid point."""
    k = np.ones(2 * SMOOTH + 1) / (2 * SMOOTH + 1)
    return np.convolve(np.pad(curve, SMOOTH, mode="edge"), k, mode="valid")


def _columns(data, keep: list[str], names: tuple[str, ...]):
    idx = [names.index(n) for n in keep]
    x, y, n_gold = data
    return x[:, idx], y, n_gold


def evaluate(full: dict, full_seeds, keep: list[str], names: tuple[str, ...]):
    """Held-out dev F1, seeds F1 (both at the dev-chosen threshold), curves, threshold index, model."""
    data = {k: _columns(v, keep, names) for k, v in full.items()}
    held_out = []
    for name in data:
        x = np.vstack([data[n][0] for n in data if n != name])
        y = np.concatenate([data[n][1] for n in data if n != name])
        held_out.append(f1_curve(predict(fit(x, y), data[name][0]), data[name][1], data[name][2]))
    curves = np.array(held_out)
    best = int(smoothed(curves.mean(axis=0)).argmax())
    x = np.vstack([d[0] for d in data.values()])
    y = np.concatenate([d[1] for d in data.values()])
    model = fit(x, y)
    sx, sy, sn = _columns(full_seeds, keep, names)
    seeds_f1 = f1_curve(predict(model, sx), sy, sn)[best]
    return float(curves.mean(axis=0)[best]), float(seeds_f1), curves, best, model


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write", action="store_true", help="write tui/data/alignment_model.json")
    ap.add_argument("--drop", default="", help="comma-separated features to leave out of the model")
    ap.add_argument("--ablate", action="store_true", help="report the effect of leaving out each feature")
    args = ap.parse_args()
    from tui.align import feature_names

    pipeline, _ = load_pipeline()
    dev = fit_sets()
    held_out = [gs for gs in dev_sets() if gs.name in HELD_OUT]
    if not dev:
        print("no dev gold in benchmarks/gold", file=sys.stderr)
        return 2
    all_names = feature_names()
    dropped = {d for d in args.drop.split(",") if d}
    unknown = dropped - set(all_names)
    if unknown:
        print(f"unknown features: {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    full = {gs.name: table(gs, pipeline) for gs in dev}
    full_seeds = table(seeds(), pipeline)
    if args.ablate:
        base = evaluate(full, full_seeds, [n for n in all_names if n not in dropped], all_names)
        # dev clusters only: a feature is never kept or dropped for what it does on the seeds
        print(f"{'(all)':18} dev {base[0]:.3f}")
        for name in all_names:
            if name not in dropped:
                keep = [n for n in all_names if n not in dropped | {name}]
                dev_f1 = evaluate(full, full_seeds, keep, all_names)[0]
                print(f"- {name:16} dev {dev_f1:.3f} ({dev_f1 - base[0]:+.3f})")
        return 0
    names = tuple(n for n in all_names if n not in dropped)
    _, _, curves, best, model = evaluate(full, full_seeds, list(names), all_names)
    data = full
    threshold = float(THRESHOLDS[best])
    sx, sy, sn = _columns(full_seeds, list(names), all_names)
    seeds_curve = f1_curve(predict(model, sx), sy, sn)
    print(f"{'cluster':18} leave-one-cluster-out link F1 at {threshold:.2f}")
    for name, curve in zip(data, curves, strict=True):
        print(f"{name:18} {curve[best]:.3f}")
    print(f"{'mean (dev)':18} {curves.mean(axis=0)[best]:.3f}")
    best_seeds = int(seeds_curve.argmax())
    print(f"{'seeds':18} {seeds_curve[best]:.3f}   (best {seeds_curve[best_seeds]:.3f} "
          f"at {THRESHOLDS[best_seeds]:.2f})")
    if held_out:
        scores = []
        for gs in held_out:
            hx, hy, hn = _columns(table(gs, pipeline), list(names), all_names)
            scores.append(f1_curve(predict(model, hx), hy, hn)[best])
            print(f"{gs.name:18} {scores[-1]:.3f}   (held out: never fitted on)")
        print(f"{'mean (held out)':18} {sum(scores) / len(scores):.3f}")
    for n, w in sorted(zip(names, model[0], strict=True), key=lambda t: -abs(t[1])):
        print(f"  {n:14} {w:+.3f}")
    if args.write:
        out = {
            "features": list(names),
            "mean": [round(float(v), 6) for v in model[2]],
            "scale": [round(float(v), 6) for v in model[3]],
            "weights": [round(float(v), 6) for v in model[0]],
            "intercept": round(model[1], 6),
            "threshold": threshold,
            "fitted_on": [gs.name for gs in dev],
        }
        path = ROOT / "tui" / "data" / "alignment_model.json"
        path.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
