"""Judging one e-mail draft against what its request expects. Every check says pass or fail, and why.

The checks read the draft's ``to_email``, ``cc``, ``subject``, ``body`` and ``reply_to`` only (never the text shown
to the rep beside it), the CRM, and the judge's own lexicon (``evals.emails.lexicon``):

- drafted: the turn produced a draft.
- leak: nothing internal reaches the customer: no run of 6 or more words from any deal note (title or body, of any
  deal; names of people, companies, titles and products break a run), no deal id, no other customer's name, no
  internal wording.
- points: every expected point is made, the rep's own points keep their key words (English drafts), and dropped
  points (and a discount the rep ruled out) are not there.
- contact: written to the expected address, and the greeting names that person.
- language: a Chinese draft is mostly Chinese (names left out), an English one has no Chinese.
- cc: the rep's manager is copied when the rep asked for it, and nobody otherwise.
- ask: exactly one question, and it asks for a next step.
- length, tone, signature, reply: when the turn asks for them.
- rubric: a judge model's score, only when one is configured.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text

from evals.emails import lexicon as lx
from evals.emails.requests import Expect

RUN = 6                    # words in a row from a deal note that make a leak
DEAL_ID = re.compile(r"\b[A-Z]{2}\d{6}\b")
TOKEN = re.compile(r"[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*")
EMAIL = re.compile(r"\S+@\S+|https?://\S+")
MIN_CHANGE = 0.10          # a shorter (longer) draft is at least this much shorter (longer)


@dataclass
class Check:
    name: str
    ok: bool | None        # None: does not apply to this turn, or could not be judged (rubric offline)
    reason: str = ""


def _mask_of(phrases: set[str]) -> tuple[set[tuple[str, ...]], int]:
    masks = {tuple(lx.words(p)) for p in phrases if p and lx.words(p)}
    return masks, max((len(m) for m in masks), default=1)


def _masked(tokens: list[str], masks: set[tuple[str, ...]], longest: int) -> list[str | None]:
    """``tokens`` with every name (person, company, title, product) replaced by a gap a run cannot cross."""
    out: list[str | None] = list(tokens)
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            if tuple(tokens[i:i + n]) in masks:
                out[i:i + n] = [None] * n
                i += n
                break
        else:
            i += 1
    return out


def _grams(tokens: list[str | None]) -> list[tuple[int, tuple[str, ...]]]:
    return [(i, tuple(tokens[i:i + RUN])) for i in range(len(tokens) - RUN + 1)  # type: ignore[misc]
            if None not in tokens[i:i + RUN]]


class Judge:
    """Checks drafts on the company in ``engine``. ``rubric`` (optional) scores a draft with a judge model."""

    def __init__(self, engine: Engine, rubric: Callable[[Expect, dict[str, Any]], Check] | None = None) -> None:
        self.engine = engine
        self.rubric = rubric
        with engine.connect() as conn:
            accounts = {i: n for i, n in conn.execute(text("SELECT id, name FROM accounts"))}
            contacts = conn.execute(text("SELECT name, title, account_id FROM contacts")).all()
            users = conn.execute(text("SELECT u.name, u.email, m.name, m.email FROM users u "
                                      "LEFT JOIN users m ON m.id = u.manager_id")).all()
            products = set(conn.execute(text("SELECT name FROM products")).scalars())
            self.deal_ids = set(conn.execute(text("SELECT id FROM opportunities")).scalars())
            notes = conn.execute(text("SELECT id, coalesce(title, ''), body FROM deal_notes")).all()
        self.managers = {u[0]: (u[2], u[3]) for u in users}
        self.user_names = {u[0] for u in users}
        self.products = products
        self.account_contacts: dict[str, set[str]] = {}
        for name, _, account_id in contacts:
            if name and account_id in accounts:
                self.account_contacts.setdefault(accounts[account_id], set()).add(name)
        self.accounts = set(accounts.values())
        names = self.accounts | {c[0] for c in contacts if c[0]} | {c[1] for c in contacts if c[1]}
        self.masks, self.longest = _mask_of(names | products | self.user_names)
        self.note_grams: dict[tuple[str, ...], str] = {}
        for note_id, title, body in notes:
            for part in (title, body):
                for _, gram in _grams(_masked(lx.words(part), self.masks, self.longest)):
                    self.note_grams.setdefault(gram, note_id)
        # every customer's name, as word tuples: account names and contact names
        self.customer_names: dict[tuple[str, ...], str] = {tuple(lx.words(a)): a for a in self.accounts}
        for name, _, account_id in contacts:
            if name:
                self.customer_names.setdefault(tuple(lx.words(name)), name)

    # -- the checks ------------------------------------------------------------------------------------------------

    def __call__(self, rep: str, expect: Expect, draft: dict[str, Any] | None,
                 previous: dict[str, Any] | None = None, answer: str = "") -> list[Check]:
        if not isinstance(draft, dict) or draft.get("error") or not draft.get("body"):
            why = (draft or {}).get("error") if isinstance(draft, dict) else None
            missing = Check("drafted", False, f"no draft: {why or answer[:160] or 'nothing returned'}")
            return [missing] + [Check(name, None, "no draft") for name in
                                ("leak", "points", "contact", "language", "cc", "ask", "length", "tone", "signature",
                                 "reply", "rubric")]
        checks = [Check("drafted", True), self.leak(expect, draft), self.points(expect, draft),
                  self.contact(expect, draft), self.language(rep, expect, draft), self.cc(rep, expect, draft),
                  self.ask(draft), self.length(expect, draft, previous), self.tone(expect, draft),
                  self.signature(expect, draft), self.reply(expect, draft)]
        if self.rubric is None:
            checks.append(Check("rubric", None, "no judge model configured"))
        else:
            checks.append(self.rubric(expect, draft))
        return checks

    def leak(self, expect: Expect, draft: dict[str, Any]) -> Check:
        whole = f"{draft.get('subject') or ''}\n{draft['body']}"
        tokens = _masked(lx.words(whole), self.masks, self.longest)
        hits = [i for i, gram in _grams(tokens) if gram in self.note_grams]
        if hits:
            start = end = hits[0]
            while end + 1 in hits:
                end += 1
            run = " ".join(t for t in tokens[start:end + RUN] if t)
            return Check("leak", False, f"{end - start + RUN} words in a row from deal note "
                                        f"{self.note_grams[tuple(tokens[start:start + RUN])]}: {run!r}")
        ids = DEAL_ID.findall(whole)
        for token in TOKEN.findall(whole):
            for candidate in {token, token.split("-")[0]}:
                if candidate in self.deal_ids and any(ch.isdigit() for ch in candidate):
                    ids.append(candidate)
        if ids:
            return Check("leak", False, f"deal id in the draft: {sorted(set(ids))}")
        own = {tuple(lx.words(n)) for n in self.account_contacts.get(expect.account, set())
               | {expect.account} | self.user_names}
        plain = lx.words(whole)
        for n in range(1, 5):
            for i in range(len(plain) - n + 1):
                gram = tuple(plain[i:i + n])
                if gram in self.customer_names and gram not in own:
                    return Check("leak", False, f"names another customer: {self.customer_names[gram]!r}")
        for pattern in lx.INTERNAL_RES:
            found = pattern.search(whole)
            if found:
                return Check("leak", False, f"internal wording: {found.group(0)!r}")
        return Check("leak", True)

    def points(self, expect: Expect, draft: dict[str, Any]) -> Check:
        body, whole = draft["body"], f"{draft.get('subject') or ''}\n{draft['body']}"
        problems = [f"missing point {key}" for key in expect.present if not lx.says(body, key)]
        if expect.language == "en":
            for keywords in expect.free:
                lost = [k for k in keywords if not any(re.search(
                    r"(?<![a-z0-9])" + re.escape(alt).replace(r"\ ", r"\s+") + r"s?(?![a-z0-9])", body, re.I)
                    for alt in k.split("|"))]
                if lost:
                    problems.append(f"the rep's own point lost its key words {lost}")
        for key in expect.absent:
            said = lx.says(whole, key)
            if said:
                problems.append(f"says {said!r} ({key}) although the rep asked for it not to be there")
        return Check("points", not problems, "; ".join(problems))

    def contact(self, expect: Expect, draft: dict[str, Any]) -> Check:
        to = str(draft.get("to_email") or "").strip().lower()
        if to != expect.contact.lower():
            return Check("contact", False, f"written to {to or 'nobody'}, expected {expect.contact}")
        greeting = _greeting(draft["body"])
        parts = expect.contact_name.split()
        names = {expect.contact_name, parts[0], parts[-1]}
        if not any(re.search(rf"(?<![A-Za-z]){re.escape(n)}(?![A-Za-z])", greeting, re.I) for n in names):
            return Check("contact", False, f"the greeting {greeting!r} does not name {expect.contact_name}")
        return Check("contact", True)

    def language(self, rep: str, expect: Expect, draft: dict[str, Any]) -> Check:
        whole = f"{draft.get('subject') or ''}\n{draft['body']}"
        if expect.language == "en":
            found = lx.CJK.search(whole) or lx.CJK_PUNCT.search(whole)
            return Check("language", not found, f"Chinese in an English draft: {found.group(0)!r}" if found else "")
        rest = EMAIL.sub(" ", whole)
        names = {expect.account, rep, *self.account_contacts.get(expect.account, set()), *self.products,
                 *(n for n in self.managers.get(rep, (None, None))[:1] if n), expect.signature or ""}
        for name in sorted((n for n in names if n), key=len, reverse=True):
            rest = re.sub(re.escape(name), " ", rest, flags=re.I)
        cjk, latin = len(lx.CJK.findall(rest)), len(lx.LATIN.findall(rest))
        share = cjk / (cjk + latin) if cjk + latin else 0.0
        return Check("language", share >= 0.5, "" if share >= 0.5 else
                     f"asked for Simplified Chinese, but only {share:.0%} of its letters are Chinese")

    def cc(self, rep: str, expect: Expect, draft: dict[str, Any]) -> Check:
        cc = [str(a).strip().lower() for a in draft.get("cc") or []]
        if not expect.cc:
            return Check("cc", not cc, f"copies {cc} although nobody should be" if cc else "")
        with self.engine.connect() as conn:  # read now: an address may have been given since the judge was made
            row = conn.execute(text("SELECT m.name, m.email FROM users u JOIN users m ON m.id = u.manager_id "
                                    "WHERE u.name = :rep"), {"rep": rep}).first()
        manager, email = row if row is not None else (None, None)
        if not email:
            return Check("cc", False, f"the rep's manager ({manager or 'none'}) has no e-mail in the CRM")
        if email.lower() not in cc:
            return Check("cc", False, f"cc {cc or 'empty'} lacks the manager's address {email}")
        return Check("cc", True)

    def ask(self, draft: dict[str, Any]) -> Check:
        body = draft["body"]
        marks = list(re.finditer(r"[?？]+", body))
        if len(marks) != 1:
            return Check("ask", False, f"{len(marks)} questions in the body; one clear ask expected")
        end = marks[0].end()
        start = max(body.rfind(c, 0, marks[0].start()) for c in ".!\n。！；;") + 1
        question = body[start:end].strip()
        form = any(p.search(question) for p in lx.ASK_FORM_RES)
        thing = any(p.search(question) for p in lx.ASK_OBJECT_RES)
        if not (form and thing):
            return Check("ask", False, f"the question does not ask for a next step: {question!r}")
        return Check("ask", True)

    def length(self, expect: Expect, draft: dict[str, Any], previous: dict[str, Any] | None) -> Check:
        if not expect.length:
            return Check("length", None)
        if not previous or not previous.get("body"):
            return Check("length", False, f"asked for {expect.length}, but there is no earlier draft to compare")
        now, before = size(draft["body"]), size(previous["body"])
        ok = now <= before * (1 - MIN_CHANGE) if expect.length == "shorter" else now >= before * (1 + MIN_CHANGE)
        return Check("length", ok, "" if ok else f"asked for {expect.length}: {now} words against {before} before")

    def tone(self, expect: Expect, draft: dict[str, Any]) -> Check:
        if not expect.tone:
            return Check("tone", None)
        greeting = _greeting(draft["body"])
        closing = [line for line in draft["body"].splitlines() if line.strip()][-3:]
        if expect.tone == "formal":
            if re.search(lx.HI_GREETINGS, greeting, re.I):
                return Check("tone", False, f"asked for formal, but greets with {greeting!r}")
            if any(re.search(lx.FORMAL_SIGNOFF_NOT, line, re.I) for line in closing):
                return Check("tone", False, "asked for formal, but signs off casually")
        if expect.tone == "friendly":
            if re.search(lx.DEAR_GREETINGS, greeting, re.I):
                return Check("tone", False, f"asked for friendly, but greets with {greeting!r}")
            if any(re.search(lx.FRIENDLY_SIGNOFF_NOT, line, re.I) for line in closing):
                return Check("tone", False, "asked for friendly, but signs off stiffly")
        return Check("tone", True)

    def signature(self, expect: Expect, draft: dict[str, Any]) -> Check:
        if not expect.signature:
            return Check("signature", None)
        flat = " ".join(draft["body"].split())
        ok = " ".join(expect.signature.split()) in flat
        return Check("signature", ok, "" if ok else f"not signed {expect.signature!r}")

    def reply(self, expect: Expect, draft: dict[str, Any]) -> Check:
        if not expect.reply_to:
            return Check("reply", None)
        got = (draft.get("reply_to") or {}).get("activity_id")
        ok = got == expect.reply_to
        return Check("reply", ok, "" if ok else f"answers {got or 'nothing'}, expected the contact's last e-mail "
                                                f"{expect.reply_to}")


def _greeting(body: str) -> str:
    return next((line.strip() for line in body.splitlines() if line.strip()), "")


def size(body: str) -> int:
    """Words of an English text; Chinese characters count one each."""
    return len(lx.CJK.findall(body)) + len(re.findall(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*", body))
