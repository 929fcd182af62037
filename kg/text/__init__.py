"""The spaCy pipeline: texts in, parsed Docs out.

In:  an article's analysis text (kg.read.analyse), in batches.
Out: spaCy Docs with kg's repairs applied and the lemmatizer's word lists on doc.vocab.lookups;
     every later stage reads Docs through the helpers of ``tokens``.

  load    load_nlp(): the one place a pipeline is loaded, with kg's components
  mend    kg_mend: lemmas and attachments the small English model gets wrong
  parse   texts through the pipeline in batches, long texts in pieces
  tokens  what every stage asks of a Doc: sentences, noun chunks, headlines, coordination
"""

from .load import load_nlp, model_name
from .parse import parse

__all__ = ["load_nlp", "model_name", "parse"]
