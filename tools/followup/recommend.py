"""The best moment to follow up in the next days, two alternatives, the habitual baseline, and why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from tools.followup.calendar import (add_business_days, at_local, business_days_between, country_code, holiday_name,
                                     zone)
from tools.followup.history import RECENT_DAYS, ContactInfo, State
from tools.followup.wording import day_label
from tools.followup.model import (MAX_RECENT, MAX_UNANSWERED, WEEKDAYS, ReplyModel, contact_fields, gap_bin,
                                  reply_age_bin)

HORIZON_DAYS = 10
MINUTE = 30
"""the minute of each candidate hour (its middle)"""
BASELINE = "3 business days after the last touch, at 9:00 the contact's time"


@dataclass
class Slot:
    at: dt.datetime
    p_reply: float

    def as_dict(self) -> dict[str, Any]:
        return {"at": self.at.isoformat(timespec="minutes"), "p_reply": round(self.p_reply, 4)}


@dataclass
class Recommendation:
    contact: ContactInfo
    now: dt.datetime
    best: Slot
    alternatives: list[Slot]
    baseline: Slot
    reason: str
    notes: list[str] = field(default_factory=list)
    p_if_replied: float | None = None
    """the chance at the best moment had the contact just replied (set when touches went unanswered)"""

    def as_dict(self) -> dict[str, Any]:
        return {"contact_email": self.contact.email, "contact_timezone": self.contact.timezone,
                "recommended_at": self.best.at.isoformat(timespec="minutes"), "p_reply": round(self.best.p_reply, 4),
                "baseline_at": self.baseline.at.isoformat(timespec="minutes"),
                "baseline_p_reply": round(self.baseline.p_reply, 4),
                "alternatives": [a.as_dict() for a in self.alternatives], "reason": self.reason, "notes": self.notes}


def _fields(info: ContactInfo, state: State, moments: list[dt.datetime], channel: str,
            functions: dict[str, float] | None = None) -> dict[str, np.ndarray]:
    n = len(moments)
    last = state.last_touch.date() if state.last_touch else None
    gaps = np.asarray([-1 if last is None else business_days_between(last, m.date()) for m in moments])
    days = np.asarray([-1 if last is None else (m.date() - last).days for m in moments])
    hours = np.asarray([m.hour for m in moments], dtype=np.int64)
    # touches in the days before each moment: those of the last days that are still that close to it
    times = np.asarray(state.recent_times, dtype=float)
    recent = np.asarray([min(int((times > m.timestamp() - RECENT_DAYS * 86400).sum()), MAX_RECENT) for m in moments],
                        dtype=np.int64)

    def same(v: Any) -> np.ndarray:
        return np.asarray([v] * n, dtype=object)

    segment = {k: np.repeat(v, n) for k, v in contact_fields([info], functions).items()}
    return {"wd": np.asarray([m.weekday() for m in moments], dtype=np.int64), "hr": hours, "h3": hours // 3,
            "gap": gap_bin(gaps), "gapc": gap_bin(days), "un": np.full(n, min(state.unanswered, MAX_UNANSWERED)), "rc": recent,
            "rp": reply_age_bin(np.asarray([-1.0 if state.last_reply is None else
                                            (m - state.last_reply).total_seconds() / 86400 for m in moments])),
            "ch": same(channel), "st": same(state.stage), **segment, "contact": same(info.email)}


def baseline_moment(info: ContactInfo, state: State, now: dt.datetime) -> dt.datetime:
    """The habit: three business days after the last touch (or now), 9:00 the contact's time; if that
    has passed, or falls before the day back of a contact who said they are away, the next business day at
    9:00 that has not and does not."""
    tz = zone(info.timezone)
    code = country_code(info.country, info.timezone)
    local_now = now.astimezone(tz)
    base = state.last_touch.astimezone(tz).date() if state.last_touch else local_now.date()
    when = dt.datetime.combine(add_business_days(base, 3, code), dt.time(9), tz)
    while when <= local_now or (state.away_until is not None and when.date() < state.away_until):
        when = dt.datetime.combine(add_business_days(when.date(), 1, code), dt.time(9), tz)
    return when


def candidates(model: ReplyModel, info: ContactInfo, now: dt.datetime, days: int = HORIZON_DAYS,
               away_until: dt.date | None = None) -> tuple[list[dt.datetime], list[str]]:
    """A moment in each hour of the next ``days`` days at the hours and weekdays the history covers,
    skipping the contact's public holidays and the days their country's contacts did not answer on in the
    history (``ReplyModel.days_off``). A contact away until a later day (their automatic reply says so) is
    offered the ``days`` days from it. Returns the moments and what was skipped.

    The moment is the hour's middle (14:30 for 14:00-14:59): the model learns one figure per clock hour
    from touches spread over it, which is the figure of its middle; at the hour's start, a reply peak
    at 14:00 would leave 13:00 and 14:00 looking alike."""
    tz = zone(info.timezone)
    code = country_code(info.country, info.timezone)
    local_now, start = now.astimezone(tz), now.astimezone(dt.UTC)
    out, skipped = [], []
    wait = 0
    if away_until is not None and away_until > local_now.date():
        wait = (away_until - local_now.date()).days
        back = dt.datetime.combine(away_until, dt.time(0), tz).astimezone(dt.UTC)
        skipped.append(f"away: back on {away_until.isoformat()}, as a message of theirs says; the {days} days from "
                       "then are searched")
        start = max(start, back - dt.timedelta(microseconds=1))
    for d in range(wait, wait + days + 1):
        day = local_now.date() + dt.timedelta(days=d)
        if day.weekday() not in model.weekdays:
            continue
        if (name := holiday_name(code, day)) is not None:
            skipped.append(f"{day.isoformat()} is a public holiday there ({name})")
            continue
        if (name := model.day_off(code, day)) is not None:
            skipped.append(f"{day.isoformat()} is {name} there, a day its contacts barely answered in this history")
            continue
        for hour in model.hours:
            moment = at_local(day, hour, tz, MINUTE)
            # compared as instants: two moments in one zone compare by their wall clocks, and in the hour a
            # clock repeats, 01:30 before the change would pass for later than 01:20 after it
            if moment is not None and start < moment.astimezone(dt.UTC) <= start + dt.timedelta(days=days):
                out.append(moment)
    return out, skipped


def _days_off(model: ReplyModel, info: ContactInfo, moments: list[dt.datetime]
              ) -> dict[dt.date, tuple[float, str | None]]:
    """Each day of ``moments`` on the contact's clock, with the chance it is off there and its name
    (``ReplyModel.off_chance``)."""
    code, tz = country_code(info.country, info.timezone), zone(info.timezone)
    return {day: model.off_chance(code, day) for day in {m.astimezone(tz).date() for m in moments}}


def worked(model: ReplyModel, info: ContactInfo, moments: list[dt.datetime],
           off: dict[dt.date, tuple[float, str | None]] | None = None) -> np.ndarray:
    """The chance each moment's day is worked by the contact: under 1 on a day the holidays package names besides
    the public holidays (Carnival in Brazil), by what the history shows of it (``ReplyModel.off_chance``); ``off``:
    those chances when they are known already."""
    off = _days_off(model, info, moments) if off is None else off
    tz = zone(info.timezone)
    return np.asarray([1.0 - off[m.astimezone(tz).date()][0] for m in moments])


def _daypart(hour: int) -> str:
    if hour < 9:
        return "early morning"
    if hour < 12:
        return "mid-morning"
    if hour < 14:
        return "around midday"
    if hour < 17:
        return "in the afternoon"
    return "in the evening"


def recommend(model: ReplyModel, info: ContactInfo, state: State, now: dt.datetime, *, channel: str = "email",
              days: int = HORIZON_DAYS) -> Recommendation:
    """The best moment (highest predicted reply probability), two alternatives on other days, and the
    habitual baseline's predicted probability, for ``info`` as of ``now`` (aware)."""
    if now.tzinfo is None:
        raise ValueError("now must carry a UTC offset")
    tz = zone(info.timezone)
    moments, notes = candidates(model, info, now, days, state.away_until)
    base_at = baseline_moment(info, state, now)
    fields = _fields(info, state, moments + [base_at], channel, model.functions)
    off = _days_off(model, info, moments + [base_at])
    every = model.probability(fields) * worked(model, info, moments + [base_at], off)
    p_base, p = float(every[-1]), every[:-1]
    if moments:  # the history's evidence counts too: of two moments that look alike, the better seen one
        order = np.argsort(-model.choice_score(fields, every)[:-1], kind="stable")
    else:  # no hour of the history's working pattern falls in the horizon
        moments, p = [base_at], np.asarray([p_base])
        order = np.zeros(1, dtype=np.int64)
    best = _within_hour(moments, p, int(order[0]), now)
    alternatives: list[Slot] = []
    days_used = {moments[order[0]].date()}
    for i in order[1:]:
        if moments[i].date() not in days_used:
            alternatives.append(_within_hour(moments, p, int(i), now))
            days_used.add(moments[i].date())
        if len(alternatives) == 2:
            break
    for day in sorted({m.astimezone(tz).date() for m in moments}):
        chance, name = off[day]
        if chance >= 0.5:
            notes.append(f"{day.isoformat()} is {name} there, a day its contacts seldom answered on in this history: "
                         f"a moment then counts for {1 - chance:.0%} of its figure")
    if state.ignored_after:
        notes.append(f"{state.ignored_after} touch(es) logged after {now.isoformat(timespec='minutes')} "
                     "were left out: the advice is as of that moment")
    p_if_replied = if_just_replied(model, info, state, best.at, channel) if state.unanswered else None
    reason = _reason(model, info, state, now.astimezone(tz), best, Slot(base_at, p_base), moments, p, p_if_replied,
                     alternatives)
    return Recommendation(info, now, best, alternatives, Slot(base_at, p_base), reason, notes, p_if_replied)


