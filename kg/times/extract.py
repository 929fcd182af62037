"""Temporal expressions -> values normalised against the publication date.

``normalise`` reads one expression; ``extract_times`` finds the expressions of a parsed article,
works out the tense of each one's clause and passes the last date named along, so that chains
("four days later") count from it. Values are TimeML's: a date ("2020-06-16"), month
("2020-06") or year ("2020"), or what XSD has no type for ("2020-W25", "2020-Q2",
"2020-06-16T09:30", "PRESENT_REF"); never more precise than the text, and never read from the
machine's clock. The forms themselves are the table in ``patterns``; the calendar arithmetic
is ``values``.
"""

from __future__ import annotations

import re
from datetime import date

from kg.model import Span, TimeMention
from kg.text.tokens import sentence_of, text_of
from kg.vocab.lexicon import load_lexicon

from .patterns import MONTHS, RULES, WEEKDAYS, zone_of
from .values import Context, calendar_part, checked, fmt, parse

TENSES = ("past", "present", "future")

_LEADING = re.compile(r"^(?:(?:on|in|at|during|of|since|by|until|till|from|for|over)\s+)+", re.IGNORECASE)
# Each rule again, as a scanner over running text: not inside a word or a number ("1,000 years
# ago"), and case-sensitive where case tells a date apart from a verb (see _plausible).
_SCANNERS = tuple(re.compile(r"(?<!\w)(?<!\d[,.])(?:" + rule.pattern.pattern + r")(?!\w)", re.IGNORECASE)
                  for rule in RULES)
_CLOCK_THEN_DAY = re.compile(r"\s*,?\s*(?:on\s+)?")
_AND_DAY = re.compile(r"\s+(?:and|or)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\w%]|[.,]\d|\s+(?:percent|per\s+cent|%|[a-z]))")
# The forms of a TimeML value kg writes (see kg.times.values)
_TIMEML_VALUE = (r"\d{4}(?:-\d\d(?:-\d\d(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?)?|-W\d\d(?:-WE)?|-[QH][1-4]|-(?:SP|SU|FA|WI))?"
                 r"|\d{2,3}|(?:PRESENT|PAST|FUTURE)_REF")
_FUTURE_MODALS = {"will", "'ll", "shall", "wo", "would", "should", "may", "might"}
_PERFECT = {"have", "has", "had", "'ve"}
# A clause governed by these looks forward: "plans to open", "is scheduled for", "is due in".
_PROSPECTIVE = {"plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "want", "seek",
                "prepare", "propose", "promise", "vow", "pledge", "anticipate", "forecast", "predict", "go"}
# The verbs of scheduling: what they schedule lies ahead, whatever their own tense
_SCHEDULING = {"plan", "schedule", "slate", "intend"}
# Verbs whose "until" phrase is a deadline or an end ahead, beside the lexicon's delays, suspensions, closings
_DEFERRING = {"extend", "adjourn", "give", "grant", "allow"}
# Names that are dates in any case: not "may", "march", "august" or abbreviations ("sat", "sun").
_UNAMBIGUOUS = (set(MONTHS) | set(WEEKDAYS)) - {"may", "march", "august"}
# A bare year not tagged DATE by spaCy is still one after these: "from 2009 to 2011".
# Verbs whose "at"/"to" phrase is a level ("closed at 1985"), beside the lexicon's rises and falls
_LEVEL_VERBS = {"close", "end", "finish", "open", "trade", "stand", "settle", "rise", "fall", "climb", "drop", "slip",
                "edge", "rebound", "recover", "retreat", "advance", "decline", "hit", "touch"}
_LEVEL_UNITS = {"points", "point", "pence", "cents", "yen", "level", "mark"}
# Words before a weekday that say which one it is, not that it is a name ("Late Friday", "Last Friday")
_DAY_MODIFIERS = {"last", "next", "this", "past", "coming", "late", "early", "later", "earlier", "on", "by", "until",
                  "since", "every", "each", "that", "mid", "before", "after", "from", "through"}
# Words that precede a year without making a name of it ("Christmas 2008")
_BEFORE_A_YEAR = set(MONTHS) | {"christmas", "easter", "thanksgiving", "ramadan", "spring", "summer", "autumn", "fall",
                                "winter", "q1", "q2", "q3", "q4", "h1", "h2"}
