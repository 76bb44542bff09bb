"""Where the deal archive is kept: a Chroma collection (vectors) beside a SQLite FTS5 table (words).

Chroma is a local ``PersistentClient`` under the workspace by default, or a Chroma server when
``CHROMA_URL`` is set. The lexical index and the index state (each document's content hash and
the embedding model) always live in the workspace, in ``chroma/lexical.sqlite3``.

A damaged index is reported, never searched: opening the store checks the files (the word index and
Chroma's database must read, and Chroma's vector files must match the sizes and checksums recorded in
``chroma/talk-tracks-state.json`` when the index was last built), and a failure while searching names
the damaged file. Either way the error (``TalkTrackIndexDamaged``) says to run ``copilot index``, which
calls ``repair_index``: damaged files are moved aside (``<name>.damaged-<timestamp>``) and the index is
rebuilt from the CRM.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
import os
import re
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from copilot.crm.deadlines import within
from copilot.crm.files import set_aside
from copilot.crm.errors import ToolError
from copilot.settings import Settings
from tools.talk_tracks.embeddings import MODEL_ID, LocalEmbedder

log = logging.getLogger(__name__)

FORMAT = "3"
SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (id INTEGER PRIMARY KEY, doc_id TEXT UNIQUE NOT NULL, hash TEXT NOT NULL,
                                 deal_id TEXT NOT NULL, meta TEXT NOT NULL, text TEXT NOT NULL,
                                 outcome TEXT, product TEXT, sector TEXT, stage TEXT, length INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS postings (term TEXT NOT NULL, impact REAL NOT NULL, doc INTEGER NOT NULL,
                                     PRIMARY KEY (term, impact, doc)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS postings_doc ON postings (doc);
CREATE TABLE IF NOT EXISTS vocab (term TEXT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID;
"""
K1, B = 1.2, 0.75
"""BM25's constants, as SQLite FTS5 uses them"""
DEPTH = 1000
"""postings read per query word, highest impact first"""
FILTERED_DEPTH = 4000
COMMON = 0.4
"""A word in more than this share of the notes says little about which are relevant: it is left out."""
STOPWORDS = frozenset("""a an and are as at be but by can did do does for from had has have how i if in into is it
its me my of on or our so that the their them they this to was we were what when where which who why will with
you your about after again all also any because been before being both could each few more most other should
some such than then there these those through under until very would""".split())


LEXICAL_FILE = "lexical.sqlite3"
CHROMA_FILE = "chroma.sqlite3"
STATE_FILE = "talk-tracks-state.json"
"""What the last index run left: the notes indexed, and Chroma's vector files (once written) with size and CRC-32."""
HNSW: dict[str, Any] = {"space": "cosine"}
"""The collection's HNSW configuration (Chroma writes its vectors to files every ``sync_threshold`` changes)."""
HNSW_FILES = ("header.bin", "data_level0.bin", "length.bin", "link_lists.bin", "index_metadata.pickle")
SQLITE_CORRUPT, SQLITE_NOTADB = 11, 26
REBUILD = "Run `copilot index` to set the damaged files aside and rebuild the index from the CRM."


