"""spaCy's named entities -> cleaned name mentions, before they are grouped into entities.

spaCy's spans are repaired the way any news NER post-processor should: determiners, titles and
possessives come off ("President Moon Jae-in" -> "Moon Jae-in"), a possessive inside a span splits
it ("The South's Unification Ministry"), a name cut at a hyphen or before "Air" is made whole
("Moon Jae" + "-in", "Air China"), a unit glued to a number is none ("30GB"), a maker's name and a
model make one product ("Boeing 787 Dreamliner", kg.products), every other occurrence of a name
found once is a mention too (kg.repeats), and demonyms ("South Koreans") are mentions of their country.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from kg.linking import geo
from kg.linking.gazetteer import armed_groups
from kg.read.structure import dateline_places
from kg.text.tokens import NOUNS_TABLE, text_of
from kg.vocab.given import given_name
from kg.vocab.words import PERSON_NOUNS, name_words

from .joins import divisions, hyphen_pairs, makers_plurals
from .labels import COMMON, PERSON_POSTS, ROLE_WORDS, acts, relabel, says_he_or_she, speaks_as_organisation
from .markets import find_indices, without_overlaps
from .names import LEGAL_FORMS, Name, trimmed
from .products import BRAND_WORD, find_models, is_model, listed_with_products, product_head
from .repeats import find_appositive, find_companies, find_described, find_listed, find_repeats, find_short_forms

# Labels that are values, not things (times are the times stage's business).
NOT_ENTITIES = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LANGUAGE", COMMON}
_DETERMINERS = {"the", "a", "an"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_COMPASS = {"North", "South", "East", "West"}
_COMMON_GIVEN = 0.1  # percent of people: a given name this common is one even where it is a word ("Peter", "Rose")
# Place names go on after these ("Pescara del Tronto", "Santiago de Compostela")
_ROMANCE_PARTICLE = re.compile(r" (?:de|del|della|delle|dei|degli|di|da|do|dos|das|du|des)(?: la| los| las)? [A-Z][\w'-]+")


def find_names(doc, text: str) -> list[Name]:
    """Every proper-name mention of the Doc, repaired; ``text`` is the article text (same offsets)."""
    names = []
    for start, end, label in _joined(doc):
        names.extend(_clean(doc, start, end, label, text))
    names = _dateline_places(names, text)
    names += _known_places(doc, names, text)
    names = hyphen_pairs(names)
    forms = geo.demonyms()
    names = [replace(n, label="NORP", iso=forms[n.text]) if n.text in forms and not n.lead else n
             for n in names if n.label not in NOT_ENTITIES]
    names = listed_with_products(doc, find_models(doc, names, text))
    endings = tuple(name_words().get("ending", {}))
    names = [replace(n, label="ORG") if n.label == "NORP" and not n.iso and endings and n.text.endswith(endings) else n
             for n in names]  # "Hinduism", tagged as a people's name: a belief's (classify knows it by its ending)
    names = [n for n in names if n.label != "NORP" or n.iso]  # other nationalities are no entities
    names += _demonyms(doc, names, text)
    names += _beliefs(doc, names, text)
    names += _owners_of_posts(doc, names, text)
    names += find_companies(doc, names, text)
    names += find_described(doc, names, text)
    names += find_appositive(doc, names, text)
    names += find_listed(doc, names, text)
    names += find_repeats(doc, names, text)
    names += find_short_forms(doc, names, text)
    names = _called_by_surname(makers_plurals(divisions(doc, names, text)))
    names = without_overlaps(names, _listed_groups(text))
    names = without_overlaps(names, find_indices(doc, text))
    return sorted({t for t in map(trimmed, names) if t is not None})


def _called_by_surname(names: list[Name]) -> list[Name]:
    """"Romelu Lukaku ... Lukaku headed in a second": a name of two or three capitalised words
    the tagger took for an organisation's or a product's, whose last word the article writes
    alone as a person's, is a person's name: news calls people by their surname, companies by
    their first word ("Lockheed" for "Lockheed Martin"); not when that word is another person's
    surname, named in full ("Tom Stanley" beside "Morgan Stanley"), or opens another company's
    name ("Douglas" of "Douglas Aircraft", beside "McDonnell Douglas")."""
    words = name_words()
    alone = {n.text for n in names if n.label == "PERSON" and n.source == "ner" and " " not in n.text}
    alone -= {n.text.split()[-1] for n in names if n.label == "PERSON" and " " in n.text}
    alone -= {n.text.split()[0] for n in names if " " in n.text}  # "Douglas" of "Douglas Aircraft"
    out = []
    for name in names:
        parts = name.text.split()
        if (name.label in ("ORG", "PRODUCT") and not name.cued and 2 <= len(parts) <= 3 and parts[-1] in alone
                and all(p.isalpha() and p[:1].isupper() and not p.isupper() for p in parts)
                and parts[-1] not in words["head"] and parts[-1] not in words["suffix"]
                and parts[0] not in words.get("first", {}) and not geo.candidates(name.text)):
            name = replace(name, label="PERSON")
        out.append(name)
    return out


def _listed_groups(text: str) -> list[Name]:
    """"Islamic State claimed the attack": a group of ontology/armed-groups.csv written with a
    name of two words or more, as the table spells it, which the tagger cut up or missed (it
    reads "Islamic" as a nationality); the longest form wins."""
    found: list[Name] = []
    for form in _group_forms():
        for match in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            if not any(match.start() < n.end and n.start < match.end() for n in found):
                found.append(Name(match.start(), match.end(), form, "ORG", source="model", cued=True))
    return found


@lru_cache(maxsize=1)
def _group_forms() -> tuple[str, ...]:
    forms = {form for entry in armed_groups().entries for form in (entry.label, *entry.aliases)
             if len(form.split()) >= 2 and form[:1].isupper()}
    return tuple(sorted(forms, key=lambda f: (-len(f), f)))


def _joined(doc) -> list[tuple[int, int, str]]:
    """spaCy's entities, with a name it cut in two made whole: "Lockheed" + "Martin" is the
    organisation Lockheed Martin, "Apple" + "iPhone" the product Apple iPhone."""
    spans = [_firm_word(doc, e.start, e.end, e.label_) for e in doc.ents if e.label_ not in NOT_ENTITIES]
    spans = [(s, e + _apostrophe(doc, e) if label == "PERSON" else e, label) for s, e, label in spans]
    out: list[tuple[int, int, str]] = []
    for start, end, label in spans:
        if out and out[-1][1] == start and out[-1][2] == "ORG" and label in ("PERSON", "ORG", "PRODUCT") \
                and doc[start - 1].whitespace_ == " " and doc[start].text[:1].isupper() \
                and not _full_name(doc[start:end], label) or (
                out and out[-1][1] == start and out[-1][2] == "ORG" and BRAND_WORD.match(doc[start].text)):
            out[-1] = (out[-1][0], end, "PRODUCT" if label == "PRODUCT" and _made(doc[start:end])
                       or _before_product_noun(doc, end) else "ORG")
        elif out and out[-1][1] == start and out[-1][2] == "ORG" and label in ("GPE", "LOC", "NORP") \
                and doc[start - 1].whitespace_ == " " and doc[start].text[:1].isupper() and _before_product_noun(doc, end):
            out[-1] = (out[-1][0], end, "PRODUCT")  # "the Chevrolet" + "Malibu" + "sedan": a maker and its model
        elif out and out[-1][1] == start and doc[start - 1].lower_ == "of" and label in ("GPE", "LOC"):
            out[-1] = (out[-1][0], end, out[-1][2])  # "the Bay of" + "Biscay"
        elif out and out[-1][1] == start and out[-1][2] == label == "PERSON" and doc[start].text.islower():
            out[-1] = (out[-1][0], end, label)  # "Karl-Theodor" + "zu Guttenberg": a surname's particle
        elif out and start < out[-1][1]:  # "Leary" inside "Michael O' Leary"
            out[-1] = (out[-1][0], max(end, out[-1][1]), out[-1][2])
        else:
            out.append((start, end, label))
    return [product_head(doc, *span) for span in out]


def _before_product_noun(doc, end: int) -> bool:
    """Whether the noun phrase after a name is headed by a product noun ("Malibu sedan",
    "Explorer sport utility vehicles"): the name is a model's."""
    if end >= len(doc) or not doc[end].is_lower and not doc[end].is_upper:
        return False
    noun = doc[end]
    while noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.i - end < 3:
        noun = noun.head
    nouns = name_words()["product-noun"]
    return noun.pos_ in ("NOUN", "PROPN") and (noun.lower_ in nouns or noun.text in nouns)


