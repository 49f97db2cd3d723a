"""Bounded decompression (gzip, deflate, zstd): a gzip bomb costs at most the body cap of memory and is rejected as
soon as the cap is passed; the body is read raw and checked against the deadline between chunks."""

from __future__ import annotations

import io
import time
import zlib
from collections.abc import Iterator

import httpx

from .records import _DeadlineExceeded, _DecodingFailed, _TooLarge

try:
    import zstandard
except ImportError:  # pragma: no cover - zstandard is a declared dependency
    zstandard = None

ACCEPT_ENCODING = "gzip, deflate, zstd" if zstandard is not None else "gzip, deflate"
_CHUNK = 64 * 1024  # largest piece a decoder hands on at once


def _content_encodings(headers: httpx.Headers) -> list[str]:
    codings: list[str] = []
    for value in headers.get_list("content-encoding"):
        for token in value.split(","):
            token = token.strip().lower()
            if token and token != "identity":
                codings.append(token)
    return codings


def _zlib_chunks(source: Iterator[bytes], wbits: int) -> Iterator[bytes]:
    """Inflate *source* handing on at most _CHUNK bytes at a time (a bomb never sits in memory)."""
    decompressor = zlib.decompressobj(wbits)
    for data in source:
        while data:
            out = decompressor.decompress(data, _CHUNK)
            if out:
                yield out
            if decompressor.eof:
                data = decompressor.unused_data
                if data and wbits > 16 + 8:  # another gzip member follows (RFC 1952 allows several)
                    decompressor = zlib.decompressobj(wbits)
                    continue
                return  # trailing bytes after the stream: ignored, as browsers do
            data = decompressor.unconsumed_tail
    tail = decompressor.flush()
    if tail:
        yield tail


def _deflate_chunks(source: Iterator[bytes]) -> Iterator[bytes]:
    """HTTP 'deflate' is meant to be zlib-wrapped but is often raw deflate: look at the first two bytes."""
    head = b""
    for data in source:
        head += data
        if len(head) >= 2:
            break
    if not head:
        return
    zlib_wrapped = len(head) >= 2 and (head[0] & 0x0F) == 8 and ((head[0] << 8) | head[1]) % 31 == 0

    def rest() -> Iterator[bytes]:
        yield head
        yield from source

    yield from _zlib_chunks(rest(), zlib.MAX_WBITS if zlib_wrapped else -zlib.MAX_WBITS)


class _IterReader(io.RawIOBase):
    """A read-only file over an iterator of byte chunks (for zstandard's pull-based, bounded reader)."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            try:
                self._pending = next(self._chunks)
            except StopIteration:
                return 0
        n = min(len(buffer), len(self._pending))
        buffer[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


def _zstd_chunks(source: Iterator[bytes]) -> Iterator[bytes]:
    # RFC 9659: HTTP zstd windows are at most 8 MB; a bigger one is refused instead of allocated.
    decompressor = zstandard.ZstdDecompressor(max_window_size=8 * 1024 * 1024)
    with decompressor.stream_reader(_IterReader(source), read_size=_CHUNK, read_across_frames=True,
                                    closefd=False) as reader:
        while chunk := reader.read(_CHUNK):
            yield chunk


def _decoded_chunks(raw: Iterator[bytes], codings: list[str]) -> Iterator[bytes]:
    stream = raw
    for coding in reversed(codings):  # codings are listed in the order they were applied
        if coding in ("gzip", "x-gzip"):
            stream = _zlib_chunks(stream, 16 + zlib.MAX_WBITS)
        elif coding == "deflate":
            stream = _deflate_chunks(stream)
        elif coding == "zstd" and zstandard is not None:
            stream = _zstd_chunks(stream)
        else:
            raise _DecodingFailed(f"unsupported Content-Encoding {coding!r}")
    return stream


def read_body(response: httpx.Response, deadline: float, max_bytes: int, truncate: bool,
              received: list[int]) -> bytes:
    """The decoded body, at most max_bytes (cut there when truncate, else _TooLarge); received[0] follows its size."""
    codings = _content_encodings(response.headers)
    declared_length = response.headers.get("content-length", "")
    if (not truncate and not codings and declared_length.strip().isdigit()
            and int(declared_length) > max_bytes):
        raise _TooLarge(f"Content-Length {int(declared_length)} exceeds the {max_bytes}-byte cap")

    def raw() -> Iterator[bytes]:
        for chunk in response.iter_raw():
            if time.monotonic() > deadline:
                raise _DeadlineExceeded
            yield chunk

    body = bytearray()
    try:
        for chunk in _decoded_chunks(raw(), codings):
            if len(body) + len(chunk) > max_bytes:
                if truncate:
                    body += chunk[: max_bytes - len(body)]
                    received[0] = len(body)
                    break
                received[0] = len(body) + len(chunk)
                raise _TooLarge(f"body exceeds the {max_bytes}-byte cap"
                                + (f" after decoding {'+'.join(codings)}" if codings else ""))
            body += chunk
            received[0] = len(body)
            if time.monotonic() > deadline:
                raise _DeadlineExceeded
    except zlib.error as exc:
        raise _DecodingFailed(f"corrupt {'+'.join(codings)} body: {exc}") from exc
    except Exception as exc:
        if zstandard is not None and isinstance(exc, zstandard.ZstdError):
            raise _DecodingFailed(f"corrupt zstd body: {exc}") from exc
        raise
    return bytes(body)
