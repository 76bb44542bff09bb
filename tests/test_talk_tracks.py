"""Talk tracks over a real Chroma store with real embeddings: indexing, ranking, filters, scope."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine, select, text, update

from copilot.crm.models import Contact, DealNote
from copilot.settings import Settings
from copilot.crm.errors import ToolInputError
from copilot.crm.identity import identity_for
from tools.talk_tracks import embeddings
from tools.talk_tracks.embeddings import LocalEmbedder, ModelFileError, model_dir, verify_weights
from tools.talk_tracks.indexer import index_deals
from tools.talk_tracks.search import search_talk_tracks
from tools.talk_tracks.store import TalkTrackStore


def test_embedder_is_the_pinned_local_model() -> None:
    verify_weights(model_dir())
    vectors = LocalEmbedder().encode(["the CISO worries about data storage", "security review of where data lives",
                                      "lunch menu for friday"])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_a_changed_model_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="is not the pinned"):
        verify_weights(model_dir(), expected="0" * 64)
    shutil.copytree(model_dir(), tmp_path / "model")
    with (tmp_path / "model" / "model.safetensors").open("ab") as f:
        f.write(b"\0")
    with pytest.raises(ModelFileError, match="SHA-256"):
        _ = LocalEmbedder(str(tmp_path / "model")).model
    (tmp_path / "model" / "model.safetensors").unlink()
    with pytest.raises(ModelFileError, match="missing"):
        verify_weights(tmp_path / "model")


def test_collection_never_uses_chromas_downloading_default(talk_store: TalkTrackStore) -> None:
    from chromadb.utils.embedding_functions import DefaultEmbeddingFunction

    ef = talk_store.collection._embedding_function
    assert isinstance(ef, LocalEmbedder) and not isinstance(ef, DefaultEmbeddingFunction)
    assert talk_store.collection.metadata["model"] == embeddings.MODEL_ID


def _ops_search(store, engine, **args):  # noqa: ANN001, ANN003, ANN202
    return search_talk_tracks(engine, store, identity_for(engine, "ops"), args)


def test_outcome_aware_results_cite_deal_and_date(demo_workspace, talk_store) -> None:  # noqa: ANN001
    _, engine = demo_workspace
    result = _ops_search(talk_store, engine, query="their security team needs a review before buying", limit=3)
    assert result.worked and result.did_not_work
    assert all(s.outcome == "won" for s in result.worked)
    assert all(s.outcome == "lost" for s in result.did_not_work)
    deals = [s.deal_id for s in result.worked + result.did_not_work]
    assert len(deals) == len(set(deals))  # one snippet per deal
    for s in result.worked + result.did_not_work:
        assert re.fullmatch(r"deal NB\d{6}, \d{4}-\d{2}-\d{2}", s.cite)
        assert s.deal_id in s.cite and s.date in s.cite
    assert any("security" in s.text.lower() for s in result.worked)
    with engine.connect() as conn:
        stages = dict(conn.execute(text("SELECT id, stage FROM opportunities")).all())
    assert all(stages[s.deal_id] == "Won" for s in result.worked)


def test_filters_are_applied(demo_workspace, talk_store) -> None:  # noqa: ANN001
    _, engine = demo_workspace
    result = _ops_search(talk_store, engine, query="price objection", product=["harbor backup"], outcome="won",
                         limit=5)
    assert result.notes == ["product 'harbor backup' read as 'Harbor Backup'"]
    assert result.worked and not result.did_not_work
    assert {s.product for s in result.worked} == {"Harbor Backup"}
    sector = _ops_search(talk_store, engine, query="integration with their ERP", sector=["retail"], limit=5)
    assert {s.sector for s in sector.worked + sector.did_not_work} == {"retail"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"query": "x" * 10_000}, "at most 500 characters"),
        ({"query": "price", "product": ["Flux Capacitor"]}, "unknown product"),
        ({"query": "price", "stage": ["Closed"]}, "stage.0"),
        ({"query": "price", "outcome": "maybe"}, "outcome"),
        ({"query": "price", "limit": 1000}, "limit"),
        ({"query": "price", "where": {"$ne": 1}}, "where: Extra inputs are not permitted"),
        ({"query": 42}, "query"),
    ],
)
def test_hostile_arguments(demo_workspace, talk_store, args: dict, message: str) -> None:  # noqa: ANN001
    _, engine = demo_workspace
    with pytest.raises(ToolInputError, match="invalid arguments|unknown") as err:
        search_talk_tracks(engine, talk_store, identity_for(engine, "ops"), args)
    assert message in str(err.value)


def test_hostile_query_text_is_just_text(demo_workspace, talk_store) -> None:  # noqa: ANN001
    _, engine = demo_workspace
    result = _ops_search(talk_store, engine, query='"; DROP TABLE docs; -- NEAR( OR * ^ price')
    assert isinstance(result.worked, list)
    assert talk_store.lexical.conn.execute("SELECT count(*) FROM docs").fetchone()[0] > 0


def test_out_of_scope_snippets_hide_contact_details(demo_workspace, talk_store) -> None:  # noqa: ANN001
    _, engine = demo_workspace
    with engine.connect() as conn:
        rep = conn.execute(text("SELECT name FROM users WHERE role = 'rep' ORDER BY name LIMIT 1")).scalar_one()
        contacts = conn.execute(select(Contact.name, Contact.email)).all()
    me = identity_for(engine, rep)
    result = search_talk_tracks(engine, talk_store, me, {"query": "what did the customer say about the budget",
                                                         "limit": 5})
    shown = result.worked + result.did_not_work
    assert any(s.redacted for s in shown)
    with engine.connect() as conn:
        owner = dict(conn.execute(text("SELECT o.id, u.name FROM opportunities o JOIN users u ON u.id = o.user_id")).all())
    for s in shown:
        assert s.redacted == (owner[s.deal_id] != rep)
        if s.redacted:
            assert "@" not in s.text
            assert not any(name and name in s.text for name, _ in contacts)
    ops = _ops_search(talk_store, engine, query="what did the customer say about the budget", limit=5)
    assert not any(s.redacted for s in ops.worked + ops.did_not_work)
    assert any(name and name in s.text for s in ops.worked + ops.did_not_work for name, _ in contacts)


def test_out_of_scope_snippets_hide_their_account_and_none_is_shown_for_an_account_asked_about(
        demo_workspace, talk_store) -> None:  # noqa: ANN001
    """A deal the caller may not see is shown without its account's name (in the snippet, its text and the plays'
    citations); asked about an account by name, a rep without deals there is shown none of another rep's deals of
    it, while sales-ops, who may see them, is."""
    _, engine = demo_workspace
    with engine.connect() as conn:
        rep = conn.execute(text("SELECT name FROM users WHERE role = 'rep' ORDER BY name LIMIT 1")).scalar_one()
        rows = conn.execute(text(
            "SELECT a.name, u.name FROM opportunities o JOIN accounts a ON a.id = o.account_id "
            "JOIN users u ON u.id = o.user_id JOIN deal_notes n ON n.opportunity_id = o.id")).all()
    accounts = {a for a, _ in rows}
    theirs = sorted({a for a, owner in rows if owner != rep} - {a for a, owner in rows if owner == rep})
    me = identity_for(engine, rep)
    result = search_talk_tracks(engine, talk_store, me, {"query": "what did the customer say about the budget",
                                                         "limit": 5})
    cited = [c for p in result.plays + result.avoid for c in p.evidence + p.against]
    hidden = [s for s in result.worked + result.did_not_work + cited if s.redacted]
    assert hidden
    for s in hidden:
        assert s.account == "" and not any(re.search(rf"\b{re.escape(a)}\b", s.text, re.IGNORECASE)
                                           for a in accounts), s.text
    for account in theirs[:3]:
        asked = search_talk_tracks(engine, talk_store, me, {"query": f"what worked at {account}?", "limit": 5})
        everything = asked.worked + asked.did_not_work + [c for p in asked.plays + asked.avoid
                                                          for c in p.evidence + p.against]
        assert not [s for s in everything if s.redacted and s.account == ""
                    and s.deal_id in _deals_at(engine, account)], account
        ops = _ops_search(talk_store, engine, query=f"what worked at {account}?", limit=5)
        assert any(s.account == account for s in ops.worked + ops.did_not_work), account


def _deals_at(engine: Engine, account: str) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(text("SELECT o.id FROM opportunities o JOIN accounts a ON a.id = o.account_id "
                                     "WHERE a.name = :a"), {"a": account}).scalars())


def test_incremental_reindex(demo_workspace, tmp_path: Path) -> None:  # noqa: ANN001
    settings, engine = demo_workspace
    own = Settings(home=tmp_path, database_url=None)
    store = TalkTrackStore(own)
    first = index_deals(engine, store)
    assert first.embedded == first.documents and not first.rebuilt
    again = index_deals(engine, store)
    assert (again.embedded, again.deleted, again.unchanged) == (0, 0, first.documents)

    with engine.begin() as conn:
        note_id, body = conn.execute(select(DealNote.id, DealNote.body).order_by(DealNote.id).limit(1)).one()
        conn.execute(update(DealNote).where(DealNote.id == note_id).values(body=body + " Follow-up agreed."))
        gone = conn.execute(select(DealNote.id).order_by(DealNote.id.desc()).limit(2)).scalars().all()
        saved = conn.execute(select(DealNote.__table__).where(DealNote.id.in_(gone))).mappings().all()
        conn.execute(DealNote.__table__.delete().where(DealNote.id.in_(gone)))
    try:
        changed = index_deals(engine, store)
        assert (changed.embedded, changed.deleted) == (1, 2)
        assert store.collection.count() == first.documents - 2
        assert store.collection.get(ids=[note_id])["documents"][0].endswith("Follow-up agreed.")
    finally:
        with engine.begin() as conn:
            conn.execute(update(DealNote).where(DealNote.id == note_id).values(body=body))
            conn.execute(DealNote.__table__.insert(), [dict(r) for r in saved])


def test_a_new_embedding_model_rebuilds_the_index(demo_workspace, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    _, engine = demo_workspace
    store = TalkTrackStore(Settings(home=tmp_path, database_url=None))
    built = index_deals(engine, store)
    import tools.talk_tracks.indexer as indexer
    import tools.talk_tracks.store as store_module

    monkeypatch.setattr(indexer, "MODEL_ID", "another-model@1")
    monkeypatch.setattr(store_module, "MODEL_ID", "another-model@1")
    rebuilt = index_deals(engine, store)
    assert rebuilt.rebuilt and "another-model@1" in (rebuilt.reason or "")
    assert rebuilt.embedded == built.documents
    assert store.collection_model() == "another-model@1"


def test_chroma_server_gives_the_same_answers(demo_workspace, talk_store, chroma_server: str,
                                              tmp_path: Path) -> None:  # noqa: ANN001
    _, engine = demo_workspace
    remote = TalkTrackStore(Settings(home=tmp_path, database_url=None, chroma_url=chroma_server))
    report = index_deals(engine, remote)
    assert report.embedded == report.documents
    assert remote.client.heartbeat() > 0
    query = {"query": "they worry nobody will use the tool after launch", "limit": 3}
    local = search_talk_tracks(engine, talk_store, identity_for(engine, "ops"), query)
    served = search_talk_tracks(engine, remote, identity_for(engine, "ops"), query)
    assert [s.deal_id for s in served.worked] == [s.deal_id for s in local.worked]
    assert [s.deal_id for s in served.did_not_work] == [s.deal_id for s in local.did_not_work]


def test_talk_tracks_from_a_postgresql_crm(engine: Engine, demo_dir: Path, tmp_path: Path) -> None:
    from connectors.maven import import_maven
    from connectors.notes import import_notes

    import_maven(engine, demo_dir)
    import_notes(engine, demo_dir / "deal_notes.csv")
    store = TalkTrackStore(Settings(home=tmp_path, database_url=None))
    report = index_deals(engine, store)
    assert report.documents == sum(1 for _ in (demo_dir / "deal_notes.csv").open()) - 1
    result = search_talk_tracks(engine, store, identity_for(engine, "ops"), {"query": "budget frozen"})
    assert result.worked and all(s.outcome == "won" for s in result.worked)


def test_redact_removes_contact_details() -> None:
    from tools.talk_tracks.search import redact

    text = ("Clara Ferreira (clara.ferreira@falgoron.example, +1 (415) 555-0134) said Clara would sign; "
            "call 020 7946 0958. Deal NB000123 closed 2025-06-03 for 12,000.")
    out = redact(text, ["Clara Ferreira"])
    assert "Clara" not in out and "falgoron.example" not in out
    assert "555-0134" not in out and "7946" not in out
    assert "[contact]" in out and "[email]" in out and "[phone]" in out
    # no figure of another rep's deal survives either: the deal and its date are in the snippet's citation
    assert "12,000" not in out and "2025-06-03" not in out and not any(ch.isdigit() for ch in out)


def test_word_index_is_rebuilt_from_the_vectors_without_embedding(demo_workspace, tmp_path: Path) -> None:  # noqa: ANN001
    _, engine = demo_workspace
    settings = Settings(home=tmp_path, database_url=None)
    store = TalkTrackStore(settings)
    first = index_deals(engine, store)
    store.lexical.conn.close()
    (settings.chroma_path / "lexical.sqlite3").unlink()
    fresh = TalkTrackStore(settings)
    again = index_deals(engine, fresh)
    assert (again.embedded, again.deleted, again.unchanged) == (0, 0, first.documents)
    assert fresh.lexical.search("security review", {}, 5)


def _note(i: int, text: str, outcome: str = "won", product: str = "Beacon Analytics") -> tuple:
    meta = {"deal_id": f"D{i}", "outcome": outcome, "product": product, "sector": "retail", "stage": "Won"}
    return (f"N{i}", f"h{i}", text, meta)


NOTES = ["The CFO pushed back on price; we offered a phased rollout and won.",
         "Security review stalled the deal until we shared the audit report.",
         "Price was too high for the retail buyer, so we lost on price to a cheaper rival.",
         "Integration with their ERP worried IT; a sandbox trial settled it.",
         "They loved the dashboards. Price, price and price again was the only concern.",
         "Renewal went smoothly after the quarterly business review.",
         "The security team asked for SOC 2 and a penetration test before signing."]


def test_word_ranking_is_fts5_bm25(tmp_path: Path) -> None:
    """On a whole small archive the impact-ordered postings give SQLite FTS5's own BM25 scores."""
    import sqlite3

    from tools.talk_tracks.store import Lexical

    lex = Lexical(tmp_path / "words.sqlite3")
    lex.upsert([_note(i, t) for i, t in enumerate(NOTES)])
    reference = sqlite3.connect(":memory:")
    reference.execute("CREATE VIRTUAL TABLE n USING fts5(text, tokenize = 'porter unicode61')")
    reference.executemany("INSERT INTO n (rowid, text) VALUES (?, ?)", list(enumerate(NOTES)))
    for query, match in (("security audit", '"secur" OR "audit"'), ("pricing pushback", '"price" OR "pushback"'),
                         ("sandbox trial for ERP integration", '"sandbox" OR "trial" OR "erp" OR "integr"')):
        ours = [(d, round(s, 6)) for d, s, _, _ in lex.search(query, {}, 10)]
        theirs = [(f"N{r}", round(-s, 6)) for r, s in reference.execute(
            "SELECT rowid, bm25(n) FROM n WHERE n MATCH ? ORDER BY bm25(n), rowid", (match,))]
        assert ours == theirs, query


def test_word_index_follows_changes_and_filters(tmp_path: Path) -> None:
    from tools.talk_tracks.store import Lexical

    lex = Lexical(tmp_path / "words.sqlite3")
    lex.upsert([_note(i, t, outcome="lost" if i == 2 else "won") for i, t in enumerate(NOTES)])
    assert {d for d, *_ in lex.search("security", {}, 10)} == {"N1", "N6"}
    lex.upsert([_note(1, "Procurement wanted net-90 payment terms.")])
    lex.delete(["N6"])
    assert lex.search("security", {}, 10) == []
    assert [d for d, *_ in lex.search("procurement terms", {}, 10)] == ["N1"]
    assert [d for d, *_ in lex.search("price", {"outcome": ["lost"]}, 10)] == ["N2"]
    assert lex.conn.execute("SELECT df FROM vocab WHERE term = 'secur'").fetchone()[0] == 0
    docs, tokens = lex._counter("docs"), lex._counter("tokens")
    assert docs == 6 and tokens == lex.conn.execute("SELECT sum(length) FROM docs").fetchone()[0]
    with pytest.raises(ValueError, match="cannot filter on 'text'"):
        lex.search("price", {"text": ["x"]}, 5)
