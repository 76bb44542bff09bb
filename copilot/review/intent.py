"""Was this action asked for by the rep, in their own words?

Once text written by outsiders has entered a conversation (a note, an inbound e-mail, a contact's
title, a saved preference), the model may be following it. An action is then carried out only when
the rep's message in this turn asks for that kind of action in the imperative ("send", "log",
"schedule", "move ... to won"), names its target (the recipient, the account, the deal and the new
stage), and its free text is the rep's (a logged summary or a follow-up note drawn from their message;
an e-mail body that is the copilot's own draft or the rep's words). Anything else is not done, and the
rep is told why. A question ("how do we win deal X?", "when should I follow up?") asks for no action.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, select

from copilot.crm.models import Account, Contact
from copilot.crm.names import squash

INTENT = {
    "send_email": r"\b(send|forward|reply|respond)\b|\be-?mail (it|this|that|him|her|them)\b",
    "log_activity": r"\b(log|record)\b|\b(add|write|note down) (a|an|the) (call|meeting|note|e-?mail)\b",
    "schedule_followup": r"\b(schedule|book|set up|add|create|put in)\b[^.?!]*\b(follow[- ]?up|reminder|task)\b"
                         r"|\bremind me\b",
    "change_stage": r"\b(move|mark|set|change|update|put)\b[^.?!]*\b(won|lost|prospecting|engaging|stage)\b",
}
_DRAFT_REF = re.compile(r"\b(it|this|that|the (draft|e-?mail|message|note))\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]{3,}")


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def _drawn_from(text: str, source: str, share: float = 0.6) -> bool:
    """Most of ``text``'s words are in ``source`` (the rep wrote it, perhaps reworded)."""
    words = _words(text)
    return not words or len(words & _words(source)) >= share * len(words)


def _names_account(message: str, account: str) -> bool:
    key = squash(account)
    return bool(key) and (account.casefold() in message.casefold() or (len(key) >= 3 and key in squash(message)))


def _same_text(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()) == " ".join((b or "").split())


def _names_recipient(conn: Connection, message: str, to: str, account: str) -> bool:
    # the whole address, not part of a longer one (naming ceo@acme.com.au does not name ceo@acme.com)
    if re.search(rf"(?<![\w.@+-]){re.escape(to)}(?![\w@+-]|\.\w)", message, re.IGNORECASE):
        return True
    row = conn.execute(select(Contact.name, Contact.account_id).where(Contact.email == to.lower())).first()
    if row is None or not row.name:
        return False
    if re.search(rf"\b{re.escape(row.name)}\b", message, re.IGNORECASE):
        return True
    # a first name alone, when it is no word of the account's name and no other contact there shares it
    first = row.name.split()[0]
    if len(first) < 3 or first.casefold() in _words(account):
        return False
    others = conn.execute(select(Contact.name).where(Contact.account_id == row.account_id,
                                                     Contact.email != to.lower())).scalars().all()
    if any((n or "").split()[:1] == [first] for n in others):
        return False
    return bool(re.search(rf"\b{re.escape(first)}\b", message, re.IGNORECASE))


def unrequested(conn: Connection, tool: str, args: dict[str, Any], current: str, own: list[str],
                draft: dict[str, Any] | None = None) -> str | None:
    """Why this action was not asked for by the rep (None: it was).

    ``current`` is the rep's message in this turn, ``own`` every message the rep wrote in this conversation,
    ``draft`` the copilot's latest draft in it (recipient, subject, body).
    """
    if not re.search(INTENT.get(tool, r"$^"), current, re.IGNORECASE):
        return f"your message did not ask me to {tool.replace('_', ' ')}"
    if tool == "send_email":
        to = str(args.get("to", "")).strip()
        is_draft = draft is not None and _same_text(args.get("body"), draft.get("body")) and \
            _same_text(args.get("subject"), draft.get("subject")) and \
            f"<{to.casefold()}>" in str(draft.get("to")).casefold()
        if is_draft and _DRAFT_REF.search(current):
            return None  # "send it": the rep read this very draft, recipient included
        if not _names_recipient(conn, current, to, str(args.get("account", ""))):
            return "you did not name this recipient; tell me who to send it to"
        if not is_draft and not _drawn_from(f"{args.get('subject', '')} {args.get('body', '')}", "\n".join(own), 0.5):
            return "this e-mail is not the draft you saw nor your own words; ask me to draft it first"
        return None
    if tool == "change_stage":
        deal = str(args.get("deal_id", ""))
        if not deal or not re.search(rf"\b{re.escape(deal)}\b", current, re.IGNORECASE):
            return "you did not name this deal"
        if not re.search(rf"\b{re.escape(str(args.get('stage', '')))}\b", current, re.IGNORECASE):
            return f"you did not ask for the stage {args.get('stage')}"
        return None
    account = str(args.get("account", ""))
    known = conn.execute(select(Account.name).where(Account.name == account)).scalar() or account
    if not _names_account(current, known):
        return "you did not name this account"
    text = str(args.get("summary") or args.get("note") or "")
    if text and not _drawn_from(text, current):
        return "what it says is not what you wrote"
    return None
