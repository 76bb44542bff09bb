"""Human review of the copilot's actions: the policy (what needs an approver, who approves), the
approval requests and decisions, and the outbox that sends approved e-mails exactly once."""
