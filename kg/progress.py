"""What a corpus run tells its user: counts, a progress bar, skips, a summary. kg.cli decides
where it goes (the progress bar only to a terminal)."""

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


class ProgressBar:
    """A progress bar on a terminal, drawn by tqdm (already installed with spaCy, which uses it;
    it redraws in place, keeps to the terminal's width, and estimates the time left): articles
    done of the total when the total is known (else the count alone), words/s, ETA, skips.
    Messages go through ``write`` so that they land above the bar, not across it."""

    def __init__(self, tally: Tally, stream: IO[str], total: int | None = None):
        from tqdm import tqdm

        self.tally = tally
        shape = "{percentage:3.0f}%|{bar}| {n_fmt}/{total_fmt} articles [{elapsed}<{remaining}{postfix}]" \
            if total is not None else "{n_fmt} articles [{elapsed}{postfix}]"
        self.bar = tqdm(total=total, file=stream, bar_format="kg: " + shape, dynamic_ncols=True, leave=False,
                        mininterval=0.25, smoothing=0.1)
        self._show()

    def done(self, outcomes: int) -> None:
        """Outcomes (built or skipped articles) that came in."""
        self._show()
        self.bar.update(outcomes)

    def kept(self, articles: int) -> None:
        """Articles an earlier run built (kept shards): no longer to do."""
        if self.bar.total is not None:
            self.bar.total = max(self.bar.total - articles, self.bar.n)
            self.bar.refresh()

    def write(self, line: str) -> None:
        self.bar.write(line, file=self.bar.fp)

    def close(self) -> None:
        self.bar.close()  # the bar is erased: the summary line takes its place

    def _show(self) -> None:
        rate = self.tally.words / self.tally.elapsed()
        self.bar.set_postfix_str(f"{rate:,.0f} words/s, {len(self.tally.skips):,} skipped", refresh=False)
