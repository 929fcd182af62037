"""Article structure: headline, dateline, boilerplate and the publisher's source line.

The result is a Layout whose ``analysis_text`` has exactly the length of the article text,
so every offset spaCy gives on it is an offset into the text as read. Boilerplate is
blanked with spaces (newlines kept) and a Title Case headline is put in sentence case, so
that "North Korea Blows Up Liaison Office" does not become a place called "North Korea Blows".
"""

from __future__ import annotations

import re
from datetime import date, datetime

from kg.model import Article, Layout, Span

# A teaser for another story: the marker line and the headline line after it.
_TEASER = re.compile(r"^\s*(read also|also read|read more|related|see also|more on this)\s*:?\s*$", re.I)
_TEASER_INLINE = re.compile(r"^\s*(read also|also read|read more|related|see also)\s*:\s*\S", re.I)
_SOURCE = re.compile(r"^\s*(?:source|sources|credit)\s*:\s*(?P<name>\S.*?)\s*$", re.I)
_BYLINE = re.compile(r"^\s*by\s+[A-Z][\w.'\-]*(\s+[A-Z][\w.'\-]*){0,3}(\s+(and|&)\s+[A-Z][\w.'\-]*(\s+[A-Z][\w.'\-]*){0,3})?\s*$")
_SHARE = re.compile(
    r"^\s*(share (this|on)|click here|follow us|subscribe|sign up for|advertisement|"
    r"copyright|©|all rights reserved|tweet this|email this)\b.*$",
    re.I,
)
_DATELINE = re.compile(
    r"^\s*(?:(?P<wd>Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
    r"(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2}),?\s+(?P<year>\d{4})"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>[A-Z][a-z]{2,8})\.?,?\s+(?P<year2>\d{4})"
    r"|(?P<iso>\d{4}-\d{2}-\d{2}))\s*$"
)
# A wire dateline opening the story's first paragraph: an upper-case city, optionally its
# state or country and the day, the agency in brackets, and a dash or an underscore before the
# first sentence ("WASHINGTON, June 5 (Reuters) - ", "NAIROBI, Kenya (AP) _", "MOSCOW (AP) --").
_WIRE_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'\-]{2,}(?: [A-Z][A-Z.'\-]+){0,3})"
    r"(?:, (?P<region>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}))?"
    r"(?:, (?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2})(?:,? (?P<year>[12]\d{3}))?)?"
    r"(?: \((?P<agency>[A-Za-z][\w .&-]{0,30})\))?"
    r"\s*(?P<dash>--|—|–|-|_)(?:\s|$)"
)
# The same with the city written as a name is, or left out, where the agency in brackets says it
# is a dateline ("Hong Kong (CNN) -- ", "(CNN) -- ")
_AGENCY_DATELINE = re.compile(
    r"^(?:(?P<city>[A-Z][a-z.'\-]+(?: [A-Z][a-z.'\-]+){0,2})"
    r"(?:, (?P<region>[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}))?"
    r"(?:, (?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2})(?:,? (?P<year>[12]\d{3}))?)? )?"
    r"\((?P<agency>[A-Z][A-Za-z]{1,15})\)"
    r"\s*(?P<dash>--|—|–|-|_)(?:\s|$)"
)
_SMALL_WORDS = {
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with",
    "by", "from", "up", "down", "off", "out", "over", "as", "is", "are", "was", "were", "be",
    "into", "onto", "after", "before", "amid", "its", "their", "his", "her", "new", "says",
}


def analyse(article: Article) -> Layout:
    """Find the headline, dateline, boilerplate and source line of an article."""
    text = article.text
    chars = list(text)
    lines = _lines(text)
    publisher = None
    blank_next = False
    for start, end in lines:
        line = text[start:end]
        if blank_next and line.strip():
            _blank(chars, start, end)
            blank_next = False
            continue
        if _TEASER.match(line):
            _blank(chars, start, end)
            blank_next = True
        elif _TEASER_INLINE.match(line) or _BYLINE.match(line) or _SHARE.match(line):
            _blank(chars, start, end)
        elif match := _SOURCE.match(line):
            name_start = start + match.start("name")
            publisher = Span(name_start, start + match.end("name"), text[name_start : start + match.end("name")])
            _blank(chars, start, end)
    if found := _wire_dateline(text, lines):
        start, match = found
        _set_apart(chars, text, start, match)
        if match.group("agency"):  # the agency is who published the story, not a name in it
            first, last = start + match.start("agency"), start + match.end("agency")
            publisher = publisher or Span(first, last, text[first:last])
    title = _title_span(article, lines)
    if title is not None:
        heads = [(s, e) for s, e in lines if text[s:e].strip() == title.text.strip()]
        body = "".join(chars[heads[-1][1] :])
        for start, end in heads:
            _sentence_case(chars, text, start, end, body)
    return Layout("".join(chars), title, publisher, _dateline(text, lines))


