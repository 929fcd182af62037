"""The forms a temporal expression takes in English news, and the value each form denotes.

``RULES`` is a table: a regular expression for one form and a function from a match to a
value (see ``values``): a calendar value ``(year, month, day)``, with month and day ``None``
when the text does not fix them, or a TimeML value that no calendar value holds ("2020-W25",
"2020-Q2", "2020-06-16T09:30", "199", "PRESENT_REF").
Rules whose function is ``_nothing`` recognise what is not a point or period of the calendar
(durations, sets, fiscal periods), so that nothing shorter inside them is taken for a date.
Pure stdlib and python-dateutil (for the movable feasts): kg.times applies the table to one
expression or a whole text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import MO, SU, TH, TU, relativedelta

from .values import (
    SEASONS,
    Context,
    Value,
    checked,
    fmt,
    month_span,
    pick_year,
    quarter_of,
    season_span,
    shift,
    week_of,
)


@dataclass(frozen=True)
class Rule:
    """One form: its name (kg.times gates a few by name), its pattern and what it denotes."""

    name: str
    pattern: re.Pattern
    resolve: Callable[[re.Match, Context], Value | str | None]


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
DAY_WORDS = {"the day before yesterday": -2, "the day after tomorrow": 2, "today": 0, "tonight": 0,
             "this morning": 0, "this afternoon": 0, "this evening": 0, "yesterday": -1, "last night": -1,
             "tomorrow": 1}
# holidays on a fixed day of the year
HOLIDAYS = {"christmas day": (12, 25), "christmas": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
            "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
            "halloween": (10, 31), "the fourth of july": (7, 4), "veterans day": (11, 11),
            "bastille day": (7, 14), "may day": (5, 1), "armistice day": (11, 11)}
# and those that move: the day they fall on in a year (Western Easter; the US Thanksgiving,
# Memorial Day, Labor Day, Martin Luther King Day, Presidents Day, Columbus Day and Election Day,
# which US news names without a year)
MOVABLE = {
    "easter": lambda y: easter(y), "easter sunday": lambda y: easter(y),
    "easter monday": lambda y: easter(y) + timedelta(days=1), "good friday": lambda y: easter(y) - timedelta(days=2),
    "thanksgiving": lambda y: date(y, 11, 1) + relativedelta(weekday=TH(4)),
    "thanksgiving day": lambda y: date(y, 11, 1) + relativedelta(weekday=TH(4)),
    "memorial day": lambda y: date(y, 5, 31) + relativedelta(weekday=MO(-1)),
    "labor day": lambda y: date(y, 9, 1) + relativedelta(weekday=MO(1)),
    "martin luther king day": lambda y: date(y, 1, 1) + relativedelta(weekday=MO(3)),
    "martin luther king jr. day": lambda y: date(y, 1, 1) + relativedelta(weekday=MO(3)),
    "presidents' day": lambda y: date(y, 2, 1) + relativedelta(weekday=MO(3)),
    "columbus day": lambda y: date(y, 10, 1) + relativedelta(weekday=MO(2)),
    "mother's day": lambda y: date(y, 5, 1) + relativedelta(weekday=SU(2)),  # the US and Canadian one
    "father's day": lambda y: date(y, 6, 1) + relativedelta(weekday=SU(3)),
    # the US general election: the Tuesday after the first Monday of November
    "election day": lambda y: date(y, 11, 2) + relativedelta(weekday=TU(1)),
}

_MONTH_FULL = r"(?P<month>" + "|".join(MONTHS) + r")(?![a-z])"
_MONTH = r"(?P<month>" + "|".join(MONTHS) + r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?)(?![a-z])"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?P<year>[12]\d{3})(?!\d|[.,]\d)"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")(?![a-z])"
_ANY_WEEKDAY = r"(?:(?:" + "|".join(WEEKDAYS) + r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?,?\s+)"
_NUMBER_WORDS = r"\d{1,3}|" + "|".join(NUMBERS)
_NUMBER = r"(?P<n>" + _NUMBER_WORDS + r")"
_UNIT = r"(?P<unit>day|week|fortnight|month|year|decade)s?"
_PART_OF = r"(?:(?:early|mid|late|earlier|later)(?:\s+in)?[\s\-\u2013]+|the\s+(?:start|beginning|end|middle|close|rest|remainder)\s+of\s+)"
_ORDINAL = r"(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|last|final)"
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
_ZONE = r"(?:UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|BST|local\s+time)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?)?"
# "about two years ago", "less than a week later": no instant, however the offset is counted
_APPROXIMATELY = (r"(?P<approx>(?:less|more|fewer)\s+than|over|under|nearly|almost|about|around|roughly|some"
                  r"|up\s+to|at\s+least|at\s+most|just\s+over|just\s+under|barely)\s+")
_TIME_OF_DAY = r"(?:\s+(?P<part>morning|afternoon|evening|night))?"
_RELATIVE_YEAR = r"(?P<rel>this|last|next|the\s+current|the\s+previous|the\s+past)\s+year"
# what follows "the day before" or "the year after" when it counts from the last date named,
# not from a noun phrase ("the day after his death"): the end of the clause
_CLAUSE_END = r"(?=\s*(?:[.,;:!?)\"'\u201d\u2019]|$|\s(?:and|but|when|as|while)\b))"
# UTC offsets of the zones news names; "local time" says nothing of the offset
ZONES = {"utc": "Z", "gmt": "Z", "est": "-05:00", "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00",
         "mst": "-07:00", "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00", "cet": "+01:00", "cest": "+02:00",
         "bst": "+01:00"}


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


def _last_day(ctx: Context) -> Value | None:
    return ctx.last if ctx.last is not None and ctx.last[2] is not None else None


def zone_of(text: str) -> str | None:
    """The UTC offset of the zone a clock time names: "Z", "-04:00", "+08:00"; None for none
    or for "local time"."""
    match = re.search(r"\b(UTC|GMT|EST|EDT|CST|CDT|MST|MDT|PST|PDT|CET|CEST|BST)\b(?:\s*([+-])\s*(\d{1,2})(?::?(\d\d))?)?",
                      text, re.IGNORECASE)
    if not match:
        return None
    if match.group(2):
        hours, minutes = int(match.group(3)), int(match.group(4) or 0)
        if match.group(1).lower() not in ("utc", "gmt") or hours > 14 or minutes > 59:
            return None
        return f"{match.group(2)}{hours:02d}:{minutes:02d}" if hours or minutes else "Z"
    return ZONES[match.group(1).lower()]


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
    # the apostrophe is left out as often as not: "New Years Day", "Presidents' Day"
    name = " ".join(re.sub("['\u2019]", "", match["holiday"].lower()).split())
    fixed = {key.replace("'", ""): day for key, day in HOLIDAYS.items()}
    if name in fixed:
        return _day_of_year(*fixed[name], match["year"], ctx)
    on = {key.replace("'", ""): day for key, day in MOVABLE.items()}[name]
    if match["year"]:
        day = on(int(match["year"]))
        return day.year, day.month, day.day
    if ctx.anchor is None:
        return None
    rel = (match["rel"] or "").lower()
    if rel in ("last", "past"):
        year = max(y for y in range(ctx.anchor.year - 1, ctx.anchor.year + 1) if on(y) < ctx.anchor)
    elif rel in ("next", "coming"):
        year = min(y for y in range(ctx.anchor.year, ctx.anchor.year + 2) if on(y) > ctx.anchor)
    else:
        year = pick_year(lambda y: (on(y),) * 2, ctx)
    return None if year is None else (year, on(year).month, on(year).day)


def _day_of_year(month: int, day: int, year: str | None, ctx: Context) -> Value | None:
    """A day of a month, in the year given, or else in the year the anchor and tense give."""
    if year:
        return checked(int(year), month, day)
    if ctx.anchor is None or checked(2000, month, day) is None:  # 2000 is a leap year
        return None
    year = pick_year(lambda y: (date(y, month, day),) * 2, ctx)
    return None if year is None else (year, month, day)


def _week_of_day(match, ctx):
    """The week of March 6: the ISO week that day is in."""
    return week_of(_calendar_day(match, ctx))


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


def _named_year(match, ctx) -> int | None:
    """The year a match names: "2009", "this year", "last year", "the previous year"."""
    if match["year"]:
        return int(match["year"])
    if match["the_year"]:  # the first half of the year: the year under discussion
        base = ctx.last or _anchor(ctx)
        return None if base is None else base[0]
    rel = " ".join((match["rel"] or "").lower().split())
    if rel in ("the previous", "the past"):
        base = ctx.last or _anchor(ctx)
        return None if base is None else base[0] - 1
    if ctx.anchor is None:
        return None
    return ctx.anchor.year + {"this": 0, "the current": 0, "last": -1, "next": 1}[rel]


def _quarter_or_half(match, ctx):
    """The third quarter of 2009 (2009-Q3), Q2, the first half of this year (2020-H1), the
    fourth quarter (of the year the tense gives); "the last quarter" alone is the one before
    the anchor's."""
    unit = "H" if (match["unit"] or "").lower().startswith("h") else "Q"
    ordinal = (match["ordinal"] or "").lower()
    count = 2 if unit == "H" else 4
    number = count if ordinal in ("last", "final") else ORDINALS[ordinal]
    if "the_year" in match.re.groupindex:
        year = _named_year(match, ctx)
    elif ordinal == "last" and unit == "Q" and ctx.anchor is not None and ctx.tense != "future":
        return quarter_of(ctx.anchor, -1)
    elif ctx.anchor is None:
        return None
    else:
        # results are reported after the quarter: "will report a third-quarter loss" in October
        # is this year's; so a future clause takes the nearest quarter, a past one the last that
        # is mostly over ("lost $1.2 billion in the first half" in February is last year's)
        months = 12 // count
        year = pick_year(lambda y: (month_span(y, (number - 1) * months + 1)[0],
                                    month_span(y, number * months)[1]),
                         replace(ctx, tense="present") if ctx.tense == "future" else ctx,
                         -timedelta(days=15 * months))
    return None if year is None else f"{year:04d}-{unit}{number}"


