"""One frozen settings object: defaults < config file (rashomon.toml) < environment (RASHOMON_*) < CLI flags."""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .paths import CHECKOUT, data_dir

REPO_ROOT = CHECKOUT  # the repository when running from a checkout (the benchmark's folders); see rashomon/paths.py
DEFAULT_MODEL = "all-MiniLM-L6-v2"


def _default_dir(name: str) -> Path:
    """`./<name>` when the working directory has one, else the copy shipped with the package (rashomon/paths.py)."""
    local = Path.cwd() / name
    return local if local.is_dir() else data_dir(name)


# Alignment parameter name -> the setting that holds it (one mapping for the stage, the evaluation and the report).
ALIGN_PARAMS = {
    "k": "align_k",
    "min_cosine": "align_min_cosine",
    "min_margin": "align_min_margin",
    "max_rank": "align_max_rank",
    "min_link": "align_min_link",
    "max_per_outlet": "align_max_per_outlet",
    "method": "align_method",
    "min_same_fact": "align_min_same_fact",
}


@dataclass(frozen=True)
class Settings:
    db: Path = Path("rashomon.duckdb")
    sources_dir: Path = field(default_factory=lambda: _default_dir("sources"))
    reports_dir: Path = Path("reports")
    model: str = DEFAULT_MODEL
    embed_batch_size: int = 32
    # Alignment: see docs/alignment.md for how these were calibrated.
    align_k: int = 4               # neighbours in the margin's denominator
    align_max_rank: int = 3        # mutual top-3: each sentence among the other's 3 best matches in its outlet
    align_min_cosine: float = 0.55
    align_min_margin: float = 0.9
    align_min_link: float = 0.45   # average-linkage floor when pairs merge into a claim
    align_max_per_outlet: int = 2  # a claim holds at most 2 sentences of one outlet (a headline and its lede)
    # "same_fact": the learned pair scorer (rashomon/samefact.py) and claims as cliques, one sentence per outlet;
    # "margin": the thresholds above and average linkage (the method before; docs/alignment.md)
    align_method: str = "same_fact"
    align_min_same_fact: float = 0.2   # P(same fact) a pair needs; chosen on the benchmark's dev split (docs/alignment.md)
    user_agent: str = "Rashomon/0.1 (news-comparison research; +https://github.com/rashomon-news/rashomon)"
    allow_private: bool = False    # loopback addresses for any host (a local test server); nothing else private
    allow_networks: str = ""       # address ranges to allow, comma-separated ("10.1.0.0/16"); link-local never
    max_bytes: int = 10 * 1024 * 1024
    total_timeout: float = 60.0
    min_interval: float = 1.0
    max_attempts: int = 3
    # Bounds on the work a feed can ask for (a hostile 10 MB feed listed 100,000 matching items and took feedparser
    # 37 s): matching items taken from one feed or sitemap file, URLs fetched per run (what is left out is logged
    # and recorded in fetch_log, outcome over_limit), and the size of a feed or sitemap file.
    max_items_per_feed: int = 500
    max_feed_bytes: int = 4 * 1024 * 1024  # a feed or sitemap file (after decompression); a bigger one is too_large
    max_items_per_run: int = 2000
    run_lock_wait: float = 0.0     # seconds a run waits for another run on the same database before failing
    schedule_cron: str = "0 */6 * * *"
    discovery_cron: str = "30 * * * *"

    def __post_init__(self) -> None:
        for name in ("max_items_per_feed", "max_items_per_run", "max_feed_bytes"):
            if getattr(self, name) < 1:
                raise ConfigError(f"setting '{name}' must be at least 1, got {getattr(self, name)!r}")

    def align_params(self) -> dict[str, Any]:
        """The alignment thresholds as the keyword arguments of stages.align_event and evaluate.score_alignment."""
        return {param: getattr(self, field) for param, field in ALIGN_PARAMS.items()}

    def replace(self, **changes: Any) -> "Settings":
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def _coerce(name: str, kind: Any, value: Any, origin: str) -> Any:
    kind = {"Path": Path, "str": str, "int": int, "float": float, "bool": bool}.get(kind, kind)
    try:
        if kind is bool and isinstance(value, str):
            if value.lower() in {"1", "true", "yes", "on"}:
                return True
            if value.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(value)
        if kind is int and isinstance(value, float):
            raise ValueError(value)
        return kind(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{origin}: setting '{name}' must be {kind.__name__}, got {value!r}") from exc


def load_settings(config_file: Path | None = None, env: dict[str, str] | None = None, **cli: Any) -> Settings:
    """Build the settings from every layer. Unknown keys in the config file are errors, not silently ignored."""
    env = os.environ if env is None else env
    kinds = {f.name: f.type for f in fields(Settings)}
    values: dict[str, Any] = {}
    path = config_file or (Path(env["RASHOMON_CONFIG"]) if env.get("RASHOMON_CONFIG") else Path("rashomon.toml"))
    if config_file is not None and not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
        for key, value in data.items():
            if key not in kinds:
                raise ConfigError(f"{path}: unknown setting '{key}' (known: {', '.join(sorted(kinds))})")
            values[key] = _coerce(key, kinds[key], value, str(path))
    for key, kind in kinds.items():
        env_key = f"RASHOMON_{key.upper()}"
        if env_key in env:
            values[key] = _coerce(key, kind, env[env_key], f"environment {env_key}")
    for key, value in cli.items():
        if value is None:
            continue
        if key not in kinds:
            raise ConfigError(f"unknown setting '{key}'")
        values[key] = _coerce(key, kinds[key], value, "command line")
    return Settings(**values)
