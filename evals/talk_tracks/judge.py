"""The judge of talk-track plays: ground truth from the demo generator, never from the tool's own counting.

``Truth.build(deals, seed)`` replays ``build_company`` and keeps, per objection, how often each play was in a
won and in a lost deal, and the notes that state the play failed: the call summary (``{deal}-N2``) of a deal
whose play did not land, and the recap (``{deal}-N3``) of a lost deal (see ``_notes`` in the generator).

``judge(objection, result, truth)`` checks one ``talk_tracks`` result:

- **top line**: the first suggested play's line names a play that, in the ground truth, won more often than
  it lost among deals with this objection. Which play a line names is decided here, by the share of the
  play's own content words (after its verb) found in the line, with a crude stem of our own;
- **no failure shown as worked**: no snippet under "what worked" and no evidence under a suggested play is a
  note that states failure.

It shares no code with the tool's reading of notes (``tools/talk_tracks/plays.py``, ``reading.py``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from copilot.demo import texts
from copilot.demo.generator import build_company

NAMED = 0.6
"""Share of a play's content words a line must contain to name it."""
STOP = {"a", "an", "the", "to", "of", "and", "or", "for", "with", "in", "on", "at", "by", "from", "our", "their",
        "them", "they", "it", "its", "that", "this", "we", "us", "who", "would", "could", "be", "was", "were",
        "what", "which", "same", "one", "before", "after", "once", "without", "back"}


def stems(text: str) -> set[str]:
    """Content words cut to their first five letters ("proposed", "proposing" -> "propo")."""
    return {w[:5] for w in re.findall(r"[a-z0-9]+", text.casefold()) if w not in STOP and len(w) > 1}


@dataclass
class Truth:
    record: dict[str, dict[str, Counter]]
    """objection -> play -> Counter(won=, lost=) over closed deals with that objection."""
    failure_notes: set[str]
    deals: dict[str, tuple[str, str, bool, str]] = field(default_factory=dict)
    """deal id -> (objection, play, play landed, stage)."""

    @classmethod
    def build(cls, deals: int, seed: int) -> Truth:
        _, _, pipeline = build_company(deals, seed)
        record: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
        failures: set[str] = set()
        info = {}
        for d in pipeline:
            info[d.id] = (d.objection, d.play, d.play_won, d.stage)
            if d.stage not in ("Won", "Lost"):
                continue
            record[d.objection][d.play]["won" if d.stage == "Won" else "lost"] += 1
            if not d.play_won:
                failures.add(f"{d.id}-N2")
            if d.stage == "Lost":
                failures.add(f"{d.id}-N3")
        return cls(record, failures, info)

    def winning(self, objection: str, play: str) -> bool:
        c = self.record.get(objection, {}).get(play, Counter())
        return c["won"] > c["lost"]

    def named(self, line: str) -> tuple[str, str, float] | None:
        """(objection, play, share of its words) of the generator's play the line names best, if any."""
        said = stems(line)
        best: tuple[str, str, float] | None = None
        for objection, o in texts.OBJECTIONS.items():
            for play in o["won"] + o["lost"]:
                # the verb's tense differs, so the words after it name the play (its main clause: before a comma)
                words = stems(" ".join(play.split(",")[0].split()[1:]))
                share = len(words & said) / max(1, len(words))
                if share >= NAMED and (best is None or share > best[2]):
                    best = (objection, play, share)
        return best


@dataclass
class Verdict:
    objection: str
    query: str
    top_line: str
    named: str
    top_right: bool
    failures_shown: list[str]
    contradictions: int = 0
    true_contradictions: int = 0
    avoid_right: int = 0
    avoid_shown: int = 0

    @property
    def passed(self) -> bool:
        return self.top_right and not self.failures_shown


def _note_id(snippet: dict[str, Any]) -> str:
    if snippet.get("note_id"):
        return str(snippet["note_id"])
    return f"{snippet['deal_id']}-" + {"note": "N1", "call_summary": "N2", "email": "N3"}.get(snippet.get("kind"), "?")


def judge(objection: str, query: str, result: dict[str, Any], truth: Truth) -> Verdict:
    plays = result.get("plays") or []
    line = plays[0]["line"] if plays else ""
    named = truth.named(line) if line else None
    right = named is not None and named[0] == objection and truth.winning(objection, named[1])
    shown = [s for s in result.get("worked") or []] + [e for p in plays for e in p.get("evidence") or []]
    failures = sorted({_note_id(s) for s in shown if _note_id(s) in truth.failure_notes})
    contradictions = result.get("contradictions") or []
    true_c = 0
    for c in contradictions:
        _, _, landed, stage = truth.deals.get(c["deal_id"], ("", "", True, ""))
        true_c += landed != (stage == "Won")  # the call summary and the recap disagree in the generator
    avoid_right = 0
    for p in result.get("avoid") or []:
        n = truth.named(p["line"])
        avoid_right += n is not None and not truth.winning(n[0], n[1])
    return Verdict(objection, query, line, named[1] if named else "", right, failures, len(contradictions), true_c,
                   avoid_right, len(result.get("avoid") or []))
