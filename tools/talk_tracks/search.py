"""The talk-track tool: what won similar deals, and what lost ones tried.

Ranking is hybrid, fused in our own code: the vector side (Chroma, cosine on MiniLM embeddings)
and the lexical side (BM25 over impact-ordered postings) each rank notes under the same metadata filters, and
reciprocal-rank fusion adds them up per deal. Results are one snippet per deal, with
near-duplicate texts dropped, then split by outcome: what worked (won deals) first, what didn't
(lost deals) after. A won deal whose own notes say the play did not land ("They were not convinced.") is
never shown as what worked: it is left out of ``worked`` (its id is in ``set_aside``), and the plays below
count it against the play. Every snippet cites its deal and date; a snippet from a deal outside the
caller's scope is shown without contact names, e-mail addresses or phone numbers.

Beside the snippets, ``plays`` are the actions similar deals tried, counted deal by deal with each note's
stance, each with a line the rep can say; ``avoid`` are plays that lost more often than they won, and
``contradictions`` are deals whose notes disagree about a play (see ``tools/talk_tracks/plays.py``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy import Engine, func, or_, select

from copilot.crm.models import Account, Contact
from tools.crm_query import validated
from tools.experiments.exposures import Showing
from copilot.crm.identity import Identity
from copilot.crm.names import Names
from tools.registry import Tool, ToolContext
from tools.talk_tracks.plays import CitedNote, Contradiction, Play, analyse_plays, failed_deals
from tools.talk_tracks.redact import redact
if TYPE_CHECKING:  # the store pulls in Chroma; importing it only when searching keeps start-up fast
    from tools.talk_tracks.store import TalkTrackStore

Mode = Literal["hybrid", "vector", "lexical"]
CANDIDATES = 40
RRF_K = 60
WEIGHTS = {"vector": 1.0, "lexical": 1.0}


class TalkTrackArgs(BaseModel):
    """What to look for in past deals, with optional filters."""

    model_config = ConfigDict(extra="forbid")

    query: Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=500)]
    product: Annotated[list[Annotated[str, StringConstraints(max_length=200)]], Field(max_length=10)] | None = None
    sector: Annotated[list[Annotated[str, StringConstraints(max_length=200)]], Field(max_length=10)] | None = None
    stage: list[Literal["Prospecting", "Engaging", "Won", "Lost"]] | None = None
    outcome: Literal["won", "lost", "any"] = "any"
    limit: Annotated[int, Field(ge=1, le=10)] = 3


class Snippet(CitedNote):
    note_id: str = ""
    score: float


class TalkTracks(BaseModel):
    query: str
    worked: list[Snippet]
    did_not_work: list[Snippet]
    filters: dict[str, Any]
    notes: list[str] = []
    plays: list[Play] = []
    """Plays that won more often than they lost in similar deals, best first, each with a line to say."""
    avoid: list[Play] = []
    """Plays that lost more often than they won."""
    contradictions: list[Contradiction] = []
    """Deals whose notes disagree about a play shown above; never used as evidence."""
    set_aside: list[str] = []
    """Won deals left out of ``worked`` because their own notes say the play did not land."""


def _where(filters: dict[str, list[str]]) -> dict[str, Any] | None:
    clauses = [{k: {"$in": v}} for k, v in filters.items()]
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def rank(store: "TalkTrackStore", query: str, filters: dict[str, list[str]], mode: Mode = "hybrid",
         candidates: int = CANDIDATES, vector: Any = None) -> list[tuple[str, float, dict[str, Any], str]]:
    """Deals, best first, as (doc_id of the deal's best note, score, metadata, text).

    Each side ranks notes; a note at position p earns its deal ``weight / (RRF_K + p)``
    (reciprocal-rank fusion), summed over the deal's notes and over both sides, so a deal whose
    call summary matches the objection and whose recap matches the product ranks above a deal that
    matches one of them. The deal is shown by its highest-earning note. ``vector`` is the query's
    embedding when the caller already has it (one question ranked twice is embedded once).
    """
    lists: dict[str, list[str]] = {}
    found: dict[str, tuple[dict[str, Any], str]] = {}
    hits = store.lexical.search(query, filters, candidates) if mode in ("hybrid", "lexical") else None
    if mode in ("hybrid", "vector"):
        if vector is None:
            vector = store.embedder.encode([query])
        res = store.collection.query(query_embeddings=vector, n_results=candidates, where=_where(filters),
                                     include=[])
        ids = res["ids"][0]
        lists["vector"] = ids
        found.update(store.lexical.records(ids))  # metadata and text from the local index, not over the wire
    if hits is not None:  # the word side is a few milliseconds: it runs before, not beside, the embedding
        lists["lexical"] = [d for d, _, _, _ in hits]
        for doc_id, _, meta, text in hits:
            found.setdefault(doc_id, (meta, text))
    doc_score: dict[str, float] = {}
    for side, ids in lists.items():
        for position, doc_id in enumerate(ids):
            doc_score[doc_id] = doc_score.get(doc_id, 0.0) + WEIGHTS[side] / (RRF_K + position + 1)
    deal_score: dict[str, float] = {}
    best: dict[str, str] = {}
    for doc_id, score in doc_score.items():
        if doc_id not in found:
            continue
        deal = found[doc_id][0]["deal_id"]
        deal_score[deal] = deal_score.get(deal, 0.0) + score
        if deal not in best or score > doc_score[best[deal]]:
            best[deal] = doc_id
    ordered = sorted(deal_score, key=lambda d: deal_score[d], reverse=True)
    return [(best[d], deal_score[d], *found[best[d]]) for d in ordered]


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.casefold()))


def collapse(ranked: list[tuple[str, float, dict[str, Any], str]]) -> list[tuple[str, float, dict[str, Any], str]]:
    """Drop deals whose shown note nearly repeats a better-ranked one (word overlap >= 85%)."""
    kept: list[tuple[str, float, dict[str, Any], str]] = []
    shapes: list[set[str]] = []
    for item in ranked:
        words = _words(item[3])
        if any(len(words & s) / max(1, len(words | s)) >= 0.85 for s in shapes):
            continue
        shapes.append(words)
        kept.append(item)
    return kept


def search_talk_tracks(engine: Engine, store: "TalkTrackStore", identity: Identity, args: TalkTrackArgs | dict[str, Any],
                       *, mode: Mode = "hybrid", names: Names | None = None, with_plays: bool = True) -> TalkTracks:
    """Snippets of similar deals (what worked, what didn't) and, unless ``with_plays`` is off (a caller that
    only quotes a snippet, such as an e-mail draft, saves the second ranking), the plays to suggest or avoid."""
    if not isinstance(args, TalkTrackArgs):
        args = validated(TalkTrackArgs, args)
    names = names or Names.load(engine)
    filters: dict[str, list[str]] = {}
    notes: list[str] = []
    for field in ("product", "sector"):
        values = getattr(args, field)
        if values:
            matches = [names.resolve(field, v) for v in values]
            filters[field] = sorted({m.name for m in matches})
            notes.extend(n for m in matches if (n := m.note()))
    if args.stage:
        filters["stage"] = list(args.stage)
    if args.outcome != "any":
        filters["outcome"] = [args.outcome]
    vector = store.embedder.encode([args.query]) if mode != "lexical" else None
    ranked = collapse(rank(store, args.query, filters, mode, vector=vector))
    # a deal the caller may not see is never shown for the account the question names: asked "what worked at Acme?",
    # a rep without deals there would be told another rep's story of Acme, its name taken out or not
    named = set() if identity.sees_everything else \
        named_accounts(args.query, names.by_kind.get("account", [])) | contacts_accounts(engine, args.query)
    ranked = [r for r in ranked if identity.may_see_user(r[2]["rep_id"]) or r[2]["account"].casefold() not in named]
    won = [r for r in ranked if r[2]["outcome"] == "won"][: args.limit * 4]
    failed = failed_deals(engine, [r[2]["deal_id"] for r in won])
    worked = [r for r in won if r[2]["deal_id"] not in failed][: args.limit]
    set_aside = [r[2]["deal_id"] for r in won if r[2]["deal_id"] in failed][: args.limit]
    lost = [r for r in ranked if r[2]["outcome"] == "lost"][: args.limit]
    play_filters = {k: v for k, v in filters.items() if k in ("product", "sector")}  # plays need both outcomes
    report = analyse_plays(engine, store, identity, args.query, limit=args.limit, mode=mode, filters=play_filters,
                           vector=vector, withheld=named) if with_plays else None
    shown = worked + lost
    outside = {r[2]["account_id"] for r in shown if not identity.may_see_user(r[2]["rep_id"])}
    contact_names: dict[int, list[str]] = {}
    if outside:
        with engine.connect() as conn:
            for account_id, name in conn.execute(select(Contact.account_id, Contact.name)
                                                 .where(Contact.account_id.in_(sorted(outside)))):
                contact_names.setdefault(account_id, []).append(name or "")

    def snippet(item: tuple[str, float, dict[str, Any], str]) -> Snippet:
        note_id, score, meta, text = item
        hidden = not identity.may_see_user(meta["rep_id"])
        if hidden:
            text = redact(text, contact_names.get(meta["account_id"], []), [meta["account"]])
        return Snippet(note_id=note_id, deal_id=meta["deal_id"], date=meta["date"], kind=meta["kind"],
                       outcome=meta["outcome"], product=meta["product"], sector=meta["sector"],
                       account="" if hidden else meta["account"], text=text, score=round(score, 5), redacted=hidden,
                       cite=f"deal {meta['deal_id']}, {meta['date']}")

    return TalkTracks(query=args.query, worked=[snippet(r) for r in worked], did_not_work=[snippet(r) for r in lost],
                      filters=filters, notes=notes, plays=report.plays if report else [],
                      avoid=report.avoid if report else [], contradictions=report.contradictions if report else [],
                      set_aside=set_aside)


def _says(query: str, phrase: str) -> bool:
    """Whether ``query`` holds ``phrase`` as whole words, whatever the case and the spaces between them."""
    folded = " ".join(query.casefold().split())
    return re.search(rf"(?<!\w){re.escape(' '.join(phrase.casefold().split()))}(?!\w)", folded) is not None


def named_accounts(query: str, accounts: list[str]) -> set[str]:
    """The accounts ``query`` names (each as whole words, whatever the case), case-folded."""
    return {a.casefold() for a in accounts if len(a) >= 3 and _says(query, a)}


def contacts_accounts(engine: Engine, query: str) -> set[str]:
    """The accounts (case-folded names) of the contacts whose full name ``query`` holds, as whole words."""
    words = set(re.findall(r"[^\W\d_]{2,}", query.casefold()))
    if not words:
        return set()
    some = sorted(words, key=len, reverse=True)[:40]
    out = set()
    with engine.connect() as conn:  # the database reads only the names holding one of the question's words
        for name, account in conn.execute(select(Contact.name, Account.name).join(
                Account, Account.id == Contact.account_id).where(or_(*(func.lower(Contact.name).contains(w, autoescape=True)
                                                                      for w in some)))):
            parts = (name or "").casefold().split()
            if len(parts) >= 2 and parts[0] in words and parts[-1] in words and account and _says(query, name):
                out.add(account.casefold())
    return out


def _run(ctx: ToolContext, args: dict[str, Any]) -> TalkTracks:
    # an experiment deciding talk tracks for this rep or conversation picks the retrieval, and the showing is kept
    showing = Showing.of(ctx)
    arm = showing.arm("talk_track") if showing is not None else None
    # otherwise the run's own setting (an evaluation's variant may rank another way, or show more deals)
    mode: Mode = arm.uses if arm is not None else getattr(ctx, "retrieval_mode", "hybrid")  # type: ignore[assignment]
    k = getattr(ctx, "retrieval_k", None)
    if k and isinstance(args, dict) and "limit" not in args:
        args = {**args, "limit": k}
    result = search_talk_tracks(ctx.engine, ctx.talk_store(), ctx.identity, args, names=ctx.names, mode=mode)
    if arm is not None and showing is not None:
        showing.record(arm, shown={"plays": [p.action for p in result.plays[:5]],
                                   "deals": [s.deal_id for s in result.worked + result.did_not_work]})
    return result


TOOL = Tool("talk_tracks", "Search past deals' notes, call summaries and e-mails: what worked in similar won deals "
            "and what lost deals tried, and the plays to suggest (with a line to say, counted won/lost by sector and "
            "product) or avoid. Filter by product, sector, stage, outcome.", TalkTrackArgs, TalkTracks, _run,
            retrieval=True, doing="searching the talk tracks of similar deals")
