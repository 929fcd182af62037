"""The event lexicon: trigger lemma -> event class, and factuality cues, read from ontology/events.ttl.

The words live in the ontology, as data; this module only turns them into dictionaries once.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg.errors import KgError

from . import KGO, SEM
from .resources import data_dir

OTHER_EVENT = "kgo:OtherEvent"
_POS = ("VERB", "NOUN", "ADJ")


# Productive suffixes that make event nouns of verbs, and the verb endings they replace
_DEVERBAL = (
    ("ation", ("ate", "e", "")), ("ition", ("ite", "")), ("tion", ("te", "")), ("sion", ("de", "se", "t")),
    ("ment", ("",)), ("ance", ("", "e")), ("ence", ("", "e")), ("ure", ("", "e")), ("al", ("", "e")),
)
# Nouns with those suffixes that name things or places, not events
_THING_NOUNS = frozenset({
    "station", "nation", "department", "government", "apartment", "equipment", "material", "signal", "capital",
    "feature", "furniture", "structure", "moment", "element", "instrument", "document", "sentence", "instance",
    "balance", "evidence", "audience", "distance", "ambulance", "animal", "hospital", "rival", "official",
    "individual", "professional", "principal", "terminal", "journal", "manual", "portal", "editorial", "federal",
    "general", "national", "international", "original", "potential", "commercial", "criminal", "chemical",
    "temperature", "literature", "nature", "creature", "culture", "figure", "picture", "future", "pressure",
    "measure", "treasure", "mixture", "legislature", "infrastructure", "agriculture", "architecture",
    "organization", "organisation", "administration", "corporation", "association", "foundation", "institution",
    "federation", "coalition", "confederation", "congregation", "delegation", "legation", "syndicate",
    "population", "generation", "location", "position", "edition", "condition", "question", "section",
    "television", "division", "commission", "mission", "version", "vision", "mansion", "pension", "tension",
    "management", "parliament", "settlement", "environment", "statement", "appliance", "alliance", "residence",
    "conference", "experience", "science", "license", "licence", "insurance", "finance", "performance",
    "competence", "deference", "deportment", "notation", "postal", "posture", "probation", "several",
    "stature", "easement",
})


@dataclass(frozen=True)
class Lexicon:
    """Lemma -> event class tables and the factuality cues. Classes are CURIEs ("kgo:Threaten")."""

    verbs: Mapping[str, str]  # "threaten" -> "kgo:Threaten"
    phrasals: Mapping[str, str]  # "blow up" -> "kgo:Destroy"
    nouns: Mapping[str, str]  # "explosion" -> "kgo:Explode"
    adjectives: Mapping[str, str]  # "dead" -> "kgo:Die": the result state, said of what underwent it
    cues: Mapping[str, str]  # "threaten" -> "Threatened" (a local name of a kgo:Factuality)
    classes: Mapping[str, str]  # every event class -> its parent ("sem:Event" for the top ones)

    def event_type(self, lemma: str, *, pos: str, particle: str | None = None) -> str:
        """The event class a trigger belongs to, or kgo:OtherEvent when the lexicon does not know it.

        ``pos`` is "VERB" or "NOUN". A verb's particle is tried first: "blow" + "up" is
        kgo:Destroy although "blow" alone is unknown.
        """
        if pos not in _POS:
            raise ValueError(f"event_type() takes pos='VERB', 'NOUN' or 'ADJ', not {pos!r}")
        lemma = lemma.lower()
        if pos == "ADJ":
            return self.adjectives.get(lemma, OTHER_EVENT)
        if pos == "NOUN":
            return self.nouns.get(lemma) or self.verbs.get(self.deverbal(lemma) or "", OTHER_EVENT)
        if particle and (found := self.phrasals.get(f"{lemma} {particle.lower()}")):
            return found
        return self.verbs.get(lemma, OTHER_EVENT)

    def is_a(self, curie: str, ancestor: str) -> bool:
        """Whether an event class is ``ancestor`` or lies below it."""
        seen = set()
        while curie in self.classes and curie not in seen:
            if curie == ancestor:
                return True
            seen.add(curie)
            curie = self.classes[curie]
        return curie == ancestor

    def is_event_noun(self, lemma: str) -> bool:
        """Whether a noun denotes an event ("meeting", "explosion"), not a thing: listed in
        the lexicon, or made from a verb of the lexicon ("evaluation", "replacement")."""
        return lemma.lower() in self.nouns or self.deverbal(lemma) is not None

    def deverbal(self, lemma: str, verbs=frozenset()) -> str | None:
        """The verb a noun is derived from by a productive suffix, or None: "evaluation" ->
        "evaluate", "replacement" -> "replace". ``verbs`` adds verbs beyond the lexicon's
        (the spaCy pipeline's list); nouns that name things are excluded."""
        lemma = lemma.lower()
        if lemma in _THING_NOUNS:
            return None
        for suffix, endings in _DEVERBAL:
            # a stem of four letters at least before "-al" ("final" is no "fine")
            if lemma.endswith(suffix) and len(lemma) > len(suffix) + (3 if suffix == "al" else 2):
                stem = lemma[: -len(suffix)]
                for ending in endings:
                    if stem + ending in self.verbs or stem + ending in verbs:
                        return stem + ending
        return None

    def phrasal(self, lemma: str, particle: str) -> bool:
        """Whether verb + particle is a phrasal verb of the lexicon ("cut" + "off")."""
        return f"{lemma.lower()} {particle.lower()}" in self.phrasals

    def cue(self, lemma: str) -> str | None:
        """The factuality a cue word, or a verb with its particle ("call off"), gives the event it
        governs ("Threatened", "Negated" ...), or None."""
        return self.cues.get(lemma.lower())


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read ontology/events.ttl once per process."""
    path = data_dir("ontology") / "events.ttl"
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as error:  # rdflib raises several unrelated types for a bad file
        raise KgError(f"{path}: cannot read the event lexicon ({error}); restore the file or reinstall kg") from error
    classes = {
        _curie(cls): _curie(graph.value(cls, RDFS.subClassOf))
        for cls in graph.transitive_subjects(RDFS.subClassOf, SEM.Event)
        if cls != SEM.Event
    }
    return Lexicon(
        verbs=_table(graph, KGO.triggerVerb, path),
        phrasals=_table(graph, KGO.triggerPhrasal, path),
        nouns=_table(graph, KGO.triggerNoun, path),
        adjectives=_table(graph, KGO.triggerAdjective, path),
        cues=_cues(graph, path),
        classes=MappingProxyType(classes),
    )


def _table(graph: Graph, prop: URIRef, path: Path) -> Mapping[str, str]:
    """lemma -> class CURIE for every ``class prop "lemma"`` triple; a lemma under two classes is an error."""
    table: dict[str, str] = {}
    for cls, lemma in sorted(graph.subject_objects(prop)):
        key, found = str(lemma).lower(), _curie(cls)
        if table.setdefault(key, found) != found:
            raise KgError(f"{path}: {_curie(prop)} {key!r} is listed under both {table[key]} and {found}; keep one")
    return MappingProxyType(table)


def _cues(graph: Graph, path: Path) -> Mapping[str, str]:
    """cue lemma -> local name of its kgo:Factuality ("Threatened")."""
    cues: dict[str, str] = {}
    for cue, lemma in sorted(graph.subject_objects(KGO.cueLemma)):
        factuality = graph.value(cue, KGO.cueFactuality)
        if factuality is None or not str(factuality).startswith(str(KGO)):
            raise KgError(f"{path}: {_curie(cue)} needs a kgo:cueFactuality such as kgo:Negated")
        key, found = str(lemma).lower(), _curie(factuality).removeprefix("kgo:")
        if cues.setdefault(key, found) != found:
            raise KgError(f"{path}: cue {key!r} is listed as both {cues[key]} and {found}; keep one")
    return MappingProxyType(cues)


def _curie(iri) -> str:
    for prefix, namespace in (("kgo", KGO), ("sem", SEM)):
        if str(iri).startswith(str(namespace)):
            return f"{prefix}:{str(iri)[len(namespace):]}"
    return str(iri)
