"""The kinds of disagreement, one registry (`kinds.toml`, rules as data): the detectors take the kinds they emit and
their severities from it, `store.migrate` copies it into the table `disagreement_kinds` that the views read
(severity, rank), and the report takes titles, explanations and order from it."""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from .errors import ConfigError

KINDS_PATH = Path(__file__).with_name("kinds.toml")


@dataclass(frozen=True)
class Kind:
    kind: str
    title: str
    explanation: str
    severity: int          # 3 = who started it, 2 = facts, 1 = framing
    made_by: str           # "detector" | "view"
    rank: int              # order within the registry (the report's order within one severity)
    shown: bool = True     # false: the detectors do not emit it (kinds.toml says why)


@dataclass(frozen=True)
class Registry:
    kinds: dict[str, Kind]
    severity_names: dict[int, str]

    def severity(self, kind: str) -> int:
        return self.kinds[kind].severity if kind in self.kinds else 1

    def order(self) -> list[str]:
        return list(self.kinds)

    def shown(self, kind: str) -> bool:
        return kind not in self.kinds or self.kinds[kind].shown


@functools.lru_cache(maxsize=4)
def load_kinds(path: Path = KINDS_PATH) -> Registry:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    kinds: dict[str, Kind] = {}
    for i, entry in enumerate(data.get("kind", [])):
        try:
            k = Kind(str(entry["kind"]), str(entry["title"]), str(entry["explanation"]), int(entry["severity"]),
                     str(entry["made_by"]), i, bool(entry.get("shown", True)))
        except (KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{path}: kind[{i}]: needs kind, title, explanation, severity and made_by ({exc})") \
                from exc
        if k.severity not in (1, 2, 3) or k.made_by not in ("detector", "view") or k.kind in kinds:
            raise ConfigError(f"{path}: kind[{i}] ({k.kind}): severity must be 1-3, made_by detector or view, "
                              "and each kind listed once")
        kinds[k.kind] = k
    names = {int(s): str(n) for s, n in data.get("severity", {}).items()}
    return Registry(kinds, names)


def registry_rows() -> list[tuple[str, str, str, int, int]]:
    """(kind, title, explanation, severity, rank): the rows of the table `disagreement_kinds`."""
    return [(k.kind, k.title, k.explanation, k.severity, k.rank) for k in load_kinds().kinds.values()]
