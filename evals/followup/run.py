"""The follow-up timing evaluation: ``python -m evals.followup.run [--contacts N] [--json FILE]``.

For each planted world (see ``planted.py``): learn from its canonical files exactly as
``copilot followup --activities ... --batch`` does, then

- score policies by the true reply probability of the moment each chooses in the next 10 days,
  divided by the best achievable one (every hour of those days), for warm contacts (touched before)
  and cold ones (never touched): the learned recommender, a plain logistic regression with sector × hour
  and sector × weekday terms (``plain.py``), 3 business days at 9:00, the rep's habit, and a random
  working-hours slot;
- report calibration (Brier, ECE) on the later time slice by prior touches;
- estimate the recommender's reply rate off-policy from the logged touches (IPS, self-normalised
  IPS, doubly robust, with 95% intervals) and check each against the planted truth.

Exits non-zero when a floor is missed (0.85 of achievable overall, 0.80 for cold contacts) or an
estimator's interval misses the truth in more than a third of the independent logged histories.
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
from pathlib import Path
from typing import Any

import numpy as np

from evals.followup import planted, worlds
from evals.followup.ceiling import ceiling
from evals.followup.plain import NAME as PLAIN, PlainRegression
from tools.followup import Timing
from tools.followup.history import contact_state, from_files
from tools.followup.recommend import _fields, baseline_moment

FLOOR_ALL, FLOOR_COLD = 0.85, 0.80
FLOOR_WORLD, FLOOR_WORLD_COLD, CEILING_ECE = 0.90, 0.85, 0.03
"""floors on the worlds of ``worlds.py``: share of the achievable reply probability, overall and for
contacts never touched, and the calibration error of the figure a rep is shown"""
HORIZON = 10


def _true(world: planted.World, c: planted.Contact, state: Any, at: dt.datetime) -> float:
    local = at.astimezone(c.tz)
    gap = None if state.last_touch is None else planted.business_days_between(state.last_touch.astimezone(c.tz).date(),
                                                                     local.date())
    return world.probability(c, local, gap, state.unanswered)


def _habit(c: planted.Contact, state: Any, now: dt.datetime) -> dt.datetime:
    rep = c.rep
    assert rep is not None
    base = state.last_touch.astimezone(rep.tz).date() if state.last_touch else now.astimezone(rep.tz).date()
    when = dt.datetime.combine(planted.add_business_days(base, rep.habit_gap), dt.time(rep.habit_hour), rep.tz)
    while when <= now:
        when = dt.datetime.combine(planted.add_business_days(when.date(), 1), dt.time(rep.habit_hour), rep.tz)
    return when


def score_world(world: planted.World, rows: list[list], decisions: list[planted.Decision], work: Path,
                *, queries: int = 4000, seed: int = 5) -> dict[str, Any]:
    paths = planted.write(world, rows, work)
    start = time.perf_counter()
    log = from_files(paths["activities"], paths["contacts"], paths["accounts"])
    timing = Timing.from_log(log)
    train_s = time.perf_counter() - start
    plain = PlainRegression(log)
    now = planted.END
    rng = random.Random(seed)
    ratios: dict[str, dict[str, list[float]]] = {p: {"warm": [], "cold": []}
                                                  for p in ("learned", PLAIN, "3 business days at 9:00",
                                                            "rep's habit", "random working hour")}
    asked = world.contacts if len(world.contacts) <= queries else random.Random(seed).sample(world.contacts, queries)
    for c in asked:
        state = contact_state(log, c.email, now)
        group = "warm" if state.prior else "cold"
        grid = [now.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=h) for h in range(1, 24 * HORIZON + 1)]
        truth = [_true(world, c, state, g) for g in grid]
        best = max(truth)
        chosen = timing.recommend(c.email, now).best.at
        info = log.contacts[c.email]
        working = [g for g in grid if g.astimezone(c.tz).weekday() < 5 and 8 <= g.astimezone(c.tz).hour < 18]
        picks = {"learned": chosen, PLAIN: plain.pick(info.sector, info.timezone, grid),
                 "3 business days at 9:00": baseline_moment(info, state, now),
                 "rep's habit": _habit(c, state, now), "random working hour": rng.choice(working)}
        for policy, at in picks.items():
            ratios[policy][group].append(_true(world, c, state, at) / best)
    out: dict[str, Any] = {"world": world.name, "contacts": len(world.contacts), "asked": len(asked),
                           "touches": len(log.touches),
                           "train_seconds": train_s,
                           "policies": {}, "calibration": timing.model.calibration.rows,
                           "slices": timing.model.calibration.slices}
    for policy, groups in ratios.items():
        everyone = groups["warm"] + groups["cold"]
        out["policies"][policy] = {"all": float(np.mean(everyone)), "warm": float(np.mean(groups["warm"])),
                                   "cold": float(np.mean(groups["cold"])), "n_warm": len(groups["warm"]),
                                   "n_cold": len(groups["cold"])}
    out["ope"] = [off_policy(world, rows, decisions, work / "ope")]
    return out


def off_policy(world: planted.World, rows: list[list], decisions: list[planted.Decision], work: Path,
               folds: int = 2, seed: int = 3, chunk: int = 400) -> dict[str, Any]:
    """The recommender restricted to the logging policy's actions (gap 1-8 business days, hour 7-19 in
    the rep's time zone), valued on the logged touches by IPS, SNIPS and DR, against the truth.

    Cross-fitted: the accounts are dealt into ``folds`` groups, and a decision is valued with a model
    learned from the other groups' touches only. A model learned from the very touches it is valued on
    has seen their outcomes (a contact's own level and hours are fitted to them), so it would pick the
    logged moments that happened to be answered, and every estimator would over-value it. The reward
    model of DR is the same out-of-fold reply model."""
    accounts = sorted({c.account for c in world.contacts})
    random.Random(seed).shuffle(accounts)
    fold_of = {a: i % folds for i, a in enumerate(accounts)}
    parts: list[tuple[np.ndarray, ...]] = []
    for k in range(folds):
        paths = planted.write(world, [r for r in rows if fold_of[r[5]] != k], work / f"fold-{k}")
        log = from_files(paths["activities"], paths["contacts"], paths["accounts"])
        parts.append(_valued(world, log, Timing.from_log(log),
                             [d for d in decisions if fold_of[d.contact.account] == k], chunk))
    v_true, w, r, ql, qt = (np.concatenate(col) for col in zip(*parts, strict=True))
    n = len(w)
    truth = float(np.mean(v_true))

    def interval(terms: np.ndarray) -> tuple[float, float, float]:
        m, se = float(terms.mean()), float(terms.std(ddof=1) / np.sqrt(n))
        return m, m - 1.96 * se, m + 1.96 * se

    snips = float((w * r).sum() / w.sum()) if w.sum() else float("nan")
    snips_se = float(np.sqrt(np.sum((w * (r - snips)) ** 2)) / w.sum()) if w.sum() else float("nan")  # delta method
    est = {"IPS": interval(w * r), "SNIPS": (snips, snips - 1.96 * snips_se, snips + 1.96 * snips_se),
           "DR": interval(qt + w * (r - ql))}
    explored = int(((w > 0) & (w > 50)).sum())
    return {"decisions": n, "matched": int((w > 0).sum()), "matched_by_exploration": explored, "truth": truth,
            "folds": folds, "direct_method": float(qt.mean()), "logged_reply_rate": float(r.mean()),
            "estimates": {k: {"value": v[0], "low": v[1], "high": v[2], "covers_truth": v[1] <= truth <= v[2]}
                          for k, v in est.items()}}


def _valued(world: planted.World, log: Any, timing: Timing, decisions: list[planted.Decision], chunk: int
            ) -> tuple[np.ndarray, ...]:
    """For each logged decision: the planted value of the recommender's pick, the importance weight of the
    logged action (1/propensity when it is the pick, else 0), the logged reward, and the reply model's
    figure for the logged action and for the pick."""
    actions = [(g, h) for g in planted.GAPS for h in planted.HOURS]
    index = {a: i for i, a in enumerate(actions)}
    model = timing.model
    v_true, weights, rewards, q_logged, q_target = [], [], [], [], []
    for begin in range(0, len(decisions), chunk):
        part = decisions[begin:begin + chunk]
        fields: dict[str, list[np.ndarray]] = {}
        all_moments = []
        for d in part:
            c, rep = d.contact, d.contact.rep
            assert rep is not None
            base = d.last.astimezone(rep.tz).date()
            moments = [dt.datetime.combine(planted.add_business_days(base, g), dt.time(h), rep.tz)
                       for g, h in actions]
            all_moments.append(moments)
            state = _State(d.last.astimezone(c.tz), d.unanswered)
            for k, v in _fields(log.contacts[c.email], state, moments, "email").items():
                fields.setdefault(k, []).append(v)
        q_all = model.probability({k: np.concatenate(v) for k, v in fields.items()}).reshape(len(part), -1)
        for d, q, moments in zip(part, q_all, all_moments, strict=True):
            pick = int(np.argmax(q))
            v_true.append(_true(world, d.contact, _State(d.last.astimezone(d.contact.tz), d.unanswered),
                                moments[pick]))
            logged = index.get((d.gap, d.hour))
            weights.append((1.0 / d.propensity) if logged == pick else 0.0)
            rewards.append(float(d.replied))
            q_logged.append(float(q[logged]) if logged is not None else float(q[pick]))
            q_target.append(float(q[pick]))
    return tuple(np.asarray(x, dtype=float) for x in (v_true, weights, rewards, q_logged, q_target))


class _State:
    """A contact's state at a logged decision (what the truth and the model need)."""

    def __init__(self, last: dt.datetime, unanswered: int) -> None:
        self.last_touch, self.unanswered, self.stage, self.prior = last, unanswered, "unknown", 1
        self.recent_times, self.last_reply = (last.timestamp(),), None


def run(contacts: int, queries: int, seed: int, replications: int = 3) -> list[dict[str, Any]]:
    """Each world: policies, calibration and off-policy estimates on one logged history, then off-policy
    estimates on ``replications - 1`` more independent histories (a 95% interval misses the truth one
    time in twenty: one history alone cannot say whether an estimator's intervals are honest)."""
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("sector", "shifted"):
            world = planted.build(name, contacts=contacts, seed=seed)
            rows, decisions = planted.simulate(world, seed=seed + 1)
            result = score_world(world, rows, decisions, Path(tmp) / name, queries=queries)
            for r in range(1, replications):
                again = planted.build(name, contacts=contacts, seed=seed + 100 * r)
                rows, decisions = planted.simulate(again, seed=seed + 100 * r + 1)
                result["ope"].append(off_policy(again, rows, decisions, Path(tmp) / f"{name}-{r}"))
            results.append(result)
    return results


def expected_calibration_error(p: np.ndarray, truth: np.ndarray, bins: int = 10) -> float:
    """Mean |figure shown - planted truth| over ten equal-count bins of the figure, weighted by size."""
    order = np.argsort(p, kind="stable")
    return float(sum(abs(p[part].mean() - truth[part].mean()) * len(part)
                     for part in np.array_split(order, bins) if len(part)) / len(p))


def tell_segments(world: Any, contacts: Path) -> None:
    """Rewrite ``contacts`` (a world's contacts.csv) with each contact's title replaced by their planted segment,
    written as one word: what the model reaches when it is told who keeps alike hours (it still learns each
    segment's hours, and that the word names them, from the history)."""
    key = {c.email.lower(): "segment" + "".join(ch for ch in c.segment.key.lower() if ch.isalnum())
           for c in world.contacts}
    with contacts.open(newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    title, email = rows[0].index("title"), rows[0].index("contact_email")
    for row in rows[1:]:
        if row[title] and row[email].lower() in key:
            row[title] = key[row[email].lower()]
    with contacts.open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)


def score_other(world: Any, work: Path, queries: int, segments_known: bool = False) -> dict[str, Any]:
    """A world of ``worlds.py``: learn from its files as ``copilot followup --activities ...`` does,
    then, for each contact asked about, the true reply probability of the moment chosen over the best
    of every hour of the next 10 days (a contact who can answer at no moment of them has no share, and is
    counted apart); and whether the figures shown are right (the planted truth, not noisy outcomes, so a
    small world can be judged too)."""
    paths = world.write(work)
    if segments_known:
        tell_segments(world, paths["contacts"])
    start = time.perf_counter()
    log = from_files(paths["activities"], paths["contacts"], paths["accounts"], paths.get("pipeline"))
    timing = Timing.from_log(log)
    train_s = time.perf_counter() - start
    plain = PlainRegression(log)
    ratios: dict[str, dict[str, list[float]]] = {p: {"warm": [], "cold": []} for p in (
        "learned", PLAIN, "3 business days at 9:00", "random working hour")}
    shown, truth_shown, anywhere, truth_anywhere = [], [], [], []
    latency = []
    asked = world.queries(queries, seed=1)
    reachable = []  # the contacts some moment of the ten days can reach: the shares are of theirs
    for q in asked:
        email = q.email.lower()
        grid = [q.now.replace(minute=0, second=0, microsecond=0) + dt.timedelta(hours=h)
                for h in range(1, 24 * HORIZON + 1)]
        truth = np.asarray([world.truth(email, g) for g in grid])
        t0 = time.perf_counter()
        rec = timing.recommend(email, q.now)
        latency.append(time.perf_counter() - t0)
        info = log.contacts[email]
        state = contact_state(log, email, q.now)
        rng = random.Random(email)
        tz = planted.ZoneInfo(info.timezone)
        working = [g for g in grid if g.astimezone(tz).weekday() < 5 and 8 <= g.astimezone(tz).hour < 18]
        picks = {"learned": rec.best.at, PLAIN: plain.pick(info.sector, info.timezone, grid),
                 "3 business days at 9:00": baseline_moment(info, state, q.now),
                 "random working hour": rng.choice(working)}
        group = "warm" if q.warm else "cold"
        best = float(truth.max())
        if best > 0:  # else no moment of the ten days can be answered (away, or on holiday, throughout)
            reachable.append(q)
            for policy, at in picks.items():
                ratios[policy][group].append(world.truth(email, at) / best)
        shown.append(rec.best.p_reply)
        truth_shown.append(world.truth(email, rec.best.at))
        k = rng.randrange(len(grid))
        anywhere.append(float(timing.model.probability(_fields(info, state, [grid[k].astimezone(tz)], "email",
                                                                  timing.model.functions))[0]))
        truth_anywhere.append(float(truth[k]))
    out: dict[str, Any] = {"world": world.name, "description": world.description, "touches": len(log.touches),
                           "segments_known": segments_known,
                           "asked": len(shown), "unreachable": len(asked) - len(reachable), "train_seconds": train_s,
                           "recommend_ms_p50": 1000 * float(np.median(latency)), "policies": {},
                           "ece_shown": expected_calibration_error(np.asarray(shown), np.asarray(truth_shown)),
                           "ece_any_hour": expected_calibration_error(np.asarray(anywhere), np.asarray(truth_anywhere)),
                           "mean_shown": float(np.mean(shown)), "mean_truth_shown": float(np.mean(truth_shown)),
                           "calibration": timing.model.calibration.rows,
                           "ceiling": ceiling(world, reachable)}
    for policy, groups in ratios.items():
        everyone = groups["warm"] + groups["cold"]
        out["policies"][policy] = {"all": float(np.mean(everyone)), "warm": float(np.mean(groups["warm"] or [np.nan])),
                                   "cold": float(np.mean(groups["cold"] or [np.nan])), "n_warm": len(groups["warm"]),
                                   "n_cold": len(groups["cold"])}
    return out


def report_other(results: list[dict[str, Any]]) -> bool:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=150)
    table = Table(title="worlds shaped another way (evals/followup/worlds.py): share of the achievable reply "
                        "probability, and the calibration error of the figure shown (against the planted truth)",
                  title_justify="left")
    for col in ("world", "touches", "learned all", "warm", "cold", "ceiling all", "ceiling cold", "plain LR",
                "3 bd at 9:00", "random hour", "ECE shown", "ECE any hour", "ECE latest slice", "trained", "verdict"):
        table.add_column(col, justify="left" if col in ("world", "verdict") else "right")
    ok = True
    for res in results:
        learned = res["policies"]["learned"]
        sliced = next((r for r in res["calibration"] if r.get("p") == "calibrated" and r["group"] == "all"), {})
        passed = (learned["all"] >= FLOOR_WORLD and not learned["cold"] < FLOOR_WORLD_COLD
                  and res["ece_shown"] < CEILING_ECE)
        ok &= passed
        best = res["ceiling"]["bayes"]
        verdict = "ok" if passed else "MISSED"
        if not passed and (best["all"] < FLOOR_WORLD or best["cold"] < FLOOR_WORLD_COLD):
            verdict = "MISSED (so would any policy)"
        table.add_row(res["world"], f"{res['touches']:,}", f"{learned['all']:.3f}", f"{learned['warm']:.3f}",
                      f"{learned['cold']:.3f}", f"{best['all']:.3f}", f"{best['cold']:.3f}",
                      f"{res['policies'][PLAIN]['all']:.3f}",
                      f"{res['policies']['3 business days at 9:00']['all']:.3f}",
                      f"{res['policies']['random working hour']['all']:.3f}", f"{res['ece_shown']:.3f}",
                      f"{res['ece_any_hour']:.3f}", f"{sliced.get('ece', float('nan')):.3f}",
                      f"{res['train_seconds']:.0f} s", verdict)
    console.print(table)
    for res in results:
        if res.get("unreachable"):
            console.print(f"{res['world']}: {res['unreachable']} of the {res['asked']} contacts asked about can answer "
                          "at no moment of the next ten days (away or on holiday throughout); they count in the ECE "
                          "of the figure shown, not in the shares")
    console.print(f"floors: {FLOOR_WORLD} of the achievable overall, {FLOOR_WORLD_COLD} for contacts never touched, "
                  f"ECE of the figure shown under {CEILING_ECE}. The ceiling is what a policy reaches that knows the "
                  "world's whole planted mechanism except each contact's own peak shift and responsiveness, and "
                  "infers those from the contact's touches (evals/followup/ceiling.py): no learner should pass it")
    return ok


