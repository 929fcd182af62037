"""Long texts are parsed in pieces cut at paragraph breaks, with offsets into the whole text."""

from __future__ import annotations

import spacy

from kg.text.parse import parse, split


def test_split_gives_consecutive_slices_cut_at_paragraphs():
    text = "One two.\n\nThree four five.\nSix seven.\n\nEight."
    pieces = split(text, 20)
    assert "".join(pieces) == text and all(len(p) <= 20 for p in pieces)
    assert pieces[0] == "One two.\n\n"


def test_long_text_is_parsed_in_pieces_with_offsets_into_the_original():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "".join(f"Paragraph {n} says that Anna met Ben.\n\n" for n in range(50))
    (whole,) = parse(nlp, [text])
    (pieces,) = parse(nlp, [text], limit=200)
    assert pieces.text == text
    assert [(t.idx, t.text) for t in pieces] == [(t.idx, t.text) for t in whole]
    assert all(text[t.idx : t.idx + len(t)] == t.text for t in pieces)
