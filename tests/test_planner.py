"""The offline planner on differently worded questions of the kinds reps ask (Maven data)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from sqlalchemy import Engine

from connectors.maven import import_maven
from copilot.planner.periods import find_period
from copilot.planner.spotting import tokens
from copilot.runner import Copilot
from copilot.settings import Settings

CASES = [
    ("ops", "In which country is Betasoloin based?", "United States"),
    ("ops", "How much did Konex bring in?", "269,245"),
    ("ops", "What is Kan-code's yearly revenue?", "11,698.03"),
    ("ops", "Number of won deals for Darcel Schlecht", "349"),
    ("ops", "Who manages Anna Snelling?", "Dustin Brinkmann"),
    ("ops", "How much does GTX Plus Pro cost?", "5,482"),
    ("ops", "What's the win rate of MG Special?", "64.8%"),
    ("ops", "How many opportunities are prospecting?", "500"),
    ("ops", "Revenue won by the East office", "3,090,594"),
    ("ops", "Count of accounts in the software sector", "There are 7 accounts"),
    ("ops", "Won deals in March 2017?", "531"),
    ("ops", "Best-selling product by won revenue?", "GTX Pro"),
    ("ops", "What's the average deal size for GTK 500?", "26,707"),
    ("Darcel Schlecht", "How many deals do I have open?", "194"),
    ("Melvin Marxen", "Win rate for my team?", "62.2%"),
    ("ops", "Which rep closed the most deals?", "Darcel Schlecht"),
    ("ops", "how many deals has darcel won", "349"),
    ("ops", "total won revenue with KONEX", "269,245"),
    ("ops", "Won revenue for Kancode", "341,455"),
]


@pytest.fixture(scope="module")
def copilot(tmp_path_factory: pytest.TempPathFactory, maven_dir: Path):  # noqa: ANN201
    home = tmp_path_factory.mktemp("planner")
    settings = Settings(home=home, database_url=None, llm="offline")
    from copilot.workspace import open_database

    engine: Engine = open_database(settings)
    import_maven(engine, maven_dir)
    with Copilot(settings, engine) as c:
        yield c


@pytest.mark.parametrize(("user", "question", "expected"), CASES, ids=[c[1] for c in CASES])
def test_paraphrases(copilot: Copilot, user: str, question: str, expected: str) -> None:
    answer = copilot.ask(question, user).answer
    assert expected in answer, answer


@pytest.mark.parametrize(("text", "label"), [
    ("won in Q2 2017", "Q2 2017"), ("in march 2017", "March 2017"), ("during 2017", "2017"),
    ("this year", "this year (2026)"), ("last month", "last month (October 2026)"),
    ("last quarter", "last quarter (Q3 2026)"), ("second quarter of 2017", "Q2 2017"),
])
def test_periods(text: str, label: str) -> None:
    period = find_period(tokens(text), dt.date(2026, 11, 27)).period
    assert period is not None and period.label == label
    assert period.start <= period.end



@pytest.mark.parametrize("question", ["How many opportunities are in the CRM", "how many opportunities are there",
                                      "how many deals do we have in the CRM"])
def test_every_deal_in_the_crm_is_counted(copilot: Copilot, maven_dir: Path, question: str) -> None:
    import csv

    with (maven_dir / "sales_pipeline.csv").open(newline="") as f:
        every = sum(1 for _ in csv.DictReader(f))
    assert f"Deals: {every:,}." in copilot.ask(question, "ops").answer


def _won_deals(copilot: Copilot):  # noqa: ANN202
    """Every won deal with its rep, manager, office, sector and product series, read with plain SQL and pandas."""
    import pandas as pd

    sql = """SELECT o.id, o.stage, o.engage_date, o.close_date, o.close_value, r.name AS rep, m.name AS manager,
                    r.regional_office AS office, a.sector, p.series
             FROM opportunities o JOIN users r ON r.id = o.user_id LEFT JOIN users m ON m.id = r.manager_id
             LEFT JOIN accounts a ON a.id = o.account_id JOIN products p ON p.id = o.product_id"""
    with copilot.engine.connect() as conn:
        result = conn.exec_driver_sql(sql)
        deals = pd.DataFrame(result.all(), columns=list(result.keys()))
    for column in ("engage_date", "close_date"):
        deals[column] = pd.to_datetime(deals[column])
    deals["close_value"] = deals.close_value.astype(float)
    won = deals[deals.stage == "Won"].copy()
    won["cycle"] = (won.close_date - won.engage_date).dt.days
    return won


def _money(v: float) -> str:
    return f"${v:,.0f}" if v == int(v) else f"${v:,.2f}"


def test_revenue_by_product_series(copilot: Copilot) -> None:
    won = _won_deals(copilot)
    answer = copilot.ask("Revenue by product series", "ops").answer
    assert "Won revenue by product series" in answer, answer
    totals = won.groupby("series").close_value.sum().sort_values(ascending=False)
    assert list(totals.index) == ["GTX", "MG", "GTK"]
    for i, (series, total) in enumerate(totals.items(), 1):
        assert f"{i}. {series}: {_money(float(total))} from {int((won.series == series).sum()):,} won deals" in answer, \
            answer


def test_median_won_deal_size_by_sector(copilot: Copilot) -> None:
    won = _won_deals(copilot)
    answer = copilot.ask("median won deal size by sector", "ops").answer
    assert "Median won deal size by sector" in answer, answer
    for sector, median in won.groupby("sector").close_value.median().items():
        assert f"{sector}: {_money(float(median))} " in answer, (sector, answer)


@pytest.mark.parametrize(("question", "column", "label"), [
    ("median sales cycle by manager", "manager", "manager"), ("median sales cycle by region", "office", "regional office"),
    ("median sales cycle by agent", "rep", "rep"),
])
def test_median_sales_cycle_by_group(copilot: Copilot, question: str, column: str, label: str) -> None:
    won = _won_deals(copilot)
    answer = copilot.ask(question, "ops").answer
    assert f"Median sales cycle by {label}" in answer, answer
    medians = won.groupby(column).cycle.median()
    assert len(medians) > 2
    for name, median in medians.items():
        assert f"{name}: {float(median):.1f} days" in answer, (name, answer)


def test_a_median_of_something_the_crm_has_not_is_asked_about(copilot: Copilot) -> None:
    for question in ("median deal size by colour", "median win rate by rep", "median by colour"):
        reply = copilot.ask(question, "ops")
        assert not reply.tool_calls
        assert "?" in reply.answer or "can give" in reply.answer, reply.answer
        assert "$" not in reply.answer, reply.answer
    answer = copilot.ask("median by colour", "ops").answer
    assert answer.startswith('I could not place "colour". I can give the median won deal size or the median sales '
                             "cycle"), answer


def _reps_won(copilot: Copilot):  # noqa: ANN202
    """Each rep's won deals, those with none too (0), from plain SQL and pandas."""
    import pandas as pd

    with copilot.engine.connect() as conn:
        reps = [r for (r,) in conn.exec_driver_sql("SELECT name FROM users WHERE role = 'rep'")]
    won = _won_deals(copilot).groupby("rep").size()
    return pd.Series({r: int(won.get(r, 0)) for r in reps})


