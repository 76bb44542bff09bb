"""Reading the figures in an answer, however they are written, and matching them to expected values.

A figure is read with its thousands separators (``1,234.5``, ``1 234,5`` is not read as one number), after a
currency sign or code (``$``, ``€``, ``£``, ``¥``, ``USD``...), before a percent sign (``64.8%`` is 64.8: the
expected values of the question sets are in percentage points) and with a scale word or letter (``1.2k``,
``$3.5M``, ``2 million``, ``1.1bn``). A minus sign counts only where it cannot be a hyphen (``2017-03-01`` is
three numbers, none negative), and digits glued to letters are part of an id, not a figure (``0QMOIDET``).

A figure matches an expected value when it is within ``max(0.5, 0.5%)`` of it, the tolerance of the question
sets' own scorer: ``$1.15M`` matches 1,153,214 and ``64.8%`` matches 64.75, but a rounding coarser than 0.5%
does not (``$1.2k`` is not 1,234.5, ``$3M`` is not 3,510,578).

Where this reader deliberately differs from that scorer: a scale letter must end its word (``349 more`` is
349, not 349 million) and ids and dates are not read as figures.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9, "billion": 1e9}
NUMBER = re.compile(
    r"(?<![\w.])(?P<sign>(?<![\w-])-)?(?:[$€£¥]|(?:USD|EUR|GBP|US\$)\s?)?"
    r"(?P<value>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s?(?P<scale>k|thousand|m|mn|million|b|bn|billion)(?![A-Za-z0-9]))?"
    r"(?![A-Za-z0-9])",
    re.IGNORECASE)
"""One figure. The scale letters are read case-insensitively (``3.5m`` is 3.5 million)."""


def normalised(text: str) -> str:
    """Unicode compatibility forms (full-width digits, no-break spaces) and one kind of minus sign."""
    return unicodedata.normalize("NFKC", text).replace("\u2212", "-")


def figures(text: str) -> list[float]:
    """Every figure in ``text``, in order."""
    out = []
    for m in NUMBER.finditer(normalised(text)):
        value = float(m.group("value").replace(",", ""))
        scale = SCALE.get((m.group("scale") or "").lower(), 1.0)
        out.append((-value if m.group("sign") else value) * scale)
    return out


def close(actual: float, expected: float) -> bool:
    """Within max(0.5, 0.5% of the expected value)."""
    return abs(actual - expected) <= max(0.5, 0.005 * abs(expected))


def found(expected: float, seen: Iterable[float]) -> bool:
    return any(close(a, expected) for a in seen)
