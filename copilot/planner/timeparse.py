"""Periods people say ("Q2 2017", "March 2017", "last month", "this year") as date ranges."""

from __future__ import annotations

import calendar
import datetime as dt
import re

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _quarter(year: int, q: int) -> tuple[dt.date, dt.date]:
    start = dt.date(year, 3 * (q - 1) + 1, 1)
    end_month = 3 * q
    return start, dt.date(year, end_month, calendar.monthrange(year, end_month)[1])


def parse_period(text: str, today: dt.date) -> tuple[dt.date, dt.date, str] | None:
    """The first period named in ``text`` as (first day, last day, label), or None."""
    t = text.lower()
    if m := re.search(r"\bq([1-4])\s*(?:of\s*)?(\d{4})\b", t) or re.search(r"\b(\d{4})\s*q([1-4])\b", t):
        a, b = m.groups()
        q, y = (int(a), int(b)) if len(a) == 1 else (int(b), int(a))
        return (*_quarter(y, q), f"Q{q} {y}")
    if m := re.search(r"\b(first|second|third|fourth)\s+quarter\s+(?:of\s+)?(\d{4})\b", t):
        q = ["first", "second", "third", "fourth"].index(m.group(1)) + 1
        return (*_quarter(int(m.group(2)), q), f"Q{q} {m.group(2)}")
    month_names = "|".join(sorted(MONTHS, key=len, reverse=True))
    if m := re.search(rf"\b({month_names})\.?\s+(?:of\s+)?(\d{{4}})\b", t):
        month, year = MONTHS[m.group(1)], int(m.group(2))
        return (*_month(year, month), f"{calendar.month_name[month]} {year}")
    if m := re.search(r"\b(?:in|during|for|of)\s+(\d{4})\b", t) or re.search(r"\b(\d{4})\b(?!-)", t):
        year = int(m.group(1))
        if 1990 <= year <= 2100:
            return dt.date(year, 1, 1), dt.date(year, 12, 31), str(year)
    if re.search(r"\bthis year\b|\byear to date\b|\bytd\b", t):
        return dt.date(today.year, 1, 1), today, f"this year ({today.year})"
    if re.search(r"\blast year\b", t):
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31), f"last year ({today.year - 1})"
    if re.search(r"\bthis month\b", t):
        return dt.date(today.year, today.month, 1), today, f"this month ({calendar.month_name[today.month]})"
    if re.search(r"\blast month\b", t):
        first = dt.date(today.year, today.month, 1) - dt.timedelta(days=1)
        return (*_month(first.year, first.month), f"last month ({calendar.month_name[first.month]} {first.year})")
    q_now = (today.month - 1) // 3 + 1
    if re.search(r"\bthis quarter\b", t):
        return _quarter(today.year, q_now)[0], today, f"this quarter (Q{q_now} {today.year})"
    if re.search(r"\blast quarter\b", t):
        q, y = (q_now - 1, today.year) if q_now > 1 else (4, today.year - 1)
        return (*_quarter(y, q), f"last quarter (Q{q} {y})")
    if m := re.search(r"\b(?:last|past)\s+(\d{1,3})\s+days\b", t):
        return today - dt.timedelta(days=int(m.group(1))), today, f"the last {m.group(1)} days"
    return None
