"""Business days, public holidays and a contact's country, in the contact's own time zone."""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
import numpy as np
import pycountry


@functools.cache
def zone(name: str | None) -> ZoneInfo:
    """The contact's time zone; UTC when it is missing or unknown."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError, OSError):  # a folder of the database ("America"), a name too long
        return ZoneInfo("UTC")


@functools.cache
def _links() -> dict[str, str]:
    """An old or alternative zone name -> the zone it stands for ("Asia/Calcutta" -> "Asia/Kolkata",
    "US/Eastern" -> "America/New_York"), from the tz database's own link lines."""
    text = importlib.resources.files("tzdata").joinpath("zoneinfo", "tzdata.zi").read_text(encoding="utf-8")
    return {parts[2]: parts[1] for parts in (line.split() for line in text.splitlines() if line.startswith("L "))
            if len(parts) == 3}


@functools.cache
def _zone_countries() -> dict[str, str]:
    """IANA zone -> ISO 3166 country code, from the tz database's zone.tab (one country a zone, Stockholm's
    Sweden included), else zone1970.tab's first (zones several countries share)."""
    out = {}
    for name in ("zone1970.tab", "zone.tab"):  # the latter's country wins
        table = importlib.resources.files("tzdata").joinpath("zoneinfo", name).read_text(encoding="utf-8")
        for line in table.splitlines():
            if line and not line.startswith("#"):
                codes, _, zone_name, *_ = line.split("\t")
                out[zone_name] = codes.split(",")[0]
    return out


SUBDIVISION = {
    "Australia/Sydney": "NSW", "Australia/Broken_Hill": "NSW", "Australia/Melbourne": "VIC", "Australia/Brisbane": "QLD",
    "Australia/Lindeman": "QLD", "Australia/Adelaide": "SA", "Australia/Perth": "WA", "Australia/Hobart": "TAS",
    "Australia/Darwin": "NT", "America/Toronto": "ON", "America/Vancouver": "BC", "America/Edmonton": "AB",
    "America/Winnipeg": "MB", "America/Regina": "SK", "America/Halifax": "NS", "America/Moncton": "NB",
    "America/St_Johns": "NL", "America/Whitehorse": "YT", "Europe/London": "ENG", "America/Phoenix": "AZ",
    "America/Anchorage": "AK", "Pacific/Honolulu": "HI", "America/Detroit": "MI", "Atlantic/Canary": "CN",
    "Atlantic/Madeira": "30", "Atlantic/Azores": "20",
}
"""IANA zone -> the state or province (ISO 3166-2, as the holidays package names it) most of the zone's people
live in, whose own public holidays they keep besides the country's: New South Wales' Labour Day, Ontario's Family
Day, England's Easter Monday. A zone shared by several subdivisions of no clear majority (New Zealand's, most of
the United States') keeps the country's alone."""


@functools.cache
def country_code(country: str | None, timezone: str | None) -> str | None:
    """The calendar whose public holidays apply, from the contact's time zone (an old name read as the zone it
    stands for), else the account's country: a country's ISO code ("DE"), or with the state or province the zone
    says ("AU-NSW", see SUBDIVISION)."""
    name = timezone or ""
    if name not in _zone_countries():  # an old name: the zone it stands for (a listed one, such as Stockholm, keeps
        # its own country even where the database links it to another zone)
        name = _links().get(name, name)
    by_zone = _zone_countries().get(name)
    if by_zone:
        sub = SUBDIVISION.get(name)
        return f"{by_zone}-{sub}" if sub else by_zone
    if country:
        try:
            return pycountry.countries.lookup(country).alpha_2
        except LookupError:
            pass
    return None


def _calendar(code: str, **kwargs: object) -> holidays.HolidayBase:
    """The holidays package's calendar for ``code`` (a country, or a country and subdivision "AU-NSW")."""
    country, _, sub = code.partition("-")
    return holidays.country_holidays(country, subdiv=sub or None, **kwargs)  # type: ignore[arg-type]


@functools.cache
def _holidays(code: str | None, year: int) -> frozenset[dt.date]:
    if not code:
        return frozenset()
    try:
        return frozenset(_calendar(code, years=year))
    except NotImplementedError:  # a country the holidays package does not cover
        return frozenset()


@functools.cache
def named_days(code: str | None, year: int) -> dict[dt.date, tuple[str, ...]]:
    """The days the holidays package names for a country besides its public holidays, each with its names:
    Carnival in Brazil and Portugal, India's restricted holidays, half days, school holidays. Many are
    working days for most people, so none is skipped for being named: a history must show it is not
    answered (``tools.followup.model.days_off``)."""
    if not code:
        return {}
    try:
        categories = tuple(c for c in _calendar(code).supported_categories if c != "public")
        named = _calendar(code, years=year, categories=categories) if categories else {}
    except NotImplementedError:  # a country the holidays package does not cover
        return {}
    public = _holidays(code, year)
    return {day: tuple(n.strip() for n in name.split(";")) for day, name in named.items() if day not in public}


def holiday_name(code: str | None, day: dt.date) -> str | None:
    if not code or day not in _holidays(code, day.year):
        return None
    return _calendar(code, years=day.year).get(day)


WEEKEND = frozenset({5, 6})


@functools.cache
def weekend(code: str | None) -> frozenset[int]:
    """The days of a country's weekend (Monday being 0) as the holidays package has them: Friday and Saturday in Saudi
    Arabia, Qatar, Egypt or Israel, Saturday and Sunday in the Emirates; Saturday and Sunday where no country is known."""
    if not code:
        return WEEKEND
    try:
        days = frozenset(int(d) for d in _calendar(code).weekend)
    except NotImplementedError:  # a country the holidays package does not cover
        return WEEKEND
    return days if days and len(days) < 7 else WEEKEND


def is_business_day(day: dt.date, code: str | None) -> bool:
    return day.weekday() not in weekend(code) and day not in _holidays(code, day.year)


def business_days_between(earlier: dt.date, later: dt.date, code: str | None = None) -> int:
    """Working days in (earlier, later] by the country's weekend: 1 from a Friday to the Monday after (from a Thursday
    to the Sunday after in Riyadh), 0 on the same day."""
    if later <= earlier:
        return 0
    days = weekend(code)
    mask = "".join("0" if d in days else "1" for d in range(7))
    return int(np.busday_count(earlier + dt.timedelta(days=1), later + dt.timedelta(days=1), weekmask=mask))


def add_business_days(day: dt.date, n: int, code: str | None = None) -> dt.date:
    while n > 0:
        day += dt.timedelta(days=1)
        if is_business_day(day, code):
            n -= 1
    return day


def at_local(day: dt.date, hour: int, tz: ZoneInfo, minute: int = 0) -> dt.datetime | None:
    """``hour``:``minute`` on ``day`` in ``tz``; None when the clock skips that hour (a daylight-saving change)."""
    moment = dt.datetime.combine(day, dt.time(hour, minute), tz)
    back = moment.astimezone(dt.UTC).astimezone(tz)
    if back.replace(tzinfo=None) != moment.replace(tzinfo=None):
        return None
    return moment
