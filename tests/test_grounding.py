"""The grounding check: every figure of an answer traced to this turn's tool results.

Both ways for every rule: a figure the results support (as written, rounded the way it is written, or
worked out from supported figures) leaves the answer untouched; an invented one of the same kind is
replaced, whole, by "[figure removed]". A property test puts random values into the formats the copilot
writes and checks that an answer whose figures all come from the results is never changed.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from copilot.grounding import REMOVED, Figure, drop_figures, figures, parse_spelled, ungrounded


def r(**fields: object) -> str:
    """One tool result, as the graph passes it."""
    return json.dumps(fields)


def grounded(answer: str, *results: str, question: str = "") -> str:
    """The answer as the ``ground`` node leaves it."""
    return drop_figures(answer, ungrounded(answer, list(results), question))


def bad(answer: str, *results: str, question: str = "") -> list[str]:
    return [str(f) for f in ungrounded(answer, list(results), question)]


# ---------------------------------------------------------------------------- worked-out figures pass

PROFILE = r(engagement={"touches": 98, "replies": 22, "reply_trend": "rising"})


def test_a_rate_worked_out_from_two_fields_passes() -> None:
    answer = "Reply rate 22.4% (22 replies to 98 touches)."
    assert grounded(answer, PROFILE) == answer


def test_an_invented_rate_next_to_real_counts_is_removed() -> None:
    assert bad("Reply rate 31.0% (22 replies to 98 touches).", PROFILE) == ["31.0%"]


@pytest.mark.parametrize("written", ["64.8%", "64.84%", "65%", "64.8 percent"])
def test_a_fraction_written_as_a_percentage_passes(written: str) -> None:
    answer = f"Win rate for MG Special: {written}."
    assert grounded(answer, r(rows=[{"win_rate": 0.6484}])) == answer


@pytest.mark.parametrize("written", ["64.7%", "6.5%", "66%"])
def test_a_percentage_the_fraction_does_not_round_to_is_removed(written: str) -> None:
    assert bad(f"Win rate for MG Special: {written}.", r(rows=[{"win_rate": 0.6484}])) == [written]


PIPELINES = [r(rows=[{"open_pipeline_list_price": 209320.0, "open_count": 72}]),
             r(rows=[{"open_pipeline_list_price": 127420.0, "open_count": 81}])]


def test_a_difference_of_two_stated_figures_passes() -> None:
    answer = "Daniell: $209,320 vs Jonathan: $127,420, a difference of $81,900."
    assert grounded(answer, *PIPELINES) == answer


def test_a_difference_stated_lines_after_its_operands_passes() -> None:
    answer = ("Open pipeline for Jonathan Berthelot: $127,420 across 81 open deals.\n"
              "Open pipeline for Daniell Hammack: $209,320 across 72 open deals.\n"
              "Daniell Hammack is more than Jonathan Berthelot by $81,900, and by 9 deals fewer.")
    assert grounded(answer, *PIPELINES) == answer


def test_a_wrong_difference_is_removed() -> None:
    answer = "Daniell: $209,320 vs Jonathan: $127,420, a difference of $91,900."
    assert grounded(answer, *PIPELINES) == f"Daniell: $209,320 vs Jonathan: $127,420, a difference of {REMOVED}."


def test_a_sum_of_a_stated_figure_and_its_record_neighbour_passes() -> None:
    result = r(rows=[{"win_rate": 0.622, "won_count": 882, "lost_count": 536}])
    answer = "Win rate for your team: 62.2% (882 won of 1,418 closed)."
    assert grounded(answer, result) == answer
    assert bad("Win rate for your team: 62.2% (882 won of 1,500 closed).", result) == ["1,500"]


def test_a_sum_of_two_stated_figures_passes() -> None:
    answer = "We won 882 and lost 536 deals: 1,418 closed."
    assert grounded(answer, r(won=882, lost=536)) == answer


RATES = [r(rows=[{"rep": "Rosalina Dieter", "win_rate": 0.655}]), r(rows=[{"rep": "Markita Hansen", "win_rate": 0.573}])]


@pytest.mark.parametrize("points", ["8.2 points", "8.2 percentage points", "8.2pp", "8.2%"])
def test_a_change_in_points_between_stated_percentages_passes(points: str) -> None:
    answer = f"Rosalina Dieter: 65.5%.\nMarkita Hansen: 57.3%.\nRosalina is higher by {points}."
    assert grounded(answer, *RATES) == answer


def test_a_wrong_change_in_points_is_removed() -> None:
    answer = "Rosalina Dieter: 65.5%.\nMarkita Hansen: 57.3%.\nRosalina is higher by 9.1 points."
    assert bad(answer, *RATES) == ["9.1 points"]


def test_an_average_of_two_stated_figures_passes() -> None:
    result = r(rows=[{"won_revenue": 269245.0, "won_count": 108}])
    answer = "Konex: $269,245 from 108 won deals, $2,493 a deal on average."
    assert grounded(answer, result) == answer
    assert bad(answer.replace("$2,493", "$2,600"), result) == ["$2,600"]


def test_the_rest_of_a_list_is_the_count_less_the_rows_shown() -> None:
    results = [r(rows=[{"deal": "ZA2MIHIM", "close_value": 6529.0}], record_count=107), r(limit=5)]
    answer = "The top 5 won deals (5 of 107):\n1. ZA2MIHIM: $6,529\n...and 102 more."
    assert grounded(answer, *results) == answer
    assert bad(answer.replace("102", "103"), *results) == ["103"]


# ----------------------------------------------------------------------------------- whole figures only

def test_a_bad_figure_never_replaces_part_of_another() -> None:
    assert drop_figures("13. Acme: $133,833", ["13"]) == "13. Acme: $133,833"
    assert drop_figures("Acme closed 13 deals worth $133,833", ["13"]) == \
        f"Acme closed {REMOVED} deals worth $133,833"
    assert drop_figures("Fees: $13; total $133,833", ["$13"]) == f"Fees: {REMOVED}; total $133,833"


def test_spans_from_the_check_replace_exactly_the_figure() -> None:
    answer = "Fee $13 of the $133,833 deal, again $13."
    found = ungrounded(answer, [r(value=133833)], "")
    assert [(f, f.start, f.end) for f in found] == [("$13", 4, 7), ("$13", 36, 39)]
    assert all(isinstance(f, Figure) and isinstance(f, str) for f in found)
    assert drop_figures(answer, found) == f"Fee {REMOVED} of the $133,833 deal, again {REMOVED}."


def test_a_whole_figure_goes_with_its_unit_and_currency() -> None:
    assert grounded("Acme: $1.2 million and 41.5% won.", r(count=3)) == f"Acme: {REMOVED} and {REMOVED} won."


def test_a_stale_span_falls_back_to_the_figure_text() -> None:
    f = Figure("$13", 0, 3, 13.0, 0.5, "money")
    assert drop_figures("Total $13 today", [f]) == f"Total {REMOVED} today"


# -------------------------------------------------------------------------------------- not figures

NOTHING = r(count=1)


@pytest.mark.parametrize("answer", [
    "11. Acme: 1 deal\n12. Beta: 1 deal",
    "11) Acme\n12) Beta",
    "  - 14. Acme\n**15.** Beta",
])
def test_list_numbering_is_not_a_figure(answer: str) -> None:
    assert bad(answer, NOTHING) == []


def test_a_number_at_the_start_of_a_line_is_still_a_figure() -> None:
    assert bad("14 deals closed.\n15.5 days on average", NOTHING) == ["14", "15.5"]


@pytest.mark.parametrize("date", [
    "2017-03-01", "2017-03-01T10:00", "2017-03-01T10:00:00Z", "2026-12-07T08:00-07:00", "2017-03",
    "March 2017", "March 1, 2017", "1 March 2017", "Mar 2017", "30 Nov", "Mon 07 Dec 08:00", "the 3rd of May",
    "Q3 2017", "Q3 '17", "H1 2017", "FY2017", "FY 2017", "2017 Q3", "2017 March", "2017-Q3", "2017-W10", "2017W10", "2017-W52-7", "2016-17", "2016–2017",
    "in 2017", "of 2017", "during 2016", "since 2015", "for 2018", "between 2016 and 2017", "mid-2017",
    "10:00", "at 9:30", "9am", "3 pm", "03/01/2017",
])
def test_dates_and_times_are_not_figures(date: str) -> None:
    answer = f"Closed {date}, as recorded."
    assert grounded(answer, NOTHING) == answer


def test_a_year_out_of_date_context_is_a_figure_unless_the_results_hold_it() -> None:
    assert bad("We closed 2017 deals.", NOTHING) == ["2017"]
    assert bad("2017 may close this year.", NOTHING) == ["2017"]
    assert bad("2017 was the best year.", r(close_year="2017")) == []
    assert bad("2017 was the best year.", r(close_date="2017-03-01")) == []


@pytest.mark.parametrize("record", ["12HRYJQH", "DL0001", "NB000124-T10", "DL-0001", "0QMOIDET", "Z063OYW0"])
def test_record_ids_are_not_figures(record: str) -> None:
    answer = f"See deal {record} (records: {record}, 1C1I7A6R)."
    assert grounded(answer, NOTHING) == answer


def test_a_name_the_results_spell_with_a_number_is_not_a_figure() -> None:
    answer = "Average won deal size for GTK 500: $26,707.47."
    assert grounded(answer, r(rows=[{"product": "GTK 500", "avg_won_deal_size": 26707.47}])) == answer
    assert bad(answer, r(rows=[{"avg_won_deal_size": 26707.47}])) == ["500"]


def test_the_scale_of_a_score_is_not_a_figure() -> None:
    assert bad("Health: 51/100.", r(health={"score": 51})) == []
    assert bad("Health: 57/100.", r(health={"score": 51})) == ["57"]


# ------------------------------------------------------------------------------------- false passes

@pytest.mark.parametrize(("written", "value"), [
    ("twelve", 12), ("three hundred", 300), ("one million", 1_000_000), ("a dozen", 12),
    ("twenty-five thousand", 25_000), ("one hundred and five", 105), ("two dozen", 24),
])
def test_spelled_out_numbers_are_read_and_checked(written: str, value: int) -> None:
    answer = f"We closed {written} deals."
    assert grounded(answer, r(count=value)) == answer
    assert grounded(answer, r(count=value * 3 + 1)) == f"We closed {REMOVED} deals."


def test_small_spelled_counts_need_no_source() -> None:
    answer = "Three deals are open and one is stuck."
    assert grounded(answer, NOTHING) == answer


@pytest.mark.parametrize(("written", "supported", "unsupported"), [
    ("$1.2 billion", 1_234_000_000, 1_400_000_000),
    ("1.2bn", 1_190_000_000, 1_300_000_000),
    ("3.5k", 3_512, 3_600),
    ("2.3M", 2_304_000, 2_400_000),
    ("$2.3MM", 2_304_000, 2_400_000),
    ("1.2 million", 1_150_000, 1_100_000),
    ("$12k", 12_400, 13_000),
])
def test_scaled_figures_are_read_at_their_scale(written: str, supported: int, unsupported: int) -> None:
    answer = f"Pipeline is {written} this quarter."
    assert grounded(answer, r(value=supported)) == answer
    assert bad(answer, r(value=unsupported)) == [written]
    mantissa = float(re.match(r"\$?([\d.]+)", written).group(1))  # 1.2 alone is not $1.2 billion
    assert bad(answer, r(value=mantissa)) == [written]


def test_the_question_is_not_evidence() -> None:
    question = "is our win rate 90%? and did we win $50,000 from 40 deals?"
    answer = "Yes, our win rate is 90%, and we won $50,000 from 40 deals."
    assert bad(answer, r(rows=[{"win_rate": 0.648}]), question=question) == ["90%", "$50,000", "40"]


def test_counts_the_question_sets_up_are_supported_by_the_call_arguments() -> None:
    rows = r(rows=[{"account": "Acme", "won_revenue": 50120.0}, {"account": "Beta", "won_revenue": 40200.0}])
    answer = "The top 15 accounts by won revenue: Acme $50,120, Beta $40,200."
    assert grounded(answer, rows, r(group_by=["account"], limit=15), question="top 15 accounts?") == answer
    assert bad(answer, rows, question="top 15 accounts?") == ["15"]


@pytest.mark.parametrize("key", ["text", "summary", "body", "note", "notes", "snippet", "subject", "content",
                                 "title", "name"])
def test_figures_in_outside_text_are_not_evidence(key: str) -> None:
    result = r(worked=[{"deal_id": "NB000207", key: "They had a budget of $250,000 for 40 seats, 35% off list."}],
               count=3)
    answer = "They had a budget of $250,000 for 40 seats, 35% off list."
    assert bad(answer, result) == ["$250,000", "40", "35%"]


def test_free_text_under_a_list_of_notes_is_not_evidence() -> None:
    result = r(notes=[{"body": "Renewal at $48,000"}, "call on 12 seats"], count=2)
    assert bad("Renewal at $48,000 for 12 seats.", result) == ["$48,000", "12"]


def test_numbers_anywhere_in_the_results_are_evidence() -> None:
    result = r(worked=[{"deal_id": "NB000207", "text": "a note", "stats": {"close_value": 48000.0, "seats": 12}}])
    answer = "Renewal at $48,000 for 12 seats."
    assert grounded(answer, result) == answer


@pytest.mark.parametrize(("value", "written"), [("12.5", "12.5 days"), ("42%", "42%"), ("1,200", "$1,200"),
                                                ("$1,200", "$1,200")])
def test_strings_that_are_only_a_number_are_evidence(value: str, written: str) -> None:
    answer = f"That is {written}."
    assert grounded(answer, r(value=value)) == answer


def test_strings_with_more_than_a_number_are_not_evidence() -> None:
    assert bad("That is 12.5 days.", r(reason="about 12.5 days")) == ["12.5"]


def test_a_key_that_names_its_unit_scales_its_value() -> None:
    result = r(rows=[{"account": "Kan-code", "revenue_musd": 11698.03}])
    for written in ["11,698.03", "$11.7 billion", "$11,698 million", "$11.7bn"]:
        answer = f"Kan-code's annual revenue is {written}."
        assert grounded(answer, result) == answer
    assert bad("Kan-code's annual revenue is $11.8 billion.", result) == ["$11.8 billion"]


def test_booleans_are_not_numbers() -> None:
    assert bad("That costs $1.", r(won=True, lost=False)) == ["$1"]


def test_key_names_our_tools_write_are_evidence() -> None:
    answer = "11 touches in the last 90 days."
    assert grounded(answer, r(touches_last_90_days=11)) == answer


@pytest.mark.parametrize("answer", ["3 deals are open.", "We won 10 of them.", "0 replies so far."])
def test_small_counts_need_no_source(answer: str) -> None:
    assert grounded(answer, NOTHING) == answer


@pytest.mark.parametrize(("answer", "figure"), [
    ("It costs $7.", "$7"), ("Win rate 7%.", "7%"), ("Up 3 points.", "3 points"), ("We won 11 deals.", "11"),
    ("Cycle is 2.5 days.", "2.5"), ("It was 5k.", "5k"), ("Only five dollars.", "five dollars"),
])
def test_money_percentages_and_larger_counts_need_a_source(answer: str, figure: str) -> None:
    assert bad(answer, NOTHING) == [figure]


def test_a_range_of_percentages_is_checked_as_percentages() -> None:
    assert bad("Between 5-8% of deals.", r(low=0.05, high=0.08)) == []
    assert bad("Between 5-8% of deals.", r(low=5, high=0.08, n=1)) == []
    assert bad("Between 5-9% of deals.", r(high=0.08)) == ["5", "9%"]


# -------------------------------------------------------------------------------------------------- money

@pytest.mark.parametrize("written", ["$1,153,214", "$1.15M", "1.15 million", "$1.2M", "$1,153,214.00",
                                     "$1,150,000", "USD 1,153,214", "1,153,214 dollars"])
def test_money_matches_within_the_rounding_it_is_written_with(written: str) -> None:
    answer = f"Won revenue: {written}."
    assert grounded(answer, r(rows=[{"won_revenue": 1153214.0}])) == answer


@pytest.mark.parametrize("written", ["$1,153,215", "$1,153,300", "$1.16M", "$1.1M", "1.14 million", "$1,160,000",
                                     "$1.2 billion"])
def test_money_outside_that_rounding_is_removed(written: str) -> None:
    assert bad(f"Won revenue: {written}.", r(rows=[{"won_revenue": 1153214.0}])) == [written]


# ------------------------------------------------------------------------------------------------ pieces

@pytest.mark.parametrize(("words", "value"), [
    ("zero", 0), ("seven", 7), ("nineteen", 19), ("ninety nine", 99), ("one hundred and five", 105),
    ("fifteen hundred", 1500), ("two million three hundred thousand", 2_300_000), ("a dozen", 12),
])
def test_spelled_out_parser(words: str, value: int) -> None:
    parsed = parse_spelled(["one" if w == "a" else w for w in words.replace("-", " ").split() if w != "and"])
    assert parsed is not None and parsed[0] == value


@pytest.mark.parametrize("words", ["one two", "million", "twenty twelve", "hundred hundred", "thousand million"])
def test_spelled_out_parser_refuses_what_is_not_one_number(words: str) -> None:
    assert parse_spelled(words.split()) is None


def test_figures_reads_values_kinds_and_spans() -> None:
    text = "Acme: $1.2M (64.8%), twelve deals, 3.5 days."
    got = [(str(f), f.value, f.kind, text[f.start:f.end]) for f in figures(text)]
    assert got == [("$1.2M", 1_200_000.0, "money", "$1.2M"), ("64.8%", 64.8, "percent", "64.8%"),
                   ("twelve", 12.0, "count", "twelve"), ("3.5", 3.5, "count", "3.5")]


def test_results_that_are_not_json_are_not_evidence() -> None:
    assert bad("It is 42 days.", "42 days, says the note") == ["42"]
    assert bad("It is 42 days.", "42") == []


def test_no_figures_no_work() -> None:
    assert ungrounded("Cancity's office is in United States.", [], "") == []
    assert drop_figures("Nothing to drop.", []) == "Nothing to drop."


# ---------------------------------------------------------------------------------------------- property

TEMPLATES = [
    "Acme brought in {money} from {count} won deals; win rate {pct}, average cycle {days}.",
    "Won revenue by account:\n1. Acme: {money}\n2. Deals: {count}\n3. Win rate: {pct}\n4. Cycle: {days}",
    "**Acme**: {count} won ({money}); win rate {pct} and a sales cycle of {days} on average.",
]


@settings(max_examples=300, deadline=None)
@given(template=st.sampled_from(TEMPLATES),
       money=st.one_of(st.integers(0, 10**13), st.floats(0, 1e12, allow_nan=False)),
       count=st.integers(0, 10**9),
       pct=st.floats(0, 100, allow_nan=False),
       days=st.floats(0, 1e6, allow_nan=False),
       as_fraction=st.booleans())
def test_an_answer_whose_figures_all_come_from_the_results_is_unchanged(
        template: str, money: float, count: int, pct: float, days: float, as_fraction: bool) -> None:
    answer = template.format(money=f"${money:,.0f}", count=f"{count:,}", pct=f"{pct:.1f}%", days=f"{days:.1f} days")
    result = r(rows=[{"won_revenue": money, "won_count": count, "win_rate": pct / 100 if as_fraction else pct,
                      "avg_sales_cycle_days": days}], record_ids=["12HRYJQH", "DL0001"])
    assert ungrounded(answer, [result, r(limit=4)], "") == []
    assert grounded(answer, result, r(limit=4)) == answer


@settings(max_examples=200, deadline=None)
@given(real=st.integers(11, 10**9), tens=st.integers(1, 10**8), last_digit=st.integers(1, 9))
def test_an_invented_amount_next_to_a_real_one_is_removed(real: int, tens: int, last_digit: int) -> None:
    invented = tens * 10 + last_digit  # written to the dollar, so "$1,150,000"-style rounding does not apply
    assume(invented != real)
    answer = f"Acme brought in ${real:,}; Beta brought in ${invented:,}."
    assert grounded(answer, r(rows=[{"won_revenue": float(real)}])) == \
        f"Acme brought in ${real:,}; Beta brought in {REMOVED}."


def test_a_bare_number_as_outside_text_is_not_evidence() -> None:
    assert bad("The budget is $250,000.", r(notes=[{"text": "250000"}], subject="250,000")) == ["$250,000"]


def test_record_ids_are_not_evidence_but_long_numeric_ones_are_not_figures_either() -> None:
    result = r(record_ids=["12", "12345678"], rows=[{"deal_id": "4500", "close_value": 700.0}])
    assert bad("Deal 12345678 closed at $700.", result) == []
    assert bad("We won 12 deals worth $4,500.", result) == ["12", "$4,500"]


def test_a_json_list_of_number_strings_is_evidence() -> None:
    assert bad("Values: 12.5 and 13.5.", json.dumps(["12.5", "13.5"])) == []


def test_the_reps_own_words_quoted_back_are_left_alone() -> None:
    question = "Which reps in the Central office have won more than 150 deals?"
    answer = 'I could not place "150" in your question. Do you mean won deals by rep?'
    assert grounded(answer, question=question) == answer
    assert bad('I could not place "160" in your question.', question=question) == ["160"]
    assert bad("There are 150 such reps.", question=question) == ["150"]
    assert bad('Your win rate is "90%".', r(win_rate=0.648), question="is it 85%?") == ["90%"]


def test_a_tools_error_passed_on_word_for_word_keeps_its_figures() -> None:
    error = r(error="not in your scope: the East office: it includes the deals of 11 reps outside your scope",
              type="ScopeError")
    answer = ("That is not something I can show you: not in your scope: the East office: it includes the deals of "
              "11 reps outside your scope.")
    assert grounded(answer, error) == answer
    assert bad("The East office has 11 reps outside your scope.", error) == ["11"]