def _named_quarter(match, ctx):
    """For the quarter, in the same quarter: the quarter named last (kg.times passes it), or
    none when none was."""
    named = ctx.last_named or ""
    return named if re.fullmatch(r"\d{4}-Q[1-4]", named) else None


def _fiscal_year(match, ctx):
    """Fiscal 2009, FY09, the third quarter of fiscal 2009: TimeML's "FY2009", "FY2009-Q3". A
    company's year is its own, so they have no bounds (and kg.rdf keeps them in their article)."""
    digits = match["fy"]
    year = int(digits)
    if len(digits) == 2:
        pivot = ctx.anchor.year if ctx.anchor else 2000
        year = min((1900 + year, 2000 + year, 2100 + year), key=lambda y: abs(y - pivot))
    value = f"FY{year:04d}"
    ordinal = (match["ordinal"] or "").lower()
    if not ordinal:
        return value
    unit = "H" if match["unit"].lower() == "half" else "Q"
    number = (2 if unit == "H" else 4) if ordinal in ("last", "final") else ORDINALS[ordinal]
    return None if unit == "H" and number > 2 else f"{value}-{unit}{number}"


def _quarter_number(match, ctx):
    """Q3 2009, H1-2010."""
    return f"{int(match['year']):04d}-{match['unit'].upper()}{match['qn']}"


