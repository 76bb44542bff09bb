"""The written results of a run: ``results.jsonl``, ``run.json``, ``report.md`` and ``report.html``.

The HTML report is a jinja2 template with its charts drawn by matplotlib (Agg) and embedded as PNG, so the
one file can be mailed or attached to a pull request. Every file is written beside its final name and then
renamed into place: a failed run leaves no half-written report.
"""

from __future__ import annotations

import base64
import html
import io
import json
import math
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from copilot.evaluation.summary import Pair, Side, pair, side, split

if TYPE_CHECKING:
    from copilot.evaluation.engine import Run

TEMPLATES = Path(__file__).with_name("templates")


def _put(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def _pct(x: float) -> str:
    return "n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{100 * x:.1f}%"


def _p(x: float) -> str:
    return "n/a" if math.isnan(x) else f"{x:.4f}" if x >= 1e-4 else f"{x:.1e}"


# -- charts ---------------------------------------------------------------------------------------------------


def _png(fig: Any) -> str:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode()


def _plain(text: str) -> str:
    """A label as matplotlib shows it literally: a '$' would start its TeX notation (and fail on bad TeX)."""
    return text.replace("$", r"\$")


def charts(sides: list[Side], pairs: list[Pair]) -> dict[str, str]:
    """Base64 PNGs: pass rate with Wilson intervals, pass^k, checks, latency, and the paired differences."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out: dict[str, str] = {}
    labels = [_plain(s.label) for s in sides]
    height = 0.6 + 0.45 * len(sides)

    fig, ax = plt.subplots(figsize=(7, height))
    rates = [0 if math.isnan(s.pass_rate) else s.pass_rate for s in sides]
    low = [max(0.0, r - (s.ci[0] if not math.isnan(s.ci[0]) else r)) for r, s in zip(rates, sides, strict=True)]
    high = [max(0.0, (s.ci[1] if not math.isnan(s.ci[1]) else r) - r) for r, s in zip(rates, sides, strict=True)]
    ax.barh(labels, rates, xerr=[low, high], color="#4c78a8", capsize=4)
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel("pass rate (95% Wilson interval)")
    out["pass_rate"] = _png(fig)

    fig, ax = plt.subplots(figsize=(7, 3.2))
    for s in sides:
        ks = sorted(s.pass_k)
        ax.plot(ks, [s.pass_k[k] for k in ks], marker="o", label=_plain(s.label))
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("k (trials)")
    ax.set_ylabel("pass^k")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    out["pass_k"] = _png(fig)

    names = sorted({n for s in sides for n in s.checks})
    fig, ax = plt.subplots(figsize=(7, 0.8 + 0.35 * max(1, len(names)) * max(1, len(sides)) ** 0.5))
    width = 0.8 / max(1, len(sides))
    for j, s in enumerate(sides):
        values = []
        for n in names:
            c = s.checks.get(n, {"passed": 0, "failed": 0})
            judged = c["passed"] + c["failed"]
            values.append(c["passed"] / judged if judged else 0)
        ax.barh([i + j * width for i in range(len(names))], values, height=width, label=_plain(s.label))
    ax.set_yticks([i + width * (len(sides) - 1) / 2 for i in range(len(names))], [_plain(n) for n in names])
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    ax.set_xlabel("share of turns passing the check (skipped left out)")
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    out["checks"] = _png(fig)

    fig, ax = plt.subplots(figsize=(7, height))
    data = [s.latency_ms or [0.0] for s in sides]
    sideways = {"orientation": "horizontal"} if tuple(int(x) for x in matplotlib.__version__.split(".")[:2]) >= (3, 10) \
        else {"vert": False}
    ax.boxplot(data, showfliers=True, **sideways)
    ax.set_yticks(range(1, len(sides) + 1), labels)
    ax.invert_yaxis()
    lowest, highest = min(min(d) for d in data), max(max(d) for d in data)
    if lowest > 0 and highest / lowest > 50:  # a remote model next to the offline planner
        ax.set_xscale("log")
    ax.set_xlabel("latency per case (ms)")
    out["latency"] = _png(fig)

    if pairs:
        fig, ax = plt.subplots(figsize=(7, 0.6 + 0.5 * len(pairs)))
        names = [_plain(f"{p.b.label} - {p.a.label}") for p in pairs]
        diffs = [p.result.diff for p in pairs]
        ax.errorbar(diffs, range(len(pairs)), xerr=[[d - p.result.diff_ci[0] for d, p in zip(diffs, pairs,
                                                                                             strict=True)],
                                                    [p.result.diff_ci[1] - d for d, p in zip(diffs, pairs,
                                                                                             strict=True)]],
                    fmt="o", capsize=5, color="#e45756")
        ax.axvline(0, color="grey", lw=1)
        reach = max([0.1, *(abs(x) for p in pairs for x in p.result.diff_ci if not math.isnan(x))])
        ax.set_xlim(-reach * 1.1, reach * 1.1)
        ax.set_ylim(len(pairs) - 0.4, -0.6)  # the first pair on top, as in the tables
        ax.set_yticks(range(len(pairs)), names)
        ax.set_xlabel("difference in pass rate (95% paired bootstrap interval)")
        out["paired"] = _png(fig)
    return out


# -- reports --------------------------------------------------------------------------------------------------


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html", "html.j2"]),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["pct"] = _pct
    # text from a dataset in a markdown table: shown literally (no HTML, no column break, one line)
    env.filters["cell"] = lambda x: html.escape(str(x), quote=False).replace("|", "\\|").replace("\n", " ")
    env.filters["p"] = _p
    env.filters["ms"] = lambda x: "n/a" if x is None else f"{x:,.0f}"
    env.filters["money"] = lambda x: "n/a" if x is None else f"${x:,.4f}"
    return env


def render(title: str, sides: list[Side], pairs: list[Pair], meta: dict[str, Any]) -> tuple[str, str]:
    """(markdown, html) of a report."""
    data = {"title": title, "sides": sides, "pairs": pairs, "meta": meta,
            "checks": sorted({n for s in sides for n in s.checks})}
    markdown = _env().get_template("report.md.j2").render(**data)
    html = _env().get_template("report.html.j2").render(**data, charts=charts(sides, pairs))
    return markdown, html


def write(run: Run, *, seed: int | None = None) -> None:
    """Write a run's files to ``run.out``."""
    from copilot.evaluation import stats

    by_variant = split(run.rows)
    sides = [side(by_variant[s.name]) for s in run.variants if s.name in by_variant]
    pairs = [pair(sides[0], s, seed=seed if seed is not None else stats.SEED) for s in sides[1:]]
    markdown, html = render(f"Evaluation of {Path(run.meta.get('dataset') or 'a dataset').name}", sides, pairs,
                            run.meta)
    out = run.out
    _put(out / "results.jsonl", "".join(json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in run.rows))
    _put(out / "run.json", json.dumps(run.meta, indent=2, default=str) + "\n")
    _put(out / "report.md", markdown)
    _put(out / "report.html", html)
