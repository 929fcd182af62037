"""The forms a temporal expression takes in English news, and the value each form denotes.

``RULES`` is a table: a regular expression for one form and a function from a match to a
value (see ``timex_values``), ``(year, month, day)`` with month and day ``None`` when the text
does not fix them.
Rules whose function is ``_nothing`` recognise what is *not* an instant our graph can carry
(durations, calendar weeks, quarters, decades, sets), so that nothing shorter inside them is
taken for a date. Pure stdlib: kg.times applies the table to one expression or a whole text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .values import Context, Value, checked, month_span, pick_year, shift


@dataclass(frozen=True)
class Rule:
    """One form: its name (kg.times gates a few by name), its pattern and what it denotes."""

    name: str
    pattern: re.Pattern
    resolve: Callable[[re.Match, Context], Value | None]


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
DAY_WORDS = {"the day before yesterday": -2, "the day after tomorrow": 2, "today": 0, "tonight": 0,
             "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1, "last night": -1,
             "tomorrow": 1}
# holidays on a fixed day of the year (Easter and Thanksgiving move: not here)
HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
            "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
            "halloween": (10, 31)}

_MONTH_FULL = r"(?P<month>" + "|".join(MONTHS) + r")(?![a-z])"
_MONTH = r"(?P<month>" + "|".join(MONTHS) + r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)(?![a-z])"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<year>[12]\d{3})(?![\d])"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")(?![a-z])"
_ANY_WEEKDAY = r"(?:(?:" + "|".join(WEEKDAYS) + r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)"
_NUMBER_WORDS = r"\d{1,3}|" + "|".join(NUMBERS)
_NUMBER = r"(?P<n>" + _NUMBER_WORDS + r")"
_UNIT = r"(?P<unit>day|week|fortnight|month|year)s?"
_PART_OF = r"(?:(?:early|mid|late|earlier|later)(?:\s+in)?[\s\-\u2013]+|the\s+(?:start|beginning|end|middle|close|rest|remainder|first\s+half|second\s+half)\s+of\s+)"
_PART_OF_YEAR = (r"(?:" + _PART_OF + r"|(?:the\s+)?(?:spring|summer|fall|autumn|winter)\s+(?:of\s+)?"
                 r"|(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+(?:fiscal\s+)?(?:quarter|half)\s+of\s+"
                 r"|[qh][1-4]\s+)")
_ZONE = r"(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|BST|local\s+time)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?"
# "about two years ago", "less than a week later": no instant, however the offset is counted
_APPROXIMATELY = (r"(?P<approx>(?:less|more|fewer)\s+than|over|under|nearly|almost|about|around|roughly|some"
                  r"|up\s+to|at\s+least|at\s+most|just\s+over|just\s+under|barely)\s+")
_TIME_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return next(i for i, name in enumerate(MONTHS, start=1) if name.startswith(word[:3]))


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS[word.lower()]


def _anchor(ctx: Context) -> Value | None:
    return None if ctx.anchor is None else (ctx.anchor.year, ctx.anchor.month, ctx.anchor.day)


def _base_day(ctx: Context) -> Value | None:
    """The day a chained expression counts from: the last date named, else the anchor."""
    base = ctx.last or _anchor(ctx)
    return base if base is not None and base[2] is not None else None


# ---------------------------------------------------------------- the forms


def _nothing(match, ctx):
    return None


def _iso(match, ctx):
    return checked(int(match["year"]), int(match["m"]), int(match["d"]))


def _numeric(match, ctx):
    """7/8/07: month first, as US news writes it, unless the first number cannot be a month."""
    first, second, year = int(match["m"]), int(match["d"]), int(match["y"])
    month, day = (first, second) if first <= 12 else (second, first)
    if year < 100:
        pivot = ctx.anchor.year if ctx.anchor else 2000
        year = min((1900 + year, 2000 + year, 2100 + year), key=lambda y: abs(y - pivot))
    return checked(year, month, day)


def _calendar_day(match, ctx):
    month, day = _month_number(match["month"]), int(match["day"])
    return _day_of_year(month, day, match["year"], ctx)


def _holiday(match, ctx):
    name = " ".join(match["holiday"].lower().replace("\u2019", "'").split())
    return _day_of_year(*HOLIDAYS[name], match["year"], ctx)


def _day_of_year(month: int, day: int, year: str | None, ctx: Context) -> Value | None:
    """A day of a month, in the year given, or else in the year the anchor and tense give."""
    if year:
        return checked(int(year), month, day)
    if ctx.anchor is None or checked(2000, month, day) is None:  # 2000 is a leap year
        return None
    year = pick_year(lambda y: (date(y, month, day),) * 2, ctx)
    return None if year is None else (year, month, day)


def _month_of_year(match, ctx):
    return int(match["year"]), _month_number(match["month"]), None


def _month_of_relative_year(match, ctx):
    if ctx.anchor is None:
        return None
    years = {"this": 0, "last": -1, "next": 1}[match["rel"].lower()]
    return ctx.anchor.year + years, _month_number(match["month"]), None


def _month_alone(match, ctx):
    if ctx.anchor is None:
        return None
    month = _month_number(match["month"])
    year = pick_year(lambda y: month_span(y, month), ctx)
    return None if year is None else (year, month, None)


def _month_with_relative(match, ctx):
    """last November: the latest November before this month; next March: the first after."""
    if ctx.anchor is None:
        return None
    month, rel, anchor = _month_number(match["month"]), match["rel"].lower(), ctx.anchor
    if rel in ("last", "past"):
        return anchor.year - (month >= anchor.month), month, None
    if rel in ("next", "coming"):
        return anchor.year + (month <= anchor.month), month, None
    return anchor.year, month, None


def _year(match, ctx):
    return int(match["year"]), None, None


def _relative_day(match, ctx):
    return shift(_anchor(ctx), DAY_WORDS[" ".join(match["word"].lower().split())], "day")


def _weekday(match, ctx):
    """Past: the latest such day on or before the anchor (the anchor itself counts); future:
    the first after it; present: the nearest; "last"/"next" exclude the anchor's own day."""
    if ctx.anchor is None:
        return None
    weekday, today = WEEKDAYS.index(match["weekday"].lower()), ctx.anchor.weekday()
    back, ahead = (today - weekday) % 7, (weekday - today) % 7
    rel = (match["rel"] or "").lower()
    if rel in ("last", "past"):
        offset = -(back or 7)
    elif rel in ("next", "coming") or ctx.tense == "future":
        offset = ahead or 7
    elif ctx.tense == "present" and back > 3:
        offset = ahead
    else:
        offset = -back
    return shift(_anchor(ctx), offset, "day")


