"""The values kg gives temporal expressions, and the calendar arithmetic behind them.

A value is ``(year, month, day)``, month and day ``None`` when the text does not fix them:
``(2020, 6, None)`` is written ``"2020-06"``, an xsd:gYearMonth. Pure stdlib, no clock.
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


@dataclass(frozen=True)
class Context:
    """What an expression is read against: publication date, tense of its clause, last date."""

    anchor: date | None
    tense: str
    last: Value | None


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


def checked(year: int, month: int | None, day: int | None) -> Value | None:
    """The value if the calendar has it (years 1 to 9999, 29 February in leap years), else None."""
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        return None
    return year, month, day


def month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def pick_year(period: Callable[[int], tuple[date, date]], ctx: Context) -> int | None:
    """The year of a day or month named without one: the anchor's, unless that puts it far
    after the anchor in a past-tense clause (then the year before) or over before the anchor
    in a future one (then the year after); in a present-tense clause the nearest. Years where
    the day does not exist (29 February) are skipped; None at the ends of the calendar."""
    anchor = ctx.anchor
    spans = {}
    for year in range(anchor.year - 8, anchor.year + 9):  # 29 February can be eight years away
        try:
            spans[year] = period(year)
        except ValueError:
            continue
    if ctx.tense == "past":
        return max((y for y, (start, _) in spans.items() if y <= anchor.year and start - anchor <= TOLERANCE), default=None)
    if ctx.tense == "future":
        return min((y for y, (_, end) in spans.items() if y >= anchor.year and end >= anchor), default=None)

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
