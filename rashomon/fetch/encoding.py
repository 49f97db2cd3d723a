"""Text from bytes that lie about their charset: BOM, the declared charsets (header, <meta>, XML declaration)
checked against what they decode to, then charset-normalizer."""

from __future__ import annotations

import codecs
import logging
import re

import charset_normalizer
from charset_normalizer.md import mess_ratio

logger = logging.getLogger(__name__)

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# WHATWG Encoding Standard: labels browsers decode with a superset codec (a page labelled latin1 is read as cp1252),
# and labels Python's codecs do not know. Neither codecs.lookup nor charset-normalizer (which detects, and names
# codecs the Python way) applies these, so they stay here; plain aliases (utf8, windows-1252, ...) are left to
# codecs.lookup.
_LABEL_ALIASES = {
    **dict.fromkeys(
        ("iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819", "iso-ir-100",
         "ascii", "us-ascii", "ansi_x3.4-1968", "x-cp1252"), "cp1252"),
    **dict.fromkeys(("iso-8859-9", "iso8859-9", "iso_8859-9", "latin5", "l5"), "cp1254"),
    **dict.fromkeys(("iso-8859-11", "tis-620", "windows-874"), "cp874"),
    **dict.fromkeys(("gb2312", "gbk", "x-gbk", "gb_2312-80", "chinese", "csgb2312"), "gb18030"),
    **dict.fromkeys(("shift_jis", "shift-jis", "sjis", "x-sjis", "windows-31j", "csshiftjis"), "cp932"),
    **dict.fromkeys(("euc-kr", "ks_c_5601-1987", "windows-949", "cseuckr"), "cp949"),
    **dict.fromkeys(("big5", "cn-big5", "x-x-big5"), "big5hkscs"),
    **dict.fromkeys(("unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"), "utf-8"),
    "x-mac-cyrillic": "mac-cyrillic",
}
_REFUSED_CODECS = frozenset({"utf-7", "utf_7"})  # WHATWG refuses UTF-7 (a classic XSS vector)
_HEADER_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?\s*([^"';,\s]+)""", re.I)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:+-]+)""", re.I)
_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:+-]+)""", re.I)
_SNIFF_BYTES = 8192
_MESS_SAMPLE = 32_768  # characters per slice given to mess_ratio
_MESS_SUSPICIOUS = 0.05  # a declared charset whose text is messier than this is compared with a detection
_MESS_MARGIN = 0.1  # ... and replaced when the detected charset is at least this much cleaner


def _codec_name(label: str | bytes | None, *, from_meta: bool = False) -> str | None:
    """Python codec name for a charset label, WHATWG aliases applied; None if unknown or refused."""
    if label is None:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    label = label.strip().strip("\"'").lower()
    if not label:
        return None
    label = _LABEL_ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _REFUSED_CODECS:
        return None
    if from_meta and info.name.startswith(("utf-16", "utf-32")):
        return "utf-8"  # a <meta> readable as ASCII cannot be UTF-16: browsers read it as UTF-8
    return info.name


def _declared_charsets(content: bytes, content_type: str | None) -> list[str]:
    """Charsets declared by the Content-Type header, then by <meta> or the XML declaration (deduplicated)."""
    found: list[str] = []
    if content_type:
        match = _HEADER_CHARSET_RE.search(content_type)
        if match:
            found.append(_codec_name(match.group(1)) or "")
    head = content[:_SNIFF_BYTES]
    match = _XML_DECL_RE.search(head) or _META_CHARSET_RE.search(head)
    if match:
        found.append(_codec_name(match.group(1), from_meta=True) or "")
    return [cs for i, cs in enumerate(found) if cs and cs not in found[:i]]


def _mess(text: str) -> float:
    """charset-normalizer's 'mess' of a text (0 = clean), measured on up to three slices."""
    if len(text) > 3 * _MESS_SAMPLE:
        middle = len(text) // 2
        text = text[:_MESS_SAMPLE] + text[middle : middle + _MESS_SAMPLE] + text[-_MESS_SAMPLE:]
    return float(mess_ratio(text, maximum_threshold=1.0))


