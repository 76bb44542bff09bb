"""Actions with side effects: log an activity, schedule a follow-up, change a stage, send an e-mail.

An action is *prepared* when the model asks for it (arguments validated, scope checked, the review
policy applied to the CRM's facts) and *stored* as a request with the hash of its exact arguments.
A request the policy lets through is carried out at once; one that needs an approver waits in the
database until an allowed approver decides (``copilot.review.approvals``). :func:`perform` carries a
request out at most once: it re-checks the hash, the requester's scope and the facts, and writes the
side effect, the request's status and the audit entry in one transaction. An e-mail is written to the
outbox in that same transaction and handed to SMTP afterwards (``copilot.review.outbox``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator
from sqlalchemy import Connection, Engine, func, select, text

from copilot.crm.audit import record
from copilot.crm.errors import ScopeError, ToolInputError
from copilot.crm.identity import Identity, account_in_scope, identity_by_id
from copilot.crm.models import Account, Action, Activity, Contact, Opportunity, Task
from copilot.crm.names import Names
from copilot.crm.values import CONTROL, EMAIL_BODY_LIMIT, plain_address, reads_as_written, uncarried
from copilot.review.outbox import deliver, enqueue
from copilot.review.policy import approvers_description, args_hash, evaluate, load_policy
from copilot.settings import Settings
from tools.crm_query import validated


def _plain(value: str | None, *, one_line: bool = False) -> str | None:
    """Text without control characters (no NUL, no terminal escapes; no line break where one line is meant)."""
    if value is None:
        return value
    # a line or paragraph separator (U+2028, U+2029) breaks a line too: an e-mail header refuses it
    if CONTROL.search(value) or (one_line and any(ch in value for ch in "\n\t\u2028\u2029")):
        raise ValueError("must not contain control characters" + (" or line breaks" if one_line else ""))
    problem = uncarried(value)  # half of a character: no UTF-8 form, so no e-mail and no database row carries it
    if problem:
        raise ValueError(problem)
    return value


def _when(value: dt.datetime) -> dt.datetime:
    if not 2000 <= value.year <= 2100:
        raise ValueError("must be a date between the years 2000 and 2100")
    return value


class LogActivityArgs(BaseModel):
    """Log a call, meeting, e-mail or note on an account's record."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    account: str = Field(min_length=1, max_length=200)
    type: Literal["call", "meeting", "email", "note"] = "note"
    summary: str = Field(min_length=1, max_length=5000)
    contact: str | None = Field(default=None, max_length=320)

    _text = field_validator("summary")(lambda v: _plain(v))
    _line = field_validator("account", "contact")(lambda v: _plain(v, one_line=True))


class ScheduleFollowupArgs(BaseModel):
    """Schedule a follow-up task for the rep."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    account: str = Field(min_length=1, max_length=200)
    due_at: dt.datetime
    note: str | None = Field(default=None, max_length=2000)
    contact: str | None = Field(default=None, max_length=320)

    _due = field_validator("due_at")(lambda v: _when(v))
    _text = field_validator("note")(lambda v: _plain(v))
    _line = field_validator("account", "contact")(lambda v: _plain(v, one_line=True))


class ChangeStageArgs(BaseModel):
    """Move a deal to another stage."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    deal_id: str = Field(min_length=1, max_length=64)
    stage: Literal["Prospecting", "Engaging", "Won", "Lost"]
    close_value: float | None = Field(default=None, ge=0, lt=1e12)


ADDRESS = r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$"
"""One plain e-mail address (no display name, no list)."""
MAX_CC = 5
CC_LINE = 320
"""The longest Cc line the outbox stores (the addresses joined by ", ")."""


def cc_addresses(value: Any) -> list[str]:
    """The Cc as a list of plain addresses in lower case, each once; a string may list them with commas or
    semicolons (what a person types in a form or on the command line)."""
    if value is None:
        return []
    if isinstance(value, str):
        value = re.split(r"[,;]", value)
    if not isinstance(value, list | tuple):
        raise ValueError("give the Cc as a list of e-mail addresses")
    out: list[str] = []
    for item in value:
        if not isinstance(item, str):
            raise ValueError("each Cc must be an e-mail address")
        address = item.strip().lower()
        if not address:
            continue
        if CONTROL.search(address) or not re.match(ADDRESS, address) or not plain_address(address):
            raise ValueError(f"{address[:80]!r} is not a plain e-mail address (write name@example.com, without a "
                             "name or brackets)")
        if address not in out:
            out.append(address)
    if len(out) > MAX_CC:
        raise ValueError(f"at most {MAX_CC} Cc addresses")
    if len(", ".join(out)) > CC_LINE:
        raise ValueError(f"the Cc addresses together are longer than {CC_LINE} characters")
    return out


