"""Was this action asked for by the rep, in their own words?

Once text written by outsiders has entered a conversation (a note, an inbound e-mail, a contact's
title, a saved preference), the model may be following it. An action is then carried out only when
one clause of the rep's message in this turn asks for that kind of action in the imperative ("send",
"log", "schedule", "move ... to won") -- not as a question, not negated, not inside quotes -- and that
clause names its target (the recipient after "to", the account, the deal with its new stage), and its
free text is the rep's (a logged summary or a follow-up note copied from their message; an e-mail that
is exactly the copilot's draft the rep read, or close to their own words). Anything else is not done,
and the rep is told why.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import Any

from sqlalchemy import Connection, select

from copilot.crm.models import Contact
from copilot.untrusted import fold

INTENT = {
    "send_email": r"\b(send|forward|reply|respond)\b|\be-?mail (it|this|that|him|her|them)\b|"
                  r"^\W*(?:please\s+)?(?:e-?mail|write to|drop)\b",
    "log_activity": r"\b(log|record)\b|\b(add|write|note down) (a|an|the) (call|meeting|note|e-?mail)\b",
    "schedule_followup": r"\b(schedule|book|set up|add|create|put in)\b[^.?!;]*\b(follow[- ]?up|reminder|task)\b"
                         r"|\bremind me\b",
    "change_stage": r"\b(move|mark|set|change|update|put)\b",
}
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']{3,}'|\u201c[^\u201d]*\u201d|\u2018[^\u2019]{3,}\u2019")
_CLAUSES = re.compile(r"(?<=[.!?;])\s+|\n+")
_POLITE = re.compile(r"^\s*(please\s+)?(can|could|would|will) you\b", re.IGNORECASE)
_QUESTION = re.compile(r"^\s*(did|do|does|should|shall|how|what|why|when|where|who|which|is|are|was|were|have|has|"
                       r"can|could|would|will|may|might|must)\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(don'?t|do not|doesn'?t|no need|not yet|never|shouldn'?t|won'?t|can'?t|cannot|without|"
                       r"instead of|rather than|hold off|wait)\b", re.IGNORECASE)
_SUBJECT = re.compile(r"(?:(?:\b|(?<=\w))(?:will|'ll|would|'d|shall|might|may|must|can|could|should|am|'m|is|are|"
                      r"was|were|gonna|going to|has to|have to|needs? to|wants? to|plans? to)\s+|\b(?:ask|tell|have|get|"
                      r"let|remind)\s+[\w.@'-]+(?:\s+[\w.@'-]+)?\s+(?:to\s+)?)(?:\w+\s+)?$", re.IGNORECASE)
"""right before the verb, what someone will do or wants ("I'll send it myself", "Sam will reply to it"), or an order
to someone else ("ask Rita to send it"): not an order to the copilot (a polite "could you send it" is read apart;
"That is great, send it" is an order)"""
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_CONDITION = re.compile(r"\b(if|unless|once(?!\s+(?:more|again))|when|whenever|as soon as|only after|only when|"
                        r"until|till|in case|provided)\b", re.IGNORECASE)
_DEFERRED = re.compile(r"\b(not now|not yet|nothing yet|not before|not until|no earlier than|hold (?:it|off)|"
                       r"wait (?:until|till|for))\b", re.IGNORECASE)
"""said anywhere in the message, the rep holds the order back"""
_LATER = re.compile(
    rf"\b(after|tomorrow|tonight|later|next (?:week|month|time|{_DAYS})|(?:on |next |by |this )?{_DAYS}(?:\s+"
    r"(?:morning|afternoon|evening|night))?|this (?:afternoon|evening|weekend)|in (?:an?|\d+|one|two|three|four|five|"
    r"a few|a couple of) (?:minutes?|hours?|days?|weeks?)|(?:at )?the end of (?:the )?(?:day|week|month)|"
    r"at \d{1,2}(?::\d\d)?\s*(?:am|pm|h)?|(?:on |by )?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTHS +
    r"|(?:on |by )?" + _MONTHS + r"\s+\d{1,2}(?:st|nd|rd|th)?|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}(?:/\d{2,4})?)\b",
    re.IGNORECASE)
"""when the order's own words (from its verb to the next comma) put it later: to send or move a deal (a logged call's
time is when it happened) -- a follow-up is scheduled; this is not that"""
_RETRACTED = re.compile(
    r"\b(?:actually|wait|hmm+|oh|um+|erm?|hold on)\W+(?:no|nope|don'?t|do not|hold|cancel|stop|never ?mind|scratch|"
    r"forget|keep|leave)\b|\bno\W+(?:wait|don'?t|do not|scratch|cancel|stop|never ?mind|forget|hold|keep|leave|no)\b|"
    r"\b(?:cancel|scratch|forget|ignore|disregard|undo|belay|strike)\s+(?:that|this|it|the last|what i (?:said|wrote)|"
    r"my last)\b|\bnever ?mind\b|\bsecond thoughts?\b|\b(?:just )?(?:kidding|joking)\b|\bjk\b|\blol\W+no\b|"
    r"\bnah\b|\bnope\b|\bor not\b|\bnot sure\b|\bunsure\b|\bmaybe not\b|\btake (?:that|it) back\b|"
    r"\b(?:keep|leave) it (?:as )?(?:a )?draft\b|\b(?:don'?t|do not)\s+do\s+(?:it|that|this)\b|\bnvm\b|^\W*no\W*$",
    re.IGNORECASE | re.MULTILINE)
"""said after the order in the same message, the rep takes it back or is unsure ("Send it. Actually no, don't.",
"send it, on second thought keep it", "send it or not", "move it to Engaging. No wait, cancel that"): nothing is
done until they ask again"""
_PAUSE = re.compile(r"[,;:\u2013\u2014]|\s-\s|\s+(?:but|and then|then)\s+", re.IGNORECASE)
_NONE_AFTER = re.compile(r"^\W*(it\s+|this\s+|that\s+)?(nothing|none|no|not)\b", re.IGNORECASE)
_DRAFT_REF = re.compile(r"\b(it|this|that|the (draft|e-?mail|message))\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9$%']+")
_NEGATIONS = {"not", "no", "never", "don't", "dont", "cancel", "cancelled", "canceled", "stop", "without"}


def requests(current: str, tool: str) -> list[str]:
    """The clauses of the rep's message that ask for ``tool`` in the imperative (quoted text left out)."""
    text = _QUOTED.sub(" ", current)
    out = []
    clauses = _CLAUSES.split(text)
    for i, clause in enumerate(clauses):
        if not re.search(INTENT.get(tool, r"$^"), clause, re.IGNORECASE):
            continue
        polite = bool(_POLITE.match(clause))
        if not polite and (_instruction(clause).rstrip().endswith("?") or _QUESTION.match(clause)):
            continue  # a question; the text an order carries after ":" may end with one
        verb = re.search(INTENT[tool], clause, re.IGNORECASE)
        if verb and _NEGATION.search(clause[:verb.start()]):
            continue
        if verb and not polite and _SUBJECT.search(clause[:verb.start()]):
            continue
        if verb and _NONE_AFTER.match(clause[verb.end():]):
            continue  # "send nothing yet", "log none of it"
        carries = tool == "send_email" and ":" in clause  # what follows is the e-mail's words, not more orders
        if later(clause, tool) or (tool != "schedule_followup" and
                                   _DEFERRED.search(_head(text) if tool == "send_email" else text)):
            continue
        if verb and _taken_back(clauses if not carries else clauses[:i + 1], i, verb.end(), tool):
            continue
        tail = clauses[i + 1] if i + 1 < len(clauses) and not carries else ""
        if tool in ("send_email", "change_stage") and len(tail.split()) <= 4 and _LATER.search(tail):
            continue  # "Send it to Sam" and, on its own line, "on Monday"
        out.append(clause)
    return out


