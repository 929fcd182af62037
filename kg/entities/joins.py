"""Where names meet: two names joined by a hyphen or a dash ("Boeing-Air Force contract",
"San Jose - Cisco"), a company's name before its division's ("Boeing Commercial
Airplanes"), a maker's name in the plural for its products ("new Airbuses").
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.linking import geo
from kg.text.tokens import NOUNS_TABLE
from kg.vocab.words import ORGANISATION_NOUNS, PLACE_NOUNS, name_words

from .names import Name


def hyphen_pairs(names: list[Name]) -> list[Name]:
    """"Boeing-Air Force contract", "US-China talks", "based in San Jose - Cisco": two names
    the article writes apart (or a place GeoNames knows, then a name), joined by a hyphen or
    a dash, are two mentions ("Rolls-Royce", "Wal - Mart" stay one name)."""
    labels = {n.text: n.label for n in names}
    out = []
    for name in names:
        cut = next((m for m in re.finditer(r"(?<=\w)(?:-| - )(?=[A-Z])", name.text)
                    if _apart(name.text[: m.start()], labels) and labels.get(name.text[m.end() :])), None)
        if cut is None or name.lead:
            out.append(name)
            continue
        left, right = name.text[: cut.start()], name.text[cut.end() :]
        out += [Name(name.start, name.start + cut.start(), left, labels.get(left, "GPE")),
                Name(name.start + cut.end(), name.end, right, labels[right])]
    return out


def _apart(words: str, labels: dict[str, str]) -> bool:
    """Whether the article writes these words as a name of their own, or GeoNames knows them."""
    return words in labels or any(not p.by_alternate for p in geo.candidates(words))


def divisions(doc, names: list[Name], text: str) -> list[Name]:
    """Proper nouns no name covers, after a company's name that modifies the last of them:
    ending in a plural, they name a division of it ("Boeing Commercial Airplanes"); a single
    word after "the" names one of its products ("the Chevrolet Malibu", "the Ford Focus"), unless
    it is a word of companies or places ("the Ford Foundation" is no product)."""
    starts = {n.start for n in names}
    out = []
    for name in names:
        span = doc.char_span(name.start, name.end)
        stop = span.end if span is not None and name.label == "ORG" else 0
        while stop and stop < len(doc) and stop - span.end < 3 and not doc[stop].ent_type_ \
                and doc[stop].idx not in starts and doc[stop].tag_ in ("NNP", "NNPS") and doc[stop].is_title \
                and doc[stop - 1].whitespace_:
            stop += 1
        if stop and stop > span.end and span[-1].head.i == stop - 1:
            end = doc[stop - 1].idx + len(doc[stop - 1].text)
            if _plural(doc[stop - 1]):
                name = replace(name, end=end, text=text[name.start : end])
            elif stop == span.end + 1 and span.start > 0 and doc[span.start - 1].lower_ == "the" \
                    and not _organisation_word(doc[stop - 1]):
                name = replace(name, end=end, text=text[name.start : end], label="PRODUCT")
        out.append(name)
    return out


def _organisation_word(token) -> bool:
    """A word that heads names of companies, bodies or places ("Foundation", "Airport", "Bank")."""
    words = name_words()
    return (token.text in words["head"] or token.text in words["suffix"] or token.text in words["title"]
            or token.lower_ in ORGANISATION_NOUNS or token.lower_ in PLACE_NOUNS)


def _plural(token) -> bool:
    """A plural noun, capitalised or not ("Airplanes"; the tagger calls it NNP as often as NNPS)."""
    vocab = token.doc.vocab
    nouns = vocab.lookups.get_table(NOUNS_TABLE) if vocab.lookups.has_table(NOUNS_TABLE) else {}
    return token.tag_ in ("NNPS", "NNS") or token.lower_.endswith("s") and token.lower_[:-1] in nouns


def makers_plurals(names: list[Name]) -> list[Name]:
    """"plans to purchase new Airbuses": an organisation's name in the plural names the
    things it makes."""
    makers = {n.text for n in names if n.label == "ORG"}
    return [replace(n, label="PRODUCT") if n.label != "ORG" and (n.text[:-1] in makers or n.text[:-2] in makers)
            and n.text.endswith("s") and n.text not in makers else n for n in names]
