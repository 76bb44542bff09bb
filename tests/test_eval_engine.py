"""The offline evaluation engine: datasets, evaluators, variants, the cache, the reports and their statistics.

Statistics are checked against hand computations and scipy called directly; our answer checks against the
question sets' own scorer, run as it is shipped."""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine

from copilot.evaluation import dataset as datasets
from copilot.evaluation import engine as runner
from copilot.evaluation import registry, stats, variants
from copilot.evaluation.compare import compare
from copilot.evaluation.dataset import Case, DatasetError, Expect, ToolCalls
from copilot.evaluation.evaluators import Environment, Outcome, Refusal, Rubric, compare_calls
from copilot.evaluation.numbers import figures
from copilot.evaluation.summary import pair, side
from copilot.settings import Settings
from tests.conftest import ROOT

SHARED = ROOT.parent / "shared" / "evals"
DEV = SHARED / "crm_qa_dev.jsonl"
DEV2 = SHARED / "crm_qa_dev2.jsonl"
SCORER = SHARED / "score_crm_qa.py"
PROMPT = ROOT / "prompts" / "system.md.j2"


@pytest.fixture(scope="module")
def maven_ws(tmp_path_factory: pytest.TempPathFactory, maven_dir: Path) -> tuple[Settings, Engine]:
    from connectors.maven import import_maven
    from copilot.workspace import open_database

    from tests.conftest import need_or_skip

    need_or_skip(DEV.exists() and DEV2.exists(), f"no question sets at {SHARED}")
    settings = Settings(home=tmp_path_factory.mktemp("eval-ws"), database_url=None, llm="offline")
    engine = open_database(settings)
    assert import_maven(engine, maven_dir, allow_rejects=True).committed
    return settings, engine


@pytest.fixture(scope="module")
def dev_run(maven_ws, tmp_path_factory: pytest.TempPathFactory) -> runner.Run:  # noqa: ANN001
    settings, engine = maven_ws
    specs = variants.pick(variants.load(), ["offline", "offline-no-talk-tracks"])
    return runner.run(datasets.load(DEV), specs, out=tmp_path_factory.mktemp("dev-run"), settings=settings,
                      engine=engine, dataset=DEV)


def test_dev_set_under_two_variants_writes_results_and_reports(dev_run: runner.Run) -> None:
    cases = [json.loads(line) for line in DEV.read_text().splitlines() if line.strip()]
    rows = [json.loads(line) for line in (dev_run.out / "results.jsonl").read_text().splitlines()]
    assert len(rows) == 2 * len(cases)
    assert {(r["id"], r["variant"], r["trial"]) for r in rows} == \
        {(c["id"], v, 1) for c in cases for v in ("offline", "offline-no-talk-tracks")}
    prompt_version = hashlib.sha256(PROMPT.read_bytes()).hexdigest()[:12]
    hashes = {v: variants.load()[v].variant.hash for v in ("offline", "offline-no-talk-tracks")}
    assert hashes["offline"] != hashes["offline-no-talk-tracks"]
    for r in rows:
        assert r["prompt_version"] == prompt_version and r["variant_hash"] == hashes[r["variant"]]
        assert r["model"] == "offline-planner" and r["latency_ms"] > 0 and r["tokens"] is None
        assert isinstance(r["answer"], str) and r["tool_calls"] and {c["name"] for c in r["checks"]} >= {"answered"}
        assert r["passed"] == all(c["passed"] is not False for c in r["checks"])
    markdown = (dev_run.out / "report.md").read_text()
    assert "## Paired: offline-no-talk-tracks against offline" in markdown and "exact McNemar" in markdown
    html = (dev_run.out / "report.html").read_text()
    images = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', html)
    assert len(images) == 5  # pass rate, pass^k, checks, latency, paired differences
    assert all(base64.b64decode(i).startswith(b"\x89PNG\r\n\x1a\n") for i in images)
    assert 'id="paired"' in html and "paired bootstrap interval" in html
    meta = json.loads((dev_run.out / "run.json").read_text())
    assert [v["name"] for v in meta["variants"]] == ["offline", "offline-no-talk-tracks"]
    assert meta["asked"] == len(rows) and meta["from_cache"] == 0


def test_a_conversation_is_asked_turn_by_turn(maven_ws, tmp_path: Path) -> None:  # noqa: ANN001
    settings, engine = maven_ws
    line = next(line for line in (SHARED / "conversations_dev.jsonl").read_text().splitlines() if '"cd12"' in line)
    path = tmp_path / "conversation.jsonl"
    path.write_text(line + "\n")
    run = runner.run(datasets.load(path), [variants.OFFLINE], out=tmp_path / "out", settings=settings, engine=engine)
    (r,) = run.rows
    turns = json.loads(line)["turns"]
    assert r["question"] == [t["input"] for t in turns] and len(r["answer"]) == len(turns)
    assert {c["turn"] for c in r["checks"]} == set(range(1, len(turns) + 1))
    refusal = [c for c in r["checks"] if c["name"] == "refuse"]
    assert [c["turn"] for c in refusal] == [2]


# -- agreement with the question sets' own scorer ----------------------------------------------------------------