_UNDONE = {
    "send_email": r"send|forward|reply|respond|e-?mail",
    "log_activity": r"log|record|add|write|note",
    "schedule_followup": r"schedule|book|set|add|create|put|remind",
    "change_stage": r"move|mark|set|change|update|put",
}
"""the verbs whose "don't ..." after an order of that kind takes it back ("Log it. Wait, don't log that.")"""


def retracted(after: str, tool: str = "") -> str | None:
    """What in the words after an order takes it back or doubts it (None: nothing). In the order's own sentence, the
    text it carries after ":" (a logged summary, an e-mail's words) is the rep's to write, so it is not read for
    this; the sentences after it are."""
    own, _, rest = after.partition("\n")
    read = own.partition(":")[0] + "\n" + rest
    found = _RETRACTED.search(read) or (re.search(rf"\b(?:don'?t|do not)\s+(?:{_UNDONE[tool]})\b", read,
                                                  re.IGNORECASE) if tool in _UNDONE else None)
    return found.group(0).strip() if found else None


_ORDER_HEAD = re.compile("(?:" + "|".join(f"(?:{v})" for v in INTENT.values()) + ")[^:]*:", re.IGNORECASE)


def _head(text: str) -> str:
    """The message up to the text an order carries: before the first ":" that follows an order's verb."""
    m = _ORDER_HEAD.search(text)
    return text[:m.end()] if m else text


