"""The judge's own words: ways a customer e-mail can make each point, in English and in Simplified Chinese,
the wording that belongs inside the company only, and what a request for a next step sounds like.

Written for the evaluation alone; nothing here is taken from the writer of the drafts it judges.
"""

from __future__ import annotations

import re

# point key -> patterns (case-insensitive); a point is made when any one matches
POINTS: dict[str, list[str]] = {
    "phased_rollout": [
        r"\bphased\b", r"\bin (two |three |several |clear )?(phases|stages|steps)\b", r"\bphase (one|1|two|2)\b",
        r"\bfirst phase\b", r"\bstaged (rollout|roll-out|deployment|approach|adoption)\b",
        r"\broll(ing|ed)?[- ]?out\b.{0,40}\b(gradually|step by step|in (phases|stages)|one (business unit|team|"
        r"department|site) (at a time|first))", r"\bstart(ing)? (small )?with (just )?(one|a single) (business unit|"
        r"team|department|site|region)\b", r"\bone business unit first\b",
        r"分阶段", r"分期(实施|推进|部署|上线)", r"分步(实施|推进|部署|上线)?", r"逐步(推广|推进|部署|上线|扩展)",
        r"先从(一个|单个)", r"阶段性(推广|部署|上线)",
    ],
    "pilot": [r"\bpilot(s|ing|ed)?\b", r"\btrial(s|led)?\b", r"试点", r"试用", r"试运行"],
    "roi": [
        r"\bROI\b", r"\breturn[- ]on[- ]investment\b", r"\bpay ?back\b", r"\bpays for itself\b", r"\bbusiness case\b",
        r"投资回报", r"回报率", r"回本", r"收益分析",
    ],
    "reference_call": [
        r"\breference (call|customer|client|account|conversation)s?\b", r"\breferences?\b.{0,30}\b(call|customer|client)",
        r"\b(speak|talk|chat) (with|to) (one of our|an existing|a current|a similar|another) (customer|client)s?\b",
        r"\b(introduc\w*|connect\w*|put) (you |your team )?(in touch )?(with|to) (a|an|one|some|our|one of our)\b.{0,30}"
        r"\b(customer|client)s?\b", r"\bhear\b.{0,20}\bfrom (a|an|one of our|another) (customer|client)s?\b",
        r"参考客户", r"推荐客户", r"客户参考", r"参考电话", r"(现有|已有|老)客户.{0,8}(交流|通话|沟通|聊)",
        r"与.{0,10}客户.{0,6}(交流|通话|沟通)", r"(引荐|介绍).{0,12}客户",
    ],
    "security_review": [
        r"\bsecurity (review|assessment|questionnaire|evaluation|audit|check)s?\b", r"\bSOC ?2\b",
        r"\bpen(etration)?[- ]?test", r"\breview of (our|the) security\b",
        r"安全(审查|评估|审核|问卷|评审)",
    ],
    "dpa": [
        r"\bDPA\b", r"\bdata[- ]processing (agreement|addendum)\b", r"\bdata[- ]protection (agreement|addendum)\b",
        r"数据处理(协议|附录|补充协议)", r"数据保护协议",
    ],
    "training": [
        r"\btrain(s|ed|ing)?\b", r"\bonboarding (session|workshop|programme|program)s?\b",
        r"培训",
    ],
    "integration_plan": [
        r"\bintegration (plan|timeline|schedule|roadmap|scope|approach|steps)\b",
        r"\bplan (for|of) (the |your )?integration\b", r"\bscop(e|ing) (the |your |an )?integration\b",
        r"\bintegrat\w*\b.{0,60}\b(plan|roadmap|timeline|schedule)\b",
        r"集成(计划|方案|规划|路线图|时间表|安排)", r"对接(计划|方案|规划)", r"集成.{0,10}(计划|方案|规划|范围)",
        r"(确定|规划|梳理|评估)集成",
    ],
    "proof_of_concept": [r"\bproof[- ]of[- ]concept\b", r"\bPoC\b", r"概念验证"],
    "multi_year": [
        r"\bmulti[- ]?year\b", r"\b(two|three|2|3)[- ]year (term|agreement|contract|deal|commitment|pricing|plan)s?\b",
        r"\b(two|three|2|3) years?\b.{0,30}\b(term|agreement|contract|commitment)\b",
        r"多年期", r"多年(合同|协议|合作协议|定价|价格|承诺)", r"(两|三|2|3)年(期|合同|协议|合作)",
    ],
    "discount": [
        r"\bdiscount\w*\b", r"\b\d+ ?% off\b", r"\bprice (cut|reduction|concession)s?\b",
        r"\breduced (price|rate|fee|pricing)\b", r"\blower (the )?(price|fee|rate|annual fee)\b",
        r"\bspecial (price|pricing|rate|offer)\b",
        r"折扣", r"打折", r"优惠", r"降价", r"减价", r"让利",
    ],
}

