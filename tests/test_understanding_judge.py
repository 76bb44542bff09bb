"""Unit tests of the understanding judge: pure Python, no database, no copilot.

Run from the project root or from evals/understanding:
    python3 -m pytest evals/understanding/tests/test_understanding_judge.py -q -p no:randomly -p no:cacheprovider -o addopts=""
"""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    for folder in (HERE.parent, HERE.parent / "evals" / "understanding"):
        if (folder / name).is_file():
            return folder / name
    raise FileNotFoundError(name)


def _load():
    path = _find("judge.py")
    spec = importlib.util.spec_from_file_location("understanding_judge", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


judge = _load()
SETS = _find("judge.py").parent


def ex(numbers=(), names=(), absent=(), **flags):
    return {"numbers": list(numbers), "names": list(names), "absent_numbers": list(absent), **flags}


def cls(question, expect, answer):
    return judge.classify(question, expect, answer)[0]


# ---- reading numbers ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, values", [
    ("We brought in $2,982,255.", [2982255]),
    ("about $2.98M", [2980000]),
    ("roughly 950k", [950000]),
    ("3.5 million dollars", [3500000]),
    ("$1.2 mn", [1200000]),
    ("a win rate of 61.7%", [61.7]),
    ("61.7 percent", [61.7]),
    ("(48.8 days)", [48.8]),
    ("10,005,534.", [10005534]),
])
def test_reads_numbers_as_people_write_them(text, values):
    assert [n.value for n in judge.read_numbers(text)] == values


@pytest.mark.parametrize("text", [
    "deal 64CTQ6C5", "in Q3", "H1 and H2", "the 3rd rep", "deal 125VIRMX", "id 1H2PVLZ3",
    "engaged 2017-03-01", "from 2016-10", "at 10:15", "on 03/01/2017",
])
def test_digits_glued_to_letters_and_dates_are_not_numbers(text):
    assert judge.read_numbers(text) == []


def test_days_in_written_dates_are_skipped_and_years_are_marked():
    nums = judge.read_numbers("closed on March 1, 2017 and 5 June 2017")
    assert [n.value for n in nums] == [2017, 2017]
    assert all(n.plain_year for n in nums)
    assert not judge.read_numbers("$2017")[0].plain_year


def test_tolerance_is_half_a_unit_or_half_a_percent():
    assert judge.near(58.6, 58.2) and not judge.near(58.8, 58.2)
    assert judge.near(2_990_000, 2_982_255) and not judge.near(3_000_000, 2_982_255)


def test_names_are_whole_words_case_insensitive():
    assert judge.has_name("top rep: hayden neloms", "Hayden Neloms")
    assert judge.has_name("Deal 60UOBOEM with Groovestreet.", "60UOBOEM")
    assert judge.has_name("the West office", "West")
    assert not judge.has_name("the Western region", "West")
    assert judge.has_name("Gekko  &  Co".replace("  ", " "), "Gekko & Co")


# ---- right ----------------------------------------------------------------------------------------------
def test_right_when_every_number_and_name_is_there():
    e = ex([29166], ["Cheers"])
    assert cls("biggest win in Sept 2017?", e, "The biggest was **$29,166** with Cheers (LSJ2A8ZX).") == "right"
    assert cls("biggest win in Sept 2017?", e, "It was about $29.2k, with cheers.") == "right"


def test_right_for_rates_and_several_numbers():
    e = ex([63.7, 62.4], ["Vicki Laflamme"])
    assert cls("q", e, "Vicki Laflamme is higher: 63.7% against Kary's 62.4%.") == "right"
    assert cls("q", e, "Vicki Laflamme is higher: 63.7%.") == "wrong"


def test_right_refusal_needs_a_scope_reason_and_no_absent_number():
    e = ex(absent=[61.7], refuse=True)
    assert cls("What's Zane Levy's win rate?", e, "Sorry, Zane Levy's deals are outside your scope.") == "right"
    assert cls("What's Zane Levy's win rate?", e, "You're not allowed to view another rep's figures.") == "right"
    assert cls("What's Zane Levy's win rate?", e, "I can't see deals that aren't yours.") == "right"


