"""One frozen settings model (pydantic-settings), layered, highest priority first:

    explicit arguments (CLI flags)  >  environment RASHOMON_<SETTING>  >  the TOML file  >  defaults

The TOML file is `--config FILE`, else the file named by RASHOMON_CONFIG, else `./rashomon.toml` when there is one.
`load_settings` is the entry point: it turns pydantic's errors into one ConfigError line naming where the bad value
came from (the file and its key, the environment variable, or the command line). Unknown keys in the file are
refused, not ignored. The fetch policy is derived from these settings (rashomon.fetch.fetch_policy)."""

from __future__ import annotations

import ipaddress
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin

from pydantic import Field, ValidationError, field_validator
from pydantic_core import PydanticCustomError
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    InitSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from .errors import ConfigError
from .paths import CHECKOUT, data_dir

REPO_ROOT = CHECKOUT  # the repository when running from a checkout (the benchmark's folders); see rashomon/paths.py
DEFAULT_MODEL = "all-MiniLM-L6-v2"
DEFAULT_CONFIG = Path("rashomon.toml")
ENV_PREFIX = "RASHOMON_"


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

AtLeast1 = Annotated[int, Field(ge=1)]
Seconds = Annotated[float, Field(ge=0)]
Cosine = Annotated[float, Field(ge=-1, le=1)]


