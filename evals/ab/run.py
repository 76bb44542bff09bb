"""An online experiment end to end on a planted world: ``python -m evals.ab.run [--scale S] [--seed N]``.

Learned follow-up timing against the habit (3 business days after the last touch, 9:00 the contact's time),
randomised by contact, on a world of the follow-up evaluation (``evals/followup/worlds.py``) whose true reply
probability is known:

1. the world's history is written as CRM files and imported into a fresh workspace, whose ``experiments.toml``
   declares the experiment (unit contact, ``habit`` the control, 50/50);
2. at the world's end the copilot is asked, as the contact's rep (sales-ops for an account its owner never
   touched), when to follow up with each contact (the agent tool, as a question in the chat or Slack's Schedule
   button calls it): the experiment hook assigns the contact, shows its variant's moment and records the exposure;
3. the rep follows the suggestion: one e-mail at the moment shown, answered with the planted probability of that
   moment (a Bernoulli draw of ``world.truth``); touch and reply are imported into the CRM like any later history;
4. the outcomes table (``tools.experiments.outcomes``) is analysed (``tools.experiments.stats.analyze``): reply
   rate per arm, the difference and the relative lift of ``learned`` over ``habit`` with 95% intervals, the same
   after CUPED with the contacts' earlier reply rate, and the sample-ratio check;
5. the truth: both moments of every exposed contact valued by the planted probabilities, averaged over those
   contacts (the lift this experiment's contacts would see);
6. replications: the same contacts randomised again (another salt) with fresh outcome draws: how often the
   interval holds the truth.

Exits non-zero when the interval of the run misses the true lift, or the intervals of the replications hold it
less than 90% of the time.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Engine, select

from evals.followup import worlds
from tools.experiments.assign import assign
from tools.experiments.design import Experiment, load_experiments
from tools.experiments.outcomes import COVARIATE, experiment_table
from tools.experiments.stats import analyze

NAME = "followup-timing"
CONTROL, TREATMENT = "habit", "learned"
METRIC = "reply"
FLOOR_COVERAGE = 0.90
DECLARED = """# learned follow-up timing against the habit, randomised by contact
[[experiment]]
name = "{name}"
description = "The reply model's moment against 3 business days after the last touch at 9:00 the contact's time"
unit = "contact"
applies_to = "followup_time"
salt = "{salt}"
start = {start}
end = {end}
primary_metric = "reply"
guardrails = ["touches"]
control = "habit"
variants = [{{ name = "habit", weight = 1 }}, {{ name = "learned", weight = 1 }}]
"""


@dataclass
class Unit:
    email: str
    variant: str
    shown_at: dt.datetime
    learned_at: dt.datetime
    habit_at: dt.datetime
    p_learned: float
    p_habit: float


def crm_files(world: worlds.PlantedWorld, out: Path) -> dict[str, Path]:
    """The world's files plus what a Maven export adds (products, sales teams, an empty pipeline if the world
    has no deals), so the real importers load it."""
    paths = world.write(out)
    with (out / "products.csv").open("w", newline="", encoding="utf-8") as h:
        w = csv.writer(h)
        w.writerow(["product", "series", "sales_price"])
        w.writerows([p, "Planted", 1000] for p in sorted({d.product for d in world.deals} | {"Core Suite"}))
    with (out / "sales_teams.csv").open("w", newline="", encoding="utf-8") as h:
        w = csv.writer(h)
        w.writerow(["sales_agent", "manager", "regional_office", "timezone"])
        w.writerows([r.name, "Planted Manager", "Planted", r.tz.key] for r in world.reps)
    if "pipeline" not in paths:
        (out / "sales_pipeline.csv").write_text("opportunity_id,sales_agent,product,account,deal_stage,engage_date,"
                                                "close_date,close_value\n", encoding="utf-8")
    return paths


def workspace(world: worlds.PlantedWorld, work: Path, salt: str) -> tuple[Any, Engine, Experiment]:
    """A fresh workspace holding the world's CRM and the declared experiment."""
    from connectors.activities import import_activities
    from connectors.maven import import_maven
    from copilot.settings import Settings
    from copilot.workspace import open_database

    files = work / "files"
    paths = crm_files(world, files)
    declared = work / "experiments.toml"
    declared.write_text(DECLARED.format(name=NAME, salt=salt, start=_toml(world.end - dt.timedelta(days=1)),
                                        end=_toml(world.end + dt.timedelta(days=30))), encoding="utf-8")
    settings = Settings(home=work / "home", database_url=None, llm="offline", experiments_file=declared)
    engine = open_database(settings)
    for report in (import_maven(engine, files), import_activities(engine, paths["activities"], paths["contacts"])):
        if not report.committed:
            raise RuntimeError(f"the planted world did not import: {report.to_dict()}")
    return settings, engine, load_experiments(declared)[0]


