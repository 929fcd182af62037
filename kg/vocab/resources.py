"""The data files that ship with kg (ontology/ and shapes/), parsed once per process, and the
questions kg asks of the ontology's class tree: a class's coarse type, whether its things may act."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDFS, SDO

from . import expand

_CHECKOUT = Path(__file__).resolve().parents[2]  # kg/vocab/resources.py -> the folder holding kg/


def data_dir(package: str) -> Path:
    """ontology/ or shapes/: beside kg/ in a source tree, else from the installed package.
    The source tree's own folder comes first: an editable install of another checkout maps
    the kg.ontology package to that checkout, whose data would silently stand in for these."""
    beside = _CHECKOUT / package
    if (beside / "__init__.py").is_file() and (beside / "kg.ttl").is_file():
        return beside
    try:
        path = Path(str(resources.files(f"kg.{package}")))
        if path.is_dir():
            return path
    except ModuleNotFoundError:
        pass
    return _CHECKOUT / package


def data_file(name: str) -> Path:
    """A table kg ships in ontology/."""
    return data_dir("ontology") / name


def _parse_all(folder: Path) -> Graph:
    graph = Graph(bind_namespaces="none")
    for file in sorted(folder.glob("*.ttl")):
        graph.parse(file, format="turtle")
    return graph


@lru_cache(maxsize=1)
def ontology() -> Graph:
    """Every ontology/*.ttl file in one graph."""
    return _parse_all(data_dir("ontology"))


@lru_cache(maxsize=1)
def class_tree() -> Graph:
    """Only the rdfs:subClassOf statements of the ontology: what SHACL needs to know that a
    schema:City is a schema:Place, small enough to mix into every validation."""
    tree = Graph(bind_namespaces="none")
    for triple in ontology().triples((None, RDFS.subClassOf, None)):
        tree.add(triple)
    return tree


@lru_cache(maxsize=8)
def shapes(path: str | None = None) -> Graph:
    """The SHACL shapes: kg's own, or those of a user's file or folder."""
    folder = Path(path) if path else data_dir("shapes")
    if folder.is_dir():
        return _parse_all(folder)
    graph = Graph(bind_namespaces="none")
    graph.parse(folder)
    return graph


COARSE = (("person", SDO.Person), ("organization", SDO.Organization), ("place", SDO.Place),
          ("product", SDO.Product), ("event", SDO.Event))


@lru_cache(maxsize=256)
def superclasses(curie: str) -> frozenset:
    """The class and every class above it in the ontology's class tree."""
    seen, todo = set(), [expand(curie)]
    tree = class_tree()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        todo.extend(tree.objects(node, RDFS.subClassOf))
    return frozenset(seen)


def coarse_type(curie: str) -> str:
    """person | organization | place | product | event | thing, from the class tree."""
    seen = superclasses(curie)
    return next((name for name, cls in COARSE if cls in seen), "thing")


def can_act(curie: str) -> bool:
    """Whether things of this class may be an event's agent (PropBank's Arg0): people,
    organisations, countries and regions, and products that act ("the plane carried
    500 people"). The same rule as kg's shapes."""
    seen = superclasses(curie)
    return bool(seen & {SDO.Person, SDO.Organization, SDO.AdministrativeArea, SDO.Product})


