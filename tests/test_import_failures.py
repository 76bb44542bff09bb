"""Imports that meet a failure: one clear line (file and line), exit code 2, and the database as it was;
or, for a bad row, that row rejected at file:line and the rest imported. Also: imports exclude each other,
a re-import writes only what changed, and rounded money is reported."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, func, select

from connectors.activities import import_activities
from connectors.csvsource import ImportFileError
from connectors.maven import import_maven
from copilot.crm.models import Activity, DataCorrection, DealNote, Opportunity
from tests.cli import Result, run_cli
from tests.conftest import snapshot

MAVEN_FILES = ("accounts.csv", "products.csv", "sales_teams.csv", "sales_pipeline.csv")


# ------------------------------------------------------------------------------------------------- helpers
@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
        db_url: str) -> Callable[..., Result]:
    """The real ``copilot`` command on this test's workspace and database."""
    home = str(tmp_path / "home")

    def run(*args: str) -> Result:
        return run_cli(list(map(str, args)), capsys, monkeypatch, home=home, database_url=db_url)

    return run


@pytest.fixture
def db(db_url: str) -> Iterator[Engine]:
    engine = create_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def loaded(cli: Callable[..., Result], demo_dir: Path) -> None:
    """The workspace holds the demo company, so "unchanged" is a real check, not an empty one."""
    result = cli("import", "maven", demo_dir)
    assert result.code == 0, result.out + result.err


def one_error_line(result: Result, *expected: str) -> str:
    """The run failed with exit code 2 and one line on stderr that says all of ``expected``."""
    shown = result.out + result.err
    assert result.code == 2, shown
    assert "Traceback" not in shown and "unexpected" not in shown, shown
    line = result.err.strip()
    assert line.startswith("error:") and "\n" not in line, result.err
    assert len(line) < 600, line[:1000]
    for text in expected:
        assert text in line, f"{text!r} not in: {line}"
    return line


