"""A touch history with a known reply probability, written in the canonical file formats.

Every contact belongs to a segment with its own weekday and hour pattern; contacts vary around it
(their own responsiveness, and in the ``shifted`` world their own time-of-day preference); replies
get rarer when touches come too close together or go unanswered in a row. Reps write at their
habitual gap and hour (in the rep's time zone, so the contact's local hour depends on where they
are), which confounds the logs; a small share of touches is exploratory (gap and hour at random).
The logging policy's propensities are known, so off-policy estimates can be checked against the
truth.

Two worlds share the mechanism and differ in every effect: ``sector`` (segments by sector, the demo
company's patterns) and ``shifted`` (segments by region and company size, evening and weekend
responders, a different gap curve, contact-level hour preferences).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import math
import random
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

from copilot.demo import replies as demo_truth
from tools.followup.calendar import add_business_days, business_days_between

EXPLORE = 0.12
GAPS = tuple(range(1, 9))
HOURS = tuple(range(7, 20))
JITTER = {-1: 0.25, 0: 0.5, 1: 0.25}
END = dt.datetime(2026, 11, 20, 18, 0, tzinfo=dt.UTC)
START = END - dt.timedelta(days=540)
REP_ZONES = ("America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Asia/Singapore")
CONTACT_ZONES = {
    "America/New_York": ("America/New_York", "America/Toronto", "America/Chicago"),
    "America/Chicago": ("America/Chicago", "America/Denver", "America/New_York"),
    "America/Los_Angeles": ("America/Los_Angeles", "America/Phoenix", "America/Denver"),
    "Europe/London": ("Europe/London", "Europe/Berlin", "Europe/Paris", "Africa/Nairobi"),
    "Asia/Singapore": ("Asia/Singapore", "Asia/Tokyo", "Australia/Sydney", "Asia/Kolkata"),
}
COUNTRY = {"America/New_York": "United States", "America/Chicago": "United States", "America/Denver": "United States",
           "America/Los_Angeles": "United States", "America/Phoenix": "United States", "America/Toronto": "Canada",
           "Europe/London": "United Kingdom", "Europe/Berlin": "Germany", "Europe/Paris": "France",
           "Africa/Nairobi": "Kenya", "Asia/Singapore": "Singapore", "Asia/Tokyo": "Japan",
           "Australia/Sydney": "Australia", "Asia/Kolkata": "India"}
SECTORS = ["technology", "software", "medical", "healthcare", "retail", "marketing", "finance", "entertainment",
           "telecommunications", "services", "manufacturing", "logistics"]
CHANNELS = (("email", 0.75), ("call", 0.2), ("meeting", 0.05))


def _bands(*spec: tuple[int, int, float]) -> tuple[float, ...]:
    hours = [0.0] * 24
    for start, end, effect in spec:
        for h in range(start, end):
            hours[h] = effect
    return tuple(hours)


# the 'shifted' world: segments by (region, size); its own patterns
SHIFTED_WEEKDAY = {
    "America": (-0.4, 0.1, 0.5, 0.2, -0.2, -1.2, -1.5),
    "Europe": (0.4, 0.3, -0.2, -0.3, -0.8, -1.5, -1.7),
    "Asia": (0.0, -0.2, 0.1, 0.5, 0.4, -0.4, -1.6),
    "Australia": (0.0, -0.2, 0.1, 0.5, 0.4, -0.4, -1.6),
    "Africa": (0.4, 0.3, -0.2, -0.3, -0.8, -1.5, -1.7),
}
SHIFTED_HOURS = {
    "small": _bands((0, 7, -1.5), (7, 10, -0.4), (10, 13, -0.2), (13, 16, 0.2), (16, 20, 0.6), (20, 24, -0.7)),
    "mid": _bands((0, 7, -1.6), (7, 9, 0.5), (9, 12, 0.3), (12, 14, -0.5), (14, 18, 0.0), (18, 24, -1.2)),
    "large": _bands((0, 8, -1.8), (8, 10, -0.3), (10, 12, 0.6), (12, 15, 0.2), (15, 18, -0.2), (18, 24, -1.4)),
}
SHIFTED_BASE = {"small": -1.0, "mid": -1.3, "large": -1.5}
"""size bands of the shifted world: fewer than 120 employees, fewer than 2,500, more"""


def shifted_gap(days: int | None) -> float:
    if days is None:
        return 0.0
    return {0: -1.2, 1: -0.2, 2: 0.3, 3: 0.3, 4: 0.1}.get(days, -0.1 - 0.06 * min(days - 5, 12))


@dataclass
class Contact:
    email: str
    name: str
    tz: ZoneInfo
    account: str
    sector: str
    employees: int
    effect: float
    hour_shift: float = 0.0
    """the shifted world: preference for later (positive) or earlier hours, on the log-odds scale per hour
    after 12:00"""
    rep: Rep | None = None
    cold: bool = False


@dataclass
class Rep:
    name: str
    tz: ZoneInfo
    habit_gap: int
    habit_hour: int


@dataclass
class World:
    name: str
    contacts: list[Contact] = field(default_factory=list)
    reps: list[Rep] = field(default_factory=list)

    def probability(self, c: Contact, local: dt.datetime, gap: int | None, unanswered: int,
                    channel: str = "email") -> float:
        """The true probability that a touch at ``local`` (the contact's time) is answered within three
        business days."""
        wd, hour = local.weekday(), local.hour
        if self.name == "sector":
            seg = demo_truth.segment_of(c.sector)
            logit = (demo_truth.BASE[seg] + demo_truth.WEEKDAY[seg][wd] + demo_truth.hour_effect(seg, hour)
                     + demo_truth.gap_effect(gap) - 0.35 * min(unanswered, 6) + demo_truth.CHANNEL[channel]
                     + c.effect)
        else:
            region = c.tz.key.split("/")[0]
            size = "small" if c.employees < 120 else "mid" if c.employees < 2500 else "large"
            logit = (SHIFTED_BASE[size] + SHIFTED_WEEKDAY[region][wd] + SHIFTED_HOURS[size][hour]
                     + c.hour_shift * max(-4, min(6, hour - 12)) / 6 + shifted_gap(gap)
                     - 0.25 * min(unanswered, 8) + {"email": 0.0, "call": 0.5, "meeting": 0.9}[channel] + c.effect)
        return 1.0 / (1.0 + math.exp(-logit))


def propensity(rep: Rep, gap: int, hour: int) -> float:
    """The logging policy's probability of choosing (gap, hour in the rep's time zone)."""
    habit = JITTER.get(gap - rep.habit_gap, 0.0) if hour == rep.habit_hour else 0.0
    if rep.habit_gap == 1 and gap == 1 and hour == rep.habit_hour:
        habit = 0.75  # a jitter of -1 is clipped up to a gap of 1
    return (1 - EXPLORE) * habit + EXPLORE / (len(GAPS) * len(HOURS))


@dataclass
class Decision:
    """A logged choice of when to touch next: the state before it, the action, its propensity, the reward."""

    contact: Contact
    last: dt.datetime
    unanswered: int
    gap: int
    hour: int
    propensity: float
    replied: bool
    touch_id: str


def build(world_name: str, *, contacts: int = 3000, seed: int = 11, cold_share: float = 0.15) -> World:
    rng = random.Random(seed)
    world = World(world_name)
    for i in range(25):
        world.reps.append(Rep(f"Rep {i:02d}", ZoneInfo(REP_ZONES[i % len(REP_ZONES)]),
                              habit_gap=rng.choice([1, 2, 3, 3, 4, 5, 7]), habit_hour=rng.choice([8, 9, 9, 10, 14, 16])))
    n_accounts = max(10, contacts // 3)
    for a in range(n_accounts):
        rep = rng.choice(world.reps)
        sector = rng.choice(SECTORS)
        employees = int(math.exp(rng.gauss(6.0, 1.5)))
        account_effect = rng.gauss(0, 0.3)
        for k in range(rng.randint(2, 4)):
            tz = ZoneInfo(rng.choice(CONTACT_ZONES[rep.tz.key]))
            world.contacts.append(Contact(
                f"c{a:05d}.{k}@acct{a:05d}.example", f"Contact {a}-{k}", tz, f"Account {a:05d}", sector,
                employees, account_effect + rng.gauss(0, 0.5),
                hour_shift=rng.gauss(0, 0.6) if world_name == "shifted" else 0.0, rep=rep,
                cold=rng.random() < cold_share))
    return world


def simulate(world: World, seed: int = 12) -> tuple[list[list], list[Decision]]:
    """The activity rows (canonical format) and the logged decisions behind them."""
    rng = random.Random(seed)
    rows: list[list] = []
    decisions: list[Decision] = []
    for c in world.contacts:
        if c.cold:
            continue
        rep = c.rep
        assert rep is not None
        n = rng.choice([1, 2, 3, 4, 6, 8, 10, 14, 18, 24])
        day = (START + dt.timedelta(days=rng.randint(0, 500))).astimezone(rep.tz).date()
        day = add_business_days(day, 1)
        last: dt.datetime | None = None
        unanswered = 0
        for k in range(n):
            explore = rng.random() < EXPLORE
            if explore:
                gap, hour = rng.choice(GAPS), rng.choice(HOURS)
            else:
                gap = max(1, rep.habit_gap + rng.choices(list(JITTER), list(JITTER.values()))[0])
                hour = rep.habit_hour
            if k:
                day = add_business_days(day, gap)
            when = dt.datetime.combine(day, dt.time(hour, rng.randrange(0, 60, 10)), rep.tz)
            if when >= END - dt.timedelta(days=5):
                break
            local = when.astimezone(c.tz)
            gap_days = None if last is None else business_days_between(last.astimezone(c.tz).date(), local.date())
            channel = rng.choices([ch for ch, _ in CHANNELS], [w for _, w in CHANNELS])[0]
            p = world.probability(c, local, gap_days, unanswered, channel)
            replied = rng.random() < p
            touch_id = f"{c.email.split('@')[0]}-T{k:02d}"
            rows.append([touch_id, when.isoformat(), channel, "outbound", rep.name, c.account, c.email, "", "follow-up",
                         "", ""])
            if last is not None and channel == "email":
                decisions.append(Decision(c, last, unanswered, gap, hour, propensity(rep, gap, hour), replied,
                                          touch_id))
            if replied:
                reply = when + dt.timedelta(minutes=int(60 * min(20.0, rng.lognormvariate(math.log(3), 0.8))))
                rows.append([f"{touch_id}-R", reply.astimezone(c.tz).isoformat(), "email", "inbound", rep.name,
                             c.account, c.email, "", "Re: follow-up", "", touch_id])
                unanswered = 0
            else:
                unanswered += 1
            last = when
    return rows, decisions


def write(world: World, rows: list[list], out: Path) -> dict[str, Path]:
    """contacts.csv, activities.csv, accounts.csv (Maven format) and batch.jsonl (every contact, as of END)."""
    out.mkdir(parents=True, exist_ok=True)
    paths = {k: out / f"{k}.csv" for k in ("contacts", "activities", "accounts")}
    with paths["contacts"].open("w", newline="", encoding="utf-8") as h:
        w = csv.writer(h)
        w.writerow(["contact_email", "name", "title", "account", "timezone"])
        w.writerows([c.email, c.name, "Buyer", c.account, c.tz.key] for c in world.contacts)
    with paths["activities"].open("w", newline="", encoding="utf-8") as h:
        w = csv.writer(h)
        w.writerow(["activity_id", "occurred_at", "type", "direction", "sales_agent", "account", "contact_email",
                    "opportunity_id", "subject", "body", "in_reply_to"])
        w.writerows(rows)
    seen: dict[str, Contact] = {}
    for c in world.contacts:
        seen.setdefault(c.account, c)
    with paths["accounts"].open("w", newline="", encoding="utf-8") as h:
        w = csv.writer(h)
        w.writerow(["account", "sector", "year_established", "revenue", "employees", "office_location",
                    "subsidiary_of"])
        w.writerows([a, c.sector, 2000, "", c.employees, COUNTRY[c.tz.key], ""] for a, c in seen.items())
    paths["batch"] = out / "batch.jsonl"
    paths["batch"].write_text("".join(json.dumps({"id": c.email, "contact_email": c.email, "now": END.isoformat()})
                                      + "\n" for c in world.contacts), encoding="utf-8")
    return paths
