"""Score kg's entity stage on the MEANTIME development articles.

Runs structure -> spaCy -> extract_entities on each gold article and prints the scorer's
rows names, names_typed and coref_b3; misses and false positives go to an error file.

  python bench/entities_dev.py [DIR ...] [--errors FILE] [--tools DIR]

DIR defaults to the airbus and apple folders of /work/shared/corpora/meantime-en; --tools is
the folder holding the kg_eval package (default /work/shared/tools).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from datetime import date
from pathlib import Path

from kg.entities.extract import extract_entities
from kg.model import Article
from kg.read.structure import analyse
from kg.text.load import load_nlp

CORPUS = Path("/work/shared/corpora/meantime-en")
DEFAULT_DIRS = [CORPUS / "airbus", CORPUS / "apple"]

# The scorer derives PER/ORG/LOC/PRO from the class local name (kg_eval/rdf.py); so do we.
COARSE = {
    "Person": "PER",
    "Organization": "ORG", "GovernmentOrganization": "ORG", "Corporation": "ORG", "Airline": "ORG",
    "NewsMediaOrganization": "ORG", "EducationalOrganization": "ORG", "SportsTeam": "ORG",
    "PoliticalParty": "ORG", "NGO": "ORG", "GovernmentOffice": "ORG", "PerformingGroup": "ORG",
    "Place": "LOC", "Country": "LOC", "City": "LOC", "State": "LOC", "AdministrativeArea": "LOC",
    "Continent": "LOC", "Landform": "LOC", "Airport": "LOC", "BodyOfWater": "LOC",
    "Product": "PRO", "ProductModel": "PRO", "Vehicle": "PRO", "SoftwareApplication": "PRO",
}


def coarse(curie: str) -> str | None:
    return COARSE.get(curie.split(":", 1)[-1])


def published(dct: str) -> date | None:
    try:
        return date.fromisoformat(dct[:10])
    except ValueError:
        return None


def predict(docs, is_name):
    nlp = load_nlp()
    articles = [Article(id=d.doc_id, text=d.text, title=d.title, published=published(d.dct)) for d in docs]
    layouts = [analyse(a) for a in articles]
    pred, found = {}, {}
    for article, layout, doc in zip(articles, layouts, nlp.pipe(la.analysis_text for la in layouts)):
        entities = extract_entities(doc, article, layout)
        found[article.id] = entities
        names = [(m.start, m.end, coarse(e.type)) for e in entities for m in e.mentions
                 if coarse(e.type) and is_name(m.text)]
        spans = {e.key: [(m.start, m.end) for m in e.mentions] for e in entities}
        pred[article.id] = {"names": names, "entity_spans": spans}
    return pred, found


def errors(docs, found, meantime, is_name, out):
    """Gold names no prediction overlaps, predicted names no gold name overlaps, and the chains."""
    for d in docs:
        text, entities = d.text, found[d.doc_id]
        gold = [(s, e, meantime.gold_entity_type(d, m)) for m, (k, s, e, a) in d.mentions.items()
                if k == "ENTITY_MENTION" and a.get("syntactic_type") == "NAM"]
        gold = [g for g in gold if g[2] in meantime.GOLD_TYPE]
        pred = [(m.start, m.end, coarse(e.type), e.key) for e in entities for m in e.mentions
                if m.start < d.annotated_end and coarse(e.type) and is_name(m.text)]
        matched = meantime.match([p[:2] for p in pred], [g[:2] for g in gold])
        out.write(f"\n=== {d.doc_id} {d.title}\n")
        for j, (s, e, t) in enumerate(gold):
            i = next((i for i, jj in matched.items() if jj == j), None)
            if i is None:
                near = [text[p[0]:p[1]] for p in pred if meantime.overlap((s, e), p[:2])]
                out.write(f"  MISS  {t} {text[s:e]!r}{' (taken: ' + ', '.join(near) + ')' if near else ''}\n")
            elif pred[i][2] != t:
                out.write(f"  TYPE  {t} {text[s:e]!r} got {pred[i][2]} ({pred[i][3]})\n")
        for i, (s, e, t, key) in enumerate(pred):
            if i not in matched:
                out.write(f"  FP    {t} {text[s:e]!r} ({key})\n")
        chains = defaultdict(list)
        for m, (k, s, e, a) in sorted(d.mentions.items(), key=lambda x: x[1][1]):
            if k == "ENTITY_MENTION":
                chains[d.refers.get(m, "m" + m)].append(text[s:e])
        out.write("  gold chains: " + "; ".join(" | ".join(v) for v in chains.values() if len(v) > 1) + "\n")
        for ent in entities:
            inside = [m.text for m in ent.mentions if m.start < d.annotated_end]
            if inside:
                out.write(f"  pred {ent.key} [{ent.type}] {ent.label!r}: {' | '.join(inside)}\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    parser.add_argument("--errors", type=Path, default=Path(tempfile.gettempdir()) / "kg-entities_dev.errors.txt")
    parser.add_argument("--tools", type=Path, default=Path("/work/shared/tools"))
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.tools))
    from kg_eval import meantime, rdf

    docs = meantime.load(args.dirs)
    pred, found = predict(docs, rdf._is_name)
    rows, _ = meantime.score(docs, pred)
    for name in ("names", "names_typed", "coref_b3"):
        p, r, f = rows[name]
        print(f"{name:12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    with open(args.errors, "w", encoding="utf-8") as out:
        errors(docs, found, meantime, rdf._is_name, out)
    print(f"errors written to {args.errors}", file=sys.stderr)


if __name__ == "__main__":
    main()
