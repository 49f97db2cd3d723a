from __future__ import annotations

import numpy as np
import pytest

from rashomon.embed import encode, resolve_model
from rashomon.errors import ModelError


def test_default_model_is_the_bundled_checked_file():
    path = resolve_model("all-MiniLM-L6-v2")
    assert path.endswith("model")
    assert resolve_model("sentence-transformers/all-MiniLM-L6-v2") == path


def test_a_folder_that_is_not_a_model_is_refused(tmp_path):
    with pytest.raises(ModelError, match="not a sentence-transformers model"):
        resolve_model(str(tmp_path))


@pytest.mark.slow
def test_encode_is_normalised_in_input_order_and_batch_independent(model):
    texts = ["An Azerbaijani soldier was killed.", "Short.", "The European Union urged an immediate cessation of hostilities in Karabakh.", "Azerbaijan said one of its soldiers died."]
    a = encode(model, texts, batch_size=2)
    b = encode(model, texts, batch_size=32)
    assert a.shape == (4, 384)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-4)
    assert np.allclose(a, b, atol=1e-4)
    sims = a @ a.T
    assert sims[0, 3] > sims[0, 2]  # the soldier's death is closer to itself in other words than to the EU
