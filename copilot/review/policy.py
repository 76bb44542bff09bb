"""Policy as code: which actions need an approver, which accounts are key accounts, who may approve.

The rules are this module; their settings are a TOML file (``policy.toml`` here, or the same file in
the workspace). Everything is evaluated from CRM facts at the moment of the call, never from what a
message or a model says.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from decimal import Decimal
from pathlib import Path
from typing import Any

import pycountry
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from sqlalchemy import Connection, func, select

from copilot.crm.errors import ToolInputError
from copilot.crm.identity import Identity
from copilot.crm.models import OPEN_STAGES, Account, Contact, Opportunity, Product, User
from copilot.untrusted import fold

DEFAULT_FILE = Path(__file__).with_name("policy.toml")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class KeyAccounts(_Strict):
    tiers: list[str] = ["key"]
    open_pipeline_above: float = Field(default=250_000, ge=0)
    parent_of_key: bool = True
    subsidiary_of_key: bool = True


class ReviewRules(_Strict):
    send_email_to_key_account: bool = True
    send_email_to_unknown_address: bool = True
    send_email_outside_account_domain: bool = True
    send_email_cc_outside: bool = True
    send_email_with_amounts: bool = True
    send_email_with_concessions: bool = True
    stage_changes_to: list[str] = ["Won", "Lost"]
    stage_changes_from: list[str] = ["Won", "Lost"]
    change_stage_on_key_account: bool = True
    log_activity_on_key_account: bool = True
    schedule_followup_on_key_account: bool = False
    pricing_words: list[str] = []


class Approvers(_Strict):
    requester_manager: bool = True
    ops: bool = True
    group: list[str] = []
    expires_after_hours: float = Field(default=72, gt=0, le=24 * 90)

    @model_validator(mode="after")
    def _someone_decides(self) -> Approvers:
        if not (self.requester_manager or self.ops or self.group):
            raise ValueError("name at least one approver (requester_manager, ops or group): otherwise no request "
                             "could ever be decided")
        return self


class Policy(_Strict):
    key_accounts: KeyAccounts = KeyAccounts()
    review: ReviewRules = ReviewRules()
    approvers: Approvers = Approvers()

    def pricing_pattern(self) -> re.Pattern[str] | None:
        words = [w.strip() for w in self.review.pricing_words if w.strip()]
        if not words:
            return None
        parts = []
        for w in sorted(words, key=len, reverse=True):
            stem = w.endswith("*")
            w = fold(w.rstrip("*").strip())
            if not w:
                continue
            # a space between two letters is any space; next to a sign it may be none ("20%off" is "20% off")
            body = "".join(r"\s+" if ch == " " and w[i - 1].isalnum() and w[i + 1].isalnum() else
                           r"\s*" if ch == " " else re.escape(ch) for i, ch in enumerate(w))
            # whole words where the phrase starts or ends with a letter of a spaced script ("20% off" matches, and
            # a word in Chinese anywhere); a word ending in * is a stem ("discount*": discounting, discounted)
            parts.append(("(?<!\\w)" if _spaced(w[0]) else "") + body +
                         (r"\w*" if stem else "(?!\\w)" if _spaced(w[-1]) else ""))
        return re.compile("(" + "|".join(parts) + ")", re.IGNORECASE) if parts else None


def _currency() -> str:
    """A currency as written next to an amount: any currency sign of Unicode, a common code in any case, any code of
    ISO 4217 in capitals ("40,000 CAD", "900 000 KRW"; "5 all" is not Albania's lek), or a short local sign ("9 000 kr",
    "300 zł", "Rs 500")."""
    signs = "".join(ch for ch in map(chr, range(0x10000)) if unicodedata.category(ch) == "Sc") + "元円圓원"
    codes = sorted(c.alpha_3 for c in pycountry.currencies if c.alpha_3.isalpha())
    return (rf"[{re.escape(signs)}]|\b(?:usd|eur|gbp|jpy|cny|rmb|inr|aud|cad|chf|brl|mxn|sgd|hkd|nzd|zar|sek|nok|dkk|"
            rf"pln|aed|sar|krw|try|ils|php|idr|myr|thb|vnd|twd|czk|huf|ron|clp|cop|ars|pen|ngn|kes|egp)(?![a-z])"
            rf"|\b(?-i:{'|'.join(codes)})\b|\b(?:kr|zł|zl|rs|lei|kč|ft)(?:\.|\b)")


_CURRENCY = _currency()
_MONEY = r"(?:dollars?|bucks?|euros?|pounds?|quid|d[oó]lares|reais|pesos|yuan|yen|francs?|rupees?|grand)"
_MONEY_BY_A_NUMBER = (r"(?:riyals?|dirhams?|dinars?|rand|krona|kronor|krone|kroner|zlotys?|z[lł]otych|rupiah|ringgit|baht|"
                      r"lira|liras|shekels?|lakhs?|crores?|won|dong|naira|forint|rubles?|roubles?|[рp][уy]б\w*|franken|cents?|"
                      r"mio|mn|bn|billion|btc|bitcoin|万元|万円|元)")
"""a currency's name that is also a word or a name ("Lira from our team", "Rand's office"): money only beside a
number ("5000 won", "5 Mio.")"""
_UNIT = r"(?:per|a|an|each|every|for|in|and|or|plus|excl\w*|incl\w*|annually|monthly|yearly|total|only|net|p\.?a)"
_AFTER = rf"(?:{_CURRENCY})(?!\s+(?!{_UNIT}\b)[a-z])"
"""a code after an amount ("40,000 CAD", "9 000 kr per seat"), not a word that names a thing ("3 CAD drawings")"""
_NUMBER_WORD = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
                r"sixty|seventy|eighty|ninety|a\s+hundred|hundred)")
AMOUNT = re.compile(
    rf"(?:{_CURRENCY})\s*\d[\d.,\s]*|\d[\d.,]*(?:,-|\.-|-)?\s*(?:{_AFTER}|[kKmM]?\s*{_MONEY}\b)|\b{_MONEY}\b"
    rf"|\d[\d.,]*\s*{_MONEY_BY_A_NUMBER}(?!\w)|\b(?:sfr|chf|fr)\.?\s*\d"
    r"|\d[\d.,]*(?:\.-|,-)?\s*(?:credits?|sats?|shillings?|cedis?|rials?|koruna|hryvnias?|fr\.?|tl)(?!\w)"
    r"|\b(?:btc|xbt|eth|usdt)\s*\d|[一二三四五六七八九十百千万]+\s*[元円]"
    r"|\d[\d.,]*\s*(?:/|per|a|an|each)\s*(?:month|mo|year|yr|seat|user|call|head|licen[cs]e|api)\b"
    r"|\b(?:fee|fees|price|prices|rate|rates|cost|costs|charge|charges|licen[cs]e|subscription)\b[^.?!\n]{0,40}?\d"
    r"|\d\s*(?:p\.\s?c\.|prct|percentage\s+points?)"
    r"|\b\d[\d.,]*\s*[kK]\b|\S*\d\S*\s*[%％٪]|[%％٪]|\d\s*pct\b"
    r"|\b(?:percent|per[\s-]*cent|pct|por\s*ciento|pour\s*cent|prozent|per\s*cento|por\s*cento)\b"
    r"|\binstead of\s+\S*\d|[0-9一二三四五六七八九]\s*(?:\.\d)?\s*折"
    rf"|\binstead of\s+(?:a\s+)?{_NUMBER_WORD}\b|\b{_NUMBER_WORD}(?:[\s-]+\w+)?[\s-]+(?:thousand|million|grand)\b"
    rf"|\b{_NUMBER_WORD}\s+(?:percent\s+)?off\b"
    rf"|\b{_NUMBER_WORD}(?:[\s-]+\w+){{0,2}}\s+(?:a|per|each)\s+(?:month|year|seat|user|licen[cs]e)\b",
    re.IGNORECASE)
"""an amount of money or a percentage in an e-mail: "$5,000", "EUR 5,000", "5.000 €", "40,000 CAD", "9 000 kr", "5k",
"five thousand dollars", "forty thousand a year", "20%", "20pct", "2O% 0ff", "4,000 instead of 5,000", "instead of
fifty", "8折"."""

