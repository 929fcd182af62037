"""The README is part of the product: every command is documented and every example runs."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from kg.cli import main

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_has_a_readme_section(name):
    assert f"### `kg {name}`" in README


def _examples() -> list[str]:
    """Indented example lines that run kg (synopsis lines, with [OPTIONS] or ..., are not examples)."""
    lines = re.findall(r"^    ((?:kg|cat) .+)$", README, flags=re.M)
    return [line for line in lines if "[" not in line and "..." not in line and "--endpoint" not in line
            and "kg serve" not in line]


def test_readme_has_examples():
    assert len(_examples()) >= 5


@pytest.mark.model
def test_every_readme_example_runs(tmp_path):
    for folder in ("examples", "ontology"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    for line in _examples():
        done = subprocess.run(["bash", "-o", "pipefail", "-c", line], cwd=tmp_path, capture_output=True, text=True)
        assert done.returncode == 0, f"{line}\n{done.stderr}"