def show(settings: Any, engine: Engine, world: worlds.PlantedWorld, emails: list[str]) -> list[dict[str, Any]]:
    """Ask the copilot, as each contact's rep, when to follow up with them; the experiment hook records each
    showing. Returns the exposures written."""
    from copilot.crm.models import Exposure
    from copilot.runner import Copilot

    now = world.end.astimezone(dt.UTC).replace(tzinfo=None)
    with Copilot(settings, engine, clock=lambda: now) as copilot:
        for i, email in enumerate(emails):
            rep = world.reps[world.by_email[email].owner].name
            answer = copilot.run_tool(rep, "next_followup", {"contact_email": email}, f"ab-{i}")
            if answer.get("type") == "ScopeError":  # an account its owner never touched: sales-ops asks
                answer = copilot.run_tool("ops", "next_followup", {"contact_email": email}, f"ab-{i}")
            if answer.get("error"):
                raise RuntimeError(f"no follow-up advice for {email}: {answer['error']}")
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(Exposure).order_by(Exposure.id))]


def follow(world: worlds.PlantedWorld, exposures: list[dict[str, Any]], out: Path, seed: int) -> Path:
    """The rep writes at the moment shown; the contact answers with the planted probability of that moment. The
    touches and replies as an activities file."""
    rng = random.Random(seed)
    path = out / "after.csv"
    with path.open("w", newline="", encoding="utf-8") as h:
        w = csv.writer(h)
        w.writerow(["activity_id", "occurred_at", "type", "direction", "sales_agent", "account", "contact_email",
                    "opportunity_id", "subject", "body", "in_reply_to"])
        for e in exposures:
            c = world.by_email[e["unit_id"]]
            rep, account = world.reps[c.owner].name, world.accounts[c.account].name
            at = dt.datetime.fromisoformat(e["shown"]["recommended_at"])
            touch = f"AB{e['id']:06d}"
            w.writerow([touch, at.isoformat(), "email", "outbound", rep, account, c.email, "", "Following up",
                        "", ""])
            if rng.random() < world.truth(c.email, at):
                reply = (at + dt.timedelta(minutes=rng.randint(10, 240))).astimezone(c.tz)
                w.writerow([f"{touch}R", reply.isoformat(), "email", "inbound", rep, account, c.email, "",
                            "Re: Following up", "", touch])
    return path


def truth(world: worlds.PlantedWorld, exposures: list[dict[str, Any]]) -> list[Unit]:
    """Each exposed contact's two moments (the model's and the habit's, both kept with the exposure whichever was
    shown) and the planted probability of a reply at each."""
    units = []
    for e in exposures:
        learned, habit = (dt.datetime.fromisoformat(e["shown"][k]) for k in ("learned_at", "habit_at"))
        units.append(Unit(e["unit_id"], e["variant"], dt.datetime.fromisoformat(e["shown"]["recommended_at"]),
                          learned, habit, world.truth(e["unit_id"], learned), world.truth(e["unit_id"], habit)))
    return units


