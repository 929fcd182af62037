"""Market reports, on hand-written sentences: what "Treasury" names there."""

from __future__ import annotations

from datetime import date

import pytest

from ..conftest import graph_of, types_by_label

pytestmark = pytest.mark.model


def _types(text: str) -> dict[str, set[str]]:
    return types_by_label(graph_of(text, date(2010, 10, 7)))


def test_treasury_yields_and_notes_are_bonds_not_the_department():
    types = _types("Stocks fell on Tuesday. Treasury yields fell, and the 10-year Treasury note rose, traders said.")
    assert "Treasury" not in types


def test_the_treasury_that_lends_is_the_department():
    # must-not: the Treasury acting, and its officials, are the department
    types = _types("The Treasury will lend GM a further $4 billion, Treasury officials said on Tuesday.")
    assert types["Treasury"] == {"GovernmentOrganization"}
