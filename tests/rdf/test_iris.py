"""IRI minting: safe, stable, never raw text."""

from __future__ import annotations

import pytest

from kg.rdf.iris import id_segment, slug


def test_article_id_with_a_trailing_newline_is_slugged_not_kept():
    """Regression: a regex anchored with $ let "R\\n" through into an IRI (found by Hypothesis)."""
    assert "\n" not in id_segment("R\n")
    assert id_segment("R\n") != "R"


@pytest.mark.parametrize("article_id", ["story-1", "100911", "a.b_c~d"])
def test_safe_ids_are_kept(article_id):
    assert id_segment(article_id) == article_id


@pytest.mark.parametrize("article_id", ["a b", "x/y", "<id>", "é", "", "a" * 200])
def test_unsafe_ids_become_iri_safe_slugs(article_id):
    segment = id_segment(article_id)
    assert segment and all(c.isalnum() and c.isascii() or c in "-" for c in segment)


def test_slugs_are_readable_and_distinct():
    assert slug("North Korea") == "north-korea"
    assert slug("Kaesŏng") != slug("Kaesong")
    assert slug("北朝鮮") != slug("韓国")