def _this_decade(match, ctx):
    """This decade, the current decade: the anchor's, "201"."""
    return None if ctx.anchor is None else f"{ctx.anchor.year // 10:03d}"


def _previous_quarter(match, ctx):
    """The previous quarter: the one before the quarter named last (none when none was); the
    latest quarter, the most recent quarter: the last one ended before the anchor."""
    named = re.fullmatch(r"(\d{4})-Q([1-4])", ctx.last_named or "")
    if match["rel"].lower() in ("previous", "preceding", "prior"):  # before which? the one named
        return quarter_of(date(int(named.group(1)), 3 * int(named.group(2)), 1), -1) if named else None
    return None if ctx.anchor is None else quarter_of(ctx.anchor, -1)


def _relative_quarter(match, ctx):
    """this quarter, last quarter, next quarter: counted from the anchor's quarter."""
    if ctx.anchor is None:
        return None
    offset = {"this": 0, "the current": 0, "last": -1, "next": 1}[" ".join(match["rel"].lower().split())]
    return quarter_of(ctx.anchor, offset)


def _season(match, ctx):
    """summer 2008 (2008-SU), last winter, this spring, the autumn (of the year the tense gives)."""
    season = match["season"].lower()
    code = SEASONS[season][0]
    if "the_year" in match.re.groupindex:  # summer 2008, the winter of last year
        year = _named_year(match, ctx)
        return None if year is None else f"{year:04d}-{code}"
    if ctx.anchor is None:
        return None
    rel = (match.groupdict().get("rel") or "").lower()
    anchor = ctx.anchor
    years = range(anchor.year - 2, anchor.year + 2)
    if rel in ("last", "past"):
        year = max(y for y in years if season_span(y, season)[1] < anchor)
    elif rel in ("next", "coming"):
        year = min(y for y in years if season_span(y, season)[0] > anchor)
    elif rel == "this":
        year = next((y for y in years if season_span(y, season)[0] <= anchor <= season_span(y, season)[1]),
                    anchor.year)
    else:
        year = pick_year(lambda y: season_span(y, season), ctx, timedelta(0))
    return None if year is None else f"{year:04d}-{code}"


