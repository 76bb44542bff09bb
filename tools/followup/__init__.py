"""When to follow up next: a reply model learned from the touch history, and a recommender over it.

``Timing`` is the one entry point: the agent's ``next_followup`` tool, ``copilot followup`` and
the Slack app all ask it. It learns from the CRM database (retraining when the activity history
changes, the fitted model cached under the workspace) or from canonical files.

The tool's result keeps the moments as ISO 8601 for machines (``recommended_at``, each alternative's
``at``, ``baseline_at``) and adds them as a rep reads them (``recommended_when``, ``when``,
``baseline_when``: "Tuesday 16:00 their time, 10:00 yours", see ``wording.py``). Every figure an answer
states about the contact's history is a field of the result too (``unanswered_in_a_row``,
``prior_touches``, ``days_since_last_touch``, ``contacts_compared``), so the grounding check finds it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection, Engine, func, select

from copilot.crm.models import Account, Activity, Contact, User
from tools.crm_query import validated
from copilot.crm.errors import ScopeError, ToolInputError
from tools.followup.history import Log, State, contact_state, from_database, from_files, table
from tools.followup.model import ReplyModel, train
from tools.followup.recommend import BASELINE, Recommendation, habitual, recommend
from tools.followup.wording import rep_zone, reworded, when
from copilot.crm.identity import Identity, account_in_scope
from copilot.crm.names import Names
from tools.experiments.exposures import Showing
from tools.registry import Tool, ToolContext

METHOD = ("learned reply model (hierarchical logistic, calibrated on a later time slice); "
          f"baseline: {BASELINE}")


MAX_COMPARED = 20
"""An account's contacts compared for the most responsive one (the most recently touched first)."""
NAMED = "the contact you named"
IN_THREAD = "the contact you are talking about"


class FollowupArgs(BaseModel):
    """Who to follow up with: a contact (by e-mail, or by name), or an account: the contact the conversation is
    about when they are one of its contacts, else its most responsive contact."""

    model_config = ConfigDict(extra="forbid")

    contact_email: str | None = Field(default=None, max_length=320)
    account: str | None = Field(default=None, max_length=200)
    contact: str | None = Field(default=None, max_length=200,
                                description="A contact's name as the user wrote it (with the account when known).")
    thread_contact: str | None = Field(default=None, max_length=320,
                                       description="The e-mail of the contact this conversation is about, from "
                                                   "earlier turns; used when the question names no contact.")


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
        return self.advise(email, now)[0]  # every rep's touches

    def advise(self, email: str, now: dt.datetime, reps: frozenset[str] | None = None
               ) -> tuple[Recommendation, State, bool]:
        """The recommendation and the contact's situation it rests on (last touch, unanswered touches in a
        row, prior touches), read from one pass over their history; with ``reps``, from those reps' touches only
        (the caller's scope), and whether any other rep's were left out."""
        key = email.strip().lower()
        log = self.log if self.log is not None else from_database(self.engine, key)  # type: ignore[arg-type]
        if key not in log.contacts:
            raise ToolInputError(f"unknown contact e-mail {email[:80]!r}: not in the contacts on record")
        left_out = False
        if reps is not None:
            rows = log.by_contact().get(key, [])
            kept = [r for r in rows if r[4] in reps]
            if len(kept) < len(rows):
                left_out = True
                log = replace(log, touches=[r for r in log.touches if r[1] != key] + kept, _by_contact=None)
        state = contact_state(log, key, now)
        info = log.contacts[key]
        if not left_out:
            return recommend(self.model, info, state, now), state, left_out
        # what the model learned of this contact came from touches the caller may not see: advise as for a
        # contact it has not seen (their segment's and account's pattern), under the contact's own name
        unseen = replace(info, email=f"{key}\x00unseen")
        return replace(recommend(self.model, unseen, state, now), contact=info), state, left_out


_CACHE: dict[str, Timing] = {}
_LOCK = threading.Lock()


