"""`rashomon add`: list an article URL, or a page saved by hand, in an event's event.toml."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from .errors import ConfigError
from .sources import load_event, load_outlets


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def add_page(event_dir: Path, outlet_id: str, target: str, *, sources_dir: Path) -> str:
    """Append a [[urls]] entry to the event (a file is first copied into the event's pages/ folder)."""
    event = load_event(event_dir)  # validates the event first
    outlets = load_outlets(sources_dir)
    if outlet_id not in outlets:
        raise ConfigError(f"unknown outlet {outlet_id!r}: add sources/{outlet_id}.toml first (see docs/formats.md)")
    path = Path(event.folder) / "event.toml"
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", target):
        if urlsplit(target).scheme not in ("http", "https") or not urlsplit(target).netloc:
            raise ConfigError(f"{target!r}: only http(s) URLs can be added")
        if any(u.url == target for u in event.urls):
            raise ConfigError(f"{target} is already listed in {path}")
        entry = f"url = {_toml_string(target)}"
    else:
        source = Path(target).expanduser()
        if not source.is_file():
            raise ConfigError(f"{source}: file not found")
        data = source.read_bytes()
        if not data.strip():
            raise ConfigError(f"{source}: the file is empty")
        pages = Path(event.folder) / "pages"
        pages.mkdir(exist_ok=True)
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", source.stem)[:60] or "page"
        name = f"{outlet_id}-{stem}-{hashlib.sha256(data).hexdigest()[:8]}.html"
        dest = pages / name
        if not dest.exists():
            shutil.copyfile(source, dest)
        rel = f"pages/{name}"
        if any(u.file is not None and u.file.resolve() == dest.resolve() for u in event.urls):
            raise ConfigError(f"{source} is already listed in {path} as {rel}")
        entry = f"file = {_toml_string(rel)}"
    text = path.read_text(encoding="utf-8")
    block = f"\n[[urls]]\noutlet = {_toml_string(outlet_id)}\n{entry}\n"
    path.write_text(text.rstrip("\n") + "\n" + block, encoding="utf-8")
    load_event(event.folder)  # the file must still load
    return entry
