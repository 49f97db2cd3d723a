"""`python -m rashomon …`: the same command line as the `rashomon` script (rashomon/cli.py)."""

from .cli import main

raise SystemExit(main())
