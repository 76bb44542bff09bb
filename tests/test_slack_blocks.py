"""Block Kit builders and Slack thread ids: pure functions, tested on their own."""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from copilot.runner import THREAD_ID
from copilot.slack.blocks import SECTION_LIMIT, answer_blocks, escape, fallback_text
from copilot.slack.threads import thread_id


def test_crm_text_cannot_mention_link_or_unfurl() -> None:
    hostile = ("<!channel> ping @here and @everyone <@U123> see <https://evil.example|click> "
               "http://evil.example/x www.evil.com mail bob@evil.io & co")
    safe = escape(hostile)
    assert "<" not in safe and ">" not in safe and "&amp; co" in safe
    assert "@here" not in safe and "@everyone" not in safe and "<!channel>" not in safe
    assert "://" not in safe and "www." not in safe and "evil.example" not in safe and "evil.io" not in safe
    # what a reader sees is the same words
    assert safe.replace("\u200b", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") == hostile


@given(st.text(max_size=300))
def test_escaped_text_never_carries_slack_syntax(text: str) -> None:
    safe = escape(text)
    assert "<" not in safe and ">" not in safe
    assert "://" not in safe
    for word in ("@channel", "@here", "@everyone"):
        assert word not in safe.lower()


def test_answer_blocks() -> None:
    answer = "Won revenue for Anna Snelling: $275,056 from 208 won deals.\n" + "x" * (SECTION_LIMIT + 10)
    blocks = answer_blocks(answer, sources=[f"D{i}" for i in range(12)], model="offline", prompt_version="abc123",
                           feedback_value="t1")
    sections = [b for b in blocks if b["type"] == "section"]
    assert len(sections) == 3 and all(len(b["text"]["text"]) <= SECTION_LIMIT for b in sections)
    assert sections[0]["text"]["text"].startswith("Won revenue for Anna Snelling: $275,056")
    contexts = [b["elements"][0]["text"] for b in blocks if b["type"] == "context"]
    assert contexts[0] == "Records: D0, D1, D2, D3, D4, D5, D6, D7, D8, D9 and 2 more"
    assert "AI-generated" in contexts[1]
    buttons = next(b for b in blocks if b["type"] == "actions")["elements"]
    assert [b["action_id"] for b in buttons] == ["feedback_up", "feedback_down"]
    assert all(b["value"] == "t1" for b in buttons)
    json.dumps(blocks)  # what is posted is plain JSON
    assert fallback_text("<!here> hi\nmore") == "&lt;!here&gt; hi"


def test_one_conversation_per_person_per_slack_thread() -> None:
    a = thread_id("T1", "C1", "1700000000.000100", "U1")
    assert a == thread_id("T1", "C1", "1700000000.000100", "U1")  # the same after a restart
    assert a != thread_id("T1", "C1", "1700000000.000100", "U2")  # two people, two conversations
    assert a != thread_id("T1", "C1", "1700000000.000200", "U1")
    assert a != thread_id("T2", "C1", "1700000000.000100", "U1")
    assert THREAD_ID.fullmatch(a)


def test_slack_settings(monkeypatch) -> None:  # noqa: ANN001
    import pytest
    from pydantic import ValidationError

    from copilot.settings import Settings

    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-1-2-3")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:9999/api")
    monkeypatch.setenv("PORT", "3100")
    s = Settings()
    assert s.slack_bot_token is not None and s.slack_bot_token.get_secret_value() == "xoxb-1-2-3"
    assert "xoxb" not in repr(s)  # secrets never printed
    assert s.slack_api_url == "http://127.0.0.1:9999/api/" and s.port == 3100 and s.slack_app_token is None
    monkeypatch.setenv("SLACK_APP_TOKEN", "xoxb-wrong-kind")
    with pytest.raises(ValidationError, match="SLACK_APP_TOKEN"):
        Settings()


