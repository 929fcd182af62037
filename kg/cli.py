"""kg's command line: the only module that imports click or prints. Commands translate
options into one library call each; errors become one line on stderr and an exit code."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections import Counter

import click

from . import __version__
from .errors import InputError, Interrupted, KgError
from .rdf.iris import DEFAULT_BASE
from .rdf.output import FORMATS
from .rdf.shacl import DEFAULT_VALIDATOR, VALIDATORS
from .read.records import parse_published

EXIT_CODES = """Exit codes: 0 done; 1 the data does not conform (a graph breaks the shapes);
2 kg could not run (bad input, bad option, missing model); 130 interrupted (Ctrl-C or SIGTERM)."""


class KgGroup(click.Group):
    """Turns kg's errors into one message on stderr and the documented exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as error:
            click.echo(f"kg: {error}", err=True)
            sys.exit(error.exit_code)


@click.group(cls=KgGroup, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="kg")
def main():
    """kg: news articles in, linked data out.

    Reads English news articles and builds an RDF knowledge graph of what happened:
    entities, events with their actors, places and dates, and where each came from.
    """


def _published(ctx, param, value):
    if value is None:
        return None
    try:
        return parse_published(value, "--published")
    except InputError as error:
        raise click.BadParameter(str(error).removeprefix("--published: ")) from None


def _base(ctx, param, value):
    if not value.startswith(("http://", "https://", "urn:")) or not value.endswith(("/", "#", ":")):
        raise click.BadParameter(f"{value!r} is not a base IRI; give one like {DEFAULT_BASE}")
    return value


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", help="File to write; - for stdout (the default, unless --store is given); "
              "a folder ending in / for one N-Quads shard per partition and a manifest.json (or a URL such as "
              "s3://bucket/prefix/: needs pip install \"kg[remote]\" and the store's fsspec backend).")
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMATS)), default="turtle", show_default=True,
              help="nquads and trig put each article in its own named graph.")
@click.option("--store", type=click.Path(file_okay=False), metavar="DIR",
              help="Write each article into this Oxigraph store as its own named graph, replacing it when rebuilt "
                   "(and to -o too when given).")
@click.option("--endpoint", metavar="URL", help="Instead of writing a file, PUT each article's graph into this Graph "
              "Store endpoint (e.g. http://localhost:7878/store), as its own named graph, from the process that "
              "builds it (a --workers process or a --cluster worker). Credentials as for kg load.")
@click.option("--published", callback=_published, metavar="DATE",
              help="Publication date of plain-text articles (ISO, e.g. 2020-06-16); relative dates resolve against it.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, callback=_base, help="Base IRI for minted IRIs.")
@click.option("--model", metavar="NAME", help="spaCy pipeline to use (default: $KG_MODEL, else en_core_web_sm).")
@click.option("--gazetteer", type=click.Path(dir_okay=False), metavar="FILE",
              help="Authority file (CSV: label,aliases,type,iri; or SKOS Turtle) mapping names to your IRIs.")
@click.option("--report", type=click.Path(dir_okay=False), metavar="FILE",
              help="Where to write the SHACL report graph (Turtle) when a graph breaks the shapes.")
@click.option("--validator", type=click.Choice(VALIDATORS), default=DEFAULT_VALIDATOR, show_default=True,
              help="sparql: kg's shapes compiled to SPARQL (fast, tested to give pyshacl's verdicts); "
                   "pyshacl: the reference, as kg validate.")
@click.option("--glob", metavar="PATTERN", help="In folders, read the files matching this pattern, e.g. '*.html' "
              "(default: .txt, .jsonl, .html, .warc, .warc.gz).")
@click.option("--workers", type=click.IntRange(min=1), metavar="N",
              help="Processes to run in parallel (default: one per core); the output is the same for any N.")
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True,
              help="Articles parsed and validated together.")
@click.option("--cluster", metavar="ADDRESS", help="Build on a Dask cluster: its scheduler (tcp://host:8786), "
              "or local:N for N worker processes here. Needs pip install \"kg[cluster]\".")
