"""When to follow up next: a reply model learned from the touch history, and a recommender over it.

``Timing`` is the one entry point: the agent's ``next_followup`` tool, ``copilot followup`` and
the Slack app all ask it. It learns from the CRM database (retraining when the activity history
changes, the fitted model cached under the workspace) or from canonical files.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine, func, select

from copilot.crm.models import Account, Activity, Contact
from tools.crm_query import validated
from copilot.crm.errors import ScopeError, ToolInputError
from tools.followup.history import Log, contact_state, from_database, from_files, table
from tools.followup.model import ReplyModel, train
from tools.followup.recommend import BASELINE, Recommendation, recommend
from copilot.crm.identity import Identity, account_in_scope
from copilot.crm.names import Names
from tools.registry import Tool, ToolContext

METHOD = ("learned reply model (hierarchical logistic, calibrated on a later time slice); "
          f"baseline: {BASELINE}")


class FollowupArgs(BaseModel):
    """Who to follow up with: a contact's e-mail, or an account (its most recently touched contact)."""

    model_config = ConfigDict(extra="forbid")

    contact_email: str | None = Field(default=None, max_length=320)
    account: str | None = Field(default=None, max_length=200)


class Timing:
    """A reply model over one source of history, and recommendations from it."""

    def __init__(self, model: ReplyModel, log: Log | None = None, engine: Engine | None = None) -> None:
        self.model, self.log, self.engine = model, log, engine

    @classmethod
    def from_log(cls, log: Log) -> Timing:
        return cls(train(table(log), log.contacts), log=log)

    @classmethod
    def for_files(cls, activities: Path, contacts: Path, accounts: Path | None = None, pipeline: Path | None = None,
                  home: Path | None = None) -> Timing:
        """Learn from canonical files; the fitted model is kept under the workspace for the same files."""
        log = from_files(activities, contacts, accounts, pipeline)
        stamp = hashlib.sha256(json.dumps([[str(p.resolve()), p.stat().st_size, p.stat().st_mtime_ns]
                                           for p in (activities, contacts, accounts, pipeline) if p is not None])
                               .encode()).hexdigest()[:16]
        path = home / "models" / f"followup-files-{stamp}.npz" if home is not None else None
        model = ReplyModel.load(path) if path is not None and path.exists() else None
        if model is None or model.fingerprint != stamp:
            model = train(table(log), log.contacts, fingerprint=stamp)
            if path is not None:
                model.save(path)
        return cls(model, log=log)

    @classmethod
    def for_database(cls, engine: Engine, home: Path | None = None) -> Timing:
        """The model for the CRM's current history: from memory, from the workspace, or trained now."""
        key = (str(engine.url), fingerprint(engine))
        with _LOCK:
            cached = _CACHE.get(key[0])
            if cached is not None and cached.model.fingerprint == key[1]:
                return cached
            path = home / "models" / "followup.npz" if home is not None else None
            model = ReplyModel.load(path) if path is not None and path.exists() else None
            if model is None or model.fingerprint != key[1]:
                log = from_database(engine)
                try:
                    model = train(table(log), log.contacts, fingerprint=key[1])
                except ValueError as exc:
                    raise ToolInputError(f"cannot learn reply timing yet: {exc}; until then the habit is "
                                         f"{BASELINE}") from None
                if path is not None:
                    model.save(path)
            timing = cls(model, engine=engine)
            _CACHE[key[0]] = timing
            return timing

    def recommend(self, email: str, now: dt.datetime) -> Recommendation:
        """For the contact with this e-mail, as of ``now`` (aware; touches after it are left out)."""
        key = email.strip().lower()
        log = self.log if self.log is not None else from_database(self.engine, key)  # type: ignore[arg-type]
        if key not in log.contacts:
            raise ToolInputError(f"unknown contact e-mail {email[:80]!r}: not in the contacts on record")
        return recommend(self.model, log.contacts[key], contact_state(log, key, now), now)