def _ago(match, ctx):
    if match["approx"]:
        return None
    sign = -1 if match["dir"].lower() == "ago" else 1
    return shift(_anchor(ctx), sign * _number(match["n"]), match["unit"].lower())


def _chained(match, ctx):
    """Four days later, a year earlier: counted from the last date named, else the anchor."""
    if match["approx"]:
        return None
    sign = 1 if match["dir"].lower() == "later" else -1
    return shift(ctx.last or _anchor(ctx), sign * _number(match["n"]), match["unit"].lower())


def _next_or_previous(match, ctx):
    sign = -1 if match["dir"].lower() in ("previous", "preceding") else 1
    unit = match["unit"].lower()
    unit = unit if unit in ("month", "year") else "day"
    return shift(ctx.last or _anchor(ctx), sign, unit)


def _same_day(match, ctx):
    """Hours later, earlier in the day: the day of the last date named (none when that is only a
    month or a year), else the anchor."""
    return _base_day(ctx)


def _clock(match, ctx):
    """At 18:00 UTC: on the day last named, or, when none is, on the day of publication."""
    if ctx.last is not None and ctx.last[2] is not None:
        return ctx.last
    return _anchor(ctx)


def _that_day(match, ctx):
    """That day, the same day: the day the text named last; there is none to point back to
    when the text has named none (the publication date is not said, so not pointed at)."""
    return ctx.last if ctx.last is not None and ctx.last[2] is not None else None


def _relative_period(match, ctx):
    """this month, last year, earlier this year, the end of next month."""
    offsets = {"this": 0, "the current": 0, "last": -1, "next": 1, "the": 0}
    rel = " ".join((match["rel"] or "the").lower().split())
    return shift(_anchor(ctx), offsets[rel], match["unit"].lower())


def _rule(name, pattern, resolve):
    return Rule(name, re.compile(pattern, re.IGNORECASE), resolve)


_DURATION_WORDS = r"(?:(?:" + _NUMBER_WORDS + r"|few|several|couple\s+of|many)\s+)?"

