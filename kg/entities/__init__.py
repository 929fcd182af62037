"""Names and references in a parsed article -> one Entity per real-world thing.

In:  the Article, its Layout and its spaCy Doc (and a user's gazetteer, if any).
Out: kg.model.Entity records: class, label, aliases, links (GeoNames, gazetteer) and every
     mention's offsets, one record per thing however the article names it.

The steps, in order (``extract`` composes them):
  mentions   spaCy's names repaired and relabelled, with the names the tagger missed
             (labels, repeats, joins, products, markets; a Name is defined in names)
  coref      the names of one thing grouped: same name, short forms, acronyms
  classify   a group's class and links
  metonymy   a place's name for something else: a capital that acts for its state ("Moscow
             said"), a country that plays a match for its national team
  references/  what is not a name: "the North", descriptions, appositions, posts, pronouns
"""

from .extract import extract_entities

__all__ = ["extract_entities"]
