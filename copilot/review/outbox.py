"""The outbox: approved e-mails are written here in the same transaction as their CRM activity, then
handed to SMTP.

Statuses: ``queued`` (written, not yet tried) -> ``sending`` (committed just before the hand-off) ->
``sent``. SMTP cannot be asked whether it received a message, so a row a dead process left in
``sending`` becomes ``unknown`` for a person to check (``copilot outbox resolve``) and is never sent
again automatically: a duplicate e-mail to a customer is worse than a late one. A server that could not
be reached at all leaves the row ``queued`` (nothing was handed off); a refusal makes it ``failed``.
Every message carries a Message-ID derived from its action id.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import smtplib
import socket
import threading
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as email_policy
from email.utils import make_msgid
from typing import Any

import psutil
from sqlalchemy import Connection, Engine, select

from copilot.crm.audit import record
from copilot.crm.errors import ToolInputError
from copilot.crm.models import OutboxMessage
from copilot.crm.values import plain_address, reads_as_written
from copilot.settings import Settings

log = logging.getLogger(__name__)
STALE_AFTER = dt.timedelta(minutes=10)
"""A ``sending`` row older than this is given up as unknown even if its process cannot be checked."""


def _me() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def written(*, sender: str, to: str, cc: str | None, subject: str, body: str, message_id: str,
            action_id: str) -> EmailMessage:
    """The message to hand to SMTP, exactly as approved; ValueError when any part would reach the mail server
    otherwise (an address read as another, a subject read as more headers)."""
    addresses = [to, *[a.strip() for a in (cc or "").split(",") if a.strip()]]
    bad = [a for a in addresses if not plain_address(a)]
    if bad:
        raise ValueError(f"{bad[0][:80]!r} is not an address the mail server would read as written")
    if not reads_as_written("subject", subject):
        raise ValueError("the subject would not reach the recipient as written (it holds an encoded word, =?...?=)")
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    if cc:
        message["Cc"] = cc
    message["Subject"] = subject
    message["Message-ID"] = message_id
    message["X-Copilot-Action"] = action_id
    message.set_content(body)
    # what goes over the wire, read back: the same headers, recipients and subject, nothing added
    back = message_from_bytes(message.as_bytes(), policy=email_policy)
    names = [k.lower() for k in back.keys()]
    expected = ["from", "to", *(["cc"] if cc else []), "subject", "message-id", "x-copilot-action", "content-type",
                "content-transfer-encoding", "mime-version"]
    recipients = [a.addr_spec for h in ("To", "Cc") for a in (back[h].addresses if back[h] is not None else ())]
    # (a long word is folded onto a line of its own: the subject may read back with a space more, never a word more)
    if sorted(names) != sorted(expected) or recipients != addresses or \
            str(back["Subject"]).split() != subject.split():
        raise ValueError("the message would not reach the mail server as written")
    return message


def message_id(action_id: str, sender: str) -> str:
    domain = sender.rsplit("@", 1)[-1] if "@" in sender else "copilot.local"
    return f"<{action_id}@{domain}>"


def enqueue(conn: Connection, settings: Settings, action_id: str, *, account_id: int | None, to: str, subject: str,
            body: str, now: dt.datetime, cc: str | None = None) -> None:
    """Write the message to send, in the caller's transaction (the one that records the CRM activity)."""
    conn.execute(OutboxMessage.__table__.insert().values(
        id=action_id, message_id=message_id(action_id, settings.smtp_from), account_id=account_id,
        sender=settings.smtp_from, to_addr=to, cc_addr=cc, subject=subject, body=body, status="queued",
        created_at=now, attempts=0))


def _set(engine: Engine, action_id: str, now: dt.datetime, event: str, **values: Any) -> None:
    table = OutboxMessage.__table__
    with engine.begin() as conn:
        conn.execute(table.update().where(table.c.id == action_id).values(**values))
        record(conn, actor="outbox", actor_id=None, event=event, action_id=action_id,
               detail={k: v for k, v in values.items() if k in ("status", "error")}, at=now)


