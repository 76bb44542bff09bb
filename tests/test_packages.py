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
