"""Words that open a sentence, capitalised only for that: a post before a person's name, a
company named like a common noun that says something."""

from __future__ import annotations

from datetime import date

import pytest

from ..conftest import SPARQL_PREFIXES as PREFIXES
from ..conftest import graph_of, types_by_label

pytestmark = pytest.mark.model


def _graph(text: str):
    return graph_of(text, date(2023, 11, 12))


def test_a_post_that_opens_a_sentence_is_no_part_of_the_name():
    graph = _graph("The crowd was 62,000.\n\nWinger Josh Addo-Carr scored two tries for the Kangaroos.")
    types = types_by_label(graph)
    assert types["Josh Addo-Carr"] == {"Person"}
    anchors = {str(r[0]) for r in graph.query(PREFIXES + "SELECT ?a WHERE { ?e gaf:denotedBy/nif:anchorOf ?a }")}
    assert "Winger Josh Addo-Carr" not in anchors


def test_a_title_that_opens_a_sentence_stays_the_persons_title():
    # must-not: a title of the title list is kept with the name, as it always was
    types = types_by_label(_graph("The talks ended.\n\nPresident Anna Kowalczyk said the country would wait."))
    assert types["Anna Kowalczyk"] == {"Person"}
    assert not any(label.startswith("President") for label in types)


def test_a_company_named_like_a_noun_that_speaks_is_an_entity():
    types = types_by_label(_graph("Markets were calm on Monday. Dell said profits fell in the quarter."))
    assert "Dell" in types


def test_a_common_noun_that_opens_a_sentence_is_still_no_entity():
    # must-not: a noun capitalised for its sentence that does not speak names nothing
    types = types_by_label(_graph("Voters went to the polls. Turnout reached 74 percent, officials said."))
    assert "Turnout" not in types or "Person" not in types["Turnout"]
