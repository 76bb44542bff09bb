"""P(reply within three business days | a touch at this moment): a hierarchical logistic model.

Log-odds are a sum of effects, each with a Gaussian prior centred on zero:

- everyone's: the contact's local weekday and hour of day, business days and calendar days since the
  last touch (which of the two matters is learned: contacts who work weekends count every day),
  touches since the contact's last reply, days since that reply, touches in the previous week,
  channel, deal stage;
- each segment's (sector, region, time zone, size band, finer size bins, country, the seniority the contact's title
  shows, and who owns the account: a group's parent company, a subsidiary or an independent firm): its own level,
  a weekday pattern (sector, region, time zone and finer size bins always; the others when a score test calls for
  their hours) and, when a score test calls for it, an hour-of-day curve, hour by hour (a narrow peak is kept) and
  in three-hour blocks (a broad one is learned from less data);
- each account's (their own level and small departures from their segment's weekday and
  time-of-day pattern) and each contact's (their own level and weekday departures).

A channel's hours may differ from everyone's (a call reaches people at their desk in the late morning, an
e-mail is answered whenever it is read): each channel gets its own hour-of-day curve when a score test says
its hours depart from everyone's (see ``pair_tests``); a moment is advised for an e-mail.

A title says what a person does in words no list of jobs fits ("Maint. & Reliability Mgr", "Comprador de
Planta", "Area Supervisor, Nights"): after a first fit, each word that a few contacts' titles share is scored by
how far their replies' hours depart from what the fit expects, and each title gets, of its words that depart
enough, the one whose holders each depart most as
its job (``function``, see ``tools.followup.titles``), a segment of the same kind as the seniority the title
shows. A word is judged across everyone and within each sector, country, size band and kind of owner (one job keeps
other hours in each sector), so the pair of a job and a sector can be found where neither shows alone. A title with none of those words takes its seniority as its job ("Chairman", "Gérante" and "المدير العام"
name no job, yet the heads of companies keep alike hours; "Kierownik" and "Teamleiter" lead a team of some kind):
such people are not lumped together, whatever their rank, in one mixture of hours. Its level and curves stay only
when the score test calls for its hours; else the words are dropped.

A history's hours follow some of what is known of its contacts and not the rest (the sector in one, the country
in another), and every curve added to a contact's brings its noise: a segment field gets its own hour curves only
when a score test on a first fit, with everyone's curves alone, says that its hours depart from everyone's, and of
the fields of one kind (a region, its time zones and countries) only the one that departs most (see
``pair_tests``). The weekday patterns of sector, region, time zone and finer size stay whatever the hours say: seven
effects cost little, and a region's weekend or a sector's Monday need not show in its hours.

A segment may also be a combination of fields (a sector's small companies answer early, its large ones
late): a pair of segment fields gets its own level and hour-of-day curve when a score test on the
fitted model's residuals (with those segments' curves) says the pair's hours depart from its fields' curves added up (see
``pair_tests``); pairs that do not are left out, so they add no noise. A pair whose judged cells are one field's
values (a field with one value for nearly everyone, or one that follows from the other), and a field or pair that
splits the contacts exactly as one judged before it, are not judged. In a history of more than EB_SAMPLE touches
the fields and pairs are chosen on a sample of contacts, and the fields, then the pairs, that the whole history
calls for besides are added in the same order.

Segments are seen through several fields at once because their true edges are unknown; the prior
scale of each level of effects is fixed here (wide for everyone, narrower for a segment, narrow
for a contact), so a contact with few touches borrows from their account, their segments and
everyone, and a contact never touched gets their segments' profile. The shapes of the weekday, gap
and fatigue effects are learned (one effect per value or bin), not assumed.

A contact's hours often sit a few hours off their segments' (an early riser in a late-answering
sector). Each contact's whole hour-of-day curve may be shifted by -3..+3 hours: the likelihood of
the contact's own touches under each shift (their level integrated out) gives a posterior over shifts,
whose prior is the population's share of each shift (learned by expectation-maximisation). A
contact with touches at several hours gets their own peak; one with touches at a single hour, or
none, keeps the population's mixture.

How far each level of effects may stray is itself learned: the prior scales above are where the
fit starts, and each group's scale is then re-estimated from its fitted effects and their
uncertainty (empirical Bayes), so a field that does not matter in this history (say,
company size when replies follow the time zone) is shrunk away instead of adding noise, and one
that does gets room. Everyone's hour-of-day curve keeps its starting scale: a single curve whose
peak a scale learned from its hours' root mean square would flatten.

A touch is answered when the reply arrives within three business days (a weekend touch counts from
the Friday before); a touch whose window is still open when the history ends is left out, answered
or not.

Each effect's posterior variance is kept too (from the Hessian at the fit, each effect taken alone).
A moment is chosen by its log-odds less CAUTION of their standard deviations: an hour few touches have
been seen at, that happened to be answered, is not preferred to one almost as good that many touches
support (most of all in a small history); the figure shown is the moment's own estimate.

The fit is a maximum a posteriori estimate (a truncated Newton method on the sparse design,
warm-started after each re-estimate and for the final fit). The probabilities are then calibrated (Platt scaling) on a later time slice than the
one fitted, and the calibration is reported for contacts with 0, 1-4 and 5+ prior touches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

from tools.followup.calendar import country_code, named_days
from tools.followup.history import CHANNELS, EPOCH_DAY, ContactInfo, Table, seniority, size_fine
from tools.followup.titles import function, learn

FORMAT = 13
GAP_BINS = (-1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 15, 25)
"""a gap falls in the last bin whose lower edge it reaches (-1: a first touch)"""
MAX_UNANSWERED = 8
MAX_RECENT = 5
REPLY_AGE_BINS = (-1, 0, 3, 7, 14, 30, 60, 120)
"""days since the contact's last reply: a bin is the last lower edge reached (-1: never replied)"""
FIELDS = ("wd", "hr", "h3", "gap", "gapc", "un", "rc", "rp", "ch", "st", "sector", "region", "tz", "size", "sizefine", "country",
          "role", "function", "ownership", "account", "contact")
SEGMENTS = ("sector", "region", "tz", "size", "sizefine", "country", "role", "function", "ownership")
WEEKLY = ("sector", "region", "tz", "sizefine")
"""segments whose weekday pattern is always learned: seven effects (a region's weekend, a sector's Monday) cost a
small history little, where a score test on the hours alone would miss them"""
TESTED = SEGMENTS
"""segments whose own hour curves (and, outside WEEKLY, weekday pattern) are kept only when a score test on the fit
without any calls for it, as a pair's is (see ``pair_tests``), and then only the one of each kind whose hours depart
most (a region's, its time zone's or its country's): the hours of a history's contacts follow some of what is known
of them and not the rest, and each curve of noise added to a contact's costs a small history dearly. ``function`` is
the word of the title whose replies' hours depart most (see ``tools.followup.titles``)"""
STRATA = ("sector", "country", "ownership", "size")
"""fields within whose values a title word's hours are judged as well as across everyone"""
Group = tuple[tuple[str, ...], float]
GROUPS: tuple[Group, ...] = (
    # everyone
    (("wd",), 2.0), (("h3",), 1.5), (("hr",), 0.7), (("gap",), 2.0), (("gapc",), 1.0), (("un",), 2.0), (("rc",), 2.0), (("rp",), 2.0), (("ch",), 2.0), (("st",), 2.0),
    # segments: their level, weekday pattern, and hour-of-day curve (three-hour blocks, then hour by hour)
    *(((s,), 0.7) for s in SEGMENTS),
    *(((s, "wd"), 0.5) for s in WEEKLY),
    # accounts and contacts: their level, and small departures from their segment's pattern
    (("account",), 0.5), (("account", "wd"), 0.15),
    (("contact",), 0.7), (("contact", "wd"), 0.15),
)
"""(fields, prior standard deviation of the effects on the log-odds scale)"""
CHANNEL_GROUPS: tuple[Group, ...] = ((("ch", "h3"), 0.5), (("ch", "hr"), 0.25))
"""each channel's departure from everyone's hours (a call reaches people at the desk, an e-mail is answered
whenever it is read), kept only when a score test on the fit without them calls for it, as a pair's is"""
KIND = {"sector": "sector", "region": "place", "country": "place", "tz": "place", "size": "size", "sizefine": "size",
        "role": "role", "function": "role", "ownership": "ownership"}