def test_a_draft_card_shows_outside_text_literally_with_its_buttons() -> None:
    from copilot.slack.blocks import draft_blocks
    from copilot.state import draft_version

    draft = {"draft_id": "d_1", "to": "Sam <sam@standard.example>", "account": "Acme <!channel>", "subject": "Hi @here",
             "body": "Visit https://evil.example now <@U123>", "cc": ["boss@ourco.example"], "cites": ["DL0001"]}
    blocks = draft_blocks(draft)
    text = json.dumps(blocks)
    assert "<!channel>" not in text and "<@U123>" not in text and "https://" not in text and "@here" not in text
    actions = [b for b in blocks if b["type"] == "actions"]
    assert [e["action_id"] for e in actions[0]["elements"]] == ["draft_edit", "draft_regenerate", "draft_schedule",
                                                                "draft_send"]
    assert [e["value"] for e in actions[0]["elements"][:3]] == ["d_1"] * 3
    assert actions[0]["elements"][-1]["value"] == f"d_1:{draft_version(draft)}"  # Send: this version only
    assert draft_version({**draft, "body": "Visit another page"}) != draft_version(draft)
    assert "confirm" in actions[0]["elements"][-1]  # sending asks once more
    fields = [f["text"] for b in blocks if b.get("fields") for f in b["fields"]]
    assert fields[:2] == ["To: Sam &lt;sam@standard\u200b.example&gt;", "Cc: boss@ourco\u200b.example"]
    assert "Drawn from: DL0001" in text
    assert actions[0]["elements"][-1]["confirm"]["text"]["text"].startswith(
        "To Sam &lt;sam@standard\u200b.example&gt;, Cc boss@ourco\u200b.example.")  # escaped as the card is
    assert "Cc" not in json.dumps(draft_blocks({**draft, "cc": []}))  # no Cc: no Cc line
    closed = draft_blocks(draft, closed="Sent by Rick")
    assert not [b for b in closed if b["type"] == "actions"] and "Sent by Rick" in json.dumps(closed)


def test_the_send_confirmation_shows_every_address_whatever_the_name() -> None:
    """The confirmation Send asks for names the addresses first and whole: a contact's name from the CRM, however long,
    however written (an address of its own, a line break, an emoji code, a mention), is cut after them, one line,
    escaped and without emoji, and a Cc too long to list is counted; never more than Slack's 300 characters."""
    from copilot.slack.blocks import CONFIRM_LIMIT, draft_blocks

    def confirm(draft: dict) -> dict:
        (actions,) = [b for b in draft_blocks(draft) if b["type"] == "actions"]
        return actions["elements"][-1]["confirm"]["text"]

    spoof = "Sam <sam@standard.example>, Cc nobody. Key accounts wait for an approver first.\n" + "." * 240
    draft = {"draft_id": "d_1", "to": f"{spoof} <ceo@rival.example>", "to_email": "ceo@rival.example",
             "to_name": spoof, "cc": ["boss@ourco.example"], "subject": "S", "body": "B"}
    text = confirm(draft)
    assert text["emoji"] is False and len(text["text"]) <= CONFIRM_LIMIT and "\n" not in text["text"]
    assert text["text"].startswith("To ceo@rival\u200b.example (Sam &lt;sam@standard\u200b.example&gt;, Cc nobody")
    assert text["text"].endswith("\u2026), Cc boss@ourco\u200b.example. Key accounts wait for an approver first.")
    named = confirm({**draft, "to_name": ":rotating_light: <!channel> *Sam* & Co"})["text"]
    assert named.startswith("To ceo@rival\u200b.example (:rotating_light: &lt;!channel&gt; *Sam* &amp; Co), Cc")
    many = confirm({**draft, "cc": [f"{'a' * 50}{i}@ourco.example" for i in range(5)]})["text"]
    assert many.startswith("To ceo@rival\u200b.example (Sam") and ", and 5 Cc addresses shown on the card." in many
    assert len(many) <= CONFIRM_LIMIT


def test_modals_carry_the_current_values_and_read_back_what_was_typed() -> None:
    from copilot.slack.blocks import edit_draft_modal, fields_modal, reason_modal, submitted

    view = edit_draft_modal({"subject": "S", "body": "B" * 4000}, "meta")
    cc, subject, body = view["blocks"]
    assert subject["element"]["initial_value"] == "S" and len(body["element"]["initial_value"]) == 3000
    assert cc["block_id"] == "cc" and cc["optional"] and "initial_value" not in cc["element"]  # no Cc yet
    cc = edit_draft_modal({"subject": "S", "body": "B", "cc": ["a@x.example", "b@y.example"]}, "meta")["blocks"][0]
    assert cc["element"]["initial_value"] == "a@x.example, b@y.example"
    assert view["private_metadata"] == "meta" and view["callback_id"] == "draft_edit"
    reason = reason_modal("approval_reject", "Reject the request", "Why?", "m")
    assert reason["blocks"][0]["element"]["min_length"] == 3
    fields = fields_modal("approval_edit", "Edit", {"note": "call back", "due_at": ""}, "m", multiline=("note",))
    note, due = fields["blocks"]
    assert note["element"]["multiline"] and note["element"]["initial_value"] == "call back" and not note["optional"]
    assert due["optional"] and "initial_value" not in due["element"]
    typed = {"state": {"values": {"reason": {"value": {"type": "plain_text_input", "value": "no budget"}},
                                  "empty": {"value": {"type": "plain_text_input", "value": None}}}}}
    assert submitted(typed) == {"reason": "no budget", "empty": ""}


