"""Plays a rep can use: what similar deals tried for a concern, how each fared, and a line to say.

A snippet from a won deal is not proof that what it describes worked: the deal may have been won in spite
of it, and the note may say so ("They were not convinced."). So plays are counted deal by deal, with each
note's own stance (``tools/talk_tracks/reading.py``):

- the deals are those the hybrid ranking of ``search.py`` finds for the question (a generous set, won and
  lost alike, under the same product and sector filters); every note of each deal is read from the CRM;
- a play is an action the notes say we took; near-identical actions across deals ("proposed a phased
  rollout starting with one business unit" and the same with "to spread the cost") are one play;
- ``won`` counts won deals where the play was tried and no note says it failed; ``lost`` counts lost deals
  where it was tried, and won deals whose own notes say it did not land (they count against, not for);
- a deal whose notes disagree about the play (one says it moved them, another that they were not
  convinced) is listed in ``contradictions`` with both notes and is never used as evidence;
- plays are ranked by net support (won minus lost, each deal weighted by how closely it matches the
  question), so a play seen in two loosely related deals does not beat one seen in twenty close ones.
  Plays that won more often than they lost are suggested; plays that lost more often are what to avoid,
  when the losses are clear (the Wilson lower bound of their loss share is above one half).

Notes of deals outside the caller's scope are shown as ``search.py`` shows them: without contact names,
e-mail addresses, phone numbers or figures.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from rapidfuzz import fuzz
from sqlalchemy import Engine, select

from copilot.crm.identity import Identity
from copilot.crm.models import Account, Contact, DealNote, Opportunity, Product
from copilot.crm.names import Names
from tools.talk_tracks.reading import NoteReading, imperative, present, read_note
from tools.talk_tracks.redact import MARKERS, redact

if TYPE_CHECKING:
    from tools.talk_tracks.store import TalkTrackStore

CANDIDATES = 100
"""Notes each side of the ranking returns for plays: more than the snippets need, so counts mean something."""
MIN_DEALS = 2
"""A play tried in a single deal is an anecdote, not a suggestion."""
SAME_PLAY = 88
"""rapidfuzz similarity (0-100) at which two actions are the same play."""
Z = 1.96
SHOWN = {"evidence": 3, "against": 2, "contradictions": 3}


class CitedNote(BaseModel):
    """A deal's note as the rep is shown it: cited by deal and date, redacted outside the caller's scope."""

    deal_id: str
    date: str
    kind: str
    outcome: str
    product: str
    sector: str
    account: str
    text: str
    redacted: bool
    cite: str


class Cited(CitedNote):
    """One note, cited by deal and date, with its stance on the play."""

    note_id: str
    stance: str


class Contradiction(BaseModel):
    deal_id: str
    outcome: str
    action: str
    notes: list[Cited]


class Play(BaseModel):
    action: str
    """The play in the notes' words, without the leading "we"."""
    line: str
    """What the rep can say or do, with the record behind it."""
    concern: str | None = None
    won: int
    lost: int
    tried: int
    """Similar deals where the play was tried (``won + lost``)."""
    won_but_failed: int = 0
    """Won deals whose own notes say the play did not land (counted in ``lost``)."""
    contradicted: int = 0
    by_sector: dict[str, dict[str, int]]
    sectors: int = 0
    """How many sectors the line counts ("across 9 sectors"): those where it won, or lost for a play to avoid."""
    by_product: dict[str, dict[str, int]]
    evidence: list[Cited]
    against: list[Cited]
    contradictions: list[Contradiction]
    score: float


class PlayReport(BaseModel):
    plays: list[Play]
    avoid: list[Play]
    contradictions: list[Contradiction]


@dataclass
class Note:
    note_id: str
    deal_id: str
    date: str
    kind: str
    outcome: str
    product: str
    sector: str
    account: str
    account_id: int
    rep_id: int
    text: str
    reading: NoteReading = field(default=None)  # type: ignore[assignment]


