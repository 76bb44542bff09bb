"""Personalised e-mail drafts, assembled from the account's profile, the contact's role and the talk
tracks of similar won deals. A draft is never sent by this tool: it is marked 'Draft — not sent'."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine

from tools.crm_query import validated
from copilot.crm.errors import ToolInputError
from copilot.crm.identity import Identity
from copilot.crm.reviewer_edits import apply_choices, phrasing_choices, reviewer_edits
from tools.profile import customer_profile
from tools.registry import Tool, ToolContext

Tone = Literal["friendly", "formal", "direct"]
ANGLE = [  # (words in the contact's title, what they care about)
    (("cfo", "finance", "procurement"), "cost and payback"),
    (("security", "ciso"), "security and data protection"),
    (("cto", "engineering", "it ", "cio", "data", "platform"), "integration and architecture"),
    (("operations",), "adoption by the team"),
]
GREETING = {"friendly": "Hi {first},", "formal": "Dear {name},", "direct": "{first},"}
CLOSING = {"friendly": "Best,", "formal": "Kind regards,", "direct": "Thanks,"}


class EmailArgs(BaseModel):
    """Draft an e-mail to a contact at an account."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    account: str = Field(min_length=1, max_length=200)
    contact: str | None = Field(default=None, max_length=200, description="name or e-mail; default: best contact")
    product: str | None = Field(default=None, max_length=200)
    purpose: str | None = Field(default=None, max_length=300, description="what the e-mail is about")
    tone: Tone | None = None


def _play(text: str) -> str | None:
    """The action sentence of a call summary or recap: what we did."""
    m = re.search(r"\bWe ([^.]+)\.", text) or re.search(r"turning point: we ([^.]+)\.", text) or \
        re.search(r"after we ([^.]+)\.", text)
    return m.group(1).strip() if m else None


def draft_email(engine: Engine, identity: Identity, args: EmailArgs | dict[str, Any], *, now: dt.datetime,
                store: Any, preferences: dict[str, Any] | None = None, names: Any = None) -> dict[str, Any]:
    from tools.talk_tracks.search import search_talk_tracks

    if not isinstance(args, EmailArgs):
        args = validated(EmailArgs, args)
    prefs = preferences or {}
    profile = customer_profile(engine, identity, args.account, now=now, names=names)
    contacts = profile["contacts"]
    if not contacts:
        raise ToolInputError(f"{profile['account']} has no contacts on record to write to")
    contact = _pick_contact(contacts, args.contact)
    open_deals = profile["deals"]["open"]
    product = args.product or (open_deals[0]["product"] if open_deals else None)
    if product is None and profile["deals"]["last_closed"]:
        product = profile["deals"]["last_closed"][0]["product"]
    angle = next((a for words, a in ANGLE if any(w in f"{contact['title']} ".lower() for w in words)), "the outcome")
    query = f"{product or ''} {angle} {args.purpose or ''}".strip()
    tracks = search_talk_tracks(engine, store, identity, {"query": query, "outcome": "won", "limit": 3,
                                                          **({"product": [product]} if product else {})},
                                names=names)
    if not tracks.worked and product:
        tracks = search_talk_tracks(engine, store, identity, {"query": query, "outcome": "won", "limit": 3},
                                    names=names)
    track = next((s for s in tracks.worked if _play(s.text)), None)
    tone = args.tone or prefs.get("tone") or "friendly"
    first = (contact["name"] or "there").split()[0]
    subject = f"{product} for {profile['account']}: next steps" if product else f"{profile['account']}: next steps"
    lines = [GREETING[tone].format(first=first, name=contact["name"]), ""]
    about = f" about {args.purpose}" if args.purpose else ""
    role = f"As {contact['title']}, {angle}" if contact.get("title") else angle[:1].upper() + angle[1:]
    lines.append(f"I'm following up{about} on {product or 'our conversation'} at {profile['account']}. {role} is "
                 f"probably what matters most to you, so here is how a similar team approached it.")
    if track:
        article = "an" if track.sector[:1].lower() in "aeiou" else "a"
        lines.append(f"For {article} {track.sector} customer evaluating {track.product}, we {_play(track.text)}; "
                     f"that is what moved them forward (ref. {track.cite}).")
    lines.append("")
    lines.append(f"Could we set up a short call this week to agree the next step for {profile['account']}? "
                 "Reply with a time that suits you and I will send an invite.")
    lines += ["", CLOSING[tone], prefs.get("signature") or identity.name]
    body = "\n".join(lines)
    # what approvers changed in this rep's earlier e-mails to this account: applied here, and shown as examples
    edits = reviewer_edits(engine, identity.user_id, profile.get("account_id"))
    body, applied = apply_choices(body, phrasing_choices(edits))
    cc = [prefs["manager_email"]] if prefs.get("cc_manager") and prefs.get("manager_email") else []
    return {
        "status": "Draft — not sent",
        "to": f"{contact['name']} <{contact['email']}>", "to_email": contact["email"], "to_name": contact["name"],
        "to_title": contact["title"],
        "cc": cc, "account": profile["account"], "product": product, "subject": subject, "body": body,
        "tone": tone, "cites": [track.cite] if track else [], "talk_track_deal": track.deal_id if track else None,
        "messaging_source": track.text if track else None,
        "reviewer_edits_applied": applied,
        "reviewer_examples": edits[:3],
        "record_ids": profile["record_ids"][:5] + ([track.deal_id] if track else []),
        "text": f"Draft — not sent\nTo: {contact['name']} <{contact['email']}>"
                + (f" ({contact['title']})" if contact.get("title") else "")
                + (f"\nCc: {', '.join(cc)}" if cc else "") + f"\nSubject: {subject}\n\n{body}",
    }


def _pick_contact(contacts: list[dict[str, Any]], wanted: str | None) -> dict[str, Any]:
    if wanted:
        w = wanted.casefold()
        for c in contacts:
            if w in (c["email"] or "").casefold() or w in (c["name"] or "").casefold():
                return c
        raise ToolInputError(f"no contact {wanted[:80]!r} at this account; contacts: "
                             + ", ".join(c["name"] for c in contacts))
    replied = [c for c in contacts if c.get("last_reply")]
    return max(replied, key=lambda c: c["last_reply"]) if replied else contacts[0]


class EmailDraft(BaseModel):
    """A draft as the answer writer reads it (every other key is kept as it is)."""

    model_config = ConfigDict(extra="allow")

    status: str
    to: str
    to_email: str
    account: str
    subject: str
    body: str
    text: str
    cites: list[str]
    record_ids: list[str]


def _run(ctx: ToolContext, args: dict[str, Any]) -> EmailDraft:
    return EmailDraft.model_validate(draft_email(ctx.engine, ctx.identity, args, now=ctx.clock(),
                                                 store=ctx.talk_store(), preferences=ctx.preferences, names=ctx.names))


TOOL = Tool("draft_email", "Draft a personalised e-mail to a contact at an account, using its profile and the "
            "messaging of similar won deals. Never sends.", EmailArgs, EmailDraft, _run, retrieval=True,
            doing="drafting the e-mail")