def canon(demo_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Copies of the demo's activities.csv and contacts.csv to break."""
    work = tmp_path / "canon"
    work.mkdir(exist_ok=True)
    for name in ("activities.csv", "contacts.csv", "deal_notes.csv"):
        shutil.copy(demo_dir / name, work / name)
    return work / "activities.csv", work / "contacts.csv"


def data_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def edit(path: Path, changes: dict[int, dict[str, str]], *, keep: int | None = None) -> list[list[str]]:
    """Set fields of a CSV file, by line number and column name (the demo's records are one line each);
    with ``keep``, only the first ``keep`` lines remain. Returns the records as written."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))[:keep]
    for line, values in changes.items():
        for column, value in values.items():
            rows[line - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return rows


def count(engine: Engine, model: type) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def ids(engine: Engine, model: type) -> set[str]:
    with engine.connect() as conn:
        return set(conn.scalars(select(model.id)))


# ------------------------------------------------------------------ 1. timestamps that overflow in UTC
OVERFLOWING = ["0001-01-01T00:30:00+05:00", "9999-12-31T23:30:00-05:00"]


def test_timestamps_overflowing_in_utc_reject_their_row(cli: Callable[..., Result], loaded: None, db: Engine,
                                                        demo_dir: Path, tmp_path: Path) -> None:
    acts, contacts = canon(demo_dir, tmp_path)
    rows = edit(acts, {2: {"occurred_at": OVERFLOWING[0]}, 3: {"occurred_at": OVERFLOWING[1]}})
    bad = [rows[1][0], rows[2][0]]
    before = snapshot(db)

    refused = cli("import", "activities", acts, "--contacts", contacts)
    shown = refused.out + refused.err
    assert refused.code == 1, shown
    assert "unexpected" not in shown and "Traceback" not in shown
    for where, stamp in (("activities.csv:2", OVERFLOWING[0]), ("activities.csv:3", OVERFLOWING[1])):
        assert f"{where}: occurred_at {stamp!r} is out of range" in shown, shown
    assert "Nothing was written" in shown
    assert snapshot(db) == before

    allowed = cli("import", "activities", acts, "--contacts", contacts, "--allow-rejects")
    assert allowed.code == 0, allowed.out + allowed.err
    assert "Rejected rows: 2" in allowed.out
    stored = ids(db, Activity)
    assert not stored & set(bad)
    assert len(stored) == len(data_lines(acts)) - 1 - 2


# --------------------------------------------------------------------------------- 2. CR-only line endings
def cr_only(path: Path) -> None:
    """Line endings as an old Mac wrote them: CR alone."""
    data = path.read_bytes().replace(b"\r\n", b"\n")
    assert b"\r" not in data
    path.write_bytes(data.replace(b"\n", b"\r"))


def test_cr_only_activity_files_read_like_lf(cli: Callable[..., Result], loaded: None, db: Engine, demo_dir: Path,
                                             tmp_path: Path) -> None:
    acts, contacts = canon(demo_dir, tmp_path)
    cr_only(acts)
    cr_only(contacts)
    result = cli("import", "activities", acts, "--contacts", contacts)
    assert result.code == 0, result.out + result.err
    assert count(db, Activity) == len(data_lines(demo_dir / "activities.csv")) - 1
    with db.connect() as conn:
        first = data_lines(demo_dir / "activities.csv")[1].split(",")[0]
        assert conn.execute(select(Activity.source).where(Activity.id == first)).scalar_one() == "activities.csv:2"
    # the LF originals hold exactly the same rows
    again = cli("import", "activities", demo_dir / "activities.csv", "--contacts", demo_dir / "contacts.csv", "--json")
    assert again.code == 0, again.out + again.err
    totals = json.loads(again.out)["totals"]
    assert totals["inserted"] == totals["updated"] == 0 and totals["unchanged"] == totals["read"]


def test_cr_only_rows_are_rejected_at_their_line(cli: Callable[..., Result], loaded: None, db: Engine,
                                                 demo_dir: Path, tmp_path: Path) -> None:
    acts, contacts = canon(demo_dir, tmp_path)
    edit(acts, {4: {"type": "fax"}})
    cr_only(acts)
    before = snapshot(db)
    result = cli("import", "activities", acts, "--contacts", contacts)
    assert result.code == 1, result.out + result.err
    assert "activities.csv:4: type 'fax' is not one of" in result.out
    assert snapshot(db) == before


def test_cr_only_maven_files_read_like_lf(cli: Callable[..., Result], db: Engine, demo_dir: Path,
                                          tmp_path: Path) -> None:
    folder = tmp_path / "maven-cr"
    folder.mkdir()
    for name in MAVEN_FILES:
        shutil.copy(demo_dir / name, folder / name)
        cr_only(folder / name)
    result = cli("import", "maven", folder)
    assert result.code == 0, result.out + result.err
    assert count(db, Opportunity) == len(data_lines(demo_dir / "sales_pipeline.csv")) - 1
    again = cli("import", "maven", demo_dir, "--json")
    assert again.code == 0, again.out + again.err
    totals = json.loads(again.out)["totals"]
    assert totals["inserted"] == totals["updated"] == 0


# ------------------------------------------------------------------------------ 3. a huge header or field
TEN_MB = 10 * 1024 * 1024


@pytest.mark.parametrize("header", [
    pytest.param(lambda: "activity_id," + "x" * TEN_MB, id="one-10MB-name"),
    pytest.param(lambda: "a," * (TEN_MB // 2), id="five-million-columns"),
    pytest.param(lambda: '"' + "y" * (17 * 1024 * 1024), id="unclosed-17MB-quote"),
    # short lines, but one quoted header field over the csv module's field_size_limit
    pytest.param(lambda: '"' + ("y" * 1000 + "\n") * 17_000 + '",b', id="quoted-field-over-csv-limit"),
])
def test_a_huge_header_is_one_line(header: Callable[[], str], cli: Callable[..., Result], loaded: None, db: Engine,
                                   demo_dir: Path, tmp_path: Path) -> None:
    acts, contacts = canon(demo_dir, tmp_path)
    rows = acts.read_text(encoding="utf-8").split("\n", 1)[1]
    acts.write_text(header() + "\n" + rows, encoding="utf-8")
    before = snapshot(db)
    one_error_line(cli("import", "activities", acts, "--contacts", contacts), f"{acts}:1: ", "header")
    assert snapshot(db) == before


def test_a_huge_maven_header_is_one_line(cli: Callable[..., Result], loaded: None, db: Engine, demo_dir: Path,
                                         tmp_path: Path) -> None:
    folder = tmp_path / "maven"
    shutil.copytree(demo_dir, folder)
    accounts = folder / "accounts.csv"
    accounts.write_text("account," + "z" * TEN_MB + "\n" + accounts.read_text(encoding="utf-8"), encoding="utf-8")
    before = snapshot(db)
    one_error_line(cli("import", "maven", folder), "accounts.csv:1", "header line")
    assert snapshot(db) == before


def test_a_field_over_the_csv_limit_is_one_line(cli: Callable[..., Result], loaded: None, db: Engine,
                                                demo_dir: Path, tmp_path: Path) -> None:
    acts, contacts = canon(demo_dir, tmp_path)
    edit(acts, {3: {"body": "b" * (17 * 1024 * 1024)}})
    before = snapshot(db)
    one_error_line(cli("import", "activities", acts, "--contacts", contacts), f"{acts}:3",
                   "a field is longer than 16,777,216 characters")
    assert snapshot(db) == before


# ------------------------------------------------------------------ 4. unreadable files and workspaces
def skip_if_modes_do_not_bind(tmp_path: Path) -> None:
    """chmod 000 stops nobody running as root (or with CAP_DAC_OVERRIDE): there, the simulated case runs instead."""
    probe = tmp_path / "probe"
    probe.write_text("x")
    probe.chmod(0)
    try:
        probe.read_text()
    except PermissionError:
        return
    finally:
        probe.chmod(0o644)
    pytest.skip("file modes do not stop this user (root) from reading; the simulated case covers it")


def test_an_unreadable_file_is_one_line(cli: Callable[..., Result], loaded: None, db: Engine, demo_dir: Path,
                                        tmp_path: Path) -> None:
    skip_if_modes_do_not_bind(tmp_path)
    acts, contacts = canon(demo_dir, tmp_path)
    before = snapshot(db)
    acts.chmod(0)
    try:
        one_error_line(cli("import", "activities", acts, "--contacts", contacts), str(acts), "cannot read the file")
    finally:
        acts.chmod(0o644)
    assert snapshot(db) == before


def test_an_unreadable_file_simulated_is_one_line(cli: Callable[..., Result], loaded: None, db: Engine,
                                                  demo_dir: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """What chmod 000 does for anyone but root: opening the file fails with EACCES."""
    acts, contacts = canon(demo_dir, tmp_path)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):  # noqa: ANN202
        if self.name == "activities.csv":
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    before = snapshot(db)
    one_error_line(cli("import", "activities", acts, "--contacts", contacts), str(acts),
                   "cannot read the file (Permission denied)")
    assert snapshot(db) == before  # the contacts, read first, were rolled back


@pytest.mark.parametrize("command", ["activities", "notes"])
def test_a_directory_given_for_a_file_is_one_line(command: str, cli: Callable[..., Result], loaded: None,
                                                  db: Engine, tmp_path: Path) -> None:
    folder = tmp_path / "a-directory.csv"
    folder.mkdir()
    before = snapshot(db)
    one_error_line(cli("import", command, folder), str(folder), "is a directory, expected a CSV file")
    assert snapshot(db) == before


def test_an_unreadable_maven_directory_is_one_line(cli: Callable[..., Result], loaded: None, db: Engine,
                                                   demo_dir: Path, tmp_path: Path) -> None:
    skip_if_modes_do_not_bind(tmp_path)
    folder = tmp_path / "maven"
    shutil.copytree(demo_dir, folder)
    before = snapshot(db)
    folder.chmod(0)
    try:
        one_error_line(cli("import", "maven", folder), str(folder), "cannot read the directory")
    finally:
        folder.chmod(0o755)
    assert snapshot(db) == before


def test_an_unreadable_maven_directory_simulated_is_one_line(cli: Callable[..., Result], loaded: None, db: Engine,
                                                             demo_dir: Path, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "maven"
    shutil.copytree(demo_dir, folder)
    real_scandir = os.scandir

    def refuse(path: object = ".") -> object:
        if Path(str(path)) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", refuse)
    before = snapshot(db)
    one_error_line(cli("import", "maven", folder), str(folder), "cannot read the directory (Permission denied)")
    assert snapshot(db) == before


@pytest.mark.parametrize("where", ["home-is-a-file", "home-under-a-file", "database-is-a-directory"])
def test_an_unusable_workspace_is_one_line(where: str, tmp_path: Path, demo_dir: Path,
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file\n")
    home = {"home-is-a-file": blocker, "home-under-a-file": blocker / "home",
            "database-is-a-directory": tmp_path / "home"}[where]
    if where == "database-is-a-directory":
        (home / "crm.sqlite3").mkdir(parents=True)
    result = run_cli(["import", "activities", str(demo_dir / "activities.csv")], capsys, monkeypatch, home=str(home))
    line = one_error_line(result)
    if where == "database-is-a-directory":
        assert f"{home / 'crm.sqlite3'}: cannot open the workspace database" in line
    else:
        assert str(blocker) in line and "cannot use the workspace directory" in line
    assert blocker.read_text() == "a file\n"


def test_an_unreadable_workspace_is_one_line(tmp_path: Path, demo_dir: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    skip_if_modes_do_not_bind(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0)
    try:
        result = run_cli(["import", "notes", str(demo_dir / "deal_notes.csv")], capsys, monkeypatch, home=str(home))
    finally:
        home.chmod(0o755)
    one_error_line(result, str(home), "cannot open the workspace database")


# ----------------------------------------------------------------------------- 5. one bad deal note
def test_one_bad_deal_note_is_rejected_alone(cli: Callable[..., Result], loaded: None, db: Engine, demo_dir: Path,
                                             tmp_path: Path) -> None:
    notes = tmp_path / "deal_notes.csv"
    shutil.copy(demo_dir / "deal_notes.csv", notes)
    rows = edit(notes, {2: {"title": "Discovery\x00notes"}, 3: {"title": "t" * 100_001},
                        4: {"written_at": OVERFLOWING[0]}})
    bad = {row[0] for row in rows[1:4]}
    before = snapshot(db)

    refused = cli("import", "notes", notes)
    assert refused.code == 1, refused.out + refused.err
    assert "unexpected" not in refused.out + refused.err
    assert snapshot(db) == before

    result = cli("import", "notes", notes, "--allow-rejects")
    assert result.code == 0, result.out + result.err
    assert "deal_notes.csv:2: title contains a NUL character" in result.out
    assert "deal_notes.csv:3: title is 100,001 characters, over the limit of 100,000" in result.out
    assert f"deal_notes.csv:4: written_at {OVERFLOWING[0]!r} is out of range" in result.out
    stored = ids(db, DealNote)
    assert len(stored) == len(rows) - 1 - 3 and not stored & bad


# ------------------------------------------------------------------------ 6. two imports at once
HOLDER = """
import sys
from sqlalchemy import create_engine
from connectors.report import ImportReport
from connectors.run import import_transaction

engine = create_engine(sys.argv[1])
with import_transaction(engine, ImportReport("activities", ["first.csv"]), allow_rejects=True):
    print("holding", flush=True)
    sys.stdin.readline()
    raise SystemExit(0)  # rolled back: the first import leaves nothing behind either
"""


def test_a_second_import_is_told_another_is_running(cli: Callable[..., Result], loaded: None, db: Engine,
                                                    db_url: str, demo_dir: Path, tmp_path: Path) -> None:
    acts, contacts = canon(demo_dir, tmp_path)
    before = snapshot(db)
    first = subprocess.Popen([sys.executable, "-c", HOLDER, db_url], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        assert first.stdout is not None and first.stdout.readline().strip() == "holding", first.stderr
        # a second process, the real command: it must not wait for the first to finish, nor fail on its rows
        env = {**os.environ, "COPILOT_HOME": str(tmp_path / "home"), "COPILOT_DATABASE_URL": db_url}
        second = subprocess.run([sys.executable, "-m", "copilot.cli", "import", "activities", str(acts),
                                 "--contacts", str(contacts)], capture_output=True, text=True, env=env,
                                cwd=tmp_path, timeout=120)
        line = one_error_line(Result(second.returncode, second.stdout, second.stderr),
                              "another import is running", "activities.csv")
        assert "locked" not in line and "duplicate key" not in line
        # and the same for the command run in this process
        one_error_line(cli("import", "maven", demo_dir), "another import is running", str(demo_dir))
    finally:
        assert first.stdin is not None
        first.stdin.write("\n")
        first.stdin.close()
        assert first.wait(timeout=60) == 0, first.stderr.read() if first.stderr else ""
    assert snapshot(db) == before
    # once the first has finished, the import runs
    done = cli("import", "activities", acts, "--contacts", contacts)
    assert done.code == 0, done.out + done.err


def test_two_imports_started_together_never_collide(cli: Callable[..., Result], loaded: None, db: Engine,
                                                    db_url: str, demo_dir: Path, tmp_path: Path) -> None:
    acts, contacts = canon(demo_dir, tmp_path)
    env = {**os.environ, "COPILOT_HOME": str(tmp_path / "home"), "COPILOT_DATABASE_URL": db_url}
    command = [sys.executable, "-m", "copilot.cli", "import", "activities", str(acts), "--contacts", str(contacts)]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                             cwd=tmp_path) for _ in range(2)]
    results = []
    for run in runs:
        out, err = run.communicate(timeout=120)
        results.append(Result(run.returncode, out, err))
    assert any(r.code == 0 for r in results), results
    for r in results:
        if r.code:
            one_error_line(r, "another import is running")
    assert count(db, Activity) == len(data_lines(acts)) - 1


# ------------------------------------------------------------------------ 7. a no-op re-import
WRITE = re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.IGNORECASE)


def writes_during(engine: Engine, action: Callable[[], object]) -> list[str]:
    """The tables ``action`` wrote to (INSERT, UPDATE or DELETE statements sent to the database)."""
    tables: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany) -> None:  # noqa: ANN001
        match = WRITE.match(statement)
        if match:
            tables.append(match.group(1))

    event.listen(engine, "before_cursor_execute", seen)
    try:
        action()
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    return tables


def test_a_noop_reimport_writes_nothing(engine: Engine, demo_dir: Path, tmp_path: Path) -> None:
    assert import_maven(engine, demo_dir).committed
    acts, contacts = demo_dir / "activities.csv", demo_dir / "contacts.csv"
    first = import_activities(engine, acts, contacts, batch_size=100)
    assert first.committed
    before = snapshot(engine)

    reports = []
    written = writes_during(engine, lambda: reports.append(import_activities(engine, acts, contacts, batch_size=100)))
    again = reports[0]
    assert again.committed and again.totals.unchanged == again.totals.read
    assert again.totals.inserted == again.totals.updated == 0
    # only the run's own record is written (and the run's scratch list of ids, a temporary table)
    assert set(written) <= {"import_runs", "import_seen_activities"}, sorted(set(written))
    after = snapshot(engine)
    assert {t: rows for t, rows in after.items() if t != "import_runs"} == {
        t: rows for t, rows in before.items() if t != "import_runs"}
    assert len(after["import_runs"]) == len(before["import_runs"]) + 1

    # one changed row: only it is written, and only it points at the new run
    changed = tmp_path / "activities.csv"
    shutil.copy(acts, changed)
    edit(changed, {6: {"subject": "A subject changed since the last import"}})
    third = import_activities(engine, changed, batch_size=100)
    assert third.totals.updated == 1 and third.totals.unchanged == third.totals.read - 1
    with engine.connect() as conn:
        runs = dict(conn.execute(select(Activity.import_run_id, func.count()).group_by(Activity.import_run_id)).all())
    assert runs == {first.run_id: third.totals.read - 1, third.run_id: 1}


def test_a_reimport_still_finds_duplicates_and_orphans(engine: Engine, demo_dir: Path, tmp_path: Path) -> None:
    """Rows left unchanged are not marked with the run, yet a later duplicate of one is still found."""
    assert import_maven(engine, demo_dir).committed
    acts, contacts = demo_dir / "activities.csv", demo_dir / "contacts.csv"
    assert import_activities(engine, acts, contacts).committed
    path = tmp_path / "activities.csv"
    shutil.copy(acts, path)
    first_id = data_lines(acts)[1].split(",")[0]
    # line 41 repeats line 2's id, in a later batch; line 42 is a reply to nothing
    edit(path, {41: {"activity_id": first_id}, 42: {"direction": "inbound", "in_reply_to": "no-such-touch"}},
         keep=42)
    before = snapshot(engine)
    report = import_activities(engine, path, batch_size=10)
    assert not report.committed
    assert [(r.where, r.reason) for r in report.rejects] == [
        ("activities.csv:41", f"duplicate activity_id {first_id!r} (first at activities.csv:2)")]
    assert report.warnings["reply's in_reply_to names no known activity (orphan)"].examples == ["activities.csv:42"]
    assert snapshot(engine) == before


def test_an_import_that_failed_midway_runs_again_on_the_same_connection(engine: Engine, demo_dir: Path,
                                                                        tmp_path: Path) -> None:
    """The run's scratch table goes with the rollback; the pooled connection is reused cleanly."""
    assert import_maven(engine, demo_dir).committed
    bad = tmp_path / "activities.csv"
    data = (demo_dir / "activities.csv").read_bytes().splitlines(keepends=True)
    bad.write_bytes(b"".join([*data[:50], b"\xff" + data[50], *data[51:]]))
    before = snapshot(engine)
    for _ in range(2):
        with pytest.raises(ImportFileError, match=r"activities.csv:51: not valid UTF-8 \(byte 0xff at column 1\)"):
            import_activities(engine, bad, demo_dir / "contacts.csv", batch_size=10)
        assert snapshot(engine) == before
    assert import_activities(engine, demo_dir / "activities.csv", demo_dir / "contacts.csv").committed


# ------------------------------------------------------------------------------ 8. money rounding
def test_rounded_money_is_reported_as_a_correction(cli: Callable[..., Result], db: Engine, demo_dir: Path,
                                                   tmp_path: Path) -> None:
    folder = tmp_path / "maven"
    folder.mkdir()
    for name in MAVEN_FILES:
        shutil.copy(demo_dir / name, folder / name)
    pipeline = folder / "sales_pipeline.csv"
    won = [n for n, line in enumerate(data_lines(pipeline), 1) if ",Won," in line][:2]
    rows = edit(pipeline, {won[0]: {"close_value": "10.005"},
                           # rejected: its rounding is not reported
                           won[1]: {"close_value": "20.005", "product": "No Such Product"}})
    rounded = rows[won[0] - 1][0]
    result = cli("import", "maven", folder, "--allow-rejects")
    assert result.code == 0, result.out + result.err
    assert "Corrections applied" in result.out
    assert f"opportunity.close_value: '10.005' -> '10.00'  x1  first at sales_pipeline.csv:{won[0]}" in result.out
    assert "20.005" not in result.out
    with db.connect() as conn:
        assert Decimal(conn.execute(select(Opportunity.close_value).where(Opportunity.id == rounded)).scalar_one()) \
            == Decimal("10.00")
        kept = conn.execute(select(DataCorrection.original, DataCorrection.corrected)
                            .where(DataCorrection.record_key == rounded)).all()
    assert [tuple(k) for k in kept] == [("10.005", "10.00")]
    # an exact amount is not a correction, however it is written
    report = json.loads(cli("import", "maven", folder, "--allow-rejects", "--json").out)
    assert report["totals"]["updated"] == 0
    assert not [c for c in report["corrections"] if "close_value" in c["message"] and "10.005" not in c["message"]]
