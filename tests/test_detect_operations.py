"""Operation names (rashomon/detect/operations.py) in the forms real coverage uses."""

from __future__ import annotations

import pytest

from rashomon.detect.operations import operation_names


@pytest.mark.parametrize("text, names", [
    ('The ministry said its forces had responded with an operation it named "Revenge".', ("Revenge",)),
    ("\"As a result of the 'Revenge' retaliatory measure carried out by the army, the peak was taken,\" it added.",
     ("Revenge",)),
    ('Baku said its units had then carried out an operation codenamed "Retribution".', ("Retribution",)),
    ("India launched Operation Sindoor early on Wednesday.", ("Sindoor",)),
    ("Pakistan named its response Operation Bunyan-um-Marsoos.", ("Bunyan-um-Marsoos",)),
    ('The army said the operation "Revenge" (Qisas) was a success, and the "Revenge" operation went on.',
     ("Revenge",)),
    ('Israel launched Operation Iron Swords; Hamas called its attack "Al-Aqsa Flood" operation.',
     ("Iron Swords", "Al-Aqsa Flood")),
])
def test_names(text: str, names: tuple[str, ...]) -> None:
    assert operation_names(text) == names


@pytest.mark.parametrize("text", [
    "Azerbaijan launched a military operation on Tuesday.",
    'Israel launched a "massive" operation.',
    "Operation forces were deployed to the border.",
    "The Operation Command said the situation was calm.",
])
def test_no_names(text: str) -> None:
    assert operation_names(text) == ()