def test_a_brief_card_shows_the_profile_as_fields_with_outside_text_escaped() -> None:
    from copilot.slack.blocks import brief_blocks

    profile = {"account": "Acme <!here>", "firmographics": {"sector": "tech @channel", "tier": "key",
                                                             "employees": 1200, "revenue_musd": 45.5},
               "deals": {"open_count": 2, "open_pipeline_list_price": 5000, "won_count": 1, "won_revenue": 900,
                         "lost_count": 0},
               "engagement": {"reply_rate": 0.25, "touches": 8}, "health": {"score": 71},
               "contacts": [{"name": "Eve <http://x.example|click>", "title": None}],
               "risks": ["stalled"], "next_step": "Call Eve", "scope": "your own deals"}
    blocks = brief_blocks(profile)
    text = json.dumps(blocks)
    fields = [f["text"] for b in blocks if b.get("fields") for f in b["fields"]]
    assert "Employees: 1,200" in fields and "Revenue: $45.5M" in fields and "Health: 71/100" in fields
    assert "Reply rate: 25% of 8 touches" in fields and "Open deals: 2 ($5,000 at list price)" in fields
    assert blocks[0]["text"]["type"] == "plain_text"  # Slack never reads mentions or links in plain text
    assert all("<!here>" not in json.dumps(b) for b in blocks[1:])
    assert "@channel" not in text and "<http" not in text and "None" not in text


@given(st.text(alphabet=st.sampled_from("ab&<> .\n"), min_size=2900, max_size=9000))
def test_escaped_sections_never_pass_slacks_limit_or_split_an_escape(text: str) -> None:
    from copilot.slack.blocks import sections

    parts = [b["text"]["text"] for b in sections(text)]
    assert all(len(p) <= SECTION_LIMIT for p in parts)
    for p in parts:  # every & starts a whole escape
        for i, ch in enumerate(p):
            if ch == "&":
                assert p[i:i + 5] == "&amp;" or p[i:i + 4] in ("&lt;", "&gt;"), p[i:i + 6]


def test_every_domain_and_address_is_broken_whatever_its_ending() -> None:
    import re

    for hostile in ("evil.ru/login", "go to bit.ly/x", "t.me/joinchat", "win.xyz", "p\u0430ypal.com",
                    "my_site.com", "write to support@evil.ru"):
        shown = escape(hostile)
        assert not re.search(r"\w\.[^\W\d_]", shown), (hostile, shown)
    assert escape("up 3.5% to $1.2M") == "up 3.5% to $1.2M"  # figures stay as they are


def test_the_approval_card_shows_the_whole_email() -> None:
    from copilot.slack.approvals import card_blocks

    body = "\n".join(f"Line {i}: " + "x" * 60 for i in range(150)) + "\nP.S. write to me privately"
    blocks = card_blocks({"id": "act_1", "summary": "send 'Hi' to kim", "args": {"body": body}, "args_hash": "h"},
                         "{}")
    shown = "".join(b["text"]["text"] for b in blocks if b.get("text") and b["type"] == "section").replace("\u200b", "")
    assert "P.S. write to me privately" in shown and "Line 0:" in shown and "Line 149:" in shown
    assert all(len(b["text"]["text"]) <= SECTION_LIMIT for b in blocks if b.get("text"))


