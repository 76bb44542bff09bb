"""Where the deal archive is kept: a Chroma collection (vectors) beside a SQLite FTS5 table (words).

Chroma is a local ``PersistentClient`` under the workspace by default, or a Chroma server when
``CHROMA_URL`` is set. The lexical index and the index state (each document's content hash and
the embedding model) always live in the workspace, in ``chroma/lexical.sqlite3``.
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from copilot.settings import Settings
from tools.talk_tracks.embeddings import MODEL_ID, LocalEmbedder

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
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(path), check_same_thread=False)
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

    def model(self) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'model'").fetchone()
        return row[0] if row else None

    def hashes(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT doc_id, hash FROM docs"))

    def _counter(self, key: str) -> int:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return int(row[0]) if row else 0

    def _add(self, key: str, delta: int) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, str(self._counter(key) + delta)))

    def clear(self, model: str) -> None:
        with self.conn:
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
        with self.conn:
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
        with self.conn:
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
        return {d: (json.loads(m), t) for d, m, t in self.conn.execute(
            f"SELECT doc_id, meta, text FROM docs WHERE doc_id IN ({', '.join('?' for _ in doc_ids)})", list(doc_ids))}


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