def _decade(match, ctx):
    """the 1990s is "199"; the '90s the latest such decade that is not after the anchor's; the
    1800s is a century, "18" (but the 2000s the decade "200")."""
    if match["full"]:
        full = match["full"]
        return full[:2] if full.endswith("00") and int(full) < 2000 else full[:3]
    if ctx.anchor is None:
        return None
    tens = int(match["tens"])
    century = ctx.anchor.year // 100 * 100
    start = century + tens if century + tens <= ctx.anchor.year else century - 100 + tens
    return f"{start // 10:03d}"


def _century(match, ctx):
    """the 20th century is "19", as TimeML writes it."""
    number = int(match["c"])
    return f"{number - 1:02d}" if 1 <= number <= 21 else None


def _relative_day(match, ctx):
    """today, yesterday morning, last night: the day; the part of it is not kept (TimeML's
    "TMO", "TNI" ...), as most annotated news gives such expressions the date alone."""
    return shift(_anchor(ctx), DAY_WORDS[" ".join(match["word"].lower().split())], "day")


def _weekday(match, ctx):
    """Past: the latest such day on or before the anchor, future: the first on or after it (the
    anchor itself counts both ways: news names the story's own day by its weekday, "the Senate
    votes on Tuesday", and a week on by "next Tuesday"); present: the nearest; "last"/"next"
    exclude the anchor's own day."""
    if ctx.anchor is None:
        return None
    weekday, today = WEEKDAYS.index(match["weekday"].lower()), ctx.anchor.weekday()
    back, ahead = (today - weekday) % 7, (weekday - today) % 7
    rel = (match["rel"] or "").lower()
    if rel in ("last", "past"):
        offset = -(back or 7)
    elif rel in ("next", "coming"):
        offset = ahead or 7
    elif ctx.tense == "future":
        offset = ahead  # "will vote on Tuesday" in Tuesday's story is today's; a week on is "next Tuesday"
    elif ctx.tense == "present" and back > 3:
        offset = ahead
    else:
        offset = -back
    return shift(_anchor(ctx), offset, "day")


def _ago(match, ctx):
    """Two years ago, six weeks ago, in five days; "almost four years ago" is still that year
    (TimeML's value, with its approximation), but an approximate day, week, month or decade
    is none ("more than four decades ago" is no one year)."""
    if match["approx"] and not match["unit"].lower().startswith("year"):
        return None
    sign = -1 if match["dir"].lower() == "ago" else 1
    return _counted(_anchor(ctx), sign * _number(match["n"]), match["unit"].lower())


def _chained(match, ctx):
    """Four days later, a year earlier: counted from the last date named, else the anchor. Years
    from a quarter or a half named last are that quarter or half of another year ("profit fell
    in the third quarter from $56 million a year earlier": the third quarter of the year before)."""
    if match["approx"]:
        return None
    n = (1 if match["dir"].lower() == "later" else -1) * _number(match["n"])
    unit = match["unit"].lower()
    part = re.fullmatch(r"(\d{4})-([QH][1-4])", ctx.last_named or "")
    if part and unit in ("year", "decade"):
        year = int(part.group(1)) + n * (10 if unit == "decade" else 1)
        return f"{year:04d}-{part.group(2)}" if 1 <= year <= 9999 else None
    if unit == "year" and ctx.last is not None and ctx.last[1] is not None and ctx.last[2] is None:
        # "sold 145,000 cars in January, down 22 percent from a year earlier": that month of the year before
        return shift(ctx.last, 12 * n, "month")
    return _counted(ctx.last or _anchor(ctx), n, unit)


def _counted(base: Value | None, n: int, unit: str) -> Value | str | None:
    """``base`` moved by ``n`` units, as precise as the unit: "six weeks ago" is a week, not a
    day; "a decade ago" is the year ten years back, as "ten years ago" is."""
    if unit == "decade":
        return shift(base, 10 * n, "year")
    if unit in ("week", "fortnight"):
        return week_of(_day_of(base), n * (2 if unit == "fortnight" else 1))
    return shift(base, n, unit)


def _day_of(value: Value | None) -> Value | None:
    return value if value is not None and value[2] is not None else None


def _next_or_previous(match, ctx):
    """the next day, the following morning, the previous year, the year before: one unit on
    from the last date named, else from the anchor."""
    sign = -1 if match["dir"].lower() in ("previous", "preceding", "before") else 1
    unit = match["unit"].lower()
    if unit == "week":
        return week_of(_base_day(ctx), sign)
    return shift(ctx.last or _anchor(ctx), sign, unit if unit in ("month", "year") else "day")


def _same_day(match, ctx):
    """Hours later, earlier in the day: the day of the last date named (none when that is only
    a month or a year), else the anchor."""
    return _base_day(ctx)


