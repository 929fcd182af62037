"""A place's name standing for something else: a country's name for its national team in a
match report, a capital or a seat of government for the state that governs from it.

  * In a story that reports sport (several words only sports stories use, and a score such as
    "3 – 0"), a country named as a side of a match ("Belgium beat Panama", "Sweden 1 – 0 Korea",
    "lost 1 – 2 to England") is its national team: its names there are mentions of a
    schema:SportsTeam ("Belgium national team"), not of the country, except where it is a place
    ("in Russia"); a demonym ("Swedish captain") stays the country's.
  * A capital or a seat of government ("Moscow said", "the Kremlin denied", "the White House
    announced") as the subject of a verb only agents take is the country acting as a state (and
    a city an international body governs from, the body: "Brussels warned"): the
    mention goes to the country's node (an alias of it, and the agent of the event), while the
    same name as a place ("talks in Ankara", "a summit at the White House") stays the city or
    the building. A seat of government is a schema:GovernmentBuilding, a place.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.linking import geo
from kg.linking.gazetteer import name_key
from kg.model import Span
from kg.text.tokens import noun_chunks_of, text_of
from kg.vocab.words import governing_bodies, government_seats, name_words

from .classify import Draft, Typed
from .names import Name

TEAM = "schema:SportsTeam"
SEAT = "schema:GovernmentBuilding"
# a score between two sides: small numbers either side of a dash ("3 – 0", "1-2"), not a range of years
_SCORE = re.compile(r"(?<![\d,.])(\d{1,2}) ?[–—-] ?(\d{1,2})(?![\d,.%])")
_SPORTS_WORDS = 3  # distinct sports words an article needs to be a sports story
_SIDES = {"team", "squad", "side", "delegation", "contingent"}  # groups a country's name may modify


def seat_of_government(name: str) -> str | None:
    """The ISO code of the country governed from a seat of government so named, or None."""
    return _seats_by_key().get(name_key(name))


@lru_cache(maxsize=1)
def _seats_by_key() -> dict[str, str]:
    return {name_key(k): iso for k, iso in government_seats().items()}


def seats(drafts: list[Draft]) -> None:
    """A seat of government named as such is a government building ("talks at the White House"),
    whatever the tagger took it for; unless a gazetteer linked it."""
    for draft in drafts:
        if draft.typed.entry is None and any(seat_of_government(n.text) for n in draft.names if n.label != "NORP"):
            draft.typed = Typed(SEAT)


def national_teams(drafts: list[Draft], doc, text: str) -> list[Draft]:
    """Countries that play a match in a sports story become their national teams there."""
    if not _sports_story(doc, text):
        return drafts
    out = []
    for draft in drafts:
        place = draft.typed.place
        if place is None and _unlinked_side(draft, doc, text):
            out.append(Draft(draft.names, Typed(TEAM), heads={"team", "side"}))  # "beat England": no country GeoNames lists
            continue
        if place is None or place.type != "schema:Country" or not any(_side(doc, n, text) for n in draft.names):
            out.append(draft)
            continue
        team = [n for n in draft.names if (n.label != "NORP" or _players(text, n) or _side(doc, n, text))
                and not _located(doc, n)]
        kept = [n for n in draft.names if n not in team]
        out.append(Draft(team, Typed(TEAM), label=f"{place.name} national team", heads={"team", "side"}))
        if kept:
            draft.names = kept
            out.append(draft)
    return out


def country_sides(drafts: list[Draft], doc, text: str) -> list[Draft]:
    """"the US team", "the Brazilian squad", "the Chinese delegation": a group named by its
    country is an organisation of its own, not the country; which team or delegation the
    phrase names the text does not say by it, so the node stays inside its article."""
    countries = {(n.start, n.end) for d in drafts if d.typed.place is not None
                 and d.typed.place.type == "schema:Country" for n in d.names}
    kind = TEAM if _sports_story(doc, text) else "schema:Organization"
    found: dict[str, Draft] = {}
    for chunk in noun_chunks_of(doc):
        if chunk.root.lemma_.lower() not in _SIDES or chunk[0].lower_ != "the" or len(chunk) != 3:
            continue
        word = chunk[1]
        if (word.idx, word.idx + len(word)) not in countries or word.dep_ not in ("compound", "amod"):
            continue
        label = text[word.idx : chunk.end_char]
        draft = found.setdefault(name_key(label), Draft([], Typed(kind), label=label, heads=set(), scoped=True))
        draft.extra.append(Span(chunk.start_char, chunk.end_char, text[chunk.start_char : chunk.end_char]))
    return drafts + list(found.values())


def acting_states(drafts: list[Draft], doc) -> list[Draft]:
    """Capitals and seats of government that act ("Moscow said") become mentions of their
    country; the country gets a node when the article did not name it otherwise."""
    countries = {d.typed.place.country: d for d in drafts
                 if d.typed.place is not None and d.typed.place.type == "schema:Country"}
    added = []
    for draft in drafts:
        body = _body_of(draft)
        acting = [n for n in draft.names if _acts(doc, n)] if body else []
        if acting:
            governing = _named(drafts + added, body)
            if governing is None:
                governing = Draft([], Typed("schema:Organization"), label=body)
                added.append(governing)
            governing.names = sorted(governing.names + acting)
            draft.names = [n for n in draft.names if n not in acting]
            continue
        iso = _state_of(draft)
        if iso is None:
            continue
        acting = [n for n in draft.names if _acts(doc, n)]
        if not acting:
            continue
        country = countries.get(iso)
        if country is None:
            place = geo.country(iso)
            if place is None:
                continue
            country = countries[iso] = Draft([], Typed(place.type, place))
            added.append(country)
        country.names = sorted(country.names + acting)
        draft.names = [n for n in draft.names if n not in acting]
    return [d for d in drafts + added if d.names or d.extra]


def _body_of(draft: Draft) -> str | None:
    """The international body a city governed from is named for ("Brussels": the European
    Union), when the draft is that city."""
    place = draft.typed.place
    if place is None or place.type != "schema:City":
        return None
    bodies = {name_key(k): body for k, body in governing_bodies().items()}
    return next((bodies[key] for n in draft.names if (key := name_key(n.text)) in bodies), None)


def _named(drafts: list[Draft], name: str) -> Draft | None:
    """The draft of the article that already names ``name``."""
    key = name_key(name)
    return next((d for d in drafts if name_key(d.label) == key or any(name_key(n.text) == key for n in d.names)),
                None)


def _state_of(draft: Draft) -> str | None:
    """The country a capital or a seat of government is the seat of."""
    if draft.typed.type == SEAT:
        return next((iso for n in draft.names if (iso := seat_of_government(n.text))), None)
    place = draft.typed.place
    if place is not None and place.type == "schema:City" and len({n.text for n in draft.names}) >= 1:
        return geo.capital_of(place)
    return None


def _root(doc, name: Name):
    span = doc.char_span(name.start, name.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _acts(doc, name: Name) -> bool:
    """The name is the one subject of a verb only agents take ("Moscow said", "Beijing warned"),
    or of "be" with an adjective of will ("Ankara was ready to talk"), not a place, a passive
    subject nor a modifier ("Moscow police said" is the police), nor a wire story's dateline
    ("MOSCOW, March 5 (Reuters) - Russia said"), which the parser may take for a second subject."""
    token = _root(doc, name)
    words = name_words()
    if token is not None and token.dep_ == "pobj" and token.head.dep_ == "agent":
        # "talks brokered by Beijing", "the deal was welcomed by Washington": the doer of a passive
        return token.head.head.lemma_ in words["agent-verb"]
    while token is not None and token.dep_ == "conj" and token.head.pos_ == "PROPN":
        token = token.head  # "Moscow and Ankara agreed": each of the subjects
    if token is None or token.dep_ != "nsubj":
        return False
    willing = token.head.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lemma_.lower() in words.get("agent-state", {}) for c in token.head.children)
    if token.head.lemma_ not in words["agent-verb"] and not willing:
        return False
    if sum(1 for c in token.head.children if c.dep_ == "nsubj") > 1:
        return False
    text = text_of(doc)
    return not (name.text.isupper() and len(name.text) > 3 and text[name.end : name.end + 1] == ","
                and text[max(0, name.start - 1) : name.start] in ("", "\n"))


def _located(doc, name: Name) -> bool:
    """The name is where something is: the object of "in", "at", "from" ... ("in Russia")."""
    token = _root(doc, name)
    return token is not None and token.dep_ == "pobj" and token.head.lower_ in name_words()["place-prep"]


def _players(text: str, name: Name) -> bool:
    """"the Belgians": a country's people named with the article, in a match report its side
    ("Swedish captain" stays the country's adjective)."""
    return name.text.endswith("s") and text[max(0, name.start - 4) : name.start].lower() == "the "


def _sports_story(doc, text: str) -> bool:
    """Several distinct words only sports stories use, and a score."""
    nouns = name_words()["sport-noun"]
    found = {t.lemma_.lower() for t in doc if t.lemma_.lower() in nouns or t.lower_ in nouns}
    lowered = text.lower()  # the tokenizer splits "half-time" and "quarter-finals" at the hyphen
    found |= {n for n in nouns if "-" in n and re.search(rf"\b{re.escape(n)}s?\b", lowered)}
    return len(found) >= _SPORTS_WORDS and bool(_SCORE.search(text))  # "3 – 0", and rugby's or basketball's "28-12"


def _unlinked_side(draft: Draft, doc, text: str) -> bool:
    """A name the tagger read as a place's, no place GeoNames links, that plays a match and
    is nowhere a place ("Australia beat England", "a win over Wales")."""
    return (draft.typed.entry is None and draft.typed.type == "schema:Organization"
            and all(n.label == "GPE" and not _located(doc, n) for n in draft.names)
            and any(_side(doc, n, text) for n in draft.names))


def _modifier(doc, name: Name) -> bool:
    token = _root(doc, name)
    return token is None or token.dep_ in ("amod", "compound", "nmod", "poss")


def _named_as_its_people(text: str) -> bool:
    """A country whose name is its own adjective ("New Zealand", which the demonym table
    lists): as a noun, the country."""
    return any(p.type == "schema:Country" and not p.by_alternate for p in geo.candidates(text))


def _side(doc, name: Name, text: str) -> bool:
    """A country named as a side of a match: the subject or object of a match verb ("Sweden
    defeated South Korea", "lost to England"), or beside a score ("Sweden 1 – 0 Korea")."""
    if name.label == "NORP" and (not _named_as_its_people(name.text) or _modifier(doc, name)):
        return False  # "Swedish", "New Zealand wine"; but "New Zealand beat Tonga" is a side
    if _SCORE.match(text[name.end : name.end + 8].lstrip()) or re.search(r"\d{1,2} ?[–—-] ?\d{1,2} $", text[max(0, name.start - 8) : name.start]):
        return True
    token = _root(doc, name)
    if token is None:
        return False
    verbs = name_words()["contest-verb"]
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("to", "against", "over"):
        head = head.head  # "lost 1 – 2 to England", "a win over Panama"
    elif token.dep_ not in ("nsubj", "dobj"):
        return False
    return head.lemma_ in verbs
