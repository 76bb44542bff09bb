"""A small CRM built row by row for the review tests: two teams, key and standard accounts, a parent
company, contacts, open and closed deals."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, insert

from copilot.crm.models import Account, Contact, Opportunity, Product, User

USERS = [  # id, name, role, manager_id
    (1, "Olivia Ops", "ops", None), (2, "Mona Manager", "manager", None), (3, "Rick Rep", "rep", 2),
    (4, "Rita Rep", "rep", 2), (5, "Nate Manager", "manager", None), (6, "Carl Rep", "rep", 5),
    (7, "Gina Group", "rep", 5),
]
ACCOUNTS = [  # id, name, tier, parent_id
    (1, "Standard Co", "standard", None), (2, "Keystone", "key", None), (3, "Holding Group", "standard", None),
    (4, "Keystone Labs", "standard", 2), (5, "Bigdeal", "standard", None), (6, "Carlco", "standard", None),
    (7, "Keystone Parent", "standard", None), (8, "Child Key", "key", 7),
]
CONTACTS = [  # id, email, name, account_id
    (1, "sam@standard.example", "Sam Stone", 1), (2, "kim@keystone.example", "Kim Key", 2),
    (3, "lab@keystonelabs.example", "Lee Lab", 4), (4, "bo@bigdeal.example", "Bo Big", 5),
    (5, "cat@carlco.example", "Cat Carl", 6), (6, "pat@parent.example", "Pat Parent", 7),
]


def build(engine: Engine) -> None:
    with engine.begin() as conn:
        conn.execute(insert(User), [{"id": i, "name": n, "role": r, "manager_id": m, "email": f"u{i}@ourco.example"}
                                    for i, n, r, m in USERS])
        conn.execute(insert(Account), [{"id": i, "name": n, "tier": t, "parent_id": p, "sector": "software"}
                                       for i, n, t, p in ACCOUNTS])
        conn.execute(insert(Contact), [{"id": i, "email": e, "name": n, "account_id": a, "timezone": "UTC"}
                                       for i, e, n, a in CONTACTS])
        conn.execute(insert(Product), [{"id": 1, "name": "Small", "list_price": 1000},
                                       {"id": 2, "name": "Huge", "list_price": 200_000}])
        deals = [("DL0001", 3, 1, 1, "Engaging"), ("DL0002", 3, 1, 2, "Engaging"), ("DL0003", 3, 1, 4, "Prospecting"),
                 ("DL0004", 4, 2, 5, "Engaging"), ("DL0005", 4, 2, 5, "Prospecting"), ("DL0006", 6, 1, 6, "Engaging"),
                 ("DL0007", 3, 1, 7, "Engaging"), ("DL0008", 4, 1, 8, "Won")]
        conn.execute(insert(Opportunity), [{"id": d, "user_id": u, "product_id": p, "account_id": a, "stage": s,
                                            "engage_date": dt.date(2026, 10, 1),
                                            "close_value": 1000 if s == "Won" else None,
                                            "close_date": dt.date(2026, 11, 1) if s == "Won" else None}
                                           for d, u, p, a, s in deals])
        if engine.dialect.name == "postgresql":  # explicit ids: move the sequences past them
            from sqlalchemy import text

            for table in ("users", "accounts", "contacts", "products"):
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), 100)"))
