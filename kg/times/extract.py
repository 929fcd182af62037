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
from datetime import date, timedelta

from kg.model import Span, TimeMention
from kg.text.tokens import sentence_of, text_of
from kg.vocab.lexicon import load_lexicon

from .patterns import RULES, zone_of
from .plausible import plausible
from .tense import binds_ahead, clause_tense
from .values import Context, calendar_part, checked, fmt, parse

TENSES = ("past", "present", "future")

_LEADING = re.compile(r"^(?:(?:on|in|at|during|of|since|by|until|till|from|for|over)\s+)+", re.IGNORECASE)
# Each rule again, as a scanner over running text: not inside a word or a number ("1,000 years
# ago"), and case-sensitive where case tells a date apart from a verb (see kg.times.plausible).
_SCANNERS = tuple(re.compile(r"(?<!\w)(?<!\d[,.])(?:" + rule.pattern.pattern + r")(?!\w)", re.IGNORECASE)
                  for rule in RULES)
_CLOCK_THEN_DAY = re.compile(r"\s*,?\s*(?:on\s+)?")
_SINCE = re.compile(r"(?<![\w-])(?:since|until|till)\s+$", re.IGNORECASE)
# The forms that name a month or a day of one without its year (and "the end of the month",
# which is of the month told of)
_CALENDAR_NAMES = {"month", "month day", "day month"}
# The forms whose words point at the time they are said ("tomorrow", "this week", "last year")
_DEICTIC = {"today", "week", "this year"}
_QUOTE_MARKS = re.compile("[\"\u201c\u201d]|``|''")
_SINCE_DAY = re.compile(r"(?<![\w-])since\s+$", re.IGNORECASE)
_AND_DAY = re.compile(r"\s+(?:and|or)\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\w%]|[.,]\d|\s+(?:percent|per\s+cent|%|[a-z]))")
# A wire dateline's city (and region) before its day, as kg.read leaves it: "Beijing, ", "Nairobi, Kenya, "
_DATELINE_CITY = re.compile(r"[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}, (?:[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}, )?")
# How long before its publication date a wire story may have been written
_WRITTEN_BEFORE = timedelta(days=3)
# The forms of a TimeML value kg writes (see kg.times.values)
_TIMEML_VALUE = (r"\d{4}(?:-\d\d(?:-\d\d(?:T(?:\d\d:\d\d|MO|AF|EV|NI))?)?|-W\d\d(?:-WE)?|-[QH][1-4]|-(?:SP|SU|FA|WI))?"
                 r"|\d{2,3}|(?:PRESENT|PAST|FUTURE)_REF")


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


