"""A Slack user is the CRM user linked by Slack id, else the one with their Slack profile's e-mail; anyone else is
nobody (against a local fake of Slack's Web API)."""

from __future__ import annotations

from slack_sdk import WebClient
from sqlalchemy import Engine, update

from copilot.crm.models import User
from copilot.slack.identity import SlackDirectory
from tests import world
from evals.slack_fake import fake_slack


def test_linked_by_slack_id_then_by_profile_email_and_cached(engine: Engine) -> None:
    world.build(engine)
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Rick Rep").values(slack_user_id="URICK"))
    with fake_slack() as slack:
        slack.profiles = {"UMONA": {"email": "U2@OurCo.example"}, "USTRANGER": {"email": "who@else.example"}}
        directory = SlackDirectory(engine, WebClient(token="xoxb-test", base_url=slack.url))
        rick = directory.identity("URICK")
        assert rick is not None and rick.name == "Rick Rep"
        assert slack.called("users.info") == []  # linked by id: Slack is not asked
        mona = directory.identity("UMONA")
        assert mona is not None and mona.name == "Mona Manager" and mona.role == "manager"
        assert directory.identity("UMONA") is not None
        assert len(slack.called("users.info")) == 1  # the profile is cached
        assert directory.identity("USTRANGER") is None
        assert directory.identity("UNOBODY") is None  # users.info says user_not_found


def test_a_profile_email_that_only_folds_to_a_users_is_not_theirs(engine: Engine) -> None:
    """"Straße" folds to "strasse" but is another address: a Slack profile with it is not linked to the CRM user
    whose address is spelt with "ss", as no mail server would deliver one's mail to the other. Case alone still links."""
    world.build(engine)
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Mona Manager").values(email="strasse@ourco.example"))
    with fake_slack() as slack:
        slack.profiles = {"UFOLD": {"email": "straße@ourco.example"}, "UCASE": {"email": "STRASSE@OurCo.example"}}
        directory = SlackDirectory(engine, WebClient(token="xoxb-test", base_url=slack.url))
        assert directory.identity("UFOLD") is None
        mona = directory.identity("UCASE")
        assert mona is not None and mona.name == "Mona Manager"