@click.option("--partition-size", type=click.IntRange(min=1), default=256, show_default=True,
              help="Articles per partition: one Dask task, and one shard with -o DIR/.")
@click.option("--resume", is_flag=True, help="With -o DIR/: keep the shards DIR/manifest.json vouches for "
              "(same inputs, same bytes) and build only the others.")
@click.option("--errors", "errors_file", type=click.Path(dir_okay=False), metavar="FILE",
              help='Also write each skipped article as a JSON line: {"article", "reason", "stage"}.')
@click.option("--fail-fast", is_flag=True, help="Stop at the first article that cannot be built; write nothing.")
@click.option("--resolve", is_flag=True, help="Link nodes of different articles that name one thing (owl:sameAs, "
              "in the named graph BASE/graph/same-as), as kg resolve does.")
@click.option("--with-text", is_flag=True,
              help="Also store each article's text (nif:isString on the article), so kg view can show sentences.")
@click.option("-q", "--quiet", is_flag=True, help="No progress and no summary on stderr (skips are still reported).")
def build(paths, output, fmt, store, endpoint, published, base, model, gazetteer, report, validator, glob, workers, batch_size,
          cluster, partition_size, resume, errors_file, fail_fast, resolve, with_text, quiet):
    """Build the knowledge graph of news articles.

    PATHS are plain-text files (the first line is the title when a blank line follows it),
    JSON Lines files (one article per line: "id" and "text", optional "title",
    "published", "url", "source"), HTML pages (.html, .htm: text, title, date and site are
    taken from the page), web archives (.warc, .warc.gz: each HTML page served with status
    200, its URI as id and url; other records are counted in the summary), folders of
    those, or - for stdin, mixed as you like.

    An article that cannot be read or whose graph breaks the shapes is skipped and reported
    (one line on stderr each), and the rest are written: exit 1. When no article could be
    built, nothing is written: exit 2 (1 if a graph broke the shapes).

    Example: kg build examples/harbour-strike.txt --published 2024-03-14 -o harbour-strike.ttl
    """
    from .cluster import check_cluster, is_folder_target
    from .rdf.folders import is_url

    if cluster is not None:
        check_cluster(cluster)
    if output is not None and is_url(output) and not is_folder_target(output):
        raise click.UsageError(f"-o {output}: kg writes to a URL only as a folder of shards: end it with / "
                               f"(-o {output}/)")
    if endpoint is not None:
        from .stores.remote import check_endpoint

        for given, name in ((output, "-o"), (store, "--store"), (resolve, "--resolve"), (resume, "--resume")):
            if given:
                raise click.UsageError(f"{name} does not go with --endpoint (the graphs go to the endpoint); "
                                       "drop one of them")
        check_endpoint(endpoint)
    if is_folder_target(output):
        with _interruptible(f"the shards written so far are kept in {output}: run the same command with --resume "
                            "to build only the rest"):
            _build_shards(click.get_current_context(), paths, output, published, base, model, gazetteer, report,
                          validator, glob, workers, batch_size, cluster, partition_size, resume, errors_file,
                          fail_fast, resolve, with_text, quiet, fmt, store)
        return
    if resume:
        raise click.UsageError("--resume needs -o DIR/ (a folder of shards, the path ending in /)")
    from .corpus import build_corpus, default_workers, one_per_id
    from .linking.gazetteer import load_gazetteer
    from .pipeline import Skipped
    from .progress import Tally
    from .read.files import read_inputs
    from .stores.embedded import build_writer
    from .stores.resolve import naming_lines, resolve_lines, resolve_store, same_as_graph

    with _interruptible(_rerun_hint(output, store)):
        authority = load_gazetteer(gazetteer) if gazetteer else None
        passed = Counter()  # WARC records that are no article
        items = one_per_id(read_inputs(paths, published, glob, passed))
        named: list[tuple[str, str]] = []  # (article, naming lines) for --resolve
        with contextlib.ExitStack() as stack:
            tally = Tally(stack.enter_context(open(errors_file, "w", encoding="utf-8")) if errors_file else None)
            stack.callback(_write_report, tally, report)
            bar = stack.enter_context(_progress(tally, paths, glob, quiet))
            say = bar.write if bar else _say
            with build_writer(output, fmt, store) if endpoint is None else _Sent() as writer:
                options = {"model": model, "base": base, "gazetteer": authority, "with_text": with_text,
                           "validator": validator, "endpoint": endpoint}
                if cluster is not None:
                    from .cluster import build_partitions, partitions

                    built = (outcome for part in build_partitions(partitions(items, partition_size), options,
                                                                    batch_size=batch_size, cluster=cluster)
                             for outcome in part.outcomes)
                else:
                    built = build_corpus(items, batch_size=batch_size, workers=workers or default_workers(), **options)
                with contextlib.closing(built):  # an interrupt stops the workers at once
                    for outcome in built:
                        shown = tally.add(outcome)
                        if isinstance(outcome, Skipped) and fail_fast:
                            raise outcome.error()
                        for line in shown:
                            say(f"kg: {line}")
                        if not isinstance(outcome, Skipped):
                            writer.add_article(outcome)
                            if resolve:
                                named.append((str(outcome.name), naming_lines(outcome.lines)))
                        if bar:
                            bar.done(1)
                if ended := tally.nothing_built():
                    for line in ended[0]:
                        say(f"kg: {line}")
                    raise ended[1]
                if resolve:  # the links among these articles
                    writer.add(same_as_graph(base), resolve_lines(named, base))
        if resolve and store is not None:  # and in a store, among all its articles, old ones too
            resolve_store(store, base)
        if not quiet:
            into = f"; loaded into {endpoint}" if endpoint is not None and tally.articles else ""
            click.echo(f"kg: {tally.summary()}{_passed(passed)}{into}", err=True)
        sys.exit(1 if tally.skips else 0)


