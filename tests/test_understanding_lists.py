"""Lists and what follows them, over the Maven data: the row a rep names by its place ("the second one"), who of a
team had the most after the team's figure, counts bounded at exactly a number or at none, the top of the price list,
and what an answer says where its period or its cut holds nothing to find. Every figure expected is worked out here
from the Maven files themselves (csv and statistics, never the copilot's code)."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine

from connectors.maven import import_maven
from copilot.runner import Copilot
from copilot.settings import Settings


@pytest.fixture(scope="module")
def copilot(tmp_path_factory: pytest.TempPathFactory, maven_dir: Path):  # noqa: ANN201
    from copilot.workspace import open_database

    settings = Settings(home=tmp_path_factory.mktemp("lists"), database_url=None, llm="offline")
    engine: Engine = open_database(settings)
    import_maven(engine, maven_dir, allow_rejects=True)
    with Copilot(settings, engine) as c:
        yield c


@pytest.fixture(scope="module")
def maven(maven_dir: Path) -> dict[str, list[dict[str, str]]]:
    out = {}
    for name in ("sales_pipeline", "sales_teams", "products", "accounts"):
        with (maven_dir / f"{name}.csv").open(newline="", encoding="utf-8") as f:
            out[name] = list(csv.DictReader(f))
    return out


def _product(name: str) -> str:
    return "GTX Pro" if name == "GTXPro" else name  # the pipeline file's spelling of one product


def _won_revenue(maven: dict, key: str) -> list[tuple[str, float]]:
    """Each value of ``key`` with its won revenue, highest first (ties by name)."""
    sums: Counter[str] = Counter()
    for d in maven["sales_pipeline"]:
        if d["deal_stage"] == "Won" and d[key]:
            sums[d[key]] += float(d["close_value"])
    return sorted(sums.items(), key=lambda kv: (-kv[1], kv[0]))


def _ask(copilot: Copilot, thread: str, *questions: str, user: str = "ops") -> list[str]:
    return [copilot.ask(q, user, thread_id=thread).answer for q in questions]


def test_a_row_named_by_its_place_is_that_row(copilot: Copilot, maven: dict) -> None:
    accounts = [a for a, _ in _won_revenue(maven, "account")[:5]]
    sector = {a["account"]: a["sector"] for a in maven["accounts"]}
    listed, first, second, last = _ask(copilot, "places-1", "list the top 5 accounts by won revenue",
                                       "what's the sector of the first one?", "and the second one?",
                                       "what about the last one on the list?")
    assert all(a in listed for a in accounts), listed
    # the file's own spelling of a sector may be mended on import ("technolgy"): its first letters are the same
    for answer, account in ((first, accounts[0]), (second, accounts[1]), (last, accounts[4])):
        assert answer.startswith(f"{account}: {sector[account][:6]}") and answer.endswith(" sector."), answer


def test_a_place_in_a_list_of_reps_asks_of_that_rep(copilot: Copilot, maven: dict) -> None:
    reps = [r for r, _ in _won_revenue(maven, "sales_agent")[:3]]
    lost = sum(1 for d in maven["sales_pipeline"] if d["sales_agent"] == reps[0] and d["deal_stage"] == "Lost")
    _, answer = _ask(copilot, "places-2", "top 3 reps by won revenue", "how many deals did the first one lose?")
    assert answer.startswith(f"Lost deals for {reps[0]}: {lost}."), answer
    _, answer = _ask(copilot, "places-3", "won revenue by office", "and the bottom one?")
    offices = {t["sales_agent"]: t["regional_office"] for t in maven["sales_teams"]}
    by_office: Counter[str] = Counter()
    for d in maven["sales_pipeline"]:
        if d["deal_stage"] == "Won":
            by_office[offices[d["sales_agent"]]] += float(d["close_value"])
    bottom = min(by_office, key=by_office.__getitem__)
    assert bottom in answer and f"${by_office[bottom]:,.0f}" in answer, answer


@pytest.mark.parametrize(("setup", "question"), [
    (None, "what about the last one on the list?"),
    ("what's the sector of Kan-code?", "and the second one?"),
    ("top 3 reps by won revenue", "and the fifth one?"),
])
def test_a_place_that_points_into_no_list_is_asked_about(copilot: Copilot, setup: str | None, question: str) -> None:
    thread = f"places-none-{abs(hash((setup, question))) % 10_000}"
    if setup:
        copilot.ask(setup, "ops", thread_id=thread)
    answer = copilot.ask(question, "ops", thread_id=thread).answer
    assert answer.startswith("Which one do you mean"), answer
    assert not re.search(r"\$\d", answer), answer


def test_who_had_the_most_after_a_team_figure_ranks_that_team(copilot: Copilot, maven: dict) -> None:
    team = {t["sales_agent"] for t in maven["sales_teams"] if t["manager"] == "Melvin Marxen"}
    won = Counter({r: 0 for r in team})
    won.update(d["sales_agent"] for d in maven["sales_pipeline"] if d["deal_stage"] == "Won" and d["sales_agent"] in team)
    top, fewest = max(won.values()), min(won.values())
    figure, most, least = _ask(copilot, "who-1", "how many deals did Melvin Marxen's team win?", "who had the most?",
                               "and the fewest?")
    assert figure.startswith(f"Won deals for Melvin Marxen's team: {sum(won.values())}."), figure
    assert [r for r in team if won[r] == top] == [r for r in team if r in most.split(" has ")[0]], most
    assert most.endswith(tuple(".")) and f": {top}." in most and "most won deals" in most, most
    assert f": {fewest}." in least and "fewest won deals" in least, least
    assert [r for r in team if won[r] == fewest][0] in least, least


def test_who_had_the_most_keeps_the_period_and_office(copilot: Copilot, maven: dict) -> None:
    office = {t["sales_agent"] for t in maven["sales_teams"] if t["regional_office"] == "Central"}
    sums = Counter({r: 0.0 for r in office})
    for d in maven["sales_pipeline"]:
        if d["deal_stage"] == "Won" and d["sales_agent"] in office and "2017-07-01" <= d["close_date"] <= "2017-09-30":
            sums[d["sales_agent"]] += float(d["close_value"])
    best = max(sums, key=sums.__getitem__)
    _, answer = _ask(copilot, "who-2", "won revenue for the Central office in Q3 2017", "who had the highest?")
    assert answer.startswith(f"{best} has the most won revenue (among Central office) in Q3 2017: "
                             f"${sums[best]:,.0f}"), answer


def test_who_had_the_most_after_a_reps_own_figure_is_outside_their_scope(copilot: Copilot) -> None:
    _, answer = _ask(copilot, "who-3", "how many deals did I win?", "who had the most?", user="Darcel Schlecht")
    assert answer.startswith("That is outside your scope"), answer


@pytest.mark.parametrize(("question", "stage", "office"), [
    ("which reps won exactly 0 deals?", "Won", None),
    ("which reps won no deals?", "Won", None),
    ("how many reps have no won deals?", "Won", None),
    ("How many Central reps have no deals?", None, "Central"),
])
def test_none_or_exactly_a_number_keeps_those_with_that_count(copilot: Copilot, maven: dict, question: str,
                                                              stage: str | None, office: str | None) -> None:
    reps = {t["sales_agent"] for t in maven["sales_teams"] if office is None or t["regional_office"] == office}
    counts = Counter({r: 0 for r in reps})
    counts.update(d["sales_agent"] for d in maven["sales_pipeline"]
                  if d["sales_agent"] in reps and (stage is None or d["deal_stage"] == stage))
    none = sorted(r for r in reps if counts[r] == 0)
    answer = copilot.ask(question, "ops").answer
    listed = re.findall(r"^\d+\. (.+?): 0$", answer, re.MULTILINE)
    assert sorted(listed) == none, answer
    assert f"({len(none)})" in answer.splitlines()[0] and " no " in answer.splitlines()[0], answer


def test_exactly_a_number_of_deals(copilot: Copilot, maven: dict) -> None:
    won = Counter(d["sales_agent"] for d in maven["sales_pipeline"] if d["deal_stage"] == "Won")
    n = next(v for v, k in Counter(won.values()).most_common() if k >= 2)  # a count two reps share
    answer = copilot.ask(f"which reps won exactly {n} deals?", "ops").answer
    assert sorted(re.findall(rf"^\d+\. (.+?): {n}$", answer, re.MULTILINE)) == sorted(r for r in won if won[r] == n), answer
    assert answer.startswith(f"Reps with exactly {n} won deals"), answer


@pytest.mark.parametrize(("question", "highest"), [
    ("whats the most expensive product we sell", True),
    ("which product has the highest list price?", True),
    ("what's our cheapest product?", False),
])
def test_the_top_of_the_price_list_is_named(copilot: Copilot, maven: dict, question: str, highest: bool) -> None:
    prices = {p["product"]: float(p["sales_price"]) for p in maven["products"]}
    name = (max if highest else min)(prices, key=prices.__getitem__)
    answer = copilot.ask(question, "ops").answer
    assert answer.startswith(f"The {'most expensive' if highest else 'cheapest'} product is {name}, at "
                             f"${prices[name]:,.0f} list price."), answer
    assert all(p in answer for p in prices), answer


def test_a_period_outside_the_deals_says_so(copilot: Copilot, maven: dict) -> None:
    closes = sorted(d["close_date"] for d in maven["sales_pipeline"] if d["close_date"])
    answer = copilot.ask("what was won revenue in Q4 2016?", "ops").answer
    assert f"closed between {closes[0]} and {closes[-1]}" in answer and "outside those dates" in answer, answer


def test_the_open_pipeline_of_one_stage_is_defined_as_that_stage(copilot: Copilot, maven: dict) -> None:
    price = {p["product"]: float(p["sales_price"]) for p in maven["products"]}
    total = sum(price[_product(d["product"])] for d in maven["sales_pipeline"] if d["deal_stage"] == "Prospecting")
    answer = copilot.ask("how much open pipeline do we have in Prospecting?", "ops").answer
    assert f"${total:,.0f}" in answer and "open (Prospecting) deals" in answer and "Engaging" not in answer, answer


def test_the_latest_deals_say_how_many_share_the_last_day(copilot: Copilot, maven: dict) -> None:
    won = [d for d in maven["sales_pipeline"] if d["deal_stage"] == "Won"]
    last = max(d["close_date"] for d in won)
    sharing = sum(1 for d in won if d["close_date"] == last)
    assert sharing > 10  # the data this test is about: more deals closed on the last day than a list shows
    answer = copilot.ask("which deals did we win last?", "ops").answer
    assert f"{sharing} matching deals closed on {dt.date.fromisoformat(last)}" in answer, answer
    answer = copilot.ask("when did we last win a deal?", "ops").answer
    assert f"{sharing} deals closed on {last}" in answer or "most recent" in answer.lower(), answer


def test_only_two_periods_after_a_figure_gives_both(copilot: Copilot, maven: dict) -> None:
    def won(lo: str, hi: str) -> float:
        return sum(float(d["close_value"]) for d in maven["sales_pipeline"]
                   if d["deal_stage"] == "Won" and lo <= d["close_date"] <= hi)
    _, answer = _ask(copilot, "two-periods", "won revenue in Q2 2017", "only Q3 and Q4 2017")
    assert f"Q3 2017: ${won('2017-07-01', '2017-09-30'):,.0f}" in answer, answer
    assert f"Q4 2017: ${won('2017-10-01', '2017-12-31'):,.0f}" in answer, answer


@pytest.mark.parametrize(("user", "question", "of"), [
    ("Cara Losch", "who on my team has no deals", "reps"),
    ("Cara Losch", "reps with no deals", "reps"),
    ("ops", "which accounts have zero wins", "accounts"),
])
def test_who_has_none_within_what_the_asker_sees(copilot: Copilot, maven: dict, user: str, question: str,
                                                 of: str) -> None:
    if of == "reps":
        members = {t["sales_agent"] for t in maven["sales_teams"] if t["manager"] == "Cara Losch"}
        had = {d["sales_agent"] for d in maven["sales_pipeline"]}
    else:
        members = {a["account"] for a in maven["accounts"]}
        had = {d["account"] for d in maven["sales_pipeline"] if d["deal_stage"] == "Won"}
    none = sorted(members - had)
    answer = copilot.ask(question, user).answer
    assert sorted(re.findall(r"^\d+\. (.+?): 0$", answer, re.MULTILINE)) == none, answer
    assert (f"({len(none)})" in answer.splitlines()[0]) if none else ": none." in answer, answer
    assert "$" not in answer, answer


def test_a_place_keeps_pointing_into_the_list_after_one_row_is_picked(copilot: Copilot, maven: dict) -> None:
    ranked = _won_revenue(maven, "account")[:5]
    answers = _ask(copilot, "places-4", "list the top 5 accounts by won revenue", "the first one",
                   "how much did the last one on the list win?", "number three on the list", "#2",
                   "how many deals did number 4 win?")
    for answer, (account, revenue) in zip(answers[2:5], (ranked[4], ranked[2], ranked[1]), strict=True):
        assert answer.startswith(f"Won revenue for {account}: ${revenue:,.0f}"), answer
    won = sum(1 for d in maven["sales_pipeline"] if d["account"] == ranked[3][0] and d["deal_stage"] == "Won")
    assert answers[5].startswith(f"Won deals for {ranked[3][0]}: {won}."), answers[5]


@pytest.mark.parametrize(("user", "question", "open_deals"), [
    ("Melvin Marxen", "what's our biggest open deal?", True),
    ("ops", "what's our smallest won deal?", False),
    ("ops", "what's the biggest open deal?", True),
])
def test_a_deal_is_said_tied_only_when_its_own_value_is_shared(copilot: Copilot, maven: dict, user: str,
                                                               question: str, open_deals: bool) -> None:
    price = {p["product"]: float(p["sales_price"]) for p in maven["products"]}
    team = {t["sales_agent"] for t in maven["sales_teams"] if user == "ops" or t["manager"] == user}
    deals = [d for d in maven["sales_pipeline"] if d["sales_agent"] in team and
             (d["deal_stage"] in ("Prospecting", "Engaging") if open_deals else d["deal_stage"] == "Won")]
    values = [price[_product(d["product"])] if open_deals else float(d["close_value"]) for d in deals]
    end = max(values) if open_deals else min(values)
    sharing = values.count(end)
    answer = copilot.ask(question, user).answer
    if sharing == 1:
        assert "tied" not in answer, answer
    else:
        assert f"tied with others: {sharing} deals" in answer, answer
    assert f"${end:,.0f}" in answer, answer


@pytest.mark.parametrize(("question", "series", "highest"), [
    ("What is the most expensive product in the GTX series?", "GTX", True),
    ("what's the most expensive GTX product?", "GTX", True),
    ("what's our cheapest MG product", "MG", False),
])
def test_the_top_of_a_series_price_list(copilot: Copilot, maven: dict, question: str, series: str,
                                        highest: bool) -> None:
    prices = {p["product"]: float(p["sales_price"]) for p in maven["products"] if p["series"] == series}
    name = (max if highest else min)(prices, key=prices.__getitem__)
    answer = copilot.ask(question, "ops").answer
    assert answer.startswith(f"The {'most expensive' if highest else 'cheapest'} product is {name}, at "
                             f"${prices[name]:,.0f}"), answer
    assert all(p in answer for p in prices) and "GTK" not in answer.replace(series, ""), answer


@pytest.mark.parametrize("question", ["accounts with 0 wins", "wich reps won no deals"])
def test_zero_and_a_misspelt_which_are_bounds_too(copilot: Copilot, maven: dict, question: str) -> None:
    won = {d["account" if "accounts" in question else "sales_agent"] for d in maven["sales_pipeline"]
           if d["deal_stage"] == "Won"}
    members = {a["account"] for a in maven["accounts"]} if "accounts" in question else \
        {t["sales_agent"] for t in maven["sales_teams"]}
    none = sorted(members - won)
    answer = copilot.ask(question, "ops").answer
    assert sorted(re.findall(r"^\d+\. (.+?): 0$", answer, re.MULTILINE)) == none, answer
    assert " no won deals" in answer.splitlines()[0], answer


@pytest.mark.parametrize("question", ["which reps won no deals?", "which reps won exactly 122 deals?"])
def test_a_rep_asking_who_else_has_a_count_is_outside_their_scope(copilot: Copilot, question: str) -> None:
    answer = copilot.ask(question, "Darcel Schlecht").answer
    assert answer.startswith("That is outside your scope"), answer


def test_a_manager_asking_who_has_no_wins_in_a_quarter(copilot: Copilot, maven: dict) -> None:
    team = {t["sales_agent"] for t in maven["sales_teams"] if t["manager"] == "Melvin Marxen"}
    won = {d["sales_agent"] for d in maven["sales_pipeline"] if d["deal_stage"] == "Won"
           and "2017-01-01" <= d["close_date"] <= "2017-03-31"}
    answer = copilot.ask("who on my team has no won deals in Q1 2017", "Melvin Marxen").answer
    assert sorted(re.findall(r"^\d+\. (.+?): 0$", answer, re.MULTILINE)) == sorted(team - won), answer


def test_accounts_with_none_for_a_rep_say_whose_accounts_they_are(copilot: Copilot, maven: dict) -> None:
    mine = [d for d in maven["sales_pipeline"] if d["sales_agent"] == "Darcel Schlecht"]
    worked = {d["account"] for d in mine if d["account"]}
    none = sorted(worked - {d["account"] for d in mine if d["deal_stage"] == "Won"})
    answer = copilot.ask("accounts with zero wins", "Darcel Schlecht").answer
    assert sorted(re.findall(r"^\d+\. (.+?): 0$", answer, re.MULTILINE)) == none, answer
    assert "worked by you or your team" in answer, answer


def test_a_pronoun_after_a_tie_is_asked_about(copilot: Copilot, maven: dict) -> None:
    won: Counter[str] = Counter({t["sales_agent"]: 0 for t in maven["sales_teams"]})
    for d in maven["sales_pipeline"]:
        if d["deal_stage"] == "Won":
            won[d["sales_agent"]] += float(d["close_value"])
    tied = sorted(r for r in won if won[r] == min(won.values()))
    assert len(tied) > 1  # the data this test is about
    first, her, they = _ask(copilot, "tie-1", "which rep has the lowest won revenue?", "what's her win rate?",
                            "and how many did they lose?")
    assert all(r in first for r in tied), first
    for answer in (her, they):
        assert answer.startswith("Which of them do you mean") and all(r in answer for r in tied), answer


@pytest.mark.parametrize(("user", "turns", "rep"), [
    ("ops", ("won deals for Zane Levy in Q2 2017", "his open deals"), "Zane Levy"),
    ("Melvin Marxen", ("how many deals did Darcel win in Q3 2017", "and how many does he have open?"),
     "Darcel Schlecht"),
    ("Darcel Schlecht", ("my lost deals in December 2017", "and my open ones?"), "Darcel Schlecht"),
])
def test_open_deals_after_a_period_of_closes_are_those_open_now(copilot: Copilot, maven: dict, user: str,
                                                               turns: tuple[str, str], rep: str) -> None:
    open_now = sum(1 for d in maven["sales_pipeline"] if d["sales_agent"] == rep
                   and d["deal_stage"] in ("Prospecting", "Engaging"))
    answer = _ask(copilot, f"open-now-{abs(hash(turns)) % 10_000}", *turns, user=user)[-1]
    assert answer.startswith("Open deals for ") and f": {open_now}." in answer and "closed in" not in answer, answer


def test_my_pipeline_after_my_revenue_of_a_quarter_is_my_pipeline_now(copilot: Copilot, maven: dict) -> None:
    price = {p["product"]: float(p["sales_price"]) for p in maven["products"]}
    mine = [d for d in maven["sales_pipeline"] if d["sales_agent"] == "Darcel Schlecht"
            and d["deal_stage"] in ("Prospecting", "Engaging")]
    _, answer = _ask(copilot, "pipeline-now", "my won revenue in Q4 2017", "and my pipeline?", user="Darcel Schlecht")
    assert f"${sum(price[_product(d['product'])] for d in mine):,.0f} across {len(mine)} open deals" in answer, answer


def test_a_place_said_alone_after_a_list(copilot: Copilot, maven: dict) -> None:
    team = {t["sales_agent"] for t in maven["sales_teams"] if t["manager"] == "Melvin Marxen"}
    sums: Counter[str] = Counter()
    for d in maven["sales_pipeline"]:
        if d["deal_stage"] == "Won" and d["sales_agent"] in team:
            sums[d["sales_agent"]] += float(d["close_value"])
    top = sorted(sums, key=lambda r: -sums[r])
    _, second, fourth = _ask(copilot, "bare-place", "top 3 reps on my team by won revenue", "and the second?",
                             "and the fourth?", user="Melvin Marxen")
    assert top[1] in second and f"${sums[top[1]]:,.0f}" in second and top[0] not in second, second
    assert fourth.startswith('Which one do you mean by "the fourth"? The list I showed last has 3'), fourth


def test_a_figure_by_regional_office_is_broken_down(copilot: Copilot, maven: dict) -> None:
    office = {t["sales_agent"]: t["regional_office"] for t in maven["sales_teams"]}
    won, closed = Counter(), Counter()
    for d in maven["sales_pipeline"]:
        if d["deal_stage"] in ("Won", "Lost"):
            closed[office[d["sales_agent"]]] += 1
            won[office[d["sales_agent"]]] += d["deal_stage"] == "Won"
    answer = copilot.ask("Win rate by regional office", "ops").answer
    for o in closed:
        assert f"{o}: {100 * won[o] / closed[o]:.1f}%" in answer, answer


@pytest.mark.parametrize(("user", "question"), [
    ("Darcel Schlecht", "how many open deals does the company have"),
    ("Anna Snelling", "what's the largest deal in the company"),
    ("Anna Snelling", "what's the team average win rate"),
])
def test_a_rep_asking_the_company_or_the_team_is_told_it_is_outside_their_scope(copilot: Copilot, user: str,
                                                                              question: str) -> None:
    answer = copilot.ask(question, user).answer
    assert answer.startswith("That is outside your scope"), answer


def test_a_brief_of_an_account_with_no_contacts_says_so(copilot: Copilot) -> None:
    answer = copilot.ask("brief me on Codehow", "Darcel Schlecht").answer
    assert "no contact on record" in answer and "single-threaded" not in answer and "Re-engage" not in answer, answer


def test_who_is_the_worst_after_a_breakdown_by_rep(copilot: Copilot, maven: dict) -> None:
    team = {t["sales_agent"] for t in maven["sales_teams"] if t["manager"] == "Summer Sewald"}
    won, closed = Counter(), Counter()
    for d in maven["sales_pipeline"]:
        if d["sales_agent"] in team and d["deal_stage"] in ("Won", "Lost"):
            closed[d["sales_agent"]] += 1
            won[d["sales_agent"]] += d["deal_stage"] == "Won"
    worst = min(closed, key=lambda r: won[r] / closed[r])
    open_deals = sum(1 for d in maven["sales_pipeline"] if d["sales_agent"] == worst
                     and d["deal_stage"] in ("Prospecting", "Engaging"))
    answers = _ask(copilot, "worst-1", "what's my team's win rate?", "by rep", "who's the worst?",
                   "how many open deals does she have?", user="Summer Sewald")
    assert answers[2].startswith(f"{worst} has the lowest win rate (among your team): "
                                 f"{100 * won[worst] / closed[worst]:.1f}%"), answers[2]
    assert answers[3].startswith(f"Open deals for {worst}: {open_deals}."), answers[3]


def test_how_am_i_doing_in_two_quarters_gives_both(copilot: Copilot, maven: dict) -> None:
    mine = [d for d in maven["sales_pipeline"] if d["sales_agent"] == "Darcel Schlecht" and d["deal_stage"] == "Won"]
    answer = copilot.ask("how am I doing in Q4 2017 vs Q3 2017", "Darcel Schlecht").answer
    for label, lo, hi in (("Q3 2017", "2017-07-01", "2017-09-30"), ("Q4 2017", "2017-10-01", "2017-12-31")):
        total = sum(float(d["close_value"]) for d in mine if lo <= d["close_date"] <= hi)
        assert f"closed in {label}: ${total:,.0f}" in answer, answer


@pytest.mark.parametrize(("question", "group", "end"), [
    ("Which regional office has the fewest reps?", "regional_office", min),
    ("which office has the most reps", "regional_office", max),
    ("which team has the fewest reps", "manager", min),
    ("how many reps are in each office?", "regional_office", None),
])
def test_reps_counted_by_office_or_team(copilot: Copilot, maven: dict, question: str, group: str, end) -> None:  # noqa: ANN001
    counts = Counter(t[group] for t in maven["sales_teams"])
    answer = copilot.ask(question, "ops").answer
    if end is None:
        assert all(f"{g}: {n} reps" in answer for g, n in counts.items()), answer
        return
    best = end(counts.values())
    tied = [g for g, n in counts.items() if n == best]
    assert all(g in answer.split(":")[1] for g in tied) and f"{best} reps" in answer, answer
    assert all(f"{g} {n}" in answer for g, n in counts.items()), answer


def _between(day: str, lo: str, hi: str) -> bool:
    return bool(day) and lo <= day <= hi


def test_a_follow_up_that_says_engaged_reads_the_engage_date(copilot: Copilot, maven: dict) -> None:
    deals = maven["sales_pipeline"]
    engaged = sum(1 for d in deals if _between(d["engage_date"], "2016-10-01", "2016-12-31"))
    _, after_revenue = _ask(copilot, "engaged-1", "what was our won revenue in 2017?", "deals engaged in Q4 2016")
    assert after_revenue.startswith(f"Deals, engaged in Q4 2016: {engaged:,}."), after_revenue
    _, asked = _ask(copilot, "engaged-2", "how many deals did we win?", "how many deals were engaged in Q4 2016?")
    assert asked.startswith(f"Deals, engaged in Q4 2016: {engaged:,}."), asked
    both = sum(1 for d in deals if d["deal_stage"] == "Won" and _between(d["close_date"], "2017-07-01", "2017-09-30")
               and _between(d["engage_date"], "2017-04-01", "2017-06-30"))
    *_, narrowed = _ask(copilot, "engaged-3", "how many deals did we win?", "and in Q3 2017?",
                        "how many of those were engaged in Q2 2017?")
    assert narrowed.startswith(f"Won deals, engaged in Q2 2017 and closed in Q3 2017: {both:,}."), narrowed


def test_he_or_she_with_no_one_meant_is_asked(copilot: Copilot, maven: dict) -> None:
    everyone = sum(1 for d in maven["sales_pipeline"] if d["deal_stage"] == "Won")
    for i, question in enumerate(("how many deals did he win?", "what's her win rate?", "how many did she lose?")):
        answer = copilot.ask(question, "ops", thread_id=f"nobody-{i}").answer
        assert "Who do you mean by" in answer and f"{everyone:,}" not in answer, answer
    reps = [r for r, _ in _won_revenue(maven, "sales_agent")[:3]]
    _, which = _ask(copilot, "nobody-list", "top 3 reps by won revenue", "what's his win rate?")
    assert which.startswith("Which of them do you mean") and all(r in which for r in reps), which


def _won_by_reps_sharing(maven: dict, rep: str, key: str) -> tuple[str, float]:
    """``rep``'s value of ``key`` (their manager or office) and the won revenue of every rep who shares it."""
    value = next(t[key] for t in maven["sales_teams"] if t["sales_agent"] == rep)
    reps = {t["sales_agent"] for t in maven["sales_teams"] if t[key] == value}
    return value, sum(float(d["close_value"]) for d in maven["sales_pipeline"]
                      if d["deal_stage"] == "Won" and d["sales_agent"] in reps)


