"""The last check before a draft is shown: nothing internal may reach the customer.

A sentence of the body is dropped when it repeats six or more words in a row from a deal note (the notes
that share the sentence's words are found through the talk-track index's word side, or read from the CRM
when there is no index), names a deal by its id, or names another customer (an account or a contact of
another account). The writer's own phrasebook never does; the check is there for the rep's own words and
for archives whose notes happen to say what the phrasebook says.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Engine, func, select

from copilot.crm.models import Account, Contact, DealNote, Opportunity

RUN = 6
DEAL_ID = re.compile(r"\b[A-Z]{2,}[-_]?\d{3,}\b")
MAYBE_DEAL_ID = re.compile(r"\b([a-z]{1,6})[-_ ]?(\d{3,})\b", re.IGNORECASE)
INTERNAL = re.compile(r"\b(closed[- ](won|lost)|win[- ]?rates?|turning point|not convinced|objections?|deal notes?|"
                      r"call summary|discovery notes|(won|lost) deals?|moved them|"
                      r"what worked|talk[- ]?tracks?|internal notes?)\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold())


def runs(text: str, n: int = RUN) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i:i + n]) for i in range(len(w) - n + 1)}


def _notes_like(engine: Engine, store: Any, sentence: str) -> list[str]:
    if store is not None:
        try:
            return [text for _, _, _, text in store.lexical.search(sentence, {}, 12)]
        except Exception:  # noqa: BLE001 - an unreadable index must not stop the check: the CRM is read instead
            pass
    longest = max(words(sentence), key=len, default="")
    if len(longest) < 4:
        return []
    with engine.connect() as conn:
        return [r for r in conn.execute(select(DealNote.body).where(DealNote.body.ilike(f"%{longest}%")).limit(200))
                .scalars() if r]


def other_customers(engine: Engine, account_id: int | None, own_names: set[str] = frozenset()) -> list[str]:
    """The names a draft to ``account_id`` must not carry: other accounts and their contacts (read once per draft)."""
    with engine.connect() as conn:
        accounts = conn.execute(select(Account.name).where(Account.id != account_id)).scalars().all()
        contacts = conn.execute(select(Contact.name).where(Contact.account_id != account_id)).scalars().all()
    return [n for n in [*accounts, *contacts] if n and len(n) >= 4 and n not in own_names]


def leaks(engine: Engine, store: Any, sentence: str, *, deal_ids: set[str] | None = None,
          others: list[str] | None = None) -> str | None:
    """Why ``sentence`` may not go to the customer, or None. ``others`` (from :func:`other_customers`): also
    refuse a sentence that names another customer."""
    for m in DEAL_ID.finditer(sentence):
        return f"it names a deal ({m.group(0)})"
    if deal_ids and any(d.casefold() in sentence.casefold() for d in deal_ids):
        return "it names a deal"
    candidates = {(m.group(1) + m.group(2)).upper() for m in MAYBE_DEAL_ID.finditer(sentence)}
    if candidates:
        with engine.connect() as conn:
            if conn.execute(select(Opportunity.id).where(func.upper(Opportunity.id).in_(sorted(candidates)))
                            .limit(1)).first():
                return "it names a deal"
    if m := INTERNAL.search(sentence):
        return f"it uses internal wording ('{m.group(0)}')"
    mine = runs(sentence)
    if mine:
        for note in _notes_like(engine, store, sentence):
            if mine & runs(note):
                return "it repeats the words of an internal note"
    if others:
        low = sentence.casefold()
        for name in others:
            if name.casefold() in low and re.search(
                    rf"(?<!\w){re.escape(name.casefold())}(?!\w)", low):
                return "it names another customer"
    return None


def open_deal_ids(engine: Engine, account_id: int | None) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(Opportunity.id).where(Opportunity.account_id == account_id)).scalars())
