"""Finding the CRM's names inside a sentence: accounts, people, products, offices and sectors."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from copilot.crm.names import Names

KINDS = ("account", "user", "product", "regional_office", "sector")


def normal(text: str) -> str:
    """A sentence as the planner reads it: case folded, "Q3 '17" as 2017, "qtr" as quarter, contractions and the
    possessive 's dropped."""
    t = re.sub(r"(?<=[A-Za-z])\+", " plus ", text).casefold().replace("’", "'")  # "GTX+ Pro", "Basic+"
    t = re.sub(r"(?<![\w'])'(\d\d)\b", r"20\1", t)
    t = re.sub(r"\bqtrs?\b", "quarter", t)
    t = re.sub(r"n't\b", " not", t)
    return re.sub(r"'(s|re|ve|ll|d|m)\b", " ", t)


def tokens(text: str) -> list[str]:
    """The words of ``text``; the one tokenizer, so that where a name is found and where the reader looks agree."""
    return re.findall(r"[0-9a-z]+", normal(text))


@dataclass(frozen=True)
class Spot:
    kind: str
    name: str
    start: int
    end: int
    exact: bool = True


_NOT_A_NAME = frozenset("and or vs versus with without the a an in on at for from to of by is are was were won win "
                        "lost open team office deals deal revenue".split())


def stranger(text: str, names: Names) -> tuple[str, list[str]] | None:
    """A person named in full whom the CRM does not know, though one of the two names is someone's ("Darcel Jones",
    "Anna Schlecht"): the words said and the people they might mean; None when every person named is known."""
    people = names.by_kind.get("user", [])
    for m in re.finditer(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\s+([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b", text):
        first, second = m.group(1), m.group(2)
        said = f"{first} {second}".casefold()
        if second.casefold() in _NOT_A_NAME or any(said in " ".join(tokens(p)) for p in people) or \
                any(said in " ".join(tokens(n)) for kind in KINDS if kind != "user" for n in names.by_kind.get(kind, [])):
            continue
        owners = sorted({p for p in people if first.casefold() in tokens(p) or second.casefold() in tokens(p)})
        if owners and any(first.casefold() in tokens(p) for p in owners):
            return m.group(0), owners
    return None


def spot(text: str, names: Names) -> list[Spot]:
    """Every CRM name mentioned in ``text`` (longest match wins; small typos forgiven)."""
    words = tokens(text)
    candidates: list[Spot] = []
    for kind in KINDS:
        for name in names.by_kind.get(kind, []):
            parts = tokens(name)
            if not parts:
                continue
            n = len(parts)
            for i in range(len(words) - n + 1):
                window = words[i:i + n]
                if window == parts:
                    candidates.append(Spot(kind, name, i, i + n))
                elif n > 1 and sorted(window) == sorted(parts):  # "GTX Pro Plus" for GTX Plus Pro
                    candidates.append(Spot(kind, name, i, i + n, exact=False))
                elif len("".join(parts)) >= 6 and fuzz.ratio(" ".join(window), " ".join(parts)) >= 90:
                    candidates.append(Spot(kind, name, i, i + n, exact=False))
            joined = "".join(parts)
            if n > 1:  # "kancode" for "Kan-code"
                for i, w in enumerate(words):
                    if w == joined:
                        candidates.append(Spot(kind, name, i, i + 1))
    if "user" in KINDS:  # a first or last name alone, when it names one person only
        people = names.by_kind.get("user", [])
        for i, w in enumerate(words):
            if len(w) < 4:
                continue
            owners = [p for p in people if w in tokens(p)]
            if len(owners) == 1:
                candidates.append(Spot("user", owners[0], i, i + 1))
    candidates.sort(key=lambda s: (-(s.end - s.start), not s.exact, s.start, KINDS.index(s.kind)))
    taken: set[int] = set()
    chosen: list[Spot] = []
    for s in candidates:
        span = set(range(s.start, s.end))
        if span & taken:
            continue
        taken |= span
        chosen.append(s)
    return sorted(chosen, key=lambda s: s.start)