def _within_hour(moments: list[dt.datetime], p: np.ndarray, i: int, now: dt.datetime) -> Slot:
    """The moment within the hour of ``moments[i]`` (15 to 45 minutes past) nearest where the curve through it
    and its neighbours on that day peaks, to the quarter hour, with the figure there.

    Each hour's figure is its middle's; a reply peak at 14:00 leaves 13:30 and 14:30 alike, and a peak
    at 14:10 makes 14:30 a little better than 13:30. The parabola through the three hours' log-odds
    (13:30, 14:30, 15:30) puts the peak where it is, and the moment moves a quarter hour towards it
    when it is a quarter hour or more away. An hour that is not a peak, or whose neighbours
    were not offered, keeps its middle."""
    at = moments[i]
    where = {(m.date(), m.hour): j for j, m in enumerate(moments)}
    before, after = where.get((at.date(), at.hour - 1)), where.get((at.date(), at.hour + 1))
    if before is None or after is None:
        return Slot(at, float(p[i]))
    q = np.clip(p[[before, i, after]], 1e-9, 1 - 1e-9)  # a figure of exactly 0 or 1 has no log-odds
    la, lb, lc = (float(v) for v in np.log(q / (1 - q)))
    bend = la - 2 * lb + lc
    if bend >= 0:
        return Slot(at, float(p[i]))
    # hours from the middle, by quarters, and within the hour: where the figure is the hour's own, any minute of
    # it is as good, and the next hour's may be worse
    x = round(float(np.clip((la - lc) / (2 * bend), -0.25, 0.25)) * 4) / 4
    moved = at_local(at.date(), at.hour, at.tzinfo, MINUTE + int(60 * x))  # type: ignore[arg-type]
    if moved is None or moved.astimezone(dt.UTC) <= now.astimezone(dt.UTC):
        return Slot(at, float(p[i]))
    z = lb + 0.5 * (lc - la) * x + 0.5 * bend * x * x
    return Slot(moved, float(1 / (1 + np.exp(-z))))


