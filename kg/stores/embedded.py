"""The embedded Oxigraph store: one named graph per article, export, and a local SPARQL endpoint.

A store is a folder that pyoxigraph (RocksDB) opens for one writing process at a time.
Each article's graph is named by the article's IRI; writing an article again replaces
its graph in a single transaction, so rebuilding never grows the store.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
from rdflib import Graph, URIRef

from kg.errors import StoreError
from kg.rdf.output import GraphWriter, ntriples, rdflib_graph, rdflib_term, term

DEFAULT_BIND = "127.0.0.1:7878"


# ---------------------------------------------------------------- terms

def graph_of(store: pyoxigraph.Store, name) -> Graph:
    """One graph of the store (``name`` a NamedNode, BlankNode or DefaultGraph) as an rdflib Graph."""
    return rdflib_graph(store.quads_for_pattern(None, None, None, name))


# ---------------------------------------------------------------- opening

@contextlib.contextmanager
def open_store(path: str | Path, *, create: bool = True) -> Iterator[pyoxigraph.Store]:
    """The persistent store in folder ``path``, held by this process until the block ends."""
    folder = Path(path)
    if not create and not (folder.is_dir() and any(folder.iterdir())):  # never make a store by mistake
        raise StoreError(f"{folder}: there is no store there; make one with kg build ARTICLES --store {folder}")
    try:
        store = pyoxigraph.Store(str(folder))
    except OSError as error:
        if "lock" in str(error).lower():
            raise StoreError(f"{folder}: the store is in use by another process (kg build --store, "
                             "kg serve --writable or an oxigraph server); stop it and try again") from None
        raise StoreError(f"{folder}: cannot open the store ({error})") from error
    yield store
    store.flush()


def replace_graph(store: pyoxigraph.Store, name: URIRef, graph: Graph, lines: str | None = None) -> None:
    """Make the named graph ``name`` hold exactly ``graph`` (whose N-Triples are ``lines``,
    when known), in one transaction: a reader sees the old graph or the new one, never
    neither. The data are kg's strict N-Triples, so no text from an article can change the
    meaning of the update."""
    iri = term(name)
    data = lines if lines is not None else ntriples(graph)
    store.update(f"DROP SILENT GRAPH {iri} ;\nINSERT DATA {{ GRAPH {iri} {{\n{data}}} }}")


class StoreWriter:
    """Writes article graphs into the store at ``path``, each as its own named graph,
    one transaction per article (so a long build is visible article by article)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.graphs = 0
        self.triples = 0
        self._opened = None

    def __enter__(self):
        self._opened = open_store(self.path)
        self.store = self._opened.__enter__()
        return self

    def add(self, name: URIRef, graph: Graph) -> None:
        replace_graph(self.store, name, graph)
        self.graphs += 1
        self.triples += len(graph)

    def add_article(self, built) -> None:
        """One article's outcome (a kg.pipeline.Built), from its N-Triples."""
        replace_graph(self.store, built.name, None, built.lines)
        self.graphs += 1
        self.triples += built.triples

    def __exit__(self, kind, error, trace) -> None:
        self.store = None  # the last reference: RocksDB closes and releases its lock
        self._opened.__exit__(kind, error, trace)
        self._opened = None


class _Tee:
    def __init__(self, writers):
        self.writers = writers

    def add(self, name: URIRef, graph: Graph) -> None:
        for writer in self.writers:
            writer.add(name, graph)

    def add_article(self, built) -> None:
        for writer in self.writers:
            writer.add_article(built)


@contextlib.contextmanager
def build_writer(output: str | None, fmt: str, store: str | None):
    """Where ``kg build`` writes: the file (or stdout when neither is given), the store, or both."""
    with contextlib.ExitStack() as stack:
        writers = []
        if store is not None:  # opened first: a store in use fails before any work is done
            writers.append(stack.enter_context(StoreWriter(store)))
        if output is not None or store is None:
            writers.append(stack.enter_context(GraphWriter(output or "-", fmt)))
        yield _Tee(writers)


# ---------------------------------------------------------------- export and serving

def export(path: str | Path, output: str, fmt: str) -> tuple[int, int]:
    """Write every graph of the store through kg's writers (atomic); (graphs, triples) written."""
    with open_store(path, create=False) as store:
        names = sorted(store.named_graphs(), key=lambda n: (isinstance(n, pyoxigraph.BlankNode), n.value))
        default = graph_of(store, pyoxigraph.DefaultGraph())
        if len(default) and fmt == "trig":
            raise StoreError(f"{path}: the default graph holds {len(default)} triples that kg's TriG has no "
                             "place for; export as nquads instead")
        with GraphWriter(output, fmt) as writer:
            for name in names:
                writer.add(rdflib_term(name), graph_of(store, name))
            if len(default):
                writer.add(None, default)
        return len(names) + (1 if len(default) else 0), writer.triples


def serve(path: str | Path, *, bind: str = DEFAULT_BIND, writable: bool = False) -> None:
    """Run the oxigraph server on the store in the foreground until it is interrupted.
    Read-only unless ``writable``; queries see the union of all graphs."""
    binary = shutil.which("oxigraph")
    if binary is None:
        raise StoreError("kg serve runs the oxigraph server, which is not installed: pip install oxigraph")
    if not writable and not Path(path).is_dir():
        raise StoreError(f"{path}: there is no store there; make one with kg build ARTICLES --store {path}")
    mode = "serve" if writable else "serve-read-only"
    command = [binary, mode, "--location", str(path), "--bind", bind, "--union-default-graph"]
    previous = signal.signal(signal.SIGTERM, _interrupt)  # so a terminated kg stops its server too
    process = subprocess.Popen(command)
    try:
        code = process.wait()
    except KeyboardInterrupt:
        _stop(process)
        return
    finally:
        signal.signal(signal.SIGTERM, previous)
    if code != 0:
        raise StoreError(f"the oxigraph server stopped with exit code {code} (its message is above)")


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def _stop(process: subprocess.Popen) -> None:
    """Ask the server to stop (Ctrl-C in a terminal reaches it already), give it time to close
    the store, then force it."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
