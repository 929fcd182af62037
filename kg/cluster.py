"""Partitions: a corpus cut on the client, built on a Dask cluster or here, written as shards.

Articles are read here and cut into partitions of ``partition_size``, numbered from 0 in
input order. Each partition is built by kg's batch pipeline (kg.corpus, kg.pipeline): on a
Dask cluster as one task (``cluster``: "tcp://host:8786", or "local:N" for a LocalCluster
of N worker processes), or in this process's pool of ``workers``. A worker process loads
the spaCy pipeline once (kg.text.load's cache) and sends back N-Triples text.

Sharded output (ShardWriter) writes one N-Quads file per partition, part-00017.nq, each
atomically, into a folder on this machine or at an fsspec URL (kg.rdf.folders): on a
cluster, the worker that builds a partition writes its shard when it sees the client's
folder (a file system they share, or a URL both reach; a mark file the client puts there
tells it), and sends back only the counts; otherwise the client writes it. A manifest.json
follows each shard: kg's version, the model, the base IRI, and per shard its articles,
triples, skips, a hash of its inputs and of its bytes. A run
given ``resume`` keeps the shards the manifest vouches for (same inputs, same bytes) and
builds only the others. The union of the shards is the set of quads a one-file nquads
build of the same input writes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import secrets
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import __version__
from .corpus import _batches, _portable, _restored, _run, _settle, build_corpus
from .errors import KgError, OutputError, StoreError
from .model import Article
from .pipeline import Built, Skipped
from .rdf.folders import open_folder, sha256
from .rdf.output import checked_nquads
from .read.files import Unreadable

INSTALL = 'pip install "kg[cluster]"'
MANIFEST = "manifest.json"
SHARD = re.compile(r"part-(\d{5,})\.nq")
TEMPORARY = re.compile(rf"\.(part-\d{{5,}}\.nq|{re.escape(MANIFEST)}|kg-run)\.\w+\.part")  # GraphWriter's and ours
DEFAULT_PARTITION_SIZE = 256

Item = Article | Unreadable


@dataclass
class Partition:
    index: int
    items: list[Item]
    outcomes: list[Built | Skipped] = field(default_factory=list)
    written: dict | None = None  # the shard a worker wrote itself: {"triples": ..., "sha256": ...}

    @property
    def name(self) -> str:
        return f"part-{self.index:05d}.nq"

    def inputs(self) -> str:
        """A hash of the partition's input: each article's id and text, each unreadable input's origin."""
        digest = hashlib.sha256()
        for item in self.items:
            if isinstance(item, Article):
                record = ["article", item.id, item.title, item.published and item.published.isoformat(), item.url,
                          item.source, item.text]
            else:
                record = ["unreadable", item.origin]
            digest.update(json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n")
        return "sha256:" + digest.hexdigest()


def partitions(items: Iterable[Item], size: int) -> Iterator[Partition]:
    """The items cut into numbered partitions, lazily."""
    for index, batch in enumerate(_batches(items, size)):
        yield Partition(index, batch)


def dask_available() -> bool:
    try:
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


def build_partitions(parts: Iterable[Partition], options: dict, *, batch_size: int = 32, workers: int = 1,
                     cluster: str | None = None, shards: ShardWriter | None = None) -> Iterator[Partition]:
    """Each partition with its outcomes (one per item, in order), in partition order. On a
    cluster, with ``shards``, a worker that sees the shard folder writes its shard itself."""
    if cluster is not None:
        yield from _on_cluster(parts, options, batch_size, cluster, shards)
        return
    pending: deque[Partition] = deque()

    def items() -> Iterator[Item]:
        for part in parts:
            pending.append(part)
            yield from part.items

    for outcome in build_corpus(items(), batch_size=batch_size, workers=workers, **options):
        part = pending[0]
        part.outcomes.append(outcome)
        if len(part.outcomes) == len(part.items):
            yield pending.popleft()


# ---------------------------------------------------------------- Dask

_settled = False  # whether this worker process has loaded the model and frozen it (kg.corpus._settle)


def _build_partition(items: list[Item], options: dict, batch_size: int, shard: tuple[str, str, str] | None = None):
    """One partition on a Dask worker: kg's batches, sent back as portable outcomes; with
    ``shard`` (the shard folder's location, a path or a URL, the shard's name, and the run's
    mark in the folder), when this worker sees the folder the client made (the mark is there:
    a file system they share, or a URL both reach), the worker writes the shard itself,
    atomically, and sends back only the counts: the graphs never pass through the client.
    Returns (outcomes, written or None)."""
    global _settled
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if not _settled:  # once per worker process, as kg's own pool does: without it the garbage
        _settle(options)  # collector walked the whole model after every batch (12% of a 1,200-article run)
        _settled = True
    outcomes = [outcome for batch in _batches(items, batch_size) for outcome in _run(batch, options)]
    folder = _seen(shard) if shard is not None else None
    if folder is None or any(isinstance(o, Skipped) and o.stage == "cluster" for o in outcomes):
        return [_portable(outcome) for outcome in outcomes], None
    data, triples = shard_bytes(outcomes)
    folder.write(shard[1], data)
    written = {"triples": triples, "sha256": sha256([data]), "bytes": len(data)}
    return [_portable(_without_lines(outcome)) for outcome in outcomes], written


def _seen(shard: tuple[str, str, str]):
    """The shard's folder, when this worker sees the client's mark in it; None when it does not
    (another machine's disk, no fsspec here, no credentials here): the client writes the shard."""
    location, _, mark = shard
    try:
        folder = open_folder(location)
        return folder if folder.exists(mark) else None
    except Exception:
        return None


def _without_lines(outcome: Built | Skipped) -> Built | Skipped:
    """A built article without its graph, which is in the shard already."""
    if isinstance(outcome, Built):
        return Built(outcome.article, outcome.name, outcome.words, outcome.entities, outcome.events,
                     outcome.triples, made_lines="")
    return outcome


def shard_bytes(outcomes: list[Built | Skipped]) -> tuple[bytes, int]:
    """A partition's shard: its built articles' graphs as N-Quads, each article its own named
    graph, checked by the strict parser; and its number of triples."""
    text, triples = checked_nquads([(o.name, o.lines, o.triples) for o in outcomes if isinstance(o, Built)])
    return text.encode("utf-8"), triples


# Dask's housekeeping on kg's own LocalCluster. A worker's event loop thread wakes to sample
# the task thread's stack (every 10 ms), check the loop's health (20 ms), its memory (100 ms)
# and the system (500 ms); each wake takes the GIL from the task thread that builds the
# graphs. Measured on 160 articles in 20-article tasks: the worker processes' CPU beyond the
# task threads' fell from 2.7 s to 0.4 s (of 18 s), with all four together (any one alone
# left 2.1 to 3.2 s). Memory is still watched every second: a worker past its limit is restarted.
# An operator's `dask worker` takes the same settings from its environment (README).
QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
}


