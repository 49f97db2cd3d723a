"""The total deadline of a request, enforced at the socket: every connect, TLS handshake, read and write is bounded by
the time left (httpx's read timeout alone is per chunk); injected clients get a watchdog that shuts the socket down;
Fetcher.abort shuts every open socket down at once."""

from __future__ import annotations

import socket
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, suppress

import httpcore
import httpx

_deadline_local = threading.local()


@contextmanager
def _deadline_scope(deadline: float) -> Iterator[None]:
    previous = getattr(_deadline_local, "deadline", None)
    _deadline_local.deadline = deadline
    try:
        yield
    finally:
        _deadline_local.deadline = previous


def _bounded(timeout: float | None, exc_type: type[Exception]) -> float | None:
    """*timeout* shortened to the current thread's remaining deadline; raise *exc_type* once it has passed."""
    deadline = getattr(_deadline_local, "deadline", None)
    if deadline is None:
        return timeout
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise exc_type("total deadline exceeded")
    return remaining if timeout is None else min(timeout, remaining)


class _DeadlineStream(httpcore.NetworkStream):
    """Bounds every socket operation by the calling thread's deadline (pooled connections included)."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None):  # noqa: ANN001
        stream = self._inner.start_tls(ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(stream)

    def get_extra_info(self, info: str) -> object:
        return self._inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner
        self.streams: weakref.WeakSet[httpcore.NetworkStream] = weakref.WeakSet()  # open ones, for Fetcher.abort

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # noqa: ANN001
        timeout = _bounded(timeout, httpcore.ConnectTimeout)
        stream = self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        self.streams.add(stream)
        return _DeadlineStream(stream)

    def shut_down_all(self) -> None:
        """Shut every open socket down, so that requests blocked reading or writing return at once."""
        for stream in list(self.streams):
            sock = stream.get_extra_info("socket")
            if isinstance(sock, socket.socket):
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def connect_unix_socket(self, path, timeout=None, socket_options=None):  # noqa: ANN001
        timeout = _bounded(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._inner.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _Watchdog:
    """For clients we did not build: shut the socket down at the deadline, so a blocked read returns.

    The socket is known once a new connection is made (httpcore's trace hook) or once the response headers are in.
    """

    def __init__(self, delay: float) -> None:
        self.fired = False
        self._stream: object = None
        self._timer = threading.Timer(max(0.0, delay), self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._timer.cancel()

    def trace(self, event: str, info: dict[str, object]) -> None:
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            self._watch_stream(info.get("return_value"))

    def watch(self, response: httpx.Response) -> None:
        self._watch_stream(response.extensions.get("network_stream"))

    def _watch_stream(self, stream: object) -> None:
        if stream is not None:
            self._stream = stream
            if self.fired:
                self._fire()

    def _fire(self) -> None:
        self.fired = True
        stream = self._stream
        get_extra_info = getattr(stream, "get_extra_info", None)
        sock = get_extra_info("socket") if get_extra_info is not None else None
        if isinstance(sock, socket.socket):
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
