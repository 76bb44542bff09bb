"""Idempotent batched writes: insert what is new, update what changed, leave the rest alone."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, Table, bindparam, insert, select, update


@dataclass
class UpsertResult:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    unchanged_keys: list[Any] | None = None


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, Decimal | float) or isinstance(new, Decimal | float):
        if old is None or new is None:
            return old is new
        return Decimal(str(old)) == Decimal(str(new))
    return old == new


def upsert(
    conn: Connection,
    table: Table,
    key: str,
    rows: Sequence[dict[str, Any]],
    *,
    compare: Sequence[str],
    always: Sequence[str] = (),
) -> UpsertResult:
    """Write ``rows`` (dicts keyed by column) to ``table``, matching on the unique column ``key``.

    Only the ``compare`` columns decide whether an existing row changed; ``always`` columns
    (provenance such as the source line) are written with every insert or update but do not by
    themselves count as a change. Unchanged rows are not written at all; their keys are returned.
    """
    result = UpsertResult(unchanged_keys=[])
    if not rows:
        return result
    key_col = table.c[key]
    keys = [row[key] for row in rows]
    columns = [table.c[c] for c in compare]
    existing = {
        found[0]: found[1:]
        for found in conn.execute(select(key_col, *columns).where(key_col.in_(keys)))
    }
    to_insert: list[dict[str, Any]] = []
    to_update: list[dict[str, Any]] = []
    for row in rows:
        old = existing.get(row[key])
        if old is None:
            to_insert.append(row)
        elif all(_same(o, row[c]) for o, c in zip(old, compare, strict=True)):
            result.unchanged_keys.append(row[key])  # type: ignore[union-attr]
        else:
            to_update.append({"b_key": row[key], **{f"b_{c}": row[c] for c in (*compare, *always)}})
    if to_insert:
        conn.execute(insert(table), to_insert)
    if to_update:
        stmt = (
            update(table)
            .where(key_col == bindparam("b_key"))
            .values({c: bindparam(f"b_{c}") for c in (*compare, *always)})
        )
        conn.execute(stmt, to_update)
    result.inserted = len(to_insert)
    result.updated = len(to_update)
    result.unchanged = len(result.unchanged_keys)  # type: ignore[arg-type]
    return result


def id_map(conn: Connection, table: Table, key: str = "name") -> dict[str, int]:
    """Natural key -> surrogate id for a small lookup table (users, products, accounts)."""
    return {k: i for k, i in conn.execute(select(table.c[key], table.c.id))}


def write(conn: Connection, table: Table, key: str, rows: Sequence[dict[str, Any]], stats: Any, *,
          compare: Sequence[str], always: Sequence[str] = ("source",), batch_size: int = 2000) -> list[Any]:
    """:func:`upsert` in batches, adding the counts to ``stats``; returns the unchanged keys."""
    unchanged: list[Any] = []
    for start in range(0, len(rows), batch_size):
        result = upsert(conn, table, key, rows[start:start + batch_size], compare=compare, always=always)
        stats.inserted += result.inserted
        stats.updated += result.updated
        stats.unchanged += result.unchanged
        unchanged.extend(result.unchanged_keys or ())
    return unchanged
