"""Two runs made at different times, compared case by case (``copilot eval compare DIR_A DIR_B``)."""

from __future__ import annotations

from pathlib import Path

from copilot.evaluation.dataset import DatasetError
from copilot.evaluation.engine import read_rows
from copilot.evaluation.report import _put, render
from copilot.evaluation.summary import Pair, pair, side, split


def _one(folder: Path, variant: str | None) -> tuple[str, list[dict]]:
    by = split(read_rows(folder))
    if variant is not None:
        if variant not in by:
            raise DatasetError(f"{folder}: no variant {variant!r} in this run (it has {', '.join(by)})")
        return variant, by[variant]
    if len(by) > 1:
        raise DatasetError(f"{folder}: this run has several variants ({', '.join(by)}); name the one to compare")
    return next(iter(by.items()))


def compare(dir_a: Path, dir_b: Path, *, variant_a: str | None = None, variant_b: str | None = None,
            out: Path | None = None, seed: int | None = None) -> Pair:
    """Run B against run A, paired by case id; with ``out``, the reports are written there."""
    name_a, rows_a = _one(Path(dir_a), variant_a)
    name_b, rows_b = _one(Path(dir_b), variant_b)
    a = side(rows_a, f"{name_a} ({Path(dir_a).name})")
    b = side(rows_b, f"{name_b} ({Path(dir_b).name})")
    result = pair(a, b, **({"seed": seed} if seed is not None else {}))
    if out is not None:
        meta = {"dataset": "", "cases": result.result.n,
                "note": f"Run A: {dir_a} (variant {name_a}, hash {a.variant_hash}, prompt {a.prompt_version}). "
                        f"Run B: {dir_b} (variant {name_b}, hash {b.variant_hash}, prompt {b.prompt_version})."}
        markdown, html = render(f"{name_b} ({Path(dir_b).name}) against {name_a} ({Path(dir_a).name})", [a, b],
                                [result], meta)
        _put(Path(out) / "report.md", markdown)
        _put(Path(out) / "report.html", html)
    return result
