"""The values kg gives temporal expressions, and the calendar arithmetic behind them.

A calendar value is ``(year, month, day)``, month and day ``None`` when the text does not fix
them: ``(2020, 6, None)`` is written ``"2020-06"``, an xsd:gYearMonth. What XSD cannot hold is
written as TimeML writes it (ISO 8601 where ISO has a form): a week ``"2020-W25"``, a weekend
``"2020-W25-WE"``, a quarter ``"2020-Q2"``, a half ``"2020-H1"``, a season ``"2020-SU"``, a
decade ``"199"``, a century ``"19"``, a fiscal year ``"FY2009"``, a clock time ``"2020-06-16T09:30"``, the present
``"PRESENT_REF"``. ``xsd`` and ``bounds`` say what of such a value a graph can state exactly.
Pure stdlib, no clock.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

Value = tuple[int, int | None, int | None]
DAYS_IN = {"day": 1, "week": 7, "fortnight": 14}
# In a past-tense clause a date named without its year may lie this far after the publication
# date before it is taken for last year's: "was postponed to February 3" in a January article.
TOLERANCE = timedelta(days=31)
# And in a future one this far before it: a wire story is written a day or two before it is
# dated, so "will decide by January 14" in a story of January 15 is not next year's.
FUTURE_TOLERANCE = timedelta(days=7)
# The seasons with the months they span (the northern year; a winter is named by the year it
# begins in)
SEASONS = {"spring": ("SP", 3, 5), "summer": ("SU", 6, 8), "autumn": ("FA", 9, 11), "fall": ("FA", 9, 11),
           "winter": ("WI", 12, 14)}
REFERENCES = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


@dataclass(frozen=True)
class Context:
    """What an expression is read against: publication date, tense of its clause, last date
    (as a calendar value) and the last value of any kind named ("2020-Q2")."""

    anchor: date | None
    tense: str
    last: Value | None
    last_named: str | None = None


def fmt(value: Value) -> str:
    """``(2020, 6, None)`` -> ``"2020-06"``."""
    year, month, day = value
    text = f"{year:04d}"
    if month is not None:
        text += f"-{month:02d}"
        if day is not None:
            text += f"-{day:02d}"
    return text


def parse(text: str) -> Value:
    """``"2020-06"`` -> ``(2020, 6, None)``; a ValueError names anything else."""
    match = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", text)
    if not match:
        raise ValueError(f"not a date, year-month or year: {text!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")
    value = checked(*(int(g) if g else None for g in match.groups()))
    if value is None:
        raise ValueError(f"no such date: {text!r}")
    return value


def calendar_part(value: str) -> Value | None:
    """The calendar value a TimeML value lies in, as precisely as it is exact: the day of a
    clock time or a part of a day, the month or year a week, quarter or half falls within,
    the year of a season (not a winter: it straddles two); None for decades and references.

    >>> calendar_part("2020-06-16T09:30"), calendar_part("2020-Q2")
    ((2020, 6, 16), (2020, None, None))
    """
    head = re.match(r"\d{4}(?:-\d\d(?:-\d\d)?)?(?=T|$)", value)
    if head:
        try:
            return parse(head.group())
        except ValueError:
            return None
    span = bounds(value)
    if span is not None:
        begin, end = span
        if begin.year != end.year:
            return None
        return (begin.year, begin.month, None) if begin.month == end.month else (begin.year, None, None)
    season = re.fullmatch(r"(\d{4})-(SP|SU|FA)", value)
    return (int(season.group(1)), None, None) if season else None


def xsd(value: str, zone: str | None = None) -> tuple[str, str] | None:
    """The XSD datatype's local name and lexical form that hold a TimeML value exactly, or None:
    ``"2020-06"`` -> ``("gYearMonth", "2020-06")``; a clock time is an xsd:dateTime with its
    zone when the text gives one; a part of a day ("2020-06-16TMO", which kg does not write but
    other TimeML does) is on its date."""
    if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return "date", value
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "gYearMonth", value
    if re.fullmatch(r"\d{4}", value):
        return "gYear", value
    if re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d", value):
        return "dateTime", f"{value}:00{zone or ''}"
    if re.fullmatch(r"\d{4}-\d\d-\d\dT(?:MO|AF|EV|NI)", value):
        return "date", value[:10]
    return None


def bounds(value: str) -> tuple[date, date] | None:
    """The first and last day of a week, weekend, quarter, half or decade, which XSD has no
    type for; None for what has no exact bounds (seasons, parts of a day, references).

    >>> bounds("2020-Q2")
    (datetime.date(2020, 4, 1), datetime.date(2020, 6, 30))
    """
    week = re.fullmatch(r"(\d{4})-W(\d\d)(-WE)?", value)
    if week:
        try:
            monday = date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        except ValueError:
            return None
        return (monday + timedelta(days=5), monday + timedelta(days=6)) if week.group(3) else (
            monday, monday + timedelta(days=6))
    part = re.fullmatch(r"(\d{4})-([QH])([1-4])", value)
    if part:
        year, months = int(part.group(1)), 3 if part.group(2) == "Q" else 6
        first = (int(part.group(3)) - 1) * months + 1
        if first > 12:
            return None
        return date(year, first, 1), month_span(year, first + months - 1)[1]
    decade = re.fullmatch(r"(\d{3})", value)
    if decade:
        start = int(decade.group(1)) * 10
        return (date(start, 1, 1), date(start + 9, 12, 31)) if start >= 1 else None
    return None


def begins_after(value: str, day: date) -> bool:
    """Whether a TimeML value begins after a day: "2009-H1" after 2008-10-10, "FUTURE_REF"
    always; what has no known beginning (a fiscal year, the past, the present) never."""
    if value == "FUTURE_REF":
        return True
    span = bounds(value)
    if span is not None:
        return span[0] > day
    part = calendar_part(value)
    if part is None:
        return False
    year, month, first = part
    return date(year, month or 1, first or 1) > day


def checked(year: int, month: int | None, day: int | None) -> Value | None:
    """The value if the calendar has it (years 1 to 9999, 29 February in leap years), else None."""
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def season_span(year: int, season: str) -> tuple[date, date]:
    """The months a season spans in the northern year (a winter runs into the next year)."""
    _, first, last = SEASONS[season]
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return date(year, first, 1), month_span(end_year, end_month)[1]


def week_of(day: Value | None, weeks: int = 0) -> str | None:
    """The ISO week of a day, moved by ``weeks``: ``(2020, 6, 16)`` -> ``"2020-W25"``."""
    if day is None or day[2] is None:
        return None
    moved = date(*day) + timedelta(weeks=weeks)
    year, week, _ = moved.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: date, quarters: int = 0) -> str:
    index = day.year * 4 + (day.month - 1) // 3 + quarters
    return f"{index // 4:04d}-Q{index % 4 + 1}"


def pick_year(period: Callable[[int], tuple[date, date]], ctx: Context, tolerance: timedelta = TOLERANCE) -> int | None:
    """The year of a day or month named without one: the anchor's, unless that puts it far
    after the anchor in a past-tense clause (then the year before) or over before the anchor
    in a future one (then the year after); in a present-tense clause the nearest. Years where
    the day does not exist (29 February) are skipped; None at the ends of the calendar.
    ``tolerance`` is how far after the anchor a past period may begin (a quarter or season
    told of in the past has begun)."""
    anchor = ctx.anchor
    spans = {}
    for year in range(anchor.year - 8, anchor.year + 9):  # 29 February can be eight years away
        try:
            spans[year] = period(year)
        except ValueError:
            continue
    if ctx.tense == "past":
        return max((y for y, (start, _) in spans.items() if y <= anchor.year and start - anchor <= tolerance), default=None)
    if ctx.tense == "future":
        tolerance = FUTURE_TOLERANCE if all(start == end for start, end in spans.values()) else timedelta(0)
        return min((y for y, (_, end) in spans.items() if y >= anchor.year and end + tolerance >= anchor), default=None)

    def distance(year):
        start, end = spans[year]
        return max(start - anchor, anchor - end, timedelta(0)), abs(year - anchor.year)

    return min(spans, key=distance, default=None)


def shift(base: Value | None, n: int, unit: str) -> Value | None:
    """``base`` moved by ``n`` units, as precise as the unit; None when the base is coarser."""
    if base is None:
        return None
    year, month, day = base
    if unit in DAYS_IN:
        if day is None:
            return None
        try:
            moved = date(year, month, day) + timedelta(days=n * DAYS_IN[unit])
        except OverflowError:  # beyond the year 9999
            return None
        return moved.year, moved.month, moved.day
    if unit == "month":
        if month is None:
            return None
        index = year * 12 + month - 1 + n
        return checked(index // 12, index % 12 + 1, None)
    return checked(year + n, None, None)
