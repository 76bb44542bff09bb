"""The CRM query tool on the real Maven data and the demo company, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, event, text

from connectors.activities import import_activities
from connectors.maven import import_maven
from tools.crm_query import CrmQuery, run_query
from copilot.crm.errors import ScopeError, ToolInputError
from copilot.crm.identity import identity_for


@pytest.fixture
def maven(engine: Engine, maven_dir: Path) -> Engine:
    assert import_maven(engine, maven_dir).committed
    return engine


def test_stage_counts_and_won_revenue(maven: Engine) -> None:
    ops = identity_for(maven, "ops")
    result = run_query(maven, ops, {"metrics": ["count", "won_revenue"], "group_by": ["stage"]})
    by_stage = {r["stage"]: r for r in result.rows}
    assert {s: r["count"] for s, r in by_stage.items()} == {"Won": 4238, "Lost": 2473, "Engaging": 1589,
                                                            "Prospecting": 500}
    assert by_stage["Won"]["won_revenue"] == 10005534
    assert result.record_count == 8800 and len(result.record_ids) == 200
    assert result.definitions["won_revenue"] == "sum of close_value of Won deals"


def test_win_rate_definition_and_figures(maven: Engine) -> None:
    ops = identity_for(maven, "ops")
    result = run_query(maven, ops, {"metrics": ["win_rate", "won_count", "lost_count"]})
    row = result.rows[0]
    assert row["won_count"] == 4238 and row["lost_count"] == 2473
    assert row["win_rate"] == pytest.approx(4238 / (4238 + 2473), abs=1e-4)
    assert result.definitions["win_rate"] == "win rate = won / (won + lost)"


def test_fuzzy_names_and_notes(maven: Engine) -> None:
    ops = identity_for(maven, "ops")
    result = run_query(maven, ops, {"metrics": ["won_revenue"], "filters": {"account": ["KAN-CODE"]}})
    assert result.notes == ["account 'KAN-CODE' read as 'Kan-code'"]
    direct = run_query(maven, ops, {"metrics": ["won_revenue"], "filters": {"account": ["Kan-code"]}})
    assert result.rows == direct.rows and direct.notes == []
    darcel = run_query(maven, ops, {"metrics": ["won_count"], "filters": {"rep": ["darcel"]}})
    assert darcel.rows == [{"won_count": 349}]
    assert all(i for i in darcel.record_ids)


def test_quarter_grouping_and_date_filters(maven: Engine) -> None:
    ops = identity_for(maven, "ops")
    q2 = run_query(maven, ops, {"metrics": ["won_revenue", "won_count"],
                                "filters": {"close_from": "2017-04-01", "close_to": "2017-06-30"}})
    by_quarter = run_query(maven, ops, {"metrics": ["won_revenue"], "group_by": ["close_quarter"]})
    quarters = {r["close_quarter"]: r["won_revenue"] for r in by_quarter.rows}
    assert quarters["2017-Q2"] == q2.rows[0]["won_revenue"]
    assert sum(v for k, v in quarters.items() if k) == 10005534


def test_top_n_ordering(maven: Engine) -> None:
    ops = identity_for(maven, "ops")
    top = run_query(maven, ops, {"metrics": ["won_revenue"], "group_by": ["rep"], "order_by": "won_revenue",
                                 "limit": 3})
    assert [r["rep"] for r in top.rows][0] == "Darcel Schlecht"
    assert top.rows[0]["won_revenue"] == 1153214
    values = [r["won_revenue"] for r in top.rows]
    assert values == sorted(values, reverse=True) and len(values) == 3


def test_sales_cycle_and_open_pipeline(maven: Engine) -> None:
    ops = identity_for(maven, "ops")
    row = run_query(maven, ops, {"metrics": ["avg_sales_cycle_days", "open_pipeline_list_price",
                                             "open_count"]}).rows[0]
    assert row["open_count"] == 1589 + 500
    assert 40 < row["avg_sales_cycle_days"] < 60
    assert row["open_pipeline_list_price"] > 0


def test_value_bounds_strict_or_not_on_the_close_value_or_the_list_price(maven: Engine) -> None:
    ops = identity_for(maven, "ops")

    def won(**bounds: float) -> int:
        return run_query(maven, ops, {"metrics": ["won_count"], "filters": bounds}).rows[0]["won_count"]
    assert (won(value_above=54), won(value_min=54), won(value_below=54), won(value_max=54)) == (3867, 3947, 291, 371)
    open_ = {"stage": ["Prospecting", "Engaging"], "value_of": "list_price"}
    counts = [run_query(maven, ops, {"metrics": ["count"], "filters": {**open_, key: 4821}}).record_count
              for key in ("value_min", "value_above")]
    assert counts == [571, 238]


def test_medians_of_won_deal_size_and_sales_cycle(maven: Engine) -> None:
    ops = identity_for(maven, "ops")
    row = run_query(maven, ops, {"metrics": ["median_won_deal_size", "median_sales_cycle_days"]}).rows[0]
    assert row == {"median_won_deal_size": 1117, "median_sales_cycle_days": 57}
    assert run_query(maven, ops, {"metrics": ["median_won_deal_size"],
                                  "filters": {"product": ["GTX Basic"]}}).rows == [{"median_won_deal_size": 547}]
    by_product = run_query(maven, ops, {"metrics": ["median_won_deal_size"], "group_by": ["product"],
                                        "order_by": "median_won_deal_size", "descending": False}).rows
    assert by_product[0] == {"product": "MG Special", "median_won_deal_size": 55}
    assert {"product": "GTX Basic", "median_won_deal_size": 547} in by_product
    with pytest.raises(ToolInputError, match="having"):
        run_query(maven, ops, {"metrics": ["won_count"], "having": {"metric": "won_count", "above": 100}})


def test_rep_sees_only_their_own_deals(maven: Engine) -> None:
    anna = identity_for(maven, "Anna Snelling")
    mine = run_query(maven, anna, {"metrics": ["count"], "group_by": ["rep"]})
    assert [r["rep"] for r in mine.rows] == ["Anna Snelling"]
    with pytest.raises(ScopeError, match="not in your scope: the deals of Darcel Schlecht"):
        run_query(maven, anna, {"metrics": ["won_revenue"], "filters": {"rep": ["Darcel Schlecht"]}})
    with pytest.raises(ScopeError, match="the team of Dustin Brinkmann"):
        run_query(maven, anna, {"metrics": ["won_revenue"], "filters": {"manager": ["Dustin Brinkmann"]}})


def test_manager_sees_their_team(maven: Engine) -> None:
    dustin = identity_for(maven, "Dustin Brinkmann")
    team = run_query(maven, dustin, {"metrics": ["won_revenue"], "group_by": ["rep"]})
    assert {r["rep"] for r in team.rows} == {"Anna Snelling", "Cecily Lampkin", "Versie Hillebrand",
                                            "Lajuana Vencill", "Moses Frase"}
    with pytest.raises(ScopeError):
        run_query(maven, dustin, {"metrics": ["won_revenue"], "filters": {"rep": ["Darcel Schlecht"]}})
    ops_total = run_query(maven, identity_for(maven, "ops"),
                          {"metrics": ["won_revenue"], "filters": {"manager": ["Dustin Brinkmann"]}})
    assert sum(r["won_revenue"] for r in team.rows) == ops_total.rows[0]["won_revenue"]


def test_directory_and_firmographics(maven: Engine) -> None:
    anna = identity_for(maven, "Anna Snelling")
    users = run_query(maven, anna, {"entity": "users", "filters": {"rep": ["Anna Snelling"]}})
    assert users.rows[0]["manager"] == "Dustin Brinkmann"
    acct = run_query(maven, anna, {"entity": "accounts", "filters": {"account": ["cancity"]}})
    assert acct.rows[0]["office_location"] == "United States"


HOSTILE = [
    ({"metrics": ["count"], "filters": {"account": ["x'; DROP TABLE opportunities; --"]}}, "unknown account"),
    ({"metrics": ["count"], "filters": {"rep": ["A" * 10_000]}}, "at most 200 characters"),
    ({"metrics": ["revenue_by_magic"]}, "metrics.0"),
    ({"metrics": ["count"], "filters": {"stage": ["Closed Won"]}}, "filters.stage.0"),
    ({"metrics": ["count"], "limit": "all"}, "limit"),
    ({"metrics": ["count"], "limit": 10_000}, "limit"),
    ({"metrics": ["count"], "filters": {"close_from": "last tuesday"}}, "filters.close_from"),
    ({"metrics": ["count"], "order_by": "1; DELETE FROM users"}, "order_by"),
    ({"metrics": ["count"], "group_by": ["stage", "rep", "product"]}, "group_by"),
    ({"metrics": ["count"], "sql": "SELECT 1"}, "sql: Extra inputs are not permitted"),
    ({"metrics": ["count"], "filters": {"user_id": 5}}, "filters.user_id"),
    ({"metrics": ["count"], "filters": {"value_min": -5}}, "filters.value_min"),
    ({"entity": "accounts", "metrics": ["win_rate"]}, "do not apply to accounts"),
    ({"metrics": ["count"], "filters": {"close_from": "2017-06-01", "close_to": "2017-01-01"}}, "is after"),
]


@pytest.mark.parametrize(("args", "message"), HOSTILE, ids=[m for _, m in HOSTILE])
def test_hostile_arguments_are_refused_before_any_query(maven: Engine, args: dict, message: str) -> None:
    ops = identity_for(maven, "ops")
    statements: list[str] = []

    def spy(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        statements.append(statement)
        assert "DROP" not in str(parameters) and "DELETE" not in str(parameters)

    event.listen(maven, "before_cursor_execute", spy)
    try:
        with pytest.raises(ToolInputError, match="invalid arguments|unknown|is after|do not apply") as err:
            run_query(maven, ops, args)
    finally:
        event.remove(maven, "before_cursor_execute", spy)
    assert message in str(err.value)
    assert not any("opportunities" in s and "count(" in s.lower() for s in statements)


def test_model_text_never_reaches_sql_as_sql(maven: Engine) -> None:
    """Even a valid-looking name goes in as a bound parameter."""
    query = CrmQuery.model_validate({"metrics": ["count"], "filters": {"account": ["Cancity"]}})
    seen: list[tuple[str, object]] = []
    event.listen(maven, "before_cursor_execute",
                 lambda c, cur, statement, params, ctx, many: seen.append((statement, params)))
    run_query(maven, identity_for(maven, "ops"), query)
    assert any("Cancity" in str(p) for _, p in seen)
    assert not any("Cancity" in s for s, _ in seen)


def test_a_ranking_shows_every_one_tied_at_its_last_place(maven: Engine) -> None:
    ops = identity_for(maven, "ops")
    query = {"metrics": ["lost_count"], "group_by": ["account"], "order_by": "lost_count", "descending": True}
    top5 = run_query(maven, ops, {**query, "limit": 5})
    assert [(r["account"], r["lost_count"]) for r in top5.rows] == [
        ("Hottechi", 82), ("Kan-code", 72), ("Konex", 63), ("Condax", 54), ("Dontechi", 47), ("Isdom", 47)]
    assert any("tied at the last place are shown too" in n for n in top5.notes)
    top4 = run_query(maven, ops, {**query, "limit": 4})  # no tie at the fourth place: four rows, no note
    assert len(top4.rows) == 4 and not any("tied" in n for n in top4.notes)


def test_activity_metrics_on_demo(engine: Engine, demo_dir: Path) -> None:
    import_maven(engine, demo_dir)
    import_activities(engine, demo_dir / "activities.csv", demo_dir / "contacts.csv")
    ops = identity_for(engine, "ops")
    total = run_query(engine, ops, {"entity": "activities", "metrics": ["touches", "replies", "reply_rate"]})
    row = total.rows[0]
    assert row["reply_rate"] == pytest.approx(row["replies"] / row["touches"], abs=1e-4)
    rep = (demo_dir / "sales_teams.csv").read_text().splitlines()[1].split(",")[0]
    me = identity_for(engine, rep)
    mine = run_query(engine, me, {"entity": "activities", "metrics": ["touches"], "group_by": ["rep"]})
    assert [r["rep"] for r in mine.rows] == [rep]
    other = (demo_dir / "sales_teams.csv").read_text().splitlines()[2].split(",")[0]
    with pytest.raises(ScopeError):
        run_query(engine, me, {"entity": "activities", "metrics": ["touches"], "filters": {"rep": [other]}})


def test_unknown_user_identity(maven: Engine) -> None:
    with pytest.raises(ToolInputError, match="unknown user 'Ana Snelling'; did you mean 'Anna Snelling'"):
        identity_for(maven, "Ana Snelling")
    assert identity_for(maven, "anna snelling").name == "Anna Snelling"


NO_DEALS = ["Carl Lin", "Carol Thompson", "Elizabeth Anderson", "Mei-Mei Johns", "Natalya Ivanova"]


def _ranked(maven: Engine, who: str, metric: str, *, descending: bool, limit: int, **filters: object):
    return run_query(maven, identity_for(maven, who), {
        "metrics": [metric], "filters": filters, "group_by": ["rep"], "order_by": metric, "descending": descending,
        "limit": limit})


def test_a_ranking_by_the_fewest_includes_those_with_none(maven: Engine) -> None:
    """Reps with no matching deal rank with 0 (five reps have no deals at all; Garret Kinder, Donn Cantrell and
    Reed Clapper have deals but none open); all those tied at the last place are shown and counted."""
    fewest_open = _ranked(maven, "ops", "open_count", descending=False, limit=2, stage=["Prospecting", "Engaging"])
    assert [(r["rep"], r["open_count"]) for r in fewest_open.rows] == [
        (n, 0) for n in sorted([*NO_DEALS, "Donn Cantrell", "Garret Kinder", "Reed Clapper"])]
    assert fewest_open.tied == 8 and fewest_open.notes == ["those tied at the last place are shown too"]
    revenue = _ranked(maven, "ops", "won_revenue", descending=False, limit=6, stage=["Won"])
    assert [(r["rep"], r["won_revenue"]) for r in revenue.rows] == [*[(n, 0) for n in NO_DEALS],
                                                                    ("Violet Mclelland", 123431)]
    wins_2017 = _ranked(maven, "ops", "won_count", descending=False, limit=6, stage=["Won"],
                        close_from="2017-01-01", close_to="2017-12-31")
    assert [(r["rep"], r["won_count"]) for r in wins_2017.rows] == [*[(n, 0) for n in NO_DEALS],
                                                                    ("Wilburn Farren", 55)]
    one = _ranked(maven, "ops", "open_count", descending=False, limit=1, stage=["Prospecting", "Engaging"])
    assert one.rows == fewest_open.rows and one.tied == 8  # one asked for: everyone tied with it too
    everyone = _ranked(maven, "ops", "won_count", descending=True, limit=50, stage=["Won"])
    assert len(everyone.rows) == 35 and everyone.rows[0] == {"rep": "Darcel Schlecht", "won_count": 349}
    assert everyone.tied == 0 and not everyone.notes


def test_a_managers_ranking_covers_exactly_their_reps(maven: Engine) -> None:
    team = _ranked(maven, "Cara Losch", "won_count", descending=True, limit=50, stage=["Won"])
    assert [(r["rep"], r["won_count"]) for r in team.rows] == [
        ("Corliss Cosme", 150), ("Violet Mclelland", 122), ("Rosie Papadopoulos", 78), ("Garret Kinder", 75),
        ("Wilburn Farren", 55), ("Elizabeth Anderson", 0)]  # not Cara Losch herself, nobody from another team
    fewest = _ranked(maven, "Cara Losch", "won_count", descending=False, limit=2, stage=["Won"])
    assert [(r["rep"], r["won_count"]) for r in fewest.rows] == [("Elizabeth Anderson", 0), ("Wilburn Farren", 55)]
    assert fewest.tied == 0
    # her team's accounts: the 64 its reps have deals with, 34 of them with no win
    accounts = run_query(maven, identity_for(maven, "Cara Losch"), {
        "metrics": ["won_count"], "filters": {"stage": ["Won"]}, "group_by": ["account"], "order_by": "won_count",
        "descending": False, "limit": 100})
    assert len(accounts.rows) == 64 and sum(r["won_count"] == 0 for r in accounts.rows) == 34
    assert accounts.rows[0] == {"account": "Betatech", "won_count": 0}
    assert sum(r["won_count"] for r in accounts.rows) == 480
    anna = _ranked(maven, "Anna Snelling", "won_count", descending=False, limit=5)  # a rep: her own row only
    assert anna.rows == [{"rep": "Anna Snelling", "won_count": 208}]


def test_a_ranking_by_a_rate_leaves_out_those_with_no_figure_and_says_so(maven: Engine) -> None:
    lowest = run_query(maven, identity_for(maven, "ops"), {
        "metrics": ["win_rate", "won_count", "lost_count"], "filters": {"stage": ["Won", "Lost"]},
        "group_by": ["rep"], "order_by": "win_rate", "descending": False, "limit": 2})
    assert [(r["rep"], r["won_count"], r["lost_count"]) for r in lowest.rows] == [
        ("Lajuana Vencill", 127, 104), ("Markita Hansen", 130, 97)]
    assert lowest.rows[0]["win_rate"] == pytest.approx(127 / 231, abs=1e-6)
    assert lowest.left_out == 5 and lowest.notes == [
        "5 reps with no won or lost deals have no win rate and are left out: Carl Lin, Carol Thompson, "
        "Elizabeth Anderson, Mei-Mei Johns and Natalya Ivanova"]
    size = run_query(maven, identity_for(maven, "Cara Losch"), {
        "metrics": ["avg_won_deal_size"], "filters": {"stage": ["Won"]}, "group_by": ["rep"],
        "order_by": "avg_won_deal_size", "descending": False, "limit": 50})
    assert [r["rep"] for r in size.rows][0] == "Violet Mclelland" and len(size.rows) == 5
    assert size.notes == ["1 rep with no won deals has no average won deal size and is left out: Elizabeth Anderson"]


def test_rankings_of_offices_products_and_accounts_include_those_with_none(maven: Engine) -> None:
    ops = identity_for(maven, "ops")
    q1 = run_query(maven, ops, {"metrics": ["won_count"], "filters": {"stage": ["Won"], "close_from": "2017-01-01",
                                                                      "close_to": "2017-03-31"},
                                "group_by": ["account"], "order_by": "won_count", "descending": False, "limit": 2})
    assert [(r["account"], r["won_count"]) for r in q1.rows] == [("Bluth Company", 0), ("Bubba Gump", 1),
                                                                 ("Iselectrics", 1)]
    kan_code = _ranked(maven, "ops", "won_count", descending=False, limit=2, stage=["Won"], account=["Kan-code"])
    assert [r["won_count"] for r in kan_code.rows] == [0] * 15 and kan_code.tied == 15
    assert [r["rep"] for r in kan_code.rows] == sorted([
        "Anna Snelling", "Cecily Lampkin", "Darcel Schlecht", "Gladys Colclough", "Jonathan Berthelot",
        "Lajuana Vencill", "Marty Freudenburg", "Moses Frase", "Niesha Huffines", "Versie Hillebrand", *NO_DEALS])
    offices = run_query(maven, identity_for(maven, "Cara Losch"), {
        "metrics": ["open_count"], "filters": {"stage": ["Prospecting", "Engaging"]}, "group_by": ["regional_office"],
        "order_by": "open_count", "limit": 5})
    assert offices.rows == [{"regional_office": "East", "open_count": 219}]  # her team's office only


FEWEST = [
    ("ops", "which rep has the fewest open deals?",
     "8 reps (Carl Lin, Carol Thompson, Donn Cantrell, Elizabeth Anderson, Garret Kinder, Mei-Mei Johns, Natalya "
     "Ivanova and Reed Clapper) are tied for the fewest open deals: 0 each."),
    ("Cara Losch", "which rep on my team had the fewest wins?",
     "Elizabeth Anderson has the fewest won deals (among your team): 0."),
    ("Cara Losch", "rank my reps by number of wins",
     "Won deals by rep for your team:\n1. Corliss Cosme: 150\n2. Violet Mclelland: 122\n3. Rosie Papadopoulos: 78\n"
     "4. Garret Kinder: 75\n5. Wilburn Farren: 55\n6. Elizabeth Anderson: 0\n"),
    ("ops", "which rep has the lowest won revenue?",
     "5 reps (Carl Lin, Carol Thompson, Elizabeth Anderson, Mei-Mei Johns and Natalya Ivanova) are tied for the "
     "least won revenue: $0 from 0 won deals each."),
    ("ops", "which rep had the fewest wins in 2017?",
     "5 reps (Carl Lin, Carol Thompson, Elizabeth Anderson, Mei-Mei Johns and Natalya Ivanova) are tied for the "
     "fewest won deals in 2017: 0 each."),
    ("ops", "which rep won the fewest deals at Kan-code?",
     "15 reps (among them Anna Snelling, Carl Lin, Carol Thompson, Cecily Lampkin, Darcel Schlecht, Elizabeth "
     "Anderson, Gladys Colclough, Jonathan Berthelot, Lajuana Vencill, Marty Freudenburg) are tied for the fewest "
     "won deals (among Kan-code): 0 each."),
    ("Cara Losch", "who on my team has the lowest win rate?",
     "Garret Kinder has the lowest win rate (among your team): 61.0% (75 won of 123 closed)"),
]


def test_answers_to_the_fewest_name_those_with_none(maven: Engine, tmp_path: Path) -> None:
    from copilot.runner import Copilot
    from copilot.settings import Settings

    url = maven.url.render_as_string(hide_password=False)
    with Copilot(Settings(home=tmp_path / "home", database_url=url, llm="offline"), maven) as copilot:
        answers = {question: copilot.ask(question, user).answer for user, question, _ in FEWEST}
        highest = copilot.ask("who on my team has the highest win rate?", "Cara Losch").answer
    for _, question, expected in FEWEST:
        assert answers[question].startswith(expected), (question, answers[question])
        assert "[figure removed]" not in answers[question]
    assert answers["who on my team has the lowest win rate?"].endswith(
        "Note: 1 rep with no won or lost deals has no win rate and is left out: Elizabeth Anderson.")
    assert highest.startswith("Wilburn Farren has the highest win rate (among your team): 69.6% (55 won of 79 closed)")
    assert "left out" not in highest  # those with no figure could not be at the top


def _activity_ranking(engine: Engine, who: str, metric: str, group: str = "rep", *, descending: bool = False,
                      limit: int = 1, **filters: object):
    return run_query(engine, identity_for(engine, who), {
        "entity": "activities", "metrics": [metric], "filters": filters, "group_by": [group], "order_by": metric,
        "descending": descending, "limit": limit})


def test_rankings_of_activities_include_those_with_none_within_scope(engine: Engine, demo_dir: Path) -> None:
    """A rep who logged no call ranks with 0 among the fewest calls, for sales-ops and for their manager, and is
    their own ranking's one row; nobody outside the asker's scope is added."""
    import_maven(engine, demo_dir)
    import_activities(engine, demo_dir / "activities.csv", demo_dir / "contacts.csv")
    teams = [line.split(",") for line in (demo_dir / "sales_teams.csv").read_text().splitlines()[1:]]
    quiet, manager = teams[0][0], teams[0][1]
    team = sorted(name for name, boss, *_ in teams if boss == manager)
    with engine.begin() as conn:  # the quiet rep never called anyone
        conn.execute(text("DELETE FROM activities WHERE type = 'call' AND user_id = "
                          "(SELECT id FROM users WHERE name = :n)"), {"n": quiet})
    fewest = _activity_ranking(engine, "ops", "count", activity_type=["call"])
    assert fewest.rows == [{"rep": quiet, "count": 0}] and fewest.tied == 0
    everyone = _activity_ranking(engine, "ops", "count", limit=100, activity_type=["call"])
    assert sorted(r["rep"] for r in everyone.rows) == sorted(name for name, *_ in teams)
    assert [r["count"] for r in everyone.rows if r["count"] == 0] == [0]
    theirs = _activity_ranking(engine, manager, "count", limit=100, activity_type=["call"])
    assert sorted(r["rep"] for r in theirs.rows) == team and theirs.rows[0] == {"rep": quiet, "count": 0}
    own = _activity_ranking(engine, quiet, "count", limit=5, activity_type=["call"])
    assert own.rows == [{"rep": quiet, "count": 0}]
    other = next(name for name in team if name != quiet)
    assert [r["rep"] for r in _activity_ranking(engine, other, "count", limit=5, activity_type=["call"]).rows] == [other]
    # a period with no touches at all: everyone in scope at 0, and no reply rate to rank them by
    later = {"activity_from": "2099-01-01"}
    none = _activity_ranking(engine, manager, "touches", limit=2, **later)
    assert none.rows == [{"rep": name, "touches": 0} for name in team] and none.tied == len(team)
    rate = _activity_ranking(engine, quiet, "reply_rate", **later)
    assert rate.rows == [] and rate.left_out == 1
    assert rate.notes == [f"1 rep with no touches has no reply rate and is left out: {quiet}"]
    accounts = _activity_ranking(engine, quiet, "replies", "account", limit=100, **later)
    with engine.connect() as conn:
        worked = sorted(conn.scalars(text(
            "SELECT DISTINCT a.name FROM accounts a JOIN opportunities o ON o.account_id = a.id "
            "JOIN users u ON u.id = o.user_id WHERE u.name = :n"), {"n": quiet}))
    assert worked and [r["account"] for r in accounts.rows] == worked
    assert {r["replies"] for r in accounts.rows} == {0}
    with pytest.raises(ToolInputError, match="applies to activities only"):
        run_query(engine, identity_for(engine, "ops"), {"metrics": ["count"], "filters": {"activity_type": ["call"]}})


def test_a_bound_on_each_groups_count_keeps_those_within_it_and_their_records(maven: Engine) -> None:
    ops = identity_for(maven, "ops")  # counted from sales_pipeline.csv: only Darcel Schlecht won more than 300
    result = run_query(maven, ops, {"metrics": ["won_count"], "group_by": ["rep"], "order_by": "won_count",
                                    "filters": {"stage": ["Won"]}, "having": {"metric": "won_count", "above": 300}})
    assert result.rows == [{"rep": "Darcel Schlecht", "won_count": 349}]
    assert result.record_count == 349  # the deals behind the reps kept, not every won deal
    none = run_query(maven, ops, {"metrics": ["won_count"], "group_by": ["rep"], "order_by": "won_count",
                                  "filters": {"stage": ["Won"]}, "having": {"metric": "won_count", "max": 0}})
    assert {r["won_count"] for r in none.rows} == {0} and none.record_count == 0 and len(none.rows) == 5
    with pytest.raises(ToolInputError, match="having"):
        run_query(maven, ops, {"metrics": ["won_count"], "group_by": ["rep"], "having": {"metric": "won_revenue",
                                                                                        "above": 1}})