def test_a_draft_card_shows_what_the_draft_rests_on_beside_it() -> None:
    from copilot.slack.blocks import draft_blocks

    draft = {"draft_id": "d_2", "to": "Sam <sam@standard.example>", "account": "Standard", "subject": "Next steps",
             "body": "Hi Sam,\n\nA small pilot would help.\n\nBest,\nRick", "cc": [], "cites": ["deal DL0002, 2026-01-02"],
             "plays": [{"play": "found a smaller pilot", "won": 7, "lost": 1, "why": "added"}],
             "notes": ["left out your point 'deal DL0009 terms': it names a deal"]}
    blocks = draft_blocks(draft)
    body = next(b for b in blocks if b.get("text", {}).get("text", "").startswith("Hi Sam"))
    context = json.dumps([b for b in blocks if b["type"] == "context"])
    assert "DL0002" not in json.dumps(body) and "pilot" in json.dumps(body)
    assert "Added from similar deals: found a smaller pilot (won 7, lost 1 where tried)" in context
    assert "Note: left out your point" in context


FORMATTED = "*Urgent* _call_ ~now~ `rm -rf` ```block``` **x**\n> quoted\nsnake_case NB_2024_17 a*b"


def _texts(blocks: list[dict]) -> list[dict]:
    """Every text object of the blocks (sections, fields, context elements), buttons and confirmations aside."""
    out = []
    for b in blocks:
        if b["type"] in ("section", "header") and b.get("text"):
            out.append(b["text"])
        out += b.get("fields") or []
        if b["type"] == "context":
            out += b["elements"]
    return out


def _formatting_slack_would_apply(text: str) -> list[str]:
    """The spans Slack's mrkdwn would format: a mark opening after a space, a line start or punctuation and
    touching a word, a line that starts with ">"."""
    marks = re.findall(r"(?:^|(?<=[\s(\"'.,;:!?]))([*_~`])(?=[^\s\u200b*_~`])[^\n]*?(?<=[^\s\u200b])\1(?![^\W_])",
                       text, re.MULTILINE)
    return marks + re.findall(r"^[ \t]*&gt;", text, re.MULTILINE)


def test_crm_text_shows_literally_and_ids_and_figures_copy_as_they_are() -> None:
    """Outside text in a card is plain text (Slack formats nothing there), character for character; in a message's
    mrkdwn text every formatting mark is kept from formatting, while ids and figures pass unchanged."""
    from copilot.slack.approvals import card_blocks
    from copilot.slack.blocks import brief_blocks, draft_blocks, home_view

    draft = {"draft_id": "d_1", "to": "*Sam* <sam@x.example>", "account": "_Acme_ ~Corp~", "subject": "`Re` *deal*",
             "body": FORMATTED, "cites": ["NB_2024_17"], "notes": ["*bold* note"], "plays": [
                 {"play": "_pilot_ first", "won": 3, "lost": 1, "why": "added"}]}
    profile = {"account": "Acme", "firmographics": {"sector": "*tech*", "parent_account": "_Holding_"},
               "deals": {"open_count": 2, "open_pipeline_list_price": 12000}, "engagement": {}, "health": {},
               "contacts": [{"name": "*Eve*", "title": "_CFO_"}], "risks": ["~stalled~"], "next_step": "`call` Eve",
               "scope": "your own deals"}
    request = {"id": "act_12", "summary": "send *this* to _kim_", "args": {"body": FORMATTED}, "args_hash": "ab12cd"}
    built = {
        "answer": answer_blocks(f"Won revenue: $12,345.67 (NB_2024_17)\n{FORMATTED}", sources=["NB_2024_17", "D1"],
                                model="offline", prompt_version="v1", feedback_value="t"),
        "draft": draft_blocks(draft), "closed": draft_blocks(draft, closed="Sent *now*"), "brief": brief_blocks(profile),
        "approval": card_blocks(request, "{}"), "decided": card_blocks(request, "{}", decided="Approved by _Mona_"),
        "home": home_view(name="*Rick*", day={"follow_ups_due": [{"account": "_Acme_", "due_at": "2025-01-02T10:00",
                                                                    "note": "*call*"}]},
                          pending=[{"status": "pending", "summary": "~send~", "id": "act_12"}], pipeline={})["blocks"],
    }
    for name, blocks in built.items():
        for obj in _texts(blocks):
            if obj["type"] == "mrkdwn":  # only the copilot's own labels stay mrkdwn
                assert not any(ch in obj["text"] for ch in "_~`") and obj["text"] in ("*E-mail draft (not sent)*",
                                                                                       "AI-generated by the sales "
                                                                                       "copilot from the CRM."), name
            else:  # plain text, the headers' own words aside with no emoji code read either
                assert obj["type"] == "plain_text", (name, obj)
                assert obj.get("emoji") is False or obj["text"] in ("Acme", "Your day"), (name, obj)
                assert "\u200b*" not in obj["text"] and "\u200b_" not in obj["text"], (name, obj)
    shown = json.dumps(built, ensure_ascii=False)
    assert FORMATTED.replace(">", "&gt;").replace("\n", "\\n") in shown.replace("\u200b", "")
    answer = json.dumps(built["answer"], ensure_ascii=False)
    assert "$12,345.67 (NB_2024_17)" in answer and "Records: NB_2024_17, D1" in answer  # copied as they are
    approval = json.dumps(built["approval"], ensure_ascii=False)
    assert "Request act_12, hash ab12cd" in approval and "send *this* to _kim_" in approval
    fields = [f["text"] for b in built["draft"] if b.get("fields") for f in b["fields"]]
    assert fields[1:] == ["Account: _Acme_ ~Corp~", "Subject: `Re` *deal*"]