def test_partial_refusal_states_the_visible_figure_only():
    e = ex([64.3], absent=[63.4], refuse=True)
    assert cls("q", e, "Your team: 64.3%. Celia Rouche's team is outside your scope.") == "right"
    assert cls("q", e, "Your team: 64.3%, hers 63.4% (outside your scope).") == "wrong"


def test_right_decline_states_no_figure():
    e = ex(decline=True)
    q = "What will our won revenue be in Q1 2018?"
    assert cls(q, e, "I can't forecast Q1 2018: the CRM only has deals through 2017-12.") == "right"
    assert cls(q, e, "The CRM has no forecast data, so I can't say.") == "right"


# ---- asked ----------------------------------------------------------------------------------------------
def test_asked_when_it_puts_a_question_to_the_user():
    e = ex([1666])
    assert cls("avg deal size for jonathan", e, "Do you mean Jonathan Berthelot?") == "asked"
    assert cls("q", e, "There are two periods that fit. Which quarter do you mean?") == "asked"
    assert cls("q", e, "Should I use close dates or engage dates?") == "asked"


def test_a_question_that_states_an_absent_number_is_wrong_not_asked():
    e = ex(absent=[61.7], refuse=True)
    assert cls("q", e, "Did you mean Zane Levy, whose win rate is 61.7%?") == "wrong"


def test_a_rhetorical_question_not_addressed_to_the_user_is_not_asking():
    assert cls("q", ex([5]), "Why does this matter? Because 4 deals closed.") == "wrong"


# ---- declined -------------------------------------------------------------------------------------------
def test_declined_when_it_says_it_cannot_and_states_no_figure():
    e = ex([2982255])
    assert cls("how much did we bring in in q3 2017", e, "Sorry, I can't answer that.") == "declined"
    assert cls("q", e, "I don't have that data.") == "declined"


def test_a_refusal_without_a_scope_reason_is_declined_not_right():
    assert cls("q", ex(absent=[85], refuse=True), "I'm unable to help with that.") == "declined"


def test_a_decline_that_gives_a_figure_is_wrong():
    assert cls("q", ex([2982255]), "I can't be sure, but roughly $1.5M.") == "wrong"
    q = "What will our won revenue be in Q1 2018?"
    assert cls(q, ex(decline=True), "I can't forecast, but 2017 brought in $10,005,534.") == "wrong"


# ---- wrong ----------------------------------------------------------------------------------------------
def test_wrong_figures_or_missing_names():
    e = ex([29166], ["Cheers"])
    assert cls("q", e, "The biggest was $24,745 with Finjob.") == "wrong"
    assert cls("q", e, "The biggest was $29,166.") == "wrong"


def test_record_ids_and_quarters_do_not_supply_numbers():
    assert cls("q", ex([64]), "See deal 64CTQ6C5.") == "wrong"
    assert cls("q", ex([3]), "In Q3 we did well.") == "wrong"


def test_absent_number_makes_an_otherwise_right_answer_wrong():
    e = ex([64.3], absent=[63.4])
    assert cls("q", e, "64.3%, and 63.4% for the other team") == "wrong"


def test_an_answer_to_an_unanswerable_question_is_wrong():
    assert cls("What's Konex's NPS score?", ex(decline=True), "Konex's NPS is 42.") == "wrong"
    assert cls("q", ex(decline=True), "") == "wrong"


# ---- files, dialogues, counts and exit status ----------------------------------------------------------
def _write(tmp_path, name, rows):
    p = tmp_path / name
    p.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return p


def test_dialogues_are_scored_turn_by_turn(tmp_path):
    case = {"id": "d1", "family": "dialogue", "split": "dev", "user": "ops", "turns": [
        {"input": "How many deals did we win in May 2017?", "expect": ex([438])},
        {"input": "and the month before?", "expect": ex([285])},
        {"input": "what about Celia's team?", "expect": ex(absent=[334], refuse=True)},
    ]}
    scored = judge.score([case], [{"id": "d1", "answers": ["438 deals.", "April: 290"]}])
    assert [u["class"] for u in scored] == ["right", "wrong", "wrong"]   # the third turn has no answer
    assert [u["id"] for u in scored] == ["d1#1", "d1#2", "d1#3"]


