"""Who is asking, and which deals that lets them see.

Scope is decided here, from the run's identity, and applied by every tool in code: a rep sees
their own deals, a manager their team's (and their own), sales-ops (``ops``) everything. Nothing a
model puts in a tool's arguments can widen it.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Connection, Engine, select, true

from copilot.crm.models import Activity, Opportunity, User
from copilot.crm.errors import ToolInputError
from copilot.crm.names import suggest_text


@dataclass(frozen=True)
class Identity:
    user_id: int
    name: str
    role: str
    team: frozenset[int]
    """Ids of users whose deals this identity may see; empty for ``ops`` (who sees everything)."""
    timezone: str | None = None
    """The person's own IANA time zone (their ``users.timezone``, else the workspace's ``COPILOT_TIMEZONE``);
    None when neither is known. Follow-up times are worded in it as well as in the contact's ("10:00 yours")."""

    @property
    def sees_everything(self) -> bool:
        return self.role == "ops"

    def may_see_user(self, user_id: int | None) -> bool:
        return self.sees_everything or (user_id is not None and user_id in self.team)

    def scope(self, owner: ColumnElement) -> ColumnElement[bool]:
        """The one scope rule, as a SQL condition on the column holding a record's owning user id.

        Every query over deals, activities or notes adds ``identity.scope(<its user id column>)``;
        this is the only place the rule is written.
        """
        if self.sees_everything:
            return true()
        return owner.in_(sorted(self.team))

    def describe(self) -> str:
        if self.sees_everything:
            return "all deals (sales-ops)"
        if self.role == "manager":
            return f"the deals of {self.name}'s team"
        return f"{self.name}'s own deals"


def identity_for(engine: Engine, name: str, *, default_timezone: str | None = None) -> Identity:
    """The identity of the user called ``name`` (a rep's or manager's name, or ``ops``); their time zone is
    their own when the users table has one, else ``default_timezone``."""
    users = User.__table__
    with engine.connect() as conn:
        rows = conn.execute(select(users.c.id, users.c.name, users.c.role, users.c.manager_id,
                                   users.c.timezone)).all()
    by_name = {r.name: r for r in rows}
    if name not in by_name:
        folded = {n.casefold(): n for n in by_name}
        if name.strip().casefold() in folded:
            name = folded[name.strip().casefold()]
        else:
            raise ToolInputError(f"unknown user {name[:80]!r}" + suggest_text(name, list(by_name)))
    me = by_name[name]
    if me.role == "ops":
        team: frozenset[int] = frozenset()
    elif me.role == "manager":
        team = frozenset({me.id} | {r.id for r in rows if r.manager_id == me.id})
    else:
        team = frozenset({me.id})
    return Identity(me.id, me.name, me.role, team, me.timezone or default_timezone or None)


def account_in_scope(conn: Connection, identity: Identity, account_id: int) -> bool:
    """Whether ``identity`` may see the account: one of its deals belongs to someone in scope or, on an account
    with no deals, one of the touches logged on it does (a touch on another rep's account, covering for them, does
    not open it). An account nobody works on is seen by sales-ops only."""
    if identity.sees_everything:
        return True
    team = sorted(identity.team)
    deal = conn.execute(select(Opportunity.id).where(Opportunity.account_id == account_id,
                                                     identity.scope(Opportunity.user_id)).limit(1)).first()
    if deal is not None:
        return True
    if conn.execute(select(Opportunity.id).where(Opportunity.account_id == account_id).limit(1)).first() is not None:
        return False
    touch = conn.execute(select(Activity.id).where(Activity.account_id == account_id,
                                                   Activity.user_id.in_(team)).limit(1)).first()
    return touch is not None


def identity_by_id(engine: Engine, user_id: int, *, default_timezone: str | None = None) -> Identity:
    """The identity of a user known by id (the requester of a stored action, for example)."""
    with engine.connect() as conn:
        name = conn.execute(select(User.name).where(User.id == user_id)).scalar()
    if name is None:
        raise ToolInputError(f"unknown user id {user_id}")
    return identity_for(engine, name, default_timezone=default_timezone)
