"""A plain logistic regression, the comparison a learned follow-up model has to beat.

Each e-mail touch in the history is one row: the account's sector crossed with the hour of day and with
the weekday (both on the contact's clock), with their main effects, one-hot; the outcome is whether the
touch was ever answered. It is fitted with scikit-learn's default L2-penalised logistic regression and
picks, for a contact, the hour of the next ten days with the highest predicted chance. It knows nothing
of the gap since the last touch, fatigue, the contact's own hours, titles, holidays or time off: it is
what a team with a notebook and an afternoon would build, and it shares no code with the shipped model.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression

from tools.followup.history import Log

NAME = "plain regression (sector × hour, sector × weekday)"
SETTLE_DAYS = 7
"""touches this close to the history's end are left out: whether they will be answered is not known yet"""


class PlainRegression:
    def __init__(self, log: Log) -> None:
        self.sectors: dict[str, int] = {}
        self.zones: dict[str, ZoneInfo] = {}
        sector, hour, weekday, answered = [], [], [], []
        for email, rows in log.by_contact().items():
            info = log.contacts[email]
            tz = self._zone(info.timezone)
            code = self.sectors.setdefault(info.sector or "", len(self.sectors))
            for touch_id, _, at, channel, _, _ in rows:
                if channel != "email" or at > log.end - SETTLE_DAYS * 86400:
                    continue
                local = dt.datetime.fromtimestamp(at, tz)
                sector.append(code)
                hour.append(local.hour)
                weekday.append(local.weekday())
                answered.append(touch_id in log.replies)
        self.fitted = len(set(answered)) == 2
        if self.fitted:
            x = self._design(np.asarray(sector), np.asarray(hour), np.asarray(weekday))
            self.regression = LogisticRegression(max_iter=1000).fit(x, np.asarray(answered))

    def _zone(self, name: str) -> ZoneInfo:
        if name not in self.zones:
            self.zones[name] = ZoneInfo(name)
        return self.zones[name]

    def _design(self, sector: np.ndarray, hour: np.ndarray, weekday: np.ndarray) -> sparse.csr_matrix:
        s = len(self.sectors)
        blocks = [(sector, s), (hour, 24), (weekday, 7), (sector * 24 + hour, s * 24), (sector * 7 + weekday, s * 7)]
        rows = np.arange(len(sector))
        cols, start = [], 0
        for codes, width in blocks:
            cols.append(start + codes)
            start += width
        return sparse.csr_matrix((np.ones(len(sector) * len(blocks)), (np.tile(rows, len(blocks)), np.concatenate(cols))),
                                 shape=(len(sector), start))

    def pick(self, sector: str | None, timezone: str, moments: list[dt.datetime]) -> dt.datetime:
        """The moment of ``moments`` with the highest predicted chance (the first of any tie)."""
        if not self.fitted:
            return moments[0]
        return self._pick(self.sectors.get(sector or ""), timezone, moments)

    def _pick(self, code: int | None, timezone: str, moments: list[dt.datetime]) -> dt.datetime:
        tz = self._zone(timezone)
        local = [m.astimezone(tz) for m in moments]
        hour = np.asarray([m.hour for m in local])
        weekday = np.asarray([m.weekday() for m in local])
        if code is None:  # a sector the history never saw: every sector's chance, averaged
            p = np.mean([self.regression.predict_proba(self._design(np.full(len(local), c), hour, weekday))[:, 1]
                         for c in self.sectors.values()], axis=0)
        else:
            p = self.regression.predict_proba(self._design(np.full(len(local), code), hour, weekday))[:, 1]
        return moments[int(np.argmax(p))]