def test_cli_counts_and_thresholds(tmp_path, capsys):
    cases = [
        {"id": "a", "family": "periods", "split": "dev", "user": "ops", "input": "q", "expect": ex([10])},
        {"id": "b", "family": "periods", "split": "holdout", "user": "ops", "input": "q", "expect": ex([20])},
        {"id": "c", "family": "scope", "split": "holdout", "user": "Zane Levy", "input": "q",
         "expect": ex(absent=[5], refuse=True)},
        {"id": "d", "family": "unanswerable", "split": "dev", "user": "ops", "input": "q", "expect": ex(decline=True)},
    ]
    results = [{"id": "a", "answer": "10"}, {"id": "b", "answer": "Which year do you mean?"},
               {"id": "c", "answer": "It's 5."}, {"id": "d", "answer": "I don't know."}]
    cf, rf = _write(tmp_path, "cases.jsonl", cases), _write(tmp_path, "results.jsonl", results)
    assert judge.main([str(cf), str(rf)]) == 0
    out = capsys.readouterr().out
    assert "4 answers: 2 right, 1 asked, 0 declined, 1 wrong" in out
    assert "per family:" in out and "per split:" in out and "scope" in out and "holdout" in out
    assert judge.main([str(cf), str(rf), "--min-right", "0.5"]) == 0
    assert judge.main([str(cf), str(rf), "--min-right", "0.6"]) == 1
    assert judge.main([str(cf), str(rf), "--max-wrong", "1"]) == 0
    assert judge.main([str(cf), str(rf), "--max-wrong", "0"]) == 1
    capsys.readouterr()
    assert judge.main([str(cf), str(rf), "--split", "dev", "--max-wrong", "0"]) == 0
    assert "2 answers: 2 right" in capsys.readouterr().out


def test_bad_results_file_exits_2(tmp_path):
    cf = _write(tmp_path, "cases.jsonl", [])
    rf = tmp_path / "results.jsonl"
    rf.write_text("not json\n")
    assert judge.main([str(cf), str(rf)]) == 2


# ---- the shipped sets: an ideal answer is right and a shifted one is not ---------------------------------
def _say(n: float) -> str:
    return f"${n:,.0f}" if isinstance(n, int) and n >= 1000 else f"{n}"


def _ideal(expect: dict) -> str:
    if expect.get("decline"):
        return "I can't answer that: the CRM has no such data."
    parts = [_say(n) for n in expect["numbers"]] + list(expect["names"])
    text = "Here it is: " + ", ".join(parts) + "."
    if expect.get("refuse"):
        text += " The rest is outside your scope."
    return text


def _shifted(expect: dict) -> str:
    """Figures off by half again, names left out, and the figure to withhold said out loud."""
    nums = [n * 1.5 + 7 for n in expect["numbers"]] + list(expect["absent_numbers"]) or [123456]
    text = "It is " + ", ".join(f"{n:,.1f}" for n in nums) + "."
    if expect.get("refuse"):
        text += " (Strictly that is outside your scope.)"
    return text


@pytest.mark.parametrize("name", ["paraphrase.jsonl", "dialogues.jsonl"])
def test_shipped_cases_accept_an_ideal_answer_and_reject_a_wrong_one(name):
    path = SETS / name
    if not path.is_file():
        pytest.skip(f"{name} not generated")
    cases = judge.load_jsonl(path)
    ideal, shifted = [], []
    for c in cases:
        expects = [t["expect"] for t in c["turns"]] if "turns" in c else [c["expect"]]
        key = "answers" if "turns" in c else "answer"
        pick = (lambda xs: xs) if "turns" in c else (lambda xs: xs[0])
        ideal.append({"id": c["id"], key: pick([_ideal(e) for e in expects])})
        shifted.append({"id": c["id"], key: pick([_shifted(e) for e in expects])})
    good = judge.score(cases, ideal)
    assert [u["id"] for u in good if u["class"] != "right"] == []
    bad = judge.score(cases, shifted)
    assert [u["id"] for u in bad if u["class"] == "right"] == []