def habitual(rec: Recommendation) -> Recommendation:
    """The habit's moment shown as the advice (an experiment's habit arm): 3 business days after the last touch,
    9:00 the contact's time, with the model's chance there; no alternatives, since the habit has none."""
    at = rec.baseline.at
    reason = (f"{WEEKDAYS[at.weekday()]} {at:%H:%M} {rec.contact.first_name}'s time, the usual slot ({BASELINE}): "
              f"{rec.baseline.p_reply:.0%} chance of a reply.")
    return Recommendation(rec.contact, rec.now, rec.baseline, [], rec.baseline, reason, list(rec.notes))


def if_just_replied(model: ReplyModel, info: ContactInfo, state: State, at: dt.datetime, channel: str = "email"
                    ) -> float:
    """The chance at ``at`` had the contact answered the last touch: the figure an unanswered run is
    set against, asked of the model as every other figure is."""
    fresh = State(state.last_touch, 0, state.prior, state.stage, recent=state.recent, recent_times=state.recent_times,
                  last_reply=state.last_touch)
    return float(model.probability(_fields(info, fresh, [at], channel, model.functions))[0]
                 * worked(model, info, [at])[0])


def _reason(model: ReplyModel, info: ContactInfo, state: State, local_now: dt.datetime, best: Slot,
            baseline: Slot, moments: list[dt.datetime], p: np.ndarray, p_if_replied: float | None,
            alternatives: list[Slot]) -> str:
    """Why this moment, in words that agree with the figure: every effect named is the model's own,
    measured by asking it the same question with that one thing changed."""
    at = best.at
    # how the chosen weekday and hour compare with the other working slots, all else equal
    code = country_code(info.country, info.timezone)
    working = np.asarray([m.weekday() < 5 and 8 <= m.hour < 18 and m != at for m in moments])
    others = p[working]
    who = info.first_name if model.knows("contact", info.email) else f"contacts like {info.first_name}"
    parts = []
    if len(others):
        ratio = best.p_reply / max(float(np.median(others)), 1e-9)
        if ratio >= 1.15:
            parts.append(f"{WEEKDAYS[at.weekday()]}s {_daypart(at.hour)} replies from {who} come "
                         f"{ratio:.1f}x as often as at a typical working hour")
    if state.last_touch is not None:
        since = business_days_between(state.last_touch.astimezone(at.tzinfo).date(), local_now.date(), code)
        wait = (at.date() - local_now.date()).days
        if wait >= 1 and since <= 2:
            last = state.last_touch.astimezone(at.tzinfo).date()
            ago = (local_now.date() - last).days
            hours = (local_now - state.last_touch).total_seconds() / 3600
            # hours, not a calendar day, when it was less than a day ago: "yesterday" on the contact's calendar may be
            # today on the rep's
            when = "an hour ago" if hours < 1.5 else f"{hours:.0f} hours ago" if hours < 24 else \
                "yesterday" if ago == 1 else f"on {WEEKDAYS[last.weekday()]}"
            if state.last_reply is not None and state.last_reply >= state.last_touch:
                replied = (local_now - state.last_reply).total_seconds() / 3600
                said = "within the hour" if replied < 1.5 else f"{replied:.0f} hours ago" if replied < 24 else \
                    day_label(state.last_reply.astimezone(at.tzinfo), local_now)
                parts.append(f"{info.first_name} answered your last touch ({said}): answer that now; this moment is "
                             "for the touch after it")
            else:
                parts.append(f"you wrote {when}, so wait")
        if state.unanswered >= 2 and p_if_replied is not None:
            parts.append(_unanswered(info, state, best, p_if_replied))
    else:
        parts.append(f"no touch on record: this follows {info.first_name}'s segment's pattern")
    higher = max(alternatives, key=lambda a: a.p_reply, default=None)
    if higher is not None and round(higher.p_reply, 2) > round(best.p_reply, 2):
        # moments are chosen by what the history shows surely, not by the figure alone
        parts.append(f"{day_label(higher.at, local_now)} {higher.at:%H:%M} reads {higher.p_reply:.0%}, but this "
                     "history has seen fewer touches like it, so that figure is less sure")
    day = f"{day_label(at, local_now)} {at:%H:%M}"  # the day as the headline says it ("Tuesday 5 November")
    if baseline.at == at:
        head = f"{day} {info.first_name}'s time, the usual slot, is also the best: {best.p_reply:.0%} chance of a reply"
    else:
        head = (f"{day} {info.first_name}'s time: {best.p_reply:.0%} chance of a reply vs {baseline.p_reply:.0%} "
                f"at the usual {day_label(baseline.at, local_now)} {baseline.at:%H:%M}")
    return head + (" - " + "; ".join(parts) if parts else "") + "."


def _unanswered(info: ContactInfo, state: State, best: Slot, p_fresh: float) -> str:
    """What the unanswered run does to the figure, by the model's own reckoning: the same moment
    asked as if the contact had just replied."""
    run = f"the last {state.unanswered} touches went unanswered"
    if state.last_reply is not None:
        run += f" (their last reply was on {state.last_reply:%d %b %Y})"
    if p_fresh - best.p_reply >= 0.02:
        return (f"{run}: that lowers the chance from the {p_fresh:.0%} of a contact who had just replied to "
                f"{best.p_reply:.0%}; a call may do better")
    return (f"{run}, yet in this history such a run hardly changes the chance ({p_fresh:.0%} had they just "
            f"replied): {_answered(info, state)}")


def _answered(info: ContactInfo, state: State) -> str:
    if state.replied:
        return f"{info.first_name} has answered {state.replied} of {state.prior} touches so far"
    return f"{info.first_name} has not answered any of {state.prior} touches, so the figure leans on similar contacts"
