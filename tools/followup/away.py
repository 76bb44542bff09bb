"""Automatic replies ("I am out of the office, back on Thursday 5 March"): which inbound messages are one, and
the day back they name.

Their text is written by people outside the company: it is only matched here (the first SCAN characters of
a subject and a body), never shown to a model or followed. A message is automatic when its subject says so
("Automatic reply:", "Out of office", "Abwesenheitsnotiz", "Réponse automatique", ...); it is then no
reply to the touch it answers. A message whose body alone says its writer is away ("I'm on leave until
Monday") may be a person's own answer: it still counts as a reply, and its day back is kept too.
"""

from __future__ import annotations

import datetime as dt
import re

SCAN = 600
"""characters of a subject or a body read (an automatic reply says its writer is away at its start)"""
LONGEST_AWAY = 120
"""days: a day back further than this after the message is taken for a misreading"""

_MARKS = "\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
"""invisible marks a mail client may put before a subject (direction marks, a byte-order mark)"""
_SUBJECT = re.compile(
    r"^[\s" + _MARKS + r"]*(?:(?:\[[^\]\n]{0,30}\]|\((?:external|extern|ext)\)|(?:re|aw|fw|fwd|tr|wg|sv|vs|rv)\s*:)"
    r"[\s" + _MARKS + r"]*)*"
    r"(?:automatic reply|automatische antwort|auto[- ]?reply|autoreply|automatic response|auto[- ]?response|"
    r"out of (?:the )?office|ooo|abwesenheitsnotiz|abwesenheit|abwesend|r[ée]ponse automatique|absence du bureau|"
    r"respuesta autom[áa]tica|fuera de la oficina|resposta autom[áa]tica|ausente|risposta automatica|"
    r"fuori ufficio|automatisch antwoord|afwezig|autosvar|automatisk svar|automaattinen vastaus)"
    r"(?=[\s" + _MARKS + r"]*(?:$|[:\-\u2013\u2014(\[,/|!.]|(?:until|till|back|returning|re|aw|fw|from|on)\b|\d))",
    re.IGNORECASE)
"""a subject that says the message is automatic: after any replies' and forwards' prefixes and a mail
gateway's tags ("[EXTERNAL]"), a whole phrase, then the subject's end, a punctuation mark, a date or a word of
return ("Out of office: Proposal", "Out of office until Monday"; not "Out of office hours support" or
"Abwesenheitsmanagement")"""
_BODY = re.compile(
    r"\b(?:i am|i'm|i will be|i'll be|i am currently|i'm currently)\s+(?:currently\s+)?(?:out of (?:the )?office|"
    r"away|on (?:annual |parental |maternity |paternity |sick |medical )?leave|on (?:vacation|holiday)|"
    r"travell?ing with (?:limited|no) access)", re.IGNORECASE)
_CUES = ("office", "away", "leave", "vacation", "holiday", "travel")
"""words one of which any message _BODY matches holds"""
_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for name in names}
_WEEKDAYS = {name: number for number, names in enumerate((
    ("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"), ("thursday", "thu", "thurs"),
    ("friday", "fri"), ("saturday", "sat"), ("sunday", "sun"))) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_RETURN = r"\b(?P<word>back|return(?:ing|s)?|in the office|until|till|through)\b[^.;\n]{0,40}?"
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
"""typographic apostrophes, read as the plain one ("I’m away")"""
_DATED = re.compile(
    _RETURN + r"(?:(?P<iso>\d{4}-\d{2}-\d{2})|"
    r"(?<!\w)(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m1>" + _MONTH + r")\.?(?:,?\s+(?P<y1>\d{4}))?|"
    r"(?<!\w)(?P<m2>" + _MONTH + r")\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>\d{4}))?)\b",
    re.IGNORECASE)
_BY_WEEKDAY = re.compile(_RETURN + r"(?:on\s+|next\s+)?(?<!\w)(?P<wd>" + _WEEKDAY + r")\b", re.IGNORECASE)


def automatic(subject: str | None, body: str | None) -> tuple[bool, bool]:
    """(whether the message says its writer is away, whether it is an automatic reply rather than a person's)."""
    if _SUBJECT.search((subject or "")[:SCAN]):
        return True, True
    text = (body or "")[:SCAN].lower().translate(_QUOTES)
    if not any(cue in text for cue in _CUES):  # most messages: a few scans in C, no pattern to try
        return False, False
    return bool(_BODY.search(text)), False


def back_on(subject: str | None, body: str | None, sent: dt.date) -> dt.date | None:
    """The day the writer is back, as the message names it after a word of return ("back on 5 March",
    "returning Monday", "until 4 March 2026", which is back on the 5th), in the first year that puts it after
    ``sent`` (the message's day on the writer's clock); None when it names none, or none that is plausible."""
    text = f"{(subject or '')[:SCAN]}\n{(body or '')[:SCAN]}"
    found = _DATED.search(text) or _BY_WEEKDAY.search(text)
    if found is None:
        return None
    until = found["word"].lower() in ("until", "till", "through")
    if found.re is _DATED:
        day = _dated(found, sent, until)
    else:  # "back on Friday" written on a Friday is the next one; "until Friday" may be that very day
        ahead = (_WEEKDAYS[found["wd"].lower()] - sent.weekday()) % 7
        day = sent + dt.timedelta(days=ahead if until else ahead or 7)
    if day is None:
        return None
    if until:  # the last day away: back the day after
        day += dt.timedelta(days=1)
    return day if sent < day <= sent + dt.timedelta(days=LONGEST_AWAY) else None


def _dated(found: re.Match[str], sent: dt.date, until: bool) -> dt.date | None:
    """The date a match names: with its year, or in the first year that does not put it before ``sent`` (a
    day back after it; a last day away on it or after it). None for a date that does not exist."""
    try:
        if found["iso"]:
            return dt.date.fromisoformat(found["iso"])
        month = _MONTHS[(found["m1"] or found["m2"]).lower()]
        number = int(found["d1"] or found["d2"])
        year = found["y1"] or found["y2"]
        if year:
            return dt.date(int(year), month, number)
    except ValueError:  # 31 February
        return None
    for year in range(sent.year, sent.year + 5):  # 29 February: the next leap year
        try:
            day = dt.date(year, month, number)
        except ValueError:
            continue
        if day > sent or (until and day == sent):
            return day
    return None


__all__ = ["automatic", "back_on"]
