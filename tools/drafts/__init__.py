"""The offline e-mail writer: what a draft offers (concepts), in which words (a phrasebook per language,
in ``prompts/email/``), and the check that nothing internal reaches a customer (``guard``)."""