def test_her_team_after_who_manages_is_the_managers_team(copilot: Copilot, maven: dict) -> None:
    manager, total = _won_by_reps_sharing(maven, "Darcel Schlecht", "manager")
    _, answer = _ask(copilot, "team-of-1", "who manages Darcel Schlecht?", "what's her team's won revenue?")
    assert answer.startswith(f"Won revenue for {manager}'s team: ${total:,.0f}"), answer
    for i, said in enumerate(("how's Darcel Schlecht doing?", "Darcel's won revenue")):
        _, his = _ask(copilot, f"team-of-{i + 2}", said, "what's his team's won revenue?")
        assert his.startswith(f"Won revenue for {manager}'s team: ${total:,.0f}"), his
    direct = copilot.ask("won revenue for Darcel's team", "ops", thread_id="team-of-4").answer
    assert direct.startswith(f"Won revenue for {manager}'s team: ${total:,.0f}"), direct
    office, won = _won_by_reps_sharing(maven, "Darcel Schlecht", "regional_office")
    _, that = _ask(copilot, "office-of-1", "which office is Darcel in", "how much did that office win")
    assert that.startswith(f"Won revenue for {office} office: ${won:,.0f}"), that
    _, his = _ask(copilot, "office-of-2", "how's Darcel Schlecht doing?", "how much did his office win?")
    assert his.startswith(f"Won revenue for {office} office: ${won:,.0f}"), his
    direct = copilot.ask("won revenue for Darcel's office", "ops", thread_id="office-of-3").answer
    assert direct.startswith(f"Won revenue for {office} office: ${won:,.0f}"), direct


