"""Temporal expressions -> values normalised against the publication date.

``normalise`` reads one expression; ``extract_times`` finds the expressions of a parsed article,
works out the tense of each one's clause and passes the last date named along, so that chains
("four days later") count from it. Values are xsd:date ("2020-06-16"), xsd:gYearMonth ("2020-06")
or xsd:gYear ("2020"), never more precise than the text, and never read from the machine's clock.
The forms themselves are the table in ``timex_patterns``; the calendar arithmetic is ``timex_values``.
"""

from __future__ import annotations

import re
from datetime import date

from kg.model import Span, TimeMention
from kg.text.tokens import text_of

from .patterns import MONTHS, RULES, WEEKDAYS
from .values import Context, checked, fmt, parse

TENSES = ("past", "present", "future")

_LEADING = re.compile(r"^(?:(?:on|in|at|during|of|since|by|until|till|from)\s+)+", re.IGNORECASE)
# Each rule again, as a scanner over running text: not inside a word or a number ("1,000 years
# ago"), and case-sensitive where case tells a date apart from a verb (see _plausible).
_SCANNERS = tuple(re.compile(r"(?<!\w)(?<!\d[,.])(?:" + rule.pattern.pattern + r")(?!\w)", re.IGNORECASE)
                  for rule in RULES)
_CLOCK_THEN_DAY = re.compile(r"\s*,?\s*(?:on\s+)?")
_FUTURE_MODALS = {"will", "'ll", "shall", "wo", "would", "should", "may", "might"}
_PERFECT = {"have", "has", "had", "'ve"}
# A clause governed by these looks forward: "plans to open", "is scheduled for", "is due in".
_PROSPECTIVE = {"plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "want", "seek",
                "prepare", "propose", "promise", "vow", "pledge", "anticipate", "forecast", "predict", "go"}
# Names that are dates in any case: not "may", "march", "august" or abbreviations ("sat", "sun").
_UNAMBIGUOUS = (set(MONTHS) | set(WEEKDAYS)) - {"may", "march", "august"}
# A bare year not tagged DATE by spaCy is still one after these: "from 2009 to 2011".
_YEAR_PREPOSITIONS = {"in", "since", "by", "until", "till", "from", "to", "through", "before", "after",
                      "between", "of", "during", "around", "for"}


def normalise(expression: str, anchor: date | None, *, tense: str = "past", last: str | None = None) -> str | None:
    """The value of one temporal expression, or None when it is not an instant the text fixes.

    ``anchor`` is the publication date (None: only what the text fixes by itself); ``tense`` is
    that of the expression's clause ("past", "present", "future"); ``last`` is the value of the
    date the text named last, which chains ("the next day", "hours later") count from.

    >>> normalise("on Tuesday", date(2020, 6, 16))
    '2020-06-16'
    """
    if tense not in TENSES:
        raise ValueError(f"tense must be one of {', '.join(TENSES)} (got {tense!r})")
    context = Context(anchor, tense, parse(last) if last else None)
    text = " ".join(expression.replace("\u2019", "'").split()).strip(",;:")
    text = re.sub(r"'s$", "", _LEADING.sub("", text))
    for rule in RULES:
        match = rule.pattern.fullmatch(text)
        if match:
            value = rule.resolve(match, context)
            return fmt(value) if value and checked(*value) else None
    return None


def extract_times(doc, anchor: date | None) -> list[TimeMention]:
    """Every temporal expression of a spaCy Doc that denotes an instant, normalised, in text order."""
    found, last = [], None
    spans = _expressions(doc)
    for i, (start, end, rule) in enumerate(spans):
        base = last
        following = spans[i + 1] if i + 1 < len(spans) else None
        if rule == "clock time" and following and _CLOCK_THEN_DAY.fullmatch(text_of(doc)[end : following[0]]):
            # "at 3 a.m. on Sunday": the time is on the day named right after it
            base = _value(doc, following[:2], anchor, last) or last
        value = _value(doc, (start, end), anchor, base)
        if value:
            found.append(TimeMention(Span(start, end, text_of(doc)[start:end]), value))
            if not _fills_line(text_of(doc), start, end):  # a date line is not said, so not pointed back at
                last = value
    return found


def _value(doc, where: tuple[int, int], anchor: date | None, last: str | None) -> str | None:
    start, end = where
    span = doc.char_span(start, end, alignment_mode="expand")
    return normalise(text_of(doc)[start:end], anchor, tense=clause_tense(span) if span else "past", last=last)