def check_cluster(cluster: str) -> None:
    """Refuse, before any work, an address kg cannot use or a missing Dask."""
    if not dask_available():
        raise KgError(f"--cluster runs kg on Dask, which is not installed: {INSTALL}")
    match = re.fullmatch(r"local:(\d+)", cluster)
    if match and int(match.group(1)) < 1:
        raise KgError(f"--cluster {cluster}: give local:N with N at least 1")
    if not match and not re.fullmatch(r"(tcp|tls)://[^/\s]+:\d+", cluster):
        raise KgError(f"--cluster {cluster!r} is no scheduler address; give one like tcp://scheduler:8786, or local:N")


def _client(cluster: str):
    check_cluster(cluster)
    from distributed import Client, LocalCluster

    if match := re.fullmatch(r"local:(\d+)", cluster):
        import dask

        with dask.config.set(QUIET):  # the nannies pass it on to the worker processes they start
            local = LocalCluster(n_workers=int(match.group(1)), threads_per_worker=1, processes=True,
                                 dashboard_address=None)
        return Client(local), local
    try:
        return Client(cluster, timeout="30s"), None
    except OSError as error:
        raise KgError(f"--cluster {cluster}: cannot reach the Dask scheduler ({error}); start one with "
                      "`dask scheduler` and check the address") from None


def _on_cluster(parts: Iterable[Partition], options: dict, batch_size: int, cluster: str,
                shards: ShardWriter | None = None) -> Iterator[Partition]:
    client, local = _client(cluster)
    try:
        in_flight = 2 * max(1, len(client.scheduler_info().get("workers", {})))
        pending: deque = deque()
        for part in parts:
            shard = shards.target(part) if shards is not None else None
            pending.append((part, client.submit(_build_partition, part.items, options, batch_size, shard, pure=False)))
            if len(pending) >= in_flight:
                yield _collected(*pending.popleft())
        while pending:
            yield _collected(*pending.popleft())
    finally:
        client.close()
        if local is not None:
            local.close()


def _collected(part: Partition, future) -> Partition:
    try:
        outcomes, part.written = future.result()
        part.outcomes = [_restored(portable) for portable in outcomes]
    except StoreError:  # --endpoint refused or out of reach: every partition would fail the same way
        raise
    except Exception as error:  # the task failed on every worker that tried it: report its articles, go on
        reason = (f"partition {part.index} failed on the cluster ({type(error).__name__}: {error}); "
                  "run again with -o DIR/ --resume to retry it")
        part.outcomes = [Skipped(_id(item), f"{_origin(item)}: {reason}", "cluster") for item in part.items]
    return part