def test_tell_me_about_a_rep_gives_their_figures(copilot: Copilot, maven: dict) -> None:
    won = [d for d in maven["sales_pipeline"] if d["sales_agent"] == "Cassey Cress" and d["deal_stage"] == "Won"]
    answer = copilot.ask("tell me about Cassey Cress", "ops", thread_id="about-rep").answer
    assert answer.startswith(f"Won revenue for Cassey Cress: ${sum(float(d['close_value']) for d in won):,.0f} "
                             f"from {len(won)} won deals; win rate"), answer


def test_deals_for_an_account_are_all_of_its_deals(copilot: Copilot, maven: dict) -> None:
    theirs = [d for d in maven["sales_pipeline"] if d["account"] == "Kan-code"]
    answer = copilot.ask("how many deals for Kan-code?", "ops", thread_id="account-deals-1").answer
    assert answer.startswith(f"Deals for Kan-code: {len(theirs)}."), answer
    listed = copilot.ask("deals for kancode", "ops", thread_id="account-deals-2").answer
    assert f"(10 of {len(theirs)})" in listed, listed
    won = sum(1 for d in theirs if d["deal_stage"] == "Won")
    answer = copilot.ask("won deals for Kan-code", "ops", thread_id="account-deals-3").answer
    assert answer.startswith(f"Won deals for Kan-code: {won}."), answer