def _resolve(expression: str, context: Context, found_by: str | None = None) -> str | None:
    """The value of the first form the expression is; ``found_by`` names the form the text was
    found as, which is tried first ("the week" found as a stretch of time has no value, though
    "for the week" of a market report has)."""
    text = " ".join(expression.replace("\u2019", "'").split()).strip(",;:")
    text = re.sub(r"'s$", "", _LEADING.sub("", text))
    for rule in sorted(RULES, key=lambda r: r.name != found_by) if found_by else RULES:
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
    found, last, named, quarters, last_at = [], None, None, [], 0
    spans = _expressions(doc)
    anchor = _dateline_day(doc, spans, anchor)
    skip = None
    for i, (start, end, rule) in enumerate(spans):
        if skip == i:
            continue
        following = spans[i + 1] if i + 1 < len(spans) else None
        value, zone = None, None
        if rule == "clock time" and following and _CLOCK_THEN_DAY.fullmatch(text[end : following[0]]):
            # "at 3 a.m. on Sunday": the time is on the day named right after it
            day = _value(doc, following[:2], anchor, last, named, following[2])
            day = calendar_part(day) if day else None
            if day is not None and day[2] is not None:
                value = _value(doc, (start, end), anchor, fmt(day), named, rule)
                end, skip = following[1], i + 1
        if value is None and rule in ("the day", "for the week"):
            # "for the day" in a market report: the trading day its sentence names, else the story's
            value = _value(doc, (start, end), anchor, _day_in_sentence(doc, found, start), named, rule)
        if value is None and (rule == "the quarter" or (rule == "same period last year" and not _a_period(named))):
            # "a loss of $1.4 billion for the quarter", "in the same quarter last year": the quarter
            # named last, however far back
            value = _value(doc, (start, end), anchor, last, quarters[-1] if quarters else None, rule)
        elif value is None and anchor is not None and rule == "weekday" and (told := _told_on(doc, found, start, anchor)):
            # "said on Monday that the cabinet would meet on Wednesday": after that Monday
            value = _value(doc, (start, end), told + timedelta(days=1), last, named, rule)
        elif value is None and anchor is not None and rule in _DEICTIC and (said := _said_on(doc, spans, i, anchor)):
            # '"We will vote tomorrow," the minister said on Monday': the Tuesday after that Monday
            value = _value(doc, (start, end), said, last, named, rule)
        elif value is None and anchor is not None and rule == "weekday" and _SINCE_DAY.search(text, max(0, start - 8), start):
            # "have camped in the square since Friday" in Friday's story: a stretch that began
            # before the story's day, so the Friday before it (a wire story is written the day
            # before it is dated)
            value = _value(doc, (start, end), anchor - timedelta(days=1), last, named, rule)
        elif value is None and anchor is not None and _ahead_of_a_day(doc, found, start, end):
            # "campaigning intensified on Tuesday ahead of Sunday's election": after that Tuesday
            day = date.fromisoformat(_day_in_sentence(doc, found, start)) + timedelta(days=1)
            value = _value(doc, (start, end), day, last, named, rule)
        elif value is None:
            narrated = _narrated_day(doc, start, last, last_at, anchor) if rule in _CALENDAR_NAMES or (
                rule == "the end of the year" and re.search(r"(?i)\bthe\s+(?:month|year)$", text[start:end])) else None
            value = _value(doc, (start, end), anchor, last, named, rule, narrated)
        if rule == "clock time":
            zone = zone_of(text[start:end])
        if value:
            found.append(TimeMention(Span(start, end, text[start:end]), value, zone))
            if rule == "month day":
                found += _second_day(text, end, value, following)
            # a date line is not said, so not pointed back at; nor is where a stretch of time
            # began or ends ("the lowest since 2003", "a siege that lasted since late January"):
            # "the previous day" after it counts from the day the story was at; nor the period a
            # value is compared with ("from $56 million a year earlier", "the same period last
            # year"): the story stays in its own quarter
            if not _fills_line(text, start, end) and not _SINCE.search(text, max(0, start - 12), start) \
                    and not _looks_back(rule, value, named) and not _in_background(doc, start, end) \
                    and not _in_a_since_clause(doc, start, end):
                named = value
                if re.fullmatch(r"\d{4}-Q[1-4]", value):
                    quarters.append(value)
                if calendar_part(value) is not None:
                    # where a story told in the past is: a date of a clause, not one that names a
                    # thing ("charged in the Dec. 21, 1988, bombing")
                    last, last_at = value, (start if _dates_a_clause(doc, start, end) else -1)
    return found


def _dateline_day(doc, spans, anchor: date | None) -> date | None:
    """The day a wire story was written, when its dateline names it ("BEIJING, Jan. 5
    (Xinhua) --", which kg.read leaves as "Beijing, Jan. 5.") a day or three before the date it
    was published under: "yesterday", "on Monday" count from the day the story was written."""
    if anchor is None or not spans:
        return anchor
    start, end, rule = spans[0]
    text = text_of(doc)
    line_start = text.rfind("\n", 0, start) + 1
    if rule not in ("month day", "day month", "weekday") or text[:line_start].strip() \
            or not _DATELINE_CITY.fullmatch(text[line_start:start]) or text[end:text.find("\n", end)].strip() != ".":
        return anchor
    value = _value(doc, (start, end), anchor, None, None, rule)
    if value is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return anchor
    day = date.fromisoformat(value)
    return day if timedelta(0) < anchor - day <= _WRITTEN_BEFORE else anchor


