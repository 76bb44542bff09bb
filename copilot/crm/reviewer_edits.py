"""What approvers changed in a rep's e-mails, so the next drafts for that rep and account follow it.

An approver who edits a drafted e-mail (``copilot approvals edit ID --set body=...``) leaves the
before and after on the request. :func:`phrasing_choices` turns those edits into sentence-level
choices (this sentence became that one; this one was dropped) that the draft tool applies; the same
before/after pairs are also given to a language model as examples.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

from sqlalchemy import Engine, select

from copilot.crm.models import Action

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text or "") if s.strip()]


def reviewer_edits(engine: Engine, user_id: int, account_id: int | None, *, limit: int = 5) -> list[dict[str, str]]:
    """The latest approver edits of e-mails requested by ``user_id`` to ``account_id``: [{field, before, after}]."""
    table = Action.__table__
    query = (select(table.c.edits).where(table.c.requested_by == user_id, table.c.account_id == account_id,
                                         table.c.tool == "send_email", table.c.edits.is_not(None))
             .order_by(table.c.created_at.desc()).limit(limit))
    with engine.connect() as conn:
        rows = conn.execute(query).scalars().all()
    out = []
    for edits in rows:
        for field in ("body", "subject"):
            if field in (edits or {}):
                before, after = edits[field]
                out.append({"field": field, "before": str(before), "after": str(after)})
    return out


def phrasing_choices(edits: list[dict[str, str]]) -> list[tuple[str, str]]:
    """(sentence, replacement) pairs from approver edits of bodies, newest first; an empty replacement drops it."""
    choices: list[tuple[str, str]] = []
    for edit in edits:
        if edit["field"] != "body":
            continue
        before, after = _sentences(edit["before"]), _sentences(edit["after"])
        matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op == "replace":
                old, new = before[a1:a2], after[b1:b2]
                for i, sentence in enumerate(old):
                    choices.append((sentence, " ".join(new) if i == 0 else ""))
            elif op == "delete":
                choices.extend((sentence, "") for sentence in before[a1:a2])
    return choices


def apply_choices(text: str, choices: list[tuple[str, str]]) -> tuple[str, int]:
    """``text`` with the approvers' phrasing choices applied (the first choice for a sentence wins)."""
    applied = 0
    seen: set[str] = set()
    for old, new in choices:
        if old in seen or old not in text:
            continue
        seen.add(old)
        text = text.replace(old, new)
        applied += 1
    text = re.sub(r"[ \t]{2,}", " ", text)
    return re.sub(r" +\n", "\n", text), applied