# wording that belongs to the company's own records and never to a customer
INTERNAL: list[str] = [
    r"\bref\.", r"\bclosed[- ](won|lost)\b", r"\bturning point\b", r"\bwhat moved them\b", r"\bwin rate\b",
    r"\bnot convinced\b", r"\bdeal (note|notes|id)\b", r"\bcall summary\b", r"\bdiscovery notes\b",
    r"\b(won|lost) recap\b", r"\bconcern raised\b", r"\bmain pain\b", r"\bobjection:", r"\bsector:",
    r"\bour (crm|notes|records show)\b", r"\bin (the|our) crm\b", r"\bwon deal\b", r"\blost deal\b",
    r"\bthey responded well\b", r"\bbattlecard\b",
    r"赢单", r"丢单", r"输单", r"胜率", r"赢率", r"成单率", r"转折点", r"内部(备注|记录|笔记)", r"交易编号",
]

# the verbs of a proposal, and the things a next step is about
ASK_FORMS = [
    r"\b(could|can|shall|should|may) (we|i|you)\b", r"\bwould (you|it|a|an|the|that|this|next|early)\b",
    r"\b(are|is|were) you\b", r"\bdo(es)? (a|an|the|next|this|that|one of|either|thursday|monday|tuesday|"
    r"wednesday|friday)\b", r"\bhow about\b", r"\bwhat about\b", r"\bwhen (would|could|can|is|are)\b",
    r"\bwhich (day|time|date|slot)\b", r"\bwhat (day|time|date)\b", r"\bany chance\b", r"\bopen to\b",
    r"\bfancy\b", r"\bup for\b", r"\bwilling to\b",
    r"能否", r"可否", r"是否", r"可以", r"方便", r"要不要", r"愿意", r"怎么样", r"如何", r"吗", r"呢",
]
ASK_OBJECTS = [
    r"\bcall\b", r"\bmeet(ing)?\b", r"\bchat\b", r"\btalk\b", r"\bminutes\b", r"\btime\b", r"\bweek\b", r"\bslot\b",
    r"\bsession\b", r"\bdemo\b", r"\bwalk ?-?through\b", r"\bworkshop\b", r"\bnext step", r"\bdate\b", r"\bschedul",
    r"\bbook\b", r"\bset up\b", r"\bkick ?-?off\b", r"\bstart\b", r"\breview\b", r"\bsign\b", r"\bintroduc",
    r"\bconnect\b", r"\bsend\b", r"\bshare\b", r"\bmonday\b", r"\btuesday\b", r"\bwednesday\b", r"\bthursday\b",
    r"\bfriday\b", r"\btomorrow\b", r"\bsync\b", r"\bjoin\b", r"\bpilot\b", r"\btrial\b", r"\bproceed\b",
    r"\bmove forward\b", r"\bgo ahead\b", r"\bavailab",
    r"通话", r"电话", r"会议", r"会面", r"见面", r"时间", r"本周", r"下周", r"周[一二三四五]", r"安排", r"沟通",
    r"聊", r"演示", r"启动", r"开始", r"下一步", r"预约", r"推进", r"签", r"介绍", r"发送", r"分享",
]

HI_GREETINGS = r"^\s*((hi|hey|hello|hiya|heya|yo|howdy|morning|good morning)\b|嗨|哈喽|你好)"
DEAR_GREETINGS = r"^\s*(dear\b|尊敬的|敬爱的)"
FORMAL_SIGNOFF_NOT = r"^\s*(cheers|thx|ttyl|talk soon)\b"
FRIENDLY_SIGNOFF_NOT = r"^\s*(yours (sincerely|faithfully)|respectfully yours)\b"

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CJK_PUNCT = re.compile(r"[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]")
LATIN = re.compile(r"[A-Za-z]")
WORD = re.compile(r"[a-z0-9]+")


def compiled(patterns: list[str]) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


POINT_RES = {key: compiled(patterns) for key, patterns in POINTS.items()}
INTERNAL_RES = compiled(INTERNAL)
ASK_FORM_RES = compiled(ASK_FORMS)
ASK_OBJECT_RES = compiled(ASK_OBJECTS)


def says(text: str, key: str) -> str | None:
    """The words of ``text`` that make point ``key``, or None."""
    for pattern in POINT_RES[key]:
        found = pattern.search(text)
        if found:
            return found.group(0)
    return None


def words(text: str) -> list[str]:
    """Lower-case words, punctuation ignored (the unit of the leak check)."""
    return WORD.findall(text.lower())
