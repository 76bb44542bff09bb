"""From a rep's sentence to the tool calls an analyst would make.

This is the offline planner's reading of a request: which names it mentions (matched against the
CRM), what it asks for (a metric, an attribute, a brief, talk tracks, an e-mail, a follow-up time,
an action), over which period, grouped or ranked how. It never invents a figure: it only decides
which tool to call with which arguments.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from copilot.crm.identity import Identity
from copilot.crm.names import Names
from copilot.planner.compile import query_for
from copilot.planner.emails import OTHER_CONTACT, email_args, revision
from copilot.planner.frames import Context, Frame
from copilot.planner.reader import Reading as ReaderResult
from copilot.planner.reader import read
from copilot.planner.spotting import spot


@dataclass
class ToolCall:
    name: str
    args: dict[str, Any]


@dataclass
class Reading:
    """What the planner understood: the calls to make and how to phrase the answer."""

    calls: list[ToolCall] = field(default_factory=list)
    kind: str = "unknown"
    metric: str | None = None
    period: str | None = None
    subject: str | None = None
    superlative: str | None = None
    note: str | None = None
    frames: list[Frame] = field(default_factory=list)
    compare: bool = False
    offer: list[Frame] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


def _has(text: str, *patterns: str) -> bool:
    return any(re.search(p, text) for p in patterns)


def understand(text: str, names: Names, identity: Identity, today: dt.date,
               context: Context | None = None) -> Reading:
    context = context or Context()
    t = " ".join(text.casefold().split())
    spots = spot(text, names)
    by_kind: dict[str, list[str]] = {}
    for s in spots:
        by_kind.setdefault(s.kind, []).append(s.name)

    asks_for_email = _has(t, r"\b(draft|write|compose|prepare|redo|rewrite)\b.*\b(e-?mail|note|message|draft)\b",
                          r"\bemail to\b", r"\be-?mail\b.*\bto\b", r"\b(draft|write) (to|for)\b",
                          r"^(please |can you |could you )?e-?mail [a-z]", r"\b(send|shoot|drop) (him |her |them )?"
                          r"(an? )?(quick |short )?(e-?mail|note|message)\b", r"\breach out to\b.*\b(by|via) e-?mail\b")
    other_account = any(a != (context.draft or {}).get("account") for a in by_kind.get("account", []))
    if context.draft and not other_account and re.search(OTHER_CONTACT, t):  # "send it to Omar instead"
        revised = _revise(t, context, asks_for_email, " ".join(text.split()), [sp.name for sp in spots])
        if revised is not None:
            return revised
    action = _action(t, text, by_kind, today)
    if action is not None:
        return action
    if context.draft and not other_account and not NOT_A_REVISION.search(t):
        revised = _revise(t, context, asks_for_email, " ".join(text.split()), [sp.name for sp in spots])
        if revised is not None:
            return revised
    if asks_for_email:
        return _email(t, by_kind, context, " ".join(text.split()))
    if _has(t, r"when should i (follow|reach|write|email|call)", r"follow[- ]?up (time|timing|when)",
            r"\bnext (follow[- ]?up|touch)\b", r"best time to (follow|reach|email|call|write)", r"when to follow"):
        return _followup(t, text, by_kind, context)
    if _has(t, r"\btalk ?tracks?\b", r"what (worked|works|won)", r"how did we (win|beat|handle|overcome|get past)",
            r"what did(n't| not) work", r"objection", r"messaging", r"what should i say", r"how (do|should) (i|we) "
            r"(handle|respond|answer)"):
        return _talk_tracks(text, by_kind)
    if "account" in by_kind and _has(t, r"\bbrief\b", r"\bprofile\b", r"tell me about", r"how is .* doing",
                                     r"\bhealth\b", r"overview", r"what'?s (going on|happening) with", r"\brisks?\b",
                                     r"\bsummar", r"status of", r"update on", r"next step"):
        return Reading([ToolCall("customer_profile", {"account": by_kind["account"][0]})], "profile",
                       subject=by_kind["account"][0])
    return _frames(read(text, names, identity, today, context), identity, text, by_kind)


BRIEFED = re.compile(r"\b(?:brief (?:me|us) on|tell me about|brief on|profile of|status of|update on|summary of|"
                     r"summari[sz]e)\s+(?P<n>[^?!.,;:\n]{2,60}?)\s*(?:[?!.,;:]|$)")
AT_ACCOUNT = re.compile(r"\b(?:at|for)\s+(?P<n>[^?!.,;:\n]{2,60}?)\s*(?:\b(?:about|on|regarding|re|to|that|saying|"
                        r"with)\b|[?!.,;:]|$)")


def _not_found(m: re.Match[str] | None) -> str:
    """'I found no account named "zzyzx ltd" among yours. ' for the name a request gave that matches none."""
    name = " ".join((m.group("n") if m else "").split())
    if not name or name in ("it", "them", "this", "that", "an account", "the account", "my account"):
        return ""
    return f'I found no account named "{name}" among yours. '


def _frames(r: ReaderResult, identity: Identity, text: str, by_kind: dict[str, list[str]]) -> Reading:
    if r.kind == "crm" and r.frames:
        return Reading([ToolCall("crm_query", query_for(f)) for f in r.frames], "frames", frames=r.frames,
                       compare=r.compare, note=r.note if r.note == "share" else None)
    if r.kind == "decline":
        return Reading(kind="decline", note=r.note)
    if r.kind == "talk_tracks":
        return _talk_tracks(text, by_kind)
    if r.kind == "profile":
        if r.account is None:
            return Reading(kind="need", note=_not_found(BRIEFED.search(text)) + "Which account? For example: brief "
                                            f"me on {by_kind.get('account', ['an account'])[0]}.")
        return Reading([ToolCall("customer_profile", {"account": r.account})], "profile", subject=r.account)
    if r.kind == "day":
        return Reading([ToolCall("my_day", {})], "day")
    if r.kind == "ask":
        return Reading(kind="ask", offer=r.offer, compare=r.compare, unplaced=r.unplaced, note=r.note)
    return Reading(kind="unknown")


NOT_A_REVISION = re.compile(  # a question about the CRM or a brief, asked in a thread that has a draft
    r"\bbrief (me|us)\b|\b(give me|get me|need|want) a (quick )?brief\b|\btell me about\b|\brisks?\b|"
    r"\bwin ?rate|\bpipeline\b|\brevenue\b|\bhow (many|much)\b|\bquota\b|\bforecast\b|\bhealth\b|"
    r"\bfollow[- ]?up (time|timing|when)|\bwhen should i\b|\btalk ?tracks?\b|\bwhat (worked|works)\b|"
    r"\bwho (is|are)\b|\bmy day\b|\bstalled\b|\bdeals?\b(?! (id|terms))")
REVISION_CUE = re.compile(  # with a short request any wording is tried; a long one must point at the draft
r"\b(it|this|that|the (draft|e-?mail|note|message|version)|instead|again|too|also|"
                          r"version|rewrite|redo|revise|make|change|shorter|longer|formal|friendlier|warmer|"
                          r"chinese|english|reply|respond|drop|remove|add|mention|include|mandarin)\b|中文|英文")


def _revise(t: str, context: Context, asks_for_email: bool, original: str, names: list[str]) -> Reading | None:
    """A change to the conversation's last draft; None when ``t`` asks for none."""
    if (len(t.split()) > 10 and not REVISION_CUE.search(t)) or (len(t.split()) > 20 and not asks_for_email) or \
            re.match(r"^(what|how many|how much|which|who|when|where|why|list|show|rank|compare)\b", t):
        return None
    if asks_for_email and re.search(r"\b(another|a new|a second|a different|new)\s+(e-?mail|note|message|draft)\b", t):
        return None  # a new draft on the same account: read as a request, with the thread's contact kept
    found = revision(t, context.draft or {}, original, names)
    if found is None:
        return None
    args, _ = found
    return Reading([ToolCall("draft_email", args)], "email", subject=args.get("account"), note="revision")


