"""Rashomon: where news outlets' accounts of the same event disagree."""

from __future__ import annotations

__version__ = "0.1.0"
