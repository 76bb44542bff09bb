"""A deterministic generator of a realistic, synthetic B2B company in the importers' own formats.

``generate(out, deals=N, seed=S)`` writes the four Maven-format files (products, accounts, sales
teams, pipeline), ``contacts.csv`` and ``activities.csv`` in the canonical format, and
``deal_notes.csv``. The same seed always gives the same files. Everything written is synthetic
(e-mail domains end in ``.example``) and the folder carries a SYNTHETIC.txt saying so.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from copilot.demo import texts
from copilot.demo.replies import TouchContext, reply_probability, segment_of

ANCHOR = dt.datetime(2026, 11, 20, 18, 0, tzinfo=dt.UTC)
"""The demo company's 'now': nothing it records happens after this moment."""

PRODUCTS = [("Beacon Analytics", "Beacon", 12000), ("Beacon Analytics Pro", "Beacon", 28000),
            ("Harbor Backup", "Harbor", 6500), ("Harbor Backup Enterprise", "Harbor", 19500),
            ("Sentinel Security", "Sentinel", 15000), ("Sentinel Security Plus", "Sentinel", 36000),
            ("Relay Integration Hub", "Relay", 9000)]
OFFICES = {
    "Central": ("America/Chicago", ["United States"], ["America/Chicago", "America/Denver"]),
    "East": ("America/New_York", ["United States", "Canada"], ["America/New_York", "America/Toronto"]),
    "West": ("America/Los_Angeles", ["United States"], ["America/Los_Angeles", "America/Phoenix"]),
    "EMEA": ("Europe/London", ["United Kingdom", "Germany", "France", "Netherlands", "Kenya"],
             ["Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Amsterdam", "Africa/Nairobi"]),
    "APAC": ("Asia/Singapore", ["Singapore", "Japan", "Australia", "India"],
             ["Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata"]),
}
SECTORS = ["technology", "software", "medical", "healthcare", "retail", "marketing", "finance", "entertainment",
           "telecommunications", "services", "manufacturing", "logistics", "education", "energy"]
FIRST = ["Ava", "Liam", "Maya", "Noah", "Zara", "Omar", "Lena", "Ravi", "Iris", "Theo", "Nina", "Kofi", "Elena",
         "Hugo", "Priya", "Jonas", "Aiko", "Mateo", "Freya", "Samir", "Chloe", "Tariq", "Ingrid", "Diego",
         "Hana", "Felix", "Amara", "Lucas", "Sofia", "Yusuf", "Clara", "Arjun", "Mila", "Oscar", "Leila", "Emil"]
LAST = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Reyes", "Novak", "Haddad", "Fischer", "Costa", "Mensah",
        "Larsen", "Kowalski", "Brennan", "Duarte", "Nakamura", "Osei", "Petrov", "Sato", "Vidal", "Keller",
        "Abiodun", "Quinn", "Romero", "Sandoval", "Ferreira", "Holm", "Iyer", "Jansen", "Kaur", "Marchetti"]
SYLLABLES = ["Ar", "Bel", "Cor", "Dex", "El", "Fen", "Gal", "Hal", "Is", "Jor", "Kel", "Lum", "Mar", "Nor", "Ol",
             "Pra", "Quin", "Ros", "Sol", "Tor", "Ul", "Vex", "Wen", "Xan", "Yor", "Zel", "Bri", "Cal", "Dor",
             "Em", "Fal", "Gor", "Hel", "Ith", "Kor", "Lin"]
ENDINGS = ["ex", "ia", "on", "ara", "ix", "ora", "um", "ent", "is", "ava", "eon", "ite"]
SUFFIXES = ["Labs", "Health", "Group", "Systems", "Retail", "Logistics", "Partners", "Media", "Energy",
            "Holdings", "Networks", "Works"]
TITLES = ["CFO", "CTO", "VP Engineering", "IT Director", "Head of Security", "Procurement Manager",
          "Operations Manager", "CIO", "Data Platform Lead"]
OBJECTION_KEYS = list(texts.OBJECTIONS)
# Buyers who end up buying answer more; those who end up saying no go quiet: the health score learns this.
DEAL_MOOD = {"Won": 0.35, "Lost": -0.45}


