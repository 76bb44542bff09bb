"""E-mail draft evaluation: at least 50 draft requests on the demo company, judged by code.

A draft passes when it (1) is addressed to the right contact, by name and role; (2) names the
account and the product; (3) uses messaging from a similar won deal and cites it, and the cited
deal was won and its notes contain that messaging; (4) states no figure that the tools did not
return; (5) ends with one clear next step. ``python -m evals.emails.run`` prints the pass rate and
exits non-zero below 95%. It runs offline; with OPENAI_API_KEY set it runs the configured model too.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text

from copilot.grounding import ungrounded

PURPOSES = [None, "next steps", "pricing", "the security review", "the pilot", "the proposal", "integration"]
TONES = [None, "formal", "friendly", "direct"]


@dataclass
class Verdict:
    request: str
    passed: bool
    failures: list[str] = field(default_factory=list)


def requests(engine: Engine, n: int, seed: int = 5) -> list[tuple[str, str, str | None]]:
    """(rep, request text, tone) for open deals across the company."""
    with engine.connect() as conn:
        pairs = conn.execute(text(
            "SELECT DISTINCT u.name, a.name FROM opportunities o JOIN users u ON u.id = o.user_id "
            "JOIN accounts a ON a.id = o.account_id WHERE o.stage IN ('Engaging', 'Prospecting') "
            "ORDER BY u.name, a.name")).all()
    rng = random.Random(seed)
    rng.shuffle(pairs)
    out = []
    for rep, account in pairs[:n]:
        purpose, tone = rng.choice(PURPOSES), rng.choice(TONES)
        words = f"Draft a {tone + ' ' if tone else ''}email to {account}" + (f" about {purpose}" if purpose else "")
        out.append((rep, words, tone))
    return out


def judge(engine: Engine, rep: str, request: str, answer: str, draft: dict[str, Any] | None,
          results: list[str]) -> Verdict:
    v = Verdict(request, False)
    if draft is None or "error" in draft:
        v.failures.append(f"no draft: {answer[:120]}")
        return v
    body = draft["body"]
    with engine.connect() as conn:
        contacts = conn.execute(text(
            "SELECT c.name, c.title, c.email, max(CASE WHEN t.direction = 'inbound' AND t.in_reply_to IS NOT NULL "
            "THEN t.occurred_at END) AS last_reply FROM contacts c JOIN accounts a ON a.id = c.account_id "
            "LEFT JOIN activities t ON t.contact_id = c.id AND t.user_id = (SELECT id FROM users WHERE name = :rep) "
            "WHERE a.name = :account GROUP BY c.name, c.title, c.email ORDER BY c.name"),
            {"account": draft["account"], "rep": rep}).all()
    replied = [c for c in contacts if c.last_reply]
    expected = max(replied, key=lambda c: c.last_reply) if replied else contacts[0]
    first = expected.name.split()[0]
    if expected.email not in draft["to"] or not re.search(rf"\b({re.escape(first)}|{re.escape(expected.name)})\b",
                                                          body.split("\n")[0]):
        v.failures.append(f"addressed to {draft['to']}, expected {expected.name}")
    if expected.title not in body and expected.title not in answer:
        v.failures.append(f"role {expected.title!r} not used")
    if draft["account"] not in body or not draft.get("product") or draft["product"] not in (body + draft["subject"]):
        v.failures.append("account or product not named")
    cite = re.search(r"ref\. deal (\S+), (\d{4}-\d{2}-\d{2})", body)
    if not cite:
        v.failures.append("no cited messaging from a won deal")
    else:
        with engine.connect() as conn:
            stage = conn.execute(text("SELECT stage FROM opportunities WHERE id = :d"), {"d": cite.group(1)}).scalar()
            notes = " ".join(conn.execute(text("SELECT body FROM deal_notes WHERE opportunity_id = :d"),
                                          {"d": cite.group(1)}).scalars())
        used = re.search(r"we ([^;]+); that is what moved them", body)
        if stage != "Won" or not used or used.group(1) not in notes:
            v.failures.append(f"cited deal {cite.group(1)} ({stage}) does not carry the messaging used")
    bad = ungrounded(body.replace(cite.group(0), "") if cite else body, results, request)
    if bad:
        v.failures.append(f"figures not from tools: {bad}")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    closing_index = next((i for i, p in enumerate(paragraphs) if p.strip().split("\n")[0].rstrip(",") in
                          ("Best", "Kind regards", "Thanks")), len(paragraphs))
    ask = paragraphs[closing_index - 1] if closing_index else ""
    if ask.count("?") != 1 or body.count("?") != 1:
        v.failures.append("does not end with exactly one clear next step")
    if draft.get("status") != "Draft — not sent" or "Draft — not sent" not in answer:
        v.failures.append("not marked as an unsent draft")
    v.passed = not v.failures
    return v


def run(home: Path, n: int) -> list[Verdict]:
    from langchain_core.messages import ToolMessage

    from copilot.demo import ANCHOR
    from copilot.runner import Copilot
    from evals.retrieval.run import prepare

    store = prepare(home)
    from copilot.settings import Settings
    from copilot.workspace import open_database

    settings = Settings(home=home, database_url=None)
    engine = open_database(settings)
    verdicts = []
    with Copilot(settings, engine, clock=lambda: ANCHOR.replace(tzinfo=None), retriever=lambda: store) as copilot:
        for rep, request, _ in requests(engine, n):
            result = copilot.ask(request, rep)
            turn = list(copilot.history(result.thread_id, rep))
            tool_results = [str(m.content) for m in turn if isinstance(m, ToolMessage)]
            draft = next((json.loads(m.content) for m in turn if isinstance(m, ToolMessage) and m.name == "draft_email"),
                         None)
            grounding_sources = [t for t in tool_results if not (draft and t == json.dumps(draft, default=str))]
            if draft and "error" not in draft:
                grounding_sources.append(json.dumps({"record_ids": draft.get("record_ids"), "cites": draft.get("cites"),
                                                     "messaging_source": draft.get("messaging_source")}))
            verdicts.append(judge(engine, rep, request, result.answer, draft, grounding_sources))
    return verdicts


def main(argv: list[str] | None = None) -> int:
    warnings.filterwarnings("ignore")
    from evals.retrieval.run import DEFAULT_HOME

    parser = argparse.ArgumentParser(prog="python -m evals.emails.run")
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("-n", type=int, default=60)
    args = parser.parse_args(argv)
    verdicts = run(args.home, args.n)
    passed = sum(v.passed for v in verdicts)
    for v in verdicts:
        if not v.passed:
            print(f"FAIL {v.request!r}: {'; '.join(v.failures)}")
    rate = passed / len(verdicts)
    print(f"email drafts: {passed}/{len(verdicts)} = {rate:.2f} (bar 0.95)")
    return 0 if rate >= 0.95 and len(verdicts) >= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