def _won_sum(deals: list[dict[str, str]], **where: str) -> float:
    return sum(float(d["close_value"]) for d in deals if d["deal_stage"] == "Won" and all(d[k] == v for k, v in where.items()))


def test_a_follow_up_that_widens_drops_what_it_widens(copilot: Copilot, maven: dict) -> None:
    deals = maven["sales_pipeline"]
    q3 = [d for d in deals if _between(d["close_date"], "2017-07-01", "2017-09-30")]
    _, company, ever = _ask(copilot, "wider-1", "Darcel's won revenue in Q3 2017", "and for the whole company?",
                            "and all time?")
    assert company.startswith(f"Won revenue, closed in Q3 2017: ${_won_sum(q3):,.0f}"), company
    assert ever.startswith(f"Won revenue: ${_won_sum(deals):,.0f}"), ever
    q4 = [d for d in deals if _between(d["close_date"], "2017-10-01", "2017-12-31")]
    wins = sum(1 for d in q4 if d["deal_stage"] == "Won" and d["sales_agent"] == "Darcel Schlecht")
    _, products = _ask(copilot, "wider-2", "how many GTX Pro deals did Darcel win in Q4 2017?", "and all products")
    assert products.startswith(f"Won deals for Darcel Schlecht, closed in Q4 2017: {wins}."), products
    _, sectors = _ask(copilot, "wider-3", "Darcel's won revenue in the finance sector", "and across all sectors?")
    assert sectors.startswith(f"Won revenue for Darcel Schlecht: ${_won_sum(deals, sales_agent='Darcel Schlecht'):,.0f}"), \
        sectors
    closed = [d for d in q3 if d["deal_stage"] in ("Won", "Lost")]
    rate = 100 * sum(1 for d in closed if d["deal_stage"] == "Won") / len(closed)
    _, overall = _ask(copilot, "wider-4", "win rate for MG Advanced in Q3 2017", "and overall that quarter?")
    assert overall.startswith(f"Win rate, closed in Q3 2017: {rate:.1f}%"), overall
    mine = copilot.ask("my won revenue in Q3 2017", "Darcel Schlecht", thread_id="wider-5").answer
    assert "$" in mine
    refused = copilot.ask("and for the whole company?", "Darcel Schlecht", thread_id="wider-5").answer
    assert refused.startswith("That is outside your scope"), refused


