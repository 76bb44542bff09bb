"""The typed frames a question is read into, and the conversation state that follow-ups edit.

A :class:`Frame` is one thing to look up: its topic (a metric such as ``won_revenue``, an account
attribute such as ``employees``, a directory question such as ``team``), the form of the answer
(one figure, a ranking, a breakdown, the records themselves), the filters (people, accounts,
products, offices, sectors, stages), the period and how many rows. A question becomes one frame, or
several (a two-part question, the two sides of a comparison); the thread keeps the last ones so that
"and in Q3?" or "list them" edits them.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

from copilot.planner.periods import Period

DEAL_METRICS = ("won_revenue", "won_count", "lost_count", "open_count", "count", "win_rate", "avg_won_deal_size",
                "avg_sales_cycle_days", "open_pipeline_list_price", "median_won_deal_size", "median_sales_cycle_days")
ACCOUNT_FIELDS = ("employees", "revenue_musd", "sector", "office_location", "year_established", "parent_account")
PEOPLE_TOPICS = ("manager", "rep_office", "team")
OTHER_TOPICS = ("reply_rate", "subsidiaries", "list_price", "account_count")
STAGES_OF = {"won_count": ["Won"], "won_revenue": ["Won"], "avg_won_deal_size": ["Won"],
             "avg_sales_cycle_days": ["Won"], "lost_count": ["Lost"], "win_rate": ["Won", "Lost"],
             "open_count": ["Prospecting", "Engaging"], "open_pipeline_list_price": ["Prospecting", "Engaging"],
             "median_won_deal_size": ["Won"], "median_sales_cycle_days": ["Won"]}


@dataclass
class Frame:
    topic: str
    form: str = "figure"  # figure, ranked, breakdown, records, attribute
    filters: dict[str, Any] = field(default_factory=dict)
    period: Period | None = None
    basis: str = "close"  # which date the period filters: close or engage
    group: str | None = None
    by: str | None = None  # a second grouping, within the first ("won revenue by rep and sector")
    each: int = 0  # a ranking's top (or bottom) this many in each group of ``by`` ("the top rep in each sector")
    descending: bool = True
    limit: int = 1
    order: str | None = None  # for records: close_value, engage_date, close_date, cycle_days (or an account field)
    also: list[str] = field(default_factory=list)  # more topics over the same subject ("how many, and worth?")
    fields: list[str] = field(default_factory=list)  # for records: the columns asked for
    whole: bool = False  # the total a share is of ("what % of revenue comes from GTX Pro": every deal's revenue)
    having: dict[str, float] = field(default_factory=dict)  # a bound on each group's figure ("more than 100": above)

    def edit(self, **changes: Any) -> Frame:
        return replace(self, **changes)

    def with_filters(self, **changes: Any) -> Frame:
        f = {k: v for k, v in {**self.filters, **changes}.items() if v not in (None, [], {})}
        return replace(self, filters=f)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["period"] = self.period.as_dict() if self.period else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Frame:
        d = dict(d)
        d["period"] = Period.from_dict(d["period"]) if d.get("period") else None
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in d.items() if k in known})


@dataclass
class Context:
    """What the thread is about: the last frames and who or what was last singled out."""

    frames: list[Frame] = field(default_factory=list)
    focus: dict[str, str] = field(default_factory=dict)  # kind -> name (rep, account, product, manager)
    offer: list[Frame] = field(default_factory=list)  # the reading offered in a clarifying question
    compare: bool = False
    previous: list[Frame] = field(default_factory=list)  # the frames of the turn before
    draft: dict[str, Any] | None = None  # the arguments of the last draft: a revision changes one of them

    def as_dict(self) -> dict[str, Any]:
        return {"frames": [f.as_dict() for f in self.frames], "focus": self.focus,
                "offer": [f.as_dict() for f in self.offer], "compare": self.compare,
                "previous": [f.as_dict() for f in self.previous], "draft": self.draft}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Context:
        if not isinstance(d, dict):
            return cls()
        try:
            return cls([Frame.from_dict(f) for f in d.get("frames") or []], dict(d.get("focus") or {}),
                       [Frame.from_dict(f) for f in d.get("offer") or []], bool(d.get("compare")),
                       [Frame.from_dict(f) for f in d.get("previous") or []],
                       dict(d["draft"]) if isinstance(d.get("draft"), dict) else None)
        except (TypeError, ValueError, KeyError):
            return cls()

    @property
    def period(self) -> Period | None:
        return next((f.period for f in self.frames if f.period), None)


def listed(kind: str, names: list[str]) -> dict[str, str]:
    """The focus keys of a list shown: "the second one" and "the bottom one" point into it next."""
    return {"listed": "\n".join(names), "listed_kind": kind} if names else {}


def listed_of(focus: dict[str, str]) -> tuple[str, list[str]] | None:
    """The kind and the names, in order, of the list last shown in the thread, if one was."""
    names = [n for n in str(focus.get("listed") or "").split("\n") if n]
    return (str(focus["listed_kind"]), names) if names and focus.get("listed_kind") else None


def record_order(frame: Frame) -> str:
    """The field deal records are ordered by: an open deal has no close value yet, so its size is its list price."""
    order = frame.order or "close_value"
    stages = frame.filters.get("stage")
    if order == "close_value" and stages and set(stages) <= {"Prospecting", "Engaging"}:
        return "list_price"
    return order
