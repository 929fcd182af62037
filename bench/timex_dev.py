"""Score kg's time stage on the MEANTIME development articles.

Runs structure -> spaCy -> extract_times on each gold article and prints the scorer's rows
timex (detection) and timex_value (the normalised value as well); misses, false positives
and wrong values go to an error file.

  python bench/timex_dev.py [DIR ...] [--errors FILE] [--tools DIR]

DIR defaults to the airbus and apple folders of /work/shared/corpora/meantime-en; --tools is
the folder holding the kg_eval package (default /work/shared/tools). These articles are the
development set: tune for rules any news normaliser should have, never for their strings.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from kg.model import Article
from kg.read.structure import analyse
from kg.text.load import load_nlp
from kg.times.extract import extract_times

CORPUS = Path("/work/shared/corpora/meantime-en")
DEFAULT_DIRS = [CORPUS / "airbus", CORPUS / "apple"]


def published(dct: str) -> date | None:
    try:
        return date.fromisoformat(dct[:10])
    except ValueError:
        return None


def predict(docs):
    nlp = load_nlp()
    articles = [Article(id=d.doc_id, text=d.text, title=d.title, published=published(d.dct)) for d in docs]
    layouts = [analyse(a) for a in articles]
    found = {}
    for article, layout, doc in zip(articles, layouts, nlp.pipe(la.analysis_text for la in layouts), strict=True):
        # the pipeline's anchor: the publication date, else the article's own date line
        found[article.id] = extract_times(doc, article.published or layout.dateline)
    pred = {k: {"timex": [(t.span.start, t.span.end, t.value) for t in v]} for k, v in found.items()}
    return pred, found


def errors(docs, found, meantime, out):
    """Gold timexes nothing overlaps (MISS), wrong values (VALUE), predictions no gold overlaps (FP)."""
    for d in docs:
        gold = sorted((s, e, a.get("value"), a.get("type")) for k, s, e, a in d.mentions.values()
                      if k == "TIMEX3" and a.get("type") in ("DATE", "TIME"))
        pred = [t for t in found[d.doc_id] if t.span.start < d.annotated_end]
        out.write(f"\n=== {d.doc_id} dct={d.dct} {d.title}\n")
        for s, e, value, kind in gold:
            hits = [t for t in pred if meantime.overlap((s, e), (t.span.start, t.span.end))]
            if not hits:
                out.write(f"  MISS   {kind} {d.text[s:e]!r} = {value}\n")
            elif all(meantime.norm_val(t.value) != meantime.norm_val(value) for t in hits):
                out.write(f"  VALUE  {d.text[s:e]!r} = {value}, got {hits[0].span.text!r} = {hits[0].value}\n")
        for t in pred:
            if not any(meantime.overlap((s, e), (t.span.start, t.span.end)) for s, e, _, _ in gold):
                out.write(f"  FP     {t.span.text!r} = {t.value}\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=DEFAULT_DIRS)
    parser.add_argument("--errors", type=Path, default=Path(tempfile.gettempdir()) / "timex_dev.errors.txt")
    parser.add_argument("--tools", type=Path, default=Path("/work/shared/tools"))
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.tools))
    from kg_eval import meantime

    docs = meantime.load(args.dirs)
    pred, found = predict(docs)
    rows, _ = meantime.score(docs, pred)
    for name in ("timex", "timex_value"):
        p, r, f = rows[name]
        print(f"{name:12} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    with open(args.errors, "w", encoding="utf-8") as out:
        errors(docs, found, meantime, out)
    print(f"errors written to {args.errors}", file=sys.stderr)


if __name__ == "__main__":
    main()