@pytest.mark.parametrize(("question", "keep", "head"), [
    ("which agents won more than 100 deals", lambda n: n > 100, "Reps with more than 100 won deals:"),
    ("reps with fewer than 50 won deals", lambda n: n < 50, "Reps with fewer than 50 won deals:"),
    ("which reps have at least 200 won deals", lambda n: n >= 200, "Reps with 200 or more won deals:"),
    ("reps with not fewer than 150 won deals", lambda n: n >= 150, "Reps with 150 or more won deals:"),
    ("reps with not less than 150 won deals", lambda n: n >= 150, "Reps with 150 or more won deals:"),
    ("reps with not over 60 won deals", lambda n: n <= 60, "Reps with 60 or fewer won deals:"),
    ("reps who won not more than 60 deals", lambda n: n <= 60, "Reps with 60 or fewer won deals:"),
    ("reps that haven't won more than 100 deals", lambda n: n <= 100, "Reps with 100 or fewer won deals:"),
    ("reps who did not win more than 100 deals", lambda n: n <= 100, "Reps with 100 or fewer won deals:"),
])
def test_a_bound_on_each_reps_count_keeps_the_reps_within_it(copilot: Copilot, question: str, keep,  # noqa: ANN001
                                                             head: str) -> None:
    answer = copilot.ask(question, "ops").answer
    counts = _reps_won(copilot)
    kept = counts[counts.map(keep)]
    assert 0 < len(kept) < len(counts)
    assert answer.startswith(f"{head[:-1]} ({len(kept)}):"), answer  # with how many there are
    listed = [line.split(". ", 1)[1] for line in answer.splitlines() if line[:1].isdigit()]
    assert sorted(listed) == sorted(f"{rep}: {n:,}" for rep, n in kept.items()), answer