_CACHE: dict[str, Timing] = {}
_LOCK = threading.Lock()


def fingerprint(engine: Engine) -> str:
    """Changes whenever touches are added, changed or removed (count, latest time, id range)."""
    with engine.connect() as conn:
        n, latest, low, high = conn.execute(select(func.count(), func.max(Activity.occurred_at), func.min(Activity.id),
                                                   func.max(Activity.id))).one()
    return f"{n}:{latest}:{low}:{high}"


def next_followup(engine: Engine, identity: Identity, args: FollowupArgs | dict[str, Any], *, now: dt.datetime,
                  names: Names | None = None, home: Path | None = None) -> dict[str, Any]:
    """The agent's tool: the recommendation for a contact (or an account's most recently touched contact)."""
    if not isinstance(args, FollowupArgs):
        args = validated(FollowupArgs, args)
    scope = [identity.scope(Activity.user_id)]
    with engine.connect() as conn:
        if args.contact_email:
            contact = conn.execute(select(Contact.id, Contact.email, Contact.account_id).where(
                func.lower(Contact.email) == args.contact_email.strip().lower())).first()
            # One message for "no such contact" and "someone else's contact": no contact detail, and no
            # way to learn whether an address is on another rep's account.
            if contact is None and identity.sees_everything:
                raise ToolInputError(f"unknown contact e-mail {args.contact_email[:80]!r}")
            if contact is None or contact.account_id is None and not identity.sees_everything or (
                    contact.account_id is not None and not account_in_scope(conn, identity, contact.account_id)):
                raise ScopeError("no contact with that e-mail address on the accounts you can see")
        elif args.account:
            account = (names or Names.load(engine)).resolve("account", args.account).name
            account_id = conn.execute(select(Account.id).where(Account.name == account)).scalar_one()
            if not account_in_scope(conn, identity, account_id):
                raise ScopeError(f"the account {account}: its deals belong to other reps")
            last = conn.execute(select(Activity.contact_id).where(Activity.account_id == account_id,
                                                                   Activity.contact_id.is_not(None), *scope)
                                .order_by(Activity.occurred_at.desc()).limit(1)).scalar()
            query = select(Contact.id, Contact.email).where(Contact.account_id == account_id)
            contact = conn.execute(query.where(Contact.id == last) if last else query.limit(1)).first()
            if contact is None:
                raise ToolInputError(f"{account} has no contacts on record")
        else:
            raise ToolInputError("give a contact_email or an account")
    aware = now if now.tzinfo else now.replace(tzinfo=dt.UTC)
    rec = Timing.for_database(engine, home).recommend(contact.email, aware)
    out = rec.as_dict()
    out.update(contact=f"{rec.contact.name} <{rec.contact.email}>", method=METHOD,
               p_reply_pct=f"{rec.best.p_reply:.0%}", baseline_p_reply_pct=f"{rec.baseline.p_reply:.0%}")
    for alt in out["alternatives"]:
        alt["p_reply_pct"] = f"{alt['p_reply']:.0%}"
    return out


class FollowupAdvice(BaseModel):
    """The recommendation as the answer writer reads it (every other key is kept as it is)."""

    model_config = ConfigDict(extra="allow")

    contact: str
    recommended_at: str
    contact_timezone: str
    reason: str
    method: str
    alternatives: list[dict[str, Any]] = []
    notes: list[str] = []


def _run(ctx: ToolContext, args: dict[str, Any]) -> FollowupAdvice:
    return FollowupAdvice.model_validate(next_followup(ctx.engine, ctx.identity, args, now=ctx.clock(),
                                                       names=ctx.names, home=ctx.settings.home))


TOOL = Tool("next_followup", "When to follow up next with a contact (by e-mail) or an account.", FollowupArgs,
            FollowupAdvice, _run,
            doing="working out when to follow up")

__all__ = ["METHOD", "TOOL", "FollowupAdvice", "FollowupArgs", "Timing", "fingerprint", "next_followup"]
