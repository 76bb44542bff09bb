"""Every rep and every manager against every account none of whose deals or touches are theirs, through
the tools that read deals, contacts and touches: a refusal with no figure and no contact detail."""

from __future__ import annotations

import datetime as dt
import json
import re

from sqlalchemy import text

from copilot.context import CopilotContext
from copilot.crm.identity import account_in_scope, identity_for
from copilot.crm.names import Names
from copilot.toolbox import run_tool

NOW = dt.datetime(2026, 11, 20, 9, 0)


def test_every_user_against_every_foreign_account(demo_workspace) -> None:  # noqa: ANN001
    settings, engine = demo_workspace
    names = Names.load(engine)
    with engine.connect() as conn:
        users = conn.execute(text("SELECT name FROM users WHERE role IN ('rep', 'manager') ORDER BY name")).scalars().all()
        accounts = conn.execute(text("SELECT id, name FROM accounts WHERE id IN (SELECT account_id FROM opportunities) "
                                     "ORDER BY name")).all()
        contacts: dict[int, list[tuple[str, str]]] = {}
        for account_id, name, email in conn.execute(text("SELECT account_id, name, email FROM contacts")):
            contacts.setdefault(account_id, []).append((name or "", email))
    pairs = refusals = 0
    for user in users:
        me = identity_for(engine, user)
        ctx = CopilotContext(identity=me, engine=engine, settings=settings, clock=lambda: NOW, _names=names)
        with engine.connect() as conn:
            foreign = [a for a in accounts if not account_in_scope(conn, me, a.id)]
        for account in foreign:
            pairs += 1
            people = contacts.get(account.id, [])
            calls = [("crm_query", {"metrics": ["count", "won_revenue", "win_rate", "open_pipeline_list_price"],
                                    "filters": {"account": [account.name]}}),
                     ("crm_query", {"entity": "activities", "metrics": ["touches", "replies"],
                                    "filters": {"account": [account.name]}}),
                     ("customer_profile", {"account": account.name}),
                     ("next_followup", {"account": account.name}),
                     *(("next_followup", {"contact_email": email}) for _, email in people[:2])]
            for tool, args in calls:
                out = json.loads(run_tool(ctx, tool, args))
                assert out.get("type") == "ScopeError", (user, account.name, tool, out)
                message = out["error"].replace(me.name, "")  # the caller's own name, as in "you see X's deals"
                assert not re.search(r"\d", message.replace(account.name, "")), (user, tool, message)
                for name, email in people:
                    assert email not in message and (not name or name not in message), (user, tool, message)
                refusals += 1
    assert pairs > 500 and refusals >= 4 * pairs  # the demo company has many foreign pairs: the loop ran