def _base_day_of(match, ctx):
    """For the day, on the day: the day given as the last date (kg.times passes the day its
    sentence names), else the story's."""
    return _base_day(ctx)


def _base_week_of(match, ctx):
    """For the week, on the week: the week of the day given as the last date (kg.times passes
    the day its sentence names), else the story's."""
    return week_of(_base_day(ctx))


def _overnight(match, ctx):
    """Overnight: the day whose night it was: in a past clause the day before the story's (a
    story tells of the night before it was written), in another the story's day."""
    return shift(_anchor(ctx), -1 if ctx.tense == "past" else 0, "day")


def _clock(match, ctx):
    """At 18:00 UTC: on the day last named, or, when none is, on the day of publication (a
    year named since, "its lowest since 2003", says nothing of the day). A day last named on
    the other side of the story's from the clause ("will meet on Monday. The minister said at
    3 p.m. ...") is not the clause's: then the day of publication."""
    day = _last_day(ctx)
    if day is not None and ctx.anchor is not None and (
            (ctx.tense == "past" and date(*day) > ctx.anchor) or (ctx.tense == "future" and date(*day) < ctx.anchor)):
        day = None
    day = day or _anchor(ctx)
    text = match.group().lower()
    if day is None:
        return None
    if text.startswith(("noon", "midday")):
        hour, minute = 12, 0
    elif text.startswith("midnight"):
        return day  # the end of one day or the start of the next: only the day is sure
    else:
        clock = re.match(r"(\d{1,2})(?::(\d\d))?\s*(?:([ap])\.?m\.?|(?:o'clock\s+)?in\s+the\s+(morning|afternoon|evening))?", text)
        hour, minute = int(clock.group(1)), int(clock.group(2) or 0)
        if (clock.group(3) == "p" or clock.group(4) in ("afternoon", "evening")) and hour < 12:
            hour += 12
        elif clock.group(3) == "a" and hour == 12:
            hour = 0
    return f"{fmt(day)}T{hour:02d}:{minute:02d}"


def _that_day(match, ctx):
    """That day, the same day: the day the text named last; there is none to point back to
    when the text has named none (the publication date is not said, so not pointed at)."""
    return _last_day(ctx)


def _that_period(match, ctx):
    """That year, later that month, the same year: the month or year of the date named last."""
    if ctx.last is None:
        return None
    year, month, _ = ctx.last
    if match["unit"].lower() == "year":
        return year, None, None
    return None if month is None else (year, month, None)


def _relative_period(match, ctx):
    """this month, last year, earlier this year, the end of next month; year-end, midyear (the
    story's year)."""
    offsets = {"this": 0, "the current": 0, "last": -1, "next": 1, "the": 0}
    rel = " ".join((match.groupdict().get("rel") or "the").lower().split())
    unit = (match.groupdict().get("unit") or "year").lower()
    if rel == "the" and (match.groupdict().get("part") or "").lower() == "end" and ctx.tense == "past" \
            and ctx.anchor is not None and not _end_begun(ctx.anchor, unit):
        # "sales slumped at the end of the year" in a story of February: the end of a year or
        # month told of in the past has begun, so it is the last one's
        return shift(_anchor(ctx), -1, unit)
    return shift(_anchor(ctx), offsets[rel], unit)


def _end_begun(day: date, unit: str) -> bool:
    """Whether the end of the day's year (its last quarter) or month (its last ten days) has begun."""
    return day.month >= 10 if unit == "year" else day.day > month_span(day.year, day.month)[1].day - 10


def _named_month(match, ctx):
    """For the month, in the month: the month of the date named last ("Sales fell 22 percent in
    January. In the month, the carmaker sold ..."); none when none was, or only a year."""
    last = ctx.last
    return None if last is None or last[1] is None else (last[0], last[1], None)


def _whole_year(match, ctx):
    """for the whole year, over the full year: the year of the last date named, else the anchor's."""
    base = ctx.last or _anchor(ctx)
    return None if base is None else (base[0], None, None)


def _same_period_a_year_before(match, ctx):
    """the same period last year, the same quarter a year earlier, the year-ago period: the
    period last named (a quarter, half, month or week), a year before; else the year before
    the one under discussion."""
    base = ctx.last or _anchor(ctx)
    named = ctx.last_named or ""
    unit = (match["unit"] or match["unit2"] or "period").lower()
    part = re.fullmatch(r"(\d{4})-([QH]\d|W\d\d|SP|SU|FA|WI)", named)
    if part and (unit == "period" or unit[0] == part.group(2)[0].lower() or (unit == "week" and part.group(2)[0] == "W")):
        return f"{int(part.group(1)) - 1:04d}-{part.group(2)}"
    if re.fullmatch(r"\d{4}-\d\d", named) and unit == "month":  # a "period" is seldom one month
        return int(named[:4]) - 1, int(named[5:]), None
    if base is None or unit not in ("period", "year"):
        return None
    return base[0] - 1, None, None


