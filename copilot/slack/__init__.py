"""The Slack surface: Block Kit builders (pure functions), the conversation a Slack thread maps to, and
(in the listener modules) what the Bolt app does with each event. ``slack_app.py`` only wires."""
