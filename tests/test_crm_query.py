"""The CRM query tool on the real Maven data and the demo company, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, event

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