def _in_a_since_clause(doc, start: int, end: int) -> bool:
    """"Fighting has killed 70,000 people since the uprising began in March 2011": the date
    of a clause that says where a stretch of time began, which, like "since 2003", is not the
    day the story is at."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if not span:
        return False
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return verb is not None and any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children)


def _a_period(value: str | None) -> bool:
    """A quarter, half, week, season or month: what "the same period last year" can be."""
    return value is not None and re.fullmatch(r"\d{4}-(?:[QH][1-4]|W\d\d|SP|SU|FA|WI|\d\d)", value) is not None


def _in_background(doc, start: int, end: int) -> bool:
    """A date in a relative clause on a participant ("the chief executive, who joined in 2006,
    said the company would meet its targets for the full year") tells who they are, not when
    the story is: what follows does not count from it. One on an event ("the attack, which
    began on March 3") does."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if not span:
        return False
    lexicon = load_lexicon()
    for token in span.root.ancestors:
        if token.dep_ == "relcl":
            head = token.head
            return head.pos_ in ("NOUN", "PROPN", "PRON") and not lexicon.is_event_noun(head.lemma_.lower())
    return False


def _looks_back(rule: str, value: str, named: str | None) -> bool:
    """A quarter or a half a year or more before the one under discussion, named to compare
    with it ("a year earlier", "the year-ago quarter"; not "a year later")."""
    return (rule in ("later", "same period last year") and re.fullmatch(r"\d{4}-[QH][1-4]", value) is not None
            and named is not None and re.fullmatch(r"\d{4}-[QH][1-4]", named) is not None and value < named)


def _told_on(doc, found: list[TimeMention], start: int, anchor: date) -> date | None:
    """The day a future in the past ("would meet on Wednesday", "vowed to retaliate by Friday")
    is told from: the day its sentence named before it, when that is before the story's."""
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if not token:
        return None
    verb = token[0]
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if not any(c.dep_ == "aux" and c.lower_ in ("would", "'d") for c in verb.children) and not binds_ahead(verb):
        return None  # "vowed on Monday to retaliate by Friday" is told from that Monday too
    day = _day_in_sentence(doc, found, start)
    return date.fromisoformat(day) if day is not None and date.fromisoformat(day) < anchor else None


def _ahead_of_a_day(doc, found: list[TimeMention], start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="expand")
    return bool(span) and _looked_forward_to(span) and _day_in_sentence(doc, found, start) is not None


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


def _value(doc, where: tuple[int, int], anchor: date | None, last: str | None, named: str | None,
           rule: str | None = None, narrated: date | None = None) -> str | None:
    start, end = where
    span = doc.char_span(start, end, alignment_mode="expand")
    tense = clause_tense(span) if span else "past"
    if span and _looked_forward_to(span):
        tense = "future"
    elif tense == "future" and span and span[-1].dep_ == "poss":
        tense = "present"  # "would get around Wednesday's ruling": a thing of that day, the nearest one
    year = _year_of_phrase(span) if span and not re.search(r"\d{4}", span.text) else None
    if year is not None:  # "the September 11 attacks in 2001": the day of that year
        anchor, tense = date(year, 12, 31), "past"
    elif tense == "past" and narrated is not None:
        anchor, tense = narrated, "present"  # "On March 3, 2013, rebels attacked. In April, ...": that April
    return _resolve(text_of(doc)[start:end], _context(anchor, tense, last, named), rule)


def _said_on(doc, spans, i: int, anchor: date) -> date | None:
    """The day the words of a quotation were said, when the sentence names it outside the
    quotation and it is before the story's: "tomorrow", "this week" in the quotation count
    from it, not from the publication date."""
    start, end, _ = spans[i]
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if not token:
        return None
    sentence = sentence_of(token[0])
    first, stop = sentence.start_char, sentence.end_char
    marks = [m.start() for m in _QUOTE_MARKS.finditer(text_of(doc), first, stop)]
    opening = [m for m in marks if m < start]
    if len(opening) % 2 == 0:
        return None  # not inside a quotation
    closing = next((m for m in marks if m >= end), stop)
    for begin, finish, rule in spans:
        if first <= begin < stop and not opening[-1] <= begin < closing and rule in ("weekday", "month day", "day month"):
            value = _value(doc, (begin, finish), anchor, None, None, rule)
            if value and re.fullmatch(r"\d{4}-\d\d-\d\d", value) and date.fromisoformat(value) < anchor:
                return date.fromisoformat(value)
    return None


def _dates_a_clause(doc, start: int, end: int) -> bool:
    """"On March 3, 2013, rebels attacked", "In April, talks began": the date of a clause, not
    a noun's modifier ("the Dec. 21, 1988, bombing") nor a noun's own date ("the attack of March 3")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if not span:
        return False
    token = span.root
    if span[0].i > 0 and span[0].nbor(-1).lower_ in ("the", "a", "an"):
        return False  # "in the Dec. 21, 1988, bombing", however the parser hangs it
    if token.dep_ in ("compound", "nmod", "amod", "poss", "appos"):
        return token.head.pos_ not in ("NOUN", "PROPN")
    return token.dep_ != "pobj" or token.head.head.pos_ in ("VERB", "AUX")


def _narrated_day(doc, start: int, last: str | None, last_at: int, anchor: date | None) -> date | None:
    """The day a story told in the past has moved to: the date named last, when it is at least
    a month precise, of an earlier year than the story's, and named in this sentence or the one
    before. A month or day without its year named next in a past clause is the nearest such one
    to it ("On March 3, 2013, rebels attacked the town. In April, talks began": April 2013)."""
    told = calendar_part(last) if last is not None else None
    if told is None or anchor is None or told[1] is None or told[0] >= anchor.year:
        return None
    token = doc.char_span(start, start + 1, alignment_mode="expand")
    if not token:
        return None
    sentence = sentence_of(token[0])
    begin = sentence_of(doc[sentence[0].i - 1])[0].idx if sentence[0].i > 0 else 0
    if last_at < begin:
        return None
    return date(told[0], told[1], told[2] or 15)


def _looked_forward_to(span) -> bool:
    """"ahead of Sunday's election", "in the run-up to Friday's jobs report", "in advance of
    the March 3 vote": what a clause is ahead of comes after the clause's own time."""
    token = span.root
    while token.dep_ in ("poss", "compound", "nmod", "amod", "case") and token.head.i != token.i:
        token = token.head
    prep = token.head
    if token.dep_ != "pobj" or prep.i == token.i:
        return False
    if prep.lower_ == "of" and prep.head.lower_ in ("ahead", "advance"):
        return True
    if prep.lower_ == "for" and _readies(prep.head) and span.root.i <= token.i:
        # "prepared for Sunday's election", "planned for early March"; not "asked for a visa
        # Thursday", where the day is the asking's, whatever the parse hangs it on
        return True
    head = prep.head  # "run-up" is one token or three ("run", "-", "up")
    word = head.doc[head.i - 2 : head.i + 1].text.lower() if head.lower_ == "up" and head.i >= 2 else head.lower_
    return prep.lower_ == "to" and word in ("run-up", "lead-up", "build-up", "runup", "buildup")


def _readies(verb) -> bool:
    """A verb of preparing, calling or asking, whose "for" phrase is what it readies or asks
    for ("prepared for", "called for", "asked for"); not told from a past that has passed
    ("had prepared for Sunday's vote"), nor a participle that tells of a plan as past as the
    clause it hangs on ("a service planned for Saturday was cancelled": clause_tense's)."""
    if verb.pos_ != "VERB" or verb.dep_ in ("acl", "amod") or any(c.dep_ == "aux" and c.lower_ == "had"
                                                                   for c in verb.children):
        return False
    return load_lexicon().cue(verb.lemma_) in ("Planned", "Requested", "Threatened")


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
            if plausible(doc, rule.name, match):
                candidates.append((match.start(), match.end(), index))
    chosen: list[tuple[int, int, str]] = []
    for start, end, index in sorted(candidates, key=lambda c: (c[0] - c[1], c[2], c[0])):
        if all(end <= s or start >= e for s, e, _ in chosen):
            chosen.append((start, end, RULES[index].name))
    return sorted(chosen)
