"""Reading a request for an e-mail, and a revision of the draft the conversation already has.

A request becomes the draft's arguments: the account, the contact, the purpose (the concern it answers),
the points to make, what to leave out, tone, length, language, and whether it answers the contact's last
e-mail. A revision ("shorter", "more formal", "mention the pilot too", "drop the discount", "send it to Omar
instead", "reply to their last e-mail", "in Chinese") is the last draft's arguments with that one change, so
everything else is kept; the contact stays the one the conversation is about unless the rep names another.
"""

from __future__ import annotations

import re
from typing import Any

from tools.drafts.phrasebook import concept_spans, concepts_in

LENGTHS = ("short", "standard", "long")
POINT_VERBS = (r"propos(?:e|ing)|suggest(?:ing)?|offer(?:ing)?|mention(?:ing)?|includ(?:e|ing)|highlight(?:ing)?|"
               r"say(?:ing)?(?: that)?|tell(?:ing)? (?:them|him|her)(?: that)?|let(?:ting)? (?:them|him|her) know"
               r"(?: that)?|not(?:e|ing) that|confirm(?:ing)?|walk(?:ing)? (?:them|him|her) through|"
               r"bring(?:ing)? up|talk(?:ing)? about|rais(?:e|ing)|recommend(?:ing)?|pitch(?:ing)?|shar(?:e|ing)|"
               r"add(?:ing)?|emphasi[sz](?:e|ing)|explain(?:ing)?|invit(?:e|ing) (?:them|him|her) to|cover(?:ing)?|"
               r"point(?:ing)? out|remind(?:ing)? (?:them|him|her) (?:of|about)|put forward|float(?:ing)?")
STOP = r"(?=\s*(?:,(?!\d)|\.(?!\d)|[;!?]|$|\band\s+(?:also\s+)?(?:" + POINT_VERBS + r"|no|don't|do not|without|avoid|keep|make)\b"
STOP += r"|\b(?:to (?:answer|address|handle|deal with|respond to|tackle|counter|ease|overcome)|but)\b))"
AVOID = (r"(?:^|[,;.]\s*|\band\s+|\bbut\s+)(?:no|not)\s+(?:mention of\s+|talk of\s+)?(?P<a>[a-z][\w -]{1,40}?)" + STOP
         + r"|\b(?:don't|do not|never|please don't)\s+(?:mention|offer|propose|bring up|include|talk about|promise)\s+"
           r"(?:any\s+|a\s+|the\s+)?(?P<b>[\w -]{2,40}?)" + STOP
         + r"|\b(?:without|avoid|leave out|skip|steer clear of)\s+(?:mentioning\s+|offering\s+|any\s+|the\s+|a\s+)*"
           r"(?P<c>[\w -]{2,40}?)" + STOP)
CONCERN = (r"\b(?:to (?:answer|address|handle|deal with|respond to|tackle|counter|ease|overcome)|about|regarding|"
           r"re:?|on|given|because of)\s+(?:their|his|her|the|its)?\s*(?P<c>[\w -]{2,40}?)\s+"
           r"(?:concerns?|objections?|worries|worry|pushback|push-back|questions?|issues?|hesitation)\b")
ABOUT = r"\b(?:about|regarding|re|on the subject of|concerning|following up on)\s+(?P<p>.{3,120}?)" + STOP
CHINESE = r"\b(?:in|into|to)\s+(?:simplified\s+)?(?:chinese|mandarin)\b|中文|汉语|简体|普通话"
ENGLISH = r"\b(?:in|into|to|back (?:in|to))\s+english\b|英文|英语"
REPLY = (r"\b(?:reply|respond|answer|write back)(?:ing)?\s+(?:to\s+)?(?:their|his|her|the(?:ir)?|"
         r"(?P<whose>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)'s?)\s+"
         r"(?:last|latest|most recent|recent|previous)\s+(?:e-?mail|message|note|reply)\b"
         r"|\b(?:reply|respond)(?:ing)? to (?:it|that e-?mail|their e-?mail|what they (?:wrote|sent))\b")
SHORTER = (r"\b(?:shorter|shorten|more concise|concise|briefer|tighter|trim|cut it down|too long|less wordy|"
           r"fewer words|keep it (?:short|brief)|make it (?:short|brief)|short version|tighten(?: it)?(?: up)?|"
           r"condense|cut it in half|snappier|leaner|to two lines|in fewer lines)\b")
