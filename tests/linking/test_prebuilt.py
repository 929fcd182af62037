"""The GeoNames index is built once per machine and kept; any change to what it is built from
builds it again; a cache that cannot be used only means building in memory."""

from __future__ import annotations

import pytest

from kg.linking import geo, prebuilt


@pytest.fixture
def sources(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    table = tmp_path / "table.csv"
    table.write_text("a,b\n", encoding="utf-8")
    return table


def _kept(table, built):
    def build():
        built.append(1)
        return {"Toulouse": (2972315, "schema:City")}

    return prebuilt.kept("index", "pyoxigraph", [], [table], build)


def test_the_index_is_built_once_then_read_from_the_cache(sources, tmp_path):
    built = []
    first, second = _kept(sources, built), _kept(sources, built)
    assert first == second == {"Toulouse": (2972315, "schema:City")}
    assert built == [1]
    assert len(list((tmp_path / "cache").glob("index-*.pickle"))) == 1


def test_a_changed_source_builds_it_again_and_keeps_the_other(sources, tmp_path):
    # two checkouts of kg on one machine must not throw each other's index away
    built = []
    _kept(sources, built)
    sources.write_text("a,b\nc,d\n", encoding="utf-8")
    _kept(sources, built)
    assert built == [1, 1]
    assert len(list((tmp_path / "cache").glob("index-*.pickle"))) == 2


def test_an_index_unread_for_a_month_is_removed_when_another_is_written(sources, tmp_path):
    import os
    import time

    built = []
    _kept(sources, built)
    first, = (tmp_path / "cache").glob("index-*.pickle")
    month_ago = time.time() - prebuilt.UNUSED - 60
    os.utime(first, (month_ago, month_ago))
    sources.write_text("a,b\nc,d\n", encoding="utf-8")
    _kept(sources, built)
    assert first not in list((tmp_path / "cache").glob("index-*.pickle"))
    assert len(list((tmp_path / "cache").glob("index-*.pickle"))) == 1


def test_a_damaged_file_is_built_again(sources, tmp_path):
    built = []
    _kept(sources, built)
    kept_file, = (tmp_path / "cache").glob("index-*.pickle")
    kept_file.write_bytes(b"not a pickle")
    assert _kept(sources, built) == {"Toulouse": (2972315, "schema:City")}
    assert built == [1, 1]


def test_no_cache_when_the_user_asks_for_none(sources, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", "")
    built = []
    _kept(sources, built), _kept(sources, built)
    assert built == [1, 1]
    assert not (tmp_path / "cache").exists()


def test_a_folder_that_cannot_be_written_only_means_building(sources, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocker / "cache"))  # under a file: never a folder
    built = []
    assert _kept(sources, built) == _kept(sources, built)
    assert built == [1, 1]


def test_the_kept_geonames_index_is_the_one_built(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    geo._tables.cache_clear()
    try:
        written = geo._tables()
        geo._tables.cache_clear()
        read = geo._tables()
    finally:
        geo._tables.cache_clear()
    assert read is not written
    assert read == written == geo._build_tables()
    assert list(tmp_path.glob("geonames-*.pickle"))


def test_reading_an_index_marks_it_as_used(sources, tmp_path):
    import os
    import time

    built = []
    _kept(sources, built)
    kept_file, = (tmp_path / "cache").glob("index-*.pickle")
    month_ago = time.time() - prebuilt.UNUSED - 60
    os.utime(kept_file, (month_ago, month_ago))
    _kept(sources, built)
    assert built == [1]
    assert time.time() - kept_file.stat().st_mtime < 60
