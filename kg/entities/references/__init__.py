"""References that are not names -> more mentions of the entities the names gave.

In:  the typed groups of names (kg.entities.classify.Draft) and the Doc.
Out: the same groups, with the mentions of each that are not names added, and new groups for
     things only described; each rule resolves only on clear evidence.

  anaphora     the order the rules run in; "the North", a description introduced as a name
  appositives  descriptions written beside a name ("Irish national airline Aer Lingus")
  posts        people by the posts they hold ("Ryanair CEO, Michael O'Leary,")
  definites    "the airline", "the company": the one entity of that class
  pronouns     "it", "he", "they", "we" in quotations
  binding      what a pronoun's own clause says about its referent
"""

from .anaphora import resolve

__all__ = ["resolve"]
