"""Who or what an event's argument is: an entity of the entity layer, or a new nominal one.

The entity layer gives one node per named (or resolved) thing. An argument the layer does
not cover ("179 new aerial refueling tankers", "border guards") becomes an article-scoped
entity of its own, typed by its head noun when the noun says it is people or an
organisation, and merged with other mentions of the same head phrase in the article. So
does a thing a named owner has ("Apple's website"), argument or not (kg.events).

The functions at the end take an argument's head token to the keys of its entities, for
kg.events.roles and kg.events.control: its conjuncts, the antecedent of a relative pronoun,
the noun a quantity counts, and whether an entity acts on purpose or undergoes.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.entities.references import posts
from kg.entities.references.pronouns import REFLEXIVES, reflexive_subjects
from kg.linking.gazetteer import name_key
from kg.model import Entity, Span
from kg.text.tokens import conjuncts, is_headline, noun_lemma, text_of, without_marks
from kg.vocab.resources import can_act, coarse_type
from kg.vocab.words import IDIOM_OBJECTS, ORGANISATION_CLASSES, ORGANISATION_NOUNS, PERSON_NOUNS, PLACE_NOUNS, type_of

from .groups import plural_pronouns

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
                if not token.is_space:  # a mention over blanked text (a source line, a wire agency)
                    self._by_token.setdefault(token.i, entities[k].key)
        self.types = {e.key: e.type for e in entities}
        self._new: dict[str, dict] = {}
        self.events: set[int] = set()  # tokens that are event triggers: never minted as entities
        self._described = _described_heads(doc, self._by_token)
        self._holders = posts.holders(doc, self._by_token, self.types)
        self._found: dict[str, list[Span]] = {}  # names of those things the name finder missed
        self._names: dict[str, set[str]] = {}  # what the entity layer's things are called
        # plural pronouns and the group each stands for (kg.groups), bound when first asked for,
        # so that the groups are minted in the order the events name them
        self._stands_for = plural_pronouns(doc, self.known)
        for e in entities:
            for name in (e.label, *e.aliases):
                self._names.setdefault(name_key(name), set()).add(e.key)

    def entity(self, token, *, may_create: bool = True) -> str | None:
        """The entity key for an argument head token, or None."""
        noun = self._modified_by_a_pair(token)
        if noun is not None:  # "the Windsor, Ontario plant will lose a shift": the plant, not Windsor
            return self.entity(noun, may_create=may_create)
        if token.i in self._by_token:
            return self._by_token[token.i]
        if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            return None  # "no group has claimed responsibility": no one, not the group named before
        if token.i in self._stands_for:
            return self._bind(token, self._stands_for.pop(token.i))
        if token.pos_ not in ("NOUN", "PROPN") or not may_create or token.i in self.events:
            return None
        if token.ent_type_ in ("DATE", "TIME"):
            return None  # "reached by Friday", "a loss for the second quarter": a time, no participant
        if token.dep_ == "dobj" and token.lemma_.lower() in IDIOM_OBJECTS.get(token.head.lemma_.lower(), ()):
            return None  # "the meeting will take place": no place is taken
        for child in token.children:  # "the Airbus A330 jetliner" is the A330, "the United Auto Workers union" the UAW
            key = self._by_token.get(child.i)
            kind = coarse_type(self.types.get(key, "schema:Thing")) if key else None
            if token.lemma_.lower() in PERSON_NOUNS:
                break  # but "iPod users" are people, not the iPod
            if (child.dep_ == "compound" and kind == "product" or child.dep_ in ("compound", "nmod")
                    and kind == "organization" and token.lemma_.lower() in ORGANISATION_CLASSES):
                self._by_token[token.i] = key
                return key
        titled = posts.titled(token, self._by_token, self.types) or posts.apposed(token, self._by_token, self.types) \
            or posts.described(token, self._holders)
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
        named = self._same_name(token)
        if named is not None:
            return named
        return self._nominal(token)

    def _modified_by_a_pair(self, token):
        """"The Windsor, Ontario plant will lose a shift": a town and its region before a noun
        name where the noun's thing is, though the parse may make the town the subject or object;
        the noun is the participant, and a "City, State" pair never is. The noun, or None."""
        doc = token.doc
        if token.dep_ not in ("nsubj", "nsubjpass", "dobj") or token.i + 3 >= len(doc) or doc[token.i + 1].text != ",":
            return None
        end = token.i + 2
        while end < len(doc) and doc[end].pos_ == "PROPN":
            end += 1
        if end == token.i + 2 or end >= len(doc) or doc[end].pos_ != "NOUN":
            return None
        region = doc[end - 1]
        if region.head.i != end or region.dep_ not in ("compound", "nmod"):
            return None
        if not all(coarse_type(self.types.get(self._by_token.get(t.i), "schema:Thing")) == "place" for t in (token, region)):
            return None
        return doc[end]

    def _same_name(self, token) -> str | None:
        """"However, Jobs admitted ...": a capitalised word the name finder missed that is
        written as one thing of the article is called is that thing (the same name is the
        same thing, as for the names found), when no other is called so. Not at a sentence's
        start nor in a headline, where a capital says nothing ("Jobs were cut")."""
        if not token.text[:1].isupper() or token.is_sent_start or is_headline(token):
            return None
        first = token
        while first.i > 0 and self.doc[first.i - 1].text[:1].isupper() and self.doc[first.i - 1].head == token \
                and self.doc[first.i - 1].dep_ == "compound" and first.i - 1 not in self._by_token \
                and not self.doc[first.i - 1].is_sent_start:
            first = self.doc[first.i - 1]
        keys = self._names.get(name_key(self.doc[first.i : token.i + 1].text), set())
        if len(keys) != 1:
            return None
        key = next(iter(keys))
        for word in self.doc[first.i : token.i + 1]:
            self._by_token[word.i] = key
        start, end = first.idx, token.idx + len(token.text)
        self._found.setdefault(key, []).append(Span(start, end, text_of(self.doc)[start:end]))
        return key

    def bind_pronouns(self) -> None:
        """The plural pronouns no event asked for, bound to their groups all the same."""
        for i, subject in sorted(self._stands_for.items()):
            self._bind(self.doc[i], subject)
        self._stands_for = {}

    def bind_relatives(self) -> None:
        """"Hugo Chavez, who died in 2013": "who" is a mention of the person or body its clause
        modifies, when that is an entity already (the events took the antecedent for the
        pronoun: antecedent below). Not "which" and "that", which MEANTIME's and GUM's
        annotators leave out of a thing's chain (measured: MEANTIME coreference -.007 with them)."""
        for token in self.doc:
            if token.i in self._by_token or token.lower_ not in ("who", "whom"):
                continue
            noun = antecedent(token)
            # "who" is people's (the parser may hang it on the wrong noun: "migrants at sea who")
            if noun.i != token.i and noun.i in self._by_token and intends(self._by_token[noun.i], self):
                self._bind(token, noun)

    def _bind(self, pronoun, subject) -> str | None:
        key = self.entity(subject)
        if key is None or coarse_type(self.types.get(key, "schema:Thing")) == "place":
            return None
        span = Span(pronoun.idx, pronoun.idx + len(pronoun.text), pronoun.text)
        if key in self._new:
            self._new[key]["mentions"].append(span)
        else:
            self._found.setdefault(key, []).append(span)
        self._by_token[pronoun.i] = key
        return key

    def named_entities(self, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
        """The entity layer's entities, with the mentions of their names found here."""
        return tuple(replace(e, mentions=tuple(sorted({*e.mentions, *self._found[e.key]})))
                     if e.key in self._found else e for e in entities)

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
        joined = next((c for c in words[0].children if c.dep_ == "conj" and c.i < token.i), None)
        if joined is not None and words[0].i != token.i and _a_group(words[0]):
            # "clashes between police and opposition supporters": the parser made "police" a
            # modifier of "supporters"; the supporters are the opposition's, the police a group
            words = [joined, *(w for w in words if w.i > joined.i)]
        start, end = without_marks(text_of(self.doc), words[0].idx, token.idx + len(token.text))
        text = text_of(self.doc)[start:end]
        if not text.strip() or not re.search(r"\w", text):
            return None
        lemma = noun_lemma(token)
        # one node per head noun and number in an article: "a $40 billion contract", "that
        # contract" and "the contract" are one contract (measured: coref B-cubed recall)
        key = f"nominal:{lemma}:{token.tag_ in ('NNS', 'NNPS')}"
        # ... unless what sets it apart differs from what set the first one apart: "twelve new
        # jets" and "six new A330 aircraft" (count), "taxpayer money" and "bank money" (noun
        # modifier), "Halvorsen shares" and "shares of Petrix" (owner; the label says whose)
        marks = {"count": _count(token), "kinds": " ".join(sorted(
                     c.lemma_.lower() for c in token.children if c.dep_ == "compound" and c.pos_ == "NOUN")),
                 "owner": self._owner(token), "held": self._holder(token), "origin": self._origin(token)}
        first = self._new.get(key)
        suffix, label = self._apart(token, first, marks, start, end) if first is not None else ("", text)
        key = f"{key}:{suffix}" if suffix else key
        record = self._new.setdefault(key, {"label": label, "mentions": [], "type": type_of(lemma, token), **marks})
        for mark, value in marks.items():
            record[mark] = record[mark] or value
        record["mentions"].append(Span(start, end, text))
        record["told"] = record.get("told") or not is_headline(token)  # a headline's "Ferry" is the lead's "a ferry"
        self._by_token[token.i] = key
        self.types[key] = record["type"]
        return key

    def _apart(self, token, first: dict, marks: dict, start: int, end: int) -> tuple[str, str]:
        """What sets a noun apart from the first thing of its kind ("" when nothing does), and its
        label. An owner sets it apart even from one named with none ("shares fell ... Halvorsen
        shares"); an owner written "its", and a place of origin, only from one of another owner
        or place ("its benchmark rate ... the Bank of England kept its rate", "two British car
        plants ... its German plants"), as a first mention often leaves them out; "another",
        and an indefinite phrase after the story told of one, make a new one."""
        analysed = text_of(self.doc)
        if any(c.dep_ in ("amod", "det") and c.lower_ in _ANOTHER for c in token.children):
            return str(start), analysed[start:end]  # "a similar drug", "another drug"
        differs = next((m for m, value in marks.items() if value and (first[m] or m == "owner") and first[m] != value), None)
        if differs is None and marks["held"] and first["owner"] and first["owner"] != marks["held"]:
            differs = "held"  # "a stake in Chrysler ... its stake": not Chrysler's own
        if differs == "origin":  # "its German plants", "workers in Spain": the place belongs to the label
            words = self._origin_words(token)
            return marks[differs], analysed[min(start, *(w.idx for w in words)):max(end, *(w.idx + len(w) for w in words))]
        if differs in ("owner", "held"):  # the label says whose: "Shares in Barclays"
            owner = marks[differs]
            ends = [t.idx + len(t.text) for t in token.subtree if t.ent_type_ and self._by_token.get(t.i) == owner]
            first, last = without_marks(analysed, min(t.idx for t in token.subtree if t.i <= token.i), max([end, *ends]))
            return marks[differs], analysed[first:last]
        if differs is not None:
            return marks[differs], analysed[start:end]
        if first.get("told") and token.dep_ not in ("attr", "appos") and _indefinite(token):
            return str(start), analysed[start:end]  # "a European company ... an American company"
        return "", analysed[start:end]

    def _owner(self, token) -> str:
        """The entity a noun belongs to: "Halvorsen shares", "Petrix's shares", "shares in Petrix"."""
        owners = [c for c in token.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"]
        owners += [o for o in after(token, ("of", "in")) if not (_people(token) and self._is_place(o))]
        return next((self._by_token[o.i] for o in owners if o.i in self._by_token), "")

    def _is_place(self, token) -> bool:
        return token.i in self._by_token and coarse_type(self.types.get(self._by_token[token.i], "schema:Thing")) == "place"

    def _holder(self, token) -> str:
        """Whose a noun is by a possessive pronoun: its referent, or where the pronoun is when the
        entity layer left it open ("the bank kept its rate": maybe another bank's)."""
        found = next((c for c in token.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        return "" if found is None else self._by_token.get(found.i, f"its@{found.i}")

    def _origin(self, token) -> str:
        """The places a noun is said to be of: "Spanish and Belgian workers", "German plants"."""
        return " ".join(sorted({self._by_token[w.i] for w in self._origin_words(token)}))

    def _origin_words(self, token) -> list:
        words = [c for c in token.children if c.dep_ in ("amod", "compound", "nmod") and c.i < token.i]
        if _people(token):  # "workers in Spain", "the people of Crete"; but "shares in Barclays" are Barclays'
            words += after(token, ("in", "of", "from"))
        words += [c for w in words for c in w.children if c.dep_ == "conj"]
        return [w for w in words if self._is_place(w)]

    def people_counted(self, token) -> str | None:
        """"killed 12", "wounded two", "15 were injured": a bare number where a verb done to
        people takes its patient counts the people it was done to, a group the story does not
        name otherwise ("12" is the label: what the text says). Not a measure ("12 percent")
        nor a number that counts a noun ("12 soldiers": the soldiers are the patient)."""
        measure = token.ent_type_ in ("PERCENT", "MONEY", "QUANTITY", "DATE", "TIME")
        if token.pos_ != "NUM" or measure or any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
            return None
        if token.i in self._by_token:
            return self._by_token[token.i]
        start, end = token.left_edge.idx, token.idx + len(token.text)  # "more than 130"
        key = f"nominal:people:{start}"
        self._new[key] = {"label": text_of(self.doc)[start:end], "mentions": [Span(start, end, text_of(self.doc)[start:end])],
                          "type": "schema:Person", "count": "", "kinds": "", "owner": "", "held": "", "origin": "",
                          "told": True}
        self._by_token[token.i] = key
        self.types[key] = "schema:Person"
        return key

    def new_entities(self) -> tuple[Entity, ...]:
        return tuple(
            Entity(key=key, label=r["label"], type=r["type"], mentions=tuple(sorted(set(r["mentions"]))),
                   article_scoped=True)
            for key, r in sorted(self._new.items())
        )


def _people(token) -> bool:
    """Whether a head noun names people or a body of them, who are where a place after it says."""
    return type_of(noun_lemma(token), token) in ("schema:Person", "schema:Organization")


def after(token, prepositions: tuple[str, ...]) -> list:
    """The objects of the token's own prepositional phrases headed by these prepositions."""
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ in prepositions for o in p.children
            if o.dep_ == "pobj"]


# Words that set a thing apart from one of its kind named before
_ANOTHER = {"another", "other", "similar", "different", "separate", "second", "rival", "alternative"}


def _indefinite(token) -> bool:
    """"a European company", and a bare plural ("Spanish and Belgian workers fear cuts", "sell
    shares to the public"): a new thing of the kind, not one told of before."""
    if token.tag_ == "NNS":
        return not any(c.dep_ in ("det", "poss", "nummod") for c in token.children) \
            and not any(p.dep_ == "prep" and p.lower_ == "of" for p in token.children)
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)


_NUMBER_WORDS = {w: str(n) for n, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}


def _count(token) -> str:
    """The number a noun is counted with ("twelve new jets" -> "12"), or ""."""
    for child in token.children:
        if child.dep_ == "nummod" and child.i < token.i:
            word = child.lower_.replace(",", "")
            return _NUMBER_WORDS.get(word, word if word.replace(".", "", 1).isdigit() else "")  # "9.6 percent"
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


def _a_group(token) -> bool:
    """A noun that names a group of people or a body by itself: "police", "army", "workers"."""
    lemma = token.lemma_.lower()
    return lemma in PERSON_NOUNS or lemma in ORGANISATION_NOUNS


def _left_edge(token) -> int:
    """Where the noun phrase of ``token`` starts, without clauses and prepositional phrases."""
    edge = token.i
    for child in token.lefts:
        if child.dep_ in ("compound", "amod", "nummod", "det", "poss", "nmod", "quantmod", "punct"):
            edge = min(edge, child.left_edge.i)
    return edge


# ---------------------------------------------------------------- from argument heads to entity keys

def intends(key: str, participants) -> bool:
    """People and organisations act on purpose; machines and things do not."""
    return coarse_type(participants.types.get(key, "schema:Thing")) in ("person", "organization")


def undergoes(key: str, participants) -> bool:
    """Products and things undergo what is done with them; people and organisations act."""
    return coarse_type(participants.types.get(key, "schema:Thing")) in ("product", "thing")


def antecedent(token):
    """A relative pronoun stands for the noun its clause modifies: "AirTanker, who retains"; a
    reflexive for its clause's subject: "the bomber blew himself up"."""
    if token.lower_ in REFLEXIVES and token.dep_ in ("dobj", "pobj", "dative"):
        subject = next((s for s in reflexive_subjects(token) if s.i != token.i), None)
        if subject is not None:
            return antecedent(subject)
    if token.tag_ in ("WDT", "WP") or (token.lower_ == "that" and token.dep_ in ("nsubj", "nsubjpass", "dobj")):
        clause = token.head
        while clause.dep_ != "relcl" and clause.head.i != clause.i and clause.pos_ in ("VERB", "AUX"):
            clause = clause.head
        if clause.dep_ == "relcl":
            return clause.head
    return token


# Nouns that count what their "of" names: "hundreds of hostages", "dozens of civilians"
_COUNTING_NOUNS = {"dozens", "scores", "hundreds", "thousands", "millions", "tens", "handful", "number", "couple"}


def quantity_of(token):
    """"purchase 20 of Boeing's 777 planes", "seized hundreds of hostages": the planes and the
    hostages, not the number."""
    if token.pos_ == "NUM" or token.lower_ in ("some", "all", "many", "most", "one", "none", "part", "half") \
            or token.lower_ in _COUNTING_NOUNS and not any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an")
                                                            for c in token.children):  # "the total number of": a figure
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return token


def with_conjuncts(token, participants, may_create: bool = True) -> list[str]:
    keys = []
    for node in [token, *conjuncts(token)]:
        key = participants.entity(node, may_create=may_create)
        if key:
            keys.append(key)
    if not keys and token.lower_ == "they" and token.dep_ in ("nsubj", "nsubjpass"):
        keys = _joint_speakers(token, participants)
    return keys


def _joint_speakers(pronoun, participants) -> list[str]:
    """"Ford and GM said they would raise prices", "Toyota and Honda cut output, and they warned
    of more cuts": "they" of a reported or a coordinated clause, left unbound (no one entity is
    both), is the coordinated subject of the verb above it."""
    clause = pronoun.head
    if clause.dep_ not in ("ccomp", "conj") or clause.head.pos_ not in ("VERB", "AUX"):
        return []
    subject = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    joined = [subject, *conjuncts(subject)] if subject is not None else []
    keys = [participants.entity(node, may_create=False) for node in joined]
    return keys if len(keys) >= 2 and all(keys) else []


def members(token) -> list:
    """What a noun phrase (or the clause of a verb) is said to include: "six people, including
    two teenagers"."""
    # not a bare "one" or number, which stands for one of the group itself: "cut off all lines,
    # including one that went through the office" names no other thing
    return [o for p in token.children if p.dep_ == "prep" and p.lower_ == "including" for o in p.children
            if o.dep_ == "pobj" and not (o.pos_ in ("NUM", "PRON") or o.lower_ == "one")]


def with_members(token, participants) -> list[str]:
    """The keys of an argument that undergoes an event, with its conjuncts and the members it is
    said to include: "killed 12 people, including three children" (the children were killed).
    Only for what is undergone: a list of who is among the doers names those present, as
    annotators read it, not each doer ("15,000 people, including employees, attended")."""
    keys = with_conjuncts(token, participants)
    group = participants.entity(token, may_create=False)
    for node in [token, *conjuncts(token)]:
        # a member is of the group's kind: "arrested two men in raids across towns, including
        # Leeds" names towns, not men (the parser hangs "including" on the nearest noun)
        keys += [k for member in members(node) for k in with_conjuncts(member, participants)
                 if group is not None and same_kind(k, group, participants)]
    return keys


def same_kind(member: str, group: str, participants) -> bool:
    """Whether a member may be one of a group: places are among places only."""
    def place(key):
        return coarse_type(participants.types.get(key, "schema:Thing")) == "place"
    return place(member) == place(group)


def unique(keys) -> tuple[str, ...]:
    """The keys in their first order, each once."""
    return tuple(dict.fromkeys(keys))
