"""Streaming CSV input with file-level checks and ``file:line`` positions for every row."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# Long free-text bodies are legitimate; the per-row limit is enforced by the importers with a
# clear reject, so the csv module's own (much smaller) default must not abort the file first.
csv.field_size_limit(16 * 1024 * 1024)


class ImportFileError(Exception):
    """A file that cannot be imported at all. The message names the file and says what is wrong."""


@dataclass(slots=True)
class CsvRow:
    """One record: where it starts, its values by column, and a structural problem if any."""

    where: str
    values: dict[str, str]
    problem: str | None = None


def check_file(path: Path) -> Path:
    """Fail clearly on a path that is missing, a directory, or not a regular file."""
    if not path.exists():
        raise ImportFileError(f"{path}: no such file")
    if path.is_dir():
        raise ImportFileError(f"{path}: is a directory, expected a CSV file")
    if not path.is_file():
        raise ImportFileError(f"{path}: is not a regular file")
    return path


def read_csv(path: Path, required: Sequence[str], optional: Sequence[str] = ()) -> Iterator[CsvRow]:
    """Yield the rows of ``path`` one at a time, after checking its header.

    Header names are matched after trimming spaces and ignoring case. A missing or unexpected
    column, an empty file, bytes that are not UTF-8, or a malformed quote raise
    :class:`ImportFileError`; a row with the wrong number of fields is yielded with ``problem``
    set so the importer can reject it by line.
    """
    path = check_file(Path(path))
    label = path.name
    with path.open("rb") as handle:
        lines = _Lines(handle, path)
        reader = csv.reader(lines)
        try:
            header = next(reader)
        except StopIteration:
            raise ImportFileError(
                f"{path}: the file is empty; expected a header line with: {', '.join(required)}"
            ) from None
        columns = [name.strip().lower() for name in header]
        _check_header(path, columns, required, optional)
        width = len(columns)
        while True:
            start = lines.number + 1
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise ImportFileError(f"{path}:{lines.number}: malformed CSV ({exc})") from None
            if not record or (len(record) == 1 and not record[0].strip()):
                continue  # blank line
            where = f"{label}:{start}"
            if len(record) != width:
                yield CsvRow(where, {}, f"expected {width} fields, found {len(record)}")
                continue
            yield CsvRow(where, dict(zip(columns, (value.strip() for value in record), strict=True)))


class _Lines:
    """Decodes a binary file line by line, so a byte that is not UTF-8 is reported at its line."""

    def __init__(self, handle, path: Path) -> None:  # noqa: ANN001 - a binary file object
        self.handle = handle
        self.path = path
        self.number = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        raw = next(self.handle)
        self.number += 1
        if self.number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ImportFileError(
                f"{self.path}:{self.number}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column "
                f"{exc.start + 1}); save the file as UTF-8"
            ) from None


def _check_header(path: Path, columns: list[str], required: Sequence[str], optional: Sequence[str]) -> None:
    if not any(columns):
        raise ImportFileError(f"{path}:1: the header line is blank; expected: {', '.join(required)}")
    seen: set[str] = set()
    repeated = sorted({c for c in columns if c in seen or seen.add(c)})  # type: ignore[func-returns-value]
    missing = [c for c in required if c not in columns]
    allowed = set(required) | set(optional)
    extra = [c for c in columns if c not in allowed]
    problems = []
    if missing:
        problems.append(f"missing column(s): {', '.join(missing)}")
    if extra:
        problems.append(f"unexpected column(s): {', '.join(extra)}")
    if repeated:
        problems.append(f"repeated column(s): {', '.join(repeated)}")
    if problems:
        expected = ", ".join(required) + (f" (optional: {', '.join(optional)})" if optional else "")
        raise ImportFileError(f"{path}:1: {'; '.join(problems)}. Expected columns: {expected}")
