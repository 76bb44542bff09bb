"""Understanding, measured: the question sets over the Maven data, each with its bar, scored by judges
that share no code with the planner (the shared scorer, and the understanding set's own judge).

Every answer is right, a clarifying question or a stated refusal; the judge counts wrong answers
separately, and the dev sets allow none.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import Engine

from connectors.maven import import_maven
from copilot.planner.periods import Period, find_period, open_ended
from copilot.runner import Copilot
from copilot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "evals"
OWN = ROOT / "evals" / "understanding"
JUDGE = OWN / "judge.py"


@pytest.fixture(scope="module")
def copilot(tmp_path_factory: pytest.TempPathFactory, maven_dir: Path):  # noqa: ANN201
    from copilot.workspace import open_database

    home = tmp_path_factory.mktemp("understanding")
    settings = Settings(home=home, database_url=None, llm="offline")
    engine: Engine = open_database(settings)
    import_maven(engine, maven_dir, allow_rejects=True)
    with Copilot(settings, engine) as c:
        yield c


def _answer(copilot: Copilot, cases: Path, out: Path) -> Path:
    with out.open("w") as f:
        for line in cases.read_text().splitlines():
            case = json.loads(line)
            if "turns" in case:
                thread, answers = None, []
                for turn in case["turns"]:
                    r = copilot.ask(turn["input"], case["user"], thread_id=thread)
                    thread = r.thread_id
                    answers.append(r.answer)
                f.write(json.dumps({"id": case["id"], "answers": answers}) + "\n")
            else:
                f.write(json.dumps({"id": case["id"], "answer": copilot.ask(case["input"], case["user"]).answer}) + "\n")
    return out


def _judge(cases: Path, results: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(JUDGE), str(cases), str(results), "--show", "wrong", *args],
                          capture_output=True, text=True, check=False)


@pytest.mark.parametrize("name", ["crm_qa_dev", "crm_qa_dev2"])
def test_dev_question_sets_meet_their_bar_with_no_wrong_figure(copilot: Copilot, tmp_path: Path, name: str) -> None:
    cases = SHARED / f"{name}.jsonl"
    results = _answer(copilot, cases, tmp_path / "results.jsonl")
    scored = subprocess.run([sys.executable, str(SHARED / "score_crm_qa.py"), str(cases), str(results), "--min", "0.95"],
                            capture_output=True, text=True, check=False)
    assert scored.returncode == 0, scored.stdout
    judged = _judge(cases, results, "--min-right", "0.95", "--max-wrong", "0")
    assert judged.returncode == 0, judged.stdout
    _no_false_removals(results)


def _no_false_removals(results: Path) -> None:
    """Grounding removes no figure from the answers to the dev sets: every figure in them is traced."""
    for line in results.read_text().splitlines():
        r = json.loads(line)
        for answer in r.get("answers") or [r.get("answer") or ""]:
            assert "[figure removed]" not in answer, (r["id"], answer)


def test_dev_dialogues_turn_by_turn(copilot: Copilot, tmp_path: Path) -> None:
    cases = SHARED / "conversations_dev.jsonl"
    results = _answer(copilot, cases, tmp_path / "results.jsonl")
    judged = _judge(cases, results, "--min-right", "0.95", "--max-wrong", "0")
    assert judged.returncode == 0, judged.stdout
    _no_false_removals(results)


def test_paraphrase_set_right_asked_declined_wrong(copilot: Copilot, tmp_path: Path) -> None:
    """The held-out half is reported, never tuned on; these floors hold what has been reached."""
    cases = OWN / "paraphrase.jsonl"
    results = _answer(copilot, cases, tmp_path / "results.jsonl")
    dev = _judge(cases, results, "--split", "dev", "--min-right", "0.9", "--max-wrong", "1")
    assert dev.returncode == 0, dev.stdout
    _no_false_removals(results)
    held_out = _judge(cases, results, "--split", "holdout", "--min-right", "0.7", "--max-wrong", "12")
    assert held_out.returncode == 0, held_out.stdout


def test_own_dialogues(copilot: Copilot, tmp_path: Path) -> None:
    cases = OWN / "dialogues.jsonl"
    results = _answer(copilot, cases, tmp_path / "results.jsonl")
    dev = _judge(cases, results, "--split", "dev", "--min-right", "0.9", "--max-wrong", "1")
    assert dev.returncode == 0, dev.stdout


def test_the_judge_can_fail(tmp_path: Path) -> None:
    """A judge that passes everything proves nothing: shifted figures are scored wrong."""
    cases = SHARED / "crm_qa_dev.jsonl"
    wrong = tmp_path / "wrong.jsonl"
    with wrong.open("w") as f:
        for line in cases.read_text().splitlines():
            case = json.loads(line)
            numbers = [n * 1.1 + 7 for n in case["expect"]["numbers"]] or [123457]
            f.write(json.dumps({"id": case["id"], "answer": f"It is {', '.join(f'{n:,.0f}' for n in numbers)}."}) + "\n")
    assert _judge(cases, wrong, "--max-wrong", "0").returncode == 1


def test_shipped_topic_weights_are_those_of_the_examples() -> None:
    """The weights that ship are fitted on the current examples (rebuild: python -m copilot.planner.classify),
    and scoring them with numpy gives scikit-learn's own probabilities."""
    import numpy as np
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import SGDClassifier

    from copilot.planner.classify import CHAR_NGRAMS, EXAMPLES, WORD, WORD_NGRAMS, TopicClassifier, shipped_weights

    weights = shipped_weights()
    assert weights is not None, "copilot/planner/topics.npz is stale: run python -m copilot.planner.classify"
    ours = TopicClassifier(EXAMPLES, weights)
    texts = [t for items in EXAMPLES.values() for t in items]
    labels = [label for label, items in EXAMPLES.items() for _ in items]
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, sublinear_tf=True)
    words = TfidfVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, sublinear_tf=True, token_pattern=WORD.pattern)
    x = hstack([chars.fit_transform(texts), words.fit_transform(texts)]).tocsr()
    model = SGDClassifier(loss="log_loss", alpha=1e-4, max_iter=50, tol=None, random_state=0).fit(x, labels)
    questions = ["how many employes does ACCOUNT have", "whats the biggest deal i ever won", "and PERIOD",
                 "zzz", "Top N won deals in PERIOD - id, account, value", "win rate and won revenue for PRODUCT"]
    expected = model.predict_proba(hstack([chars.transform(questions), words.transform(questions)]).tocsr())
    assert list(model.classes_) == ours.labels
    assert np.abs(expected - np.array([ours.scores(q) for q in questions])).max() < 1e-9


