"""Parallax: compare how several outlets report the same news event."""

__version__ = "0.1.0"
