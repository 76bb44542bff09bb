"""The experiment table the statistics read: loading it from CSV and checking its columns.

Every problem is a ``DataError`` that names the column and, where one row is at fault, that row (its label
in the DataFrame's index; ``load_csv`` numbers rows by their line in the file, the header being line 1), so a
person can open the file and fix it. Checks are vectorised: a table of a million rows is checked in well under
a second.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

MAX_LISTED = 30  # columns or variants named in an error before "..."


class DataError(ValueError):
    """Input the analysis cannot use. ``reason`` says what is wrong; ``row`` is the offending row's label."""

    def __init__(self, reason: str, *, row: object = None) -> None:
        self.reason = reason
        self.row = row
        super().__init__(reason if row is None else f"row {row}: {reason}")


def listed(names: Sequence[object]) -> str:
    """Names for an error message, cut after MAX_LISTED."""
    shown = ", ".join(repr(str(n)) for n in names[:MAX_LISTED])
    return shown + (f", ... ({len(names)} in all)" if len(names) > MAX_LISTED else "")


def require_columns(columns: Sequence[object], wanted: Sequence[str]) -> None:
    """Raise naming the first wanted column the table lacks, and listing the columns it has."""
    have = {str(c) for c in columns}
    for name in wanted:
        if name not in have:
            raise DataError(f"no column {name!r}; the columns are: {listed(list(columns))}")


def load_csv(path: Path, *, columns: Sequence[str], labels: Sequence[str] = ()) -> pd.DataFrame:
    """Read the named columns of a CSV file, indexed by line number (the header is line 1).

    ``labels`` are read as text (variant names, unit ids: "007" stays "007"); the others are parsed by pandas
    and checked later. Only empty cells are missing values: a cell reading "NA" or "None" is kept as text, so a
    variant called "None" is a variant and a metric cell "NA" is reported as not a number.
    """
    wanted = list(dict.fromkeys(columns))
    path = _readable_again(Path(path))
    try:
        header = pd.read_csv(_start(path), nrows=0, encoding="utf-8").columns
    except FileNotFoundError:
        raise DataError("no such file") from None
    except IsADirectoryError:
        raise DataError("is a directory, not a CSV file") from None
    except PermissionError:
        raise DataError("cannot read the file (permission denied)") from None
    except pd.errors.EmptyDataError:
        raise DataError("the file is empty") from None
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 text (byte {exc.start})") from None
    except pd.errors.ParserError as exc:
        raise DataError(f"not a readable CSV file: {str(exc).strip().splitlines()[-1]}") from None
    require_columns(header, wanted)
    _no_duplicates(path, wanted)
    try:
        # With ``usecols`` pandas accepts a row with too many fields (an unquoted comma in a name) and silently
        # shifts its values into the wrong columns; so only the wanted columns are parsed when every line is
        # known to have the header's number of fields, and otherwise all of them, which makes the parser check.
        frame = pd.read_csv(_start(path), usecols=wanted if _uniform_fields(path, len(header)) else None,
                            dtype={c: str for c in labels if c in wanted}, keep_default_na=False, na_values=[""],
                            encoding="utf-8")[wanted]
    except UnicodeDecodeError as exc:
        raise DataError(f"not UTF-8 text (byte {exc.start})") from None
    except pd.errors.ParserError as exc:
        raise DataError(f"not a readable CSV file: {str(exc).strip().splitlines()[-1]}") from None
    if not isinstance(frame.index, pd.RangeIndex):
        # pandas reads a first row with more fields than the header as an index plus the values shifted left
        raise DataError(f"line 2 has more fields than the header's {len(header)} (a comma in a value that is not "
                        "quoted?)")
    if frame.empty:
        raise DataError("the file has a header but no rows")
    frame.index = pd.RangeIndex(2, len(frame) + 2)
    return frame


def _readable_again(path: Path) -> Path | io.BytesIO:
    """The file, or its bytes when it can be read only once (a pipe: /dev/stdin, a shell's <(...)): the header,
    the field count and the table are each read from the start."""
    try:
        once = path.exists() and not path.is_file() and not path.is_dir()
        return io.BytesIO(path.read_bytes()) if once else path
    except OSError:
        return path  # the first read names the problem


def _start(path: Path | io.BytesIO) -> Path | io.BytesIO:
    if isinstance(path, io.BytesIO):
        path.seek(0)
    return path


def _no_duplicates(path: Path | io.BytesIO, wanted: Sequence[str]) -> None:
    """Raise when a wanted column is named twice in the header (pandas would rename the second "NAME.1" and
    the analysis would silently read the first)."""
    names = pd.read_csv(_start(path), nrows=1, header=None, dtype=str, keep_default_na=False, encoding="utf-8").iloc[0]
    for name in wanted:
        count = int((names == name).sum())
        if count > 1:
            raise DataError(f"column {name!r} is named {count} times in the header; rename all but one")


