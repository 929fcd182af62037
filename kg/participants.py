"""Who or what an event's argument is: an entity of the entity layer, or a new nominal one.

The entity layer gives one node per named (or resolved) thing. An argument the layer does
not cover ("179 new aerial refueling tankers", "border guards") becomes an article-scoped
entity of its own, typed by its head noun when the noun says it is people or an
organisation, and merged with other mentions of the same head phrase in the article. So
does a thing a named owner has ("Apple's website"), argument or not (kg.events).
"""

from __future__ import annotations

import re

from .model import Entity, Span
from .nlp import text_of
from .resources import can_act, coarse_type

# Head nouns that name people or organisations: such nominal arguments may act as agents.
PERSON_NOUNS = {
    "official", "officer", "guard", "soldier", "spokesman", "spokeswoman", "spokesperson", "analyst",
    "executive", "chief", "president", "minister", "leader", "worker", "employee", "people", "person",
    "man", "woman", "child", "resident", "citizen", "customer", "user", "passenger", "pilot", "crew",
    "engineer", "lawmaker", "senator", "expert", "investor", "shareholder", "director", "manager",
    "founder", "ceo", "chairman", "member", "staff", "personnel", "protester", "police", "troop",
    "counterpart", "diplomat", "negotiator", "journalist", "reporter", "critic", "fan", "buyer", "seller",
    "mediator", "voter", "victim", "survivor", "suspect", "prisoner", "hostage", "militant", "rebel", "activist",
    "farmer", "student", "teacher", "doctor", "nurse", "patient", "judge", "lawyer", "attorney", "prosecutor",
    "governor", "mayor", "king", "queen", "prince", "envoy", "ambassador", "inspector", "investigator",
    "developer", "designer", "owner", "partner", "consumer", "shopper", "viewer", "reader",
    "guest", "attendee", "visitor", "source", "insider", "rescuer", "volunteer", "villager", "neighbour",
    "neighbor", "relative", "witness", "bystander", "tourist", "migrant", "refugee", "trader", "broker",
    "economist", "strategist", "driver", "commander", "researcher", "astronomer", "juror", "firefighter",
}
ORGANISATION_NOUNS = {
    "company", "firm", "government", "ministry", "agency", "airline", "carrier", "manufacturer",
    "maker", "court", "army", "military", "navy", "parliament", "congress", "administration",
    "department", "regime", "bank", "group", "consortium", "team", "union", "party", "committee",
    "council", "board", "authority", "authorities", "office", "organisation", "organization",
    "subsidiary", "rival", "competitor", "supplier", "retailer", "startup", "operator",
    "airframer", "store", "shop", "studio", "publisher", "broadcaster", "newspaper", "magazine", "blog",
    "website", "network", "parent", "division", "unit", "business", "enterprise",
    "automaker", "carmaker", "chipmaker", "planemaker", "drugmaker", "steelmaker", "insurer", "lender",
    "conglomerate", "exchange", "regulator", "brokerage", "jury", "panel", "tribunal", "commission",
}
# Nouns an organisation's name may head: "the United Auto Workers union" is the union named
# (not "the Boeing plant", "the Apple store": those are other things)
_ORGANISATION_CLASSES = {"union", "company", "firm", "group", "airline", "carrier", "agency", "ministry", "party",
                         "bank", "automaker", "carmaker", "manufacturer", "corporation", "conglomerate"}
# "dockworker", "spokesman", "firefighter", "economist", "politician": people
_PERSON_ENDINGS = ("worker", "man", "men", "woman", "women", "person", "people", "fighter", "ist", "ian", "holder", "maker")
# Head nouns of machines and products, which may act too ("the plane carried 500 people")
PRODUCT_NOUNS = {
    "plane", "airplane", "aeroplane", "aircraft", "jet", "jetliner", "airliner", "superjumbo", "helicopter",
    "drone", "car", "truck", "vehicle", "ship", "vessel", "boat", "submarine", "train", "rocket", "missile",
    "satellite", "device", "phone", "smartphone", "computer", "laptop", "tablet", "software", "app",
    "robot", "engine", "model", "version", "product", "player", "camera", "console",
    "update", "application", "system", "hardware", "server", "processor", "chip", "battery", "antenna",
    "display", "screen", "winglet", "blade", "component",
}
# Head nouns of buildings and sites: such nominal arguments may be where an event happens
# ("at its Cupertino headquarters", "in a hangar")
PLACE_NOUNS = {
    "headquarters", "factory", "plant", "airport", "terminal", "hangar", "runway", "theater", "theatre",
    "stadium", "arena", "hall", "campus", "site", "port", "harbour", "harbor", "base", "facility", "warehouse",
    "courthouse", "embassy", "consulate", "hospital", "school", "university", "village", "town", "city",
    "region", "province", "country", "capital", "island", "coast", "border", "venue", "square", "street",
}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "some", "all"}


