"""Approval requests and decisions.

The approver is always the authenticated caller (the command line's ``--as``, the Slack user who
clicked), never a name in a payload. Only an approver the policy allows may decide, never the
requester; a decision is bound to the hash of the exact arguments; an edit is a new request that the
policy evaluates again; expired, repeated and unauthorised decisions are refused, and every attempt
is in the audit log. After an approval the request is carried out at once (``copilot.actions.perform``,
which checks the scope and the facts again), and the requester sees the outcome on their next turn.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from sqlalchemy import Engine, func, select

from copilot.actions import ACTIONS, FINAL, perform, prepare, store
from copilot.crm.audit import record, record_now
from copilot.crm.errors import ToolError, ToolInputError
from copilot.crm.identity import Identity, identity_by_id
from copilot.crm.models import Action, User
from copilot.crm.names import Names
from copilot.review.policy import approver_refusal, args_hash, load_policy
from copilot.settings import Settings
from tools.crm_query import validated


class ReviewError(ToolError):
    """A decision that cannot be taken; the message says why (and the attempt is audited)."""


def _row(engine: Engine, request_id: str) -> Any:
    table = Action.__table__
    with engine.connect() as conn:
        return conn.execute(select(table).where(table.c.id == request_id)).first()


def describe(row: Any, engine: Engine | None = None) -> dict[str, Any]:
    """A request as people (and the Slack app) see it."""
    requester = None
    if engine is not None:
        with engine.connect() as conn:
            requester = conn.execute(select(User.name).where(User.id == row.requested_by)).scalar()
    return {"id": row.id, "status": row.status, "tool": row.tool, "summary": row.summary, "args": row.args,
            "args_hash": row.args_hash, "reasons": row.reasons or [], "facts": row.facts or {},
            "requested_by": requester, "thread_id": row.thread_id, "created_at": row.created_at,
            "expires_at": row.expires_at, "decided_by": row.decided_by, "decided_at": row.decided_at,
            "decision_reason": row.decision_reason, "allowed_decisions": row.allowed_decisions or [],
            "replaces": row.replaces, "edits": row.edits, "result": row.result}


def show(engine: Engine, settings: Settings, caller: Identity, request_id: str) -> dict[str, Any]:
    row = _row(engine, request_id)
    if row is None or not _may_see(engine, settings, caller, row):
        raise ToolInputError(f"no request {request_id[:64]!r} that you can see")
    return describe(row, engine)


def _may_see(engine: Engine, settings: Settings, caller: Identity, row: Any) -> bool:
    if caller.sees_everything or caller.user_id == row.requested_by:
        return True
    with engine.connect() as conn:
        return approver_refusal(conn, load_policy(settings.home), caller, row.requested_by) is None


def listing(engine: Engine, settings: Settings, caller: Identity, *, status: str | None = "pending",
            limit: int = 200) -> list[dict[str, Any]]:
    """The requests the caller made or may decide (sales-ops and the approvers' group: all), newest first."""
    table = Action.__table__
    query = _visible(select(table), settings, caller, status).order_by(table.c.created_at.desc()).limit(limit)
    out = []
    with engine.connect() as conn:
        names = dict(conn.execute(select(User.id, User.name)).all())
        for row in conn.execute(query):
            out.append({**describe(row), "requested_by": names.get(row.requested_by),
                        "yours": row.requested_by == caller.user_id})
    return out


def listing_count(engine: Engine, settings: Settings, caller: Identity, *, status: str | None = "pending") -> int:
    """How many requests :func:`listing` would give the caller with no limit: counted in SQL, none fetched."""
    with engine.connect() as conn:
        return int(conn.execute(_visible(select(func.count()).select_from(Action.__table__), settings, caller,
                                         status)).scalar_one())


def _visible(query: Any, settings: Settings, caller: Identity, status: str | None) -> Any:
    """``query`` narrowed to review requests (with ``status``, if given) the caller made or may decide."""
    table = Action.__table__
    query = query.where(table.c.reasons.is_not(None))
    if status:
        query = query.where(table.c.status == status)
    policy = load_policy(settings.home)
    if not (caller.sees_everything or caller.name in policy.approvers.group):
        # chosen in SQL, before any limit: other teams' requests never push the caller's out
        reports = select(User.id).where(User.manager_id == caller.user_id) if policy.approvers.requester_manager \
            else select(User.id).where(User.id == -1)
        query = query.where((table.c.requested_by == caller.user_id) | table.c.requested_by.in_(reports))
    return query


def _refuse(engine: Engine, caller: Identity, row: Any | None, request_id: str, why: str, now: dt.datetime,
            decision: str) -> ReviewError:
    record_now(engine, actor=caller.name, actor_id=caller.user_id, event="decision_refused", action_id=request_id[:64],
               account_id=getattr(row, "account_id", None), detail={"decision": decision, "why": why}, at=now)
    return ReviewError(why)


def _decidable_by(engine: Engine, policy: Any, caller: Identity, request_id: str, now: dt.datetime,
                  decision: str) -> Any:
    """The request, if it exists and the policy lets ``caller`` decide it; otherwise a refusal (audited)."""
    row = _row(engine, request_id)
    if row is None:
        raise _refuse(engine, caller, None, request_id, f"no request {request_id[:64]!r}", now, decision)
    with engine.connect() as conn:
        refusal = approver_refusal(conn, policy, caller, row.requested_by)
    if refusal:
        raise _refuse(engine, caller, row, request_id, refusal, now, decision)
    return row


def _refuse_if_expired(engine: Engine, caller: Identity, row: Any, now: dt.datetime, decision: str) -> None:
    """A pending request past its expiry is marked expired (once, audited) and the decision refused."""
    if row.expires_at is None or now <= row.expires_at:
        return
    table = Action.__table__
    with engine.begin() as conn:
        expired = conn.execute(table.update().where(table.c.id == row.id, table.c.status == "pending").values(
            status="expired", result={"status": "expired", "message": f"Not done: {row.summary}: the request "
                                      "expired before anyone decided."})).rowcount
        if expired:
            record(conn, actor="policy", actor_id=None, event="expired", action_id=row.id, account_id=row.account_id,
                   at=now)
    raise _refuse(engine, caller, row, row.id, f"this request expired at {row.expires_at:%Y-%m-%d %H:%M} UTC; "
                  "ask the rep to request it again", now, decision)


def decide(engine: Engine, settings: Settings, caller: Identity, request_id: str,
           decision: Literal["approve", "reject"], *, reason: str | None = None, expect_hash: str | None = None,
           now: dt.datetime, names: Names | None = None) -> dict[str, Any]:
    """Record ``caller``'s decision on a pending request and, once approved, carry it out."""
    table = Action.__table__
    policy = load_policy(settings.home)
    if decision not in ("approve", "reject"):
        raise ReviewError("the decision is approve or reject")
    reason = (reason or "").strip()[:1000] or None
    row = _decidable_by(engine, policy, caller, request_id, now, decision)
    if row.status == "approved" and decision == "approve" and row.decided_by_id is not None:
        # approved, but the process that carried it out stopped first: finish it (perform runs it once)
        record_now(engine, actor=caller.name, actor_id=caller.user_id, event="resumed", action_id=row.id,
                   account_id=row.account_id, at=now)
        return perform(engine, settings, row.id, now=now, names=names)
    if row.status != "pending":
        by = f" by {row.decided_by}" if row.decided_by else ""
        raise _refuse(engine, caller, row, request_id, f"this request is already {row.status.replace('_', ' ')}{by}; "
                      "nothing was changed", now, decision)
    if row.replaces is not None and decision == "approve":
        editors: set[int] = set()  # everyone who edited it on its way here: their changes are still in it
        with engine.connect() as conn:
            earlier, seen = row.replaces, set()
            while earlier is not None and earlier not in seen:
                seen.add(earlier)
                before = conn.execute(select(table.c.decided_by_id, table.c.replaces).where(table.c.id == earlier)
                                      ).first()
                if before is None:
                    break
                if before.decided_by_id is not None:
                    editors.add(before.decided_by_id)
                earlier = before.replaces
        if caller.user_id in editors:
            raise _refuse(engine, caller, row, request_id, "you edited this request: another approver decides it",
                          now, decision)
    _refuse_if_expired(engine, caller, row, now, decision)
    if args_hash(row.tool, row.args) != row.args_hash or (expect_hash and not row.args_hash.startswith(expect_hash)):
        raise _refuse(engine, caller, row, request_id, "the request's arguments are not the ones you were shown; "
                      "look at it again", now, decision)
    approved = decision == "approve"
    result = None if approved else {"status": "rejected", "message": f"Not done: {caller.name} rejected "
                                    f"\"{row.summary}\"" + (f" ({reason})." if reason else ".")}
    with engine.begin() as conn:
        changed = conn.execute(table.update().where(table.c.id == row.id, table.c.status == "pending").values(
            status="approved" if approved else "rejected", decided_by=caller.name, decided_by_id=caller.user_id,
            decided_at=now, decision_reason=reason, approved_hash=row.args_hash if approved else None,
            result=result)).rowcount
        if changed:
            record(conn, actor=caller.name, actor_id=caller.user_id, event="approved" if approved else "rejected",
                   action_id=row.id, account_id=row.account_id,
                   detail={"args_hash": row.args_hash, **({"reason": reason} if reason else {})}, at=now)
    if not changed:
        raise _refuse(engine, caller, row, request_id, "someone else decided this request a moment ago", now, decision)
    if not approved:
        return result  # type: ignore[return-value]
    return perform(engine, settings, row.id, now=now, names=names)


def edit(engine: Engine, settings: Settings, caller: Identity, request_id: str, changes: dict[str, str], *,
         now: dt.datetime, names: Names) -> dict[str, Any]:
    """Change a pending request's arguments: a new request (evaluated by the policy again) replaces it."""
    table = Action.__table__
    policy = load_policy(settings.home)
    row = _decidable_by(engine, policy, caller, request_id, now, "edit")
    if row.status != "pending":
        raise _refuse(engine, caller, row, request_id, f"only a pending request can be edited; this one is "
                      f"{row.status.replace('_', ' ')}", now, "edit")
    _refuse_if_expired(engine, caller, row, now, "edit")
    model = ACTIONS[row.tool]
    unknown = sorted(set(changes) - set(model.model_fields))
    if unknown:
        raise ToolInputError(f"{', '.join(unknown)}: not a field of {row.tool}; fields: {', '.join(model.model_fields)}")
    new_args = validated(model, {**row.args, **changes}).model_dump(mode="json")
    # a field the stored request predates (its default then) is not a change
    before = {k: row.args[k] if k in row.args else f.get_default(call_default_factory=True)
              for k, f in model.model_fields.items()}
    diff = {k: [before.get(k), v] for k, v in new_args.items() if before.get(k) != v}
    if not diff:
        raise ToolInputError("that changes nothing")
    requester = identity_by_id(engine, row.requested_by)
    request = prepare(engine, settings, requester, names, row.tool, new_args, thread_id=row.thread_id or "",
                      call_id=f"edit:{row.id}:{args_hash(row.tool, new_args)[:8]}", now=now)
    request["needs_review"] = True  # an edited request is decided again, whatever the policy says of it
    request["reasons"] = [*request["reasons"], f"edited by {caller.name}"]
    request["allowed_decisions"] = ["approve", "reject", "edit"]
    with engine.begin() as conn:  # the old request is superseded and the new one stored together, or neither
        changed = conn.execute(table.update().where(table.c.id == row.id, table.c.status == "pending").values(
            status="superseded", decided_by=caller.name, decided_by_id=caller.user_id, decided_at=now,
            result={"status": "superseded", "replaced_by": request["id"],
                    "message": f"{caller.name} edited the request; the edited one waits for a decision."})).rowcount
        if changed:
            stored, _ = store(engine, request, now=now, replaces=row.id, edits=diff, actor=caller, conn=conn)
    if not changed:
        raise _refuse(engine, caller, row, request_id, "someone else decided this request a moment ago", now, "edit")
    return stored


def outcomes_to_tell(engine: Engine, user_id: int, *, now: dt.datetime, thread_id: str | None = None) -> list[str]:
    """Outcomes of the user's reviewed requests they have not been told yet (marked told): all of them, or only
    those asked for in the conversation ``thread_id`` (where others may read the answer)."""
    table = Action.__table__
    where = [table.c.requested_by == user_id, table.c.notified_at.is_(None), table.c.decided_by_id.is_not(None),
             table.c.status.in_(FINAL)]
    if thread_id is not None:
        where.append(table.c.thread_id == thread_id)
    with engine.begin() as conn:
        rows = conn.execute(select(table.c.id, table.c.result, table.c.summary, table.c.status).where(*where)
                            .order_by(table.c.decided_at)).all()
        if rows:
            conn.execute(table.update().where(table.c.id.in_([r.id for r in rows])).values(notified_at=now))
    return [f"{(r.result or {}).get('message') or r.summary} (request {r.id})" for r in rows]


def pending_in_thread(engine: Engine, thread_id: str) -> list[dict[str, Any]]:
    table = Action.__table__
    with engine.connect() as conn:
        rows = conn.execute(select(table).where(table.c.thread_id == thread_id, table.c.status == "pending")
                            .order_by(table.c.created_at)).all()
    return [describe(r) for r in rows]


def thread_of(engine: Engine, request_id: str) -> str | None:
    with engine.connect() as conn:
        return conn.execute(select(Action.thread_id).where(Action.id == request_id)).scalar()
