"""The `rashomon` command: thin, it parses arguments and calls flows and functions."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Sequence

from . import __version__, console
from .errors import RashomonError, RunInterrupted
from .paths import data_dir
from .settings import Settings, load_settings

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
    return local if local.is_dir() else data_dir("seeds") / DEMO_EVENT


def _print_result(result, started: float) -> None:
    c = result.counts
    print(
        f"\nEvent {result.event_id}: {c['outlets']} outlets, {c['articles']} articles, "
        f"{c['sentences']} sentences, {c['claims']} claims ({c['unique_sentences']} unique sentences), "
        f"{c['disagreements']} disagreements; "
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
    from rashomon.flows.pipeline import pipeline
    from rashomon.flows.runners import shared_api

    from .cli_data import task_runner_from_args
    from .localsite import demo_port, serve_folder
    from .sources import load_event

    settings = _settings(args)
    event_dir = Path(args.event) if args.event else _default_event_dir()
    event = load_event(event_dir)
    if event.offline is None:
        raise RashomonError(f"{event_dir}: the event has no [offline] section, so it cannot run as a demo")
    started = time.monotonic()
    runner = task_runner_from_args(args)
    port = demo_port(Path(settings.db), event.id)   # the port of the earlier runs: same URLs, so 304s
    with serve_folder(event.offline.site, port=port) as base_url, shared_api(runner):
        print(f"Serving {event.offline.site} at {base_url} (offline mirror of the outlets)")
        result = pipeline.with_options(task_runner=runner)(str(event_dir), settings, base_url=base_url)
    _print_result(result, started)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from . import prefect_env

    prefect_env.configure()
    from rashomon.flows.pipeline import pipeline
    from rashomon.flows.runners import shared_api

    from .cli_data import task_runner_from_args
    from .sources import load_event

    settings = _settings(args)
    load_event(Path(args.event))  # fail fast with a clear message before Prefect starts
    started = time.monotonic()
    runner = task_runner_from_args(args)
    with shared_api(runner):
        result = pipeline.with_options(task_runner=runner)(str(args.event), settings, base_url=None)
    _print_result(result, started)
    return 0 if not result.failures or result.counts["articles"] else 1


def cmd_report(args: argparse.Namespace) -> int:
    from rashomon.flows.tasks import run_info_for

    from . import store
    from .report import render_event, render_index

    settings = _settings(args)
    if not Path(settings.db).is_file():   # never create an empty database to report on
        raise RashomonError(
            f"{settings.db}: database not found (run `rashomon demo` or `rashomon run` first, or pass --db)"
        )
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


def cmd_sources_check(args: argparse.Namespace) -> int:
    from rashomon.fetch import fetch_policy

    from .fetch import Fetcher
    from .hostlimits import host_limits
    from .sourcecheck import check_outlets
    from .sources import load_outlets

    settings = _settings(args)
    outlets = load_outlets(Path(settings.sources_dir))
    chosen = [o for o in outlets.values() if not args.outlet or o.id in args.outlet]
    unknown = set(args.outlet or ()) - set(outlets)
    if unknown:
        raise RashomonError(f"unknown outlet(s): {', '.join(sorted(unknown))} (see `rashomon sources list`)")
    policy = fetch_policy(settings, allow_private=args.allow_private)
    policy = type(policy)(**{**policy.__dict__, "total_timeout": args.timeout, "max_attempts": 1})
    print(f"Checking {sum(len(o.feeds) + len(o.sitemaps) for o in chosen)} feeds/sitemaps of {len(chosen)} outlets "
          f"(one request each, {args.timeout:.0f} s deadline)…", file=sys.stderr)
    with Fetcher(policy, host_limits=host_limits(chosen)) as fetcher:  # each outlet's own [politeness]
        rows = check_outlets(chosen, fetcher)
    width = max((len(r.outlet_id) for r in rows), default=10)
    for r in rows:
        status = r.status if r.status is not None else "-"
        print(f"{r.outlet_id:<{width}}  {r.kind:<7} {r.outcome:<17} {status!s:>4} {r.items:>5} items  {r.url}  {r.detail}")
    ok = sum(r.outcome == "ok" for r in rows)
    print(f"{ok} of {len(rows)} reachable and parsed; "
          f"{sum(r.outcome == 'unreachable' for r in rows)} unreachable (no network, DNS or timeout)")
    return 0 if ok == len(rows) else 1


def cmd_add(args: argparse.Namespace) -> int:
    from .addpage import add_page

    settings = _settings(args)
    entry = add_page(Path(args.event), args.outlet, args.target, sources_dir=Path(settings.sources_dir))
    print(f"Added to {Path(args.event) / 'event.toml'}: outlet {args.outlet}, {entry}")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from . import prefect_env

    prefect_env.configure()
    from prefect import serve

    from .serving import build_deployments, prefect_server

    settings = _settings(args)
    if args.cron:
        settings = settings.replace(schedule_cron=args.cron)
    events = [Path(e) for e in args.event] or sorted(p.parent for p in Path(args.events_root).glob("*/event.toml"))
    if not events:
        raise RashomonError(f"no events to schedule: give event folders or put them under {args.events_root}")
    deployments = build_deployments(settings, events, None if args.event else Path(args.events_root))
    for d in deployments:
        print(f"deployment {d.name}: cron '{d.schedules[0].schedule.cron}'")
    with prefect_server(args.port) as api:
        print(f"Serving {len(deployments)} deployment(s) on {api} (Ctrl-C to stop)")
        serve(*deployments)
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


def cmd_benchmark(args: argparse.Namespace) -> int:
    from .paths import in_checkout
    from .realcov.__main__ import main as realcov_main

    if not in_checkout():
        raise RashomonError("the benchmark reads tests/realcov/ of a checkout of the repository: run it from a clone "
                            "(an installed wheel carries the demo and the gold set, not the benchmark)")

    argv = [a for s in args.split or [] for a in ("--split", s)] + [a for e in args.only or [] for a in ("--event", e)]
    if args.work:
        argv += ["--work", str(args.work)]
    if args.no_floors:
        argv.append("--no-floors")
    return realcov_main(argv)


def build_parser() -> argparse.ArgumentParser:
    from .cli_data import add_runner_options
    from .cli_data import register as register_data_commands

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
    add_runner_options(p)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("run", parents=[common], help="run the pipeline for an event against the real web")
    p.add_argument("event", help="event folder holding event.toml, e.g. seeds/karabakh-2022-08-03")
    add_runner_options(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("report", parents=[common], help="re-render an event's report from the database (no fetching, no embedding)")
    p.add_argument("event_id", help="event id, e.g. karabakh-2022-08-03")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("serve", parents=[common], help="register scheduled deployments (cron from settings) and serve them")
    p.add_argument("event", nargs="*", help="event folders (default: every folder under --events-root)")
    p.add_argument("--events-root", default="seeds", help="folder of event folders (default: seeds)")
    p.add_argument("--cron", help="cron schedule for the event runs (default: settings.schedule_cron)")
    p.add_argument("--port", type=int, default=4200, help="port of the local Prefect server started when PREFECT_API_URL is unset")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("eval", help="score alignment and detectors on the hand-labelled gold set (tests/gold)")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("benchmark", help="run the real-coverage benchmark (tests/realcov) through the pipeline and score it")
    p.add_argument("--split", action="append", choices=("dev", "test", "basil", "neus"),
                   help="score only these splits (default: all; basil/neus need ../shared/data)")
    p.add_argument("--event", dest="only", action="append", help="only this event id or BASIL/NeuS group id")
    p.add_argument("--work", type=Path, help="keep the benchmark's database and reports in this folder")
    p.add_argument("--no-floors", action="store_true", help="do not check the test split's pinned floors")
    p.set_defaults(func=cmd_benchmark)

    p = sub.add_parser("sources", help="the outlet registry")
    ssub = p.add_subparsers(dest="sources_command", required=True, metavar="SUBCOMMAND")
    sp = ssub.add_parser("list", parents=[common], help="list the outlets in sources/")
    sp.set_defaults(func=cmd_sources_list)
    sp = ssub.add_parser("check", parents=[common], help="fetch each outlet's feeds and sitemaps once and report their status")
    sp.add_argument("outlet", nargs="*", help="outlet ids (default: all)")
    sp.add_argument("--timeout", type=float, default=15.0, help="deadline per request in seconds (default 15)")
    sp.add_argument("--allow-private", action="store_true", help="allow loopback addresses for any host (a local test server; never link-local or other private ranges)")
    sp.set_defaults(func=cmd_sources_check)

    p = sub.add_parser("add", parents=[common], help="add an article URL or a saved HTML file to an event")
    p.add_argument("event", help="event folder, e.g. seeds/karabakh-2022-08-03")
    p.add_argument("--outlet", required=True, help="outlet id from sources/")
    p.add_argument("target", help="an http(s) URL, or the path of an HTML file saved by hand (copied into the event's pages/)")
    p.set_defaults(func=cmd_add)

    register_data_commands(sub, common)
    from .cli_stories import register as register_story_commands

    register_story_commands(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = None
    try:
        args = build_parser().parse_args(argv)
        console.setup(args.verbose)
        return args.func(args)
    except RunInterrupted as exc:  # SIGINT/SIGTERM during a run: what was done is saved, the run marked failed
        print(f"rashomon: interrupted: {exc}; run again to resume", file=sys.stderr)
        return 130
    except RashomonError as exc:
        print(f"rashomon: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:   # each command may say what an interrupt leaves behind (`on_interrupt`)
        default = "rashomon: interrupted; completed stages are saved, run again to resume" if args else "rashomon: interrupted"
        print(getattr(args, "on_interrupt", default), file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
