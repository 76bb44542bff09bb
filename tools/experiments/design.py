"""Experiments as declared in a TOML file, validated.

The file (``COPILOT_EXPERIMENTS_FILE``, else ``experiments.toml`` in the workspace) holds one ``[[experiment]]``
table per experiment::

    [[experiment]]
    name = "followup-timing"
    unit = "contact"                 # rep | account | contact | conversation: what is randomised
    applies_to = "followup_time"     # followup_time | talk_track | draft: the suggestion it decides
    salt = "2026-12"                 # a new salt reshuffles every unit
    start = 2026-12-01T00:00:00Z     # with a UTC offset; assignment only from start (inclusive) to end
    end = 2027-03-01T00:00:00Z
    primary_metric = "reply"
    guardrails = ["touches"]
    control = "habit"                # default: the first variant
    variants = [{ name = "habit", weight = 1 }, { name = "learned", weight = 1 }]

What a variant shows is ``uses`` (default: its name): for ``followup_time`` ``learned`` (the reply model's best
moment) or ``habit`` (3 business days after the last touch at 9:00 the contact's time); for ``talk_track`` the
retrieval (``hybrid``, ``vector`` or ``lexical``); for ``draft`` the tone of a draft whose tone neither the rep
nor their preferences set (``friendly``, ``formal`` or ``direct``).

Metrics (``outcomes.py`` computes each per randomised unit): ``reply`` (1 when a touch that followed a suggestion
was answered within ``reply_days`` business days), ``replies`` and ``touches`` (counts of such touches answered,
and of touches that followed a suggestion), ``advanced`` (1 when a deal open at a suggestion moved to a later
stage), ``won`` (1 when such a deal was won), ``revenue`` (what those won deals booked).

Two experiments deciding the same suggestion may not run at the same time: a showing belongs to one experiment.
A bad file is one line naming the file, the experiment and the field.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError, model_validator

Unit = Literal["rep", "account", "contact", "conversation"]
Kind = Literal["followup_time", "talk_track", "draft"]
Metric = Literal["reply", "replies", "touches", "advanced", "won", "revenue"]

KINDS: tuple[str, ...] = ("followup_time", "talk_track", "draft")
UNITS: tuple[str, ...] = ("rep", "account", "contact", "conversation")
METRICS: tuple[str, ...] = ("reply", "replies", "touches", "advanced", "won", "revenue")
USES: dict[str, tuple[str, ...]] = {"followup_time": ("learned", "habit"),
                                    "talk_track": ("hybrid", "vector", "lexical"),
                                    "draft": ("friendly", "formal", "direct")}
"""What a variant may show, by the suggestion it decides."""
UNITS_FOR: dict[str, tuple[str, ...]] = {"followup_time": UNITS, "talk_track": ("rep", "conversation"),
                                         "draft": UNITS}
"""The units each suggestion knows when it is shown (a talk-track search names no account or contact)."""
NAME = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$"


class ExperimentsFileError(ValueError):
    """The experiments file cannot be used; the message names the file, the experiment and the field."""


class Variant(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=NAME)
    weight: float = Field(default=1.0, gt=0, le=1_000_000, allow_inf_nan=False,
                          description="Relative share of the units (weights need not sum to 1).")
    uses: str | None = Field(default=None, description="What the variant shows; default: its name.")

    @property
    def shows(self) -> str:
        return self.uses or self.name


class Experiment(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=NAME)
    description: str = Field(default="", max_length=2000)
    unit: Unit
    applies_to: Kind
    variants: tuple[Variant, ...] = Field(min_length=2, max_length=20)
    control: str | None = Field(default=None, description="The variant the others are compared with; default: "
                                                          "the first.")
    salt: str = Field(min_length=1, max_length=200)
    start: AwareDatetime
    end: AwareDatetime
    primary_metric: Metric
    guardrails: tuple[Metric, ...] = ()
    reply_days: int = Field(default=3, ge=1, le=30, description="Business days a reply may take to count.")
    follow_days: int = Field(default=10, ge=1, le=60, description="Days after a suggestion within which a touch "
                                                                  "counts as following it.")
    pre_days: int = Field(default=90, ge=1, le=3650, description="Days before a unit's first exposure that give "
                                                                 "its pre-period covariate.")

    @model_validator(mode="after")
    def _consistent(self) -> Experiment:
        names = [v.name for v in self.variants]
        twice = sorted({n for n in names if names.count(n) > 1})
        if twice:
            raise ValueError(f"variants: {', '.join(twice)} named twice")
        allowed = USES[self.applies_to]
        for i, v in enumerate(self.variants):
            if v.shows not in allowed:
                what = f"uses {v.uses!r}" if v.uses else f"is named {v.name!r} and has no 'uses'"
                raise ValueError(f"variants.{i}: variant {v.name!r} {what}; a {self.applies_to} variant uses one of "
                                 f"{', '.join(allowed)}")
        if self.control is not None and self.control not in names:
            raise ValueError(f"control: {self.control!r} is not one of the variants ({', '.join(names)})")
        if self.end <= self.start:
            raise ValueError("end: must come after start")
        if self.unit not in UNITS_FOR[self.applies_to]:
            raise ValueError(f"unit: a {self.applies_to} suggestion knows no {self.unit} when it is shown; use one "
                             f"of {', '.join(UNITS_FOR[self.applies_to])}")
        if self.primary_metric in self.guardrails:
            raise ValueError(f"guardrails: {self.primary_metric!r} is already the primary metric")
        again = sorted({g for g in self.guardrails if self.guardrails.count(g) > 1})
        if again:
            raise ValueError(f"guardrails: {', '.join(again)} named twice")
        return self

    @property
    def control_name(self) -> str:
        return self.control or self.variants[0].name

    @property
    def metrics(self) -> list[str]:
        """The primary metric, then the guardrails."""
        return [self.primary_metric, *self.guardrails]

    def variant(self, name: str) -> Variant:
        return next(v for v in self.variants if v.name == name)

    def running(self, at: dt.datetime) -> bool:
        """Whether ``at`` (aware, or naive UTC) falls in [start, end)."""
        aware = at if at.tzinfo is not None else at.replace(tzinfo=dt.UTC)
        return self.start <= aware < self.end


class ExperimentsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    experiment: tuple[Experiment, ...] = ()

    @model_validator(mode="after")
    def _no_clash(self) -> ExperimentsFile:
        seen: dict[str, Experiment] = {}
        for e in self.experiment:
            if e.name in seen:
                raise ValueError(f"experiment {e.name!r} is declared twice")
            seen[e.name] = e
        for i, a in enumerate(self.experiment):
            for b in self.experiment[i + 1:]:
                if a.applies_to == b.applies_to and a.start < b.end and b.start < a.end:
                    raise ValueError(f"experiments {a.name!r} and {b.name!r} both decide the {a.applies_to} "
                                     f"suggestion from {max(a.start, b.start).isoformat()} to "
                                     f"{min(a.end, b.end).isoformat()}; a showing belongs to one experiment")
        return self


def load_experiments(path: Path) -> tuple[Experiment, ...]:
    """The experiments declared in ``path`` (read now; parsed and validated once per content)."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ExperimentsFileError(f"{path}: no such file") from None
    except OSError as exc:
        raise ExperimentsFileError(f"{path}: cannot be read ({exc.strerror or type(exc).__name__})") from None
    return _parsed(str(path), raw)


