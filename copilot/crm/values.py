"""Checks of single values shared by the data layer and the importers above it."""

from __future__ import annotations

import re
import unicodedata

EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters other than line breaks and tabs: NUL, terminal escape sequences and the like."""


def as_read(text: str, drop: tuple[str, ...] = ("Cf",)) -> str:
    """``text`` as a reader sees it: NFKC (full-width and compatibility forms folded) without the characters of
    the Unicode categories in ``drop`` (by default the invisible format characters: zero-width spaces, soft
    hyphens, joiners)."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(c for c in text if unicodedata.category(c) not in drop)


def parse_email(value: str, column: str) -> str:
    """The address in lower case, or a ValueError naming the column."""
    email = value.strip().lower()
    if not EMAIL.match(email) or len(email) > 320:
        raise ValueError(f"{column} {value!r} is not an e-mail address")
    return email
