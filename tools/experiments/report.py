"""An experiment's analysis as a self-contained HTML page: per metric, each variant's mean with its
interval and each variant's difference from control (plain, CUPED and always-valid), as charts
(matplotlib, embedded as PNG) and as a table; the sample-ratio check on top, in red when it fails."""

from __future__ import annotations

import base64
import io
import math
from typing import Any

from jinja2 import Environment, select_autoescape

from tools.experiments.stats import Analysis, MetricResult

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ title }}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2em; max-width: 1000px; color: #222; }
table { border-collapse: collapse; margin: 1em 0; } td, th { border: 1px solid #ccc; padding: 4px 8px; text-align: right; }
td:first-child, th:first-child { text-align: left; } .bad { color: #b00; font-weight: bold; } .dim { color: #666; }
</style></head><body>
<h1>{{ title }}</h1>
<p class="dim">{{ subtitle }}</p>
<p class="{{ 'bad' if srm.flag else '' }}">{{ srm_text }}</p>
{% for m in metrics %}
<h2>{{ m.name }}{{ " (rate)" if m.binary else "" }}</h2>
<img alt="{{ m.name }}: means and differences with {{ level }} intervals" src="data:image/png;base64,{{ m.chart }}">
<table><tr><th>variant</th><th>n</th><th>mean</th><th>diff [{{ level }}]</th><th>lift [{{ level }}]</th>
<th>p</th><th>adj. p</th><th>P(beats control)</th><th>CUPED diff [{{ level }}]</th><th>always-valid</th></tr>
{% for r in m.rows %}<tr>{% for cell in r %}<td>{{ cell }}</td>{% endfor %}</tr>
{% endfor %}</table>
<p class="dim">P(beats control): {{ m.chance }}. The always-valid interval may be checked at any time.</p>
{% endfor %}
{% for note in notes %}<p class="dim">{{ note }}</p>{% endfor %}
</body></html>
"""


def _fmt(x: float | None, binary: bool, sign: bool = False) -> str:
    if x is None or not math.isfinite(x):
        return "n/a"
    if binary:
        return f"{x * 100:{'+' if sign else ''}.2f}" + (" pp" if sign else "%")
    return f"{x:{'+' if sign else ''}.4g}"


def _ci(ci: Any, binary: bool) -> str:
    return "[" + ", ".join(_fmt(b, binary, True) for b in ci) + "]"


def _plain(text: str) -> str:
    """A label as matplotlib shows it literally: a '$' would start its TeX notation (and fail on bad TeX)."""
    return text.replace("$", r"\$")


def _chart(m: MetricResult, level: str) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    scale = 100.0 if m.binary else 1.0
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 3.2))
    names = [_plain(v.name) for v in m.variants]
    means = [v.mean * scale for v in m.variants]
    left.barh(names, means, color="#4c72b0")
    left.set_title(f"mean {'(%)' if m.binary else ''}")
    rows, labels = [], []
    for name, c in m.comparisons.items():
        rows.append((c.diff, c.diff_ci, "#4c72b0"))
        labels.append(_plain(name))
        if c.cuped:
            rows.append((c.cuped.diff, c.cuped.diff_ci, "#55a868"))
            labels.append(_plain(f"{name} (CUPED)"))
        rows.append((c.diff, c.always_valid_ci, "#c44e52"))
        labels.append(_plain(f"{name} (always-valid)"))
    for i, (point, ci, colour) in enumerate(rows):
        right.errorbar([point * scale], [i], xerr=[[(point - ci[0]) * scale], [(ci[1] - point) * scale]],
                       fmt="o", color=colour, capsize=4)
    right.axvline(0.0, color="#888", linewidth=1)
    right.set_yticks(range(len(labels)), labels)
    right.set_title(f"difference from control, {level} intervals{' (points)' if m.binary else ''}")
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def render_html(result: Analysis, *, title: str, subtitle: str = "") -> str:
    """The page for ``result``; every name from the data is escaped."""
    level = f"{(1 - result.alpha) * 100:g}%"
    metrics = []
    for m in result.metrics:
        rows = []
        for v in m.variants:
            c = m.comparisons.get(v.name)
            if c is None:
                rows.append([f"{v.name} (control)", f"{v.n:,}", _fmt(v.mean, m.binary), "", "", "", "", "", "", ""])
                continue
            lift = "n/a" if c.rel_lift is None else \
                f"{c.rel_lift * 100:+.1f}% [{c.rel_lift_ci[0] * 100:.1f}%, {c.rel_lift_ci[1] * 100:.1f}%]"
            rows.append([v.name, f"{v.n:,}", _fmt(v.mean, m.binary), f"{_fmt(c.diff, m.binary, True)} "
                         f"{_ci(c.diff_ci, m.binary)}", lift, f"{c.p_value:.4g}", f"{c.adjusted_p:.4g}",
                         f"{c.chance_to_beat * 100:.1f}%",
                         f"{_fmt(c.cuped.diff, m.binary, True)} {_ci(c.cuped.diff_ci, m.binary)}" if c.cuped else "",
                         _ci(c.always_valid_ci, m.binary)])
        metrics.append({"name": m.metric, "binary": m.binary, "rows": rows, "chance": m.chance_method,
                        "chart": _chart(m, level)})
    counts = ", ".join(f"{k} {v:,}" for k, v in result.srm.counts.items())
    srm_text = (f"SAMPLE RATIO MISMATCH: units {counts} (chi-square p = {result.srm.p_value:.2g} < 0.001); "
                "assignment or logging is broken, do not trust the figures below." if result.srm.flag else
                f"Sample ratio: units {counts}; p = {result.srm.p_value:.3g}, no mismatch.")
    env = Environment(autoescape=select_autoescape(default=True, default_for_string=True))
    return env.from_string(_PAGE).render(title=title, subtitle=subtitle, srm=result.srm, srm_text=srm_text,
                                         metrics=metrics, level=level, notes=result.notes)
