"""The Maven CRM export, imported for real, on SQLite and on PostgreSQL."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from sqlalchemy import Engine, func, select

from connectors.maven import import_maven
from copilot.crm.models import Account, DataCorrection, Opportunity, Product, User
from tests.conftest import snapshot


def _stage_counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return dict(conn.execute(select(Opportunity.stage, func.count()).group_by(Opportunity.stage)).all())


def test_known_facts(engine: Engine, maven_dir: Path) -> None:
    report = import_maven(engine, maven_dir)
    assert report.committed and report.rejected_total == 0
    assert _stage_counts(engine) == {"Won": 4238, "Lost": 2473, "Engaging": 1589, "Prospecting": 500}
    with engine.connect() as conn:
        won = conn.execute(select(func.sum(Opportunity.close_value)).where(Opportunity.stage == "Won")).scalar_one()
        assert Decimal(won) == Decimal("10005534")
        roles = dict(conn.execute(select(User.role, func.count()).group_by(User.role)).all())
        assert roles == {"rep": 35, "manager": 6, "ops": 1}
        manager = conn.execute(
            select(User.name).where(User.id == select(User.manager_id).where(User.name == "Anna Snelling")
                                    .scalar_subquery())
        ).scalar_one()
        assert manager == "Dustin Brinkmann"
        kan = conn.execute(select(Account.revenue_musd, Account.sector).where(Account.name == "Kan-code")).one()
        assert Decimal(kan[0]) == Decimal("11698.03")
        assert conn.execute(select(func.count()).select_from(Product)).scalar_one() == 7


def test_every_quirk_is_reported_and_originals_kept(engine: Engine, maven_dir: Path) -> None:
    report = import_maven(engine, maven_dir)
    corrections = {f.message: f.count for f in report.corrections.values()}
    assert corrections["opportunity.product: 'GTXPro' -> 'GTX Pro'"] == 1480
    assert corrections["account.sector: 'technolgy' -> 'technology'"] == 12
    assert corrections["account.office_location: 'Philipines' -> 'Philippines'"] == 1
    warnings = {f.message: f for f in report.warnings.values()}
    assert warnings["deal has no account"].count == 1425
    assert warnings["deal has no account"].examples[0].startswith("sales_pipeline.csv:")
    no_deals = warnings["sales agent has no deals"]
    assert no_deals.count == 5
    assert set(no_deals.examples) == {"Elizabeth Anderson", "Carl Lin", "Carol Thompson", "Natalya Ivanova",
                                      "Mei-Mei Johns"}
    with engine.connect() as conn:
        kept = conn.execute(
            select(DataCorrection.original, DataCorrection.corrected, func.count())
            .group_by(DataCorrection.original, DataCorrection.corrected)
        ).all()
        assert ("GTXPro", "GTX Pro", 1480) in kept and ("technolgy", "technology", 12) in kept
        # open deals carry no close data, Prospecting has no engage date: stored as empty, not zero
        prospecting = conn.execute(
            select(func.count()).where(Opportunity.stage == "Prospecting", Opportunity.engage_date.is_(None))
        ).scalar_one()
        assert prospecting == 500
        open_values = conn.execute(
            select(func.count()).where(Opportunity.stage == "Engaging", Opportunity.close_value.is_not(None))
        ).scalar_one()
        assert open_values == 0
        gtx = conn.execute(
            select(Opportunity.source).join(Product).where(Opportunity.id == "Z063OYW0")
        ).scalar_one()
        assert gtx == "sales_pipeline.csv:3"


def test_reimport_updates_never_duplicates(engine: Engine, maven_dir: Path, tmp_path: Path) -> None:
    import_maven(engine, maven_dir)
    before = snapshot(engine)
    again = import_maven(engine, maven_dir)
    assert again.totals.inserted == 0 and again.totals.updated == 0
    assert again.totals.unchanged == again.totals.read + 6  # six managers come from the teams file too
    after = snapshot(engine)
    for table in ("opportunities", "accounts", "users", "products", "data_corrections"):
        assert after[table] == before[table], table

    # a changed row is updated in place
    changed = tmp_path / "maven"
    changed.mkdir()
    for f in maven_dir.iterdir():
        (changed / f.name).write_bytes(f.read_bytes())
    pipeline = changed / "sales_pipeline.csv"
    pipeline.write_text(pipeline.read_text().replace("1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,"
                                                     "2016-10-20,2017-03-01,1054",
                                                     "1C1I7A6R,Moses Frase,GTX Plus Basic,Cancity,Won,"
                                                     "2016-10-20,2017-03-01,1154"))
    third = import_maven(engine, changed)
    assert third.stats("sales_pipeline.csv").updated == 1
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Opportunity)).scalar_one() == 8800
        value = conn.execute(select(Opportunity.close_value).where(Opportunity.id == "1C1I7A6R")).scalar_one()
        assert Decimal(value) == Decimal("1154")


def test_parent_accounts_are_linked(engine: Engine, maven_dir: Path) -> None:
    import_maven(engine, maven_dir)
    with engine.connect() as conn:
        child = Account.__table__.alias("child")
        parent = Account.__table__.alias("parent")
        pairs = conn.execute(
            select(child.c.name, parent.c.name).join(parent, parent.c.id == child.c.parent_id)
        ).all()
    expected = {line.split(",")[0]: line.rstrip().split(",")[-1]
                for line in (maven_dir / "accounts.csv").read_text().splitlines()[1:] if line.rstrip()[-1] != ","}
    assert dict(pairs) == expected and len(expected) > 5


def test_a_parent_link_taken_out_of_the_file_is_taken_out_of_the_crm(engine: Engine, maven_dir: Path,
                                                                       tmp_path: Path) -> None:
    """A re-import of accounts.csv whose subsidiary_of is cleared for one account, and names an account the file does
    not list for another, leaves neither linked to a parent; the other links stay."""
    import_maven(engine, maven_dir)
    changed = tmp_path / "maven"
    changed.mkdir()
    for f in maven_dir.iterdir():
        (changed / f.name).write_bytes(f.read_bytes())
    lines = (changed / "accounts.csv").read_text().splitlines()
    linked = [i for i, line in enumerate(lines[1:], start=1) if line.rstrip()[-1] != ","]
    cleared, elsewhere = lines[linked[0]].split(",")[0], lines[linked[1]].split(",")[0]
    lines[linked[0]] = lines[linked[0]].rsplit(",", 1)[0] + ","
    lines[linked[1]] = lines[linked[1]].rsplit(",", 1)[0] + ",No Such Holding"
    (changed / "accounts.csv").write_text("\n".join(lines) + "\n")
    import_maven(engine, changed)
    with engine.connect() as conn:
        parents = dict(conn.execute(select(Account.name, Account.parent_id)).all())
    assert parents[cleared] is None and parents[elsewhere] is None
    assert sum(p is not None for p in parents.values()) == len(linked) - 2