@given(st.text(alphabet=st.sampled_from("ab1 *_~`>\n.,"), max_size=80))
def test_mrkdwn_text_never_formats_and_reads_the_same(text: str) -> None:
    safe = escape(text)
    assert not _formatting_slack_would_apply(safe), (text, safe)
    assert safe.replace("\u200b", "").replace("&gt;", ">") == text


def test_formatting_marks_in_message_text_are_kept_from_formatting_ids_and_figures_are_not() -> None:
    assert _formatting_slack_would_apply("*Urgent* _call_ ~now~ `x`\n&gt; q") == ["*", "_", "~", "`", "&gt;"]
    safe = escape(FORMATTED)
    assert not _formatting_slack_would_apply(safe)
    assert safe.replace("\u200b", "").replace("&gt;", ">") == FORMATTED
    for same in ("NB_2024_17", "act_12", "$12,345.67", "up 3.5% to $1.2M", "request 42, hash ab12cd", "a*b"):
        assert escape(same) == same
    z = "\u200b"
    assert fallback_text("*Won*: $1,200 for _Acme_") == f"{z}*{z}Won{z}*{z}: $1,200 for {z}_{z}Acme{z}_{z}"


def test_the_approval_card_of_the_longest_email_is_one_slack_takes() -> None:
    """The longest body an e-mail may have, in lines just over half a section long once escaped: each line alone
    would need its own section, past Slack's 50 blocks, and the approver would get no card; the body is then cut
    into full sections, whole."""
    from slack_sdk.models.blocks import Block

    from copilot.actions import SendEmailArgs
    from copilot.slack.approvals import card_blocks

    line = "&" * 300
    body = "\n".join([line] * 66)
    args = SendEmailArgs(account="Acme", to="kim@acme.example", subject="Terms", body=body).model_dump()
    blocks = card_blocks({"id": "act_1", "tool": "send_email", "summary": "send 'Terms' to kim", "args": args,
                          "args_hash": "h"}, "{}")
    assert len(blocks) <= 50
    for block in blocks:
        Block.parse(block).validate_json()
    shown = "".join(b["text"]["text"] for b in blocks if b["type"] == "section" and b.get("text"))
    assert shown.count("&amp;") == 300 * 66  # every character, none cut in two


