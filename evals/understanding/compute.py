#!/usr/bin/env python3
"""Recompute every expectation of the understanding eval set from the Maven CRM CSV files.

    python evals/understanding/compute.py --check   # recompute, compare with the .jsonl files, exit 1 on a difference
    python evals/understanding/compute.py --write   # regenerate paraphrase.jsonl and dialogues.jsonl

    python evals/understanding/compute.py --show per01 dlg03   # print what is computed for some ids

Standard library only, and independent of the copilot's code: the CSVs are read here with csv, and every
figure is worked out below by one small function per question or dialogue (the function's name is the case
id; its decorator holds the family, split, user and wording). Extremes and top-N lists go through best(),
which refuses a tie, and every metric refuses an empty base, so no expectation rests on an arbitrary pick or
on a zero. validate() enforces the set's own rules (families, about 40 % dev per family, refusals only in
scope, declines only in unanswerable, absent figures not also expected, expected figures far enough apart
for the judge's tolerance). --check and --write exit 2 when a case is ill-defined or a rule is broken.
The CSVs are read from ../shared/data/maven-crm beside the project, or from --data / $MAVEN_DIR.

Definitions used (the CRM's):
  won revenue          sum of close_value over Won deals
  win rate             won / (won + lost), in percent, one decimal
  average won deal     won revenue / number of won deals, whole dollars
  average sales cycle  mean of (close_date - engage_date) in days over Won deals, one decimal
  open                 deal_stage Prospecting or Engaging
  open list value      sum of the product's list price (products.sales_price) over open deals
  periods              close_date for won / lost / win-rate / revenue questions, engage_date for open deals
Quirks: pipeline product "GTXPro" is "GTX Pro"; sector "technolgy" is "technology"; an empty account is a
"no account" deal. Money is rounded to whole dollars; account revenue is in millions as written in the CSV.
Scope: "ops" sees every deal, a manager their team's deals, a rep their own; firmographics, the price list
and the org chart are visible to everyone.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import sys
from collections import defaultdict
from pathlib import Path
from typing import Callable, NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "maven-crm"
PARAPHRASE = HERE / "paraphrase.jsonl"
DIALOGUES = HERE / "dialogues.jsonl"

FAMILIES = ("periods", "comparisons", "multi_part", "attributes", "extremes", "lists", "people", "my", "scope",
            "wording", "unanswerable", "cross")
PRODUCT_FIX = {"GTXPro": "GTX Pro"}
SECTOR_FIX = {"technolgy": "technology"}
OPEN = ("Prospecting", "Engaging")


class Ambiguous(Exception):
    """An extreme or a top-N whose answer is not unique, or a figure that is empty."""


# ---------------------------------------------------------------------------------------------------------
# periods: (first day, last day), both inclusive
# ---------------------------------------------------------------------------------------------------------
def month(y: int, m: int) -> tuple[dt.date, dt.date]:
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return dt.date(y, m, 1), nxt - dt.timedelta(days=1)


def months(y1: int, m1: int, y2: int, m2: int) -> tuple[dt.date, dt.date]:
    return month(y1, m1)[0], month(y2, m2)[1]


def quarter(y: int, q: int) -> tuple[dt.date, dt.date]:
    return months(y, 3 * q - 2, y, 3 * q)


def half(y: int, h: int) -> tuple[dt.date, dt.date]:
    return months(y, 6 * h - 5, y, 6 * h)


def year(y: int) -> tuple[dt.date, dt.date]:
    return months(y, 1, y, 12)


# ---------------------------------------------------------------------------------------------------------
# the data
# ---------------------------------------------------------------------------------------------------------
class Deal(NamedTuple):
    id: str
    agent: str
    product: str
    account: str | None
    stage: str
    engage: dt.date | None
    close: dt.date | None
    value: int | None
    manager: str
    office: str
    sector: str | None


def _date(s: str) -> dt.date | None:
    return dt.date.fromisoformat(s) if s else None


def _as_list(x) -> tuple:
    return (x,) if isinstance(x, str) else tuple(x)


class Crm:
    def __init__(self, folder: Path):
        with open(folder / "accounts.csv", newline="", encoding="utf-8") as f:
            self.accounts = {}
            for r in csv.DictReader(f):
                self.accounts[r["account"]] = {
                    "sector": SECTOR_FIX.get(r["sector"], r["sector"]),
                    "year": int(r["year_established"]),
                    "revenue": float(r["revenue"]),
                    "employees": int(r["employees"]),
                    "country": r["office_location"],
                    "parent": r["subsidiary_of"] or None,
                }
        with open(folder / "products.csv", newline="", encoding="utf-8") as f:
            self.price = {r["product"]: int(r["sales_price"]) for r in csv.DictReader(f)}
            f.seek(0)
            self.series = {r["product"]: r["series"] for r in csv.DictReader(f)}
        with open(folder / "sales_teams.csv", newline="", encoding="utf-8") as f:
            self.org = {r["sales_agent"]: (r["manager"], r["regional_office"]) for r in csv.DictReader(f)}
        with open(folder / "sales_pipeline.csv", newline="", encoding="utf-8") as f:
            self.deals = []
            for r in csv.DictReader(f):
                manager, office = self.org[r["sales_agent"]]
                account = r["account"] or None
                self.deals.append(Deal(
                    id=r["opportunity_id"], agent=r["sales_agent"],
                    product=PRODUCT_FIX.get(r["product"], r["product"]), account=account,
                    stage=r["deal_stage"], engage=_date(r["engage_date"]), close=_date(r["close_date"]),
                    value=int(r["close_value"]) if r["close_value"] else None, manager=manager, office=office,
                    sector=self.accounts[account]["sector"] if account else None))
        for p in {d.product for d in self.deals}:
            assert p in self.price, f"product {p!r} has no list price"

    # ---- org chart ----------------------------------------------------------------------------------
    @property
    def managers(self) -> list[str]:
        return sorted({m for m, _ in self.org.values()})

    @property
    def offices(self) -> list[str]:
        return sorted({o for _, o in self.org.values()})

    def team(self, manager: str) -> list[str]:
        assert manager in self.managers, manager
        return sorted(a for a, (m, _) in self.org.items() if m == manager)

    def office_reps(self, office: str) -> list[str]:
        assert office in self.offices, office
        return sorted(a for a, (_, o) in self.org.items() if o == office)

    def manager_of(self, rep: str) -> str:
        return self.org[rep][0]

    def office_of(self, rep: str) -> str:
        return self.org[rep][1]

    def subsidiaries(self, parent: str) -> list[str]:
        return sorted(a for a, x in self.accounts.items() if x["parent"] == parent)

    # ---- scope --------------------------------------------------------------------------------------
    def visible(self, user: str) -> list[Deal]:
        if user == "ops":
            return list(self.deals)
        if user in self.managers:
            return [d for d in self.deals if d.manager == user]
        if user in self.org:
            return [d for d in self.deals if d.agent == user]
        raise KeyError(f"unknown user {user!r}")

    def check_outside(self, user: str, deals: list[Deal]) -> None:
        """A scope case must be about deals the user may not see (every one of them, so no partial answer)."""
        mine = {d.id for d in self.visible(user)}
        assert deals, "a scope case about nothing"
        assert not any(d.id in mine for d in deals), f"{user} can see some of these deals"

    def check_inside(self, user: str, deals: list[Deal]) -> None:
        mine = {d.id for d in self.visible(user)}
        assert all(d.id in mine for d in deals), f"{user} cannot see all of these deals"

    # ---- selection ----------------------------------------------------------------------------------
    def sel(self, deals: list[Deal] | None = None, *, stage=None, agent=None, manager=None, office=None,
            product=None, account=None, sector=None, closed=None, engaged=None) -> list[Deal]:
        """Deals matching every filter. stage: "won", "lost", "open", "closed" or an exact stage name;
        closed / engaged: a (first, last) period on close_date / engage_date."""
        stages = {"won": ("Won",), "lost": ("Lost",), "open": OPEN, "closed": ("Won", "Lost")}
        st = stages.get(stage, (stage,)) if stage else None
        out = []
        for d in self.deals if deals is None else deals:
            if st and d.stage not in st:
                continue
            if agent and d.agent not in _as_list(agent):
                continue
            if manager and d.manager not in _as_list(manager):
                continue
            if office and d.office not in _as_list(office):
                continue
            if product and d.product not in _as_list(product):
                continue
            if account and d.account not in _as_list(account):
                continue
            if sector and d.sector not in _as_list(sector):
                continue
            if closed and (d.close is None or not closed[0] <= d.close <= closed[1]):
                continue
            if engaged and (d.engage is None or not engaged[0] <= d.engage <= engaged[1]):
                continue
            out.append(d)
        return out

    # ---- metrics (each raises Ambiguous on an empty base, so no case expects a figure of nothing) -----
    @staticmethod
    def won(ds: list[Deal]) -> list[Deal]:
        return [d for d in ds if d.stage == "Won"]

    @staticmethod
    def lost(ds: list[Deal]) -> list[Deal]:
        return [d for d in ds if d.stage == "Lost"]

    @staticmethod
    def open(ds: list[Deal]) -> list[Deal]:
        return [d for d in ds if d.stage in OPEN]

    def won_count(self, ds: list[Deal]) -> int:
        return _nonzero(len(self.won(ds)))

    def lost_count(self, ds: list[Deal]) -> int:
        return _nonzero(len(self.lost(ds)))

    def open_count(self, ds: list[Deal]) -> int:
        return _nonzero(len(self.open(ds)))

    def won_revenue(self, ds: list[Deal]) -> int:
        return _nonzero(sum(d.value for d in self.won(ds)))

    def win_rate(self, ds: list[Deal]) -> float:
        w, lo = len(self.won(ds)), len(self.lost(ds))
        if not w + lo:
            raise Ambiguous("win rate of no closed deals")
        return round(100.0 * w / (w + lo), 1)

    def avg_won(self, ds: list[Deal]) -> int:
        w = self.won(ds)
        if not w:
            raise Ambiguous("average of no won deals")
        return round(sum(d.value for d in w) / len(w))

    @staticmethod
    def cycle(d: Deal) -> int:
        return (d.close - d.engage).days

    def avg_cycle(self, ds: list[Deal]) -> float:
        xs = [self.cycle(d) for d in self.won(ds)]
        if not xs:
            raise Ambiguous("cycle of no won deals")
        return round(sum(xs) / len(xs), 1)

    def open_list_value(self, ds: list[Deal]) -> int:
        return _nonzero(sum(self.price[d.product] for d in self.open(ds)))

    def by(self, ds: list[Deal], key: Callable[[Deal], str | None]) -> dict[str, list[Deal]]:
        """Group deals by key (a group for None is dropped)."""
        g: dict[str, list[Deal]] = defaultdict(list)
        for d in ds:
            k = key(d)
            if k is not None:
                g[k].append(d)
        return dict(g)


def _nonzero(x):
    if not x:
        raise Ambiguous("an expected figure is zero")
    return x


def best(items, key, n: int = 1, lowest: bool = False) -> list:
    """The n items with the highest (or lowest) key; Ambiguous when the n-th and (n+1)-th keys tie or any of
    the first n tie with each other (so the order of a top-N list is certain too)."""
    items = list(items)
    s = sorted(items, key=key, reverse=not lowest)
    keys = [key(x) for x in s[: n + 1]]
    if len(s) < n or len(set(keys)) != len(keys):
        raise Ambiguous(f"tie or too few among the first {n}: {[(x, key(x)) for x in s[: n + 1]]}")
    return s[:n]


def top1(items, key, lowest: bool = False):
    return best(items, key, 1, lowest)[0]


# ---------------------------------------------------------------------------------------------------------
# expectations
# ---------------------------------------------------------------------------------------------------------
def E(numbers=(), names=(), absent=()) -> dict:
    return {"numbers": list(numbers), "names": list(names), "absent_numbers": list(absent)}


def REFUSE(absent) -> dict:
    return {**E(absent=absent), "refuse": True}


def DECLINE() -> dict:
    return {**E(), "decline": True}


class Case(NamedTuple):
    id: str
    family: str
    split: str
    user: str
    input: str
    fn: Callable


class Dialogue(NamedTuple):
    id: str
    split: str
    user: str
    fn: Callable


CASES: list[Case] = []
DIALOGS: list[Dialogue] = []


def q(family: str, split: str, user: str, text: str, cid: str | None = None):
    """Register a single question; its id is cid or else the decorated function's name, and the function
    returns the expectation."""
    def deco(fn):
        CASES.append(Case(cid or fn.__name__, family, split, user, text, fn))
        return fn
    return deco


def dialogue(split: str, user: str):
    """Register a dialogue; the function returns [(input, expectation), ...] in turn order."""
    def deco(fn):
        DIALOGS.append(Dialogue(fn.__name__, split, user, fn))
        return fn
    return deco


# ---------------------------------------------------------------------------------------------------------
# small helpers for the cases
# ---------------------------------------------------------------------------------------------------------
def ids_and_accounts(ds: list[Deal]) -> list[str]:
    """The names a deal list must show: every opportunity id, then each distinct account (no-account deals
    have none), in the order given."""
    accounts = []
    for d in ds:
        if d.account and d.account not in accounts:
            accounts.append(d.account)
    return [d.id for d in ds] + accounts


def biggest_wins(c: Crm, ds: list[Deal], n: int) -> list[Deal]:
    return best(c.won(ds), key=lambda d: d.value, n=n)


def is_rep(c: Crm, user: str) -> bool:
    return user in c.org


def is_manager(c: Crm, user: str) -> bool:
    return user in c.managers


def firm(c: Crm, account: str, field: str):
    return c.accounts[account][field]


# =========================================================================================================
# single questions: one function per case; the name is the id, the decorator holds family, split, user, text
# =========================================================================================================

# ---- periods ------------------------------------------------------------------------------------------
@q("periods", "dev", "ops", "won revenue for the Central office in Sept 2017")
def per01(c):
    return E([c.won_revenue(c.sel(office="Central", closed=month(2017, 9)))])


@q("periods", "holdout", "ops", "How many deals did we win in Augst 2017?")
def per02(c):
    return E([c.won_count(c.sel(closed=month(2017, 8)))])


@q("periods", "holdout", "ops", "What was the win rate on MG Advanced in H2 2017?")
def per03(c):
    return E([c.win_rate(c.sel(product="MG Advanced", closed=half(2017, 2)))])


@q("periods", "dev", "ops", "How many deals did the East office lose between May and July 2017?")
def per04(c):
    return E([c.lost_count(c.sel(office="East", closed=months(2017, 5, 2017, 7)))])


@q("periods", "holdout", "ops", "GTX Basic won revenue in the fourth quarter of 2017")
def per05(c):
    return E([c.won_revenue(c.sel(product="GTX Basic", closed=quarter(2017, 4)))])


@q("periods", "dev", "ops", "What was our average won deal size in H1 2017?")
def per06(c):
    return E([c.avg_won(c.sel(closed=half(2017, 1)))])


@q("periods", "holdout", "ops", "What was Kary Hendrixson's win rate in the second half of 2017?")
def per07(c):
    return E([c.win_rate(c.sel(agent="Kary Hendrixson", closed=half(2017, 2)))])


@q("periods", "holdout", "ops", "How much did we win from retail accounts in Decmber 2017?")
def per08(c):
    return E([c.won_revenue(c.sel(sector="retail", closed=month(2017, 12)))])


@q("periods", "dev", "ops", "Average sales cycle of the deals we won in Q3 2017?")
def per09(c):
    return E([c.avg_cycle(c.sel(closed=quarter(2017, 3)))])


@q("periods", "holdout", "ops", "How many deals did Rocco Neubert's team lose in Juen 2017?")
def per10(c):
    return E([c.lost_count(c.sel(manager="Rocco Neubert", closed=month(2017, 6)))])


@q("periods", "dev", "ops", "GTX Plus Pro revenue won between March and May 2017")
def per11(c):
    return E([c.won_revenue(c.sel(product="GTX Plus Pro", closed=months(2017, 3, 2017, 5)))])


@q("periods", "holdout", "ops", "What's the software sector's win rate for the first half of 2017?")
def per12(c):
    return E([c.win_rate(c.sel(sector="software", closed=half(2017, 1)))])


@q("periods", "holdout", "ops", "How many deals did Vicki Laflamme win in Octobr 2017?")
def per13(c):
    return E([c.won_count(c.sel(agent="Vicki Laflamme", closed=month(2017, 10)))])


@q("periods", "dev", "ops", "Win rate for the West office in the third quarter of 2017")
def per14(c):
    return E([c.win_rate(c.sel(office="West", closed=quarter(2017, 3)))])


@q("periods", "holdout", "ops", "What did we win from finance accounts in Nov 2017?")
def per15(c):
    return E([c.won_revenue(c.sel(sector="finance", closed=month(2017, 11)))])


@q("periods", "dev", "ops", "How many deals were lost in Q2 2017?")
def per16(c):
    return E([c.lost_count(c.sel(closed=quarter(2017, 2)))])


@q("periods", "holdout", "ops", "Of the deals we engaged in Sept 2017, how many are still open?")
def per17(c):
    # an open-deal question: the period is on engage_date (Prospecting deals have none, so none count)
    return E([c.open_count(c.sel(engaged=month(2017, 9)))])


# ---- comparisons --------------------------------------------------------------------------------------
@q("comparisons", "dev", "ops", "GTX Basic vs GTX Pro: how many deals has each won?")
def cmp01(c):
    return E([c.won_count(c.sel(product="GTX Basic")), c.won_count(c.sel(product="GTX Pro"))])


@q("comparisons", "holdout", "ops", "Compare the East and Central offices on won revenue.")
def cmp02(c):
    return E([c.won_revenue(c.sel(office="East")), c.won_revenue(c.sel(office="Central"))])


@q("comparisons", "holdout", "ops", "Which is higher, Vicki Laflamme's win rate or Kary Hendrixson's?")
def cmp03(c):
    a, b = c.win_rate(c.sel(agent="Vicki Laflamme")), c.win_rate(c.sel(agent="Kary Hendrixson"))
    assert a != b
    return E([a, b], ["Vicki Laflamme" if a > b else "Kary Hendrixson"])


@q("comparisons", "dev", "ops", "Q2 vs Q3 2017 won revenue")
def cmp04(c):
    return E([c.won_revenue(c.sel(closed=quarter(2017, 2))), c.won_revenue(c.sel(closed=quarter(2017, 3)))])


@q("comparisons", "holdout", "ops", "Compare Cara Losch's team and Dustin Brinkmann's team on average won deal size.")
def cmp05(c):
    return E([c.avg_won(c.sel(manager="Cara Losch")), c.avg_won(c.sel(manager="Dustin Brinkmann"))])


@q("comparisons", "dev", "ops", "Which sector has the better win rate, medical or retail?")
def cmp06(c):
    a, b = c.win_rate(c.sel(sector="medical")), c.win_rate(c.sel(sector="retail"))
    assert a != b
    return E([a, b], ["medical" if a > b else "retail"])


@q("comparisons", "holdout", "ops", "Have we won more from Kan-code or from Konex?")
def cmp07(c):
    a, b = c.won_revenue(c.sel(account="Kan-code")), c.won_revenue(c.sel(account="Konex"))
    assert a != b
    return E([a, b], ["Kan-code" if a > b else "Konex"])


@q("comparisons", "holdout", "ops", "Average sales cycle on won deals: Boris Faz vs Zane Levy")
def cmp08(c):
    return E([c.avg_cycle(c.sel(agent="Boris Faz")), c.avg_cycle(c.sel(agent="Zane Levy"))])


@q("comparisons", "dev", "ops", "Compare the open pipeline at list price for MG Advanced and GTX Plus Pro")
def cmp09(c):
    return E([c.open_list_value(c.sel(product="MG Advanced")), c.open_list_value(c.sel(product="GTX Plus Pro"))])


@q("comparisons", "holdout", "ops", "Who lost more deals, Anna Snelling or Versie Hillebrand?")
def cmp10(c):
    a, b = c.lost_count(c.sel(agent="Anna Snelling")), c.lost_count(c.sel(agent="Versie Hillebrand"))
    assert a != b
    return E([a, b], ["Anna Snelling" if a > b else "Versie Hillebrand"])


@q("comparisons", "dev", "ops", "How did the win rate in March 2017 compare with April 2017?")
def cmp11(c):
    return E([c.win_rate(c.sel(closed=month(2017, 3))), c.win_rate(c.sel(closed=month(2017, 4)))])


@q("comparisons", "holdout", "ops", "Which has more employees, Hottechi or Konex?")
def cmp12(c):
    a, b = firm(c, "Hottechi", "employees"), firm(c, "Konex", "employees")
    assert a != b
    return E([a, b], ["Hottechi" if a > b else "Konex"])


@q("comparisons", "holdout", "ops", "Rosie Papadopoulos vs Wilburn Farren on won revenue")
def cmp13(c):
    return E([c.won_revenue(c.sel(agent="Rosie Papadopoulos")), c.won_revenue(c.sel(agent="Wilburn Farren"))])


@q("comparisons", "dev", "ops", "Which office has more open deals right now, West or Central?")
def cmp14(c):
    a, b = c.open_count(c.sel(office="West")), c.open_count(c.sel(office="Central"))
    assert a != b
    return E([a, b], ["West" if a > b else "Central"])


@q("comparisons", "holdout", "ops", "Which is bigger by annual revenue, Xx-holding or Initech?")
def cmp15(c):
    a, b = firm(c, "Xx-holding", "revenue"), firm(c, "Initech", "revenue")
    assert a != b
    return E([a, b], ["Xx-holding" if a > b else "Initech"])


@q("comparisons", "dev", "ops", "technology vs telecommunications accounts: won revenue in H2 2017")
def cmp16(c):
    h2 = half(2017, 2)
    return E([c.won_revenue(c.sel(sector="technology", closed=h2)),
              c.won_revenue(c.sel(sector="telecommunications", closed=h2))])


@q("comparisons", "holdout", "ops", "Compare Celia Rouche's and Summer Sewald's teams on win rate in Q4 2017.")
def cmp17(c):
    q4 = quarter(2017, 4)
    return E([c.win_rate(c.sel(manager="Celia Rouche", closed=q4)), c.win_rate(c.sel(manager="Summer Sewald", closed=q4))])


# ---- multi_part ---------------------------------------------------------------------------------------
@q("multi_part", "dev", "ops", "How many deals has Zane Levy won, and what's his average deal size?")
def mp01(c):
    ds = c.sel(agent="Zane Levy")
    return E([c.won_count(ds), c.avg_won(ds)])


@q("multi_part", "holdout", "ops", "Headcount and founding year of Zotware?")
def mp02(c):
    return E([firm(c, "Zotware", "employees"), firm(c, "Zotware", "year")])


@q("multi_part", "holdout", "ops", "For GTX Pro, what's the win rate and the average sales cycle?")
def mp03(c):
    ds = c.sel(product="GTX Pro")
    return E([c.win_rate(ds), c.avg_cycle(ds)])


@q("multi_part", "dev", "ops", "Give me the West office's won revenue and how many deals it lost.")
def mp04(c):
    ds = c.sel(office="West")
    return E([c.won_revenue(ds), c.lost_count(ds)])


@q("multi_part", "holdout", "ops", "What sector is Rangreen in and which country is it based in?")
def mp05(c):
    return E(names=[firm(c, "Rangreen", "sector"), firm(c, "Rangreen", "country")])


@q("multi_part", "dev", "ops", "Boris Faz: number of open deals and what they're worth at list price")
def mp06(c):
    ds = c.sel(agent="Boris Faz")
    return E([c.open_count(ds), c.open_list_value(ds)])


@q("multi_part", "holdout", "ops", "Melvin Marxen's team in Q2 2017: deals won and win rate?")
def mp07(c):
    ds = c.sel(manager="Melvin Marxen", closed=quarter(2017, 2))
    return E([c.won_count(ds), c.win_rate(ds)])


@q("multi_part", "holdout", "ops", "Who is Codehow's parent company, and how many employees does Codehow have?")
def mp08(c):
    return E([firm(c, "Codehow", "employees")], [firm(c, "Codehow", "parent")])


@q("multi_part", "dev", "ops", "How many deals have we won with Isdom, and how many have we lost?")
def mp09(c):
    ds = c.sel(account="Isdom")
    return E([c.won_count(ds), c.lost_count(ds)])


@q("multi_part", "holdout", "ops", "Medical sector: total won revenue and average won deal size")
def mp10(c):
    ds = c.sel(sector="medical")
    return E([c.won_revenue(ds), c.avg_won(ds)])


@q("multi_part", "dev", "ops", "What's Cecily Lampkin's won deal count and her average sales cycle?")
def mp11(c):
    ds = c.sel(agent="Cecily Lampkin")
    return E([c.won_count(ds), c.avg_cycle(ds)])


@q("multi_part", "holdout", "ops", "Annual revenue and home country of Mathtouch")
def mp12(c):
    return E([firm(c, "Mathtouch", "revenue")], [firm(c, "Mathtouch", "country")])


@q("multi_part", "holdout", "ops", "GTX Plus Basic: how many deals are open and how many have been lost?")
def mp13(c):
    ds = c.sel(product="GTX Plus Basic")
    return E([c.open_count(ds), c.lost_count(ds)])


@q("multi_part", "dev", "ops", "Plexzap - how much have we won there, and how many deals are still open?")
def mp14(c):
    ds = c.sel(account="Plexzap")
    return E([c.won_revenue(ds), c.open_count(ds)])


@q("multi_part", "holdout", "ops", "When was Ron-tech established and what sector is it in?")
def mp15(c):
    return E([firm(c, "Ron-tech", "year")], [firm(c, "Ron-tech", "sector")])


@q("multi_part", "dev", "ops", "Darcel Schlecht in Q4 2017: won revenue and win rate")
def mp16(c):
    ds = c.sel(agent="Darcel Schlecht", closed=quarter(2017, 4))
    return E([c.won_revenue(ds), c.win_rate(ds)])


@q("multi_part", "holdout", "ops", "Lexiqvolax - annual revenue and number of employees?")
def mp17(c):
    return E([firm(c, "Lexiqvolax", "revenue"), firm(c, "Lexiqvolax", "employees")])


# ---- attributes ---------------------------------------------------------------------------------------
@q("attributes", "dev", "ops", "How many employees does Labdrill have?")
def attr01(c):
    return E([firm(c, "Labdrill", "employees")])


@q("attributes", "holdout", "ops", "what's Ganjaflex's annual revenue")
def attr02(c):
    return E([firm(c, "Ganjaflex", "revenue")])


@q("attributes", "holdout", "ops", "Which sector is Finjob in?")
def attr03(c):
    return E(names=[firm(c, "Finjob", "sector")])


@q("attributes", "dev", "ops", "What country is Nam-zim headquartered in?")
def attr04(c):
    return E(names=[firm(c, "Nam-zim", "country")])


@q("attributes", "holdout", "ops", "When was Bubba Gump founded?")
def attr05(c):
    return E([firm(c, "Bubba Gump", "year")])


@q("attributes", "dev", "ops", "Is Scottech a subsidiary of another company?")
def attr06(c):
    return E(names=[firm(c, "Scottech", "parent")])


@q("attributes", "holdout", "ops", "List the subsidiaries of Acme Corporation.")
def attr07(c):
    return E(names=c.subsidiaries("Acme Corporation"))


@q("attributes", "holdout", "ops", "How many people work at Dambase?")
def attr08(c):
    # the account is spelt "dambase" in the CSV
    return E([firm(c, "dambase", "employees")])


@q("attributes", "dev", "ops", "what sector is Zencorporation in")
def attr09(c):
    # "technolgy" in the CSV
    return E(names=[firm(c, "Zencorporation", "sector")])


@q("attributes", "holdout", "ops", "What year was Gekko & Co established?")
def attr10(c):
    return E([firm(c, "Gekko & Co", "year")])


@q("attributes", "dev", "ops", "Revenue of Umbrella Corporation?")
def attr11(c):
    return E([firm(c, "Umbrella Corporation", "revenue")])


@q("attributes", "holdout", "ops", "Which company owns Vehement Capital Partners?")
def attr12(c):
    return E(names=[firm(c, "Vehement Capital Partners", "parent")])


@q("attributes", "holdout", "ops", "Which accounts belong to Golddex?")
def attr13(c):
    return E(names=c.subsidiaries("Golddex"))


@q("attributes", "dev", "ops", "what's the list price of a GTK 500")
def attr14(c):
    return E([c.price["GTK 500"]])


@q("attributes", "holdout", "ops", "How big is Sumace in terms of headcount?")
def attr15(c):
    return E([firm(c, "Sumace", "employees")])


@q("attributes", "dev", "ops", "Globex Corporation's office is in which country?")
def attr16(c):
    return E(names=[firm(c, "Globex Corporation", "country")])


@q("attributes", "holdout", "ops", "Does Warephase have any subsidiaries?")
def attr17(c):
    return E(names=c.subsidiaries("Warephase"))


# ---- extremes -----------------------------------------------------------------------------------------
@q("extremes", "dev", "ops", "What was the biggest deal we won in Sept 2017, and which account was it with?")
def ext01(c):
    d = top1(c.sel(stage="won", closed=month(2017, 9)), key=lambda d: d.value)
    return E([d.value], [d.account])


@q("extremes", "holdout", "ops", "Which won GTK 500 deal took the longest from engagement to close, and with whom?")
def ext02(c):
    d = top1(c.sel(stage="won", product="GTK 500"), key=c.cycle)
    return E([c.cycle(d)], [d.id, d.account])


@q("extremes", "holdout", "ops", "Which rep has the highest win rate?")
def ext03(c):
    by = c.by(c.sel(stage="closed"), lambda d: d.agent)
    rep = top1(by, key=lambda a: c.win_rate(by[a]))
    return E([c.win_rate(by[rep])], [rep])


@q("extremes", "dev", "ops", "Which retail account has the fewest employees?")
def ext04(c):
    a = top1([a for a, x in c.accounts.items() if x["sector"] == "retail"], key=lambda a: firm(c, a, "employees"),
             lowest=True)
    return E([firm(c, a, "employees")], [a])


@q("extremes", "holdout", "ops", "Which product has the lowest win rate?")
def ext05(c):
    by = c.by(c.sel(stage="closed"), lambda d: d.product)
    p = top1(by, key=lambda p: c.win_rate(by[p]), lowest=True)
    return E([c.win_rate(by[p])], [p])


@q("extremes", "dev", "ops", "In the West office, who has the lowest win rate?")
def ext06(c):
    by = c.by(c.sel(stage="closed", office="West"), lambda d: d.agent)
    rep = top1(by, key=lambda a: c.win_rate(by[a]), lowest=True)
    return E([c.win_rate(by[rep])], [rep])


@q("extremes", "holdout", "ops", "Which sector has brought in the most won revenue?")
def ext07(c):
    by = c.by(c.sel(stage="won"), lambda d: d.sector)
    s = top1(by, key=lambda s: c.won_revenue(by[s]))
    return E([c.won_revenue(by[s])], [s])


@q("extremes", "holdout", "ops", "What's the oldest account we have, by year established?")
def ext08(c):
    a = top1(c.accounts, key=lambda a: firm(c, a, "year"), lowest=True)
    return E([firm(c, a, "year")], [a])


@q("extremes", "dev", "ops", "Which rep closes won deals the fastest on average?")
def ext09(c):
    by = c.by(c.sel(stage="won"), lambda d: d.agent)
    rep = top1(by, key=lambda a: c.avg_cycle(by[a]), lowest=True)
    return E([c.avg_cycle(by[rep])], [rep])


@q("extremes", "holdout", "ops", "Which account has the largest annual revenue?")
def ext10(c):
    a = top1(c.accounts, key=lambda a: firm(c, a, "revenue"))
    return E([firm(c, a, "revenue")], [a])


@q("extremes", "dev", "ops", "Which manager's team has the most open deals?")
def ext11(c):
    by = c.by(c.sel(stage="open"), lambda d: d.manager)
    m = top1(by, key=lambda m: len(by[m]))
    return E([len(by[m])], [m])


@q("extremes", "holdout", "ops", "biggest GTX Plus Pro win ever - who closed it?")
def ext12(c):
    d = top1(c.sel(stage="won", product="GTX Plus Pro"), key=lambda d: d.value)
    return E([d.value], [d.agent])


@q("extremes", "holdout", "ops", "Which month of 2017 had the most won revenue?")
def ext13(c):
    by = c.by(c.sel(stage="won", closed=year(2017)), lambda d: d.close.strftime("%B"))
    m = top1(by, key=lambda m: c.won_revenue(by[m]))
    return E([c.won_revenue(by[m])], [m])


@q("extremes", "dev", "ops", "Which rep has lost the most deals?")
def ext14(c):
    by = c.by(c.sel(stage="lost"), lambda d: d.agent)
    rep = top1(by, key=lambda a: len(by[a]))
    return E([len(by[rep])], [rep])


@q("extremes", "holdout", "ops", "Which account have we won the most deals with?")
def ext15(c):
    by = c.by(c.sel(stage="won"), lambda d: d.account)
    a = top1(by, key=lambda a: len(by[a]))
    return E([len(by[a])], [a])


@q("extremes", "dev", "ops", "Who in the East office has the highest average won deal size?")
def ext16(c):
    by = c.by(c.sel(stage="won", office="East"), lambda d: d.agent)
    rep = top1(by, key=lambda a: c.avg_won(by[a]))
    return E([c.avg_won(by[rep])], [rep])


@q("extremes", "holdout", "ops", "Which telecom account has the most employees?")
def ext17(c):
    a = top1([a for a, x in c.accounts.items() if x["sector"] == "telecommunications"],
             key=lambda a: firm(c, a, "employees"))
    return E([firm(c, a, "employees")], [a])


# ---- lists --------------------------------------------------------------------------------------------
@q("lists", "dev", "Maureen Marcano", "what are my 3 biggest wins? deal, account and amount")
def lst01(c):
    ds = biggest_wins(c, c.visible("Maureen Marcano"), 3)
    return E([d.value for d in ds], ids_and_accounts(ds))


@q("lists", "holdout", "ops", "Top 3 reps by won revenue in the West office")
def lst02(c):
    by = c.by(c.sel(stage="won", office="West"), lambda d: d.agent)
    reps = best(by, key=lambda a: c.won_revenue(by[a]), n=3)
    return E([c.won_revenue(by[a]) for a in reps], reps)


@q("lists", "holdout", "Markita Hansen", "list my open GTK 500 deals")
def lst03(c):
    ds = c.sel(c.visible("Markita Hansen"), stage="open", product="GTK 500")
    assert 0 < len(ds) <= 8
    return E([], ids_and_accounts(ds))


@q("lists", "dev", "ops", "Which 5 accounts have we won the most revenue from?")
def lst04(c):
    by = c.by(c.sel(stage="won"), lambda d: d.account)
    accs = best(by, key=lambda a: c.won_revenue(by[a]), n=5)
    return E([c.won_revenue(by[a]) for a in accs], accs)


@q("lists", "holdout", "ops", "show Rosie Papadopoulos's open GTX Plus Pro deals")
def lst05(c):
    ds = c.sel(agent="Rosie Papadopoulos", stage="open", product="GTX Plus Pro")
    assert 0 < len(ds) <= 8
    return E([], ids_and_accounts(ds))


@q("lists", "dev", "Cara Losch", "top 2 reps on my team by win rate")
def lst06(c):
    by = c.by(c.sel(c.visible("Cara Losch"), stage="closed"), lambda d: d.agent)
    reps = best(by, key=lambda a: c.win_rate(by[a]), n=2)
    return E([c.win_rate(by[a]) for a in reps], reps)


@q("lists", "holdout", "ops", "Which accounts are in the entertainment sector?")
def lst07(c):
    return E(names=sorted(a for a, x in c.accounts.items() if x["sector"] == "entertainment"))


@q("lists", "holdout", "ops", "the 3 largest deals won in Dec 2017, with their accounts")
def lst08(c):
    ds = biggest_wins(c, c.sel(closed=month(2017, 12)), 3)
    return E([d.value for d in ds], ids_and_accounts(ds))


@q("lists", "dev", "ops", "List the GTK 500 deals we won in the second half of 2017.")
def lst09(c):
    # values are not asked for (two of them are within the judge's tolerance of each other)
    ds = sorted(c.sel(stage="won", product="GTK 500", closed=half(2017, 2)), key=lambda d: d.id)
    assert 0 < len(ds) <= 8
    return E([], ids_and_accounts(ds))


@q("lists", "holdout", "ops", "Top 3 products by won revenue in Q3 2017")
def lst10(c):
    by = c.by(c.sel(stage="won", closed=quarter(2017, 3)), lambda d: d.product)
    ps = best(by, key=lambda p: c.won_revenue(by[p]), n=3)
    return E([c.won_revenue(by[p]) for p in ps], ps)


@q("lists", "dev", "Elease Gluck", "show my 3 largest GTX Pro wins")
def lst11(c):
    ds = biggest_wins(c, c.sel(c.visible("Elease Gluck"), product="GTX Pro"), 3)
    return E([d.value for d in ds], ids_and_accounts(ds))


@q("lists", "holdout", "ops", "Which reps in the Central office have won more than 150 deals?")
def lst12(c):
    by = c.by(c.sel(stage="won", office="Central"), lambda d: d.agent)
    reps = sorted(a for a in by if len(by[a]) > 150)
    assert all(len(by[a]) != 150 for a in by)
    return E([len(by[a]) for a in reps], reps)


@q("lists", "holdout", "ops", "Which of our accounts are based outside the United States?")
def lst13(c):
    # note: Bioholding's country is spelt "Philipines" in the CSV; the names expected are the accounts only
    return E(names=sorted(a for a, x in c.accounts.items() if x["country"] != "United States"))


@q("lists", "dev", "Summer Sewald", "which 3 reps on my team have the most open deals?")
def lst14(c):
    by = c.by(c.sel(c.visible("Summer Sewald"), stage="open"), lambda d: d.agent)
    reps = best(by, key=lambda a: len(by[a]), n=3)
    return E([len(by[a]) for a in reps], reps)


@q("lists", "holdout", "ops", "Top 3 sectors by average won deal size")
def lst15(c):
    by = c.by(c.sel(stage="won"), lambda d: d.sector)
    ss = best(by, key=lambda s: c.avg_won(by[s]), n=3)
    return E([c.avg_won(by[s]) for s in ss], ss)


@q("lists", "dev", "ops", "list the open deals we have with Zumgoity")
def lst16(c):
    ds = c.sel(stage="open", account="Zumgoity")
    assert 0 < len(ds) <= 8
    return E([], [d.id for d in ds])


@q("lists", "holdout", "Wilburn Farren", "my 4 largest won deals, with the accounts")
def lst17(c):
    ds = biggest_wins(c, c.visible("Wilburn Farren"), 4)
    return E([d.value for d in ds], ids_and_accounts(ds))


# ---- people (the org chart is visible to everyone) -----------------------------------------------------
@q("people", "dev", "ops", "Who reports to Cara Losch?")
def ppl01(c):
    return E(names=c.team("Cara Losch"))


@q("people", "holdout", "ops", "how many reps are in the Central office")
def ppl02(c):
    return E([len(c.office_reps("Central"))])


@q("people", "holdout", "ops", "Who is Boris Faz's manager?")
def ppl03(c):
    return E(names=[c.manager_of("Boris Faz")])


@q("people", "dev", "ops", "Which regional office is Kami Bicknell in?")
def ppl04(c):
    return E(names=[c.office_of("Kami Bicknell")])


@q("people", "holdout", "ops", "Which managers are based in the East office?")
def ppl05(c):
    return E(names=sorted({m for m, o in c.org.values() if o == "East"}))


@q("people", "dev", "ops", "How many sales managers do we have?")
def ppl06(c):
    return E([len(c.managers)])


@q("people", "holdout", "ops", "who's on Dustin Brinkmann's team")
def ppl07(c):
    return E(names=c.team("Dustin Brinkmann"))


@q("people", "holdout", "ops", "Which reps don't have a single deal in the CRM?")
def ppl08(c):
    with_deals = {d.agent for d in c.deals}
    return E(names=sorted(a for a in c.org if a not in with_deals))


@q("people", "dev", "ops", "Who manages the reps in the West office?")
def ppl09(c):
    return E(names=sorted({m for m, o in c.org.values() if o == "West"}))


@q("people", "holdout", "ops", "Who does Niesha Huffines report to, and which office is she in?")
def ppl10(c):
    return E(names=[c.manager_of("Niesha Huffines"), c.office_of("Niesha Huffines")])


@q("people", "dev", "ops", "How many reps does Summer Sewald manage?")
def ppl11(c):
    return E([len(c.team("Summer Sewald"))])


@q("people", "holdout", "ops", "which reps sit in the East office")
def ppl12(c):
    return E(names=c.office_reps("East"))


@q("people", "holdout", "ops", "Which manager has the smallest team?")
def ppl13(c):
    m = top1(c.managers, key=lambda m: len(c.team(m)), lowest=True)
    return E([len(c.team(m))], [m])


@q("people", "dev", "Violet Mclelland", "who's my manager?")
def ppl14(c):
    return E(names=[c.manager_of("Violet Mclelland")])


@q("people", "holdout", "Anna Snelling", "Who is on Melvin Marxen's team?")
def ppl15(c):
    # the org chart is visible to a rep of another team: not a scope refusal
    return E(names=c.team("Melvin Marxen"))


@q("people", "dev", "ops", "Do Reed Clapper and Wilburn Farren have the same manager?")
def ppl16(c):
    a, b = c.manager_of("Reed Clapper"), c.manager_of("Wilburn Farren")
    assert a != b
    return E(names=[a, b])


@q("people", "holdout", "ops", "Which regional office has the fewest reps?")
def ppl17(c):
    o = top1(c.offices, key=lambda o: len(c.office_reps(o)), lowest=True)
    return E([len(c.office_reps(o))], [o])


# ---- my: reps and managers asking about their own figures ----------------------------------------------
@q("my", "dev", "Zane Levy", "how much have I won in Q3 2017?")
def my01(c):
    return E([c.won_revenue(c.sel(c.visible("Zane Levy"), closed=quarter(2017, 3)))])


@q("my", "holdout", "Rosie Papadopoulos", "What's my average won deal size?")
def my02(c):
    return E([c.avg_won(c.visible("Rosie Papadopoulos"))])


@q("my", "holdout", "Dustin Brinkmann", "which of my reps has the most open deals?")
def my03(c):
    by = c.by(c.sel(c.visible("Dustin Brinkmann"), stage="open"), lambda d: d.agent)
    rep = top1(by, key=lambda a: len(by[a]))
    return E([len(by[rep])], [rep])


@q("my", "dev", "Kary Hendrixson", "how many open deals have I got, and what are they worth at list price?")
def my04(c):
    ds = c.visible("Kary Hendrixson")
    return E([c.open_count(ds), c.open_list_value(ds)])


@q("my", "holdout", "Celia Rouche", "my team's won revenue in H2 2017")
def my05(c):
    return E([c.won_revenue(c.sel(c.visible("Celia Rouche"), closed=half(2017, 2)))])


@q("my", "dev", "Marty Freudenburg", "What's my win rate on MG Advanced?")
def my06(c):
    return E([c.win_rate(c.sel(c.visible("Marty Freudenburg"), product="MG Advanced"))])


@q("my", "holdout", "Rocco Neubert", "How many deals did my team lose in Q4 2017?")
def my07(c):
    return E([c.lost_count(c.sel(c.visible("Rocco Neubert"), closed=quarter(2017, 4)))])


@q("my", "holdout", "Versie Hillebrand", "what's the average sales cycle on my won deals?")
def my08(c):
    return E([c.avg_cycle(c.visible("Versie Hillebrand"))])


@q("my", "dev", "Melvin Marxen", "Who on my team has the lowest win rate?")
def my09(c):
    by = c.by(c.sel(c.visible("Melvin Marxen"), stage="closed"), lambda d: d.agent)
    rep = top1(by, key=lambda a: c.win_rate(by[a]), lowest=True)
    return E([c.win_rate(by[rep])], [rep])


@q("my", "holdout", "Cara Losch", "average days to close for my team's wins in the second half of 2017")
def my10(c):
    return E([c.avg_cycle(c.sel(c.visible("Cara Losch"), closed=half(2017, 2)))])


@q("my", "dev", "Corliss Cosme", "What's the biggest deal I've won, and with which account?")
def my11(c):
    d = top1(c.won(c.visible("Corliss Cosme")), key=lambda d: d.value)
    return E([d.value], [d.account])


@q("my", "holdout", "James Ascencio", "How many GTX Pro deals have I won?")
def my12(c):
    return E([c.won_count(c.sel(c.visible("James Ascencio"), product="GTX Pro"))])


@q("my", "holdout", "Summer Sewald", "Which product has brought my team the most won revenue?")
def my13(c):
    by = c.by(c.won(c.visible("Summer Sewald")), lambda d: d.product)
    p = top1(by, key=lambda p: c.won_revenue(by[p]))
    return E([c.won_revenue(by[p])], [p])


@q("my", "dev", "Niesha Huffines", "Which account have I won the most revenue from?")
def my14(c):
    by = c.by(c.won(c.visible("Niesha Huffines")), lambda d: d.account)
    a = top1(by, key=lambda a: c.won_revenue(by[a]))
    return E([c.won_revenue(by[a])], [a])


@q("my", "holdout", "Donn Cantrell", "who else is on my team?")
def my15(c):
    return E(names=[a for a in c.team(c.manager_of("Donn Cantrell")) if a != "Donn Cantrell"])


@q("my", "dev", "Daniell Hammack", "How much have I won from retail accounts?")
def my16(c):
    return E([c.won_revenue(c.sel(c.visible("Daniell Hammack"), sector="retail"))])


@q("my", "holdout", "Cara Losch", "How many open GTX Basic deals does my team have?")
def my17(c):
    return E([c.open_count(c.sel(c.visible("Cara Losch"), product="GTX Basic"))])


# ---- scope: deal figures outside the asker's scope are refused --------------------------------------------
@q("scope", "dev", "Kami Bicknell", "What's Zane Levy's win rate?")
def sc01(c):
    ds = c.sel(agent="Zane Levy")
    c.check_outside("Kami Bicknell", ds)
    return REFUSE([c.win_rate(ds)])


@q("scope", "holdout", "Reed Clapper", "how much did Boris Faz win in Q3 2017?")
def sc02(c):
    ds = c.sel(agent="Boris Faz", closed=quarter(2017, 3))
    c.check_outside("Reed Clapper", ds)
    return REFUSE([c.won_revenue(ds)])


@q("scope", "holdout", "Cara Losch", "How many open deals does Cassey Cress have?")
def sc03(c):
    ds = c.sel(agent="Cassey Cress")
    c.check_outside("Cara Losch", ds)
    return REFUSE([c.open_count(ds)])


@q("scope", "dev", "Dustin Brinkmann", "What's the Central office's total won revenue?")
def sc04(c):
    # the office holds Melvin Marxen's team too; the office total is not the asker's to see
    ds = c.sel(office="Central")
    mine = c.visible("Dustin Brinkmann")
    assert any(d.manager != "Dustin Brinkmann" for d in ds) and c.won_revenue(ds) != c.won_revenue(mine)
    return REFUSE([c.won_revenue(ds)])


@q("scope", "holdout", "Jonathan Berthelot", "how's my team doing on win rate overall?")
def sc05(c):
    # a rep sees only their own deals, so the team's figure is out of scope
    ds = c.sel(manager=c.manager_of("Jonathan Berthelot"))
    return REFUSE([c.win_rate(ds)])


@q("scope", "dev", "Hayden Neloms", "total won revenue for the whole company in 2017")
def sc06(c):
    ds = c.sel(closed=year(2017))
    return REFUSE([c.won_revenue(ds)])


@q("scope", "holdout", "Summer Sewald", "Compare my team's win rate with Celia Rouche's team.")
def sc07(c):
    # half answerable: her own team's rate is expected, Celia Rouche's is refused
    other = c.sel(manager="Celia Rouche")
    c.check_outside("Summer Sewald", other)
    return {**E([c.win_rate(c.visible("Summer Sewald"))], absent=[c.win_rate(other)]), "refuse": True}


@q("scope", "holdout", "Gladys Colclough", "list Darcel Schlecht's 3 biggest wins")
def sc08(c):
    ds = biggest_wins(c, c.sel(agent="Darcel Schlecht"), 3)
    c.check_outside("Gladys Colclough", ds)
    return REFUSE([d.value for d in ds])


@q("scope", "dev", "Melvin Marxen", "How many deals has Hayden Neloms lost?")
def sc09(c):
    ds = c.sel(agent="Hayden Neloms")
    c.check_outside("Melvin Marxen", ds)
    return REFUSE([c.lost_count(ds)])


@q("scope", "holdout", "Moses Frase", "What's the average won deal size in the East office?")
def sc10(c):
    ds = c.sel(office="East")
    c.check_outside("Moses Frase", ds)
    return REFUSE([c.avg_won(ds)])


@q("scope", "dev", "Cassey Cress", "How much open pipeline does Kary Hendrixson have at list price?")
def sc11(c):
    ds = c.sel(agent="Kary Hendrixson")
    c.check_outside("Cassey Cress", ds)
    return REFUSE([c.open_list_value(ds)])


@q("scope", "holdout", "Rocco Neubert", "Who on Cara Losch's team has the best win rate?")
def sc12(c):
    by = c.by(c.sel(manager="Cara Losch", stage="closed"), lambda d: d.agent)
    rep = top1(by, key=lambda a: c.win_rate(by[a]))
    c.check_outside("Rocco Neubert", by[rep])
    return REFUSE([c.win_rate(by[rep])])


@q("scope", "holdout", "Markita Hansen", "How many GTK 500 deals has the West office won?")
def sc13(c):
    ds = c.sel(office="West", product="GTK 500")
    mine = c.sel(c.visible("Markita Hansen"), product="GTK 500")
    assert c.won_count(ds) != len(c.won(mine))
    return REFUSE([c.won_count(ds)])


@q("scope", "dev", "Celia Rouche", "What's Maureen Marcano's average sales cycle?")
def sc14(c):
    ds = c.sel(agent="Maureen Marcano")
    c.check_outside("Celia Rouche", ds)
    return REFUSE([c.avg_cycle(ds)])


@q("scope", "holdout", "Vicki Laflamme", "what did Rosalina Dieter close in Q4 2017?")
def sc15(c):
    ds = c.sel(agent="Rosalina Dieter", closed=quarter(2017, 4))
    c.check_outside("Vicki Laflamme", ds)
    return REFUSE([c.won_revenue(ds)])


@q("scope", "dev", "Lajuana Vencill", "What's the win rate for Dustin Brinkmann's team?")
def sc16(c):
    # her own manager's team: still more than her own deals
    ds = c.sel(manager="Dustin Brinkmann")
    return REFUSE([c.win_rate(ds)])


@q("scope", "holdout", "Garret Kinder", "How much has Wilburn Farren won from Ganjaflex?")
def sc17(c):
    ds = c.sel(agent="Wilburn Farren", account="Ganjaflex")
    c.check_outside("Garret Kinder", ds)
    return REFUSE([c.won_revenue(ds)])


# ---- wording: everyday, informal, typo'd phrasings ----------------------------------------------------
@q("wording", "dev", "ops", "how much did we bring in in q3 2017")
def wd01(c):
    return E([c.won_revenue(c.sel(closed=quarter(2017, 3)))])


@q("wording", "holdout", "ops", "what did darcel close in november 2017")
def wd02(c):
    # "close" in the sense of closed-won revenue
    return E([c.won_revenue(c.sel(agent="Darcel Schlecht", closed=month(2017, 11)))])


@q("wording", "holdout", "ops", "how many did we lose in december 2017")
def wd03(c):
    return E([c.lost_count(c.sel(closed=month(2017, 12)))])


@q("wording", "dev", "Boris Faz", "hey how many deals have i won so far")
def wd04(c):
    return E([c.won_count(c.visible("Boris Faz"))])


@q("wording", "holdout", "ops", "whats our win rate w/ finance accounts")
def wd05(c):
    return E([c.win_rate(c.sel(sector="finance"))])


@q("wording", "dev", "ops", "total $ we got from GTX Pro deals")
def wd06(c):
    return E([c.won_revenue(c.sel(product="GTX Pro"))])


@q("wording", "holdout", "ops", "how many mg special deals r still open")
def wd07(c):
    return E([c.open_count(c.sel(product="MG Special"))])


@q("wording", "holdout", "Rocco Neubert", "how'd my guys do in august 2017? total won")
def wd08(c):
    return E([c.won_revenue(c.sel(c.visible("Rocco Neubert"), closed=month(2017, 8)))])


@q("wording", "dev", "ops", "avg deal size for jonathan")
def wd09(c):
    return E([c.avg_won(c.sel(agent="Jonathan Berthelot"))])


@q("wording", "holdout", "ops", "on average how long do our wins take from first engagement to close")
def wd10(c):
    return E([c.avg_cycle(c.deals)])


@q("wording", "dev", "ops", "money we made off Initech?")
def wd11(c):
    return E([c.won_revenue(c.sel(account="Initech"))])


@q("wording", "holdout", "ops", "no. of deals the east office lost in oct 2017")
def wd12(c):
    return E([c.lost_count(c.sel(office="East", closed=month(2017, 10)))])


@q("wording", "holdout", "ops", "how many ppl work at kinnamplus")
def wd13(c):
    return E([firm(c, "Kinnamplus", "employees")])


@q("wording", "dev", "Elease Gluck", "what did i close in dec 2017")
def wd14(c):
    return E([c.won_revenue(c.sel(c.visible("Elease Gluck"), closed=month(2017, 12)))])


@q("wording", "holdout", "ops", "Maureen's win rate pls")
def wd15(c):
    return E([c.win_rate(c.sel(agent="Maureen Marcano"))])


@q("wording", "dev", "ops", "what's the sticker price on an MG Advanced")
def wd16(c):
    return E([c.price["MG Advanced"]])


@q("wording", "holdout", "ops", "who sold the most in 2017")
def wd17(c):
    # "sold the most" could be counted in deals or in dollars: the same rep leads both, so only the name is expected
    by = c.by(c.sel(stage="won", closed=year(2017)), lambda d: d.agent)
    rep = top1(by, key=lambda a: c.won_revenue(by[a]))
    assert rep == top1(by, key=lambda a: len(by[a]))
    return E([], [rep])


@q("wording", "dev", "ops", "how many deals haven't we won")
def wd18(c):
    return E([len([d for d in c.deals if d.stage != "Won"])], absent=[c.won_count(c.deals)])


@q("wording", "holdout", "ops", "how many of Darcel's deals were not lost")
def wd19(c):
    mine = c.sel(agent="Darcel Schlecht")
    return E([len([d for d in mine if d.stage != "Lost"])], absent=[c.lost_count(mine)])


@q("wording", "holdout", "ops", "deals that are still open or were lost, how many?")
def wd20(c):
    return E([c.lost_count(c.deals) + c.open_count(c.deals)])


@q("wording", "dev", "ops", "how many MG Special deals did we not win")
def wd21(c):
    mg = c.sel(product="MG Special")
    return E([len([d for d in mg if d.stage != "Won"])], absent=[c.won_count(mg)])


@q("wording", "holdout", "ops", "top 3 reps by number of wins")
def wd22(c):
    by = c.by(c.sel(stage="won"), lambda d: d.agent)
    reps = best(by, key=lambda a: len(by[a]), n=3)
    return E([len(by[a]) for a in reps], reps)


@q("wording", "holdout", "Rocco Neubert", "top 2 of my reps by deals won")
def wd23(c):
    by = c.by(c.sel(c.visible("Rocco Neubert"), stage="won"), lambda d: d.agent)
    reps = best(by, key=lambda a: len(by[a]), n=2)
    return E([len(by[a]) for a in reps], reps)


@q("wording", "dev", "ops", "avg deal sz for MG Advanced")
def wd24(c):
    return E([c.avg_won(c.sel(product="MG Advanced"))])


@q("wording", "holdout", "ops", "won rev from GTX Plus Basic in q4 2017")
def wd25(c):
    return E([c.won_revenue(c.sel(product="GTX Plus Basic", closed=quarter(2017, 4)))])


@q("wording", "dev", "ops", "closed deals in H1 2017, won and lost together")
def wd26(c):
    return E([len(c.sel(stage="closed", closed=half(2017, 1)))])


@q("wording", "holdout", "ops", "how many Konex deals are not closed yet")
def wd28(c):
    return E([c.open_count(c.sel(account="Konex"))], absent=[len(c.sel(account="Konex", stage="closed"))])


@q("wording", "dev", "ops", "how many deals closed in Q4 2017")
def wd27(c):
    return E([len(c.sel(stage="closed", closed=quarter(2017, 4)))], absent=[c.won_count(c.sel(closed=quarter(2017, 4)))])


# ---- cross: a figure by two groupings at once (the top three pairs are expected) --------------------------
def _q(d: Deal) -> str:
    return f"{d.close.year}-Q{(d.close.month - 1) // 3 + 1}"


def _top_pairs(c, ds, key, figure, n: int = 3) -> dict:
    by = c.by(ds, key)
    pairs = best(by, key=lambda k: figure(by[k]), n=n)
    return E([figure(by[k]) for k in pairs])


@q("cross", "dev", "ops", "won revenue by office and product")
def cr01(c):
    return _top_pairs(c, c.sel(stage="won"), lambda d: f"{d.office}|{d.product}", c.won_revenue)


@q("cross", "dev", "Melvin Marxen", "my team's won revenue by rep and sector")
def cr02(c):
    return _top_pairs(c, c.sel(c.visible("Melvin Marxen"), stage="won"), lambda d: d.sector and f"{d.agent}|{d.sector}",
                      c.won_revenue)


@q("cross", "dev", "ops", "how much did we win by product and quarter in 2017")
def cr03(c):
    return _top_pairs(c, c.sel(stage="won", closed=year(2017)), lambda d: f"{d.product}|{_q(d)}", c.won_revenue)


@q("cross", "dev", "ops", "win rate by office and sector")
def cr04(c):
    return _top_pairs(c, c.sel(stage="closed"), lambda d: d.sector and f"{d.office}|{d.sector}", c.win_rate)


@q("cross", "dev", "ops", "average won deal size by office and product")
def cr05(c):
    return _top_pairs(c, c.sel(stage="won"), lambda d: f"{d.office}|{d.product}", c.avg_won)


@q("cross", "dev", "Darcel Schlecht", "my won revenue broken down by sector and product")
def cr06(c):
    return _top_pairs(c, c.sel(c.visible("Darcel Schlecht"), stage="won"),
                      lambda d: d.sector and f"{d.sector}|{d.product}", c.won_revenue)


@q("cross", "holdout", "ops", "lost deals per office and product")
def cr07(c):
    return _top_pairs(c, c.sel(stage="lost"), lambda d: f"{d.office}|{d.product}", len)


@q("cross", "holdout", "ops", "Total won revenue for each sector and each quarter of 2017")
def cr08(c):
    return _top_pairs(c, c.sel(stage="won", closed=year(2017)), lambda d: d.sector and f"{d.sector}|{_q(d)}",
                      c.won_revenue)


@q("cross", "holdout", "Dustin Brinkmann", "won revenue for my team split by rep and product")
def cr09(c):
    return _top_pairs(c, c.sel(c.visible("Dustin Brinkmann"), stage="won"), lambda d: f"{d.agent}|{d.product}",
                      c.won_revenue)


@q("cross", "holdout", "ops", "average deal size by manager and sector")
def cr10(c):
    return _top_pairs(c, c.sel(stage="won"), lambda d: d.sector and f"{d.manager}|{d.sector}", c.avg_won)


@q("cross", "holdout", "ops", "win rate per manager per quarter in 2017")
def cr11(c):
    return _top_pairs(c, c.sel(stage="closed", closed=year(2017)), lambda d: f"{d.manager}|{_q(d)}", c.win_rate)


@q("cross", "holdout", "ops", "won revenue by product and office in Q3 2017")
def cr12(c):
    return _top_pairs(c, c.sel(stage="won", closed=quarter(2017, 3)), lambda d: f"{d.product}|{d.office}",
                      c.won_revenue)


@q("cross", "holdout", "Anna Snelling", "how much have I won by sector and quarter")
def cr13(c):
    return _top_pairs(c, c.sel(c.visible("Anna Snelling"), stage="won"), lambda d: d.sector and f"{d.sector}|{_q(d)}",
                      c.won_revenue)


@q("cross", "holdout", "ops", "number of won deals by manager and sector")
def cr14(c):
    return _top_pairs(c, c.sel(stage="won"), lambda d: d.sector and f"{d.manager}|{d.sector}", len)


# ---- unanswerable: the CRM holds nothing to answer these ----------------------------------------------
def _unanswerable(c):
    return DECLINE()


for _i, (_split, _user, _text) in enumerate([
    ("dev", "ops", "What will our won revenue be in Q1 2018?"),
    ("holdout", "ops", "What's Konex's NPS score?"),
    ("holdout", "ops", "How much salary does Darcel Schlecht make?"),
    ("dev", "ops", "What's our gross margin on GTX Pro?"),
    ("holdout", "ops", "What commission rate do our reps get?"),
    ("dev", "ops", "Who is the CEO of Hottechi?"),
    ("holdout", "ops", "Which competitors do we run into most often?"),
    ("holdout", "ops", "forecast GTX Plus Pro sales for next year"),
    ("dev", "ops", "What's Kami Bicknell's quota this quarter?"),
    ("holdout", "ops", "How satisfied is Cancity with us?"),
    ("dev", "ops", "What's Xx-holding's share price today?"),
    ("holdout", "ops", "How many support tickets has Initech opened?"),
    ("holdout", "ops", "How much did we spend on marketing in 2017?"),
    ("dev", "Kary Hendrixson", "how big will my bonus be this year"),
    ("holdout", "ops", "Which of our reps is most likely to quit this year?"),
    ("dev", "ops", "How many GTX Basic units do we have in the warehouse?"),
    ("holdout", "Celia Rouche", "how many vacation days does my team have left"),
], start=1):
    q("unanswerable", _split, _user, _text, cid=f"un{_i:02d}")(_unanswerable)


# ---- more dev questions: bottom-N rankings, revenue of non-accounts, the biggest deal, shares and averages ----
@q("periods", "dev", "ops", "how many deals are still open from Q1 2017")
def xper01(c):
    return E([c.open_count(c.sel(engaged=quarter(2017, 1)))])


@q("comparisons", "dev", "ops", "how many employees does Kan-code have vs Konex")
def xcmp01(c):
    return E([firm(c, "Kan-code", "employees"), firm(c, "Konex", "employees")])


@q("multi_part", "dev", "ops", "revenue per won deal and win rate for Kary Hendrixson")
def xmul01(c):
    ds = c.sel(agent="Kary Hendrixson")
    return E([c.avg_won(ds), c.win_rate(ds)])


@q("attributes", "dev", "ops", "whats the most expensive product we sell")
def xatt01(c):
    p = top1(c.price, key=c.price.get)
    return E([c.price[p]], [p])


@q("extremes", "dev", "ops", "who closed the biggest deal in Nov 2017?")
def xext01(c):
    d = biggest_wins(c, c.sel(closed=month(2017, 11)), 1)[0]
    return E([d.value], [d.agent, d.id])


@q("lists", "dev", "ops", "the 3 lowest products by revenue")
def xlst01(c):
    ps = best(c.price, key=lambda p: c.won_revenue(c.sel(product=p)), n=3, lowest=True)
    return E([c.won_revenue(c.sel(product=p)) for p in ps], ps)


@q("people", "dev", "ops", "bottom 3 managers by revenue")
def xppl01(c):
    ms = best(c.managers, key=lambda m: c.won_revenue(c.sel(manager=m)), n=3, lowest=True)
    return E([c.won_revenue(c.sel(manager=m)) for m in ms], ms)


@q("my", "dev", "Darcel Schlecht", "what % of my deals did I win")
def xmy01(c):
    return E([c.win_rate(c.visible("Darcel Schlecht"))])


@q("scope", "dev", "Rocco Neubert", "what % of deals did Darcel Schlecht win?")
def xsco01(c):
    ds = c.sel(agent="Darcel Schlecht")
    c.check_outside("Rocco Neubert", ds)
    return REFUSE([c.win_rate(ds)])


@q("unanswerable", "dev", "ops", "which product has the most employees")
def xuna01(c):
    return DECLINE()


# =========================================================================================================
# dialogues: one function per dialogue, returning its turns as (input, expectation)
# =========================================================================================================
def oldest_engaging(c: Crm, ds: list[Deal]) -> Deal:
    return top1([d for d in ds if d.stage == "Engaging"], key=lambda d: d.engage, lowest=True)


@dialogue("dev", "ops")
def dlg01(c):
    may, apr, jun = month(2017, 5), month(2017, 4), month(2017, 6)
    return [
        ("How many deals did we win in May 2017?", E([c.won_count(c.sel(closed=may))])),
        ("and the month before?", E([c.won_count(c.sel(closed=apr))])),
        ("what was the win rate that month?", E([c.win_rate(c.sel(closed=apr))])),
        ("how does that compare with June?", E([c.win_rate(c.sel(closed=apr)), c.win_rate(c.sel(closed=jun))])),
    ]


@dialogue("holdout", "ops")
def dlg02(c):
    rosie, wilburn = c.sel(agent="Rosie Papadopoulos"), c.sel(agent="Wilburn Farren")
    managers = {c.manager_of(a) for a in ("Corliss Cosme", "Rosie Papadopoulos", "Wilburn Farren")}
    assert len(managers) == 1
    return [
        ("What's Corliss Cosme's total won revenue?", E([c.won_revenue(c.sel(agent="Corliss Cosme"))])),
        ("what about Rosie Papadopoulos?", E([c.won_revenue(rosie)])),
        ("how does that compare with Wilburn Farren?", E([c.won_revenue(rosie), c.won_revenue(wilburn)])),
        ("who do those three report to?", E(names=sorted(managers))),
    ]


@dialogue("dev", "Kary Hendrixson")
def dlg03(c):
    mine = c.visible("Kary Hendrixson")
    mga = c.sel(mine, stage="open", product="MG Advanced")
    assert 0 < len(mga) <= 8
    return [
        ("how many deals have i got open", E([c.open_count(mine)])),
        ("only MG Advanced", E([c.open_count(mga)])),
        ("list them", E(names=ids_and_accounts(mga))),
        ("which one has been sitting in Engaging the longest?", E(names=[oldest_engaging(c, mga).id])),
    ]


@dialogue("holdout", "ops")
def dlg04(c):
    ds = c.sel(account="Rangreen")
    big = top1(c.won(ds), key=lambda d: d.value)
    return [
        ("How many deals have we had with Rangreen in total?", E([len(ds)])),
        ("just the won ones", E([c.won_count(ds)])),
        ("how much were they worth?", E([c.won_revenue(ds)])),
        ("who closed the biggest one?", E([big.value], [big.agent])),
    ]


@dialogue("dev", "Celia Rouche")
def dlg05(c):
    mine = c.visible("Celia Rouche")
    q3_gpp = c.sel(mine, stage="won", closed=quarter(2017, 3), product="GTX Plus Pro")
    by = c.by(q3_gpp, lambda d: d.agent)
    rep = top1(by, key=lambda a: c.won_revenue(by[a]))
    return [
        ("what did my team bring in during Q2 2017?", E([c.won_revenue(c.sel(mine, closed=quarter(2017, 2)))])),
        ("and in Q3?", E([c.won_revenue(c.sel(mine, closed=quarter(2017, 3)))])),
        ("only GTX Plus Pro", E([c.won_revenue(q3_gpp)])),
        ("which of my reps brought in the most of that?", E([c.won_revenue(by[rep])], [rep])),
    ]


@dialogue("holdout", "ops")
def dlg06(c):
    ds = c.sel(account="Funholding")
    by = c.by(c.lost(ds), lambda d: d.agent)
    rep = top1(by, key=lambda a: len(by[a]))
    assert rep == "Anna Snelling"  # the pronoun in the last turn is written for her
    return [
        ("What's our win rate with Funholding?", E([c.win_rate(ds)])),
        ("how many of those deals did we lose?", E([c.lost_count(ds)])),
        ("which rep lost the most of them?", E([len(by[rep])], [rep])),
        ("which office is she in?", E(names=[c.office_of(rep)])),
    ]


@dialogue("dev", "ops")
def dlg07(c):
    ds = c.sel(stage="won", product="GTK 500", closed=half(2017, 1))
    assert 0 < len(ds) <= 8
    by_value = best(ds, key=lambda d: d.value, n=len(ds))
    return [
        ("How many GTK 500 deals did we win in the first half of 2017?", E([len(ds)])),
        ("list them", E(names=ids_and_accounts(sorted(ds, key=lambda d: d.id)))),
        ("sort them by value", E([d.value for d in by_value], [d.id for d in by_value])),
        ("which of those is the biggest, and which account was it?", E([by_value[0].value], [by_value[0].account])),
    ]


@dialogue("holdout", "Vicki Laflamme")
def dlg08(c):
    mine = c.visible("Vicki Laflamme")
    q3, q4 = c.sel(mine, closed=quarter(2017, 3)), c.sel(mine, closed=quarter(2017, 4))
    return [
        ("what's my overall win rate", E([c.win_rate(mine)])),
        ("and in Q4 2017?", E([c.win_rate(q4)])),
        ("how does that compare with Q3?", E([c.win_rate(q4), c.win_rate(q3)])),
        ("how many deals did I lose in Q3?", E([c.lost_count(q3)])),
    ]


@dialogue("dev", "ops")
def dlg09(c):
    by = c.by(c.sel(stage="closed"), lambda d: d.sector)
    s = top1(by, key=lambda s: c.win_rate(by[s]), lowest=True)
    assert s == "finance"  # the last turn names it
    h1 = c.sel(sector=s, stage="won", closed=half(2017, 1))
    by_acc = c.by(h1, lambda d: d.account)
    acc = top1(by_acc, key=lambda a: c.won_revenue(by_acc[a]))
    return [
        ("Which sector has the lowest win rate?", E([c.win_rate(by[s])], [s])),
        ("how much have we won from it?", E([c.won_revenue(c.sel(sector=s))])),
        ("and in H1 2017 only?", E([c.won_revenue(h1)])),
        ("which finance account brought in the most in that half?", E([c.won_revenue(by_acc[acc])], [acc])),
    ]


@dialogue("holdout", "Melvin Marxen")
def dlg10(c):
    q2 = quarter(2017, 2)
    hayden = c.sel(agent="Hayden Neloms", closed=q2)
    c.check_outside("Melvin Marxen", hayden)
    by = c.by(c.sel(c.visible("Melvin Marxen"), stage="won", closed=q2), lambda d: d.agent)
    rep = top1(by, key=lambda a: len(by[a]))
    return [
        ("how many deals did Niesha Huffines win in Q2 2017?", E([c.won_count(c.sel(agent="Niesha Huffines", closed=q2))])),
        ("what about Marty Freudenburg?", E([c.won_count(c.sel(agent="Marty Freudenburg", closed=q2))])),
        ("and Hayden Neloms?", REFUSE([c.won_count(hayden)])),
        ("ok - who on my team won the most deals that quarter?", E([len(by[rep])], [rep])),
    ]


@dialogue("dev", "ops")
def dlg11(c):
    mga, gb = c.avg_cycle(c.sel(product="MG Advanced")), c.avg_cycle(c.sel(product="GTX Basic"))
    assert mga < gb  # the faster one is named below
    return [
        ("What's the average sales cycle on won MG Advanced deals?", E([mga])),
        ("and GTX Basic?", E([gb])),
        ("which of the two closes faster?", E(names=["MG Advanced"])),
        ("just MG Advanced in the East office", E([c.avg_cycle(c.sel(product="MG Advanced", office="East"))])),
    ]


@dialogue("holdout", "ops")
def dlg12(c):
    subs = c.subsidiaries("Bubba Gump")
    rev = {a: c.won_revenue(c.sel(account=a)) for a in subs}
    assert len(set(rev.values())) == len(rev)
    return [
        ("Tell me about Bubba Gump - what sector, and how many employees?",
         E([firm(c, "Bubba Gump", "employees")], [firm(c, "Bubba Gump", "sector")])),
        ("which accounts are its subsidiaries?", E(names=subs)),
        ("how much have we won from those subsidiaries in total?", E([c.won_revenue(c.sel(account=subs))])),
        ("which of them brought in more?", E([rev[a] for a in subs], [max(rev, key=rev.get)])),
    ]


@dialogue("dev", "Dustin Brinkmann")
def dlg13(c):
    mine = c.visible("Dustin Brinkmann")
    by = c.by(c.sel(mine, stage="closed"), lambda d: d.agent)
    rep = top1(by, key=lambda a: c.win_rate(by[a]), lowest=True)
    assert rep == "Lajuana Vencill"  # "she" below
    theirs = c.sel(agent=rep, stage="open")
    return [
        ("how's my team's win rate looking?", E([c.win_rate(mine)])),
        ("who on my team has the lowest?", E([c.win_rate(by[rep])], [rep])),
        ("how many open deals does she have?", E([c.open_count(theirs)])),
        ("only the GTX Plus Basic ones", E([c.open_count(c.sel(theirs, product="GTX Plus Basic"))])),
    ]


@dialogue("holdout", "ops")
def dlg14(c):
    q3 = quarter(2017, 3)
    by = c.by(c.sel(stage="lost", closed=q3), lambda d: d.office)
    worst = top1(by, key=lambda o: len(by[o]))
    return [
        ("How much did we win in the third quarter of 2017?", E([c.won_revenue(c.sel(closed=q3))])),
        ("break that down by office",
         E([c.won_revenue(c.sel(office=o, closed=q3)) for o in c.offices], c.offices)),
        ("which office lost the most deals that quarter?", E([len(by[worst])], [worst])),
    ]


@dialogue("dev", "Reed Clapper")
def dlg15(c):
    mine = c.visible("Reed Clapper")
    big = top1(c.won(mine), key=lambda d: d.value)
    return [
        ("what's my biggest win?", E([big.value], [big.account])),
        ("what industry is that account in?", E(names=[firm(c, big.account, "sector")])),
        ("how many employees do they have?", E([firm(c, big.account, "employees")])),
        ("how much have I won from them in total?", E([c.won_revenue(c.sel(mine, account=big.account))])),
    ]


@dialogue("holdout", "ops")
def dlg16(c):
    ds = c.sel(agent="Gladys Colclough", stage="open")
    gp = c.sel(ds, product="GTX Pro")
    return [
        ("How many open deals does Gladys Colclough have?", E([c.open_count(ds)])),
        ("what are they worth at list price?", E([c.open_list_value(ds)])),
        ("only the GTX Pro ones", E([c.open_list_value(gp)])),
        ("which of those has been engaging the longest?", E(names=[oldest_engaging(c, gp).id])),
    ]


@dialogue("dev", "ops")
def dlg17(c):
    sep, aug = month(2017, 9), month(2017, 8)
    return [
        ("How many deals did Cassey Cress lose in Sept 2017?", E([c.lost_count(c.sel(agent="Cassey Cress", closed=sep))])),
        ("the month before?", E([c.lost_count(c.sel(agent="Cassey Cress", closed=aug))])),
        ("what about Boris Faz in that month?", E([c.lost_count(c.sel(agent="Boris Faz", closed=aug))])),
        ("and his won revenue in August?", E([c.won_revenue(c.sel(agent="Boris Faz", closed=aug))])),
    ]


@dialogue("holdout", "Summer Sewald")
def dlg18(c):
    mine = c.visible("Summer Sewald")
    other = c.sel(manager="Celia Rouche")
    c.check_outside("Summer Sewald", other)
    ms = c.sel(mine, stage="open", product="MG Special")
    by = c.by(ms, lambda d: d.agent)
    rep = top1(by, key=lambda a: len(by[a]))
    return [
        ("how many open deals does my team have", E([c.open_count(mine)])),
        ("what about Celia Rouche's team?", REFUSE([c.open_count(other)])),
        ("ok, just mine then - only MG Special", E([c.open_count(ms)])),
        ("which of my reps has the most of those?", E([len(by[rep])], [rep])),
    ]


# =========================================================================================================
# building, checking, writing
# =========================================================================================================
def build(c: Crm) -> tuple[list[dict], list[dict]]:
    singles = [{"id": k.id, "family": k.family, "split": k.split, "user": k.user, "input": k.input,
                "expect": k.fn(c)} for k in CASES]
    dialogs = [{"id": d.id, "family": "dialogue", "split": d.split, "user": d.user,
                "turns": [{"input": text, "expect": exp} for text, exp in d.fn(c)]} for d in DIALOGS]
    return singles, dialogs


def _near(stated: float, expected: float) -> bool:
    """The judge's tolerance: max(0.5, 0.5 % of the expected figure)."""
    return abs(stated - expected) <= max(0.5, 0.005 * abs(expected))