def report(results: list[dict[str, Any]]) -> bool:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=130)
    ok = True
    for res in results:
        table = Table(title=f"world '{res['world']}': {res['contacts']:,} contacts, {res['touches']:,} touches; "
                            f"trained in {res['train_seconds']:.1f} s; {res['asked']:,} contacts asked about, as of "
                            f"{planted.END:%Y-%m-%d %H:%M} UTC; share of the achievable reply probability",
                      title_justify="left")
        for col in ("policy", "all", "warm", "cold"):
            table.add_column(col, justify="left" if col == "policy" else "right")
        for policy, s in res["policies"].items():
            table.add_row(policy, f"{s['all']:.3f}", f"{s['warm']:.3f} (n={s['n_warm']})",
                          f"{s['cold']:.3f} (n={s['n_cold']})")
        console.print(table)
        learned = res["policies"]["learned"]
        passed = learned["all"] >= FLOOR_ALL and learned["cold"] >= FLOOR_COLD
        ok &= passed
        console.print(f"share of achievable reply probability, learned: {learned['all']:.3f} overall (floor "
                      f"{FLOOR_ALL}), {learned['cold']:.3f} cold (floor {FLOOR_COLD}): {'ok' if passed else 'MISSED'}")
        cal = Table(title=f"calibration on the latest slice ({res['slices'].get('measure', 'n/a')})",
                    title_justify="left")
        for col in ("p", "group", "n", "Brier", "ECE", "mean p", "reply rate"):
            cal.add_column(col)
        for r in res["calibration"]:
            if r.get("n"):
                cal.add_row(r["p"], r["group"], f"{r['n']:,}", f"{r['brier']:.4f}", f"{r['ece']:.4f}",
                            f"{r['mean_p']:.3f}", f"{r['reply_rate']:.3f}")
        console.print(cal)
        first = res["ope"][0]
        t = Table(title=f"off-policy value of the recommender, {len(res['ope'])} independent logged histories "
                        f"(first: {first['decisions']:,} logged e-mail touches, {first['matched']:,} matching its "
                        f"choice, {first['matched_by_exploration']} of them exploratory; direct method "
                        f"{first['direct_method']:.4f}, logged reply rate {first['logged_reply_rate']:.4f})",
                  title_justify="left")
        for col in ("history", "planted truth", "IPS [95%]", "SNIPS [95%]", "DR [95%]"):
            t.add_column(col)
        for i, ope in enumerate(res["ope"]):
            t.add_row(str(i + 1), f"{ope['truth']:.4f}", *(
                f"{e['value']:.4f} [{e['low']:.4f}, {e['high']:.4f}] {'ok' if e['covers_truth'] else 'MISSED'}"
                for e in ope["estimates"].values()))
        console.print(t)
        for name in ("IPS", "SNIPS", "DR"):
            covered = sum(o["estimates"][name]["covers_truth"] for o in res["ope"])
            # a 95% interval may miss now and then; missing in most histories means it is not honest
            ok &= covered * 3 >= 2 * len(res["ope"])
            console.print(f"{name}: the interval covers the planted truth in {covered} of {len(res['ope'])} histories")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.followup.run")
    parser.add_argument("--contacts", type=int, default=12_000, help="contacts in each planted world")
    parser.add_argument("--queries", type=int, default=4000, help="contacts asked about, per world")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--replications", type=int, default=3, help="logged histories for off-policy estimates")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--world", action="append", choices=sorted(worlds.WORLDS),
                        help="only these worlds of worlds.py (repeatable); default: all but the one kept aside")
    parser.add_argument("--aside", action="store_true",
                        help="also the world kept aside until the model is final, if one is (worlds.ASIDE)")
    parser.add_argument("--scale", type=float, default=1.0, help="size of the worlds of worlds.py")
    parser.add_argument("--touches", type=int,
                        help="instead of --scale: each world of worlds.py sized to about this many touches")
    parser.add_argument("--skip-planted", action="store_true", help="skip the two worlds of planted.py")
    parser.add_argument("--segments-known", action="store_true",
                        help="a diagnosis, not a score: each contact's title in the worlds of worlds.py is replaced by "
                             "their planted segment, so the loss from telling the segments apart is taken away")
    args = parser.parse_args(argv)
    if args.touches is not None and args.touches < 1000:
        parser.error("--touches must be at least 1000")
    results = [] if args.skip_planted else run(args.contacts, args.queries, args.seed, args.replications)
    names = args.world or [n for n in worlds.WORLDS if n != worlds.ASIDE]
    if args.aside and worlds.ASIDE is not None and worlds.ASIDE not in names:
        names.append(worlds.ASIDE)
    others = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            scale = args.touches / worlds.SIZES[name] if args.touches else args.scale
            others.append(score_other(worlds.WORLDS[name](scale=scale), Path(tmp) / name,
                                      min(args.queries, 1500), args.segments_known))
    if args.json:
        args.json.write_text(json.dumps({"planted": results, "worlds": others}, indent=2, default=str))
    ok = report(results) if results else True
    return 0 if report_other(others) and ok else 1


if __name__ == "__main__":
    sys.exit(main())