def _styles(case: dict) -> dict[str, str]:
    """Answers to one case written in several ways, right and wrong."""
    e = case["expect"]
    names = " and ".join(e["names"])

    def said(fmt) -> str:  # noqa: ANN001  (names first: the shared scorer reads "1,593 marketing" as 1,593 million)
        return f"{names}: it is {', '.join(fmt(n) for n in e['numbers'])}.".strip()

    def scaled(n: float) -> str:
        return f"${n / 1e6:.2f}M" if n >= 1e6 else f"${n / 1e3:.1f}k" if n >= 1e4 else f"{n:g}"

    return {
        "grouped": said(lambda n: f"{n:,.2f}"), "currency": said(lambda n: f"${n:,.0f}"),
        "scaled": said(scaled), "percent": said(lambda n: f"{n:g}%"),
        "shifted": said(lambda n: f"{n * 1.1 + 7:,.0f}"),
        "no names": f"It is {', '.join(f'{n:,}' for n in e['numbers'])}.",
        "leaks": f"{names}: it is {', '.join(f'{n:,}' for n in e['numbers'] + e['absent_numbers'])}.",
        "refusal": "That is not in your scope: you see your own deals.",
        "empty": "",
    }


@pytest.fixture(scope="module")
def dev2_answers(maven_ws, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:  # noqa: ANN001
    settings, engine = maven_ws
    run = runner.run(datasets.load(DEV2), [variants.OFFLINE], out=tmp_path_factory.mktemp("dev2"), settings=settings,
                     engine=engine)
    return {r["id"]: r["answer"] for r in run.rows}


@pytest.mark.parametrize("path", [DEV, DEV2], ids=["dev", "dev2"])
def test_our_checks_agree_with_the_shared_scorer(path: Path, dev_run: runner.Run, tmp_path: Path) -> None:
    """On the copilot's own answers and on answers written in many ways, right and wrong, our checks fail the
    cases the shared scorer fails, and only those. (A refusal that states a figure the question did not give is
    where we are stricter: ``test_refusal_check``.)"""
    cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    styles = {name: {c["id"]: _styles(c)[name] for c in cases} for name in _styles(cases[0])}
    if path == DEV:
        styles["the copilot's answers"] = {r["id"]: r["answer"] for r in dev_run.rows if r["variant"] == "offline"}
    _agree(path, styles, tmp_path)


@pytest.mark.slow
def test_our_checks_agree_with_the_shared_scorer_on_the_copilots_dev2_answers(dev2_answers: dict[str, str],
                                                                              tmp_path: Path) -> None:
    _agree(DEV2, {"the copilot's answers": dev2_answers}, tmp_path)


def _agree(path: Path, styles: dict[str, dict[str, str]], tmp_path: Path) -> None:
    cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    ours_cases = {c.id: c for c in datasets.load(path)}
    evaluators = registry.evaluators(Environment())
    for style, answers in styles.items():
        results = tmp_path / f"{style}.jsonl"
        results.write_text("".join(json.dumps({"id": i, "answer": a}) + "\n" for i, a in answers.items()))
        scored = subprocess.run([sys.executable, str(SCORER), str(path), str(results), "--min", "0"],
                                capture_output=True, text=True, check=True)
        theirs = set(re.findall(r"^FAIL (\S+)", scored.stdout, re.M))
        ours = set()
        for case_id, answer in answers.items():
            case = ours_cases[case_id]
            turn = {"input": case.input, "answer": answer, "tool_calls": [], "latency_ms": 1.0}
            if runner.verdict(runner.score(case, [turn], evaluators)) is False:
                ours.add(case_id)
        assert ours == theirs, (style, ours ^ theirs)
        refuse = {c["id"] for c in cases if c["expect"].get("refuse")}
        expected = {"empty": {c["id"] for c in cases}, "grouped": refuse, "currency": refuse}.get(style)
        assert expected is None or theirs == expected, style  # right answers pass, none fail by accident
        if style == "shifted":
            assert theirs >= {c["id"] for c in cases if c["expect"]["numbers"]}


def test_figures_are_read_however_they_are_written() -> None:
    text = ("Won $3,090,594 (1,171 deals), 64.8% win rate, $1.15M pipeline, 2.5k calls, 1.1bn, USD 12, €7.50, "
            "-3 change, 349 more, ids 0QMOIDET 1D8XLZQ8, closed 2017-03-01, \uff11\uff12\uff13 full-width")
    assert figures(text) == pytest.approx([3090594, 1171, 64.8, 1.15e6, 2500, 1.1e9, 12, 7.5, -3, 349, 2017, 3, 1, 123])


# -- statistics, against hand computations and scipy --------------------------------------------------------------


def _rows(variant: str, outcomes: dict[str, list[bool]]) -> list[dict]:
    return [{"id": i, "variant": variant, "variant_hash": variant, "prompt_version": "p", "model": "m",
             "trial": t + 1, "question": f"question <b>{i}</b>", "answer": "", "passed": ok,
             "checks": [{"name": "numbers", "passed": ok, "detail": "" if ok else "missing 1", "turn": None}],
             "latency_ms": 10.0 + t} for i, trials in outcomes.items() for t, ok in enumerate(trials)]


def test_wilson_interval_by_hand() -> None:
    from scipy.stats import norm

    n, passed = 10, 7
    z = norm.ppf(0.975)
    p = passed / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    s = side(_rows("a", {f"c{i}": [i < passed] for i in range(n)}))
    assert s.pass_rate == pytest.approx(0.7)
    assert s.ci == pytest.approx((centre - half, centre + half), abs=1e-12)
    assert s.ci == pytest.approx((0.3968, 0.8922), abs=1e-4)


def test_pass_hat_k_by_hand() -> None:
    # three trials a case: 3/3, 2/3, 1/3 and 0/3 passed
    s = side(_rows("a", {"a": [True] * 3, "b": [True, True, False], "c": [False, True, False], "d": [False] * 3}))
    assert s.pass_k[1] == pytest.approx((1 + 2 / 3 + 1 / 3 + 0) / 4)
    assert s.pass_k[2] == pytest.approx((1 + 1 / 3 + 0 + 0) / 4)  # C(2,2)/C(3,2) = 1/3 for the 2-of-3 case
    assert s.pass_k[3] == pytest.approx(1 / 4)
    assert s.pass_rate == pytest.approx(0.5)


def _constructed() -> tuple[dict[str, list[bool]], dict[str, list[bool]]]:
    """30 cases: 10 pass under both, 7 only under A, 2 only under B, 11 under neither."""
    kinds = [(True, True)] * 10 + [(True, False)] * 7 + [(False, True)] * 2 + [(False, False)] * 11
    return ({f"c{i:02}": [a] for i, (a, _) in enumerate(kinds)}, {f"c{i:02}": [b] for i, (_, b) in enumerate(kinds)})


def test_mcnemar_and_bootstrap_on_a_constructed_case(tmp_path: Path) -> None:
    a_out, b_out = _constructed()
    p = pair(side(_rows("A", a_out)), side(_rows("B", b_out)))
    r = p.result
    assert (r.n, r.both, r.only_a, r.only_b, r.neither) == (30, 10, 7, 2, 11)
    # exact McNemar: two-sided binomial test of 2 successes in 9 discordant pairs at 1/2
    by_hand = 2 * (math.comb(9, 0) + math.comb(9, 1) + math.comb(9, 2)) / 2 ** 9
    assert by_hand == pytest.approx(0.1796875)
    assert r.mcnemar_p == pytest.approx(by_hand, abs=1e-12)
    assert r.diff == pytest.approx((2 - 7) / 30)
    # an independent percentile bootstrap of the paired differences (our own resampling, another seed)
    d = np.array([b[0] - a[0] for a, b in zip(a_out.values(), b_out.values(), strict=True)], dtype=float)
    rng = np.random.default_rng(7)
    means = d[rng.integers(0, len(d), size=(40_000, len(d)))].mean(axis=1)
    low, high = np.percentile(means, [2.5, 97.5])
    assert r.diff_ci[0] == pytest.approx(low, abs=1 / 30 + 1e-9) and r.diff_ci[1] == pytest.approx(high, abs=1 / 30 + 1e-9)
    assert r.diff_ci[0] < r.diff < r.diff_ci[1] and r.diff_ci[0] < -0.3 and r.diff_ci[1] > 0  # McNemar agrees: no sign
    assert sorted((f.id, f.a, f.b) for f in p.flips) == sorted(
        [(f"c{i:02}", True, False) for i in range(10, 17)] + [(f"c{i:02}", False, True) for i in (17, 18)])
    assert all(f.why == "numbers: missing 1" for f in p.flips)
    # the same, from two runs written at different times (rows in another order)
    for name, outcomes in (("A", a_out), ("B", b_out)):
        folder = tmp_path / name
        folder.mkdir()
        rows = _rows("offline", outcomes)[::-1 if name == "B" else 1]
        (folder / "results.jsonl").write_text("".join(json.dumps(x) + "\n" for x in rows))
    later = compare(tmp_path / "A", tmp_path / "B", out=tmp_path / "cmp")
    assert (later.result.only_a, later.result.only_b, later.result.mcnemar_p) == (7, 2, pytest.approx(by_hand))
    markdown = (tmp_path / "cmp" / "report.md").read_text()
    assert "question &lt;b&gt;c10&lt;/b&gt;" in markdown and "<b>c10" not in markdown  # shown literally
    html = (tmp_path / "cmp" / "report.html").read_text()
    assert 'id="paired"' in html and "question &lt;b&gt;c10&lt;/b&gt;" in html and "<b>c10" not in html


def test_compare_reads_back_what_a_run_writes_and_names_bad_rows(tmp_path: Path) -> None:
    a_out, b_out = _constructed()
    for name, outcomes in (("A", a_out), ("B", b_out)):
        folder = tmp_path / name
        folder.mkdir()
        rows = _rows("x$\\frac$" if name == "B" else "offline", outcomes)  # a '$' would be TeX to matplotlib
        rows[0]["answer"] = "first line\u2028second line\x85third"  # written unescaped, as the engine writes
        (folder / "results.jsonl").write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in rows))
    got = compare(tmp_path / "A", tmp_path / "B", out=tmp_path / "cmp")
    assert (got.result.n, got.result.only_a, got.result.only_b) == (30, 7, 2)
    assert 'id="paired"' in (tmp_path / "cmp" / "report.html").read_text()
    good = json.loads((tmp_path / "A" / "results.jsonl").read_text().split("\n")[0])
    for change, problem in (({"checks": 5}, "checks is not a list of {name, passed}"),
                            ({"checks": [{"passed": True}]}, "checks is not a list of {name, passed}"),
                            ({"passed": "no"}, "passed is not true, false or null"),
                            ({"latency_ms": "fast"}, "latency_ms is not a number"),
                            ({"tokens": [1]}, "tokens is not an object"), ({"cost": "free"}, "cost is not a number"),
                            ({"id": [1]}, "id is not a text")):
        bad = tmp_path / "bad"
        bad.mkdir(exist_ok=True)
        (bad / "results.jsonl").write_text(json.dumps(good) + "\n" + json.dumps({**good, **change}) + "\n")
        with pytest.raises(DatasetError) as caught:
            compare(tmp_path / "A", bad)
        assert str(caught.value) == f"{bad / 'results.jsonl'}:2: {problem}"


