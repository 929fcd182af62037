"""What every stage asks of a parsed Doc: its sentences, noun chunks and text (each found
once per Doc), where a token stands (a headline, a coordination), and the names of the word
lists the loaded pipeline shares with every Doc (kg.text.load puts them there)."""

from __future__ import annotations

# Marks that are never the first or last character of a name or a label: quotation marks
# (newswire's `` and ''), and markup glued to a word where the source lacks a space
# ("said.“Tempers", "References=="). A closing apostrophe may end a possessive, so it stays.
_LEADING_MARKS = "\"“”„‘’'`«»=*#|~_"
_TRAILING_MARKS = "\"“”„`«»=*#|~_"

VERBS_TABLE = "kg_verbs"  # doc.vocab.lookups["kg_verbs"]: the lemmatizer's verbs (WordNet's)
NOUNS_TABLE = "kg_nouns"  # and its nouns

# What a sentence ends with: its stop, or a closing quote or bracket after one
# (typographic quotes included: 'said it was “determined to shut down all contact.”')
_SENTENCE_ENDS = {".", "!", "?", "…", '"', "'", "''", ")", "”", "’", "»"}


def is_headline(token) -> bool:
    """Whether the token stands in a headline: a line that does not end as a sentence does
    (an abbreviation's full stop ends one too: "shortly after 10 a.m.", "sold to Acme Inc.")."""
    sentence = sentence_of(token)
    last = sentence[-1]
    while last.is_space and last.i > sentence.start:
        last = last.nbor(-1)
    return last.text not in _SENTENCE_ENDS and not (len(last.text) > 1 and last.text.endswith("."))


def conjuncts(token):
    """The tokens coordinated with ``token`` ("Kim and Moon": Moon for Kim), at any depth."""
    for child in token.children:
        if child.dep_ == "conj":
            yield child
            yield from conjuncts(child)


_OPENING_QUOTES = {'"', "``", "\u201c", "\u201e", "\u00ab"}


def quoted_subject(subject) -> bool:
    """'"Nothing," said the minister': the words quoted before an inverted verb of saying, which
    the parser makes a second subject of the verb, are what was said, not who said it."""
    verb = subject.head
    edge = subject.left_edge.i
    return (subject.dep_ == "nsubj" and subject.i < verb.i
            and any(t.text in _OPENING_QUOTES for t in subject.doc[max(edge - 1, 0) : subject.i])
            and any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children))


def sentence_of(token):
    """The sentence a token is in. spaCy's Token.sent walks every sentence of the Doc on each
    call; kg asks for sentences thousands of times per article, so the bounds are kept once
    per Doc (measured: a fifth of kg's extraction time went to Doc.sents)."""
    doc = token.doc
    index = doc.user_data.get("kg_sentence_index")
    if index is None:
        bounds = [(s.start, s.end) for s in doc.sents]
        index = [0] * len(doc)
        for n, (start, end) in enumerate(bounds):
            index[start:end] = [n] * (end - start)
        index = doc.user_data["kg_sentence_index"] = (bounds, index)
    bounds, of_token = index
    start, end = bounds[of_token[token.i]]
    return doc[start:end]


def noun_chunks_of(doc) -> list:
    """The Doc's noun chunks, found once: spaCy's Doc.noun_chunks walks the whole parse on
    each call, and the entity layer asks for them several times per article."""
    chunks = doc.user_data.get("kg_noun_chunks")
    if chunks is None:
        chunks = doc.user_data["kg_noun_chunks"] = list(doc.noun_chunks)
    return chunks


def hyphen_first(token):
    """The first part of a word written with a hyphen whose last part ``token`` is and heads
    ("sell" of "sell-off", which the tokenizer splits in three), or None."""
    if token.i < 2:
        return None
    first, hyphen = token.doc[token.i - 2], token.doc[token.i - 1]
    joined = hyphen.text == "-" and not first.whitespace_ and not hyphen.whitespace_
    return first if joined and first.head.i == token.i else None


def text_of(doc) -> str:
    """The Doc's text, kept once: spaCy's Doc.text joins every token again on each call."""
    text = doc.user_data.get("kg_text")
    if text is None:
        text = doc.user_data["kg_text"] = doc.text
    return text


def noun_lemma(token) -> str:
    """A noun's lemma in lower case, with the plurals the lemmatizer leaves whole undone: a
    capitalised "Dockworkers" opening a headline or a sentence is often tagged a proper noun
    and kept as it is, while the same word elsewhere gives "dockworker". Only when the
    singular is a noun the model's word list knows ("news" and "series" stay)."""
    lemma = token.lemma_.lower()
    if token.tag_ not in ("NNS", "NNPS") or not lemma.endswith("s") or lemma.endswith("ss"):
        return lemma
    nouns = token.doc.vocab.lookups.get_table(NOUNS_TABLE) if token.doc.vocab.lookups.has_table(NOUNS_TABLE) else {}
    for ending, singular in (("ies", "y"), ("es", ""), ("s", "")):
        if lemma.endswith(ending) and lemma[: -len(ending)] + singular in nouns:
            return lemma[: -len(ending)] + singular
    return lemma


def without_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """The span text[start:end] without white space and quotation or markup marks at its
    edges (see _LEADING_MARKS): "``Atomic Dog" -> "Atomic Dog". Empty (start == end) when
    nothing else is left."""
    while start < end and (text[start].isspace() or text[start] in _LEADING_MARKS):
        start += 1
    while end > start:
        if text[end - 1].isspace() or text[end - 1] in _TRAILING_MARKS:
            end -= 1
        elif end - 2 >= start and text[end - 2 : end] == "''":  # newswire's closing quote
            end -= 2
        else:
            break
    return start, end
