"""Logging without personal data: every record passes a filter that blanks e-mail addresses and phone numbers
in its message and its traceback, whatever formatted them (an error quoting a row, a library's debug line).
The engines never put SQL parameters into messages in the first place (``hide_parameters``)."""

from __future__ import annotations

import logging
import re

EMAIL = re.compile(r"(?:\"[^\"\n@]{1,64}\"|[\w.+-]+)(?:@|%40)[\w-]+(\.[\w-]+)+", re.IGNORECASE)
"""an address, also with its local part quoted ("a b"@x.example) or its "@" escaped as in a URL (%40)"""
INVISIBLE = re.compile(r"\\u(?:200[b-d]|2060|feff)|[\u200b-\u200d\u2060\ufeff]", re.IGNORECASE)
"""zero-width characters, as such or escaped as in JSON ("\\u200b"): Slack's messages put them inside addresses so
that they are not made links, and a library's debug line quotes the JSON"""
QUIET = ("slack_sdk", "slack_bolt", "urllib3", "httpx", "httpcore", "openai", "langgraph", "langchain", "chromadb",
         "sentence_transformers", "aiosmtpd", "mail.log", "uvicorn")
"""libraries whose debug lines quote what they send and receive (a request's body: an answer, a draft, a contact's
name, a search's keys): they log at INFO and above whatever the level asked for"""
PHONE = re.compile(r"(?<![\w.])\+?\(?\d[\d ().-]{6,}\d(?![\w.])")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


UNSEPARATED = (10, 19)
"""a run of this many digits with nothing between them is a number written as a phone's or a card's (4915112345678,
2125550199): blanked too, unless a decimal point or a letter joins it to more (a Slack timestamp, an identifier)"""


def _phone(match: re.Match[str]) -> str:
    """A phone number: 9 or more digits written with a leading + or with separators (not a date or a time), or
    UNSEPARATED digits in a row."""
    text = match.group(0)
    digits = sum(c.isdigit() for c in text)
    written = text.startswith(("+", "(")) or any(c in text for c in " ().-")
    bare = text.isdigit() and UNSEPARATED[0] <= digits <= UNSEPARATED[1]
    if digits < 9 or not (written or bare) or DATE.search(text) or re.fullmatch(r"\d+\.\d+", text):
        return text
    return "[phone]"


def scrub(text: str) -> str:
    return PHONE.sub(_phone, EMAIL.sub("[e-mail]", INVISIBLE.sub("", text)))


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
    for name in QUIET:
        logging.getLogger(name).setLevel(max(logging.INFO, logging.getLogger().getEffectiveLevel()))
    logging.getLogger("copilot").debug("logging at %s; %s log at INFO and above (their debug lines quote bodies)",
                                       logging.getLevelName(logging.getLogger().getEffectiveLevel()), ", ".join(QUIET))
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, NoPersonalData) for f in handler.filters):
            handler.addFilter(NoPersonalData())