def test_a_damaged_cache_entry_is_asked_again(tmp_path: Path) -> None:
    from copilot.evaluation.cache import Cache

    kept = Cache(tmp_path)
    kept.put("ab12", {"turns": [{"answer": "x"}]})
    assert kept.get("ab12") == {"turns": [{"answer": "x"}]}
    for damaged in (b"[1, 2]", b'{"turns": 5}', b'{"turns": []}', b"\xff\xfe", b'{"turns": [1]}', b"{"):
        kept._path("ab12").write_bytes(damaged)
        assert kept.get("ab12") is None


def test_no_discordant_case_gives_p_one_and_a_point_interval() -> None:
    r = stats.paired([True, False, True], [True, False, True])
    assert (r.mcnemar_p, r.diff, r.diff_ci) == (1.0, 0.0, (0.0, 0.0))


# -- evaluators ------------------------------------------------------------------------------------------------

CALLS = [{"name": "crm_query", "args": {"entity": "opportunities", "metrics": ["won_revenue", "won_count"],
                                        "filters": {"account": ["Konex"], "stage": ["Won"]}, "limit": 20}},
         {"name": "customer_profile", "args": {"account": "Konex"}}]


def _spec(mode: str, *calls: dict) -> ToolCalls:
    return ToolCalls.model_validate({"mode": mode, "calls": list(calls)})


