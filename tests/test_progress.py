"""The progress bar kg build draws on a terminal: articles done of the total (when known),
words/s, time left and skips, drawn by tqdm; and nothing of it when stderr is no terminal."""

from __future__ import annotations

import fcntl
import io
import json
import os
import pty
import struct
import subprocess
import sys
import termios

import pytest

from kg.pipeline import Skipped
from kg.progress import ProgressBar, Tally

from .test_cluster import STORIES
from .test_interrupt import environment


def _drawn(total, steps, kept=0) -> str:
    stream = io.StringIO()
    tally = Tally()
    bar = ProgressBar(tally, stream, total)
    bar.kept(kept)
    for _ in range(steps):
        tally.add(Skipped("story-1", "story-1: is not JSON", "read"))
        bar.done(1)
    bar.bar.refresh()
    shown = stream.getvalue()
    bar.close()
    return shown


def test_the_bar_shows_articles_of_the_total_the_time_left_and_skips():
    shown = _drawn(4, 1).split("\r")[-1]
    assert shown.startswith("kg:  25%|") and "| 1/4 articles [00:00<" in shown
    assert shown.endswith(", 0 words/s, 1 skipped]")


def test_without_a_total_the_bar_counts_articles_alone():
    shown = _drawn(None, 2).split("\r")[-1]
    assert shown.startswith("kg: 2 articles [00:00") and "%" not in shown and "/2" not in shown


def test_articles_of_kept_shards_leave_the_total():
    assert "| 1/2 articles" in _drawn(5, 1, kept=3).split("\r")[-1]


def _corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("{oops\n" + "".join(json.dumps({"id": f"story-{n}", "text": text}) + "\n"
                                         for n, text in enumerate(STORIES[:4])))
    return path


def _on_a_terminal(tmp_path, *options) -> tuple[int, str]:
    """kg build with stderr on a pseudo-terminal of 100 columns; its exit code and what it drew."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen([sys.executable, "-m", "kg", "build", str(_corpus(tmp_path)), "--batch-size", "1",
                                "--workers", "1", "-f", "nquads", "-o", str(tmp_path / "out.nq"), *options],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave, env=environment())
    os.close(slave)
    drawn = b""
    try:
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the terminal's other end is closed: the run is over
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(master)
        process.wait(timeout=120)
    return process.returncode, drawn.decode("utf-8")


@pytest.mark.model
def test_a_build_on_a_terminal_draws_a_bar_of_the_counted_articles(tmp_path):
    code, drawn = _on_a_terminal(tmp_path)
    assert code == 1  # the bad line
    assert "| 0/5 articles [00:00<?]" in drawn  # four articles and a bad line, counted before the run
    assert "| 1/5 articles [" in drawn and "words/s, 1 skipped]" in drawn  # drawn after the model loaded
    lines = [line.split("\r")[-1] for line in drawn.split("\r\n") if line]
    assert lines[0].startswith("kg: skipped") and "line 1: is not JSON" in lines[0]  # above the bar, whole
    assert lines[-1].startswith("kg: 4 articles, ") and "1 skipped in" in lines[-1]  # the bar is gone


@pytest.mark.model
def test_no_bar_with_quiet_nor_when_stderr_is_no_terminal(tmp_path):
    code, drawn = _on_a_terminal(tmp_path, "-q")
    assert code == 1 and "articles [" not in drawn and "%|" not in drawn
    piped = subprocess.run([sys.executable, "-m", "kg", "build", str(_corpus(tmp_path)), "--batch-size", "1",
                            "--workers", "1", "-f", "nquads", "-o", str(tmp_path / "out.nq")],
                           capture_output=True, text=True, env=environment(), timeout=120)
    lines = piped.stderr.splitlines()
    assert "\r" not in piped.stderr and len(lines) == 2  # as before the bar: the skip and the summary
    assert lines[0].startswith("kg: skipped") and lines[1].startswith("kg: 4 articles, ")
