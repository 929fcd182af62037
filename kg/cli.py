"""kg's command line: the only module that imports click or prints. Commands translate
options into one library call each; errors become one line on stderr and an exit code."""

from __future__ import annotations

import sys

import click

from . import __version__
from .documents import parse_published, read_articles
from .errors import InputError, KgError, ValidationError
from .output import FORMATS, GraphWriter
from .vocab import DEFAULT_BASE

EXIT_CODES = """Exit codes: 0 done; 1 the data does not conform (a graph breaks the shapes);
2 kg could not run (bad input, bad option, missing model)."""


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
@click.option("-o", "--output", default="-", show_default=True, help="File to write; - for stdout.")
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMATS)), default="turtle", show_default=True,
              help="nquads and trig put each article in its own named graph.")
@click.option("--published", callback=_published, metavar="DATE",
              help="Publication date of plain-text articles (ISO, e.g. 2020-06-16); relative dates resolve against it.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, callback=_base, help="Base IRI for minted IRIs.")
@click.option("--model", metavar="NAME", help="spaCy pipeline to use (default: $KG_MODEL, else en_core_web_sm).")
@click.option("--gazetteer", type=click.Path(dir_okay=False), metavar="FILE",
              help="Authority file (CSV: label,aliases,type,iri; or SKOS Turtle) mapping names to your IRIs.")
@click.option("--report", type=click.Path(dir_okay=False), metavar="FILE",
              help="Where to write the SHACL report graph (Turtle) when a graph breaks the shapes.")
def build(paths, output, fmt, published, base, model, gazetteer, report):
    """Build the knowledge graph of news articles.

    PATHS are plain-text files (the first line is the title when a blank line follows it),
    JSON Lines files (one article per line: "id" and "text", optional "title",
    "published", "url", "source"), folders of those, or - for stdin.

    Example: kg build examples/solar-farm.txt --published 2024-03-14 -o solar.ttl
    """
    from .entities import load_gazetteer
    from .pipeline import build as build_graphs

    authority = load_gazetteer(gazetteer) if gazetteer else None
    articles = read_articles(paths, published)
    try:
        with GraphWriter(output, fmt) as writer:
            for built in build_graphs(articles, model=model, base=base, gazetteer=authority):
                writer.add(built.name, built.graph)
    except ValidationError as error:
        if report and error.report is not None:
            error.report.serialize(destination=report, format="turtle")
        raise


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--shapes", type=click.Path(exists=True), metavar="PATH",
              help="A shapes file or folder (default: kg's own shapes).")
def validate(files, shapes):
    """Validate RDF files against kg's SHACL shapes (or yours).

    Exit 0 when every file conforms, 1 when one does not, 2 when one cannot be read.

    Example: kg validate seed.ttl
    """
    from .shacl import load_rdf, validate as check

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


if __name__ == "__main__":  # pragma: no cover
    main()