# Names of occasions whose number is the year they are held in ("Developers Conference 2010")
_OCCASIONS = {"conference", "summit", "games", "olympics", "cup", "championship", "championships", "expo", "show",
              "festival", "fair", "congress", "convention", "election", "elections", "forum", "week", "day"}
# Words of a report of money or output, beside amounts and percentages
_FINANCE_NOUNS = {"profit", "earnings", "revenue", "sale", "loss", "income", "growth", "gdp", "output", "result",
                  "dividend", "margin", "economy", "turnover", "shipment", "delivery", "order", "fiscal", "financial"}
_YEAR_PREPOSITIONS = {"in", "since", "by", "until", "till", "from", "to", "through", "before", "after",
                      "between", "of", "during", "around", "for"}


def normalise(expression: str, anchor: date | None, *, tense: str = "past", last: str | None = None) -> str | None:
    """The TimeML value of one temporal expression, or None when it is not a point or period
    of the calendar that the text fixes.

    ``anchor`` is the publication date (None: only what the text fixes by itself); ``tense`` is
    that of the expression's clause ("past", "present", "future"); ``last`` is the value of the
    date the text named last, which chains ("the next day", "hours later") count from.

    >>> normalise("on Tuesday", date(2020, 6, 16)), normalise("the third quarter of 2009", None)
    ('2020-06-16', '2009-Q3')
    """
    return _resolve(expression, _context(anchor, tense, last, last))


def _context(anchor: date | None, tense: str, last: str | None, named: str | None) -> Context:
    if tense not in TENSES:
        raise ValueError(f"tense must be one of {', '.join(TENSES)} (got {tense!r})")
    if last is not None and (re.fullmatch(r"[\d-]+", last) or not re.fullmatch(_TIMEML_VALUE, last)):
        parse(last)  # a ValueError names what is neither a calendar value nor another TimeML value
    return Context(anchor, tense, calendar_part(last) if last else None, named)


def _resolve(expression: str, context: Context) -> str | None:
    text = " ".join(expression.replace("\u2019", "'").split()).strip(",;:")
    text = re.sub(r"'s$", "", _LEADING.sub("", text))
    for rule in RULES:
        match = rule.pattern.fullmatch(text)
        if match:
            value = rule.resolve(match, context)
            if isinstance(value, tuple):
                return fmt(value) if checked(*value) else None
            return value
    return None


def extract_times(doc, anchor: date | None) -> list[TimeMention]:
    """Every temporal expression of a spaCy Doc that denotes a point or period of the
    calendar, normalised, in text order. A clock time and the day right after it ("09:30 GMT
    on Tuesday") are one mention, one instant."""
    text = text_of(doc)
    found, last, named = [], None, None
    spans = _expressions(doc)
    skip = None
    for i, (start, end, rule) in enumerate(spans):
        if skip == i:
            continue
        following = spans[i + 1] if i + 1 < len(spans) else None
        value, zone = None, None
        if rule == "clock time" and following and _CLOCK_THEN_DAY.fullmatch(text[end : following[0]]):
            # "at 3 a.m. on Sunday": the time is on the day named right after it
            day = _value(doc, following[:2], anchor, last, named)
            day = calendar_part(day) if day else None
            if day is not None and day[2] is not None:
                value = _value(doc, (start, end), anchor, fmt(day), named)
                end, skip = following[1], i + 1
        if value is None and rule == "the day":
            # "for the day" in a market report: the trading day its sentence names, else the story's
            value = _value(doc, (start, end), anchor, _day_in_sentence(doc, found, start), named)
        if value is None:
            value = _value(doc, (start, end), anchor, last, named)
        if rule == "clock time":
            zone = zone_of(text[start:end])
        if value:
            found.append(TimeMention(Span(start, end, text[start:end]), value, zone))
            if rule == "month day":
                found += _second_day(text, end, value, following)
            if not _fills_line(text, start, end):  # a date line is not said, so not pointed back at
                named = value
                if calendar_part(value) is not None:
                    last = value
    return found


