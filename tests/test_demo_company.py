"""The synthetic demo company: deterministic, realistic, loadable, and with learnable timing patterns."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections import Counter, defaultdict
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from copilot.demo import generate
from copilot.demo.replies import segment_of


def _digest(directory: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(directory.glob("*.csv")):
        h.update(path.read_bytes())
    return h.hexdigest()


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path) -> None:
    a = generate(tmp_path / "a", deals=150, seed=3)
    b = generate(tmp_path / "b", deals=150, seed=3)
    c = generate(tmp_path / "c", deals=150, seed=4)
    assert _digest(a.directory) == _digest(b.directory) != _digest(c.directory)
    assert "Synthetic" in (a.directory / "SYNTHETIC.txt").read_text()


def test_deal_count_is_bounded(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="between 1 and 100,000"):
        generate(tmp_path, deals=100_001)


def test_company_is_realistic(demo_dir: Path) -> None:
    deals = _read(demo_dir / "sales_pipeline.csv")
    stages = Counter(d["deal_stage"] for d in deals)
    assert set(stages) == {"Prospecting", "Engaging", "Won", "Lost"}
    assert all(d["engage_date"] == "" for d in deals if d["deal_stage"] == "Prospecting")
    assert all(d["close_value"] == "0" for d in deals if d["deal_stage"] == "Lost")
    accounts = _read(demo_dir / "accounts.csv")
    assert len({a["sector"] for a in accounts}) >= 8
    assert Counter(a["tier"] for a in accounts)["key"] >= 4
    contacts = _read(demo_dir / "contacts.csv")
    assert len({c["timezone"] for c in contacts}) >= 8
    assert all(c["contact_email"].endswith(".example") for c in contacts)
    teams = _read(demo_dir / "sales_teams.csv")
    assert len({t["manager"] for t in teams}) == 5 and len({t["regional_office"] for t in teams}) == 5


def test_every_closed_deal_has_varied_notes_with_its_objection(demo_dir: Path) -> None:
    deals = {d["opportunity_id"]: d for d in _read(demo_dir / "sales_pipeline.csv")}
    notes = defaultdict(list)
    for n in _read(demo_dir / "deal_notes.csv"):
        notes[n["opportunity_id"]].append(n)
    closed = [i for i, d in deals.items() if d["deal_stage"] in ("Won", "Lost")]
    assert closed and all(sorted(n["kind"] for n in notes[i]) == ["call_summary", "email", "note"] for i in closed)
    assert set(notes) <= set(closed)
    bodies = [n["body"] for i in closed for n in notes[i] if n["kind"] == "call_summary"]
    assert len(set(bodies)) > 0.9 * len(bodies)  # not one template repeated
    recap = [n["body"] for i in closed for n in notes[i] if n["kind"] == "email"]
    assert all("Objection:" in r and "Product:" in r for r in recap)


def test_reply_timing_follows_the_planted_patterns(tmp_path: Path) -> None:
    out = generate(tmp_path, deals=3000, seed=5, notes=False).directory
    zones = {c["contact_email"]: ZoneInfo(c["timezone"]) for c in _read(out / "contacts.csv")}
    sector = {a["account"]: a["sector"] for a in _read(out / "accounts.csv")}
    rows = _read(out / "activities.csv")
    replied = {r["in_reply_to"] for r in rows if r["in_reply_to"]}
    by_hour: dict[tuple[str, str], list[int]] = defaultdict(list)
    weekend: list[int] = []
    weekday: list[int] = []
    for r in rows:
        if r["direction"] != "outbound" or r["type"] != "email":
            continue
        local = dt.datetime.fromisoformat(r["occurred_at"]).astimezone(zones[r["contact_email"]])
        hit = int(r["activity_id"] in replied)
        band = "early" if 7 <= local.hour < 9 else "midday" if 11 <= local.hour < 14 else "other"
        by_hour[(segment_of(sector[r["account"]]), band)].append(hit)
        (weekend if local.weekday() >= 5 else weekday).append(hit)

    def rate(key: tuple[str, str]) -> float:
        return sum(by_hour[key]) / max(1, len(by_hour[key]))

    # planted: tech answers around midday, health early in the morning
    assert rate(("tech", "midday")) > rate(("tech", "early"))
    assert rate(("health", "early")) > rate(("health", "midday"))
    assert sum(weekday) / len(weekday) > 0.5 * len(replied) / sum(1 for r in rows if r["direction"] == "outbound")
