"""The talk-track phrasings as an evaluation dataset (``evals/datasets/talk_tracks.jsonl``).

Each phrasing of an objection (``evals.talk_tracks.phrasings``) becomes a question a rep asks the copilot ("What
worked in past deals when <phrasing>?", unless it is a question already), asked as ops; the ``talk_track`` evaluators (``evals.talk_tracks.evaluator``)
judge the talk-track search it makes against the generator's ground truth, and the case expects that search.
Unlike ``python -m evals.talk_tracks.run``, which calls the tool directly, this goes through the copilot, so a
variant's retrieval setting (``offline-lexical``) or tools (``offline-no-talk-tracks``) show in the results.

``python -m evals.talk_tracks.dataset [--out FILE]`` writes it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from evals.talk_tracks.phrasings import DEV, HELD_OUT

OUT = Path(__file__).resolve().parents[1] / "datasets" / "talk_tracks.jsonl"
QUESTION = "What worked in past deals when {phrasing}?"
ASKING = ("what ", "how ", "who ", "why ", "when ")
"""A phrasing that is already a question is asked as it is."""


def question(phrasing: str) -> str:
    return phrasing[0].upper() + phrasing[1:] + "?" if phrasing.lower().startswith(ASKING) else \
        QUESTION.format(phrasing=phrasing)


def cases() -> list[dict[str, Any]]:
    return [{"id": f"{split}-{objection}-{i + 1}", "user": "ops", "split": split, "objection": objection,
             "input": question(phrasing),
             "expect": {"talk_track": {"objection": objection},
                        "tool_calls": {"mode": "subset", "calls": [{"name": "talk_tracks"}]}}}
            for split, phrasings in (("dev", DEV), ("held", HELD_OUT))
            for objection, options in phrasings.items() for i, phrasing in enumerate(options)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.talk_tracks.dataset")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    found = cases()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("".join(json.dumps(c) + "\n" for c in found), encoding="utf-8")
    print(f"{len(found)} cases -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
