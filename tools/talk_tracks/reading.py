"""Reading one deal note: the plays it says we tried, the concern it records, and its stance on the play.

Reps write notes in their own words, so nothing here is keyed to fixed sentences. A **play** is an action
clause with "we" and a verb in the past tense ("We proposed a phased rollout", "after we shared a
reference call", "The turning point: we ran a proof of concept"), or a past-tense or -ing verb phrase that
is the subject of a verdict ("Proposing a phased rollout was what moved them"). Its **stance** is read from
the rest of the note after the action is taken out of it: cue words for a play that landed ("responded
well", "resonated", "signed", "won") or one that did not ("not convinced", "fell flat", "went another way",
"lost"), each turned around when a negation stands just before it ("did not land", "wasn't what moved
them", "never convinced"). Sentences before the play that report what the customer said are the concern,
not a verdict on the play ("finance pushed back on the cost" is not a failed play): they give the concern
("Concern raised: ...", "<contact> said ...") that a suggested line starts from. Verb forms come from
lemminflect's tables ("we proposed" -> "propose", "took" -> "take").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from lemminflect import getInflection, getLemma

Stance = Literal["worked", "failed", "mixed", "none"]

# a verb after "we" that reports an outcome or a thought, not something we did for the customer
NOT_PLAYS = {"be", "lose", "win", "close", "hear", "learn", "think", "feel", "hope", "expect", "realise",
             "realize", "notice", "know", "believe", "want", "need", "see", "wonder", "agree", "miss"}
NEGATORS = {"not", "no", "never", "neither", "nor", "without", "hardly", "barely", "nothing", "none", "nobody",
            "cannot", "failed", "lacked"}
AUXILIARIES = {"to", "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
               "get", "gets", "got", "feel", "feels", "seem", "seems", "very", "too", "more", "less"}
SUBJECT_PLURAL = {"they", "we", "you", "i", "people", "users", "teams", "both"}

POSITIVE = [
    r"respond(?:ed|s)? (?:well|positively|warmly)", r"react(?:ed|s)? (?:well|positively)", r"went down well",
    r"well received", r"land(?:ed|s)?", r"resonat(?:ed|es)", r"worked", r"did the trick", r"paid off",
    r"won (?:them|him|her|it|the deal|the day)(?: over)?", r"(?:closed )?won", r"signed", r"sign(?:ed)? off",
    r"mov(?:ed|es) (?:them|him|her|the deal|things|it)(?: forward| ahead| over the line)?",
    r"turning point", r"made (?:the|all the) difference", r"tipped", r"swung", r"clinched", r"sealed",
    r"convinc(?:e|ed|ing)", r"persuad(?:ed|ing)", r"reassur(?:ed|ing)", r"bought in", r"buy-in", r"approv(?:ed|al)",
    r"impressed", r"lov(?:ed|es)", r"lik(?:ed|es)", r"appreciat(?:ed|es)", r"enthusiastic", r"excited", r"keen",
    r"happy", r"pleased", r"unblock(?:ed|s)", r"unlock(?:ed|s)", r"over the line", r"green ?light", r"said yes",
    r"chose us", r"picked us", r"went with us", r"help(?:ed|s)", r"address(?:ed|es)", r"(?:settled|answered) it",
    r"ask(?:ed|s) for (?:next steps|a proposal|a contract|pricing|the order form)", r"next steps agreed",
    r"(?:moved|went) (?:forward|ahead)", r"progress(?:ed)?", r"success(?:ful)?", r"positive", r"decisive",
    r"thrilled", r"delighted", r"glad", r"(?:great|good|positive|strong|warm) (?:reaction|response|feedback)",
    r"(?:bought|buying) (?:it|into it|the idea)", r"bought into", r"go-ahead", r"big hit", r"(?:were|was) all in",
    r"(?:was|were) sold", r"got us the (?:signature|deal|contract)", r"hit the mark", r"went over well",
    r"game[- ]changer", r"won the room", r"struck a chord", r"clicked",
]
NEGATIVE = [
    r"not convinced", r"unconvinced", r"unmoved", r"unimpressed", r"fell (?:flat|through|apart)", r"flopped",
    r"went (?:another|a different|the other) way",
    r"went (?:with|for) (?:a |an |another |the )?(?:competitor|rival|incumbent|cheaper|other|alternative)\w*",
    r"chose (?:a|an|another|the) (?:competitor|rival|other|cheaper|incumbent)\w*", r"(?:closed )?lost",
    r"backfired", r"stall(?:ed|s)", r"went (?:cold|dark|quiet|silent)", r"declin(?:ed|es)", r"reject(?:ed|s)",
    r"turned (?:us|it|the offer) down", r"not interested", r"fail(?:ed|s|ure)?", r"no traction",
    r"(?:annoyed|frustrated|irritated|offended|alienated|disappointed)", r"(?:on the )?defensive",
    r"(?:put|turned) (?:\w+ ){1,3}off", r"walked away", r"pulled out", r"dropped (?:us|out|the deal)",
    r"(?:sceptical|skeptical)", r"cool(?:ed)? (?:off|on)", r"no decision", r"too little,? too late",
    r"(?:still|remained) (?:worried|concerned|unsure|hesitant)", r"concerns? remained", r"hurt", r"stuck",
    r"(?:did not|didn't|does not|doesn't|would not|wouldn't|won't|never) (?:work|help|land|stick|resonate|move them)",
    r"ghosted", r"slipped", r"lukewarm", r"went nowhere", r"balked", r"objected", r"pushed back", r"no response",
    r"never (?:replied|responded|heard back|came back)", r"(?:poor|bad|negative|cold|mixed) (?:reaction|response|feedback)",
    r"(?:did not|didn't) (?:buy|bite|care|budge)(?: it| into it)?", r"made no (?:difference|impact|dent)",
    r"not a factor", r"(?:zero|no|little) interest", r"shrugged", r"ignored", r"no impact", r"fell on deaf ears",
    r"not impressed", r"missed the mark", r"didn't move the needle", r"did not move the needle", r"bombed",
]
_POS = re.compile(r"\b(?:" + "|".join(POSITIVE) + r")\b", re.I)
_NEG = re.compile(r"\b(?:" + "|".join(NEGATIVE) + r")\b", re.I)
# sentences before the play that tell the concern, not a verdict on the play
_REPORTED = re.compile(r"\b(?:said|says|told|tells|mention\w*|rais\w*|concerns?|objections?|worr\w*|fear\w*|pain|"
                       r"asked|asks|pushed back|pushback|explain\w*|warn\w*|complain\w*|noted)\b", re.I)
_CONCERN = [re.compile(p, re.I) for p in (
    r"\b(?:concerns?|objections?|pushback|worry|worries|blocker|hesitation|sticking point)(?: raised| was| is)?"
    r"\s*:\s*(?P<c>.+)",
    r"\b(?:concern|worry|hesitation|blocker|sticking point|objection|issue)\s+(?:is|was)(?: that)?\s+(?P<c>.+)",
    r"\b(?:said|says|saying|told us|mentioned|explained|warned|complained|worried|flagged|raised)(?: that)?\s+"
    r"(?P<c>.+)",
    r"\b(?:(?:is|are|was|were) uneasy about|pushed back on|pushing back on|balked at|hesitant about)\s+(?P<c>.+)",
)]
_BREAK = re.compile(r"\s*(?:,\s*(?:and|but|so|yet|which|though)\b|\s(?:but|so that they|and (?:it|this|that|they)\b)|"
                    r"[;:]\s|\s[-–—]+\s|\bwhich\b)", re.I)
_VERDICT = re.compile(r"\s+(?:was|is|were|proved|turned out to be)\s+(?:what|the (?:thing|key|turning point|"
                      r"difference|clincher)|decisive|key)\b|\s+(?:did the trick|made the difference|won them over|"
                      r"moved them|sealed it|clinched it|got (?:them|it) over the line|fell flat|backfired|"
                      r"did not (?:land|work|help))\b", re.I)
_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+")
ACTOR = (r"(?:[Ww]e|I|[Oo]ur (?:[A-Za-z]+ ){0,2}?(?:team|engineer|SE|AE|CSM|lead|manager|architect|consultant|rep|"
         r"CEO|CTO|founder|VP)|[Tt]he (?:SE|AE|CSM|(?:[A-Za-z]+ )?(?:engineer|team|lead|architect|consultant))|"
         r"[Mm]y (?:manager|team|SE|boss))")
"""Who did something for the customer: we, I, our team, the SE, our solutions engineer..."""
_WE = re.compile(r"(?<![\w-])" + ACTOR + r"\s+(?:(?:also|then|quickly|finally|eventually|first|later|even|just|have|"
                 r"had|'ve|personally)\s+)*(?P<verb>[A-Za-z][A-Za-z-]+)\b(?P<rest>[^.!?;]*)")
_TRIED = re.compile(r"^(?:[Ww]e\s+)?(?:[Tt]ried|[Mm]y approach(?: was)?:?|[Oo]ur approach(?: was)?:?|[Aa]pproach:|"
                    r"[Ww]hat we tried:?|[Tt]he plan was)\s+(?P<rest>[A-Za-z-]+ing\b[^.!?;]*)")
"""'Tried cutting our price', 'My approach: offering a pilot'."""
BARE_NOT_PLAYS = {"meet", "call", "discuss", "speak", "talk", "chat", "visit", "follow", "attend", "sign", "lose",
                  "win", "close", "decide", "join", "start", "end", "finish", "receive", "get", "hear", "say"}
"""A note's first past-tense verb that is not something we did for the customer ('Met Ava', 'Closed won')."""
_RELATIVE_OK = {"and", "then", "so", "but", "after", "once", "when", "because", "since", "as", "until", "before", "if",
                "that", "where", "first", "also", "finally", "today", "yesterday", "later", "next", "initially",
                "eventually", "ultimately", "instead", "again", "afterwards", "here", "there", "now", "honestly",
                "so", "while", "though", "although", "thus", "therefore", "meanwhile", "week", "call", "meeting"}
