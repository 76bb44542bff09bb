"""What every benchmark shares: the result row, timing helpers and a scratch directory."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

WORK = Path(__file__).resolve().parent / ".work"


@dataclass
class Row:
    """One line of the benchmark table."""

    name: str
    value: float
    unit: str
    floor: str = ""
    ok: bool | None = None
    note: str = ""


def median_seconds(run: Callable[[], object], repeat: int) -> tuple[float, list[float]]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def workdir(name: str) -> Path:
    path = WORK / name
    path.mkdir(parents=True, exist_ok=True)
    return path
