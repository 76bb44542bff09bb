"""The data-quality report every import ends with."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from connectors.csvsource import CsvRow, read_csv

# Keep memory bounded on huge bad files: counts are exact, listed examples are capped.
MAX_LISTED = 200
SHOWN = 25


@dataclass
class FileStats:
    file: str
    read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0


@dataclass
class Finding:
    """A group of rows with the same kind of issue: a count, and the first places it occurred."""

    message: str
    count: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, where: str) -> None:
        self.count += 1
        if len(self.examples) < 5:
            self.examples.append(where)


@dataclass
class Reject:
    where: str
    reason: str


@dataclass
class ImportReport:
    """What an import read, wrote, rejected and corrected. ``committed`` is False after a rollback."""

    kind: str
    sources: list[str]
    files: dict[str, FileStats] = field(default_factory=dict)
    rejects: list[Reject] = field(default_factory=list)
    rejected_total: int = 0
    corrections: dict[str, Finding] = field(default_factory=dict)
    warnings: dict[str, Finding] = field(default_factory=dict)
    committed: bool = False
    run_id: int | None = None
    seconds: float = 0.0

    def stats(self, file: str) -> FileStats:
        return self.files.setdefault(file, FileStats(file))

    def rows(self, path: Path, required: Sequence[str], optional: Sequence[str] = ()) -> Iterator[CsvRow]:
        """The well-formed rows of ``path``, counting every row read and rejecting malformed ones."""
        stats = self.stats(Path(path).name)
        for row in read_csv(path, required, optional):
            stats.read += 1
            if row.problem:
                self.reject(row.where, row.problem)
                continue
            yield row

    def reject(self, where: str, reason: str) -> None:
        self.rejected_total += 1
        self.stats(where.rsplit(":", 1)[0]).rejected += 1
        if len(self.rejects) < MAX_LISTED:
            self.rejects.append(Reject(where, reason))

    def correction(self, field_name: str, original: str, corrected: str, where: str) -> None:
        message = f"{field_name}: {original!r} -> {corrected!r}"
        if message not in self.corrections and len(self.corrections) >= MAX_LISTED:
            # Many distinct corrections (every amount rounded, say): the rest are counted together.
            message = f"{field_name}: other values (originals kept in data_corrections)"
        self.corrections.setdefault(message, Finding(message)).add(where)

    def warn(self, message: str, where: str) -> None:
        self.warnings.setdefault(message, Finding(message)).add(where)

    @property
    def totals(self) -> FileStats:
        total = FileStats("total")
        for s in self.files.values():
            for name in ("read", "inserted", "updated", "unchanged", "rejected"):
                setattr(total, name, getattr(total, name) + getattr(s, name))
        return total

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["files"] = [asdict(s) for s in self.files.values()]
        data["corrections"] = [asdict(f) for f in self.corrections.values()]
        data["warnings"] = [asdict(f) for f in self.warnings.values()]
        data["totals"] = asdict(self.totals)
        return data

    def render(self, console: Console) -> None:
        state = "" if self.committed else " (rolled back: counts are what would have been written)"
        table = Table(title=f"Import report: {self.kind}{state}", title_justify="left")
        for column in ("file", "read", "inserted", "updated", "unchanged", "rejected"):
            table.add_column(column, justify="left" if column == "file" else "right")
        for s in [*self.files.values(), self.totals]:
            table.add_row(s.file, *(f"{getattr(s, c):,}" for c in ("read", "inserted", "updated", "unchanged", "rejected")))
        console.print(table)
        if self.corrections:
            console.print("[bold]Corrections applied[/bold] (original values kept in data_corrections):", markup=True)
            for f in self.corrections.values():
                console.print(f"  {f.message}  x{f.count:,}  first at {f.examples[0]}", markup=False, emoji=False)
        if self.warnings:
            console.print("[bold]Data-quality findings[/bold]:", markup=True)
            for f in self.warnings.values():
                console.print(f"  {f.message}  x{f.count:,}  e.g. {', '.join(f.examples[:3])}", markup=False, emoji=False)
        if self.rejected_total:
            console.print(f"[bold red]Rejected rows: {self.rejected_total:,}[/bold red]", markup=True)
            for r in self.rejects[:SHOWN]:
                console.print(f"  {r.where}: {r.reason}", markup=False, emoji=False)
            if self.rejected_total > SHOWN:
                console.print(f"  ... and {self.rejected_total - SHOWN:,} more (all listed with --json, up to "
                              f"{MAX_LISTED})")
        if self.committed:
            console.print(f"[green]Committed[/green] (import run {self.run_id}) in {self.seconds:.2f} s.", markup=True)
        else:
            console.print(
                "[bold red]Nothing was written.[/bold red] Fix the rejected rows, or re-run with "
                "--allow-rejects to import the rest.", markup=True
            )
