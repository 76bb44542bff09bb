"""How reps ask about each objection of the demo company, in words of our own (not the generator's).

``DEV`` phrasings were used while the plays were built and tuned; ``HELD_OUT`` phrasings were written
apart and are only run for the final report, so they show how the plays do on questions nobody tuned for.
"""

from __future__ import annotations

DEV: dict[str, list[str]] = {
    "price": ["what worked when the customer said we were too expensive",
              "how do I handle a buyer who says our price is too high",
              "the CFO thinks our annual fee is too steep",
              "finance is pushing back on the cost"],
    "incumbent": ["they are happy with their current vendor, how do I get them to switch",
                  "how did we win against an entrenched incumbent",
                  "the prospect worries that moving off their existing supplier is risky"],
    "security": ["their security team wants a full review before buying",
                 "the CISO is nervous about where our data is kept",
                 "how do we get through a security questionnaire and pen-test request"],
    "integration": ["they think integrating with their ERP will take too long",
                    "IT has no bandwidth for another integration",
                    "how do we handle integration worries about legacy systems"],
    "timing": ["the budget is frozen until next year",
               "they want to wait until the quarter is over",
               "not a priority right now because of a reorg"],
    "compliance": ["legal needs to confirm GDPR and HIPAA are covered",
                   "their auditors want to know about data retention",
                   "they need a data processing agreement before signing"],
    "adoption": ["they doubt their people will actually use the tool",
                 "their last rollout flopped and users resisted",
                 "how do we convince them end users will adopt it"],
}

HELD_OUT: dict[str, list[str]] = {
    "price": ["the prospect balks at the sticker price", "our quote blew past what they had set aside"],
    "incumbent": ["they'd rather stick with the provider they already have",
                  "their engineers are used to the other vendor's tools"],
    "security": ["infosec must sign off on us before any contract", "they want our SOC 2 and pen test results"],
    "integration": ["hooking us into their back-office systems looks like a months-long project",
                    "their records are spread over three old systems"],
    "timing": ["money won't be available until the new financial year",
               "come back after the restructuring, they said"],
    "compliance": ["their lawyers have questions about privacy regulations",
                   "we need to show how long we keep their records"],
    "adoption": ["staff might ignore yet another application after go-live",
                 "people there push back on any change to how they work"],
}