def analyse(table: pd.DataFrame, experiment: Experiment, covariate: str | None = None) -> dict[str, Any]:
    """The experiment's primary metric per arm, and each variant against control (``tools.experiments.stats``):
    difference and relative lift with 95% intervals, p-value, CUPED when ``covariate`` is given, and the
    sample-ratio check against the declared split."""
    result = analyze(table, variant="variant", metric=experiment.primary_metric, control=experiment.control_name,
                     covariate=covariate, weights={v.name: v.weight for v in experiment.variants}).to_json()
    return {"method": "tools.experiments.stats.analyze", "variants": result["variants"], "srm": result["srm"]}


def arm(result: dict[str, Any], name: str) -> dict[str, Any]:
    return next(v for v in result["variants"] if v["name"] == name)


def true_effect(units: list[Unit]) -> dict[str, float]:
    """The planted difference and lift of the learned moment over the habit's, averaged over the contacts."""
    learned = float(np.mean([u.p_learned for u in units]))
    habit = float(np.mean([u.p_habit for u in units]))
    return {"learned": learned, "habit": habit, "diff": learned - habit, "rel_lift": learned / habit - 1}


def replicate(experiment: Experiment, units: list[Unit], replications: int, seed: int) -> dict[str, Any]:
    """The same contacts assigned with another salt and answered afresh from the planted probabilities, many
    times: the share of intervals (difference and relative lift) that hold the truth."""
    rng = np.random.default_rng(seed)
    effect = true_effect(units)
    p = np.asarray([[u.p_habit, u.p_learned] for u in units])
    covered = {"diff": 0, "rel_lift": 0}
    widths = []
    for r in range(replications):
        salted = experiment.model_copy(update={"salt": f"{experiment.salt}/replication-{r}"})
        treated = np.asarray([assign(salted, u.email).name == TREATMENT for u in units])  # type: ignore[union-attr]
        replied = rng.random(len(units)) < p[np.arange(len(units)), treated.astype(int)]
        table = pd.DataFrame({"unit": [u.email for u in units], "variant": np.where(treated, TREATMENT, CONTROL),
                              METRIC: replied.astype(int)})
        result = arm(analyse(table, salted), TREATMENT)
        for key in covered:
            low, high = result[f"{key}_ci"]
            covered[key] += low <= effect[key] <= high
        widths.append(result["diff_ci"][1] - result["diff_ci"][0])
    return {"replications": replications, "coverage": {k: v / replications for k, v in covered.items()},
            "mean_width": float(np.mean(widths))}


def run(*, world: str = "weekend", scale: float = 2.0, seed: int = 1, replications: int = 200,
        work: Path | None = None) -> dict[str, Any]:
    """The whole experiment on one planted world; the result as JSON-ready data."""
    with tempfile.TemporaryDirectory() as tmp:
        base = work or Path(tmp)
        started = time.perf_counter()
        w = worlds.WORLDS[world](scale=scale, seed=seed)
        settings, engine, experiment = workspace(w, base, salt=f"planted-{seed}")
        try:
            emails = [c.email for c in w.contacts]
            exposures = show(settings, engine, w, emails)
            units = truth(w, exposures)
            from connectors.activities import import_activities

            after = follow(w, exposures, base / "files", seed)
            if not import_activities(engine, after).committed:
                raise RuntimeError("the follow-up touches did not import")
            table = experiment_table(engine, experiment, w.end + dt.timedelta(days=30))
        finally:
            engine.dispose()
    result = analyse(table, experiment, covariate=COVARIATE)
    effect = true_effect(units)
    treated = arm(result, TREATMENT)
    as_assigned = sum(1 for u in units if u.shown_at == (u.learned_at if u.variant == TREATMENT else u.habit_at))
    return {"world": world, "scale": scale, "seed": seed, "contacts": len(w.contacts), "exposures": len(exposures),
            "units": len(table), "shown_as_assigned": as_assigned,
            "per_variant": table.groupby("variant")["unit"].count().to_dict(),
            "touches": int(table["touches"].sum()), "replies": int(table["replies"].sum()),
            "analysis": result, "truth": effect,
            "covers": {k: treated[f"{k}_ci"][0] <= effect[k] <= treated[f"{k}_ci"][1] for k in ("diff", "rel_lift")},
            "cuped_covers": bool(treated["cuped"]["diff_ci"][0] <= effect["diff"] <= treated["cuped"]["diff_ci"][1]),
            "replications": replicate(experiment, units, replications, seed),
            "seconds": time.perf_counter() - started}