_PRICED = (r"(?:fee|fees|price\w*|licen[cs]e\w*|subscription\w*|cost\w*|rate|rates|quote\w*|invoice\w*|bill\w*|"
           r"renewal\w*)")
_FREEBIE = (r"(?:months?|weeks?|years?|quarters?|days?|seats?|licen[cs]es?|users?|onboarding|training|implementation|"
            r"support|setup|set-up|installation|integration|upgrades?|add-?ons?|module)")
CONCESSION = re.compile(
    rf"\b(?:cut|cuts|cutting|reduc\w*|lower\w*|drop\w*|knock\w*|slash\w*|trim\w*|shav\w*|halv\w*|match\w*|beat\w*|"
    rf"undercut\w*|shave\w*)\b(?:\W+\w+){{0,5}}?\W+{_PRICED}\b"
    rf"|\b(?:skip\w*|forg[oe]\w*|remov\w*|scrap\w*|eliminat\w*|absorb\w*|cover\w*|comp|comps|comped|comping|eat|eats|"
    rf"eating|pick\s+up|pay\s+for|take\s+care\s+of)\b(?:\W+\w+){{0,4}}?\W+(?:fees?|charges?|costs?\s+of|the\s+cost|"
    rf"the\s+tab|setup\s+costs?)\b"
    rf"|\b(?:won'?t|will\s+not|not|never)\s+(?:be\s+)?charg\w*|\b(?:first|1st)\s+(?:\w+\s+)?{_FREEBIE}(?:'s|\s+is)\s+on\s+us\b"
    rf"|\b(?:buy|get)\s+(?:\w+\s+){{0,3}}?(?:free|gratis)\b|\b\d\s*-?\s*for\s*-?\s*\d\b"
    rf"|\b(?:two|three)[\s-]+(?:thirds|quarters)\s+off\b|\bat\s+cost\b|\brefund\w*\b|\bcredit\s+of\b"
    rf"|\bfreez\w*\s+(?:\w+\s+)?(?:rate|price\w*)\b|\b(?:no|defer\w*|delay\w*)\s+(?:\w+\s+)?payment\w*\b"
    rf"|\binstal+ments?\b"
    rf"|\bhalf\s+(?:of\s+)?(?:the|your|our)\s+(?:usual\s+|normal\s+|regular\s+|list\s+)?(?:fee|price|rate|cost)\b"
    rf"|\bat\s+a\s+loss\b|\bbelow\s+cost\b|\b(?:last\s+year'?s|old|previous|current|existing)\s+(?:rate|price|pricing)\b"
    rf"|\b(?:hold|keep|lock|freez\w*|honou?r)\s+(?:in\s+)?(?:the\s+|your\s+|our\s+)?(?:old\s+|current\s+|existing\s+|same\s+)?"
    rf"(?:rate|price|pricing)\b|\b(?:better|special|preferential|favou?rable|exclusive|friends[\s-]+and[\s-]+family)\s+"
    rf"(?:terms|rates?|pricing|deal)\b|\bsweeten\w*|\bgoodwill\b|\b\d[\d.,]*\s+(?:in\s+)?credits?\b"
    rf"|\b(?:at|for)\s+(?:zero|nothing|half)\b|\bzero\s+(?:charge|cost|fee)s?\b|\b(?:bill|charge|invoice)\w*\s+(?:you\s+)?"
    rf"nothing\b|\b(?:won'?t|will\s+not|not)\s+be\s+(?:billed|invoiced|charged)\b|\bcredit\s+on\s+(?:your|the)\b"
    rf"|\blower\w*\s+the\s+(?:total|amount|bill)\b|\b(?:pay|paying|cover|covering)\s+(?:for\s+)?(?:your\s+|the\s+)?"
    rf"{_FREEBIE}\b|\bdiscontinu\w*\s+(?:\w+\s+){{0,2}}(?:fee|charge)s?\b|\b(?:don'?t|do\s+not|won'?t|will\s+not)\s+"
    rf"(?:need\s+to\s+|have\s+to\s+)?pay\b|\bbundled\b"
    rf"|\bcomp(?:s|ed|ing)?\s+(?:\w+\s+){{0,3}}?{_FREEBIE}\b"
    rf"|\b(?:a\s+|one\s+)?(?:third|quarter|half|fifth|tenth)[\s-]+off\b"
    rf"|\bpay(?:s|ing)?\s+nothing\b|\bfor\s+nothing\b|\bno\s+(?:\w+\s+)?(?:fee|fees|charge|charges)\b"
    rf"|\b(?:won'?t|will\s+not|doesn'?t|does\s+not|wouldn'?t|would\s+not|shouldn'?t|should\s+not|isn'?t\s+going\s+to)"
    rf"\s+cost\s+(?:you\s+|your\s+\w+\s+)?(?:anything|a\s+(?:thing|penny|cent|dime)|a\s+single\s+\w+)\b"
    rf"|\bwithout\s+(?:any\s+|a\s+|extra\s+)?(?:fee|fees|charge|charges|cost)\b"
    rf"|\boff\s+(?:the|your|our|its|this|that)\s+(?:\w+\s+){{0,2}}?{_PRICED}\b"
    rf"|\b{_FREEBIE}\s+(?:\w+\s+){{0,2}}?(?:on\s+the\s+house|on\s+us|for\s+free|free|gratis|at\s+no\s+charge)\b"
    rf"|\bon\s+the\s+house\b|\bthrow(?:n|ing|s)?\s+(?:\w+\s+){{0,2}}?in\b|\bin\s+half\b(?!\s+(?:an?\s+)?(?:hour|day|minute))"
    rf"|\b(?:extra|bonus|additional)\s+(?:\w+\s+)?(?:months?|weeks?|years?|seats?|licen[cs]es?)\s+(?:free|on\s+us)\b",
    re.IGNORECASE)
