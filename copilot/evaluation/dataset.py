"""Evaluation datasets: JSON lines, one case a line, each checked when it is read.

A case is ``{"id", "user", "input", "expect"}``: the question ``input`` asked as ``user`` (a CRM user's name),
and what a good answer does. A conversation is ``{"id", "user", "turns": [{"input", "expect"}, ...]}``: its
turns are asked in one conversation and each is checked. ``setup`` may give the user's saved preferences for
the case (``{"preferences": {"tone": "formal"}}``); other top-level keys (``split``, ``family``...) are kept as
the case's labels.

``expect`` may hold:

- ``numbers``: figures the answer must state; ``absent_numbers``: figures it must not (see ``numbers``);
- ``names``: text the answer must contain (case and accents as written are ignored);
- ``tool_calls``: the calls expected, ``{"mode": "strict" | "unordered" | "subset" | "superset", "calls":
  [{"name": ..., "args": {...}}]}``, each argument given as a value (equal to it) or a matcher:
  ``{"equals": v}``, ``{"contains": v}`` (a substring, list members, or a mapping's keys, each matched in
  turn), ``{"regex": "..."}``, ``{"any": true}`` (present, any value), ``{"number": x, "tolerance": t}``;
- ``refuse``: true when the request is out of the user's scope: the answer must say so and state no figure
  (beyond those in the question);
- ``rubric``: what a judge model grades the answer on (only when a judge model is configured; skipped
  otherwise);
- the keys of evaluators registered by plugins (``copilot.evaluation.registry``).

Every problem is reported as ``FILE:LINE: what is wrong``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

MATCHERS = ("equals", "contains", "regex", "any", "number")


class DatasetError(ValueError):
    """A dataset that cannot be used; the message names the file and line."""


class ExpectedCall(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    args: dict[str, Any] = Field(default_factory=dict)

    @field_validator("args")
    @classmethod
    def _matchers(cls, args: dict[str, Any]) -> dict[str, Any]:
        for key, value in args.items():
            check_matcher(value, key)
        return args


class ToolCalls(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mode: Literal["strict", "unordered", "subset", "superset"] = "subset"
    calls: list[ExpectedCall]


class Expect(BaseModel):
    """What a good answer does; keys not named here belong to evaluators registered by plugins."""

    model_config = ConfigDict(extra="allow")

    numbers: list[Annotated[float, Field(allow_inf_nan=False)]] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list)
    absent_numbers: list[Annotated[float, Field(allow_inf_nan=False)]] = Field(default_factory=list)
    tool_calls: ToolCalls | None = None
    refuse: bool = False
    rubric: str | None = None

    @property
    def extra(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class Turn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    input: str
    expect: Expect = Field(default_factory=Expect)


class Setup(BaseModel):
    model_config = ConfigDict(extra="forbid")

    preferences: dict[str, str] = Field(default_factory=dict)
    """The user's saved preferences while the case runs (those they had are put back afterwards)."""

    @field_validator("preferences")
    @classmethod
    def _known(cls, preferences: dict[str, str]) -> dict[str, str]:
        from memory import PREFERENCE_KEYS

        unknown = sorted(set(preferences) - set(PREFERENCE_KEYS))
        if unknown:
            raise ValueError(f"unknown preference {unknown[0]!r} (known: {', '.join(PREFERENCE_KEYS)})")
        return preferences


class Case(BaseModel):
    model_config = ConfigDict(extra="allow")

    id: str = Field(min_length=1, max_length=200)
    user: str = Field(min_length=1)
    input: str | None = None
    expect: Expect | None = None
    turns: list[Turn] | None = None
    setup: Setup = Field(default_factory=Setup)
    _line: int | None = PrivateAttr(default=None)

    @property
    def line(self) -> int | None:
        """The line of the dataset file the case is on."""
        return self._line

    @model_validator(mode="after")
    def _one_shape(self) -> Case:
        if self.turns is None:
            if self.input is None:
                raise ValueError("a case needs 'input' (or 'turns' for a conversation)")
            if self.expect is None:
                raise ValueError("a case needs 'expect'")
        elif self.input is not None or self.expect is not None:
            raise ValueError("a conversation gives 'turns' only (each with its own 'input' and 'expect')")
        elif not self.turns:
            raise ValueError("'turns' is empty")
        return self

    @property
    def steps(self) -> list[Turn]:
        """The turns to ask, in order (one for a single question)."""
        if self.turns is not None:
            return list(self.turns)
        assert self.input is not None and self.expect is not None
        return [Turn(input=self.input, expect=self.expect)]

    @property
    def labels(self) -> dict[str, Any]:
        return dict(self.model_extra or {})

    def request(self) -> dict[str, Any]:
        """What is asked (not what is expected): the part of the case an answer depends on."""
        return {"user": self.user, "turns": [t.input for t in self.steps], "setup": self.setup.model_dump()}