def _build_shards(ctx, paths, output, published, base, model, gazetteer, report, validator, glob, workers, batch_size,
                  cluster, partition_size, resume, errors_file, fail_fast, resolve, with_text, quiet, fmt, store):
    """kg build -o DIR/: one N-Quads shard per partition and a manifest, resumable."""
    from click.core import ParameterSource

    from .cluster import ShardWriter, build_partitions, partitions
    from .corpus import default_workers, one_per_id
    from .linking.gazetteer import load_gazetteer
    from .progress import Tally
    from .read.files import read_inputs
    from .text.load import model_name

    if ctx.get_parameter_source("fmt") is not ParameterSource.DEFAULT and fmt != "nquads":
        raise click.UsageError(f"-o {output} writes N-Quads shards; drop -f {fmt} or give -f nquads")
    for given, name in ((store, "--store"), (resolve, "--resolve"), (fail_fast, "--fail-fast")):
        if given:
            raise click.UsageError(f"{name} does not go with -o DIR/ (shards); build the shards, then load them")
    authority = load_gazetteer(gazetteer) if gazetteer else None
    passed = Counter()  # WARC records that are no article
    items = one_per_id(read_inputs(paths, published, glob, passed))
    options = {"model": model, "base": base, "gazetteer": authority, "with_text": with_text, "validator": validator}
    settings = {"model": model_name(model), "base": base, "with_text": with_text, "validator": validator,
                "gazetteer": gazetteer}
    writer = ShardWriter(output, settings, resume=resume)
    with contextlib.ExitStack() as stack:
        tally = Tally(stack.enter_context(open(errors_file, "w", encoding="utf-8")) if errors_file else None)
        stack.callback(_write_report, tally, report)
        bar = stack.enter_context(_progress(tally, paths, glob, quiet))
        say = bar.write if bar else _say

        def to_build(part) -> bool:
            if writer.done(part):
                if bar:
                    bar.kept(len(part.items))
                return False
            return True

        todo = filter(to_build, partitions(items, partition_size))
        built = build_partitions(todo, options, batch_size=batch_size, workers=workers or default_workers(),
                                 cluster=cluster, shards=writer)
        try:
            with contextlib.closing(built):  # an interrupt stops the workers at once
                for part in built:
                    for outcome in part.outcomes:
                        for line in tally.add(outcome):
                            say(f"kg: {line}")
                    writer.add(part)
                    if bar:
                        bar.done(len(part.outcomes))
        except BaseException:  # the workers are stopped: what they were writing goes too
            writer.remove_temporaries()
            raise
        if not writer.kept and (ended := tally.nothing_built()):
            for line in ended[0]:
                say(f"kg: {line}")
            raise ended[1]
        writer.finish()
    if not quiet:
        kept = f"; kept {writer.kept} shards of an earlier run" if writer.kept else ""
        if writer.kept_skipped:
            kept += f" ({writer.kept_skipped} skipped articles in them: see {output}manifest.json)"
        click.echo(f"kg: {tally.summary()}{_passed(passed)}{kept}; wrote {len(writer.shards)} shards to {output}", err=True)
    sys.exit(1 if tally.skips or writer.kept_skipped else 0)


