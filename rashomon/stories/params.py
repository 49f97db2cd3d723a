"""The story thresholds as data: rashomon/stories/params.toml (written by bench/stories_neus.py --write-params)."""

from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path

from ..errors import ConfigError
from .cluster import StoryParams

PARAMS_FILE = Path(__file__).resolve().parent / "params.toml"


def load_params(path: Path = PARAMS_FILE) -> StoryParams:
    """The thresholds in `path` (the code's defaults when the file is absent); unknown keys are refused."""
    if not path.is_file():
        return StoryParams()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    known = {f.name: f.type for f in dataclasses.fields(StoryParams)}
    values = {}
    for key, value in data.items():
        if key not in known:
            raise ConfigError(f"{path}: unknown story setting '{key}' (known: {', '.join(known)})")
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise ConfigError(f"{path}: story setting '{key}' must be a number, got {value!r}")
        values[key] = int(value) if key == "top_k" else float(value)
    return StoryParams(**values)


def save_params(params: StoryParams, note: str, path: Path = PARAMS_FILE) -> Path:
    lines = [f"# Story clustering thresholds (rashomon/stories/cluster.py). {note}."]
    for f in dataclasses.fields(StoryParams):
        value = getattr(params, f.name)
        lines.append(f"{f.name} = {value:g}" if isinstance(value, float) else f"{f.name} = {value}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
