"""SPARQL 1.1 over RDF files or a store, evaluated by pyoxigraph, and kg's named queries.

Files are loaded into an in-memory store (the named graphs of N-Quads and TriG kept) and
queried with the default graph as the union of all graphs, so a plain query sees every
article. Nothing reaches the network unless asked: a query that uses SERVICE or LOAD is
refused before it runs. Values from the user are bound to variables, never pasted into
the query text.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files as package_files
from pathlib import Path

import pyoxigraph
from rdflib import URIRef

from kg.errors import InputError, QueryError
from kg.rdf.output import rdflib_graph, rdflib_term, term, turtle
from kg.vocab import PREFIXES

from .embedded import open_store

RESULT_FORMATS = {  # --format -> W3C result format (None: kg's aligned table)
    "table": None,
    "csv": pyoxigraph.QueryResultsFormat.CSV,
    "tsv": pyoxigraph.QueryResultsFormat.TSV,
    "json": pyoxigraph.QueryResultsFormat.JSON,
}
REMOTE_KEYWORDS = {"SERVICE", "LOAD"}
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}

# One alternative per lexical class of SPARQL that can hide a keyword: comments, strings
# (long ones first), IRIs, variables, language tags, then names (a keyword or a prefixed name).
_TOKEN = re.compile(r"""
    (?P<comment>\#[^\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
               |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<variable>[?$][A-Za-z0-9_\u00b7\u00c0-\uffff]+)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<name>[A-Za-z_\u00c0-\uffff][\w.\-\u00b7\u00c0-\uffff]*(?P<colon>:[^\s(){}\[\],;]*)?
             |:[^\s(){}\[\],;]*)
  | (?P<other>\S)
""", re.VERBOSE | re.DOTALL)
_RDF_SUFFIXES = {"ttl", "nt", "nq", "trig", "jsonld", "rdf", "n3", "owl"}
_SYNTAX = re.compile(r"^error at (\d+):(\d+): (.*)$", re.DOTALL)


@dataclass(frozen=True)
class Example:
    """One of kg's named queries, from kg/stores/queries/NAME.rq."""

    name: str
    description: str
    params: dict[str, str]  # variable name -> what to give it
    text: str


@dataclass(frozen=True)
class Answer:
    """A query's rendered answer: the bytes for stdout and the exit code (an ASK that is false gives 1)."""

    output: bytes
    exit_code: int = 0


# ---------------------------------------------------------------- named queries

def examples() -> dict[str, Example]:
    """kg's named queries by name, from the comment block that opens each .rq file."""
    found = {}
    for resource in sorted(package_files("kg.stores.queries").iterdir(), key=lambda r: r.name):
        if resource.name.endswith(".rq"):
            name = resource.name[: -len(".rq")]
            found[name] = _example(name, resource.read_text(encoding="utf-8"))
    return found


def _example(name: str, text: str) -> Example:
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line.lstrip("# ").rstrip())
    params = {}
    for line in header[1:]:
        if line.startswith("param "):
            variable, _, about = line[len("param "):].partition(":")
            params[variable.strip()] = about.strip()
    return Example(name, header[0] if header else "", params, text)


def example(name: str) -> Example:
    """The named query ``name``; QueryError naming the choices when there is none."""
    known = examples()
    if name not in known:
        raise QueryError(f"there is no example query {name!r}; choose one of {', '.join(known)} "
                         "(kg query --list-examples describes them)")
    return known[name]


# ---------------------------------------------------------------- safety and bindings

def tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, text, offset) of each token that matters to kg's checks: names and variables.
    Strings, IRIs and comments are skipped whole, so a keyword inside them is not seen."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "name" and match.group("colon") is None:
            yield "keyword", match.group(), match.start()
        elif kind == "variable":
            yield "variable", match.group()[1:], match.start()