def _full_name(span, label: str) -> bool:
    """A person's name of two words or more after an organisation's is the person's own
    ("Secretary of the Air Force James Roche"); one word may end the company's ("Lockheed" +
    "Martin")."""
    return label == "PERSON" and sum(1 for t in span if t.is_alpha and t.text[:1].isupper()) >= 2


def _made(span) -> bool:
    """Whether a product's name after its maker's makes one product: a model or a brand word
    ("Airbus" + "A380", "Apple" + "iPhone"); the tagger calls "Martin" of "Lockheed Martin" a
    product too."""
    return is_model(span[0].text) or bool(BRAND_WORD.match(span[0].text))


def _apostrophe(doc, end: int) -> int:
    """1 when a person's name stops at the apostrophe of "O' Leary" or "D' Souza" (a surname
    written with a space after it), so the capitalised word after it is part of the name."""
    return int(end >= 2 and end < len(doc) and doc[end - 1].text in ("'", "’") and len(doc[end - 2].text) == 1
               and doc[end - 2].is_upper and doc[end].is_alpha and doc[end].text[:1].isupper())


def _firm_word(doc, start: int, end: int, label: str) -> tuple[int, int, str]:
    """"Air" + "China": a word that begins company names makes the place after it a company's;
    a legal form after a company's name is part of it."""
    before = doc[start - 1] if start > 0 else None
    if label == "GPE" and before is not None and before.text in name_words()["first"] and not before.ent_type_:
        return start - 1, end, "ORG"
    if label == "ORG" and end < len(doc) and doc[end].text in LEGAL_FORMS and not doc[end].ent_type_:
        return start, end + 1, label  # "Chrysler" + "LLC": the tagger left the legal form out
    return start, end, label