"""what each segment field says about a contact; a kind's fields are the same thing at coarser or finer grain"""
PAIRS = tuple((a, b) for i, a in enumerate(KIND) for b in list(KIND)[i + 1:] if KIND[a] != KIND[b])
"""pairs of segment fields of different kinds that may carry their own hour-of-day curve; of the pairs of
the same two kinds, the one whose hours depart most is kept (a segment of country and size shows, more
thinly, in time zone and finer size too)"""
PAIR_SCALES = (0.3, 0.15)
"""where a pair's three-hour blocks and hour-by-hour curve start (the data then sets them)"""
PAIR_TEST_Z = 4.0
PAIR_TEST_CONTACTS = 8
"""a pair's curve is kept when its cells' hours depart from the sum of its fields' curves by this many
standard errors; a cell and block is judged once this many contacts have touches in it"""
SINGLE_TEST_Z = 2.0
"""a segment field's own curves are kept at this many standard errors: a few fields are tested, against
everyone's curve alone, where the pairs are many, and a small history's segments show at 2 to 3"""
FUNCTION_TEST_Z = PAIR_TEST_Z
"""the job's own curves are kept at this many standard errors, not SINGLE_TEST_Z: its values, the words of the titles,
were each chosen for how far their holders' hours depart on the very touches the test judges, so in a history whose
titles say nothing of the hours the job departs by a few standard errors from noise alone"""
FIXED_SCALE = {("h3",), ("hr",)}
"""everyone's hour-of-day curve keeps its prior scale: one curve of 24 hours, whose peak a scale learned
from the root mean square of its hours would flatten"""
EB_ROUNDS = 1
EB_SAMPLE = 100_000
"""touches (whole contacts' histories, sampled) the group scales are learned on in a larger history"""
SHIFTS = tuple(range(-3, 4))
"""hours a contact's whole hour-of-day curve may sit off their segments' (positive: later)"""
DESHIFT = 1
SPREAD = 0.5
"""the weight of the hours either side in an hour-by-hour curve: a curve, not 24 unrelated hours"""
SHIFT_FLOOR = 0.05
"""the least prior share of any shift: contacts do differ, even where few have been seen to. The share
learned is biased low: a shift is judged against curves learned as if nobody were shifted (so blurred by
the shifted contacts), and against a contact's other effects fitted the same way, which favours no shift
(at a floor of 0.02 the learned share fell to that floor in every planted world with shifted contacts,
and contacts touched 40-140 times whose touches favoured their own shift kept most of their posterior on none)"""
SHIFT_LEVEL_SD = 0.5
CAUTION = 1.0
"""the moment chosen is the one whose log-odds stand highest less this many of their posterior standard
deviations: of two moments that look alike, the one the history has seen more of. An hour seen in a few
dozen touches that happened to be answered looks best by chance more often than it is best, most of all
in a small history; the figure shown is still the moment's own estimate"""
"""how far a contact's level may move when their curve is shifted"""
DAY_OFF_Z = 3.0
DAY_OFF_SHARE = 0.5
DAY_OFF_EXPECTED = 3.0
"""a day the holidays package names for a country besides its public holidays (Carnival in Brazil) is a day off
there when the history's touches on it were answered at most DAY_OFF_SHARE as often as the model expects for
them, DAY_OFF_Z standard errors below it, the model expecting DAY_OFF_EXPECTED replies or more"""
OFF_PRIOR = 0.2
OFF_SHARE = 0.1
"""any other named day is off with a chance from the history: OFF_PRIOR before any touch on it is seen (most such
days are working days), then weighed by how its touches were answered against a day off, where OFF_SHARE of the
replies expected on another day still come, and a working day, where all do. A moment on it is worth its figure
times the chance the day is worked: a history too short to prove Carnival is off still steers away from it"""
SCALE_LIMITS = (0.02, 3.0)
CALIBRATION_ROWS = 40_000
"""touches of the calibration slice the calibration is learned from, at most (a sample of a larger slice)"""
MAP_TOL = 1e-4
MAP_TOL_FIRST = 1e-3
"""the solver's tolerance on the mean log-loss gradient: of a fit that is kept, and of the first fit on 80% of a
history (which only calibrates, is measured, and starts the one kept)"""
RANK = "~"
"""the job of a title that names no job word found is its seniority, marked so ("~executive"; no title's word is)"""
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def gap_bin(gap: np.ndarray) -> np.ndarray:
    return np.searchsorted(np.asarray(GAP_BINS), gap, side="right") - 1


def reply_age_bin(days: np.ndarray) -> np.ndarray:
    return np.searchsorted(np.asarray(REPLY_AGE_BINS), days, side="right") - 1


def fields_of(t: Table, contacts: dict[str, ContactInfo], functions: dict[str, float] | None = None
              ) -> dict[str, np.ndarray]:
    """The categorical fields of every touch, as arrays of strings or small integers; ``functions`` are the
    words of titles that name a job (``ReplyModel.functions``)."""
    info = [contacts[c] for c in t.contact]
    hour = t.hour.astype(np.int64)
    return {
        "wd": t.weekday.astype(np.int64), "hr": hour, "h3": hour // 3,
        "gap": gap_bin(t.gap), "gapc": gap_bin(t.days), "un": np.minimum(t.unanswered, MAX_UNANSWERED).astype(np.int64),
        "rc": np.minimum(t.recent, MAX_RECENT).astype(np.int64), "rp": reply_age_bin(t.since_reply), "ch": t.channel, "st": t.stage,
        **contact_fields(info, functions),
        "contact": np.asarray(t.contact, dtype=object),
    }


def contact_fields(info: list[ContactInfo], functions: dict[str, float] | None = None) -> dict[str, np.ndarray]:
    """The segment and account fields of each row's contact (``functions``: see ``fields_of``)."""
    def col(values: list[Any]) -> np.ndarray:
        return np.asarray(values, dtype=object)

    # a row per touch: each title is read once; a title that names no job word found is read by its seniority
    job = {title: function(title, functions) or RANK + seniority(title) for title in {i.title for i in info}
           if seniority(title)} if functions else {}

    return {"sector": col([i.sector or "" for i in info]), "region": col([i.region for i in info]),
            "tz": col([i.timezone or "" for i in info]), "size": col([i.size or "" for i in info]),
            "sizefine": col([size_fine(i.employees) for i in info]), "country": col([i.country or "" for i in info]),
            "role": col([seniority(i.title) for i in info]),
            "function": col([job.get(i.title, "") for i in info]), "ownership": col([i.ownership or "" for i in info]),
            "account": col([i.account or "" for i in info])}


