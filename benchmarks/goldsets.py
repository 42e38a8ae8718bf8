"""Gold alignments for benchmarks: the seeds' and the hand-aligned ECB+ dev clusters.

The dev clusters (``benchmarks/gold/*.gold.json``) were aligned by hand for
Parallax from ``../shared/corpus`` (ECB+, CC BY 3.0); the articles themselves
are read from there, not copied into the repository.
"""

from __future__ import annotations

import itertools
import json
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PARALLAX_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "ecbplus"
SEEDS_GOLD = SHARED / "eval" / "seeds.gold.json"
SEEDS = ROOT / "seeds"
DEV_GOLD = ROOT / "benchmarks" / "gold"


@dataclass(frozen=True)
class GoldSet:
    name: str
    gold_path: Path
    articles_dir: Path
    gold: dict

    @property
    def files(self) -> list[str]:
        return [str(self.articles_dir / f) for f in self.gold["sources"].values()]


def seeds() -> GoldSet:
    return GoldSet("seeds", SEEDS_GOLD, SEEDS, json.loads(SEEDS_GOLD.read_text("utf-8")))


UNTOUCHED = frozenset({
    "t01_ecb_g3", "t32_ecbplus_g1", "t34_ecbplus_g2", "t40_ecb_g3", "t42_ecbplus_g1", "t45_ecbplus_g2",
})
"""Dev clusters aligned by hand after the last rule change they are scored against,
from topics no other gold cluster uses, and never used to develop a rule: the
nearest estimate of the hidden evaluation clusters."""

HELD_OUT = frozenset({
    "t02_ecb_g2", "t06_ecbplus_g1", "t13_ecb_g1", "t19_ecb_g4", "t22_ecbplus_g3", "t25_ecbplus_g1",
    "t04_ecb_g4", "t10_ecb_g1", "t21_ecb_g2", "t30_ecb_g4", "t33_ecbplus_g2", "t36_ecb_g2",
    "t03_ecb_g3", "t09_ecb_g3", "t23_ecbplus_g2", "t29_ecb_g3", "t35_ecb_g1", "t44_ecbplus_g1",
    "t05_ecb_g3", "t16_ecbplus_g1", "t26_ecbplus_g3", "t28_ecbplus_g3", "t31_ecb_g3", "t39_ecbplus_g2",
}) | UNTOUCHED
"""Dev clusters never used to fit the alignment model or to choose its threshold.  The
first twenty-four were each scored once while untouched (in four batches of six) and have
guided divergence rules since, so they are held out from fitting but no longer unseen;
``UNTOUCHED`` have not been used."""


def fit_sets() -> list[GoldSet]:
    """The dev clusters the alignment model may be fitted on."""
    return [gs for gs in dev_sets() if gs.name not in HELD_OUT]


def dev_sets() -> list[GoldSet]:
    out = []
    for path in sorted(DEV_GOLD.glob("*.gold.json")):
        gold = json.loads(path.read_text("utf-8"))
        out.append(GoldSet(gold["cluster"], path, CORPUS / gold["cluster"], gold))
    return out


def gold_links(gold: dict, texts: list[str], spans: list[list[tuple[int, int]]]) -> set[frozenset]:
    """Cross-source sentence pairs the gold puts in one fact, located as the scorer does."""
    keys = list(gold["sources"])

    def locate(key: str, snippet: str) -> tuple[int, int] | None:
        s = keys.index(key)
        off = texts[s].find(snippet)
        if off < 0:
            return None
        mid = off + len(snippet) // 2
        for k, (a, b) in enumerate(spans[s]):
            if a <= mid < b:
                return (s, k)
        return None

    links: set[frozenset] = set()
    for fact in gold["facts"]:
        members = {loc for key, snippets in fact["members"].items() for sn in snippets
                   if (loc := locate(key, sn)) is not None}
        for a, b in itertools.combinations(members, 2):
            if a[0] != b[0]:
                links.add(frozenset((a, b)))
    return links