class SendEmailArgs(BaseModel):
    """Send an e-mail (usually a draft the rep approved) to a contact of the account, with optional Cc."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    account: str = Field(min_length=1, max_length=200)
    to: str = Field(min_length=3, max_length=320, pattern=ADDRESS)
    cc: list[str] = Field(default_factory=list, description=f"Addresses to copy (at most {MAX_CC}), e.g. the rep's "
                                                            "manager; each a plain address")
    subject: str = Field(min_length=1, max_length=300)
    body: str = Field(min_length=1, max_length=EMAIL_BODY_LIMIT)

    _text = field_validator("body")(lambda v: _plain(v))
    _line = field_validator("account", "to", "subject")(lambda v: _plain(v, one_line=True))

    @field_validator("to")
    @classmethod
    def _address(cls, value: str) -> str:
        if not plain_address(value):
            raise ValueError("must be a plain e-mail address that a mail server reads as written (no quotes, "
                             "comments or encoded words)")
        return value

    @field_validator("subject")
    @classmethod
    def _subject(cls, value: str) -> str:
        if not reads_as_written("subject", value):
            raise ValueError("must reach the recipient as written: an encoded word (=?...?=) would be read as other "
                             "text, possibly as more headers")
        return value

    @field_validator("cc", mode="before")
    @classmethod
    def _copies(cls, value: Any, info: ValidationInfo) -> list[str]:
        cc = cc_addresses(value)
        to = str(info.data.get("to") or "").lower()  # validated first (declared first)
        if to and to in cc:
            raise ValueError(f"{to} is the recipient (To); it cannot also be in Cc")
        return cc


ACTIONS: dict[str, type[BaseModel]] = {"log_activity": LogActivityArgs, "schedule_followup": ScheduleFollowupArgs,
                                       "change_stage": ChangeStageArgs, "send_email": SendEmailArgs}
DECISIONS = ["approve", "reject", "edit"]
FINAL = ("executed", "failed", "sent_back", "rejected", "expired", "superseded")


def _serialise(conn: Connection, key: str) -> None:
    """Make concurrent transactions on the same key wait for each other (two turns of one conversation storing
    the same request; two processes carrying out the same approval).

    PostgreSQL: a transaction-scoped advisory lock on the key. SQLite: a write statement as the transaction's
    first, which takes the database's write lock at once, so the reads that follow see every earlier commit.
    """
    if conn.dialect.name == "postgresql":
        number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": number})
    elif conn.dialect.name == "sqlite":
        conn.execute(Action.__table__.update().where(Action.__table__.c.id == key).values(
            status=Action.__table__.c.status))


def _request_id(thread_id: str, call_id: str, digest: str) -> str:
    # deterministic: a node that runs twice for the same tool call stores one request, not two
    return "act_" + hashlib.sha256(f"{thread_id}\0{call_id}\0{digest}".encode()).hexdigest()[:16]


def _target(conn: Connection, identity: Identity, names: Names, tool: str, args: BaseModel
            ) -> tuple[Any | None, Any | None, str]:
    """(account row, deal row, summary) of a request, with the caller's scope checked."""
    if isinstance(args, ChangeStageArgs):
        deal = conn.execute(select(Opportunity.__table__).where(Opportunity.id == args.deal_id)).first()
        if deal is None or not identity.may_see_user(deal.user_id):
            # one message for "no such deal" and "another rep's deal": nothing to learn from the difference
            raise ScopeError(f"deal {args.deal_id[:64]!r} is not one of the deals you can see")
        account = conn.execute(select(Account.__table__).where(Account.id == deal.account_id)).first()
        if args.stage == "Won" and args.close_value is None:
            raise ToolInputError("give close_value to mark a deal Won")
        return account, deal, f"move deal {args.deal_id} from {deal.stage} to {args.stage}"
    name = names.resolve("account", args.account).name  # type: ignore[attr-defined]
    account = conn.execute(select(Account.__table__).where(Account.name == name)).one()
    if not account_in_scope(conn, identity, account.id):
        raise ScopeError(f"the account {account.name}: its deals belong to other reps")
    if isinstance(args, LogActivityArgs):
        return account, None, f"log a {args.type} on {account.name}: {args.summary[:120]}"
    if isinstance(args, ScheduleFollowupArgs):
        return account, None, f"schedule a follow-up with {account.name} on {args.due_at.isoformat(timespec='minutes')}"
    assert isinstance(args, SendEmailArgs)
    cc = f", Cc {', '.join(args.cc)}" if args.cc else ""
    return account, None, f"send '{args.subject[:120]}' to {args.to}{cc} ({account.name})"


