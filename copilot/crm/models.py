"""SQLAlchemy models of the CRM.

Every record keeps ``source`` (``file:line`` of the row it came from) so any figure the copilot
states can be traced back to the input it was computed from. Times of activities are stored in
UTC with the writer's UTC offset beside them, so the local time of the contact can be rebuilt on
every database (SQLite has no time-zone-aware timestamps).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Stable constraint names make migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Role = Literal["rep", "manager", "ops"]
Stage = Literal["Prospecting", "Engaging", "Won", "Lost"]
ActivityType = Literal["email", "call", "meeting", "note"]
Direction = Literal["outbound", "inbound"]
Tier = Literal["key", "standard"]
NoteKind = Literal["note", "call_summary", "email"]

ROLES: tuple[str, ...] = ("rep", "manager", "ops")
STAGES: tuple[str, ...] = ("Prospecting", "Engaging", "Won", "Lost")
OPEN_STAGES: tuple[str, ...] = ("Prospecting", "Engaging")
ACTIVITY_TYPES: tuple[str, ...] = ("email", "call", "meeting", "note")
DIRECTIONS: tuple[str, ...] = ("outbound", "inbound")
TIERS: tuple[str, ...] = ("key", "standard")
NOTE_KINDS: tuple[str, ...] = ("note", "call_summary", "email")

MONEY = Numeric(14, 2)


def _in(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{v}'" for v in values)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ImportRun(Base):
    """One execution of an importer; rows it wrote point back to it."""

    __tablename__ = "import_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(Text)
    started_at: Mapped[dt.datetime] = mapped_column(DateTime)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    report: Mapped[dict | None] = mapped_column(JSON)


class User(Base):
    """A person who uses the copilot: a rep, a manager, or sales-ops (sees everything)."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(f"role IN ({_in(ROLES)})", name="role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(10))
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    regional_office: Mapped[str | None] = mapped_column(String(100), index=True)
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    slack_user_id: Mapped[str | None] = mapped_column(String(40), unique=True)
    timezone: Mapped[str | None] = mapped_column(String(64))
    """The person's IANA time zone ("Europe/Berlin"): from ``sales_teams.csv``, ``copilot users set`` or their
    Slack profile; follow-up times are worded in it ("10:00 yours")."""
    source: Mapped[str | None] = mapped_column(Text)

    manager: Mapped[User | None] = relationship(remote_side=[id])


