"""``copilot followup --batch``: JSON lines in, one JSON line out per input line, in order."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Callable, Iterable
from typing import Any

from copilot.crm.errors import ToolError

MAX_LINE_CHARS = 10_000
EARLIEST, LATEST = 1970, 2999
"""the years a moment asked about may fall in: the recommender counts days on from it"""


def parse_now(value: str | None, where: str = "--now") -> dt.datetime:
    """An ISO 8601 moment; one without a UTC offset is taken as UTC. None means the current time."""
    if value is None:
        return dt.datetime.now(dt.UTC)
    try:
        if not isinstance(value, str):
            raise TypeError
        moment = dt.datetime.fromisoformat(value.strip())
    except (TypeError, ValueError):
        raise ValueError(f"{where}: {str(value)[:60]!r} is not an ISO 8601 time (e.g. 2026-11-20T09:30:00-05:00)"
                         ) from None
    if not EARLIEST <= moment.year <= LATEST:
        raise ValueError(f"{where}: {value.strip()[:60]!r} is not between the years {EARLIEST} and {LATEST}")
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _no_constant(name: str) -> float:
    raise ValueError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text[:20]} is too large a number")
    return value


def batch_line(timing: Any, line: str, number: int) -> dict[str, Any]:
    where = f"line {number}"
    if len(line) > MAX_LINE_CHARS:
        return {"id": None, "error": f"{where}: longer than {MAX_LINE_CHARS:,} characters"}
    try:
        item = json.loads(line, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        return {"id": None, "error": f"{where}: not JSON ({exc.msg})"}
    except RecursionError:
        return {"id": None, "error": f"{where}: nested too deeply to read"}
    except ValueError as exc:  # a number of thousands of digits, NaN, Infinity
        return {"id": None, "error": f"{where}: not JSON ({str(exc)[:80]})"}
    if not isinstance(item, dict):
        return {"id": None, "error": f"{where}: expected a JSON object"}
    ident = item.get("id")
    try:
        email = item.get("contact_email")
        if not isinstance(email, str) or not email.strip():
            raise ValueError(f"{where}: contact_email is missing")
        now = parse_now(item["now"], f"{where}: now") if item.get("now") is not None else parse_now(None)
        rec = timing.recommend(email, now)
    except (ValueError, ToolError) as exc:
        return {"id": ident, "error": str(exc)}
    return {"id": ident, "recommended_at": rec.best.at.isoformat(timespec="seconds"),
            "p_reply": round(rec.best.p_reply, 4), "baseline_p_reply": round(rec.baseline.p_reply, 4),
            "alternatives": [{"recommended_at": a.at.isoformat(timespec="seconds"), "p_reply": round(a.p_reply, 4)}
                             for a in rec.alternatives],
            "reason": rec.reason, "notes": rec.notes}


def run_batch(timing: Any, lines: Iterable[str], write: Callable[[str], None]) -> int:
    """Answer every non-blank line; returns how many could not be answered (each gets an ``error``)."""
    failed = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        result = batch_line(timing, line, number)
        failed += "error" in result
        text = json.dumps(result, ensure_ascii=False)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate an id brought in through an escape: written escaped
            text = json.dumps(result)
        write(text)
    return failed
