"""kg build on a Dask cluster and into shards: a real scheduler and two real workers, started
as an operator would (`dask scheduler`, `dask worker`), and the shards' quads compared with a
one-file build's."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main

from .conftest import interrupted_build

# A dozen hand-written news sentences, in several genres: one article each.
STORIES = [
    "Dockworkers in Rotterdam walked off the job on Monday, halting container traffic at Europe's largest port.",
    "The mayor of Lyon announced on Tuesday that the city would close three schools after heavy flooding.",
    "Police in Nairobi arrested two men on Wednesday over the theft of medical supplies from a hospital.",
    "Brazil's central bank raised its main interest rate on Thursday for the fourth time this year.",
    "Rebels attacked an army base near Goma on Friday, killing five soldiers, officials said.",
    "Germany's chancellor met the French president in Berlin on Saturday to discuss energy prices.",
    "A fire destroyed a textile factory in Dhaka on Sunday, and firefighters rescued twenty workers.",
    "Japan's prime minister visited Washington on Monday and signed a trade agreement with the United States.",
    "Farmers blocked roads outside Madrid on Tuesday to protest against rising fuel costs.",
    "The United Nations sent food aid to Sudan on Wednesday after months of fighting.",
    "Canada's health minister resigned on Thursday after a scandal over hospital contracts.",
    "Students marched through Santiago on Friday demanding lower university fees.",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    with open(path, "w", encoding="utf-8") as stream:
        for number, text in enumerate(STORIES):
            stream.write(json.dumps({"id": f"story-{number:02d}", "text": text,
                                     "published": f"2024-05-{number + 1:02d}"}) + "\n")
    return path


def _build(*args):
    return CliRunner().invoke(main, ["build", *args], catch_exceptions=False)


def _quads(*paths) -> set[str]:
    return {str(quad) for path in paths for quad in pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.N_QUADS)}


def _shards(folder):
    return sorted(folder.glob("part-*.nq"))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """A Dask scheduler and two single-threaded workers on 127.0.0.1, as separate processes."""
    with _dask(tmp_path_factory.mktemp("dask")) as (address, _):
        yield address


@contextlib.contextmanager
def _dask(logs, *worker_options):
    """Start `dask scheduler` and two `dask worker`s as an operator would; (address, the workers).
    Everything is stopped on the way out."""
    pytest.importorskip("distributed")
    dask = shutil.which("dask")
    assert dask is not None, "the dask command is missing: pip install 'kg[cluster]'"
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in [os.path.dirname(os.path.dirname(__file__)),
                                                                    os.environ.get("PYTHONPATH", "")] if p)}
    processes = []
    try:
        processes.append(subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                           "--no-dashboard"], stdout=subprocess.DEVNULL,
                                          stderr=open(logs / "scheduler.log", "w"), env=env))
        for number in range(2):
            processes.append(subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--nworkers", "1",
                                               "--no-dashboard", "--host", "127.0.0.1", *worker_options],
                                              stdout=subprocess.DEVNULL,
                                              stderr=open(logs / f"worker-{number}.log", "w"), env=env))
        from distributed import Client

        deadline = time.monotonic() + 120
        while True:  # the scheduler takes a moment to listen
            try:
                with Client(address, timeout="5s") as client:
                    client.wait_for_workers(2, timeout=120)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)
        yield address, processes[1:]
    finally:
        for process in reversed(processes):
            if process.poll() is None:
                process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="module")
def local_build(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "all.nq"
    result = _build(str(corpus), "-f", "nquads", "-o", str(out), "--workers", "1", "-q")
    assert result.exit_code == 0, result.stderr
    return _quads(out)


@pytest.mark.model
def test_shards_built_on_a_cluster_hold_the_quads_of_a_local_build(scheduler, corpus, local_build, tmp_path):
    folder = tmp_path / "shards"
    result = _build(str(corpus), "--cluster", scheduler, "--partition-size", "5", "-o", f"{folder}/")
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in _shards(folder)] == ["part-00000.nq", "part-00001.nq", "part-00002.nq"]
    assert _quads(*_shards(folder)) == local_build
    manifest = json.loads((folder / "manifest.json").read_text())
    assert [s["articles"] for s in manifest["shards"]] == [5, 5, 2]
    assert sum(s["triples"] for s in manifest["shards"]) == len(local_build)
    assert manifest["base"] == "https://kg.example.org/id/" and manifest["kg"]
    assert not list(folder.glob(".*"))  # no temporary file left
    here = tmp_path / "here"  # the same shards, byte for byte, built in this process
    assert _build(str(corpus), "--workers", "1", "--partition-size", "5", "-o", f"{here}/", "-q").exit_code == 0
    assert (here / "manifest.json").read_bytes() == (folder / "manifest.json").read_bytes()


@pytest.mark.model
def test_resume_rebuilds_only_the_missing_shard(scheduler, corpus, local_build, tmp_path):
    folder = tmp_path / "shards"
    assert _build(str(corpus), "--cluster", scheduler, "--partition-size", "5", "-o", f"{folder}/").exit_code == 0
    first = (folder / "manifest.json").read_text()
    (folder / "part-00001.nq").unlink()
    kept = {p.name: p.stat().st_mtime_ns for p in _shards(folder)}
    time.sleep(0.05)
    result = _build(str(corpus), "--cluster", scheduler, "--partition-size", "5", "-o", f"{folder}/", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "kept 2 shards" in result.stderr
    assert {p.name: p.stat().st_mtime_ns for p in _shards(folder) if p.name in kept} == kept
    assert (folder / "part-00001.nq").is_file()
    assert _quads(*_shards(folder)) == local_build
    assert (folder / "manifest.json").read_text() == first  # the same bytes: nothing in it depends on the run


@pytest.mark.model
def test_a_cluster_build_to_one_file_is_a_local_build(scheduler, corpus, local_build, tmp_path):
    out = tmp_path / "all.nq"
    result = _build(str(corpus), "--cluster", scheduler, "--partition-size", "4", "-f", "nquads", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert "12 articles" in result.stderr
    assert _quads(out) == local_build


@pytest.mark.model
def test_a_local_cluster_builds_the_same_shards(corpus, tmp_path):
    pytest.importorskip("distributed")
    here, there = tmp_path / "here", tmp_path / "there"
    assert _build(str(corpus), "--workers", "1", "--partition-size", "5", "-o", f"{here}/", "-q").exit_code == 0
    result = _build(str(corpus), "--cluster", "local:1", "--partition-size", "5", "-o", f"{there}/")
    assert result.exit_code == 0, result.stderr
    assert (here / "manifest.json").read_bytes() == (there / "manifest.json").read_bytes()


def test_kgs_local_cluster_starts_its_workers_without_dasks_frequent_wakes():
    """The stack sampler (every 10 ms) and the loop's health check (20 ms) took the GIL from
    the task thread that builds the graphs: kg's LocalCluster runs without the first and with
    the second, the system and the memory monitors slowed down; the caller's Dask settings
    stay as they were."""
    pytest.importorskip("distributed")
    import dask

    from kg.cluster import QUIET, _client

    client, local = _client("local:1")
    try:
        def settings(dask_worker):
            return {key: dask.config.get(key) for key in QUIET}, sorted(dask_worker.periodic_callbacks)

        (seen, callbacks), = client.run(settings).values()
    finally:
        client.close()
        local.close()
    assert seen == QUIET
    assert "heartbeat" in callbacks and "profile" not in callbacks and "profile-cycle" not in callbacks
    assert dask.config.get("distributed.worker.profile.enabled") is True  # must not: this process's own config
    assert dask.config.get("distributed.admin.tick.interval") == "20ms"


@pytest.mark.model
def test_sharded_output_without_a_cluster_and_a_changed_input_is_rebuilt(corpus, local_build, tmp_path):
    folder = tmp_path / "shards"
    assert _build(str(corpus), "--workers", "1", "--partition-size", "5", "-o", f"{folder}/", "-q").exit_code == 0
    assert _quads(*_shards(folder)) == local_build
    changed = tmp_path / "news.jsonl"
    lines = corpus.read_text().splitlines(keepends=True)
    record = json.loads(lines[11])
    record["text"] = "Students marched through Lima on Friday demanding lower university fees."
    changed.write_text("".join(lines[:11]) + json.dumps(record) + "\n")
    kept = {p.name: p.stat().st_mtime_ns for p in _shards(folder)}
    result = _build(str(changed), "--workers", "1", "--partition-size", "5", "-o", f"{folder}/", "--resume")
    assert result.exit_code == 0, result.stderr
    after = {p.name: p.stat().st_mtime_ns for p in _shards(folder)}
    assert after["part-00000.nq"] == kept["part-00000.nq"] and after["part-00001.nq"] == kept["part-00001.nq"]
    assert after["part-00002.nq"] != kept["part-00002.nq"]
    assert "Lima" in (folder / "part-00002.nq").read_text() and "Santiago" not in (folder / "part-00002.nq").read_text()


@pytest.mark.model
def test_a_build_that_loses_a_worker_still_completes_with_the_same_quads(corpus, local_build, tmp_path):
    """SIGKILL one of two workers (no nanny restarts it) after the first shard is written, one that
    holds work: the scheduler gives its tasks, and the results it held that the client had not
    fetched yet, to the other worker. The run reads six articles from a file and the rest from stdin, which the
    test holds back until the kill, so the kill always lands mid-run."""
    lines = corpus.read_text().splitlines(keepends=True)
    first = tmp_path / "first.jsonl"
    first.write_text("".join(lines[:6]))
    folder = tmp_path / "shards"
    with _dask(tmp_path, "--no-nanny") as (address, workers):
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in [os.path.dirname(os.path.dirname(__file__)),
                                                                        os.environ.get("PYTHONPATH", "")] if p)}
        process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(first), "-", "--cluster", address,
                                    "--partition-size", "1", "--batch-size", "1", "-o", f"{folder}/"], env=env,
                                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 180
            while not _listed(folder):
                assert process.poll() is None, process.communicate()[1]
                assert time.monotonic() < deadline, "the run wrote no shard"
                time.sleep(0.02)
            lost = _a_worker_holding_work(address, workers)
            lost.kill()
            lost.wait()
            _, stderr = process.communicate("".join(lines[6:]), timeout=180)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        assert process.returncode == 0, stderr
        assert "Remove worker" in (tmp_path / "scheduler.log").read_text()  # the scheduler saw it go
    assert "12 articles" in stderr and "0 skipped" in stderr
    assert len(_shards(folder)) == 12 and _quads(*_shards(folder)) == local_build


# ---------------------------------------------------------------- refusals, no model needed

def test_a_partition_that_failed_on_every_worker_is_reported_like_skipped_articles(tmp_path):
    """What Dask's KilledWorker (a task whose workers died allowed-failures times) becomes: one
    skip per article, naming it and how to retry, and no shard, so --resume builds it again."""
    from kg.cluster import Partition, ShardWriter, _collected
    from kg.model import Article
    from kg.progress import Tally

    class Failed:  # a future whose task failed on the cluster
        def result(self):
            raise RuntimeError("Attempted to run task on 3 different workers, all of which died")

    articles = [Article("story-03", "A strike began.", origin="news.jsonl line 4"), Article("story-04", "It ended.")]
    part = _collected(Partition(2, articles), Failed())
    assert [(o.article, o.stage) for o in part.outcomes] == [("story-03", "cluster"), ("story-04", "cluster")]
    assert part.outcomes[0].reason.startswith("news.jsonl line 4: partition 2 failed on the cluster (RuntimeError: ")
    assert part.outcomes[1].reason.startswith("story-04: partition 2 failed")
    assert "-o DIR/ --resume" in part.outcomes[0].reason
    tally = Tally()
    assert [tally.add(o) for o in part.outcomes] == [[], []] and len(tally.skips) == 2  # counted as skips
    writer = ShardWriter(f"{tmp_path}/shards/", {"model": "m"})
    writer.add(part)
    assert not (tmp_path / "shards" / "part-00002.nq").exists() and writer.shards == {}


def test_cluster_without_dask_exits_2_with_the_install_command(corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed raises ImportError
    result = _build(str(corpus), "--cluster", "local:1", "-o", str(tmp_path / "out.nq"), "-f", "nquads")
    assert result.exit_code == 2
    assert 'pip install "kg[cluster]"' in result.stderr
    assert not (tmp_path / "out.nq").exists()
    result = _build(str(corpus), "--cluster", "local:2", "-o", f"{tmp_path}/shards/")
    assert result.exit_code == 2 and not (tmp_path / "shards").exists()  # refused before any folder is made


def test_a_cluster_address_kg_cannot_use_is_refused(corpus, tmp_path):
    pytest.importorskip("distributed")
    for address in ("scheduler:8786", "local:0", "http://scheduler:8786"):
        result = _build(str(corpus), "--cluster", address, "-o", f"{tmp_path}/shards/")
        assert result.exit_code == 2 and "--cluster" in result.stderr, address
    assert not (tmp_path / "shards").exists()


def test_resume_needs_a_folder_of_shards(corpus, tmp_path):
    result = _build(str(corpus), "--resume", "-o", str(tmp_path / "out.nq"))
    assert result.exit_code == 2 and "-o DIR/" in result.stderr


def test_resume_refuses_shards_built_with_another_base(corpus, tmp_path):
    folder = tmp_path / "shards"
    folder.mkdir()
    from kg import __version__
    from kg.text.load import model_name

    (folder / "manifest.json").write_text(json.dumps({"kg": __version__, "model": model_name(),
                                                      "base": "https://other.example/id/", "shards": []}))
    result = _build(str(corpus), "-o", f"{folder}/", "--resume")
    assert result.exit_code == 2
    assert "built with base 'https://other.example/id/'" in result.stderr


def test_shards_are_n_quads_only(corpus, tmp_path):
    result = _build(str(corpus), "-o", f"{tmp_path}/shards/", "-f", "turtle")
    assert result.exit_code == 2 and "N-Quads shards" in result.stderr


@pytest.mark.model
def test_a_skipped_input_is_in_its_shards_manifest_entry_and_kept_on_resume(corpus, tmp_path):
    broken = tmp_path / "news.jsonl"
    lines = corpus.read_text().splitlines(keepends=True)
    broken.write_text("".join(lines[:6]) + '{"id": "half a line\n' + "".join(lines[6:]))
    folder = tmp_path / "shards"
    result = _build(str(broken), "--workers", "1", "--partition-size", "5", "-o", f"{folder}/")
    assert result.exit_code == 1 and "skipped" in result.stderr
    manifest = json.loads((folder / "manifest.json").read_text())
    assert [len(s["skipped"]) for s in manifest["shards"]] == [0, 1, 0]
    assert [s["articles"] for s in manifest["shards"]] == [5, 4, 3]
    assert manifest["shards"][1]["skipped"] == [f"{broken} line 7"]
    again = _build(str(broken), "--workers", "1", "--partition-size", "5", "-o", f"{folder}/", "--resume")
    assert again.exit_code == 1 and "kept 3 shards" in again.stderr  # the skip still counts, and says where
    assert f"1 skipped articles in them: see {folder}/manifest.json" in again.stderr


@pytest.mark.model
def test_a_run_killed_mid_way_is_finished_by_resume(corpus, local_build, tmp_path):
    """SIGKILL: no handler runs, so what is on disk is what atomic writes left.

    The run reads eight articles from a file, then stdin, which the test holds open: it writes
    exactly four shards of two and waits for the fifth's articles, and is killed there, however
    fast the machine (no race with a poll). --resume is then given the same articles as files."""
    lines = corpus.read_text().splitlines(keepends=True)
    first, rest = tmp_path / "first.jsonl", tmp_path / "rest.jsonl"
    first.write_text("".join(lines[:8]))
    rest.write_text("".join(lines[8:]))
    folder = tmp_path / "shards"
    options = ["--workers", "1", "--batch-size", "1", "--partition-size", "2", "-o", f"{folder}/"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in [os.path.dirname(os.path.dirname(__file__)),
                                                                    os.environ.get("PYTHONPATH", "")] if p)}
    process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(first), "-", *options, "-q"], env=env,
                               stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 180
        while len(_listed(folder)) < 4:
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "the run wrote no four shards"
            time.sleep(0.02)
    finally:
        process.kill()
        process.communicate()
    listed = _listed(folder)
    assert listed == ["part-00000.nq", "part-00001.nq", "part-00002.nq", "part-00003.nq"]
    (folder / ".part-00005.nq.abc123.part").write_text("<a> <b> <c> <d> .\n")  # as if killed while writing
    kept = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in _shards(folder)}
    assert sorted(kept) == listed
    result = _build(str(first), str(rest), *options, "--resume")
    assert result.exit_code == 0, result.stderr
    assert "kept 4 shards" in result.stderr and "wrote 6 shards" in result.stderr
    assert {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in _shards(folder) if p.name in kept} == kept
    assert len(_shards(folder)) == 6 and _quads(*_shards(folder)) == local_build
    assert not list(folder.glob(".*"))  # the killed run's temporary file is gone


def _a_worker_holding_work(address, workers) -> subprocess.Popen:
    """The worker process that runs a task of the build or holds a result the client has not
    fetched yet: killing it loses work the scheduler must do again."""
    from distributed import Client

    def held(dask_scheduler):
        return {state.pid: len(state.processing) + len(state.has_what)
                for state in dask_scheduler.workers.values()}

    with Client(address, timeout="10s") as watcher:
        deadline = time.monotonic() + 60
        while True:
            holding = [process for process in workers if watcher.run_on_scheduler(held).get(process.pid)]
            if holding:
                return holding[0]
            assert time.monotonic() < deadline, "no worker holds any work of the build"
            time.sleep(0.05)


def _listed(folder) -> list[str]:
    """The shards the manifest vouches for (none before the first is written)."""
    try:
        return [shard["file"] for shard in json.loads((folder / "manifest.json").read_text())["shards"]]
    except FileNotFoundError:
        return []


@pytest.mark.model
def test_ctrl_c_leaves_no_temporary_file_and_resume_finishes_the_run(tmp_path):
    # ten times the stories, one per partition: long enough that the signal, sent as soon as
    # the first shard is there, lands on a run still going however fast the machine
    corpus = tmp_path / "news.jsonl"
    with open(corpus, "w", encoding="utf-8") as stream:
        for copy in range(10):
            for number, text in enumerate(STORIES):
                stream.write(json.dumps({"id": f"story-{copy}-{number:02d}", "text": text}) + "\n")
    folder = tmp_path / "shards"
    code, stderr = interrupted_build([str(corpus), "--workers", "1", "--partition-size", "1", "-o", f"{folder}/", "-q"],
                                     ready=lambda: bool(_shards(folder)))
    assert code == 130 and "run the same command with --resume" in stderr, stderr
    listed = _listed(folder)  # the client may not have recorded the first shard when the signal came
    assert len(listed) < 10 * len(STORIES), "the run was not interrupted mid-way"
    assert not list(folder.glob(".*"))  # Ctrl-C may land anywhere, in mkstemp too: nothing is left behind
    result = _build(str(corpus), "--workers", "1", "--partition-size", "1", "-o", f"{folder}/", "--resume")
    assert result.exit_code == 0 and f"kept {len(listed)} shards" in result.stderr, result.stderr
    local = tmp_path / "all.nq"
    assert _build(str(corpus), "-f", "nquads", "-o", str(local), "--workers", "1", "-q").exit_code == 0
    assert _quads(*_shards(folder)) == _quads(local)


@pytest.mark.model
def test_a_worker_that_sees_the_shard_folder_writes_the_shard_itself_and_sends_back_only_counts(tmp_path):
    from kg.cluster import Partition, ShardWriter, _build_partition
    from kg.model import Article
    from kg.rdf.iris import DEFAULT_BASE

    articles = [Article(id=f"story-{n}", text=text) for n, text in enumerate(STORIES[:3])]
    options = {"model": None, "base": DEFAULT_BASE, "gazetteer": None, "with_text": False, "validator": "sparql"}
    writer = ShardWriter(str(tmp_path / "shards"), {"base": DEFAULT_BASE})
    part = Partition(0, articles)
    outcomes, written = _build_partition(articles, options, 2, writer.target(part))
    shard = tmp_path / "shards" / "part-00000.nq"
    assert written == {"triples": len(_quads(shard)), "sha256": written["sha256"], "bytes": shard.stat().st_size}
    assert all(outcome[3] == "" for outcome in outcomes)  # no graph comes back: it is in the shard
    # the client records the worker's shard without writing it again, and checks its bytes
    from kg.cluster import _restored

    part.outcomes, part.written = [_restored(o) for o in outcomes], written
    before = shard.stat().st_mtime_ns
    writer.add(part)
    writer.finish()
    assert shard.stat().st_mtime_ns == before
    manifest = json.loads((tmp_path / "shards" / "manifest.json").read_text())
    assert manifest["shards"][0]["triples"] == written["triples"]
    assert not list((tmp_path / "shards").glob(".*"))  # the run's mark is gone
    # must not: a worker that does not see the client's folder (no mark) sends the graphs back
    outcomes, written = _build_partition(articles, options, 2, (str(tmp_path), "elsewhere.nq", "no-mark"))
    assert written is None and all(outcome[3] for outcome in outcomes) and not (tmp_path / "elsewhere.nq").exists()


def test_a_shard_a_worker_wrote_where_the_client_cannot_see_it_stops_the_run(tmp_path):
    from kg.cluster import Partition, ShardWriter
    from kg.errors import OutputError

    writer = ShardWriter(str(tmp_path / "shards"), {})
    part = Partition(0, [])
    part.written = {"triples": 10, "sha256": "sha256:0", "bytes": 10}
    with pytest.raises(OutputError, match="a file system the workers and this machine share"):
        writer.add(part)
