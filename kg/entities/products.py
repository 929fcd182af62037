"""Products named by model: "Airbus A380", "737 aircraft", "Boeing 787 Dreamliner", "iPod".

A maker's name followed by a model designation is one product; so is a model number before
a product noun, a brand word ("iPhone"), or a span spaCy tagged PRODUCT. A bare number is a
model only when written as one ("18 777s", "the 717 jet"), never a unit ("30GB") or a decade.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.text.tokens import text_of
from kg.vocab.words import name_words

from .names import Name

_LETTER_MODEL = re.compile(r"^[A-Z]{1,3}-?\d{1,4}(?:-\d{1,4})?[A-Za-z]{0,3}s?$")  # A380, DC-9, A330-200, A400M
_NUMBER_MODEL = re.compile(r"^\d{3}(?:-\d{1,3}[A-Z]{0,2}|[A-Z]{2,3})?s?$|^\d[a-z]\d$")  # 737, 737-800, 777-200LR, 747SP, 777s, 7e7
# chemical formulas and virus strains of the news (climate, pollution, science, health), which read like models
_FORMULAS = {"CO2", "H2O", "CH4", "N2O", "NO2", "SO2", "O2", "O3", "H2", "N2", "NH3", "H2S", "CO", "H5N1", "H1N1"}
BRAND_WORD = re.compile(r"^i[A-Z][a-z]")  # iPhone, iPod, iTunes, iMac
_AND = re.compile(r",? (?:and|or) ")
_GROUP_OF = re.compile(r"^G\d{1,2}$")  # G7, G20, G77: a group of countries, however a model it looks
_UNITS = re.compile(r"^\d+(?:GB|MB|TB|KB|bn|m|k|km|kg|mm|cm|th|st|nd|rd|pm|am|mph|G)$|^\d{4}s$")


def is_model(word: str) -> bool:
    """A model designation: A380, DC-9, 737-800, 747SP, 777s, 7e7 (not 30GB, 1990s, 2nd, or a
    chemical formula: CO2, H2O)."""
    return bool((_LETTER_MODEL.match(word) or _NUMBER_MODEL.match(word)) and not _UNITS.match(word)
                and any(c.isdigit() for c in word) and word.removesuffix("s") not in _FORMULAS)


def _group_of_countries(word: str, names: list[Name]) -> bool:
    """"G7", "G20": a group of countries, however like a model it looks; unless the article
    writes it after a maker's name ("the LG G7 smartphone ... The G7 costs $750")."""
    return bool(_GROUP_OF.match(word)) and not any(n.text.endswith(" " + word) for n in names)


def find_models(doc, names: list[Name], text: str) -> list[Name]:
    """Products: a maker's name followed by a model ("Airbus A380"), a model before a
    product noun ("737 aircraft"), brand words ("iPod"), spaCy's PRODUCT spans."""
    taken = {i for n in names for i in range(n.start, n.end)}
    by_start = {n.start: n for n in names}
    out, used = [], set()
    for name in names:
        if name in used:
            continue
        model_end = _model_after(doc, text, name.end)
        if name.label == "ORG" and model_end and _maker(name.text):
            follower = by_start.get(_next_word(text, name.end))
            if follower is not None:
                used.add(follower)
                model_end = max(model_end, follower.end)
            out.append(Name(name.start, model_end, text[name.start : model_end], "PRODUCT", source="model"))
        elif _group_of_countries(name.text, names):
            out.append(replace(name, label="ORG"))  # "G7 leaders", "the G20 summit"
        elif BRAND_WORD.match(name.text) or (is_model(name.text.split()[0]) and name.label != "PERSON") or (
                name.label == "ORG" and " " in name.text and is_model(name.text.split()[-1])
                and _maker(name.text.rsplit(" ", 1)[0])):  # "Airbus A380" tagged as one organisation
            out.append(replace(name, label="PRODUCT"))
        else:
            out.append(name)
    product_nouns = name_words()["product-noun"]
    # not the digits after a thousands separator or a decimal point ("5,000 VIP guests")
    for word in re.finditer(r"(?<![\w$-])(?<!\d[,.])[A-Za-z0-9][A-Za-z0-9-]*(?![\w-])", text_of(doc)):
        s, e = word.span()
        if s in taken or not is_model(word.group()) or any(s <= n.start < e for n in out):
            continue
        if _group_of_countries(word.group(), names):
            out.append(Name(s, e, text[s:e], "ORG", source="model"))  # "the Group of Seven (G7)"
            continue
        tokens = doc.char_span(s, e, alignment_mode="expand")
        first, last = tokens[0], tokens[-1]
        after = doc[last.i + 1] if last.i + 1 < len(doc) else None
        owned = (first.i >= 2 and doc[first.i - 1].text in ("'s", "’s", "'", "’") and doc[first.i - 2].ent_type_ == "ORG"
                 and not (after is not None and after.tag_ in ("NNS", "NNPS")))  # not "Boeing's 300 workers"
        # a bare number is a model only when written as one: "18 777s", "787 Dreamliner"
        cue = (_LETTER_MODEL.match(word.group()) or word.group().endswith("s") or first.ent_type_ == "PRODUCT"
               or owned  # "Boeing's 787": a company's number is its model
               or (after is not None and _proper(after))
               or (after is not None and after.lower_ in product_nouns and (
                   after.tag_ == "NN" and after.lower_ != "aircraft"  # "the 717 jet": no count takes a singular
                   or any(t.like_num for t in doc[max(0, first.i - 3) : first.i]))))  # "five new 737 aircraft"
        if cue and not _counts_a_makers_things(doc, after, by_start):
            e = _proper_after(doc, text, after, e, by_start, used) if not any(n.start <= s < n.end for n in out) else e
            out.append(Name(s, e, text[s:e], "PRODUCT", source="model"))
    return [n for n in out if n not in used]