CRM = {"name": "crm_query", "args": {"filters": {"contains": {"account": {"contains": "konex"}}}}}
PROFILE = {"name": "customer_profile", "args": {"account": "Konex"}}
DRAFT = {"name": "draft_email", "args": {}}


@pytest.mark.parametrize(("mode", "calls", "ok"), [
    ("strict", [CRM, PROFILE], True),
    ("strict", [PROFILE, CRM], False),          # order matters
    ("strict", [CRM], False),                   # one call too many made
    ("unordered", [PROFILE, CRM], True),
    ("unordered", [PROFILE], False),
    ("unordered", [PROFILE, CRM, DRAFT], False),
    ("subset", [PROFILE], True),                # the expected calls were made (others too)
    ("subset", [PROFILE, DRAFT], False),
    ("superset", [PROFILE, CRM, DRAFT], True),  # every call made was expected
    ("superset", [PROFILE], False),
])
def test_tool_call_modes(mode: str, calls: list[dict], ok: bool) -> None:
    passed, detail = compare_calls(_spec(mode, *calls), CALLS)
    assert passed is ok and (ok or detail)


@pytest.mark.parametrize(("args", "ok"), [
    ({"entity": "opportunities"}, True),
    ({"entity": "accounts"}, False),
    ({"entity": {"equals": "opportunities"}}, True),
    ({"metrics": ["won_revenue", "won_count"]}, True),
    ({"metrics": ["won_count", "won_revenue"]}, False),               # a value is compared exactly
    ({"metrics": {"contains": "won_count"}}, True),                    # a member of a list
    ({"metrics": {"contains": ["won_count", "won_revenue"]}}, True),
    ({"metrics": {"contains": ["win_rate"]}}, False),
    ({"filters": {"contains": {"stage": ["Won"]}}}, True),             # part of a mapping
    ({"filters": {"contains": {"stage": ["Lost"]}}}, False),
    ({"filters": {"contains": {"rep": {"any": True}}}}, False),        # any value, but present
    ({"filters": {"any": True}}, True),
    ({"group_by": {"any": True}}, False),
    ({"entity": {"regex": "^opp"}}, True),
    ({"entity": {"regex": "^acc"}}, False),
    ({"filters": {"regex": r'"account": \["Kon'}}, True),             # a structure is matched as JSON
    ({"limit": {"number": 19, "tolerance": 1}}, True),
    ({"limit": {"number": 18, "tolerance": 1}}, False),
    ({"limit": 20.0}, True),
])
def test_argument_matchers(args: dict, ok: bool) -> None:
    passed, _ = compare_calls(_spec("subset", {"name": "crm_query", "args": args}), CALLS)
    assert passed is ok


def test_refusal_check() -> None:
    expect = Expect(refuse=True, absent_numbers=[450489])
    question = "How much did Rocco Neubert's team win in Q3 2017?"
    check = Refusal()
    assert check(Outcome(question, "That is not in your scope: you see Summer Sewald's team."), expect).passed
    assert check(Outcome(question, "Not in your scope for Q3 2017."), expect).passed  # the question's own figures
    wrong = check(Outcome(question, "That is outside your scope, but it is about 12 deals."), expect)
    assert wrong.passed is False and "12" in wrong.detail
    assert check(Outcome(question, "Rocco Neubert's team won $588,947."), expect).passed is False


