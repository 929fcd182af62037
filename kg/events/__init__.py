"""Event frames: who did what to whom, when and where, and whether it happened.

In:  the Doc, the article's entities and times, its publication date.
Out: kg.model.Event records: trigger offsets, lemma, event class, factuality and tense,
     agents and patients (entity keys), places and date, one record per real event.

  extract        triggers (verbs, copulas, event nouns) and the order of the steps
  senses         the class a trigger's clause gives it where the lexicon lists another
  roles          agent and patient (PropBank Arg0, Arg1), with control for borrowed subjects
  participants   an argument's entity, or a new nominal one ("border guards")
  groups         "they" and "their" for a group named by a plural common noun
  circumstances  places and dates as the text states them
  factuality     asserted, negated, threatened, planned ...; tense
  eventcoref     mentions of one happening merged
"""

from .extract import extract_events

__all__ = ["extract_events"]
