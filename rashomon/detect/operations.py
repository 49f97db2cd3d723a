"""Names of military operations in a sentence: "an operation it named "Revenge"", "the 'Revenge' retaliatory
measure", "Operation Sindoor", "an operation codenamed "Retribution"".

Outlets name the same operation differently (the Azerbaijani ministry's "Qisas" is "Revenge" in AZERTAC and Reuters,
"Retribution" in TASS), and which name an outlet uses is part of its account: the fact sheet shows it and the report
gives a card when two outlets name one side's operation differently. The patterns are data (OPERATION_PATTERNS);
a name is one to four capitalised words, quoted or after "Operation".
"""

from __future__ import annotations

import re

_NAME = r"([A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3})"
_OPEN, _CLOSE = r"[\"“'‘]", r"[\"”'’]"
_KIND = r"(?:operation|measure|offensive|campaign|mission)"
_NAMING = r"(?:named|dubbed|called|codenamed|code-named|titled|known\s+as|under\s+the\s+name)"

#: Each pattern's first group is the name.
OPERATION_PATTERNS: tuple[re.Pattern[str], ...] = (
    # an operation (it) named/dubbed/codenamed "X"
    re.compile(rf"\b{_KIND}\s+(?:\w+\s+){{0,2}}{_NAMING}\s+{_OPEN}?{_NAME}"),
    # the "X" (retaliatory / military / counter-terrorist) operation
    re.compile(rf"{_OPEN}{_NAME}{_CLOSE}\s+(?:[\w-]+\s+){{0,2}}{_KIND}\b"),
    # operation "X"
    re.compile(rf"\b{_KIND}\s+{_OPEN}{_NAME}{_CLOSE}"),
    # Operation X (a capital O inside the sentence: a name, not "Operation" starting a sentence)
    re.compile(rf"(?<=[\w,;:] )Operation\s+{_OPEN}?{_NAME}"),
)
#: Capitalised words that are no name ("Operation Command said").
_NOT_NAMES = frozenset({"The", "A", "An", "This", "That", "It", "Its", "Command", "Group", "Headquarters", "Forces"})


def operation_names(text: str) -> tuple[str, ...]:
    """The operation names in `text`, in text order, each once."""
    found: list[tuple[int, str]] = []
    for pattern in OPERATION_PATTERNS:
        for m in pattern.finditer(text):
            name = m.group(1).strip(" '’-")
            if name and name.split()[0] not in _NOT_NAMES:
                found.append((m.start(1), name))
    out: list[str] = []
    for _, name in sorted(found):
        if name.lower() not in {n.lower() for n in out}:
            out.append(name)
    return tuple(out)