def fingerprint(engine: Engine) -> str:
    """Changes whenever touches are added, changed or removed (count, latest time, id range)."""
    with engine.connect() as conn:
        n, latest, low, high = conn.execute(select(func.count(), func.max(Activity.occurred_at), func.min(Activity.id),
                                                   func.max(Activity.id))).one()
    return f"{n}:{latest}:{low}:{high}"


def next_followup(engine: Engine, identity: Identity, args: FollowupArgs | dict[str, Any], *, now: dt.datetime,
                  names: Names | None = None, home: Path | None = None, showing: Showing | None = None
                  ) -> dict[str, Any]:
    """The agent's tool: when to follow up, and with whom.

    The contact is the one the question names (by e-mail, or by name); else, for an account, the one the
    conversation is about when they are its contact; else the account's most responsive contact in the
    caller's scope, the one with the highest predicted reply chance at their own best moment. The result
    says which and why (``chosen_because``).

    With ``showing``, an experiment deciding the follow-up time for this rep, contact, account or conversation
    picks the moment shown (its variant's ``learned`` moment or the ``habit``), and the showing is recorded."""
    if not isinstance(args, FollowupArgs):
        args = validated(FollowupArgs, args)
    aware = now if now.tzinfo else now.replace(tzinfo=dt.UTC)
    with engine.connect() as conn:
        emails, because, on_account = _who(conn, engine, identity, args, names)
    timing = Timing.for_database(engine, home)
    # a contact's history as the caller may see it: touches by reps outside their scope are left out (and said so)
    reps = None if identity.sees_everything else _names_of(engine, identity.team)
    rec, state, left_out = timing.advise(emails[0], aware, reps)
    for email in emails[1:]:  # the account's most responsive contact: the best chance at their own best moment
        other = timing.advise(email, aware, reps)
        if other[0].best.p_reply > rec.best.p_reply:
            rec, state, left_out = other
    if len(emails) > 1 and on_account is not None:
        because = (f"the account's most responsive contact (of {len(emails)})" if on_account <= len(emails) else
                   f"the account's most responsive contact (of the {len(emails)} most recently touched, "
                   f"{on_account} in all)")
    arm = showing.arm("followup_time", contact=rec.contact.email, account=rec.contact.account) \
        if showing is not None else None
    learned = rec
    if arm is not None and arm.uses == "habit":
        rec = habitual(rec)
    out = advice(rec, state, aware, identity.timezone, chosen_because=because, compared=len(emails),
                 on_account=on_account)
    if left_out:
        out["notes"].append("Colleagues outside your scope have also been in touch with this contact; their touches "
                            "are left out of this advice, so check with them before you follow up.")
    if arm is not None and showing is not None:  # what was shown, and both arms' moments for this contact
        showing.record(arm, contact=rec.contact.email, account=rec.contact.account,
                       shown={"recommended_at": out["recommended_at"], "p_reply": out["p_reply"],
                              "learned_at": learned.best.at.isoformat(timespec="minutes"),
                              "habit_at": out["baseline_at"]})
    return out


def _names_of(engine: Engine, users: frozenset[int]) -> frozenset[str]:
    with engine.connect() as conn:
        return frozenset(conn.execute(select(User.name).where(User.id.in_(sorted(users)))).scalars())