LONGER = (r"\b(?:longer|lengthen|more detail(?:ed)?|detailed|expand|elaborate|flesh (?:it )?out|too short|fuller|"
          r"more thorough|a bit more|make it long|long version)\b")
FORMAL = (r"\b(?:more formal|formal|more professional|professional|less casual|stiffer|more polite|"
          r"more businesslike|businesslike|more polished|more respectful|less chatty)\b")
FRIENDLY = (r"\b(?:friendlier|more friendly|friendly|warmer|warm|more casual|casual|less formal|relaxed|"
            r"more personal|softer|less stiff|chattier|more conversational|conversational|more upbeat|nicer|"
            r"more human)\b")
DIRECT = r"\b(?:more direct|direct|blunter|to the point|punchier|straight to the point)\b"
DROP = (r"(?:^no\s+(?!more\b|longer\b|thanks\b|need\b)|\b(?:drop|remove|delete|take out|cut|leave out|lose|get rid of|no more|don't mention|do not mention|"
        r"stop mentioning|without|skip)\s+)(?:the\s+)?(?:point|bit|part|line|mention|sentence|paragraph)?\s*"
        r"(?:about|on|of)?\s*(?:the\s+|a\s+|an\s+|our\s+|any\s+)?(?P<d>[\w -]{2,40}?)" + STOP)
ADD = (r"(?:^|[,;.]\s*|\band\s+|\bplease\s+|\bcan you\s+|\bcould you\s+)(?:also\s+)?"
       r"(?:propose|suggest|offer|mention|include|highlight|bring up|talk about|raise|recommend|share|add|"
       r"say|note|tell (?:them|him|her)|let (?:them|him|her) know|put in|throw in)(?: that)?\s+"
       r"(?:a point about\s+|a line about\s+|something about\s+)?"
       r"(?P<p>.{2,120}?)(?:\s+too|\s+as well|\s+also)?" + STOP)
WHO = r"[a-z][\w.'@-]*(?:\s+[a-z][\w'-]*){0,2}?"
AT = r"(?:\s+(?:at|from|over at)\s+[\w.&'-]+(?:\s+[\w.&'-]+){0,3}?)?"
OTHER_CONTACT = (r"\b(?:send|address|write|direct|make|change|switch|redirect|send this|write this)\s*(?:it|this|"
                 r"the (?:e-?mail|draft|note))?\s+(?:to|for)\s+(?P<x>" + WHO + r")" + AT + r"\s+instead\b"
                 r"|\b(?:to|for)\s+(?P<y>" + WHO + r")" + AT + r"\s+instead\b"
                 r"|\b(?:instead|rather),?\s+(?:send it |write it |address it )?(?:to|for)\s+(?P<z>" + WHO + r")" + AT + r"$"
                 r"|\b(?:address it|make it out|change the (?:contact|recipient)|switch the (?:contact|recipient)|"
                 r"swap the (?:contact|recipient))\s+to\s+(?P<w>" + WHO + r")" + AT + r"$")
"""Another contact for the draft. "send it to Dana" alone is a request to send, not to change the recipient."""
TONE_WORDS = {"formal": "formal", "friendly": "friendly", "warm": "friendly", "casual": "friendly",
              "direct": "direct", "blunt": "direct"}
FILLER = re.compile(r"^(?:a|an|the|our|some|their|them|him|her|that|about|how|why|we can|we could|to)\s+")


def clean(text: str) -> str:
    out = text.strip(" ,.;:!?\"'")
    for _ in range(3):
        out = FILLER.sub("", out) if out.split()[:1] in (["the"], ["a"], ["an"]) else out
    return out.strip()


def _words_as_written(t: str, original: str, start: int, end: int) -> str:
    """The span [start, end) of the case-folded ``t`` as the rep wrote it ("Frankfurt", not "frankfurt")."""
    return original[start:end] if len(original) == len(t) else t[start:end]


def split_points(point: str) -> list[str]:
    """'a pilot and an ROI model' is two points, so either can be dropped later on its own."""
    parts = [clean(p) for p in re.split(r"\s*(?:,(?!\d)|;|\band also\b|\band\b|\bplus\b|&)\s*", point)]
    parts = [p for p in parts if p]
    # split only a list of offers: "costs $12,000 and takes 6 weeks" is one point in the rep's words
    return parts if len(parts) > 1 and all(concepts_in(p) for p in parts) else [clean(point)]


