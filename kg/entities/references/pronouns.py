"""Pronouns: "it", "he", "she", "they", and "I" and "we" in quotations, joined to what they refer to.

Only with clear evidence, since a wrong merge costs more than a missed one: the one fitting
entity named in the same sentence before the pronoun or in the sentence before (for "he" and
"she", not a person the text gives the other gender: a title, a role noun, a pronoun bound before); for a
pronoun subject, the one fitting subject of the sentence before; never the subject of the
pronoun's own clause for an object pronoun ("it threatened to close it"). "I" inside a
quotation is its one speaker, "we" the organisation the speaker speaks for; "they" only as the
subject of a that-clause whose verb's subject is one organisation, or of a main clause after a
sentence whose subject was one group named in the plural or a team. Also the helpers
the other reference rules share to add a mention where none is yet.
"""

from __future__ import annotations

import re

from kg.model import Span
from kg.text.tokens import noun_lemma, sentence_of
from kg.vocab.given import given_name
from kg.vocab.lexicon import load_lexicon
from kg.vocab.resources import coarse_type
from kg.vocab.words import name_words, type_of

from ..classify import Draft
from .binding import described_subject, own_subject, reported_speaker, same_subject

_IT = {"it", "its", "itself"}
# what an organisation (or a state) has and a product never does: "its plant", "its chief executive"
_KEPT_BY_ORGANISATIONS = {"plant", "factory", "headquarters", "share", "shareholder", "profit", "revenue", "earning",
                          "subsidiary", "workforce", "employee", "worker", "executive", "ceo", "chairman", "board",
                          "spokesman", "spokeswoman", "spokesperson", "store", "dealer", "union", "stake"}
REFLEXIVES = {"himself", "herself", "itself", "themselves"}
_HE = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
_GENDER = {w: "m" for w in ("he", "him", "his", "himself")} | {w: "f" for w in ("she", "her", "hers", "herself")}
# titles and role nouns that say a person's gender ("Mrs. Jones", "spokeswoman Jane Roe")
_GENDERED = {w: "m" for w in ("mr", "mr.", "sir", "king", "prince", "spokesman", "chairman", "father", "son",
                               "husband", "brother", "man", "boy", "uncle", "actor", "lord")} | {
    w: "f" for w in ("mrs", "mrs.", "ms", "ms.", "miss", "lady", "queen", "princess", "spokeswoman", "chairwoman",
                     "mother", "daughter", "wife", "sister", "woman", "girl", "aunt", "actress", "dame")}
# percent of people with a given name common enough to say a gender alone ("Mary", "Marilyn"; not
# "Eden", "Hilary": rare names that are words or places first)
_COMMON_GIVEN = 0.1
# first person inside a quotation: the speaker ("I"), or the organisation the speaker speaks for ("we")
_FIRST = {"i": False, "me": False, "my": False, "myself": False, "we": True, "us": True, "our": True, "ours": True,
          "ourselves": True}
# verbs whose subject speaks the quotation beside them; "quote" names the speaker as its object
SPEECH = {"say", "state", "add", "tell", "explain", "note", "write", "comment", "declare", "insist", "reply",
           "continue", "conclude", "announce", "remark", "argue", "warn", "admit", "acknowledge"}
# titles of people who speak for a company: such a speaker's "we", when the speaker's phrase
# names no organisation, is the organisation the story is about ("said spokeswoman Jane Roe")
_COMPANY_TITLES = {"spokesman", "spokeswoman", "spokesperson", "executive", "ceo", "chairman", "chairwoman",
                   "officer", "manager", "director", "cfo", "coo"}
# the classes of companies and other organisations a pronoun or a description may take up
ORGANISATIONS = {"schema:Organization", "schema:Corporation", "schema:Airline", "schema:NewsMediaOrganization"}


def taken(drafts: list[Draft]) -> list[tuple[int, int]]:
    return [span for d in drafts for span in d.spans()]


def free(drafts: list[Draft], start: int, end: int) -> bool:
    """No mention is there yet, nor one that crosses it (a description may hold a name:
    "the North Korean leader")."""
    return not any(a < end and start < b and not (start < a and b <= end) for a, b in taken(drafts))


