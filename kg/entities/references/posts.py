"""People by the posts they hold: role nouns written with a person's name, and the
definite role that names that person again.

"CEO and co-founder Steve Jobs" (a title before the name), "Ryanair CEO, Michael O'Leary,"
(a role set beside the name by commas) and "the Prime Minister of Singapore, Lee Hsien
Loong" make the role noun a mention of the person; a later "the Prime Minister" is the same
person when the article gave that post to one person only.
"""

from __future__ import annotations

from kg.vocab.words import PERSON_NOUNS, name_words


def titled(token, by_token: dict[int, str], types: dict[str, str]) -> str | None:
    """"CEO and co-founder Steve Jobs": singular role nouns written right before a person's
    name are titles of that person, however the parser attached them ("co" of "co-founder"
    is no head of its own). A name after "and" is another person ("the engineer and Jobs")."""
    doc, at = token.doc, token.i
    if not (is_role(token) or _hyphen_prefix(token)):
        return None
    while at + 1 < len(doc) and (is_role(doc[at + 1]) or _hyphen_prefix(doc[at + 1])
                                 or doc[at + 1].text == "-" and not doc[at].whitespace_
                                 or doc[at + 1].lower_ == "and" and at + 2 < len(doc)
                                 and (is_role(doc[at + 2]) or _hyphen_prefix(doc[at + 2]))):
        at += 1
    key = by_token.get(at + 1)
    if key is None or types.get(key) != "schema:Person" or doc[at + 1].ent_type_ != "PERSON" or doc[at].text == "-":
        return None
    return key


def apposed(token, by_token: dict[int, str], types: dict[str, str]) -> str | None:
    """"Ryanair CEO, Michael O'Leary, said": a role noun set beside a person's name by
    commas is that person, as a title before it is (the parser may take the name for a
    conjunct where no "and" is written)."""
    if not is_role(token):
        return None
    listed = any(c.dep_ == "cc" for c in token.children)  # "the minister and Lee" are two
    named = [by_token.get(c.i) for c in token.children if c.dep_ == "appos" or c.dep_ == "conj" and not listed]
    if token.dep_ == "appos":
        named.append(by_token.get(token.head.i))
    after = token.right_edge.i + 1  # "the Prime Minister of Singapore, Mr. Lee", however parsed
    if after + 1 < len(token.doc) and token.doc[after].text == ",":
        while after + 2 < len(token.doc) and token.doc[after + 1].text in name_words()["title"]:
            after += 1
        named.append(by_token.get(after + 1) if token.doc[after + 1].ent_type_ == "PERSON" else None)
    people = {k for k in named if k is not None and types.get(k) == "schema:Person"}
    return people.pop() if len(people) == 1 else None


def holders(doc, by_token: dict[int, str], types: dict[str, str]) -> dict[str, set[str]]:
    """Role noun (lower case) -> the people the article gives that post by a title or an
    apposition ("Prime Minister" of "the Prime Minister of Singapore, Lee Hsien Loong")."""
    found: dict[str, set[str]] = {}
    for token in doc:
        key = titled(token, by_token, types) or apposed(token, by_token, types) if is_role(token) else None
        if key is not None:
            found.setdefault(_post(token), set()).add(key)
    return found


def described(token, found: dict[str, set[str]]) -> str | None:
    """"the Prime Minister applauded": a definite role, with no words of its own that pick
    out another ("the former CEO", "the Airbus chief executive"), is the one person the
    article gave that post."""
    if not is_role(token) or token.dep_ == "compound":
        return None
    lefts = list(token.lefts)
    if not lefts or lefts[0].lower_ != "the" or any(
            t.dep_ != "compound" or t.ent_type_ or not is_role(t) and t.lower_ not in _POST_WORDS for t in lefts[1:]):
        return None
    if any(c.dep_ in ("prep", "appos", "relcl", "acl") for c in token.rights):
        return None
    keys = found.get(_post(token), set())
    return next(iter(keys)) if len(keys) == 1 else None


# words that make one post of two role nouns ("Prime Minister", "Chief Executive")
_POST_WORDS = {"prime", "chief", "vice", "deputy", "general"}


def _post(token) -> str:
    """The post a role noun names, with the words written before it that belong to it."""
    words = [t.lower_ for t in token.lefts if t.dep_ == "compound" and not t.ent_type_
             and (is_role(t) or t.lower_ in _POST_WORDS)]
    return " ".join(words + [token.lower_])


def is_role(token) -> bool:
    """A singular noun that names a person's post or part ("CEO", "founder", "executive")."""
    return token.tag_ in ("NN", "NNP") and token.lower_ in PERSON_NOUNS


def _hyphen_prefix(token) -> bool:
    """The first piece of a hyphenated role the tokenizer split: "co" of "co-founder"."""
    doc = token.doc
    return (token.i + 2 < len(doc) and not token.whitespace_ and doc[token.i + 1].text == "-"
            and not doc[token.i + 1].whitespace_ and is_role(doc[token.i + 2]))