# Order matters only between rules that match the same text: the first wins, so the value
# rules come before the rules that recognise what has no value.
RULES = (
    _rule("iso date", _YEAR + r"-(?P<m>\d\d)-(?P<d>\d\d)", _iso),
    _rule("numeric date", r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])", _numeric),
    _rule("month day", _ANY_WEEKDAY + r"?" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?", _calendar_day),
    _rule("day month", _ANY_WEEKDAY + r"?(?:the\s+)?" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?",
          _calendar_day),
    _rule("holiday", r"(?P<holiday>" + "|".join(h.replace(" ", r"\s+").replace("'", "['\u2019]") for h in HOLIDAYS)
          + r")(?:,?\s+" + _YEAR + r")?", _holiday),
    _rule("month year", _PART_OF + r"?" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR, _month_of_year),
    _rule("month of this year", _PART_OF + r"?" + _MONTH_FULL + r",?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year",
          _month_of_relative_year),
    _rule("last month name", r"(?P<rel>last|next|this|past|coming)\s+" + _MONTH_FULL, _month_with_relative),
    _rule("month", _PART_OF + r"?" + _MONTH_FULL, _month_alone),
    _rule("part of year", _PART_OF_YEAR + _YEAR, _year),
    _rule("the year", r"the\s+year\s+" + _YEAR, _year),
    _rule("year", _YEAR, _year),
    _rule("today", r"(?:(?:earlier|later)\s+)?(?P<word>" + "|".join(w.replace(" ", r"\s+") for w in DAY_WORDS) + r")"
          + _TIME_OF_DAY, _relative_day),
    _rule("weekday", r"(?:(?P<rel>last|next|this|past|coming)\s+)?" + _WEEKDAY + _TIME_OF_DAY, _weekday),
    _rule("ago", "(?:" + _APPROXIMATELY + ")?" + _NUMBER + r"\s+" + _UNIT + r"\s+(?P<dir>ago|from\s+now|hence)", _ago),
    _rule("later", "(?:" + _APPROXIMATELY + ")?" + _NUMBER + r"\s+" + _UNIT + r"\s+(?P<dir>later|earlier)(?!\s+than)", _chained),
    _rule("the next day", r"the\s+(?P<dir>next)\s+(?P<unit>day|morning|evening|night)", _next_or_previous),
    _rule("the following day", r"the\s+(?P<dir>following|previous|preceding)\s+(?P<unit>day|morning|evening|night|month|year)",
          _next_or_previous),
    _rule("that day", r"(?:(?:earlier|later)\s+)?(?:that|the\s+same)\s+(?:day|morning|afternoon|evening|night)", _that_day),
    _rule("hours later", r"(?:earlier|later)\s+in\s+the\s+day|(?:(?:" + _NUMBER_WORDS + r"|a\s+few|several|many|some)\s+)?"
          r"(?:hours|minutes|moments)\s+(?:later|earlier)", _same_day),
    _rule("this year", r"(?:" + _PART_OF_YEAR + r")?(?P<rel>this|last|next|the\s+current)\s+(?P<unit>month|year)",
          _relative_period),
    _rule("the end of the year", r"(?:the\s+(?:start|beginning|end|middle|rest|remainder)\s+of|(?:earlier|later)\s+in)"
          r"\s+(?P<rel>the|this)\s+(?P<unit>month|year)", _relative_period),
    _rule("clock time", r"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[ap]\.?m\.?)?|(?:1[0-2]|[1-9])\s*(?:[ap]\.m\.|[ap]m(?![a-z])))"
          r"(?:\s*(?:" + _ZONE + r"|\(" + _ZONE + r"\)))?|noon|midnight", _clock),
    # what has no value of ours
    _rule("week", r"(?:(?:earlier|later|early|late|the\s+(?:start|beginning|end|middle|rest)\s+of)\s+)?"
          r"(?:this|last|next|that|the(?:\s+(?:past|coming|following|previous|same|current))?)\s+week(?:end)?", _nothing),
    _rule("duration", r"(?:the\s+)?(?:last|past|next|coming|previous|following|first|final|recent|same)\s+" + _DURATION_WORDS
          + r"(?:day|week|month|year|decade|quarter|half|century|period)s?", _nothing),
    _rule("vague ago", r"(?:a\s+few|several|many|some|a\s+couple\s+of|couple\s+of)\s+" + _UNIT + r"\s+(?:ago|later|earlier)",
          _nothing),
    _rule("quarter", r"(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+(?:fiscal\s+)?quarter|[qh][1-4]",
          _nothing),
    _rule("decade", r"(?:the\s+)?(?:(?:early|mid|late)[\s-]*)?(?:[12]\d\d0|'?\d0)'?s(?![a-z])", _nothing),
    _rule("fiscal year", r"(?:fiscal(?:\s+year)?|fy)\s*'?(?:[12]\d{3}|\d\d)(?!\d)", _nothing),
    _rule("every", r"(?:every|each)\s+(?:other\s+)?(?:day|week|month|year|morning|evening|night|"
          + "|".join(WEEKDAYS) + r")", _nothing),
)