class TalkTrackIndexDamaged(ToolError):
    """A file of the talk-track index cannot be read, or is not the one the index was built with."""

    def __init__(self, path: Path | str, why: str, part: str) -> None:
        self.path, self.why, self.part = path, why, part
        """part: "words" (the word index file) or "vectors" (Chroma's files)."""
        super().__init__(f"the talk-track index is damaged: {path} {why}. {REBUILD}")


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    """SQLITE_CORRUPT or SQLITE_NOTADB; not busy, locked, read-only or permission errors."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (SQLITE_CORRUPT, SQLITE_NOTADB)
    return not isinstance(exc, sqlite3.OperationalError)


def _readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)


def sqlite_problem(path: Path, thorough: bool = True) -> str | None:
    """Why the SQLite file at ``path`` does not read as a database (``PRAGMA quick_check`` when ``thorough``,
    else its schema), or None (also when it is absent, or busy)."""
    try:
        if path.stat().st_size == 0:
            return "is empty"
    except FileNotFoundError:
        return None
    try:
        with closing(_readonly(path)) as conn:
            if not thorough:  # the schema reads, and the file is as long as its header says (within one read)
                conn.execute("BEGIN")
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
                pages = conn.execute("PRAGMA page_count").fetchone()[0] * conn.execute("PRAGMA page_size").fetchone()[0]
                if mode != "wal" and pages > path.stat().st_size:
                    return "is not a readable database (it is shorter than its header says: truncated)"
                return None
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return f"is not a readable database ({exc})" if _is_damage(exc) else None
    if rows != [("ok",)]:
        first = str(rows[0][0]).splitlines()[-1][:200] if rows else "quick_check failed"
        return f"is not a readable database (database disk image is malformed: {first})"
    return None


def _crc(path: Path) -> int:
    crc = 0
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            crc = zlib.crc32(chunk, crc)
    return crc


def read_state(chroma_path: Path) -> dict[str, Any] | None:
    """The record the last index run left, or None (none, or unreadable: then there is nothing to check against)."""
    try:
        state = json.loads((chroma_path / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def write_state(chroma_path: Path, state: dict[str, Any]) -> None:
    chroma_path.mkdir(parents=True, exist_ok=True)
    tmp = chroma_path / f"{STATE_FILE}.{os.getpid()}.tmp"
    tmp.write_text(json.dumps(state, sort_keys=True), encoding="utf-8")
    os.replace(tmp, chroma_path / STATE_FILE)


def _vector_segment(chroma_path: Path, collection: str) -> tuple[str | None, str | None]:
    """(the collection's vector segment id, the sequence number Chroma last wrote its files at) from Chroma's
    database, read-only; (None, None) when there is no such collection or the layout is not one we know."""
    db = chroma_path / CHROMA_FILE
    try:
        with closing(_readonly(db)) as conn:
            row = conn.execute("SELECT s.id FROM segments s JOIN collections c ON c.id = s.collection "
                               "WHERE c.name = ? AND s.scope = 'VECTOR'", (collection,)).fetchone()
            if row is None:
                return None, None
            seq = conn.execute("SELECT seq_id FROM max_seq_id WHERE segment_id = ?", (row[0],)).fetchone()
    except sqlite3.DatabaseError as exc:
        if _is_damage(exc):
            raise TalkTrackIndexDamaged(db, f"is not a readable database ({exc})", "vectors") from None
        return None, None  # another Chroma layout, or busy: nothing to check against
    return str(row[0]), (None if seq is None else str(seq[0]))


def vector_files(chroma_path: Path, segment: str | None) -> dict[str, list[int]]:
    """Chroma's files of one vector segment: relative path -> [size, CRC-32]."""
    folder = chroma_path / segment if segment else None
    if folder is None or not folder.is_dir():
        return {}
    return {f"{segment}/{f.name}": [f.stat().st_size, _crc(f)] for f in sorted(folder.iterdir()) if f.is_file()}


def vector_damage(chroma_path: Path, collection: str, state: dict[str, Any] | None, words: int,
                  thorough: bool = False) -> TalkTrackIndexDamaged | None:
    """What is wrong with Chroma's local files, or None. ``words``: the notes the word index holds."""
    db = chroma_path / CHROMA_FILE
    indexing = bool(state and state.get("indexing"))
    expected = not indexing and (int(state.get("documents") or 0) > 0 if state else words > 0)

    def damaged(path: Path, why: str) -> TalkTrackIndexDamaged:
        return TalkTrackIndexDamaged(path, why, "vectors")

    if not db.exists():
        return damaged(db, "is missing") if expected else None
    problem = sqlite_problem(db, thorough)
    if problem == "is empty" and not expected:
        return None
    if problem:
        return damaged(db, problem)
    try:
        segment, seq = _vector_segment(chroma_path, collection)
    except TalkTrackIndexDamaged as exc:
        return exc
    if segment is None:
        return damaged(db, "does not hold the talk-track collection") if expected else None
    if seq is None:
        return None  # Chroma has not written its vectors to files yet: it reads them from its database
    if state and not indexing and state.get("segment") == segment and state.get("seq") == seq:
        for rel, (size, crc) in sorted((state.get("files") or {}).items()):
            path = chroma_path / rel
            if not path.is_file():
                return damaged(path, "is missing")
            if path.stat().st_size != size or _crc(path) != crc:
                return damaged(path, "has changed since the index was built (its size or checksum differs)")
    else:  # Chroma wrote vector files and nothing recorded them: they must at least be there
        for name in HNSW_FILES:
            if not (chroma_path / segment / name).is_file():
                return damaged(chroma_path / segment / name, "is missing")
    return None


def _forget_chroma(chroma_path: Path) -> None:
    """Drop this process's Chroma system for a local store, so the next client reads the files afresh."""
    from chromadb.api.shared_system_client import SharedSystemClient

    key = str(chroma_path)
    system = SharedSystemClient._identifier_to_system.pop(key, None)  # noqa: SLF001 - Chroma keeps one per path
    SharedSystemClient._identifier_to_refcount.pop(key, None)  # noqa: SLF001
    if system is not None:
        try:
            system.stop()
        except Exception:  # noqa: BLE001 - a damaged store may not stop cleanly; it is dropped either way
            log.debug("stopping Chroma for %s failed", chroma_path, exc_info=True)


def _chroma_failure(exc: BaseException) -> bool:
    """An error from Chroma itself (its database or vector files), as opposed to a bad call."""
    from chromadb.errors import InternalError

    return isinstance(exc, InternalError) or type(exc).__name__ == "PanicException"


def chroma_client(settings: Settings) -> Any:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    options = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        return chromadb.HttpClient(host=url.hostname or "localhost", port=url.port or (443 if url.scheme == "https"
                                                                                         else 8000),
                                   ssl=url.scheme == "https", settings=options)
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=options)