def _dateline_places(names: list[Name], text: str) -> list[Name]:
    """A wire dateline's city and region are places, whatever the tagger made of them ("LUSAKA,
    Aug 14 (Reuters) -", read as "Lusaka, Aug 14.", is no person, and is a name though it went
    untagged); a region GeoNames does not know ("Calif." of "SAN JOSE, Calif. (AP)") is a place
    kg cannot name, and no organisation."""
    places = dateline_places(text)
    for n, place in enumerate(places):
        stop = place.end + (text[place.end : place.end + 1] == ".")  # the tagger may keep "Calif."'s stop
        inside = [m for m in names if place.start <= m.start and m.end <= stop]
        if any(m.start < place.end and place.start < m.end for m in names if m not in inside):
            continue  # a name reaching beyond it ("NAIROBI, Kenya"): the tagger's reading holds
        named = n == 0 or bool(geo.candidates(place.text))  # the city, or a region GeoNames knows
        if inside and all(m.label in ("GPE", "LOC", "FAC") for m in inside) and named:
            continue
        names = [m for m in names if m not in inside]
        if named:
            names.append(Name(place.start, place.end, place.text, "GPE"))
    # where the story was filed is no antecedent of "the town" in it
    return [replace(m, source="dateline") if any(p.start <= m.start and m.end <= p.end + 1 for p in places) else m
            for m in names]


def _known_places(doc, names: list[Name], text: str) -> list[Name]:
    """Countries, states and cities GeoNames knows, written after "in", "from", "at" ... and
    missed by the tagger ("received its first A380 in Toulouse"); and a capital alone that
    acts ("Athens denied reports"), which metonymy makes its state."""
    preps = name_words()["place-prep"]
    taken = {i for n in names for i in range(n.start, n.end)}
    out = []
    for token in doc:
        if token.idx in taken or token.pos_ != "PROPN" or token.ent_type_:
            continue
        if _capital_acting(token):
            out.append(Name(token.idx, token.idx + len(token), token.text, "GPE"))
            continue
        if token.i == 0 or doc[token.i - 1].lower_ not in preps and doc[token.i - 1].lower_ != "of":
            continue
        end = token.i + 1
        while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() and end - token.i < 3:
            end += 1
        words = doc[token.i : end]
        found = [p for p in geo.candidates(words.text) if not p.by_alternate and p.population >= 15_000
                 or p.type in ("schema:Country", "schema:State")]
        if doc[token.i - 1].lower_ == "of":  # "the Government of France": only a country's own name
            found = [p for p in found if p.type == "schema:Country" and not p.by_alternate]
        if found and words.text[:1].isupper():
            out.append(Name(words.start_char, words.end_char, text[words.start_char : words.end_char], "GPE"))
    return out


