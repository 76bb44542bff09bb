"""``copilot eval``: run a dataset under named variants, and compare runs. It wires the settings, the variants
file and the evaluation engine (``copilot.evaluation``); the work is done there."""

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

eval_app = typer.Typer(no_args_is_help=True, help="Evaluate the copilot offline: datasets under named variants.")
out = Console(soft_wrap=True, markup=False, highlight=False)
err = Console(stderr=True, soft_wrap=True, markup=False, highlight=False)


def _shown(text: object) -> str:
    """Text from outside made safe for a terminal: control characters as visible codes."""
    return visible(text)


def _fail(message: str) -> typer.Exit:
    err.print(Text.assemble(("error:", "bold red"), f" {_shown(message)}"))
    return typer.Exit(2)


def _folder(path: Path) -> None:
    """Fail before any work when the reports cannot go to ``path`` (a file is there)."""
    if path.exists() and not path.is_dir():
        raise _fail(f"--out {path}: is a file, not a folder")


def _settings():  # noqa: ANN202
    from copilot.settings import SettingsError, checked_settings

    try:
        return checked_settings()
    except SettingsError as exc:
        raise _fail(str(exc)) from None


def _pct(x: float) -> str:
    return "n/a" if x != x else f"{100 * x:.1f}%"


def _print_pair(p) -> None:  # noqa: ANN001
    r = p.result
    a, b = _shown(p.a.label), _shown(p.b.label)
    if r.n == 0:
        out.print(f"{b} against {a}: no case was judged in both, nothing to pair (are they runs of one dataset?)")
        return
    out.print(f"{b} against {a}: {r.n} cases paired; only {a} passes {r.only_a}, only "
              f"{b} passes {r.only_b}; exact McNemar p = {r.mcnemar_p:.4f}; difference "
              f"{100 * r.diff:+.1f} points (95% paired bootstrap {100 * r.diff_ci[0]:+.1f} to {100 * r.diff_ci[1]:+.1f})")
    for f in p.flips[:20]:
        out.print(f"  {'pass -> FAIL' if f.a else 'FAIL -> pass'}  {_shown(f.id)}: {_shown(f.question[:70])}  "
                  f"{_shown(f.why[:120])}")
    if len(p.flips) > 20:
        out.print(f"  ... and {len(p.flips) - 20} more (see the report)")


