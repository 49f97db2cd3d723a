"""Events for the detector tests: parties come from the event, never from code (shared by test_detect_*.py)."""

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