def _capital_acting(token) -> bool:
    """A one-word capital the subject of a verb only agents take ("Athens denied")."""
    if token.dep_ != "nsubj" or token.head.lemma_ not in name_words()["agent-verb"] or not token.text[:1].isupper():
        return False
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "PROPN":
        return False  # a name of several words
    return any(p.type == "schema:City" and not p.by_alternate and geo.capital_of(p) for p in geo.candidates(token.text))


def _clean(doc, start: int, end: int, label: str, text: str) -> list[Name]:
    tokens = doc[start:end]
    for i, token in enumerate(tokens[1:-1], start=1):
        if token.text == "(":  # "Software Development Kit (SDK": a name and its short form
            return _clean(doc, start, start + i, label, text) + _clean(doc, start + i + 1, end, label, text)
        if token.text == "in" and label in ("FAC", "LOC", "ORG") and any(
                not p.by_alternate for p in geo.candidates(doc[start + i + 1 : end].text)):
            # "the Liaquat Bagh in Rawalpindi": a building, and the city it is in
            return _clean(doc, start, start + i, label, text) + _clean(doc, start + i + 1, end, "GPE", text)
        first = next((t.text for t in tokens[:i] if t.lower_ not in _DETERMINERS), "")
        if token.lower_ == "and" and first[:1].isupper() and tokens[i + 1].text == first and len(tokens) - i > 2:
            # "Macbook and Macbook Pro": two names that share a first word ("Johnson and Johnson" is one)
            return _clean(doc, start, start + i, label, text) + _clean(doc, start + i + 1, end, label, text)
    for i, token in enumerate(tokens):
        if token.text in _POSSESSIVE and 0 < i < len(tokens) - 1 and _owner(doc, tokens[:i]):
            owner = tokens[:i].text
            owner_label = "GPE" if geo.candidates(owner) else label
            owned = _clean(doc, start + i + 1, end, label, text)
            lead = [replace(n, lead=n.start - tokens[0].idx) for n in owned[:1]]  # "The South's Unification Ministry"
            return _clean(doc, start, start + i, owner_label, text) + lead + owned[1:]
    for i in range(start + 1, end - 1):
        # "Apple Computer CEO Steve Jobs": an organisation, a role, a person
        if doc[i].lower_ in ROLE_WORDS and all(t.text[:1].isupper() for t in doc[i + 1 : end]) and label != "PERSON":
            person = _clean(doc, i + 1, end, "PERSON", text)
            role = i - 2 if i - 2 > start and doc[i - 1].text == "-" else i  # "co-founder" is three tokens
            return _clean(doc, start, role, "ORG", text) + [replace(n, title=doc[i].text) for n in person]
        # "Apple Inc. Steve Jobs": a legal form ends the organisation's name
        if doc[i].text in name_words()["suffix"] and label == "ORG" and end - i - 1 in (2, 3) and all(
                t.is_alpha and t.text[:1].isupper() and not t.is_upper and t.text not in name_words()["head"]
                for t in doc[i + 1 : end]):
            return _clean(doc, start, i + 1, "ORG", text) + _clean(doc, i + 1, end, "PERSON", text)
    if label == "ORG" and end - start >= 2 and doc[end - 1].lower_ in ROLE_WORDS and doc[end - 1].text[:1].isupper() \
            and doc[end - 2].lower_ not in ROLE_WORDS and doc[end - 2].lower_ not in ("of", "the", "and") \
            and not (end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha):
        return _clean(doc, start, end - 1, label, text)  # "the State Department Spokesperson, Jeff Rathke": a role of it
    if _portfolio(doc, start, end, label):
        return []  # "British Business Secretary Peter Mandelson": the office's words, no organisation
    if doc[end - 1].text == "Flight" and end < len(doc) and doc[end].like_num:
        end -= 1  # "Air France Flight 447" names the airline and a flight
    if end - start >= 2 and doc[end - 1].is_digit and end + 1 < len(doc) and doc[end].text in ("-", "–", "—") \
            and doc[end + 1].is_digit:
        end -= 1  # "Panama 3 – 0": a side and its score
    if end - start >= 4 and doc[end - 1].is_digit and doc[end - 2].text in ("-", "–", "—") and doc[end - 3].is_digit \
            and len(doc[end - 1]) <= 2 and len(doc[end - 3]) <= 2:
        end -= 3  # "Panama 3-0": the tagger took in the whole score
    start = _described_start(doc, start, end)
    if _given_name_before(doc, start, end, label):
        start, label = start - 1, "PERSON"  # "Ana" + "Lima": a person's name, not the city
    if _counted_opening(doc, start, end) or _post_opening(doc, start, end, label):
        start += 1
    titles, title = name_words()["title"], []
    definite = start > 0 and doc[start - 1].lower_ == "the"
    while start < end and (doc[start].lower_ in _DETERMINERS or doc[start].text in titles):
        definite = definite or doc[start].lower_ == "the"
        if doc[start].text in titles:
            rest = doc[start + 1 : end]
            if not _strip_title(rest, label):
                break
            title.append(doc[start].text)
        start += 1
    while start < end and (doc[end - 1].is_punct or doc[end - 1].text in _POSSESSIVE or doc[end - 1].lower_ in _DETERMINERS
                           or doc[end - 1].is_space) \
            and doc[end - 1].text != ".":  # "MacBook Pro - a": the tagger ran on into the next phrase
        end -= 1  # or into the blanks kg.read leaves of a dateline's agency ("MILAN (Reuters) -")
    if start >= end or end - start == 1 and doc[start].is_upper and start and doc[start - 1].like_num \
            and not doc[start - 1].whitespace_:
        return []  # "30GB": a unit glued to its number
    s, e = doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    hyphenated = re.match(r"(?:-[A-Za-z]+)+", text[e:])  # "Moon Jae" + "-in", "Mazar" + "-i-Sharif"
    if hyphenated and label in ("PERSON", "ORG", "GPE", "LOC", "FAC") and not _compound_modifier(doc, end):
        e += hyphenated.end()
    particle = _ROMANCE_PARTICLE.match(text[e:])  # "Pescara" + " del Tronto"
    if particle and label in ("GPE", "LOC", "FAC"):
        e += particle.end()
    if title:
        label = "PERSON"
    elif label == "PERSON":  # "President Moon Jae" where spaCy left the title out
        before = start
        while before > 0 and doc[before - 1].text in titles:
            before -= 1
        while 0 < before < start and doc[before - 1].tag_ == "NNP" and doc[before - 1].dep_ == "compound" \
                and before <= doc[before - 1].head.i < end and doc[before - 1].whitespace_:
            before -= 1  # "Senate Majority Leader Harry Reid": the whole title, not "Leader" alone
        title = [t.text for t in doc[before:start]]
    new = relabel(doc, start, end, label, definite)
    given = _given(doc, doc[start:end])
    if new in ("ORG", "PRODUCT") and given and says_he_or_she(doc[start:end].root, given, name_words()):
        new = "PERSON"  # "Annie Oakley said she was pleased": a given name, and "she" of itself
    acting = acts(doc[start:end].root, name_words())
    cued = new != label or new == "ORG" and speaks_as_organisation(doc, doc[start:end], name_words())
    return [Name(s, e, text[s:e], new, " ".join(title), cued=cued, acting=acting, given=given)]