def test_a_figure_named_alone_after_a_figure_is_of_its_subject(copilot: Copilot, maven: dict) -> None:
    deals = [d for d in maven["sales_pipeline"] if _product(d["product"]) == "GTX Pro"
             and _between(d["close_date"], "2017-04-01", "2017-06-30")]
    won = [d for d in deals if d["deal_stage"] == "Won"]
    lost = [d for d in deals if d["deal_stage"] == "Lost"]
    _, rate, size = _ask(copilot, "named-alone-1", "won revenue for GTX Pro in Q2 2017", "what's the win rate",
                         "average deal size?")
    assert rate.startswith(f"Win rate for GTX Pro, closed in Q2 2017: {100 * len(won) / (len(won) + len(lost)):.1f}%"), rate
    average = sum(float(d["close_value"]) for d in won) / len(won)
    assert size.startswith(f"Average won deal size for GTX Pro, closed in Q2 2017: ${average:,.2f}"), size
    q3_lost = sum(1 for d in maven["sales_pipeline"] if d["sales_agent"] == "Darcel Schlecht" and d["deal_stage"] == "Lost"
                  and _between(d["close_date"], "2017-07-01", "2017-09-30"))
    _, she = _ask(copilot, "named-alone-2", "Darcel's won revenue in Q3 2017", "how many did she lose")
    assert she.startswith(f"Lost deals for Darcel Schlecht, closed in Q3 2017: {q3_lost}."), she


def test_what_fraction_is_that_is_the_part_of_the_figure_before(copilot: Copilot, maven: dict) -> None:
    won = [d for d in maven["sales_pipeline"] if d["sales_agent"] == "Darcel Schlecht" and d["deal_stage"] == "Won"]
    pro = sum(1 for d in won if _product(d["product"]) == "GTX Pro")
    *_, share = _ask(copilot, "fraction-1", "how many deals did Darcel win", "how many were GTX Pro",
                     "and what fraction is that")
    assert f"share: {100 * pro / len(won):.1f}% ({pro} of {len(won)})" in share, share
    _, asked = _ask(copilot, "fraction-2", "how many deals did Darcel win", "what percentage is that")
    assert asked.startswith("A share of what?") and "%" not in asked.split("?")[0], asked


@pytest.mark.parametrize(("first", "then", "place"), [
    ("which rep won the most deals in Q4 2017", "who came second", 2),
    ("top rep by won revenue", "who was third?", 3),
    ("which rep won the most deals in Q4 2017", "and the second?", 2),
])
def test_a_lower_place_after_the_top_alone_is_that_place(copilot: Copilot, maven: dict, first: str, then: str,
                                                           place: int) -> None:
    if "Q4" in first:
        counts = Counter(d["sales_agent"] for d in maven["sales_pipeline"] if d["deal_stage"] == "Won"
                         and _between(d["close_date"], "2017-10-01", "2017-12-31"))
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        shown = f"{place}. {ranked[place - 1][0]}: {ranked[place - 1][1]}"
    else:
        rep, total = _won_revenue(maven, "sales_agent")[place - 1]
        shown = f"{place}. {rep}: ${total:,.0f}"
    _, answer = _ask(copilot, f"place-{len(then)}-{place}-{len(first)}", first, then)
    assert shown in answer and f"Top {place} shown." in answer, answer


def test_deals_at_accounts_of_a_sector_and_an_outcome_with_engagement(copilot: Copilot, maven: dict) -> None:
    sector = {a["account"]: a["sector"] for a in maven["accounts"]}
    deals = maven["sales_pipeline"]
    won = sum(1 for d in deals if d["sales_agent"] == "Darcel Schlecht" and d["deal_stage"] == "Won"
              and sector.get(d["account"]) == "retail")
    answer = copilot.ask("how many deals has Darcel won at accounts in the retail sector", "ops",
                         thread_id="at-accounts").answer
    assert answer.startswith(f"Won deals for Darcel Schlecht, retail sector: {won}."), answer
    engaged_won = sum(1 for d in deals if d["deal_stage"] == "Won" and d["engage_date"].startswith("2016"))
    answer = copilot.ask("how many deals were engaged in 2016 and won", "ops", thread_id="engaged-won").answer
    assert answer.startswith(f"Won deals, engaged in 2016: {engaged_won}."), answer