def add_mention(drafts: list[Draft], draft: Draft, start: int, end: int, text: str) -> None:
    if free(drafts, start, end):
        draft.extra.append(Span(start, end, text[start:end]))


def resolve_pronouns(drafts: list[Draft], doc, text: str) -> None:
    quotations = _quoted(doc, text)
    quoting = _quoting(quotations)
    for token in doc:
        word = token.lower_
        if word not in _IT and word not in _HE or _expletive(token):
            continue
        person = word in _HE
        sentence = sentence_of(token)
        previous = sentence_of(doc[sentence.start - 1]) if sentence.start > 0 else None
        window = (previous.start_char if previous is not None else sentence.start_char, token.idx)
        # a pronoun resolved earlier counts as a mention: "it threatened ... Four days later, it cut off"
        islands = _modifiers(doc, window)
        fits = [d for d in drafts if _fits(d, person, text) and any(window[0] <= s < window[1] for s, _ in _referents(d))]
        if word == "its" and token.dep_ == "poss" and token.head.lemma_.lower() in _KEPT_BY_ORGANISATIONS:
            fits = [d for d in fits if coarse_type(d.typed.type) != "product"]  # "Explorer models built at its plant"
        speaker = _speaker_of(quotations, token) if person else None
        if person:  # "Mrs. Jones met Peter Brown. Brown said she ...": not a man
            fits = [d for d in fits if _gender(d, text) in (None, _GENDER[word]) and not _says(d, speaker)
                    and not _named_in(d, quoting.get(token.i, ()))]
        if person and not fits and previous is not None and token.dep_ in ("nsubj", "nsubjpass") \
                and not any(t.dep_ in ("relcl", "acl") for t in token.ancestors) \
                and not _someone_unnamed(drafts, doc[previous.start : token.i]):
            window, fits = _further_back(drafts, doc, text, previous, window, word, speaker)
        if word in REFLEXIVES:  # "the bomber blew himself up": its own clause's subject, or nobody
            subjects = [(t.idx, t.idx + len(t)) for t in reflexive_subjects(token)]
            fits = [d for d in fits if any(s < b and a < e for s, e in _mentions(d) for a, b in subjects)]
        elif token.dep_ in ("dobj", "pobj", "dative"):  # "it threatened to close it": not itself
            subjects = [(t.idx, t.idx + len(t)) for t in _clause_subjects(token)]
            # (the subject's head word lies inside a description: "the court should have taken it")
            fits = [d for d in fits if not any(s < b and a < e for s, e in _mentions(d) for a, b in subjects)]
        if len(fits) > 1:  # the one named in the pronoun's own sentence, before it
            here = [d for d in fits if any(sentence.start_char <= s < token.idx for s, _ in _referents(d))]
            fits = here if len(here) == 1 else fits
        if len(fits) > 1:  # "Airbus has won an order from Qatar Airways for 60 of its jets"
            subject = (own_subject(token, fits, _mentions) or same_subject(token, fits, _mentions)
                       or reported_speaker(token, fits, _mentions, SPEECH | {"announce", "confirm", "deny", "warn"}))
            fits = [subject] if subject is not None else fits
        if len(fits) > 1 and token.dep_ in ("nsubj", "nsubjpass") and token.head.dep_ == "ROOT" and previous is not None:
            heads = [t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
            heads += [c for t in heads for c in t.children if c.dep_ == "conj"]  # "Boeing and Airbus": two
            subjects = {(t.idx, t.idx + len(t)) for t in heads}
            fits = [d for d in fits if any(a <= s < b or s <= a < e for s, e in _referents(d) for a, b in subjects)]
        if len(fits) == 1 and (not person and _unnamed_rival(doc, token, fits[0], window)
                               or described_subject(taken(drafts), token, person)):
            continue
        if len(fits) == 1 and person and _outranked(drafts, doc, token, fits[0], window):
            continue
        if len(fits) == 1 and not _only_as_modifier(fits[0], window, islands):
            add_mention(drafts, fits[0], token.idx, token.idx + len(token), text)


def _further_back(drafts: list[Draft], doc, text: str, previous, window: tuple[int, int], word: str,
                  speaker=None):
    """A "he" or "she" with no person of its gender in its sentence or the one before looks
    further back: within its paragraph and the one before it, sentence by sentence up to
    three, to the first that tells of a person the text gives its gender, by name or by a pronoun already
    bound ("Cooper said ... 'recommended it two years ago.' She continued: ..."; "Warhol was
    close to pop culture. He was also an influential figure. 'Pop art was about ...', Kathryn
    Waters said. 'That's why he did the soup cans'"). It takes the one person of its gender
    told of there, or, of several, the one that is a subject there (the centre the text goes
    on about), when the text gives that person's gender (a person whose gender it does not give
    stops the search: "Robin Lee" may be meant); never the speaker of the quotation the pronoun
    is in, who would say "I"; never past a person the text does not name, who is a subject
    there or in the pronoun's own sentence ("The friend said ...").
    Returns the wider window and those people, or the window and none."""
    start = previous.start
    paragraphs = 0
    for _ in range(3):
        if start == 0:
            break
        earlier = sentence_of(doc[start - 1])
        paragraphs += "\n\n" in text[earlier.end_char - 1 : doc[start].idx + 1] or "\n\n" in earlier.text
        if paragraphs > 1:
            break
        start = earlier.start
        if _someone_unnamed(drafts, earlier):
            break  # "The friend said the attacker followed Jibril. 'I phoned the hotline,' he told the BBC."
        wider = (earlier.start_char, window[1])
        told = [d for d in drafts if d.typed.type == "schema:Person" and not _says(d, speaker) and any(
            wider[0] <= a < earlier.end_char for a, _ in _referents(d))]
        fits = [d for d in told if _gender(d, text) in (None, _GENDER[word])]
        if not fits:
            continue
        if len(fits) > 1:
            subjects = [t for t in earlier if t.dep_ in ("nsubj", "nsubjpass")]
            subjects += [c for t in subjects for c in t.conjuncts]  # "Lowe and Roe met": two
            fits = [d for d in fits if any(a <= t.idx < b for a, b in _referents(d) for t in subjects)]
        # a person whose gender the text does not give may be meant, but is never guessed
        return wider, [d for d in fits if len(fits) == 1 and _gender(d, text) == _GENDER[word]]
    return window, []


def _outranked(drafts: list[Draft], doc, pronoun, draft: Draft, window: tuple[int, int]) -> bool:
    """A subject "he" or "she" whose one candidate is named in the window, but not as a subject,
    after a person the text does not name who is ("One community worker said he warned the
    police"; "The friend said the attacker followed Jibril. 'I phoned the hotline,' he said"):
    the subject is the likelier referent (Lappin and Leass's salience), so neither is taken."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    span = doc.char_span(window[0], window[1], alignment_mode="contract")
    if span is None or not _someone_unnamed(drafts, span):
        return False
    subjects = [t for t in span if t.dep_ in ("nsubj", "nsubjpass")]
    return not any(a <= t.idx < b for a, b in _referents(draft) for t in subjects)


def _someone_unnamed(drafts: list[Draft], span) -> bool:
    """Whether the subject of a clause in the span is a person the text does not name ("One
    community worker said he contacted the police"), whom a "he" after it may well mean."""
    spans = taken(drafts)
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NN" and type_of(noun_lemma(t), t) == "schema:Person"
               and not any(a <= t.idx < b for a, b in spans) for t in span)


def _speaker_of(quotations: list[tuple[int, int, object]], token):
    """The speaker of the quotation a pronoun stands in (a token), or None."""
    return next((speaker for start, end, speaker in quotations if start <= token.idx < end), None)


def _quoting(quotations: list[tuple[int, int, object]]) -> dict[int, list[tuple[int, int]]]:
    """The quotations each speaker (by token index) says."""
    out: dict[int, list[tuple[int, int]]] = {}
    for start, end, speaker in quotations:
        if speaker is not None:
            out.setdefault(speaker.i, []).append((start, end))
    return out


def _named_in(draft: Draft, said: list[tuple[int, int]]) -> bool:
    """Whether a person is named in full in what a speaker says: "He said, 'Andy Warhol was the
    center of the Zeitgeist'" is not Warhol speaking of himself."""
    return any(a <= n.start < b and " " in n.text for n in draft.names for a, b in said)


def _says(draft: Draft, speaker) -> bool:
    """Whether the entity is the speaker (a token) of a quotation: "he" and "she" inside
    what someone says are someone else ("Wilkins said, 'He wanted to be rich'")."""
    return speaker is not None and any(a <= speaker.idx < b for a, b in _mentions(draft))


def _gender(draft: Draft, text: str) -> str | None:
    """What the text says of a person's gender: a title or role noun written with the name
    ("Mrs. Jones", "spokeswoman Jane Roe"), a role in apposition, "he"/"she" already bound to
    it, or a given name that mostly goes with one gender ("Peter Brown", or "Marilyn" alone);
    None when nothing says, or both."""
    said = {_GENDERED[n.title.lower()] for n in draft.names if n.title.lower() in _GENDERED}
    said |= {_GENDERED[h] for h in draft.heads if h in _GENDERED}
    for name in draft.names:
        before = text[max(0, name.start - 14) : name.start].split()
        if before and before[-1].lower() in _GENDERED:
            said.add(_GENDERED[before[-1].lower()])
    said |= {_GENDER[m.text.lower()] for m in draft.extra if m.text.lower() in _GENDER}
    said |= {n.given for n in draft.names if n.given in ("m", "f")}  # "Peter Brown": a man's given name
    if draft.typed.type == "schema:Person" and not said:
        # "Mary Jones": of a person, a first name that is a place's too (Mary, Turkmenistan) is a given name
        said |= {g[0] for n in draft.names if " " in n.text and (g := given_name(n.text.split()[0])) and g[0]
                 and g[1] >= _COMMON_GIVEN}
    if draft.names and all(" " not in n.text and n.label == "PERSON" for n in draft.names):
        # "the Marilyn pictures": a person the text calls by a given name alone, which mostly goes with one gender
        said |= {g[0] for n in draft.names if (g := given_name(n.text)) and g[0] and g[1] >= _COMMON_GIVEN}
    return said.pop() if len(said) == 1 else None


def _unnamed_rival(doc, pronoun, draft: Draft, window: tuple[int, int]) -> bool:
    """A subject the entity layer left unnamed may be what "it" means, when the one candidate
    is named in the sentence before, and not as a subject: in "The company recalled cars in
    Germany. It denied ...", "it" is the company (a subject "it", and a class noun subject of
    the sentence before). For "he" and "she" ("Police arrested Miller. The district attorney
    said her office ..."), kg.binding's described_subject decides."""
    own = sentence_of(pronoun).start_char
    spans = [(a, b) for a, b in _mentions(draft) if window[0] <= a < window[1]]
    if any(a >= own for a, _ in spans) or any(
            t.dep_ in ("nsubj", "nsubjpass") for a, b in spans for t in doc.char_span(a, b, alignment_mode="expand") or ()):
        return False
    classes = name_words()["class-noun"]
    for token in doc.char_span(*window, alignment_mode="contract") or ():
        if (token.i >= pronoun.i or token.dep_ not in ("nsubj", "nsubjpass") or token.tag_ != "NN"
                or any(c.dep_ == "appos" for c in token.children)):
            continue
        if (pronoun.dep_ in ("nsubj", "nsubjpass") and token.idx < own and token.lemma_.lower() in classes
                and (token.head.dep_ == "ROOT" or token.head.dep_ == "conj" and token.head.head.dep_ == "ROOT")):
            return True
    return False


def _only_as_modifier(draft: Draft, window: tuple[int, int], islands: set[int]) -> bool:
    """A place named in the window only to say where something is from ("the U.S. automaker
    said it would ...") is no antecedent: "it" is the automaker."""
    return draft.typed.place is not None and all(
        s in islands for s, _ in _referents(draft) if window[0] <= s < window[1])


def resolve_quoted(drafts: list[Draft], doc, text: str) -> None:
    """"I" inside a quotation is its speaker; "we", "our" and "us" the organisation the speaker
    speaks for: the speaker itself if it is one, else the one organisation named in the
    speaker's own noun phrase ("said Apple CEO Steve Jobs", "said Joe Smith, chairman of
    Acme"). A speaker whose organisation the phrase does not name gives no referent."""
    for start, end, speaker in _quoted(doc, text):
        if speaker is None:
            continue
        phrase = (speaker.left_edge.idx, speaker.right_edge.idx + len(speaker.right_edge))
        # a clause inside the phrase tells about something else: "Jane Roe, whose state builds Acme's planes"
        aside = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in speaker.subtree
                 if t.dep_ in ("relcl", "acl", "advcl")]
        named = [d for d in drafts if any(phrase[0] <= a < phrase[1] and not any(x <= a < y for x, y in aside)
                                          for a, _ in _referents(d))]
        person = [d for d in named if d.typed.type == "schema:Person" and any(
            a <= speaker.idx < b for a, b in _mentions(d))]
        # an "organisation" spaCy also read as a person's name ("Jane Roe" and "Roe") may be one
        # a team's coach or player speaks for the team: "Panama coach Roberto Alvarez said, 'We ...'"
        organisations = [d for d in named if d.typed.type in ORGANISATIONS | {"schema:SportsTeam"}
                         and not any(n.label == "PERSON" for n in d.names)]
        if len(organisations) > 1:  # "Jane Roe of Acme": the organisation she is of, not herself
            organisations = [d for d in organisations if not any(a <= speaker.idx < b for a, b in _mentions(d))]
        if not organisations and len(person) == 1 and _speaks_for_a_company(person[0], text, phrase):
            organisations = _story_organisation(drafts, doc, start)
        for token in doc.char_span(start, end, alignment_mode="contract") or ():
            plural = _FIRST.get(token.lower_)
            if plural is None:
                continue
            # a speaker that is an organisation speaks for itself: "we" is it
            fits = organisations if plural else person
            if len(fits) == 1:
                add_mention(drafts, fits[0], token.idx, token.idx + len(token), text)


