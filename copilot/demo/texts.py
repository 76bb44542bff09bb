"""The words of the synthetic demo company: objections customers raise, and the plays that answered
them well or badly. Won deals mostly used a winning play for their objection; lost deals mostly
did not. Varied phrasings keep search over the archive meaningful."""

from __future__ import annotations

import random

# objection key -> (how the customer says it, winning plays, losing plays)
OBJECTIONS: dict[str, dict[str, list[str]]] = {
    "price": {
        "said": ["the price is well above what they budgeted", "finance pushed back on the total cost",
                 "they think we are 30% more expensive than the alternative", "the CFO wants a lower annual fee"],
        "won": ["built an ROI model from their own ticket volumes showing payback inside nine months",
                "proposed a phased rollout starting with one business unit to spread the cost",
                "offered multi-year pricing that locks today's rate in exchange for a two-year term"],
        "lost": ["offered a blanket discount without tying it to value",
                 "kept repeating the list price and the feature sheet"],
    },
    "incumbent": {
        "said": ["they are happy enough with their current vendor", "switching away from the incumbent feels risky",
                 "their team already knows the incumbent's tooling", "the incumbent offered a renewal discount"],
        "won": ["ran a side-by-side proof of concept against the incumbent on their real data",
                "shared a reference call with a customer who migrated from the same incumbent",
                "mapped the incumbent's gaps to the three pains they named in discovery"],
        "lost": ["criticised the incumbent openly, which put the champion on the defensive",
                 "sent a generic competitive battlecard"],
    },
    "security": {
        "said": ["their security team needs a full review before any purchase",
                 "the CISO is worried about where the data is stored",
                 "they asked for our penetration-test results and SOC 2 report"],
        "won": ["brought our security engineer to walk the CISO through the architecture and SOC 2 report",
                "pre-filled their security questionnaire and offered a private deployment option",
                "arranged a call with our head of security and shared the pen-test summary under NDA"],
        "lost": ["told them the security review could happen after signature",
                 "sent the questionnaire back half answered"],
    },
    "integration": {
        "said": ["they fear the integration with their ERP will take months",
                 "IT has no capacity for another integration project this quarter",
                 "their data lives in three legacy systems"],
        "won": ["scoped a two-week integration with our solutions engineer using the prebuilt ERP connector",
                "offered our professional-services team for the first integration at a fixed fee",
                "demonstrated the connector live against a copy of their ERP"],
        "lost": ["promised the integration would be easy without scoping it",
                 "left the integration plan to their overloaded IT team"],
    },
    "timing": {
        "said": ["the budget is frozen until next fiscal year", "this is not a priority until the reorg settles",
                 "they want to revisit after the current quarter closes"],
        "won": ["tied the start date to their fiscal calendar and got a signed letter of intent",
                "found a smaller pilot that fit the current quarter's discretionary budget",
                "helped the champion build the business case for the next budget cycle"],
        "lost": ["pushed hard for signature before the quarter end",
                 "stopped following up once they said next year"],
    },
    "compliance": {
        "said": ["legal needs to confirm HIPAA and GDPR obligations are covered",
                 "their auditors ask how we handle data retention", "compliance wants a data processing agreement"],
        "won": ["sent our signed DPA and HIPAA business associate agreement the same day",
                "walked their auditors through retention controls and audit logs",
                "connected their legal team with ours to agree the DPA in one session"],
        "lost": ["said compliance was the customer's responsibility",
                 "took three weeks to return the DPA redlines"],
    },
    "adoption": {
        "said": ["they doubt their teams will actually use another tool",
                 "the last rollout of a similar product failed", "end users resist change"],
        "won": ["proposed a champion programme with training for the first fifty users",
                "shared adoption metrics from a similar rollout in their sector",
                "offered a 60-day success plan with weekly usage reviews"],
        "lost": ["assumed adoption would follow the purchase", "offered only self-serve documentation"],
    },
}

OPENERS = [
    "Discovery with {contact} ({title}) at {account}.",
    "Met {contact}, {title} at {account}, about {product}.",
    "Call with {contact} ({title}); {account} is evaluating {product}.",
    "{account} ({sector}) looked at {product} with {contact}, their {title}.",
]
PAINS = {
    "technology": ["release cycles slowed by manual steps", "costs of idle infrastructure"],
    "software": ["flaky deployments", "customer-facing incidents"],
    "medical": ["patient-data audits", "slow reporting across clinics"],
    "healthcare": ["patient-data audits", "staff time lost to paperwork"],
    "retail": ["peak-season outages", "inventory data scattered across stores"],
    "marketing": ["campaign data arriving too late", "reporting done by hand"],
    "finance": ["audit findings on access control", "month-end close taking too long"],
    "entertainment": ["streaming peaks", "rights data spread over spreadsheets"],
    "telecommunications": ["network events nobody correlates", "churn they cannot explain"],
    "services": ["utilisation reporting", "project margins eroding"],
    "employment": ["candidate data quality", "slow onboarding"],
    "manufacturing": ["plant data locked in silos", "unplanned downtime"],
    "logistics": ["shipment visibility gaps", "route data arriving late"],
    "education": ["student-record privacy", "term-start load spikes"],
    "energy": ["field-asset data quality", "regulatory reporting effort"],
}
OUTCOME_LINES = {
    "Won": ["They signed; {play_short} was what moved them.", "Closed won. The turning point: we {play}.",
            "Won after we {play}."],
    "Lost": ["Lost. We {play}, and it did not address their concern.", "Closed lost: we {play}.",
             "They went another way after we {play}."],
}
SUBJECTS_OUT = ["Following up on {product}", "{account} and {product}: next steps", "Quick question, {first}",
                "Notes from our call", "{product} for {account}", "Checking in"]
BODIES_OUT = [
    "Hi {first}, following up on {product} for {account}. Would a short call this week help?",
    "Hi {first}, I put together a few notes on how {product} handles {pain}. Worth 20 minutes?",
    "Hi {first}, sharing a customer story from {sector}. Happy to walk you through it.",
    "Hi {first}, checking whether the proposal answered your questions on {product}.",
]
REPLIES = [
    "Thanks, {rep}. {objection_cap}; can you send more detail?",
    "Hi {rep}, got it. Let me check internally and come back to you.",
    "Thanks for the note. Honestly, {objection}.",
    "Appreciate it. Can we talk next week?",
]


def pick(rng: random.Random, options: list[str]) -> str:
    return options[rng.randrange(len(options))]


def first_clause(text: str) -> str:
    return text.split(" to ")[0].split(" that ")[0]
