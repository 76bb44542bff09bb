"""Known spellings of controlled values, and the corrections importers may apply to them.

A correction is applied only when the intended value is unambiguous (a close fuzzy match to one
known value), and it is always reported with the original kept.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry
from rapidfuzz import fuzz, process

from copilot.crm.names import squash

SECTORS: tuple[str, ...] = (
    "technology", "software", "medical", "healthcare", "retail", "marketing", "finance", "entertainment",
    "telecommunications", "services", "employment", "manufacturing", "education", "energy",
    "logistics", "government", "media", "insurance", "construction", "hospitality", "automotive",
)

# Names people commonly write that pycountry spells differently.
COUNTRY_ALIASES = {"korea": "Korea", "south korea": "Korea", "usa": "United States", "us": "United States",
                   "uk": "United Kingdom", "russia": "Russia"}


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            name = getattr(country, attr, None)
            if name:
                names[name] = getattr(country, "common_name", None) or name
    return names


def normalise_sector(value: str) -> str:
    """The known sector ``value`` stands for, or ``value`` itself (lower-cased) if none is close."""
    lowered = value.strip().lower()
    if not lowered or lowered in SECTORS:
        return lowered
    match = process.extractOne(lowered, SECTORS, scorer=fuzz.ratio, score_cutoff=88)
    return match[0] if match else lowered


def normalise_country(value: str) -> str:
    """The usual English name of the country ``value`` stands for, or ``value`` itself."""
    cleaned = value.strip()
    if not cleaned:
        return cleaned
    if cleaned.lower() in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[cleaned.lower()]
    names = _countries()
    if cleaned in names or cleaned in names.values():
        return cleaned
    match = process.extractOne(cleaned, list(names), scorer=fuzz.ratio, score_cutoff=88)
    return names[match[0]] if match else cleaned


def match_alias(value: str, known: dict[str, object]) -> str | None:
    """The known name equal to ``value`` once case, spaces and punctuation are ignored."""
    key = squash(value)
    hits = [name for name in known if squash(name) == key]
    return hits[0] if len(hits) == 1 else None