def test_an_answer_past_slacks_50_blocks_is_several_messages_each_card_whole_with_its_buttons() -> None:
    """Six long drafts in one answer need more than Slack's 50 blocks: they come in several messages Slack takes, in
    order, each draft's card whole (so its Send button is beside its words), the feedback buttons closing the last;
    nothing is left out."""
    from slack_sdk.models.blocks import Block

    from copilot.slack.blocks import BLOCK_LIMIT, TEXT_LIMIT, answer_messages, draft_blocks, text_size

    body = "\n\n".join(f"Paragraph {p}: " + "word " * 500 for p in range(6))
    drafts = [{"draft_id": f"d_{i}", "to": f"p{i}@acme.example", "account": "Acme", "subject": f"Draft {i}",
               "body": body + f"\n\nEnd of draft {i}", "cc": [], "cites": []} for i in range(6)]
    kwargs = {"sources": ["D1"], "model": "offline", "prompt_version": "abc", "feedback_value": "{}", "drafts": drafts}
    whole = answer_blocks("Here are six drafts.", **kwargs)
    assert len(whole) > BLOCK_LIMIT
    messages = answer_messages("Here are six drafts.", **kwargs)
    assert len(messages) > 1 and [b for m in messages for b in m] == whole  # in order, nothing lost
    for message in messages:
        assert len(message) <= BLOCK_LIMIT and text_size(message) <= TEXT_LIMIT  # what Slack takes in one message
        for block in message:
            Block.parse(block).validate_json()
    for draft in drafts:  # each card longer than one message holds: in consecutive messages, Send after its last word
        card = draft_blocks(draft)
        assert text_size(card) > TEXT_LIMIT
        flat = [(n, b) for n, m in enumerate(messages) for b in m]
        start = next(i for i in range(len(flat)) if [b for _, b in flat[i:i + len(card)]] == card)
        where = [n for n, _ in flat[start:start + len(card)]]
        assert where[-1] - where[0] == 1, where  # two messages, one after the other, the buttons in the second
    assert messages[-1][-1]["block_id"] == "feedback" and len(answer_messages("Short.", **{**kwargs, "drafts": []})) == 1
    shorter = [{**d, "body": "\n\n".join(body.split("\n\n")[:3])} for d in drafts]  # each fits one message
    messages = answer_messages("Here are six drafts.", **{**kwargs, "drafts": shorter})
    for draft in shorter:
        card = draft_blocks(draft)
        assert any(m[i:i + len(card)] == card for m in messages for i in range(len(m))), draft["draft_id"]  # whole


def test_the_slack_answer_is_delivered_in_as_many_messages_as_its_blocks_need() -> None:
    from types import SimpleNamespace

    from copilot.slack.conversations import _deliver_answer

    drafts = [{"draft_id": f"d_{i}", "to": f"p{i}@acme.example", "account": "Acme", "subject": f"Draft {i}",
               "body": ("word " * 700 + "\n\n") * 4, "cc": [], "cites": []} for i in range(5)]
    result = SimpleNamespace(answer="Five drafts.", sources=[], model="offline", prompt_version="p", drafts=drafts,
                             briefs=[], tool_calls=[], actions=[], notes=[])
    sent: list[dict] = []
    _deliver_answer(lambda **message: sent.append(message), result, "T1")
    assert len(sent) > 1 and all(len(m["blocks"]) <= 50 for m in sent)
    assert sent[0]["text"] == "Five drafts." and sent[1]["text"] == f"(continued, 2 of {len(sent)})"
    sends = [e for m in sent for b in m["blocks"] if b["type"] == "actions" for e in b["elements"]
             if e.get("action_id") == "draft_send"]
    assert len(sends) == 5


def test_a_draft_card_is_found_in_a_message_it_shares_open_or_closed() -> None:
    """Two drafts in one answer: each card runs from its first block to its buttons, the answer's words before them
    and the feedback after; a closed card (no buttons) ends with the line saying what became of it; a message holding
    only a card's last part starts with it."""
    from copilot.slack.blocks import card_span, draft_blocks

    drafts = [{"draft_id": f"d{n}", "to": "sam@standard.example", "account": "Standard Co", "subject": f"S{n}",
               "body": f"Body {n}"} for n in (1, 2)]
    blocks = answer_blocks("Two drafts.", sources=[], model="m", prompt_version="p", feedback_value="{}",
                           drafts=drafts)
    ids = [b.get("block_id") for b in blocks]
    one, two = card_span(blocks, "d1"), card_span(blocks, "d2")
    assert one == (ids.index("draft_card:d1"), ids.index("draft:d1"))
    assert two == (ids.index("draft_card:d2"), ids.index("draft:d2")) and one[0] > 0 and two[1] < len(blocks) - 1
    closed = [*blocks[:two[0]], *draft_blocks(drafts[1], closed="Sent."), *blocks[two[1] + 1:]]
    start, end = card_span(closed, "d2")
    assert closed[start]["block_id"] == "draft_card:d2" and "Sent." in json.dumps(closed[end])
    assert card_span(blocks[one[0] + 2:], "d1") == (0, one[1] - one[0] - 2)  # its first blocks in an earlier message
    assert card_span(blocks, "d3") is None and card_span(blocks[:one[1]], "d1") is None
