"""Block Kit builders: pure functions from the copilot's answers to Slack messages.

Text that came from the CRM (names, notes, e-mail bodies) is escaped so that it can never mention
``@channel``, form a link or unfurl, and is shown literally: in blocks it is ``plain_text`` (Slack applies no
formatting there, and ``"verbatim": true`` on mrkdwn would not stop ``*bold*``), so every character, a request id
or a figure too, is the one copied; in a message's plain ``text`` (mrkdwn only) the formatting characters that
could open or close bold, italics, strike-through or code are kept apart from their words by an invisible space.
Every answer is marked as AI-generated and carries feedback buttons.
"""

from __future__ import annotations

import re
from typing import Any

from copilot.crm.values import BIDI
from copilot.state import draft_version

SECTION_LIMIT = 3000  # Slack's limit for a section's text
BLOCK_LIMIT = 50  # Slack's limit for the blocks of a message
TEXT_LIMIT = 12_000
"""the characters of text one message's blocks hold together at most: past about 13,000 Slack refuses the message
(``msg_blocks_too_long``) however few its blocks"""
CONFIRM_LIMIT = 300  # Slack's limit for a confirmation dialog's text (slack_sdk's ConfirmObject.text_max_length)
HEADER_LIMIT = 150  # Slack's limit for a header's text
VIEW_BLOCK_LIMIT = 100  # Slack's limit for the blocks of a view (the App Home tab, a modal)
ITEM_LIMIT = 300
"""the characters of one listed item (a follow-up, a deal, a request) shown before it is cut"""
CARD_START = "draft_card:"
"""the block id of a draft card's first block, after which comes the draft's id"""
CARD_BUTTONS = "draft:"
"""the block id of a draft card's buttons (once it is closed, of its last line), after which comes the draft's id"""
ZWSP = "\u200b"
_BROADCAST = re.compile(r"@(channel|here|everyone)\b", re.IGNORECASE)
_SCHEME = re.compile(r"(\w)://")
_WWW = re.compile(r"\bwww\.", re.IGNORECASE)
_DOT = re.compile(r"(?<=\w)\.(?=[^\W\d_])")  # a dot between a word and a letter: every domain, any ending


MARKS = "*_~`"
"""what opens or closes formatting in mrkdwn: *bold*, _italic_, ~strike~, `code` (and ```code blocks```)"""
_QUOTE = re.compile(r"^([ \t]*)&gt;", re.MULTILINE)  # a line starting with ">" is a quote


def unreversed(text: str) -> str:
    """``text`` with each bidirectional embedding, override or isolate shown as its code (``\\u202e``), as on the
    command line: none can make what follows it, an address or the copilot's own words, read in another order."""
    return BIDI.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


