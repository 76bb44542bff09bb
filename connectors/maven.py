"""Importer for the Maven Analytics "CRM + Sales + Opportunities" export (four CSV files).

Users: one ``rep`` per sales agent, one ``manager`` per manager, plus the built-in ``ops`` user
who sees everything. Known quirks of real exports are corrected and reported (``GTXPro`` is
``GTX Pro``; ``technolgy`` is ``technology``; misspelt countries), never silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from connectors.csvsource import CsvRow, ImportFileError, check_directory
from connectors.fields import check_key, parse_date, parse_int, parse_money, parse_timezone, unknown
from connectors.report import ImportReport
from connectors.run import import_transaction
from connectors.upsert import id_map, upsert, write
from connectors.vocabulary import match_alias, normalise_country, normalise_sector
from copilot.crm.models import STAGES, TIERS, Account, DataCorrection, Opportunity, Product, User

FILES = {
    "products": ("products.csv", ("product", "series", "sales_price"), ()),
    "accounts": (
        "accounts.csv",
        ("account", "sector", "year_established", "revenue", "employees", "office_location", "subsidiary_of"),
        ("tier",),
    ),
    "teams": ("sales_teams.csv", ("sales_agent", "manager", "regional_office"), ("timezone",)),
    "pipeline": (
        "sales_pipeline.csv",
        ("opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date", "close_date",
         "close_value"),
        (),
    ),
}
OPS_USER = "ops"
CLOSED = ("Won", "Lost")


def import_maven(engine: Engine, directory: Path, *, allow_rejects: bool = False,
                 batch_size: int = 2000) -> ImportReport:
    """Import the four Maven files from ``directory`` in one transaction and report on it."""
    directory = check_directory(Path(directory), "the directory holding the four Maven CSV files")
    paths = {part: directory / spec[0] for part, spec in FILES.items()}
    missing = [p.name for p in paths.values() if not p.exists()]
    if missing:
        raise ImportFileError(f"{directory}: missing file(s): {', '.join(missing)}")
    report = ImportReport("maven", [str(directory)])
    with import_transaction(engine, report, allow_rejects=allow_rejects) as conn:
        importer = _MavenImport(conn, report, batch_size)
        importer.products(report.rows(paths["products"], *FILES["products"][1:]))
        importer.accounts(report.rows(paths["accounts"], *FILES["accounts"][1:]))
        importer.teams(report.rows(paths["teams"], *FILES["teams"][1:]))
        importer.pipeline(report.rows(paths["pipeline"], *FILES["pipeline"][1:]))
    return report


class _MavenImport:
    def __init__(self, conn: Connection, report: ImportReport, batch_size: int) -> None:
        self.agent_names: set[str] = set()
        self.conn = conn
        self.report = report
        self.batch_size = batch_size
        self.corrections: list[dict[str, Any]] = []
        self.pending: list[dict[str, Any]] = []  # the current row's corrections, until it is accepted

    # -- helpers -------------------------------------------------------------------------------
    def _write(self, table, key: str, rows: list[dict[str, Any]], file: str, compare: list[str]) -> None:  # noqa: ANN001
        write(self.conn, table, key, rows, self.report.stats(file), compare=compare, batch_size=self.batch_size)

    def _correct(self, entity: str, key: str, field: str, original: str, corrected: str, where: str) -> None:
        self.pending.append(
            {"entity": entity, "record_key": key, "field": field, "original": original, "corrected": corrected,
             "source": where}
        )

    def _reject(self, where: str, reason: str) -> None:
        """Reject the current row; corrections made to it so far are dropped with it."""
        self.pending.clear()
        self.report.reject(where, reason)

    def _keep(self) -> None:
        """The current row is accepted: report its corrections and keep their originals."""
        for c in self.pending:
            self.report.correction(f"{c['entity']}.{c['field']}", c["original"], c["corrected"], c["source"])
        self.corrections.extend(self.pending)
        self.pending.clear()

    def _money(self, entity: str, key: str, field: str, value: str, where: str) -> Decimal | None:
        """An amount rounded to cents; a value that rounding changed (10.005 -> 10.00) is reported."""
        amount, rounded = parse_money(value, field)
        if rounded:
            self._correct(entity, key, field, value, str(amount), where)
        return amount

    def _flush_corrections(self) -> None:
        table = DataCorrection.__table__
        for start in range(0, len(self.corrections), self.batch_size):
            batch = self.corrections[start:start + self.batch_size]
            existing = {
                (e, k, f)
                for e, k, f in self.conn.execute(
                    select(table.c.entity, table.c.record_key, table.c.field).where(
                        table.c.entity.in_({r["entity"] for r in batch}),
                        table.c.record_key.in_({r["record_key"] for r in batch}),
                    )
                )
            }
            new = [r for r in batch if (r["entity"], r["record_key"], r["field"]) not in existing]
            if new:
                self.conn.execute(table.insert(), new)
        self.corrections.clear()

    # -- parts ---------------------------------------------------------------------------------
    def products(self, rows: Iterable[CsvRow]) -> None:
        out: dict[str, dict[str, Any]] = {}
        file = FILES["products"][0]
        for row in rows:
            v = row.values
            try:
                name = check_key(v["product"], "product", 200)
                if name in out:
                    raise ValueError(f"duplicate product {name!r} (first at {out[name]['source']})")
                price = self._money("product", name, "sales_price", v["sales_price"], row.where)
            except ValueError as exc:
                self._reject(row.where, str(exc))
                continue
            self._keep()
            out[name] = {"name": name, "series": v["series"] or None, "list_price": price, "source": row.where}
        self._write(Product.__table__, "name", list(out.values()), file, ["series", "list_price"])

    def accounts(self, rows: Iterable[CsvRow]) -> None:
        out: dict[str, dict[str, Any]] = {}
        parents: list[tuple[str, str, str]] = []
        file = FILES["accounts"][0]
        for row in rows:
            v = row.values
            try:
                name = check_key(v["account"], "account", 200)
                if name in out:
                    raise ValueError(f"duplicate account {name!r} (first at {out[name]['source']})")
                tier = (v.get("tier") or "standard").lower()
                if tier not in TIERS:
                    raise ValueError(f"tier {v['tier']!r} is not one of: {', '.join(TIERS)}")
                record = {
                    "name": name,
                    "sector": normalise_sector(v["sector"]) or None,
                    "year_established": parse_int(v["year_established"], "year_established", minimum=1600,
                                                  maximum=2100),
                    "revenue_musd": self._money("account", name, "revenue", v["revenue"], row.where),
                    "employees": parse_int(v["employees"], "employees"),
                    "office_location": normalise_country(v["office_location"]) or None,
                    "tier": tier,
                    "source": row.where,
                }
            except ValueError as exc:
                self._reject(row.where, str(exc))
                continue
            if v["sector"] and record["sector"] != v["sector"]:
                self._correct("account", name, "sector", v["sector"], record["sector"], row.where)
            if v["office_location"] and record["office_location"] != v["office_location"]:
                self._correct("account", name, "office_location", v["office_location"],
                              record["office_location"], row.where)
            self._keep()
            out[name] = record
            if v["subsidiary_of"]:
                parents.append((name, v["subsidiary_of"], row.where))
        compare = ["sector", "year_established", "revenue_musd", "employees", "office_location", "tier"]
        self._write(Account.__table__, "name", list(out.values()), file, compare)
        table = Account.__table__
        ids: dict[str, int] = {}
        linked: dict[int, int | None] = {}
        for name, account_id, parent_id in self.conn.execute(select(table.c.name, table.c.id, table.c.parent_id)):
            ids[name] = account_id
            linked[account_id] = parent_id
        wanted: dict[str, int | None] = dict.fromkeys(out)  # each row's parent: none unless it names one listed
        for name, parent, where in parents:
            if parent not in ids:
                self.report.warn("parent account (subsidiary_of) not in accounts.csv; left empty", where)
            elif parent == name:
                self.report.warn("account is its own parent; left empty", where)
            else:
                wanted[name] = ids[parent]
        for name, parent_id in wanted.items():
            if linked[ids[name]] != parent_id:  # a re-import writes only what changed (a link no longer named goes)
                self.conn.execute(update(table).where(table.c.id == ids[name]).values(parent_id=parent_id))
        self._flush_corrections()

    def teams(self, rows: Iterable[CsvRow]) -> None:
        """Reps and their managers. The optional ``timezone`` column is the rep's own time zone (IANA name);
        an empty cell keeps the zone on record (set by ``copilot users set`` or taken from Slack)."""
        file = FILES["teams"][0]
        managers: dict[str, dict[str, Any]] = {}
        agents: dict[str, dict[str, Any]] = {}
        manager_of: dict[str, str] = {}
        users = User.__table__
        zones: dict[str, str | None] | None = None  # the zones on record, once the file turns out to have the column
        for row in rows:
            v = row.values
            try:
                agent = check_key(v["sales_agent"], "sales_agent", 200)
                manager = check_key(v["manager"], "manager", 200)
                if agent in agents:
                    raise ValueError(f"duplicate sales_agent {agent!r} (first at {agents[agent]['source']})")
                if agent == manager or agent == OPS_USER or manager == OPS_USER:
                    raise ValueError(f"{agent!r} cannot be both agent and manager, and 'ops' is reserved")
                zone = parse_timezone(v["timezone"], "timezone") if v.get("timezone") else None
            except ValueError as exc:
                self._reject(row.where, str(exc))
                continue
            office = v["regional_office"] or None
            agents[agent] = {"name": agent, "role": "rep", "regional_office": office, "source": row.where}
            if "timezone" in v:
                if zones is None:
                    zones = {name: tz for name, tz in self.conn.execute(select(users.c.name, users.c.timezone))}
                agents[agent]["timezone"] = zone or zones.get(agent)
            manager_of[agent] = manager
            managers.setdefault(manager, {"name": manager, "role": "manager", "regional_office": office,
                                          "manager_id": None, "source": row.where})
        clash = sorted(set(agents) & set(managers))
        for name in clash:
            self.report.reject(agents[name]["source"], f"{name!r} is listed both as an agent and as a manager")
            del agents[name]
        ops = {"name": OPS_USER, "role": "ops", "regional_office": None, "manager_id": None,
               "source": "built-in"}
        table = User.__table__
        compare = ["role", "regional_office", "manager_id"]
        upsert(self.conn, table, "name", [ops], compare=compare)  # built in, not a row of the file
        self._write(table, "name", list(managers.values()), file, compare)
        ids = id_map(self.conn, table)
        for agent in agents.values():
            agent["manager_id"] = ids[manager_of[agent["name"]]]
        self._write(table, "name", list(agents.values()), file, [*compare, "timezone"] if zones is not None else compare)
        self.agent_names = set(agents)

    def pipeline(self, rows: Iterable[CsvRow]) -> None:
        file = FILES["pipeline"][0]
        users = User.__table__
        reps = {n: i for n, i in self.conn.execute(select(users.c.name, users.c.id).where(users.c.role == "rep"))}
        products = id_map(self.conn, Product.__table__)
        accounts = id_map(self.conn, Account.__table__)
        seen: dict[str, str] = {}
        deals_by_agent: set[str] = set()
        batch: list[dict[str, Any]] = []
        table = Opportunity.__table__
        compare = ["user_id", "product_id", "account_id", "stage", "engage_date", "close_date", "close_value"]
        for row in rows:
            v = row.values
            try:
                record = self._deal(v, row.where, seen, reps, products, accounts)
            except ValueError as exc:
                self._reject(row.where, str(exc))
                continue
            self._keep()
            seen[record["id"]] = row.where
            deals_by_agent.add(v["sales_agent"])
            batch.append(record)
            if len(batch) >= self.batch_size:
                self._write(table, "id", batch, file, compare)
                batch = []
        self._write(table, "id", batch, file, compare)
        for agent in sorted(self.agent_names - deals_by_agent):
            self.report.warn("sales agent has no deals", agent)
        self._flush_corrections()

    def _deal(self, v: dict[str, str], where: str, seen: dict[str, str], reps: dict[str, int],
              products: dict[str, int], accounts: dict[str, int]) -> dict[str, Any]:
        deal_id = check_key(v["opportunity_id"], "opportunity_id")
        if deal_id in seen:
            raise ValueError(f"duplicate opportunity_id {deal_id!r} (first at {seen[deal_id]})")
        if v["sales_agent"] not in reps:
            raise unknown("sales_agent", v["sales_agent"], reps)
        product = v["product"]
        if product not in products:
            alias = match_alias(product, products)
            if alias is None:
                raise unknown("product", product, products)
            self._correct("opportunity", deal_id, "product", product, alias, where)
            product = alias
        account_id = None
        if v["account"]:
            if v["account"] not in accounts:
                raise unknown("account", v["account"], accounts)
            account_id = accounts[v["account"]]
        else:
            self.report.warn("deal has no account", where)
        stage = v["deal_stage"]
        if stage not in STAGES:
            raise ValueError(f"deal_stage {stage!r} is not one of: {', '.join(STAGES)}")
        engage = parse_date(v["engage_date"], "engage_date")
        close = parse_date(v["close_date"], "close_date")
        value = self._money("opportunity", deal_id, "close_value", v["close_value"], where)
        if stage in CLOSED and (close is None or value is None):
            raise ValueError(f"a {stage} deal needs close_date and close_value")
        if stage != "Prospecting" and engage is None:
            raise ValueError(f"an {stage} deal needs an engage_date")
        if engage and close and close < engage:
            raise ValueError(f"close_date {close} is before engage_date {engage}")
        if stage not in CLOSED and (close is not None or value is not None):
            self.report.warn("open deal has a close date or value; kept as given", where)
        return {"id": deal_id, "user_id": reps[v["sales_agent"]], "product_id": products[product],
                "account_id": account_id, "stage": stage, "engage_date": engage, "close_date": close,
                "close_value": value, "source": where}
