"""The offline writer: a plan (who, in which language and tone, how long, about what, offering what) made
into a subject and a customer-facing body, in the phrasebook's words only.

Nothing from a note, an internal field or another customer reaches the body: the writer's words come from
the phrasebook, the account's and contact's own names, the product and the rep's own points.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from tools.drafts.phrasebook import layout, phrases, say

LENGTHS = ("short", "standard", "long")
WHEN = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next week|the week of|"
                  r"\d{1,2}(:\d{2})?\s*(am|pm)|\d{1,2} (january|february|march|april|may|june|july|august|september|"
                  r"october|november|december))\b|周[一二三四五六日]|星期|明天|下周", re.IGNORECASE)
MEETING = re.compile(r"\b(meet|meeting|visit|in (your|their) (city|office|area)|on site|onsite|in person|free|"
                     r"available|drop by|stop by|come by|slots?)\b|见面|拜访|有空", re.IGNORECASE)
MONTHS_ZH = "一二三四五六七八九十"


@dataclass
class Point:
    """One thing the e-mail says for the rep: a known offer (``concept``) or the rep's own words (``free``)."""

    concept: str | None = None
    free: str | None = None


@dataclass
class Plan:
    language: str
    tone: str
    length: str
    name: str
    title: str | None
    account: str
    product: str | None
    signature: str
    angle: str | None = None
    purpose: str | None = None  # the rep's words when they name no known concern
    points: list[Point] = field(default_factory=list)
    support: list[str] = field(default_factory=list)  # offers added from what won similar deals
    reply_date: dt.date | None = None
    reply_subject: str | None = None
    reply_wants_detail: bool = False
    avoid_words: list[str] = field(default_factory=list)  # a sentence that says one of these is left out

    def allows(self, sentence: str) -> bool:
        low = sentence.casefold()
        return not any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", low) for w in self.avoid_words if w)

    @property
    def first(self) -> str:
        return (self.name or "").split()[0] if (self.name or "").split() else ""


def date_words(day: dt.date, language: str) -> str:
    if language == "zh":
        return f"{day.month}月{day.day}日"
    return f"{day:%A} {day.day} {day:%B}"


def write(plan: Plan) -> tuple[str, str, list[str]]:
    """(subject, body, the body's sentences in order) for ``plan``."""
    ph = phrases(plan.language)
    names = {"first": plan.first or plan.name or "", "name": plan.name or "", "title": plan.title or "",
             "account": plan.account, "product": plan.product or _our_solution(plan.language)}
    short, long = plan.length == "short", plan.length == "long"

    opening: list[str] = []
    if plan.reply_date is not None:
        opening.append(say(ph["opener"]["reply"], date=date_words(plan.reply_date, plan.language), **names))
        if plan.reply_wants_detail:
            opening.append(say(ph["opener"]["reply_detail"], **names))
    elif plan.angle:
        opening.append(say(ph["opener_angle"][plan.angle], **names))
    elif plan.purpose and plan.language == "en":
        opening.append(say(ph["opener"]["purpose"], purpose=plan.purpose, **names))
    elif plan.purpose:
        opening.append(say(ph["opener"]["purpose"], **names))
    else:
        opening.append(say(ph["opener"]["plain_short" if short else "plain"], **names))
    if plan.angle and not short:
        opening.append(say(ph["acknowledge"][plan.angle], **names))
    if long and plan.title:
        opening.append(say(ph["role"].get(plan.angle or "other", ph["role"]["other"]), **names))

    said: list[str] = []
    for i, point in enumerate(plan.points):
        if point.concept:
            said.append(say(ph["offer"][point.concept]["short" if short else "standard"], **names))
        elif point.free:
            free = _coordinated(point.free) if plan.language == "en" else point.free
            clause = CLAUSE.match(free)
            if clause and i and clause.group(1) != "I":  # "Also, our team is ready", not "Also, Our team..."
                free = free[:1].lower() + free[1:]
            kind = ("clause" if clause else "free") + ("_first" if i == 0 else "")
            said.append(say(ph["point"][kind], point=free, **names))

    support: list[str] = []
    if plan.support:  # the caller decides how many: none in a short draft that makes the rep's points
        offers = [say(ph["offer"][k]["short" if short else "standard"], **names) for k in plan.support]
        offers = [o for o in offers if plan.allows(o)]
        if offers and plan.points and plan.language == "en":  # "...in a similar position: we could start with..."
            offers[0] = offers[0] if offers[0].startswith("I ") else offers[0][:1].lower() + offers[0][1:]
        support = ([ph["support"]["intro"]] if plan.points and offers else []) + offers

    closing_line: list[str] = []
    if long:
        closing_line.append(ph["extra"]["agenda"])
    # the rep named a day or a time to meet ("I will be in your city on Tuesday"): ask about that time
    meets = any(p.free and WHEN.search(p.free) and MEETING.search(p.free) for p in plan.points)
    closing_line.append(ph["ask_then" if meets else "ask"][plan.tone])

    paragraphs = [[tidy(x, plan.language) for x in p if plan.allows(x)] for p in (opening, said)] + \
        [[tidy(x, plan.language) for x in p] for p in (support, closing_line)]
    body = layout(plan.language, greeting=say(ph["greeting"][plan.tone], **names), paragraphs=paragraphs,
                  closing=ph["closing"][plan.tone], signature=plan.signature).strip()
    body = re.sub(r"\n{3,}", "\n\n", body)
    topic = ph["topic"].get(plan.angle or "", "")
    if plan.reply_subject:
        subject = say(ph["subject"]["reply"], subject=_no_re(plan.reply_subject))
    elif topic:
        subject = say(ph["subject"]["angle"], topic=topic, **names)
    else:
        subject = say(ph["subject"]["plain"], **names)
    if not plan.allows(subject):
        subject = say(ph["subject"]["plain"], **names)
    return subject[:300], body, [s for p in paragraphs for s in p]


