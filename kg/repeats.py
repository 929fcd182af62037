"""Names the tagger found once, found again: every other occurrence of a name is a mention too.

spaCy tags a name in one sentence and misses it in the next; a proper noun written again
elsewhere in the article names the same thing, whatever the tagger made of it there.
"""

from __future__ import annotations

import re

from .names import Name
from .nlp import text_of
from .products import is_model, model_tails


def find_repeats(doc, names: list[Name], text: str) -> list[Name]:
    """Other occurrences of a name already found: spaCy tags a name in one sentence and
    misses it in the next. Only where the words are proper nouns (or a model number)."""
    analysed = text_of(doc)
    taken = [(n.start, n.end) for n in names]
    out = []
    tails = model_tails(names)  # "the Dreamliner", "Dreamliners" after "787 Dreamliner"
    for surface, label in sorted({(n.text, n.label) for n in names if n.label != "NORP"} | {(t, "PRODUCT") for t in tails}):
        if not re.search(r"[A-Z0-9]", surface) or len(surface) < 2:
            continue
        plural = "s?" if surface in tails else ""
        for match in re.finditer(r"(?<![\w-])" + re.escape(surface) + plural + r"(?![\w-])", analysed):
            s, e = match.span()
            if any(a < e and s < b for a, b in taken) or plural and re.search(r"\d\w* $", analysed[:s]):
                continue  # a tail right after a model number belongs to that model's name
            span = doc.char_span(s, e) or _glued_stop(doc, s, e)
            if span is None or not (is_model(surface) or surface in tails or all(t.tag_ in ("NNP", "NNPS") or not t.is_alpha for t in span)):
                continue
            taken.append((s, e))
            out.append(Name(s, e, text[s:e], label, source="repeat"))
    return out


def _glued_stop(doc, start: int, end: int):
    """The tokens of a name glued to a full stop ("Apple and AT&T." ends in "AT&T."), or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or span.end_char != end + 1 or doc.text[end] != ".":
        return None
    return span