def _well_known_place(name: str) -> bool:
    """A whole name that is a country's, a state's or a large city's ("Hong Kong", "Costa Rica"),
    whatever given name it opens with."""
    return any(p.type in ("schema:Country", "schema:State") or p.population >= _LARGE_CITY for p in geo.candidates(name))


_LARGE_CITY = 100_000


def _given(doc, span) -> str:
    """"m", "f" or "?" when a name of two to four capitalised words opens with a given name
    that is no place or title, and no English noun unless a common given name ("Annie Oakley",
    "Peter Brown"; not "Morgan Stanley", "Paris Saint-Germain" or "General Motors"), and ends
    in no company's or institution's word."""
    words = name_words()
    if not 2 <= len(span) <= 4 or not all(t.is_alpha and t.text[:1].isupper() for t in span):
        return ""
    first, last = span[0].text, span[-1].text
    given = given_name(first)
    nouns = doc.vocab.lookups.get_table(NOUNS_TABLE) if doc.vocab.lookups.has_table(NOUNS_TABLE) else {}
    if given is None or geo.candidates(first) or last in words["head"] or last in words["suffix"] \
            or any(first in words.get(role, {}) for role in ("title", "first", "head")) or _well_known_place(span.text):
        return ""
    if first.lower() in nouns and given[1] < _COMMON_GIVEN:
        return ""  # "Walker", "Morgan", "Major": a word first, a rare given name
    return given[0] or "?"


