"""Personalised e-mail drafts a rep can send as they are. A draft is never sent by this tool: it is marked
'Draft — not sent'.

The rep's intent comes first: the purpose, the points to make and the things to leave out shape the draft.
What won similar deals supports that angle, rewritten as an offer to this customer in the phrasebook's words
(``tools/drafts``); the deals and notes it rests on are shown to the rep beside the draft, never in it.
A revision is the same request with one thing changed (shorter, more formal, another point, another
contact, a reply to their last e-mail, another language), so everything else is kept.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator
from sqlalchemy import Engine, select

from copilot.crm.errors import ToolInputError
from copilot.crm.identity import Identity
from copilot.crm.models import Activity, Contact
from copilot.crm.reviewer_edits import apply_choices, phrasing_choices, reviewer_edits
from copilot.crm.values import body_problem, reads_as_written
from tools.crm_query import validated
from tools.drafts.guard import leaks, open_deal_ids, other_customers
from tools.drafts.phrasebook import LANGUAGES, angle_of, angle_of_concept, concept_of, concepts_in, prompt_version
from tools.drafts.writer import Plan, Point, one_line, write
from tools.experiments.exposures import Arm, Showing
from tools.profile import customer_profile
from tools.registry import Tool, ToolContext

Tone = Literal["friendly", "formal", "direct"]
Length = Literal["short", "standard", "long"]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200,
                                        pattern=r"^[^\x00-\x1f\x7f\u202a-\u202e\u2066-\u2069]*$")]
TITLE_ANGLE = [  # (words in the contact's title, the concern someone in that role usually weighs)
    (("cfo", "finance", "procurement", "purchasing"), "price"),
    (("security", "ciso"), "security"),
    (("cto", "engineering", "it ", "cio", "data", "platform", "architect"), "integration"),
    (("operations", "coo"), "adoption"),
    (("legal", "counsel", "compliance"), "compliance"),
]
CONCERN_WORDS = {  # how a concern is looked up among past deals' notes
    "price": "price cost budget pushed back on the total cost",
    "incumbent": "current vendor incumbent switching risk",
    "security": "security review data stored SOC 2",
    "integration": "integration ERP legacy systems IT capacity",
    "timing": "budget frozen timing next fiscal year priority",
    "compliance": "compliance legal HIPAA GDPR data processing agreement auditors",
    "adoption": "adoption teams will not use another tool rollout failed",
}
LANGUAGE_NAMES = {"en": "en", "english": "en", "zh": "zh", "zh-cn": "zh", "zh-hans": "zh", "chinese": "zh",
                  "mandarin": "zh", "simplified chinese": "zh", "中文": "zh", "简体中文": "zh"}


class EmailArgs(BaseModel):
    """Draft an e-mail to a contact at an account. To revise a draft, call again with the same arguments and
    the one change asked for (shorter: length; more formal: tone; another point: points; leave something out:
    avoid; another contact: contact; reply to their last e-mail: reply_to_last; another language: language)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    account: str = Field(min_length=1, max_length=200)
    contact: str | None = Field(default=None, max_length=200, description="name or e-mail; default: the contact "
                                "who replied last")
    product: str | None = Field(default=None, max_length=200)
    purpose: str | None = Field(default=None, max_length=300, description="what the e-mail is about, in the rep's "
                                "words (e.g. 'their price concern')")
    points: list[Text] = Field(default_factory=list, max_length=8, description="what the e-mail must say or "
                               "propose, in the rep's words (e.g. 'a phased rollout', 'the pilot')")
    avoid: list[Text] = Field(default_factory=list, max_length=8, description="what it must not mention or offer "
                              "(e.g. 'discount')")
    tone: Tone | None = None
    length: Length | None = None
    language: str | None = Field(default=None, max_length=40, description="en or zh (Simplified Chinese); "
                                 "default: the rep's preference, else en")
    reply_to_last: bool = Field(default=False, description="answer the contact's last e-mail on record")

    @field_validator("language")
    @classmethod
    def _language(cls, v: str | None) -> str | None:
        if v is None:
            return None
        code = LANGUAGE_NAMES.get(v.strip().casefold())
        if code is None:
            raise ValueError(f"drafts are written in {' or '.join(LANGUAGES.values())} (en, zh), not {v[:40]!r}")
        return code


