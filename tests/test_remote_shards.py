"""kg build -o s3://bucket/prefix/: shards and manifest in an object store, through fsspec and
s3fs, against a real S3 server on 127.0.0.1 (moto's, started and stopped here), by kg's own
pool and by a Dask LocalCluster whose workers write their shards themselves."""

from __future__ import annotations

import json
import sys

import pyoxigraph
import pytest
from click.testing import CliRunner

from kg.cli import main

from .conftest import interrupted_build

# Hand-written business, weather and sports news, one article each.
STORIES = [
    "Shares of Siemens fell 4 percent in Frankfurt on Monday after the company cut its profit forecast.",
    "A storm flooded streets in Valencia on Tuesday, and the city closed its schools for two days.",
    "Ajax beat Feyenoord 3-1 in Amsterdam on Sunday, and their coach praised the young striker.",
    "Toyota recalled 200,000 cars in Japan on Wednesday over a fault in their brakes.",
    "The European Central Bank kept its interest rates unchanged at its meeting in Frankfurt on Thursday.",
    "Heavy snow closed the main airport in Oslo on Friday, stranding thousands of travellers.",
]
BUCKET = "news-graphs"


@pytest.fixture(scope="module")
def s3(tmp_path_factory):
    """An S3 server on 127.0.0.1 (moto), with an empty bucket; its endpoint URL."""
    server_module = pytest.importorskip("moto.server")
    pytest.importorskip("s3fs")
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def bucket(s3, monkeypatch):
    """This process's environment (and so its workers') pointed at the server, as an operator
    would point kg at MinIO or another S3-compatible store; an s3fs view of the bucket."""
    import s3fs

    for name, value in {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test",
                        "AWS_DEFAULT_REGION": "us-east-1", "AWS_ENDPOINT_URL": s3}.items():
        monkeypatch.setenv(name, value)
    fs = s3fs.S3FileSystem(endpoint_url=s3, key="test", secret="test", use_listings_cache=False)
    if not fs.exists(BUCKET):
        fs.mkdir(BUCKET)
    return fs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    with open(path, "w", encoding="utf-8") as stream:
        for number, text in enumerate(STORIES):
            stream.write(json.dumps({"id": f"brief-{number}", "text": text, "published": f"2024-09-{number + 2:02d}"})
                         + "\n")
    return path


@pytest.fixture(scope="module")
def local(corpus, tmp_path_factory):
    """The same corpus built here into a local folder of shards: its quads and its manifest."""
    folder = tmp_path_factory.mktemp("local") / "shards"
    result = _build(str(corpus), "--workers", "1", "--partition-size", "2", "-o", f"{folder}/", "-q")
    assert result.exit_code == 0, result.stderr
    return _quads(*(p.read_bytes() for p in sorted(folder.glob("part-*.nq")))), (folder / "manifest.json").read_bytes()


def _build(*args):
    return CliRunner().invoke(main, ["build", *args], catch_exceptions=False)


def _quads(*shards: bytes) -> set[str]:
    return {str(q) for data in shards for q in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.N_QUADS)}


def _objects(fs, prefix: str) -> dict[str, dict]:
    """name -> info of every object under the prefix (none before the first is written)."""
    try:
        return {info["name"].rsplit("/", 1)[-1]: info for info in fs.ls(f"{BUCKET}/{prefix}", detail=True)}
    except FileNotFoundError:
        return {}


def _remote_quads(fs, prefix: str) -> set[str]:
    return _quads(*(fs.cat_file(f"{BUCKET}/{prefix}/{name}") for name in sorted(_objects(fs, prefix))
                    if name.startswith("part-")))


@pytest.mark.model
@pytest.mark.parametrize("how", [["--workers", "2"], ["--cluster", "local:2"]], ids=["workers", "local-cluster"])
def test_shards_written_to_s3_hold_the_quads_of_a_local_build(bucket, corpus, local, how):
    if how[0] == "--cluster":
        pytest.importorskip("distributed")
    prefix = f"run-{how[1].replace(':', '')}"
    result = _build(str(corpus), *how, "--partition-size", "2", "-o", f"s3://{BUCKET}/{prefix}/")
    assert result.exit_code == 0, result.stderr
    assert f"wrote 3 shards to s3://{BUCKET}/{prefix}/" in result.stderr
    assert sorted(_objects(bucket, prefix)) == ["manifest.json", "part-00000.nq", "part-00001.nq", "part-00002.nq"]
    quads, manifest = local
    assert _remote_quads(bucket, prefix) == quads
    assert bucket.cat_file(f"{BUCKET}/{prefix}/manifest.json") == manifest  # the same bytes as a local build's


@pytest.mark.model
def test_resume_reads_the_manifest_back_from_s3_and_rebuilds_only_the_missing_shard(bucket, corpus, local):
    url = f"s3://{BUCKET}/resumed/"
    assert _build(str(corpus), "--workers", "1", "--partition-size", "2", "-o", url, "-q").exit_code == 0
    bucket.rm_file(f"{BUCKET}/resumed/part-00001.nq")
    kept = {name: info["ETag"] for name, info in _objects(bucket, "resumed").items() if name.startswith("part-")}
    bucket.pipe_file(f"{BUCKET}/resumed/part-00000.nq", b"")  # a shard whose bytes no longer match: built again
    result = _build(str(corpus), "--workers", "1", "--partition-size", "2", "-o", url, "--resume")
    assert result.exit_code == 0, result.stderr
    assert "4 articles" in result.stderr and "kept 1 shards of an earlier run" in result.stderr
    after = _objects(bucket, "resumed")
    assert after["part-00002.nq"]["ETag"] == kept["part-00002.nq"]
    assert _remote_quads(bucket, "resumed") == local[0]
    assert bucket.cat_file(f"{BUCKET}/resumed/manifest.json") == local[1]
    # must not: a manifest of other settings is refused, nothing is built
    result = _build(str(corpus), "--base", "https://other.example/id/", "-o", url, "--resume")
    assert result.exit_code == 2 and f"{url}manifest.json: the shards there were built with base" in result.stderr