class Participants:
    """Maps argument tokens to entity keys, minting nominal entities on demand."""

    def __init__(self, doc, entities: tuple[Entity, ...]):
        self.doc = doc
        self._by_token: dict[int, str] = {}
        # a token is the entity of the shortest mention it is in: "Apple" in "Steve Jobs,
        # founder of Apple" is Apple's, though the whole apposition is a mention of Jobs
        mentions = sorted((m.end - m.start, k, m) for k, e in enumerate(entities) for m in e.mentions)
        for _, k, mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span or ():
                self._by_token.setdefault(token.i, entities[k].key)
        self.types = {e.key: e.type for e in entities}
        self._new: dict[str, dict] = {}
        self.events: set[int] = set()  # tokens that are event triggers: never minted as entities
        self._described = _described_heads(doc, self._by_token)

    def entity(self, token, *, may_create: bool = True) -> str | None:
        """The entity key for an argument head token, or None."""
        if token.i in self._by_token:
            return self._by_token[token.i]
        if token.pos_ not in ("NOUN", "PROPN") or not may_create or token.i in self.events:
            return None
        if token.ent_type_ in ("DATE", "TIME"):
            return None  # "reached by Friday", "a loss for the second quarter": a time, no participant
        for child in token.children:  # "the Airbus A330 jetliner" is the A330, "the United Auto Workers union" the UAW
            key = self._by_token.get(child.i)
            kind = coarse_type(self.types.get(key, "schema:Thing")) if key else None
            if token.lemma_.lower() in PERSON_NOUNS:
                break  # but "iPod users" are people, not the iPod
            if child.dep_ == "compound" and (kind == "product" or kind == "organization"
                                             and token.lemma_.lower() in _ORGANISATION_CLASSES):
                self._by_token[token.i] = key
                return key
        titled = self._titled(token)
        if titled is not None:
            self._by_token[token.i] = titled
            return titled
        described = self._described.get((token.lemma_.lower(), token.tag_))
        # "a building" ... "the building"; but "the largest U.S. automaker" is no "Japanese automaker"
        named = _named_by_of(token, self._by_token)
        if named is not None:  # "the town of Amatrice" is Amatrice
            self._by_token[token.i] = named
            return named
        if described is not None and token.tag_ == "NN" and not any(
                c.dep_ in ("compound", "amod", "nmod") and (c.ent_type_ or c.pos_ == "PROPN") for c in token.children):
            self._by_token[token.i] = described
            return described
        return self._nominal(token)

    def _titled(self, token) -> str | None:
        """"CEO and co-founder Steve Jobs": singular role nouns written right before a person's
        name are titles of that person, however the parser attached them ("co" of "co-founder"
        is no head of its own). A name after "and" is another person ("the engineer and Jobs")."""
        doc, at = self.doc, token.i
        if not (_role(token) or _hyphen_prefix(token)):
            return None
        while at + 1 < len(doc) and (_role(doc[at + 1]) or _hyphen_prefix(doc[at + 1])
                                     or doc[at + 1].text == "-" and not doc[at].whitespace_
                                     or doc[at + 1].lower_ == "and" and at + 2 < len(doc)
                                     and (_role(doc[at + 2]) or _hyphen_prefix(doc[at + 2]))):
            at += 1
        key = self._by_token.get(at + 1)
        if key is None or self.types.get(key) != "schema:Person" or doc[at + 1].ent_type_ != "PERSON" or doc[at].text == "-":
            return None
        return key

    def known(self, token) -> bool:
        """Whether the token is in a mention already."""
        return token.i in self._by_token

    def named(self, token) -> bool:
        """Whether the token is in a mention of an entity of the entity layer (no nominal one)."""
        return token.i in self._by_token and self._by_token[token.i] not in self._new

    def can_act(self, key: str) -> bool:
        """Agents must be people, organisations or places that act (countries, regions)."""
        return can_act(self.types.get(key, "schema:Thing"))

    def _nominal(self, token) -> str | None:
        words = [t for t in token.subtree if t.i <= token.i and t.dep_ in ("compound", "amod", "nummod", "det", "poss", "nmod") or t.i == token.i]
        words = [t for t in words if t.i >= _left_edge(token)]
        # the mention is the common-noun phrase: names before it are other entities ("Boeing's 777 planes")
        while words and (words[0].lower_ in _DETERMINERS or words[0].dep_ in ("poss", "case") or words[0].is_punct
                         or words[0].pos_ == "PROPN" and token.pos_ != "PROPN"  # a name's own words stay: "Wall Street"
                         or words[0].i in self._by_token
                         or words[0].i > 0 and self.doc[words[0].i - 1].text == "-"):  # "Detroit-based"
            words = words[1:]
        if not words:
            words = [token]
        start, end = words[0].idx, token.idx + len(token.text)
        text = text_of(self.doc)[start:end]
        if not text.strip() or not re.search(r"\w", text):
            return None
        lemma = token.lemma_.lower()
        # one node per head noun and number in an article: "a $40 billion contract", "that
        # contract" and "the contract" are one contract (measured: coref B-cubed recall)
        key = f"nominal:{lemma}:{token.tag_ in ('NNS', 'NNPS')}"
        # ... unless what sets it apart differs from what set the first one apart: "twelve new
        # jets" and "six new A330 aircraft" (count), "taxpayer money" and "bank money" (noun
        # modifier), "Halvorsen shares" and "shares of Petrix" (owner; the label says whose)
        marks = {"count": _count(token), "kinds": " ".join(sorted(
                     c.lemma_.lower() for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN")),
                 "owner": self._owner(token)}
        label, first = text, self._new.get(key)
        if first is not None and any(c.dep_ in ("amod", "det") and c.lower_ in _ANOTHER for c in token.children):
            key = f"{key}:{start}"  # "a similar drug", "another drug": not the drug named before
        elif first is not None:
            # an owner sets a thing apart even from one named with none ("shares fell ... Halvorsen shares")
            differs = next((m for m, value in marks.items()
                            if value and (first[m] or m == "owner") and first[m] != value), None)
            if differs is not None:
                key = f"{key}:{marks[differs]}"
            if differs == "owner":
                owner = marks["owner"]
                ends = [t.idx + len(t.text) for t in token.subtree if t.ent_type_ and self._by_token.get(t.i) == owner]
                label = text_of(self.doc)[min(t.idx for t in token.subtree if t.i <= token.i):max([end, *ends])]
        record = self._new.setdefault(key, {"label": label, "mentions": [], "type": _type_of(lemma, token), **marks})
        for mark, value in marks.items():
            record[mark] = record[mark] or value
        record["mentions"].append(Span(start, end, text))
        self._by_token[token.i] = key
        self.types[key] = record["type"]
        return key

    def _owner(self, token) -> str:
        """The entity a noun belongs to: "Halvorsen shares", "Petrix's shares", "shares in Petrix"."""
        owners = [c for c in token.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"]
        owners += [o for p in token.children if p.dep_ == "prep" and p.lower_ in ("of", "in") for o in p.children
                   if o.dep_ == "pobj"]
        return next((self._by_token[o.i] for o in owners if o.i in self._by_token), "")

    def new_entities(self) -> tuple[Entity, ...]:
        return tuple(
            Entity(key=key, label=r["label"], type=r["type"], mentions=tuple(sorted(set(r["mentions"]))),
                   article_scoped=True)
            for key, r in sorted(self._new.items())
        )


# Words that set a thing apart from one of its kind named before
_ANOTHER = {"another", "other", "similar", "different", "separate", "second", "rival", "alternative"}


def _role(token) -> bool:
    """A singular noun that names a person's post or part ("CEO", "founder", "executive")."""
    return token.tag_ in ("NN", "NNP") and token.lower_ in PERSON_NOUNS


def _hyphen_prefix(token) -> bool:
    """The first piece of a hyphenated role the tokenizer split: "co" of "co-founder"."""
    doc = token.doc
    return (token.i + 2 < len(doc) and not token.whitespace_ and doc[token.i + 1].text == "-"
            and not doc[token.i + 1].whitespace_ and _role(doc[token.i + 2]))


_NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}


def _count(token) -> str:
    """The number a noun is counted with ("twelve new jets" -> "12"), or ""."""
    for child in token.children:
        if child.dep_ == "nummod" and child.i < token.i:
            word = child.lower_.replace(",", "")
            return _NUMBER_WORDS.get(word, word if word.isdigit() else "")
    return ""


def _described_heads(doc, by_token: dict[int, str]) -> dict[tuple[str, str], str]:
    """Head nouns of definite descriptions the entity layer resolved ("the building" -> the
    office), when each head noun leads to one entity only."""
    heads: dict[tuple[str, str], set[str]] = {}
    for i, key in by_token.items():
        token = doc[i]
        if token.pos_ == "NOUN" and any(c.lower_ == "the" for c in token.children):
            heads.setdefault((token.lemma_.lower(), token.tag_), set()).add(key)
    return {head: next(iter(keys)) for head, keys in heads.items() if len(keys) == 1}


def _named_by_of(token, by_token: dict[int, str]) -> str | None:
    """"the town of Amatrice", "the city of Mobile": a place noun whose "of" names the place."""
    if token.lemma_.lower() not in PLACE_NOUNS:
        return None
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            names = [by_token.get(c.i) for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
            if names and names[0] is not None:
                return names[0]
    return None


def _left_edge(token) -> int:
    """Where the noun phrase of ``token`` starts, without clauses and prepositional phrases."""
    edge = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nummod", "det", "poss", "nmod", "quantmod", "punct"):
            edge = min(edge, child.left_edge.i)
    return edge


def _type_of(lemma: str, token=None) -> str:
    if token is not None and token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS"):
        return "schema:Person"  # "Republicans", "Democrats": a party's or a faith's people
    singular = lemma[:-1] if lemma.endswith("s") and not lemma.endswith("ss") else lemma  # the lemmatizer misses some plurals
    words = {lemma, singular}
    if words & PERSON_NOUNS:
        return "schema:Person"
    if words & PRODUCT_NOUNS:
        return "schema:Product"
    if words & ORGANISATION_NOUNS:  # before the endings: an "automaker" is no "lawmaker"
        return "schema:Organization"
    if words & PLACE_NOUNS:
        return "schema:Place"
    if singular.endswith(_PERSON_ENDINGS):
        return "schema:Person"
    return "schema:Thing"