def unlinked(text: str) -> str:
    """``text`` safe to show in any Slack text: &, < and > escaped (no <!channel>, <@U..>, <url|label>), broadcast
    words and anything Slack would turn into a link (a scheme, ``www.``, any ``name.tld``, so also an e-mail
    address) broken with an invisible space, and no bidirectional control (:func:`unreversed`)."""
    text = unreversed(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _BROADCAST.sub(lambda m: f"@{ZWSP}{m.group(1)}", text)
    text = _SCHEME.sub(lambda m: f"{m.group(1)}:{ZWSP}//", text)
    text = _WWW.sub(lambda m: f"{m.group(0)[:-1]}{ZWSP}.", text)
    return _DOT.sub(f"{ZWSP}.", text)


def literal(text: str) -> str:
    """Escaped ``text`` shown as written in mrkdwn: a formatting character that could open or close formatting (one
    not between two letters or digits, as the ``_`` of ``NB_2024_17`` is, which Slack never formats) gets an
    invisible space on each side, and a line's leading ">" one before it. Ids and figures, which have no such
    character, pass unchanged; what a reader sees is the same characters."""
    out = []
    for i, ch in enumerate(text):
        inside = 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
        out.append(f"{ZWSP}{ch}{ZWSP}" if ch in MARKS and not inside else ch)
    return _QUOTE.sub(lambda m: f"{m.group(1)}{ZWSP}&gt;", "".join(out))


def escape(text: str) -> str:
    """``text`` safe to show in mrkdwn (a message's plain ``text``): no mention, no link, no formatting."""
    return literal(unlinked(text))


def plain(text: str, limit: int = 2000) -> dict[str, Any]:
    """Outside text as a ``plain_text`` object: shown literally (no bold, italics, strike-through, code, quote or
    emoji code), never a mention or a link, and copied as the same characters."""
    return {"type": "plain_text", "text": unlinked(text)[:limit] or " ", "emoji": False}


def sections(text: str, most: int | None = None) -> list[dict[str, Any]]:
    """Outside text as plain-text sections: escaped first, then split within Slack's limit (never inside an
    ``&amp;``), so no section grows past it. At ``most`` sections, when lines would need more (many lines of just
    over half the limit), the text is cut into full sections regardless of its lines."""
    parts = chunks(unlinked(text))
    if most is not None and len(parts) > most:
        parts = _cut("\n".join(unlinked(text).splitlines()))  # every section full
    return [{"type": "section", "text": {"type": "plain_text", "text": part or " ", "emoji": False}}
            for part in parts]


def chunks(text: str, size: int = SECTION_LIMIT) -> list[str]:
    """Escaped ``text`` in parts of at most ``size`` characters, cut at line ends where a line fits (an escaped
    character is never cut in two)."""
    out: list[str] = []
    current = ""
    for line in text.splitlines() or [""]:
        while len(line) > size:
            if current:
                out.append(current)
                current = ""
            cut = _cut_at(line, size)
            out.append(line[:cut])
            line = line[cut:]
        if len(current) + len(line) + 1 > size:
            out.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current or not out:
        out.append(current)
    return out


def _cut_at(text: str, size: int) -> int:
    """Where to cut escaped ``text`` at most ``size`` characters in: never inside an escaped character."""
    entity = text.rfind("&", size - 6, size)
    return entity if entity > 0 and ";" not in text[entity:size] else size


def _cut(text: str, size: int = SECTION_LIMIT) -> list[str]:
    """Escaped ``text`` in full parts of ``size`` characters (the last shorter), lines or not."""
    out = []
    while len(text) > size:
        cut = _cut_at(text, size)
        out.append(text[:cut])
        text = text[cut:]
    return [*out, text]


def _button(action_id: str, text: str, value: str, style: str | None = None) -> dict[str, Any]:
    button: dict[str, Any] = {"type": "button", "action_id": action_id, "value": value[:2000],
                              "text": {"type": "plain_text", "text": text[:75]}}
    if style:
        button["style"] = style
    return button


def cc_line(cc: Any) -> str:
    """A Cc list as one line ("a@x.example, b@y.example"); empty when there is none."""
    if isinstance(cc, str):
        return cc.strip()
    return ", ".join(str(a) for a in cc or [] if str(a).strip())


def draft_blocks(draft: dict[str, Any], *, note: str | None = None, closed: str | None = None
                 ) -> list[dict[str, Any]]:
    """An e-mail draft as a card: who it goes to, the subject and body as they will be sent, what it drew on,
    and Edit, Regenerate, Schedule and Send (or, once ``closed``, what became of it)."""
    to = str(draft.get("to") or draft.get("to_email") or "")
    cc = cc_line(draft.get("cc"))
    fields = [f"To: {to}", *([f"Cc: {cc}"] if cc else []), f"Account: {draft.get('account') or ''}",
              f"Subject: {draft.get('subject') or ''}"]
    value = str(draft.get("draft_id") or "")
    blocks: list[dict[str, Any]] = [
        {"type": "section", "block_id": f"{CARD_START}{value}"[:255],
         "text": {"type": "mrkdwn", "text": "*E-mail draft (not sent)*"}},
        {"type": "section", "fields": [plain(f) for f in fields]},
        *sections(str(draft.get("body") or "")),
    ]
    notes = [f"Drawn from: {', '.join(map(str, draft['cites']))}"] if draft.get("cites") else []
    notes += [f"{'Added from similar deals' if p.get('why') == 'added' else 'Backs your point'}: {p.get('play')} "
              f"(won {p.get('won')}, lost {p.get('lost')} where tried)" for p in (draft.get("plays") or [])[:3]]
    notes += [f"Note: {n}" for n in (draft.get("notes") or [])[:3]]
    notes += [note] if note else []
    if notes:
        blocks.append({"type": "context", "elements": [plain(n) for n in notes]})
    if closed:  # the card's last block, as its buttons were: where the card ends in a message it shares
        blocks.append({"type": "context", "block_id": f"{CARD_BUTTONS}{value}"[:255], "elements": [plain(closed)]})
        return blocks
    send = _button("draft_send", "Send", f"{value}:{draft_version(draft)}", "primary")  # sends only this version
    send["confirm"] = {"title": {"type": "plain_text", "text": "Send this e-mail?"},
                       "text": {"type": "plain_text", "text": confirm_text(draft), "emoji": False},
                       "confirm": {"type": "plain_text", "text": "Send"},
                       "deny": {"type": "plain_text", "text": "Not yet"}}
    blocks.append({"type": "actions", "block_id": f"{CARD_BUTTONS}{value}"[:255], "elements": [
        _button("draft_edit", "Edit", value), _button("draft_regenerate", "Regenerate", value),
        _button("draft_schedule", "Schedule", value), send]})
    return blocks


def card_ref(value: str) -> tuple[str, str, list[str]]:
    """What a draft card's button carries: the draft's id, the version its card shows (Send only) and the ts of the
    messages before the one holding the button that hold the rest of that card (a card longer than one message holds),
    in order."""
    head, _, earlier = str(value or "").partition(";")
    draft, _, version = head.partition(":")
    return draft, version, [ts for ts in earlier.split(",") if ts]


def with_earlier(blocks: list[dict[str, Any]], earlier: list[str], draft: str | None = None) -> list[dict[str, Any]]:
    """``blocks`` with each draft card's buttons (only draft ``draft``'s, if given) carrying ``earlier``, the ts of the
    messages before theirs that hold the rest of their card (see :func:`card_ref`), so that changing the card changes
    every message of it."""
    mine = f"{CARD_BUTTONS}{draft}"[:255] if draft is not None else None
    return [_carrying(block, earlier) if mine is None or block.get("block_id") == mine else block for block in blocks]


def _carrying(block: dict[str, Any], earlier: list[str]) -> dict[str, Any]:
    if not earlier or block.get("type") != "actions" or not str(block.get("block_id") or "").startswith(CARD_BUTTONS):
        return block
    tail = ";" + ",".join(earlier)
    return {**block, "elements": [{**e, "value": (str(e.get("value") or "") + tail)[:2000]}
                                  if str(e.get("action_id") or "").startswith("draft_") else e
                                  for e in block["elements"]]}


def card_span(message: list[dict[str, Any]], draft_id: str) -> tuple[int, int] | None:
    """Where draft ``draft_id``'s card is in one message's blocks: (first, last) index, from its first block (or the
    message's first, when the card began in an earlier message) to its buttons (or, once closed, its last line);
    None when the card does not end in this message."""
    ids = [str(b.get("block_id") or "") for b in message]
    end = f"{CARD_BUTTONS}{draft_id}"[:255]
    if not draft_id or end not in ids:
        return None
    last = ids.index(end)
    start = f"{CARD_START}{draft_id}"[:255]
    first = max((i for i in range(last + 1) if ids[i] == start), default=0)
    return first, last


def fits(blocks: list[dict[str, Any]]) -> bool:
    """Whether one message holds ``blocks`` (Slack's 50 blocks and about 12,000 characters of text)."""
    return len(blocks) <= BLOCK_LIMIT and text_size(blocks) <= TEXT_LIMIT


def linked(message: list[dict[str, Any]], before: list[tuple[str, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """``message`` with the buttons of each draft card that started in an earlier message carrying the ts of the
    messages holding the rest of it (:func:`with_earlier`); ``before`` is the messages already posted (ts, blocks),
    in order."""
    out = []
    for block in message:
        draft = str(block.get("block_id") or "")[len(CARD_BUTTONS):] if block.get("type") == "actions" and \
            str(block.get("block_id") or "").startswith(CARD_BUTTONS) else None
        start = f"{CARD_START}{draft}"
        if draft is not None and not any(b.get("block_id") == start for b in message):
            first = next((i for i in range(len(before) - 1, -1, -1)
                          if any(b.get("block_id") == start for b in before[i][1])), None)
            block = _carrying(block, [ts for ts, _ in before[first:] if ts] if first is not None else [])
        out.append(block)
    return out


def confirm_text(draft: dict[str, Any]) -> str:
    """What Send asks to confirm, within Slack's 300 characters and escaped like the rest of the card: the addresses
    first and whole (the Cc counted when they do not all fit), then the recipient's name on one line, cut to what is
    left, so no name, however long or however written, can push an address out of sight or stand for another."""
    after = ". Key accounts wait for an approver first."
    to = unlinked(f"To {draft.get('to_email') or draft.get('to') or ''}")
    copies = [a for a in cc_line(draft.get("cc")).split(", ") if a]
    cc = unlinked(f", Cc {', '.join(copies)}") if copies else ""
    if len(to) + len(cc) + len(after) > CONFIRM_LIMIT:
        cc = f", and {len(copies)} Cc address{'es' if len(copies) > 1 else ''} shown on the card" if copies else ""
    if len(to) + len(cc) + len(after) > CONFIRM_LIMIT:  # an address this long is refused before sending anyway
        return to[:_cut_at(to, CONFIRM_LIMIT - len(after) - 1)] + "\u2026" + after
    name = unlinked(" ".join(str(draft.get("to_name") or "").split()))
    room = CONFIRM_LIMIT - len(to) - len(cc) - len(after) - len(" ()")
    if name and room > 1:
        name = name if len(name) <= room else name[:_cut_at(name, room - 1)] + "\u2026"
        to = f"{to} ({name})"
    return to + cc + after


def brief_blocks(profile: dict[str, Any]) -> list[dict[str, Any]]:
    """An account brief as a card: the account's facts and figures as fields, its risks and the next step."""
    f, d, e, h = (profile.get(k) or {} for k in ("firmographics", "deals", "engagement", "health"))

    def money(value: Any) -> str:
        return f"${float(value):,.0f}" if isinstance(value, int | float) else "n/a"

    facts = [("Sector", f.get("sector")), ("Tier", f.get("tier")), ("Office", f.get("office_location")),
             ("Employees", f"{f['employees']:,}" if isinstance(f.get("employees"), int) else None),
             ("Revenue", f"${f['revenue_musd']:,.1f}M" if isinstance(f.get("revenue_musd"), int | float) else None),
             ("Parent", f.get("parent_account")),
             ("Open deals", f"{d.get('open_count', 0):,} ({money(d.get('open_pipeline_list_price'))} at list price)"),
             ("Won", f"{d.get('won_count', 0):,} ({money(d.get('won_revenue'))})"),
             ("Lost", f"{d.get('lost_count', 0):,}"),
             ("Health", f"{h['score']}/100" if h.get("score") is not None else "no score yet"),
             ("Reply rate", f"{e['reply_rate']:.0%} of {e.get('touches', 0):,} touches"
              if isinstance(e.get("reply_rate"), int | float) else None),
             ("Last reply", str(e["last_reply"])[:10] if e.get("last_reply") else None)]
    fields = [plain(f"{label}: {value}") for label, value in facts if value not in (None, "")]
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text",
                                    "text": unreversed(str(profile.get("account") or "Account"))[:HEADER_LIMIT]}},
        *({"type": "section", "fields": fields[i:i + 10]} for i in range(0, len(fields), 10))]
    contacts = [f"{c.get('name')}" + (f" ({c['title']})" if c.get("title") else "") for c in
                (profile.get("contacts") or [])[:4]]
    if contacts:
        blocks.append({"type": "section", "text": plain("Contacts: " + ", ".join(contacts), SECTION_LIMIT)})
    risks = profile.get("risks") or []
    if risks:
        blocks.append({"type": "section", "text": plain("Risks:\n" + "\n".join(f"• {r}" for r in risks[:5]),
                                                        SECTION_LIMIT)})
    if profile.get("next_step"):
        blocks.append({"type": "section", "text": plain(f"Next step: {profile['next_step']}", SECTION_LIMIT)})
    if profile.get("scope"):
        blocks.append({"type": "context", "elements": [plain(f"Figures over {profile['scope']}.")]})
    return blocks


def edit_draft_modal(draft: dict[str, Any], metadata: str) -> dict[str, Any]:
    """The Edit modal: the Cc, the subject and the body, as they stand."""
    cc = cc_line(draft.get("cc"))
    return {"type": "modal", "callback_id": "draft_edit", "private_metadata": metadata[:3000],
            "title": {"type": "plain_text", "text": "Edit the draft"},
            "submit": {"type": "plain_text", "text": "Save"}, "close": {"type": "plain_text", "text": "Cancel"},
            "blocks": [
                {"type": "input", "block_id": "cc", "optional": True,
                 "label": {"type": "plain_text", "text": "Cc"},
                 "hint": {"type": "plain_text", "text": "E-mail addresses separated by commas; leave empty for none."},
                 "element": {"type": "plain_text_input", "action_id": "value", "max_length": 320,
                             **({"initial_value": cc[:320]} if cc else {})}},
                {"type": "input", "block_id": "subject", "label": {"type": "plain_text", "text": "Subject"},
                 "element": {"type": "plain_text_input", "action_id": "value", "max_length": 300,
                             "initial_value": str(draft.get("subject") or "")[:300]}},
                {"type": "input", "block_id": "body", "label": {"type": "plain_text", "text": "Body"},
                 "element": {"type": "plain_text_input", "action_id": "value", "multiline": True,
                             "max_length": 3000, "initial_value": str(draft.get("body") or "")[:3000]}}]}


def reason_modal(callback_id: str, title: str, label: str, metadata: str) -> dict[str, Any]:
    """A modal that asks for one line of text (a rejection's reason)."""
    return {"type": "modal", "callback_id": callback_id, "private_metadata": metadata[:3000],
            "title": {"type": "plain_text", "text": title[:24]},
            "submit": {"type": "plain_text", "text": "Confirm"}, "close": {"type": "plain_text", "text": "Cancel"},
            "blocks": [{"type": "input", "block_id": "reason", "label": {"type": "plain_text", "text": label[:2000]},
                        "element": {"type": "plain_text_input", "action_id": "value", "multiline": True,
                                    "min_length": 3, "max_length": 500}}]}


def fields_modal(callback_id: str, title: str, fields: dict[str, str], metadata: str,
                 multiline: tuple[str, ...] = ()) -> dict[str, Any]:
    """A modal with one text input per field, filled in with the current values."""
    return {"type": "modal", "callback_id": callback_id, "private_metadata": metadata[:3000],
            "title": {"type": "plain_text", "text": title[:24]},
            "submit": {"type": "plain_text", "text": "Save"}, "close": {"type": "plain_text", "text": "Cancel"},
            "blocks": [{"type": "input", "block_id": name, "label": {"type": "plain_text",
                                                                   "text": name.replace("_", " ").capitalize()},
                        "element": {"type": "plain_text_input", "action_id": "value", "multiline": name in multiline,
                                    "max_length": 3000, **({"initial_value": value[:3000]} if value else {})},
                        "optional": not value}
                       for name, value in fields.items()]}


def submitted(view: dict[str, Any]) -> dict[str, str]:
    """The values a person typed into a modal, by block id."""
    state = (view.get("state") or {}).get("values") or {}
    return {block: str((inputs.get("value") or {}).get("value") or "") for block, inputs in state.items()
            if isinstance(inputs, dict)}


def answer_blocks(answer: str, *, sources: list[str], model: str, prompt_version: str,
                  feedback_value: str, drafts: list[dict[str, Any]] = (),  # type: ignore[assignment]
                  briefs: list[dict[str, Any]] = (), brief_only: bool = False) -> list[dict[str, Any]]:  # type: ignore[assignment]
    """An answer as sections, the records behind it as a context line, account briefs and e-mail drafts as cards,
    the AI mark and feedback buttons. ``brief_only``: the answer is the brief in words, so the card stands for it."""
    return [block for part in _answer_parts(answer, sources=sources, model=model, prompt_version=prompt_version,
                                            feedback_value=feedback_value, drafts=drafts, briefs=briefs,
                                            brief_only=brief_only) for block in part]


def answer_messages(answer: str, **kwargs: Any) -> list[list[dict[str, Any]]]:
    """``answer_blocks`` as the messages Slack takes: one, or, past BLOCK_LIMIT blocks (many drafts or briefs, a
    long answer), several in order, each card whole in one of them where it fits, so every draft keeps its buttons,
    and a card longer than one message holds starting on a message of its own; the records, the AI mark and the
    feedback buttons close the last."""
    messages: list[list[dict[str, Any]]] = [[]]
    for part in _answer_parts(answer, **kwargs):
        split = pieces(part)
        for i, piece in enumerate(split):
            # a card in several messages starts on one of its own: changing it then changes those messages only
            if messages[-1] and ((i == 0 and len(split) > 1) or len(messages[-1]) + len(piece) > BLOCK_LIMIT
                                 or text_size(messages[-1]) + text_size(piece) > TEXT_LIMIT):
                messages.append([])
            messages[-1] += piece
    return messages


def text_size(blocks: Any) -> int:
    """The characters of every text in ``blocks`` (sections, fields, context lines, buttons and their dialogs)."""
    if isinstance(blocks, list):
        return sum(text_size(b) for b in blocks)
    if not isinstance(blocks, dict):
        return 0
    return sum(len(v) if k == "text" and isinstance(v, str) else text_size(v) for k, v in blocks.items()
               if isinstance(v, str | dict | list))


def pieces(part: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """A card (or the answer's words) in as few messages as Slack takes it: whole where it fits, else cut between
    blocks, in order, so that a card longer than one message holds (a draft's long body) ends with its buttons in
    the last of them, after every word it sends."""
    out: list[list[dict[str, Any]]] = [[]]
    for block in part:
        if out[-1] and (len(out[-1]) + 1 > BLOCK_LIMIT or text_size(out[-1]) + text_size(block) > TEXT_LIMIT):
            out.append([])
        out[-1].append(block)
    return out


def _answer_parts(answer: str, *, sources: list[str], model: str, prompt_version: str, feedback_value: str,
                  drafts: list[dict[str, Any]] = (),  # type: ignore[assignment]
                  briefs: list[dict[str, Any]] = (),  # type: ignore[assignment]
                  brief_only: bool = False) -> list[list[dict[str, Any]]]:
    """The answer's blocks in the parts kept together: its words, each card, and what closes it."""
    if briefs and brief_only:
        answer = ""
    for draft in drafts:  # a draft the answer repeats word for word is shown once, as its card
        answer = answer.replace(str(draft.get("text") or "\0"), "")
    parts: list[list[dict[str, Any]]] = [sections(answer.strip())] if answer.strip() or not (drafts or briefs) else []
    parts += [brief_blocks(brief) for brief in briefs]
    parts += [draft_blocks(draft) for draft in drafts]
    end: list[dict[str, Any]] = []
    if sources:
        shown = ", ".join(sources[:10]) + (f" and {len(sources) - 10:,} more" if len(sources) > 10 else "")
        end.append({"type": "context", "elements": [plain(f"Records: {shown}")]})
    end.append({"type": "context", "elements": [plain(
        f"AI-generated by the sales copilot ({model}, prompt {prompt_version[:12]}). Check before you act on it.")]})
    end.append({"type": "actions", "block_id": "feedback", "elements": [
        {"type": "button", "action_id": "feedback_up", "text": {"type": "plain_text", "text": "\U0001F44D Helpful"},
         "value": feedback_value[:2000]},
        {"type": "button", "action_id": "feedback_down",
         "text": {"type": "plain_text", "text": "\U0001F44E Not helpful"}, "value": feedback_value[:2000]}]})
    return [*parts, end]


def fallback_text(answer: str, limit: int = 300) -> str:
    """The notification text that goes with the blocks (escaped, short)."""
    first = escape(answer.strip().splitlines()[0] if answer.strip() else "")
    return first if len(first) <= limit else first[:limit - 1] + "\u2026"


def listed(title: str, items: list[str], total: int | None = None) -> dict[str, Any]:
    """A plain-text section: ``title``, then one line per item (each cut to ITEM_LIMIT characters), as many as fit in
    Slack's SECTION_LIMIT once escaped, then "…and N more" for the rest of ``total`` (by default, of ``items``)."""
    total = max(total if total is not None else len(items), len(items))
    lines = [unlinked(title)]
    size, shown = len(lines[0]), 0
    for item in items:
        line = unlinked("\u2022 " + (item if len(item) <= ITEM_LIMIT else item[:ITEM_LIMIT - 1] + "\u2026"))
        rest = total - shown - 1  # what "…and N more" would count after this line
        more = len(f"\n\u2026and {rest:,} more") if rest else 0
        if size + 1 + len(line) + more > SECTION_LIMIT:
            break
        lines.append(line)
        size, shown = size + 1 + len(line), shown + 1
    if total > shown:
        lines.append(f"\u2026and {total - shown:,} more")
    return {"type": "section", "text": {"type": "plain_text", "text": "\n".join(lines), "emoji": False}}


def home_view(*, name: str, day: dict[str, Any], pending: list[dict[str, Any]], pipeline: dict[str, Any],
              pending_count: int | None = None) -> dict:
    """The App Home tab: follow-ups due today, stalled deals, requests waiting for a decision (``pending_count`` of
    them in all, when ``pending`` is only the first), the pipeline; within Slack's limits whatever the data, each list
    cut with "…and N more" where it would not fit."""
    def section(text: str) -> dict[str, Any]:
        return {"type": "section", "text": plain(text, SECTION_LIMIT)}

    blocks: list[dict[str, Any]] = [{"type": "header", "text": {"type": "plain_text", "text": "Your day"}},
                                    section(f"Hello {name[:ITEM_LIMIT]}.")]
    due = day.get("follow_ups_due") or []
    blocks.append(listed("Follow-ups due:", [
        f"{t['account']}, due {t['due_at'].replace('T', ' ')}" + (f": {t['note']}" if t.get("note") else "")
        for t in due], day.get("follow_ups_due_count")) if due else section("No follow-up is due."))
    stalled = day.get("stalled") or []
    if stalled:
        count = day.get("stalled_count", len(stalled))
        blocks.append(listed(f"Stalled deals ({count:,}):", [f"{d['deal']}: {d['account']}, {d['product']}"
                                                             for d in stalled], count))
    waiting = [p for p in pending if p.get("status") == "pending"]
    blocks.append(listed("Waiting for a decision:", [f"{p['summary']} (request {p['id']})" for p in waiting],
                         pending_count)
                  if waiting else section("Nothing is waiting for a decision."))
    if pipeline:
        blocks.append(section(f"Open pipeline: {pipeline['open_count']:,} open deals, "
                              f"${pipeline['open_pipeline_list_price']:,.0f} at list price."))
    blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": "AI-generated by the sales copilot "
                                                                             "from the CRM."}]})
    return {"type": "home", "blocks": blocks[:VIEW_BLOCK_LIMIT]}