def _day_in_sentence(doc, found: list[TimeMention], start: int) -> str | None:
    """The last day named before ``start`` in its sentence."""
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if not token:
        return None
    sentence = sentence_of(token[0])
    begin = sentence[0].idx
    days = [m.value for m in found if begin <= m.span.start < start and re.fullmatch(r"\d{4}-\d\d-\d\d", m.value)]
    return days[-1] if days else None


def _second_day(text: str, end: int, value: str, following) -> list[TimeMention]:
    """"on April 24 and 25": the second day is of the same month."""
    match = _AND_DAY.match(text, end)
    if not match or (following and following[0] < match.end()) or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return []
    day = checked(int(value[:4]), int(value[5:7]), int(match.group("day")))
    if day is None or day[2] <= int(value[8:]):
        return []
    start = match.start("day")
    return [TimeMention(Span(start, match.end(), text[start : match.end()]), fmt(day))]


def _value(doc, where: tuple[int, int], anchor: date | None, last: str | None, named: str | None) -> str | None:
    start, end = where
    span = doc.char_span(start, end, alignment_mode="expand")
    tense = clause_tense(span) if span else "past"
    if tense == "future" and span and span[-1].dep_ == "poss":
        tense = "present"  # "would get around Wednesday's ruling": a thing of that day, the nearest one
    year = _year_of_phrase(span) if span and not re.search(r"\d{4}", span.text) else None
    if year is not None:  # "the September 11 attacks in 2001": the day of that year
        anchor, tense = date(year, 12, 31), "past"
    return _resolve(text_of(doc)[start:end], _context(anchor, tense, last, named))


