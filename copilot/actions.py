"""Actions with side effects: log an activity, schedule a follow-up, change a stage, send an e-mail.

An action is prepared (arguments checked, scope checked, a request id assigned) when the model asks
for it; if the account is a key account it then waits for an approver (the graph's review node).
:func:`perform` runs it at most once per request id: the side effect and the record that it happened
are written in one transaction, so a resumed or repeated run finds it done and does nothing again.
"""

from __future__ import annotations

import datetime as dt
import smtplib
import uuid
from email.message import EmailMessage
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, select

from copilot.context import CopilotContext
from copilot.crm.models import Account, Action, Activity, Contact, Opportunity, Task
from tools.crm_query import validated
from tools.errors import ScopeError, ToolInputError


class LogActivityArgs(BaseModel):
    """Log a call, meeting, e-mail or note on an account's record."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    account: str = Field(min_length=1, max_length=200)
    type: Literal["call", "meeting", "email", "note"] = "note"
    summary: str = Field(min_length=1, max_length=5000)
    contact: str | None = Field(default=None, max_length=320)


class ScheduleFollowupArgs(BaseModel):
    """Schedule a follow-up task for the rep."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    account: str = Field(min_length=1, max_length=200)
    due_at: dt.datetime
    note: str | None = Field(default=None, max_length=2000)
    contact: str | None = Field(default=None, max_length=320)


class ChangeStageArgs(BaseModel):
    """Move a deal to another stage."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    deal_id: str = Field(min_length=1, max_length=64)
    stage: Literal["Prospecting", "Engaging", "Won", "Lost"]
    close_value: float | None = Field(default=None, ge=0, le=1e12)


class SendEmailArgs(BaseModel):
    """Send an e-mail (usually a draft the rep approved) to a contact."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    account: str = Field(min_length=1, max_length=200)
    to: str = Field(min_length=3, max_length=320)
    subject: str = Field(min_length=1, max_length=300)
    body: str = Field(min_length=1, max_length=20_000)


ACTIONS: dict[str, type[BaseModel]] = {"log_activity": LogActivityArgs, "schedule_followup": ScheduleFollowupArgs,
                                       "change_stage": ChangeStageArgs, "send_email": SendEmailArgs}


def _account(conn: Connection, ctx: CopilotContext, name: str) -> Any:
    resolved = ctx.names.resolve("account", name).name
    return conn.execute(select(Account.__table__).where(Account.name == resolved)).one()


def _check_account_scope(conn: Connection, ctx: CopilotContext, account_id: int, name: str) -> None:
    if ctx.identity.sees_everything:
        return
    deals = conn.execute(select(Opportunity.user_id).where(Opportunity.account_id == account_id)).scalars().all()
    if deals and not any(ctx.identity.may_see_user(u) for u in deals):
        raise ScopeError(f"the account {name}: its deals belong to other reps")


def prepare(ctx: CopilotContext, tool: str, raw: dict[str, Any], tool_call_id: str) -> dict[str, Any]:
    """Check an action request and describe it for the approver; nothing is changed here."""
    args = validated(ACTIONS[tool], raw)
    with ctx.engine.connect() as conn:
        if tool == "change_stage":
            deal = conn.execute(select(Opportunity.__table__).where(Opportunity.id == args.deal_id)).first()
            if deal is None:
                raise ToolInputError(f"unknown deal {args.deal_id!r}")
            if not ctx.identity.may_see_user(deal.user_id):
                raise ScopeError(f"the deal {args.deal_id}")
            account = conn.execute(select(Account.__table__).where(Account.id == deal.account_id)).first()
            if args.stage == "Won" and args.close_value is None:
                raise ToolInputError("give close_value to mark a deal Won")
            summary = f"move deal {args.deal_id} from {deal.stage} to {args.stage}"
        else:
            account = _account(conn, ctx, args.account)
            _check_account_scope(conn, ctx, account.id, account.name)
            if tool == "log_activity":
                summary = f"log a {args.type} on {account.name}: {args.summary[:120]}"
            elif tool == "schedule_followup":
                summary = f"schedule a follow-up with {account.name} on {args.due_at.isoformat(timespec='minutes')}"
            else:
                summary = f"send '{args.subject}' to {args.to} ({account.name})"
    key = bool(account is not None and account.tier == "key")
    return {"id": f"act_{uuid.uuid4().hex[:16]}", "tool": tool, "args": args.model_dump(mode="json"),
            "account": account.name if account is not None else None,
            "account_id": account.id if account is not None else None, "key_account": key,
            "needs_review": key, "summary": summary, "requested_by": ctx.identity.name,
            "tool_call_id": tool_call_id, "allowed_decisions": ["approve", "reject"]}


