"""kg build stopped by a real signal: Ctrl-C (SIGINT) and SIGTERM end a run the same way, with
no temporary file left, no worker process left running, exit 130 and a line saying how to go on.

Each run reads a file of articles and then stdin, which the test holds open: the run cannot
finish before the signal, whatever the machine's speed. The first line of the file is broken,
so the --errors file gets a line as soon as the pipeline has started: the signal lands on a run
that has visibly started work."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from kg.cli import main

from .test_cluster import STORIES

psutil = pytest.importorskip("psutil")

# Eight articles: enough to fill the pools and partitions a run cuts ahead before it reads stdin


def environment() -> dict:
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in [root, os.environ.get("PYTHONPATH", "")] if p)}


def _interrupted(tmp_path, sig, *options):
    """Start kg build on a file and on stdin (held open), signal it once it has started work;
    its exit code, its stderr, and the processes it had started."""
    first = tmp_path / "first.jsonl"
    first.write_text('{"id": "half a line\n' + "".join(json.dumps({"id": f"story-{n}", "text": text}) + "\n"
                                                       for n, text in enumerate(STORIES[:8])))
    errors = tmp_path / "errors.jsonl"
    command = [sys.executable, "-m", "kg", "build", str(first), "-", "--errors", str(errors), "--batch-size", "1",
               *options]
    process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True, env=environment(), cwd=tmp_path)
    try:
        deadline = time.monotonic() + 180
        while not (errors.is_file() and errors.stat().st_size):
            assert process.poll() is None, process.communicate()[1]
            assert time.monotonic() < deadline, "the run did not start"
            time.sleep(0.05)
        children = psutil.Process(process.pid).children(recursive=True)
        process.send_signal(sig)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    return process.returncode, stderr, children


def _left_running(children) -> list:
    _, alive = psutil.wait_procs(children, timeout=10)
    return [child for child in alive if child.status() != psutil.STATUS_ZOMBIE]


def _temporary(folder) -> list[str]:
    return [str(path) for path in folder.rglob(".*")]


@pytest.mark.model
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_an_interrupted_build_to_a_file_stops_its_pool_and_leaves_no_temporary_file(tmp_path, sig):
    out = tmp_path / "out"
    out.mkdir()
    code, stderr, children = _interrupted(tmp_path, sig, "--workers", "2", "-f", "nquads", "-o", f"{out}/all.nq")
    assert code == 130, stderr
    assert stderr.splitlines()[-1] == f"kg: interrupted; {out}/all.nq was not written; run the same command again"
    assert "Traceback" not in stderr  # neither kg nor a worker prints one
    assert len(children) >= 2  # the pool's workers had started ...
    assert _left_running(children) == []  # ... and none outlives the run
    assert list(out.iterdir()) == []  # GraphWriter's temporary file beside the target is gone


@pytest.mark.model
def test_an_interrupted_build_into_a_store_says_what_it_holds(tmp_path):
    code, stderr, children = _interrupted(tmp_path, signal.SIGTERM, "--workers", "1", "--store", "news.db")
    assert code == 130, stderr
    assert stderr.splitlines()[-1] == ("kg: interrupted; the articles built so far are in news.db (built again, "
                                       "each replaces its own graph); run the same command again")
    assert _left_running(children) == []


@pytest.mark.model
def test_an_interrupted_sharded_build_says_resume(tmp_path):
    code, stderr, children = _interrupted(tmp_path, signal.SIGTERM, "--workers", "2", "--partition-size", "2",
                                          "-o", "shards/")
    assert code == 130, stderr
    assert stderr.splitlines()[-1] == ("kg: interrupted; the shards written so far are kept in shards/: run the "
                                       "same command with --resume to build only the rest")
    assert len(children) >= 2 and _left_running(children) == []
    assert _temporary(tmp_path / "shards") == []
    # on a busy machine the signal may land before the first shard is recorded: then there is
    # no manifest yet, and --resume builds everything
    manifest = tmp_path / "shards" / "manifest.json"
    listed = [shard["file"] for shard in json.loads(manifest.read_text())["shards"]] if manifest.is_file() else []
    assert all((tmp_path / "shards" / name).is_file() for name in listed)


@pytest.mark.model
def test_an_interrupted_build_on_a_local_cluster_stops_its_workers(tmp_path):
    pytest.importorskip("distributed")
    code, stderr, children = _interrupted(tmp_path, signal.SIGTERM, "--cluster", "local:2", "--partition-size", "2",
                                          "-o", "shards/")
    assert code == 130, stderr
    assert stderr.splitlines()[-1].startswith("kg: interrupted; the shards written so far are kept in shards/")
    assert len(children) >= 2 and _left_running(children) == []
    assert _temporary(tmp_path / "shards") == []


def test_a_build_that_ends_puts_back_the_signal_handlers_it_found(tmp_path):
    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    result = CliRunner().invoke(main, ["build", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2 and "interrupted" not in result.stderr
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_second_signal_does_not_cut_the_cleaning_short(sig):
    from kg.cli import _interruptible
    from kg.errors import Interrupted

    before = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    cleaned = []
    with pytest.raises(Interrupted) as caught:
        with _interruptible("run the same command again"):
            try:
                signal.raise_signal(sig)  # the first: unwinds the run
            finally:
                signal.raise_signal(sig)  # another while a writer or a pool cleans up: ignored
                cleaned.append(True)
    assert cleaned == [True] and caught.value.exit_code == 130
    assert str(caught.value) == "interrupted; run the same command again"
    assert (signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)) == before
