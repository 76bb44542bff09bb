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


def test_only_a_person_of_this_workspace_is_linked_by_their_own_address(engine: Engine) -> None:
    """The profile address stands for a CRM user only when it is a person of the app's own workspace (or Enterprise
    Grid organisation) with an address Slack has not marked unconfirmed, compared in ASCII lower case, and only when
    it names one CRM user not already linked to another Slack id."""
    world.build(engine)
    with engine.begin() as conn:
        conn.execute(update(User).where(User.name == "Rick Rep").values(email="kate@ourco.example"))
        conn.execute(update(User).where(User.name == "Rita Rep").values(email="Boss@ourco.example"))
        conn.execute(update(User).where(User.name == "Carl Rep").values(email="boss@ourco.example"))
        conn.execute(update(User).where(User.name == "Nate Manager").values(slack_user_id="UNATE"))
    mona = {"email": "u2@ourco.example"}
    with fake_slack() as slack:
        slack.profiles = {"UKELVIN": {"email": "\u212aate@ourco.example"}, "UTWIN": {"email": "boss@ourco.example"},
                          "UBOTX": mona, "UAPP": mona, "UGONE": mona, "UFOREIGN": mona, "USTRANGE": mona,
                          "UUNCONFIRMED": mona, "UPLUS": {"email": "u2+x@ourco.example"},
                          "UDOT": {"email": "u2@ourco.example."}, "USECOND": {"email": "u5@ourco.example"},
                          "UMONA": {"email": " U2@OURCO.example "}}
        slack.users = {"UBOTX": {"is_bot": True}, "UAPP": {"is_app_user": True}, "UGONE": {"deleted": True},
                       "UFOREIGN": {"team_id": "TOTHER"}, "USTRANGE": {"is_stranger": True},
                       "UUNCONFIRMED": {"is_email_confirmed": False}}
        directory = SlackDirectory(engine, WebClient(token="xoxb-test", base_url=slack.url))
        linked = {user: getattr(directory.identity(user), "name", None) for user in slack.profiles}
        assert linked == {**{user: None for user in slack.profiles}, "UMONA": "Mona Manager"}

    with fake_slack() as slack:  # an Enterprise Grid install: a person of the organisation, from any of its workspaces
        slack.enterprise_id = "E1"
        slack.profiles = {"UGRID": mona, "UOUTSIDE": mona}
        slack.users = {"UGRID": {"team_id": "T2", "enterprise_user": {"enterprise_id": "E1"}},
                       "UOUTSIDE": {"team_id": "T3", "enterprise_user": {"enterprise_id": "E9"}}}
        directory = SlackDirectory(engine, WebClient(token="xoxb-test", base_url=slack.url))
        assert getattr(directory.identity("UGRID"), "name", None) == "Mona Manager"
        assert directory.identity("UOUTSIDE") is None


def test_a_failed_profile_lookup_is_asked_again_and_not_kept_as_nobody(engine: Engine) -> None:
    """users.info failing for a moment (Slack's fatal_error, a rate limit past its retries) leaves the person unlinked
    for that event only: the next one asks again, where "user_not_found" is kept like an answer."""
    world.build(engine)
    with fake_slack() as slack:
        slack.profiles = {"UMONA": {"email": "u2@ourco.example"}}
        slack.refusals = {"users.info": ["fatal_error", "ratelimited"]}
        directory = SlackDirectory(engine, WebClient(token="xoxb-test", base_url=slack.url))
        assert directory.identity("UMONA") is None and directory.identity("UMONA") is None
        assert getattr(directory.identity("UMONA"), "name", None) == "Mona Manager"
        assert directory.identity("UNOBODY") is None and directory.identity("UNOBODY") is None
        assert [c["user"] for c in slack.called("users.info")] == ["UMONA"] * 3 + ["UNOBODY"]
