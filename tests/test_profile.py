"""The customer-profile tool on the Maven data and the demo company, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from connectors.activities import import_activities
from connectors.maven import import_maven
from copilot.demo import ANCHOR
from tools.crm_query import run_query
from copilot.crm.errors import ScopeError, ToolInputError
from copilot.crm.identity import identity_for
from tools.profile import customer_profile

NOW = ANCHOR.replace(tzinfo=None)


def test_maven_account_profile(engine: Engine, maven_dir: Path) -> None:
    import_maven(engine, maven_dir)
    ops = identity_for(engine, "ops")
    profile = customer_profile(engine, ops, "kan code", now=dt.datetime(2018, 1, 1))
    assert profile["account"] == "Kan-code" and profile["matched_from"] == "kan code"
    assert profile["firmographics"]["revenue_musd"] == 11698.03
    same = run_query(engine, ops, {"metrics": ["won_count", "won_revenue", "lost_count", "open_count"],
                                   "filters": {"account": ["Kan-code"]}}).rows[0]
    deals = profile["deals"]
    assert (deals["won_count"], deals["won_revenue"], deals["lost_count"], deals["open_count"]) == (
        same["won_count"], same["won_revenue"], same["lost_count"], same["open_count"])
    assert profile["health"]["score"] is None and "not enough" in profile["health"]["explanation"]
    assert set(profile["record_ids"]) >= {d["id"] for d in deals["open"]}
    with engine.connect() as conn:
        parent = conn.execute(text("SELECT a.name, p.name FROM accounts a JOIN accounts p ON p.id = a.parent_id "
                                   "ORDER BY a.name LIMIT 1")).one()
    assert customer_profile(engine, ops, parent[0])["firmographics"]["parent_account"] == parent[1]
    assert parent[0] in customer_profile(engine, ops, parent[1])["firmographics"]["subsidiaries"]


def test_profile_scope(engine: Engine, maven_dir: Path) -> None:
    import_maven(engine, maven_dir)
    anna = identity_for(engine, "Anna Snelling")
    with engine.connect() as conn:
        mine = conn.execute(text(
            "SELECT a.name FROM accounts a JOIN opportunities o ON o.account_id = a.id JOIN users u ON u.id = o.user_id "
            "WHERE u.name = 'Anna Snelling' LIMIT 1")).scalar_one()
        not_mine = conn.execute(text(
            "SELECT a.name FROM accounts a WHERE NOT EXISTS (SELECT 1 FROM opportunities o JOIN users u "
            "ON u.id = o.user_id WHERE o.account_id = a.id AND u.name = 'Anna Snelling') AND EXISTS "
            "(SELECT 1 FROM opportunities o WHERE o.account_id = a.id) LIMIT 1")).scalar_one()
    profile = customer_profile(engine, anna, mine)
    assert {d["rep"] for d in profile["deals"]["open"]} <= {"Anna Snelling"}
    with pytest.raises(ScopeError, match="not in your scope"):
        customer_profile(engine, anna, not_mine)


@pytest.mark.parametrize(("account", "message"), [
    ("x" * 10_000, "at most 200 characters"),
    ("'; DELETE FROM accounts; --", "unknown account"),
    ("", "at least 1 character"),
])
def test_profile_hostile_names(engine: Engine, maven_dir: Path, account: str, message: str) -> None:
    import_maven(engine, maven_dir)
    with pytest.raises(ToolInputError, match=message):
        customer_profile(engine, identity_for(engine, "ops"), account)


def test_demo_profile_scores_and_explains(engine: Engine, demo_dir: Path) -> None:
    import_maven(engine, demo_dir)
    import_activities(engine, demo_dir / "activities.csv", demo_dir / "contacts.csv")
    ops = identity_for(engine, "ops")
    with engine.connect() as conn:
        accounts = conn.execute(text(
            "SELECT DISTINCT a.name FROM accounts a JOIN opportunities o ON o.account_id = a.id "
            "JOIN activities t ON t.opportunity_id = o.id WHERE o.stage = 'Engaging' ORDER BY a.name LIMIT 8"
        )).scalars().all()
    assert accounts
    for name in accounts:
        p = customer_profile(engine, ops, name, now=NOW)
        health = p["health"]
        assert 0 <= health["score"] <= 100
        assert health["model"]["trained_on_closed_deals"] >= 40
        assert health["factors"] and all(f["effect"] in ("helps", "hurts") for f in health["factors"])
        eng = p["engagement"]
        assert eng["touches"] > 0 and eng["last_touch"] is not None
        if eng["replies"]:
            assert eng["reply_rate"] == pytest.approx(eng["replies"] / eng["touches"], abs=1e-4)
        assert ("unanswered" in " ".join(p["risks"])) == (eng["unanswered_in_a_row"] >= 3)
        assert p["next_step"]
        assert p["contacts"] and all("title" in c for c in p["contacts"])


def test_health_model_learns_something(engine: Engine, demo_dir: Path) -> None:
    from tools.health import fit_health_model

    import_maven(engine, demo_dir)
    import_activities(engine, demo_dir / "activities.csv", demo_dir / "contacts.csv")
    model = fit_health_model(engine, NOW)
    assert model is not None and model.holdout_auc is not None
    assert model.holdout_auc > 0.6  # replies separate deals that were won from those that were lost
