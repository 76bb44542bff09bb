"""Conversation state (a LangGraph checkpointer) and long-term preferences (a LangGraph store)."""
