"""The layout is a rule, not a habit: kg/ reads as the pipeline, and imports point one way.

A stage imports only the stages before it and the shared modules, so that whoever changes a
stage knows what can break: only the stages after it. Nothing imports what composes the stages
(pipeline, corpus, progress, cli), and no module imports itself round a circle. The rule is
the data below; a change of the pipeline's shape is a change of these lines, with its reason.
"""

from __future__ import annotations

import ast
import configparser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KG = ROOT / "kg"

# The stages in pipeline order. linking comes before entities: the entity stage consults
# GeoNames and the gazetteers while it finds names, so they are a service to it, not a step after.
STAGES = ["read", "text", "linking", "entities", "times", "events", "rdf", "stores", "view"]
# Shared by every stage; each imports only the shared modules before it in this list.
SHARED = ["errors", "model", "vocab"]
# What composes the stages or faces the user: any stage, any shared module, and these.
COMPOSERS = {
    "pipeline": set(),
    "corpus": {"pipeline"},
    "progress": {"pipeline"},
    "cluster": {"pipeline", "corpus", "__init__"},  # __init__ for __version__, in the manifest
    "cli": {"pipeline", "corpus", "progress", "cluster", "__init__"},  # __init__ for __version__
    "__main__": {"cli"},
    "__init__": set(),  # its exports are imported lazily, by name
}
MAX_TOP_LEVEL = 10  # entries of kg/ besides the stage packages (and vocab), __pycache__ aside


def allowed(unit: str) -> set[str]:
    """The units a module of ``unit`` may import."""
    if unit in SHARED:
        return set(SHARED[: SHARED.index(unit) + 1])
    if unit in STAGES:
        return set(SHARED) | set(STAGES[: STAGES.index(unit) + 1])
    if unit in COMPOSERS:
        return set(SHARED) | set(STAGES) | COMPOSERS[unit] | {unit}
    raise AssertionError(f"kg/{unit} is in no list of tests/test_layout.py: say where it stands in the pipeline")


def modules(package: Path) -> dict[str, Path]:
    """Dotted name -> file, for every module under ``package``."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> list[tuple[str, int]]:
    """The package's modules that ``name`` imports (anywhere in it, functions too), with lines."""
    is_package = path.name == "__init__.py"
    here = name.split(".") if is_package else name.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = (here[: len(here) - node.level + 1] if node.level else []) + (node.module or "").split(".")
            base = [part for part in base if part]
            for alias in node.names:
                candidate = ".".join([*base, alias.name])
                target = candidate if candidate in known else ".".join(base)
                if target in known:
                    found.append((target, node.lineno))
        elif isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names if alias.name in known]
    return found


def unit_of(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def against_the_direction(package: Path) -> list[str]:
    """Every import that points up the pipeline or into a composer, as 'file:line: a -> b'."""
    known = modules(package)
    wrong = []
    for name, path in known.items():
        unit = "__main__" if path.name == "__main__.py" else unit_of(name)
        for target, line in imports(name, path, known):
            if unit_of(target) not in allowed(unit):
                wrong.append(f"{path.relative_to(package.parent)}:{line}: {unit} -> {unit_of(target)} ({target})")
    return wrong


def cycles(package: Path) -> list[list[str]]:
    """Import cycles between modules, each as the list of modules round it."""
    known = modules(package)
    graph = {name: sorted({t for t, _ in imports(name, path, known) if t != name}) for name, path in known.items()}
    found, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for target in graph[node]:
            if state.get(target) == "open":
                found.append(trail[trail.index(target):] + [target])
            elif target not in state:
                visit(target, [*trail, target])
        state[node] = "done"

    for name in graph:
        if name not in state:
            visit(name, [name])
    return found


# ---------------------------------------------------------------- kg itself

def test_every_import_points_down_the_pipeline():
    wrong = against_the_direction(KG)
    assert not wrong, "imports against the pipeline's direction (see STAGES in this file):\n" + "\n".join(wrong)


def test_no_module_imports_itself_round_a_circle():
    found = cycles(KG)
    assert not found, "import cycles:\n" + "\n".join(" -> ".join(cycle) for cycle in found)


def test_the_top_level_holds_the_stages_and_a_few_modules():
    entries = {p.name for p in KG.iterdir() if p.name != "__pycache__"}
    packages = {p.name for p in KG.iterdir() if (p / "__init__.py").is_file()}
    assert packages == set(STAGES) | {"vocab"}, "a package of kg/ is no stage of the pipeline: add it to STAGES"
    rest = entries - set(STAGES)
    assert len(rest) <= MAX_TOP_LEVEL, f"kg/ holds {len(rest)} entries besides the stages: {sorted(rest)}"
    assert {Path(e).stem for e in rest} <= set(SHARED) | set(COMPOSERS), sorted(rest)


@pytest.mark.parametrize("stage", [*STAGES, "vocab"])
def test_each_package_says_what_flows_in_and_out(stage):
    doc = ast.get_docstring(ast.parse((KG / stage / "__init__.py").read_text(encoding="utf-8"))) or ""
    if stage != "vocab":
        assert "In:" in doc and "Out:" in doc, f"kg/{stage}/__init__.py: say what comes in and what goes out"
    for module in sorted((KG / stage).glob("*.py")):
        if module.name != "__init__.py":
            assert module.stem in doc, f"kg/{stage}/__init__.py: the docstring does not name {module.name}"


def test_setup_cfg_ships_every_package():
    """An editable install finds every folder; a wheel ships only what setup.cfg lists."""
    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    listed = set(config["options"]["packages"].split())
    on_disk = {name for name, path in modules(KG).items() if path.name == "__init__.py"}
    assert on_disk <= listed, f"setup.cfg [options] packages lacks {sorted(on_disk - listed)}"


# ---------------------------------------------------------------- the checks can fail

def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "kg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root / "kg"


def test_the_checks_catch_an_upstream_import_and_a_cycle(tmp_path):
    package = _tree(tmp_path, {
        "__init__.py": "",
        "times/__init__.py": "",
        "times/extract.py": "from kg.events.roles import roles\n",  # a stage importing a later one
        "events/__init__.py": "",
        "events/roles.py": "from .control import x\n",
        "events/control.py": "def f():\n    from .roles import roles\n",  # a cycle, inside a function
        "read/__init__.py": "from kg.pipeline import build\n",  # a stage importing a composer
        "pipeline.py": "",
    })
    assert against_the_direction(package) == [
        "kg/read/__init__.py:1: read -> pipeline (kg.pipeline)",
        "kg/times/extract.py:1: times -> events (kg.events.roles)",
    ]
    assert cycles(package) == [["kg.events.control", "kg.events.roles", "kg.events.control"]]


def _twice_defined(source: str) -> list[str]:
    """Module-level names bound twice (a constant, a function or a class): the second silently
    replaces the first, and the code that meant the first reads the second."""
    seen, twice = set(), []
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names = [node.name]
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names = [node.target.id]
        else:
            continue
        twice += [n for n in names if n in seen]
        seen.update(names)
    return twice


def test_no_module_binds_a_name_twice():
    # two helpers' "_DISPUTES" (and, before, two "_TERMS") once met in one module after a merge
    found = {str(p.relative_to(ROOT)): twice for p in sorted(KG.rglob("*.py"))
             if (twice := _twice_defined(p.read_text(encoding="utf-8")))}
    assert not found, f"names bound twice at module level (rename one): {found}"


def test_the_twice_bound_check_sees_a_constant_and_a_function():
    assert _twice_defined("A = 1\ndef f(): pass\nA = {2}\ndef f(): pass\nB = 3\n") == ["A", "f"]
