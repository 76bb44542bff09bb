"""Every kind of bad input: one clear message, the right exit code, and the database unchanged."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from tests.cli import run_cli
from tests.conftest import snapshot

Setup = Callable[[Path], list[str]]


def _copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Each case: (id, how to break the files, expected exit code, text the message must contain)
def maven_missing_column(d: Path) -> list[str]:
    _edit(d / "accounts.csv", "account,sector,", "account,")
    return ["import", "maven", str(d)]


def maven_extra_column(d: Path) -> list[str]:
    _edit(d / "products.csv", "product,series,sales_price", "product,series,sales_price,colour")
    return ["import", "maven", str(d)]


def maven_bad_date(d: Path) -> list[str]:
    _edit(d / "sales_pipeline.csv", "2016-10-20,2017-03-01,1054", "2016-10-20,2017-13-45,1054")
    return ["import", "maven", str(d)]


def maven_unknown_product(d: Path) -> list[str]:
    _edit(d / "sales_pipeline.csv", "Moses Frase,GTX Plus Basic,Cancity", "Moses Frase,GTX Ultra,Cancity")
    return ["import", "maven", str(d)]


def maven_duplicate_id(d: Path) -> list[str]:
    _edit(d / "sales_pipeline.csv", "Z063OYW0,Darcel Schlecht", "1C1I7A6R,Darcel Schlecht")
    return ["import", "maven", str(d)]


def maven_not_utf8(d: Path) -> list[str]:
    data = (d / "accounts.csv").read_bytes().replace(b"Betasoloin", b"Betas\xf6loin")
    (d / "accounts.csv").write_bytes(data)
    return ["import", "maven", str(d)]


def maven_empty_file(d: Path) -> list[str]:
    (d / "sales_teams.csv").write_bytes(b"")
    return ["import", "maven", str(d)]


def maven_directory_instead_of_file(d: Path) -> list[str]:
    (d / "products.csv").unlink()
    (d / "products.csv").mkdir()
    return ["import", "maven", str(d)]


def maven_missing_file(d: Path) -> list[str]:
    (d / "sales_teams.csv").unlink()
    return ["import", "maven", str(d)]


def maven_file_instead_of_directory(d: Path) -> list[str]:
    return ["import", "maven", str(d / "accounts.csv")]


def maven_short_row(d: Path) -> list[str]:
    _edit(d / "sales_pipeline.csv", "EC4QE1BX,Darcel Schlecht,MG Special,Cancity,Won,2016-10-25,2017-03-07,50",
          "EC4QE1BX,Darcel Schlecht,MG Special,Cancity,Won,2016-10-25")
    return ["import", "maven", str(d)]


def maven_bad_quote(d: Path) -> list[str]:
    _edit(d / "accounts.csv", "Betasoloin,medical", 'Betasoloin,"medical')
    return ["import", "maven", str(d)]


CASES: list[tuple[Setup, int, list[str]]] = [
    (maven_missing_column, 2, ["accounts.csv:1", "missing column(s): sector"]),
    (maven_extra_column, 2, ["products.csv:1", "unexpected column(s): colour"]),
    (maven_bad_date, 1, ["sales_pipeline.csv:2", "close_date '2017-13-45' is not a date", "Nothing was written"]),
    (maven_unknown_product, 1, ["sales_pipeline.csv:2", "unknown product 'GTX Ultra'", "Nothing was written"]),
    (maven_duplicate_id, 1, ["sales_pipeline.csv:3", "duplicate opportunity_id '1C1I7A6R'",
                             "first at sales_pipeline.csv:2"]),
    (maven_not_utf8, 2, ["accounts.csv:3", "not valid UTF-8"]),
    (maven_empty_file, 2, ["sales_teams.csv", "the file is empty"]),
    (maven_directory_instead_of_file, 2, ["products.csv", "is a directory, expected a CSV file"]),
    (maven_missing_file, 2, ["missing file(s): sales_teams.csv"]),
    (maven_file_instead_of_directory, 2, ["accounts.csv", "expected the directory holding"]),
    (maven_short_row, 1, ["sales_pipeline.csv:4", "expected 8 fields, found 6"]),
    (maven_bad_quote, 1, ["accounts.csv:3", "expected 7 fields"]),
]


@pytest.mark.parametrize(("setup", "code", "expected"), CASES, ids=[c[0].__name__ for c in CASES])
def test_bad_maven_files(setup: Setup, code: int, expected: list[str], maven_dir: Path, demo_dir: Path,
                         db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                         monkeypatch: pytest.MonkeyPatch) -> None:
    home = str(tmp_path / "home")
    # The database already holds data, so "unchanged" is a real check, not an empty one.
    first = run_cli(["import", "maven", str(demo_dir)], capsys, monkeypatch, home=home, database_url=db_url)
    assert first.code == 0, first.out + first.err
    engine = create_engine(db_url)
    before = snapshot(engine)
    args = setup(_copy(maven_dir, tmp_path / "bad"))
    result = run_cli(args, capsys, monkeypatch, home=home, database_url=db_url)
    shown = result.out + result.err
    assert result.code == code, shown
    for text in expected:
        assert text in shown, f"{text!r} not in:\n{shown}"
    assert "Traceback" not in shown
    assert snapshot(engine) == before
    engine.dispose()


def test_allow_rejects_imports_the_good_rows(maven_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    bad = _copy(maven_dir, tmp_path / "bad")
    maven_unknown_product(bad)
    home = str(tmp_path / "home")
    result = run_cli(["import", "maven", str(bad), "--allow-rejects"], capsys, monkeypatch, home=home)
    assert result.code == 0, result.out + result.err
    assert "Rejected rows: 1" in result.out and "Committed" in result.out
    status = run_cli(["db", "status"], capsys, monkeypatch, home=home)
    assert "opportunities: 8,799" in status.out


def _activities(demo_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    work = tmp_path / "canon"
    work.mkdir()
    for name in ("activities.csv", "contacts.csv"):
        shutil.copy(demo_dir / name, work / name)
    return work / "activities.csv", work / "contacts.csv"


def _first_data_line(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[1]


def activities_bad_timestamp(acts: Path, contacts: Path) -> None:
    line = _first_data_line(acts)
    stamp = line.split(",")[1]
    _edit(acts, line, line.replace(stamp, stamp[:19]))  # no UTC offset


def activities_unknown_contact(acts: Path, contacts: Path) -> None:
    line = _first_data_line(acts)
    email = line.split(",")[6]
    _edit(acts, line, line.replace(email, "nobody@nowhere.example"))


def activities_duplicate_id(acts: Path, contacts: Path) -> None:
    lines = acts.read_text(encoding="utf-8").splitlines()
    second_id = lines[2].split(",")[0]
    _edit(acts, lines[2], lines[2].replace(second_id, lines[1].split(",")[0], 1))


def activities_bad_timezone(acts: Path, contacts: Path) -> None:
    line = _first_data_line(contacts)
    _edit(contacts, line, line.rsplit(",", 1)[0] + ",America/New_Yrok")


def activities_nul_in_body(acts: Path, contacts: Path) -> None:
    line = _first_data_line(acts)
    _edit(acts, line, line.replace("Hi ", "Hi \x00", 1))


def activities_oversized_body(acts: Path, contacts: Path) -> None:
    line = _first_data_line(acts)
    _edit(acts, line, line.replace("Hi ", "Hi " + "x" * 200_000, 1))


def activities_bad_type(acts: Path, contacts: Path) -> None:
    line = _first_data_line(acts)
    parts = line.split(",")
    _edit(acts, line, ",".join([*parts[:2], "fax", *parts[3:]]))


ACTIVITY_CASES = [
    (activities_bad_timestamp, ["activities.csv:2", "has no UTC offset"]),
    (activities_unknown_contact, ["activities.csv:2", "unknown contact_email 'nobody@nowhere.example'"]),
    (activities_duplicate_id, ["activities.csv:3", "duplicate activity_id", "first at activities.csv:2"]),
    (activities_bad_timezone, ["contacts.csv:2", "not a known time zone", "did you mean 'America/New_York'"]),
    (activities_nul_in_body, ["activities.csv:2", "body contains a NUL character"]),
    (activities_oversized_body, ["activities.csv:2", "over the limit of 100,000"]),
    (activities_bad_type, ["activities.csv:2", "type 'fax' is not one of"]),
]


@pytest.mark.parametrize(("setup", "expected"), ACTIVITY_CASES, ids=[c[0].__name__ for c in ACTIVITY_CASES])
def test_bad_activity_files(setup: Callable[[Path, Path], None], expected: list[str], demo_dir: Path, db_url: str,
                            tmp_path: Path, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    home = str(tmp_path / "home")
    assert run_cli(["import", "maven", str(demo_dir)], capsys, monkeypatch, home=home, database_url=db_url).code == 0
    engine = create_engine(db_url)
    before = snapshot(engine)
    acts, contacts = _activities(demo_dir, tmp_path)
    setup(acts, contacts)
    result = run_cli(["import", "activities", str(acts), "--contacts", str(contacts)], capsys, monkeypatch,
                     home=home, database_url=db_url)
    shown = result.out + result.err
    assert result.code == 1, shown
    for text in expected:
        assert text in shown, f"{text!r} not in:\n{shown}"
    assert "Nothing was written" in shown
    assert snapshot(engine) == before
    engine.dispose()


def test_unreachable_database_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch, maven_dir: Path) -> None:
    result = run_cli(["import", "maven", str(maven_dir)], capsys, monkeypatch, home=str(tmp_path),
                     database_url="postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert result.code == 2
    assert "database problem" in result.err and "Traceback" not in result.err


def test_invalid_setting_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch, maven_dir: Path) -> None:
    result = run_cli(["import", "maven", str(maven_dir)], capsys, monkeypatch, home=str(tmp_path),
                     database_url="definitely not a url")
    assert result.code == 2
    assert "invalid settings: COPILOT_DATABASE_URL" in result.err
