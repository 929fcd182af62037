"""The README is part of the product: every command is documented and every example runs."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

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


@pytest.mark.model
def test_the_readme_turtle_excerpt_is_real_output(tmp_path):
    """Each statement block the README shows is in what kg build writes for the example."""
    out = tmp_path / "h.ttl"
    command = [sys.executable, "-m", "kg", "build", str(ROOT / "examples" / "harbour-strike.txt"), "--published", "2024-03-14", "-o", str(out)]
    subprocess.run(command, check=True, capture_output=True)
    written = out.read_text(encoding="utf-8")
    excerpt = re.search(r"```turtle\n(.*?)```", README, flags=re.S).group(1)
    blocks = [b.strip() for b in excerpt.split("\n\n") if b.strip()]
    assert len(blocks) == 3
    assert [b for b in blocks if b not in written] == []


@pytest.mark.parametrize("name", sorted(main.commands))
def test_every_command_help_ends_with_an_example(name):
    from click.testing import CliRunner

    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0 and "Example: kg " + name in result.stdout
    for path in re.findall(r"examples/[\w.-]+", result.stdout):
        assert (ROOT / path).exists(), path


def test_every_path_the_readme_names_exists():
    """A file the README points a reader to ("`kg/times/patterns.py`") is where it says."""
    named = re.findall(r"`((?:kg|tests|ontology|shapes|bench|examples)/[^` ]*)`", (ROOT / "README.md").read_text())
    missing = [path for path in named if not list(ROOT.glob(path.rstrip("/")))]
    assert named and not missing, f"the README names paths that do not exist: {missing}"