def _year_of_phrase(span) -> int | None:
    """The year of the noun phrase a day without its year modifies: "the September 11 attacks
    in 2001", "the March 3 vote of 2005"."""
    token = span.root
    head = token.head
    if token.dep_ not in ("compound", "nmod", "amod") or head.pos_ != "NOUN" or head.i < token.i:
        return None
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "of")):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if re.fullmatch(r"[12]\d{3}", pobj.text):
                return int(pobj.text)
    return None


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
    headline put in sentence case may have lower-cased the others); then each form's own
    test of the parse (see _GATES)."""
    if "\n" in match.group():
        return False
    words = [match.groupdict().get(name) for name in ("month", "weekday")]
    if any(w and w.islower() and (w not in _UNAMBIGUOUS) for w in words):
        return False
    gate = _GATES.get(rule)
    if gate is None:
        return True
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    return bool(span) and gate(span, match)


def _a_month(span, match) -> bool:
    """A lone month name is not part of a name ("Theresa May", "the October Revolution", "the
    annual March for Life": a month takes no article) and a lone "May" or "March" is a proper noun."""
    token = span[-1]
    if token.ent_type_ not in ("", "DATE") or _in_a_name(token):
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if span[0].i == token.i and _after(span, "the", "a", "an", "annual") and not (
            following is not None and following.pos_ == "NOUN" and following.is_lower):
        return False  # "the March for Life"; but "the October slaying" is in October
    return match.group().lower() not in ("may", "march") or token.tag_ == "NNP" or token.ent_type_ == "DATE"


def _a_year(span, match) -> bool:
    """A bare four-digit number is a year to spaCy, or after a preposition of time; not after
    a common noun ("flight 1549"), inside a name ("the Russell 2000", "Windows 2000"), or as
    the level a price or an index reaches ("closed at 1985", "rose to 2010")."""
    token = span[-1]
    if token.dep_ in ("nummod", "compound") and token.head.i < token.i and token.head.tag_ in ("NN", "NNS"):
        return False  # a number after a common noun: "flight 1549", "room 2001"
    before = token.nbor(-1) if token.i > 0 else None
    if before is not None and before.pos_ == "PROPN" and before.is_title and before.lower_ not in _BEFORE_A_YEAR \
            and before.lemma_.lower() not in _OCCASIONS and (before.head.i == token.i or token.head.i == before.i):
        return False  # "the Russell 2000", "Windows 2000": a name that ends in a number
    if _a_level(token):
        return False
    return token.ent_type_ in ("DATE", "TIME") or (token.dep_ == "pobj" and token.head.lower_ in _YEAR_PREPOSITIONS)


def _a_level(token) -> bool:
    """"The index closed at 1985", "shares rose to 2010 pence": a number that a value moves to
    or stands at, after "at" or "to" on a verb of rising, falling or closing, or before "points"."""
    if token.i + 1 < len(token.doc) and token.nbor(1).lower_ in _LEVEL_UNITS:
        return True
    if token.dep_ != "pobj" or token.head.lower_ not in ("at", "to"):
        return False
    verb = token.head.head
    if verb.lemma_ in _LEVEL_VERBS:
        return True
    lexicon = load_lexicon()
    kind = lexicon.event_type(verb.lemma_.lower(), pos="VERB") if verb.pos_ == "VERB" else None
    return kind is not None and any(lexicon.is_a(kind, c) for c in ("kgo:Increase", "kgo:Decrease"))


def _a_weekday(span, match) -> bool:
    """"Black Friday", "Super Tuesday", "Bloody Sunday": a weekday that a capitalised word
    modifies is a name, not the day of this week."""
    if match["rel"]:
        return True
    token = next((t for t in span if t.lower_ in WEEKDAYS), span[0])
    return not any(c.dep_ in ("compound", "amod", "nmod") and c.i == token.i - 1 and c.is_title
                   and c.pos_ in ("PROPN", "ADJ", "NOUN") and c.lower_ not in _DAY_MODIFIERS for c in token.children)


def _now(span, match) -> bool:
    """"now" as a time adverb ("is now operating", "for now"), not a sentence's opening
    discourse word ("Now, the question is ...") nor part of a compound ("now-cancelled")."""
    token = span[0]
    sentence = sentence_of(token)
    opening = next((t for t in sentence if not t.is_punct and not t.is_space), token)
    return token.i != opening.i and token.pos_ in ("ADV", "NOUN", "ADJ")


def _overnight_adverb(span, match) -> bool:
    """"fell overnight" tells when; "an overnight rate", "an overnight stay" tell what kind."""
    token = span[0]
    return token.dep_ not in ("amod", "compound", "nmod") and token.pos_ != "ADJ"


def _the_day(span, match) -> bool:
    """"for the day", "on the day" as a time of their own (the day under discussion; in a
    market report, the trading day): after "for" or "on", with nothing that says which day it
    is ("the day of the vote", "the day he died")."""
    day = span[-1]
    return _after(span, "for", "on") and all(c.dep_ in ("det", "punct") for c in day.children)


def _after(span, *words) -> bool:
    return span[0].i > 0 and span[0].nbor(-1).lower_ in words


def _a_financial_quarter(span, match) -> bool:
    """"the third quarter" without a year is a quarter of the calendar in a report of money or
    growth ("profit rose 5% in the third quarter"), not a quarter of a game."""
    sentence = sentence_of(span[0])
    return any(t.ent_type_ in ("MONEY", "PERCENT") or t.lemma_.lower() in _FINANCE_NOUNS for t in sentence)


def _a_clock(span, match) -> bool:
    """Noon, midnight, midday as times: not "high noon", nor a title ("High Noon", "Midnight Express")."""
    if not re.fullmatch(r"(?i)noon|midnight|midday", match.group()):
        return True
    before = span[0].nbor(-1) if span[0].i > 0 else None
    if before is not None and before.lower_ == "high":
        return False
    return span[0].is_lower or span[0].is_sent_start or (before is not None and before.lower_ in ("at", "by", "until", "before",
                                                                                                  "after", "around", "from"))


def _in_a_name(token) -> bool:
    """Theresa May, June Carter, the Long March: a month name inside a proper name."""
    if token.dep_ == "compound" and token.head.pos_ == "PROPN":
        return True
    return any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in token.children)


_GATES = {"month": _a_month, "year": _a_year, "weekday": _a_weekday, "now": _now, "overnight": _overnight_adverb,
          "the day": _the_day, "quarter": _a_financial_quarter, "clock time": _a_clock,
          # "for the whole year", "over the weekend", "at present", "in the future": only after these
          "the whole year": lambda span, match: _after(span, "for", "over", "in", "during", "throughout"),
          "weekend": lambda span, match: _after(span, "over", "during") or not match.group().lower().startswith("the weekend"),
          "at present": lambda span, match: _after(span, "at"),
          "the future": lambda span, match: span[-1].pos_ == "NOUN" and span[-1].dep_ not in ("compound", "amod")
          and (match.group().lower().startswith("the") or _after(span, "in"))}


