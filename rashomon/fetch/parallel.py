"""Many URLs at once: one lane of requests per host slot, hosts in parallel, results handed on as they arrive."""

from __future__ import annotations

import logging
import queue
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from rashomon.errors import RunInterrupted

from .politeness import _host_key
from .records import FetchResult, _one_line

if TYPE_CHECKING:
    from .client import Fetcher

logger = logging.getLogger(__name__)


def fetch_many(
    fetcher: Fetcher,
    urls: Sequence[str],
    *,
    validators: dict[str, tuple[str | None, str | None]] | None = None,
    progress: Callable[[int, int], object] | None = None,
    on_result: Callable[[str, FetchResult], object] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> list[FetchResult]:
    """Fetch many URLs with `fetcher`: per-host politeness (<= per_host_concurrency in flight per host, min_interval apart),
    different hosts in parallel (<= max_workers threads); results in input order (a URL given twice is fetched
    once); progress(done, total) and on_result(url, result) (as each URL's result arrives, so the caller can save
    it at once) are called from the calling thread.

    should_stop() is asked about twice a second: when it says yes, requests in flight are aborted and
    RunInterrupted is raised (the results delivered to on_result so far are the URLs done)."""
    total = len(urls)
    results: list[FetchResult | None] = [None] * total
    positions: dict[str, list[int]] = defaultdict(list)
    for index, url in enumerate(urls):
        positions[url].append(index)
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in positions:
        by_host[_host_key(url)].append(url)
    lanes: list[list[str]] = []
    for host_urls in by_host.values():
        width = min(fetcher.limit_for(_host_key(host_urls[0])).concurrency, len(host_urls))
        lanes.extend(host_urls[i::width] for i in range(width))
    lanes.sort(key=len, reverse=True)  # longest lanes first: the run ends sooner
    validators = validators or {}
    done_queue: queue.Queue[tuple[str, FetchResult]] = queue.Queue()
    stop = threading.Event()

    def run_lane(lane: list[str]) -> None:
        for url in lane:
            if stop.is_set() or fetcher.aborted:
                return
            etag, last_modified = validators.get(url, (None, None))
            try:
                result = fetcher.fetch(url, etag=etag, last_modified=last_modified)
            except Exception as exc:  # noqa: BLE001 - one broken URL must not hide the others
                logger.exception("unexpected error fetching %s", url)
                result = FetchResult(url, url, "network_error", None, None, None, None, None, None, (),
                                     _one_line(f"unexpected {type(exc).__name__}: {exc}"))
            done_queue.put((url, result))

    done = 0
    if not lanes:
        return []
    executor = ThreadPoolExecutor(max_workers=min(fetcher.policy.max_workers, len(lanes)),
                                  thread_name_prefix="rashomon-fetch")
    try:
        futures = [executor.submit(run_lane, lane) for lane in lanes]
        remaining = len(positions)

        def deliver(url: str, result: FetchResult) -> None:
            nonlocal done, remaining
            remaining -= 1
            if on_result is not None:
                on_result(url, result)
            for index in positions[url]:
                results[index] = result
                done += 1
                if progress is not None:
                    progress(done, total)

        while remaining:
            if should_stop is not None and should_stop():
                stop.set()
                # pages fetched while the caller was busy (saving a batch) are delivered, not dropped
                while (item := _next_now(done_queue)) is not None:
                    deliver(*item)
                fetcher.abort()
                raise RunInterrupted(f"stopped while fetching: {total - done} of {total} pages not fetched")
            try:
                url, result = done_queue.get(timeout=0.5)
            except queue.Empty:
                for future in futures:  # a lane that died of a BaseException would leave us waiting
                    if future.done() and future.exception() is not None:
                        raise future.exception()  # type: ignore[misc]
                continue
            deliver(url, result)
    except BaseException:
        stop.set()
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown(wait=True)
    return [r for r in results if r is not None]


def _next_now(q: queue.Queue[tuple[str, FetchResult]]) -> tuple[str, FetchResult] | None:
    try:
        return q.get_nowait()
    except queue.Empty:
        return None