def listed_with_products(doc, names: list[Name]) -> list[Name]:
    """A name coordinated with names of another kind is of that kind: "the iPod Classic, Nano
    and Shuffle", "Camry and Corolla" (a lone word the tagger took for a person without a
    title, or for a nationality no country has, listed with a product's name); "Lockheed
    Tristar and Vickers VC-10" (a maker's name and another word, listed with a product's);
    "Lockheed and Sikorsky" (a lone word the tagger took for a person's, listed with an
    organisation's; "Boeing and Mary Smith" are two). Not a short form of a person the article names in full: "the iPhone and
    Jobs", "Apple and Jobs"."""
    tokens = {n: {t.i for t in doc.char_span(n.start, n.end, alignment_mode="expand") or ()} for n in names}
    by_label: dict[str, set[int]] = {}
    for n, found in tokens.items():
        by_label.setdefault(n.label, set()).update(found)
    person_words = {w for n in names if n.label == "PERSON" and " " in n.text for w in n.text.split()}
    words, text = name_words(), text_of(doc)
    others = set().union(*(found for label, found in by_label.items() if label != "PRODUCT"))
    out = []
    for name in names:
        span = doc.char_span(name.start, name.end)
        if span is None:
            out.append(name)
            continue
        linked = {t.i for t in _coordinated(span.root)} | {
            i for other in names if _joined_by_and(text, name, other) for i in tokens[other]}
        listed = linked & by_label.get("PRODUCT", set()) and not linked & others
        if (name.label == "PERSON" and not name.title or name.label == "NORP" and not name.iso) \
                and len(span) == 1 and name.text not in person_words and listed:
            name = replace(name, label="PRODUCT")
        elif name.label == "ORG" and len(span) >= 2 and listed and span[-1].text not in words["head"] \
                and span[-1].text not in words["suffix"]:
            name = replace(name, label="PRODUCT")
        elif name.label == "PERSON" and not name.title and len(span) == 1 and name.text not in person_words \
                and linked & by_label.get("ORG", set()) and not linked & by_label.get("PERSON", set()):
            name = replace(name, label="ORG")
        elif name.label == "PRODUCT" and name.source == "ner" and len(span) == 1 and not is_model(name.text) \
                and not BRAND_WORD.match(name.text) and _listed_with_organisations(_listed(span.root) - tokens[name], by_label):
            name = replace(name, label="ORG")  # "sell Saab, Hummer and Saturn": one kind, as the list says
        out.append(name)
    return out


def _joined_by_and(text: str, a: Name, b: Name) -> bool:
    """"Best Buy and Radio Shack": two names written with "and" or "or" between them, whatever
    the parser made of them (a comma alone joins no list: "At Apple, Jobs said")."""
    first, second = (a, b) if a.start < b.start else (b, a)
    # every pair of an article's names is asked: only a gap of four to six characters can fit
    return first.end + 4 <= second.start <= first.end + 6 and bool(_AND.fullmatch(text, first.end, second.start))


def _listed_with_organisations(others: set[int], by_label: dict[str, set[int]]) -> bool:
    """Two names or more besides it, organisations' or lone words the tagger read as people's
    (which the list makes organisations), one at least an organisation's."""
    kinds = by_label.get("ORG", set()) | by_label.get("PERSON", set())
    return len(others) >= 2 and others <= kinds and bool(others & by_label.get("ORG", set()))