def _id(item: Item) -> str:
    return item.id if isinstance(item, Article) else item.origin


def _origin(item: Item) -> str:
    return (item.origin or item.id) if isinstance(item, Article) else item.origin


# ---------------------------------------------------------------- shards

def is_folder_target(output: str | None) -> bool:
    """Whether -o names a folder of shards (it ends with a slash)."""
    return output is not None and output.endswith(("/", os.sep))


class ShardWriter:
    """Writes each partition as its own N-Quads shard in ``folder`` (a path or an fsspec URL),
    with the manifest.

    ``settings`` (model, base, ...) go into the manifest; with ``resume``, shards of an
    earlier run with the same settings, whose inputs and bytes match, are kept."""

    def __init__(self, folder: str, settings: dict, *, resume: bool = False):
        self.folder = open_folder(folder)
        self.settings = {"kg": __version__, **settings}
        self.shards: dict[str, dict] = {}
        self.kept = 0
        self.kept_skipped = 0  # articles skipped in the kept shards
        self._earlier: dict[str, dict] = {}
        self.folder.make()
        if resume:
            self._earlier = self._read_earlier()
        self._mark: str | None = None

    def target(self, part: Partition) -> tuple[str, str, str]:
        """Where a worker writes this partition's shard: the folder's location, the shard's
        name, and the file that tells the worker it sees the client's folder (this run's mark,
        made once, removed by finish)."""
        if self._mark is None:
            self._mark = f".kg-run.{secrets.token_hex(8)}.part"
            self.folder.write(self._mark, b"")
        return self.folder.location, part.name, self._mark

    def _read_earlier(self) -> dict[str, dict]:
        data = self.folder.read(MANIFEST)
        if data is None:
            return {}
        where = self.folder.where(MANIFEST)
        try:
            manifest = json.loads(data.decode("utf-8"))
            earlier = {shard["file"]: shard for shard in manifest["shards"]}
        except (ValueError, KeyError, TypeError) as error:
            raise OutputError(f"{where}: not a kg manifest ({error}); remove it, or build into another folder") from None
        for key, value in self.settings.items():
            if manifest.get(key) != value:
                raise OutputError(f"{where}: the shards there were built with {key} {manifest.get(key)!r}, not "
                                  f"{value!r}; build into another folder, or run without --resume")
        return earlier

    def done(self, part: Partition) -> bool:
        """Whether an earlier run's shard of this partition can be kept (and keep it if so)."""
        earlier = self._earlier.get(part.name)
        if earlier is None or earlier.get("inputs") != part.inputs():
            return False
        if self.folder.hash(part.name) != earlier.get("sha256"):
            return False
        self.shards[part.name] = earlier
        self.kept += 1
        self.kept_skipped += len(earlier.get("skipped", []))
        self._write_manifest()
        return True

    def add(self, part: Partition) -> None:
        """Write a built partition's shard (unless it failed on the cluster), then the manifest."""
        if any(isinstance(o, Skipped) and o.stage == "cluster" for o in part.outcomes):
            return  # no shard: --resume builds it again
        if part.written is not None:  # a worker wrote it: check that this machine sees those bytes
            if not self.folder.holds(part.name, part.written):
                raise OutputError(f"{self.folder.where(part.name)}: a worker wrote this shard but this machine does "
                                  "not see it; give -o a folder on a file system the workers and this machine "
                                  "share, or a URL they all reach")
            triples, digest = part.written["triples"], part.written["sha256"]
        else:
            data, triples = shard_bytes(part.outcomes)
            self.folder.write(part.name, data)
            digest = sha256([data])
        self.shards[part.name] = {
            "file": part.name,
            "articles": sum(isinstance(o, Built) for o in part.outcomes),
            "triples": triples,
            "skipped": [o.article for o in part.outcomes if isinstance(o, Skipped)],
            "inputs": part.inputs(),
            "sha256": digest,
        }
        self._write_manifest()

    def finish(self) -> None:
        """Remove shards of an earlier run that this run did not make or keep, and the
        temporary files of a run that was killed while writing."""
        for name in self.folder.names():
            if SHARD.fullmatch(name) and name not in self.shards:
                self.folder.remove(name)
        self.remove_temporaries()
        self._write_manifest()

    def remove_temporaries(self) -> None:
        """The temporary files of shards and manifests being written (by this process, by the
        workers, or by a run that was killed), and this run's mark."""
        for name in self.folder.names():
            if TEMPORARY.fullmatch(name):
                self.folder.remove(name)
        self._mark = None

    def _write_manifest(self) -> None:
        shards = [self.shards[name] for name in sorted(self.shards)]
        manifest = {**self.settings, "shards": shards}
        self.folder.write(MANIFEST, (json.dumps(manifest, indent=1, ensure_ascii=False) + "\n").encode("utf-8"))
