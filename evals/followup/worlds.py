"""Planted worlds: synthetic CRM touch histories whose true reply probability is known.

A follow-up timing recommender reads the canonical files (contacts.csv, activities.csv, accounts.csv and,
when a world has deals, sales_pipeline.csv) and proposes, for a contact and a moment ``now``, the hour of
the next touch within the next ten days. These worlds let that proposal be scored against the truth: every
world knows, for any contact and moment, the probability that one outbound e-mail sent then is answered
within three business days.

The mechanism is the same in every world, only its parts differ:

* a touch at moment ``t`` gets a reply at all with probability ``q = sigmoid(z)``, where ``z`` adds a base
  rate, the contact's responsiveness (a random effect), an hour-of-day bump in the contact's own time zone
  (the one they keep at ``t``: in one world some move, whatever the CRM says; a Gaussian in the clock hour,
  peak and width set by the contact's segment, sometimes shifted per contact; in some segments a second bump
  later in the day, or both moved from a date on, or a second bump at a set clock hour that no contact's
  shift moves), a weekday effect, a night penalty, and effects of
  the contact's own history at ``t``: days since the last touch (any deal, any rep, any channel), the number
  of touches in the last few days (fatigue), the number of touches since the last reply arrived (unanswered
  in a row) and, in some worlds, how recently the contact last replied and the date (a touch on one of the
  contact's public holidays, days away or days off, seasonal lulls) and, in one, the channel at that hour of the
  contact's day (a call is answered at the desk) and, in one, who writes (the truth is about an e-mail from the
  contact's owner);
* the reply then takes a random delay measured on the contact's waking clock (07:00-22:00 local, on
  weekdays only unless the contact's sector answers on weekends, and, in the worlds that plant public
  holidays or absences, never on the contact's own days off), drawn from a mixture of exponentials;
* the outcome is answered when the reply arrives before the window closes: the same local clock time three
  weekdays after the touch (a public holiday does not move it). So the truth is
  ``q * F(active hours inside the window)``, with ``F`` the delay distribution. The active hours inside the
  window are 45 for a weekday touch to a weekday-only contact; they are fewer for a weekend touch (the clock
  only starts on Monday) or when a public holiday of the contact falls inside the window, and more for a
  late-week touch to a contact who also answers on weekends.

The simulation walks each contact's touches in time order; for every logged touch it evaluates exactly
that function on the state at that moment (replies that have arrived by then, touches made before it) and
draws the outcome from it, so the logged history is a sample from the truth. :meth:`PlantedWorld.truth`
evaluates the same function for one e-mail at a later moment, on the history logged up to ``now`` with
no touch in between (replies that would arrive after ``now`` are neither written nor counted).

Fatigue is per contact in every world: it counts the contact's touches across all deals and reps, because
the truth is about the next e-mail to a person, not to a deal.

Sizes (outbound touches at ``scale=1``) are in each world's description; ``scale`` multiplies the number of
accounts and contacts. ``WORLDS["timezones"](scale=3.3)`` gives about one million touches.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import functools
import heapq
import math
import random
import unicodedata
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import holidays

HOUR = 3600.0
DAY = 86400.0
UTC = dt.UTC
# Calendar days from a touch's local date to the end of its window (three weekdays later), by weekday.
WINDOW_DAYS = (3, 3, 5, 5, 5, 4, 3)
OPEN_HOUR, CLOSE_HOUR = 7.0, 22.0  # the contact's waking clock, on which reply delays run
AWAKE = CLOSE_HOUR - OPEN_HOUR
EMAIL, CALL, MEETING = 0, 1, 2
CHANNEL_NAMES = ("email", "call", "meeting")
# Row kinds in the compact log (an automatic reply is an inbound e-mail, not an answer: no in_reply_to).
K_TOUCH, K_REPLY, K_INBOUND, K_NOTE, K_AWAY = 0, 1, 2, 3, 4


@dataclass
class Query:
    email: str
    now: dt.datetime  # aware
    warm: bool  # the contact has at least one touch before `now`


# --------------------------------------------------------------------------------------------------------
# Mechanism parts


def _pl(*points: tuple[float, float]) -> Callable[[float], float]:
    """A piecewise-linear curve through ``points`` (x ascending), flat beyond both ends."""
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]

    def curve(x: float) -> float:
        if x <= xs[0]:
            return ys[0]
        if x >= xs[-1]:
            return ys[-1]
        i = bisect.bisect_right(xs, x)
        x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
        return y0 + (y1 - y0) * (x - x0) / (x1 - x0)

    return curve


@dataclass(frozen=True)
class Delay:
    """How long a reply takes, in hours of the contact's waking clock: ``floor`` plus a mixture of
    exponentials ``parts`` = ((weight, mean hours), ...), weights summing to one."""

    parts: tuple[tuple[float, float], ...] = ((0.5, 1.5), (0.35, 8.0), (0.15, 30.0))
    floor: float = 0.1

    def cdf(self, x: float) -> float:
        y = x - self.floor
        if y <= 0:
            return 0.0
        return sum(w * (1.0 - math.exp(-y / m)) for w, m in self.parts)

    def within(self, x: float, rng: random.Random) -> float:
        """A delay drawn given that it is at most ``x`` (requires ``cdf(x) > 0``)."""
        y = x - self.floor
        weights = [w * (1.0 - math.exp(-y / m)) for w, m in self.parts]
        m = self.parts[_pick(weights, rng)][1]
        cut = 1.0 - math.exp(-y / m)
        return self.floor + min(y, -m * math.log(1.0 - rng.random() * cut))

    def after(self, x: float, rng: random.Random) -> float:
        """A delay drawn given that it is more than ``x`` (memoryless parts: the excess is exponential)."""
        y = max(0.0, x - self.floor)
        weights = [w * math.exp(-y / m) for w, m in self.parts]
        m = self.parts[_pick(weights, rng)][1]
        return self.floor + y + rng.expovariate(1.0 / m) + 1e-3


def _pick(weights: list[float], rng: random.Random) -> int:
    u = rng.random() * sum(weights)
    for i, w in enumerate(weights):
        u -= w
        if u < 0:
            return i
    return len(weights) - 1


@dataclass(frozen=True)
class Effects:
    """The world-level parts of the log-odds of a reply (see the module docstring)."""

    base: float
    gap: Callable[[float], float]  # days since the contact's last touch (any deal, rep or channel)
    cold: float  # in place of ``gap`` for a contact never touched before
    fatigue_days: float  # fatigue counts the contact's touches in the last ``fatigue_days`` days
    fatigue: tuple[float, ...]  # by that count (the last entry for larger counts)
    streak: tuple[float, ...]  # by touches since the last reply arrived (never replied: all touches)
    recent: Callable[[float], float] | None  # days since the last reply arrived, when there was one
    night: float  # a touch landing before 06:00 or from 22:00 local
    channel: tuple[float, float, float] = (0.0, 0.2, 0.8)  # e-mail, call, meeting
    delay: Delay = field(default_factory=Delay)
    responsiveness_sd: float = 0.5  # contact random effect on the log-odds
    holiday: float = 0.0  # a touch landing on one of the contact's public holidays (``_Contact.off``)
    calendar: Callable[[_Contact, dt.datetime], float] | None = None  # by the contact's local moment (lulls)
    channel_hour: Callable[[_Contact, int, dt.datetime], float] | None = None  # by the channel and the local moment
    rep: Callable[[_Contact, int], float] | None = None  # by the rep who writes (the truth: the contact's owner)


@dataclass(frozen=True)
class Segment:
    key: str
    peak: float  # local clock hour of the reply bump
    sd: float  # its width in hours (narrow about 1-1.5, broad 3-4)
    amp: float  # its height on the log-odds (peak vs the daytime trough)
    weekday: tuple[float, ...]  # Monday..Sunday
    all_days: bool  # the contact answers on weekends too (reply clock runs every day)
    second: tuple[float, float, float] | None = None  # a second bump: (hours after the peak, sd, amp)
    moved: tuple[dt.date, float] | None = None  # (the local day from which the curve sits at ``peak``, hours it
    # moved then, later if positive): before that day both bumps of each contact sit that many hours earlier
    fixed: tuple[float, float, float] | None = None  # a bump at a set local clock hour, the same for every contact of
    # the segment (no contact's shift moves it): (clock hour, sd, amp)


@dataclass(slots=True)
class _Rep:
    name: str
    tz: ZoneInfo
    hour: float  # habitual local hour of touches
    hour_sd: float
    p_random: float  # share of touches at a uniformly random hour 07-20 local
    gap: float  # habitual days between touches of one thread
    weekend: float = 0.0  # share of weekend days kept (the rest move to the first days of the next week)
    off: frozenset[dt.date] = frozenset()  # office holidays; when set, the rep works on other working days only
    rest: tuple[int, ...] = (5, 6)  # the office's weekend (Monday being 0): Friday and Saturday where the week starts on
    # Sunday


@dataclass(slots=True)
class _Account:
    name: str
    sector: str
    country: str
    employees: int  # 0 when the CRM has no count (written blank)
    year: int
    revenue: float
    owner: int
    parent: str = ""


@dataclass(slots=True)
class _Contact:
    email: str
    name: str
    title: str
    account: int
    tz: ZoneInfo
    segment: Segment
    peak: float  # segment peak plus this contact's shift
    u: float  # responsiveness
    owner: int  # rep index
    threads: list[_Thread] = field(default_factory=list)
    inbound: int = 0  # unsolicited inbound e-mails to plant
    # the contact's history as logged at the end (what ``truth`` conditions on)
    touches: int = 0
    last: float | None = None
    tail: tuple[float, ...] = ()  # touch moments in the last two weeks
    last_reply: float | None = None
    streak: int = 0
    shift_share: float = 0.0  # the chance, at planting, that this contact's peak was moved off the segment's
    off: frozenset[dt.date] = frozenset()  # public holidays (and days away or off): the reply clock does not run on them
    away: tuple[tuple[dt.date, dt.date], ...] = ()  # absences (first day away, day back), also in ``off``
    listed: ZoneInfo | None = None  # the time zone contacts.csv gives, when the CRM has another than ``tz``
    moved: tuple[float, ZoneInfo] | None = None  # (the moment, the zone): the contact kept that zone until then
    alias: str | None = None  # the address as an e-mail sync spells it (another case): the contact's e-mail rows carry it,
    # and contacts.csv has a second row for it, without a title


@dataclass(slots=True)
class _Deal:
    opportunity_id: str
    rep: int
    product: str
    account: int
    start: float
    stop: float  # planned end of the deal's touches
    won: bool
    prospecting: bool
    value: int


# --------------------------------------------------------------------------------------------------------
# How reps schedule touches (the history shapes)


class _Thread:
    """One line of outbound touches to a contact (a deal, a relationship, a sequence), by one rep."""

    def __init__(self, rep: int, deal: int = -1, mix: tuple[float, float] = (0.85, 0.97), react: float = 0.3):
        self.rep = rep
        self.deal = deal
        self.mix = mix  # cumulative shares of e-mail, then call; the rest are meetings
        self.react = react  # chance the rep answers a reply with a quick extra touch

    def first(self, w: PlantedWorld, rng: random.Random) -> float | None:
        raise NotImplementedError

    def after(self, w: PlantedWorld, t: float, streak: int, rng: random.Random) -> float | None:
        raise NotImplementedError

    def channel(self, rng: random.Random) -> int:
        u = rng.random()
        return EMAIL if u < self.mix[0] else CALL if u < self.mix[1] else MEETING


class _Cadence(_Thread):
    """Touches every ``gap`` days on average (log-normal spread), from ``start`` until ``stop``;
    ``season`` optionally stretches or squeezes the gap by the date."""

    def __init__(self, rep: int, start: float, stop: float, gap: float, sigma: float = 0.5, *,
                 season: Callable[[float], float] | None = None, **kw: object) -> None:
        super().__init__(rep, **kw)  # type: ignore[arg-type]
        self.start, self.stop, self.gap, self.sigma, self.season = start, stop, gap, sigma, season

    def first(self, w: PlantedWorld, rng: random.Random) -> float | None:
        t = w.place(self.rep, self.start + rng.uniform(0, min(self.gap, 7.0)) * DAY, rng)
        return t if t < self.stop else None

    def after(self, w: PlantedWorld, t: float, streak: int, rng: random.Random) -> float | None:
        g = self.gap * math.exp(rng.gauss(0.0, self.sigma))
        if self.season is not None:
            g *= self.season(t)
        nt = w.place(self.rep, t + min(g, 60.0) * DAY, rng, after=t)
        return nt if nt < self.stop else None


class _Bursts(_Thread):
    """Outbound sequences: ``steps`` touches a few days apart, then a pause of weeks, again and again."""

    def __init__(self, rep: int, start: float, stop: float, steps: tuple[int, int], step_gaps: tuple[float, ...],
                 pause: tuple[float, float], **kw: object) -> None:
        super().__init__(rep, **kw)  # type: ignore[arg-type]
        self.start, self.stop, self.steps, self.step_gaps, self.pause = start, stop, steps, step_gaps, pause
        self.left = 0

    def first(self, w: PlantedWorld, rng: random.Random) -> float | None:
        self.left = rng.randint(*self.steps) - 1
        t = w.place(self.rep, self.start + rng.uniform(0, 20) * DAY, rng)
        return t if t < self.stop else None

    def after(self, w: PlantedWorld, t: float, streak: int, rng: random.Random) -> float | None:
        if self.left > 0:
            self.left -= 1
            g = rng.choice(self.step_gaps) * rng.uniform(0.85, 1.15)
        else:
            self.left = rng.randint(*self.steps) - 1
            g = rng.uniform(*self.pause)
        nt = w.place(self.rep, t + g * DAY, rng, after=t)
        return nt if nt < self.stop else None


class _Tool(_Thread):
    """A cadence tool: a fixed step of ``gap`` days at the rep's fixed hour; after ``give_up`` touches in a
    row without a reply the rep stops and revives the contact ``revive`` days later."""

    def __init__(self, rep: int, start: float, stop: float, gap: float, give_up: int,
                 revive: tuple[float, float], **kw: object) -> None:
        super().__init__(rep, **kw)  # type: ignore[arg-type]
        self.start, self.stop, self.gap, self.give_up, self.revive = start, stop, gap, give_up, revive

    def first(self, w: PlantedWorld, rng: random.Random) -> float | None:
        t = w.place(self.rep, self.start + rng.uniform(0, 10) * DAY, rng)
        return t if t < self.stop else None

    def after(self, w: PlantedWorld, t: float, streak: int, rng: random.Random) -> float | None:
        if streak >= self.give_up:
            g = rng.uniform(*self.revive)
        else:
            g = self.gap + rng.gauss(0.0, 0.2) + (rng.choice((0, 0, 0, 1, 2, 4)) if rng.random() < 0.3 else 0)
        nt = w.place(self.rep, t + max(0.3, g) * DAY, rng, after=t)
        return nt if nt < self.stop else None


class _Drip(_Thread):
    """A marketing-automation sequence: up to ``steps`` e-mails about ``gap`` days apart, each sent at ``hour``
    on the contact's own clock (``tz``, daylight saving included) on a weekday, a weekend day moving to Monday,
    a few minutes after the hour as the send queue drains; it ends once the contact has answered."""

    def __init__(self, rep: int, tz: ZoneInfo, start: float, stop: float, gap: float, steps: int,
                 hour: float = 7.0, **kw: object) -> None:
        super().__init__(rep, mix=(1.0, 1.0), react=0.0, **kw)  # type: ignore[arg-type]
        self.tz, self.start, self.stop, self.gap, self.steps, self.hour = tz, start, stop, gap, steps, hour
        self.sent = 0

    def _send(self, target: float, rng: random.Random) -> float:
        day = _working_day(dt.datetime.fromtimestamp(target, self.tz).date(), frozenset())
        return _clock(day, int(self.hour * 3600 + rng.uniform(0.0, 900.0)), self.tz)

    def first(self, w: PlantedWorld, rng: random.Random) -> float | None:
        self.sent = 1
        t = self._send(self.start + rng.uniform(0, 3) * DAY, rng)
        return t if t < self.stop else None

    def after(self, w: PlantedWorld, t: float, streak: int, rng: random.Random) -> float | None:
        # ``streak`` counts the touches since the last reply: fewer than sent means an answer came in
        if self.sent >= self.steps or streak < self.sent:
            return None
        self.sent += 1
        nt = self._send(t + self.gap * rng.uniform(0.9, 1.3) * DAY, rng)
        return nt if nt < self.stop else None


class _AwayAware(_Cadence):
    """A cadence whose rep, having touched the contact while they were away (``away``: (first day, day back) on
    the clock of ``tz``), learns the day back from the automatic reply or the voicemail greeting and waits for it:
    the next touch comes on the day back or within two days of it."""

    def __init__(self, rep: int, tz: ZoneInfo, away: tuple[tuple[dt.date, dt.date], ...], start: float, stop: float,
                 gap: float, sigma: float = 0.5, **kw: object) -> None:
        super().__init__(rep, start, stop, gap, sigma, **kw)
        self.tz, self.away = tz, away

    def after(self, w: PlantedWorld, t: float, streak: int, rng: random.Random) -> float | None:
        day = dt.datetime.fromtimestamp(t, self.tz).date()
        back = next((b for first, b in self.away if first <= day < b), None)
        if back is None:
            return super().after(w, t, streak, rng)
        nt = w.place(self.rep, _clock(back, 12 * 3600, self.tz) + rng.uniform(0.0, 2.0) * DAY, rng, after=t)
        return nt if nt < self.stop else None


def _paced(c: _Contact, rep: int, start: float, stop: float, gap: float, pace: Callable[[float], float],
           mix: tuple[float, float], deal: int = -1, react: float = 0.35) -> None:
    """A rep's cadence with ``c`` from ``start`` to ``stop`` (none when that is empty), every ``gap`` days as the
    season's ``pace`` has it, waiting for the day back of a contact who is away."""
    if start < stop:
        c.threads.append(_AwayAware(rep, c.tz, c.away, start, stop, gap, 0.45, season=pace, deal=deal, mix=mix,
                                    react=react))


class _Once(_Thread):
    """A single e-mail at ``at`` (a one-off message: an invitation, a document sent on)."""

    def __init__(self, rep: int, at: float) -> None:
        super().__init__(rep, mix=(1.0, 1.0), react=0.0)
        self.at = at

    def first(self, w: PlantedWorld, rng: random.Random) -> float | None:
        return self.at

    def after(self, w: PlantedWorld, t: float, streak: int, rng: random.Random) -> float | None:
        return None


class _Steps(_Thread):
    """A sales-engagement sequence with steps on set days: step ``k`` on the ``steps[k][0]``-th working day of the rep's
    calendar after the enrolment day ``enrol`` (a date on the rep's clock), by the channel ``steps[k][1]``, at the rep's
    habitual hour (a step on the same day as the one before comes half an hour to two hours after it). The rep drops the
    contact after ``cut`` steps. Once the contact has answered, the sequence stops and the rep writes in person: one to
    three e-mails or calls two to four days apart. The tool adds no quick answer to a reply (``react`` is 0), so each
    touch's channel is the one set when it was scheduled."""

    def __init__(self, rep: int, enrol: dt.date, steps: tuple[tuple[int, int], ...], cut: int) -> None:
        super().__init__(rep, react=0.0)
        self.enrol, self.steps, self.cut = enrol, steps, min(cut, len(steps))
        self.sent = 0  # steps made or scheduled
        self.left = -1  # touches in person left once the contact has answered (-1: still in the sequence)
        self.next = steps[0][1]  # the channel of the touch scheduled last

    def _step(self, w: PlantedWorld, prev: float | None, rng: random.Random) -> float:
        days, self.next = self.steps[self.sent]
        self.sent += 1
        if prev is not None and days == self.steps[self.sent - 2][0]:
            return prev + rng.uniform(0.5, 2.0) * HOUR
        r = w.reps[self.rep]
        return w.place(self.rep, _clock(_working_days_after(self.enrol, days, r.off, r.rest), 12 * 3600, r.tz), rng,
                       after=prev)

    def first(self, w: PlantedWorld, rng: random.Random) -> float | None:
        return self._step(w, None, rng)

    def after(self, w: PlantedWorld, t: float, streak: int, rng: random.Random) -> float | None:
        # ``streak`` counts the touches since the last reply: fewer than the steps made means an answer came in
        if self.left < 0 and streak < self.sent:
            self.left = rng.randint(1, 3)
        if self.left == 0 or (self.left < 0 and self.sent >= self.cut):
            return None
        if self.left < 0:
            return self._step(w, t, rng)
        self.left -= 1
        self.next = EMAIL if rng.random() < 0.7 else CALL
        return w.place(self.rep, t + rng.uniform(2.0, 4.0) * DAY, rng, after=t)

    def channel(self, rng: random.Random) -> int:
        return self.next


# --------------------------------------------------------------------------------------------------------
# The world


class PlantedWorld:
    """A simulated CRM whose reply mechanism is known; see the module docstring for the mechanism and each
    builder in :data:`WORLDS` for what it plants."""

    def __init__(self, name: str, description: str, fx: Effects, end: dt.datetime, seed: int) -> None:
        self.name = name
        self.description = description
        self.fx = fx
        self.end = end
        self.end_ts = end.timestamp()
        self.seed = seed
        self.reps: list[_Rep] = []
        self.accounts: list[_Account] = []
        self.contacts: list[_Contact] = []
        self.deals: list[_Deal] = []
        self.by_email: dict[str, _Contact] = {}
        self.notes: int = 0
        self.history_days = 700.0  # how far back account notes go
        # the compact log: one entry per row of activities.csv
        self._at = array("d")
        self._kind = array("b")
        self._who = array("i")  # contact index (account index for notes)
        self._rep = array("i")
        self._deal = array("i")
        self._num = array("i")  # touch number for touches and replies, own counter otherwise
        self._chan = array("b")
        self.logged = array("d")  # by touch number: the truth used to draw that touch's outcome
        self._touch_contact = array("i")  # by touch number
        self._touch_window = array("d")  # by touch number: end of its answer window (epoch)

    # ---- the mechanism ---------------------------------------------------------------------------------

    def _prob(self, c: _Contact, t: float, channel: int, gap: float | None, fatigue: int, streak: int,
              since_reply: float | None, rep: int = -1) -> tuple[float, float, dt.datetime, float]:
        """(truth, chance of any reply, local moment, active hours in the window) for a touch at ``t`` by ``rep``."""
        fx = self.fx
        loc = dt.datetime.fromtimestamp(t, _tz_at(c, t))
        h = loc.hour + loc.minute / 60.0 + loc.second / 3600.0
        wd = loc.weekday()
        seg = c.segment
        peak = c.peak
        if seg.moved is not None and loc.date() < seg.moved[0]:
            peak -= seg.moved[1]
        d = abs(h - peak)
        d = min(d, 24.0 - d)
        z = fx.base + c.u + fx.channel[channel] + seg.amp * math.exp(-0.5 * (d / seg.sd) ** 2) + seg.weekday[wd]
        if seg.second is not None:
            after, sd, amp = seg.second
            d = abs(h - peak - after) % 24.0
            z += amp * math.exp(-0.5 * (min(d, 24.0 - d) / sd) ** 2)
        if seg.fixed is not None:
            at, sd, amp = seg.fixed
            d = abs(h - at)
            z += amp * math.exp(-0.5 * (min(d, 24.0 - d) / sd) ** 2)
        if h < 6.0 or h >= 22.0:
            z += fx.night
        if c.off and loc.date() in c.off:
            z += fx.holiday
        if fx.calendar is not None:
            z += fx.calendar(c, loc)
        if fx.channel_hour is not None:
            z += fx.channel_hour(c, channel, loc)
        if fx.rep is not None:
            z += fx.rep(c, rep)
        z += fx.cold if gap is None else fx.gap(gap)
        z += fx.fatigue[min(fatigue, len(fx.fatigue) - 1)] + fx.streak[min(streak, len(fx.streak) - 1)]
        if fx.recent is not None and since_reply is not None:
            z += fx.recent(since_reply)
        q = 1.0 / (1.0 + math.exp(-z))
        x = _window_hours(c, loc)
        return q * fx.delay.cdf(x), q, loc, x

    def truth(self, email: str, at: dt.datetime) -> float:
        """The probability that one outbound e-mail to ``email`` at ``at`` is answered within three business
        days, given the contact's history logged up to the end (``now``) and no other touch in between; the e-mail comes
        from the contact's owner."""
        if at.tzinfo is None:
            raise ValueError("at must be timezone-aware")
        c = self.by_email[email.lower()]
        t = at.timestamp()
        if c.last is None:
            return self._prob(c, t, EMAIL, None, 0, 0, None, c.owner)[0]
        gap = max(0.0, t - c.last) / DAY
        fatigue = sum(1 for s in c.tail if t - self.fx.fatigue_days * DAY <= s < t)
        since = None if c.last_reply is None else max(0.0, t - c.last_reply) / DAY
        return self._prob(c, t, EMAIL, gap, fatigue, c.streak, since, c.owner)[0]

    def rep_timezone(self, email: str) -> str:
        return self.reps[self.by_email[email.lower()].owner].tz.key

    def peaks(self, email: str) -> tuple[float, float]:
        """(the contact's segment's peak hour, the contact's own peak hour): a diagnostic for tests."""
        c = self.by_email[email.lower()]
        return c.segment.peak, c.peak

    # ---- scheduling ------------------------------------------------------------------------------------

    def place(self, rep: int, target: float, rng: random.Random, after: float | None = None) -> float:
        """The moment a rep actually touches when aiming at ``target``: that local day (a day of the office's weekend,
        ``_Rep.rest``, moves to the first to third day of the next week unless the rep works weekends), at the rep's
        habitual hour or, sometimes, any hour 07-20. A rep with office holidays (``_Rep.off``) also moves off those, and
        never lands on a weekend or a holiday: a touch that would come before ``after`` moves to the next working day."""
        r = self.reps[rep]
        day = dt.datetime.fromtimestamp(target, r.tz).date()
        wd = day.weekday()
        if wd in r.rest and rng.random() >= r.weekend:
            ahead = 1
            while (wd + ahead) % 7 in r.rest:
                ahead += 1
            day += dt.timedelta(days=ahead + rng.choice((0, 0, 1, 2)))
        if r.off:
            day = _working_day(day, r.off, r.rest)
        if rng.random() < r.p_random:
            h = rng.uniform(7.0, 21.0)
        else:
            h = min(21.9, max(6.0, rng.gauss(r.hour, r.hour_sd)))
        s = int(h * 3600)
        t = _clock(day, s, r.tz)
        if after is not None and t <= after:
            if r.off:
                t = _clock(_working_day(dt.datetime.fromtimestamp(after, r.tz).date() + dt.timedelta(days=1), r.off,
                                        r.rest), s, r.tz)
            else:
                t = after + int(rng.uniform(0.5, 4.0) * HOUR)
        return t

    # ---- simulation ------------------------------------------------------------------------------------

    def _log(self, at: float, kind: int, who: int, rep: int, deal: int, num: int, chan: int = 0) -> None:
        self._at.append(at)
        self._kind.append(kind)
        self._who.append(who)
        self._rep.append(rep)
        self._deal.append(deal)
        self._num.append(num)
        self._chan.append(chan)

    def simulate(self) -> None:
        """Walk every contact's touches in time order, drawing each outcome from the truth at that moment."""
        fx = self.fx
        end = self.end_ts
        fat_s = fx.fatigue_days * DAY
        inbound_no = 0
        for ci, c in enumerate(self.contacts):
            rng = random.Random(self.seed * 1_000_003 + ci)
            heap: list[tuple[float, int, int]] = []
            for ti, th in enumerate(c.threads):
                t0 = th.first(self, rng)
                if t0 is not None and t0 < end:
                    heap.append((t0, ti, 0))
            heapq.heapify(heap)
            touches: list[float] = []
            arrivals: list[float] = []
            last_reply: float | None = None
            while heap:
                t, ti, reactive = heapq.heappop(heap)
                th = c.threads[ti]
                while arrivals and arrivals[0] <= t:
                    last_reply = heapq.heappop(arrivals)
                n = len(touches)
                gap = (t - touches[-1]) / DAY if n else None
                fatigue = n - bisect.bisect_left(touches, t - fat_s)
                streak = n - bisect.bisect_right(touches, last_reply) if last_reply is not None else n
                since = (t - last_reply) / DAY if last_reply is not None else None
                chan = th.channel(rng)
                p, q, loc, x = self._prob(c, t, chan, gap, fatigue, streak, since, th.rep)
                num = len(self.logged)
                self.logged.append(p)
                self._touch_contact.append(ci)
                naive = loc.replace(tzinfo=None)
                tz = _tz_at(c, t)  # a touch's window and reply clock are on the clock the contact keeps then
                wend = _aware(naive + dt.timedelta(days=WINDOW_DAYS[naive.weekday()]), tz)
                self._touch_window.append(wend)
                self._log(t, K_TOUCH, ci, th.rep, th.deal, num, chan)
                touches.append(t)
                u = rng.random()
                reply: float | None = None
                if u < p:
                    r = _aware(_advance(naive, fx.delay.within(x, rng), c.segment.all_days, c.off), tz)
                    reply = float(min(math.floor(r), wend - 1))
                elif u < q:
                    r = _aware(_advance(naive, fx.delay.after(x, rng), c.segment.all_days, c.off), tz)
                    reply = float(max(math.floor(r), wend + 60))
                if reply is not None and reply < end:
                    self._log(reply, K_REPLY, ci, th.rep, th.deal, num, chan)
                    heapq.heappush(arrivals, reply)
                    if rng.random() < th.react:
                        nt = self.place(th.rep, reply + rng.uniform(0.1, 1.5) * DAY, rng, after=reply)
                        if nt < end:
                            heapq.heappush(heap, (nt, ti, 1))
                if not reactive:
                    nt2 = th.after(self, t, streak + 1, rng)
                    if nt2 is not None and nt2 < end:
                        heapq.heappush(heap, (nt2, ti, 0))
            # the state as logged at the end
            while arrivals and arrivals[0] <= end:
                last_reply = heapq.heappop(arrivals)
            c.touches = len(touches)
            c.last = touches[-1] if touches else None
            c.tail = tuple(s for s in touches[-64:] if s >= end - 14 * DAY)
            c.last_reply = last_reply
            c.streak = (len(touches) - bisect.bisect_right(touches, last_reply)) if last_reply is not None \
                else len(touches)
            # unsolicited inbound e-mails (no in_reply_to), spread over the contact's active period
            if touches and c.inbound:
                lo, hi = touches[0], end
                for _ in range(c.inbound):
                    at = lo + rng.random() * (hi - lo)
                    self._log(float(int(at)), K_INBOUND, ci, c.owner, -1, inbound_no)
                    inbound_no += 1
            c.threads = []
        # a few notes per account, no contact
        rng = random.Random(self.seed * 7 + 3)
        start = self.end_ts - self.history_days * DAY
        for ai, a in enumerate(self.accounts):
            if rng.random() < 0.3:
                for _ in range(rng.randint(1, 3)):
                    t = self.place(a.owner, start + rng.random() * (self.history_days - 10) * DAY, rng)
                    if t < end:
                        self._log(t, K_NOTE, ai, a.owner, -1, self.notes)
                        self.notes += 1

    def auto_replies(self) -> None:
        """Log an automatic reply within three minutes of every e-mail touch that lands while the contact is away
        (``_Contact.away``), on the same local day: an inbound e-mail naming the day back, not an answer."""
        rng = random.Random(self.seed * 13 + 5)
        for i in range(len(self._kind)):
            if self._kind[i] != K_TOUCH or self._chan[i] != EMAIL:
                continue
            c = self.contacts[self._who[i]]
            loc = dt.datetime.fromtimestamp(self._at[i], _tz_at(c, self._at[i]))
            if c.away and _back(c, loc.date()) is not None:
                left = (24 - loc.hour) * 3600 - loc.minute * 60 - loc.second - 1
                at = self._at[i] + min(int(rng.uniform(20.0, 180.0)), left)
                if at < self.end_ts:
                    self._log(at, K_AWAY, self._who[i], self._rep[i], self._deal[i], self._num[i], EMAIL)

    # ---- the harness interface -------------------------------------------------------------------------

    def queries(self, n: int, seed: int = 0) -> list[Query]:
        """Up to ``n`` contacts to ask about at the end of the history, a fifth of them (at least 15%) never
        touched when the world has such contacts."""
        rng = random.Random(seed * 31 + 7)
        warm = [c.email for c in self.contacts if c.touches]
        cold = [c.email for c in self.contacts if not c.touches]
        n_cold = min(len(cold), math.ceil(0.2 * n)) if cold else 0
        n_warm = min(len(warm), n - n_cold)
        n_cold = min(len(cold), n - n_warm)
        picked = [(e, True) for e in rng.sample(warm, n_warm)] + [(e, False) for e in rng.sample(cold, n_cold)]
        rng.shuffle(picked)
        return [Query(e, self.end, w) for e, w in picked]

    def stats(self) -> dict[str, float]:
        touches = len(self.logged)
        kinds = self._kind
        replies = sum(1 for k in kinds if k == K_REPLY)
        within = 0
        counted = 0
        truth_sum = 0.0
        answered = set()
        for i in range(len(kinds)):
            if kinds[i] == K_REPLY:
                num = self._num[i]
                if self._at[i] <= self._touch_window[num]:
                    answered.add(num)
        for num in range(touches):
            if self._touch_window[num] <= self.end_ts:
                counted += 1
                truth_sum += self.logged[num]
                within += num in answered
        return {
            "contacts": len(self.contacts),
            "cold": sum(1 for c in self.contacts if not c.touches),
            "accounts": len(self.accounts),
            "touches": touches,
            "replies": replies,
            "answered_rate": within / max(1, counted),
            "mean_truth": truth_sum / max(1, counted),
            "deals": len(self.deals),
        }

    def write(self, out: Path) -> dict[str, Path]:
        """contacts.csv, activities.csv (sorted by time), accounts.csv and, with deals, sales_pipeline.csv. A contact with
        an ``alias`` has a second row in contacts.csv (no title), and their e-mail rows (outbound e-mails, replies, inbound
        and automatic e-mails) carry the alias; calls and meetings carry the address itself."""
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        paths = {k: out / f"{k}.csv" for k in ("contacts", "activities", "accounts")}
        with paths["contacts"].open("w", newline="", encoding="utf-8") as h:
            w = csv.writer(h)
            w.writerow(["contact_email", "name", "title", "account", "timezone"])
            w.writerows([c.email, c.name, c.title, self.accounts[c.account].name, (c.listed or c.tz).key]
                        for c in self.contacts)
            # the rows an e-mail sync added, one per address it spells another way
            w.writerows([c.alias, c.name, "", self.accounts[c.account].name, (c.listed or c.tz).key]
                        for c in self.contacts if c.alias)
        with paths["accounts"].open("w", newline="", encoding="utf-8") as h:
            w = csv.writer(h)
            w.writerow(["account", "sector", "year_established", "revenue", "employees", "office_location",
                        "subsidiary_of"])
            w.writerows([a.name, a.sector, a.year, f"{a.revenue:.2f}", a.employees or "", a.country, a.parent]
                        for a in self.accounts)
        if self.deals:
            paths["pipeline"] = out / "sales_pipeline.csv"
            with paths["pipeline"].open("w", newline="", encoding="utf-8") as h:
                w = csv.writer(h)
                w.writerow(["opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date",
                            "close_date", "close_value"])
                for d in self.deals:
                    engage = dt.datetime.fromtimestamp(d.start, UTC).date().isoformat()
                    if d.stop < self.end_ts:
                        stage = "Won" if d.won else "Lost"
                        close = dt.datetime.fromtimestamp(d.stop, UTC).date().isoformat()
                        value = str(d.value if d.won else 0)
                    else:
                        stage, close, value = ("Prospecting" if d.prospecting else "Engaging"), "", ""
                    w.writerow([d.opportunity_id, self.reps[d.rep].name, d.product,
                                self.accounts[d.account].name, stage, engage, close, value])
        at, kind, who, rep, deal, num, chan = (self._at, self._kind, self._who, self._rep, self._deal, self._num,
                                               self._chan)
        order = sorted(range(len(at)), key=at.__getitem__)
        fromts = dt.datetime.fromtimestamp
        with paths["activities"].open("w", newline="", encoding="utf-8") as h:
            w = csv.writer(h)
            w.writerow(["activity_id", "occurred_at", "type", "direction", "sales_agent", "account",
                        "contact_email", "opportunity_id", "subject", "body", "in_reply_to"])
            rows = []
            for i in order:
                k = kind[i]
                r = self.reps[rep[i]]
                n = num[i]
                if k == K_NOTE:
                    a = self.accounts[who[i]]
                    rows.append([f"N{n:07d}", fromts(at[i], r.tz).isoformat(timespec="seconds"), "note",
                                 "outbound", r.name, a.name, "", "", "Account note", _NOTES[n % len(_NOTES)], ""])
                else:
                    c = self.contacts[who[i]]
                    a = self.accounts[c.account]
                    d = deal[i]
                    opp = self.deals[d].opportunity_id if d >= 0 else ""
                    topic = self.deals[d].product if d >= 0 else "our conversation"
                    if k == K_TOUCH:
                        ch = chan[i]
                        subject, body = _touch_text(ch, topic, n)
                        rows.append([f"T{n:07d}", fromts(at[i], r.tz).isoformat(timespec="seconds"),
                                     CHANNEL_NAMES[ch], "outbound", r.name, a.name,
                                     c.alias if c.alias and ch == EMAIL else c.email, opp, subject, body,
                                     ""])
                    elif k == K_REPLY:
                        subject, _ = _touch_text(chan[i], topic, n)
                        rows.append([f"R{n:07d}", fromts(at[i], _tz_at(c, at[i])).isoformat(timespec="seconds"), "email",
                                     "inbound", r.name, a.name, c.alias or c.email, opp, "Re: " + subject,
                                     _REPLIES[n % len(_REPLIES)], f"T{n:07d}"])
                    elif k == K_AWAY:
                        subject, _ = _touch_text(chan[i], topic, n)
                        local = fromts(at[i], _tz_at(c, at[i]))
                        back = _back(c, local.date())
                        assert back is not None  # logged on a day away, see ``auto_replies``
                        rows.append([f"A{n:07d}", local.isoformat(timespec="seconds"), "email", "inbound", r.name,
                                     a.name, c.alias or c.email, opp, "Automatic reply: " + subject,
                                     f"I am out of the office, back on {back:%A} {back.day} {back:%B} {back.year}, "
                                     "with no access to e-mail until then.", ""])
                    else:
                        rows.append([f"I{n:07d}", fromts(at[i], _tz_at(c, at[i])).isoformat(timespec="seconds"), "email",
                                     "inbound", r.name, a.name, c.alias or c.email, "", _INBOUND[n % len(_INBOUND)],
                                     "Sent from my phone.", ""])
                if len(rows) >= 20000:
                    w.writerows(rows)
                    rows = []
            w.writerows(rows)
        return paths


def _tz_at(c: _Contact, t: float) -> ZoneInfo:
    """The time zone ``c`` keeps at the moment ``t``: their own (``tz``) or, before they moved, the one they kept."""
    return c.moved[1] if c.moved is not None and t < c.moved[0] else c.tz


def _aware(naive: dt.datetime, tz: ZoneInfo) -> float:
    return naive.replace(tzinfo=tz).timestamp()


def _advance(start: dt.datetime, hours: float, all_days: bool, off: frozenset[dt.date] = frozenset()) -> dt.datetime:
    """``hours`` of waking clock (07:00-22:00, weekdays only unless ``all_days``, never on a day in ``off``) after
    ``start`` (local)."""
    t = start
    rem = hours * 3600.0
    while True:
        day0 = dt.datetime(t.year, t.month, t.day)
        wd = day0.weekday()
        if not all_days and wd >= 5:
            t = day0 + dt.timedelta(days=7 - wd, hours=OPEN_HOUR)
            continue
        if off and day0.date() in off:
            t = day0 + dt.timedelta(days=1, hours=OPEN_HOUR)
            continue
        opening = day0 + dt.timedelta(hours=OPEN_HOUR)
        closing = day0 + dt.timedelta(hours=CLOSE_HOUR)
        if t < opening:
            t = opening
        if t >= closing:
            t = day0 + dt.timedelta(days=1, hours=OPEN_HOUR)
            continue
        avail = (closing - t).total_seconds()
        if rem <= avail:
            return t + dt.timedelta(seconds=rem)
        rem -= avail
        t = day0 + dt.timedelta(days=1, hours=OPEN_HOUR)


def _window_hours(c: _Contact, loc: dt.datetime) -> float:
    """Hours of the contact's waking clock inside the reply window of a touch at ``loc`` (their local moment):
    three business days, or ``WINDOW_DAYS`` calendar days for a contact who answers every day, without their
    public holidays."""
    wd = loc.weekday()
    if c.off:
        return _active_hours(loc.replace(tzinfo=None), WINDOW_DAYS[wd], c.segment.all_days, c.off)
    if c.segment.all_days:
        return AWAKE * WINDOW_DAYS[wd]
    if wd < 5:
        return 3 * AWAKE
    # the clock starts on Monday 07:00 and the window ends on Wednesday at the touch's clock time
    h = loc.hour + loc.minute / 60.0 + loc.second / 3600.0
    return 2 * AWAKE + min(max(h, OPEN_HOUR), CLOSE_HOUR) - OPEN_HOUR


def _clock(day: dt.date, seconds: int, tz: ZoneInfo) -> float:
    """The epoch of ``seconds`` after midnight (whole seconds) on ``day`` in ``tz``."""
    return dt.datetime(day.year, day.month, day.day, seconds // 3600, seconds // 60 % 60, seconds % 60,
                       tzinfo=tz).timestamp()


def _active_hours(start: dt.datetime, days: int, all_days: bool, off: frozenset[dt.date]) -> float:
    """Hours of waking clock from ``start`` (local) to the same clock time ``days`` days later, skipping weekends
    (unless ``all_days``) and the days in ``off``: what ``_advance`` can cover inside a window."""
    h = min(max(start.hour + start.minute / 60.0 + start.second / 3600.0, OPEN_HOUR), CLOSE_HOUR)
    day = start.date()
    total = 0.0
    for k in range(days + 1):
        d = day + dt.timedelta(days=k)
        if (not all_days and d.weekday() >= 5) or d in off:
            continue
        total += (h if k == days else CLOSE_HOUR) - (h if k == 0 else OPEN_HOUR)
    return total


def _back(c: _Contact, day: dt.date) -> dt.date | None:
    """The day ``c`` is back from the absence they are on on ``day`` (their local date), or None."""
    return next((back for first, back in c.away if first <= day < back), None)


def _working_day(day: dt.date, off: frozenset[dt.date], rest: tuple[int, ...] = (5, 6)) -> dt.date:
    """``day``, or the first day after it that is neither in ``off`` nor a day of the weekend ``rest`` (Monday being 0;
    Saturday and Sunday unless told)."""
    while day.weekday() in rest or day in off:
        day += dt.timedelta(days=1)
    return day


def _working_days_after(day: dt.date, n: int, off: frozenset[dt.date], rest: tuple[int, ...] = (5, 6)) -> dt.date:
    """The ``n``-th working day (a day neither in ``off`` nor in the weekend ``rest``) after ``day``; for 0,
    ``_working_day(day, off, rest)``."""
    day = _working_day(day, off, rest)
    for _ in range(n):
        day = _working_day(day + dt.timedelta(days=1), off, rest)
    return day


# --------------------------------------------------------------------------------------------------------
# Shared material for the builders

_TOUCH_TEXT = {
    EMAIL: (("{t}: next steps", "Following up on {t}; does a short call this week work?"),
            ("Checking in on {t}", "Any questions on the proposal for {t}?"),
            ("{t} pricing", "Attached the numbers we discussed for {t}."),
            ("Quick question about {t}", "Who else should be part of the decision on {t}?")),
    CALL: (("Call: {t}", "Called about {t}."), ("Call: follow-up", "Left a message about {t}.")),
    MEETING: (("Meeting: {t} review", "Walked through {t} with the team."),
              ("Meeting: {t} demo", "Demo of {t}; agreed to follow up.")),
}
_REPLIES = ("Thanks, sounds good.", "Let me check with my team and come back to you.", "Yes, Thursday works.",
            "Can you send the details again?", "Not right now, maybe next quarter.")
_INBOUND = ("Question about our account", "Invoice copy", "Introducing a colleague", "Change of address")
_NOTES = ("Budget cycle starts next quarter.", "New procurement contact.", "Competitor in the running.")


def _touch_text(channel: int, topic: str, n: int) -> tuple[str, str]:
    options = _TOUCH_TEXT[channel]
    subject, body = options[n % len(options)]
    return subject.format(t=topic), body.format(t=topic)


_FIRST = ("Ava", "Liam", "Noah", "Emma", "Mia", "Lucas", "Sofia", "Ethan", "Chloe", "Mateo", "Hana", "Ravi",
          "Priya", "Kenji", "Yuki", "Lena", "Jonas", "Elena", "Marco", "Clara", "Omar", "Aisha", "Diego", "Lucia",
          "Felix", "Greta", "Tomas", "Ines", "Arjun", "Mei", "Oscar", "Nora", "Hugo", "Zara", "Ivan", "Leah")
_LAST = ("Smith", "Garcia", "Müller", "Rossi", "Dubois", "Tanaka", "Kumar", "Silva", "Nguyen", "Brown", "Lopez",
         "Schmidt", "Moreau", "Sato", "Patel", "Costa", "Walsh", "Novak", "Jensen", "Okafor", "Kim", "Chen", "Ito",
         "Fischer", "Romano", "Martin", "Singh", "Santos", "Murphy", "Berg", "Cohen", "Haddad", "Larsen", "Reyes")
_TITLES = ("Head of Operations", "Procurement Manager", "VP Sales", "IT Director", "CFO", "Store Manager",
           "Clinic Manager", "Operations Lead", "General Manager", "Buyer", "Head of Finance", "COO")
_PRE = ("Nor", "Vel", "Astra", "Brook", "Cedar", "Delta", "Ember", "Fair", "Gran", "Harbor", "Iron", "Juniper",
        "Kestrel", "Lumen", "Maple", "Nova", "Orchid", "Pine", "Quill", "River", "Sable", "Tidal", "Umber",
        "Vista", "Willow", "Xeno", "Yarrow", "Zephyr", "Aurora", "Birch")
_SUF = ("field", "mark", "stone", "gate", "works", "line", "point", "wave", "crest", "vale", "bridge", "port",
        "wood", "ridge", "light", "haven", "shore", "peak", "dale", "forge")
_SECTOR_WORD = {"hospitality": "Hotels", "retail": "Retail", "healthcare": "Health", "software": "Software",
                "finance": "Capital", "legal": "Legal", "manufacturing": "Industries", "logistics": "Logistics",
                "education": "Learning", "media": "Media", "technology": "Tech", "services": "Services",
                "telecom": "Telecom", "energy": "Energy", "construction": "Builders", "automotive": "Motors",
                "insurance": "Insurance", "pharma": "Pharma", "government": "Authority", "agriculture": "Farms",
                "ports": "Terminals", "freight forwarding": "Freight", "air cargo": "Air Cargo",
                "customs brokerage": "Customs", "warehousing": "Warehousing", "farming": "Farms",
                "cooperative": "Co-op", "equipment dealer": "Equipment", "agronomy": "Agronomy",
                "food processing": "Foods", "automotive parts": "Components", "chemicals": "Chemicals",
                "packaging": "Packaging", "metals": "Metals", "plastics": "Plastics"}
_PRODUCTS = ("Core Suite", "Analytics Plus", "Connect", "Insight Pro", "Edge Gateway", "Field Mobile")

COUNTRY_ZONES: dict[str, tuple[str, ...]] = {
    "United States": ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"),
    "Canada": ("America/Toronto", "America/Vancouver"),
    "Mexico": ("America/Mexico_City",),
    "Brazil": ("America/Sao_Paulo",),
    "United Kingdom": ("Europe/London",),
    "Ireland": ("Europe/Dublin",),
    "Germany": ("Europe/Berlin",),
    "France": ("Europe/Paris",),
    "Spain": ("Europe/Madrid",),
    "Italy": ("Europe/Rome",),
    "Netherlands": ("Europe/Amsterdam",),
    "Australia": ("Australia/Sydney", "Australia/Melbourne"),
    "Singapore": ("Asia/Singapore",),
    "Japan": ("Asia/Tokyo",),
    "India": ("Asia/Kolkata",),
    "Sweden": ("Europe/Stockholm",),
    "United Arab Emirates": ("Asia/Dubai",),
    "New Zealand": ("Pacific/Auckland",),
}
REGION = {"United States": "Americas", "Canada": "Americas", "Mexico": "Americas", "Brazil": "Americas",
          "United Kingdom": "Europe", "Ireland": "Europe", "Germany": "Europe", "France": "Europe",
          "Spain": "Europe", "Italy": "Europe", "Netherlands": "Europe", "Australia": "APAC",
          "Singapore": "APAC", "Japan": "APAC", "India": "APAC", "Sweden": "Europe",
          "United Arab Emirates": "Middle East", "New Zealand": "APAC"}
_ZONES: dict[str, ZoneInfo] = {}


def _zone(name: str) -> ZoneInfo:
    if name not in _ZONES:
        _ZONES[name] = ZoneInfo(name)
    return _ZONES[name]


def _weighted(rng: random.Random, options: dict[str, float]) -> str:
    keys = list(options)
    return keys[_pick([options[k] for k in keys], rng)]


def _employees(rng: random.Random, band: str) -> int:
    lo, hi = {"small": (10, 199), "mid": (200, 1999), "large": (2000, 40000)}[band]
    return int(math.exp(rng.uniform(math.log(lo), math.log(hi))))


def _headcount(rng: random.Random, low: int, high: int) -> int:
    """An employee count from ``low`` to ``high``, spread evenly on a log scale."""
    return int(math.exp(rng.uniform(math.log(low), math.log(high))))


def _shifted(peak: float, share: float, rng: random.Random) -> float:
    """The segment's peak, moved by 2 or 3 hours for a ``share`` of contacts (towards the side that keeps it
    in the waking day)."""
    if rng.random() >= share:
        return peak
    step = rng.choice((2.0, 3.0))
    sign = rng.choice((-1.0, 1.0))
    if not 6.5 <= peak + sign * step <= 20.5:
        sign = -sign
    return peak + sign * step


class _Builder:
    """Common steps: reps, accounts and contacts, deals."""

    def __init__(self, w: PlantedWorld, rng: random.Random) -> None:
        self.w = w
        self.rng = rng
        self._cold = rng.random()

    def cold(self, share: float) -> bool:
        """Whether the next contact is never touched: ``share`` of the calls, spread evenly with jitter so a
        small world gets its share too."""
        self._cold += share * self.rng.uniform(0.5, 1.5)
        if self._cold >= 1.0:
            self._cold -= 1.0
            return True
        return False

    def rep(self, name: str, zone: str, hour: float, gap: float, *, hour_sd: float = 0.8, p_random: float = 0.22,
            weekend: float = 0.0, off: frozenset[dt.date] = frozenset(), rest: tuple[int, ...] = (5, 6)) -> int:
        self.w.reps.append(_Rep(name, _zone(zone), hour, hour_sd, p_random, gap, weekend, off, rest))
        return len(self.w.reps) - 1

    def account(self, sector: str, country: str, employees: int, owner: int) -> int:
        rng = self.rng
        i = len(self.w.accounts)
        name = f"{_PRE[i % len(_PRE)]}{_SUF[(i // len(_PRE)) % len(_SUF)]} {_SECTOR_WORD[sector]}"
        if i >= len(_PRE) * len(_SUF):
            name += f" {i // (len(_PRE) * len(_SUF)) + 1}"
        revenue = round(employees * rng.uniform(0.08, 0.3), 2)
        parent = ""
        if i > 20 and rng.random() < 0.04:
            parent = self.w.accounts[rng.randrange(i)].name
        self.w.accounts.append(_Account(name, sector, country, employees, rng.randint(1950, 2020), revenue, owner,
                                        parent))
        return i

    def contact(self, account: int, zone: str, segment: Segment, owner: int, shift_share: float,
                title: str | None = None) -> _Contact:
        rng = self.rng
        i = len(self.w.contacts)
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        slug = "".join(ch for ch in self.w.accounts[account].name.lower() if ch.isalnum())
        local = f"{first}.{last}".lower().replace("ü", "ue")
        email = f"{local}.{_b36(i)}@{slug}.example"
        c = _Contact(email, f"{first} {last}", rng.choice(_TITLES) if title is None else title, account, _zone(zone),
                     segment, _shifted(segment.peak, shift_share, rng), rng.gauss(0.0, self.w.fx.responsiveness_sd),
                     owner, shift_share=shift_share)
        self.w.contacts.append(c)
        self.w.by_email[email] = c
        return c

    def sequences(self, people: list[_Contact], rep: int, start: float, share: float, span: float,
                  again: tuple[float, float], mix: tuple[float, float]) -> None:
        """A sales development rep's sequences for ``share`` of ``people``: three to six steps two to four days apart,
        again ``again`` days later, for 20-250 days from a start up to ``span`` days after ``start`` (none starting in
        the history's last five days)."""
        rng, end = self.rng, self.w.end_ts
        for c in people:
            if rng.random() < share:
                s0 = start + rng.uniform(0.0, span) * DAY
                if s0 < end - 5 * DAY:
                    c.threads.append(_Bursts(rep, s0, min(end, s0 + rng.uniform(20.0, 250.0) * DAY), (3, 6),
                                             (2.0, 3.0, 4.0), again, mix=mix, react=0.25))

    def further_deal(self, account: int, rep: int, arrival: float, people: list[_Contact], products: tuple[str, ...],
                     cadence: Callable[..., None], pace: Callable[[float], float], mix: tuple[float, float],
                     specialist: tuple[int, str, tuple[float, float]] | None = None) -> None:
        """With a chance of 0.35, a further deal of ``rep`` at ``account`` on one of ``products``, starting 20-400 days
        after ``arrival`` (none in the history's last ten days) and lasting 30-100 days: ``cadence`` (called as
        ``cadence(contact, rep, start, stop, gap, pace, mix, deal, react)``) with one to three of ``people``. With
        ``specialist`` (their rep, product and mix), with a chance of 0.35 the specialist's own deal too, from a fifth
        to half-way through it to its end (none starting in the last five days), with the first of those people."""
        rng, w, end = self.rng, self.w, self.w.end_ts
        if rng.random() >= 0.35:
            return
        t = arrival + rng.uniform(20.0, 400.0) * DAY
        if t >= end - 10 * DAY:
            return
        dur = rng.uniform(30.0, 100.0) * DAY
        di = self.deal(rep, account, t, t + dur)
        w.deals[di].product = rng.choice(products)
        chosen = rng.sample(people, min(len(people), rng.choice((1, 1, 2, 3))))
        for c in chosen:
            cadence(c, rep, t, min(t + dur, end), w.reps[rep].gap * rng.uniform(0.8, 1.2), pace, mix, di, 0.4)
        if specialist is not None and rng.random() < 0.35:
            t2 = t + rng.uniform(0.2, 0.5) * dur
            if t2 < end - 5 * DAY:
                other, product, other_mix = specialist
                d2 = self.deal(other, account, t2, t + dur)
                w.deals[d2].product = product
                cadence(chosen[0], other, t2, min(t + dur, end), w.reps[other].gap, pace, other_mix, d2)

    def named(self, account: int, zone: str, segment: Segment, owner: int, shift_share: float, title: str, domain: str,
              names: Callable[[str, random.Random], tuple[str, str, str | None]], country: str,
              off: frozenset[dt.date]) -> _Contact:
        """A contact titled ``title``, named as people in ``country`` are (``names``: given name, family name, the name
        as the CRM writes it when otherwise), with an address at ``domain`` and ``off`` as their public days off."""
        c = self.contact(account, zone, segment, owner, shift_share, title=title)
        first, last, name = names(country, self.rng)
        _rename(self.w, c, first, last, domain, name=name)
        c.off = off
        return c

    def customer(self, account: int, owner: int, arrival: float, begin: float, pace: Callable[[float], float], *,
                 success: int, consultant: int, keys: list[_Contact], buyers: list[_Contact], deciders: list[_Contact],
                 floor: list[_Contact], experts: list[_Contact], products: tuple[str, ...], n_lines: int,
                 longest: float, specialist: tuple[int, str, tuple[float, float]] | None) -> None:
        """A customer's deals and care: customer success (``success``) keeps in touch with one or two of ``keys`` every
        18-40 days; ``owner`` works the renewal of ``products[0]`` before each anniversary with one or two of ``buyers``;
        ``n_lines`` lines of deals on ``products`` (each going on with a chance of 0.65, a deal of 30 to ``longest``
        days with one to three of ``deciders``, the next 30-150 days after it), a won deal getting one to three of
        ``floor`` trained by ``consultant`` every two to four days for three to eight weeks; with ``specialist`` (their
        rep, product and mix) and ``experts``, with a chance of 0.35 the specialist's deal with one or two of them;
        last, customer success keeps in touch with 60% of the ``deciders`` no one else writes to."""
        rng, w, end = self.rng, self.w, self.w.end_ts
        for c in rng.sample(keys, min(len(keys), rng.choice((1, 1, 2)))):
            _paced(c, success, arrival + rng.uniform(0.0, 30.0) * DAY, end, rng.uniform(18.0, 40.0), pace, (0.55, 0.9),
                   react=0.3)
        anniversary = begin + rng.uniform(0.0, 365.0) * DAY
        while anniversary - 30 * DAY < end:
            t0 = max(anniversary - rng.uniform(30.0, 60.0) * DAY, arrival)
            t1 = anniversary + rng.uniform(0.0, 10.0) * DAY
            if t1 > begin + 20 * DAY and t0 < min(t1, end - 3 * DAY):
                di = self.deal(owner, account, t0, t1)
                w.deals[di].product, w.deals[di].won = products[0], rng.random() < 0.85
                for c in rng.sample(buyers, min(len(buyers), rng.choice((1, 1, 2)))):
                    _paced(c, owner, t0, min(t1, end), w.reps[owner].gap * rng.uniform(0.8, 1.2), pace, (0.6, 0.9), di,
                           0.4)
            anniversary += 365 * DAY
        for _line in range(n_lines):
            t = arrival + rng.uniform(5.0, 120.0) * DAY
            while t < end - 10 * DAY and rng.random() < 0.65:
                dur = rng.uniform(30.0, longest) * DAY
                di = self.deal(owner, account, t, t + dur)
                w.deals[di].product = rng.choice(products)
                for c in rng.sample(deciders, min(len(deciders), rng.choice((1, 1, 2, 3)))):
                    _paced(c, owner, t, min(t + dur, end), w.reps[owner].gap * rng.uniform(0.8, 1.25), pace,
                           (0.58, 0.88), di, 0.4)
                if w.deals[di].won and t + dur < end - 5 * DAY and floor:
                    go = t + dur + rng.uniform(3.0, 15.0) * DAY
                    for c in rng.sample(floor, min(len(floor), rng.randint(1, 3))):
                        _paced(c, consultant, go, min(go + rng.uniform(21.0, 56.0) * DAY, end), rng.uniform(2.0, 4.0),
                               pace, (0.45, 0.85), di, 0.3)
                t += dur + rng.uniform(30.0, 150.0) * DAY
        if specialist is not None and experts and rng.random() < 0.35:
            other, product, other_mix = specialist
            t = arrival + rng.uniform(10.0, 300.0) * DAY
            if t < end - 10 * DAY:
                dur = rng.uniform(30.0, 90.0) * DAY
                di = self.deal(other, account, t, t + dur)
                w.deals[di].product = product
                for c in rng.sample(experts, min(len(experts), rng.choice((1, 2)))):
                    _paced(c, other, t, min(t + dur, end), w.reps[other].gap * rng.uniform(0.8, 1.2), pace, other_mix,
                           di)
        for c in deciders:
            if not c.threads and rng.random() < 0.6:
                _paced(c, success, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(30.0, 60.0), pace,
                       (0.7, 0.95), react=0.3)

    def prospect(self, account: int, owner: int, sdr: int, arrival: float, pace: Callable[[float], float],
                 sequenced: list[_Contact], heads: list[_Contact], deciders: list[_Contact], products: tuple[str, ...],
                 specialist: tuple[int, str, tuple[float, float]] | None) -> None:
        """A prospect's touches: the sales development sequences (``sequences``) for 70% of ``sequenced``; with a chance
        of 0.35 ``owner`` keeps in touch with one of ``heads`` every four to seven weeks; a further deal with
        ``deciders`` (``further_deal``, with ``specialist`` when given)."""
        rng, end = self.rng, self.w.end_ts
        self.sequences(sequenced, sdr, arrival, 0.7, 300.0, (60.0, 150.0), (0.7, 1.0))
        if heads and rng.random() < 0.35:
            _paced(rng.choice(heads), owner, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(28.0, 49.0), pace,
                   (0.55, 0.95))
        self.further_deal(account, owner, arrival, deciders, products, _paced, pace, (0.58, 0.88), specialist)

    def head_office(self, account: int, owner: int, sdr: int, arrival: float, pace: Callable[[float], float],
                    people: list[_Contact], customer: bool, heads: list[_Contact], products: tuple[str, ...],
                    mix: tuple[float, float], specialist: tuple[int, str, tuple[float, float]] | None) -> None:
        """A group's head office. A customer's: ``owner`` keeps in touch with four in five of ``people`` every three to
        six weeks (``mix``) and, with a chance of 0.6, runs a group-wide deal on one of ``products`` of two to six months
        (none starting in the history's last ten days) with one or two of them; with ``specialist`` (their rep, product
        and mix), with a chance of 0.3 the specialist's own deal alongside, from three tenths of the way through to its
        end (none starting in the last five days), with the first of those people. A prospect's: the sales development
        sequences (``sequences``) for 70% of ``people``, and with a chance of 0.4 ``owner`` keeps in touch with the first
        of ``heads`` every four to seven weeks."""
        rng, w, end = self.rng, self.w, self.w.end_ts
        if not customer:
            self.sequences(people, sdr, arrival, 0.7, 300.0, (60.0, 150.0), (0.7, 1.0))
            if heads and rng.random() < 0.4:
                _paced(heads[0], owner, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(28.0, 49.0), pace,
                       (0.55, 0.95))
            return
        for c in people:
            if rng.random() < 0.8:
                _paced(c, owner, arrival + rng.uniform(0.0, 30.0) * DAY, end, rng.uniform(21.0, 42.0), pace, mix,
                       react=0.35)
        if rng.random() < 0.6:
            t = arrival + rng.uniform(20.0, 300.0) * DAY
            if t < end - 10 * DAY:
                dur = rng.uniform(60.0, 180.0) * DAY
                di = self.deal(owner, account, t, t + dur)
                w.deals[di].product = rng.choice(products)
                chosen = rng.sample(people, min(len(people), rng.choice((1, 2))))
                for c in chosen:
                    _paced(c, owner, t, min(t + dur, end), w.reps[owner].gap * rng.uniform(0.8, 1.2), pace, (0.6, 0.88),
                           di, 0.4)
                if specialist is not None and rng.random() < 0.3 and t + 0.3 * dur < end - 5 * DAY:
                    other, product, other_mix = specialist
                    d2 = self.deal(other, account, t + 0.3 * dur, t + dur)
                    w.deals[d2].product = product
                    _paced(chosen[0], other, t + 0.3 * dur, min(t + dur, end), w.reps[other].gap, pace, other_mix, d2)

    def notice(self, people: list[_Contact], rep: int, day: dt.date, within: tuple[float, float], arrival: float) -> None:
        """A single e-mail from ``rep`` to each of ``people``, ``within`` days (drawn evenly) after noon of ``day`` on
        their clock, when that falls between ``arrival`` and the history's end."""
        rng, w = self.rng, self.w
        for c in people:
            at = _clock(day, 12 * 3600, c.tz) + rng.uniform(*within) * DAY
            if arrival < at < w.end_ts:
                c.threads.append(_Once(rep, w.place(rep, at, rng)))

    def untouched(self, c: _Contact, rep: int, arrival: float) -> None:
        """When no one writes to ``c``, a single e-mail from ``rep`` at a moment between ``arrival`` and the history's
        last day."""
        if not c.threads:
            c.threads.append(_Once(rep, self.w.place(rep, self.rng.uniform(arrival, self.w.end_ts - DAY), self.rng)))

    def deal(self, rep: int, account: int, start: float, stop: float) -> int:
        rng = self.rng
        i = len(self.w.deals)
        self.w.deals.append(_Deal(f"{self.w.name[:2].upper()}{i:06d}", rep, rng.choice(_PRODUCTS), account, start,
                                  stop, rng.random() < 0.45, rng.random() < 0.25, rng.randint(5, 250) * 100))
        return i


def _b36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = digits[r] + out
        if n == 0:
            return out


def _count(scale: float, n: float, minimum: int) -> int:
    return max(minimum, round(n * scale))


WEEKDAY_ONLY = (-0.1, 0.15, 0.2, 0.1, -0.25, -0.9, -0.9)


# --------------------------------------------------------------------------------------------------------
# 1. Several deals at once


def multideal(scale: float = 1.0, seed: int = 101) -> PlantedWorld:
    """Concurrent deals: 1-2 contacts per account, each warm contact touched 50-200 times by 2-4 deals
    running side by side (back-to-back deals in each of 2-4 slots, reps from the account team).
    Segments by company size (employees): small firms peak early and narrow (07:30, sd 1.2 h), mid-size broad
    at midday (12:30, sd 3.2 h), large firms late and narrow (17:30, sd 1.3 h). Per-contact fatigue: every
    touch in the last three days, whatever the deal, costs 0.35-0.4 on the log-odds; a same-day second touch
    is penalised, otherwise the gap matters little (a small rise up to three days). No shifted peaks.
    About 120,000 touches at scale 1; about 15% of contacts are never touched (the second contact of an
    account)."""
    fx = Effects(
        base=-0.9,
        gap=_pl((0.0, -0.6), (0.25, -0.3), (1.0, 0.0), (3.0, 0.25), (30.0, 0.25), (90.0, -0.2)),
        cold=-0.1,
        fatigue_days=3.0,
        fatigue=(0.0, -0.35, -0.75, -1.15, -1.5, -1.8),
        streak=tuple(-0.05 * i for i in range(9)),
        recent=None,
        night=-0.6,
        channel=(0.0, 0.15, 0.8),
        responsiveness_sd=0.5,
    )
    w = PlantedWorld("multideal", _doc(multideal), fx, dt.datetime(2025, 3, 13, 22, 0, tzinfo=UTC), seed)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    reps = [b.rep("Avery Holt", "America/New_York", 9.0, 7), b.rep("Jordan Pike", "America/New_York", 14.5, 7),
            b.rep("Casey Lund", "America/New_York", 11.0, 7), b.rep("Morgan Reid", "America/New_York", 16.0, 7),
            b.rep("Riley Shaw", "America/Chicago", 8.5, 7), b.rep("Quinn Baker", "America/Chicago", 13.0, 7),
            b.rep("Drew Ellis", "America/Chicago", 10.0, 7), b.rep("Harper Cole", "Europe/London", 9.5, 7),
            b.rep("Rowan Price", "Europe/London", 15.0, 7)]
    segments = {
        "small": Segment("small", 7.5, 1.2, 1.4, WEEKDAY_ONLY, False),
        "mid": Segment("mid", 12.5, 3.2, 1.0, WEEKDAY_ONLY, False),
        "large": Segment("large", 17.5, 1.3, 1.5, WEEKDAY_ONLY, False),
    }
    end = w.end_ts
    for _ in range(_count(scale, 850, 12)):
        country = _weighted(rng, {"United States": 0.6, "Canada": 0.15, "United Kingdom": 0.25})
        band = _weighted(rng, {"small": 0.35, "mid": 0.35, "large": 0.3})
        team = rng.sample(reps[:7] if country != "United Kingdom" else reps, 3)
        ai = b.account(rng.choice(("software", "manufacturing", "finance", "logistics")), country,
                       _employees(rng, band), team[0])
        people = 2 if rng.random() < 0.45 else 1
        for k in range(people):
            c = b.contact(ai, rng.choice(COUNTRY_ZONES[country]), segments[band], team[0], 0.0)
            if k == 1 and b.cold(0.45):
                continue  # never touched
            slots = rng.choice((2, 2, 3, 3, 3, 4, 4))
            target = rng.uniform(50, 200)
            length = rng.uniform(300, 560)
            mean_gap = min(25.0, max(3.0, slots * length / target))
            stop = end if rng.random() < 0.75 else end - rng.uniform(10, 150) * DAY
            begin = stop - length * DAY
            for _slot in range(slots):
                t = begin + rng.uniform(0, 40) * DAY
                while t < stop:
                    dur = rng.uniform(40, 180) * DAY
                    rep = rng.choice(team)
                    di = b.deal(rep, ai, t, t + dur)
                    c.threads.append(_Cadence(rep, t, min(t + dur, stop), mean_gap * rng.uniform(0.7, 1.3), 0.55,
                                              deal=di, mix=(0.78, 0.93), react=0.35))
                    t += dur + rng.uniform(0, 20) * DAY
            c.inbound = rng.randint(0, 3)
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 2. Reps whose habits differ by time zone


def timezones(scale: float = 1.0, seed: int = 202) -> PlantedWorld:
    """Reps in six time zones (London, Berlin, Chicago, New York, Singapore, Sydney), each with a habitual
    local hour and a habitual gap (2-7 days), writing to contacts in eight countries; roughly 30% of the
    accounts are owned by a rep in another region (a London rep at 09:00 London reaches Chicago at 03:00),
    15-30% of each rep's touches fall at a random hour 07-20 rep-local, and 30% of relationships are handed
    over mid-way to a rep in another zone. Segments by the contact's country (office_location): the United
    States late and narrow (17:30), the United Kingdom early and narrow (08:00), Germany broad midday,
    Australia broad early afternoon, Singapore very early and narrow (07:30), Japan late (18:30), Brazil
    narrow midday, India broad mid-afternoon; 25% of contacts peak 2-3 hours off their country's peak.
    Replies rise with the gap since the last touch up to six days, then flatten and slowly decay; a reply in
    the last week helps; fatigue and unanswered streaks are mild; Tuesday-Wednesday best, Friday weak.
    The largest world: about 300,000 touches at scale 1 (scale 3.3 gives about a million), about 13% cold."""
    fx = Effects(
        base=-1.05,
        gap=_pl((0.0, -0.8), (1.0, -0.5), (3.0, 0.0), (6.0, 0.45), (14.0, 0.45), (30.0, 0.2), (120.0, 0.0)),
        cold=0.0,
        fatigue_days=7.0,
        fatigue=(0.0, -0.05, -0.15, -0.3, -0.45),
        streak=tuple(-0.04 * i for i in range(11)),
        recent=_pl((0.0, 0.3), (7.0, 0.3), (21.0, 0.0)),
        night=-0.7,
        channel=(0.0, 0.2, 0.9),
        responsiveness_sd=0.6,
    )
    w = PlantedWorld("timezones", _doc(timezones), fx, dt.datetime(2025, 6, 6, 21, 0, tzinfo=UTC), seed)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    reps = {
        "Europe": [b.rep("Ellis Grant", "Europe/London", 9.0, 3, p_random=0.18),
                   b.rep("Imogen Hart", "Europe/London", 9.0, 5, p_random=0.25),
                   b.rep("Theo Blake", "Europe/London", 15.5, 4, p_random=0.15),
                   b.rep("Katrin Vogel", "Europe/Berlin", 8.0, 6, p_random=0.2),
                   b.rep("Lars Weber", "Europe/Berlin", 16.0, 2.5, p_random=0.3)],
        "Americas": [b.rep("Dana Brooks", "America/Chicago", 10.0, 4, p_random=0.2),
                     b.rep("Sam Ortiz", "America/Chicago", 14.0, 7, p_random=0.25),
                     b.rep("Pat Kelly", "America/Chicago", 8.5, 3, p_random=0.15),
                     b.rep("Alex Moore", "America/New_York", 9.5, 5, p_random=0.2),
                     b.rep("Jamie Fox", "America/New_York", 16.0, 2, p_random=0.3)],
        "APAC": [b.rep("Wei Lin", "Asia/Singapore", 10.0, 4, p_random=0.2),
                 b.rep("Ananya Rao", "Asia/Singapore", 15.0, 6, p_random=0.25),
                 b.rep("Jack Turner", "Australia/Sydney", 8.0, 3, p_random=0.15),
                 b.rep("Mia Clarke", "Australia/Sydney", 13.0, 5, p_random=0.3)],
    }
    every = [r for rs in reps.values() for r in rs]
    days = (0.0, 0.25, 0.25, 0.15, -0.35, -0.8, -0.8)
    segments = {
        "United States": Segment("United States", 17.5, 1.3, 1.5, days, False),
        "United Kingdom": Segment("United Kingdom", 8.0, 1.2, 1.4, days, False),
        "Germany": Segment("Germany", 11.0, 3.5, 1.0, days, False),
        "Australia": Segment("Australia", 13.5, 3.0, 1.1, days, False),
        "Singapore": Segment("Singapore", 7.5, 1.0, 1.5, days, False),
        "Japan": Segment("Japan", 18.5, 1.4, 1.3, days, False),
        "Brazil": Segment("Brazil", 12.0, 1.3, 1.4, days, False),
        "India": Segment("India", 15.0, 2.5, 1.1, days, False),
    }
    shares = {"United States": 0.3, "United Kingdom": 0.15, "Germany": 0.12, "Australia": 0.1, "Singapore": 0.08,
              "Japan": 0.08, "Brazil": 0.08, "India": 0.09}
    end = w.end_ts
    for _ in range(_count(scale, 2150, 10)):
        country = _weighted(rng, shares)
        owner = rng.choice(reps[REGION[country]]) if rng.random() < 0.6 else rng.choice(every)
        ai = b.account(rng.choice(("software", "technology", "services", "telecom", "energy")), country,
                       _employees(rng, rng.choice(("small", "mid", "large"))), owner)
        for _k in range(rng.choice((1, 2, 2, 3, 3, 4))):
            c = b.contact(ai, rng.choice(COUNTRY_ZONES[country]), segments[country], owner, 0.25)
            if b.cold(0.13):
                continue
            length = rng.uniform(60, 540) * DAY
            stop = end if rng.random() < 0.65 else end - rng.uniform(5, 200) * DAY
            start = max(end - 720 * DAY, stop - length)
            if rng.random() < 0.3:
                other = rng.choice([r for r in every if w.reps[r].tz.key != w.reps[owner].tz.key])
                mid = start + (stop - start) * rng.uniform(0.3, 0.7)
                c.threads.append(_Cadence(owner, start, mid, w.reps[owner].gap, 0.55, react=0.3))
                c.threads.append(_Cadence(other, mid, stop, w.reps[other].gap, 0.55, react=0.3))
            else:
                c.threads.append(_Cadence(owner, start, stop, w.reps[owner].gap, 0.55, react=0.3))
            c.inbound = rng.randint(0, 2)
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 3. Sectors that answer on weekends


def weekend(scale: float = 1.0, seed: int = 303) -> PlantedWorld:
    """A small book (about 15,000 touches at scale 1): hospitality, retail and healthcare contacts work shifts
    and answer on weekends (their reply clock runs every day and Saturday/Sunday touches do well), next to
    software, finance and legal contacts who never reply on a weekend (a weekend touch waits for Monday and
    is penalised). Two of five reps also touch on weekends. Segments by sector: retail very early and narrow
    (07:30, sd 1.0 h), hospitality narrow mid-afternoon between shifts (15:00), healthcare late and narrow
    after the shift (19:00), software broad, finance early (08:30), legal broad late (17:30). A next-day
    follow-up is best (the gap curve peaks at about one day and falls below zero after four); fatigue over
    two days. Histories are sparse (5-60 touches per contact); about 16% of contacts are never touched."""
    fx = Effects(
        base=-0.85,
        gap=_pl((0.0, -0.5), (0.3, -0.2), (0.8, 0.7), (1.3, 0.7), (2.0, 0.3), (4.0, -0.1), (14.0, -0.3),
                (60.0, -0.5)),
        cold=-0.2,
        fatigue_days=2.0,
        fatigue=(0.0, -0.2, -0.5, -0.8),
        streak=tuple(-0.05 * i for i in range(9)),
        recent=None,
        night=-0.5,
        channel=(0.0, 0.25, 0.7),
        responsiveness_sd=0.7,
    )
    w = PlantedWorld("weekend", _doc(weekend), fx, dt.datetime(2025, 5, 2, 20, 0, tzinfo=UTC), seed)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    reps = [b.rep("Nina Alvarez", "America/New_York", 10.0, 4, weekend=0.0),
            b.rep("Owen Price", "America/New_York", 13.5, 3, weekend=0.7, p_random=0.3),
            b.rep("Tess Young", "America/Denver", 9.0, 5, weekend=0.0),
            b.rep("Cal Brennan", "America/Los_Angeles", 11.0, 2.5, weekend=0.8, p_random=0.25),
            b.rep("Aoife Byrne", "Europe/Dublin", 9.5, 4, weekend=0.0)]
    on = (-0.1, 0.0, 0.0, 0.05, 0.1, 0.45, 0.35)
    off = (0.1, 0.2, 0.15, 0.0, -0.3, -1.4, -1.4)
    segments = {
        "hospitality": Segment("hospitality", 15.0, 1.2, 1.4, on, True),
        "retail": Segment("retail", 7.5, 1.0, 1.5, on, True),
        "healthcare": Segment("healthcare", 19.0, 1.3, 1.3, on, True),
        "software": Segment("software", 11.0, 3.5, 0.9, off, False),
        "finance": Segment("finance", 8.5, 1.4, 1.3, off, False),
        "legal": Segment("legal", 17.5, 2.8, 1.1, off, False),
    }
    end = w.end_ts
    for _ in range(_count(scale, 215, 12)):
        sector = rng.choice(list(segments))
        country = _weighted(rng, {"United States": 0.7, "Ireland": 0.15, "United Kingdom": 0.15})
        if country == "United States":
            owner = rng.choice(reps[:4]) if rng.random() < 0.9 else reps[4]
        else:
            owner = reps[4] if rng.random() < 0.6 else rng.choice(reps[:4])
        ai = b.account(sector, country, _employees(rng, rng.choice(("small", "mid"))), owner)
        for _k in range(rng.choice((1, 2, 2, 3, 3))):
            c = b.contact(ai, rng.choice(COUNTRY_ZONES[country]), segments[sector], owner, 0.0)
            if b.cold(0.16):
                continue
            gap = w.reps[owner].gap * rng.uniform(0.6, 1.6)
            touches = rng.uniform(5, 60)
            stop = end if rng.random() < 0.7 else end - rng.uniform(5, 120) * DAY
            start = max(end - 700 * DAY, stop - touches * gap * 1.25 * DAY)
            c.threads.append(_Cadence(owner, start, stop, gap, 0.7, mix=(0.8, 0.95), react=0.4))
            if rng.random() < 0.2:
                helper = rng.choice(reps)
                c.threads.append(_Cadence(helper, start, stop, gap * 3, 0.7, mix=(0.6, 0.9), react=0.1))
            c.inbound = rng.randint(0, 2)
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 4. Segments from a field combination, contacts shifted off their segment's peak


def shifted(scale: float = 1.0, seed: int = 404) -> PlantedWorld:
    """Segments from a combination of fields, sector x company size (under / from 500 employees), eight
    segments with peaks early, midday and late, mostly narrow (sd 1.0-1.5 h) and two broad; 45% of contacts
    peak 2 or 3 hours off their segment's peak. Histories come in outbound sequences: 3-7 steps one to seven
    days apart, then a pause of 10-45 days, repeated. A strong fatigue penalty for two or more touches in the
    same week (touches in the last seven days: one costs 0.85, two or more 1.5 on the log-odds); beyond that
    the gap helps a little up to ten days. Reps in Paris, Madrid, Rome, Toronto and Mexico City; contacts in
    six countries. About 200,000 touches at scale 1, about 13% cold."""
    fx = Effects(
        base=-0.2,
        gap=_pl((0.0, -0.3), (1.0, 0.0), (10.0, 0.3), (40.0, 0.3), (120.0, 0.0)),
        cold=0.2,
        fatigue_days=7.0,
        fatigue=(0.0, -0.85, -1.5),
        streak=tuple(-0.04 * i for i in range(9)),
        recent=None,
        night=-0.6,
        channel=(0.0, 0.2, 0.8),
        responsiveness_sd=0.5,
    )
    w = PlantedWorld("shifted", _doc(shifted), fx, dt.datetime(2024, 11, 19, 18, 0, tzinfo=UTC), seed)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    reps = [b.rep("Julie Marchand", "Europe/Paris", 9.5, 3), b.rep("Hugo Lefevre", "Europe/Paris", 14.0, 3),
            b.rep("Camille Roux", "Europe/Paris", 11.0, 3), b.rep("Pablo Ruiz", "Europe/Madrid", 10.0, 3),
            b.rep("Carmen Vidal", "Europe/Madrid", 16.5, 3), b.rep("Luca Bianchi", "Europe/Rome", 9.0, 3),
            b.rep("Giulia Conti", "Europe/Rome", 15.0, 3), b.rep("Ryan Tremblay", "America/Toronto", 10.5, 3),
            b.rep("Megan Scott", "America/Toronto", 13.0, 3), b.rep("Sofia Herrera", "America/Mexico_City", 9.5, 3)]
    days = (0.05, 0.1, 0.1, 0.05, -0.2, -0.9, -0.9)
    table = {
        ("manufacturing", "small"): (7.0, 1.1, 1.5), ("manufacturing", "large"): (9.5, 1.3, 1.4),
        ("logistics", "small"): (13.0, 3.0, 1.0), ("logistics", "large"): (8.0, 1.2, 1.5),
        ("education", "small"): (16.5, 1.2, 1.4), ("education", "large"): (12.0, 1.4, 1.3),
        ("media", "small"): (18.5, 1.2, 1.5), ("media", "large"): (15.0, 3.5, 1.0),
    }
    segments = {k: Segment(f"{k[0]}/{k[1]}", p, sd, a, days, False) for k, (p, sd, a) in table.items()}
    countries = {"France": 0.25, "Spain": 0.18, "Italy": 0.17, "Germany": 0.1, "Canada": 0.18, "Mexico": 0.12}
    local = {"France": reps[0:3], "Spain": reps[3:5], "Italy": reps[5:7], "Germany": reps[0:3] + reps[5:7],
             "Canada": reps[7:9], "Mexico": reps[9:10] + reps[3:5]}
    end = w.end_ts
    for _ in range(_count(scale, 1720, 12)):
        sector = rng.choice(("manufacturing", "logistics", "education", "media"))
        employees = _employees(rng, rng.choice(("small", "mid", "large")))
        size = "small" if employees < 500 else "large"
        country = _weighted(rng, countries)
        owner = rng.choice(local[country])
        ai = b.account(sector, country, employees, owner)
        for _k in range(rng.choice((1, 2, 2, 3, 3, 4))):
            c = b.contact(ai, rng.choice(COUNTRY_ZONES[country]), segments[(sector, size)], owner, 0.45)
            if b.cold(0.13):
                continue
            stop = end if rng.random() < 0.8 else end - rng.uniform(10, 200) * DAY
            start = max(end - 700 * DAY, stop - rng.uniform(150, 650) * DAY)
            c.threads.append(_Bursts(owner, start, stop, (3, 7), (1.0, 1.0, 2.0, 2.0, 3.0, 4.0, 5.0, 7.0),
                                     (10.0, 45.0), mix=(0.88, 0.98), react=0.3))
            c.inbound = rng.randint(0, 2)
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 5. Cadence tools and unanswered streaks


def cadence(scale: float = 1.0, seed: int = 505) -> PlantedWorld:
    """Reps run cadence tools: a fixed step (2, 3 or 5 days, sometimes skipped ahead) at a fixed hour with
    a quarter of touches at other hours; after 4-8 touches in a row without a reply the rep gives up and
    revives the contact three weeks to three months later. Segments by region (from the country): the Americas broad
    and late-ish (16:00, sd 3 h), Europe early and narrow (08:00, sd 1.1 h), APAC narrow at midday (12:30,
    sd 1.2 h); 30% of contacts shifted 2-3 hours. Strong unanswered-in-a-row effect (-0.22 per touch since
    the last reply, down to -1.6) and a bonus for a reply in the last ten days; the gap curve is lowest for a
    same-day touch and best at three to four days; Monday is the best weekday and it declines to Friday.
    About 100,000 touches at scale 1, about 13% cold."""
    fx = Effects(
        base=-1.7,
        gap=_pl((0.0, -0.7), (1.0, -0.35), (3.0, 0.35), (4.0, 0.35), (10.0, 0.0), (30.0, -0.3)),
        cold=0.1,
        fatigue_days=4.0,
        fatigue=(0.0, -0.1, -0.2, -0.3),
        streak=tuple(max(-1.6, -0.22 * i) for i in range(9)),
        recent=_pl((0.0, 0.6), (10.0, 0.6), (20.0, 0.0)),
        night=-0.6,
        channel=(0.0, 0.2, 0.7),
        responsiveness_sd=0.45,
    )
    w = PlantedWorld("cadence", _doc(cadence), fx, dt.datetime(2025, 1, 29, 23, 0, tzinfo=UTC), seed)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    reps = {"Americas": [b.rep("Blake Rivera", "America/New_York", 8.0, 2, hour_sd=0.3, p_random=0.25),
                         b.rep("Kira West", "America/Los_Angeles", 10.0, 3, hour_sd=0.3, p_random=0.25),
                         b.rep("Luis Moreno", "America/Sao_Paulo", 14.0, 5, hour_sd=0.3, p_random=0.25)],
            "Europe": [b.rep("Freya Lind", "Europe/London", 8.5, 3, hour_sd=0.3, p_random=0.25),
                       b.rep("Daan de Vries", "Europe/Amsterdam", 13.0, 2, hour_sd=0.3, p_random=0.25),
                       b.rep("Marta Nowak", "Europe/Berlin", 16.0, 5, hour_sd=0.3, p_random=0.25)],
            "APAC": [b.rep("Hiro Sato", "Asia/Tokyo", 9.0, 3, hour_sd=0.3, p_random=0.25),
                     b.rep("Ruby Chen", "Australia/Melbourne", 11.0, 2, hour_sd=0.3, p_random=0.25),
                     b.rep("Vikram Iyer", "Asia/Kolkata", 15.0, 5, hour_sd=0.3, p_random=0.25)]}
    mon = (0.4, 0.25, 0.1, -0.1, -0.35, -1.0, -1.0)
    segments = {"Americas": Segment("Americas", 16.0, 3.0, 1.1, mon, False),
                "Europe": Segment("Europe", 8.0, 1.1, 1.5, mon, False),
                "APAC": Segment("APAC", 12.5, 1.2, 1.4, mon, False)}
    countries = {"United States": 0.25, "Canada": 0.05, "Brazil": 0.08, "United Kingdom": 0.14,
                 "Netherlands": 0.08, "Germany": 0.1, "Japan": 0.1, "Australia": 0.12, "India": 0.08}
    end = w.end_ts
    for _ in range(_count(scale, 1780, 12)):
        country = _weighted(rng, countries)
        region = REGION[country]
        owner = rng.choice(reps[region]) if rng.random() < 0.8 else rng.choice([r for rs in reps.values()
                                                                                 for r in rs])
        ai = b.account(rng.choice(("software", "services", "finance", "manufacturing")), country,
                       _employees(rng, rng.choice(("small", "mid", "large"))), owner)
        for _k in range(rng.choice((1, 2, 3, 3, 4))):
            c = b.contact(ai, rng.choice(COUNTRY_ZONES[country]), segments[region], owner, 0.3)
            if b.cold(0.13):
                continue
            stop = end if rng.random() < 0.75 else end - rng.uniform(10, 150) * DAY
            start = max(end - 700 * DAY, stop - rng.uniform(120, 650) * DAY)
            c.threads.append(_Tool(owner, start, stop, w.reps[owner].gap, rng.randint(4, 8), (20.0, 90.0),
                                   mix=(0.9, 0.98), react=0.5))
            c.inbound = rng.randint(0, 2)
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 6. Everything at once, with a seasonal rhythm (once kept aside)


def _season(t: float) -> float:
    """Gap multiplier by date: quarter-end pushes squeeze gaps, late December/early January and August
    stretch them."""
    d = dt.datetime.fromtimestamp(t, UTC)
    if (d.month == 12 and d.day >= 18) or (d.month == 1 and d.day <= 6) or d.month == 8:
        return 2.2
    if d.month in (3, 6, 9, 12) and d.day >= 8:
        return 0.6
    return 1.0


def crossover(scale: float = 1.0, seed: int = 606) -> PlantedWorld:
    """Once kept aside for a final check, since run and used in development. Unlike the others it plants everything at
    once, in new shapes: 1-3 concurrent deals per contact by reps in New York, Denver, London and Sydney writing
    across zones; weekend sectors (retail, hospitality) next to weekday ones (software, manufacturing, finance);
    segments from a combination of sector and region (the peak moves with both: fifteen segments, narrow and
    broad, early to late) with 35% of contacts shifted 2-3 hours; weekday effects that depend on the region (a
    weak Friday in Europe, a weak Monday in the Americas); a gap curve with a strong same-day penalty, best at
    two to three days and a penalty for long silences (20+ days); per-contact fatigue over five days; slower
    replies, so the window (and a late-week touch to a weekend sector) matters more; and a seasonal rhythm of
    quarter-end pushes and holiday lulls. About 145,000 touches at scale 1, about 13% cold."""
    fx = Effects(
        base=-0.6,
        gap=_pl((0.0, -0.9), (0.5, -0.6), (1.0, -0.1), (2.0, 0.4), (3.0, 0.45), (7.0, 0.1), (20.0, -0.3),
                (60.0, -0.6)),
        cold=-0.3,
        fatigue_days=5.0,
        fatigue=(0.0, -0.2, -0.55, -0.95, -1.3),
        streak=tuple(-0.1 * i for i in range(7)),
        recent=None,
        night=-0.7,
        channel=(0.0, 0.2, 0.8),
        delay=Delay(((0.35, 2.0), (0.4, 12.0), (0.25, 40.0))),
        responsiveness_sd=0.55,
    )
    w = PlantedWorld("crossover", _doc(crossover), fx, dt.datetime(2025, 9, 26, 16, 0, tzinfo=UTC), seed)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    reps = [b.rep("Erin Walsh", "America/New_York", 9.0, 4, p_random=0.2, weekend=0.15),
            b.rep("Marcus Webb", "America/New_York", 15.0, 6, p_random=0.25),
            b.rep("Ana Flores", "America/Denver", 11.0, 3, p_random=0.2, weekend=0.3),
            b.rep("Oliver Hughes", "Europe/London", 9.5, 5, p_random=0.2),
            b.rep("Sienna Ward", "Europe/London", 14.0, 3, p_random=0.3, weekend=0.2),
            b.rep("Lachlan Reid", "Australia/Sydney", 8.5, 4, p_random=0.2)]
    weekday = {"Americas": (-0.3, 0.2, 0.25, 0.2, 0.0), "Europe": (0.2, 0.2, 0.1, 0.0, -0.6),
               "APAC": (0.0, 0.1, 0.2, 0.25, 0.1)}
    weekend_sector = {"retail": True, "hospitality": True, "software": False, "manufacturing": False,
                      "finance": False}
    table = {
        ("retail", "Americas"): (8.0, 1.2, 1.4), ("retail", "Europe"): (10.0, 3.0, 1.0),
        ("retail", "APAC"): (19.0, 1.3, 1.4),
        ("hospitality", "Americas"): (15.0, 1.2, 1.5), ("hospitality", "Europe"): (11.0, 1.3, 1.3),
        ("hospitality", "APAC"): (14.0, 3.5, 1.0),
        ("software", "Americas"): (12.0, 3.5, 0.9), ("software", "Europe"): (17.5, 1.3, 1.4),
        ("software", "APAC"): (9.0, 1.2, 1.4),
        ("manufacturing", "Americas"): (7.0, 1.0, 1.6), ("manufacturing", "Europe"): (8.5, 1.4, 1.3),
        ("manufacturing", "APAC"): (16.0, 2.8, 1.1),
        ("finance", "Americas"): (18.0, 1.2, 1.5), ("finance", "Europe"): (13.0, 3.2, 1.0),
        ("finance", "APAC"): (7.5, 1.1, 1.5),
    }
    segments = {}
    for (sector, region), (p, sd, a) in table.items():
        days = weekday[region] + ((0.35, 0.3) if weekend_sector[sector] else (-1.1, -1.1))
        segments[(sector, region)] = Segment(f"{sector}/{region}", p, sd, a, days, weekend_sector[sector])
    countries = {"United States": 0.35, "Canada": 0.07, "United Kingdom": 0.18, "Ireland": 0.05,
                 "Netherlands": 0.07, "Australia": 0.18, "Singapore": 0.1}
    end = w.end_ts
    for _ in range(_count(scale, 900, 12)):
        country = _weighted(rng, countries)
        region = REGION[country]
        sector = rng.choice(list(weekend_sector))
        home = {"Americas": reps[:3], "Europe": reps[3:5], "APAC": reps[5:]}[region]
        owner = rng.choice(home) if rng.random() < 0.65 else rng.choice(reps)
        team = [owner] + rng.sample([r for r in reps if r != owner], 2)
        ai = b.account(sector, country, _employees(rng, rng.choice(("small", "mid", "large"))), team[0])
        for _k in range(rng.choice((1, 2, 2, 3))):
            c = b.contact(ai, rng.choice(COUNTRY_ZONES[country]), segments[(sector, region)], team[0], 0.35)
            if b.cold(0.13):
                continue
            stop = end if rng.random() < 0.7 else end - rng.uniform(10, 180) * DAY
            begin = max(end - 700 * DAY, stop - rng.uniform(120, 600) * DAY)
            for _slot in range(rng.choice((1, 1, 2, 2, 3))):
                t = begin + rng.uniform(0, 60) * DAY
                while t < stop:
                    dur = rng.uniform(30, 200) * DAY
                    rep = owner if rng.random() < 0.55 else rng.choice(team[1:])
                    di = b.deal(rep, ai, t, t + dur)
                    c.threads.append(_Cadence(rep, t, min(t + dur, stop), w.reps[rep].gap * rng.uniform(0.8, 1.6),
                                              0.6, season=_season, deal=di, mix=(0.8, 0.94), react=0.35))
                    t += dur + rng.uniform(5, 60) * DAY
            c.inbound = rng.randint(0, 2)
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 7. Buying committees (once kept aside)


def committee(scale: float = 1.0, seed: int = 707) -> PlantedWorld:
    """Once kept aside for a final check, since run and used in development. Buying committees: 3-8 contacts
    per account, each deal touching two to four of them, so most contacts have thin histories (a handful to a
    few dozen touches) and a committee's members are touched in the same weeks. Segments from a combination of
    country and company size (under / from 1,000 employees): twelve segments, narrow and broad, from 06:30 to
    20:00; healthcare contacts answer on weekends whatever their segment's hours; 40% of contacts peak 2-3
    hours off their segment's. An inside-sales hub in Dublin writes to every country at its own hours, next to
    reps in Chicago and Bangalore; an SDR runs short outbound sequences to some committee members. Replies are
    quick; the gap curve is best at five to nine days; fatigue counts ten days; a reply in the last two weeks
    helps. About 90,000 touches at scale 1; about 18% of contacts are never touched."""
    fx = Effects(
        base=-0.9,
        gap=_pl((0.0, -0.5), (1.0, -0.3), (5.0, 0.35), (9.0, 0.35), (25.0, 0.0), (90.0, -0.2)),
        cold=0.1,
        fatigue_days=10.0,
        fatigue=(0.0, -0.1, -0.3, -0.6),
        streak=tuple(-0.06 * i for i in range(10)),
        recent=_pl((0.0, 0.4), (14.0, 0.4), (21.0, 0.0)),
        night=-0.8,
        channel=(0.0, 0.25, 0.8),
        delay=Delay(((0.6, 1.0), (0.3, 6.0), (0.1, 24.0))),
        responsiveness_sd=0.7,
    )
    w = PlantedWorld("committee", _doc(committee), fx, dt.datetime(2026, 3, 13, 17, 0, tzinfo=UTC), seed)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    hub = [b.rep("Aoife Byrne", "Europe/Dublin", 9.0, 7, p_random=0.2),
           b.rep("Cian Doyle", "Europe/Dublin", 11.5, 6, p_random=0.25),
           b.rep("Niamh Kelly", "Europe/Dublin", 15.0, 8, p_random=0.2)]
    local = {"Americas": [b.rep("Tyler Reed", "America/Chicago", 10.0, 7, p_random=0.2),
                          b.rep("Jordan Price", "America/Chicago", 14.5, 6, p_random=0.25)],
             "APAC": [b.rep("Kavya Menon", "Asia/Kolkata", 11.0, 7, p_random=0.2)],
             "Europe": hub}
    sdr = b.rep("Rory Walsh", "Europe/Dublin", 8.0, 2, p_random=0.3)
    weekdays = (0.1, 0.15, 0.1, 0.0, -0.3, -1.0, -1.0)
    weekends = (0.0, 0.0, 0.0, 0.0, -0.1, 0.3, 0.25)
    table = {
        ("United States", "small"): (19.5, 1.0, 1.6), ("United States", "large"): (10.0, 3.2, 1.0),
        ("Germany", "small"): (7.0, 1.1, 1.5), ("Germany", "large"): (13.5, 1.2, 1.4),
        ("Japan", "small"): (16.0, 3.5, 1.0), ("Japan", "large"): (8.0, 1.0, 1.6),
        ("Brazil", "small"): (11.0, 1.2, 1.4), ("Brazil", "large"): (17.0, 1.3, 1.4),
        ("India", "small"): (14.0, 1.0, 1.5), ("India", "large"): (19.0, 2.8, 1.1),
        ("Netherlands", "small"): (6.5, 1.2, 1.5), ("Netherlands", "large"): (15.5, 3.0, 1.0),
    }
    segments = {}
    for (country, size), (p, sd, a) in table.items():
        for all_days in (False, True):
            segments[(country, size, all_days)] = Segment(f"{country}/{size}{'/weekends' if all_days else ''}", p,
                                                          sd, a, weekends if all_days else weekdays, all_days)
    countries = {"United States": 0.3, "Germany": 0.15, "Japan": 0.12, "Brazil": 0.12, "India": 0.14,
                 "Netherlands": 0.17}
    end = w.end_ts
    for _ in range(_count(scale, 640, 6)):
        country = _weighted(rng, countries)
        sector = rng.choice(("healthcare", "software", "manufacturing", "finance"))
        employees = _employees(rng, rng.choice(("small", "mid", "large")))
        size = "small" if employees < 1000 else "large"
        owner = rng.choice(hub) if rng.random() < 0.5 else rng.choice(local[REGION[country]])
        ai = b.account(sector, country, employees, owner)
        committee_ = []
        for _k in range(rng.randint(3, 8)):
            c = b.contact(ai, rng.choice(COUNTRY_ZONES[country]), segments[(country, size, sector == "healthcare")],
                          owner, 0.4)
            if b.cold(0.13):
                continue
            committee_.append(c)
            c.inbound = rng.randint(0, 1)
        if not committee_:
            continue
        t = end - rng.uniform(200, 700) * DAY
        while t < end - 5 * DAY:
            dur = rng.uniform(40, 160) * DAY
            rep = owner if rng.random() < 0.7 else rng.choice(hub)
            di = b.deal(rep, ai, t, min(t + dur, end))
            for c in rng.sample(committee_, min(len(committee_), rng.randint(2, 4))):
                c.threads.append(_Cadence(rep, t, min(t + dur, end), w.reps[rep].gap * rng.uniform(0.7, 1.3), 0.5,
                                          deal=di, mix=(0.8, 0.95), react=0.4))
            t += dur + rng.uniform(10, 90) * DAY
        for c in committee_:
            if rng.random() < 0.25:
                start = end - rng.uniform(30, 400) * DAY
                c.threads.append(_Bursts(sdr, start, min(end, start + rng.uniform(20, 60) * DAY), (3, 5),
                                         (2.0, 3.0, 4.0), (20.0, 40.0), mix=(0.95, 1.0), react=0.2))
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 8. Key accounts worked by a relay of reps across time zones (once kept aside)


def relay(scale: float = 1.0, seed: int = 808) -> PlantedWorld:
    """Once kept aside for a final check, since run and used in development. Key accounts in nine countries
    worked around the clock by a relay of reps in Vancouver, Stockholm, Dubai and Auckland, each with a habitual
    hour and gap: every account has a team of three reps from three of those hubs, and a third of its deals are
    handed half-way from the rep who opened them to a teammate in another hub. Few people per account (1-3),
    each touched many times (mostly 50-200 touches) by the account's two to four deals running side by side, so
    a contact's last touch and unanswered run mix deals (the previous touch is from another deal about three
    times in four) and reps writing from different zones. Segments by sector, seven of them, mostly narrow (sd
    1.0-1.3 h) and two broad: construction at 07:00, automotive dealers at 09:00, insurance broad late morning,
    pharma at 13:00, government broad mid-afternoon (with a weak Friday), energy at 17:00 and agriculture at
    19:00; automotive dealers and agriculture answer on weekends (Saturday best), the others never do and are
    best on Thursday; a third of contacts peak 2-3 hours off their sector's. Two reps keep some weekend days.
    The gap curve is best at two to three days after a same-day penalty and falls for silences of three weeks or
    more; fatigue counts the contact's touches over seven days (the first is free, each further one costs more);
    a reply in the last three days helps; calls do better than elsewhere, meetings less; replies are mostly very
    quick with a long tail. About 110,000 touches at scale 1; about 15% of contacts are never touched."""
    fx = Effects(
        base=-0.8,
        gap=_pl((0.0, -0.8), (1.0, -0.3), (2.0, 0.35), (3.0, 0.35), (6.0, 0.0), (21.0, -0.25), (60.0, -0.5)),
        cold=-0.4,
        fatigue_days=7.0,
        fatigue=(0.0, 0.0, -0.15, -0.35, -0.6, -0.85, -1.1),
        streak=tuple(-0.08 * i for i in range(11)),
        recent=_pl((0.0, 0.5), (3.0, 0.5), (10.0, 0.0)),
        night=-0.9,
        channel=(0.0, 0.35, 0.55),
        delay=Delay(((0.45, 0.8), (0.3, 5.0), (0.25, 20.0))),
        responsiveness_sd=0.45,
    )
    w = PlantedWorld("relay", _doc(relay), fx, dt.datetime(2025, 11, 20, 14, 0, tzinfo=UTC), seed)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    hubs = {"Vancouver": [b.rep("Owen Tait", "America/Vancouver", 7.5, 6, p_random=0.25),
                          b.rep("Maya Brandt", "America/Vancouver", 13.0, 8, p_random=0.2)],
            "Stockholm": [b.rep("Elin Sundberg", "Europe/Stockholm", 10.0, 7, p_random=0.2),
                          b.rep("Nils Ekman", "Europe/Stockholm", 15.5, 9, p_random=0.25)],
            "Dubai": [b.rep("Layla Haddad", "Asia/Dubai", 9.0, 6, p_random=0.2),
                      b.rep("Karim Nassar", "Asia/Dubai", 17.0, 8, p_random=0.3, weekend=0.2)],
            "Auckland": [b.rep("Mere Walker", "Pacific/Auckland", 8.0, 7, p_random=0.2, weekend=0.25),
                         b.rep("Sam Tane", "Pacific/Auckland", 14.0, 10, p_random=0.25)]}
    home = {"Canada": "Vancouver", "United States": "Vancouver", "Sweden": "Stockholm", "Germany": "Stockholm",
            "United Kingdom": "Stockholm", "United Arab Emirates": "Dubai", "India": "Dubai",
            "New Zealand": "Auckland", "Australia": "Auckland"}
    countries = {"Canada": 0.12, "United States": 0.2, "Sweden": 0.1, "Germany": 0.1, "United Kingdom": 0.1,
                 "United Arab Emirates": 0.1, "India": 0.1, "New Zealand": 0.08, "Australia": 0.1}
    weekdays = (-0.15, 0.05, 0.15, 0.25, -0.3, -1.2, -1.2)
    government = (0.0, 0.1, 0.15, 0.1, -0.7, -1.3, -1.3)
    weekends = (-0.3, -0.1, 0.0, 0.05, 0.15, 0.45, 0.2)
    segments = {
        "construction": Segment("construction", 7.0, 1.0, 1.6, weekdays, False),
        "automotive": Segment("automotive", 9.0, 1.2, 1.5, weekends, True),
        "insurance": Segment("insurance", 10.5, 3.5, 0.9, weekdays, False),
        "pharma": Segment("pharma", 13.0, 1.3, 1.4, weekdays, False),
        "government": Segment("government", 14.5, 3.0, 1.0, government, False),
        "energy": Segment("energy", 17.0, 1.1, 1.5, weekdays, False),
        "agriculture": Segment("agriculture", 19.0, 1.3, 1.4, weekends, True),
    }
    end = w.end_ts
    for _ in range(_count(scale, 640, 12)):
        country = _weighted(rng, countries)
        sector = rng.choice(list(segments))
        first = home[country] if rng.random() < 0.7 else rng.choice(list(hubs))
        others = rng.sample([h for h in hubs if h != first], 2)
        team = [rng.choice(hubs[h]) for h in [first, *others]]
        ai = b.account(sector, country, _employees(rng, rng.choice(("small", "mid", "large"))), team[0])
        people = []
        for _k in range(rng.choice((1, 1, 2, 2, 3))):
            c = b.contact(ai, rng.choice(COUNTRY_ZONES[country]), segments[sector], team[0], 0.33)
            if b.cold(0.15):
                continue
            people.append(c)
            c.inbound = rng.randint(0, 2)
        if not people:
            continue
        stop = end if rng.random() < 0.75 else end - rng.uniform(10, 150) * DAY
        begin = max(end - 700 * DAY, stop - rng.uniform(250, 600) * DAY)
        for _slot in range(rng.choice((2, 3, 3, 4, 4))):
            t = begin + rng.uniform(0, 45) * DAY
            while t < stop:
                dur = rng.uniform(60, 180) * DAY
                rep = team[0] if rng.random() < 0.5 else rng.choice(team[1:])
                di = b.deal(rep, ai, t, t + dur)
                mid = t + dur * rng.uniform(0.35, 0.65)
                other = rng.choice([r for r in team if r != rep]) if rng.random() < 0.33 else rep
                touched = [c for c in people if rng.random() < 0.7] or [rng.choice(people)]
                for c in touched:
                    if other == rep:
                        c.threads.append(_Cadence(rep, t, min(t + dur, stop), w.reps[rep].gap * rng.uniform(0.8, 1.4),
                                                  0.45, deal=di, mix=(0.75, 0.93), react=0.3))
                    else:  # handed on half-way to a teammate in another hub
                        c.threads.append(_Cadence(rep, t, min(mid, stop), w.reps[rep].gap * rng.uniform(0.8, 1.4),
                                                  0.45, deal=di, mix=(0.75, 0.93), react=0.3))
                        c.threads.append(_Cadence(other, mid, min(t + dur, stop),
                                                  w.reps[other].gap * rng.uniform(0.8, 1.4), 0.45, deal=di,
                                                  mix=(0.75, 0.93), react=0.3))
                t += dur + rng.uniform(5, 40) * DAY
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 9. A young company, an offshore SDR team and a marketing-automation sequence (once kept aside)


def startup(scale: float = 1.0, seed: int = 909) -> PlantedWorld:
    """Once kept aside for a final check, since run and used in development. A young company: about six and a half
    months of history, from early October to late April, so both daylight-saving changes of the United States and the
    United Kingdom (and the weeks in March when the two differ) fall inside it. Contacts in the United States, the
    United Kingdom, Canada and Ireland are prospected by an SDR team in Kolkata (no daylight saving) writing at its
    own office hours, mostly 10:00-18:00 India time, which is night or early morning in North America and early
    morning to midday in the United Kingdom (a Monday-morning touch lands on Sunday evening or night in the
    Americas); they run outbound sequences of three to six steps two to seven days apart, repeated after ten to
    sixteen weeks. A marketing-automation sequence e-mails four contacts in ten at 07:00 on their own clock on
    weekdays (four to seven steps about three to six days apart, ending at a reply). Account executives in New York
    and London (each side also covering a fifth of the other's accounts, some writing at the end of their day) work
    the accounts that open a deal, about half of those touched: one to three people each, every few days for two to
    five months. Contacts arrive as the company grows, so about half are touched only 1-6 times and about a fifth
    twenty times or more; about 22% are never touched. Segments by sector, twelve of them with peaks from 07:00 to
    19:30, several sectors sharing similar hours, mostly narrow (sd 1.0-1.5 h) and three broad (legal, media, large
    software firms); retail and software split by company size (under / from 200 employees): small shops answer at
    08:00 and retail head offices at 14:00, small software firms (founders) at 19:30 and large ones broadly in the
    morning; hospitality answers on weekends (Saturday best), the other sectors never do and are best on Tuesday and
    Wednesday, weak on Friday; 25% of contacts peak 2-3 hours off their segment's. The gap curve is best at four to
    six days after a same-day penalty; fatigue over four days is mild; three or more touches in a row without a reply
    cost a lot (a sequence's late steps do poorly); calls do a little better than e-mails; replies are slow (often a
    day or more of the contact's waking hours). About 35,000 touches at scale 1."""
    fx = Effects(
        base=-0.85,
        gap=_pl((0.0, -0.9), (0.5, -0.65), (1.0, -0.4), (2.0, -0.05), (4.0, 0.4), (6.0, 0.4), (10.0, 0.1),
                (30.0, -0.15), (90.0, -0.3)),
        cold=-0.2,
        fatigue_days=4.0,
        fatigue=(0.0, -0.08, -0.18, -0.3, -0.4),
        streak=(0.0, -0.05, -0.1, -0.7, -0.95, -1.15, -1.3, -1.4),
        recent=None,
        night=-0.8,
        channel=(0.0, 0.3, 0.8),
        delay=Delay(((0.25, 3.0), (0.45, 15.0), (0.3, 45.0)), floor=0.3),
        responsiveness_sd=0.6,
    )
    w = PlantedWorld("startup", _doc(startup), fx, dt.datetime(2026, 4, 23, 16, 0, tzinfo=UTC), seed)
    w.history_days = 200.0
    rng = random.Random(seed)
    b = _Builder(w, rng)
    sdrs = [b.rep("Rahul Verma", "Asia/Kolkata", 10.5, 3, hour_sd=0.7, p_random=0.15),
            b.rep("Sneha Iyer", "Asia/Kolkata", 12.0, 3, hour_sd=0.8, p_random=0.15),
            b.rep("Arjun Nair", "Asia/Kolkata", 14.0, 3, hour_sd=0.8, p_random=0.2),
            b.rep("Pooja Shah", "Asia/Kolkata", 16.0, 3, hour_sd=0.8, p_random=0.15),
            b.rep("Karan Mehta", "Asia/Kolkata", 17.5, 3, hour_sd=0.6, p_random=0.2)]
    aes = {"New York": [b.rep("Megan Ross", "America/New_York", 9.5, 3, p_random=0.3),
                        b.rep("Derek Chan", "America/New_York", 18.0, 4, hour_sd=1.0, p_random=0.3),
                        b.rep("Luis Ortega", "America/New_York", 12.5, 3.5, p_random=0.3)],
           "London": [b.rep("Hannah Lowe", "Europe/London", 9.0, 3, p_random=0.3),
                      b.rep("Tom Ashby", "Europe/London", 17.5, 3.5, hour_sd=1.0, p_random=0.3)]}
    auto = b.rep("Nurture Sequence", "America/New_York", 7.0, 3, hour_sd=0.0, p_random=0.0)
    weekdays = (-0.05, 0.2, 0.2, 0.1, -0.4, -1.2, -1.2)
    weekends = (-0.2, -0.1, 0.0, 0.1, 0.2, 0.45, 0.3)
    table = {
        "construction": (7.0, 1.0, 1.6), "logistics": (7.5, 1.2, 1.5), "retail/small": (8.0, 1.1, 1.5),
        "finance": (8.5, 1.3, 1.4), "software/large": (10.0, 3.5, 0.9), "legal": (11.0, 3.2, 1.0),
        "healthcare": (12.5, 1.2, 1.4), "education": (13.0, 1.4, 1.3), "retail/large": (14.0, 1.3, 1.4),
        "hospitality": (15.0, 1.3, 1.4), "media": (16.5, 3.0, 1.0), "insurance": (17.5, 1.2, 1.5),
        "energy": (18.0, 1.5, 1.3), "software/small": (19.5, 1.2, 1.5),
    }
    segments = {k: Segment(k, p, sd, a, weekends if k == "hospitality" else weekdays, k == "hospitality")
                for k, (p, sd, a) in table.items()}
    sectors = sorted({k.split("/")[0] for k in table})
    countries = {"United States": 0.58, "United Kingdom": 0.3, "Canada": 0.06, "Ireland": 0.06}
    end = w.end_ts
    first = end - 210 * DAY
    for _ in range(_count(scale, 1800, 12)):
        country = _weighted(rng, countries)
        sector = rng.choice(sectors)
        employees = _employees(rng, _weighted(rng, {"small": 0.45, "mid": 0.35, "large": 0.2}))
        key = f"{sector}/{'small' if employees < 200 else 'large'}" if sector in ("retail", "software") else sector
        europe = country in ("United Kingdom", "Ireland")
        ae = rng.choice(aes["London" if europe == (rng.random() < 0.8) else "New York"])
        sdr = rng.choice(sdrs)
        ai = b.account(sector, country, employees, ae)
        arrival = first + 200 * DAY * rng.random() ** 0.6  # the book grows: more accounts arrive later
        people = []
        for _k in range(rng.choice((1, 1, 2, 2, 3, 4))):
            c = b.contact(ai, rng.choice(COUNTRY_ZONES[country]), segments[key], sdr, 0.25)
            if b.cold(0.16):
                continue
            people.append(c)
            start = arrival + rng.uniform(0, 20) * DAY
            sequenced = rng.random() < 0.8
            if sequenced:
                c.threads.append(_Bursts(sdr, start, end, (3, 6), (2.0, 3.0, 3.0, 4.0, 5.0, 7.0), (70.0, 110.0),
                                         mix=(0.82, 1.0), react=0.25))
            if not sequenced or rng.random() < 0.25:
                c.threads.append(_Drip(auto, c.tz, start + rng.uniform(0, 30) * DAY, end, rng.choice((3.0, 4.0, 5.0)),
                                       rng.randint(4, 7)))
            c.inbound = 1 if rng.random() < 0.2 else 0
        if not people or rng.random() >= 0.55:
            continue
        t = arrival + rng.uniform(10, 50) * DAY
        if t >= end - 3 * DAY:
            continue
        dur = rng.uniform(50, 160) * DAY
        di = b.deal(ae, ai, t, t + dur)
        for c in rng.sample(people, min(len(people), rng.choice((1, 1, 2, 2, 3)))):
            c.owner = ae
            c.threads.append(_Cadence(ae, t, min(t + dur, end), w.reps[ae].gap * rng.uniform(0.7, 1.3), 0.5,
                                      deal=di, mix=(0.72, 0.92), react=0.4))
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 10. Long enterprise cycles worked by account teams, public holidays and seasonal lulls (once kept aside)

# The holiday calendar of a contact's country (and, where a time zone stands for one, state or province).
_HOLIDAY_CODES = {"United States": "US", "Canada": "CA", "Brazil": "BR", "Mexico": "MX", "United Kingdom": "GB",
                  "Germany": "DE", "France": "FR", "Netherlands": "NL", "Spain": "ES", "Sweden": "SE",
                  "Australia": "AU", "Singapore": "SG", "Japan": "JP", "India": "IN", "Chile": "CL", "Colombia": "CO",
                  "United Arab Emirates": "AE", "Saudi Arabia": "SA", "Indonesia": "ID", "Portugal": "PT",
                  "Ireland": "IE", "New Zealand": "NZ", "South Korea": "KR", "Argentina": "AR",
                  "Peru": "PE", "South Africa": "ZA"}
_HOLIDAY_SUBDIVISIONS = {"America/Toronto": "ON", "America/Vancouver": "BC", "Australia/Sydney": "NSW",
                         "Australia/Melbourne": "VIC", "Australia/Brisbane": "QLD", "Australia/Adelaide": "SA",
                         "Australia/Perth": "WA", "Pacific/Auckland": "AUK", "Europe/London": "ENG",
                         "America/Regina": "SK", "America/Winnipeg": "MB", "America/Edmonton": "AB"}


@functools.cache
def _holiday_dates(code: str, subdiv: str | None, years: tuple[int, ...], weekdays: bool = False
                   ) -> frozenset[dt.date]:
    """The days in ``years`` that are public holidays in the country of ISO ``code`` (and its ``subdiv``), by the
    ``holidays`` package's public calendar; with ``weekdays``, those from Monday to Friday only."""
    days = holidays.country_holidays(code, subdiv=subdiv, years=years)
    return frozenset(d for d in days if not weekdays or d.weekday() < 5)


def _public_holidays(country: str, zone: str, years: tuple[int, ...]) -> frozenset[dt.date]:
    """The weekdays in ``years`` that are public holidays where a contact in ``country`` and ``zone`` works."""
    return _holiday_dates(_HOLIDAY_CODES[country], _HOLIDAY_SUBDIVISIONS.get(zone), years, weekdays=True)


def _lull(region: str, day: dt.date) -> float:
    """Log-odds of a reply by the contact's local date: the year-end lull everywhere (from 15 December, deepest
    from Christmas Eve to New Year's Day, easing off until 5 January) and, in Europe, the summer one (from 20 July,
    deepest in August until the 25th)."""
    m, d = day.month, day.day
    if (m == 12 and d >= 24) or (m == 1 and d == 1):
        return -1.5
    if m == 12 and d >= 15:
        return -0.8
    if m == 1 and d <= 5:
        return -0.6
    if region == "Europe":
        if m == 8 and d <= 25:
            return -1.1
        if (m == 7 and d >= 20) or m == 8:
            return -0.55
    return 0.0


def _in_lull(region: str, day: dt.date) -> bool:
    return _lull(region, day) < 0.0


def _enterprise_season(region: str) -> Callable[[float], float]:
    """Gap multiplier of a thread to a contact in ``region``, by the date: the reps push in the last two weeks of
    March, June and September and in the first half of December (before the holidays), and slow down in the lulls
    (all of them at year-end, the Amsterdam team in the European summer)."""

    def season(t: float) -> float:
        day = dt.datetime.fromtimestamp(t, UTC).date()
        if _in_lull(region, day):
            return 2.4
        if (day.month in (3, 6, 9) and day.day >= 17) or (day.month == 12 and day.day <= 14):
            return 0.55
        return 1.0

    return season


def enterprise(scale: float = 1.0, seed: int = 1010) -> PlantedWorld:
    """Once kept aside for a final check, since run and used in development. An enterprise seller with long cycles: two
    years of history (late May 2024 to late May 2026) of large accounts in the Americas, Europe and APAC, each worked by one
    account team from its region's office (San Francisco, Amsterdam or Singapore): an account executive, a solutions
    engineer and, for about four accounts in ten, an executive sponsor, each writing at their own habitual hours and never
    at weekends or on their office's public holidays. An account has 4-10 contacts: two to four are worked through
    opportunities of five to eleven months one after another (weekly-ish by the account executive, every two weeks or so by
    the solutions engineer from a few weeks or months in, now and then by the sponsor, with a lighter keep-in-touch cadence
    between opportunities), so each is touched for many months; the others are touched a handful of times (workshops,
    reviews) and about 15% of all contacts never. About half the touches are e-mails, a quarter calls and a quarter
    meetings: meetings are much more often followed by a reply than e-mails, calls somewhat more. Segments from region and
    sector (finance, pharma, manufacturing, telecom): twelve segments whose peaks run from 07:30 to 18:30, eight narrow (sd
    1.0-1.5 h) and four broad (sd about 3 h); the weekdays differ by region (the Americas best mid-week, Europe weak from
    Friday midday, APAC best on Monday), and nobody answers at weekends; 20% of contacts peak 2-3 hours off their segment's.
    The calendar matters: on a public holiday of the contact's own country (or state or province) a reply is nearly out of
    the question (-4 on the log-odds) and the reply clock stops, so a touch shortly before one also does worse; replies are
    rarer in the year-end lull (mid-December to early January, everywhere) and Europe's summer lull (late July and August),
    when the reps also write less; the reps push in the last two weeks of a quarter (more touches, so more fatigue). The gap
    curve is best at five to eight days, with a mild penalty for a touch in the same week; fatigue counts the contact's
    touches over fourteen days; a reply in the last week helps a lot; unanswered runs cost a little; replies take moderately
    long. About 190,000 touches at scale 1."""
    regions: dict[str, str] = {}

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        region = regions[c.segment.key]
        z = _lull(region, loc.date())
        if region == "Europe" and loc.weekday() == 4:  # Friday afternoons are for wrapping up the week
            z -= 0.7 * min(1.0, max(0.0, (loc.hour + loc.minute / 60.0 - 11.5) / 3.0))
        return z

    fx = Effects(
        base=-1.75,
        gap=_pl((0.0, -0.5), (1.0, -0.35), (3.0, -0.1), (5.0, 0.3), (8.0, 0.3), (14.0, 0.05), (35.0, -0.2),
                (120.0, -0.35)),
        cold=-0.35,
        fatigue_days=14.0,
        fatigue=(0.0, 0.0, -0.1, -0.25, -0.45, -0.65, -0.85, -1.0),
        streak=tuple(-0.07 * i for i in range(9)),
        recent=_pl((0.0, 0.75), (7.0, 0.75), (10.0, 0.0)),
        night=-0.8,
        channel=(0.0, 0.4, 1.3),
        delay=Delay(((0.35, 2.0), (0.45, 8.0), (0.2, 24.0)), floor=0.2),
        responsiveness_sd=0.55,
        holiday=-4.0,
        calendar=calendar,
    )
    w = PlantedWorld("enterprise", _doc(enterprise), fx, dt.datetime(2026, 5, 21, 15, 0, tzinfo=UTC), seed)
    w.history_days = 730.0
    years = (2024, 2025, 2026)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    us, nl, sg = (_public_holidays(*k, years) for k in (("United States", "America/Los_Angeles"),
                                                         ("Netherlands", "Europe/Amsterdam"),
                                                         ("Singapore", "Asia/Singapore")))
    # per office: account executives, solutions engineers, the executive sponsor
    offices = {
        "Americas": ([b.rep("Grace Whitman", "America/Los_Angeles", 8.0, 7, off=us),
                      b.rep("Daniel Okoye", "America/Los_Angeles", 10.5, 6.5, p_random=0.25, off=us),
                      b.rep("Priya Raman", "America/Los_Angeles", 14.0, 7.5, off=us)],
                     [b.rep("Kevin Zhao", "America/Los_Angeles", 11.0, 12, off=us),
                      b.rep("Laura Mendes", "America/Los_Angeles", 15.5, 14, p_random=0.25, off=us)],
                     b.rep("Robert Hale", "America/Los_Angeles", 17.0, 35, p_random=0.3, off=us)),
        "Europe": ([b.rep("Sanne Visser", "Europe/Amsterdam", 8.0, 7, off=nl),
                    b.rep("Thomas Berger", "Europe/Amsterdam", 11.0, 6.5, p_random=0.25, off=nl),
                    b.rep("Claire Fontaine", "Europe/Amsterdam", 15.0, 7.5, off=nl)],
                   [b.rep("Pieter Bakker", "Europe/Amsterdam", 10.0, 12, off=nl),
                    b.rep("Elif Yilmaz", "Europe/Amsterdam", 14.0, 14, p_random=0.25, off=nl)],
                   b.rep("Marieke de Boer", "Europe/Amsterdam", 8.5, 40, p_random=0.3, off=nl)),
        "APAC": ([b.rep("Rachel Tan", "Asia/Singapore", 8.5, 7, off=sg),
                  b.rep("Arjun Pillai", "Asia/Singapore", 11.5, 6.5, p_random=0.25, off=sg),
                  b.rep("Kenji Mori", "Asia/Singapore", 16.0, 7.5, off=sg)],
                 [b.rep("Wei Ling Goh", "Asia/Singapore", 10.0, 12, off=sg),
                  b.rep("Marcus Lim", "Asia/Singapore", 14.5, 14, p_random=0.25, off=sg)],
                 b.rep("Helen Ng", "Asia/Singapore", 9.0, 40, p_random=0.3, off=sg)),
    }
    weekday = {"Americas": (-0.1, 0.2, 0.25, 0.15, -0.2, -1.3, -1.3),
               "Europe": (0.1, 0.2, 0.15, 0.05, 0.0, -1.3, -1.3),
               "APAC": (0.45, 0.2, 0.05, -0.05, -0.3, -1.3, -1.3)}
    table = {
        ("finance", "Americas"): (7.5, 1.1, 1.5), ("finance", "Europe"): (16.5, 1.3, 1.4),
        ("finance", "APAC"): (12.0, 3.0, 1.0),
        ("pharma", "Americas"): (13.5, 3.2, 1.0), ("pharma", "Europe"): (9.0, 1.2, 1.5),
        ("pharma", "APAC"): (18.5, 1.3, 1.4),
        ("manufacturing", "Americas"): (10.0, 1.4, 1.4), ("manufacturing", "Europe"): (13.0, 3.0, 1.0),
        ("manufacturing", "APAC"): (8.0, 1.0, 1.6),
        ("telecom", "Americas"): (17.5, 1.2, 1.5), ("telecom", "Europe"): (11.0, 1.5, 1.3),
        ("telecom", "APAC"): (15.0, 2.8, 1.1),
    }
    segments = {}
    for (sector, region), (p, sd, a) in table.items():
        segments[(sector, region)] = Segment(f"{sector}/{region}", p, sd, a, weekday[region], False)
        regions[f"{sector}/{region}"] = region
    seasons = {region: _enterprise_season(region) for region in offices}
    countries = {"United States": 0.25, "Canada": 0.05, "Brazil": 0.05, "Mexico": 0.03, "United Kingdom": 0.12,
                 "Germany": 0.1, "France": 0.08, "Netherlands": 0.05, "Spain": 0.04, "Sweden": 0.03,
                 "Australia": 0.07, "Singapore": 0.05, "Japan": 0.05, "India": 0.03}
    end = w.end_ts
    for _ in range(_count(scale, 740, 6)):
        country = _weighted(rng, countries)
        region = REGION[country]
        sector = rng.choice(("finance", "pharma", "manufacturing", "telecom"))
        aes, ses, sponsor = offices[region]
        ae, se = rng.choice(aes), rng.choice(ses)
        ex = sponsor if rng.random() < 0.4 else None
        season = seasons[region]
        ai = b.account(sector, country, _employees(rng, "large" if rng.random() < 0.8 else "mid"), ae)
        core: list[_Contact] = []
        light: list[_Contact] = []
        n_people = rng.randint(4, 10)
        n_core = min(rng.randint(2, 4), n_people - 1)
        for k in range(n_people):
            zone = rng.choice(COUNTRY_ZONES[country])
            c = b.contact(ai, zone, segments[(sector, region)], ae, 0.2)
            c.off = _public_holidays(country, zone, years)
            if k < n_core:
                core.append(c)
                c.inbound = rng.randint(0, 3)
            elif not b.cold(0.26):
                light.append(c)
                c.inbound = 1 if rng.random() < 0.2 else 0
        t = end - 730 * DAY + rng.uniform(0, 240) * DAY
        spans: list[tuple[float, float, int]] = []
        while t < end - 14 * DAY:
            dur = rng.uniform(150, 330) * DAY
            stop = min(t + dur, end)
            di = b.deal(ae, ai, t, t + dur)
            spans.append((t, stop, di))
            for c in [c for c in core if rng.random() < 0.85] or [rng.choice(core)]:
                c.threads.append(_Cadence(ae, t, stop, w.reps[ae].gap * rng.uniform(0.85, 1.2), 0.35, season=season,
                                          deal=di, mix=(0.55, 0.8), react=0.3))
                if rng.random() < 0.85:  # the solutions engineer joins a few weeks or months in
                    s0, s1 = t + dur * rng.uniform(0.08, 0.3), min(t + dur * rng.uniform(0.75, 1.0), end)
                    c.threads.append(_Cadence(se, s0, s1, w.reps[se].gap * rng.uniform(0.8, 1.25), 0.4, season=season,
                                              deal=di, mix=(0.35, 0.55), react=0.15))
                if ex is not None and rng.random() < 0.6:
                    c.threads.append(_Cadence(ex, t + dur * rng.uniform(0.3, 0.7), stop,
                                              w.reps[ex].gap * rng.uniform(0.8, 1.3), 0.4, season=season, deal=di,
                                              mix=(0.3, 0.6), react=0.1))
            for c in light:
                if rng.random() < 0.5:
                    a0 = t + (stop - t) * rng.uniform(0.0, 0.6)
                    c.threads.append(_Cadence(rng.choice((ae, ae, se)), a0, min(a0 + rng.uniform(45, 150) * DAY, stop),
                                              rng.uniform(18, 35), 0.45, season=season, deal=di, mix=(0.5, 0.65),
                                              react=0.2))
            pause = rng.uniform(20, 120) * DAY
            for c in core:  # between opportunities the account executive keeps in touch
                if rng.random() < 0.7 and t + dur < end:
                    c.threads.append(_Cadence(ae, t + dur, min(t + dur + pause, end), rng.uniform(21, 35), 0.4,
                                              season=season, mix=(0.7, 0.9), react=0.3))
            t += dur + pause
        for c in light:
            if not c.threads:  # touched at least once: a workshop or review in one of the opportunities
                t0, t1, di = rng.choice(spans)
                a0 = t0 + (min(t1, end - 20 * DAY) - t0) * rng.random()
                c.threads.append(_Cadence(rng.choice((ae, se)), a0, min(a0 + rng.uniform(30, 90) * DAY, end),
                                          rng.uniform(18, 35), 0.45, season=season, deal=di, mix=(0.5, 0.65),
                                          react=0.2))
    w.simulate()
    return w

# --------------------------------------------------------------------------------------------------------
# 11. Kept aside: a logistics-software vendor, deals in shipping-season bursts, Carnival and Ramadan

_HARBOUR_ZONES: dict[str, tuple[str, ...]] = {
    "Brazil": ("America/Sao_Paulo", "America/Sao_Paulo", "America/Sao_Paulo", "America/Recife", "America/Belem",
               "America/Manaus"),
    "Mexico": ("America/Mexico_City", "America/Mexico_City", "America/Monterrey", "America/Tijuana",
               "America/Cancun"),
    "Chile": ("America/Santiago",),
    "Colombia": ("America/Bogota",),
    "United Arab Emirates": ("Asia/Dubai",),
    "Saudi Arabia": ("Asia/Riyadh",),
    "India": ("Asia/Kolkata",),
    "Singapore": ("Asia/Singapore",),
    "Indonesia": ("Asia/Jakarta", "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"),
    "Spain": ("Europe/Madrid", "Europe/Madrid", "Atlantic/Canary"),
    "Portugal": ("Europe/Lisbon",),
}
HARBOUR_REGION = {"Brazil": "Latin America", "Mexico": "Latin America", "Chile": "Latin America",
                  "Colombia": "Latin America", "United Arab Emirates": "Middle East", "Saudi Arabia": "Middle East",
                  "India": "Asia", "Singapore": "Asia", "Indonesia": "Asia", "Spain": "Europe", "Portugal": "Europe"}
# Carnival Monday in Brazil, and the first and last days of Ramadan (Eid al-Fitr, a public holiday, follows).
_CARNIVAL = {2024: dt.date(2024, 2, 12), 2025: dt.date(2025, 3, 3), 2026: dt.date(2026, 2, 16)}
_RAMADAN = ((dt.date(2024, 3, 11), dt.date(2024, 4, 9)), (dt.date(2025, 3, 1), dt.date(2025, 3, 29)),
            (dt.date(2026, 2, 18), dt.date(2026, 3, 19)))


def _carnival(day: dt.date) -> float:
    """Log-odds of a reply in Brazil by the local date: on Carnival Monday and Tuesday hardly anyone works (-2.5; not
    a national public holiday, so the reply clock runs), from the Friday before to Ash Wednesday little (-1.2), and the
    week before and the rest of the week after are slow (-0.5)."""
    monday = _CARNIVAL.get(day.year)
    if monday is None:
        return 0.0
    k = (day - monday).days
    if k in (0, 1):
        return -2.5
    if -3 <= k <= 2:
        return -1.2
    if -10 <= k <= 6:
        return -0.5
    return 0.0


def _ramadan(loc: dt.datetime) -> float:
    """Log-odds of a reply in the Middle East during Ramadan by the local moment: offices keep reduced hours, so
    replies are a little rarer in the morning (-0.35) and much rarer from mid-afternoon (easing down from 13:00 to
    -1.25 from 15:00)."""
    day = loc.date()
    if not any(first <= day <= last for first, last in _RAMADAN):
        return 0.0
    h = loc.hour + loc.minute / 60.0 + loc.second / 3600.0
    return -0.35 - 0.9 * min(1.0, max(0.0, (h - 13.0) / 2.0))


def _shipping_season(day: dt.date) -> float:
    """The chance that a deal due to open in the month of ``day`` opens then rather than a week or so later: deals
    open while the contracts for the peak season (June to September) and the annual tenders (January, February) are
    negotiated, hardly once the peak is under way and at year-end."""
    return (0.75, 0.6, 0.35, 0.3, 0.45, 0.75, 1.0, 0.9, 0.55, 0.2, 0.1, 0.05)[day.month - 1]


def harbour(scale: float = 1.0, seed: int = 1111) -> PlantedWorld:
    """Kept aside for a final check. A vendor of logistics software selling to ports and terminal operators, freight
    forwarders, airlines' cargo arms, customs brokers and warehouses in eleven countries: Brazil, Mexico, Chile and
    Colombia, the United Arab Emirates and Saudi Arabia, India, Singapore and Indonesia, Spain and Portugal, contacts in
    their own time zones (four in Brazil, four in Mexico, three in Indonesia, the Canaries in Spain). About eighteen
    months of history, from mid-August 2024 to 11 February 2026. Two inside-sales pods, one in Mexico City (habitual
    hours 08:30, 12:00 and 16:30) and one in Lisbon (09:30, 11:30 and 14:30), and field reps in Dubai (the Gulf, half of
    India) and Singapore (Singapore, Indonesia, the other half of India) who write less often and meet more; the Lisbon
    pod works Spain and Portugal and also three Brazilian accounts in four, half of Chile's and some in Colombia and
    Mexico, so about two in three of its touches to Latin America land before 09:00 on the contact's clock (over a
    quarter before 06:00). Accounts have one to three people, about 15% of them never touched. Touches come in bursts
    around shipping-season deals: two to six weeks of touching every few days (at the habitual gap of the account's
    owner or, for one deal in four, of a teammate in the same office), opening most while peak-season contracts (June to
    September) and annual tenders (January, February) are negotiated and rarely in November and December, then two to
    seven months of silence; key accounts (about three large accounts in ten and one smaller one in eight) have two or
    three people, each also touched steadily every one to two weeks throughout, and shorter silences between deals.
    Segments from sector and company size (under / from 1,000 employees) together: ten segments whose peaks run from
    06:30 (small ports, at the shift change) to 20:00 (small warehouses, after the evening shift), six narrow (sd
    1.0-1.4 h) and four broad (sd 2.5-3.5 h); ports and warehouses work shifts and answer at weekends (Saturday best),
    the other sectors never do (Tuesday best, Friday weak); 25% of contacts peak 2-3 hours off their segment's. The
    calendar: on a public holiday of the contact's own country (Eid in the Gulf, the Lunar New Year in Singapore and
    Indonesia, and so on) a reply is nearly out of the question (-3.5 on the log-odds) and the reply clock stops; Brazil
    slows down around Carnival (not a public holiday there: -2.5 on the log-odds on Carnival Monday and Tuesday, -1.2
    from the Friday before it to Ash Wednesday, -0.5 in the week before and the rest of the week after), and in the Gulf
    offices keep reduced hours during Ramadan (-0.35 in the morning, easing down to -1.25 from 15:00). The ten days
    after the end hold Carnival 2026, the start of Ramadan and the Lunar New Year. A very quick follow-up is bad (same
    or next day), four to seven days is best, long silences cost a little; fatigue over seven days is moderate (the
    second touch is free); unanswered runs cost more and more (-0.9 from seven in a row); a reply in the last four days
    helps. About 70% of the touches are e-mails, a fifth calls and a tenth meetings (which do best). About 67,000
    touches at scale 1; about 15% of contacts are never touched."""

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        country = w.accounts[c.account].country
        if country == "Brazil":
            return _carnival(loc.date())
        if HARBOUR_REGION[country] == "Middle East":
            return _ramadan(loc)
        return 0.0

    fx = Effects(
        base=-1.2,
        gap=_pl((0.0, -1.0), (1.0, -0.75), (2.0, -0.35), (3.0, 0.0), (4.0, 0.35), (7.0, 0.35), (12.0, 0.1),
                (45.0, -0.15), (150.0, -0.3)),
        cold=-0.25,
        fatigue_days=7.0,
        fatigue=(0.0, 0.0, -0.1, -0.25, -0.4, -0.55, -0.7),
        streak=(0.0, -0.05, -0.15, -0.3, -0.45, -0.6, -0.75, -0.9),
        recent=_pl((0.0, 0.35), (4.0, 0.35), (10.0, 0.0)),
        night=-0.75,
        channel=(0.0, 0.25, 0.9),
        delay=Delay(((0.4, 1.5), (0.4, 9.0), (0.2, 30.0)), floor=0.15),
        responsiveness_sd=0.55,
        holiday=-3.5,
        calendar=calendar,
    )
    w = PlantedWorld("harbour", _doc(harbour), fx, dt.datetime(2026, 2, 11, 16, 0, tzinfo=UTC), seed)
    w.history_days = 548.0
    years = (2024, 2025, 2026)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    mexico = [b.rep("Valeria Soto", "America/Mexico_City", 8.5, 3.0, p_random=0.2),
              b.rep("Diego Ramirez", "America/Mexico_City", 12.0, 4.0, p_random=0.25),
              b.rep("Fernanda Cruz", "America/Mexico_City", 16.5, 2.5, hour_sd=1.0, p_random=0.2)]
    lisbon = [b.rep("Ines Carvalho", "Europe/Lisbon", 9.5, 3.0, p_random=0.15),
              b.rep("Tiago Ferreira", "Europe/Lisbon", 11.5, 3.5, p_random=0.2),
              b.rep("Marta Sousa", "Europe/Lisbon", 14.5, 2.5, hour_sd=0.7, p_random=0.2)]
    dubai = [b.rep("Omar Khalil", "Asia/Dubai", 10.0, 6.0, p_random=0.25),
             b.rep("Nadia Karim", "Asia/Dubai", 15.5, 5.0, p_random=0.3)]
    singapore = [b.rep("Wei Jie Tan", "Asia/Singapore", 8.5, 5.0, p_random=0.25),
                 b.rep("Siti Rahman", "Asia/Singapore", 14.0, 6.0, p_random=0.25)]
    field = set(dubai + singapore)
    pod = {r: team for team in (mexico, lisbon, dubai, singapore) for r in team}
    # the home team of a country's accounts, the other team and the home team's share
    teams = {"Brazil": (lisbon, mexico, 0.75), "Mexico": (mexico, lisbon, 0.85), "Chile": (lisbon, mexico, 0.5),
             "Colombia": (mexico, lisbon, 0.7), "Spain": (lisbon, lisbon, 1.0), "Portugal": (lisbon, lisbon, 1.0),
             "United Arab Emirates": (dubai, dubai, 1.0), "Saudi Arabia": (dubai, dubai, 1.0),
             "India": (dubai, singapore, 0.5), "Singapore": (singapore, singapore, 1.0),
             "Indonesia": (singapore, singapore, 1.0)}
    weekdays = (0.0, 0.2, 0.15, 0.1, -0.3, -1.2, -1.2)
    every_day = (-0.15, 0.0, 0.05, 0.05, 0.0, 0.3, 0.15)  # shift work: Saturday best
    table = {
        ("ports", "small"): (6.5, 1.1, 1.5), ("ports", "large"): (16.0, 3.0, 1.0),
        ("warehousing", "small"): (20.0, 1.2, 1.5), ("warehousing", "large"): (9.0, 2.8, 1.05),
        ("freight forwarding", "small"): (8.0, 1.0, 1.6), ("freight forwarding", "large"): (13.5, 3.5, 0.9),
        ("air cargo", "small"): (18.5, 1.3, 1.4), ("air cargo", "large"): (11.0, 1.2, 1.45),
        ("customs brokerage", "small"): (14.5, 1.4, 1.3), ("customs brokerage", "large"): (10.0, 2.5, 1.1),
    }
    shifts = {"ports", "warehousing"}
    segments = {k: Segment(f"{k[0]}/{k[1]}", p, sd, a, every_day if k[0] in shifts else weekdays, k[0] in shifts)
                for k, (p, sd, a) in table.items()}
    products = {"ports": ("Terminal OS", "Berth Planner", "Gate Automation"),
                "warehousing": ("Warehouse WMS", "Yard Manager", "Labour Planner"),
                "freight forwarding": ("Forwarder Suite", "Rate Engine", "Track & Trace"),
                "air cargo": ("Air Cargo Booking", "ULD Tracker", "Track & Trace"),
                "customs brokerage": ("Customs Filing", "Trade Compliance", "Track & Trace")}
    sectors = {"ports": 0.15, "freight forwarding": 0.3, "air cargo": 0.15, "customs brokerage": 0.2,
               "warehousing": 0.2}
    countries = {"Brazil": 0.18, "Mexico": 0.13, "Chile": 0.07, "Colombia": 0.07, "United Arab Emirates": 0.09,
                 "Saudi Arabia": 0.07, "India": 0.1, "Singapore": 0.07, "Indonesia": 0.09, "Spain": 0.08,
                 "Portugal": 0.05}
    end = w.end_ts
    begin = end - 548 * DAY
    for _ in range(_count(scale, 1350, 12)):
        country = _weighted(rng, countries)
        sector = _weighted(rng, sectors)
        employees = _employees(rng, _weighted(rng, {"small": 0.4, "mid": 0.35, "large": 0.25}))
        size = "small" if employees < 1000 else "large"
        home, other, share = teams[country]
        owner = rng.choice(home if rng.random() < share else other)
        mix = (0.6, 0.82) if owner in field else (0.74, 0.96)
        ai = b.account(sector, country, employees, owner)
        key = rng.random() < (0.3 if size == "large" else 0.12)
        people: list[_Contact] = []
        for _k in range(rng.choice((1, 1, 2, 2, 3) if not key else (2, 2, 3))):
            zone = rng.choice(_HARBOUR_ZONES[country])
            c = b.contact(ai, zone, segments[(sector, size)], owner, 0.25)
            c.off = _public_holidays(country, zone, years)
            if b.cold(0.15):
                continue
            people.append(c)
            c.inbound = rng.randint(0, 2)
        if not people:
            continue
        if key:  # a key account: its people are kept in touch with steadily, deal or not
            for c in people:
                gap = w.reps[owner].gap * (2.0 if owner in field else 3.0) * rng.uniform(0.85, 1.2)
                c.threads.append(_Cadence(owner, begin + rng.uniform(0, 40) * DAY, end, gap, 0.35, mix=mix,
                                          react=0.3))
        # shipping-season deals: two to six weeks of dense touching, then months of silence
        t = begin + rng.uniform(0, 150) * DAY
        while True:
            while rng.random() > _shipping_season(dt.datetime.fromtimestamp(t, UTC).date()):
                t += rng.uniform(5, 10) * DAY
            if t >= end - 2 * DAY:
                break
            dur = rng.uniform(14, 42) * DAY
            rep = owner if rng.random() < 0.75 else rng.choice(pod[owner])
            di = b.deal(rep, ai, t, t + dur)
            w.deals[di].product = rng.choice(products[sector])
            for c in [c for c in people if rng.random() < 0.75] or [rng.choice(people)]:
                c.threads.append(_Cadence(rep, t, min(t + dur, end), w.reps[rep].gap * rng.uniform(0.8, 1.25), 0.45,
                                          deal=di, mix=mix, react=0.35))
            t += dur + rng.uniform(60, 210) * (0.6 if key else 1.0) * DAY
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 12. Kept aside: vertical teams of a workforce-software vendor, two-peaked days, hours that move, people away


def _away(start: dt.date, days: int) -> tuple[dt.date, dt.date]:
    """An absence from ``start`` for ``days`` days, as (first day away, day back), both moved to the next weekday."""
    first = _working_day(start, frozenset())
    return first, _working_day(first + dt.timedelta(days=days), frozenset())


def _absences(rng: random.Random, first: dt.date, last: dt.date, n: int,
              europe: bool) -> tuple[tuple[dt.date, dt.date], ...]:
    """Up to ``n`` absences of a week or two, (first day away, day back) both weekdays, between ``first`` and
    ``last`` and at least a week apart: half of the draws in the summer (July and August of ``first``'s year, more
    often two weeks in Europe), a fifth over the year-end holidays, the rest at any time."""
    out: list[tuple[dt.date, dt.date]] = []
    for _ in range(10 * n):
        if len(out) == n:
            break
        kind = _weighted(rng, {"summer": 0.5, "year-end": 0.2, "any": 0.3})
        if kind == "summer":
            start = dt.date(first.year, 7, 1) + dt.timedelta(days=rng.randint(0, 55))
            length = rng.choice((9, 12, 14, 14, 16) if europe else (5, 7, 7, 9, 12))
        elif kind == "year-end":
            start = dt.date(first.year, 12, 18) + dt.timedelta(days=rng.randint(0, 10))
            length = rng.choice((7, 9, 12, 14))
        else:
            start = first + dt.timedelta(days=rng.randint(0, (last - first).days))
            length = rng.choice((5, 7, 7, 9, 12, 14))
        start, back = _away(start, length)
        week = dt.timedelta(days=7)
        if start < first or back > last or any(start < b + week and a < back + week for a, b in out):
            continue
        out.append((start, back))
    return tuple(sorted(out))


def _on_leave(c: _Contact, away: tuple[tuple[dt.date, dt.date], ...]) -> None:
    """``c`` away on ``away``, days off too."""
    c.away = away
    c.off = c.off | _days_away(c.away)


def _days_away(away: tuple[tuple[dt.date, dt.date], ...]) -> frozenset[dt.date]:
    """Every calendar day of the absences ``away`` (first day away, day back)."""
    return frozenset(first + dt.timedelta(days=k) for first, back in away for k in range((back - first).days))


def atlas(scale: float = 1.0, seed: int = 1212) -> PlantedWorld:
    """Kept aside for a final check. A vendor of workforce-management software (shift scheduling, time and attendance,
    absence management) selling to mid-sized employers in the United States, Canada, the United Kingdom, Ireland,
    Germany and the Netherlands, contacts in their own time zones. About nine months of history, from early June
    2025 to 3 March 2026. Vertical teams in three offices, each rep with a habitual hour and gap: Boston works
    healthcare, education and public-sector accounts in North America (habitual hours 10:00, 11:30 and 13:30),
    Denver construction, retail and logistics there (07:30, 09:00 and 17:30), Dublin finance and software there and
    every sector in Europe (09:00, 11:00, 14:30 and 16:00); one account in ten is owned by another office, and
    15-22% of a rep's touches fall at another hour (07-21 rep-local). So each segment's touches crowd into a few
    hours of the contact's clock (the four busiest hold 35-50% of them), and two touches in three or more to a
    two-peaked segment (below) land more than an hour from both of the contact's peaks. Accounts have one to four
    people, about 16% of them never touched; the owner keeps in touch with each of the others every four to eleven
    days for months, and about half the accounts open opportunities: a month or two of touches every three to four
    days by the owner or a teammate in the same office. About 69% of the touches are e-mails, 23% calls and 8%
    meetings (the canonical format has no other channel). Segments by sector, eight of them. Three have two peaks a
    day with a trough at midday: construction (06:30, before the crews go out, and 16:30, when they are back),
    education (07:00 before classes and 15:30 after them, the afternoon higher) and healthcare clinics (08:00 and
    17:30, before and after the clinic); the others one peak: finance narrow at 09:00, the public sector broad at
    10:30, software broad at 14:00, retail narrow at 15:30 (answering on weekends, Saturday best; the others never
    do, best on Tuesday, weak on Friday) and logistics narrow and late at 18:30. Two segments' hours moved for good
    inside the history: the clinics opened and closed an hour later from 3 November 2025 (both peaks an hour earlier
    before), and finance went back to the office four days a week from 12 January 2026, answering after the commute
    at 09:00 where it answered at 07:30 before (three in four of its touches are older than that); the ten days
    after the end are judged on the new hours. 25% of contacts peak 2-3 hours off their segment's (both bumps of a
    two-peaked day move together). People are away: every contact is away one to three times inside the history for
    a week or two (half of the absences in July and August, more often two weeks in Europe, a fifth over the
    year-end holidays). On a day away, as on a public holiday of the contact's own country, a reply is nearly out of
    the question (-4 on the log-odds) and the reply clock stops, so no reply lands on a day away and a touch just
    before leaving waits for the return; an e-mail to someone away brings an automatic reply (an inbound e-mail
    without in_reply_to, not an answer) naming the day back, and the rep who got it waits until then. About 6% of
    the touched contacts are away at the end, from some day in the last two weeks until one to seven days after it,
    known from the automatic reply to a teammate's e-mail in the last days. A same-day or next-day follow-up is bad,
    three to five days best, long silences cost a little; fatigue over five days; unanswered runs cost moderately; a
    reply in the last five days helps; calls do better than e-mails, meetings best; replies are fairly quick. About
    26,000 touches at scale 1, about 1,070 contacts."""
    fx = Effects(
        base=-1.25,
        gap=_pl((0.0, -0.7), (1.0, -0.4), (2.0, 0.0), (3.0, 0.3), (5.0, 0.3), (10.0, 0.1), (30.0, -0.2),
                (90.0, -0.35)),
        cold=-0.2,
        fatigue_days=5.0,
        fatigue=(0.0, -0.1, -0.3, -0.55, -0.8),
        streak=(0.0, -0.05, -0.12, -0.2, -0.3, -0.4, -0.5, -0.6),
        recent=_pl((0.0, 0.3), (5.0, 0.3), (12.0, 0.0)),
        night=-0.8,
        channel=(0.0, 0.3, 0.9),
        delay=Delay(((0.45, 1.2), (0.35, 7.0), (0.2, 28.0))),
        responsiveness_sd=0.6,
        holiday=-4.0,
    )
    w = PlantedWorld("atlas", _doc(atlas), fx, dt.datetime(2026, 3, 3, 17, 0, tzinfo=UTC), seed)
    w.history_days = 275.0
    years = (2025, 2026)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    offices = {"Boston": [b.rep("Rachel Kim", "America/New_York", 10.0, 6.0, hour_sd=0.6, p_random=0.2),
                          b.rep("Brian Walsh", "America/New_York", 11.5, 7.0, hour_sd=0.6, p_random=0.18),
                          b.rep("Dana Whitaker", "America/New_York", 13.5, 5.0, hour_sd=0.7, p_random=0.22)],
               "Denver": [b.rep("Cody Hansen", "America/Denver", 7.5, 5.0, hour_sd=0.5, p_random=0.18),
                          b.rep("Jenna Ruiz", "America/Denver", 9.0, 7.0, hour_sd=0.6, p_random=0.22),
                          b.rep("Tyler Brooks", "America/Denver", 17.5, 8.0, hour_sd=0.8, p_random=0.2)],
               "Dublin": [b.rep("Siobhan Kearney", "Europe/Dublin", 9.0, 6.0, hour_sd=0.6, p_random=0.18),
                          b.rep("Eoin Gallagher", "Europe/Dublin", 11.0, 7.0, hour_sd=0.6, p_random=0.22),
                          b.rep("Aisling Moran", "Europe/Dublin", 14.5, 5.0, hour_sd=0.5, p_random=0.18),
                          b.rep("Declan Fahy", "Europe/Dublin", 16.0, 6.0, hour_sd=0.6, p_random=0.22)]}
    # the office of a sector's accounts in North America (Dublin works every sector in Europe)
    vertical = {"healthcare": "Boston", "education": "Boston", "government": "Boston", "construction": "Denver",
                "retail": "Denver", "logistics": "Denver", "finance": "Dublin", "software": "Dublin"}
    weekdays = (0.05, 0.2, 0.15, 0.05, -0.35, -1.2, -1.2)
    every_day = (-0.1, 0.0, 0.05, 0.05, 0.1, 0.4, 0.2)
    # sector: peak, sd, amp, a second bump (hours after the first, sd, amp), a move (from the day, hours later)
    table: dict[str, tuple[float, float, float, tuple[float, float, float] | None, tuple[dt.date, float] | None]] = {
        "construction": (6.5, 0.9, 1.5, (10.0, 1.1, 1.2), None),
        "education": (7.0, 0.9, 1.3, (8.5, 1.0, 1.4), None),
        "healthcare": (8.0, 1.0, 1.4, (9.5, 1.2, 1.2), (dt.date(2025, 11, 3), 1.0)),
        "finance": (9.0, 1.2, 1.4, None, (dt.date(2026, 1, 12), 1.5)),
        "government": (10.5, 3.0, 1.0, None, None),
        "software": (14.0, 3.2, 1.0, None, None),
        "retail": (15.5, 1.2, 1.4, None, None),
        "logistics": (18.5, 1.2, 1.45, None, None),
    }
    segments = {k: Segment(k, p, sd, a, every_day if k == "retail" else weekdays, k == "retail", second, moved)
                for k, (p, sd, a, second, moved) in table.items()}
    products = ("Shift Scheduling", "Time & Attendance", "Absence Manager", "Workforce Analytics", "Mobile Clock-in")
    countries = {"United States": 0.45, "Canada": 0.1, "United Kingdom": 0.2, "Ireland": 0.07, "Germany": 0.1,
                 "Netherlands": 0.08}
    end = w.end_ts
    begin = end - 275 * DAY
    first = (w.end - dt.timedelta(days=268)).date()
    last = (w.end - dt.timedelta(days=18)).date()
    for _ in range(_count(scale, 430, 8)):
        country = _weighted(rng, countries)
        sector = rng.choice(list(table))
        europe = REGION[country] == "Europe"
        home = "Dublin" if europe else vertical[sector]
        office = home if rng.random() < 0.9 else rng.choice([o for o in offices if o != home])
        owner = rng.choice(offices[office])
        employees = _employees(rng, _weighted(rng, {"small": 0.35, "mid": 0.45, "large": 0.2}))
        ai = b.account(sector, country, employees, owner)
        arrival = begin + 200 * DAY * rng.random() ** 1.5  # most accounts are in the book from the start
        people: list[_Contact] = []
        for _k in range(rng.choice((1, 2, 2, 3, 3, 4))):
            zone = rng.choice(COUNTRY_ZONES[country])
            c = b.contact(ai, zone, segments[sector], owner, 0.25)
            c.away = _absences(rng, first, last, rng.choice((1, 1, 2, 2, 2, 3)), europe)
            c.off = _public_holidays(country, zone, years) | _days_away(c.away)
            if b.cold(0.15):
                continue
            people.append(c)
            stop = end if rng.random() < 0.75 else end - rng.uniform(10, 120) * DAY
            if stop == end and rng.random() < 0.12:
                # away at the end, for a week or two from before it: a teammate's e-mail in the last days brings the
                # automatic reply naming the day back
                mate = rng.choice([r for r in offices[office] if r != owner])
                at = w.place(mate, end - rng.uniform(1.0, 5.0) * DAY, rng)
                if at < end - HOUR:
                    day = dt.datetime.fromtimestamp(at, c.tz).date()
                    back = _working_day(w.end.date() + dt.timedelta(days=rng.randint(1, 7)), frozenset())
                    c.away += ((min(day, back - dt.timedelta(days=rng.randint(7, 15))), back),)
                    c.off |= _days_away(c.away[-1:])
                    c.threads.append(_Once(mate, at))
            start = arrival + rng.uniform(0, 20) * DAY
            if start < stop - 14 * DAY:
                c.threads.append(_AwayAware(owner, c.tz, c.away, start, stop, w.reps[owner].gap * rng.uniform(0.8, 1.4),
                                            0.5, mix=(0.7, 0.92), react=0.35))
            c.inbound = rng.randint(0, 1)
        if not people:
            continue
        # opportunities: a month or two of touching every few days, by the owner or a teammate in the same office
        t = arrival + rng.uniform(10, 120) * DAY
        while t < end - 7 * DAY and rng.random() < 0.55:
            dur = rng.uniform(30, 75) * DAY
            rep = owner if rng.random() < 0.7 else rng.choice(offices[office])
            di = b.deal(rep, ai, t, t + dur)
            w.deals[di].product = rng.choice(products)
            for c in [c for c in people if rng.random() < 0.6] or [rng.choice(people)]:
                c.threads.append(_AwayAware(rep, c.tz, c.away, t, min(t + dur, end), 3.5 * rng.uniform(0.8, 1.25), 0.4,
                                            deal=di, mix=(0.66, 0.9), react=0.4))
            t += dur + rng.uniform(30, 120) * DAY
    w.simulate()
    w.auto_replies()
    return w


# --------------------------------------------------------------------------------------------------------
# 13. Kept aside: an outbound team selling into Asia-Pacific, sequences on set days, calls answered at the desk

MERIDIAN_MARKET = {"Australia": "Oceania", "New Zealand": "Oceania", "Japan": "Asia", "South Korea": "Asia",
                   "Singapore": "Asia"}
_MERIDIAN_ZONES: dict[str, dict[str, float]] = {
    "Australia": {"Australia/Sydney": 0.35, "Australia/Melbourne": 0.3, "Australia/Brisbane": 0.15,
                  "Australia/Perth": 0.12, "Australia/Adelaide": 0.08},
    "New Zealand": {"Pacific/Auckland": 1.0},
    "Japan": {"Asia/Tokyo": 1.0},
    "South Korea": {"Asia/Seoul": 1.0},
    "Singapore": {"Asia/Singapore": 1.0},
}
# The titles of each seniority (contacts.csv carries the title; the seniority is read from it).
MERIDIAN_TITLES: dict[str, tuple[str, ...]] = {
    "executive": ("CIO", "CISO", "CTO", "Chief Digital Officer", "VP Technology"),
    "director": ("IT Director", "Head of Security", "Head of Infrastructure", "Director of Engineering", "Head of IT"),
    "manager": ("IT Manager", "Security Operations Manager", "Infrastructure Manager", "Service Delivery Manager",
                "Network Manager"),
    "staff": ("Systems Administrator", "Security Analyst", "Network Engineer", "DevOps Engineer", "Cloud Engineer"),
}
# Sequence templates: (working day after enrolment, channel) per step.
_OUTBOUND = ((0, CALL), (0, EMAIL), (2, CALL), (4, EMAIL), (7, CALL), (9, CALL), (12, EMAIL), (17, EMAIL))
_OUTBOUND_SHORT = ((0, EMAIL), (1, CALL), (3, CALL), (6, EMAIL), (8, CALL), (13, EMAIL))
_REENGAGE = ((0, EMAIL), (2, CALL), (5, EMAIL), (9, CALL), (14, EMAIL))
# A call reaches the contact at the desk: by the hour of their day (before 08:00 and from 18:00 hardly, over lunch
# less, late morning best), and by seniority (an executive's line is screened, an engineer picks up).
_CALL_HOURS = _pl((7.0, -1.2), (8.5, -0.5), (9.5, 0.3), (10.5, 0.55), (11.5, 0.55), (12.25, -0.2), (13.5, -0.2),
                  (14.5, 0.25), (16.0, 0.25), (17.5, -0.5), (19.0, -1.2))
_CALL_SENIORITY = {"executive": -0.6, "director": -0.2, "manager": 0.0, "staff": 0.25}


def _meridian_lull(country: str, day: dt.date) -> float:
    """Log-odds of a reply by the contact's local date: the southern summer break in Australia and New Zealand (offices
    thin out from 22 December to 2 January, -1.0, and many are on leave until 26 January, -0.45) and Obon in Japan
    (13-15 August, not a public holiday: -1.0)."""
    m, d = day.month, day.day
    if MERIDIAN_MARKET[country] == "Oceania":
        if (m == 12 and d >= 22) or (m == 1 and d <= 2):
            return -1.0
        if m == 1 and d <= 26:
            return -0.45
    elif country == "Japan" and m == 8 and 13 <= d <= 15:
        return -1.0
    return 0.0


def _enrolment(t: float, r: _Rep, rng: random.Random) -> dt.date:
    """The day a list loaded at ``t`` is enrolled by rep ``r``: the Monday after (a Tuesday one time in three), on the rep's
    clock and working calendar, and never over the Christmas break (then the first Monday of January from the 6th)."""
    day = dt.datetime.fromtimestamp(t, r.tz).date()
    day += dt.timedelta(days=(7 - day.weekday()) % 7 + rng.choice((0, 0, 1)))
    if (day.month == 12 and day.day >= 18) or (day.month == 1 and day.day < 6):
        day = dt.date(day.year + 1 if day.month == 12 else day.year, 1, 6)
        day += dt.timedelta(days=(7 - day.weekday()) % 7)
    return _working_day(day, r.off, r.rest)


def meridian(scale: float = 1.0, seed: int = 1313) -> PlantedWorld:
    """Kept aside for a final check. The outbound team of a cloud-security vendor selling to the IT and security people
    of mid-sized companies in Asia-Pacific: Australia (contacts in Sydney, Melbourne, Brisbane, Perth and Adelaide, so
    some on daylight saving time and some not, Adelaide half an hour off the others), New Zealand, Japan, South Korea
    and Singapore. A year of history, from late September 2024 to Thursday 2 October 2025 (16:00 in Sydney): both
    daylight-saving changes of New Zealand, of Australia (October and April) and of the United States fall inside it,
    and Australia's next one (5 October 2025) in the ten days after the end. Sales development reps in Sydney (habitual
    hours 09:00, 10:30 and 15:00; Australia and New Zealand) and Singapore (09:30 and 16:30; Japan, South Korea and
    Singapore), a quarter to three in ten of their touches at other hours, and one in San Francisco who works a fifth of
    each market's accounts overnight: at 16:30 on their clock, the next morning in Asia-Pacific, two hours later on a
    Sydney contact's clock in the southern summer than in its winter, and on a Saturday after their Friday; every rep
    works on their own office's working days only. The people of an account are enrolled together on a Monday (a Tuesday
    one time in three; no sequence starts over the Christmas break) in a sequence whose steps fall on set working days
    after it, each with its channel: seven in ten in an eight-step one (a call and, an hour or so later, an e-mail on
    the first day, a call two working days later, then an e-mail, two calls and two e-mails, the last seventeen working
    days in), the others in a six-step one; the rep drops the contact after three to eight steps, and a contact who
    answers leaves the sequence and gets one to three e-mails or calls in person. About one account in six is re-engaged
    three to seven months later with a five-step sequence (by the same rep or the overnight one), and about a quarter
    open an opportunity that an account executive in Sydney (16:00) or Singapore (10:00) works for one to three months
    with e-mails, calls and meetings. So three in four of the touched contacts are touched three to eight times; about
    46% of the touches are calls, half e-mails, 4% meetings; about 17% of contacts are never touched. Segments from the
    contact's seniority, read from the title (executives, directors, managers, staff), and the market (Oceania, Asia),
    eight of them: executives answer at 06:30 in Oceania, before the day's meetings, and at 20:00 in Asia, after them;
    directors at 08:30 and 10:00; managers broadly around midday and early afternoon; staff at 15:30 and 17:30;
    executives answer less often, staff more; Oceania is weak on Friday, Asia on Monday, and nobody answers at weekends;
    20% of contacts peak 2-3 hours off their segment's. A call is answered at the desk: on top of the contact's own
    hours it does best in the late morning (10:30-11:30), less over lunch and hardly before 08:00 or from 18:00, worse
    for an executive (the line is screened) and better for staff, while an e-mail (what the truth is about) follows the
    contact's hours alone, so the replies to calls crowd into the late morning. On a public holiday of the contact's own
    country or state (and Auckland's anniversary day in Auckland) a reply is nearly out of the question (-4 on the
    log-odds) and the reply clock stops; Australia and New Zealand thin out over the southern summer break (-1.0 from 22
    December to 2 January, -0.45 until 26 January) and Japan at Obon (13-15 August, -1.0). The ten days after the end
    hold South Korea's National Foundation Day and Chuseok (3 and 6-9 October, so the 10th is the only whole working day
    in them there), Labour Day or the King's Birthday in New South Wales, South Australia and Queensland (6 October)
    and, inside the reply windows, Japan's Sports Day (13 October). A second touch the same day (an e-mail after a
    missed call) does poorly, three to five days after the last is best and months of silence cost a little; fatigue
    counts seven days (one touch in them is free, each further one costs more); unanswered runs cost more and more
    (-0.85 from eight in a row), so a sequence's late steps do poorly; a reply in the last five days helps; replies are
    quick. About 17,000 touches at scale 1, about 2,700 contacts."""
    level: dict[str, str] = {}  # the seniority of each segment

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        return _meridian_lull(w.accounts[c.account].country, loc.date())

    def channel_hour(c: _Contact, channel: int, loc: dt.datetime) -> float:
        if channel != CALL:
            return 0.0
        return _CALL_HOURS(loc.hour + loc.minute / 60.0 + loc.second / 3600.0) + _CALL_SENIORITY[level[c.segment.key]]

    fx = Effects(
        base=-1.8,
        gap=_pl((0.0, -0.7), (0.3, -0.5), (1.0, -0.2), (2.0, 0.2), (3.0, 0.3), (5.0, 0.3), (10.0, 0.1), (30.0, 0.0),
                (120.0, -0.25)),
        cold=-0.2,
        fatigue_days=7.0,
        fatigue=(0.0, 0.0, -0.1, -0.25, -0.45, -0.65),
        streak=(0.0, -0.05, -0.1, -0.2, -0.3, -0.45, -0.6, -0.75, -0.85),
        recent=_pl((0.0, 0.4), (5.0, 0.4), (10.0, 0.0)),
        night=-0.8,
        channel=(0.0, 0.1, 0.9),
        delay=Delay(((0.5, 1.0), (0.3, 6.0), (0.2, 24.0))),
        responsiveness_sd=0.6,
        holiday=-4.0,
        calendar=calendar,
        channel_hour=channel_hour,
    )
    w = PlantedWorld("meridian", _doc(meridian), fx, dt.datetime(2025, 10, 2, 6, 0, tzinfo=UTC), seed)
    w.history_days = 375.0
    years = (2024, 2025)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    nsw, sgp, usa = (_public_holidays(*k, years) for k in (("Australia", "Australia/Sydney"),
                                                           ("Singapore", "Asia/Singapore"),
                                                           ("United States", "America/Los_Angeles")))
    sdrs = {"Oceania": [b.rep("Chloe Bennett", "Australia/Sydney", 9.0, 3.0, hour_sd=0.6, p_random=0.3, off=nsw),
                        b.rep("Liam Doherty", "Australia/Sydney", 10.5, 3.0, hour_sd=0.5, p_random=0.25, off=nsw),
                        b.rep("Jess Nguyen", "Australia/Sydney", 15.0, 3.0, hour_sd=1.0, p_random=0.3, off=nsw)],
            "Asia": [b.rep("Wei Ming Lee", "Asia/Singapore", 9.5, 3.0, hour_sd=0.6, p_random=0.25, off=sgp),
                     b.rep("Hana Park", "Asia/Singapore", 16.5, 3.0, hour_sd=1.0, p_random=0.3, off=sgp)]}
    overnight = b.rep("Ethan Brooks", "America/Los_Angeles", 16.5, 3.0, hour_sd=1.0, p_random=0.15, off=usa)
    aes = {"Oceania": b.rep("Olivia Grant", "Australia/Sydney", 16.0, 5.0, hour_sd=1.0, p_random=0.3, off=nsw),
           "Asia": b.rep("Daniel Tan", "Asia/Singapore", 10.0, 6.0, p_random=0.3, off=sgp)}
    weekdays = {"Oceania": (-0.05, 0.2, 0.2, 0.1, -0.4, -1.3, -1.3), "Asia": (-0.2, 0.1, 0.2, 0.15, 0.0, -1.3, -1.3)}
    intercept = {"executive": -0.45, "director": -0.15, "manager": 0.0, "staff": 0.15}
    # (seniority, market): peak, sd, amp
    table = {
        ("executive", "Oceania"): (6.5, 1.0, 1.5), ("director", "Oceania"): (8.5, 1.2, 1.4),
        ("manager", "Oceania"): (12.0, 3.2, 1.0), ("staff", "Oceania"): (15.5, 1.3, 1.4),
        ("executive", "Asia"): (20.0, 1.1, 1.5), ("director", "Asia"): (10.0, 1.3, 1.4),
        ("manager", "Asia"): (14.0, 3.0, 1.0), ("staff", "Asia"): (17.5, 1.2, 1.45),
    }
    segments: dict[tuple[str, str], Segment] = {}
    for (seniority, market), (p, sd, a) in table.items():
        key = f"{seniority}/{market}"
        segments[(seniority, market)] = Segment(key, p, sd, a, tuple(x + intercept[seniority] for x in weekdays[market]),
                                                False)
        level[key] = seniority
    seniorities = {"executive": 0.2, "director": 0.25, "manager": 0.3, "staff": 0.25}
    countries = {"Australia": 0.55, "New Zealand": 0.12, "Japan": 0.12, "South Korea": 0.08, "Singapore": 0.13}
    sectors = ("finance", "healthcare", "retail", "manufacturing", "logistics", "education", "insurance", "government")
    products = ("Cloud Posture", "Endpoint Shield", "Identity Guard", "Managed Detection")
    end = w.end_ts
    begin = end - 375 * DAY

    def opportunity(ae: int, ai: int, start: float, people: list[_Contact]) -> None:
        """An opportunity the account executive works for one to three months, with one to three of ``people``."""
        if start >= end - 3 * DAY:
            return
        dur = rng.uniform(30, 100) * DAY
        di = b.deal(ae, ai, start, start + dur)
        w.deals[di].product = rng.choice(products)
        for c in rng.sample(people, min(len(people), rng.choice((1, 1, 2, 3)))):
            c.threads.append(_Cadence(ae, start, min(start + dur, end), w.reps[ae].gap * rng.uniform(0.8, 1.3), 0.45,
                                      deal=di, mix=(0.55, 0.8), react=0.35))

    for _ in range(_count(scale, 1100, 8)):
        country = _weighted(rng, countries)
        market = MERIDIAN_MARKET[country]
        owner = rng.choice(sdrs[market]) if rng.random() < 0.8 else overnight
        ai = b.account(rng.choice(sectors), country,
                       _employees(rng, _weighted(rng, {"small": 0.3, "mid": 0.5, "large": 0.2})), owner)
        people: list[_Contact] = []
        for _k in range(rng.choice((1, 2, 2, 3, 3, 4))):
            zone = _weighted(rng, _MERIDIAN_ZONES[country])
            seniority = _weighted(rng, seniorities)
            c = b.contact(ai, zone, segments[(seniority, market)], owner, 0.2,
                          title=rng.choice(MERIDIAN_TITLES[seniority]))
            c.off = _public_holidays(country, zone, years)
            if b.cold(0.17):
                continue
            people.append(c)
            c.inbound = 1 if rng.random() < 0.1 else 0
        if not people:
            continue
        loaded = rng.uniform(begin, end - 3 * DAY)
        enrol = _enrolment(loaded, w.reps[owner], rng)
        for c in people:
            steps = _OUTBOUND if rng.random() < 0.7 else _OUTBOUND_SHORT
            c.threads.append(_Steps(owner, enrol, steps, rng.choice((3, 4, 4, 5, 5, 6, 6, 7, 8))))
        if rng.random() < 0.22:
            opportunity(aes[market], ai, loaded + rng.uniform(25, 50) * DAY, people)
        if rng.random() < 0.35:  # re-engaged months later, by the owner or the overnight rep
            again = loaded + rng.uniform(90, 210) * DAY
            if again < end - 3 * DAY:
                rep = owner if rng.random() < 0.6 else overnight
                day = _enrolment(again, w.reps[rep], rng)
                kept = [c for c in people if rng.random() < 0.8] or people[:1]
                for c in kept:
                    c.threads.append(_Steps(rep, day, _REENGAGE, rng.choice((3, 4, 4, 5))))
                if rng.random() < 0.3:
                    opportunity(aes[market], ai, again + rng.uniform(25, 50) * DAY, kept)
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 14. Kept aside: farm equipment and software in the Americas, crop seasons, field reps on the road

# Crop regions: the country, the time zone the region's people keep (each region its own) and its crop calendar.
PRAIRIE_REGIONS: dict[str, tuple[str, str, str]] = {
    "Corn Belt": ("United States", "America/Chicago", "corn and soybeans"),
    "Eastern Corn Belt": ("United States", "America/Indiana/Indianapolis", "corn and soybeans"),
    "High Plains": ("United States", "America/Denver", "wheat and ranching"),
    "Arizona": ("United States", "America/Phoenix", "winter vegetables"),
    "Central Valley": ("United States", "America/Los_Angeles", "orchards and row crops"),
    "Saskatchewan": ("Canada", "America/Regina", "prairie grains"),
    "Manitoba": ("Canada", "America/Winnipeg", "prairie grains"),
    "Alberta": ("Canada", "America/Edmonton", "prairie grains"),
    "Bajio": ("Mexico", "America/Mexico_City", "rainfed maize"),
    "Sinaloa": ("Mexico", "America/Mazatlan", "irrigated maize"),
    "Mato Grosso": ("Brazil", "America/Cuiaba", "soybeans and safrinha"),
    "Parana": ("Brazil", "America/Sao_Paulo", "soybeans and wheat"),
    "Pampas": ("Argentina", "America/Argentina/Buenos_Aires", "pampas grains"),
    "Cordoba": ("Argentina", "America/Argentina/Cordoba", "pampas grains"),
}
# A farm owner's log-odds of a reply by the month (January to December), from the field work each calendar asks for:
# planting (or seeding) and harvest are quiet, the months without field work busy.
PRAIRIE_CALENDARS: dict[str, tuple[float, ...]] = {
    "corn and soybeans": (0.35, 0.3, 0.05, -0.5, -1.3, -0.5, -0.05, -0.15, -0.6, -1.3, -0.5, 0.25),
    "prairie grains": (0.35, 0.35, 0.2, -0.25, -1.3, -0.6, -0.3, -0.8, -1.4, -0.7, 0.05, 0.3),
    "wheat and ranching": (0.3, 0.3, 0.0, -0.3, -0.5, -0.9, -1.2, -0.3, -0.8, -0.9, -0.2, 0.25),
    "winter vegetables": (-0.8, -0.8, -0.6, -0.3, 0.0, 0.25, 0.3, 0.2, -0.1, -0.5, -0.8, -0.7),
    "orchards and row crops": (0.3, 0.1, -0.1, -0.3, -0.4, -0.5, -0.8, -1.1, -1.1, -0.7, 0.0, 0.3),
    "rainfed maize": (-0.3, 0.0, 0.2, 0.1, -0.4, -1.0, -0.9, -0.2, 0.1, -0.3, -0.9, -0.8),
    "irrigated maize": (-0.3, 0.0, -0.2, -0.8, -1.2, -0.6, 0.2, 0.3, 0.2, -0.3, -1.0, -0.9),
    "soybeans and safrinha": (-1.0, -1.3, -1.0, -0.2, 0.2, -0.5, -0.8, -0.5, -0.5, -1.1, -0.6, 0.1),
    "soybeans and wheat": (-0.1, -0.7, -1.2, -0.7, -0.3, 0.0, 0.3, 0.2, -0.4, -1.1, -0.8, -0.1),
    "pampas grains": (-0.3, 0.05, -0.4, -1.1, -1.3, -0.6, 0.25, 0.3, 0.0, -0.6, -0.9, -1.0),
}
PRAIRIE_MARKET = {"United States": "North America", "Canada": "North America", "Mexico": "Latin America",
                  "Brazil": "Latin America", "Argentina": "Latin America"}
# The titles of each role (contacts.csv carries the title; the role is read from it), and how much of a farm owner's
# season each role feels (an agronomist is in the fields with the farmers, a dealer's shop and a co-op's office less).
PRAIRIE_TITLES: dict[str, tuple[str, ...]] = {
    "owner": ("Owner", "Farm Owner", "Owner-Operator", "Farm Manager", "Partner"),
    "co-op manager": ("General Manager", "Location Manager", "Grain Manager", "Operations Manager"),
    "dealer": ("Dealer Principal", "Sales Manager", "Precision Ag Manager", "Parts Manager"),
    "agronomist": ("Agronomist", "Crop Consultant", "Field Agronomist", "Precision Agronomist"),
}
PRAIRIE_SEASON_WEIGHT = {"owner": 1.0, "agronomist": 0.8, "co-op manager": 0.5, "dealer": 0.4}
# Field reps: name, home office's time zone, habitual hour at the desk, habitual gap (days) between a deal's touches, the
# hour they write from the hotel on the road, and their territory (regions, with the weight of each in their trips).
PRAIRIE_FIELD_REPS: tuple[tuple[str, str, float, float, float, dict[str, float]], ...] = (
    ("Brett Olson", "America/Regina", 7.5, 6.0, 21.5, {"Saskatchewan": 0.65, "Alberta": 0.35}),
    ("Dana Friesen", "America/Winnipeg", 12.5, 6.0, 21.0, {"Manitoba": 0.55, "Saskatchewan": 0.45}),
    ("Travis Meyer", "America/Chicago", 16.0, 5.0, 22.0, {"Corn Belt": 1.0}),
    ("Kelsey Brandt", "America/Indiana/Indianapolis", 8.5, 6.0, 21.0, {"Eastern Corn Belt": 0.55, "Corn Belt": 0.45}),
    ("Cody Jensen", "America/Denver", 7.5, 7.0, 21.5, {"High Plains": 0.75, "Arizona": 0.25}),
    ("Maria Delgado", "America/Los_Angeles", 15.0, 6.0, 22.0, {"Central Valley": 0.7, "Arizona": 0.3}),
    ("Jorge Navarro", "America/Mexico_City", 9.0, 6.0, 22.5, {"Bajio": 0.6, "Sinaloa": 0.4}),
    ("Rafael Souza", "America/Cuiaba", 7.5, 6.0, 21.5, {"Mato Grosso": 1.0}),
    ("Ana Ribeiro", "America/Sao_Paulo", 14.0, 6.0, 22.0, {"Parana": 0.7, "Mato Grosso": 0.3}),
    ("Martin Gimenez", "America/Argentina/Cordoba", 17.0, 6.0, 22.5, {"Pampas": 0.6, "Cordoba": 0.4}),
)


def _monthly(values: tuple[float, ...]) -> Callable[[float], float]:
    """Twelve monthly values as a curve over the day of the year: each at the middle of its month, straight lines
    between them, across the new year too."""
    return _pl(*((15.2 + 30.44 * k, values[k % 12]) for k in range(-1, 13)))


_CROP_CURVES = {zone: _monthly(PRAIRIE_CALENDARS[calendar]) for _, zone, calendar in PRAIRIE_REGIONS.values()}


def _crop_season(zone: str, day: dt.date) -> float:
    """A farm owner's log-odds of a reply on the local ``day`` in the crop region whose people keep the time zone
    ``zone`` (see ``PRAIRIE_CALENDARS``)."""
    return _CROP_CURVES[zone](day.timetuple().tm_yday)


def _calm_day(rng: random.Random, zone: str, t: float) -> float:
    """The first moment from ``t``, a week or so at a time, that the people of the crop region keeping ``zone`` take
    for something new (a deal, a first meeting): hardly in planting or harvest, most often in the months without
    field work."""
    while rng.random() > min(1.0, max(0.01, 0.35 + _crop_season(zone, dt.datetime.fromtimestamp(t, UTC).date()))):
        t += rng.uniform(5.0, 12.0) * DAY
    return t


def _pace(zone: str) -> Callable[[float], float]:
    """Gap multiplier of an office cadence to a contact in the crop region keeping ``zone``: the reps leave the farmers
    alone in planting and harvest (up to about two and a half times the gap) and write more in the quiet months."""

    def season(t: float) -> float:
        return math.exp(-0.7 * _crop_season(zone, dt.datetime.fromtimestamp(t, UTC).date()))

    return season


def _road_trips(rng: random.Random, territory: dict[str, float], off: frozenset[dt.date], first: dt.date,
                last: dt.date) -> dict[str, list[tuple[dt.date, ...]]]:
    """A field rep's trips from the week of ``first`` until ``last``, by the region of the ``territory`` (weights) they go
    to: each week a region is drawn and the rep goes on the road there with a chance of 0.55 times how free its farmers
    are (fewer trips into planting or harvest, more in the months without field work, when the farm shows are on), for
    two to four working days from Monday or Tuesday, skipping the days in ``off`` and the region's public holidays."""
    trips: dict[str, list[tuple[dt.date, ...]]] = {region: [] for region in territory}
    closed = {region: off | _public_holidays(PRAIRIE_REGIONS[region][0], PRAIRIE_REGIONS[region][1],
                                             tuple(range(first.year, last.year + 1))) for region in territory}
    monday = first - dt.timedelta(days=first.weekday())
    while monday <= last:
        region = _weighted(rng, territory)
        pull = math.exp(0.9 * min(0.3, _crop_season(PRAIRIE_REGIONS[region][1], monday + dt.timedelta(days=2))))
        if rng.random() < 0.55 * pull:
            start = monday + dt.timedelta(days=rng.choice((0, 0, 0, 1)))
            days = [start + dt.timedelta(days=k) for k in range(rng.randint(2, 4))]
            days = [d for d in days if d not in closed[region] and first <= d <= last]
            if days:
                trips[region].append(tuple(days))
        monday += dt.timedelta(days=7)
    return trips


class _Road(_Thread):
    """The touches a field rep makes to a contact on their trips to the contact's region (``trips``: the days on the road
    of each, in order), from ``start`` until ``stop``: on each trip, a visit (a meeting at the farm, the co-op or the shop,
    08:00-16:30 on the contact's clock) with the chance ``visit``, then an e-mail from the hotel that night with the chance
    ``recap``; without a visit, an e-mail from the hotel on one night of the trip with the chance ``note``. The rep writes
    from the hotel around ``night`` o'clock on the contact's clock (``tz``, the rep's own while there). The rep answers no
    reply straight away on the road (``react`` is 0), so each touch's channel is the one set when it was planned."""

    def __init__(self, rep: int, tz: ZoneInfo, trips: list[tuple[dt.date, ...]], start: float, stop: float,
                 visit: float, recap: float, note: float, night: float) -> None:
        super().__init__(rep, react=0.0)
        self.tz, self.trips, self.stop = tz, trips, stop
        self.visit, self.recap, self.note, self.night = visit, recap, note, night
        self.k = bisect.bisect_left([days[0] for days in trips], dt.datetime.fromtimestamp(start, tz).date())
        self.planned: list[tuple[float, int]] = []
        self.next = EMAIL  # the channel of the touch handed out last

    def _evening(self, day: dt.date, rng: random.Random) -> tuple[float, int]:
        h = min(23.9, max(19.5, rng.gauss(self.night, 0.7)))
        return _clock(day, int(h * 3600), self.tz), EMAIL

    def _hand_out(self) -> float | None:
        t, self.next = self.planned.pop(0)
        return t if t < self.stop else None

    def _plan(self, rng: random.Random) -> float | None:
        while self.k < len(self.trips):
            days = self.trips[self.k]
            self.k += 1
            if rng.random() < self.visit:
                day = rng.choice(days)
                self.planned = [(_clock(day, int(rng.uniform(8.0, 16.5) * 3600), self.tz), MEETING)]
                if rng.random() < self.recap:
                    self.planned.append(self._evening(day, rng))
            elif rng.random() < self.note:
                self.planned = [self._evening(rng.choice(days), rng)]
            else:
                continue
            return self._hand_out()
        return None

    def first(self, w: PlantedWorld, rng: random.Random) -> float | None:
        return self._plan(rng)

    def after(self, w: PlantedWorld, t: float, streak: int, rng: random.Random) -> float | None:
        return self._hand_out() if self.planned else self._plan(rng)

    def channel(self, rng: random.Random) -> int:
        return self.next


def prairie(scale: float = 1.0, seed: int = 1414) -> PlantedWorld:
    """Kept aside for a final check. A seller of precision-farming equipment and farm software (guidance and autosteer,
    yield monitors, variable-rate seeding, sprayer section control, grain-bin sensors, farm-management software,
    telematics) in the Americas. Two years of history, from late March 2024 to Thursday 26 March 2026, with accounts in
    fourteen crop regions, each keeping its own time zone: the Corn Belt, the eastern Corn Belt, the High Plains,
    Arizona and California's Central Valley in the United States, Saskatchewan, Manitoba and Alberta in Canada (so six
    zones in North America: Eastern, Central, Mountain and Pacific time, and Saskatchewan and Arizona, which keep no
    daylight saving time), the Bajio and Sinaloa in Mexico, Mato Grosso and Parana in Brazil, the Pampas and Cordoba in
    Argentina (none of the three keeps daylight saving time). The accounts are farms (more than half of them, one or two
    people each), co-operatives (a manager and agronomists), equipment dealers and agronomy firms; about 18% of contacts
    are never touched. Ten field reps (in Saskatoon, Winnipeg, Des Moines, Indianapolis, Greeley, Fresno, Guadalajara,
    Cuiaba, Londrina and Rosario), each with a territory of one or two regions, are on the road in about four weeks in
    ten, for two to four working days in one region (fewer trips into its planting or harvest, more in its months
    without field work, when the farm shows are on): by day they visit farms, co-ops and shops (a meeting, 08:00-16:30
    on the contact's clock), and at night they write from the hotel, in bursts, around their own hour from 21:00 to
    22:30 on the contact's clock (a recap after a visit, a note to others in the area), so about 15% of the touches are
    e-mails from the road after 19:30 and 6% land from 22:00; from their office, at their habitual hours (07:30 to
    17:00), they work the deals by e-mail and phone. Deals open when the farmers have time (the chance of opening
    follows the region's calendar below, hardly in planting or harvest) and run for three to eleven weeks with a touch
    every four to nine days. Inside sales in Kansas City, Saskatoon, Guadalajara, Curitiba and Rosario keep in touch
    with about two people in three on an office cadence of e-mails and calls (every two weeks or so for dealers, every
    month or so for farm owners) that they stretch up to two and a half times in the contact's planting and harvest and
    tighten in the quiet months. About 66% of the touches are e-mails, 21% calls and 13% meetings (every meeting a visit
    on the road). Segments from the role, read from the title (farm owners and managers, co-op managers, dealers,
    agronomists), and the market (North America; Latin America), eight of them: farm owners answer very early (06:00 in
    North America, 06:30 in Latin America, before the day's work) and again in the evening at a set hour (20:30 and
    21:00, at the kitchen table) that no owner's shift moves; co-op managers early and narrow (07:30 and 08:30), dealers
    broadly through shop hours (11:30 and 13:00), agronomists after the day in the field (18:30 and 19:30); owners and
    dealers answer at weekends (owners less on Sunday, dealers hardly), co-op managers and agronomists never; owners
    answer less often than the others, dealers more. 25% of contacts peak 2-3 hours off their segment's (an owner's
    morning bump moves, the evening one does not). The date matters through the crop season: each region's calendar
    gives a farm owner's log-odds by the month, from -1.3 or -1.4 in the depth of planting or harvest to +0.35 in the
    months without field work, on straight lines between mid-months (the Corn Belt is quiet in May and October, the
    Canadian prairies in May and September, the High Plains at the wheat harvest in July and at sowing in September and
    October, Arizona's winter vegetables from November to March, the Central Valley from July to October, the Bajio in
    June and July and in November and December, Sinaloa in April and May and in November and December, Mato Grosso from
    January to March, in July (the second crop's harvest) and in October, Parana in March and October, the Pampas in
    April and May and from November to December); an agronomist feels 0.8 of it, a co-op manager 0.5, a dealer 0.4. So
    in the ten days after the end the Corn Belt, the prairies and the Pampas are getting busier, Mato Grosso, Parana and
    Arizona less busy. On a public holiday of the contact's country or province (Saskatchewan Day, Manitoba's Truth and
    Reconciliation day, Argentina's Carnival and bridge days, but not Carnival in Brazil, which is no public holiday) a
    reply is nearly out of the question (-4 on the log-odds) and the reply clock stops; the ten days after the end hold
    Argentina's Malvinas day (2 April) and Good Friday in Canada, Brazil and Argentina (3 April). A touch the same day
    as the last does poorly, one to two weeks after it is best and months of silence cost a little; fatigue counts ten
    days (one touch in them is free); unanswered runs cost moderately; a reply in the last week helps; meetings do best,
    calls better than e-mails; replies take moderately long. About 47,500 touches at scale 1, about 1,720 contacts."""
    role: dict[str, str] = {}  # the role of each segment

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        return PRAIRIE_SEASON_WEIGHT[role[c.segment.key]] * _crop_season(c.tz.key, loc.date())

    fx = Effects(
        base=-1.3,
        gap=_pl((0.0, -0.45), (1.0, -0.25), (4.0, 0.1), (8.0, 0.35), (16.0, 0.35), (40.0, 0.05), (120.0, -0.3)),
        cold=-0.3,
        fatigue_days=10.0,
        fatigue=(0.0, 0.0, -0.15, -0.35, -0.6, -0.85),
        streak=(0.0, -0.05, -0.1, -0.18, -0.27, -0.36, -0.45, -0.55),
        recent=_pl((0.0, 0.3), (7.0, 0.3), (14.0, 0.0)),
        night=-0.8,
        channel=(0.0, 0.3, 1.0),
        delay=Delay(((0.35, 1.5), (0.4, 8.0), (0.25, 30.0)), floor=0.15),
        responsiveness_sd=0.6,
        holiday=-4.0,
        calendar=calendar,
    )
    w = PlantedWorld("prairie", _doc(prairie), fx, dt.datetime(2026, 3, 26, 21, 0, tzinfo=UTC), seed)
    w.history_days = 730.0
    years = (2024, 2025, 2026)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    us, ca, mx, br, ar = (_public_holidays(*k, years) for k in (("United States", "America/Chicago"),
                                                                 ("Canada", "America/Regina"),
                                                                 ("Mexico", "America/Mexico_City"),
                                                                 ("Brazil", "America/Sao_Paulo"),
                                                                 ("Argentina", "America/Argentina/Cordoba")))
    # inside sales and customer success, by the country of the account: office cadences (e-mails and calls)
    inside = {"United States": [b.rep("Megan Lutz", "America/Chicago", 8.0, 21, p_random=0.22, off=us),
                                b.rep("Jared Koch", "America/Chicago", 13.5, 21, hour_sd=1.0, p_random=0.22, off=us)],
              "Canada": [b.rep("Shauna Wiebe", "America/Regina", 9.0, 21, p_random=0.2, off=ca)],
              "Mexico": [b.rep("Lucia Herrera", "America/Mexico_City", 10.0, 21, p_random=0.22, off=mx)],
              "Brazil": [b.rep("Camila Rocha", "America/Sao_Paulo", 9.5, 21, p_random=0.2, off=br)],
              "Argentina": [b.rep("Sofia Paz", "America/Argentina/Cordoba", 10.5, 21, p_random=0.22, off=ar)]}
    road: list[tuple[int, float, dict[str, float]]] = []  # field reps: the rep, the hour at the hotel, the territory
    for name, zone, hour, gap, hotel, territory in PRAIRIE_FIELD_REPS:
        country = PRAIRIE_REGIONS[next(iter(territory))][0]  # the office is in the country of the territory
        road.append((b.rep(name, zone, hour, gap, p_random=0.2, off=_public_holidays(country, zone, years)), hotel,
                     territory))
    end = w.end_ts
    begin = end - 730 * DAY
    first, last = (w.end - dt.timedelta(days=730)).date(), w.end.date()
    trips = {rep: _road_trips(rng, territory, w.reps[rep].off, first, last) for rep, _, territory in road}
    night = {rep: hour for rep, hour, _ in road}
    weekdays = {"farm": {"North America": (0.05, 0.05, 0.05, 0.0, -0.1, 0.05, -0.6),
                         "Latin America": (0.05, 0.05, 0.0, 0.0, -0.15, -0.05, -0.8)},
                "office": {"North America": (0.15, 0.15, 0.1, 0.0, -0.35, -1.3, -1.3),
                           "Latin America": (0.1, 0.15, 0.15, 0.05, -0.3, -1.3, -1.3)},
                "shop": {"North America": (0.05, 0.1, 0.1, 0.05, -0.05, -0.1, -1.5),
                         "Latin America": (0.05, 0.1, 0.1, 0.05, 0.0, -0.15, -1.6)}}
    intercept = {"owner": -0.2, "co-op manager": 0.0, "dealer": 0.15, "agronomist": -0.1}
    week = {"owner": "farm", "co-op manager": "office", "dealer": "shop", "agronomist": "office"}
    # (role, market): peak, sd, amp, the bump at a set hour (hour, sd, amp)
    table: dict[tuple[str, str], tuple[float, float, float, tuple[float, float, float] | None]] = {
        ("owner", "North America"): (6.0, 1.0, 1.4, (20.5, 1.0, 1.2)),
        ("co-op manager", "North America"): (7.5, 1.2, 1.45, None),
        ("dealer", "North America"): (11.5, 3.2, 1.0, None),
        ("agronomist", "North America"): (18.5, 1.2, 1.4, None),
        ("owner", "Latin America"): (6.5, 1.1, 1.35, (21.0, 1.2, 1.25)),
        ("co-op manager", "Latin America"): (8.5, 1.3, 1.4, None),
        ("dealer", "Latin America"): (13.0, 3.0, 1.0, None),
        ("agronomist", "Latin America"): (19.5, 1.3, 1.4, None),
    }
    segments: dict[tuple[str, str], Segment] = {}
    for (job, market), (p, sd, a, fixed) in table.items():
        key = f"{job}/{market}"
        days = tuple(x + intercept[job] for x in weekdays[week[job]][market])
        segments[(job, market)] = Segment(key, p, sd, a, days, week[job] != "office", fixed=fixed)
        role[key] = job
    # sector: share of accounts, employees (from, to), the roles of its people
    sectors: dict[str, tuple[float, tuple[int, int], tuple[str, ...]]] = {
        "farming": (0.55, (2, 60), ("owner",)),
        "cooperative": (0.12, (40, 1200), ("co-op manager", "agronomist")),
        "equipment dealer": (0.2, (12, 250), ("dealer",)),
        "agronomy": (0.13, (3, 60), ("agronomist",)),
    }
    people_per = {"farming": (1, 1, 2), "cooperative": (2, 3, 3, 4), "equipment dealer": (1, 2, 2), "agronomy": (1, 1, 2)}
    # by role: the office cadence's gap (times the desk's habitual one) and, on each trip, the chances of a visit, of a
    # recap that night and, without a visit, of a note from the hotel
    habits = {"owner": (1.4, 0.2, 0.6, 0.2), "co-op manager": (1.0, 0.25, 0.5, 0.2),
              "dealer": (0.65, 0.35, 0.5, 0.25), "agronomist": (1.15, 0.2, 0.6, 0.2)}
    regions = {"Corn Belt": 0.17, "Eastern Corn Belt": 0.07, "High Plains": 0.08, "Arizona": 0.04, "Central Valley": 0.07,
               "Saskatchewan": 0.09, "Manitoba": 0.05, "Alberta": 0.06, "Bajio": 0.05, "Sinaloa": 0.04,
               "Mato Grosso": 0.08, "Parana": 0.07, "Pampas": 0.08, "Cordoba": 0.05}
    covering = {region: {rep: territory[region] for rep, _, territory in road if region in territory}
                for region in regions}
    products = ("Autosteer Guidance", "Yield Monitor", "Variable-Rate Seeding", "Sprayer Section Control",
                "Grain Bin Sensors", "Farm Management Software", "Fleet Telematics")
    for _ in range(_count(scale, 1100, 10)):
        region = _weighted(rng, regions)
        country, zone, _ = PRAIRIE_REGIONS[region]
        market = PRAIRIE_MARKET[country]
        sector = _weighted(rng, {k: v[0] for k, v in sectors.items()})
        lo, hi = sectors[sector][1]
        reps = covering[region]
        field = list(reps)[_pick(list(reps.values()), rng)]
        desk = rng.choice(inside[country])
        ai = b.account(sector, country, int(math.exp(rng.uniform(math.log(lo), math.log(hi)))), field)
        # most accounts are in the book from the start, the others come from a farm show or a first visit in a calm month
        arrival = begin if rng.random() < 0.7 else _calm_day(rng, zone, begin + rng.uniform(0, 600) * DAY)
        people: list[_Contact] = []
        roles = sectors[sector][2]
        for k in range(rng.choice(people_per[sector])):
            job = roles[0] if k == 0 else rng.choice(roles)
            c = b.contact(ai, zone, segments[(job, market)], field, 0.25, title=rng.choice(PRAIRIE_TITLES[job]))
            c.off = _public_holidays(country, zone, years)
            if b.cold(0.16) or arrival >= end - 14 * DAY:
                continue
            people.append(c)
            stop = end if rng.random() < 0.8 else end - rng.uniform(30, 400) * DAY
            stretch, visit, recap, note = habits[job]
            start = arrival + rng.uniform(0, 30) * DAY
            on_road = rng.random() < (0.95 if job == "dealer" else 0.75)
            if on_road:
                c.threads.append(_Road(field, c.tz, trips[field][region], start, stop, visit, recap, note, night[field]))
            if not on_road or rng.random() < 0.55:
                c.owner = desk
                c.threads.append(_Cadence(desk, start, stop, w.reps[desk].gap * stretch * rng.uniform(0.75, 1.3), 0.5,
                                          season=_pace(zone), mix=(0.74, 1.0), react=0.3))
            c.inbound = rng.randint(0, 1)
        if not people:
            continue
        # deals open when the farmers have time: a few weeks to a few months of the field rep's touches from the office
        t = _calm_day(rng, zone, arrival + rng.uniform(20, 200) * DAY)
        while t < end - 5 * DAY:
            dur = rng.uniform(20, 75) * DAY
            di = b.deal(field, ai, t, t + dur)
            w.deals[di].product = rng.choice(products)
            for c in rng.sample(people, min(len(people), rng.choice((1, 1, 2)))):
                c.threads.append(_Cadence(field, t, min(t + dur, end), w.reps[field].gap * rng.uniform(0.75, 1.3), 0.45,
                                          deal=di, mix=(0.66, 1.0), react=0.35))
            t = _calm_day(rng, zone, t + dur + rng.uniform(120, 360) * DAY)
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 15. Kept aside: maintenance software for factories, shift crews on a rota, zones the CRM has wrong, a sales team
# reorganised half-way

# The time zones of each country's sites (plants and head offices), with their weights.
FOUNDRY_ZONES: dict[str, dict[str, float]] = {
    "United States": {"America/New_York": 0.24, "America/Detroit": 0.12, "America/Chicago": 0.32,
                      "America/Denver": 0.06, "America/Phoenix": 0.07, "America/Los_Angeles": 0.19},
    "Canada": {"America/Toronto": 0.6, "America/Winnipeg": 0.1, "America/Edmonton": 0.15, "America/Vancouver": 0.15},
    "Mexico": {"America/Monterrey": 0.4, "America/Mexico_City": 0.2, "America/Tijuana": 0.15,
               "America/Ciudad_Juarez": 0.13, "America/Matamoros": 0.12},
}
# A town for each zone, for the titles that name their site.
_FOUNDRY_TOWNS = {"America/New_York": ("Greenville", "Columbus", "Spartanburg"),
                  "America/Detroit": ("Flint", "Lansing", "Warren"), "America/Chicago": ("Joliet", "Memphis", "San Antonio"),
                  "America/Denver": ("Greeley", "Ogden"), "America/Phoenix": ("Mesa", "Chandler"),
                  "America/Los_Angeles": ("Fresno", "Tacoma", "Stockton"),
                  "America/Toronto": ("Hamilton", "Windsor", "Cambridge"), "America/Winnipeg": ("Brandon", "Winnipeg"),
                  "America/Edmonton": ("Red Deer", "Edmonton"), "America/Vancouver": ("Delta", "Surrey"),
                  "America/Monterrey": ("Apodaca", "Saltillo", "Escobedo"), "America/Mexico_City": ("Querétaro", "Celaya"),
                  "America/Tijuana": ("Tijuana", "Mexicali"), "America/Ciudad_Juarez": ("Cd. Juárez",),
                  "America/Matamoros": ("Reynosa", "Matamoros")}
# The titles of each job function at a plant or the head office (contacts.csv carries the title; the function and the
# site are read from it), in English and in Spanish.
FOUNDRY_TITLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "plant/operations": (("Plant Manager", "Operations Manager", "Production Manager", "Site Director",
                          "Manufacturing Manager", "Director of Plant Operations", "Site Operations Lead"),
                         ("Gerente de Planta", "Gerente de Producción", "Director de Planta", "Gerente de Operaciones")),
    "plant/finance": (("Plant Controller", "Cost Accountant", "Plant Finance Manager", "Site Controller", "Cost Analyst"),
                      ("Contralor de Planta", "Contador de Costos", "Gerente de Finanzas de Planta")),
    "plant/purchasing": (("MRO Buyer", "Plant Buyer", "Purchasing Coordinator", "Buyer - MRO", "Purchasing Agent",
                          "Storeroom & Purchasing Lead"),
                         ("Comprador MRO", "Comprador de Planta", "Jefe de Compras")),
    "plant/maintenance": (("Maintenance Manager", "Reliability Engineer", "Maintenance & Reliability Manager",
                           "M&R Manager", "Maintenance Planner", "Reliability Lead", "Senior Reliability Engineer",
                           "Maintenance Superintendent"),
                          ("Gerente de Mantenimiento", "Jefe de Mantenimiento", "Ingeniero de Confiabilidad",
                           "Planeador de Mantenimiento")),
    "plant/ehs": (("EHS Manager", "Safety Manager", "HSE Coordinator", "Environmental, Health & Safety Lead",
                   "EHS Specialist", "Safety & Environmental Coordinator"),
                  ("Coordinador de Seguridad e Higiene", "Gerente de EHS", "Jefe de Seguridad Industrial")),
    "plant/engineering": (("Controls Engineer", "Automation Engineer", "Process Engineer", "Plant Engineering Manager",
                           "Manufacturing Engineer", "Controls & Automation Lead"),
                          ("Ingeniero de Control", "Ingeniero de Automatización", "Gerente de Ingeniería")),
    "hq/procurement": (("Category Manager, MRO", "Strategic Sourcing Manager", "Director of Procurement",
                        "Indirect Procurement Lead", "Senior Category Manager - Indirects", "Global Sourcing Manager"),
                       ("Gerente de Compras Corporativas", "Director de Abastecimiento", "Gerente de Compras Indirectas")),
    "hq/it": (("IT Director", "OT Security Manager", "Manufacturing Systems Manager", "Director, Digital Manufacturing",
               "CIO", "IT/OT Integration Lead"),
              ("Director de TI", "Gerente de Sistemas", "Gerente de Manufactura Digital")),
    "hq/finance": (("Corporate Controller", "CFO", "VP Finance", "FP&A Manager", "Director, FP&A", "Finance Director"),
                   ("Director de Finanzas", "Contralor Corporativo", "Gerente de Planeación Financiera")),
    "hq/operations": (("VP Operations", "COO", "Vice President, Manufacturing", "SVP Operations",
                       "Director of Manufacturing", "Chief Operating Officer"),
                      ("Director de Operaciones", "Director General de Manufactura", "Vicepresidente de Operaciones")),
}
# Shift crews: the roles, and the ways a title names the crew (front or back half of the week, days or nights).
_CREW_ROLES = ("Maintenance Supervisor", "Shift Supervisor", "Production Supervisor", "Maintenance Shift Lead",
               "Area Supervisor", "Operations Shift Manager")
_CREW_CODES = {("front", False): ("FHD", "Front Half Days", "Days, Front Half"),
               ("front", True): ("FHN", "Front Half Nights", "Nights, Front Half"),
               ("back", False): ("BHD", "Back Half Days", "Days, Back Half"),
               ("back", True): ("BHN", "Back Half Nights", "Nights, Back Half")}
_ABBREVIATIONS = (("Senior ", "Sr. "), ("Manager", "Mgr"), ("Maintenance", "Maint."), ("Director", "Dir."),
                  ("Engineer", "Eng."), ("Operations", "Ops"), ("Vice President", "VP"), ("Purchasing", "Purch."),
                  ("Coordinator", "Coord."), ("Gerente", "Gte."), ("Ingeniero", "Ing."))
# A US plant's and head office's days off: these holidays ("(observed)" included) and the Friday after Thanksgiving, and
# the year-end shutdown; the federal holidays that are working days in industry (Martin Luther King Day, Presidents' Day,
# Juneteenth, Columbus Day, Veterans Day) are not among them.
_PLANT_HOLIDAYS = ("New Year's Day", "Memorial Day", "Independence Day", "Labor Day", "Thanksgiving Day", "Christmas Day")


def _plant_calendar(years: tuple[int, ...]) -> frozenset[dt.date]:
    """The weekdays in ``years`` a US plant and its head office are closed: New Year's Day, Memorial Day, Independence
    Day, Labor Day, Thanksgiving and the Friday after it, and the year-end shutdown from 24 December to 1 January."""
    days: set[dt.date] = set()
    for day, name in holidays.country_holidays("US", years=years).items():
        if name.startswith(_PLANT_HOLIDAYS):
            days.add(day)
            if name.startswith("Thanksgiving"):
                days.add(day + dt.timedelta(days=1))
    for year in years:
        days.update(dt.date(year, 12, 24) + dt.timedelta(days=k) for k in range(9))
    return frozenset(d for d in days if d.weekday() < 5)


def _crew_off(half: str, nights: bool, first: dt.date, last: dt.date) -> frozenset[dt.date]:
    """The days from ``first`` to ``last`` a crew of a 12-hour front-half/back-half rota is off: a front-half crew works
    Sunday to Tuesday and every other Wednesday, a back-half crew Thursday to Saturday and the other Wednesdays (in the
    weeks counted from Monday 1 January 2024). A night crew's shift starts at 18:00 and its day is the morning it ends:
    it is off on the mornings after an evening without a shift."""
    off = set()
    day = first
    while day <= last:
        start = day - dt.timedelta(days=1) if nights else day  # the shift that covers this day's hours began then
        wd = start.weekday()
        even = (start - dt.date(2024, 1, 1)).days // 7 % 2 == 0
        on = wd in (6, 0, 1) or (wd == 2 and even) if half == "front" else wd in (3, 4, 5) or (wd == 2 and not even)
        if not on:
            off.add(day)
        day += dt.timedelta(days=1)
    return frozenset(off)


def _crew_title(rng: random.Random, half: str, nights: bool) -> str:
    """A shift crew's title: three in four name the crew, in one of several ways; of the others, half say day or night."""
    role = rng.choice(_CREW_ROLES)
    if rng.random() < 0.75:
        code = rng.choice(_CREW_CODES[(half, nights)])
        form = rng.randrange(3)
        if form == 0:
            return f"{role} - {code}"
        if form == 1:
            return f"{role} ({code})"
        return f"{code} {role}" if len(code) == 3 else f"{role}, {code}"
    if rng.random() < 0.5:
        return f"{'Night' if nights else 'Day'} Shift {role}"
    return role


def _office_title(rng: random.Random, job: str, spanish: bool, town: str) -> str:
    """A title of ``job`` in varied wording: abbreviated one time in five, in capitals or lower case now and then, with
    the site or a qualifier after it or an acting post before it."""
    title = rng.choice(FOUNDRY_TITLES[job][1 if spanish else 0])
    if rng.random() < 0.2:
        for long, short in _ABBREVIATIONS:
            title = title.replace(long, short)
    u = rng.random()
    if u < 0.07:
        title = title.upper()
    elif u < 0.11:
        title = title.lower()
    u = rng.random()
    if u < 0.1:
        title += f" - {town}" if job.startswith("plant/") else rng.choice((" - Corporate", ", Head Office"))
    elif u < 0.15:
        title += rng.choice((" (Plant 2)", " - Line 3", ", North Campus", " (Interim)"))
    elif u < 0.19:
        title = rng.choice(("Acting ", "Interim ")) + title
    return title


# Trade shows: the name, the last day, whose leads (the United States, Canada and Mexico, or Mexico) and how many.
FOUNDRY_SHOWS: tuple[tuple[str, dt.date, str, int], ...] = (
    ("MODEX", dt.date(2024, 3, 14), "all", 100), ("IMTS", dt.date(2024, 9, 14), "all", 140),
    ("Pack Expo International", dt.date(2024, 11, 6), "all", 100), ("Expo Manufactura", dt.date(2025, 2, 6), "mx", 70),
    ("ProMat", dt.date(2025, 3, 20), "all", 110), ("FABTECH", dt.date(2025, 9, 11), "all", 120),
    ("Pack Expo Las Vegas", dt.date(2025, 10, 1), "all", 90),
)


def foundry(scale: float = 1.0, seed: int = 1515) -> PlantedWorld:
    """Kept aside for a final check. A vendor of maintenance and reliability software and sensors (maintenance planning,
    asset-health sensors, mobile work orders, reliability analytics, spare parts, shift handover logs) selling to
    manufacturers (food processing, automotive parts, chemicals, packaging, metals, plastics) in the United States,
    Canada and Mexico, to the people of their head offices and plants. 600 days of history, from 9 March 2024 to
    Thursday 30 October 2025 (15:00 in Chicago); the ten days after the end hold the end of daylight saving time in the
    United States, Canada and Mexico's border cities (Tijuana, Ciudad Juarez, Matamoros) on 2 November, while Monterrey
    and Mexico City keep none. An account has a head office (62% in the United States, 13% in Canada, 25% in Mexico) and
    one to three plants, each in the head office's time zone about half the time and otherwise anywhere in its country
    (six zones in the United States, Phoenix without daylight saving time among them, four in Canada, five in Mexico)
    or, for about one plant of a US account in five, in Mexico; it has one to five people, three in ten at the head
    office and the others at a plant. The CRM's zones are often wrong: two in three people at a site in another zone
    than the head office's have the head office's in contacts.csv (about 16% of all contacts), and about 7% of the
    touched office people at US sites moved to a site in another US zone on some day in the middle 60% of the history,
    the CRM keeping the zone they had; the truth, the reply clock and the timestamps of a contact's replies (with their
    UTC offset) follow the zone the contact keeps at the time; one plant title in ten names the site's town. Segments by
    job function and site, read from the title, twelve of them: at a plant, operations (plant and production managers)
    at 06:30 before the production meeting, finance (plant controllers, cost accountants) at 08:00, purchasing (MRO
    buyers) at 10:00, maintenance and reliability at 13:00, EHS broadly in the afternoon (15:30, sd 2.8 h), engineering
    (controls, automation, process) at 17:00; at the head office procurement broadly in the late morning (11:00, sd
    3.2 h), IT and OT at 14:00, finance at 16:30 and operations executives at 19:30; the others narrow (sd 1.0-1.3 h).
    Titles come in many wordings (five to eight per function, in Spanish at most Mexican sites: 85% of the people of
    Mexican accounts, half of those at US accounts' Mexican plants), abbreviated one time in five (Mgr, Maint., Dir.,
    Eng.), in capitals or lower case one time in nine, with the site or a qualifier after them one time in seven or an
    acting post before them. Plant offices do best on Tuesday and Wednesday and are weak on Monday (-0.15) and Friday
    (-0.4), head offices best on Tuesday, weak on Friday (-0.3), nobody answers at weekends (-1.3); maintenance people
    answer more often (+0.2), engineers a little (+0.1), head-office finance (-0.2) and operations executives (-0.35)
    less. Shift crews: one in five people at a US or Canadian plant (about 7% of contacts) is a supervisor on a 12-hour
    rota, the front half of the week (Sunday to Tuesday and every other Wednesday) or the back half (Thursday to
    Saturday and the other Wednesdays), on days (06:00-18:00: answering at 18:30, at the end of the shift, sd 1.0 h) or
    nights (18:00-06:00: answering at 05:00 while writing the handover, sd 1.2 h, with no night penalty on the mornings
    a shift ends); they answer on weekends and public holidays when on shift (their reply clock runs every day they
    work), never on their days off (a night crew's are the mornings after an evening without a shift), and a bit less
    often than others (-0.15). Three in four crew titles name the crew (FHD, BHN, "Front Half Nights", "Nights, Back
    Half"), half of the others say day or night shift. Compressed weeks: a quarter of the plants outside Mexico run
    their offices on four ten-hour days (every Friday off) and one US head office in five on a 9/80 schedule (every
    other Friday off). On a day off, as on a public holiday of the site (in the United States the plants' own calendar:
    New Year's Day, Memorial Day, Independence Day, Labor Day, Thanksgiving and the Friday after, and the shutdown from
    24 December to 1 January, not the other federal holidays; Canada's of the province, Mexico's statutory days), a
    reply is nearly out of the question (-3 on the log-odds) and the reply clock stops; 15% of office contacts and 12%
    of crews peak 2-3 hours off their segment's. The sales team was reorganised on Monday 3 February 2025: until then
    field reps worked territories at their own hours and gaps (Great Lakes from Detroit at 06:30 before driving to the
    plants, the Southeast from Charlotte at 17:30, the south from Houston at 19:00 from the hotel, the West from Phoenix
    at 15:30, Canada from Toronto at 07:30, Mexico from Monterrey at 12:30; a touch every nine to twelve days, 15% of
    them meetings at the plant), from then an inside-sales team in Raleigh writes at 08:00, 09:30 and 11:00 Eastern time
    (and a Spanish-speaking rep at 08:30 for Mexico) every five or six days, taking over every relationship and open
    deal that day; so before it 36% of the account reps' touches land from 15:00 on the contact's clock and after it 5%,
    while 64% land before 09:00 (30% before 07:00); 61% of all touches come after it. Touch counts are very uneven:
    about half the people get a keep-in-touch cadence (every three to seven weeks from a field rep, two to four from the
    inside team), accounts open deals of one to four months two to eight months apart (one to three people each, at the
    rep's gap), and after the first won deal of three large accounts in ten and one smaller one in twelve an
    implementation consultant (Cleveland, 07:30 Eastern; Dallas, 16:00 Central) writes to one or two of its project
    leads (plant, maintenance and engineering people, crews) about every working day for four to eleven months
    (multi-site roll-outs, three in ten, twice as long): 36 contacts get a hundred touches or more (13 over two hundred,
    up to 340), 19% of all touches; beside them 730 trade-show leads (MODEX and IMTS 2024, Pack Expo International 2024,
    Expo Manufactura 2025 in Monterrey, ProMat and FABTECH 2025, Pack Expo Las Vegas 2025), four in ten at accounts in
    the book, are thanked by the events team (Chicago, around 10:00) one to seven days after the show (one to three
    working days, a weekend's moved to the week after) and 45% of them followed up once by the account's rep, so
    39% of the touched contacts are touched once or twice. The CRM leaves the sector blank for 13% of the accounts and the employee count for 10%. About 74% of the touches are e-mails, 19% calls
    and 7% meetings. A touch the same day as the last does poorly (-0.6), six to eleven days after it is best (+0.3) and
    months of silence cost a little; fatigue counts seven days (the first touch in them is free, then -0.1 and on down
    to -0.8 from seven); each unanswered touch in a row costs more (-0.6 from seven); a reply in the last five days
    helps (+0.3); calls do better than e-mails (+0.3), meetings best (+0.85); replies take moderately long. About 33,500
    touches at scale 1, about 2,300 contacts, about 18% of them never touched."""
    night = -0.8

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        # a night crew is at work before 06:00 on the mornings its shift ends: no night penalty then
        if c.segment.key == "crew/nights" and loc.hour < 6 and loc.date() not in c.off:
            return -night
        return 0.0

    fx = Effects(
        base=-1.35,
        gap=_pl((0.0, -0.6), (1.0, -0.35), (3.0, 0.0), (6.0, 0.3), (11.0, 0.3), (30.0, 0.0), (150.0, -0.3)),
        cold=-0.25,
        fatigue_days=7.0,
        fatigue=(0.0, 0.0, -0.1, -0.2, -0.35, -0.5, -0.65, -0.8),
        streak=(0.0, -0.05, -0.1, -0.2, -0.3, -0.4, -0.5, -0.6),
        recent=_pl((0.0, 0.3), (5.0, 0.3), (12.0, 0.0)),
        night=night,
        channel=(0.0, 0.3, 0.85),
        delay=Delay(((0.4, 1.5), (0.35, 8.0), (0.25, 30.0)), floor=0.2),
        responsiveness_sd=0.6,
        holiday=-3.0,
        calendar=calendar,
    )
    w = PlantedWorld("foundry", _doc(foundry), fx, dt.datetime(2025, 10, 30, 20, 0, tzinfo=UTC), seed)
    w.history_days = 600.0
    years = (2024, 2025, 2026)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    end = w.end_ts
    begin = end - 600 * DAY
    eastern = _zone("America/New_York")
    reorg = _clock(dt.date(2025, 2, 3), 0, eastern)
    first, last = (w.end - dt.timedelta(days=605)).date(), (w.end + dt.timedelta(days=40)).date()
    # field reps by territory until the reorganisation; from it, inside sales in Raleigh by the account's country
    field = {"Great Lakes": b.rep("Kyle Brandt", "America/Detroit", 6.5, 9.0, hour_sd=0.6, p_random=0.2),
             "Southeast": b.rep("Tasha Greene", "America/New_York", 17.5, 10.0, hour_sd=0.8, p_random=0.2),
             "South Central": b.rep("Ray Dominguez", "America/Chicago", 19.0, 10.0, hour_sd=0.9, p_random=0.2),
             "West": b.rep("Dana Kowalski", "America/Phoenix", 15.5, 12.0, hour_sd=0.8, p_random=0.22),
             "Canada": b.rep("Mark Lindqvist", "America/Toronto", 7.5, 10.0, hour_sd=0.6, p_random=0.2),
             "Mexico": b.rep("Alejandro Garza", "America/Monterrey", 12.5, 9.0, hour_sd=0.8, p_random=0.22)}
    us_desk = [b.rep("Brianna Cole", "America/New_York", 8.0, 5.0, hour_sd=0.5, p_random=0.15),
               b.rep("Marcus Hale", "America/New_York", 9.5, 6.0, hour_sd=0.6, p_random=0.15),
               b.rep("Priya Desai", "America/New_York", 11.0, 5.0, hour_sd=0.6, p_random=0.18)]
    inside = {"United States": us_desk, "Canada": us_desk[1:2],
              "Mexico": [b.rep("Daniela Trevino", "America/New_York", 8.5, 6.0, hour_sd=0.6, p_random=0.15)]}
    consultants = {"east": b.rep("Greg Novak", "America/New_York", 7.5, 1.4, hour_sd=0.7, p_random=0.3),
                   "west": b.rep("Leticia Ramos", "America/Chicago", 16.0, 1.4, hour_sd=0.8, p_random=0.3)}
    events = b.rep("Events Team", "America/Chicago", 10.0, 3.0, hour_sd=1.2, p_random=0.1)

    def territory(country: str, zone: str) -> str:
        if country in ("Canada", "Mexico"):
            return country
        if zone == "America/New_York":
            return "Southeast" if rng.random() < 0.6 else "Great Lakes"
        if zone == "America/Chicago":
            return "South Central" if rng.random() < 0.7 else "Great Lakes"
        return "Great Lakes" if zone == "America/Detroit" else "West"

    fridays = [first + dt.timedelta(days=k) for k in range((last - first).days + 1)
               if (first + dt.timedelta(days=k)).weekday() == 4]
    four_ten = frozenset(fridays)  # a 4/10 schedule: Monday to Thursday, ten hours a day
    nine_eighty = [frozenset(d for d in fridays if (d - dt.date(2024, 1, 1)).days // 7 % 2 == k) for k in (0, 1)]
    rota = {(half, nights): _crew_off(half, nights, first, last) for half in ("front", "back") for nights in (False, True)}
    us_closed = _plant_calendar(years)

    def closed(country: str, zone: str) -> frozenset[dt.date]:
        return us_closed if country == "United States" else _public_holidays(country, zone, years)

    plant_office = (-0.15, 0.2, 0.2, 0.1, -0.4, -1.3, -1.3)
    head_office = (0.05, 0.2, 0.15, 0.05, -0.3, -1.3, -1.3)
    # segment: peak, sd, amp, log-odds of the function
    table = {
        "plant/operations": (6.5, 1.0, 1.5, 0.0), "plant/finance": (8.0, 1.1, 1.45, 0.0),
        "plant/purchasing": (10.0, 1.2, 1.4, 0.0), "plant/maintenance": (13.0, 1.2, 1.4, 0.2),
        "plant/ehs": (15.5, 2.8, 1.0, 0.0), "plant/engineering": (17.0, 1.3, 1.35, 0.1),
        "hq/procurement": (11.0, 3.2, 1.0, 0.0), "hq/it": (14.0, 1.2, 1.4, 0.0),
        "hq/finance": (16.5, 1.2, 1.4, -0.2), "hq/operations": (19.5, 1.2, 1.4, -0.35),
        "crew/days": (18.5, 1.0, 1.5, -0.15), "crew/nights": (5.0, 1.2, 1.5, -0.15),
    }
    segments: dict[str, Segment] = {}
    for key, (p, sd, a, level) in table.items():
        days = (0.0,) * 7 if key.startswith("crew/") else plant_office if key.startswith("plant/") else head_office
        segments[key] = Segment(key, p, sd, a, tuple(x + level for x in days), key.startswith("crew/"))
    plant_jobs = {"plant/operations": 0.2, "plant/finance": 0.1, "plant/purchasing": 0.13, "plant/maintenance": 0.3,
                  "plant/ehs": 0.12, "plant/engineering": 0.15}
    hq_jobs = {"hq/procurement": 0.3, "hq/it": 0.2, "hq/finance": 0.25, "hq/operations": 0.25}
    projects = ("plant/maintenance", "plant/engineering", "plant/operations", "crew/days", "crew/nights")
    sectors = {"food processing": 0.22, "automotive parts": 0.22, "chemicals": 0.14, "packaging": 0.14, "metals": 0.14,
               "plastics": 0.14}
    products = ("Maintenance Planner", "Asset Health Sensors", "Work Order Mobile", "Reliability Analytics",
                "Spare Parts Optimizer", "Shift Handover Log")
    countries = {"United States": 0.62, "Canada": 0.13, "Mexico": 0.25}

    def new_account(country: str, zone: str, employees: int, owner: int) -> int:
        ai = b.account(_weighted(rng, sectors), country, employees, owner)
        if rng.random() < 0.12:
            w.accounts[ai].sector = ""  # left blank in the CRM
        if rng.random() < 0.1:
            w.accounts[ai].employees = 0
        return ai

    def person(ai: int, hq: str, where: str, zone: str, job: str, owner: int, spanish: bool,
               schedule: frozenset[dt.date]) -> _Contact:
        if job.startswith("crew/"):
            half, nights = rng.choice(("front", "back")), job == "crew/nights"
            c = b.contact(ai, zone, segments[job], owner, 0.12, title=_crew_title(rng, half, nights))
            c.off = rota[(half, nights)]
        else:
            c = b.contact(ai, zone, segments[job], owner, 0.15,
                          title=_office_title(rng, job, spanish, rng.choice(_FOUNDRY_TOWNS[zone])))
            c.off = closed(where, zone) | schedule
        if zone != hq and rng.random() < 0.65:
            c.listed = _zone(hq)  # the CRM gives the head office's zone
        return c

    def work(c: _Contact, rep: int, owner: int, start: float, stop: float, stretch: float, sigma: float,
             deal: int = -1) -> None:
        """Touches from ``start`` to ``stop`` at the rep's habitual gap times ``stretch``: by the field rep ``rep``
        before the reorganisation, by the inside rep ``owner`` from it."""
        if start < reorg:
            c.threads.append(_Cadence(rep, start, min(stop, reorg), w.reps[rep].gap * stretch, sigma, deal=deal,
                                      mix=(0.62, 0.85), react=0.35))
        if stop > reorg:
            c.threads.append(_Cadence(owner, max(start, reorg), stop, w.reps[owner].gap * stretch, sigma, deal=deal,
                                      mix=(0.8, 0.98), react=0.35))

    book: dict[str, list[tuple[int, str, int, int]]] = {k: [] for k in countries}  # account, zone, field rep, owner
    for _ in range(_count(scale, 560, 8)):
        country = _weighted(rng, countries)
        hq = _weighted(rng, FOUNDRY_ZONES[country])
        employees = _employees(rng, _weighted(rng, {"small": 0.3, "mid": 0.45, "large": 0.25}))
        rep = field[territory(country, hq)]
        owner = rng.choice(inside[country])
        ai = new_account(country, hq, employees, owner)
        book[country].append((ai, hq, rep, owner))
        sites = []
        for _s in range(rng.choice((1, 1, 2, 2, 3))):
            u = rng.random()
            where = "Mexico" if country == "United States" and u > 0.82 else country
            zone = hq if u < 0.45 else _weighted(rng, FOUNDRY_ZONES[where])
            sites.append((where, zone, four_ten if where != "Mexico" and rng.random() < 0.25 else frozenset()))
        hq_schedule = rng.choice(nine_eighty) if country == "United States" and rng.random() < 0.2 else frozenset()
        people: list[_Contact] = []
        for _k in range(rng.choice((1, 2, 2, 3, 3, 4, 5))):
            if rng.random() < 0.3:
                where, zone, schedule, job = country, hq, hq_schedule, _weighted(rng, hq_jobs)
            else:
                where, zone, schedule = rng.choice(sites)
                job = _weighted(rng, plant_jobs)
                if where != "Mexico" and rng.random() < 0.2:
                    job = "crew/nights" if rng.random() < 0.5 else "crew/days"
            spanish = where == "Mexico" and rng.random() < (0.85 if country == "Mexico" else 0.5)
            c = person(ai, hq, where, zone, job, owner, spanish, schedule)
            if b.cold(0.1):
                continue
            people.append(c)
            if where == "United States" and not job.startswith("crew/") and rng.random() < 0.07:
                # moved to another site in another zone; the CRM keeps the zone they had
                c.listed = c.listed or c.tz
                c.moved = (begin + rng.uniform(0.2, 0.8) * 600 * DAY, c.tz)
                c.tz = _zone(rng.choice([z for z in FOUNDRY_ZONES["United States"] if z != zone]))
            c.inbound = 1 if rng.random() < 0.15 else 0
        if not people:
            continue
        arrival = begin if rng.random() < 0.6 else begin + rng.uniform(0, 520) * DAY
        for c in people:
            if rng.random() < 0.55:  # kept in touch: every three to seven weeks, two to four from the inside team
                stop = end if rng.random() < 0.8 else end - rng.uniform(30, 300) * DAY
                work(c, rep, owner, arrival + rng.uniform(0, 30) * DAY, stop, rng.uniform(2.5, 4.5), 0.45)
        consultant = consultants["east" if hq in ("America/New_York", "America/Detroit", "America/Toronto") else "west"]
        t = arrival + rng.uniform(10, 150) * DAY
        implemented = False
        while t < end - 10 * DAY and rng.random() < 0.8:
            dur = rng.uniform(30, 120) * DAY
            di = b.deal(rep if t < reorg else owner, ai, t, t + dur)
            d = w.deals[di]
            d.product = rng.choice(products)
            if t < reorg < t + dur:
                d.rep = owner  # handed over at the reorganisation
            for c in rng.sample(people, min(len(people), rng.choice((1, 1, 2, 3)))):
                work(c, rep, owner, t, min(t + dur, end), rng.uniform(0.8, 1.25), 0.45, deal=di)
            if d.won and not implemented and t + dur < end - 30 * DAY and \
                    rng.random() < (0.3 if employees >= 2000 else 0.08):
                implemented = True  # a roll-out: the consultant writes to the project's leads about every working day
                start = t + dur + rng.uniform(7, 25) * DAY
                length = rng.uniform(120, 330) * DAY * (2.0 if rng.random() < 0.3 else 1.0)
                leads = [c for c in people if c.segment.key in projects] or people
                for c in rng.sample(leads, min(len(leads), rng.choice((1, 1, 2)))):
                    c.threads.append(_Cadence(consultant, start, min(start + length, end), 1.1 * rng.uniform(0.85, 1.2),
                                              0.35, deal=di, mix=(0.72, 0.9), react=0.5))
            t += dur + rng.uniform(60, 240) * DAY
    # trade-show leads: badge scans, thanked by the events team within days, a few followed up once by the account's rep
    chicago = _zone("America/Chicago")
    for _name, day, market, n in FOUNDRY_SHOWS:
        for _ in range(_count(scale, n, 1)):
            country = "Mexico" if market == "mx" else _weighted(rng, {"United States": 0.82, "Canada": 0.1, "Mexico": 0.08})
            if book[country] and rng.random() < 0.4:
                ai, hq, rep, owner = rng.choice(book[country])
                zone = hq if rng.random() < 0.6 else _weighted(rng, FOUNDRY_ZONES[country])
            else:
                hq = zone = _weighted(rng, FOUNDRY_ZONES[country])
                rep, owner = field[territory(country, hq)], rng.choice(inside[country])
                ai = new_account(country, hq, _employees(rng, _weighted(rng, {"small": 0.6, "mid": 0.4})), owner)
            job = _weighted(rng, plant_jobs) if rng.random() < 0.75 else _weighted(rng, hq_jobs)
            c = person(ai, hq, country, zone, job, owner, country == "Mexico" and rng.random() < 0.7, frozenset())
            at = w.place(events, _clock(day, 12 * 3600, chicago) + rng.uniform(1.0, 3.0) * DAY, rng)
            c.threads.append(_Once(events, at))
            if rng.random() < 0.45:
                by = rep if at < reorg else owner
                c.threads.append(_Once(by, w.place(by, at + rng.uniform(4.0, 10.0) * DAY, rng, after=at)))
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 16. Kept aside: school software in Switzerland, four languages in one time zone, the school year, who writes

# The languages of the contacts (read from the title) and, for each, the canton whose calendar its people keep.
CANTONS_CALENDAR = {"de": "ZH", "fr": "VD", "it": "TI", "en": "ZG"}
# School holidays by language (the calendar of that canton; international schools keep their own): (first day off,
# first school day), both weekdays.
CANTONS_SCHOOL_HOLIDAYS: dict[str, tuple[tuple[dt.date, dt.date], ...]] = {
    "de": ((dt.date(2024, 4, 22), dt.date(2024, 5, 6)), (dt.date(2024, 7, 15), dt.date(2024, 8, 19)),
           (dt.date(2024, 10, 7), dt.date(2024, 10, 21)), (dt.date(2024, 12, 23), dt.date(2025, 1, 6)),
           (dt.date(2025, 2, 10), dt.date(2025, 2, 24)), (dt.date(2025, 4, 21), dt.date(2025, 5, 5)),
           (dt.date(2025, 7, 14), dt.date(2025, 8, 18)), (dt.date(2025, 10, 6), dt.date(2025, 10, 20)),
           (dt.date(2025, 12, 22), dt.date(2026, 1, 5))),
    "fr": ((dt.date(2024, 3, 29), dt.date(2024, 4, 15)), (dt.date(2024, 7, 1), dt.date(2024, 8, 26)),
           (dt.date(2024, 10, 14), dt.date(2024, 10, 28)), (dt.date(2024, 12, 23), dt.date(2025, 1, 6)),
           (dt.date(2025, 2, 17), dt.date(2025, 2, 24)), (dt.date(2025, 4, 14), dt.date(2025, 4, 28)),
           (dt.date(2025, 7, 7), dt.date(2025, 8, 25)), (dt.date(2025, 10, 13), dt.date(2025, 10, 27)),
           (dt.date(2025, 12, 22), dt.date(2026, 1, 5))),
    "it": ((dt.date(2024, 3, 28), dt.date(2024, 4, 8)), (dt.date(2024, 6, 17), dt.date(2024, 9, 2)),
           (dt.date(2024, 10, 28), dt.date(2024, 11, 4)), (dt.date(2024, 12, 23), dt.date(2025, 1, 7)),
           (dt.date(2025, 3, 3), dt.date(2025, 3, 10)), (dt.date(2025, 4, 18), dt.date(2025, 4, 28)),
           (dt.date(2025, 6, 16), dt.date(2025, 9, 1)), (dt.date(2025, 10, 27), dt.date(2025, 11, 3)),
           (dt.date(2025, 12, 22), dt.date(2026, 1, 7))),
    "en": ((dt.date(2024, 3, 25), dt.date(2024, 4, 8)), (dt.date(2024, 6, 17), dt.date(2024, 8, 21)),
           (dt.date(2024, 10, 14), dt.date(2024, 10, 28)), (dt.date(2024, 12, 20), dt.date(2025, 1, 6)),
           (dt.date(2025, 2, 17), dt.date(2025, 2, 24)), (dt.date(2025, 4, 7), dt.date(2025, 4, 22)),
           (dt.date(2025, 6, 16), dt.date(2025, 8, 20)), (dt.date(2025, 10, 13), dt.date(2025, 10, 27)),
           (dt.date(2025, 12, 19), dt.date(2026, 1, 5))),
}
# A reply's log-odds by the language the rep writes in and the contact's (rep, contact): nothing when the rep speaks the
# contact's language; a mass mailing from the events team (sent in each contact's language) costs the same for all.
CANTONS_MISMATCH = {("de", "fr"): -0.8, ("de", "it"): -0.35, ("de", "en"): -0.2, ("fr", "de"): -0.5, ("fr", "it"): -0.5,
                    ("fr", "en"): -0.25, ("it", "de"): -0.4, ("it", "fr"): -0.5, ("it", "en"): -0.3, ("en", "de"): -0.45,
                    ("en", "fr"): -0.6, ("en", "it"): -0.5}
CANTONS_MAILING = -1.0
# The roles answering on Wednesday afternoons (primary schools have them free: teachers and heads do their desk work).
CANTONS_WEDNESDAY = frozenset({"de/head", "de/ict", "fr/head", "fr/ict", "it/school"})
# The titles of each segment (contacts.csv carries the title; the language and the role are read from it); Ticino's
# school people are one segment whatever their role.
CANTONS_TITLES: dict[str, tuple[str, ...]] = {
    "de/head": ("Schulleiter", "Schulleiterin", "Schulleitung Primarstufe", "Schulleiter Sekundarstufe",
                "Co-Schulleiterin", "Schulleiterin Kindergarten und Unterstufe"),
    "de/office": ("Schulsekretärin", "Schulsekretär", "Leiterin Schulverwaltung", "Sachbearbeiterin Schulverwaltung",
                  "Schulverwalter"),
    "de/ict": ("PICTS", "ICT-Verantwortlicher", "ICT-Verantwortliche", "Lehrperson ICT", "Pädagogischer ICT-Support",
               "Lehrperson Medien und Informatik"),
    "de/authority": ("Leiter Volksschulamt", "Bereichsleiterin Informatik Volksschule", "Schulpräsident",
                     "Schulpflegepräsidentin", "Abteilungsleiter Bildung", "Projektleiterin Digitalisierung"),
    "de/college": ("Leiter Informatik", "Leiterin Beschaffung", "Prorektor", "Leiterin Zentrale Dienste",
                   "IT-Leiter Berufsfachschule", "Verwaltungsdirektor"),
    "fr/head": ("Directeur d'établissement", "Directrice d'établissement", "Directeur", "Directrice",
                "Directrice des écoles primaires"),
    "fr/office": ("Secrétaire de direction", "Secrétaire d'établissement", "Administratrice scolaire",
                  "Responsable administrative", "Adjointe administrative"),
    "fr/ict": ("Répondant informatique", "Répondante informatique", "PRessMITIC", "Personne-ressource MITIC",
               "Enseignant, responsable informatique"),
    "fr/authority": ("Chef de service", "Cheffe de projet numérique", "Responsable informatique pédagogique",
                     "Directeur général adjoint", "Municipale des écoles"),
    "fr/college": ("Responsable informatique", "Directeur des systèmes d'information", "Responsable des achats",
                   "Vice-recteur", "Doyenne administrative"),
    "it/school": ("Direttore", "Direttrice", "Direttore dell'istituto scolastico", "Segretaria", "Segretario scolastico",
                  "Docente responsabile informatica"),
    "it/authority": ("Capo sezione", "Capoufficio insegnamento", "Responsabile progetti digitali",
                     "Municipale dicastero educazione"),
    "en/head": ("Head of School", "Principal", "Head of Primary", "Secondary Principal", "Director of Learning"),
    "en/business": ("Bursar", "Business Manager", "Director of Admissions", "Head of Operations", "Finance Director"),
    "en/it": ("IT Manager", "Director of Technology", "EdTech Coordinator", "Head of Digital Learning"),
}
_CANTONS_TOWNS = {
    "de": ("Uster", "Winterthur", "Dübendorf", "Wädenswil", "Horgen", "Bülach", "Kloten", "Meilen", "Thalwil", "Baden",
           "Aarau", "Wettingen", "Olten", "Luzern", "Kriens", "Emmen", "Baar", "Cham", "St. Gallen", "Wil", "Frauenfeld",
           "Schaffhausen", "Chur", "Bern", "Thun", "Köniz", "Burgdorf", "Langenthal", "Solothurn", "Liestal",
           "Rapperswil-Jona", "Wetzikon", "Volketswil", "Regensdorf", "Adliswil", "Zürich"),
    "fr": ("Lausanne", "Morges", "Nyon", "Yverdon-les-Bains", "Vevey", "Montreux", "Renens", "Pully", "Gland", "Aigle",
           "Payerne", "Genève", "Carouge", "Meyrin", "Vernier", "Lancy", "Onex", "Neuchâtel", "La Chaux-de-Fonds",
           "Fribourg", "Bulle", "Sion", "Martigny", "Monthey", "Delémont", "Ecublens", "Echallens"),
    "it": ("Lugano", "Bellinzona", "Locarno", "Mendrisio", "Chiasso", "Biasca", "Minusio", "Giubiasco", "Capriasca",
           "Agno", "Massagno", "Losone"),
    "en": ("Zug", "Zurich", "Basel", "Geneva", "Lausanne", "Berne", "Lucerne", "Winterthur", "Lugano", "Montreux",
           "Gstaad", "Schaffhausen", "Neuchâtel", "Baar"),
}
# The names of the accounts: "{town}" stands for a town of the language's region.
_CANTONS_KINDS = {
    ("de", "school"): ("Primarschule", "Sekundarschule", "Schule", "Oberstufenschule", "Schuleinheit"),
    ("fr", "school"): ("Établissement primaire", "Établissement secondaire", "École primaire", "Collège",
                       "Établissement primaire et secondaire"),
    ("it", "school"): ("Scuola elementare", "Scuola media", "Istituto scolastico"),
    ("de", "authority"): ("Schulverwaltung", "Bildungsdepartement", "Schulamt", "Abteilung Bildung"),
    ("fr", "authority"): ("Service des écoles", "Direction des écoles", "Service de l'enseignement"),
    ("it", "authority"): ("Ufficio scuole", "Dicastero educazione", "Servizio scuole"),
    ("de", "college"): ("Berufsfachschule", "Kantonsschule", "Berufsbildungszentrum", "Hochschule"),
    ("fr", "college"): ("Gymnase", "Centre professionnel", "Haute école", "École professionnelle"),
    ("en", "international"): ("{town} International School", "International School of {town}", "Institut {town}",
                              "{town} Bilingual School"),
}
_CANTONS_QUARTERS = {"de": ("Nord", "Süd", "Ost", "West", "Zentrum", "Dorf"), "fr": ("Nord", "Sud", "Est", "Ouest", "Centre"),
                     "it": ("Nord", "Sud", "Centro"), "en": ("II", "III", "Campus")}
_CANTONS_NAMES = {
    "de": (("Reto", "Urs", "Beat", "Daniel", "Martin", "Thomas", "Andrea", "Barbara", "Monika", "Sandra", "Nicole", "Stefan",
            "Simon", "Corinne", "Regula", "Lukas", "Matthias", "Claudia", "Esther", "Markus", "Silvia", "Patrick"),
           ("Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Schneider", "Steiner", "Fischer", "Gerber",
            "Brunner", "Baumann", "Frei", "Zimmermann", "Moser", "Widmer", "Wyss", "Graf", "Roth", "Kälin", "Suter")),
    "fr": (("Jean-Marc", "Sophie", "Nathalie", "Christophe", "Laurent", "Isabelle", "Valérie", "Olivier", "Pascal",
            "Sandrine", "Yves", "Céline", "Mathieu", "Aline", "Stéphane", "Nicolas", "Véronique", "Fabienne", "Cédric"),
           ("Rochat", "Favre", "Perret", "Bonvin", "Cuendet", "Pittet", "Mottier", "Blanc", "Rey", "Dubois", "Jaquet",
            "Chevalley", "Monnier", "Bovet", "Pasche", "Vuilleumier", "Gavillet", "Clerc", "Ducret")),
    "it": (("Marco", "Luca", "Chiara", "Paola", "Giorgio", "Sara", "Davide", "Francesca", "Matteo", "Elena", "Sergio",
            "Monica", "Fabio", "Daniela"),
           ("Bernasconi", "Rossi", "Pedrazzini", "Lurati", "Ferrari", "Bianchi", "Cattaneo", "Galli", "Fontana",
            "Guidi", "Respini", "Caverzasio", "Moretti", "Lepori")),
    "en": (("James", "Sarah", "Emily", "David", "Rachel", "Mark", "Claire", "Andrew", "Helen", "Richard", "Laura",
            "Michael", "Kate", "Anjali", "Olga", "Hiroshi", "Ingrid", "Tom"),
           ("Whitfield", "Harper", "Collins", "Bennett", "Carter", "Hughes", "Morgan", "Price", "Reid", "Shaw", "Patel",
            "Lindqvist", "Novak", "Okafor", "Keller", "Dubois")),
}
# Webinar invitations the events team sends to the people in the book on these days, at 10:00 in Zurich.
CANTONS_MAILINGS = (dt.date(2024, 5, 14), dt.date(2024, 10, 8), dt.date(2025, 3, 11), dt.date(2025, 9, 9))


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def _slug(text: str, letters: dict[int, str] | None = None) -> str:
    """``text`` as lower-case ASCII letters and digits alone; ``letters`` spells the letters that do not decompose
    into ASCII ("ø", "ł", "þ")."""
    return "".join(ch for ch in _ascii(text.translate(letters or {})) if ch.isalnum())


def _domain(text: str, letters: dict[int, str] | None = None) -> str:
    """A company's name as an e-mail domain: its runs of ASCII letters and digits joined by hyphens."""
    return "-".join("".join(ch if ch.isalnum() else " " for ch in _ascii(text.translate(letters or {}))).split())


def _rename(w: PlantedWorld, c: _Contact, first: str, last: str, domain: str, letters: dict[int, str] | None = None,
            name: str | None = None) -> None:
    """``c`` as ``first`` ``last`` (or ``name``), with an address at ``domain`` made from the two names."""
    del w.by_email[c.email]
    c.email = f"{_slug(first, letters)}.{_slug(last, letters)}.{_b36(len(w.contacts) - 1)}@{domain}.example"
    c.name = name or f"{first} {last}"
    w.by_email[c.email] = c


def _stem(rng: random.Random, stems: tuple[str, ...], k: int, stem: str = "") -> str:
    """A company name's stem at the ``k``-th try: ``stem`` or one of ``stems``, from the 20th try with another after it."""
    stem = stem or rng.choice(stems)
    return f"{stem} {rng.choice(stems)}" if k >= 20 else stem


def _group_stem(pool: Sequence[str], n: int) -> str:
    """The ``n``-th group's stem from ``pool``: its stems in turn, numbered from the second round on (Perla, ...,
    Perla 2)."""
    return pool[n % len(pool)] + ("" if n < len(pool) else f" {n // len(pool) + 1}")


def _unique(taken: set[str], make: Callable[[int], str]) -> str:
    """The first of ``make(0)``, ``make(1)``, ... (up to 1,000 tries) not in ``taken``, then taken."""
    for k in range(1000):
        name = make(k)
        if name not in taken:
            taken.add(name)
            return name
    raise RuntimeError("no company name left")


def _school_pace(t: float) -> float:
    """Gap multiplier of a cadence to school people by the date: the reps push from February to May, while the next
    school year's budgets and timetables are decided, and hardly write in July and August."""
    return (1.2, 0.75, 0.7, 0.75, 0.75, 1.0, 2.5, 1.6, 0.85, 1.0, 0.9, 1.6)[dt.datetime.fromtimestamp(t, UTC).month - 1]


def _office_pace(t: float) -> float:
    """Gap multiplier of a cadence to the people of an education department or a college: slower in the summer."""
    return (1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.8, 1.5, 0.9, 1.0, 1.0, 1.4)[dt.datetime.fromtimestamp(t, UTC).month - 1]


class _Term(_AwayAware):
    """A cadence by a rep who knows the contact's school holidays (``away``) ahead: a touch that would fall in them moves
    to the first school day or up to three days after it, unless the rep overlooks them (one time in ``1 - plan``);
    having touched the contact in them (an automatic reply), the rep waits for the first school day."""

    def __init__(self, rep: int, tz: ZoneInfo, away: tuple[tuple[dt.date, dt.date], ...], start: float, stop: float,
                 gap: float, sigma: float = 0.5, plan: float = 0.85, **kw: object) -> None:
        super().__init__(rep, tz, away, start, stop, gap, sigma, **kw)
        self.plan = plan

    def _skip(self, w: PlantedWorld, t: float | None, rng: random.Random) -> float | None:
        if t is None or not self.away:
            return t
        day = dt.datetime.fromtimestamp(t, self.tz).date()
        back = next((b for first, b in self.away if first <= day < b), None)
        if back is None or rng.random() >= self.plan:
            return t
        nt = w.place(self.rep, _clock(back, 12 * 3600, self.tz) + rng.uniform(0.0, 3.0) * DAY, rng, after=t)
        return nt if nt < self.stop else None

    def first(self, w: PlantedWorld, rng: random.Random) -> float | None:
        return self._skip(w, super().first(w, rng), rng)

    def after(self, w: PlantedWorld, t: float, streak: int, rng: random.Random) -> float | None:
        return self._skip(w, super().after(w, t, streak, rng), rng)


def cantons(scale: float = 1.0, seed: int = 1616) -> PlantedWorld:
    """Kept aside for a final check. A vendor of school software (timetabling, grade books, a parents' app, device
    management and, for departments and colleges, a school administration suite) selling in Switzerland, where everyone
    keeps one time zone (Europe/Zurich) and the working day goes with the language. About eighteen and a half months of
    history, from 18 March 2024 to Thursday 2 October 2025 (15:00 in Zurich). The accounts are schools (58%: a head, a
    school secretary or administrator, a teacher in charge of ICT), the education departments of cantons and communes
    (13%), colleges (15%: vocational schools, grammar schools and universities of applied sciences, their IT and
    purchasing people) and international schools (14%); 64% of the schools and 62% of the departments are in
    German-speaking Switzerland, 28% in the French-speaking part and the others in Ticino, the colleges 70%
    German-speaking and 30% French-speaking. Every account's name gives its kind and town (Primarschule Uster,
    Établissement primaire Morges, Scuola media Lugano, Zug International School), office_location is Switzerland for
    all and 8% have no sector in the CRM. One to three people per account, about 1,860 contacts, about 18% of them never
    touched. The language shows only through the title (Schulleiterin, Directeur d'établissement, Direttrice, Head of
    School; 4% of the titles are blank), the account's name and, less surely, the person's. Reps: four in Zurich writing
    German (habitual hours 07:30, 10:00, 13:30 and 16:30; the 13:30 one also French), two in Lausanne writing French
    (09:00, and 14:00 also German), one in Lugano (11:00, Italian and German), one in Zug for the international schools
    (08:30, English and German), a product specialist in Amsterdam who writes English only (15:00) and gives
    demonstrations in deals, and the events team; each works on the working days of their own canton (or country) only,
    a fifth of their touches at other hours. German-speaking accounts are owned in Zurich, French-speaking ones in
    Lausanne (28% by a Zurich rep, who cover the bilingual border), Ticino's in Lugano (20% from Zurich), international
    schools in Zug (15% by another office). Who writes matters, and the truth is about an e-mail from the contact's
    owner: a rep who writes in the contact's language gets the full chance, one who does not loses on the log-odds
    (German to French speakers -0.8, to Italian -0.35, to English -0.2; French to German -0.5, to Italian -0.5, to
    English -0.25; Italian to German -0.4, to French -0.5, to English -0.3; English to German -0.45, to French -0.6, to
    Italian -0.5; a bilingual rep gets the better of their two languages), and the events team's mass mailings (webinar
    invitations, in each contact's language, to about 55% of the people in the book on 14 May 2024, 8 October 2024, 11
    March 2025 and 9 September 2025, all within a quarter of an hour from 10:00 Zurich time) cost -1.0; so about 10% of
    the touches are by a rep not writing the contact's language and 10% are mailings, and a fifth of the French-speaking
    and about 30% of the Italian-speaking contacts are owned by a rep who does not write their language. Segments from
    the language and the role, fifteen of them: in German-speaking Switzerland heads answer at 07:00 before lessons,
    school secretaries at 10:00, ICT teachers at 20:00, department people at 08:30, college staff broadly at 14:00 (sd
    3.0 h); in the French-speaking part heads at 17:00 after lessons, secretaries at 14:00 after the long lunch, ICT
    teachers at 21:00, department people at 11:00, college staff broadly at 16:00 (sd 3.2 h); in Ticino the school
    people (heads, secretaries and teachers alike) at 18:00, the departments broadly at 10:30 (sd 3.0 h); in the
    international schools heads at 07:30, business offices (bursars, admissions) broadly at 12:30 (sd 3.0 h) and IT at
    15:30; the others narrow (sd 1.0-1.3 h). The heads and ICT teachers of German- and French-speaking schools and
    Ticino's school people also answer on Wednesday afternoons, when primary schools have no lessons: a bump at 14:30
    (sd 1.4 h, +1.2 on the log-odds) on Wednesdays only, at that clock hour whatever the contact's own peak. ICT
    teachers answer at weekends, best on Sunday evening (Sunday +0.35, Saturday -1.0, Friday -0.5); schools are weak on
    Friday (-0.3), departments and colleges more so (-0.45), international schools less (-0.2), and none of those
    answers at weekends; heads answer less often (-0.15 on the log-odds; -0.1 in international schools), secretaries
    more (+0.15), department people a little less (-0.1), international schools' business and IT people a little more
    (+0.1); 20% of contacts peak 2-3 hours off their segment's. The school year: the people of a school are off in its
    holidays, those of the largest canton of its language (Zurich for German, Vaud for French, Ticino for Italian;
    international schools keep their own): one to two weeks in spring and in autumn, one or two in February, two at
    Christmas, and summers of five weeks in Zurich, seven to eight in Vaud, nine in the international schools and eleven
    in Ticino. On a day off, as on a public holiday of that canton (Zug's for the international schools), a reply is
    nearly out of the question (-3.5 on the log-odds) and the reply clock stops; an e-mail to someone in their school
    holidays brings an automatic reply naming the first school day (an inbound e-mail, not an answer). The departments'
    people take their holidays with their children: -0.6 in their language's school holidays (the reply clock runs). The
    ten days after the end hold Zurich's autumn holidays (from Monday 6 October), so the people of a German-speaking
    school can be reached on Thursday evening and Friday only, and the windows of touches from 8 October reach into
    Vaud's (from 13 October). Histories: the owner keeps in touch with 85% of the people every three to six weeks,
    pushing from February to May (gaps times 0.7-0.75) and hardly writing in July and August (times 2.5 and 1.6); the
    reps move a touch that would fall in a school's holidays to the first days back (they overlook them one time in
    seven; having written to someone away, they wait for the day back); schools open deals for the next school year in
    spring (42% of the schools each spring, five to twelve weeks of touches every four to nine days to one or two
    people) and a few in the autumn (18%), the product specialist joining three in ten with a demonstration (nearly half
    his touches are meetings); half the departments and colleges run a tender: four to ten weeks of talks, then a quiet
    period of eight to sixteen weeks from its publication to the award in which nobody writes to them, then, if won, six
    to twelve weeks of onboarding (a touch every four to six days, with the specialist for three people in five), if
    lost one debrief e-mail, and keeping in touch again three to nine weeks after the award. About 81% of the touches
    are e-mails, 13% calls and 6% meetings; about 4% of the touches to school people land in their holidays. An e-mail
    sync spelled the address of 12% of the touched contacts with capitals (Reto.Baumann.1f@...): their e-mails, replies,
    automatic replies and other inbound e-mails are logged under that spelling, their calls and meetings under the
    address in lower case, and contacts.csv has a second row for the sync's spelling, without a title. A same-day touch
    does poorly (-0.8), one to two weeks after the last is best and long silences cost a little (-0.35 from eight
    months); fatigue counts seven days (one touch in them is free, four or more cost -0.7); unanswered runs cost more
    and more (-0.6 from seven in a row); a reply in the last six days helps (+0.35); calls do better than e-mails
    (+0.25), meetings best (+0.9); replies take moderately long. About 31,500 touches at scale 1."""
    speaks: dict[int, tuple[str, ...]] = {}  # the languages each rep writes in (empty: the events team's mailings)
    breaks = {lang: _days_away(periods) for lang, periods in CANTONS_SCHOOL_HOLIDAYS.items()}

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        key = c.segment.key
        z = 0.0
        if key in CANTONS_WEDNESDAY and loc.weekday() == 2 and loc.date() not in c.off:
            h = loc.hour + loc.minute / 60.0 + loc.second / 3600.0
            z += 1.2 * math.exp(-0.5 * ((h - 14.5) / 1.4) ** 2)
        if key.endswith("/authority") and loc.date() in breaks[key[:2]]:
            z -= 0.6  # the department's people take their holidays with their children
        return z

    def rapport(c: _Contact, rep: int) -> float:
        langs = speaks[rep]
        if not langs:
            return CANTONS_MAILING
        lang = c.segment.key[:2]
        return 0.0 if lang in langs else max(CANTONS_MISMATCH[(r, lang)] for r in langs)

    fx = Effects(
        base=-1.3,
        gap=_pl((0.0, -0.8), (1.0, -0.45), (3.0, 0.0), (7.0, 0.35), (14.0, 0.35), (35.0, 0.05), (120.0, -0.2),
                (240.0, -0.35)),
        cold=-0.3,
        fatigue_days=7.0,
        fatigue=(0.0, 0.0, -0.2, -0.45, -0.7),
        streak=(0.0, -0.05, -0.12, -0.2, -0.3, -0.4, -0.5, -0.6),
        recent=_pl((0.0, 0.35), (6.0, 0.35), (14.0, 0.0)),
        night=-0.8,
        channel=(0.0, 0.25, 0.9),
        delay=Delay(((0.4, 1.5), (0.35, 8.0), (0.25, 30.0)), floor=0.2),
        responsiveness_sd=0.55,
        holiday=-3.5,
        calendar=calendar,
        rep=rapport,
    )
    w = PlantedWorld("cantons", _doc(cantons), fx, dt.datetime(2025, 10, 2, 13, 0, tzinfo=UTC), seed)
    w.history_days = 563.0
    years = (2024, 2025, 2026)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    zurich_tz = "Europe/Zurich"
    swiss = _zone(zurich_tz)
    public: dict[str, frozenset[dt.date]] = {}
    for lang, canton in CANTONS_CALENDAR.items():
        days = holidays.country_holidays("CH", subdiv=canton, years=years)
        public[lang] = frozenset(d for d in days if d.weekday() < 5)
    nl = _public_holidays("Netherlands", "Europe/Amsterdam", years)

    def rep(name: str, hour: float, gap: float, langs: tuple[str, ...], off: frozenset[dt.date], zone: str = zurich_tz,
            **kw: float) -> int:
        i = b.rep(name, zone, hour, gap, off=off, **kw)
        speaks[i] = langs
        return i

    zurich = [rep("Reto Baumann", 7.5, 6.0, ("de",), public["de"], hour_sd=0.6, p_random=0.2),
              rep("Sandra Keller", 10.0, 5.0, ("de",), public["de"], hour_sd=0.7, p_random=0.2),
              rep("Lukas Meier", 13.5, 7.0, ("de", "fr"), public["de"], hour_sd=0.8, p_random=0.22),
              rep("Nadine Frei", 16.5, 6.0, ("de",), public["de"], hour_sd=0.7, p_random=0.2)]
    lausanne = [rep("Sophie Rochat", 9.0, 6.0, ("fr",), public["fr"], hour_sd=0.7, p_random=0.2),
                rep("Julien Favre", 14.0, 5.0, ("fr", "de"), public["fr"], hour_sd=0.8, p_random=0.22)]
    lugano = [rep("Chiara Bernasconi", 11.0, 7.0, ("it", "de"), public["it"], hour_sd=0.8, p_random=0.2)]
    zug = [rep("James Whitfield", 8.5, 6.0, ("en", "de"), public["en"], hour_sd=0.7, p_random=0.22)]
    specialist = rep("Pieter de Jong", 15.0, 4.0, ("en",), nl, zone="Europe/Amsterdam", hour_sd=0.8, p_random=0.25)
    events = rep("Events Team", 10.0, 30.0, (), public["de"], hour_sd=0.0, p_random=0.0)
    school = (-0.05, 0.1, 0.1, 0.1, -0.3, -1.3, -1.3)
    office = (0.05, 0.15, 0.1, 0.05, -0.45, -1.4, -1.4)
    evenings = (-0.05, 0.0, 0.1, 0.0, -0.5, -1.0, 0.35)  # teachers prepare the week on Sunday evening
    international = (0.0, 0.15, 0.1, 0.05, -0.2, -1.2, -1.3)
    # segment: peak, sd, amp, weekdays, log-odds of the role, answers at weekends
    table: dict[str, tuple[float, float, float, tuple[float, ...], float, bool]] = {
        "de/head": (7.0, 1.0, 1.5, school, -0.15, False), "de/office": (10.0, 1.3, 1.35, school, 0.15, False),
        "de/ict": (20.0, 1.2, 1.5, evenings, 0.0, True), "de/authority": (8.5, 1.2, 1.4, office, -0.1, False),
        "de/college": (14.0, 3.0, 1.0, office, 0.0, False),
        "fr/head": (17.0, 1.2, 1.45, school, -0.15, False), "fr/office": (14.0, 1.1, 1.4, school, 0.15, False),
        "fr/ict": (21.0, 1.1, 1.5, evenings, 0.0, True), "fr/authority": (11.0, 1.3, 1.35, office, -0.1, False),
        "fr/college": (16.0, 3.2, 1.0, office, 0.0, False),
        "it/school": (18.0, 1.3, 1.4, school, 0.0, False), "it/authority": (10.5, 3.0, 1.0, office, -0.1, False),
        "en/head": (7.5, 1.1, 1.45, international, -0.1, False),
        "en/business": (12.5, 3.0, 1.0, international, 0.1, False),
        "en/it": (15.5, 1.2, 1.4, international, 0.1, False),
    }
    segments = {k: Segment(k, p, sd, a, tuple(x + level for x in days), all_days)
                for k, (p, sd, a, days, level, all_days) in table.items()}
    kinds = {"school": 0.58, "authority": 0.13, "college": 0.15, "international": 0.14}
    languages = {"school": {"de": 0.64, "fr": 0.28, "it": 0.08}, "authority": {"de": 0.62, "fr": 0.28, "it": 0.1},
                 "college": {"de": 0.7, "fr": 0.3}, "international": {"en": 1.0}}
    sizes = {"school": (15, 150), "authority": (20, 800), "college": (150, 3000), "international": (60, 600)}
    roles = {"school": ("head", "office", "ict"), "international": ("head", "business", "it")}
    people_per = {"school": (1, 2, 2, 3, 3), "authority": (1, 1, 2, 3), "college": (1, 2, 2, 3),
                  "international": (1, 2, 2, 3)}
    products = ("Timetabler", "Grade Book", "Parent App", "Device Manager", "School Admin Suite")
    taken: set[str] = set()
    end = w.end_ts
    begin = end - 563 * DAY

    def name(kind: str, lang: str) -> str:
        word = rng.choice(_CANTONS_KINDS[(lang, kind)])
        text = (word if "{town}" in word else word + " {town}").format(town=rng.choice(_CANTONS_TOWNS[lang]))
        for quarter in (None, *_CANTONS_QUARTERS[lang], *range(2, 50)):
            candidate = text if quarter is None else f"{text} {quarter}"
            if candidate not in taken:
                taken.add(candidate)
                return candidate
        raise AssertionError("no name left")

    def person(ai: int, key: str, owner: int) -> _Contact:
        lang = key[:2]
        c = b.contact(ai, zurich_tz, segments[key], owner, 0.2, title=rng.choice(CANTONS_TITLES[key]))
        first, last = rng.choice(_CANTONS_NAMES[lang][0]), rng.choice(_CANTONS_NAMES[lang][1])
        del w.by_email[c.email]
        domain = "-".join(_ascii(w.accounts[ai].name).replace("'", " ").replace(".", " ").split())
        c.email = f"{_ascii(first).replace('-', '')}.{_ascii(last)}.{_b36(len(w.contacts) - 1)}@{domain}.example"
        c.name = f"{first} {last}"
        w.by_email[c.email] = c
        if rng.random() < 0.04:
            c.title = ""  # left blank in the CRM
        return c

    for _ in range(_count(scale, 900, 8)):
        kind = _weighted(rng, kinds)
        lang = _weighted(rng, languages[kind])
        if lang == "de":
            owner = rng.choice(zurich)
        elif lang == "fr":
            owner = rng.choice(lausanne) if rng.random() < 0.72 else rng.choice(zurich)
        elif lang == "it":
            owner = lugano[0] if rng.random() < 0.8 else rng.choice(zurich)
        else:
            owner = zug[0] if rng.random() < 0.85 else rng.choice(zurich + lausanne)
        lo, hi = sizes[kind]
        sector = "government" if kind == "authority" else "education"
        ai = b.account(sector, "Switzerland", int(math.exp(rng.uniform(math.log(lo), math.log(hi)))), owner)
        w.accounts[ai].name, w.accounts[ai].parent = name(kind, lang), ""
        if rng.random() < 0.08:
            w.accounts[ai].sector = ""  # left blank in the CRM
        teaching = kind in ("school", "international")
        arrival = begin if rng.random() < 0.7 else begin + rng.uniform(0, 480) * DAY
        people: list[_Contact] = []
        for k in range(rng.choice(people_per[kind])):
            if lang == "it" and kind == "school":
                key = "it/school"
            elif teaching:
                key = f"{lang}/{roles[kind][0] if k == 0 else rng.choice(roles[kind][1:])}"
            else:
                key = f"{lang}/{kind}"
            c = person(ai, key, owner)
            c.off = public[lang]
            if teaching:
                c.away = CANTONS_SCHOOL_HOLIDAYS[lang]
                c.off = c.off | breaks[lang]
            if b.cold(0.1):
                continue
            people.append(c)
            c.inbound = 1 if rng.random() < 0.15 else 0
        if not people:
            continue
        pace = _school_pace if teaching else _office_pace
        # a tender (departments and colleges): talks, a quiet period from its publication to the award, then the result
        quiet: tuple[float, float] | None = None
        if not teaching and rng.random() < 0.5:
            t0 = rng.uniform(begin + 20 * DAY, end - 40 * DAY)
            published = t0 + rng.uniform(28, 70) * DAY
            award = published + rng.uniform(56, 112) * DAY
            quiet = (published, award)
            di = b.deal(owner, ai, t0, award)
            d = w.deals[di]
            d.product = "School Admin Suite"
            d.prospecting = False
            for c in [c for c in people if rng.random() < 0.7] or people[:1]:
                c.threads.append(_Cadence(owner, t0, min(published, end), w.reps[owner].gap * rng.uniform(1.0, 1.6),
                                          0.4, deal=di, mix=(0.7, 0.9), react=0.3))
                if award < end and d.won:
                    c.threads.append(_Cadence(owner, award, min(award + rng.uniform(42, 84) * DAY, end),
                                              5.0 * rng.uniform(0.8, 1.2), 0.4, deal=di, mix=(0.6, 0.85), react=0.4))
                    if rng.random() < 0.6:
                        c.threads.append(_Cadence(specialist, award + rng.uniform(5, 15) * DAY,
                                                  min(award + rng.uniform(40, 70) * DAY, end), 7.0, 0.4, deal=di,
                                                  mix=(0.55, 0.6), react=0.2))
                elif award < end:
                    c.threads.append(_Once(owner, w.place(owner, award + rng.uniform(2, 10) * DAY, rng)))
        # keeping in touch, never in a tender's quiet period, again some weeks after the award
        for c in people:
            if rng.random() >= 0.85:
                continue
            stop = end if rng.random() < 0.85 else end - rng.uniform(30, 300) * DAY
            start = arrival + rng.uniform(0, 30) * DAY
            gap = rng.uniform(21, 42)
            spans = [(start, stop)] if quiet is None else \
                [(start, min(stop, quiet[0])), (max(start, quiet[1] + rng.uniform(20, 60) * DAY), stop)]
            for s0, s1 in spans:
                if s0 < s1 - 7 * DAY:
                    c.threads.append(_Term(owner, c.tz, c.away, s0, s1, gap, 0.45, season=pace, mix=(0.82, 0.96),
                                           react=0.3))
        # schools decide in spring for the next school year, a few in the autumn
        if teaching:
            for year in (2024, 2025):
                for window, chance in (((dt.date(year, 2, 1), dt.date(year, 5, 10)), 0.42),
                                       ((dt.date(year, 8, 25), dt.date(year, 11, 10)), 0.18)):
                    lo_t = max(_clock(window[0], 9 * 3600, swiss), arrival)
                    hi_t = min(_clock(window[1], 9 * 3600, swiss), end - 5 * DAY)
                    if lo_t >= hi_t or rng.random() >= chance:
                        continue
                    t = rng.uniform(lo_t, hi_t)
                    dur = rng.uniform(35, 85) * DAY
                    di = b.deal(owner, ai, t, t + dur)
                    w.deals[di].product = rng.choice(products[:4])
                    for c in rng.sample(people, min(len(people), rng.choice((1, 1, 2)))):
                        c.threads.append(_Term(owner, c.tz, c.away, t, min(t + dur, end),
                                               w.reps[owner].gap * rng.uniform(0.8, 1.3), 0.4, deal=di,
                                               mix=(0.75, 0.92), react=0.4))
                        if rng.random() < 0.3:  # a demonstration by the product specialist, in English
                            s0 = t + dur * rng.uniform(0.15, 0.5)
                            c.threads.append(_Term(specialist, c.tz, c.away, s0, min(s0 + rng.uniform(10, 25) * DAY, end),
                                                   6.0, 0.4, plan=0.6, deal=di, mix=(0.5, 0.55), react=0.2))
        # the events team's webinar invitations, to the people in the book by then
        for c in people:
            for day in CANTONS_MAILINGS:
                at = _clock(day, 10 * 3600, swiss)
                if arrival <= at < end and c.threads and rng.random() < 0.55:
                    c.threads.append(_Once(events, at + rng.uniform(0.0, 900.0)))
    w.simulate()
    w.auto_replies()
    # an e-mail sync spells some addresses with capitals: those people's e-mails are logged under that spelling
    for c in w.contacts:
        if c.touches and rng.random() < 0.12:
            local, domain = c.email.split("@")
            c.alias = ".".join(part.capitalize() for part in local.split(".")) + "@" + domain
    return w


# --------------------------------------------------------------------------------------------------------
# 17. Kept aside: a legal-software vendor selling to law firms, and the month-end billing run

LAKESIDE_ZONES: dict[str, tuple[str, ...]] = {
    "United States": ("America/New_York", "America/New_York", "America/New_York", "America/Chicago", "America/Chicago",
                      "America/Denver", "America/Los_Angeles", "America/Los_Angeles"),
    "Canada": ("America/Toronto", "America/Toronto", "America/Vancouver"),
    "United Kingdom": ("Europe/London",),
}
LAKESIDE_PRODUCTS = ("Matter Management", "Time Capture", "e-Billing", "Document Management", "Conflicts Check",
                     "Research Assistant")
# The surnames law firms are named after.
_LAKESIDE_NAMES = ("Abernathy", "Ashworth", "Baird", "Barrow", "Beckett", "Blackwood", "Brandt", "Calloway", "Carrow",
                   "Chadwick", "Colfax", "Crane", "Dalton", "Delacroix", "Easton", "Ellery", "Fairbanks", "Fenwick",
                   "Gallagher", "Garrison", "Hale", "Hargrove", "Holloway", "Hurst", "Ingram", "Jarvis", "Kessler",
                   "Kincaid", "Lachance", "Lindqvist", "Lowell", "Marchetti", "Mercer", "Morrow", "Nakamura",
                   "Northcott", "Okonkwo", "Pemberton", "Prescott", "Quinlan", "Radcliffe", "Rosen", "Sandoval",
                   "Sheridan", "Stroud", "Tallis", "Thornton", "Underhill", "Vance", "Wainwright", "Whitlock",
                   "Winslow", "Yardley", "Zimmerman")
# Titles by role: (North America, United Kingdom).
_LAKESIDE_TITLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "partner/large": (("Partner", "Equity Partner", "Senior Partner", "Practice Group Leader, Litigation",
                       "Chair, Technology Committee", "Partner, Corporate"),
                      ("Partner", "Senior Partner", "Head of Disputes", "Partner, Corporate",
                       "Chair, Innovation Committee")),
    "partner/small": (("Managing Partner", "Partner", "Founding Partner", "Name Partner", "Principal"),
                      ("Managing Partner", "Partner", "Senior Partner", "Principal")),
    "associate": (("Associate", "Senior Associate", "Associate Attorney", "Litigation Associate"),
                  ("Associate", "Senior Associate", "Associate Solicitor", "Trainee Solicitor")),
    "ops": (("Director of Legal Operations", "Chief Knowledge Officer", "Head of Innovation",
             "Legal Project Manager", "Practice Innovation Manager"),
            ("Head of Legal Operations", "Knowledge Management Lawyer", "Head of Innovation",
             "Legal Project Manager")),
    "it": (("Chief Information Officer", "IT Director", "Director of Information Technology", "Applications Manager",
            "IT Manager"),
           ("Head of IT", "IT Director", "Chief Information Officer", "Applications Manager")),
    "finance": (("Chief Financial Officer", "Director of Finance", "Billing Manager", "Controller",
                 "Director of Billing"),
                ("Finance Director", "Head of Billing", "Credit Control Manager", "Financial Controller")),
    "admin": (("Firm Administrator", "Office Manager", "Legal Administrator", "Operations Manager"),
              ("Practice Manager", "Office Manager", "Operations Manager")),
    "personal injury": (("Managing Attorney", "Trial Attorney", "Intake Manager", "Case Manager", "Partner",
                         "Office Manager"),
                        ("Head of Claims", "Solicitor", "Case Handler", "Partner", "Practice Manager")),
}
# The days of the CLE webinars (continuing legal education; CPD in the United Kingdom) the events team invites the
# people in the book to, by an e-mail at 11:00 New York time.
LAKESIDE_WEBINARS = (dt.date(2024, 11, 13), dt.date(2025, 3, 5), dt.date(2025, 6, 11), dt.date(2025, 10, 15),
                     dt.date(2025, 12, 3))


@functools.cache
def _month_place(day: dt.date) -> tuple[int, int]:
    """(the weekdays of ``day``'s month up to ``day``, itself included; the weekdays of the month after it)."""
    first = day.replace(day=1)
    length = ((first + dt.timedelta(days=32)).replace(day=1) - first).days
    weekdays = [(first + dt.timedelta(days=k)).weekday() < 5 for k in range(length)]
    return sum(weekdays[:day.day]), sum(weekdays[day.day:])


def _billing_run(role: str, day: dt.date) -> float:
    """Log-odds of a reply by the role and the local date, around the month-end billing run of a firm that bills by the
    hour: the lawyers enter and release their time in the last two working days of the month (in December, when the
    year's collections close, over the last five and harder); the finance and billing people send the pre-bills and
    invoices from the second-to-last working day to the third working day of the next month; a small firm's
    administrator, who runs its billing, from the last working day to the second. Weekend days between count."""
    before, after = _month_place(day)
    if role in ("partner", "associate"):
        if day.month == 12 and after <= 4:
            return -0.9
        return -0.6 if after <= 1 else 0.0
    if role == "finance":
        return -1.0 if after <= 1 or before <= 3 else 0.0
    if role == "admin":
        return -0.5 if after == 0 or before <= 2 else 0.0
    return 0.0


def lakeside(scale: float = 1.0, seed: int = 1717) -> PlantedWorld:
    """Kept aside for a final check. A vendor of software for law firms (matter management, time capture, e-billing,
    document management, conflicts checking and a research assistant) selling in the United States (70% of the firms),
    Canada (12%) and the United Kingdom (18%), contacts in their own time zones (New York, Chicago, Denver, Los Angeles,
    Toronto, Vancouver, London). About sixteen months of history, from late September 2024 to Thursday 22 January 2026
    (11:00 in New York), so the ten days after the end hold the last two working days of January and the weekend after
    them. The accounts are firms (420 at scale 1): a quarter are large (500-6,000 employees; full-service, litigation,
    corporate and intellectual-property firms), the others small (8-499 employees; a quarter of them personal-injury
    firms). At a large firm the vendor works with one to three people (the head of IT, of legal operations or knowledge
    management, of finance or billing, or a partner on the technology committee), each in two to four of the firm's
    deals at once: back-to-back deals of six weeks to six months in two to four product lines side by side, each worked
    by the account executive or one of two specialists at their own habitual gap, so these people (about 180) are
    touched mostly 55-150 times (median about 85, up to about 240), get 59% of the touches, and the touch before one of
    theirs is from another deal two times in three; next to them up to four more people (partners and associates, now
    and then a finance or operations person) are touched a handful of times, by a sales development rep's sequence of
    three to five steps (sometimes a second one three to five months later), in a few weeks of one of the deals, or
    once. A small firm has two to six people (the managing partner and other partners, the firm administrator,
    associates, now and then a bookkeeper or an IT manager) who come into the book over the history and get sequences of
    three to five steps two to five days apart every ten to twenty weeks; about a third of the small firms open a deal
    of one to four months that the account executive works with one or two of them. The events team invites about a
    third of the people in the book to each of five CLE webinars (13 November 2024, 5 March, 11 June, 15 October and 3
    December 2025) by an e-mail at 11:00 New York time. About 29% of the touched contacts are touched six times or
    fewer; about 20% of all contacts are never touched. Reps: account executives in New York (habitual hours 08:00 and,
    at the end of the day, 17:00), Chicago (07:30), Los Angeles (16:30), Toronto (10:00) and London (09:30) own the
    firms of their region (one in five another region's), product specialists in Los Angeles (14:30, 22:30 in London),
    Chicago (13:00) and London (15:00, 10:00 in New York and 07:00 in Los Angeles) join the large firms' deals, and two
    sales development reps, in New York (10:00, 07:00 in Los Angeles) and Los Angeles (15:30, 18:30 in New York), share
    the North American firms while one in London (08:30) works the British ones; 15-25% of each rep's touches fall at
    another hour (07-21 on their own clock), and the Chicago and Los Angeles account executives and the Los Angeles
    sales development rep keep 25-35% of their weekend days. So 57% of the touches come from a rep in another time zone
    than the contact, 9% land before 07:00 on the contact's clock and 7% from 19:00. Segments from the title (the role)
    with, for partners, the firm's size (under / from 500 employees) and, for personal-injury firms, the sector, eight
    of them: partners at large firms answer at 07:00 before the billable day, personal-injury firms (every role: they
    take new clients' calls seven days a week) at 08:00, finance and billing people at 10:00, IT at 15:00, partners at
    small firms at 18:30 and associates at 21:00, all narrow (sd 1.0-1.3 h); firm administrators broadly at 10:30 (sd
    3.0 h) and legal operations and knowledge management broadly at 13:00 (sd 3.4 h). Associates and personal-injury
    firms answer at weekends (associates best on Sunday, +0.4; personal-injury firms on Saturday, +0.45), the others
    never do (-1.1 to -1.3); large firms' partners, IT and legal operations are best on Tuesday and Wednesday and weak
    on Friday (-0.35), finance people weak on Monday (-0.3), small firms' partners weak on Friday (-0.5), administrators
    best on Monday (+0.3). 20% of the contacts of the narrow segments and 37% of those of the broad ones peak 2-3 hours
    off their segment's. The month-end billing run of the firms that bill by the hour (the personal-injury firms work
    for contingency fees and have none): partners and associates enter and release their time in the last two working
    days of the month (-0.6 on the log-odds; in December, when the year's collections close, -0.9 over the last five
    working days), the finance and billing people send the pre-bills and invoices from the second-to-last working day of
    the month to the third working day of the next (-1.0), and a small firm's administrator, who runs its billing, from
    the last working day to the second (-0.5); weekend days inside those spans count too; IT and legal operations are
    not affected. Only the titles, the sectors and the dates show it; 7% of the touches (23% of those to finance and
    billing people) fall in it. A touch the same day as the last does poorly (-0.9), a nudge the next day does well
    (+0.25), two to six days after the last is a little worse than nothing (-0.1 to 0), eleven to sixteen days after it
    is best (+0.4) and long silences cost (-0.35 from four months); fatigue counts ten days (two touches in them are
    free, then -0.25 and on down to -1.3 from seven); once two touches in a row have gone unanswered each further one
    costs more (-0.1, on down to -0.9 from eight); a reply in the last two days helps a lot (+0.6, gone after six);
    calls do a little better than e-mails (+0.15), meetings best (+0.7); replies take moderately long. About 82% of the
    touches are e-mails, 14% calls and 4% meetings. About 29,000 touches at scale 1, about 1,570 contacts."""

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        return _billing_run(c.segment.key.split("/")[0], loc.date())

    fx = Effects(
        base=-1.0,
        gap=_pl((0.0, -0.9), (0.4, -0.6), (0.8, 0.25), (1.3, 0.25), (2.5, -0.1), (6.0, 0.0), (11.0, 0.4),
                (16.0, 0.4), (35.0, 0.0), (120.0, -0.35)),
        cold=-0.7,
        fatigue_days=10.0,
        fatigue=(0.0, 0.0, 0.0, -0.25, -0.55, -0.85, -1.1, -1.3),
        streak=(0.0, 0.0, -0.1, -0.25, -0.4, -0.55, -0.7, -0.8, -0.9),
        recent=_pl((0.0, 0.6), (2.0, 0.6), (6.0, 0.0)),
        night=-0.8,
        channel=(0.0, 0.15, 0.7),
        delay=Delay(((0.4, 1.5), (0.4, 9.0), (0.2, 35.0)), floor=0.2),
        responsiveness_sd=0.55,
        calendar=calendar,
    )
    w = PlantedWorld("lakeside", _doc(lakeside), fx, dt.datetime(2026, 1, 22, 16, 0, tzinfo=UTC), seed)
    w.history_days = 490.0
    rng = random.Random(seed)
    b = _Builder(w, rng)
    ny, chicago, la, london = "America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London"
    aes = {"east": [b.rep("Claire Donovan", ny, 8.0, 5.0, hour_sd=0.7, p_random=0.2),
                    b.rep("Marcus Feld", ny, 17.0, 6.0, hour_sd=1.0, p_random=0.22)],
           "central": [b.rep("Brian Kowalski", chicago, 7.5, 4.0, hour_sd=0.6, p_random=0.18, weekend=0.35)],
           "west": [b.rep("Lauren Ostrowski", la, 16.5, 5.0, p_random=0.25, weekend=0.3)],
           "canada": [b.rep("Mathieu Gagnon", "America/Toronto", 10.0, 5.5, p_random=0.2)],
           "uk": [b.rep("Harriet Sloane", london, 9.5, 6.5, hour_sd=0.7, p_random=0.2)]}
    every_ae = [r for rs in aes.values() for r in rs]
    specialists = [b.rep("Evan Choi", la, 14.5, 7.0, hour_sd=1.0, p_random=0.22),  # product specialist, San Francisco
                   b.rep("Nadia Rahman", chicago, 13.0, 8.0, p_random=0.25),  # solutions consultant
                   b.rep("Oliver Tamsin", london, 15.0, 7.0, hour_sd=0.6, p_random=0.15)]  # e-billing specialist
    sdrs = {"americas": [b.rep("Tasha Greene", ny, 10.0, 3.0, hour_sd=0.6, p_random=0.2),
                         b.rep("Diego Marin", la, 15.5, 3.0, hour_sd=0.7, p_random=0.2, weekend=0.25)],
            "uk": [b.rep("Kieran Walsh", london, 8.5, 3.0, hour_sd=0.6, p_random=0.15)]}
    events = b.rep("Events Team", ny, 11.0, 30.0, hour_sd=0.0, p_random=0.0)
    region = {"America/New_York": "east", "America/Chicago": "central", "America/Denver": "central",
              "America/Los_Angeles": "west", "America/Toronto": "canada", "America/Vancouver": "canada",
              "Europe/London": "uk"}
    firm = (-0.15, 0.15, 0.2, 0.1, -0.35, -1.2, -1.2)
    table: dict[str, tuple[float, float, float, tuple[float, ...], bool]] = {
        "partner/large": (7.0, 1.0, 1.5, firm, False),
        "personal injury": (8.0, 1.1, 1.4, (0.05, 0.05, 0.0, 0.0, -0.15, 0.45, 0.1), True),
        "finance": (10.0, 1.3, 1.4, (-0.3, 0.1, 0.2, 0.2, -0.1, -1.3, -1.3), False),
        "admin": (10.5, 3.0, 1.0, (0.3, 0.15, 0.05, -0.05, -0.4, -1.3, -1.3), False),
        "ops": (13.0, 3.4, 0.95, firm, False),
        "it": (15.0, 1.2, 1.4, firm, False),
        "partner/small": (18.5, 1.2, 1.5, (0.1, 0.15, 0.1, 0.0, -0.5, -1.1, -1.1), False),
        "associate": (21.0, 1.3, 1.4, (-0.1, 0.0, 0.0, 0.05, -0.3, 0.1, 0.4), True),
    }
    segments = {k: Segment(k, p, sd, a, days, all_days) for k, (p, sd, a, days, all_days) in table.items()}
    shares = {k: 0.4 if s.sd >= 3.0 else 0.22 for k, s in segments.items()}
    taken: set[str] = set()
    end = w.end_ts
    begin = end - 490 * DAY

    def firm_name(country: str, injury: bool) -> str:
        for _ in range(1000):
            a, b_, c_ = rng.sample(_LAKESIDE_NAMES, 3)
            if injury:
                text = rng.choice((f"{a} Injury Law", f"{a} & {b_} Trial Lawyers", f"{a} Law Group"))
            elif country == "United Kingdom":
                text = rng.choice((f"{a} {b_} LLP", f"{a} & Co", f"{a} {b_} Solicitors", f"{a} {b_} & {c_}"))
            else:
                text = rng.choice((f"{a} {b_} LLP", f"{a} & {b_} LLP", f"{a} {b_} & {c_} LLP", f"{a} Law Group",
                                   f"{a} & {b_} PC"))
            if text not in taken:
                taken.add(text)
                return text
        raise RuntimeError("no firm name left")

    def person(ai: int, zone: str, key: str, owner: int, uk: bool) -> _Contact:
        title = rng.choice(_LAKESIDE_TITLES[key][uk])
        return b.contact(ai, zone, segments[key], owner, shares[key], title=title)

    for _ in range(_count(scale, 420, 12)):
        country = _weighted(rng, {"United States": 0.7, "Canada": 0.12, "United Kingdom": 0.18})
        uk = country == "United Kingdom"
        large = rng.random() < 0.26
        if large:
            sector = _weighted(rng, {"full-service law": 0.6, "litigation": 0.15, "corporate law": 0.15,
                                     "intellectual property": 0.1})
            employees = int(math.exp(rng.uniform(math.log(500), math.log(6000))))
        else:
            sector = _weighted(rng, {"litigation": 0.2, "corporate law": 0.15, "intellectual property": 0.1,
                                     "employment law": 0.12, "family law": 0.1, "real estate law": 0.1,
                                     "personal injury": 0.23})
            employees = int(math.exp(rng.uniform(math.log(8), math.log(250 if sector == "personal injury" else 499))))
        injury = sector == "personal injury"
        home = rng.choice(LAKESIDE_ZONES[country])
        owner = rng.choice(aes[region[home]]) if rng.random() < 0.8 else rng.choice(every_ae)
        sdr = rng.choice(sdrs["uk" if uk else "americas"])
        ai = b.account("legal", country, employees, owner)
        acc = w.accounts[ai]
        acc.name, acc.sector, acc.parent = firm_name(country, injury), sector, ""
        if large:
            # the people the vendor works with, each in two to four deals at once
            n_core = rng.choice((1, 1, 2, 2, 2, 3))
            roles = rng.sample(("it", "ops", "finance", "partner/large", "it", "ops"), 6)
            keys: list[str] = []
            for key in roles:
                if key not in keys:
                    keys.append(key)
            core = []
            for key in keys[:n_core]:
                zone = home if rng.random() < 0.75 else rng.choice(LAKESIDE_ZONES[country])
                c = person(ai, zone, key, owner, uk)
                c.inbound = rng.randint(0, 3)
                core.append(c)
            thin = []
            for _k in range(rng.choice((0, 1, 2, 2, 3, 4))):
                key = _weighted(rng, {"partner/large": 0.6, "associate": 0.25, "finance": 0.08, "ops": 0.07})
                zone = home if rng.random() < 0.6 else rng.choice(LAKESIDE_ZONES[country])
                c = person(ai, zone, key, owner, uk)
                if b.cold(0.3):
                    continue
                thin.append(c)
                c.inbound = 1 if rng.random() < 0.15 else 0
            team = [owner, *rng.sample(specialists, 2)]
            stop = end if rng.random() < 0.8 else end - rng.uniform(20, 150) * DAY
            start = max(begin, stop - rng.uniform(240, 480) * DAY)
            spans: list[tuple[float, float, int]] = []
            for _slot in range(rng.choice((2, 2, 3, 3, 3, 4))):
                t = start + rng.uniform(0, 45) * DAY
                while t < stop - 10 * DAY:
                    dur = rng.uniform(45, 180) * DAY
                    rep = owner if rng.random() < 0.45 else rng.choice(team[1:])
                    di = b.deal(rep, ai, t, t + dur)
                    w.deals[di].product = rng.choice(LAKESIDE_PRODUCTS)
                    spans.append((t, min(t + dur, stop), di))
                    for c in [c for c in core if rng.random() < 0.65] or [rng.choice(core)]:
                        c.threads.append(_Cadence(rep, t, min(t + dur, stop), w.reps[rep].gap * rng.uniform(0.8, 1.3),
                                                  0.5, deal=di, mix=(0.8, 0.94), react=0.35))
                    t += dur + rng.uniform(0, 25) * DAY
            for c in thin:
                s0 = rng.uniform(begin, end - 10 * DAY)
                if rng.random() < 0.7:
                    c.threads.append(_Bursts(sdr, s0, min(end, s0 + rng.uniform(20, 200) * DAY), (3, 5),
                                             (2.0, 3.0, 4.0), (90.0, 150.0), mix=(0.9, 1.0), react=0.2))
                if spans and rng.random() < 0.35:
                    t0, t1, di = rng.choice(spans)
                    a0 = rng.uniform(t0, max(t0, t1 - 15 * DAY))
                    rep = w.deals[di].rep
                    c.threads.append(_Cadence(rep, a0, min(a0 + rng.uniform(20, 60) * DAY, end), 10.0, 0.5, deal=di,
                                              mix=(0.7, 0.9), react=0.3))
                if not c.threads:
                    c.threads.append(_Once(owner, w.place(owner, s0, rng)))
            people = core + thin
            arrival = start
        else:
            arrival = begin + 470 * DAY * rng.random() ** 0.8
            keys = ["personal injury"] if injury else ["partner/small"]
            for _k in range(rng.choice((1, 2, 2, 3, 3, 4, 5))):
                keys.append("personal injury" if injury else _weighted(
                    rng, {"partner/small": 0.35, "admin": 0.3, "associate": 0.22, "finance": 0.07, "it": 0.06}))
            people = []
            for key in keys:
                c = person(ai, home, key, owner, uk)
                if b.cold(0.2):
                    continue
                people.append(c)
                s0 = arrival + rng.uniform(0, 30) * DAY
                c.threads.append(_Bursts(sdr, s0, end if rng.random() < 0.8 else s0 + rng.uniform(20, 200) * DAY,
                                         (3, 5), (2.0, 3.0, 4.0, 5.0), (70.0, 140.0), mix=(0.85, 1.0), react=0.25))
                c.inbound = 1 if rng.random() < 0.2 else 0
            t = arrival + rng.uniform(15, 90) * DAY
            if people and rng.random() < 0.35 and t < end - 5 * DAY:
                dur = rng.uniform(30, 120) * DAY
                di = b.deal(owner, ai, t, t + dur)
                w.deals[di].product = rng.choice(LAKESIDE_PRODUCTS[:5])
                for c in rng.sample(people, min(len(people), rng.choice((1, 1, 2)))):
                    c.threads.append(_Cadence(owner, t, min(t + dur, end), w.reps[owner].gap * rng.uniform(0.8, 1.3),
                                              0.45, deal=di, mix=(0.75, 0.93), react=0.4))
        # the events team's webinar invitations, to the people in the book by then
        for c in people:
            for day in LAKESIDE_WEBINARS:
                at = _clock(day, 11 * 3600, _zone(ny))
                if arrival <= at < end and rng.random() < 0.35:
                    c.threads.append(_Once(events, at + rng.uniform(0.0, 900.0)))
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 18. Kept aside: a vendor of lab informatics and automation selling to life-science research labs, and grant
# deadlines

SUMMIT_ZONES: dict[str, tuple[str, ...]] = {
    "United States": ("America/New_York", "America/New_York", "America/New_York", "America/New_York",
                      "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Los_Angeles",
                      "America/Los_Angeles"),
    "Canada": ("America/Toronto", "America/Toronto", "America/Vancouver"),
    "United Kingdom": ("Europe/London",),
    "Germany": ("Europe/Berlin",),
    "Switzerland": ("Europe/Zurich",),
    "Singapore": ("Asia/Singapore",),
}
SUMMIT_PRODUCTS = ("Electronic Lab Notebook", "LIMS", "Liquid Handling Workcell", "Automated Sample Store",
                   "Assay Analytics", "Instrument Service Plan")
# Titles by role (the segments come from them, with the sector and the size of the organisation).
_SUMMIT_TITLES: dict[str, tuple[str, ...]] = {
    "lab manager": ("Lab Manager", "Laboratory Manager", "Senior Lab Manager", "Lab Operations Lead",
                    "Research Operations Manager"),
    "founder": ("Co-founder & CEO", "Founder & CSO", "Chief Scientific Officer", "CEO", "Co-founder"),
    "procurement": ("Procurement Manager", "Strategic Sourcing Manager", "Purchasing Agent",
                    "Category Manager, Lab Supplies", "Research Purchasing Manager", "Buyer, R&D"),
    "scientist": ("Scientist", "Senior Scientist", "Principal Scientist", "Research Associate",
                  "Senior Research Associate", "Staff Scientist", "Postdoctoral Fellow"),
    "informatics": ("Head of Research IT", "Scientific Informatics Manager", "Bioinformatics Lead",
                    "LIMS Administrator", "Director, Data Science", "R&D Systems Architect"),
    "core facility": ("Director, Genomics Core", "Core Facility Manager", "Director, Flow Cytometry Core",
                      "Director of Shared Resources", "Manager, Proteomics Core", "Imaging Core Director"),
    "director": ("Director, Discovery Biology", "VP Research", "Head of Assay Development",
                 "Senior Director, Translational Science", "Director, High-Throughput Screening",
                 "Head of Biologics", "VP Preclinical Development"),
    "cro operations": ("Study Director", "Test Facility Manager", "Director of Lab Operations",
                       "Operations Manager, Bioanalytical", "Site Head"),
    "pi": ("Principal Investigator", "Professor", "Associate Professor", "Assistant Professor", "Group Leader",
           "Professor of Chemical Biology", "Lab Head"),
}
_SUMMIT_PLACES = ("Ashford", "Bellmont", "Brightwater", "Calder", "Carrick", "Cresthaven", "Dunmore", "Eastbrook",
                  "Elmstead", "Fairhaven", "Glenrock", "Greystone", "Hadley", "Highcliff", "Kingsbridge", "Lakemont",
                  "Larkspur", "Marlow", "Meadowvale", "Northgate", "Oakhurst", "Pinecrest", "Ravensworth",
                  "Redwater", "Rosedale", "Silverton", "Stonebridge", "Thornbury", "Westcliff", "Whitford",
                  "Wyndham", "Yorkton")
_SUMMIT_STEMS = ("Aero", "Allo", "Arcadia", "Axon", "Cairn", "Cerulean", "Cyto", "Endo", "Evo", "Geno", "Helio",
                 "Immuno", "Kinet", "Luma", "Meso", "Myco", "Neuro", "Nova", "Onco", "Orbit", "Pepti", "Proteo",
                 "Quanta", "Rhea", "Sirius", "Strata", "Syn", "Thalo", "Vecto", "Vireo", "Xylo", "Zeno")
_SUMMIT_FIELDS = ("Molecular Medicine", "Cancer Research", "Neuroscience", "Immunology", "Genome Sciences",
                  "Structural Biology", "Regenerative Medicine", "Infectious Disease Research")
# The Mondays after the two trade shows the vendor exhibits at each year: the sales development reps e-mail people met
# at the booth.
SUMMIT_SHOWS = (dt.date(2024, 10, 21), dt.date(2025, 2, 3), dt.date(2025, 10, 20))


def _nih_due_dates(years: tuple[int, ...]) -> tuple[dt.date, ...]:
    """The standard due dates of new research-project grant applications to the NIH (5 February, 5 June, 5 October),
    moved to the next weekday when they fall on a weekend."""
    return tuple(_working_day(dt.date(y, m, 5), frozenset()) for y in years for m in (2, 6, 10))


SUMMIT_DUE = _nih_due_dates((2024, 2025, 2026))


def _grant_season(day: dt.date) -> float:
    """Log-odds of a reply from an American academic principal investigator by their local date: writing a grant in
    the eleven days before an NIH due date and on the day itself (weekend days included) they answer little (-0.75)."""
    for due in SUMMIT_DUE:
        if 0 <= (due - day).days <= 11:
            return -0.75
    return 0.0


def summit(scale: float = 1.0, seed: int = 1818) -> PlantedWorld:
    """Kept aside for a final check. A vendor of lab informatics and automation (an electronic lab notebook, a LIMS,
    liquid-handling workcells, automated sample stores, assay analytics and instrument service plans) selling to
    life-science research organisations: biotech companies (45% of the 290 accounts at scale 1, 12-2,500 employees),
    academic research institutes and medical schools (23%), contract research organisations (18%) and pharmaceutical
    companies (14%, from 1,200 employees), two thirds of them in the United States and the others in the United
    Kingdom, Switzerland, Germany, Canada and Singapore; contacts in their own time zones (New York, Chicago,
    Denver, Los Angeles, Toronto, Vancouver, London, Berlin, Zurich, Singapore). About sixteen months of history,
    from mid-September 2024 to Thursday 29 January 2026 (10:00 in New York). At each organisation the vendor works
    with one to three people (one or two at a small biotech), each in two to four deals at once: back-to-back deals
    of six weeks to six months in two to four product lines side by side, each worked by the account executive or a
    product specialist (automation, informatics and, in Europe, Singapore and a fifth of the North American
    accounts, instrument service) at their own habitual gap, so these people (about 500) get 93% of the touches,
    mostly 29-86 each (median about 51, up to about 130), and the touch before one of theirs is from another deal
    two times in three; next to them up to four more people (mostly scientists, academic investigators and lab
    managers) get a sales development rep's sequences of three to five steps two to four days apart (again two to
    five months later), a few weeks of one of the deals, an e-mail on the Monday after one of the vendor's trade
    shows (21 October 2024, 3 February and 20 October 2025), or a single e-mail. About 25% of the touched contacts
    are touched six times or fewer; about 18% of all contacts are never touched. Reps: account executives in Boston
    (habitual hours 08:30 and 13:30), San Diego (09:30), London (09:00), Basel (08:00, 02:00 in Boston) and
    Singapore (10:00) own their region's organisations (one in seven goes to any of them), an inside-sales rep in
    London (15:30, 10:30 in Boston) owns about a third of the academic accounts in eastern North America, product
    specialists in Boston (10:30), San Diego (15:00, 18:00 in Boston and midnight in Basel) and Basel (16:00) join
    the deals, and sales development reps in Boston (09:00), San Diego (11:00) and London (10:00) run the sequences;
    18-25% of each rep's touches fall at another hour (07-21 on their own clock), and four reps (San Diego,
    Singapore, the London inside-sales rep and the informatics specialist) keep 20-35% of their weekend days. So 55%
    of the touches come from a rep in another time zone than the contact, 6% land before 07:00 on the contact's
    clock and 7% from 19:00, and the late segments are seldom touched near their peak (8-11% of their touches within
    1.5 hours of the contact's own peak). Segments from the title (the role) with the sector and the organisation's
    size, ten of them: lab managers answer at 07:00 before the day's runs, founders and chief scientific officers of
    biotechs under 150 employees at 08:30, scientists at 12:30, academic core-facility directors at 15:30, research
    directors and vice-presidents at organisations from 1,000 employees at 17:30, contract research organisations'
    study directors and lab operations people at 18:30 and academic principal investigators at 20:00, all narrow (sd
    1.1-1.3 h); directors at organisations under 1,000 employees broadly at 10:00 (sd 3.0 h), procurement at 11:00
    (sd 3.2 h) and research IT and informatics at 14:00 (sd 3.4 h). Principal investigators answer at weekends (best
    on Sunday, +0.45; weak on Friday, -0.4), and so do the contract research organisations' operations people, whose
    studies run seven days a week (best on Saturday, +0.4); the others never do (-0.8 to -1.3); lab managers and
    founders are best on Monday, core facilities weak on Monday (-0.35) and large organisations' directors weak on
    Friday (-0.45). 23% of the contacts of the narrow segments and 43% of those of the broad ones peak 2-3 hours off
    their segment's. Grant deadlines: American academic principal investigators (43 contacts) answer little (-0.75)
    in the eleven days before each of the NIH's standard due dates for new research grants (5 February, 5 June and 5
    October, the Monday after when on a weekend) and on the day itself, weekend days included; only the titles, the
    sectors, the countries and the dates show it; 9% of their touches fall in such spans, and the ten days after the
    end hold the run-up to 5 February 2026. A touch the same day as the last does badly (-1.0), the next day less so
    (-0.25), three to seven days after the last is best (+0.3), and from a month on silences cost more and more
    (-0.45 from five months); fatigue counts five days (-0.1 for one touch in them, on down to -1.15 from six); each
    touch unanswered in a row costs a little more than the one before (-0.05 for one, on down to -0.85 from eight);
    a reply in the last five days helps (+0.35, gone after twelve); calls do a little better than e-mails (+0.2),
    meetings best (+0.75); replies take a while (about eleven waking hours on average). About 80% of the touches are
    e-mails, 15% calls and 5% meetings. About 29,500 touches at scale 1, about 1,000 contacts."""
    nih: set[str] = set()

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        return _grant_season(loc.date()) if c.email in nih else 0.0

    fx = Effects(
        base=-1.2,
        gap=_pl((0.0, -1.0), (0.5, -0.6), (1.0, -0.25), (3.0, 0.3), (7.0, 0.3), (10.0, 0.1), (30.0, -0.1),
                (150.0, -0.45)),
        cold=-0.35,
        fatigue_days=5.0,
        fatigue=(0.0, -0.1, -0.3, -0.55, -0.8, -1.0, -1.15),
        streak=(0.0, -0.05, -0.15, -0.3, -0.45, -0.6, -0.7, -0.8, -0.85),
        recent=_pl((0.0, 0.35), (5.0, 0.35), (12.0, 0.0)),
        night=-0.9,
        channel=(0.0, 0.2, 0.75),
        delay=Delay(((0.45, 2.0), (0.4, 10.0), (0.15, 40.0)), floor=0.15),
        responsiveness_sd=0.6,
        calendar=calendar,
    )
    w = PlantedWorld("summit", _doc(summit), fx, dt.datetime(2026, 1, 29, 15, 0, tzinfo=UTC), seed)
    w.history_days = 500.0
    rng = random.Random(seed)
    b = _Builder(w, rng)
    boston, san_diego, london, basel = "America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Zurich"
    aes = {"east": [b.rep("Megan Albrecht", boston, 8.5, 6.0, hour_sd=0.7, p_random=0.2),
                    b.rep("Tom Okafor", boston, 13.5, 7.0, hour_sd=0.9, p_random=0.22)],
           "west": [b.rep("Carlos Ibarra", san_diego, 9.5, 5.0, hour_sd=0.8, p_random=0.2, weekend=0.35)],
           "uk": [b.rep("Fiona Marsh", london, 9.0, 6.5, hour_sd=0.7, p_random=0.18)],
           "dach": [b.rep("Lea Brunner", basel, 8.0, 6.0, hour_sd=0.6, p_random=0.2)],
           "apac": [b.rep("Tan Wei Ling", "Asia/Singapore", 10.0, 6.0, p_random=0.25, weekend=0.2)]}
    inside = b.rep("Rahul Desai", london, 15.5, 5.0, hour_sd=0.6, p_random=0.18, weekend=0.3)  # academic accounts in the East
    specialists = {"automation": b.rep("Priya Venkataraman", boston, 10.5, 8.0, p_random=0.22),
                   "informatics": b.rep("Jenna Wu", san_diego, 15.0, 9.0, hour_sd=1.0, p_random=0.25, weekend=0.25),
                   "service": b.rep("Jonas Keller", basel, 16.0, 8.0, hour_sd=0.8, p_random=0.2)}
    sdrs = {"americas": [b.rep("Sean Gallagher", boston, 9.0, 3.0, hour_sd=0.6, p_random=0.2),
                         b.rep("Kyle Brandt", san_diego, 11.0, 3.0, hour_sd=0.7, p_random=0.2)],
            "rest": [b.rep("Chloe Martin", london, 10.0, 3.0, hour_sd=0.6, p_random=0.2)]}
    region = {"America/New_York": "east", "America/Chicago": "east", "America/Toronto": "east",
              "America/Denver": "west", "America/Los_Angeles": "west", "America/Vancouver": "west",
              "Europe/London": "uk", "Europe/Berlin": "dach", "Europe/Zurich": "dach", "Asia/Singapore": "apac"}
    every_ae = [r for rs in aes.values() for r in rs]
    table: dict[str, tuple[float, float, float, tuple[float, ...], bool]] = {
        "lab manager": (7.0, 1.1, 1.5, (0.2, 0.15, 0.1, 0.0, -0.45, -1.2, -1.2), False),
        "founder": (8.5, 1.2, 1.4, (0.3, 0.1, 0.0, -0.1, -0.2, -1.0, -0.8), False),
        "director/small": (10.0, 3.0, 1.0, (0.1, 0.1, 0.1, 0.0, -0.2, -1.0, -1.0), False),
        "procurement": (11.0, 3.2, 1.0, (-0.1, 0.2, 0.2, 0.1, -0.4, -1.3, -1.3), False),
        "scientist": (12.5, 1.2, 1.4, (-0.2, 0.1, 0.2, 0.2, -0.1, -1.1, -1.1), False),
        "informatics": (14.0, 3.4, 0.95, (0.0, 0.15, 0.15, 0.05, -0.3, -1.2, -1.2), False),
        "core facility": (15.5, 1.3, 1.4, (-0.35, 0.1, 0.15, 0.15, 0.0, -1.2, -1.2), False),
        "director/large": (17.5, 1.3, 1.5, (0.05, 0.2, 0.15, 0.05, -0.45, -1.2, -1.2), False),
        "cro operations": (18.5, 1.2, 1.4, (0.0, 0.0, -0.05, 0.0, -0.15, 0.4, -0.25), True),
        "pi": (20.0, 1.3, 1.5, (-0.1, 0.0, 0.05, 0.0, -0.4, 0.1, 0.45), True),
    }
    segments = {k: Segment(k, p, s, a, days, all_days) for k, (p, s, a, days, all_days) in table.items()}
    shares = {k: 0.4 if s.sd >= 3.0 else 0.24 for k, s in segments.items()}
    taken: set[str] = set()
    end = w.end_ts
    begin = end - 480 * DAY

    def org_name(sector: str, country: str) -> str:
        for _ in range(1000):
            stem, suf, place = rng.choice(_SUMMIT_STEMS), rng.choice(_SUF), rng.choice(_SUMMIT_PLACES)
            if sector == "biotechnology":
                text = rng.choice((f"{stem}{suf} Therapeutics", f"{stem} Biosciences", f"{stem}{suf} Bio",
                                   f"{stem} Genomics", f"{stem}{suf} Biologics"))
            elif sector == "pharmaceuticals":
                text = rng.choice((f"{place} Pharmaceuticals", f"{stem}{suf} Pharma", f"{place} {stem} Pharma"))
            elif sector == "academic research":
                field_ = rng.choice(_SUMMIT_FIELDS)
                text = rng.choice((f"{place} Institute for {field_}", f"University of {place}",
                                   f"{place} Centre for {field_}" if country != "United States"
                                   else f"{place} Center for {field_}", f"{place} Medical School"))
            else:
                text = rng.choice((f"{place} Preclinical", f"{stem}{suf} Research Services",
                                   f"{place} Bioanalytical Labs", f"{stem} CRO"))
            if text not in taken:
                taken.add(text)
                return text
        raise RuntimeError("no organisation name left")

    def role_key(role: str, employees: int) -> str:
        if role == "director":
            return "director/large" if employees >= 1000 else "director/small"
        return role

    def person(ai: int, zone: str, role: str, owner: int) -> _Contact:
        a = w.accounts[ai]
        key = role_key(role, a.employees)
        c = b.contact(ai, zone, segments[key], owner, shares[key], title=rng.choice(_SUMMIT_TITLES[role]))
        if key == "pi" and a.country == "United States" and a.sector == "academic research":
            nih.add(c.email)
        return c

    # the people the vendor works with most, and the others, by sector (and, for a biotech, its size)
    core_roles = {"biotech/small": {"founder": 0.4, "lab manager": 0.3, "director": 0.2, "scientist": 0.1},
                  "biotech": {"director": 0.35, "lab manager": 0.25, "informatics": 0.2, "procurement": 0.1,
                              "scientist": 0.1},
                  "pharmaceuticals": {"director": 0.35, "informatics": 0.25, "procurement": 0.25,
                                      "lab manager": 0.15},
                  "academic research": {"core facility": 0.35, "pi": 0.3, "lab manager": 0.15, "procurement": 0.1,
                                        "informatics": 0.1},
                  "contract research": {"cro operations": 0.45, "director": 0.2, "procurement": 0.2,
                                        "informatics": 0.15}}
    thin_roles = {"biotech/small": {"scientist": 0.6, "lab manager": 0.25, "director": 0.15},
                  "biotech": {"scientist": 0.55, "lab manager": 0.2, "director": 0.15, "procurement": 0.1},
                  "pharmaceuticals": {"scientist": 0.5, "director": 0.25, "lab manager": 0.15, "procurement": 0.1},
                  "academic research": {"pi": 0.45, "scientist": 0.35, "lab manager": 0.15, "core facility": 0.05},
                  "contract research": {"scientist": 0.45, "cro operations": 0.35, "director": 0.2}}
    for _ in range(_count(scale, 290, 12)):
        country = _weighted(rng, {"United States": 0.62, "Canada": 0.06, "United Kingdom": 0.13, "Germany": 0.08,
                                  "Switzerland": 0.06, "Singapore": 0.05})
        sector = _weighted(rng, {"biotechnology": 0.44, "pharmaceuticals": 0.14, "academic research": 0.26,
                                 "contract research": 0.16})
        if sector == "biotechnology":
            employees = int(math.exp(rng.uniform(math.log(12), math.log(2500))))
        elif sector == "pharmaceuticals":
            employees = int(math.exp(rng.uniform(math.log(1200), math.log(60000))))
        elif sector == "academic research":
            employees = int(math.exp(rng.uniform(math.log(300), math.log(15000))))
        else:
            employees = int(math.exp(rng.uniform(math.log(60), math.log(9000))))
        kind = sector if sector != "biotechnology" else "biotech/small" if employees < 150 else "biotech"
        home = rng.choice(SUMMIT_ZONES[country])
        reg = region[home]
        if reg == "east" and sector == "academic research" and rng.random() < 0.35:
            owner = inside
        else:
            owner = rng.choice(aes[reg]) if rng.random() < 0.85 else rng.choice(every_ae)
        sdr = rng.choice(sdrs["americas"] if country in ("United States", "Canada") else sdrs["rest"])
        ai = b.account("pharma", country, employees, owner)
        acc = w.accounts[ai]
        acc.name, acc.sector = org_name(sector, country), sector
        # one to three people in several deals at once
        n_core = rng.choice((1, 1, 2, 2, 2, 3)) if kind != "biotech/small" else rng.choice((1, 1, 2))
        roles: list[str] = []
        for _k in range(20):
            role = _weighted(rng, core_roles[kind])
            if role not in roles:
                roles.append(role)
            if len(roles) == n_core:
                break
        core = []
        for role in roles:
            zone = home if rng.random() < 0.85 else rng.choice(SUMMIT_ZONES[country])
            c = person(ai, zone, role, owner)
            c.inbound = rng.randint(0, 3)
            core.append(c)
        thin = []
        for _k in range(rng.choice((0, 1, 1, 2, 2, 3, 4))):
            zone = home if rng.random() < 0.8 else rng.choice(SUMMIT_ZONES[country])
            c = person(ai, zone, _weighted(rng, thin_roles[kind]), owner)
            if b.cold(0.38):
                continue
            thin.append(c)
            c.inbound = 1 if rng.random() < 0.12 else 0
        # back-to-back deals in two to four product lines side by side
        team = [owner, specialists["automation"], specialists["informatics"]]
        if reg in ("uk", "dach", "apac") or rng.random() < 0.2:
            team.append(specialists["service"])
        stop = end if rng.random() < 0.8 else end - rng.uniform(20, 160) * DAY
        length = rng.uniform(220, 470)
        start = max(begin, stop - length * DAY)
        slots = rng.choice((2, 2, 3, 3, 3, 4)) if kind != "biotech/small" else rng.choice((2, 2, 3))
        target = rng.uniform(35, 140)
        mean_gap = min(30.0, max(5.0, slots * (stop - start) / DAY / target))
        spans: list[tuple[float, float, int]] = []
        for _slot in range(slots):
            t = start + rng.uniform(0, 40) * DAY
            while t < stop - 10 * DAY:
                dur = rng.uniform(40, 170) * DAY
                rep = owner if rng.random() < 0.5 else rng.choice(team[1:])
                di = b.deal(rep, ai, t, t + dur)
                w.deals[di].product = rng.choice(SUMMIT_PRODUCTS)
                spans.append((t, min(t + dur, stop), di))
                for c in [c for c in core if rng.random() < 0.7] or [rng.choice(core)]:
                    g = mean_gap * w.reps[rep].gap / 6.5 * rng.uniform(0.8, 1.25)
                    c.threads.append(_Cadence(rep, t, min(t + dur, stop), g, 0.5, deal=di, mix=(0.8, 0.95),
                                              react=0.35))
                t += dur + rng.uniform(0, 25) * DAY
        # the others: a sales development rep's sequences, a few weeks of one of the deals, a trade-show e-mail
        for c in thin:
            s0 = rng.uniform(begin, end - 15 * DAY)
            u = rng.random()
            if u < 0.6:
                c.threads.append(_Bursts(sdr, s0, min(end, s0 + rng.uniform(15, 260) * DAY), (3, 5),
                                         (2.0, 3.0, 4.0), (60.0, 140.0), mix=(0.9, 1.0), react=0.2))
            elif u < 0.85 and spans:
                t0, t1, di = rng.choice(spans)
                a0 = rng.uniform(t0, max(t0, t1 - 15 * DAY))
                rep = w.deals[di].rep
                c.threads.append(_Cadence(rep, a0, min(a0 + rng.uniform(20, 70) * DAY, end), 9.0, 0.5, deal=di,
                                          mix=(0.75, 0.92), react=0.3))
            for day in SUMMIT_SHOWS:
                at = _clock(day, int(rng.uniform(9.0, 16.0) * 3600), w.reps[sdr].tz)
                if at < end and rng.random() < 0.2:
                    c.threads.append(_Once(sdr, at))
            if not c.threads:
                c.threads.append(_Once(sdr, w.place(sdr, s0, rng)))
    w.simulate()
    return w

# --------------------------------------------------------------------------------------------------------
# 19. Kept aside: fleet telematics and safety for mines, quarries, haulers and utilities on four continents, sector
# by size, weekdays by country

QUARRY_ZONES: dict[str, dict[str, float]] = {
    "United States": {"America/New_York": 0.18, "America/Chicago": 0.3, "America/Denver": 0.2, "America/Phoenix": 0.12,
                      "America/Los_Angeles": 0.2},
    "Canada": {"America/Toronto": 0.35, "America/Edmonton": 0.35, "America/Vancouver": 0.3},
    "Chile": {"America/Santiago": 1.0},
    "Peru": {"America/Lima": 1.0},
    "South Africa": {"Africa/Johannesburg": 1.0},
    "Australia": {"Australia/Perth": 0.6, "Australia/Brisbane": 0.4},
}
QUARRY_SECTORS: dict[str, dict[str, float]] = {
    "United States": {"mining": 0.18, "aggregates": 0.3, "waste hauling": 0.32, "utilities": 0.2},
    "Canada": {"mining": 0.35, "aggregates": 0.25, "waste hauling": 0.2, "utilities": 0.2},
    "Chile": {"mining": 0.5, "aggregates": 0.2, "waste hauling": 0.15, "utilities": 0.15},
    "Peru": {"mining": 0.6, "aggregates": 0.15, "waste hauling": 0.1, "utilities": 0.15},
    "South Africa": {"mining": 0.5, "aggregates": 0.2, "waste hauling": 0.1, "utilities": 0.2},
    "Australia": {"mining": 0.45, "aggregates": 0.2, "waste hauling": 0.15, "utilities": 0.2},
}
QUARRY_SMALL = 300  # employees: an account under it is a small operator
# Log-odds of a reply by the contact's country and local weekday (Monday..Friday; weekends come from the sector alone).
QUARRY_WEEKDAYS: dict[str, tuple[float, ...]] = {
    "United States": (0.0, 0.0, 0.0, 0.0, 0.0),
    "Canada": (0.0, 0.0, 0.0, 0.0, -0.1),
    "Chile": (-0.4, -0.05, 0.1, 0.3, 0.0),
    "Peru": (-0.1, 0.1, 0.1, 0.0, -0.2),
    "South Africa": (0.3, 0.15, 0.0, -0.1, -0.5),
    "Australia": (-0.2, 0.15, 0.15, 0.0, -0.3),
}
QUARRY_PRODUCTS = ("Fleet Telematics", "Driver Safety Cameras", "Collision Avoidance", "Fatigue Monitoring",
                   "Payload & Tyre Monitoring", "Dispatch & Routing", "Pre-start Inspections")
_QUARRY_SAFETY = ("Driver Safety Cameras", "Collision Avoidance", "Fatigue Monitoring")
# Places companies are named after, by the time zone of the head office.
_QUARRY_PLACES: dict[str, tuple[str, ...]] = {
    "America/New_York": ("Cumberland", "Lehigh Valley", "Piedmont", "Stone Mountain", "Coal Creek", "Tri-County",
                         "North Fork", "Allegheny", "Blue Ridge", "Shenandoah"),
    "America/Chicago": ("Iron Range", "Mesabi", "Wabash", "Ozark", "Chisholm", "Twin Rivers", "Cedar Creek",
                        "Sandy Hollow", "Granite Falls", "Brazos", "Red River"),
    "America/Denver": ("Black Hills", "Rock Springs", "Silver Bow", "Big Sky", "Elk Valley", "Bear River",
                       "Carbon County", "Pine Ridge", "Front Range", "Lone Peak", "Powder River"),
    "America/Phoenix": ("Copper Basin", "Sierra Vista", "Red Butte", "Mogollon", "Globe-Miami", "Verde Valley",
                        "Gila"),
    "America/Los_Angeles": ("Mojave", "Clearwater", "Carson Valley", "Humboldt", "Inland Empire", "Central Valley",
                            "Sierra", "Columbia Basin"),
    "America/Toronto": ("Sudbury", "Timmins", "Red Lake", "Thunder Bay", "Muskoka", "Algoma", "Kirkland Lake"),
    "America/Edmonton": ("Athabasca", "Peace River", "Grande Prairie", "Red Deer", "Wood Buffalo", "Crowsnest"),
    "America/Vancouver": ("Fraser Valley", "Kootenay", "Cariboo", "Kamloops", "Okanagan", "Elk Valley BC"),
    "America/Santiago": ("Atacama", "Maipo", "Aconcagua", "Los Andes", "Antofagasta", "Copiapó", "Calama", "Biobío",
                         "Elqui", "Tarapacá", "Huasco", "Cachapoal", "Limarí", "Colchagua", "Choapa"),
    "America/Lima": ("Arequipa", "Cajamarca", "Junín", "Áncash", "Moquegua", "Pasco", "Huancayo", "Cusco", "Rímac",
                     "Ica", "Tacna", "Chavín"),
    "Africa/Johannesburg": ("Rustenburg", "Witbank", "Mogalakwena", "Highveld", "Kathu", "Sishen", "Phalaborwa",
                            "Bushveld", "Klerksdorp", "Vaal", "Steelpoort", "Postmasburg", "Lephalale", "Karoo",
                            "Magaliesberg"),
    "Australia/Perth": ("Pilbara", "Kalgoorlie", "Goldfields", "Murchison", "Karratha", "Boddington", "Newman",
                        "Leonora", "Wheatbelt", "Peel"),
    "Australia/Brisbane": ("Bowen Basin", "Mount Isa", "Moranbah", "Gladstone", "Darling Downs", "Mackay", "Emerald",
                           "Toowoomba", "Cloncurry", "Burdekin"),
}
_QUARRY_STEMS = ("Summit", "Ironclad", "Bedrock", "Granite", "Keystone", "Basalt", "Cobalt", "Ridgeline", "Frontier",
                 "Pinnacle", "Redstone", "Sandstone", "Trident", "Vanguard", "Highline", "Outback", "Cordillera",
                 "Andes", "Ironbark", "Flint", "Magnetite", "Quartz", "Copperhead", "Blackrock")
# Company names by sector and language ({p}: a place, {s}: a stem), then the legal suffix by country.
_QUARRY_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("mining", "en"): ("{p} Mining", "{p} Resources", "{s} Gold", "{p} Copper", "{s} Minerals", "{s} Mining Contractors",
                       "{p} Coal", "{s} Metals"),
    ("mining", "es"): ("Minera {p}", "Compañía Minera {p}", "Minera {s}", "Sociedad Contractual Minera {p}",
                       "Contratistas Mineros {s}"),
    ("aggregates", "en"): ("{p} Sand & Gravel", "{p} Aggregates", "{p} Quarries", "{s} Stone", "{p} Crushed Stone",
                           "{s} Materials", "{p} Rock Products"),
    ("aggregates", "es"): ("Áridos {p}", "Áridos y Hormigones {p}", "Canteras {p}", "Agregados {s}", "Chancadora {p}"),
    ("waste hauling", "en"): ("{p} Disposal", "{p} Waste Services", "{s} Environmental", "{p} Hauling",
                              "{p} Recycling & Refuse", "{s} Waste Solutions"),
    ("waste hauling", "es"): ("Recolección {p}", "{s} Ambiental", "Servicios de Aseo {p}", "Transportes y Residuos {p}"),
    ("utilities", "en"): ("{p} Electric Cooperative", "{p} Water District", "{p} Public Utilities", "{p} Energy",
                          "{p} Water", "{s} Power & Light"),
    ("utilities", "es"): ("Aguas {p}", "Eléctrica {p}", "Distribuidora Eléctrica {p}", "Empresa de Servicios {p}"),
    ("utilities", "au"): ("{p} Water", "{p} Energy", "{p} Regional Council", "{s} Power", "{p} Water Corporation"),
    ("utilities", "za"): ("{p} Local Municipality", "{p} Water Board", "{s} Energy", "{p} Electricity Services"),
}
# Public bodies and forms that carry no legal suffix after the name.
_QUARRY_PUBLIC = ("District", "Cooperative", "Public Utilities", "Council", "Municipality", "Water Board", "Corporation",
                  "Sociedad Contractual")
_QUARRY_SUFFIXES: dict[str, tuple[str, ...]] = {
    "United States": ("Inc.", "LLC", "Co.", ""), "Canada": ("Ltd.", "Inc.", ""), "Chile": ("SpA", "S.A.", "Ltda."),
    "Peru": ("S.A.C.", "S.A.A.", "S.R.L."), "South Africa": ("(Pty) Ltd", "(Pty) Ltd", "Ltd"),
    "Australia": ("Pty Ltd", "Pty Ltd", "Ltd"),
}
# Titles by sector and dialect (Spanish in Chile and Peru); the hours follow the sector and size, not the title.
_QUARRY_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("mining", "us"): ("Fleet Manager", "Mine Manager", "Pit Supervisor", "HSE Coordinator", "Director of Operations",
                       "Maintenance Superintendent", "Mobile Equipment Superintendent", "Haulage Superintendent",
                       "Health and Safety Manager", "General Manager", "Mine Superintendent", "Dispatch Supervisor",
                       "VP Operations", "Mining Engineer", "Owner"),
    ("mining", "au"): ("Fleet Manager", "Mine Manager", "Pit Supervisor", "HSEQ Advisor", "Site Senior Executive",
                       "Mobile Plant Superintendent", "Load and Haul Superintendent", "Fleet Maintenance Planner",
                       "Mining Engineer", "General Manager Operations", "Production Superintendent", "Owner"),
    ("mining", "za"): ("Mine Overseer", "SHEQ Manager", "Engineering Manager", "Transport Manager", "Section Engineer",
                       "Fleet Manager", "Mine Manager", "Operations Director", "Pit Supervisor", "Managing Director"),
    ("mining", "es"): ("Superintendente de Mina", "Jefe de Flota", "Gerente de Operaciones",
                       "Jefe de Prevención de Riesgos", "Superintendente de Mantenimiento", "Coordinador HSE",
                       "Jefe de Turno", "Gerente de Seguridad y Salud Ocupacional", "Jefe de Despacho",
                       "Administrador de Contrato", "Gerente General"),
    ("aggregates", "us"): ("Quarry Manager", "Plant Manager", "Fleet Manager", "Safety Director", "Operations Manager",
                           "Owner", "General Manager", "Director of Operations", "Equipment Manager", "Pit Supervisor",
                           "Dispatch Manager", "Regional Operations Manager", "EHS Manager", "President"),
    ("aggregates", "au"): ("Quarry Manager", "Site Supervisor", "WHS Coordinator", "Fleet Manager", "Operations Manager",
                           "Owner", "General Manager", "Plant Manager"),
    ("aggregates", "za"): ("Quarry Manager", "SHEQ Officer", "Plant Manager", "Operations Manager", "Fleet Manager",
                           "Managing Director"),
    ("aggregates", "es"): ("Jefe de Planta", "Gerente General", "Jefe de Cantera", "Encargado de Flota",
                           "Jefe de Operaciones", "Prevencionista de Riesgos", "Dueño"),
    ("waste hauling", "us"): ("Fleet Manager", "Operations Manager", "Route Supervisor", "Dispatch Manager",
                              "Safety Manager", "Owner", "General Manager", "Director of Operations",
                              "Maintenance Manager", "Driver Trainer", "Risk Manager", "Director of Transportation"),
    ("waste hauling", "au"): ("Fleet Manager", "Operations Manager", "WHS Manager", "Depot Manager", "Owner",
                              "Transport Supervisor"),
    ("waste hauling", "za"): ("Fleet Manager", "Operations Manager", "SHEQ Manager", "Depot Manager",
                              "Managing Director", "Transport Manager"),
    ("waste hauling", "es"): ("Jefe de Flota", "Jefe de Operaciones", "Gerente General", "Supervisor de Rutas",
                              "Jefe de Mantenimiento", "Prevencionista de Riesgos"),
    ("utilities", "us"): ("Fleet Services Manager", "Fleet Manager", "Director of Operations", "Safety Coordinator",
                          "Line Superintendent", "Operations Superintendent", "General Manager",
                          "Director of Field Services", "Transportation Supervisor", "HSE Coordinator"),
    ("utilities", "au"): ("Fleet Coordinator", "WHS Manager", "Field Services Manager", "Fleet Manager",
                          "Network Operations Manager"),
    ("utilities", "za"): ("Fleet Manager", "SHEQ Manager", "Technical Services Manager", "Transport Officer",
                          "Operations Manager"),
    ("utilities", "es"): ("Jefe de Flota", "Gerente de Operaciones", "Jefe de Servicios de Terreno", "Coordinador HSE",
                          "Jefe de Mantenimiento de Redes"),
}
_QUARRY_OWNERS = frozenset({"Owner", "President", "Dueño"})  # titles found at small operators only
_QUARRY_PEOPLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "us": (("Jake", "Cody", "Travis", "Brandon", "Dustin", "Kyle", "Heather", "Amanda", "Tanya", "Crystal", "Luis",
            "Marco", "Darnell", "Wade", "Colton", "Shelby", "Rachel", "Trent", "Dale", "Brett", "Keisha", "Rosa"),
           ("Miller", "Johnson", "Hansen", "Kowalski", "Olson", "Reyes", "Walker", "Brooks", "Tremblay", "Nguyen",
            "Peterson", "Campbell", "Gonzales", "Harper", "Lindgren", "McAllister", "Bouchard", "Sorensen", "Yazzie")),
    "au": (("Bryce", "Tegan", "Shane", "Kylie", "Jarrod", "Nathan", "Brooke", "Liam", "Mitchell", "Jess", "Corey",
            "Renee", "Darren", "Sienna", "Hamish", "Tahlia"),
           ("Taylor", "Nguyen", "Kelly", "O'Brien", "Murray", "Walsh", "Henderson", "Doyle", "McKenzie", "Fraser",
            "Lawson", "Pearce", "Rossi", "Campbell")),
    "za": (("Thabo", "Sipho", "Pieter", "Johan", "Nomvula", "Lerato", "Andile", "Marius", "Annelie", "Bongani", "Zanele",
            "Riaan", "Ayanda", "Karabo", "Thandi", "Francois"),
           ("Nkosi", "Dlamini", "van der Merwe", "Botha", "Ndlovu", "Mokoena", "Pretorius", "Naidoo", "Khumalo",
            "Venter", "Mthembu", "du Plessis", "Coetzee", "Mahlangu", "Molefe")),
    "es": (("José", "María", "Juan Pablo", "Francisca", "Cristián", "Valentina", "Felipe", "Camila", "Rodrigo",
            "Catalina", "Luis", "Carolina", "Jorge", "Paola", "Andrés", "Daniela", "Héctor", "Rosa", "Álvaro", "Milagros"),
           ("González", "Muñoz", "Rojas", "Díaz", "Pérez", "Soto", "Contreras", "Silva", "Martínez", "Sepúlveda", "Quispe",
            "Mamani", "Flores", "Huamán", "Vargas", "Ramírez", "Torres", "Castillo", "Chávez", "Mendoza")),
}
_QUARRY_DIALECT = {"United States": "us", "Canada": "us", "Chile": "es", "Peru": "es", "South Africa": "za",
                   "Australia": "au"}


def quarry(scale: float = 1.0, seed: int = 1919) -> PlantedWorld:
    """Kept aside for a final check. A seller of fleet-telematics and safety software (fleet telematics, driver safety
    cameras, collision avoidance, fatigue monitoring, payload and tyre monitoring, dispatch and routing, pre-start
    inspections) to mining companies, aggregates producers (quarries, sand and gravel, crushed stone), waste haulers and
    utilities in the United States (about 36% of the 650 accounts at scale 1; New York, Chicago, Denver, Phoenix and Los
    Angeles time), Canada (10%; Toronto, Edmonton, Vancouver), Chile (16%), Peru (8%), South Africa (12%) and Australia
    (18%; Western Australia and Queensland, Perth and Brisbane time), contacts in their own time zones; mining is the
    largest sector outside the United States (35-60% of the accounts there), waste hauling and aggregates the largest
    inside. About thirteen months of history, from late January 2025 to Wednesday 25 February 2026 (08:00 in Denver,
    12:00 in Santiago, 23:00 in Perth). Half the accounts are small operators (12-299 employees), the others large (300
    to 6,000-25,000). Segments from the account's sector and size (under / from 300 employees), eight of them: small
    operators answer early, before the crews head out: waste haulers' owners and dispatchers at 05:30 (at work from
    05:00, when the trucks leave the yard: no night penalty for them from then), aggregates producers at 06:00 and
    utilities (rural electric cooperatives, water districts, councils and municipalities) at 07:00, all narrow (sd
    0.9-1.1 h), small miners and mining contractors broadly from 06:30 (sd 2.8 h); large ones after their planning
    meetings: utilities at 09:30 (sd 1.1 h) and aggregates broadly at 10:00 (sd 3.0 h), waste haulers at 17:30 once the
    routes are in and miners at 18:30 after the day's shift handover (sd 1.1-1.2 h). Titles are realistic and varied (82
    of them, by sector and country: Fleet Manager, Pit Supervisor, HSE Coordinator, Director of Operations, Load and
    Haul Superintendent, Mine Overseer, SHEQ Manager, Superintendente de Mina, Jefe de Flota, Prevencionista de
    Riesgos...; Spanish in Chile and Peru, Australian and South African wordings there; Owner and President only at
    small operators), but the hours follow the sector and the size, not the title. Weekdays: waste haulers run Saturday
    routes and answer then (+0.35; Sunday -1.0; their reply clock runs at weekends), the others never at weekends (-1.2,
    -1.3) and are best on Tuesday and Wednesday (+0.15) and weak on Friday (-0.25); on top of that the contact's country
    moves the weekdays: Chile weak on Monday (-0.4) and best on Thursday (+0.3), South Africa best on Monday (+0.3) and
    weak on Friday (-0.5), Australia weak on Monday (-0.2) and Friday (-0.3), Peru weak on Friday (-0.2), Canada a
    little on Friday (-0.1), the United States not at all. 30% of contacts peak 2-3 hours off their segment's. On a
    public holiday of the contact's country (and state or province: Western Australia's and Queensland's, Ontario's,
    Alberta's and British Columbia's own) a reply is nearly out of the question (-3 on the log-odds) and the reply clock
    stops; 4% of the touches land on one, and the ten days after the end hold Western Australia's Labour Day (Monday 2
    March 2026). Reps in three offices, each with a habitual hour and gap on their own clock: Denver (account executives
    at 06:30 for the Eastern and Central time zones and Ontario, 15:30 for the Mountain and Pacific ones, Alberta and
    British Columbia, and 10:00 for both; a business development rep at 08:00, a solutions engineer at 13:00), Santiago
    (08:30 and 12:00 for Chile, 12:00 and 19:00 for Peru; business development at 10:00, a solutions engineer at 16:00)
    and Perth (06:00 and 09:30 for Australia, 08:00 and 11:30 in Brisbane; 14:00 and 17:30 for South Africa, 08:00 and
    11:30 in Johannesburg; business development at 11:00 for Australia and 15:00 for South Africa, a solutions engineer
    at 12:30); one account in ten goes to an account executive of any territory, 20-25% of each rep's touches fall at
    another hour (07-21 on their own clock) and five account executives keep 15-50% of their weekend days. Santiago's
    clock changes twice inside the history (5 April and 7 September 2025) while Lima, Perth, Brisbane, Johannesburg and
    Phoenix keep none, so the Santiago office's hours land an hour apart in Lima between the southern summer and winter.
    So 66% of the touches come from a rep in another time zone than the contact, each segment's four busiest hours of
    the contact's clock hold 41-53% of its touches, 9% of the touches land before 07:00 on the contact's clock and 4.5%
    from 19:00, and the late segments are seldom touched near their peak (9-13% of their touches within 1.5 hours of the
    contact's own peak); 2% of the touches (2.9% of the waste haulers') land on a Saturday. An account comes into the
    book at the start (60%) or at any time in the history and has one to five people, about 17% of them never touched;
    the owner keeps in touch with about half of the others at 1.6-3.2 times their habitual gap (every nine to twenty-two
    days or so), the office's business development rep runs sequences of three to five steps two to four days apart
    (again six to sixteen weeks later) to about a quarter, and accounts open deals of one to four months one to six
    months apart (one to three people each, at the rep's habitual gap, by the owner or the territory's other account
    executive); alongside a third of the deals the office's solutions engineer works a safety deal (cameras, collision
    avoidance or fatigue monitoring) of one to three months with at least one of the same people, so about 17% of the
    touched contacts are in two deals at once for a while; a touched contact in none of these gets a single e-mail from
    the business development rep. Keeping in touch makes 50% of the touches, deals 34%, safety deals 7% and sequences
    8%; the Denver office 44%, Perth 31% and Santiago 25%; a touched contact gets 20 touches at the median (3 at the
    10th percentile, 45 at the 90th, up to about 85), 20% of them six or fewer. A touch the same day as the last does
    badly (-0.8), the next day less so (-0.2), two to four days after the last is best (+0.25), and long silences cost
    (-0.4 from four months); fatigue counts six days (-0.05 for one touch in them, on down to -1.0 from six); each
    unanswered touch in a row costs more (-0.1 for one, on down to -0.7 from six); a reply in the last three days helps
    (+0.4, gone after nine); calls do better than e-mails (+0.25), meetings best (+0.8); replies are fairly quick (about
    eight waking hours on average). About 69% of the touches are e-mails, 23% calls and 8% meetings. About 31,000
    touches at scale 1, about 1,650 contacts."""
    night = -0.9

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        wd = loc.weekday()
        z = QUARRY_WEEKDAYS[w.accounts[c.account].country][wd] if wd < 5 else 0.0
        # a small hauler's dispatcher is at work from 05:00, when the trucks leave the yard: no night penalty then
        if c.segment.key == "waste hauling/small" and 5 <= loc.hour < 6:
            z -= night
        return z

    fx = Effects(
        base=-1.15,
        gap=_pl((0.0, -0.8), (0.6, -0.5), (1.0, -0.2), (2.0, 0.25), (4.0, 0.25), (8.0, 0.05), (30.0, -0.1),
                (120.0, -0.4)),
        cold=-0.3,
        fatigue_days=6.0,
        fatigue=(0.0, -0.05, -0.2, -0.4, -0.6, -0.8, -1.0),
        streak=(0.0, -0.1, -0.2, -0.3, -0.45, -0.6, -0.7),
        recent=_pl((0.0, 0.4), (3.0, 0.4), (9.0, 0.0)),
        night=night,
        channel=(0.0, 0.25, 0.8),
        delay=Delay(((0.5, 1.2), (0.35, 7.0), (0.15, 30.0)), floor=0.15),
        responsiveness_sd=0.55,
        holiday=-3.0,
        calendar=calendar,
    )
    w = PlantedWorld("quarry", _doc(quarry), fx, dt.datetime(2026, 2, 25, 15, 0, tzinfo=UTC), seed)
    w.history_days = 395.0
    years = (2025, 2026)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    end = w.end_ts
    begin = end - 395 * DAY
    denver, santiago, perth = "America/Denver", "America/Santiago", "Australia/Perth"
    # account executives, by territory (two of them work two)
    cody = b.rep("Cody Brennan", denver, 6.5, 6.0, hour_sd=0.5, p_random=0.22)
    jessica = b.rep("Jessica Trujillo", denver, 10.0, 7.0, hour_sd=0.7, p_random=0.25, weekend=0.15)
    ryan = b.rep("Ryan Whitaker", denver, 15.5, 5.0, hour_sd=0.8, p_random=0.25, weekend=0.5)
    francisca = b.rep("Francisca Muñoz", santiago, 8.5, 6.0, hour_sd=0.6, p_random=0.22)
    rodrigo = b.rep("Rodrigo Contreras", santiago, 12.0, 7.0, hour_sd=0.8, p_random=0.25)
    camila = b.rep("Camila Rojas", santiago, 19.0, 5.0, hour_sd=0.7, p_random=0.22, weekend=0.4)
    shane = b.rep("Shane Whitfield", perth, 6.0, 6.0, hour_sd=0.5, p_random=0.22)
    kylie = b.rep("Kylie Marsh", perth, 9.5, 7.0, hour_sd=0.7, p_random=0.25, weekend=0.3)
    thabo = b.rep("Thabo Nkosi", perth, 14.0, 5.0, hour_sd=0.6, p_random=0.22)
    lauren = b.rep("Lauren Pienaar", perth, 17.5, 6.0, hour_sd=0.8, p_random=0.25, weekend=0.4)
    aes = {"east": [cody, jessica], "west": [jessica, ryan], "Chile": [francisca, rodrigo], "Peru": [rodrigo, camila],
           "Australia": [shane, kylie], "South Africa": [thabo, lauren]}
    every_ae = [cody, jessica, ryan, francisca, rodrigo, camila, shane, kylie, thabo, lauren]
    # business development reps' sequences and the solutions engineers' safety deals, by office
    bdrs = {"east": b.rep("Amber Kowalczyk", denver, 8.0, 3.0, hour_sd=0.6, p_random=0.2)}
    bdrs["west"] = bdrs["east"]
    bdrs["Chile"] = bdrs["Peru"] = b.rep("Diego Paredes", santiago, 10.0, 3.0, hour_sd=0.6, p_random=0.2)
    bdrs["Australia"] = b.rep("Josh Taylor", perth, 11.0, 3.0, hour_sd=0.6, p_random=0.2)
    bdrs["South Africa"] = b.rep("Naledi Dlamini", perth, 15.0, 3.0, hour_sd=0.6, p_random=0.2)
    engineers = {"east": b.rep("Matt Ferreira", denver, 13.0, 8.0, hour_sd=0.9, p_random=0.25)}
    engineers["west"] = engineers["east"]
    engineers["Chile"] = engineers["Peru"] = b.rep("Ignacio Vergara", santiago, 16.0, 8.0, hour_sd=0.8, p_random=0.22)
    engineers["Australia"] = engineers["South Africa"] = b.rep("Ben Carter", perth, 12.5, 8.0, hour_sd=0.9,
                                                               p_random=0.25)

    def territory(country: str, zone: str) -> str:
        if country in ("United States", "Canada"):
            return "east" if zone in ("America/New_York", "America/Chicago", "America/Toronto") else "west"
        return country

    office_days = (0.05, 0.15, 0.15, 0.05, -0.25, -1.2, -1.3)
    route_days = (0.0, 0.05, 0.05, 0.0, -0.05, 0.35, -1.0)  # waste collection runs Saturday routes
    # sector/size: peak, sd, amp
    table = {
        "waste hauling/small": (5.5, 0.9, 1.5),
        "aggregates/small": (6.0, 1.0, 1.5),
        "mining/small": (6.5, 2.8, 1.05),
        "utilities/small": (7.0, 1.1, 1.45),
        "utilities/large": (9.5, 1.1, 1.4),
        "aggregates/large": (10.0, 3.0, 1.0),
        "waste hauling/large": (17.5, 1.1, 1.45),
        "mining/large": (18.5, 1.2, 1.5),
    }
    segments = {k: Segment(k, p, sd, a, route_days if k.startswith("waste") else office_days, k.startswith("waste"))
                for k, (p, sd, a) in table.items()}
    countries = {"United States": 0.36, "Canada": 0.1, "Chile": 0.16, "Peru": 0.08, "South Africa": 0.12,
                 "Australia": 0.18}
    small_share = {"mining": 0.4, "aggregates": 0.6, "waste hauling": 0.6, "utilities": 0.45}
    largest = {"mining": 25000, "aggregates": 6000, "waste hauling": 9000, "utilities": 12000}
    taken: set[str] = set()
    domains: dict[int, str] = {}

    def company(sector: str, country: str, home: str) -> tuple[str, str]:
        dialect = _QUARRY_DIALECT[country]
        names = _QUARRY_NAMES.get((sector, dialect)) or _QUARRY_NAMES[(sector, "es" if dialect == "es" else "en")]
        for _ in range(1000):
            base = rng.choice(names).format(p=rng.choice(_QUARRY_PLACES[home]), s=rng.choice(_QUARRY_STEMS))
            if base not in taken:
                taken.add(base)
                suffix = "" if any(word in base for word in _QUARRY_PUBLIC) else rng.choice(_QUARRY_SUFFIXES[country])
                return (f"{base} {suffix}" if suffix else base), base
        raise RuntimeError("no company name left")

    def person(ai: int, zone: str, owner: int) -> _Contact:
        a = w.accounts[ai]
        dialect = _QUARRY_DIALECT[a.country]
        small = a.employees < QUARRY_SMALL
        titles = [t for t in _QUARRY_TITLES[(a.sector, dialect)] if small or t not in _QUARRY_OWNERS]
        c = b.contact(ai, zone, segments[f"{a.sector}/{'small' if small else 'large'}"], owner, 0.3, title=rng.choice(titles))
        firsts, lasts = _QUARRY_PEOPLE[dialect]
        first, last = rng.choice(firsts), rng.choice(lasts)
        # in Chile and Peru most people go by both surnames
        name = f"{first} {last} {rng.choice(lasts)}" if dialect == "es" and rng.random() < 0.6 else None
        _rename(w, c, first, last, domains[ai], name=name)
        c.off = _public_holidays(a.country, zone, years)
        return c

    for _ in range(_count(scale, 650, 10)):
        country = _weighted(rng, countries)
        sector = _weighted(rng, QUARRY_SECTORS[country])
        if rng.random() < small_share[sector]:
            employees = int(math.exp(rng.uniform(math.log(12), math.log(QUARRY_SMALL - 1))))
        else:
            employees = int(math.exp(rng.uniform(math.log(QUARRY_SMALL), math.log(largest[sector]))))
        home = _weighted(rng, QUARRY_ZONES[country])
        where = territory(country, home)
        owner = rng.choice(aes[where]) if rng.random() < 0.9 else rng.choice(every_ae)
        bdr, engineer = bdrs[where], engineers[where]
        ai = b.account("construction", country, employees, owner)
        acc = w.accounts[ai]
        acc.name, base = company(sector, country, home)
        acc.sector, acc.parent = sector, ""
        domains[ai] = _domain(base)
        arrival = begin if rng.random() < 0.6 else begin + rng.uniform(0, 340) * DAY
        people: list[_Contact] = []
        for _k in range(_pick([0.22, 0.3, 0.24, 0.14, 0.1], rng) + 1):
            zone = home if rng.random() < 0.8 else _weighted(rng, QUARRY_ZONES[country])
            c = person(ai, zone, owner)
            if b.cold(0.16):
                continue
            people.append(c)
            if rng.random() < 0.55:  # the owner keeps in touch
                stop = end if rng.random() < 0.8 else end - rng.uniform(20, 200) * DAY
                c.threads.append(_Cadence(owner, arrival + rng.uniform(0, 30) * DAY, stop,
                                          w.reps[owner].gap * rng.uniform(1.6, 3.2), 0.5, mix=(0.7, 0.93), react=0.35))
            elif rng.random() < 0.6:  # the office's business development rep runs sequences
                s0 = rng.uniform(arrival, end - 10 * DAY)
                c.threads.append(_Bursts(bdr, s0, min(end, s0 + rng.uniform(30, 300) * DAY), (3, 5), (2.0, 3.0, 4.0),
                                         (45.0, 110.0), mix=(0.8, 1.0), react=0.2))
            c.inbound = 1 if rng.random() < 0.15 else 0
        if not people:
            continue
        # deals: a telematics deal of one to four months, sometimes with a safety deal alongside
        t = arrival + rng.uniform(5, 90) * DAY
        while t < end - 10 * DAY and rng.random() < 0.7:
            dur = rng.uniform(30, 110) * DAY
            rep = owner if rng.random() < 0.75 else rng.choice(aes[where])
            di = b.deal(rep, ai, t, t + dur)
            w.deals[di].product = rng.choice(QUARRY_PRODUCTS)
            chosen = rng.sample(people, min(len(people), rng.choice((1, 1, 2, 3))))
            for c in chosen:
                c.threads.append(_Cadence(rep, t, min(t + dur, end), w.reps[rep].gap * rng.uniform(0.8, 1.25), 0.45,
                                          deal=di, mix=(0.68, 0.9), react=0.4))
            t2 = t + rng.uniform(0.1, 0.6) * dur
            if rng.random() < 0.35 and t2 < end - 5 * DAY:
                dur2 = rng.uniform(30, 90) * DAY
                d2 = b.deal(engineer, ai, t2, t2 + dur2)
                w.deals[d2].product = rng.choice([p for p in _QUARRY_SAFETY if p != w.deals[di].product])
                for c in [chosen[0], *[c for c in people if c not in chosen and rng.random() < 0.3]]:
                    c.threads.append(_Cadence(engineer, t2, min(t2 + dur2, end),
                                              w.reps[engineer].gap * rng.uniform(0.8, 1.25), 0.45, deal=d2,
                                              mix=(0.6, 0.85), react=0.3))
            t += dur + rng.uniform(30, 180) * DAY
        for c in people:
            if not c.threads:
                c.threads.append(_Once(bdr, w.place(bdr, rng.uniform(arrival, end - DAY), rng)))
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 20. Kept aside: aquaculture technology for salmon farms on both sides of the equator, quarterly business reviews,
# segments by role and market, farm sites that never close

# Where an account's people are: the region (state, province) of each country, with its time zone, its holiday
# subdivision (for the ``holidays`` package) and its share of the country's accounts.
FJORD_REGIONS: dict[str, dict[str, tuple[str, str | None, float]]] = {
    "Norway": {"Norway": ("Europe/Oslo", None, 1.0)},
    "Faroe Islands": {"Faroe Islands": ("Atlantic/Faroe", None, 1.0)},
    "Iceland": {"Iceland": ("Atlantic/Reykjavik", None, 1.0)},
    "United Kingdom": {"Scotland": ("Europe/London", "SCT", 1.0)},
    "Canada": {"New Brunswick": ("America/Moncton", "NB", 0.35), "Nova Scotia": ("America/Halifax", "NS", 0.25),
               "Newfoundland and Labrador": ("America/St_Johns", "NL", 0.25),
               "British Columbia": ("America/Vancouver", "BC", 0.15)},
    "Chile": {"Los Lagos": ("America/Santiago", "LL", 0.55), "Aysén": ("America/Santiago", "AI", 0.25),
              "Magallanes": ("America/Punta_Arenas", "MA", 0.2)},
    "Australia": {"Tasmania": ("Australia/Hobart", "TAS", 1.0)},
    "New Zealand": {"Marlborough": ("Pacific/Auckland", "MBH", 0.55), "Nelson": ("Pacific/Auckland", "NSN", 0.2),
                    "Southland": ("Pacific/Auckland", "STL", 0.25)},
}
FJORD_CODES = {"Norway": "NO", "Faroe Islands": "FO", "Iceland": "IS", "United Kingdom": "GB", "Canada": "CA",
               "Chile": "CL", "Australia": "AU", "New Zealand": "NZ"}
FJORD_MARKET = {"Norway": "nordic", "Faroe Islands": "nordic", "Iceland": "nordic", "United Kingdom": "atlantic",
                "Canada": "atlantic", "Chile": "south", "Australia": "south", "New Zealand": "south"}
FJORD_SECTORS = ("salmon farming", "smolt production", "fish health services", "aquaculture services")
FJORD_SPLIT = ("site", "production", "executive")  # the roles whose hours differ by market
FJORD_SMALL = 60  # employees: an account under it is a small (family) company, where the owner has the title
FJORD_PRODUCTS = ("Farm Management Suite", "Feed Control", "Fish Health Records", "Feeding Cameras",
                  "Environmental Sensors", "Lice Counting", "Biomass Estimation", "Net Inspection")
_FJORD_SUBSCRIPTIONS = FJORD_PRODUCTS[:3]  # what a customer renews each year
_FJORD_HARDWARE = FJORD_PRODUCTS[3:]  # what the solutions engineers sell
FJORD_EASTER = (dt.date(2025, 4, 20), dt.date(2026, 4, 5))
FJORD_AQUA_NOR = dt.date(2025, 8, 25)  # the Monday after the trade show in Trondheim (19-22 August 2025)
# Titles by role and language (Norwegian, Icelandic, English, Spanish); each title names one role.
_FJORD_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("site", "no"): ("Lokalitetsleder", "Driftsleder", "Driftsleder sjø", "Assisterende lokalitetsleder"),
    ("site", "is"): ("Stöðvarstjóri", "Site Manager"),
    ("site", "en"): ("Site Manager", "Farm Manager", "Assistant Site Manager", "Marine Site Manager",
                     "Sea Site Supervisor", "Farm Supervisor"),
    ("site", "es"): ("Jefe de Centro", "Asistente de Centro", "Jefe de Centro de Cultivo", "Encargado de Centro"),
    ("hatchery", "no"): ("Settefiskleder", "Driftsleder settefisk", "Hatchery Manager"),
    ("hatchery", "is"): ("Stöðvarstjóri seiðaeldis", "Hatchery Manager"),
    ("hatchery", "en"): ("Hatchery Manager", "Freshwater Site Manager", "Smolt Unit Manager", "RAS Manager",
                         "Hatchery Supervisor"),
    ("hatchery", "es"): ("Jefe de Piscicultura", "Encargado de Piscicultura", "Jefe de Agua Dulce"),
    ("fish health", "no"): ("Fiskehelsebiolog", "Veterinær", "Fiskehelseansvarlig", "Fagsjef fiskehelse"),
    ("fish health", "is"): ("Dýralæknir fisksjúkdóma", "Fish Health Manager"),
    ("fish health", "en"): ("Fish Health Manager", "Veterinarian", "Fish Health Biologist", "Aquaculture Veterinarian",
                            "Head of Fish Health", "Fish Welfare Lead"),
    ("fish health", "es"): ("Médico Veterinario", "Jefe de Salud de Peces", "Jefe de Salud y Bienestar Animal",
                            "Coordinador de Salud"),
    ("production", "no"): ("Produksjonssjef", "Regionsjef", "Produksjonsleder", "Områdeleder"),
    ("production", "is"): ("Framleiðslustjóri", "Rekstrarstjóri", "Production Manager"),
    ("production", "en"): ("Production Manager", "Regional Production Manager", "Seawater Manager", "Head of Farming",
                           "Operations Manager", "Area Manager"),
    ("production", "es"): ("Gerente de Producción", "Subgerente de Agua Mar", "Jefe de Área", "Gerente de Operaciones"),
    ("executive", "no"): ("Daglig leder", "Administrerende direktør", "Driftsdirektør", "Daglig leder og eier"),
    ("executive", "is"): ("Framkvæmdastjóri", "CEO"),
    ("executive", "en"): ("Managing Director", "CEO", "COO", "General Manager", "Owner"),
    ("executive", "es"): ("Gerente General", "Director Ejecutivo", "Dueño"),
    ("technical", "no"): ("Teknisk sjef", "Teknisk leder", "Automasjonsingeniør", "IT-ansvarlig"),
    ("technical", "is"): ("Tæknistjóri", "Technical Manager"),
    ("technical", "en"): ("Technical Manager", "Automation Engineer", "IT Manager", "Maintenance Manager",
                          "Engineering Manager"),
    ("technical", "es"): ("Jefe de Mantención", "Jefe de Tecnología", "Ingeniero de Automatización", "Encargado de TI"),
    ("procurement", "no"): ("Innkjøpssjef", "Innkjøper", "Innkjøpsleder"),
    ("procurement", "is"): ("Innkaupastjóri", "Purchasing Manager"),
    ("procurement", "en"): ("Procurement Manager", "Purchasing Manager", "Buyer", "Supply Chain Manager",
                            "Category Manager"),
    ("procurement", "es"): ("Jefe de Compras", "Jefe de Abastecimiento", "Comprador"),
}
FJORD_ROLE = {t: role for (role, _), titles in _FJORD_TITLES.items() for t in titles}
FJORD_OWNERS = frozenset({"Owner", "Dueño", "Daglig leder og eier"})  # titles found at small companies only
_FJORD_TITLE_LANGUAGE = {"Norway": "no", "Faroe Islands": "en", "Iceland": "is", "United Kingdom": "en", "Canada": "en",
                         "Chile": "es", "Australia": "en", "New Zealand": "en"}
# The roles of an account's people, by its sector.
_FJORD_ROLES: dict[str, dict[str, float]] = {
    "salmon farming": {"site": 0.32, "production": 0.16, "fish health": 0.1, "executive": 0.12, "technical": 0.14,
                       "procurement": 0.1, "hatchery": 0.06},
    "smolt production": {"hatchery": 0.45, "executive": 0.17, "technical": 0.2, "fish health": 0.1,
                         "procurement": 0.08},
    "fish health services": {"fish health": 0.7, "executive": 0.22, "procurement": 0.08},
    "aquaculture services": {"production": 0.4, "technical": 0.35, "executive": 0.25},
}
_FJORD_PLACES: dict[str, tuple[str, ...]] = {
    "Norway": ("Hitra", "Frøya", "Austevoll", "Bømlo", "Lofoten", "Senja", "Nordfjord", "Sunnmøre", "Vesterålen",
               "Helgeland", "Namdal", "Alta", "Kvarøy", "Smøla", "Tysnes", "Solund", "Flatanger", "Hardanger"),
    "Faroe Islands": ("Vágur", "Klaksvík", "Runavík", "Tvøroyri", "Kollafjørður", "Fuglafjørður", "Sandoy", "Suðuroy"),
    "Iceland": ("Patreksfjörður", "Tálknafjörður", "Bíldudalur", "Djúpivogur", "Ísafjörður", "Reyðarfjörður",
                "Berufjörður", "Þorlákshöfn", "Vestfirðir", "Austfirðir"),
    "Scotland": ("Shetland", "Orkney", "Lewis", "Skye", "Mull", "Loch Fyne", "Loch Linnhe", "Kishorn", "Ardnamurchan",
                 "Harris", "Lochaber", "Colonsay", "Loch Duart", "Wester Ross"),
    "New Brunswick": ("Fundy", "Passamaquoddy", "Grand Manan", "Campobello", "Blacks Harbour", "Deer Island"),
    "Nova Scotia": ("Shelburne", "Digby", "Liverpool Bay", "Jordan Bay", "Annapolis"),
    "Newfoundland and Labrador": ("Bay d'Espoir", "Connaigre", "Fortune Bay", "Placentia Bay", "Hermitage", "Belle Bay"),
    "British Columbia": ("Clayoquot", "Quadra", "Broughton", "Port Hardy", "Nootka", "Sechelt"),
    "Los Lagos": ("Chiloé", "Reloncaví", "Calbuco", "Quellón", "Hornopirén", "Llanquihue", "Castro", "Chonchi",
                  "Dalcahue"),
    "Aysén": ("Aysén", "Chacabuco", "Cisnes", "Melinka", "Guaitecas", "Puyuhuapi"),
    "Magallanes": ("Magallanes", "Última Esperanza", "Puerto Natales", "Riesco", "Skyring"),
    "Tasmania": ("Huon", "D'Entrecasteaux", "Macquarie Harbour", "Storm Bay", "Tasman", "Dover", "Strahan", "Bruny",
                 "Okehampton"),
    "Marlborough": ("Marlborough Sounds", "Pelorus", "Tory Channel", "Queen Charlotte", "Waitata"),
    "Nelson": ("Tasman Bay", "Golden Bay", "Nelson Bays"),
    "Southland": ("Big Glory Bay", "Stewart Island", "Bluff", "Foveaux"),
}
_FJORD_STEMS = ("Nordic", "Polar", "Tidal", "Skerry", "Fjordline", "Bluewater", "Northwind", "Seaview", "Coldwater",
                "Silverfin", "Deepwater", "Saltwater", "Driftwood", "Stormpoint", "Kelpwood", "Aurora", "Glacier",
                "Current")
# Company names by sector and the country's naming ({p}: a place, {s}: a stem), legal form included.
_FJORD_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("salmon farming", "Norway"): ("{p} Havbruk AS", "{p} Laks AS", "{p} Fiskeoppdrett AS", "{p} Sjømat AS",
                                   "{s} Seafood AS"),
    ("smolt production", "Norway"): ("{p} Settefisk AS", "{p} Smolt AS", "{s} Settefisk AS"),
    ("fish health services", "Norway"): ("{p} Fiskehelse AS", "{s} Fiskehelse AS", "{p} Veterinærtjenester AS"),
    ("aquaculture services", "Norway"): ("{p} Akvaservice AS", "{p} Brønnbåt AS", "{s} Marine Service AS",
                                         "{p} Notservice AS"),
    ("salmon farming", "Faroe Islands"): ("{p} Salmon P/F", "{s} Seafood P/F", "{p} Fish Farming P/F"),
    ("smolt production", "Faroe Islands"): ("{p} Smolt P/F",),
    ("fish health services", "Faroe Islands"): ("{p} Fish Health P/F",),
    ("aquaculture services", "Faroe Islands"): ("{p} Marine Services P/F", "{s} Boats P/F"),
    ("salmon farming", "Iceland"): ("{p} Lax hf.", "{s} Fiskeldi ehf.", "{p} Fiskeldi ehf.", "{s} Seafarm hf."),
    ("smolt production", "Iceland"): ("{p} Seiðaeldi ehf.", "{s} Smolt ehf."),
    ("fish health services", "Iceland"): ("{p} Fish Health ehf.", "{s} Dýralækningar ehf."),
    ("aquaculture services", "Iceland"): ("{p} Þjónusta ehf.", "{s} Marine ehf."),
    ("salmon farming", "United Kingdom"): ("{p} Salmon Ltd", "{p} Seafarms Ltd", "{s} Salmon Company Ltd",
                                           "{p} Fish Farms Ltd"),
    ("smolt production", "United Kingdom"): ("{p} Smolt Ltd", "{p} Hatcheries Ltd"),
    ("fish health services", "United Kingdom"): ("{s} Fish Health Ltd", "{p} Aquatic Vets Ltd"),
    ("aquaculture services", "United Kingdom"): ("{p} Marine Services Ltd", "{s} Aqua Services Ltd", "{p} Workboats Ltd"),
    ("salmon farming", "Canada"): ("{p} Aquaculture Inc.", "{p} Sea Farms Ltd.", "{s} Salmon Inc."),
    ("smolt production", "Canada"): ("{p} Hatcheries Ltd.", "{s} Smolt Inc."),
    ("fish health services", "Canada"): ("{s} Aquatic Health Inc.", "{p} Fish Health Services Ltd."),
    ("aquaculture services", "Canada"): ("{p} Marine Services Inc.", "{s} Aqua Services Ltd."),
    ("salmon farming", "Chile"): ("Salmones {p} S.A.", "Acuícola {p} SpA", "Cultivos Marinos {p} Ltda.",
                                  "Salmonera {s} S.A."),
    ("smolt production", "Chile"): ("Piscicultura {p} SpA", "Pisciculturas {s} Ltda."),
    ("fish health services", "Chile"): ("Laboratorio {s} SpA", "Veterinaria Acuícola {p} SpA"),
    ("aquaculture services", "Chile"): ("Servicios Acuícolas {p} SpA", "Naviera {s} Ltda.", "Buceo {p} SpA"),
    ("salmon farming", "Australia"): ("{p} Salmon Pty Ltd", "{s} Aquaculture Pty Ltd", "{p} Sea Farms Pty Ltd"),
    ("smolt production", "Australia"): ("{p} Hatchery Pty Ltd",),
    ("fish health services", "Australia"): ("{s} Aquatic Animal Health Pty Ltd",),
    ("aquaculture services", "Australia"): ("{p} Marine Services Pty Ltd",),
    ("salmon farming", "New Zealand"): ("{p} Salmon Ltd", "{s} King Salmon Ltd", "{p} Aquaculture Ltd"),
    ("smolt production", "New Zealand"): ("{p} Hatchery Ltd",),
    ("fish health services", "New Zealand"): ("{s} Aquatic Health Ltd",),
    ("aquaculture services", "New Zealand"): ("{p} Marine Services Ltd",),
}
# First names (with "m" or "f" for Icelandic patronymics) and surnames by country.
_FJORD_PEOPLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Norway": (("Ole", "Kari", "Lars", "Ingrid", "Bjørn", "Silje", "Håkon", "Marit", "Eirik", "Tonje", "Øyvind",
                "Hanne", "Sindre", "Kristin", "Torbjørn", "Randi", "Stian", "Guro", "Jørgen", "Elin"),
               ("Hansen", "Johansen", "Olsen", "Larsen", "Andersen", "Pedersen", "Nilsen", "Kristiansen", "Karlsen",
                "Pettersen", "Eriksen", "Berg", "Haugen", "Hagen", "Andreassen", "Jacobsen", "Dahl", "Halvorsen",
                "Sæther", "Strand", "Aune", "Myklebust", "Brekke", "Solheim")),
    "Faroe Islands": (("Jógvan", "Rúni", "Bárður", "Sunnvá", "Guðrun", "Heðin", "Turið", "Eyðun", "Rógvi", "Marjun",
                       "Sámal", "Elin"),
                      ("Joensen", "Hansen", "Jacobsen", "Olsen", "Poulsen", "Petersen", "Johannesen", "Dam", "Mortensen",
                       "Nielsen", "Danielsen", "Djurhuus")),
    "Iceland": (("Jón m", "Guðrún f", "Sigurður m", "Anna f", "Gunnar m", "Kristín f", "Ólafur m", "Sigríður f",
                 "Einar m", "Helga f", "Magnús m", "Þórdís f", "Björn m", "Ragnheiður f"),
                ("Jóns", "Sigurðar", "Guðmundar", "Gunnars", "Ólafs", "Einars", "Magnúsar", "Kristjáns", "Stefáns",
                 "Helga", "Þórs", "Páls")),
    "United Kingdom": (("Fraser", "Iona", "Callum", "Kirsty", "Euan", "Morag", "Angus", "Eilidh", "Ruaridh",
                        "Catriona", "Alasdair", "Shona", "Duncan", "Fiona", "Hamish", "Mhairi"),
                       ("MacLeod", "MacDonald", "Campbell", "Stewart", "Morrison", "Mackenzie", "Fraser", "Ross",
                        "Sinclair", "Munro", "Robertson", "Grant", "MacKinnon", "Paterson")),
    "Canada": (("Tyler", "Nicole", "Brent", "Ashley", "Marc", "Chantal", "Ryan", "Krista", "Darren", "Melissa", "André",
                "Jillian", "Curtis", "Tanya"),
               ("LeBlanc", "Cormier", "Murphy", "Walsh", "MacNeil", "Power", "Thibodeau", "Gallant", "Hickey",
                "Fitzgerald", "Doucet", "Roberts", "Penney", "Kelly")),
    "Chile": (("Felipe", "Camila", "Cristián", "Javiera", "Rodrigo", "Francisca", "Matías", "Constanza", "Sebastián",
               "Valentina", "Claudio", "Daniela", "Patricio", "Carolina", "Gonzalo", "Marcela"),
              ("Oyarzún", "Cárdenas", "Barría", "Vargas", "Álvarez", "Andrade", "Mansilla", "Gallardo", "Águila",
               "Soto", "Vera", "Pérez", "Muñoz", "Díaz", "Bahamonde", "Uribe", "Navarro", "Ruiz")),
    "Australia": (("Brodie", "Tegan", "Hamish", "Kate", "Lachlan", "Bec", "Josh", "Sophie", "Mitch", "Hayley", "Cam",
                   "Emma"),
                  ("Smith", "Jones", "Williams", "Brown", "Harris", "Lowe", "Wilson", "Clark", "Haines", "Bennett",
                   "Cooper", "Morrison")),
    "New Zealand": (("Ngaire", "Tane", "Aroha", "Wiremu", "Hemi", "Mere", "Sam", "Georgia", "Ben", "Olivia", "Jack",
                     "Ruby", "Nikau", "Anahera"),
                    ("Ngata", "Parata", "Tipene", "Smith", "Wilson", "Thompson", "Walker", "Anderson", "Te Whata",
                     "Campbell", "Harris", "Kerr")),
}
_FJORD_LETTERS = str.maketrans({"ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O"})


def _fjord_holidays(country: str, subdiv: str | None, years: tuple[int, ...]) -> frozenset[dt.date]:
    """The weekdays in ``years`` that are public holidays in ``country`` (and its ``subdiv``)."""
    return _holiday_dates(FJORD_CODES[country], subdiv, years, weekdays=True)


def _fjord_season(country: str, day: dt.date) -> float:
    """Log-odds of a reply from an office person (anyone but a farm site's crew) by their local date: the holidays
    people take. The Nordic countries: Christmas to the New Year (-1.0, from 22 December to 2 January), the common
    industrial holiday in July (ISO weeks 28-30, -1.1) and, in Norway, the first three days of Holy Week (-0.9); the
    United Kingdom and Canada: Christmas to the New Year (-0.6) and the school summer (1 July to 15 August, -0.3);
    Chile: Christmas week (-0.4) and February, the summer holiday (-0.9); Australia and New Zealand: the summer break
    (-0.9 from 22 December to 16 January, -0.4 until 26 January)."""
    m, d = day.month, day.day
    market = FJORD_MARKET[country]
    year_end = (m == 12 and d >= 22) or (m == 1 and d <= 2)
    if market == "nordic":
        if year_end:
            return -1.0
        if 28 <= day.isocalendar()[1] <= 30:
            return -1.1
        if country == "Norway" and any(4 <= (e - day).days <= 6 for e in FJORD_EASTER):
            return -0.9
        return 0.0
    if market == "atlantic":
        if year_end:
            return -0.6
        return -0.3 if m == 7 or (m == 8 and d <= 15) else 0.0
    if country == "Chile":
        if (m == 12 and d >= 24) or (m == 1 and d == 1):
            return -0.4
        return -0.9 if m == 2 else 0.0
    if (m == 12 and d >= 22) or (m == 1 and d <= 16):
        return -0.9
    return -0.4 if m == 1 and d <= 26 else 0.0


def _fjord_vacation(start: dt.date, weeks: int) -> frozenset[dt.date]:
    """``weeks`` weeks from the Monday of ``start``'s week (every calendar day)."""
    monday = start - dt.timedelta(days=start.weekday())
    return frozenset(monday + dt.timedelta(days=k) for k in range(7 * weeks))


class _Reviews(_Thread):
    """Business reviews with a customer, run by its customer success manager at set moments (``reviews``, the meetings,
    about one a quarter, the same for every person of the account): for each review the contact is asked to (one time
    in ``1 / attend``), an invitation e-mail eight to twelve days before it, a reminder one or two days before (two
    times in three), the review itself (a meeting), a recap e-mail the next working day and, one time in two, one or two
    e-mails on the actions agreed three to ten days later. The reviews go on whether or not the contact answers; a reply
    brings no quick extra touch."""

    def __init__(self, rep: int, reviews: tuple[float, ...], attend: float) -> None:
        super().__init__(rep, react=0.0)
        self.reviews, self.attend = reviews, attend
        self.plan: list[tuple[float, int]] = []
        self.next = EMAIL

    def _schedule(self, w: PlantedWorld, rng: random.Random) -> None:
        last = -math.inf
        for meeting in self.reviews:
            if rng.random() >= self.attend:
                continue
            steps = [(w.place(self.rep, meeting - rng.uniform(8.0, 12.0) * DAY, rng), EMAIL)]
            if rng.random() < 2 / 3:
                steps.append((w.place(self.rep, meeting - rng.uniform(1.0, 2.0) * DAY, rng), EMAIL))
            steps = [s for s in steps if s[0] < meeting]
            steps.append((meeting, MEETING))
            recap = w.place(self.rep, meeting + DAY, rng, after=meeting)
            steps.append((recap, EMAIL))
            if rng.random() < 0.5:
                at = recap
                for _ in range(rng.choice((1, 1, 2))):
                    at = w.place(self.rep, at + rng.uniform(3.0, 10.0) * DAY, rng, after=at)
                    steps.append((at, EMAIL))
            for at, chan in steps:  # a step that would not come after the one before is dropped
                if at > last:
                    self.plan.append((at, chan))
                    last = at
        self.plan.reverse()

    def _pop(self) -> float | None:
        if not self.plan:
            return None
        at, self.next = self.plan.pop()
        return at

    def first(self, w: PlantedWorld, rng: random.Random) -> float | None:
        self._schedule(w, rng)
        return self._pop()

    def after(self, w: PlantedWorld, t: float, streak: int, rng: random.Random) -> float | None:
        return self._pop()

    def channel(self, rng: random.Random) -> int:
        return self.next


def fjord(scale: float = 1.0, seed: int = 2020) -> PlantedWorld:
    """Kept aside for a final check. A vendor of aquaculture technology (a farm-management suite, feed control,
    fish-health records, feeding cameras, environmental sensors, lice counting, biomass estimation, net inspection)
    selling to salmon farmers (56% of the 670 accounts at scale 1), smolt producers (17%), fish-health services (11%:
    veterinary practices and laboratories) and aquaculture services (16%: well boats, net services, divers) on both
    sides of the equator: Norway (32%), the Faroe Islands (3%), Iceland (6%), Scotland (13%), Canada (12%: New
    Brunswick, Nova Scotia, Newfoundland, whose clock is half an hour off the others, and British Columbia), Chile (20%:
    Los Lagos and Aysén on Santiago's clock, Magallanes on Punta Arenas', which keeps no daylight saving time), Tasmania
    (9%) and New Zealand (6%: Marlborough, Nelson, Southland), contacts in their own time zones; site and hatchery
    managers are sometimes in another region than the head office (Magallanes for a Los Lagos company, Newfoundland for
    a New Brunswick one). Chile, Tasmania and New Zealand move their clocks in April and in September or October, the
    northern countries in March and in October or November and Iceland never, so the hours between two offices change
    through the year. About fifteen months of history, from 31 December 2024 to Thursday 26 March 2026 (13:00 in Bergen,
    09:00 in Puerto Montt, 09:30 in St. John's, 23:00 in Hobart); the ten days after the end hold the change to summer
    time in Europe (29 March), the end of it in Chile, Tasmania and New Zealand (5 April), Norway's Holy Week (below),
    Maundy Thursday in the Nordic countries and Good Friday everywhere, and the reply windows reach Easter Monday.
    Company names and legal forms follow the country (Hitra Havbruk AS, Tálknafjörður Fiskeldi ehf., Salmones Chiloé
    S.A., Huon Salmon Pty Ltd...) and so do people's names (Icelandic patronymics, Chileans with both surnames six times
    in ten); the titles are in Norwegian, Icelandic (or English), English or Spanish (Lokalitetsleder, Stöðvarstjóri,
    Jefe de Centro, Fiskehelsebiolog, Subgerente de Agua Mar...), each naming one of seven roles: farm site managers,
    hatchery managers, fish-health people, production managers, executives (an owner's title only at companies under 60
    employees), technical people and procurement. Segments from the role and, for three roles, the market (the Nordic
    countries; Scotland and Canada; the south: Chile, Tasmania and New Zealand), thirteen of them: site managers answer
    at 06:00 in the Nordic countries, before the boats go out, and again at 15:30 after the day's last feeding (a second
    bump that moves with the first), at 06:30 in Scotland and Canada and at 19:30 in the south, back from the pens; they
    answer every day of the week (the Nordic ones best on Saturday, +0.25, the southern ones on Sunday, +0.3, those in
    Scotland and Canada less at weekends, -0.3 and -0.7), and their farms never close: on a public holiday their reply
    clock runs and a reply is only a little less likely (-0.5). Hatchery managers answer at 13:00 (weak on Monday,
    -0.35), fish-health people broadly at 11:00 (sd 3.3 h; weak on Wednesday, the day of site rounds, -0.3, best on
    Friday, +0.2), production managers at 08:00 in the Nordic countries, broadly at 10:30 (sd 3.0 h) in Scotland and
    Canada and at 16:30 in the south (best on Monday); executives at 21:00 in the Nordic countries, once the children
    are in bed, answering at weekends too (best on Sunday, +0.35; weak on Friday, -0.5, and Saturday, -0.8), at 07:00 in
    Scotland and Canada (best on Thursday, +0.3) and at 18:30 in the south (best on Monday, +0.3); technical people at
    14:30 and procurement broadly at 09:30 (sd 3.2 h); the others narrow (sd 0.9-1.3 h); apart from site managers and
    Nordic executives nobody answers at weekends (-1.0 to -1.3). 29% of contacts peak 2-3 hours off their segment's (20%
    of site managers, 25% in the other narrow segments, 35% of executives, 40% in the broad ones). Everyone else is off
    on the public holidays of their country and region (Scotland's, each Canadian province's, Tasmania's, Marlborough's,
    Nelson's and Southland's anniversary days): a reply is nearly out of the question (-3.5 on the log-odds) and the
    reply clock stops; and they take holidays, when they answer less (by their local date, the reply clock running): in
    the Nordic countries from 22 December to 2 January (-1.0), in the common summer holiday (ISO weeks 28-30, -1.1) and,
    in Norway, the first three days of Holy Week (-0.9); in Scotland and Canada over Christmas (-0.6) and in the school
    summer (1 July to 15 August, -0.3); in Chile in Christmas week (-0.4) and all February (-0.9); in Tasmania and New
    Zealand from 22 December to 16 January (-0.9) and until 26 January (-0.4); about 7% of the touches fall on such days
    or site managers' holidays. Reps in four offices, each with a habitual hour on their own clock, 20-30% of their
    touches at another hour (07-21): account executives in Bergen (07:30 and 12:30 for Norway, 10:00 for the Faroe
    Islands and Iceland), Edinburgh (09:30 for Scotland; 14:00 for Canada, 10:00 in Halifax and 06:00 in Vancouver),
    Puerto Montt (09:30 and 17:30) and Hobart (08:00, for Tasmania and New Zealand), one account in ten owned by any of
    them; customer success managers in Bergen (09:00 for Norway; 13:30 for the Faroe Islands, Iceland, Scotland and
    Atlantic Canada, 08:30 in Halifax), Puerto Montt (12:00) and Hobart (09:30, also for British Columbia, where it is
    the afternoon before); support engineers in Bergen (08:00), Edinburgh (13:00, also for Canada), Puerto Montt (08:30)
    and Hobart (08:30); solutions engineers in Bergen (10:30, also for Tasmania and New Zealand, where it is evening)
    and Puerto Montt (11:00, also for Canada); sales development reps in Bergen (08:30), Edinburgh (15:30, for Canada),
    Puerto Montt (10:00) and Hobart (10:00). Every rep but the support engineers works their office's working days only
    and takes holidays (three weeks in July in Bergen and the days from Christmas Eve to New Year's Day, two weeks in
    July or August in Edinburgh, two or three in February in Puerto Montt, two in January in Hobart); the support
    engineers are on call for farms that never close, on public holidays too, and keep 40% of their weekend days. So 38%
    of the touches come from a rep in another time zone than the contact, each segment's four busiest hours of the
    contact's clock hold 53-66% of its touches, 4% of the touches land before 07:00 and 5% from 19:00, 1.4% at weekends,
    and the late segments are seldom touched near their peak (3% of the Nordic executives' touches within 1.5 hours of
    the contact's own peak, 11% of the southern site managers', 13% of the southern executives'). About half the
    accounts are customers (55% of those from 60 employees, 35% of the smaller ones), with two to six people (one to
    three at a small company), about 10% of them never touched; the others are prospects with one to three people, 30%
    of them never touched. A customer's success manager holds a business review about once a quarter (80-100 days apart,
    the same meeting for all invited): one or two people who use the system (site, hatchery, production or technical
    people) are asked to nearly every one, the others one time in four; each brings an invitation e-mail eight to twelve
    days before, a reminder one or two days before (two times in three), the meeting, a recap e-mail the next working
    day and, one time in two, one or two e-mails on the actions agreed three to ten days later. Before each anniversary
    of the contract the account executive works the renewal of the subscription (from 45-80 days before to 0-15 days
    after, at their habitual gap, with one or two of the executives, buyers and production managers), alongside four
    renewals in ten the solutions engineer works a hardware deal of one to three months, and expansions of one to four
    months (hardware by the solutions engineer, more modules by the account executive) follow one another, each one to
    seven months after the last ended (each time six times in ten); support engineers handle incidents with six in ten
    of the site, hatchery and technical people: two to four calls and e-mails hours to two days apart, then nothing for
    six weeks to five months; the account executive keeps in touch with half the executives every two to five weeks.
    Prospects get a sales development rep's sequences (seven in ten of their people: three to five steps two to four
    days apart, again seven to seventeen weeks later), three accounts in ten a deal with the account executive (one to
    three months, the solutions engineer joining four times in ten); people met at the Aqua Nor show in Trondheim (19-22
    August 2025) get an e-mail in the week after, and a touched person in none of these a single e-mail. So business
    reviews make 33% of the touches, the account executives' deals 27%, the solutions engineers 16%, support 13%,
    sequences and single e-mails 8% and keeping in touch 4%; 17% of the touched contacts are in two deals at once for a
    while; a touched contact gets 19 touches at the median (3 at the 10th percentile, 44 at the 90th, up to about 80),
    22% of them six or fewer. A touch the same day as the last costs a little (-0.35, -0.2 from half a day), two to ten
    days after it is best (+0.15) and long silences cost more and more (-0.45 at two and a half months, -0.85 from six);
    fatigue counts three days (-0.15 for one touch in them, -0.45 for two, on down to -1.2 from four); unanswered runs
    cost a little (-0.05 for one, on down to -0.4 from six); a reply in the last two days helps a lot (+0.8, gone after
    seven); a person never touched answers less (-0.5); calls do a little better than e-mails (+0.1), meetings much
    better (+1.0); replies are quick (about six and a half waking hours on average). About 69% of the touches are
    e-mails, 17% calls and 14% meetings. About 30,000 touches at scale 1, about 1,690 contacts, about 18% of them never
    touched."""
    night = -1.0
    roles: dict[str, str] = {}  # by e-mail
    kept: dict[str, frozenset[dt.date]] = {}  # a farm site's public holidays, which its crew works through

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        if roles[c.email] == "site":
            return -0.5 if loc.date() in kept[c.email] else 0.0
        return _fjord_season(w.accounts[c.account].country, loc.date())

    fx = Effects(
        base=-1.2,
        gap=_pl((0.0, -0.35), (0.5, -0.2), (1.0, 0.05), (2.0, 0.15), (10.0, 0.15), (30.0, -0.05), (75.0, -0.45),
                (180.0, -0.85)),
        cold=-0.5,
        fatigue_days=3.0,
        fatigue=(0.0, -0.15, -0.45, -0.8, -1.2),
        streak=(0.0, -0.05, -0.1, -0.2, -0.3, -0.35, -0.4),
        recent=_pl((0.0, 0.8), (2.0, 0.8), (7.0, 0.0)),
        night=night,
        channel=(0.0, 0.1, 1.0),
        delay=Delay(((0.55, 1.0), (0.3, 6.0), (0.15, 28.0)), floor=0.1),
        responsiveness_sd=0.6,
        holiday=-3.5,
        calendar=calendar,
    )
    w = PlantedWorld("fjord", _doc(fjord), fx, dt.datetime(2026, 3, 26, 12, 0, tzinfo=UTC), seed)
    w.history_days = 450.0
    years = (2024, 2025, 2026)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    end = w.end_ts
    begin = end - 450 * DAY
    bergen, edinburgh, puerto_montt, hobart = "Europe/Oslo", "Europe/London", "America/Santiago", "Australia/Hobart"
    # each office's reps work its working days: not its public holidays nor their own holidays
    no = _fjord_holidays("Norway", None, years)
    sct = _fjord_holidays("United Kingdom", "SCT", years)
    cl = _fjord_holidays("Chile", "LL", years)
    tas = _fjord_holidays("Australia", "TAS", years)

    def nordic_off() -> frozenset[dt.date]:
        summer = _fjord_vacation(dt.date(2025, 7, 7) + dt.timedelta(days=7 * rng.choice((-1, 0, 0, 1))), 3)
        yule = frozenset(dt.date(y, 12, 24) + dt.timedelta(days=k) for y in (2024, 2025) for k in range(9))
        return no | summer | yule

    def scottish_off() -> frozenset[dt.date]:
        return sct | _fjord_vacation(dt.date(2025, 7, 1) + dt.timedelta(days=rng.randint(0, 42)), 2)

    def chilean_off() -> frozenset[dt.date]:
        return cl | frozenset().union(*(_fjord_vacation(dt.date(y, 2, 1) + dt.timedelta(days=rng.randint(0, 14)),
                                                        rng.choice((2, 3))) for y in (2025, 2026)))

    def tasmanian_off() -> frozenset[dt.date]:
        return tas | frozenset().union(*(_fjord_vacation(dt.date(y, 1, 2) + dt.timedelta(days=rng.randint(0, 10)), 2)
                                         for y in (2025, 2026)))

    # account executives by territory
    ingrid = b.rep("Ingrid Solberg", bergen, 7.5, 6.0, hour_sd=0.5, p_random=0.2, off=nordic_off())
    eirik = b.rep("Eirik Haugland", bergen, 12.5, 7.0, hour_sd=0.7, p_random=0.22, off=nordic_off())
    sunniva = b.rep("Sunniva Dahle", bergen, 10.0, 6.0, hour_sd=0.6, p_random=0.2, off=nordic_off())
    fraser = b.rep("Fraser McLeod", edinburgh, 9.5, 6.0, hour_sd=0.7, p_random=0.22, off=scottish_off())
    morag = b.rep("Morag Sinclair", edinburgh, 14.0, 7.0, hour_sd=0.6, p_random=0.22, off=scottish_off())
    valentina = b.rep("Valentina Soto", puerto_montt, 9.5, 6.0, hour_sd=0.7, p_random=0.22, off=chilean_off())
    rodrigo = b.rep("Rodrigo Alvarado", puerto_montt, 17.5, 5.0, hour_sd=0.8, p_random=0.25, off=chilean_off())
    hamish = b.rep("Hamish Brodie", hobart, 8.0, 6.0, hour_sd=0.6, p_random=0.22, off=tasmanian_off())
    aes = {"Norway": [ingrid, eirik], "Faroe Islands": [sunniva], "Iceland": [sunniva], "United Kingdom": [fraser],
           "Canada": [morag], "Chile": [valentina, rodrigo], "Australia": [hamish], "New Zealand": [hamish]}
    every_ae = [ingrid, eirik, sunniva, fraser, morag, valentina, rodrigo, hamish]
    # customer success managers (business reviews), support engineers (incidents), solutions engineers (hardware
    # deals) and sales development reps (sequences), by office
    kari = b.rep("Kari Lunde", bergen, 9.0, 7.0, hour_sd=0.6, p_random=0.2, off=nordic_off())
    sigrid = b.rep("Sigrid Vik", bergen, 13.5, 7.0, hour_sd=0.6, p_random=0.2, off=nordic_off())
    catalina = b.rep("Catalina Vera", puerto_montt, 12.0, 7.0, hour_sd=0.6, p_random=0.2, off=chilean_off())
    bec = b.rep("Bec Thornton", hobart, 9.5, 7.0, hour_sd=0.6, p_random=0.2, off=tasmanian_off())
    csms = {"Norway": kari, "Faroe Islands": sigrid, "Iceland": sigrid, "United Kingdom": sigrid, "Canada": sigrid,
            "Chile": catalina, "Australia": bec, "New Zealand": bec}
    # support is on call for farms that never close: some weekend days, no office holidays
    tor = b.rep("Tor Aasen", bergen, 8.0, 2.0, hour_sd=0.8, p_random=0.3, weekend=0.4)
    pablo = b.rep("Pablo Mansilla", puerto_montt, 8.5, 2.0, hour_sd=0.8, p_random=0.3, weekend=0.4)
    ewan = b.rep("Ewan Grant", edinburgh, 13.0, 2.0, hour_sd=0.8, p_random=0.3, weekend=0.4)
    nick = b.rep("Nick Lowe", hobart, 8.5, 2.0, hour_sd=0.8, p_random=0.3, weekend=0.4)
    support = {"Norway": tor, "Faroe Islands": tor, "Iceland": tor, "United Kingdom": ewan, "Canada": ewan,
               "Chile": pablo, "Australia": nick, "New Zealand": nick}
    henrik = b.rep("Henrik Moe", bergen, 10.5, 8.0, hour_sd=0.8, p_random=0.22, off=nordic_off())
    matias = b.rep("Matías Oyarzún", puerto_montt, 11.0, 8.0, hour_sd=0.8, p_random=0.22, off=chilean_off())
    engineers = {c: (matias if c in ("Chile", "Canada") else henrik) for c in FJORD_REGIONS}
    magnus = b.rep("Magnus Berge", bergen, 8.5, 3.0, hour_sd=0.5, p_random=0.2, off=nordic_off())
    callum = b.rep("Callum Reid", edinburgh, 15.5, 3.0, hour_sd=0.5, p_random=0.2, off=scottish_off())
    javiera = b.rep("Javiera Cárdenas", puerto_montt, 10.0, 3.0, hour_sd=0.5, p_random=0.2, off=chilean_off())
    jess = b.rep("Jess Tran", hobart, 10.0, 3.0, hour_sd=0.5, p_random=0.2, off=tasmanian_off())
    sdrs = {"Norway": magnus, "Faroe Islands": magnus, "Iceland": magnus, "United Kingdom": magnus, "Canada": callum,
            "Chile": javiera, "Australia": jess, "New Zealand": jess}

    site = {"nordic": (0.0, 0.05, 0.05, 0.0, -0.15, 0.25, -0.35), "atlantic": (0.1, 0.05, 0.0, 0.0, -0.2, -0.3, -0.7),
            "south": (-0.2, 0.0, 0.05, 0.05, 0.1, 0.2, 0.3)}
    office = (0.05, 0.2, 0.15, 0.05, -0.4, -1.3, -1.3)
    # key: peak, sd, amp, weekdays, answers at weekends, second bump
    table: dict[str, tuple[float, float, float, tuple[float, ...], bool, tuple[float, float, float] | None]] = {
        "site/nordic": (6.0, 0.9, 1.5, site["nordic"], True, (9.5, 1.2, 1.0)),
        "site/atlantic": (6.5, 1.0, 1.45, site["atlantic"], True, None),
        "site/south": (19.5, 1.1, 1.45, site["south"], True, None),
        "hatchery": (13.0, 1.2, 1.4, (-0.35, 0.1, 0.15, 0.15, 0.05, -1.2, -1.2), False, None),
        "fish health": (11.0, 3.3, 0.95, (0.15, 0.1, -0.3, 0.05, 0.2, -1.2, -1.3), False, None),
        "production/nordic": (8.0, 1.1, 1.45, office, False, None),
        "production/atlantic": (10.5, 3.0, 1.0, office, False, None),
        "production/south": (16.5, 1.3, 1.4, (0.3, 0.15, 0.05, 0.0, -0.25, -1.2, -1.3), False, None),
        "executive/nordic": (21.0, 1.2, 1.5, (-0.1, 0.0, 0.0, -0.1, -0.5, -0.8, 0.35), True, None),
        "executive/atlantic": (7.0, 1.0, 1.5, (0.0, 0.1, 0.15, 0.3, -0.3, -1.2, -1.2), False, None),
        "executive/south": (18.5, 1.2, 1.45, (0.3, 0.1, 0.0, 0.0, -0.3, -1.0, -1.2), False, None),
        "technical": (14.5, 1.3, 1.4, (0.0, 0.1, 0.1, 0.1, -0.2, -1.2, -1.2), False, None),
        "procurement": (9.5, 3.2, 1.0, (-0.1, 0.15, 0.2, 0.15, -0.45, -1.3, -1.3), False, None),
    }
    segments = {k: Segment(k, p, sd, a, days, all_days, second) for k, (p, sd, a, days, all_days, second) in table.items()}
    shares = {k: 0.4 if s.sd >= 3.0 else 0.35 if k.startswith("executive") else 0.2 if k.startswith("site") else 0.25
              for k, s in segments.items()}
    countries = {"Norway": 0.3, "Faroe Islands": 0.04, "Iceland": 0.05, "United Kingdom": 0.13, "Canada": 0.13,
                 "Chile": 0.19, "Australia": 0.09, "New Zealand": 0.07}
    sector_shares = {"salmon farming": 0.58, "smolt production": 0.16, "fish health services": 0.1,
                     "aquaculture services": 0.16}
    sizes = {"salmon farming": (10, 6000), "smolt production": (12, 400), "fish health services": (8, 250),
             "aquaculture services": (15, 900)}
    taken: set[str] = set()

    def company(sector: str, country: str, region: str) -> tuple[str, str]:
        for k in range(1000):
            place, stem = rng.choice(_FJORD_PLACES[region]), rng.choice(_FJORD_STEMS)
            if k >= 50:  # the short names are taken: a place and a stem together
                place = stem = f"{place} {stem}"
            text = rng.choice(_FJORD_NAMES[(sector, country)]).format(p=place, s=stem)
            if text not in taken:
                taken.add(text)
                base = text.rsplit(" ", 1)[0] if text.split()[-1] in ("AS", "P/F", "hf.", "ehf.", "Ltd", "Inc.",
                                                                       "Ltd.", "S.A.", "SpA", "Ltda.") else text
                return text, base.removesuffix(" Pty")
        raise RuntimeError("no company name left")

    def person(ai: int, role: str, region: str, owner: int, domain: str) -> _Contact:
        a = w.accounts[ai]
        zone, subdiv, _ = FJORD_REGIONS[a.country][region]
        market = FJORD_MARKET[a.country]
        key = f"{role}/{market}" if role in FJORD_SPLIT else role
        titles = [t for t in _FJORD_TITLES[(role, _FJORD_TITLE_LANGUAGE[a.country])]
                  if a.employees < FJORD_SMALL or t not in FJORD_OWNERS]
        c = b.contact(ai, zone, segments[key], owner, shares[key], title=rng.choice(titles))
        firsts, lasts = _FJORD_PEOPLE[a.country]
        first, last = rng.choice(firsts), rng.choice(lasts)
        if a.country == "Iceland":
            first, sex = first.split()
            last += "son" if sex == "m" else "dóttir"
        elif a.country == "Chile" and rng.random() < 0.6:
            last = f"{last} {rng.choice(lasts)}"
        _rename(w, c, first, last, domain, _FJORD_LETTERS)
        roles[c.email] = role
        days = _fjord_holidays(a.country, subdiv, years)
        if role == "site":
            kept[c.email] = days  # the farm runs every day: the reply clock too
        else:
            c.off = days
        return c

    for _ in range(_count(scale, 670, 10)):
        country = _weighted(rng, countries)
        sector = _weighted(rng, sector_shares)
        lo, hi = sizes[sector]
        employees = int(math.exp(rng.uniform(math.log(lo), math.log(hi))))
        region = _weighted(rng, {r: v[2] for r, v in FJORD_REGIONS[country].items()})
        owner = rng.choice(aes[country]) if rng.random() < 0.9 else rng.choice(every_ae)
        ai = b.account("agriculture", country, employees, owner)
        acc = w.accounts[ai]
        acc.name, base = company(sector, country, region)
        acc.sector, acc.parent = sector, ""
        domain = _domain(base, _FJORD_LETTERS)
        customer = rng.random() < (0.55 if employees >= FJORD_SMALL else 0.35)
        if customer:
            n = (rng.randint(3, 6) if employees >= 300 else rng.randint(2, 4) if employees >= FJORD_SMALL
                 else rng.randint(1, 3))
        else:
            n = rng.choice((1, 1, 2, 2, 3))
        people: list[_Contact] = []
        for k in range(n):
            role = _weighted(rng, _FJORD_ROLES[sector])
            # a site or a hatchery may be in another region of the country than the head office
            where = region if role not in ("site", "hatchery") or rng.random() < 0.65 else \
                _weighted(rng, {r: v[2] for r, v in FJORD_REGIONS[country].items()})
            c = person(ai, role, where, owner, domain)
            if (k > 0 or not customer) and b.cold(0.12 if customer else 0.3):
                continue  # never touched (never a customer's first person)
            people.append(c)
            c.inbound = rng.randint(0, 2) if customer else (1 if rng.random() < 0.1 else 0)
        ae, engineer, sdr = owner, engineers[country], sdrs[country]
        csm = bec if region == "British Columbia" else csms[country]  # Hobart's morning is British Columbia's afternoon
        if customer:
            # quarterly business reviews with the users of the system, the others asked now and then
            t = begin + rng.uniform(12.0, 100.0) * DAY
            reviews = []
            while t < end + 40 * DAY:
                reviews.append(w.place(csm, t, rng))
                t += rng.uniform(80.0, 100.0) * DAY
            users = [c for c in people if roles[c.email] in ("site", "hatchery", "production", "technical")]
            keys = rng.sample(users, min(len(users), rng.choice((1, 1, 2)))) or people[:1]
            for c in people:
                c.threads.append(_Reviews(csm, tuple(reviews), 0.92 if c in keys else 0.25))
            # the renewal of the subscription before each anniversary of the contract
            anniversary = begin + rng.uniform(0.0, 365.0) * DAY
            product = rng.choice(_FJORD_SUBSCRIPTIONS)
            buyers = [c for c in people if roles[c.email] in ("executive", "procurement", "production")] or people
            while anniversary - 45 * DAY < end:
                t0 = anniversary - rng.uniform(45.0, 80.0) * DAY
                t1 = anniversary + rng.uniform(0.0, 15.0) * DAY
                if t1 > begin + 20 * DAY and t0 < end - 3 * DAY:
                    di = b.deal(ae, ai, max(t0, begin), t1)
                    w.deals[di].product, w.deals[di].won = product, rng.random() < 0.88
                    chosen = rng.sample(buyers, min(len(buyers), rng.choice((1, 1, 2))))
                    for c in chosen:
                        c.threads.append(_Cadence(ae, max(t0, begin), min(t1, end), w.reps[ae].gap * rng.uniform(0.8, 1.2),
                                                  0.45, deal=di, mix=(0.72, 0.92), react=0.4))
                    t2 = max(t0, begin) + rng.uniform(0.1, 0.5) * (t1 - max(t0, begin))
                    if rng.random() < 0.4 and t2 < end - 5 * DAY:  # hardware alongside the renewal
                        d2 = b.deal(engineer, ai, t2, t2 + rng.uniform(30.0, 80.0) * DAY)
                        w.deals[d2].product = rng.choice(_FJORD_HARDWARE)
                        for c in [chosen[0], *[c for c in people if c not in chosen and rng.random() < 0.3]]:
                            c.threads.append(_Cadence(engineer, t2, min(w.deals[d2].stop, end),
                                                      w.reps[engineer].gap * rng.uniform(0.8, 1.25), 0.45, deal=d2,
                                                      mix=(0.6, 0.85), react=0.3))
                anniversary += 365 * DAY
            # expansions: hardware by the solutions engineer, more modules by the account executive
            t = begin + rng.uniform(10.0, 200.0) * DAY
            while t < end - 10 * DAY and rng.random() < 0.6:
                dur = rng.uniform(30.0, 120.0) * DAY
                rep = engineer if rng.random() < 0.6 else ae
                di = b.deal(rep, ai, t, t + dur)
                w.deals[di].product = rng.choice(_FJORD_HARDWARE if rep == engineer else _FJORD_SUBSCRIPTIONS)
                on_site = [c for c in people if roles[c.email] in ("site", "technical", "fish health", "hatchery",
                                                                   "production")] or people
                for c in rng.sample(on_site, min(len(on_site), rng.choice((1, 2, 2, 3)))):
                    c.threads.append(_Cadence(rep, t, min(t + dur, end), w.reps[rep].gap * rng.uniform(0.8, 1.25), 0.45,
                                              deal=di, mix=(0.62, 0.85), react=0.35))
                t += dur + rng.uniform(30.0, 200.0) * DAY
            # incidents: the support engineer calls and writes a few times within days, then nothing for weeks
            for c in people:
                if roles[c.email] in ("site", "hatchery", "technical") and rng.random() < 0.6:
                    s0 = begin + rng.uniform(0.0, 120.0) * DAY
                    c.threads.append(_Bursts(support[country], s0, end, (2, 4), (0.2, 0.5, 1.0, 1.0, 2.0),
                                             (40.0, 160.0), mix=(0.5, 0.95), react=0.5))
                elif roles[c.email] == "executive" and rng.random() < 0.5:  # the account executive keeps in touch
                    c.threads.append(_Cadence(ae, begin + rng.uniform(0.0, 40.0) * DAY, end,
                                              w.reps[ae].gap * rng.uniform(3.0, 5.0), 0.5, mix=(0.7, 0.9), react=0.3))
        else:
            for c in people:
                if rng.random() < 0.7:
                    s0 = begin + rng.uniform(0.0, 430.0) * DAY
                    c.threads.append(_Bursts(sdr, s0, min(end, s0 + rng.uniform(20.0, 250.0) * DAY), (3, 5),
                                             (2.0, 3.0, 4.0), (50.0, 120.0), mix=(0.85, 1.0), react=0.25))
            if people and rng.random() < 0.3:  # a new customer in the making
                t = begin + rng.uniform(30.0, 430.0) * DAY
                dur = rng.uniform(30.0, 100.0) * DAY
                di = b.deal(ae, ai, t, t + dur)
                w.deals[di].product = rng.choice(_FJORD_SUBSCRIPTIONS)
                chosen = rng.sample(people, min(len(people), rng.choice((1, 1, 2))))
                for c in chosen:
                    c.threads.append(_Cadence(ae, t, min(t + dur, end), w.reps[ae].gap * rng.uniform(0.8, 1.2), 0.45,
                                              deal=di, mix=(0.7, 0.9), react=0.4))
                if rng.random() < 0.4 and t + 0.3 * dur < end - 3 * DAY:
                    d2 = b.deal(engineer, ai, t + 0.3 * dur, t + dur)
                    w.deals[d2].product = rng.choice(_FJORD_HARDWARE)
                    chosen[0].threads.append(_Cadence(engineer, t + 0.3 * dur, min(t + dur, end),
                                                      w.reps[engineer].gap, 0.45, deal=d2, mix=(0.6, 0.85), react=0.3))
        for c in people:
            # people met at Aqua Nor get an e-mail from a sales development rep in the week after it
            if rng.random() < (0.12 if FJORD_MARKET[country] == "nordic" else 0.05):
                c.threads.append(_Once(sdr, w.place(sdr, _clock(FJORD_AQUA_NOR, 12 * 3600, w.reps[sdr].tz)
                                                    + rng.uniform(0.0, 4.0) * DAY, rng)))
            if not c.threads:
                c.threads.append(_Once(sdr, w.place(sdr, begin + rng.uniform(0.0, 445.0) * DAY, rng)))
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 21. Kept aside: hotel technology in South Asia, the Gulf and East Africa; working weeks that start on Sunday or
# Monday and run five or six days, hotel people on a weekly day off, Ramadan evenings, safari camps closed in the rains

# Where an account's people are: the regions of each country, with the time zone, the holiday subdivision (for the
# ``holidays`` package) and the region's share of the country's accounts.
MONSOON_REGIONS: dict[str, dict[str, tuple[str, str | None, float]]] = {
    "India": {"Delhi": ("Asia/Kolkata", "DL", 0.2), "Rajasthan": ("Asia/Kolkata", "RJ", 0.12),
              "Maharashtra": ("Asia/Kolkata", "MH", 0.22), "Goa": ("Asia/Kolkata", "GA", 0.12),
              "Karnataka": ("Asia/Kolkata", "KA", 0.14), "Kerala": ("Asia/Kolkata", "KL", 0.12),
              "Tamil Nadu": ("Asia/Kolkata", "TN", 0.08)},
    "Sri Lanka": {"Sri Lanka": ("Asia/Colombo", None, 1.0)},
    "Nepal": {"Nepal": ("Asia/Kathmandu", None, 1.0)},
    "Maldives": {"Maldives": ("Indian/Maldives", None, 1.0)},
    "United Arab Emirates": {"United Arab Emirates": ("Asia/Dubai", None, 1.0)},
    "Saudi Arabia": {"Saudi Arabia": ("Asia/Riyadh", None, 1.0)},
    "Qatar": {"Qatar": ("Asia/Qatar", None, 1.0)},
    "Oman": {"Oman": ("Asia/Muscat", None, 1.0)},
    "Kenya": {"Kenya": ("Africa/Nairobi", None, 1.0)},
    "Tanzania": {"Tanzania": ("Africa/Dar_es_Salaam", None, 1.0)},
    "Rwanda": {"Rwanda": ("Africa/Kigali", None, 1.0)},
}
MONSOON_CODES = {"India": "IN", "Sri Lanka": "LK", "Nepal": "NP", "Maldives": "MV", "United Arab Emirates": "AE",
                 "Saudi Arabia": "SA", "Qatar": "QA", "Oman": "OM", "Kenya": "KE", "Tanzania": "TZ", "Rwanda": "RW"}
MONSOON_MARKET = {"India": "south asia", "Sri Lanka": "south asia", "Nepal": "south asia", "Maldives": "south asia",
                  "United Arab Emirates": "gulf", "Saudi Arabia": "gulf", "Qatar": "gulf", "Oman": "gulf",
                  "Kenya": "east africa", "Tanzania": "east africa", "Rwanda": "east africa"}
# The working week of an office in each country: (its first day, Monday being 0; its days off). Saudi Arabia, Qatar,
# Oman and the Maldives work from Sunday to Thursday, Nepal from Sunday to Friday; India's hotels keep a six-day week,
# and the head offices of India's hotel groups also close on the second and fourth Saturdays of the month.
MONSOON_WEEK: dict[str, tuple[int, tuple[int, ...]]] = {
    "India": (0, (6,)), "Sri Lanka": (0, (5, 6)), "Nepal": (6, (5,)), "Maldives": (6, (4, 5)),
    "United Arab Emirates": (0, (5, 6)), "Saudi Arabia": (6, (4, 5)), "Qatar": (6, (4, 5)), "Oman": (6, (4, 5)),
    "Kenya": (0, (5, 6)), "Tanzania": (0, (5, 6)), "Rwanda": (0, (5, 6)),
}
MONSOON_SECTORS = ("hotel groups", "independent hotels", "resorts and lodges", "serviced apartments")
MONSOON_SPLIT = ("owner", "corporate", "gm")  # the roles whose hours differ by market
MONSOON_FLOOR = ("gm", "front office", "fnb")  # the roles that run a hotel day to day, on a weekly day off
MONSOON_PRODUCTS = ("Property Management System", "Channel Manager", "Restaurant POS", "Revenue Management",
                    "Booking Engine", "Guest Messaging", "Housekeeping & Maintenance", "Sales & Catering")
_MONSOON_SUBSCRIPTIONS = MONSOON_PRODUCTS[:3]  # what a customer renews each year
_MONSOON_ADD_ONS = MONSOON_PRODUCTS[4:]  # what the account executives sell a customer besides
# The log-odds of a reply by the day of the contact's working week (0: its first day; 5 and 6: the country's weekend
# for a five-day week, the sixth day and the day off for a six-day one), by segment.
MONSOON_WEEKDAYS: dict[str, tuple[float, ...]] = {
    "owner/south asia": (0.0, 0.05, 0.05, 0.0, -0.1, 0.15, 0.35),
    "owner/gulf": (0.15, 0.05, 0.0, 0.0, -0.1, -0.5, 0.1),
    "owner/east africa": (0.1, 0.05, 0.05, 0.0, -0.2, 0.25, -0.4),
    "corporate/south asia": (-0.3, 0.05, 0.15, 0.25, -0.2, -0.3, 0.0),
    "corporate/gulf": (0.3, 0.1, 0.05, -0.05, -0.45, 0.0, 0.0),
    "corporate/east africa": (0.0, 0.15, 0.15, 0.05, -0.35, 0.0, 0.0),
    "gm/south asia": (0.05, 0.1, 0.1, 0.05, 0.0, -0.25, -0.2),
    "gm/gulf": (0.1, 0.05, 0.05, 0.0, -0.1, -0.3, -0.1),
    "gm/east africa": (-0.1, 0.0, 0.05, 0.05, 0.0, 0.1, 0.1),
    "revenue": (-0.35, 0.15, 0.15, 0.1, -0.2, -0.3, 0.0),
    "sales": (0.2, 0.05, 0.0, 0.0, -0.3, -0.3, 0.0),
    "front office": (0.0, 0.05, 0.05, 0.05, -0.05, -0.35, -0.3),
    "fnb": (0.05, 0.1, 0.1, 0.0, -0.15, -0.45, -0.4),
    "finance": (0.15, 0.1, 0.05, 0.0, -0.3, -0.3, 0.0),
    "it": (-0.05, 0.1, 0.15, 0.1, -0.25, -0.3, 0.0),
}
MONSOON_OFF = -1.2  # a touch on one of the contact's days off (a weekend day, a weekly day off, a holiday, a day away)
MONSOON_HOLIDAY = -2.3  # on top of it on a public holiday of an office person's country, or a day away
MONSOON_DIWALI = (dt.date(2025, 10, 18), dt.date(2025, 10, 23))  # from Dhanteras to Bhai Dooj
MONSOON_ATM = dt.date(2025, 5, 5)  # the Monday after the Arabian Travel Market in Dubai (28 April to 1 May 2025)
# Titles by role and by market (the roles split by market) or by where the person works (a hotel; the head office of
# a group), each naming one role; a few more only at one kind of property.
_MONSOON_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("owner", "south asia"): ("Owner", "Proprietor", "Managing Director", "Managing Partner",
                              "Chairman & Managing Director", "Director & Promoter"),
    ("owner", "gulf"): ("Owner", "Chairman", "Managing Director", "Owner & Chairman", "Managing Partner"),
    ("owner", "east africa"): ("Owner", "Proprietor", "Managing Director", "Owner & Managing Director", "Co-Founder"),
    ("corporate", "south asia"): ("CEO", "Chief Operating Officer", "Vice President - Operations", "President - Hotels",
                                  "Head of Operations", "Executive Director", "Whole-time Director"),
    ("corporate", "gulf"): ("CEO", "COO", "Chief Operating Officer", "Vice President Operations", "Area Vice President",
                            "Regional Director of Operations", "Head of Hospitality"),
    ("corporate", "east africa"): ("CEO", "Group Managing Director", "Chief Operating Officer",
                                   "Group Operations Director", "Director of Operations"),
    ("gm", "south asia"): ("General Manager", "GM", "Hotel Manager", "Resort Manager", "Cluster General Manager",
                           "Executive Assistant Manager", "AGM - Operations", "Unit Head"),
    ("gm", "gulf"): ("General Manager", "Hotel Manager", "Resort Manager", "Cluster General Manager",
                     "Executive Assistant Manager", "Complex General Manager"),
    ("gm", "east africa"): ("General Manager", "Hotel Manager", "Resort Manager", "Operations Manager - Hotel"),
    ("revenue", "hotel"): ("Revenue Manager", "Cluster Revenue Manager", "Revenue & Reservations Manager",
                           "Reservations Manager", "Asst. Manager - Revenue", "Director of Revenue", "E-commerce Manager"),
    ("revenue", "head office"): ("Corporate Director of Revenue Management", "Head of Revenue", "Distribution Manager",
                                 "VP - Revenue & Distribution"),
    ("sales", "hotel"): ("Director of Sales & Marketing", "DOSM", "Sales Manager", "Sr. Sales Manager",
                         "MICE Sales Manager", "Events Sales Manager", "Associate Director of Sales"),
    ("sales", "head office"): ("Head of Sales", "VP Sales & Marketing", "Corporate Director of Sales",
                               "Business Development Manager"),
    ("front office", "hotel"): ("Front Office Manager", "Rooms Division Manager", "Guest Relations Manager",
                                "Manager - Front Office", "Duty Manager", "Director of Rooms", "Guest Services Manager"),
    ("fnb", "hotel"): ("F&B Manager", "Director of Food & Beverage", "Food & Beverage Manager", "Outlet Manager",
                       "Banquet Manager", "Executive Chef", "Restaurant Manager", "F&B Service Manager"),
    ("finance", "hotel"): ("Financial Controller", "Chief Accountant", "Finance Manager", "Accounts Manager",
                           "Manager - Accounts", "Cost Controller", "Income Auditor"),
    ("finance", "head office"): ("CFO", "Group Financial Controller", "Head of Finance", "Director of Finance"),
    ("it", "hotel"): ("IT Manager", "Systems Manager", "Information Systems Manager", "IT Executive",
                      "Asst. Manager - IT"),
    ("it", "head office"): ("Head of IT", "CIO", "Group IT Manager", "Director of IT"),
    # only at serviced apartments, and at safari camps and lodges
    ("gm", "serviced apartments"): ("Residence Manager", "Property Manager"),
    ("gm", "camp"): ("Camp Manager", "Lodge Manager", "Camp Host"),
    ("sales", "camp"): ("Sales & Reservations Manager",),
}
MONSOON_ROLE = {t: role for (role, _), titles in _MONSOON_TITLES.items() for t in titles}
# The roles of a hotel's people, by the kind of account, and of a group's head office.
_MONSOON_ROLES: dict[str, dict[str, float]] = {
    "head office": {"corporate": 0.35, "revenue": 0.15, "sales": 0.15, "finance": 0.2, "it": 0.15},
    "hotel groups": {"gm": 0.28, "front office": 0.2, "fnb": 0.15, "revenue": 0.12, "sales": 0.12, "finance": 0.08,
                     "it": 0.05},
    "independent hotels": {"owner": 0.22, "gm": 0.22, "front office": 0.15, "fnb": 0.1, "revenue": 0.1, "sales": 0.1,
                           "finance": 0.08, "it": 0.03},
    "resorts and lodges": {"owner": 0.15, "gm": 0.3, "front office": 0.15, "fnb": 0.12, "revenue": 0.12, "sales": 0.1,
                           "finance": 0.06},
    "serviced apartments": {"owner": 0.2, "gm": 0.3, "front office": 0.2, "sales": 0.15, "finance": 0.1, "revenue": 0.05},
}
# Places by region, and the stems of company names by naming style.
_MONSOON_PLACES: dict[str, tuple[str, ...]] = {
    "Delhi": ("Aerocity", "Connaught Place", "Gurugram", "Noida", "Karol Bagh", "Saket", "Dwarka"),
    "Rajasthan": ("Udaipur", "Jaipur", "Jodhpur", "Jaisalmer", "Pushkar", "Ranthambore", "Bikaner", "Mount Abu"),
    "Maharashtra": ("Juhu", "Powai", "Andheri", "Lonavala", "Pune", "Nashik", "Mahabaleshwar", "Colaba", "Aurangabad"),
    "Goa": ("Candolim", "Calangute", "Panjim", "Colva", "Anjuna", "Baga", "Cavelossim", "Morjim"),
    "Karnataka": ("Bengaluru", "Whitefield", "Coorg", "Mysuru", "Hampi", "Chikmagalur", "Kabini"),
    "Kerala": ("Kovalam", "Munnar", "Kumarakom", "Alleppey", "Kochi", "Varkala", "Thekkady", "Wayanad"),
    "Tamil Nadu": ("Chennai", "Mahabalipuram", "Ooty", "Kodaikanal", "Madurai", "Pondicherry Road", "Coimbatore"),
    "Sri Lanka": ("Galle", "Bentota", "Kandy", "Ella", "Negombo", "Colombo", "Trincomalee", "Sigiriya", "Hikkaduwa",
                  "Nuwara Eliya"),
    "Nepal": ("Pokhara", "Thamel", "Nagarkot", "Chitwan", "Lalitpur", "Bhaktapur", "Dhulikhel", "Lumbini"),
    "Maldives": ("Baa Atoll", "Ari Atoll", "Male", "Lhaviyani", "Raa Atoll", "Addu", "Maafushi", "Hulhumale"),
    "United Arab Emirates": ("Jumeirah", "Deira", "Al Barsha", "Ras Al Khaimah", "Fujairah", "Corniche", "Sharjah",
                             "Business Bay", "Al Ain", "Yas"),
    "Saudi Arabia": ("Riyadh", "Jeddah", "Al Khobar", "AlUla", "Makkah", "Madinah", "Abha", "Dammam", "Taif"),
    "Qatar": ("West Bay", "Lusail", "The Pearl", "Al Sadd", "Msheireb", "Al Wakrah"),
    "Oman": ("Muscat", "Salalah", "Nizwa", "Sur", "Musandam", "Qurum", "Al Mouj"),
    "Kenya": ("Maasai Mara", "Diani", "Nanyuki", "Naivasha", "Amboseli", "Westlands", "Watamu", "Lamu", "Samburu",
              "Tsavo", "Laikipia", "Kilifi"),
    "Tanzania": ("Serengeti", "Zanzibar", "Arusha", "Ngorongoro", "Tarangire", "Stone Town", "Ruaha", "Moshi"),
    "Rwanda": ("Kigali", "Musanze", "Akagera", "Lake Kivu", "Nyungwe", "Rubavu"),
}
_MONSOON_STEMS: dict[str, tuple[str, ...]] = {
    "india": ("Lotus", "Saffron", "Banyan", "Peacock", "Sandalwood", "Jasmine", "Marigold", "Neem", "Kesari", "Amber",
              "Coral", "Sapphire", "Palm Grove", "Royal Orchid", "Heritage", "Ashoka", "Chandan", "Moonstone"),
    "lanka": ("Cinnamon Bay", "Lagoon", "Jetwing Sands", "Tea Trails", "Coral Reef", "Moonstone", "Blue Water",
              "Palm Garden", "Kingfisher", "Elephant Rock"),
    "nepal": ("Himalaya", "Everest View", "Annapurna", "Yak", "Lakeside", "Rhododendron", "Shangri", "Peak View"),
    "maldives": ("Coral", "Lagoon", "Azure", "Manta", "Turtle", "Sandbank", "Reef", "Dhoni"),
    "gulf": ("Rayyan", "Sahara", "Zahra", "Wadi", "Marjan", "Dana", "Noor", "Bahar", "Qasr", "Lulu", "Sidra", "Falcon",
             "Dune", "Oasis", "Al Majlis", "Nakhla"),
    "africa": ("Acacia", "Baobab", "Tusker", "Simba", "Zawadi", "Kilima", "Jambo", "Savannah", "Flamingo", "Serena Sky",
               "Kifaru", "Twiga", "Nyota", "Kigelia"),
}
_MONSOON_STYLE = {"India": "india", "Sri Lanka": "lanka", "Nepal": "nepal", "Maldives": "maldives",
                  "United Arab Emirates": "gulf", "Saudi Arabia": "gulf", "Qatar": "gulf", "Oman": "gulf",
                  "Kenya": "africa", "Tanzania": "africa", "Rwanda": "africa"}
# Company names by sector and naming style ({p}: a place, {s}: a stem), legal form included.
_MONSOON_NAMES: dict[tuple[str, str], tuple[str, ...]] = {
    ("hotel groups", "india"): ("{s} Hotels & Resorts Pvt. Ltd.", "{s} Hospitality Pvt. Ltd.", "{s} Leisure Hotels Ltd.",
                                "{s} Hotels Ltd."),
    ("hotel groups", "lanka"): ("{s} Hotels PLC", "{s} Leisure PLC", "{s} Hotels (Pvt) Ltd"),
    ("hotel groups", "nepal"): ("{s} Hotels & Resorts Pvt. Ltd.", "{s} Hospitality Group Pvt. Ltd."),
    ("hotel groups", "maldives"): ("{s} Resorts Pvt Ltd", "{s} Island Hotels Pvt Ltd"),
    ("hotel groups", "gulf"): ("{s} Hotels & Resorts LLC", "{s} Hospitality Group", "{s} Hotels Company",
                               "{s} Hotel Management LLC"),
    ("hotel groups", "africa"): ("{s} Hotels Ltd", "{s} Safaris & Lodges Ltd", "{s} Hotels Group Ltd"),
    ("independent hotels", "india"): ("Hotel {s} {p}", "The {s} Residency {p}", "{s} Inn {p}", "Hotel {p} International"),
    ("independent hotels", "lanka"): ("{s} Hotel {p}", "Hotel {s} {p}"),
    ("independent hotels", "nepal"): ("Hotel {s} {p}", "{s} Boutique Hotel {p}"),
    ("independent hotels", "maldives"): ("{s} Inn {p}", "{s} Guest House {p}"),
    ("independent hotels", "gulf"): ("{s} Hotel {p}", "{s} Hotel {p} LLC", "{p} {s} Hotel"),
    ("independent hotels", "africa"): ("{s} Hotel {p}", "The {s} {p}", "{p} {s} Hotel Ltd"),
    ("resorts and lodges", "india"): ("{s} Resort & Spa {p}", "{p} {s} Beach Resort", "{s} Jungle Lodge {p}"),
    ("resorts and lodges", "lanka"): ("{p} {s} Beach Resort", "{s} Tea Bungalow {p}", "{s} Resort {p}"),
    ("resorts and lodges", "nepal"): ("{s} Mountain Resort {p}", "{s} Jungle Lodge {p}"),
    ("resorts and lodges", "maldives"): ("{s} Island Resort {p}", "{p} {s} Resort & Spa"),
    ("resorts and lodges", "gulf"): ("{p} {s} Desert Resort", "{s} Beach Resort {p}", "{s} Mountain Resort {p}"),
    ("resorts and lodges", "africa"): ("{p} {s} Camp", "{s} Safari Lodge {p}", "{p} {s} Beach Resort",
                                       "{s} Tented Camp {p}"),
    ("serviced apartments", "india"): ("{s} Serviced Apartments {p}", "{s} Suites {p}"),
    ("serviced apartments", "gulf"): ("{s} Hotel Apartments {p}", "{p} {s} Residences"),
    ("serviced apartments", "africa"): ("{s} Apartments {p}", "{s} Residences {p}"),
    ("serviced apartments", "lanka"): ("{s} Residences {p}",),
    ("serviced apartments", "nepal"): ("{s} Residences {p}",),
    ("serviced apartments", "maldives"): ("{s} Residences {p}",),
}
# First and last names by where people come from; the Gulf's hotels are run by its nationals and by people from
# abroad, and so are East Africa's camps.
_MONSOON_PEOPLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "india": (("Aarav", "Priya", "Rahul", "Ananya", "Vikram", "Kavya", "Arjun", "Meera", "Sanjay", "Deepa", "Rohit",
               "Neha", "Karan", "Pooja", "Suresh", "Lakshmi", "Anil", "Shalini", "Manoj", "Divya", "Joseph", "Fatima",
               "Imran", "Gurpreet", "Nikhil", "Swati"),
              ("Sharma", "Verma", "Iyer", "Nair", "Menon", "Reddy", "Rao", "Patel", "Shah", "Mehta", "Kapoor", "Singh",
               "Gupta", "Pillai", "Fernandes", "D'Souza", "Kulkarni", "Joshi", "Chatterjee", "Banerjee", "Khan",
               "Thomas", "Rathore", "Shekhawat", "Naik", "Bhat")),
    "lanka": (("Nuwan", "Dilani", "Chaminda", "Ishara", "Kasun", "Sanduni", "Ruwan", "Tharindu", "Nirosha", "Mahesh",
               "Anjali", "Pradeep"),
              ("Perera", "Fernando", "de Silva", "Jayasuriya", "Wickramasinghe", "Bandara", "Gunawardena",
               "Dissanayake", "Herath", "Karunaratne", "Senanayake", "Wijesinghe")),
    "nepal": (("Bikash", "Sunita", "Ramesh", "Anjana", "Suman", "Pramila", "Kiran", "Sabina", "Dipesh", "Rojina",
               "Nabin", "Srijana"),
              ("Shrestha", "Gurung", "Thapa", "Tamang", "Maharjan", "Karki", "Adhikari", "Sherpa", "Rai", "Pradhan",
               "Bhattarai", "Magar")),
    "maldives": (("Ahmed", "Aishath", "Mohamed", "Mariyam", "Ibrahim", "Fathimath", "Hussain", "Hawwa", "Ali",
                  "Aminath"),
                 ("Rasheed", "Naseem", "Shareef", "Waheed", "Didi", "Manik", "Hameed", "Zahir", "Latheef", "Saeed")),
    "arab": (("Khalid", "Fatima", "Abdullah", "Noura", "Omar", "Mariam", "Saeed", "Hessa", "Faisal", "Reem", "Yousef",
              "Latifa", "Sultan", "Amna"),
             ("Al Mansoori", "Al Nuaimi", "Al Harthy", "Al Balushi", "Al Qahtani", "Al Otaibi", "Al Kuwari", "Al Shamsi",
              "Al Ghamdi", "Al Zahrani", "Al Hinai", "Al Marri", "Al Dosari", "Al Rawahi")),
    "philippines": (("Maria", "Jose", "Ramon", "Cristina", "Mark", "Jennifer", "Rowena", "Arnel", "Marites", "Jerome"),
                    ("Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Villanueva", "Aquino", "Ramos")),
    "europe": (("James", "Sophie", "Thomas", "Claire", "Marco", "Elena", "Stefan", "Anna", "Hugh", "Kate", "Piet",
                "Sarah", "Ross", "Jess"),
               ("Walker", "Fischer", "Rossi", "Dubois", "Jansen", "Murphy", "Keller", "Novak", "Cunningham", "van Wyk",
                "Bristow", "Fletcher", "de Beer")),
    "kenya": (("James", "Grace", "Peter", "Mercy", "John", "Faith", "David", "Esther", "Daniel", "Caroline", "Samuel",
               "Lucy", "Wanjiru", "Kibet", "Akinyi", "Njeri"),
              ("Kamau", "Otieno", "Mwangi", "Ochieng", "Kiprono", "Njoroge", "Mutua", "Chebet", "Omondi", "Wambui",
               "Kariuki", "Achieng", "Kibet", "Nyaga", "Wafula", "Korir")),
    "tanzania": (("Baraka", "Neema", "Juma", "Rehema", "Emmanuel", "Upendo", "Joseph", "Zawadi", "Godfrey", "Halima"),
                 ("Mushi", "Massawe", "Mollel", "Swai", "Kimaro", "Lyimo", "Mrema", "Mwakyusa", "Salim", "Hassan")),
    "rwanda": (("Jean", "Aline", "Eric", "Claudine", "Patrick", "Diane", "Olivier", "Grace"),
               ("Uwimana", "Mugisha", "Niyonzima", "Habimana", "Mukamana", "Nshimiyimana", "Uwase", "Ishimwe")),
}


@dataclass(frozen=True, slots=True)
class _Staff:
    """What the calendar needs to know of a person: the role, the market and country where they work, the first day
    of their working week, whether they keep office days, a weekly day off or none ("office", "floor", "owner"),
    their country's (and state's) public holidays and the days on which a reply is nearly out of the question."""

    role: str
    market: str
    country: str
    start: int
    kind: str
    holidays: frozenset[dt.date]
    hard: frozenset[dt.date]


def _monsoon_holidays(country: str, subdiv: str | None, years: tuple[int, ...]) -> frozenset[dt.date]:
    """Every day in ``years`` that is a public holiday in ``country`` (and its ``subdiv``), whatever the weekday (a
    Sunday is a working day where the week starts on Sunday)."""
    return _holiday_dates(MONSOON_CODES[country], subdiv, years)


def _monsoon_ramadan(loc: dt.datetime) -> float:
    """Log-odds of a reply in the Gulf and the Maldives during Ramadan by the local moment: the working day starts late
    (-0.5 before 10:00) and ends early, people rest before the fast is broken and break it with their families (-0.9
    from 15:00 to 20:00), and they deal with their messages late in the evening (+0.7 from 20:00)."""
    day = loc.date()
    if not any(first <= day <= last for first, last in _RAMADAN):
        return 0.0
    h = loc.hour
    return -0.5 if h < 10 else 0.0 if h < 15 else -0.9 if h < 20 else 0.7


def monsoon(scale: float = 1.0, seed: int = 2121) -> PlantedWorld:
    """Kept aside for a final check. A vendor of hotel software (a property-management system, a channel manager, a
    restaurant point of sale, revenue management, a booking engine, guest messaging, housekeeping and maintenance, sales
    and catering) selling to hotel groups (21% of the 740 accounts at scale 1), independent hotels (37%), resorts and
    lodges (27%: beach and island resorts, safari camps and lodges) and serviced apartments (15%) in South Asia (India,
    39% of the accounts, in seven states: Delhi, Rajasthan, Maharashtra, Goa, Karnataka, Kerala and Tamil Nadu; Sri
    Lanka 6.5%, Nepal 4%, the Maldives 5%), the Gulf (the United Arab Emirates 12%, Saudi Arabia 10%, Qatar 3.5%, Oman
    4.5%) and East Africa (Kenya 7.5%, Tanzania 6%, Rwanda 2%), contacts in their own time zones: eleven of them, none
    with daylight saving time, from Kigali (UTC+2) to Kathmandu (UTC+5:45), India and Sri Lanka half an hour off the
    hour. About fourteen months of history, from Monday 6 January 2025 to Thursday 12 March 2026 (15:00 in India, 13:30
    in Dubai, 12:30 in Riyadh and Nairobi, 09:30 in London), in the middle of Ramadan; the ten days after the end hold
    its last week and Eid al-Fitr (19-22 March in the Emirates and Oman, 19-24 in Saudi Arabia, 20-22 in Qatar and the
    Maldives, the 20th in Kenya and Rwanda, the 21st in India, Sri Lanka and Nepal, 21-22 in Tanzania), and Ugadi or
    Gudi Padwa in Karnataka, Maharashtra and Goa and Cheti Chand in Rajasthan (19 March). Company names follow the
    country (Hotel Saffron Udaipur, Cinnamon Bay Hotels PLC, Marjan Hotel Apartments Al Barsha, Tusker Tented Camp
    Serengeti...), and so do people's names (the Gulf's hotels are run by its nationals and by Indian, Filipino and
    European staff, a third of East Africa's camp people come from abroad). A hotel group has a head office (one to
    three people) and one to four hotels (one or two people each), one in eight of them in another country of its market
    (an Indian group's resort in the Maldives, a Kenyan group's lodge in Tanzania), whose people keep that country's
    clock, week and holidays; another account is one property with one to four people. The titles (98 at scale 1, in the
    wordings of each market: AGM - Operations, Unit Head, DOSM, Manager - Front Office, Whole-time Director, Director &
    Promoter, Area Vice President, Camp Host...) each name one of nine roles: owners (only at accounts that are not
    groups), head-office executives, general managers (hotel, resort, residence, camp and lodge managers), revenue,
    sales, front office, food and beverage, finance and IT. Segments from the role and, for owners, executives and
    general managers, the market, fifteen of them: owners answer at 21:00 in South Asia, broadly from the afternoon rest
    into the evening in the Gulf (16:30, sd 3.0 h) and at 06:30 in East Africa; executives at 19:30 in South Asia, after
    the day's meetings, at 07:30 in the Gulf, before them, and broadly at 10:30 in East Africa (sd 3.0 h); general
    managers at 08:30 in South Asia, before the morning briefing, at 14:00 in the Gulf and at 13:30 in East Africa,
    between the morning and the afternoon game drives; front office managers at 07:00, before the morning's departures,
    food and beverage managers at 16:00, between lunch and dinner, revenue managers at 10:00, after the morning's
    pick-up report, IT at 12:00, finance broadly at 11:30 (sd 3.2 h) and sales broadly at 17:30 (sd 3.0 h), back from
    their client visits; the others narrow (sd 1.0-1.2 h). 28% of contacts peak 2-3 hours off their segment's (15% of
    front office and food and beverage people, 25% of general managers, revenue and IT people, 30% of owners in South
    Asia and East Africa and of executives in South Asia and the Gulf, 40% in the broad segments). Working weeks: an
    office works its country's week, from Sunday to Thursday in Saudi Arabia, Qatar, Oman and the Maldives, from Sunday
    to Friday in Nepal, from Monday to Friday in the Emirates, Sri Lanka and East Africa; India's hotels keep a six-day
    week (Sunday off) and the head offices of its groups also close on the second and fourth Saturdays of the month. The
    weekday effects are by the day of the contact's own week (revenue managers weak on its first day, the weekly revenue
    meeting, -0.35; executives in South Asia weak on it too, -0.3, and best on its fourth, +0.25; those in the Gulf best
    on its first day, +0.3, and weak on its last, -0.45; sales and finance weak on the last; owners in South Asia best
    on the week's day off, +0.35, those in the Gulf weak on the first day of the weekend, -0.5 (Friday, the day of
    prayers, where the week starts on Sunday), those in East Africa on Sunday, -0.4). Office people (revenue, sales,
    finance, IT, executives) do not answer on their weekend or their country's (and Indian state's) public holidays;
    general managers, front office and food and beverage people work every day but a weekly day off of their own (a
    fixed weekday, general managers' mostly in mid-week), and through the public holidays, answering a little less
    (-0.4); owners answer every day, a little less on public holidays (-0.6). On a day off a reply is unlikely (-1.2 on
    the log-odds) and the reply clock stops; on an office person's public holiday nearly out of the question (-3.5 in
    all). So owners' and hotel people's replies come at weekends too, an office person's never on a day off, and a Saudi
    office's on Sundays and never on Fridays. The calendar: in the Gulf and the Maldives during Ramadan (1-29 March
    2025, from 18 February 2026) the day starts late (-0.5 before 10:00), people rest and break the fast from
    mid-afternoon (-0.9 from 15:00 to 20:00) and deal with their messages late in the evening (+0.7 from 20:00); the
    Gulf's office people answer less in July and August, on home leave (-0.45), India's in Diwali week (18-23 October
    2025, -0.7), and hotel people in South Asia and the Gulf in the festive season (20 December to 3 January, -0.5, the
    hotels full); three in five of Kenya's and Tanzania's resorts, camps and lodges close in the long rains, from early
    April to late May or mid-June 2025, when their general managers, front office and food and beverage people are away
    (-3.5, the reply clock stopped) and an e-mail brings an automatic reply naming the day back. Reps in four offices,
    each with a habitual hour on their own clock and 20-25% of their touches at another hour (07-21): account executives
    in Bengaluru for India's north and Nepal (10:30), west (Maharashtra and Goa, 18:30, at the end of the day) and south
    with Sri Lanka and the Maldives (09:30), keeping a quarter to a third of their weekend days, in Dubai for the
    Emirates, Qatar and Oman (09:00) and for Saudi Arabia (16:30, 15:30 in Riyadh), and in Nairobi for Kenya and Rwanda
    (08:00) and Tanzania (15:00), one account in ten owned by any of them; customer success managers in Bengaluru
    (15:00), Dubai (11:00) and Nairobi (10:30), one for each market; sales development reps in Bengaluru, one for South
    Asia (10:00) and one for the Gulf and East Africa (11:00, 08:30 in Riyadh and Nairobi, 07:30 in Kigali);
    implementation consultants in Bengaluru, one for South Asia (09:30) and one for the Gulf and East Africa (17:00,
    14:30 in Riyadh and Nairobi); and revenue-management specialists in London (09:00 for the Gulf and East Africa,
    14:30 for South Asia: 20:00 in India in the winter and 19:00 in the summer, when London keeps summer time). Every
    rep but the Bengaluru account executives works their office's working days only, Monday to Friday: Dubai's write to
    Saudi Arabia, Qatar and Oman on Fridays, their weekend, and never on Sundays. So 54% of the touches come from a rep
    in another time zone than the contact, Bengaluru's 60%, Dubai's 22%, Nairobi's 10% and London's 8%; each segment's
    four busiest hours of the contact's clock hold 51-70% of its touches; 1.3% of the touches land before 07:00 and 6%
    from 19:00, and the late segments are seldom touched near their peak (12% of the South Asian owners' touches within
    1.5 hours of the contact's own peak, 17% of the South Asian executives', 15% of sales people's); of the touches to
    the countries whose week starts on Sunday 16% land on a Friday and 0.5% on a Sunday; 12% of all touches land on a
    contact's day off (17% of those to hotel people). About half the accounts are customers (65% of the groups, 35-45%
    of the others), with one to four people (up to eleven at a group), about 9% of them never touched; the others are
    prospects with one to three people, 30% of them never touched. A customer's success manager keeps in touch with one
    or two of its owners, executives, general managers and revenue managers every two to five weeks, waiting out a
    camp's closure; before each anniversary of the contract the account executive works the renewal of the subscription
    (from 30-60 days before to 0-10 days after, with one or two owners, executives, finance people or general managers);
    add-ons of one to three months follow one another (each time seven times in ten, one to six months apart) with one
    or two of its general managers, front office, food and beverage, sales and IT people and, once won, an
    implementation consultant takes one or two of them live, touching them every one and a half to three and a half days
    for one to three months; the success manager writes to seven in ten of the people in none of these every month or
    two; two customers in five get a revenue-management deal of one to four months with the London specialist alongside,
    with their revenue managers and a general manager, owner or executive. Prospects get a sales development rep's
    sequences (two in three of their people: three to six steps two to four days apart, again eight to twenty weeks
    later); in half of the prospects the account executive keeps in touch with an owner, executive or general manager
    every three to seven weeks, and 45% open a deal with the account executive (one to four months, the specialist
    joining one in four, and an implementation when won); people met at the Arabian Travel Market in Dubai (28 April to
    1 May 2025) get an e-mail from the account executive in the week after, and a touched person in none of these a
    single e-mail. So the account executives make 39% of the touches, the customer success managers 27%, the
    implementation consultants 17%, the sales development reps 9% and the specialists 8%; 11% of the touched contacts
    are in two deals at once for a while; a touched contact gets 12 touches at the median (1 at the 10th percentile, 41
    at the 90th, up to about 130), 29% of them six or fewer and 16% a single one. A touch the same day as the last does
    badly (-0.7, -0.45 from half a day), the next day a little (-0.1), a week after it is best (+0.3, +0.2 at three days
    and at two weeks) and long silences cost (-0.5 from five months); fatigue counts five days (-0.1 for one touch in
    them, on down to -1.0 from five); each unanswered touch in a row costs more (-0.15 for one, on down to -0.8 from
    six); a reply in the last four days helps (+0.5, gone after ten); a person never touched answers less (-0.4); calls
    do better than e-mails (+0.3), meetings best (+0.85); replies take a while (about nine and a half waking hours on
    average). About 67% of the touches are e-mails, 24% calls and 10% meetings. About 29,000 touches at scale 1, about
    1,930 contacts, about 17% of them never touched."""
    night = -1.0
    staff: dict[str, _Staff] = {}  # by e-mail

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        s = staff[c.email]
        day = loc.date()
        z = MONSOON_WEEKDAYS[c.segment.key][(loc.weekday() - s.start) % 7]
        if day in s.hard:
            z += MONSOON_HOLIDAY
        elif s.kind != "office" and day in s.holidays:  # a hotel never closes: its people work its public holidays
            z += -0.6 if s.kind == "owner" else -0.4
        if s.market == "gulf" or s.country == "Maldives":
            z += _monsoon_ramadan(loc)
        if s.kind == "office":
            if s.market == "gulf" and loc.month in (7, 8):  # the summer, when the expatriates take their home leave
                z -= 0.45
            elif s.country == "India" and MONSOON_DIWALI[0] <= day <= MONSOON_DIWALI[1]:
                z -= 0.7
        elif s.kind == "floor" and s.market != "east africa" and ((loc.month == 12 and loc.day >= 20)
                                                                 or (loc.month == 1 and loc.day <= 3)):
            z -= 0.5  # the festive season, the hotels full
        return z

    fx = Effects(
        base=-1.15,
        gap=_pl((0.0, -0.7), (0.5, -0.45), (1.0, -0.1), (3.0, 0.2), (7.0, 0.3), (14.0, 0.2), (40.0, 0.0),
                (150.0, -0.5)),
        cold=-0.4,
        fatigue_days=5.0,
        fatigue=(0.0, -0.1, -0.3, -0.55, -0.8, -1.0),
        streak=(0.0, -0.15, -0.3, -0.45, -0.6, -0.7, -0.8),
        recent=_pl((0.0, 0.5), (4.0, 0.5), (10.0, 0.0)),
        night=night,
        channel=(0.0, 0.3, 0.85),
        delay=Delay(((0.45, 1.5), (0.35, 8.0), (0.2, 30.0)), floor=0.15),
        responsiveness_sd=0.55,
        holiday=MONSOON_OFF,
        calendar=calendar,
    )
    w = PlantedWorld("monsoon", _doc(monsoon), fx, dt.datetime(2026, 3, 12, 9, 30, tzinfo=UTC), seed)
    w.history_days = 430.0
    years = (2024, 2025, 2026)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    end = w.end_ts
    begin = end - 430 * DAY
    first_day = (w.end - dt.timedelta(days=440)).date()
    last_day = (w.end + dt.timedelta(days=40)).date()
    calendar_days = [first_day + dt.timedelta(days=k) for k in range((last_day - first_day).days + 1)]
    bengaluru, dubai, nairobi, london = "Asia/Kolkata", "Asia/Dubai", "Africa/Nairobi", "Europe/London"
    # each office's reps work its working days, not its public holidays; the account executives in Bengaluru keep some
    # of their weekend days and take no office holidays
    ka = _holiday_dates("IN", "KA", years, weekdays=True)
    uae = _holiday_dates("AE", None, years, weekdays=True)
    ke = _holiday_dates("KE", None, years, weekdays=True)
    eng = _public_holidays("United Kingdom", "Europe/London", years)
    # account executives, by territory
    rohan = b.rep("Rohan Malhotra", bengaluru, 10.5, 6.0, hour_sd=0.7, p_random=0.22, weekend=0.3)
    sneha = b.rep("Sneha Kulkarni", bengaluru, 18.5, 5.0, hour_sd=0.8, p_random=0.25, weekend=0.35)
    arvind = b.rep("Arvind Nair", bengaluru, 9.5, 6.0, hour_sd=0.6, p_random=0.2, weekend=0.25)
    ritu = b.rep("Ritu Sharma", dubai, 9.0, 6.0, hour_sd=0.6, p_random=0.22, off=uae)
    omar = b.rep("Omar Haddad", dubai, 16.5, 5.0, hour_sd=0.7, p_random=0.22, off=uae)
    wanjiru = b.rep("Wanjiru Kamau", nairobi, 8.0, 6.0, hour_sd=0.6, p_random=0.22, off=ke)
    baraka = b.rep("Baraka Mushi", nairobi, 15.0, 6.0, hour_sd=0.7, p_random=0.22, off=ke)
    # customer success managers, sales development reps, implementation consultants and revenue-management specialists
    lakshmi = b.rep("Lakshmi Iyer", bengaluru, 15.0, 7.0, hour_sd=0.6, p_random=0.2, off=ka)
    nadia = b.rep("Nadia Karim", dubai, 11.0, 7.0, hour_sd=0.6, p_random=0.2, off=uae)
    achieng = b.rep("Achieng Odhiambo", nairobi, 10.5, 7.0, hour_sd=0.6, p_random=0.2, off=ke)
    divya = b.rep("Divya Raman", bengaluru, 10.0, 3.0, hour_sd=0.5, p_random=0.2, off=ka)
    imran = b.rep("Imran Sheikh", bengaluru, 11.0, 3.0, hour_sd=0.5, p_random=0.2, off=ka)
    karthik = b.rep("Karthik Reddy", bengaluru, 9.5, 2.5, hour_sd=0.8, p_random=0.25, off=ka)
    pooja = b.rep("Pooja Bhat", bengaluru, 17.0, 2.5, hour_sd=0.8, p_random=0.25, off=ka)
    harriet = b.rep("Harriet Cole", london, 9.0, 7.0, hour_sd=0.7, p_random=0.22, off=eng)
    tom = b.rep("Tom Ashworth", london, 14.5, 7.0, hour_sd=0.7, p_random=0.22, off=eng)
    every_ae = [rohan, sneha, arvind, ritu, omar, wanjiru, baraka]

    def territory(country: str, region: str) -> int:
        if country == "India":
            return rohan if region in ("Delhi", "Rajasthan") else sneha if region in ("Maharashtra", "Goa") else arvind
        return {"Nepal": rohan, "Sri Lanka": arvind, "Maldives": arvind, "United Arab Emirates": ritu, "Qatar": ritu,
                "Oman": ritu, "Saudi Arabia": omar, "Kenya": wanjiru, "Rwanda": wanjiru, "Tanzania": baraka}[country]

    by_market = {"south asia": (lakshmi, divya, karthik, tom), "gulf": (nadia, imran, pooja, harriet),
                 "east africa": (achieng, imran, pooja, harriet)}
    # role/market: peak, sd, amp, share of contacts whose own peak is 2-3 hours off
    table: dict[str, tuple[float, float, float, float]] = {
        "owner/south asia": (21.0, 1.2, 1.5, 0.3),
        "owner/gulf": (16.5, 3.0, 1.0, 0.4),
        "owner/east africa": (6.5, 1.0, 1.5, 0.3),
        "corporate/south asia": (19.5, 1.1, 1.45, 0.3),
        "corporate/gulf": (7.5, 1.0, 1.5, 0.3),
        "corporate/east africa": (10.5, 3.0, 1.0, 0.4),
        "gm/south asia": (8.5, 1.0, 1.5, 0.25),
        "gm/gulf": (14.0, 1.1, 1.45, 0.25),
        "gm/east africa": (13.5, 1.0, 1.5, 0.25),
        "revenue": (10.0, 1.1, 1.45, 0.25),
        "sales": (17.5, 3.0, 1.0, 0.4),
        "front office": (7.0, 1.0, 1.45, 0.15),
        "fnb": (16.0, 1.0, 1.4, 0.15),
        "finance": (11.5, 3.2, 1.0, 0.4),
        "it": (12.0, 1.2, 1.4, 0.25),
    }
    flat = (0.0,) * 7  # the weekdays come from the calendar, by the day of each contact's own working week
    segments = {k: Segment(k, p, sd, a, flat, True) for k, (p, sd, a, _) in table.items()}
    countries = {"India": 0.36, "Sri Lanka": 0.06, "Nepal": 0.04, "Maldives": 0.05, "United Arab Emirates": 0.13,
                 "Saudi Arabia": 0.11, "Qatar": 0.04, "Oman": 0.04, "Kenya": 0.09, "Tanzania": 0.06, "Rwanda": 0.02}
    sector_shares = {"south asia": {"hotel groups": 0.2, "independent hotels": 0.45, "resorts and lodges": 0.25,
                                    "serviced apartments": 0.1},
                     "gulf": {"hotel groups": 0.3, "independent hotels": 0.25, "resorts and lodges": 0.15,
                              "serviced apartments": 0.3},
                     "east africa": {"hotel groups": 0.15, "independent hotels": 0.3, "resorts and lodges": 0.5,
                                     "serviced apartments": 0.05}}
    sizes = {"hotel groups": (300, 15000), "independent hotels": (15, 250), "resorts and lodges": (25, 900),
             "serviced apartments": (10, 200)}
    customer_share = {"hotel groups": 0.65, "independent hotels": 0.4, "resorts and lodges": 0.45,
                      "serviced apartments": 0.35}
    floor_day_off = {"gm": (0.1, 0.25, 0.25, 0.2, 0.1, 0.05, 0.05), "front office": (0.15, 0.18, 0.18, 0.15, 0.12, 0.1, 0.12),
                     "fnb": (0.15, 0.18, 0.18, 0.15, 0.12, 0.1, 0.12)}
    weeks: dict[tuple[str, str | None, bool], frozenset[dt.date]] = {}
    days_off: dict[int, frozenset[dt.date]] = {}
    taken: set[str] = set()

    def office_off(country: str, subdiv: str | None, head_office: bool) -> frozenset[dt.date]:
        """The days an office person does not work: their country's weekend and public holidays."""
        key = (country, subdiv, head_office)
        if key not in weeks:
            _, weekend = MONSOON_WEEK[country]
            days = {d for d in calendar_days if d.weekday() in weekend}
            if country == "India" and head_office:  # the second and fourth Saturdays of the month
                days |= {d for d in calendar_days if d.weekday() == 5 and (d.day - 1) // 7 in (1, 3)}
            weeks[key] = frozenset(days) | _monsoon_holidays(country, subdiv, years)
        return weeks[key]

    def weekly(day_off: int) -> frozenset[dt.date]:
        if day_off not in days_off:
            days_off[day_off] = frozenset(d for d in calendar_days if d.weekday() == day_off)
        return days_off[day_off]

    def company(sector: str, country: str, region: str) -> tuple[str, str]:
        style = _MONSOON_STYLE[country]
        for k in range(1000):
            stem, place = rng.choice(_MONSOON_STEMS[style]), rng.choice(_MONSOON_PLACES[region])
            if k >= 50:
                stem = f"{stem} {rng.choice(_MONSOON_STEMS[style])}"
            text = rng.choice(_MONSOON_NAMES[(sector, style)]).format(s=stem, p=place)
            if text not in taken:
                taken.add(text)
                base = text
                for form in (" Pvt. Ltd.", " Pvt Ltd", " (Pvt) Ltd", " PLC", " Ltd.", " Ltd", " LLC", " Company",
                             " Group"):
                    base = base.removesuffix(form)
                return text, base
        raise RuntimeError("no company name left")

    def origin(country: str, role: str, camp: bool) -> str:
        style = _MONSOON_STYLE[country]
        if style == "gulf":
            national = 0.8 if role in ("owner", "corporate") else 0.3
            return _weighted(rng, {"arab": national, "india": (1 - national) * 0.5, "philippines": (1 - national) * 0.25,
                                   "europe": (1 - national) * 0.25})
        if style == "africa":
            if camp and role in MONSOON_FLOOR and rng.random() < 0.35:
                return "europe"
            return {"Kenya": "kenya", "Tanzania": "tanzania", "Rwanda": "rwanda"}[country]
        if style == "maldives" and role in MONSOON_FLOOR and rng.random() < 0.4:
            return rng.choice(("india", "lanka", "europe"))
        return style

    def person(ai: int, role: str, country: str, region: str, owner: int, domain: str, head_office: bool,
               camp: bool) -> _Contact:
        a = w.accounts[ai]
        zone, subdiv, _ = MONSOON_REGIONS[country][region]
        market = MONSOON_MARKET[country]
        key = f"{role}/{market}" if role in MONSOON_SPLIT else role
        if role in MONSOON_SPLIT:
            titles = list(_MONSOON_TITLES[(role, market)])
        else:
            titles = list(_MONSOON_TITLES[(role, "head office" if head_office else "hotel")])
        if not head_office:
            titles += _MONSOON_TITLES.get((role, a.sector), ())
            if camp:
                titles += _MONSOON_TITLES.get((role, "camp"), ()) * 3
        c = b.contact(ai, zone, segments[key], owner, table[key][3], title=rng.choice(titles))
        firsts, lasts = _MONSOON_PEOPLE[origin(country, role, camp)]
        first, last = rng.choice(firsts), rng.choice(lasts)
        _rename(w, c, first, last, domain)
        days = _monsoon_holidays(country, subdiv, years)
        start = MONSOON_WEEK[country][0]
        if role == "owner":
            kind, hard = "owner", frozenset()
        elif role in MONSOON_FLOOR:
            kind, hard = "floor", frozenset()
            c.off = weekly((start + _pick(list(floor_day_off[role]), rng)) % 7)
        else:
            kind = "office"
            c.off = office_off(country, subdiv, head_office)
            hard = days
        staff[c.email] = _Staff(role, market, country, start, kind, days, hard)
        return c

    for _ in range(_count(scale, 740, 10)):
        country = _weighted(rng, countries)
        market = MONSOON_MARKET[country]
        sector = _weighted(rng, sector_shares[market])
        lo, hi = sizes[sector]
        employees = int(math.exp(rng.uniform(math.log(lo), math.log(hi))))
        region = _weighted(rng, {r: v[2] for r, v in MONSOON_REGIONS[country].items()})
        home = territory(country, region)
        owner = home if rng.random() < 0.9 else rng.choice(every_ae)
        csm, sdr, consultant, specialist = by_market[market]
        ai = b.account("hospitality", country, employees, owner)
        acc = w.accounts[ai]
        acc.name, base = company(sector, country, region)
        acc.sector, acc.parent = sector, ""
        domain = _domain(base)
        camp = sector == "resorts and lodges" and country in ("Kenya", "Tanzania") and rng.random() < 0.6
        customer = rng.random() < customer_share[sector]
        arrival = begin if rng.random() < 0.65 else begin + rng.uniform(0.0, 400.0) * DAY
        # the people: a group's head office and hotels (one in eight in another country of the market), or one property
        plan: list[tuple[str, str, str, bool]] = []  # role, country, region, at the head office
        if sector == "hotel groups":
            for _k in range(rng.choice((1, 1, 2, 2, 3))):
                plan.append((_weighted(rng, _MONSOON_ROLES["head office"]), country, region, True))
            for _k in range(rng.randint(1, 4) if customer else rng.randint(1, 2)):
                where = country
                if rng.random() < 0.12:
                    where = rng.choice([k for k, m in MONSOON_MARKET.items() if m == market and k != country])
                site = _weighted(rng, {r: v[2] for r, v in MONSOON_REGIONS[where].items()})
                for _j in range(rng.choice((1, 1, 2))):
                    plan.append((_weighted(rng, _MONSOON_ROLES[sector]), where, site, False))
        else:
            n = (rng.randint(2, 4) if employees >= 150 else rng.randint(1, 3)) if customer else rng.choice((1, 1, 2, 2, 3))
            for _k in range(n):
                plan.append((_weighted(rng, _MONSOON_ROLES[sector]), country, region, False))
        people: list[_Contact] = []
        closed: tuple[tuple[dt.date, dt.date], ...] = ()
        if camp:  # a safari camp closes in the long rains, its people away
            closed = ((dt.date(2025, 4, 1) + dt.timedelta(days=rng.randint(0, 13)),
                       dt.date(2025, 5, 25) + dt.timedelta(days=rng.randint(0, 20))),)
        for k, (role, where, site, head_office) in enumerate(plan):
            c = person(ai, role, where, site, owner, domain, head_office, camp)
            if closed and role in MONSOON_FLOOR:
                s = staff[c.email]
                c.away = closed
                away = _days_away(closed)
                c.off = c.off | away
                staff[c.email] = _Staff(s.role, s.market, s.country, s.start, s.kind, s.holidays, away)
            if (k > 0 or not customer) and b.cold(0.12 if customer else 0.3):
                continue  # never touched (never a customer's first person)
            people.append(c)
            c.inbound = rng.randint(0, 2) if customer else (1 if rng.random() < 0.08 else 0)
        if not people:
            continue
        role_of = {c.email: staff[c.email].role for c in people}
        if customer:
            # the customer success manager keeps in touch with one or two people, waiting out a camp's closure
            keys = [c for c in people if role_of[c.email] in ("owner", "corporate", "gm", "revenue")] or people[:1]
            for c in rng.sample(keys, min(len(keys), rng.choice((1, 1, 2)))):
                c.threads.append(_AwayAware(csm, c.tz, c.away, arrival + rng.uniform(0.0, 30.0) * DAY, end,
                                            rng.uniform(14.0, 35.0), 0.4, mix=(0.6, 0.88), react=0.3))
            # the renewal of the subscription before each anniversary of the contract
            anniversary = begin + rng.uniform(0.0, 365.0) * DAY
            product = rng.choice(_MONSOON_SUBSCRIPTIONS)
            buyers = [c for c in people if role_of[c.email] in ("owner", "corporate", "finance", "gm")] or people
            while anniversary - 30 * DAY < end:
                t0 = max(anniversary - rng.uniform(30.0, 60.0) * DAY, arrival)
                t1 = anniversary + rng.uniform(0.0, 10.0) * DAY
                if t1 > begin + 20 * DAY and t0 < min(t1, end - 3 * DAY):
                    di = b.deal(owner, ai, t0, t1)
                    w.deals[di].product, w.deals[di].won = product, rng.random() < 0.9
                    for c in rng.sample(buyers, min(len(buyers), rng.choice((1, 1, 2)))):
                        c.threads.append(_Cadence(owner, t0, min(t1, end), w.reps[owner].gap * rng.uniform(0.8, 1.2),
                                                  0.45, deal=di, mix=(0.7, 0.92), react=0.4))
                anniversary += 365 * DAY
            # add-ons by the account executive, each going live with an implementation consultant when won; alongside,
            # a revenue-management deal with the specialist for a third of the customers
            t = arrival + rng.uniform(10.0, 150.0) * DAY
            while t < end - 10 * DAY and rng.random() < 0.7:
                dur = rng.uniform(30.0, 90.0) * DAY
                di = b.deal(owner, ai, t, t + dur)
                w.deals[di].product = rng.choice(_MONSOON_ADD_ONS)
                users = [c for c in people if role_of[c.email] in ("gm", "front office", "fnb", "sales", "it")] or people
                for c in rng.sample(users, min(len(users), rng.choice((1, 1, 2)))):
                    c.threads.append(_Cadence(owner, t, min(t + dur, end), w.reps[owner].gap * rng.uniform(0.8, 1.25),
                                              0.45, deal=di, mix=(0.68, 0.9), react=0.4))
                if w.deals[di].won and t + dur < end - 5 * DAY:
                    go = t + dur + rng.uniform(3.0, 15.0) * DAY
                    for c in rng.sample(users, min(len(users), rng.choice((1, 2)))):
                        c.threads.append(_Cadence(consultant, go, min(go + rng.uniform(28.0, 90.0) * DAY, end),
                                                  rng.uniform(1.5, 3.5), 0.5, deal=di, mix=(0.55, 0.85), react=0.3))
                t += dur + rng.uniform(30.0, 180.0) * DAY
            for c in people:  # the others hear from the customer success manager now and then
                if not c.threads and rng.random() < 0.7:
                    c.threads.append(_AwayAware(csm, c.tz, c.away, arrival + rng.uniform(0.0, 60.0) * DAY, end,
                                                rng.uniform(30.0, 60.0), 0.4, mix=(0.75, 0.95), react=0.3))
            if rng.random() < 0.45:
                t = arrival + rng.uniform(20.0, 380.0) * DAY
                if t < end - 10 * DAY:
                    dur = rng.uniform(30.0, 120.0) * DAY
                    di = b.deal(specialist, ai, t, t + dur)
                    w.deals[di].product = "Revenue Management"
                    revenue = [c for c in people if role_of[c.email] == "revenue"]
                    others = [c for c in people if role_of[c.email] in ("gm", "owner", "corporate")]
                    chosen = revenue[:2] + rng.sample(others, min(len(others), 1 if revenue else 2))
                    for c in chosen or people[:1]:
                        c.threads.append(_Cadence(specialist, t, min(t + dur, end),
                                                  w.reps[specialist].gap * rng.uniform(0.8, 1.25), 0.45, deal=di,
                                                  mix=(0.7, 0.85), react=0.35))
        else:
            b.sequences(people, sdr, arrival, 0.65, 300.0, (55.0, 140.0), (0.8, 1.0))
            # the account executive keeps in touch with the one who decides, every three to seven weeks
            deciders = [c for c in people if role_of[c.email] in ("owner", "corporate", "gm")]
            if deciders and rng.random() < 0.5:
                c = rng.choice(deciders)
                c.threads.append(_Cadence(owner, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(21.0, 49.0),
                                          0.5, mix=(0.7, 0.95), react=0.35))
            if rng.random() < 0.45:  # a new customer in the making
                t = arrival + rng.uniform(20.0, 380.0) * DAY
                if t < end - 10 * DAY:
                    dur = rng.uniform(30.0, 120.0) * DAY
                    di = b.deal(owner, ai, t, t + dur)
                    w.deals[di].product = rng.choice(_MONSOON_SUBSCRIPTIONS)
                    chosen = rng.sample(people, min(len(people), rng.choice((1, 1, 2, 3))))
                    for c in chosen:
                        c.threads.append(_Cadence(owner, t, min(t + dur, end), w.reps[owner].gap * rng.uniform(0.8, 1.2),
                                                  0.45, deal=di, mix=(0.68, 0.9), react=0.4))
                    if rng.random() < 0.25:  # the revenue-management specialist joins
                        t2 = t + rng.uniform(0.2, 0.5) * dur
                        if t2 < end - 5 * DAY:
                            d2 = b.deal(specialist, ai, t2, t + dur)
                            w.deals[d2].product = "Revenue Management"
                            chosen[0].threads.append(_Cadence(specialist, t2, min(t + dur, end), w.reps[specialist].gap,
                                                              0.45, deal=d2, mix=(0.7, 0.85), react=0.35))
                    if w.deals[di].won and t + dur < end - 5 * DAY:
                        go = t + dur + rng.uniform(5.0, 20.0) * DAY
                        for c in chosen[:2]:
                            c.threads.append(_Cadence(consultant, go, min(go + rng.uniform(28.0, 80.0) * DAY, end),
                                                      rng.uniform(1.5, 3.5), 0.5, deal=di, mix=(0.55, 0.85), react=0.3))
        for c in people:
            # people met at the Arabian Travel Market get an e-mail from the account executive in the week after it
            if rng.random() < (0.15 if market == "gulf" else 0.05) and arrival < _clock(MONSOON_ATM, 0, UTC):
                c.threads.append(_Once(owner, w.place(owner, _clock(MONSOON_ATM, 12 * 3600, w.reps[owner].tz)
                                                      + rng.uniform(0.0, 4.0) * DAY, rng)))
            if not c.threads:
                c.threads.append(_Once(sdr, w.place(sdr, rng.uniform(arrival, end - DAY), rng)))
    w.simulate()
    w.auto_replies()
    return w


BAZAAR_ZONES = {"Poland": "Europe/Warsaw", "Czechia": "Europe/Prague", "Lithuania": "Europe/Vilnius",
                "Romania": "Europe/Bucharest", "Bulgaria": "Europe/Sofia", "Greece": "Europe/Athens",
                "Turkey": "Europe/Istanbul"}
BAZAAR_CODES = {"Poland": "PL", "Czechia": "CZ", "Lithuania": "LT", "Romania": "RO", "Bulgaria": "BG", "Greece": "GR",
                "Turkey": "TR"}
BAZAAR_MARKET = {"Poland": "central", "Czechia": "central", "Lithuania": "central", "Romania": "south",
                 "Bulgaria": "south", "Greece": "south", "Turkey": "turkey"}
BAZAAR_SECTORS = ("grocery", "drugstores", "fashion", "home and diy", "convenience")
BAZAAR_EARLY = ("grocery", "drugstores", "convenience")  # their stores open early: the managers answer before opening
BAZAAR_STORE = ("store", "area")  # the roles that work the stores' days (every day but when the shops are shut)
BAZAAR_FRANCHISE = ("Poland", "Czechia", "Lithuania")  # where the convenience chains' shops are run by franchisees
BAZAAR_PRODUCTS = ("Electronic Shelf Labels", "Store Analytics", "Replenishment", "Task Management", "Self-Checkout",
                   "Loss Prevention", "Franchisee App")
_BAZAAR_ANALYTICS = ("Store Analytics", "Replenishment")  # what the product specialists sell
_BAZAAR_ROLLOUTS = ("Electronic Shelf Labels", "Task Management", "Self-Checkout", "Loss Prevention")
BAZAAR_OFF = -1.3  # a touch on one of the contact's days off (a public holiday, a Sunday the shops are shut)
BAZAAR_HOLIDAY = -2.2  # on top of it on a public holiday of a head-office person
BAZAAR_EUROSHOP = dt.date(2026, 3, 2)  # the Monday after EuroShop in Düsseldorf (22-26 February 2026)
# The Sundays on which Poland's shops may open (every other Sunday they are shut by law, as on public holidays).
BAZAAR_TRADING_SUNDAYS = frozenset({dt.date(2025, 1, 26), dt.date(2025, 4, 13), dt.date(2025, 4, 27),
                                    dt.date(2025, 6, 29), dt.date(2025, 8, 31), dt.date(2025, 12, 7),
                                    dt.date(2025, 12, 14), dt.date(2025, 12, 21), dt.date(2026, 1, 25),
                                    dt.date(2026, 3, 29), dt.date(2026, 4, 26)})
BAZAAR_KURBAN = (dt.date(2025, 6, 2), dt.date(2025, 6, 13))  # the Feast of the Sacrifice's week and the bridge days
# role (or role/market, store/early or mall): peak, sd, amp, share of contacts peaking 2-3 hours off, weekdays
# (Monday..Sunday), whether the reply clock runs every day
BAZAAR_SEGMENTS: dict[str, tuple[float, float, float, float, tuple[float, ...], bool]] = {
    "store/early": (6.5, 1.0, 1.5, 0.15, (0.1, 0.15, 0.1, 0.05, -0.2, -0.55, -0.3), True),
    "store/mall": (20.0, 1.1, 1.45, 0.2, (0.2, 0.1, 0.1, 0.0, -0.3, -0.7, 0.1), True),
    "franchisee": (21.0, 1.2, 1.4, 0.3, (-0.1, 0.0, 0.0, 0.0, -0.15, 0.1, 0.4), True),
    "area": (13.0, 3.2, 1.0, 0.4, (-0.4, 0.15, 0.2, 0.15, 0.0, -0.3, -1.2), True),
    "category": (10.0, 1.1, 1.45, 0.25, (-0.35, 0.1, 0.2, 0.15, -0.25, -1.2, -1.3), False),
    "it": (15.0, 1.2, 1.4, 0.25, (0.05, 0.15, 0.15, 0.05, -0.4, -1.2, -1.3), False),
    "finance": (9.0, 1.0, 1.5, 0.2, (0.2, 0.1, 0.0, 0.0, -0.2, -1.2, -1.3), False),
    "operations": (16.5, 3.0, 1.0, 0.4, (0.0, 0.1, 0.1, 0.1, -0.1, -1.0, -1.3), False),
    "executive/central": (7.5, 1.0, 1.5, 0.3, (0.3, 0.1, 0.0, -0.05, -0.3, -1.1, -1.2), False),
    "executive/turkey": (19.5, 1.2, 1.45, 0.3, (0.0, 0.1, 0.1, 0.05, -0.2, -0.5, -1.1), False),
    "executive/south": (11.0, 3.0, 1.0, 0.4, (-0.1, 0.1, 0.15, 0.1, -0.35, -1.2, -1.3), False),
}
# Titles by role and by the language of the country (en: English, used everywhere next to the local wording).
_BAZAAR_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("store", "en"): ("Store Manager", "Store Director", "Hypermarket Manager", "Deputy Store Manager"),
    ("store", "pl"): ("Kierownik Sklepu", "Kierowniczka Sklepu", "Zastępca Kierownika Sklepu", "Dyrektor Hipermarketu"),
    ("store", "cs"): ("Vedoucí prodejny", "Vedoucí filiálky", "Zástupce vedoucího prodejny"),
    ("store", "lt"): ("Parduotuvės vadovas", "Parduotuvės vadovė"),
    ("store", "ro"): ("Director Magazin", "Manager Magazin", "Șef Magazin"),
    ("store", "bg"): ("Управител на магазин", "Мениджър магазин"),
    ("store", "el"): ("Διευθυντής Καταστήματος", "Υπεύθυνος Καταστήματος"),
    ("store", "tr"): ("Mağaza Müdürü", "Mağaza Müdür Yardımcısı", "Mağaza Sorumlusu"),
    ("franchisee", "en"): ("Franchisee", "Franchise Partner", "Store Owner"),
    ("franchisee", "pl"): ("Franczyzobiorca", "Partner Franczyzowy", "Właściciel sklepu"),
    ("franchisee", "cs"): ("Franšízant", "Majitel prodejny"),
    ("franchisee", "lt"): ("Franšizės partneris",),
    ("area", "en"): ("Area Manager", "Regional Manager", "District Manager", "Regional Operations Manager"),
    ("area", "pl"): ("Kierownik Regionu", "Dyrektor Regionalny", "Kierownik Rejonu"),
    ("area", "cs"): ("Oblastní manažer", "Regionální ředitel"),
    ("area", "lt"): ("Regiono vadovas",),
    ("area", "ro"): ("Manager Zonal", "Director Regional"),
    ("area", "bg"): ("Регионален мениджър",),
    ("area", "el"): ("Περιφερειακός Διευθυντής",),
    ("area", "tr"): ("Bölge Müdürü", "Bölge Satış Müdürü"),
    ("category", "en"): ("Category Manager", "Head of Buying", "Senior Buyer", "Category Director", "Trade Marketing Manager"),
    ("category", "pl"): ("Kierownik Kategorii", "Kupiec", "Dyrektor Zakupów"),
    ("category", "cs"): ("Category manažer", "Nákupčí", "Ředitel nákupu"),
    ("category", "lt"): ("Kategorijos vadovas", "Pirkimų vadovas"),
    ("category", "ro"): ("Manager de Categorie", "Director Achiziții"),
    ("category", "bg"): ("Категориен мениджър",),
    ("category", "el"): ("Category Manager Αγορών", "Διευθυντής Αγορών"),
    ("category", "tr"): ("Kategori Müdürü", "Satın Alma Müdürü", "Kategori Uzmanı"),
    ("it", "en"): ("IT Director", "Head of IT", "CIO", "IT Manager", "Head of Retail Systems", "Store Systems Manager"),
    ("it", "pl"): ("Dyrektor IT", "Kierownik Działu IT"),
    ("it", "cs"): ("Ředitel IT", "Vedoucí IT"),
    ("it", "lt"): ("IT direktorius",),
    ("it", "ro"): ("Director IT", "Manager IT"),
    ("it", "bg"): ("ИТ директор",),
    ("it", "el"): ("Διευθυντής Πληροφορικής",),
    ("it", "tr"): ("Bilgi Teknolojileri Direktörü", "BT Müdürü", "Bilgi İşlem Müdürü"),
    ("finance", "en"): ("CFO", "Finance Director", "Financial Controller", "Procurement Manager"),
    ("finance", "pl"): ("Dyrektor Finansowy", "Główna Księgowa", "Kontroler Finansowy"),
    ("finance", "cs"): ("Finanční ředitel", "Controller"),
    ("finance", "lt"): ("Finansų direktorius",),
    ("finance", "ro"): ("Director Financiar", "Contabil Șef"),
    ("finance", "bg"): ("Финансов директор",),
    ("finance", "el"): ("Οικονομικός Διευθυντής",),
    ("finance", "tr"): ("Mali İşler Direktörü", "Finans Müdürü", "Satın Alma Direktörü"),
    ("operations", "en"): ("Operations Director", "Head of Store Operations", "Loss Prevention Manager",
                           "Supply Chain Director", "Head of Retail Excellence"),
    ("operations", "pl"): ("Dyrektor Operacyjny", "Dyrektor Sprzedaży Detalicznej", "Kierownik ds. Strat"),
    ("operations", "cs"): ("Provozní ředitel", "Ředitel maloobchodu"),
    ("operations", "lt"): ("Operacijų direktorius",),
    ("operations", "ro"): ("Director Operațiuni", "Director Retail"),
    ("operations", "bg"): ("Оперативен директор",),
    ("operations", "el"): ("Διευθυντής Λειτουργιών",),
    ("operations", "tr"): ("Operasyon Direktörü", "Perakende Operasyon Müdürü", "Kayıp Önleme Müdürü"),
    ("executive", "en"): ("CEO", "Managing Director", "COO", "General Manager", "Chief Commercial Officer"),
    ("executive", "pl"): ("Prezes Zarządu", "Członek Zarządu", "Dyrektor Generalny"),
    ("executive", "cs"): ("Generální ředitel", "Jednatel"),
    ("executive", "lt"): ("Generalinis direktorius",),
    ("executive", "ro"): ("Director General", "Administrator"),
    ("executive", "bg"): ("Изпълнителен директор", "Управител"),
    ("executive", "el"): ("Διευθύνων Σύμβουλος", "Γενικός Διευθυντής"),
    ("executive", "tr"): ("Genel Müdür", "Yönetim Kurulu Başkanı", "Genel Müdür Yardımcısı", "İcra Kurulu Üyesi"),
}
_BAZAAR_LANGUAGE = {"Poland": "pl", "Czechia": "cs", "Lithuania": "lt", "Romania": "ro", "Bulgaria": "bg", "Greece": "el",
                    "Turkey": "tr"}
BAZAAR_ROLE = {t: role for (role, _), titles in _BAZAAR_TITLES.items() for t in titles}
_BAZAAR_HQ = {"executive": 0.24, "it": 0.2, "category": 0.16, "operations": 0.2, "finance": 0.1, "area": 0.1}
_BAZAAR_STEMS: dict[str, tuple[str, ...]] = {
    "Poland": ("Społem", "Lewiatan", "Polna", "Wisła", "Mazowsze", "Biedronka", "Groszek", "Stokrotka", "Orzeł", "Bursztyn",
               "Kaszub", "Tatry"),
    "Czechia": ("Vltava", "Morava", "Jednota", "Hruška", "Brněnka", "Labe", "Šumava", "Krkonoše"),
    "Lithuania": ("Gintaras", "Baltija", "Nemunas", "Aibė", "Vilnelė", "Žalgiris"),
    "Romania": ("Carpați", "Dunărea", "Profi Plus", "Mercur", "Transilvania", "Bucovina", "Olt", "Delta"),
    "Bulgaria": ("Balkan", "Rila", "Pirin", "Vitosha", "Dunav", "Trakia"),
    "Greece": ("Aegean", "Olympos", "Kritiko", "Galaxias", "Thessalia", "Ionio", "Pindos", "Athina"),
    "Turkey": ("Anadolu", "Boğaziçi", "Ege", "Karadeniz", "Marmara", "Toros", "Kapadokya", "Yıldız", "Lale", "Çınar",
               "Hilal", "Sultan"),
}
_BAZAAR_FORMS = {"Poland": " Sp. z o.o.", "Czechia": " s.r.o.", "Lithuania": " UAB", "Romania": " S.R.L.",
                 "Bulgaria": " EOOD", "Greece": " A.E.", "Turkey": " A.Ş."}
_BAZAAR_KINDS = {"grocery": ("Markety", "Supermarkets", "Market", "Hipermarket"),
                 "drugstores": ("Drogerie", "Pharma", "Drugstore"),
                 "fashion": ("Fashion", "Moda", "Style"), "home and diy": ("Home", "DIY", "Dom & Ogród", "Yapı Market"),
                 "convenience": ("Express", "Convenience", "24", "Minimarket")}
_BAZAAR_PEOPLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Poland": (("Anna", "Piotr", "Katarzyna", "Marcin", "Agnieszka", "Paweł", "Magdalena", "Łukasz", "Joanna", "Krzysztof",
                "Ewa", "Tomasz", "Małgorzata", "Grzegorz"),
               ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamińska", "Lewandowski", "Zielińska", "Szymański",
                "Woźniak", "Dąbrowski", "Kozłowska", "Jankowski", "Mazur", "Krawczyk")),
    "Czechia": (("Jan", "Petra", "Tomáš", "Lucie", "Martin", "Jana", "Jiří", "Veronika", "Pavel", "Tereza"),
                ("Novák", "Svobodová", "Dvořák", "Černá", "Procházka", "Kučerová", "Veselý", "Horák", "Němcová", "Marek")),
    "Lithuania": (("Tomas", "Rasa", "Mindaugas", "Jurgita", "Darius", "Inga", "Andrius", "Laura"),
                  ("Kazlauskas", "Petrauskienė", "Jankauskas", "Stankevičiūtė", "Vasiliauskas", "Žukauskas", "Butkus")),
    "Romania": (("Andrei", "Elena", "Mihai", "Ioana", "Alexandru", "Maria", "Bogdan", "Cristina", "Radu", "Andreea"),
                ("Popescu", "Ionescu", "Popa", "Dumitrescu", "Stan", "Stoica", "Gheorghe", "Matei", "Constantin", "Ciobanu")),
    "Bulgaria": (("Georgi", "Maria", "Ivan", "Elena", "Dimitar", "Desislava", "Nikolay", "Petya"),
                 ("Ivanov", "Georgieva", "Petrov", "Dimitrova", "Nikolov", "Stoyanova", "Todorov", "Angelova")),
    "Greece": (("Giorgos", "Maria", "Nikos", "Eleni", "Dimitris", "Katerina", "Kostas", "Sofia", "Giannis", "Anna"),
               ("Papadopoulos", "Papadopoulou", "Georgiou", "Nikolaidis", "Karagiannis", "Vlachou", "Oikonomou",
                "Konstantinidis", "Pappas", "Dimitriou")),
    "Turkey": (("Mehmet", "Ayşe", "Mustafa", "Fatma", "Emre", "Zeynep", "Burak", "Elif", "Ahmet", "Selin", "Can", "Deniz",
                "Oğuz", "Gizem"),
               ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan", "Koç",
                "Kurt", "Aksoy", "Erdoğan")),
}
_BAZAAR_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "İ": "I", "ø": "o"})


def _bazaar_holidays(country: str, years: tuple[int, ...]) -> frozenset[dt.date]:
    """Every day in ``years`` that is a public holiday in ``country``, whatever the weekday."""
    return _holiday_dates(BAZAAR_CODES[country], None, years)


def _bazaar_season(role: str, market: str, country: str, loc: dt.datetime) -> float:
    """The log-odds of a reply by the date: store people and area managers are swamped from Black Friday week to the
    year's end (-0.6; category people -0.3), Greece's head offices are half empty in August (-0.6), Turkey's in the week
    of the Feast of the Sacrifice and its bridge days (-0.8), Poland's on 2 May, between its two May holidays (-0.8);
    finance people close the month in its first three days (-0.5)."""
    day = loc.date()
    z = 0.0
    if (day.month == 11 and day.day >= 24) or day.month == 12:
        z += -0.6 if role in BAZAAR_STORE else -0.3 if role == "category" else 0.0
    if role in BAZAAR_STORE or role == "franchisee":
        return z
    if country == "Greece" and day.month == 8:
        z -= 0.6
    elif market == "turkey" and BAZAAR_KURBAN[0] <= day <= BAZAAR_KURBAN[1]:
        z -= 0.8
    elif country == "Poland" and day.month == 5 and day.day == 2:
        z -= 0.8
    if role == "finance" and day.day <= 3:
        z -= 0.5
    return z


def bazaar(scale: float = 1.0, seed: int = 2222) -> PlantedWorld:
    """Kept aside for a final check. A vendor of retail-store technology (electronic shelf labels, store analytics,
    automated replenishment, a store task-management app, self-checkout, loss prevention and, for franchise networks, a
    franchisee app) selling to retail chains in Central and Eastern Europe and Turkey: grocery chains, drugstores,
    fashion, home and DIY, and convenience chains, in Poland, Czechia, Lithuania, Romania, Bulgaria, Greece and Turkey,
    contacts in their own time zones (Warsaw, Prague, Vilnius, Bucharest, Sofia, Athens and Istanbul, which keeps UTC+3
    all year, so it is two hours ahead of Warsaw in the summer and three in the winter). About fourteen months of
    history, from early March 2025 to Thursday 30 April 2026 (09:00 UTC: 11:00 in Warsaw, 12:00 in Athens and Istanbul);
    the ten days after the end hold May Day everywhere, Poland's Constitution Day (a Sunday), Bulgaria's St George's Day
    (6 May) and Czechia's Liberation Day (8 May). Company names follow the country (Społem Markety Sp. z o.o., Vltava
    Drogerie s.r.o., Anadolu Yapı Market A.Ş....), and so do people's names. A chain has a head office (one to four
    people: executives, IT, category and buying, store operations and loss prevention, finance and procurement, area
    managers), store managers (none to four), and a franchise convenience chain in Poland, Czechia or Lithuania that is
    a customer three to eight franchisees who run its shops. The titles are in the country's language or in English
    (Kierownik Sklepu, Vedoucí prodejny, Director Magazin, Управител на магазин, Διευθυντής Καταστήματος, Mağaza Müdürü,
    Franczyzobiorca, Kategori Müdürü, Prezes Zarządu, Genel Müdür...), each naming one of eight roles. Segments from the
    role read from the title and, for store managers, the sector, for executives the market, eleven of them: store
    managers of grocery, drugstore and convenience chains answer before the shop opens (06:30, sd 1.0 h), those of
    fashion and home and DIY chains (mostly in malls) after it closes (20:00), franchisees late at night (21:00), area
    managers broadly from their store visits (13:00, sd 3.2 h), category people at 10:00, IT at 15:00, finance at 09:00,
    operations broadly at 16:30 (sd 3.0 h); executives at 07:30 in Poland, Czechia and Lithuania, at 19:30 in Turkey and
    broadly at 11:00 (sd 3.0 h) in Romania, Bulgaria and Greece; the others narrow (sd 1.0-1.2 h). About 25% of contacts
    peak 2-3 hours off their segment's (15% of the early store managers, 40% in the broad segments). Store managers,
    area managers and franchisees answer every day (store managers weak on Saturday, -0.55 and -0.7; franchisees best on
    Sunday, +0.4; area managers weak on Monday, the weekly sales call, -0.4, and on Sunday, -1.2); head-office people
    never at weekends, category people weak on Monday (-0.35), IT on Friday (-0.4), executives in Central Europe best on
    Monday (+0.3). The calendar: head-office people do not answer on their country's public holidays (-3.5 on the
    log-odds in all, the reply clock stopped; Orthodox Easter in Romania, Bulgaria and Greece, the Ramadan and Sacrifice
    feasts in Turkey); store people work through the holidays (-0.3) except in Poland, where the shops are shut on
    public holidays and on the Sundays that are not trading Sundays, and Greece's mall store managers, whose shops are
    shut on Sundays: their days off (-1.3, the reply clock stopped); franchisees answer every day, a little less on
    holidays (-0.4). Store people and area managers are swamped from Black Friday week to the year's end (-0.6),
    category people less (-0.3); Greece's head offices are half empty in August (-0.6), Turkey's in the week of the
    Feast of the Sacrifice (2-13 June 2025, -0.8), Poland's on 2 May; finance people close the month in its first three
    days (-0.5). Reps in five offices, each with a habitual hour and a fifth of their touches at another hour, working
    their office's working days only: account executives in Warsaw (Poland 09:00, franchise networks and Lithuania
    16:30), Prague (Czechia 08:00), Bucharest (Romania and Bulgaria 10:00, Greece 15:00) and Istanbul (10:30 and 17:30),
    one account in ten owned by another; customer success managers in Warsaw (14:00), Bucharest (11:30) and Istanbul
    (13:00); deployment engineers in Warsaw (08:00) and Istanbul (09:00, 08:00 in Warsaw in the summer and 07:00 in the
    winter) who run the pilots in the stores; product specialists for analytics and replenishment in Lisbon (09:30 and
    15:00, 11:30 and 17:00 in Istanbul in the summer, 12:30 and 18:00 in the winter); a sales development rep in Warsaw
    (10:00) for Central Europe and an offshore pod in Manila (15:00 and 17:30, 08:00-11:30 in Warsaw and 10:00-12:30 in
    Istanbul) for the rest and half of Poland. About 45% of the chains are customers: a success manager keeps in touch
    with one or two of their executives, operations or IT people every two to five weeks; the account executive works
    the renewal before each anniversary of the contract; one to three lines of rollout deals side by side (three for the
    largest chains), each deal of one to four months with one or two head-office people, by the account executive or,
    for analytics and replenishment, a product specialist, one to five months apart; a won rollout gets a pilot run by a
    deployment engineer with one to three store managers and an area manager every two to four days for three to six
    weeks; a franchise network's franchisees get a marketing sequence at 07:00 on their own clock (three to five e-mails
    four to seven days apart) and single e-mails. Prospects get a sales development rep's sequences (three to six steps
    two to four days apart, again two to five months later), an account executive keeping in touch with an executive
    every four to seven weeks in two in five, and a deal in two in five (the specialist joining one in three). People
    met at EuroShop in Düsseldorf (22-26 February 2026) get an e-mail in the week after. A touch the same day as the
    last does badly (-0.8), the next day a little (-0.2), two to four days after it is best (+0.25) and long silences
    cost (-0.4 from four months); fatigue counts seven days; unanswered touches in a row cost more and more; a reply in
    the last five days helps (+0.45); a person never touched answers less (-0.35); calls do a little better than e-mails
    (+0.15), meetings much better (+0.9). Half the touches come from a rep in another time zone than the contact's; each
    segment's four busiest hours of the contact's clock hold about half its touches (the store managers' three
    quarters); 14% of the touched contacts are in two deals at once for a while; a touched contact gets 8 touches at the
    median (1 at the 10th percentile, 41 at the 90th, up to about 115), 46% of them six or fewer. About 68% of the
    touches are e-mails, 24% calls and 9% meetings. About 30,000 touches at scale 1 (760 chains), about 2,500 contacts,
    about 16% of them never touched."""
    staff: dict[str, tuple[str, str, str, frozenset[dt.date]]] = {}  # by e-mail: role, market, country, hard days

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        role, market, country, hard = staff[c.email]
        day = loc.date()
        z = _bazaar_season(role, market, country, loc)
        if day in hard:
            z += BAZAAR_HOLIDAY
        elif day in _bazaar_holidays(country, years) and day not in c.off:
            z += -0.4 if role == "franchisee" else -0.3
        return z

    fx = Effects(
        base=-1.1,
        gap=_pl((0.0, -0.8), (0.5, -0.6), (1.0, -0.2), (2.0, 0.25), (4.0, 0.25), (10.0, 0.1), (30.0, 0.0),
                (120.0, -0.4)),
        cold=-0.35,
        fatigue_days=7.0,
        fatigue=(0.0, -0.05, -0.2, -0.4, -0.65, -0.9),
        streak=(0.0, -0.1, -0.25, -0.45, -0.65, -0.85, -1.0),
        recent=_pl((0.0, 0.45), (5.0, 0.45), (12.0, 0.0)),
        night=-1.1,
        channel=(0.0, 0.15, 0.9),
        delay=Delay(((0.5, 2.0), (0.3, 9.0), (0.2, 28.0)), floor=0.1),
        responsiveness_sd=0.55,
        holiday=BAZAAR_OFF,
        calendar=calendar,
    )
    w = PlantedWorld("bazaar", _doc(bazaar), fx, dt.datetime(2026, 4, 30, 9, 0, tzinfo=UTC), seed)
    w.history_days = 425.0
    years = (2025, 2026)
    rng = random.Random(seed)
    b = _Builder(w, rng)
    end = w.end_ts
    begin = end - 420 * DAY
    first_day = (w.end - dt.timedelta(days=430)).date()
    last_day = (w.end + dt.timedelta(days=40)).date()
    sundays = frozenset(first_day + dt.timedelta(days=k) for k in range((last_day - first_day).days + 1)
                        if (first_day + dt.timedelta(days=k)).weekday() == 6)

    def office(code: str) -> frozenset[dt.date]:
        return frozenset(d for d in holidays.country_holidays(code, years=years) if d.weekday() < 5)

    pl, cz, ro, tr = office("PL"), office("CZ"), office("RO"), office("TR")
    pt, ph = office("PT"), office("PH")
    warsaw, prague, bucharest, istanbul = "Europe/Warsaw", "Europe/Prague", "Europe/Bucharest", "Europe/Istanbul"
    katarzyna = b.rep("Katarzyna Wójcik", warsaw, 9.0, 6.0, hour_sd=0.6, p_random=0.2, off=pl)
    tomasz = b.rep("Tomasz Kowalczyk", warsaw, 16.5, 5.0, hour_sd=0.7, p_random=0.22, off=pl)
    petra = b.rep("Petra Horáková", prague, 8.0, 6.0, hour_sd=0.6, p_random=0.2, off=cz)
    andrei = b.rep("Andrei Popescu", bucharest, 10.0, 6.0, hour_sd=0.7, p_random=0.22, off=ro)
    elena = b.rep("Elena Stan", bucharest, 15.0, 6.0, hour_sd=0.7, p_random=0.2, off=ro)
    emre = b.rep("Emre Yılmaz", istanbul, 10.5, 5.0, hour_sd=0.6, p_random=0.22, off=tr)
    zeynep = b.rep("Zeynep Kaya", istanbul, 17.5, 6.0, hour_sd=0.7, p_random=0.2, off=tr)
    agnieszka = b.rep("Agnieszka Lewandowska", warsaw, 14.0, 7.0, hour_sd=0.6, p_random=0.2, off=pl)
    mihai = b.rep("Mihai Ionescu", bucharest, 11.5, 7.0, hour_sd=0.6, p_random=0.2, off=ro)
    burak = b.rep("Burak Demir", istanbul, 13.0, 7.0, hour_sd=0.6, p_random=0.2, off=tr)
    michal = b.rep("Michał Zieliński", warsaw, 8.0, 3.0, hour_sd=0.6, p_random=0.22, off=pl)
    selin = b.rep("Selin Aydın", istanbul, 9.0, 3.0, hour_sd=0.6, p_random=0.22, off=tr)
    rita = b.rep("Rita Carvalho", "Europe/Lisbon", 9.5, 6.0, hour_sd=0.6, p_random=0.2, off=pt)
    miguel = b.rep("Miguel Sousa", "Europe/Lisbon", 15.0, 6.0, hour_sd=0.6, p_random=0.2, off=pt)
    julia = b.rep("Julia Nowak", warsaw, 10.0, 3.0, hour_sd=0.6, p_random=0.2, off=pl)
    carlo = b.rep("Carlo Santos", "Asia/Manila", 15.0, 3.0, hour_sd=0.6, p_random=0.18, off=ph)
    bea = b.rep("Bea Villanueva", "Asia/Manila", 17.5, 3.0, hour_sd=0.6, p_random=0.18, off=ph)
    every_ae = [katarzyna, tomasz, petra, andrei, elena, emre, zeynep]
    # by market: success manager, deployment engineer
    after_sale = {"central": (agnieszka, michal), "south": (mihai, selin), "turkey": (burak, selin)}
    segments = {k: Segment(k, p, sd, a, week, every) for k, (p, sd, a, _, week, every) in BAZAAR_SEGMENTS.items()}
    countries = {"Poland": 0.3, "Czechia": 0.12, "Lithuania": 0.06, "Romania": 0.15, "Bulgaria": 0.07, "Greece": 0.1,
                 "Turkey": 0.2}
    sector_shares = {"grocery": 0.3, "drugstores": 0.15, "fashion": 0.22, "home and diy": 0.13, "convenience": 0.2}
    sizes = {"grocery": (150, 60000), "drugstores": (80, 8000), "fashion": (40, 12000), "home and diy": (120, 15000),
             "convenience": (60, 20000)}
    taken: set[str] = set()
    store_off: dict[tuple[str, bool], frozenset[dt.date]] = {}

    def territory(country: str, sector: str, rng: random.Random) -> int:
        if country == "Poland":
            return tomasz if sector == "convenience" else katarzyna
        return {"Czechia": petra, "Lithuania": tomasz, "Romania": andrei, "Bulgaria": andrei, "Greece": elena,
                "Turkey": emre if rng.random() < 0.55 else zeynep}[country]

    def company(sector: str, country: str) -> tuple[str, str]:
        for k in range(1000):
            stem = rng.choice(_BAZAAR_STEMS[country])
            if k >= 30:
                stem = f"{stem} {rng.choice(_BAZAAR_STEMS[country])}"
            base = f"{stem} {rng.choice(_BAZAAR_KINDS[sector])}"
            if base not in taken:
                taken.add(base)
                return base + _BAZAAR_FORMS[country], base
        raise RuntimeError("no company name left")

    def person(ai: int, role: str, country: str, owner: int, domain: str) -> _Contact:
        a = w.accounts[ai]
        market = BAZAAR_MARKET[country]
        if role == "store":
            key = "store/early" if a.sector in BAZAAR_EARLY else "store/mall"
        elif role == "executive":
            key = f"executive/{market}"
        else:
            key = role
        language = _BAZAAR_LANGUAGE[country]
        local = _BAZAAR_TITLES.get((role, language), ())
        english = _BAZAAR_TITLES.get((role, "en"), ())
        title = rng.choice(local if local and rng.random() < 0.6 else english)
        c = b.contact(ai, BAZAAR_ZONES[country], segments[key], owner, BAZAAR_SEGMENTS[key][3], title=title)
        firsts, lasts = _BAZAAR_PEOPLE[country]
        first, last = rng.choice(firsts), rng.choice(lasts)
        _rename(w, c, first, last, domain, _BAZAAR_LETTERS)
        days = _bazaar_holidays(country, years)
        hard: frozenset[dt.date] = frozenset()
        if role in BAZAAR_STORE:
            shut = country == "Poland" or (country == "Greece" and key == "store/mall")
            if shut:
                if (country, True) not in store_off:
                    closed = sundays - BAZAAR_TRADING_SUNDAYS if country == "Poland" else sundays
                    store_off[(country, True)] = frozenset(closed | (days if country == "Poland" else frozenset()))
                c.off = store_off[(country, True)]
        elif role != "franchisee":
            c.off = days
            hard = days
        staff[c.email] = (role, market, country, hard)
        return c

    for _ in range(_count(scale, 760, 10)):
        country = _weighted(rng, countries)
        market = BAZAAR_MARKET[country]
        sector = _weighted(rng, sector_shares)
        lo, hi = sizes[sector]
        employees = int(math.exp(rng.uniform(math.log(lo), math.log(hi))))
        home = territory(country, sector, rng)
        owner = home if rng.random() < 0.9 else rng.choice(every_ae)
        csm, engineer = after_sale[market]
        sdr = julia if market == "central" and (country != "Poland" or rng.random() < 0.5) else \
            (carlo if rng.random() < 0.5 else bea)
        specialist = rita if rng.random() < 0.5 else miguel
        ai = b.account("retail", country, employees, owner)
        acc = w.accounts[ai]
        acc.name, base = company(sector, country)
        acc.sector, acc.parent = sector, ""
        domain = _domain(base, _BAZAAR_LETTERS)
        customer = rng.random() < 0.45
        arrival = begin if rng.random() < 0.7 else begin + rng.uniform(0.0, 380.0) * DAY
        plan = [_weighted(rng, _BAZAAR_HQ) for _k in range(rng.choice((1, 1, 2, 2, 3, 4) if customer else (1, 1, 2, 2, 3)))]
        plan += ["store"] * rng.choice((0, 1, 1, 2, 3, 4) if customer else (0, 0, 0, 1, 1, 2))
        if customer and sector == "convenience" and country in BAZAAR_FRANCHISE and rng.random() < 0.7:
            plan += ["franchisee"] * rng.randint(3, 8)
        people: list[_Contact] = []
        for k, role in enumerate(plan):
            c = person(ai, role, country, owner, domain)
            share = 0.3 if role == "franchisee" else 0.1 if customer else 0.55 if role == "store" else 0.3
            if k > 0 and b.cold(share):
                continue  # never touched (never a chain's first person)
            people.append(c)
            c.inbound = rng.randint(0, 2) if customer and role not in ("store", "franchisee") else 0
        if not people:
            continue
        role_of = {c.email: staff[c.email][0] for c in people}
        hq = [c for c in people if role_of[c.email] not in ("store", "franchisee")] or people[:1]
        stores = [c for c in people if role_of[c.email] == "store"]
        areas = [c for c in people if role_of[c.email] == "area"]
        if customer:
            keys = [c for c in hq if role_of[c.email] in ("executive", "operations", "it")] or hq
            for c in rng.sample(keys, min(len(keys), rng.choice((1, 1, 2)))):
                c.threads.append(_Cadence(csm, arrival + rng.uniform(0.0, 30.0) * DAY, end, rng.uniform(14.0, 35.0), 0.4,
                                          mix=(0.62, 0.9), react=0.3))
            anniversary = begin + rng.uniform(0.0, 365.0) * DAY
            buyers = [c for c in hq if role_of[c.email] in ("executive", "finance", "operations")] or hq
            while anniversary - 30 * DAY < end:
                t0 = max(anniversary - rng.uniform(30.0, 60.0) * DAY, arrival)
                t1 = anniversary + rng.uniform(0.0, 10.0) * DAY
                if t1 > begin + 20 * DAY and t0 < min(t1, end - 3 * DAY):
                    di = b.deal(owner, ai, t0, t1)
                    w.deals[di].product, w.deals[di].won = rng.choice(_BAZAAR_ROLLOUTS[:2]), rng.random() < 0.9
                    for c in rng.sample(buyers, min(len(buyers), rng.choice((1, 1, 2)))):
                        c.threads.append(_Cadence(owner, t0, min(t1, end), w.reps[owner].gap * rng.uniform(0.8, 1.2), 0.45,
                                                  deal=di, mix=(0.7, 0.92), react=0.4))
                anniversary += 365 * DAY
            lines = 3 if employees >= 5000 else 2 if employees >= 800 else 1
            for _line in range(lines):
                t = arrival + rng.uniform(5.0, 120.0) * DAY
                while t < end - 10 * DAY and rng.random() < 0.75:
                    dur = rng.uniform(30.0, 120.0) * DAY
                    analytics = rng.random() < 0.35
                    rep = specialist if analytics else owner
                    di = b.deal(rep, ai, t, t + dur)
                    w.deals[di].product = rng.choice(_BAZAAR_ANALYTICS if analytics else _BAZAAR_ROLLOUTS)
                    users = [c for c in hq if role_of[c.email] in ("it", "operations", "category", "executive")] or hq
                    for c in rng.sample(users, min(len(users), rng.choice((1, 1, 2)))):
                        c.threads.append(_Cadence(rep, t, min(t + dur, end), w.reps[rep].gap * rng.uniform(0.8, 1.25),
                                                  0.45, deal=di, mix=(0.66, 0.9), react=0.4))
                    if w.deals[di].won and t + dur < end - 5 * DAY and (stores or areas):
                        go = t + dur + rng.uniform(3.0, 15.0) * DAY
                        pilot = rng.sample(stores, min(len(stores), rng.randint(1, 3))) + areas[:1]
                        for c in pilot:
                            c.threads.append(_Cadence(engineer, go, min(go + rng.uniform(21.0, 42.0) * DAY, end),
                                                      rng.uniform(2.0, 4.0), 0.5, deal=di, mix=(0.6, 0.9), react=0.3))
                    t += dur + rng.uniform(30.0, 150.0) * DAY
            franchisees = [c for c in people if role_of[c.email] == "franchisee"]
            for c in franchisees:
                if rng.random() < 0.6:
                    s0 = arrival + rng.uniform(0.0, 300.0) * DAY
                    if s0 < end - 5 * DAY:
                        c.threads.append(_Drip(tomasz, c.tz, s0, end, rng.uniform(4.0, 7.0), rng.randint(3, 5), 7.0))
            for c in hq:
                if not c.threads and rng.random() < 0.6:
                    c.threads.append(_Cadence(csm, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(30.0, 60.0),
                                              0.4, mix=(0.75, 0.95), react=0.3))
        else:
            b.sequences(hq, sdr, arrival, 0.7, 300.0, (60.0, 150.0), (0.8, 1.0))
            deciders = [c for c in hq if role_of[c.email] == "executive"]
            if deciders and rng.random() < 0.4:
                c = rng.choice(deciders)
                c.threads.append(_Cadence(owner, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(28.0, 49.0),
                                          0.5, mix=(0.7, 0.95), react=0.35))
            if rng.random() < 0.4:
                t = arrival + rng.uniform(20.0, 380.0) * DAY
                if t < end - 10 * DAY:
                    dur = rng.uniform(30.0, 120.0) * DAY
                    di = b.deal(owner, ai, t, t + dur)
                    w.deals[di].product = rng.choice(_BAZAAR_ROLLOUTS)
                    chosen = rng.sample(hq, min(len(hq), rng.choice((1, 1, 2, 3))))
                    for c in chosen:
                        c.threads.append(_Cadence(owner, t, min(t + dur, end), w.reps[owner].gap * rng.uniform(0.8, 1.2),
                                                  0.45, deal=di, mix=(0.68, 0.9), react=0.4))
                    if rng.random() < 0.33:
                        t2 = t + rng.uniform(0.2, 0.5) * dur
                        if t2 < end - 5 * DAY:
                            d2 = b.deal(specialist, ai, t2, t + dur)
                            w.deals[d2].product = rng.choice(_BAZAAR_ANALYTICS)
                            chosen[0].threads.append(_Cadence(specialist, t2, min(t + dur, end),
                                                              w.reps[specialist].gap, 0.45, deal=d2, mix=(0.7, 0.85),
                                                              react=0.35))
        for c in people:
            if role_of[c.email] != "franchisee" and rng.random() < 0.08:
                c.threads.append(_Once(owner, w.place(owner, _clock(BAZAAR_EUROSHOP, 12 * 3600, w.reps[owner].tz)
                                                      + rng.uniform(0.0, 4.0) * DAY, rng)))
            if not c.threads:
                who = csm if role_of[c.email] == "franchisee" else sdr
                c.threads.append(_Once(who, w.place(who, rng.uniform(arrival, end - DAY), rng)))
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 23. Construction contractors in East and Southeast Asia (kept aside)


GIRDER_ZONES = {"Japan": ("Asia/Tokyo",), "South Korea": ("Asia/Seoul",), "Taiwan": ("Asia/Taipei",),
                "Philippines": ("Asia/Manila",), "Indonesia": ("Asia/Jakarta", "Asia/Makassar"),
                "Vietnam": ("Asia/Ho_Chi_Minh",)}
GIRDER_CODES = {"Japan": "JP", "South Korea": "KR", "Taiwan": "TW", "Philippines": "PH", "Indonesia": "ID",
                "Vietnam": "VN"}
GIRDER_MARKET = {"Japan": "north", "South Korea": "north", "Taiwan": "north", "Philippines": "south",
                 "Indonesia": "south", "Vietnam": "south"}
GIRDER_SECTORS = ("general contracting", "civil engineering", "specialty contracting", "homebuilding")
GIRDER_SITE = ("site", "safety")  # the roles that work the sites' days (every day, through most public holidays)
GIRDER_SPLIT = ("site", "pm", "executive")  # the roles whose hours differ by market
GIRDER_PRODUCTS = ("Site Diary", "Safety Inspections", "Subcontractor Claims", "Equipment Tracking",
                   "Estimating", "BIM Viewer")
_GIRDER_PROJECT = GIRDER_PRODUCTS[:4]  # what the account executives sell, project by project
_GIRDER_SPECIALIST = GIRDER_PRODUCTS[4:]  # what the product specialists in Melbourne sell
GIRDER_OFF = -3.5  # a touch on one of the contact's days off (a public holiday of an office, a closure)
GIRDER_WORKED_HOLIDAY = -0.35  # a touch to a site person on a public holiday the site works through
GIRDER_CONFERENCE = dt.date(2025, 10, 20)  # the Monday after the vendor's user conference in Singapore (15 October 2025)


def _days(first: dt.date, last: dt.date) -> frozenset[dt.date]:
    return frozenset(first + dt.timedelta(days=k) for k in range((last - first).days + 1))


# The companies' own closures on top of the public holidays: for the offices (Japan's year-end and Obon, Indonesia's
# Lebaran leave) and for the sites, which work through most public holidays but shut, the workers going home, at the
# year's great feasts (Japan's Golden Week, Obon and year-end, Korea's Seollal and Chuseok, the Lunar New Year in
# Taiwan and Vietnam, the Holy Week and Christmas in the Philippines, Lebaran in Indonesia).
GIRDER_CLOSURES: dict[str, tuple[frozenset[dt.date], frozenset[dt.date]]] = {
    "Japan": (_days(dt.date(2025, 8, 13), dt.date(2025, 8, 16)) | _days(dt.date(2025, 12, 27), dt.date(2026, 1, 4)),
              _days(dt.date(2025, 5, 3), dt.date(2025, 5, 6)) | _days(dt.date(2025, 8, 12), dt.date(2025, 8, 16))
              | _days(dt.date(2025, 12, 27), dt.date(2026, 1, 4)) | _days(dt.date(2026, 5, 2), dt.date(2026, 5, 6))),
    "South Korea": (frozenset(),
                    _days(dt.date(2025, 1, 25), dt.date(2025, 1, 30)) | _days(dt.date(2025, 10, 3), dt.date(2025, 10, 9))
                    | _days(dt.date(2026, 2, 14), dt.date(2026, 2, 18))),
    "Taiwan": (frozenset(),
               _days(dt.date(2025, 1, 25), dt.date(2025, 2, 2)) | _days(dt.date(2026, 2, 14), dt.date(2026, 2, 22))),
    "Philippines": (frozenset(),
                    _days(dt.date(2025, 4, 17), dt.date(2025, 4, 20)) | _days(dt.date(2025, 12, 24), dt.date(2026, 1, 1))
                    | _days(dt.date(2026, 4, 2), dt.date(2026, 4, 5))),
    "Indonesia": (_days(dt.date(2025, 3, 28), dt.date(2025, 4, 7)) | _days(dt.date(2026, 3, 18), dt.date(2026, 3, 24)),
                  _days(dt.date(2025, 3, 24), dt.date(2025, 4, 11)) | _days(dt.date(2026, 3, 14), dt.date(2026, 3, 31))),
    "Vietnam": (frozenset(),
                _days(dt.date(2025, 1, 20), dt.date(2025, 2, 9)) | _days(dt.date(2026, 2, 9), dt.date(2026, 3, 1))),
}
# role (or role/market): peak, sd, amp, share of contacts peaking 2-3 hours off, weekdays (Monday..Sunday), whether the
# reply clock runs every day
GIRDER_SEGMENTS: dict[str, tuple[float, float, float, float, tuple[float, ...], bool]] = {
    "site/north": (6.5, 0.9, 1.6, 0.15, (0.0, 0.1, 0.1, 0.05, -0.1, 0.3, -1.2), True),
    "site/south": (19.0, 1.1, 1.5, 0.2, (0.05, 0.1, 0.1, 0.05, -0.15, 0.1, -0.6), True),
    "safety": (12.5, 0.9, 1.5, 0.15, (0.1, 0.1, 0.05, 0.05, 0.0, -0.1, -1.3), True),
    "pm/north": (18.0, 1.2, 1.45, 0.25, (-0.35, 0.15, 0.2, 0.15, -0.1, -1.2, -1.3), False),
    "pm/south": (10.5, 3.2, 1.0, 0.4, (0.0, 0.15, 0.15, 0.1, -0.35, -1.0, -1.3), False),
    "executive/north": (7.5, 1.0, 1.5, 0.3, (0.1, 0.25, 0.1, 0.0, -0.3, -1.2, -1.3), False),
    "executive/south": (16.0, 3.0, 1.0, 0.4, (-0.1, 0.05, 0.1, 0.05, -0.1, 0.2, -0.4), True),
    "estimator": (20.5, 1.0, 1.5, 0.2, (-0.3, 0.0, 0.1, 0.25, 0.05, -1.1, -1.3), False),
    "bim": (14.5, 3.5, 0.9, 0.4, (0.0, 0.1, 0.15, 0.1, -0.25, -1.2, -1.3), False),
    "procurement": (9.5, 1.1, 1.45, 0.25, (0.15, 0.1, 0.05, 0.0, -0.4, -1.2, -1.3), False),
}
# Titles by role and language (en: English, used everywhere next to the local wording; the Philippines' only one).
_GIRDER_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("executive", "en"): ("President", "CEO", "Managing Director", "Owner", "Chairman", "Chief Operating Officer"),
    ("executive", "ja"): ("代表取締役社長", "取締役社長", "専務取締役"),
    ("executive", "ko"): ("대표이사", "대표이사 사장", "부사장"),
    ("executive", "zh"): ("總經理", "董事長", "副總經理"),
    ("executive", "id"): ("Direktur Utama", "Presiden Direktur", "Direktur Operasional"),
    ("executive", "vi"): ("Tổng Giám đốc", "Phó Tổng Giám đốc"),
    ("pm", "en"): ("Project Manager", "Project Director", "Construction Manager", "Senior Project Manager"),
    ("pm", "ja"): ("工事部長", "工事課長", "プロジェクトマネージャー"),
    ("pm", "ko"): ("공무팀장", "공사부장", "프로젝트 매니저"),
    ("pm", "zh"): ("專案經理", "工務經理", "工程部經理"),
    ("pm", "id"): ("Manajer Proyek", "Kepala Proyek"),
    ("pm", "vi"): ("Giám đốc dự án", "Quản lý dự án"),
    ("site", "en"): ("Site Manager", "Site Engineer", "Site Superintendent", "Foreman", "Resident Engineer"),
    ("site", "ja"): ("現場所長", "現場監督", "現場代理人"),
    ("site", "ko"): ("현장소장", "현장대리인", "공사과장"),
    ("site", "zh"): ("工地主任", "工地經理", "現場工程師"),
    ("site", "id"): ("Pelaksana Lapangan", "Kepala Lapangan", "Site Manager Proyek"),
    ("site", "vi"): ("Chỉ huy trưởng công trường", "Giám sát công trường"),
    ("safety", "en"): ("Safety Officer", "HSE Manager", "Safety Engineer", "Construction Safety Officer"),
    ("safety", "ja"): ("安全管理者", "安全衛生課長"),
    ("safety", "ko"): ("안전관리자", "안전보건팀장"),
    ("safety", "zh"): ("工安主管", "職安衛管理員"),
    ("safety", "id"): ("Petugas K3", "Ahli K3 Konstruksi"),
    ("safety", "vi"): ("Cán bộ an toàn", "Trưởng ban an toàn"),
    ("estimator", "en"): ("Estimator", "Quantity Surveyor", "Chief Estimator", "Cost Engineer"),
    ("estimator", "ja"): ("積算課長", "積算担当", "見積担当"),
    ("estimator", "ko"): ("견적팀장", "적산 담당"),
    ("estimator", "zh"): ("估算工程師", "預算主管"),
    ("estimator", "id"): ("Estimator Biaya", "Staf Estimasi"),
    ("estimator", "vi"): ("Kỹ sư dự toán",),
    ("bim", "en"): ("BIM Manager", "BIM Coordinator", "Design Manager", "Digital Construction Lead"),
    ("bim", "ja"): ("BIMマネージャー", "設計部 BIM担当"),
    ("bim", "ko"): ("BIM 코디네이터", "설계팀장"),
    ("bim", "zh"): ("BIM工程師", "設計經理"),
    ("bim", "id"): ("Koordinator BIM", "Drafter BIM"),
    ("bim", "vi"): ("Kỹ sư BIM",),
    ("procurement", "en"): ("Procurement Manager", "Purchasing Manager", "Contracts Manager", "Head of Procurement"),
    ("procurement", "ja"): ("購買部長", "調達課長"),
    ("procurement", "ko"): ("구매팀장", "자재과장"),
    ("procurement", "zh"): ("採購經理", "發包主管"),
    ("procurement", "id"): ("Manajer Pengadaan", "Kepala Logistik"),
    ("procurement", "vi"): ("Trưởng phòng mua hàng", "Trưởng phòng vật tư"),
}
GIRDER_ROLE = {t: role for (role, _), titles in _GIRDER_TITLES.items() for t in titles}
_GIRDER_LANGUAGE = {"Japan": ("ja", 0.7), "South Korea": ("ko", 0.6), "Taiwan": ("zh", 0.55), "Philippines": ("en", 0.0),
                    "Indonesia": ("id", 0.45), "Vietnam": ("vi", 0.5)}
_GIRDER_PEOPLE = {
    "Japan": (("Hiroshi", "Takeshi", "Kenta", "Yuki", "Akiko", "Naoki", "Daisuke", "Haruka", "Shota", "Emi", "Masaru",
               "Ryo"),
              ("Sato", "Suzuki", "Takahashi", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Kato", "Yoshida",
               "Yamada", "Matsumoto", "Inoue")),
    "South Korea": (("Min-jun", "Seo-yeon", "Ji-hoon", "Hyun-woo", "Soo-jin", "Dong-hyun", "Eun-ji", "Jae-won",
                     "Sung-ho", "Hye-jin"),
                    ("Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim")),
    "Taiwan": (("Chia-hao", "Yu-ting", "Wei-lun", "Shu-fen", "Chih-ming", "Pei-shan", "Kuan-yu", "Hsin-yi",
                "Tsung-han"),
               ("Chen", "Lin", "Huang", "Chang", "Wang", "Wu", "Liu", "Tsai", "Yang", "Hsu")),
    "Philippines": (("Juan", "Maria", "Jose", "Kristine", "Mark", "Angelica", "Paolo", "Rowena", "Jerome", "Ramon",
                     "Liza"),
                    ("Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Mendoza", "Villanueva", "Dela Cruz", "Ramos",
                     "Aquino", "Castillo")),
    "Indonesia": (("Budi", "Dewi", "Agus", "Siti", "Rizky", "Putri", "Andi", "Rina", "Hendra", "Fajar", "Wahyu"),
                  ("Wijaya", "Santoso", "Susanto", "Hidayat", "Saputra", "Pratama", "Nugroho", "Kusuma", "Siregar",
                   "Lubis", "Setiawan")),
    "Vietnam": (("Minh", "Lan", "Hung", "Thu", "Tuan", "Huong", "Duc", "Linh", "Quang", "Mai"),
                ("Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo")),
}
_GIRDER_STEMS = {
    "Japan": ("Hokuyo", "Tokai", "Sanyo", "Asahi", "Daiichi", "Kanto", "Shinwa", "Marufuji", "Fujimi", "Kyowa", "Chuo",
              "Nissei", "Seiryu", "Hokuriku", "Kinki", "Toyo"),
    "South Korea": ("Hanil", "Daesung", "Samjin", "Dongbu", "Seoyoung", "Taeyang", "Hyundo", "Kukdong", "Cheonji",
                    "Bukyung", "Namkang", "Sejin"),
    "Taiwan": ("Chung Hwa", "Da Tung", "Hung Yuan", "Fu Tai", "Kuo Chien", "Yi Hsin", "Hsin Chu", "Tai Feng", "Chang Hong",
               "Ming Fa", "Jui Sheng"),
    "Philippines": ("Luzon", "Bayanihan", "Mabuhay", "Pacific Rim", "Sierra", "Visayan", "Manila Bay", "Tagaytay",
                    "Cordillera", "Mindanao", "Bicol", "Pampanga"),
    "Indonesia": ("Karya", "Nusantara", "Bangun", "Cipta", "Mulia", "Jaya", "Sentosa", "Persada", "Mandiri", "Abadi",
                  "Perkasa", "Utama"),
    "Vietnam": ("Thanh Cong", "Truong Thanh", "An Phat", "Minh Khang", "Duc Tin", "Phuc Loc", "Dong A", "Viet Hung",
                "Sao Mai", "Thien Long"),
}
_GIRDER_KINDS = {
    "Japan": {"general contracting": "Kensetsu", "civil engineering": "Doboku", "specialty contracting": "Setsubi Kogyo",
              "homebuilding": "Jutaku"},
    "South Korea": {"general contracting": "E&C", "civil engineering": "Civil Engineering",
                    "specialty contracting": "M&E", "homebuilding": "Housing"},
    "Taiwan": {"general contracting": "Construction", "civil engineering": "Engineering",
               "specialty contracting": "Electrical & Mechanical", "homebuilding": "Development"},
    "Philippines": {"general contracting": "Builders", "civil engineering": "Construction & Engineering",
                    "specialty contracting": "Technical Services", "homebuilding": "Homes"},
    "Indonesia": {"general contracting": "Konstruksi", "civil engineering": "Karya Teknik",
                  "specialty contracting": "Mekanikal Elektrikal", "homebuilding": "Properti"},
    "Vietnam": {"general contracting": "Construction", "civil engineering": "Infrastructure",
                "specialty contracting": "M&E", "homebuilding": "Real Estate"},
}
_GIRDER_FORMS = {"Japan": ("", " Co., Ltd."), "South Korea": ("", " Co., Ltd."), "Taiwan": ("", " Co., Ltd."),
                 "Philippines": ("", " Inc."), "Indonesia": ("PT ", ""), "Vietnam": ("", " JSC")}
_GIRDER_SIZES = {"general contracting": (150, 25000), "civil engineering": (80, 15000),
                 "specialty contracting": (20, 3000), "homebuilding": (30, 8000)}
_GIRDER_OFFICE = {"executive": 0.25, "pm": 0.3, "estimator": 0.15, "bim": 0.14, "procurement": 0.16}
def _girder_holidays(country: str, years: tuple[int, ...]) -> frozenset[dt.date]:
    """Every day in ``years`` that is a public holiday in ``country``, whatever the weekday."""
    return _holiday_dates(GIRDER_CODES[country], None, years)


def _girder_off(role: str, country: str, years: tuple[int, ...]) -> frozenset[dt.date]:
    """A contact's days off: the site closures for site people, else the public holidays and the office closures."""
    office, site = GIRDER_CLOSURES[country]
    return site if role in GIRDER_SITE else _girder_holidays(country, years) | office


def _girder_season(role: str, country: str, day: dt.date) -> float:
    """The log-odds of a reply by the date: Japan's site and project people finish the public works before the fiscal
    year ends, swamped in March (-0.55); procurement checks the subcontractors' monthly claims from the 20th to the
    25th (-0.5)."""
    z = 0.0
    if country == "Japan" and day.month == 3 and role in ("site", "pm"):
        z -= 0.55
    if role == "procurement" and 20 <= day.day <= 25:
        z -= 0.5
    return z


def girder(scale: float = 1.0, seed: int = 2323) -> PlantedWorld:
    """Kept aside for a final check. A vendor of construction-management software (a site diary and daily reports, safety
    inspections and permits, subcontractor payment claims, equipment tracking and, from product specialists, estimating
    and a BIM viewer) selling to construction contractors in East and Southeast Asia: general contractors, civil
    engineering firms, specialty (mechanical and electrical) contractors and homebuilders in Japan (30% of the 820
    accounts at scale 1), South Korea (16%), Taiwan (12%), the Philippines (17%), Indonesia (16%: Jakarta's clock, a
    fifth on Makassar's, an hour ahead, for Bali and Sulawesi) and Vietnam (9%), contacts in their own time zones, none
    with daylight saving time. About fourteen months of history, from late February 2025 to Thursday 23 April 2026
    (01:00 UTC: 10:00 in Tokyo and Seoul, 09:00 in Taipei and Manila, 08:00 in Jakarta and Ho Chi Minh City); the ten
    days after the end hold Vietnam's Hung Kings day (observed 27 April) and Reunification Day, Japan's Showa Day and
    the start of Golden Week (its sites shut from 2 May), and Labour Day in Korea, Taiwan, the Philippines, Indonesia
    and Vietnam. Company names follow the country (Hokuyo Kensetsu Co., Ltd., Daesung E&C Co., Ltd., PT Karya
    Persada Konstruksi, Luzon Builders Inc....), and so do people's names. A contractor has a head office (one to four
    people: executives, project managers, estimators, BIM and design people, procurement) and its sites (site managers
    and safety officers, none to four at a customer, none to two at a prospect). The titles are in the country's
    language or in English (現場所長, 현장소장, 工地主任, Pelaksana Lapangan, Chỉ huy trưởng công trường, 積算課長,
    Quantity Surveyor, 대표이사, Direktur Utama, Petugas K3...; English only in the Philippines), each naming one of
    seven roles. Segments from the role read from the title and, for site managers, project managers and executives,
    the market (north: Japan, Korea, Taiwan; south: the Philippines, Indonesia, Vietnam), ten of them: site managers in
    the north answer at 06:30, before the morning assembly (sd 0.9 h), in the south at 19:00, after the day on site;
    safety officers at the lunch break (12:30, sd 0.9 h); project managers in the north at 18:00, back in the office
    from the sites, in the south broadly at 10:30 (sd 3.2 h); executives in the north at 07:30, in the south (owners of
    family firms, many) broadly at 16:00 (sd 3.0 h); estimators late, at 20:30, working on the tenders; BIM and design
    people broadly at 14:30 (sd 3.5 h); procurement at 09:30; the others narrow (sd 1.0-1.2 h). About 25% of contacts
    peak 2-3 hours off their segment's (15% of site managers in the north and safety officers, 40% in the broad
    segments). Site people answer every day (the north's site managers best on Saturday, +0.3, when the sites work and
    the office is quiet, and hardly on Sunday, -1.2; the south's weak on Sunday, -0.6; safety officers hardly on Sunday,
    -1.3), and so do the south's executives (best on Saturday, +0.2); the others never at weekends, project managers in
    the north weak on Monday (-0.35, the weekly site meetings), estimators best on Thursday (+0.25) and weak on Monday,
    procurement weak on Friday (-0.4), the north's executives best on Tuesday. The calendar: office people (and the
    south's executives) do not answer on their country's public holidays nor in their company's closures (Japan's Obon,
    13-16 August, and year-end, 27 December to 4 January; Indonesia's Lebaran leave, 28 March to 7 April 2025 and 18-24
    March 2026): -3.5 on the log-odds, the reply clock stopped. The sites work through most public holidays (-0.35) but
    shut, the workers going home, at the great feasts: Golden Week, Obon and the year-end in Japan, Seollal and Chuseok
    in Korea, the Lunar New Year in Taiwan (nine days) and Vietnam (three weeks), the Holy Week and Christmas to New
    Year in the Philippines, and Lebaran in Indonesia (two and a half weeks, 24 March to 11 April 2025 and 14-31 March
    2026): the site people's days off (-3.5, the reply clock stopped). Japan's site managers and project managers are
    swamped in March, finishing the public works before the fiscal year ends (-0.55); procurement people check the
    subcontractors' monthly claims from the 20th to the 25th (-0.5). Reps in six offices, each with a habitual hour and
    a fifth of their touches at another hour, working their office's working days only: account executives in Tokyo
    (general and civil contractors at 08:30; specialty contractors and homebuilders at 17:30, after the day's visits),
    Seoul (09:00), Taipei (10:30), Manila (14:00), Jakarta (10:00; 11:00 in Makassar) and Singapore (Vietnam, 09:30:
    08:30 in Ho Chi Minh City), one account in ten owned by another; customer success managers in Singapore (11:00 for
    the north: 12:00 in Tokyo; 15:00 for the south); implementation consultants in Tokyo (07:30; 06:30 in Taipei) and
    Manila (08:00; 07:00 in Jakarta and Ho Chi Minh City) who put the sites on the system; product specialists for
    estimating and BIM in Melbourne (10:00 and 16:00 on their clock, which keeps daylight saving time: 08:00 and 14:00 in
    Tokyo in the southern summer, 09:00 and 15:00 in its winter, two hours less in Jakarta); and a sales development
    pod in Manila (09:30 for the north, 16:30 for the south). About 40% of the contractors are customers: a success
    manager keeps in touch with one or two of their executives, project managers or BIM people every two to five
    weeks; the account executive works the renewal before each anniversary of the contract; one to three lines of
    project deals side by side (a contractor buys for each project it wins; three lines for the largest firms), each of
    one to three and a half months with one or two project managers, executives or procurement people, one to five
    months apart; a won project gets its sites put on the system by an implementation consultant, touching one or two
    site managers and a safety officer every two to four days for three to eight weeks; a third of the customers get an
    estimating or BIM deal from a specialist with their estimators and BIM people. Prospects get the pod's sequences
    (three to six steps two to four days apart, again two to five months later), an account executive keeping in touch
    with an executive every four to seven weeks in a third of them, and a deal in a third (the specialist joining one
    in three). People met at the vendor's user conference in Singapore (15 October 2025) get an e-mail in the week
    after. A touch the same day as the last does badly (-0.7), the next day a little (-0.15), three to six days after
    it is best (+0.3) and long silences cost (-0.45 from five months); fatigue counts six days; unanswered touches in a
    row cost more and more (-0.85 from six); a reply in the last four days helps (+0.4); a person never touched answers
    less (-0.3); calls do better than e-mails (+0.2), meetings much better (+0.85). About half the touches come from a
    rep in another time zone than the contact's; each segment's four busiest hours of the contact's clock hold 45-80%
    of its touches (the site people's, at 06:00-09:00, about four in five); 14% of the touched contacts are in two
    deals at once for a while; a touched contact gets 9 touches at the median (1 at the 10th percentile, 40 at the
    90th, up to about 140), 44% of them six or fewer and 32% a single one. About 67% of the touches are e-mails, 24%
    calls and 9% meetings. About 31,000 touches at scale 1 (820 contractors), about 2,470 contacts, about 16% of them
    never touched."""
    staff: dict[str, tuple[str, str]] = {}  # by e-mail: role, country
    years = (2025, 2026)

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        role, country = staff[c.email]
        day = loc.date()
        z = _girder_season(role, country, day)
        if role in GIRDER_SITE and day not in c.off and day in _girder_holidays(country, years):
            z += GIRDER_WORKED_HOLIDAY
        return z

    fx = Effects(
        base=-1.0,
        gap=_pl((0.0, -0.7), (0.5, -0.5), (1.0, -0.15), (3.0, 0.3), (6.0, 0.3), (14.0, 0.1), (40.0, 0.0),
                (150.0, -0.45)),
        cold=-0.3,
        fatigue_days=6.0,
        fatigue=(0.0, -0.1, -0.25, -0.45, -0.7, -0.95),
        streak=(0.0, -0.05, -0.15, -0.3, -0.5, -0.7, -0.85),
        recent=_pl((0.0, 0.4), (4.0, 0.4), (10.0, 0.0)),
        night=-1.0,
        channel=(0.0, 0.2, 0.85),
        delay=Delay(((0.45, 1.5), (0.35, 8.0), (0.2, 30.0)), floor=0.1),
        responsiveness_sd=0.55,
        holiday=GIRDER_OFF,
        calendar=calendar,
    )
    w = PlantedWorld("girder", _doc(girder), fx, dt.datetime(2026, 4, 23, 1, 0, tzinfo=UTC), seed)
    w.history_days = 430.0
    rng = random.Random(seed)
    b = _Builder(w, rng)
    end = w.end_ts
    begin = end - 422 * DAY

    def office(code: str, extra: frozenset[dt.date] = frozenset(), subdiv: str | None = None) -> frozenset[dt.date]:
        days = holidays.country_holidays(code, subdiv=subdiv, years=years)
        return frozenset(d for d in set(days) | extra if d.weekday() < 5)

    jp, kr, tw = office("JP", GIRDER_CLOSURES["Japan"][0]), office("KR"), office("TW")
    ph, idn = office("PH"), office("ID", GIRDER_CLOSURES["Indonesia"][0])
    sg, au = office("SG"), office("AU", subdiv="VIC")
    tokyo, manila = "Asia/Tokyo", "Asia/Manila"
    morita = b.rep("Kenji Morita", tokyo, 8.5, 6.0, hour_sd=0.6, p_random=0.2, off=jp)
    fukuda = b.rep("Aya Fukuda", tokyo, 17.5, 5.0, hour_sd=0.7, p_random=0.2, off=jp)
    han = b.rep("Ji-won Han", "Asia/Seoul", 9.0, 5.0, hour_sd=0.6, p_random=0.22, off=kr)
    lo = b.rep("Yi-chen Lo", "Asia/Taipei", 10.5, 6.0, hour_sd=0.7, p_random=0.2, off=tw)
    mercado = b.rep("Paolo Mercado", manila, 14.0, 5.0, hour_sd=0.7, p_random=0.22, off=ph)
    prakoso = b.rep("Dimas Prakoso", "Asia/Jakarta", 10.0, 6.0, hour_sd=0.6, p_random=0.2, off=idn)
    tan = b.rep("Rachel Tan", "Asia/Singapore", 9.5, 6.0, hour_sd=0.6, p_random=0.2, off=sg)
    goh = b.rep("Wei Ling Goh", "Asia/Singapore", 11.0, 7.0, hour_sd=0.6, p_random=0.2, off=sg)
    pillai = b.rep("Arjun Pillai", "Asia/Singapore", 15.0, 7.0, hour_sd=0.6, p_random=0.2, off=sg)
    ogawa = b.rep("Shun Ogawa", tokyo, 7.5, 3.0, hour_sd=0.5, p_random=0.18, off=jp)
    ocampo = b.rep("Grace Ocampo", manila, 8.0, 3.0, hour_sd=0.5, p_random=0.18, off=ph)
    price = b.rep("Hannah Price", "Australia/Melbourne", 10.0, 6.0, hour_sd=0.6, p_random=0.2, off=au)
    gallagher = b.rep("Tom Gallagher", "Australia/Melbourne", 16.0, 6.0, hour_sd=0.6, p_random=0.2, off=au)
    dizon = b.rep("Carla Dizon", manila, 9.5, 3.0, hour_sd=0.6, p_random=0.2, off=ph)
    torres = b.rep("Miguel Torres", manila, 16.5, 3.0, hour_sd=0.6, p_random=0.2, off=ph)
    every_ae = [morita, fukuda, han, lo, mercado, prakoso, tan]
    after_sale = {"north": (goh, ogawa, dizon), "south": (pillai, ocampo, torres)}  # success, implementation, pod
    segments = {k: Segment(k, p, sd, a, week, every) for k, (p, sd, a, _, week, every) in GIRDER_SEGMENTS.items()}
    countries = {"Japan": 0.3, "South Korea": 0.16, "Taiwan": 0.12, "Philippines": 0.17, "Indonesia": 0.16,
                 "Vietnam": 0.09}
    sector_shares = {"general contracting": 0.35, "civil engineering": 0.22, "specialty contracting": 0.25,
                     "homebuilding": 0.18}
    taken: set[str] = set()

    def territory(country: str, sector: str) -> int:
        if country == "Japan":
            return morita if sector in ("general contracting", "civil engineering") else fukuda
        return {"South Korea": han, "Taiwan": lo, "Philippines": mercado, "Indonesia": prakoso, "Vietnam": tan}[country]

    def company(sector: str, country: str) -> tuple[str, str]:
        for k in range(1000):
            stem = rng.choice(_GIRDER_STEMS[country])
            if k >= 20:
                stem = f"{stem} {rng.choice(_GIRDER_STEMS[country])}"
            base = f"{stem} {_GIRDER_KINDS[country][sector]}"
            if base not in taken:
                taken.add(base)
                pre, post = _GIRDER_FORMS[country]
                return pre + base + post, base
        raise RuntimeError("no company name left")

    def person(ai: int, role: str, country: str, owner: int, domain: str) -> _Contact:
        market = GIRDER_MARKET[country]
        key = f"{role}/{market}" if role in GIRDER_SPLIT else role
        language, local_share = _GIRDER_LANGUAGE[country]
        local = _GIRDER_TITLES.get((role, language), ())
        title = rng.choice(local if local and language != "en" and rng.random() < local_share
                           else _GIRDER_TITLES[(role, "en")])
        zones = GIRDER_ZONES[country]
        zone = zones[0] if len(zones) == 1 or rng.random() < 0.8 else zones[1]
        c = b.contact(ai, zone, segments[key], owner, GIRDER_SEGMENTS[key][3], title=title)
        firsts, lasts = _GIRDER_PEOPLE[country]
        first, last = rng.choice(firsts), rng.choice(lasts)
        _rename(w, c, first, last, domain)
        c.off = _girder_off(role, country, years)
        staff[c.email] = (role, country)
        return c

    for _ in range(_count(scale, 820, 10)):
        country = _weighted(rng, countries)
        market = GIRDER_MARKET[country]
        sector = _weighted(rng, sector_shares)
        low, high = _GIRDER_SIZES[sector]
        employees = int(math.exp(rng.uniform(math.log(low), math.log(high))))
        home = territory(country, sector)
        owner = home if rng.random() < 0.9 else rng.choice(every_ae)
        csm, consultant, pod = after_sale[market]
        specialist = price if rng.random() < 0.5 else gallagher
        ai = b.account("construction", country, employees, owner)
        acc = w.accounts[ai]
        acc.name, base = company(sector, country)
        acc.sector, acc.parent = sector, ""
        domain = "-".join(s for s in (_slug(part) for part in base.split()) if s)
        customer = rng.random() < 0.4
        arrival = begin if rng.random() < 0.7 else begin + rng.uniform(0.0, 380.0) * DAY
        plan = [_weighted(rng, _GIRDER_OFFICE) for _k in range(rng.choice((1, 1, 2, 2, 3, 4) if customer
                                                                             else (1, 1, 2, 2, 3)))]
        plan += ["site" if rng.random() < 0.7 else "safety"
                 for _k in range(rng.choice((0, 1, 1, 2, 3, 4) if customer else (0, 0, 0, 1, 1, 2)))]
        people: list[_Contact] = []
        for k, role in enumerate(plan):
            c = person(ai, role, country, owner, domain)
            share = 0.1 if customer else 0.55 if role in GIRDER_SITE else 0.3
            if k > 0 and b.cold(share):
                continue  # never touched (never a contractor's first person)
            people.append(c)
            c.inbound = rng.randint(0, 2) if customer and role not in GIRDER_SITE else 0
        if not people:
            continue
        role_of = {c.email: staff[c.email][0] for c in people}

        def having(*roles: str, among: list[_Contact] = people) -> list[_Contact]:
            return [c for c in among if role_of[c.email] in roles]

        hq = [c for c in people if role_of[c.email] not in GIRDER_SITE] or people[:1]
        sites = having("site")
        safety = having("safety")
        if customer:
            keys = having("executive", "pm", "bim", among=hq) or hq
            for c in rng.sample(keys, min(len(keys), rng.choice((1, 1, 2)))):
                c.threads.append(_Cadence(csm, arrival + rng.uniform(0.0, 30.0) * DAY, end, rng.uniform(14.0, 35.0), 0.4,
                                          mix=(0.62, 0.9), react=0.3))
            anniversary = begin + rng.uniform(0.0, 365.0) * DAY
            buyers = having("executive", "procurement", among=hq) or hq
            while anniversary - 30 * DAY < end:
                t0 = max(anniversary - rng.uniform(30.0, 60.0) * DAY, arrival)
                t1 = anniversary + rng.uniform(0.0, 10.0) * DAY
                if t1 > begin + 20 * DAY and t0 < min(t1, end - 3 * DAY):
                    di = b.deal(owner, ai, t0, t1)
                    w.deals[di].product, w.deals[di].won = rng.choice(_GIRDER_PROJECT[:2]), rng.random() < 0.9
                    for c in rng.sample(buyers, min(len(buyers), rng.choice((1, 1, 2)))):
                        c.threads.append(_Cadence(owner, t0, min(t1, end), w.reps[owner].gap * rng.uniform(0.8, 1.2), 0.45,
                                                  deal=di, mix=(0.7, 0.92), react=0.4))
                anniversary += 365 * DAY
            lines = 3 if employees >= 3000 else 2 if employees >= 500 else 1
            for _line in range(lines):
                t = arrival + rng.uniform(5.0, 120.0) * DAY
                while t < end - 10 * DAY and rng.random() < 0.75:
                    dur = rng.uniform(30.0, 105.0) * DAY
                    di = b.deal(owner, ai, t, t + dur)
                    w.deals[di].product = rng.choice(_GIRDER_PROJECT)
                    users = having("pm", "executive", "procurement", among=hq) or hq
                    for c in rng.sample(users, min(len(users), rng.choice((1, 1, 2)))):
                        c.threads.append(_Cadence(owner, t, min(t + dur, end), w.reps[owner].gap * rng.uniform(0.8, 1.25),
                                                  0.45, deal=di, mix=(0.64, 0.88), react=0.4))
                    if w.deals[di].won and t + dur < end - 5 * DAY and (sites or safety):
                        go = t + dur + rng.uniform(3.0, 15.0) * DAY
                        crew = rng.sample(sites, min(len(sites), rng.randint(1, 2))) + safety[:1]
                        for c in crew:
                            c.threads.append(_Cadence(consultant, go, min(go + rng.uniform(21.0, 56.0) * DAY, end),
                                                      rng.uniform(2.0, 4.0), 0.5, deal=di, mix=(0.6, 0.88), react=0.3))
                    t += dur + rng.uniform(30.0, 150.0) * DAY
            experts = having("estimator", "bim", among=hq)
            if experts and rng.random() < 0.33:
                t = arrival + rng.uniform(10.0, 300.0) * DAY
                if t < end - 10 * DAY:
                    dur = rng.uniform(30.0, 90.0) * DAY
                    rep = price if rng.random() < 0.5 else gallagher
                    di = b.deal(rep, ai, t, t + dur)
                    w.deals[di].product = rng.choice(_GIRDER_SPECIALIST)
                    for c in rng.sample(experts, min(len(experts), rng.choice((1, 2)))):
                        c.threads.append(_Cadence(rep, t, min(t + dur, end), w.reps[rep].gap * rng.uniform(0.8, 1.2),
                                                  0.45, deal=di, mix=(0.7, 0.85), react=0.35))
            for c in hq:
                if not c.threads and rng.random() < 0.6:
                    c.threads.append(_Cadence(csm, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(30.0, 60.0),
                                              0.4, mix=(0.75, 0.95), react=0.3))
        else:
            b.sequences(hq, pod, arrival, 0.7, 300.0, (60.0, 150.0), (0.78, 1.0))
            deciders = having("executive", among=hq)
            if deciders and rng.random() < 0.35:
                c = rng.choice(deciders)
                c.threads.append(_Cadence(owner, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(28.0, 49.0),
                                          0.5, mix=(0.7, 0.95), react=0.35))
            if rng.random() < 0.35:
                t = arrival + rng.uniform(20.0, 380.0) * DAY
                if t < end - 10 * DAY:
                    dur = rng.uniform(30.0, 105.0) * DAY
                    di = b.deal(owner, ai, t, t + dur)
                    w.deals[di].product = rng.choice(_GIRDER_PROJECT)
                    chosen = rng.sample(hq, min(len(hq), rng.choice((1, 1, 2, 3))))
                    for c in chosen:
                        c.threads.append(_Cadence(owner, t, min(t + dur, end), w.reps[owner].gap * rng.uniform(0.8, 1.2),
                                                  0.45, deal=di, mix=(0.66, 0.9), react=0.4))
                    experts = having("estimator", "bim", among=hq) or chosen[:1]
                    if rng.random() < 0.33:
                        t2 = t + rng.uniform(0.2, 0.5) * dur
                        if t2 < end - 5 * DAY:
                            d2 = b.deal(specialist, ai, t2, t + dur)
                            w.deals[d2].product = rng.choice(_GIRDER_SPECIALIST)
                            experts[0].threads.append(_Cadence(specialist, t2, min(t + dur, end),
                                                               w.reps[specialist].gap, 0.45, deal=d2, mix=(0.7, 0.85),
                                                               react=0.35))
        for c in people:
            if role_of[c.email] not in GIRDER_SITE and rng.random() < 0.08:
                c.threads.append(_Once(owner, w.place(owner, _clock(GIRDER_CONFERENCE, 12 * 3600, w.reps[owner].tz)
                                                      + rng.uniform(0.0, 4.0) * DAY, rng)))
            if not c.threads:
                who = csm if customer else pod
                c.threads.append(_Once(who, w.place(who, rng.uniform(arrival, end - DAY), rng)))
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 24. Commercial solar-hybrid power for businesses in the Maghreb and West Africa (kept aside)


HARMATTAN_ZONES = {"Morocco": "Africa/Casablanca", "Tunisia": "Africa/Tunis", "Senegal": "Africa/Dakar",
                   "Côte d'Ivoire": "Africa/Abidjan", "Ghana": "Africa/Accra", "Nigeria": "Africa/Lagos",
                   "Cameroon": "Africa/Douala"}
HARMATTAN_CODES = {"Morocco": "MA", "Tunisia": "TN", "Senegal": "SN", "Côte d'Ivoire": "CI", "Ghana": "GH",
                   "Nigeria": "NG", "Cameroon": "CM"}
HARMATTAN_MUSLIM = ("Morocco", "Tunisia", "Senegal")  # Ramadan and the Friday prayer set the working day there
HARMATTAN_MAGHREB = ("Morocco", "Tunisia")  # the offices empty in August
HARMATTAN_GUINEA = ("Côte d'Ivoire", "Ghana", "Nigeria", "Cameroon")  # everyone travels home over the year-end
HARMATTAN_SECTORS = ("agro-processing", "manufacturing", "healthcare", "hospitality", "telecom towers", "cold chain")
HARMATTAN_HOLDING = "diversified holding"  # the sector the CRM gives a group's holding company
HARMATTAN_PRODUCTS = ("Rooftop Solar Plant", "Ground-Mount Solar Plant", "Battery Storage", "Hybrid Genset Controller",
                      "O&M Contract", "Energy-as-a-Service PPA")
_HARMATTAN_PROJECT = HARMATTAN_PRODUCTS[:4]  # what the account executives sell, site by site
HARMATTAN_OFF = -3.5  # a touch on one of the contact's days off (a public holiday of an office person, a day away)
# a touch on a public holiday to someone who works through them: facilities people, owners of independent firms
HARMATTAN_WORKED_HOLIDAY = {"facilities": -0.4, "executive/independent": -0.6}
# the days of fasting (the first to the last), in the countries where most people keep them
HARMATTAN_RAMADAN = ((dt.date(2025, 3, 1), dt.date(2025, 3, 29)), (dt.date(2026, 2, 18), dt.date(2026, 3, 19)))
# Senegal stops for Tabaski (the Feast of the Sacrifice): from three days before it to four days after, people travel
# to their families
HARMATTAN_TABASKI = ((dt.date(2025, 6, 3), dt.date(2025, 6, 10)), (dt.date(2026, 5, 24), dt.date(2026, 5, 31)))
HARMATTAN_CUSTOMER_DAY = dt.date(2025, 10, 13)  # the Monday after the vendor's customer day in Abidjan (9 October 2025)
# role/ownership: peak, sd, amp, share of contacts peaking 2-3 hours off, weekdays (Monday..Sunday), whether the reply
# clock runs every day
HARMATTAN_SEGMENTS: dict[str, tuple[float, float, float, float, tuple[float, ...], bool]] = {
    "facilities": (6.5, 1.0, 1.55, 0.15, (0.2, 0.1, 0.05, 0.0, -0.1, -0.15, -0.9), True),
    "executive/holding": (7.5, 1.0, 1.5, 0.25, (0.3, 0.15, 0.05, 0.0, -0.35, -1.2, -1.3), False),
    "finance/group": (9.0, 1.1, 1.45, 0.2, (-0.3, 0.1, 0.15, 0.1, -0.1, -1.2, -1.3), False),
    "procurement": (10.5, 1.2, 1.4, 0.25, (0.1, 0.15, 0.1, 0.0, -0.4, -1.1, -1.3), False),
    "energy": (11.0, 3.3, 0.95, 0.4, (0.0, 0.1, 0.15, 0.2, -0.3, -1.2, -1.3), False),
    "finance/independent": (12.5, 3.2, 0.9, 0.4, (0.0, 0.1, 0.1, 0.05, -0.2, -0.8, -1.3), False),
    "operations": (15.0, 3.0, 1.0, 0.4, (0.05, 0.1, 0.1, 0.05, -0.25, -1.0, -1.3), False),
    "executive/subsidiary": (18.0, 1.1, 1.5, 0.25, (0.05, 0.2, 0.15, 0.05, -0.4, -1.2, -1.3), False),
    "executive/independent": (21.0, 1.0, 1.45, 0.3, (-0.1, 0.0, 0.05, 0.0, -0.3, 0.05, 0.35), True),
}
HARMATTAN_EVERY_DAY = ("facilities", "executive/independent")  # the segments that work weekends and public holidays
# Titles by role and language (fr: French, ar: Arabic, en: English).
_HARMATTAN_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("executive", "fr"): ("Directeur Général", "Directrice Générale", "DG", "PDG", "Président Directeur Général",
                          "Gérant", "Gérante", "Administrateur Directeur Général", "Directeur Général Adjoint",
                          "Fondateur", "Président du Conseil d'Administration"),
    ("executive", "ar"): ("المدير العام", "الرئيس المدير العام"),
    ("executive", "en"): ("Managing Director", "MD/CEO", "Chief Executive Officer", "CEO", "Executive Director",
                          "Chairman", "Country Manager", "Founder & CEO", "Proprietor", "Group CEO"),
    ("finance", "fr"): ("Directeur Administratif et Financier", "DAF", "Directrice Administrative et Financière",
                        "Responsable Financier", "Chef Comptable", "Contrôleur de Gestion", "Directeur Financier"),
    ("finance", "ar"): ("المدير المالي",),
    ("finance", "en"): ("Finance Manager", "Chief Financial Officer", "CFO", "Head of Finance", "Financial Controller",
                        "Finance & Admin Manager", "Group Financial Controller"),
    ("facilities", "fr"): ("Responsable Maintenance", "Resp. Maintenance", "Chef de Service Maintenance",
                           "Responsable Technique", "Directeur Technique", "Responsable des Services Généraux",
                           "Chef Électricien", "Responsable Utilités"),
    ("facilities", "en"): ("Facility Manager", "Maintenance Manager", "Head of Engineering Services", "Chief Engineer",
                           "Electrical Engineer", "Facilities Supervisor", "Technical Services Manager",
                           "Power & Utilities Engineer"),
    ("operations", "fr"): ("Directeur d'Usine", "Directeur de Site", "Directeur des Opérations",
                           "Directeur d'Exploitation", "Responsable de Production", "Directeur d'Hôtel",
                           "Directeur de Clinique"),
    ("operations", "en"): ("Plant Manager", "Operations Manager", "Head of Operations", "Factory Manager",
                           "Hotel General Manager", "Hospital Administrator", "Site Manager"),
    ("procurement", "fr"): ("Responsable Achats", "Acheteur", "Acheteuse", "Directeur des Achats",
                            "Chef du Service Approvisionnement", "Resp. Achats"),
    ("procurement", "en"): ("Procurement Manager", "Head of Procurement", "Purchasing Officer", "Supply Chain Manager",
                            "Procurement Officer"),
    ("energy", "fr"): ("Responsable Énergie", "Responsable QHSE", "Chargé de l'Efficacité Énergétique",
                       "Responsable RSE", "Directeur Développement Durable"),
    ("energy", "en"): ("Energy Manager", "HSE Manager", "Sustainability Manager", "ESG Lead",
                       "Head of Sustainability"),
}
HARMATTAN_ROLE = {t: role for (role, _), titles in _HARMATTAN_TITLES.items() for t in titles}
# the titles a kind of account does not use (an owner's at a group, a group's at an independent firm)
_HARMATTAN_NOT_AT = {
    "holding": frozenset({"Gérant", "Gérante", "Fondateur", "Founder & CEO", "Proprietor", "Country Manager"}),
    "subsidiary": frozenset({"Gérant", "Gérante", "Fondateur", "Founder & CEO", "Proprietor", "Group CEO",
                             "Président du Conseil d'Administration"}),
    "independent": frozenset({"Group CEO", "Group Financial Controller", "Country Manager",
                              "Président du Conseil d'Administration"}),
}
# a country's name in a subsidiary's name, in the subsidiary's language
_HARMATTAN_NAMES = {"fr": {"Morocco": "Maroc", "Tunisia": "Tunisie", "Senegal": "Sénégal", "Côte d'Ivoire": "Côte d'Ivoire",
                           "Cameroon": "Cameroun"},
                    "en": {"Cameroon": "Cameroon", "Nigeria": "Nigeria", "Ghana": "Ghana", "Côte d'Ivoire": "Côte d'Ivoire"}}
# the languages of the titles by the account's country (Cameroon's anglophone accounts write English)
_HARMATTAN_LANGUAGE = {"Morocco": {"fr": 0.82, "ar": 0.08, "en": 0.1}, "Tunisia": {"fr": 0.8, "ar": 0.12, "en": 0.08},
                       "Senegal": {"fr": 0.9, "en": 0.1}, "Côte d'Ivoire": {"fr": 0.9, "en": 0.1},
                       "Cameroon": {"fr": 0.9, "en": 0.1}, "Ghana": {"en": 1.0}, "Nigeria": {"en": 1.0}}
_HARMATTAN_PEOPLE = {
    "Morocco": (("Youssef", "Fatima Zahra", "Mohamed", "Khadija", "Omar", "Salma", "Hamza", "Nadia", "Rachid", "Imane",
                 "Mehdi", "Soukaina"),
                ("El Amrani", "Benjelloun", "Alaoui", "Bennani", "Tazi", "Berrada", "El Idrissi", "Chraibi", "Lahlou",
                 "Naciri", "Bouzid", "Sqalli")),
    "Tunisia": (("Mohamed Ali", "Amira", "Sami", "Ines", "Walid", "Rim", "Hichem", "Sonia", "Karim", "Olfa", "Anis",
                 "Mariem"),
                ("Trabelsi", "Ben Salah", "Jaziri", "Gharbi", "Hammami", "Mejri", "Chaabane", "Karray", "Ayari",
                 "Ben Ammar", "Dridi", "Masmoudi")),
    "Senegal": (("Moussa", "Aminata", "Mamadou", "Fatou", "Cheikh", "Awa", "Ibrahima", "Mariama", "Ousmane", "Khady",
                 "Abdoulaye", "Ndeye"),
                ("Diop", "Ndiaye", "Fall", "Sow", "Diallo", "Gueye", "Sy", "Faye", "Mbaye", "Sarr", "Ba", "Cissé")),
    "Côte d'Ivoire": (("Kouadio", "Aya", "Yao", "Adjoua", "Konan", "Affoué", "Serge", "Mariam", "Jean-Marc", "Awa",
                       "Didier", "Christelle"),
                      ("Kouassi", "Koffi", "Konan", "Traoré", "Coulibaly", "Bamba", "Ouattara", "Yao", "N'Guessan",
                       "Koné", "Aka", "Gnagne")),
    "Ghana": (("Kwame", "Ama", "Kofi", "Akosua", "Yaw", "Efua", "Kwabena", "Abena", "Kojo", "Adwoa", "Nana", "Esi"),
              ("Mensah", "Owusu", "Boateng", "Asante", "Osei", "Agyeman", "Appiah", "Darko", "Acheampong", "Ofori",
               "Amoah", "Quaye")),
    "Nigeria": (("Chinedu", "Ngozi", "Oluwaseun", "Funmilayo", "Ibrahim", "Aisha", "Emeka", "Blessing", "Tunde",
                 "Halima", "Chukwuemeka", "Folake", "Musa", "Adaeze"),
                ("Okafor", "Adeyemi", "Okonkwo", "Balogun", "Bello", "Eze", "Ogunleye", "Abubakar", "Nwosu", "Adebayo",
                 "Umar", "Okeke")),
    "Cameroon": (("Jean-Pierre", "Marie-Claire", "Paul", "Brigitte", "Emmanuel", "Christiane", "Hervé", "Solange",
                  "Boris", "Estelle", "Alain", "Nadège"),
                 ("Mbarga", "Ngono", "Fotso", "Kamga", "Tchoua", "Essomba", "Nkwenti", "Tabi", "Atangana", "Njoya",
                  "Mbah", "Tchinda")),
}
_HARMATTAN_STEMS = {
    "Morocco": ("Atlas", "Chaouia", "Souss", "Tafilalet", "Argana", "Majorelle", "Bouregreg", "Anfa", "Tensift",
                "Oum Rabia", "Saiss", "Doukkala"),
    "Tunisia": ("Carthage", "Sahel", "Medjerda", "Jasmin", "Kairouan", "Djerba", "Zaghouan", "Tabarka", "Cap Bon",
                "Hammamet"),
    "Senegal": ("Teranga", "Baobab", "Casamance", "Sine Saloum", "Gorée", "Lac Rose", "Cap Vert", "Fouta", "Ferlo",
                "Almadies"),
    "Côte d'Ivoire": ("Lagune", "Éburnie", "Akwaba", "Bandama", "Comoé", "Sassandra", "Cocody", "Baoulé", "Marahoué",
                      "Zanzan"),
    "Ghana": ("Volta", "Ashanti", "Akosombo", "Adinkra", "Gold Coast", "Osu", "Tema", "Black Star", "Cape Coast",
              "Kintampo"),
    "Nigeria": ("Niger Delta", "Eko", "Zuma", "Oduduwa", "Lekki", "Ikeja", "Benue", "Kano", "Aso", "Olumo", "Onitsha",
                "Jos Plateau"),
    "Cameroon": ("Wouri", "Sanaga", "Bonanjo", "Mungo", "Mont Cameroun", "Kribi", "Akwa", "Adamaoua", "Nyong",
                 "Bénoué"),
}
_HARMATTAN_FORMS = {"Morocco": (" S.A.", " SARL"), "Tunisia": (" S.A.", " SARL"), "Senegal": (" SA", " SARL", " SUARL"),
                    "Côte d'Ivoire": (" SA", " SARL"), "Ghana": (" Ltd", " Limited"),
                    "Nigeria": (" Ltd", " Limited", " Plc"), "Cameroon": (" SA", " SARL")}
_HARMATTAN_WORDS = {
    "fr": {"agro-processing": "Agro-Industries", "manufacturing": "Industries", "healthcare": "Santé",
           "hospitality": "Hôtels", "telecom towers": "Infrastructures Télécom", "cold chain": "Froid Industriel"},
    "en": {"agro-processing": "Agro Processing", "manufacturing": "Industries", "healthcare": "Health",
           "hospitality": "Hotels", "telecom towers": "Towers", "cold chain": "Cold Chain"},
}
# where a group headquartered in a country has its subsidiaries abroad
_HARMATTAN_REACH = {"Morocco": ("Senegal", "Côte d'Ivoire", "Cameroon", "Tunisia"),
                    "Tunisia": ("Morocco", "Côte d'Ivoire", "Senegal"), "Senegal": ("Côte d'Ivoire", "Cameroon"),
                    "Côte d'Ivoire": ("Senegal", "Cameroon", "Ghana"), "Nigeria": ("Ghana", "Côte d'Ivoire", "Cameroon"),
                    "Ghana": ("Nigeria", "Côte d'Ivoire")}
_HARMATTAN_SUBSIDIARY = {"executive": 0.25, "finance": 0.2, "facilities": 0.25, "operations": 0.12, "procurement": 0.08,
                         "energy": 0.1}
_HARMATTAN_INDEPENDENT = {"finance": 0.3, "facilities": 0.35, "operations": 0.2, "procurement": 0.15}
_HARMATTAN_HEAD_OFFICE = {"executive": 0.5, "finance": 0.25, "energy": 0.25}


def _harmattan_key(role: str, ownership: str) -> str:
    """The segment of a contact: the role and, for executives and finance people, the account's ownership (a group's
    holding company, a subsidiary naming it as its parent, or an independent firm)."""
    if role == "executive":
        return f"executive/{ownership}"
    if role == "finance":
        return "finance/independent" if ownership == "independent" else "finance/group"
    return role


def _harmattan_holidays(country: str, years: tuple[int, ...]) -> frozenset[dt.date]:
    """Every day in ``years`` that is a public holiday in ``country``, whatever the weekday."""
    return _holiday_dates(HARMATTAN_CODES[country], None, years)


def _harmattan_season(key: str, country: str, loc: dt.datetime) -> float:
    """The log-odds of a reply by the contact's local moment: in Morocco, Tunisia and Senegal replies thin out during
    Ramadan (-0.4 all day, and office people -0.9 more from 15:00, when the offices' Ramadan hours end) and at the
    Friday prayer (12:30-15:00 on Fridays, -0.7, facilities people apart); the Maghreb's offices empty in August
    (-0.6); around the Gulf of Guinea everyone travels home from 20 December to 3 January (-0.6); Senegal stops for
    Tabaski (-0.9)."""
    day = loc.date()
    h = loc.hour + loc.minute / 60.0
    office = key not in HARMATTAN_EVERY_DAY
    z = 0.0
    if country in HARMATTAN_MUSLIM:
        if any(first <= day <= last for first, last in HARMATTAN_RAMADAN):
            z -= 0.4
            if office and h >= 15.0:
                z -= 0.9
        if day.weekday() == 4 and 12.5 <= h < 15.0 and key != "facilities":
            z -= 0.7
    if country in HARMATTAN_MAGHREB and day.month == 8 and office:
        z -= 0.6
    if country in HARMATTAN_GUINEA and ((day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 3)):
        z -= 0.6
    if country == "Senegal" and any(first <= day <= last for first, last in HARMATTAN_TABASKI):
        z -= 0.9
    return z


def _harmattan_pace(country: str) -> Callable[[float], float]:
    """Gap multiplier of a rep's cadence to a contact in ``country``, by the date: the reps write less in the lulls
    (Ramadan, the Maghreb's August, the year-end around the Gulf of Guinea, Tabaski in Senegal)."""

    def pace(t: float) -> float:
        day = dt.datetime.fromtimestamp(t, UTC).date()
        if country in HARMATTAN_MUSLIM and any(first <= day <= last for first, last in HARMATTAN_RAMADAN):
            return 1.3
        if country in HARMATTAN_MAGHREB and day.month == 8:
            return 1.8
        if country in HARMATTAN_GUINEA and ((day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 3)):
            return 1.8
        if country == "Senegal" and any(first <= day <= last for first, last in HARMATTAN_TABASKI):
            return 2.0
        return 1.0

    return pace


def _harmattan_leave(rng: random.Random, country: str) -> tuple[tuple[dt.date, dt.date], ...]:
    """An office person's leave, (first day away, day back), both weekdays: in the Maghreb two to three weeks in August
    2025, elsewhere two to four weeks from mid-July to the end of August 2025 (or, around the Gulf of Guinea one time
    in three, one to two weeks over the year-end)."""
    if country in HARMATTAN_MAGHREB:
        start, length = dt.date(2025, 8, 1) + dt.timedelta(days=rng.randint(0, 12)), rng.choice((14, 16, 21))
    elif country in HARMATTAN_GUINEA and rng.random() < 1 / 3:
        start, length = dt.date(2025, 12, 15) + dt.timedelta(days=rng.randint(0, 7)), rng.choice((7, 9, 14))
    else:
        start, length = dt.date(2025, 7, 14) + dt.timedelta(days=rng.randint(0, 25)), rng.choice((14, 16, 21, 28))
    return (_away(start, length),)


def harmattan(scale: float = 1.0, seed: int = 2424) -> PlantedWorld:
    """Kept aside for a final check. A vendor of solar-hybrid power for businesses (rooftop and ground-mount solar
    plants, battery storage, hybrid controllers for the diesel generators, operation and maintenance contracts and, from
    an asset-finance specialist, energy-as-a-service power-purchase agreements) selling to agro-processors,
    manufacturers, private hospitals and clinics, hotels, telecom tower companies and cold stores in the Maghreb and
    West Africa: Morocco (19% of the 860 accounts at scale 1), Tunisia (11%), Senegal (13%), Côte d'Ivoire (17%), Ghana
    (11%), Nigeria (20%) and Cameroon (9%), contacts in their own time zones (Casablanca, Tunis, Dakar, Abidjan, Accra,
    Lagos, Douala). None keeps daylight saving time, but Casablanca, on UTC+1 like Tunis, Lagos and Douala (an hour
    ahead of Dakar, Abidjan and Accra), falls back to UTC+0 for Ramadan (23 February to 6 April 2025, 15 February to 22
    March 2026). About fifteen months of history, from 19 February 2025 to Thursday 21 May 2026 (10:00 UTC: 10:00 in
    Dakar, Abidjan and Accra, 11:00 in Casablanca, Tunis, Lagos and Douala); the ten days after the end hold Pentecost
    Monday in Senegal and Côte d'Ivoire (25 May) and the Feast of the Sacrifice (Tabaski) everywhere: 26-29 May in
    Tunisia (the Day of Arafah first), 27-28 in Morocco, the 27th in Senegal, Côte d'Ivoire, Ghana and Cameroon, 28-29
    in Nigeria, with Senegal's Tabaski week (below) from the 24th. The CRM shows who owns an account: a group's holding
    company (75 at scale 1, sector "diversified holding", in Morocco, Nigeria, Côte d'Ivoire, Tunisia, Senegal or Ghana)
    has two to four subsidiaries (185) that name it in subsidiary_of, 45% in its home country and the others abroad (a
    Moroccan group's in Senegal, Côte d'Ivoire, Cameroon or Tunisia, a Nigerian group's in Ghana, Côte d'Ivoire or
    Cameroon, and so on), named after the group and the country (Groupe Atlas Holding S.A., Atlas Agro-Industries
    Sénégal SA, Eko Group Holdings Plc, Eko Cold Chain Ghana Ltd); the other 600 accounts are independent firms, mostly
    run by their owners, naming no parent. Names and legal forms follow the country (S.A., SARL, SUARL, Ltd, Plc), and
    so do people's names; six subsidiaries in ten use the group's e-mail domain. A holding has one to three people at
    the head office (executives, finance, energy and sustainability), a subsidiary one to four (an executive seven times
    in ten, then finance, facilities and maintenance, operations, procurement and energy people), an independent firm
    one to four (the owner eight times in ten, then finance, facilities, operations and procurement people). Titles are
    in French in the francophone countries (and at seven in ten of Cameroon's firms), in English in Ghana and Nigeria, a
    few in Arabic in Morocco and Tunisia and one in ten in English elsewhere, in many wordings and abbreviations
    (Directeur Général, DG, PDG, Gérant, المدير العام, MD/CEO, Proprietor, Country Manager; DAF, Chef Comptable, المدير
    المالي, Finance & Admin Manager; Resp. Maintenance, Chef Électricien, Facility Manager, Chief Engineer...), each
    naming one of six roles; an owner's title (Gérant, Fondateur, Proprietor...) is never a group's, nor a group's
    (Group CEO, Country Manager...) an independent firm's. Segments from the role read from the title and, for
    executives and finance people, the ownership read from subsidiary_of (a holding: an account others name as their
    parent; a subsidiary: an account naming one; an independent firm: neither), nine of them: facilities and maintenance
    people answer at 06:30, at the morning round of the generators (sd 1.0 h); groups' executives at the holding at
    07:30, before the day's meetings; the groups' finance people (holdings and subsidiaries alike) at 09:00, before the
    group's reporting calls; procurement at 10:30; energy and sustainability people broadly at 11:00 (sd 3.3 h); the
    finance people of independent firms, who do everything there, broadly at 12:30 (sd 3.2 h); operations people (plant,
    site, hotel and clinic managers) broadly at 15:00 (sd 3.0 h); subsidiaries' executives at 18:00, after the day's
    call with the group's head office; owners of independent firms late, at 21:00; the others narrow (sd 1.0-1.2 h). 29%
    of contacts peak 2-3 hours off their segment's (15% of facilities people, 20% of the groups' finance people, 25% of
    holding and subsidiary executives and of procurement, 30% of owners, 40% in the broad segments). Facilities people
    and owners answer every day (facilities best on Monday, after the weekend's outages, +0.2, hardly on Sunday, -0.9;
    owners best on Sunday, +0.35, weak on Friday, -0.3) and work through the public holidays, answering a little less
    then (-0.4 and -0.6); the others never answer at weekends (-0.8 to -1.3): holding executives best on Monday (+0.3)
    and weak on Friday (-0.35), the groups' finance people weak on Monday (-0.3), procurement and subsidiaries'
    executives weak on Friday (-0.4), energy people best on Thursday (+0.2). The calendar: office people (all but
    facilities people and owners) do not answer on their country's public holidays (the Throne Day, the Green March and
    the Amazigh New Year in Morocco, the Grand Magal of Touba in Senegal, the Eids, Easter Monday and Christmas south of
    the Sahara...) nor on their days away: -3.5 on the log-odds, the reply clock stopped. In Morocco, Tunisia and
    Senegal replies thin out in Ramadan (1-29 March 2025, 18 February to 19 March 2026: -0.4 all day, and office people
    -0.9 more from 15:00, when the offices' Ramadan hours end) and at the Friday prayer (12:30-15:00 on Fridays, -0.7,
    facilities people apart); the Maghreb's offices empty in August (-0.6); around the Gulf of Guinea (Côte d'Ivoire,
    Ghana, Nigeria, Cameroon) everyone travels home from 20 December to 3 January (-0.6); Senegal stops for Tabaski,
    from three days before it to four days after (3-10 June 2025, 24-31 May 2026: -0.9); the reps' cadences slow down in
    those lulls (their gaps 1.3 times longer in Ramadan, 1.8 in the Maghreb's August and over the year-end, 2 at
    Tabaski); about 8% of the touches fall in a lull or on a holiday worked through. People take leave: 40% of the
    touched office people in the Maghreb and 30% elsewhere are away once in 2025 (two or three weeks in August in the
    Maghreb, two to four from mid-July elsewhere or, around the Gulf of Guinea one time in three, one or two weeks over
    the year-end); an e-mail to someone away brings an automatic reply naming the day back (an inbound e-mail, not an
    answer), and a rep who got one waits for that day. People moved: 15% of the touched office people at a subsidiary
    abroad came from the group's head office some day in the middle half of the history, keeping its clock, its public
    holidays and its calendar until then, and contacts.csv still gives the head office's zone, as it does for a fifth of
    the others at subsidiaries abroad (their records were made there). Reps in four offices and two remote teams, each
    with a habitual hour on their own clock and 20-22% of their touches at another hour (07-21), working their office's
    working days only: account executives in Casablanca (Morocco at 09:30; Tunisia at 15:30, 16:30 in Tunis in Ramadan),
    Dakar (Senegal, 09:00), Abidjan (Côte d'Ivoire at 08:30; Cameroon at 18:30, 19:30 in Douala, after the day's visits)
    and Lagos (Nigeria at 10:00; Ghana at 18:00, 17:00 in Accra), one account in ten owned by another; customer success
    managers in Casablanca (11:00; Morocco, Tunisia and Senegal), Abidjan (14:00; Côte d'Ivoire and Cameroon) and Lagos
    (12:00; Nigeria and Ghana); sales development reps in Casablanca (10:00) for the francophone firms and Lagos (11:00)
    for the anglophone ones; solar design engineers offshore in Pune (India's clock: 11:00 for Nigeria and Ghana, 06:30
    in Lagos and 05:30 in Accra; 16:30 for the francophone firms, 11:00 in Dakar and Abidjan and 12:00 in Casablanca,
    Tunis and Douala); and an asset-finance specialist in Paris (14:00: 12:00 in Dakar while Paris keeps summer time,
    13:00 in its winter). About 55% of the groups are customers (three in four of their subsidiaries then, 15%
    otherwise), and 35% of the independent firms: a customer's success manager keeps in touch with one or two of its
    facilities or operations people every three to six weeks; the account executive works the renewal of the operation
    and maintenance contract before each anniversary (from 30-60 days before to 0-10 after, with one or two finance,
    procurement or executive people); site projects run in one to three lines side by side (two from 300 employees,
    three from 1,500), each deal of one and a half to five months with one or two executives, operations, facilities or
    procurement people, the next one to five months later (each time seven times in ten), a design engineer joining 55%
    of them with a facilities or energy person every three to five days for a third to half of the deal; three customers
    in ten get an energy-as-a-service deal of one to four months from the Paris specialist with one or two finance
    people or executives. Four in five of a holding's people get the account executive's keep-in-touch every three to
    six weeks and, in six customer groups in ten, a group-wide deal of two to six months (the Paris specialist alongside
    half the time). Prospects get the sales development reps' sequences (two in three of their people: three to six
    steps two to four days apart, again two to five months later), the account executive keeping in touch with an
    executive every four to seven weeks in 35% of them, and a site project in 40% (a fifth of them with an
    energy-as-a-service deal alongside). 8% of the touched people other than facilities people get an e-mail in the week
    after the vendor's customer day in Abidjan (9 October 2025), and a touched person in none of these a single e-mail.
    So the account executives make 60% of the touches, the success managers 15%, the sales development reps 12%, the
    design engineers 9% and the Paris specialist 4%; 50% of the touches come from a rep in another time zone than the
    contact's; each segment's four busiest hours of the contact's clock hold 54-66% of its touches; 2.6% of the touches
    land before 07:00 and 5.4% from 19:00, and the late segments are seldom touched near their peak (6% of the owners'
    touches within 1.5 hours of the contact's own peak, 12% of subsidiaries' executives'); 14% of the touched contacts
    are in two deals at once for a while; a touched contact gets 12 touches at the median (1 at the 10th percentile, 47
    at the 90th, up to about 160), 33% of them six or fewer and 20% a single one. The CRM leaves the sector blank for 6%
    of the accounts and the employee count for 13%; an e-mail sync spelled the address of 10% of the touched contacts
    with capitals (Moussa.Diop.3f@...): their e-mails, replies, automatic replies and other inbound e-mails are logged
    under that spelling, their calls and meetings under the address in lower case, and contacts.csv has a second row for
    the sync's spelling, without a title; a third of the customers' people also write in unprompted once or twice. A
    touch the same day as the last does badly (-0.75, -0.5 from half a day), the next day a little (-0.2), five to nine
    days after it is best (+0.3) and long silences cost (-0.5 from six months); fatigue counts seven days (one touch in
    them is free, then -0.2 and on down to -1.1 from six); each unanswered touch in a row costs more (-0.1 for one, on
    down to -0.75 from six); a reply in the last three days helps (+0.5, gone after eight); a person never touched
    answers less (-0.35); calls do better than e-mails (+0.35), meetings best (+0.9); replies take a while (about eleven
    waking hours on average). About 62% of the touches are e-mails, 30% calls and 8% meetings. About 31,000 touches at
    scale 1, about 1,950 contacts, about 15% of them never touched."""
    staff: dict[str, tuple[str, str, str, str]] = {}  # by e-mail: role, ownership, country, the country before a move
    years = (2025, 2026)

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        role, ownership, country, before = staff[c.email]
        if c.moved is not None and loc.timestamp() < c.moved[0]:
            country = before
        key = _harmattan_key(role, ownership)
        z = _harmattan_season(key, country, loc)
        if key in HARMATTAN_EVERY_DAY and loc.date() in _harmattan_holidays(country, years):
            z += HARMATTAN_WORKED_HOLIDAY[key]
        return z

    fx = Effects(
        base=-1.05,
        gap=_pl((0.0, -0.75), (0.5, -0.5), (1.0, -0.2), (2.0, 0.1), (5.0, 0.3), (9.0, 0.3), (20.0, 0.05),
                (60.0, -0.1), (180.0, -0.5)),
        cold=-0.35,
        fatigue_days=7.0,
        fatigue=(0.0, 0.0, -0.2, -0.4, -0.65, -0.9, -1.1),
        streak=(0.0, -0.1, -0.2, -0.35, -0.5, -0.65, -0.75),
        recent=_pl((0.0, 0.5), (3.0, 0.5), (8.0, 0.0)),
        night=-1.1,
        channel=(0.0, 0.35, 0.9),
        delay=Delay(((0.4, 2.0), (0.4, 9.0), (0.2, 32.0)), floor=0.1),
        responsiveness_sd=0.55,
        holiday=HARMATTAN_OFF,
        calendar=calendar,
    )
    w = PlantedWorld("harmattan", _doc(harmattan), fx, dt.datetime(2026, 5, 21, 10, 0, tzinfo=UTC), seed)
    w.history_days = 470.0
    rng = random.Random(seed)
    b = _Builder(w, rng)
    end = w.end_ts
    begin = end - 456 * DAY

    def office(code: str, subdiv: str | None = None) -> frozenset[dt.date]:
        return _holiday_dates(code, subdiv, years, weekdays=True)

    ma, sn, ci, ng = office("MA"), office("SN"), office("CI"), office("NG")
    casa, abidjan, lagos, pune = "Africa/Casablanca", "Africa/Abidjan", "Africa/Lagos", "Asia/Kolkata"
    amrani = b.rep("Yassine El Amrani", casa, 9.5, 6.0, hour_sd=0.6, p_random=0.2, off=ma)
    bennani = b.rep("Salma Bennani", casa, 15.5, 6.0, hour_sd=0.7, p_random=0.2, off=ma)
    diop = b.rep("Ousmane Diop", "Africa/Dakar", 9.0, 5.0, hour_sd=0.6, p_random=0.22, off=sn)
    kouassi = b.rep("Aya Kouassi", abidjan, 8.5, 5.0, hour_sd=0.6, p_random=0.2, off=ci)
    koffi = b.rep("Serge Koffi", abidjan, 18.5, 6.0, hour_sd=0.7, p_random=0.22, off=ci)
    okafor = b.rep("Chinedu Okafor", lagos, 10.0, 5.0, hour_sd=0.6, p_random=0.2, off=ng)
    adeyemi = b.rep("Funmilayo Adeyemi", lagos, 18.0, 6.0, hour_sd=0.6, p_random=0.2, off=ng)
    tazi = b.rep("Karim Tazi", casa, 11.0, 7.0, hour_sd=0.6, p_random=0.2, off=ma)
    traore = b.rep("Mariam Traoré", abidjan, 14.0, 7.0, hour_sd=0.6, p_random=0.2, off=ci)
    balogun = b.rep("Tunde Balogun", lagos, 12.0, 7.0, hour_sd=0.6, p_random=0.2, off=ng)
    chraibi = b.rep("Imane Chraibi", casa, 10.0, 3.0, hour_sd=0.6, p_random=0.2, off=ma)
    eze = b.rep("Blessing Eze", lagos, 11.0, 3.0, hour_sd=0.6, p_random=0.2, off=ng)
    kulkarni = b.rep("Rohan Kulkarni", pune, 11.0, 4.0, hour_sd=0.6, p_random=0.2, off=office("IN", "MH"))
    patil = b.rep("Sneha Patil", pune, 16.5, 4.0, hour_sd=0.6, p_random=0.2, off=office("IN", "MH"))
    fontaine = b.rep("Claire Fontaine", "Europe/Paris", 14.0, 7.0, hour_sd=0.6, p_random=0.2, off=office("FR"))
    territory = {"Morocco": amrani, "Tunisia": bennani, "Senegal": diop, "Côte d'Ivoire": kouassi, "Cameroon": koffi,
                 "Nigeria": okafor, "Ghana": adeyemi}
    every_ae = list(territory.values())
    success = {"Morocco": tazi, "Tunisia": tazi, "Senegal": tazi, "Côte d'Ivoire": traore, "Cameroon": traore,
               "Nigeria": balogun, "Ghana": balogun}
    segments = {k: Segment(k, p, sd, a, week, every) for k, (p, sd, a, _, week, every) in HARMATTAN_SEGMENTS.items()}
    homes = {"Morocco": 0.32, "Tunisia": 0.1, "Senegal": 0.1, "Côte d'Ivoire": 0.16, "Nigeria": 0.25, "Ghana": 0.07}
    countries = {"Morocco": 0.2, "Tunisia": 0.1, "Senegal": 0.13, "Côte d'Ivoire": 0.15, "Ghana": 0.12,
                 "Nigeria": 0.22, "Cameroon": 0.08}
    sector_shares = {"agro-processing": 0.24, "manufacturing": 0.22, "healthcare": 0.14, "hospitality": 0.16,
                     "telecom towers": 0.08, "cold chain": 0.16}
    taken: set[str] = set()  # the companies' names without their legal forms
    groups: set[str] = set()  # the stems the groups' names take

    def stem_of(country: str, tries: int = 0) -> str:
        """A name's stem from ``country`` that no group has taken (two stems after twenty tries)."""
        for k in range(tries, tries + 1000):
            stem = rng.choice(_HARMATTAN_STEMS[country])
            if k >= 20:
                stem = f"{stem} {rng.choice(_HARMATTAN_STEMS[country])}"
            if stem not in groups:
                return stem
        raise RuntimeError("no company name left")

    def name(stem: str, word: str, country: str) -> tuple[str, str] | None:
        """A company's name with its legal form, and the name without it (for its domain); None when it is taken."""
        base = f"{stem} {word}"
        if base in taken:
            return None
        taken.add(base)
        return base + rng.choice(_HARMATTAN_FORMS[country]), base

    def account(country: str, sector: str, employees: int, owner: int) -> int:
        ai = b.account("energy", country, employees, owner)
        acc = w.accounts[ai]
        acc.sector, acc.parent = sector, ""
        if rng.random() < 0.08:
            acc.sector = ""  # left blank in the CRM
        if rng.random() < 0.12:
            acc.employees = 0
        return ai

    def person(ai: int, role: str, ownership: str, country: str, language: str, owner: int, domain: str) -> _Contact:
        key = _harmattan_key(role, ownership)
        options = _HARMATTAN_TITLES.get((role, language)) or _HARMATTAN_TITLES[(role, "en" if language == "en"
                                                                                 else "fr")]
        options = tuple(t for t in options if t not in _HARMATTAN_NOT_AT[ownership])
        c = b.contact(ai, HARMATTAN_ZONES[country], segments[key], owner, HARMATTAN_SEGMENTS[key][3],
                      title=rng.choice(options))
        firsts, lasts = _HARMATTAN_PEOPLE[country]
        _rename(w, c, rng.choice(firsts), rng.choice(lasts), domain)
        staff[c.email] = (role, ownership, country, country)
        c.off = frozenset() if key in HARMATTAN_EVERY_DAY else _harmattan_holidays(country, years)
        return c

    def language_of(country: str) -> str:
        """An account's language: English in Ghana and Nigeria and at three in ten of Cameroon's firms, else French."""
        return "en" if country in ("Ghana", "Nigeria") or (country == "Cameroon" and rng.random() < 0.3) else "fr"

    def title_language(country: str, account_language: str) -> str:
        if account_language == "en":
            return "en"
        return _weighted(rng, _HARMATTAN_LANGUAGE[country])

    def cadence(c: _Contact, rep: int, start: float, stop: float, gap: float, sigma: float, **kw: object) -> None:
        country = staff[c.email][2]
        if c.away:
            c.threads.append(_AwayAware(rep, c.tz, c.away, start, stop, gap, sigma, season=_harmattan_pace(country),
                                        **kw))
        else:
            c.threads.append(_Cadence(rep, start, stop, gap, sigma, season=_harmattan_pace(country), **kw))

    def populate(ai: int, country: str, ownership: str, plan: list[str], customer: bool, owner: int,
                 account_language: str, domain: str, home: str | None) -> list[_Contact]:
        people: list[_Contact] = []
        for k, role in enumerate(plan):
            c = person(ai, role, ownership, country, title_language(country, account_language), owner, domain)
            if k > 0 and b.cold(0.14 if customer else 0.36):
                continue  # never touched (never an account's first person)
            people.append(c)
            key = _harmattan_key(role, ownership)
            moving: dt.date | None = None
            if home is not None and home != country and key not in HARMATTAN_EVERY_DAY and rng.random() < 0.15:
                # came from the group's head office on some day in the middle of the history; the CRM keeps its zone
                c.listed = _zone(HARMATTAN_ZONES[home])
                c.moved = (begin + rng.uniform(0.25, 0.75) * 456 * DAY, c.listed)
                staff[c.email] = (role, ownership, country, home)
                moving = dt.datetime.fromtimestamp(c.moved[0], c.tz).date()
                c.off = (frozenset(d for d in _harmattan_holidays(home, years) if d < moving)
                         | frozenset(d for d in c.off if d >= moving))
            elif home is not None and home != country and rng.random() < 0.2:
                c.listed = _zone(HARMATTAN_ZONES[home])  # the record was made by the head office
            if key not in HARMATTAN_EVERY_DAY and rng.random() < (0.4 if country in HARMATTAN_MAGHREB else 0.3):
                # the leave of the country the contact is in when it starts (none if that cannot be had)
                for where in ((country,) if moving is None or home is None else (home, country)):
                    leave = _harmattan_leave(rng, where)
                    if moving is None or (leave[0][0] < moving) == (where == home):
                        c.away = leave
                        c.off = c.off | _days_away(leave)
                        break
            c.inbound = rng.randint(0, 2) if customer and rng.random() < 0.5 else 0
        return people

    def roles(c: _Contact) -> str:
        return staff[c.email][0]

    def having(people: list[_Contact], *wanted: str) -> list[_Contact]:
        return [c for c in people if roles(c) in wanted]

    def project(ai: int, rep: int, country: str, people: list[_Contact], t: float, dur: float) -> int:
        """A site project: the account executive with one or two people, the design engineer joining for the design."""
        di = b.deal(rep, ai, t, t + dur)
        w.deals[di].product = rng.choice(_HARMATTAN_PROJECT)
        buyers = having(people, "executive", "operations", "facilities", "procurement") or people
        for c in rng.sample(buyers, min(len(buyers), rng.choice((1, 1, 2)))):
            cadence(c, rep, t, min(t + dur, end), w.reps[rep].gap * rng.uniform(0.8, 1.25), 0.45, deal=di,
                    mix=(0.6, 0.88), react=0.4)
        if rng.random() < 0.55:
            design = kulkarni if country in ("Nigeria", "Ghana") else patil
            techs = having(people, "facilities", "energy") or buyers
            c = rng.choice(techs)
            d0 = t + rng.uniform(0.05, 0.2) * dur
            cadence(c, design, d0, min(d0 + rng.uniform(0.3, 0.5) * dur, end), rng.uniform(3.0, 5.0), 0.4, deal=di,
                    mix=(0.75, 0.95), react=0.3)
        return di

    def ppa(ai: int, people: list[_Contact], t: float) -> None:
        """An energy-as-a-service deal with the asset-finance specialist in Paris."""
        money = having(people, "finance", "executive")
        if not money or t >= end - 10 * DAY:
            return
        dur = rng.uniform(30.0, 120.0) * DAY
        di = b.deal(fontaine, ai, t, t + dur)
        w.deals[di].product = HARMATTAN_PRODUCTS[5]
        for c in rng.sample(money, min(len(money), rng.choice((1, 2)))):
            cadence(c, fontaine, t, min(t + dur, end), w.reps[fontaine].gap * rng.uniform(0.8, 1.2), 0.4, deal=di,
                    mix=(0.55, 0.9), react=0.35)

    def work(ai: int, country: str, people: list[_Contact], customer: bool, owner: int, employees: int,
             arrival: float, francophone: bool) -> None:
        csm = success[country]
        if customer:
            techs = having(people, "facilities", "operations") or people
            for c in rng.sample(techs, min(len(techs), rng.choice((1, 1, 2)))):
                cadence(c, csm, arrival + rng.uniform(0.0, 30.0) * DAY, end, rng.uniform(21.0, 42.0), 0.4,
                        mix=(0.6, 0.92), react=0.3)
            anniversary = begin + rng.uniform(0.0, 365.0) * DAY
            buyers = having(people, "finance", "procurement", "executive") or people
            while anniversary - 30 * DAY < end:
                t0 = max(anniversary - rng.uniform(30.0, 60.0) * DAY, arrival)
                t1 = anniversary + rng.uniform(0.0, 10.0) * DAY
                if t1 > begin + 20 * DAY and t0 < min(t1, end - 3 * DAY):
                    di = b.deal(owner, ai, t0, t1)
                    w.deals[di].product, w.deals[di].won = HARMATTAN_PRODUCTS[4], rng.random() < 0.9
                    for c in rng.sample(buyers, min(len(buyers), rng.choice((1, 1, 2)))):
                        cadence(c, owner, t0, min(t1, end), w.reps[owner].gap * rng.uniform(0.8, 1.2), 0.45, deal=di,
                                mix=(0.65, 0.92), react=0.4)
                anniversary += 365 * DAY
            lines = 3 if employees >= 1500 else 2 if employees >= 300 else 1
            for _line in range(lines):
                t = arrival + rng.uniform(5.0, 150.0) * DAY
                while t < end - 10 * DAY and rng.random() < 0.72:
                    dur = rng.uniform(45.0, 150.0) * DAY
                    project(ai, owner, country, people, t, dur)
                    t += dur + rng.uniform(30.0, 150.0) * DAY
            if rng.random() < 0.3:
                ppa(ai, people, arrival + rng.uniform(20.0, 380.0) * DAY)
        else:
            sdr = chraibi if francophone else eze
            b.sequences(people, sdr, arrival, 0.65, 330.0, (60.0, 150.0), (0.6, 1.0))
            deciders = having(people, "executive")
            if deciders and rng.random() < 0.35:
                cadence(rng.choice(deciders), owner, arrival + rng.uniform(0.0, 60.0) * DAY, end,
                        rng.uniform(28.0, 49.0), 0.5, mix=(0.6, 0.95), react=0.35)
            if rng.random() < 0.4:
                t = arrival + rng.uniform(20.0, 380.0) * DAY
                if t < end - 10 * DAY:
                    project(ai, owner, country, people, t, rng.uniform(30.0, 120.0) * DAY)
                    if rng.random() < 0.2:
                        ppa(ai, people, t + rng.uniform(10.0, 40.0) * DAY)

    def finish(people: list[_Contact], owner: int, customer: bool, country: str, arrival: float,
               francophone: bool) -> None:
        for c in people:
            if staff[c.email][0] != "facilities" and rng.random() < 0.08:
                c.threads.append(_Once(owner, w.place(owner, _clock(HARMATTAN_CUSTOMER_DAY, 12 * 3600, w.reps[owner].tz)
                                                      + rng.uniform(0.0, 4.0) * DAY, rng)))
            if not c.threads:
                who = success[country] if customer else chraibi if francophone else eze
                c.threads.append(_Once(who, w.place(who, rng.uniform(arrival, end - DAY), rng)))

    def arrive() -> float:
        return begin if rng.random() < 0.65 else begin + rng.uniform(0.0, 400.0) * DAY

    # groups: a holding company and two to four subsidiaries, at home and abroad
    for _ in range(_count(scale, 75, 2)):
        home = _weighted(rng, homes)
        main = _weighted(rng, sector_shares)
        stem = stem_of(home)
        groups.add(stem)
        home_language = "fr" if home not in ("Nigeria", "Ghana") else "en"
        named = name(f"Groupe {stem}" if home_language == "fr" else stem,
                     "Holding" if home_language == "fr" else "Group Holdings", home)
        assert named is not None
        holding_name, base = named
        owner = territory[home] if rng.random() < 0.9 else rng.choice(every_ae)
        holding = account(home, HARMATTAN_HOLDING, _employees(rng, "small"), owner)
        w.accounts[holding].name = holding_name
        w.accounts[holding].sector = HARMATTAN_HOLDING
        group_domain = _domain(base)
        customer_group = rng.random() < 0.55
        arrival = arrive()
        plan = [_weighted(rng, _HARMATTAN_HEAD_OFFICE) for _k in range(rng.choice((1, 2, 2, 3)))]
        head = populate(holding, home, "holding", plan, customer_group, owner, home_language, group_domain, None)
        if head:
            for c in head:
                if rng.random() < 0.8:
                    cadence(c, owner, arrival + rng.uniform(0.0, 40.0) * DAY, end, rng.uniform(21.0, 42.0), 0.45,
                            mix=(0.6, 0.93), react=0.35)
            if customer_group and rng.random() < 0.6:
                t = arrival + rng.uniform(20.0, 300.0) * DAY
                if t < end - 10 * DAY:
                    dur = rng.uniform(60.0, 180.0) * DAY
                    di = b.deal(owner, holding, t, t + dur)
                    w.deals[di].product = rng.choice(_HARMATTAN_PROJECT)
                    chosen = having(head, "executive", "finance", "energy") or head
                    for c in rng.sample(chosen, min(len(chosen), rng.choice((1, 2)))):
                        cadence(c, owner, t, min(t + dur, end), w.reps[owner].gap * rng.uniform(0.9, 1.3), 0.45,
                                deal=di, mix=(0.6, 0.9), react=0.4)
                    if rng.random() < 0.5:
                        ppa(holding, head, t + rng.uniform(10.0, 60.0) * DAY)
            finish(head, owner, customer_group, home, arrival, home_language == "fr")
        for _s in range(rng.choice((2, 2, 3, 3, 4))):
            country = home if rng.random() < 0.45 else rng.choice(_HARMATTAN_REACH[home])
            sector = main if rng.random() < 0.6 else _weighted(rng, sector_shares)
            language = language_of(country)
            word = _HARMATTAN_WORDS[language][sector]
            where = "" if country == home else _HARMATTAN_NAMES[language][country]
            named = name(stem, f"{word} {where}".strip(), country)
            if named is None:
                continue  # the group has that company already
            sub_name, sub_base = named
            sub_owner = territory[country] if rng.random() < 0.9 else rng.choice(every_ae)
            employees = _employees(rng, _weighted(rng, {"small": 0.25, "mid": 0.5, "large": 0.25}))
            ai = account(country, sector, employees, sub_owner)
            w.accounts[ai].name, w.accounts[ai].parent = sub_name, holding_name
            domain = group_domain if rng.random() < 0.6 else _domain(sub_base)
            customer = rng.random() < (0.75 if customer_group else 0.15)
            plan = ["executive"] if rng.random() < 0.7 else []
            plan += [_weighted(rng, _HARMATTAN_SUBSIDIARY) for _k in range(rng.choice((1, 1, 2, 2, 3)))]
            people = populate(ai, country, "subsidiary", plan, customer, sub_owner, language, domain, home)
            if not people:
                continue
            sub_arrival = max(arrival, arrive())
            work(ai, country, people, customer, sub_owner, employees, sub_arrival, language == "fr")
            finish(people, sub_owner, customer, country, sub_arrival, language == "fr")
    # independent firms, most of them owner-managed
    for _ in range(_count(scale, 600, 6)):
        country = _weighted(rng, countries)
        sector = _weighted(rng, sector_shares)
        language = language_of(country)
        named, tries = None, 0
        while named is None:
            named = name(stem_of(country, tries), _HARMATTAN_WORDS[language][sector], country)
            tries += 1
        firm, base = named
        owner = territory[country] if rng.random() < 0.9 else rng.choice(every_ae)
        employees = _employees(rng, _weighted(rng, {"small": 0.6, "mid": 0.35, "large": 0.05}))
        ai = account(country, sector, employees, owner)
        w.accounts[ai].name = firm
        customer = rng.random() < 0.35
        plan = ["executive"] if rng.random() < 0.8 else []
        plan += [_weighted(rng, _HARMATTAN_INDEPENDENT) for _k in range(rng.choice((0, 1, 1, 2, 3)))]
        if not plan:
            plan = ["executive"]
        people = populate(ai, country, "independent", plan, customer, owner, language, _domain(base), None)
        if not people:
            continue
        arrival = arrive()
        work(ai, country, people, customer, owner, employees, arrival, language == "fr")
        finish(people, owner, customer, country, arrival, language == "fr")
    w.simulate()
    w.auto_replies()
    # an e-mail sync spells some addresses with capitals: those people's e-mails are logged under that spelling
    for c in w.contacts:
        if c.touches and rng.random() < 0.1:
            local, domain = c.email.split("@")
            c.alias = ".".join(part.capitalize() for part in local.split(".")) + "@" + domain
    return w


# --------------------------------------------------------------------------------------------------------
# 25. Building-management systems and facilities software in the Middle East (kept aside)

OASIS_ZONES: dict[str, tuple[str, ...]] = {
    "Saudi Arabia": ("Asia/Riyadh",), "United Arab Emirates": ("Asia/Dubai",), "Qatar": ("Asia/Qatar",),
    "Kuwait": ("Asia/Kuwait",), "Oman": ("Asia/Muscat",), "Bahrain": ("Asia/Bahrain",), "Egypt": ("Africa/Cairo",),
    "Jordan": ("Asia/Amman",), "Israel": ("Asia/Jerusalem", "Asia/Tel_Aviv"), "Turkey": ("Europe/Istanbul", "Asia/Istanbul"),
}
OASIS_CODES = {"Saudi Arabia": "SA", "United Arab Emirates": "AE", "Qatar": "QA", "Kuwait": "KW", "Oman": "OM",
               "Bahrain": "BH", "Egypt": "EG", "Jordan": "JO", "Israel": "IL", "Turkey": "TR"}
OASIS_MARKET = {"Saudi Arabia": "gulf", "United Arab Emirates": "gulf", "Qatar": "gulf", "Kuwait": "gulf", "Oman": "gulf",
                "Bahrain": "gulf", "Egypt": "mashriq", "Jordan": "mashriq", "Israel": "israel", "Turkey": "turkey"}
OASIS_SECTORS = ("government & semi-government", "real estate", "healthcare", "education", "retail & malls",
                 "industrial")
OASIS_GOVERNMENT = OASIS_SECTORS[0]  # the sector the CRM gives a government-linked entity
OASIS_PRODUCTS = ("BMS Retrofit", "HVAC Controls", "CAFM Software", "IoT Metering", "Chiller Plant Optimisation",
                  "Energy Analytics", "Maintenance Contract")
_OASIS_PROJECT = OASIS_PRODUCTS[:4]  # what the account executives sell, building by building
_OASIS_SPECIALIST = OASIS_PRODUCTS[4:6]  # what the specialist in London sells
OASIS_LARGE = 1000  # employees: a procurement team from this size buys through a formal tender
OASIS_OFF = -1.4  # a touch on one of the contact's days off (a day of their weekend, a public holiday)
OASIS_HOLIDAY = -2.1  # on top of it on a public holiday of an office person's country
OASIS_WORKED_HOLIDAY = -0.5  # a touch on a public holiday to someone who works every day (site staff, owners)
OASIS_EVERY_DAY = ("site", "executive/owner")  # the segments that answer every day, weekends and holidays included
# The working week of an office: (its first day, Monday being 0; its weekend). The Gulf, Egypt, Jordan and Israel work from
# Sunday to Thursday; the Emirates (its government since 2022, most of its private firms since) and Turkey from Monday to
# Friday.
OASIS_WEEKS: dict[str, tuple[int, tuple[int, ...]]] = {"sun": (6, (4, 5)), "mon": (0, (5, 6))}
OASIS_WEEK = {country: "mon" if country in ("United Arab Emirates", "Turkey") else "sun" for country in OASIS_ZONES}
OASIS_OLD_WEEK = 0.3  # the share of the Emirates' private firms that kept the Sunday-to-Thursday week
OASIS_FRIDAY = 0.45  # the share of Israel's office people who also answer on Friday mornings
OASIS_RAMADAN = _RAMADAN[1:]  # the days of fasting (the first to the last) in 2025 and 2026
OASIS_EID = (dt.date(2025, 3, 30), dt.date(2025, 6, 6), dt.date(2026, 3, 20))  # the first days of the Eids in the history
OASIS_WAR = (dt.date(2025, 6, 13), dt.date(2025, 6, 24))  # Israel's offices mostly shut in the June 2025 war with Iran
# The day the lead desks start on each trade show's leads (the first day of the week after it), and its visitors' countries.
OASIS_SHOWS: tuple[tuple[dt.date, tuple[str, ...]], ...] = (
    (dt.date(2025, 5, 11), ("Saudi Arabia", "Kuwait", "Bahrain")),  # Riyadh, 5-8 May 2025
    (dt.date(2025, 9, 14), ("Israel",)),  # Tel Aviv, 9-11 September 2025
    (dt.date(2025, 11, 2), ("Egypt", "Jordan")),  # Cairo, 27-30 October 2025
    (dt.date(2025, 12, 1), ("United Arab Emirates", "Saudi Arabia", "Qatar", "Kuwait", "Oman", "Bahrain", "Turkey")),
)  # the last: Dubai, 24-27 November 2025
# A lead's follow-up sequence: (working day after the lead came in, channel); the desk stops after one to five steps.
OASIS_LEAD_STEPS = ((0, EMAIL), (1, CALL), (3, EMAIL), (7, CALL), (12, EMAIL))
OASIS_LEAD_CUT = {1: 0.25, 2: 0.2, 3: 0.2, 4: 0.17, 5: 0.18}
# segment: peak, sd, amp, share of contacts peaking 2-3 hours off
OASIS_SEGMENTS: dict[str, tuple[float, float, float, float]] = {
    "facilities/government": (7.0, 0.9, 1.55, 0.15),
    "executive/government": (7.5, 1.0, 1.5, 0.25),
    "executive/israel": (8.0, 1.0, 1.5, 0.25),
    "procurement/large": (9.0, 1.0, 1.5, 0.2),
    "facilities": (10.5, 3.3, 0.95, 0.4),
    "finance": (11.0, 1.1, 1.45, 0.2),
    "executive/turkey": (11.0, 3.0, 1.0, 0.4),
    "procurement": (12.0, 3.0, 1.0, 0.4),
    "it": (14.0, 3.2, 0.95, 0.4),
    "site": (15.5, 1.1, 1.45, 0.15),
    "executive/gulf": (16.5, 3.0, 1.0, 0.4),
    "projects": (18.5, 1.1, 1.45, 0.25),
    "executive/mashriq": (19.5, 1.1, 1.45, 0.3),
    "executive/owner": (21.0, 1.0, 1.45, 0.3),
}
# The log-odds of a reply by the day of the contact's own week: 0-4 its working days, 5 and 6 its weekend.
OASIS_WEEKDAYS: dict[str, tuple[float, ...]] = {
    "facilities/government": (0.2, 0.1, 0.05, 0.0, -0.3, -1.0, -1.0),
    "executive/government": (0.3, 0.15, 0.05, -0.05, -0.45, -1.2, -1.2),
    "executive/israel": (0.3, 0.1, 0.05, 0.0, -0.2, -0.6, -1.5),
    "procurement/large": (0.1, 0.15, 0.1, 0.0, -0.4, -1.1, -1.2),
    "facilities": (0.0, 0.1, 0.15, 0.1, -0.3, -1.0, -1.2),
    "finance": (-0.3, 0.1, 0.15, 0.1, -0.1, -1.1, -1.2),
    "executive/turkey": (0.1, 0.1, 0.05, 0.0, -0.3, -1.2, -1.3),
    "procurement": (0.05, 0.1, 0.1, 0.05, -0.25, -1.0, -1.2),
    "it": (0.0, 0.1, 0.15, 0.2, -0.2, -1.0, -1.2),
    "site": (0.15, 0.1, 0.05, 0.0, -0.1, -0.5, -0.7),
    "executive/gulf": (0.25, 0.1, 0.0, 0.0, -0.35, -1.2, -1.2),
    "projects": (-0.2, 0.05, 0.1, 0.15, 0.0, -0.9, -1.1),
    "executive/mashriq": (0.0, 0.1, 0.1, 0.05, -0.2, -1.2, -1.2),
    "executive/owner": (0.0, 0.0, 0.05, 0.0, 0.1, -0.5, 0.3),
}
# Titles by role and language (en: English, ar: Arabic, he: Hebrew, fr: French, tr: Turkish); the same job in many
# wordings. Owners' titles are found at family businesses only.
_OASIS_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("owner", "en"): ("Owner", "Founder", "Chairman", "Chairman & Owner", "Managing Partner", "Founder & Chairman",
                      "Proprietor"),
    ("owner", "ar"): ("صاحب الشركة", "المالك", "رئيس مجلس الإدارة", "المؤسس"),
    ("owner", "he"): ("בעלים", "מייסד", "יו\"ר ובעלים"),
    ("owner", "fr"): ("Fondateur", "Président Fondateur"),
    ("owner", "tr"): ("Kurucu", "Yönetim Kurulu Başkanı", "Şirket Sahibi"),
    ("executive", "en"): ("CEO", "Chief Executive Officer", "General Manager", "GM", "Managing Director", "MD",
                          "Country Manager", "Executive Director", "Deputy CEO", "Chief Operating Officer", "COO"),
    ("executive", "ar"): ("المدير التنفيذي", "الرئيس التنفيذي", "المدير العام", "مدير عام", "العضو المنتدب",
                          "نائب الرئيس التنفيذي"),
    ("executive", "he"): ("מנכ\"ל", "מנכ״ל", "מנהל כללי", "סמנכ\"ל תפעול"),
    ("executive", "fr"): ("Directeur Général", "Directrice Générale", "DG"),
    ("executive", "tr"): ("Genel Müdür", "Genel Müdür Yardımcısı", "İcra Kurulu Başkanı"),
    ("facilities", "en"): ("Facilities Director", "Director of Facilities Management", "Head of FM", "FM Manager",
                           "Facility Manager", "Facilities Manager", "Sr. Facilities Manager",
                           "Director - Facilities & Maintenance", "Head of Engineering Services", "Asset & Facilities Manager",
                           "O&M Manager"),
    ("facilities", "ar"): ("مدير إدارة المرافق", "مدير المرافق", "مدير الصيانة", "مدير إدارة الصيانة والتشغيل",
                           "مدير التشغيل والصيانة"),
    ("facilities", "he"): ("מנהל אחזקה", "מנהל מתקנים", "מנהל תפעול ואחזקה", "מנהלת אחזקה"),
    ("facilities", "fr"): ("Directeur Technique", "Responsable Maintenance", "Directeur des Services Généraux"),
    ("facilities", "tr"): ("Tesis Müdürü", "Bakım Müdürü", "Teknik Müdür", "Tesis Yönetim Müdürü"),
    ("site", "en"): ("Maintenance Supervisor", "MEP Supervisor", "HVAC Engineer", "Maintenance Engineer", "Shift Engineer",
                     "BMS Operator", "Facilities Supervisor", "Building Engineer", "MEP Engineer", "HVAC Technician",
                     "Sr. Maintenance Engineer", "Chief Technician"),
    ("site", "ar"): ("مشرف صيانة", "مهندس صيانة", "فني تكييف", "مهندس تكييف", "مشرف المرافق"),
    ("site", "he"): ("טכנאי מיזוג", "מהנדס אחזקה", "אחראי משמרת", "מפעיל מערכות בניין"),
    ("site", "fr"): ("Technicien de Maintenance", "Chef d'Équipe Maintenance"),
    ("site", "tr"): ("Bakım Şefi", "Mekanik Bakım Mühendisi", "Teknisyen", "Vardiya Mühendisi"),
    ("procurement", "en"): ("Procurement Manager", "Purchasing Manager", "Head of Procurement", "Procurement Specialist",
                            "Buyer", "Sr. Buyer", "Contracts & Procurement Manager", "Supply Chain Manager",
                            "Procurement Officer", "Tendering Manager"),
    ("procurement", "ar"): ("مدير المشتريات", "مدير إدارة المشتريات", "أخصائي مشتريات", "مسؤول المشتريات",
                            "مدير العقود والمشتريات"),
    ("procurement", "he"): ("מנהל רכש", "מנהלת רכש", "קניין", "ראש תחום רכש"),
    ("procurement", "fr"): ("Responsable Achats", "Acheteur", "Directeur des Achats"),
    ("procurement", "tr"): ("Satın Alma Müdürü", "Satınalma Uzmanı", "Satın Alma Sorumlusu"),
    ("finance", "en"): ("CFO", "Chief Financial Officer", "Finance Director", "Finance Manager", "Financial Controller",
                        "Head of Finance", "Chief Accountant"),
    ("finance", "ar"): ("المدير المالي", "مدير الشؤون المالية", "رئيس الحسابات"),
    ("finance", "he"): ("סמנכ\"ל כספים", "מנהל כספים", "חשב"),
    ("finance", "fr"): ("Directeur Financier", "DAF"),
    ("finance", "tr"): ("Mali İşler Müdürü", "Finans Müdürü"),
    ("it", "en"): ("IT Manager", "Head of IT", "CIO", "Smart Buildings Manager", "Digital Transformation Manager",
                   "IT Director", "IoT Lead", "CTO"),
    ("it", "ar"): ("مدير تقنية المعلومات", "مدير التحول الرقمي", "مدير إدارة تقنية المعلومات"),
    ("it", "he"): ("מנהל מערכות מידע", "מנמ\"ר", "מנהל IT"),
    ("it", "fr"): ("DSI", "Responsable Informatique"),
    ("it", "tr"): ("Bilgi İşlem Müdürü", "BT Müdürü"),
    ("projects", "en"): ("Project Manager", "Projects Director", "Sr. Project Manager", "Development Manager",
                         "Project Engineer", "Construction Manager", "Head of Projects", "PM"),
    ("projects", "ar"): ("مدير المشاريع", "مدير مشروع", "مهندس مشاريع"),
    ("projects", "he"): ("מנהל פרויקטים", "מנהל פרויקט", "מנהלת פרויקטים"),
    ("projects", "fr"): ("Chef de Projet", "Directeur de Projets"),
    ("projects", "tr"): ("Proje Müdürü", "Proje Yöneticisi"),
}
OASIS_ROLE = {t: role for (role, _), titles in _OASIS_TITLES.items() for t in titles}
# Titles that name no job: an honorific, a placeholder, a badge scanned at a show.
OASIS_NAMELESS = ("Eng.", "Eng", "م.", "المهندس", "Dr.", "Mr.", "N/A", "-", "Visitor", "Employee", "موظف", "עובד")
_OASIS_LANGUAGE: dict[str, dict[str, float]] = {
    "Saudi Arabia": {"en": 0.7, "ar": 0.3}, "United Arab Emirates": {"en": 0.88, "ar": 0.12},
    "Qatar": {"en": 0.8, "ar": 0.2}, "Kuwait": {"en": 0.75, "ar": 0.25}, "Oman": {"en": 0.8, "ar": 0.2},
    "Bahrain": {"en": 0.85, "ar": 0.15}, "Egypt": {"en": 0.55, "ar": 0.33, "fr": 0.12}, "Jordan": {"en": 0.72, "ar": 0.28},
    "Israel": {"en": 0.55, "he": 0.45}, "Turkey": {"tr": 0.65, "en": 0.35},
}
# what kind of account a country's are: government-linked entities, family businesses, other companies
_OASIS_KINDS: dict[str, dict[str, float]] = {
    "gulf": {"government": 0.24, "family": 0.3, "corporate": 0.46},
    "mashriq": {"government": 0.15, "family": 0.35, "corporate": 0.5},
    "israel": {"family": 0.15, "corporate": 0.85},
    "turkey": {"family": 0.4, "corporate": 0.6},
}
_OASIS_ROLES: dict[str, dict[str, float]] = {
    "government": {"executive": 0.14, "facilities": 0.3, "site": 0.18, "procurement": 0.18, "it": 0.1, "finance": 0.04,
                   "projects": 0.06},
    "family": {"executive": 0.08, "facilities": 0.26, "site": 0.16, "procurement": 0.16, "finance": 0.14, "it": 0.06,
               "projects": 0.14},
    "corporate": {"executive": 0.12, "facilities": 0.26, "site": 0.15, "procurement": 0.15, "finance": 0.1, "it": 0.1,
                  "projects": 0.12},
}
_OASIS_SECTOR_SHARES: dict[str, dict[str, float]] = {
    "family": {"real estate": 0.35, "retail & malls": 0.25, "industrial": 0.25, "healthcare": 0.1, "education": 0.05},
    "corporate": {"real estate": 0.28, "healthcare": 0.2, "education": 0.14, "retail & malls": 0.14, "industrial": 0.24},
}
_OASIS_SIZES = {OASIS_GOVERNMENT: (800, 40000), "real estate": (50, 6000), "healthcare": (150, 12000),
                "education": (80, 5000), "retail & malls": (40, 4000), "industrial": (60, 9000)}
_OASIS_FIRSTS = {
    "gulf": ("Abdullah", "Mohammed", "Fahad", "Khalid", "Sultan", "Saud", "Faisal", "Nasser", "Hamad", "Ahmed", "Saeed",
             "Rashid", "Noura", "Maha", "Reem", "Hessa", "Latifa", "Mariam", "Sara", "Aisha", "Amal", "Yousef"),
    "egypt": ("Mohamed", "Ahmed", "Mahmoud", "Mostafa", "Karim", "Amr", "Tarek", "Hany", "Sherif", "Mina", "Rania", "Dina",
              "Mona", "Heba", "Yasmine", "Nourhan", "Marwa", "Mariam", "Bishoy", "Omar"),
    "levant": ("Omar", "Zaid", "Laith", "Tariq", "Yazan", "Rami", "Basel", "Dana", "Lina", "Rasha", "Ruba", "Tala", "Haya",
               "Fadi", "Samer", "Nadine", "Ghassan", "Rana"),
    "israel": ("Yossi", "Avi", "Moshe", "David", "Eyal", "Amit", "Oren", "Itai", "Noa", "Michal", "Tamar", "Yael",
               "Shira", "Ronit", "Gal", "Lior", "Ori", "Dana"),
    "israel arab": ("Ahmad", "Mahmoud", "Samer", "Rami", "Fadi", "Wael", "Lubna", "Rana", "Nisreen", "Amir"),
    "turkey": ("Mehmet", "Ahmet", "Mustafa", "Emre", "Burak", "Murat", "Can", "Serkan", "Ayşe", "Elif", "Zeynep", "Esra",
               "Selin", "Gülşen", "Oğuz", "Tuğba"),
    "south asia": ("Rajesh", "Suresh", "Anil", "Vinod", "Arun", "Praveen", "Imran", "Asif", "Ravi", "Deepak", "Sanjay",
                   "Kavitha", "Sunita", "Shahid", "Thomas", "Jijo"),
    "philippines": ("Jose", "Mark", "Ramon", "Joel", "Rommel", "Arnel", "Maricel", "Jocelyn", "Ryan", "Jerome"),
    "west": ("James", "David", "Mark", "Paul", "Andrew", "Sarah", "Emma", "Claire", "Richard", "Stephen", "Thomas",
             "Laura", "Gareth", "Fiona"),
}
_OASIS_FOUNDERS = {"gulf": _OASIS_FIRSTS["gulf"][:12], "egypt": _OASIS_FIRSTS["egypt"][:10],
                   "levant": _OASIS_FIRSTS["levant"][:7], "israel": _OASIS_FIRSTS["israel"][:8],
                   "turkey": _OASIS_FIRSTS["turkey"][:8]}  # the men's names: a family business's founder
_OASIS_LASTS = {
    "Saudi Arabia": ("Al Qahtani", "Al Harbi", "Al Otaibi", "Al Ghamdi", "Al Zahrani", "Al Dossary", "Al Shehri",
                     "Al Mutairi", "Al Shammari", "Al Anazi", "Al Subaie", "Al Rashid"),
    "United Arab Emirates": ("Al Mansouri", "Al Suwaidi", "Al Hammadi", "Al Shamsi", "Al Ketbi", "Al Mazrouei",
                             "Al Falasi", "Al Marzooqi", "Al Dhaheri", "Al Nuaimi"),
    "Qatar": ("Al Kuwari", "Al Marri", "Al Mannai", "Al Sulaiti", "Al Emadi", "Al Kubaisi", "Al Naimi", "Al Hajri"),
    "Kuwait": ("Al Ajmi", "Al Enezi", "Al Rashidi", "Al Kandari", "Al Mutawa", "Al Awadhi", "Al Fadhli", "Behbehani"),
    "Oman": ("Al Balushi", "Al Harthy", "Al Busaidi", "Al Hinai", "Al Rawahi", "Al Kindi", "Al Lawati", "Al Maskari"),
    "Bahrain": ("Al Mahmood", "Al Sayed", "Al Jishi", "Al Aradi", "Bukhammas", "Al Mahroos", "Al Ansari", "Janahi"),
    "egypt": ("Hassan", "Abdel Aziz", "El Sayed", "Mahmoud", "Ibrahim", "Fathy", "Mansour", "Soliman", "Farouk", "Gamal",
              "Naguib", "Youssef", "Shenouda", "Ghali", "Abdelrahman", "Zaki"),
    "levant": ("Al Khatib", "Haddad", "Nasser", "Al Zoubi", "Masri", "Khoury", "Al Tarawneh", "Al Majali", "Qasem",
               "Hijazi", "Odeh", "Shami", "Karam", "Rizk", "Salameh"),
    "israel": ("Cohen", "Levi", "Mizrahi", "Peretz", "Biton", "Friedman", "Azoulay", "Katz", "Shapira", "Ben-David",
               "Avraham", "Dahan", "Goldberg", "Ohana"),
    "israel arab": ("Khoury", "Zoabi", "Haddad", "Mansour", "Jabareen", "Masarwa", "Nassar", "Kassem"),
    "turkey": ("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan", "Koç", "Kurt"),
    "south asia": ("Nair", "Menon", "Pillai", "Kumar", "Sharma", "Reddy", "Iyer", "Khan", "Qureshi", "Siddiqui",
                   "D'Souza", "Fernandes", "Varghese"),
    "philippines": ("Santos", "Reyes", "Cruz", "Bautista", "Dela Cruz", "Mendoza", "Garcia", "Villanueva"),
    "west": ("Smith", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Harris", "Clarke", "Hughes", "O'Brien", "Murray",
             "Campbell"),
}
# where the Gulf's people come from: its nationals, Arab expatriates, South Asians, Filipinos, Westerners
_OASIS_ORIGINS: dict[str, dict[str, float]] = {
    "government": {"national": 0.7, "levant": 0.08, "egypt": 0.07, "south asia": 0.1, "west": 0.05},
    "office": {"national": 0.32, "levant": 0.13, "egypt": 0.12, "south asia": 0.25, "philippines": 0.06, "west": 0.12},
    "site": {"national": 0.05, "egypt": 0.12, "levant": 0.06, "south asia": 0.5, "philippines": 0.27},
}
_OASIS_STEMS = {
    "Saudi Arabia": ("Al Noor", "Tilal", "Qimam", "Al Rawabi", "Najd", "Al Masar", "Sahab", "Al Yamamah", "Dar Al Khair",
                     "Rimal", "Al Safwa", "Hijaz", "Al Muruj", "Asir"),
    "United Arab Emirates": ("Al Waha", "Marsa", "Al Reem", "Al Manara", "Saadiyat", "Al Bateen", "Zabeel", "Al Qudra",
                             "Liwa", "Jebel Ali", "Al Barsha", "Mushrif"),
    "Qatar": ("Al Dafna", "Lusail", "Al Wakra", "Al Sadd", "Doha Bay", "Al Khor", "Al Rayyan", "Pearl Coast"),
    "Kuwait": ("Al Salmiya", "Jahra", "Failaka", "Al Bidaa", "Mubarakiya", "Sharq", "Kuwait Bay", "Ahmadi"),
    "Oman": ("Muttrah", "Sohar", "Al Batinah", "Nizwa", "Qurum", "Al Hajar", "Dhofar", "Sur"),
    "Bahrain": ("Manama Bay", "Muharraq", "Seef", "Riffa", "Al Areen", "Dilmun", "Sitra", "Juffair"),
    "Egypt": ("Nile", "El Nasr", "Delta", "Horus", "El Obour", "Heliopolis", "Zamalek", "Alexandria", "Sphinx", "Sinai",
              "Maadi", "New Cairo"),
    "Jordan": ("Petra", "Al Urdun", "Amman Vista", "Dead Sea", "Aqaba", "Zarqa", "Jerash", "Abdali", "Madaba", "Ajloun"),
    "Israel": ("Carmel", "Galil", "Negev", "Shaked", "Ofek", "Tamar", "Arava", "Yarden", "Hadar", "Gilboa", "Sharon",
               "Menora"),
    "Turkey": ("Anadolu", "Boğaziçi", "Ege", "Marmara", "Kuzey", "Toros", "Başkent", "Yıldız", "Kapadokya", "Akdeniz"),
}
_OASIS_WORDS = {
    OASIS_GOVERNMENT: ("Municipality", "Development Authority", "Public Works Authority", "Health Cluster",
                       "Housing Authority", "Utilities Authority", "Airports Authority", "University Hospital"),
    "real estate": ("Properties", "Real Estate Development", "Facility Management", "Developments"),
    "healthcare": ("Hospital", "Medical Center", "Healthcare Group", "Specialist Hospital"),
    "education": ("International School", "University", "Academy", "Schools"),
    "retail & malls": ("Mall", "Malls", "Shopping Centres", "Retail"),
    "industrial": ("Industries", "Logistics Park", "Data Center", "Cold Stores", "Manufacturing"),
}
_OASIS_TURKISH_WORDS = {"real estate": ("Gayrimenkul", "Yapı"), "healthcare": ("Hastanesi", "Sağlık Grubu"),
                        "education": ("Okulları", "Koleji"), "retail & malls": ("AVM", "Alışveriş Merkezi"),
                        "industrial": ("Sanayi", "Lojistik")}
_OASIS_FAMILY_WORDS = {"en": ("Group", "& Sons", "Brothers", "Holding", "Trading & Contracting"),
                       "tr": ("Holding", "Grup", "ve Oğulları")}
_OASIS_FORMS = {"Saudi Arabia": (" Co.", " Company", ""), "United Arab Emirates": (" LLC", " PJSC", " L.L.C"),
                "Qatar": (" W.L.L.", " Q.P.S.C."), "Kuwait": (" K.S.C.C.", " W.L.L."), "Oman": (" LLC", " SAOG"),
                "Bahrain": (" B.S.C.", " W.L.L."), "Egypt": (" S.A.E.", ""), "Jordan": (" PLC", " L.L.C."),
                "Israel": (" Ltd.", " Ltd"), "Turkey": (" A.Ş.", " Ltd. Şti.")}
_OASIS_LETTERS = str.maketrans({"ı": "i", "İ": "I"})


@dataclass(frozen=True, slots=True)
class _Desk:
    """What the calendar needs to know of a person in the oasis world: the segment, the country they work in, whether
    they work for a government-linked entity, their working week ("sun", "mon"; in Israel "sun" with ``friday`` for
    those who answer on Friday mornings), whether they keep office days or answer every day ("office", "site", "owner"),
    and their country's public holidays."""

    key: str
    country: str
    government: bool
    week: str
    friday: bool
    kind: str
    holidays: frozenset[dt.date]


def _oasis_key(role: str, government: bool, country: str, employees: int) -> str:
    """A contact's segment: the role read from the title and, for executives, facilities managers and procurement, the
    kind of account (government-linked or not, from the sector), the market of its country, or its size."""
    if role == "owner":
        return "executive/owner"
    if role == "executive":
        return "executive/government" if government else f"executive/{OASIS_MARKET[country]}"
    if role == "facilities":
        return "facilities/government" if government else "facilities"
    if role == "procurement":
        return "procurement/large" if employees >= OASIS_LARGE else "procurement"
    return role


def _oasis_holidays(country: str, years: tuple[int, ...]) -> frozenset[dt.date]:
    """Every day in ``years`` that is a public holiday in ``country``, whatever the weekday (a Sunday is a working day
    where the week starts on Sunday)."""
    return _holiday_dates(OASIS_CODES[country], None, years)


@functools.cache
def _oasis_half_days(years: tuple[int, ...]) -> tuple[frozenset[dt.date], frozenset[dt.date]]:
    """Israel's intermediate days of Passover and Sukkot (Chol HaMoed: the offices half empty), and its Memorial Day
    (open, but a day of ceremonies), from the ``holidays`` package's optional calendar."""
    days = holidays.country_holidays("IL", years=years, categories=("optional",))
    names = [(d, name) for d, joined in days.items() for name in joined.split("; ")]
    return (frozenset(d for d, name in names if name in ("Pesach holiday", "Sukkot holiday")),
            frozenset(d for d, name in names if name.startswith("Remembrance Day")))


def _in_ramadan(day: dt.date) -> bool:
    return any(first <= day <= last for first, last in OASIS_RAMADAN)


def _after_eid(day: dt.date) -> bool:
    return any(eid <= day <= eid + dt.timedelta(days=8) for eid in OASIS_EID)


def _oasis_season(d: _Desk, loc: dt.datetime) -> float:
    """The log-odds of a reply by the contact's local moment, besides the weekday and the public holidays. In Ramadan
    (in every country but Israel) the working day is short and replies move to the evening: before 10:00 -0.6 (-1.3 for
    the office people of government-linked entities, whose Ramadan hours start at 10:00), from 15:00 to 20:00 -1.0 (the
    rest before the fast is broken), from 20:00 +0.8; in Turkey, whose offices keep their hours, only the breaking of the
    fast, 18:00-20:30, costs (-0.5). The nine days from the first day of each Eid are slow for office people (-0.7 where
    not already a holiday). The Emirates' Friday is short for those who work Monday to Friday: from 12:00 -1.6 at
    government-linked entities, -0.8 elsewhere (the Friday prayer, and many private firms close early). In Israel Friday
    afternoons are the start of the Sabbath (-1.8 from 13:00), the intermediate days of Passover and Sukkot are half
    empty (-0.9 for office people), Memorial Day is quiet (-0.6) and the offices mostly shut in the June 2025 war (13-24
    June: -1.2). The Gulf's office people at government-linked entities and its executives are on summer leave from
    mid-July to the end of August (-0.5)."""
    day = loc.date()
    h = loc.hour + loc.minute / 60.0
    wd = loc.weekday()
    office = d.kind == "office"
    z = 0.0
    if d.country != "Israel":
        if _in_ramadan(day):
            if d.country == "Turkey":
                z += -0.5 if 18.0 <= h < 20.5 else 0.0
            elif h < 10.0:
                z += -1.3 if d.government and office else -0.6
            elif h >= 20.0:
                z += 0.8
            elif h >= 15.0:
                z -= 1.0
        if office and _after_eid(day) and day not in d.holidays:
            z -= 0.7
    if d.country == "United Arab Emirates" and d.week == "mon" and office and wd == 4 and h >= 12.0:
        z -= 1.6 if d.government else 0.8
    if d.country == "Israel":
        chol_hamoed, memorial = _oasis_half_days((2025, 2026))
        if wd == 4 and h >= 13.0:
            z -= 1.8
        if office and day in chol_hamoed:
            z -= 0.9
        if day in memorial:
            z -= 0.6
        if OASIS_WAR[0] <= day <= OASIS_WAR[1]:
            z -= 1.2
    if (OASIS_MARKET[d.country] == "gulf" and office and (d.government or d.key.startswith("executive"))
            and ((day.month == 7 and day.day >= 15) or day.month == 8)):
        z -= 0.5
    return z


def _oasis_pace(country: str) -> Callable[[float], float]:
    """Gap multiplier of a rep's cadence to a contact in ``country``, by the date: the reps write less in Ramadan (1.3
    times the gap), in the days after each Eid (2), over Israel's Chol HaMoed (1.8) and in its June 2025 war (3)."""
    chol_hamoed = _oasis_half_days((2025, 2026))[0]

    def pace(t: float) -> float:
        day = dt.datetime.fromtimestamp(t, UTC).date()
        if country == "Israel":
            if OASIS_WAR[0] <= day <= OASIS_WAR[1]:
                return 3.0
            return 1.8 if day in chol_hamoed else 1.0
        if _after_eid(day):
            return 2.0
        return 1.3 if _in_ramadan(day) else 1.0

    return pace


def oasis(scale: float = 1.0, seed: int = 2525) -> PlantedWorld:
    """Kept aside for a final check. A vendor of building-management systems and facilities software (BMS retrofits, HVAC
    controls, CAFM software, IoT metering, maintenance contracts and, from a specialist, chiller-plant optimisation and
    energy analytics) selling to government-linked entities (municipalities, authorities, public hospitals and
    universities; sector "government & semi-government"), real-estate developers and property managers, hospitals,
    schools and universities, malls and industrial sites in the Middle East: Saudi Arabia (27% of the 1,080 accounts at
    scale 1), the United Arab Emirates (21%), Qatar (5%), Kuwait (4.5%), Oman (4.5%), Bahrain (3%), Egypt (15%), Jordan
    (5%), Israel (11%) and Turkey (4.5%), contacts in their own time zones: the Gulf's (Riyadh, Kuwait, Qatar and
    Bahrain on UTC+3, Dubai and Muscat on UTC+4), Amman and Istanbul (UTC+3 all year) without daylight saving time,
    Cairo (UTC+2, UTC+3 from the last Friday of April to the last Thursday of October) and Jerusalem (UTC+2, UTC+3 from
    late March to late October) with it; contacts.csv spells a quarter of the Israeli zones Asia/Tel_Aviv and a quarter
    of the Turkish ones Asia/Istanbul (the same clocks). About fifteen months of history, from Monday 20 January 2025 to
    Monday 20 April 2026 (07:00 UTC: 10:00 in Riyadh, Jerusalem, Amman and Istanbul, 11:00 in Dubai, 09:00 in Cairo);
    the ten days after the end hold Israel's Memorial Day (21 April) and Independence Day (22 April, a public holiday),
    Turkey's National Sovereignty and Children's Day (23 April), and Egypt moving its clocks to summer time on Friday 24
    April, besides a weekend of each kind (Friday and Saturday, Saturday and Sunday, Israel's Saturday). An account is a
    government-linked entity (24% in the Gulf, 15% in Egypt and Jordan, none in Israel and Turkey), a family business
    (30% in the Gulf, 35% in Egypt and Jordan, 15% in Israel, 40% in Turkey: Al Emadi Trading & Contracting W.L.L.,
    Mohammed Al Anazi Group Company, Shapira Group Ltd., Çelik ve Oğulları A.Ş.) or another company (Rimal Properties
    Company, Lusail Medical Center Q.P.S.C., Sinai Data Center S.A.E., Al Waha Logistics Park LLC, Başkent Hastanesi
    A.Ş.; Nizwa Municipality, Al Safwa Health Cluster: government entities have no legal form). People's names follow
    the country and, in the Gulf, where people come from (the nationals hold most government posts and own the family
    businesses; Arab, South Asian, Filipino and Western expatriates hold many others, and most site jobs). The titles
    are in English, Arabic (12-33% in the Arab countries), Hebrew (45% in Israel), French (12% in Egypt) and Turkish
    (65% in Turkey), the same job in many wordings (183 titles at scale 1: CEO, GM, المدير التنفيذي, מנכ"ל, מנכ״ל,
    Directeur Général, İcra Kurulu Başkanı; Head of FM, FM Manager, مدير إدارة المرافق, מנהל אחזקה, Tesis Müdürü;
    Procurement Manager, Sr. Buyer, مدير المشتريات, מנהל רכש, Satın Alma Müdürü...), each naming one of eight roles:
    owners (at family businesses only), executives, facilities managers, site staff (supervisors, engineers and
    technicians), procurement, finance, IT and projects; 6% of the titles name no job (Eng., م., المهندس, Dr., N/A, -,
    Visitor, Employee, موظف, עובד), 15% at the trade-show leads. Segments from the role read from the title and, for
    executives, the kind of account (government-linked, from the sector) or the market of its country, for facilities
    managers the kind of account, and for procurement the size (a team buying by formal tender from 1,000 employees),
    fourteen of them: government-linked facilities managers answer at 07:00 and their executives at 07:30, at the start
    of the government day (sd 0.9-1.0 h); Israel's executives at 08:00, before the day's meetings; procurement at large
    accounts at 09:00, after the tender portals' morning; other facilities managers broadly at 10:30 (sd 3.3 h); finance
    at 11:00; Turkey's executives broadly at 11:00 (sd 3.0 h); procurement at smaller accounts broadly at 12:00 (sd 3.0
    h); IT broadly at 14:00 (sd 3.2 h); site staff at 15:30, at the end of the day shift; the Gulf's other executives
    broadly at 16:30 (sd 3.0 h); projects people at 18:30, back from the sites; Egypt's and Jordan's executives at
    19:30, their working day running late; owners of family businesses at 21:00, in the evening; the others narrow (sd
    1.0-1.1 h). 29% of contacts peak 2-3 hours off their segment's (15% of government facilities managers and of site
    staff, 20-30% in the other narrow segments, 40% in the broad ones). Working weeks: Saudi Arabia, Qatar, Kuwait,
    Oman, Bahrain, Egypt and Jordan work from Sunday to Thursday; the Emirates' government-linked entities and seven in
    ten of its private firms from Monday to Friday (the others kept the Sunday-to-Thursday week), and so does Turkey;
    Israel from Sunday to Thursday, 45% of its office people also answering on Friday mornings. Office people do not
    answer on their weekend or their country's public holidays (the Eids, Saudi Arabia's Founding Day and National Day,
    the Emirates' National Day, Egypt's Spring Festival, Jordan's Independence Day; in Israel Passover, Shavuot, Rosh
    Hashanah, Yom Kippur, Sukkot and Independence Day; Turkey's national days...): on such a day a reply is unlikely
    (-1.4 on the log-odds, -3.5 on a public holiday) and the reply clock stops, so no office person's reply lands on
    their weekend. Site staff and owners answer every day (the reply clock runs every day), a little less on public
    holidays (-0.5); about 1.7% of the replies land on a day of the contact's weekend (site staff, owners, Israel's
    Friday mornings). The weekday effects are by the day of the contact's own week: government facilities managers and
    executives best on its first day (+0.2, +0.3) and weak on its last (-0.3, -0.45), the Gulf's and Israel's other
    executives best on the first (+0.25, +0.3), procurement at large accounts weak on the last (-0.4), finance weak on
    the first (-0.3, the week's reporting), IT best on the fourth (+0.2), projects people weak on the first (-0.2); site
    staff a little less at weekends (-0.5, -0.7), owners least on the first day of the weekend (-0.5, the Friday prayer
    and the family where the week starts on Sunday) and best on the second (+0.3); Israel's executives -0.6 on a Friday.
    The calendar: in Ramadan (1-29 March 2025, 18 February to 19 March 2026), everywhere but Israel, the working day is
    short and replies move to the evening (-0.6 before 10:00, -1.3 for the office people of government-linked entities,
    whose Ramadan hours start at 10:00; -1.0 from 15:00 to 20:00, before and at the breaking of the fast; +0.8 from
    20:00), except in Turkey, whose offices keep their hours (-0.5 at the breaking of the fast, 18:00-20:30); office
    people outside Israel are slow for nine days from the first day of each Eid where it is not a holiday (-0.7); the
    Emirates' Friday is short for those working Monday to Friday (-1.6 from 12:00 at government-linked entities, -0.8
    elsewhere; the reply clock runs all day); Israel's Friday afternoons start the Sabbath (-1.8 from 13:00), its
    offices are half empty over the intermediate days of Passover and Sukkot (-0.9), quiet on Memorial Day (-0.6) and
    mostly shut in the June 2025 war with Iran (13-24 June, -1.2); the Gulf's office people at government-linked
    entities and its executives are on summer leave from mid-July to the end of August (-0.5). Reps in four offices and
    London, each with a habitual hour on their own clock and 18-22% of their touches at another hour (07-21), working
    their office's week only (Sunday to Thursday in Riyadh, Cairo and Tel Aviv, Monday to Friday in Dubai and London)
    and not on its public holidays: account executives in Dubai for the Emirates' government-linked and largest accounts
    (08:30: 07:30 in Riyadh) and its others (15:00), Qatar and Oman (10:30) and Turkey (11:00: 10:00 in Istanbul), in
    Riyadh for Saudi Arabia's government-linked accounts (09:00) and its others (20:30, in the evening), and Kuwait and
    Bahrain (13:00), in Cairo for Egypt (11:00) and Jordan (15:30: 16:30 in Amman in Egypt's winter, 15:30 in its
    summer), in Tel Aviv for Israel (08:30), one account in twelve owned by another; customer success managers in Dubai
    (12:00), Riyadh (10:30) and Cairo (13:00); lead desks in Dubai (09:30; the Gulf and Turkey, writing to Saudi Arabia
    on Fridays), Cairo (10:00; Egypt and Jordan) and Tel Aviv (16:00; Israel's leads and customers); an implementation
    engineer in Cairo (12:00) for every market, writing to the Emirates' Monday-to-Friday firms on Sundays; and a
    specialist in London (14:00: 17:00 in Riyadh in the British winter, 16:00 in its summer). About 3.7% of the touches
    land on one of the contact's days off. The history is uneven: 170 customers (three to eight people, 14% of those
    after the first never touched): a success manager keeps in touch with one or two facilities managers, executives,
    owners or IT people every three to six weeks; the account executive renews the maintenance contract before each
    anniversary (from 30-60 days before to 0-10 after, with one or two procurement, finance, executive or owner people);
    projects run building by building in two to four lines side by side (two, three from 1,500 employees, one more at a
    government-linked entity), each deal of one to four months with one to three facilities, projects, IT, site or
    procurement people, the next 20-120 days later (each time three times in four), and a won project gets the
    implementation engineer touching one or two site staff or facilities managers every two to four days for three to
    eight weeks; about a third of the customers get a specialist's deal of one to four months; their other people hear
    from the success manager every five to nine weeks (60%) or get one e-mail, and 40% of their people write in
    unprompted once or twice. 210 prospects (one to four people, 40% of those after the first never touched): the
    account executive keeps in touch with an executive, owner or facilities manager every four to seven weeks in 40% of
    them, and 60% get a project deal (the specialist alongside in a fifth); the others get one e-mail. 700 leads: one
    person (two in a quarter of them, the second never touched six times in ten) who wrote in on any day of the history
    or, 40% of them, left a card at the vendor's stand at a trade show (Riyadh, 5-8 May 2025; Tel Aviv, 9-11 September;
    Cairo, 27-30 October; Dubai, 24-27 November), followed up by the lead desk from the first day of its next working
    week (the Dubai show's from 3 December, after the Emirates' National Day) or up to three working days later: a
    sequence on set working days of the desk's week (an e-mail at once, a call the next day, an e-mail on the third, a
    call on the seventh, an e-mail on the twelfth), cut after one to five steps (25%, 20%, 20%, 17% and 18%; a
    colleague's after one or two) and stopped by an answer, after which the desk writes or calls one to three more times
    two to four days apart; in a fifth of the leads the account executive books one to three calls or meetings a week
    apart. Reps' cadences slow down in Ramadan (1.3 times the gap), after each Eid (2), over Israel's intermediate days
    (1.8) and its June war (3). So the account executives make 64% of the touches, the implementation engineer 13%, the
    success managers 10%, the lead desks 10% and the specialist 3%; 44% of the touches come from a rep in another time
    zone than the contact's; each segment's four busiest hours of the contact's clock hold 41-76% of its touches; 0.5%
    of the touches land before 07:00 and 8% from 19:00, and the late segments are seldom touched near their peak (7% of
    the owners' touches within 1.5 hours of the contact's own peak, 11% of projects people's, 7% of Egypt's and Jordan's
    executives'); 11% of the touches fall in Ramadan; 13% of the touched contacts are in two deals at once for a while;
    a touched contact gets 6 touches at the median (1 at the 10th percentile, 40 at the 90th, up to about 160), 49% of
    them one to five and 21% a single one, and the 15% with thirty or more get 57% of the touches. A touch the same day
    as the last does badly (-0.6, -0.4 from half a day), the next day is neutral, two to four days after it is best
    (+0.25 to +0.3) and long silences cost (-0.4 from four months); fatigue counts four days (-0.15 for one touch in
    them, on down to -1.05 from five); each unanswered touch in a row costs more (-0.2 for one, on down to -0.75 from
    six); a reply in the last two days helps (+0.6, gone after seven); a person never touched answers a little less
    (-0.25); calls do better than e-mails (+0.3), meetings best (+1.0); replies come quickly or not for a day or more
    (about eight waking hours on average). About 52% of the touches are e-mails, 31% calls and 18% meetings. About
    30,000 touches at scale 1, about 2,350 contacts, about 15% of them never touched."""
    staff: dict[str, _Desk] = {}  # by e-mail
    years = (2025, 2026)

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        d = staff[c.email]
        start = OASIS_WEEKS[d.week][0]
        z = OASIS_WEEKDAYS[d.key][(loc.weekday() - start) % 7]
        if loc.date() in d.holidays:
            z += OASIS_HOLIDAY if d.kind == "office" else OASIS_WORKED_HOLIDAY
        return z + _oasis_season(d, loc)

    fx = Effects(
        base=-1.2,
        gap=_pl((0.0, -0.6), (0.5, -0.4), (1.0, 0.0), (2.0, 0.25), (4.0, 0.3), (10.0, 0.1), (30.0, 0.0), (120.0, -0.4)),
        cold=-0.25,
        fatigue_days=4.0,
        fatigue=(0.0, -0.15, -0.35, -0.6, -0.85, -1.05),
        streak=(0.0, -0.2, -0.35, -0.5, -0.6, -0.7, -0.75),
        recent=_pl((0.0, 0.6), (2.0, 0.6), (7.0, 0.0)),
        night=-1.0,
        channel=(0.0, 0.3, 1.0),
        delay=Delay(((0.5, 1.2), (0.3, 7.0), (0.2, 28.0)), floor=0.1),
        responsiveness_sd=0.6,
        holiday=OASIS_OFF,
        calendar=calendar,
    )
    w = PlantedWorld("oasis", _doc(oasis), fx, dt.datetime(2026, 4, 20, 7, 0, tzinfo=UTC), seed)
    w.history_days = 470.0
    rng = random.Random(seed)
    b = _Builder(w, rng)
    end = w.end_ts
    begin = end - 455 * DAY
    first_day = (w.end - dt.timedelta(days=480)).date()
    calendar_days = [first_day + dt.timedelta(days=k) for k in range(530)]
    weekends: dict[tuple[str, str, bool], frozenset[dt.date]] = {}
    dubai, riyadh, cairo, jerusalem = "Asia/Dubai", "Asia/Riyadh", "Africa/Cairo", "Asia/Jerusalem"
    ae, sa, eg, il = (_oasis_holidays(country, years) for country in ("United Arab Emirates", "Saudi Arabia", "Egypt",
                                                                         "Israel"))
    sunday = OASIS_WEEKS["sun"][1]
    # account executives, by territory
    mansour = b.rep("Karim Mansour", dubai, 8.5, 5.0, hour_sd=0.6, p_random=0.2, off=ae)
    menon = b.rep("Priya Menon", dubai, 15.0, 4.0, hour_sd=0.7, p_random=0.22, off=ae)
    suwaidi = b.rep("Fatima Al Suwaidi", dubai, 10.5, 6.0, hour_sd=0.6, p_random=0.2, off=ae)
    yildirim = b.rep("Emre Yıldırım", dubai, 11.0, 6.0, hour_sd=0.6, p_random=0.2, off=ae)
    qahtani = b.rep("Abdullah Al Qahtani", riyadh, 9.0, 5.0, hour_sd=0.6, p_random=0.2, off=sa, rest=sunday)
    harbi = b.rep("Faisal Al Harbi", riyadh, 20.5, 6.0, hour_sd=0.7, p_random=0.22, off=sa, rest=sunday)
    otaibi = b.rep("Sara Al Otaibi", riyadh, 13.0, 5.0, hour_sd=0.6, p_random=0.2, off=sa, rest=sunday)
    hassan = b.rep("Mostafa Hassan", cairo, 11.0, 5.0, hour_sd=0.7, p_random=0.22, off=eg, rest=sunday)
    khalil = b.rep("Yasmine Khalil", cairo, 15.5, 6.0, hour_sd=0.6, p_random=0.2, off=eg, rest=sunday)
    levi = b.rep("Noa Levi", jerusalem, 8.5, 4.0, hour_sd=0.6, p_random=0.2, off=il, rest=sunday)
    # customer success managers, lead desks, the implementation engineer and the specialist
    farouk = b.rep("Nadia Farouk", dubai, 12.0, 7.0, hour_sd=0.6, p_random=0.2, off=ae)
    zahrani = b.rep("Lama Al Zahrani", riyadh, 10.5, 7.0, hour_sd=0.6, p_random=0.2, off=sa, rest=sunday)
    soliman = b.rep("Heba Soliman", cairo, 13.0, 7.0, hour_sd=0.6, p_random=0.2, off=eg, rest=sunday)
    fernandes = b.rep("Joel Fernandes", dubai, 9.5, 2.5, hour_sd=0.5, p_random=0.18, off=ae)
    saleh = b.rep("Omar Saleh", cairo, 10.0, 2.5, hour_sd=0.5, p_random=0.18, off=eg, rest=sunday)
    ben_david = b.rep("Itai Ben-David", jerusalem, 16.0, 3.0, hour_sd=0.6, p_random=0.2, off=il, rest=sunday)
    fathy = b.rep("Ahmed Fathy", cairo, 12.0, 3.0, hour_sd=0.7, p_random=0.22, off=eg, rest=sunday)
    whitfield = b.rep("James Whitfield", "Europe/London", 14.0, 7.0, hour_sd=0.6, p_random=0.2,
                      off=_public_holidays("United Kingdom", "Europe/London", years))
    every_ae = [mansour, menon, suwaidi, yildirim, qahtani, harbi, otaibi, hassan, khalil, levi]
    success = {"Saudi Arabia": zahrani, "Kuwait": zahrani, "Bahrain": zahrani, "United Arab Emirates": farouk,
               "Qatar": farouk, "Oman": farouk, "Turkey": farouk, "Egypt": soliman, "Jordan": soliman, "Israel": ben_david}
    desk = {country: saleh if market == "mashriq" else ben_david if market == "israel" else fernandes
            for country, market in OASIS_MARKET.items()}

    def territory(country: str, government: bool, employees: int) -> int:
        if country == "United Arab Emirates":
            return mansour if government or employees >= 2000 else menon
        if country == "Saudi Arabia":
            return qahtani if government else harbi
        return {"Qatar": suwaidi, "Oman": suwaidi, "Kuwait": otaibi, "Bahrain": otaibi, "Egypt": hassan,
                "Jordan": khalil, "Israel": levi, "Turkey": yildirim}[country]

    segments = {k: Segment(k, p, sd, a, (0.0,) * 7, True) for k, (p, sd, a, _) in OASIS_SEGMENTS.items()}
    countries = {"Saudi Arabia": 0.26, "United Arab Emirates": 0.22, "Qatar": 0.06, "Kuwait": 0.05, "Oman": 0.04,
                 "Bahrain": 0.03, "Egypt": 0.14, "Jordan": 0.05, "Israel": 0.1, "Turkey": 0.05}
    taken: set[str] = set()
    old_week: set[int] = set()  # the accounts in the Emirates that work from Sunday to Thursday

    def weekend(country: str, week: str, friday: bool) -> frozenset[dt.date]:
        """The days an office person does not work: their week's weekend (an Israeli who answers on Friday mornings:
        Saturday) and their country's public holidays."""
        key = (country, week, friday)
        if key not in weekends:
            rest = OASIS_WEEKS[week][1][1:] if friday else OASIS_WEEKS[week][1]
            weekends[key] = frozenset(d for d in calendar_days if d.weekday() in rest) | _oasis_holidays(country, years)
        return weekends[key]

    def company(country: str, kind: str, sector: str) -> tuple[str, str]:
        """An account's name with its legal form, and the name without it (for its domain)."""
        turkish = country == "Turkey"
        for k in range(1000):
            if kind == "family":  # named after the family, or its founder
                pool = {"Turkey": "turkey", "Israel": "israel", "Egypt": "egypt", "Jordan": "levant"}.get(country, country)
                family = rng.choice(_OASIS_LASTS[pool])
                if k >= 5 or rng.random() < 0.3:
                    family = f"{rng.choice(_OASIS_FOUNDERS['gulf' if pool == country else pool])} {family}"
                base = f"{family} {rng.choice(_OASIS_FAMILY_WORDS['tr' if turkish else 'en'])}"
            else:
                stem = rng.choice(_OASIS_STEMS[country])
                if k >= 20:
                    stem = f"{stem} {rng.choice(_OASIS_STEMS[country])}"
                words = _OASIS_TURKISH_WORDS[sector] if turkish else _OASIS_WORDS[sector]
                base = f"{stem} {rng.choice(words)}"
            if base not in taken:
                taken.add(base)
                return base + ("" if kind == "government" else rng.choice(_OASIS_FORMS[country])), base
        raise RuntimeError("no company name left")

    def origin(country: str, kind: str, role: str) -> tuple[str, str]:
        """The lists a person's first and last names come from."""
        market = OASIS_MARKET[country]
        if market == "gulf":
            mix = "site" if role == "site" else "government" if kind == "government" else "office"
            where = "national" if role == "owner" else _weighted(rng, _OASIS_ORIGINS[mix])
            return ("gulf", country) if where == "national" else (where, where)
        if market == "mashriq":
            if country == "Egypt":
                return ("west", "west") if rng.random() < 0.03 and role != "owner" else ("egypt", "egypt")
            return ("egypt", "egypt") if rng.random() < 0.1 and role != "owner" else ("levant", "levant")
        if market == "israel":
            return ("israel arab", "israel arab") if rng.random() < 0.2 else ("israel", "israel")
        return "turkey", "turkey"

    def person(ai: int, role: str, country: str, kind: str, owner: int, domain: str, nameless: float) -> _Contact:
        government = kind == "government"
        key = _oasis_key(role, government, country, w.accounts[ai].employees)
        if rng.random() < nameless:
            title = rng.choice(OASIS_NAMELESS)
        else:
            language = _weighted(rng, _OASIS_LANGUAGE[country])
            title = rng.choice(_OASIS_TITLES.get((role, language)) or _OASIS_TITLES[(role, "en")])
        zones = OASIS_ZONES[country]
        zone = zones[0] if len(zones) == 1 or rng.random() < 0.75 else zones[1]
        c = b.contact(ai, zone, segments[key], owner, OASIS_SEGMENTS[key][3], title=title)
        firsts, lasts = origin(country, kind, role)
        _rename(w, c, rng.choice(_OASIS_FIRSTS[firsts]), rng.choice(_OASIS_LASTS[lasts]), domain, _OASIS_LETTERS)
        week = "sun" if ai in old_week else OASIS_WEEK[country]
        friday = country == "Israel" and rng.random() < OASIS_FRIDAY
        every_day = key in OASIS_EVERY_DAY
        if every_day:
            friday = False
        else:
            c.off = weekend(country, week, friday)
        kind_of = "owner" if role == "owner" else "site" if every_day else "office"
        staff[c.email] = _Desk(key, country, government, week, friday, kind_of, _oasis_holidays(country, years))
        return c

    def new_account(kind: str) -> tuple[int, str, str, str, int]:
        """An account of ``kind`` ("government", "family", "corporate"; another where its country has none, or "any"):
        its index, country, kind, domain and owner."""
        country = _weighted(rng, countries)
        kinds = _OASIS_KINDS[OASIS_MARKET[country]]
        if kind not in kinds:
            kind = _weighted(rng, kinds)
        sector = OASIS_GOVERNMENT if kind == "government" else _weighted(rng, _OASIS_SECTOR_SHARES[kind])
        lo, hi = (15, 2500) if kind == "family" else _OASIS_SIZES[sector]
        employees = int(math.exp(rng.uniform(math.log(lo), math.log(hi))))
        home = territory(country, kind == "government", employees)
        owner = home if rng.random() < 0.92 else rng.choice(every_ae)
        ai = b.account("services", country, employees, owner)
        acc = w.accounts[ai]
        acc.name, base = company(country, kind, sector)
        acc.sector, acc.parent = sector, ""
        if country == "United Arab Emirates" and kind != "government" and rng.random() < OASIS_OLD_WEEK:
            old_week.add(ai)  # a private firm that kept the Sunday-to-Thursday week
        return ai, country, kind, _domain(base, _OASIS_LETTERS), owner

    role_of: dict[str, str] = {}

    def populate(ai: int, country: str, kind: str, n: int, owner: int, domain: str, cold: float,
                 nameless: float) -> list[_Contact]:
        """``n`` people (the first an owner or an executive six times in ten at a family business), those touched."""
        roles = _OASIS_ROLES[kind]
        plan = [("owner" if rng.random() < 0.6 else "executive") if kind == "family" else _weighted(rng, roles)]
        plan += [_weighted(rng, roles) for _k in range(n - 1)]
        people = []
        for k, role in enumerate(plan):
            c = person(ai, role, country, kind, owner, domain, nameless)
            role_of[c.email] = role
            if k > 0 and b.cold(cold):
                continue  # never touched (never an account's first person)
            people.append(c)
        return people

    def having(people: list[_Contact], *roles: str) -> list[_Contact]:
        return [c for c in people if role_of[c.email] in roles]

    def cadence(c: _Contact, rep: int, start: float, stop: float, gap: float, sigma: float, **kw: object) -> None:
        c.threads.append(_Cadence(rep, start, stop, gap, sigma, season=_oasis_pace(staff[c.email].country), **kw))

    def project(ai: int, rep: int, people: list[_Contact], t: float, dur: float) -> None:
        """A project deal: the account executive with one to three people and, once it is won, the implementation
        engineer putting the buildings on the system with one or two site or facilities people."""
        di = b.deal(rep, ai, t, t + dur)
        w.deals[di].product = rng.choice(_OASIS_PROJECT)
        users = having(people, "facilities", "projects", "it", "site", "procurement") or people
        chosen = rng.sample(users, min(len(users), rng.choice((1, 1, 2, 3))))
        for c in chosen:
            cadence(c, rep, t, min(t + dur, end), w.reps[rep].gap * rng.uniform(0.8, 1.25), 0.45, deal=di,
                    mix=(0.5, 0.8), react=0.4)
        if w.deals[di].won and t + dur < end - 5 * DAY:
            go = t + dur + rng.uniform(3.0, 15.0) * DAY
            crew = having(people, "site", "facilities") or chosen
            for c in rng.sample(crew, min(len(crew), rng.choice((1, 2)))):
                cadence(c, fathy, go, min(go + rng.uniform(21.0, 56.0) * DAY, end), rng.uniform(2.0, 4.0), 0.5, deal=di,
                        mix=(0.45, 0.75), react=0.3)

    def specialist(ai: int, people: list[_Contact], t: float) -> None:
        """A chiller-plant or energy-analytics deal with the specialist in London."""
        if t >= end - 10 * DAY:
            return
        chosen = having(people, "facilities", "finance", "executive", "owner", "it") or people[:1]
        dur = rng.uniform(30.0, 120.0) * DAY
        di = b.deal(whitfield, ai, t, t + dur)
        w.deals[di].product = rng.choice(_OASIS_SPECIALIST)
        for c in rng.sample(chosen, min(len(chosen), rng.choice((1, 2)))):
            cadence(c, whitfield, t, min(t + dur, end), w.reps[whitfield].gap * rng.uniform(0.8, 1.2), 0.4, deal=di,
                    mix=(0.55, 0.85), react=0.35)

    def arrive() -> float:
        return begin if rng.random() < 0.7 else begin + rng.uniform(0.0, 380.0) * DAY

    def once(c: _Contact, rep: int, arrival: float) -> None:
        c.threads.append(_Once(rep, w.place(rep, rng.uniform(arrival, end - DAY), rng)))

    # customers: many people, touched many times by several deals at once
    for _ in range(_count(scale, 170, 3)):
        ai, country, kind, domain, owner = new_account(_weighted(rng, {"government": 0.35, "family": 0.25,
                                                                       "corporate": 0.4}))
        employees = w.accounts[ai].employees
        people = populate(ai, country, kind, rng.randint(3, 8), owner, domain, 0.14, 0.04)
        arrival = arrive()
        csm = success[country]
        keys = having(people, "facilities", "executive", "owner", "it") or people[:1]
        for c in rng.sample(keys, min(len(keys), rng.choice((1, 1, 2)))):
            cadence(c, csm, arrival + rng.uniform(0.0, 30.0) * DAY, end, rng.uniform(21.0, 42.0), 0.4, mix=(0.55, 0.85),
                    react=0.3)
        # the maintenance contract, renewed before each anniversary
        anniversary = begin + rng.uniform(0.0, 365.0) * DAY
        buyers = having(people, "procurement", "finance", "executive", "owner") or people[:1]
        while anniversary - 30 * DAY < end:
            t0 = max(anniversary - rng.uniform(30.0, 60.0) * DAY, arrival)
            t1 = anniversary + rng.uniform(0.0, 10.0) * DAY
            if t1 > begin + 20 * DAY and t0 < min(t1, end - 3 * DAY):
                di = b.deal(owner, ai, t0, t1)
                w.deals[di].product, w.deals[di].won = OASIS_PRODUCTS[6], rng.random() < 0.9
                for c in rng.sample(buyers, min(len(buyers), rng.choice((1, 1, 2)))):
                    cadence(c, owner, t0, min(t1, end), w.reps[owner].gap * rng.uniform(0.8, 1.2), 0.45, deal=di,
                            mix=(0.55, 0.85), react=0.4)
            anniversary += 365 * DAY
        # projects building by building, in two to four lines side by side
        lines = 2 + (employees >= 1500) + (kind == "government")
        for _line in range(lines):
            t = arrival + rng.uniform(5.0, 120.0) * DAY
            while t < end - 10 * DAY and rng.random() < 0.75:
                dur = rng.uniform(30.0, 120.0) * DAY
                project(ai, owner, people, t, dur)
                t += dur + rng.uniform(20.0, 120.0) * DAY
        if rng.random() < 0.35:
            specialist(ai, people, arrival + rng.uniform(20.0, 380.0) * DAY)
        for c in people:
            c.inbound = rng.randint(1, 2) if rng.random() < 0.4 else 0
            if not c.threads:
                if rng.random() < 0.6:
                    cadence(c, csm, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(35.0, 63.0), 0.4,
                            mix=(0.65, 0.9), react=0.3)
                else:
                    once(c, csm, arrival)
    # prospects: a few people, a deal in the making
    for _ in range(_count(scale, 210, 3)):
        ai, country, kind, domain, owner = new_account("any")
        people = populate(ai, country, kind, rng.choice((1, 2, 2, 3, 4)), owner, domain, 0.4, 0.05)
        arrival = arrive()
        deciders = having(people, "executive", "owner", "facilities")
        if deciders and rng.random() < 0.4:
            cadence(rng.choice(deciders), owner, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(28.0, 49.0),
                    0.5, mix=(0.55, 0.9), react=0.35)
        if rng.random() < 0.6:
            t = arrival + rng.uniform(10.0, 380.0) * DAY
            if t < end - 10 * DAY:
                project(ai, owner, people, t, rng.uniform(30.0, 120.0) * DAY)
                if rng.random() < 0.2:
                    specialist(ai, people, t + rng.uniform(10.0, 40.0) * DAY)
        for c in people:
            if not c.threads:
                once(c, owner, arrival)
    # leads: a person who wrote in or left a card at a trade show, a colleague now and then, a short sequence
    for _ in range(_count(scale, 700, 6)):
        ai, country, kind, domain, owner = new_account("any")
        shows = [day for day, where in OASIS_SHOWS if country in where]
        at_show = rng.random() < 0.4
        people = populate(ai, country, kind, rng.choice((1, 1, 1, 2)), owner, domain, 0.6, 0.15 if at_show else 0.05)
        r = desk[country]
        rep = w.reps[r]
        if at_show:
            enrol = _working_days_after(rng.choice(shows), rng.choice((0, 0, 1, 2, 3)), rep.off, rep.rest)
        else:
            enrol = dt.datetime.fromtimestamp(begin + rng.uniform(0.0, 450.0) * DAY, rep.tz).date()
        for k, c in enumerate(people):
            cut = int(_weighted(rng, {str(n): p for n, p in OASIS_LEAD_CUT.items()}))
            c.threads.append(_Steps(r, enrol, OASIS_LEAD_STEPS, cut if k == 0 else min(cut, 2)))
        if rng.random() < 0.2:  # the account executive books a call or a meeting
            t = _clock(enrol, 12 * 3600, rep.tz) + rng.uniform(3.0, 20.0) * DAY
            if t < end - 5 * DAY:
                cadence(people[0], owner, t, min(end, t + rng.uniform(7.0, 25.0) * DAY), 7.0, 0.4, mix=(0.0, 0.55),
                        react=0.2)
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 26. Agribusiness and food supply-chain software in Latin America (kept aside)

PAMPA_ZONES: dict[str, dict[str, float]] = {
    "Brazil": {"America/Sao_Paulo": 0.55, "America/Cuiaba": 0.22, "America/Fortaleza": 0.13, "America/Manaus": 0.1},
    "Mexico": {"America/Mexico_City": 0.6, "America/Monterrey": 0.25, "America/Tijuana": 0.15},
    "Colombia": {"America/Bogota": 1.0}, "Peru": {"America/Lima": 1.0}, "Chile": {"America/Santiago": 1.0},
    "Argentina": {"America/Argentina/Buenos_Aires": 0.65, "America/Argentina/Cordoba": 0.35},
    "Uruguay": {"America/Montevideo": 1.0},
}
PAMPA_CODES = {"Brazil": "BR", "Mexico": "MX", "Colombia": "CO", "Peru": "PE", "Chile": "CL", "Argentina": "AR",
               "Uruguay": "UY"}
# Brazil's states, by the zone standing for them (the package knows their holidays; Mexico's it does not divide by state)
PAMPA_STATES = {"America/Sao_Paulo": "SP", "America/Cuiaba": "MT", "America/Fortaleza": "CE", "America/Manaus": "AM"}
PAMPA_SECTORS = ("family farm", "agricultural cooperative", "grain trading", "fruit and produce export",
                 "meat and dairy processing", "farm inputs", "food distribution")
PAMPA_AGRI = PAMPA_SECTORS[:3] + ("farm inputs",)  # the accounts whose year follows the harvest
PAMPA_PRODUCTS = ("Traceability", "Grain Trading Desk", "Input Procurement", "Cooperative Management",
                  "Cold-Chain Monitoring")
_PAMPA_SPECIALIST = PAMPA_PRODUCTS[4]  # what the specialist in Miami sells
PAMPA_LARGE = 3000  # employees: from this size an account is the Miami team's, and its executives keep narrow hours
PAMPA_LUNCH_COUNTRIES = ("Mexico", "Chile", "Argentina")  # the long lunch, 13:00-15:00 on weekdays
PAMPA_LUNCH = -1.1  # the lunch, for everyone but owners
PAMPA_LUNCH_OWNER = -0.3
PAMPA_OFF = -3.0  # a touch on one of the contact's days off (a public holiday, Carnival in Brazil, a day away)
PAMPA_WORKED_HOLIDAY = -0.5  # a touch to an owner (who answers every day) on a public holiday
PAMPA_SUMMER_COUNTRIES = ("Chile", "Argentina", "Uruguay")  # the southern summer holidays, January and February
PAMPA_SUMMER = -0.6  # office people in January and February there, besides the days away
PAMPA_HARVEST_EFFECT = -0.8  # producers (owners, family farms) in their region's soy harvest
PAMPA_PACKING = -0.5  # packing-house people in Chile and Peru in the fruit season (December to March)
PAMPA_ASH_WEDNESDAY = -1.2  # Brazil, before 14:00
PAMPA_CARNIVAL_OWNER = -1.5  # owners in Brazil on Carnival Monday and Tuesday (the others are off)
PAMPA_CARNIVAL_WEEK = -0.6  # Brazil, the Friday before Carnival to the Sunday
PAMPA_HOLY_WEEK = -0.6  # office people on Monday to Wednesday of Holy Week (14-16 April 2025)
PAMPA_YEAR_END = -0.4  # everyone from 22 December to 6 January
PAMPA_CARNIVAL = (dt.date(2025, 3, 3), dt.date(2026, 2, 16))  # Carnival Mondays
PAMPA_HOLY_WEEK_DAYS = (dt.date(2025, 4, 14), dt.date(2025, 4, 16))
# the soy harvest by region: (first day, last day) each year
PAMPA_HARVEST: dict[str, tuple[tuple[dt.date, dt.date], ...]] = {
    "cerrado": ((dt.date(2025, 1, 10), dt.date(2025, 3, 20)), (dt.date(2026, 1, 10), dt.date(2026, 3, 20))),
    "centre-south": ((dt.date(2025, 2, 15), dt.date(2025, 4, 30)), (dt.date(2026, 2, 15), dt.date(2026, 4, 30))),
    "pampas": ((dt.date(2025, 3, 25), dt.date(2025, 5, 31)), (dt.date(2026, 3, 25), dt.date(2026, 5, 31))),
}
PAMPA_REGION = {"America/Cuiaba": "cerrado", "America/Sao_Paulo": "centre-south", "America/Argentina/Buenos_Aires": "pampas",
                "America/Argentina/Cordoba": "pampas", "America/Montevideo": "pampas"}
PAMPA_PRE_HARVEST = 42  # days before the harvest in which the reps campaign to the agri accounts
# the territory reassignments: (the day, what moved)
PAMPA_MOVES = (dt.date(2025, 3, 3), dt.date(2025, 6, 2), dt.date(2025, 9, 1), dt.date(2026, 1, 5))
# segment: peak, sd, amp, share of contacts peaking 2-3 hours off, weekdays (Monday..Sunday), reply clock every day
PAMPA_SEGMENTS: dict[str, tuple[float, float, float, float, tuple[float, ...], bool]] = {
    "owner": (20.5, 1.1, 1.5, 0.3, (0.1, 0.05, 0.0, 0.0, -0.15, -0.2, -0.6), True),
    "plant/packing": (6.5, 0.9, 1.55, 0.15, (0.1, 0.05, 0.05, 0.0, -0.05, -0.2, -1.3), True),
    "plant/processing": (14.5, 1.0, 1.5, 0.2, (0.15, 0.1, 0.05, 0.0, -0.2, -0.6, -1.4), True),
    "quality": (7.5, 1.0, 1.5, 0.2, (0.0, 0.1, 0.1, 0.05, -0.2, -1.1, -1.3), False),
    "executive/large": (8.0, 1.0, 1.5, 0.25, (0.25, 0.1, 0.05, 0.0, -0.35, -1.2, -1.3), False),
    "executive": (11.0, 3.0, 1.0, 0.4, (0.0, 0.1, 0.1, 0.05, -0.3, -1.0, -1.2), False),
    "commercial/br": (9.5, 1.1, 1.45, 0.25, (-0.3, 0.1, 0.15, 0.1, 0.0, -1.1, -1.3), False),
    "commercial/es": (17.5, 3.0, 1.0, 0.4, (0.0, 0.1, 0.1, 0.1, -0.3, -1.0, -1.3), False),
    "procurement": (10.0, 1.0, 1.5, 0.2, (0.1, 0.15, 0.1, 0.0, -0.4, -1.2, -1.3), False),
    "buyer": (12.0, 3.2, 0.95, 0.4, (0.05, 0.1, 0.1, 0.05, -0.25, -1.1, -1.3), False),
    "supply": (16.0, 1.1, 1.45, 0.25, (0.0, 0.1, 0.15, 0.1, -0.2, -1.1, -1.3), False),
    "it": (14.0, 3.5, 0.9, 0.4, (0.0, 0.1, 0.15, 0.2, -0.2, -1.0, -1.2), False),
}
# Titles by role and language; "procurement" is a head of purchasing, "buyer" the staff (the seniority read from the title)
_PAMPA_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("owner", "es"): ("Dueño", "Propietario", "Productor", "Socio Gerente", "Presidente", "Dueño y Productor"),
    ("owner", "pt"): ("Proprietário", "Sócio-Diretor", "Sócio Proprietário", "Produtor Rural", "Presidente da Cooperativa"),
    ("owner", "en"): ("Owner", "Farm Owner"),
    ("executive", "es"): ("Gerente General", "Gte. General", "Gerente Gral.", "Director General", "Director Ejecutivo"),
    ("executive", "pt"): ("Diretor Geral", "Diretor Presidente", "Diretor Executivo", "Dir. Geral"),
    ("executive", "en"): ("CEO", "General Manager", "Managing Director", "COO"),
    ("commercial", "es"): ("Gerente Comercial", "Gte. Comercial", "Director Comercial", "Jefe de Ventas", "Trader de Granos",
                           "Ejecutivo Comercial"),
    ("commercial", "pt"): ("Diretor Comercial", "Dir. Comercial", "Gerente de Vendas", "Coord. Comercial", "Trader de Grãos"),
    ("commercial", "en"): ("Sales Director", "Commercial Manager", "Grain Trader"),
    ("procurement", "es"): ("Gerente de Compras", "Gte. de Compras", "Jefe de Compras", "Jefe de Abastecimiento",
                            "Director de Compras"),
    ("procurement", "pt"): ("Gerente de Suprimentos", "Diretor de Suprimentos", "Ger. Compras", "Head de Compras"),
    ("procurement", "en"): ("Procurement Manager", "Head of Procurement", "Purchasing Director"),
    ("buyer", "es"): ("Comprador", "Compradora", "Analista de Compras", "Asistente de Compras", "Coord. de Compras",
                      "Sup. de Compras"),
    ("buyer", "pt"): ("Comprador Sênior", "Analista de Suprimentos", "Assistente de Compras", "Coord. de Suprimentos",
                      "Compradora Pleno"),
    ("buyer", "en"): ("Buyer", "Sr. Buyer", "Purchasing Analyst"),
    ("plant", "es"): ("Jefe de Planta", "Gerente de Planta", "Sup. de Planta", "Jefe de Packing", "Supervisor de Packing",
                      "Jefe de Producción", "Jefe de Turno"),
    ("plant", "pt"): ("Encarregado de Packing", "Gerente Industrial", "Supervisor de Produção", "Encarregado de Produção",
                      "Gerente de Unidade", "Sup. Industrial"),
    ("plant", "en"): ("Plant Manager", "Packhouse Manager", "Production Supervisor"),
    ("quality", "es"): ("Jefe de Calidad", "Gerente de Aseguramiento de Calidad", "Jefe de Inocuidad", "Coord. de Calidad",
                        "Analista de Calidad"),
    ("quality", "pt"): ("Gerente de Qualidade", "Coord. de Qualidade", "Supervisora de Qualidade", "Analista de Qualidade"),
    ("quality", "en"): ("QA Manager", "Quality Manager", "Food Safety Manager"),
    ("supply", "es"): ("Gerente de Logística", "Jefe de Logística", "Gte. de Cadena de Suministro", "Coord. Logística",
                       "Jefe de Distribución"),
    ("supply", "pt"): ("Gerente de Supply Chain", "Coord. de Logística", "Coordenador Logístico",
                       "Gerente de Logística e Distribuição"),
    ("supply", "en"): ("Supply Chain Manager", "Logistics Manager", "Head of Supply Chain"),
    ("it", "es"): ("Gerente de TI", "Jefe de Sistemas", "Gerente de Sistemas", "Jefe de Tecnología"),
    ("it", "pt"): ("Coordenador de TI", "Gerente de Tecnologia", "Analista de Sistemas", "Diretor de TI"),
    ("it", "en"): ("IT Manager", "CIO", "IT Director"),
}
PAMPA_ROLE = {t: role for (role, _), titles in _PAMPA_TITLES.items() for t in titles}
PAMPA_NAMELESS = ("Sr.", "Sra.", "Ing.", "Eng.", "Lic.", "-", "N/A", "Contato", "Contacto")
_PAMPA_ROLES: dict[str, dict[str, float]] = {
    "family farm": {"owner": 0.8, "buyer": 0.1, "executive": 0.1},
    "agricultural cooperative": {"owner": 0.15, "executive": 0.15, "procurement": 0.15, "buyer": 0.1, "commercial": 0.15,
                                 "plant": 0.1, "supply": 0.1, "quality": 0.05, "it": 0.05},
    "grain trading": {"commercial": 0.35, "executive": 0.15, "supply": 0.25, "it": 0.1, "buyer": 0.05, "quality": 0.1},
    "fruit and produce export": {"plant": 0.35, "quality": 0.2, "commercial": 0.15, "executive": 0.1, "supply": 0.1,
                                 "owner": 0.1},
    "meat and dairy processing": {"plant": 0.3, "quality": 0.2, "supply": 0.15, "procurement": 0.1, "buyer": 0.05,
                                  "executive": 0.1, "it": 0.1},
    "farm inputs": {"commercial": 0.35, "procurement": 0.1, "buyer": 0.1, "supply": 0.2, "executive": 0.15, "it": 0.05,
                    "owner": 0.05},
    "food distribution": {"supply": 0.3, "procurement": 0.15, "buyer": 0.15, "executive": 0.15, "it": 0.15,
                          "commercial": 0.1},
}
_PAMPA_SIZES = {"family farm": (4, 150), "agricultural cooperative": (80, 9000), "grain trading": (40, 25000),
                "fruit and produce export": (30, 6000), "meat and dairy processing": (120, 40000), "farm inputs": (15, 5000),
                "food distribution": (40, 15000)}
_PAMPA_SECTOR_SHARES = {"family farm": 0.22, "agricultural cooperative": 0.12, "grain trading": 0.12,
                        "fruit and produce export": 0.14, "meat and dairy processing": 0.13, "farm inputs": 0.15,
                        "food distribution": 0.12}
_PAMPA_COUNTRIES = {"Brazil": 0.38, "Mexico": 0.17, "Argentina": 0.14, "Chile": 0.1, "Colombia": 0.08, "Peru": 0.08,
                    "Uruguay": 0.05}
_PAMPA_PEOPLE = {
    "es": (("Juan", "María", "José", "Carlos", "Ana", "Luis", "Sofía", "Miguel", "Lucía", "Javier", "Valeria", "Diego",
            "Camila", "Fernando", "Gabriela", "Ricardo", "Daniela", "Alejandro", "Paula", "Andrés", "Florencia", "Rodrigo",
            "Catalina", "Martín", "Ximena", "Gonzalo"),
           ("García", "Rodríguez", "Martínez", "López", "González", "Pérez", "Sánchez", "Ramírez", "Torres", "Flores",
            "Rivera", "Gómez", "Díaz", "Morales", "Ortiz", "Castro", "Vargas", "Rojas", "Muñoz", "Fernández", "Álvarez",
            "Romero", "Herrera", "Medina", "Aguirre", "Quispe", "Ibáñez", "Peña", "Zúñiga", "Etchegaray")),
    "pt": (("João", "Maria", "José", "Ana", "Pedro", "Luiz", "Fernanda", "Paulo", "Juliana", "Marcos", "Patrícia",
            "Rodrigo", "Aline", "Gustavo", "Renata", "Felipe", "Tatiane", "Leandro", "Bruna", "Gilberto"),
           ("Silva", "Santos", "Oliveira", "Souza", "Pereira", "Lima", "Carvalho", "Ferreira", "Rodrigues", "Almeida",
            "Costa", "Gomes", "Ribeiro", "Martins", "Araújo", "Barbosa", "Rocha", "Dias", "Nascimento", "Moreira",
            "Schneider", "Zanella", "Becker", "Conceição")),
}
_PAMPA_STEMS = {
    "es": ("Los Andes", "El Ombú", "Santa Rosa", "La Esperanza", "San Jorge", "Del Valle", "El Trébol", "Los Alerces",
           "San Martín", "Las Lomas", "La Pampa", "Río Verde", "Don Mateo", "Santa Clara", "El Molino", "Tres Arroyos",
           "Los Olivos", "Monte Alto", "La Unión", "El Sauce", "Campo Norte", "Sierra Azul", "Valle Fértil", "Buena Vista"),
    "pt": ("Santa Helena", "Boa Vista", "São Jorge", "Bom Futuro", "Vale Verde", "Primavera", "Três Irmãos", "Rio Claro",
           "Serra Azul", "Nova Aliança", "Campo Alegre", "Água Limpa", "Sol Nascente", "Planalto", "Cerrado Verde",
           "Ouro Verde", "Bela Vista", "Santa Fé", "Horizonte", "Paraíso"),
}
# how a company of a sector is named ("{}" the stem), by language
_PAMPA_KINDS = {
    "es": {"family farm": ("Estancia {}", "Hacienda {}", "Finca {}", "Establecimiento {}"),
           "agricultural cooperative": ("Cooperativa Agrícola {}", "Cooperativa Agropecuaria {}"),
           "grain trading": ("Granos {}", "Cerealera {}", "Acopio {}"),
           "fruit and produce export": ("Agroexportadora {}", "Frutícola {}", "Packing {}"),
           "meat and dairy processing": ("Frigorífico {}", "Lácteos {}", "Procesadora {}"),
           "farm inputs": ("Agroinsumos {}", "Semillas {}", "Agroquímicos {}"),
           "food distribution": ("Distribuidora {}", "Alimentos {}")},
    "pt": {"family farm": ("Fazenda {}", "Sítio {}", "Grupo {}"),
           "agricultural cooperative": ("Cooperativa Agroindustrial {}", "Coopercampo {}"),
           "grain trading": ("{} Grãos", "{} Trading", "Cerealista {}"),
           "fruit and produce export": ("{} Frutas", "Agrícola {}"),
           "meat and dairy processing": ("Frigorífico {}", "Laticínios {}", "{} Alimentos"),
           "farm inputs": ("{} Agro", "{} Insumos Agrícolas", "Sementes {}"),
           "food distribution": ("Distribuidora {}", "{} Atacado")},
}
_PAMPA_FORMS = {"Brazil": (" Ltda.", " S.A."), "Mexico": (" S.A. de C.V.", " S. de R.L. de C.V."), "Colombia": (" S.A.S.",),
                "Peru": (" S.A.C.", " S.A."), "Chile": (" SpA", " S.A."), "Argentina": (" S.A.", " S.R.L."),
                "Uruguay": (" S.A.",)}
_PAMPA_PLAIN = ("family farm", "agricultural cooperative")  # named without a legal form


def pampa_language(country: str) -> str:
    return "pt" if country == "Brazil" else "es"


def _pampa_key(role: str, sector: str, country: str, employees: int) -> str:
    """A contact's segment: the role read from the title (owners, executives, heads of purchasing and buyers told apart by
    the title's seniority) and, for plant people, the sector (packing houses or processing plants), for executives the size,
    for commercial people the country (Brazil or the Spanish-speaking countries)."""
    if role == "plant":
        return "plant/packing" if sector == "fruit and produce export" else "plant/processing"
    if role == "executive":
        return "executive/large" if employees >= PAMPA_LARGE else "executive"
    if role == "commercial":
        return "commercial/br" if country == "Brazil" else "commercial/es"
    return role


@functools.cache
def pampa_holidays(country: str, zone: str) -> frozenset[dt.date]:
    """The public holidays where a contact in ``country`` and ``zone`` works (with Brazil's state ones), whatever the
    weekday; in Brazil Carnival Monday and Tuesday, in Uruguay Carnival and Tourism Week (Holy Week) too, from the
    package's optional and bank calendars."""
    years = (2024, 2025, 2026)
    days = set(_holiday_dates(PAMPA_CODES[country], PAMPA_STATES.get(zone), years))
    if country == "Brazil":
        extra = holidays.country_holidays("BR", years=years, categories=("optional",))
        days |= {d for d, name in extra.items() if name == "Carnival"}
    if country == "Uruguay":
        extra = holidays.country_holidays("UY", years=years, categories=("bank",))
        days |= {d for d, name in extra.items() if name in ("Carnival", "Tourism Week")}
    return frozenset(days)


def _in(day: dt.date, spans: tuple[tuple[dt.date, dt.date], ...]) -> bool:
    return any(first <= day <= last for first, last in spans)


def pampa_summer(day: dt.date) -> bool:
    """The southern summer holidays: 2 January to the end of February."""
    return day.month == 2 or (day.month == 1 and day.day >= 2)


def _pampa_season(role: str, sector: str, country: str, zone: str, loc: dt.datetime) -> float:
    """The log-odds of a reply by the contact's local moment besides the weekday, the lunch and the public holidays (see
    the world's description)."""
    day = loc.date()
    h = loc.hour + loc.minute / 60.0
    owner = role == "owner"
    z = 0.0
    if country in PAMPA_SUMMER_COUNTRIES and not owner and pampa_summer(day):
        z += PAMPA_SUMMER
    region = PAMPA_REGION.get(zone)
    if region and (owner or sector == "family farm") and _in(day, PAMPA_HARVEST[region]):
        z += PAMPA_HARVEST_EFFECT
    if (country in ("Chile", "Peru") and role == "plant" and sector == "fruit and produce export"
            and day.month in (12, 1, 2, 3)):
        z += PAMPA_PACKING
    if country == "Brazil":
        for monday in PAMPA_CARNIVAL:
            k = (day - monday).days
            if k in (0, 1) and owner:
                z += PAMPA_CARNIVAL_OWNER
            elif -3 <= k <= -1:
                z += PAMPA_CARNIVAL_WEEK
            elif k == 2 and h < 14.0:
                z += PAMPA_ASH_WEDNESDAY
    if not owner and PAMPA_HOLY_WEEK_DAYS[0] <= day <= PAMPA_HOLY_WEEK_DAYS[1]:
        z += PAMPA_HOLY_WEEK
    if (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 6):
        z += PAMPA_YEAR_END
    return z


def pampa_pace(country: str, zone: str, agri: bool) -> Callable[[float], float]:
    """Gap multiplier of a rep's cadence to a contact, by the date: the reps write more often in the six weeks before the
    harvest of an agri account's region (0.6 times the gap) and less in it (1.5), less in the southern summer in Chile,
    Argentina and Uruguay (1.8), over the year-end (1.6) and in Brazil's Carnival week (2)."""
    region = PAMPA_REGION.get(zone) if agri else None
    pre = tuple((first - dt.timedelta(days=PAMPA_PRE_HARVEST), first - dt.timedelta(days=1))
                for first, _ in PAMPA_HARVEST[region]) if region else ()

    def pace(t: float) -> float:
        day = dt.datetime.fromtimestamp(t, UTC).date()
        if country == "Brazil" and any(-3 <= (day - m).days <= 2 for m in PAMPA_CARNIVAL):
            return 2.0
        if (day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 6):
            return 1.6
        if country in PAMPA_SUMMER_COUNTRIES and pampa_summer(day):
            return 1.8
        if region:
            if _in(day, pre):
                return 0.6
            if _in(day, PAMPA_HARVEST[region]):
                return 1.5
        return 1.0

    return pace


def _pampa_away(rng: random.Random) -> tuple[tuple[dt.date, dt.date], ...]:
    """An office person's summer holidays in Chile, Argentina or Uruguay, each summer of the history: two or three weeks
    from a day in January or February (first day away, day back), both weekdays."""
    out = []
    for year in (2025, 2026):
        out.append(_away(dt.date(year, 1, 2) + dt.timedelta(days=rng.randint(0, 45)), rng.choice((14, 15, 21))))
    return tuple(out)


def pampa(scale: float = 1.0, seed: int = 2626) -> PlantedWorld:
    """Kept aside for a final check. A vendor of B2B software for agribusiness and food supply chains (traceability, a
    grain trading desk, farm input procurement, cooperative management and, from a specialist, cold-chain monitoring)
    selling in Latin America to family farms, agricultural cooperatives, grain traders, fruit and produce exporters
    (packing houses), meat and dairy processors, farm input distributors and food distributors: Brazil (40% of the 1,220
    accounts at scale 1; São Paulo's clock, Cuiabá's an hour behind for Mato Grosso, Fortaleza's and Manaus'), Mexico
    (16%; Mexico City, Monterrey, and Tijuana, which keeps the US daylight saving time), Argentina (14%; Buenos Aires and
    Córdoba), Chile (10%; Santiago keeps southern-hemisphere daylight saving time, UTC-3 from September to April),
    Peru, Colombia and Uruguay, contacts in their own time zones. About fifteen months of history, from mid-November
    2024 to Friday 13 February 2026 (12:00 UTC: 09:00 in São Paulo and Buenos Aires, 06:00 in Mexico City); the ten days
    after the end hold Carnival (Monday 16 and Tuesday 17 February: days off in Brazil, public holidays in Argentina and
    Uruguay) and Ash Wednesday, the southern summer holidays in Chile, Argentina and Uruguay, Mato Grosso's soy harvest
    and, in Chile and Peru, the fruit packing season. Company and people's names in Spanish or Portuguese (Estancia El
    Ombú, Cooperativa Agroindustrial Bom Futuro, Frigorífico Santa Rosa S.A., Agroexportadora Los Andes S.A.C., Vale
    Verde Grãos Ltda.); titles in Spanish, Portuguese or English (12%, 30% at the largest accounts), the same job in
    several wordings and abbreviations (Gerente de Compras, Gte. de Compras, Ger. Compras, Head de Compras, Procurement
    Manager; Jefe de Planta, Sup. de Planta, Encarregado de Packing; Dueño, Sócio-Diretor, Produtor Rural), 126 at scale
    1, each naming one of nine roles, and 5% naming no job (Sr., Ing., Eng., Lic., -, N/A, Contato). Segments from the
    role read from the title (its seniority telling heads of purchasing from buyers, owners from executives) and the
    sector, the country or the size, twelve of them: packing-house people at 06:30 (sd 0.9 h) and processing-plant
    people at 14:30, at the end of the morning shift, both answering Saturdays; quality people at 07:30; executives of
    the largest accounts (from 3,000 employees) at 08:00 and the others broadly at 11:00 (sd 3.0 h); Brazil's commercial
    people at 09:30 and the Spanish-speaking countries' broadly at 17:30 (sd 3.0 h); heads of purchasing at 10:00 and
    buyers broadly at 12:00 (sd 3.2 h); IT broadly at 14:00 (sd 3.5 h); supply-chain people at 16:00; owners of family
    farms and presidents of cooperatives at 20:30, in the evening, every day of the week; the others narrow (sd 0.9-1.1
    h). About 29% of contacts peak 2-3 hours off their segment's (40% in the broad segments). The calendar: a long lunch
    in Mexico, Chile and Argentina (13:00-15:00 on weekdays, -1.1, -0.3 for owners); each country's public holidays
    from the holidays package, with Brazil's state ones (São Paulo, Mato Grosso, Ceará, Amazonas; the package does not
    divide Mexico's by state), Carnival Monday and Tuesday in Brazil and Carnival and Tourism Week in Uruguay, are days
    off for everyone but owners (-3.0, the reply clock stopped), owners a little less on them (-0.5; -1.5 on Brazil's
    Carnival days); Brazil is slow from the Friday before Carnival (-0.6) and on Ash Wednesday morning (-1.2); office
    people in Chile, Argentina and Uruguay are slow from 2 January to the end of February (-0.6) and half of them away
    two or three weeks each summer (days off, an automatic reply naming the day back); producers (owners and family
    farms) answer less in their region's soy harvest (-0.8: Mato Grosso 10 January to 20 March, centre-south Brazil 15
    February to 30 April, Argentina and Uruguay 25 March to 31 May); packing-house people in Chile and Peru less from
    December to March (-0.5); office people less on Monday to Wednesday of Holy Week 2025 (-0.6); everyone at the
    year-end (-0.4). Reps in São Paulo, Mexico City, Bogotá, Santiago and Miami, each with a habitual hour on their own
    clock and a fifth of their touches at another hour, working their office's working days only: account executives
    (São Paulo 08:00 for grain, cooperatives and farms, 14:30 for food, fruit and protein, 07:30 for Mato Grosso and the
    north-east: 06:30 in Cuiabá; Mexico City 13:30, in the lunch, and 09:30 for northern Mexico; Bogotá 08:30 for
    Colombia and Peru; Santiago 09:00 for Chile and 15:00 for Argentina and Uruguay; Miami 11:00 for the largest accounts
    everywhere), sales development pods (São Paulo 10:00, Mexico City 10:30, Santiago 12:00), customer success (São
    Paulo 16:00, Bogotá 16:30, Miami 09:00) and the cold-chain specialist in Miami (16:00). Territories were reassigned:
    Mato Grosso to a new account executive on 3 March 2025, northern Mexico to Miami (10:00) on 2 June 2025, Peru from
    Bogotá to Santiago on 1 September 2025, Argentina and Uruguay from Santiago to a Spanish-speaking account executive
    in São Paulo (11:00) on 5 January 2026; one account in five was moved on its own to another account executive at
    some moment. 60% of the accounts have a single contact, and the relationship passes from owner to owner, the new one
    writing within days of taking over: 46% of the single-contact accounts touched were touched by two reps or more.
    Customers (35%) hear from their owner every ten to twenty-two days, the renewal is worked before each anniversary,
    a success manager keeps in touch with another person, and 30% of the exporters, processors and distributors get a
    cold-chain deal; prospects get the pod's sequences, an owner keeping in touch every three to six weeks (45%) and a
    deal (30%); the agri accounts in the soy regions get a burst of three to five touches two to four days apart in
    the six weeks before each harvest (60%). The reps write more often before the harvest (0.6 times the gap), less in
    it (1.5), in the southern summer (1.8), at the year-end (1.6) and in Brazil's Carnival week (2). A touch the same
    day as the last does badly (-0.8), two to five days after it is best (+0.2 to +0.35), long silences cost (-0.5 from
    six months); fatigue counts five days; unanswered touches in a row cost more and more (-0.9 from six); a reply in the
    last three days helps (+0.5); a person never touched answers less (-0.35); calls do better than e-mails (+0.35),
    meetings (field visits) best (+0.9). About 61% of the touches come from a rep in another time zone than the
    contact's; a touched contact gets 15 touches at the median (14% a single one). About 55% of the touches are
    e-mails, 28% calls and 18% meetings. About 30,000 touches at scale 1, about 1,970 contacts, about 17% of them never
    touched."""
    staff: dict[str, tuple[str, str, str, str]] = {}  # by e-mail: role, sector, country, zone

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        role, sector, country, zone = staff[c.email]
        h = loc.hour + loc.minute / 60.0
        z = 0.0
        if country in PAMPA_LUNCH_COUNTRIES and loc.weekday() < 5 and 13.0 <= h < 15.0:
            z += PAMPA_LUNCH_OWNER if role == "owner" else PAMPA_LUNCH
        if role == "owner" and loc.date() in pampa_holidays(country, zone):
            z += PAMPA_WORKED_HOLIDAY
        return z + _pampa_season(role, sector, country, zone, loc)

    fx = Effects(
        base=-1.05,
        gap=_pl((0.0, -0.8), (0.5, -0.5), (1.0, -0.1), (2.0, 0.2), (5.0, 0.35), (12.0, 0.15), (45.0, 0.0),
                (180.0, -0.5)),
        cold=-0.35,
        fatigue_days=5.0,
        fatigue=(0.0, -0.1, -0.3, -0.5, -0.75, -1.0),
        streak=(0.0, -0.15, -0.3, -0.45, -0.6, -0.75, -0.9),
        recent=_pl((0.0, 0.5), (3.0, 0.5), (9.0, 0.0)),
        night=-1.1,
        channel=(0.0, 0.35, 0.9),
        delay=Delay(((0.45, 1.3), (0.35, 7.5), (0.2, 30.0)), floor=0.1),
        responsiveness_sd=0.55,
        holiday=PAMPA_OFF,
        calendar=calendar,
    )
    w = PlantedWorld("pampa", _doc(pampa), fx, dt.datetime(2026, 2, 13, 12, 0, tzinfo=UTC), seed)
    w.history_days = 470.0
    rng = random.Random(seed)
    b = _Builder(w, rng)
    end = w.end_ts
    begin = end - 455 * DAY
    sp, mx, bog, scl, mia = ("America/Sao_Paulo", "America/Mexico_City", "America/Bogota", "America/Santiago",
                             "America/New_York")
    br_off = pampa_holidays("Brazil", sp)
    mx_off, co_off, cl_off = (pampa_holidays(c, z) for c, z in (("Mexico", mx), ("Colombia", bog), ("Chile", scl)))
    us_off = _holiday_dates("US", "FL", (2024, 2025, 2026))
    # São Paulo: account executives (grain, co-ops and producers; food, protein and fruit; Mato Grosso and the north-east
    # from 3 March 2025; Argentina and Uruguay from 5 January 2026), the sales development pod, customer success
    oliveira = b.rep("Rafael Oliveira", sp, 8.0, 5.0, hour_sd=0.6, p_random=0.2, off=br_off)
    souza = b.rep("Camila Souza", sp, 14.5, 6.0, hour_sd=0.7, p_random=0.22, off=br_off)
    almeida = b.rep("Thiago Almeida", sp, 7.5, 5.0, hour_sd=0.5, p_random=0.2, off=br_off)
    etcheverry = b.rep("Martín Etcheverry", sp, 11.0, 5.0, hour_sd=0.6, p_random=0.2, off=br_off)
    costa = b.rep("Larissa Costa", sp, 10.0, 3.0, hour_sd=0.6, p_random=0.2, off=br_off)
    ferreira = b.rep("Mariana Ferreira", sp, 16.0, 7.0, hour_sd=0.6, p_random=0.2, off=br_off)
    # Mexico City, Bogotá, Santiago
    ruiz = b.rep("Alejandra Ruiz", mx, 13.5, 5.0, hour_sd=0.6, p_random=0.2, off=mx_off)
    hernandez = b.rep("Jorge Hernández", mx, 9.5, 6.0, hour_sd=0.6, p_random=0.22, off=mx_off)
    mendez = b.rep("Paola Méndez", mx, 10.5, 3.0, hour_sd=0.6, p_random=0.2, off=mx_off)
    restrepo = b.rep("Andrés Restrepo", bog, 8.5, 5.0, hour_sd=0.6, p_random=0.2, off=co_off)
    gomez = b.rep("Valentina Gómez", bog, 16.5, 7.0, hour_sd=0.6, p_random=0.2, off=co_off)
    munoz = b.rep("Francisca Muñoz", scl, 9.0, 5.0, hour_sd=0.6, p_random=0.2, off=cl_off)
    rojas = b.rep("Sebastián Rojas", scl, 15.0, 6.0, hour_sd=0.7, p_random=0.22, off=cl_off)
    perez = b.rep("Ignacio Pérez", scl, 12.0, 3.0, hour_sd=0.6, p_random=0.2, off=cl_off)
    # Miami: the large accounts, northern Mexico from 2 June 2025, the cold-chain specialist, customer success
    walsh = b.rep("Kevin Walsh", mia, 11.0, 6.0, hour_sd=0.6, p_random=0.2, off=us_off)
    vega = b.rep("Carlos Vega", mia, 10.0, 5.0, hour_sd=0.6, p_random=0.2, off=us_off)
    chen = b.rep("Laura Chen", mia, 16.0, 6.0, hour_sd=0.6, p_random=0.2, off=us_off)
    brooks = b.rep("Daniel Brooks", mia, 9.0, 7.0, hour_sd=0.6, p_random=0.2, off=us_off)
    every_ae = [oliveira, souza, almeida, ruiz, hernandez, restrepo, munoz, rojas, walsh, vega]
    moves = [_clock(day, 6 * 3600, _zone(sp)) for day in PAMPA_MOVES]
    segments = {k: Segment(k, p, sd, a, week, every) for k, (p, sd, a, _, week, every) in PAMPA_SEGMENTS.items()}
    taken: set[str] = set()

    def territory(country: str, zone: str, sector: str, employees: int, t: float) -> int:
        if employees >= PAMPA_LARGE:
            return walsh
        if country == "Brazil":
            if zone in ("America/Fortaleza", "America/Manaus") or (zone == "America/Cuiaba" and t >= moves[0]):
                return almeida
            return oliveira if sector in PAMPA_AGRI else souza
        if country == "Mexico":
            return vega if zone != mx and t >= moves[1] else hernandez if zone != mx else ruiz
        if country == "Peru":
            return munoz if t >= moves[2] else restrepo
        if country in ("Argentina", "Uruguay"):
            return etcheverry if t >= moves[3] else rojas
        return {"Colombia": restrepo, "Chile": munoz}[country]

    def owners(country: str, zone: str, sector: str, employees: int) -> list[tuple[float, int]]:
        """Who owns the account from when: the territory at the start and after each move, and for one account in five
        a reassignment of its own to another account executive at some moment."""
        out = [(begin, territory(country, zone, sector, employees, begin))]
        for t in moves:
            r = territory(country, zone, sector, employees, t)
            if r != out[-1][1]:
                out.append((t, r))
        if rng.random() < 0.2:
            t = begin + rng.uniform(60.0, 430.0) * DAY
            out = [(s, r) for s, r in out if s < t]
            out.append((t, rng.choice([r for r in every_ae if r != out[-1][1]])))
        return out

    def company(country: str, sector: str) -> tuple[str, str]:
        language = pampa_language(country)
        for k in range(1000):
            stem = rng.choice(_PAMPA_STEMS[language])
            if k >= 20:
                stem = f"{stem} {rng.choice(_PAMPA_STEMS[language])}"
            base = rng.choice(_PAMPA_KINDS[language][sector]).format(stem)
            if base not in taken:
                taken.add(base)
                return base + ("" if sector in _PAMPA_PLAIN else rng.choice(_PAMPA_FORMS[country])), base
        raise RuntimeError("no company name left")

    def person(ai: int, role: str, country: str, zone: str, owner: int, domain: str) -> _Contact:
        a = w.accounts[ai]
        key = _pampa_key(role, a.sector, country, a.employees)
        if rng.random() < 0.05:
            title = rng.choice(PAMPA_NAMELESS)
        else:
            english = 0.3 if a.employees >= PAMPA_LARGE else 0.12
            language = "en" if rng.random() < english else pampa_language(country)
            title = rng.choice(_PAMPA_TITLES[(role, language)])
        c = b.contact(ai, zone, segments[key], owner, PAMPA_SEGMENTS[key][3], title=title)
        firsts, lasts = _PAMPA_PEOPLE[pampa_language(country)]
        _rename(w, c, rng.choice(firsts), rng.choice(lasts), domain)
        if role != "owner":  # owners answer every day, holidays included
            c.off = pampa_holidays(country, zone)
            if country in PAMPA_SUMMER_COUNTRIES and rng.random() < 0.5:
                c.away = _pampa_away(rng)
                c.off = c.off | _days_away(c.away)
        staff[c.email] = (role, a.sector, country, zone)
        return c

    def line(c: _Contact, periods: list[tuple[float, int]], start: float, gap: tuple[float, float],
             pace: Callable[[float], float], mix: tuple[float, float]) -> None:
        """The account's relationship with ``c``: each owner in turn keeps in touch, the next one writing within days of
        taking the account over."""
        for k, (s, r) in enumerate(periods):
            stop = periods[k + 1][0] if k + 1 < len(periods) else end
            if stop > start:
                c.threads.append(_Cadence(r, max(s, start), stop, rng.uniform(*gap), 0.45, season=pace, mix=mix,
                                          react=0.35))

    def owner_at(periods: list[tuple[float, int]], t: float) -> int:
        return [r for s, r in periods if s <= t][-1] if t >= periods[0][0] else periods[0][1]

    def deal(ai: int, rep: int, people: list[_Contact], t: float, dur: float, product: str,
             pace: Callable[[float], float]) -> None:
        di = b.deal(rep, ai, t, t + dur)
        w.deals[di].product = product
        for c in rng.sample(people, min(len(people), rng.choice((1, 1, 2)))):
            c.threads.append(_Cadence(rep, t, min(t + dur, end), w.reps[rep].gap * rng.uniform(0.8, 1.25), 0.45, deal=di,
                                      season=pace, mix=(0.5, 0.78), react=0.4))

    def campaign(c: _Contact, periods: list[tuple[float, int]], zone: str) -> None:
        """The reps' burst of touches in the six weeks before each harvest of the contact's region."""
        for first, _ in PAMPA_HARVEST[PAMPA_REGION[zone]]:
            stop = _clock(first, 12 * 3600, c.tz)
            start = stop - PAMPA_PRE_HARVEST * DAY
            if begin <= start < end - 5 * DAY and rng.random() < 0.6:
                c.threads.append(_Bursts(owner_at(periods, start), start, min(stop, end), (3, 5), (2.0, 3.0, 4.0),
                                         (15.0, 25.0), mix=(0.45, 0.85), react=0.3))

    for _ in range(_count(scale, 1220, 12)):
        country = _weighted(rng, _PAMPA_COUNTRIES)
        zone = _weighted(rng, PAMPA_ZONES[country])
        sector = _weighted(rng, _PAMPA_SECTOR_SHARES)
        low, high = _PAMPA_SIZES[sector]
        employees = int(math.exp(rng.uniform(math.log(low), math.log(high))))
        periods = owners(country, zone, sector, employees)
        owner = periods[-1][1]
        ai = b.account("agriculture", country, employees, owner)
        acc = w.accounts[ai]
        acc.name, base = company(country, sector)
        acc.sector, acc.parent = sector, ""
        domain = _domain(base)
        customer = rng.random() < 0.35
        single = rng.random() < (0.5 if customer else 0.65)
        n = 1 if single else rng.choice((2, 2, 3, 4) if customer else (2, 2, 3))
        roles = _PAMPA_ROLES[sector]
        plan = [_weighted(rng, roles) for _k in range(n)]
        if sector == "family farm":
            plan[0] = "owner"
        people: list[_Contact] = []
        for k, role in enumerate(plan):
            where = zone if rng.random() < 0.9 else _weighted(rng, PAMPA_ZONES[country])
            c = person(ai, role, country, where, owner, domain)
            if (k > 0 and b.cold(0.4)) or (k == 0 and not customer and rng.random() < 0.06):
                continue  # never touched
            people.append(c)
        if not people:
            continue
        main = people[0]
        agri = sector in PAMPA_AGRI
        pace = pampa_pace(country, zone, agri)
        arrival = begin if rng.random() < 0.7 else begin + rng.uniform(0.0, 380.0) * DAY
        if customer:
            line(main, periods, arrival, (10.0, 22.0), pace, (0.5, 0.78))
            csm = brooks if employees >= PAMPA_LARGE else ferreira if country == "Brazil" else gomez
            if len(people) > 1:
                c = rng.choice(people[1:])
                c.threads.append(_Cadence(csm, arrival + rng.uniform(0.0, 30.0) * DAY, end, rng.uniform(21.0, 42.0), 0.4,
                                          season=pace, mix=(0.6, 0.9), react=0.3))
            anniversary = begin + rng.uniform(0.0, 365.0) * DAY
            while anniversary - 30 * DAY < end:
                t0 = max(anniversary - rng.uniform(30.0, 60.0) * DAY, arrival)
                t1 = anniversary + rng.uniform(0.0, 10.0) * DAY
                if t1 > begin + 20 * DAY and t0 < min(t1, end - 3 * DAY):
                    deal(ai, owner_at(periods, t0), people, t0, t1 - t0, rng.choice(PAMPA_PRODUCTS[:4]), pace)
                anniversary += 365 * DAY
            if sector in ("fruit and produce export", "meat and dairy processing", "food distribution") \
                    and rng.random() < 0.3:
                t = arrival + rng.uniform(10.0, 380.0) * DAY
                if t < end - 10 * DAY:
                    deal(ai, chen, people, t, rng.uniform(30.0, 100.0) * DAY, _PAMPA_SPECIALIST, pace)
        else:
            sdr = costa if country == "Brazil" else perez if country in PAMPA_SUMMER_COUNTRIES else mendez
            b.sequences(people, sdr, arrival, 0.55, 380.0, (60.0, 150.0), (0.8, 1.0))
            if rng.random() < 0.45:
                line(main, periods, arrival + rng.uniform(0.0, 60.0) * DAY, (20.0, 40.0), pace, (0.55, 0.82))
            if rng.random() < 0.3:
                t = arrival + rng.uniform(10.0, 380.0) * DAY
                if t < end - 10 * DAY:
                    deal(ai, owner_at(periods, t), people, t, rng.uniform(30.0, 100.0) * DAY,
                         rng.choice(PAMPA_PRODUCTS[:4]), pace)
        if agri and zone in PAMPA_REGION:
            campaign(main, periods, zone)
        for c in people:
            c.inbound = rng.randint(1, 2) if customer and rng.random() < 0.3 else 0
            if not c.threads:
                r = owner_at(periods, arrival)
                c.threads.append(_Once(r, w.place(r, rng.uniform(arrival, end - DAY), rng)))
    w.simulate()
    w.auto_replies()
    return w


# --------------------------------------------------------------------------------------------------------
# 27. Quality and yield software for electronics makers in East Asia and Oceania (kept aside)

# country -> place -> (time zone, holiday subdivision, share of the country's accounts)
TYPHOON_PLACES: dict[str, dict[str, tuple[str, str | None, float]]] = {
    "Japan": {"Tokyo": ("Asia/Tokyo", None, 0.5), "Osaka": ("Asia/Tokyo", None, 0.25),
              "Kumamoto": ("Asia/Tokyo", None, 0.25)},
    "South Korea": {"Gyeonggi": ("Asia/Seoul", None, 0.7), "Gumi": ("Asia/Seoul", None, 0.3)},
    "Taiwan": {"Hsinchu": ("Asia/Taipei", None, 0.5), "Taichung": ("Asia/Taipei", None, 0.2),
               "Tainan": ("Asia/Taipei", None, 0.3)},
    "Hong Kong": {"Hong Kong": ("Asia/Hong_Kong", None, 1.0)},
    "China": {"Suzhou": ("Asia/Shanghai", None, 0.55), "Shenzhen": ("Asia/Shanghai", None, 0.45)},
    "Singapore": {"Singapore": ("Asia/Singapore", None, 1.0)},
    "Australia": {"Sydney": ("Australia/Sydney", "NSW", 0.35), "Melbourne": ("Australia/Melbourne", "VIC", 0.3),
                  "Brisbane": ("Australia/Brisbane", "QLD", 0.15), "Adelaide": ("Australia/Adelaide", "SA", 0.12),
                  "Perth": ("Australia/Perth", "WA", 0.08)},
    "New Zealand": {"Auckland": ("Pacific/Auckland", "AUK", 0.65), "Christchurch": ("Pacific/Auckland", "CAN", 0.35)},
}
TYPHOON_CODES = {"Japan": "JP", "South Korea": "KR", "Taiwan": "TW", "Hong Kong": "HK", "China": "CN", "Singapore": "SG",
                 "Australia": "AU", "New Zealand": "NZ"}
TYPHOON_MARKET = {"Japan": "north", "South Korea": "north", "Taiwan": "greater china", "Hong Kong": "greater china",
                  "China": "greater china", "Singapore": "greater china", "Australia": "oceania",
                  "New Zealand": "oceania"}
TYPHOON_SECTORS = ("semiconductor fab", "packaging and test", "electronics assembly", "components", "medical devices")
TYPHOON_LINES = TYPHOON_SECTORS[:3]  # the accounts that run lines around the clock (the shift leaders' sectors)
TYPHOON_PRODUCTS = ("Yield Management", "Statistical Process Control", "Traceability & MES", "Supplier Quality Portal",
                    "Complaint & 8D Management", "Advanced Yield Analytics")
_TYPHOON_LINE_PRODUCTS = TYPHOON_PRODUCTS[:5]  # what the account executives sell, plant by plant
_TYPHOON_SPECIALIST = TYPHOON_PRODUCTS[5]  # what the specialist in Sydney sells to fabs and test houses
TYPHOON_SPLIT = ("executive", "engineering")  # the roles whose hours differ by market
TYPHOON_OFFICE = ("executive", "engineering", "quality", "procurement", "it", "staff")  # office people
TYPHOON_OFF = -3.2  # a touch on one of the contact's days off (a public holiday, a closure, a typhoon day)
TYPHOON_WORKED_HOLIDAY = -0.3  # a touch to a plant manager or a shift leader on a public holiday the plant works through
TYPHOON_STORM = -1.0  # a touch to a plant manager or a shift leader on a typhoon day (the lines run, the roads are shut)
TYPHOON_FISCAL_YEAR_END = -0.4  # Japan's office people from 16 to 31 March
TYPHOON_BEFORE_LUNAR = -0.35  # Greater China's office people in the week before the Lunar New Year (the year-end dinners)
TYPHOON_AFTER_LUNAR = -0.45  # and from the Lunar New Year to the Lantern Festival (the days they work)
TYPHOON_SUMMER = -0.5  # Australia's and New Zealand's office people from 3 to 26 January
TYPHOON_FRIDAY = -0.7  # Australia's and New Zealand's office people on Friday from 15:00
TYPHOON_SHOW = -0.6  # fab and test-house people (not the lines) of the show's country while it runs
# the Lunar New Year's first day and the Lantern Festival (its fifteenth day), each year of the history
TYPHOON_LUNAR = ((dt.date(2025, 1, 29), dt.date(2025, 2, 12)), (dt.date(2026, 2, 17), dt.date(2026, 3, 3)))
# the industry's trade shows: (first day, last day, country)
TYPHOON_SHOWS = ((dt.date(2025, 9, 10), dt.date(2025, 9, 12), "Taiwan"),  # SEMICON Taiwan, Taipei
                 (dt.date(2025, 12, 17), dt.date(2025, 12, 19), "Japan"),  # SEMICON Japan, Tokyo
                 (dt.date(2026, 2, 11), dt.date(2026, 2, 13), "South Korea"))  # SEMICON Korea, Seoul
# the days the authorities shut offices and schools for a typhoon, by place
TYPHOON_STORMS: dict[str, frozenset[dt.date]] = {
    "Hsinchu": frozenset({dt.date(2024, 10, 31)}), "Taichung": frozenset({dt.date(2024, 10, 31)}),
    "Tainan": frozenset({dt.date(2024, 10, 31), dt.date(2025, 7, 7)}),  # Kong-rey over the island, Danas over the south
    "Hong Kong": frozenset({dt.date(2025, 9, 24)}), "Shenzhen": frozenset({dt.date(2025, 9, 24)}),  # Ragasa
}


def _typhoon_days(first: dt.date, last: dt.date) -> frozenset[dt.date]:
    return frozenset(first + dt.timedelta(days=k) for k in range((last - first).days + 1))


# The companies' own closures on top of the public holidays: Japan's Golden Week, Obon and year-end (the makers' own
# calendars), Australia's and New Zealand's Christmas to New Year.
TYPHOON_CLOSURES: dict[str, frozenset[dt.date]] = {
    "Japan": (_typhoon_days(dt.date(2024, 12, 28), dt.date(2025, 1, 5)) | _typhoon_days(dt.date(2025, 4, 29), dt.date(2025, 5, 6))
              | _typhoon_days(dt.date(2025, 8, 13), dt.date(2025, 8, 17))
              | _typhoon_days(dt.date(2025, 12, 27), dt.date(2026, 1, 4))),
    "Australia": _typhoon_days(dt.date(2024, 12, 24), dt.date(2025, 1, 2)) | _typhoon_days(dt.date(2025, 12, 24), dt.date(2026, 1, 2)),
    "New Zealand": _typhoon_days(dt.date(2024, 12, 24), dt.date(2025, 1, 2)) | _typhoon_days(dt.date(2025, 12, 24), dt.date(2026, 1, 2)),
}
TYPHOON_YEARS = (2024, 2025, 2026)
# role (or role/market): peak, sd, amp, share of contacts peaking 2-3 hours off, weekdays (Monday..Sunday), whether the
# reply clock runs every day
TYPHOON_SEGMENTS: dict[str, tuple[float, float, float, float, tuple[float, ...], bool]] = {
    "executive/north": (21.0, 1.0, 1.5, 0.25, (0.0, 0.1, 0.1, 0.05, -0.25, -1.1, -1.3), False),
    "executive/greater china": (13.5, 3.0, 1.0, 0.4, (0.0, 0.05, 0.05, 0.0, -0.1, -0.35, -0.6), True),
    "executive/oceania": (6.5, 0.9, 1.55, 0.2, (0.1, 0.1, 0.05, 0.0, -0.45, -1.2, -1.3), False),
    "engineering/north": (19.0, 1.1, 1.5, 0.25, (-0.3, 0.1, 0.15, 0.1, 0.0, -1.1, -1.3), False),
    "engineering/greater china": (10.0, 3.0, 1.0, 0.4, (0.05, 0.1, 0.1, 0.05, -0.2, -0.9, -1.3), False),
    "engineering/oceania": (8.5, 1.0, 1.5, 0.25, (0.05, 0.1, 0.1, 0.05, -0.5, -1.2, -1.3), False),
    "plant": (7.0, 1.0, 1.5, 0.2, (0.1, 0.05, 0.0, 0.0, -0.1, 0.15, -1.3), True),
    "shift": (8.0, 0.9, 1.5, 0.1, (0.0, 0.0, 0.0, 0.0, 0.0, -0.05, -0.2), True),
    "quality": (13.5, 1.0, 1.5, 0.2, (0.1, 0.1, 0.05, 0.0, -0.3, -1.2, -1.3), False),
    "procurement": (10.5, 1.1, 1.45, 0.25, (0.15, 0.1, 0.05, 0.0, -0.4, -1.2, -1.3), False),
    "it": (16.5, 3.2, 0.95, 0.4, (0.0, 0.1, 0.15, 0.1, -0.25, -1.1, -1.3), False),
    "staff": (15.0, 3.5, 0.9, 0.4, (0.0, 0.1, 0.15, 0.1, -0.2, -1.0, -1.2), False),
}
TYPHOON_SHIFT_HANDOVER = (12.0, 0.9, 1.2)  # the shift leaders' second bump, at the evening handover twelve hours on
# Titles by role and language (ja, ko; zh-Hant in Taiwan and Hong Kong, zh-Hans in mainland China; en everywhere, the
# only one in Singapore, Australia and New Zealand). "engineering" is a head of manufacturing or process engineering,
# "staff" an engineer or a buyer without a manager's rank, whatever the function (the seniority read from the title).
_TYPHOON_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("executive", "ja"): ("代表取締役社長", "取締役社長", "専務取締役", "常務取締役", "取締役 製造本部長"),
    ("executive", "ko"): ("대표이사", "대표이사 사장", "부사장", "전무이사", "상무"),
    ("executive", "zh-Hant"): ("總經理", "董事長", "副總經理", "執行長", "廠務副總"),
    ("executive", "zh-Hans"): ("总经理", "董事长", "副总经理", "首席执行官", "运营副总裁"),
    ("executive", "en"): ("CEO", "Managing Director", "President", "General Manager", "COO", "VP Operations"),
    ("engineering", "ja"): ("製造技術部長", "生産技術部長", "製造部長", "生産技術課長", "製造課長", "技術部 部長"),
    ("engineering", "ko"): ("생산기술팀장", "생산기술부장", "제조팀장", "공정기술 차장", "공정팀 과장"),
    ("engineering", "zh-Hant"): ("製程經理", "製造部經理", "生產技術處長", "製程整合主管", "工程部經理"),
    ("engineering", "zh-Hans"): ("工艺经理", "生产技术总监", "制造部经理", "工程部主管", "工艺工程主管"),
    ("engineering", "en"): ("Engineering Manager", "Process Engineering Manager", "Head of Manufacturing Engineering",
                            "Production Manager", "Director of Engineering", "Mfg. Eng. Manager"),
    ("plant", "ja"): ("工場長", "副工場長"),
    ("plant", "ko"): ("공장장", "생산본부장"),
    ("plant", "zh-Hant"): ("廠長", "副廠長"),
    ("plant", "zh-Hans"): ("厂长", "副厂长"),
    ("plant", "en"): ("Plant Manager", "Site Director", "Factory Manager", "Site GM"),
    ("shift", "ja"): ("製造課 班長", "シフトリーダー", "交替勤務 職長"),
    ("shift", "ko"): ("교대조장", "생산 반장", "라인 리더"),
    ("shift", "zh-Hant"): ("值班主管", "輪班工程師", "線長"),
    ("shift", "zh-Hans"): ("值班长", "班组长", "线长"),
    ("shift", "en"): ("Shift Supervisor", "Shift Leader", "Line Leader", "Production Shift Lead"),
    ("quality", "ja"): ("品質保証部長", "品質保証課長", "品質管理部長", "品証課長"),
    ("quality", "ko"): ("품질보증팀장", "품질관리부장", "품질보증 차장", "품질팀 과장"),
    ("quality", "zh-Hant"): ("品保經理", "品保處長", "品管課長", "品質部主管"),
    ("quality", "zh-Hans"): ("质量经理", "质量总监", "品质部经理", "质量部主管"),
    ("quality", "en"): ("Quality Manager", "QA Manager", "Head of Quality", "Quality Director", "Mgr, Quality Assurance"),
    ("procurement", "ja"): ("購買部長", "調達課長", "資材部長"),
    ("procurement", "ko"): ("구매팀장", "구매부장", "자재팀 차장"),
    ("procurement", "zh-Hant"): ("採購經理", "採購處長", "資材課長"),
    ("procurement", "zh-Hans"): ("采购经理", "采购总监", "供应链经理"),
    ("procurement", "en"): ("Procurement Manager", "Purchasing Manager", "Supply Chain Manager", "Head of Procurement"),
    ("it", "ja"): ("情報システム部長", "情報システム課長", "DX推進室長"),
    ("it", "ko"): ("정보전략팀장", "IT팀장", "전산실장"),
    ("it", "zh-Hant"): ("資訊處長", "資訊部經理", "MIS主管"),
    ("it", "zh-Hans"): ("信息部经理", "IT经理", "信息化总监"),
    ("it", "en"): ("IT Manager", "CIO", "Head of IT", "MES Manager", "IT Director"),
    ("staff", "ja"): ("品質保証部 担当", "生産技術課 主任", "製造技術 係長", "品証 担当者", "購買担当", "技術員"),
    ("staff", "ko"): ("품질팀 대리", "공정기술 사원", "생산기술 주임", "구매팀 대리", "품질보증 사원"),
    ("staff", "zh-Hant"): ("品保工程師", "製程工程師", "設備工程師", "採購專員", "良率工程師"),
    ("staff", "zh-Hans"): ("质量工程师", "工艺工程师", "设备工程师", "采购专员", "良率工程师"),
    ("staff", "en"): ("Quality Engineer", "Process Engineer", "Yield Engineer", "Test Engineer", "Buyer",
                      "Equipment Engineer", "Sr. Process Engineer"),
}
TYPHOON_ROLE = {t: role for (role, _), titles in _TYPHOON_TITLES.items() for t in titles}
TYPHOON_NAMELESS = ("-", "N/A", "様", "님", "先生", "Mr.", "Ms.")  # titles that name no job
# the language of the local titles and the share of the titles in it (the rest in English)
TYPHOON_LANGUAGE = {"Japan": ("ja", 0.8), "South Korea": ("ko", 0.7), "Taiwan": ("zh-Hant", 0.6),
                    "Hong Kong": ("zh-Hant", 0.25), "China": ("zh-Hans", 0.8), "Singapore": ("en", 0.0),
                    "Australia": ("en", 0.0), "New Zealand": ("en", 0.0)}
# people's names: (romanised, written) given names and family names; the written form is used for a share of the people,
# family name first
_TYPHOON_PEOPLE: dict[str, tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], float, str]] = {
    "Japan": ((("Hiroshi", "浩"), ("Takeshi", "健"), ("Kenta", "健太"), ("Yuki", "由紀"), ("Akiko", "明子"),
               ("Naoki", "直樹"), ("Daisuke", "大輔"), ("Haruka", "遥"), ("Shota", "翔太"), ("Emi", "恵美"),
               ("Masaru", "勝"), ("Ryo", "亮"), ("Tomoko", "智子"), ("Satoshi", "聡")),
              (("Sato", "佐藤"), ("Suzuki", "鈴木"), ("Takahashi", "高橋"), ("Watanabe", "渡辺"), ("Yamamoto", "山本"),
               ("Nakamura", "中村"), ("Kobayashi", "小林"), ("Kato", "加藤"), ("Yoshida", "吉田"), ("Yamada", "山田"),
               ("Matsumoto", "松本"), ("Inoue", "井上"), ("Kimura", "木村"), ("Hayashi", "林")), 0.4, " "),
    "South Korea": ((("Min-jun", "민준"), ("Seo-yeon", "서연"), ("Ji-hoon", "지훈"), ("Hyun-woo", "현우"),
                     ("Soo-jin", "수진"), ("Dong-hyun", "동현"), ("Eun-ji", "은지"), ("Jae-won", "재원"),
                     ("Sung-ho", "성호"), ("Hye-jin", "혜진")),
                    (("Kim", "김"), ("Lee", "이"), ("Park", "박"), ("Choi", "최"), ("Jung", "정"), ("Kang", "강"),
                     ("Cho", "조"), ("Yoon", "윤"), ("Jang", "장"), ("Lim", "임")), 0.35, ""),
    "Taiwan": ((("Chia-hao", "家豪"), ("Yu-ting", "雨婷"), ("Wei-lun", "偉倫"), ("Shu-fen", "淑芬"),
                ("Chih-ming", "志明"), ("Pei-shan", "佩珊"), ("Kuan-yu", "冠宇"), ("Hsin-yi", "欣怡"),
                ("Tsung-han", "宗翰")),
               (("Chen", "陳"), ("Lin", "林"), ("Huang", "黃"), ("Chang", "張"), ("Wang", "王"), ("Wu", "吳"),
                ("Liu", "劉"), ("Tsai", "蔡"), ("Yang", "楊"), ("Hsu", "許")), 0.35, ""),
    "Hong Kong": (tuple((n, n) for n in ("Alan", "Connie", "Kelvin", "Winnie", "Raymond", "Cindy", "Eric", "Joyce",
                                         "Terence", "Vivian")),
                  tuple((n, n) for n in ("Chan", "Wong", "Leung", "Cheung", "Lau", "Lee", "Ho", "Ng", "Tang", "Yip")),
                  0.0, ""),
    "China": ((("Wei", "伟"), ("Jing", "静"), ("Lei", "磊"), ("Yan", "燕"), ("Qiang", "强"), ("Xiaoming", "晓明"),
               ("Li", "丽"), ("Jun", "军"), ("Hao", "浩"), ("Ting", "婷")),
              (("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"), ("Yang", "杨"),
               ("Zhao", "赵"), ("Huang", "黄"), ("Zhou", "周"), ("Wu", "吴")), 0.5, ""),
    "Singapore": (tuple((n, n) for n in ("Wei Ling", "Jun Jie", "Siti", "Muhammad", "Priya", "Kumar", "Rachel",
                                         "Benjamin", "Hui Min", "Darren")),
                  tuple((n, n) for n in ("Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua", "Koh", "Teo",
                                         "Rahman", "Nair")), 0.0, ""),
    "Australia": (tuple((n, n) for n in ("Jack", "Olivia", "James", "Charlotte", "William", "Amelia", "Lachlan",
                                         "Chloe", "Thomas", "Sophie", "Matthew", "Emily")),
                  tuple((n, n) for n in ("Smith", "Jones", "Williams", "Brown", "Wilson", "Taylor", "Nguyen", "Kelly",
                                         "Ryan", "Campbell", "Murphy", "Walker")), 0.0, ""),
    "New Zealand": (tuple((n, n) for n in ("Jack", "Olivia", "Aroha", "Tama", "Hannah", "George", "Mere", "Oliver",
                                           "Isla", "Nikau")),
                    tuple((n, n) for n in ("Smith", "Wilson", "Ngata", "Thompson", "Walker", "Parata", "Anderson",
                                           "Te Whata", "Clarke", "Patel")), 0.0, ""),
}
_TYPHOON_STEMS = {
    "Japan": ("Tokai", "Hokuyo", "Sanyo", "Asahi", "Kyowa", "Shinwa", "Nissei", "Chuo", "Daiichi", "Kanto", "Fujimi",
              "Higo", "Hokuriku", "Tohoku", "Meiko", "Naniwa"),
    "South Korea": ("Hanil", "Daesung", "Samjin", "Dongbu", "Seoyoung", "Taeyang", "Sejin", "Woojin", "Hanwool",
                    "Kukdong", "Gumsung", "Mirae"),
    "Taiwan": ("Hsin Chu", "Chung Hwa", "Da Tung", "Fu Tai", "Yi Hsin", "Tai Feng", "Ming Fa", "Jui Sheng", "Kuo Hwa",
               "Yuan Tai", "Nan Ke", "Chu Pei"),
    "Hong Kong": ("Pearl River", "Kowloon", "Victoria", "Golden Dragon", "Lion Rock", "Tai Ping", "Wing Hing",
                  "Kwong Fat", "Tsuen Wan", "Kwun Tong"),
    "China": ("Xinrui", "Huaxin", "Hongda", "Jiali", "Tianyu", "Ruixin", "Changjiang", "Jinfeng", "Zhongke",
              "Lianchuang", "Haoyuan", "Xingchen"),
    "Singapore": ("Merlion", "Jurong", "Tampines", "Kallang", "Changi", "Serangoon", "Bukit Batok", "Woodlands",
                  "Pasir Ris", "Tuas"),
    "Australia": ("Southern Cross", "Coral", "Eucalypt", "Kookaburra", "Wattle", "Banksia", "Tasman", "Waratah",
                  "Murray", "Jacaranda"),
    "New Zealand": ("Kauri", "Pohutukawa", "Aoraki", "Tasman", "Kowhai", "Rimu", "Southern Alps", "Waitemata"),
}
# how each country names a maker of each sector (after the stem)
_TYPHOON_KINDS = {
    "Japan": ("Semiconductor", "Denshi", "Denki Kogyo", "Seisakusho", "Medical"),
    "South Korea": ("Semitech", "Semicon Package", "Electronics", "Precision", "Medical"),
    "Taiwan": ("Semiconductor Manufacturing", "Test & Packaging", "Electronics", "Technology", "Biomedical"),
    "Hong Kong": ("Microelectronics", "Semiconductor", "Electronics", "Components", "Medical Technology"),
    "China": ("Microelectronics", "Semiconductor Packaging", "Electronic Technology", "Electronic Components",
              "Medical Devices"),
    "Singapore": ("Semiconductor", "Test Services", "Electronics", "Precision Components", "Medtech"),
    "Australia": ("Microsystems", "Test Labs", "Electronics", "Circuits", "Medical"),
    "New Zealand": ("Microsystems", "Test Labs", "Electronics", "Circuits", "Medical"),
}
_TYPHOON_FORMS = {"Japan": (" Co., Ltd.",), "South Korea": (" Co., Ltd.",), "Taiwan": (" Corp.", " Co., Ltd.", " Inc."),
                  "Hong Kong": (" Limited", " (Holdings) Ltd."), "China": (" Co., Ltd.",), "Singapore": (" Pte. Ltd.",),
                  "Australia": (" Pty Ltd",), "New Zealand": (" Limited",)}
_TYPHOON_CITIES = {"Suzhou": ("Suzhou", "Shanghai", "Wuxi", "Kunshan"), "Shenzhen": ("Shenzhen", "Dongguan", "Huizhou")}
_TYPHOON_COUNTRIES = {"Japan": 0.27, "South Korea": 0.15, "Taiwan": 0.18, "Hong Kong": 0.06, "China": 0.09,
                      "Singapore": 0.08, "Australia": 0.13, "New Zealand": 0.04}
_TYPHOON_SECTOR_SHARES: dict[str, dict[str, float]] = {
    "north": {"semiconductor fab": 0.2, "packaging and test": 0.15, "electronics assembly": 0.2, "components": 0.3,
              "medical devices": 0.15},
    "greater china": {"semiconductor fab": 0.15, "packaging and test": 0.2, "electronics assembly": 0.35,
                      "components": 0.2, "medical devices": 0.1},
    "oceania": {"semiconductor fab": 0.03, "packaging and test": 0.04, "electronics assembly": 0.35, "components": 0.18,
                "medical devices": 0.4},
}
_TYPHOON_SIZES = {"semiconductor fab": (800, 40000), "packaging and test": (300, 20000), "electronics assembly": (50, 30000),
                  "components": (40, 8000), "medical devices": (20, 3000)}
_TYPHOON_HQ = {"executive": 0.2, "engineering": 0.2, "quality": 0.22, "procurement": 0.12, "it": 0.1, "staff": 0.16}


def _typhoon_key(role: str, country: str) -> str:
    """A contact's segment: the role read from the title and, for executives and heads of engineering, the market."""
    return f"{role}/{TYPHOON_MARKET[country]}" if role in TYPHOON_SPLIT else role


@functools.cache
def typhoon_holidays(country: str, subdiv: str | None) -> frozenset[dt.date]:
    """Every day in the history's years that is a public holiday where a contact in ``country`` (and ``subdiv``) works,
    whatever the weekday; in mainland China and Taiwan the days off given in exchange for a weekend day worked too."""
    return _holiday_dates(TYPHOON_CODES[country], subdiv, TYPHOON_YEARS)


@functools.cache
def _make_up_days(code: str, years: tuple[int, ...]) -> frozenset[dt.date]:
    """The weekend days worked in the country of ISO ``code`` in exchange for a bridge day off, read from the ``holidays``
    package's days off ("Day off (substituted from MM/DD/YYYY)")."""
    out = set()
    for name in holidays.country_holidays(code, years=years).values():
        for part in name.split(";"):
            if "substituted from " in part:
                month, day, year = part.split("substituted from ")[1].rstrip(")").strip().split("/")
                out.add(dt.date(int(year), int(month), int(day)))
    return frozenset(d for d in out if d.weekday() >= 5)


@functools.cache
def typhoon_make_up_days(country: str) -> frozenset[dt.date]:
    """The weekend days worked in mainland China and Taiwan in exchange for a bridge day off (调休, 補班), read from the
    package's days off ("Day off (substituted from MM/DD/YYYY)")."""
    if country not in ("China", "Taiwan"):
        return frozenset()
    return _make_up_days(TYPHOON_CODES[country], TYPHOON_YEARS)


@functools.cache
def _typhoon_feasts(country: str) -> frozenset[dt.date]:
    """The great feasts the plants close for (the Lunar New Year, Seollal and Chuseok; Japan's and Oceania's closures)."""
    names = ("Chinese New Year", "Spring Festival", "Korean New Year", "Chuseok")
    days = {d for d, name in holidays.country_holidays(TYPHOON_CODES[country], years=TYPHOON_YEARS).items()
            if any(n in name for n in names)}
    return frozenset(days) | TYPHOON_CLOSURES.get(country, frozenset())


def typhoon_off(role: str, country: str, place: str) -> frozenset[dt.date]:
    """A contact's days off: none for the shift leaders (the lines run every day of the year); the great feasts for plant
    managers; the public holidays of the country and state, the company closures and the typhoon days of the place for
    the office people."""
    if role == "shift":
        return frozenset()
    if role == "plant":
        return _typhoon_feasts(country)
    subdiv = TYPHOON_PLACES[country][place][1]
    return (typhoon_holidays(country, subdiv) | TYPHOON_CLOSURES.get(country, frozenset())
            | TYPHOON_STORMS.get(place, frozenset()))


def _typhoon_season(role: str, country: str, place: str, sector: str, seg: Segment, loc: dt.datetime) -> float:
    """The log-odds of a reply by the contact's local moment besides the weekday and the days off (see the world's
    description)."""
    day = loc.date()
    wd = day.weekday()
    market = TYPHOON_MARKET[country]
    office = role in TYPHOON_OFFICE
    z = 0.0
    if role in ("plant", "shift"):
        if day in TYPHOON_STORMS.get(place, ()):
            z += TYPHOON_STORM
        if day in typhoon_holidays(country, TYPHOON_PLACES[country][place][1]) and (
                role == "shift" or day not in _typhoon_feasts(country)):
            z += TYPHOON_WORKED_HOLIDAY
    if day in typhoon_make_up_days(country):
        z += seg.weekday[2] - seg.weekday[wd]  # a working day: as good as a Wednesday
    if not office:
        return z
    if country == "Japan" and day.month == 3 and day.day >= 16:
        z += TYPHOON_FISCAL_YEAR_END
    if market == "greater china":
        for first, lantern in TYPHOON_LUNAR:
            if first - dt.timedelta(days=7) <= day < first:
                z += TYPHOON_BEFORE_LUNAR
            elif first <= day <= lantern:
                z += TYPHOON_AFTER_LUNAR
    if market == "oceania":
        if day.month == 1 and 3 <= day.day <= 26:
            z += TYPHOON_SUMMER
        if wd == 4 and loc.hour >= 15:
            z += TYPHOON_FRIDAY
    if sector in ("semiconductor fab", "packaging and test"):
        for first, last, where in TYPHOON_SHOWS:
            if where == country and first <= day <= last:
                z += TYPHOON_SHOW
    return z


def typhoon_pace(country: str) -> Callable[[float], float]:
    """Gap multiplier of a rep's cadence to a contact by the date: the reps write less around the Lunar New Year in
    Greater China and Korea (from a week before to the Lantern Festival, 1.8), over Japan's closures (1.6) and over
    the southern summer in Australia and New Zealand (20 December to 26 January, 1.8)."""
    market = TYPHOON_MARKET[country]

    def pace(t: float) -> float:
        day = dt.datetime.fromtimestamp(t, UTC).date()
        if market == "oceania" and ((day.month == 12 and day.day >= 20) or (day.month == 1 and day.day <= 26)):
            return 1.8
        if country == "Japan" and day in TYPHOON_CLOSURES["Japan"]:
            return 1.6
        if country != "Japan" and market != "oceania":
            for first, lantern in TYPHOON_LUNAR:
                if first - dt.timedelta(days=7) <= day <= lantern:
                    return 1.8
        return 1.0

    return pace


def typhoon(scale: float = 1.0, seed: int = 2727) -> PlantedWorld:
    """Kept aside for a final check. A vendor of quality and yield software for electronics makers (yield management,
    statistical process control, traceability and MES, a supplier quality portal, complaint and 8D management and, from
    a specialist, advanced yield analytics) selling to semiconductor fabs, packaging and test houses, electronics
    assemblers, component makers and medical-device makers in East Asia and Oceania: Japan (28% of the 720 accounts at
    scale 1; Tokyo, Osaka, Kumamoto), South Korea (14%; Gyeonggi, Gumi), Taiwan (18%; Hsinchu, Taichung, Tainan), Hong
    Kong (6%), mainland China (7%; Suzhou and Shenzhen, both on Shanghai's clock), Singapore (9%), Australia (14%;
    Sydney, Melbourne and Adelaide keep the southern daylight saving time, from October to April, Brisbane and Perth
    do not, Adelaide half an hour off) and New Zealand (4%; Auckland and Christchurch, on daylight saving time too),
    contacts in their own time zones. About sixteen months of history, from 20 October 2024 to Thursday 12 February
    2026 (01:00 UTC: 10:00 in Tokyo and Seoul, 09:00 in Taipei, Hong Kong, Shanghai and Singapore, 12:00 in Sydney,
    14:00 in Auckland); the ten days after the end hold the Lunar New Year (mainland China off from 15 to 23 February
    and working Saturday 14 February, Taiwan off from 14 to 22 February, Korea's Seollal on 16-18 February, Hong Kong's
    17-19 and Singapore's 17-18 February) and the last day of SEMICON Korea (13 February). Company names follow the
    country (Tokai Denshi Co., Ltd., Hanil Semitech Co., Ltd., Hsin Chu Test & Packaging Corp., Kowloon Electronics
    Limited, Suzhou Xinrui Microelectronics Co., Ltd., Jurong Test Services Pte. Ltd., Wattle Medical Pty Ltd), and so
    do people's names, written in kanji, hangul or Chinese characters family name first for 35-50% of the people in
    Japan, Korea, Taiwan and mainland China (佐藤 健太, 김민준, 陳志明, 王晓明). An account has an office (one to four
    people: executives, heads of manufacturing or process engineering, quality, procurement and IT managers, and
    engineers and buyers without a manager's rank), a plant manager at half the customers and a quarter of the
    prospects, and, at the fabs, test houses and assemblers, none to three shift leaders. The titles are in Japanese
    (80% in Japan), Korean (70%), traditional Chinese (60% in Taiwan, 25% in Hong Kong), simplified Chinese (80% in
    mainland China) or English (the only language in Singapore, Australia and New Zealand), 168 at scale 1, each
    naming one of eight roles (代表取締役社長, 대표이사, 總經理, 总经理, CEO; 製造技術部長, 생산기술팀장, 製程經理,
    工艺经理; 工場長, 공장장, 廠長, 厂长; シフトリーダー, 교대조장, 值班主管, 班组长; 品質保証部長, 품질보증팀장, 品保經理,
    质量经理; 購買部長, 구매팀장, 採購經理; 情報システム部長, 정보전략팀장, 資訊處長; 品質保証部 担当, 품질팀 대리, 品保工程師,
    质量工程师, Process Engineer), the seniority read from the title (部長, 課長 and 팀장, 차장, 과장 head a function;
    担当, 主任, 係長 and 대리, 사원, 주임, and 工程師, 专员 do not) telling the staff from the heads of quality,
    procurement, IT and engineering; 4% name no job (様, 님, 先生, Mr., Ms., N/A, -). Segments from the role read from
    the title and, for executives and heads of engineering, the market (north: Japan and Korea; Greater China:
    Taiwan, Hong Kong, mainland China and Singapore; Oceania), twelve of them: executives in the north answer at 21:00,
    after the evening's dinners, in Greater China broadly at 13:30 (sd 3.0 h) and every day of the week (weak on
    Saturday, -0.35, and Sunday, -0.6), in Oceania at 06:30, before the day; heads of engineering in the north at 19:00,
    at the end of long office days (weak on Monday, -0.3, the weekly production meetings), in Greater China broadly at
    10:00 (sd 3.0 h), in Oceania at 08:30; plant managers at 07:00, six days a week (best on Saturday, +0.15, when the
    office is quiet); shift leaders at 08:00, after the morning handover, and again at 20:00, after the evening one
    (a second bump, 1.2), every day of the week; quality managers at 13:30; procurement at 10:30 (weak on Friday);
    IT broadly at 16:30 (sd 3.2 h); engineers and buyers broadly at 15:00 (sd 3.5 h); the others narrow (sd 0.9-1.1
    h). About 25% of the contacts peak 2-3 hours off their segment's (10% of the shift leaders, 40% in the broad
    segments). The calendar: the office people do not answer on their country's public holidays (with Australia's
    states' and New Zealand's regions': Auckland's and Canterbury's anniversary days), nor in their company's
    closures (Japan's makers close for Golden Week, 29 April to 6 May 2025, Obon, 13-17 August, and the year-end, 28
    December to 5 January and 27 December to 4 January; Australia and New Zealand from Christmas Eve to 2 January),
    nor on the typhoon days their city's offices were shut (Taiwan on 31 October 2024, Kong-rey; Tainan on 7 July
    2025, Danas; Hong Kong and Shenzhen on 24 September 2025, Ragasa): -3.2 on the log-odds, the reply clock stopped.
    Plant managers are off only at the great feasts their plants close for (the Lunar New Year in Greater China,
    Seollal and Chuseok in Korea, Japan's and Oceania's closures) and answer a little less on the other public
    holidays (-0.3); the shift leaders are never off, the lines running every day of the year (-0.3 on a public
    holiday); both answer less on a typhoon day (-1.0). Mainland China's and Taiwan's make-up working days (调休,
    補班: Saturdays and Sundays worked in exchange for a bridge day off, read from the holidays package) are as good
    as a Wednesday on the log-odds, the reply clock running on them only for those who answer every day. Office
    people in Japan are slow at the fiscal year's end (16-31 March, -0.4); in Greater China in the week before the
    Lunar New Year (the year-end dinners, -0.35) and from it to the Lantern Festival (-0.45); in Australia and New
    Zealand from 3 to 26 January (the southern summer, -0.5) and on Friday from 15:00 (-0.7); the office people of fabs
    and test houses while their country's SEMICON runs (Taiwan 10-12 September 2025, Japan 17-19 December 2025, Korea
    11-13 February 2026: -0.6). Reps in six offices, each with a habitual hour on their own clock and a fifth of their
    touches at another hour, working their office's working days only: account executives in Tokyo (fabs and test
    houses at 09:30; the other makers at 17:30, after the day's visits), Seoul (08:30), Taipei (10:30), Hong Kong
    (09:30; Hong Kong and mainland China), Singapore (10:00) and Sydney (08:30; Australia and New Zealand: 10:30 in
    Auckland, 07:30 in Brisbane, 05:30 in Perth in the southern summer), one account in ten owned by another; customer
    success in Tokyo (11:00; the north), Singapore (15:00; Greater China) and Sydney (14:00; Oceania, where it also
    puts the lines on the system); implementation consultants in Tokyo and Taipei (08:00) who put the lines on the
    system; sales development pods in Tokyo (10:00; Japan), Seoul (13:30; Korea) and Singapore (09:00; Greater China),
    and in Sydney a cadence tool (11:00 on Sydney's clock, a step every three days, given up after four unanswered
    in a row and revived 45-90 days later; Oceania's prospects); and the advanced yield analytics specialist in Sydney
    (16:00: 13:00 in Taipei and 14:00 in Tokyo in the southern summer, an hour later in its winter). About 40% of the
    accounts are customers: a success manager keeps in touch with one or two executives, heads of engineering or
    quality managers every two to five weeks; the account executive works the renewal before each anniversary; one to
    three lines of deals side by side (three from 5,000 employees), each of one to three months with one to three
    office people, one to five months apart; a won deal gets the lines put on the system, the consultant touching one
    to three plant managers and shift leaders every two to four days for three to eight weeks; 40% of the fabs and
    test houses get an advanced yield analytics deal from the specialist. Prospects get the pod's sequences (three to
    six steps two to four days apart, again two to five months later) or, in Oceania, the cadence tool; an account
    executive keeping in touch with an executive or the plant manager every four to seven weeks in a third of them,
    and a deal in a third (the specialist joining a third of those at the fabs and test houses). 15% of the office
    people of the fabs and test houses in Taiwan and Japan get an e-mail in the week after their country's SEMICON
    (Korea's ends after the history). The reps write less
    around the Lunar New Year in Greater China and Korea (1.8 times the gap), over Japan's closures (1.6) and the
    southern summer (1.8). A touch the same day as the last does badly (-0.75), two to ten days after it does best
    (+0.15 to +0.3, most at four days) and long silences cost (-0.4 from five months); fatigue counts five days; unanswered touches in a
    row cost more and more (-0.85 from six); a reply in the last three days helps (+0.45); a person never touched
    answers less (-0.4); calls do a little better than e-mails (+0.15), meetings much better (+0.8). About 36% of the
    touches come from a rep in another time zone than the contact's; each segment's four busiest hours of the contact's
    clock hold 49-76% of its touches; 13% of the touched contacts are in two deals at once for a while; a touched
    contact gets 10 touches at the median (1 at the 10th percentile, 45 at the 90th, up to about 140), 39% of them six
    or fewer and 27% a single one. About 66% of the touches are e-mails, 25% calls and 9% meetings. About 30,000
    touches at scale 1, about 2,000 contacts, about 14% of them never touched."""
    staff: dict[str, tuple[str, str, str, str]] = {}  # by e-mail: role, country, place, sector

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        role, country, place, sector = staff[c.email]
        return _typhoon_season(role, country, place, sector, c.segment, loc)

    fx = Effects(
        base=-1.0,
        gap=_pl((0.0, -0.75), (0.5, -0.5), (1.0, -0.1), (2.0, 0.2), (4.0, 0.3), (10.0, 0.15), (40.0, 0.0),
                (160.0, -0.4)),
        cold=-0.4,
        fatigue_days=5.0,
        fatigue=(0.0, -0.1, -0.3, -0.5, -0.75, -1.0),
        streak=(0.0, -0.1, -0.25, -0.4, -0.55, -0.7, -0.85),
        recent=_pl((0.0, 0.45), (3.0, 0.45), (8.0, 0.0)),
        night=-1.1,
        channel=(0.0, 0.15, 0.8),
        delay=Delay(((0.5, 1.2), (0.3, 7.0), (0.2, 28.0)), floor=0.1),
        responsiveness_sd=0.55,
        holiday=TYPHOON_OFF,
        calendar=calendar,
    )
    w = PlantedWorld("typhoon", _doc(typhoon), fx, dt.datetime(2026, 2, 12, 1, 0, tzinfo=UTC), seed)
    w.history_days = 490.0
    rng = random.Random(seed)
    b = _Builder(w, rng)
    end = w.end_ts
    begin = end - 480 * DAY

    def office(country: str, subdiv: str | None = None) -> frozenset[dt.date]:
        days = typhoon_holidays(country, subdiv) | TYPHOON_CLOSURES.get(country, frozenset())
        return frozenset(d for d in days if d.weekday() < 5)

    jp, kr, tw, hk = office("Japan"), office("South Korea"), office("Taiwan"), office("Hong Kong")
    sg, au = office("Singapore"), office("Australia", "NSW")
    tokyo, seoul, taipei, sydney, singapore = ("Asia/Tokyo", "Asia/Seoul", "Asia/Taipei", "Australia/Sydney",
                                               "Asia/Singapore")
    # account executives: Japan's fabs and test houses, Japan's other makers, Korea, Taiwan, Hong Kong and mainland China,
    # Singapore, Australia and New Zealand
    ishikawa = b.rep("Takuya Ishikawa", tokyo, 9.5, 6.0, hour_sd=0.6, p_random=0.2, off=jp)
    sakamoto = b.rep("Mariko Sakamoto", tokyo, 17.5, 5.0, hour_sd=0.7, p_random=0.2, off=jp)
    baek = b.rep("Seung-hoon Baek", seoul, 8.5, 5.0, hour_sd=0.6, p_random=0.22, off=kr)
    chiang = b.rep("Po-han Chiang", taipei, 10.5, 6.0, hour_sd=0.6, p_random=0.2, off=tw)
    yeung = b.rep("Stephanie Yeung", "Asia/Hong_Kong", 9.5, 5.0, hour_sd=0.6, p_random=0.22, off=hk)
    lim = b.rep("Marcus Lim", singapore, 10.0, 6.0, hour_sd=0.6, p_random=0.2, off=sg)
    oconnor = b.rep("Liam O'Connor", sydney, 8.5, 5.0, hour_sd=0.6, p_random=0.2, off=au)
    # customer success (the north, Greater China, Oceania), implementation (the lines), sales development, the specialist
    nishida = b.rep("Yui Nishida", tokyo, 11.0, 7.0, hour_sd=0.6, p_random=0.2, off=jp)
    aziz = b.rep("Nurul Aziz", singapore, 15.0, 7.0, hour_sd=0.6, p_random=0.2, off=sg)
    mitchell = b.rep("Sarah Mitchell", sydney, 14.0, 7.0, hour_sd=0.6, p_random=0.2, off=au)
    fujii = b.rep("Daiki Fujii", tokyo, 8.0, 3.0, hour_sd=0.5, p_random=0.18, off=jp)
    tsai = b.rep("Wen-hsuan Tsai", taipei, 8.0, 3.0, hour_sd=0.5, p_random=0.18, off=tw)
    ueda = b.rep("Kenji Ueda", tokyo, 10.0, 3.0, hour_sd=0.6, p_random=0.2, off=jp)
    shin = b.rep("Da-eun Shin", seoul, 13.5, 3.0, hour_sd=0.6, p_random=0.2, off=kr)
    raman = b.rep("Priya Raman", singapore, 9.0, 3.0, hour_sd=0.6, p_random=0.2, off=sg)
    harrison = b.rep("Josh Harrison", sydney, 11.0, 3.0, hour_sd=0.4, p_random=0.15, off=au)
    krishnan = b.rep("Anand Krishnan", sydney, 16.0, 6.0, hour_sd=0.6, p_random=0.2, off=au)
    every_ae = [ishikawa, sakamoto, baek, chiang, yeung, lim, oconnor]
    after_sale = {"north": (nishida, fujii), "greater china": (aziz, tsai), "oceania": (mitchell, mitchell)}
    pods = {"Japan": ueda, "South Korea": shin}
    segments = {k: Segment(k, p, sd, a, week, every, second=TYPHOON_SHIFT_HANDOVER if k == "shift" else None)
                for k, (p, sd, a, _, week, every) in TYPHOON_SEGMENTS.items()}
    taken: set[str] = set()

    def territory(country: str, sector: str) -> int:
        if country == "Japan":
            return ishikawa if sector in ("semiconductor fab", "packaging and test") else sakamoto
        return {"South Korea": baek, "Taiwan": chiang, "Hong Kong": yeung, "China": yeung, "Singapore": lim,
                "Australia": oconnor, "New Zealand": oconnor}[country]

    def company(country: str, place: str, sector: str) -> tuple[str, str]:
        kind = _TYPHOON_KINDS[country][TYPHOON_SECTORS.index(sector)]
        for k in range(1000):
            stem = rng.choice(_TYPHOON_STEMS[country])
            if k >= 20:
                stem = f"{stem} {rng.choice(_TYPHOON_STEMS[country])}"
            if country == "China":
                stem = f"{rng.choice(_TYPHOON_CITIES[place])} {stem}"
            base = f"{stem} {kind}"
            if base not in taken:
                taken.add(base)
                return base + rng.choice(_TYPHOON_FORMS[country]), base
        raise RuntimeError("no company name left")

    def person(ai: int, role: str, country: str, place: str, owner: int, domain: str) -> _Contact:
        key = _typhoon_key(role, country)
        if rng.random() < 0.04:
            title = rng.choice(TYPHOON_NAMELESS)
        else:
            language, share = TYPHOON_LANGUAGE[country]
            title = rng.choice(_TYPHOON_TITLES[(role, language if rng.random() < share else "en")])
        zone = TYPHOON_PLACES[country][place][0]
        c = b.contact(ai, zone, segments[key], owner, TYPHOON_SEGMENTS[key][3], title=title)
        firsts, lasts, written, sep = _TYPHOON_PEOPLE[country]
        (first, first_w), (last, last_w) = rng.choice(firsts), rng.choice(lasts)
        name = f"{last_w}{sep}{first_w}" if rng.random() < written else None
        _rename(w, c, first, last, domain, name=name)
        c.off = typhoon_off(role, country, place)
        staff[c.email] = (role, country, place, w.accounts[ai].sector)
        return c

    def cadence(c: _Contact, rep: int, start: float, stop: float, gap: float, pace: Callable[[float], float],
                mix: tuple[float, float], deal: int = -1, react: float = 0.35) -> None:
        if start < stop:
            c.threads.append(_Cadence(rep, start, stop, gap, 0.45, season=pace, deal=deal, mix=mix, react=react))

    for _ in range(_count(scale, 720, 10)):
        country = _weighted(rng, _TYPHOON_COUNTRIES)
        market = TYPHOON_MARKET[country]
        place = _weighted(rng, {p: s for p, (_, _, s) in TYPHOON_PLACES[country].items()})
        sector = _weighted(rng, _TYPHOON_SECTOR_SHARES[market])
        low, high = _TYPHOON_SIZES[sector]
        employees = int(math.exp(rng.uniform(math.log(low), math.log(high))))
        home = territory(country, sector)
        owner = home if rng.random() < 0.9 else rng.choice(every_ae)
        csm, consultant = after_sale[market]
        pace = typhoon_pace(country)
        ai = b.account("manufacturing", country, employees, owner)
        acc = w.accounts[ai]
        acc.name, base = company(country, place, sector)
        acc.sector, acc.parent = sector, ""
        domain = _domain(base)
        customer = rng.random() < 0.4
        arrival = begin if rng.random() < 0.7 else begin + rng.uniform(0.0, 400.0) * DAY
        plan = [_weighted(rng, _TYPHOON_HQ) for _k in range(rng.choice((1, 1, 2, 2, 3, 4) if customer
                                                                         else (1, 1, 2, 2, 3)))]
        if rng.random() < (0.5 if customer else 0.25):
            plan.append("plant")
        if sector in TYPHOON_LINES:
            plan += ["shift"] * rng.choice((0, 1, 2, 2, 3) if customer else (0, 0, 0, 1, 1))
        people: list[_Contact] = []
        for k, role in enumerate(plan):
            c = person(ai, role, country, place, owner, domain)
            share = 0.1 if customer else 0.5 if role in ("plant", "shift") else 0.3
            if k > 0 and b.cold(share):
                continue  # never touched (never an account's first person)
            people.append(c)
            c.inbound = rng.randint(0, 2) if customer and role in TYPHOON_OFFICE else 0
        if not people:
            continue
        role_of = {c.email: staff[c.email][0] for c in people}

        def having(*roles: str, among: list[_Contact] = people) -> list[_Contact]:
            return [c for c in among if role_of[c.email] in roles]

        hq = having(*TYPHOON_OFFICE) or people[:1]
        lines = having("plant", "shift")
        fab = sector in ("semiconductor fab", "packaging and test")
        if customer:
            keys = having("executive", "engineering", "quality", among=hq) or hq
            for c in rng.sample(keys, min(len(keys), rng.choice((1, 1, 2)))):
                cadence(c, csm, arrival + rng.uniform(0.0, 30.0) * DAY, end, rng.uniform(14.0, 35.0), pace, (0.62, 0.9),
                        react=0.3)
            anniversary = begin + rng.uniform(0.0, 365.0) * DAY
            buyers = having("executive", "procurement", "quality", among=hq) or hq
            while anniversary - 30 * DAY < end:
                t0 = max(anniversary - rng.uniform(30.0, 60.0) * DAY, arrival)
                t1 = anniversary + rng.uniform(0.0, 10.0) * DAY
                if t1 > begin + 20 * DAY and t0 < min(t1, end - 3 * DAY):
                    di = b.deal(owner, ai, t0, t1)
                    w.deals[di].product, w.deals[di].won = rng.choice(_TYPHOON_LINE_PRODUCTS[:3]), rng.random() < 0.9
                    for c in rng.sample(buyers, min(len(buyers), rng.choice((1, 1, 2)))):
                        cadence(c, owner, t0, min(t1, end), w.reps[owner].gap * rng.uniform(0.8, 1.2), pace, (0.7, 0.92),
                                di, 0.4)
                anniversary += 365 * DAY
            n_lines = 3 if employees >= 5000 else 2 if employees >= 500 else 1
            for _line in range(n_lines):
                t = arrival + rng.uniform(5.0, 120.0) * DAY
                while t < end - 10 * DAY and rng.random() < 0.75:
                    dur = rng.uniform(30.0, 100.0) * DAY
                    di = b.deal(owner, ai, t, t + dur)
                    w.deals[di].product = rng.choice(_TYPHOON_LINE_PRODUCTS)
                    users = having("engineering", "quality", "staff", "it", "executive", among=hq) or hq
                    for c in rng.sample(users, min(len(users), rng.choice((1, 1, 2, 3)))):
                        cadence(c, owner, t, min(t + dur, end), w.reps[owner].gap * rng.uniform(0.8, 1.25), pace,
                                (0.66, 0.9), di, 0.4)
                    if w.deals[di].won and t + dur < end - 5 * DAY and lines:
                        go = t + dur + rng.uniform(3.0, 15.0) * DAY
                        for c in rng.sample(lines, min(len(lines), rng.randint(1, 3))):
                            cadence(c, consultant, go, min(go + rng.uniform(21.0, 56.0) * DAY, end), rng.uniform(2.0, 4.0),
                                    pace, (0.55, 0.85), di, 0.3)
                    t += dur + rng.uniform(30.0, 150.0) * DAY
            experts = having("engineering", "staff", "quality", among=hq)
            if fab and experts and rng.random() < 0.4:
                t = arrival + rng.uniform(10.0, 300.0) * DAY
                if t < end - 10 * DAY:
                    dur = rng.uniform(30.0, 90.0) * DAY
                    di = b.deal(krishnan, ai, t, t + dur)
                    w.deals[di].product = _TYPHOON_SPECIALIST
                    for c in rng.sample(experts, min(len(experts), rng.choice((1, 2)))):
                        cadence(c, krishnan, t, min(t + dur, end), w.reps[krishnan].gap * rng.uniform(0.8, 1.2), pace,
                                (0.72, 0.9), di)
            for c in hq:
                if not c.threads and rng.random() < 0.6:
                    cadence(c, csm, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(30.0, 60.0), pace,
                            (0.75, 0.95), react=0.3)
        else:
            if market == "oceania":  # the cadence tool: a fixed step at the rep's hour, given up after four unanswered
                for c in hq:
                    if rng.random() < 0.65:
                        s0 = arrival + rng.uniform(0.0, 300.0) * DAY
                        if s0 < end - 5 * DAY:
                            c.threads.append(_Tool(harrison, s0, min(end, s0 + rng.uniform(40.0, 250.0) * DAY), 3.0, 4,
                                                   (45.0, 90.0), mix=(0.75, 1.0), react=0.25))
            else:
                b.sequences(hq, pods.get(country, raman), arrival, 0.7, 300.0, (60.0, 150.0), (0.78, 1.0))
            deciders = having("executive", "plant", among=people)
            if deciders and rng.random() < 0.35:
                cadence(rng.choice(deciders), owner, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(28.0, 49.0),
                        pace, (0.7, 0.95))
            b.further_deal(ai, owner, arrival, hq, _TYPHOON_LINE_PRODUCTS, cadence, pace, (0.66, 0.9),
                           (krishnan, _TYPHOON_SPECIALIST, (0.72, 0.9)) if fab else None)
        for c in people:
            if fab and role_of[c.email] in TYPHOON_OFFICE and rng.random() < 0.15:
                for _first, last, where in TYPHOON_SHOWS:
                    after = _clock(last, 12 * 3600, w.reps[owner].tz) + rng.uniform(1.0, 6.0) * DAY
                    if where == country and arrival < after < end:
                        c.threads.append(_Once(owner, w.place(owner, after, rng)))
            if not c.threads:
                who = csm if customer else pods.get(country, harrison if market == "oceania" else raman)
                c.threads.append(_Once(who, w.place(who, rng.uniform(arrival, end - DAY), rng)))
    w.simulate()
    return w


# --------------------------------------------------------------------------------------------------------
# 28. Pharmacy and medicines-supply software from Ukraine to Central Asia (kept aside)

STEPPE_CODES = {"Ukraine": "UA", "Moldova": "MD", "Georgia": "GE", "Armenia": "AM", "Azerbaijan": "AZ", "Kazakhstan": "KZ",
                "Uzbekistan": "UZ", "Kyrgyzstan": "KG"}
STEPPE_MARKET = {"Ukraine": "west", "Moldova": "west", "Georgia": "caucasus", "Armenia": "caucasus",
                 "Azerbaijan": "caucasus", "Kazakhstan": "central asia", "Uzbekistan": "central asia",
                 "Kyrgyzstan": "central asia"}
# country -> place -> (time zone, share of the country's accounts)
STEPPE_PLACES: dict[str, dict[str, tuple[str, float]]] = {
    "Ukraine": {"Kyiv": ("Europe/Kyiv", 0.45), "Lviv": ("Europe/Kyiv", 0.2), "Dnipro": ("Europe/Kyiv", 0.2),
                "Odesa": ("Europe/Kyiv", 0.15)},
    "Moldova": {"Chișinău": ("Europe/Chisinau", 0.85), "Bălți": ("Europe/Chisinau", 0.15)},
    "Georgia": {"Tbilisi": ("Asia/Tbilisi", 0.8), "Batumi": ("Asia/Tbilisi", 0.2)},
    "Armenia": {"Yerevan": ("Asia/Yerevan", 1.0)},
    "Azerbaijan": {"Baku": ("Asia/Baku", 0.9), "Ganja": ("Asia/Baku", 0.1)},
    "Kazakhstan": {"Almaty": ("Asia/Almaty", 0.4), "Astana": ("Asia/Almaty", 0.3), "Shymkent": ("Asia/Almaty", 0.15),
                   "Aktobe": ("Asia/Aqtobe", 0.1), "Atyrau": ("Asia/Atyrau", 0.05)},
    "Uzbekistan": {"Tashkent": ("Asia/Tashkent", 0.75), "Samarkand": ("Asia/Samarkand", 0.25)},
    "Kyrgyzstan": {"Bishkek": ("Asia/Bishkek", 0.8), "Osh": ("Asia/Bishkek", 0.2)},
}
STEPPE_SECTORS = ("pharmacy chain", "independent pharmacy", "pharmaceutical distributor", "private clinic",
                  "public hospital")
STEPPE_PRODUCTS = ("Pharmacy ERP", "E-Prescription Gateway", "Track & Trace", "Cold-Chain Monitoring",
                   "Hospital Pharmacy Stock", "Tender Manager", "Demand Forecasting")
_STEPPE_LINES = {"pharmacy chain": STEPPE_PRODUCTS[:4], "independent pharmacy": STEPPE_PRODUCTS[:2],
                 "pharmaceutical distributor": STEPPE_PRODUCTS[2:4] + STEPPE_PRODUCTS[5:6],
                 "private clinic": STEPPE_PRODUCTS[1:2] + STEPPE_PRODUCTS[3:5],
                 "public hospital": STEPPE_PRODUCTS[3:5]}  # what the account executives sell, by sector
_STEPPE_SPECIALIST = STEPPE_PRODUCTS[6]  # what the specialist in Warsaw sells to the chains and the distributors
STEPPE_OFFICE = ("executive", "physician", "procurement", "finance", "it")  # office people
STEPPE_FLOOR = ("owner", "pharmacy", "warehouse")  # the people who work the shops' and warehouses' days
STEPPE_EVERY_DAY = ("owner", "pharmacy", "warehouse")  # the segments whose reply clock runs every day
STEPPE_OFF = -3.0  # a touch on one of the contact's days off (a public holiday, a feast, a day away)
STEPPE_WORKED_HOLIDAY = -0.4  # a touch to an owner, a pharmacy head or a warehouse head on a public holiday they work
STEPPE_UKRAINE_FEAST = -0.5  # a touch in Ukraine on a holiday worked under martial law (the package's "workday" days)
STEPPE_BLACKOUT = -0.5  # Ukraine, 18:00 to 22:00 from November to February (the scheduled power cuts)
STEPPE_NEW_YEAR = -0.5  # office people from 29 December to 8 January (New Year to the Orthodox Christmas)
STEPPE_BUDGET = -0.45  # public-hospital people from 9 to 31 January (the year's budget not yet open)
STEPPE_RETURNS = -0.5  # finance people from the 10th to the 20th of January, April, July and October (quarterly returns)
STEPPE_MAY = -0.35  # office people outside Ukraine from 1 to 12 May (the May holidays and the days bridged between them)
STEPPE_NOWRUZ_EVE = -0.35  # office people in Kazakhstan, Uzbekistan, Kyrgyzstan and Azerbaijan from 16 to 20 March
STEPPE_IFTAR = -0.3  # Uzbekistan, Kyrgyzstan and Azerbaijan in Ramadan, from 17:00
STEPPE_NOWRUZ = ("Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Azerbaijan")  # where Nowruz is kept (and Ramadan's end)
STEPPE_RAMADAN = ("Uzbekistan", "Kyrgyzstan", "Azerbaijan")  # where the evenings of Ramadan are felt at work
STEPPE_FORUM = dt.date(2025, 10, 2)  # the vendor's customer forum in Almaty (Thursday)
STEPPE_YEARS = (2024, 2025, 2026)
# role (or role/market): peak, sd, amp, share of contacts peaking 2-3 hours off, weekdays (Monday..Sunday), whether the
# reply clock runs every day
STEPPE_SEGMENTS: dict[str, tuple[float, float, float, float, tuple[float, ...], bool]] = {
    "owner": (14.0, 3.5, 0.9, 0.4, (0.0, 0.05, 0.05, 0.0, -0.1, -0.2, -0.45), True),
    "executive/west": (8.0, 1.0, 1.5, 0.25, (-0.2, 0.1, 0.1, 0.05, -0.2, -1.1, -1.3), False),
    "executive/caucasus": (12.0, 1.1, 1.45, 0.25, (0.0, 0.1, 0.1, 0.05, -0.15, -1.0, -1.3), False),
    "executive/central asia": (18.5, 1.0, 1.5, 0.25, (0.05, 0.1, 0.05, 0.0, -0.25, -0.9, -1.3), False),
    "physician": (7.5, 0.9, 1.4, 0.2, (-0.3, 0.1, 0.1, 0.05, 0.0, -0.8, -1.3), False),
    "pharmacy": (8.0, 0.8, 1.35, 0.15, (0.0, 0.0, 0.0, 0.0, 0.0, -0.1, -0.4), True),
    "procurement": (10.5, 1.0, 1.5, 0.25, (0.1, 0.15, 0.1, 0.0, -0.4, -1.2, -1.3), False),
    "finance": (16.5, 1.0, 1.45, 0.25, (-0.3, 0.1, 0.1, 0.1, 0.0, -1.2, -1.3), False),
    "warehouse": (6.5, 0.9, 1.5, 0.15, (0.05, 0.05, 0.0, 0.0, 0.0, 0.1, -1.3), True),
    "it": (15.0, 3.2, 0.95, 0.4, (0.0, 0.1, 0.15, 0.1, -0.25, -1.1, -1.3), False),
}
STEPPE_SECOND = {"physician": (7.5, 1.0, 1.0),  # after the rounds, at 15:00
                 "pharmacy": (13.0, 0.8, 1.1)}  # after closing, at 21:00
STEPPE_SPLIT = ("executive",)  # the roles whose hours differ by market
# Titles by role and language (ru; uk in Ukraine, ro in Moldova, ka in Georgia, hy in Armenia, az in Azerbaijan, kk in
# Kazakhstan, uz in Uzbekistan; en everywhere). "physician" is a chief physician or a clinic's medical director,
# "pharmacy" the head of a pharmacy or a pharmacist behind its counter, "finance" a chief accountant or a finance director,
# "warehouse" the head of a warehouse or of logistics.
_STEPPE_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("owner", "ru"): ("Владелец", "Учредитель", "Владелец аптеки", "Собственник"),
    ("owner", "uk"): ("Власник", "Засновник", "Власниця аптеки", "ФОП, власник"),
    ("owner", "ro"): ("Proprietar", "Fondator", "Administrator, proprietar"),
    ("owner", "ka"): ("მფლობელი", "დამფუძნებელი"),
    ("owner", "hy"): ("Սեփականատեր", "Հիմնադիր"),
    ("owner", "az"): ("Təsisçi", "Sahibkar", "Aptek sahibi"),
    ("owner", "kk"): ("Құрылтайшы", "Иесі"),
    ("owner", "uz"): ("Taʼsischi", "Dorixona egasi"),
    ("owner", "en"): ("Owner", "Founder", "Founder & Owner"),
    ("executive", "ru"): ("Генеральный директор", "Директор", "Исполнительный директор", "Коммерческий директор"),
    ("executive", "uk"): ("Генеральний директор", "Директор", "Виконавчий директор", "Комерційний директор"),
    ("executive", "ro"): ("Director general", "Director executiv", "Director comercial"),
    ("executive", "ka"): ("გენერალური დირექტორი", "აღმასრულებელი დირექტორი", "დირექტორი"),
    ("executive", "hy"): ("Գլխավոր տնօրեն", "Գործադիր տնօրեն", "Տնօրեն"),
    ("executive", "az"): ("Baş direktor", "İcraçı direktor", "Kommersiya direktoru"),
    ("executive", "kk"): ("Бас директор", "Атқарушы директор"),
    ("executive", "uz"): ("Bosh direktor", "Ijrochi direktor", "Tijorat direktori"),
    ("executive", "en"): ("CEO", "Managing Director", "General Director", "Commercial Director", "COO"),
    ("physician", "ru"): ("Главный врач", "Главврач", "Медицинский директор", "Заместитель главного врача"),
    ("physician", "uk"): ("Головний лікар", "Медичний директор", "Заступник головного лікаря"),
    ("physician", "ro"): ("Medic-șef", "Director medical"),
    ("physician", "ka"): ("მთავარი ექიმი", "სამედიცინო დირექტორი"),
    ("physician", "hy"): ("Գլխավոր բժիշկ", "Բժշկական տնօրեն"),
    ("physician", "az"): ("Baş həkim", "Tibbi direktor"),
    ("physician", "kk"): ("Бас дәрігер", "Медициналық директор"),
    ("physician", "uz"): ("Bosh shifokor", "Tibbiy direktor"),
    ("physician", "en"): ("Chief Physician", "Medical Director", "Chief Medical Officer"),
    ("pharmacy", "ru"): ("Заведующая аптекой", "Заведующий аптекой", "Управляющая аптекой", "Провизор", "Фармацевт"),
    ("pharmacy", "uk"): ("Завідувачка аптеки", "Завідувач аптеки", "Провізор", "Фармацевт"),
    ("pharmacy", "ro"): ("Farmacist-diriginte", "Farmacist", "Șefă farmacie"),
    ("pharmacy", "ka"): ("აფთიაქის გამგე", "ფარმაცევტი"),
    ("pharmacy", "hy"): ("Դեղատան վարիչ", "Դեղագործ"),
    ("pharmacy", "az"): ("Aptek müdiri", "Əczaçı"),
    ("pharmacy", "kk"): ("Дәріхана меңгерушісі", "Провизор"),
    ("pharmacy", "uz"): ("Dorixona mudiri", "Farmatsevt", "Provizor"),
    ("pharmacy", "en"): ("Pharmacy Manager", "Head Pharmacist", "Pharmacist"),
    ("procurement", "ru"): ("Начальник отдела закупок", "Менеджер по закупкам", "Специалист по госзакупкам",
                            "Директор по закупкам", "Категорийный менеджер"),
    ("procurement", "uk"): ("Начальник відділу закупівель", "Менеджер із закупівель", "Фахівець з публічних закупівель",
                            "Уповноважена особа з закупівель"),
    ("procurement", "ro"): ("Șef achiziții", "Specialist achiziții publice", "Manager achiziții"),
    ("procurement", "ka"): ("შესყიდვების მენეჯერი", "შესყიდვების სამსახურის უფროსი"),
    ("procurement", "hy"): ("Գնումների բաժնի պետ", "Գնումների մասնագետ"),
    ("procurement", "az"): ("Satınalma şöbəsinin müdiri", "Satınalma üzrə mütəxəssis"),
    ("procurement", "kk"): ("Сатып алу бөлімінің басшысы", "Мемлекеттік сатып алу маманы"),
    ("procurement", "uz"): ("Xaridlar boʻlimi boshligʻi", "Davlat xaridlari boʻyicha mutaxassis"),
    ("procurement", "en"): ("Head of Procurement", "Procurement Manager", "Purchasing Manager", "Category Manager",
                            "Tender Specialist"),
    ("finance", "ru"): ("Главный бухгалтер", "Главбух", "Финансовый директор", "Бухгалтер"),
    ("finance", "uk"): ("Головний бухгалтер", "Фінансовий директор", "Бухгалтер"),
    ("finance", "ro"): ("Contabil-șef", "Director financiar", "Contabil"),
    ("finance", "ka"): ("მთავარი ბუღალტერი", "ფინანსური დირექტორი"),
    ("finance", "hy"): ("Գլխավոր հաշվապահ", "Ֆինանսական տնօրեն"),
    ("finance", "az"): ("Baş mühasib", "Maliyyə direktoru"),
    ("finance", "kk"): ("Бас бухгалтер", "Қаржы директоры"),
    ("finance", "uz"): ("Bosh buxgalter", "Moliya direktori"),
    ("finance", "en"): ("Chief Accountant", "CFO", "Finance Director", "Accountant"),
    ("warehouse", "ru"): ("Начальник склада", "Заведующий складом", "Руководитель логистики"),
    ("warehouse", "uk"): ("Начальник складу", "Завідувач складу", "Керівник логістики"),
    ("warehouse", "ro"): ("Șef depozit", "Manager logistică"),
    ("warehouse", "ka"): ("საწყობის მენეჯერი", "ლოჯისტიკის მენეჯერი"),
    ("warehouse", "hy"): ("Պահեստի վարիչ", "Լոգիստիկայի մենեջեր"),
    ("warehouse", "az"): ("Anbar müdiri", "Logistika meneceri"),
    ("warehouse", "kk"): ("Қойма меңгерушісі", "Логистика басшысы"),
    ("warehouse", "uz"): ("Ombor mudiri", "Logistika boʻlimi boshligʻi"),
    ("warehouse", "en"): ("Warehouse Manager", "Head of Logistics", "Logistics Manager", "Distribution Center Manager"),
    ("it", "ru"): ("IT-директор", "Начальник отдела ИТ", "Руководитель IT", "Системный администратор"),
    ("it", "uk"): ("IT-директор", "Керівник ІТ-відділу", "Системний адміністратор"),
    ("it", "ro"): ("Director IT", "Șef IT", "Administrator de sistem"),
    ("it", "ka"): ("IT დირექტორი", "IT მენეჯერი"),
    ("it", "hy"): ("ՏՏ տնօրեն", "ՏՏ բաժնի ղեկավար"),
    ("it", "az"): ("İT direktoru", "İT şöbəsinin müdiri"),
    ("it", "kk"): ("IT директоры", "IT бөлімінің басшысы"),
    ("it", "uz"): ("IT boʻlimi boshligʻi", "IT direktori"),
    ("it", "en"): ("IT Director", "Head of IT", "CIO", "IT Manager", "System Administrator"),
}
STEPPE_ROLE = {t: role for (role, _), titles in _STEPPE_TITLES.items() for t in titles}
STEPPE_NAMELESS = ("-", "N/A", "Контакт", "Сотрудник", "Співробітник", "Employee")  # titles that name no job
# the languages of the titles in each country and their shares
STEPPE_LANGUAGE: dict[str, dict[str, float]] = {
    "Ukraine": {"uk": 0.8, "ru": 0.08, "en": 0.12}, "Moldova": {"ro": 0.6, "ru": 0.3, "en": 0.1},
    "Georgia": {"ka": 0.55, "ru": 0.1, "en": 0.35}, "Armenia": {"hy": 0.45, "ru": 0.35, "en": 0.2},
    "Azerbaijan": {"az": 0.6, "ru": 0.25, "en": 0.15}, "Kazakhstan": {"ru": 0.7, "kk": 0.15, "en": 0.15},
    "Uzbekistan": {"ru": 0.5, "uz": 0.35, "en": 0.15}, "Kyrgyzstan": {"ru": 0.85, "en": 0.15},
}
# people's names: (romanised, written, gender) given names, (romanised, written) family names in the masculine form (a
# woman's ends in -a where it ends in -ov, -ev or -in), and the share of the people whose name the CRM has in the written
# form (Cyrillic, Georgian or Armenian script)
_STEPPE_PEOPLE: dict[str, tuple[tuple[tuple[str, str, str], ...], tuple[tuple[str, str], ...], float]] = {
    "Ukraine": ((("Oleksandr", "Олександр", "m"), ("Iryna", "Ірина", "f"), ("Andrii", "Андрій", "m"),
                 ("Olena", "Олена", "f"), ("Serhii", "Сергій", "m"), ("Nataliia", "Наталія", "f"), ("Dmytro", "Дмитро", "m"),
                 ("Tetiana", "Тетяна", "f"), ("Yuliia", "Юлія", "f"), ("Vasyl", "Василь", "m"), ("Oksana", "Оксана", "f"),
                 ("Mykola", "Микола", "m"), ("Svitlana", "Світлана", "f"), ("Taras", "Тарас", "m")),
                (("Shevchenko", "Шевченко"), ("Kovalenko", "Коваленко"), ("Bondarenko", "Бондаренко"),
                 ("Tkachenko", "Ткаченко"), ("Kravchenko", "Кравченко"), ("Melnyk", "Мельник"), ("Boiko", "Бойко"),
                 ("Kovalchuk", "Ковальчук"), ("Oliinyk", "Олійник"), ("Polishchuk", "Поліщук"), ("Savchuk", "Савчук"),
                 ("Marchenko", "Марченко"), ("Lysenko", "Лисенко"), ("Rudenko", "Руденко")), 0.45),
    "Moldova": (tuple((n, n, g) for n, g in (("Ion", "m"), ("Maria", "f"), ("Vasile", "m"), ("Elena", "f"),
                                             ("Andrei", "m"), ("Natalia", "f"), ("Sergiu", "m"), ("Olga", "f"),
                                             ("Victor", "m"), ("Ana", "f"), ("Mihai", "m"), ("Cristina", "f"))),
                tuple((n, n) for n in ("Rusu", "Ceban", "Ciobanu", "Cojocaru", "Țurcanu", "Munteanu", "Popa", "Lungu",
                                       "Bălan", "Rotari", "Sârbu", "Guțu", "Moraru", "Botnaru")), 0.0),
    "Georgia": ((("Giorgi", "გიორგი", "m"), ("Nino", "ნინო", "f"), ("Davit", "დავით", "m"), ("Tamar", "თამარ", "f"),
                 ("Levan", "ლევან", "m"), ("Mariam", "მარიამ", "f"), ("Irakli", "ირაკლი", "m"), ("Ana", "ანა", "f"),
                 ("Zurab", "ზურაბ", "m"), ("Ketevan", "ქეთევან", "f"), ("Nikoloz", "ნიკოლოზ", "m"),
                 ("Salome", "სალომე", "f")),
                (("Beridze", "ბერიძე"), ("Kapanadze", "კაპანაძე"), ("Gelashvili", "გელაშვილი"),
                 ("Maisuradze", "მაისურაძე"), ("Giorgadze", "გიორგაძე"), ("Lomidze", "ლომიძე"), ("Tsiklauri", "წიკლაური"),
                 ("Bolkvadze", "ბოლქვაძე"), ("Kvaratskhelia", "კვარაცხელია"), ("Nozadze", "ნოზაძე"),
                 ("Abashidze", "აბაშიძე"), ("Mamaladze", "მამალაძე")), 0.3),
    "Armenia": ((("Armen", "Արմեն", "m"), ("Anna", "Աննա", "f"), ("Tigran", "Տիգրան", "m"), ("Mariam", "Մարիամ", "f"),
                 ("Gor", "Գոռ", "m"), ("Lilit", "Լիլիթ", "f"), ("Hayk", "Հայկ", "m"), ("Ani", "Անի", "f"),
                 ("Davit", "Դավիթ", "m"), ("Narine", "Նարինե", "f"), ("Aram", "Արամ", "m"), ("Gayane", "Գայանե", "f")),
                (("Grigoryan", "Գրիգորյան"), ("Sargsyan", "Սարգսյան"), ("Harutyunyan", "Հարությունյան"),
                 ("Hovhannisyan", "Հովհաննիսյան"), ("Petrosyan", "Պետրոսյան"), ("Khachatryan", "Խաչատրյան"),
                 ("Vardanyan", "Վարդանյան"), ("Karapetyan", "Կարապետյան"), ("Gevorgyan", "Գևորգյան"),
                 ("Mkrtchyan", "Մկրտչյան")), 0.3),
    "Azerbaijan": (tuple((n, n, g) for n, g in (("Elvin", "m"), ("Aysel", "f"), ("Orxan", "m"), ("Günay", "f"),
                                                ("Tural", "m"), ("Leyla", "f"), ("Kamran", "m"), ("Nərgiz", "f"),
                                                ("Rauf", "m"), ("Səbinə", "f"), ("Elnur", "m"), ("Aynur", "f"))),
                   tuple((n, n) for n in ("Məmmədov", "Əliyev", "Həsənov", "Hüseynov", "Quliyev", "İsmayılov", "Abbasov",
                                          "Rzayev", "Kərimov", "Babayev", "Cəfərov", "Nəsirov")), 0.0),
    "Kazakhstan": ((("Aigerim", "Айгерим", "f"), ("Nurlan", "Нурлан", "m"), ("Dana", "Дана", "f"),
                    ("Yerlan", "Ерлан", "m"), ("Aruzhan", "Аружан", "f"), ("Daniyar", "Данияр", "m"),
                    ("Saule", "Сауле", "f"), ("Askar", "Аскар", "m"), ("Madina", "Мадина", "f"), ("Timur", "Тимур", "m"),
                    ("Gulnara", "Гульнара", "f"), ("Sergei", "Сергей", "m"), ("Yelena", "Елена", "f"),
                    ("Olga", "Ольга", "f")),
                   (("Akhmetov", "Ахметов"), ("Nurpeisov", "Нурпеисов"), ("Omarov", "Омаров"),
                    ("Suleimenov", "Сулейменов"), ("Zhaksylykov", "Жаксылыков"), ("Bekov", "Беков"), ("Ivanov", "Иванов"),
                    ("Kim", "Ким"), ("Tulegenov", "Тулегенов"), ("Abenov", "Абенов"), ("Seitkali", "Сейткали"),
                    ("Kassymov", "Касымов")), 0.4),
    "Uzbekistan": ((("Jasur", "Жасур", "m"), ("Dilnoza", "Дилноза", "f"), ("Bekzod", "Бекзод", "m"),
                    ("Nilufar", "Нилуфар", "f"), ("Sardor", "Сардор", "m"), ("Malika", "Малика", "f"),
                    ("Otabek", "Отабек", "m"), ("Gulnora", "Гулнора", "f"), ("Rustam", "Рустам", "m"),
                    ("Shahnoza", "Шаҳноза", "f"), ("Aziz", "Азиз", "m"), ("Zarina", "Зарина", "f")),
                   (("Karimov", "Каримов"), ("Rahimov", "Раҳимов"), ("Yusupov", "Юсупов"), ("Abdullayev", "Абдуллаев"),
                    ("Ismoilov", "Исмоилов"), ("Mirzayev", "Мирзаев"), ("Xolmatov", "Холматов"), ("Nazarov", "Назаров"),
                    ("Saidov", "Саидов"), ("Tursunov", "Турсунов"), ("Ergashev", "Эргашев")), 0.25),
    "Kyrgyzstan": ((("Aibek", "Айбек", "m"), ("Aizada", "Айзада", "f"), ("Bakyt", "Бакыт", "m"),
                    ("Cholpon", "Чолпон", "f"), ("Nurbek", "Нурбек", "m"), ("Aida", "Аида", "f"), ("Azamat", "Азамат", "m"),
                    ("Gulzat", "Гулзат", "f"), ("Ermek", "Эрмек", "m"), ("Meerim", "Мээрим", "f")),
                   (("Asanov", "Асанов"), ("Toktogulov", "Токтогулов"), ("Sadykov", "Садыков"),
                    ("Abdrakhmanov", "Абдрахманов"), ("Mamatov", "Маматов"), ("Osmonov", "Осмонов"),
                    ("Jumabaev", "Жумабаев"), ("Usenov", "Усенов"), ("Beishenov", "Бейшенов"), ("Kadyrov", "Кадыров")),
                   0.35),
}
_STEPPE_STEMS = {
    "Ukraine": ("Kalyna", "Sokil", "Yasen", "Zoria", "Vesna", "Oberih", "Lileia", "Dzherelo", "Svitanok", "Rodyna",
                "Veselka", "Ladan", "Barvinok", "Dnipro"),
    "Moldova": ("Codru", "Nistru", "Prut", "Dacia", "Floare", "Viorica", "Speranța", "Izvor", "Lumina", "Orhei",
                "Sănătate", "Trandafir"),
    "Georgia": ("Mtatsminda", "Kartli", "Iberia", "Colchis", "Rioni", "Mtkvari", "Tamari", "Svaneti", "Kakheti", "Argo",
                "Lazika", "Gelati"),
    "Armenia": ("Ararat", "Aragats", "Sevan", "Masis", "Nairi", "Arev", "Garni", "Shant", "Urartu", "Erebuni", "Lori",
                "Dilijan"),
    "Azerbaijan": ("Xəzər", "Günəş", "Şəfa", "Ulduz", "Qafqaz", "Nur", "Zəfər", "Göygöl", "Səma", "Bahar", "Şirvan",
                   "Qəbələ"),
    "Kazakhstan": ("Altyn", "Dala", "Sunkar", "Baiterek", "Samal", "Tulpar", "Kokzhiek", "Ak Niet", "Zhuldyz", "Medeu",
                   "Shanyrak", "Alatau"),
    "Uzbekistan": ("Navbahor", "Zarafshon", "Oltin", "Shifo", "Baraka", "Turon", "Mehr", "Afrosiyob", "Bahor", "Sharq",
                   "Yulduz", "Chinor"),
    "Kyrgyzstan": ("Ala-Too", "Issyk-Kul", "Manas", "Ak-Bata", "Aichurek", "Tenir", "Bereke", "Sanat", "Ak-Jol",
                   "Kench"),
}
# how each country's CRM names a company of each sector (the stem in place of {}) and its legal forms
_STEPPE_PHARMACY = {"Ukraine": "Apteka", "Moldova": "Farmacia", "Georgia": "Aptiaki", "Armenia": "Deghatun",
                    "Azerbaijan": "Aptek", "Kazakhstan": "Apteka", "Uzbekistan": "Dorixona", "Kyrgyzstan": "Darykana"}
_STEPPE_KINDS = {"pharmacy chain": ("{} Pharmacy", "{}-Farm", "{} Pharm", "{} Apteki"),
                 "pharmaceutical distributor": ("{} Pharma Distribution", "{} Med Trade", "{}-Pharm Distribution",
                                                "{} Farm Logistics"),
                 "private clinic": ("{} Medical Center", "{} Clinic", "{} Med", "{} Diagnostic Center")}
_STEPPE_HOSPITALS = ("{} City Clinical Hospital No. {}", "{} City Hospital No. {}", "{} Regional Clinical Hospital",
                     "{} Children's Hospital No. {}", "{} Perinatal Centre", "{} Multidisciplinary Hospital No. {}")
_STEPPE_FORMS = {"Ukraine": (" LLC", " TOV"), "Moldova": (" SRL", " SA"), "Georgia": (" LLC", " JSC"),
                 "Armenia": (" LLC", " CJSC"), "Azerbaijan": (" MMC", " LLC"), "Kazakhstan": (" LLP", " TOO", " JSC"),
                 "Uzbekistan": (" MChJ", " LLC"), "Kyrgyzstan": (" LLC", " OsOO")}
_STEPPE_LETTERS = str.maketrans({"ə": "a", "Ə": "A", "ı": "i"})
_STEPPE_COUNTRIES = {"Ukraine": 0.24, "Kazakhstan": 0.22, "Uzbekistan": 0.14, "Georgia": 0.1, "Azerbaijan": 0.1,
                     "Moldova": 0.07, "Armenia": 0.07, "Kyrgyzstan": 0.06}
_STEPPE_SECTOR_SHARES = {"pharmacy chain": 0.28, "independent pharmacy": 0.2, "pharmaceutical distributor": 0.14,
                         "private clinic": 0.2, "public hospital": 0.18}
_STEPPE_SIZES = {"pharmacy chain": (30, 3000), "independent pharmacy": (3, 25), "pharmaceutical distributor": (50, 5000),
                 "private clinic": (40, 2500), "public hospital": (200, 4000)}
# the people an account has besides an independent pharmacy's owner, by sector
_STEPPE_ROLES: dict[str, dict[str, float]] = {
    "pharmacy chain": {"executive": 0.22, "owner": 0.08, "pharmacy": 0.25, "procurement": 0.18, "finance": 0.1,
                       "it": 0.1, "warehouse": 0.07},
    "independent pharmacy": {"pharmacy": 0.6, "finance": 0.4},
    "pharmaceutical distributor": {"executive": 0.2, "procurement": 0.25, "warehouse": 0.25, "finance": 0.15, "it": 0.15},
    "private clinic": {"executive": 0.25, "physician": 0.3, "procurement": 0.15, "finance": 0.12, "it": 0.1,
                       "owner": 0.08},
    "public hospital": {"physician": 0.35, "procurement": 0.35, "finance": 0.15, "it": 0.1, "executive": 0.05},
}


def _steppe_key(role: str, country: str) -> str:
    """A contact's segment: the role read from the title and, for executives, the market."""
    return f"{role}/{STEPPE_MARKET[country]}" if role in STEPPE_SPLIT else role


def steppe_holidays(country: str) -> frozenset[dt.date]:
    """Every day in the history's years that is a public holiday of ``country``, whatever the weekday (none in Ukraine:
    under martial law the package lists no public holidays there)."""
    return _holiday_dates(STEPPE_CODES[country], None, STEPPE_YEARS)


@functools.cache
def steppe_worked_feasts() -> frozenset[dt.date]:
    """Ukraine's holidays worked under martial law (the ``holidays`` package's "workday" category)."""
    return frozenset(holidays.country_holidays("UA", years=STEPPE_YEARS, categories=("workday",)))


@functools.cache
def steppe_feasts(country: str) -> frozenset[dt.date]:
    """The great feasts a warehouse closes for: the public holidays of New Year, Christmas, Easter, Nowruz and the two
    Eids (with the days off moved onto weekdays for them)."""
    names = ("New Year", "Christmas", "Easter", "Nowruz", "Nooruz", "Spring Festival", "Eid")
    return frozenset(d for d, name in holidays.country_holidays(STEPPE_CODES[country], years=STEPPE_YEARS).items()
                     if any(n in name for n in names))


def steppe_make_up_days(country: str) -> frozenset[dt.date]:
    """The Saturdays and Sundays worked in exchange for a bridge day off, read from the package."""
    return _make_up_days(STEPPE_CODES[country], STEPPE_YEARS)


def steppe_off(role: str, country: str) -> frozenset[dt.date]:
    """A contact's public days off: none for owners and pharmacy heads (the pharmacies open every day), the great feasts
    for warehouse heads, the country's public holidays for the office people."""
    if role in ("owner", "pharmacy"):
        return frozenset()
    if role == "warehouse":
        return steppe_feasts(country)
    return steppe_holidays(country)


def _steppe_season(role: str, country: str, sector: str, seg: Segment, loc: dt.datetime) -> float:
    """The log-odds of a reply by the contact's local moment besides the weekday and the days off (see the world's
    description)."""
    day = loc.date()
    wd = day.weekday()
    h = loc.hour + loc.minute / 60.0
    z = 0.0
    if role in STEPPE_FLOOR and day in steppe_holidays(country) and day not in steppe_off(role, country):
        z += STEPPE_WORKED_HOLIDAY
    if day in steppe_make_up_days(country):
        z += seg.weekday[2] - seg.weekday[wd]  # a working day: as good as a Wednesday
    if country == "Ukraine":
        if day in steppe_worked_feasts():
            z += STEPPE_UKRAINE_FEAST
        if day.month in (11, 12, 1, 2) and 18.0 <= h < 22.0:
            z += STEPPE_BLACKOUT
    if country in STEPPE_RAMADAN and h >= 17.0 and any(first <= day <= last for first, last in OASIS_RAMADAN):
        z += STEPPE_IFTAR
    if sector == "public hospital" and day.month == 1 and day.day >= 9:
        z += STEPPE_BUDGET
    if role not in STEPPE_OFFICE:
        return z
    if (day.month == 12 and day.day >= 29) or (day.month == 1 and day.day <= 8):
        z += STEPPE_NEW_YEAR
    if role == "finance" and day.month in (1, 4, 7, 10) and 10 <= day.day <= 20:
        z += STEPPE_RETURNS
    if country != "Ukraine" and day.month == 5 and day.day <= 12:
        z += STEPPE_MAY
    if country in STEPPE_NOWRUZ and day.month == 3 and 16 <= day.day <= 20:
        z += STEPPE_NOWRUZ_EVE
    return z


def steppe_pace(country: str, sector: str) -> Callable[[float], float]:
    """Gap multiplier of a rep's cadence to a contact by the date: the reps write less from 25 December to 8 January
    (1.8), around Nowruz where it is kept (16 to 27 March, 1.6), in the May holidays outside Ukraine (1 to 12 May, 1.4)
    and in July and August (1.3); to the public hospitals more in the tender season (1 October to 15 December, 0.7) and
    less while their budgets are not yet open (9 to 31 January, 1.5)."""
    hospital = sector == "public hospital"
    nowruz = country in STEPPE_NOWRUZ
    may = country != "Ukraine"

    def pace(t: float) -> float:
        day = dt.datetime.fromtimestamp(t, UTC).date()
        m, d = day.month, day.day
        if (m == 12 and d >= 25) or (m == 1 and d <= 8):
            return 1.8
        if hospital and (m in (10, 11) or (m == 12 and d <= 15)):
            return 0.7
        if hospital and m == 1:
            return 1.5
        if nowruz and m == 3 and 16 <= d <= 27:
            return 1.6
        if may and m == 5 and d <= 12:
            return 1.4
        if m in (7, 8):
            return 1.3
        return 1.0

    return pace


def _steppe_leave(rng: random.Random) -> tuple[tuple[dt.date, dt.date], ...]:
    """An office person's summer leave (отпуск): two or three weeks from a weekday between 23 June and 18 August 2025
    (first day away, day back), both weekdays."""
    return (_away(dt.date(2025, 6, 23) + dt.timedelta(days=rng.randint(0, 56)), rng.choice((14, 14, 21))),)


def _steppe_name(country: str, rng: random.Random) -> tuple[str, str, str | None]:
    """(romanised given name, romanised family name, the name as the CRM writes it when in another script)."""
    firsts, lasts, written = _STEPPE_PEOPLE[country]
    first, first_w, gender = rng.choice(firsts)
    last, last_w = rng.choice(lasts)
    if gender == "f" and last.endswith(("ov", "ev", "in")):
        last, last_w = last + "a", last_w + ("а" if last_w[-1] in "вн" else "a")
    return first, last, (f"{first_w} {last_w}" if rng.random() < written else None)


def steppe(scale: float = 1.0, seed: int = 2828) -> PlantedWorld:
    """Kept aside for a final check. A vendor of pharmacy and medicines-supply software (a pharmacy ERP, an
    e-prescription gateway, track and trace for the marking of medicines, cold-chain monitoring, hospital pharmacy
    stock, a tender manager for distributors and, from a specialist, demand forecasting) selling to pharmacy chains,
    independent pharmacies, pharmaceutical distributors, private clinics and public hospitals from Ukraine to Central
    Asia: Ukraine (24% of the 940 accounts at scale 1; Kyiv, Lviv, Dnipro, Odesa), Moldova (6%; Chișinău, Bălți; the two
    on Eastern European time with daylight saving), Georgia (11%; Tbilisi, Batumi), Armenia (6%; Yerevan), Azerbaijan
    (9%; Baku, Ganja; the three at UTC+4 all year), Kazakhstan (21%; Almaty, Astana, Shymkent on Asia/Almaty, Aktobe and
    Atyrau on their own zones, all at UTC+5 since the country's single zone of March 2024), Uzbekistan (16%; Tashkent,
    Samarkand, UTC+5) and Kyrgyzstan (6%; Bishkek, Osh, UTC+6), contacts in their own time zones. About fifteen months
    of history, from 18 December 2024 to Wednesday 18 March 2026 (06:00 UTC: 08:00 in Kyiv and Chișinău, 10:00 in
    Tbilisi, Yerevan and Baku, 11:00 in Almaty and Tashkent, 12:00 in Bishkek); the ten days after the end hold the last
    day of Ramadan and Eid al-Fitr on Friday 20 March (a public holiday in Uzbekistan, Kyrgyzstan and Azerbaijan)
    meeting Nowruz: Kazakhstan off from Saturday 21 to Wednesday 25 March, Uzbekistan on 20, 21 and 23 March, Kyrgyzstan
    on 20 and 21 March, Azerbaijan from 20 to 27 March and on 30 March (the two feasts' days off moved onto the weekdays
    after them), while Ukraine, Moldova, Georgia and Armenia work through; the days before Nowruz are slow where it is
    kept. Company names follow the country (Apteka Kalyna, Farmacia Codru SRL, Mtatsminda Medical Center LLC,
    Ararat-Farm CJSC, Xəzər Pharma Distribution MMC, Altyn Pharm LLP, Dorixona Shifo, Ala-Too Clinic OsOO; public
    hospitals by their city and number, Almaty City Clinical Hospital No. 7), and so do people's names, written in
    Cyrillic, Georgian or Armenian script for 25-45% of the people in Ukraine, Kazakhstan, Uzbekistan, Kyrgyzstan,
    Georgia and Armenia (Ірина Коваленко, Айгерим Ахметова, ნინო ბერიძე, Արմեն Սարգսյան), women's family names in -ova,
    -eva, -ina. An account has one to four people (an independent pharmacy its owner and sometimes its pharmacist or
    accountant): executives, owners and founders, chief physicians and medical directors, heads of pharmacies and
    pharmacists, procurement and tender people, chief accountants and finance directors, heads of warehouses and
    logistics, and IT. The titles are in Russian (everywhere, 85% in Kyrgyzstan, 70% in Kazakhstan, 50% in Uzbekistan,
    35% in Armenia, 8% in Ukraine), Ukrainian (80% in Ukraine), Romanian (60% in Moldova), Georgian (55%), Armenian
    (45%), Azerbaijani (60%), Kazakh (15%), Uzbek (35%, in Latin script) or English, about 200 at scale 1, each naming
    one of eight roles (Генеральный директор, Генеральний директор, Director general, გენერალური დირექტორი, Baş
    direktor, Бас директор, Bosh direktor, CEO; Владелец, Власник, Proprietar, Təsisçi, Founder; Главный врач, Головний
    лікар, Medic-șef, მთავარი ექიმი, Գլխավոր բժիշկ, Baş həkim, Бас дәрігер, Bosh shifokor; Заведующая аптекой, Завідувач
    аптеки, Farmacist-diriginte, Провизор, Dorixona mudiri; Начальник отдела закупок, Уповноважена особа з закупівель,
    Specialist achiziții publice, Мемлекеттік сатып алу маманы; Главный бухгалтер, Головний бухгалтер, Contabil-șef, Baş
    mühasib, Бас бухгалтер; Начальник склада, Завідувач складу, Anbar müdiri, Ombor mudiri; IT-директор, ՏՏ տնօրեն, IT
    Director); 4% name no job (Контакт, Сотрудник, Співробітник, Employee, N/A, -). Segments from the role read from the
    title and, for executives, the market (west: Ukraine and Moldova; Caucasus; Central Asia), ten of them: executives
    in the west at 08:00, before the day, in the Caucasus at 12:00, in Central Asia at 18:30, after the day's meetings;
    chief physicians at 07:30, before the morning conference, and again at 15:00, after the rounds (a second bump, 1.0;
    weak on Monday, -0.3); heads of pharmacies at 08:00, before opening, and at 21:00, after closing (a second bump,
    1.1), every day of the week (weak on Sunday, -0.4); heads of warehouses at 06:30, the morning's dispatch, six days a
    week (best on Saturday, +0.1); procurement at 10:30 (weak on Friday, -0.4); chief accountants and finance directors
    at 16:30, once the day's payments are made (weak on Monday, -0.3); owners broadly at 14:00 (sd 3.5 h) and every day
    (weak on Sunday, -0.45); IT broadly at 15:00 (sd 3.2 h); the others narrow (sd 0.8-1.1 h). About 27% of the contacts
    peak 2-3 hours off their segment's (15% of the pharmacy and warehouse heads, 40% of the owners and IT). The
    calendar: the office people do not answer on their country's public holidays (Orthodox Christmas on 7 January in
    Moldova, Georgia, Kazakhstan and Kyrgyzstan, Armenia's on 6 January, Orthodox Easter in Moldova and Georgia, Nowruz
    and the Eids in Central Asia and Azerbaijan, the May holidays), read from the holidays package: -3.0 on the
    log-odds, the reply clock stopped; Ukraine has none, the package listing no public holiday under martial law, and
    Ukrainians answer less on the holidays worked instead (the package's workday days: New Year, 8 March, Easter,
    Independence Day, Christmas on 25 December; -0.5) and from 18:00 to 22:00 from November to February (the scheduled
    power cuts, -0.5). Heads of warehouses are off only at the great feasts (New Year, Christmas, Easter, Nowruz, the
    Eids); owners and heads of pharmacies never (the pharmacies open every day), both answering a little less on a
    public holiday (-0.4, as do heads of warehouses on the others). Kazakhstan's, Uzbekistan's, Kyrgyzstan's and
    Azerbaijan's Saturdays and Sundays worked in exchange for a bridge day off (read from the package) are as good as a
    Wednesday on the log-odds. Office people answer less from 29 December to 8 January (-0.5), outside Ukraine from 1 to
    12 May (the days bridged between the May holidays, -0.35) and, where Nowruz is kept, from 16 to 20 March (-0.35);
    finance people from the 10th to the 20th of January, April, July and October (the quarterly returns, -0.5); everyone
    at a public hospital from 9 to 31 January (the year's budget not yet open, -0.45); in Uzbekistan, Kyrgyzstan and
    Azerbaijan in Ramadan from 17:00 (-0.3). 45% of the office people take two or three weeks of leave between 23 June
    and early September 2025 (days off, with an automatic reply naming the day back; a rep who gets one waits for that
    day). Reps in six offices, each with a habitual hour on their own clock and a fifth of their touches at another
    hour: account executives in Kyiv (pharmacies and distributors at 09:00; clinics, hospitals and Moldova at 16:30,
    after the day's visits), Tbilisi (Georgia and Armenia, 12:00), Baku (10:00), Tashkent (17:00) and Almaty (pharmacies
    and distributors at 09:30; clinics, hospitals and Kyrgyzstan at 14:00), one account in ten owned by another;
    customer success in Kyiv (11:00; the west and the Caucasus) and Almaty (15:30; Central Asia); implementation
    consultants in Kyiv (07:30) and Almaty (07:00) who put the pharmacies and warehouses on the system; sales
    development in Kyiv (08:00) and Almaty (08:30); and the demand-forecasting specialist in Warsaw (13:00). The Kyiv
    office works every weekday, the others not on their country's public holidays. About 38% of the accounts are
    customers (30% of the independent pharmacies): a success manager keeps in touch with one or two executives, owners,
    chief physicians or procurement people every two and a half to six weeks; the account executive works the renewal
    before each anniversary; one to three lines of deals side by side (three from 2,000 employees), each of one to three
    months with one to three people, one to five months apart; a won deal gets the pharmacies and warehouses put on the
    system, the consultant touching one to three heads of pharmacies and warehouses every two to four days for three to
    eight weeks; 35% of the chains and distributors get a demand-forecasting deal from the specialist. Prospects get the
    sales development sequences (70% of their people) (three to six steps two to four days apart, again two to five
    months later); at the public hospitals the account executive's bursts to procurement and chief physicians in the
    tender season (1 October to 15 December 2025, three to five touches, again 12-20 days later); an account executive
    keeping in touch with an executive, an owner or a chief physician every four to seven weeks in a third of them, and
    a deal in a third (the specialist joining a third of those at the chains and distributors). A quarter of the
    customers' office people in Central Asia get an e-mail in the week after the vendor's customer forum in Almaty (2
    October 2025). The reps write less from 25 December to 8 January (1.8 times the gap), around Nowruz where it is kept
    (16 to 27 March, 1.6), in the May holidays outside Ukraine (1.4) and in July and August (1.3), and to the public
    hospitals more in the tender season (0.7) and less in January (1.5). A touch the same day as the last does badly
    (-0.8), two to ten days after it does best (+0.15 to +0.3, most at four days) and long silences cost (-0.4 from five
    months); fatigue counts five days; unanswered touches in a row cost more and more (-0.85 from six); a reply in the
    last three days helps (+0.45); a person never touched answers less (-0.4); calls do a little better than e-mails
    (+0.25), meetings much better (+0.85). About 43% of the touches come from a rep in another time zone than the
    contact's; each segment's four busiest hours of the contact's clock hold 43-70% of its touches; 15% of the touched
    contacts are in two deals at once for a while; a touched contact gets 12 touches at the median (1 at the 10th
    percentile, 44 at the 90th, up to about 110), 33% of them six or fewer and 20% a single one. About 64% of the
    touches are e-mails, 27% calls and 9% meetings. About 30,000 touches at scale 1, about 2,000 contacts, about 14% of
    them never touched."""
    staff: dict[str, tuple[str, str, str]] = {}  # by e-mail: role, country, sector

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        role, country, sector = staff[c.email]
        return _steppe_season(role, country, sector, c.segment, loc)

    fx = Effects(
        base=-1.0,
        gap=_pl((0.0, -0.8), (0.5, -0.5), (1.0, -0.1), (2.0, 0.2), (4.0, 0.3), (10.0, 0.15), (40.0, 0.0),
                (160.0, -0.4)),
        cold=-0.4,
        fatigue_days=5.0,
        fatigue=(0.0, -0.1, -0.3, -0.5, -0.75, -1.0),
        streak=(0.0, -0.1, -0.25, -0.4, -0.55, -0.7, -0.85),
        recent=_pl((0.0, 0.45), (3.0, 0.45), (8.0, 0.0)),
        night=-1.1,
        channel=(0.0, 0.25, 0.85),
        delay=Delay(((0.45, 1.3), (0.35, 7.0), (0.2, 28.0)), floor=0.1),
        responsiveness_sd=0.55,
        holiday=STEPPE_OFF,
        calendar=calendar,
    )
    w = PlantedWorld("steppe", _doc(steppe), fx, dt.datetime(2026, 3, 18, 6, 0, tzinfo=UTC), seed)
    w.history_days = 470.0
    rng = random.Random(seed)
    b = _Builder(w, rng)
    end = w.end_ts
    begin = end - 455 * DAY
    kyiv, tbilisi, baku, almaty, tashkent, warsaw = ("Europe/Kyiv", "Asia/Tbilisi", "Asia/Baku", "Asia/Almaty",
                                                     "Asia/Tashkent", "Europe/Warsaw")

    def office(country: str) -> frozenset[dt.date]:
        return frozenset(d for d in steppe_holidays(country) if d.weekday() < 5)

    ge, az, kz, uz = office("Georgia"), office("Azerbaijan"), office("Kazakhstan"), office("Uzbekistan")
    pl = _holiday_dates("PL", None, STEPPE_YEARS, weekdays=True)
    # Kyiv (no public holidays under martial law): account executives (Ukraine's pharmacies and distributors; Ukraine's
    # clinics and hospitals, and Moldova), the sales development rep, customer success and implementation for the west and
    # the Caucasus
    melnyk = b.rep("Oksana Melnyk", kyiv, 9.0, 5.0, hour_sd=0.6, p_random=0.2)
    kovalenko = b.rep("Dmytro Kovalenko", kyiv, 16.5, 6.0, hour_sd=0.7, p_random=0.22)
    bondar = b.rep("Iryna Bondar", kyiv, 8.0, 3.0, hour_sd=0.5, p_random=0.18)
    tkachenko = b.rep("Andrii Tkachenko", kyiv, 11.0, 7.0, hour_sd=0.6, p_random=0.2)
    lysenko = b.rep("Serhii Lysenko", kyiv, 7.5, 3.0, hour_sd=0.5, p_random=0.18)
    # Tbilisi (Georgia and Armenia), Baku, Tashkent
    beridze = b.rep("Nino Beridze", tbilisi, 12.0, 5.0, hour_sd=0.7, p_random=0.22, off=ge)
    aliyev = b.rep("Rashad Aliyev", baku, 10.0, 6.0, hour_sd=0.6, p_random=0.2, off=az)
    karimov = b.rep("Jasur Karimov", tashkent, 17.0, 5.0, hour_sd=0.6, p_random=0.2, off=uz)
    # Almaty: account executives (Kazakhstan's pharmacies and distributors; Kazakhstan's clinics and hospitals, and
    # Kyrgyzstan), the sales development rep, customer success and implementation for Central Asia
    sadykova = b.rep("Aigerim Sadykova", almaty, 9.5, 5.0, hour_sd=0.6, p_random=0.2, off=kz)
    akhmetov = b.rep("Timur Akhmetov", almaty, 14.0, 6.0, hour_sd=0.7, p_random=0.22, off=kz)
    omarova = b.rep("Dana Omarova", almaty, 8.5, 3.0, hour_sd=0.5, p_random=0.18, off=kz)
    seitkali = b.rep("Yerlan Seitkali", almaty, 15.5, 7.0, hour_sd=0.6, p_random=0.2, off=kz)
    zhaksylykov = b.rep("Askar Zhaksylykov", almaty, 7.0, 3.0, hour_sd=0.5, p_random=0.18, off=kz)
    # Warsaw: the demand-forecasting specialist
    wojcik = b.rep("Tomasz Wójcik", warsaw, 13.0, 6.0, hour_sd=0.6, p_random=0.2, off=pl)
    every_ae = [melnyk, kovalenko, beridze, aliyev, karimov, sadykova, akhmetov]
    after_sale = {"west": (tkachenko, lysenko, bondar), "caucasus": (tkachenko, lysenko, bondar),
                  "central asia": (seitkali, zhaksylykov, omarova)}
    segments = {k: Segment(k, p, sd, a, week, every, second=STEPPE_SECOND.get(k))
                for k, (p, sd, a, _, week, every) in STEPPE_SEGMENTS.items()}
    taken: set[str] = set()

    def territory(country: str, sector: str) -> int:
        care = sector in ("private clinic", "public hospital")
        if country == "Ukraine":
            return kovalenko if care else melnyk
        if country == "Kazakhstan":
            return akhmetov if care else sadykova
        return {"Moldova": kovalenko, "Georgia": beridze, "Armenia": beridze, "Azerbaijan": aliyev,
                "Uzbekistan": karimov, "Kyrgyzstan": akhmetov}[country]

    def company(country: str, place: str, sector: str) -> tuple[str, str]:
        for k in range(1000):
            stem = rng.choice(_STEPPE_STEMS[country])
            if k >= 20:
                stem = f"{stem} {rng.choice(_STEPPE_STEMS[country])}"
            if sector == "public hospital":
                base = rng.choice(_STEPPE_HOSPITALS).format(place, rng.randint(1, 12 + k))
            elif sector == "independent pharmacy":
                base = f"{_STEPPE_PHARMACY[country]} {stem}"
            else:
                base = rng.choice(_STEPPE_KINDS[sector]).format(stem)
            if base not in taken:
                taken.add(base)
                plain = sector == "public hospital" or (sector == "independent pharmacy" and rng.random() < 0.5)
                return base + ("" if plain else rng.choice(_STEPPE_FORMS[country])), base
        raise RuntimeError("no company name left")

    def person(ai: int, role: str, country: str, zone: str, owner: int, domain: str) -> _Contact:
        key = _steppe_key(role, country)
        if rng.random() < 0.04:
            title = rng.choice(STEPPE_NAMELESS)
        else:
            title = rng.choice(_STEPPE_TITLES[(role, _weighted(rng, STEPPE_LANGUAGE[country]))])
        c = b.contact(ai, zone, segments[key], owner, STEPPE_SEGMENTS[key][3], title=title)
        first, last, name = _steppe_name(country, rng)
        _rename(w, c, first, last, domain, _STEPPE_LETTERS, name=name)
        c.off = steppe_off(role, country)
        if role in STEPPE_OFFICE and rng.random() < 0.45:
            c.away = _steppe_leave(rng)
            c.off = c.off | _days_away(c.away)
        staff[c.email] = (role, country, w.accounts[ai].sector)
        return c

    for _ in range(_count(scale, 940, 10)):
        country = _weighted(rng, _STEPPE_COUNTRIES)
        market = STEPPE_MARKET[country]
        place = _weighted(rng, {p: s for p, (_, s) in STEPPE_PLACES[country].items()})
        zone = STEPPE_PLACES[country][place][0]
        sector = _weighted(rng, _STEPPE_SECTOR_SHARES)
        low, high = _STEPPE_SIZES[sector]
        employees = int(math.exp(rng.uniform(math.log(low), math.log(high))))
        owner = territory(country, sector) if rng.random() < 0.9 else rng.choice(every_ae)
        csm, consultant, sdr = after_sale[market]
        pace = steppe_pace(country, sector)
        ai = b.account("healthcare", country, employees, owner)
        acc = w.accounts[ai]
        acc.name, base = company(country, place, sector)
        acc.sector, acc.parent = sector, ""
        domain = _domain(base, _STEPPE_LETTERS)
        independent = sector == "independent pharmacy"
        customer = rng.random() < (0.3 if independent else 0.4)
        arrival = begin if rng.random() < 0.7 else begin + rng.uniform(0.0, 400.0) * DAY
        if independent:
            plan = ["owner"] + [_weighted(rng, _STEPPE_ROLES[sector]) for _k in range(rng.choice((0, 0, 1)))]
        else:
            plan = [_weighted(rng, _STEPPE_ROLES[sector]) for _k in range(rng.choice((1, 2, 3, 3, 4) if customer
                                                                                      else (1, 2, 2, 3, 3)))]
        people: list[_Contact] = []
        for k, role in enumerate(plan):
            c = person(ai, role, country, zone, owner, domain)
            if k > 0 and b.cold(0.12 if customer else 0.4):
                continue  # never touched (never an account's first person)
            people.append(c)
            c.inbound = rng.randint(0, 2) if customer and role in STEPPE_OFFICE else 0
        role_of = {c.email: staff[c.email][0] for c in people}

        def having(*roles: str, among: list[_Contact] = people) -> list[_Contact]:
            return [c for c in among if role_of[c.email] in roles]

        office_people = having(*STEPPE_OFFICE, "owner") or people[:1]
        floor = having("pharmacy", "warehouse")
        lines = _STEPPE_LINES[sector]
        forecasting = sector in ("pharmacy chain", "pharmaceutical distributor")
        if customer:
            keys = having("executive", "physician", "procurement", "owner") or people
            for c in rng.sample(keys, min(len(keys), rng.choice((1, 1, 2)))):
                _paced(c, csm, arrival + rng.uniform(0.0, 30.0) * DAY, end, rng.uniform(18.0, 40.0), pace, (0.6, 0.9),
                       react=0.3)
            anniversary = begin + rng.uniform(0.0, 365.0) * DAY
            buyers = having("executive", "procurement", "finance", "owner") or people
            while anniversary - 30 * DAY < end:
                t0 = max(anniversary - rng.uniform(30.0, 60.0) * DAY, arrival)
                t1 = anniversary + rng.uniform(0.0, 10.0) * DAY
                if t1 > begin + 20 * DAY and t0 < min(t1, end - 3 * DAY):
                    di = b.deal(owner, ai, t0, t1)
                    w.deals[di].product, w.deals[di].won = lines[0], rng.random() < 0.88
                    for c in rng.sample(buyers, min(len(buyers), rng.choice((1, 1, 2)))):
                        _paced(c, owner, t0, min(t1, end), w.reps[owner].gap * rng.uniform(0.8, 1.2), pace, (0.65, 0.9),
                               di, 0.4)
                anniversary += 365 * DAY
            n_lines = 1 if independent else 3 if employees >= 2000 else 2 if employees >= 200 else 1
            for _line in range(n_lines):
                t = arrival + rng.uniform(5.0, 120.0) * DAY
                while t < end - 10 * DAY and rng.random() < 0.65:
                    dur = rng.uniform(30.0, 100.0) * DAY
                    di = b.deal(owner, ai, t, t + dur)
                    w.deals[di].product = rng.choice(lines)
                    for c in rng.sample(office_people, min(len(office_people), rng.choice((1, 1, 2, 3)))):
                        _paced(c, owner, t, min(t + dur, end), w.reps[owner].gap * rng.uniform(0.8, 1.25), pace,
                               (0.62, 0.88), di, 0.4)
                    if w.deals[di].won and t + dur < end - 5 * DAY and floor:
                        go = t + dur + rng.uniform(3.0, 15.0) * DAY
                        for c in rng.sample(floor, min(len(floor), rng.randint(1, 3))):
                            _paced(c, consultant, go, min(go + rng.uniform(21.0, 56.0) * DAY, end), rng.uniform(2.0, 4.0),
                                   pace, (0.5, 0.85), di, 0.3)
                    t += dur + rng.uniform(30.0, 150.0) * DAY
            experts = having("executive", "procurement", "warehouse", "it")
            if forecasting and experts and rng.random() < 0.35:
                t = arrival + rng.uniform(10.0, 300.0) * DAY
                if t < end - 10 * DAY:
                    dur = rng.uniform(30.0, 90.0) * DAY
                    di = b.deal(wojcik, ai, t, t + dur)
                    w.deals[di].product = _STEPPE_SPECIALIST
                    for c in rng.sample(experts, min(len(experts), rng.choice((1, 2)))):
                        _paced(c, wojcik, t, min(t + dur, end), w.reps[wojcik].gap * rng.uniform(0.8, 1.2), pace,
                               (0.75, 0.92), di)
            for c in office_people:
                if not c.threads and rng.random() < 0.6:
                    _paced(c, csm, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(30.0, 60.0), pace,
                           (0.72, 0.95), react=0.3)
        else:
            b.sequences(office_people, sdr, arrival, 0.7, 300.0, (60.0, 150.0), (0.75, 1.0))
            tenders = having("procurement", "physician")
            if sector == "public hospital" and tenders:  # the tender season: the account executive's bursts
                for c in tenders:
                    start = _clock(dt.date(2025, 10, 1), 12 * 3600, c.tz) + rng.uniform(0.0, 20.0) * DAY
                    if rng.random() < 0.6:
                        c.threads.append(_Bursts(owner, start, _clock(dt.date(2025, 12, 15), 12 * 3600, c.tz), (3, 5),
                                                 (2.0, 3.0, 4.0), (12.0, 20.0), mix=(0.55, 0.9), react=0.35))
            deciders = having("executive", "owner", "physician")
            if deciders and rng.random() < 0.35:
                _paced(rng.choice(deciders), owner, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(28.0, 49.0),
                       pace, (0.65, 0.95))
            b.further_deal(ai, owner, arrival, office_people, lines, _paced, pace, (0.62, 0.88),
                           (wojcik, _STEPPE_SPECIALIST, (0.75, 0.92)) if forecasting else None)
        for c in people:
            if customer and market == "central asia" and role_of[c.email] in STEPPE_OFFICE and rng.random() < 0.25:
                after = _clock(STEPPE_FORUM, 12 * 3600, w.reps[owner].tz) + rng.uniform(1.0, 6.0) * DAY
                if arrival < after < end:
                    c.threads.append(_Once(owner, w.place(owner, after, rng)))
            if not c.threads:
                who = csm if customer else sdr
                c.threads.append(_Once(who, w.place(who, rng.uniform(arrival, end - DAY), rng)))
    w.simulate()
    w.auto_replies()
    return w


# --------------------------------------------------------------------------------------------------------
# 29. Core-banking software for savings co-operatives and microlenders in East and Southern Africa (kept aside)

SAVANNA_CODES = {"Kenya": "KE", "Uganda": "UG", "Tanzania": "TZ", "Rwanda": "RW", "Ethiopia": "ET", "South Africa": "ZA",
                 "Zambia": "ZM", "Malawi": "MW", "Mozambique": "MZ"}
SAVANNA_MARKET = {"Kenya": "east", "Uganda": "east", "Tanzania": "east", "Rwanda": "east", "Ethiopia": "horn",
                  "South Africa": "south", "Zambia": "south", "Malawi": "south", "Mozambique": "south"}
# country -> (time zone, places and their shares of the country's accounts)
SAVANNA_PLACES: dict[str, tuple[str, dict[str, float]]] = {
    "Kenya": ("Africa/Nairobi", {"Nairobi": 0.5, "Mombasa": 0.12, "Nakuru": 0.12, "Eldoret": 0.1, "Kisumu": 0.1,
                                 "Meru": 0.06}),
    "Uganda": ("Africa/Kampala", {"Kampala": 0.6, "Mbarara": 0.15, "Gulu": 0.1, "Jinja": 0.15}),
    "Tanzania": ("Africa/Dar_es_Salaam", {"Dar es Salaam": 0.55, "Arusha": 0.2, "Mwanza": 0.15, "Dodoma": 0.1}),
    "Rwanda": ("Africa/Kigali", {"Kigali": 0.7, "Musanze": 0.15, "Huye": 0.15}),
    "Ethiopia": ("Africa/Addis_Ababa", {"Addis Ababa": 0.6, "Bahir Dar": 0.15, "Hawassa": 0.15, "Adama": 0.1}),
    "South Africa": ("Africa/Johannesburg", {"Johannesburg": 0.5, "Cape Town": 0.2, "Durban": 0.2, "Polokwane": 0.1}),
    "Zambia": ("Africa/Lusaka", {"Lusaka": 0.7, "Ndola": 0.2, "Kitwe": 0.1}),
    "Malawi": ("Africa/Blantyre", {"Lilongwe": 0.55, "Blantyre": 0.45}),
    "Mozambique": ("Africa/Maputo", {"Maputo": 0.65, "Beira": 0.2, "Nampula": 0.15}),
}
SAVANNA_SECTORS = ("savings and credit co-operative", "microfinance bank", "microfinance institution", "digital lender")
SAVANNA_COOP = SAVANNA_SECTORS[0]
SAVANNA_PRODUCTS = ("Core Banking", "Mobile Banking & USSD", "Mobile-Money Integration", "Loan Origination",
                    "Agency Banking", "Payroll Check-off", "Regulatory Reporting", "Credit Scoring")
_SAVANNA_LINES = {SAVANNA_COOP: ("Core Banking", "Mobile Banking & USSD", "Mobile-Money Integration", "Payroll Check-off",
                                 "Regulatory Reporting"),
                  "microfinance bank": ("Core Banking", "Mobile Banking & USSD", "Agency Banking", "Loan Origination",
                                        "Regulatory Reporting"),
                  "microfinance institution": ("Core Banking", "Loan Origination", "Mobile-Money Integration",
                                               "Agency Banking"),
                  "digital lender": ("Loan Origination", "Mobile-Money Integration", "Regulatory Reporting")}
_SAVANNA_SPECIALIST = SAVANNA_PRODUCTS[7]  # what the specialist in London sells to the banks and lenders (not co-operatives)
SAVANNA_OFFICE = ("executive", "branch", "credit", "finance", "ict", "operations")  # staff: off on public holidays
SAVANNA_OFF = -3.0  # a touch on one of the contact's days off (a public holiday of a staff member, a day away)
SAVANNA_FREE_DAY = 0.3  # a touch to a board member on a public holiday (a day free of the day job)
SAVANNA_MONTH_END = -0.55  # finance people from the 26th to the 3rd (the payroll check-off remittances, the month's close)
SAVANNA_ARREARS = -0.35  # credit people in the last four days of the month (chasing the month's repayments)
SAVANNA_AGM = -0.3  # executives and board members of the co-operatives in March and April (the annual general meetings)
SAVANNA_YEAR_END = -0.5  # staff in the east from 20 December to 2 January (home upcountry)
SAVANNA_SHUTDOWN = -0.8  # staff in the south from 15 December to 9 January (the long year-end shutdown)
SAVANNA_PAGUME = -0.5  # Ethiopia's staff from 6 to 12 September (Pagume, the thirteenth month, and the New Year)
SAVANNA_FISCAL = -0.45  # Ethiopia's finance people from 1 to 20 July (the fiscal year closing on 7 July)
SAVANNA_KWIBUKA = -0.6  # everyone in Rwanda from 7 to 13 April (Kwibuka, the week of mourning)
SAVANNA_UMUGANDA = -1.0  # everyone in Rwanda on the last Saturday of the month before 12:00 (Umuganda, community work)
SAVANNA_CONFERENCE = dt.date(2025, 9, 18)  # the vendor's user conference in Nairobi (Thursday)
SAVANNA_YEARS = (2024, 2025, 2026)
# role (or role/market): peak, sd, amp, share of contacts peaking 2-3 hours off, weekdays (Monday..Sunday), whether the
# reply clock runs every day
SAVANNA_SEGMENTS: dict[str, tuple[float, float, float, float, tuple[float, ...], bool]] = {
    "executive/east": (6.75, 1.0, 1.5, 0.25, (-0.1, 0.1, 0.1, 0.05, -0.2, -1.0, -1.3), False),
    "executive/horn": (10.0, 1.1, 1.45, 0.25, (0.0, 0.1, 0.1, 0.05, -0.3, -0.7, -1.3), False),
    "executive/south": (15.5, 1.0, 1.5, 0.25, (-0.2, 0.1, 0.1, 0.05, -0.45, -1.1, -1.3), False),
    "founder": (21.0, 3.0, 0.9, 0.4, (0.0, 0.05, 0.05, 0.0, -0.15, -0.3, -0.2), True),
    "board": (20.0, 1.2, 1.4, 0.3, (0.0, 0.0, 0.0, 0.0, -0.2, 0.3, -0.3), True),
    "branch": (7.5, 0.8, 1.4, 0.15, (0.1, 0.0, 0.0, 0.0, 0.0, -0.2, -1.3), True),
    "credit": (6.5, 0.9, 1.5, 0.2, (0.1, 0.1, 0.05, 0.0, -0.1, -0.5, -1.3), False),
    "finance": (10.5, 0.9, 1.45, 0.25, (0.0, 0.1, 0.1, 0.05, -0.2, -1.1, -1.3), False),
    "ict": (14.0, 3.3, 0.95, 0.4, (0.0, 0.1, 0.15, 0.1, -0.2, -0.9, -1.1), False),
    "operations": (9.0, 1.0, 1.4, 0.25, (0.15, 0.1, 0.05, 0.0, -0.3, -1.1, -1.3), False),
}
SAVANNA_SECOND = {"branch": (9.5, 0.9, 1.1),  # after the banking hall closes, at 17:00
                  "credit": (13.0, 1.0, 0.9)}  # back from the field, at 19:30
SAVANNA_FIXED = {"board": (13.0, 0.6, 0.8)}  # the lunch hour at the day job, the same for every board member
SAVANNA_SPLIT = ("executive",)  # the roles whose hours differ by market
# Titles by role and language (en everywhere; sw in Kenya, Uganda and Tanzania; fr and rw in Rwanda; am in Ethiopia; pt
# in Mozambique; af in South Africa). "board" is a co-operative's elected chair, treasurer, secretary or member of the
# board, "branch" the manager of a branch, "credit" a credit manager or a loan officer, "founder" a digital lender's.
_SAVANNA_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("executive", "en"): ("CEO", "Chief Executive Officer", "General Manager", "GM", "Managing Director",
                          "Executive Director"),
    ("executive", "sw"): ("Meneja Mkuu", "Mkurugenzi Mtendaji", "Mkurugenzi Mkuu"),
    ("executive", "fr"): ("Directeur Général", "Directrice Générale", "Gérant"),
    ("executive", "rw"): ("Umuyobozi Mukuru",),
    ("executive", "am"): ("ዋና ሥራ አስኪያጅ", "ሥራ አስኪያጅ", "ዋና ዳይሬክተር"),
    ("executive", "pt"): ("Director Executivo", "Directora Executiva", "Director Geral", "PCE"),
    ("executive", "af"): ("Besturende Direkteur", "Hoof Uitvoerende Beampte"),
    ("founder", "en"): ("Founder", "Co-Founder", "Founder & CEO", "Co-founder & Managing Director"),
    ("founder", "sw"): ("Mwanzilishi",),
    ("founder", "pt"): ("Fundador", "Sócio-Fundador"),
    ("founder", "af"): ("Stigter", "Medestigter"),
    ("board", "en"): ("Chairman", "Chairperson", "Board Chair", "Vice Chairman", "Treasurer", "Hon. Secretary",
                      "Board Member"),
    ("board", "sw"): ("Mwenyekiti", "Mwenyekiti wa Bodi", "Makamu Mwenyekiti", "Mweka Hazina", "Katibu wa Bodi",
                      "Mjumbe wa Bodi"),
    ("board", "fr"): ("Président du Conseil d'Administration", "Trésorier", "Membre du Conseil"),
    ("board", "rw"): ("Perezida w'Inama y'Ubuyobozi", "Umubitsi"),
    ("board", "am"): ("የቦርድ ሰብሳቢ", "የቦርድ አባል", "ገንዘብ ያዥ"),
    ("board", "pt"): ("Presidente do Conselho de Administração", "Presidente da Direcção", "Tesoureiro"),
    ("board", "af"): ("Voorsitter", "Tesourier", "Raadslid"),
    ("branch", "en"): ("Branch Manager", "BM", "Branch Operations Manager", "Head of Branch"),
    ("branch", "sw"): ("Meneja wa Tawi", "Meneja Tawi"),
    ("branch", "fr"): ("Chef d'Agence", "Directeur d'Agence"),
    ("branch", "rw"): ("Umuyobozi w'Ishami",),
    ("branch", "am"): ("የቅርንጫፍ ሥራ አስኪያጅ", "የቅርንጫፍ ኃላፊ"),
    ("branch", "pt"): ("Gestor de Agência", "Chefe de Agência", "Gerente de Balcão"),
    ("branch", "af"): ("Takbestuurder",),
    ("credit", "en"): ("Credit Manager", "Loans Officer", "Loan Officer", "LO", "Credit Officer", "Head of Credit",
                       "Relationship Officer"),
    ("credit", "sw"): ("Afisa Mikopo", "Meneja wa Mikopo", "Afisa Mikopo Mwandamizi"),
    ("credit", "fr"): ("Chargé de Crédit", "Responsable Crédit", "Agent de Crédit"),
    ("credit", "rw"): ("Ushinzwe Inguzanyo",),
    ("credit", "am"): ("የብድር ኦፊሰር", "የብድር ክፍል ኃላፊ"),
    ("credit", "pt"): ("Oficial de Crédito", "Gestor de Crédito", "Técnica de Crédito"),
    ("credit", "af"): ("Kredietbeampte", "Kredietbestuurder"),
    ("finance", "en"): ("Finance Manager", "FM", "Chief Accountant", "Accountant", "CFO", "Head of Finance"),
    ("finance", "sw"): ("Mhasibu", "Mhasibu Mkuu", "Meneja wa Fedha"),
    ("finance", "fr"): ("Comptable", "Directeur Financier", "Chef Comptable"),
    ("finance", "rw"): ("Umucungamari",),
    ("finance", "am"): ("ዋና የሂሳብ ሹም", "የሂሳብ ሠራተኛ", "የፋይናንስ ኃላፊ"),
    ("finance", "pt"): ("Contabilista", "Director Financeiro", "Directora Financeira"),
    ("finance", "af"): ("Rekenmeester", "Finansiële Bestuurder", "Hoofrekenmeester"),
    ("ict", "en"): ("ICT Manager", "IT Manager", "Head of IT", "CTO", "Systems Administrator", "ICT Officer"),
    ("ict", "sw"): ("Afisa TEHAMA", "Meneja wa TEHAMA"),
    ("ict", "fr"): ("Responsable Informatique", "Informaticien"),
    ("ict", "am"): ("የአይሲቲ ኃላፊ", "የኢንፎርሜሽን ቴክኖሎጂ ባለሙያ"),
    ("ict", "pt"): ("Técnico de Informática", "Director de TI", "Gestor de Sistemas"),
    ("ict", "af"): ("IT-Bestuurder",),
    ("operations", "en"): ("Operations Manager", "Head of Operations", "COO", "Operations Officer"),
    ("operations", "sw"): ("Meneja wa Uendeshaji", "Afisa Uendeshaji"),
    ("operations", "fr"): ("Directeur des Opérations", "Responsable des Opérations"),
    ("operations", "am"): ("የኦፕሬሽን ኃላፊ",),
    ("operations", "pt"): ("Director de Operações", "Gestor de Operações"),
    ("operations", "af"): ("Bedryfsbestuurder",),
}
SAVANNA_ROLE = {t: role for (role, _), titles in _SAVANNA_TITLES.items() for t in titles}
SAVANNA_NAMELESS = ("-", "N/A", "Staff", "Mfanyakazi", "Member", "Funcionário")  # titles that name no job
# the languages of the titles in each country and their shares (a role without titles in the language: English)
SAVANNA_LANGUAGE: dict[str, dict[str, float]] = {
    "Kenya": {"en": 0.85, "sw": 0.15}, "Uganda": {"en": 0.92, "sw": 0.08}, "Tanzania": {"sw": 0.55, "en": 0.45},
    "Rwanda": {"en": 0.45, "fr": 0.35, "rw": 0.2}, "Ethiopia": {"am": 0.55, "en": 0.45},
    "South Africa": {"en": 0.88, "af": 0.12}, "Zambia": {"en": 1.0}, "Malawi": {"en": 1.0},
    "Mozambique": {"pt": 0.85, "en": 0.15},
}
# people's given and family names; Ethiopia's as (romanised, Ge'ez script) given names, the second the father's
_SAVANNA_PEOPLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Kenya": (("James", "Grace", "Peter", "Mercy", "John", "Faith", "David", "Esther", "Samuel", "Lucy", "Joseph",
               "Caroline", "Dennis", "Winnie", "Collins", "Purity"),
              ("Mwangi", "Kamau", "Otieno", "Odhiambo", "Wanjiku", "Kiprop", "Chebet", "Mutua", "Njoroge", "Wambua",
               "Ochieng", "Kiptoo", "Wafula", "Barasa", "Muthoni", "Karanja")),
    "Uganda": (("Brian", "Sarah", "Ronald", "Joan", "Moses", "Patience", "Isaac", "Prossy", "Denis", "Winnie", "Ivan",
                "Harriet"),
               ("Mukasa", "Nakato", "Ssempala", "Namutebi", "Okello", "Akello", "Tumusiime", "Byaruhanga", "Kato",
                "Nansubuga", "Mugisha", "Atuhaire")),
    "Tanzania": (("Neema", "Baraka", "Rehema", "Juma", "Amina", "Emmanuel", "Upendo", "Godfrey", "Halima", "Frank",
                  "Zawadi", "Hamisi"),
                 ("Mushi", "Massawe", "Mollel", "Kimaro", "Mwakyusa", "Lyimo", "Shirima", "Mrema", "Temba", "Swai",
                  "Msuya", "Mwamba")),
    "Rwanda": (("Jean-Claude", "Aline", "Eric", "Clarisse", "Emmanuel", "Diane", "Patrick", "Josiane", "Olivier",
                "Divine", "Innocent", "Solange"),
               ("Habimana", "Uwimana", "Mukamana", "Niyonsaba", "Nshimiyimana", "Uwase", "Mugisha", "Ndayisaba",
                "Ingabire", "Hakizimana", "Mutesi", "Nsengiyumva")),
    "South Africa": (("Thabo", "Lerato", "Sipho", "Nomvula", "Johan", "Annelie", "Pieter", "Zanele", "Mandla",
                      "Refilwe", "Ruan", "Marelize", "Kagiso", "Naledi"),
                     ("Nkosi", "Dlamini", "Ndlovu", "Khumalo", "Mokoena", "van der Merwe", "Botha", "Pretorius",
                      "Naidoo", "Mahlangu", "Molefe", "du Plessis", "Nel", "Sithole")),
    "Zambia": (("Mutale", "Chileshe", "Mwila", "Bupe", "Kelvin", "Natasha", "Gift", "Chipo", "Brian", "Memory"),
               ("Mwansa", "Banda", "Phiri", "Tembo", "Mulenga", "Chanda", "Zulu", "Lungu", "Mwale", "Bwalya")),
    "Malawi": (("Chikondi", "Thokozani", "Mphatso", "Tiwonge", "Kondwani", "Chisomo", "Blessings", "Madalitso"),
               ("Banda", "Phiri", "Chirwa", "Mkandawire", "Kamwendo", "Gondwe", "Nyirenda", "Msiska")),
    "Mozambique": (("João", "Maria", "Armando", "Celeste", "Hélio", "Lurdes", "Nelson", "Ana", "Carlos", "Sónia",
                    "Edson", "Felizarda"),
                   ("Macuácua", "Cossa", "Mondlane", "Sitoe", "Nhantumbo", "Tembe", "Matsinhe", "Langa", "Mabunda",
                    "Muianga")),
}
_SAVANNA_ETHIOPIANS = (("Abebe", "አበበ"), ("Selam", "ሰላም"), ("Dawit", "ዳዊት"), ("Meron", "ሜሮን"), ("Yonas", "ዮናስ"),
                       ("Hana", "ሐና"), ("Bereket", "በረከት"), ("Tigist", "ትዕግስት"), ("Samuel", "ሳሙኤል"),
                       ("Mahlet", "ማህሌት"), ("Henok", "ሄኖክ"), ("Liya", "ሊያ"))
_SAVANNA_FATHERS = (("Bekele", "በቀለ"), ("Tesfaye", "ተስፋዬ"), ("Haile", "ኃይሌ"), ("Girma", "ግርማ"), ("Alemu", "አለሙ"),
                    ("Tadesse", "ታደሰ"), ("Mekonnen", "መኮንን"), ("Asfaw", "አስፋው"), ("Getachew", "ጌታቸው"),
                    ("Worku", "ወርቁ"), ("Kebede", "ከበደ"), ("Desta", "ደስታ"))
_SAVANNA_GEEZ = 0.3  # the share of Ethiopians whose name the CRM has in Ge'ez script
_SAVANNA_FAMILY_FIRST = 0.4  # the share of Rwandans whose name the CRM has family name first
_SAVANNA_STEMS = {
    "Kenya": ("Umoja", "Tumaini", "Jamii", "Imani", "Faraja", "Maendeleo", "Bidii", "Nuru", "Amani", "Mavuno", "Tegemeo",
              "Mwangaza", "Jitegemee", "Ushindi", "Baraka", "Hazina"),
    "Uganda": ("Tweyambe", "Kwagalana", "Obumu", "Twekembe", "Munno", "Bataka", "Ekitangaala", "Tukolere", "Nnalubaale",
               "Rwenzori", "Kyaddondo", "Bugisu"),
    "Tanzania": ("Mshikamano", "Tumaini", "Kilimanjaro", "Neema", "Upendo", "Mwanga", "Serengeti", "Pamoja", "Uzalendo",
                 "Juhudi", "Mafanikio", "Nyota"),
    "Rwanda": ("Twisungane", "Inkingi", "Icyerekezo", "Ubumwe", "Urumuri", "Isange", "Imbere Heza", "Duterimbere",
               "Agaciro", "Iterambere", "Intambwe", "Umucyo"),
    "Ethiopia": ("Abay", "Tana", "Entoto", "Fana", "Tesfa", "Meklit", "Sheba", "Lalibela", "Biruh", "Adey", "Gohe",
                 "Hiwot"),
    "South Africa": ("Ubuntu", "Masakhane", "Sizwe", "Khanyisa", "Thuthuka", "Imbali", "Vukani", "Kopano", "Ikageng",
                     "Bophelo", "Letsatsi", "Fynbos"),
    "Zambia": ("Kafue", "Luangwa", "Zambezi", "Mukuba", "Mosi", "Tusekelela", "Chipego", "Lwitikila", "Kalulu", "Bwino"),
    "Malawi": ("Chuma", "Mlimi", "Tsogolo", "Chilungamo", "Mphamvu", "Mwayi", "Kukula", "Chiyembekezo", "Dzuka",
               "Mulanje"),
    "Mozambique": ("Esperança", "Xiluva", "Tsembeka", "Kuvumbana", "Horizonte", "Futuro", "Limpopo", "Save", "Lhuvuko",
                   "Rovuma", "Zambeze", "Acácia"),
}
# how the CRM names a company of each sector ({s}: a stem, {p}: the place), and where a country names it otherwise
_SAVANNA_KINDS: dict[str, tuple[str, ...]] = {
    SAVANNA_COOP: ("{s} SACCO Ltd", "{s} Savings and Credit Co-operative", "{p} Teachers SACCO"),
    "microfinance bank": ("{s} Microfinance Bank Ltd", "{s} Microfinance Bank PLC"),
    "microfinance institution": ("{s} Microfinance Ltd", "{s} Microcredit Ltd", "{s} Financial Services Ltd"),
    "digital lender": ("{s} Credit Ltd", "{s} Digital Credit Ltd", "{s} Capital Ltd"),
}
_SAVANNA_LOCAL_KINDS: dict[tuple[str, str], tuple[str, ...]] = {
    (SAVANNA_COOP, "Kenya"): ("{s} Sacco Society Ltd", "{s} DT Sacco Ltd", "{p} Teachers Sacco", "{p} Farmers Sacco"),
    (SAVANNA_COOP, "Tanzania"): ("{s} SACCOS Ltd", "{p} Walimu SACCOS", "{s} SACCOS"),
    (SAVANNA_COOP, "Rwanda"): ("Umurenge SACCO {s}", "{s} SACCO", "COOPEC {s}"),
    (SAVANNA_COOP, "Ethiopia"): ("{s} Savings and Credit Cooperative Union", "{s} SACCO"),
    (SAVANNA_COOP, "South Africa"): ("{s} Co-operative Financial Institution", "{s} Financial Services Co-operative"),
    (SAVANNA_COOP, "Mozambique"): ("Cooperativa de Poupança e Crédito {s}", "Caixa Cooperativa {s}"),
    ("microfinance bank", "South Africa"): ("{s} Mutual Bank",),
    ("microfinance bank", "Mozambique"): ("Microbanco {s}, S.A.",),
    ("microfinance bank", "Ethiopia"): ("{s} Microfinance Bank S.C.",),
    ("microfinance institution", "Ethiopia"): ("{s} Microfinance Institution S.C.",),
    ("microfinance institution", "South Africa"): ("{s} Microfinance (Pty) Ltd", "{s} Microlenders (Pty) Ltd"),
    ("microfinance institution", "Mozambique"): ("{s} Microfinanças, Lda.", "{s} Microcrédito, Lda."),
    ("digital lender", "South Africa"): ("{s} Lending (Pty) Ltd", "{s} Fintech (Pty) Ltd"),
    ("digital lender", "Mozambique"): ("{s} Crédito Digital, Lda.",),
}
_SAVANNA_COUNTRIES = {"Kenya": 0.3, "Uganda": 0.12, "Tanzania": 0.13, "Rwanda": 0.08, "Ethiopia": 0.1,
                      "South Africa": 0.11, "Zambia": 0.07, "Malawi": 0.04, "Mozambique": 0.05}
_SAVANNA_SECTOR_SHARES = {SAVANNA_COOP: 0.42, "microfinance bank": 0.15, "microfinance institution": 0.28,
                          "digital lender": 0.15}
_SAVANNA_SIZES = {SAVANNA_COOP: (8, 600), "microfinance bank": (60, 2500), "microfinance institution": (15, 1500),
                  "digital lender": (10, 400)}
# the people an account has, by sector (only a co-operative has a board, only a digital lender founders)
_SAVANNA_ROLES: dict[str, dict[str, float]] = {
    SAVANNA_COOP: {"executive": 0.22, "board": 0.2, "branch": 0.12, "credit": 0.16, "finance": 0.16, "ict": 0.09,
                   "operations": 0.05},
    "microfinance bank": {"executive": 0.2, "branch": 0.2, "credit": 0.18, "finance": 0.14, "ict": 0.14,
                          "operations": 0.14},
    "microfinance institution": {"executive": 0.25, "credit": 0.3, "branch": 0.1, "finance": 0.15, "ict": 0.08,
                                 "operations": 0.12},
    "digital lender": {"founder": 0.3, "executive": 0.15, "ict": 0.25, "finance": 0.12, "operations": 0.18},
}


def _savanna_key(role: str, country: str) -> str:
    """A contact's segment: the role read from the title and, for executives, the market."""
    return f"{role}/{SAVANNA_MARKET[country]}" if role in SAVANNA_SPLIT else role


def savanna_holidays(country: str) -> frozenset[dt.date]:
    """Every day in the history's years that is a public holiday of ``country``, whatever the weekday."""
    return _holiday_dates(SAVANNA_CODES[country], None, SAVANNA_YEARS)


def savanna_off(role: str, country: str) -> frozenset[dt.date]:
    """A contact's public days off: the country's public holidays for the staff, none for board members and founders."""
    return savanna_holidays(country) if role in SAVANNA_OFFICE else frozenset()


def _last_days(day: dt.date, n: int) -> bool:
    """Whether ``day`` is one of the last ``n`` days of its month."""
    return (day + dt.timedelta(days=n)).month != day.month


def _savanna_season(role: str, country: str, sector: str, loc: dt.datetime) -> float:
    """The log-odds of a reply by the contact's local moment besides the weekday and the days off (see the world's
    description)."""
    day = loc.date()
    m, d = day.month, day.day
    z = 0.0
    if role == "board" and day in savanna_holidays(country):
        z += SAVANNA_FREE_DAY
    if country == "Rwanda":
        if m == 4 and 7 <= d <= 13:
            z += SAVANNA_KWIBUKA
        if day.weekday() == 5 and _last_days(day, 7) and loc.hour < 12:
            z += SAVANNA_UMUGANDA
    if role in ("executive", "board") and sector == SAVANNA_COOP and m in (3, 4):
        z += SAVANNA_AGM
    if role == "finance":
        if d >= 26 or d <= 3:
            z += SAVANNA_MONTH_END
        if country == "Ethiopia" and m == 7 and d <= 20:
            z += SAVANNA_FISCAL
    if role == "credit" and _last_days(day, 4):
        z += SAVANNA_ARREARS
    if role not in SAVANNA_OFFICE:
        return z
    market = SAVANNA_MARKET[country]
    if market == "south" and ((m == 12 and d >= 15) or (m == 1 and d <= 9)):
        z += SAVANNA_SHUTDOWN
    elif market == "east" and ((m == 12 and d >= 20) or (m == 1 and d <= 2)):
        z += SAVANNA_YEAR_END
    elif market == "horn" and m == 9 and 6 <= d <= 12:
        z += SAVANNA_PAGUME
    return z


def savanna_pace(country: str, sector: str) -> Callable[[float], float]:
    """Gap multiplier of a rep's cadence to a contact by the date: the reps write less over the year-end (20 December to
    6 January, 1.8; in the south from 15 December to 12 January, 2.0), in Holy Week and Easter week 2025 (14 to 25 April,
    1.4), in Ethiopia from 6 to 12 September (1.5) and to the co-operatives in March and April (the general meetings,
    1.25)."""
    south = SAVANNA_MARKET[country] == "south"
    ethiopia = country == "Ethiopia"
    coop = sector == SAVANNA_COOP

    def pace(t: float) -> float:
        day = dt.datetime.fromtimestamp(t, UTC).date()
        m, d = day.month, day.day
        if south and ((m == 12 and d >= 15) or (m == 1 and d <= 12)):
            return 2.0
        if (m == 12 and d >= 20) or (m == 1 and d <= 6):
            return 1.8
        if dt.date(2025, 4, 14) <= day <= dt.date(2025, 4, 25):
            return 1.4
        if ethiopia and m == 9 and 6 <= d <= 12:
            return 1.5
        if coop and m in (3, 4):
            return 1.25
        return 1.0

    return pace


def _savanna_leave(rng: random.Random, market: str) -> tuple[tuple[dt.date, dt.date], ...]:
    """A staff member's annual leave (first day away, day back, both weekdays): in the south two or three weeks from a
    weekday between 8 and 19 December 2025; elsewhere one or two weeks from a weekday in August 2025 (the school
    holidays) or between 15 and 22 December 2025."""
    if market == "south":
        start = dt.date(2025, 12, 8) + dt.timedelta(days=rng.randint(0, 11))
        weeks = rng.choice((2, 3, 3))
    elif rng.random() < 0.5:
        start = dt.date(2025, 8, 4) + dt.timedelta(days=rng.randint(0, 18))
        weeks = rng.choice((1, 2, 2))
    else:
        start = dt.date(2025, 12, 15) + dt.timedelta(days=rng.randint(0, 7))
        weeks = rng.choice((1, 2, 2))
    return (_away(start, 7 * weeks),)


def _savanna_name(country: str, rng: random.Random) -> tuple[str, str, str | None]:
    """(romanised given name, family or father's name, the name as the CRM writes it when otherwise: in Ge'ez script
    for some Ethiopians, family name first for some Rwandans)."""
    if country == "Ethiopia":
        (first, first_w), (father, father_w) = rng.choice(_SAVANNA_ETHIOPIANS), rng.choice(_SAVANNA_FATHERS)
        return first, father, (f"{first_w} {father_w}" if rng.random() < _SAVANNA_GEEZ else None)
    firsts, lasts = _SAVANNA_PEOPLE[country]
    first, last = rng.choice(firsts), rng.choice(lasts)
    if country == "Rwanda" and rng.random() < _SAVANNA_FAMILY_FIRST:
        return first, last, f"{last.upper()} {first}"
    return first, last, None


def savanna(scale: float = 1.0, seed: int = 2929) -> PlantedWorld:
    """Kept aside for a final check. A vendor of core-banking software for savings co-operatives and microlenders (core
    banking, mobile banking and USSD, mobile-money integration, loan origination, agency banking, payroll check-off,
    regulatory reporting and, from a specialist, credit scoring) selling to savings and credit co-operatives (SACCOs,
    45% of the 960 accounts at scale 1), microfinance banks (15%), microfinance institutions (28%) and digital lenders
    (12%; none in Ethiopia) in East and Southern Africa: Kenya (29%), Uganda (12%), Tanzania (13%) and Ethiopia (8%) on
    East Africa Time (UTC+3), Rwanda (8%), South Africa (12%), Zambia (8%), Malawi (4%) and Mozambique (5%) on UTC+2,
    none with daylight saving, contacts in their country's zone. About fifteen months of history, from 31 December 2024
    to Wednesday 1 April 2026 (05:00 UTC: 08:00 in Nairobi, Kampala, Dar es Salaam and Addis Ababa, 07:00 in Kigali,
    Johannesburg, Lusaka, Blantyre and Maputo); the ten days after the end hold Easter, kept differently in each
    country: Good Friday (3 April) and Easter Monday (6 April, Family Day in South Africa) are off in Kenya, Uganda,
    Tanzania, Rwanda, South Africa, Zambia (Holy Saturday and Easter Sunday too) and Malawi; Tuesday 7 April is Karume
    Day in Tanzania, Women's Day in Mozambique (which keeps no Easter holiday) and, in Rwanda, the Genocide Memorial Day
    that opens Kwibuka, the week of mourning to 13 April; Ethiopia works through that Easter and stops on its Orthodox
    Good Friday a week later (10 April, Fasika on 12 April); the co-operatives' general-meeting season is still on.
    Company names follow the country and the sector (Tumaini DT Sacco Ltd, Mombasa Teachers Sacco, Pamoja SACCOS Ltd,
    Dar es Salaam Walimu SACCOS, Umurenge SACCO Isange, COOPEC Ubumwe, Tana Microfinance Institution S.C., Sizwe
    Co-operative Financial Institution, Microbanco Esperança, S.A., Faraja Microfinance Bank PLC, Kafue Credit Ltd), and
    so do people's names (Ethiopians by given and father's name, 30% of them in Ge'ez script, ሰላም ተስፋዬ; 40% of
    Rwandans family name first, HABIMANA Eric). An account has one to four people: executives, founders (digital
    lenders only), the elected board members of the co-operatives (chairs, treasurers, secretaries: only at a
    co-operative), branch managers, credit managers and loan officers, finance managers and accountants, ICT and
    operations. The titles are in English (everywhere, alone in Zambia and Malawi), Swahili (55% in Tanzania, 15% in
    Kenya, 8% in Uganda), French (35%) and Kinyarwanda (20%) in Rwanda, Amharic (55% in Ethiopia, in Ge'ez script),
    Portuguese (85% in Mozambique) or Afrikaans (12% in South Africa), a role without a title in the language taking an
    English one; about 150 at scale 1, each naming one of eight roles, with the abbreviations a CRM fills in (CEO, GM,
    Meneja Mkuu, Directeur Général, Umuyobozi Mukuru, ዋና ሥራ አስኪያጅ, Director Executivo, Besturende Direkteur; Founder,
    Mwanzilishi, Fundador; Chairman, Mwenyekiti, Mweka Hazina, Trésorier, Umubitsi, የቦርድ ሰብሳቢ, Tesoureiro, Voorsitter;
    Branch Manager, BM, Meneja wa Tawi, Chef d'Agence, Gestor de Agência, Takbestuurder; Loan Officer, LO, Afisa
    Mikopo, Chargé de Crédit, Ushinzwe Inguzanyo, የብድር ኦፊሰር, Oficial de Crédito, Kredietbeampte; Finance Manager, FM,
    Mhasibu, Comptable, Umucungamari, ዋና የሂሳብ ሹም, Contabilista, Rekenmeester; ICT Manager, Afisa TEHAMA, Responsable
    Informatique, Técnico de Informática; Operations Manager, Meneja wa Uendeshaji, Bedryfsbestuurder); 4% name no job
    (Staff, Mfanyakazi, Member, Funcionário, N/A, -). Segments from the role read from the title and, for executives,
    the market (east: Kenya, Uganda, Tanzania, Rwanda; horn: Ethiopia; south), ten of them: executives in the east at
    06:45, before the commute, in Ethiopia at 10:00 (a half-day on Saturday, -0.7), in the south at 15:30 (weak on
    Friday, -0.45); loan officers and credit managers at 06:30, before they go out to the borrowers, and again at 19:30,
    back from the field (a second bump, 0.9); branch managers at 07:30, before the banking hall opens, and at 17:00,
    once it has closed (a second bump, 1.1), six days a week (the reply clock runs every day; Saturday -0.2, Sunday
    -1.3);
    operations at 09:00 (best on Monday, +0.15); finance at 10:30; board members, who hold a day job, at 20:00 and at
    13:00 in their lunch hour (a bump at that clock hour, 0.8, the same for every board member, that no shift of their
    own moves), every day of the week and best on Saturday (+0.3); founders broadly at 21:00 (sd 3 h) and every day;
    ICT broadly at 14:00 (sd 3.3 h); the others narrow (sd 0.8-1.2 h). About 24% of the contacts peak 2-3 hours off
    their segment's (15% of the branch managers, 40% of the founders and ICT). The calendar: staff (all but board
    members and founders) do not answer on their country's public holidays, read from the holidays package (Eid
    al-Fitr, Madaraka, Mashujaa and Jamhuri Days in Kenya, Uganda's election days of January 2026, Nane Nane and Saba
    Saba in Tanzania, Umuganura in Rwanda, Ethiopia's Christmas on 7 January, Timket, Enkutatash and Meskel, South
    Africa's Heritage Day, Mozambique's Christmas kept as Family Day): -3.0 on the log-odds, the reply clock stopped;
    board members answer a little more on a public holiday, free of their day job (+0.3). Finance people answer less
    from the 26th to the 3rd of the next month (the payroll check-off remittances and the month's close, -0.55) and in
    Ethiopia from 1 to 20 July (the fiscal year closing on 7 July, -0.45); credit people in the last four days of a
    month (chasing the month's repayments, -0.35); executives and board members of the co-operatives in March and
    April (the general meetings, -0.3); staff in the east from 20 December to 2 January (-0.5), in the south from 15
    December to 9 January (the long shutdown, -0.8), in Ethiopia from 6 to 12 September (Pagume, the thirteenth month,
    and the New Year, -0.5); everyone in Rwanda from 7 to 13 April (Kwibuka, -0.6) and on the last Saturday of the
    month before 12:00 (Umuganda, the morning of community work, -1.0). 45% of the staff in the south take two or
    three weeks of leave from a weekday between 8 and 19 December 2025, 30% of the others one or two weeks in August or
    from mid-December 2025 (days off, with an automatic reply naming the day back; a rep who gets one waits for that
    day). Reps in eight offices, each with a habitual hour on their own clock and a sixth to a quarter of their touches
    at another hour: account executives in Nairobi (Kenya's co-operatives at 09:00; Kenya's banks and lenders, and
    Uganda, at 14:30), Dar es Salaam (15:00), Kigali (10:00), Addis Ababa (09:30), Johannesburg (South Africa, 08:30),
    Lusaka (Zambia and Malawi, 13:00) and Maputo (16:00), one account in ten owned by another; customer success in
    Nairobi (11:00; the east and Ethiopia) and Johannesburg (10:00; the south); implementation consultants in Nairobi
    (07:00) and Johannesburg (07:30) who train the branch managers and loan officers; sales development in Nairobi
    (08:00, working through Kenya's holidays and keeping a few Saturdays) and Johannesburg (08:00); and the
    credit-scoring specialist in London (11:00, on British time with its daylight saving). Every rep but Nairobi's
    sales development rep keeps the office's public holidays. About 40% of the accounts are customers: a success manager keeps in touch
    with one or two executives, founders, operations people or board members every two and a half to six weeks; the
    account executive works the renewal before each anniversary; one to three lines of deals side by side (two from 100
    employees, three from 1,000), each of one to three months with one to three executives, founders, finance, ICT or
    operations people, one to five months apart; a won deal gets the branches and the loan officers trained, the
    consultant touching one to three of them every two to four days for three to eight weeks; 35% of the banks and
    lenders get a credit-scoring deal from the specialist. Prospects get the sales development sequences (70% of their
    executives, founders, finance, ICT, operations people and board members) (three to six steps two to four days apart,
    again two to five months later); an account
    executive keeps in touch with an executive or a founder every four to seven weeks in a third of them, and a deal in
    a third (the specialist joining a third of those at the banks and lenders). A co-operative's board members get, each
    year with a chance of 60%, the account executive's bursts from mid-January to the end of February (two to four touches
    three to five days apart, again 10-18 days later: the budget and the general meeting's agenda). A quarter of the
    customers' staff outside the south get an e-mail in the week after the vendor's user conference in Nairobi (18
    September 2025). The reps write less over the year-end (20 December to 6 January, 1.8 times the gap; in the south
    15 December to 12 January, 2.0), in Holy Week and Easter week 2025 (1.4), in Ethiopia from 6 to 12 September (1.5)
    and to the co-operatives in March and April (1.25). A touch the same day as the last does badly (-0.9), two to
    twelve days after it does best (+0.15 to +0.3, most at five days) and long silences cost (-0.45 from six months);
    fatigue counts six days; unanswered touches in a row cost more and more (-0.9 from six); a reply in the last two
    days helps (+0.5, gone after a week); a person never touched answers less (-0.45); calls do better than e-mails
    (+0.3), meetings much better (+0.8). About 39% of the touches come from a rep in another time zone than the
    contact's; each segment's four busiest hours of the contact's clock hold 50-70% of its touches; 14% of the touched
    contacts are in two deals at once for a while; a touched contact gets 11 touches at the median (1 at the 10th
    percentile, 40 at the 90th, up to about 130), 37% of them six or fewer and 24% a single one. About 59% of the
    touches are e-mails, 32% calls and 9% meetings. About 30,000 touches at scale 1, about 2,150 contacts, about 14% of
    them never touched."""
    staff: dict[str, tuple[str, str, str]] = {}  # by e-mail: role, country, sector

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        role, country, sector = staff[c.email]
        return _savanna_season(role, country, sector, loc)

    fx = Effects(
        base=-1.05,
        gap=_pl((0.0, -0.9), (0.5, -0.55), (1.0, -0.15), (2.0, 0.15), (5.0, 0.3), (12.0, 0.15), (45.0, 0.0),
                (180.0, -0.45)),
        cold=-0.45,
        fatigue_days=6.0,
        fatigue=(0.0, -0.1, -0.25, -0.45, -0.7, -0.95),
        streak=(0.0, -0.15, -0.3, -0.45, -0.6, -0.75, -0.9),
        recent=_pl((0.0, 0.5), (2.0, 0.5), (7.0, 0.0)),
        night=-1.2,
        channel=(0.0, 0.3, 0.8),
        delay=Delay(((0.4, 1.5), (0.35, 8.0), (0.25, 30.0)), floor=0.1),
        responsiveness_sd=0.6,
        holiday=SAVANNA_OFF,
        calendar=calendar,
    )
    w = PlantedWorld("savanna", _doc(savanna), fx, dt.datetime(2026, 4, 1, 5, 0, tzinfo=UTC), seed)
    w.history_days = 470.0
    rng = random.Random(seed)
    b = _Builder(w, rng)
    end = w.end_ts
    begin = end - 455 * DAY
    nairobi, dar, kigali, addis, joburg, lusaka, maputo, london = (
        "Africa/Nairobi", "Africa/Dar_es_Salaam", "Africa/Kigali", "Africa/Addis_Ababa", "Africa/Johannesburg",
        "Africa/Lusaka", "Africa/Maputo", "Europe/London")

    def office(country: str) -> frozenset[dt.date]:
        return frozenset(d for d in savanna_holidays(country) if d.weekday() < 5)

    ke, za = office("Kenya"), office("South Africa")
    gb = _holiday_dates("GB", "ENG", SAVANNA_YEARS, weekdays=True)
    # Nairobi: account executives (Kenya's co-operatives; Kenya's banks and lenders, and Uganda), the sales development
    # rep (who works through the holidays and keeps some Saturdays), customer success and implementation for the east and
    # Ethiopia
    kamau = b.rep("Wanjiru Kamau", nairobi, 9.0, 5.0, hour_sd=0.6, p_random=0.2, off=ke)
    otieno = b.rep("Brian Otieno", nairobi, 14.5, 6.0, hour_sd=0.8, p_random=0.25, off=ke)
    njeri = b.rep("Faith Njeri", nairobi, 8.0, 3.0, hour_sd=0.5, p_random=0.15, weekend=0.15)
    mwangi = b.rep("Kevin Mwangi", nairobi, 11.0, 7.0, hour_sd=0.6, p_random=0.2, off=ke)
    kiprono = b.rep("Peter Kiprono", nairobi, 7.0, 3.0, hour_sd=0.5, p_random=0.18, off=ke)
    # Dar es Salaam, Kigali, Addis Ababa, Lusaka (Zambia and Malawi), Maputo
    mushi = b.rep("Neema Mushi", dar, 15.0, 5.0, hour_sd=0.7, p_random=0.22, off=office("Tanzania"))
    habimana = b.rep("Eric Habimana", kigali, 10.0, 6.0, hour_sd=0.6, p_random=0.2, off=office("Rwanda"))
    tesfaye = b.rep("Selam Tesfaye", addis, 9.5, 6.0, hour_sd=0.7, p_random=0.22, off=office("Ethiopia"))
    mwansa = b.rep("Mutale Mwansa", lusaka, 13.0, 6.0, hour_sd=0.8, p_random=0.25, off=office("Zambia"))
    cossa = b.rep("Hélio Cossa", maputo, 16.0, 6.0, hour_sd=0.7, p_random=0.22, off=office("Mozambique"))
    # Johannesburg: the account executive for South Africa, and sales development, customer success and implementation
    # for the south
    nkosi = b.rep("Thabo Nkosi", joburg, 8.5, 5.0, hour_sd=0.6, p_random=0.2, off=za)
    botha = b.rep("Annelie Botha", joburg, 10.0, 7.0, hour_sd=0.6, p_random=0.2, off=za)
    dlamini = b.rep("Zanele Dlamini", joburg, 8.0, 3.0, hour_sd=0.5, p_random=0.15, off=za)
    ndlovu = b.rep("Sipho Ndlovu", joburg, 7.5, 3.0, hour_sd=0.5, p_random=0.18, off=za)
    # London: the credit-scoring specialist
    hartley = b.rep("Oliver Hartley", london, 11.0, 6.0, hour_sd=0.6, p_random=0.2, off=gb)
    every_ae = [kamau, otieno, mushi, habimana, tesfaye, nkosi, mwansa, cossa]
    after_sale = {"east": (mwangi, kiprono, njeri), "horn": (mwangi, kiprono, njeri), "south": (botha, ndlovu, dlamini)}
    segments = {k: Segment(k, p, sd, a, week, every, second=SAVANNA_SECOND.get(k), fixed=SAVANNA_FIXED.get(k))
                for k, (p, sd, a, _, week, every) in SAVANNA_SEGMENTS.items()}
    taken: set[str] = set()

    def territory(country: str, sector: str) -> int:
        if country == "Kenya":
            return kamau if sector == SAVANNA_COOP else otieno
        return {"Uganda": otieno, "Tanzania": mushi, "Rwanda": habimana, "Ethiopia": tesfaye, "South Africa": nkosi,
                "Zambia": mwansa, "Malawi": mwansa, "Mozambique": cossa}[country]

    def company(country: str, place: str, sector: str) -> str:
        kinds = _SAVANNA_LOCAL_KINDS.get((sector, country), _SAVANNA_KINDS[sector])

        def make(k: int) -> str:
            stem = _stem(rng, _SAVANNA_STEMS[country], k)
            return rng.choice(kinds).format(s=stem, p=place)

        return _unique(taken, make)

    def person(ai: int, role: str, country: str, owner: int, domain: str) -> _Contact:
        key = _savanna_key(role, country)
        if rng.random() < 0.04:
            title = rng.choice(SAVANNA_NAMELESS)
        else:
            lang = _weighted(rng, SAVANNA_LANGUAGE[country])
            title = rng.choice(_SAVANNA_TITLES.get((role, lang)) or _SAVANNA_TITLES[(role, "en")])
        c = b.named(ai, SAVANNA_PLACES[country][0], segments[key], owner, SAVANNA_SEGMENTS[key][3], title, domain,
                    _savanna_name, country, savanna_off(role, country))
        if role in SAVANNA_OFFICE and rng.random() < (0.45 if SAVANNA_MARKET[country] == "south" else 0.3):
            _on_leave(c, _savanna_leave(rng, SAVANNA_MARKET[country]))
        staff[c.email] = (role, country, w.accounts[ai].sector)
        return c

    for _ in range(_count(scale, 960, 10)):
        country = _weighted(rng, _SAVANNA_COUNTRIES)
        market = SAVANNA_MARKET[country]
        place = _weighted(rng, SAVANNA_PLACES[country][1])
        sector = _weighted(rng, _SAVANNA_SECTOR_SHARES)
        if country == "Ethiopia" and sector == "digital lender":
            sector = "microfinance institution"
        low, high = _SAVANNA_SIZES[sector]
        employees = int(math.exp(rng.uniform(math.log(low), math.log(high))))
        owner = territory(country, sector) if rng.random() < 0.9 else rng.choice(every_ae)
        csm, consultant, sdr = after_sale[market]
        pace = savanna_pace(country, sector)
        ai = b.account("finance", country, employees, owner)
        acc = w.accounts[ai]
        acc.name = company(country, place, sector)
        acc.sector, acc.parent = sector, ""
        domain = _domain(acc.name)
        coop = sector == SAVANNA_COOP
        customer = rng.random() < 0.4
        arrival = begin if rng.random() < 0.7 else begin + rng.uniform(0.0, 400.0) * DAY
        plan = [_weighted(rng, _SAVANNA_ROLES[sector]) for _k in range(rng.choice((1, 2, 3, 3, 4) if customer
                                                                                  else (1, 1, 2, 3, 3)))]
        people: list[_Contact] = []
        for k, role in enumerate(plan):
            c = person(ai, role, country, owner, domain)
            if k > 0 and b.cold(0.12 if customer else 0.4):
                continue  # never touched (never an account's first person)
            people.append(c)
            c.inbound = rng.randint(0, 2) if customer and role in SAVANNA_OFFICE else 0
        role_of = {c.email: staff[c.email][0] for c in people}

        def having(*roles: str, among: list[_Contact] = people) -> list[_Contact]:
            return [c for c in among if role_of[c.email] in roles]

        deciders = having("executive", "founder", "finance", "operations", "ict") or people[:1]
        lines = _SAVANNA_LINES[sector]
        specialist = (hartley, _SAVANNA_SPECIALIST, (0.8, 0.95)) if not coop else None
        if customer:
            b.customer(ai, owner, arrival, begin, pace, success=csm, consultant=consultant,
                       keys=having("executive", "founder", "operations", "board") or people,
                       buyers=having("executive", "founder", "finance") or people, deciders=deciders,
                       floor=having("branch", "credit"), experts=having("executive", "founder", "credit", "ict"),
                       products=lines, n_lines=3 if employees >= 1000 else 2 if employees >= 100 else 1, longest=100.0,
                       specialist=specialist)
        else:
            b.prospect(ai, owner, sdr, arrival, pace, deciders + having("board"), having("executive", "founder"), deciders,
                       lines, specialist)
        # the board season: the account executive's bursts to a co-operative's board before its budget and general
        # meeting, from mid-January to the end of February
        for c in having("board"):
            for year in (2025, 2026):
                if rng.random() < 0.6:
                    start = _clock(dt.date(year, 1, 12), 12 * 3600, c.tz) + rng.uniform(0.0, 14.0) * DAY
                    if start >= arrival:
                        c.threads.append(_Bursts(owner, start, _clock(dt.date(year, 2, 27), 12 * 3600, c.tz), (2, 4),
                                                 (3.0, 4.0, 5.0), (10.0, 18.0), mix=(0.55, 0.95), react=0.35))
        for c in people:
            if customer and market != "south" and role_of[c.email] in SAVANNA_OFFICE and rng.random() < 0.25:
                after = _clock(SAVANNA_CONFERENCE, 12 * 3600, w.reps[owner].tz) + rng.uniform(1.0, 6.0) * DAY
                if arrival < after < end:
                    c.threads.append(_Once(owner, w.place(owner, after, rng)))
            b.untouched(c, csm if customer else sdr, arrival)
    w.simulate()
    w.auto_replies()
    return w



# --------------------------------------------------------------------------------------------------------
# 30. Policy, claims and distribution software for insurers and brokers across the Caribbean (kept aside)

ARCHIPELAGO_ZONES = {"Jamaica": "America/Jamaica", "Trinidad and Tobago": "America/Port_of_Spain",
                     "Barbados": "America/Barbados", "Bahamas": "America/Nassau", "Cayman Islands": "America/Cayman",
                     "Guyana": "America/Guyana", "Saint Lucia": "America/St_Lucia",
                     "Dominican Republic": "America/Santo_Domingo", "Puerto Rico": "America/Puerto_Rico",
                     "Curaçao": "America/Curacao", "Aruba": "America/Aruba", "Martinique": "America/Martinique",
                     "Guadeloupe": "America/Guadeloupe"}
# the holidays package's country (and subdivision) for each country
ARCHIPELAGO_CODES: dict[str, tuple[str, str | None]] = {
    "Jamaica": ("JM", None), "Trinidad and Tobago": ("TT", None), "Barbados": ("BB", None), "Bahamas": ("BS", None),
    "Cayman Islands": ("KY", None), "Guyana": ("GY", None), "Saint Lucia": ("LC", None),
    "Dominican Republic": ("DO", None), "Puerto Rico": ("PR", None), "Curaçao": ("CW", None), "Aruba": ("AW", None),
    "Martinique": ("FR", "MQ"), "Guadeloupe": ("FR", "GP")}
ARCHIPELAGO_MARKET = {"Jamaica": "anglophone", "Trinidad and Tobago": "anglophone", "Barbados": "anglophone",
                      "Bahamas": "anglophone", "Cayman Islands": "anglophone", "Guyana": "anglophone",
                      "Saint Lucia": "anglophone", "Dominican Republic": "hispanophone", "Puerto Rico": "hispanophone",
                      "Curaçao": "antilles", "Aruba": "antilles", "Martinique": "antilles", "Guadeloupe": "antilles"}
ARCHIPELAGO_NORTH = ("Jamaica", "Bahamas", "Cayman Islands")  # the anglophone countries served from Kingston
ARCHIPELAGO_FRENCH = ("Martinique", "Guadeloupe")
ARCHIPELAGO_LIFE, ARCHIPELAGO_GENERAL, ARCHIPELAGO_BROKER, ARCHIPELAGO_GROUP = (
    "life and health insurer", "general insurer", "insurance broker", "insurance group")
ARCHIPELAGO_SECTORS = (ARCHIPELAGO_LIFE, ARCHIPELAGO_GENERAL, ARCHIPELAGO_BROKER, ARCHIPELAGO_GROUP)
# how the CRM words the sectors (in the order of ARCHIPELAGO_SECTORS), in the language of the account's record
ARCHIPELAGO_SECTOR_WORDS: dict[str, tuple[str, str, str, str]] = {
    "en": ("Life & Health Insurance", "General Insurance", "Insurance Brokerage", "Financial Holding"),
    "es": ("Seguros de Vida y Salud", "Seguros Generales", "Corredores de Seguros", "Grupo Financiero"),
    "nl": ("Levensverzekeraar", "Schadeverzekeraar", "Assurantiemakelaar", "Financiële Holding"),
    "fr": ("Assurance Vie et Santé", "Assurance IARD", "Courtage d'Assurance", "Holding Financière"),
}
ARCHIPELAGO_SECTOR = {word: sector for words in ARCHIPELAGO_SECTOR_WORDS.values()
                      for word, sector in zip(words, ARCHIPELAGO_SECTORS, strict=True)}
ARCHIPELAGO_SMALL = 25  # employees: a brokerage under it is run by its owner, who sells
ARCHIPELAGO_PRODUCTS = ("Policy Administration", "Claims Management", "Agent & Broker Portal", "Customer Self-Service",
                        "Billing & Collections", "Reinsurance Accounting", "Regulatory Returns", "Broker Management",
                        "Catastrophe Analytics")
_ARCHIPELAGO_SPECIALIST = ARCHIPELAGO_PRODUCTS[8]  # what the specialist in Toronto sells (never to a life insurer)
_ARCHIPELAGO_LINES = {
    ARCHIPELAGO_LIFE: ("Policy Administration", "Agent & Broker Portal", "Billing & Collections", "Claims Management",
                       "Customer Self-Service", "Regulatory Returns"),
    ARCHIPELAGO_GENERAL: ("Policy Administration", "Claims Management", "Agent & Broker Portal",
                          "Reinsurance Accounting", "Regulatory Returns", "Customer Self-Service"),
    ARCHIPELAGO_BROKER: ("Broker Management", "Customer Self-Service", "Claims Management"),
    ARCHIPELAGO_GROUP: ("Regulatory Returns", "Reinsurance Accounting", "Policy Administration"),
}
ARCHIPELAGO_SALES = ("agency", "broker")  # the segments of people who sell: every day, through the public holidays
ARCHIPELAGO_OFF = -3.0  # a touch on one of the contact's days off (a public holiday or a Carnival day of an office
# person, a day away)
ARCHIPELAGO_WORKED_HOLIDAY = -0.3  # a touch to a seller on a public holiday of their country
ARCHIPELAGO_MELISSA = dt.date(2025, 10, 28)  # Hurricane Melissa's landfall in Jamaica
ARCHIPELAGO_BLACKOUT = -1.2  # everyone in Jamaica for twelve days from the landfall (power and networks down)
ARCHIPELAGO_SURGE_END = dt.date(2025, 12, 19)
ARCHIPELAGO_SURGE = -0.8  # on top, the claims people of Jamaica's general insurers and brokers to 19 December 2025
ARCHIPELAGO_CARNIVAL = (dt.date(2025, 3, 3), dt.date(2026, 2, 16))  # Carnival Monday (Ash Wednesday two days later)
ARCHIPELAGO_CARNIVAL_DAYS = {"Trinidad and Tobago": 2, "Martinique": 3, "Guadeloupe": 3}  # days the offices shut from
# Carnival Monday though no law makes them holidays (Monday and Tuesday; the jours gras to Ash Wednesday)
ARCHIPELAGO_FETES = -0.3  # everyone in Trinidad and Tobago in the ten days before Carnival Monday (the fêtes)
ARCHIPELAGO_ASH = -0.5  # everyone in Trinidad and Tobago on Ash Wednesday (the morning after)
ARCHIPELAGO_MAS = -0.8  # the sellers on the days the offices shut for Carnival
ARCHIPELAGO_PACK = -0.5  # finance people of a group's companies from the 1st to the 6th (the group's monthly pack)
ARCHIPELAGO_RETURNS = -0.4  # independents' finance people from the 25th of a quarter's last month to the 10th of the
# next (the regulator's quarterly returns)
ARCHIPELAGO_RENEWALS = -0.45  # underwriters from 12 to 31 May and 8 to 31 December (the 1 June and 1 January
# reinsurance renewals)
ARCHIPELAGO_YEAR_END = -0.5  # office people from 22 December to 2 January (to 6 January in the hispanophone market)
ARCHIPELAGO_HOLY_WEEK = -0.6  # everyone in the hispanophone market from Monday to Wednesday of Holy Week
ARCHIPELAGO_HOLY_MONDAYS = (dt.date(2025, 4, 14), dt.date(2026, 3, 30))
ARCHIPELAGO_YEARS = (2024, 2025, 2026)
# segment: peak, sd, amp, share of contacts peaking 2-3 hours off, weekdays (Monday..Sunday), whether the reply clock
# runs every day
ARCHIPELAGO_SEGMENTS: dict[str, tuple[float, float, float, float, tuple[float, ...], bool]] = {
    "executive/anglophone": (7.0, 1.0, 1.5, 0.25, (-0.1, 0.15, 0.15, 0.05, -0.35, -1.1, -1.3), False),
    "executive/hispanophone": (18.5, 1.1, 1.45, 0.25, (0.0, 0.1, 0.1, 0.05, -0.2, -0.9, -1.3), False),
    "executive/antilles": (11.5, 1.0, 1.4, 0.25, (0.1, 0.1, 0.0, 0.05, -0.3, -1.2, -1.3), False),
    "underwriting": (10.0, 0.9, 1.45, 0.2, (-0.1, 0.15, 0.15, 0.05, -0.25, -1.1, -1.3), False),
    "claims/general": (7.25, 0.9, 1.5, 0.15, (-0.35, 0.1, 0.15, 0.1, -0.05, -0.7, -1.3), False),
    "claims/life": (13.5, 1.2, 1.3, 0.2, (0.0, 0.1, 0.1, 0.05, -0.2, -1.1, -1.3), False),
    "finance/group": (16.5, 1.0, 1.4, 0.25, (-0.3, 0.1, 0.15, 0.1, -0.15, -1.1, -1.3), False),
    "finance/independent": (12.0, 3.2, 0.95, 0.4, (0.05, 0.1, 0.1, 0.0, -0.25, -1.0, -1.3), False),
    "it": (14.5, 3.4, 0.9, 0.4, (0.0, 0.1, 0.15, 0.1, -0.2, -0.9, -1.1), False),
    "operations": (8.0, 0.8, 1.4, 0.15, (0.15, 0.1, 0.05, 0.0, -0.3, -1.1, -1.3), False),
    "agency": (19.0, 1.1, 1.4, 0.3, (-0.1, 0.0, 0.0, 0.0, -0.1, 0.25, -0.6), True),
    "broker": (20.5, 2.8, 1.0, 0.4, (0.0, 0.0, 0.0, 0.0, -0.1, 0.35, 0.1), True),
}
ARCHIPELAGO_SECOND = {"claims/general": (9.75, 1.0, 1.0)}  # back from the day's inspections, at 17:00
# Titles by role and language (en everywhere; es in the Dominican Republic, Puerto Rico and Aruba; nl in Curaçao and
# Aruba; fr in the French Antilles). "distribution" is an insurer's agency managers and advisers or a brokerage's
# producers; an owner's title (ARCHIPELAGO_OWNERS) is found at a small brokerage only.
_ARCHIPELAGO_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("executive", "en"): ("CEO", "Chief Executive Officer", "President & CEO", "Managing Director", "MD",
                          "General Manager", "GM", "Executive Director", "Country Manager", "Principal", "Owner",
                          "Founder & Principal"),
    ("executive", "es"): ("Presidente Ejecutivo", "Gerente General", "Director General", "Vicepresidente Ejecutivo",
                          "VP Ejecutivo", "Presidente", "Propietario", "Socio Fundador"),
    ("executive", "nl"): ("Algemeen Directeur", "Directeur", "Statutair Directeur", "Eigenaar"),
    ("executive", "fr"): ("Directeur Général", "Directrice Générale", "DG", "Président Directeur Général", "PDG",
                          "Gérant", "Gérante"),
    ("underwriting", "en"): ("Underwriting Manager", "Senior Underwriter", "Underwriter", "Chief Underwriting Officer",
                             "CUO", "Head of Underwriting", "AVP Underwriting", "Mgr. Underwriting"),
    ("underwriting", "es"): ("Suscriptor", "Suscriptora Senior", "Gerente de Suscripción", "Director Técnico"),
    ("underwriting", "nl"): ("Acceptant", "Senior Acceptant", "Hoofd Acceptatie"),
    ("underwriting", "fr"): ("Souscripteur", "Responsable Souscription", "Chargée de Souscription"),
    ("claims", "en"): ("Claims Manager", "Claims Officer", "Claims Adjuster", "Head of Claims", "AVP Claims",
                       "Claims Supervisor", "Claims Advocate", "Mgr. Claims"),
    ("claims", "es"): ("Gerente de Reclamaciones", "Ajustador", "Analista de Reclamaciones",
                       "Director de Reclamaciones"),
    ("claims", "nl"): ("Schadebehandelaar", "Hoofd Schade", "Manager Schadeafdeling"),
    ("claims", "fr"): ("Gestionnaire Sinistres", "Responsable Sinistres", "Chef du Service Sinistres"),
    ("finance", "en"): ("CFO", "Chief Financial Officer", "Financial Controller", "FC", "Finance Manager",
                        "Chief Accountant", "Accountant", "VP Finance"),
    ("finance", "es"): ("Contralor", "Gerente Financiero", "Director de Finanzas", "Contador", "Contadora General",
                        "VP de Finanzas"),
    ("finance", "nl"): ("Financieel Directeur", "Controller", "Hoofd Financiën", "Boekhouder"),
    ("finance", "fr"): ("Directeur Administratif et Financier", "DAF", "Responsable Comptable", "Comptable"),
    ("it", "en"): ("IT Manager", "IT Mgr", "Head of IT", "CIO", "Chief Information Officer", "IT Director",
                   "Systems Administrator"),
    ("it", "es"): ("Gerente de TI", "Director de Tecnología", "Gerente de Sistemas", "Administrador de Sistemas"),
    ("it", "nl"): ("ICT Manager", "Hoofd ICT", "Systeembeheerder"),
    ("it", "fr"): ("DSI", "Responsable Informatique", "Directeur des Systèmes d'Information"),
    ("operations", "en"): ("Operations Manager", "Head of Operations", "COO", "Customer Service Manager",
                           "Policy Services Manager", "Office Manager"),
    ("operations", "es"): ("Gerente de Operaciones", "Director de Operaciones", "Gerente de Servicio al Cliente",
                           "Encargada de Pólizas"),
    ("operations", "nl"): ("Operationeel Manager", "Hoofd Klantenservice", "Hoofd Bedrijfsvoering"),
    ("operations", "fr"): ("Responsable des Opérations", "Responsable Service Clients", "Directeur des Opérations"),
    ("distribution", "en"): ("Agency Manager", "Sales Manager", "Unit Manager", "Financial Advisor", "Insurance Advisor",
                             "Account Executive", "Sr. Account Executive", "Producer", "Business Development Manager"),
    ("distribution", "es"): ("Gerente de Ventas", "Gerente de Agencia", "Asesor de Seguros", "Ejecutivo de Cuentas",
                             "Productor"),
    ("distribution", "nl"): ("Verkoopmanager", "Accountmanager", "Assurantieadviseur"),
    ("distribution", "fr"): ("Responsable Commercial", "Conseiller Clientèle", "Chargé d'Affaires"),
}
ARCHIPELAGO_ROLE = {t: role for (role, _), titles in _ARCHIPELAGO_TITLES.items() for t in titles}
ARCHIPELAGO_OWNERS = frozenset({"Principal", "Owner", "Founder & Principal", "Propietario", "Socio Fundador", "Eigenaar",
                                "Gérant", "Gérante"})
ARCHIPELAGO_NAMELESS = ("-", "N/A", "Staff", "TBD", "Empleado", "Medewerker", "Collaborateur")  # titles naming no job
# the languages of the titles, and of the accounts' records, in each country and their shares
ARCHIPELAGO_LANGUAGE: dict[str, dict[str, float]] = {
    "Dominican Republic": {"es": 0.85, "en": 0.15}, "Puerto Rico": {"es": 0.5, "en": 0.5},
    "Curaçao": {"nl": 0.6, "en": 0.4}, "Aruba": {"nl": 0.45, "en": 0.35, "es": 0.2},
    "Martinique": {"fr": 0.95, "en": 0.05}, "Guadeloupe": {"fr": 0.95, "en": 0.05}}
_ARCHIPELAGO_RECORD: dict[str, dict[str, float]] = {
    "Dominican Republic": {"es": 0.9, "en": 0.1}, "Puerto Rico": {"es": 0.55, "en": 0.45},
    "Curaçao": {"nl": 0.65, "en": 0.35}, "Aruba": {"nl": 0.6, "en": 0.4}, "Martinique": {"fr": 1.0},
    "Guadeloupe": {"fr": 1.0}}
# people's given and family names (Guyana's as Trinidad's, Guadeloupe's as Martinique's)
_ARCHIPELAGO_PEOPLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Jamaica": (("Andre", "Kerry-Ann", "Damion", "Shericka", "Marlon", "Tameka", "Omar", "Simone", "Kadian", "Garfield",
                 "Latoya", "Dwayne", "Sasha-Gaye", "Rohan", "Nordia", "Delroy"),
                ("Campbell", "Brown", "Williams", "Thompson", "Reid", "Gordon", "McKenzie", "Bennett", "Forbes", "Grant",
                 "Chin", "Lyn", "Rattray", "Powell", "Henry", "Wright")),
    "Trinidad and Tobago": (("Rajesh", "Anjali", "Kavita", "Ravi", "Nicholas", "Candice", "Shivani", "Stefan", "Giselle",
                             "Jason", "Asha", "Vishnu", "Terrence", "Natalie", "Kristoff", "Vanessa"),
                            ("Maharaj", "Persad", "Ramdial", "Mohammed", "Ali", "Singh", "Rampersad", "Baptiste",
                             "Charles", "De Freitas", "Joseph", "Ramkissoon", "Lee Sing", "Gomes", "Boodoo", "Hosein")),
    "Barbados": (("Ryan", "Shelly-Ann", "Carlos", "Tricia", "Dexter", "Nicole", "Jamar", "Kimberley", "Wendell", "Rhonda",
                  "Ricardo", "Shonelle"),
                 ("Greaves", "Alleyne", "Griffith", "Clarke", "Best", "Gittens", "Harewood", "Babb", "Waithe", "Boyce",
                  "Yearwood", "Cumberbatch")),
    "Bahamas": (("Dion", "Tanya", "Kendrick", "Latisha", "Philip", "Shavonne", "Deon", "Keva", "Tyrone", "Melanie",
                 "Brent", "Charmaine"),
                ("Knowles", "Rolle", "Ferguson", "Smith", "Johnson", "Pinder", "Cartwright", "Moss", "Bethel", "Saunders",
                 "Munnings", "Sands")),
    "Cayman Islands": (("Kirk", "Tricia", "Dwight", "Stacy-Ann", "Alden", "Roxanne", "Wayne", "Jennifer", "Mark", "Shari"),
                       ("Ebanks", "Bodden", "McLaughlin", "Connolly", "Watler", "Rivers", "Scott", "Jackson", "Hydes",
                        "Whittaker")),
    "Saint Lucia": (("Kervin", "Marcia", "Gregory", "Sherlan", "Jude", "Vernette", "Cletus", "Aileen", "Mervin", "Lydia"),
                    ("Joseph", "Charles", "St. Rose", "Auguste", "Emmanuel", "Francis", "Jn Baptiste", "Alexander",
                     "Louis", "Mathurin")),
    "Dominican Republic": (("José", "María", "Juan Carlos", "Ana", "Luis", "Yokasta", "Rafael", "Yanira", "Pedro",
                            "Carmen", "Ramón", "Altagracia", "Franklin", "Yesenia"),
                           ("Rodríguez", "Pérez", "Martínez", "Jiménez", "Santana", "Reyes", "Peña", "Castillo",
                            "Almonte", "Guzmán", "De la Cruz", "Rosario", "Batista", "Tavárez")),
    "Puerto Rico": (("Carlos", "Yamilet", "Luis", "Marisol", "Javier", "Nilda", "Ángel", "Wanda", "Héctor", "Glorimar",
                     "Edwin", "Maritza"),
                    ("Rivera", "Colón", "Vázquez", "Rosado", "Ortiz", "Torres", "Santiago", "Figueroa", "Cruz",
                     "Meléndez", "Rodríguez", "Negrón")),
    "Curaçao": (("Ruben", "Sharine", "Glenn", "Miriam", "Edsel", "Yvonne", "Raymond", "Ingrid", "Jair", "Gisette",
                 "Roderick", "Natasha"),
                ("Martina", "Rojer", "Winklaar", "Maduro", "Römer", "Statia", "de Windt", "Girigorie", "Pieternella",
                 "Isenia", "Koeiman", "Doran")),
    "Aruba": (("Ruben", "Sharine", "Glenn", "Miriam", "Edsel", "Yvonne", "Raymond", "Ingrid", "Jair", "Gisette",
               "Roderick", "Natasha"),
              ("Croes", "Kock", "Tromp", "Wever", "Arends", "Geerman", "Lacle", "Thiel", "Ras", "Werleman", "Dijkhoff",
               "Oduber")),
    "Martinique": (("Jean-Marc", "Sandrine", "Christophe", "Nathalie", "Fabrice", "Sylvie", "Patrick", "Marie-Line",
                    "Ludovic", "Karine", "Franck", "Josiane"),
                   ("Joseph", "Laguerre", "Bellance", "Louis-Joseph", "Marie-Sainte", "Saint-Louis", "Jean-Baptiste",
                    "Régis", "Célestine", "Fortuné", "Bellemare", "Zébus")),
}
_ARCHIPELAGO_NAME_POOL = {"Guyana": "Trinidad and Tobago", "Guadeloupe": "Martinique"}
ARCHIPELAGO_TWO_SURNAMES = {"Dominican Republic": 0.55, "Puerto Rico": 0.35}  # the shares the CRM writes with both
ARCHIPELAGO_FAMILY_FIRST = 0.35  # the share of the French Antilles' people the CRM writes FAMILY NAME first
_ARCHIPELAGO_STEMS = {
    "Jamaica": ("Blue Mahoe", "Lignum Vitae", "Dunn's River", "Mandeville", "Liguanea", "Port Royal", "Rio Cobre",
                "Cockpit", "Montego", "Yallahs", "Doctor Bird", "Blue Mountain"),
    "Trinidad and Tobago": ("Scarlet Ibis", "Chaconia", "Maracas", "Caroni", "Northern Range", "Pitch Lake", "Tamana",
                            "Balisier", "Moruga", "Paria", "Chaguaramas", "Buccoo"),
    "Barbados": ("Flying Fish", "Bathsheba", "Carlisle", "Speightstown", "Pelican", "Cherry Tree", "Garrison", "Holetown",
                 "Bajan", "Farley Hill"),
    "Bahamas": ("Lucayan", "Exuma", "Conch", "Andros", "Bimini", "Eleuthera", "Abaco", "Flamingo", "Junkanoo",
                "Nassau Harbour"),
    "Cayman Islands": ("Seven Mile", "Stingray", "Bodden Town", "Rum Point", "Silver Thatch", "North Sound",
                       "Blue Iguana", "Brac"),
    "Guyana": ("Demerara", "Essequibo", "Kaieteur", "Berbice", "Rupununi", "Stabroek", "Kanuku", "Pomeroon"),
    "Saint Lucia": ("Pitons", "Soufrière", "Castries", "Rodney Bay", "Morne", "Vieux Fort", "Gros Islet"),
    "Dominican Republic": ("Ozama", "Quisqueya", "Cibao", "Yaque", "Higüey", "Samaná", "Caonabo", "Atlántida",
                           "Altamira", "Enriquillo", "Macorís", "Constanza"),
    "Puerto Rico": ("Borinquen", "El Yunque", "Coquí", "Guajataca", "Cordillera", "Boriken", "Isla Verde",
                    "La Parguera", "Toa", "Camuy"),
    "Curaçao": ("Hato", "Punda", "Otrobanda", "Christoffel", "Shete Boka", "Kura Hulanda", "Blenchi", "Santa Barbara"),
    "Aruba": ("Arikok", "Hooiberg", "Palm Beach", "Boca", "Shiribana", "Savaneta", "Balashi", "Noord"),
    "Martinique": ("Pelée", "Diamant", "Madinina", "Caravelle", "Trinité", "Lamentin", "Carbet", "Sainte-Anne"),
    "Guadeloupe": ("Karukera", "Basse-Terre", "Marie-Galante", "Gosier", "Saintes", "Deshaies", "Grands Fonds",
                   "Petit-Bourg"),
}
_ARCHIPELAGO_GROUP_STEMS = ("Windward", "Leeward", "Tradewind", "Anchor", "Lighthouse", "Horizon", "Cornerstone",
                            "Frigate", "Antilia", "Tropic", "Keystone", "Sargasso", "Calypso", "Mangrove", "Hibiscus",
                            "Poinciana", "Sea Grape", "Albatross", "Compass Rose", "Tamarind", "Guango", "Breadfruit",
                            "Cascadura", "Sunsplash", "Caribe", "Mariner", "Heron", "Palmetto", "Galleon", "Coral Bay",
                            "Bluewater", "Seabreeze", "Harbourview", "Starfish", "Longitude", "Equinox", "Caravel",
                            "Kingfisher", "Sandpiper", "Trident", "Schooner", "Moonstone", "Silk Cotton", "Cedar Valley",
                            "Mahogany", "Ironwood", "Flambeau", "Sugar Apple", "Egret", "Spyglass")
# how the CRM names a company of each sector in the record's language ({s}: a stem)
_ARCHIPELAGO_KINDS: dict[tuple[str, str], tuple[str, ...]] = {
    (ARCHIPELAGO_LIFE, "en"): ("{s} Life Assurance Company Limited", "{s} Life Insurance Ltd", "{s} Life & Health Limited"),
    (ARCHIPELAGO_GENERAL, "en"): ("{s} General Insurance Company Limited", "{s} Insurance Company Ltd",
                                  "{s} Fire & General Insurance Ltd", "{s} Mutual Insurance"),
    (ARCHIPELAGO_BROKER, "en"): ("{s} Insurance Brokers Ltd", "{s} Insurance Agency", "{s} Risk Advisors Ltd",
                                 "{s} & Associates Insurance Brokers"),
    (ARCHIPELAGO_GROUP, "en"): ("{s} Financial Holdings Limited", "{s} Group Limited"),
    (ARCHIPELAGO_LIFE, "es"): ("{s} Seguros de Vida, S.A.", "Seguros {s} Vida y Salud, S.A."),
    (ARCHIPELAGO_GENERAL, "es"): ("Seguros {s}, S.A.", "{s} Compañía de Seguros, S.A.", "Cooperativa de Seguros {s}"),
    (ARCHIPELAGO_BROKER, "es"): ("{s} Corredores de Seguros, S.R.L.", "{s} Agencia de Seguros", "Corretaje {s}, S.R.L."),
    (ARCHIPELAGO_GROUP, "es"): ("Grupo {s}, S.A.",),
    (ARCHIPELAGO_LIFE, "nl"): ("{s} Levensverzekering N.V.",),
    (ARCHIPELAGO_GENERAL, "nl"): ("{s} Schadeverzekering N.V.", "{s} Verzekeringen N.V."),
    (ARCHIPELAGO_BROKER, "nl"): ("{s} Assurantiën B.V.", "Assurantiekantoor {s}"),
    (ARCHIPELAGO_GROUP, "nl"): ("{s} Groep N.V.",),
    (ARCHIPELAGO_LIFE, "fr"): ("{s} Vie Antilles", "Mutuelle {s}"),
    (ARCHIPELAGO_GENERAL, "fr"): ("{s} Assurances", "Compagnie d'Assurances {s}"),
    (ARCHIPELAGO_BROKER, "fr"): ("Cabinet {s} Courtage", "{s} Courtage SARL"),
    (ARCHIPELAGO_GROUP, "fr"): ("Groupe {s} SA",),
}
# how a group names a subsidiary in the record's language ({g}: the group's stem, {c}: the country)
_ARCHIPELAGO_SUBSIDIARY_KINDS: dict[tuple[str, str], str] = {
    (ARCHIPELAGO_LIFE, "en"): "{g} Life ({c}) Limited", (ARCHIPELAGO_GENERAL, "en"): "{g} General Insurance ({c}) Limited",
    (ARCHIPELAGO_BROKER, "en"): "{g} Insurance Brokers ({c}) Limited",
    (ARCHIPELAGO_LIFE, "es"): "{g} Vida {c}, S.A.", (ARCHIPELAGO_GENERAL, "es"): "Seguros {g} {c}, S.A.",
    (ARCHIPELAGO_BROKER, "es"): "{g} Corredores {c}, S.R.L.",
    (ARCHIPELAGO_LIFE, "nl"): "{g} Levensverzekering {c} N.V.", (ARCHIPELAGO_GENERAL, "nl"): "{g} Verzekeringen {c} N.V.",
    (ARCHIPELAGO_BROKER, "nl"): "{g} Assurantiën {c} B.V.",
    (ARCHIPELAGO_LIFE, "fr"): "{g} Vie {c}", (ARCHIPELAGO_GENERAL, "fr"): "{g} Assurances {c}",
    (ARCHIPELAGO_BROKER, "fr"): "{g} Courtage {c}",
}
_ARCHIPELAGO_PLACE = {("Dominican Republic", "es"): "Dominicana", ("Cayman Islands", "en"): "Cayman"}  # a country in
# a company's name, by the record's language, when not its own name
_ARCHIPELAGO_COUNTRIES = {"Jamaica": 0.15, "Trinidad and Tobago": 0.14, "Barbados": 0.08, "Bahamas": 0.07,
                          "Cayman Islands": 0.05, "Guyana": 0.04, "Saint Lucia": 0.04, "Dominican Republic": 0.14,
                          "Puerto Rico": 0.1, "Curaçao": 0.06, "Aruba": 0.04, "Martinique": 0.05, "Guadeloupe": 0.04}
# where the groups have their head office, and where each home's groups have subsidiaries besides
_ARCHIPELAGO_HOMES = {"Trinidad and Tobago": 0.3, "Jamaica": 0.25, "Barbados": 0.13, "Bahamas": 0.07,
                      "Puerto Rico": 0.07, "Dominican Republic": 0.06, "Curaçao": 0.06, "Martinique": 0.06}
_ARCHIPELAGO_REACH = {"Trinidad and Tobago": ("Barbados", "Saint Lucia", "Guyana", "Jamaica"),
                      "Jamaica": ("Cayman Islands", "Bahamas", "Trinidad and Tobago"),
                      "Barbados": ("Saint Lucia", "Trinidad and Tobago", "Guyana"), "Bahamas": ("Cayman Islands",),
                      "Puerto Rico": ("Dominican Republic",), "Dominican Republic": ("Puerto Rico",),
                      "Curaçao": ("Aruba",), "Martinique": ("Guadeloupe",)}
_ARCHIPELAGO_SECTOR_SHARES = {ARCHIPELAGO_LIFE: 0.2, ARCHIPELAGO_GENERAL: 0.32, ARCHIPELAGO_BROKER: 0.48}
_ARCHIPELAGO_SIZES = {ARCHIPELAGO_LIFE: (80, 2500), ARCHIPELAGO_GENERAL: (25, 900), ARCHIPELAGO_BROKER: (3, 250),
                      ARCHIPELAGO_GROUP: (20, 400)}
# the people an account has, by sector
_ARCHIPELAGO_ROLES: dict[str, dict[str, float]] = {
    ARCHIPELAGO_LIFE: {"executive": 0.2, "underwriting": 0.12, "claims": 0.16, "finance": 0.14, "it": 0.11,
                       "operations": 0.11, "distribution": 0.16},
    ARCHIPELAGO_GENERAL: {"executive": 0.2, "underwriting": 0.18, "claims": 0.2, "finance": 0.13, "it": 0.1,
                          "operations": 0.1, "distribution": 0.09},
    ARCHIPELAGO_BROKER: {"executive": 0.35, "distribution": 0.3, "claims": 0.1, "operations": 0.15, "finance": 0.07,
                         "it": 0.03},
    ARCHIPELAGO_GROUP: {"executive": 0.4, "finance": 0.35, "it": 0.15, "underwriting": 0.1},
}


def archipelago_key(role: str, sector: str, country: str, employees: int, grouped: bool) -> str:
    """A contact's segment from what the CRM holds: the role read from the title; for executives the market of the
    account's country (the owner of a brokerage under ARCHIPELAGO_SMALL employees sells, as a broker); for claims people
    the sector (a life and health insurer's, or a general insurer's and a brokerage's); for finance people whether the
    account belongs to a group (names a parent in subsidiary_of, or is named as one); for the people who sell whether
    they sell for an insurer (agency) or a brokerage (broker)."""
    if role == "executive":
        if sector == ARCHIPELAGO_BROKER and employees < ARCHIPELAGO_SMALL:
            return "broker"
        return f"executive/{ARCHIPELAGO_MARKET[country]}"
    if role == "claims":
        return "claims/life" if sector == ARCHIPELAGO_LIFE else "claims/general"
    if role == "finance":
        return "finance/group" if grouped else "finance/independent"
    if role == "distribution":
        return "broker" if sector == ARCHIPELAGO_BROKER else "agency"
    return role


def archipelago_holidays(country: str) -> frozenset[dt.date]:
    """Every day in the history's years that is a public holiday of ``country`` (its own calendar, the French one with
    the Antilles' days for Martinique and Guadeloupe, the United States' with Puerto Rico's), whatever the weekday."""
    code, subdiv = ARCHIPELAGO_CODES[country]
    return _holiday_dates(code, subdiv, ARCHIPELAGO_YEARS)


@functools.cache
def archipelago_carnival(country: str) -> frozenset[dt.date]:
    """The days the offices of ``country`` shut for Carnival though no law makes them public holidays: Carnival Monday
    and Tuesday in Trinidad and Tobago, the jours gras from Carnival Monday to Ash Wednesday in the French Antilles."""
    n = ARCHIPELAGO_CARNIVAL_DAYS.get(country, 0)
    return frozenset(monday + dt.timedelta(days=k) for monday in ARCHIPELAGO_CARNIVAL for k in range(n))


def archipelago_off(key: str, country: str) -> frozenset[dt.date]:
    """A contact's public days off: the country's public holidays and Carnival days for the office people, none for the
    people who sell."""
    return frozenset() if key in ARCHIPELAGO_SALES else archipelago_holidays(country) | archipelago_carnival(country)


def _archipelago_season(key: str, country: str, loc: dt.datetime) -> float:
    """The log-odds of a reply by the contact's local moment besides the weekday and the days off (see the world's
    description)."""
    day = loc.date()
    m, d = day.month, day.day
    market = ARCHIPELAGO_MARKET[country]
    selling = key in ARCHIPELAGO_SALES
    z = 0.0
    if selling and day in archipelago_holidays(country):
        z += ARCHIPELAGO_WORKED_HOLIDAY
    if selling and day in archipelago_carnival(country):
        z += ARCHIPELAGO_MAS
    if country == "Jamaica" and ARCHIPELAGO_MELISSA <= day < ARCHIPELAGO_MELISSA + dt.timedelta(days=12):
        z += ARCHIPELAGO_BLACKOUT
    if key == "claims/general" and country == "Jamaica" and ARCHIPELAGO_MELISSA <= day <= ARCHIPELAGO_SURGE_END:
        z += ARCHIPELAGO_SURGE
    if country == "Trinidad and Tobago":
        for monday in ARCHIPELAGO_CARNIVAL:
            if monday - dt.timedelta(days=10) <= day < monday:
                z += ARCHIPELAGO_FETES
            elif day == monday + dt.timedelta(days=2):
                z += ARCHIPELAGO_ASH
    if key == "finance/group" and d <= 6:
        z += ARCHIPELAGO_PACK
    if key == "finance/independent" and ((m in (3, 6, 9, 12) and d >= 25) or (m in (1, 4, 7, 10) and d <= 10)):
        z += ARCHIPELAGO_RETURNS
    if key == "underwriting" and ((m == 5 and d >= 12) or (m == 12 and d >= 8)):
        z += ARCHIPELAGO_RENEWALS
    if market == "hispanophone" and any(monday <= day <= monday + dt.timedelta(days=2)
                                        for monday in ARCHIPELAGO_HOLY_MONDAYS):
        z += ARCHIPELAGO_HOLY_WEEK
    if not selling and ((m == 12 and d >= 22) or (m == 1 and d <= (6 if market == "hispanophone" else 2))):
        z += ARCHIPELAGO_YEAR_END
    return z


def archipelago_pace(country: str) -> Callable[[float], float]:
    """Gap multiplier of a rep's cadence to a contact in ``country`` by the date: the reps write less over the year-end
    (20 December to 6 January, 1.8), in Holy Week and Easter week 2025 (14 to 21 April, 1.4), to Trinidad and Tobago
    and the French Antilles from a week before Carnival Monday to Ash Wednesday (1.6), and to Jamaica for four weeks
    after Hurricane Melissa's landfall (28 October to 24 November 2025, 3.0)."""
    carnival = country in ARCHIPELAGO_CARNIVAL_DAYS
    jamaica = country == "Jamaica"

    def pace(t: float) -> float:
        day = dt.datetime.fromtimestamp(t, UTC).date()
        m, d = day.month, day.day
        if (m == 12 and d >= 20) or (m == 1 and d <= 6):
            return 1.8
        if jamaica and ARCHIPELAGO_MELISSA <= day <= ARCHIPELAGO_MELISSA + dt.timedelta(days=27):
            return 3.0
        if carnival and any(monday - dt.timedelta(days=7) <= day <= monday + dt.timedelta(days=2)
                            for monday in ARCHIPELAGO_CARNIVAL):
            return 1.6
        if dt.date(2025, 4, 14) <= day <= dt.date(2025, 4, 21):
            return 1.4
        return 1.0

    return pace


def _archipelago_leave(rng: random.Random, country: str) -> tuple[tuple[dt.date, dt.date], ...]:
    """An office person's annual leave (first day away, day back, both weekdays): in the French Antilles three or four
    weeks from a weekday between 7 July and 1 August 2025; in Curaçao and Aruba two or three weeks from one between 1 July
    and 15 August 2025; elsewhere one or two weeks from one between 14 July and 18 August 2025 or, for two in five,
    between 15 and 22 December 2025."""
    if country in ARCHIPELAGO_FRENCH:
        start, weeks = dt.date(2025, 7, 7) + dt.timedelta(days=rng.randint(0, 25)), rng.choice((3, 3, 4))
    elif ARCHIPELAGO_MARKET[country] == "antilles":
        start, weeks = dt.date(2025, 7, 1) + dt.timedelta(days=rng.randint(0, 45)), rng.choice((2, 3))
    elif rng.random() < 0.6:
        start, weeks = dt.date(2025, 7, 14) + dt.timedelta(days=rng.randint(0, 35)), rng.choice((1, 2, 2))
    else:
        start, weeks = dt.date(2025, 12, 15) + dt.timedelta(days=rng.randint(0, 7)), rng.choice((1, 2))
    return (_away(start, 7 * weeks),)


def _archipelago_name(country: str, rng: random.Random) -> tuple[str, str, str | None]:
    """(given name, family name, the name as the CRM writes it when otherwise: with both family names for some
    Dominicans and Puerto Ricans, FAMILY NAME first for some in the French Antilles)."""
    firsts, lasts = _ARCHIPELAGO_PEOPLE[_ARCHIPELAGO_NAME_POOL.get(country, country)]
    first, last = rng.choice(firsts), rng.choice(lasts)
    if rng.random() < ARCHIPELAGO_TWO_SURNAMES.get(country, 0.0):
        return first, last, f"{first} {last} {rng.choice([x for x in lasts if x != last])}"
    if country in ARCHIPELAGO_FRENCH and rng.random() < ARCHIPELAGO_FAMILY_FIRST:
        return first, last, f"{last.upper()} {first}"
    return first, last, None


@dataclass
class _Firm:
    """An account as planned: where and what it is, its group (the holding's index, or its own for a holding), whether
    it is a customer."""

    country: str
    sector: str
    employees: int
    customer: bool
    group: int = -1  # index in the plan of the group's holding (-1: an independent firm)
    stem: str = ""  # the group's stem


def archipelago(scale: float = 1.0, seed: int = 3030) -> PlantedWorld:
    """Kept aside for a final check. A vendor of insurance software headquartered in Miami (policy administration,
    claims management, an agent and broker portal, customer self-service, billing and collections, reinsurance
    accounting, regulatory returns, a broker management system and, from a specialist in Toronto, catastrophe analytics)
    selling to 45 regional insurance groups (at scale 1) and their subsidiaries, and to 670 independent firms: life and
    health insurers (20%), general insurers (32%) and insurance brokerages (48%), across the Caribbean: the anglophone
    market, Jamaica (15% of the independent firms), Trinidad and Tobago (14%), Barbados (8%), the Bahamas (7%), the
    Cayman Islands (5%), Guyana (4%) and Saint Lucia (4%); the hispanophone market, the Dominican Republic (14%) and
    Puerto Rico (10%); the Antilles, Curaçao (6%), Aruba (4%), Martinique (5%) and Guadeloupe (4%). Contacts keep their
    country's clock: UTC-5 in Jamaica and Cayman, UTC-4 everywhere else but in the Bahamas, which keep Eastern Time with
    its daylight saving (UTC-5 in winter, UTC-4 from March to November). About fifteen months of history, from 13
    November 2024 to Wednesday 11 February 2026 (13:00 UTC: 08:00 in Kingston, George Town and Nassau, 09:00 everywhere
    else); the ten days after the end hold Carnival, kept differently in each country: Carnival Monday (16 February) is
    a public holiday in Curaçao and Aruba, Trinidad and Tobago's offices shut on Carnival Monday and Tuesday and those
    of the French Antilles for the jours gras to Ash Wednesday (18 February), though no law makes them holidays; Ash
    Wednesday is a public holiday in Jamaica and Cayman, 16 February Presidents' Day in Puerto Rico; Barbados, the
    Bahamas, Guyana, Saint Lucia and the Dominican Republic keep none (Saint Lucia's Independence Day, Guyana's Republic
    Day and the Dominican Republic's Independence Day come after). The CRM shows who owns an account: a group's holding
    company (sector Financial Holding or its translation; at home in Trinidad and Tobago, Jamaica, Barbados, the
    Bahamas, Puerto Rico, the Dominican Republic, Curaçao or Martinique) has one to five subsidiaries (about 130; life
    insurers, general insurers, a few brokerages, none under 40 employees) that name it in subsidiary_of, a third in its
    home country and the others where the home's groups reach (a Trinidadian group's in Barbados, Saint Lucia, Guyana or
    Jamaica, a Jamaican group's in Cayman, the Bahamas or Trinidad, a Barbadian group's in Saint Lucia, Trinidad or
    Guyana, a Bahamian group's in Cayman, a Puerto Rican group's in the Dominican Republic and the other way round, a
    Curaçao group's in Aruba, a Martinique group's in Guadeloupe), named after the group and the country (Sargasso
    Financial Holdings Limited, Seguros Sargasso Dominicana, S.A., Grupo Harbourview, S.A., Harbourview Vida Dominicana,
    S.A., Mariner Insurance Brokers (Cayman) Limited, Groupe Cascadura SA, Cascadura Assurances Guadeloupe); the
    holding's e-mail domain is the group's name, and half of the subsidiaries use it. The sector is written in the
    language of the account's record: English, Spanish (90% of the Dominican Republic's records, 55% of Puerto Rico's),
    Dutch (65% of Curaçao's, 60% of Aruba's) or French (the French Antilles'): General Insurance, Seguros Generales,
    Schadeverzekeraar, Assurance IARD; Life & Health Insurance, Seguros de Vida y Salud, Levensverzekeraar, Assurance
    Vie et Santé; Insurance Brokerage, Corredores de Seguros, Assurantiemakelaar, Courtage d'Assurance; Financial
    Holding, Grupo Financiero, Financiële Holding, Holding Financière. So are company names (Blue Mahoe Life Insurance
    Ltd, Scarlet Ibis Insurance Brokers Ltd, Corretaje Quisqueya, S.R.L., Macorís Compañía de Seguros, S.A.,
    Assurantiekantoor Hato, Cabinet Pelée Courtage), and people's names follow the country (55% of the Dominicans and
    35% of the Puerto Ricans with both family names, María Pérez Almonte; 35% of the French Antilles' people family name
    first in capitals, LAGUERRE Sandrine). A holding has one to three people (executives, finance, IT, the group's
    reinsurance underwriter), an insurer one to four (executives, underwriters, claims, finance, IT, operations and
    customer service, and the people who sell: agency managers and advisers), a brokerage one to four (executives,
    producers and account executives, claims advocates, client service, finance, seldom IT); a brokerage under 25
    employees is run by its owner, always among its people. Titles are in English (everywhere, alone in the anglophone
    market), Spanish (85% in the Dominican Republic, half in Puerto Rico, 20% in Aruba), Dutch (60% in Curaçao, 45% in
    Aruba) or French (95% in the French Antilles), about 145 at scale 1 in many wordings and abbreviations, each naming
    one of seven roles (CEO, MD, GM, Presidente Ejecutivo, Algemeen Directeur, DG, PDG; Underwriter, CUO, Mgr.
    Underwriting, Suscriptor, Acceptant, Souscripteur; Claims Adjuster, AVP Claims, Claims Advocate, Gerente de
    Reclamaciones, Schadebehandelaar, Gestionnaire Sinistres; CFO, FC, Contralor, Boekhouder, DAF; IT Mgr, CIO, Gerente
    de TI, Systeembeheerder, DSI; COO, Policy Services Manager, Encargada de Pólizas, Hoofd Klantenservice; Agency
    Manager, Producer, Sr. Account Executive, Asesor de Seguros, Assurantieadviseur, Chargé d'Affaires); an owner's
    title (Principal, Owner, Propietario, Eigenaar, Gérant...) only at a brokerage under 25 employees (six owners in ten
    have one); 4% name no job (Staff, N/A, -, TBD, Empleado, Medewerker, Collaborateur). Segments from the role read
    from the title and, by role, the market read from the country, the sector, the size read from employees and the
    ownership read from subsidiary_of, twelve of them: anglophone executives at 07:00, before the drive in; hispanophone
    executives at 18:30, once the day's meetings are over (only a little weak on Friday, -0.2); the Antilles' executives
    at 11:30, before a long lunch; underwriters at 10:00; claims people at general insurers and brokerages at 07:15,
    before the day's inspections, and again at 17:00, back from them (a second bump, 1.0; weak on Monday, after the
    weekend's accidents, -0.35), those at life and health insurers at 13:30, after the morning's batch of medical
    claims; finance people of a group's companies (holdings and subsidiaries) at 16:30, after the group's reporting
    calls (weak on Monday, -0.3), those of independent firms broadly at 12:00 (sd 3.2 h); IT people broadly at 14:30 (sd
    3.4 h); operations at 08:00, before the counters open (best on Monday, +0.15); the people who sell for an insurer
    (agency managers and advisers) at 19:00, after the day's client visits, and those who sell for a brokerage (its
    producers, and the owners of the small ones) broadly at 20:30 (sd 2.8 h), both every day of the week (the reply
    clock runs every day; agency best on Saturday, +0.25, weak on Sunday, -0.6; brokers best on Saturday, +0.35, and
    fair on Sunday, +0.1); the other segments narrow (sd 0.8-1.2 h), none answering at weekends (-0.7 to -1.3). 29% of
    the contacts peak 2-3 hours off their segment's (15% of the claims people at general insurers and of operations, 40%
    in the broad segments). The calendar: office people (all but the sellers) do not answer on their country's public
    holidays, read from the holidays package (Ash Wednesday, Emancipation and Independence Days in Jamaica, Spiritual
    Baptist Liberation Day, Indian Arrival Day, Eid al-Fitr and Diwali in Trinidad and Tobago, Kadooment Day in
    Barbados, Majority Rule Day in the Bahamas, Discovery Day in Cayman, Phagwah and CARICOM Day in Guyana, Altagracia
    and Duarte Days in the Dominican Republic, the United States' holidays and Puerto Rico's own, Carnival Monday and
    King's Day in Curaçao and Aruba, the Abolition of Slavery and Victor Schoelcher Day in the French Antilles), nor on
    the days their offices shut for Carnival, nor on their days away: -3.0 on the log-odds, the reply clock stopped; the
    sellers work through them, answering a little less (-0.3, and -0.8 on the Carnival days). Everyone in Trinidad and
    Tobago answers less in the ten days before Carnival Monday (the fêtes, -0.3) and on Ash Wednesday (-0.5); everyone
    in the hispanophone market from Monday to Wednesday of Holy Week (-0.6); Hurricane Melissa's landfall in Jamaica (28
    October 2025) cuts everyone there off for twelve days (-1.2), and the claims people of Jamaica's general insurers
    and brokerages are swamped by claims until 19 December (-0.8 more). Finance people of a group's companies answer
    less from the 1st to the 6th of each month (the group's monthly reporting pack, -0.5), those of independent firms
    from the 25th of a quarter's last month to the 10th of the next (the regulator's quarterly returns, -0.4);
    underwriters from 12 May and from 8 December to the month's end (the 1 June and 1 January reinsurance renewals,
    -0.45); office people from 22 December to 2 January, in the hispanophone market to Three Kings' Day on 6 January
    (-0.5). Half of the office people in the French Antilles take three or four weeks of leave from a weekday between 7
    July and 1 August 2025, 35% of those in Curaçao and Aruba two or three weeks from one between 1 July and 15 August,
    30% of the others one or two weeks from mid-July to mid-August or, two in five of them, from mid-December 2025 (days
    off, with an automatic reply naming the day back; a rep who gets one waits for that day). Reps in seven offices,
    each with a habitual hour on their own clock and 15-25% of their touches at another hour (07-21): account executives
    in Kingston (Jamaica and Cayman, 09:00), Port of Spain (Trinidad and Tobago and Guyana at 10:00; Barbados and Saint
    Lucia at 14:00), Santo Domingo (the Dominican Republic, 10:30), Miami (Puerto Rico and the Bahamas at 15:00 Eastern
    Time: 15:00 in San Juan while Miami keeps summer time, 16:00 in its winter), Willemstad (Curaçao and Aruba, 08:30)
    and Fort-de-France (the French Antilles at 17:30, after the day's visits), one account in ten owned by another and
    half of a group's subsidiaries by the holding's; customer success in Kingston (11:00; Jamaica, the Bahamas and
    Cayman), Port of Spain (13:00; Trinidad and Tobago, Barbados, Saint Lucia and Guyana), Santo Domingo (12:00; the
    hispanophone market) and Willemstad (10:00; the Antilles); implementation consultants in Port of Spain (07:30; the
    anglophone market, Curaçao and Aruba), Santo Domingo (07:30; the hispanophone market) and Fort-de-France (07:30; the
    French Antilles), who train the claims, operations and selling people after a won deal; sales development reps in
    Kingston (08:30; Jamaica, the Bahamas and Cayman), Port of Spain (08:00; the rest of the anglophone market and the
    Antilles) and Santo Domingo (09:00; the hispanophone market); and the catastrophe-analytics specialist in Toronto
    (11:00 Eastern Time, with its daylight saving). The account executives (but Miami's), customer success and the
    specialist keep their office's public holidays (Port of Spain's office shut on Carnival Monday and Tuesday too,
    Fort-de-France's over the jours gras) and never write at weekends; the Miami account executive, the sales
    development reps and the consultants work through the holidays and keep a quarter (Miami), three in ten (sales
    development) or about a third (the consultants, who train the agents on Saturdays too) of the weekend days. About
    38% of the independent firms are customers, and 55% of the groups (three in four of their subsidiaries then, 15%
    otherwise): a customer's success manager keeps in touch with one or two of its executives, operations or IT people
    every two and a half to six weeks; the account executive works the renewal of the policy administration (a
    brokerage's management system) before each anniversary (from 30-60 days before to 0-10 after, with one or two
    executives or finance people); one to three lines of deals side by side (two from 80 employees, three from 800),
    each of one to three and a half months with one to three executives, underwriters, finance, IT or operations people,
    the next one to five months later (each time with a chance of 65%); a won deal gets the claims, operations and
    selling people trained, the consultant touching one to three of them every two to four days for three to eight
    weeks; 35% of the customers among the general insurers and brokerages get a catastrophe-analytics deal from the
    Toronto specialist with one or two executives or underwriters. The success manager writes once to the claims people
    and executives of the Jamaican general insurers and brokerages among the customers, three to twelve days after the
    landfall. At a customer group's holding the account executive keeps in touch with four people in five every three to
    six weeks and, six times in ten, runs a group-wide deal of two to six months with one or two of them (the specialist
    alongside three times in ten). Prospects get the sales development sequences (70% of their people but the claims
    people: three to six steps two to four days apart, again two to five months later), the account executive keeping in
    touch with an executive every four to seven weeks in 35% of them (40% of the holdings), and a deal in 35% of the
    firms (the specialist joining a third of those at general insurers and brokerages); a touched person in none of
    these gets a single e-mail. The reps write less over the year-end (20 December to 6 January, 1.8 times the gap), in
    Holy Week and Easter week 2025 (1.4), to Trinidad and Tobago and the French Antilles from a week before Carnival
    Monday to Ash Wednesday (1.6), and to Jamaica for four weeks after the landfall (3.0). The CRM's quirks:
    contacts.csv gives America/New_York, the CRM's default zone (the head office's), for 12% of the contacts whatever
    their island's clock (an hour off in Jamaica and Cayman from March to November, elsewhere from November to March,
    right in the Bahamas); the employee count is blank for 8% of the insurers and holdings (never for a brokerage, whose
    licence gives it); two in three of the customers' office people also write in unprompted once or twice. A touch the
    same day as the last does badly (-0.8, -0.5 from half a day), the next day a little (-0.1), a week after it is best
    (+0.35, +0.2 at three days and at two weeks) and long silences cost (-0.4 from about seven months); fatigue counts
    five days (-0.1 for one touch in them, on down to -1.0 from five); unanswered touches in a row cost more and more
    (-0.7 from six); a reply in the last three days helps (+0.4, gone after ten); a person never touched answers less
    (-0.3); calls do better than e-mails (+0.25), meetings much better (+0.85); replies come fairly fast (about seven
    and a half waking hours on average). So the account executives make 57% of the touches, customer success 19%, sales
    development 11%, the consultants 9% and the specialist 3%; 53% of the touches come from a rep in another time zone
    than the contact's; each segment's four busiest hours of the contact's clock hold 49-64% of its touches; 2.5% of the
    touches land before 07:00, 3% from 19:00 and 2.6% at a weekend, so the late segments are seldom touched near their
    peak (5% of the sellers' touches within 1.5 hours of the contact's own peak, 10% of the hispanophone executives');
    16% of the touched contacts are in two deals at once for a while; a touched contact gets 13 touches at the median (1
    at the 10th percentile, 46 at the 90th, up to about 110), 32% of them six or fewer and 20% a single one. About 58%
    of the touches are e-mails, 32% calls and 10% meetings. About 31,000 touches at scale 1, about 1,900 contacts, about
    13% of them never touched."""
    staff: dict[str, tuple[str, str]] = {}  # by e-mail: segment, country

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        key, country = staff[c.email]
        return _archipelago_season(key, country, loc)

    fx = Effects(
        base=-1.0,
        gap=_pl((0.0, -0.8), (0.5, -0.5), (1.0, -0.1), (3.0, 0.2), (7.0, 0.35), (14.0, 0.2), (60.0, 0.0),
                (200.0, -0.4)),
        cold=-0.3,
        fatigue_days=5.0,
        fatigue=(0.0, -0.1, -0.3, -0.55, -0.8, -1.0),
        streak=(0.0, -0.1, -0.2, -0.35, -0.5, -0.6, -0.7),
        recent=_pl((0.0, 0.4), (3.0, 0.4), (10.0, 0.0)),
        night=-1.0,
        channel=(0.0, 0.25, 0.85),
        delay=Delay(((0.45, 1.2), (0.35, 6.0), (0.2, 24.0)), floor=0.1),
        responsiveness_sd=0.55,
        holiday=ARCHIPELAGO_OFF,
        calendar=calendar,
    )
    w = PlantedWorld("archipelago", _doc(archipelago), fx, dt.datetime(2026, 2, 11, 13, 0, tzinfo=UTC), seed)
    w.history_days = 470.0
    rng = random.Random(seed)
    b = _Builder(w, rng)
    begin = w.end_ts - 455 * DAY

    def office(country: str) -> frozenset[dt.date]:
        return frozenset(d for d in archipelago_holidays(country) | archipelago_carnival(country) if d.weekday() < 5)

    kingston, port_of_spain, santo_domingo, miami, willemstad, fort_de_france, toronto = (
        "America/Jamaica", "America/Port_of_Spain", "America/Santo_Domingo", "America/New_York", "America/Curacao",
        "America/Martinique", "America/Toronto")
    jm, tt, do = office("Jamaica"), office("Trinidad and Tobago"), office("Dominican Republic")
    # Kingston: the account executive for Jamaica and Cayman, customer success and sales development for the north
    campbell = b.rep("Kerry-Ann Campbell", kingston, 9.0, 5.0, hour_sd=0.6, p_random=0.2, off=jm)
    reid = b.rep("Damion Reid", kingston, 11.0, 7.0, hour_sd=0.7, p_random=0.22, off=jm)
    gordon = b.rep("Shanique Gordon", kingston, 8.5, 3.0, hour_sd=0.5, p_random=0.18, weekend=0.3)
    # Port of Spain: account executives for Trinidad and Tobago and Guyana, and for Barbados and Saint Lucia; customer
    # success for the east; the implementation consultant for the anglophone countries and the Dutch Caribbean; sales
    # development for the east and the Antilles (these two working through the holidays and keeping some weekend days,
    # as do the other consultants and sales development reps)
    maharaj = b.rep("Rajesh Maharaj", port_of_spain, 10.0, 5.0, hour_sd=0.6, p_random=0.2, off=tt)
    de_freitas = b.rep("Candice De Freitas", port_of_spain, 14.0, 6.0, hour_sd=0.8, p_random=0.25, off=tt)
    baptiste = b.rep("Nicholas Baptiste", port_of_spain, 13.0, 7.0, hour_sd=0.7, p_random=0.22, off=tt)
    persad = b.rep("Anjali Persad", port_of_spain, 7.5, 3.0, hour_sd=0.5, p_random=0.15, weekend=0.35)
    ramdial = b.rep("Stefan Ramdial", port_of_spain, 8.0, 3.0, hour_sd=0.5, p_random=0.18, weekend=0.3)
    # Santo Domingo: the account executive for the Dominican Republic, customer success, implementation and sales
    # development for the hispanophone market
    almonte = b.rep("Yokasta Almonte", santo_domingo, 10.5, 5.0, hour_sd=0.7, p_random=0.22, off=do)
    castillo = b.rep("Carmen Castillo", santo_domingo, 12.0, 7.0, hour_sd=0.7, p_random=0.22, off=do)
    pena = b.rep("Ramón Peña", santo_domingo, 7.5, 3.0, hour_sd=0.5, p_random=0.15, weekend=0.35)
    guzman = b.rep("Rafael Guzmán", santo_domingo, 9.0, 3.0, hour_sd=0.5, p_random=0.18, weekend=0.3)
    # Miami (the head office, on Eastern Time with its daylight saving): the account executive for Puerto Rico and the
    # Bahamas, working through the holidays and keeping some weekend days
    colon = b.rep("Javier Colón", miami, 15.0, 5.0, hour_sd=0.7, p_random=0.22, weekend=0.25)
    # Willemstad: the account executive and customer success for the Dutch and French Antilles
    martina = b.rep("Edsel Martina", willemstad, 8.5, 6.0, hour_sd=0.6, p_random=0.2, off=office("Curaçao"))
    rojer = b.rep("Ingrid Rojer", willemstad, 10.0, 7.0, hour_sd=0.7, p_random=0.22, off=office("Curaçao"))
    # Fort-de-France: the account executive for the French Antilles (writing at the end of the day's visits) and their
    # implementation consultant
    bellance = b.rep("Sandrine Bellance", fort_de_france, 17.5, 6.0, hour_sd=0.7, p_random=0.22, off=office("Martinique"))
    regis = b.rep("Ludovic Régis", fort_de_france, 7.5, 3.0, hour_sd=0.5, p_random=0.15, weekend=0.35)
    # Toronto: the catastrophe-analytics specialist
    macleod = b.rep("Owen MacLeod", toronto, 11.0, 6.0, hour_sd=0.6, p_random=0.2,
                    off=_holiday_dates("CA", "ON", ARCHIPELAGO_YEARS, weekdays=True))
    every_ae = [campbell, maharaj, de_freitas, almonte, colon, martina, bellance]
    segments = {k: Segment(k, p, sd, a, week, every, second=ARCHIPELAGO_SECOND.get(k))
                for k, (p, sd, a, _, week, every) in ARCHIPELAGO_SEGMENTS.items()}
    taken: set[str] = set()

    def territory(country: str) -> int:
        return {"Jamaica": campbell, "Cayman Islands": campbell, "Trinidad and Tobago": maharaj, "Guyana": maharaj,
                "Barbados": de_freitas, "Saint Lucia": de_freitas, "Dominican Republic": almonte, "Puerto Rico": colon,
                "Bahamas": colon, "Curaçao": martina, "Aruba": martina, "Martinique": bellance,
                "Guadeloupe": bellance}[country]

    def after_sale(country: str) -> tuple[int, int, int]:
        """(customer success, implementation consultant, sales development rep) for ``country``."""
        market = ARCHIPELAGO_MARKET[country]
        if market == "hispanophone":
            return castillo, pena, guzman
        if market == "antilles":
            return rojer, regis if country in ARCHIPELAGO_FRENCH else persad, ramdial
        if country in ARCHIPELAGO_NORTH:
            return reid, persad, gordon
        return baptiste, persad, ramdial

    def name_of(firm: _Firm, lang: str) -> str:
        def make(k: int) -> str:
            if firm.stem and firm.sector != ARCHIPELAGO_GROUP:
                place = _ARCHIPELAGO_PLACE.get((firm.country, lang), firm.country)
                name = _ARCHIPELAGO_SUBSIDIARY_KINDS[(firm.sector, lang)].format(g=firm.stem, c=place)
                if k:
                    name = name.replace(firm.stem, f"{firm.stem} {k + 1}", 1)
                return name
            stem = _stem(rng, _ARCHIPELAGO_STEMS[firm.country], k, firm.stem)
            return rng.choice(_ARCHIPELAGO_KINDS[(firm.sector, lang)]).format(s=stem)

        return _unique(taken, make)

    def person(ai: int, role: str, key: str, country: str, owner: int, domain: str, small: bool) -> _Contact:
        if rng.random() < 0.04:
            title = rng.choice(ARCHIPELAGO_NAMELESS)
        else:
            lang = _weighted(rng, ARCHIPELAGO_LANGUAGE.get(country, {"en": 1.0}))
            titles = _ARCHIPELAGO_TITLES.get((role, lang)) or _ARCHIPELAGO_TITLES[(role, "en")]
            owners = [t for t in titles if t in ARCHIPELAGO_OWNERS]
            if small and owners and rng.random() < 0.6:
                title = rng.choice(owners)
            else:
                title = rng.choice([t for t in titles if t not in ARCHIPELAGO_OWNERS])
        c = b.named(ai, ARCHIPELAGO_ZONES[country], segments[key], owner, ARCHIPELAGO_SEGMENTS[key][3], title, domain,
                    _archipelago_name, country, archipelago_off(key, country))
        if key not in ARCHIPELAGO_SALES:
            share = 0.5 if country in ARCHIPELAGO_FRENCH else 0.35 if ARCHIPELAGO_MARKET[country] == "antilles" else 0.3
            if rng.random() < share:
                _on_leave(c, _archipelago_leave(rng, country))
        if rng.random() < 0.12:
            c.listed = _zone(miami)  # the CRM's default zone, the head office's
        staff[c.email] = (key, country)
        return c

    # the plan: the groups (a holding and up to five subsidiaries), then the independent firms
    firms: list[_Firm] = []
    stems = list(_ARCHIPELAGO_GROUP_STEMS)
    rng.shuffle(stems)
    for g in range(_count(scale, 45, 2)):
        home = _weighted(rng, _ARCHIPELAGO_HOMES)
        stem = _group_stem(stems, g)
        customer = rng.random() < 0.55
        holding = len(firms)
        firms.append(_Firm(home, ARCHIPELAGO_GROUP, _headcount(rng, *_ARCHIPELAGO_SIZES[ARCHIPELAGO_GROUP]), customer,
                           holding, stem))
        held: set[tuple[str, str]] = set()
        for _k in range(rng.randint(2, 5)):
            country = home if rng.random() < 0.35 else rng.choice(_ARCHIPELAGO_REACH[home])
            sector = _weighted(rng, {ARCHIPELAGO_LIFE: 0.4, ARCHIPELAGO_GENERAL: 0.45, ARCHIPELAGO_BROKER: 0.15})
            if (country, sector) in held:
                continue
            held.add((country, sector))
            low, high = _ARCHIPELAGO_SIZES[sector]
            firms.append(_Firm(country, sector, _headcount(rng, max(low, 40), high),
                               rng.random() < (0.75 if customer else 0.15), holding, stem))
    for _ in range(_count(scale, 670, 8)):
        sector = _weighted(rng, _ARCHIPELAGO_SECTOR_SHARES)
        firms.append(_Firm(_weighted(rng, _ARCHIPELAGO_COUNTRIES), sector, _headcount(rng, *_ARCHIPELAGO_SIZES[sector]),
                           rng.random() < 0.38))
    account_of: dict[int, int] = {}  # plan index -> account index
    domain_of: dict[int, str] = {}
    for fi, firm in enumerate(firms):
        country, sector, employees, customer = firm.country, firm.sector, firm.employees, firm.customer
        grouped = firm.group >= 0
        holding = grouped and firm.group == fi
        owner = territory(country) if rng.random() < 0.9 else rng.choice(every_ae)
        if grouped and not holding:
            owner = w.accounts[account_of[firm.group]].owner if rng.random() < 0.5 else owner
        csm, consultant, sdr = after_sale(country)
        pace = archipelago_pace(country)
        ai = b.account("insurance", country, employees, owner)
        account_of[fi] = ai
        acc = w.accounts[ai]
        lang = _weighted(rng, _ARCHIPELAGO_RECORD.get(country, {"en": 1.0}))
        acc.name = name_of(firm, lang)
        acc.sector = ARCHIPELAGO_SECTOR_WORDS[lang][ARCHIPELAGO_SECTORS.index(sector)]
        acc.parent = w.accounts[account_of[firm.group]].name if grouped and not holding else ""
        if sector != ARCHIPELAGO_BROKER and rng.random() < 0.08:
            acc.employees = 0  # the CRM has no count (a brokerage's comes from its licence)
        domain = _domain(firm.stem if holding else acc.name)  # a group's domain is its brand
        if grouped and not holding and rng.random() < 0.5:
            domain = domain_of[firm.group]  # the group's e-mail domain
        domain_of[fi] = domain
        small = sector == ARCHIPELAGO_BROKER and employees < ARCHIPELAGO_SMALL
        arrival = begin if rng.random() < 0.7 else begin + rng.uniform(0.0, 400.0) * DAY
        if holding:
            sizes = (1, 2, 2, 3)
        elif customer:
            sizes = (1, 2, 3, 3, 4)
        else:
            sizes = (1, 1, 2, 3, 3)
        plan = [_weighted(rng, _ARCHIPELAGO_ROLES[sector]) for _k in range(rng.choice(sizes))]
        if small:
            plan[0] = "executive"  # the owner
        people: list[_Contact] = []
        role_of: dict[str, str] = {}
        for k, role in enumerate(plan):
            key = archipelago_key(role, sector, country, employees, grouped)
            c = person(ai, role, key, country, owner, domain, small)
            if k > 0 and b.cold(0.12 if customer else 0.4):
                continue  # never touched (never an account's first person)
            people.append(c)
            role_of[c.email] = role
            c.inbound = rng.randint(0, 2) if customer and key not in ARCHIPELAGO_SALES else 0

        def having(*roles: str, among: list[_Contact] = people, roles_of: dict[str, str] = role_of) -> list[_Contact]:
            return [c for c in among if roles_of[c.email] in roles]

        lines = _ARCHIPELAGO_LINES[sector]
        cat = sector != ARCHIPELAGO_LIFE  # the specialist sells to general insurers, brokerages and groups
        specialist = (macleod, _ARCHIPELAGO_SPECIALIST, (0.8, 0.95)) if cat else None
        if holding:
            b.head_office(ai, owner, sdr, arrival, pace, people, customer, having("executive"), lines, (0.6, 0.9),
                          specialist)
        elif customer:
            deciders = having("executive", "finance", "it", "operations", "underwriting") or people[:1]
            b.customer(ai, owner, arrival, begin, pace, success=csm, consultant=consultant,
                       keys=having("executive", "operations", "it") or people,
                       buyers=having("executive", "finance") or people, deciders=deciders,
                       floor=having("claims", "operations", "distribution"), experts=having("executive", "underwriting"),
                       products=lines, n_lines=3 if employees >= 800 else 2 if employees >= 80 else 1, longest=110.0,
                       specialist=specialist)
            # after the hurricane, customer success checks in with the claims people and executives of Jamaica's
            # general insurers and brokerages
            if country == "Jamaica" and sector != ARCHIPELAGO_LIFE:
                b.notice(having("claims", "executive"), csm, ARCHIPELAGO_MELISSA, (3.0, 12.0), arrival)
        else:
            deciders = having("executive", "finance", "it", "operations", "underwriting", "distribution") or people[:1]
            b.prospect(ai, owner, sdr, arrival, pace, deciders, having("executive"), deciders, lines, specialist)
        for c in people:
            b.untouched(c, csm if customer else sdr, arrival)
    w.simulate()
    w.auto_replies()
    return w


# --------------------------------------------------------------------------------------------------------
# 31. Practice-management software for dental and veterinary practices around the Mediterranean (kept aside)

LAGOON_CODES = {"Spain": "ES", "Portugal": "PT", "Italy": "IT", "Greece": "GR", "Malta": "MT", "Cyprus": "CY"}
LAGOON_MARKET = {"Spain": "iberia", "Portugal": "iberia", "Italy": "italy", "Malta": "italy", "Greece": "greece",
                 "Cyprus": "greece"}
# the places of each country: (time zone, the holidays package's subdivision, share of the country's accounts)
LAGOON_PLACES: dict[str, dict[str, tuple[str, str | None, float]]] = {
    "Spain": {"Madrid": ("Europe/Madrid", "MD", 0.28), "Barcelona": ("Europe/Madrid", "Barcelona", 0.18),
              "Valencia": ("Europe/Madrid", "VC", 0.1), "Sevilla": ("Europe/Madrid", "AN", 0.09),
              "Málaga": ("Europe/Madrid", "AN", 0.06), "Bilbao": ("Europe/Madrid", "PV", 0.06),
              "Palma": ("Europe/Madrid", "IB", 0.04), "A Coruña": ("Europe/Madrid", "GA", 0.05),
              "Las Palmas": ("Atlantic/Canary", "CN", 0.08), "Santa Cruz de Tenerife": ("Atlantic/Canary", "CN", 0.06)},
    "Portugal": {"Lisboa": ("Europe/Lisbon", "11", 0.42), "Porto": ("Europe/Lisbon", "13", 0.28),
                 "Coimbra": ("Europe/Lisbon", "06", 0.1), "Ponta Delgada": ("Atlantic/Azores", "20", 0.11),
                 "Funchal": ("Atlantic/Madeira", "30", 0.09)},
    "Italy": {"Milano": ("Europe/Rome", "MI", 0.2), "Roma": ("Europe/Rome", "RM", 0.18),
              "Napoli": ("Europe/Rome", "NA", 0.12), "Torino": ("Europe/Rome", "TO", 0.1),
              "Bologna": ("Europe/Rome", "BO", 0.09), "Firenze": ("Europe/Rome", "FI", 0.08),
              "Padova": ("Europe/Rome", "PD", 0.07), "Bari": ("Europe/Rome", "BA", 0.08),
              "Palermo": ("Europe/Rome", "PA", 0.08)},
    "Greece": {"Athens": ("Europe/Athens", None, 0.55), "Thessaloniki": ("Europe/Athens", None, 0.25),
               "Patras": ("Europe/Athens", None, 0.1), "Heraklion": ("Europe/Athens", None, 0.1)},
    "Malta": {"Valletta": ("Europe/Malta", None, 0.2), "Sliema": ("Europe/Malta", None, 0.3),
              "Birkirkara": ("Europe/Malta", None, 0.3), "Victoria": ("Europe/Malta", None, 0.2)},
    "Cyprus": {"Nicosia": ("Asia/Nicosia", None, 0.4), "Limassol": ("Asia/Nicosia", None, 0.35),
               "Larnaca": ("Asia/Nicosia", None, 0.15), "Paphos": ("Asia/Nicosia", None, 0.1)},
}
LAGOON_ZONES = frozenset(zone for places in LAGOON_PLACES.values() for zone, _, _ in places.values())
LAGOON_ISLANDS = {"Atlantic/Canary": "Europe/Madrid", "Atlantic/Azores": "Europe/Lisbon",
                  "Atlantic/Madeira": "Europe/Lisbon"}  # an island's zone and the one the CRM gives some of its people
LAGOON_MAINLAND = 0.4  # the share of the islanders the CRM gives their country's mainland zone
LAGOON_PRACTICE, LAGOON_CLINIC, LAGOON_HOSPITAL, LAGOON_LAB, LAGOON_DSO, LAGOON_VET_GROUP = (
    "dental practice", "veterinary clinic", "veterinary hospital", "dental laboratory", "dental group",
    "veterinary group")
LAGOON_SECTORS = (LAGOON_PRACTICE, LAGOON_CLINIC, LAGOON_HOSPITAL, LAGOON_LAB, LAGOON_DSO, LAGOON_VET_GROUP)
LAGOON_GROUPS = (LAGOON_DSO, LAGOON_VET_GROUP)
# how the CRM words the sectors (in the order of LAGOON_SECTORS), in the language of the account's record
LAGOON_SECTOR_WORDS: dict[str, tuple[str, str, str, str, str, str]] = {
    "en": ("Dental Practice", "Veterinary Clinic", "Veterinary Hospital", "Dental Laboratory", "Dental Group",
           "Veterinary Group"),
    "es": ("Clínica Dental", "Clínica Veterinaria", "Hospital Veterinario", "Laboratorio Dental", "Grupo Dental",
           "Grupo Veterinario"),
    "pt": ("Clínica Dentária", "Clínica Veterinária", "Hospital Veterinário", "Laboratório de Prótese Dentária",
           "Grupo de Clínicas Dentárias", "Grupo Veterinário"),
    "it": ("Studio Dentistico", "Ambulatorio Veterinario", "Ospedale Veterinario", "Laboratorio Odontotecnico",
           "Gruppo Odontoiatrico", "Gruppo Veterinario"),
    "el": ("Οδοντιατρείο", "Κτηνιατρείο", "Κτηνιατρική Κλινική", "Οδοντοτεχνικό Εργαστήριο", "Όμιλος Οδοντιατρείων",
           "Κτηνιατρικός Όμιλος"),
}
LAGOON_SECTOR = {word: sector for words in LAGOON_SECTOR_WORDS.values()
                 for word, sector in zip(words, LAGOON_SECTORS, strict=True)}
LAGOON_PRODUCTS = ("Practice Management", "Online Booking", "Patient Reminders", "Billing & Claims", "Lab Orders",
                   "Inventory", "Vet Hospital Suite", "Group Analytics", "Imaging Bridge")
_LAGOON_SPECIALIST = LAGOON_PRODUCTS[8]  # what the imaging specialist in Milan sells
_LAGOON_LINES = {
    LAGOON_PRACTICE: ("Practice Management", "Online Booking", "Patient Reminders", "Billing & Claims", "Lab Orders"),
    LAGOON_CLINIC: ("Practice Management", "Online Booking", "Patient Reminders", "Inventory"),
    LAGOON_HOSPITAL: ("Vet Hospital Suite", "Inventory", "Billing & Claims", "Online Booking"),
    LAGOON_LAB: ("Lab Orders", "Billing & Claims", "Inventory"),
    LAGOON_DSO: ("Group Analytics", "Practice Management", "Billing & Claims", "Inventory"),
    LAGOON_VET_GROUP: ("Group Analytics", "Vet Hospital Suite", "Inventory"),
}
LAGOON_SATURDAY = ("dentist/iberia", "dentist/italy", "lab", "vet/clinic")  # the practices open on Saturday mornings
LAGOON_ROTA = ("vet/hospital",)  # the hospitals' vets, on a rota every day of the year, public holidays included
LAGOON_OFFICE = ("executive", "procurement", "finance", "it", "operations", "manager")  # the people on office hours
LAGOON_OFF = -3.0  # a touch on one of the contact's days off (a public holiday, a day away or the practice shut)
LAGOON_WORKED_HOLIDAY = -0.3  # a touch to a hospital's vet on a public holiday
LAGOON_SATURDAY_AFTERNOON = -1.2  # the Saturday-morning practices once they shut, on Saturday from 14:00
LAGOON_FREE_EVENING = 0.55  # Greek and Cypriot dentists on Monday and Wednesday from 18:00 (no evening surgery)
LAGOON_AUGUST = -0.5  # the office people from 1 to 25 August (those not away)
LAGOON_SUMMER_HOURS = -0.7  # Spain's office people on weekdays from 15:00 in July and August (the summer hours)
LAGOON_YEAR_END = -0.6  # everyone but the hospitals' vets from 24 December to 6 January
LAGOON_HOLY_WEEK = -0.45  # everyone but the hospitals' vets in Spain, Greece and Cyprus from Monday to Wednesday of
# Holy Week 2025 (Easter fell on the same day, 20 April, in both churches)
LAGOON_HOLY_WEEK_DAYS = (dt.date(2025, 4, 14), dt.date(2025, 4, 16))
LAGOON_HOLY_WEEK_COUNTRIES = ("Spain", "Greece", "Cyprus")
LAGOON_CLOSE = -0.45  # finance people in the last three and the first three days of each month (the month's close)
LAGOON_IDS = (dt.date(2025, 3, 25), dt.date(2025, 3, 29))  # the International Dental Show in Cologne
LAGOON_FAIR = -0.7  # the dental laboratories' people while the show runs
LAGOON_YEARS = (2024, 2025, 2026)
# segment: peak, sd, amp, share of contacts peaking 2-3 hours off, weekdays (Monday..Sunday), whether the reply clock
# runs every day
LAGOON_SEGMENTS: dict[str, tuple[float, float, float, float, tuple[float, ...], bool]] = {
    "dentist/iberia": (14.5, 1.0, 1.35, 0.25, (0.0, 0.1, 0.1, 0.05, -0.15, 0.2, -1.3), True),
    "dentist/italy": (13.25, 0.9, 1.4, 0.25, (0.0, 0.1, 0.1, 0.05, -0.1, 0.15, -1.3), True),
    "dentist/greece": (15.5, 0.9, 1.45, 0.25, (-0.05, 0.1, 0.05, 0.1, -0.2, -1.0, -1.3), False),
    "manager": (9.25, 0.8, 1.45, 0.15, (0.15, 0.1, 0.05, 0.0, -0.3, -1.0, -1.3), False),
    "lab": (7.0, 0.8, 1.5, 0.2, (0.1, 0.05, 0.05, 0.0, -0.15, 0.1, -1.3), True),
    "vet/clinic": (20.5, 1.0, 1.4, 0.25, (0.0, 0.0, 0.05, 0.0, -0.1, 0.25, -1.1), True),
    "vet/hospital": (14.0, 3.2, 0.9, 0.4, (0.0, 0.0, 0.0, 0.0, -0.05, 0.1, 0.0), True),
    "executive": (19.0, 1.0, 1.35, 0.25, (0.0, 0.1, 0.1, 0.05, -0.4, -1.0, -1.3), False),
    "procurement": (10.75, 0.9, 1.4, 0.2, (-0.1, 0.15, 0.15, 0.05, -0.25, -1.1, -1.3), False),
    "finance": (17.0, 1.0, 1.35, 0.25, (-0.2, 0.1, 0.1, 0.1, -0.3, -1.1, -1.3), False),
    "it": (13.0, 3.3, 0.9, 0.4, (0.0, 0.1, 0.15, 0.1, -0.2, -0.9, -1.1), False),
    "operations": (8.0, 0.9, 1.4, 0.2, (0.15, 0.1, 0.05, 0.0, -0.3, -1.1, -1.3), False),
}
# the second bumps: (hours after the peak, sd, amp)
LAGOON_SECOND = {"dentist/iberia": (6.5, 1.0, 1.15),  # at 21:00, after the evening surgery
                 "dentist/italy": (7.25, 1.0, 1.05),  # at 20:30
                 "vet/clinic": (-5.5, 0.9, 1.0),  # at 15:00, in the long lunch break
                 "operations": (10.5, 1.0, 0.9)}  # at 18:30, back from the day's clinic visits
# Titles by role and language (es in Spain, pt in Portugal, it in Italy and Malta, Greek in Greek script (el) or
# latinised (el-latn) in Greece and Cyprus, en everywhere). "dentist" is a practice's owner or its clinical director,
# "vet" a veterinary surgeon, "lab" a dental laboratory's technicians and owner, "manager" a practice's or a hospital's
# manager; the others are a group's head office (or a hospital's).
_LAGOON_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("dentist", "es"): ("Odontólogo", "Odontóloga", "Director Médico", "Directora Médica", "Dir. Médico", "Dentista",
                        "Odontólogo Titular", "Propietario", "Médico Estomatólogo"),
    ("dentist", "pt"): ("Médico Dentista", "Médica Dentista", "Diretor Clínico", "Diretora Clínica", "Dir. Clínico",
                        "Sócio-Gerente"),
    ("dentist", "it"): ("Odontoiatra", "Titolare", "Direttore Sanitario", "Dir. Sanitario", "Medico Odontoiatra",
                        "Dentista Titolare"),
    ("dentist", "el"): ("Οδοντίατρος", "Χειρουργός Οδοντίατρος", "Ιδιοκτήτης Οδοντιατρείου"),
    ("dentist", "el-latn"): ("Odontiatros", "Xeirourgos Odontiatros", "Idioktitis"),
    ("dentist", "en"): ("Dentist", "Principal Dentist", "Clinical Director", "Practice Owner", "DDS", "DMD", "BDS"),
    ("vet", "es"): ("Veterinario", "Veterinaria", "Director Veterinario", "Directora Veterinaria", "Vet. Titular",
                    "Responsable Clínico"),
    ("vet", "pt"): ("Médico Veterinário", "Médica Veterinária", "Diretor Clínico Veterinário", "Med. Vet."),
    ("vet", "it"): ("Medico Veterinario", "Veterinario Titolare", "Direttore Sanitario Veterinario", "Med. Vet.",
                    "DVM"),
    ("vet", "el"): ("Κτηνίατρος", "Κτηνίατρος Ιδιοκτήτης"),
    ("vet", "el-latn"): ("Ktiniatros",),
    ("vet", "en"): ("Veterinary Surgeon", "Vet", "Veterinarian", "DVM", "MRCVS", "Veterinary Clinical Director"),
    ("lab", "es"): ("Protésico Dental", "Protésica Dental", "Técnico de Laboratorio", "Jefe de Laboratorio", "TPD"),
    ("lab", "pt"): ("Técnico de Prótese Dentária", "Protésico", "Diretor Técnico"),
    ("lab", "it"): ("Odontotecnico", "Odontotecnica", "Titolare Laboratorio", "Resp. Laboratorio"),
    ("lab", "el"): ("Οδοντοτεχνίτης", "Υπεύθυνος Εργαστηρίου"),
    ("lab", "el-latn"): ("Odontotechnitis",),
    ("lab", "en"): ("Dental Technician", "Lab Manager", "Lab Owner", "CDT", "Head Technician"),
    ("manager", "es"): ("Gerente", "Gerente de Clínica", "Coordinadora de Clínica", "Coordinador de Clínica",
                        "Responsable de Clínica", "Administradora", "Office Manager"),
    ("manager", "pt"): ("Gestora de Clínica", "Gestor de Clínica", "Diretora Administrativa", "Coordenadora",
                        "Gerente"),
    ("manager", "it"): ("Responsabile di Studio", "Practice Manager", "Office Manager", "Coordinatrice",
                        "Resp. Segreteria", "Responsabile Amministrativa"),
    ("manager", "el"): ("Υπεύθυνη Ιατρείου", "Διευθύντρια Ιατρείου", "Υπεύθυνος Γραμματείας"),
    ("manager", "el-latn"): ("Ypefthyni Iatreiou", "Diefthyntria Iatreiou"),
    ("manager", "en"): ("Practice Manager", "Clinic Manager", "Office Manager", "Hospital Manager", "PM"),
    ("executive", "es"): ("CEO", "Consejero Delegado", "Director General", "Directora General", "Dir. General"),
    ("executive", "pt"): ("CEO", "Administrador", "Diretor-Geral", "Presidente Executivo"),
    ("executive", "it"): ("CEO", "Amministratore Delegato", "AD", "Direttore Generale"),
    ("executive", "el"): ("Διευθύνων Σύμβουλος", "Γενικός Διευθυντής"),
    ("executive", "el-latn"): ("Dieuthynon Symvoulos", "Genikos Dieuthyntis"),
    ("executive", "en"): ("CEO", "Managing Director", "MD", "General Manager", "Founder"),
    ("procurement", "es"): ("Responsable de Compras", "Jefe de Compras", "Compras", "Resp. Compras", "Comprador"),
    ("procurement", "pt"): ("Responsável de Compras", "Diretor de Compras", "Compras"),
    ("procurement", "it"): ("Ufficio Acquisti", "Responsabile Acquisti", "Buyer", "Resp. Acquisti"),
    ("procurement", "el"): ("Υπεύθυνος Προμηθειών", "Τμήμα Προμηθειών"),
    ("procurement", "el-latn"): ("Ypefthynos Promitheion",),
    ("procurement", "en"): ("Procurement Manager", "Head of Procurement", "Purchasing Manager", "Buyer",
                            "Category Manager"),
    ("finance", "es"): ("Director Financiero", "Directora Financiera", "Dir. Financiero", "Controller", "Contable"),
    ("finance", "pt"): ("Diretor Financeiro", "Diretora Financeira", "Contabilista", "Controller"),
    ("finance", "it"): ("Direttore Amministrativo", "Responsabile Amministrazione", "CFO", "Controller"),
    ("finance", "el"): ("Οικονομικός Διευθυντής", "Λογιστήριο"),
    ("finance", "el-latn"): ("Oikonomikos Dieuthyntis",),
    ("finance", "en"): ("CFO", "Finance Director", "Financial Controller", "FC", "Head of Finance"),
    ("it", "es"): ("Responsable IT", "Responsable de Sistemas", "Jefe de Sistemas", "Técnico Informático"),
    ("it", "pt"): ("Responsável de TI", "Diretor de Sistemas de Informação", "Técnico de Informática"),
    ("it", "it"): ("Responsabile IT", "Responsabile Sistemi Informativi", "IT Manager", "Sistemista"),
    ("it", "el"): ("Υπεύθυνος Πληροφορικής", "Τμήμα Πληροφορικής"),
    ("it", "el-latn"): ("Ypefthynos Pliroforikis",),
    ("it", "en"): ("IT Manager", "Head of IT", "CIO", "IT Mgr", "Systems Administrator"),
    ("operations", "es"): ("Director de Operaciones", "Directora de Operaciones", "Dir. Operaciones",
                           "Director de Expansión", "Director Clínico Corporativo"),
    ("operations", "pt"): ("Diretor de Operações", "Diretora de Operações"),
    ("operations", "it"): ("Direttore Operativo", "Responsabile Operations", "Direttore Clinico di Gruppo", "COO"),
    ("operations", "el"): ("Διευθυντής Λειτουργιών",),
    ("operations", "el-latn"): ("Dieuthyntis Leitourgion",),
    ("operations", "en"): ("COO", "Operations Director", "Head of Clinical Operations", "Regional Manager",
                           "Area Manager"),
}
LAGOON_ROLE = {t: role for (role, _), titles in _LAGOON_TITLES.items() for t in titles}
# titles that name no job (a courtesy title, the front desk, a blank)
LAGOON_NAMELESS = ("Dr.", "Dra.", "Dott.", "Dott.ssa", "Reception", "Recepción", "Receção", "Segreteria", "Γραμματεία",
                   "-", "N/A", "")
LAGOON_UNNAMED = 0.08  # the share of the contacts with one of them
# the languages of the titles in each country and their shares
LAGOON_LANGUAGE: dict[str, dict[str, float]] = {
    "Spain": {"es": 0.9, "en": 0.1}, "Portugal": {"pt": 0.9, "en": 0.1}, "Italy": {"it": 0.92, "en": 0.08},
    "Greece": {"el": 0.55, "el-latn": 0.3, "en": 0.15}, "Cyprus": {"el": 0.4, "el-latn": 0.2, "en": 0.4},
    "Malta": {"en": 0.85, "it": 0.15}}
# the languages of the accounts' records
_LAGOON_RECORD: dict[str, dict[str, float]] = {
    "Spain": {"es": 0.92, "en": 0.08}, "Portugal": {"pt": 0.92, "en": 0.08}, "Italy": {"it": 0.95, "en": 0.05},
    "Greece": {"el": 0.6, "en": 0.4}, "Cyprus": {"en": 0.65, "el": 0.35}, "Malta": {"en": 1.0}}
# people's given and family names (Greece's and Cyprus's in _LAGOON_GREEK_*)
_LAGOON_PEOPLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Spain": (("María", "José", "Laura", "Javier", "Carmen", "David", "Lucía", "Sergio", "Elena", "Alberto", "Marta",
               "Pablo", "Cristina", "Jorge", "Nuria", "Álvaro", "Raquel", "Iñaki", "Montse", "Jordi"),
              ("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
               "Ruiz", "Navarro", "Iglesias", "Ortega", "Castaño", "Puig", "Vidal", "Etxeberria", "Romero", "Domínguez")),
    "Portugal": (("João", "Maria", "Ana", "Pedro", "Rita", "Miguel", "Inês", "Tiago", "Sofia", "Rui", "Catarina", "Nuno",
                  "Joana", "Ricardo", "Marta", "Luís"),
                 ("Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa",
                  "Carvalho", "Moreira", "Lopes", "Gomes", "Almeida", "Ribeiro", "Pinto")),
    "Italy": (("Giulia", "Marco", "Francesca", "Luca", "Chiara", "Alessandro", "Sara", "Andrea", "Valentina", "Matteo",
               "Elena", "Davide", "Federica", "Giuseppe", "Paola", "Stefano"),
              ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
               "Gallo", "Conti", "De Luca", "Costa", "Rinaldi")),
    "Malta": (("Joseph", "Maria", "Mark", "Rita", "Paul", "Claire", "Christopher", "Daniela", "Matthew", "Josephine",
               "Kurt", "Roberta"),
              ("Borg", "Camilleri", "Vella", "Farrugia", "Zammit", "Galea", "Micallef", "Grech", "Attard", "Spiteri",
               "Cassar", "Azzopardi")),
}
# Greek given names (latinised, in Greek script, female) and family names (a man's and a woman's, latinised and in
# Greek script)
_LAGOON_GREEK_FIRSTS = (("Giorgos", "Γιώργος", False), ("Maria", "Μαρία", True), ("Nikos", "Νίκος", False),
                        ("Eleni", "Ελένη", True), ("Dimitris", "Δημήτρης", False), ("Katerina", "Κατερίνα", True),
                        ("Kostas", "Κώστας", False), ("Sofia", "Σοφία", True), ("Giannis", "Γιάννης", False),
                        ("Anna", "Άννα", True), ("Panagiotis", "Παναγιώτης", False), ("Vasiliki", "Βασιλική", True),
                        ("Christos", "Χρήστος", False), ("Despina", "Δέσποινα", True))
_LAGOON_GREEK_LASTS = (("Papadopoulos", "Papadopoulou", "Παπαδόπουλος", "Παπαδοπούλου"),
                       ("Georgiou", "Georgiou", "Γεωργίου", "Γεωργίου"), ("Nikolaou", "Nikolaou", "Νικολάου", "Νικολάου"),
                       ("Dimitriou", "Dimitriou", "Δημητρίου", "Δημητρίου"),
                       ("Konstantinidis", "Konstantinidou", "Κωνσταντινίδης", "Κωνσταντινίδου"),
                       ("Papadakis", "Papadaki", "Παπαδάκης", "Παπαδάκη"), ("Vlachos", "Vlachou", "Βλάχος", "Βλάχου"),
                       ("Oikonomou", "Oikonomou", "Οικονόμου", "Οικονόμου"), ("Makris", "Makri", "Μακρής", "Μακρή"),
                       ("Antoniou", "Antoniou", "Αντωνίου", "Αντωνίου"), ("Ioannou", "Ioannou", "Ιωάννου", "Ιωάννου"),
                       ("Christodoulou", "Christodoulou", "Χριστοδούλου", "Χριστοδούλου"),
                       ("Charalambous", "Charalambous", "Χαραλάμπους", "Χαραλάμπους"),
                       ("Karagiannis", "Karagianni", "Καραγιάννης", "Καραγιάννη"))
LAGOON_GREEK_SCRIPT = {"Greece": 0.35, "Cyprus": 0.2}  # the shares of the names the CRM has in Greek script
LAGOON_TWO_SURNAMES = {"Spain": 0.55, "Portugal": 0.45}  # the shares the CRM writes with two family names
LAGOON_SURNAME_FIRST = 0.2  # the share of Italy's people the CRM writes FAMILY NAME first
_LAGOON_STEMS = {
    "Spain": ("Alameda", "Mediterráneo", "Arcoíris", "Albor", "Castellana", "Guadalquivir", "Retiro", "Ribera",
              "Almendro", "Brisa", "Montjuïc", "Triana", "Arenal", "Olivo", "Moncloa", "Miramar", "Levante", "Azahar"),
    "Portugal": ("Sorriso", "Atlântico", "Alfama", "Ribeira", "Estrela", "Tejo", "Douro", "Belém", "Oceano", "Aveiro",
                 "Sintra", "Boavista", "Luz", "Arrábida"),
    "Italy": ("Sorriso", "Arcobaleno", "Duomo", "Navigli", "Vesuvio", "Colosseo", "Mole", "Arno", "Sole", "Aurora",
              "Girasole", "Santa Lucia", "Brera", "Portici", "Castello", "Gianicolo"),
    "Greece": ("Akropolis", "Olympos", "Aigaio", "Lefkos", "Ermis", "Iris", "Pyrgos", "Kalamaria", "Glyfada", "Kifisia",
               "Thermaikos", "Minoas", "Delfini", "Elia"),
    "Malta": ("Mdina", "Gozo", "Marsaxlokk", "Luzzu", "Mistra", "St Julian's", "Golden Bay", "Birgu", "Xlendi", "Dingli"),
    "Cyprus": ("Troodos", "Aphrodite", "Kyrenia", "Kition", "Amathus", "Akamas", "Salamis", "Kourion", "Lefkara",
               "Petra"),
}
_LAGOON_GROUP_STEMS = {
    LAGOON_DSO: ("Perla", "Nácar", "Esmalte", "Marfil", "Cúspide", "Alveo", "Blanco Vivo", "Ortosmile", "Dentamar", "Oralia",
                 "Dentisur", "Odontonova", "Lumident", "Claridente", "Smileway", "Odontomed", "Dentanova", "Biodent",
                 "Dentivia", "Sorrisì", "Bocca Sana", "Dentalys", "Odontika", "Lefko Chamogelo", "Sorriso Vivo",
                 "Oralis", "Dentaris", "Smilemed"),
    LAGOON_VET_GROUP: ("Huella", "Cuatro Patas", "Zampa", "Pata Amiga", "Faunavet", "Veterinia", "Miavet", "Bigotes",
                       "Vetnova", "Pet Medica", "Patinhas", "Codamica", "Animalis", "Vetcura"),
}
# how the CRM names a company of each sector in each country ({s}: a stem, {p}: the place, {n}: a family name)
_LAGOON_KINDS: dict[tuple[str, str], tuple[str, ...]] = {
    (LAGOON_PRACTICE, "Spain"): ("Clínica Dental {s}", "Clínica Dental {n}", "{s} Dental", "Centro Odontológico {s}",
                                 "Clínica Dental Dr. {n}", "Clínica Dental {s} S.L.P."),
    (LAGOON_CLINIC, "Spain"): ("Clínica Veterinaria {s}", "Centro Veterinario {s}", "{s} Veterinaria"),
    (LAGOON_HOSPITAL, "Spain"): ("Hospital Veterinario {s}", "Hospital Veterinario {p}", "Hospital Veterinario {s} {p}"),
    (LAGOON_LAB, "Spain"): ("Laboratorio Dental {s}", "{s} Prótesis Dental S.L.", "Laboratorio Dental {n}"),
    (LAGOON_PRACTICE, "Portugal"): ("Clínica Dentária {s}", "Clínica Médica Dentária {n}", "{s} Dental, Lda.",
                                    "Clínica Dentária do {s}"),
    (LAGOON_CLINIC, "Portugal"): ("Clínica Veterinária {s}", "Centro Veterinário {s}", "{s} Vet, Lda."),
    (LAGOON_HOSPITAL, "Portugal"): ("Hospital Veterinário {s}", "Hospital Veterinário de {p}"),
    (LAGOON_LAB, "Portugal"): ("Laboratório de Prótese Dentária {s}", "{s} Prótese Dentária, Lda."),
    (LAGOON_PRACTICE, "Italy"): ("Studio Dentistico {s}", "Studio Dentistico Dott. {n}", "Studio Odontoiatrico {s}",
                                 "Centro Odontoiatrico {s} S.r.l.", "Studio Associato {n}"),
    (LAGOON_CLINIC, "Italy"): ("Ambulatorio Veterinario {s}", "Clinica Veterinaria {s}", "Studio Veterinario Dott. {n}"),
    (LAGOON_HOSPITAL, "Italy"): ("Ospedale Veterinario {s}", "Ospedale Veterinario {p}"),
    (LAGOON_LAB, "Italy"): ("Laboratorio Odontotecnico {s}", "Odontotecnica {s} S.n.c.", "Laboratorio Odontotecnico {n}"),
    (LAGOON_PRACTICE, "Greece"): ("Odontiatreio {n}", "{s} Dental Clinic", "{s} Dental Care", "Odontiatriki Kliniki {s}"),
    (LAGOON_CLINIC, "Greece"): ("Ktiniatreio {s}", "{s} Vet Clinic", "Ktiniatreio {n}"),
    (LAGOON_HOSPITAL, "Greece"): ("Ktiniatriki Kliniki {s}", "{s} Veterinary Hospital"),
    (LAGOON_LAB, "Greece"): ("Odontotechniko Ergastirio {s}", "{s} Dental Lab", "Odontotechniko Ergastirio {n}"),
    (LAGOON_PRACTICE, "Cyprus"): ("{s} Dental Clinic", "{n} Dental Surgery", "Odontiatreio {n}", "{s} Dental Centre Ltd"),
    (LAGOON_CLINIC, "Cyprus"): ("{s} Veterinary Clinic", "{s} Vets Ltd", "Ktiniatreio {s}"),
    (LAGOON_HOSPITAL, "Cyprus"): ("{s} Animal Hospital", "{s} Veterinary Hospital Ltd"),
    (LAGOON_LAB, "Cyprus"): ("{s} Dental Lab", "{n} Dental Laboratory Ltd"),
    (LAGOON_PRACTICE, "Malta"): ("{s} Dental Clinic", "{n} Dental Surgery", "{s} Dental Care Ltd"),
    (LAGOON_CLINIC, "Malta"): ("{s} Veterinary Clinic", "{s} Vets"),
    (LAGOON_HOSPITAL, "Malta"): ("{s} Veterinary Hospital",),
    (LAGOON_LAB, "Malta"): ("{s} Dental Laboratory", "{n} Dental Lab"),
}
# how a group names its head office and its practices in the record's language ({g}: the group's stem, {c}: the place)
_LAGOON_GROUP_KINDS: dict[tuple[str, str], str] = {
    (LAGOON_DSO, "es"): "Grupo {g} Dental, S.L.", (LAGOON_DSO, "pt"): "Grupo {g} Saúde Oral, S.A.",
    (LAGOON_DSO, "it"): "{g} Dental Group S.p.A.", (LAGOON_DSO, "el"): "{g} Dental Group A.E.",
    (LAGOON_DSO, "en"): "{g} Dental Group",
    (LAGOON_VET_GROUP, "es"): "Grupo Veterinario {g}, S.L.", (LAGOON_VET_GROUP, "pt"): "{g} Vet, S.A.",
    (LAGOON_VET_GROUP, "it"): "{g} Vet Group S.r.l.", (LAGOON_VET_GROUP, "el"): "{g} Vet Group A.E.",
    (LAGOON_VET_GROUP, "en"): "{g} Veterinary Group",
    (LAGOON_PRACTICE, "es"): "Clínica {g} {c}", (LAGOON_PRACTICE, "pt"): "Clínica {g} {c}",
    (LAGOON_PRACTICE, "it"): "{g} Dental {c}", (LAGOON_PRACTICE, "el"): "{g} Dental {c}",
    (LAGOON_PRACTICE, "en"): "{g} Dental {c}",
    (LAGOON_CLINIC, "es"): "{g} Veterinaria {c}", (LAGOON_CLINIC, "pt"): "{g} Vet {c}",
    (LAGOON_CLINIC, "it"): "{g} Vet {c}", (LAGOON_CLINIC, "el"): "{g} Vet {c}", (LAGOON_CLINIC, "en"): "{g} Vets {c}",
    (LAGOON_HOSPITAL, "es"): "Hospital Veterinario {g} {c}", (LAGOON_HOSPITAL, "pt"): "Hospital Veterinário {g} {c}",
    (LAGOON_HOSPITAL, "it"): "Ospedale Veterinario {g} {c}", (LAGOON_HOSPITAL, "el"): "{g} Veterinary Hospital {c}",
    (LAGOON_HOSPITAL, "en"): "{g} Veterinary Hospital {c}",
}
_LAGOON_COUNTRIES = {"Spain": 0.33, "Italy": 0.3, "Portugal": 0.12, "Greece": 0.14, "Cyprus": 0.05, "Malta": 0.06}
# where the groups have their head office (and in which places), and where each home's groups have practices besides
_LAGOON_HOMES = {"Spain": 0.4, "Italy": 0.3, "Portugal": 0.15, "Greece": 0.1, "Cyprus": 0.05}
_LAGOON_HEAD_OFFICES = {"Spain": {"Madrid": 0.6, "Barcelona": 0.4}, "Portugal": {"Lisboa": 0.7, "Porto": 0.3},
                        "Italy": {"Milano": 0.7, "Roma": 0.3}, "Greece": {"Athens": 1.0}, "Cyprus": {"Nicosia": 1.0}}
_LAGOON_REACH = {"Spain": "Portugal", "Portugal": "Spain", "Italy": "Malta", "Greece": "Cyprus", "Cyprus": "Greece"}
_LAGOON_SECTOR_SHARES = {LAGOON_PRACTICE: 0.45, LAGOON_CLINIC: 0.22, LAGOON_HOSPITAL: 0.1, LAGOON_LAB: 0.23}
_LAGOON_SIZES = {LAGOON_PRACTICE: (2, 45), LAGOON_CLINIC: (2, 25), LAGOON_HOSPITAL: (20, 220), LAGOON_LAB: (1, 40),
                 LAGOON_DSO: (25, 400), LAGOON_VET_GROUP: (20, 250)}
# the people an account has, by sector (besides the first: a practice's dentist, a clinic's or a hospital's vet, a
# laboratory's technician; a group practice's manager or dentist)
_LAGOON_ROLES: dict[str, dict[str, float]] = {
    LAGOON_PRACTICE: {"dentist": 0.5, "manager": 0.45, "it": 0.05},
    LAGOON_CLINIC: {"vet": 0.6, "manager": 0.4},
    LAGOON_HOSPITAL: {"vet": 0.45, "manager": 0.2, "it": 0.12, "finance": 0.1, "procurement": 0.13},
    LAGOON_LAB: {"lab": 0.8, "manager": 0.15, "finance": 0.05},
    LAGOON_DSO: {"executive": 0.22, "procurement": 0.26, "finance": 0.18, "it": 0.14, "operations": 0.2},
    LAGOON_VET_GROUP: {"executive": 0.22, "procurement": 0.26, "finance": 0.18, "it": 0.14, "operations": 0.2},
}
_LAGOON_LEAD = {LAGOON_PRACTICE: "dentist", LAGOON_CLINIC: "vet", LAGOON_HOSPITAL: "vet", LAGOON_LAB: "lab"}
# the chance an independent practice, clinic or laboratory shuts for the summer, by country
LAGOON_SHUT = {"Italy": 0.85, "Spain": 0.75, "Greece": 0.7, "Portugal": 0.55, "Cyprus": 0.5, "Malta": 0.2}


def lagoon_key(role: str, sector: str, country: str) -> str:
    """A contact's segment from what the CRM holds: the role read from the title; for dentists the market of the account's
    country (Spain and Portugal, Italy and Malta, Greece and Cyprus); for vets whether the account is a hospital."""
    if role == "dentist":
        return f"dentist/{LAGOON_MARKET[country]}"
    if role == "vet":
        return "vet/hospital" if sector == LAGOON_HOSPITAL else "vet/clinic"
    return role


def lagoon_holidays(country: str, subdiv: str | None) -> frozenset[dt.date]:
    """Every day in the history's years that is a public holiday of ``country`` where its subdivision ``subdiv`` (an
    autonomous community or a city in Spain, a district or an autonomous region in Portugal, a province in Italy) adds its
    own, whatever the weekday."""
    return _holiday_dates(LAGOON_CODES[country], subdiv, LAGOON_YEARS)


def lagoon_off(key: str, country: str, subdiv: str | None) -> frozenset[dt.date]:
    """A contact's public days off: the place's public holidays, none for the hospitals' vets."""
    return frozenset() if key in LAGOON_ROTA else lagoon_holidays(country, subdiv)


def _lagoon_season(key: str, country: str, subdiv: str | None, loc: dt.datetime) -> float:
    """The log-odds of a reply by the contact's local moment besides the weekday and the days off (see the world's
    description)."""
    day = loc.date()
    m, d, wd = day.month, day.day, day.weekday()
    h = loc.hour + loc.minute / 60.0
    if key in LAGOON_ROTA:
        return LAGOON_WORKED_HOLIDAY if day in lagoon_holidays(country, subdiv) else 0.0
    z = 0.0
    if key in LAGOON_SATURDAY and wd == 5 and h >= 14.0:
        z += LAGOON_SATURDAY_AFTERNOON
    if key == "dentist/greece" and wd in (0, 2) and h >= 18.0:
        z += LAGOON_FREE_EVENING
    if key in LAGOON_OFFICE:
        if m == 8 and d <= 25:
            z += LAGOON_AUGUST
        if country == "Spain" and m in (7, 8) and wd < 5 and h >= 15.0:
            z += LAGOON_SUMMER_HOURS
    if (m == 12 and d >= 24) or (m == 1 and d <= 6):
        z += LAGOON_YEAR_END
    if country in LAGOON_HOLY_WEEK_COUNTRIES and LAGOON_HOLY_WEEK_DAYS[0] <= day <= LAGOON_HOLY_WEEK_DAYS[1]:
        z += LAGOON_HOLY_WEEK
    if key == "finance" and (d <= 3 or _last_days(day, 3)):
        z += LAGOON_CLOSE
    if key == "lab" and LAGOON_IDS[0] <= day <= LAGOON_IDS[1]:
        z += LAGOON_FAIR
    return z


def lagoon_pace(country: str) -> Callable[[float], float]:
    """Gap multiplier of a rep's cadence to a contact in ``country`` by the date: the reps write much less from 1 to 25
    August (2.4 to Italy, 2.0 elsewhere) and less in the last ten days of July (1.3), over the year-end (20 December to 6
    January, 1.8) and in Holy Week and Easter week 2025 (14 to 25 April, 1.4)."""
    august = 2.4 if country == "Italy" else 2.0

    def pace(t: float) -> float:
        day = dt.datetime.fromtimestamp(t, UTC).date()
        m, d = day.month, day.day
        if m == 8 and d <= 25:
            return august
        if m == 7 and d >= 22:
            return 1.3
        if (m == 12 and d >= 20) or (m == 1 and d <= 6):
            return 1.8
        if dt.date(2025, 4, 14) <= day <= dt.date(2025, 4, 25):
            return 1.4
        return 1.0

    return pace


def _lagoon_summer(country: str) -> tuple[dt.date, int, tuple[int, ...]]:
    """(the earliest first day, the span of first days in days, the weeks) of a summer absence in ``country``: in Italy
    from 1 to 11 August for two or three weeks (Ferragosto, 15 August, inside), in Spain from 28 July to 11 August for two
    or three, in Portugal from 1 to 15 August for two or three, in Greece and Cyprus from 8 to 14 August for one or two
    (the Dormition, 15 August, inside) and in Malta from 1 July to 1 September for one or two."""
    return {"Italy": (dt.date(2025, 8, 1), 10, (2, 2, 3)), "Spain": (dt.date(2025, 7, 28), 14, (2, 3, 3)),
            "Portugal": (dt.date(2025, 8, 1), 14, (2, 2, 3)), "Greece": (dt.date(2025, 8, 8), 6, (1, 2, 2)),
            "Cyprus": (dt.date(2025, 8, 8), 6, (1, 2, 2)), "Malta": (dt.date(2025, 7, 1), 62, (1, 2))}[country]


def _lagoon_leave(rng: random.Random, country: str, same: bool) -> tuple[tuple[dt.date, dt.date], ...]:
    """A summer absence in 2024 and in 2025 (first day away, day back, both weekdays; see ``_lagoon_summer``): the same
    days of the year both years when ``same`` (a practice that shuts), drawn afresh each year otherwise."""
    first, span, weeks = _lagoon_summer(country)
    k, n = rng.randint(0, span), rng.choice(weeks)
    out = []
    for year in (2024, 2025):
        if not same and year == 2025:
            k, n = rng.randint(0, span), rng.choice(weeks)
        out.append(_away(first.replace(year=year) + dt.timedelta(days=k), 7 * n))
    return tuple(out)


def _lagoon_name(country: str, rng: random.Random) -> tuple[str, str, str | None]:
    """(latinised given name, family name, the name as the CRM writes it when otherwise: in Greek script for some in
    Greece and Cyprus, with two family names for some in Spain and Portugal, FAMILY NAME first for some in Italy)."""
    if country in LAGOON_GREEK_SCRIPT:
        first, first_el, female = rng.choice(_LAGOON_GREEK_FIRSTS)
        man, woman, man_el, woman_el = rng.choice(_LAGOON_GREEK_LASTS)
        last, last_el = (woman, woman_el) if female else (man, man_el)
        return first, last, (f"{first_el} {last_el}" if rng.random() < LAGOON_GREEK_SCRIPT[country] else None)
    firsts, lasts = _LAGOON_PEOPLE[country]
    first, last = rng.choice(firsts), rng.choice(lasts)
    if rng.random() < LAGOON_TWO_SURNAMES.get(country, 0.0):
        return first, last, f"{first} {last} {rng.choice([x for x in lasts if x != last])}"
    if country == "Italy" and rng.random() < LAGOON_SURNAME_FIRST:
        return first, last, f"{last.upper()} {first}"
    return first, last, None


def _lagoon_family(country: str, rng: random.Random) -> str:
    """A family name of ``country`` for a company's name (a man's, latinised, in Greece and Cyprus)."""
    if country in LAGOON_GREEK_SCRIPT:
        return rng.choice(_LAGOON_GREEK_LASTS)[0]
    return rng.choice(_LAGOON_PEOPLE[country][1])


@dataclass
class _Practice:
    """An account as planned: where and what it is, its group (the head office's index, or its own for a head office),
    whether it is a customer."""

    country: str
    place: str
    sector: str
    employees: int
    customer: bool
    group: int = -1  # index in the plan of the group's head office (-1: an independent)
    stem: str = ""  # the group's stem
def lagoon(scale: float = 1.0, seed: int = 3131) -> PlantedWorld:
    """Kept aside for a final check. A vendor of practice-management software for dental and veterinary practices
    headquartered in Madrid (practice management with scheduling and patient records, online booking, patient reminders,
    billing and claims, lab orders between practices and laboratories, inventory, a veterinary hospital suite, group
    analytics and, from a specialist in Milan, the imaging bridge linking the X-ray and intraoral-scanner software)
    selling to 45 groups at scale 1 (seven in ten dental groups, the others veterinary groups), each a head office and
    two to six practices (about 140: a dental group's are dental practices, a veterinary group's clinics and, three in
    ten, hospitals; three in four in the group's home country, the others where it reaches: a Spanish group's in
    Portugal and back, an Italian group's in Malta, a Greek group's in Cyprus and back), and to 690 independents: dental
    practices (45%), veterinary clinics (22%), veterinary hospitals (10%) and dental laboratories (23%), in Spain (33%),
    Italy (30%), Portugal (12%), Greece (14%), Cyprus (5%) and Malta (6%). Contacts keep their place's clock, all
    changing on the European Union's dates (the last Sundays of March and October): mainland Spain, Italy and Malta on
    Central European Time (UTC+1, +2 in summer), the Canaries (Las Palmas, Santa Cruz de Tenerife), mainland Portugal
    and Madeira an hour behind, the Azores (Ponta Delgada) two hours behind, Greece and Cyprus an hour ahead. About
    fifteen months of history, from 24 July 2024 to Wednesday 22 October 2025 (07:00 UTC: 09:00 in Madrid, Rome and
    Valletta, 08:00 in Lisbon and the Canaries, 07:00 in the Azores, 10:00 in Athens and Nicosia); the ten days after
    the end hold the clocks going back an hour on Sunday 26 October everywhere, Ohi Day on Tuesday 28 October in Greece
    and Cyprus and All Saints' Day on Saturday 1 November in Spain, Portugal and Italy, when their practices would
    otherwise be open in the morning (Malta keeps neither). The CRM shows who owns a practice: a group's practices name
    its head office in subsidiary_of (sector Dental Group, Grupo Dental, Grupo de Clínicas Dentárias, Gruppo
    Odontoiatrico, Όμιλος Οδοντιατρείων; Veterinary Group, Grupo Veterinario, Grupo Veterinário, Gruppo Veterinario,
    Κτηνιατρικός Όμιλος) and are named after the group and the place (Grupo Perla Dental, S.L., Clínica Perla Madrid,
    Zampa Vet Group S.r.l., Ospedale Veterinario Zampa Roma); the head office's e-mail domain is the group's brand, and
    half of its practices use it. The sector is written in the language of the account's record: English, Spanish,
    Portuguese, Italian or Greek (in Greek script; three in five of Greece's records and a third of Cyprus's, all of
    Malta's in English): Dental Practice, Clínica Dental, Clínica Dentária, Studio Dentistico, Οδοντιατρείο; Veterinary
    Clinic, Clínica Veterinaria, Ambulatorio Veterinario, Κτηνιατρείο; Veterinary Hospital, Hospital Veterinário,
    Ospedale Veterinario, Κτηνιατρική Κλινική; Dental Laboratory, Laboratorio Dental, Laboratório de Prótese Dentária,
    Laboratorio Odontotecnico, Οδοντοτεχνικό Εργαστήριο. Company names follow the country (Clínica Dental Dr. García,
    Studio Dentistico Dott. Rossi, Odontiatreio Papadopoulos, Hospital Veterinário de Coimbra, Laboratorio Odontotecnico
    Navigli, Troodos Dental Clinic), and so do people's names (two family names for 55% of the Spaniards and 45% of the
    Portuguese, FAMILY NAME first for 20% of the Italians, Greek script for 35% of the Greeks and 20% of the Cypriots).
    A dental practice has its dentist (the owner, or at a group's practice the clinical director, the clinic manager
    coming first six times in ten), a clinic or a hospital its vet, a laboratory its technician, then more of them and
    managers, now and then an IT person (at a dental practice) or a finance person (at a laboratory) and, at a hospital,
    IT, finance and procurement people; a group's head office has executives, procurement, finance, IT and operations
    people. Titles are in Spanish, Portuguese, Italian (Italy and Malta), Greek in Greek script or latinised (Greece and
    Cyprus) and English (everywhere, most of Malta's), about 175 at scale 1 in many wordings and abbreviations, each
    naming one of nine roles (Odontólogo, Dir. Médico, Médico Dentista, Direttore Sanitario, Οδοντίατρος, Odontiatros,
    DDS; Veterinario, Med. Vet., Κτηνίατρος, Ktiniatros, DVM, MRCVS; Protésico Dental, TPD, Odontotecnico,
    Οδοντοτεχνίτης, CDT; Gerente, Gestora de Clínica, Responsabile di Studio, Υπεύθυνη Ιατρείου, Practice Manager;
    Consejero Delegado, AD, Διευθύνων Σύμβουλος, CEO; Resp. Compras, Ufficio Acquisti, Buyer; Director Financiero,
    Contabilista, Λογιστήριο, CFO; Responsable IT, Sistemista, IT Mgr; Director de Operaciones, Area Manager, COO); 8%
    name no job (Dr., Dra., Dott., Dott.ssa, Reception, Recepción, Receção, Segreteria, Γραμματεία, -, N/A) or are
    blank. Segments from the role read from the title and, for dentists, the market read from the country and, for vets,
    the kind of practice read from the sector, twelve of them: dentists in Spain and Portugal at 14:30, between the
    morning's patients and the afternoon's, and again at 21:00 after the evening surgery (a second bump, 1.15), those in
    Italy and Malta at 13:15 and 20:30 (1.05), those in Greece and Cyprus at 15:30, in the break between the split
    shifts (one bump; +0.55 on Monday and Wednesday from 18:00, when there is no evening surgery); managers at 09:15
    (best on Monday, +0.15); laboratories at 07:00, before the day's cases; the clinics' vets at 20:30, after the
    evening consultations, and at 15:00 in the long lunch break (a second bump, 1.0), the hospitals' vets, on a rota,
    broadly at 14:00 (sd 3.2 h) every day of the week; the head offices' executives at 19:00 (weak on Friday, -0.4),
    procurement at 10:45, finance at 17:00 (weak on Monday, -0.2), IT broadly at 13:00 (sd 3.3 h) and operations at
    08:00 and again at 18:30, back from the day's clinic visits (0.9). The dentists of Spain, Portugal, Italy and Malta,
    the laboratories and the clinics' vets answer on Saturday mornings (their best day, +0.1 to +0.25, the reply clock
    running every day) but not once the practice shuts (-1.2 from 14:00) nor on Sunday (-1.1 to -1.3); the hospitals'
    vets answer every day alike and the other segments on weekdays only (-0.9 to -1.3 at weekends); all but the two
    broad ones are narrow (sd 0.8-1.0 h). 25% of the contacts peak 2-3 hours off their segment's (15% of the managers,
    40% in the broad segments). The calendar: everyone but the hospitals' vets does not answer on the public holidays of
    their place, read from the holidays package with the autonomous community's or the city's in Spain (Madrid Day, the
    Diada and La Mercè in Barcelona, Valencian Community Day, Andalusia Day, the Day of the Canary Islands), the
    district's or the autonomous region's in Portugal (Saint Anthony in Lisbon, Saint John in Porto, Saint Elizabeth in
    Coimbra, the Azores' and Madeira's days) and the province's patron saint in Italy (Saint Ambrose in Milan, Saints
    Peter and Paul in Rome, Saint Januarius in Naples), Greece's Clean Monday and Orthodox Easter, Malta's and Cyprus's
    own days, nor on their days away: -3.0 on the log-odds, the reply clock stopped; the hospitals' vets work through
    them, answering a little less (-0.3). An independent practice, clinic or laboratory shuts for the summer with all
    its people, the same days in 2024 and 2025 (85% of them in Italy, 75% in Spain, 70% in Greece, 55% in Portugal, 50%
    in Cyprus, 20% in Malta): in Italy two or three weeks from a weekday between 1 and 11 August (Ferragosto inside), in
    Spain two or three from one between 28 July and 11 August, in Portugal two or three from one between 1 and 15
    August, in Greece and Cyprus one or two from one between 8 and 14 August (the Dormition inside), in Malta one or two
    from one between 1 July and 1 September; at the others, the groups and the hospitals, 55% of the office people and
    40% of the others take such weeks on their own, drawn afresh each year (days off, with an automatic reply naming the
    day back; a rep who gets one waits for that day). The office people (managers and the head offices' people) answer
    less from 1 to 25 August (-0.5), and Spain's on weekdays from 15:00 in July and August (the summer hours, -0.7);
    everyone but the hospitals' vets from 24 December to 6 January (-0.6) and, in Spain, Greece and Cyprus, from Monday
    to Wednesday of Holy Week 2025 (-0.45; Easter fell on the same day in both churches); finance people in the last
    three and first three days of each month (the close, -0.45); the laboratories while the International Dental Show
    runs in Cologne (25 to 29 March 2025, -0.7). Reps in four offices, each with a habitual hour on their own clock and
    15-25% of their touches at another hour (07-21): account executives in Madrid (Spain's centre, south, north-west and
    the Canaries at 10:00; Barcelona, Valencia, the Balearics and Bilbao at 16:30, after the long lunch; the groups of
    Spain and Portugal at 11:30), Lisbon (Portugal, the Azores and Madeira, 10:30), Milan (the north of Italy and
    Italy's groups at 09:30; the centre, the south and Malta at 15:00) and Athens (Greece, Cyprus and their groups,
    11:00), one account in ten owned by another and half of a group's practices by the head office's; customer success
    in Madrid (12:00; Spain and Portugal), Milan (11:30; Italy and Malta) and Athens (09:00; Greece and Cyprus);
    implementation consultants in Madrid (08:30), Lisbon, Milan and Athens (08:00), who train the managers (and, but at
    dental practices, the vets and technicians) after a won deal; the sales development hub in Lisbon (09:00 for Spain
    and Portugal; 09:30 for Italy, Malta, Greece and Cyprus: 10:30 in Rome, 11:30 in Athens); and the imaging specialist
    in Milan (14:00). They keep their office's public holidays (Madrid's, Lisbon's, Milan's, Greece's) and never write
    at weekends, but for the consultants, who work through the holidays and keep a quarter (a fifth in Athens) of the
    weekend days for the practices open on Saturdays. Four dealers who resell the software with their supplies write
    after the day's visits, keep no holidays and keep 25-30% of the weekend days: in Valencia (19:00; Spain's east and
    south), Porto (18:30; Porto and Coimbra), Bologna (18:00; the north of Italy, veterinary clinics too) and
    Thessaloniki (19:30; Greece and Cyprus); each keeps in touch with the dentist, technician or (from Bologna) vet of
    two in five of the independents they serve in their territory every three to six and a half weeks, more than half of
    it by calls and visits, selling a third of them the account's first line in a deal of one to three months. About 37%
    of the independents are customers, and half of the groups (four in five of their practices then, 15% otherwise): a
    customer's success manager keeps in touch with one or two of its dentists, vets, technicians or managers every two
    and a half to six weeks; the account executive works the renewal of the account's first line (practice management,
    the hospital suite, lab orders) before each anniversary; one to three lines of deals side by side (two from 12
    employees, three from 60), each of one to three months with one to three people, the next one to five months later
    (each time with a chance of 65%); a won deal gets the managers (and, but at dental practices, the vets and
    technicians) trained, the consultant touching one to three of them every two to four days for three to eight weeks;
    35% of the customers among the hospitals, the groups' practices and the dental practices from 8 employees get an
    imaging deal from the specialist with one or two dentists, vets or IT people. Before the summer, customer success
    writes once (14 to 22 July 2025) to the dentists, vets, technicians and managers of two in five customers (but
    hospitals) about pausing the patient reminders while they are shut. At a customer group's head office the account
    executive keeps in touch with four people in five every three to six weeks and, six times in ten, runs a group-wide
    deal of two to six months with one or two of them (the specialist alongside three times in ten). Prospects get the
    sales development sequences (70% of their people: three to six steps two to four days apart, again two to five
    months later), the account executive keeping in touch with the dentist, vet or technician every four to seven weeks
    in 35% of them (an executive or operations person in 40% of the head offices), and a deal in 35% of them (the
    specialist joining a third of those at hospitals, groups' practices and dental practices from 8 employees); a
    touched person in none of these gets a single e-mail. The reps write much less from 1 to 25 August (2.4 times the
    gap to Italy, 2.0 elsewhere) and less in the last ten days of July (1.3), over the year-end (20 December to 6
    January, 1.8) and in Holy Week and Easter week 2025 (1.4). The CRM's quirks: contacts.csv gives 40% of the islanders
    their country's mainland zone (Europe/Madrid for the Canaries, an hour off; Europe/Lisbon for the Azores, an hour
    off, and for Madeira, right); the employee count is blank for 8% of the independent dental practices and
    laboratories; the customers' people also write in unprompted up to twice. A touch the same day as the last does
    badly (-0.9, -0.55 from half a day), the next day a little (-0.15), five to ten days after it is best (+0.3, +0.1 at
    two days and at three weeks) and long silences cost (-0.1 from three months, -0.45 from eight); fatigue counts six
    days (-0.05 for one touch in them, on down to -1.1 from six); unanswered touches in a row cost more and more (-0.8
    from seven); a reply in the last four days helps (+0.35, gone after twelve); a person never touched answers less
    (-0.35); calls do better than e-mails (+0.3), meetings much better (+0.9); replies take about nine waking hours on
    average. So the account executives make 52% of the touches, customer success 19%, sales development 12%, the
    consultants 10%, the dealers 5.5% and the specialist 2%; 32% of the touches come from a rep in another time zone
    than the contact's (20% on another offset); each segment's four busiest hours of the contact's clock hold 56-83% of
    its touches; 0.3% of the touches land before 07:00, 5% from 19:00 and 1% at a weekend, so the late segments are
    seldom touched near their peak (4% of the clinics' vets' and of the executives' touches within 1.5 hours of the
    contact's own peak, 12-15% of the Greek and Iberian dentists'); 71% of the contacts are away for some summer days;
    13% of the touched contacts are in two deals at once for a while; a touched contact gets 13 touches at the median (1
    at the 10th percentile, 47 at the 90th, up to about 120), 29% of them six or fewer and 14% a single one. About 58%
    of the touches are e-mails, 33% calls and 9% meetings. About 30,500 touches at scale 1, about 1,900 contacts, about
    15% of them never touched."""
    staff: dict[str, tuple[str, str, str | None]] = {}  # by e-mail: segment, country, the holidays' subdivision

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        key, country, subdiv = staff[c.email]
        return _lagoon_season(key, country, subdiv, loc)

    fx = Effects(
        base=-1.05,
        gap=_pl((0.0, -0.9), (0.5, -0.55), (1.0, -0.15), (2.0, 0.1), (5.0, 0.3), (10.0, 0.3), (21.0, 0.1), (90.0, -0.1),
                (240.0, -0.45)),
        cold=-0.35,
        fatigue_days=6.0,
        fatigue=(0.0, -0.05, -0.25, -0.5, -0.75, -0.95, -1.1),
        streak=(0.0, -0.15, -0.3, -0.45, -0.55, -0.65, -0.75, -0.8),
        recent=_pl((0.0, 0.35), (4.0, 0.3), (12.0, 0.0)),
        night=-1.1,
        channel=(0.0, 0.3, 0.9),
        delay=Delay(((0.4, 1.5), (0.4, 7.0), (0.2, 26.0)), floor=0.15),
        responsiveness_sd=0.55,
        holiday=LAGOON_OFF,
        calendar=calendar,
    )
    w = PlantedWorld("lagoon", _doc(lagoon), fx, dt.datetime(2025, 10, 22, 7, 0, tzinfo=UTC), seed)
    w.history_days = 470.0
    rng = random.Random(seed)
    b = _Builder(w, rng)
    end = w.end_ts
    begin = end - 455 * DAY
    madrid, lisbon, milan, athens = "Europe/Madrid", "Europe/Lisbon", "Europe/Rome", "Europe/Athens"
    md = _holiday_dates("ES", "MD", LAGOON_YEARS, weekdays=True)
    pt = _holiday_dates("PT", "11", LAGOON_YEARS, weekdays=True)
    mi = _holiday_dates("IT", "MI", LAGOON_YEARS, weekdays=True)
    gr = _holiday_dates("GR", None, LAGOON_YEARS, weekdays=True)
    # Madrid: account executives for Spain's centre, south, north-west and the Canaries, and for Barcelona, Valencia, the
    # Balearics and Bilbao (writing after the long lunch); the account executive for the groups of Spain and Portugal;
    # customer success for Spain and Portugal; the implementation consultant for Spain (who works through the holidays
    # and trains the practices open on Saturdays on some of them)
    navarro = b.rep("Lucía Navarro", madrid, 10.0, 5.5, hour_sd=0.6, p_random=0.2, off=md)
    puig = b.rep("Jordi Puig", madrid, 16.5, 5.5, hour_sd=0.7, p_random=0.22, off=md)
    dominguez = b.rep("Irene Domínguez", madrid, 11.5, 6.0, hour_sd=0.6, p_random=0.2, off=md)
    iglesias = b.rep("Marta Iglesias", madrid, 12.0, 7.0, hour_sd=0.7, p_random=0.22, off=md)
    ortega = b.rep("Pablo Ortega", madrid, 8.5, 3.0, hour_sd=0.5, p_random=0.15, weekend=0.25)
    # Lisbon: the account executive for Portugal, the Azores and Madeira, the implementation consultant for Portugal,
    # and the sales development hub (one rep for Spain and Portugal, one for Italy, Malta, Greece and Cyprus)
    carvalho = b.rep("Inês Carvalho", lisbon, 10.5, 5.5, hour_sd=0.6, p_random=0.2, off=pt)
    almeida = b.rep("Rui Almeida", lisbon, 8.0, 3.0, hour_sd=0.5, p_random=0.15, weekend=0.25)
    moreira = b.rep("Tiago Moreira", lisbon, 9.0, 3.0, hour_sd=0.5, p_random=0.15, off=pt)
    lopes = b.rep("Beatriz Lopes", lisbon, 9.5, 3.0, hour_sd=0.5, p_random=0.15, off=pt)
    # Milan: account executives for the north of Italy (and Italy's groups) and for the centre, the south and Malta;
    # customer success and implementation for Italy and Malta; the imaging specialist for every market
    bianchi = b.rep("Giulia Bianchi", milan, 9.5, 5.5, hour_sd=0.6, p_random=0.2, off=mi)
    esposito = b.rep("Marco Esposito", milan, 15.0, 6.0, hour_sd=0.7, p_random=0.22, off=mi)
    conti = b.rep("Chiara Conti", milan, 11.5, 7.0, hour_sd=0.7, p_random=0.22, off=mi)
    ferrari = b.rep("Luca Ferrari", milan, 8.0, 3.0, hour_sd=0.5, p_random=0.15, weekend=0.25)
    rinaldi = b.rep("Andrea Rinaldi", milan, 14.0, 6.0, hour_sd=0.6, p_random=0.2, off=mi)
    # Athens: the account executive, customer success and the implementation consultant for Greece and Cyprus
    papadopoulos = b.rep("Nikos Papadopoulos", athens, 11.0, 5.5, hour_sd=0.6, p_random=0.2, off=gr)
    georgiou = b.rep("Eleni Georgiou", athens, 9.0, 7.0, hour_sd=0.7, p_random=0.22, off=gr)
    ioannou = b.rep("Kostas Ioannou", athens, 8.0, 3.0, hour_sd=0.5, p_random=0.15, weekend=0.2)
    # the dealers who resell the software with their dental (and, in Italy, veterinary) supplies, writing after the day's
    # visits: in Valencia, Porto, Bologna and Thessaloniki
    soler = b.rep("Vicente Soler", madrid, 19.0, 30.0, hour_sd=0.9, p_random=0.25, weekend=0.3)
    matos = b.rep("Fernando Matos", lisbon, 18.5, 30.0, hour_sd=0.9, p_random=0.25, weekend=0.3)
    greco = b.rep("Paolo Greco", milan, 18.0, 30.0, hour_sd=0.9, p_random=0.25, weekend=0.25)
    kalogirou = b.rep("Giorgos Kalogirou", athens, 19.5, 30.0, hour_sd=0.9, p_random=0.25, weekend=0.3)
    every_ae = [navarro, puig, carvalho, bianchi, esposito, papadopoulos]
    group_ae = {"Spain": dominguez, "Portugal": dominguez, "Italy": bianchi, "Greece": papadopoulos,
                "Cyprus": papadopoulos}
    segments = {k: Segment(k, p, sd, a, week, every, second=LAGOON_SECOND.get(k))
                for k, (p, sd, a, _, week, every) in LAGOON_SEGMENTS.items()}
    taken: set[str] = set()

    def territory(country: str, place: str) -> int:
        if country == "Spain":
            return puig if place in ("Barcelona", "Valencia", "Palma", "Bilbao") else navarro
        if country == "Italy":
            return bianchi if place in ("Milano", "Torino", "Bologna", "Padova", "Firenze") else esposito
        return {"Portugal": carvalho, "Malta": esposito, "Greece": papadopoulos, "Cyprus": papadopoulos}[country]

    def after_sale(country: str) -> tuple[int, int, int]:
        """(customer success, implementation consultant, sales development rep) for ``country``."""
        return {"Spain": (iglesias, ortega, moreira), "Portugal": (iglesias, almeida, moreira),
                "Italy": (conti, ferrari, lopes), "Malta": (conti, ferrari, lopes),
                "Greece": (georgiou, ioannou, lopes), "Cyprus": (georgiou, ioannou, lopes)}[country]

    def dealer(country: str, place: str, sector: str) -> int | None:
        """The dealer who sells to an independent of ``sector`` in ``place``, if any."""
        if sector not in (LAGOON_PRACTICE, LAGOON_LAB) and not (country == "Italy" and sector == LAGOON_CLINIC):
            return None
        if country == "Spain" and place in ("Valencia", "Barcelona", "Palma", "Sevilla", "Málaga"):
            return soler
        if country == "Portugal" and place in ("Porto", "Coimbra"):
            return matos
        if country == "Italy" and place in ("Bologna", "Milano", "Padova", "Firenze", "Torino"):
            return greco
        return kalogirou if country in ("Greece", "Cyprus") else None

    def name_of(firm: _Practice, lang: str) -> str:
        def make(k: int) -> str:
            if firm.stem:
                name = _LAGOON_GROUP_KINDS[(firm.sector, lang)].format(g=firm.stem, c=firm.place)
                return name.replace(firm.stem, f"{firm.stem} {k + 1}", 1) if k else name
            stem = _stem(rng, _LAGOON_STEMS[firm.country], k)
            kind = rng.choice(_LAGOON_KINDS[(firm.sector, firm.country)])
            return kind.format(s=stem, p=firm.place, n=_lagoon_family(firm.country, rng))

        return _unique(taken, make)

    def person(ai: int, role: str, key: str, country: str, place: str, owner: int, domain: str) -> _Contact:
        zone, subdiv, _ = LAGOON_PLACES[country][place]
        if rng.random() < LAGOON_UNNAMED:
            title = rng.choice(LAGOON_NAMELESS)
        else:
            lang = _weighted(rng, LAGOON_LANGUAGE[country])
            title = rng.choice(_LAGOON_TITLES.get((role, lang)) or _LAGOON_TITLES[(role, "en")])
        c = b.named(ai, zone, segments[key], owner, LAGOON_SEGMENTS[key][3], title, domain, _lagoon_name, country,
                    lagoon_off(key, country, subdiv))
        if zone in LAGOON_ISLANDS and rng.random() < LAGOON_MAINLAND:
            c.listed = _zone(LAGOON_ISLANDS[zone])  # the CRM's zone for the country
        staff[c.email] = (key, country, subdiv)
        return c

    def size(sector: str, low_floor: int = 0) -> int:
        low, high = _LAGOON_SIZES[sector]
        return _headcount(rng, max(low, low_floor), high)

    # the plan: the groups (a head office and two to six practices), then the independents
    firms: list[_Practice] = []
    stems = {kind: list(_LAGOON_GROUP_STEMS[kind]) for kind in LAGOON_GROUPS}
    for kind in LAGOON_GROUPS:
        rng.shuffle(stems[kind])
    made = dict.fromkeys(LAGOON_GROUPS, 0)
    for _g in range(_count(scale, 45, 2)):
        kind = LAGOON_DSO if rng.random() < 0.7 else LAGOON_VET_GROUP
        home = _weighted(rng, _LAGOON_HOMES)
        stem = _group_stem(stems[kind], made[kind])
        made[kind] += 1
        customer = rng.random() < 0.5
        head = len(firms)
        firms.append(_Practice(home, _weighted(rng, _LAGOON_HEAD_OFFICES[home]), kind, size(kind), customer, head, stem))
        held: set[tuple[str, str, str]] = set()
        for _k in range(rng.randint(2, 6)):
            country = home if rng.random() < 0.75 else _LAGOON_REACH[home]
            place = _weighted(rng, {p: share for p, (_, _, share) in LAGOON_PLACES[country].items()})
            sector = LAGOON_PRACTICE if kind == LAGOON_DSO else LAGOON_HOSPITAL if rng.random() < 0.3 else LAGOON_CLINIC
            if (country, place, sector) in held:
                continue
            held.add((country, place, sector))
            firms.append(_Practice(country, place, sector, size(sector, 6), rng.random() < (0.8 if customer else 0.15),
                                   head, stem))
    for _ in range(_count(scale, 690, 8)):
        country = _weighted(rng, _LAGOON_COUNTRIES)
        sector = _weighted(rng, _LAGOON_SECTOR_SHARES)
        place = _weighted(rng, {p: share for p, (_, _, share) in LAGOON_PLACES[country].items()})
        firms.append(_Practice(country, place, sector, size(sector), rng.random() < 0.37))
    account_of: dict[int, int] = {}  # plan index -> account index
    domain_of: dict[int, str] = {}
    for fi, firm in enumerate(firms):
        country, place, sector, employees, customer = firm.country, firm.place, firm.sector, firm.employees, firm.customer
        grouped = firm.group >= 0
        holding = grouped and firm.group == fi
        if holding:
            owner = group_ae[country]
        else:
            owner = territory(country, place) if rng.random() < 0.9 else rng.choice(every_ae)
            if grouped and rng.random() < 0.5:
                owner = w.accounts[account_of[firm.group]].owner
        csm, consultant, sdr = after_sale(country)
        pace = lagoon_pace(country)
        ai = b.account("healthcare", country, employees, owner)
        account_of[fi] = ai
        acc = w.accounts[ai]
        lang = _weighted(rng, _LAGOON_RECORD[country])
        acc.name = name_of(firm, lang)
        acc.sector = LAGOON_SECTOR_WORDS[lang][LAGOON_SECTORS.index(sector)]
        acc.parent = w.accounts[account_of[firm.group]].name if grouped and not holding else ""
        if not grouped and sector in (LAGOON_PRACTICE, LAGOON_LAB) and rng.random() < 0.08:
            acc.employees = 0  # the CRM has no count
        if holding:
            domain = _domain(f"{firm.stem} {'dental' if sector == LAGOON_DSO else 'vet'}")  # the group's brand
        elif grouped and rng.random() < 0.5:
            domain = domain_of[firm.group]  # the group's e-mail domain
        else:
            domain = _domain(acc.name)
        domain_of[fi] = domain
        arrival = begin if rng.random() < 0.7 else begin + rng.uniform(0.0, 400.0) * DAY
        if holding:
            plan = [_weighted(rng, _LAGOON_ROLES[sector]) for _k in range(rng.choice((1, 2, 2, 3, 3)))]
        else:
            lead = _LAGOON_LEAD[sector]
            if grouped and rng.random() < (0.6 if sector == LAGOON_PRACTICE else 0.4):
                lead = "manager"  # a group's practice: the clinic manager first
            more = rng.choice((0, 1, 1, 2, 3) if customer else (0, 1, 1, 1, 2))
            plan = [lead] + [_weighted(rng, _LAGOON_ROLES[sector]) for _k in range(more)]
        # an independent practice, clinic or laboratory may shut for the summer: all its people away together
        shut = not grouped and sector != LAGOON_HOSPITAL and rng.random() < LAGOON_SHUT[country]
        closure = _lagoon_leave(rng, country, True) if shut else ()
        people: list[_Contact] = []
        role_of: dict[str, str] = {}
        for k, role in enumerate(plan):
            key = lagoon_key(role, sector, country)
            c = person(ai, role, key, country, place, owner, domain)
            if closure:
                _on_leave(c, closure)
            elif rng.random() < (0.55 if key in LAGOON_OFFICE else 0.4):
                _on_leave(c, _lagoon_leave(rng, country, False))
            if k > 0 and b.cold(0.13 if customer else 0.42):
                continue  # never touched (never an account's first person)
            people.append(c)
            role_of[c.email] = role
            c.inbound = rng.randint(0, 2) if customer else 0

        def having(*roles: str, among: list[_Contact] = people, roles_of: dict[str, str] = role_of) -> list[_Contact]:
            return [c for c in among if roles_of[c.email] in roles]

        lines = _LAGOON_LINES[sector]
        imaging = sector in (LAGOON_HOSPITAL, *LAGOON_GROUPS) or (sector == LAGOON_PRACTICE and (employees >= 8 or grouped))
        specialist = (rinaldi, _LAGOON_SPECIALIST, (0.7, 0.95)) if imaging else None
        leads = having("dentist", "vet", "lab")
        if holding:
            b.head_office(ai, owner, sdr, arrival, pace, people, customer, having("executive", "operations"), lines,
                          (0.6, 0.88), specialist)
        elif customer:
            deciders = having("dentist", "vet", "lab", "manager", "procurement", "it", "finance") or people[:1]
            b.customer(ai, owner, arrival, begin, pace, success=csm, consultant=consultant,
                       keys=having("dentist", "vet", "lab", "manager") or people,
                       buyers=leads + having("finance", "procurement") or people, deciders=deciders,
                       floor=having("manager") if sector == LAGOON_PRACTICE else having("manager", "vet", "lab"),
                       experts=having("dentist", "vet", "it"), products=lines,
                       n_lines=3 if employees >= 60 else 2 if employees >= 12 else 1, longest=90.0,
                       specialist=specialist)
            # before the summer, customer success writes once to the leads and managers of two practices in five about
            # pausing the patient reminders while they are shut
            if sector != LAGOON_HOSPITAL and rng.random() < 0.4:
                b.notice(having("dentist", "vet", "lab", "manager"), csm, dt.date(2025, 7, 14), (0.0, 8.0), arrival)
        else:
            deciders = having("dentist", "vet", "lab", "manager", "procurement", "it", "finance") or people[:1]
            b.prospect(ai, owner, sdr, arrival, pace, deciders, leads or people[:1], deciders, lines, specialist)
        # a dealer keeps in touch with two in five of the independents in their territory, and sells to a third of those
        seller = None if grouped else dealer(country, place, sector)
        if seller is not None and rng.random() < 0.4:
            lead_c = people[0]
            _paced(lead_c, seller, arrival + rng.uniform(0.0, 60.0) * DAY, end, rng.uniform(21.0, 45.0), pace, (0.45, 0.9),
                   react=0.3)
            if rng.random() < 0.35:
                t = arrival + rng.uniform(20.0, 380.0) * DAY
                if t < end - 10 * DAY:
                    dur = rng.uniform(30.0, 90.0) * DAY
                    di = b.deal(seller, ai, t, t + dur)
                    w.deals[di].product = lines[0]
                    _paced(lead_c, seller, t, min(t + dur, end), rng.uniform(5.0, 9.0), pace, (0.4, 0.85), di, 0.4)
        for c in people:
            b.untouched(c, csm if customer else sdr, arrival)
    w.simulate()
    w.auto_replies()
    return w


# --------------------------------------------------------------------------------------------------------
# 32. Water-network software for water utilities, water authorities and engineering consultancies in the Low Countries,
# Denmark, Bangladesh and Thailand (kept aside)

ESTUARY_ZONES = {"Netherlands": "Europe/Amsterdam", "Belgium": "Europe/Brussels", "Denmark": "Europe/Copenhagen",
                 "Bangladesh": "Asia/Dhaka", "Thailand": "Asia/Bangkok"}
ESTUARY_CODES = {"Netherlands": "NL", "Belgium": "BE", "Denmark": "DK", "Bangladesh": "BD", "Thailand": "TH"}
ESTUARY_MARKET = {"Netherlands": "europe", "Belgium": "europe", "Denmark": "europe", "Bangladesh": "asia",
                  "Thailand": "asia"}
ESTUARY_UTILITY, ESTUARY_AUTHORITY, ESTUARY_GROUP, ESTUARY_CONSULTANCY = (
    "water utility", "water authority", "utility group", "engineering consultancy")
ESTUARY_SECTORS = (ESTUARY_UTILITY, ESTUARY_AUTHORITY, ESTUARY_GROUP, ESTUARY_CONSULTANCY)
ESTUARY_PUBLIC = (ESTUARY_UTILITY, ESTUARY_AUTHORITY, ESTUARY_GROUP)  # the public bodies (Belgium's strike days)
ESTUARY_PRODUCTS = ("Telemetry & SCADA", "Leak Detection", "Smart Metering", "Asset Management", "Water Quality LIMS",
                    "Flood Early Warning", "Hydraulic Digital Twin")
_ESTUARY_SPECIALIST = ESTUARY_PRODUCTS[6]  # what the specialist in Copenhagen sells
_ESTUARY_LINES = {ESTUARY_UTILITY: ESTUARY_PRODUCTS[:5], ESTUARY_AUTHORITY: ("Telemetry & SCADA", "Flood Early Warning",
                  "Asset Management", "Water Quality LIMS"), ESTUARY_GROUP: ("Asset Management", "Smart Metering",
                  "Telemetry & SCADA"), ESTUARY_CONSULTANCY: ("Flood Early Warning", "Asset Management")}
ESTUARY_EVERY_DAY = ("field", "consultant")  # the segments that answer on the days of their weekend
ESTUARY_ON_CALL = ("field",)  # the segments that work through the public holidays (the on-call rota)
ESTUARY_OFF = -1.3  # a touch on one of the contact's days off (a day of their weekend, a public holiday, a day away)
ESTUARY_HOLIDAY = -1.7  # on top of it on a public holiday of an office person
ESTUARY_WORKED_HOLIDAY = -0.4  # a touch to a field person on a public holiday
ESTUARY_PAKJESAVOND = -1.0  # everyone in the Netherlands on 5 December from 14:00 (Sinterklaas: home for the presents)
ESTUARY_JULEFROKOST = -0.9  # Denmark's office people on Fridays from 13:00, 22 November to 19 December (the Christmas
# lunches)
ESTUARY_STRIKE = -1.2  # Belgium's public bodies' people on the national strike days
ESTUARY_STRIKES = (dt.date(2025, 3, 31), dt.date(2025, 11, 26))
ESTUARY_YEAR_END = -0.6  # Europe's office people from 22 December to 2 January
ESTUARY_FLOODS = -0.6  # operations and field people in Bangladesh and Thailand from 15 August to 15 October (the
# monsoon floods)
ESTUARY_IFTAR = -0.6  # Bangladesh's office people in Ramadan from 15:00 (the short working day)
ESTUARY_YEARS = (2024, 2025, 2026)
ESTUARY_WEEK = {"Bangladesh": (6, (4, 5))}  # (the first day of the working week, its weekend), Monday being 0; else
# Monday to Friday
# segment: peak, sd, amp, share of contacts peaking 2-3 hours off, weekdays from the first day of the contact's working
# week (Monday, or Sunday in Bangladesh), the weekend last; every segment's reply clock runs every day but on the
# contact's days off (``ESTUARY_OFF``)
ESTUARY_SEGMENTS: dict[str, tuple[float, float, float, float, tuple[float, ...]]] = {
    "executive/europe": (7.25, 0.9, 1.4, 0.25, (0.15, 0.1, 0.05, 0.0, -0.35, -0.3, -0.2)),
    "executive/asia": (20.5, 1.0, 1.35, 0.25, (0.0, 0.1, 0.1, 0.05, -0.2, -0.3, -0.2)),
    "operations/europe": (6.75, 0.9, 1.5, 0.2, (0.1, 0.1, 0.05, 0.0, -0.3, -0.3, -0.3)),
    "operations/asia": (10.0, 1.0, 1.4, 0.2, (0.1, 0.05, 0.05, 0.0, -0.15, -0.3, -0.3)),
    "engineer": (13.5, 3.5, 0.9, 0.4, (0.0, 0.1, 0.15, 0.1, -0.2, -0.3, -0.3)),
    "field": (12.25, 0.9, 1.3, 0.25, (0.0, 0.0, 0.0, 0.0, 0.05, 0.15, 0.1)),
    "procurement/group": (10.5, 0.9, 1.4, 0.2, (-0.1, 0.15, 0.15, 0.05, -0.25, -0.3, -0.3)),
    "procurement": (15.0, 1.0, 1.35, 0.25, (-0.1, 0.1, 0.1, 0.1, -0.3, -0.3, -0.3)),
    "it": (16.0, 3.2, 0.9, 0.4, (0.0, 0.1, 0.15, 0.1, -0.2, -0.3, -0.3)),
    "consultant": (20.0, 1.0, 1.4, 0.25, (-0.1, 0.0, 0.0, 0.0, -0.2, -0.25, 0.3)),
    "finance": (9.0, 0.9, 1.4, 0.2, (-0.2, 0.1, 0.1, 0.1, -0.1, -0.3, -0.3)),
}
ESTUARY_SPLIT = ("executive", "operations")  # the roles whose hours differ by market
# Titles by role and language: Dutch (the Netherlands and Flanders), French (Wallonia and Brussels), Danish, Thai (in
# Thai script) and English (everywhere; most of Bangladesh's, with the abbreviations of its engineering services).
_ESTUARY_TITLES: dict[tuple[str, str], tuple[str, ...]] = {
    ("executive", "nl"): ("Directeur", "Algemeen Directeur", "Dijkgraaf", "Directeur-Bestuurder", "Secretaris-Directeur",
                          "Dir."),
    ("executive", "fr"): ("Directeur Général", "Administrateur Délégué", "Dir. Gén."),
    ("executive", "da"): ("Administrerende direktør", "Adm. direktør", "Direktør", "Forsyningschef"),
    ("executive", "th"): ("กรรมการผู้จัดการ", "ผู้อำนวยการ", "ผู้อำนวยการใหญ่"),
    ("executive", "en"): ("CEO", "Managing Director", "MD", "General Manager", "Chief Engineer", "DMD", "Director General"),
    ("operations", "nl"): ("Manager Bedrijfsvoering", "Hoofd Productie", "Teamleider Zuivering", "Hoofd Operations",
                           "Procesoperator"),
    ("operations", "fr"): ("Responsable d'Exploitation", "Chef d'Exploitation", "Resp. Exploitation"),
    ("operations", "da"): ("Driftschef", "Driftsleder", "Driftsansvarlig", "Afdelingsleder Drift"),
    ("operations", "th"): ("ผู้จัดการฝ่ายปฏิบัติการ", "หัวหน้าฝ่ายผลิตน้ำ"),
    ("operations", "en"): ("Operations Manager", "Head of Operations", "Plant Manager", "XEN (O&M)", "Ops Mgr",
                           "Control Room Supervisor"),
    ("engineer", "nl"): ("Assetmanager", "Netbeheerder", "Adviseur Assetmanagement", "Ingenieur Netwerken",
                         "Beleidsmedewerker Watersysteem"),
    ("engineer", "fr"): ("Ingénieur Réseau", "Ingénieur de Projet", "Gestionnaire d'Actifs", "Ing."),
    ("engineer", "da"): ("Ingeniør", "Projektleder", "Netplanlægger", "Civilingeniør"),
    ("engineer", "th"): ("วิศวกร", "วิศวกรโยธา", "วิศวกรระบบท่อ"),
    ("engineer", "en"): ("Network Engineer", "Asset Manager", "Hydraulic Engineer", "SDE", "Sub-Divisional Engineer",
                         "Executive Engineer", "Asst. Engineer", "AE (Civil)"),
    ("field", "nl"): ("Ploegleider", "Storingsmonteur", "Meetploeg", "Uitvoerder"),
    ("field", "fr"): ("Chef d'Équipe", "Technicien de Terrain"),
    ("field", "da"): ("Værkfører", "Montør", "Ledningsmontør", "Pumpemester"),
    ("field", "th"): ("หัวหน้างานภาคสนาม", "ช่างเทคนิค"),
    ("field", "en"): ("Field Supervisor", "Crew Lead", "Meter Inspector", "Pump Operator", "Sub-Asst. Engineer", "SAE",
                      "Line Foreman"),
    ("procurement", "nl"): ("Inkoper", "Inkoopadviseur", "Hoofd Inkoop", "Contractmanager"),
    ("procurement", "fr"): ("Acheteur", "Responsable des Achats", "Resp. Achats"),
    ("procurement", "da"): ("Indkøber", "Indkøbschef", "Udbudskonsulent"),
    ("procurement", "th"): ("ผู้จัดการฝ่ายจัดซื้อ", "เจ้าหน้าที่จัดซื้อ"),
    ("procurement", "en"): ("Procurement Manager", "Purchasing Officer", "Buyer", "Tender Manager", "Proc. Mgr"),
    ("it", "nl"): ("IT-Manager", "Informatiemanager", "OT-Specialist", "Hoofd ICT"),
    ("it", "fr"): ("Responsable Informatique", "Resp. IT", "Ingénieur Systèmes"),
    ("it", "da"): ("IT-chef", "IT-ansvarlig", "SRO-tekniker"),
    ("it", "th"): ("ผู้จัดการฝ่ายไอที", "นักวิชาการคอมพิวเตอร์"),
    ("it", "en"): ("IT Manager", "Head of IT", "SCADA Engineer", "CIO", "OT Lead", "Systems Analyst"),
    ("consultant", "nl"): ("Adviseur Water", "Senior Adviseur", "Projectleider Water", "Hydroloog"),
    ("consultant", "fr"): ("Consultant Senior", "Chef de Projet", "Ingénieur-Conseil"),
    ("consultant", "da"): ("Rådgiver", "Seniorrådgiver", "Specialist, Vand", "Fagprojektleder"),
    ("consultant", "th"): ("ที่ปรึกษาโครงการ", "วิศวกรที่ปรึกษา"),
    ("consultant", "en"): ("Consultant", "Senior Consultant", "Water Resources Specialist", "Team Leader", "Sr. Hydrologist",
                           "Principal Consultant"),
    ("finance", "nl"): ("Controller", "Financieel Directeur", "Hoofd Financiën", "Manager F&C"),
    ("finance", "fr"): ("Directeur Financier", "Comptable", "Resp. Financier"),
    ("finance", "da"): ("Økonomichef", "Controller", "Regnskabschef"),
    ("finance", "th"): ("ผู้จัดการฝ่ายการเงิน", "สมุห์บัญชี"),
    ("finance", "en"): ("CFO", "Finance Manager", "Accounts Officer", "Head of Finance", "FC"),
}
ESTUARY_ROLE = {t.casefold(): role for (role, _), titles in _ESTUARY_TITLES.items() for t in titles}  # by the title
# written in any case
# titles that name no job, by country (a blank, a dash, the word for an employee)
ESTUARY_NAMELESS_IN = {"Netherlands": ("-", "N/A", "Medewerker", ""), "Belgium": ("-", "N/A", "Medewerker", "Employé", ""),
                       "Denmark": ("-", "Medarbejder", ""), "Bangladesh": ("-", "N/A", "Staff", ""),
                       "Thailand": ("-", "Staff", "พนักงาน", "")}
ESTUARY_NAMELESS = frozenset(t for titles in ESTUARY_NAMELESS_IN.values() for t in titles)
ESTUARY_UNNAMED = 0.07  # the share of the contacts with one of them
ESTUARY_MESSY = 0.12  # the share of the titles the CRM has in lower or upper case
# the languages of the titles in each country and their shares
ESTUARY_LANGUAGE: dict[str, dict[str, float]] = {
    "Netherlands": {"nl": 0.8, "en": 0.2}, "Belgium": {"nl": 0.5, "fr": 0.35, "en": 0.15},
    "Denmark": {"da": 0.75, "en": 0.25}, "Bangladesh": {"en": 1.0}, "Thailand": {"th": 0.55, "en": 0.45}}
# people's given and family names
_ESTUARY_PEOPLE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Netherlands": (("Jan", "Sanne", "Pieter", "Lotte", "Bas", "Femke", "Joris", "Anouk", "Thijs", "Marieke", "Ruud",
                     "Eline", "Wouter", "Iris", "Koen", "Esther"),
                    ("de Vries", "van den Berg", "Jansen", "Bakker", "Visser", "Smit", "de Jong", "van Dijk", "Mulder",
                     "de Boer", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "Vermeulen", "van der Meer")),
    "Belgium": (("Wout", "Lien", "Pieter-Jan", "Ann", "Stijn", "Els", "Julien", "Sophie", "Nicolas", "Camille",
                 "Thomas", "Marie", "Bart", "Nathalie"),
                ("Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Dubois", "Lambert", "Dupont",
                 "Goossens", "Wouters", "Van Damme", "De Smet")),
    "Denmark": (("Mette", "Lars", "Søren", "Anne", "Jens", "Camilla", "Rasmus", "Louise", "Mads", "Pernille", "Henrik",
                 "Sofie", "Anders", "Maja"),
                ("Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
                 "Jørgensen", "Madsen", "Kristensen", "Østergaard", "Bækgaard")),
    "Bangladesh": (("Rafiqul", "Kamrul", "Shahidul", "Mahbub", "Anisur", "Habibur", "Ziaur", "Nasrin", "Tahmina",
                    "Farhana", "Sharmin", "Rokeya", "Sabina", "Nusrat"),  # the men's names first
                   ("Islam", "Hossain", "Rahman", "Ahmed", "Chowdhury", "Khan", "Alam", "Uddin", "Akter", "Haque",
                    "Sarker", "Karim", "Mia", "Talukder")),
}
_ESTUARY_THAI_FIRSTS = (("Somchai", "สมชาย"), ("Suda", "สุดา"), ("Nattapong", "ณัฐพงศ์"), ("Kanya", "กัญญา"),
                        ("Wichai", "วิชัย"), ("Pornthip", "พรทิพย์"), ("Anan", "อนันต์"), ("Siriporn", "ศิริพร"),
                        ("Thanawat", "ธนวัฒน์"), ("Ratana", "รัตนา"), ("Kittisak", "กิตติศักดิ์"), ("Nongluck", "นงลักษณ์"))
_ESTUARY_THAI_LASTS = (("Wongsawat", "วงศ์สวัสดิ์"), ("Srisuk", "ศรีสุข"), ("Boonmee", "บุญมี"), ("Jaidee", "ใจดี"),
                       ("Saetang", "แซ่ตั้ง"), ("Rattanakul", "รัตนกุล"), ("Suwannarat", "สุวรรณรัตน์"),
                       ("Thongchai", "ธงชัย"), ("Phongsiri", "พงศ์ศิริ"), ("Limsakul", "ลิ้มสกุล"))
ESTUARY_THAI_SCRIPT = 0.3  # the share of Thailand's people the CRM names in Thai script
ESTUARY_KHUN = 0.1  # and the share it names "K. Given name" (the courtesy title, no family name)
ESTUARY_PREFIXED = {"Md.": 0.35, "Engr.": 0.1}  # the shares of Bangladesh's men the CRM names with a prefix
_ESTUARY_BENGALI_MEN = 7  # the men's names among Bangladesh's given names (the first)
ESTUARY_CASE = 0.06  # the share of the names typed in lower case or in capitals
_ESTUARY_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae"})
_ESTUARY_STEMS = {
    "Netherlands": ("Rijnland", "Delfland", "Schieland", "Amstel", "Vallei", "Hunze", "Brabantse Delta", "Vecht", "Zeeuws",
                    "Hollands Noorder", "Dommel", "Aa en Maas", "Rivierenland", "Noorderzijl"),
    "Belgium": ("Schelde", "Leie", "Dijle", "Maas", "Demer", "Nete", "Sambre", "Ourthe", "Yser", "Senne", "Dender",
                "Meuse"),
    "Denmark": ("Vestfjord", "Limfjord", "Gudenå", "Kalundborg", "Fredericia", "Aarhus", "Odense", "Vejle", "Ringkøbing",
                "Horsens", "Roskilde", "Esbjerg", "Sønderborg", "Skive"),
    "Bangladesh": ("Padma", "Meghna", "Jamuna", "Karnaphuli", "Teesta", "Surma", "Rupsha", "Buriganga", "Sundarban",
                   "Delta"),
    "Thailand": ("Chao Phraya", "Mekong", "Ping", "Nan", "Tha Chin", "Bang Pakong", "Mae Klong", "Siam", "Lanna",
                 "Andaman"),
}
_ESTUARY_PLACES = {"Netherlands": ("Rotterdam", "Utrecht", "Zwolle", "Leeuwarden", "Middelburg", "Arnhem", "Den Bosch"),
                   "Belgium": ("Antwerpen", "Gent", "Leuven", "Brugge", "Liège", "Namur", "Charleroi"),
                   "Denmark": ("Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle", "Roskilde", "Herning"),
                   "Bangladesh": ("Dhaka", "Chattogram", "Khulna", "Rajshahi", "Sylhet", "Barishal", "Cox's Bazar"),
                   "Thailand": ("Bangkok", "Chiang Mai", "Nakhon Sawan", "Ayutthaya", "Khon Kaen", "Hat Yai", "Rayong")}
# company names by (sector, country): {s} a stem, {p} a place
_ESTUARY_KINDS: dict[tuple[str, str], tuple[str, ...]] = {
    (ESTUARY_UTILITY, "Netherlands"): ("Waterbedrijf {s}", "Drinkwaterbedrijf {p}", "{s} Water N.V."),
    (ESTUARY_AUTHORITY, "Netherlands"): ("Waterschap {s}", "Hoogheemraadschap {s}", "Waterschap {p}"),
    (ESTUARY_CONSULTANCY, "Netherlands"): ("{s} Ingenieurs B.V.", "Adviesbureau {s}", "{s} Wateradvies B.V."),
    (ESTUARY_UTILITY, "Belgium"): ("Watermaatschappij {s}", "{s} Water cvba", "Intercommunale des Eaux {s}"),
    (ESTUARY_AUTHORITY, "Belgium"): ("Polder {s}", "Rioolbeheer {p}", "Wateringue {s}"),
    (ESTUARY_CONSULTANCY, "Belgium"): ("Studiebureau {s} NV", "Bureau d'Études {s} SA", "{s} Engineering BV"),
    (ESTUARY_UTILITY, "Denmark"): ("{s} Vand A/S", "{p} Vand A/S", "{s} Vandværk"),
    (ESTUARY_AUTHORITY, "Denmark"): ("{s} Spildevand A/S", "{p} Renseanlæg", "{s} Klimatilpasning A/S"),
    (ESTUARY_CONSULTANCY, "Denmark"): ("{s} Rådgivende Ingeniører A/S", "{s} Rådgivning ApS", "{s} Consult A/S"),
    (ESTUARY_UTILITY, "Bangladesh"): ("{p} WASA", "{p} Pourashava Water Supply", "{s} Water Supply Ltd."),
    (ESTUARY_AUTHORITY, "Bangladesh"): ("BWDB {p} O&M Circle", "{p} Flood Control Division", "{s} Irrigation Project"),
    (ESTUARY_CONSULTANCY, "Bangladesh"): ("{s} Consultants Ltd.", "{s} Engineering & Planning Ltd.", "{s} Associates"),
    (ESTUARY_UTILITY, "Thailand"): ("{s} Water Supply Co., Ltd.", "Provincial Waterworks {p} Branch",
                                    "{p} Municipal Waterworks"),
    (ESTUARY_AUTHORITY, "Thailand"): ("Irrigation Project {p}", "{s} Basin Water Office", "{p} Drainage Office"),
    (ESTUARY_CONSULTANCY, "Thailand"): ("{s} Engineering Consultants Co., Ltd.", "{s} Consulting Co., Ltd."),
}
# a group's head office and its companies (by the companies' sector), by country: {s} the group's stem, {p} a place
_ESTUARY_GROUP_KINDS: dict[str, tuple[str, dict[str, str]]] = {
    "Netherlands": ("{s} Watergroep N.V.", {ESTUARY_UTILITY: "{s} Drinkwater {p} B.V.",
                                            ESTUARY_AUTHORITY: "{s} Afvalwater {p} B.V."}),
    "Belgium": ("Intercommunale {s}", {ESTUARY_UTILITY: "{s} Water {p}", ESTUARY_AUTHORITY: "{s} Riolering {p}"}),
    "Denmark": ("{s} Forsyning A/S", {ESTUARY_UTILITY: "{s} Vand {p} A/S", ESTUARY_AUTHORITY: "{s} Spildevand {p} A/S"}),
    "Thailand": ("{s} Water Group PCL", {ESTUARY_UTILITY: "{s} Water Supply {p} Co., Ltd.",
                                         ESTUARY_AUTHORITY: "{s} Wastewater {p} Co., Ltd."}),
}
_ESTUARY_COUNTRIES = {"Netherlands": 0.3, "Belgium": 0.2, "Denmark": 0.2, "Bangladesh": 0.13, "Thailand": 0.17}
_ESTUARY_HOMES = {"Netherlands": 0.2, "Belgium": 0.25, "Denmark": 0.35, "Thailand": 0.2}  # where the groups are
_ESTUARY_SECTOR_SHARES = {ESTUARY_UTILITY: 0.35, ESTUARY_AUTHORITY: 0.3, ESTUARY_CONSULTANCY: 0.35}
_ESTUARY_SIZES = {ESTUARY_UTILITY: (40, 3000), ESTUARY_AUTHORITY: (30, 1500), ESTUARY_GROUP: (300, 6000),
                  ESTUARY_CONSULTANCY: (4, 2500)}
# the people an account has, by sector (besides the first: a utility's or an authority's operations person or engineer,
# a consultancy's consultant, a head office's executive)
_ESTUARY_ROLES: dict[str, dict[str, float]] = {
    ESTUARY_UTILITY: {"operations": 0.2, "engineer": 0.25, "field": 0.2, "procurement": 0.12, "it": 0.1,
                      "executive": 0.08, "finance": 0.05},
    ESTUARY_AUTHORITY: {"operations": 0.2, "engineer": 0.3, "field": 0.2, "procurement": 0.1, "it": 0.08,
                        "executive": 0.07, "finance": 0.05},
    ESTUARY_GROUP: {"executive": 0.25, "procurement": 0.3, "finance": 0.2, "it": 0.25},
    ESTUARY_CONSULTANCY: {"consultant": 0.7, "engineer": 0.15, "executive": 0.1, "finance": 0.05},
}


def estuary_key(role: str, country: str, grouped: bool) -> str:
    """A contact's segment from what the CRM holds: the role read from the title; for executives and operations people the
    market of the account's country (Europe, Asia); for procurement whether the account belongs to a group (a group's head
    office, or an account naming one in subsidiary_of)."""
    if role in ESTUARY_SPLIT:
        return f"{role}/{ESTUARY_MARKET[country]}"
    if role == "procurement":
        return "procurement/group" if grouped else "procurement"
    return role


def estuary_holidays(country: str) -> frozenset[dt.date]:
    """Every day in the history's years that is a public holiday of ``country``, whatever the weekday."""
    return _holiday_dates(ESTUARY_CODES[country], None, ESTUARY_YEARS)


def estuary_week(country: str) -> tuple[int, tuple[int, ...]]:
    """(the first day of the working week, the days of the weekend) in ``country``, Monday being 0."""
    return ESTUARY_WEEK.get(country, (0, (5, 6)))


@functools.cache
def estuary_off(key: str, country: str) -> frozenset[dt.date]:
    """A contact's days off: the days of their weekend and their country's public holidays, the public holidays alone for
    consultants (who answer at weekends) and none for field people (on call)."""
    if key in ESTUARY_ON_CALL:
        return frozenset()
    days = estuary_holidays(country)
    if key in ESTUARY_EVERY_DAY:
        return days
    rest = estuary_week(country)[1]
    first = dt.date(ESTUARY_YEARS[0], 1, 1)
    every = (first + dt.timedelta(days=k) for k in range((dt.date(ESTUARY_YEARS[-1], 12, 31) - first).days + 1))
    return days | frozenset(d for d in every if d.weekday() in rest)


def _estuary_season(key: str, country: str, public: bool, loc: dt.datetime) -> float:
    """The log-odds of a reply by the contact's local moment, the weekday of their working week included, besides the days
    off (see the world's description); ``public``: the contact works for a public body (a utility, an authority, a group)."""
    day = loc.date()
    m, d, wd = day.month, day.day, day.weekday()
    h = loc.hour + loc.minute / 60.0
    z = ESTUARY_SEGMENTS[key][4][(wd - estuary_week(country)[0]) % 7]
    office = key not in ESTUARY_EVERY_DAY
    if day in estuary_holidays(country):
        z += ESTUARY_WORKED_HOLIDAY if key in ESTUARY_ON_CALL else ESTUARY_HOLIDAY
    if country == "Netherlands" and m == 12 and d == 5 and h >= 14.0:
        z += ESTUARY_PAKJESAVOND
    if country == "Denmark" and office and wd == 4 and h >= 13.0 and (
            (m == 11 and d >= 22) or (m == 12 and d <= 19)):
        z += ESTUARY_JULEFROKOST
    if country == "Belgium" and public and day in ESTUARY_STRIKES:
        z += ESTUARY_STRIKE
    if office and ESTUARY_MARKET[country] == "europe" and ((m == 12 and d >= 22) or (m == 1 and d <= 2)):
        z += ESTUARY_YEAR_END
    if ESTUARY_MARKET[country] == "asia" and key in ("operations/asia", "field") and (
            (m == 8 and d >= 15) or m == 9 or (m == 10 and d <= 15)):
        z += ESTUARY_FLOODS
    if country == "Bangladesh" and office and h >= 15.0 and any(a <= day <= b for a, b in _RAMADAN):
        z += ESTUARY_IFTAR
    return z


def estuary_pace(country: str) -> Callable[[float], float]:
    """Gap multiplier of a rep's cadence to a contact in ``country`` by the date: the reps write less over the year-end (20
    December to 5 January, 1.8), to Europe in the summer (1 July to 10 August, 1.8 to Denmark, 1.5 to the Low
    Countries), to Thailand around Songkran (10 to 18 April, 1.6) and to Bangladesh over the Eid holidays (2.0)."""
    summer = {"Denmark": 1.8, "Netherlands": 1.5, "Belgium": 1.5}.get(country, 1.0)
    eid = ((dt.date(2025, 3, 28), dt.date(2025, 4, 6)), (dt.date(2025, 6, 5), dt.date(2025, 6, 14)))

    def pace(t: float) -> float:
        day = dt.datetime.fromtimestamp(t, UTC).date()
        m, d = day.month, day.day
        if (m == 12 and d >= 20) or (m == 1 and d <= 5):
            return 1.8
        if m == 7 or (m == 8 and d <= 10):
            return summer
        if country == "Thailand" and m == 4 and 10 <= d <= 18:
            return 1.6
        if country == "Bangladesh" and any(a <= day <= b for a, b in eid):
            return 2.0
        return 1.0

    return pace


def _estuary_name(country: str, rng: random.Random) -> tuple[str, str, str | None]:
    """(given name, family name, both in ASCII for the address; the name as the CRM writes it when otherwise: in Thai
    script or "K. Given name" for some in Thailand, with "Md." or "Engr." before it for some in Bangladesh, with Danish
    letters, in lower case or in capitals for some everywhere)."""
    name: str | None = None
    if country == "Thailand":
        (first, first_th), (last, last_th) = rng.choice(_ESTUARY_THAI_FIRSTS), rng.choice(_ESTUARY_THAI_LASTS)
        u = rng.random()
        if u < ESTUARY_THAI_SCRIPT:
            return first, last, f"{first_th} {last_th}"
        if u < ESTUARY_THAI_SCRIPT + ESTUARY_KHUN:
            return first, last, f"K. {first}"
    else:
        firsts, lasts = _ESTUARY_PEOPLE[country]
        first, last = rng.choice(firsts), rng.choice(lasts)
        if country == "Bangladesh" and firsts.index(first) < _ESTUARY_BENGALI_MEN:
            prefix = _weighted(rng, {**ESTUARY_PREFIXED, "": 1.0 - sum(ESTUARY_PREFIXED.values())})
            name = f"{prefix} {first} {last}" if prefix else None
        if not (first + last).isascii():
            name = f"{first} {last}"
            first, last = first.translate(_ESTUARY_LETTERS), last.translate(_ESTUARY_LETTERS)
    if rng.random() < ESTUARY_CASE:
        name = name or f"{first} {last}"
        name = name.lower() if rng.random() < 0.5 else name.upper()
    return first, last, name


@dataclass
class _Utility:
    """An account as planned: where and what it is, its group (the head office's index, or its own for a head office),
    whether it is a customer."""

    country: str
    place: str
    sector: str
    employees: int
    customer: bool
    group: int = -1  # index in the plan of the group's head office (-1: an independent)
    stem: str = ""  # the group's stem


def estuary(scale: float = 1.0, seed: int = 3232) -> PlantedWorld:
    """Kept aside for a final check. A vendor of water-network software headquartered in Rotterdam (telemetry and
    SCADA, leak detection, smart metering, asset management, a water-quality LIMS, flood early warning and, from a
    specialist in Copenhagen, a hydraulic digital twin) selling to drinking-water utilities, water authorities (water
    boards, polders, wastewater and flood-control bodies, irrigation projects) and engineering consultancies in the
    Netherlands (about 34% of the 800 accounts at scale 1), Belgium (21%), Denmark (23%), Thailand (12%) and Bangladesh
    (10%), and to 30 utility groups (at scale 1) in Denmark, Belgium, the Netherlands and Thailand, each a head office
    (sector "utility group") and two to five water or wastewater companies of its country naming it in subsidiary_of
    (Vestfjord Forsyning A/S and Vestfjord Vand Aarhus A/S, Intercommunale Schelde and Schelde Riolering Gent, Chao
    Phraya Water Group PCL). Contacts keep their country's clock (Europe/Amsterdam, Europe/Brussels, Europe/Copenhagen
    on the European Union's daylight saving, Asia/Bangkok and Asia/Dhaka without it). About fifteen months of history,
    from 4 September 2024 to Thursday 4 December 2025 (07:00 UTC: 08:00 in Rotterdam, 13:00 in Dhaka, 14:00 in Bangkok);
    the ten days after the end hold Thailand's public holidays on Friday 5 December (King Bhumibol's birthday, Father's
    Day) and Wednesday 10 December (Constitution Day), Sinterklaas in the Netherlands on Friday 5 December (everyone
    home for the presents from 14:00, -1.0) and Denmark's Christmas lunches on Friday afternoons (5 and 12 December).
    Titles are in Dutch (the Netherlands and Flanders), French (Wallonia and Brussels), Danish, Thai (in Thai script)
    and English (everywhere, all of Bangladesh's, with its engineering services' abbreviations), about 260 at scale 1 in
    many wordings and abbreviations, 12% of the Latin-script ones typed in lower case or in capitals, each naming one
    of nine roles (Directeur, Dijkgraaf, Adm. direktør, กรรมการผู้จัดการ, Chief Engineer, DMD; Manager Bedrijfsvoering,
    Resp. Exploitation, Driftschef, XEN (O&M); Assetmanager, Ing., Ingeniør, วิศวกร, SDE, AE (Civil); Ploegleider,
    Værkfører, SAE, Pump Operator; Inkoper, Resp. Achats, Udbudskonsulent, Proc. Mgr; IT-Manager, SRO-tekniker, SCADA
    Engineer; Adviseur Water, Ingénieur-Conseil, Rådgiver, Team Leader; Controller, Økonomichef, สมุห์บัญชี, FC); 7% name
    no job (-, N/A, Medewerker, Employé, Medarbejder, Staff, พนักงาน) or are blank. People's names as the CRM holds them:
    Dutch family names with their particles (van den Berg), Danish letters (Sørensen, Østergaard), "Md." or "Engr."
    before some Bangladeshi men's names, Thai script for 30% of the Thais and "K. Given name" for 10%, and 6% of the
    names typed in lower case or in capitals. Segments from the role read from the title and, for executives and
    operations people, the market read from the country (Europe, Asia) and, for procurement, the group ownership read
    from the accounts (a group's head office or a company naming one in subsidiary_of), eleven of them: Europe's
    executives early at 07:15 and Asia's late at 20:30; Europe's operations people at 06:45, before the control room's
    morning round, Asia's at 10:00; engineers broadly at 13:30 (sd 3.5 h); field people at 12:15, in the van at noon,
    every day of the week and through the public holidays (the on-call rota, -0.4 on a holiday); the groups' procurement
    at 10:30, the independents' at 15:00; IT broadly at 16:00 (sd 3.2 h); the consultancies' consultants at 20:00, after
    the project work, answering at weekends too (best on their Sunday, +0.3); finance at 09:00; all but the two broad
    ones narrow (sd 0.9-1.0 h). 27% of the contacts peak 2-3 hours off their segment's (20-25% in the narrow segments, 40%
    in the broad ones). The working week is Monday to Friday but in Bangladesh, where it runs from Sunday to Thursday: the
    weekday effects follow the contact's own week, and the office people's reply clock stops on the days of their
    weekend (Friday and Saturday in Bangladesh) and on their country's public holidays (the holidays package's: King's
    Day and Liberation Day, Belgium's National Day, Armistice and All Saints', Denmark's Maundy Thursday, Songkran, the
    Eids and Bengali New Year), -1.3 on the log-odds, -1.7 more on a public holiday; consultants keep the holidays but
    not the weekends. The calendar besides: Belgium's public bodies do not answer on the national strike days (31 March
    and 26 November 2025, -1.2); Europe's office people answer less from 22 December to 2 January (-0.6); Denmark's on
    Friday afternoons from 22 November to 19 December (-0.9); the Netherlands on 5 December from 14:00 (-1.0); Asia's
    operations and field people in the monsoon floods (15 August to 15 October, -0.6); Bangladesh's office people from
    15:00 in Ramadan (-0.6). 45% of Europe's people and 25% of Asia's are away a week or two once or twice in 2025
    (mostly in the summer or over the year-end; days off, with an automatic reply naming the day back; a rep who gets
    one waits for that day). Reps in four offices, each with a habitual hour on their own clock and 15-25% of their
    touches at another hour (07-21): in Rotterdam the account executives for the Netherlands (10:00), Belgium (15:30),
    the groups of every market (11:00: 17:00 in Bangkok) and three in five of Bangladesh's water authorities (09:30:
    14:30 in Dhaka), customer success for Europe (12:00), sales development for Europe (09:00) and the implementation
    consultant for the Low Countries (08:00); in Copenhagen Denmark's account executive (09:00) and consultant (08:00)
    and the digital-twin specialist (16:00); in Bangkok Thailand's account executive (10:00), customer success and
    sales development for Asia (13:00 and 09:00: 08:00 in Dhaka) and Thailand's consultant (08:00); in Dhaka the
    partner's account executive (11:00) and consultant (09:00), on the Sunday-to-Thursday week. They keep their office's
    public holidays and never write at their weekend, but for the consultants, who keep a fifth of the weekend days.
    So the early and late segments are seldom touched near their peak (4-6% of Asia's executives' and of the consultants'
    touches within 1.5 hours of the contact's own peak, 17-18% of Europe's executives' and operations people's). Half of
    a group's companies are owned by the groups' account executive. About 38% of the independents are customers, and
    half of the groups (four in five of their companies then, 15% otherwise): customer success keeps in touch with one
    or two of a customer's executives, operations people, engineers or consultants every two and a half to six weeks;
    the account executive works the renewal of the account's first line before each anniversary; one to three lines of
    deals side by side (two from 80 employees, three from 800), each of one to four months with one to three people, the
    next one to five months later, so a contact is often in several deals at once; a won deal gets operations, field
    people and engineers trained by the consultant every two to four days for three to eight weeks; 35% of the customers
    among the groups, the authorities and the accounts from 300 employees get a digital-twin deal from the specialist.
    Prospects get the sales development sequences (70% of their people), the account executive keeping in touch with
    an executive, operations person or consultant in 35% of them, and a deal in 35% of them. The reps write less over
    the year-end (1.8 times the gap), to Europe in July and early August (1.8 to Denmark, 1.5 to the Low Countries), to
    Thailand around Songkran (1.6) and to Bangladesh over the Eid holidays (2.0). The CRM leaves the employee count
    blank for a tenth of the consultancies. A touch the same day as the last does badly (-0.8, -0.5 from half a day),
    three to seven days after it is best (+0.25 to +0.3) and long silences cost (-0.4 from five months); fatigue counts
    five days (-0.1 for one touch in them, on down to -1.0 from five); unanswered touches in a row cost more and more
    (-0.8 from six); a reply in the last three days helps (+0.3 to +0.4, gone after ten); a person never touched answers
    less (-0.3); calls do better than e-mails (+0.35), meetings much better (+0.9). About 58% of the touches are
    e-mails, 32% calls and 10% meetings; 40% come from a rep in another time zone than the contact's; a touched contact
    gets 13 touches at the median (1 at the 10th percentile, 49 at the 90th). About 29,500 touches at scale 1, about
    1,700 contacts, about 14% of them never touched."""
    staff: dict[str, tuple[str, str, bool]] = {}  # by e-mail: segment, country, whether at a public body

    def calendar(c: _Contact, loc: dt.datetime) -> float:
        key, country, public = staff[c.email]
        return _estuary_season(key, country, public, loc)

    fx = Effects(
        base=-1.1,
        gap=_pl((0.0, -0.8), (0.5, -0.5), (1.0, -0.1), (3.0, 0.25), (7.0, 0.3), (14.0, 0.15), (45.0, 0.0), (150.0, -0.4)),
        cold=-0.3,
        fatigue_days=5.0,
        fatigue=(0.0, -0.1, -0.3, -0.55, -0.8, -1.0),
        streak=(0.0, -0.2, -0.35, -0.5, -0.6, -0.7, -0.8),
        recent=_pl((0.0, 0.4), (3.0, 0.3), (10.0, 0.0)),
        night=-1.0,
        channel=(0.0, 0.35, 0.9),
        delay=Delay(((0.45, 1.3), (0.35, 7.5), (0.2, 28.0)), floor=0.1),
        responsiveness_sd=0.55,
        holiday=ESTUARY_OFF,
        calendar=calendar,
    )
    w = PlantedWorld("estuary", _doc(estuary), fx, dt.datetime(2025, 12, 4, 7, 0, tzinfo=UTC), seed)
    w.history_days = 470.0
    rng = random.Random(seed)
    b = _Builder(w, rng)
    end = w.end_ts
    begin = end - 455 * DAY
    ams, cph, bkk, dhaka = "Europe/Amsterdam", "Europe/Copenhagen", "Asia/Bangkok", "Asia/Dhaka"
    nl = _holiday_dates("NL", None, ESTUARY_YEARS, weekdays=True)
    dk = _holiday_dates("DK", None, ESTUARY_YEARS, weekdays=True)
    th = _holiday_dates("TH", None, ESTUARY_YEARS, weekdays=True)
    bd = _holiday_dates("BD", None, ESTUARY_YEARS)
    bd_week = ESTUARY_WEEK["Bangladesh"][1]
    # Rotterdam: account executives for the Netherlands, for Belgium (in the afternoon), for the groups of every market and
    # for Bangladesh's donor-funded authorities; customer success for Europe; the sales development rep for Europe; the
    # implementation consultant for the Low Countries
    verhoeven = b.rep("Sanne Verhoeven", ams, 10.0, 5.5, hour_sd=0.6, p_random=0.25, off=nl)
    de_wit = b.rep("Bram de Wit", ams, 15.5, 6.0, hour_sd=0.8, p_random=0.22, off=nl)
    kuipers = b.rep("Eva Kuipers", ams, 11.0, 6.0, hour_sd=0.6, p_random=0.2, off=nl)
    sluiter = b.rep("Pieter Sluiter", ams, 9.5, 6.5, hour_sd=0.6, p_random=0.2, off=nl)
    hermans = b.rep("Joost Hermans", ams, 12.0, 7.0, hour_sd=0.7, p_random=0.22, off=nl)
    bos = b.rep("Mila Bos", ams, 9.0, 3.0, hour_sd=0.5, p_random=0.15, off=nl)
    smits = b.rep("Ruben Smits", ams, 8.0, 3.0, hour_sd=0.5, p_random=0.15, weekend=0.2)
    # Copenhagen: the account executive and the implementation consultant for Denmark; the digital-twin specialist
    bech = b.rep("Lars Bech", cph, 9.0, 5.5, hour_sd=0.6, p_random=0.2, off=dk)
    friis = b.rep("Mikkel Friis", cph, 8.0, 3.0, hour_sd=0.5, p_random=0.15, weekend=0.2)
    holm = b.rep("Signe Holm", cph, 16.0, 6.0, hour_sd=0.7, p_random=0.2, off=dk)
    # Bangkok: the account executive for Thailand, customer success and sales development for Asia, the implementation
    # consultant for Thailand; Dhaka: the partner's account executive and consultant, on the Sunday-to-Thursday week
    sirisuk = b.rep("Kanokwan Sirisuk", bkk, 10.0, 5.5, hour_sd=0.6, p_random=0.2, off=th)
    chaiyo = b.rep("Arthit Chaiyo", bkk, 13.0, 7.0, hour_sd=0.7, p_random=0.22, off=th)
    rattana = b.rep("Ploy Rattana", bkk, 9.0, 3.0, hour_sd=0.5, p_random=0.15, off=th)
    kaew = b.rep("Nattapong Kaew", bkk, 8.0, 3.0, hour_sd=0.5, p_random=0.15, weekend=0.2)
    ahmed = b.rep("Tanvir Ahmed", dhaka, 11.0, 6.0, hour_sd=0.7, p_random=0.22, off=bd, rest=bd_week)
    rahman = b.rep("Shafiqur Rahman", dhaka, 9.0, 3.0, hour_sd=0.5, p_random=0.15, off=bd, rest=bd_week)
    every_ae = [verhoeven, de_wit, bech, sirisuk, ahmed]
    segments = {k: Segment(k, p, sd, a, (0.0,) * 7, True) for k, (p, sd, a, _, _) in ESTUARY_SEGMENTS.items()}
    taken: set[str] = set()

    def territory(country: str, sector: str) -> int:
        if country == "Bangladesh":
            return sluiter if sector == ESTUARY_AUTHORITY and rng.random() < 0.6 else ahmed
        return {"Netherlands": verhoeven, "Belgium": de_wit, "Denmark": bech, "Thailand": sirisuk}[country]

    def after_sale(country: str) -> tuple[int, int, int]:
        """(customer success, implementation consultant, sales development rep) for ``country``."""
        if ESTUARY_MARKET[country] == "europe":
            return hermans, friis if country == "Denmark" else smits, bos
        return chaiyo, rahman if country == "Bangladesh" else kaew, rattana

    def name_of(firm: _Utility, head: bool) -> str:
        def make(k: int) -> str:
            if firm.stem:
                kind, companies = _ESTUARY_GROUP_KINDS[firm.country]
                name = (kind if head else companies[firm.sector]).format(s=firm.stem, p=firm.place)
                return name.replace(firm.stem, f"{firm.stem} {k + 1}", 1) if k else name
            kind = rng.choice(_ESTUARY_KINDS[(firm.sector, firm.country)])
            return kind.format(s=_stem(rng, _ESTUARY_STEMS[firm.country], k), p=firm.place)

        return _unique(taken, make)

    def person(ai: int, role: str, key: str, country: str, public: bool, owner: int, domain: str) -> _Contact:
        if rng.random() < ESTUARY_UNNAMED:
            title = rng.choice(ESTUARY_NAMELESS_IN[country])
        else:
            lang = _weighted(rng, ESTUARY_LANGUAGE[country])
            title = rng.choice(_ESTUARY_TITLES.get((role, lang)) or _ESTUARY_TITLES[(role, "en")])
            if title.isascii() and rng.random() < ESTUARY_MESSY:
                title = title.lower() if rng.random() < 0.6 else title.upper()
        c = b.named(ai, ESTUARY_ZONES[country], segments[key], owner, ESTUARY_SEGMENTS[key][3], title, domain,
                    _estuary_name, country, estuary_off(key, country))
        staff[c.email] = (key, country, public)
        return c

    def size(sector: str) -> int:
        return _headcount(rng, *_ESTUARY_SIZES[sector])

    # the plan: the groups (a head office and two to five companies in its country), then the independents
    firms: list[_Utility] = []
    for gi in range(_count(scale, 30, 2)):
        home = _weighted(rng, _ESTUARY_HOMES)
        stem = _group_stem(_ESTUARY_STEMS[home], gi)
        customer = rng.random() < 0.5
        head = len(firms)
        firms.append(_Utility(home, _ESTUARY_PLACES[home][0], ESTUARY_GROUP, size(ESTUARY_GROUP), customer, head, stem))
        places = rng.sample(_ESTUARY_PLACES[home], rng.randint(2, 5))
        for place in places:
            sector = ESTUARY_UTILITY if rng.random() < 0.6 else ESTUARY_AUTHORITY
            firms.append(_Utility(home, place, sector, size(sector), rng.random() < (0.8 if customer else 0.15), head,
                                  stem))
    for _ in range(_count(scale, 660, 8)):
        country = _weighted(rng, _ESTUARY_COUNTRIES)
        sector = _weighted(rng, _ESTUARY_SECTOR_SHARES)
        firms.append(_Utility(country, rng.choice(_ESTUARY_PLACES[country]), sector, size(sector), rng.random() < 0.38))
    account_of: dict[int, int] = {}  # plan index -> account index
    domain_of: dict[int, str] = {}
    for fi, firm in enumerate(firms):
        country, sector, employees, customer = firm.country, firm.sector, firm.employees, firm.customer
        grouped = firm.group >= 0
        holding = grouped and firm.group == fi
        if holding or (grouped and rng.random() < 0.5):
            owner = kuipers
        else:
            owner = territory(country, sector) if rng.random() < 0.9 else rng.choice(every_ae)
        csm, consultant, sdr = after_sale(country)
        pace = estuary_pace(country)
        ai = b.account("services", country, employees, owner)
        account_of[fi] = ai
        acc = w.accounts[ai]
        acc.name, acc.sector = name_of(firm, holding), sector
        acc.parent = w.accounts[account_of[firm.group]].name if grouped and not holding else ""
        if sector == ESTUARY_CONSULTANCY and rng.random() < 0.1:
            acc.employees = 0  # the CRM has no count
        if grouped and not holding and rng.random() < 0.6:
            domain = domain_of[firm.group]  # the group's e-mail domain
        else:
            domain = _domain(acc.name, _ESTUARY_LETTERS)
        domain_of[fi] = domain
        arrival = begin if rng.random() < 0.7 else begin + rng.uniform(0.0, 400.0) * DAY
        europe = ESTUARY_MARKET[country] == "europe"
        if holding:
            plan = ["executive"] + [_weighted(rng, _ESTUARY_ROLES[sector]) for _k in range(rng.choice((1, 2, 2, 3)))]
        else:
            lead = "consultant" if sector == ESTUARY_CONSULTANCY else _weighted(
                rng, {"operations": 0.45, "engineer": 0.4, "executive": 0.15 if europe else 0.3})
            more = rng.choice((0, 1, 1, 2, 3) if customer else (0, 1, 1, 1, 2))
            plan = [lead] + [_weighted(rng, _ESTUARY_ROLES[sector]) for _k in range(more)]
        people: list[_Contact] = []
        role_of: dict[str, str] = {}
        for k, role in enumerate(plan):
            c = person(ai, role, estuary_key(role, country, grouped), country, sector in ESTUARY_PUBLIC, owner, domain)
            if rng.random() < (0.45 if europe else 0.25):
                _on_leave(c, _absences(rng, dt.date(2025, 1, 6), dt.date(2025, 11, 21), 2, europe))
            if k > 0 and b.cold(0.12 if customer else 0.4):
                continue  # never touched (never an account's first person)
            people.append(c)
            role_of[c.email] = role
            c.inbound = rng.randint(0, 2) if customer else 0

        def having(*roles: str, among: list[_Contact] = people, roles_of: dict[str, str] = role_of) -> list[_Contact]:
            return [c for c in among if roles_of[c.email] in roles]

        lines = _ESTUARY_LINES[sector]
        twin = sector in (ESTUARY_GROUP, ESTUARY_AUTHORITY) or employees >= 300
        specialist = (holm, _ESTUARY_SPECIALIST, (0.7, 0.95)) if twin else None
        deciders = having("executive", "operations", "engineer", "procurement", "it", "finance", "consultant") or people[:1]
        if customer:
            b.customer(ai, owner, arrival, begin, pace, success=csm, consultant=consultant,
                       keys=having("executive", "operations", "engineer", "consultant") or people,
                       buyers=having("executive", "procurement", "finance") or people, deciders=deciders,
                       floor=having("operations", "field", "engineer"), experts=having("engineer", "it", "consultant"),
                       products=lines, n_lines=3 if employees >= 800 else 2 if employees >= 80 else 1, longest=120.0,
                       specialist=specialist)
        else:
            heads = having("executive", "operations", "consultant") or people[:1]
            b.prospect(ai, owner, sdr, arrival, pace, deciders, heads, deciders, lines, specialist)
        for c in people:
            b.untouched(c, csm if customer else sdr, arrival)
    w.simulate()
    w.auto_replies()
    return w


def _doc(builder: Callable[..., PlantedWorld]) -> str:
    return " ".join((builder.__doc__ or "").split())


WORLDS: dict[str, Callable[..., PlantedWorld]] = {
    "multideal": multideal,
    "timezones": timezones,
    "weekend": weekend,
    "shifted": shifted,
    "cadence": cadence,
    "crossover": crossover,
    "committee": committee,
    "relay": relay,
    "startup": startup,
    "enterprise": enterprise,
    "harbour": harbour,
    "atlas": atlas,
    "meridian": meridian,
    "prairie": prairie,
    "foundry": foundry,
    "cantons": cantons,
    "lakeside": lakeside,
    "summit": summit,
    "quarry": quarry,
    "fjord": fjord,
    "monsoon": monsoon,
    "bazaar": bazaar,
    "girder": girder,
    "harmattan": harmattan,
    "oasis": oasis,
    "pampa": pampa,
    "typhoon": typhoon,
    "steppe": steppe,
    "savanna": savanna,
    "archipelago": archipelago,
    "lagoon": lagoon,
    "estuary": estuary,
}
ASIDE: str | None = "estuary"
"""the world kept aside until the model is final, not run by default (None: each has had its first run)"""
# Outbound touches at scale 1 (about; each world's count is proportional to ``scale``).
SIZES: dict[str, int] = {"multideal": 120_000, "timezones": 300_000, "weekend": 15_000, "shifted": 200_000,
                         "cadence": 100_000, "crossover": 145_000,
                         "committee": 90_000, "relay": 110_000, "startup": 35_000, "enterprise": 190_000,
                         "harbour": 67_000, "atlas": 26_000, "meridian": 17_000, "prairie": 47_500,
                         "foundry": 33_500, "cantons": 31_500, "lakeside": 29_500,
                         "summit": 29_500, "quarry": 31_000, "fjord": 30_000,
                         "monsoon": 29_000, "bazaar": 30_000, "girder": 31_000,
                         "harmattan": 31_000, "oasis": 30_000, "pampa": 30_000,
                         "typhoon": 30_000, "steppe": 30_000, "savanna": 30_000,
                         "archipelago": 31_000, "lagoon": 30_500, "estuary": 30_000}