def test_a_bound_on_each_reps_count_of_deals_worth_over_an_amount_counts_only_those(copilot: Copilot) -> None:
    answer = copilot.ask("agents with more than 20 won deals over $5,000", "ops").answer
    won = _won_deals(copilot)
    counts = won[won.close_value > 5000].groupby("rep").size()
    kept = counts[counts > 20]
    assert 0 < len(kept) < len(counts)
    assert answer.startswith(f"Reps with more than 20 won deals worth over $5,000 ({len(kept)}):"), answer
    listed = [line.split(". ", 1)[1] for line in answer.splitlines() if line[:1].isdigit()]
    assert sorted(listed) == sorted(f"{rep}: {n:,}" for rep, n in kept.items()), answer


def test_a_bound_on_a_count_beside_one_not_on_deals_is_asked_about(copilot: Copilot) -> None:
    reply = copilot.ask("reps with over 100 and under 150 won deals", "ops")
    assert not reply.tool_calls and '"over 100"' in reply.answer, reply.answer


def test_a_bound_on_one_reps_count_is_asked_about(copilot: Copilot) -> None:
    reply = copilot.ask("did Darcel Schlecht win more than 100 deals", "ops")
    assert not reply.tool_calls and "Say yes" in reply.answer, reply.answer


def _won_in(copilot: Copilot, first: str, last: str) -> int:
    won = _won_deals(copilot)
    return int(((won.close_date >= first) & (won.close_date <= last)).sum())


def test_a_week_named_by_its_iso_number(copilot: Copilot) -> None:
    won = _won_deals(copilot)
    iso = won.close_date.dt.isocalendar()
    week = won[(iso.year == 2017) & (iso.week == 10)]
    import pandas as pd

    assert tuple(pd.Timestamp("2017-03-06").isocalendar()) == (2017, 10, 1)  # the dates the answer names
    assert tuple(pd.Timestamp("2017-03-12").isocalendar()) == (2017, 10, 7)
    for question in ("deals won in week 10 of 2017", "how many deals did we win in 2017 w10"):
        answer = copilot.ask(question, "ops").answer
        assert f"Won deals, closed in the week 2017-W10 (Monday 2017-03-06 to Sunday 2017-03-12): {len(week):,}." in \
            answer, answer
    assert len(week) == _won_in(copilot, "2017-03-06", "2017-03-12")


@pytest.mark.parametrize("question", ["deals won in week 60 of 2017", "deals won in week 0 of 2017"])
def test_a_week_number_the_year_has_not_is_said_to_be_none(copilot: Copilot, question: str) -> None:
    import pandas as pd

    assert pd.Timestamp("2017-12-25").isocalendar()[1:] == (52, 1) and pd.Timestamp("2018-01-01").isocalendar()[1] == 1
    reply = copilot.ask(question, "ops")
    assert not reply.tool_calls, reply.tool_calls
    assert reply.answer.startswith("There is no such ISO week in 2017: its weeks run from 2017-W01 (Monday 2017-01-02) "
                                   "through 2017-W52 (Monday 2017-12-25)."), reply.answer


