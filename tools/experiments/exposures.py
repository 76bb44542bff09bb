"""The hook a tool calls when it shows a suggestion: which variant decides it, and the exposure row.

A tool builds a :class:`Showing` for its run (who sees the suggestion, in which conversation, when), asks it for
the :class:`Arm` of the experiment deciding that kind of suggestion for this unit, shows what the arm's variant
uses, and records the showing. No running experiment, or a unit the experiment cannot be assigned on (outside its
window, no conversation id), gives no arm: the tool does what it does without experiments and nothing is written.

An experiments file that cannot be read does not stop the copilot: the problem is logged once (``copilot ab list``
names it) and suggestions are shown as without experiments.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, insert, select

from copilot.crm.models import OPEN_STAGES, Account, Contact, Exposure, Opportunity
from tools.experiments.assign import assign, unit_key
from tools.experiments.design import Experiment, ExperimentsFileError, Variant, experiments_for

log = logging.getLogger("copilot.experiments")
_told: set[str] = set()


@dataclass(frozen=True)
class Arm:
    """A unit's variant in the experiment deciding a suggestion."""

    experiment: Experiment
    variant: Variant
    unit_id: str

    @property
    def uses(self) -> str:
        return self.variant.shows


class Showing:
    """A suggestion about to be shown to ``rep`` (name and user id) in conversation ``thread_id`` at ``at``."""

    def __init__(self, engine: Engine, experiments: tuple[Experiment, ...], *, rep: str, user_id: int | None,
                 thread_id: str = "", at: dt.datetime) -> None:
        self.engine, self.experiments = engine, experiments
        self.rep, self.user_id, self.thread_id = rep, user_id, thread_id or ""
        self.at = at.astimezone(dt.UTC).replace(tzinfo=None) if at.tzinfo else at  # naive UTC, as stored

    @classmethod
    def of(cls, ctx: Any) -> Showing | None:
        """The showing for a tool's run context; None when the workspace runs no experiment, or when the run
        is an evaluation's (a named variant decides everything then, and its turns are not exposures)."""
        if getattr(ctx.settings, "experiments_path", None) is None:  # settings of another kind: no experiments
            return None
        variant = getattr(ctx, "variant", None)
        if variant is not None and getattr(variant, "name", "default") != "default":
            return None
        try:
            experiments = experiments_for(ctx.settings)
        except ExperimentsFileError as exc:
            if str(exc) not in _told:
                _told.add(str(exc))
                log.warning("experiments are off: %s", exc)
            return None
        if not experiments:
            return None
        return cls(ctx.engine, experiments, rep=ctx.identity.name, user_id=ctx.identity.user_id,
                   thread_id=getattr(ctx, "thread_id", "") or "", at=ctx.clock())

    def arm(self, kind: str, *, contact: str | None = None, account: str | None = None) -> Arm | None:
        """The arm of the experiment running now that decides ``kind`` for this unit, if any."""
        ids = {"rep": self.rep, "conversation": self.thread_id, "contact": contact, "account": account}
        for experiment in self.experiments:
            if experiment.applies_to != kind or not experiment.running(self.at):
                continue
            unit_id = ids.get(experiment.unit)
            variant = assign(experiment, unit_id, self.at) if unit_id else None
            if variant is not None:
                return Arm(experiment, variant, unit_key(experiment.unit, unit_id or ""))
        return None

    def record(self, arm: Arm, *, contact: str | None = None, account: str | None = None,
               shown: dict[str, Any] | None = None) -> int:
        """Write the exposure: the arm, the subject (contact, account and the account's open deals with their
        stages), the rep, the conversation, the time and what was shown. Returns its id."""
        with self.engine.begin() as conn:
            contact_id = account_id = None
            if contact:
                row = conn.execute(select(Contact.id, Contact.account_id)
                                   .where(func.lower(Contact.email) == contact.strip().lower())).first()
                if row is not None:
                    contact_id, account_id = row
            if account_id is None and account:
                account_id = conn.execute(select(Account.id).where(Account.name == account)).scalar()
            deals = None
            if account_id is not None:
                deals = {d: s for d, s in conn.execute(
                    select(Opportunity.id, Opportunity.stage).where(Opportunity.account_id == account_id,
                                                                    Opportunity.stage.in_(OPEN_STAGES))
                    .order_by(Opportunity.id))}
            return int(conn.execute(insert(Exposure).values(
                experiment=arm.experiment.name, variant=arm.variant.name, unit=arm.experiment.unit,
                unit_id=arm.unit_id, kind=arm.experiment.applies_to, shown_at=self.at, user_id=self.user_id,
                contact_id=contact_id, account_id=account_id, deals=deals, thread_id=self.thread_id or None,
                shown={"uses": arm.uses, **(shown or {})})).inserted_primary_key[0])
