"""The draft requests of the e-mail evaluation, and what a good draft of each must do.

A request is a dialogue: a rep (with preferences set or not) asks for a draft, then may revise it in the same
conversation. Scripts and phrasings are data below; ``build(engine, split)`` fills them with reps, the accounts
of their open deals and those accounts' contacts from the CRM, and works out what every turn expects.

The dev and held-out sets use different accounts (every fourth account with an open deal, by name, is held
out) and different phrasings: no phrasing of the held-out set appears in the dev set.

``python -m evals.emails.requests [--split dev|held|all]`` prints the requests of the evaluation's workspace.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from sqlalchemy import Engine, text

SPLITS = ("dev", "held")

# -- scripts: (preferences, steps). A step is "open:<point>+<point>[/free][/nodisc][/formal|/friendly]" or a revision:
# shorter, longer, formal, friendly, add:<point>, drop:<point>, more (one more point of the rep's own), other (another
# contact of the account), reply (to the contact's last e-mail), zh, en. "signature": "yes" is filled in per rep.
SCRIPTS: dict[str, list[tuple[dict[str, str], list[str]]]] = {
    "dev": [
        ({}, ["open:phased_rollout/nodisc"]),
        ({}, ["open:pilot+roi"]),
        ({}, ["open:security_review/formal"]),
        ({}, ["open:dpa/free"]),
        ({}, ["open:reference_call/friendly"]),
        ({}, ["open:training+integration_plan"]),
        ({}, ["open:proof_of_concept/nodisc"]),
        ({}, ["open:multi_year/free"]),
        ({}, ["open:roi/free/nodisc"]),
        ({}, ["open:integration_plan"]),
        ({}, ["open:pilot/formal"]),
        ({}, ["open:phased_rollout+reference_call"]),
        ({}, ["open:dpa+security_review/nodisc"]),
        ({}, ["open:training/friendly/free"]),
        ({}, ["open:roi+multi_year/formal"]),
        ({}, ["open:proof_of_concept+integration_plan"]),
        ({}, ["open:phased_rollout/nodisc", "shorter", "formal", "add:pilot", "zh", "en"]),
        ({}, ["open:pilot+roi/free", "drop:pilot", "longer", "friendly"]),
        ({}, ["open:security_review+dpa", "other", "shorter", "zh"]),
        ({}, ["open:reference_call", "reply", "add:training", "shorter"]),
        ({}, ["open:proof_of_concept/free", "zh", "shorter", "en", "longer"]),
        ({}, ["open:multi_year/nodisc", "friendly", "drop:multi_year", "add:roi"]),
        ({}, ["open:integration_plan+training", "formal", "other", "reply"]),
        ({}, ["open:roi", "zh", "add:pilot", "drop:roi", "en"]),
        ({}, ["open:security_review/free", "longer", "shorter"]),
        ({}, ["open:phased_rollout+pilot", "drop:phased_rollout", "reply", "formal"]),
        ({}, ["open:dpa", "add:reference_call", "zh", "friendly"]),
        ({}, ["open:training/free", "other", "add:proof_of_concept", "shorter"]),
        ({}, ["open:pilot", "more", "longer", "zh", "en"]),
        ({}, ["open:multi_year+roi", "reply", "shorter", "drop:multi_year"]),
        ({}, ["open:integration_plan/nodisc", "add:security_review", "formal", "zh", "shorter"]),
        ({}, ["open:reference_call+proof_of_concept", "friendly", "other", "longer"]),
        ({"cc_manager": "true"}, ["open:pilot", "shorter"]),
        ({"language": "zh"}, ["open:roi+phased_rollout/nodisc", "add:security_review"]),
        ({"signature": "yes"}, ["open:reference_call/free", "formal"]),
        ({"tone": "formal"}, ["open:integration_plan", "longer"]),
        ({"cc_manager": "true", "tone": "friendly"}, ["open:multi_year", "zh", "en"]),
        ({"language": "zh", "signature": "yes", "cc_manager": "true"}, ["open:proof_of_concept", "shorter", "en"]),
        ({"tone": "friendly"}, ["open:dpa/free"]),
        ({"cc_manager": "true"}, ["open:training+roi", "other", "reply"]),
        ({"language": "zh"}, ["open:pilot", "friendly", "en"]),
        ({"signature": "yes", "tone": "formal"}, ["open:phased_rollout", "drop:phased_rollout", "add:pilot"]),
    ],
    "held": [
        ({}, ["open:phased_rollout/nodisc"]),
        ({}, ["open:pilot/free"]),
        ({}, ["open:security_review+dpa/formal"]),
        ({}, ["open:reference_call", "shorter", "zh", "en"]),
        ({}, ["open:roi+multi_year", "drop:multi_year", "friendly", "longer"]),
        ({}, ["open:proof_of_concept/free", "reply", "formal"]),
        ({}, ["open:integration_plan", "other", "add:training", "zh"]),
        ({}, ["open:training", "longer", "shorter"]),
        ({"cc_manager": "true", "language": "zh"}, ["open:pilot+roi", "en"]),
        ({"signature": "yes", "tone": "friendly"}, ["open:dpa/free", "shorter"]),
        ({}, ["open:phased_rollout+reference_call/nodisc", "drop:reference_call", "add:proof_of_concept", "formal"]),
        ({"tone": "formal"}, ["open:security_review", "reply"]),
        ({}, ["open:multi_year", "zh", "shorter"]),
        ({}, ["open:integration_plan+pilot", "more", "friendly"]),
    ],
}

# -- phrasings, per split ---------------------------------------------------------------------------------------------
OPENERS = {
    "dev": ["Draft an email to {who} at {account} {tail}", "Write to {who} at {account} {tail}",
            "Can you draft a follow-up email to {who} at {account} {tail}?", "Please draft an email for {who} at "
            "{account} {tail}", "Draft a note to {who} ({account}) {tail}", "I need an email to {who} at {account} "
            "{tail}", "Write an email to {who} at {account} {tail}", "Draft a message to {who} at {account} {tail}"],
    "held": ["Put together an email to {who} from {account} {tail}", "Could you prepare an email for {who} at "
             "{account}, {tail}?", "Help me write to {who} over at {account} {tail}",
             "Compose a message to {who}, {account}, {tail}"],
}
# how a request makes a point (after the contact), and how a revision names it
GERUNDS = {
    "dev": {"phased_rollout": ["proposing a phased rollout", "suggesting we roll it out in phases"],
            "pilot": ["offering a pilot", "mentioning the pilot"],
            "roi": ["walking them through the ROI", "mentioning the ROI model"],
            "reference_call": ["offering a reference call", "suggesting a reference call with an existing customer"],
            "security_review": ["about the security review", "offering to support their security review"],
            "dpa": ["about the DPA", "saying we can send our data processing agreement"],
            "training": ["offering training for their team", "mentioning the training we include"],
            "integration_plan": ["proposing an integration plan", "about the integration plan"],
            "proof_of_concept": ["proposing a proof of concept", "suggesting a proof of concept with their data"],
            "multi_year": ["offering multi-year pricing", "about a multi-year agreement"]},
    "held": {"phased_rollout": ["pitching a staged rollout, one business unit first"],
             "pilot": ["floating a small trial"], "roi": ["making the return-on-investment case"],
             "reference_call": ["offering an introduction to a reference customer"],
             "security_review": ["offering help with their security assessment"],
             "dpa": ["confirming we will sign their data processing agreement"],
             "training": ["including onboarding training for their users"],
             "integration_plan": ["laying out an integration roadmap"],
             "proof_of_concept": ["suggesting a PoC on their own data"],
             "multi_year": ["raising a two-year term at today's rate"]},
}
NOUNS = {
    "dev": {"phased_rollout": "phased rollout", "pilot": "pilot", "roi": "ROI", "reference_call": "reference call",
            "security_review": "security review", "dpa": "DPA", "training": "training",
            "integration_plan": "integration plan", "proof_of_concept": "proof of concept",
            "multi_year": "multi-year pricing"},
    "held": {"phased_rollout": "staged rollout", "pilot": "trial", "roi": "return on investment",
             "reference_call": "reference customer", "security_review": "security assessment",
             "dpa": "data processing agreement", "training": "onboarding training",
             "integration_plan": "integration roadmap", "proof_of_concept": "PoC", "multi_year": "two-year term"},
}
# the rep's own points: the words asked for, and the key words a draft must keep ("a|b": either)
FREE = {
    "dev": [("mention that our solutions engineer is free on Thursday", ["solutions engineer", "thursday"]),
            ("say we can host their data in Frankfurt", ["frankfurt"]),
            ("mention our new support team in Sydney", ["sydney", "support"]),
            ("note that I will be in their city the week of 7 December", ["7", "december"]),
            ("mention the webinar on data retention next Tuesday", ["webinar", "tuesday"]),
            ("point out that setup usually takes two weeks", ["setup|set-up|set up", "two weeks|2 weeks"])],
    "held": [("add that Dana from customer success would join the call", ["dana", "customer success"]),
             ("mention our Toronto office opens in February", ["toronto", "february"]),
             ("remind them the quote is valid until 31 December", ["31", "december"]),
             ("say our architects reviewed their network diagram", ["architect", "diagram"])],
}
NO_DISCOUNT = {"dev": [", no discount", " - and don't offer a discount"],
               "held": ["; no discounting", ", without any price cut"]}
TONE_CLAUSES = {"dev": {"formal": [", keep it formal", " in a formal tone"],
                        "friendly": [" in a friendly tone", ", keep it warm and friendly"]},
                "held": {"formal": [", formal register please"], "friendly": [", casual and warm"]}}
REVISIONS = {
    "dev": {"shorter": ["make it shorter", "shorter please", "can you make it more concise", "cut it down a bit"],
            "longer": ["make it longer", "a bit longer please", "add more detail"],
            "formal": ["make it more formal", "more formal please", "use a more formal tone"],
            "friendly": ["make it friendlier", "more friendly please", "make it warmer and more casual"],
            "add": ["mention the {p} too", "also add a line about the {p}", "add the {p} as well"],
            "drop": ["drop the point about the {p}", "remove the {p}", "take out the part about the {p}"],
            "more": ["also {free}"],
            "other": ["send it to {who} instead", "address it to {who} instead", "make it for {who} instead"],
            "reply": ["reply to their last email", "make it a reply to their last email",
                      "turn it into a reply to their latest email"],
            "zh": ["in Chinese", "write it in Simplified Chinese", "用中文写"],
            "en": ["back in English", "in English again please", "write it in English"]},
    "held": {"shorter": ["trim it to the essentials", "too long, tighten it up"],
             "longer": ["flesh it out more", "expand it a little"],
             "formal": ["this should read more formally", "go for a formal register"],
             "friendly": ["loosen it up a bit", "make it sound warmer"],
             "add": ["work the {p} in as well", "could you also bring up the {p}"],
             "drop": ["leave the {p} out", "no need to mention the {p}", "cut the bit on the {p}"],
             "more": ["oh, and {free}"],
             "other": ["redirect this to {who}", "swap the recipient to {who}"],
             "reply": ["respond to the last message they sent us", "answer their most recent email with this"],
             "zh": ["translate it into Chinese", "请改成简体中文"],
             "en": ["switch it back to English", "改回英文"]},
}


@dataclass
class Expect:
    """What a good draft of one turn does."""

    contact: str                   # e-mail address of the person it is written to
    contact_name: str
    account: str
    language: str = "en"
    present: list[str] = field(default_factory=list)       # point keys the draft makes
    free: list[list[str]] = field(default_factory=list)    # key words of the rep's own points (English drafts)
    absent: list[str] = field(default_factory=list)        # point keys it must not make ("discount": none offered)
    cc: bool = False                # the rep's manager copied
    length: str | None = None       # "shorter" or "longer" than the dialogue's previous draft
    tone: str | None = None         # "formal" or "friendly"
    signature: str | None = None
    reply_to: str | None = None     # id of the contact's last e-mail, when the turn asks to answer it


@dataclass
class Turn:
    text: str
    expect: Expect


@dataclass
class Dialogue:
    id: str
    split: str
    rep: str
    preferences: dict[str, str]
    turns: list[Turn]


@dataclass
class _World:
    pairs: list[tuple[str, str, str, int]]              # (rep, office, account, account id), open deals
    contacts: dict[int, list[tuple[int, str, str]]]     # account id -> (contact id, e-mail, name)
    last_in: dict[tuple[int, str], str]                  # (contact id, rep) -> id of the contact's last e-mail
    unique: set[str]                                     # names that name one person only


def _world(engine: Engine) -> _World:
    with engine.connect() as conn:
        pairs = [tuple(r) for r in conn.execute(text(
            "SELECT DISTINCT u.name, coalesce(u.regional_office, ''), a.name, a.id FROM opportunities o "
            "JOIN users u ON u.id = o.user_id JOIN accounts a ON a.id = o.account_id "
            "WHERE o.stage IN ('Prospecting', 'Engaging') ORDER BY a.name, u.name"))]
        contacts: dict[int, list[tuple[int, str, str]]] = {}
        names: dict[str, int] = {}
        for cid, email, name, account_id in conn.execute(text(
                "SELECT id, email, name, account_id FROM contacts WHERE name IS NOT NULL ORDER BY email")):
            contacts.setdefault(account_id, []).append((cid, email, name))
            names[name.lower()] = names.get(name.lower(), 0) + 1
        for (name,) in conn.execute(text("SELECT name FROM users")):
            names[name.lower()] = names.get(name.lower(), 0) + 1
        last_in = {(cid, rep): aid for cid, rep, aid in conn.execute(text(
            "SELECT t.contact_id, u.name, t.id FROM activities t JOIN users u ON u.id = t.user_id "
            "WHERE t.direction = 'inbound' AND t.type = 'email' AND t.contact_id IS NOT NULL "
            "ORDER BY t.occurred_at, t.id"))}
    return _World(pairs, contacts, last_in, {n for n, k in names.items() if k == 1})


def _split_of(accounts: list[str], account: str) -> str:
    return "held" if accounts.index(account) % 4 == 2 else "dev"


def build(engine: Engine, split: str = "all") -> list[Dialogue]:
    """The dialogues of ``split`` ("dev", "held" or "all") on the company in ``engine``."""
    world = _world(engine)
    accounts = sorted({p[2] for p in world.pairs})
    out: list[Dialogue] = []
    for name in (SPLITS if split == "all" else (split,)):
        pairs = [p for p in world.pairs if _split_of(accounts, p[2]) == name]
        for k, (prefs, steps) in enumerate(SCRIPTS[name]):
            dialogue = _dialogue(world, name, k, pairs, prefs, steps)
            if dialogue is not None:
                out.append(dialogue)
    return out


def _pick(options: list[str], n: int) -> str:
    return options[n % len(options)]


def _cast(world: _World, k: int, pairs: list, steps: list[str]):  # noqa: ANN202
    """A rep, account and contacts that can play the script: someone with an e-mail to answer where a reply is
    asked for, a second contact where the draft moves to another person."""
    other_at = steps.index("other") if "other" in steps else None
    reply_at = steps.index("reply") if "reply" in steps else None
    for j in range(len(pairs)):
        rep, office, account, account_id = pairs[(k * 7 + j) % len(pairs)]
        people = world.contacts.get(account_id, [])
        first_ok = [c for c in people if reply_at is None or (other_at is not None and other_at < reply_at)
                    or (c[0], rep) in world.last_in]
        if not first_ok:
            continue
        first = first_ok[k % len(first_ok)]
        if other_at is None:
            return rep, office, account, first, None
        second = [c for c in people if c != first and (reply_at is None or reply_at < other_at
                                                       or (c[0], rep) in world.last_in)]
        if second:
            return rep, office, account, first, second[k % len(second)]
    return None


def _dialogue(world: _World, split: str, k: int, pairs: list, prefs: dict[str, str],
              steps: list[str]) -> Dialogue | None:
    cast = _cast(world, k, pairs, steps) if pairs else None
    if cast is None:
        return None
    rep, office, account, first, second = cast

    def who(contact: tuple[int, str, str], n: int, *, named_account: bool = True) -> str:
        """By name (with the account beside it when the name alone is not unique), now and then by address."""
        if n % 6 == 5:
            return contact[1]
        if named_account or contact[2].lower() in world.unique:
            return contact[2]
        return f"{contact[2]} at {account}"

    prefs = dict(prefs)
    if prefs.get("signature"):
        prefs["signature"] = f"{rep} | Account Executive | {office or 'Sales'}"
    state = Expect(first[1], first[2], account, language=prefs.get("language", "en"),
                   cc=prefs.get("cc_manager") == "true", tone=prefs.get("tone") if prefs.get("tone") != "direct"
                   else None, signature=prefs.get("signature"))
    current, free_n, turns = first, k, []
    for i, step in enumerate(steps):
        n = k + i
        kind, _, arg = step.partition(":")
        state = replace(state, length=None, reply_to=None, present=list(state.present), free=list(state.free),
                        absent=list(state.absent))
        if kind == "open":
            points, *options = arg.split("/")
            keys = points.split("+")
            state.present = keys
            said = [_pick(GERUNDS[split][key], n + j) for j, key in enumerate(keys)]
            tail = " and ".join(said)
            if "free" in options:
                words, keywords = FREE[split][free_n % len(FREE[split])]
                free_n += 1
                tail += f", and {words}"
                state.free.append(keywords)
            if "nodisc" in options:
                tail += _pick(NO_DISCOUNT[split], n)
                state.absent.append("discount")
            for tone in ("formal", "friendly"):
                if tone in options:
                    tail += _pick(TONE_CLAUSES[split][tone], n)
                    state.tone = tone
            words = _pick(OPENERS[split], n).format(who=who(first, k), account=account, tail=tail)
        elif kind in ("add", "drop"):
            words = _pick(REVISIONS[split][kind], n).format(p=NOUNS[split][arg])
            if kind == "add":
                state.present = [*state.present, arg] if arg not in state.present else state.present
                state.absent = [a for a in state.absent if a != arg]
            else:
                state.present = [p for p in state.present if p != arg]
                state.absent = [*state.absent, arg] if arg not in state.absent else state.absent
        elif kind == "more":
            said, keywords = FREE[split][free_n % len(FREE[split])]
            free_n += 1
            words = _pick(REVISIONS[split]["more"], n).format(free=said)
            state.free.append(keywords)
        elif kind == "other":
            current = second
            words = _pick(REVISIONS[split]["other"], n).format(who=who(second, n, named_account=False))
            state.contact, state.contact_name = second[1], second[2]
        else:
            words = _pick(REVISIONS[split][kind], n)
            if kind in ("shorter", "longer"):
                state.length = kind
            elif kind in ("formal", "friendly"):
                state.tone = kind
            elif kind in ("zh", "en"):
                state.language = kind
            elif kind == "reply":
                state.reply_to = world.last_in[(current[0], rep)]
        turns.append(Turn(words, state))
    return Dialogue(f"{split}-{k:02d}", split, rep, prefs, turns)


def phrasings(split: str) -> set[str]:
    """Every phrasing template of ``split`` (the held-out set shares none with the dev set)."""
    out = set(OPENERS[split]) | set(NO_DISCOUNT[split]) | {w for w, _ in FREE[split]}
    out |= {p for options in GERUNDS[split].values() for p in options} | set(NOUNS[split].values())
    out |= {p for options in TONE_CLAUSES[split].values() for p in options}
    out |= {p for options in REVISIONS[split].values() for p in options}
    return out


def main(argv: list[str] | None = None) -> int:
    from copilot.settings import Settings
    from copilot.workspace import has_data, open_database
    from evals.retrieval.run import DEFAULT_HOME

    parser = argparse.ArgumentParser(prog="python -m evals.emails.requests")
    parser.add_argument("--home", type=Path, default=DEFAULT_HOME)
    parser.add_argument("--split", choices=("dev", "held", "all"), default="all")
    args = parser.parse_args(argv)
    engine = open_database(Settings(home=args.home, database_url=None))
    if not has_data(engine):
        print(f"no demo company at {args.home}: run python -m evals.emails.run first", file=sys.stderr)
        return 1
    for dialogue in build(engine, args.split):
        print(json.dumps(asdict(dialogue), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
