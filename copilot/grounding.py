"""Every number in an answer must come from a tool result of the same turn.

Numbers are compared after normalising formats ("$1,153,214", "1.15M", "64.8%" for 0.648); the
question's own numbers (years, "top 3") and the digits inside record ids and dates are allowed.
"""

from __future__ import annotations

import json
import re
from typing import Any

NUMBER = re.compile(r"(?<![\w.])(-?\d[\d,]*(?:\.\d+)?)(?:\s*(%|[kKmM]\b|million\b|thousand\b))?(?!\w)")
"""A figure as people write it; digits inside words (record ids such as 12HRYJQH) are not figures."""


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


def _walk(value: Any, numeric: list[float], textual: list[float]) -> None:
    """Collect JSON numbers (``numeric``) and figures written inside strings (``textual``)."""
    if isinstance(value, bool):
        return
    if isinstance(value, int | float):
        numeric.append(float(value))
    elif isinstance(value, str):
        textual.extend(v for _, v, _ in numbers_in(value))
    elif isinstance(value, dict):
        for v in value.values():
            _walk(v, numeric, textual)
    elif isinstance(value, list | tuple):
        for v in value:
            _walk(v, numeric, textual)


def allowed_numbers(results: list[str], question: str) -> list[float]:
    numeric: list[float] = []
    textual: list[float] = []
    for text in results:
        try:
            _walk(json.loads(text), numeric, textual)
        except (json.JSONDecodeError, TypeError):
            textual.extend(v for _, v, _ in numbers_in(text))
    textual.extend(v for _, v, _ in numbers_in(question))
    rates = [v * 100 for v in numeric if 0 <= v <= 1]  # 0.648 may be written 64.8%
    ints = [v for v in numeric if v == int(v) and 0 < v < 1e9][:100]
    sums = [a + b for i, a in enumerate(ints) for b in ints[i + 1:]]  # "882 won of 1,418 closed"
    return numeric + textual + rates + sums + [float(i) for i in range(0, 11)]


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
