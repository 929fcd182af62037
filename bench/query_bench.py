"""Benchmark: kg query (pyoxigraph) against rdflib's SPARQL on a synthetic million-triple file.

The claim checked: ``kg query`` answers a two-hop join (events -> agent -> label, filtered)
on a 1,000,000-triple N-Triples file in under a tenth of the time rdflib takes to parse the
same file and run the same query. Both must give the same number of rows.

    python bench/query_bench.py                  # generate, time, print; exit 1 if the claim fails
    python bench/query_bench.py --triples 200000 # a quicker run
    python bench/query_bench.py --keep big.nt    # keep (or reuse) the generated file

It takes a few minutes, almost all of it rdflib parsing the file.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KG = "https://kg.example.org/id/"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
KGO = "https://kg.example.org/ontology#"
SCHEMA = "https://schema.org/"
XSD_DATE = "<http://www.w3.org/2001/XMLSchema#date>"
EVENT_TYPES = ["Attack", "Protest", "Strike", "Meeting", "Agreement", "Threaten", "Close", "Destroy", "Sell", "Hire"]
ENTITY_TYPES = ["Country", "Organization", "Person"]
FACTUALITY = ["Asserted"] * 7 + ["Threatened", "Planned", "Negated"]
EVENT_TRIPLES, ENTITY_TRIPLES = 8, 2

QUERY = f"""PREFIX kgo: <{KGO}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <{SCHEMA}>
PREFIX sem: <{SEM}>
SELECT ?event ?label WHERE {{
  ?event a kgo:Attack ;
         kgo:factuality kgo:Asserted ;
         kgo:agent ?agent .
  ?agent a schema:Country ;
         rdfs:label ?label .
  FILTER(STRSTARTS(STR(?label), "Country 1"))
}}
"""


def generate(path: Path, triples: int, seed: int = 5) -> int:
    """A deterministic N-Triples file in kg's vocabulary: entities with labels, events with
    type, label, lemma, factuality, agent, patient and date. The number of triples written."""
    rng = random.Random(seed)
    entities = max(10, triples // 16 // ENTITY_TRIPLES)
    events = (triples - entities * ENTITY_TRIPLES) // EVENT_TRIPLES
    written = 0
    with open(path, "w", encoding="utf-8") as out:
        for i in range(entities):
            kind = ENTITY_TYPES[i % len(ENTITY_TYPES)]
            node = f"<{KG}entity/{kind.lower()}/{i}>"
            out.write(f"{node} {RDF_TYPE} <{SCHEMA}{kind}> .\n{node} {LABEL} \"{kind} {i}\"@en .\n")
            written += ENTITY_TRIPLES
        for i in range(events):
            kind = rng.choice(EVENT_TYPES)
            node = f"<{KG}article/a{i // 40}/event/{i}-{kind.lower()}>"
            agent, patient = rng.randrange(entities), rng.randrange(entities)
            agent_node = f"<{KG}entity/{ENTITY_TYPES[agent % 3].lower()}/{agent}>"
            patient_node = f"<{KG}entity/{ENTITY_TYPES[patient % 3].lower()}/{patient}>"
            day = f"2020-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            out.write(
                f"{node} {RDF_TYPE} <{SEM}Event> .\n"
                f"{node} {RDF_TYPE} <{KGO}{kind}> .\n"
                f"{node} {LABEL} \"{kind.lower()} {i}\"@en .\n"
                f"{node} <{KGO}lemma> \"{kind.lower()}\" .\n"
                f"{node} <{KGO}factuality> <{KGO}{rng.choice(FACTUALITY)}> .\n"
                f"{node} <{KGO}agent> {agent_node} .\n"
                f"{node} <{KGO}patient> {patient_node} .\n"
                f"{node} <{SEM}hasTime> <{KG}time/{day}> .\n"
            )
            written += EVENT_TRIPLES
    return written


def clock(action):
    start = time.perf_counter()
    value = action()
    return value, time.perf_counter() - start


def time_kg(path: Path) -> dict:
    from kg.stores.sparql import dataset, query

    start = time.perf_counter()
    with dataset([str(path)]) as store:
        loaded = time.perf_counter() - start
        rows, queried = clock(lambda: sum(1 for _ in query(store, QUERY)))
    return {"rows": rows, "load": loaded, "query": queried, "total": loaded + queried}


def time_kg_cli(path: Path, folder: Path) -> dict:
    """The command itself, end to end: Python start-up, imports, load, query and CSV output."""
    rq = folder / "two-hop.rq"
    rq.write_text(QUERY, encoding="utf-8")
    command = [sys.executable, "-m", "kg", "query", str(path), "--file", str(rq), "--format", "csv"]
    done, total = clock(lambda: subprocess.run(command, capture_output=True, check=True))
    rows = len(done.stdout.decode("utf-8").splitlines()) - 1  # less the header
    return {"rows": rows, "total": total}


def time_rdflib(path: Path) -> dict:
    from rdflib import Graph

    graph = Graph()
    _, parsed = clock(lambda: graph.parse(str(path), format="nt"))
    rows, queried = clock(lambda: sum(1 for _ in graph.query(QUERY)))
    return {"rows": rows, "load": parsed, "query": queried, "total": parsed + queried}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the generated file")
    parser.add_argument("--keep", type=Path, help="write the file here and keep it (reused when it exists)")
    options = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = options.keep or folder / "synthetic.nt"
        if path.exists():
            with open(path, encoding="utf-8") as lines:
                triples = sum(1 for _ in lines)
        else:
            triples = generate(path, options.triples)
        print(f"file: {path} ({triples:,} triples, {path.stat().st_size / 1e6:.0f} MB)")
        print("query: events of type Attack, asserted, whose agent is a Country labelled 'Country 1...'", flush=True)

        cli = time_kg_cli(path, folder)
        print(f"kg query (CLI) done in {cli['total']:.2f} s; now rdflib, which takes much longer", flush=True)
        oxigraph = time_kg(path)
        rdflib = time_rdflib(path)

    print(f"kg query (CLI, end to end): {cli['total']:8.2f} s   {cli['rows']} rows")
    print(f"kg.sparql load + query:     {oxigraph['total']:8.2f} s   (load {oxigraph['load']:.2f} s, "
          f"query {oxigraph['query']:.3f} s)   {oxigraph['rows']} rows")
    print(f"rdflib parse + query:       {rdflib['total']:8.2f} s   (parse {rdflib['load']:.2f} s, "
          f"query {rdflib['query']:.3f} s)   {rdflib['rows']} rows")
    print(f"ratio, kg query CLI / rdflib:          {cli['total'] / rdflib['total']:.4f}")
    print(f"ratio, kg.sparql load+query / rdflib:  {oxigraph['total'] / rdflib['total']:.4f}")
    print(f"ratio, query alone (kg / rdflib):      {oxigraph['query'] / rdflib['query']:.4f}")

    if not cli["rows"] == oxigraph["rows"] == rdflib["rows"]:
        print("FAIL: the engines disagree on the number of rows", file=sys.stderr)
        return 1
    if cli["total"] >= rdflib["total"] / 10:
        print("FAIL: kg query took a tenth of rdflib's time or more", file=sys.stderr)
        return 1
    print("ok: same rows; kg query under a tenth of rdflib's time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
