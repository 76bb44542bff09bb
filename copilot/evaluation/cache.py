"""Answers kept on disk, so that running a dataset again asks the model only what it has not answered yet.

An answer is kept under the hash of what produced it: the variant's hash (its settings and prompt content),
the user, the turns asked and the case's setup, the trial, the clock when one is fixed, and fingerprints of the
code that answers (``copilot``, ``tools``, ``memory``, ``prompts``) and of the workspace's data (its row counts
and highest ids). A change to any of them asks again; what is expected of an answer is not part of the key, so
changing a check re-scores kept answers without asking the model.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select

ROOT = Path(__file__).resolve().parents[2]
CODE = ("copilot", "tools", "memory", "prompts")
NOT_CODE = ("copilot/evaluation", "copilot/eval_cli.py", "copilot/cli.py", "copilot/slack")
"""What does not change an answer: the evaluation itself and the surfaces."""


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the source files that make an answer (checked once per process)."""
    digest = hashlib.sha256()
    for package in CODE:
        for path in sorted((ROOT / package).rglob("*")):
            rel = path.relative_to(ROOT).as_posix()
            if path.suffix not in (".py", ".j2", ".toml", ".npz", ".json") or not path.is_file() \
                    or any(rel == n or rel.startswith(n + "/") for n in NOT_CODE) or "__pycache__" in rel:
                continue
            digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def data_fingerprint(engine: Engine) -> str:
    """Row count and highest id of every CRM table: changes when data is imported or removed."""
    from copilot.crm.models import Base

    parts = []
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if "id" not in table.c:
                continue
            n, high = conn.execute(select(func.count(), func.max(table.c.id))).one()
            parts.append(f"{table.name}:{n}:{high}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def key(**parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


class Cache:
    """One JSON file per answer under ``folder`` (written whole, then renamed into place)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def _path(self, k: str) -> Path:
        return self.folder / k[:2] / f"{k}.json"

    def get(self, k: str) -> dict[str, Any] | None:
        try:
            value = json.loads(self._path(k).read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):  # missing, cut short or damaged: asked again
            return None
        ok = isinstance(value, dict) and isinstance(value.get("turns"), list) and value["turns"] \
            and all(isinstance(t, dict) for t in value["turns"])
        return value if ok else None

    def put(self, k: str, value: dict[str, Any]) -> None:
        path = self._path(k)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
        tmp.write_text(json.dumps(value, default=str), encoding="utf-8")
        os.replace(tmp, path)
