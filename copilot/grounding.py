"""Every figure in an answer must come from a tool result of the same turn.

``ungrounded`` reads the figures of an answer as a reader would ("$1,153,214", "$1.15M", "1.15 million",
"64.8%", "twelve", "a dozen") and checks each against the evidence: the numbers the tools returned this
turn and the arguments of the calls that asked for them (a "top 3" question is supported by its
``limit``). A figure matches within the rounding it is written with: "$1.15M" is anything from
$1,145,000 to $1,155,000, "64.8%" is 0.648 (or 64.8) to the nearest tenth of a point.

What is evidence: numeric JSON values (not booleans) anywhere in the results, strings that are nothing
but a number ("12.5", "42%"), and numbers in the key names our own tools write (``last_90_days``).
Not evidence: numbers inside text (any string that is more than a number, and any string under a key
for prose, such as "text", "body", "notes" or "snippet", where notes, e-mails and talk tracks from
outside arrive), record ids, and the question: "is our win rate 90%?" does not make 90% true (the
rep's own words quoted back in quotation marks, 'I could not place "150"', are not a claim, and
neither is a tool's error message passed on word for word).

A figure the answer works out is supported when its operands are supported figures of the answer (the
nearest few of each kind): a sum, a difference, an average ($ over a count), a rate (22.4% for 22 of
98), a change in per cent, or a change in points between two percentages; or a supported figure on the
same line and a value of the record it came from (882 won of 1,418 closed, when the record holds won
882 and lost 536).

Not figures: list numbering ("1." or "2)" at the start of a line), dates and times (2017-03-01,
2017-03-01T10:00, an ISO week 2017-W10, March 2017, 30 Nov, Q3 2017, H1 2017, "in 2017", 10:00, 9am), record ids and other
tokens where letters and digits are glued (12HRYJQH, DL0001, NB000124-T10, 2nd, 1.9x), names the
results spell with a number ("GTK 500"), and a score's scale ("51/100"). Small whole counts (0 to 10,
"3 deals", "three deals") need no source; money, percentages and anything scaled always do.

``ungrounded`` returns each unsupported figure as a ``Figure``: a ``str`` (its text as written) that
also carries where it is in the answer, so ``drop_figures`` replaces exactly that span, never a
substring of another figure.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left, bisect_right
from typing import Any

REMOVED = "[figure removed]"

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?!\w)")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_SPELLED_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _trie(words: list[str]) -> str:
    """An alternation of ``words`` as a prefix tree ("t(?:en|w(?:o|elve|enty))"): one test per letter."""
    if "" in words and len(words) == 1:
        return ""
    heads: dict[str, list[str]] = {}
    for w in words:
        if w:
            heads.setdefault(w[0], []).append(w[1:])
    parts = [re.escape(h) + _trie(rest) for h, rest in sorted(heads.items())]
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    return f"(?:{body})?" if "" in words else body


_NUMBER_WORD = _trie([*_SPELLED_WORDS, *_SCALES, "dozen"])

_NUMBER = rf"""
      (?:[-\u2212](?=[\d.$\u20ac\u00a3]))?                                            # sign
      (?:US\$|\$|\u20ac|\u00a3|(?:USD|EUR|GBP)[ ]?)?                                    # currency
      (?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)                            # 1,234.5
      (?:(?-i:bn|mn|MM|mm|[kKmMbB])(?!\w))?                                              # 3.5k, 2.3M, 1.2bn
      (?:[ ]?(?:thousand|million|billion|trillion|bn|mn)(?!\w))?                          # 1.2 million
      (?:[ ]?(?:%|(?:percent|per[ ]cent|pct|pp|percentage[ ]points?|points?|pts|dollars|USD)(?!\w)))?
      (?![\w]|[.,]\d)
"""
FIGURE_PARTS = re.compile(r"""
    (?P<sign>[-\u2212])?
    (?P<cur>US\$|\$|\u20ac|\u00a3|(?:USD|EUR|GBP)[ ]?)?
    (?P<num>[\d,]*\.?\d+)
    (?P<sfx>(?-i:bn|mn|MM|mm|[kKmMbB])(?!\w))?
    (?:[ ]?(?P<scale>thousand|million|billion|trillion|bn|mn))?
    (?P<tail>[ ]?\S.*)?