@pytest.mark.parametrize(("question", "kind", "where"), [
    ("how many different products did Darcel sell", "Products", {"sales_agent": "Darcel Schlecht"}),
    ("how many accounts has Darcel won deals with?", "Accounts", {"sales_agent": "Darcel Schlecht"}),
    ("how many reps sold GTX Pro", "Reps", {"product": "GTXPro"}),
    ("how many reps have won at least one deal", "Reps", {}),
    ("how many accounts did we win deals at", "Accounts", {}),
    ("how many accounts do we have deals with?", "Accounts", {"deal_stage": "*"}),
])
def test_how_many_different_ones_a_deal_was_with(copilot: Copilot, maven: dict, question: str, kind: str,
                                                 where: dict[str, str]) -> None:
    column = {"Products": "product", "Accounts": "account", "Reps": "sales_agent"}[kind]
    stage = where.pop("deal_stage", "Won")
    distinct = {d[column] for d in maven["sales_pipeline"] if stage in ("*", d["deal_stage"]) and d[column]
                and all(d[k] == v for k, v in where.items())}
    answer = copilot.ask(question, "ops", thread_id=f"distinct-{len(question)}").answer
    assert answer.startswith(kind) and f"({len(distinct)}):" in answer.split("\n")[0], answer


def test_one_of_a_ranking_and_the_one_deal_are_followed(copilot: Copilot, maven: dict) -> None:
    deals = maven["sales_pipeline"]
    teams = {t["sales_agent"]: t["manager"] for t in maven["sales_teams"]}
    won, closed = Counter(), Counter()
    for d in deals:
        if d["deal_stage"] in ("Won", "Lost"):
            closed[teams[d["sales_agent"]]] += 1
            won[teams[d["sales_agent"]]] += d["deal_stage"] == "Won"
    worst = min(closed, key=lambda m: won[m] / closed[m])
    lost = closed[worst] - won[worst]
    _, they = _ask(copilot, "team-they", "which manager's team has the lowest win rate", "how many deals did they lose")
    assert they.startswith(f"Lost deals for {worst}'s team: {lost}."), they
    biggest = max((d for d in deals if d["deal_stage"] == "Won"), key=lambda d: float(d["close_value"]))
    _, who = _ask(copilot, "who-won-it", "biggest deal ever won", "who won it?")
    assert biggest["opportunity_id"] in who and biggest["sales_agent"] in who, who
    last = max(d["close_date"] for d in deals if d["sales_agent"] == "Darcel Schlecht" and d["close_date"])
    when = copilot.ask("when did Darcel close her last deal", "ops", thread_id="last-closed").answer
    assert f"closed {last}" in when and "days" not in when, when
    counts = Counter(d["sales_agent"] for d in deals if d["deal_stage"] in ("Prospecting", "Engaging"))
    top, n = counts.most_common(1)[0]
    most = copilot.ask("whos got the most open deals", "ops", thread_id="whos-got").answer
    assert most.startswith(f"{top} has the most open deals: {n}."), most


def test_a_managers_which_of_my_reps_has_the_most_ranks_the_team(copilot: Copilot, maven: dict) -> None:
    team = {t["sales_agent"] for t in maven["sales_teams"] if t["manager"] == "Cara Losch"}
    counts = Counter(d["sales_agent"] for d in maven["sales_pipeline"]
                     if d["deal_stage"] in ("Prospecting", "Engaging") and d["sales_agent"] in team)
    top, n = counts.most_common(1)[0]
    _, answer = _ask(copilot, "my-reps-most", "how many open deals does my team have", "and which of my reps has the most",
                     user="Cara Losch")
    assert answer.startswith(f"{top} has the most open deals (among your team): {n}."), answer


@pytest.mark.parametrize("question", ["how many deals did darcel win for less than list price",
                                      "what's the average discount on GTX Pro deals?",
                                      "how much did we win from other accounts in the technology sector"])
def test_what_no_lookup_compares_is_not_answered_with_another_figure(copilot: Copilot, question: str) -> None:
    answer = copilot.ask(question, "ops", thread_id=f"no-lookup-{len(question)}").answer
    assert not re.search(r"\d", answer) and re.search(r"can't|cannot", answer), answer


def test_dollars_won_by_a_rep_is_their_revenue(copilot: Copilot, maven: dict) -> None:
    total = _won_sum(maven["sales_pipeline"], sales_agent="Darcel Schlecht")
    answer = copilot.ask("$ won by darcel", "ops", thread_id="dollars-won").answer
    assert answer.startswith(f"Won revenue for Darcel Schlecht: ${total:,.0f}"), answer


def test_a_share_of_a_named_total(copilot: Copilot, maven: dict) -> None:
    deals = maven["sales_pipeline"]
    office = {t["sales_agent"]: t["regional_office"] for t in maven["sales_teams"]}
    west = sum(float(d["close_value"]) for d in deals if d["deal_stage"] == "Won" and office[d["sales_agent"]] == "West")
    _, company = _ask(copilot, "share-total-1", "how much revenue did the West office win in 2017?",
                      "what fraction of the company total is that?")
    assert f"share: {100 * west / _won_sum(deals):.1f}%" in company, company
    team = {t["sales_agent"] for t in maven["sales_teams"] if t["manager"] == "Melvin Marxen"}
    darcel = _won_sum(deals, sales_agent="Darcel Schlecht")
    whole = sum(float(d["close_value"]) for d in deals if d["deal_stage"] == "Won" and d["sales_agent"] in team)
    _, mine = _ask(copilot, "share-total-2", "how much did Darcel win?", "what fraction of my team's total is that?",
                   user="Melvin Marxen")
    assert f"share: {100 * darcel / whole:.1f}%" in mine, mine
    _, refused = _ask(copilot, "share-total-3", "how much GTX Pro did I sell?", "what fraction of the company total is that?",
                      user="Darcel Schlecht")
    assert refused.startswith("That is outside your scope") and "%" not in refused, refused


@pytest.mark.parametrize("widen", ["what about the company as a whole?", "and for everybody?", "and for all of us?",
                                   "and across all offices?", "ok and the company?"])
def test_a_rep_widening_past_their_scope_is_declined(copilot: Copilot, widen: str) -> None:
    _, answer = _ask(copilot, f"rep-widen-{len(widen)}", "how much GTX Pro did I sell in Q3 2017?", widen,
                     user="Darcel Schlecht")
    assert answer.startswith("That is outside your scope") and "$" not in answer, answer


@pytest.mark.parametrize(("user", "question"), [("Melvin Marxen", "what's her win rate?"),
                                                 ("Cara Losch", "how many did he win?"),
                                                 ("Darcel Schlecht", "how many did she win?")])
def test_a_pronoun_with_no_one_named_is_asked_whatever_the_role(copilot: Copilot, user: str, question: str) -> None:
    answer = copilot.ask(question, user, thread_id=f"pronoun-{len(user)}-{len(question)}").answer
    assert answer.startswith("Who do you mean by") and not re.search(r"\d", answer.split("?")[0]), answer


def test_after_one_deal_when_it_closed_and_that_reps_wins(copilot: Copilot, maven: dict) -> None:
    q3 = [d for d in maven["sales_pipeline"] if d["deal_stage"] == "Won"
          and _between(d["close_date"], "2017-07-01", "2017-09-30")]
    top = max(q3, key=lambda d: float(d["close_value"]))
    wins = sum(1 for d in q3 if d["sales_agent"] == top["sales_agent"])
    _, when, rep_wins = _ask(copilot, "one-deal", "what was the biggest deal in Q3 2017?", "when did it close?",
                             "how many deals did that rep win?")
    assert f"closed {top['close_date']}" in when and "days" not in when, when
    assert rep_wins.startswith(f"Won deals for {top['sales_agent']}, closed in Q3 2017: {wins}."), rep_wins


