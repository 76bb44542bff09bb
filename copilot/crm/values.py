"""Checks of single values shared by the data layer and the importers above it."""

from __future__ import annotations

import re

EMAIL = re.compile(r"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")


def parse_email(value: str, column: str) -> str:
    """The address in lower case, or a ValueError naming the column."""
    email = value.strip().lower()
    if not EMAIL.match(email) or len(email) > 320:
        raise ValueError(f"{column} {value!r} is not an e-mail address")
    return email