def perform(ctx: CopilotContext, request: dict[str, Any]) -> dict[str, Any]:
    """Carry out an approved request exactly once (a second call returns the first result)."""
    actions = Action.__table__
    now = ctx.clock()
    with ctx.engine.begin() as conn:
        done = conn.execute(select(actions.c.status, actions.c.result).where(actions.c.id == request["id"])).first()
        if done is not None and done.status in ("executed", "failed"):
            return {**(done.result or {}), "note": "already carried out; not repeated"}
        if done is None:
            conn.execute(actions.insert().values(
                id=request["id"], tool=request["tool"], args=request["args"], account_id=request.get("account_id"),
                requested_by=ctx.identity.user_id, decided_by=request.get("decided_by"), status="approved",
                created_at=now))
        try:
            result = _do(conn, ctx, request, now)
            status = "executed"
        except (ToolInputError, ScopeError, OSError) as exc:
            result = {"status": "failed", "error": str(exc)}
            status = "failed"
        conn.execute(actions.update().where(actions.c.id == request["id"]).values(
            status=status, executed_at=now, result=result))
    return result


def _do(conn: Connection, ctx: CopilotContext, request: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
    tool, args = request["tool"], request["args"]
    if tool == "change_stage":
        values: dict[str, Any] = {"stage": args["stage"]}
        if args["stage"] in ("Won", "Lost"):
            values["close_date"] = now.date()
            values["close_value"] = args.get("close_value") if args["stage"] == "Won" else 0
        conn.execute(Opportunity.__table__.update().where(Opportunity.id == args["deal_id"]).values(**values))
        return {"status": "done", "summary": request["summary"], "record_ids": [args["deal_id"]]}
    contact_id = None
    if args.get("contact") or args.get("to"):
        wanted = (args.get("contact") or args.get("to") or "").lower()
        contact_id = conn.execute(select(Contact.id).where(Contact.account_id == request["account_id"],
                                                           (Contact.email == wanted) | (Contact.name.ilike(wanted)))
                                  ).scalar()
    if tool == "log_activity":
        activity_id = f"cp-{request['id']}"
        conn.execute(Activity.__table__.insert().values(
            id=activity_id, occurred_at=now, utc_offset_min=0, type=args["type"], direction="outbound",
            user_id=ctx.identity.user_id, account_id=request["account_id"], contact_id=contact_id,
            subject=f"{args['type'].capitalize()} logged from the copilot", body=args["summary"],
            source=f"copilot action {request['id']}"))
        return {"status": "done", "summary": request["summary"], "record_ids": [activity_id]}
    if tool == "schedule_followup":
        task_id = f"task-{request['id']}"
        due = dt.datetime.fromisoformat(args["due_at"])
        due = due.astimezone(dt.UTC).replace(tzinfo=None) if due.tzinfo else due
        conn.execute(Task.__table__.insert().values(id=task_id, user_id=ctx.identity.user_id,
                                                    account_id=request["account_id"], contact_id=contact_id,
                                                    due_at=due, note=args.get("note"), created_at=now,
                                                    action_id=request["id"]))
        return {"status": "done", "summary": request["summary"], "record_ids": [task_id]}
    if tool == "send_email":
        settings = ctx.settings
        if not settings.smtp_host:
            raise ToolInputError("no SMTP server is configured (COPILOT_SMTP_HOST); the e-mail was not sent")
        message = EmailMessage()
        message["From"] = settings.smtp_from
        message["To"] = args["to"]
        message["Subject"] = args["subject"]
        message["X-Copilot-Action"] = request["id"]
        message.set_content(args["body"])
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=30) as smtp:
            smtp.send_message(message)
        activity_id = f"cp-{request['id']}"
        conn.execute(Activity.__table__.insert().values(
            id=activity_id, occurred_at=now, utc_offset_min=0, type="email", direction="outbound",
            user_id=ctx.identity.user_id, account_id=request["account_id"], contact_id=contact_id,
            subject=args["subject"], body=args["body"], source=f"copilot action {request['id']}"))
        return {"status": "done", "summary": request["summary"], "record_ids": [activity_id]}
    raise ToolInputError(f"unknown action {tool!r}")