class _Sent(contextlib.nullcontext):
    """The writer of kg build --endpoint: the graphs are already in the endpoint."""

    def __enter__(self):
        return self

    def add_article(self, built) -> None:
        pass


def _passed(passed: Counter) -> str:
    from .read.warc import describe

    return f"; {describe(passed)}" if passed else ""


def _rerun_hint(output, store) -> str:
    """What an interrupted one-file build leaves, and how to go on."""
    left = []
    if output not in (None, "-"):
        left.append(f"{output} was not written")
    elif store is None or output == "-":
        left.append("the output is incomplete")
    if store is not None:
        left.append(f"the articles built so far are in {store} (built again, each replaces its own graph)")
    return "; ".join(left) + "; run the same command again"


@contextlib.contextmanager
def _interruptible(hint: str):
    """Ctrl-C and SIGTERM (kill, a batch scheduler, systemd stopping kg) end a run the same way:
    KeyboardInterrupt unwinds it, so every writer removes its temporary file and every pool or
    cluster stops its worker processes, then kg says how to go on and exits 130. Once one has
    landed, a second Ctrl-C or SIGTERM is ignored until that is done, so it cannot cut the
    cleaning short (SIGKILL still stops kg at once)."""
    previous = {}
    if threading.current_thread() is threading.main_thread():
        previous = {number: signal.signal(number, _interrupted) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    except KeyboardInterrupt:
        raise Interrupted(f"interrupted; {hint}") from None
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _interrupted(signum, frame):
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, signal.SIG_IGN)
    raise KeyboardInterrupt


