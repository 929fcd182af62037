"""parse(): texts through one spaCy pipeline in a batch, long texts in pieces.

spaCy refuses a text longer than ``nlp.max_length`` (a million characters by default),
because the parser's memory grows with the length of what it reads at once. Rather than
raise that limit, which would let one huge article take all the memory, kg cuts such a
text into pieces at paragraph breaks (else line breaks, else spaces), parses each piece,
and joins the pieces' Docs back into one with ``Doc.from_docs``. The pieces are consecutive
slices of the text, so the joined Doc's text is the original text and every offset spaCy
gives still indexes it. Only sentences and entities that would cross a cut are lost, and
cuts fall between paragraphs.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

_BREAKS = (re.compile(r"\n[ \t\r]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"\s+"))


def parse(nlp: Language, texts: list[str], limit: int | None = None) -> list[Doc]:
    """One Doc per text, in order, all parsed in one nlp.pipe batch."""
    limit = limit or nlp.max_length
    pieces = [(i, piece) for i, text in enumerate(texts) for piece in split(text, limit)]
    parsed: list[list[Doc]] = [[] for _ in texts]
    stream = ((piece, i) for i, piece in pieces)
    for doc, i in nlp.pipe(stream, as_tuples=True, batch_size=max(1, len(pieces))):
        parsed[i].append(doc)
    return [docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False) for docs in parsed]


def split(text: str, limit: int) -> list[str]:
    """Consecutive slices of ``text``, each at most ``limit`` characters, cut after the
    last paragraph break that fits (else line break, else space, else anywhere)."""
    pieces, start = [], 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() < len(window)]
            if ends:
                cut = ends[-1]
                break
        cut = cut or limit
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces
