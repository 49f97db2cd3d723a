"""The schemas of the two hand-written file kinds, as pydantic models: `sources/<id>.toml` (OutletFile, strict:
an unknown field is refused) and `event.toml` (EventFile; unknown fields are ignored). `validate` turns pydantic's
errors into one ConfigError naming the file and each field (`sources/x.toml: field 'feeds[1]' must be an http(s)
URL, got 'ftp://x'`). rashomon.sources turns a valid file into the dataclasses the rest of the code uses."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, TypeVar, get_args

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, ValidationError
from pydantic import ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .errors import ConfigError
from .moments import utc

OUTLET_ID = re.compile(r"^[a-z][a-z0-9_]*$")
EVENT_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
PARTY_ID = re.compile(r"^[a-z][a-z0-9_]*$")
URL = re.compile(r"^https?://[^/\s]+")

Model = TypeVar("Model", bound=BaseModel)


def problem(message: str, field: str | None = None) -> PydanticCustomError:
    """A validation error with our wording; *field* names it relative to where it is raised (model validators)."""
    return PydanticCustomError("rashomon", "{message}", {"message": message, "field": field or ""})


def _non_blank(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise problem(f"must be a non-empty string, got {value!r}")
    return value


def _url(value: str) -> str:
    if not URL.match(value):
        raise problem(f"must be an http(s) URL, got {value!r}")
    return value


def _window_time(value: Any) -> dt.datetime:
    """A TOML datetime (naive: UTC) or date (midnight UTC), in UTC."""
    if not isinstance(value, dt.date):
        raise problem(f"must be datetime or date, got {type(value).__name__}: {value!r}")
    if not isinstance(value, dt.datetime):
        value = dt.datetime(value.year, value.month, value.day)
    return utc(value)  # type: ignore[return-value]


Text = Annotated[str, Field(min_length=1)]  # required and not ""
Item = Annotated[Any, PlainValidator(_non_blank)]  # a list item: a string with more than blanks
Url = Annotated[str, Field(min_length=1), AfterValidator(_url)]
UrlItem = Annotated[Any, PlainValidator(_non_blank), AfterValidator(_url)]
WindowTime = Annotated[dt.datetime, PlainValidator(_window_time)]


# ------------------------------------------------------------------------------------------- sources/<id>.toml


class PolitenessFile(BaseModel):
    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    requests_per_second: float = 1.0
    concurrency: int = 1

    @field_validator("requests_per_second")
    @classmethod
    def _rate(cls, value: float) -> float:
        if not 0 < value <= 100:
            raise problem(f"must be in (0, 100], got {value:g}")
        return value

    @field_validator("concurrency")
    @classmethod
    def _concurrency(cls, value: int) -> int:
        if not 1 <= value <= 16:
            raise problem(f"must be in [1, 16], got {value}")
        return value


class OutletFile(BaseModel):
    """One outlet file; validated with context {"path": the file} (its id must equal the file's stem)."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)

    id: Text
    name: Text
    homepage: Url
    language: Text
    country: Text
    perspective: Text
    description: str = ""
    feeds: list[UrlItem] = []
    sitemaps: list[UrlItem] = []
    article_url_pattern: str | None = None
    politeness: PolitenessFile = PolitenessFile()
    extraction: dict[str, Any] = {}

    @field_validator("id")
    @classmethod
    def _id(cls, value: str, info: ValidationInfo) -> str:
        if not OUTLET_ID.match(value):
            raise problem(f"must be snake_case, got {value!r}")
        stem = Path(info.context["path"]).stem
        if value != stem:
            raise problem(f"must equal the file name stem {stem!r}, got {value!r}")
        return value

    @field_validator("article_url_pattern")
    @classmethod
    def _pattern(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as exc:
                raise problem(f"is not a valid regular expression: {exc}") from exc
        return value


# ------------------------------------------------------------------------------------------- event.toml


class _EventPart(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)


class PartyFile(_EventPart):
    id: Text
    name: Text
    aliases: list[Item] = []
    loaded_aliases: list[Item] = []
    part_of: str | None = None   # the id of a party this one belongs to (a faction of a party)
    places: list[Item] = []      # optional: places that are this party's (whose people are hit there)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not PARTY_ID.match(value):
            raise problem(f"must be snake_case, got {value!r}")
        return value


class WordingFile(_EventPart):
    loaded: Text
    neutral: Text


class UrlFile(_EventPart):
    outlet: Text
    url: Annotated[str, AfterValidator(_url)] | None = None
    file: str | None = None  # relative to the event's folder

    @model_validator(mode="after")
    def _one_of(self) -> UrlFile:
        if (self.url is None) == (self.file is None):
            raise problem("or 'file' must be given (exactly one)", "url")
        return self


class OfflineFile(_EventPart):
    site: Annotated[str, Field(validate_default=True)] = "site"  # relative to the event's folder
    feeds: dict[Any, Any] = {}
    sitemaps: dict[Any, Any] = {}

    @field_validator("site")
    @classmethod
    def _site(cls, value: str, info: ValidationInfo) -> str:
        site = Path(info.context["path"]).parent / value
        if not site.is_dir():
            raise problem(f"folder {site} not found")
        return value


class EventFile(_EventPart):
    """One event file; validated with context {"path": the file} (`event.toml`: its id must equal its folder's)."""

    id: Text
    title: Text
    summary: str = ""
    window_start: WindowTime
    window_end: WindowTime
    keywords: list[Item] = []
    parties: Annotated[list[PartyFile], Field(min_length=1)]
    outlets: list[Item] | None = None
    wording: list[WordingFile] = []
    urls: list[UrlFile] = []
    offline: OfflineFile | None = None
    story: str | None = None

    @field_validator("id")
    @classmethod
    def _id(cls, value: str, info: ValidationInfo) -> str:
        if not EVENT_ID.match(value):
            raise problem(f"must be kebab-case (a-z, 0-9, -), got {value!r}")
        path = Path(info.context["path"])
        if path.name == "event.toml" and value != path.parent.name:
            raise problem(f"must equal the folder name {path.parent.name!r}, got {value!r}")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> EventFile:
        if self.window_end <= self.window_start:
            raise problem("must be after window_start", "window_end")
        ids = [p.id for p in self.parties]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise problem(f"has duplicate ids: {', '.join(map(repr, repeated))}", "parties")
        return self


# ------------------------------------------------------------------------------------------- errors

_KINDS = {"string_type": "str", "int_type": "int", "float_type": "int or float", "list_type": "list",
          "dict_type": "dict", "model_type": "dict", "model_attributes_type": "dict", "bool_type": "bool"}


def _field_name(loc: tuple[int | str, ...]) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _known_fields(model: type[BaseModel], loc: tuple[int | str, ...]) -> list[str]:
    """The fields of the model found at *loc* (a table's location) inside *model*."""
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[str(part)].annotation
        model = next(t for t in (annotation, *get_args(annotation)) if isinstance(t, type) and issubclass(t, BaseModel))
    return list(model.model_fields)


def _message(model: type[BaseModel], error: Any) -> str:
    loc, kind, ctx = tuple(error["loc"]), error["type"], error.get("ctx") or {}
    if ctx.get("field"):
        loc = (*loc, ctx["field"])
    if kind == "rashomon":
        text = ctx["message"]
    elif kind == "missing":
        text = "is required"
    elif kind == "extra_forbidden":
        text = f"is not a known field (known: {', '.join(_known_fields(model, loc[:-1]))})"
    elif kind in ("string_too_short", "too_short"):
        text = "must not be empty"
    elif kind in _KINDS:
        value = error["input"]
        text = f"must be {_KINDS[kind]}, got {type(value).__name__}: {value!r}"
    else:  # pragma: no cover - a pydantic error kind the schemas above do not produce
        text = error["msg"]
    return f"field '{_field_name(loc)}' {text}"


def validate(model: type[Model], data: dict[str, Any], path: Path) -> Model:
    """*data* (a parsed TOML file) as *model*; a ConfigError naming the file and every bad field otherwise."""
    try:
        return model.model_validate(data, context={"path": path})
    except ValidationError as exc:
        problems = [_message(model, e) for e in exc.errors(include_url=False)]
        raise ConfigError(f"{path}: " + "; ".join(dict.fromkeys(problems))) from None
