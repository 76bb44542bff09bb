"""Which variant a unit is in: a deterministic hash, the same in every process and on every machine.

SHA-256 of ``salt``, the experiment's name and the unit's id (joined by a separator no name contains) gives 64
bits read as a number in [0, 1); the variants' weights cut [0, 1) into consecutive buckets in the order declared.
Nothing is stored and nothing random is drawn: the same unit gets the same variant until the salt, the name or
the weights change. Outside the experiment's window (``start`` inclusive, ``end`` exclusive) no unit is assigned:
the copilot behaves as it does without experiments and records no exposure.

Unit ids: a contact is their e-mail address (lower case), an account and a rep their name as the CRM holds it,
a conversation its thread id; names and e-mail addresses, unlike database ids, are the same in every copy of the
CRM.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from itertools import accumulate

from tools.experiments.design import Experiment, Variant

SEPARATOR = "\x1f"


def unit_key(unit: str, unit_id: str) -> str:
    """The unit id as assignment reads it (NFKC, a contact's e-mail in lower case; every id without outer spaces):
    a full-width or compatibility spelling of one person's id is the same unit."""
    key = unicodedata.normalize("NFKC", unit_id).strip()
    return key.lower() if unit == "contact" else key


def position(salt: str, experiment: str, unit_id: str) -> float:
    """The unit's place in [0, 1): the first 64 bits of SHA-256(salt, experiment, unit id) over 2**64."""
    digest = hashlib.sha256(SEPARATOR.join((salt, experiment, unit_id)).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2.0 ** 64


def bucket(u: float, variants: tuple[Variant, ...]) -> Variant:
    """The variant whose share of [0, 1) holds ``u``; shares in proportion to the weights, in declared order."""
    total = sum(v.weight for v in variants)
    for variant, upper in zip(variants, accumulate(v.weight / total for v in variants), strict=True):
        if u < upper:
            return variant
    return variants[-1]  # rounding of the last upper bound below 1


def assign(experiment: Experiment, unit_id: str, at: dt.datetime | None = None) -> Variant | None:
    """The variant of ``unit_id``; None when ``at`` (aware, or naive UTC) is outside the experiment's window or
    the id is empty."""
    if at is not None and not experiment.running(at):
        return None
    key = unit_key(experiment.unit, unit_id)
    if not key:
        return None
    return bucket(position(experiment.salt, experiment.name, key), experiment.variants)