@pytest.mark.parametrize("question", [
    "How much did we win from Acme?",                  # part of an account's name (Acme Corporation)
    "Won revenue for the North office",                # no such office
    "Won revenue from large accounts",                 # a kind of account the CRM does not hold
    "How many deals did we win quickly?",
    "How many new customers did we win in 2017?",
    "Won revenue in early 2017",                       # which months?
    "How many deals did we lose in late 2017?",
    "How many deals are neither won nor lost?",        # counts of what is not there
    "How many reps have never won a deal?",
])
def test_a_word_it_cannot_place_is_asked_about_never_dropped(copilot: Copilot, question: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert ("?" in answer or "I can't" in answer) and not re.search(r"\d[\d,]{2,}", answer.replace("2017", "")), answer


def test_who_has_more_after_two_figures_is_asked_not_read_off_the_last(copilot: Copilot) -> None:
    first = copilot.ask("How many deals did Elease Gluck win?", "ops")
    copilot.ask("And Rosalina Dieter?", "ops", thread_id=first.thread_id)
    answer = copilot.ask("who has more?", "ops", thread_id=first.thread_id).answer
    assert "Which two do you mean" in answer and "72" not in answer
    both = copilot.ask("who won more deals, Elease Gluck or Rosalina Dieter?", "ops").answer
    assert "80" in both and "72" in both and "Elease Gluck has 8 more" in both


@pytest.mark.parametrize("question", ["how much revenue did we win last year", "won revenue YTD",
                                      "how many deals did we win last quarter", "deals won in the last 30 days",
                                      "what's my win rate this quarter", "how much did we win the year before last",
                                      "how many deals did we win the quarter before last",
                                      "won revenue the month before last", "win rate since last year",
                                      "how did I do in the year before last?"])
def test_a_period_counted_from_today_after_the_last_deal_is_asked_about(copilot: Copilot, question: str) -> None:
    """The Maven deals end in December 2017: a period counted from today holds none of them, so which one was meant is
    asked, never answered with 0; the figure asked for is kept, so naming a period next answers it."""
    user = "Darcel Schlecht" if "my" in question else "ops"
    first = copilot.ask(question, user)
    assert "Which period do you mean" in first.answer and "December 2017" in first.answer, first.answer
    assert not re.search(r"\$0|: 0\b|n/a", first.answer), first.answer
    again = copilot.ask("in Q4 2017", user, thread_id=first.thread_id).answer
    assert "Q4 2017" in again and "Which period" not in again and re.search(r"\d", again), again


@pytest.mark.parametrize(("user", "turns", "expected"), [
    ("ops", ["How many deals were engaged in Q3 2017?", "how many of them were won?", "and lost?"],
     ["2,770", "1,207", "805"]),  # of the deals engaged in Q3, by stage
    ("ops", ["How many deals did Kary Hendrixson win in 2017?", "how many of those were GTX Pro?",
             "and her average deal size on those?"], ["209", "50", "4,778.14"]),
    ("Darcel Schlecht", ["how many of my deals are still open?", "what about lost ones in Q4 2017?"], ["194", "65"]),
])
def test_a_follow_up_keeps_what_the_last_figure_was_over(copilot: Copilot, user: str, turns: list[str],
                                                         expected: list[str]) -> None:
    thread = None
    for question, figure in zip(turns, expected, strict=True):
        result = copilot.ask(question, user, thread_id=thread)
        thread = result.thread_id
        assert figure in result.answer, (question, result.answer)


@pytest.mark.parametrize(("turns", "expected"), [
    (["how many deals did Anna Snelling win?", "how many did Cecily Lampkin win?",
      "who won more deals in 2017 Anna Snelling or Cecily Lampkin?"], "Anna Snelling has 101 more"),
    (["how many deals did we win in 2017?", "who won more in Q3 2017?"], "Darcel Schlecht has the most won deals"),
    (["list recent deals"], "The most recent deals"),
    (["show me big deals"], "The largest deals"),
    (["how long deals take to close on average?"], "51.8 days"),
    (["does Cheers have no open deals?"], "Open deals for Cheers: 8"),
    (["how many deals did we win in Q2 2017?", "no, I meant Q3 2017"], "Won deals, closed in Q3 2017: 1,257"),
    (["how many deals did we win or lose in 2017?"], "6,711"),
    (["how many deals did we win in Q3 2017?", "how many did we lose?"], "Lost deals, closed in Q3 2017: 790"),
    (["how many deals are not won yet?"], "2,089"),
])
def test_ordinary_wordings_near_the_guards_are_answered(copilot: Copilot, turns: list[str], expected: str) -> None:
    thread = None
    for question in turns:
        result = copilot.ask(question, "ops", thread_id=thread)
        thread = result.thread_id
    assert expected in result.answer, result.answer


@pytest.mark.parametrize("question", ["what's the longest sales cycle we've had?", "how many deals were engaged recently?"])
def test_a_superlative_or_a_vague_time_is_asked_about(copilot: Copilot, question: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert "?" in answer and "51.8" not in answer and "8,800" not in answer, answer


def test_a_breakdown_asked_of_a_list_of_people_is_asked_again_not_a_crash(copilot: Copilot) -> None:
    thread = None
    for question in ("who is on my team", "by product"):
        result = copilot.ask(question, "Dustin Brinkmann", thread_id=thread)
        thread = result.thread_id
    assert "could not break that down by product" in result.answer


@pytest.mark.parametrize(("question", "first"), [
    ("which rep has the biggest average deal", "Daniell Hammack has the highest average won deal size"),
    ("who's my fastest closer", "Daniell Hammack has the lowest average sales cycle (among your team): 46.6 days"),
])
def test_a_managers_ranking_is_by_the_measure_named(copilot: Copilot, question: str, first: str) -> None:
    assert first in copilot.ask(question, "Rocco Neubert").answer


@pytest.mark.parametrize(("question", "excluded"), [
    ("won revenue apart from GTX Basic", "499,263"),
    ("won revenue leaving out GTX Basic", "499,263"),
    ("won revenue for every product but GTX Basic", "499,263"),
    ("won revenue for all products save GTX Basic", "499,263"),
    ("won revenue aside from GTX Basic", "499,263"),
    ("won revenue leave out GTX Basic", "499,263"),
    ("won revenue without GTX Basic", "499,263"),
    ("won revenue bar GTX Basic", "499,263"),
    ("won revenue barring GTX Basic", "499,263"),
    ("won revenue not counting GTX Basic", "499,263"),
    ("won revenue minus GTX Basic", "499,263"),
    ("won revenue omitting GTX Basic", "499,263"),
    ("won revenue exclusive of GTX Basic", "499,263"),
    ("won revenue except for GTX Basic", "499,263"),
    ("how many deals did we win in 2017 leaving GTX Basic out", "915"),
    ("win rate apart from Darcel Schlecht", "63.1%"),
    ("win rate for everyone but Darcel Schlecht", "63.1%"),
    ("how many open deals apart from Kan-code", "Kan-code: 9"),
    ("won revenue in 2017 apart from Q4", "2,802,496"),
    ("won revenue in 2017 excluding Q4", "2,802,496"),
])
def test_every_wording_that_leaves_something_out_is_refused_never_answered_for_it(copilot: Copilot, question: str,
                                                                                  excluded: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert "can't answer questions that leave something out" in answer, answer
    assert excluded not in answer and not re.search(r"\d[\d,]{2,}", answer), answer


@pytest.mark.parametrize(("question", "expected"), [
    ("I know the total, but how much did GTX Basic win?", "$499,263"),      # "but" joining two parts
    ("all good, but what is Darcel Schlecht's win rate?", "63.1%"),
    ("how many deals did we win, not lose?", "4,238"),                      # a stage said not to be
])
def test_words_of_exclusion_in_other_senses_are_answered(copilot: Copilot, question: str, expected: str) -> None:
    assert expected in copilot.ask(question, "ops").answer


def _thread(copilot: Copilot, turns: list[str], user: str = "ops") -> list[str]:
    thread, answers = None, []
    for question in turns:
        result = copilot.ask(question, user, thread_id=thread)
        thread = result.thread_id
        answers.append(result.answer)
    return answers


COMPARED = ["won revenue for GTX Pro in the West office in Q3 2017", "how does that compare with Q2 2017?"]


def test_after_a_comparison_of_periods_a_follow_up_keeps_its_filters_and_asks_the_period(copilot: Copilot) -> None:
    answers = _thread(copilot, [*COMPARED, "how many were lost?", "yes"])
    assert "$325,760" in answers[0] and "$368,976" in answers[1]
    assert "Which period do you mean, Q3 2017 or Q2 2017?" in answers[2] and "2,473" not in answers[2]
    assert "Lost deals for GTX Pro, West office, closed in Q2 2017: 42" in answers[3]
    named = _thread(copilot, [*COMPARED, "how many were lost?", "Q3 2017"])[-1]
    assert "Lost deals for GTX Pro, West office, closed in Q3 2017: 45" in named
    assert "Lost deals for GTX Pro, West office, closed in Q4 2017: 32" in \
        _thread(copilot, [*COMPARED, "what about lost ones in Q4 2017?"])[-1]
    assert "Won revenue for GTX Pro, West office, closed in Q4 2017: $257,056" in \
        _thread(copilot, [*COMPARED, "and in Q4 2017?"])[-1]
    assert "Lost deals for GTX Pro, West office, closed in Q3 2017: 45" in \
        _thread(copilot, [COMPARED[0], "how many were lost?"])[-1]


def test_after_a_comparison_of_two_subjects_a_follow_up_gives_each_ones_figure(copilot: Copilot) -> None:
    answer = _thread(copilot, ["won revenue in Q3 2017 for GTX Pro vs GTX Basic", "how many were lost?"])[-1]
    assert "Lost deals for GTX Pro, closed in Q3 2017: 142" in answer
    assert "Lost deals for GTX Basic, closed in Q3 2017: 163" in answer and "2,473" not in answer


@pytest.mark.parametrize("question", [
    "how much revenue did we win in Q2 2017 compared to last quarter",
    "how much revenue did we win in Q2 2017 compared to the previous quarter",
    "how much revenue did we win in Q2 2017 compared to the quarter before",
])
def test_last_quarter_beside_a_named_quarter_is_the_one_before_it(copilot: Copilot, question: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert "Won revenue, closed in Q1 2017: $1,134,672 from 531 won deals" in answer, answer
    assert "Won revenue, closed in Q2 2017: $3,086,111" in answer and "2026" not in answer
    assert "Q2 2017 has $1,951,439 more than Q1 2017" in answer


def test_last_year_beside_a_named_quarter_is_asked(copilot: Copilot) -> None:
    answer = copilot.ask("won deals in Q2 2017 vs last year", "ops").answer
    assert 'Which period do you mean by "last year"?' in answer and "2026" not in answer


@pytest.mark.parametrize(("question", "expected"), [
    ("how many deals did we win without the lost ones", "Won deals: 4,238."),
    ("how many deals did we win, without the lost ones?", "Won deals: 4,238."),
    ("how many deals did we win in Q3 2017 without the lost ones", "Won deals, closed in Q3 2017: 1,257."),
    ("how many deals did we lose without the won ones", "Lost deals: 2,473."),
])
def test_a_stage_named_beside_one_said_not_to_be_is_the_one_counted(copilot: Copilot, question: str,
                                                                     expected: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert answer.startswith(expected), answer
    assert ("2,473" if "win" in question else "4,238") not in answer, answer


@pytest.mark.parametrize(("follow_up", "expected"), [
    ("how many were lost in Q3 2017?", "Lost deals for GTX Pro, West office, closed in Q3 2017: 45."),
    ("how many did we lose in Q4 2017?", "Lost deals for GTX Pro, West office, closed in Q4 2017: 32."),
])
def test_a_follow_up_naming_its_own_period_keeps_the_last_figures_filters(copilot: Copilot, follow_up: str,
                                                                          expected: str) -> None:
    answers = _thread(copilot, [COMPARED[0], follow_up])
    assert "$325,760" in answers[0]
    assert answers[1].startswith(expected) and "790" not in answers[1], answers[1]


@pytest.mark.parametrize("follow_up", ["how does that compare with last quarter?",
                                       "how does that compare with the previous quarter?",
                                       "how does that compare with the quarter before?"])
def test_last_quarter_in_a_comparing_follow_up_is_the_one_before_the_threads(copilot: Copilot,
                                                                              follow_up: str) -> None:
    answer = _thread(copilot, ["won revenue in Q2 2017", follow_up])[-1]
    assert "Won revenue, closed in Q1 2017: $1,134,672 from 531 won deals" in answer, answer
    assert "Q2 2017 has $1,951,439 more than Q1 2017" in answer and "2026" not in answer, answer


def test_last_year_in_a_comparing_follow_up_after_a_quarter_is_asked(copilot: Copilot) -> None:
    answer = _thread(copilot, ["won revenue in Q2 2017", "how does that compare with last year?"])[-1]
    assert 'Which period do you mean by "last year"?' in answer and "2026" not in answer and "$" not in answer


@pytest.mark.parametrize(("question", "expected"), [
    ("bottom 2 products by win rate", ["1. GTK 500: 60.0%", "2. MG Advanced: 60.3%"]),
    ("the 2 lowest products by won revenue", ["1. MG Special: $43,768", "2. GTK 500: $400,612"]),
    ("3 fastest closers", ["1. Cecily Lampkin: 42.3 days", "3. Elease Gluck"]),
])
def test_how_many_a_ranking_from_the_bottom_asks_for_is_how_many_it_gives(copilot: Copilot, question: str,
                                                                          expected: list[str]) -> None:
    answer = copilot.ask(question, "ops").answer
    assert all(e in answer for e in expected), answer


def test_the_other_end_of_a_ranking_keeps_its_subject_period_and_length(copilot: Copilot) -> None:
    answers = _thread(copilot, ["top 3 products by won revenue in Q3 2017", "and the bottom 3?"])
    assert "1. GTX Pro: $1,096,599" in answers[0], answers[0]
    assert "Won revenue by product, closed in Q3 2017" in answers[1], answers[1]
    assert all(e in answers[1] for e in ("1. MG Special: $12,749", "2. GTK 500: $104,601", "3. GTX Basic: $139,583")), \
        answers[1]
    assert "4." not in answers[1].split("Records")[0], answers[1]


@pytest.mark.parametrize(("question", "expected"), [
    ("3 lowest products by revenue", "Won revenue by product:\n1. MG Special: $43,768"),
    ("highest revenue office", "West has the most won revenue: $3,568,647"),
    ("bottom 3 managers by revenue", "1. Dustin Brinkmann: $1,094,363"),
    ("which sector has the highest revenue", "retail has the most won revenue: $1,867,528"),
])
def test_revenue_of_products_reps_offices_teams_and_sectors_is_the_revenue_they_won(copilot: Copilot, question: str,
                                                                                   expected: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert expected in answer and "annual revenue" not in answer and "Kan-code" not in answer, answer


def test_accounts_by_annual_revenue_are_by_their_annual_revenue(copilot: Copilot) -> None:
    assert "1. Kan-code: 11,698.03" in copilot.ask("top 5 accounts by annual revenue", "ops").answer


@pytest.mark.parametrize(("question", "expected", "not_said"), [
    ("who closed the biggest deal in Nov 2017?", ["1H2PVLZ3", "$26,186", "Rosalina Dieter"], "$108,018"),
    ("which rep closed the largest deal in Q3 2017", ["LSJ2A8ZX", "$29,166", "Markita Hansen"], "$373,218"),
    ("who had the largest single deal in 2017?", ["60UOBOEM", "$30,288", "Rosalina Dieter"], "$1,153,214"),
])
def test_the_biggest_deal_is_that_deal_not_the_rep_with_the_most_revenue(copilot: Copilot, question: str,
                                                                         expected: list[str], not_said: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert all(e in answer for e in expected) and not_said not in answer, answer


@pytest.mark.parametrize(("question", "expected", "not_said"), [
    ("which rep has the biggest deal size", "Elease Gluck has the highest average won deal size: $3,614.94",
     "$1,153,214"),
    ("revenue per won deal for Kary Hendrixson", "Average won deal size for Kary Hendrixson: $2,173.67", "$454,298"),
    ("revenue per win for the East office", "Average won deal size for East office: $2,639.28", "$3,090,594"),
    ("avg deal size per office", "Average won deal size by regional office", "$3,090,594"),
])
def test_a_deals_size_or_revenue_per_deal_is_the_average_not_the_total(copilot: Copilot, question: str,
                                                                        expected: str, not_said: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert expected in answer and not_said not in answer, answer


@pytest.mark.parametrize(("question", "said"), [("average won revenue per rep", "An average per rep depends on"),
                                               ("average win rate across reps", "I can't answer that from the CRM")])
def test_an_average_over_people_is_still_declined_or_asked_about(copilot: Copilot, question: str, said: str) -> None:
    reply = copilot.ask(question, "ops")
    assert said in reply.answer and not reply.tool_calls, reply.answer


@pytest.mark.parametrize(("question", "expected"), [
    ("what % of deals did we win in Q2 2017?", "Win rate, closed in Q2 2017: 61.7%"),
    ("what percentage of Darcel Schlecht's deals did he win", "Win rate for Darcel Schlecht: 63.1%"),
    ("share of deals won by the West office", "Win rate for West office: 63.9%"),
    ("what % of deals did the West office win", "Win rate for West office: 63.9%"),
    ("what % of deals did Darcel Schlecht win in Q3 2017", "Win rate for Darcel Schlecht, closed in Q3 2017: 63.5%"),
    ("Melvin Marxen: what % of deals did my team win in 2017", "Win rate for your team, closed in 2017: 62.2%"),
])
def test_the_share_of_deals_won_is_the_win_rate(copilot: Copilot, question: str, expected: str) -> None:
    user, _, question = question.rpartition(": ")
    answer = copilot.ask(question, user or "ops").answer
    assert answer.startswith(expected), answer


def test_a_ratio_of_won_to_lost_is_asked_with_the_win_rate_offered(copilot: Copilot) -> None:
    answer = copilot.ask("what's the ratio of won to lost deals", "ops").answer
    assert "Shall I give you the win rate" in answer and "2,473" not in answer, answer


@pytest.mark.parametrize("turns", [
    ["won revenue in Q4 2017 vs the quarter before last"],
    ["win rate for the East office in 2017", "and the quarter before last?"],
])
def test_the_quarter_before_last_beside_another_period_is_asked(copilot: Copilot, turns: list[str]) -> None:
    answer = _thread(copilot, turns)[-1]
    assert 'Which period do you mean by "the quarter before last"?' in answer and "$" not in answer, answer


def test_the_quarter_before_last_alone_is_two_quarters_before_today(copilot: Copilot) -> None:
    answer = copilot.ask("won revenue the quarter before last", "ops").answer
    assert "runs from 2026-04-01 to 2026-06-30" in answer and "Which period do you mean" in answer, answer


def test_a_period_counted_from_today_is_marked_so_whatever_its_label() -> None:
    today = dt.date(2026, 12, 1)
    for said in ("the year before last", "last quarter", "this month", "the last 30 days", "since last year",
                 "the quarter before last"):
        found = open_ended(find_period(said.split(), today), said.split(), today)
        assert found.period is not None and found.period.from_today, said
        assert Period.from_dict(found.period.as_dict()) == found.period
        assert found.period.shifted(-1).from_today, said
    for said in ("2017", "q3 2017", "since q3 2017", "march 2017"):
        found = open_ended(find_period(said.split(), today), said.split(), today)
        assert found.period is not None and not found.period.from_today, said


@pytest.mark.parametrize(("question", "expected"), [
    ("won revenue by quarter in 2017", "2. 2017-Q3: $2,982,255"),
    ("which month of 2017 had the highest won revenue?", "2017-06 has the most won revenue in 2017: $1,338,466"),
])
def test_by_quarter_or_which_month_groups_by_the_close_date(copilot: Copilot, question: str, expected: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert expected in answer, answer


@pytest.mark.parametrize(("question", "offered"), [
    ("top five reps for Q4 2017", "Do you mean won revenue by rep, closed in Q4 2017?"),
    ("who are the best reps", "Do you mean won revenue by rep?"),
    ("worst 2 reps in the East", "Do you mean won revenue by rep for East office?"),
])
def test_the_best_or_worst_reps_are_asked_by_which_figure_never_listed(copilot: Copilot, question: str,
                                                                      offered: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert offered in answer and "35 reps" not in answer and "12 reps" not in answer, answer


def test_the_most_expensive_product_is_read_off_the_price_list(copilot: Copilot) -> None:
    answer = copilot.ask("whats the most expensive product we sell", "ops").answer
    assert answer.startswith("The most expensive product is GTK 500, at $26,768 list price."), answer


@pytest.mark.parametrize(("question", "expected"), [
    ("how many deals are still open from Q1 2017", "Open deals, engaged in Q1 2017: 297."),
    ("won revenue from March 2017", "Won revenue, closed in March 2017: $1,134,672"),
    ("won revenue from March 2017 onwards", "Won revenue, closed since March 2017: $10,005,534"),
])
def test_from_a_period_is_that_period_unless_it_runs_on(copilot: Copilot, question: str, expected: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert answer.startswith(expected), answer


@pytest.mark.parametrize("user", ["ops", "Cara Losch"])
def test_two_teams_compared_with_no_figure_named_are_asked_on_which(copilot: Copilot, user: str) -> None:
    mine = "my team" if user == "Cara Losch" else "Cara Losch's team"
    answer = copilot.ask(f"how does {mine} compare to Rocco Neubert's team", user).answer
    assert answer.startswith("Which figure do you want them compared on") and "reps:" not in answer, answer


@pytest.mark.parametrize(("question", "expected"), [
    ("who's on my team", 'Whose team do you mean? Yours is your manager'),
    ("how do I rank on my team", "That is outside your scope"),
])
def test_a_reps_own_team_is_never_the_whole_sales_team(copilot: Copilot, question: str, expected: str) -> None:
    answer = copilot.ask(question, "Darcel Schlecht").answer
    assert expected in answer and "35 reps" not in answer and "unknown manager" not in answer, answer


def test_which_is_the_lowest_after_a_breakdown_is_the_lowest_of_it(copilot: Copilot) -> None:
    answers = _thread(copilot, ["won revenue by office in 2017", "which is the lowest?", "and its win rate?"])
    assert answers[1].startswith("East has the least won revenue in 2017: $3,090,594"), answers[1]
    assert answers[2].startswith("Win rate for East office, closed in 2017: 63.0%"), answers[2]


def test_it_after_a_product_singled_out_is_that_product_over_the_same_period(copilot: Copilot) -> None:
    answers = _thread(copilot, ["which product had the most wins in Q2 2017", "and the fewest?",
                                "how much revenue did it bring in?"])
    assert answers[1].startswith("GTK 500 has the fewest won deals in Q2 2017: 7"), answers[1]
    assert answers[2].startswith("Won revenue for GTK 500, closed in Q2 2017: $186,737 from 7 won deals"), answers[2]
    assert "10,005,534" not in answers[2]


@pytest.mark.parametrize(("question", "expected"), [
    ("who's the worst manager", "Do you mean won revenue by manager?"),
    ("who manages the top rep", "Which rep do you mean?"),
])
def test_the_best_or_worst_manager_is_asked_by_which_figure(copilot: Copilot, question: str, expected: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert expected in answer and "no record" not in answer, answer


def test_an_attribute_of_two_accounts_gives_each_ones(copilot: Copilot) -> None:
    answer = copilot.ask("how many employees does Kan-code have vs Konex", "ops").answer
    assert "Kan-code: 34,288 employees" in answer and "Konex: 13,756 employees" in answer, answer


@pytest.mark.parametrize("question", ["how did won revenue change from Q2 2017 to Q3 2017",
                                      "by what % did won revenue grow from Q3 to Q4 2017"])
def test_a_change_from_one_period_to_another_is_never_the_total_over_both(copilot: Copilot, question: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert answer.startswith("Do you want Q") and "side by side" in answer and "$" not in answer, answer


def test_better_with_no_figure_named_is_asked_by_which(copilot: Copilot) -> None:
    answer = copilot.ask("was Q4 2017 better than Q3 2017", "ops").answer
    assert answer.startswith("Better by which figure, do you mean") and "$" not in answer, answer


def test_last_year_beside_a_named_span_of_months_is_asked(copilot: Copilot) -> None:
    answer = copilot.ask("how many deals did we win from March to May 2017 compared to last year", "ops").answer
    assert 'Which period do you mean by "last year"?' in answer and "2025" not in answer, answer


@pytest.mark.parametrize(("question", "expected"), [
    ("who are our top 3 customers in medical",
     "Won revenue by account for medical sector:\n1. Condax: $206,410 from 105 won deals\n2. Isdom: $164,683"),
    ("lowest 2 accounts by employees in software",
     "Accounts with the fewest employees among software sector:\n1. Dalttechnology: 96\n2. Bubba Gump: 2,253"),
])
def test_top_or_lowest_accounts_are_ranked_never_counted(copilot: Copilot, question: str, expected: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert answer.startswith(expected) and "There are" not in answer, answer


def test_how_an_office_did_is_asked_by_which_figure_never_its_members(copilot: Copilot) -> None:
    answer = copilot.ask("how'd the central office do in q3 2017", "ops").answer
    assert answer.startswith("Which figure do you want:") and "reps:" not in answer, answer


@pytest.mark.parametrize(("question", "expected", "not_said"), [
    ("who are the 2 reps with the lowest avg deal size", "2. Versie Hillebrand: $1,066.44", "The smallest"),
    ("how many deals did the top rep win", "Darcel Schlecht has the most won deals: 349", "The largest"),
    ("how many deals did the bottom rep win", "are tied for the fewest won deals: 0 each", "The smallest"),
])
def test_how_many_people_a_ranking_names_and_win_as_a_verb(copilot: Copilot, question: str, expected: str,
                                                           not_said: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert expected in answer and not_said not in answer, answer


@pytest.mark.parametrize(("question", "expected"), [
    ("what is the conversion rate from engaging to won", "The CRM keeps each deal's current stage, not its history"),
    ("won revenue in prospecting", "The CRM keeps each deal's current stage, not its history"),
])
def test_what_the_crm_cannot_tell_is_asked_about_never_answered_with_another_figure(copilot: Copilot, question: str,
                                                                                   expected: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert answer.startswith(expected) and "n/a" not in answer and "85 accounts" not in answer, answer


def test_a_share_of_a_total_is_declined_not_answered_with_the_part(copilot: Copilot) -> None:
    answer = copilot.ask("Darcel's won revenue as a % of the Central office", "ops").answer
    assert "I can't answer that from the CRM" in answer and "1,153,214" not in answer, answer


@pytest.mark.parametrize(("user", "question", "expected"), [
    ("ops", "which deal did we win last", "The most recent won deal (tied with"),
    ("ops", "when did we last win a deal?", "The most recent won deal (tied with"),
    ("ops", "what did we lose most recently?", "The most recent lost deal (tied with"),
    ("ops", "what was our first win?", "The earliest won deal (tied with"),
    ("ops", "which account did we win the most recent deal from?", "The most recent won deal (tied with"),
    ("ops", "what was the first deal we lost in 2017?", "The earliest lost deal, closed in 2017 (tied with"),
    ("ops", "what's our newest open deal?", "The most recently engaged open deal: DB801ISB"),
    ("Darcel Schlecht", "what was my last win?", "The most recent won deal of yours (tied with"),
])
def test_the_last_or_first_deal_is_that_deal_by_its_date_never_a_count(copilot: Copilot, user: str, question: str,
                                                                       expected: str) -> None:
    answer = copilot.ask(question, user).answer
    assert expected in answer and "closed 2017-" in answer or "engaged 2017-12-22" in answer, answer
    assert "4,238" not in answer and "2,473" not in answer and "Records (" not in answer, answer


def test_the_last_few_deals_are_that_many_by_close_date() -> None:
    from copilot.planner.reader import _recency

    assert _recency("list the 5 most recent wins") == "latest"
    assert _recency("what was our first win?") == "first"
    assert _recency("how many deals did we win last year?") is None  # a period, not a deal singled out
    assert _recency("who won the most deals last quarter?") is None
    assert _recency("won revenue the year before last") is None


@pytest.mark.parametrize(("question", "expected"), [
    ("which products sold best in the east", ["Top 5 shown", "1. GTX Pro: $1,285,647", "2. GTX Plus Pro: $822,168",
                                              "3. MG Advanced: $655,914"]),
    ("which offices brought in the most revenue?", ["1. West: $3,568,647", "2. Central: $3,346,293",
                                                    "3. East: $3,090,594"]),
    ("which products did worst in Q3 2017?", ["Bottom 5 shown", "1. MG Special: $12,749", "2. GTK 500: $104,601"]),
])
def test_a_ranking_asked_in_the_plural_with_no_number_gives_several(copilot: Copilot, question: str,
                                                                    expected: list[str]) -> None:
    answer = copilot.ask(question, "ops").answer
    assert all(e in answer for e in expected), answer


@pytest.mark.parametrize(("user", "question", "expected"), [
    ("ops", "which rep won the most deals?", "Darcel Schlecht has the most won deals: 349"),
    ("Rocco Neubert", "which of my reps closed the most deals?", "Cassey Cress has the most won deals"),
])
def test_a_ranking_asked_of_one_still_gives_one(copilot: Copilot, user: str, question: str, expected: str) -> None:
    assert expected in copilot.ask(question, user).answer


@pytest.mark.parametrize(("question", "expected"), [
    ("Darcel Schlecht's avg deal size vs the company", ["$3,304.34", "$2,360.91",
                                                        "Darcel Schlecht is higher than the whole company by $943.43"]),
    ("compare Darcel Schlecht's win rate with the company's", ["63.1%", "63.2%", "less than a tenth of a percentage"]),
    ("how does the East office's win rate compare to the company average in 2017?", ["63.0%", "63.2%"]),
    ("GTX Pro win rate versus overall", ["63.6%", "63.2%", "GTX Pro is higher than the whole company"]),
])
def test_a_figure_set_beside_the_company_gives_both_sides(copilot: Copilot, question: str,
                                                          expected: list[str]) -> None:
    answer = copilot.ask(question, "ops").answer
    assert all(e in answer for e in expected), answer


@pytest.mark.parametrize(("user", "question", "expected"), [
    ("Darcel Schlecht", "my avg deal size vs the company", "outside your scope"),
    ("Darcel Schlecht", "how does my win rate compare to the company average?", "outside your scope"),
    ("Darcel Schlecht", "am I above the company average win rate?", "outside your scope"),
    ("Rocco Neubert", "my team's win rate compared with everyone else", "outside your scope"),
    ("ops", "how many deals did Darcel Schlecht win compared to the other reps?", "leave something out"),
    ("ops", "my win rate vs the company", "Whose figure do you want"),
])
def test_the_company_side_of_a_comparison_is_never_dropped(copilot: Copilot, user: str, question: str,
                                                           expected: str) -> None:
    answer = copilot.ask(question, user).answer
    assert expected in answer and "3,304.34" not in answer and "63.1%" not in answer and "349" not in answer, answer


@pytest.fixture(scope="module")
def demo_copilot(tmp_path_factory: pytest.TempPathFactory, demo_dir: Path):  # noqa: ANN201
    from connectors.activities import import_activities
    from copilot.workspace import open_database

    home = tmp_path_factory.mktemp("understanding-demo")
    settings = Settings(home=home, database_url=None, llm="offline")
    engine: Engine = open_database(settings)
    import_maven(engine, demo_dir)
    import_activities(engine, demo_dir / "activities.csv", demo_dir / "contacts.csv")
    with Copilot(settings, engine) as c:
        yield c, demo_dir


def _logged(demo_dir: Path, kind: str, outbound: bool = False) -> dict[str, int]:
    import csv

    counts = {row["sales_agent"]: 0 for row in csv.DictReader((demo_dir / "sales_teams.csv").open())}
    for row in csv.DictReader((demo_dir / "activities.csv").open()):
        if row["type"] == kind and (row["direction"] == "outbound" or not outbound):
            counts[row["sales_agent"]] += 1
    return counts


def test_calls_e_mails_and_meetings_are_counted_and_ranked_by_type(demo_copilot) -> None:  # noqa: ANN001
    copilot, demo_dir = demo_copilot
    calls = _logged(demo_dir, "call")
    fewest = min(calls.values())
    answer = copilot.ask("who logged the fewest calls", "ops").answer
    assert "fewest calls logged" in answer and f": {fewest}" in answer, answer
    assert all(name in answer for name, n in calls.items() if n == fewest), answer
    rep = max(calls, key=lambda name: (calls[name], name))
    answer = copilot.ask(f"how many calls did {rep} make?", "ops").answer
    assert f"Calls made for {rep}: {calls[rep]:,}" in answer, answer
    sent = _logged(demo_dir, "email", outbound=True)
    top = max(sent.values())
    for question in ("who sent the most emails?", "who sent the most e-mails?"):
        answer = copilot.ask(question, "ops").answer
        assert f"most e-mails sent: {top:,}" in answer, answer
    meetings = _logged(demo_dir, "meeting")
    answer = copilot.ask("how many meetings did we have?", "ops").answer
    assert f"Meetings logged: {sum(meetings.values()):,}" in answer, answer


def test_calls_where_none_are_logged_are_said_to_be_none(copilot: Copilot) -> None:
    answer = copilot.ask("who logged the fewest calls", "ops").answer
    assert "none. The CRM holds no logged activity" in answer and "decline" not in answer, answer


@pytest.mark.parametrize(("question", "expected"), [
    ("what's the biggest open deal?", "The highest list-price open deal (tied with"),
    ("what's the largest deal still in engaging?", "The highest list-price deal in Engaging (tied with"),
])
def test_the_biggest_open_deal_is_by_its_list_price(copilot: Copilot, question: str, expected: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert expected in answer and "GTK 500" in answer and "list price $26,768" in answer, answer


@pytest.mark.parametrize(("question", "expected"), [
    ("which account was founded first?", "Zotware has the earliest year established: 1979."),
    ("which account was established most recently?", "Condax has the latest year established: 2017."),
    ("the 3 oldest accounts in software", "1. Zotware: 1979"),
])
def test_the_account_founded_first_is_the_one_with_the_earliest_year(copilot: Copilot, question: str,
                                                                      expected: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert expected in answer and "2,017" not in answer, answer


@pytest.mark.parametrize(("question", "expected", "absent"), [
    ("who won the first deal?", "The earliest won deal (tied with", "Darcel Schlecht: 349"),
    ("the last three losses", "The most recent lost deals (3 of 2,473)", "4. "),
    ("who did the company lose the most deals to?", "I can't answer that from the CRM", "Hottechi"),
    ("how did GTX Pro do compared to the company?", "Compared with the whole company on which figure", "$"),
])
def test_the_deal_or_the_figure_asked_is_the_one_answered(copilot: Copilot, question: str, expected: str,
                                                          absent: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert expected in answer and absent not in answer, answer


@pytest.mark.parametrize(("question", "expected", "absent"), [
    ("how many deals did we start in Q1 2017?", "Deals, engaged in Q1 2017: 1,619", "647"),
    ("how many deals closed in October 2017 were lost?", "Lost deals, closed in October 2017: 287", "566"),
    ("won revenue for Q3 and Q4 2017 combined", "$5,784,751 from 2,453 won deals", "more than"),
    ("won revenue in Q3 2017 from deals engaged in Q2 2017", "one at a time", "$"),
    ("what's the won revenue per rep on average?", "An average per rep depends on which reps count", "$"),
    ("how many deals without an account are open?", "can't answer questions that leave something out", "2,089"),
])
def test_what_a_question_says_of_its_deals_is_kept_or_asked(copilot: Copilot, question: str, expected: str,
                                                            absent: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert expected in answer and absent not in answer, answer


def test_a_ranking_says_how_many_it_shows_only_when_it_shows_that_many(copilot: Copilot) -> None:
    answer = copilot.ask("which offices have the best win rate?", "ops").answer
    assert "1. West: 63.9%" in answer and "3. Central: 62.6%" in answer and "shown" not in answer, answer


def test_the_latest_win_of_a_sector_is_offered_as_that_deal_never_a_count_of_accounts(copilot: Copilot) -> None:
    first = copilot.ask("our latest win in the medical sector?", "ops")
    assert "the most recent won deal of medical sector?" in first.answer, first.answer
    answer = copilot.ask("yes", "ops", thread_id=first.thread_id).answer
    assert "The most recent won deal of medical sector" in answer and "closed 2017-12-" in answer, answer


def test_how_many_were_won_last_with_nothing_after_last_is_asked(copilot: Copilot) -> None:
    answer = copilot.ask("how many deals did we win last?", "ops").answer
    assert "Do you want the most recent won deals" in answer and "4,238" not in answer, answer
    assert "The most recent won deals (3 of" in copilot.ask("what were the last 3 deals we won?", "ops").answer


def test_a_reply_rate_of_one_kind_of_touch_is_asked_never_given_over_all(demo_copilot) -> None:  # noqa: ANN001
    copilot, _ = demo_copilot
    first = copilot.ask("what's our reply rate on emails?", "ops")
    assert "can't split it by type" in first.answer and "%" not in first.answer, first.answer
    assert "Reply rate: " in copilot.ask("yes", "ops", thread_id=first.thread_id).answer


@pytest.mark.parametrize(("question", "several"), [
    ("Which of my reps have the highest win rates?", True),
    ("which of my reps has the highest win rate", False),
    ("Which reps have the highest win rates?", True),
    ("which of my reps had the highest win rates", True),
    ("which of my reps had the highest win rate", False),
])
def test_which_of_my_reps_have_is_several_and_which_of_my_reps_has_is_one(copilot: Copilot, question: str,
                                                                           several: bool) -> None:
    answer = copilot.ask(question, "Rocco Neubert").answer
    if several:
        assert "1. Boris Faz: 66.0%" in answer and "5. Donn Cantrell: 57.5%" in answer, answer
    else:
        assert "Boris Faz has the highest win rate" in answer and "Reed Clapper" not in answer, answer


@pytest.mark.parametrize(("user", "question", "expected", "absent"), [
    ("ops", "Who is the rep on Kan-code?", ["1. Kary Hendrixson: 18", "3. Donn Cantrell: 15", "Versie Hillebrand: 1"],
     ["Health:", "Darcel Schlecht", "Carl Lin"]),
    ("ops", "which reps sell to Kan-code", ["1. Kary Hendrixson: 18"], ["Health:", "Carl Lin"]),
    ("ops", "who's the account manager for Kan-code", ["1. Kary Hendrixson: 18"], ["Summer Sewald", "Carl Lin"]),
    ("Rocco Neubert", "Who is the rep on Kan-code?", ["1. Donn Cantrell: 15", "5. Boris Faz: 9"],
     ["Natalya Ivanova", "Kary Hendrixson"]),
    ("ops", "who owns Kan-code", ["1. Kary Hendrixson: 18", "2. Maureen Marcano: 16"], ["parent", "Carl Lin"]),
    ("ops", "which reps have deals with Kan-code", ["1. Kary Hendrixson: 18", "3. Donn Cantrell: 15"],
     ["GTK 500", "$", "Carl Lin"]),
    ("Rocco Neubert", "who owns Kan-code?", ["1. Donn Cantrell: 15", "2. Reed Clapper: 13"], ["Kary Hendrixson"]),
])
def test_the_rep_on_an_account_is_the_reps_on_its_deals_with_how_many_each(copilot: Copilot, user: str, question: str,
                                                                          expected: list[str], absent: list[str]) -> None:
    """The CRM keeps a rep on each deal, not on the account: the reps its deals are with, never the account's brief."""
    answer = copilot.ask(question, user).answer
    assert all(e in answer for e in expected) and not any(a in answer for a in absent), answer
    assert "not on the account" in answer, answer


@pytest.mark.parametrize("question", ["How many open deals did we have in March 2017?", "how many deals were open in 2017",
                                      "list open deals in March 2017"])
def test_open_deals_at_a_past_date_are_asked_about_never_counted_as_another_figure(copilot: Copilot,
                                                                                   question: str) -> None:
    """The CRM keeps each deal's current stage, not its history: which deals were open then is not known."""
    first = copilot.ask(question, "ops")
    assert "not its history" in first.answer and "engaged in" in first.answer, first.answer
    assert not re.search(r"\d[\d,]{2,}", re.sub(r"(?:19|20)\d\d", "", first.answer)), first.answer
    if question.startswith("How many"):
        answer = copilot.ask("yes", "ops", thread_id=first.thread_id).answer
        assert "Deals, engaged in March 2017: 792" in answer, answer


def test_open_deals_said_as_engaged_then_or_open_now_are_still_counted(copilot: Copilot) -> None:
    assert "Open deals, engaged in March 2017: 137" in copilot.ask("how many open deals were engaged in March 2017",
                                                                  "ops").answer
    assert "Open deals, engaged in Q1 2017: 297" in copilot.ask("how many deals are still open from Q1 2017",
                                                               "ops").answer


@pytest.mark.parametrize(("question", "expected"), [
    ("best selling products", ["Won revenue by product:", "1. GTX Pro: $3,510,578 from 729 won deals",
                               "5. GTX Basic: $499,263"]),
    ("top-selling products in Central", ["Won revenue by product for Central office:",
                                         "1. GTX Pro: $1,104,109 from 229 won deals", "5. GTX Basic: $182,839"]),
    ("best selling product", ["GTX Pro has the most won revenue: $3,510,578"]),
])
def test_best_selling_products_are_ranked_by_the_revenue_they_won(copilot: Copilot, question: str,
                                                                  expected: list[str]) -> None:
    answer = copilot.ask(question, "ops").answer
    assert all(e in answer for e in expected) and "?" not in answer and "open" not in answer.lower(), answer


def test_which_reps_had_the_highest_win_rates_gives_five(copilot: Copilot) -> None:
    """"had" is singular and plural alike: the plural of what they had, or of the reps, says several."""
    answer = copilot.ask("which of my reps had the highest win rates", "Cara Losch").answer
    assert "1. Wilburn Farren: 69.6%" in answer and "5. Garret Kinder: 61.0%" in answer, answer


@pytest.mark.parametrize(("user", "question", "expected"), [
    ("ops", "how many deals over $5,000 did we win", "Won deals worth over $5,000: 656."),
    ("ops", "won deals above 5k", "Won deals worth over $5,000: 656."),
    ("ops", "how many deals between $1,000 and $2,000 did we win", "Won deals worth from $1,000 to $2,000: 504."),
    ("ops", "won revenue from deals over $10k in 2017", "closed in 2017: $400,612 from 15 won deals"),
    ("Anna Snelling", "how many deals over $1k did I win", "Won deals worth over $1,000 for you: 68."),
    ("ops", "open deals worth more than $1,000", "Open deals at a list price over $1,000 (the CRM holds no close "
                                                  "value for them): 1,231."),
    ("ops", "deals under $500 in Q3 2017", "The largest won deals worth under $500, closed in Q3 2017 (10 of 279):\n"
                                           "1. M6J6VNVQ"),
])
def test_a_bound_on_deal_value_is_on_the_close_value_of_won_deals_or_the_list_price_of_open_ones(
        copilot: Copilot, user: str, question: str, expected: str) -> None:
    """Only won deals have a close value (a lost one's is 0); an open deal is worth its product's list price."""
    answer = copilot.ask(question, user).answer
    assert expected in answer and "[figure removed]" not in answer, answer


@pytest.mark.parametrize("question", ["win rate on deals over $5,000", "what's our win rate for deals above 5k?"])
def test_a_win_rate_over_deals_of_some_value_is_asked_about(copilot: Copilot, question: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert "lost deals have no value" in answer and "%" not in answer, answer


@pytest.mark.parametrize(("question", "expected"), [
    ("reps with more than 5 deals", "5 deals"), ("deals that took more than 100 days", "100 days")])
def test_a_count_or_a_length_after_more_than_is_not_a_deal_value(copilot: Copilot, question: str,
                                                                 expected: str) -> None:
    assert "worth" not in copilot.ask(question, "ops").answer


@pytest.mark.parametrize(("user", "question", "expected"), [
    ("ops", "median deal size", "Median won deal size: $1,117 of 4,238 won deals"),
    ("ops", "what's the median won deal for GTX Pro", "Median won deal size for GTX Pro: $4,828 of 729 won deals"),
    ("ops", "median sales cycle", "Median sales cycle: 57.0 days of 4,238 won deals"),
    ("ops", "what is the median deal size in Q3 2017", "closed in Q3 2017: $1,131 of 1,257 won deals"),
    ("Anna Snelling", "my median deal size", "Median won deal size for you: $460"),
    ("Cara Losch", "median sales cycle for my team", "Median sales cycle for your team: 58.0 days"),
    ("ops", "median deal size for GTX Pro vs GTX Basic", "GTX Pro is higher than GTX Basic by $4,281."),
])
def test_a_median_is_the_middle_won_deal_or_sales_cycle_never_the_average(copilot: Copilot, user: str, question: str,
                                                                          expected: str) -> None:
    answer = copilot.ask(question, user).answer
    assert expected in answer and "average" not in answer and "[figure removed]" not in answer, answer


@pytest.mark.parametrize("question", ["median win rate", "median win rate by rep"])
def test_a_median_of_another_figure_is_asked_about(copilot: Copilot, question: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert "I can give the median won deal size or the median sales cycle" in answer and "$" not in answer, answer


@pytest.mark.parametrize(("question", "expected"), [  # expected: pandas over sales_pipeline.csv and products.csv
    ("how many deals worth $5,000 or more did we win", "Won deals worth $5,000 or more: 657."),
    ("won deals of 5k or more", "Won deals worth $5,000 or more: 657."),
    ("open deals at $1,000 or less", "Open deals at a list price $1,000 or less (the CRM holds no close value for them): "
                                     "858."),
    ("how many won deals of $500 or less in Q3 2017", "Won deals worth $500 or less, closed in Q3 2017: 280."),
])
def test_a_bound_said_after_the_amount_is_read_as_one_said_before_it(copilot: Copilot, question: str,
                                                                      expected: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert answer.startswith(expected), answer


@pytest.mark.parametrize("question", ["reps with 100 deals or more", "reps with revenue of $100k or more"])
def test_a_count_or_a_total_after_the_amount_is_never_a_bound_on_deal_value(copilot: Copilot, question: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert "Won deals worth" not in answer and "Records" not in answer, answer


@pytest.mark.parametrize(("question", "expected"), [
    ("how many deals are there", "Deals: 8,800."),  # pandas: len(sales_pipeline)
    ("how many deals are there for Kan-code", "Deals for Kan-code: 196."),
    ("how many deals are there for Darcel Schlecht", "Deals for Darcel Schlecht: 747."),
    ("how many open deals are there", "Open deals: 2,089."),  # Engaging or Prospecting
    ("how many active deals are there", "Open deals: 2,089."),
])
def test_how_many_deals_are_there_counts_every_deal_unless_open_ones_are_said(copilot: Copilot, question: str,
                                                                             expected: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert answer.startswith(expected), answer


@pytest.mark.parametrize("question", ["median deal size of open deals", "average deal size of open deals",
                                      "what's the average value of deals in the pipeline"])
def test_the_size_of_open_deals_is_asked_about_never_given_as_the_won_deals(copilot: Copilot, question: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert "Open deals have no close value yet" in answer and "$" not in answer, answer


@pytest.mark.parametrize(("user", "question", "expected"), [
    ("Anna Snelling", "my best month", "2017-03 has the most won revenue (among you): $47,208 from 25 won deals."),
    ("Anna Snelling", "which month did I win the most", "2017-03 has the most won revenue (among you): $47,208"),
    ("Anna Snelling", "which month did I win the most deals", "2017-06 has the most won deals (among you): 34."),
    ("ops", "what was our best month", "2017-06 has the most won revenue: $1,338,466 from 531 won deals."),
    ("Cara Losch", "best month for my team in 2017", "2017-09 has the most won revenue (among your team) in 2017: "
                                                     "$157,144 from 65 won deals."),
    ("Anna Snelling", "my worst month in 2017", "a month with no matching deal is not ranked"),
])
def test_a_best_month_is_the_month_with_the_most_won_revenue(copilot: Copilot, user: str, question: str,
                                                             expected: str) -> None:
    answer = copilot.ask(question, user).answer
    assert expected in answer and "Stalled" not in answer, answer


@pytest.mark.parametrize(("question", "expected"), [
    ("deals won in the first week of March 2017", "Won deals, closed in the first week of March 2017 (2017-03-01 to "
                                                  "2017-03-07): 117."),
    ("won revenue the week of 2017-03-06", "closed in the week of 2017-03-06 (Monday 2017-03-06 to Sunday 2017-03-12): "
                                           "$262,986 from 118 won deals"),
    ("won revenue the week of March 8, 2017", "(Monday 2017-03-06 to Sunday 2017-03-12): $262,986"),
    ("how many deals did we win in the last week of June 2017", "(2017-06-24 to 2017-06-30): 128."),
])
def test_a_week_is_named_with_its_dates(copilot: Copilot, question: str, expected: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert expected in answer, answer


@pytest.mark.parametrize("question", ["won revenue this week", "deals won last week",
                                      "how many deals did we win in the past 2 weeks"])
def test_a_week_counted_from_today_after_the_last_deal_is_asked_about(copilot: Copilot, question: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert "Counted from today" in answer and "$0" not in answer and ": 0" not in answer, answer


def test_a_week_of_a_day_runs_monday_to_sunday() -> None:
    found = find_period("the week of 2017 03 08".split(), dt.date(2026, 12, 1))
    assert found.period == Period(dt.date(2017, 3, 6), dt.date(2017, 3, 12), found.period.label, "week")
    relative = find_period("deals won last week".split(), dt.date(2026, 12, 1)).period
    assert relative is not None and relative.from_today and relative.start == dt.date(2026, 11, 23)


@pytest.mark.parametrize("question", ["reps with won revenue over $100k", "accounts with revenue over 1000",
                                      "revenue over $1m"])
def test_a_bound_on_a_total_or_an_accounts_size_is_asked_never_set_on_each_deal(copilot: Copilot, question: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert "the value of each deal?" in answer and "[figure removed]" not in answer, answer


def test_a_bound_in_a_follow_up_replaces_the_threads_and_keeps_its_period(copilot: Copilot) -> None:
    first = copilot.ask("won deals above 5k", "ops")
    second = copilot.ask("and in Q3 2017?", "ops", thread_id=first.thread_id)
    assert "Won deals worth over $5,000, closed in Q3 2017: 197." in second.answer, second.answer
    third = copilot.ask("what about under $500?", "ops", thread_id=first.thread_id).answer
    assert "Won deals worth under $500, closed in Q3 2017: 279." in third, third


def test_a_median_follow_up_keeps_the_median_and_the_average_asked_next_is_the_average(copilot: Copilot) -> None:
    first = copilot.ask("median deal size", "ops")
    second = copilot.ask("and for GTX Pro?", "ops", thread_id=first.thread_id).answer
    assert "Median won deal size for GTX Pro: $4,828" in second, second
    third = copilot.ask("what about the average?", "ops", thread_id=first.thread_id).answer
    assert "Average won deal size for GTX Pro: $4,815.61" in third and "Median" not in third, third


def test_a_best_week_is_asked_about_with_the_best_month_offered(copilot: Copilot) -> None:
    first = copilot.ask("my best week", "Anna Snelling")
    assert "not weeks" in first.answer and "$" not in first.answer, first.answer
    answer = copilot.ask("yes", "Anna Snelling", thread_id=first.thread_id).answer
    assert "2017-03 has the most won revenue (among you): $47,208" in answer, answer


@pytest.mark.parametrize(("user", "question", "expected"), [
    ("ops", "what % of revenue comes from GTX Pro", "GTX Pro's share: 35.1% ($3,510,578 of $10,005,534)."),
    ("ops", "GTX Pro share of revenue", "GTX Pro's share: 35.1% ($3,510,578 of $10,005,534)."),
    ("ops", "what percent of 2017 revenue came from the West office",
     "West office's share: 35.7% ($3,568,647 of $10,005,534)."),
    ("ops", "what % of our deals are GTX Pro", "GTX Pro's share: 16.8% (1,480 of 8,800)."),
    ("ops", "what share of Q3 2017 wins did Darcel Schlecht have", "Darcel Schlecht's share: 9.1% (115 of 1,257)."),
    ("Rocco Neubert", "what % of revenue comes from GTX Pro", "GTX Pro's share: 43.4% ($850,293 of $1,960,545)."),
    ("Darcel Schlecht", "what % of my revenue is GTX Pro", "GTX Pro's share: 67.0% ($773,129 of $1,153,214)."),
])
def test_a_share_of_a_total_gives_the_part_the_whole_and_the_percentage(copilot: Copilot, user: str, question: str,
                                                                        expected: str) -> None:
    answer = copilot.ask(question, user).answer
    assert expected in answer and "more than" not in answer, answer


def test_a_share_with_no_part_named_is_asked_about(copilot: Copilot) -> None:
    answer = copilot.ask("what % of revenue", "ops").answer
    assert "A share of which total" in answer and "$" not in answer, answer


def test_the_average_of_a_count_or_total_asked_next_is_the_average_deal_over_the_same_deals(copilot: Copilot) -> None:
    first = copilot.ask("my won deals in 2017", "Anna Snelling")
    second = copilot.ask("how many over 2k", "Anna Snelling", thread_id=first.thread_id).answer
    assert "Won deals worth over $2,000 for you, closed in 2017: 49." in second, second
    third = copilot.ask("and the average of those", "Anna Snelling", thread_id=first.thread_id).answer
    assert "Average won deal size of deals worth over $2,000 for you, closed in 2017: $4,585.35 from 49" in third, third
    fourth = copilot.ask("and the median?", "Anna Snelling", thread_id=first.thread_id).answer
    assert "Median won deal size of deals worth over $2,000 for you, closed in 2017: $5,060" in fourth, fourth
    other = copilot.ask("how many deals did i win in q3 2017", "Anna Snelling")
    answer = copilot.ask("average?", "Anna Snelling", thread_id=other.thread_id).answer
    assert "Average won deal size for you, closed in Q3 2017: $1,318.15 from 55 won deals" in answer, answer


@pytest.mark.parametrize(("user", "question", "expected"), [
    ("Anna Snelling", "my deals between 1000 and 2000", "worth from $1,000 to $2,000 of yours (10 of 19)"),
    ("ops", "how many deals did we win between 1000 and 2000", "Won deals worth from $1,000 to $2,000: 504."),
])
def test_a_range_of_amounts_ending_in_a_year_like_number_is_still_money(copilot: Copilot, user: str, question: str,
                                                                         expected: str) -> None:
    answer = copilot.ask(question, user).answer
    assert expected in answer, answer


@pytest.mark.parametrize("question", ["what was my average revenue per month", "average monthly revenue in 2017",
                                      "avg wins per quarter"])
def test_an_average_per_period_is_asked_about_with_each_periods_total_offered(copilot: Copilot, question: str) -> None:
    first = copilot.ask(question, "Anna Snelling")
    assert "An average per" in first.answer and "$" not in first.answer, first.answer
    answer = copilot.ask("yes", "Anna Snelling", thread_id=first.thread_id).answer
    assert "by close" in answer and "Average" not in answer, answer


def test_who_is_the_rep_after_an_account_names_the_reps_on_its_deals(copilot: Copilot) -> None:
    first = copilot.ask("how many deals did we win with Kan-code", "ops")
    answer = copilot.ask("who's the rep", "ops", thread_id=first.thread_id).answer
    assert "1. Kary Hendrixson: 18" in answer and "2. Maureen Marcano: 16" in answer, answer
    brief = copilot.ask("brief me on Codehow", "ops")
    answer = copilot.ask("who is the rep there?", "ops", thread_id=brief.thread_id).answer
    assert "1. Darcel Schlecht: 32" in answer and "2. Anna Snelling: 13" in answer, answer
    team = copilot.ask("won revenue from Kan-code", "Rocco Neubert")
    answer = copilot.ask("who's the rep", "Rocco Neubert", thread_id=team.thread_id).answer
    assert "1. Donn Cantrell: 15" in answer and "Kary Hendrixson" not in answer, answer
    product = copilot.ask("won revenue for GTX Pro", "ops")
    answer = copilot.ask("who's the rep", "ops", thread_id=product.thread_id).answer
    assert "Which rep do you mean?" in answer and "no record" not in answer, answer


@pytest.mark.parametrize(("question", "expected"), [
    ("top 5 accounts by revenue", "5. Hottechi: $194,957 from 111 won deals"),
])
def test_an_accounts_bare_revenue_is_asked_about_won_or_annual(copilot: Copilot, question: str, expected: str) -> None:
    first = copilot.ask(question, "ops")
    assert "or the accounts' own annual revenue?" in first.answer and "$" not in first.answer, first.answer
    answer = copilot.ask("yes", "ops", thread_id=first.thread_id).answer
    assert expected in answer and "millions" not in answer, answer


def test_an_accounts_annual_revenue_said_so_is_still_given(copilot: Copilot) -> None:
    answer = copilot.ask("which retail account has the highest annual revenue", "ops").answer
    assert "Ganjaflex has the highest annual revenue" in answer and "5,158.71" in answer, answer


@pytest.mark.parametrize(("user", "question", "expected"), [
    ("Darcel Schlecht", "my top 3 accounts by revenue", ["1. Warephase: $62,371", "2. Ron-tech: $62,096",
                                                         "3. Codehow: $59,990"]),
    ("Rocco Neubert", "top accounts for my team by revenue", ["1. Kan-code: $119,566", "2. Plussunin: $112,244"]),
])
def test_my_accounts_by_revenue_rank_them_by_the_revenue_won_on_my_deals(copilot: Copilot, user: str, question: str,
                                                                         expected: list[str]) -> None:
    answer = copilot.ask(question, user).answer
    assert all(e in answer for e in expected), answer


@pytest.mark.parametrize(("user", "question", "expected"), [
    ("ops", "how much revenue since june 15 2017", "Won revenue, closed since 2017-06-15: $6,515,546 from 2,731 won deals."),
    ("ops", "deals won on 2017-03-01", "Won deals, closed on 2017-03-01: 20."),
    ("ops", "how many deals did we win between march 3 and march 20 2017",
     "Won deals, closed from 2017-03-03 to 2017-03-20: 307."),
    ("ops", "lost deals before 2017-04-01", "Lost deals, closed before 2017-04-01: 116."),
    ("ops", "top 3 reps from 3 mar to 20 mar 2017", "3. Zane Levy: $42,940 from 12 won deals"),
    ("Darcel Schlecht", "my revenue since 15th june 2017", "closed since 2017-06-15: $809,671 from 234 won deals."),
])
def test_a_period_named_by_its_days_is_read_to_the_day(copilot: Copilot, user: str, question: str, expected: str) -> None:
    answer = copilot.ask(question, user).answer
    assert expected in answer, answer


def test_a_day_is_found_with_its_words_and_a_count_before_a_month_is_no_day() -> None:
    today = dt.date(2026, 12, 1)
    found = find_period("won revenue from 1 jan 2017 to 15 feb 2017".split(), today)
    assert (found.period.start, found.period.end) == (dt.date(2017, 1, 1), dt.date(2017, 2, 15)), found
    assert find_period("top 5 march 2017".split(), today).period.unit == "month"


def test_a_ranking_asked_again_by_another_figure_stays_a_ranking(copilot: Copilot) -> None:
    first = copilot.ask("top 3 reps on my team by revenue", "Cara Losch")
    second = copilot.ask("what about by win rate", "Cara Losch", thread_id=first.thread_id).answer
    assert "1. Wilburn Farren: 69.6%" in second and "3. Rosie Papadopoulos: 64.5%" in second, second
    third = copilot.ask("and the worst?", "Cara Losch", thread_id=first.thread_id).answer
    assert "1. Garret Kinder: 61.0%" in third and "2. Violet Mclelland: 63.2%" in third, third
    products = copilot.ask("top 5 products by revenue in 2017", "Cara Losch")
    answer = copilot.ask("by number of wins", "Cara Losch", thread_id=products.thread_id).answer
    assert "1. MG Special: 119" in answer and "5. GTX Plus Pro: 60" in answer, answer
    figure = copilot.ask("top 3 products by revenue", "ops")
    answer = copilot.ask("and by win rate?", "ops", thread_id=figure.thread_id).answer
    assert "1. MG Special: 64.8%" in answer and "3. GTX Basic: 63.7%" in answer, answer


@pytest.mark.parametrize(("user", "question", "expected"), [
    ("ops", "won vs lost deals in 2017", ["Won deals, closed in 2017: 4,238.", "Lost deals, closed in 2017: 2,473."]),
    ("ops", "won and lost deals", ["Won deals: 4,238.", "Lost deals: 2,473."]),
    ("ops", "how many open deals are engaging vs prospecting", ["Deals in Engaging: 1,589.", "Deals in Prospecting: 500."]),
    ("Rocco Neubert", "won and lost deals by rep", ["Won deals by rep for your team:\n1. Cassey Cress: 163",
                                                    "Lost deals by rep for your team:\n1. Donn Cantrell: 117"]),
    ("ops", "closed deals in H1 2017, won and lost together", ["2,679"]),
])
def test_two_stages_side_by_side_give_each_ones_count(copilot: Copilot, user: str, question: str,
                                                      expected: list[str]) -> None:
    answer = copilot.ask(question, user).answer
    assert all(e in answer for e in expected), answer


def test_a_share_of_the_last_figure_is_taken_and_kept_in_follow_ups(copilot: Copilot) -> None:
    first = copilot.ask("my won revenue in Q3 2017", "Darcel Schlecht")
    second = copilot.ask("what % of that was GTX Pro", "Darcel Schlecht", thread_id=first.thread_id).answer
    assert "GTX Pro's share: 65.8% ($245,478 of $373,218)." in second, second
    third = copilot.ask("and in Q4?", "Darcel Schlecht", thread_id=first.thread_id).answer
    assert "GTX Pro's share: 75.5% ($269,919 of $357,666)." in third, third
    fourth = copilot.ask("and MG Advanced?", "Darcel Schlecht", thread_id=first.thread_id).answer
    assert "MG Advanced's share: 3.7% ($13,222 of $357,666)." in fourth and "100.0%" not in fourth, fourth
    other = copilot.ask("won deals in 2017", "ops")
    answer = copilot.ask("what share of those were in the West office", "ops", thread_id=other.thread_id).answer
    assert "West office's share: 33.9% (1,438 of 4,238)." in answer, answer


@pytest.mark.parametrize(("user", "question", "expected"), [
    ("Rocco Neubert", "top accounts for my team", "1. Kan-code: $119,566 from 37 won deals"),
    ("Cara Losch", "top accounts for my team", "1. Umbrella Corporation: $76,918 from 22 won deals"),
    ("Rocco Neubert", "best products for my team", "1. GTX Pro: $850,293 from 177 won deals"),
    ("Cara Losch", "which product does my team sell the most of", "MG Special has the most won deals (among your team): 119."),
])
def test_a_teams_top_accounts_or_products_are_ranked_never_the_team_list(copilot: Copilot, user: str, question: str,
                                                                         expected: str) -> None:
    answer = copilot.ask(question, user).answer
    assert expected in answer and "for your team? Say yes" not in answer, answer


def test_two_stages_with_a_period_between_give_each_ones_count(copilot: Copilot) -> None:
    answer = copilot.ask("how many deals did my team lose in 2017 vs win", "Cara Losch").answer
    assert "Lost deals for your team, closed in 2017: 265." in answer and \
        "Won deals for your team, closed in 2017: 480." in answer, answer


def test_a_reps_figure_beside_the_team_is_out_of_scope_with_their_own_offered(copilot: Copilot) -> None:
    first = copilot.ask("my average deal size vs the team", "Anna Snelling")
    assert "outside your scope" in first.answer and "$" not in first.answer, first.answer
    answer = copilot.ask("yes", "Anna Snelling", thread_id=first.thread_id).answer
    assert "Average won deal size for you: $1,322.38 from 208 won deals" in answer, answer


@pytest.mark.parametrize(("user", "question", "expected"), [
    ("Rocco Neubert", "how's Cassey Cress doing", "Won revenue for Cassey Cress: $450,489 from 163 won deals; win rate "
                                                  "62.5% (163 won of 261 closed)."),
    ("Rocco Neubert", "hows boris faz doing in 2017", "closed in 2017: $261,631 from 101 won deals; win rate 66.0%"),
    ("ops", "how is the West office doing", "Won revenue for West office: $3,568,647 from 1,438 won deals; win rate 63.9%"),
])
def test_how_someone_is_doing_gives_their_won_revenue_and_win_rate(copilot: Copilot, user: str, question: str,
                                                                   expected: str) -> None:
    answer = copilot.ask(question, user).answer
    assert expected in answer and "Which account?" not in answer, answer


def test_a_question_back_about_a_ranking_by_the_number_won_offers_the_count(copilot: Copilot) -> None:
    first = copilot.ask("top 3 products by number of deals won in H2 2017", "ops")
    assert "won revenue" not in first.answer, first.answer
    answer = copilot.ask("yes", "ops", thread_id=first.thread_id).answer
    assert "1. GTX Basic: 513" in answer and "3. GTX Pro: 426" in answer and "$" not in answer, answer


@pytest.mark.parametrize(("question", "expected"), [
    ("how many won deals are in the West office", "Won deals for West office: 1,438."),
    ("how many lost deals are in the East office", "Lost deals for East office: 687."),
    ("how many open deals are in the West office", "Open deals for West office: 748."),
])
def test_a_stage_said_with_are_in_is_that_stage_never_the_open_deals(copilot: Copilot, question: str,
                                                                     expected: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert expected in answer, answer


def test_which_reps_are_tied_for_the_most_is_the_ranking_that_shows_ties(copilot: Copilot) -> None:
    answer = copilot.ask("which reps are tied for most wins in dec 2017", "ops").answer
    assert "1. Darcel Schlecht: 32" in answer and "4. Gladys Colclough: 24" in answer and \
        "5. Kary Hendrixson: 24" in answer and "could not place" not in answer, answer
