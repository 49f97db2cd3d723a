"""Where the package's data and flows are, in a checkout or in an installed wheel: the one place that knows.

The repository keeps top-level folders (flows/, sql/, seeds/, sources/, tests/gold/); the wheel installs them inside
the package (rashomon/flows/, rashomon/data/<name>/; see pyproject.toml's package-dir), so that `rashomon` is the only
top-level name it installs. `data_dir(name)` returns the installed copy when there is one, else the checkout's folder.

In a checkout (an editable install, or PYTHONPATH pointing at the repository), `import rashomon.flows` loads the
top-level folder flows/ beside this package (`install_checkout_flows`, called by rashomon/__init__.py): always the
flows of the same tree as the core, whichever editable install the interpreter also has.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
CHECKOUT = PACKAGE.parent  # the repository root when running from a checkout; site-packages in a wheel install

# data folder name -> where the checkout keeps it (the wheel keeps each one in rashomon/data/<name>/)
CHECKOUT_FOLDERS = {"sql": "sql", "seeds": "seeds", "sources": "sources", "gold": "tests/gold"}
FLOWS_PACKAGE = "rashomon.flows"


def data_dir(name: str) -> Path:
    """The folder `name` (one of CHECKOUT_FOLDERS): installed in the wheel, else the checkout's top-level folder."""
    if name not in CHECKOUT_FOLDERS:
        raise KeyError(f"unknown data folder {name!r} (known: {', '.join(CHECKOUT_FOLDERS)})")
    installed = PACKAGE / "data" / name
    return installed if installed.is_dir() else CHECKOUT / CHECKOUT_FOLDERS[name]


def in_checkout() -> bool:
    """True when the package runs from the repository (its tests/ and bench/ are beside it), not from a wheel."""
    return (CHECKOUT / "pyproject.toml").is_file() and (CHECKOUT / "flows" / "__init__.py").is_file()


class _CheckoutFlowsFinder(importlib.abc.MetaPathFinder):
    """Finds `rashomon.flows` in the checkout's top-level flows/ folder (its submodules follow its __path__)."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname != FLOWS_PACKAGE:
            return None
        folder = CHECKOUT / "flows"
        return importlib.util.spec_from_file_location(
            fullname, folder / "__init__.py", submodule_search_locations=[str(folder)]
        )


def install_checkout_flows() -> None:
    """In a checkout (and not in a wheel, which has rashomon/flows/), make `import rashomon.flows` load ./flows/."""
    if (PACKAGE / "flows").is_dir() or not in_checkout():
        return
    if not any(isinstance(f, _CheckoutFlowsFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, _CheckoutFlowsFinder())