_REPORTING = re.compile(r"\b(?:say|says|said|saying|told|tell|tells|think|thinks|thought|claim\w*|feel|feels|felt|"
                        r"complain\w*|worr\w*|fear\w*|believe\w*|insist\w*|argu\w*)\s+(?:that\s+)?$", re.I)
_ASIDE = re.compile(r"\b(?:anyway|regardless|despite|in spite of|unrelated|for other reasons|nothing to do with|"
                    r"not because of)\b", re.I)
"""A sentence saying the outcome came about for other reasons is no verdict on the play."""


@dataclass
class Found:
    """A play a note says we tried, with the note's stance on it and the cue words that gave it."""

    action: str
    stance: Stance = "none"
    cues: list[str] = field(default_factory=list)


@dataclass
class NoteReading:
    plays: list[Found]
    concern: str | None


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SPLIT.split(text) if s.strip()]


@lru_cache(maxsize=4096)
def lemma(word: str, past_only: bool = False) -> str | None:
    """The verb's base form if ``word`` is a past-tense, past-participle or -ing form of a verb, else None.

    With ``past_only``, only a simple past form ("pushed", "took") counts. A hyphenated word keeps its
    prefix ("pre-filled" -> "pre-fill")."""
    w = word.lower().strip("'’,")
    head, _, last = w.rpartition("-")
    if not last.isalpha() or len(last) < 2:
        return None
    for base in getLemma(last, upos="VERB") or ():
        past = set(getInflection(base, "VBD") or ())
        forms = past if past_only else past | set(getInflection(base, "VBN") or ()) | set(getInflection(base, "VBG") or ())
        if last in forms and (last != base or last in past):
            return f"{head}-{base}" if head else base
    return None


