"""What an abbreviation spells: "USAF" the initials of "United States Air Force", "GM" of
"General Motors Corp." (the legal form left out), "BoJ" of "Bank of Japan", "G7" of "Group of
Seven". Plain string tests; kg.coref decides which names of an article they join.
"""

from __future__ import annotations

import re

from spacy.lang.en.lex_attrs import like_num

from .names import LEGAL_FORMS

# little words an acronym may leave out ("BIS", "Bank for International Settlements")
_LITTLE = {"of", "and", "the", "for", "&", "de", "on", "in"}


def acronym_of(short: str, long: str) -> bool:
    """Whether ``short`` spells the initials of ``long`` ("USAF", "United States Air Force")."""
    letters = short.replace(".", "").replace("&", "")
    if not (2 <= len(letters) <= 8 and letters.isupper() and letters.isalpha()):
        return False
    words = re.findall(r"[A-Za-z][\w'-]*\.?", long)
    if len(words) >= 2 and words[-1] in LEGAL_FORMS:  # "GM" for "General Motors Corp."
        return acronym_of(short, long[: long.rindex(words[-1])].rstrip(" ,"))
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower().rstrip(".") not in _LITTLE).upper()
    return letters in (every, content) and len(words) >= 2


def abbreviates(short: str, long: str) -> bool:
    """An abbreviation written with small letters or a number: its capitals are the initials
    of the long name's words, its small letters of the little words between ("BoJ", "Bank of
    Japan"), its number the number word ("G7", "Group of Seven")."""
    words = re.findall(r"[A-Za-z][\w'-]*", long)
    letters = "".join(w[0] for w in words if not like_num(w.lower()))
    numbers = [w for w in words if like_num(w.lower())]
    capitals = "".join(c for c in short if c.isupper())
    small = "".join(c for c in short if c.islower())
    digits = "".join(c for c in short if c.isdigit())
    return (capitals == "".join(c for c in letters if c.isupper()) and len(capitals) >= 1 + (not digits)
            and all(c in letters for c in small) and bool(digits) == bool(numbers))
