"""The e-mail draft requests as an evaluation dataset (``evals/datasets/email_drafts.jsonl``).

Each dialogue is one case: its turns are asked in one conversation by its rep, with the rep's preferences set
for the case, and every turn's draft is checked by the ``email`` evaluators (``evals.emails.evaluator``).

``python -m evals.emails.dataset [--home DIR] [--out FILE]`` writes the dataset of the e-mail evaluation's
workspace (the demo company of the retrieval evaluation, built if needed) and gives its reps' managers the
e-mail addresses the cc checks need.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from evals.emails.requests import Dialogue

OUT = Path(__file__).resolve().parents[1] / "datasets" / "email_drafts.jsonl"


def cases(dialogues: list[Dialogue]) -> list[dict[str, Any]]:
    return [{"id": d.id, "user": d.rep, "split": d.split, "setup": {"preferences": dict(d.preferences)},
             "turns": [{"input": t.text, "expect": {"email": asdict(t.expect)}} for t in d.turns]} for d in dialogues]


def write(dialogues: list[Dialogue], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases(dialogues)), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    from copilot.settings import Settings
    from copilot.workspace import build_demo, has_data, open_database
    from evals.emails.requests import build
    from evals.emails.run import give_managers_addresses
    from evals.retrieval.make_queries import DEALS, SEED
    from evals.retrieval.run import DEFAULT_HOME

    parser = argparse.ArgumentParser(prog="python -m evals.emails.dataset")
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    settings = Settings(home=args.home, database_url=None)
    engine = open_database(settings)
    if not has_data(engine):
        build_demo(settings, engine, deals=DEALS, seed=SEED)
    dialogues = build(engine, "all")
    give_managers_addresses(engine, dialogues)
    print(f"{len(dialogues)} dialogues, {sum(len(d.turns) for d in dialogues)} turns -> {write(dialogues, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
