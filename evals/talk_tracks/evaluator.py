"""The talk-track plays judge as evaluators of the evaluation engine, for the ``expect`` key ``talk_track``.

A turn's ``expect.talk_track`` names the objection it asks about (``{"objection": "price"}``); the turn's latest
``talk_tracks`` result is judged against the demo generator's ground truth (``evals.talk_tracks.judge``, never the
tool's own counting): ``talk_track.top_line`` passes when the first suggested line names a play that won more
often than it lost for that objection, ``talk_track.no_failure_shown`` when no note stating failure is shown as
what worked. A turn that made no talk-track search fails both.

The truth is the company ``python -m evals.retrieval.run`` builds (its deals and seed); load this plugin with
``copilot eval run --plugin evals.talk_tracks.evaluator`` on that workspace.
"""

from __future__ import annotations

import threading
from typing import Any

from copilot.evaluation.dataset import Expect
from copilot.evaluation.evaluators import Check, Environment, Evaluator, Outcome
from copilot.evaluation.registry import register
from evals.talk_tracks.judge import Truth, Verdict, judge

KEY = "talk_track"


class _Truth:
    """The generator's ground truth, built the first time a turn needs it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._truth: Truth | None = None

    def __call__(self) -> Truth:
        from evals.retrieval.make_queries import DEALS, SEED

        with self._lock:
            if self._truth is None:
                self._truth = Truth.build(DEALS, SEED)
            return self._truth


class PlayCheck(Evaluator):
    reads = ("talk_tracks",)

    def __init__(self, check: str, truth: _Truth) -> None:
        self.check = check
        self.name = f"{KEY}.{check}"  # type: ignore[misc]
        self.truth = truth

    def applies(self, expect: Expect) -> bool:
        return KEY in expect.extra

    def _verdict(self, outcome: Outcome, expect: Expect) -> Verdict | None:
        if KEY not in outcome.memo:
            found: list[dict[str, Any]] = [r["result"] for r in outcome.results if r["name"] == "talk_tracks"
                                           and isinstance(r.get("result"), dict) and not r["result"].get("error")]
            outcome.memo[KEY] = judge(str(expect.extra[KEY]["objection"]), outcome.question, found[-1],
                                      self.truth()) if found else None
        return outcome.memo[KEY]

    def __call__(self, outcome: Outcome, expect: Expect) -> Check:
        v = self._verdict(outcome, expect)
        if v is None:
            return Check(self.name, False, "no talk-track search was made")
        if self.check == "top_line":
            return Check(self.name, v.top_right, f"top line {v.top_line[:120]!r} names "
                                                 f"{v.named[:80]!r}" if v.named else f"top line {v.top_line[:120]!r} "
                                                                                      "names no play")
        return Check(self.name, not v.failures_shown, f"failure notes shown as worked: {', '.join(v.failures_shown)}"
                     if v.failures_shown else "")


def evaluators(env: Environment) -> list[Evaluator]:
    truth = _Truth()
    return [PlayCheck("top_line", truth), PlayCheck("no_failure_shown", truth)]


register(KEY, evaluators)