""", re.VERBOSE | re.IGNORECASE)
"""The parts of a figure ``TOKEN`` found."""

_ID = r"(?:[a-z]+\d|\d+[a-z])[a-z\d]*(?:-[a-z\d]+)*"

TOKEN = re.compile(rf"""
(?<![\w])  # nothing starts inside a word: one cheap test at most positions
(?:
    (?P<skip_list>^[ \t]*(?:[-*+\u2022][ \t]+)?(?:\*\*)?\(?\d{{1,3}}[.)](?:\*\*)?(?=[ \t]|$))  # 1. 2)
  | (?=\d)(?:                                                       # starts with a digit
        (?P<skip_digit>
            (?<![.,])\d{{4}}-(?:0[1-9]|1[0-2])(?:-\d{{2}})?                            # 2017-03, 2017-03-01
              (?:[T\ ]\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?(?:Z|[+-]\d{{2}}:?\d{{2}})?)?(?!\w)  # T10:00-07:00
          | (?<![.,])\d{{4}}-?[QH][1-4](?!\w)                                          # 2017-Q3
          | (?<![.,])\d{{4}}-?W(?:0[1-9]|[1-4]\d|5[0-3])(?:-?[1-7])?(?!\w)               # 2017-W10, 2017-W10-1
          | (?<![.,/])\d{{1,4}}/\d{{1,2}}/\d{{2,4}}(?![\w/])                            # 03/01/2017
          | (?<![.,:])\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:[ ]?[ap]\.?m\.?(?!\w))?(?![\w:])  # 10:00, 9:30 pm
          | (?<![.,])\d{{1,2}}[ ]?[ap]\.?m\.?(?!\w)                                    # 9am, 3 p.m.
          | (?<![.,$]){_DAY}[ ]+(?:of[ ]+)?{_MONTH}(?:,?[ ]+\d{{4}})?(?!\w)             # 1 March 2017, 30 Nov
          | (?<![.,$])(?:19|20)\d{{2}}[ ]+(?:Q[1-4]|H[12]|(?=(?-i:[A-Z])){_MONTH})(?!\w)       # 2017 Q3, 2017 March
          | (?<![.,$])(?:19|20)\d{{2}}[ ]?[-\u2013\u2014/][ ]?(?:(?:19|20)\d{{2}}|\d{{2}})(?![\w%]|[.,]\d)  # 2016-17
        )
      | (?P<fig_digit>(?<![.,]){_NUMBER})
      | (?P<id_digit>(?<!-){_ID})                                      # 12HRYJQH, 2nd
    )
  | (?=[a-z])(?:                                                     # starts with a letter
        (?P<skip_word>
            {_MONTH}(?:[ ]+{_DAY}(?!\d)(?:,?[ ]+\d{{4}})?|,?[ ]+(?:of[ ]+)?\d{{4}})(?!\w)   # March 1, 2017
          | (?:Q[1-4]|H[12]|FY|CY)[ ]?'?(?:\d{{4}}|\d{{2}})(?!\w)                        # Q3 2017, FY 2017
          | (?:https?://|www\.)\S+                                                       # links
          | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                                                 # e-mail addresses
        )
      | (?P<fig_word>(?:USD|EUR|GBP|US\$){_NUMBER})                      # USD 1,200
      | (?P<words>
            (?<!-)(?:an?[ ]+(?=(?:hundred|thousand|million|billion|dozen)(?!\w)))?
            (?:{_NUMBER_WORD})(?:(?:[ ]+and[ ]+|[ ]+|-)(?:{_NUMBER_WORD}))*(?![\w-])
            (?:[ ]?(?:percent|per[ ]cent|percentage[ ]points?|points?|dollars)(?!\w))?
        )
      | (?P<id_word>(?<!-){_ID} | (?<!-)(?-i:[A-Z]{{1,6}})-\d+[a-z\d]*)   # DL0001, DL-0001
    )
  | (?P<fig_sign>(?<![.,]){_NUMBER})                                   # $1,234, -5%, .5
  | (?P<id_hash>\#\d+)
)
""", re.VERBOSE | re.IGNORECASE | re.MULTILINE)
"""One left-to-right pass over an answer: the first alternative that matches at a position wins, so a
date or an id is consumed whole before any digit in it could be read as a figure. Alternatives are
grouped by their first character so most positions cost one test."""

YEAR_CONTEXT = re.compile(
    r"(?:\b(?:in|of|during|since|for|from|until|till|through|throughout|before|after|between|by|year|"
    r"quarter|half|month|fy|cy)|(?:19|20)\d{2}[ ]+(?:and|to|or|vs\.?|versus|through))[ ]+$|\b(?:mid|early|late)-$",
    re.IGNORECASE)
"""Words before a four-digit number that make it a year ("in 2017", "between 2016 and 2017")."""

PURE_NUMBER = re.compile(r"^\s*[-\u2212]?(?:\$|\u20ac|\u00a3)?\s?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
                         r"\s?%?\s*$")
"""A string that is nothing but a number ("12.5", "42%", "$1,200"): a structured value, so evidence."""

ISO_YEAR = re.compile(r"^((?:19|20)\d{2})(?:-(?:\d{2}|Q[1-4]|H[12]|W\d{2})|$)")
NAME_WITH_NUMBER = re.compile(r"^[A-Za-z][\w&'.]*(?:[ -][A-Za-z&'.][\w&'.]*){0,3}[ -]\d+[A-Za-z]*$")
"""A name the results spell with a number, like the product "GTK 500": its number is part of the name."""
OUT_OF = re.compile(r"(?:/[ ]?|\bout[ ]of[ ])$")
RANGE_JOIN = re.compile(r"[ ]?[-\u2013\u2014][ ]?|[ ]to[ ]")
_NUMBER_START = frozenset("0123456789-$. \u2212\u20ac\u00a3")
KEY_NUMBER = re.compile(r"(?<=_)\d+(?=_|$)")

FREE_TEXT_KEYS = frozenset({"text", "summary", "body", "note", "notes", "snippet", "subject", "content",
                            "title", "name", "messaging_source", "reason", "explanation", "message", "query"})
"""Keys whose strings are prose (often from outside: notes, e-mails, talk tracks); their numbers are not evidence."""

SMALL_COUNT = 10
"""Whole counts up to this need no source ("3 deals"); money, percentages and scaled figures always do."""

_SFX = {"k": 1e3, "m": 1e6, "mm": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9,
        "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALED_KEYS = {"_musd": 1e6, "_millions": 1e6, "_kusd": 1e3, "_thousands": 1e3, "_busd": 1e9, "_billions": 1e9}
"""Key endings that give a number's unit: the value counts as written and at that scale."""
_SCALED_ENDINGS = tuple(_SCALED_KEYS)
_HITS = 64
"""At most this many places in the results are remembered for one figure (for sums with its neighbours)."""


class Figure(str):
    """A figure of an answer: its text as written, its span, its value and the rounding it is written with."""

    start: int
    end: int
    value: float
    half: float
    kind: str  # "count", "money", "percent" (also points)
    small: bool  # a whole count 0..SMALL_COUNT, allowed without a source
    year: bool  # a bare four-digit number 1900..2099

    def __new__(cls, text: str, start: int, end: int, value: float, half: float, kind: str,
                small: bool = False, year: bool = False) -> Figure:
        self = super().__new__(cls, text)
        self.start, self.end, self.value, self.half, self.kind = start, end, value, half, kind
        self.small, self.year = small, year
        return self


def figures(text: str, names: frozenset[str] | set[str] = frozenset()) -> list[Figure]:
    """The figures in ``text``, in order; ``names`` are strings whose digits are part of a name."""
    shielded = _name_spans(text, names) if names else []
    out: list[Figure] = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup or ""
        if kind.startswith("fig"):
            f = _numeric(m, text)
        elif kind == "words":
            f = _spelled(m)
        else:
            continue
        if f is None or (shielded and any(s < f.end and f.start < e for s, e in shielded)):
            continue
        if f.value == 100 and f.kind == "count" and OUT_OF.search(text, max(0, f.start - 8), f.start):
            continue  # "51/100", "7 out of 100": the scale of a score
        if out and f.kind == "percent" and out[-1].kind == "count" and RANGE_JOIN.fullmatch(text, out[-1].end, f.start):
            out[-1].kind, out[-1].small = "percent", False  # "20-30%": both ends are percentages
        out.append(f)
    return out


def _name_spans(text: str, names: frozenset[str] | set[str]) -> list[tuple[int, int]]:
    spans = []
    for name in names:
        i = text.find(name)
        while i != -1:
            before = text[i - 1] if i else " "
            after = text[i + len(name)] if i + len(name) < len(text) else " "
            if not (before.isalnum() or after.isalnum()):
                spans.append((i, i + len(name)))
            i = text.find(name, i + 1)
    return spans


def _numeric(m: re.Match[str], text: str) -> Figure | None:
    p = FIGURE_PARTS.match(m.group(0))
    if p is None:  # pragma: no cover - TOKEN only lets figures through
        return None
    num = p.group("num")
    digits = num.replace(",", "")
    value = abs(float(digits))
    whole, _, decimals = digits.partition(".")
    scale = _SFX.get((p.group("sfx") or "").lower(), 1.0) * _SFX.get((p.group("scale") or "").lower(), 1.0)
    tail = (p.group("tail") or "").strip().lower()
    money = bool(p.group("cur")) or tail.startswith(("dollar", "usd"))
    percent = bool(tail) and not money
    if decimals:
        unit = 10.0 ** -len(decimals)
    else:
        unit = 1.0
        stripped = whole.lstrip("0")
        zeros = len(stripped) - len(stripped.rstrip("0"))
        if scale == 1 and zeros >= 3 and len(stripped) - zeros >= 2:
            unit = 10.0 ** zeros  # "$1,150,000" is a figure rounded to the ten thousand
    value *= scale
    kind = "percent" if percent else "money" if money else "count"
    plain = kind == "count" and scale == 1 and not decimals
    year = plain and len(num) == 4 and 1900 <= value <= 2099 and not p.group("sign")
    if year and YEAR_CONTEXT.search(text, max(0, m.start() - 24), m.start()):
        return None  # "in 2017": a date, not a figure
    return Figure(m.group(0), m.start(), m.end(), value, unit * scale / 2, kind,
                  small=plain and value <= SMALL_COUNT, year=year)


def _spelled(m: re.Match[str]) -> Figure | None:
    words = [w for w in re.findall(r"[a-z]+", m.group(0).lower()) if w != "and"]
    tail = []
    while words and words[-1] in _UNIT_WORDS:
        tail.append(words.pop())
    if words and words[0] in ("a", "an"):
        words[0] = "one"
    parsed = parse_spelled(words)
    if parsed is None:
        return None
    value, half = parsed
    kind = "money" if "dollars" in tail else "percent" if tail else "count"
    return Figure(m.group(0), m.start(), m.end(), value, half, kind,
                  small=kind == "count" and value <= SMALL_COUNT and half <= 0.5)


_UNIT_WORDS = frozenset({"percent", "per", "cent", "percentage", "points", "point", "dollars"})


def parse_spelled(words: list[str]) -> tuple[float, float] | None:
    """["three", "hundred", "twelve"] -> (312, 0.5): the value, and half the unit of its last word
    ("three hundred" is 300 to the nearest hundred: (300, 50)). ``None`` for words that are not one
    number ("one two", "million" alone)."""
    total, current, last, top, half = 0.0, 0.0, "", float("inf"), 0.5
    for w in words:
        v = _SPELLED_WORDS.get(w)
        if v is not None:
            if last in ("unit", "teen", "dozen") or (last == "tens" and not 0 < v < 10):
                return None
            current += v
            last, half = ("unit" if v < 10 else "teen" if v < 20 else "tens"), 0.5
        elif w == "dozen":  # "a dozen", "two dozen"
            if last != "unit":
                return None
            current *= 12
            last, half = "dozen", 0.5
        elif w == "hundred":  # "three hundred", "fifteen hundred"
            if last not in ("unit", "teen", "tens") or current >= 100:
                return None
            current *= 100
            last, half = "hundred", 50.0
        elif w in _SCALES:  # "two million", "a hundred thousand"
            scale = _SCALES[w]
            if last not in ("unit", "teen", "tens", "hundred", "dozen") or scale >= top:
                return None
            total += current * scale
            current, last, top, half = 0.0, "scale", scale, scale / 2
        else:
            return None
    if not last:
        return None
    return total + current, half


# --------------------------------------------------------------------------------------------- evidence


class Evidence:
    """The numbers of this turn's tool results, sorted, each with the record (JSON object or list) it sits in."""

    def __init__(self, results: list[str]) -> None:
        pairs: list[tuple[float, int]] = []
        self.groups: list[list[float]] = []
        self.years: set[int] = set()
        self.names: set[str] = set()
        self.errors: set[str] = set()  # a tool's own error messages, which an answer may pass on word for word
        for text in results:
            try:
                data = json.loads(text)
            except (json.JSONDecodeError, TypeError):
                data = text if isinstance(text, str) else None
            self._walk(data, pairs)
        pairs.sort()
        self.values = [v for v, _ in pairs]
        self.where = [g for _, g in pairs]

    def _walk(self, root: Any, pairs: list[tuple[float, int]]) -> None:
        if isinstance(root, str):  # a result that is not JSON: text
            self._string(root, -1, [], pairs, True, "")
            return
        if isinstance(root, int | float) and not isinstance(root, bool):
            self._number(root, -1, [], pairs)
            return
        stack: list[tuple[Any, str]] = [(root, "data")] if isinstance(root, dict | list) else []
        while stack:
            value, mode = stack.pop()  # mode: "data", "prose" (outside text) or "ids" (record ids)
            items: Any = value.items() if isinstance(value, dict) else (("", v) for v in value)
            group: list[float] = []
            gid = len(self.groups)
            self.groups.append(group)
            for k, v in items:
                inner = mode
                if k:
                    if "_" in k:
                        pairs.extend((float(n), -1) for n in KEY_NUMBER.findall(k))
                    if k in FREE_TEXT_KEYS and mode == "data":
                        inner = "prose"
                    elif k == "id" or k == "ids" or k.endswith(("_id", "_ids")):
                        inner = "ids"
                if isinstance(v, bool) or v is None:
                    continue
                if isinstance(v, int | float):
                    self._number(v, gid, group, pairs)
                    if k.endswith(_SCALED_ENDINGS):  # revenue_musd 1543.52 is $1.54 billion
                        self._number(v * _SCALED_KEYS[k[k.rindex("_"):]], gid, group, pairs)
                elif isinstance(v, str):
                    if inner == "ids":  # an id is never a figure; a long numeric one is a name
                        if len(v) >= 5 and v.isdigit():
                            self.names.add(v)
                    elif k == "error" and mode == "data" and len(v) >= 20:
                        self.errors.add(v)
                    else:
                        self._string(v, gid, group, pairs, inner == "prose", k)
                elif isinstance(v, dict | list | tuple):
                    stack.append((v, inner))

    @staticmethod
    def _number(v: float, gid: int, group: list[float], pairs: list[tuple[float, int]]) -> None:
        v = abs(float(v))
        if v == v and v != float("inf"):
            pairs.append((v, gid))
            group.append(v)

    def _string(self, s: str, gid: int, group: list[float], pairs: list[tuple[float, int]],
                prose: bool, key: str) -> None:
        if len(s) > 60 or not s:
            return
        if prose:  # outside text, even when it is only a number; but "GTK 500" is a name wherever it is
            if key in ("name", "title") and (" " in s or "-" in s) and NAME_WITH_NUMBER.match(s):
                self.names.add(s)
            return
        if s[0] in _NUMBER_START:
            m = PURE_NUMBER.match(s)
            if m:
                v = float(m.group(1).replace(",", ""))
                self._number(v / 100 if s.rstrip().endswith("%") else v, gid, group, pairs)
                return
            y = ISO_YEAR.match(s)
            if y:
                self.years.add(int(y.group(1)))
                return
        if (" " in s or "-" in s) and NAME_WITH_NUMBER.match(s):
            self.names.add(s)

    def hits(self, lo: float, hi: float) -> tuple[int, int]:
        """The index range of evidence values in [lo, hi]."""
        return bisect_left(self.values, lo), bisect_right(self.values, hi)


def _direct(f: Figure, ev: Evidence) -> list[tuple[float, int]]:
    """Where the results hold ``f`` as written (value, record), or [] if nowhere."""
    tol = f.half * (1 + 1e-9) + 0.005
    out: list[tuple[float, int]] = []
    i, j = ev.hits(f.value - tol, f.value + tol)
    out.extend(zip(ev.values[i:min(j, i + _HITS)], ev.where[i:min(j, i + _HITS)], strict=True))
    if f.kind == "percent":  # 0.648 written as 64.8%
        frac, ftol = f.value / 100, f.half / 100 * (1 + 1e-9) + 0.00005
        i, j = ev.hits(frac - ftol, frac + ftol)
        out.extend(zip(ev.values[i:min(j, i + _HITS)], ev.where[i:min(j, i + _HITS)], strict=True))
    return out


def _operands(g: Figure, hits: list[tuple[float, int]]) -> set[float]:
    """A supported figure's values as an operand: as written, and as the results hold it."""
    best = min(hits, key=lambda h: min(abs(h[0] - g.value), abs(h[0] * 100 - g.value)))[0]
    if g.kind == "percent" and abs(best * 100 - g.value) < abs(best - g.value):
        best *= 100
    return {g.value, best}


def _from_record(f: Figure, near: list[list[tuple[float, int]]], ev: Evidence) -> bool:
    """Whether ``f`` is a supported figure next to it combined with a value of the record that figure
    came from: 882 won of 1,418 closed, when the record holds won 882 and lost 536."""
    tol = f.half * (1 + 1e-9) + 1e-9 * max(1.0, f.value)
    lo, hi = f.value - tol, f.value + tol
    percent = f.kind == "percent"
    for hits in near:
        for e, gid in hits:
            group = ev.groups[gid] if gid >= 0 else ()
            skipped = False
            for s in group:
                if s == e and not skipped:
                    skipped = True
                    continue
                if percent:
                    cands: tuple[float, ...] = (
                        100 * e / s if s else -1.0, 100 * s / e if e else -1.0,
                        100 * e / (e + s) if e + s else -1.0, 100 * s / (e + s) if e + s else -1.0,
                        100 * (e - s) if e <= 1 and s <= 1 else -1.0)
                else:
                    cands = (e + s, e - s)
                for c in cands:
                    if lo <= abs(c) <= hi and (c >= 0 or not percent):
                        return True
    return False


def _from_stated(f: Figure, stated: list[tuple[Figure, list[tuple[float, int]]]]) -> bool:
    """Whether ``f`` is worked out from two supported figures of the answer (``stated``, nearest first):
    a sum, a difference, an average, a rate, a change in per cent or in points."""
    tol = f.half * (1 + 1e-9) + 1e-9 * max(1.0, f.value)
    lo, hi = f.value - tol, f.value + tol
    percent = f.kind == "percent"
    ops: list[tuple[int, float, str]] = []
    taken: dict[str, int] = {}
    for k, (g, hits) in enumerate(stated):
        if taken.get(g.kind, 0) < OPERANDS and (percent or g.kind == f.kind or (f.kind, g.kind) == ("money", "count")):
            taken[g.kind] = taken.get(g.kind, 0) + 1
            ops.extend((k, x, g.kind) for x in _operands(g, hits))
    for i, x, x_kind in ops:
        for j, y, y_kind in ops:
            if i == j:
                continue
            if x_kind != y_kind:
                if x_kind == "money" and y_kind == "count" and y and not percent:
                    cands: tuple[float, ...] = (x / y,)  # an average: $269,245 from 108 deals is $2,493 a deal
                else:
                    continue
            elif not percent:
                cands = (x + y, x - y)
            elif x_kind == "percent":
                cands = (x - y,)  # points
            elif y:
                cands = (100 * x / y, 100 * (x - y) / y)  # a rate; a change in per cent
            else:
                continue
            for c in cands:
                if lo <= abs(c) <= hi:
                    return True
    return False


OPERANDS = 8
"""A worked-out figure is checked against pairs of the nearest this many supported figures of each kind
("$209,320 vs $127,420, a difference of $81,900"): enough for a comparison, too few for a long list to
make any number come out of some pair."""
NEAR = 300
"""A figure and the record of a supported figure next to it (on its line, at most this many characters
away) can make a sum or a rate: "882 won of 1,418 closed"."""


def ungrounded(answer: str, results: list[str], question: str = "", verbatim: list[str] | None = None) -> list[Figure]:
    """The figures in ``answer`` that no tool result of this turn supports, each with its span.

    ``results`` are the turn's tool results and the arguments of its tool calls (JSON strings).
    ``question`` is not evidence: a figure the rep asked about is not true because they asked. Only
    the rep's own words quoted back in quotation marks ('I could not place "150"') are left alone, and so is a tool's
    text shown word for word (``verbatim``: a draft as the draft tool wrote it, which is what "send it" sends)."""
    ev = Evidence(results)
    figs = figures(answer, frozenset(ev.names))
    if not figs:
        return []
    found = [_direct(f, ev) for f in figs]
    quoted = _quoting(answer, question) if question else []
    quoted += _name_spans(answer, ev.errors) if ev.errors else []
    for text in verbatim or []:
        at = answer.find(text) if text.strip() else -1
        while at >= 0:
            quoted.append((at, at + len(text)))
            at = answer.find(text, at + len(text))
    bad: list[Figure] = []
    for i, f in enumerate(figs):
        if found[i] or f.small or (f.year and int(f.value) in ev.years):
            continue
        if quoted and any(s <= f.start and f.end <= e for s, e in quoted):
            continue  # the rep's words quoted back ('I could not place "150"'), or a tool's error passed on
        line_start = max(answer.rfind("\n", 0, f.start) + 1, f.start - NEAR)
        line_end = answer.find("\n", f.end)
        line_end = min(len(answer) if line_end == -1 else line_end, f.end + NEAR)
        near = [found[k] for k, g in enumerate(figs) if found[k] and line_start <= g.start and g.end <= line_end]
        if near and _from_record(f, near, ev):
            continue
        stated = sorted(((g, found[k]) for k, g in enumerate(figs) if k != i and found[k]),
                        key=lambda gh: abs(gh[0].start - f.start))
        if not _from_stated(f, stated):
            bad.append(f)
    return bad


QUOTED = re.compile(r'"([^"\n]{1,80})"|\u201c([^\u201d\n]{1,80})\u201d')


def _quoting(answer: str, question: str) -> list[tuple[int, int]]:
    """Spans of ``answer`` in quotation marks that quote ``question`` word for word."""
    asked = question.casefold()
    return [(m.start(), m.end()) for m in QUOTED.finditer(answer)
            if (m.group(1) or m.group(2)).strip().casefold() in asked]


def drop_figures(answer: str, bad: list[Figure] | list[str]) -> str:
    """``answer`` with each bad figure replaced, whole, by "[figure removed]".

    Items from ``ungrounded`` carry their span. A plain string replaces every figure of the answer
    written exactly so (or whose number is written so): "13" removes the figure "13", never the
    "13" inside "$133,833"."""
    spans: list[tuple[int, int]] = []
    loose: set[str] = set()
    for b in bad:
        start, end = getattr(b, "start", None), getattr(b, "end", None)
        if isinstance(start, int) and isinstance(end, int) and answer[start:end] == str(b):
            spans.append((start, end))
        elif str(b).strip():
            loose.add(str(b).strip())
    if loose:
        for f in figures(answer):
            p = FIGURE_PARTS.match(str(f))
            number = p.group("num") if p is not None and p.group("num") else None
            if str(f) in loose or (number is not None and number in loose):
                spans.append((f.start, f.end))
    out, pos = [], 0
    for start, end in sorted(set(spans)):
        if start < pos:
            continue  # overlaps a span already replaced
        out.append(answer[pos:start])
        out.append(REMOVED)
        pos = end
    out.append(answer[pos:])
    return "".join(out)