def _relative_week(match, ctx):
    """this week (the ISO week of the anchor), last week, next week, earlier this week; that
    week, the following week (of the last day named); the weekend likewise, "2020-W25-WE"."""
    rel = " ".join(match["rel"].lower().split())
    weekend = match["unit"].lower() == "weekend"
    if rel in ("that", "the same", "the following", "the previous"):
        base, weeks = _last_day(ctx), {"the following": 1, "the previous": -1}.get(rel, 0)
    else:
        base, weeks = _anchor(ctx), {"last": -1, "next": 1}.get(rel, 0)
        if weekend and base is not None:
            weeks = _weekend_offset(rel, ctx)
    week = week_of(base, weeks)
    return None if week is None else week + ("-WE" if weekend else "")


def _part_of_week(match, ctx):
    """The end of the week, the start of the week: the week of the story's day, or in a past
    clause of the day it tells of (the day named last, when that is not after the story's)."""
    day = _last_day(ctx) if ctx.tense == "past" else None
    if day is not None and ctx.anchor is not None and date(*day) > ctx.anchor:
        day = None
    return week_of(day or _anchor(ctx))


def _weekend_offset(rel: str, ctx: Context) -> int:
    """Which weekend, counted in ISO weeks from the anchor's: last weekend is the one before
    the anchor's week; over the weekend (past) the latest that has begun; this weekend the
    anchor's own, unless the clause tells of one already past on a weekday."""
    on_weekend = ctx.anchor.weekday() >= 5
    if rel == "last":
        return -1
    if rel == "next":
        return 1 if on_weekend else 0
    if rel in ("the past", "this past") or ctx.tense == "past":
        return 0 if on_weekend else -1
    return 0


def _present(match, ctx):
    return "PRESENT_REF"


def _past(match, ctx):
    """Recently, more recently, in the past: TIMEX3's past of the story, "PAST_REF"."""
    return "PAST_REF"


def _future(match, ctx):
    return "FUTURE_REF"


def _rule(name, pattern, resolve):
    return Rule(name, re.compile(pattern, re.IGNORECASE), resolve)


_DURATION_WORDS = r"(?:(?:" + _NUMBER_WORDS + r"|few|several|couple\s+of|many)\s+)?"
_OF_YEAR = r"(?:\s+of)?(?:\s+(?:" + _YEAR + r"|" + _RELATIVE_YEAR + r"|(?P<the_year>the\s+year)))"
_CLOCK = (r"(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*[ap]\.?m\.?)?|(?:1[0-2]|[1-9])\s*(?:[ap]\.m\.|[ap]m(?![a-z]))"
          r"|(?:1[0-2]|[1-9])(?::[0-5]\d)?\s+(?:o'clock\s+)?in\s+the\s+(?:morning|afternoon|evening))"
          r"(?:\s*(?:" + _ZONE + r"|\(" + _ZONE + r"\)))?|noon|midday|midnight")