def advice(rec: Recommendation, state: State, now: dt.datetime, rep_timezone: str | None, *,
           chosen_because: str = NAMED, compared: int = 1, on_account: int | None = None) -> dict[str, Any]:
    """A recommendation as the tool returns it: the machine fields (ISO 8601 moments, probabilities), the same
    moments worded for the rep (the contact's time and theirs), and every figure the reason states about the
    contact's history, as a field of its own (prose is not evidence for the grounding check)."""
    rep_tz = rep_timezone if rep_zone(rep_timezone) is not None else None
    tz = rec.contact.timezone
    out = rec.as_dict()
    last = state.last_touch
    out.update(contact=f"{rec.contact.name} <{rec.contact.email}>", contact_name=rec.contact.name,
               account=rec.contact.account, chosen_because=chosen_because, contacts_compared=compared,
               method=METHOD, p_reply_pct=f"{rec.best.p_reply:.0%}", baseline_p_reply_pct=f"{rec.baseline.p_reply:.0%}",
               rep_timezone=rep_tz, recommended_when=when(rec.best.at, tz, rep_tz, now),
               baseline_when=when(rec.baseline.at, tz, rep_tz, now),
               unanswered_in_a_row=state.unanswered, prior_touches=state.prior,
               last_touch_at=last.isoformat(timespec="minutes") if last is not None else None,
               days_since_last_touch=(now.astimezone(last.tzinfo).date() - last.date()).days
               if last is not None else None)
    if on_account is not None:
        out["contacts_on_account"] = on_account
    if rec.p_if_replied is not None:
        out.update(p_reply_if_just_replied=round(rec.p_if_replied, 4),
                   p_reply_if_just_replied_pct=f"{rec.p_if_replied:.0%}")
    out["answered_touches"] = state.replied  # touches answered so far
    for alt, slot in zip(out["alternatives"], rec.alternatives, strict=True):
        alt["p_reply_pct"] = f"{alt['p_reply']:.0%}"
        alt["when"] = when(slot.at, tz, rep_tz, now)
    out["notes"] = [reworded(n, tz, rep_tz, now) for n in rec.notes]  # read by people: no ISO 8601 in them
    return out


def _who(conn: Connection, engine: Engine, identity: Identity, args: FollowupArgs, names: Names | None
         ) -> tuple[list[str], str, int | None]:
    """The e-mails of the contacts to consider (one, or an account's contacts to compare), why, and how many
    contacts the account has when its contacts are compared. Refusals never tell an unknown contact from
    someone else's."""
    if args.contact_email:
        return [_visible(conn, identity, args.contact_email)], NAMED, None
    account_id, account = None, None
    if args.account:
        account = (names or Names.load(engine)).resolve("account", args.account).name
        account_id = conn.execute(select(Account.id).where(Account.name == account)).scalar_one()
        if not account_in_scope(conn, identity, account_id):
            raise ScopeError(f"the account {account}: its deals belong to other reps")
    if args.contact:
        near = None  # a name two contacts share is read at the account of the conversation's contact
        if account_id is None and args.thread_contact:
            near = conn.execute(select(Contact.account_id).where(
                func.lower(Contact.email) == args.thread_contact.strip().lower())).scalar()
        return [_named(conn, identity, args.contact, account_id, account, near)], NAMED, None
    if args.thread_contact:
        if account_id is None:
            return [_visible(conn, identity, args.thread_contact)], IN_THREAD, None
        kept = conn.execute(select(Contact.email).where(func.lower(Contact.email) == args.thread_contact.strip().lower(),
                                                        Contact.account_id == account_id)).scalar()
        if kept is not None:  # the conversation's contact, when the account asked about is theirs
            return [kept], IN_THREAD, None
    if account_id is None:
        raise ToolInputError("give a contact_email or an account")
    scope = [identity.scope(Activity.user_id)]
    touched = {contact_id: last for contact_id, last in conn.execute(
        select(Activity.contact_id, func.max(Activity.occurred_at))
        .where(Activity.account_id == account_id, Activity.contact_id.is_not(None), *scope).group_by(Activity.contact_id))}
    contacts = conn.execute(select(Contact.id, Contact.email).where(Contact.account_id == account_id)).all()
    if not contacts:
        raise ToolInputError(f"{account} has no contacts on record")
    # the most recently touched (by someone in scope) first: they are compared first and win a tie
    contacts.sort(key=lambda c: (touched.get(c.id) is None, -(touched[c.id].timestamp()) if c.id in touched else 0,
                                 c.id))
    emails = [c.email for c in contacts[:MAX_COMPARED]]
    return emails, ("the account's only contact on record" if len(contacts) == 1 else ""), len(contacts)