def _inflect(base: str, tag: str) -> str:
    head, _, last = base.rpartition("-")
    form = (getInflection(last, tag) or (last,))[0]
    return f"{head}-{form}" if head else form


def imperative(action: str) -> str:
    """'proposed a pilot and shared the plan' -> 'propose a pilot and share the plan'."""
    words = action.split()
    if not words:
        return action
    out = list(words)
    ing = words[0].lower().endswith("ing")
    for i, w in enumerate(words):
        if i == 0 or words[i - 1].lower() in ("and", "then", "or") or words[i - 1].endswith(","):
            base = lemma(w)
            if base and (i == 0 or w.lower().endswith("ing") == ing):
                out[i] = base
    return " ".join(out)


def present(clause: str) -> str:
    """'finance pushed back on the cost' -> 'finance pushes back on the cost' (the verb after a short subject)."""
    words = clause.split()
    for i, w in enumerate(words[:4]):
        if i == 0:
            continue
        base = lemma(w, past_only=True)
        if base and words[i - 1].lower() not in AUXILIARIES:
            plural = words[i - 1].lower() in SUBJECT_PLURAL or (words[i - 1].lower().endswith("s")
                                                                and not words[i - 1].lower().endswith("ss"))
            words[i] = _inflect(base, "VBP" if plural else "VBZ")
            break
    return " ".join(words)


def _negated(text: str, start: int) -> bool:
    """A negation within the three words before ``start`` ("did not land", "wasn't what moved them")."""
    before = re.findall(r"[a-z']+", text[:start].lower())[-3:]
    return any(w in NEGATORS or w.endswith("n't") for w in before)


def polarity(text: str) -> tuple[int, int, list[str]]:
    """(positive cues, negative cues, the cues) in ``text``, each turned around by a negation before it."""
    pos = neg = 0
    cues: list[str] = []
    taken: list[tuple[int, int]] = []
    for regex, sign in ((_NEG, -1), (_POS, 1)):  # failure phrases first: "not convinced" before "convinced"
        for m in regex.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append(m.span())
            value = -sign if _negated(text, m.start()) and not re.match(r"(?:not|no)\b", m.group(0), re.I) else sign
            pos, neg = pos + (value > 0), neg + (value < 0)
            cues.append(("+" if value > 0 else "-") + m.group(0).lower())
    return pos, neg, cues