def _taken_back(clauses: list[str], i: int, end: int, tool: str) -> str | None:
    """What takes back the order whose verb ends at ``end`` in ``clauses[i]``, in the rest of the message."""
    return retracted(clauses[i][end:].replace("\n", " ") + "\n" + "\n".join(clauses[i + 1:]), tool)


def later(clause: str, tool: str) -> str | None:
    """What makes the order one for later or on a condition ("on Monday", "if they confirm"): a condition anywhere in
    its sentence up to the verb or from the verb to the next pause, a time only from the verb to the next pause
    ("send it now, he is back tomorrow" is for now); never in the text it carries after ":". None: it is for now."""
    if tool == "schedule_followup":
        return None
    order = _instruction(_QUOTED.sub(" ", clause))
    verb = re.search(INTENT.get(tool, r"$^"), order, re.IGNORECASE)
    if verb is None:
        return None
    before = _PAUSE.split(order[:verb.start()])[-1] if _CONDITION.search(order[:verb.start()]) is None else \
        order[:verb.start()]
    after = _PAUSE.split(order[verb.start():])[0]
    found = _CONDITION.search(before) or _CONDITION.search(after)
    if found is None and tool in ("send_email", "change_stage"):
        found = _LATER.search(after)
    return found.group(0) if found else None