def test_who_came_third_after_second_and_reps_with_open_deals(copilot: Copilot, maven: dict) -> None:
    rep, total = _won_revenue(maven, "sales_agent")[2]
    *_, third = _ask(copilot, "third-after-second", "top rep by won revenue", "who came second?", "who came third?")
    assert f"3. {rep}: ${total:,.0f}" in third, third
    reps = {d["sales_agent"] for d in maven["sales_pipeline"] if d["deal_stage"] in ("Prospecting", "Engaging")}
    answer = copilot.ask("how many reps have open deals?", "ops", thread_id="reps-open").answer
    assert answer.startswith(f"Reps with more than 0 open deals ({len(reps)}):"), answer
    valued = copilot.ask("how many open deals have I got, and what are they worth at list price?", "Darcel Schlecht",
                         thread_id="worth-at-list").answer
    assert "can't" not in valued and "$" in valued, valued


def test_the_win_rate_of_deals_engaged_then_and_never_sold_to(copilot: Copilot, maven: dict) -> None:
    engaged = [d for d in maven["sales_pipeline"] if d["engage_date"].startswith("2016")]
    won = sum(1 for d in engaged if d["deal_stage"] == "Won")
    closed = sum(1 for d in engaged if d["deal_stage"] in ("Won", "Lost"))
    *_, rate = _ask(copilot, "engaged-rate", "how many deals were engaged in 2016?", "how many of those were won?",
                    "what's the win rate?")
    assert rate.startswith(f"Win rate, engaged in 2016: {100 * won / closed:.1f}% ({won} won of {closed} closed)"), rate
    never = copilot.ask("how many accounts have we never sold to?", "Cara Losch", thread_id="never-sold").answer
    assert not re.search(r"\d", never) and "can't" in never, never


@pytest.mark.parametrize("question", ["how many deals does the average rep win?", "how many deals does a typical rep win?",
                                      "how many won deals does the average account have"])
def test_what_a_typical_one_has_is_asked_never_the_total(copilot: Copilot, question: str) -> None:
    answer = copilot.ask(question, "ops", thread_id=f"typical-{len(question)}").answer
    assert answer.startswith("An average per") and not re.search(r"\d\d", answer), answer


def _open(maven: dict, **where: str) -> list[dict]:
    """The open deals (Prospecting or Engaging) whose columns hold the values given."""
    return [d for d in maven["sales_pipeline"] if d["deal_stage"] in ("Prospecting", "Engaging")
            and all(d[k] == v for k, v in where.items())]


def _list_price(maven: dict, deals: list[dict]) -> float:
    price = {p["product"]: float(p["sales_price"]) for p in maven["products"]}
    return sum(price[_product(d["product"])] for d in deals)


@pytest.mark.parametrize(("user", "question", "where"), [
    ("ops", "how many deals are open and how much are they worth?", {}),
    ("Darcel Schlecht", "how many open deals do I have and how much are they worth?", {"sales_agent": "Darcel Schlecht"}),
    ("ops", "how many GTX Pro deals are open and how much are they worth?", {"product": "GTXPro"}),
    ("ops", "how many deals are in prospecting and how much are they worth?", {"deal_stage": "Prospecting"}),
])
def test_what_open_deals_are_worth_is_their_list_price(copilot: Copilot, maven: dict, user: str, question: str,
                                                       where: dict) -> None:
    """An open deal has won nothing yet: "how much are they worth" beside a count of open deals is their list price,
    never the revenue won from other deals."""
    deals = _open(maven, **where)
    answer = copilot.ask(question, user, thread_id=f"open-worth-{len(question)}").answer
    assert f": {len(deals):,}; open pipeline (at list price) ${_list_price(maven, deals):,.0f}" in answer, answer
    assert "won revenue" not in answer, answer


@pytest.mark.parametrize(("rep", "stage"), [("Darcel Schlecht", "Prospecting"), ("Darcel Schlecht", "Engaging"),
                                             ("Vicki Laflamme", "Prospecting")])
def test_how_many_of_those_open_deals_are_in_a_stage(copilot: Copilot, maven: dict, rep: str, stage: str) -> None:
    n = len(_open(maven, sales_agent=rep, deal_stage=stage))
    _, answer = _ask(copilot, f"open-then-{rep[:3]}-{stage}", f"how many open deals does {rep} have?",
                     f"how many of those are {stage.lower()}?")
    assert answer.startswith(f"Deals for {rep}, in {stage}: {n}."), answer


def test_a_managers_share_of_the_company_is_declined_and_of_their_team_answered(copilot: Copilot, maven: dict) -> None:
    deals = maven["sales_pipeline"]
    team = {t["sales_agent"] for t in maven["sales_teams"] if t["manager"] == "Melvin Marxen"}
    whole = sum(float(d["close_value"]) for d in deals if d["deal_stage"] == "Won" and d["sales_agent"] in team)
    darcel = _won_sum(deals, sales_agent="Darcel Schlecht")
    for question in ("what percent of total won revenue came from Darcel?", "what percent of company won revenue is "
                     "Darcel's?"):
        answer = copilot.ask(question, "Melvin Marxen", thread_id=f"mgr-share-{len(question)}").answer
        assert answer.startswith("That is outside your scope") and "%" not in answer, answer
    answer = copilot.ask("what percent of my team's won revenue came from Darcel?", "Melvin Marxen",
                         thread_id="mgr-share-team").answer
    assert f"share: {100 * darcel / whole:.1f}%" in answer, answer


@pytest.mark.parametrize(("user", "questions"), [
    ("ops", ["won deals, less the ones from Darcel"]),
    ("ops", ["who won less than Darcel?"]),
    ("ops", ["which reps won more deals than Darcel Schlecht?"]),
    ("Darcel Schlecht", ["How much did my manager's team win?"]),
    ("ops", ["How many deals did Darcel win at Codehow?", "and in total?"]),
    ("ops", ["Won revenue for Darcel in Q3 2017", "and in total?"]),
    ("ops", ["average revenue of accounts in the retail sector"]),
    ("ops", ["how much revenue do our accounts have on average"]),
])
def test_what_is_left_out_or_unsaid_is_asked_or_declined_never_another_figure(copilot: Copilot, user: str,
                                                                               questions: list[str]) -> None:
    *_, answer = _ask(copilot, f"unsaid-{len(user)}-{len(questions[-1])}-{len(questions)}", *questions, user=user)
    assert not re.search(r"\$\s?\d|: \d", answer) and re.search(r"\?|outside your scope|can't", answer), answer


def _team(maven: dict, manager: str) -> set[str]:
    return {t["sales_agent"] for t in maven["sales_teams"] if t["manager"] == manager}


def _win_rate(deals: list[dict]) -> float:
    won = sum(d["deal_stage"] == "Won" for d in deals)
    return 100 * won / sum(d["deal_stage"] in ("Won", "Lost") for d in deals)


def test_she_after_the_top_manager_is_that_managers_team(copilot: Copilot, maven: dict) -> None:
    deals = maven["sales_pipeline"]
    rates = {m: _win_rate([d for d in deals if d["sales_agent"] in _team(maven, m) and d["close_date"][:4] == "2017"])
             for m in {t["manager"] for t in maven["sales_teams"]}}
    top = max(rates, key=rates.get)
    lost = sum(1 for d in deals if d["deal_stage"] == "Lost" and d["sales_agent"] in _team(maven, top)
               and _between(d["close_date"], "2017-10-01", "2017-12-31"))
    _, answer = _ask(copilot, "she-manager", "which manager had the best win rate in 2017", "how many deals did she lose in Q4")
    assert answer.startswith(f"Lost deals for {top}'s team, closed in Q4 2017: {lost}."), answer