def _listed(token) -> set[int]:
    """The words of the whole list a word is in: "Saab", "Hummer" and "Saturn" of "sell Saab,
    Hummer and Saturn"."""
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
    members, todo = set(), [token]
    while todo:
        member = todo.pop()
        members.add(member.i)
        todo += [c for c in member.children if c.dep_ == "conj"]
    return members


def _coordinated(token) -> list:
    """The words a word is listed with: its head when it is a conjunct, and its conjuncts."""
    return ([token.head] if token.dep_ == "conj" else []) + [c for c in token.children if c.dep_ == "conj"]


def _counts_a_makers_things(doc, after, by_start: dict) -> bool:
    """"500 Apple engineers", "20 Airbus jets": a number before an organisation's name and a
    plural noun counts the organisation's people or things; it is no model of it."""
    owner = by_start.get(after.idx) if after is not None else None
    if owner is None or owner.label != "ORG":
        return False
    span = doc.char_span(owner.start, owner.end, alignment_mode="expand")
    return span is not None and span.end < len(doc) and doc[span.end].tag_ == "NNS"


def _proper_after(doc, text: str, after, end: int, by_start: dict, used: set) -> int:
    """A model number's name goes on through the proper noun written after it: "787
    Dreamliner" (a name the tagger found there joins it)."""
    if after is None or not _proper(after) or text[end : end + 1] != " ":
        return end
    follower = by_start.get(after.idx)
    if follower is not None:
        used.add(follower)
        return follower.end
    if after.ent_type_:
        return end
    return after.idx + len(after.text)


def product_head(doc, start: int, end: int, label: str) -> tuple[int, int, str]:
    """A name holding or followed by a word that heads product names ("OS", "SDK", "Store") is
    a product's: "Mac" + "OS X Leopard", where the tagger cut it, is one name; "Mac App Store"
    is a product whatever the tagger said (not when a possessive splits it: "Apple's Mac OS")."""
    heads = {w for w, c in name_words()["head"].items() if c == "schema:Product"}
    if end < len(doc) and doc[end].text in heads and not doc[end].ent_type_ and doc[end - 1].whitespace_:
        stop = end + 1
        while (stop < len(doc) and stop - end < 3 and doc[stop].text[:1].isupper() and not doc[stop].ent_type_
               and (doc[stop].pos_ == "PROPN" or doc[stop].is_upper) and doc[stop - 1].whitespace_):
            stop += 1
        return start, stop, "PRODUCT"
    inside = [t.text for t in doc[start + 1 : end]]
    if label in ("ORG", "PERSON") and set(inside) & heads and not set(inside) & {"'s", "’s", "'", "’"}:
        return start, end, "PRODUCT"
    return start, end, label


def model_tails(names: list[Name]) -> set[str]:
    """The proper names that end model products ("Dreamliner" of "787 Dreamliner"): the text
    repeats them alone ("the Dreamliner", "Dreamliners")."""
    tails = set()
    for name in names:
        words = name.text.split()
        if name.label == "PRODUCT" and len(words) >= 2 and is_model(words[-2]) and re.fullmatch(r"[A-Z][a-z]{3,}", words[-1]):
            tails.add(words[-1])
    return tails


def _maker(name: str) -> bool:
    """Whether an organisation's name can be a maker's before a model number: not an airline's
    ("American Airlines 777" is a plane the airline flies) nor a flight's ("Flight 447")."""
    words = name_words()
    last, first = name.split()[-1], name.split()[0]
    refined = words["head"].get(last) or words["first"].get(first)
    return last.lower() != "flight" and refined in (None, "schema:Corporation", "schema:Organization")


def _next_word(text: str, at: int) -> int:
    return at + 1 if text[at : at + 1] == " " else -1


def _model_after(doc, text: str, end: int) -> int:
    """The end of a model designation written right after ``end``, or 0."""
    match = re.match(r" ([A-Za-z0-9-]+)", text[end:])
    if not match or not is_model(match.group(1)):
        return 0
    stop = end + match.end()
    proper = re.match(r"(?: [A-Z][a-z]+)+", text[stop:])  # "787 Dreamliner"
    if proper:
        span = doc.char_span(stop + 1, stop + proper.end(), alignment_mode="expand")
        if span is not None and all(t.tag_ in ("NNP", "NNPS") for t in span):
            stop += proper.end()
    return stop


def _proper(token) -> bool:
    """A capitalised word inside a sentence, whatever the tagger made of it ("Dreamliner" is
    often a common noun to it)."""
    return token.text[:1].isupper() and token.is_alpha and token.tag_ in ("NNP", "NN") and not token.is_sent_start