@dataclass
class Rep:
    name: str
    manager: str
    office: str
    tz: ZoneInfo
    habit_hour: int
    habit_gap: int


@dataclass
class Account:
    name: str
    sector: str
    office: str
    country: str
    revenue: float
    employees: int
    year: int
    domain: str
    owner: Rep
    parent: str = ""
    tier: str = "standard"
    contacts: list[Contact] = field(default_factory=list)


@dataclass
class Contact:
    email: str
    name: str
    title: str
    tz: ZoneInfo
    effect: float


@dataclass
class Deal:
    id: str
    account: Account
    rep: Rep
    product: tuple[str, str, int]
    stage: str
    engage: dt.date | None
    close: dt.date | None
    value: int | None
    objection: str
    play: str
    play_won: bool
    contact: Contact


@dataclass
class DemoFiles:
    directory: Path
    deals: int
    activities: int
    notes: int


def generate(out: Path, *, deals: int = 2000, seed: int = 7, max_activities: int | None = None,
             notes: bool = True) -> DemoFiles:
    """Write the synthetic company to ``out`` (created if needed) and return what was written."""
    if not 1 <= deals <= 100_000:
        raise ValueError(f"deals must be between 1 and 100,000, not {deals:,}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    reps, accounts, pipeline = build_company(deals, seed)
    _write(out / "products.csv", ["product", "series", "sales_price"], PRODUCTS)
    _write(out / "sales_teams.csv", ["sales_agent", "manager", "regional_office", "timezone"],
           [(r.name, r.manager, r.office, r.tz.key) for r in reps])
    _write(out / "accounts.csv", ["account", "sector", "year_established", "revenue", "employees",
                                  "office_location", "subsidiary_of", "tier"],
           [(a.name, a.sector, a.year, f"{a.revenue:.2f}", a.employees, a.country, a.parent, a.tier)
            for a in accounts])
    _write(out / "sales_pipeline.csv", ["opportunity_id", "sales_agent", "product", "account", "deal_stage",
                                        "engage_date", "close_date", "close_value"],
           [(d.id, d.rep.name, d.product[0], d.account.name, d.stage, d.engage or "", d.close or "",
             "" if d.value is None else d.value) for d in pipeline])
    _write(out / "contacts.csv", ["contact_email", "name", "title", "account", "timezone"],
           [(c.email, c.name, c.title, a.name, c.tz.key) for a in accounts for c in a.contacts])
    n_activities = _write(out / "activities.csv",
                          ["activity_id", "occurred_at", "type", "direction", "sales_agent", "account",
                           "contact_email", "opportunity_id", "subject", "body", "in_reply_to"],
                          _activities(random.Random(seed + 1), pipeline, max_activities))
    n_notes = 0
    if notes:
        n_notes = _write(out / "deal_notes.csv",
                         ["note_id", "opportunity_id", "written_at", "kind", "author", "title", "body"],
                         _notes(random.Random(seed + 2), pipeline))
    (out / "SYNTHETIC.txt").write_text(
        f"Synthetic demo company generated with seed {seed} and {deals} deals. Every name, company,\n"
        "address and figure in this folder is invented; e-mail domains end in .example.\n",
        encoding="utf-8")
    return DemoFiles(out, deals, n_activities, n_notes)


def build_company(deals: int, seed: int) -> tuple[list[Rep], list[Account], list[Deal]]:
    """The company's people, accounts and deals (with each deal's true objection and play)."""
    rng = random.Random(seed)
    reps = _teams(rng)
    accounts = _accounts(rng, reps, max(40, min(deals // 10, 10_000)))
    return reps, accounts, [_deal(rng, i, accounts, reps) for i in range(deals)]


def _write(path: Path, header: list[str], rows) -> int:  # noqa: ANN001 - any iterable of rows
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _person(rng: random.Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        if name not in used:
            used.add(name)
            return name


def _teams(rng: random.Random) -> list[Rep]:
    used: set[str] = set()
    reps = []
    for office, (tz, _, _) in OFFICES.items():
        manager = _person(rng, used)
        for _ in range(6):
            reps.append(Rep(_person(rng, used), manager, office, ZoneInfo(tz), habit_hour=rng.choice([8, 9, 9, 10, 16]),
                            habit_gap=rng.choice([2, 3, 3, 4, 7])))
    return reps


def _accounts(rng: random.Random, reps: list[Rep], n: int) -> list[Account]:
    names: set[str] = set()
    accounts: list[Account] = []
    while len(accounts) < n:
        stem = rng.choice(SYLLABLES) + rng.choice(SYLLABLES).lower() + rng.choice(ENDINGS)
        suffix = rng.choice(SUFFIXES)
        name = f"{stem} {suffix}"
        if name in names:
            continue
        names.add(name)
        office = rng.choice(list(OFFICES))
        _, countries, zones = OFFICES[office]
        revenue = round(math.exp(rng.gauss(6.0, 1.3)), 2)
        owner = rng.choice([r for r in reps if r.office == office])
        account = Account(name, rng.choice(SECTORS), office, rng.choice(countries), revenue,
                          max(20, int(revenue * rng.uniform(1.5, 4.0))), rng.randint(1950, 2020),
                          f"{stem}{suffix}".lower() + ".example", owner)
        for _ in range(rng.randint(2, 4)):
            person = _person(rng, set())
            email = f"{person.lower().replace(' ', '.')}@{account.domain}"
            if any(c.email == email for c in account.contacts):
                continue
            account.contacts.append(Contact(email, person, rng.choice(TITLES), ZoneInfo(rng.choice(zones)),
                                            rng.gauss(0.0, 0.6)))
        accounts.append(account)
    by_revenue = sorted(accounts, key=lambda a: a.revenue, reverse=True)
    for a in by_revenue[: max(1, n // 10)]:
        a.tier = "key"
    for a in accounts:
        if rng.random() < 0.06:
            parent = rng.choice(by_revenue[: max(2, n // 5)])
            if parent is not a and not parent.parent:
                a.parent = parent.name
    return accounts


def _deal(rng: random.Random, i: int, accounts: list[Account], reps: list[Rep]) -> Deal:
    account = rng.choice(accounts)
    rep = account.owner if rng.random() < 0.8 else rng.choice([r for r in reps if r.office == account.office])
    product = rng.choice(PRODUCTS)
    objection = rng.choice(OBJECTION_KEYS)
    good = rng.random() < 0.55
    play = texts.pick(rng, texts.OBJECTIONS[objection]["won" if good else "lost"])
    today = ANCHOR.date()
    engage: dt.date | None = today - dt.timedelta(days=rng.randint(3, 720))
    cycle = int(min(240, max(7, rng.lognormvariate(math.log(55), 0.5))))
    close = value = None
    if rng.random() < 0.06:
        stage, engage = "Prospecting", None
    elif engage + dt.timedelta(days=cycle) >= today:
        stage = "Engaging"
    else:
        win = 0.12 + (0.68 if good else 0.0) + (0.05 if account.tier == "key" else 0.0)
        stage = "Won" if rng.random() < win else "Lost"
        close = engage + dt.timedelta(days=cycle)
        value = int(round(product[2] * rng.uniform(0.8, 1.05))) if stage == "Won" else 0
    return Deal(f"NB{i:06d}", account, rep, product, stage, engage, close, value, objection, play, good,
                rng.choice(account.contacts))


def _business_days(a: dt.date, b: dt.date) -> int:
    days = (b - a).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for k in range(rest):
        if (a + dt.timedelta(days=weeks * 7 + k + 1)).weekday() < 5:
            count += 1
    return count


def _activities(rng: random.Random, deals: list[Deal], limit: int | None) -> Iterator[tuple]:
    count = 0
    for deal in deals:
        if deal.engage is None:
            continue
        end = dt.datetime.combine(deal.close, dt.time(23, 0), deal.rep.tz) if deal.close else ANCHOR
        end = min(end, ANCHOR)
        for row in _deal_touches(rng, deal, end):
            yield row
            count += 1
            if limit is not None and count >= limit:
                return


def _deal_touches(rng: random.Random, deal: Deal, end: dt.datetime) -> Iterator[tuple]:
    rep, contact, account = deal.rep, deal.contact, deal.account
    segment = segment_of(account.sector)
    first = contact.name.split()[0]
    fill = {"first": first, "product": deal.product[0], "account": account.name, "sector": account.sector,
            "pain": texts.pick(rng, texts.PAINS.get(account.sector, ["manual reporting"])), "rep": rep.name.split()[0],
            "objection": texts.pick(rng, texts.OBJECTIONS[deal.objection]["said"])}
    fill["objection_cap"] = fill["objection"][0].upper() + fill["objection"][1:]
    day = deal.engage
    last: dt.datetime | None = None
    unanswered = 0
    for n in range(rng.randint(6, 20)):
        explore = rng.random() < 0.12
        if n:
            gap = rng.randint(1, 8) if explore else max(1, rep.habit_gap + rng.choice([-1, 0, 0, 1]))
            day = _add_business_days(day, gap)
        hour = rng.randint(7, 19) if explore else rep.habit_hour
        when = dt.datetime.combine(day, dt.time(hour, rng.randrange(0, 60, 5)), rep.tz)
        if when >= end:
            return
        channel = rng.choices(["email", "call", "meeting"], [0.75, 0.2, 0.05])[0]
        local = when.astimezone(contact.tz)
        gap_days = None if last is None else _business_days(last.astimezone(contact.tz).date(), local.date())
        p = reply_probability(TouchContext(segment, local.weekday(), local.hour, gap_days, unanswered, channel,
                                           contact.effect + DEAL_MOOD.get(deal.stage, 0.0)))
        touch_id = f"{deal.id}-T{n:02d}"
        yield (touch_id, when.isoformat(), channel, "outbound", rep.name, account.name, contact.email, deal.id,
               texts.pick(rng, texts.SUBJECTS_OUT).format(**fill), texts.pick(rng, texts.BODIES_OUT).format(**fill), "")
        last = when
        if rng.random() < p:
            unanswered = 0
            delay = dt.timedelta(minutes=int(60 * min(60.0, rng.lognormvariate(math.log(5), 0.9))))
            reply_at = when + delay
            if reply_at < end:
                yield (f"{deal.id}-R{n:02d}", reply_at.astimezone(contact.tz).isoformat(), "email", "inbound",
                       rep.name, account.name, contact.email, deal.id, "Re: follow-up",
                       texts.pick(rng, texts.REPLIES).format(**fill), touch_id)
        else:
            unanswered += 1


def _add_business_days(day: dt.date, n: int) -> dt.date:
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def _notes(rng: random.Random, deals: list[Deal]) -> Iterator[tuple]:
    for deal in deals:
        if deal.stage not in ("Won", "Lost"):
            continue
        a, c = deal.account, deal.contact
        obj = texts.OBJECTIONS[deal.objection]
        fill = {"contact": c.name, "title": c.title, "account": a.name, "product": deal.product[0],
                "sector": a.sector, "play": deal.play, "play_short": texts.first_clause(deal.play)}
        pain = texts.pick(rng, texts.PAINS.get(a.sector, ["manual reporting"]))
        said = texts.pick(rng, obj["said"])
        start = dt.datetime.combine(deal.engage, dt.time(17, 0), deal.rep.tz)
        mid = dt.datetime.combine(deal.engage + (deal.close - deal.engage) / 2, dt.time(16, 0), deal.rep.tz)
        end = dt.datetime.combine(deal.close, dt.time(15, 0), deal.rep.tz)
        yield (f"{deal.id}-N1", deal.id, start.isoformat(), "note", deal.rep.name, "Discovery notes",
               f"{texts.pick(rng, texts.OPENERS).format(**fill)} Main pain: {pain}. Concern raised: {said}.")
        yield (f"{deal.id}-N2", deal.id, mid.isoformat(), "call_summary", deal.rep.name, f"Call summary: {deal.product[0]}",
               f"{c.name} said {said}. We {deal.play}. "
               f"{'They responded well and asked for next steps.' if deal.play_won else 'They were not convinced.'}")
        yield (f"{deal.id}-N3", deal.id, end.isoformat(), "email", deal.rep.name, f"{a.name}: {deal.stage.lower()} recap",
               f"{texts.pick(rng, texts.OUTCOME_LINES[deal.stage]).format(**fill)} "
               f"Objection: {deal.objection}. Product: {deal.product[0]}. Sector: {a.sector}.")
