"""Logging without personal data: every record passes a filter that blanks e-mail addresses and phone numbers
in its message and its traceback, whatever formatted them (an error quoting a row, a library's debug line).
The engines never put SQL parameters into messages in the first place (``hide_parameters``)."""

from __future__ import annotations

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
PHONE = re.compile(r"(?<![\w.])\+?\(?\d[\d ().-]{6,}\d(?![\w.])")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _phone(match: re.Match[str]) -> str:
    """A phone number: 9 or more digits written with a leading + or with separators (not a date or a time)."""
    text = match.group(0)
    digits = sum(c.isdigit() for c in text)
    written = text.startswith(("+", "(")) or any(c in text for c in " ().-")
    if digits < 9 or not written or DATE.search(text) or re.fullmatch(r"\d+\.\d+", text):
        return text
    return "[phone]"


def scrub(text: str) -> str:
    return PHONE.sub(_phone, EMAIL.sub("[e-mail]", text))


class NoPersonalData(logging.Filter):
    """Blanks e-mail addresses and phone numbers in a record (message, arguments and traceback)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a record that cannot format itself is logged as its template
            message = str(record.msg)
        record.msg, record.args = scrub(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


def setup_logging(level: str | int = "WARNING") -> None:
    """Log at ``level`` to stderr, every handler behind the personal-data filter."""
    logging.basicConfig(level=level)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, NoPersonalData) for f in handler.filters):
            handler.addFilter(NoPersonalData())
