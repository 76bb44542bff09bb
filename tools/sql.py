"""Small SQL helpers that read the same on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Date, Float, Integer, String, func
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement


class days_between(FunctionElement):  # noqa: N801 - reads like the SQL function it is
    """Whole days from the first date to the second."""

    type = Float()
    inherit_cache = True


@compiles(days_between, "sqlite")
def _days_sqlite(element, compiler, **kw) -> str:  # noqa: ANN001
    start, end = list(element.clauses)
    return f"(julianday({compiler.process(end, **kw)}) - julianday({compiler.process(start, **kw)}))"


@compiles(days_between)
def _days_default(element, compiler, **kw) -> str:  # noqa: ANN001
    start, end = list(element.clauses)
    return f"CAST(({compiler.process(end, **kw)} - {compiler.process(start, **kw)}) AS FLOAT)"


class period(FunctionElement):  # noqa: N801
    """A date's month (``2017-03``), quarter (``2017-Q1``) or year (``2017``), as text."""

    type = String()
    inherit_cache = True

    def __init__(self, column: ColumnElement[Date], unit: str) -> None:
        self.unit = unit
        super().__init__(column)


@compiles(period, "sqlite")
def _period_sqlite(element, compiler, **kw) -> str:  # noqa: ANN001
    (column,) = list(element.clauses)
    col = compiler.process(column, **kw)
    if element.unit == "month":
        return f"strftime('%Y-%m', {col})"
    if element.unit == "year":
        return f"strftime('%Y', {col})"
    return f"(strftime('%Y', {col}) || '-Q' || ((CAST(strftime('%m', {col}) AS INTEGER) + 2) / 3))"


@compiles(period)
def _period_default(element, compiler, **kw) -> str:  # noqa: ANN001
    (column,) = list(element.clauses)
    col = compiler.process(column, **kw)
    if element.unit == "month":
        return f"to_char({col}, 'YYYY-MM')"
    if element.unit == "year":
        return f"to_char({col}, 'YYYY')"
    return f"(to_char({col}, 'YYYY') || '-Q' || to_char({col}, 'Q'))"


def as_int(expr: ColumnElement) -> ColumnElement:
    return func.cast(expr, Integer)
