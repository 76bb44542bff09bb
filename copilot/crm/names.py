"""Resolving the names people type ("kan code", "darcel") to the names in the CRM."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import datetime as dt
import re

from rapidfuzz import fuzz, process, utils
from sqlalchemy import Engine, func, select

from copilot.crm.models import Account, Opportunity, Product, User
from copilot.crm.errors import ToolInputError

MAX_NAME = 200
AUTO_ACCEPT = 88  # a fuzzy score at or above this, clearly ahead of the runner-up, is taken as meant


def squash(value: str) -> str:
    """The comparison key for aliases: case, spaces and punctuation ignored (``GTXPro`` = ``GTX Pro``)."""
    return re.sub(r"[^0-9a-z]", "", value.casefold())


def suggest_text(value: str, choices: Iterable[str], limit: int = 3) -> str:
    found = process.extract(value[:MAX_NAME], list(choices), scorer=fuzz.WRatio, processor=utils.default_process,
                            limit=limit, score_cutoff=60)
    return f"; did you mean {', '.join(repr(f[0]) for f in found)}?" if found else ""


@dataclass
class NameMatch:
    kind: str
    typed: str
    name: str

    def note(self) -> str | None:
        return None if self.typed == self.name else f"{self.kind} {self.typed!r} read as {self.name!r}"


@dataclass
class Names:
    """The CRM's names by kind, loaded once per run."""

    by_kind: dict[str, list[str]] = field(default_factory=dict)
    dates: tuple[dt.date, dt.date] | None = None
    """the first and the last date of the CRM's deals (engaged or closed); None when it holds none"""
    manager_of: dict[str, str] = field(default_factory=dict)
    """each rep's manager, by name ("Darcel's team" is Melvin Marxen's)"""
    office_of: dict[str, str] = field(default_factory=dict)
    """each person's regional office, by name ("Darcel's office" is Central)"""

    @classmethod
    def load(cls, engine: Engine) -> Names:
        users = User.__table__
        with engine.connect() as conn:
            people = conn.execute(select(users.c.name, users.c.role)).all()
            office_of = {name: office for name, office in conn.execute(
                select(users.c.name, users.c.regional_office).where(users.c.regional_office.is_not(None)))}
            boss = users.alias("boss")
            manager_of = {rep: manager for rep, manager in conn.execute(
                select(users.c.name, boss.c.name).join(boss, users.c.manager_id == boss.c.id))}
            names = {
                "rep": [n for n, r in people if r == "rep"],
                "manager": [n for n, r in people if r == "manager"],
                "user": [n for n, r in people if r != "ops"],
                "account": list(conn.scalars(select(Account.__table__.c.name))),
                "product": list(conn.scalars(select(Product.__table__.c.name))),
                "regional_office": [o for o in conn.scalars(select(users.c.regional_office).distinct()) if o],
                "sector": [s for s in conn.scalars(select(Account.__table__.c.sector).distinct()) if s],
            }
            deals = Opportunity.__table__
            first, engaged, closed = conn.execute(select(func.min(deals.c.engage_date), func.max(deals.c.engage_date),
                                                         func.max(deals.c.close_date))).one()
        last = max((d for d in (engaged, closed) if d is not None), default=None)
        return cls(names, (first or last, last) if last is not None else None, manager_of, office_of)

    def resolve(self, kind: str, typed: str) -> NameMatch:
        """The one CRM name ``typed`` stands for, or a clear error with suggestions."""
        choices = self.by_kind.get(kind, [])
        text = typed.strip()
        if not text:
            raise ToolInputError(f"{kind} name is empty")
        if len(text) > MAX_NAME:
            raise ToolInputError(f"{kind} name is {len(text):,} characters long; at most {MAX_NAME}")
        if text in choices:
            return NameMatch(kind, typed, text)
        key = squash(text)
        same = [c for c in choices if squash(c) == key]
        if len(same) == 1:
            return NameMatch(kind, typed, same[0])
        found = process.extract(text, choices, scorer=fuzz.WRatio, processor=utils.default_process, limit=2)
        if found and found[0][1] >= AUTO_ACCEPT and (len(found) == 1 or found[0][1] - found[1][1] >= 5):
            return NameMatch(kind, typed, found[0][0])
        # a single word matching one person's first or last name ("darcel")
        if kind in ("rep", "manager", "user") and " " not in text:
            parts = [c for c in choices if text.casefold() in (p.casefold() for p in c.split())]
            if len(parts) == 1:
                return NameMatch(kind, typed, parts[0])
        raise ToolInputError(f"unknown {kind.replace('_', ' ')} {text[:80]!r}" + suggest_text(text, choices))