def remote_uses(text: str) -> list[tuple[str, int, int]]:
    """(keyword, line, column) of every SERVICE or LOAD in the query: the operations that
    would fetch data from the network."""
    found = []
    for kind, word, offset in tokens(text):
        if kind == "keyword" and word.upper() in REMOTE_KEYWORDS:
            line = text.count("\n", 0, offset) + 1
            column = offset - (text.rfind("\n", 0, offset) + 1) + 1
            found.append((word.upper(), line, column))
    return found


def _refuse_remote(text: str, source: str) -> None:
    uses = remote_uses(text)
    if uses:
        keyword, line, column = uses[0]
        raise QueryError(f"{source} line {line}, column {column}: {keyword} would reach the network, "
                         "which kg does not do unless asked; pass --allow-remote to let it")


def _term(value: str):
    """A --param value as an RDF term: <IRI> for an IRI, anything else a plain string."""
    if value.startswith("<") and value.endswith(">"):
        try:
            return pyoxigraph.NamedNode(value[1:-1])
        except ValueError as error:
            raise QueryError(f"--param value {value}: not an IRI ({error})") from None
    return pyoxigraph.Literal(value)


def _substitutions(params: Mapping[str, str], text: str, source: str) -> dict:
    variables = {word for kind, word, _ in tokens(text) if kind == "variable"}
    for name in params:
        if name not in variables:
            raise QueryError(f"--param {name}: {source} has no variable ?{name}")
    return {pyoxigraph.Variable(name): _term(value) for name, value in params.items()}


# ---------------------------------------------------------------- evaluation

@contextlib.contextmanager
def dataset(paths: Sequence[str] = (), store: str | None = None) -> Iterator[pyoxigraph.Store]:
    """The store to query: the persistent one at ``store``, or the files loaded in memory."""
    if store and paths:
        raise QueryError("give RDF files or --store, not both")
    if not store and not paths:
        raise QueryError("nothing to query: give RDF files, or --store DIR")
    if store:
        with open_store(store, create=False) as opened:
            yield opened
        return
    memory = pyoxigraph.Store()
    for path in paths:
        _load(memory, Path(path))
    yield memory


def _load(store: pyoxigraph.Store, path: Path) -> None:
    rdf_format = pyoxigraph.RdfFormat.from_extension(path.suffix.lstrip(".")) if path.suffix else None
    if rdf_format is None:
        raise InputError(f"{path}: kg cannot tell the RDF format from the name; "
                         "use .ttl, .nt, .nq, .trig, .jsonld or .rdf")
    try:
        store.load(path=path, format=rdf_format)  # all or nothing; in memory as fast as bulk_load
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (SyntaxError, ValueError, OSError) as error:
        raise InputError(f"{path}: {error}") from error


def query(store: pyoxigraph.Store, text: str, *, params: Mapping[str, str] | None = None,
          allow_remote: bool = False, source: str = "the query"):
    """Evaluate a SPARQL query: QuerySolutions for SELECT, QueryBoolean for ASK, QueryTriples
    for CONSTRUCT and DESCRIBE. ``params`` are bound to the query's variables by name."""
    if not allow_remote:
        _refuse_remote(text, source)
    substitutions = _substitutions(params or {}, text, source)
    try:
        return store.query(text, use_default_graph_as_union=True, prefixes=_PREFIXES,
                           substitutions=substitutions or None)
    except SyntaxError as error:
        raise QueryError(_syntax_message(text, source, error)) from None
    except RuntimeError as error:  # pyoxigraph binds only variables the SELECT projects
        raise QueryError(f"{source}: {error}; add the variable to the SELECT clause") from None
    except OSError as error:
        raise QueryError(f"{source}: {error}") from error


def _syntax_message(text: str, source: str, error: SyntaxError) -> str:
    match = _SYNTAX.match(str(error))
    if match is None:
        return f"{source}: {error}"
    line, column, message = int(match[1]), int(match[2]), match[3]
    if "\n" in message:  # pyoxigraph spells out character classes over many lines
        message = message.split("[", 1)[0].rstrip(", ") + ", ..."
    lines = text.splitlines()
    shown = f"\n  {lines[line - 1].strip()}" if 0 < line <= len(lines) else ""
    return f"{source} line {line}, column {column}: {message}{shown}"


