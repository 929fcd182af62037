"""Partitions: a corpus cut on the client, built on a Dask cluster or here, written as shards.

Articles are read here and cut into partitions of ``partition_size``, numbered from 0 in
input order. Each partition is built by kg's batch pipeline (kg.corpus, kg.pipeline): on a
Dask cluster as one task (``cluster``: "tcp://host:8786", or "local:N" for a LocalCluster
of N worker processes), or in this process's pool of ``workers``. A worker process loads
the spaCy pipeline once (kg.text.load's cache) and sends back N-Triples text.

Sharded output (ShardWriter) writes one N-Quads file per partition, part-00017.nq, each
atomically: on a cluster, the worker that builds a partition writes its shard when it sees
the client's folder (a file system they share; a mark file the client puts there tells it),
and sends back only the counts; otherwise the client writes it. A manifest.json follows each
shard: kg's version, the model, the base IRI,
and per shard its articles, triples, skips, a hash of its inputs and of its bytes. A run
given ``resume`` keeps the shards the manifest vouches for (same inputs, same bytes) and
builds only the others. The union of the shards is the set of quads a one-file nquads
build of the same input writes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import __version__
from .corpus import _batches, _portable, _restored, _run, _settle, build_corpus
from .errors import KgError, OutputError, StoreError
from .model import Article
from .pipeline import Built, Skipped
from .rdf.output import GraphWriter
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


def _build_partition(items: list[Item], options: dict, batch_size: int, shard: tuple[str, str] | None = None):
    """One partition on a Dask worker: kg's batches, sent back as portable outcomes; with
    ``shard`` (the shard's path, and the run's mark in its folder), when this worker sees the
    folder the client made (the mark is there: a file system they share), the worker writes
    the shard itself, atomically, and sends back only the counts: the graphs never pass
    through the client. Returns (outcomes, written or None)."""
    global _settled
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    if not _settled:  # once per worker process, as kg's own pool does: without it the garbage
        _settle(options)  # collector walked the whole model after every batch (12% of a 1,200-article run)
        _settled = True
    outcomes = [outcome for batch in _batches(items, batch_size) for outcome in _run(batch, options)]
    if shard is None or not os.path.isfile(shard[1]) or any(
            isinstance(o, Skipped) and o.stage == "cluster" for o in outcomes):
        return [_portable(outcome) for outcome in outcomes], None
    with GraphWriter(shard[0], "nquads") as writer:
        for outcome in outcomes:
            if isinstance(outcome, Built):
                writer.add_article(outcome)
    written = {"triples": writer.triples, "sha256": _bytes_hash(Path(shard[0]))}
    return [_portable(_without_lines(outcome)) for outcome in outcomes], written


def _without_lines(outcome: Built | Skipped) -> Built | Skipped:
    """A built article without its graph, which is in the shard already."""
    if isinstance(outcome, Built):
        return Built(outcome.article, outcome.name, outcome.words, outcome.entities, outcome.events,
                     outcome.triples, made_lines="")
    return outcome


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
    """Writes each partition as its own N-Quads shard in ``folder``, with the manifest.

    ``settings`` (model, base, ...) go into the manifest; with ``resume``, shards of an
    earlier run with the same settings, whose inputs and bytes match, are kept."""

    def __init__(self, folder: str, settings: dict, *, resume: bool = False):
        self.folder = Path(folder)
        self.settings = {"kg": __version__, **settings}
        self.shards: dict[str, dict] = {}
        self.kept = 0
        self.kept_skipped = 0  # articles skipped in the kept shards
        self._earlier: dict[str, dict] = {}
        if self.folder.exists() and not self.folder.is_dir():
            raise OutputError(f"{self.folder}: is a file, not a folder; give -o a folder for the shards")
        self.folder.mkdir(parents=True, exist_ok=True)
        if resume:
            self._earlier = self._read_earlier()
        self._mark: str | None = None

    def target(self, part: Partition) -> tuple[str, str]:
        """Where a worker writes this partition's shard, and the file that tells it it sees the
        client's folder (this run's mark, made once, removed by finish)."""
        if self._mark is None:
            handle, self._mark = tempfile.mkstemp(prefix=".kg-run.", suffix=".part", dir=self.folder)
            os.close(handle)
        return str((self.folder / part.name).resolve()), str(Path(self._mark).resolve())

    def _read_earlier(self) -> dict[str, dict]:
        path = self.folder / MANIFEST
        if not path.is_file():
            return {}
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
            earlier = {shard["file"]: shard for shard in manifest["shards"]}
        except (ValueError, KeyError, TypeError) as error:
            raise OutputError(f"{path}: not a kg manifest ({error}); remove it, or build into another folder") from None
        for key, value in self.settings.items():
            if manifest.get(key) != value:
                raise OutputError(f"{path}: the shards there were built with {key} {manifest.get(key)!r}, not "
                                  f"{value!r}; build into another folder, or run without --resume")
        return earlier

    def done(self, part: Partition) -> bool:
        """Whether an earlier run's shard of this partition can be kept (and keep it if so)."""
        earlier = self._earlier.get(part.name)
        if earlier is None or earlier.get("inputs") != part.inputs():
            return False
        path = self.folder / part.name
        if not path.is_file() or _bytes_hash(path) != earlier.get("sha256"):
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
        path = self.folder / part.name
        if part.written is not None:  # a worker wrote it: check that this machine sees those bytes
            if not path.is_file() or _bytes_hash(path) != part.written["sha256"]:
                raise OutputError(f"{path}: a worker wrote this shard but this machine does not see it; give -o a "
                                  "folder on a file system the workers and this machine share")
            triples = part.written["triples"]
        else:
            with self._cleaned(part.name):
                with GraphWriter(str(path), "nquads") as writer:
                    for outcome in part.outcomes:
                        if isinstance(outcome, Built):
                            writer.add_article(outcome)
            triples = writer.triples
        self.shards[part.name] = {
            "file": part.name,
            "articles": sum(isinstance(o, Built) for o in part.outcomes),
            "triples": triples,
            "skipped": [o.article for o in part.outcomes if isinstance(o, Skipped)],
            "inputs": part.inputs(),
            "sha256": _bytes_hash(path),
        }
        self._write_manifest()

    def finish(self) -> None:
        """Remove shards of an earlier run that this run did not make or keep, and the
        temporary files of a run that was killed while writing."""
        for path in self.folder.glob("part-*.nq"):
            if SHARD.fullmatch(path.name) and path.name not in self.shards:
                path.unlink()
        self.remove_temporaries()
        self._write_manifest()

    def remove_temporaries(self) -> None:
        """The temporary files of shards and manifests being written (by this process, by the
        workers, or by a run that was killed), and this run's mark."""
        for path in self.folder.glob(".*.part"):
            if TEMPORARY.fullmatch(path.name):
                path.unlink(missing_ok=True)
        self._mark = None

    def _write_manifest(self) -> None:
        shards = [self.shards[name] for name in sorted(self.shards)]
        manifest = {**self.settings, "shards": shards}
        with self._cleaned(MANIFEST):
            handle, name = tempfile.mkstemp(prefix=f".{MANIFEST}.", suffix=".part", dir=self.folder)
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
            os.chmod(name, 0o644)
            os.replace(name, self.folder / MANIFEST)

    @contextlib.contextmanager
    def _cleaned(self, name: str) -> Iterator[None]:
        """Interrupted (Ctrl-C lands anywhere, inside mkstemp too): remove the temporary files of ``name``."""
        try:
            yield
        except BaseException:
            for path in self.folder.glob(f".{name}.*.part"):
                path.unlink(missing_ok=True)
            raise


def _bytes_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return "sha256:" + digest.hexdigest()
