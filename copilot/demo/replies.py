"""The planted reply behaviour of the synthetic company's customers.

The demo's touch history follows this model, so patterns in it are learnable: segments differ in
the weekdays and hours they answer, every contact has its own responsiveness, replies get rarer
when touches come too close together or go unanswered in a row, and calls and meetings draw more
answers than e-mail. :func:`reply_probability` is the known truth a timing model can be scored on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# log-odds effects by segment (sector group): weekday (Mon..Sun) and hour-of-day bands
SEGMENT_OF_SECTOR = {
    "technology": "tech", "software": "tech", "telecommunications": "tech",
    "medical": "health", "healthcare": "health",
    "finance": "finance", "services": "finance", "employment": "finance",
    "retail": "consumer", "marketing": "consumer", "entertainment": "consumer",
}
SEGMENTS = ("tech", "health", "finance", "consumer", "industrial")
WEEKDAY = {
    "tech": (0.0, 0.45, 0.35, 0.1, -0.5, -1.6, -1.8),
    "health": (0.3, 0.1, 0.0, 0.4, -0.3, -1.7, -1.9),
    "finance": (0.5, 0.2, 0.0, -0.1, -0.7, -2.0, -2.2),
    "consumer": (-0.3, 0.0, 0.2, 0.4, 0.3, -1.0, -1.4),
    "industrial": (0.2, 0.3, 0.1, 0.0, -0.4, -1.8, -2.0),
}
# (start hour, end hour, effect) in the contact's local time
HOURS = {
    "tech": ((0, 7, -1.6), (7, 9, -0.5), (9, 11, 0.1), (11, 14, 0.55), (14, 18, 0.2), (18, 24, -1.0)),
    "health": ((0, 7, -1.5), (7, 9, 0.55), (9, 11, 0.2), (11, 14, -0.3), (14, 18, 0.0), (18, 24, -1.2)),
    "finance": ((0, 7, -1.4), (7, 9, 0.5), (9, 11, 0.4), (11, 14, -0.2), (14, 18, -0.1), (18, 24, -1.3)),
    "consumer": ((0, 7, -1.7), (7, 9, -0.6), (9, 11, -0.1), (11, 14, 0.1), (14, 18, 0.55), (18, 24, -0.6)),
    "industrial": ((0, 7, -0.9), (7, 9, 0.6), (9, 11, 0.3), (11, 14, -0.1), (14, 18, -0.4), (18, 24, -1.5)),
}
BASE = {"tech": -1.2, "health": -1.5, "finance": -1.3, "consumer": -1.1, "industrial": -1.4}
CHANNEL = {"email": 0.0, "call": 0.35, "meeting": 1.2, "note": -9.0}


def segment_of(sector: str | None) -> str:
    return SEGMENT_OF_SECTOR.get(sector or "", "industrial")


def hour_effect(segment: str, hour: int) -> float:
    for start, end, effect in HOURS[segment]:
        if start <= hour < end:
            return effect
    return 0.0


def gap_effect(business_days: float | None) -> float:
    """Too soon annoys; about 3-6 business days is best; long silences cool the thread."""
    if business_days is None:
        return 0.0
    if business_days < 1:
        return -0.9
    if business_days < 2:
        return -0.4
    if business_days < 3:
        return 0.0
    if business_days <= 6:
        return 0.25
    return 0.25 - 0.05 * min(business_days - 6, 10)


@dataclass(frozen=True)
class TouchContext:
    segment: str
    local_weekday: int
    local_hour: int
    business_days_since_last: float | None
    unanswered_in_row: int
    channel: str
    contact_effect: float


def reply_probability(t: TouchContext) -> float:
    """The true probability that this touch is answered within three business days."""
    logit = (BASE[t.segment] + WEEKDAY[t.segment][t.local_weekday] + hour_effect(t.segment, t.local_hour)
             + gap_effect(t.business_days_since_last) - 0.35 * min(t.unanswered_in_row, 6)
             + CHANNEL.get(t.channel, 0.0) + t.contact_effect)
    return 1.0 / (1.0 + math.exp(-logit))