def deal_notes(engine: Engine, deal_ids: list[str]) -> dict[str, list[Note]]:
    """Every note of the given deals, oldest first, each read once (plays, stance, concern)."""
    if not deal_ids:
        return {}
    n, o, p, a = DealNote, Opportunity, Product, Account
    stmt = (select(n.id, n.kind, n.written_at, n.title, n.body, o.id.label("deal_id"), o.stage, o.user_id,
                   p.name.label("product"), a.name.label("account"), a.id.label("account_id"), a.sector)
            .join(o, o.id == n.opportunity_id).join(p, p.id == o.product_id).outerjoin(a, a.id == o.account_id)
            .where(o.id.in_(sorted(set(deal_ids)))).order_by(o.id, n.written_at, n.id))
    out: dict[str, list[Note]] = defaultdict(list)
    with engine.connect() as conn:
        for r in conn.execute(stmt):
            text = f"{r.title}. {r.body}" if r.title else r.body
            note = Note(r.id, r.deal_id, r.written_at.date().isoformat(), r.kind,
                        {"Won": "won", "Lost": "lost"}.get(r.stage, "open"), r.product, r.sector or "",
                        r.account or "", int(r.account_id or 0), int(r.user_id), text)
            note.reading = read_note(text)
            out[r.deal_id].append(note)
    return out


def failed_deals(engine: Engine, deal_ids: list[str]) -> set[str]:
    """Deals with a note that says the play tried did not land (or both did and did not)."""
    return {d for d, notes in deal_notes(engine, deal_ids).items()
            if any(f.stance in ("failed", "mixed") for n in notes for f in n.reading.plays)}


def _key(action: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", imperative(action).casefold()))


def _same(a: str, b: str) -> bool:
    short, long_ = sorted((a.split(), b.split()), key=len)
    if len(short) >= 3 and long_[: len(short)] == short:  # "take three weeks" of "take three weeks to return ..."
        return True
    score = fuzz.token_sort_ratio(a, b)
    if min(len(a.split()), len(b.split())) >= 4:  # a shortened mention of the same play
        score = max(score, fuzz.token_set_ratio(a, b))
    return score >= SAME_PLAY


def group_actions(actions: list[str]) -> dict[str, int]:
    """action -> play number: near-identical actions (after normalising the verb and the words) share one."""
    counts = Counter(_key(a) for a in actions)
    reps: list[str] = []
    of_key: dict[str, int] = {}
    for key, _ in sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0])):
        of_key[key] = next((i for i, r in enumerate(reps) if _same(key, r)), len(reps))
        if of_key[key] == len(reps):
            reps.append(key)
    return {a: of_key[_key(a)] for a in actions}


def wilson_lower(successes: float, n: float, z: float = Z) -> float:
    """The lower bound of the Wilson score interval: a share that few trials cannot push to the top."""
    if n <= 0:
        return 0.0
    p = successes / n
    centre = p + z * z / (2 * n)
    spread = z * math.sqrt(max(0.0, p * (1 - p) / n + z * z / (4 * n * n)))
    return (centre - spread) / (1 + z * z / n)


@dataclass
class _Tally:
    won: int = 0
    lost: int = 0
    won_but_failed: int = 0
    weight_won: float = 0.0
    weight_all: float = 0.0
    by_sector: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    by_product: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    evidence: list[Note] = field(default_factory=list)
    against: list[Note] = field(default_factory=list)
    contradictions: list[tuple[str, str, list[Note]]] = field(default_factory=list)
    actions: Counter = field(default_factory=Counter)
    concerns: dict[str, float] = field(default_factory=lambda: defaultdict(float))