def _non_ascii_chars(text: str) -> int:
    return len(text) - len(text.encode("ascii", "ignore"))


def _mostly_utf8(content: bytes) -> str | None:
    """The UTF-8 reading of *content* when at least 98 % of its non-ASCII sequences are valid UTF-8, else None."""
    text = content.decode("utf-8", "replace")
    bad = text.count("\ufffd")
    good = _non_ascii_chars(text) - bad
    if good > 0 and bad <= 0.02 * (good + bad):
        return text
    return None


def _detect(content: bytes) -> tuple[str, str] | None:
    """charset-normalizer's best reading: (text, codec name), or None when the bytes look binary."""
    best = charset_normalizer.from_bytes(content).best()
    if best is None:
        return None
    try:
        name = codecs.lookup(best.encoding).name
    except LookupError:
        name = best.encoding
    return str(best), name


def _decode_declared(content: bytes, charset: str) -> str | None:
    """Decode with a declared single- or multi-byte charset; tolerate a few undefined bytes."""
    try:
        return content.decode(charset)
    except UnicodeDecodeError:
        text = content.decode(charset, "replace")
        bad = text.count("\ufffd")
        if bad <= 0.01 * max(1, _non_ascii_chars(text)):
            return text
        return None
    except LookupError:
        return None


def sniff_charset(content: bytes, content_type: str | None) -> tuple[str, str]:
    """Best (text, charset) for HTML/XML/text bytes: BOM, then a declared charset that decodes and looks right,
    then charset-normalizer, then UTF-8 with replacement characters. Never raises."""
    try:
        return _sniff(content, content_type)
    except Exception:  # noqa: BLE001 - decoding hostile bytes must never break a run
        logger.exception("charset sniffing failed; falling back to UTF-8 with replacement characters")
        return content.decode("utf-8", "replace"), "utf-8"


def _sniff(content: bytes, content_type: str | None) -> tuple[str, str]:
    declared = _declared_charsets(content, content_type)
    if not content:
        return "", declared[0] if declared else "utf-8"
    for bom, name in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(name, "replace"), name
    if content.isascii():
        ascii_compatible = [cs for cs in declared if not cs.startswith(("utf-16", "utf-32"))]
        return content.decode("ascii"), ascii_compatible[0] if ascii_compatible else "utf-8"
    try:
        as_utf8: str | None = content.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    for charset in declared:
        if charset == "utf-8":
            if as_utf8 is not None:
                return as_utf8, "utf-8"
            mostly = _mostly_utf8(content)
            if mostly is not None:
                return mostly, "utf-8"
            continue  # declared UTF-8 but it is not: try the next declaration, then detection
        if as_utf8 is not None:
            # Non-ASCII bytes that form valid UTF-8 are almost never another charset: the declaration lies.
            return as_utf8, "utf-8"
        text = _decode_declared(content, charset)
        if text is None:
            continue
        mess = _mess(text)
        if mess <= _MESS_SUSPICIOUS:
            return text, charset
        detected = _detect(content)
        if detected is not None and detected[1] != charset and _mess(detected[0]) + _MESS_MARGIN <= mess:
            return detected
        return text, charset
    if as_utf8 is not None:
        return as_utf8, "utf-8"
    detected = _detect(content)
    if detected is not None:
        return detected
    return content.decode("utf-8", "replace"), "utf-8"


def decode_html(content: bytes, content_type: str | None) -> str:
    """Best text for HTML bytes: honour a BOM, then check the declared charset (header, <meta>) actually decodes
    and looks right, else charset-normalizer; never raises. Pass the Content-Type header value (with its charset
    parameter), e.g. ``FetchResult.content_type``."""
    return sniff_charset(content or b"", content_type)[0]


def _is_textual(content_type: str | None) -> bool:
    if not content_type:
        return True
    media = content_type.split(";", 1)[0].strip().lower()
    return media.startswith("text/") or "xml" in media or "json" in media or "html" in media
