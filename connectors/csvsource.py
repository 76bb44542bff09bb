"""Streaming CSV input with file-level checks and ``file:line`` positions for every row."""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

# Long free-text bodies are legitimate; the per-row limit is enforced by the importers with a
# clear reject, so the csv module's own (much smaller) default must not abort the file first.
FIELD_LIMIT = 16 * 1024 * 1024
csv.field_size_limit(FIELD_LIMIT)
# Memory stays bounded whatever arrives: a header line longer than MAX_HEADER_CHARS, or any line
# longer than MAX_LINE_CHARS (twice the longest field the csv module accepts), is a clear error.
MAX_HEADER_CHARS = 64 * 1024
MAX_LINE_CHARS = 2 * FIELD_LIMIT
# Bytes that are not UTF-8 are decoded as lone surrogates (errors="surrogateescape") and reported.
_NOT_UTF8 = re.compile("[\udc80-\udcff]")


class ImportFileError(Exception):
    """A file that cannot be imported at all. The message names the file and says what is wrong."""


@dataclass(slots=True)
class CsvRow:
    """One record: where it starts, its values by column, and a structural problem if any."""

    where: str
    values: dict[str, str]
    problem: str | None = None


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def check_file(path: Path) -> Path:
    """Fail clearly on a path that is missing, unreadable, a directory, or not a regular file."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise ImportFileError(f"{path}: no such file") from None
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read the file ({_reason(exc)})") from None
    if stat.S_ISDIR(mode):
        raise ImportFileError(f"{path}: is a directory, expected a CSV file")
    if not stat.S_ISREG(mode):
        raise ImportFileError(f"{path}: is not a regular file")
    return path


def check_directory(path: Path, expected: str) -> Path:
    """Fail clearly on a directory that is missing, not a directory, or cannot be listed."""
    try:
        mode = path.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        raise ImportFileError(f"{path}: no such directory") from None
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read the directory ({_reason(exc)})") from None
    if not stat.S_ISDIR(mode):
        raise ImportFileError(f"{path}: expected {expected}")
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read the directory ({_reason(exc)})") from None
    return path


def read_csv(path: Path, required: Sequence[str], optional: Sequence[str] = ()) -> Iterator[CsvRow]:
    """Yield the rows of ``path`` one at a time, after checking its header.

    Lines may end with LF, CRLF or CR alone (old Mac files). Header names are matched after
    trimming spaces and ignoring case. A missing or unexpected column, an empty or unreadable
    file, a header or line too long to be CSV, bytes that are not UTF-8, or a malformed quote
    raise :class:`ImportFileError`; a row with the wrong number of fields or a NUL character is
    yielded with ``problem`` set so the importer can reject it by line.
    """
    path = check_file(Path(path))
    label = path.name
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot read the file ({_reason(exc)})") from None
    # newline="": the csv module sees every line ending as written, and keeps those inside quotes.
    with io.TextIOWrapper(handle, encoding="utf-8-sig", errors="surrogateescape", newline="") as text:
        lines = _Lines(text, path)
        reader = csv.reader(lines)
        try:
            header = next(reader)
        except StopIteration:
            raise ImportFileError(
                f"{path}: the file is empty; expected a header line with: {', '.join(required)}"
            ) from None
        except csv.Error as exc:
            raise ImportFileError(f"{path}:1: malformed CSV header ({_csv_problem(exc)})") from None
        columns = [name.strip().lower() for name in header]
        _check_header(path, columns, required, optional)
        width = len(columns)
        lines.limit = MAX_LINE_CHARS
        while True:
            start = lines.number + 1
            lines.nul = False
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise ImportFileError(f"{path}:{lines.number}: malformed CSV ({_csv_problem(exc)})") from None
            if not record or (len(record) == 1 and not record[0].strip()):
                continue  # blank line
            where = f"{label}:{start}"
            if len(record) != width:
                yield CsvRow(where, {}, f"expected {width} fields, found {len(record)}")
                continue
            if lines.nul:
                column = next((c for c, value in zip(columns, record, strict=True) if "\x00" in value), None)
                if column is not None:
                    yield CsvRow(where, {}, f"{column} contains a NUL character")
                    continue
            yield CsvRow(where, dict(zip(columns, (value.strip() for value in record), strict=True)))


def _csv_problem(exc: csv.Error) -> str:
    if "field larger than field limit" in str(exc):
        return f"a field is longer than {csv.field_size_limit():,} characters"
    return str(exc)


class _Lines:
    """The file's lines, numbered; a line too long or with bytes that are not UTF-8 is reported at its number."""

    def __init__(self, text: io.TextIOWrapper, path: Path) -> None:
        self.text = text
        self.path = path
        self.number = 0
        self.limit = MAX_HEADER_CHARS  # raised once the header is read
        self.nul = False  # a NUL character was read since the caller last cleared this

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        try:
            line = self.text.readline(self.limit + 1)
        except OSError as exc:
            raise ImportFileError(f"{self.path}: cannot read the file ({_reason(exc)})") from None
        if not line:
            raise StopIteration
        self.number += 1
        if len(line) > self.limit:
            if self.limit == MAX_HEADER_CHARS:
                raise ImportFileError(f"{self.path}:{self.number}: the header line is longer than "
                                      f"{self.limit:,} characters; this is not a CSV file in the expected format")
            raise ImportFileError(f"{self.path}:{self.number}: a line is longer than {self.limit:,} characters; "
                                  "this is not a CSV file in the expected format")
        bad = _NOT_UTF8.search(line)
        if bad is not None:
            column = len(line[:bad.start()].encode("utf-8", "surrogateescape")) + 1
            raise ImportFileError(
                f"{self.path}:{self.number}: not valid UTF-8 (byte 0x{ord(bad.group()) - 0xDC00:02x} at column "
                f"{column}); save the file as UTF-8"
            )
        if "\x00" in line:
            self.nul = True
        return line


def _named(names: Sequence[str], most: int = 10) -> str:
    """Column names for a message: at most ``most`` of them, a long one shortened, an empty one quoted."""
    def short(name: str) -> str:
        if not name or len(name) > 40:
            return repr(name[:37] + "..." if name else name)
        return name

    more = f" and {len(names) - most:,} more" if len(names) > most else ""
    return ", ".join(short(n) for n in names[:most]) + more


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
        problems.append(f"unexpected column(s): {_named(extra)}")
    if repeated:
        problems.append(f"repeated column(s): {_named(repeated)}")
    if problems:
        expected = ", ".join(required) + (f" (optional: {', '.join(optional)})" if optional else "")
        raise ImportFileError(f"{path}:1: {'; '.join(problems)}. Expected columns: {expected}")
