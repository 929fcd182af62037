"""One node per real event: mentions of the same happening in one article are merged.

A news story names its main event several times: the headline ("North Korea Blows Up
Liaison Office"), the lede ("blew up a building"), and later ("had demolished the
building", "the liaison office was ruined"). Two event mentions are merged when the text
gives them the same class (a specific one, never kgo:OtherEvent or kgo:State), the same factuality, no
conflicting date, and the same patient, without contradicting each other's participants:
every agent of one is an agent of the other or absent there, and the same for patients.
A wrong merge states a false fact, so everything else is kept apart.
"""

from __future__ import annotations

from dataclasses import replace

from kg.model import Event

# classes too broad to say that two mentions are one happening: "Airbus is the largest maker"
# and "Airbus is based in Toulouse" are two states of one patient
GENERIC = {"kgo:OtherEvent", "kgo:State"}


def merge_events(events: tuple[Event, ...]) -> tuple[Event, ...]:
    """The events with coreferent mentions merged into the first one, in text order."""
    merged: list[Event] = []
    for event in events:
        for n, kept in enumerate(merged):
            if _same(kept, event):
                merged[n] = _join(kept, event)
                break
        else:
            merged.append(event)
    return tuple(merged)


def _same(a: Event, b: Event) -> bool:
    if a.type != b.type or a.type in GENERIC or a.factuality != b.factuality:
        return False
    if a.time and b.time and a.time != b.time:
        return False
    if not set(a.patients) & set(b.patients):
        return False  # the same agent alone is no evidence: Airbus announces many things
    if a.places and b.places and not set(a.places) & set(b.places):
        return False  # a flight to the US and a flight to Sydney are two flights
    return _compatible(a.agents, b.agents) and _compatible(a.patients, b.patients)


def _compatible(one: tuple[str, ...], other: tuple[str, ...]) -> bool:
    return not one or not other or set(one) <= set(other) or set(other) <= set(one)


def _join(a: Event, b: Event) -> Event:
    """One event of two mentions. The mention that the text dates leads (its trigger names
    the node, its tense is the event's): a headline's "Blows Up" yields to "on Tuesday blew up"."""
    def union(x, y):
        return tuple(dict.fromkeys((*x, *y)))

    if a.time is None and b.time is not None:
        a, b = replace(b, mentions=(*b.mentions, *a.mentions)), replace(a, mentions=())
    return replace(
        a,
        agents=union(a.agents, b.agents),
        patients=union(a.patients, b.patients),
        places=union(a.places, b.places),
        time=a.time or b.time,
        mentions=(*a.mentions, b.trigger, *b.mentions),
    )