def _fills_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and not text[end : None if line_end < 0 else line_end].strip()


def _expressions(doc) -> list[tuple[int, int, str]]:
    """Where the rules match, the longest match winning where matches overlap (ties: the rule
    listed first), including the matches of rules without a value: "the next four years" must
    not yield "four years"."""
    candidates = []
    for index, (rule, scanner) in enumerate(zip(RULES, _SCANNERS, strict=True)):
        for match in scanner.finditer(text_of(doc)):
            if _plausible(doc, rule.name, match):
                candidates.append((match.start(), match.end(), index))
    chosen: list[tuple[int, int, str]] = []
    for start, end, index in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, RULES[index].name))
    return sorted(chosen)


def _plausible(doc, rule: str, match: re.Match) -> bool:
    """Abbreviated and ambiguous month names are capitalised ("may", "march" are verbs; a
    headline put in sentence case may have lower-cased the others); a lone month name is not
    part of a name ("Theresa May") and a lone "May" or "March" is a proper noun; a bare
    four-digit number is a year to spaCy."""
    if "\n" in match.group():
        return False
    words = [match.groupdict().get(name) for name in ("month", "weekday")]
    if any(w and w.islower() and (w not in _UNAMBIGUOUS) for w in words):
        return False
    if rule not in ("month", "year"):
        return True
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if not span:
        return False
    token = span[-1]
    if rule == "month":
        if token.ent_type_ not in ("", "DATE") or _in_a_name(token):
            return False
        return match.group().lower() not in ("may", "march") or token.tag_ == "NNP" or token.ent_type_ == "DATE"
    if token.dep_ in ("nummod", "compound") and token.head.i < token.i and token.head.tag_ in ("NN", "NNS"):
        return False  # a number after a common noun: "flight 1549", "room 2001"
    return token.ent_type_ in ("DATE", "TIME") or (token.dep_ == "pobj" and token.head.lower_ in _YEAR_PREPOSITIONS)


def _in_a_name(token) -> bool:
    """Theresa May, June Carter, the Long March: a month name inside a proper name."""
    if token.dep_ == "compound" and token.head.pos_ == "PROPN":
        return True
    return any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in token.children)


def clause_tense(span) -> str:
    """The tense of the clause a span sits in, from its governing verb's morphology and
    auxiliaries. "will"/"would"/"may", "is going to", "plans to", "is scheduled for" are future;
    perfects are past unless "will have". Without a verb (a headline, a noun phrase) it is past, as news mostly is."""
    verb = _verb_above(span.root)
    while verb is not None:
        auxiliaries = {a.lower_: a for a in verb.children if a.dep_ in ("aux", "auxpass")}
        modals = auxiliaries.keys() & _FUTURE_MODALS
        if auxiliaries.keys() & _PERFECT and not modals & {"will", "'ll", "shall", "wo"}:
            return "past"  # "has closed", "may have crashed"; but "will have closed" is future
        if modals:
            return "future"
        if "VBD" in {verb.tag_, *(a.tag_ for a in auxiliaries.values())}:
            return "past"
        if verb.tag_ in ("VBZ", "VBP") or any(a.tag_ in ("VBZ", "VBP") for a in auxiliaries.values()):
            prospective = verb.lemma_ in _PROSPECTIVE or any(
                c.lemma_ in _PROSPECTIVE for c in verb.children if c.dep_ in ("acomp", "xcomp", "oprd"))
            return "future" if prospective else "present"
        if verb.tag_ == "VBN":  # a reduced relative: "delivered on Tuesday", "scheduled for Friday"
            return "future" if verb.lemma_ in _PROSPECTIVE else "past"
        # an infinitive or a gerund takes its tense from the verb it depends on
        head = _verb_above(verb.head) if verb.head.i != verb.i else None
        if head is None and "to" in auxiliaries:  # a headline's "Boeing to build ..."
            return "future"
        if head is not None and "to" in auxiliaries and head.lemma_ in _PROSPECTIVE:
            return "past" if clause_tense(head.doc[head.i : head.i + 1]) == "past" else "future"
        verb = head
    return "past"


def _verb_above(token):
    """The nearest verb at or above a token in the parse, or None."""
    while token.pos_ not in ("VERB", "AUX"):
        if token.head.i == token.i:
            return None
        token = token.head
    return token
