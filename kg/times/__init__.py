"""Temporal expressions -> values normalised against the publication date.

In:  the Doc and the article's anchor date (its publication date, or its dateline's).
Out: kg.model.TimeMention records: offsets, the TimeML value ("2020-06-16", "2020-06", "2020",
     "2020-W25", "2020-Q2", "2020-06-16T09:30", "PRESENT_REF") read with the tense of the clause,
     chains ("four days later") counted from the last date named, a clock time's zone.

  extract    finds the expressions of an article and passes the last date along
  patterns   the forms a time expression takes in English news, each with its value function
  plausible  which matches are time expressions in the parse (not names, levels, sets)
  tense      the tense of an expression's clause, which picks the side of the story
  values     values and calendar arithmetic (pure stdlib, no clock)
"""

from .extract import extract_times, normalise

__all__ = ["extract_times", "normalise"]
