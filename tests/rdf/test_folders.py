"""Folders of output files, on this machine and at fsspec URLs: atomic writes, and nothing
left behind by a write that is interrupted."""

from __future__ import annotations

import pytest

from kg.errors import OutputError
from kg.rdf.folders import LocalFolder, RemoteFolder, is_url, open_folder, sha256


def test_urls_and_paths_are_told_apart():
    assert is_url("s3://bucket/run/") and is_url("gs://b/p/") and is_url("file:///tmp/shards/")
    assert not is_url("shards/") and not is_url("/data/s3://x/") and not is_url("C:\\shards\\")
    assert isinstance(open_folder("shards/"), LocalFolder)


def _folders(tmp_path):
    fsspec = pytest.importorskip("fsspec")
    memory = fsspec.filesystem("memory")
    memory.store.clear()
    return [LocalFolder(str(tmp_path / "here")), RemoteFolder("memory://bucket/run/"),
            RemoteFolder(f"file://{tmp_path}/there/")]


def test_a_folder_writes_reads_lists_and_removes(tmp_path):
    for folder in _folders(tmp_path):
        folder.make()
        assert folder.read("manifest.json") is None and folder.hash("part-00000.nq") is None
        folder.write("part-00000.nq", b"<a> <b> <c> <d> .\n")
        folder.write("part-00000.nq", b"<a> <b> <e> <d> .\n")  # over the first
        folder.write("manifest.json", b"{}\n")
        assert folder.read("part-00000.nq") == b"<a> <b> <e> <d> .\n", folder
        assert folder.names() == ["manifest.json", "part-00000.nq"], folder  # no temporary file left
        assert folder.hash("manifest.json") == sha256([b"{}\n"]) != folder.hash("part-00000.nq")
        folder.remove("manifest.json")
        folder.remove("manifest.json")  # gone already: nothing to do
        assert folder.names() == ["part-00000.nq"]


def test_only_an_object_store_writes_with_one_put(tmp_path):
    pytest.importorskip("fsspec")
    assert RemoteFolder("memory://bucket/run/").atomic_put
    assert not RemoteFolder(f"file://{tmp_path}/").atomic_put  # a file system: a temporary name, then a rename


def test_an_interrupted_write_leaves_no_temporary_file_and_the_old_bytes(tmp_path, monkeypatch):
    local, _, remote = _folders(tmp_path)
    for folder in (local, remote):
        folder.make()
        folder.write("part-00000.nq", b"old\n")
    import os

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    monkeypatch.setattr(remote.fs, "mv", interrupted)
    for folder in (local, remote):
        with pytest.raises(KeyboardInterrupt):
            folder.write("part-00000.nq", b"new\n")
        assert folder.names() == ["part-00000.nq"] and folder.read("part-00000.nq") == b"old\n", folder


def test_a_folder_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "shards").write_text("not a folder")
    for location in (str(tmp_path / "shards"), f"file://{tmp_path}/shards/"):
        if is_url(location):
            pytest.importorskip("fsspec")
        with pytest.raises(OutputError, match="is a file, not a folder"):
            open_folder(location).make()