def draft_email(engine: Engine, identity: Identity, args: EmailArgs | dict[str, Any], *, now: dt.datetime,
                store: Any, preferences: dict[str, Any] | None = None, names: Any = None,
                default_tone: Callable[[str, str], str | None] | None = None) -> dict[str, Any]:
    """The draft. ``default_tone(contact e-mail, account)`` gives the tone when neither the request nor the rep's
    preferences set one (an experiment's variant); when it gives none, the tone is friendly."""
    if not isinstance(args, EmailArgs):
        args = validated(EmailArgs, args)
    prefs = preferences or {}
    notes: list[str] = []
    profile = customer_profile(engine, identity, args.account, now=now, names=names)
    contacts = profile["contacts"]
    if not contacts:
        raise ToolInputError(f"{profile['account']} has no contacts on record to write to")
    account_id = profile.get("account_id")

    language = args.language or _preferred_language(prefs.get("language"), notes)
    contact = _pick_contact(contacts, args.contact) if args.contact else None
    last = _last_email(engine, identity, account_id, contact["email"] if contact else None) \
        if args.reply_to_last else None
    if args.reply_to_last and last is None:
        who = contact["name"] if contact else profile["account"]
        notes.append(f"no e-mail from {who} is on record, so this is a follow-up rather than a reply")
    if contact is None:
        contact = next((c for c in contacts if last and c["email"] == last["email"]), None) or \
            _pick_contact(contacts, None)
        if len(contacts) > 1:
            notes.append(f"no contact was named, so this is to {one_line(contact.get('name'))}, "
                         + ("whose e-mail it answers" if last and contact["email"] == last["email"] else
                            "who replied last" if contact.get("last_reply") else "the first on record")
                         + "; name another to write to them")
    contact = {**contact, "name": one_line(contact.get("name")), "title": one_line(contact.get("title")) or None}

    open_deals = profile["deals"]["open"]
    product = args.product or (open_deals[0]["product"] if open_deals else None)
    if product is None and profile["deals"]["last_closed"]:
        product = profile["deals"]["last_closed"][0]["product"]

    avoided = {c for a in args.avoid for c in (concepts_in(a) or [])}
    avoided_words = [a.casefold() for a in args.avoid]
    points: list[Point] = []
    about = [c for c in concepts_in(args.purpose or "") if c not in avoided]  # "about the pilot": the pilot is said
    for p in [*(args.purpose for _ in about[:1]), *args.points]:
        named = concepts_in(p)
        if named and all(c in avoided for c in named):
            notes.append(f"left out your point '{p[:80]}': you asked to leave it out")
            continue
        found = [] if _specific(p, product, profile["account"]) else [c for c in named if c not in avoided]
        points += [Point(concept=c) for c in found if all(q.concept != c for q in points)] if found else \
            [Point(free=_as_yours(p))]
    avoided_angles = {a for w in args.avoid if (a := angle_of(w))} - {angle_of_concept(c) for c in avoided}
    asked = " ".join(filter(None, [args.purpose, *args.points]))
    concern = angle_of(asked) if asked else None
    if concern is None and last is not None:
        concern = angle_of(last["body"])
    if concern in avoided_angles:  # "don't mention price": the e-mail is not about cost either
        concern = None
    title = contact.get("title") or ""
    focus = concern or next((angle_of_concept(p.concept) for p in points if p.concept), None) or \
        next((a for words, a in TITLE_ANGLE if any(w in f"{title} ".casefold() for w in words)), None)

    focus = None if focus in avoided_angles else focus
    plays = _plays(engine, store, identity, focus, args, product, names, notes)
    used = {p.concept for p in points if p.concept}
    support: list[str] = []
    backing: list[dict[str, Any]] = []
    for play in plays:
        concept = concept_of(play.action)
        if concept is None or concept in avoided or angle_of_concept(concept) in avoided_angles or \
                any(w in play.action.casefold() for w in avoided_words):
            continue
        if concept in used:
            if all(b["offer"] != concept for b in backing):
                backing.append(_source(play, concept, "your point"))
            continue
        if focus and angle_of_concept(concept) != focus:
            continue
        if concept not in support:
            support.append(concept)
            backing.append(_source(play, concept, "added"))

    length = args.length or "standard"
    support = [] if length == "short" and points else support[: 2 if length == "long" else 1]
    backing = [b for b in backing if b["why"] != "added" or b["offer"] in support]
    tone = args.tone or (prefs.get("tone") if prefs.get("tone") in ("friendly", "formal", "direct") else None) \
        or (default_tone(contact["email"], profile["account"]) if default_tone is not None else None) or "friendly"
    purpose = args.purpose if args.purpose and concern is None and not concepts_in(args.purpose) else None
    plan = Plan(language=language, tone=tone, length=length, name=contact["name"] or "", title=contact.get("title"),
                account=profile["account"], product=product, signature=prefs.get("signature") or identity.name,
                angle=concern, purpose=_as_yours(purpose) if purpose else None, points=points, support=support,
                reply_date=last["at"].date() if last else None, reply_subject=last["subject"] if last else None,
                reply_wants_detail=bool(last and re.search(r"\b(more )?(detail|details|information|info)\b",
                                                           last["body"] or "", re.IGNORECASE)),
                avoid_words=avoided_words)
    subject, body = _safe(engine, store, plan, account_id, profile, avoided_words, notes)
    if language == "zh" and any(p.free and not re.search(r"[\u4e00-\u9fff]", p.free) for p in plan.points):
        notes.append("one of your points is kept in your own words (English): translate it before sending")
    applied: list[Any] = []
    edits: list[Any] = []
    if language == "en":  # what approvers changed in this rep's earlier e-mails to this account
        edits = reviewer_edits(engine, identity.user_id, account_id)
        body, applied = apply_choices(body, phrasing_choices(edits))
    problem = body_problem(body)  # an approver's sentence choice, a name on record: nothing half written is kept
    if problem:
        raise ToolInputError(f"the draft cannot be written as it stands. {problem}")
    held = sorted({m.group(0) for m in TEMPLATE.finditer(f"{subject}\n{body}")})
    if held:  # a name or a signature on record written as a template: the rep fills it in, never sends it as is
        notes.append("this draft holds " + ", ".join(repr(h[:40]) for h in held[:3]) + ", taken from the contact's "
                     "record or your signature as written there: replace it before sending")
    cc = [prefs["manager_email"]] if prefs.get("cc_manager") and prefs.get("manager_email") else []
    if prefs.get("cc_manager") and not cc:
        notes.append("you asked to copy your manager, but no manager's e-mail is on record")
    sources = [s for b in backing for s in b["snippets"]]
    request = {k: v for k, v in args.model_dump().items() if v not in (None, [], False)}
    request.update({"account": profile["account"], "contact": contact["email"], "language": language,
                    "tone": tone, "length": length})
    draft = {
        "status": "Draft — not sent",
        "to": f"{contact['name']} <{contact['email']}>", "to_email": contact["email"], "to_name": contact["name"],
        "to_title": contact["title"], "cc": cc, "account": profile["account"], "product": product,
        "subject": subject, "body": body, "language": language, "tone": tone, "length": length,
        "points": list(args.points), "avoid": list(args.avoid), "concern": concern,
        "reply_to": {"activity_id": last["id"], "subject": last["subject"], "date": last["at"].date().isoformat()}
        if last else None,
        "plays": [{k: v for k, v in b.items() if k != "snippets"} for b in backing],
        "sources": sources, "cites": [s["cite"] for s in sources],
        "talk_track_deal": sources[0]["deal_id"] if sources else None,
        "reviewer_edits_applied": applied, "reviewer_examples": edits[:3],
        "record_ids": profile["record_ids"][:5] + list(dict.fromkeys(s["deal_id"] for s in sources))[:5],
        "notes": notes, "request": request, "prompt_version": prompt_version(),
    }
    draft["text"] = _text(draft)
    return draft


