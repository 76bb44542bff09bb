"""Concepts (what an e-mail can offer), angles (the concern it answers) and the phrasebook of each language.

The files live in ``prompts/email/``: ``concepts.toml`` says how to recognise an offer or a concern in any
text (a rep's request, a play from past deals, the customer's last e-mail); ``en.toml`` and ``zh.toml`` hold
the customer-facing sentences; ``draft.<language>.j2`` lays a draft out. Every file is versioned by content
hash like every other prompt.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from typing import Any

from jinja2 import Environment, StrictUndefined

from prompts import FOLDER, version

LANGUAGES = {"en": "English", "zh": "Simplified Chinese"}
FILES = ("email/concepts.toml", "email/en.toml", "email/zh.toml", "email/draft.en.j2", "email/draft.zh.j2")


@lru_cache(maxsize=1)
def _concepts() -> tuple[dict[str, tuple[str, list[re.Pattern[str]]]], dict[str, list[re.Pattern[str]]]]:
    data = tomllib.loads((FOLDER / "email" / "concepts.toml").read_text(encoding="utf-8"))
    concepts = {key: (c["angle"], [re.compile(p, re.IGNORECASE) for p in c["patterns"]])
                for key, c in data["concepts"].items()}
    angles = {key: [re.compile(p, re.IGNORECASE) for p in patterns] for key, patterns in data["angles"].items()}
    return concepts, angles


@lru_cache(maxsize=4)
def phrases(language: str) -> dict[str, Any]:
    return tomllib.loads((FOLDER / "email" / f"{language}.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


@lru_cache(maxsize=512)
def _template(template: str) -> Any:
    return _env().from_string(template)


def say(template: str, **variables: Any) -> str:
    """One phrase with its variables filled in."""
    return _template(template).render(**variables)


def layout(language: str, **parts: Any) -> str:
    return _env().from_string((FOLDER / "email" / f"draft.{language}.j2").read_text(encoding="utf-8")).render(**parts)


def prompt_version() -> str:
    """One version for the writer's files together."""
    return "-".join(version(name)[:6] for name in FILES)


def concepts_in(text: str) -> list[str]:
    """The offers ``text`` names, each once, in the order they appear."""
    found: list[tuple[int, str]] = []
    for key, (_, patterns) in _concepts()[0].items():
        hits = [m.start() for p in patterns if (m := p.search(text))]
        if hits:
            found.append((min(hits), key))
    ordered = [key for _, key in sorted(found)]
    # a generic word ("security") gives way to the specific offer that shares its place ("security questionnaire")
    return [k for k in ordered if not (k == "security_review" and len(ordered) > 1 and
                                        any(_concepts()[0][o][0] == "security" for o in ordered if o != k)
                                        and not re.search(r"security (engineer|lead|review|call)|architecture|ciso",
                                                          text, re.IGNORECASE))]


def concept_spans(text: str) -> list[tuple[str, int, int]]:
    """Each offer ``text`` names, with where (the first place it is named), in order."""
    found: dict[str, tuple[int, int]] = {}
    for key, (_, patterns) in _concepts()[0].items():
        for p in patterns:
            if (m := p.search(text)) and (key not in found or m.start() < found[key][0]):
                found[key] = (m.start(), m.end())
    keys = set(concepts_in(text))
    return sorted(((k, a, b) for k, (a, b) in found.items() if k in keys), key=lambda x: x[1])


def concept_of(text: str) -> str | None:
    """The one offer a play or a point is about (the first one named)."""
    found = concepts_in(text)
    return found[0] if found else None


def angle_of_concept(key: str) -> str:
    return _concepts()[0][key][0]


def angle_of(text: str) -> str | None:
    """The concern ``text`` is most about, or None."""
    scores = {key: sum(len(p.findall(text)) for p in patterns) for key, patterns in _concepts()[1].items()}
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] else None


def known_concepts() -> list[str]:
    return list(_concepts()[0])
