"""The e-mail draft checks as evaluators of the evaluation engine, for the ``expect`` key ``email``.

A turn's ``expect.email`` holds what a good draft of that turn does (``evals.emails.requests.Expect`` as a
mapping). The turn's draft is the one it produced, the draft before it the latest one of an earlier turn of the
same conversation; the judge (``evals.emails.judge``) checks both, once per turn, and each of its checks is one
evaluator here. The rubric check asks the run's judge model, and is skipped when there is none.

Load it with ``copilot eval run --plugin evals.emails.evaluator`` (or import it before calling the engine).
"""

from __future__ import annotations

from typing import Any

from copilot.evaluation.evaluators import Check, Environment, Evaluator, Outcome
from copilot.evaluation.dataset import Expect
from copilot.evaluation.registry import register
from evals.emails.judge import Judge
from evals.emails.requests import Expect as DraftExpect
from evals.emails.rubric import rubric_check

KEY = "email"
CHECKS = ("drafted", "leak", "points", "contact", "language", "cc", "ask", "length", "tone", "signature", "reply",
          "rubric")


def _draft(outcome: Outcome) -> dict[str, Any] | None:
    return outcome.drafts[-1] if outcome.drafts else None


class DraftCheck(Evaluator):
    """One of the judge's checks of the turn's draft (``email.<check>``)."""

    def __init__(self, check: str, judge: Judge) -> None:
        self.check = check
        self.name = f"{KEY}.{check}"  # type: ignore[misc]
        self.judge = judge

    def applies(self, expect: Expect) -> bool:
        return KEY in expect.extra

    def __call__(self, outcome: Outcome, expect: Expect) -> Check:
        verdicts = outcome.memo.get(KEY)
        if verdicts is None:  # the judge checks the draft once; every evaluator of the turn reads its verdict
            previous = next((d for o in reversed(outcome.earlier) if (d := _draft(o)) is not None), None)
            checks = self.judge(outcome.user, DraftExpect(**expect.extra[KEY]), _draft(outcome), previous,
                                outcome.answer)
            verdicts = outcome.memo[KEY] = {c.name: c for c in checks}
        found = verdicts.get(self.check)
        if found is None:
            return Check(self.name, None, "not judged")
        return Check(self.name, found.ok, found.reason)


def evaluators(env: Environment) -> list[Evaluator]:
    judge = Judge(env.engine, rubric=rubric_check(env.judge) if env.judge is not None else None)
    return [DraftCheck(name, judge) for name in CHECKS]


register(KEY, evaluators)