def clause_tense(span) -> str:
    """The tense of the clause a span sits in, from its governing verb's morphology and
    auxiliaries. "will"/"would"/"may", "is going to", "plans to", "is scheduled for" are future;
    perfects are past unless "will have". What is scheduled lies ahead whatever the tense of
    the scheduling ("planned a rally on Saturday", "has scheduled a news conference Thursday",
    "planned to leave on Thursday"), and so does the end a delay runs to ("postponed until
    Tuesday"). Without a verb (a headline, a noun phrase) it is past, as news mostly is."""
    if _deferred_to(span.root):
        return "future"
    verb = _verb_above(span.root)
    while verb is not None:
        auxiliaries = {a.lower_: a for a in verb.children if a.dep_ in ("aux", "auxpass")}
        if (verb.lemma_ in _SCHEDULING and verb.dep_ not in ("acl", "amod") and not _pluperfect(verb, auxiliaries)
                and span.start > verb.i):
            return "future"  # but "On Friday, the government planned to ...": the day of the planning
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
            if verb.lemma_ not in _PROSPECTIVE:
                return "past"
            # "the vote, scheduled for Thursday, could topple ...", but "the service planned for
            # Saturday was cancelled": what was scheduled is as past as the clause it is told in
            main = _verb_above(verb.head) if verb.head.i != verb.i else None
            told = main is not None and "VBD" in {main.tag_, *(c.tag_ for c in main.children if c.dep_ in ("aux", "auxpass"))}
            return "past" if told else "future"
        # an infinitive or a gerund takes its tense from the verb it depends on
        head = _verb_above(verb.head) if verb.head.i != verb.i else None
        if head is None and "to" in auxiliaries:  # a headline's "Boeing to build ..."
            return "future"
        if head is not None and "to" in auxiliaries and head.lemma_ in _SCHEDULING and not _pluperfect(
                head, {a.lower_: a for a in head.children if a.dep_ in ("aux", "auxpass")}):
            return "future"
        if head is not None and "to" in auxiliaries and head.lemma_ in _PROSPECTIVE:
            return "past" if clause_tense(head.doc[head.i : head.i + 1]) == "past" else "future"
        if head is not None and "to" in auxiliaries and verb.dep_ in ("advcl", "xcomp", "ccomp") \
                and clause_tense(head.doc[head.i : head.i + 1]) == "past":
            # "subpoenaed him to testify on Feb. 10": after the past of the clause it serves, so
            # the nearest such day to the story's
            return "present"
        verb = head
    return "past"


def _pluperfect(verb, auxiliaries) -> bool:
    """"had planned", "had been scheduled": told from a past that has passed."""
    return "had" in auxiliaries


def _deferred_to(token) -> bool:
    """"postponed until Tuesday", "extended its deadline until 9 a.m. Tuesday", "shut until
    Thursday": the end a delay, a suspension or a closing runs to lies ahead, unless the text
    tells it from a past that has passed ("had been shut until", "not until", "up until")."""
    while token.dep_ in ("compound", "nmod", "npadvmod", "appos", "nummod") and token.head.i != token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in ("until", "till"):
        return False
    if any(c.lower_ in ("not", "up") for c in prep.children) or (prep.i > 0 and prep.nbor(-1).lower_ in ("not", "up")):
        return False
    verb = _verb_above(prep.head)
    if verb is None:
        return False
    auxiliaries = {a.lower_: a for a in verb.children if a.dep_ in ("aux", "auxpass")}
    if _pluperfect(verb, auxiliaries) or any(c.dep_ == "neg" for c in verb.children):
        return False
    if verb.lemma_ in _DEFERRING:
        return True
    lexicon = load_lexicon()
    kind = lexicon.event_type(verb.lemma_.lower(), pos="VERB")
    return any(lexicon.is_a(kind, c) for c in ("kgo:Delay", "kgo:Suspend", "kgo:Close"))


def _verb_above(token):
    """The nearest verb at or above a token in the parse, or None."""
    while token.pos_ not in ("VERB", "AUX"):
        if token.head.i == token.i:
            return None
        token = token.head
    return token