def _preferred_language(preferred: Any, notes: list[str]) -> str:
    code = LANGUAGE_NAMES.get(str(preferred or "en").casefold())
    if code is None:
        notes.append(f"drafts are written in English or Simplified Chinese; your preferred language "
                     f"({str(preferred)[:10]}) is not available, so this one is in English")
        return "en"
    return code


SPECIFIC = re.compile(r"\d|\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
                      r"may|june|july|august|september|october|november|december|today|tomorrow|next week)\b",
                      re.IGNORECASE)
ACRONYMS = {"ROI", "DPA", "SOC", "HIPAA", "GDPR", "POC", "ERP", "IT", "NDA", "SSO", "API", "CRM", "BAA", "CFO", "CTO",
            "CIO", "CISO", "SLA", "I"}


def _specific(point: str, product: str | None, account: str) -> bool:
    """Whether a point carries details of its own (a day, a figure, a place, a name) that an offer in the
    phrasebook's words would lose: such a point is said in the rep's words."""
    rest = point
    for name in filter(None, (product, account)):
        rest = re.sub(re.escape(name), "", rest, flags=re.IGNORECASE)
    if SPECIFIC.search(rest):
        return True
    words = rest.split()
    return any(w[:1].isupper() and w.strip(".,;:!?()'\"") not in ACRONYMS for w in words[1:]) or len(words) > 8


