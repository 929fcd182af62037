"""Given names and the gender they usually go with: the US Census 1990 lists of first names that
the `names` package (MIT) ships. kg reads them as evidence, never as proof: a name that begins
with a common given name is likely a person's ("Annie Oakley"), and a "she" is unlikely to be
a man named Peter. Words that are places or English nouns too ("Paris", "Georgia", "Major",
"Morgan") are left out by the entity stage, which knows them.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

_LISTS = {"m": "dist.male.first", "f": "dist.female.first"}
_CLEAR = 10.0  # a name counts as one gender's when it is this many times more frequent among them


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, float]]:
    share: dict[str, dict[str, float]] = {}
    for gender, file in _LISTS.items():
        text = resources.files("names").joinpath(file).read_text(encoding="utf-8")
        for line in text.splitlines():
            parts = line.split()
            if len(parts) >= 2:
                share.setdefault(parts[0].title(), {})[gender] = float(parts[1]) or 0.0005
    table = {}
    for name, by in share.items():
        m, f = by.get("m", 0.0), by.get("f", 0.0)
        table[name] = ("m" if m >= _CLEAR * f else "f" if f >= _CLEAR * m else "", m + f)
    return table


def given_name(word: str) -> tuple[str, float] | None:
    """For a given name: "m" or "f" when it mostly goes with one gender, "" when with both
    ("Jordan"), and how common it is (percent of people: "John" 3.3, "Walker" 0.005); None for
    a word that is no given name."""
    return _table().get(word)
