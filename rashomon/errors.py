"""Typed errors raised by Rashomon's core. Each carries a message a user can act on."""

from __future__ import annotations


class RashomonError(Exception):
    """Base class of every error Rashomon raises on purpose."""


class ConfigError(RashomonError):
    """A settings, source or event file is missing or invalid."""


class FetchError(RashomonError):
    """A page could not be fetched (after retries, or refused by policy)."""


class ExtractError(RashomonError):
    """A fetched page held no extractable article text."""


class ModelError(RashomonError):
    """The embedding model or the language pipeline could not be loaded or verified."""


class StoreError(RashomonError):
    """The DuckDB store could not be opened, migrated or queried."""


class ReportError(RashomonError):
    """A report could not be written."""


class RunInterrupted(RashomonError):
    """The run was stopped by SIGINT or SIGTERM; what it had done is saved."""