def _toml(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def report(res: dict[str, Any]) -> bool:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=140)
    a = res["analysis"]
    table = Table(title=f"online experiment '{NAME}' on the planted world '{res['world']}' (scale {res['scale']}, "
                        f"seed {res['seed']}): {res['units']:,} contacts randomised, {res['touches']:,} touches, "
                        f"{res['replies']:,} replies within 3 business days", title_justify="left")
    for col in ("variant", "n", "reply rate", "diff vs habit [95%]", "relative lift [95%]", "p", "planted"):
        table.add_column(col, justify="left" if col == "variant" else "right")
    truth_ = res["truth"]
    for v in a["variants"]:
        planted = truth_["learned"] if v["name"] == TREATMENT else truth_["habit"]
        if "diff" in v and v["diff"] is not None:
            table.add_row(v["name"], f"{v['n']:,}", f"{v['mean']:.4f}",
                          f"{v['diff']:+.4f} [{v['diff_ci'][0]:+.4f}, {v['diff_ci'][1]:+.4f}]",
                          f"{v['rel_lift']:+.1%} [{v['rel_lift_ci'][0]:+.1%}, {v['rel_lift_ci'][1]:+.1%}]",
                          f"{v['p_value']:.2g}", f"{planted:.4f}")
        else:
            table.add_row(v["name"], f"{v['n']:,}", f"{v['mean']:.4f}", "control", "", "", f"{planted:.4f}")
    console.print(table)
    console.print(f"analysis: {a['method']}")
    console.print(f"planted truth for these contacts: difference {truth_['diff']:+.4f}, relative lift "
                  f"{truth_['rel_lift']:+.1%}; the interval holds it: difference "
                  f"{'yes' if res['covers']['diff'] else 'NO'}, lift {'yes' if res['covers']['rel_lift'] else 'NO'}")
    cuped, srm = arm(a, TREATMENT)["cuped"], a["srm"]
    console.print(f"CUPED ({cuped['covariate']}): difference {cuped['diff']:+.4f} [{cuped['diff_ci'][0]:+.4f}, "
                  f"{cuped['diff_ci'][1]:+.4f}], variance {cuped['variance_reduction']:.1%} lower; holds the truth: "
                  f"{'yes' if res['cuped_covers'] else 'no'}")
    console.print(f"sample ratio against the declared 50/50: p = {srm['p_value']:.3g}"
                  + (" - MISMATCH: assignment or logging is broken" if srm["flag"] else ""))
    rep = res["replications"]
    console.print(f"{rep['replications']} replications (randomised again, outcomes drawn again): the 95% interval "
                  f"holds the truth {rep['coverage']['diff']:.1%} of the time (difference), "
                  f"{rep['coverage']['rel_lift']:.1%} (lift); mean width {rep['mean_width']:.4f}")
    console.print(f"{res['seconds']:.1f} s")
    return all(res["covers"].values()) and min(rep["coverage"].values()) >= FLOOR_COVERAGE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.ab.run")
    parser.add_argument("--world", default="weekend", choices=sorted(worlds.WORLDS))
    parser.add_argument("--scale", type=float, default=2.0, help="size of the planted world")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--replications", type=int, default=200)
    parser.add_argument("--json", type=Path, help="also write the result here")
    args = parser.parse_args(argv)
    res = run(world=args.world, scale=args.scale, seed=args.seed, replications=args.replications)
    if args.json:
        args.json.write_text(json.dumps(res, indent=2, default=str))
    return 0 if report(res) else 1


if __name__ == "__main__":
    sys.exit(main())