def _quoted(doc, text: str) -> list[tuple[int, int, object]]:
    """Each quotation's span with its speaker (a token, or None), in text order; a quotation
    without a speech verb of its own that goes on from the one before has that one's speaker."""
    out, said = [], None  # said: the last quotation's end and its speaker
    for start, end in sorted(_quotations(text)):
        speaker = _speaker(doc, start, end)
        if speaker is None and said is not None:
            speaker = _speaker_going_on(doc, text, said, start)
        said = (end, speaker)
        out.append((start, end, speaker))
    return out


def _speaks_for_a_company(person: Draft, text: str, phrase: tuple[int, int]) -> bool:
    """A title of a company's spokesperson in the speaker's phrase or right before one of
    the person's names ("Spokeswoman Jane Roe ... said Roe")."""
    words = set(re.findall(r"\w+", text[phrase[0] : phrase[1]].lower()))
    for name in person.names:
        words |= set(re.findall(r"\w+", text[max(0, name.start - 30) : name.start].lower())[-2:])
    return bool(words & _COMPANY_TITLES)


def _story_organisation(drafts: list[Draft], doc, at: int) -> list[Draft]:
    """The organisation the story is about, as a list of one (or none): the one named before
    ``at`` at least twice as often as any other; among several named equally often, the one
    that is the subject of the first sentence with an organisation as subject (the headline
    or the lead: "Acme offers ...")."""
    counts = sorted(((sum(1 for a, _ in _referents(d) if a < at), id(d), d) for d in drafts
                     if d.typed.type in ORGANISATIONS), key=lambda c: -c[0])
    if not counts or counts[0][0] < 2:
        return []
    if len(counts) == 1 or counts[0][0] >= 2 * counts[1][0] + 1:
        return [counts[0][2]]
    top = [d for n, _, d in counts if n == counts[0][0]]
    for token in doc:
        if token.idx >= at:
            break
        if token.dep_ == "nsubj" and token.head.dep_ == "ROOT":
            first = [d for d in drafts if d.typed.type in ORGANISATIONS and any(a <= token.idx < b for a, b in _mentions(d))]
            if first:
                return first if len(first) == 1 and first[0] in top else []
    return []


