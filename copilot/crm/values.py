"""Checks of single values shared by the data layer and the importers above it."""

from __future__ import annotations

import re
import unicodedata
from email.headerregistry import Address
from email.policy import default as email_policy
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from rapidfuzz import fuzz, process, utils

EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters other than line breaks and tabs: NUL, terminal escape sequences and the like."""


BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Bidirectional embeddings, overrides and isolates: they can make text on a screen read in another order."""

EMAIL_BODY_LIMIT = 20_000
"""The most characters an e-mail's body may hold, drafted, edited, regenerated or sent: about 3,000 words, far past any
sales e-mail, and what a draft's card carries in two Slack messages (about 12,000 characters each) and an approval
card in its 50 blocks."""
_SURROGATE = re.compile("[\ud800-\udfff]")


def uncarried(text: str) -> str | None:
    """What in ``text`` an e-mail (or Slack) cannot carry, said for the person who wrote it, or None: a control
    character other than a line break or a tab, or half of a character (a lone UTF-16 surrogate, which has no UTF-8
    form)."""
    bad = CONTROL.search(text)
    if bad:
        return f"it holds a control character (\\x{ord(bad.group(0)):02x}), which an e-mail cannot carry"
    half = _SURROGATE.search(text)
    if half:
        return f"it holds half of a character (\\u{ord(half.group(0)):04x}), which an e-mail cannot carry"
    return None


def body_problem(body: str) -> str | None:
    """Why an e-mail's ``body`` cannot be kept or sent as it stands, said for a person, or None: longer than
    EMAIL_BODY_LIMIT, or holding what an e-mail cannot carry (:func:`uncarried`)."""
    if len(body) > EMAIL_BODY_LIMIT:
        return (f"The body is {len(body):,} characters long; an e-mail holds at most {EMAIL_BODY_LIMIT:,}. "
                "Shorten it.")
    problem = uncarried(body)
    return f"The body cannot be sent: {problem}; remove or retype it." if problem else None


def visible(text: object) -> str:
    """Text from outside made safe for a terminal: each control character as a visible code (``\\x1b``),
    and each bidirectional override as one (``\\u202e``), so what is printed reads as it is stored."""
    text = CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", str(text))
    return BIDI.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def as_read(text: str, drop: tuple[str, ...] = ("Cf",)) -> str:
    """``text`` as a reader sees it: NFKC (full-width and compatibility forms folded) without the characters of
    the Unicode categories in ``drop`` (by default the invisible format characters: zero-width spaces, soft
    hyphens, joiners)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if unicodedata.category(c) not in drop)


@lru_cache(maxsize=1)
def _zones() -> frozenset[str]:
    return frozenset(available_timezones())


def parse_timezone(value: str, column: str) -> str:
    """An IANA time zone name as given, or a ValueError naming the column (with the closest name, if any)."""
    if value not in _zones():
        match = process.extractOne(value, list(_zones()), scorer=fuzz.WRatio, processor=utils.default_process,
                                   score_cutoff=80)
        hint = f"; did you mean {match[0]!r}?" if match else " (use an IANA name like America/New_York)"
        raise ValueError(f"{column} {value!r} is not a known time zone{hint}")
    try:
        ZoneInfo(value)
    except ZoneInfoNotFoundError:
        raise ValueError(f"{column} {value!r} is not a known time zone") from None
    return value


def parse_email(value: str, column: str) -> str:
    """The address in lower case, or a ValueError naming the column."""
    email = value.strip().lower()
    if not EMAIL.match(email) or len(email) > 320:
        raise ValueError(f"{column} {value!r} is not an e-mail address")
    return email


def reads_as_written(header: str, value: str) -> bool:
    """Whether a header's ``value`` reaches the recipient as written. The e-mail library reads an encoded word
    (``=?utf-8?q?...?=``) in a value as the text it encodes, which may hold a line break and so a header (``Bcc:``,
    ``Reply-To:``) or a body of its own: such a value is not sent."""
    try:
        return str(email_policy.header_factory(header, value)) == value
    except (ValueError, TypeError, IndexError):
        return False


def plain_address(value: str) -> bool:
    """Whether ``value`` is one address the e-mail library reads back as the same address: no comment (``a(x)@b``),
    quote, encoded word or character it would drop or change."""
    try:
        return Address(addr_spec=value).addr_spec == value
    except Exception:  # noqa: BLE001 - the parser fails on malformed input in many ways (HeaderParseError on a
        return False  # trailing dot, AttributeError, UnboundLocalError): none of them is an address read as written
