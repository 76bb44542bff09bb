"""Periods people say, as date ranges: "Q2 2017", "Sept 2017", "octobr 2017", "H1", "the second half of
2017", "between April and June", "the fourth quarter of 2017", "last month", "the quarter before that".

A period is read from the words that name it; month and quarter words are matched fuzzily, so a
misspelt month is still that month. A period named without its year ("and in Q3?") takes the year of
the period the conversation is about; with none, it is reported as missing, never guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import asdict, dataclass, replace

from rapidfuzz import fuzz, process

MONTH_WORDS: dict[str, int] = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTH_WORDS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTH_WORDS.update({"sept": 9})
ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
            "last": 4}
UNITS = ("year", "half", "quarter", "month", "days")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    label: str
    unit: str  # year, half, quarter, month, week, range, days
    from_today: bool = False
    """counted from today ("last year", "the quarter before last", "the last 30 days", "since last month"), not
    named by its dates: a history that ended before today may hold nothing in it"""

    def as_dict(self) -> dict[str, str | bool]:
        d = asdict(self)
        return {**d, "start": self.start.isoformat(), "end": self.end.isoformat()}

    @classmethod
    def from_dict(cls, d: dict[str, str]) -> Period:
        return cls(dt.date.fromisoformat(d["start"]), dt.date.fromisoformat(d["end"]), d["label"], d["unit"],
                   bool(d.get("from_today")))

    def shifted(self, steps: int) -> Period:
        """The period of the same length ``steps`` units later (negative: earlier); one counted from today stays so."""
        moved = self._shifted(steps)
        return replace(moved, from_today=True) if self.from_today else moved

    def _shifted(self, steps: int) -> Period:
        if self.unit == "year":
            return year(self.start.year + steps)
        if self.unit in ("quarter", "half", "month"):
            months = {"quarter": 3, "half": 6, "month": 1}[self.unit]
            index = self.start.year * 12 + self.start.month - 1 + steps * months
            y, m = divmod(index, 12)
            return {"quarter": lambda: quarter(y, m // 3 + 1), "half": lambda: half(y, m // 6 + 1),
                    "month": lambda: month(y, m + 1)}[self.unit]()
        length = (self.end - self.start).days + 1
        start = self.start + dt.timedelta(days=steps * length)
        end = self.end + dt.timedelta(days=steps * length)
        return Period(start, end, f"{start.isoformat()} to {end.isoformat()}", "range")


def month(y: int, m: int) -> Period:
    return Period(dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), f"{calendar.month_name[m]} {y}",
                  "month")


def quarter(y: int, q: int) -> Period:
    last = 3 * q
    return Period(dt.date(y, last - 2, 1), dt.date(y, last, calendar.monthrange(y, last)[1]), f"Q{q} {y}", "quarter")


def half(y: int, h: int) -> Period:
    return Period(dt.date(y, 1 if h == 1 else 7, 1), dt.date(y, 6 if h == 1 else 12, 30 if h == 1 else 31),
                  f"H{h} {y} ({'January to June' if h == 1 else 'July to December'})", "half")


def year(y: int) -> Period:
    return Period(dt.date(y, 1, 1), dt.date(y, 12, 31), str(y), "year")


def months_range(y1: int, m1: int, y2: int, m2: int) -> Period:
    a, b = month(y1, m1), month(y2, m2)
    label = f"{calendar.month_name[m1]} to {calendar.month_name[m2]} {y2}" if y1 == y2 else f"{a.label} to {b.label}"
    return Period(a.start, b.end, label, "range")


def month_word(word: str) -> int | None:
    """The month a word names, forgiving a letter or two ("agust", "novmber", "octobr")."""
    w = word.lower().rstrip(".")
    if w in MONTH_WORDS:
        return MONTH_WORDS[w]
    if len(w) < 4 or not w.isalpha():
        return None
    found = process.extractOne(w, [m for m in MONTH_WORDS if len(m) > 3], scorer=fuzz.ratio, score_cutoff=80)
    return MONTH_WORDS[found[0]] if found else None


@dataclass
class Found:
    period: Period | None
    words: set[int]  # indexes of the tokens that named it
    missing_year: str | None = None  # "Q3" said with no year anywhere to take one from
    relative_to_context: bool = False
    invalid: str | None = None  # why the period said is none ("week 60 of 2017"), to be told as it is


YEAR = r"((?:19|20)\d\d)"


def find_period(tokens: list[str], today: dt.date, context: Period | None = None) -> Found:
    """The period named in the tokens (lower-case words, punctuation split off), if any."""
    text = " ".join(tokens)
    # each token's character offset, to map a match back to the words it used
    offsets, pos = [], 0
    for t in tokens:
        offsets.append(pos)
        pos += len(t) + 1

    def used(m: re.Match[str]) -> set[int]:
        return {i for i, o in enumerate(offsets) if m.start() <= o < m.end()}

    months = {i: month_word(t) for i, t in enumerate(tokens)}
    for i, t in enumerate(tokens):  # "May I see...": a month only next to a year or after a time preposition
        if t == "may" and not ((i + 1 < len(tokens) and re.fullmatch(YEAR, tokens[i + 1])) or
                               (i and tokens[i - 1] in ("in", "during", "of", "for", "since", "until", "till", "before",
                                                        "after", "from", "between", "through", "to", "and", "thru"))):
            months[i] = None
    month_re = "|".join(sorted({re.escape(t) for i, t in enumerate(tokens) if months[i]}, key=len, reverse=True))
    year_in_text = re.search(rf"\b{YEAR}\b", text)
    default_year = int(year_in_text.group(1)) if year_in_text else (context.start.year if context else None)

    def need_year(what: str, m: re.Match[str]) -> Found:
        return Found(None, used(m), missing_year=what)

    if (iso := _iso_week(text, default_year)) is not None:
        found, m = iso
        return Found(found, used(m)) if isinstance(found, Period) else \
            need_year(m.group(0), m) if found is None else Found(None, used(m), invalid=found)
    if (week := _week(text, month_re, default_year)) is not None:
        period, m = week
        return Found(period, used(m)) if period is not None else need_year(m.group(0), m)
    if (days := _days(text, month_re)) is not None:
        period, m = days
        return Found(period, used(m))

    if month_re:
        mr = rf"(?:{month_re})"
        if m := re.search(rf"\b(?:between|from)\s+({mr})\s+(?:{YEAR}\s+)?(?:and|to|till|until|through)\s+({mr})"
                          rf"(?:\s+(?:of\s+)?{YEAR})?\b", text) or \
                re.search(rf"\b({mr})\s+(?:to\s+|through\s+|thru\s+|till\s+|until\s+)?({mr})(?:\s+(?:of\s+)?{YEAR})?\b",
                          text):
            groups = m.groups()
            if len(groups) == 4:
                a, y1, b, y2 = groups
            else:
                a, b, y2 = groups
                y1 = None
            y = int(y2 or y1) if (y2 or y1) else default_year
            if y is None:
                return need_year(f"{a} to {b}", m)
            ma, mb = month_word(a), month_word(b)
            ya = int(y1) if y1 else (y if ma <= mb else y - 1)  # type: ignore[operator]
            return Found(months_range(ya, ma, y, mb), used(m))  # type: ignore[arg-type]
        if m := re.search(rf"\b({mr})\s+(?:of\s+)?{YEAR}\b", text) or re.search(rf"\b{YEAR}\s+({mr})\b", text):
            a, b = m.groups()
            word, y = (a, int(b)) if not a.isdigit() else (b, int(a))
            return Found(month(y, month_word(word)), used(m))  # type: ignore[arg-type]
    if m := re.search(rf"\b(?:from\s+|between\s+)?q\s?([1-4])(?:\s+{YEAR})?\s+(?:to|through|thru|till|until|and)?\s*"
                      rf"q\s?([1-4])(?:\s+(?:of\s+)?{YEAR})?\b", text):
        qa, ya, qb, yb = m.groups()
        y2 = int(yb or ya) if (yb or ya) else default_year
        if y2 is None:
            return need_year(m.group(0), m)
        y1 = int(ya) if ya else y2
        a, b = quarter(y1, int(qa)), quarter(y2, int(qb))
        if a.start < b.start and not re.search(r"\b(vs|versus|or|compare)\b", text) and \
                (re.search(r"\b(to|through|thru|till|until|from)\b", m.group(0)) or "between" in m.group(0)):
            return Found(Period(a.start, b.end, f"{a.label} to {b.label}", "range"), used(m))
    if m := re.search(rf"\bq\s?([1-4])\s*(?:of\s+)?{YEAR}\b", text) or re.search(rf"\b{YEAR}\s*q\s?([1-4])\b", text):
        a, b = m.groups()
        q, y = (int(a), int(b)) if len(a) == 1 else (int(b), int(a))
        return Found(quarter(y, q), used(m))
    if m := re.search(r"\b(first|1st|second|2nd|third|3rd|fourth|4th|last)\s+quarter(?:\s+(?:of\s+)?(?:the\s+year\s+)?"
                      rf"{YEAR})?\b", text):
        if m.group(1) == "last" and not m.group(2) and not re.search(r"\blast quarter of the year\b", text):
            pass  # "last quarter" is relative, below
        else:
            y = int(m.group(2)) if m.group(2) else default_year
            if y is None:
                return need_year(m.group(0), m)
            return Found(quarter(y, ORDINALS[m.group(1)]), used(m))
    if m := re.search(rf"\bh\s?([12])\s*(?:of\s+)?(?:{YEAR})?\b", text) or \
            re.search(rf"\b(first|second|1st|2nd)\s+half(?:\s+of)?(?:\s+(?:the\s+)?year)?(?:\s+{YEAR})?\b", text):
        h = {"first": 1, "1st": 1, "second": 2, "2nd": 2}.get(m.group(1)) or int(m.group(1))
        y = int(m.group(2)) if m.group(2) else default_year
        if y is None:
            return need_year(m.group(0), m)
        return Found(half(y, h), used(m))
    if m := re.search(r"\bq\s?([1-4])\b", text):
        if default_year is None:
            return need_year(m.group(0), m)
        return Found(quarter(default_year, int(m.group(1))), used(m), relative_to_context=not year_in_text)
    # relative to the conversation's period
    if context is not None:
        if m := re.search(r"\b(?:the\s+)?(quarter|month|year|half)\s+(?:before|prior)(?!\s+last\b)(?:\s+(?:that|this|it))?\b",
                          text) or \
                re.search(r"\b(?:the\s+)?(?:previous|prior|preceding)\s+(quarter|month|year|half)\b", text):
            return Found(_step(context, m.group(1), -1), used(m), relative_to_context=True)
        if m := re.search(r"\b(?:the\s+)?(quarter|month|year|half)\s+after(?:\s+(?:that|this|it))?\b", text) or \
                re.search(r"\b(?:the\s+)?(?:next|following)\s+(quarter|month|year|half)\b", text):
            return Found(_step(context, m.group(1), 1), used(m), relative_to_context=True)
        if m := re.search(r"\b(?:that|same|this)\s+(quarter|month|year|half|period|time)\b", text):
            return Found(context, used(m), relative_to_context=True)
        if m := re.search(r"\b(?:the\s+)?(?:whole|full|entire)\s+year\b", text):
            return Found(year(context.start.year), used(m), relative_to_context=True)
    if month_re:
        if m := re.search(rf"\b({month_re})\b", text):
            if default_year is None:
                return need_year(m.group(1), m)
            return Found(month(default_year, months[used(m).pop()]), used(m),  # type: ignore[arg-type]
                         relative_to_context=not year_in_text)
    if m := re.search(rf"\b(?:in|during|for|of|since|from)?\s*{YEAR}\b", text):
        y = int(m.group(1))
        if 1990 <= y <= 2100:
            return Found(year(y), used(m))
    if m := re.search(r"\b(?:the\s+)?week\s+before\s+last\b", text):
        last = _this_week(today, "last")
        start, end = last.start - dt.timedelta(days=7), last.end - dt.timedelta(days=7)
        return Found(Period(start, end, f"the week before last ({start.isoformat()} to {end.isoformat()})", "week", True),
                     used(m))
    if m := re.search(r"\b(?:the\s+)?(year|quarter|month)\s+before\s+last\b", text):
        p = _relative("last", m.group(1), today).shifted(-1)
        return Found(replace(p, label=f"the {m.group(1)} before last ({p.label})", from_today=True), used(m))
    if m := re.search(r"\b(this|last|past|previous)\s+(year|quarter|month)\b|\b(ytd|year to date)\b", text):
        return Found(_relative(m.group(1) or "this", m.group(2) or "year", today), used(m))
    if m := re.search(r"\b(this|last|past|previous)\s+week\b(?!\s+(?:of|in)\b)", text):
        return Found(_this_week(today, m.group(1)), used(m))
    if m := re.search(r"\b(?:last|past)\s+(\d{1,2}|two|three|four|five|six)\s+weeks\b", text):
        n = 7 * (int(m.group(1)) if m.group(1).isdigit() else WEEK_COUNTS[m.group(1)])
        return Found(Period(today - dt.timedelta(days=n), today, f"{m.group(0)}", "days", True), used(m))
    if m := re.search(r"\b(?:last|past)\s+(\d{1,3})\s+days\b", text):
        n = int(m.group(1))
        return Found(Period(today - dt.timedelta(days=n), today, f"the last {n} days", "days", True), used(m))
    return Found(None, set())


WEEK_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
WEEK_OF_MONTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": 5}


ISO_WEEK = (rf"\b(?:(?:iso\s+)?(?:week|wk)\s*|w)(\d{{1,3}})\s+(?:of\s+|in\s+)?{YEAR}\b",
            rf"\b{YEAR}\s+(?:(?:iso\s+)?(?:week|wk)\s*|w)(\d{{1,3}})\b", r"\b(?:iso\s+)?week\s+(\d{1,3})\b")
"""a week named by its ISO number: "week 10 of 2017", "2017 w10" (from 2017-W10), "week 10" (the year from elsewhere)"""


def _iso_week(text: str, default_year: int | None) -> tuple[Period | str | None, re.Match[str]] | None:
    """An ISO week by its number (Monday to Sunday, week 1 the one with the year's first Thursday), with its dates in
    its label; (None, the words) when its year is not said; (why, the words) when the year has no such week."""
    for i, pattern in enumerate(ISO_WEEK):
        if m := re.search(pattern, text):
            break
    else:
        return None
    n, y = (int(m.group(1)), int(m.group(2))) if i == 0 else (int(m.group(2)), int(m.group(1))) if i == 1 else \
        (int(m.group(1)), default_year)
    if y is None:
        return None, m
    weeks = dt.date(y, 12, 28).isocalendar()[1]  # the 28th of December is always in the year's last week
    if not 1 <= n <= weeks:
        first, last = dt.date.fromisocalendar(y, 1, 1), dt.date.fromisocalendar(y, weeks, 1)
        return (f"There is no such ISO week in {y}: its weeks run from {y}-W01 (Monday {first.isoformat()}) through "
                f"{y}-W{weeks:02d} (Monday {last.isoformat()}). Which week do you mean? Name it by its number, as in "
                f"{y}-W10, or by a day in it, as in \"the week of {first.isoformat()}\"."), m
    start = dt.date.fromisocalendar(y, n, 1)
    end = start + dt.timedelta(days=6)
    return Period(start, end, f"the week {y}-W{n:02d} (Monday {start.isoformat()} to Sunday {end.isoformat()})",
                  "week"), m


def _week(text: str, month_re: str, default_year: int | None) -> tuple[Period | None, re.Match[str]] | None:
    """A week named by a day in it ("the week of 2017-03-06", "the week of March 8, 2017": Monday to Sunday) or by its
    place in a month ("the first week of March 2017": the 1st to the 7th; "the last week": the month's last seven
    days), with its dates in its label; (None, the words) when its year is not said."""
    day_re = r"(\d{1,2})(?:st|nd|rd|th)?"
    lead = r"\bweek\s+(?:of|starting|beginning|commencing|from|including|containing)\s+(?:on\s+)?(?:the\s+)?"
    if month_re:
        m = re.search(rf"\b(first|1st|second|2nd|third|3rd|fourth|4th|last)\s+week\s+(?:of|in)\s+({month_re})"
                      rf"(?:\s+(?:of\s+)?{YEAR})?\b", text)
        if m:
            y = int(m.group(3)) if m.group(3) else default_year
            if y is None:
                return None, m
            whole = month(y, month_word(m.group(2)))  # type: ignore[arg-type]
            n = WEEK_OF_MONTH[m.group(1)]
            start = whole.end - dt.timedelta(days=6) if n == 5 else whole.start + dt.timedelta(days=7 * (n - 1))
            end = start + dt.timedelta(days=6)
            return Period(start, end, f"the {m.group(1)} week of {whole.label} ({start.isoformat()} to "
                                      f"{end.isoformat()})", "week"), m
    found: tuple[dt.date, re.Match[str]] | None = None
    if m := re.search(rf"{lead}{YEAR}\s+(\d{{1,2}})\s+(\d{{1,2}})\b", text):
        found = _date(int(m.group(1)), int(m.group(2)), int(m.group(3)), m)
    elif month_re and (m := re.search(rf"{lead}({month_re})\s+{day_re}(?:\s+{YEAR})?\b", text) or
                       re.search(rf"{lead}{day_re}\s+(?:of\s+)?({month_re})(?:\s+{YEAR})?\b", text)):
        word, day = (m.group(1), m.group(2)) if not m.group(1).isdigit() else (m.group(2), m.group(1))
        y = int(m.group(3)) if m.group(3) else default_year
        if y is None:
            return None, m
        found = _date(y, month_word(word), int(day), m)  # type: ignore[arg-type]
    if found is None:
        return None
    day, m = found
    start = day - dt.timedelta(days=day.weekday())
    end = start + dt.timedelta(days=6)
    return Period(start, end, f"the week of {day.isoformat()} (Monday {start.isoformat()} to Sunday "
                              f"{end.isoformat()})", "week"), m


DAY_LEAD = ("on", "from", "since", "between", "after", "before", "until", "till", "to", "and", "through", "thru",
            "starting")
LEAD_BEHIND = "|".join(rf"(?<=\b{w} )" for w in DAY_LEAD)


def _day_patterns(month_re: str, with_year: bool) -> list[str]:
    """A day said with its month (and year): "2017 03 06" (from 2017-03-06), "june 15 2017", "15th of June 2017"; a
    bare number before a month only after a word of time ("from 1 jan"), so "top 5 March 2017" is no day."""
    y = rf"\s+(?:of\s+)?{YEAR}" if with_year else ""
    out = [rf"{YEAR}\s+(\d{{1,2}})\s+(\d{{1,2}})"] if with_year else []
    if month_re:
        out += [rf"(?P<mw>{month_re})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?{y}",
                rf"(?:{LEAD_BEHIND}|(?=\d{{1,2}}(?:st|nd|rd|th)))(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
                rf"(?P<mw2>{month_re}){y}"]
    return out


def _parse_day(m: re.Match[str], year_: int | None) -> dt.date | None:
    g = m.groupdict()
    try:
        if g.get("mw") or g.get("mw2"):
            said = re.search(rf"{YEAR}$", m.group(0))
            y = int(said.group(1)) if said else year_
            if y is None:
                return None
            return dt.date(y, month_word(g.get("mw") or g["mw2"]), int(g.get("d") or g["d2"]))  # type: ignore[arg-type]
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except (ValueError, TypeError):
        return None


@dataclass(frozen=True)
class _Span:
    """Where in the text a period was said (as a match would say it)."""
    a: int
    b: int

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b

    def group(self, _: int = 0) -> str:
        return ""


def _days(text: str, month_re: str) -> tuple[Period, _Span] | None:
    """Days named by their dates: "from 1 jan 2017 to 15 feb 2017", "between 2017-03-01 and 2017-03-15" (a range),
    "on june 15 2017" or "since June 15, 2017" (one day, which "since" runs on from)."""
    said: list[tuple[int, int, re.Match[str], bool]] = []
    for with_year in (True, False):
        for pattern in _day_patterns(month_re, with_year):
            for m in re.finditer(rf"\b{pattern}\b", text):
                if not any(a < m.end() and m.start() < b for a, b, _, _ in said):
                    said.append((m.start(), m.end(), m, with_year))
    said.sort(key=lambda x: x[0])
    for (a1, b1, m1, _), (a2, b2, m2, y2) in zip(said, said[1:]):
        if y2 and re.fullmatch(r"\s+(?:to|and|until|till|through|thru)\s+", text[b1:a2]) and \
                re.search(r"\b(?:from|between)\s+$", text[:a1]):
            end = _parse_day(m2, None)
            start = _parse_day(m1, end.year if end else None)
            if start and end and start <= end:
                return Period(start, end, f"from {start.isoformat()} to {end.isoformat()}", "range"), \
                    _Span(text.rindex(" ", 0, a1 - 1) + 1 if " " in text[:a1 - 1] else 0, b2)
    for a, b, m, with_year in said:
        day = _parse_day(m, None) if with_year else None
        if day is not None:
            return Period(day, day, f"on {day.isoformat()}", "days"), _Span(a, b)
    return None


def _date(y: int, m: int, d: int, match: re.Match[str]) -> tuple[dt.date, re.Match[str]] | None:
    try:
        return dt.date(y, m, d), match
    except ValueError:
        return None


def _this_week(today: dt.date, which: str) -> Period:
    """This week (Monday to today) or last week (Monday to Sunday before it), counted from today."""
    monday = today - dt.timedelta(days=today.weekday())
    if which == "this":
        return Period(monday, today, f"this week ({monday.isoformat()} to {today.isoformat()})", "week", True)
    start = monday - dt.timedelta(days=7)
    return Period(start, start + dt.timedelta(days=6), f"last week ({start.isoformat()} to "
                  f"{(start + dt.timedelta(days=6)).isoformat()})", "week", True)


OPEN_START = {"since": "start", "from": "start", "after": "after", "starting": "start"}
OPEN_END = {"before": "before", "until": "end", "till": "end", "through": "end", "thru": "end", "upto": "end",
            "by": "end"}


def open_ended(found: Found, tokens: list[str], today: dt.date) -> Found:
    """"since July 2017", "before June 2017", "up to August 2017": the period runs on from, or up to, the one named."""
    if found.period is None or not found.words or found.period.unit == "range":
        return found
    first = min(found.words)
    before = tokens[first - 1] if first else ""
    if before == "to" and first > 1 and tokens[first - 2] == "up":
        before = "upto"
    p = found.period
    after = tokens[max(found.words) + 1] if max(found.words) + 1 < len(tokens) else ""
    if before == "from" and after not in ("on", "onward", "onwards", "forward", "forwards"):
        return found  # "the deals from Q1 2017": those of Q1 2017; "from Q1 2017 on" runs on from it
    if before in OPEN_START and not any(t in ("to", "until", "till", "through", "and") for t in tokens[max(found.words):]):
        start = p.end + dt.timedelta(days=1) if OPEN_START[before] == "after" else p.start
        label = f"{'after' if OPEN_START[before] == 'after' else 'since'} {p.label.removeprefix('on ')}"
        onward = {max(found.words) + 1} if before == "from" else set()
        return Found(Period(start, today, label, "range", p.from_today), found.words | {first - 1} | onward)
    if before in OPEN_END:
        end = p.start - dt.timedelta(days=1) if OPEN_END[before] == "before" else p.end
        label = f"{'before' if OPEN_END[before] == 'before' else 'up to the end of'} {p.label.removeprefix('on ')}"
        return Found(Period(dt.date(1900, 1, 1), end, label, "range", p.from_today),
                     found.words | {first - 1} | ({first - 2} if before == "upto" else set()))
    return found


def _step(context: Period, unit: str, steps: int) -> Period:
    if unit == context.unit:
        return context.shifted(steps)
    anchor = context.start if steps < 0 else context.end
    base = {"year": year(anchor.year), "quarter": quarter(anchor.year, (anchor.month - 1) // 3 + 1),
            "half": half(anchor.year, 1 if anchor.month <= 6 else 2),
            "month": month(anchor.year, anchor.month)}[unit]
    return base.shifted(steps)


def _relative(which: str, unit: str, today: dt.date) -> Period:
    if which in ("last", "past", "previous"):
        if unit == "year":
            p = year(today.year - 1)
        elif unit == "quarter":
            p = quarter(today.year, (today.month - 1) // 3 + 1).shifted(-1)
        else:
            p = month(today.year, today.month).shifted(-1)
        return replace(p, label=f"last {unit} ({p.label})", from_today=True)  # says which one it read "last" as
    if unit == "year":
        return Period(dt.date(today.year, 1, 1), today, f"this year ({today.year})", "range", True)
    if unit == "quarter":
        q = (today.month - 1) // 3 + 1
        return Period(quarter(today.year, q).start, today, f"this quarter (Q{q} {today.year})", "range", True)
    return Period(dt.date(today.year, today.month, 1), today, f"this month ({calendar.month_name[today.month]} "
                  f"{today.year})", "range", True)