def test_the_week_before_last_is_counted_from_today(copilot: Copilot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(copilot, "clock", lambda: dt.datetime(2017, 12, 28, 15))  # a Thursday
    answer = copilot.ask("deals won the week before last", "ops").answer
    n = _won_in(copilot, "2017-12-11", "2017-12-17")  # last week is 2017-12-18 to 2017-12-24
    assert n > 10
    assert f"Won deals, closed in the week before last (2017-12-11 to 2017-12-17): {n:,}." in answer, answer
    monkeypatch.setattr(copilot, "clock", lambda: dt.datetime(2026, 11, 27, 15))
    later = copilot.ask("deals won the week before last", "ops").answer  # after the CRM's last deal: asked about
    assert "2026-11-09 to 2026-11-15" in later and "holds none" in later, later


def test_a_bound_on_each_reps_count_stays_in_the_askers_scope(copilot: Copilot) -> None:
    reply = copilot.ask("reps with fewer than 50 won deals", "Darcel Schlecht")
    assert not reply.tool_calls and "outside your scope" in reply.answer, reply.answer
    won = _won_deals(copilot)
    team = won[won.manager == "Cara Losch"].groupby("rep").size()
    kept = team[team > 100]
    assert 0 < len(kept) < len(team)
    answer = copilot.ask("which of my reps won more than 100 deals", "Cara Losch").answer
    assert answer.startswith(f"Reps with more than 100 won deals for your team ({len(kept)}):"), answer
    listed = [line.split(". ", 1)[1] for line in answer.splitlines() if line[:1].isdigit()]
    assert sorted(listed) == sorted(f"{rep}: {n:,}" for rep, n in kept.items()), answer
    assert f"Records ({int(kept.sum()):,})" in answer, answer


def test_a_figure_by_two_groupings_is_each_pair_of_theirs(copilot: Copilot) -> None:
    won = _won_deals(copilot)
    answer = copilot.ask("number of won deals by office and product", "ops").answer
    assert "Won deals by regional office and product" in answer, answer
    with copilot.engine.connect() as conn:
        products = dict(conn.exec_driver_sql("SELECT o.id, p.name FROM opportunities o JOIN products p "
                                             "ON p.id = o.product_id").all())
    won["product"] = won.id.map(products)
    counts = won.groupby(["office", "product"]).size().sort_values(ascending=False)
    assert len(counts) > 10
    for (office, product), n in counts.items():
        assert f"{office}, {product}: {n:,}\n" in answer + "\n", (office, product, answer)

    answer = copilot.ask("median won deal size by rep and sector", "ops").answer
    assert "Median won deal size by rep and sector" in answer, answer
    medians = won.groupby(["rep", "sector"]).close_value.median()
    assert len(medians) > 50  # more pairs than the answer lists: it says how many it shows
    assert f"50 of {len(medians):,} shown, from the highest median won deal size down." in answer, answer
    listed = [line for line in answer.splitlines() if re.match(r"\d+\. ", line)]
    assert len(listed) >= 50
    for line in listed:
        name, figure = line.split(". ", 1)[1].split(": ", 1)
        rep, sector = name.split(", ")
        assert figure.startswith(_money(float(medians[(rep, sector)])) + " "), (line, medians[(rep, sector)])

    # in a period, a grouping by quarter second, and "in each"
    answer = copilot.ask("won revenue by sector and quarter for 2017", "ops").answer
    in_2017 = won[won.close_date.dt.year == 2017]
    totals = in_2017.groupby(["sector", in_2017.close_date.dt.quarter]).close_value.sum()
    for (sector, quarter), total in totals.items():
        assert f"{sector}, 2017-Q{quarter}: {_money(float(total))} from " in answer, (sector, quarter, answer)
    assert "Won revenue by rep and sector" in copilot.ask("won revenue by rep in each sector", "ops").answer
    assert "Won revenue by sector and product" in copilot.ask("won revenue broken down by sector and product",
                                                              "ops").answer
    # deals by stage are the deals of every stage; won deals by stage, the won ones
    every = copilot.ask("deals by rep and stage", "ops").answer
    assert "Darcel Schlecht, Won: 349\n" in every and "Darcel Schlecht, Lost: " in every, every
    won_only = copilot.ask("won deals by rep and stage", "ops").answer
    assert "Darcel Schlecht, Won: 349\n" in won_only and ", Lost: " not in won_only, won_only


def test_two_groupings_of_what_is_broken_down_by_one_only_are_asked_about(copilot: Copilot) -> None:
    for question in ("how many accounts by sector and office", "calls logged by rep and account"):
        reply = copilot.ask(question, "ops")
        assert not reply.tool_calls, (question, reply.answer)
        assert "one thing at a time" in reply.answer and "?" in reply.answer, reply.answer


def test_a_breakdown_longer_than_the_answer_says_how_much_is_shown(copilot: Copilot) -> None:
    won = _won_deals(copilot)
    with copilot.engine.connect() as conn:
        accounts = conn.exec_driver_sql("SELECT count(DISTINCT a.name) FROM opportunities o JOIN accounts a "
                                        "ON a.id = o.account_id WHERE o.stage = 'Won'").scalar_one()
    answer = copilot.ask("won revenue by account", "ops").answer
    assert accounts > 50 and f"50 of {accounts:,} shown, from the highest won revenue down." in answer, answer
    assert "shown" not in copilot.ask("won revenue by sector", "ops").answer  # every sector is listed
    assert won.sector.nunique() < 50


@pytest.mark.parametrize("question", ["won revenue by account manager", "which account executive won the most deals"])
def test_an_account_manager_is_the_rep(copilot: Copilot, question: str) -> None:
    answer = copilot.ask(question, "ops").answer
    assert "Darcel Schlecht" in answer and "Kan-code" not in answer, answer


@pytest.mark.parametrize(("question", "within", "metric", "n"), [
    ("which rep won the most revenue in each sector", "sector", "revenue", 1),
    ("top rep in each office", "office", "revenue", 1),
    ("top 3 reps per sector by won revenue", "sector", "revenue", 3),
    ("who has the highest win rate in each office", "office", "win_rate", 1),
    ("best-selling product in each region", "office", "revenue", 1),
])
def test_the_top_in_each_group_is_picked_within_it(copilot: Copilot, question: str, within: str, metric: str,
                                                     n: int) -> None:
    """Every value of the grouping gets its own top, worked out here from the deals with pandas."""
    deals = _won_deals(copilot)
    with copilot.engine.connect() as conn:
        result = conn.exec_driver_sql(
            "SELECT o.id, o.stage, r.name AS rep, r.regional_office AS office, a.sector, p.name AS product "
            "FROM opportunities o JOIN users r ON r.id = o.user_id LEFT JOIN accounts a ON a.id = o.account_id "
            "JOIN products p ON p.id = o.product_id")
        import pandas as pd

        every = pd.DataFrame(result.all(), columns=list(result.keys()))
    who = "product" if "product" in question else "rep"
    if metric == "revenue":
        figure = deals.merge(every[["id", "product"]], on="id").groupby([within, who]).close_value.sum()
    else:
        closed = every[every.stage.isin(["Won", "Lost"])]
        figure = closed.groupby([within, who]).stage.apply(lambda s: round(100 * (s == "Won").mean(), 1))
    answer = copilot.ask(question, "ops").answer
    assert "in each" in answer, answer
    values = sorted(set(figure.index.get_level_values(0)))
    assert len(values) >= 3
    for value in values:
        top = figure[value].sort_values(ascending=False)
        assert top.iloc[n - 1] != top.iloc[n]  # no tie at the last place: one answer is right
        line = next(line for line in answer.splitlines() if line.startswith(f"- {value}: "))
        named = [part.split(": ")[0] for part in line[len(f"- {value}: "):].split("; ")]
        assert named == list(top.index[:n]), (value, line, top.head(n + 1))
        shown = _money(float(top.iloc[0])) if metric == "revenue" else f"{top.iloc[0]:.1f}%"
        assert f"{top.index[0]}: {shown}" in line, (line, shown)


def test_a_ranking_within_each_group_of_something_else_is_asked_about(copilot: Copilot) -> None:
    reply = copilot.ask("which sector has the most accounts in each office", "ops")
    assert not reply.tool_calls and "?" in reply.answer, reply.answer


def test_another_figure_after_a_breakdown_is_broken_down_the_same_way(copilot: Copilot) -> None:
    with copilot.engine.connect() as conn:
        result = conn.exec_driver_sql("SELECT o.stage, r.regional_office AS office FROM opportunities o "
                                      "JOIN users r ON r.id = o.user_id WHERE o.stage IN ('Won', 'Lost')")
        rows = result.all()
    first = copilot.ask("won revenue by office", "ops")
    answer = copilot.ask("and the win rate?", "ops", thread_id=first.thread_id).answer
    assert "Win rate by regional office" in answer, answer
    for office in {o for _, o in rows}:
        won = sum(1 for s, o in rows if o == office and s == "Won")
        closed = sum(1 for _, o in rows if o == office)
        assert f"{office}: {100 * won / closed:.1f}% ({won:,} won of {closed:,} closed)" in answer, (office, answer)
    # a figure of one of them is not a breakdown: "and his win rate?" after a ranking names one rep's
    top = copilot.ask("who won the most revenue?", "ops")
    his = copilot.ask("and his win rate?", "ops", thread_id=top.thread_id).answer
    assert "Darcel Schlecht" in his and "by rep" not in his, his


def test_two_figures_by_a_grouping_give_both_for_each_member(copilot: Copilot) -> None:
    with copilot.engine.connect() as conn:
        result = conn.exec_driver_sql("SELECT o.stage, o.close_value, p.name AS product, r.regional_office AS office "
                                      "FROM opportunities o JOIN products p ON p.id = o.product_id "
                                      "JOIN users r ON r.id = o.user_id WHERE o.stage IN ('Won', 'Lost')")
        rows = result.all()

    def rate(key: int, value: str) -> str:
        won = sum(1 for r in rows if r[key] == value and r.stage == "Won")
        closed = sum(1 for r in rows if r[key] == value)
        return f"win rate {100 * won / closed:.1f}% ({won:,} won of {closed:,} closed)"

    for question in ("won revenue and win rate by product", "revenue by product, and win rate by product"):
        answer = copilot.ask(question, "ops").answer
        assert answer.startswith("Won revenue and win rate by product"), answer
        for product in {r.product for r in rows}:
            revenue = sum(float(r.close_value) for r in rows if r.product == product and r.stage == "Won")
            assert f"{product}: {_money(revenue)} from " in answer and f"; {rate(2, product)}\n" in answer, \
                (product, answer)
    # each figure by its own grouping
    answer = copilot.ask("won revenue by product and win rate by office", "ops").answer
    assert "Won revenue by product" in answer and "Win rate by regional office" in answer, answer
    for office in {r.office for r in rows}:
        assert f"{office}: {rate(3, office)[len('win rate '):]}" in answer, (office, answer)
    # a ranking with a second figure beside it
    top = copilot.ask("top rep by won revenue and win rate", "ops").answer
    assert top.startswith("Darcel Schlecht has the most won revenue: $1,153,214") and "win rate 63.1%" in top, top


@pytest.mark.parametrize(("user", "question", "part", "whole"), [
    ("ops", "What share of Darcel Schlecht's won revenue came from GTX Pro?",
     "stage = 'Won' AND rep = 'Darcel Schlecht' AND product = 'GTX Pro'", "stage = 'Won' AND rep = 'Darcel Schlecht'"),
    ("ops", "What percent of the East office's won revenue came from GTX Pro?",
     "stage = 'Won' AND office = 'East' AND product = 'GTX Pro'", "stage = 'Won' AND office = 'East'"),
    ("ops", "What share of GTX Pro won revenue came from the East office?",
     "stage = 'Won' AND office = 'East' AND product = 'GTX Pro'", "stage = 'Won' AND product = 'GTX Pro'"),
    ("ops", "What percent of Anna Snelling's won deals were MG Special?",
     "stage = 'Won' AND rep = 'Anna Snelling' AND product = 'MG Special'", "stage = 'Won' AND rep = 'Anna Snelling'"),
    ("ops", "What percent of Cara Losch's team's won revenue came from Q4 2017?",
     "stage = 'Won' AND manager = 'Cara Losch' AND close_date >= '2017-10-01'", "stage = 'Won' AND manager = 'Cara Losch'"),
    ("ops", "what % of revenue comes from GTX Pro", "stage = 'Won' AND product = 'GTX Pro'", "stage = 'Won'"),
    ("Melvin Marxen", "% of my team's won revenue from Darcel",
     "stage = 'Won' AND rep = 'Darcel Schlecht'", "stage = 'Won' AND manager = 'Melvin Marxen'"),
])
def test_a_share_is_of_the_whole_its_question_names(copilot: Copilot, user: str, question: str, part: str,
                                                    whole: str) -> None:
    """The whole is what the words after "share of" name (Darcel's won revenue), not every deal's."""
    sql = """SELECT {what} FROM (SELECT o.stage, o.close_value, o.close_date, r.name AS rep, m.name AS manager,
                                        r.regional_office AS office, p.name AS product
                                 FROM opportunities o JOIN users r ON r.id = o.user_id
                                 LEFT JOIN users m ON m.id = r.manager_id JOIN products p ON p.id = o.product_id) d
             WHERE {where}"""
    what = "count(*)" if "deals" in question else "sum(close_value)"
    with copilot.engine.connect() as conn:
        a, b = (float(conn.exec_driver_sql(sql.format(what=what, where=w)).scalar_one()) for w in (part, whole))
    answer = copilot.ask(question, user).answer
    assert f"{100 * a / b:.1f}% (" in answer, (100 * a / b, answer)


@pytest.mark.parametrize(("user", "question", "head"), [
    ("Melvin Marxen", "Win rate for each of my reps in Q4 2017", "Win rate by rep for your team, closed in Q4 2017"),
    ("ops", "How many won deals does each of Dustin Brinkmann's reps have?", "Won deals by rep for Dustin Brinkmann's team"),
    ("ops", "Won revenue for each of the reps in the West office in Q3 2017", "Won revenue by rep for West office"),
    ("ops", "Won revenue by rep for GTX Pro and MG Advanced", "Won revenue by rep for GTX Pro:"),
    ("ops", "Win rate by sector for the East and Central offices", "Win rate by sector for East office"),
])
def test_each_of_a_group_and_a_breakdown_for_two_subjects_keep_the_grouping(copilot: Copilot, user: str,
                                                                           question: str, head: str) -> None:
    answer = copilot.ask(question, user).answer
    assert answer.startswith(head) and "\n1. " in answer, answer
    if " and " in question and "each" not in question:  # two subjects: a breakdown for each, one after the other
        assert answer.count(" by ") >= 2 and "more than" not in answer, answer


@pytest.mark.parametrize("question", ["Won revenue by quarter for each office and product",
                                      "won revenue by rep, sector and product", "Won revenue by account country"])
def test_groupings_the_lookups_cannot_make_are_asked_about(copilot: Copilot, question: str) -> None:
    reply = copilot.ask(question, "ops")
    assert not reply.tool_calls and reply.answer.rstrip().endswith("?"), reply.answer


def test_a_long_breakdown_with_ties_says_how_many_it_shows_in_figures_the_lookup_holds(copilot: Copilot) -> None:
    answer = copilot.ask("Lost deals by rep and product", "ops").answer
    assert re.search(r"\n50 of [\d,]+ shown, from the highest lost deals down\.", answer), answer
    assert "removed" not in answer, answer


def test_how_many_members_have_a_count_of_deals_within_a_bound(copilot: Copilot) -> None:
    won = _won_deals(copilot)
    with copilot.engine.connect() as conn:
        accounts = dict(conn.exec_driver_sql("SELECT o.id, a.name FROM opportunities o JOIN accounts a "
                                             "ON a.id = o.account_id").all())
    won["account"] = won.id.map(accounts)
    q3 = won[(won.close_date >= "2017-07-01") & (won.close_date <= "2017-09-30")]
    for question, deals, n in (("How many accounts have more than 100 won deals?", won, 100),
                               ("how many accounts had at least 20 won deals in Q3 2017", q3, 19)):
        counts = deals.groupby("account").size()
        kept = counts[counts > n].sort_values(ascending=False)
        answer = copilot.ask(question, "ops").answer
        assert f" ({len(kept):,}):\n" in answer, (len(kept), answer)
        assert f"1. {kept.index[0]}: {kept.iloc[0]}" in answer, answer
    reps = won.groupby("rep").size()
    assert f"Reps with more than 100 won deals ({int((reps > 100).sum())}):" in copilot.ask(
        "how many reps won more than 100 deals", "ops").answer


def test_either_of_two_subjects_is_one_figure_over_both(copilot: Copilot) -> None:
    won = _won_deals(copilot)
    both = won[won.rep.isin(["Darcel Schlecht", "Anna Snelling"])]
    answer = copilot.ask("how many deals did Darcel or Anna win", "ops").answer
    assert answer.startswith(f"Won deals for Darcel Schlecht or Anna Snelling: {len(both):,}."), answer
    # which of the two is more is still a comparison
    assert "more than" in copilot.ask("which sold more, GTX Pro or GTX Plus Pro?", "ops").answer


@pytest.mark.parametrize(("question", "unit"), [("average wins per rep", "rep"),
                                                ("How many won deals per account on average?", "account"),
                                                ("Average won revenue per rep", "rep")])
def test_an_average_over_a_groups_members_is_asked_about(copilot: Copilot, question: str, unit: str) -> None:
    reply = copilot.ask(question, "ops")
    assert not reply.tool_calls and f"An average per {unit} depends on which {unit}s count" in reply.answer, \
        reply.answer
    assert "can't answer that from the CRM" not in reply.answer


def test_a_rep_asking_for_a_team_figure_is_told_what_they_can_ask(copilot: Copilot) -> None:
    answer = copilot.ask("What's my team's win rate?", "Anna Snelling").answer
    assert "outside your scope" in answer and "team's)" not in answer, answer


def test_the_share_of_deals_lost_is_of_the_closed_ones(copilot: Copilot) -> None:
    with copilot.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT o.stage FROM opportunities o JOIN users r ON r.id = o.user_id "
                                    "WHERE r.regional_office = 'East' AND o.stage IN ('Won', 'Lost') "
                                    "AND o.close_date BETWEEN '2017-07-01' AND '2017-09-30'").all()
    lost, closed = sum(1 for (s,) in rows if s == "Lost"), len(rows)
    answer = copilot.ask("What percentage of deals in the East office were lost in Q3 2017?", "ops").answer
    assert f"Lost share of the closed deals: {100 * lost / closed:.1f}% ({lost:,} of {closed:,})." in answer, answer


