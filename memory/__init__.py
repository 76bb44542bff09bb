"""Conversation state (a LangGraph checkpointer) and long-term preferences (a LangGraph store).

SQLite files under ``COPILOT_HOME`` by default; PostgreSQL tables when the CRM database is
PostgreSQL. Conversations survive restarts: a paused review resumes where it stopped.
"""

from memory.checkpoints import open_memory
from memory.preferences import PREFERENCE_KEYS, get_preferences, set_preference

__all__ = ["PREFERENCE_KEYS", "get_preferences", "open_memory", "set_preference"]
