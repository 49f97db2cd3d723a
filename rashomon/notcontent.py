"""Sentences that are not content (datelines, bylines and credit lines, related-story links, sharing prompts, page
furniture): they stay in `sentences`, marked in `sentences.not_content` with the reason, and never join a claim or a
card. The rules are data (`detect/not_content.toml`)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import ConfigError

RULES_PATH = Path(__file__).with_name("detect") / "not_content.toml"


@dataclass(frozen=True)
class Rule:
    reason: str
    whole: bool
    pattern: re.Pattern[str]


@lru_cache(maxsize=4)
def load_rules(path: Path = RULES_PATH) -> tuple[Rule, ...]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        return tuple(Rule(r["reason"], r["match"] == "whole", re.compile(r["pattern"])) for r in raw["rule"])
    except (OSError, tomllib.TOMLDecodeError, KeyError, re.error) as exc:
        raise ConfigError(f"{path}: bad not-content rules ({exc})") from exc


def why_not_content(text: str, rules: tuple[Rule, ...] | None = None) -> str | None:
    """The reason a sentence is not content, or None for a sentence that may state a fact."""
    text = text.strip()
    for rule in rules or load_rules():
        if (rule.pattern.fullmatch(text) if rule.whole else rule.pattern.search(text)):
            return rule.reason
    return None
