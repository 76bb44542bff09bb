"""Keeping the deal archive's index in step with the CRM, incrementally.

Each deal note is one document. Its content hash (text and metadata) decides whether it must be
embedded again: a re-index embeds only new or changed notes, removes notes whose deal or note is
gone, and rebuilds everything when the embedding model differs from the one the index was built with.
Each run ends by recording what it left (the store's ``finish_indexing``), which searches check the files against.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, select

from copilot.crm.models import Account, DealNote, Opportunity, Product
from tools.talk_tracks.embeddings import MODEL_ID
from tools.talk_tracks.store import TalkTrackStore

BATCH = 256
Progress = Callable[[int, int], None]
"""Called with (done, total) as notes are indexed (embedded, or their words refilled from the CRM)."""


@dataclass
class IndexReport:
    documents: int = 0
    embedded: int = 0
    unchanged: int = 0
    deleted: int = 0
    rebuilt: bool = False
    reason: str | None = None
    seconds: float = 0.0


def outcome_of(stage: str) -> str:
    return {"Won": "won", "Lost": "lost"}.get(stage, "open")


def documents(engine: Engine) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(doc_id, content hash, text, metadata) for every deal note, streamed."""
    n, o, p, a = DealNote, Opportunity, Product, Account
    stmt = (select(n.id, n.kind, n.written_at, n.title, n.body, o.id.label("deal_id"), o.stage, o.close_value,
                   o.user_id, p.name.label("product"), a.name.label("account"), a.id.label("account_id"), a.sector)
            .join(o, o.id == n.opportunity_id).join(p, p.id == o.product_id).outerjoin(a, a.id == o.account_id)
            .order_by(n.id))
    with engine.connect() as conn:
        for r in conn.execution_options(yield_per=2000).execute(stmt):
            text = f"{r.title}. {r.body}" if r.title else r.body
            meta = {"deal_id": r.deal_id, "kind": r.kind, "outcome": outcome_of(r.stage), "stage": r.stage,
                    "product": r.product, "sector": r.sector or "", "account": r.account or "",
                    "account_id": int(r.account_id or 0), "rep_id": int(r.user_id),
                    "value": float(r.close_value or 0), "date": r.written_at.date().isoformat()}
            yield r.id, _hash(text, meta), text, meta


def _hash(text: str, meta: dict[str, Any]) -> str:
    return hashlib.sha256((text + json.dumps(meta, sort_keys=True)).encode()).hexdigest()[:32]


def _vector_hashes(store: TalkTrackStore) -> dict[str, str]:
    """doc_id -> content hash of the notes Chroma already holds (no embedding)."""
    out: dict[str, str] = {}
    offset, page = 0, 2000
    while True:
        got = store.collection.get(include=["documents", "metadatas"], limit=page, offset=offset)
        if not got["ids"]:
            break
        out.update((i, _hash(d, dict(m))) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True))
        offset += len(got["ids"])
    return out


def index_deals(engine: Engine, store: TalkTrackStore, progress: Progress | None = None) -> IndexReport:
    started = time.perf_counter()
    report = IndexReport()
    store.begin_indexing()
    existing = store.lexical.hashes()
    built_with = store.lexical.model()
    vectors: dict[str, str] = {}
    """Notes whose vectors are current but whose words are not indexed: their words are refilled, no embedding."""
    refill = False
    if built_with is None and store.collection_model() == MODEL_ID and store.collection.count():
        # the word index was started again (a new layout, or a damaged file set aside) but the vectors are current:
        # refill the words from the CRM, in the order and batches of a full build, embedding only changed notes
        vectors = {k: v for k, v in _vector_hashes(store).items() if existing.get(k) != v}
        refill = True
    elif built_with is None and not existing:
        store.reset()  # a first build starts from a clean collection
    elif built_with != MODEL_ID or store.collection_model() != MODEL_ID:
        report.rebuilt, report.reason = True, f"the index was built with {built_with}, the model is now {MODEL_ID}"
    elif store.collection.count() != len(existing):
        report.rebuilt, report.reason = True, "the vector store and the index state disagree"
    if report.rebuilt:
        store.reset()
        existing = {}
    pending: list[tuple[str, str, str, dict[str, Any]]] = []
    words: list[tuple[str, str, str, dict[str, Any]]] = []
    seen: set[str] = set()
    for doc in documents(engine):
        seen.add(doc[0])
        if existing.get(doc[0]) == doc[1]:
            report.unchanged += 1
        elif vectors.get(doc[0]) == doc[1]:
            report.unchanged += 1
            words.append(doc)
        else:
            pending.append(doc)
    report.documents = len(seen)
    total, done = len(words) + len(pending), 0
    for start in range(0, len(words), BATCH):
        store.lexical.upsert(words[start:start + BATCH])
        done += len(words[start:start + BATCH])
        if progress:
            progress(done, total)
    for start in range(0, len(pending), BATCH):
        batch = pending[start:start + BATCH]
        embedded = store.embedder.encode([d[2] for d in batch])
        store.collection.upsert(ids=[d[0] for d in batch], embeddings=embedded, documents=[d[2] for d in batch],
                                metadatas=[d[3] for d in batch])
        store.lexical.upsert(batch)
        report.embedded += len(batch)
        done += len(batch)
        if progress:
            progress(done, total)
    gone = sorted((set(existing) | set(vectors)) - seen)
    for start in range(0, len(gone), 1000):
        store.collection.delete(ids=gone[start:start + 1000])
    store.lexical.delete(gone)
    if refill:
        store.lexical.set_model(MODEL_ID)
    report.deleted = len(gone)
    store.finish_indexing()
    report.seconds = time.perf_counter() - started
    return report