def _email(t: str, by_kind: dict[str, list[str]], context: Context, original: str) -> Reading:
    args: dict[str, Any] = email_args(t, original, [n for ns in by_kind.values() for n in ns])
    account = by_kind.get("account", [None])[0] or (context.draft or {}).get("account") or \
        (context.focus.get("account") if context.focus.get("last") == "account" else None)
    if account:
        args["account"] = account
    if "product" in by_kind:
        args["product"] = by_kind["product"][0]
    if "contact" not in args and account and context.focus.get("contact") and \
            context.focus.get("contact_account") == account:
        args["contact"] = context.focus["contact"]  # the contact this conversation is about
    if "account" not in args:
        return Reading(kind="need", note=_not_found(AT_ACCOUNT.search(t)) + "Which account is the e-mail for? For "
                                        "example: draft an e-mail to Kan-code about next steps.")
    return Reading([ToolCall("draft_email", args)], "email", subject=args["account"])


FOLLOWUP_WHO = re.compile(
    r"\b(?:follow[- ]?up with|reach out to|reach|write to|e-?mail|call|contact|ping)\s+"
    r"(?P<c>[a-z][a-z'.-]*(?:\s+[a-z][a-z'.-]*){0,2}?)"
    r"\s*(?:\b(?:over at|at|from|of)\s|[?.!,;:]|$|\s(?:next|this|today|tomorrow|on|about|regarding|again)\b)")