_LOCAL = threading.local()


def _term_counts(texts: Sequence[tuple[int, str]]) -> list[tuple[int, str, int]]:
    """(id, term, count) of each text's words, tokenised exactly as the FTS5 index tokenises them (a
    private in-memory FTS5 table per thread)."""
    conn = getattr(_LOCAL, "tokenizer", None)
    if conn is None:
        conn = sqlite3.connect(":memory:")
        conn.executescript("CREATE VIRTUAL TABLE scratch USING fts5(text, tokenize = 'porter unicode61');"
                           "CREATE VIRTUAL TABLE scratch_terms USING fts5vocab(scratch, 'instance');")
        _LOCAL.tokenizer = conn
    with conn:
        conn.executemany("INSERT INTO scratch (rowid, text) VALUES (?, ?)", texts)
        counts = conn.execute("SELECT doc, term, count(*) FROM scratch_terms GROUP BY doc, term").fetchall()
        conn.execute("DELETE FROM scratch")
    return counts


class Lexical:
    """The words side of the archive, and the index state.

    Notes are tokenised as SQLite FTS5 tokenises them (unicode61, porter stemming). Every (word, note)
    pair is kept as a posting with its BM25 term weight (``impact``: the part of BM25 that depends on
    the note, its term frequency and length), ordered by impact within the word, and every word's
    document frequency is kept beside it. A query reads only the top postings of each of its words and
    adds ``idf x impact`` per note: BM25 without visiting every note a common word appears in, so its
    cost does not grow with the archive. Impacts use the average note length at the time a note is
    written; it drifts slowly as the archive grows, and a rebuild refreshes it.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.on_damage: Callable[[TalkTrackIndexDamaged], None] | None = None
        """Told when the file turns out to be damaged, before the error is raised."""
        self.before_search: Callable[[], None] | None = None
        """Called before each search or lookup (the store checks, once, that both sides agree)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(path), check_same_thread=False)
        try:
            with self._damage_reported():
                self._open()
        except BaseException:
            self.conn.close()
            raise

    def _open(self) -> None:
        self.conn.executescript("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);")
        found = self.conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
        if "docs" in tables and (found is None or found[0] != FORMAT):
            # an older layout: start the word index again (the indexer then refills it from the vectors)
            self.conn.executescript("DROP TABLE IF EXISTS notes_vocab; DROP TABLE IF EXISTS notes; "
                                    "DROP TABLE IF EXISTS postings; DROP TABLE IF EXISTS vocab; "
                                    "DROP TABLE IF EXISTS docs; DELETE FROM meta;")
        self.conn.executescript(SCHEMA)
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
        self.conn.commit()

    @contextmanager
    def _damage_reported(self) -> Iterator[None]:
        """SQLite's "file is not a database" or "database disk image is malformed" as a damaged index."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            if not _is_damage(exc):
                raise
            damage = TalkTrackIndexDamaged(self.path, f"is not a readable database ({exc})", "words")
            if self.on_damage is not None:
                self.on_damage(damage)
            raise damage from None

    def close(self) -> None:
        self.conn.close()

    def count(self) -> int:
        """Notes in the word index."""
        with self._damage_reported():
            return self._counter("docs")

    def set_model(self, model: str) -> None:
        with self._damage_reported(), self.conn:
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (model,))

    def model(self) -> str | None:
        with self._damage_reported():
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'model'").fetchone()
        return row[0] if row else None

    def hashes(self) -> dict[str, str]:
        with self._damage_reported():
            return dict(self.conn.execute("SELECT doc_id, hash FROM docs"))

    def _counter(self, key: str) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    def _add(self, key: str, delta: int) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, str(self._counter(key) + delta)))

    def clear(self, model: str) -> None:
        with self._damage_reported(), self.conn:
            for table in ("postings", "vocab", "docs"):
                self.conn.execute(f"DELETE FROM {table}")
            self.conn.execute("DELETE FROM meta WHERE key IN ('docs', 'tokens')")
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (model,))

    def _remove(self, row_id: int) -> None:
        """Take one note's postings and counts out (inside the caller's transaction)."""
        terms = [r[0] for r in self.conn.execute("SELECT term FROM postings WHERE doc = ?", (row_id,))]
        self.conn.executemany("UPDATE vocab SET df = df - 1 WHERE term = ?", [(t,) for t in terms])
        self.conn.execute("DELETE FROM postings WHERE doc = ?", (row_id,))
        length = self.conn.execute("SELECT length FROM docs WHERE id = ?", (row_id,)).fetchone()[0]
        self._add("docs", -1)
        self._add("tokens", -length)

    def upsert(self, rows: Sequence[tuple[str, str, str, dict[str, Any]]]) -> None:
        """rows: (doc_id, hash, text, metadata). A change or a removal touches one note's rows, whatever
        the size of the archive."""
        if not rows:
            return
        counts: dict[int, list[tuple[str, int]]] = {}
        for i, term, tf in _term_counts([(i, text) for i, (_, _, text, _) in enumerate(rows)]):
            counts.setdefault(i, []).append((term, tf))
        with self._damage_reported(), self.conn:
            written = []
            for i, (doc_id, digest, text, m) in enumerate(rows):
                terms = counts.get(i, [])
                length = sum(tf for _, tf in terms)
                values = (digest, m["deal_id"], json.dumps(m), text, m["outcome"], m["product"], m["sector"],
                          m["stage"], length)
                found = self.conn.execute("SELECT id FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
                if found:
                    row_id = found[0]
                    self._remove(row_id)
                    self.conn.execute("UPDATE docs SET hash = ?, deal_id = ?, meta = ?, text = ?, outcome = ?, "
                                      "product = ?, sector = ?, stage = ?, length = ? WHERE id = ?", (*values, row_id))
                else:
                    row_id = self.conn.execute("INSERT INTO docs (hash, deal_id, meta, text, outcome, product, sector, "
                                               "stage, length, doc_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                               (*values, doc_id)).lastrowid
                written.append((row_id, length, terms))
            self._add("docs", len(written))
            self._add("tokens", sum(length for _, length, _ in written))
            avgdl = max(1.0, self._counter("tokens") / max(1, self._counter("docs")))
            self.conn.executemany(
                "INSERT INTO postings (term, impact, doc) VALUES (?, ?, ?)",
                [(term, tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avgdl)), row_id)
                 for row_id, length, terms in written for term, tf in terms])
            self.conn.executemany("INSERT INTO vocab VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET df = df + 1",
                                  [(term,) for _, _, terms in written for term, _ in terms])

    def delete(self, doc_ids: Sequence[str]) -> None:
        with self._damage_reported(), self.conn:
            for doc_id in doc_ids:
                found = self.conn.execute("SELECT id FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
                if found:
                    self._remove(found[0])
                    self.conn.execute("DELETE FROM docs WHERE id = ?", (found[0],))

    def _terms(self, query: str) -> dict[str, float]:
        """The query's indexed words (stemmed as the notes are) with their idf, leaving out stopwords and
        words found in most of the archive."""
        words = [t for t in re.findall(r"[0-9a-z]+", query.casefold()) if t not in STOPWORDS and len(t) > 1]
        stems = sorted({term for _, term, _ in _term_counts([(1, " ".join(words))])}) if words else []
        if not stems:
            return {}
        df = {t: n for t, n in self.conn.execute(
            f"SELECT term, df FROM vocab WHERE term IN ({', '.join('?' for _ in stems)})", stems) if n > 0}
        total = max(1, self._counter("docs"))

        def idf(hits: int) -> float:  # as FTS5 computes it
            return max(math.log((total - hits + 0.5) / (hits + 0.5)), 1e-6)

        out = {t: idf(n) for t, n in df.items() if n <= COMMON * total}
        if not out and df:  # only common words: keep the two rarest
            out = {t: idf(df[t]) for t in sorted(df, key=df.get)[:2]}
        return out

    def search(self, query: str, filters: dict[str, list[str]], limit: int
               ) -> list[tuple[str, float, dict[str, Any], str]]:
        """(doc_id, BM25 score (higher is better), metadata, text) for the query's words, best first."""
        for column in filters:
            if column not in ("outcome", "product", "sector", "stage"):
                raise ValueError(f"cannot filter on {column!r}")
        if self.before_search is not None:
            self.before_search()
        with self._damage_reported():
            return self._search(query, filters, limit)

    def _search(self, query: str, filters: dict[str, list[str]], limit: int
                ) -> list[tuple[str, float, dict[str, Any], str]]:
        terms = self._terms(query)
        if not terms:
            return []
        depth = FILTERED_DEPTH if filters else DEPTH
        # each word's top postings, weighted by its idf and summed per note, in one statement
        parts = " UNION ALL ".join(
            "SELECT * FROM (SELECT doc, ? * impact AS s FROM postings WHERE term = ? ORDER BY impact DESC LIMIT ?)"
            for _ in terms)
        params: list[Any] = [x for term, weight in terms.items() for x in (weight, term, depth)]
        sql = f"SELECT p.doc, sum(p.s) AS score FROM ({parts}) p"
        if filters:
            sql += " JOIN docs d ON d.id = p.doc WHERE " + " AND ".join(
                f"d.{c} IN ({', '.join('?' for _ in v)})" for c, v in filters.items())
            params += [x for v in filters.values() for x in v]
        sql += " GROUP BY p.doc ORDER BY score DESC, p.doc LIMIT ?"
        scores = dict(self.conn.execute(sql, [*params, limit]).fetchall())
        if not scores:
            return []
        rows = {r[0]: r[1:] for r in self.conn.execute(
            f"SELECT id, doc_id, meta, text FROM docs WHERE id IN ({', '.join('?' for _ in scores)})", list(scores))}
        return [(rows[d][0], s, json.loads(rows[d][1]), rows[d][2]) for d, s in scores.items() if d in rows]

    def records(self, doc_ids: Sequence[str]) -> dict[str, tuple[dict[str, Any], str]]:
        """doc_id -> (metadata, text) of the notes asked for (those in the index)."""
        if not doc_ids:
            return {}
        if self.before_search is not None:
            self.before_search()
        with self._damage_reported():
            return {d: (json.loads(m), t) for d, m, t in self.conn.execute(
                f"SELECT doc_id, meta, text FROM docs WHERE doc_id IN ({', '.join('?' for _ in doc_ids)})",
                list(doc_ids))}


