"""Every rep against every account they do not own, through each tool: no figure, no contact detail.

Over the small demo company (``demo_workspace``, ``talk_store``): for each rep, and for each manager,
a seeded sample of the accounts none of whose deals (or activities) are in their scope, is put to
every read tool through ``copilot.toolbox.run_tool`` -- the path the agent takes -- and the result
must be either a scope error (no digit, no contact detail in it) or a result that carries neither a
contact name or e-mail address of that account nor a figure computed from its deals. Talk-track
snippets from deals outside the caller's scope must be redacted.

The checks return lists of problems rather than asserting, so that the positive control can run the
very same checks on sales-ops' results for the same accounts and see them flag figures and contact
details: the matrix would notice a leak.

Then the same questions through the whole agent (offline planner) as a rep and as a manager.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import Engine, text

from copilot.context import CopilotContext
from copilot.crm.identity import Identity, identity_for
from copilot.demo import ANCHOR
from copilot.settings import Settings
from copilot.toolbox import TOOLS, run_tool

SEED = 20240611
PER_IDENTITY = 5
"""Foreign accounts sampled per rep and per manager (every tool is run for every sampled pair)."""
NOW = ANCHOR.replace(tzinfo=None)
ZERO = (0, 0.0, None)
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PLACEHOLDER_RE = re.compile(r"\[(?:contact|email|phone|amount|number|date)\]")
OPPORTUNITY_METRICS = [["count", "won_count", "lost_count", "open_count", "won_revenue", "avg_won_deal_size",
                        "win_rate", "avg_sales_cycle_days"], ["open_pipeline_list_price", "won_revenue"]]
ACTIVITY_METRICS = ["count", "touches", "replies", "reply_rate"]


# ------------------------------------------------------------------------------------------- the world


@dataclass(frozen=True)
class Account:
    id: int
    name: str
    contacts: tuple[tuple[str, str], ...]
    """(name, e-mail) of every contact of the account."""
    deal_ids: frozenset[str]
    owners: frozenset[int]
    activity_users: frozenset[int]
    deal_count: int
    won_revenue: float


@dataclass(frozen=True)
class World:
    engine: Engine
    settings: Settings
    accounts: dict[int, Account]
    by_name: dict[str, Account]
    deal_owner: dict[str, tuple[int, int]]
    """deal id -> (owning user id, account id)."""
    contact_names: dict[int, list[str]]
    reps: list[str]
    managers: list[str]


@pytest.fixture(scope="module")
def world(demo_workspace, tmp_path_factory: pytest.TempPathFactory) -> World:  # noqa: ANN001
    demo_settings, engine = demo_workspace
    # Our own workspace directory (the follow-up model is cached under it), same CRM database.
    settings = Settings(home=tmp_path_factory.mktemp("scope-matrix"),
                        database_url=engine.url.render_as_string(hide_password=False))
    with engine.connect() as conn:
        deals = conn.execute(text("SELECT id, user_id, account_id, stage, close_value FROM opportunities")).all()
        contacts = conn.execute(text("SELECT account_id, name, email FROM contacts ORDER BY email")).all()
        acts = conn.execute(text("SELECT DISTINCT account_id, user_id FROM activities")).all()
        names = dict(conn.execute(text("SELECT id, name FROM accounts")).all())
        users = conn.execute(text("SELECT name, role FROM users ORDER BY name")).all()
    by_account: dict[int, list[Any]] = {}
    for d in deals:
        if d.account_id is not None:
            by_account.setdefault(d.account_id, []).append(d)
    people: dict[int, list[tuple[str, str]]] = {}
    for c in contacts:
        people.setdefault(c.account_id, []).append((c.name or "", c.email))
    active: dict[int, set[int]] = {}
    for a in acts:
        active.setdefault(a.account_id, set()).add(a.user_id)
    accounts = {
        aid: Account(aid, names[aid], tuple(people.get(aid, ())), frozenset(d.id for d in ds),
                     frozenset(d.user_id for d in ds), frozenset(active.get(aid, ())), len(ds),
                     float(sum(d.close_value or 0 for d in ds if d.stage == "Won")))
        for aid, ds in by_account.items()
    }
    return World(engine, settings, accounts, {a.name: a for a in accounts.values()},
                 {d.id: (d.user_id, d.account_id) for d in deals},
                 {aid: [n for n, _ in ps] for aid, ps in people.items()},
                 [u.name for u in users if u.role == "rep"], [u.name for u in users if u.role == "manager"])


def foreign_accounts(world: World, me: Identity) -> list[Account]:
    """Accounts with deals, none of whose deals and none of whose activities are in ``me``'s scope."""
    return sorted((a for a in world.accounts.values()
                   if not any(me.may_see_user(u) for u in a.owners | a.activity_users)),
                  key=lambda a: a.name)