def _given_name_before(doc, start: int, end: int, label: str) -> bool:
    """A common given name right before a place's or an organisation's name, which the tagger
    left out though it modifies the name: "Ana" of "Ana Lima", "Peru's foreign minister". The
    two make a person's name, unless the given name or the whole is a place ("Victoria
    Falls") or the name ends in an institution's word ("Charlotte Street")."""
    if label not in ("GPE", "LOC", "ORG") or start == 0:
        return False
    first, words = doc[start - 1], name_words()
    if not (first.pos_ == "PROPN" and first.is_alpha and first.text[:1].isupper() and not first.is_upper
            and not first.ent_type_ and first.dep_ == "compound" and start <= first.head.i < end):
        return False
    given = given_name(first.text)
    last = doc[end - 1].text
    places = geo.candidates(first.text) + geo.candidates(doc[start - 1 : end].text)
    return (given is not None and given[1] >= _COMMON_GIVEN and all(p.by_alternate for p in places)
            and last not in words["head"]
            and last not in words["suffix"] and not any(first.text in words.get(r, {}) for r in ("title", "first")))


def _post_opening(doc, start: int, end: int, label: str) -> bool:
    """"Winger Josh Addo-Carr scored", "Analyst Jane Roe said": a noun of a person's post or
    occupation that opens a sentence, capitalised only for that, before a person's name of two
    words or more, is no part of the name (a title is taken off by the title list: "President
    Moon Jae-in")."""
    first = doc[start]
    return (label == "PERSON" and first.is_sent_start and end - start >= 3 and first.is_alpha
            and first.lower_ in PERSON_POSTS | PERSON_NOUNS and first.text not in name_words()["title"]
            and all(t.text[:1].isupper() or t.text in "-'" for t in doc[start + 1 : end]))


def _counted_opening(doc, start: int, end: int) -> bool:
    """"First Airbus A380 delivered": a number word opening a sentence counts the thing named
    after it, when the article writes that name elsewhere without it ("First Solar" stays whole)."""
    first = doc[start]
    if not (first.is_sent_start and first.is_alpha and first.like_num and end - start >= 2):
        return False
    word = doc[start + 1].text
    return word[:1].isupper() and any(t.text == word and t.i != start + 1 for t in doc)
def _portfolio(doc, start: int, end: int, label: str) -> bool:
    """A nationality and a minister's field before "Secretary" or "Minister" and a person's
    name ("German Economy Minister ...") name an office, not an organisation; a name ending in
    a company's or an institution's word stays one ("American Airlines Chairman ...")."""
    words = name_words()
    return (label == "ORG" and end - start >= 2 and doc[start].text in geo.demonyms() and end + 1 < len(doc)
            and doc[end].text in ("Secretary", "Minister") and doc[end + 1].ent_type_ == "PERSON"
            and doc[end - 1].text not in words["head"] and doc[end - 1].text not in words["suffix"])


def _compound_modifier(doc, end: int) -> bool:
    """"Detroit-based", "EADS-led", "Paris-born": a participle or adjective after the hyphen
    makes the name part of a modifier; the name itself ends before the hyphen."""
    return end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].tag_ in ("VBN", "VBD", "VBG", "JJ") \
        and doc[end + 1].text.islower()


def _described_start(doc, start: int, end: int) -> int:
    """Proper nouns the tagger left out between a descriptor and a name belong to the name:
    "the union FNV Havens" is the union "FNV Havens", not a person "Havens"."""
    first = start
    while first > 0 and start - first < 3 and doc[first - 1].tag_ == "NNP" and doc[first - 1].text[:1].isupper() \
            and not doc[first - 1].ent_type_ and start <= doc[first - 1].head.i < end:
        first -= 1
    if first < start and first > 0 and doc[first - 1].lower_ in name_words()["org-noun"]:
        return first
    return start