class Product(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    series: Mapped[str | None] = mapped_column(String(100))
    list_price: Mapped[Decimal | None] = mapped_column(MONEY)
    source: Mapped[str | None] = mapped_column(Text)


class Account(Base):
    """A customer company. ``revenue_musd`` is annual revenue in millions of US dollars."""

    __tablename__ = "accounts"
    __table_args__ = (CheckConstraint(f"tier IN ({_in(TIERS)})", name="tier"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    sector: Mapped[str | None] = mapped_column(String(100), index=True)
    year_established: Mapped[int | None] = mapped_column(Integer)
    revenue_musd: Mapped[Decimal | None] = mapped_column(MONEY)
    employees: Mapped[int | None] = mapped_column(Integer)
    office_location: Mapped[str | None] = mapped_column(String(100))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    tier: Mapped[str] = mapped_column(String(10), default="standard", server_default="standard")
    source: Mapped[str | None] = mapped_column(Text)

    parent: Mapped[Account | None] = relationship(remote_side=[id])


class Contact(Base):
    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(String(200))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    timezone: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str | None] = mapped_column(Text)


class Opportunity(Base):
    """A deal. ``close_value`` is what was booked (0 for a lost deal, empty while open)."""

    __tablename__ = "opportunities"
    __table_args__ = (
        CheckConstraint(f"stage IN ({_in(STAGES)})", name="stage"),
        Index("ix_opportunities_user_stage", "user_id", "stage"),
        Index("ix_opportunities_stage_close", "stage", "close_date"),
        Index("ix_opportunities_account_stage", "account_id", "stage"),
        Index("ix_opportunities_product_stage", "product_id", "stage"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    stage: Mapped[str] = mapped_column(String(20))
    engage_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    close_date: Mapped[dt.date | None] = mapped_column(Date)
    close_value: Mapped[Decimal | None] = mapped_column(MONEY)
    source: Mapped[str | None] = mapped_column(Text)


class Activity(Base):
    """A touch in the canonical activity format (see ``connectors/activities.py``)."""

    __tablename__ = "activities"
    __table_args__ = (
        CheckConstraint(f"type IN ({_in(ACTIVITY_TYPES)})", name="type"),
        CheckConstraint(f"direction IN ({_in(DIRECTIONS)})", name="direction"),
        Index("ix_activities_contact_time", "contact_id", "occurred_at"),
        Index("ix_activities_account_time", "account_id", "occurred_at"),
        Index("ix_activities_user_time", "user_id", "occurred_at"),
        Index("ix_activities_opportunity", "opportunity_id"),
        Index("ix_activities_in_reply_to", "in_reply_to"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    occurred_at: Mapped[dt.datetime] = mapped_column(DateTime, doc="UTC, naive")
    utc_offset_min: Mapped[int] = mapped_column(SmallInteger, doc="offset the row was written with")
    type: Mapped[str] = mapped_column(String(10))
    direction: Mapped[str] = mapped_column(String(10))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    opportunity_id: Mapped[str | None] = mapped_column(ForeignKey("opportunities.id"))
    subject: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str | None] = mapped_column(Text)
    in_reply_to: Mapped[str | None] = mapped_column(String(64))
    import_run_id: Mapped[int | None] = mapped_column(ForeignKey("import_runs.id"))
    source: Mapped[str | None] = mapped_column(Text)


class DealNote(Base):
    """Free text about a deal: notes, call summaries and e-mails. Untrusted customer text."""

    __tablename__ = "deal_notes"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_in(NOTE_KINDS)})", name="kind"),
        Index("ix_deal_notes_opportunity", "opportunity_id", "written_at"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    opportunity_id: Mapped[str] = mapped_column(ForeignKey("opportunities.id"))
    kind: Mapped[str] = mapped_column(String(20))
    written_at: Mapped[dt.datetime] = mapped_column(DateTime, doc="UTC, naive")
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    title: Mapped[str | None] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)


class DataCorrection(Base):
    """A value an importer corrected (alias, typo), with the original kept."""

    __tablename__ = "data_corrections"
    __table_args__ = (UniqueConstraint("entity", "record_key", "field", name="uq_data_corrections_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(40))
    record_key: Mapped[str] = mapped_column(String(200))
    field: Mapped[str] = mapped_column(String(60))
    original: Mapped[str] = mapped_column(Text)
    corrected: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)


ACTION_STATUSES: tuple[str, ...] = ("pending", "approved", "rejected", "expired", "superseded", "sent_back",
                                    "executed", "failed")
OUTBOX_STATUSES: tuple[str, ...] = ("queued", "sending", "sent", "unknown", "failed")


class Action(Base):
    """A side effect the copilot was asked to perform: the request as prepared, its review, its single execution.

    ``args_hash`` is the SHA-256 of the exact arguments; an approval records the hash it approved
    (``approved_hash``) and execution refuses arguments that do not match it.
    """

    __tablename__ = "actions"
    __table_args__ = (
        CheckConstraint(f"status IN ({_in(ACTION_STATUSES)})", name="status"),
        Index("ix_actions_thread_hash", "thread_id", "args_hash"),
        Index("ix_actions_status_requested", "status", "requested_by"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    tool: Mapped[str] = mapped_column(String(40))
    args: Mapped[dict] = mapped_column(JSON)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    requested_by: Mapped[int] = mapped_column(ForeignKey("users.id"))
    decided_by: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    executed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    result: Mapped[dict | None] = mapped_column(JSON)
    thread_id: Mapped[str | None] = mapped_column(String(64))
    args_hash: Mapped[str | None] = mapped_column(String(64))
    summary: Mapped[str | None] = mapped_column(Text)
    reasons: Mapped[list | None] = mapped_column(JSON, doc="why review is needed; empty: none")
    facts: Mapped[dict | None] = mapped_column(JSON, doc="what bears on the decision, as prepared")
    allowed_decisions: Mapped[list | None] = mapped_column(JSON)
    expires_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    decision_reason: Mapped[str | None] = mapped_column(Text)
    approved_hash: Mapped[str | None] = mapped_column(String(64))
    replaces: Mapped[str | None] = mapped_column(String(64), doc="the request this one edits")
    edits: Mapped[dict | None] = mapped_column(JSON, doc="field -> [before, after], for an edited request")
    notified_at: Mapped[dt.datetime | None] = mapped_column(DateTime, doc="when the requester saw the outcome")


class AuditEvent(Base):
    """Append-only record of every request, decision, execution and tier change: who, when, what.

    The database refuses UPDATE and DELETE on this table (triggers created by the migration).
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_action", "action_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, doc="UTC, naive")
    actor: Mapped[str] = mapped_column(String(200), doc="the authenticated user's name")
    actor_id: Mapped[int | None] = mapped_column(Integer)
    event: Mapped[str] = mapped_column(String(40))
    action_id: Mapped[str | None] = mapped_column(String(64))
    account_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict | None] = mapped_column(JSON)


class OutboxMessage(Base):
    """An e-mail to send, written in the same transaction as its CRM activity; delivered afterwards.

    ``sending`` is written before the SMTP hand-off: a row left in ``sending`` by a process that died
    is marked ``unknown`` for a person to check, and is never sent again automatically.
    """

    __tablename__ = "outbox"
    __table_args__ = (CheckConstraint(f"status IN ({_in(OUTBOX_STATUSES)})", name="status"),
                      Index("ix_outbox_status", "status"))

    id: Mapped[str] = mapped_column(String(64), primary_key=True, doc="the action id")
    message_id: Mapped[str] = mapped_column(String(255), unique=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    sender: Mapped[str] = mapped_column(String(320))
    to_addr: Mapped[str] = mapped_column(String(320))
    cc_addr: Mapped[str | None] = mapped_column(String(320))
    subject: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    attempted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    claimed_by: Mapped[str | None] = mapped_column(String(200), doc="host:pid of the process handing it to SMTP")
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    error: Mapped[str | None] = mapped_column(Text)


class Task(Base):
    """A follow-up a rep scheduled."""

    __tablename__ = "tasks"
    __table_args__ = (Index("ix_tasks_user_due", "user_id", "due_at"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    due_at: Mapped[dt.datetime] = mapped_column(DateTime, doc="UTC, naive")
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    action_id: Mapped[str | None] = mapped_column(ForeignKey("actions.id"))


class SlackEvent(Base):
    """A Slack event (or interaction) already taken in: Slack's retries and a second app process skip it."""

    __tablename__ = "slack_events"

    id: Mapped[str] = mapped_column(String(120), primary_key=True, doc="Slack's event id, or a key of the interaction")
    received_at: Mapped[dt.datetime] = mapped_column(DateTime, doc="UTC, naive")


class ConversationLock(Base):
    """Who is answering in a conversation right now: one turn at a time per thread, across processes. A lock
    whose holder died is taken over once it expires."""

    __tablename__ = "conversation_locks"

    id: Mapped[str] = mapped_column(String(64), primary_key=True, doc="the conversation's thread id")
    holder: Mapped[str] = mapped_column(String(120), doc="host, process and turn holding it")
    expires_at: Mapped[dt.datetime] = mapped_column(DateTime, doc="UTC, naive; after this another turn may take it")


EXPOSURE_KINDS: tuple[str, ...] = ("followup_time", "talk_track", "draft")
EXPERIMENT_UNITS: tuple[str, ...] = ("rep", "account", "contact", "conversation")


class Exposure(Base):
    """One showing of an experiment's variant: the suggestion a rep saw, to whom it was about, and when.

    ``deals`` keeps the stage of each of the subject account's open deals at that moment (deal id -> stage), so
    a later stage advance can be told from where the deal already was."""

    __tablename__ = "experiment_exposures"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_in(EXPOSURE_KINDS)})", name="kind"),
        CheckConstraint(f"unit IN ({_in(EXPERIMENT_UNITS)})", name="unit"),
        Index("ix_experiment_exposures_unit", "experiment", "unit_id", "shown_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    experiment: Mapped[str] = mapped_column(String(64))
    variant: Mapped[str] = mapped_column(String(64))
    unit: Mapped[str] = mapped_column(String(20), doc="what was randomised: rep, account, contact or conversation")
    unit_id: Mapped[str] = mapped_column(String(320), doc="its id: an e-mail, a name or a thread id")
    kind: Mapped[str] = mapped_column(String(20), doc="the suggestion shown: followup_time, talk_track or draft")
    shown_at: Mapped[dt.datetime] = mapped_column(DateTime, doc="UTC, naive")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), doc="the rep who saw it")
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    deals: Mapped[dict | None] = mapped_column(JSON, doc="the account's open deals then: id -> stage")
    thread_id: Mapped[str | None] = mapped_column(String(64))
    shown: Mapped[dict | None] = mapped_column(JSON, doc="what was shown, e.g. the suggested moment")