def test_rubric_is_skipped_without_a_judge_model_and_graded_with_one() -> None:
    expect = Expect(rubric="states the won revenue and cites the deals")
    outcome = Outcome("Total won revenue with Konex?", "Konex: $269,245 from 108 won deals.")
    skipped = Rubric(None)(outcome, expect)
    assert skipped.passed is None and "skipped" in skipped.detail
    heard: list[tuple[str, str]] = []

    def judge(instructions: str, text: str) -> str:
        heard.append((instructions, text))
        return "SCORE: 3\nREASON: no deals cited"

    graded = Rubric(judge)(outcome, expect)
    assert graded.passed is False and graded.detail == "score 3/5: no deals cited"
    assert "cites the deals" in heard[0][0] and "$269,245" in heard[0][1]
    assert runner.verdict([skipped]) is None and runner.verdict([skipped, graded]) is False


# -- datasets and variants files ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "problem"), [
    ('{"id": "a", "user": "ops", "input": "x", "expect": {}', "not JSON"),
    ('["a"]', "a case is a JSON object"),
    ('{"id": "a", "input": "x", "expect": {}}', "user: Field required"),
    ('{"id": "a", "user": "ops", "expect": {}}', "needs 'input'"),
    ('{"id": "a", "user": "ops", "input": "x", "expect": {"numbers": ["many"]}}', "expect.numbers.0"),
    ('{"id": "a", "user": "ops", "input": "x", "expect": {"numbrs": [1]}}', "unknown key 'numbrs'"),
    ('{"id": "a", "user": "ops", "input": "x", "expect": {"tool_calls": {"mode": "exact", "calls": []}}}',
     "expect.tool_calls.mode"),
    ('{"id": "a", "user": "ops", "input": "x", "expect": {"tool_calls": {"calls": [{"name": "crm_query", '
     '"args": {"entity": {"regex": "("}}}]}}}', "bad regular expression"),
    ('{"id": "a", "user": "ops", "input": "x", "expect": {}, "setup": {"preferences": {"colour": "red"}}}',
     "unknown preference 'colour'"),
    ('{"id": "ok", "user": "ops", "input": "x", "expect": {}}', "also on line 1"),
])
def test_bad_dataset_lines_name_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text('{"id": "ok", "user": "ops", "input": "x", "expect": {}}\n\n' + line + "\n")
    with pytest.raises(DatasetError) as caught:
        datasets.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}:3: ") and problem in message and "\n" not in message


@pytest.mark.parametrize(("line", "problem"), [
    ("[" * 100_000 + "]" * 100_000, "not usable JSON (maximum recursion depth"),
    ('{"id": "a", "user": "ops", "input": "x", "expect": {"numbers": [' + "9" * 5000 + "]}}", "not usable JSON"),
    ('{"id": "a", "user": "ops", "input": "x", "expect": {"numbers": [NaN]}}', "expect.numbers.0: Input should be a finite"),
    ('{"id": "a", "user": "ops", "input": "x", "expect": {"absent_numbers": [1e999]}}', "expect.absent_numbers.0"),
])
def test_unusable_json_is_named_not_raised(tmp_path: Path, line: str, problem: str) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text('{"id": "ok", "user": "ops", "input": "x", "expect": {}}\n' + line + "\n")
    with pytest.raises(DatasetError) as caught:
        datasets.load(path)
    assert str(caught.value).startswith(f"{path}:2: ") and problem in str(caught.value), str(caught.value)


def test_lines_end_at_newlines_only(tmp_path: Path) -> None:
    """JSON allows U+2028, U+2029 and U+0085 unescaped in a string; a byte-order mark is not part of line 1."""
    path = tmp_path / "cases.jsonl"
    cases = [{"id": "a", "user": "ops", "input": "one\u2028two\u2029three\x85four", "expect": {}},
             {"id": "b", "user": "ops", "input": "x", "expect": {}}]
    path.write_text("\ufeff" + "".join(json.dumps(c, ensure_ascii=False) + "\r\n" for c in cases), encoding="utf-8")
    loaded = datasets.load(path)
    assert [(c.id, c.line, c.input) for c in loaded] == [("a", 1, cases[0]["input"]), ("b", 2, "x")]


@pytest.mark.parametrize(("table", "problem"), [
    ('backend = "offline"\ntemprature = 0.2', "temprature: Extra inputs are not permitted"),
    ('backend = "offline"\nwithout_tools = ["talk_track"]', "unknown tool 'talk_track'"),
    ('backend = "openai"', "an openai variant names its model"),
    ('backend = "offline"\nprompt = "../README.md"', "is not a file in"),
    ('backend = "offline"\nprompt_version = "000000000000"', "the variant pins 000000000000"),
    ('backend = "offline"\nretrieval = { mode = "semantic" }', "retrieval.mode"),
])
def test_bad_variants_name_file_and_variant(tmp_path: Path, table: str, problem: str) -> None:
    path = tmp_path / "variants.toml"
    path.write_text(f"[variant.mine]\n{table}\n")
    with pytest.raises(variants.VariantsError) as caught:
        variants.load(path)
    assert str(caught.value).startswith(f"{path}: [variant.mine]: ") and problem in str(caught.value)