def experiments_for(settings: Any) -> tuple[Experiment, ...]:
    """The workspace's experiments: the file the settings name (it must exist), else ``experiments.toml`` in the
    workspace when there is one, else none."""
    path: Path = settings.experiments_path
    if getattr(settings, "experiments_file", None) is None and not path.is_file():
        return ()
    return load_experiments(path)


def find(experiments: tuple[Experiment, ...], name: str, path: Path | str) -> Experiment:
    """The experiment called ``name``; a clear error listing the declared ones otherwise."""
    for e in experiments:
        if e.name == name:
            return e
    known = ", ".join(e.name for e in experiments) or "none"
    raise ExperimentsFileError(f"{path}: no experiment named {name[:80]!r} (declared: {known})")


@lru_cache(maxsize=16)
def _parsed(path: str, raw: bytes) -> tuple[Experiment, ...]:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ExperimentsFileError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ExperimentsFileError(f"{path}: not valid TOML ({exc})") from None
    try:
        return ExperimentsFile.model_validate(data).experiment
    except ValidationError as exc:
        raise ExperimentsFileError(f"{path}: {_problem(exc, data)}") from None


def _problem(exc: ValidationError, data: dict[str, Any]) -> str:
    """The first problem, as 'experiment NAME: field: what is wrong'."""
    error = exc.errors()[0]
    loc = list(error["loc"])
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "timezone_aware":
        message = "give a UTC offset (e.g. 2026-12-01T00:00:00Z)"
    elif error["type"] == "extra_forbidden":
        message = "unknown key"
    elif error["type"] == "too_short":
        message = f"give at least {error.get('ctx', {}).get('min_length')}"
    elif error["type"] == "literal_error":
        message = f"{error.get('input')!r} is not one of {str(error.get('ctx', {}).get('expected', ''))}"
    if loc[:1] != ["experiment"] or len(loc) < 2 or not isinstance(loc[1], int):
        return f"{'.'.join(map(str, loc)) + ': ' if loc else ''}{message}"
    items = data.get("experiment")
    raw = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
    name = raw.get("name") if isinstance(raw, dict) else None
    who = f"experiment {name!r}" if isinstance(name, str) and name else f"experiment #{loc[1] + 1}"
    field = ".".join(map(str, loc[2:]))
    return f"{who}: {field + ': ' if field else ''}{message}"