"""a price concession in words, whatever the policy's list says: "knock a third off the licence fee", "cut the fee in
half", "I can reduce your licence fee", "two months on us", "onboarding on the house", "we'll throw in training",
"we will skip (forgo, cover) the setup fee", "comp the first month", "half-off", "you pay nothing", "no fee for the first
year", "won't cost you anything", "get one for nothing";
"knock" or "cut" with no price after it ("cut through the noise") is not one"""


_ALIKE = str.maketrans({"\u0501": "d", "\u026a": "i", "\u057d": "u", "\u0585": "o", "\u0578": "n", "\u0581": "g",
                        "\u04bb": "h", "\u0261": "g", "\u028f": "y", "\u0280": "r", "\u1d00": "a", "\u1d04": "c",
                        "\u1d05": "d", "\u1d07": "e", "\u1d0f": "o", "\u1d1c": "u", "\u0493": "f", "\u03c1": "p",
                        "\u0458": "j", "\u04cf": "l", "\u0131": "i", "\u0251": "a", "\u1d0b": "k", "\u1d1b": "t"})


def plain(text: str) -> str:
    """``text`` as a reader sees it, for the pricing rules: look-alikes folded (more than the untrusted-text fold: the
    small capitals and the Armenian and Komi letters that pass for Latin ones), marks that no letter takes
    (an underline, a grapheme joiner) dropped after a Latin letter, letters spelled one by one ("d i s c o u n t") and
    a hyphen inside a word ("dis-count") joined."""
    text = unicodedata.normalize("NFC", fold(text)).translate(_ALIKE)
    text = "".join(ch for i, ch in enumerate(text)
                   if not (unicodedata.category(ch) == "Mn" and i and text[i - 1].isascii()))
    spaced = re.compile(r"\b(?:[A-Za-z][ .]){3,}[A-Za-z]\b")
    whole = spaced.sub(lambda m: re.sub(r"[ .]", "", m.group(0)), text)
    after_one = spaced.sub(lambda m: m.group(0)[:2] + re.sub(r"[ .]", "", m.group(0)[2:]), text)  # "a d i s c ..."
    return "\n".join((whole, after_one, re.sub(r"(?<=[a-z])-(?=[a-z])", "", whole, flags=re.IGNORECASE)))


