"""Rashomon: where news outlets' accounts of the same event disagree."""

from __future__ import annotations

from .paths import install_checkout_flows

__version__ = "0.1.0"

install_checkout_flows()  # in a checkout, `rashomon.flows` is the top-level folder flows/ (rashomon/paths.py)