def _as_yours(text: str) -> str:
    """The rep's words as said to the customer: 'their' concerns are 'your' concerns."""
    swaps = {"their": "your", "theirs": "yours", "they": "you", "them": "you", "themselves": "yourselves"}
    out = re.sub(r"\b(their|theirs|they|them|themselves)\b", lambda m: swaps[m.group(1).lower()], text.strip(),
                 flags=re.IGNORECASE)
    out = re.sub(r"[?？]+\s*", ". ", out)  # the ask is the draft's one question
    return out.rstrip(".!?;: ")



def _plays(engine: Engine, store: Any, identity: Identity, focus: str | None, args: EmailArgs,
           product: str | None, names: Any, notes: list[str]) -> list[Any]:
    if store is None:
        notes.append("the talk-track index is not available, so nothing was added from similar deals")
        return []
    from tools.talk_tracks.plays import suggest_plays

    query = " ".join(filter(None, [CONCERN_WORDS.get(focus or ""), args.purpose, *args.points])) or \
        "what moved similar deals forward"
    plays = suggest_plays(engine, store, identity, query[:500], product=[product] if product else None, names=names,
                          limit=5)
    if not plays and product:
        plays = suggest_plays(engine, store, identity, query[:500], names=names, limit=5)
    return plays


def _source(play: Any, concept: str, why: str) -> dict[str, Any]:
    evidence = list(getattr(play, "evidence", []) or [])[:3]
    return {"play": play.action, "line": getattr(play, "line", ""), "won": play.won, "lost": play.lost,
            "offer": concept, "why": why,
            "snippets": [{"deal_id": e.deal_id, "date": e.date, "kind": e.kind, "outcome": e.outcome,
                          "play": play.action, "cite": e.cite} for e in evidence]}


