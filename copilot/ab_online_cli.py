"""``copilot ab list | assign | table``: the workspace's online experiments, who gets what, and an experiment's
outcomes table (one row per randomised unit, the input of ``copilot ab analyze``). It wires settings, the database
and ``tools/experiments``; the work is there.

``register(app)`` adds the commands to a typer app (the ``ab`` group); ``ab_online_app`` is one on its own.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from copilot.crm.values import visible

out = Console(soft_wrap=True, markup=False, highlight=False)
err = Console(stderr=True, soft_wrap=True, markup=False, highlight=False)

AsJson = Annotated[bool, typer.Option("--json", help="Print one JSON object.")]
At = Annotated[str | None, typer.Option("--at", help="The moment (ISO 8601; default: now).")]


def _shown(text: object) -> str:
    return visible(text)


def _fail(message: object) -> typer.Exit:
    err.print(Text.assemble(("error:", "bold red"), f" {_shown(message)}"))
    return typer.Exit(2)


def _settings():  # noqa: ANN202
    from copilot.settings import SettingsError, checked_settings

    try:
        return checked_settings()
    except SettingsError as exc:
        raise _fail(str(exc)) from None


def _declared(settings):  # noqa: ANN001, ANN202
    from tools.experiments.design import ExperimentsFileError, experiments_for

    try:
        experiments = experiments_for(settings)
    except ExperimentsFileError as exc:
        raise _fail(exc) from None
    if not experiments:
        raise _fail(f"{settings.experiments_path}: no experiments declared (see COPILOT_EXPERIMENTS_FILE)")
    return experiments


def _writable(path: Path) -> None:
    """Fail before any work when ``path`` cannot be the file written: a folder, or a name with no file part."""
    if not path.name or path.is_dir():
        raise _fail(f"{path}: is a folder; give a file name")


def _write(path: Path, write) -> None:  # noqa: ANN001
    """``write(temporary)`` beside ``path``, then renamed into place: the file is whole or not there."""
    temporary = path.with_name(path.name + ".part")
    try:
        write(temporary)
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise _fail(f"{path}: cannot be written ({exc.strerror or exc})") from None


def _moment(value: str | None) -> dt.datetime:
    from tools.followup.batch import parse_now

    try:
        return parse_now(value, "--at")
    except ValueError as exc:
        raise _fail(exc) from None


def list_cmd(as_json: AsJson = False, at: At = None) -> None:
    """The declared experiments: unit, suggestion, variants and shares, window, and exposures so far."""
    from sqlalchemy import func, select

    from copilot.crm.models import Exposure
    from copilot.workspace import open_database

    settings = _settings()
    experiments = _declared(settings)
    now = _moment(at)
    engine = open_database(settings)
    try:
        with engine.connect() as conn:
            seen = {name: (n, units) for name, n, units in conn.execute(
                select(Exposure.experiment, func.count(), func.count(func.distinct(Exposure.unit_id)))
                .group_by(Exposure.experiment))}
    finally:
        engine.dispose()
    rows = []
    for e in experiments:
        total = sum(v.weight for v in e.variants)
        rows.append({"name": e.name, "unit": e.unit, "applies_to": e.applies_to, "control": e.control_name,
                     "variants": [{"name": v.name, "uses": v.shows, "share": v.weight / total} for v in e.variants],
                     "start": e.start.isoformat(), "end": e.end.isoformat(), "running": e.running(now),
                     "primary_metric": e.primary_metric, "guardrails": list(e.guardrails),
                     "exposures": seen.get(e.name, (0, 0))[0], "units": seen.get(e.name, (0, 0))[1]})
    if as_json:
        out.print_json(json.dumps({"file": str(settings.experiments_path), "experiments": rows}))
        return
    table = Table(title=f"experiments in {_shown(settings.experiments_path)}", title_justify="left")
    for column in ("name", "unit", "decides", "variants (share, control first)", "window", "metrics", "exposures"):
        table.add_column(column)
    for r in rows:
        variants = sorted(r["variants"], key=lambda v: v["name"] != r["control"])
        table.add_row(_shown(r["name"]), r["unit"], r["applies_to"],
                      ", ".join(f"{_shown(v['name'])} {v['share']:.0%}" for v in variants),
                      f"{r['start'][:16]} to {r['end'][:16]}" + (" (running)" if r["running"] else ""),
                      ", ".join([r["primary_metric"], *r["guardrails"]]), f"{r['exposures']:,} ({r['units']:,} units)")
    out.print(table)


def assign_cmd(
    unit: Annotated[str, typer.Argument(help="A contact's e-mail, an account's or a rep's name, or a thread id.")],
    experiment: Annotated[str | None, typer.Option("--experiment", help="Only this experiment.")] = None,
    as_json: AsJson = False,
    at: At = None,
) -> None:
    """Who gets what: the variant UNIT is in, in each experiment randomising its kind of unit (none outside the
    experiment's window)."""
    from tools.experiments.assign import assign, unit_key
    from tools.experiments.design import ExperimentsFileError, find

    settings = _settings()
    experiments = _declared(settings)
    if experiment is not None:
        try:
            experiments = (find(experiments, experiment, settings.experiments_path),)
        except ExperimentsFileError as exc:
            raise _fail(exc) from None
    now = _moment(at)
    rows = []
    for e in experiments:
        variant = assign(e, unit, now)
        rows.append({"experiment": e.name, "unit": e.unit, "unit_id": unit_key(e.unit, unit),
                     "variant": variant.name if variant else None, "uses": variant.shows if variant else None,
                     "running": e.running(now)})
    if as_json:
        out.print_json(json.dumps(rows))
        return
    for r in rows:
        what = (f"{_shown(r['variant'])} (shows {r['uses']})" if r["variant"] else
                "not assigned: the experiment is not running then" if not r["running"] else
                "not assigned: no unit id")
        out.print(f"{_shown(r['experiment'])}: {r['unit']} {_shown(r['unit_id'])} -> {what}")


def table_cmd(
    name: Annotated[str, typer.Argument(help="The experiment's name.")],
    csv_out: Annotated[Path | None, typer.Option("--csv", help="Write the table here (CSV) instead of printing "
                                                               "a summary.")] = None,
    at: At = None,
) -> None:
    """The experiment's outcomes, one row per randomised unit (variant, metrics, pre-period covariate): the
    input of ``copilot ab analyze FILE.csv --variant-col variant --metric-col reply --covariate-col
    pre_reply_rate``."""
    from copilot.workspace import open_database
    from tools.experiments.design import ExperimentsFileError, find
    from tools.experiments.outcomes import experiment_table

    if csv_out is not None:
        _writable(csv_out)
    settings = _settings()
    try:
        chosen = find(_declared(settings), name, settings.experiments_path)
    except ExperimentsFileError as exc:
        raise _fail(exc) from None
    engine = open_database(settings)
    try:
        table = experiment_table(engine, chosen, _moment(at))
    finally:
        engine.dispose()
    if csv_out is not None:
        _write(csv_out, lambda part: table.to_csv(part, index=False))
        out.print(f"{len(table):,} units written to {_shown(csv_out)}")
        return
    summary = Table(title=f"{_shown(chosen.name)}: {len(table):,} units", title_justify="left")
    metrics = chosen.metrics
    for column in ("variant", "units", *metrics, chosen.unit + "s complete"):
        summary.add_column(column, justify="left" if column == "variant" else "right")
    for variant in [v.name for v in chosen.variants]:
        part = table[table["variant"] == variant]
        summary.add_row(_shown(variant), f"{len(part):,}",
                        *(f"{part[m].mean():.4g}" if len(part) else "-" for m in metrics),
                        f"{int(part['complete'].sum()):,}")
    out.print(summary)


def report_cmd(
    name: Annotated[str, typer.Argument(help="The experiment's name.")],
    html: Annotated[Path | None, typer.Option("--html", help="Also write the report as an HTML page with charts.")]
    = None,
    as_json: AsJson = False,
    at: At = None,
) -> None:
    """An experiment's analysis: its outcomes per randomised unit (intention to treat), each variant against
    control on the primary metric and the guardrails, CUPED on the pre-period reply rate, the sample-ratio
    check."""
    from copilot.ab_cli import render
    from copilot.workspace import open_database
    from tools.experiments.design import ExperimentsFileError
    from tools.experiments.outcomes import COVARIATE, report_table
    from tools.experiments.report import render_html
    from tools.experiments.stats import analyze
    from tools.experiments.tables import DataError

    if html is not None:
        _writable(html)
    settings = _settings()
    now = _moment(at)
    engine = open_database(settings)
    try:
        experiment, table = report_table(engine, settings.experiments_path, name, now)
    except ExperimentsFileError as exc:
        raise _fail(exc) from None
    finally:
        engine.dispose()
    if table.empty:
        raise _fail(f"experiment '{name}': no exposures yet, nothing to analyse")
    seen = table["variant"].value_counts()
    unseen = [v.name for v in experiment.variants if v.name not in seen.index]
    if unseen:  # else the sample-ratio check would call the declared variant unknown
        so_far = ", ".join(f"{_shown(v)} {n:,}" for v, n in seen.items())
        raise _fail(f"experiment '{name}': variant '{unseen[0]}' has no {experiment.unit} exposed yet ({so_far}); "
                    "nothing to compare it with")
    try:
        analysis = analyze(table, variant="variant", metric=list(experiment.metrics), covariate=COVARIATE,
                           control=experiment.control_name, weights={v.name: v.weight for v in experiment.variants})
    except DataError as exc:
        raise _fail(f"experiment '{name}': {exc.reason}") from None
    if as_json:
        out.print_json(json.dumps(analysis.to_json()))
    else:
        render(analysis)
    if html is not None:
        page = render_html(analysis, title=f"Experiment {experiment.name}",
                           subtitle=f"{len(table):,} {experiment.unit}s, as of {now:%Y-%m-%d %H:%M} UTC; "
                                    f"control {experiment.control_name}; primary metric {experiment.primary_metric}")
        _write(html, lambda part: part.write_text(page, encoding="utf-8"))
        if not as_json:
            out.print(f"report written to {_shown(html)}")


def register(app: typer.Typer) -> None:
    """Add ``list``, ``assign``, ``table`` and ``report`` to ``app`` (the ``ab`` group)."""
    app.command("list")(list_cmd)
    app.command("assign")(assign_cmd)
    app.command("table")(table_cmd)
    app.command("report")(report_cmd)


ab_online_app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                            help="Online experiments: which variant each unit gets, and the outcomes.")
register(ab_online_app)
