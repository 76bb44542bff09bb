"""E-mail draft evaluation: draft requests and revision dialogues on the demo company, judged by code.

``python -m evals.emails.run [--split dev|held|all] [--json]`` builds (or reuses) the demo workspace, asks the
copilot every turn of every dialogue (``evals.emails.requests``) as its rep, takes the turn's draft (the latest
``draft_email`` result of that turn) and judges it (``evals.emails.judge``). It prints each check's pass rate and
every failure, and exits non-zero when a draft leaks anything internal, when any other check passes less than 95%
of the turns it applies to, or when too few turns were judged (100 for dev and all, 30 for the held-out set).
With a judge model configured (``OPENAI_API_KEY``) a rubric score is one more check; offline it is skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
import warnings
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from evals.emails.judge import Check, Judge
from evals.emails.requests import Dialogue, build

BAR = 0.95
FLOOR = {"dev": 100, "all": 100, "held": 30}
CHECKS = ("drafted", "leak", "points", "contact", "language", "cc", "ask", "length", "tone", "signature", "reply",
          "rubric")


@dataclass
class Verdict:
    dialogue: str
    turn: int
    rep: str
    request: str
    checks: list[Check]
    subject: str = ""
    body: str = ""

    @property
    def passed(self) -> bool:
        return all(c.ok is not False for c in self.checks)


def give_managers_addresses(engine: Engine, dialogues: list[Dialogue]) -> None:
    """Reps who copy their manager need a manager with an e-mail in the CRM; one without gets a synthetic one."""
    reps = sorted({d.rep for d in dialogues if d.preferences.get("cc_manager") == "true"})
    with engine.begin() as conn:
        for rep in reps:
            row = conn.execute(text("SELECT m.id, m.name, m.email FROM users u JOIN users m ON m.id = u.manager_id "
                                    "WHERE u.name = :rep"), {"rep": rep}).first()
            if row is not None and not row.email:
                address = ".".join(row.name.lower().split()) + "@sales.example"
                conn.execute(text("UPDATE users SET email = :e WHERE id = :id"), {"e": address, "id": row.id})


def _forget_preferences(store: Any, rep: str) -> None:
    from memory import get_preferences

    for key in get_preferences(store, rep):
        store.delete(("preferences", rep), key)


def _turn_draft(messages: list[Any]) -> dict[str, Any] | None:
    from langchain_core.messages import ToolMessage

    for message in reversed(messages):
        if isinstance(message, ToolMessage) and message.name == "draft_email":
            try:
                found = json.loads(str(message.content))
            except json.JSONDecodeError:
                return {"error": f"unreadable draft result: {str(message.content)[:120]}"}
            return found if isinstance(found, dict) else {"error": "draft result is not an object"}
    return None


def run_dialogues(copilot: Any, judge: Judge, dialogues: list[Dialogue]) -> list[Verdict]:
    """Every turn of ``dialogues`` asked of ``copilot`` (a :class:`copilot.runner.Copilot`) and judged."""
    from memory import set_preference

    give_managers_addresses(copilot.engine, dialogues)
    verdicts = []
    for dialogue in dialogues:
        thread = f"eval-{dialogue.id}-{uuid.uuid4().hex[:12]}"
        _forget_preferences(copilot.store, dialogue.rep)
        try:
            for key, value in dialogue.preferences.items():
                set_preference(copilot.store, dialogue.rep, key, value)
            previous: dict[str, Any] | None = None
            for i, turn in enumerate(dialogue.turns):
                before = len(list(copilot.history(thread, dialogue.rep)))
                try:
                    result = copilot.ask(turn.text, dialogue.rep, thread_id=thread)
                    answer = result.answer
                    draft = _turn_draft(list(copilot.history(thread, dialogue.rep))[before:])
                except Exception as exc:  # noqa: BLE001 - a turn that fails is judged as giving no draft
                    answer, draft = f"the turn failed: {type(exc).__name__}: {exc}", None
                checks = judge(dialogue.rep, turn.expect, draft, previous, answer)
                ok = isinstance(draft, dict) and not draft.get("error") and draft.get("body")
                verdicts.append(Verdict(dialogue.id, i, dialogue.rep, turn.text, checks,
                                        str(draft.get("subject") or "") if ok else "",
                                        str(draft.get("body") or "") if ok else ""))
                if ok:
                    previous = draft
        finally:
            _forget_preferences(copilot.store, dialogue.rep)
    return verdicts


def rates(verdicts: list[Verdict]) -> dict[str, dict[str, Any]]:
    """Per check: turns it applied to, turns passed, pass rate."""
    out = {}
    for name in CHECKS:
        judged = [c for v in verdicts for c in v.checks if c.name == name and c.ok is not None]
        passed = sum(bool(c.ok) for c in judged)
        out[name] = {"judged": len(judged), "passed": passed, "rate": passed / len(judged) if judged else None}
    return out


def gate(verdicts: list[Verdict], floor: int = 100) -> list[str]:
    """Why the evaluation fails (empty: it passes)."""
    problems = []
    if len(verdicts) < floor:
        problems.append(f"only {len(verdicts)} turns judged (at least {floor} needed)")
    for name, r in rates(verdicts).items():
        if name == "leak" and r["passed"] < r["judged"]:
            problems.append(f"{r['judged'] - r['passed']} drafts leak internal information")
        elif r["rate"] is not None and r["rate"] < BAR:
            problems.append(f"{name}: {r['rate']:.2f} < {BAR}")
    return problems


def run(home: Path, split: str) -> list[Verdict]:
    from copilot.demo import ANCHOR
    from copilot.runner import Copilot
    from copilot.settings import Settings
    from copilot.workspace import open_database
    from evals.emails.rubric import from_settings
    from evals.retrieval.run import prepare

    store = prepare(home)
    settings = Settings(home=home, database_url=None)
    engine = open_database(settings)
    dialogues = build(engine, split)
    judge = Judge(engine, rubric=from_settings(settings))
    with Copilot(settings, engine, clock=lambda: ANCHOR.replace(tzinfo=None), retriever=lambda: store) as copilot:
        return run_dialogues(copilot, judge, dialogues)


def report(verdicts: list[Verdict], split: str) -> str:
    lines = [f"e-mail drafts ({split}): {len(verdicts)} turns in {len({v.dialogue for v in verdicts})} dialogues"]
    for name, r in rates(verdicts).items():
        shown = "skipped" if r["rate"] is None else f"{r['passed']}/{r['judged']} = {r['rate']:.2f}"
        lines.append(f"  {name:10} {shown}")
    for v in verdicts:
        for c in v.checks:
            if c.ok is False:
                lines.append(f"FAIL {v.dialogue} turn {v.turn} [{c.name}] {v.request!r}: {c.reason}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore")
    from evals.retrieval.run import DEFAULT_HOME

    parser = argparse.ArgumentParser(prog="python -m evals.emails.run")
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--split", choices=("dev", "held", "all"), default="all")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    verdicts = run(args.home, args.split)
    problems = gate(verdicts, FLOOR[args.split])
    if args.json:
        print(json.dumps({"split": args.split, "turns": len(verdicts), "checks": rates(verdicts),
                          "verdicts": [{**asdict(v), "passed": v.passed} for v in verdicts], "problems": problems},
                         ensure_ascii=False))
    else:
        print(report(verdicts, args.split))
        print("PASS" if not problems else "FAIL: " + "; ".join(problems))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