def _tally(order: list[str], weights: dict[str, float], notes: dict[str, list[Note]]) -> dict[int, _Tally]:
    actions = [f.action for d in order for n in notes.get(d, []) for f in n.reading.plays]
    play_of = group_actions(actions)
    tallies: dict[int, _Tally] = defaultdict(_Tally)
    for deal in order:
        deal_notes_ = notes.get(deal, [])
        if not deal_notes_ or deal_notes_[0].outcome == "open":
            continue
        outcome = deal_notes_[0].outcome
        concern = next((n.reading.concern for n in deal_notes_ if n.reading.concern), None)
        stances: dict[int, list[tuple[Note, str]]] = defaultdict(list)
        for n in deal_notes_:
            for f in n.reading.plays:
                stances[play_of[f.action]].append((n, f.stance))
                tallies[play_of[f.action]].actions[f.action] += 1
        for play, said in stances.items():
            t = tallies[play]
            worked = [n for n, s in said if s == "worked"]
            failed = [n for n, s in said if s in ("failed", "mixed")]
            won = outcome == "won" and not failed
            t.won, t.lost = t.won + won, t.lost + (not won)
            t.won_but_failed += outcome == "won" and bool(failed)
            t.weight_all += weights[deal]
            t.weight_won += weights[deal] * won
            side = "won" if won else "lost"
            t.by_sector[deal_notes_[0].sector or "unknown"][side] += 1
            t.by_product[deal_notes_[0].product][side] += 1
            if worked and failed:
                t.contradictions.append((deal, outcome, worked[:1] + [n for n in failed[:1] if n is not worked[0]]))
            elif won:
                t.evidence += worked[:1]
                if concern:
                    t.concerns[concern] += weights[deal]
            else:
                t.against += failed[:1]
    return tallies


def _score(t: _Tally, suggested: bool) -> float:
    """Net support: deals won minus deals lost where the play was tried, each deal weighted by how closely it
    matches the question (for a play to avoid, the other way round). A share alone would put a play seen in
    seven loosely related deals, all won, above one won in twelve of fourteen close ones."""
    net = t.weight_won - (t.weight_all - t.weight_won)
    return net if suggested else -net


class _Shower:
    """Notes as the caller may see them: out-of-scope deals without contact details (as ``search.py``)."""

    def __init__(self, engine: Engine, identity: Identity, notes: dict[str, list[Note]],
                 withheld: set[str] | frozenset[str] = frozenset()) -> None:
        self.identity = identity
        self.withheld = withheld
        outside = {n.account_id for ns in notes.values() for n in ns if not identity.may_see_user(n.rep_id)}
        self.names: dict[int, list[str]] = defaultdict(list)
        if outside:
            with engine.connect() as conn:
                for account_id, name in conn.execute(select(Contact.account_id, Contact.name)
                                                     .where(Contact.account_id.in_(sorted(outside)))):
                    self.names[account_id].append(name or "")

    def hidden(self, n: Note) -> bool:
        return not self.identity.may_see_user(n.rep_id)

    def citable(self, n: Note) -> bool:
        """Whether the note may be quoted: not one of a deal the caller may not see at an account the question names
        (``withheld``: case-folded names), which would tell another rep's story of it."""
        return not (self.hidden(n) and n.account.casefold() in self.withheld)

    def text(self, n: Note, text: str | None = None) -> str:
        text = n.text if text is None else text
        return redact(text, self.names.get(n.account_id, []), [n.account]) if self.hidden(n) else text

    def cited(self, n: Note) -> Cited:
        stances = {f.stance for f in n.reading.plays} - {"none"}
        stance = stances.pop() if len(stances) == 1 else "mixed" if stances else "none"
        return Cited(note_id=n.note_id, deal_id=n.deal_id, date=n.date, kind=n.kind, outcome=n.outcome,
                     product=n.product, sector=n.sector, account="" if self.hidden(n) else n.account,
                     text=self.text(n), stance=stance,
                     redacted=self.hidden(n), cite=f"deal {n.deal_id}, {n.date}")


def _where(counts: dict[str, Counter], side: str) -> str:
    """'most in retail and finance' when two sectors hold at least half of the deals, else 'across 9 sectors'."""
    ranked = sorted(((c[side], name) for name, c in counts.items() if c[side]), key=lambda x: (-x[0], x[1]))
    total = sum(n for n, _ in ranked)
    if not ranked:
        return ""
    if len(ranked) == 1:
        return f"all in {ranked[0][1]}"
    if 2 * sum(n for n, _ in ranked[:2]) >= total:
        return f"most in {ranked[0][1]} and {ranked[1][1]}"
    return f"across {len(ranked)} sectors"