@contextlib.contextmanager
def _progress(tally, paths, glob, quiet):
    """A progress bar on a terminal (never with -q, nor when stderr is a file or a pipe: a log
    gets the skips and the summary only); None otherwise. Its total is the number of articles
    when counting them is cheap (kg.read.files.count_inputs)."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from .progress import ProgressBar
    from .read.files import count_inputs

    bar = ProgressBar(tally, sys.stderr, count_inputs(paths, glob))
    try:
        yield bar
    finally:
        bar.close()


def _say(line: str) -> None:
    click.echo(line, err=True)


def _write_report(tally, path):
    if path and (graph := tally.report()) is not None:
        graph.serialize(destination=path, format="turtle")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--shapes", type=click.Path(exists=True), metavar="PATH",
              help="A shapes file or folder (default: kg's own shapes).")
def validate(files, shapes):
    """Validate RDF files against kg's SHACL shapes (or yours).

    Exit 0 when every file conforms, 1 when one does not, 2 when one cannot be read.

    Example: kg validate seed.ttl
    """
    from .rdf.shacl import load_rdf
    from .rdf.shacl import validate as check

    failed = False
    for file in files:
        report = check(load_rdf(file), shapes)
        if report.conforms:
            click.echo(f"{file}: conforms")
        else:
            failed = True
            click.echo(f"{file}: {len(report.violations)} violation(s)")
            for violation in report.violations:
                click.echo(f"  {violation}")
    sys.exit(1 if failed else 0)


def _params(ctx, param, values):
    pairs = {}
    for value in values:
        name, equals, text = value.partition("=")
        if not equals or not name.lstrip("?$"):
            raise click.BadParameter(f"{value!r} is not NAME=VALUE")
        pairs[name.lstrip("?$")] = text
    return pairs


@main.command()
@click.argument("args", nargs=-1, metavar="[FILE]... [QUERY]")
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False), metavar="FILE.rq",
              help="Read the query from a file; then every argument is an RDF file.")
@click.option("--example", metavar="NAME", help="Run one of kg's named queries (see --list-examples).")
@click.option("--list-examples", is_flag=True, help="List kg's named queries and what each answers.")
@click.option("--param", "params", multiple=True, callback=_params, metavar="NAME=VALUE",
              help="Bind ?NAME to VALUE (a string; <IRI> for an IRI). Repeatable.")
@click.option("--store", type=click.Path(file_okay=False), metavar="DIR", help="Query this Oxigraph store, not files.")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="How to print SELECT and ASK results (W3C formats for machines).")
@click.option("--allow-remote", is_flag=True, help="Let SERVICE reach other endpoints (refused by default).")
def query(args, query_file, example, list_examples, params, store, fmt, allow_remote):
    """Run a SPARQL 1.1 query over RDF files or a store.

    Files (.ttl, .nt, .nq, .trig, .jsonld) keep their named graphs, and a plain query sees
    all of them. kg's prefixes (schema:, sem:, kgo:, ...) need no PREFIX lines. ASK prints
    true or false and exits 0 or 1; CONSTRUCT and DESCRIBE print Turtle.

    Example: kg query news.nq --example entity --param name="North Korea"
    """
    from .stores.sparql import examples, run

    if list_examples:
        for name, chosen in examples().items():
            click.echo(f"{name:<20} {chosen.description}")
        return
    answer = run(args, query_file=query_file, example_name=example, store=store, params=params,
                 fmt=fmt, allow_remote=allow_remote)
    click.echo(answer.output, nl=False)
    sys.exit(answer.exit_code)


@main.command()
@click.option("--store", required=True, type=click.Path(file_okay=False), metavar="DIR", help="The store to resolve.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, callback=_base, help="Base IRI the store was built with.")
def resolve(store, base):
    """Link the nodes of different articles that name one thing.

    Two nodes are linked (owl:sameAs) when the label of one is a name of the other (its label
    or an alias), their classes fit, and no identifier says otherwise; never on a person's
    one-word name. The links go to the named graph BASE/graph/same-as, replaced on every run:
    run it again after new articles arrive. kg's named queries follow the links.

    Example: kg resolve --store news.db
    """
    from .stores.resolve import resolve_store

    nodes, entities = resolve_store(store, base)
    click.echo(f"kg: linked {nodes} nodes of {entities} {'entity' if entities == 1 else 'entities'} across articles "
               f"in {store}", err=True)


@main.command()
@click.option("--store", required=True, type=click.Path(file_okay=False), metavar="DIR", help="The store to export.")
@click.option("-o", "--output", default="-", show_default=True, help="File to write; - for stdout.")
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMATS)), default="nquads", show_default=True,
              help="nquads and trig keep each article's named graph.")
def export(store, output, fmt):
    """Write out everything in an Oxigraph store.

    Through kg's deterministic writers; the file appears only when it is complete.

    Example: kg export --store news.db -f trig -o news.trig
    """
    from .stores.embedded import export as export_store

    graphs, triples = export_store(store, output, fmt)
    click.echo(f"kg: exported {graphs} {'graph' if graphs == 1 else 'graphs'}, {triples} triples from {store}", err=True)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--endpoint", required=True, metavar="URL",
              help="The store's Graph Store Protocol URL, e.g. http://localhost:7878/store for Oxigraph.")
@click.option("--graph", metavar="IRI", help="Put everything in this one named graph (replacing it).")
@click.option("--replace-all", is_flag=True,
              help="Replace the WHOLE dataset with these files: one PUT of N-Quads to the endpoint (Oxigraph's /store).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
              help="Seconds to wait for each answer.")
@click.option("--retries", type=click.IntRange(min=0), default=3, show_default=True,
              help="Retries after a connection error or a 5xx answer, with exponential backoff.")
def load(files, endpoint, graph, replace_all, timeout, retries):
    """Load RDF files into a remote triple store.

    Through the SPARQL 1.1 Graph Store HTTP Protocol. Each article goes to its own named graph: PUT ?graph=IRI replaces that graph and no
    other, so loading again changes nothing. Every file is checked before anything is sent.
    Credentials come from the environment: KG_ENDPOINT_USER and KG_ENDPOINT_PASSWORD for
    basic authentication, or KG_ENDPOINT_TOKEN for a bearer token.

    Example: kg load news.nq --endpoint http://localhost:7878/store
    """
    from .stores.remote import load as load_graphs

    loaded = load_graphs(files, endpoint, graph=graph, replace_all=replace_all, timeout=timeout, retries=retries)
    graphs = "graph" if loaded.graphs == 1 else "graphs"
    click.echo(f"kg: loaded {loaded.graphs} {graphs}, {loaded.triples} triples into {endpoint}", err=True)


@main.command()
@click.argument("graphs", nargs=-1, type=click.Path(dir_okay=False), metavar="GRAPH...")
@click.option("-o", "--output", metavar="FILE", help="The HTML file to write; - for stdout (the default when it is not a terminal).")
@click.option("--store", type=click.Path(file_okay=False), metavar="DIR", help="Show this Oxigraph store, not files.")
@click.option("--article", metavar="ID", help="Show only this article (its id, or its IRI).")
@click.option("--title", metavar="TEXT", help="The page's title (default: the article's title, or the number of articles).")
def view(graphs, output, store, article, title):
    """Write a page that shows a graph: a timeline, who acted on whom, and each fact's sentence.

    GRAPH files are kg's output in any format kg validate reads (or give --store). The page
    is one HTML file that works offline: it fetches nothing. Build with --with-text to see
    each mention's sentence; without it the page shows the mention's words.

    Example: kg view seed.ttl -o seed.html
    """
    from .view import view as write_view

    if output in (None, "-") and sys.stdout.isatty():
        raise click.UsageError("the page is HTML: give -o FILE.html, or redirect stdout to a file")
    shown = write_view(graphs, store=store, output=output, article=article, title=title, version=__version__)
    if output not in (None, "-"):
        click.echo(f"kg: wrote {output}: {shown.articles:,} {'article' if shown.articles == 1 else 'articles'}, "
                   f"{shown.entities:,} entities, {shown.events:,} events, {shown.bytes / 1e6:.1f} MB", err=True)


@main.command()
@click.option("--store", required=True, type=click.Path(file_okay=False), metavar="DIR", help="The store to serve.")
@click.option("--bind", default="127.0.0.1:7878", show_default=True, metavar="HOST:PORT",
              help="Where to listen; an address other than 127.0.0.1 opens the store to the network.")
@click.option("--writable", is_flag=True, help="Accept SPARQL updates and Graph Store writes (and lock the store).")
def serve(store, bind, writable):
    """Serve a store as a local SPARQL endpoint until Ctrl-C.

    Runs the oxigraph server. Queries go to http://HOST:PORT/query and see all articles' graphs. Read-only by
    default: stop any kg build --store on the same folder first, or use --writable.

    Example: kg serve --store news.db
    """
    from .stores.embedded import serve as run_server

    click.echo(f"kg: serving {store} at http://{bind}/query (Ctrl-C stops)", err=True)
    run_server(store, bind=bind, writable=writable)


if __name__ == "__main__":  # pragma: no cover
    main()
