"""Errors every tool raises, with messages written for the person asking (and the model)."""


class ToolError(Exception):
    """Base of the errors a tool returns instead of a result."""


class ToolInputError(ToolError):
    """An argument is not acceptable: unknown name, wrong type, out of range. Nothing was queried."""


class ScopeError(ToolError):
    """The caller asked for records outside what their role lets them see. No figures are returned."""

    def __init__(self, what: str) -> None:
        super().__init__(f"not in your scope: {what}")
