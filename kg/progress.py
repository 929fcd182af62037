"""What a corpus run tells its user: counts, a progress line, skips, a summary. Text only;
kg.cli decides where it goes (the progress line only to a terminal)."""

from __future__ import annotations

import json
import time
from typing import IO

from .errors import KgError, ValidationError
from .pipeline import Built, Skipped


class Tally:
    """Counts the outcomes of a run and holds back skip messages until an article is built,
    so that a run where nothing could be built ends with one message, not two."""

    def __init__(self, errors: IO[str] | None = None):
        self.articles = self.triples = self.entities = self.events = self.words = 0
        self.skips: list[Skipped] = []
        self.started = time.monotonic()
        self._errors = errors
        self._held: list[str] = []

    def add(self, outcome: Built | Skipped) -> list[str]:
        """Count one outcome; the skip messages to show now."""
        if isinstance(outcome, Built):
            self.articles += 1
            self.triples += outcome.triples
            self.entities += outcome.entities
            self.events += outcome.events
            self.words += outcome.words
            shown, self._held = self._held, []
            return shown
        self.skips.append(outcome)
        if self._errors is not None:
            record = {"article": outcome.article, "reason": outcome.reason, "stage": outcome.stage}
            self._errors.write(json.dumps(record, ensure_ascii=False) + "\n")
            self._errors.flush()
        line = f"skipped {outcome.reason}"
        if self.articles:
            return [line]
        self._held.append(line)
        return []

    def nothing_built(self) -> tuple[list[str], KgError] | None:
        """When every article was skipped: the held messages and the error to end with
        (a lone bad article's own error; exit 1 if any graph broke the shapes, else 2)."""
        if self.articles or not self.skips:
            return None
        if len(self.skips) == 1:
            return [], self.skips[0].error()
        message = f"none of the {len(self.skips)} articles could be built; each is reported above"
        if any(skip.stage == "validate" for skip in self.skips):
            return self._held, ValidationError(message)
        return self._held, KgError(message)

    def elapsed(self) -> float:
        return max(time.monotonic() - self.started, 1e-9)

    def progress(self) -> str:
        rate = self.words / self.elapsed()
        return f"{self.articles:,} articles, {rate:,.0f} words/s, {len(self.skips):,} skipped"

    def summary(self) -> str:
        return (f"{self.articles:,} articles, {self.triples:,} triples, {self.entities:,} entities, "
                f"{self.events:,} events, {len(self.skips):,} skipped in {self.elapsed():.1f} s "
                f"({self.words / self.elapsed():,.0f} words/s)")

    def report(self):
        """The SHACL reports of the articles whose graphs broke the shapes, as one graph."""
        from rdflib import Graph

        reports = [skip.report for skip in self.skips if skip.report is not None]
        if not reports:
            return None
        union = Graph(bind_namespaces="none")
        for graph in reports:
            union += graph
        return union