def _offers_named(t: str, skip: list[tuple[int, int]], names: list[str], have: list[str]) -> list[str]:
    """Offers the request names anywhere ("making the return-on-investment case", "floating a small trial"),
    outside the spans already read (things to leave out) and the CRM's names ("Beacon Security Partners")."""
    masked = t
    for a, b in skip:
        masked = masked[:a] + " " * (b - a) + masked[b:]
    for name in names:
        masked = re.sub(re.escape(name.casefold()), lambda m: " " * len(m.group(0)), masked)
    covered = {c for p in have for c in concepts_in(p)}
    return [masked[a:b].strip() for key, a, b in concept_spans(masked) if key not in covered]


NAME_WORD = r"[^\W\d_](?:[^\W\d_]|['’-])*"
"""a word of a person's name, in any script ("zoë", "王伟", "o'neil")"""
GENERIC = ("team|people|folks|group|everyone|account|company|customer|client|business|firm|office|contacts?|"
           "person|right person|decision makers?|stakeholders?|buyers?|champion|main contact")
"""what "to the ... at Acme" may say that is no one's title"""


def email_args(t: str, original: str = "", names: list[str] | None = None) -> dict[str, Any]:
    """What a request for a new draft asks for, beyond the account and product (found by the name spotter)."""
    original = original or t
    args: dict[str, Any] = {}
    excluded = [m.span() for m in re.finditer(AVOID, t)] + [m.span() for m in re.finditer(CONCERN, t)]
    avoid = [clean(next(g for g in m.groups() if g)) for m in re.finditer(AVOID, t) if any(m.groups())]
    avoid = [a for a in avoid if a and a not in ("later", "more", "longer")]
    if avoid:
        args["avoid"] = avoid
    concern = re.search(CONCERN, t)
    if concern:
        args["purpose"] = f"{clean(concern.group('c'))} concern"
    else:
        about = re.search(ABOUT, t)
        if about:
            args["purpose"] = clean(about.group("p"))
    points = []
    for m in re.finditer(r"\b(?:" + POINT_VERBS + r")\s+(?P<p>.{2,120}?)" + STOP, t):
        p = clean(_words_as_written(t, original, m.start("p"), m.end("p")))
        if p and not re.match(r"^(?:an? )?(?:e-?mail|note|message|draft)\b", p, re.IGNORECASE) and \
                p.casefold() not in avoid:
            points += [q for q in split_points(p) if q not in points]
    points += _offers_named(t, excluded, names or [], points)
    if points:
        args["points"] = points[:8]
    if m := re.search(r"\b(formal|friendly|warm|casual|direct|blunt)\b", t):
        args["tone"] = TONE_WORDS[m.group(1)]
    if re.search(r"\b(?:short|brief|quick|concise)\s+(?:e-?mail|note|message|draft)|\bkeep it (?:short|brief)\b", t):
        args["length"] = "short"
    elif re.search(r"\b(?:detailed|long|longer|thorough|full)\s+(?:e-?mail|note|message|draft)\b", t):
        args["length"] = "long"
    if re.search(CHINESE, t):
        args["language"] = "zh"
    elif re.search(ENGLISH, t):
        args["language"] = "en"
    if re.search(REPLY, t):
        args["reply_to_last"] = True
    contact = re.search(r"\b(?:to|for|email|e-mail|write|message)\s+(?!(?:to|for|an?|the|them|him|her|my|our)\b)"
                        rf"(?P<c>{NAME_WORD}(?:\s+(?!at\b|from\b|of\b|in\b|over\b|with\b){NAME_WORD}){{0,2}})"
                        r"\s*(?:\b(?:over at|at|from|of|in|with)\b|\(|,)", t)
    titled = re.search(r"\b(?:to|for|email|e-mail|write|message)\s+(?P<c>(?:the|their)\s+(?!(?:" + GENERIC + r")\b)"
                       rf"{NAME_WORD}(?:\s+(?!at\b|from\b|of\b|in\b|over\b|with\b)[\w&/.-]+){{0,3}})"
                       r"\s+(?:over at|at|from|of|in)\b", t)
    address = re.search(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", t)
    if address:
        args["contact"] = address.group(0)
    elif contact and contact.group("c") not in ("them", "him", "her", "someone", "the team", "everyone"):
        args["contact"] = contact.group("c")
    elif titled:  # "to the CFO at Acme": the contact of that title, or a question back when there is none or several
        args["contact"] = titled.group("c")
    return args


def revision(t: str, last: dict[str, Any], original: str = "", names: list[str] | None = None
             ) -> tuple[dict[str, Any], list[str]] | None:
    """The last draft's arguments with the changes ``t`` asks for, and the changes in words; None when ``t``
    asks for no change to a draft."""
    original = original or t
    args = dict(last)
    changes: list[str] = []
    length = args.get("length") or "standard"
    if re.search(SHORTER, t):
        args["length"] = LENGTHS[max(0, LENGTHS.index(length) - 1)]
        changes.append("shorter")
    elif re.search(LONGER, t):
        args["length"] = LENGTHS[min(2, LENGTHS.index(length) + 1)]
        changes.append("longer")
    for pattern, tone in ((FORMAL, "formal"), (FRIENDLY, "friendly"), (DIRECT, "direct")):
        if re.search(pattern, t) and not re.search(r"\b(?:less|not so|not as) " + tone, t):
            args["tone"] = tone
            changes.append(f"{tone} tone")
            break
    if re.search(CHINESE, t):
        args["language"] = "zh"
        changes.append("in Simplified Chinese")
    elif re.search(ENGLISH, t):
        args["language"] = "en"
        changes.append("in English")
    if reply := re.search(REPLY, t):
        args["reply_to_last"] = True  # their: the contact this conversation is about, unless named
        if reply.group("whose"):
            args["contact"] = reply.group("whose")
        changes.append("a reply to their last e-mail")
    other = re.search(OTHER_CONTACT, t)
    if other:
        who = next(g for g in (other.group("x"), other.group("y"), other.group("z"), other.group("w")) if g)
        if who not in ("it", "this", "them", "him", "her", "english", "chinese"):
            args["contact"] = who
            changes.append(f"to {who}")
    points = list(args.get("points") or [])
    avoid = list(args.get("avoid") or [])
    dropped_spans: list[tuple[int, int]] = []
    for m in re.finditer(DROP, t):
        gone = clean(m.group("d"))
        if not gone or gone in ("it", "that", "this"):
            continue
        dropped_spans.append(m.span())
        points = [p for p in points if not _same(p, gone)]
        if gone not in avoid:
            avoid.append(gone)
        changes.append(f"without {gone}")
    dropped_words = {w for a in avoid for w in a.split()}
    for m in re.finditer(ADD, t):
        if any(a <= m.start() < b for a, b in dropped_spans):
            continue
        p = clean(_words_as_written(t, original, m.start("p"), m.end("p")))
        if not p or re.match(r"^(?:it|that|this|them|a point|more|detail|details)$", p, re.IGNORECASE) or \
                re.search(r"\b(?:shorter|longer|formal|friendlier|chinese|english|instead)\b", p, re.IGNORECASE):
            continue
        for q in split_points(p):
            if any(_same(q, x) for x in points) or set(q.casefold().split()) <= dropped_words:
                continue
            points.append(q)
            avoid = [a for a in avoid if not _same(a, q)]
            changes.append(f"with {q}")
    taken = dropped_spans + [m.span() for m in re.finditer(OTHER_CONTACT, t)]
    for q in _offers_named(t, taken, names or [], points):  # "work the PoC in as well"
        if not any(_same(q, a) for a in avoid):
            points.append(q)
            changes.append(f"with {q}")
    if points != list(args.get("points") or []):
        args["points"] = points[:8]
    if avoid != list(args.get("avoid") or []):
        args["avoid"] = avoid[:8]
    return (args, changes) if changes else None


def _same(a: str, b: str) -> bool:
    """Two wordings of one point: 'the pilot' and 'pilot programme', 'a phased rollout' and 'roll it out in phases'."""
    if set(concepts_in(a)) & set(concepts_in(b)):
        return True
    wa = {w for w in re.findall(r"[a-z0-9]+", a.casefold()) if len(w) > 2} - {"the", "and", "our", "about"}
    wb = {w for w in re.findall(r"[a-z0-9]+", b.casefold()) if len(w) > 2} - {"the", "and", "our", "about"}
    return bool(wa & wb)