def validate(c: Crm, singles: list[dict], dialogs: list[dict]) -> list[str]:
    """The set's own rules; a list of problems (empty when all is well)."""
    bad: list[str] = []
    ids = [r["id"] for r in singles + dialogs]
    if len(ids) != len(set(ids)):
        bad.append("duplicate ids")
    users = {"ops", *c.org, *c.managers}

    def check_expect(where: str, user: str, e: dict) -> None:
        if set(e) - {"numbers", "names", "absent_numbers", "refuse", "decline"}:
            bad.append(f"{where}: unknown keys")
        for n in e["numbers"] + e["absent_numbers"]:
            if not isinstance(n, (int, float)) or isinstance(n, bool):
                bad.append(f"{where}: {n!r} is not a number")
        for n in e["names"]:
            if not isinstance(n, str) or not n.strip():
                bad.append(f"{where}: bad name {n!r}")
        for a in e["absent_numbers"]:
            if any(_near(a, n) for n in e["numbers"]):
                bad.append(f"{where}: absent number {a} is also (nearly) expected")
        ns = e["numbers"]
        for i, a in enumerate(ns):
            if any(_near(a, b) or _near(b, a) for b in ns[i + 1:]):
                bad.append(f"{where}: expected numbers {a} and another are too close for a judge to tell apart")
        if e.get("refuse") and (user == "ops" or not e["absent_numbers"]):
            bad.append(f"{where}: a refusal needs a scoped user and the real figure")
        if e.get("decline") and (e["numbers"] or e["names"] or e["absent_numbers"]):
            bad.append(f"{where}: a decline expects nothing")
        if not (e["numbers"] or e["names"] or e.get("refuse") or e.get("decline")):
            bad.append(f"{where}: expects nothing")

    by_family: dict[str, list[dict]] = defaultdict(list)
    for r in singles:
        by_family[r["family"]].append(r)
        if r["family"] not in FAMILIES:
            bad.append(f"{r['id']}: unknown family {r['family']}")
        if r["user"] not in users:
            bad.append(f"{r['id']}: unknown user {r['user']}")
        if r["split"] not in ("dev", "holdout"):
            bad.append(f"{r['id']}: bad split")
        e = r["expect"]
        check_expect(r["id"], r["user"], e)
        if (r["family"] == "scope") != bool(e.get("refuse")):
            bad.append(f"{r['id']}: scope cases, and only they, refuse")
        if (r["family"] == "unanswerable") != bool(e.get("decline")):
            bad.append(f"{r['id']}: unanswerable cases, and only they, decline")
        if r["family"] == "my" and r["user"] == "ops":
            bad.append(f"{r['id']}: a 'my' question needs a rep or a manager")
    if len(singles) < 170:
        bad.append(f"only {len(singles)} single questions")
    for fam in FAMILIES:
        rs = by_family.get(fam, [])
        dev = sum(r["split"] == "dev" for r in rs)
        if len(rs) < 14 or abs(dev - 0.4 * len(rs)) > 1:
            bad.append(f"family {fam}: {len(rs)} cases, {dev} dev (want about 40%)")
    for d in dialogs:
        if d["user"] not in users:
            bad.append(f"{d['id']}: unknown user")
        if len(d["turns"]) < 2:
            bad.append(f"{d['id']}: a dialogue needs follow-ups")
        for i, t in enumerate(d["turns"], 1):
            check_expect(f"{d['id']} turn {i}", d["user"], t["expect"])
    if len(dialogs) < 16 or 2 * sum(d["split"] == "dev" for d in dialogs) != len(dialogs):
        bad.append(f"{len(dialogs)} dialogues, want at least 16, half dev")
    return bad