def _deals(n: int) -> str:
    return f"{n} similar deal{'s' if n != 1 else ''}"


def _line(action: str, concern: str | None, query: str, t: _Tally, suggested: bool) -> str:
    verb = imperative(action)
    if suggested:
        where = _where(t.by_sector, "won")
        lead = f"When {present(concern)}, {verb}" if concern else f"For \u201c{query}\u201d: {verb[:1].upper()}{verb[1:]}"
        return f"{lead} \u2014 it moved {_deals(t.won)} ({t.won} won, {t.lost} lost where tried; {where})."
    where = _where(t.by_sector, "lost")
    return (f"Don't {verb} \u2014 {t.lost} of {_deals(t.won + t.lost)} where it was tried were lost or did not land"
            f" ({where}).")


def _pick_concern(t: _Tally) -> str | None:
    """The concern recorded in the deals where the play worked that match the question best: each deal adds
    its ranking weight, so the concern closest to the question (by words and by meaning) wins without
    embedding anything again."""
    return max(t.concerns, key=lambda c: (t.concerns[c], c)) if t.concerns else None


def plays_from_ranked(engine: Engine, identity: Identity, query: str,
                      ranked: list[tuple[str, float, dict[str, Any], str]], *, limit: int = 3,
                      withheld: set[str] | frozenset[str] = frozenset()) -> PlayReport:
    """Plays from deals ranked for ``query`` (``search.rank``'s output, best first); ``withheld``: see ``_Shower``."""
    order = [item[2]["deal_id"] for item in ranked]
    if not order:
        return PlayReport(plays=[], avoid=[], contradictions=[])
    top = max(item[1] for item in ranked) or 1.0
    weights = {item[2]["deal_id"]: item[1] / top for item in ranked}
    notes = deal_notes(engine, order)
    show = _Shower(engine, identity, notes, withheld)
    holders: dict[str, list[Note]] = defaultdict(list)  # an action or a concern -> the notes that say it
    for n in (n for ns in notes.values() for n in ns):
        for said in [f.action for f in n.reading.plays] + [n.reading.concern or ""]:
            holders[said].append(n)
    plays: list[Play] = []
    avoid: list[Play] = []
    for t in _tally(order, weights, notes).values():
        suggested = t.won > t.lost
        if t.won + t.lost < MIN_DEALS or t.won == t.lost or (
                not suggested and wilson_lower(t.lost, t.won + t.lost) <= 0.5):
            continue  # "don't do this" only when the losses are clear: a winning play can lose 4 of 7 by chance
        action = _shown_wording(sorted(t.actions, key=lambda a: (-t.actions[a], -len(a), a)), holders, show)
        concern = _shown_wording([_pick_concern(t)], holders, show) if suggested and t.concerns else None
        cite = show.cited
        (plays if suggested else avoid).append(Play(
            action=action, line=_line(action, concern, query, t, suggested), concern=concern, won=t.won, lost=t.lost,
            tried=t.won + t.lost, won_but_failed=t.won_but_failed, contradicted=len(t.contradictions),
            by_sector={k: {"won": v["won"], "lost": v["lost"]} for k, v in sorted(t.by_sector.items())},
            sectors=sum(1 for v in t.by_sector.values() if v["won" if suggested else "lost"]),
            by_product={k: {"won": v["won"], "lost": v["lost"]} for k, v in sorted(t.by_product.items())},
            evidence=[cite(n) for n in t.evidence if show.citable(n)][: SHOWN["evidence"]],
            against=[cite(n) for n in t.against if show.citable(n)][: SHOWN["against"]],
            contradictions=[Contradiction(deal_id=d, outcome=o, action=action, notes=[cite(n) for n in ns])
                            for d, o, ns in [c for c in t.contradictions if all(show.citable(n) for n in c[2])]
                            [: SHOWN["contradictions"]]],
            score=round(_score(t, suggested), 4)))
    plays = sorted(plays, key=lambda p: (-p.score, -p.won, p.action))[:limit]
    avoid = sorted(avoid, key=lambda p: (-p.score, -p.lost, p.action))[:limit]
    rank_of = {d: i for i, d in enumerate(order)}
    by_deal = {c.deal_id: c for p in reversed(plays + avoid) for c in p.contradictions}
    contradictions = sorted(by_deal.values(), key=lambda c: rank_of.get(c.deal_id, len(order)))
    return PlayReport(plays=plays, avoid=avoid, contradictions=contradictions[:limit])


