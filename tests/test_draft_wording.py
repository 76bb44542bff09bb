"""The offline writer's sentences read as written English (and Chinese) whichever templates and rep's words are
joined: every opener, angle, tone, length and offer, with the rep's points in the shapes requests give them."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest

from tools.drafts.phrasebook import known_concepts, phrases
from tools.drafts.writer import Plan, Point, tidy, write
from tools.email_draft import _as_yours

FREE = [  # the rep's own words, as the request reader hands them over
    "we can onboard 12 users in the first week and that it saved them 30%",  # "mention ... and that it saved..."
    "that it saved them 30%",
    "the pilot went well and that they can extend it",
    "Our team is ready to start but that there is a waiting list",
    "it is available now",
    "they asked about SSO? and the price",
    "there is a a discount ,for them",
    "the the pilot results from Frankfurt",
    "the on-site visit in Frankfurt on Tuesday at 10am",
    "you can reach us any time..",
    "their CFO , i.e. the budget owner",
]
FREE_ZH = ["试点效果很好。", "他们需要SSO吗？", "我们周二在法兰克福，，可以见面"]
SUBJECT = r"(?:i|we|you|they|he|she|it|there|this|our|your|the)"
SLIPS = {
    "'and that' after a clause": re.compile(rf"(?i)\b(?:and|but|or) that {SUBJECT}\b"),
    "a word twice": re.compile(r"(?i)\b(?!had\b|that\b)([^\W\d_]+) \1\b"),
    "a space before punctuation": re.compile(r"\s[,.;:!?]"),
    "no space after a comma": re.compile(r",(?=[^\W\d_])"),
    "two full stops": re.compile(r"(?<!\.)\.\.(?!\.)|,\.|\.,"),
    "lower case after a full stop": re.compile(r"(?<!\be\.g)(?<!\bi\.e)[.!?]\s+[a-z]"),
    "a capital inside a sentence": re.compile(r"(?<=[a-z,] )(?:Our|We|They|It|There|You|That|And|The|A)\b"),
    "two spaces": re.compile(r"  "),
    "no end": re.compile(r"[^.?:!]$"),
}
SLIPS_ZH = {"punctuation twice": re.compile(r"([。，；：！？])\1|[.]。|。[.]")}


def _plans(language: str) -> list[Plan]:
    ph = phrases(language)
    concepts = known_concepts()
    free = FREE if language == "en" else FREE_ZH
    points = [[], [Point(concept=c) for c in concepts[:3]], *[[Point(free=_as_yours(f))] for f in free],
              [Point(concept=concepts[0]), *[Point(free=_as_yours(f)) for f in free]]]
    openers = [{}, {"purpose": "the rollout plan"}, {"reply_date": dt.date(2025, 3, 4)},
               {"reply_date": dt.date(2025, 3, 4), "reply_wants_detail": True}]
    plans = []
    for i, (angle, tone, length, opener, these) in enumerate(itertools.product(
            [None, *ph["opener_angle"]], ph["ask"], ("short", "standard", "long"), openers, points)):
        title, support = ("CFO", None)[i % 2], ([], concepts[3:5])[i // 2 % 2]  # each with every other choice
        plans.append(Plan(language=language, tone=tone, length=length, name="Dana Kim", title=title,
                          account="Acme Logistics", product="GTX Pro", signature="Sam Rivera", angle=angle,
                          points=these, support=list(support), **opener))
    # every offer of the phrasebook, in each length, as a point and as support
    for length, concept in itertools.product(("short", "standard", "long"), concepts):
        plans.append(Plan(language=language, tone="formal", length=length, name="Dana Kim", title=None,
                          account="Acme Logistics", product=None, signature="Sam Rivera",
                          points=[Point(concept=concept), Point(free=_as_yours(free[0]))], support=[concept]))
    return plans


@pytest.mark.parametrize("language", ["en", "zh"])
def test_drafts_across_the_templates_have_no_joining_slips(language: str) -> None:
    slips: dict[str, set[str]] = {}
    plans = _plans(language)
    assert len(plans) > 1000
    for plan in plans:
        _, body, sentences = write(plan)
        assert sentences and all(s in body for s in sentences)
        for before, sentence in zip(["."] + sentences, sentences):
            if language == "en" and sentence[:1].islower() and not before.endswith(":"):
                slips.setdefault("lower case first letter", set()).add(sentence)
            for what, pattern in (SLIPS if language == "en" else SLIPS_ZH).items():
                if pattern.search(sentence):
                    slips.setdefault(what, set()).add(sentence)
        assert not re.search(r" \n|\n\n\n", body)
    assert not slips, {k: sorted(v)[:5] for k, v in slips.items()}


def test_the_reps_figures_and_words_are_kept_when_the_joins_are_mended() -> None:
    plan = Plan(language="en", tone="friendly", length="standard", name="Dana Kim", title=None,
                account="Acme Logistics", product="GTX Pro", signature="Sam Rivera",
                points=[Point(concept="pilot"), Point(free=_as_yours(FREE[0])), Point(free=_as_yours(FREE[3]))])
    _, body, sentences = write(plan)
    assert "Also, we can onboard 12 users in the first week, and it saved you 30%." in sentences
    assert "Also, our team is ready to start, but there is a waiting list." in sentences
    assert "and that" not in body
    offered = write(Plan(language="en", tone="friendly", length="standard", name="Dana Kim", title=None,
                         account="Acme Logistics", product="GTX Pro", signature="Sam Rivera",
                         points=[Point(concept="roi")], support=["phased_rollout"]))[1]
    assert "in a similar position: we could start with a phased rollout" in offered  # one sentence, run on
    # sentences already right are left as they are: abbreviations, figures, an ellipsis, "had had"
    for right in ("We can start on 1.5 seats, e.g. the finance team.", "It costs $12,000... and takes 6 weeks.",
                  "What they had had before was slower.", "Thank you for your e-mail of Tuesday 4 March.",
                  "We visit Walla Walla on Tuesday."):
        assert tidy(right) == right
    assert tidy("There is a a discount ,for you. and more ..") == "There is a discount, for you. And more."


def test_a_word_the_rep_says_twice_on_purpose_or_in_another_language_is_kept() -> None:
    """Only a slip where a template meets the rep's words ("offer a" + "a pilot") is said once: the rep's own doubled
    words, in English or another language, reach the e-mail as written."""
    for right in ("Haben Sie sie gesehen?", "Nous nous verrons mardi.", "We are very very pleased.",
                  "Die die Preise machen, sind hier.", "Bye bye for now."):
        assert tidy(right) == right
    assert tidy("We could offer a a pilot to to the team.") == "We could offer a pilot to the team."
