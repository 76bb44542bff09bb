"""A rep's long-term preferences, remembered across conversations and applied to drafts."""

from __future__ import annotations

from typing import Any

from copilot.crm.errors import ToolInputError

PREFERENCE_KEYS = {
    "tone": "friendly, formal or direct",
    "signature": "how drafts are signed (at most 200 characters)",
    "language": "an ISO 639-1 code such as en or fr",
    "cc_manager": "true to copy your manager on drafts",
}


def _namespace(user: str) -> tuple[str, ...]:
    return ("preferences", user)


def get_preferences(store: Any, user: str) -> dict[str, Any]:
    return {item.key: item.value["value"] for item in store.search(_namespace(user), limit=50)}


def set_preference(store: Any, user: str, key: str, value: str) -> Any:
    if key not in PREFERENCE_KEYS:
        raise ToolInputError(f"unknown preference {key!r}; use one of: {', '.join(PREFERENCE_KEYS)}")
    clean: Any = value.strip()
    if key == "tone" and clean not in ("friendly", "formal", "direct"):
        raise ToolInputError("tone must be friendly, formal or direct")
    if key == "signature" and not 0 < len(clean) <= 200:
        raise ToolInputError("signature must be 1 to 200 characters")
    if key == "language" and not (len(clean) == 2 and clean.isalpha()):
        raise ToolInputError("language must be a two-letter ISO 639-1 code, such as en")
    if key == "cc_manager":
        if clean.lower() not in ("true", "false", "yes", "no"):
            raise ToolInputError("cc_manager must be true or false")
        clean = clean.lower() in ("true", "yes")
    store.put(_namespace(user), key, {"value": clean})
    return clean