"""Who a follow-up question names: "follow up with Maya Chen at Kan-code", "when should I call Omar?"."""
NOT_A_CONTACT = frozenset({"them", "him", "her", "they", "it", "this", "that", "these", "those", "the", "my", "our",
                           "a", "an", "their", "his", "me", "us", "you", "someone", "anyone", "everyone", "somebody",
                           "anybody", "everybody", "people", "customer", "customers", "client", "clients", "account",
                           "contact", "up", "back", "in", "out"})


def _named_contact(t: str, by_kind: dict[str, list[str]]) -> str | None:
    """The contact a follow-up question names in words (not a CRM name the planner already placed)."""
    m = FOLLOWUP_WHO.search(t)
    if m is None:
        return None
    who = m.group("c").strip(" .'-")
    if not who or who.split()[0] in NOT_A_CONTACT:
        return None
    bare = re.sub(r"[^0-9a-z]", "", who)
    for placed in (re.sub(r"[^0-9a-z]", "", n.casefold()) for ns in by_kind.values() for n in ns):
        if placed and (placed in bare or bare in placed or fuzz.ratio(bare, placed) >= 80):
            return None  # "follow up with Kan-code" (or "kancode"): a CRM name, not a person
    return who


def _followup(t: str, text: str, by_kind: dict[str, list[str]], context: Context) -> Reading:
    """Who to follow up with: an e-mail or a name in the question first; else the account named, with the
    contact this conversation is about when they are that account's (the tool picks the account's most
    responsive contact otherwise); else the conversation's contact or account."""
    email = re.search(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", text)
    args: dict[str, Any] = {}
    account = by_kind.get("account", [None])[0]
    thread_contact, thread_account = context.focus.get("contact"), context.focus.get("contact_account")
    if email:
        args["contact_email"] = email.group(0)
    elif (who := _named_contact(t, by_kind)) is not None:
        args["contact"] = who
        if account:
            args["account"] = account
        elif thread_contact:  # a name that could be someone at two accounts is read at the conversation's
            args["thread_contact"] = thread_contact
    elif account:
        args["account"] = account
        if thread_contact and thread_account == account:
            args["thread_contact"] = thread_contact
    elif thread_contact:
        args["thread_contact"] = thread_contact
    elif context.focus.get("last") == "account" and context.focus.get("account"):
        args["account"] = context.focus["account"]
    else:
        return Reading(kind="need", note="Who do you want to follow up with? Give the contact's e-mail or the "
                                        "account, e.g. 'when should I follow up with Kan-code?'")
    return Reading([ToolCall("next_followup", args)], "followup", subject=args.get("contact_email")
                   or args.get("account") or args.get("contact") or args.get("thread_contact"))


def _talk_tracks(text: str, by_kind: dict[str, list[str]]) -> Reading:
    args: dict[str, Any] = {"query": text[:500]}
    if "product" in by_kind:
        args["product"] = by_kind["product"][:3]
    if "sector" in by_kind:
        args["sector"] = by_kind["sector"][:3]
    return Reading([ToolCall("talk_tracks", args)], "talk_tracks")


def _action(t: str, text: str, by_kind: dict[str, list[str]], today: dt.date) -> Reading | None:
    account = by_kind.get("account", [None])[0]
    if re.search(r"^\s*(please\s+)?send (it|the (draft|e-?mail))\b", t) and not re.search(r"\binstead\b", t):
        return Reading([ToolCall("send_email", {})], "action", note="send_last_draft")
    if m := re.search(r"\b(?:move|change|set|mark|update)\b.*?\bdeal\s+([a-z0-9-]{4,64})\b.*?\b(?:to|as)\s+"
                      r"(prospecting|engaging|won|lost)\b", t):
        args: dict[str, Any] = {"deal_id": m.group(1).upper(), "stage": m.group(2).capitalize()}
        value = re.search(r"(?:for|at|value)\s+\$?([\d,]+(?:\.\d+)?)", t[m.end():])
        if value:
            args["close_value"] = float(value.group(1).replace(",", ""))
        return Reading([ToolCall("change_stage", args)], "action")
    if m := re.search(r"\blog (?:a |an )?(call|meeting|note|e-?mail)\b", t):
        if account is None:
            return Reading(kind="need", note="Which account should I log it on? For example: log a call with "
                                            "Kan-code: they asked for a proposal.")
        summary = text.split(":", 1)[1].strip() if ":" in text else text
        return Reading([ToolCall("log_activity", {"account": account, "type": m.group(1).replace("-", ""),
                                                  "summary": summary[:5000]})], "action")
    if re.search(r"\b(schedule|set up|book|remind me)\b.*\bfollow[- ]?up\b|\bremind me to\b", t):
        if account is None:
            return Reading(kind="need", note="Which account is the follow-up for?")
        due = _when(t, today)
        if due is None:
            return Reading(kind="need", note="When? For example: schedule a follow-up with Kan-code on "
                                            "2026-12-01 at 10:00.")
        note = text.split(":", 1)[1].strip() if ":" in text else None
        return Reading([ToolCall("schedule_followup", {"account": account, "due_at": due,
                                                       **({"note": note} if note else {})})], "action")
    return None


def _when(t: str, today: dt.date) -> str | None:
    day: dt.date | None = None
    if m := re.search(r"\b(\d{4}-\d{2}-\d{2})\b", t):
        day = dt.date.fromisoformat(m.group(1))
    elif "tomorrow" in t:
        day = today + dt.timedelta(days=1)
    else:
        days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        if m := re.search(r"\b(?:on |next )?(" + "|".join(days) + r")\b", t):
            ahead = (days.index(m.group(1)) - today.weekday()) % 7 or 7
            day = today + dt.timedelta(days=ahead)
    if day is None:
        return None
    hour, minute = 9, 0
    if m := re.search(r"\bat (\d{1,2})(?::(\d{2}))?\s*(am|pm)?\b", t):
        hour, minute = int(m.group(1)) % 24, int(m.group(2) or 0)
        if m.group(3) == "pm" and hour < 12:
            hour += 12
    return dt.datetime.combine(day, dt.time(hour, minute)).isoformat(timespec="minutes")