def rows(result) -> list[dict[str, str]]:
    """A SELECT result as dicts of display strings, "" for unbound (for tests and tables)."""
    names = [v.value for v in result.variables]
    return [{n: _cell(v) for n, v in zip(names, solution, strict=True)} for solution in result]


def render(result, fmt: str = "table") -> Answer:
    """A query result as bytes for stdout: a table or W3C results for SELECT, true/false for
    ASK (exit code 1 when false), Turtle for CONSTRUCT and DESCRIBE."""
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"unknown result format {fmt!r}; choose one of {', '.join(RESULT_FORMATS)}")
    if isinstance(result, pyoxigraph.QueryBoolean):
        code = 0 if bool(result) else 1
        if fmt == "table":
            return Answer(b"true\n" if code == 0 else b"false\n", code)
        return Answer(result.serialize(format=RESULT_FORMATS[fmt]), code)
    if isinstance(result, pyoxigraph.QueryTriples):
        if fmt != "table":
            raise QueryError(f"--format {fmt} is for SELECT and ASK; CONSTRUCT and DESCRIBE print Turtle")
        return Answer(turtle(rdflib_graph(result)).encode("utf-8"))
    if fmt == "table":
        names = [v.value for v in result.variables]
        return Answer(table(names, [[row[n] for n in names] for row in rows(result)]).encode("utf-8"))
    return Answer(result.serialize(format=RESULT_FORMATS[fmt]))


def answer(text: str, *, paths: Sequence[str] = (), store: str | None = None,
           params: Mapping[str, str] | None = None, allow_remote: bool = False,
           fmt: str = "table", source: str = "the query") -> Answer:
    """Run one query over files or a store and render its result: what ``kg query`` prints."""
    with dataset(paths, store) as data:
        result = query(data, text, params=params, allow_remote=allow_remote, source=source)
        try:
            return render(result, fmt)
        except (OSError, RuntimeError) as error:  # evaluation is lazy: a failing SERVICE surfaces here
            raise QueryError(f"{source}: {error}") from error


def run(args: Sequence[str], *, query_file: str | None = None, example_name: str | None = None,
        **options) -> Answer:
    """What ``kg query`` does. ``args`` are RDF files followed by the query text, unless the
    query comes from ``query_file`` or is the named query ``example_name`` (its parameters
    checked); ``options`` go to ``answer``."""
    if query_file and example_name:
        raise QueryError("give --file or --example, not both")
    if example_name:
        chosen = example(example_name)
        missing = [p for p in chosen.params if p not in (options.get("params") or {})]
        if missing:
            needs = "; ".join(f"--param {p}=VALUE ({chosen.params[p]})" for p in missing)
            raise QueryError(f"the example query {example_name!r} needs {needs}")
        return answer(chosen.text, paths=args, source=f"example {example_name!r}", **options)
    if query_file:
        return answer(Path(query_file).read_text(encoding="utf-8"), paths=args, source=query_file, **options)
    if not args or (Path(args[-1]).suffix.lstrip(".") in _RDF_SUFFIXES and Path(args[-1]).is_file()):
        raise QueryError("no query: give its text as the last argument, or use --file or --example")
    return answer(args[-1], paths=args[:-1], **options)


# ---------------------------------------------------------------- tables

def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, pyoxigraph.Literal):  # a line break would break the table's rows
        return value.value.replace("\r", "\\r").replace("\n", "\\n")
    node = rdflib_term(value)
    shown = term(node, short=True)
    return shown[1:-1] if isinstance(node, URIRef) and shown.startswith("<") else shown


def table(names: Sequence[str], values: Sequence[Sequence[str]]) -> str:
    """Columns aligned with two spaces, a rule of dashes under the header."""
    widths = [max([len(n)] + [len(row[i]) for row in values]) for i, n in enumerate(names)]
    lines = [names, ["-" * w for w in widths], *values]
    text = "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in lines)
    return text + "\n"
