"""Mentions -> canonical entities: one Entity per real-world thing named in an article.

The stage runs in four steps, one module each:
  mentions.find_names   spaCy's entities, repaired, plus repeats and demonyms, relabelled (kg.labels)
  coref.group           names of one thing grouped (short forms, acronyms, same name)
  linking.classify      class, GeoNames place, gazetteer or news-organisation record
  anaphora.resolve      "the North", definite descriptions and pronouns with clear evidence
and this module builds the Entity records: label, key, aliases, containment.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.linking import geo
from kg.linking.gazetteer import Gazetteer, load_gazetteer, name_key
from kg.model import Article, Entity, Layout, Span
from kg.text.tokens import NOUNS_TABLE
from kg.vocab.resources import coarse_type

from . import metonymy
from .classify import Draft, Typed, classify, place_context, publisher
from .coref import group
from .mentions import find_names
from .names import Name
from .references import anaphora

__all__ = ["extract_entities", "load_gazetteer"]


def extract_entities(doc, article: Article, layout: Layout, gazetteer: Gazetteer | None = None) -> tuple[Entity, ...]:
    """The entities of an article: ``doc`` is spaCy's parse of ``layout.analysis_text``."""
    text = article.text
    nouns = doc.vocab.lookups.get_table(NOUNS_TABLE) if doc.vocab.lookups.has_table(NOUNS_TABLE) else frozenset()
    groups = group(find_names(doc, text), text, nouns)
    context = place_context(groups)
    drafts = [Draft(g, classify(g, text, layout.analysis_text, context, gazetteer)) for g in groups]
    drafts = _merge_same_links(drafts)
    _variants(drafts)
    metonymy.seats(drafts)
    drafts = metonymy.acting_states(metonymy.national_teams(drafts, doc, text), doc)
    drafts = metonymy.country_sides(drafts, doc, text)
    if layout.publisher is not None:
        drafts = _add_publisher(drafts, layout.publisher)
    drafts = anaphora.resolve(drafts, doc, text)
    _owned_products(drafts, doc)
    _organisers(drafts, text)
    return _finish(drafts, text, layout)


def _variants(drafts: list[Draft]) -> None:
    """A name that begins with a product's whole name is a variant of that product, whatever
    the tagger said ("Macbook Pro" after "MacBook", "iPod Touch" after "iPod")."""
    products = {name_key(n.text) for d in drafts if coarse_type(d.typed.type) == "product" for n in d.names}
    for draft in drafts:
        if draft.typed.entry is not None or draft.typed.place is not None or coarse_type(draft.typed.type) == "product":
            continue
        longest = max((n.text for n in draft.names), key=lambda t: len(t.split()))
        words = longest.split()
        if len(words) > 1 and any(name_key(" ".join(words[:k])) in products for k in range(1, len(words))):
            draft.typed = Typed("schema:Product")


def _owned_products(drafts: list[Draft], doc) -> None:
    """A product written after its maker's possessive ("Apple's iTunes", "Apple's proprietary
    Quartz") is mentioned with it, as "The South's Unification Ministry" is: the maker keeps a
    mention of its own inside."""
    owners = {n.end: d for d in drafts if coarse_type(d.typed.type) == "organization" for n in d.names}
    for draft in drafts:
        if coarse_type(draft.typed.type) != "product":
            continue
        for k, name in enumerate(draft.names):
            span = doc.char_span(name.start, name.end, alignment_mode="expand")
            if name.lead or span is None:
                continue
            at = span.start - 1
            while at > 0 and doc[at].dep_ == "amod" and doc[at].pos_ == "ADJ" and span.start - at < 3:
                at -= 1  # "Apple's proprietary Quartz"
            if at > 0 and doc[at].text in ("'s", "’s", "'", "’") and doc[at].idx in owners and owners[doc[at].idx] is not draft:
                owner = next(n for n in owners[doc[at].idx].names if n.end == doc[at].idx)
                draft.names[k] = replace(name, lead=name.start - owner.span_start)


def _organisers(drafts: list[Draft], text: str) -> None:
    """"Google said ... the Google Science Fair": an event named after an organisation the
    article names alone holds a mention of it, as "Apple's iTunes" holds Apple's; the
    organisation is not the event (kg.coref keeps them apart), but its name is written there."""
    owners = {n.text: d for d in drafts if coarse_type(d.typed.type) == "organization" for n in d.names
              if " " not in n.text}
    for draft in drafts:
        if coarse_type(draft.typed.type) != "event":
            continue
        for name in draft.names:
            first = name.text.split(" ", 1)[0]
            owner = owners.get(first)
            if owner is not None and owner is not draft and " " in name.text and not name.lead:
                span = Span(name.start, name.start + len(first), first)
                if span not in owner.extra:
                    owner.extra.append(span)


def _merge_same_links(drafts: list[Draft]) -> list[Draft]:
    """Groups that link to the same GeoNames feature or authority record are one thing
    ("US" and "United States"; "Americans" and "America")."""
    by_link: dict[str, Draft] = {}
    out = []
    for draft in drafts:
        link = (f"geo:{draft.place_id}" if draft.place_id else
                f"iri:{draft.typed.entry.iri}" if draft.typed.entry and draft.typed.entry.iri else None)
        if link and link in by_link:
            kept = by_link[link]
            kept.names = sorted(kept.names + draft.names)
            if kept.typed.type == "schema:Country" and kept.names and all(n.label == "NORP" for n in kept.names):
                kept.typed = draft.typed
            continue
        if link:
            by_link[link] = draft
        out.append(draft)
    return out