# Order matters only between rules that match the same text: the first wins, so the value
# rules come before the rules that recognise what has no value.
RULES = (
    _rule("iso date", _YEAR + r"-(?P<m>\d\d)-(?P<d>\d\d)", _iso),
    _rule("numeric date", r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})(?![\d/])", _numeric),
    _rule("month day", _ANY_WEEKDAY + r"?" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?", _calendar_day),
    _rule("day month", _ANY_WEEKDAY + r"?(?:the\s+)?" + _DAY + r"(?:\s+of)?\s+" + _MONTH + r"(?:,?\s+" + _YEAR + r")?",
          _calendar_day),
    _rule("holiday", r"(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<holiday>"
          + "|".join(re.escape(h).replace(r"\ ", r"\s+").replace("'", "['\u2019]?") for h in sorted([*HOLIDAYS, *MOVABLE], key=len, reverse=True))
          + r")(?![a-z])(?:,?\s+" + _YEAR + r")?", _holiday),
    _rule("the week of", r"the\s+week\s+of\s+" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?", _week_of_day),
    _rule("month year", _PART_OF + r"?" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR, _month_of_year),
    _rule("month of this year", _PART_OF + r"?" + _MONTH_FULL + r",?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year",
          _month_of_relative_year),
    _rule("last month name", r"(?P<rel>last|next|this|past|coming)\s+" + _MONTH_FULL, _month_with_relative),
    _rule("month", _PART_OF + r"?" + _MONTH_FULL, _month_alone),
    _rule("quarter of year", r"(?:the\s+)?" + _ORDINAL + r"[\s-]+(?P<unit>quarter|half)" + _OF_YEAR, _quarter_or_half),
    _rule("quarter number", r"(?P<unit>[qh])(?P<qn>[1-4])(?:\s+|-|/)?" + _YEAR, _quarter_number),
    _rule("quarter", r"(?:the\s+)?" + _ORDINAL + r"[\s-]+(?P<unit>quarter|half)(?![\s-]+(?:of|mile|century|final|hour|dozen|point|percent)\b)",
          _quarter_or_half),
    _rule("the quarter", r"the\s+(?:same\s+)?quarter(?![\s-]+(?:of|ended|ending|before|after|earlier|ago|later|mile|century"
          r"|final)\b)", _named_quarter),
    _rule("previous quarter", r"the\s+(?P<rel>previous|preceding|prior|latest|most\s+recent)\s+quarter"
          r"(?![\s-]+(?:of|mile|century|final)\b)", _previous_quarter),
    _rule("this decade", r"(?:this|the\s+current)\s+decade", _this_decade),
    _rule("relative quarter", r"(?P<rel>this|last|next|the\s+current)\s+quarter", _relative_quarter),
    _rule("season of year", r"(?:the\s+)?" + _SEASON + _OF_YEAR, _season),
    _rule("season", r"(?P<rel>this|last|next|past|coming)\s+" + _SEASON, _season),
    _rule("the season", r"the\s+(?!fall)" + _SEASON + r"(?!\s+(?:of|in)\b)", _season),
    _rule("part of year", r"(?:" + _PART_OF + r"|(?:pre|post)-)" + _YEAR, _year),
    _rule("the year", r"the\s+year\s+" + _YEAR, _year),
    _rule("year", _YEAR, _year),
    _rule("decade", r"(?:the\s+)?(?:(?:early|mid|late)[\s-]*)?(?:(?P<full>[12]\d\d0)|['\u2019](?P<tens>\d0))['\u2019]?s(?![a-z])",
          _decade),
    _rule("century", r"the\s+(?P<c>\d{1,2})(?:st|nd|rd|th)\s+century", _century),
    _rule("today", r"(?:(?:earlier|later)\s+)?(?P<word>" + "|".join(w.replace(" ", r"\s+") for w in DAY_WORDS) + r")"
          + _TIME_OF_DAY, _relative_day),
    _rule("weekday", r"(?:(?P<rel>last|next|this|past|coming)\s+)?" + _WEEKDAY + _TIME_OF_DAY, _weekday),
    _rule("ago", "(?:" + _APPROXIMATELY + ")?" + _NUMBER + r"\s+" + _UNIT + r"\s+(?P<dir>ago|from\s+now|hence)", _ago),
    _rule("later", "(?:" + _APPROXIMATELY + ")?" + _NUMBER + r"\s+" + _UNIT + r"\s+(?P<dir>later|earlier)(?!\s+than)", _chained),
    _rule("the next day", r"the\s+(?P<dir>next)\s+(?P<unit>day|morning|afternoon|evening|night)", _next_or_previous),
    _rule("the following day", r"the\s+(?P<dir>following|previous|preceding)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)",
          _next_or_previous),
    _rule("the day before", r"the\s+(?P<unit>day|month|year)\s+(?P<dir>before|after)" + _CLAUSE_END, _next_or_previous),
    _rule("that day", r"(?:(?:earlier|later)\s+)?(?:that|the\s+same)\s+(?:day|(?P<part>morning|afternoon|evening|night))",
          _that_day),
    _rule("that year", r"(?:(?:earlier|later)(?:\s+in)?\s+)?(?:that|the\s+same)\s+(?P<unit>month|year)", _that_period),
    _rule("hours later", r"(?:earlier|later|early|late)\s+in\s+the\s+day|(?:(?:" + _NUMBER_WORDS + r"|a\s+few|several|many|some)\s+)?"
          r"(?:hours|minutes|moments)\s+(?:later|earlier)", _same_day),
    # which "the day" and "the week" are a session of their own is for kg.times.plausible to say
    _rule("the day", r"the\s+day(?![\w-])", _base_day_of),
    _rule("for the week", r"the\s+week(?![\w-])", _base_week_of),
    # not "the year to March", "the year ended June 30": twelve months of a company's own
    _rule("for the year", r"the\s+year(?![\w-])(?!\s+(?:to|ending|ended|through|till|until)\b)", _whole_year),
    _rule("for the month", r"the\s+month(?![\w-])", _named_month),
    _rule("overnight", r"overnight", _overnight),
    _rule("this year", r"(?:(?:early|mid|late|earlier|later)(?:\s+in)?[\s\-\u2013]+|the\s+(?:start|beginning|end|middle|close"
          r"|rest|remainder)\s+of\s+)?(?P<rel>this|last|next|the\s+current)\s+(?P<unit>month|year)", _relative_period),
    _rule("the end of the year", r"(?:the\s+(?P<part>start|beginning|end|middle|rest|remainder)\s+of|(?:earlier|later)\s+in)"
          r"\s+(?P<rel>the|this)\s+(?P<unit>month|year)", _relative_period),
    _rule("year-end", r"(?:the\s+)?(?:year[\s-]+end|year['\u2019]s\s+end|mid-?year)",
          _relative_period),
    _rule("the whole year", r"the\s+(?:whole|full|entire)\s+year(?![\s-]+(?:ago|later|earlier|before))",
          _whole_year),
    _rule("same period last year", r"the\s+(?:same\s+(?P<unit>period|quarter|half|month|week|year|season)(?:\s+of)?\s+(?:the\s+)?"
          r"(?:(?:last|previous|prior|preceding)\s+year|a\s+year\s+(?:earlier|ago|before))"
          r"|year[\s-]+(?:earlier|ago)\s+(?P<unit2>period|quarter|month))", _same_period_a_year_before),
    _rule("clock time", _CLOCK, _clock),
    _rule("week", r"(?:(?:earlier|later|early|late)\s+)?(?P<rel>this|last|next|that|the\s+same|the\s+following|the\s+previous)"
          r"\s+(?P<unit>week(?:end)?)(?![\s-]+(?:of|ago|later|earlier)\b)", _relative_week),
    _rule("weekend", r"(?P<rel>the(?:\s+past)?|this\s+past)\s+(?P<unit>weekend)", _relative_week),
    _rule("the end of the week", r"(?:the\s+(?:start|beginning|end|middle|rest|remainder)\s+of|(?:earlier|later|early|late)\s+in)"
          r"\s+the\s+week(?!end)", _part_of_week),
    _rule("now", r"now(?![-\u2013])", _present),
    _rule("at present", r"present(?![\s-]+(?:day|time|value))", _present),
    _rule("currently", r"currently", _present),
    _rule("recently", r"(?:(?:more|most|very|only|until)\s+)?recently", _past),
    _rule("the past", r"the\s+past(?![\s-]+(?:\d|few|several|couple|many|decade|century|year|month|week|day"
          r"|quarter|half|period)|\w)", _past),
    _rule("the future", r"(?:the\s+(?:(?:near|distant|foreseeable)\s+)?)?future(?![s-])",
          _future),
    # what has no value of ours
    _rule("the week", r"(?:(?:earlier|later|early|late|the\s+(?:start|beginning|end|middle|rest)\s+of)\s+)?"
          r"(?:this|last|next|that|the(?:\s+(?:past|coming|following|previous|same|current))?)\s+week(?:end)?", _nothing),
    _rule("duration", r"(?:the\s+)?(?:last|past|next|coming|previous|following|first|final|recent|same)\s+" + _DURATION_WORDS
          + r"(?:day|week|month|year|decade|quarter|half|century|period)s?", _nothing),
    _rule("vague ago", r"(?:a\s+few|several|many|some|a\s+couple\s+of|couple\s+of)\s+" + _UNIT + r"\s+(?:ago|later|earlier)",
          _nothing),
    _rule("fiscal quarter", r"(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+fiscal[\s-]+(?:quarter|half)"
          r"|[qh][1-4]", _nothing),
    _rule("the decades", r"(?:the\s+)?(?:(?:early|mid|late)[\s-]*)?\d0s(?![a-z])", _nothing),
    _rule("fiscal year", r"(?:(?:the\s+)?" + _ORDINAL + r"[\s-]+(?P<unit>quarter|half)\s+of\s+(?:the\s+)?)?"
          r"(?:fiscal(?:\s+year)?|fy)\s*['\u2019]?(?P<fy>[12]\d{3}|\d\d)(?!\d)", _fiscal_year),
    _rule("every", r"(?:every|each)\s+(?:other\s+)?(?:day|week|month|year|quarter|morning|evening|night|summer|winter"
          r"|spring|autumn|"
          + "|".join(WEEKDAYS + MONTHS) + r")", _nothing),
)

