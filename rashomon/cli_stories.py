"""`rashomon stories …`: discover stories in every registered outlet's stream, list them, propose an event."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .errors import ConfigError
from .moments import aware


def _since(value: str) -> dt.datetime:
    """A date (2022-08-01), a time (2022-08-01T12:00Z), or a duration back from now (36h, 7d)."""
    now = dt.datetime.now(dt.UTC)
    try:
        if value[:-1].isdigit() and value[-1] in "hd":
            n = int(value[:-1])
            return now - (dt.timedelta(hours=n) if value[-1] == "h" else dt.timedelta(days=n))
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date, time or duration (e.g. 2022-08-01, 36h, 7d): {value!r}")
    return aware(when)


def _bar_factory():
    from tqdm.auto import tqdm

    def make(total: int, desc: str):
        bar = tqdm(total=total, desc=desc, unit="item", disable=None, leave=False, file=sys.stderr)
        done = [0]

        def update(n: int, total_: int) -> None:
            bar.update(max(0, n - done[0]) if desc == "embed" else 1)
            done[0] = n
            if bar.n >= bar.total:
                bar.close()
        return update
    return make


def cmd_discover(args: argparse.Namespace) -> int:
    from .cli import _settings
    from .sources import load_outlets
    from .stories.ingest import discover_stories

    settings = _settings(args)
    outlets = load_outlets(Path(settings.sources_dir))
    if args.outlet:
        unknown = sorted(set(args.outlet) - set(outlets))
        if unknown:
            raise ConfigError(f"unknown outlet(s): {', '.join(unknown)} (see `rashomon sources list`)")
        outlets = {o: outlets[o] for o in args.outlet}
    out = discover_stories(settings, outlets, since=args.since, allow_private=args.allow_private,
                           say=lambda line: print(line, file=sys.stderr), bar=_bar_factory())
    a = out.assigned
    print(f"{out.listed} items listed, {out.fetched} pages fetched, {out.extracted} articles extracted; "
          f"{a.articles} placed: {a.joined} joined a story, {a.new_stories} started one, {a.merges} merges; "
          f"{a.stories} stories")
    for where, why in out.failures:
        print(f"  - {where}: {why}")
    return 0 if not out.failures or out.extracted or a.stories else 1


def _has_stories(con) -> bool:
    """Whether the database has the stories tables (a read-only open does not migrate an older database)."""
    import duckdb

    from . import store

    try:
        store.run(con, "select_stories", min_outlets=0, since=None)
    except duckdb.CatalogException:
        return False
    return True


def cmd_list(args: argparse.Namespace) -> int:
    from . import store
    from .cli import _settings

    settings = _settings(args)
    with store.connect(settings.db, read_only=True) as con:
        if not _has_stories(con):
            raise ConfigError(f"{settings.db}: no stories yet: run `rashomon stories discover` first")
        rows = store.rows(con, "select_stories", min_outlets=args.min_outlets, since=args.since)
    for r in rows[: args.limit]:
        when = f"{r['last_published']:%Y-%m-%d}" if r["last_published"] else "undated   "
        print(f"{r['story_id']}  {when}  {r['n_outlets']:>3} outlets {r['n_articles']:>4} articles  {r['title']}")
        print(f"{'':14}  {', '.join(r['outlets'])}")
    print(f"{len(rows)} stories" + (f" ({len(rows) - args.limit} more not shown; --limit)" if len(rows) > args.limit else ""))
    return 0


def cmd_propose(args: argparse.Namespace) -> int:
    from . import store
    from .cli import _settings
    from .errors import RashomonError
    from .nlp import load_nlp
    from .stories.propose import draft_event, write_draft

    if (args.story is None) == (args.auto is None):
        raise RashomonError("give a story id or --auto N (not both)")
    settings = _settings(args)
    nlp = load_nlp()
    with store.connect(settings.db, read_only=True) as con:
        if not _has_stories(con):
            raise ConfigError(f"{settings.db}: no stories yet: run `rashomon stories discover` first")
        if args.story is not None:
            drafts = [draft_event(con, args.story, nlp)]
        else:
            if args.auto < 2:
                raise RashomonError(f"--auto needs at least 2 outlets, got {args.auto}")
            stories = store.rows(con, "select_stories", min_outlets=args.auto, since=None)
            drafts = [draft_event(con, s["story_id"], nlp) for s in stories]
            print(f"{len(drafts)} stories covered by {args.auto} or more outlets", file=sys.stderr)
    written = []
    for draft in drafts:
        target = Path(args.out) / draft.event_id / "event.toml"
        if args.auto is not None and target.exists() and not args.force:
            print(f"Draft event {draft.event_id}: already in {target.parent}, kept as it is")
            continue
        folder = write_draft(draft, Path(args.out), force=args.force)
        written.append(folder)
        print(f"Draft event {draft.event_id}: {len(draft.outlets)} outlets, {len(draft.urls)} URLs, parties: "
              f"{', '.join(p.name for p in draft.parties) or 'none found'}")
        print(f"Wrote {folder / 'event.toml'}" + ("" if args.auto is not None else
                                                   f": edit it, then `rashomon run {folder}`"))
    if args.auto is None or args.no_run:
        return 0
    return _run_events(args, written)


def _run_events(args: argparse.Namespace, folders: list[Path]) -> int:
    """Run the pipeline on each new draft (as `rashomon run` does); one failing event does not stop the others."""
    from . import prefect_env
    from .cli import _print_result, _settings

    prefect_env.configure()
    import time

    from .flows.pipeline import pipeline

    settings = _settings(args)
    failed = 0
    for i, folder in enumerate(folders, 1):
        print(f"[{i}/{len(folders)}] running {folder.name}…", file=sys.stderr)
        started = time.monotonic()
        try:
            result = pipeline(str(folder), settings, base_url=None)
        except Exception as exc:  # noqa: BLE001 - reported, and the next event still runs
            failed += 1
            print(f"  {folder.name}: failed: {exc}", file=sys.stderr)
            continue
        _print_result(result, started)
    return 1 if failed else 0


def register(sub, common: argparse.ArgumentParser) -> None:
    """Add `stories` (discover, list, propose) to the `rashomon` subparsers."""
    p = sub.add_parser("stories", help="stories found in every registered outlet's feeds and sitemaps")
    ssub = p.add_subparsers(dest="stories_command", required=True, metavar="SUBCOMMAND")
    sp = ssub.add_parser("discover", parents=[common],
                         help="read every outlet's feeds and sitemaps, fetch new articles and group them into stories")
    sp.add_argument("--since", type=_since, help="only items published since (2022-08-01, 36h, 7d); undated items are kept")
    sp.add_argument("--outlet", action="append", help="only this outlet (repeatable; default: every outlet in sources/)")
    sp.add_argument("--allow-private", action="store_true", help="allow private/loopback addresses (testing)")
    sp.set_defaults(func=cmd_discover,
                    on_interrupt="rashomon: interrupted; fetched pages are saved, run again to resume")
    sp = ssub.add_parser("list", parents=[common], help="list the stories, most outlets first")
    sp.add_argument("--min-outlets", type=int, default=2, help="only stories covered by at least N outlets (default 2)")
    sp.add_argument("--since", type=_since, help="only stories with an article since (2022-08-01, 36h, 7d)")
    sp.add_argument("--limit", type=int, default=50, help="show at most N stories (default 50)")
    sp.set_defaults(func=cmd_list)
    sp = ssub.add_parser("propose", parents=[common], help="write a draft event folder (event.toml) from a story")
    sp.add_argument("story", nargs="?", help="story id, as shown by `rashomon stories list` (e.g. s-1a2b3c4d5e)")
    sp.add_argument("--auto", type=int, metavar="N",
                    help="draft an event for every story N or more outlets cover (drafts already written are kept) "
                    "and run each new one, as `rashomon run` does")
    sp.add_argument("--no-run", action="store_true", help="with --auto: write the drafts, do not run them")
    sp.add_argument("--out", default="seeds", help="folder to write the event folder in (default: seeds)")
    sp.add_argument("--force", action="store_true", help="replace an existing draft of the same id")
    sp.set_defaults(func=cmd_propose)