def prepare(engine: Engine, settings: Settings, identity: Identity, names: Names, tool: str, raw: dict[str, Any], *,
            thread_id: str, call_id: str, now: dt.datetime) -> dict[str, Any]:
    """Check an action request and describe it for the approver; nothing is written here."""
    args = validated(ACTIONS[tool], raw)
    policy = load_policy(settings.home)
    with engine.connect() as conn:
        account, deal, summary = _target(conn, identity, names, tool, args)
        # one spelling per request: the account as the CRM names it, the address in lower case, the deal id as
        # stored, so the same action written differently has the same hash
        exact = args.model_dump(mode="json")
        if "account" in exact and account is not None:
            exact["account"] = account.name
        if tool == "send_email":
            exact["to"] = exact["to"].lower()
        if deal is not None:
            exact["deal_id"] = deal.id
        digest = args_hash(tool, exact)
        evaluation = evaluate(conn, policy, tool, exact, account.id if account is not None else None, deal)
        approvers = approvers_description(conn, policy, identity.user_id)
    return {"id": _request_id(thread_id, call_id, digest), "tool": tool, "args": exact, "args_hash": digest,
            "account": account.name if account is not None else None,
            "account_id": account.id if account is not None else None,
            "key_account": evaluation.facts["key_account"], "needs_review": evaluation.needs_review,
            "reasons": evaluation.reasons, "facts": evaluation.facts, "summary": summary,
            "requested_by": identity.name, "requested_by_id": identity.user_id, "thread_id": thread_id,
            "tool_call_id": call_id, "allowed_decisions": DECISIONS if evaluation.needs_review else [],
            "approvers": approvers if evaluation.needs_review else [],
            "expires_at": (now + dt.timedelta(hours=policy.approvers.expires_after_hours)).isoformat(timespec="seconds")}


def store(engine: Engine, request: dict[str, Any], *, now: dt.datetime, replaces: str | None = None,
          edits: dict[str, Any] | None = None, actor: Identity | None = None,
          conn: Connection | None = None) -> tuple[dict[str, Any], str | None]:
    """Write the request (pending, or approved by policy). Returns (request, status of an identical earlier one).

    The same action with the same arguments in one conversation is stored once: a repeat returns the
    earlier request's status instead of a new request.
    """
    if conn is None:
        with engine.begin() as own:
            return store(engine, request, now=now, replaces=replaces, edits=edits, actor=actor, conn=own)
    actions = Action.__table__
    _serialise(conn, f"store:{request.get('thread_id')}:{request['args_hash']}")
    if request.get("thread_id") and replaces is None:
        earlier = conn.execute(select(actions.c.id, actions.c.status).where(
            actions.c.thread_id == request["thread_id"], actions.c.args_hash == request["args_hash"],
            actions.c.status.in_(("pending", "approved", "executed", "failed"))).limit(1)).first()
        if earlier is not None:
            return {**request, "id": earlier.id}, earlier.status
    if conn.execute(select(actions.c.id).where(actions.c.id == request["id"])).first() is not None:
        return request, None  # this very request, stored by an earlier run of the same node
    auto = not request["needs_review"]
    conn.execute(actions.insert().values(
        id=request["id"], tool=request["tool"], args=request["args"], args_hash=request["args_hash"],
        account_id=request["account_id"], requested_by=request["requested_by_id"], thread_id=request["thread_id"],
        summary=request["summary"], reasons=request["reasons"], facts=request["facts"],
        allowed_decisions=request["allowed_decisions"], status="approved" if auto else "pending",
        decided_by="policy" if auto else None, approved_hash=request["args_hash"] if auto else None,
        decided_at=now if auto else None, created_at=now, replaces=replaces, edits=edits,
        expires_at=dt.datetime.fromisoformat(request["expires_at"])))
    who = actor.name if actor is not None else request["requested_by"]
    record(conn, actor=who, actor_id=actor.user_id if actor else request["requested_by_id"],
           event="edited" if replaces else "requested", action_id=request["id"], account_id=request["account_id"],
           detail={"tool": request["tool"], "summary": request["summary"], "args_hash": request["args_hash"],
                   "reasons": request["reasons"], **({"replaces": replaces, "edits": edits} if replaces else {})},
           at=now)
    if auto:
        record(conn, actor="policy", actor_id=None, event="approved_by_policy", action_id=request["id"],
               account_id=request["account_id"], at=now)
    return request, None


