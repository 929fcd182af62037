"""Shared fixtures: the trained spaCy pipeline (loaded once) and paths to the repo's data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = ROOT.parent / "shared" / "corpora" / "seed" / "liaison-office.txt"


def pytest_configure(config):
    for marker in ("model: needs the trained spaCy pipeline", "slow: long-running",
                   "server: starts a real oxigraph server on 127.0.0.1"):
        config.addinivalue_line("markers", marker)


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_text():
    if not SEED.exists():
        pytest.skip("../shared/corpora/seed is not beside the checkout")
    return SEED.read_text(encoding="utf-8")
