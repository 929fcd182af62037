"""Authority files: a user's gazetteer (CSV or SKOS/Turtle) and the tables kg ships in ontology/.

A gazetteer maps names to IRIs of the user's choosing. The CSV form has the columns
``label, aliases, type, iri`` (aliases separated by "|"; type a class CURIE such as
``schema:Organization``, or empty to keep the type found in the text); the Turtle form gives
each concept a ``skos:prefLabel`` and optionally ``skos:altLabel`` and an ``rdf:type``.
"""

from __future__ import annotations

import csv
import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

from kg.errors import InputError
from kg.vocab.resources import data_file

COLUMNS = ("label", "aliases", "type", "iri")
_CURIE = re.compile(r"^(schema|kgo):[A-Z][A-Za-z]+$")
_NAMESPACES = {"https://schema.org/": "schema", "http://schema.org/": "schema",
               "https://kg.example.org/ontology#": "kgo"}


@dataclass(frozen=True)
class Entry:
    """One authority record: a canonical label, the other names it goes by, a class, an IRI."""

    label: str
    aliases: tuple[str, ...] = ()
    type: str | None = None
    iri: str | None = None


@dataclass(frozen=True)
class Gazetteer:
    """Names to authority records, looked up by normalised name (case, dots, accents, "the")."""

    entries: tuple[Entry, ...]
    source: str = ""

    @cached_property
    def _index(self) -> dict[str, Entry]:
        index: dict[str, Entry] = {}
        for entry in self.entries:
            for name in (entry.label, *entry.aliases):
                index.setdefault(name_key(name), entry)
        return index

    def lookup(self, name: str) -> Entry | None:
        """The record whose label or alias is this name, ignoring case, dots, accents and "the"."""
        return self._index.get(name_key(name))

    def closest(self, name: str, cutoff: float = 0.85) -> Entry | None:
        """The record named most like this one (for misspelt source lines), or None."""
        key = name_key(name)
        if key in self._index:
            return self._index[key]
        squashed = {k.replace(" ", ""): k for k in self._index}
        match = difflib.get_close_matches(key.replace(" ", ""), sorted(squashed), n=1, cutoff=cutoff)
        return self._index[squashed[match[0]]] if match else None


def name_key(name: str) -> str:
    """A name folded for comparison: "The U.S." -> "us", "Kaesŏng" -> "kaesong"."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = re.sub(r"['’]s\b", "", folded.replace(".", ""))
    words = re.findall(r"[a-z0-9]+", folded)
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def load_gazetteer(path) -> Gazetteer:
    """Read a user's authority file: CSV (label, aliases, type, iri) or SKOS in Turtle."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such gazetteer file; give the path of a CSV (label,aliases,type,iri) "
                         "or a Turtle file with skos:prefLabel")
    if path.suffix.lower() in (".ttl", ".turtle", ".n3", ".nt"):
        return _load_turtle(path)
    return _load_csv(path)


def _load_csv(path: Path) -> Gazetteer:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(line for line in f if not line.lstrip().startswith("#")))
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text ({error.reason}); save the gazetteer as UTF-8") from error
    header = [c.strip().lower() for c in rows[0]] if rows else []
    if header[: len(COLUMNS)] != list(COLUMNS):
        raise InputError(f"{path}: the first line must be the header `label,aliases,type,iri` (got {','.join(header)!r})")
    entries = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        label, aliases, kind, iri = ([c.strip() for c in row] + ["", "", "", ""])[:4]
        where = f"{path} row {number}"
        if not label:
            raise InputError(f"{where}: empty label; give every row a label")
        entries.append(Entry(label, tuple(a.strip() for a in aliases.split("|") if a.strip()),
                             _curie(kind, where), _iri(iri, where)))
    return Gazetteer(tuple(entries), str(path))


def _curie(kind: str, where: str) -> str | None:
    if not kind:
        return None
    for namespace, prefix in _NAMESPACES.items():
        if kind.startswith(namespace):
            kind = f"{prefix}:{kind[len(namespace):]}"
    if ":" not in kind:
        kind = f"schema:{kind}"
    if not _CURIE.match(kind):
        raise InputError(f"{where}: type {kind!r} is not a class; write a CURIE such as schema:Organization or kgo:GovernmentOffice")
    return kind


def _iri(iri: str, where: str) -> str | None:
    if iri and not re.match(r"^[a-z][a-z0-9+.-]*:\S+$", iri):
        raise InputError(f"{where}: iri {iri!r} is not an absolute IRI; write it in full, e.g. https://example.org/id/42")
    return iri or None


def _load_turtle(path: Path) -> Gazetteer:
    from rdflib import Graph
    from rdflib.namespace import RDF, SKOS

    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except Exception as error:  # rdflib raises several unrelated types for bad syntax
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError(f"{path}: not valid Turtle ({first}); fix the syntax or give a CSV gazetteer") from error
    entries = []
    for subject in sorted(set(graph.subjects(SKOS.prefLabel, None)), key=str):
        label = _english(graph.objects(subject, SKOS.prefLabel))
        aliases = tuple(sorted({str(o) for o in graph.objects(subject, SKOS.altLabel)} - {label}))
        kinds = sorted(c for c in (_curie_or_none(str(t)) for t in graph.objects(subject, RDF.type)) if c)
        entries.append(Entry(label, aliases, kinds[0] if kinds else None, str(subject)))
    if not entries:
        raise InputError(f"{path}: no skos:prefLabel found; label each concept with skos:prefLabel")
    return Gazetteer(tuple(entries), str(path))


def _english(labels) -> str:
    """The English (or untagged) label when there is one, else the first in sort order."""
    labels = sorted(labels, key=lambda lit: (getattr(lit, "language", None) not in (None, "en"), str(lit)))
    return str(labels[0])


def _curie_or_none(iri: str) -> str | None:
    for namespace, prefix in _NAMESPACES.items():
        if iri.startswith(namespace) and _CURIE.match(f"{prefix}:{iri[len(namespace):]}"):
            return f"{prefix}:{iri[len(namespace):]}"
    return None


@lru_cache(maxsize=1)
def armed_groups() -> Gazetteer:
    """Armed and militant groups conflict news names by names the tagger misreads
    (ontology/armed-groups.csv)."""
    with resources.as_file(data_file("armed-groups.csv")) as path:
        return _load_csv(Path(path))


@lru_cache(maxsize=1)
def news_publishers() -> Gazetteer:
    """The major news organisations kg knows by name (ontology/news-publishers.csv)."""
    with resources.as_file(data_file("news-publishers.csv")) as path:
        return _load_csv(Path(path))
