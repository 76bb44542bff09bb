"""Was this action asked for by the rep, in their own words?

Once text written by outsiders has entered a conversation (a note, an inbound e-mail, a contact's
title), the model may be following it. An action is then carried out only if the rep's own messages
ask for that kind of action (in this turn) and name its target (in this conversation): the
recipient's address or name, the account, the deal. Otherwise it is not done and the rep is told.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import Connection, select

from copilot.crm.models import Contact
from copilot.crm.names import squash

INTENT = {
    "send_email": r"\b(send|sent|e-?mail|mail|reply|write|forward)\b",
    "log_activity": r"\b(log|logged|record|note|add)\b",
    "schedule_followup": r"\b(schedule|remind|reminder|follow[- ]?up|task|book|diary|calendar)\b",
    "change_stage": r"\b(move|mark|set|change|stage|won|lost|close|closed|win|lose|lost)\b",
}


def _mentions(text: str, target: str) -> bool:
    target = target.strip()
    if not target:
        return False
    if target.casefold() in text.casefold():
        return True
    key = squash(target)
    if len(key) >= 3 and key in squash(text):
        return True
    return len(target) >= 4 and fuzz.partial_ratio(target.casefold(), text.casefold()) >= 90


def unrequested(conn: Connection, tool: str, args: dict[str, Any], current: str, own: list[str]) -> str | None:
    """Why this action was not asked for by the rep (None: it was).

    ``current`` is the rep's message in this turn; ``own`` every message the rep wrote in this conversation.
    """
    if not re.search(INTENT.get(tool, r"$^"), current, re.IGNORECASE):
        return f"your message did not ask me to {tool.replace('_', ' ')}"
    said = "\n".join(own)
    if tool == "send_email":
        to = str(args.get("to", "")).strip()
        if _mentions(said, to):
            return None
        name = conn.execute(select(Contact.name).where(Contact.email == to.lower())).scalar()
        parts = [p for p in (name or "").split() if len(p) >= 3]
        if name and (_mentions(said, name) or any(re.search(rf"\b{re.escape(p)}\b", said, re.IGNORECASE)
                                                  for p in parts)):
            return None
        return "you did not name this recipient; tell me who to send it to"
    if tool == "change_stage":
        deal = str(args.get("deal_id", ""))
        return None if deal and re.search(rf"\b{re.escape(deal)}\b", said, re.IGNORECASE) else \
            "you did not name this deal"
    account = str(args.get("account", ""))
    return None if _mentions(said, account) else "you did not name this account"
