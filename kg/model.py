"""The data that flows between kg's stages: frozen dataclasses, no spaCy, no rdflib.

Offsets are Python string offsets into ``Article.text`` exactly as it was read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Article:
    """One news article as read from its source."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""  # where it came from ("file.jsonl line 3"), for messages


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Layout:
    """What the structure stage learnt about an article.

    ``analysis_text`` has the same length as ``Article.text`` (so offsets hold) with
    boilerplate blanked out and the headline's Title Case undone; spaCy reads it.
    """

    analysis_text: str
    title: Span | None = None
    publisher: str | None = None
    dateline: date | None = None


@dataclass(frozen=True)
class Entity:
    """One real-world thing named in an article, with every mention of it."""

    key: str  # unique within the article; events and other entities refer to it
    label: str  # the fullest proper name
    type: str  # a class as a CURIE: "schema:Person", "schema:Country", or ours, "kgo:GovernmentOffice"
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()  # other names it goes by in the text
    same_as: tuple[str, ...] = ()  # external IRIs (GeoNames, a user gazetteer)
    contained_in: str | None = None  # key of the place (in this article) it lies in
    article_scoped: bool = False  # True when the name alone is no evidence of identity across articles


@dataclass(frozen=True)
class TimeMention:
    """A temporal expression and the TimeML value it normalises to: a date, month or year
    ("2020-06-16", "2020-06", "2020"), or what XSD cannot hold ("2020-W25", "2020-Q2",
    "2020-06-16T09:30", "199", "PRESENT_REF"); a clock time's zone, when the
    text names one, as a UTC offset ("Z", "-04:00")."""

    span: Span
    value: str
    zone: str | None = None


@dataclass(frozen=True)
class Event:
    """Something that happened (or was only threatened, planned, denied ...) in the text."""

    trigger: Span  # the first mention; the event's IRI comes from it
    lemma: str
    type: str  # an event class of the ontology as a CURIE: "kgo:Threaten"
    agents: tuple[str, ...] = ()  # entity keys
    patients: tuple[str, ...] = ()
    places: tuple[str, ...] = ()  # entity keys of where it happened
    extents: tuple[Span, ...] = ()  # the amounts a change in value is by: "1.5%", "120 points"
    time: str | None = None  # a TimeMention value
    factuality: str = "asserted"  # asserted | negated | threatened | planned | expected | requested | possible
    tense: str = "past"  # past | present | future
    mentions: tuple[Span, ...] = ()  # further mentions of the same event ("blew up" ... "demolished")

    @property
    def asserted(self) -> bool:
        return self.factuality == "asserted"


@dataclass(frozen=True)
class Extraction:
    """Everything kg found in one article: the input of the graph stage."""

    article: Article
    layout: Layout
    entities: tuple[Entity, ...] = ()
    times: tuple[TimeMention, ...] = ()
    events: tuple[Event, ...] = field(default_factory=tuple)