def sample(world: World, who: str) -> tuple[Identity, list[Account]]:
    me = identity_for(world.engine, who)
    foreign = foreign_accounts(world, me)
    return me, random.Random(f"{SEED}:{who}").sample(foreign, min(PER_IDENTITY, len(foreign)))


@pytest.fixture(scope="module")
def matrix(world: World) -> dict[str, list[tuple[Identity, list[Account]]]]:
    """role -> [(identity, its sampled foreign accounts)], for every rep and every manager."""
    return {"rep": [sample(world, r) for r in world.reps], "manager": [sample(world, m) for m in world.managers]}


def context(world: World, me: Identity, talk_store: Any) -> CopilotContext:
    return CopilotContext(identity=me, engine=world.engine, settings=world.settings, clock=lambda: NOW,
                          retriever=lambda: talk_store)


def call(ctx: CopilotContext, tool: str, args: dict[str, Any]) -> tuple[str, Any]:
    raw = run_tool(ctx, tool, args)
    return raw, json.loads(raw)


# ------------------------------------------------------------------------------------------- the checks


def contact_details(raw: str, acct: Account) -> list[str]:
    """The contact names and e-mail addresses of ``acct`` that appear in ``raw`` (any case)."""
    low = raw.casefold()
    found = []
    for name, email in acct.contacts:
        if email.casefold() in low:
            found.append(f"e-mail {email}")
        if name and re.search(rf"(?<!\w){re.escape(name.casefold())}(?!\w)", low):
            found.append(f"contact name {name}")
    return found


def deal_figures(raw: str, acct: Account) -> list[str]:
    """Figures that can only come from ``acct``'s deals: their ids and the account's won revenue."""
    found = [f"deal id {d}" for d in sorted(acct.deal_ids) if re.search(rf"(?<!\w){re.escape(d)}(?!\w)", raw)]
    if acct.won_revenue >= 1000:
        whole = int(round(acct.won_revenue))
        shown = [s for s in (f"{whole:,}", str(whole)) if re.search(rf"(?<![\d,]){re.escape(s)}(?![\d,])", raw)]
        if shown:
            found.append(f"won revenue {shown[0]}")
    return found


def scope_error_problems(data: dict[str, Any], acct: Account) -> list[str]:
    message = str(data.get("error", ""))
    problems = []
    if data.get("type") != "ScopeError" or not message.startswith("not in your scope"):
        problems.append(f"an error that is not a scope refusal: {data}")
    if re.search(r"\d", message):
        problems.append(f"digits in the scope error: {message!r}")
    problems += contact_details(message, acct)
    return problems


def refusal_problems(raw: str, data: Any, acct: Account) -> list[str]:
    """For tools that must refuse outright (profile, follow-up, draft): a clean scope error."""
    if isinstance(data, dict) and "error" in data:
        return scope_error_problems(data, acct)
    problems = ["a result instead of a scope error"]
    problems += contact_details(raw, acct) + deal_figures(raw, acct)
    deals = data.get("deals") if isinstance(data, dict) else None
    if isinstance(deals, dict):
        problems += [f"{k} = {deals.get(k)}" for k in ("open_count", "won_count", "lost_count", "won_revenue",
                                                        "open_pipeline_list_price") if deals.get(k) not in ZERO]
    return problems


def crm_problems(raw: str, data: Any, acct: Account) -> list[str]:
    """A CRM query naming a foreign account: a scope error, or nothing but zeros (firmographics excepted)."""
    if "error" in data:
        return scope_error_problems(data, acct)
    problems = contact_details(raw, acct) + deal_figures(raw, acct)
    if data["entity"] in ("opportunities", "activities"):
        if data["record_ids"] or data["record_count"]:
            problems.append(f"{data['record_count']} records behind the result: {data['record_ids'][:5]}")
        metrics = [m for m in data["columns"] if m in data["definitions"]]
        for row in data["rows"]:
            problems += [f"{m} = {row[m]}" for m in metrics if row.get(m) not in ZERO]
            if row.get("account") == acct.name:
                problems.append(f"a row for the account: {row}")
    return problems


