"""Which matches of the forms are time expressions in this parse: the month, weekday or year
that is not part of a name ("Black Friday", "the Russell 2000"), not a level ("closed at
1985"), not a verb ("may"); "now", "overnight", "the day", a quarter, noon as times.
``plausible`` is kg.times.extract's one question to this module."""

from __future__ import annotations

import re

from kg.text.tokens import sentence_of
from kg.vocab.lexicon import load_lexicon

from .patterns import MONTHS, WEEKDAYS

# Names that are dates in any case: not "may", "march", "august" or abbreviations ("sat", "sun").
_UNAMBIGUOUS = (set(MONTHS) | set(WEEKDAYS)) - {"may", "march", "august"}
# Verbs whose "at"/"to" phrase is a level ("closed at 1985"), beside the lexicon's rises and falls
_LEVEL_VERBS = {"close", "end", "finish", "open", "trade", "stand", "settle", "rise", "fall", "climb", "drop", "slip",
                "edge", "rebound", "recover", "retreat", "advance", "decline", "hit", "touch"}
# Verbs whose object "the day" or "the week" is a trading session: "closed the day down 2 percent"
_SESSION_VERBS = {"close", "end", "finish", "start", "open", "begin"}
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
_FINANCE_NOUNS = {"profit", "earnings", "earning", "revenue", "sale", "loss", "income", "growth", "gdp", "output", "result",
                  "dividend", "margin", "economy", "turnover", "shipment", "delivery", "order", "fiscal", "financial"}
# A bare year not tagged DATE by spaCy is still one after these: "from 2009 to 2011".
_YEAR_PREPOSITIONS = {"in", "since", "by", "until", "till", "from", "to", "through", "before", "after",
                      "between", "of", "during", "around", "for"}


def plausible(doc, rule: str, match: re.Match) -> bool:
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
    if _a_level(token) or _a_model_year(token):
        return False
    return token.ent_type_ in ("DATE", "TIME") or (token.dep_ == "pobj" and token.head.lower_ in _YEAR_PREPOSITIONS)


def _a_model_year(token) -> bool:
    """"the model year 2011 sedan", "2012 model-year cars": the year a maker names a model by,
    sold the year before it, is no time."""
    doc = token.doc
    before = doc[max(0, token.i - 3) : token.i].text.lower()
    after = doc[token.i + 1 : token.i + 4].text.lower()
    return re.search(r"model[\s-]*year$", before) is not None or re.match(r"model[\s-]*year", after) is not None


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
    """"for the day", "on the day", "for the week" as a time of their own (the day or week
    under discussion; in a market report, the trading day and its week): after "for" or "on",
    or what a market closes, ends or starts ("the Dow closed the day down 128 points", "ended
    the week 2 percent higher"), with nothing that says which day it is ("the day of the
    vote", "the day he died")."""
    day = span[-1]
    if _after(span, "for", "on"):
        return all(c.dep_ in ("det", "punct") for c in day.children)
    # the parser may hang the move on the session: "ended the week 2 percent higher"
    return day.dep_ in ("dobj", "npadvmod") and day.head.lemma_ in _SESSION_VERBS and all(
        c.dep_ in ("det", "punct") or c.tag_ in ("JJR", "RBR") for c in day.children)


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


def _a_holiday(span, match) -> bool:
    """"a weak Christmas", "this Christmas" are the day; "the Christmas tree", "Christmas
    sales" name a kind of thing (the holidays with "Day" or "Eve" in their name are days
    wherever they stand). "Election Day" is the US general election's only when capitalised."""
    if " ".join(match["holiday"].lower().split()) == "election day":
        return match["holiday"][0] == "E"  # the US one; other news writes "election day" of its own vote
    if match["holiday"].lower() != "christmas":
        return True
    token = span[-1]
    return not (token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i)


def _not_a_modifier(span, match) -> bool:
    """"by year-end" is a time; "year-end bonuses", "the year-end accounts" name a kind of thing."""
    token = span[-1]
    return not (token.dep_ in ("compound", "amod", "nmod") and token.head.i > token.i and token.head.pos_ == "NOUN")


_GATES = {"year-end": _not_a_modifier, "month": _a_month, "year": _a_year, "weekday": _a_weekday, "now": _now, "overnight": _overnight_adverb,
          "holiday": _a_holiday, "the day": _the_day, "for the week": _the_day, "for the year": _the_day,
          "for the month": lambda span, match: _after(span, "for", "in", "during", "over", "through")
          and all(c.dep_ in ("det", "punct") for c in span[-1].children),
          "the quarter": lambda span, match: _after(span, "for", "in", "during", "over", "through")
          and all(c.dep_ in ("det", "amod", "punct") for c in span[-1].children), "quarter": _a_financial_quarter, "previous quarter": _a_financial_quarter, "clock time": _a_clock,
          # "for the whole year", "over the weekend", "at present", "in the future": only after these
          "the whole year": lambda span, match: _after(span, "for", "over", "in", "during", "throughout"),
          "weekend": lambda span, match: _after(span, "over", "during", "through", "throughout", "at")
          or not match.group().lower().startswith("the weekend"),
          "at present": lambda span, match: _after(span, "at"),
          "the future": lambda span, match: span[-1].pos_ == "NOUN" and span[-1].dep_ not in ("compound", "amod")
          and (match.group().lower().startswith("the") or _after(span, "in")),
          # "in the past it has sold units", "more than in the past"; not "the past president"
          "the past": lambda span, match: span[-1].pos_ == "NOUN" and span[-1].dep_ == "pobj"
          and _after(span, "in")}
