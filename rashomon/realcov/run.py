"""Run the benchmark's events (and the BASIL / NeuS groups) through the real pipeline into one DuckDB file."""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path

from ..settings import REPO_ROOT, load_settings
from .shared_data import load_group

BENCH_DIR = REPO_ROOT / "tests" / "realcov"


def settings_for(db: Path, sources_dir: Path, reports_dir: Path):
    """Settings for a benchmark run: its own DB, no politeness delay (every page comes from one local host)."""
    return load_settings(env={}, db=db, sources_dir=sources_dir, reports_dir=reports_dir, min_interval=0.0)


def run_event(event_dir: Path, settings) -> None:
    """The Prefect flow of `rashomon demo` on one event folder, its offline site served on 127.0.0.1."""
    from rashomon.flows.pipeline import pipeline

    from ..localsite import serve_folder
    from ..sources import load_event

    event = load_event(event_dir)
    if event.offline is None:  # saved pages listed in [[urls]] (the BASIL / NeuS groups): nothing to serve
        pipeline(str(event_dir), settings, base_url=None)
        return
    with serve_folder(event.offline.site) as base_url:
        pipeline(str(event_dir), settings, base_url=base_url)


def _outlet_toml(side: str) -> str:
    return (f'id = "{side}"\nname = "{side}"\nhomepage = "https://example.org/{side}"\nlanguage = "en"\n'
            f'country = "US"\nperspective = "{side}"\nfeeds = []\n')


def shared_event(dataset: str, group_id: str, work: Path, sources_dir: Path) -> tuple[Path, dict[str, str]]:
    """Write one BASIL triplet / NeuS story as an event folder of saved pages (under `work`, never in the repo).

    Returns the folder and {side: outlet_id}."""
    arts = load_group(dataset, group_id)
    event_id = f"{dataset}-{group_id.lower()[:8]}"
    folder = work / event_id
    (folder / "pages").mkdir(parents=True, exist_ok=True)
    outlet_of_side = {}
    urls = []
    for art in arts:
        outlet = f"{dataset}_{art.side}"
        outlet_of_side[art.side] = outlet
        toml = sources_dir / f"{outlet}.toml"
        if not toml.exists():
            toml.write_text(_outlet_toml(outlet), encoding="utf-8")
        body = "\n".join(f"<p>{html.escape(u)}</p>" for u in art.units[1:] if u.strip())
        page = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{html.escape(art.title)}</title></head>"
                f"<body><article><h1>{html.escape(art.title)}</h1>\n{body}\n</article></body></html>")
        (folder / "pages" / f"{outlet}.html").write_text(page, encoding="utf-8")
        urls.append(f'[[urls]]\noutlet = "{outlet}"\nfile = "pages/{outlet}.html"\n')
    (folder / "event.toml").write_text(
        f'id = "{event_id}"\ntitle = {json.dumps(dataset + " " + group_id)}\n'
        'window_start = 1990-01-01T00:00:00Z\nwindow_end = 2100-01-01T00:00:00Z\nkeywords = []\n'
        f'outlets = {json.dumps(sorted(outlet_of_side.values()))}\n'
        '[[parties]]\nid = "none"\nname = "none"\naliases = []\n\n' + "\n".join(urls),
        encoding="utf-8",
    )
    return folder, outlet_of_side


def work_sources(work: Path) -> Path:
    """A sources folder for the run: the registry plus the BASIL / NeuS outlets (written under `work`)."""
    folder = work / "sources"
    if not folder.exists():
        shutil.copytree(REPO_ROOT / "sources", folder)
    return folder