CLAUSE = re.compile(r"(?i)(i|we|you|they|it|there|our \w+ (is|are|will|can|has|have|was))\b")
"""a point that is a sentence of its own ("we can start in May"), not a thing to mention ("the pilot")"""
SUBJECT = r"(?:i|we|you|they|he|she|it|there|this|these|those|our|your|the)\b"
AND_THAT = re.compile(r",?\s+(and|but|or)\s+that\s+(?=" + SUBJECT + ")", re.IGNORECASE)
DOUBLED = re.compile(r"\b([^\W\d_]+)(?:\s+\1\b)+", re.IGNORECASE)
"""a word said again in lower case ("a a", "The the"); a name said twice ("Walla Walla") is left as it is"""
SLIPS = {"a", "an", "the", "to", "of", "for", "in", "on", "at", "by", "with", "about", "from", "and", "or", "but",
         "we", "i", "you", "your", "our", "us", "it", "is", "are", "be", "can", "could", "will", "would", "shall",
         "this", "these", "if", "as", "so", "me", "my"}
"""the English words a template and the rep's words can meet on ("...offer a" + "a pilot"): only these are said once;
any other word said twice is the rep's ("very very", "bye bye") or another language's ("nous nous verrons", "Haben
Sie sie gesehen?") and is kept"""
ABBREVIATIONS = {"e.g", "i.e", "etc", "vs", "approx", "incl", "cf", "mr", "mrs", "ms", "dr", "st"}


def _coordinated(point: str) -> str:
    """The rep's point with "and that it..." said as a clause of its own: "we can start in May and that it saved
    them 30%" is "we can start in May, and it saved them 30%" (the "that" belonged to "mention that...")."""
    return AND_THAT.sub(lambda m: f", {m.group(1).lower()} ", point)


def tidy(sentence: str, language: str = "en") -> str:
    """A sentence put together from a template and the rep's words, with the slips of joining them mended: a word
    said twice ("a a pilot"), a space before a comma or a full stop, a missing space after a comma, two full stops,
    lower case after a full stop (an abbreviation or an ellipsis does not end a sentence). The first letter is the
    template's: an offer that follows "...in a similar position:" starts in lower case on purpose."""
    if language != "en":
        return re.sub(r"([。，；：！？])\1+", r"\1", re.sub(r"[.。]+。", "。", sentence))
    out = DOUBLED.sub(lambda m: m.group(0) if m.group(1).casefold() not in SLIPS or m.group(0).split()[-1][:1].isupper()
                      else m.group(1), sentence)
    out = re.sub(r"\s+([,.;:!?])(?!\d)", r"\1", out)
    out = re.sub(r"([,;])(?=[^\W\d_])", r"\1 ", out)
    out = re.sub(r"(?<!\.)\.\.(?!\.)", ".", out)
    out = re.sub(r",([.!?])", r"\1", out)

    def capital(m: re.Match[str]) -> str:
        before = re.findall(r"[\w.]+$", out[:m.start()])
        if out[:m.start()].endswith("..") or before and before[0].casefold().rstrip(".") in ABBREVIATIONS:
            return m.group(0)
        return m.group(1) + m.group(2).upper()

    return re.sub(r"(?<=[.!?])(\s+)([^\W\d_])", capital, out)


def one_line(text: object) -> str:
    """Text from outside (a name, a title, a subject) as one line of printable characters, at most 200."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in str(text or "")).split())[:200]


def _no_re(subject: str) -> str:
    """Their subject, on one line, without the "Re:" we add again (it is their text: no line breaks, bounded)."""
    return re.sub(r"^\s*((re|aw|fw|fwd|回复)\s*[:：]\s*)+", "", one_line(subject), flags=re.IGNORECASE)


def _our_solution(language: str) -> str:
    return "我们的方案" if language == "zh" else "our solution"
