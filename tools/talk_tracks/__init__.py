"""Talk tracks: search over a vector store of past deals' notes, call summaries and e-mails."""