def _quotations(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks: an opening mark (`` or “) with the next closing
    one, across paragraphs (a quotation may run on into the next); straight double quotes,
    which do not say which way they face, paired within a paragraph with an even count, and
    a paragraph's last mark left over with the first of the next paragraph when that one has
    one over too (a quotation run on into the next paragraph)."""
    out = []
    for match in re.finditer(r"(?:``|“)([^`“”]*?)(?:''|”)", text):
        out.append((match.start(1), match.end(1)))
    left = None  # where a quotation that the paragraph before did not close opened
    for paragraph in re.finditer(r"[^\n]+", text):
        marks = [m.start() for m in re.finditer('"', paragraph.group())]
        marks = [paragraph.start() + m for m in marks]
        if left is not None and len(marks) % 2:  # closes the quotation the paragraph before left open
            out.append((left + 1, marks.pop(0)))
            left = None
        elif len(marks) % 2:  # opens one that runs on into the next paragraph
            left = marks.pop()
        else:
            left = None
        for opening, closing in zip(marks[::2], marks[1::2], strict=True):
            out.append((opening + 1, closing))
    return out


def _speaker_going_on(doc, text: str, said: tuple, start: int):
    """"'..., ' Smith said. 'I ...'": a quotation with no speech verb of its own that opens
    the sentence right after the one where the quotation before it got its speaker goes on in
    that speaker's voice; not when a sentence of other words stands between ("... Smith said.
    Jones disagreed. '...'"), nor across a paragraph."""
    end, speaker = said
    if speaker is None or not end <= speaker.idx < start:
        return None
    sentence = sentence_of(speaker)
    between = text[sentence.end_char : start] if sentence.end_char <= start else None
    return speaker if between is not None and not between.strip(' "“`') else None


def _speaker(doc, start: int, end: int):
    """The subject of a speech verb outside the quotation, in a sentence the quotation touches
    ("'...,' said Angers"; "Enders said in a statement, '...'"), or the object of "quote"."""
    first = doc.char_span(start, end, alignment_mode="contract")
    if first is None or not len(first):
        return None
    sentences = {sentence_of(first[0]).start: sentence_of(first[0]), sentence_of(first[-1]).start: sentence_of(first[-1])}
    found = []
    for sentence in sentences.values():
        for verb in sentence:
            if start <= verb.idx < end or verb.lemma_ not in SPEECH | {"quote"}:
                continue
            deps = ("dobj",) if verb.lemma_ == "quote" else ("nsubj",)
            subjects = [c for c in verb.children if c.dep_ in deps]
            if not subjects and verb.dep_ in ("advcl", "xcomp", "conj"):  # "Jobs resigned, stating '...'"
                subjects = [c for c in verb.head.children if c.dep_ == "nsubj"]
            found += [c for c in subjects if not start <= c.idx < end]
    return found[0] if len(found) == 1 else None


def resolve_they(drafts: list[Draft], doc, text: str) -> None:
    """"Acme have announced that they will ...": "they" as the subject of a that-clause whose
    verb's subject is an organisation is that organisation (British English makes a company
    plural), unless a plural noun or a pair ("Acme and Delta") stands between them."""
    for token in doc:
        if token.lower_ != "they" or token.dep_ != "nsubj" or token.head.dep_ != "ccomp":
            continue
        subjects = [c for c in token.head.head.children if c.dep_ == "nsubj" and c.i < token.i]
        if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].children):
            continue
        between = token.doc[subjects[0].i + 1 : token.i]
        if any(t.tag_ in ("NNS", "NNPS") or t.lower_ in ("he", "she", "we") for t in between):
            continue
        fits = [d for d in drafts if d.typed.type in ORGANISATIONS
                and any(a <= subjects[0].idx < b for a, b in _mentions(d))]
        if len(fits) == 1:
            add_mention(drafts, fits[0], token.idx, token.idx + len(token), text)
    for token in doc:
        if token.lower_ == "they" and token.dep_ == "nsubj" and token.head.dep_ == "ROOT":
            group = _plural_subject_before(drafts, doc, token)
            if group is not None:
                add_mention(drafts, group, token.idx, token.idx + len(token), text)


