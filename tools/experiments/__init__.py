"""Online experiments: which suggestion a rep is shown, and whether it won more replies and deals.

- ``design.py``: experiments declared in a TOML file (``COPILOT_EXPERIMENTS_FILE``, else ``experiments.toml`` in
  the workspace), validated;
- ``assign.py``: the deterministic hash that puts a unit (rep, account, contact or conversation) in a variant;
- ``exposures.py``: the hook the copilot's tools call when they show a suggestion an experiment applies to, and
  the rows it writes (one per showing);
- ``outcomes.py``: replies, stage advances, won deals and revenue from the CRM, attributed to the exposures
  (intention to treat), one row per randomised unit with a pre-period covariate: the table the statistics read.
"""