def _tokens(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _copied(text: str, source: str, share: float = 0.8) -> bool:
    """``text`` is (nearly) copied from ``source``: most of its words, in order, and no negation of its own."""
    words, said = _tokens(text), _tokens(source)
    if not words:
        return False
    if (set(words) & _NEGATIONS) - set(said):
        return False
    matcher = difflib.SequenceMatcher(a=words, b=said, autojunk=False)
    if sum(block.size for block in matcher.get_matching_blocks()) < share * len(words):
        return False
    # and in the same order of neighbours: "they will cancel" is not copied from "they will not cancel"
    pairs, said_pairs = list(zip(words, words[1:])), set(zip(said, said[1:]))
    return not pairs or sum(p in said_pairs for p in pairs) >= 0.75 * len(pairs)


_MARK = re.compile(r"https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b"
                   r"(?:/\S*)?|\d(?:[\d\s().,/+-]*\d)?", re.IGNORECASE)
"""what an e-mail must not carry unless the rep wrote it: a link, an address, a domain, a number (a price, an account
number, a phone number, a date)"""
_GLUE = frozenset("hi hello hey dear thanks thank you best regards kind warm warmest many sincerely cheers all the a an "
                  "and to of for in on at with is are it this that i we our your my me us re fwd please as so mr mrs ms "
                  "dr miss wishes hope well doing good great glad look looking forward hearing soon".split())
"""words an e-mail written from the rep's own words may add to them: greetings, sign-offs and small words"""
_TOPIC = frozenset("follow up next steps call meeting recap notes update quick question our today tomorrow from about "
                   "re fwd".split())
"""words a subject line may hold beyond the rep's ("Follow-up from our call")"""
_NOT = frozenset({"not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "without"})
_SHORT = {"can't": "can not", "cannot": "can not", "won't": "will not", "shan't": "shall not"}


def _said(text: str) -> list[str]:
    """The words of ``text`` as compared: as a reader sees them (look-alikes folded, any script), in lower case, with
    contractions written out ("we'll" is "we will", "can't" is "can not") and each number whole ("15,000", "10:30")."""
    t = fold(text).casefold().replace("\u2019", "'").replace("`", "'")
    t = re.sub(r"\b(can't|cannot|won't|shan't)\b", lambda m: _SHORT[m.group(1)], t)
    for short, full in (("n't", " not"), ("'ll", " will"), ("'re", " are"), ("'ve", " have"), ("'m", " am"),
                        ("'d", " would")):
        t = re.sub(rf"(?<=[^\W\d_]){short}\b", full, t)
    t = re.sub(r"\be-(mail)", r"e\1", t)
    return re.findall(r"\d+(?:[.,:/]\d+)*|[^\W\d_]+", t)


def own_words(subject: str, body: str, source: str, sender: str = "", order: str = "") -> str | None:
    """Why an e-mail is not the rep's own words ``source`` (None: it is). Its body holds their words in their order,
    nearly all of them, every number and every "not" they wrote, and beside them only greetings, a sign-off, small
    words and the sender's name; no link, address, amount sign or number of its own; its subject only the rep's words
    and a topic's ("Follow-up from our call"). So a model following planted text can neither add a line to what the
    rep dictated nor say it otherwise ("we have not changed our bank details" is not "we have changed them"). The
    words of the ``order`` itself (the recipient's name in "send an e-mail to Sam Stone: ...") may be added too."""
    if (extra := added(body, source, marks_only=subject)) is not None and not extra.isalpha():
        return f"this e-mail says what you did not write (\"{extra[:60]}\")"
    signs = {ch for ch in f"{subject}{body}" if unicodedata.category(ch) == "Sc" or ch in "%\uff05\u066a"}
    if signs - set(source):
        return f"this e-mail says what you did not write (\"{''.join(sorted(signs - set(source)))}\")"
    src, words, allowed = _said(source), _said(body), _GLUE | set(_said(sender)) | set(_said(order))
    new = next((w for w in words if w not in src and w not in allowed), None) or \
        next((w for w in _said(subject) if w not in src and w not in allowed | _TOPIC), None)
    if new is not None:
        return f"this e-mail says what you did not write (\"{new[:60]}\")"
    matcher = difflib.SequenceMatcher(a=words, b=src, autojunk=False)
    blocks = matcher.get_matching_blocks()
    kept_body = {i for b in blocks for i in range(b.a, b.a + b.size)}
    kept_src = {j for b in blocks for j in range(b.b, b.b + b.size)}
    moved = next((w for i, w in enumerate(words) if i not in kept_body and w not in allowed), None)
    if moved is not None:
        return f"this e-mail puts your words in another order (\"{moved[:60]}\"); ask me to draft it first"
    dropped = [w for j, w in enumerate(src) if j not in kept_src]
    if lost := next((w for w in dropped if w in _NOT or w[0].isdigit()), None):
        return f"this e-mail leaves out \"{lost}\" from what you wrote; ask me to draft it first"
    solid = [w for w in src if w not in _GLUE]
    if solid and sum(w not in _GLUE for w in dropped) > 0.2 * len(solid):
        return "this e-mail is not in your own words; ask me to draft it first"
    return None


def carried_text(current: str) -> str:
    """The words an order carries: after the ":" that follows its verb ("send an e-mail to Sam: <the words>"), or after
    "saying" or "that" ("tell him that ..."); else the whole message."""
    head = _head(current)
    if head != current:
        return current[len(head):]
    m = re.search(r"\b(?:saying|say|telling (?:him|her|them)|that)\b", current, re.IGNORECASE)
    return current[m.end():] if m else current


def added(text: str, source: str, *, marks_only: str = "") -> str | None:
    """What ``text`` says that ``source`` does not (None: nothing): a link, address or number the rep did not write, or
    a word of substance (a greeting, a sign-off or a small word may be added); in ``marks_only`` (a subject line the
    copilot may word) only a link, address or number. Read on an e-mail sent in the rep's own words, so that a model
    following planted text cannot add a line ("confirm your login at ...") to what they dictated."""
    said = re.sub(r"\s+", "", source.casefold())
    for m in _MARK.finditer(f"{marks_only}\n{text}"):
        mark = re.sub(r"\s+", "", m.group(0).casefold()).rstrip(".,;:!?)/-")
        if mark and mark not in said:
            return m.group(0).strip()
    words = set(_tokens(source))
    return next((w for w in _tokens(text) if w not in words and w.strip("'") not in _GLUE and not w.isdigit()), None)


def _named(text: str, name: str) -> bool:
    """``name`` appears in ``text`` as whole words (spaces and hyphens between its words may vary)."""
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", name.strip()) if p]
    return bool(parts) and re.search(r"(?<![\w@.])" + r"[\s\-]*".join(parts) + r"(?![\w@]|\.\w)", text,
                                     re.IGNORECASE) is not None


def _instruction(clause: str) -> str:
    """The part of a clause that gives the order ("log a call with X"), before the text it carries (": ...")."""
    return clause.split(":", 1)[0]


def _to_recipient(conn: Connection, clause: str, to: str) -> bool:
    """The clause sends to ``to``: its address, or its contact's full name (or a first name of three letters or
    more that no other contact of the account shares), right after "to"."""
    targets = [m.group(1) for m in re.finditer(r"\b(?:to|e-?mail|send|drop)\s+(?=(.{1,120}))", _instruction(clause),
                                               re.IGNORECASE)]  # "to Sam", "e-mail Sam Stone", "send Sam an e-mail"
    if not targets:
        return False
    if any(re.match(rf"{re.escape(to)}(?![\w@+-]|\.\w)", t, re.IGNORECASE) for t in targets):
        return True  # the whole address, not the start of a longer one (ceo@acme.com.au is not ceo@acme.com)
    row = conn.execute(select(Contact.name, Contact.account_id).where(Contact.email == to.lower())).first()
    name = (row.name or "").strip() if row is not None else ""
    parts = [re.escape(p) for p in re.split(r"[\s\-]+", name) if p]
    if len(parts) >= 2 and any(re.match(r"[\s\-]*".join(parts) + r"(?![\w@]|\.\w)", t, re.IGNORECASE)
                               for t in targets):
        return True
    first = name.split()[0] if name else ""
    if len(first) < 3 or not first.isalpha():
        return False
    others = conn.execute(select(Contact.name).where(Contact.account_id == row.account_id,
                                                     Contact.email != to.lower())).scalars().all()
    if any((n or "").split()[:1] == [first] for n in others):
        return False
    return any(re.match(rf"{re.escape(first)}\b", t, re.IGNORECASE) for t in targets)


def _draft_address(draft: dict[str, Any]) -> str:
    return str(draft.get("to_email") or str(draft.get("to", "")).rsplit("<", 1)[-1].rstrip(">")).strip().lower()


def _addresses(value: Any) -> set[str]:
    items = value.split(",") if isinstance(value, str) else value if isinstance(value, list) else []
    return {str(a).strip().lower() for a in items if str(a).strip()}


def unrequested(conn: Connection, tool: str, args: dict[str, Any], current: str, own: list[str],
                draft: dict[str, Any] | None = None, sender: str = "") -> str | None:
    """Why this action was not asked for by the rep (None: it was).

    ``current`` is the rep's message in this turn, ``own`` every message the rep wrote in this conversation,
    ``draft`` the copilot's latest draft in it (recipient, subject, body), ``sender`` the rep's name (a sign-off may
    hold it).
    """
    clauses = requests(current, tool)
    if not clauses:
        said = _QUOTED.sub(" ", current)
        parts = _CLAUSES.split(said)
        taken_back = next((found for i, part in enumerate(parts)
                           if (verb := re.search(INTENT.get(tool, r"$^"), part, re.IGNORECASE))
                           and (found := _taken_back(parts, i, verb.end(), tool))), None)
        if taken_back:
            return (f"you took it back or were unsure in the same message (\"{taken_back}\"); I "
                    f"{tool.replace('_', ' ')} only when you ask me to plainly: say it again on its own if you want it")
        held = _DEFERRED.search(said) if tool != "schedule_followup" else None
        deferred = held.group(0) if held else \
            next((later(c, tool) for c in parts
                  if re.search(INTENT.get(tool, r"$^"), c, re.IGNORECASE) and later(c, tool)), None)
        if deferred:
            return (f"you asked for it later or on a condition (\"{deferred}\"); I {tool.replace('_', ' ')} only when "
                    "you ask me to now (I can schedule a follow-up instead)")
        return f"your message did not ask me to {tool.replace('_', ' ')}"
    if tool == "send_email":
        to = str(args.get("to", "")).strip().lower()
        # the draft's Cc, or fewer: a copy to anyone the rep did not read on the draft is not this draft
        cc_read = draft is not None and _addresses(args.get("cc")) <= _addresses(draft.get("cc"))
        is_draft = draft is not None and " ".join(str(args.get("body", "")).split()) == \
            " ".join(str(draft.get("body", "")).split()) and " ".join(str(args.get("subject", "")).split()) == \
            " ".join(str(draft.get("subject", "")).split()) and to == _draft_address(draft) and cc_read
        named = any(_to_recipient(conn, c, to) for c in clauses)
        if is_draft and (named or any(_DRAFT_REF.search(c) for c in clauses)):
            return None  # "send it": the rep read this very draft, recipient included
        if not named:
            return "you did not name this recipient; tell me who to send it to"
        if draft is not None:
            return "this is not the draft you read; ask me to change the draft first"
        cc = _addresses(args.get("cc")) - {a.lower() for a in re.findall(r"[\w.+-]+@[\w.-]+\w", current)}
        if cc:
            return f"you did not name {sorted(cc)[0]} as a Cc; tell me who to copy"
        why = own_words(str(args.get("subject", "")), str(args.get("body", "")), carried_text(current), sender,
                        _head(current))
        return None if why is None else why if "draft it first" in why else f"{why}; ask me to draft it first"
    if tool == "change_stage":
        deal, stage = str(args.get("deal_id", "")), str(args.get("stage", ""))
        for clause in clauses:
            if re.search(rf"\b{re.escape(deal)}\b[^.;!?]*?(?<!not )(?<!never )(?<!rather than )\b(to|as)\s+"
                         rf"{re.escape(stage)}\b", clause, re.IGNORECASE):
                value = args.get("close_value")
                figures = {float(f.replace(",", "")) for f in re.findall(r"\d[\d,]*(?:\.\d+)?", clause.replace(deal, ""))}
                if value is not None and stage == "Won" and float(value) not in figures:
                    return f"you did not give the value {value:,.2f}"
                return None
        return f"you did not ask to move deal {deal} to {stage}"
    account = str(args.get("account", ""))
    clause = next((c for c in clauses if _named(_instruction(c), account)), None)
    if clause is None:
        return "you did not name this account"
    text = str(args.get("summary") or args.get("note") or "")
    carried = clause.split(":", 1)[1] if ":" in clause else clause
    if text and not _copied(text, carried):
        return "what it says is not what you wrote"
    return None
