"""Financial indices: "the Dow Jones Industrial Average", "the S&P 500 index", "FTSE 100".

spaCy's small English model knows few of them: it leaves "Dow Jones Industrial Average"
untagged, calls "Nasdaq" and "FTSE" organisations and cuts "FTSE 100" off its number. An
index is neither a company nor a product, so kg types it kgo:FinancialIndex. A run of proper
nouns, with the numbers in it ("Nikkei 225 Stock Average"), names an index when

  * it ends in a head word of index names ("... Average", "... Index", "... Composite"),
  * the common noun "index" follows it ("the Hang Seng index"), or
  * it is the name of a well-known index, with only index words and numbers after it
    ("Dow", "Dow Jones Industrial Average", "S&P 500"; but "Dow Chemical" is a company).

The words are data: ontology/name-words.csv, roles index-name, index-word and index-head.
"""

from __future__ import annotations

from kg.vocab.words import name_words

from .names import Name

INDEX_LABEL = "INDEX"
_FOLLOWERS = {"index", "indices", "indexes", "average", "averages"}


def find_indices(doc, text: str) -> list[Name]:
    """Every index name in the Doc, as a Name labelled INDEX."""
    words = name_words()
    known, inner, heads = words.get("index-name", {}), words.get("index-word", {}), words.get("index-head", {})
    found = []
    i = 0
    while i < len(doc):
        if not _proper(doc[i]):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and (_proper(doc[end]) or _number_in_name(doc, end) or _joins(doc, end)):
            end += 1
        run = doc[i:end]
        after = doc[end] if end < len(doc) else None
        if after is not None and after.text == "&":  # "Dow Jones & Co.", a company
            i = end
            continue
        tokens = [t.text for t in run]
        lead = next((n for n in (2, 1) if " ".join(tokens[:n]) in known), 0)
        followed = after is not None and after.lower_ in _FOLLOWERS and after.text.islower()
        if (tokens[-1] in heads and len(tokens) > 1 or followed
                or lead and all(t in inner or t in heads or t.isdigit() for t in tokens[lead:])):
            last = after if followed else run[-1]  # "the Hang Seng index" is the index's name too
            start, stop = run[0].idx, last.idx + len(last.text)
            found.append(Name(start, stop, text[start:stop], INDEX_LABEL, cued=True))
        i = end
    return found


def without_overlaps(names: list[Name], indices: list[Name]) -> list[Name]:
    """The names, less those inside or across an index name, and the indices."""
    kept = [n for n in names if not any(n.start < x.end and x.start < n.end for x in indices)]
    return kept + indices


def _proper(token) -> bool:
    return token.tag_ in ("NNP", "NNPS") and token.text[:1].isupper()


def _number_in_name(doc, i: int) -> bool:
    """"FTSE 100", "Nikkei 225 Stock Average": a number right after a proper noun (or after the
    owner's "'s" of "Standard & Poor's 500")."""
    return doc[i].tag_ == "CD" and doc[i].text.isdigit() and i > 0 and doc[i - 1].whitespace_ == " " \
        and (_proper(doc[i - 1]) or doc[i - 1].text in ("'s", "’s"))


def _joins(doc, i: int) -> bool:
    """"Standard & Poor's 500": an ampersand between proper nouns, an "'s" before the number."""
    if i + 1 >= len(doc) or not _proper(doc[i - 1]):
        return False
    return doc[i].text == "&" and _proper(doc[i + 1]) or doc[i].text in ("'s", "’s") and _number_in_name(doc, i + 1)
