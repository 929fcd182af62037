"""Does kg build scale on Dask, and does each worker's memory stay flat?

Builds a corpus of N articles from the MEANTIME development texts (as bench/speed.py does),
then runs, each in a fresh process, one after the other in the same run, all writing
sharded output (-o DIR/) with the same partition size:

  workers    kg build CORPUS -o DIR/ --workers 2         (kg's own process pool)
  local:1    kg build CORPUS -o DIR/ --cluster local:1   (a Dask LocalCluster of 1 worker)
  local:2    kg build CORPUS -o DIR/ --cluster local:2

and prints seconds, the speed-up of local:2 over local:1 and the ratio of local:2 to
--workers 2 (same corpus, so the ratio of words/s is the inverse ratio of seconds), and the
peak resident memory of the largest single process (a worker) at each corpus size. Times
are whole runs, model loading and cluster start-up included. It prints as well the CPU
seconds of each run's whole process tree (kg, its pool or its Dask workers, reaped by it):
on a machine shared with other work, wall-clock ratios are noise, and the CPU a run takes
is what decides its speed on a machine it has to itself. That the shards of every run
hold the same quads is checked as well.

The partition size (64) is a multiple of the batch size (32): a partition of 50 is parsed
and validated as a batch of 32 and one of 18, and each batch has a cost of its own (on 240
articles, local:2 took 41.0 CPU s with partitions of 50, 37.2 with partitions of 64).

    OPENBLAS_NUM_THREADS=1 python bench/cluster.py --articles 120,1200
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from speed import ROOT, family, rss, write_corpus  # noqa: E402

RUNS = {"workers 2": ["--workers", "2"], "local:1": ["--cluster", "local:1"], "local:2": ["--cluster", "local:2"]}


def measure(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds of the process tree and the peak RSS (MiB) of the largest
    single process of the run."""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True)
    peak = 0
    while process.poll() is None:
        peak = max([peak, *(rss(pid) for pid in family(process.pid))])
        time.sleep(0.1)
    elapsed = time.perf_counter() - started
    _, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({process.returncode}):\n{err}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu, peak // 1024


def _quads(folder: Path) -> set[str]:
    return {line for shard in folder.glob("part-*.nq") for line in shard.read_text(encoding="utf-8").splitlines()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", default="120,1200", help="corpus sizes, comma-separated (default 120,1200)")
    parser.add_argument("--partition-size", type=int, default=64)
    args = parser.parse_args()
    sizes = sorted(int(n) for n in args.articles.split(","))
    print(f"machine: {os.cpu_count()} cores; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            corpus = Path(folder) / f"corpus-{size}.jsonl"
            write_corpus(corpus, size)
            built = []
            for name, flags in RUNS.items():
                out = Path(folder) / f"{size}-{name.replace(' ', '-').replace(':', '')}"
                command = [sys.executable, "-m", "kg", "build", str(corpus), "-o", f"{out}/",
                           "--partition-size", str(args.partition_size), "-q", *flags]
                spent, cpu, peak = measure(command)
                rows.append((name, size, spent, cpu, peak))
                built.append(_quads(out))
            same = all(quads == built[0] for quads in built)
            print(f"{size} articles: the shards of every run hold the same quads: {'yes' if same else 'NO'}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'run':<10} {'articles':>8} {'seconds':>8} {'CPU seconds':>12} {'largest process MiB':>20}")
    for name, size, spent, cpu, peak in rows:
        print(f"{name:<10} {size:>8} {spent:>8.1f} {cpu:>12.1f} {peak:>20}")
    for size in sizes:
        seconds = {name: spent for name, s, spent, _, _ in rows if s == size}
        cpu = {name: spent for name, s, _, spent, _ in rows if s == size}
        print(f"{size} articles: local:2 / local:1 words/s {seconds['local:1'] / seconds['local:2']:.2f}; "
              f"local:2 / --workers 2 words/s {seconds['workers 2'] / seconds['local:2']:.2f}, "
              f"words per CPU second {cpu['workers 2'] / cpu['local:2']:.2f}")
    if len(sizes) > 1:
        peaks = {(name, s): peak for name, s, _, _, peak in rows}
        for name in RUNS:
            print(f"{name}: largest process at {sizes[-1]} / at {sizes[0]} articles: "
                  f"{peaks[(name, sizes[-1])] / peaks[(name, sizes[0])]:.2f}")


if __name__ == "__main__":
    main()
