"""The `rashomon` command: thin, it parses arguments and calls flows and functions."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path
from typing import Sequence

from . import __version__
from .errors import RashomonError
from .settings import REPO_ROOT, Settings, load_settings

DEMO_EVENT = "karabakh-2022-08-03"


def _settings(args: argparse.Namespace) -> Settings:
    return load_settings(
        config_file=getattr(args, "config", None),
        db=getattr(args, "db", None),
        sources_dir=getattr(args, "sources", None),
        reports_dir=getattr(args, "reports", None),
        model=getattr(args, "model", None),
    )


def _default_event_dir() -> Path:
    local = Path.cwd() / "seeds" / DEMO_EVENT
    return local if local.is_dir() else REPO_ROOT / "seeds" / DEMO_EVENT


def _print_result(result, started: float) -> None:
    c = result.counts
    print(
        f"\nEvent {result.event_id}: {c['outlets']} outlets, {c['articles']} articles, "
        f"{c['sentences']} sentences, {c['claims']} claims ({c['unique_sentences']} unique sentences); "
        f"{c['embedded_now']} sentences embedded this run; {time.monotonic() - started:.1f} s"
    )
    if result.failures:
        print(f"{len(result.failures)} failure(s) (see the fetch_log table):")
        for where, why in result.failures:
            print(f"  - {where}: {why}")
    print(f"Report: {Path(result.report).resolve()}")


def cmd_demo(args: argparse.Namespace) -> int:
    from . import prefect_env

    prefect_env.configure()
    from flows.pipeline import pipeline

    from .localsite import DEMO_PORT, serve_folder
    from .sources import load_event

    settings = _settings(args)
    event_dir = Path(args.event) if args.event else _default_event_dir()
    event = load_event(event_dir)
    if event.offline is None:
        raise RashomonError(f"{event_dir}: the event has no [offline] section, so it cannot run as a demo")
    started = time.monotonic()
    with serve_folder(event.offline.site, port=DEMO_PORT) as base_url:
        print(f"Serving {event.offline.site} at {base_url} (offline mirror of the outlets)")
        result = pipeline(str(event_dir), settings, base_url=base_url)
    _print_result(result, started)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from . import prefect_env

    prefect_env.configure()
    from flows.pipeline import pipeline

    from .sources import load_event

    settings = _settings(args)
    load_event(Path(args.event))  # fail fast with a clear message before Prefect starts
    started = time.monotonic()
    result = pipeline(str(args.event), settings, base_url=None)
    _print_result(result, started)
    return 0 if not result.failures or result.counts["articles"] else 1


def cmd_report(args: argparse.Namespace) -> int:
    from flows.tasks import run_info_for

    from . import store
    from .report import render_event, render_index

    settings = _settings(args)
    with store.connect(settings.db, read_only=False) as con:
        path = render_event(con, args.event_id, Path(settings.reports_dir), run_info=run_info_for(settings))
        render_index(con, Path(settings.reports_dir))
    print(f"Report: {path.resolve()}")
    return 0


def cmd_sources_list(args: argparse.Namespace) -> int:
    from .sources import load_outlets

    outlets = load_outlets(Path(_settings(args).sources_dir))
    width = max(len(o) for o in outlets)
    for o in outlets.values():
        print(f"{o.id:<{width}}  {o.country:<3} {o.language:<2}  {o.perspective:<26} feeds={len(o.feeds)} sitemaps={len(o.sitemaps)}  {o.name}")
    print(f"{len(outlets)} outlets")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import check_floors, run_evaluation

    report = run_evaluation()
    print("\n".join(report.lines))
    below = check_floors(report.values)
    if below:
        print("\nBelow the pinned floors (tests/gold/baseline.json):")
        for line in below:
            print(f"  - {line}")
        return 1
    print("\nAll scores at or above their pinned floors (tests/gold/baseline.json).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rashomon", description="Show where news outlets' accounts of the same event disagree.")
    parser.add_argument("--version", action="version", version=f"rashomon {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", type=Path, help="DuckDB file (default: rashomon.duckdb in the working directory)")
    common.add_argument("--config", type=Path, help="settings file (default: rashomon.toml if present)")
    common.add_argument("--sources", type=Path, help="folder of outlet files (default: ./sources)")
    common.add_argument("--reports", type=Path, help="folder for HTML reports (default: ./reports)")
    common.add_argument("--model", help="sentence-transformers model: a name or a local folder (default: all-MiniLM-L6-v2)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("demo", parents=[common], help="run the offline demo: serve seeds/ locally and run the whole pipeline")
    p.add_argument("event", nargs="?", help=f"event folder with an [offline] section (default: seeds/{DEMO_EVENT})")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("run", parents=[common], help="run the pipeline for an event against the real web")
    p.add_argument("event", help="event folder holding event.toml, e.g. seeds/karabakh-2022-08-03")
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("report", parents=[common], help="re-render an event's report from the database (no fetching, no embedding)")
    p.add_argument("event_id", help="event id, e.g. karabakh-2022-08-03")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("eval", help="score alignment and detectors on the hand-labelled gold set (tests/gold)")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("sources", help="the outlet registry")
    ssub = p.add_subparsers(dest="sources_command", required=True, metavar="SUBCOMMAND")
    sp = ssub.add_parser("list", parents=[common], help="list the outlets in sources/")
    sp.set_defaults(func=cmd_sources_list)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except RashomonError as exc:
        print(f"rashomon: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("rashomon: interrupted; completed stages are saved, run again to resume", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
