"""Conversation state (a LangGraph checkpointer) and long-term preferences (a LangGraph store).

SQLite files under ``COPILOT_HOME`` by default; PostgreSQL tables when the CRM database is
PostgreSQL. Conversations survive restarts: a paused review resumes where it stopped. A damaged
SQLite memory file is moved aside and started afresh; each rep is told once (``memory_notice``).
"""

from memory.checkpoints import Memory, MemoryRecovery, memory_notice, open_memory
from memory.preferences import PREFERENCE_KEYS, get_preferences, set_preference

__all__ = ["PREFERENCE_KEYS", "Memory", "MemoryRecovery", "get_preferences", "memory_notice", "open_memory",
           "set_preference"]
