"""The sales copilot: an assistant for sales reps that runs on the team's own CRM data."""

__version__ = "0.1.0"