@pytest.mark.parametrize("name", ['"x$\\\\frac$"', '"\\u001b[31mred"', '"<b>b</b>"', '"a b"', '"-lead"'])
def test_a_variant_name_is_plain(tmp_path: Path, name: str) -> None:
    """A name labels terminal tables, progress bars (rich markup), charts (matplotlib TeX) and reports."""
    path = tmp_path / "variants.toml"
    path.write_text(f'[variant.{name}]\nbackend = "offline"\n')
    with pytest.raises(variants.VariantsError, match="use letters, digits"):
        variants.load(path)


def test_the_shipped_variants_file() -> None:
    found = variants.load()
    assert {"offline", "offline-lexical", "offline-no-talk-tracks"} <= set(found)
    assert found["offline-lexical"].variant.retrieval_mode == "lexical"
    assert "talk_tracks" not in (found["offline-no-talk-tracks"].variant.tools or ())
    assert len({s.variant.hash for s in found.values()}) == len(found)
    with pytest.raises(variants.VariantsError, match="no variant 'offlin'"):
        variants.pick(found, ["offlin"])


# -- running: the cache, the variant in the run, the OpenAI back-end, the command line ---------------------------


def _cases(tmp_path: Path, ids: tuple[str, ...] = ("d08", "d14")) -> Path:
    path = tmp_path / "some.jsonl"
    path.write_text("".join(line + "\n" for line in DEV.read_text().splitlines() if json.loads(line)["id"] in ids))
    return path