def _plural_subject_before(drafts: list[Draft], doc, pronoun) -> Draft | None:
    """"The Belgians took the lead. They scored twice more": a main-clause "they" is the one
    group that was the subject of the sentence before, named in the plural ("the Belgians",
    "Republicans") or a team; not a pair ("Apple and Google"), and not when a plural noun
    stands between them ("... with the fans. The players said they")."""
    own = sentence_of(pronoun)
    if own.start == 0 or any(t.tag_ in ("NNS", "NNPS") for t in doc[own.start : pronoun.i]):
        return None
    previous = sentence_of(doc[own.start - 1])
    subjects = [t for t in previous if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"]
    if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].children):
        return None
    subject = subjects[0]
    if any(t.tag_ in ("NNS", "NNPS") and t.i > subject.i for t in previous):
        return None
    fits = [d for d in drafts if any(a <= subject.idx < b for a, b in _mentions(d))]
    if len(fits) != 1 or fits[0].typed.type == "schema:Person" and subject.tag_ != "NNPS":
        return None
    return fits[0] if subject.tag_ == "NNPS" or fits[0].typed.type == "schema:SportsTeam" else None


def _referents(draft: Draft) -> list[tuple[int, int]]:
    """What a pronoun may point back to: names, descriptions and pronouns already resolved
    (not demonyms: "South Korean" is no antecedent of "it")."""
    return [(n.start, n.end) for n in draft.names if n.label != "NORP"] + [(m.start, m.end) for m in draft.extra]


