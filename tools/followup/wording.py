"""A follow-up moment as a rep reads it: the contact's local day and hour, and the rep's own.

The tool results keep ISO 8601 for machines (``recommended_at``); people see "Tuesday 16:00 their
time, 10:00 yours". The day is the contact's local day (the reply model works in their time zone),
"today" and "tomorrow" are counted from the contact's local date, and the date is added from a week
ahead on, when a weekday alone could be this week's or next week's. The rep's clock is added
when their time zone is known, with their own day when it reads otherwise (late at night for one can
be the next morning for the other).
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tools.followup.calendar import zone

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
DATED_FROM_DAYS = 7
"""From this many days ahead, the date is said with the weekday ("Tuesday 8 December")."""


def rep_zone(name: str | None) -> ZoneInfo | None:
    """The rep's time zone, or None when it is missing or not a zone name (never guessed as UTC: an
    unknown zone is worded as "their time", not as a wrong "yours")."""
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # a folder of the database ("America"), a name too long
        return None


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def day_label(local: dt.datetime, local_now: dt.datetime) -> str:
    """"today", "tomorrow", "yesterday", a weekday, or a weekday and date, counted in one time zone."""
    days = (local.date() - local_now.date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    weekday = WEEKDAYS[local.weekday()]
    if 1 < days < DATED_FROM_DAYS:
        return weekday
    year = f" {local.year}" if local.year != local_now.year else ""
    return f"{weekday} {local.day} {MONTHS[local.month - 1]}{year}"


def when(at: dt.datetime, contact_tz: str, rep_tz: str | None, now: dt.datetime) -> str:
    """``at`` for a rep: "Tuesday 16:00 their time, 10:00 yours".

    - the day is the contact's local day relative to their local today ("today", "tomorrow", a weekday;
      "Tuesday 8 December" from a week ahead on);
    - when the rep's day reads otherwise (each counted from their own today): "Tuesday 08:00 their time, Monday
      23:00 yours", "today 23:30 their time, tomorrow 09:30 yours";
    - when both clocks read the same: "Tuesday 16:00 (your time and theirs)";
    - when the rep's zone is unknown (``rep_tz`` None or not a zone): "Tuesday 16:00 their time (Europe/Berlin)".

    Naive ``at`` and ``now`` are read as UTC. An unknown ``contact_tz`` is UTC, and named so.
    """
    at, now = _aware(at), _aware(now)
    theirs = zone(contact_tz)
    local, local_now = at.astimezone(theirs), now.astimezone(theirs)
    day = day_label(local, local_now)
    head = f"{day} {local:%H:%M}"
    mine = rep_zone(rep_tz)
    if mine is None:
        return f"{head} their time ({theirs.key})"
    own = at.astimezone(mine)
    if own.replace(tzinfo=None) == local.replace(tzinfo=None):
        return f"{head} (your time and theirs)"
    own_day = day_label(own, now.astimezone(mine))  # the rep's own today, tomorrow or weekday
    if own_day == day:
        return f"{head} their time, {own:%H:%M} yours"
    return f"{head} their time, {own_day} {own:%H:%M} yours"


ISO_MOMENT = re.compile(r"\b(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?\b")


def reworded(text: str, contact_tz: str, rep_tz: str | None, now: dt.datetime) -> str:
    """``text`` (a note of the recommender's) with its ISO 8601 moments and dates as a rep reads them: a moment
    as ``when`` words it, a date as its day ("Friday 25 December is a public holiday there")."""
    def one(m: re.Match[str]) -> str:
        try:
            if m.group(2) is None:
                day = dt.date.fromisoformat(m.group(1))
                local_now = _aware(now).astimezone(zone(contact_tz))
                return day_label(dt.datetime.combine(day, dt.time(12), local_now.tzinfo), local_now)
            moment = dt.datetime.fromisoformat(m.group(0).replace(" ", "T").replace("Z", "+00:00"))
        except ValueError:
            return m.group(0)
        return when(moment, contact_tz, rep_tz, now)

    return ISO_MOMENT.sub(one, text)


__all__ = ["DATED_FROM_DAYS", "day_label", "rep_zone", "reworded", "when"]