@eval_app.command("run")
def run_cmd(
    dataset: Annotated[Path, typer.Option("--dataset", help="The cases: JSON lines {id, user, input, expect}.",
                                          readable=False)],
    variant: Annotated[list[str], typer.Option("--variant", help="A variant to run (repeat for several).")],
    out_dir: Annotated[Path, typer.Option("--out", help="Where results.jsonl and the reports are written.")],
    trials: Annotated[int, typer.Option("--trials", min=1, max=100, help="Runs of every case.")] = 1,
    variants_file: Annotated[Path | None, typer.Option("--variants-file", readable=False,
                                                       help="The variants (default: evals/variants.toml).")] = None,
    plugin: Annotated[list[str] | None, typer.Option("--plugin", help="A module of extra evaluators, by name "
                                                                        "(e.g. evals.emails.evaluator).")] = None,
    judge: Annotated[str | None, typer.Option("--judge", help="A judge model for rubric checks, at the "
                                                              "OpenAI-compatible endpoint (default: none).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Cases of a remote model in flight.")] = 8,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Ask every case again; keep nothing.")] = False,
    cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help="Kept answers (default: eval-cache in the "
                                                                         "workspace).")] = None,
    now: Annotated[str | None, typer.Option("--now", help="A fixed 'now' for every question (ISO date-time, "
                                                          "UTC).")] = None,
) -> None:
    """Run every case of DATASET under every --variant, --trials times, and write the results and reports."""
    from copilot.evaluation import dataset as datasets
    from copilot.evaluation import registry, variants
    from copilot.evaluation.engine import judge_model, run

    _folder(out_dir)
    settings = _settings()
    clock = None
    if now is not None:
        try:
            moment = dt.datetime.fromisoformat(now)
        except ValueError:
            raise _fail(f"--now: not an ISO date-time: {now!r}") from None
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment
        clock = lambda: moment  # noqa: E731
    if judge and not (settings.openai_api_key or settings.openai_base_url):
        raise _fail("--judge needs an OpenAI-compatible endpoint: set OPENAI_API_KEY (and OPENAI_BASE_URL)")
    try:
        registry.load(plugin or [])
        specs = variants.pick(variants.load(variants_file), list(variant), variants_file)
        cases = datasets.load(dataset, known=registry.known())
        result = run(cases, specs, out=out_dir, settings=settings, trials=trials,
                     cache_dir=None if no_cache else (cache_dir or settings.home / "eval-cache"),
                     judge=judge_model(settings, judge) if judge else None, clock=clock, workers=workers,
                     progress=True, dataset=dataset)
    except (datasets.DatasetError, variants.VariantsError, registry.PluginError) as exc:
        raise _fail(str(exc)) from None  # a bad dataset, variants file or plugin: one line, nothing written
    except OSError as exc:  # the results, the reports or the cache cannot be written
        raise _fail(f"{exc.filename or out_dir}: cannot be written ({exc.strerror or exc})") from None
    from copilot.evaluation.summary import pair, side, split

    by = split(result.rows)
    sides = [side(by[s.name]) for s in specs]
    table = Table(title=f"{len(cases)} cases x {trials} trial(s): {result.calls} asked, "
                        f"{len(result.rows) - result.calls} from the cache", title_justify="left")
    for column in ("variant", "hash", "prompt", "pass rate", "95% Wilson", "errors"):
        table.add_column(column)
    for s in sides:
        table.add_row(_shown(s.label), s.variant_hash, s.prompt_version, _pct(s.pass_rate),
                      f"{_pct(s.ci[0])} to {_pct(s.ci[1])}", str(s.errors))
    out.print(table)
    for s in sides[1:]:
        _print_pair(pair(sides[0], s))
    out.print(f"wrote {out_dir / 'results.jsonl'}, {out_dir / 'report.md'}, {out_dir / 'report.html'}")


@eval_app.command("compare")
def compare_cmd(
    dir_a: Annotated[Path, typer.Argument(help="The earlier run (its --out folder).")],
    dir_b: Annotated[Path, typer.Argument(help="The later run.")],
    out_dir: Annotated[Path | None, typer.Option("--out", help="Write report.md and report.html here.")] = None,
    variant_a: Annotated[str | None, typer.Option("--a-variant", help="The variant of run A (if it has several).")]
    = None,
    variant_b: Annotated[str | None, typer.Option("--b-variant", help="The variant of run B (if it has several).")]
    = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Compare two runs case by case (paired by case id): McNemar, bootstrap interval, cases that flipped."""
    from copilot.evaluation.compare import compare
    from copilot.evaluation.dataset import DatasetError

    if out_dir is not None:
        _folder(out_dir)
    try:
        p = compare(dir_a, dir_b, variant_a=variant_a, variant_b=variant_b, out=out_dir)
    except DatasetError as exc:
        raise _fail(str(exc)) from None
    except OSError as exc:
        raise _fail(f"{exc.filename or out_dir}: cannot be written ({exc.strerror or exc})") from None
    if as_json:
        r = p.result
        out.print_json(json.dumps({
            "a": {"label": p.a.label, "hash": p.a.variant_hash, "prompt_version": p.a.prompt_version,
                  "pass_rate": p.a.pass_rate}, "b": {"label": p.b.label, "hash": p.b.variant_hash,
                                                      "prompt_version": p.b.prompt_version, "pass_rate": p.b.pass_rate},
            "paired": r.n, "only_a": r.only_a, "only_b": r.only_b, "mcnemar_p": r.mcnemar_p, "diff": r.diff,
            "diff_ci": list(r.diff_ci), "flipped": [f.__dict__ for f in p.flips]}))
        return
    for s in (p.a, p.b):
        out.print(f"{_shown(s.label)}: pass rate {_pct(s.pass_rate)} ({_pct(s.ci[0])} to {_pct(s.ci[1])}), "
                  f"{s.cases} cases, hash {s.variant_hash}, prompt {s.prompt_version}")
    _print_pair(p)
    if out_dir is not None:
        out.print(f"wrote {out_dir / 'report.md'}, {out_dir / 'report.html'}")