def _modifiers(doc, window: tuple[int, int]) -> set[int]:
    """Where names used as modifiers of a noun start ("the U.S. automaker", "Apple CEO Steve
    Jobs"). A place there only says where the thing is from ("the U.S. automaker said it":
    "it" is the automaker), while news names a company there as the one it is about ("Apple
    CEO Steve Jobs said it"), so only places are refused as antecedents."""
    span = doc.char_span(window[0], window[1], alignment_mode="expand")
    starts = set()
    for token in span or ():
        if token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN") \
                and token.head.i > token.i and token.head.ent_iob_ in ("", "O", "B"):
            starts.add(token.left_edge.idx if token.left_edge.dep_ == "compound" else token.idx)
            starts.add(token.idx)
    return starts


def _clause_subjects(token) -> list:
    """The subjects of the verb an object pronoun depends on, and of the verb that controls it."""
    return _subjects_of(token.head if token.dep_ != "pobj" else token.head.head)


def reflexive_subjects(token) -> list:
    """Whom a reflexive stands for: the subjects of its own clause ("the bomber blew himself
    up"), or of the verb that controls it ("decided to treat his daughter himself")."""
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return _subjects_of(verb) if verb is not None else []


def _subjects_of(verb) -> list:
    """The subjects of a verb, or of the verb that controls it ("decided to treat ...")."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not found and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        found = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return found


def _mentions(draft: Draft) -> list[tuple[int, int]]:
    return [(n.start, n.end) for n in draft.names] + [(m.start, m.end) for m in draft.extra]


def antecedents(draft: Draft) -> list[tuple[int, int]]:
    """Mentions a pronoun may point back to: names and descriptions, not demonyms nor pronouns."""
    names = [(n.start, n.end) for n in draft.names if n.label != "NORP"]
    return names + [(m.start, m.end) for m in draft.extra if m.text.lower() not in _IT | _HE]


def _fits(draft: Draft, person: bool, text: str) -> bool:
    is_person = draft.typed.type == "schema:Person"
    if person:
        return is_person
    # a place with a plural name, which takes "the" ("the Philippines", "the two Koreas"), is no
    # "it"; a city whose name ends in -s ("Athens", "Brussels") is, and so is an organisation
    # named for its seat
    plural_place = draft.typed.type not in ORGANISATIONS and any(
        n.text.endswith("s") and n.label == "GPE" and _after_the(text, n.start) for n in draft.names)
    return not is_person and not plural_place


def _after_the(text: str, start: int) -> bool:
    return re.search(r"\b(?:[Tt]he)(?: \w+)? $", text[max(0, start - 12) : start]) is not None


def _expletive(token) -> bool:
    """"it is expected that ...", "it seems": no referent; nor one among the entities in "it
    was the thirteenth increase in a row", where what "it" is is an event."""
    if token.lower_ != "it":
        return False
    head = token.head
    return head.lemma_ in ("seem", "appear", "rain", "matter") or head.lemma_ == "be" and (
        any(c.dep_ in ("ccomp", "xcomp") for c in head.children) and any(c.dep_ == "acomp" for c in head.children)
        or any(c.dep_ == "attr" and c.tag_ == "NN" and c.lemma_ in load_lexicon().nouns for c in head.children))