def test_those_after_the_top_product_are_its_deals(copilot: Copilot, maven: dict) -> None:
    deals = maven["sales_pipeline"]
    product, _ = _won_revenue(maven, "product")[0]
    lost = [d for d in deals if d["product"] == product and d["deal_stage"] == "Lost"]
    q3 = sum(1 for d in lost if _between(d["close_date"], "2017-07-01", "2017-09-30"))
    _, first, then = _ask(copilot, "top-product-those", "which product brought in the most won revenue",
                          "how many of those did we lose", "and in Q3 2017?")
    assert first.startswith(f"Lost deals for {_product(product)}: {len(lost)}."), first
    assert then.startswith(f"Lost deals for {_product(product)}, closed in Q3 2017: {q3}."), then


def test_the_team_after_a_reps_figure_is_the_reps_managers(copilot: Copilot, maven: dict) -> None:
    deals = maven["sales_pipeline"]
    team = [d for d in deals if d["sales_agent"] in _team(maven, "Dustin Brinkmann")]
    _, answer = _ask(copilot, "the-team", "ok what is Moses Frase win rate", "and the team's", user="Dustin Brinkmann")
    assert answer.startswith(f"Win rate for your team: {_win_rate(team):.1f}%"), answer
    manager = next(t["manager"] for t in maven["sales_teams"] if t["sales_agent"] == "Hayden Neloms")
    won = sum(float(d["close_value"]) for d in deals if d["deal_stage"] == "Won" and d["close_date"][:4] == "2017"
              and d["sales_agent"] in _team(maven, manager))
    _, answer = _ask(copilot, "his-managers-team", "how much did Hayden Neloms win in 2017", "and his manager's team")
    assert answer.startswith(f"Won revenue for {manager}'s team, closed in 2017: ${won:,.0f}"), answer


def test_a_correction_said_with_sorry_and_the_best_quarter_after_a_breakdown(copilot: Copilot, maven: dict) -> None:
    deals = maven["sales_pipeline"]
    q1 = sum(1 for d in deals if d["deal_stage"] == "Won" and _between(d["close_date"], "2017-01-01", "2017-03-31"))
    _, answer = _ask(copilot, "sorry-q1", "how many deals did we win in Q2 2017", "sorry, I meant Q1")
    assert answer.startswith(f"Won deals, closed in Q1 2017: {q1}."), answer
    by_quarter: Counter[str] = Counter()
    for d in deals:
        if d["deal_stage"] == "Won" and d["product"] == "GTXPro":
            by_quarter[f"{d['close_date'][:4]}-Q{(int(d['close_date'][5:7]) + 2) // 3}"] += float(d["close_value"])
    quarter, total = by_quarter.most_common(1)[0]
    _, answer = _ask(copilot, "best-quarter", "won revenue by quarter for GTX Pro", "which was the best quarter")
    assert answer.startswith(f"{quarter} has the most won revenue (among GTX Pro): ${total:,.0f}"), answer


@pytest.mark.parametrize("questions", [
    ["what is the win rate by office", "and for the East specifically in Q2", "who was the top rep there"],
    ["compare Central and West revenue in 2017", "which one had more won deals", "the other one's win rate?"],
    ["revenue by manager", "what's their win rate?"],
])
def test_a_place_or_one_pointed_at_that_nothing_names_is_asked(copilot: Copilot, questions: list[str]) -> None:
    *_, answer = _ask(copilot, f"pointed-{len(questions[-1])}", *questions)
    assert answer.startswith("Which") or answer.startswith("Where"), answer
    assert not re.search(r"\d+\.\d%|\$\d", answer), answer


@pytest.mark.parametrize(("user", "question", "days", "rep"), [
    ("ops", "How much did we win in the 2nd half of March 2017?", ("2017-03-16", "2017-03-31"), None),
    ("ops", "How much did we win in the first half of December 2017?", ("2017-12-01", "2017-12-15"), None),
    ("ops", "How much did Darcel Schlecht win in the 1st half of June 2017?", ("2017-06-01", "2017-06-15"),
     "Darcel Schlecht"),
])
def test_half_of_a_month_is_its_days(copilot: Copilot, maven: dict, user: str, question: str, days: tuple[str, str],
                                     rep: str | None) -> None:
    won = [d for d in maven["sales_pipeline"] if d["deal_stage"] == "Won" and _between(d["close_date"], *days)
           and (rep is None or d["sales_agent"] == rep)]
    answer = copilot.ask(question, user, thread_id=f"half-{len(question)}").answer
    total = sum(float(d["close_value"]) for d in won)
    assert f"closed from {days[0]} to {days[1]}: ${total:,.0f} from {len(won)} won deals" in answer, answer


def test_deals_we_engaged_are_every_stage_and_a_quarters_half_or_full_price_is_asked(copilot: Copilot,
                                                                                     maven: dict) -> None:
    deals = maven["sales_pipeline"]
    q4 = sum(1 for d in deals if _between(d["engage_date"], "2017-10-01", "2017-12-31"))
    answer = copilot.ask("How many deals did we engage in Q4 2017?", "ops", thread_id="we-engaged").answer
    assert answer.startswith(f"Deals, engaged in Q4 2017: {q4:,}."), answer
    team = _team(maven, "Cara Losch")
    q3 = sum(1 for d in deals if d["sales_agent"] in team and _between(d["engage_date"], "2017-07-01", "2017-09-30"))
    answer = copilot.ask("How many deals did we engage in Q3 2017?", "Cara Losch", thread_id="we-engaged-team").answer
    assert answer.startswith(f"Deals for your team, engaged in Q3 2017: {q3:,}."), answer
    for question in ("How many deals did we win in the second half of Q3 2017?", "How many deals did we win at full "
                     "price?", "What's the revenue of Acme Corporation?",
                     "What's the average close value of all closed deals?"):
        answer = copilot.ask(question, "ops", thread_id=f"asked-{len(question)}").answer
        assert re.search(r"\?|can't", answer) and not re.search(r"\$\d|: \d", answer), answer


@pytest.mark.parametrize(("said", "product"), [("GTX Pro Plus", "GTX Plus Pro"), ("GTX+ Pro", "GTX Plus Pro"),
                                               ("GTX Pro-Plus", "GTX Plus Pro"), ("GTX Basic Plus", "GTX Plus Basic")])
def test_a_product_named_in_another_order_or_with_a_plus_sign_is_that_product(copilot: Copilot, maven: dict, said: str,
                                                                              product: str) -> None:
    won = sum(1 for d in maven["sales_pipeline"] if d["deal_stage"] == "Won" and d["product"] == product)
    answer = copilot.ask(f"how many {said} deals did we win", "ops", thread_id=f"plus-{len(said)}-{said[-2:].strip()}").answer
    assert answer.startswith(f"Won deals for {product}: {won}."), answer


@pytest.mark.parametrize(("user", "question"), [
    ("ops", "how many deals did Darcel Jones win"),  # no such person: not Darcel Schlecht's figure
    ("ops", "how many deals did Anna Schlecht win"),  # two people's names in one: not both compared
    ("Darcel Schlecht", "what was my biggest loss"),  # a lost deal has no value: not the biggest win
    ("ops", "how many employees do our medical accounts have in total"),  # a sum, not the largest account
    ("Darcel Schlecht", "what rank am I on revenue"),
    ("Darcel Schlecht", "what's the highest win rate anyone has"),
    ("ops", "which deals are at risk"),  # no field says so: not the biggest deals
    ("Dustin Brinkmann", "am I hitting my number"),  # no quota in the CRM: not the stalled deals
])
def test_an_unknown_person_a_loss_by_value_a_sum_of_employees_or_a_reps_rank_is_never_another_figure(
        copilot: Copilot, user: str, question: str) -> None:
    answer = copilot.ask(question, user, thread_id=f"never-other-{len(user)}-{len(question)}").answer
    assert not re.search(r"\$\d|: \d|\d%", answer), answer
    assert re.search(r"\?|outside your scope", answer), answer
