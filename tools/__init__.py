"""The copilot's tools: typed, scope-checked functions over the CRM and the deal archive."""