def _safe(engine: Engine, store: Any, plan: Plan, account_id: int | None, profile: dict[str, Any],
          avoided_words: list[str], notes: list[str]) -> tuple[str, str]:
    """Write the plan; leave out anything that must not reach the customer, and say so to the rep."""
    deal_ids = open_deal_ids(engine, account_id)
    others = other_customers(engine, account_id, {profile["account"], plan.name})
    if plan.purpose and (why := leaks(engine, store, plan.purpose, deal_ids=deal_ids, others=others)):
        notes.append(f"left out the purpose '{plan.purpose[:80]}': {why}")
        plan.purpose = None
    if plan.reply_subject and not reads_as_written("subject", f"Re: {one_line(plan.reply_subject)}"):
        # an encoded word (=?utf-8?q?...?=) in their subject: our e-mail would carry other text, even other headers
        notes.append("their subject line is not repeated: it would not reach them as written")
        plan.reply_subject = None
    if plan.reply_subject and (len(plan.reply_subject) > 120 or leaks(
            engine, store, plan.reply_subject, deal_ids=deal_ids, others=others)):
        notes.append("their subject line is not repeated: it is long or names something internal")
        plan.reply_subject = None
    for point in list(plan.points):  # the rep's own words, checked once
        why = leaks(engine, store, point.free, deal_ids=deal_ids, others=others) if point.free else None
        if why is None and any(w and w in (point.free or point.concept or "").casefold() for w in avoided_words):
            why = "you asked to leave it out"
        if why:
            notes.append(f"left out your point '{(point.free or '')[:80] or point.concept}': {why}")
            plan.points.remove(point)
    for _ in range(len(plan.support) + 1):
        subject, body, sentences = write(plan)
        bad = [s for s in sentences if leaks(engine, store, s, deal_ids=deal_ids)]
        if bad and plan.support:
            plan.support.pop()
            notes.append("an offer was left out because its words match an internal note")
            continue
        if bad:
            notes.append("a sentence was left out because its words match an internal note")
            body = "\n".join(line for line in body.split("\n") if not any(s in line for s in bad))
        return subject, body
    subject, body, _ = write(plan)
    return subject, body


def _last_email(engine: Engine, identity: Identity, account_id: int | None, contact_email: str | None
                ) -> dict[str, Any] | None:
    """The latest e-mail a contact of the account sent us, among the touches the caller may see."""
    if account_id is None:
        return None
    query = (select(Activity.id, Activity.occurred_at, Activity.subject, Activity.body, Activity.user_id,
                    Contact.email).join(Contact, Contact.id == Activity.contact_id)
             .where(Activity.account_id == account_id, Activity.direction == "inbound", Activity.type == "email")
             .order_by(Activity.occurred_at.desc()).limit(50))
    if contact_email:
        query = query.where(Contact.email == contact_email)
    with engine.connect() as conn:
        for row in conn.execute(query):
            if identity.may_see_user(row.user_id):
                return {"id": row.id, "at": row.occurred_at, "subject": row.subject or "", "body": row.body or "",
                        "email": row.email}
    return None


