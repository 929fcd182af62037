"""find_repeats looks names up with str.find rather than a pattern compiled per name: the
positions must be those of the pattern it replaced, whatever the text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.entities.repeats import _occurrences

PIECES = ["Airbus", "A380", "s", "-", "_", " ", ".", "é", "x", "1", "Airbuss", "AirbusA380"]


def _by_pattern(surface: str, plural: bool, text: str) -> list[tuple[int, int]]:
    pattern = r"(?<![\w-])" + re.escape(surface) + ("s?" if plural else "") + r"(?![\w-])"
    return [m.span() for m in re.finditer(pattern, text)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12), st.sampled_from(["Airbus", "A380", "s-", "Airbus A380"]),
       st.booleans())
def test_a_name_is_found_where_the_pattern_finds_it(pieces, surface, plural):
    text = "".join(pieces)
    assert list(_occurrences(surface, plural, text)) == _by_pattern(surface, plural, text)


def test_a_name_inside_a_word_or_a_hyphenated_one_is_not_found():
    text = "Airbus, Airbuses, Airbus-led, pre-Airbus, Airbus_x, Airbuss and the Airbus."
    assert [text[s:e] for s, e in _occurrences("Airbus", False, text)] == ["Airbus", "Airbus"]
    assert [text[s:e] for s, e in _occurrences("Airbus", True, text)] == ["Airbus", "Airbuss", "Airbus"]