def test_a_median_or_an_average_after_a_sales_cycle_is_of_the_sales_cycle(copilot: Copilot) -> None:
    won = _won_deals(copilot)
    west = won[(won.office == "West") & (won.close_date >= "2017-07-01") & (won.close_date <= "2017-09-30")]
    first = copilot.ask("What's the average sales cycle for the West office in Q3 2017?", "ops")
    assert f"{west.cycle.mean():.1f} days" in first.answer, first.answer
    median = copilot.ask("and the median?", "ops", thread_id=first.thread_id).answer
    assert median.startswith("Median sales cycle") and f"{west.cycle.median():.1f} days" in median, median
    size = copilot.ask("and the average deal size?", "ops", thread_id=first.thread_id).answer
    assert size.startswith("Average won deal size"), size


def test_accounts_are_not_ranked_by_their_subsidiaries(copilot: Copilot) -> None:
    reply = copilot.ask("Which account has the most subsidiaries?", "ops")
    assert "no subsidiaries" not in reply.answer and reply.answer.startswith("Which account do you mean?"), reply.answer


def test_my_figure_after_my_figure_keeps_its_period(copilot: Copilot) -> None:
    won = _won_deals(copilot)
    first = copilot.ask("What's my won revenue in Q3 2017?", "Darcel Schlecht")
    answer = copilot.ask("and my win rate?", "Darcel Schlecht", thread_id=first.thread_id).answer
    assert answer.startswith("Win rate for you, closed in Q3 2017:"), answer
    q3 = won[(won.rep == "Darcel Schlecht") & (won.close_date >= "2017-07-01") & (won.close_date <= "2017-09-30")]
    assert f"({len(q3):,} won of " in answer, answer
