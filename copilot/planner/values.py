"""Deal values people set a bound on ("deals over $5,000", "won deals above 5k", "open deals worth more than
$1,000", "deals under $500"), as filters on the CRM's deal values.

The CRM holds a value only for a won deal (its close value; a lost one is 0). An open deal has none yet, and
what it is worth until it closes is its product's list price; a lost deal's is the same list price. So a bound
is read on the close value of the won deals, or on the list price of the open (or lost) ones, and the answer
says which; a figure that needs both (a win rate: won against lost) is asked about, never worked out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from copilot.planner.frames import Frame

_AMOUNT = r"(?:us\$|\$)?\s?\d[\d,]*(?:\.\d+)?\s?(?:k|m|mm|thousand|million)?(?:\s?(?:dollars|usd|bucks))?"
_OPS = {"above": r"over|above|more than|greater than|bigger than|larger than|higher than|exceeding|in excess of|"
                 r"north of",
        "min": r"at least|no less than|not less than|a minimum of|minimum of|min of",
        "below": r"under|below|less than|smaller than|lower than|beneath",
        "max": r"at most|no more than|not more than|up to|a maximum of|maximum of|max of"}
_WORTH = r"(?P<worth>(?:worth|valued at|valued|value[ds]?|with a value|of value|sized?)\s+)?"
_NOT_COUNT = (r"(?!\s*(?:%|percent|days?|weeks?|months?|years?|deals?|wins?|won|lost|open|closed|opportunit\w*|employees|"
              r"people|reps?|accounts?|customers?|times|touches|calls|e-?mails|meetings))(?![\w.,]\d|\w)")
"""what may not follow an amount for it to be money: a count of deals or days, a percentage"""
BOUND = re.compile(rf"\b{_WORTH}(?:(?P<op>{'|'.join(_OPS.values())})\s+(?P<amount>{_AMOUNT})|between\s+(?P<lo>{_AMOUNT})"
                   rf"\s+and\s+(?P<hi>{_AMOUNT})){_NOT_COUNT}",
                   re.IGNORECASE)
_AFTER = {"min": r"or more|or above|or higher|or greater|and up|and above|or over",
          "max": r"or less|or below|or lower|or under|and under|and below"}
TRAILING = re.compile(rf"(?<![\w$.,]){_WORTH}(?P<amount>{_AMOUNT})\s+(?P<after>{'|'.join(_AFTER.values())}){_NOT_COUNT}",
                      re.IGNORECASE)
"""a bound on a deal's value: an amount of money after "over", "under", "at least", "up to" or "between" (or before "or
more", "or less": ``TRAILING``); an
amount said as money ("$500", "5k") or large enough to be one, never a count ("more than 5 deals")"""


@dataclass(frozen=True)
class Bound:
    filters: dict[str, float]  # value_above, value_min, value_below, value_max: the tool's filters
    said: str  # the words that set it, as typed
    on_deals: bool = True
    """said of deals ("deals over $5,000", "wins worth more than 5k"), not of a total ("reps with revenue over
    $100k", "accounts with revenue over 1000"), which is not a bound on each deal's value"""
    bare: bool = False
    """said with nothing it is of ("what about under $500?"): of the deals a thread is about"""


DEAL_WORDS = {"deal", "deals", "win", "wins", "opportunity", "opportunities", "opp", "opps", "contract", "contracts",
              "one", "ones"}
STATE_WORDS = {"won", "lost", "closed", "open", "engaged", "signed", "booked"}
CUE_WORDS = {"what", "how", "about", "and", "only", "just", "now", "ok", "okay", "so", "then", "the", "those", "them",
             "ones", "of", "same", "but", "many", "are", "were"}


def _amount(text: str) -> tuple[float, bool]:
    """The amount ``text`` says, and whether it is said as money (a currency sign, "k", "dollars")."""
    t = text.casefold().replace(",", "").replace(" ", "")
    money = "$" in t or bool(re.search(r"(k|m|mm|thousand|million|dollars|usd|bucks)$", t))
    t = re.sub(r"(dollars|usd|bucks)$", "", t).replace("us$", "").replace("$", "")
    scale = 1.0
    for suffix, factor in (("thousand", 1e3), ("million", 1e6), ("mm", 1e6), ("k", 1e3), ("m", 1e6)):
        if t.endswith(suffix):
            t, scale = t[:-len(suffix)], factor
            break
    return float(t) * scale, money


def _not_money(amount: float, money: bool) -> bool:
    """"more than 5" is a count, "over 2017" a year: neither an amount of money unless said as one."""
    return not money and (amount < 100 or amount == int(amount) and 1900 <= amount <= 2100)


def find_bound(text: str) -> tuple[Bound | None, str]:
    """The bound on a deal's value that ``text`` sets, and the text without it (for the rest to be read)."""
    for m in [*BOUND.finditer(text), *TRAILING.finditer(text)]:
        if "after" in m.groupdict():  # "$5,000 or more"
            amount, money = _amount(m.group("amount"))
            if _not_money(amount, money):
                continue
            op = next(k for k, v in _AFTER.items() if re.fullmatch(v, " ".join(m.group("after").casefold().split())))
            filters = {f"value_{op}": amount}
        elif m.group("op"):
            amount, money = _amount(m.group("amount"))
            if _not_money(amount, money):
                continue
            op = next(k for k, v in _OPS.items() if re.fullmatch(v, m.group("op").casefold().strip()))
            filters = {f"value_{op}": amount}
        else:
            (lo, lo_money), (hi, hi_money) = _amount(m.group("lo")), _amount(m.group("hi"))
            if not lo_money and lo < 100 or not hi_money and hi < 100 or \
                    _not_money(lo, lo_money) and _not_money(hi, hi_money):
                continue  # "between 5 and 10 deals", "between 2016 and 2017"; "between 1000 and 2000" is money
            filters = {"value_min": min(lo, hi), "value_max": max(lo, hi)}
        before = re.findall(r"[\w']+", text[:m.start()].casefold())
        said_of = before[:-1] if before and before[-1] in ("of", "at") else before  # "deals of 5k or more"
        on_deals = bool(m.group("worth")) or bool(said_of) and (said_of[-1] in DEAL_WORDS or said_of[-1] in STATE_WORDS
                                                                and bool(DEAL_WORDS & set(said_of)))
        rest = f"{text[:m.start()]} {text[m.end():]}"
        bare = all(w in CUE_WORDS for w in before)
        return Bound(filters, " ".join(m.group(0).split()), on_deals, bare), " ".join(rest.split())
    return None, text


COUNT_OPS = {"above": r"more than|over|above|greater than|in excess of", "min": r"at least|no fewer than|no less than",
             "below": r"fewer than|less than|under|below", "max": r"at most|no more than|not more than|up to",
             "exactly": r"exactly|precisely|just"}
COUNT_BOUND = re.compile(rf"\b(?P<op>{'|'.join(COUNT_OPS.values())})\s+(?P<n>\d[\d,]*)\s+"
                         r"(?=(?P<what>(?:(?:won|lost|open|closed)\s+)?(?:deals?|wins?|opportunit(?:y|ies)|opps?|losses|"
                         r"sales)\b))", re.IGNORECASE)
"""a bound on how many deals each one has ("reps who won more than 100 deals", "reps with fewer than 50 won deals"):
a bound on a group's count, never on each deal's value"""
NEGATED = {"above": "max", "max": "above", "below": "min", "min": "below"}
"""the bound meant when "not" comes before it: "not over 60" is 60 or fewer, "not fewer than 150" 150 or more"""


@dataclass(frozen=True)
class CountBound:
    having: dict[str, float]  # above, min, below or max: the tool's bound on a group's figure
    said: str

    @property
    def most_first(self) -> bool:
        return "above" in self.having or "min" in self.having


def find_count_bound(text: str) -> tuple[CountBound | None, str]:
    """The bound on each group's count of deals that ``text`` sets, and the text without it (the count's own words
    stay: "reps with fewer than 50 won deals" is read as "reps with won deals")."""
    m = COUNT_BOUND.search(text)
    if m is None:
        return None, text
    op = next(k for k, v in COUNT_OPS.items() if re.fullmatch(v, " ".join(m.group("op").casefold().split())))
    said = " ".join(f"{m.group('op')} {m.group('n')} {m.group('what')}".split())
    before = text[:m.start()]
    # "not fewer than 150", "haven't won more than 100": the other side of the bound; the verb stays to be read
    n = float(m.group("n").replace(",", ""))
    if negated := re.search(r"(?:\bnot|n't|\bnever)\s+(?P<verb>(?:win|won|lose|lost)\s+)?$", before, re.IGNORECASE):
        if op == "exactly":  # "not exactly 5": no one bound says it
            return None, text
        op, said = NEGATED[op], f"not {said}"
        before = f"{before[:negated.start()]} {negated.group('verb') or ''}"
    having = {"min": n, "max": n} if op == "exactly" else {op: n}
    return CountBound(having, said), " ".join(f"{before} {text[m.end():]}".split())


def having_label(having: dict[str, float]) -> str:
    """The bound as the answer says it: "more than 100", "fewer than 50"."""
    def n(v: float) -> str:
        return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"
    if having.keys() == {"min", "max"} and having["min"] == having["max"]:
        return "no" if having["min"] == 0 else f"exactly {n(having['min'])}"
    words = {"above": "more than {}", "min": "{} or more", "below": "fewer than {}", "max": "{} or fewer"}
    return " and ".join(words[k].format(n(v)) for k, v in having.items() if k in words)


NOT_COUNTED_BY = ("I can keep the reps, managers, offices, products, sectors or accounts whose count of deals is within a "
                  "bound (\"which reps won more than ... deals\", \"products with fewer than ... won deals\"), but not "
                  "answer yes or no about one figure. Do you want the count itself? Say yes.")
NOT_COUNTED_WITH = ("I can keep the reps, managers, offices, products, sectors or accounts whose count of deals is within a "
                    "bound (\"which reps won more than ... deals\"), with that count alone. Could you ask for the rest "
                    "on its own?")


OPEN = {"Prospecting", "Engaging"}
BY_CLOSE_VALUE = ("won_count", "won_revenue", "avg_won_deal_size", "avg_sales_cycle_days")
BY_LIST_PRICE = ("open_count", "lost_count", "open_pipeline_list_price")


CLEARED = {"value_min": None, "value_max": None, "value_above": None, "value_below": None, "value_of": None}


def bounded(frame: Frame, bound: Bound) -> Frame | None:
    """``frame`` over the deals whose value is within ``bound``: won deals by their close value, open or lost ones by
    their list price; a count of deals in no stage is of the won ones (the only ones with a value). None when the
    bound cannot apply (a win rate, a figure that is not of deals)."""
    stages = set(frame.filters.get("stage") or [])
    topic = frame.topic
    frame = frame.with_filters(**CLEARED)  # a new bound replaces the thread's last one
    if frame.form == "attribute" or topic not in (*BY_CLOSE_VALUE, *BY_LIST_PRICE, "count"):
        return None
    if stages and (stages & {"Won"}) and stages - {"Won"}:
        return None  # won and lost (or open) together: two kinds of value in one figure
    if topic == "count" or frame.form == "records" and not stages:
        if stages and stages <= OPEN | {"Lost"}:
            return frame.with_filters(**bound.filters, value_of="list_price")
        if frame.form == "records":
            return frame.with_filters(**bound.filters, stage=["Won"])
        return frame.edit(topic="won_count").with_filters(**bound.filters, stage=None)
    if topic in BY_LIST_PRICE or stages and stages <= OPEN | {"Lost"}:
        return frame.with_filters(**bound.filters, value_of="list_price")
    return frame.with_filters(**bound.filters)


def bound_label(filters: dict[str, Any]) -> str:
    """The bound as the answer says it: "worth over $5,000", "at a list price under $1,000"."""
    def money(v: float) -> str:
        return f"${v:,.0f}" if v == int(v) else f"${v:,.2f}"
    said = []
    if "value_min" in filters and "value_max" in filters:
        said.append(f"from {money(filters['value_min'])} to {money(filters['value_max'])}")
    else:
        for key, word in (("value_above", "over {}"), ("value_min", "{} or more"), ("value_below", "under {}"),
                          ("value_max", "{} or less")):
            if key in filters:
                said.append(word.format(money(filters[key])))
    if not said:
        return ""
    if filters.get("value_of") == "list_price":
        return f"at a list price {' and '.join(said)} (the CRM holds no close value for them)"
    return "worth " + " and ".join(said)


NOT_ON_DEALS = ("Is \"{said}\" the value of each deal? I can filter deals by their value (won deals by their close "
                "value, open ones by their list price), but not people, products or accounts by a total, nor accounts "
                "by their size. Ask again with the deals it is about, for example as a count or a list of won deals.")
UNSURE = ("I could not read the rest of your question beside \"{said}\". Could you ask it again, for example as a count "
          "or a list of the won or open deals in that range?")
NOT_BOUNDED = ("I can set a bound on a deal's value only for figures of won deals (their close value) or of open "
               "deals (their product's list price, as they have no close value yet): lost deals have no value in the "
               "CRM, so a win rate over deals of some size can't be measured. Do you want the won deals or the open "
               "ones in that range?")
