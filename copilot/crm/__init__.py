"""The CRM data layer: typed models, the database engine and schema migrations."""

from copilot.crm.db import connect, migrate, session_factory
from copilot.crm.models import (
    Account,
    Activity,
    Base,
    Contact,
    DataCorrection,
    DealNote,
    ImportRun,
    Opportunity,
    Product,
    User,
)

__all__ = [
    "Account",
    "Activity",
    "Base",
    "Contact",
    "DataCorrection",
    "DealNote",
    "ImportRun",
    "Opportunity",
    "Product",
    "User",
    "connect",
    "migrate",
    "session_factory",
]
