"""Importer for deal notes: free text about a deal (notes, call summaries, e-mails).

``deal_notes.csv``: note_id, opportunity_id, written_at (ISO 8601 with offset), kind
(``note``, ``call_summary`` or ``email``), author (a user's name, may be empty), title, body.
The text is untrusted: it is stored as written, bounded in size, and never interpreted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select

from connectors.fields import check_key, check_text, parse_timestamp, unknown
from connectors.report import ImportReport
from connectors.run import import_transaction
from connectors.upsert import id_map, write
from copilot.crm.models import NOTE_KINDS, DealNote, Opportunity, User

NOTE_COLUMNS = ("note_id", "opportunity_id", "written_at", "kind", "author", "title", "body")


def import_notes(engine: Engine, path: Path, *, allow_rejects: bool = False, batch_size: int = 2000,
                 max_text_chars: int = 100_000) -> ImportReport:
    path = Path(path)
    report = ImportReport("deal notes", [str(path)])
    with import_transaction(engine, report, allow_rejects=allow_rejects) as conn:
        users = id_map(conn, User.__table__)
        deals = set(conn.scalars(select(Opportunity.__table__.c.id)))
        stats = report.stats(path.name)
        seen: dict[str, str] = {}
        batch: list[dict[str, Any]] = []
        for row in report.rows(path, NOTE_COLUMNS):
            v = row.values
            try:
                note_id = check_key(v["note_id"], "note_id")
                if note_id in seen:
                    raise ValueError(f"duplicate note_id {note_id!r} (first at {seen[note_id]})")
                if v["opportunity_id"] not in deals:
                    raise unknown("opportunity_id", v["opportunity_id"], ())
                kind = v["kind"].lower()
                if kind not in NOTE_KINDS:
                    raise ValueError(f"kind {v['kind']!r} is not one of: {', '.join(NOTE_KINDS)}")
                if v["author"] and v["author"] not in users:
                    raise unknown("author", v["author"], users)
                written, _ = parse_timestamp(v["written_at"], "written_at")
                title = check_text(v["title"], "title", max_text_chars)
                body = check_text(v["body"], "body", max_text_chars)
                if body is None:
                    raise ValueError("body is empty")
            except ValueError as exc:
                report.reject(row.where, str(exc))
                continue
            seen[note_id] = row.where
            batch.append({"id": note_id, "opportunity_id": v["opportunity_id"], "kind": kind,
                          "written_at": written, "author_id": users.get(v["author"]),
                          "title": title, "body": body, "source": row.where})
            if len(batch) >= batch_size:
                write(conn, DealNote.__table__, "id", batch, stats, compare=_COMPARE, batch_size=batch_size)
                batch = []
        write(conn, DealNote.__table__, "id", batch, stats, compare=_COMPARE, batch_size=batch_size)
    return report


_COMPARE = ["opportunity_id", "kind", "written_at", "author_id", "title", "body"]