def test_the_cache_answers_a_second_run_without_the_model(maven_ws, tmp_path: Path,  # noqa: ANN001
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from copilot.planner.model import OfflinePlanner

    settings, engine = maven_ws
    calls = []
    generate = OfflinePlanner._generate

    def counted(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        calls.append(1)
        return generate(self, *args, **kwargs)

    monkeypatch.setattr(OfflinePlanner, "_generate", counted)
    cases = datasets.load(_cases(tmp_path))
    kw = {"settings": settings, "engine": engine, "cache_dir": tmp_path / "cache", "trials": 2}
    first = runner.run(cases, [variants.OFFLINE], out=tmp_path / "one", **kw)
    made = len(calls)
    assert first.calls == 4 and made >= 4 and not any(r["cached"] for r in first.rows)
    second = runner.run(cases, [variants.OFFLINE], out=tmp_path / "two", **kw)
    assert len(calls) == made and second.calls == 0 and all(r["cached"] for r in second.rows)
    assert [(r["id"], r["trial"], r["answer"], r["passed"]) for r in second.rows] == \
        [(r["id"], r["trial"], r["answer"], r["passed"]) for r in first.rows]
    # another variant, or a third trial, is asked again; a run without the cache asks everything
    lexical = variants.load()["offline-lexical"]
    third = runner.run(cases, [variants.OFFLINE, lexical], out=tmp_path / "three", **{**kw, "trials": 3})
    assert third.calls == 2 + 6
    runner.run(cases, [variants.OFFLINE], out=tmp_path / "four", **{**kw, "cache_dir": None})
    assert len(calls) > made


def test_the_variant_travels_in_the_run(maven_ws, tmp_path: Path) -> None:  # noqa: ANN001
    """A variant without the CRM query tool is not offered it: the copilot cannot answer, and the row says why."""
    settings, engine = maven_ws
    path = tmp_path / "variants.toml"
    path.write_text('[variant.no-crm]\nbackend = "offline"\nwithout_tools = ["crm_query"]\n')
    spec = variants.load(path)["no-crm"]
    run = runner.run(datasets.load(_cases(tmp_path, ("d08",))), [variants.OFFLINE, spec], out=tmp_path / "out",
                     settings=settings, engine=engine)
    shipped, without = run.rows
    assert shipped["passed"] and shipped["tool_calls"][0]["name"] == "crm_query"
    assert without["passed"] is False and without["tool_calls"] == [] and "500" not in without["answer"]
    assert without["variant"] == "no-crm" and without["variant_hash"] == spec.variant.hash != shipped["variant_hash"]


def test_two_variants_alike_but_for_the_name_keep_their_names(maven_ws, tmp_path: Path) -> None:  # noqa: ANN001
    """Their hashes are equal, so one's kept answers serve the other; each row still names the variant it ran
    under (the cached answer names the first), and the report has both."""
    settings, engine = maven_ws
    path = tmp_path / "variants.toml"
    path.write_text('[variant.offline-again]\nbackend = "offline"\n')
    again = variants.load(path)["offline-again"]
    assert again.variant.hash == variants.OFFLINE.variant.hash
    cases = datasets.load(_cases(tmp_path, ("d08",)))
    kw = {"settings": settings, "engine": engine, "cache_dir": tmp_path / "cache"}
    runner.run(cases, [variants.OFFLINE], out=tmp_path / "first", **kw)
    run = runner.run(cases, [again, variants.OFFLINE], out=tmp_path / "out", **kw)
    assert [(r["variant"], r["cached"]) for r in run.rows] == [("offline-again", True), ("offline", True)]
    report = (tmp_path / "out" / "report.md").read_text()
    assert "| offline-again | " in report and "## Paired: offline against offline-again" in report


def test_the_openai_back_end_through_a_local_server(maven_ws, tmp_path: Path) -> None:  # noqa: ANN001
    from evals.fake_openai import FakeOpenAI

    _, engine = maven_ws
    konex = {"name": "crm_query", "args": {"metrics": ["won_revenue", "won_count"], "filters": {"account": ["Konex"]}}}
    answer = "Konex: ${tool[rows][0][won_revenue]:,.0f} won revenue from {tool[rows][0][won_count]} won deals."
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps({"id": "konex", "user": "ops", "input": "Total won revenue with Konex?", "expect": {
        "numbers": [269245], "tool_calls": {"mode": "strict", "calls": [
            {"name": "crm_query", "args": {"filters": {"contains": {"account": ["Konex"]}}}}]}}}) + "\n")
    toml = tmp_path / "variants.toml"
    toml.write_text('[variant.remote]\nbackend = "openai"\nmodel = "test-model"\ntemperature = 0.3\n'
                    'price = { input = 1.0, output = 2.0 }\n')
    with FakeOpenAI(konex, answer) as server:
        settings = Settings(home=tmp_path / "home", database_url=None, llm="offline", openai_api_key="sk-test",
                            openai_base_url=server.url, llm_retries=0, llm_timeout=10)
        run = runner.run(datasets.load(path), [variants.load(toml)["remote"]], out=tmp_path / "out",
                         settings=settings, engine=engine, trials=2, workers=2)
    assert len(server.requests) == 4  # two trials, a tool call and an answer each
    assert {r["body"]["model"] for r in server.requests} == {"test-model"}
    assert {r["body"]["temperature"] for r in server.requests} == {0.3}
    for r in run.rows:
        assert r["passed"] is True and r["model"] == "openai:test-model" and not r["notes"], r
        assert r["answer"] == "Konex: $269,245 won revenue from 108 won deals."
        tokens = r["tokens"]
        assert tokens["output"] == 40 and tokens["input"] > 0 and tokens["total"] == tokens["input"] + 40
        assert r["cost"] == pytest.approx((tokens["input"] * 1.0 + tokens["output"] * 2.0) / 1e6)


def test_the_openai_back_end_needs_an_endpoint(maven_ws, tmp_path: Path) -> None:  # noqa: ANN001
    settings, engine = maven_ws
    toml = tmp_path / "variants.toml"
    toml.write_text('[variant.remote]\nbackend = "openai"\nmodel = "m"\n')
    with pytest.raises(variants.VariantsError, match="set OPENAI_API_KEY"):
        runner.run(datasets.load(_cases(tmp_path)), [variants.load(toml)["remote"]], out=tmp_path / "out",
                   settings=settings.model_copy(update={"openai_api_key": None, "openai_base_url": None}),
                   engine=engine)
    assert not (tmp_path / "out").exists()


def test_the_command_line(maven_ws, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    from typer.testing import CliRunner

    from copilot.eval_cli import eval_app

    settings, _ = maven_ws
    monkeypatch.setenv("COPILOT_HOME", str(settings.home))
    monkeypatch.setenv("COPILOT_LLM", "offline")
    monkeypatch.delenv("COPILOT_DATABASE_URL", raising=False)
    cli = CliRunner()
    cases = _cases(tmp_path)
    first = cli.invoke(eval_app, ["run", "--dataset", str(cases), "--variant", "offline", "--out", str(tmp_path / "a")])
    assert first.exit_code == 0, first.output
    second = cli.invoke(eval_app, ["run", "--dataset", str(cases), "--variant", "offline-lexical",
                                   "--out", str(tmp_path / "b")])
    assert second.exit_code == 0, second.output
    assert (settings.home / "eval-cache").is_dir()
    compared = cli.invoke(eval_app, ["compare", str(tmp_path / "a"), str(tmp_path / "b"), "--json"])
    assert compared.exit_code == 0, compared.output
    got = json.loads(compared.output)
    assert got["paired"] == 2 and got["a"]["label"].startswith("offline (a)") and got["mcnemar_p"] == 1.0
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "user": "ops", "input": "hi", "expect": {"numbers": 5}}\n')
    failed = cli.invoke(eval_app, ["run", "--dataset", str(bad), "--variant", "offline", "--out", str(tmp_path / "c")])
    assert failed.exit_code == 2 and f"{bad}:1: expect.numbers" in failed.output and "Traceback" not in failed.output
    assert not (tmp_path / "c").exists()
    unknown = cli.invoke(eval_app, ["run", "--dataset", str(cases), "--variant", "nope", "--out", str(tmp_path / "c")])
    assert unknown.exit_code == 2 and "no variant 'nope'" in unknown.output
    nobody = tmp_path / "nobody.jsonl"
    nobody.write_text('{"id": "x", "user": "ops", "input": "hi", "expect": {}}\n'
                      '{"id": "y", "user": "Nobody Atall", "input": "hi", "expect": {}}\n')
    missing = cli.invoke(eval_app, ["run", "--dataset", str(nobody), "--variant", "offline", "--out",
                                    str(tmp_path / "c")])
    assert missing.exit_code == 2 and f"{nobody}:2: user 'Nobody Atall'" in missing.output
    assert not (tmp_path / "c").exists()
    a_file = tmp_path / "a-file"
    a_file.write_text("")
    for args in (["run", "--dataset", str(cases), "--variant", "offline", "--out", str(a_file)],
                 ["compare", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(a_file)]):
        refused = cli.invoke(eval_app, args)
        assert refused.exit_code == 2 and f"--out {a_file}: is a file, not a folder" in refused.output, refused.output
    # ids, questions and labels from the files are shown with their control characters made visible
    for folder, ok in (("a", True), ("b", False)):
        rows = [json.loads(x) for x in (tmp_path / folder / "results.jsonl").read_text().splitlines()]
        for r in rows:
            r.update(id="\x1b]0;pwned\x07" + r["id"], passed=ok, question="\x1b[2Jq")
            r["checks"] = [{"name": "numbers", "passed": ok, "detail": "", "turn": None}]
        (tmp_path / f"esc-{folder}").mkdir()
        (tmp_path / f"esc-{folder}" / "results.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    shown = cli.invoke(eval_app, ["compare", str(tmp_path / "esc-a"), str(tmp_path / "esc-b")])
    assert shown.exit_code == 0 and "\\x1b]0;pwned\\x07" in shown.output and "\x1b" not in shown.output


# -- plugins: the e-mail drafts and the talk-track plays under the same engine -----------------------------------


def test_plugin_datasets_need_their_plugins() -> None:
    from copilot.evaluation.registry import PluginError

    for name, key, size in (("email_drafts", "email", 56), ("talk_tracks", "talk_track", 36)):
        path = ROOT / "evals" / "datasets" / f"{name}.jsonl"
        if key not in registry.known():
            with pytest.raises(DatasetError, match=f"{path}:1: expect has unknown key '{key}'"):
                datasets.load(path, known=registry.known())
        registry.load([f"evals.{'emails' if key == 'email' else 'talk_tracks'}.evaluator"], installed=False)
        assert len(datasets.load(path, known=registry.known())) == size
    with pytest.raises(PluginError, match="evals.nothing_here"):
        registry.load(["evals.nothing_here"], installed=False)


def test_talk_track_plays_are_judged_from_the_search_shown() -> None:
    from evals.retrieval.make_queries import DEALS, SEED
    from evals.talk_tracks import evaluator
    from evals.talk_tracks.judge import Truth

    truth = Truth.build(DEALS, SEED)
    record = truth.record["price"]
    won = next(p for p, c in record.items() if c["won"] > c["lost"])
    lost = next(p for p, c in record.items() if c["won"] < c["lost"])
    checks = evaluator.evaluators(Environment())
    expect = Expect.model_validate({"talk_track": {"objection": "price"}})

    def judged(result: dict | None) -> dict[str, bool | None]:
        outcome = Outcome("What worked when the customer said we were too expensive?", "...",
                          results=[{"name": "talk_tracks", "result": result}] if result is not None else [])
        return {c.name: c(outcome, expect).passed for c in checks if c.applies(expect)}

    shown = {"plays": [{"line": f"We {won}.", "evidence": []}], "worked": [{"deal_id": "X", "kind": "note"}]}
    assert judged(shown) == {"talk_track.top_line": True, "talk_track.no_failure_shown": True}
    assert judged({**shown, "plays": [{"line": f"We {lost}.", "evidence": []}]})["talk_track.top_line"] is False
    failure = next(iter(truth.failure_notes))
    deal, note = failure.rsplit("-", 1)
    assert judged({**shown, "worked": [{"deal_id": deal, "note_id": failure}]})["talk_track.no_failure_shown"] is False
    assert judged(None) == {"talk_track.top_line": False, "talk_track.no_failure_shown": False}


@pytest.mark.slow
def test_email_drafts_under_the_engine_agree_with_the_direct_run(demo_workspace, talk_store,  # noqa: ANN001
                                                                 tmp_path: Path) -> None:
    """The engine asks the same dialogues and its ``email.*`` checks say what the e-mail evaluation's own loop
    says, turn by turn."""
    from copilot.demo import ANCHOR
    from copilot.runner import Copilot
    from evals.emails import dataset as email_dataset
    from evals.emails.judge import Judge
    from evals.emails.requests import build
    from evals.emails.run import give_managers_addresses, run_dialogues

    registry.load(["evals.emails.evaluator"], installed=False)
    settings, engine = demo_workspace
    dialogues = [d for i, d in enumerate(build(engine, "dev")) if i in (0, 2, 16, 18)]
    give_managers_addresses(engine, dialogues)
    clock = lambda: ANCHOR.replace(tzinfo=None)  # noqa: E731
    with Copilot(settings, engine, clock=clock, retriever=lambda: talk_store) as copilot:
        direct = run_dialogues(copilot, Judge(engine), dialogues)
    cases = [Case.model_validate(c) for c in email_dataset.cases(dialogues)]
    run = runner.run(cases, [variants.OFFLINE], out=tmp_path / "out", settings=settings, engine=engine, clock=clock,
                     talk_store=lambda: talk_store)
    ours = {(r["id"], c["turn"] - 1, c["name"].removeprefix("email.")): c["passed"] for r in run.rows
            for c in r["checks"] if c["name"].startswith("email.")}
    theirs = {(v.dialogue, v.turn, c.name): c.ok for v in direct for c in v.checks}
    assert ours == theirs
    assert sum(len(d.turns) for d in dialogues) == len({k[:2] for k in ours}) > len(dialogues)
