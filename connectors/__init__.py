"""Connectors bring CRM data in: the Maven CRM export and the canonical activity/contact format.

Every importer is idempotent (keyed on natural ids), runs in one transaction, streams its input,
and returns an :class:`~connectors.report.ImportReport` of what it read, wrote, rejected and
corrected.
"""

from connectors.csvsource import ImportFileError
from connectors.report import ImportReport

__all__ = ["ImportFileError", "ImportReport"]