def _owner(doc, owner) -> bool:
    """Whether the words before a possessive inside a span name a thing of their own ("The
    South's Unification Ministry", "Apple Computer's iTunes") rather than belong to one name
    ("the People's Republic of China")."""
    words = owner.text.removeprefix("the ").removeprefix("The ")
    if words in _COMPASS or geo.candidates(words):
        return True
    return any(ent.text == words and ent.start != owner.start for ent in doc.ents)


def _strip_title(rest, label: str) -> bool:
    """Whether a title word before ``rest`` belongs to a person's name rather than to an
    organisation's ("General Motors" keeps its "General")."""
    if not rest or not all(t.text[:1].isupper() for t in rest):
        return False
    last = rest[-1].text
    words = name_words()
    return label == "PERSON" or (len(rest) >= 2 and last not in words["head"] and last not in words["suffix"])


# nouns of a person's place in an organisation written before the person's name
_POSTS_BEFORE_NAMES = PERSON_POSTS | {"creator", "boss"}


def _owners_of_posts(doc, names: list[Name], text: str) -> list[Name]:
    """"Facebook creator Mark Zuckerberg", "Acme co-founder Jane Roe": a capitalised word right
    before a post and a person's name of two words or more, which the tagger left out (it reads
    "Facebook" as a common noun), names the organisation the post is in. Not an English noun
    written with a capital ("Chemistry teacher Mary Smith"), a nationality or a place ("French
    President Emmanuel Macron"), a title, or the opening word of a sentence."""
    nouns = doc.vocab.lookups.get_table(NOUNS_TABLE) if doc.vocab.lookups.has_table(NOUNS_TABLE) else frozenset()
    taken = {i for n in names for i in range(n.start, n.end)}
    persons = {e.start: e for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2}
    titles, forms = name_words()["title"], geo.demonyms()
    out = []
    for token in doc[:-2]:
        post = doc[token.i + 1]
        after = token.i + 2
        if post.lower_ == "co" and doc[after].text == "-" and after + 1 < len(doc):
            post, after = doc[after + 1], after + 2  # "co-founder": three tokens
        if (after in persons and post.lower_ in _POSTS_BEFORE_NAMES and token.idx not in taken and not token.ent_type_
                and token.pos_ in ("PROPN", "NOUN") and token.is_alpha and token.text[:1].isupper()
                and not token.is_sent_start and token.lower_ not in nouns and token.text not in titles
                and token.text not in forms and not geo.candidates(token.text)):
            out.append(Name(token.idx, token.idx + len(token), token.text, "ORG", cued=True))
    return out


def _beliefs(doc, names: list[Name], text: str) -> list[Name]:
    """"Buddhism", "Hinduism": a capitalised word with a belief's ending (name-words' role
    "ending") that the tagger left out is a name of its own, unless only the sentence's first
    word ("Tourism fell")."""
    endings = tuple(name_words().get("ending", {}))
    taken = {i for n in names for i in range(n.start, n.end)}
    out = []
    for token in doc:
        if (endings and token.is_alpha and token.text[:1].isupper() and not token.is_upper and len(token) > 5
                and token.lower_.endswith(endings) and not token.ent_type_ and token.idx not in taken
                and token.tag_ in ("NNP", "NN") and not token.is_sent_start):  # "Tourism fell": a capital for the sentence
            out.append(Name(token.idx, token.idx + len(token), text[token.idx : token.idx + len(token)], "ORG"))
    return out


@lru_cache(maxsize=1)
def _demonym_pattern() -> re.Pattern:
    """Any demonym as a word of its own, the longest first (built once, not per article)."""
    forms = geo.demonyms()
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
                      + r")(?![\w-])")


def _demonyms(doc, names: list[Name], text: str) -> list[Name]:
    """"North Korean", "South Koreans", "Irish": mentions of the country they name."""
    forms = geo.demonyms()
    analysed = text_of(doc)
    out = []
    for match in _demonym_pattern().finditer(analysed):
        s, e = match.span()
        if not any(n.start < e and s < n.end for n in names):
            out.append(Name(s, e, text[s:e], "NORP", iso=forms[match.group(1)], source="demonym"))
    return out