def spelled(text: str) -> str:
    """``text`` with each character outside printable ASCII written as its code ("kim@k[U+0435]ystone.example")."""
    return "".join(ch if ch.isascii() and ch.isprintable() else f"[U+{ord(ch):04X}]" for ch in text)


def _spaced(ch: str) -> bool:
    """Whether ``ch`` is a letter or digit of a script that spaces its words (Chinese and Japanese do not)."""
    return ch.isalnum() and unicodedata.category(ch) != "Lo"


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ToolInputError(f"{path}: cannot be read ({type(exc).__name__})") from None


def _parse(path: Path, raw: bytes) -> dict[str, Any]:
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ToolInputError(f"{path}: not valid TOML ({exc})") from None
    except UnicodeDecodeError as exc:
        raise ToolInputError(f"{path}: cannot be read as UTF-8 text ({type(exc).__name__})") from None


def load_policy(home: Path | None) -> Policy:
    """The shipped policy with the workspace's ``policy.toml`` on top (key by key); a bad file is a clear error.

    A workspace file that sets only some keys keeps the shipped value of every other one: leaving a rule
    out never turns it off. The files are read on every call (so an edit applies at once) but parsed and
    validated once per content.
    """
    path = home / "policy.toml" if home is not None else None
    local = _bytes(path) if path is not None and path.is_file() else None
    return _policy(_bytes(DEFAULT_FILE), path, local)


