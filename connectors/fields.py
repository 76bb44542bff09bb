"""Parsing and checking of single field values. Each parser raises ``ValueError`` with a reason a
person can act on; the importers turn it into a reject at ``file:line``."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from rapidfuzz import fuzz, process, utils

from copilot.crm.values import EMAIL, parse_email, parse_timezone  # noqa: F401 - re-exported for the importers



def parse_date(value: str, column: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{column} {value!r} is not a date (expected YYYY-MM-DD)") from None


def parse_timestamp(value: str, column: str) -> tuple[dt.datetime, int]:
    """An ISO 8601 timestamp with a UTC offset -> (naive UTC datetime, offset in minutes)."""
    if not value:
        raise ValueError(f"{column} is empty")
    try:
        stamp = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{column} {value!r} is not an ISO 8601 timestamp") from None
    offset = stamp.utcoffset()
    if offset is None:
        raise ValueError(f"{column} {value!r} has no UTC offset (e.g. 2017-03-01T10:15:00-05:00)")
    try:
        utc = (stamp - offset).replace(tzinfo=None)
    except OverflowError:
        raise ValueError(f"{column} {value!r} is out of range: in UTC it falls outside the years 1 to 9999") from None
    return utc, int(offset.total_seconds() // 60)


def parse_decimal(value: str, column: str, *, minimum: Decimal | None = Decimal(0)) -> Decimal | None:
    """A number rounded to cents (as stored); see :func:`parse_money` to learn whether it was rounded."""
    return parse_money(value, column, minimum=minimum)[0]


def parse_money(value: str, column: str, *, minimum: Decimal | None = Decimal(0)) -> tuple[Decimal | None, bool]:
    """An amount -> (the amount rounded to cents, True when rounding changed it, e.g. 10.005 -> 10.00).

    Commas as thousands separators are accepted; rounding is half-even (banker's rounding).
    """
    if not value:
        return None, False
    try:
        number = Decimal(value.replace(",", ""))
    except InvalidOperation:
        raise ValueError(f"{column} {value!r} is not a number") from None
    if not number.is_finite():
        raise ValueError(f"{column} {value!r} is not a finite number")
    if minimum is not None and number < minimum:
        raise ValueError(f"{column} {value!r} is below {minimum}")
    # Checked without arithmetic (1e1000000 must not overflow), and again once rounded (999999999999.999).
    if number and number.adjusted() >= 12:
        raise ValueError(f"{column} {value!r} is out of range")
    cents = number.quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
    if cents and cents.adjusted() >= 12:
        raise ValueError(f"{column} {value!r} is out of range")
    return cents, cents != number


def parse_int(value: str, column: str, *, minimum: int = 0, maximum: int = 10**9) -> int | None:
    if not value:
        return None
    try:
        number = int(value)
    except ValueError:
        raise ValueError(f"{column} {value!r} is not a whole number") from None
    if not minimum <= number <= maximum:
        raise ValueError(f"{column} {value!r} is outside {minimum}..{maximum}")
    return number




def check_text(value: str, column: str, limit: int) -> str | None:
    """Free text from outside the company: stored as-is, but bounded and free of NUL bytes."""
    if not value:
        return None
    if "\x00" in value:
        raise ValueError(f"{column} contains a NUL character")
    if len(value) > limit:
        raise ValueError(f"{column} is {len(value):,} characters, over the limit of {limit:,}")
    return value


LINE_BREAK = re.compile(r"[\s\u2028\u2029\x85]*[\r\n\v\f\u2028\u2029\x85][\s\u2028\u2029\x85]*")
"""a line break of any kind, with the blanks around it"""


def check_line(value: str, column: str, limit: int) -> tuple[str | None, bool]:
    """Text from outside that is shown on one line (a contact's name or title) as ``check_text`` checks it, each
    line break (and the blanks around it) made one space so that it cannot start a line of its own in an answer or
    a card; and whether one was."""
    text = check_text(value, column, limit)
    if text is None:
        return None, False
    one = LINE_BREAK.sub(" ", text).strip()
    return one or None, one != text.strip()


def check_key(value: str, column: str, limit: int = 64) -> str:
    if not value:
        raise ValueError(f"{column} is empty")
    if len(value) > limit or "\x00" in value:
        raise ValueError(f"{column} {value[:40]!r}... is not a valid id (at most {limit} characters)")
    return value


def suggest(value: str, choices, cutoff: float = 80) -> str | None:  # noqa: ANN001 - any iterable of str
    """The closest known name, for a 'did you mean' hint (never applied silently)."""
    match = process.extractOne(value, list(choices), scorer=fuzz.WRatio, processor=utils.default_process,
                               score_cutoff=cutoff)
    return match[0] if match else None


def unknown(kind: str, value: str, choices) -> ValueError:  # noqa: ANN001
    shown = value if len(value) <= 80 else value[:77] + "..."
    hint = suggest(value[:200], choices)
    return ValueError(f"unknown {kind} {shown!r}" + (f"; did you mean {hint!r}?" if hint else ""))