def _stance(pos: int, neg: int) -> Stance:
    return "mixed" if pos and neg else "worked" if pos else "failed" if neg else "none"


def _clean_action(text: str) -> tuple[str, int]:
    """The action without what the sentence goes on to say about it, and where it ends in ``text``."""
    cut = _BREAK.search(text)
    end = cut.start() if cut else len(text)
    return re.sub(r"\s+", " ", text[:end]).strip(" ,.;:-–—\"'"), end


def _we_action(sentence: str) -> tuple[str, tuple[int, int]] | None:
    if m := _TRIED.match(sentence):  # "Tried cutting our price by 20%"
        action, end = _clean_action(m.group("rest"))
        if len(action.split()) >= 2:
            return action, (0, m.start("rest") + end)
    for m in _WE.finditer(sentence):
        verb = m.group("verb")
        base = lemma(verb)
        if not base or base.rpartition("-")[2] in NOT_PLAYS or verb.lower().endswith("ing"):
            continue
        before = re.findall(r"[A-Za-z']+|[,;:]", sentence[: m.start()])
        if before and before[-1].isalpha() and before[-1].lower() not in _RELATIVE_OK:
            continue  # "the pilot we proposed was ...": a noun's relative clause, not what we did
        if _REPORTING.search(sentence[: m.start()]):
            continue  # "procurement keeps saying we cost too much": their words, not our play
        if _negated(sentence, m.start("verb")) or re.match(r"\s*(?:not|never|n't)\b", m.group("rest")):
            continue
        rest = verb + m.group("rest")
        if re.search(r"\b(?:after|once|when|because|since|as|until|before|if)\s+$", sentence[: m.start()], re.I):
            rest = rest.split(",")[0]  # "after we X, they signed": the clause ends at the comma
        action, end = _clean_action(rest)
        if len(action.split()) >= 2:
            return action, (m.start(), m.start("verb") + end)
    return None


def _bare_action(sentence: str) -> tuple[str, tuple[int, int]] | None:
    """'Offered a three-year term.' 'Sent them the pricing deck again.': a note's sentence that opens with
    what we did, its subject left out as reps do."""
    words = sentence.split()
    if len(words) < 3 or not words[0][:1].isupper():
        return None
    base = lemma(words[0], past_only=True)
    if not base or base.rpartition("-")[2] in NOT_PLAYS | BARE_NOT_PLAYS or _POS.match(sentence) or \
            _NEG.match(sentence):
        return None  # "Worked a treat.", "Made no difference.": a verdict, not a play
    action, end = _clean_action(sentence)
    return (action[:1].lower() + action[1:], (0, end)) if len(action.split()) >= 2 else None


def _subject_action(sentence: str) -> tuple[str, tuple[int, int]] | None:
    """'Proposing a phased rollout was what moved them' -> 'Proposing a phased rollout'."""
    m = _VERDICT.search(sentence)
    if not m:
        return None
    subject = sentence[: m.start()].strip()
    words = subject.split()
    if len(words) >= 2 and lemma(words[0]) and words[0].lower() not in ("they", "it"):
        return _clean_action(subject)[0], (0, m.start())
    return None


def concern_of(sentence: str) -> str | None:
    for regex in _CONCERN:
        m = regex.search(sentence)
        if m:
            c = m.group("c").strip(" .;:\"'")
            if len(c.split()) >= 3:
                return c
    return None


def read_note(text: str) -> NoteReading:
    """The plays a note says we tried, each with the note's stance on it, and the concern it records."""
    parts = sentences(text)
    spans: list[tuple[int, str, tuple[int, int]]] = []
    for i, s in enumerate(parts):
        found = _we_action(s) or _subject_action(s) or _bare_action(s)
        if found:
            spans.append((i, *found))
    concern = None
    first = spans[0][0] if spans else len(parts)
    for s in parts[:first]:
        concern = concern or concern_of(s)
    plays: list[Found] = []
    for k, (i, action, (a, b)) in enumerate(spans):
        end = spans[k + 1][0] if k + 1 < len(spans) else len(parts)
        # the verdict: the action's own sentence without the action, what follows it, and what came before
        # it that is not the customer's concern ("Closed won.", "They signed;")
        said = [parts[i][:a] + " " + parts[i][b:]] + parts[i + 1:end]
        if k == 0:
            said += [s for s in parts[:i] if not _REPORTED.search(s)]
        pos = neg = 0
        cues: list[str] = []
        for s in said:
            if _ASIDE.search(s):
                continue  # "They signed anyway, for reasons unrelated to this."
            p, n, c = polarity(s)
            pos, neg, cues = pos + p, neg + n, cues + c
        plays.append(Found(action, _stance(pos, neg), cues))
    return NoteReading(plays, concern)