def check_matcher(value: Any, where: str) -> None:
    """Raise ValueError when ``value`` looks like a matcher but is not a valid one."""
    if not (isinstance(value, dict) and value and set(value) & set(MATCHERS)):
        return
    kinds = [k for k in value if k in MATCHERS]
    rest = set(value) - set(MATCHERS) - ({"tolerance"} if kinds == ["number"] else set())
    if len(kinds) != 1 or rest:
        raise ValueError(f"argument {where!r}: a matcher has exactly one of {', '.join(MATCHERS)}"
                         + (" (and 'tolerance' with 'number')" if rest else ""))
    kind = kinds[0]
    if kind == "regex":
        try:
            re.compile(str(value["regex"]))
        except re.error as exc:
            raise ValueError(f"argument {where!r}: bad regular expression: {exc}") from None
    if kind == "number" and (not isinstance(value["number"], int | float) or isinstance(value["number"], bool)
                             or not isinstance(value.get("tolerance", 0), int | float)):
        raise ValueError(f"argument {where!r}: 'number' and 'tolerance' are numbers")
    if kind == "contains" and isinstance(value["contains"], dict):
        for key, inner in value["contains"].items():
            check_matcher(inner, f"{where}.{key}")


def _problem(exc: ValidationError) -> str:
    parts = []
    for e in exc.errors()[:3]:
        where = ".".join(str(p) for p in e["loc"])
        message = str(e["msg"]).removeprefix("Value error, ")
        parts.append(f"{where}: {message}" if where else message)
    return "; ".join(parts)


def json_lines(path: Path | str, unreadable: str, *, encoding: str = "utf-8") -> Iterator[tuple[int, Any]]:
    """Each non-blank line of a JSON-lines file as (line number, value); a problem is one
    :class:`DatasetError` naming the file and line (``unreadable`` says what a file that cannot be read is)."""
    try:
        text = Path(path).read_text(encoding=encoding)
    except OSError as exc:
        raise DatasetError(f"{path}: {unreadable} ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise DatasetError(f"{path}: not UTF-8 text") from None
    # lines end at "\n" only: str.splitlines() would also cut at U+2028, U+0085 and the like, which JSON allows
    # unescaped inside a string
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{path}:{number}: not JSON ({exc.msg}, column {exc.colno})") from None
        except (ValueError, RecursionError) as exc:  # an integer of thousands of digits, nesting too deep
            raise DatasetError(f"{path}:{number}: not usable JSON ({str(exc).split(';')[0]})") from None


def load(path: Path, *, known: set[str] | None = None) -> list[Case]:
    """The cases of the dataset at ``path``. ``known``: the ``expect`` keys plugins evaluate (any other unknown
    key is an error, so a misspelt expectation is never silently ignored)."""
    cases: list[Case] = []
    seen: dict[str, int] = {}
    # a byte-order mark some editors write is not data
    for number, raw in json_lines(path, "cannot read the dataset", encoding="utf-8-sig"):
        if not isinstance(raw, dict):
            raise DatasetError(f"{path}:{number}: a case is a JSON object")
        try:
            case = Case.model_validate(raw)
        except ValidationError as exc:
            raise DatasetError(f"{path}:{number}: {_problem(exc)}") from None
        for turn in case.steps:
            unknown = sorted(set(turn.expect.extra) - (known or set()))
            if unknown:
                raise DatasetError(f"{path}:{number}: expect has unknown key {unknown[0]!r} (no evaluator is "
                                   "registered for it; load the plugin that evaluates it)")
        if case.id in seen:
            raise DatasetError(f"{path}:{number}: case id {case.id!r} is also on line {seen[case.id]}")
        seen[case.id] = number
        case._line = number
        cases.append(case)
    if not cases:
        raise DatasetError(f"{path}: no cases")
    return cases
