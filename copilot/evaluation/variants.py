"""Named variants, from one TOML file (``evals/variants.toml`` in the repository by default)::

    [variant.offline]
    backend = "offline"                      # offline | openai
    prompt = "system.md.j2"                  # a file in prompts/; prompt_version = "<12 hex>" pins its content
    retrieval = { mode = "hybrid", k = 3 }   # talk-track ranking (hybrid | vector | lexical), deals shown

    [variant.gpt-4o-mini]
    backend = "openai"
    model = "gpt-4o-mini"                    # at OPENAI_BASE_URL, with OPENAI_API_KEY
    temperature = 0.0
    without_tools = ["talk_tracks"]          # or tools = [...]: only these
    price = { input = 0.15, output = 0.60 }  # US dollars per million tokens, for the report's cost

``offline`` (the shipped setup, offline) exists even when the file does not name it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from copilot.context import Variant

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
"""A variant's name: it labels terminal tables, progress bars, charts and reports."""
DEFAULT_FILE = Path(__file__).resolve().parents[2] / "evals" / "variants.toml"
"""The repository's variants file, read as data."""


class VariantsError(ValueError):
    """A variants file or a variant name that cannot be used; the message names the file and the variant."""


class _Retrieval(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mode: Literal["hybrid", "vector", "lexical"] = "hybrid"
    k: int | None = Field(default=None, ge=1, le=10)


class _Price(BaseModel):
    model_config = ConfigDict(extra="forbid")

    input: float = Field(ge=0)
    output: float = Field(ge=0)


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    backend: Literal["offline", "openai"]
    model: str | None = Field(default=None, min_length=1, max_length=200)
    prompt: str = "system.md.j2"
    prompt_version: str | None = Field(default=None, pattern=r"^[0-9a-f]{12}$")
    tools: list[str] | None = None
    without_tools: list[str] | None = None
    retrieval: _Retrieval = Field(default_factory=_Retrieval)
    temperature: float = Field(default=0.0, ge=0, le=2)
    price: _Price | None = None

    @model_validator(mode="after")
    def _consistent(self) -> _Entry:
        if self.tools is not None and self.without_tools is not None:
            raise ValueError("give tools or without_tools, not both")
        if self.backend == "openai" and not self.model:
            raise ValueError("an openai variant names its model")
        return self


@dataclass(frozen=True)
class Spec:
    """A variant as the evaluation uses it: how the copilot runs, and what its tokens cost."""

    variant: Variant
    price: tuple[float, float] | None = None
    """US dollars per million input and output tokens."""

    @property
    def name(self) -> str:
        return self.variant.name

    def cost(self, usage: dict[str, int]) -> float | None:
        if self.price is None or not usage:
            return None
        return (usage.get("input", 0) * self.price[0] + usage.get("output", 0) * self.price[1]) / 1e6


OFFLINE = Spec(Variant(name="offline", backend="offline"))


def _tool_names() -> list[str]:
    from copilot.actions import ACTIONS
    from copilot.toolbox import TOOLS

    return [*TOOLS, *ACTIONS]


def _spec(name: str, entry: _Entry, where: str) -> Spec:
    from prompts import FOLDER, version

    prompt_file = (FOLDER / entry.prompt).resolve()
    if FOLDER.resolve() not in prompt_file.parents or not prompt_file.is_file():
        raise VariantsError(f"{where}: prompt {entry.prompt!r} is not a file in {FOLDER}")
    if entry.prompt_version is not None and entry.prompt_version != version(entry.prompt):
        raise VariantsError(f"{where}: prompt {entry.prompt} is at version {version(entry.prompt)}, "
                            f"the variant pins {entry.prompt_version}")
    names = _tool_names()
    listed = entry.tools if entry.tools is not None else entry.without_tools
    for tool in listed or []:
        if tool not in names:
            raise VariantsError(f"{where}: unknown tool {tool!r} (known: {', '.join(names)})")
    tools = tuple(entry.tools) if entry.tools is not None else \
        tuple(t for t in names if t not in entry.without_tools) if entry.without_tools is not None else None
    variant = Variant(name=name, backend=entry.backend, model=entry.model, prompt=entry.prompt, tools=tools,
                      retrieval_mode=entry.retrieval.mode, retrieval_k=entry.retrieval.k,
                      temperature=entry.temperature)
    return Spec(variant, (entry.price.input, entry.price.output) if entry.price else None)


def load(path: Path | None = None) -> dict[str, Spec]:
    """Every variant of the file at ``path`` (default: the repository's), with ``offline`` always there."""
    path = Path(path) if path is not None else DEFAULT_FILE
    found: dict[str, Spec] = {"offline": OFFLINE}
    if not path.exists() and path == DEFAULT_FILE:
        return found
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise VariantsError(f"{path}: cannot read the variants file ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise VariantsError(f"{path}: not TOML ({exc})") from None
    unknown = sorted(set(data) - {"variant"})
    if unknown:
        raise VariantsError(f"{path}: unknown section [{unknown[0]}] (variants are [variant.NAME] tables)")
    for name, raw in (data.get("variant") or {}).items():
        if not NAME.fullmatch(name):
            raise VariantsError(f"{path}: variant name {name[:80]!r}: use letters, digits, '.', '_' and '-' (at most "
                                "64, starting with a letter or digit)")
        where = f"{path}: [variant.{name}]"
        if not isinstance(raw, dict):
            raise VariantsError(f"{where}: a variant is a table")
        try:
            entry = _Entry.model_validate(raw)
        except ValidationError as exc:
            e = exc.errors()[0]
            key = ".".join(str(p) for p in e["loc"])
            raise VariantsError(f"{where}: {key + ': ' if key else ''}{str(e['msg']).removeprefix('Value error, ')}"
                                ) from None
        found[name] = _spec(name, entry, where)
    return found


def pick(specs: dict[str, Spec], names: list[str], path: Path | None = None) -> list[Spec]:
    """The variants called ``names``, in that order; an unknown or repeated name is an error."""
    if not names:
        raise VariantsError("name at least one variant (--variant NAME)")
    out = []
    for name in names:
        if name not in specs:
            raise VariantsError(f"{path or DEFAULT_FILE}: no variant {name!r} (known: {', '.join(sorted(specs))})")
        if any(s.name == name for s in out):
            raise VariantsError(f"variant {name!r} is named twice")
        out.append(specs[name])
    return out
