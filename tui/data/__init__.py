"""Data files shipped with the package."""

from pathlib import Path

ALIGNMENT_MODEL = Path(__file__).resolve().parent / "alignment_model.json"
"""The alignment model's fitted weights (``benchmarks/fit_alignment.py --write``)."""
