"""Where evaluators beyond the built-in ones come from.

A plugin module registers, for an ``expect`` key of its own, a factory that builds its evaluators for a run::

    from copilot.evaluation.registry import register

    register("email", lambda env: [Leak(env), Points(env), ...])

Plugins are loaded by module name (``copilot eval run --plugin evals.emails.evaluator``) or from the
``copilot.evaluators`` entry-point group of installed packages, so the engine never imports them itself.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from importlib.metadata import entry_points

from copilot.evaluation.evaluators import Environment, Evaluator, built_in

Factory = Callable[[Environment], Sequence[Evaluator]]
GROUP = "copilot.evaluators"
_factories: dict[str, Factory] = {}
"""expect key -> the factory of the evaluators that read it."""


class PluginError(ValueError):
    """A plugin that cannot be loaded."""


def register(key: str, factory: Factory) -> None:
    """Evaluate the ``expect`` key ``key`` with the evaluators ``factory`` builds for a run (a later
    registration of the same key replaces the earlier one)."""
    _factories[key] = factory


def known() -> set[str]:
    """The ``expect`` keys that registered plugins evaluate."""
    return set(_factories)


def load(modules: Iterable[str] = (), *, installed: bool = True) -> None:
    """Import the plugin ``modules`` (each registers on import), and those of the ``copilot.evaluators`` entry
    points when ``installed``."""
    names = list(modules)
    if installed:
        names += [ep.value for ep in entry_points(group=GROUP)]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001 - a plugin that fails on import (missing, or broken) is named
            raise PluginError(f"cannot load the evaluator plugin {name!r}: {type(exc).__name__}: {exc}") from None


def evaluators(env: Environment) -> list[Evaluator]:
    """The built-in evaluators and every registered plugin's, built for one run."""
    out = built_in(env)
    for factory in _factories.values():
        out.extend(factory(env))
    return out