def _uniform_fields(path: Path | io.BytesIO, fields: int) -> bool:
    """True when the file has no quote character and every line holds ``fields - 1`` commas: then no row can
    be ragged. Counted on the raw bytes in a fraction of the parse's time; any doubt (quotes, blank lines)
    answers False and the caller parses every column instead."""
    raw = np.frombuffer(path.getbuffer(), dtype=np.uint8) if isinstance(path, io.BytesIO) else \
        np.fromfile(path, dtype=np.uint8)
    if (raw == ord('"')).any():
        return False
    ends = np.flatnonzero(raw == ord("\n"))
    if len(raw) and raw[-1] != ord("\n"):
        ends = np.append(ends, len(raw))
    commas = np.diff(np.searchsorted(np.flatnonzero(raw == ord(",")), ends), prepend=0)
    return bool((commas == fields - 1).all())


def numeric(frame: pd.DataFrame, column: str) -> np.ndarray:
    """The column as finite float64 values, or a DataError naming the first bad row and its value."""
    values = frame[column]
    if pd.api.types.is_bool_dtype(values):
        values = values.astype(np.int8)
    if not pd.api.types.is_numeric_dtype(values):
        coerced = pd.to_numeric(values, errors="coerce")
        bad = coerced.isna().to_numpy() & values.notna().to_numpy()
        if bad.any():
            at = int(np.argmax(bad))
            raise DataError(f"column {column!r} is not numeric: {values.iloc[at]!r}", row=frame.index[at])
        values = coerced
    array = values.to_numpy(dtype=np.float64, na_value=np.nan)
    finite = np.isfinite(array)
    if not finite.all():
        at = int(np.argmin(finite))
        what = "is empty" if np.isnan(array[at]) else f"holds {array[at]}, not a finite number"
        raise DataError(f"column {column!r} {what}", row=frame.index[at])
    return array


def codes(frame: pd.DataFrame, column: str) -> tuple[np.ndarray, list[str]]:
    """Integer codes for a label column (variants, units) and the labels as text, in order of appearance."""
    values = frame[column]
    missing = values.isna().to_numpy()
    if missing.any():
        raise DataError(f"column {column!r} is empty", row=frame.index[int(np.argmax(missing))])
    code, uniques = pd.factorize(values, sort=False)
    return code.astype(np.int64), [str(u) for u in uniques]


@dataclass(frozen=True)
class Units:
    """Rows grouped by randomised unit: each row's unit code, each unit's variant code and row count."""

    of_row: np.ndarray
    variant: np.ndarray
    rows: np.ndarray

    @property
    def count(self) -> int:
        return len(self.variant)


def units(frame: pd.DataFrame, column: str, variant_code: np.ndarray, variant_names: list[str]) -> Units:
    """Group rows by the randomised unit; a unit seen in two variants is an error (it was not randomised)."""
    unit_code, unit_names = codes(frame, column)
    count = len(unit_names)
    low = np.full(count, np.iinfo(np.int64).max)
    high = np.full(count, -1)
    np.minimum.at(low, unit_code, variant_code)
    np.maximum.at(high, unit_code, variant_code)
    mixed = np.flatnonzero(low != high)
    if len(mixed):
        u = int(mixed[0])
        rows = np.flatnonzero(unit_code == u)
        at = rows[np.flatnonzero(variant_code[rows] != low[u])[0]]
        raise DataError(f"unit {unit_names[u]!r} (column {column!r}) is in two variants, "
                        f"{variant_names[low[u]]!r} and {variant_names[variant_code[at]]!r}; "
                        "a unit must stay in the variant it was assigned", row=frame.index[at])
    return Units(unit_code, low, np.bincount(unit_code, minlength=count).astype(np.float64))


def parse_weights(text: str) -> dict[str, float]:
    """``"A=1,B=1"`` as {"A": 1.0, "B": 1.0}: the declared split of the traffic."""
    weights: dict[str, float] = {}
    for part in (p.strip() for p in text.split(",")):
        name, eq, value = part.rpartition("=")
        try:
            weight = float(value) if eq and name.strip() else float("nan")
        except ValueError:
            weight = float("nan")
        if not np.isfinite(weight) or weight <= 0:
            raise DataError(f"weights: {part!r} is not NAME=POSITIVE_NUMBER (e.g. \"A=1,B=1\")")
        if name.strip() in weights:
            raise DataError(f"weights: {name.strip()!r} is given twice")
        weights[name.strip()] = weight
    return weights