def _wire_dateline(text: str, lines: list[tuple[int, int]]) -> tuple[int, re.Match] | None:
    """Where the wire dateline's line starts, and its match, in the first eight lines."""
    for start, end in lines[:8]:
        if match := _WIRE_DATELINE.match(text[start:end]) or _AGENCY_DATELINE.match(text[start:end]):
            return start, match
    return None


def dateline_places(text: str) -> tuple[Span, ...]:
    """The city a wire story was filed from and its state or country, as the text writes them
    ("LUSAKA" of "LUSAKA, Aug 14 (Reuters) -", "SAN JOSE" and "Calif" of "SAN JOSE, Calif. (AP)
    _"): places by the dateline's form, whatever a tagger makes of the words."""
    found = _wire_dateline(text, _lines(text))
    if found is None:
        return ()
    start, match = found
    spans = []
    for group in ("city", "region"):
        if match.group(group):
            first, last = start + match.start(group), start + match.end(group)
            last -= match.group(group).endswith(".")  # "Calif.": the abbreviation's stop is no part of it
            spans.append(Span(first, last, text[first:last]))
    return tuple(spans)


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _set_apart(chars: list[str], text: str, start: int, match: re.Match) -> None:
    """A wire dateline is structure, not the first sentence's subject: it ends with a full
    stop where its city or day ends, its agency and dash are blanked, and a line break
    starts the lead (a sentence ends there, and the parser, which reads a few words across a
    sentence boundary, sees the lead start as it sees any sentence after a full stop; after
    blanks alone it misreads "Turkey and Greece agreed"); its upper-case city is written as
    a name is, so that the tagger finds the place ("NAIROBI" -> "Nairobi")."""
    end = start + match.end()
    if not match.group("city"):  # "(CNN) -- ": nothing of it is read
        _blank(chars, start, end - 1)
        chars[end - 1] = "\n" if text[end - 1] in " \t" else chars[end - 1]
        return
    stop = max(start + match.end(group) for group in ("city", "region", "day", "year") if match.group(group))
    for i in range(stop, end):
        if chars[i] not in "\r\n":
            chars[i] = " "
    chars[stop] = "."
    if end - 1 > stop and text[end - 1] in " \t":  # the dash has no line break of its own
        chars[end - 1] = "\n"
    for word in re.finditer(r"[A-Z][A-Z'\-]+", match.group("city")):
        for i in range(start + word.start() + 1, start + word.end()):
            chars[i] = text[i].lower()


def _title_span(article: Article, lines: list[tuple[int, int]]) -> Span | None:
    """The headline: the ``title`` given with the article when the text starts with it,
    otherwise a first line followed by a blank line."""
    text = article.text
    first = next(((s, e) for s, e in lines if text[s:e].strip()), None)
    if first is None:
        return None
    s, e = first
    line = text[s:e]
    lead = len(line) - len(line.lstrip())
    s, e = s + lead, s + len(line.rstrip())
    if article.title and _squash(text[s:e]) == _squash(article.title):
        return Span(s, e, text[s:e])
    index = lines.index(first)
    followed_by_blank = index + 1 < len(lines) and not text[lines[index + 1][0] : lines[index + 1][1]].strip()
    if followed_by_blank and not text[s:e].rstrip().endswith((".", "?", "!", ":")) and len(text[s:e]) < 200:
        return Span(s, e, text[s:e])
    return None


def _squash(s: str) -> str:
    return re.sub(r"\W+", "", s).lower()


def _sentence_case(chars: list[str], text: str, start: int, end: int, body: str) -> None:
    """Lower-case the headline words that the body never capitalises mid-sentence, keeping
    the proper names. A headline already in sentence case is left as is."""
    words = list(re.finditer(r"[A-Za-z][\w'’\-]*", text[start:end]))
    capitalised = [w for w in words if w.group()[0].isupper()]
    if len(words) < 3 or len(capitalised) / len(words) < 0.6:
        return
    for n, word in enumerate(words):
        w = word.group()
        if n == 0 or not w[0].isupper() or w.isupper():
            continue
        # capitalised after a word that does not end a sentence: a proper name
        capital_in_body = re.search(rf"[\w,;’'\"]\s+{re.escape(w)}\b", body) is not None
        if w.lower() in _SMALL_WORDS or not capital_in_body:
            i = start + word.start()
            chars[i] = chars[i].lower()


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}


def _dateline(text: str, lines: list[tuple[int, int]]) -> date | None:
    """A line near the top that is nothing but a date ("March 01, 2008")."""
    for start, end in lines[:6]:
        match = _DATELINE.match(text[start:end])
        if not match:
            continue
        try:
            if match.group("iso"):
                return datetime.strptime(match.group("iso"), "%Y-%m-%d").date()
            month = match.group("month") or match.group("month2")
            day = match.group("day") or match.group("day2")
            year = match.group("year") or match.group("year2")
            number = _MONTHS.get(month[:3].lower())
            if number:
                return date(int(year), number, int(day))
        except ValueError:
            continue
    return None