def recover(engine: Engine, *, now: dt.datetime) -> list[str]:
    """Mark as ``unknown`` every message whose hand-off was started by a process that is gone."""
    table = OutboxMessage.__table__
    host = socket.gethostname()
    with engine.connect() as conn:
        rows = conn.execute(select(table.c.id, table.c.claimed_by, table.c.attempted_at)
                            .where(table.c.status == "sending")).all()
    lost = []
    for row in rows:
        claimer_host, _, pid = (row.claimed_by or "").rpartition(":")
        dead = claimer_host == host and pid.isdigit() and not psutil.pid_exists(int(pid))
        if dead or row.attempted_at is None or now - row.attempted_at > STALE_AFTER:
            lost.append(row.id)
    for action_id in lost:
        with engine.begin() as conn:
            changed = conn.execute(table.update().where(table.c.id == action_id, table.c.status == "sending")
                                   .values(status="unknown", error="the sending process stopped during the hand-off "
                                           "to the mail server; check whether the message arrived")).rowcount
            if changed:
                record(conn, actor="outbox", actor_id=None, event="email_unknown", action_id=action_id, at=now)
    return lost


def deliver(engine: Engine, settings: Settings, action_id: str, *, now: dt.datetime) -> dict[str, str]:
    """Hand one queued message to SMTP, at most once. Returns its status and a sentence for the rep."""
    table = OutboxMessage.__table__
    recover(engine, now=now)
    with engine.connect() as conn:
        row = conn.execute(select(table).where(table.c.id == action_id)).first()
    if row is None:
        raise ToolInputError(f"no outbox message {action_id[:64]!r}")
    if row.status != "queued":
        return {"status": row.status, "message": f"The e-mail to {row.to_addr} is {row.status}; not sent again."}
    if not settings.smtp_host:
        _set(engine, action_id, now, "email_queued", status="queued", error="no SMTP server configured")
        return {"status": "queued", "message": f"The e-mail to {row.to_addr} is queued: no SMTP server is configured."}
    try:  # built before the hand-off is claimed: a message that cannot be written is never half sent
        message = written(sender=row.sender, to=row.to_addr, cc=row.cc_addr, subject=row.subject, body=row.body,
                          message_id=row.message_id or make_msgid(), action_id=action_id)
    except (ValueError, TypeError) as exc:
        _set(engine, action_id, now, "email_failed", status="failed", error=f"the message cannot be written: {exc}")
        return {"status": "failed", "message": f"The e-mail to {row.to_addr} could not be written ({exc}); not sent."}
    with engine.begin() as conn:
        claimed = conn.execute(table.update().where(table.c.id == action_id, table.c.status == "queued")
                               .values(status="sending", claimed_by=_me(), attempted_at=now,
                                       attempts=table.c.attempts + 1)).rowcount
    if not claimed:
        return {"status": "sending", "message": f"The e-mail to {row.to_addr} is being sent by another process."}
    # smtp_timeout is the whole hand-off's limit, not each read's: a server that answers a byte at a time is cut off
    smtp = _SMTP(timeout=settings.smtp_timeout)
    watchdog = threading.Timer(settings.smtp_timeout, _cut, args=(smtp,))
    watchdog.daemon = True
    watchdog.start()
    try:
        try:
            smtp.connect(settings.smtp_host, settings.smtp_port)
        except (OSError, smtplib.SMTPException) as exc:  # nothing was handed off: safe to try again later
            smtp.close()
            _set(engine, action_id, now, "email_queued", status="queued",
                 error=f"mail server unreachable: {type(exc).__name__}")
            return {"status": "queued", "message": f"The e-mail to {row.to_addr} is queued: the mail server could "
                                                   "not be reached (sales-ops can retry with `copilot outbox send`)."}
        return _hand_off(engine, smtp, message, action_id, row.to_addr, now)
    finally:
        watchdog.cancel()