def _changed_facts(before: dict[str, Any], now: dict[str, Any]) -> list[str]:
    changed = []
    for key in ("key_account", "tier", "recipient_is_contact", "cc_outside"):
        if key in before and before.get(key) != now.get(key):
            was, is_ = ((", ".join(v) or "none") if isinstance(v, list) else v for v in (before.get(key), now.get(key)))
            label = "Cc outside the company and the account" if key == "cc_outside" else key.replace("_", " ")
            changed.append(f"{label} was {was}, now {is_}")
    if before.get("deal") and now.get("deal") and before["deal"]["stage"] != now["deal"]["stage"]:
        changed.append(f"the deal's stage was {before['deal']['stage']}, now {now['deal']['stage']}")
    if before.get("deal") and now.get("deal") and before["deal"]["user_id"] != now["deal"]["user_id"]:
        changed.append("the deal changed hands")
    return changed


def already_done(row: Any) -> dict[str, Any]:
    """The recorded outcome of a request that was already carried out (or closed): nothing is repeated."""
    return {**(row.result or {"status": row.status}), "request_id": row.id, "repeated": False,
            "note": f"already {row.status.replace('_', ' ')}; not repeated"}


def perform(engine: Engine, settings: Settings, request_id: str, *, now: dt.datetime,
            names: Names | None = None) -> dict[str, Any]:
    """Carry out an approved request exactly once, as its requester; a later call returns the first result."""
    actions = Action.__table__
    policy = load_policy(settings.home)
    with engine.begin() as conn:
        _serialise(conn, request_id)
        row = conn.execute(select(actions).where(actions.c.id == request_id)).first()
        if row is None:
            raise ToolInputError(f"no request {request_id[:64]!r}")
        if row.status in FINAL:
            return already_done(row)
        if row.status != "approved":
            return {"status": "pending_review", "request_id": row.id, "summary": row.summary,
                    "message": f"Waiting for approval: {row.summary}."}
        requester = identity_by_id(engine, row.requested_by)

        def close(status: str, result: dict[str, Any], event: str) -> dict[str, Any]:
            result = {**result, "request_id": row.id, "summary": row.summary}
            conn.execute(actions.update().where(actions.c.id == row.id).values(status=status, result=result,
                                                                               executed_at=now))
            record(conn, actor=requester.name, actor_id=requester.user_id, event=event, action_id=row.id,
                   account_id=row.account_id, detail=result, at=now)
            return result

        if args_hash(row.tool, row.args) != row.args_hash or row.approved_hash != row.args_hash:
            return close("sent_back", {"status": "sent_back", "message": f"Not done: {row.summary}: its arguments "
                                       "are not the ones that were approved."}, "refused_hash_mismatch")
        try:
            args = validated(ACTIONS[row.tool], row.args)
            account, deal, _ = _target(conn, requester, names or Names.load(engine), row.tool, args)
        except (ScopeError, ToolInputError) as exc:
            return close("sent_back", {"status": "sent_back", "message": f"Not done: {row.summary}: {exc}."},
                         "sent_back")
        evaluation = evaluate(conn, policy, row.tool, row.args, account.id if account is not None else None, deal)
        changed = _changed_facts(row.facts or {}, evaluation.facts)
        if changed:
            return close("sent_back", {"status": "sent_back", "message": f"Not done: {row.summary}: "
                                       f"{'; '.join(changed)} since it was requested. Ask again if it still "
                                       "applies."}, "sent_back")
        if evaluation.needs_review and row.decided_by_id is None:
            conn.execute(actions.update().where(actions.c.id == row.id).values(
                status="pending", reasons=evaluation.reasons, decided_by=None, decided_at=None, approved_hash=None))
            record(conn, actor="policy", actor_id=None, event="sent_to_review", action_id=row.id,
                   account_id=row.account_id, detail={"reasons": evaluation.reasons}, at=now)
            return {"status": "pending_review", "request_id": row.id, "summary": row.summary,
                    "message": f"Waiting for approval: {row.summary} ({'; '.join(evaluation.reasons)})."}
        try:
            result = _do(conn, settings, requester, row, now)
        except ToolInputError as exc:
            return close("failed", {"status": "failed", "message": f"Not done: {row.summary}: {exc}."}, "failed")
        result = close("executed", result, "executed")
    if row.tool == "send_email":
        delivery = deliver(engine, settings, row.id, now=now)
        result = {**result, "delivery": delivery["status"], "message": delivery["message"]}
    return result