def _add_publisher(drafts: list[Draft], span: Span) -> list[Draft]:
    entry = publisher(span.text)
    mention = Name(span.start, span.end, span.text, "ORG", source="publisher")
    for draft in drafts:
        if draft.typed.entry is not None and draft.typed.entry.label == entry.label:
            draft.names = sorted(draft.names + [mention])
            return drafts
    return drafts + [Draft([mention], Typed(entry.type or "schema:NewsMediaOrganization", entry=entry))]


def _finish(drafts: list[Draft], text: str, layout: Layout) -> tuple[Entity, ...]:
    labels = {id(d): _label(d, layout) for d in drafts}
    keys: dict[int, str] = {}
    taken: set[str] = set()
    for draft in sorted(drafts, key=lambda d: (d.typed.type, labels[id(d)], d.spans()[0])):
        base = f"{draft.typed.type.split(':', 1)[1]}:{name_key(labels[id(draft)]) or labels[id(draft)].lower()}"
        key, n = base, 2
        while key in taken:
            key, n = f"{base}#{n}", n + 1
        taken.add(key)
        keys[id(draft)] = key
    by_place = {d.place_id: keys[id(d)] for d in drafts if d.place_id}
    ends = _written_with_container(drafts, text)
    entities = []
    for draft in drafts:
        label = labels[id(draft)]
        spans = {(n.span_start, ends.get(n, n.end)) for n in draft.names}
        mentions = sorted({Span(s, e, text[s:e]) for s, e in spans} | set(draft.extra))
        aliases = {n.text for n in draft.names if n.source != "publisher"} | draft.aliases
        aliases |= {_titled(n, text) for n in draft.names if n.title}
        aliases = sorted(aliases - {label, label.lower(), ""})
        entry, place = draft.typed.entry, draft.typed.place
        same_as = tuple(sorted({x for x in (entry.iri if entry else None, place.iri if place else None) if x}))
        entities.append(Entity(
            key=keys[id(draft)], label=label, type=draft.typed.type, mentions=tuple(mentions),
            aliases=tuple(aliases), same_as=same_as, contained_in=_container(draft, by_place),
            article_scoped=draft.scoped or draft.typed.type == "schema:Person" and len(label.split()) == 1,
        ))
    return tuple(sorted(entities, key=lambda e: e.key))


def _written_with_container(drafts: list[Draft], text: str) -> dict[Name, int]:
    """A city written with the state or country it lies in ("Mobile, Alabama", "Toulouse,
    France"): the mention of the city runs to the end of both, as the text names it so; the
    state or country keeps its own mention inside. Name -> the end of its mention."""
    at = {n.start: (n, d) for d in drafts for n in d.names}
    ends = {}
    for draft in drafts:
        city = draft.typed.place
        if city is None or city.type != "schema:City":
            continue
        for name in draft.names:
            name_after, other = at.get(name.end + 2, (None, None))
            if text[name.end : name.end + 2] != ", " or other is None or other.typed.place is None \
                    or name_after.label == "NORP":  # "In Kyiv, Ukrainian officials": an adjective, not where Kyiv is
                continue
            place = other.typed.place
            if (place.type == "schema:State" and place.state and place.state == city.state
                    or place.type == "schema:Country" and place.country == city.country):
                ends[name] = name_after.end
    return ends


def _label(draft: Draft, layout: Layout) -> str:
    """The fullest proper name: an authority's or GeoNames' name when linked, else the longest
    name written in the body (the headline's casing is not to be trusted), the most frequent
    among equals."""
    if draft.label:
        return draft.label
    if draft.typed.entry is not None:
        return draft.typed.entry.label
    if draft.typed.place is not None:
        return _own_spelling(draft.typed.place.name, draft.names)
    title = layout.title
    names = [n for n in draft.names if n.label != "NORP" and n.source != "publisher"] or draft.names
    body = [n for n in names if title is None or not (title.start <= n.start < title.end)] or names
    counts: dict[str, int] = {}
    for name in body:
        counts[name.text] = counts.get(name.text, 0) + 1
    return min(counts, key=lambda t: (-len(t.split()), -len(t), -counts[t], t))


def _own_spelling(name: str, names: list[Name]) -> str:
    """GeoNames' name, or the article's spelling of it when the two differ only in accents
    ("Kaesong" for GeoNames' "Kaesŏng"): the link keeps the identity, the label the reader's form."""
    if name.isascii():
        return name
    written = sorted({n.text for n in names if n.text.isascii() and name_key(n.text) == name_key(name)})
    return written[0] if written else name


def _titled(name: Name, text: str) -> str:
    """The name with the title it was written with: "President Moon Jae-in of South Korea"."""
    start = text.rfind(name.title, max(0, name.start - len(name.title) - 30), name.start)
    if start < 0:
        return ""
    of = re.match(r" of (?:the )?[A-Z][\w.-]*(?: [A-Z][\w.-]*)*", text[name.end :])
    return " ".join(text[start : name.end + (of.end() if of else 0)].split())


def _container(draft: Draft, by_place: dict[int, str]) -> str | None:
    """The key of the state or country of this article that a linked place lies in."""
    place = draft.typed.place
    if place is None or place.type == "schema:Country":
        return None
    if place.state and place.type == "schema:City":
        state = geo.state(place.state)
        if state and state.geonameid in by_place:
            return by_place[state.geonameid]
    country = geo.country(place.country) if place.country else None
    if country and country.geonameid in by_place and country.geonameid != place.geonameid:
        return by_place[country.geonameid]
    return None