@pytest.mark.model
def test_a_dask_worker_writes_its_shard_to_s3_itself_and_sends_back_only_counts(bucket):
    from kg.cluster import Partition, ShardWriter, _build_partition, _restored
    from kg.model import Article
    from kg.rdf.iris import DEFAULT_BASE

    articles = [Article(id=f"brief-{n}", text=text) for n, text in enumerate(STORIES[:2])]
    options = {"model": None, "base": DEFAULT_BASE, "gazetteer": None, "with_text": False, "validator": "sparql"}
    writer = ShardWriter(f"s3://{BUCKET}/worker/", {"base": DEFAULT_BASE})
    part = Partition(0, articles)
    outcomes, written = _build_partition(articles, options, 2, writer.target(part))
    data = bucket.cat_file(f"{BUCKET}/worker/part-00000.nq")
    assert written["bytes"] == len(data) and written["triples"] == len(_quads(data)) > 0
    assert all(outcome[3] == "" for outcome in outcomes)  # no graph comes back: it is in the store
    part.outcomes, part.written = [_restored(o) for o in outcomes], written
    writer.add(part)  # the client checks the object's size, and does not write it again
    writer.finish()
    assert bucket.cat_file(f"{BUCKET}/worker/part-00000.nq") == data
    assert json.loads(bucket.cat_file(f"{BUCKET}/worker/manifest.json"))["shards"][0]["sha256"] == written["sha256"]
    assert sorted(_objects(bucket, "worker")) == ["manifest.json", "part-00000.nq"]  # the run's mark is gone
    # must not: a worker that cannot reach the store (no credentials, no backend) sends the graphs back
    outcomes, written = _build_partition(articles, options, 2, ("s3://no-such-bucket/x/", "part-00000.nq",
                                                                ".kg-run.0.part"))
    assert written is None and all(outcome[3] for outcome in outcomes)


@pytest.mark.model
def test_ctrl_c_into_s3_leaves_no_temporary_object_and_resume_finishes(bucket, corpus, local, tmp_path):
    url = f"s3://{BUCKET}/stopped/"
    code, stderr = interrupted_build([str(corpus), "--workers", "1", "--batch-size", "1", "--partition-size", "1",
                                      "-o", url, "-q"],
                                     ready=lambda: "manifest.json" in _objects(bucket, "stopped"))  # a shard is in it
    assert code == 130 and f"kept in {url}: run the same command with --resume" in stderr, stderr
    names = sorted(_objects(bucket, "stopped"))
    assert not [name for name in names if name.startswith(".")], names  # the run's mark is gone too
    listed = [s["file"] for s in json.loads(bucket.cat_file(f"{BUCKET}/stopped/manifest.json"))["shards"]]
    assert 1 <= len(listed) < 6, "the run was not interrupted mid-way"
    result = _build(str(corpus), "--workers", "1", "--partition-size", "1", "-o", url, "--resume")
    assert result.exit_code == 0 and f"kept {len(listed)} shards" in result.stderr, result.stderr
    assert _remote_quads(bucket, "stopped") == local[0]


@pytest.mark.model
def test_a_url_of_a_file_system_gets_its_shards_by_rename(corpus, local, tmp_path):
    """file:// goes through fsspec like any URL, but is no object store: each shard is written
    under a temporary name, then moved over its own."""
    pytest.importorskip("fsspec")
    folder = tmp_path / "shards"
    result = _build(str(corpus), "--workers", "1", "--partition-size", "2", "-o", f"file://{folder}/")
    assert result.exit_code == 0, result.stderr
    assert _quads(*(p.read_bytes() for p in sorted(folder.glob("part-*.nq")))) == local[0]
    assert (folder / "manifest.json").read_bytes() == local[1]
    assert not list(folder.glob(".*"))


# ---------------------------------------------------------------- refusals, no model needed

def test_a_url_without_fsspec_exits_2_with_the_install_command(corpus, monkeypatch):
    monkeypatch.setitem(sys.modules, "fsspec", None)  # import fsspec raises ImportError
    monkeypatch.setitem(sys.modules, "fsspec.core", None)
    result = _build(str(corpus), "-o", f"s3://{BUCKET}/run/")
    assert result.exit_code == 2
    assert 'fsspec, which is not installed: pip install "kg[remote]"' in result.stderr and "s3fs" in result.stderr


def test_a_url_fsspec_cannot_open_exits_2(corpus):
    pytest.importorskip("fsspec")
    result = _build(str(corpus), "-o", "nosuchprotocol://bucket/run/")
    assert result.exit_code == 2 and "nosuchprotocol://bucket/run/: fsspec cannot open this URL" in result.stderr


def test_a_url_is_a_folder_of_shards_only(corpus):
    result = _build(str(corpus), "-o", f"s3://{BUCKET}/all.nq", "-f", "nquads")
    assert result.exit_code == 2 and f"end it with / (-o s3://{BUCKET}/all.nq/)" in result.stderr