@dataclass
class Calibration:
    """Brier score and expected calibration error on a later slice, by prior touches."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    slices: dict[str, str] = field(default_factory=dict)


@dataclass
class ReplyModel:
    vocab: dict[str, list[Any]]
    coef: np.ndarray
    intercept: float
    platt: tuple[float, ...] = (1.0, 0.0, 0.0)
    """the calibration: log-odds a * z + b + c * (z - the day's mean of z over the hours offered), so that
    it may also stretch or flatten the hours of a day against each other (see ``_calibrate``)"""
    hours: list[int] = field(default_factory=lambda: list(range(8, 18)))
    weekdays: list[int] = field(default_factory=lambda: list(range(5)))
    trained_on: int = 0
    fingerprint: str = ""
    calibration: Calibration = field(default_factory=Calibration)
    seconds: float = 0.0
    scales: list[float] = field(default_factory=lambda: [sd for _, sd in GROUPS])
    """each group's prior scale, as learned"""
    variance: np.ndarray | None = field(default=None, repr=False)
    """each effect's posterior variance as a row sees it (an hour-by-hour curve's neighbours' added); None:
    not known, and moments are chosen by their estimate alone"""
    functions: dict[str, float] = field(default_factory=dict)
    """the words of titles that name a job, with how far each holder's hours depart (``tools.followup.titles.learn``)"""
    raw: np.ndarray | None = field(default=None, repr=False)
    """the fitted weights before the hour curves' neighbours are added (a later fit starts from them)"""
    shift_prior: list[float] = field(default_factory=lambda: [float(s == 0) for s in SHIFTS])
    shift_posterior: dict[str, list[float]] = field(default_factory=dict)
    """contact -> posterior over SHIFTS (only contacts whose posterior differs from the prior)"""
    groups: list[Group] = field(default_factory=lambda: list(GROUPS))
    """the groups of effects, GROUPS and the pairs of fields whose hour curves the data called for"""
    pair_tests: dict[tuple[str, str], float] = field(default_factory=dict)
    """each pair of PAIRS judged, each segment field alone (the pair of it and "") and the channels ("ch", ""): how
    far its hours departed from what the fit without its curves expects, in standard errors (see ``pair_tests``)"""
    days_off: dict[str, list[str]] = field(default_factory=dict)
    """country code -> the names of its days (besides public holidays) that its contacts did not answer on"""
    off_chances: dict[str, dict[str, float]] = field(default_factory=dict)
    """country code -> name of one of its other named days seen in the history -> the chance it is off there (see
    OFF_PRIOR); a named day not listed has OFF_PRIOR"""
    _codes: dict[str, dict[Any, int]] = field(default_factory=dict, repr=False)
    _offsets: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.groups = [(tuple(g), float(sd)) for g, sd in self.groups]
        self._codes, self._offsets = _layout(self.vocab, self.groups)

    # -- scoring ---------------------------------------------------------------------------------

    def shifts_of(self, contacts: np.ndarray) -> np.ndarray:
        """Each row's contact's posterior over SHIFTS (the population's prior for one without touches)."""
        prior = self.shift_prior
        return np.asarray([self.shift_posterior.get(c, prior) for c in contacts], dtype=float).reshape(-1, len(SHIFTS))

    def shift_logits(self, fields: dict[str, np.ndarray], which: list[int] | None = None) -> np.ndarray:
        """The additive model's log-odds of each row under each shift of SHIFTS (or those at ``which``):
        the effects that do not depend on the hour are looked up once."""
        return self._shift_logits(_coded(fields, self._codes), which)

    def _shift_logits(self, coded: dict[str, np.ndarray], which: list[int] | None = None) -> np.ndarray:
        return self.intercept + self._shift_sums(coded, self.coef, which)

    def _shift_sums(self, coded: dict[str, np.ndarray], values: np.ndarray, which: list[int] | None = None
                    ) -> np.ndarray:
        """Each row's sum of ``values`` (one per effect: the effects, or their variances) over its effects,
        under each shift of SHIFTS (or those at ``which``): the effects that do not depend on the hour are
        looked up once."""
        hourly = _hour_groups(self.groups)
        others = [g for g in range(len(self.groups)) if g not in hourly]
        idx, ok = _group_index(coded, self.vocab, self._offsets, self.groups, others)
        base = np.where(ok, values[np.where(ok, idx, 0)], 0.0).sum(axis=1)
        which = list(range(len(SHIFTS))) if which is None else which
        out = np.zeros((len(base), len(SHIFTS)))
        for k in which:
            hour = (coded["hr"] - SHIFTS[k]) % 24  # the vocabulary holds every hour: an hour's code is the hour
            idx, ok = _group_index({**coded, "hr": hour, "h3": hour // 3}, self.vocab, self._offsets, self.groups,
                                   hourly)
            out[:, k] = base + np.where(ok, values[np.where(ok, idx, 0)], 0.0).sum(axis=1)
        return out

    def logit_sd(self, fields: dict[str, np.ndarray]) -> np.ndarray:
        """The posterior standard deviation of each row's log-odds, its effects taken as independent, over
        the contact's posterior over shifts (0 where the variances are not known)."""
        coded = _coded(fields, self._codes)
        if self.variance is None or len(coded["hr"]) == 0:
            return np.zeros(len(coded["hr"]))
        weights = self.shifts_of(np.asarray(fields["contact"]))
        used = np.flatnonzero(weights.max(axis=0) > 1e-4).tolist()
        variance = self._shift_sums(coded, self.variance, used)[:, used]
        return np.sqrt((weights[:, used] * variance).sum(axis=1) / np.maximum(weights[:, used].sum(axis=1), 1e-12))

    def choice_score(self, fields: dict[str, np.ndarray], p: np.ndarray) -> np.ndarray:
        """What moments are ranked by: the log-odds of ``p`` (their figures) less CAUTION standard deviations."""
        q = np.clip(p, 1e-9, 1 - 1e-9)
        return np.log(q / (1 - q)) - CAUTION * self.logit_sd(fields)

    def mixed_logit(self, fields: dict[str, np.ndarray]) -> np.ndarray:
        """The log-odds of the probability averaged over each contact's posterior over shifts."""
        return self._mixed_logit(_coded(fields, self._codes), np.asarray(fields["contact"]))

    def _mixed_logit(self, coded: dict[str, np.ndarray], contacts: np.ndarray) -> np.ndarray:
        weights = self.shifts_of(contacts)
        used = np.flatnonzero(weights.max(axis=0) > 1e-4).tolist()
        p = (weights[:, used] * _sigmoid(self._shift_logits(coded, used)[:, used])).sum(axis=1)
        p = np.clip(p / np.maximum(weights[:, used].sum(axis=1), 1e-12), 1e-9, 1 - 1e-9)
        return np.log(p / (1 - p))

    def _with_day_mean(self, fields: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """``mixed_logit`` of each row, and its mean over the hours offered (``hours``) on the row's day, all
        else as in the row; rows alike but for the hour (a contact's moments on one day) share the latter."""
        coded, contacts = _coded(fields, self._codes), np.asarray(fields["contact"])
        n, hours = len(contacts), np.asarray(self.hours, dtype=np.int64)
        if n == 0 or len(hours) == 0:
            z = self._mixed_logit(coded, contacts)
            return z, z
        rest = [f for f in FIELDS if f not in ("hr", "h3")]
        _, first, back = np.unique(np.column_stack([coded[f] for f in rest]), axis=0, return_index=True,
                                   return_inverse=True)
        m = len(first)
        hour = np.repeat(hours, m)  # the vocabulary holds every hour: an hour's code is the hour
        both = {f: np.concatenate([coded[f], np.tile(coded[f][first], len(hours))]) for f in rest}
        both["hr"], both["h3"] = np.concatenate([coded["hr"], hour]), np.concatenate([coded["h3"], hour // 3])
        z = self._mixed_logit(both, np.concatenate([contacts, np.tile(contacts[first], len(hours))]))
        return z[:n], z[n:].reshape(len(hours), m).mean(axis=0)[back.reshape(-1)]

    def probability(self, fields: dict[str, np.ndarray], calibrated: bool = True) -> np.ndarray:
        a, b, c = self.platt if calibrated else (1.0, 0.0, 0.0)
        if c:
            z, mean = self._with_day_mean(fields)
            return _sigmoid(a * z + b + c * (z - mean))
        return _sigmoid(a * self.mixed_logit(fields) + b)

    def day_off(self, code: str | None, day: dt.date) -> str | None:
        """The name of ``day``, when it is one of the days the history shows ``code``'s contacts do not answer on."""
        off = self.days_off.get(code or "", [])
        return next((name for name in named_days(code, day.year).get(day, ()) if name in off), None)

    def off_chance(self, code: str | None, day: dt.date) -> tuple[float, str | None]:
        """The chance ``day`` is not worked by ``code``'s contacts (0 for a day the holidays package does not name
        besides the public holidays), and its name."""
        names = named_days(code, day.year).get(day, ())
        if not names:
            return 0.0, None
        seen = self.off_chances.get(code or "", {})
        chance, name = max((seen.get(n, OFF_PRIOR), n) for n in names)
        return chance, name

    def knows(self, fieldname: str, value: Any) -> bool:
        return value in self._codes[fieldname]

    # -- persistence -----------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"format": FORMAT, "vocab": self.vocab, "intercept": self.intercept, "platt": list(self.platt),
                "hours": self.hours, "weekdays": self.weekdays, "trained_on": self.trained_on,
                "fingerprint": self.fingerprint, "seconds": self.seconds, "scales": self.scales,
                "shift_prior": self.shift_prior, "groups": [[list(g), sd] for g, sd in self.groups],
                "pair_tests": [[list(k), v] for k, v in self.pair_tests.items()], "days_off": self.days_off,
                "off_chances": self.off_chances, "functions": self.functions,
                "calibration": {"rows": self.calibration.rows, "slices": self.calibration.slices}}
        tmp = path.with_suffix(".tmp.npz")
        names = sorted(self.shift_posterior)
        np.savez(tmp, coef=self.coef, variance=np.zeros(0) if self.variance is None else self.variance, meta=np.asarray(json.dumps(meta)),
                 shifted_contacts=np.asarray(names, dtype=str),
                 posterior=np.asarray([self.shift_posterior[c] for c in names], dtype=float).reshape(-1, len(SHIFTS)))
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path) -> ReplyModel | None:
        """The saved model, or None when it is missing, damaged or of another format."""
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                if not isinstance(meta, dict) or meta.get("format") != FORMAT:
                    return None
                coef = data["coef"]
                variance = data["variance"]
                if len(variance) != len(coef):
                    return None
                posterior = dict(zip(data["shifted_contacts"].tolist(), data["posterior"].tolist(), strict=True))
            return cls(vocab=meta["vocab"], coef=coef, variance=variance, intercept=meta["intercept"], platt=tuple(meta["platt"]),
                       hours=meta["hours"], weekdays=meta["weekdays"], trained_on=meta["trained_on"],
                       fingerprint=meta["fingerprint"], seconds=meta["seconds"], scales=meta["scales"],
                       shift_prior=meta["shift_prior"], shift_posterior=posterior,
                       groups=[(tuple(g), sd) for g, sd in meta["groups"]],
                       pair_tests={(k[0], k[1]): v for k, v in meta["pair_tests"]}, days_off=meta["days_off"],
                       off_chances=meta["off_chances"], functions=meta["functions"],
                       calibration=Calibration(**meta["calibration"]))
        except (OSError, ValueError, KeyError, EOFError, TypeError, zipfile.BadZipFile):
            return None


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


def _width(vocab: dict[str, list[Any]], group: tuple[str, ...]) -> int:
    return int(np.prod([len(vocab[f]) for f in group]))


def _layout(vocab: dict[str, list[Any]], groups: list[Group]) -> tuple[dict[str, dict[Any, int]], list[int]]:
    """Each field's value -> code, and where each group's effects start in the coefficient vector."""
    codes = {f: {v: i for i, v in enumerate(vals)} for f, vals in vocab.items()}
    return codes, list(np.cumsum([0] + [_width(vocab, g) for g, _ in groups]))


def _hour_groups(groups: list[Group]) -> list[int]:
    return [g for g, (group, _) in enumerate(groups) if set(group) & {"hr", "h3"}]


def _coded(fields: dict[str, np.ndarray], codes: dict[str, dict[Any, int]]) -> dict[str, np.ndarray]:
    """Each field's values as codes of the vocabulary (-1: not seen in training)."""
    n = len(next(iter(fields.values())))
    coded = {}
    for f in FIELDS:
        lookup = codes[f]
        column = np.asarray(fields[f])
        if column.dtype == object and n > 20_000:  # many strings: one vectorised hash lookup
            import pandas as pd  # imported when a history is learned from, not at start-up

            coded[f] = pd.Index(list(lookup)).get_indexer(column).astype(np.int64)
        elif column.dtype == object:  # a few strings: a hash lookup each (sorting them would cost more)
            coded[f] = np.fromiter((lookup.get(v, -1) for v in column.tolist()), dtype=np.int64, count=n)
        else:
            values, inverse = np.unique(column, return_inverse=True)
            known = np.fromiter((lookup.get(v, -1) for v in values.tolist()), dtype=np.int64, count=len(values))
            coded[f] = known[inverse.reshape(-1)] if n else np.zeros(0, dtype=np.int64)
    return coded


def _group_index(coded: dict[str, np.ndarray], vocab: dict[str, list[Any]], offsets: list[int],
                 groups: list[Group], which: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Column index of each row's effect in each group of ``which``, and whether the row's values are known."""
    n = len(next(iter(coded.values())))
    idx = np.empty((n, len(which)), dtype=np.int64)
    ok = np.ones((n, len(which)), dtype=bool)
    for j, g in enumerate(which):
        code = np.zeros(n, dtype=np.int64)
        for f in groups[g][0]:
            code = code * len(vocab[f]) + coded[f]
            ok[:, j] &= coded[f] >= 0
        idx[:, j] = offsets[g] + code
    return idx, ok


def _indicators(fields: dict[str, np.ndarray], vocab: dict[str, list[Any]], groups: list[Group]
                ) -> sparse.csr_matrix:
    """Which effects each row has: 1 for each, and SPREAD for the hours either side of the row's
    own in the hour-by-hour curves (so each hour's effect is learned from its neighbours too)."""
    codes, offsets = _layout(vocab, groups)
    coded = _coded(fields, codes)
    everything = list(range(len(groups)))
    parts = [(*_group_index(coded, vocab, offsets, groups, everything), 1.0)]
    hourly = [g for g, (group, _) in enumerate(groups) if group[-1] == "hr"]
    for step in (-1, 1):
        hour = (coded["hr"] + step) % 24
        parts.append((*_group_index({**coded, "hr": hour}, vocab, offsets, groups, hourly), SPREAD))
    # every row has the same number of entries, so the matrix is laid out directly; an effect whose value was
    # not seen in training is an explicit zero (in column 0)
    idx = np.hstack([np.where(ok, idx, 0) for idx, ok, _ in parts])
    data = np.hstack([np.where(ok, weight, 0.0) for _, ok, weight in parts])
    n, k = idx.shape
    return sparse.csr_matrix((data.ravel(), idx.ravel(), np.arange(0, n * k + 1, k)), shape=(n, offsets[-1]))


def _smoothed(raw: np.ndarray, vocab: dict[str, list[Any]], groups: list[Group], squared: bool = False
              ) -> np.ndarray:
    """The effects as a row sees them: each hour-by-hour curve with SPREAD of its neighbours' added (with
    ``squared``, SPREAD squared: of variances)."""
    _, offsets = _layout(vocab, groups)
    out = raw.copy()
    for g, (group, _) in enumerate(groups):
        if group[-1] == "hr":
            block = raw[offsets[g]:offsets[g + 1]].reshape(-1, 24)
            weight = SPREAD ** 2 if squared else SPREAD
            out[offsets[g]:offsets[g + 1]] = (block + weight * (np.roll(block, 1, axis=1)
                                                                + np.roll(block, -1, axis=1))).reshape(-1)
    return out


def _col_scale(vocab: dict[str, list[Any]], groups: list[Group], scales: list[float] | None = None) -> np.ndarray:
    _, offsets = _layout(vocab, groups)
    out = np.zeros(offsets[-1])
    for g, (_, sd) in enumerate(groups):
        out[offsets[g]:offsets[g + 1]] = sd if scales is None else scales[g]
    return out


def _vocab(fields: dict[str, np.ndarray]) -> dict[str, list[Any]]:
    vocab = {f: sorted(set(np.asarray(fields[f]).tolist()), key=lambda v: (str(type(v)), v)) for f in FIELDS}
    for f, extra in (("ch", list(CHANNELS)), ("wd", list(range(7))), ("hr", list(range(24))),
                     ("h3", list(range(8))), ("gap", list(range(len(GAP_BINS)))),
                     ("gapc", list(range(len(GAP_BINS)))),
                     ("un", list(range(MAX_UNANSWERED + 1))), ("rc", list(range(MAX_RECENT + 1))),
                     ("rp", list(range(len(REPLY_AGE_BINS))))):
        vocab[f] = sorted(set(vocab[f]) | set(extra), key=lambda v: (str(type(v)), v))
    return vocab


def _map_fit(x: sparse.csr_matrix, y: np.ndarray, start: np.ndarray | None = None, tol: float = MAP_TOL
             ) -> np.ndarray:
    """The maximum a posteriori weights (last entry: the intercept, unpenalised) of a logistic
    regression whose columns are pre-scaled so that each weight's prior is N(0, 1); ``start``
    warm-starts the solver (a truncated Newton method)."""
    from sklearn.linear_model import LogisticRegression  # imported when a model is fitted, not at start-up

    lr = LogisticRegression(C=1.0, solver="newton-cg", max_iter=100, tol=tol, warm_start=start is not None)
    if start is not None:
        lr.coef_, lr.intercept_ = start[None, :-1].copy(), start[-1:].copy()
    lr.fit(x, y)
    return np.append(lr.coef_[0], lr.intercept_[0])


def _fit_effects(ind: sparse.csr_matrix, y: np.ndarray, vocab: dict[str, list[Any]], groups: list[Group],
                 scales: list[float], rounds: int, start: tuple[np.ndarray, float] | None = None,
                 tol: float = MAP_TOL) -> tuple[np.ndarray, float, list[float]]:
    """Effects, intercept and the learned scale of each group.

    Each round fits the MAP effects under the current scales, then sets each group's scale to the
    root mean of (effect squared + its posterior variance) over the effects the data touched: the
    expectation-maximisation step for a Gaussian prior's variance, with each effect's posterior
    variance taken from the diagonal of the Hessian."""
    _, offsets = _layout(vocab, groups)
    scales = list(scales)
    coef, intercept = (np.zeros(ind.shape[1]), 0.0) if start is None else start
    warm = start is not None
    for r in range(rounds + 1):
        col = _col_scale(vocab, groups, scales)
        x = ind.copy()
        x.data = x.data * col[x.indices]
        theta = _map_fit(x, y, np.append(coef / np.where(col > 0, col, 1.0), intercept) if warm else None, tol)
        warm = True
        coef, intercept = theta[:-1] * col, float(theta[-1])
        if r == rounds:
            break
        p = _sigmoid(ind @ coef + intercept)
        information = ind.T @ (p * (1 - p))
        variance = 1.0 / (1.0 / col ** 2 + information)
        for g in range(len(groups)):
            if groups[g][0] in FIXED_SCALE:
                continue
            part = slice(offsets[g], offsets[g + 1])
            seen = information[part] > 0.25  # effects with at least a little data behind them
            if seen.sum() >= 3:
                value = float(np.sqrt(np.mean(coef[part][seen] ** 2 + variance[part][seen])))
                scales[g] = float(np.clip(value, *SCALE_LIMITS))
    return coef, intercept, scales


def _posterior_variance(ind: sparse.csr_matrix, coef: np.ndarray, intercept: float, vocab: dict[str, list[Any]],
                        groups: list[Group], scales: list[float]) -> np.ndarray:
    """Each effect's posterior variance as a row sees it: the inverse of its own diagonal of the Hessian at
    the fitted effects (each effect taken alone), neighbours' added as ``_smoothed`` adds them."""
    p = _sigmoid(ind @ coef + intercept)
    squared = ind.multiply(ind).tocsr()
    variance = 1.0 / (1.0 / _col_scale(vocab, groups, scales) ** 2 + squared.T @ (p * (1 - p)))
    return _smoothed(variance, vocab, groups, squared=True)


def pair_tests(fields: dict[str, np.ndarray], y: np.ndarray, p: np.ndarray) -> dict[tuple[str, str], float]:
    """For each pair of PAIRS, how far its cells' hours depart from what the fitted model ``p`` (whose hour
    curves are per field, added up) expects: a score test, in standard errors, of the pair's own
    three-hour curves.

    Each cell (a value of both fields) and three-hour block sums the residuals ``y - p`` of its touches,
    less the block's share of the cell's whole sum (so a cell that answers more at every hour is not
    taken for one whose hours differ). The variance of that sum is taken over contacts (a contact's
    touches are not independent: one early riser is not a segment), and only blocks with touches from
    PAIR_TEST_CONTACTS contacts or more are judged. Under no interaction the squared sums over their
    variances add up to about their number; the result is the excess over that, in standard errors.

    A pair is not judged where, of its cells with PAIR_TEST_CONTACTS contacts or more (the others are not judged),
    there is no more than one for each value of one of its fields (that field has a single value for nearly everyone,
    or follows from the other): it would be scored as its other field alone. Nor is a field with at most one such
    value (it is everyone), nor a pair or field that splits the contacts exactly as one judged before it (a region
    that follows from the sector, and the sector from it): it would be given the same curves twice."""
    r = y.astype(float) - p
    contacts, person = np.unique(np.asarray(fields["contact"]), return_inverse=True)
    person = person.reshape(-1)
    block = np.asarray(fields["h3"], dtype=np.int64)
    codes = {f: _codes_of(fields[f]) for f in KIND}
    values = {f: int(codes[f].max()) + 1 for f in KIND}
    out: dict[tuple[str, str], float] = {}
    seen: set[tuple[bool, bytes]] = set()

    def judged(cell: np.ndarray, first: np.ndarray, fields_of_pair: tuple[str, ...]) -> bool:
        """Whether a partition of the touches (``cell``: dense codes; ``first``: a row of each cell) is judged."""
        person_cell = np.zeros(len(contacts), dtype=np.int64)
        person_cell[person] = cell  # a contact is in one cell
        big = np.bincount(person_cell, minlength=len(first)) >= PAIR_TEST_CONTACTS
        coarse = max((len(np.unique(codes[f][first][big])) for f in fields_of_pair), default=1)
        if int(big.sum()) <= coarse:
            return False
        rank = np.empty(len(first), dtype=np.int64)
        rank[np.argsort(first, kind="stable")] = np.arange(len(first))
        signature = (len(fields_of_pair) == 2, hashlib.blake2b(rank[cell].tobytes(), digest_size=16).digest())
        if signature in seen:
            return False
        seen.add(signature)
        return True

    for a, b in PAIRS:
        _, first, cell = np.unique(codes[a] * values[b] + codes[b], return_index=True, return_inverse=True)
        if judged(cell.reshape(-1), first, (a, b)):
            out[(a, b)] = _departure(cell.reshape(-1), block, person, len(contacts), r)
    for a in TESTED:  # a field alone, against everyone's curve: the pair of it and nothing
        _, first = np.unique(codes[a], return_index=True)
        if judged(codes[a], first, ()):
            out[(a, "")] = _departure(codes[a], block, person, len(contacts), r)
    # the channels, against everyone's curve: a contact's calls and e-mails are judged apart, as two people
    channel = _codes_of(fields["ch"])
    _, both = np.unique(person * (int(channel.max()) + 1) + channel, return_inverse=True)
    out[("ch", "")] = _departure(channel, block, both.reshape(-1), int(both.max()) + 1, r)
    return out


def _departure(cell: np.ndarray, block: np.ndarray, person: np.ndarray, n_contacts: int, r: np.ndarray) -> float:
    """How far the cells' three-hour blocks depart from what the residuals ``r`` leave (see ``pair_tests``)."""
    cells = int(cell.max()) + 1
    column = cell * 8 + block
    share = np.bincount(column, minlength=cells * 8) / np.maximum(np.repeat(np.bincount(cell, minlength=cells), 8), 1)
    # per (contact, block): the residual sum s; per contact: the whole sum S (a contact is in one cell)
    key, where = np.unique(person * (cells * 8) + column, return_inverse=True)
    s = np.bincount(where, r)
    whole = np.bincount(person, r, minlength=n_contacts)
    key_person, key_column = key // (cells * 8), key % (cells * 8)
    key_whole = whole[key_person]
    u = np.bincount(column, r, minlength=cells * 8) - share * np.repeat(np.bincount(cell, r, minlength=cells), 8)
    person_cell = np.zeros(n_contacts, dtype=np.int64)
    person_cell[person] = cell
    whole2 = np.repeat(np.bincount(person_cell, whole ** 2, minlength=cells), 8)
    variance = (np.bincount(key_column, s ** 2, minlength=cells * 8)
                - 2 * share * np.bincount(key_column, s * key_whole, minlength=cells * 8) + share ** 2 * whole2)
    judged = (np.bincount(key_column, minlength=cells * 8) >= PAIR_TEST_CONTACTS) & (variance > 1e-9)
    df = int(judged.sum()) - int(np.unique(np.arange(cells * 8)[judged] // 8).size)
    if df < 4:
        return 0.0
    stat = float((u[judged] ** 2 / variance[judged]).sum())
    return (stat - df) / float(np.sqrt(2 * df))


def _codes_of(values: Any) -> np.ndarray:
    """Each value's code (0, 1, ...), as integers; strings in one vectorised lookup."""
    column = np.asarray(values)
    if column.dtype == object:
        import pandas as pd  # imported when a history is learned from, not at start-up

        return pd.factorize(column, use_na_sentinel=False)[0].astype(np.int64)
    return np.unique(column, return_inverse=True)[1].reshape(-1).astype(np.int64)


def _called_for(tests: dict[tuple[str, str], float]) -> list[tuple[str, str]]:
    """The pairs whose own hour curves the tests call for: at PAIR_TEST_Z or more (a segment field alone at
    SINGLE_TEST_Z, the job at FUNCTION_TEST_Z), and the highest of their two kinds of field."""
    best: dict[tuple[str, str], tuple[float, tuple[str, str]]] = {}
    for (a, b), z in tests.items():
        kinds = _kinds((a, b))
        bar = PAIR_TEST_Z if b or a not in TESTED else FUNCTION_TEST_Z if a == "function" else SINGLE_TEST_Z
        if z >= bar and z > best.get(kinds, (-np.inf, ("", "")))[0]:
            best[kinds] = (z, (a, b))
    return [pair for _, pair in best.values()]


def _alone(tests: dict[tuple[str, str], float]) -> dict[tuple[str, str], float]:
    """The tests of the segment fields alone (each against everyone's curve)."""
    return {pair: z for pair, z in tests.items() if pair[0] in TESTED and not pair[1]}


def _refining(called: list[tuple[str, str]], singles: list[tuple[str, str]], tests: dict[tuple[str, str], float]
              ) -> list[tuple[str, str]]:
    """Of the pairs (and channels) ``called`` for, those not among ``singles`` that refine one (a pair of fields of
    which one is of a kind whose hours were called for alone: a sector's large companies apart from its small ones),
    or that depart twice as far as a pair must: a pair of two fields of which neither departs alone is more likely
    noise that a score test over many cells let through than a segment that only the two together show."""
    kinds = {KIND[a] for a, _ in singles}
    return [pair for pair in called if pair not in singles
            and (pair[0] == "ch" or KIND[pair[0]] in kinds or (pair[1] and KIND[pair[1]] in kinds)
                 or tests[pair] >= 2 * PAIR_TEST_Z)]


def _kinds(pair: tuple[str, str]) -> tuple[str, str]:
    return KIND.get(pair[0], pair[0]), KIND[pair[1]] if pair[1] else ""


def _pair_groups(pairs: list[tuple[str, str]]) -> list[Group]:
    """A pair's level and curves; a field of TESTED alone (its pair with "") gets its hour curves, and its weekday
    pattern unless it is in WEEKLY (its level, and a WEEKLY field's weekdays, are always there); the channel its hour
    curves."""
    return [g for a, b in pairs
            for g in (CHANNEL_GROUPS if a == "ch" else
                      (() if a in WEEKLY else (((a, "wd"), 0.5),)) + (((a, "h3"), 0.5), ((a, "hr"), 0.25)) if not b else
                      (((a, b), 0.3), ((a, b, "h3"), PAIR_SCALES[0]), ((a, b, "hr"), PAIR_SCALES[1])))]


def _with_pairs(fields: dict[str, np.ndarray], y: np.ndarray, vocab: dict[str, list[Any]], groups: list[Group],
                scales: list[float], coef: np.ndarray, intercept: float, pairs: list[tuple[str, str]], rounds: int,
                tol: float) -> tuple[list[Group], sparse.csr_matrix, np.ndarray, float, list[float]]:
    """The fit again with each of ``pairs`` given its own level and hour curves (at their starting scales),
    starting from the fit without them: the groups, their indicators, effects, intercept and scales."""
    before = ReplyModel(vocab=vocab, coef=coef, intercept=intercept, groups=groups, raw=coef)
    added = _pair_groups(pairs)
    groups = groups + added
    ind = _indicators(fields, vocab, groups)
    # the new curves start at zero, where their gradient, a few cells' residuals over the whole history, is below
    # a loose tolerance: the solver would stop at once and leave them (and the scales learned from them) at zero
    coef, intercept, scales = _fit_effects(ind, y, vocab, groups, scales + [sd for _, sd in added], rounds,
                                           (_transfer(before, vocab, groups), intercept), min(tol, MAP_TOL))
    return groups, ind, coef, intercept, scales


Fitted = tuple[list[Group], sparse.csr_matrix, np.ndarray, float, list[float]]


def _segments(fields: dict[str, np.ndarray], y: np.ndarray, vocab: dict[str, list[Any]], fitted: Fitted, tol: float,
              have: frozenset[tuple[str, str]] = frozenset(), rounds: int = EB_ROUNDS
              ) -> tuple[list[tuple[str, str]], list[tuple[str, str]], dict[tuple[str, str], float], Fitted]:
    """From a fit (``fitted``: groups, indicators, effects, intercept, scales) with everyone's curves and those of
    ``have`` (fields alone and pairs already given theirs, as in a fit learned on a sample): the segment fields whose
    own hours the score tests call for, of kinds not in ``have``, the fit with their curves (``rounds`` of learning
    the scales), and then the pairs (and channels) called for against that fit; with the tests (a field alone: as
    first judged)."""
    groups, ind, coef, intercept, scales = fitted
    tests = pair_tests(fields, y, _sigmoid(ind @ coef + intercept))
    first = _alone(tests)
    kinds = {_kinds(pair) for pair in have}
    singles = [pair for pair in _called_for(first) if _kinds(pair) not in kinds]
    if singles:
        groups, ind, coef, intercept, scales = _with_pairs(fields, y, vocab, groups, scales, coef, intercept, singles,
                                                           rounds, tol)
        tests = {**pair_tests(fields, y, _sigmoid(ind @ coef + intercept)), **first}
    kinds |= {_kinds(pair) for pair in singles}
    pairs = _refining([pair for pair in _called_for(tests) if _kinds(pair) not in kinds],
                      singles + [pair for pair in have if pair[0] in TESTED and not pair[1]], tests)
    return singles, pairs, tests, (groups, ind, coef, intercept, scales)


def fit(t: Table, contacts: dict[str, ContactInfo], start: ReplyModel | None = None, *, shifts: bool = True,
        deshift: bool = True, tol: float = MAP_TOL, functions: dict[str, float] | None = None) -> ReplyModel:
    """The MAP fit on the touches given (censored ones are left out). Without ``start`` the group
    scales, and which pairs of fields carry their own hour curve, are learned; with it, its groups
    and scales are kept and its effects start the solver."""
    t = t.take(~t.censored)
    if len(t) == 0 or t.replied.all() or not t.replied.any():
        raise ValueError("too little history to learn from: need touches both answered and not")
    if functions is None and start is not None:  # the words of titles that name a job are kept with the groups
        functions = start.functions
    fields = fields_of(t, contacts, functions)
    vocab = _vocab(fields)
    tests: dict[tuple[str, str], float] = {}
    if start is None and len(t) > EB_SAMPLE:
        # the groups and their scales are learned on a sample of contacts (all of each one's touches), then kept
        chosen = np.unique(t.contact)
        chosen = set(np.random.default_rng(0).choice(chosen, size=max(1, int(len(chosen) * EB_SAMPLE / len(t))),
                                                     replace=False).tolist())
        start = fit(t.take(np.asarray([c in chosen for c in t.contact])), contacts, shifts=False, functions=functions)
        tests = dict(start.pair_tests)
        if functions is None:  # learned on the sample
            functions = start.functions
            fields = fields_of(t, contacts, functions)
            vocab = _vocab(fields)
        sampled = True
    else:
        sampled = False
    if start is None:
        groups = list(GROUPS)
        ind = _indicators(fields, vocab, groups)
        coef, intercept, scales = _fit_effects(ind, t.replied, vocab, groups, [sd for _, sd in groups], EB_ROUNDS,
                                               tol=tol)
        without = None
        if functions is None:
            # the words of titles whose replies' hours depart from what the fit without them expects
            functions = learn(t.contact, {c: info.title for c, info in contacts.items()}, np.asarray(fields["h3"]),
                              t.replied - _sigmoid(ind @ coef + intercept),
                              {f: {c: str(getattr(info, f) or "") for c, info in contacts.items()} for f in STRATA})
            if functions:
                without = (fields, vocab, ind, coef, intercept, scales)
                before = ReplyModel(vocab=vocab, coef=coef, intercept=intercept, groups=groups, raw=coef)
                fields = fields_of(t, contacts, functions)
                vocab = _vocab(fields)
                ind = _indicators(fields, vocab, groups)
                coef, intercept, scales = _fit_effects(ind, t.replied, vocab, groups, scales, 0,
                                                       (_transfer(before, vocab, groups), intercept), tol)
        singles, pairs, tests, (groups, ind, coef, intercept, scales) = _segments(
            fields, t.replied, vocab, (groups, ind, coef, intercept, scales), tol)
        if without is not None and not any("function" in pair for pair in singles + pairs):
            # no job's hours stand out enough to be kept: the words are left out, and so is their noise
            functions = {}
            fields, vocab, ind, coef, intercept, scales = without
            singles, pairs, tests, (groups, ind, coef, intercept, scales) = _segments(
                fields, t.replied, vocab, (list(GROUPS), ind, coef, intercept, scales), tol)
        if pairs:
            groups, ind, coef, intercept, scales = _with_pairs(fields, t.replied, vocab, groups, scales, coef, intercept,
                                                          pairs, EB_ROUNDS, tol)
    else:
        groups = start.groups
        ind = _indicators(fields, vocab, groups)
        coef, intercept, scales = _fit_effects(ind, t.replied, vocab, groups, start.scales, 0,
                                               (_transfer(start, vocab, groups), start.intercept), tol)
        tests = tests or dict(start.pair_tests)
        if sampled:
            # the sample has less power: a field, then a pair, the whole history calls for is added now (at its
            # starting scales), each judged as in a smaller history
            have = frozenset({group[:2] for group, _ in groups if len(group) == 3 and group[2] == "h3"} |
                             {(group[0], "") for group, _ in groups if group[0] in (*TESTED, "ch") and group[1:] == ("h3",)})
            _, pairs, whole, (groups, ind, coef, intercept, scales) = _segments(
                fields, t.replied, vocab, (groups, ind, coef, intercept, scales), tol, have, rounds=0)
            tests = {pair: max(tests.get(pair, -np.inf), whole.get(pair, -np.inf))
                     for pair in sorted(tests.keys() | whole.keys())}  # a test the sample had no cells for, too
            if pairs:
                groups, ind, coef, intercept, scales = _with_pairs(fields, t.replied, vocab, groups, scales, coef,
                                                                   intercept, pairs, 0, tol)
    n = len(t)
    hour_counts = np.bincount(t.hour, minlength=24)
    day_counts = np.bincount(t.weekday, minlength=7)
    model = ReplyModel(vocab=vocab, coef=_smoothed(coef, vocab, groups), intercept=intercept,
                       hours=[h for h in range(24) if hour_counts[h] >= max(20, 0.002 * n)],
                       weekdays=[d for d in range(7) if day_counts[d] >= max(20, 0.002 * n)], trained_on=n,
                       scales=scales, raw=coef, groups=groups, pair_tests=tests, functions=functions or {})
    if not shifts:
        return model
    _shift_posteriors(model, fields, t.replied)
    for _ in range(DESHIFT if deshift else 0):
        # the segments' curves were learned with every contact at their own hours, so shifted contacts
        # blurred them: learn them again with each confidently shifted contact's hours moved back
        post = model.shifts_of(np.asarray(fields["contact"]))
        moved = np.where(post.max(axis=1) >= 0.5, np.asarray(SHIFTS)[post.argmax(axis=1)], 0)
        if (moved != 0).any():
            hour = (np.asarray(fields["hr"]) - moved) % 24
            again = {**fields, "hr": hour, "h3": hour // 3}
            ind = _indicators(again, vocab, groups)
            coef, intercept, _ = _fit_effects(ind, t.replied, vocab, groups, scales, 0, (coef, model.intercept), tol)
            model.coef, model.intercept, model.raw = _smoothed(coef, vocab, groups), intercept, coef
            _shift_posteriors(model, fields, t.replied)
    model.variance = _posterior_variance(ind, coef, intercept, vocab, groups, scales)  # of the fit kept, once
    return model


def _shift_posteriors(model: ReplyModel, fields: dict[str, np.ndarray], y: np.ndarray) -> None:
    """Each contact's posterior over shifts of their hour-of-day curve, and the population's prior.

    For each shift, the likelihood of the contact's own touches with their own level integrated out (a
    Laplace approximation over the prior of contacts' levels). Their level as fitted is not used: it was
    fitted with no shift, so it has already made up for a shifted contact's hours (a contact touched at
    one hour whose peak is elsewhere looks merely unresponsive), and would favour no shift. The prior
    over shifts is the population's, by expectation-maximisation, starting from 'no shift' being likelier."""
    contacts, row = np.unique(np.asarray(fields["contact"]), return_inverse=True)
    m = len(contacts)
    yf = y.astype(float)
    loglik = np.empty((m, len(SHIFTS)))
    level = next(g for g, (group, _) in enumerate(model.groups) if group == ("contact",))
    tau2 = max(model.scales[level], SHIFT_LEVEL_SD) ** 2
    own = np.asarray([model._codes["contact"].get(c, -1) for c in contacts.tolist()], dtype=np.int64)
    own_level = np.where(own >= 0, model.coef[model._offsets[level] + np.maximum(own, 0)], 0.0)
    logits = model.shift_logits(fields) - own_level[row][:, None]
    for k in range(len(SHIFTS)):
        z = logits[:, k]
        delta = np.zeros(m)
        for _ in range(4):
            p = _sigmoid(z + delta[row])
            delta += (np.bincount(row, yf - p, minlength=m) - delta / tau2) / \
                (np.bincount(row, p * (1 - p), minlength=m) + 1 / tau2)
        zz = z + delta[row]
        p = _sigmoid(zz)
        hess = np.bincount(row, p * (1 - p), minlength=m) + 1 / tau2
        loglik[:, k] = (np.bincount(row, yf * zz - np.logaddexp(0.0, zz), minlength=m) - 0.5 * delta ** 2 / tau2
                        - 0.5 * np.log(hess * tau2))
    likelihood = np.exp(loglik - loglik.max(axis=1, keepdims=True))
    prior = np.full(len(SHIFTS), 0.5 / (len(SHIFTS) - 1))
    prior[SHIFTS.index(0)] = 0.5
    for _ in range(100):
        post = likelihood * prior
        post /= post.sum(axis=1, keepdims=True)
        new = post.mean(axis=0)
        new = np.maximum((new + new[::-1]) / 2, SHIFT_FLOOR)  # earlier and later alike: the segment is the centre
        new /= new.sum()
        done = np.abs(new - prior).max() < 1e-5
        prior = new
        if done:
            break
    post = likelihood * prior
    post /= post.sum(axis=1, keepdims=True)
    model.shift_prior = prior.tolist()
    differs = np.abs(post - prior).max(axis=1) > 0.01
    model.shift_posterior = {str(c): np.round(post[i], 4).tolist() for i, c in enumerate(contacts) if differs[i]}


def _transfer(old: ReplyModel, vocab: dict[str, list[Any]], groups: list[Group]) -> np.ndarray:
    """``old``'s coefficients laid out in the columns of ``vocab`` and ``groups`` (0 for effects it did not have)."""
    _, offsets = _layout(vocab, groups)
    out = np.zeros(offsets[-1])
    where = {group: g for g, (group, _) in enumerate(old.groups)}
    weights = old.raw if old.raw is not None else old.coef
    for g, (group, _) in enumerate(groups):
        if group not in where:
            continue
        og = where[group]
        grids = np.meshgrid(*[np.arange(len(vocab[f])) for f in group], indexing="ij")
        new_idx = np.zeros(grids[0].shape, dtype=np.int64)
        old_idx = np.zeros(grids[0].shape, dtype=np.int64)
        ok = np.ones(grids[0].shape, dtype=bool)
        for f, grid in zip(group, grids, strict=True):
            mapping = np.asarray([old._codes[f].get(v, -1) for v in vocab[f]], dtype=np.int64)
            mapped = mapping[grid]
            ok &= mapped >= 0
            new_idx = new_idx * len(vocab[f]) + grid
            old_idx = old_idx * len(old.vocab[f]) + np.maximum(mapped, 0)
        out[offsets[g] + new_idx[ok]] = weights[old._offsets[og] + old_idx[ok]]
    return out


def _calibrate(z: np.ndarray, contrast: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """The calibration (a, b, c) of log-odds a * z + b + c * contrast, by maximum likelihood on later touches,
    ``contrast`` being how far z stands above its day's mean over the hours offered.

    Platt's a and b alone correct the level and spread of every figure alike. The hours of a day are
    corrected by c too: a curve shrunk towards flat under-states the hour a rep is sent to (c > 0), and
    the highest of many noisy hours over-states it (c < 0); touches at every hour of the later slice say
    which, and by how much. It may flatten the model's order, never reverse it: a few dozen later touches
    must not send a rep to the hour the model rates worst (a >= 0 across days, a + c >= 0 within one)."""
    mean = z - contrast
    x = np.column_stack([mean, np.ones(len(z)), contrast])  # a * mean + b + (a + c) * contrast

    def loss(abd: np.ndarray) -> tuple[float, np.ndarray]:
        u = x @ abd
        return float(np.logaddexp(0.0, u).sum() - y @ u), x.T @ (_sigmoid(u) - y)

    result = minimize(loss, np.asarray([1.0, 0.0, 1.0]), jac=True, method="L-BFGS-B",
                      bounds=[(0.0, None), (None, None), (0.0, None)])
    a, b, d = (float(v) for v in result.x)
    return a, b, d - a


def calibration_rows(p: np.ndarray, y: np.ndarray, prior: np.ndarray, bins: int = 10) -> list[dict[str, Any]]:
    rows = []
    for label, mask in (("all", np.ones(len(p), bool)), ("0 prior touches", prior == 0),
                        ("1-4 prior touches", (prior >= 1) & (prior <= 4)), ("5+ prior touches", prior >= 5)):
        if not mask.any():
            rows.append({"group": label, "n": 0})
            continue
        pm, ym = p[mask], y[mask].astype(float)
        rows.append({"group": label, "n": int(mask.sum()), "brier": float(np.mean((pm - ym) ** 2)),
                     "ece": expected_calibration_error(pm, ym, bins), "mean_p": float(pm.mean()),
                     "reply_rate": float(ym.mean())})
    return rows


def expected_calibration_error(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Mean |predicted - observed| over equal-count bins of the prediction, weighted by bin size
    (``y`` may be outcomes, or true probabilities where they are known)."""
    edges = np.quantile(p, np.linspace(0, 1, bins + 1))
    which = np.clip(np.searchsorted(edges, p, side="right") - 1, 0, bins - 1)
    return float(sum(abs(p[which == b].mean() - y[which == b].mean()) * (which == b).sum()
                     for b in range(bins) if (which == b).any()) / len(p))


def train(t: Table, contacts: dict[str, ContactInfo], fingerprint: str = "") -> ReplyModel:
    """Fit on the earliest 80% of touches, calibrate on the next 10%, measure on the last 10%; then
    refit on everything (starting from the first fit) and keep that calibration."""
    start = time.perf_counter()
    usable = t.take(~t.censored)
    calibration = Calibration()
    platt: tuple[float, ...] = (1.0, 0.0, 0.0)
    first: ReplyModel | None = None
    if len(usable) >= 200:
        q80, q90 = np.quantile(usable.t, [0.8, 0.9])
        early, middle, late = usable.take(usable.t <= q80), usable.take((usable.t > q80) & (usable.t <= q90)), \
            usable.take(usable.t > q90)
        if len(middle) and len(late) and middle.replied.any() and not middle.replied.all() \
                and early.replied.any() and not early.replied.all():
            first = fit(early, contacts, deshift=False, tol=MAP_TOL_FIRST)  # the sharper curves are learned once, on everything
            if len(middle) > CALIBRATION_ROWS:  # four figures are learned from it: a sample is plenty
                middle = middle.take(np.sort(np.random.default_rng(0).choice(len(middle), CALIBRATION_ROWS,
                                                                              replace=False)))
            z, mean = first._with_day_mean(fields_of(middle, contacts, first.functions))
            platt = _calibrate(z, z - mean, middle.replied.astype(float))
            late_fields = fields_of(late, contacts, first.functions)
            raw = first.probability(late_fields, calibrated=False)
            first.platt = platt
            calibrated = first.probability(late_fields)
            calibration = Calibration(
                rows=[dict(r, p="calibrated") for r in calibration_rows(calibrated, late.replied, late.prior)]
                + [dict(r, p="raw") for r in calibration_rows(raw, late.replied, late.prior)],
                slices={"fit": f"{len(early):,} touches up to {_day(q80)}",
                        "calibrate": f"{len(middle):,} touches to {_day(q90)}",
                        "measure": f"{len(late):,} touches after {_day(q90)}"})
    model = fit(usable, contacts, start=first)
    model.platt = platt
    model.days_off, model.off_chances = days_off(usable, contacts, model)
    model.calibration = calibration
    model.fingerprint = fingerprint
    model.seconds = time.perf_counter() - start
    return model


def days_off(t: Table, contacts: dict[str, ContactInfo], model: ReplyModel
             ) -> tuple[dict[str, list[str]], dict[str, dict[str, float]]]:
    """Of the days the holidays package names for each country besides its public holidays, the ones whose
    touches in this history were answered far less than the model expects of such a touch on another day
    (see DAY_OFF_Z): Carnival in Brazil, where it is kept, and not India's restricted holidays, where work
    goes on. Each name is judged over all its dates in the history (Carnival's two days, every year). And for
    each other name seen, the chance it is off (see OFF_PRIOR)."""
    if len(t) == 0:
        return {}, {}
    people, row = np.unique(np.asarray(t.contact), return_inverse=True)
    code_of = np.asarray([country_code(contacts[c].country, contacts[c].timezone) or "" for c in people.tolist()],
                         dtype=object)
    day = t.day
    years = range((EPOCH_DAY + dt.timedelta(days=int(day.min()))).year,
                  (EPOCH_DAY + dt.timedelta(days=int(day.max()))).year + 1)
    countries = sorted(set(code_of.tolist()) - {""})
    names: dict[int, tuple[str, ...]] = {}  # country's index * 10**6 + day number -> the day's names
    for i, code in enumerate(countries):
        for year in years:
            for when, named in named_days(code, year).items():
                names[i * 10**6 + (when - EPOCH_DAY).days] = named
    index = {code: i for i, code in enumerate(countries)}
    person = np.asarray([index.get(code, -1) for code in code_of.tolist()], dtype=np.int64)[row]
    key = np.where(person >= 0, person * 10**6 + day, -1)
    hit = np.isin(key, np.fromiter(names, dtype=np.int64, count=len(names)))
    if not hit.any():
        return {}, {}
    p = model.probability(fields_of(t.take(hit), contacts, model.functions))
    y = t.replied[hit].astype(float)
    tally: dict[tuple[str, str], np.ndarray] = {}
    for k, seen, q in zip(key[hit].tolist(), y.tolist(), p.tolist(), strict=True):
        for name in names[k]:
            tally.setdefault((countries[k // 10**6], name), np.zeros(3))[:] += (seen, q, q * (1 - q))
    out: dict[str, list[str]] = {}
    chances: dict[str, dict[str, float]] = {}
    for (code, name), (seen, expected, var) in sorted(tally.items()):
        if expected >= DAY_OFF_EXPECTED and seen <= DAY_OFF_SHARE * expected \
                and (seen - expected) / np.sqrt(var) <= -DAY_OFF_Z:
            out.setdefault(code, []).append(name)
        else:  # Poisson counts of replies: OFF_SHARE of those expected if it is off, all of them if it is worked
            odds = np.log(OFF_PRIOR / (1 - OFF_PRIOR)) + seen * np.log(OFF_SHARE) + (1 - OFF_SHARE) * expected
            chances.setdefault(code, {})[name] = round(float(_sigmoid(np.asarray(odds))), 4)
    return out, chances


def _day(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.UTC).date().isoformat()