def snippet_problems(snippets: list[dict[str, Any]], me: Identity, world: World, acct: Account) -> list[str]:
    """Every snippet from a deal outside ``me``'s scope is redacted: no contact name (any part of it)
    or e-mail of the deal's account, none of ``acct``'s, no e-mail address at all, no digit."""
    problems = []
    for s in snippets:
        owner, account_id = world.deal_owner[s["deal_id"]]
        outside = not me.may_see_user(owner)
        if s["redacted"] != outside:
            problems.append(f"snippet of deal {s['deal_id']}: redacted={s['redacted']}, outside scope={outside}")
        if not outside:
            continue
        body = PLACEHOLDER_RE.sub(" ", s["text"])
        tokens = {t for n in world.contact_names.get(account_id, []) for t in re.split(r"[\s\-.'’,]+", n)
                  if len(t) >= 2}
        problems += [f"deal {s['deal_id']}: contact name part {t!r} in {s['text']!r}" for t in sorted(tokens)
                     if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", body, re.IGNORECASE)]
        problems += [f"deal {s['deal_id']}: {d}" for d in contact_details(body, acct)]
        if EMAIL_RE.search(body):
            problems.append(f"deal {s['deal_id']}: an e-mail address in {s['text']!r}")
        if re.search(r"\d", s["text"]):
            problems.append(f"deal {s['deal_id']}: a digit in {s['text']!r}")
    return problems


def report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n" + "\n".join(problems[:25])


# ------------------------------------------------------------------------------------------- the matrix


def test_the_matrix_covers_every_rep_and_manager(world: World, matrix) -> None:  # noqa: ANN001
    assert len(world.reps) >= 10 and len(world.managers) >= 2, (world.reps, world.managers)
    for role in ("rep", "manager"):
        assert len(matrix[role]) == len(world.reps if role == "rep" else world.managers)
        for me, accounts in matrix[role]:
            assert me.role == role
            assert len(accounts) == PER_IDENTITY, (me.name, [a.name for a in accounts])
            for acct in accounts:
                assert acct.contacts and acct.deal_count and not me.team & (acct.owners | acct.activity_users)
    sampled = {a.id for rows in matrix.values() for _, accounts in rows for a in accounts}
    assert len(sampled) >= len(world.accounts) // 2, (len(sampled), len(world.accounts))
    # the same seed gives the same sample
    assert [a.name for a in sample(world, world.reps[0])[1]] == [a.name for a in matrix["rep"][0][1]]
    # every read tool the agent has is exercised below
    # (my_day takes no names at all: its scope is tested in test_my_day.py)
    assert set(TOOLS) == {"crm_query", "customer_profile", "next_followup", "draft_email", "talk_tracks", "my_day"}


def crm_queries(acct: Account) -> list[dict[str, Any]]:
    named = {"account": [acct.name]}
    queries: list[dict[str, Any]] = [{"metrics": m, "filters": named} for m in OPPORTUNITY_METRICS]
    queries += [
        {"metrics": ["won_revenue", "count"], "filters": {"account": [acct.name.lower()]}},  # named leniently
        {"metrics": ["won_count", "won_revenue"], "filters": {**named, "stage": ["Won"]}},
        {"metrics": ["won_revenue", "count", "win_rate"], "filters": named, "group_by": ["account"]},
        {"metrics": ["count", "open_pipeline_list_price"], "filters": named, "group_by": ["rep", "stage"]},
        {"metrics": ["won_revenue"], "filters": named, "group_by": ["close_year"]},
        {"entity": "activities", "metrics": ACTIVITY_METRICS, "filters": named},
        {"entity": "activities", "metrics": ACTIVITY_METRICS, "filters": named, "group_by": ["rep"]},
        {"entity": "accounts", "filters": named},  # firmographics: reference data, no deal and no contact in it
    ]
    return queries


@pytest.mark.parametrize("role", ["rep", "manager"])
def test_crm_query_gives_no_figure_of_a_foreign_account(role: str, world: World, matrix, talk_store) -> None:  # noqa: ANN001
    problems, calls = [], 0
    for me, accounts in matrix[role]:
        ctx = context(world, me, talk_store)
        for acct in accounts:
            for query in crm_queries(acct):
                raw, data = call(ctx, "crm_query", query)
                calls += 1
                problems += [f"{me.name} / {acct.name} / {query}: {p}" for p in crm_problems(raw, data, acct)]
            # a contacts entity, if the CRM query ever offers one, must not list another rep's contacts
            raw, data = call(ctx, "crm_query", {"entity": "contacts", "filters": {"account": [acct.name]}})
            problems += [f"{me.name} / {acct.name} / contacts: {p}" for p in contact_details(raw, acct)]
    assert calls >= len(matrix[role]) * PER_IDENTITY * 10
    assert not problems, report(problems)


@pytest.mark.parametrize("role", ["rep", "manager"])
def test_grouped_results_leave_foreign_accounts_out(role: str, world: World, matrix, talk_store) -> None:  # noqa: ANN001
    """Asked without naming anyone, by account: the rows hold in-scope accounts only, and add up to the
    caller's own deals."""
    problems = []
    for me, accounts in matrix[role]:
        ctx = context(world, me, talk_store)
        _, opps = call(ctx, "crm_query", {"metrics": ["won_revenue", "count"], "group_by": ["account"],
                                          "limit": 500})
        _, acts = call(ctx, "crm_query", {"entity": "activities", "metrics": ["touches"], "group_by": ["account"],
                                          "limit": 500})
        shown = {r["account"] for r in opps["rows"]} | {r["account"] for r in acts["rows"]}
        problems += [f"{me.name} sees {a.name}" for a in accounts if a.name in shown]
        for name in shown:
            acct = world.by_name.get(name)
            if acct is None or not any(me.may_see_user(u) for u in acct.owners | acct.activity_users):
                problems.append(f"{me.name} sees {name}, which holds nothing of theirs")
        mine = sum(1 for owner, _ in world.deal_owner.values() if me.may_see_user(owner))
        if sum(r["count"] for r in opps["rows"]) != mine:
            problems.append(f"{me.name}: rows add up to {sum(r['count'] for r in opps['rows'])} deals, owns {mine}")
    assert not problems, report(problems)


@pytest.mark.parametrize("role", ["rep", "manager"])
def test_customer_profile_refuses_a_foreign_account(role: str, world: World, matrix, talk_store) -> None:  # noqa: ANN001
    problems = []
    for me, accounts in matrix[role]:
        ctx = context(world, me, talk_store)
        for acct in accounts:
            for typed in (acct.name, acct.name.upper()):
                raw, data = call(ctx, "customer_profile", {"account": typed})
                problems += [f"{me.name} / {typed}: {p}" for p in refusal_problems(raw, data, acct)]
    assert not problems, report(problems)


@pytest.mark.parametrize("role", ["rep", "manager"])
def test_next_followup_refuses_a_foreign_account_and_its_contacts(role: str, world: World, matrix,  # noqa: ANN001
                                                                   talk_store) -> None:  # noqa: ANN001
    problems, calls = [], 0
    for me, accounts in matrix[role]:
        ctx = context(world, me, talk_store)
        for acct in accounts:
            asks = [{"account": acct.name}]
            asks += [{"contact_email": email} for _, email in acct.contacts]
            asks.append({"contact_email": f"  {acct.contacts[0][1].upper()} "})
            for args in asks:
                raw, data = call(ctx, "next_followup", args)
                calls += 1
                problems += [f"{me.name} / {acct.name} / {args}: {p}" for p in refusal_problems(raw, data, acct)]
    assert calls >= len(matrix[role]) * PER_IDENTITY * 3
    assert not problems, report(problems)


@pytest.mark.parametrize("role", ["rep", "manager"])
def test_draft_email_refuses_a_foreign_account(role: str, world: World, matrix, talk_store) -> None:  # noqa: ANN001
    problems = []
    for me, accounts in matrix[role]:
        ctx = context(world, me, talk_store)
        for acct in accounts:
            asks: list[dict[str, Any]] = [{"account": acct.name}]
            for name, email in acct.contacts:
                asks += [{"account": acct.name, "contact": name}, {"account": acct.name, "contact": email},
                         {"account": acct.name, "contact": email, "purpose": "pricing", "tone": "formal"}]
            for args in asks:
                raw, data = call(ctx, "draft_email", args)
                problems += [f"{me.name} / {args}: {p}" for p in refusal_problems(raw, data, acct)]
    assert not problems, report(problems)


@pytest.mark.parametrize("role", ["rep", "manager"])
def test_draft_email_to_a_foreign_contact_through_an_own_account(role: str, world: World, matrix,  # noqa: ANN001
                                                                  talk_store) -> None:  # noqa: ANN001
    """Naming one of the caller's accounts but another rep's contact: no draft to that contact, and the
    error tells nothing about them beyond what was typed (typed the e-mail: no name; typed the name: no
    e-mail)."""
    problems, tried = [], 0
    for me, accounts in matrix[role]:
        own = next((a for a in sorted(world.accounts.values(), key=lambda a: a.name)
                    if a.contacts and any(me.may_see_user(u) for u in a.owners)), None)
        if own is None:
            continue
        ctx = context(world, me, talk_store)
        for acct in accounts:
            name, email = acct.contacts[0]
            if (name, email) not in own.contacts:
                for typed in (email, name):
                    tried += 1
                    raw, data = call(ctx, "draft_email", {"account": own.name, "contact": typed})
                    if "error" not in data:
                        problems.append(f"{me.name}: a draft to {typed} through {own.name}")
                    told = re.sub(re.escape(typed), " ", raw, flags=re.IGNORECASE)
                    problems += [f"{me.name} / {own.name} / {typed}: {p}" for p in contact_details(told, acct)]
    assert tried >= len(matrix[role]) * PER_IDENTITY, tried
    assert not problems, report(problems)


@pytest.mark.parametrize("role", ["rep", "manager"])
def test_talk_tracks_redact_foreign_deals(role: str, world: World, matrix, talk_store) -> None:  # noqa: ANN001
    problems = []
    seen = redacted = about_the_account = 0
    for me, accounts in matrix[role]:
        ctx = context(world, me, talk_store)
        for i, acct in enumerate(accounts):
            asks: list[dict[str, Any]] = [{"query": f"{acct.name} pricing"}]
            if i < 2:  # searching by a contact's name (fewer of these: each search embeds its query)
                asks.append({"query": f"{acct.contacts[0][0]} at {acct.name}", "limit": 5, "outcome": "any"})
            for args in asks:
                raw, data = call(ctx, "talk_tracks", args)
                if "error" in data:
                    problems += [f"{me.name} / {args}: {p}" for p in scope_error_problems(data, acct)]
                    continue
                snippets = data["worked"] + data["did_not_work"]
                seen += len(snippets)
                redacted += sum(s["redacted"] for s in snippets)
                # a question naming the account is never answered from its deals the caller may not see
                cited = snippets + [c for p in data["plays"] + data["avoid"] for c in p["evidence"] + p["against"]]
                problems += [f"{me.name} / {args}: {c['deal_id']}, a deal of the account asked about, shown"
                             for c in cited if c["redacted"] and c["deal_id"] in acct.deal_ids]
                about_the_account += sum(c["deal_id"] in acct.deal_ids for c in cited)
                problems += [f"{me.name} / {args}: {p}" for p in snippet_problems(snippets, me, world, acct)]
    assert not problems, report(problems)
    # the searches found other deals the caller may not see, so the checks above had something to check; the
    # account's own deals (which sales-ops is shown, below) were left out
    assert redacted >= len(matrix[role]) * PER_IDENTITY, (seen, redacted)
    assert about_the_account == 0, about_the_account


# ------------------------------------------------------------------------------------------- positive control


def test_ops_sees_the_same_accounts_and_the_checks_would_notice(world: World, matrix, talk_store) -> None:  # noqa: ANN001
    """Sales-ops gets figures and contact details for the sampled accounts, and every check above flags
    them: a leak to a rep would not pass unnoticed."""
    ops = identity_for(world.engine, "ops")
    assert ops.sees_everything
    ctx = context(world, ops, talk_store)
    me, accounts = matrix["rep"][0]
    rep_view = {a.id for a in accounts}
    picked = sorted({a.id: a for rows in matrix.values() for _, accts in rows[:2] for a in accts}.values(),
                    key=lambda a: a.name)
    assert picked
    for acct in picked:
        where = f"ops / {acct.name}"
        # CRM query: the account's real figures
        raw, data = call(ctx, "crm_query", {"metrics": ["count", "won_revenue"], "filters": {"account": [acct.name]}})
        assert data["rows"] == [{"count": acct.deal_count, "won_revenue": round(acct.won_revenue, 2)}], where
        assert set(data["record_ids"]) == set(acct.deal_ids), where
        assert crm_problems(raw, data, acct), where
        raw, data = call(ctx, "crm_query", {"entity": "activities", "metrics": ["touches"],
                                            "filters": {"account": [acct.name]}})
        assert data["rows"][0]["touches"] > 0 and crm_problems(raw, data, acct), where
        # profile: contacts and totals
        raw, data = call(ctx, "customer_profile", {"account": acct.name})
        assert "error" not in data, (where, data)
        assert {c["email"] for c in data["contacts"]} == {e for _, e in acct.contacts}, where
        assert data["deals"]["won_revenue"] == pytest.approx(acct.won_revenue), where
        assert contact_details(raw, acct) and deal_figures(raw, acct) and refusal_problems(raw, data, acct), where
        # follow-up and draft: addressed to the account's contacts
        name, email = acct.contacts[0]
        raw, data = call(ctx, "next_followup", {"contact_email": email})
        assert "error" not in data and email in data["contact"], (where, data)
        assert contact_details(raw, acct) and refusal_problems(raw, data, acct), where
        raw, data = call(ctx, "next_followup", {"account": acct.name})
        assert "error" not in data and contact_details(raw, acct), (where, data)
        raw, data = call(ctx, "draft_email", {"account": acct.name, "contact": email})
        assert "error" not in data and data["to_name"] == name, (where, data)
        assert contact_details(raw, acct) and refusal_problems(raw, data, acct), where
        # talk tracks: nothing redacted for ops, and the same snippets would fail a rep's check
        raw, data = call(ctx, "talk_tracks", {"query": f"{acct.name} pricing"})
        snippets = data["worked"] + data["did_not_work"]
        assert snippets and not any(s["redacted"] for s in snippets), where
        if acct.id in rep_view:
            assert snippet_problems(snippets, me, world, acct), where
    # a rep's redacted snippet is the same deal as ops' clear one, with the contact's and the account's names gone
    rep_ctx = context(world, me, talk_store)
    found = False
    for query in ("what did the customer say about the budget", "who signed off on the security review",
                  "discovery call with the head of operations", "they asked for a discount"):
        _, clear = call(ctx, "talk_tracks", {"query": query, "limit": 10, "outcome": "any"})
        _, hidden = call(rep_ctx, "talk_tracks", {"query": query, "limit": 10, "outcome": "any"})
        clear_by_deal = {s["deal_id"]: s for s in clear["worked"] + clear["did_not_work"]}
        for s in hidden["worked"] + hidden["did_not_work"]:
            original = clear_by_deal.get(s["deal_id"])
            acct = world.accounts.get(world.deal_owner.get(s["deal_id"], (0, 0))[1])
            if s["redacted"] and original and acct and original["text"] != s["text"] \
                    and contact_details(original["text"], acct):
                assert "[contact]" in s["text"] and not contact_details(s["text"], acct)
                assert s["account"] == "" and original["account"] == acct.name
                found = True
    assert found, "no snippet naming a contact was found for both ops and the rep"


def test_the_checks_flag_a_leak() -> None:
    """The check functions themselves, on made-up results."""
    acct = Account(1, "Acme Corp", (("Maya Chen", "maya.chen@acme.example"),), frozenset({"NB000001"}),
                   frozenset({7}), frozenset({7}), 1, 123456.0)
    assert contact_details("write to MAYA CHEN", acct) == ["contact name Maya Chen"]
    assert contact_details("<maya.chen@acme.example>", acct) == ["e-mail maya.chen@acme.example"]
    assert contact_details("Mayan chenille", acct) == []
    assert deal_figures('{"won": 123456.0, "ids": ["NB000001"]}', acct) == ["deal id NB000001", "won revenue 123456"]
    assert deal_figures("won $123,456 in total", acct) == ["won revenue 123,456"]
    assert deal_figures("NB0000012 and 1234567", acct) == []
    leak = {"error": "not in your scope: Maya Chen, 3 deals", "type": "ScopeError"}
    assert len(scope_error_problems(leak, acct)) == 2
    assert scope_error_problems({"error": "no contact 'x'; contacts: Maya Chen", "type": "ToolInputError"}, acct)
    assert not scope_error_problems({"error": "not in your scope: the account Acme Corp", "type": "ScopeError"}, acct)
    zero = {"entity": "opportunities", "columns": ["count", "won_revenue"], "rows": [{"count": 0, "won_revenue": 0.0}],
            "definitions": {"count": "", "won_revenue": ""}, "record_ids": [], "record_count": 0}
    assert not crm_problems(json.dumps(zero), zero, acct)
    some = {**zero, "rows": [{"count": 1, "won_revenue": 10.0}], "record_ids": ["NB000001"], "record_count": 1}
    assert len(crm_problems(json.dumps(some), some, acct)) == 4


# ------------------------------------------------------------------------------------------- through the agent


QUESTIONS = {
    "brief": ("brief me on {account}", "customer_profile"),
    "won": ("how much have we won with {account}", "crm_query"),
    "followup": ("when should I follow up with {email}", "next_followup"),
}


@pytest.fixture(scope="module")
def copilot(world: World, talk_store, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN001, ANN201
    from copilot.runner import Copilot

    settings = Settings(home=tmp_path_factory.mktemp("scope-agent") / "home", llm="offline",
                        database_url=world.engine.url.render_as_string(hide_password=False))
    with Copilot(settings, world.engine, clock=lambda: NOW, retriever=lambda: talk_store) as cp:
        yield cp


def agent_pairs(matrix) -> list[tuple[Identity, Account]]:  # noqa: ANN001
    reps = matrix["rep"]
    chosen = [reps[0], reps[len(reps) // 2], reps[-1], matrix["manager"][0]]
    return [(me, accounts[i % len(accounts)]) for i, (me, accounts) in enumerate(chosen)]


def agent_problems(answer: str, acct: Account) -> list[str]:
    problems = contact_details(answer, acct) + deal_figures(answer, acct)
    if "not in your scope" not in answer:
        problems.append("no 'not in your scope'")
    else:
        tail = answer.split("not in your scope", 1)[1]
        if re.search(r"\d", tail):
            problems.append(f"digits after 'not in your scope': {tail!r}")
    return problems


@pytest.mark.parametrize("kind", [
    "brief",
    "won",  # crm_query refuses an account filter outside the caller's scope (it used to answer $0)
    "followup",
])
def test_agent_answers_a_rep_about_a_foreign_account(kind: str, matrix, copilot) -> None:  # noqa: ANN001
    template, tool = QUESTIONS[kind]
    problems = []
    for me, acct in agent_pairs(matrix):
        question = template.format(account=acct.name, email=acct.contacts[0][1])
        result = copilot.ask(question, me.name)
        if tool not in [c["name"] for c in result.tool_calls]:
            problems.append(f"{me.name}: {question!r} did not call {tool}: {result.tool_calls}")
        problems += [f"{me.name}: {question!r} -> {result.answer!r}: {p}" for p in agent_problems(result.answer, acct)]
    assert not problems, report(problems)


def test_agent_answers_ops_with_figures_and_contacts(matrix, copilot) -> None:  # noqa: ANN001
    """The positive control through the agent: the same questions as sales-ops get the account's figures
    and contacts, and the agent checks flag them."""
    for _, acct in agent_pairs(matrix):
        answers = {kind: copilot.ask(template.format(account=acct.name, email=acct.contacts[0][1]), "ops").answer
                   for kind, (template, _) in QUESTIONS.items()}
        assert "not in your scope" not in "".join(answers.values()), answers
        assert any(name in answers["brief"] for name, _ in acct.contacts), answers["brief"]
        assert f"${round(acct.won_revenue):,}" in answers["won"], (acct.won_revenue, answers["won"])
        assert acct.contacts[0][1] in answers["followup"], answers["followup"]
        for answer in answers.values():
            assert agent_problems(answer, acct), answer
