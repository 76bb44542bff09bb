"""The plain logistic regression the follow-up evaluation compares the learned model with: it learns each
sector's best hour and weekday on the contact's clock, and nothing else."""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from evals.followup.plain import PlainRegression
from tools.followup.history import ContactInfo, Log

START = dt.datetime(2026, 1, 5, tzinfo=dt.timezone.utc)  # a Monday


def _log() -> Log:
    """Builders in Chicago answer at 10:00 their time, software people in Berlin at 16:00 theirs, on weekdays;
    touches land at every hour of every day."""
    rng = random.Random(7)
    log = Log()
    people = {"chicago": ("construction", "America/Chicago", 10), "berlin": ("software", "Europe/Berlin", 16)}
    n = 0
    for city, (sector, zone, peak) in people.items():
        for i in range(40):
            email = f"{city}{i}@example.com"
            log.contacts[email] = ContactInfo(email, email, zone, f"{city} {i}", sector)
            for _ in range(60):
                at = START + dt.timedelta(hours=rng.randrange(24 * 90))
                local = at.astimezone(ZoneInfo(zone))
                n += 1
                log.add_touch((f"t{n}", email, at.timestamp(), "email", "rep", "Engaging"))
                answered = local.weekday() < 5 and local.hour == peak
                if rng.random() < (0.6 if answered else 0.05):
                    log.add_reply(f"t{n}", at.timestamp() + 3600)
    log.end = (START + dt.timedelta(days=100)).timestamp()
    return log


def test_each_sector_gets_its_own_hour_on_its_own_clock() -> None:
    plain = PlainRegression(_log())
    now = dt.datetime(2026, 4, 18, 12, tzinfo=dt.timezone.utc)  # a Saturday
    grid = [now + dt.timedelta(hours=h) for h in range(1, 24 * 10 + 1)]
    chicago = plain.pick("construction", "America/Chicago", grid).astimezone(ZoneInfo("America/Chicago"))
    berlin = plain.pick("software", "Europe/Berlin", grid).astimezone(ZoneInfo("Europe/Berlin"))
    assert (chicago.hour, chicago.weekday() < 5) == (10, True)
    assert (berlin.hour, berlin.weekday() < 5) == (16, True)


def test_a_sector_it_never_saw_gets_the_hours_of_all_sectors_together() -> None:
    plain = PlainRegression(_log())
    now = dt.datetime(2026, 4, 18, 12, tzinfo=dt.timezone.utc)
    grid = [now + dt.timedelta(hours=h) for h in range(1, 24 * 10 + 1)]
    picked = plain.pick("mining", "UTC", grid)
    assert picked in grid and picked.weekday() < 5
    assert picked.hour in (10, 16)  # either sector's best hour, on the contact's own (UTC) clock


def test_a_history_without_a_reply_picks_the_first_moment() -> None:
    log = Log()
    log.contacts["a@example.com"] = ContactInfo("a@example.com", "A", "UTC", "A", "retail")
    log.add_touch(("t1", "a@example.com", START.timestamp(), "email", "rep", "Engaging"))
    log.end = (START + dt.timedelta(days=30)).timestamp()
    grid = [START + dt.timedelta(days=40, hours=h) for h in range(1, 10)]
    assert PlainRegression(log).pick("retail", "UTC", grid) == grid[0]
