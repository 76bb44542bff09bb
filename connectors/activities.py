"""Importer for the canonical contact and activity files (format: ``../shared/data/README.md``).

``contacts.csv``: contact_email, name, title, account, timezone.
``activities.csv``: one row per touch; streamed in batches, so a file of millions of rows is
imported in bounded memory. A reply is an inbound row whose ``in_reply_to`` names an outbound row;
replies whose touch is unknown are reported as orphans (the touch may arrive in a later file).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Column, Connection, Engine, MetaData, String, Table, Text, func, insert, select

from connectors.csvsource import CsvRow
from connectors.fields import (
    check_key,
    check_line,
    check_text,
    parse_email,
    parse_timestamp,
    parse_timezone,
    unknown,
)
from connectors.report import ImportReport
from connectors.run import import_transaction
from connectors.upsert import id_map, upsert, write
from copilot.crm.models import ACTIVITY_TYPES, DIRECTIONS, Account, Activity, Contact, Opportunity, User

CONTACT_COLUMNS = ("contact_email", "name", "title", "account", "timezone")
ACTIVITY_COLUMNS = ("activity_id", "occurred_at", "type", "direction", "sales_agent", "account", "contact_email",
                    "opportunity_id", "subject", "body", "in_reply_to")
ACTIVITY_COMPARE = ["occurred_at", "utc_offset_min", "type", "direction", "user_id", "account_id", "contact_id",
                    "opportunity_id", "subject", "body", "in_reply_to"]
# The activity ids this run has read, with where (file:line): a temporary table, so duplicates across
# batches are found and replies checked in bounded memory, without writing to rows that did not change.
_SEEN = Table("import_seen_activities", MetaData(), Column("id", String(64), primary_key=True),
              Column("source", Text), prefixes=["TEMPORARY"])


def import_activities(engine: Engine, activities: Path | None, contacts: Path | None = None, *,
                      allow_rejects: bool = False, batch_size: int = 2000,
                      max_text_chars: int = 100_000) -> ImportReport:
    """Import contacts (first, if given) and activities in one transaction and report on it."""
    sources = [str(p) for p in (contacts, activities) if p is not None]
    report = ImportReport("activities", sources)
    with import_transaction(engine, report, allow_rejects=allow_rejects) as conn:
        if contacts is not None:
            _import_contacts(conn, Path(contacts), report, batch_size)
        if activities is not None:
            _ActivityImport(conn, report, batch_size, max_text_chars).run(Path(activities))
    return report


def _import_contacts(conn: Connection, path: Path, report: ImportReport, batch_size: int) -> None:
    accounts = id_map(conn, Account.__table__)
    out: dict[str, dict[str, Any]] = {}
    for row in report.rows(path, CONTACT_COLUMNS):
        v = row.values
        try:
            email = parse_email(v["contact_email"], "contact_email")
            if email in out:
                raise ValueError(f"duplicate contact_email {email!r} (first at {out[email]['source']})")
            if v["account"] and v["account"] not in accounts:
                raise unknown("account", v["account"], accounts)
            name, name_folded = check_line(v["name"], "name", 200)
            title, title_folded = check_line(v["title"], "title", 200)
            record = {
                "email": email,
                "name": name,
                "title": title,
                "account_id": accounts.get(v["account"]),
                "timezone": parse_timezone(v["timezone"], "timezone") if v["timezone"] else None,
                "source": row.where,
            }
        except ValueError as exc:
            report.reject(row.where, str(exc))
            continue
        for column, folded in (("name", name_folded), ("title", title_folded)):
            if folded:
                report.warn(f"contact's {column} held a line break; it is kept on one line", row.where)
        if not v["account"]:
            report.warn("contact has no account", row.where)
        if not v["timezone"]:
            report.warn("contact has no timezone", row.where)
        out[email] = record
    write(conn, Contact.__table__, "email", list(out.values()), report.stats(path.name),
          compare=["name", "title", "account_id", "timezone"], batch_size=batch_size)


class _ActivityImport:
    def __init__(self, conn: Connection, report: ImportReport, batch_size: int, max_text_chars: int) -> None:
        self.conn = conn
        self.report = report
        self.batch_size = batch_size
        self.max_text = max_text_chars
        self.users = id_map(conn, User.__table__)
        self.users.pop("ops", None)
        self.accounts = id_map(conn, Account.__table__)
        contacts = Contact.__table__
        self.contacts = {e: (i, a) for e, i, a in conn.execute(
            select(contacts.c.email, contacts.c.id, contacts.c.account_id))}
        self.deals = set(conn.scalars(select(Opportunity.__table__.c.id)))

    def run(self, path: Path) -> None:
        _SEEN.create(self.conn)  # dropped below; on an error, the rollback drops it
        stats = self.report.stats(path.name)
        batch: dict[str, dict[str, Any]] = {}
        for row in self.report.rows(path, ACTIVITY_COLUMNS):
            try:
                record = self._record(row)
                if record["id"] in batch:
                    first = batch[record["id"]]["source"]
                    raise ValueError(f"duplicate activity_id {record['id']!r} (first at {first})")
            except ValueError as exc:
                self.report.reject(row.where, str(exc))
                continue
            batch[record["id"]] = record
            if len(batch) >= self.batch_size:
                self._flush(batch, stats)
                batch = {}
        self._flush(batch, stats)
        self._check_replies()
        _SEEN.drop(self.conn)

    def _record(self, row: CsvRow) -> dict[str, Any]:
        v = row.values
        activity_id = check_key(v["activity_id"], "activity_id")
        occurred, offset = parse_timestamp(v["occurred_at"], "occurred_at")
        kind = v["type"].lower()
        if kind not in ACTIVITY_TYPES:
            raise ValueError(f"type {v['type']!r} is not one of: {', '.join(ACTIVITY_TYPES)}")
        direction = v["direction"].lower()
        if direction not in DIRECTIONS:
            raise ValueError(f"direction {v['direction']!r} is not one of: {', '.join(DIRECTIONS)}")
        if v["sales_agent"] not in self.users:
            raise unknown("sales_agent", v["sales_agent"], self.users)
        if v["account"] not in self.accounts:
            raise unknown("account", v["account"], self.accounts) if v["account"] else ValueError("account is empty")
        account_id = self.accounts[v["account"]]
        contact_id = None
        if v["contact_email"]:
            email = v["contact_email"].lower()
            if email not in self.contacts:
                raise ValueError(f"unknown contact_email {v['contact_email'][:80]!r} (not in the contacts file)")
            contact_id, contact_account = self.contacts[email]
            if contact_account is not None and contact_account != account_id:
                self.report.warn("contact belongs to another account than the activity", row.where)
        elif kind != "note":
            self.report.warn(f"{kind} without a contact_email", row.where)
        deal = v["opportunity_id"] or None
        if deal is not None and deal not in self.deals:
            raise unknown("opportunity_id", deal, ())
        in_reply_to = check_key(v["in_reply_to"], "in_reply_to") if v["in_reply_to"] else None
        if in_reply_to is not None and direction != "inbound":
            self.report.warn("outbound row has in_reply_to; a reply is inbound", row.where)
        return {
            "id": activity_id, "occurred_at": occurred, "utc_offset_min": offset, "type": kind,
            "direction": direction, "user_id": self.users[v["sales_agent"]], "account_id": account_id,
            "contact_id": contact_id, "opportunity_id": deal,
            "subject": check_text(v["subject"], "subject", self.max_text),
            "body": check_text(v["body"], "body", self.max_text),
            "in_reply_to": in_reply_to, "source": row.where, "import_run_id": self.report.run_id,
        }

    def _flush(self, batch: dict[str, dict[str, Any]], stats: Any) -> None:
        if not batch:
            return
        # An id this run already read in an earlier batch is a duplicate within the file (or files).
        firsts = self.conn.execute(select(_SEEN.c.id, _SEEN.c.source).where(_SEEN.c.id.in_(list(batch))))
        for key, first in firsts:
            record = batch.pop(key)
            self.report.reject(record["source"], f"duplicate activity_id {key!r} (first at {first})")
        if not batch:
            return
        self.conn.execute(insert(_SEEN), [{"id": r["id"], "source": r["source"]} for r in batch.values()])
        # Only new and changed rows are written (with this run and their new place in the file).
        result = upsert(self.conn, Activity.__table__, "id", list(batch.values()), compare=ACTIVITY_COMPARE,
                        always=["source", "import_run_id"])
        stats.inserted += result.inserted
        stats.updated += result.updated
        stats.unchanged += result.unchanged

    def _check_replies(self) -> None:
        """Warn about this run's replies whose touch is unknown, or is not outbound."""
        reply = Activity.__table__
        touch = Activity.__table__.alias("touch")
        replies = _SEEN.join(reply, reply.c.id == _SEEN.c.id)
        base = (reply.c.in_reply_to.is_not(None), reply.c.direction == "inbound")
        orphans = select(_SEEN.c.source).select_from(
            replies.outerjoin(touch, touch.c.id == reply.c.in_reply_to)).where(*base, touch.c.id.is_(None))
        self._warn_rows("reply's in_reply_to names no known activity (orphan)", orphans)
        not_outbound = select(_SEEN.c.source).select_from(
            replies.join(touch, touch.c.id == reply.c.in_reply_to)).where(*base, touch.c.direction != "outbound")
        self._warn_rows("reply's in_reply_to names an inbound activity", not_outbound)

    def _warn_rows(self, message: str, query: Any) -> None:
        count = self.conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        if not count:
            return
        for (source,) in self.conn.execute(query.limit(5)):
            self.report.warn(message, source)
        self.report.warnings[message].count = count
