"""Where the deal archive is kept: a Chroma collection (vectors) beside a SQLite FTS5 table (words).

Chroma is a local ``PersistentClient`` under the workspace by default, or a Chroma server when
``CHROMA_URL`` is set. The lexical index and the index state (each document's content hash and
the embedding model) always live in the workspace, in ``chroma/lexical.sqlite3``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from copilot.settings import Settings
from tools.talk_tracks.embeddings import MODEL_ID, LocalEmbedder

FORMAT = "2"
SCHEMA = """
CREATE TABLE IF NOT EXISTS docs (id INTEGER PRIMARY KEY, doc_id TEXT UNIQUE NOT NULL, hash TEXT NOT NULL,
                                 deal_id TEXT NOT NULL, meta TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS notes USING fts5(
    text, outcome UNINDEXED, product UNINDEXED, sector UNINDEXED, stage UNINDEXED,
    tokenize = 'porter unicode61'
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS notes_vocab USING fts5vocab(notes, 'row');
"""
POSTINGS_BUDGET = 5_000
COMMON = 0.4
"""A word in more than this share of the notes says little about which are relevant, and ranking every
note it matches is what makes a search slow on a large archive: such words are left out of the query."""
STOPWORDS = frozenset("""a an and are as at be but by can did do does for from had has have how i if in into is it
its me my of on or our so that the their them they this to was we were what when where which who why will with
you your about after again all also any because been before being both could each few more most other should
some such than then there these those through under until very would""".split())


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


class Lexical:
    """The words side of the archive: BM25 ranking by SQLite's FTS5, plus the index state."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(path), check_same_thread=False)
        self.conn.executescript("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);")
        found = self.conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
        if "docs" in tables and (found is None or found[0] != FORMAT):
            # an older layout: start the word index again (the indexer then rebuilds the archive)
            self.conn.executescript("DROP TABLE IF EXISTS notes_vocab; DROP TABLE IF EXISTS notes; "
                                    "DROP TABLE IF EXISTS docs; DELETE FROM meta;")
        self.conn.executescript(SCHEMA)
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('format', ?)", (FORMAT,))
        self.conn.commit()

    def model(self) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'model'").fetchone()
        return row[0] if row else None

    def hashes(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT doc_id, hash FROM docs"))

    def clear(self, model: str) -> None:
        with self.conn:
            self.conn.execute("DELETE FROM notes")
            self.conn.execute("DELETE FROM docs")
            self.conn.execute("INSERT OR REPLACE INTO meta VALUES ('model', ?)", (model,))

    def upsert(self, rows: Sequence[tuple[str, str, str, dict[str, Any]]]) -> None:
        """rows: (doc_id, hash, text, metadata). Notes are keyed by the docs row id, so a change or a
        removal touches one row, whatever the size of the archive."""
        with self.conn:
            for doc_id, digest, text, m in rows:
                found = self.conn.execute("SELECT id FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
                if found:
                    row_id = found[0]
                    self.conn.execute("DELETE FROM notes WHERE rowid = ?", (row_id,))
                    self.conn.execute("UPDATE docs SET hash = ?, deal_id = ?, meta = ? WHERE id = ?",
                                      (digest, m["deal_id"], json.dumps(m), row_id))
                else:
                    row_id = self.conn.execute("INSERT INTO docs (doc_id, hash, deal_id, meta) VALUES (?, ?, ?, ?)",
                                               (doc_id, digest, m["deal_id"], json.dumps(m))).lastrowid
                self.conn.execute("INSERT INTO notes (rowid, text, outcome, product, sector, stage) "
                                  "VALUES (?, ?, ?, ?, ?, ?)",
                                  (row_id, text, m["outcome"], m["product"], m["sector"], m["stage"]))

    def delete(self, doc_ids: Sequence[str]) -> None:
        with self.conn:
            for doc_id in doc_ids:
                found = self.conn.execute("SELECT id FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
                if found:
                    self.conn.execute("DELETE FROM notes WHERE rowid = ?", (found[0],))
                    self.conn.execute("DELETE FROM docs WHERE id = ?", (found[0],))

    def _informative(self, terms: list[str]) -> list[str]:
        """The query words worth ranking by: those in the archive and not in most of it (rarest kept)."""
        if not terms:
            return []
        stems = sorted({t[:i] for t in terms for i in range(min(3, len(t)), len(t) + 1)})
        df = dict(self.conn.execute(
            f"SELECT term, doc FROM notes_vocab WHERE term IN ({', '.join('?' for _ in stems)})", stems))
        total = self.conn.execute("SELECT count(*) FROM docs").fetchone()[0] or 1
        counts = {}
        for t in terms:  # the porter stem of a word is (almost always) a prefix of it: take the longest found
            stem = next((t[:i] for i in range(len(t), min(3, len(t)) - 1, -1) if t[:i] in df), None)
            if stem is not None:
                counts[t] = df[stem]
        kept = [t for t in terms if t in counts and counts[t] <= COMMON * total]
        if not kept and counts:
            kept = sorted(counts, key=counts.get)[:2]
        # ranking cost grows with the notes the words match: keep the rarest words within a budget
        budget, chosen = POSTINGS_BUDGET, set()
        for t in sorted(kept, key=counts.get):
            if chosen and counts[t] > budget:
                continue
            chosen.add(t)
            budget -= counts[t]
        return [t for t in kept if t in chosen]

    def search(self, query: str, filters: dict[str, list[str]], limit: int
               ) -> list[tuple[str, float, dict[str, Any], str]]:
        """(doc_id, bm25 score (higher is better), metadata, text) for the query's words, best first."""
        terms = list(dict.fromkeys(t for t in re.findall(r"[0-9a-z]+", query.casefold())
                                   if t not in STOPWORDS and len(t) > 1))
        terms = self._informative(terms)
        if not terms:
            return []
        match = " OR ".join(f'"{t}"' for t in terms)
        sql = ("SELECT d.doc_id, -bm25(notes) AS score, n.text, d.meta FROM notes n JOIN docs d ON d.id = n.rowid "
               "WHERE notes MATCH ?")
        params: list[Any] = [match]
        for column, values in filters.items():
            if column not in ("outcome", "product", "sector", "stage"):
                raise ValueError(f"cannot filter on {column!r}")
            sql += f" AND n.{column} IN ({', '.join('?' for _ in values)})"
            params.extend(values)
        sql += " ORDER BY bm25(notes) LIMIT ?"
        params.append(limit)
        return [(d, float(score), json.loads(meta), text)
                for d, score, text, meta in self.conn.execute(sql, params)]


class TalkTrackStore:
    """The Chroma collection and the lexical index, opened together."""

    COLUMNS = ("outcome", "product", "sector", "stage")

    def __init__(self, settings: Settings, embedder: LocalEmbedder | None = None, client: Any = None) -> None:
        self.settings = settings
        self.embedder = embedder or LocalEmbedder()
        self.client = client or chroma_client(settings)
        self.name = settings.chroma_collection
        self.lexical = Lexical(settings.chroma_path / "lexical.sqlite3")
        self.collection = self._collection()
        self.last_report: Any = None

    def _collection(self) -> Any:
        return self.client.get_or_create_collection(
            self.name, embedding_function=self.embedder, metadata={"model": MODEL_ID},
            configuration={"hnsw": {"space": "cosine"}})

    def reset(self) -> None:
        """Drop both sides; the next index run rebuilds them with the current model."""
        try:
            self.client.delete_collection(self.name)
        except Exception:  # noqa: BLE001 - absent already is fine
            pass
        self.collection = self._collection()
        self.lexical.clear(MODEL_ID)

    def collection_model(self) -> str | None:
        return (self.collection.metadata or {}).get("model")
