"""Imports run one way: the top layer (the CLI, `rashomon serve`, the benchmark harness) imports the flows, the flows
import the core, and the core imports neither (README, "Layout"). Checked statically, function-level imports too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "rashomon"

FLOWS = ("rashomon.flows", "flows")
# the top layer: modules that run the flows for a user; nothing below may import them
TOP = ("rashomon.__main__", "rashomon.cli", "rashomon.cli_data", "rashomon.cli_stories", "rashomon.serving", "rashomon.realcov")


def _within(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(path: Path, module: str) -> set[str]:
    """Every module `path` imports (absolute names; `from .x import y` also counts `.x.y`, which may be a module)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def _modules(root: Path, prefix: str = "") -> list[tuple[str, Path]]:
    out = []
    for path in sorted(root.rglob("*.py")):
        name = _module_name(path)
        out.append((prefix + name, path))
    return out


CORE = [(m, p) for m, p in _modules(PACKAGE) if not _within(m, TOP)]
FLOW_MODULES = [("rashomon." + m, p) for m, p in _modules(REPO / "flows")]


def test_the_scan_sees_imports_of_every_form(tmp_path):
    """The checker itself: absolute, relative and function-level imports of the flows are all caught."""
    pkg = tmp_path / "rashomon"
    pkg.mkdir()
    cases = {
        "a.py": "import flows.pipeline\n",
        "b.py": "def f():\n    from .flows.tasks import fetch_policy\n",
        "c.py": "from rashomon import flows\n",
        "d.py": "from . import cli\n",
    }
    for name, text in cases.items():
        (pkg / name).write_text(text)
        found = imported_names(pkg / name, "rashomon." + name[:-3])
        assert any(_within(n, FLOWS + TOP) for n in found), (name, found)
    (pkg / "e.py").write_text("from .store import connect\nimport rashomon.sources\n")
    assert not any(_within(n, FLOWS + TOP) for n in imported_names(pkg / "e.py", "rashomon.e"))


def test_the_scan_covers_the_core_and_not_the_top_layer():
    names = {m for m, _ in CORE}
    assert {"rashomon.store", "rashomon.stages", "rashomon.settings", "rashomon.report"} <= names
    assert not names & {"rashomon.cli", "rashomon.serving"}


@pytest.mark.parametrize("module,path", CORE, ids=[m for m, _ in CORE])
def test_the_core_never_imports_the_flows_or_the_cli(module, path):
    bad = sorted(n for n in imported_names(path, module) if _within(n, FLOWS + TOP))
    assert not bad, f"{path.relative_to(REPO)} imports {bad}: the core must not depend on the flows or the CLI"


@pytest.mark.parametrize("module,path", FLOW_MODULES, ids=[m for m, _ in FLOW_MODULES])
def test_the_flows_never_import_the_cli(module, path):
    bad = sorted(n for n in imported_names(path, module) if _within(n, TOP + ("flows",)))
    assert not bad, f"{path.relative_to(REPO)} imports {bad}: the flows sit below the CLI (and are `rashomon.flows`)"