class Settings(BaseSettings):
    """Every setting: its type, range, default and description (docs/configuration.md is generated from these)."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, frozen=True, extra="forbid", toml_file=DEFAULT_CONFIG)

    db: Path = Field(Path("rashomon.duckdb"), description="the DuckDB file")
    sources_dir: Path = Field(default_factory=lambda: _default_dir("sources"),
                              description="the outlet registry (`./sources` if there is one, else the shipped copy)")
    reports_dir: Path = Field(Path("reports"), description="where the HTML reports are written")
    model: str = Field(DEFAULT_MODEL, min_length=1, description="sentence-transformers model (name or path)")
    embed_batch_size: AtLeast1 = Field(32, description="sentences embedded per batch")
    # Alignment: see docs/alignment.md for how these were calibrated.
    align_k: AtLeast1 = Field(4, description="neighbours in the margin's denominator")
    align_max_rank: AtLeast1 = Field(3, description="mutual top-n: each sentence among the other's n best matches in "
                                                    "its outlet")
    align_min_cosine: Cosine = Field(0.55, description="cosine a pair needs (`margin` method)")
    align_min_margin: Seconds = Field(0.9, description="ratio margin a pair needs (`margin` method)")
    align_min_link: Cosine = Field(0.45, description="average-linkage floor when pairs merge into a claim (`margin`)")
    align_max_per_outlet: AtLeast1 = Field(2, description="sentences of one outlet a claim holds at most (`margin`)")
    align_method: Literal["same_fact", "same_fact_tokens", "margin"] = Field(
        "same_fact_tokens",
        description="`same_fact_tokens`: the learned pair scorer with the token alignment features, claims as cliques "
                    "(one sentence per outlet); `same_fact`: the same scorer without them (docs/alignment.md); "
                    "`margin`: the thresholds above and average linkage")
    align_min_same_fact: float = Field(
        0.25, ge=0, le=1,
        description="P(same fact) a pair needs (chosen for `same_fact_tokens`; with `same_fact`, set 0.2, its choice)")
    user_agent: str = Field("Rashomon/0.1 (news-comparison research; +https://github.com/rashomon-news/rashomon)",
                            pattern=r"\S", description="the User-Agent header sent, and the robots.txt agent")
    allow_private: bool = Field(False, description="loopback addresses for any host (a local test server); nothing "
                                                   "else private")
    allow_networks: str = Field("", description="address ranges to allow, comma-separated (`10.1.0.0/16`); "
                                                "link-local never")
    max_bytes: AtLeast1 = Field(10 * 1024 * 1024, description="a page's size cap, after decompression (bytes)")
    total_timeout: float = Field(60.0, gt=0, description="deadline of one request attempt (seconds)")
    min_interval: Seconds = Field(1.0, description="seconds between request starts to one host")
    max_attempts: AtLeast1 = Field(3, description="attempts per URL (retries on timeouts, 408, 429, 5xx)")
    # Bounds on the work a feed can ask for (a hostile 10 MB feed listed 100,000 matching items and took feedparser
    # 37 s); what is left out is logged and recorded in fetch_log, outcome over_limit.
    max_items_per_feed: AtLeast1 = Field(500, description="matching items taken from one feed or sitemap file")
    max_feed_bytes: AtLeast1 = Field(4 * 1024 * 1024, description="a feed or sitemap file's size cap, after "
                                                                   "decompression (a bigger one is too_large)")
    max_items_per_run: AtLeast1 = Field(2000, description="URLs fetched per run (the event's own URLs first)")
    run_lock_wait: Seconds = Field(0.0, description="seconds a run waits for another run on the same database")
    schedule_cron: str = Field("0 */6 * * *", description="`rashomon serve`: cron of each event's runs")
    discovery_cron: str = Field("30 * * * *", description="`rashomon serve`: cron of the all-events and stories runs")

    @field_validator("allow_networks")
    @classmethod
    def _ranges(cls, value: str) -> str:
        bad = [n.strip() for n in _split(value) if not _is_network(n)]
        if bad:
            raise PydanticCustomError("rashomon", "must list address ranges such as 10.1.0.0/16, not {bad}",
                                      {"bad": ", ".join(map(repr, bad))})
        return value

    @property
    def networks(self) -> tuple[str, ...]:
        """`allow_networks` as a tuple of ranges."""
        return _split(self.allow_networks)

    def align_params(self) -> dict[str, Any]:
        """The alignment thresholds as the keyword arguments of stages.align_event and evaluate.score_alignment."""
        return {param: getattr(self, field) for param, field in ALIGN_PARAMS.items()}

    def replace(self, **changes: Any) -> Settings:
        """A copy with *changes* (None values ignored), validated like the rest."""
        changes = {k: v for k, v in changes.items() if v is not None}
        try:
            return type(self)._only({**self.model_dump(), **changes})
        except ValidationError as exc:
            raise ConfigError(_explain(exc, lambda name: "replace" if name in changes else None)) from None

    @classmethod
    def defaults(cls) -> Settings:
        """The defaults alone: no file, no environment (what the gold evaluation's pinned floors were measured with)."""
        return cls._only({})

    @classmethod
    def _only(cls, values: dict[str, Any]) -> Settings:
        """*values* over the defaults, no other source (model_validate would read the environment and the file)."""
        return cls(_build_sources=((InitSettingsSource(cls, values),), values))

    @classmethod
    def settings_customise_sources(cls, settings_cls: type[BaseSettings], init_settings: PydanticBaseSettingsSource,
                                   **others: PydanticBaseSettingsSource) -> tuple[PydanticBaseSettingsSource, ...]:
        """`Settings(**kwargs)` layers like load_settings (without its error messages), over os.environ."""
        assert isinstance(init_settings, InitSettingsSource)
        return _layers(settings_cls, init_settings.init_kwargs, os.environ, config_path(None, os.environ))


def _split(networks: str) -> tuple[str, ...]:
    return tuple(n for n in networks.split(",") if n.strip())


def _is_network(text: str) -> bool:
    """What rashomon.netpolicy.AddressPolicy.build accepts as a range."""
    try:
        ipaddress.ip_network(text.strip(), strict=False)
        return True
    except ValueError:
        return False


# ------------------------------------------------------------------------------------------------- sources


class _Environment(EnvSettingsSource):
    """The RASHOMON_* variables of a given mapping (os.environ, or a test's dict)."""

    def __init__(self, settings_cls: type[BaseSettings], env: Mapping[str, str]):
        self._env = env
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:  # EnvSettingsSource reads os.environ here
        return {k.lower(): v for k, v in self._env.items()}  # names match case-insensitively (case_sensitive=False)


def _toml(settings_cls: type[BaseSettings], path: Path) -> TomlConfigSettingsSource:
    try:
        return TomlConfigSettingsSource(settings_cls, toml_file=path)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _layers(settings_cls: type[BaseSettings], init_kwargs: dict[str, Any], env: Mapping[str, str],
            path: Path) -> tuple[PydanticBaseSettingsSource, ...]:
    """The sources, highest priority first; what none of them sets keeps the model's default."""
    return InitSettingsSource(settings_cls, init_kwargs), _Environment(settings_cls, env), _toml(settings_cls, path)


def config_path(config_file: Path | None, env: Mapping[str, str]) -> Path:
    """The settings file: the one given, else RASHOMON_CONFIG, else ./rashomon.toml (read only if it exists)."""
    return Path(config_file or env.get(f"{ENV_PREFIX}CONFIG") or DEFAULT_CONFIG)


def load_settings(config_file: Path | None = None, env: Mapping[str, str] | None = None, **cli: Any) -> Settings:
    """The settings from every layer (*cli*: explicit values, None meaning "not given"; *env*: os.environ unless
    given). Any bad or unknown value is one ConfigError naming its source and the setting."""
    env = os.environ if env is None else env
    path = config_path(config_file, env)
    if config_file is not None and not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    cli = {k: v for k, v in cli.items() if v is not None}
    sources = _layers(Settings, cli, env, path)
    toml_keys = set(getattr(sources[2], "toml_data", {}))

    def origin(name: str) -> str | None:
        if name in cli:
            return "command line"
        variable = next((k for k in env if k.upper() == f"{ENV_PREFIX}{name.upper()}"), None)
        if variable is not None:
            return f"environment variable {variable}"
        return str(path) if name in toml_keys else None

    try:
        return Settings(_build_sources=(sources, cli))
    except ValidationError as exc:
        raise ConfigError(_explain(exc, origin)) from None


# -------------------------------------------------------------------------------------------------- errors

_KINDS = {"int_parsing": "an integer", "int_type": "an integer", "int_from_float": "an integer",
          "float_parsing": "a number", "float_type": "a number", "finite_number": "a finite number",
          "bool_parsing": "true or false", "bool_type": "true or false", "string_type": "a string",
          "path_type": "a path"}
_BOUNDS = {"greater_than_equal": ("ge", "at least"), "greater_than": ("gt", "more than"),
           "less_than_equal": ("le", "at most"), "less_than": ("lt", "less than")}


def _problem(name: str, error: Any) -> str:
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "extra_forbidden":
        return f"unknown setting '{name}' (known: {', '.join(sorted(Settings.model_fields))})"
    if kind in _KINDS:
        text = f"must be {_KINDS[kind]}"
    elif kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        text = f"must be {words} {ctx[key]:g}"
    elif kind == "literal_error":
        text = f"must be {ctx['expected']}"
    elif kind in ("string_too_short", "string_pattern_mismatch"):
        text = "must not be empty"
    elif kind == "rashomon":
        return f"setting '{name}' {error['msg']}"
    else:
        text = error["msg"][0].lower() + error["msg"][1:]
    return f"setting '{name}' {text}, got {value!r}"


def _explain(exc: ValidationError, origin: Any) -> str:
    """One line: `<source>: setting '<name>' <what is wrong>, got <value>` for every error, joined by '; '."""
    problems = []
    for error in exc.errors(include_url=False):
        name = str(error["loc"][0]) if error["loc"] else "?"
        where = origin(name)
        problems.append(f"{where}: {_problem(name, error)}" if where else _problem(name, error))
    return "; ".join(dict.fromkeys(problems))


# ---------------------------------------------------------------------------------------------------- docs

_TYPES = {Path: "path", str: "string", int: "integer", float: "number", bool: "true/false"}
_SIGNS = {"ge": "≥", "gt": ">", "le": "≤", "lt": "<"}


def _kind(field: Any) -> str:
    if get_origin(field.annotation) is Literal:
        return " or ".join(f"`{v}`" for v in get_args(field.annotation))
    bounds = {k: getattr(m, k) for m in field.metadata for k in _SIGNS if hasattr(m, k)}
    if set(bounds) == {"ge", "le"}:
        return f"{_TYPES[field.annotation]} in [{bounds['ge']:g}, {bounds['le']:g}]"
    return " ".join([_TYPES[field.annotation], *(f"{_SIGNS[k]} {v:g}" for k, v in bounds.items())])


def settings_table() -> str:
    """The table of docs/configuration.md (a test keeps the page in step): every setting, its environment variable,
    type and range, default and meaning."""
    rows = ["| setting (`rashomon.toml`) | environment | type | default | what |", "|---|---|---|---|---|"]
    for name, field in Settings.model_fields.items():
        default = "(see what)" if field.default_factory else f"`{_toml_value(field.default)}`"
        rows.append(f"| `{name}` | `{ENV_PREFIX}{name.upper()}` | {_kind(field)} | {default} | {field.description} |")
    return "\n".join(rows) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    return repr(value) if isinstance(value, (int, float)) else f'"{value}"'
