"""Every number in an answer must come from a tool result of the same turn.

Numbers are compared after normalising formats ("$1,153,214", "1.15M", "64.8%" for 0.648); the
question's own numbers (years, "top 3") and the digits inside record ids and dates are allowed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

NUMBER = re.compile(r"(?<![\w.])(-?\d[\d,]*(?:\.\d+)?)\s*(%|[kKmM]\b|million\b|thousand\b)?")


def numbers_in(text: str) -> list[tuple[str, float, str]]:
    out = []
    for m in NUMBER.finditer(text.replace("$", "")):
        raw, unit = m.group(1), (m.group(2) or "")
        try:
            value = float(raw.replace(",", ""))
        except ValueError:
            continue
        value *= {"k": 1e3, "K": 1e3, "thousand": 1e3, "m": 1e6, "M": 1e6, "million": 1e6}.get(unit, 1)
        out.append((m.group(0).strip(), value, unit))
    return out


def _walk(value: Any) -> Iterable[float]:
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        yield float(value)
    elif isinstance(value, str):
        for _, v, _ in numbers_in(value):
            yield v
        for part in re.findall(r"\d+", value):
            yield float(part)
    elif isinstance(value, dict):
        for v in value.values():
            yield from _walk(v)
    elif isinstance(value, list | tuple):
        for v in value:
            yield from _walk(v)


def allowed_numbers(results: list[str], question: str) -> list[float]:
    values: list[float] = []
    for text in results:
        try:
            values.extend(_walk(json.loads(text)))
        except (json.JSONDecodeError, TypeError):
            values.extend(v for _, v, _ in numbers_in(text))
    values.extend(v for _, v, _ in numbers_in(question))
    values.extend(float(n) for n in re.findall(r"\d+", question))
    rates = [v * 100 for v in values if 0 <= v <= 1]
    derived = []
    # sums the answer may state ("4,238 won of 6,711 closed")
    ints = [v for v in values if v == int(v) and v < 1e9][:200]
    for i, a in enumerate(ints):
        for b in ints[i + 1:i + 20]:
            derived.append(a + b)
    return values + rates + derived + [float(i) for i in range(0, 11)]


def _matches(value: float, allowed: list[float], unit: str) -> bool:
    for a in allowed:
        tolerance = max(0.5, 0.005 * abs(a)) if unit != "%" else 0.05
        if unit in ("k", "K", "m", "M", "million", "thousand"):
            tolerance = max(tolerance, 0.006 * abs(a))
        if abs(value - a) <= tolerance:
            return True
    return False


def ungrounded(answer: str, results: list[str], question: str) -> list[str]:
    """The figures in ``answer`` that no tool result of this turn supports."""
    allowed = allowed_numbers(results, question)
    return [raw for raw, value, unit in numbers_in(answer) if not _matches(value, allowed, unit)]


def drop_figures(answer: str, bad: list[str]) -> str:
    for raw in bad:
        answer = answer.replace(raw, "[figure removed]")
    return answer