def _do(conn: Connection, settings: Settings, requester: Identity, row: Any, now: dt.datetime) -> dict[str, Any]:
    tool, args = row.tool, row.args
    if tool == "change_stage":
        values: dict[str, Any] = {"stage": args["stage"]}
        if args["stage"] in ("Won", "Lost"):
            values["close_date"] = now.date()
            values["close_value"] = args.get("close_value") if args["stage"] == "Won" else 0
        else:  # reopened: no longer closed
            values["close_date"] = None
            values["close_value"] = None
        conn.execute(Opportunity.__table__.update().where(Opportunity.id == args["deal_id"]).values(**values))
        return {"status": "done", "record_ids": [args["deal_id"]], "message": f"Done: {row.summary}."}
    contact_id = None
    wanted = (args.get("contact") or args.get("to") or "").lower()
    if wanted:
        contact_id = conn.execute(select(Contact.id).where(  # exact matches: no LIKE patterns from typed text
            Contact.account_id == row.account_id, (Contact.email == wanted) | (func.lower(Contact.name) == wanted))
        ).scalar()
    if tool == "log_activity":
        activity_id = f"cp-{row.id}"
        conn.execute(Activity.__table__.insert().values(
            id=activity_id, occurred_at=now, utc_offset_min=0, type=args["type"], direction="outbound",
            user_id=requester.user_id, account_id=row.account_id, contact_id=contact_id,
            subject=f"{args['type'].capitalize()} logged from the copilot", body=args["summary"],
            source=f"copilot action {row.id}"))
        return {"status": "done", "record_ids": [activity_id], "message": f"Done: {row.summary}."}
    if tool == "schedule_followup":
        task_id = f"task-{row.id}"
        due = dt.datetime.fromisoformat(args["due_at"])
        due = due.astimezone(dt.UTC).replace(tzinfo=None) if due.tzinfo else due
        conn.execute(Task.__table__.insert().values(id=task_id, user_id=requester.user_id, account_id=row.account_id,
                                                    contact_id=contact_id, due_at=due, note=args.get("note"),
                                                    created_at=now, action_id=row.id))
        return {"status": "done", "record_ids": [task_id], "message": f"Done: {row.summary}."}
    if tool == "send_email":
        if not settings.smtp_host:
            raise ToolInputError("no SMTP server is configured (COPILOT_SMTP_HOST), so nothing can be sent")
        activity_id = f"cp-{row.id}"
        conn.execute(Activity.__table__.insert().values(
            id=activity_id, occurred_at=now, utc_offset_min=0, type="email", direction="outbound",
            user_id=requester.user_id, account_id=row.account_id, contact_id=contact_id,
            subject=args["subject"], body=args["body"], source=f"copilot action {row.id}"))
        enqueue(conn, settings, row.id, account_id=row.account_id, to=args["to"], subject=args["subject"],
                body=args["body"], now=now, cc=", ".join(args.get("cc") or []) or None)
        return {"status": "done", "record_ids": [activity_id], "message": f"Queued: {row.summary}."}
    raise ToolInputError(f"unknown action {tool!r}")
