"""The demo's questions: what a rep, a manager and sales-ops would ask on a Monday morning,
with names taken from the workspace so every question has a real answer."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from copilot.crm.models import OPEN_STAGES, Account, Opportunity, Product, User


def demo_questions(engine: Engine) -> list[tuple[str, str]]:
    """(user, question) pairs for the guided tour."""
    with engine.connect() as conn:
        rep = conn.execute(select(User.name).join(Opportunity, Opportunity.user_id == User.id)
                           .where(Opportunity.stage.in_(OPEN_STAGES), User.role == "rep")
                           .group_by(User.name).order_by(func.count().desc(), User.name).limit(1)).scalar()
        manager = conn.execute(select(User.name).where(User.role == "manager").order_by(User.name).limit(1)).scalar()
        key = conn.execute(
            select(Account.name).join(Opportunity, Opportunity.account_id == Account.id)
            .join(Product, Product.id == Opportunity.product_id).where(Opportunity.stage.in_(OPEN_STAGES))
            .group_by(Account.name, Account.tier).order_by((Account.tier == "key").desc(), func.sum(Product.list_price).desc())
            .limit(1)).scalar()
        mine = conn.execute(
            select(Account.name).join(Opportunity, Opportunity.account_id == Account.id).join(User, User.id == Opportunity.user_id)
            .where(User.name == rep, Opportunity.stage.in_(OPEN_STAGES)).order_by(Account.name).limit(1)).scalar()
    questions = [("ops", "How many deals are in each stage?"),
                 ("ops", "Who are the top 3 reps by won revenue?")]
    if manager:
        questions.append((manager, "What's my team's win rate?"))
    if rep:
        questions.append((rep, "How many open deals do I have?"))
    if key:
        questions.append(("ops", f"Brief me on {key}."))
    if rep:
        questions.append((rep, "What worked when the customer's security team wanted a review first?"))
    if rep and mine:
        questions.append((rep, f"Draft an email to {mine} about next steps"))
        questions.append((rep, f"When should I follow up with {mine}?"))
    return questions
