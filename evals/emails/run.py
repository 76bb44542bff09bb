"""E-mail draft evaluation: draft requests and revision dialogues on the demo company, judged by code.

``python -m evals.emails.run [--split dev|held|all] [--variant NAME] [--out DIR] [--json]`` builds (or reuses) the
demo workspace and runs its dialogues (``evals.emails.requests``, as the dataset ``evals.emails.dataset`` writes
them) through the evaluation engine under one variant (``evals/variants.toml``; default ``offline``): every turn
asked as its rep, the turn's draft judged (``evals.emails.judge``, through ``evals.emails.evaluator``). It writes
the engine's results and reports to ``--out``, prints each check's pass rate and every failure, and exits non-zero
when a draft leaks anything internal, when any other check passes less than 95% of the turns it applies to, or
when too few turns were judged (100 for dev and all, 30 for the held-out set). With a judge model configured
(``OPENAI_API_KEY``) a rubric score is one more check; offline it is skipped.
"""

from __future__ import annotations

import argparse
import json
import sys
import uuid
import warnings
from dataclasses import dataclass
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
    return _gate(len(verdicts), rates(verdicts), floor)


def _gate(turns: int, by_check: dict[str, dict[str, Any]], floor: int) -> list[str]:
    problems = []
    if turns < floor:
        problems.append(f"only {turns} turns judged (at least {floor} needed)")
    for name, r in by_check.items():
        if name == "leak" and r["passed"] < r["judged"]:
            problems.append(f"{r['judged'] - r['passed']} drafts leak internal information")
        elif r["rate"] is not None and r["rate"] < BAR:
            problems.append(f"{name}: {r['rate']:.2f} < {BAR}")
    return problems


def run_engine(home: Path, split: str, variant: str, out: Path) -> list[dict[str, Any]]:
    """The dialogues of ``split`` run by the evaluation engine under ``variant``; its result rows."""
    import evals.emails.evaluator  # noqa: F401 - registers the e-mail checks with the engine
    from copilot.demo import ANCHOR
    from copilot.evaluation import engine, variants
    from copilot.evaluation.dataset import Case
    from copilot.settings import Settings
    from copilot.workspace import open_database
    from evals.emails.dataset import cases
    from evals.retrieval.run import prepare

    store = prepare(home)
    settings = Settings(home=home, database_url=None)
    db = open_database(settings)
    dialogues = build(db, split)
    give_managers_addresses(db, dialogues)
    judge = engine.judge_model(settings, settings.model) if settings.use_openai else None
    result = engine.run([Case.model_validate(c) for c in cases(dialogues)], variants.pick(variants.load(), [variant]),
                        out=out, settings=settings, engine=db, clock=lambda: ANCHOR.replace(tzinfo=None),
                        talk_store=lambda: store, judge=judge, progress=True, dataset=f"e-mail dialogues ({split})")
    return result.rows


def turn_rates(rows: list[dict[str, Any]]) -> tuple[int, dict[str, dict[str, Any]]]:
    """Turns judged, and per check: turns it applied to, turns passed, pass rate (as :func:`rates`)."""
    checks = [c for r in rows for c in r["checks"] if c["name"].startswith("email.")]
    turns = len({(r["id"], r["trial"], c["turn"]) for r in rows for c in r["checks"] if c["name"] == "email.drafted"})
    out = {}
    for name in CHECKS:
        judged = [c for c in checks if c["name"] == f"email.{name}" and c["passed"] is not None]
        passed = sum(bool(c["passed"]) for c in judged)
        out[name] = {"judged": len(judged), "passed": passed, "rate": passed / len(judged) if judged else None}
    return turns, out


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore")
    from evals.retrieval.run import DEFAULT_HOME

    parser = argparse.ArgumentParser(prog="python -m evals.emails.run")
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--split", choices=("dev", "held", "all"), default="all")
    parser.add_argument("--variant", default="offline", help="a variant of evals/variants.toml")
    parser.add_argument("--out", type=Path, default=DEFAULT_HOME.parent / "email-run",
                        help="where the engine writes results.jsonl and its reports")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = run_engine(args.home, args.split, args.variant, args.out)
    turns, by_check = turn_rates(rows)
    problems = _gate(turns, by_check, FLOOR[args.split])
    if args.json:
        print(json.dumps({"split": args.split, "turns": turns, "checks": by_check, "rows": rows,
                          "problems": problems}, ensure_ascii=False, default=str))
    else:
        print(f"e-mail drafts ({args.split}): {turns} turns in {len(rows)} dialogues; results in {args.out}")
        for name, r in by_check.items():
            shown = "skipped" if r["rate"] is None else f"{r['passed']}/{r['judged']} = {r['rate']:.2f}"
            print(f"  {name:10} {shown}")
        for r in rows:
            for c in r["checks"]:
                if c["passed"] is False:
                    asked = r["question"][(c["turn"] or 1) - 1] if isinstance(r["question"], list) else r["question"]
                    print(f"FAIL {r['id']} turn {(c['turn'] or 1) - 1} [{c['name']}] {asked!r}: {c['detail']}")
        print("PASS" if not problems else "FAIL: " + "; ".join(problems))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
