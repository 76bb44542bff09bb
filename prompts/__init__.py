"""Prompt files, rendered with named variables and versioned by content hash.

Each prompt is a Jinja2 file in this folder. :func:`render` returns the text and the prompt's
version (the first 12 hex digits of the SHA-256 of the file), recorded with every answer so an
evaluation can say which prompt produced which result.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

FOLDER = Path(__file__).parent


@dataclass(frozen=True)
class Rendered:
    name: str
    version: str
    text: str


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(str(FOLDER)), undefined=StrictUndefined, autoescape=False,
                       keep_trailing_newline=True)


@lru_cache(maxsize=32)
def version(name: str) -> str:
    return hashlib.sha256((FOLDER / name).read_bytes()).hexdigest()[:12]


def render(name: str, **variables: Any) -> Rendered:
    """Render prompt ``name`` with ``variables``; a missing variable is an error, not an empty string."""
    return Rendered(name, version(name), _env().get_template(name).render(**variables))
