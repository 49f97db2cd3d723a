"""What `rashomon` prints while it runs: the stages' counts and the failures, not the libraries' routine chatter.

`setup(verbose)` configures logging for the command. Unless --verbose, it drops routine lines from the console
(Prefect's "Finished in state Completed()" after every task, its temporary-server banner with a docs link), turns
off the Hugging Face weight-loading progress bars and hides deprecation warnings meant for library authors. Failures,
warnings and the stages' own counts stay; the Prefect API (its UI) still receives every log line.
"""

from __future__ import annotations

import logging
import os
import warnings

#: console lines that say nothing a user acts on (matched at the start of the message)
ROUTINE_MESSAGES = (
    "Finished in state Completed()",
    "Starting temporary server on",
    "Stopping temporary server on",
    "stamina.retry_scheduled",  # stamina's own log of a fetch retry (rashomon.fetch logs it, with the wait, at INFO)
)
#: set before Hugging Face libraries are imported (the user's own values win)
QUIET_ENV = {"HF_HUB_DISABLE_PROGRESS_BARS": "1", "TRANSFORMERS_VERBOSITY": "error"}
FORMAT = "%(levelname)s %(name)s: %(message)s"


class RoutineFilter(logging.Filter):
    """Drops ROUTINE_MESSAGES from a handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(ROUTINE_MESSAGES)


def setup(verbose: bool = False) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING, format=FORMAT)
    if verbose:
        return
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RoutineFilter) for f in handler.filters):
            handler.addFilter(RoutineFilter())
    for key, value in QUIET_ENV.items():
        os.environ.setdefault(key, value)
    for category in (DeprecationWarning, FutureWarning):
        warnings.filterwarnings("ignore", category=category)
