"""Damaged stores heal: a damaged talk-track index is reported in one clear line and ``copilot index`` moves the
damaged files aside and rebuilds it (real Chroma, real embeddings); a damaged memory file is moved aside and
started afresh, and the rep is told once."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine

from copilot.crm.identity import identity_for
from copilot.settings import Settings
from tests.cli import run_cli
from tools.talk_tracks import store as store_module
from tools.talk_tracks.search import search_talk_tracks
from tools.talk_tracks.store import TalkTrackIndexDamaged, TalkTrackStore

QUERIES = ("their security team needs a review before buying", "price objection from the CFO",
           "they worry nobody will use the tool after launch")


@pytest.fixture(scope="module")
def indexed_home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, list]]:
    """A small synthetic company with its talk-track index, and what the queries find in it. Chroma is told to
    write its vectors to files early, so the index has vector files as a large one does."""
    from connectors.maven import import_maven
    from connectors.notes import import_notes
    from copilot.demo import generate
    from copilot.workspace import open_database
    from tools.talk_tracks.indexer import index_deals

    data = tmp_path_factory.mktemp("company")
    generate(data, deals=60, seed=11)
    home = tmp_path_factory.mktemp("indexed") / "home"
    settings = Settings(home=home, database_url=None)
    engine = open_database(settings)
    assert import_maven(engine, data).committed
    assert import_notes(engine, data / "deal_notes.csv").committed
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(store_module.HNSW, "sync_threshold", 50)
        patch.setitem(store_module.HNSW, "batch_size", 50)
        store = TalkTrackStore(settings)
        report = index_deals(engine, store)
    assert report.embedded == report.documents > 0
    state = store_module.read_state(settings.chroma_path)
    assert state and state["seq"] is not None and state["files"]  # the vector files are Chroma's, and recorded
    found = _results(engine, store)
    assert all(found[q] for q in QUERIES)
    engine.dispose()
    return home, found


def _results(engine: Engine, store: TalkTrackStore) -> dict[str, list]:
    ops = identity_for(engine, "ops")
    out = {}
    for query in QUERIES:
        r = search_talk_tracks(engine, store, ops, {"query": query, "limit": 3})
        out[query] = [(s.deal_id, s.score) for s in r.worked + r.did_not_work]
    return out


@pytest.fixture
def workspace(indexed_home, tmp_path: Path):  # noqa: ANN001, ANN201
    """A copy of the indexed workspace this test may damage: (settings, engine, what the queries found)."""
    from copilot.workspace import open_database

    template, found = indexed_home
    home = tmp_path / "home"
    shutil.copytree(template, home)
    settings = Settings(home=home, database_url=None)
    engine = open_database(settings)
    yield settings, engine, found
    engine.dispose()


def _notes(engine: Engine) -> int:
    from sqlalchemy import func, select

    from copilot.crm.models import DealNote

    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(DealNote)).scalar_one()


def _segment(settings: Settings) -> Path:
    return next(p for p in settings.chroma_path.iterdir() if p.is_dir())


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(max(path.stat().st_size, 8192)))


def _truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 512] = bytes(b ^ 0x5A for b in data[middle:middle + 512])
    path.write_bytes(bytes(data))


VECTOR_DAMAGE: dict[str, tuple[Callable[[Settings], Path], Callable[[Path], None]]] = {
    "chroma database overwritten": (lambda s: s.chroma_path / "chroma.sqlite3", _garbage),
    "chroma database truncated": (lambda s: s.chroma_path / "chroma.sqlite3", _truncate),
    "chroma database removed": (lambda s: s.chroma_path / "chroma.sqlite3", Path.unlink),
    "vector file removed": (lambda s: _segment(s) / "data_level0.bin", Path.unlink),
    "vector file corrupted": (lambda s: _segment(s) / "data_level0.bin", _flip),
    "index metadata removed": (lambda s: _segment(s) / "index_metadata.pickle", Path.unlink),
}
WORD_DAMAGE: dict[str, Callable[[Path], None]] = {"overwritten": _garbage, "truncated": _truncate}


def _search_fails_clearly(settings: Settings, engine: Engine, damaged: Path, capsys: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    """In code (the tool's error) and from the command line: one line naming the file and ``copilot index``."""
    with pytest.raises(TalkTrackIndexDamaged) as caught:
        store = TalkTrackStore(settings)
        _results(engine, store)
    message = str(caught.value)
    assert str(damaged) in message and "Run `copilot index`" in message
    assert "InternalError" not in message and "Error executing plan" not in message
    shown = run_cli(["talk-tracks", QUERIES[0], "--as", "ops"], capsys, monkeypatch, home=str(settings.home))
    assert shown.code == 2
    lines = shown.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: the talk-track index is damaged: ")
    assert str(damaged) in lines[0] and "copilot index" in lines[0]
    assert "Traceback" not in shown.err + shown.out and "InternalError" not in shown.err + shown.out


@pytest.mark.parametrize("damage", list(VECTOR_DAMAGE))
def test_damaged_vector_store_is_reported_then_set_aside_and_rebuilt(
        workspace, damage: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    settings, engine, before = workspace
    which, how = VECTOR_DAMAGE[damage]
    damaged = which(settings)
    relative = damaged.relative_to(settings.chroma_path)
    how(damaged)
    kept = damaged.read_bytes() if damaged.exists() else None
    _search_fails_clearly(settings, engine, damaged, capsys, monkeypatch)

    done = run_cli(["index"], capsys, monkeypatch, home=str(settings.home))
    assert done.code == 0, done.err
    assert f"The talk-track index is damaged: {damaged}" in done.out and "rebuilding it from the CRM" in done.out
    aside = list(settings.home.glob("chroma.damaged-*"))
    assert len(aside) == 1 and aside[0].is_dir()  # Chroma's files, kept as they were
    assert (aside[0] / relative).read_bytes() == kept if kept is not None else not (aside[0] / relative).exists()
    documents = _notes(engine)
    assert f"Indexed {documents:,} deal notes: {documents:,} embedded" in done.out
    assert _results(engine, TalkTrackStore(settings)) == before
    again = run_cli(["index"], capsys, monkeypatch, home=str(settings.home))
    assert again.code == 0 and "damaged" not in again.out and "up to date" in again.out


@pytest.mark.parametrize("damage", list(WORD_DAMAGE))
def test_damaged_word_index_is_reported_then_set_aside_and_rebuilt_without_embedding(
        workspace, damage: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    settings, engine, before = workspace
    damaged = settings.chroma_path / "lexical.sqlite3"
    WORD_DAMAGE[damage](damaged)
    kept = damaged.read_bytes()
    _search_fails_clearly(settings, engine, damaged, capsys, monkeypatch)

    done = run_cli(["index"], capsys, monkeypatch, home=str(settings.home))
    assert done.code == 0, done.err
    assert f"The talk-track index is damaged: {damaged}" in done.out
    aside = list(settings.chroma_path.glob("lexical.sqlite3.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == kept
    assert not list(settings.home.glob("chroma.damaged-*"))  # the vectors were fine: they stay
    assert "Rebuilt the talk-track word index from the CRM" in done.out and "embedded" not in done.out
    assert _results(engine, TalkTrackStore(settings)) == before  # the same notes, the same scores


def test_a_removed_word_index_is_noticed_not_searched_half(workspace, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    settings, engine, before = workspace
    words = settings.chroma_path / "lexical.sqlite3"
    words.unlink()
    with pytest.raises(TalkTrackIndexDamaged, match="lexical.sqlite3 holds no deal notes while the vector store"):
        _results(engine, TalkTrackStore(settings))
    done = run_cli(["index"], capsys, monkeypatch, home=str(settings.home))
    assert done.code == 0, done.err
    assert _results(engine, TalkTrackStore(settings)) == before


def _garbage_in_place(path: Path) -> None:
    """Overwrite the file where it is (an open connection reads the garbage too)."""
    with path.open("r+b") as handle:
        handle.write(os.urandom(path.stat().st_size))


@pytest.mark.parametrize(("name", "how", "why"), [
    ("lexical.sqlite3", _truncate, "is not a readable database (database disk image is malformed)"),
    ("chroma.sqlite3", _garbage_in_place, "is not a readable database (file is not a database)"),
])
def test_damage_found_while_searching_heals_in_the_same_process(
        workspace, name: str, how: Callable[[Path], None], why: str, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """A long-running process (the Slack app) keeps its store: damage under it is reported, and once
    ``copilot index`` has rebuilt the index, its next search reads the new files."""
    settings, engine, before = workspace
    store = TalkTrackStore(settings)
    assert _results(engine, store) == before
    damaged = settings.chroma_path / name
    how(damaged)
    for _ in range(2):  # still damaged: still said so, the same way
        with pytest.raises(TalkTrackIndexDamaged) as caught:
            _results(engine, store)
        assert str(caught.value).startswith(f"the talk-track index is damaged: {damaged} {why}. Run `copilot index`")
    assert run_cli(["index"], capsys, monkeypatch, home=str(settings.home)).code == 0
    assert _results(engine, store) == before


def test_a_sound_index_is_left_alone(workspace, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    settings, engine, before = workspace
    assert _results(engine, TalkTrackStore(settings)) == before  # searching does not change what is checked
    assert store_module.index_damage(settings) == []
    done = run_cli(["index"], capsys, monkeypatch, home=str(settings.home))
    assert done.code == 0 and "damaged" not in done.out + done.err and "up to date" in done.out
    assert not list(settings.home.glob("**/*.damaged-*"))
    assert _results(engine, TalkTrackStore(settings)) == before


# -- the memory file ----------------------------------------------------------------------------------------------

def _break_page(path: Path) -> None:
    """Scramble the header of a page in the middle of a SQLite file (its b-tree can no longer be read)."""
    data = bytearray(path.read_bytes())
    start = (len(data) // 4096 // 2) * 4096
    data[start:start + 64] = bytes(b ^ 0xA5 for b in data[start:start + 64])
    path.write_bytes(bytes(data))


MEMORY_DAMAGE: dict[str, Callable[[Path], None]] = {
    "overwritten": _garbage, "truncated": _truncate, "emptied": lambda p: p.write_bytes(b""),
    "page corrupted": _break_page}


def _remember(settings: Settings) -> None:
    from memory import open_memory, set_preference

    with open_memory(settings) as (_, store):
        set_preference(store, "Rep One", "tone", "formal")
        for i in range(200):  # enough pages that damage in the middle hits a table
            store.put(("notes", "Rep One"), f"n{i}", {"text": "x" * 200})


@pytest.mark.parametrize("damage", list(MEMORY_DAMAGE))
def test_damaged_memory_is_set_aside_and_started_afresh(tmp_path: Path, damage: str,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    from memory import memory_notice, open_memory

    settings = Settings(home=tmp_path / "home", database_url=None)
    _remember(settings)
    path = settings.home / "memory.sqlite3"
    MEMORY_DAMAGE[damage](path)
    kept = path.read_bytes()
    with caplog.at_level(logging.WARNING), open_memory(settings) as memory:
        checkpointer, store = memory
        recovered = memory.recovered
        assert recovered is not None and recovered.path == path
        assert recovered.moved_to.name.startswith("memory.sqlite3.damaged-")
        assert recovered.moved_to.read_bytes() == kept  # the damaged file is kept, as it was
        assert "earlier conversations" in recovered.message
        # a fresh, working memory
        assert store.get(("preferences", "Rep One"), "tone") is None
        store.put(("preferences", "Rep One"), "tone", {"value": "direct"})
        assert checkpointer.get_tuple({"configurable": {"thread_id": "t1"}}) is None
        # each rep is told once
        notice = memory_notice(store, "Rep One")
        assert notice and "earlier conversations" in notice
        assert memory_notice(store, "Rep One") is None
        assert memory_notice(store, "Rep Two") == notice
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and r.name == "memory.checkpoints"]
    assert len(warnings) == 1 and str(path) in warnings[0].getMessage()
    assert "Rep One" not in warnings[0].getMessage()
    with open_memory(settings) as memory:  # the new file is sound: nothing more to recover, nobody told twice
        assert memory.recovered is None
        assert memory.store.get(("preferences", "Rep One"), "tone").value == {"value": "direct"}
        assert memory_notice(memory.store, "Rep One") is None
        assert memory_notice(memory.store, "Rep Three") is not None  # told on their first turn after it
    assert len(list(settings.home.glob("memory.sqlite3.damaged-*"))) == 1


def test_sound_or_busy_memory_is_left_alone(tmp_path: Path) -> None:
    from memory import memory_notice, open_memory
    from memory.checkpoints import sqlite_damage

    settings = Settings(home=tmp_path / "home", database_url=None)
    _remember(settings)
    path = settings.home / "memory.sqlite3"
    with open_memory(settings) as memory:
        assert memory.recovered is None and memory_notice(memory.store, "Rep One") is None
        assert memory.store.get(("preferences", "Rep One"), "tone").value == {"value": "formal"}
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("PRAGMA locking_mode=EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("CREATE TABLE busy (x)")
        assert sqlite_damage(path) is None  # in use by another writer is not damage
    finally:
        holder.close()
    assert not list(settings.home.glob("*.damaged-*"))


def test_the_copilot_opens_on_a_damaged_memory(workspace) -> None:  # noqa: ANN001
    from copilot.runner import Copilot
    from memory import memory_notice

    settings, engine, _ = workspace
    _remember(settings)
    _garbage(settings.home / "memory.sqlite3")
    with Copilot(settings, engine, retriever=lambda: TalkTrackStore(settings)) as copilot:
        result = copilot.ask("How many deals are in Prospecting?", "ops")
        assert result.answer.startswith("I could not read my memory of your earlier conversations")  # told once
        assert "in Prospecting" in result.answer
        assert memory_notice(copilot.store, "ops") is None
        again = copilot.ask("How many deals are in Prospecting?", "ops")
        assert "could not read my memory" not in again.answer
    assert len(list(settings.home.glob("memory.sqlite3.damaged-*"))) == 1


def test_memory_without_damage_has_nothing_to_tell(db_url: str, tmp_path: Path) -> None:
    """SQLite and PostgreSQL alike: no recovery, no notice."""
    from memory import memory_notice, open_memory

    with open_memory(Settings(home=tmp_path / "home", database_url=db_url)) as memory:
        assert memory.recovered is None
        assert memory_notice(memory.store, "Rep One") is None
