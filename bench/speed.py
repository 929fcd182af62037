"""How fast is kg build next to spaCy alone, and does its memory stay flat?

For each corpus size N (default 120 and 1,200), builds a corpus of N articles from the
MEANTIME development texts (airbus and apple, repeated with fresh ids to reach N), then runs,
each in a fresh process, one after the other in the same run:

  spacy   bare nlp.pipe over the texts: kg's pipeline (same model, batch size, processes)
  kg      kg build CORPUS -f nquads --workers W (reading, parsing, extraction, graphs,
          validation, writing)

at 1 and 2 workers, and prints the ratio of kg's words/s to spaCy's for each size and
worker count, and the ratio of kg's peak memory at the largest size to that at the smallest.
Then, in one process, where kg's time goes, stage by stage, on the smallest corpus. Times
are whole runs, model loading included for both; words are spaCy's non-space tokens. Peak
RSS is the largest sum over the process and its children, polled from /proc. The stage
table is CPU time (the process's own), which a busy machine disturbs less than wall time.

    OPENBLAS_NUM_THREADS=1 python bench/speed.py --articles 120,1200
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MEANTIME = [SHARED / "corpora" / "meantime-en" / name for name in ("airbus", "apple")]

BARE = """
import sys, json
from kg.text.load import load_nlp
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
nlp = load_nlp()
words = sum(sum(1 for t in doc if not t.is_space)
            for doc in nlp.pipe(texts, batch_size=int(sys.argv[2]), n_process=int(sys.argv[3])))
print(words)
"""

STAGES = """
import json, sys, time
from collections import Counter
import kg.corpus as corpus
import kg.pipeline as pipeline
from kg.read.files import read_inputs
from kg.rdf.output import GraphWriter
spent = Counter()
def timed(module, name):
    inner = getattr(module, name, None)
    if inner is None:  # an older kg, for a measurement before a change
        return
    def run(*args, **kwargs):
        started = time.process_time()
        try:
            return inner(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - started
    setattr(module, name, run)
for name in ("load_nlp", "analyse", "parse", "extract", "build_graph", "validate_each"):
    timed(pipeline, name)
timed(corpus, "_settle")
spent["_settle"] += 0
started = time.process_time()
with GraphWriter(sys.argv[2], "nquads") as writer:
    for built in corpus.build_corpus(read_inputs([sys.argv[1]], None, None), batch_size=int(sys.argv[3])):
        began = time.process_time()
        writer.add_article(built)
        spent["write"] += time.process_time() - began
spent["total"] = time.process_time() - started
print(json.dumps(spent))
"""
STAGE_NAMES = {"start-up": "load model and GeoNames", "analyse": "article structure", "parse": "spaCy parse",
               "extract": "entities, times, events", "build_graph": "graph building",
               "validate_each": "SHACL validation", "write": "N-Quads writing"}


def write_corpus(path: Path, articles: int) -> None:
    sys.path.insert(0, str(SHARED / "tools"))
    from kg_eval.meantime import load, write_jsonl

    docs = load(MEANTIME)
    with tempfile.TemporaryFile("w+", encoding="utf-8") as once:
        write_jsonl(docs, once)
        once.seek(0)
        records = [json.loads(line) for line in once]
    with open(path, "w", encoding="utf-8") as out:
        for n in range(articles):
            record = dict(records[n % len(records)], id=f"{records[n % len(records)]['id']}-{n // len(records)}")
            out.write(json.dumps(record) + "\n")


def family(root: int) -> set[int]:
    """A process and all its descendants, from /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                parents[int(entry)] = int(stat.rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    found, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in found} - found
        found |= more
        grew = bool(more)
    return found


def rss(pid: int) -> int:
    """Resident memory (KiB) of one process; 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss(root: int) -> int:
    """Resident memory (KiB) of a process and all its descendants."""
    return sum(rss(pid) for pid in family(root))


def measure(command: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS of the process tree (MiB), stdout."""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    peak = 0
    while process.poll() is None:
        peak = max(peak, _tree_rss(process.pid))
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    out, err = process.communicate()
    if process.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err}")
    return elapsed, peak // 1024, out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", default="120,1200", help="corpus sizes, comma-separated (default 120,1200)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--stages-only", action="store_true", help="only the stage-by-stage breakdown")
    args = parser.parse_args()
    sizes = sorted(int(n) for n in args.articles.split(","))
    cpu = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")), "?")
    print(f"machine: {os.cpu_count()} cores, {cpu}; python {sys.version.split()[0]}; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            corpus = Path(folder) / f"corpus-{size}.jsonl"
            write_corpus(corpus, size)
            if size == sizes[0]:
                _, _, out = measure([sys.executable, "-c", STAGES, str(corpus), str(Path(folder) / "stages.nq"),
                                     str(args.batch_size)])
                stages = json.loads(out)
                if args.stages_only:
                    break
            for workers in (1, 2):
                spent, peak, out = measure([sys.executable, "-c", BARE, str(corpus), str(args.batch_size), str(workers)])
                words = int(out)
                rows.append(("spacy", workers, size, spent, words / spent, peak))
                kg = [sys.executable, "-m", "kg", "build", str(corpus), "-f", "nquads", "-o",
                      str(Path(folder) / "out.nq"), "--workers", str(workers), "--batch-size", str(args.batch_size),
                      "--quiet"]
                spent, peak, _ = measure(kg)
                rows.append(("kg", workers, size, spent, words / spent, peak))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if rows:
        _print_runs(rows, sizes)
    _print_stages(stages, sizes[0])


def _print_runs(rows: list, sizes: list[int]) -> None:
    print(f"{'run':<6} {'workers':>7} {'articles':>8} {'seconds':>8} {'words/s':>8} {'peak MiB':>8}")
    for name, workers, articles, spent, rate, peak in rows:
        print(f"{name:<6} {workers:>7} {articles:>8} {spent:>8.1f} {rate:>8.0f} {peak:>8}")
    for size in sizes:
        for workers in (1, 2):
            bare = next(r for r in rows if r[:3] == ("spacy", workers, size))
            kg_row = next(r for r in rows if r[:3] == ("kg", workers, size))
            print(f"kg / spacy words/s, {size} articles, {workers} worker(s): {kg_row[4] / bare[4]:.2f}")
    if len(sizes) > 1:
        for workers in (1, 2):
            small = next(r for r in rows if r[:3] == ("kg", workers, sizes[0]))
            large = next(r for r in rows if r[:3] == ("kg", workers, sizes[-1]))
            print(f"kg peak RSS at {sizes[-1]} / at {sizes[0]} articles, {workers} worker(s): {large[5] / small[5]:.2f}")


def _print_stages(spent: dict, articles: int) -> None:
    spent["start-up"] = spent.get("_settle", 0) + spent.get("load_nlp", 0)
    print(f"\nwhere kg build's time goes (1 process, {articles} articles, CPU time):")
    print(f"{'stage':<24} {'seconds':>8} {'ms/article':>10} {'x parse':>8}")
    for name, label in STAGE_NAMES.items():
        print(f"{label:<24} {spent.get(name, 0):>8.2f} {1000 * spent.get(name, 0) / articles:>10.1f} "
              f"{spent.get(name, 0) / spent['parse']:>8.2f}")
    print(f"{'total':<24} {spent['total']:>8.2f} {1000 * spent['total'] / articles:>10.1f} "
          f"{spent['total'] / spent['parse']:>8.2f}")


if __name__ == "__main__":
    main()