class _Vectors:
    """The store's Chroma collection. On a local store, a failure inside Chroma (its database or vector files) is
    reported as a damaged index naming the file, and a search first checks, once, that both sides agree."""

    def __init__(self, store: TalkTrackStore) -> None:
        self._store = store

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store._raw, name)  # noqa: SLF001

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        return self._store._chroma(lambda: getattr(self._store._raw, name)(*args, **kwargs))  # noqa: SLF001

    def query(self, *args: Any, **kwargs: Any) -> Any:
        self._store._check_once()  # noqa: SLF001
        return self._call("query", *args, **kwargs)

    def get(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("get", *args, **kwargs)

    def count(self) -> int:
        return self._call("count")

    def upsert(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("upsert", *args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        return self._call("delete", *args, **kwargs)


class TalkTrackStore:
    """The Chroma collection and the lexical index, opened together.

    Opening checks the files (see the module's docstring) and raises ``TalkTrackIndexDamaged`` for a damaged
    index. Damage found later, while searching, is raised the same way; the next use opens the files again, so a
    long-running process picks up the index ``copilot index`` rebuilt meanwhile.
    """

    COLUMNS = ("outcome", "product", "sector", "stage")

    def __init__(self, settings: Settings, embedder: LocalEmbedder | None = None, client: Any = None) -> None:
        self.settings = settings
        self.embedder = embedder or LocalEmbedder()
        self.name = settings.chroma_collection
        self.last_report: Any = None
        self._given_client = client
        self.local = client is None and not settings.chroma_url
        """Chroma's files are in the workspace (a ``PersistentClient``), not on a server."""
        self._lock = threading.RLock()
        self._damaged: TalkTrackIndexDamaged | None = None
        self._open()

    # -- opening and checking ------------------------------------------------------------------------------------

    def _open(self) -> None:
        path = self.settings.chroma_path
        problem = sqlite_problem(path / LEXICAL_FILE, thorough=False)
        if problem not in (None, "is empty"):
            raise TalkTrackIndexDamaged(path / LEXICAL_FILE, problem, "words")
        lexical = Lexical(path / LEXICAL_FILE)
        try:
            if self.local:
                state = read_state(path)
                damage = vector_damage(path, self.name, state, lexical.count())
                if damage is not None and read_state(path) != state:  # an index run started meanwhile
                    damage = vector_damage(path, self.name, read_state(path), lexical.count())
                if damage is not None:
                    _forget_chroma(path)
                    raise damage
            client = self._given_client
            if client is None:
                client = self._chroma(lambda: chroma_client(self.settings), lexical)
            raw = self._chroma(lambda: self._get_collection(client), lexical)
        except BaseException:
            lexical.close()
            raise
        lexical.on_damage = self._mark_damaged
        lexical.before_search = self._check_once
        self._lexical, self.client, self._raw = lexical, client, raw
        self._checked = False
        self._damaged = None

    def _get_collection(self, client: Any) -> Any:
        return client.get_or_create_collection(
            self.name, embedding_function=self.embedder, metadata={"model": MODEL_ID},
            configuration={"hnsw": dict(HNSW)})

    def _mark_damaged(self, damage: TalkTrackIndexDamaged) -> None:
        with self._lock:
            self._damaged = damage
            if self.local and damage.part == "vectors":
                _forget_chroma(self.settings.chroma_path)

    def _reopen(self) -> None:
        """After damage was found: open the files again (``copilot index`` may have rebuilt them since)."""
        with self._lock:
            if self._damaged is None:
                return
            try:
                self._open()  # the old word index connection closes when the last search using it is done
            except TalkTrackIndexDamaged as exc:
                self._damaged = exc
                raise

    def _chroma(self, call: Callable[[], Any], lexical: Lexical | None = None) -> Any:
        """Run a call into Chroma; on a local store, Chroma's own failures become ``TalkTrackIndexDamaged``; a Chroma
        server gets ``chroma_timeout`` seconds per call."""
        if not self.local:
            return within(self.settings.chroma_timeout, call,
                          f"the Chroma server at {self.settings.chroma_url} (COPILOT_CHROMA_TIMEOUT)")
        try:
            return call()
        except TalkTrackIndexDamaged:
            raise
        except BaseException as exc:
            if not self.local or isinstance(exc, (KeyboardInterrupt, SystemExit)) or not _chroma_failure(exc):
                raise
            log.debug("Chroma failed on %s", self.settings.chroma_path, exc_info=True)
            words = (lexical or self._lexical).count()
            damage = vector_damage(self.settings.chroma_path, self.name, read_state(self.settings.chroma_path),
                                   words, thorough=True) or TalkTrackIndexDamaged(
                self.settings.chroma_path, "could not be read by Chroma (its database or vector files are damaged)",
                "vectors")
            if lexical is None:
                self._mark_damaged(damage)
            else:
                _forget_chroma(self.settings.chroma_path)
            raise damage from None

    def _check_once(self) -> None:
        """Before the first search: the two sides hold the notes the last index run recorded. A removed word index
        or Chroma database is otherwise silently empty."""
        if self._checked:
            return
        state = read_state(self.settings.chroma_path)
        if state is not None and state.get("indexing"):
            self._checked = True  # an index run is under way (or was cut short): nothing to compare with
            return
        vectors = self._chroma(lambda: self._raw.count())
        words = self._lexical.count()
        if words == 0 and vectors > 0:
            damage = TalkTrackIndexDamaged(self._lexical.path, f"holds no deal notes while the vector store holds "
                                           f"{vectors:,}", "words")
        elif state is not None and vectors != int(state.get("documents") or 0):
            where = (self.settings.chroma_path / CHROMA_FILE if self.local
                     else f"the Chroma collection {self.name!r} at {self.settings.chroma_url}")
            damage = TalkTrackIndexDamaged(where, f"holds {vectors:,} deal notes where the index recorded "
                                           f"{int(state.get('documents') or 0):,}", "vectors")
        else:
            self._checked = True
            return
        if read_state(self.settings.chroma_path) != state:  # an index run started meanwhile
            self._checked = True
            return
        self._mark_damaged(damage)
        raise damage

    # -- the two sides -------------------------------------------------------------------------------------------

    @property
    def lexical(self) -> Lexical:
        if self._damaged is not None:
            self._reopen()
        return self._lexical

    @property
    def collection(self) -> _Vectors:
        if self._damaged is not None:
            self._reopen()
        return _Vectors(self)

    def reset(self) -> None:
        """Drop both sides; the next index run rebuilds them with the current model."""
        try:
            self._chroma(lambda: self.client.delete_collection(self.name))
        except TalkTrackIndexDamaged:
            raise
        except Exception:  # noqa: BLE001 - absent already is fine
            pass
        self._raw = self._chroma(lambda: self._get_collection(self.client))
        self.lexical.clear(MODEL_ID)

    def collection_model(self) -> str | None:
        return (self.collection.metadata or {}).get("model")

    # -- the record each index run leaves ------------------------------------------------------------------------

    def begin_indexing(self) -> None:
        """An index run starts: until it ends, the recorded state is not checked against."""
        write_state(self.settings.chroma_path, {"indexing": dt.datetime.now(dt.UTC).isoformat(), "model": MODEL_ID})

    def finish_indexing(self) -> None:
        """An index run ended: record the notes indexed and Chroma's vector files (size, CRC-32)."""
        path = self.settings.chroma_path
        state: dict[str, Any] = {"documents": self.collection.count(), "model": MODEL_ID,
                                 "at": dt.datetime.now(dt.UTC).isoformat()}
        if self.local:
            segment, seq = _vector_segment(path, self.name)
            # the files are Chroma's only once it has written them (``seq``); before, it rewrites them as it reads
            state.update(segment=segment, seq=seq, files=vector_files(path, segment) if seq is not None else {})
        write_state(path, state)
        self._checked = False


@dataclass
class Repair:
    """A damaged part of the index, moved aside."""

    damaged: Path | str
    why: str
    moved: Path
    moved_to: Path


def _exercise(settings: Settings) -> None:
    """Read through Chroma as a search does: count, one stored vector, and a query with it."""
    client = chroma_client(settings)
    collection = client.get_or_create_collection(
        settings.chroma_collection, embedding_function=LocalEmbedder(), metadata={"model": MODEL_ID},
        configuration={"hnsw": dict(HNSW)})
    if collection.count():
        got = collection.get(limit=1, include=["embeddings"])
        if got["ids"]:
            collection.query(query_embeddings=got["embeddings"], n_results=1, include=[])


def index_damage(settings: Settings) -> list[TalkTrackIndexDamaged]:
    """A thorough check of the local index (``PRAGMA quick_check`` of both databases, Chroma's vector files against
    the record, a read through Chroma): what is damaged, the vector store first. Nothing on a Chroma server."""
    path = settings.chroma_path
    if settings.chroma_url or not path.is_dir():
        return []
    found: list[TalkTrackIndexDamaged] = []
    words = 0
    lexical_path = path / LEXICAL_FILE
    problem = sqlite_problem(lexical_path)
    if problem not in (None, "is empty"):  # an empty file is an empty word index: the next run refills it
        found.append(TalkTrackIndexDamaged(lexical_path, problem, "words"))
    elif lexical_path.exists():
        try:
            lexical = Lexical(lexical_path)
        except TalkTrackIndexDamaged as exc:
            found.append(exc)
        else:
            words = lexical.count()
            lexical.close()
    state = read_state(path)
    vectors = vector_damage(path, settings.chroma_collection, state, words, thorough=True)
    if vectors is None:
        try:
            _exercise(settings)
        except BaseException as exc:
            if isinstance(exc, (KeyboardInterrupt, SystemExit)) or not _chroma_failure(exc):
                raise
            log.debug("Chroma failed on %s", path, exc_info=True)
            vectors = TalkTrackIndexDamaged(path, "could not be read by Chroma (its database or vector files are "
                                            "damaged)", "vectors")
        finally:
            _forget_chroma(path)
    if vectors is not None:
        found.insert(0, vectors)
    return found


def repair_index(settings: Settings, now: dt.datetime | None = None) -> list[Repair]:
    """Move the damaged parts of the local index aside so the next index run rebuilds them from the CRM.

    Damaged vectors: the whole Chroma directory (``chroma`` -> ``chroma.damaged-<timestamp>``, the word index with
    it), as Chroma's files only make sense together. A damaged word index alone: ``lexical.sqlite3`` (and its
    journal); the vectors stay, and the next run refills the words from the CRM without embedding again.
    """
    damage = index_damage(settings)
    if not damage:
        return []
    path = settings.chroma_path
    now = now or dt.datetime.now(dt.UTC)
    _forget_chroma(path)
    if any(d.part == "vectors" for d in damage):
        moved = [Repair(d.path, d.why, path, set_aside(path, now)) for d in damage[:1]]
    else:
        lexical = path / LEXICAL_FILE
        moved = [Repair(damage[0].path, damage[0].why, lexical, set_aside(lexical, now))]
    for r in moved:
        log.info("talk-track index: %s %s; moved %s aside to %s", r.damaged, r.why, r.moved.name, r.moved_to.name)
    return moved
