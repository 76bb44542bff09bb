"""The top-level packages must come from this repository, never from a same-named installed package."""

import importlib

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("name", ["copilot", "tools", "memory", "prompts", "connectors", "evals"])
def test_package_resolves_inside_repository(name: str) -> None:
    module = importlib.import_module(name)
    path = module.__file__
    assert path is not None, f"{name} is a namespace package, not ours"
    assert str(ROOT) in path, f"{name} resolved to {path}, outside {ROOT}"
    assert path.endswith(f"{name}/__init__.py")


FLOORS = {  # each floor may import only from the floors below it
    "data": ["copilot/crm", "copilot/settings.py"],
    "tools": ["connectors", "tools", "memory"],
    "agent": ["copilot/evaluation", "copilot/graph.py", "copilot/runner.py", "copilot/planner", "copilot/review",
              "copilot/services.py", "copilot/actions.py", "copilot/context.py", "copilot/toolbox.py",
              "copilot/grounding.py", "copilot/models.py", "copilot/untrusted.py", "copilot/demo"],
}
ABOVE = {"data": ("tools", "connectors", "memory", "prompts", "evals", "copilot.graph", "copilot.runner",
                  "copilot.actions", "copilot.review", "copilot.planner", "copilot.toolbox", "copilot.cli",
                  "copilot.context", "copilot.untrusted", "copilot.demo", "copilot.services", "copilot.slack",
                  "slack_app"),
         "tools": ("copilot.graph", "copilot.runner", "copilot.actions", "copilot.review", "copilot.planner",
                   "copilot.toolbox", "copilot.cli", "copilot.context", "copilot.services", "copilot.slack", "slack_app",
                   "evals"),
         "agent": ("copilot.cli", "copilot.ab_cli", "copilot.eval_cli", "copilot.ab_online_cli", "copilot.slack",
                   "slack_app", "evals")}


@pytest.mark.parametrize("floor", sorted(FLOORS))
def test_each_floor_imports_only_from_below(floor: str) -> None:
    import ast

    bad = []
    for place in FLOORS[floor]:
        path = ROOT / place
        for file in ([path] if path.is_file() else sorted(path.rglob("*.py"))):
            if "migrations" in file.parts:
                continue
            for node in ast.walk(ast.parse(file.read_text())):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                    [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                bad += [f"{file.relative_to(ROOT)}: {n}" for n in names
                        if any(n == a or n.startswith(a + ".") for a in ABOVE[floor])]
    assert bad == []