def _shown_wording(wordings: list[str], holders: dict[str, list[Note]], show: _Shower) -> str:
    """The first wording a note the caller may see uses; else the first, redacted as its note would be and made
    sayable (``sayable``)."""
    for said in wordings:
        if any(not show.hidden(n) for n in holders.get(said, [])):
            return said
    return sayable(show.text(holders[wordings[0]][0], wordings[0])) if holders.get(wordings[0]) else wordings[0]


_CONTACT_MARK = "[contact]"
_MARKED = re.compile(r"(?:\s*\b(?:a|an|the|of|by|to|at|on|about|for|with|around|some|over|under|ext|extension)\b\.?)?\s*"
                     r"(?:" + "|".join(re.escape(m) for m in MARKERS if m != _CONTACT_MARK) + r")"
                     r"(?:\s*(?:%|percent|x|times)(?!\w))?")
_CONTACT = re.compile(re.escape(_CONTACT_MARK) + r"(?:'s|’s)?")


def sayable(text: str) -> str:
    """A redacted wording a rep can say as it is: what stood for a figure, a date, an address or a phone number is
    left out with the little word before it ("the SOC [number] report" reads "the SOC report", "a discount of
    [amount]" reads "a discount"), and a person named is "their contact"; never a marker in a line to say."""
    text = _CONTACT.sub(lambda m: "their contact's" if m.group(0) != _CONTACT_MARK else "their contact", text)
    text = _MARKED.sub("", text)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", re.sub(r"\(\s*\)", "", text))
    return re.sub(r"\s{2,}", " ", text).strip(" ,;:")


def _filters(names: Names, product: Any, sector: Any) -> dict[str, list[str]]:
    filters: dict[str, list[str]] = {}
    for field_name, values in (("product", product), ("sector", sector)):
        if isinstance(values, str):
            values = [values]
        if values:
            filters[field_name] = sorted({names.resolve(field_name, v).name for v in values})
    return filters


def suggest_plays(engine: Engine, store: "TalkTrackStore", identity: Identity, query: str, *,
                  product: str | list[str] | None = None, sector: str | list[str] | None = None,
                  names: Names | None = None, limit: int = 3) -> list[Play]:
    """The plays to suggest for ``query``, best first (see the module's docstring for how they are counted)."""
    return analyse_plays(engine, store, identity, query, product=product, sector=sector, names=names,
                         limit=limit).plays


def analyse_plays(engine: Engine, store: "TalkTrackStore", identity: Identity, query: str, *,
                  product: str | list[str] | None = None, sector: str | list[str] | None = None,
                  names: Names | None = None, limit: int = 3, mode: str = "hybrid",
                  filters: dict[str, list[str]] | None = None, vector: Any = None,
                  withheld: set[str] | frozenset[str] = frozenset()) -> PlayReport:
    """Suggested plays, plays to avoid and the contradictions among them, for ``query`` (``withheld``: see
    ``_Shower``)."""
    from tools.talk_tracks.search import rank

    if filters is None:
        filters = _filters(names or Names.load(engine), product, sector)
    ranked = rank(store, query, filters, mode, candidates=CANDIDATES, vector=vector)  # type: ignore[arg-type]
    return plays_from_ranked(engine, identity, query, ranked, limit=limit, withheld=withheld)
