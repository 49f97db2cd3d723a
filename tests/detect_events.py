"""Events for the detector tests: parties come from the event, never from code (shared by test_detect_*.py)."""

from pathlib import Path


def load_event_text(tmp_path_factory, text: str):
    """The event whose event.toml is `text`, written to a folder named by its id in a fresh temp folder."""
    from rashomon.sources import load_event

    event_id = text.split('id = "', 1)[1].split('"', 1)[0]
    folder = Path(tmp_path_factory.mktemp("events")) / event_id
    folder.mkdir()
    (folder / "event.toml").write_text(text, encoding="utf-8")
    return load_event(folder)


KARABAKH_TOML = """
id = "karabakh-2022-08-03"
title = "Azerbaijan and Armenia clash near Lachin"
summary = "Fighting around the Lachin corridor; Russia accuses Azerbaijan of violating the ceasefire."
window_start = 2022-08-02T00:00:00Z
window_end = 2022-08-07T00:00:00Z
keywords = ["Karabakh", "Lachin"]

[[parties]]
id = "armenia"
name = "Armenia"
aliases = ["Armenia", "Armenian forces", "Armenian armed forces", "Yerevan"]
loaded_aliases = ["illegal Armenian armed detachments"]

[[parties]]
id = "azerbaijan"
name = "Azerbaijan"
aliases = ["Azerbaijan", "Azerbaijani forces", "Azerbaijan Army", "Baku"]

[[parties]]
id = "russia"
name = "Russia"
aliases = ["Russia", "Russian Federation", "Moscow", "Russian peacekeepers"]

[[parties]]
id = "eu"
name = "European Union"
aliases = ["European Union", "EU", "Brussels"]

[[parties]]
id = "us"
name = "United States"
aliases = ["United States", "U.S.", "US", "Washington"]

[[wording]]
loaded = "liberated"
neutral = "captured"
"""

UKRAINE_TOML = """
id = "ukraine-2023-05-01"
title = "Shelling in the south"
window_start = 2023-05-01T00:00:00Z
window_end = 2023-05-05T00:00:00Z
keywords = ["Ukraine"]

[[parties]]
id = "ukraine"
name = "Ukraine"
aliases = ["Ukraine", "Kyiv"]

[[parties]]
id = "russia"
name = "Russia"
aliases = ["Russia", "Moscow", "Kremlin"]
loaded_aliases = ["Russian occupiers"]

[[parties]]
id = "israel"
name = "Israel"
aliases = ["Israel", "IDF"]

[[parties]]
id = "hamas"
name = "Hamas"
aliases = ["Hamas"]
"""