@lru_cache(maxsize=16)
def _policy(shipped: bytes, path: Path | None, local: bytes | None) -> Policy:
    data = _parse(DEFAULT_FILE, shipped)
    if path is not None and local is not None:
        for section, values in _parse(path, local).items():
            if isinstance(values, dict) and isinstance(data.get(section), dict):
                data[section] = {**data[section], **values}
            else:
                data[section] = values
    try:
        return Policy.model_validate(data)
    except ValidationError as exc:
        problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:3])
        raise ToolInputError(f"{path if local is not None else DEFAULT_FILE}: {problem}") from None


def args_hash(tool: str, args: dict[str, Any]) -> str:
    """The SHA-256 of an action and its exact arguments: what an approval is bound to."""
    canonical = json.dumps({"tool": tool, "args": args}, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _base_key_reasons(conn: Connection, policy: Policy, account_id: int) -> list[str]:
    """Why the account is key in its own right: its tier, or its open pipeline."""
    rules = policy.key_accounts
    me = conn.execute(select(Account.name, Account.tier).where(Account.id == account_id)).one()
    reasons = []
    if me.tier in rules.tiers:
        reasons.append(f"{me.name} is a {me.tier} account")
    if rules.open_pipeline_above > 0:
        pipeline = conn.execute(select(func.coalesce(func.sum(Product.list_price), 0))
                                .select_from(Opportunity).join(Product, Product.id == Opportunity.product_id)
                                .where(Opportunity.account_id == account_id, Opportunity.stage.in_(OPEN_STAGES))
                                ).scalar_one()
        if Decimal(pipeline) > Decimal(str(rules.open_pipeline_above)):
            # no figure: the sum counts every rep's deals, and the rep and the approver may not see them all
            reasons.append(f"{me.name}'s open pipeline at list price is above ${rules.open_pipeline_above:,.0f}")
    return reasons


MAX_DEPTH = 10
"""How far up and down a group of companies the parent and subsidiary rules look."""


def key_account_reasons(conn: Connection, policy: Policy, account_id: int | None) -> list[str]:
    """Why the account is a key account (empty: it is not): in its own right, or as the parent company or a
    subsidiary (at any depth) of an account that is."""
    if account_id is None:
        return []
    rules = policy.key_accounts
    name = conn.execute(select(Account.name).where(Account.id == account_id)).scalar_one()
    reasons = _base_key_reasons(conn, policy, account_id)
    if rules.subsidiary_of_key:
        seen, parent = {account_id}, conn.execute(select(Account.parent_id).where(Account.id == account_id)).scalar()
        for _ in range(MAX_DEPTH):
            if parent is None or parent in seen:
                break
            seen.add(parent)
            if _base_key_reasons(conn, policy, parent):
                ancestor = conn.execute(select(Account.name).where(Account.id == parent)).scalar_one()
                reasons.append(f"{name} is a subsidiary of the key account {ancestor}")
                break
            parent = conn.execute(select(Account.parent_id).where(Account.id == parent)).scalar()
    if rules.parent_of_key:
        seen, level = {account_id}, [account_id]
        for _ in range(MAX_DEPTH):
            level = [i for i in conn.execute(select(Account.id).where(Account.parent_id.in_(level))).scalars()
                     if i not in seen]
            if not level:
                break
            seen.update(level)
            child = next((i for i in level if _base_key_reasons(conn, policy, i)), None)
            if child is not None:
                descendant = conn.execute(select(Account.name).where(Account.id == child)).scalar_one()
                reasons.append(f"{name} is the parent company of the key account {descendant}")
                break
    return reasons


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[-1].strip().lower() if "@" in address else ""


@dataclass
class Evaluation:
    reasons: list[str]
    """Why an approver is needed (empty: no review)."""
    facts: dict[str, Any]
    """What bears on the decision, as the CRM says now (compared again at execution)."""

    @property
    def needs_review(self) -> bool:
        return bool(self.reasons)


def evaluate(conn: Connection, policy: Policy, tool: str, args: dict[str, Any], account_id: int | None,
             deal: Any | None = None) -> Evaluation:
    """Apply the policy to one action request, from the CRM's facts."""
    rules = policy.review
    key = key_account_reasons(conn, policy, account_id)
    facts: dict[str, Any] = {"key_account": bool(key), "key_reasons": key}
    if account_id is not None:
        facts["tier"] = conn.execute(select(Account.tier).where(Account.id == account_id)).scalar_one()
    reasons: list[str] = []
    if deal is not None:
        facts["deal"] = {"id": deal.id, "stage": deal.stage, "user_id": deal.user_id,
                         "close_value": None if deal.close_value is None else str(deal.close_value)}
    if tool == "send_email":
        to = str(args.get("to", "")).strip().lower()
        contacts = conn.execute(select(Contact.email, Contact.name).where(Contact.account_id == account_id)).all() \
            if account_id is not None else []
        known = {c.email.lower(): c.name for c in contacts}
        domains = sorted({_domain(c.email) for c in contacts if _domain(c.email)})
        facts.update(recipient=to, recipient_is_contact=to in known, recipient_name=known.get(to),
                     account_domains=domains)
        if key and rules.send_email_to_key_account:
            reasons.append("e-mail to a key account (" + "; ".join(key) + ")")
        if to not in known and rules.send_email_to_unknown_address:
            reasons.append(f"{to} is not a contact of this account in the CRM")
        if not to.isascii():  # always said, whatever the rules: an approver must see what the address really holds
            alike = next((k for k in known if k != to and fold(k) == fold(to)), None)
            reasons.append(f"the address {spelled(to)} holds characters other than plain letters" +
                           (f": it imitates the contact {alike}" if alike else ""))
        if _domain(to) not in domains and rules.send_email_outside_account_domain:
            reasons.append(f"the domain {_domain(to) or '(none)'} is not one the account's contacts use")
        cc = [str(a).strip().lower() for a in args.get("cc") or []]
        ours = {e.lower() for e in conn.execute(select(User.email).where(
            func.lower(User.email).in_(cc))).scalars() if e} if cc else set()
        outside = [a for a in cc if a not in ours and a not in known]
        facts.update(cc=cc, cc_outside=outside)
        if outside and rules.send_email_cc_outside:
            reasons.append(f"Cc {', '.join(outside)}: neither one of our people nor a contact of this account in "
                           "the CRM")
        pattern = policy.pricing_pattern()
        text = plain(f"{args.get('subject', '')}\n{args.get('body', '')}")  # what a reader sees, look-alikes folded
        found = sorted({m.group(0).lower() for m in pattern.finditer(text)}) if pattern else []
        # an amount of money or a percentage may be read as a price too
        found += sorted({m.group(0).strip().lower() for m in AMOUNT.finditer(text)} - set(found)) \
            if rules.send_email_with_amounts else []
        found += sorted({" ".join(m.group(0).split()).lower() for m in CONCESSION.finditer(text)} - set(found)) \
            if rules.send_email_with_concessions else []
        if found:
            reasons.append("the e-mail talks about pricing (" + ", ".join(found[:5]) + ")")
    elif tool == "change_stage":
        if args.get("stage") in rules.stage_changes_to:
            reasons.append(f"moving a deal to {args.get('stage')}")
        elif deal is not None and deal.stage in rules.stage_changes_from and args.get("stage") != deal.stage:
            reasons.append(f"reopening a deal that is {deal.stage}")
        if key and rules.change_stage_on_key_account:
            reasons.append("a stage change on a key account (" + "; ".join(key) + ")")
    elif tool == "log_activity":
        if key and rules.log_activity_on_key_account:
            reasons.append("logging on a key account (" + "; ".join(key) + ")")
    elif tool == "schedule_followup":
        if key and rules.schedule_followup_on_key_account:
            reasons.append("a follow-up on a key account (" + "; ".join(key) + ")")
    return Evaluation(reasons, facts)


def approver_refusal(conn: Connection, policy: Policy, approver: Identity, requested_by: int) -> str | None:
    """Why ``approver`` may not decide a request made by user ``requested_by`` (None: they may)."""
    if approver.user_id == requested_by:
        return "you cannot approve your own request"
    rules = policy.approvers
    if rules.ops and approver.sees_everything:
        return None
    if approver.name in rules.group:
        return None
    manager_id = conn.execute(select(User.manager_id).where(User.id == requested_by)).scalar()
    if rules.requester_manager and manager_id is not None and manager_id == approver.user_id:
        return None
    return "only " + " or ".join(approvers_description(conn, policy, requested_by)) + " may decide this request"


def approvers_description(conn: Connection, policy: Policy, requested_by: int) -> list[str]:
    """Who may decide a request made by ``requested_by``, for people to read."""
    rules = policy.approvers
    who = []
    if rules.requester_manager:
        manager = conn.execute(select(User.name).where(User.id == select(User.manager_id)
                                                       .where(User.id == requested_by).scalar_subquery())).scalar()
        if manager:
            who.append(f"{manager} (manager)")
    if rules.ops:
        who.append("sales-ops")
    who.extend(rules.group)
    return who or ["sales-ops"]