def dump(rows: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def compare(path: Path, rows: list[dict]) -> list[str]:
    if not path.exists():
        return [f"{path.name}: missing (run --write)"]
    on_disk = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    want = {r["id"]: r for r in rows}
    have = {r["id"]: r for r in on_disk}
    out = [f"{path.name}: {i} is not computed here" for i in have if i not in want]
    out += [f"{path.name}: {i} is missing from the file" for i in want if i not in have]
    for i in want:
        if i in have and have[i] != want[i]:
            out.append(f"{path.name}: {i} differs\n    file:     {json.dumps(have[i])}\n    computed: {json.dumps(want[i])}")
    if not out and path.read_text(encoding="utf-8") != dump(rows):
        out.append(f"{path.name}: same content, different order or layout (run --write)")
    return out


def summary(singles: list[dict], dialogs: list[dict]) -> str:
    lines = [f"{'family':<14}{'dev':>5}{'holdout':>9}{'total':>7}"]
    for fam in FAMILIES + ("dialogue",):
        rs = [r for r in singles + dialogs if r["family"] == fam]
        dev = sum(r["split"] == "dev" for r in rs)
        lines.append(f"{fam:<14}{dev:>5}{len(rs) - dev:>9}{len(rs):>7}")
    turns = sum(len(d["turns"]) for d in dialogs)
    lines.append(f"{len(singles)} questions, {len(dialogs)} dialogues ({turns} turns)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="recompute and compare with the .jsonl files")
    mode.add_argument("--write", action="store_true", help="regenerate the .jsonl files")
    mode.add_argument("--show", metavar="ID", nargs="+", help="print the computed record of these ids")
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("MAVEN_DIR") or DEFAULT_DATA),
                    help="folder of the Maven CSVs (default: ../shared/data/maven-crm or $MAVEN_DIR)")
    args = ap.parse_args(argv)
    if not (args.data / "sales_pipeline.csv").is_file():
        print(f"error: the Maven CRM files are not in {args.data}", file=sys.stderr)
        return 2
    c = Crm(args.data)
    try:
        singles, dialogs = build(c)
    except (Ambiguous, AssertionError) as e:
        print(f"error: a case is not well defined: {e!r}", file=sys.stderr)
        return 2
    problems = validate(c, singles, dialogs)
    if problems:
        print("error: the set breaks its own rules:\n  " + "\n  ".join(problems), file=sys.stderr)
        return 2
    if args.show:
        for r in singles + dialogs:
            if r["id"] in args.show:
                print(json.dumps(r, ensure_ascii=False, indent=1))
        return 0
    if args.write:
        PARAPHRASE.write_text(dump(singles), encoding="utf-8")
        DIALOGUES.write_text(dump(dialogs), encoding="utf-8")
        print(f"wrote {PARAPHRASE.name} and {DIALOGUES.name}\n{summary(singles, dialogs)}")
        return 0
    diffs = compare(PARAPHRASE, singles) + compare(DIALOGUES, dialogs)
    if diffs:
        print("\n".join(diffs))
        print(f"FAILED: {len(diffs)} difference(s)")
        return 1
    n = len(singles) + sum(len(d["turns"]) for d in dialogs)
    print(f"{summary(singles, dialogs)}\nOK: all {n} expectations recomputed and equal")
    return 0


if __name__ == "__main__":
    sys.exit(main())