class _SMTP(smtplib.SMTP):
    """Knows whether the message itself was handed over: until DATA, an interrupted hand-off sent nothing."""

    data_started = False

    def data(self, msg: Any) -> tuple[int, bytes]:
        self.data_started = True
        return super().data(msg)


def _cut(smtp: smtplib.SMTP) -> None:
    """The hand-off's time is up: shut its socket, which ends any read or write waiting on it."""
    sock = getattr(smtp, "sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


def _hand_off(engine: Engine, smtp: _SMTP, message: EmailMessage, action_id: str, to_addr: str,
              now: dt.datetime) -> dict[str, str]:
    """Send on an open connection: sent, refused (failed), or interrupted (unknown: it may have arrived)."""
    try:
        with smtp:
            smtp.send_message(message)
    except (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPNotSupportedError) as exc:
        _set(engine, action_id, now, "email_failed", status="failed", error=f"refused by the mail server: {exc}")
        return {"status": "failed", "message": f"The mail server refused the e-mail to {to_addr}; it was not sent."}
    except (OSError, smtplib.SMTPException) as exc:
        if not smtp.data_started:  # stopped before the message went over: nothing was sent, try again later
            _set(engine, action_id, now, "email_queued", status="queued",
                 error=f"mail server stopped answering before the message was sent: {type(exc).__name__}")
            return {"status": "queued", "message": f"The e-mail to {to_addr} is queued: the mail server could not be "
                                                   "reached (sales-ops can retry with `copilot outbox send`)."}
        log.warning("outbox %s: hand-off interrupted (%s)", action_id, type(exc).__name__)
        _set(engine, action_id, now, "email_unknown", status="unknown",
             error=f"the hand-off was interrupted ({type(exc).__name__}); check whether the message arrived")
        return {"status": "unknown", "message": f"The e-mail to {to_addr} may or may not have been sent (the mail "
                                                "server stopped answering); sales-ops will check. It will not be "
                                                "sent again automatically."}
    _set(engine, action_id, now, "email_sent", status="sent", sent_at=now, error=None)
    return {"status": "sent", "message": f"Sent: the e-mail to {to_addr}."}


def send_queued(engine: Engine, settings: Settings, *, now: dt.datetime) -> list[dict[str, str]]:
    """Deliver every queued message (after giving up on interrupted hand-offs as unknown)."""
    table = OutboxMessage.__table__
    recover(engine, now=now)
    with engine.connect() as conn:
        ids = list(conn.scalars(select(table.c.id).where(table.c.status == "queued").order_by(table.c.created_at)))
    return [{"id": i, **deliver(engine, settings, i, now=now)} for i in ids]


def messages(engine: Engine, status: str | None = None) -> list[dict[str, Any]]:
    table = OutboxMessage.__table__
    query = select(table.c.id, table.c.status, table.c.to_addr, table.c.subject, table.c.created_at,
                   table.c.attempted_at, table.c.sent_at, table.c.error).order_by(table.c.created_at)
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(query if status is None else query.where(table.c.status == status))]


def resolve(engine: Engine, action_id: str, *, arrived: bool, by: Any, now: dt.datetime) -> None:
    """A person checked an ``unknown`` message: record whether it arrived (it is never re-sent)."""
    table = OutboxMessage.__table__
    with engine.begin() as conn:
        changed = conn.execute(table.update().where(table.c.id == action_id, table.c.status == "unknown")
                               .values(status="sent" if arrived else "failed",
                                       sent_at=now if arrived else None)).rowcount
        if not changed:
            raise ToolInputError(f"no outbox message {action_id[:64]!r} waiting to be checked")
        record(conn, actor=by.name, actor_id=by.user_id, event="email_resolved", action_id=action_id,
               detail={"arrived": arrived}, at=now)