def _visible(conn: Connection, identity: Identity, email: str) -> str:
    """The contact with this e-mail when the caller may see them; one refusal for "no such contact" and
    "someone else's contact": no contact detail, and no way to learn whether an address is on another rep's
    account."""
    contact = conn.execute(select(Contact.id, Contact.email, Contact.account_id).where(
        func.lower(Contact.email) == email.strip().lower())).first()
    if contact is None and identity.sees_everything:
        raise ToolInputError(f"unknown contact e-mail {email[:80]!r}")
    if contact is None or contact.account_id is None and not identity.sees_everything or (
            contact.account_id is not None and not account_in_scope(conn, identity, contact.account_id)):
        raise ScopeError("no contact with that e-mail address on the accounts you can see")
    return contact.email


def _named(conn: Connection, identity: Identity, wanted: str, account_id: int | None, account: str | None,
           near: int | None = None) -> str:
    """The contact the rep named ("Maya Chen", or an address): among the account's contacts when the account is
    known, else among every contact on the accounts the caller may see (those at the account ``near`` first)."""
    w = " ".join(wanted.casefold().split())
    if "@" in w:
        return _visible(conn, identity, w)
    query = select(Contact.email, Contact.name, Contact.account_id)
    if account_id is not None:
        query = query.where(Contact.account_id == account_id)
    else:
        query = query.where(func.lower(Contact.name).contains(w, autoescape=True)).limit(200)
    rows = [r for r in conn.execute(query).all() if account_id is not None or identity.sees_everything or (
        r.account_id is not None and account_in_scope(conn, identity, r.account_id))]
    exact = [r for r in rows if " ".join((r.name or "").casefold().split()) == w]
    parts = exact or [r for r in rows if len(w) >= 3 and r.name and re.search(rf"(?<!\w){re.escape(w)}(?!\w)",
                                                                               r.name.casefold())]
    if len(parts) > 1 and near is not None and sum(r.account_id == near for r in parts) == 1:
        parts = [r for r in parts if r.account_id == near]
    if len(parts) == 1:
        return parts[0].email
    if len(parts) > 1:
        raise ToolInputError(f"{wanted[:80]!r} could be " + " or ".join(r.name or r.email for r in parts)
                             + "; which one?")
    if account_id is None and identity.sees_everything:
        raise ToolInputError(f"no contact named {wanted[:80]!r}")
    if account_id is None:
        raise ScopeError("no contact by that name on the accounts you can see")
    raise ToolInputError(f"no contact {wanted[:80]!r} at {account}; contacts: "
                         + ", ".join(r.name or r.email for r in rows[:MAX_COMPARED]))


class FollowupAdvice(BaseModel):
    """The recommendation as the answer writer reads it (every other key is kept as it is)."""

    model_config = ConfigDict(extra="allow")

    contact: str
    recommended_at: str
    recommended_when: str
    contact_timezone: str
    rep_timezone: str | None = None
    baseline_when: str
    chosen_because: str
    reason: str
    method: str
    unanswered_in_a_row: int
    prior_touches: int
    days_since_last_touch: int | None = None
    alternatives: list[dict[str, Any]] = []
    notes: list[str] = []


def _run(ctx: ToolContext, args: dict[str, Any]) -> FollowupAdvice:
    identity = ctx.identity
    if identity.timezone is None and getattr(ctx.settings, "timezone", None):  # the workspace's default zone
        identity = replace(identity, timezone=ctx.settings.timezone)
    return FollowupAdvice.model_validate(next_followup(ctx.engine, identity, args, now=ctx.clock(),
                                                       names=ctx.names, home=ctx.settings.home,
                                                       showing=Showing.of(ctx)))


TOOL = Tool("next_followup", "When to follow up next with a contact (by e-mail or name) or an account; the times "
            "come worded for the user (recommended_when, when, baseline_when) beside ISO 8601.", FollowupArgs,
            FollowupAdvice, _run,
            doing="working out when to follow up")

__all__ = ["METHOD", "TOOL", "FollowupAdvice", "FollowupArgs", "Timing", "advice", "fingerprint", "next_followup"]