def _folded(text: str | None) -> str:
    """``text`` in lower case without accents ("Zoë" as "zoe"), so that a name typed without them still matches."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", (text or "").casefold())
                   if not unicodedata.combining(ch)).strip()


TEMPLATE = re.compile(r"\{\{?\s*[\w .-]{1,40}\s*\}\}?|\[\s*(?:[A-Za-z]+[ _-]){0,3}(?:name|phone(?: number)?|"
                      r"e-?mail|company|title|number|date)\s*\]|<\s*(?:first|last|full|your|contact)[ _]?name\s*>",
                      re.IGNORECASE)
"""what a template leaves for someone to fill in ("{first_name}", "[Contact Name]", "[phone number]", "<first name>")"""


def _pick_contact(contacts: list[dict[str, Any]], wanted: str | None) -> dict[str, Any]:
    if wanted:
        w = _folded(wanted)
        exact = [c for c in contacts if w in (_folded(c["email"]), _folded(c["name"]))]
        if exact:
            return exact[0]
        named = [c for c in contacts if c.get("name") and len(c["name"]) > 3 and re.search(
            rf"(?<!\w){re.escape(_folded(c['name']))}(?!\w)", w)]
        if len(named) == 1:  # "ava vidal over": the words around a full name
            return named[0]
        role = re.sub(r"^(the|their|our)\s+", "", w)
        titled = [c for c in contacts if role and _folded(c.get("title")) == role]
        if len(titled) == 1:
            return titled[0]
        if len(titled) > 1:
            raise ToolInputError(f"{wanted[:80]!r} could be " + " or ".join(c["name"] for c in titled) + "; which one?")
        parts = [] if len(w) < 3 else [c for c in contacts if w in _folded(c["email"]) or w in _folded(c["name"])]
        if len(parts) == 1:
            return parts[0]
        if len(parts) > 1:
            raise ToolInputError(f"{wanted[:80]!r} could be " + " or ".join(c["name"] for c in parts)
                                 + "; which one?")
        raise ToolInputError(f"no contact {one_line(wanted)[:80]!r} at this account; contacts: " + ", ".join(
            one_line(c["name"]) + (f" ({one_line(c['title'])})" if c.get("title") else "") for c in contacts))
    replied = [c for c in contacts if c.get("last_reply")]
    return max(replied, key=lambda c: c["last_reply"]) if replied else contacts[0]


def _text(d: dict[str, Any]) -> str:
    """The draft as the rep reads it, then what it rests on, for the rep only."""
    head = (f"Draft — not sent\nTo: {d['to']}" + (f" ({d['to_title']})" if d.get("to_title") else "")
            + (f"\nCc: {', '.join(d['cc'])}" if d["cc"] else "") + f"\nSubject: {d['subject']}\n\n{d['body']}")
    about = [f"{LANGUAGES[d['language']]}, {d['tone']}, {d['length']}."]
    if d["points"]:
        about.append(f"Your points: {'; '.join(d['points'])}.")
    if d["avoid"]:
        about.append(f"Left out as asked: {'; '.join(d['avoid'])}.")
    if d["reply_to"]:
        about.append(f"Replying to their e-mail of {d['reply_to']['date']} ('{d['reply_to']['subject'][:80]}').")
    for p in d["plays"]:
        cites = "; ".join(s for s in (x["cite"] for x in d["sources"] if x["play"] == p["play"]))
        verb = "Added from similar deals" if p["why"] == "added" else "Backs your point"
        about.append(f"{verb}: {p['play']} (won {p['won']}, lost {p['lost']} where tried" +
                     (f"; {cites}" if cites else "") + ").")
    about += [f"Note: {n}." for n in d["notes"]]
    return head + "\n\nFor you, not in the e-mail:\n" + "\n".join(f"- {a}" for a in about)


class EmailDraft(BaseModel):
    """A draft as the answer writer reads it (every other key is kept as it is)."""

    model_config = ConfigDict(extra="allow")

    status: str
    to: str
    to_email: str
    cc: list[str]
    account: str
    subject: str
    body: str
    language: str
    text: str
    cites: list[str]
    record_ids: list[str]


def _run(ctx: ToolContext, args: dict[str, Any]) -> EmailDraft:
    # an experiment deciding drafts picks the tone of a draft whose tone nobody set, and the showing is kept
    showing = Showing.of(ctx)
    arms: list[Arm] = []

    def tone_for(email: str, account: str) -> str | None:
        arm = showing.arm("draft", contact=email, account=account) if showing is not None else None
        arms.extend([arm] if arm is not None else [])
        return arm.uses if arm is not None else None

    draft = draft_email(ctx.engine, ctx.identity, args, now=ctx.clock(), store=ctx.talk_store(),
                        preferences=ctx.preferences, names=ctx.names,
                        default_tone=tone_for if showing is not None else None)
    if arms and showing is not None:
        showing.record(arms[0], contact=draft["to_email"], account=draft["account"],
                       shown={"tone": draft["tone"], "subject": draft["subject"]})
    return EmailDraft.model_validate(draft)


TOOL = Tool("draft_email", "Draft a personalised e-mail to a contact at an account, in English or Simplified "
            "Chinese: the rep's points first, supported by what won similar deals (shown beside the draft, never in "
            "it). Revise by calling again with one argument changed. Never sends.", EmailArgs, EmailDraft, _run,
            retrieval=True, doing="drafting the e-mail")
