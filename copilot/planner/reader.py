"""Reading a question about the CRM into frames: what it asks (a topic learned from examples), about
whom and when (slots filled from the CRM's own names and a small grammar of periods), and in which
form (one figure, a comparison, a ranking, the records themselves), using the conversation so far for
follow-ups.

The reader answers, asks or declines: a reading it is not sure of, a word it cannot place, a period
with no year, become one clarifying question that offers the best reading; a question the CRM cannot
answer is declined. It never fills a gap with a guess.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from copilot.crm.identity import Identity
from copilot.crm.names import Names
from copilot.planner.classify import classifier
from copilot.planner.frames import ACCOUNT_FIELDS, DEAL_METRICS, STAGES_OF, Context, Frame, listed_of
from copilot.planner.periods import Found, Period, find_period, month_word, open_ended
from copilot.planner.spotting import Spot, normal, spot, stranger, tokens
from copilot.planner.values import (NOT_BOUNDED, NOT_COUNTED_BY, NOT_COUNTED_WITH, NOT_ON_DEALS, UNSURE, Bound,
                                    CountBound, bounded, find_bound, find_count_bound)

GROUP_WORDS = {"product": "product", "products": "product", "rep": "rep", "reps": "rep", "agent": "rep",
               "agents": "rep", "salesperson": "rep", "salespeople": "rep", "seller": "rep", "sellers": "rep",
               "account": "account", "accounts": "account", "customer": "account", "customers": "account",
               "client": "account", "clients": "account", "company": "account", "companies": "account",
               "office": "regional_office", "offices": "regional_office", "region": "regional_office",
               "regions": "regional_office", "sector": "sector", "sectors": "sector", "industry": "sector",
               "industries": "sector", "manager": "manager", "managers": "manager", "team": "manager",
               "teams": "manager", "closer": "rep", "closers": "rep", "stage": "stage", "stages": "stage", "quarter": "close_quarter",
               "quarters": "close_quarter", "month": "close_month", "months": "close_month", "series": "series"}
MOST = {"most", "highest", "best", "biggest", "largest", "top", "greatest", "longest", "oldest", "more", "higher",
        "better", "bigger", "larger", "strongest", "leading", "max", "maximum", "slowest"}
LEAST = {"least", "lowest", "worst", "smallest", "fewest", "shortest", "newest", "less", "lower", "fewer",
         "smaller", "weakest", "bottom", "min", "minimum", "worse", "fastest", "quickest"}
DEAL_NOUNS = {"deal", "deals", "win", "wins", "opportunity", "opportunities", "sale", "one", "ones", "contract",
              "contracts", "loss", "losses"}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "twenty": 20}
ME = {"i", "my", "me", "mine", "myself", "i'm", "im", "i've", "ive"}
HE = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
IT = {"it", "its", "them", "they", "their", "theirs"}
# words that carry no meaning of their own here; any other word the examples never use is reported
FILLER = set("""a an the of in on at to for from with by about and or but if so as than then that this these those
there here what whats what's which who whom whose when where why how is are was were be been being am do does did
done doing have has had having can could would should will shall may might must i me my mine we us our ours you your
yours he him his she her hers it its they them their theirs one ones some any all each every both either neither
no not nor only just also too very really actually exactly roughly about around approximately overall total
altogether combined whole entire ever so far yet still already now currently right today please pls thanks thank
ok okay hey hi hello quick quickly give get got tell show know want like need see find look check pull let lets
let's me up out over under into onto per vs versus compare compared comparison against between among other another
same different difference more most less least many much number count amount figure figures value values worth
alone there's it's that's who's how's i'd we've we're they're isn't aren't wasn't weren't don't doesn't didn't
haven't hasn't can't cannot won't year years quarter quarters month months week weeks day days date dates period
time times since until till through during before after ago last next this previous prior following first second
third fourth half h1 h2 q1 q2 q3 q4 ytd own sit sits based work works working report reports reporting belong
belongs currently stand stands standing looking look like yeah yes sure well sort order rank list lists breakdown
break down pls thx lol okay summary number numbers stats statistics status kpi kpis metric metrics report show
give provide display share them those ones deal deals engaged sitting sat recent recently latest newest earliest plus id ids re ve ll d m s t value values
amount date stage owner details detail info information data made make makes making off got gotten
getting bring brings bringing brought go goes going went gone take takes took taken come came say said think
would wonder wondering curious quick question remind remember anyway though although because while where whether
again back even ever else something anything everything nothing someone anyone everybody anybody thing things
kind sort lot lots bit little big large small good bad new old high low great far near much few several via
currently recently lately basically single generally specifically total totals sum tally whole across along within
together combined altogether tied tie ties joint
without upon onto having getting can could right now hmm um please kindly much selling sell sells seller
performing performer performers doing""".split())
FUNCTION = set("""a an the of in on at to for from with by and or but is are was were be do does did i me my we us
our you your he him his she her it its they them their this that these those what which who how vs versus""".split())
SEASONS = {"summer", "winter", "spring", "autumn", "fall"}
PERIOD_WORDS = {"half", "quarter", "quarters", "month", "months", "week", "weeks", "since", "until", "till", "through",
                "before", "after", "ago", "h1", "h2", "q1", "q2", "q3", "q4", "ytd", "summer", "winter", "spring",
                "autumn", "fall", "thru", "upto"}
NEGATION = re.compile(r"\b(not|excluding|exclude|except|other than|besides|without|aren't|weren't|isn't|non|apart from|"
                      r"outside)\b|\bno account\b")
RANK_WORDS = (r"best|top|bottom|biggest|largest|highest|most|smallest|lowest|worst|fewest|least|latest|oldest|longest|"
              r"shortest|fastest|quickest|slowest|weakest|strongest")
"""the words that rank, and so may come with how many are wanted ("bottom 3", "the 3 fastest", "worst five")"""
SMALL_NUMBER_OK = re.compile(rf"\b(which|first|last|the|{RANK_WORDS})\s+(\d{{1,2}})\b|\b(\d{{1,2}})\s+({RANK_WORDS}|"
                             r"recent|reps|deals|wins|accounts|products|offices|sectors|managers|customers|"
                             r"opportunities|sellers|closers|people)\b")
FUTURE = re.compile(r"\b(will|going to|forecast|forecasted|predict|predicted|projection|projected|next year|"
                    r"expected to|gonna)\b")
COMPANY_WIDE = re.compile(r"\b(whole|entire|overall) (company|business|org|organisation|organization|sales team)\b|"
                          r"\bcompany s\b|\bour company\b|\bcompany (total|overall|figures?|numbers?|win rate|"
                          r"revenue|pipeline)\b|"
                          r"\bcompany[- ]wide\b|\ball (the )?reps\b|\beveryone\b|\bacross the company\b|"
                          r"\b(?:in|at|across|for|of|does|do|has|did) the company\b|\bthe company(?:'s| s)? "
                          r"(?:have|has|had|do|does|did|total|average|avg|win rate|revenue|pipeline)\b")
TEAM_WIDE = re.compile(r"\b(?:the|our|my) (?:team|sales team)(?:'s| s)? (?:average|avg|total|overall|win rate|revenue|"
                       r"pipeline|figures?|numbers?)\b|\b(?:in|across|for|of) (?:the|our) (?:whole )?(?:team|sales team)\b")
"""a figure over a team, which for a rep is other people's deals too"""

COMPANY_SIDE = re.compile(r"\b(?:vs\.?|versus|against|than|to|with|beside|relative to|above|below)\s+(?:that of\s+)?"
                          r"(?:the\s+|our\s+)?(?:overall\W*$|(?:whole\s+|entire\s+|overall\s+)?"
                          r"(?:company|company(?:'s| s|s)|org|organi[sz]ation|business|everyone|everybody|"
                          r"(?:company|overall|global)(?:[- ]wide)? (?:average|avg|figure|rate|number)|"
                          r"average (?:rep|seller)|all (?:the )?reps)\b(?!\s+else))")
"""a figure set beside the whole company's ("my win rate vs the company", "compared to the company average")"""
TEAM_SIDE = re.compile(r"\b(?:vs\.?|versus|against|than|compared (?:to|with)|relative to|beside)\s+(?:the\s+|my\s+|our\s+)?"
                       r"(?:rest of (?:the |my )?)?(?:team|teammates|peers|colleagues)(?:'s|s)?\b")
"""a figure set beside the asker's team's ("my average deal size vs the team")"""
LOST_TO = re.compile(r"\b(?:lose|lost|losing|loses)\s+(?:\w+\s+){0,4}?to\s+(?:who|whom|which|what)\b|"
                     r"\b(?:who|whom|which \w+|what \w+)\s+(?:did|do|have|has)\s+(?:we|i|you|they|the company|\w+)\s+"
                     r"(?:\w+\s+){0,3}?(?:lose|lost)\s+(?:\w+\s+){0,3}?to\b")
"""who deals were lost to ("who did we lose the most deals to"): a competitor, which the CRM does not record"""
OTHERS_SIDE = re.compile(r"\b(?:vs\.?|versus|against|than|to|with|beside|relative to)\s+(?:the\s+)?"
                         r"(?:everyone else|everybody else|the rest(?: of (?:the )?(?:company|reps|team|sales team))?|"
                         r"(?:all (?:of )?)?(?:the )?other (?:reps|sellers|people|offices|products|teams))\b")
"""a figure set beside everyone else's: the whole without the one named"""


@lru_cache(maxsize=1)
def exclusive_words() -> frozenset[str]:
    """Words the examples use only for questions the CRM cannot answer (quota, salary, forecast...)."""
    from copilot.planner.examples import EXAMPLES

    other = {w for label, items in EXAMPLES.items() if label != "unsupported" for t in items for w in tokens(t)}
    mine = {w for t in EXAMPLES["unsupported"] for w in tokens(t)}
    return frozenset(w for w in mine - other - FILLER if len(w) > 3 and w.islower())
STAGE_WORDS = {"prospecting": "Prospecting", "engaging": "Engaging"}
YES = re.compile(r"^\s*(yes|yeah|yep|yup|correct|right|exactly|that's right|thats right|sure|please do|do it|ok|"
                 r"okay|go ahead)\b[\s.!]*(please)?[\s.!]*$", re.I)
FOLLOW_UP_START = re.compile(r"^\s*(?:ok(?:ay)?|so|and|also|plus|now|then|what about|how about|same for|same|"
                             r"only|just|but|now for|and for|what if|no|change to|switch to|instead)\b", re.I)


@dataclass
class Reading:
    kind: str  # crm, ask, decline, profile, talk_tracks, day, unknown
    frames: list[Frame] = field(default_factory=list)
    compare: bool = False
    note: str | None = None
    offer: list[Frame] = field(default_factory=list)
    account: str | None = None
    confidence: float = 1.0
    unplaced: list[str] = field(default_factory=list)


@dataclass
class _Text:
    words: list[str]
    spots: list[Spot]
    found: Found
    taken: set[int]
    managers: frozenset[str] = frozenset()
    said: tuple[str, ...] = ()  # the words as typed, before slips were corrected ("rates" stays plural)
    manager_of: dict[str, str] = field(default_factory=dict)  # each rep's manager ("Darcel's team")
    office_of: dict[str, str] = field(default_factory=dict)  # each person's office ("Darcel's office")




def _breaks(text: str) -> set[int]:
    """Indexes of the words followed by a comma, semicolon, colon or dash (where a question's parts meet)."""
    out: set[int] = set()
    i = -1
    for token in re.findall(r"[0-9a-z]+|[,;:]|\s-+\s|\?", normal(text)):
        if token[0].isalnum():
            i += 1
        elif i >= 0:
            out.add(i)
    return out


@lru_cache(maxsize=1)
def vocabulary() -> frozenset[str]:
    """Every word the reader knows: the examples', the fillers' and its own structure words."""
    c = classifier()
    extra = set(GROUP_WORDS) | MOST | LEAST | DEAL_NOUNS | ME | HE | IT | set(NUMBER_WORDS) | set(STAGE_WORDS)
    return frozenset(c.vocabulary | FILLER | extra | {"won", "lost", "open", "key", "list", "sort", "stuck",
                                                      "stalled", "engage", "close", "closed", "closing"})


COMPASS = {"north", "south", "northern", "southern", "eastern", "western", "midwest", "midwestern", "northeast",
           "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern"}
GENERIC_NAME_WORDS = {"corporation", "corp", "company", "group", "holding", "holdings", "inc", "ltd", "limited",
                      "systems", "solutions", "international", "global", "industries", "technologies", "services",
                      "the", "and", "of", "co"}


def _account_words(names: Names) -> frozenset[str]:
    """The distinctive words of account names (four letters or more, not "corporation" or "group")."""
    return _words_of(tuple(names.by_kind.get("account", [])))


@lru_cache(maxsize=4)
def _words_of(accounts: tuple[str, ...]) -> frozenset[str]:
    return frozenset({w for name in accounts for w in tokens(name) if len(w) >= 4 and w.isalpha()}
                     - GENERIC_NAME_WORDS - FILLER)


@lru_cache(maxsize=1)
def _known() -> tuple[str, ...]:
    return tuple(sorted(vocabulary()))


def _correct(word: str) -> str | None:
    """A known word this one is a slip of ("employes" -> "employees", "mnay" -> "many"), or None."""
    if len(word) < 4 or not word.isalpha():
        return None
    # one edit (two for long words), or two neighbours swapped: "employes", "mnay", "revnue"; never a
    # different word one letter away from a known one ("recent" is not "percent")
    limit = 1 if len(word) < 9 else 2
    found = process.extract(word, _known(), scorer=OSA.distance, score_cutoff=limit, limit=20)
    if not found:
        return None
    # the closest; then one that starts with the same letter; then one of the same length
    best = min(found, key=lambda f: (f[1], f[0][:1] != word[:1], abs(len(f[0]) - len(word)), f[0]))
    return str(best[0])


ALL_STAGES = ("Won", "Lost", "Prospecting", "Engaging")
STAGE_COUNTS = ("won_count", "lost_count", "open_count")
COUNTS = ("count", *STAGE_COUNTS)
"""the topics that count deals: in every stage, or in one stage's"""
_STAGE_SET = {"won": {"Won"}, "win": {"Won"}, "wins": {"Won"}, "winning": {"Won"}, "lost": {"Lost"}, "lose": {"Lost"},
              "losing": {"Lost"}, "closed": {"Won", "Lost"}, "close": {"Won", "Lost"}, "closing": {"Won", "Lost"},
              "open": {"Prospecting", "Engaging"}}
_NOT = (r"(?:not|never|no longer|yet to be|non-?|un|without|excluding|exclude|except|other than|besides|apart from|"
        r"not counting|leaving out|leave out|minus|did ?n[o']?t|(?:have|has|had|are|is|was|were|do|does|wo) ?n[o']?t)"
        r"\s*(?:(?:yet|ever|been|be|get|got|gotten|we|they|i|you|he|she|it|still|any|the|deals?)\s+)*")
NOT_STAGE = re.compile(rf"\b{_NOT}(won|wins?|winning|lost|lose|losing|closed|close|closing|open)\b")
"""a stage said to be not the case: "not won", "didn't close", "haven't been won", "not lost"."""
EITHER_STAGE = re.compile(r"\b(won|win|lost|lose|open)\b(?:\s+(?:deals?|ones))?\s+or\s+"
                          r"(?:(?:are|is|were|was|still|the|both)\s+)*(won|win|lost|lose|open)\b")
"""two stages together: "lost or still open" ("won and lost" asks for both, each on its own)."""
_PAIRED = r"(won|wins|win|lost|losses|lose|open|engaging|prospecting)"
STAGE_PAIR = re.compile(rf"\b{_PAIRED}\b(?:\s+(?:deals?|ones|opps|opportunities))?(?:\s+(?:in|during|for)\s+\w+(?:\s+\d{{4}})?)?"
                        rf"\s*(?:,\s*)?(?:and|vs\.?|versus|"
                        rf"compared\s+(?:to|with)|against|&)\s+(?:the\s+|how\s+many\s+|in\s+)?{_PAIRED}\b(?!\s+(?:rates?|ratios?|"
                        rf"percentages?|%|revenue|value|size|cycle))")
"""two stages named side by side ("won and lost deals", "engaging vs prospecting"): each one's count"""
PAIR_STAGE = {"won": "won_count", "wins": "won_count", "win": "won_count", "lost": "lost_count", "losses": "lost_count",
              "lose": "lost_count", "open": "open_count", "engaging": "Engaging", "prospecting": "Prospecting"}
STAGE_TOPIC = {"won": "won_count", "win": "won_count", "wins": "won_count", "winning": "won_count",
               "lost": "lost_count", "lose": "lost_count", "losing": "lost_count", "open": "open_count"}


def _stage_counts_of(stages: set[str]) -> set[str]:
    """The stage counts over any of ``stages``."""
    return {t for t in STAGE_COUNTS if set(STAGES_OF[t]) & stages}


POSITIVE_STAGE = re.compile(r"\b(won|wins?|winning|lost|lose|losing|open)\b")
PERIOD_MENTION = re.compile(r"\b(q[1-4]|h[12]|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|"
                            r"nov\w*|dec\w*)\s*(?:of\s+)?'?((?:19|20)?\d\d)\b")


_ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                  "eighteenth", "nineteenth", "twentieth")
_POSITIONS = {**{w: i for i, w in enumerate(_ORDINAL_WORDS, 1)}, "last": -1, "final": -1, "top": 1, "bottom": -1}
_LISTED_NOUN = {"account": "account", "customer": "account", "client": "account", "company": "account",
                "rep": "rep", "agent": "rep", "seller": "rep", "salesperson": "rep", "person": "rep",
                "product": "product", "office": "regional_office", "region": "regional_office", "sector": "sector",
                "industry": "sector"}
_NUMBER_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
POSITION = re.compile(rf"\b(?:the\s+|that\s+)?(?:(?P<pos>{'|'.join(_ORDINAL_WORDS)}|\d{{1,2}}(?:st|nd|rd|th)|last|final)"
                      r"\s+(?P<noun>one|account|customer|client|company|rep|agent|seller|salesperson|person|product|office|"
                      r"region|sector|industry)|(?P<end>top|bottom)\s+one)(?=\b|')(?P<list>\s+(?:on|in|of)\s+(?:the|that|"
                      rf"this|your)\s+list)?|(?:\bnumber\s+|\bno\.\s*|#\s*)(?P<n>\d{{1,2}}|{'|'.join(_NUMBER_WORDS)})\b"
                      r"(?P<nlist>\s+(?:on|in|of)\s+(?:the|that|this|your)\s+list)?", re.IGNORECASE)
"""a row of the list last shown named by its place ("the second one", "the bottom one", "number 3 on the list")"""


DISTINCT = re.compile(r"^\s*(?:and\s+|so\s+)?how many\s+(?:different\s+|distinct\s+|unique\s+|separate\s+|individual\s+)?"
                      r"(?P<kind>products|accounts|customers|clients|companies|sectors|industries|offices|reps|sellers|"
                      r"agents|salespeople)\s+(?P<mid>(?:did|has|have|had|do|does)\s+[\w' .-]{0,40}?)?\s*"
                      r"(?P<verb>sell|sold|win|won|close|closed|lose|lost|sign|signed|work|worked|"
                      r"(?:have|had|has)\s+(?:any\s+)?(?:open\s+|won\s+|lost\s+|active\s+)?(?:deals|opportunities))\b"
                      r"(?P<rest>.*)$",
                      re.IGNORECASE)
"""how many products (accounts, sectors, ...) a rep's or the team's deals were with ("how many different products did
Darcel sell?"): those with at least one such deal, counted and listed"""
BELOW_LIST = re.compile(r"\bat\s+(?:the\s+)?(?:full|sticker)\s+price\b|\bfull[\s-]+price\b|"
                        r"\b(?:less|more|lower|higher|cheaper)\s+than\s+(?:the\s+|its\s+|their\s+)?list\s+price\b|"
                        r"\b(?:below|above|under|over)\s+(?:the\s+|its\s+|their\s+)?list\s+price\b|\bdiscount(?:s|ed|ing)?\b",
                        re.IGNORECASE)
"""a deal's value against its product's list price (a discount), which no lookup compares"""
OTHERS = re.compile(r"\b(?:from|with|at|for|by|of|to|in|on)\s+(?:the\s+|all\s+(?:the\s+)?|any\s+)?(?:other|remaining)\s+"
                    r"(?:accounts?|customers?|clients?|companies|reps?|sellers?|products?|sectors?|offices?|teams?|deals?)\b|"
                    r"\beveryone else\b|\beverybody else\b|\bthe rest of (?:the )?(?:accounts|reps|team|products|sectors|"
                    r"offices|company)\b", re.IGNORECASE)
"""all but what was named ("how much did we win from other accounts in that sector?"): left out, which no lookup does"""
MY_PEERS = re.compile(r"\bmy\s+(?:manager|boss)(?:'s|s)?\s+(?:whole\s+|entire\s+)?(?:team|reps|people|group)\b|"
                      r"\bmy\s+(?:team\s?mates|colleagues|peers|co-?workers)\b", re.IGNORECASE)
"""a rep asking about the others on their team ("my manager's team", "my teammates"): beyond a rep's own deals"""
IN_TOTAL = re.compile(r"^\W*(?:and|so|what about|how about|ok|okay)?\W*(?:what(?:'s| is| was)\s+(?:it|that)\s+)?(?:in\s+)?"
                      r"(?:total|all together|altogether|the total)\W*$", re.IGNORECASE)
"""a bare "and in total?" after a narrowed figure"""
ACCOUNT_AVERAGE = re.compile(r"\b(?:average|avg|mean|typical)\s+(?:annual\s+|yearly\s+)?revenue\s+(?:of|for|across)\s+"
                             r"(?:the\s+|our\s+|all\s+)?(?:accounts|customers|clients|companies)\b|"
                             r"\brevenue\s+(?:do|does)\s+(?:the\s+|our\s+|all\s+)?(?:accounts|customers|clients|companies)"
                             r"\s+have\s+on\s+average\b", re.IGNORECASE)
"""an average of the accounts' revenue: their own annual revenue, or what we won from them, is not said"""
HALF_OF = re.compile(r"\b(?:in\s+|during\s+|for\s+)?(?:the\s+)?(?P<which>first|1st|second|2nd|latter|last|early|earlier|later)"
                     r"\s+half\s+of\s+(?:(?P<unit>q[1-4]|the\s+quarter|the\s+month)|(?P<month>jan(?:uary)?|feb(?:ruary)?|"
                     r"mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|"
                     r"dec(?:ember)?))(?:\s*,?\s*(?P<year>(?:19|20)\d\d))?\b", re.IGNORECASE)
"""half of a month ("the second half of March 2017": 16 to 31 March) or of a quarter (which days is asked)"""
RANKED_AMONG = re.compile(r"\b(?:what|which)\s+rank\b|\brank\s+am\s+i\b|\bmy\s+(?:rank|ranking|position|place|"
                          r"percentile)\b|\bpercentile\b|\b(?:anyone|anybody|everyone|everybody|any\s+other\s+rep|"
                          r"other\s+reps|the\s+other\s+reps)\b|\bam\s+i\s+(?:the\s+)?(?:top|best|first|number\s+one)\b",
                          re.IGNORECASE)
"""a rep asking where they stand among others ("what rank am I?", "the highest win rate anyone has"): others' figures"""
AT_RISK = re.compile(r"\bat[\s-]+risk\b|\brisky\s+deals?\b|\blikely\s+to\s+(?:slip|churn|be\s+lost|lose)\b",
                     re.IGNORECASE)
"""deals at risk: no field of the CRM says so"""
MY_NUMBER = re.compile(r"\b(?:hit|hitting|make|making|reach|reaching|on\s+track\s+(?:for|to\s+hit))\s+(?:my|our|the|his|"
                       r"her|their)\s+(?:number|numbers|quota|target|targets|goal|goals|plan)\b", re.IGNORECASE)
"""how one stands against a quota ("am I hitting my number?"): the CRM holds none"""
BIGGEST_LOSS = re.compile(r"\b(?:biggest|largest|worst|costliest|most\s+expensive|highest\s+value)\s+(?:single\s+)?"
                          r"(?:loss|losses|lost\s+deals?|deals?\s+(?:we|i|you|they|he|she)\s+lost)\b", re.IGNORECASE)
"""the biggest loss: a lost deal has no value, so not the biggest deal won"""
ACCOUNT_FIELD_TOTAL = re.compile(r"\b(?:employees|headcount|staff)\b[^?.]*\b(?:in\s+total|total|combined|altogether|"
                                 r"sum|add\s+up)\b|\b(?:total|combined|sum\s+of)\s+(?:the\s+)?(?:number\s+of\s+)?"
                                 r"(?:employees|headcount|staff)\b", re.IGNORECASE)
"""a sum of the accounts' own employees, which no lookup adds up"""
LESS_THE_ONES = re.compile(r"\b(?:less|minus|excluding|except|without|but not|not counting)\s+(?:the\s+|all\s+)?"
                           r"(?:ones?|deals?|those|that|revenue|wins?|sales)\s+(?:from|of|by|for|at|with|in|on|to)\b",
                           re.IGNORECASE)
"""what follows is left out ("won deals, less the ones from Darcel"), whatever name comes after it"""
THAN_A_PERSON = re.compile(r"^\W*(?:and\s+)?(?:who|which\s+(?:reps?|sellers?|agents?|people|of\s+(?:my|our)\s+reps))\b[^?]*?"
                           r"\b(?:less|fewer|more|lower|higher|better|worse|bigger|smaller)\s+(?:\w+\s+){0,3}?than\s+"
                           r"(?!\d|\$|a\s|an\s|one\b|two\b|three\b|four\b|five\b|ten\b|last\b|the\s+(?:last|previous|average))",
                           re.IGNORECASE)
"""who did better or worse than a person ("who won less than Darcel?"): a list of people above or below another's figure,
which no lookup gives; never the person's own figure as if it answered"""
WHO_IT = re.compile(r"^\s*(?:and\s+|so\s+)?(?:(?:who|which rep)\s+(?:won|closed|owns|owned|sold|has|had|worked|works|is on|"
                    r"was on|signed|lost|got)\s+(?:it|that|that one|that deal|this deal|this one)|when\s+(?:did|was)\s+"
                    r"(?:it|that|that one|that deal|this deal|this one)\s+(?:close|closed|won|lost|signed|engaged|start|"
                    r"started|open|opened|get closed|get engaged))\s*[?.!]*$", re.IGNORECASE)
"""who is behind the one deal just shown ("who won it?")"""
SAME_FIGURE = re.compile(r"^\s*(?:and\s+|so\s+)?(?:how much|what)\s*(?:is|was|'s|s)\s+(?:it|that)(?:\s+exactly)?\s*[?.!]*$",
                         re.IGNORECASE)
"""the figure just given, asked again ("how much is it?"): never another figure"""


def _distinct(text: str) -> str:
    """"how many different products did Darcel sell?" as the count of products with more than 0 won deals for Darcel."""
    m = DISTINCT.match(text)
    if m is None or find_count_bound(text)[0] is not None or NO_COUNT.search(text) or \
            re.search(r"\b(?:never|not|no|none|without|yet)\b|n't\b", text, re.IGNORECASE):
        return text  # "how many accounts have more than 100 won deals", "never sold to": another question
    who = re.sub(r"^(?:did|has|have|had|do|does)\b\s*", "", (m.group("mid") or "").strip(), flags=re.IGNORECASE).strip()
    if who.lower() == "a" or m.group("kind").lower() in ("reps", "sellers", "agents", "salespeople") and who:
        return text  # "how many reps has Darcel's team got": another question
    who = "" if who.lower() in ("we", "the team", "the company", "you") else "me" if who.lower() == "i" else \
        "my team" if who.lower() in ("my team", "our team") else who
    verb = m.group("verb").lower()
    stage = "lost" if verb.startswith("los") or " lost " in verb else "open" if re.search(r"\b(?:open|active)\b", verb) \
        else "won" if " won " in verb or not verb.startswith(("work", "ha")) else ""
    rest = re.sub(r"^\s*(?:any\s+)?(?:deals?|opportunities|wins?)?\s*(?:with|to|from|at|for|in)?\b(?=\s|$|\?)", "",
                  m.group("rest"), flags=re.IGNORECASE)
    return f"how many {m.group('kind')} have more than 0 {stage + ' ' if stage else ''}deals" + \
        (f" for {who}" if who else "") + rest


NEXT_PLACE = re.compile(rf"^\s*(?:and|so|ok|then)?\s*(?:who|which(?:\s+\w+)?|what)(?:'s|\s+is|\s+was|\s+came|\s+comes|"
                        rf"\s+placed|\s+finished|\s+ranked|\s+ranks|\s+is\s+in|\s+was\s+in|\s+came\s+in)?\s+(?:the\s+)?"
                        rf"(?P<pos>{'|'.join(_ORDINAL_WORDS[1:10])}|\d(?:st|nd|rd|th)|runner[- ]up|next)(?:\s+place|"
                        r"\s+one|\s+best|\s+highest|\s+most)?\s*[?.!]*\s*$", re.IGNORECASE)
"""a lower place of a ranking that showed its top alone ("who came second?", "who's the runner-up?")"""
BARE_POSITION = re.compile(rf"^\s*(?:and|what about|how about|ok|so|now)?\s*(?:the\s+)?(?P<pos>{'|'.join(_ORDINAL_WORDS)}|"
                           r"\d{1,2}(?:st|nd|rd|th)|last|bottom|top)\s*[?.!]*\s*$", re.IGNORECASE)
"""a place alone as the whole question ("and the fourth?")"""


def _place(word: str) -> int:
    """The place a word names in a list: 1 for "first" or "1st", -1 for "last" or "bottom"."""
    word = word.lower()
    return _POSITIONS[word] if word in _POSITIONS else int(word[:-2])


def _positions_named(text: str, context: Context) -> tuple[str, str | None]:
    """``text`` with each row of the list last shown that it names by its place ("how many deals did the first one
    lose?") replaced by that row's name; a noun of another kind is left as said ("the first product" may be asked
    afresh). With a question back where "one" or "on the list" points into no list, or past its end."""
    shown = listed_of(context.focus)
    kind, names = shown if shown is not None else ("", [])
    missed: list[str] = []

    def name(m: re.Match[str]) -> str:
        if m.group("n") and not (names or m.group("nlist")):  # "our number 1 product": no list pointed into
            return m.group(0)
        noun = (m.group("noun") or "one").lower()
        pointing = noun == "one" or bool(m.group("list") or m.group("nlist"))
        if noun != "one" and _LISTED_NOUN[noun] != kind:
            if pointing:
                missed.append(m.group(0).strip())
            return m.group(0)
        if m.group("n"):
            n = m.group("n").lower()
            at = int(n) if n.isdigit() else _NUMBER_WORDS.index(n) + 1
        else:
            at = _place(m.group("pos") or m.group("end"))
        if not names or at > len(names):
            if pointing:
                missed.append(m.group(0).strip())
            return m.group(0)
        return names[at - 1 if at > 0 else at]
    bare = BARE_POSITION.match(text)
    if bare and names:  # "and the fourth?": a place, said alone, in the list last shown
        at = _place(bare.group("pos"))
        if at > len(names):
            missed.append(f"the {bare.group('pos').lower()}")
        else:
            return f"and {names[at - 1 if at > 0 else at]}?", None
    out = POSITION.sub(name, text)
    if not missed:
        return out, None
    if not names:
        return out, (f'Which one do you mean by "{missed[0]}"? Name it, for example an account, a rep or a product.')
    return out, (f'Which one do you mean by "{missed[0]}"? The list I showed last has {len(names)} '
                 f"({', '.join(names[:5])}{', ...' if len(names) > 5 else ''}): name it.")


WHO_MOST = re.compile(r"^(?:(?:and|so|ok(?:ay)?|then|now|but)\s+)?(?:who|whom|which\s+(?:rep|one|seller|agent|salesperson|"
                      r"person|of them))(?:'s|\s+is|\s+was|\s+has|\s+had|\s+did|\s+got|\s+won|\s+lost|\s+closed|"
                      r"\s+sold|\s+made|\s+brought\s+in|\s+were)?\s+(?:the\s+)?(?:most|fewest|least|highest|lowest|"
                      r"best|worst|top|bottom)(?:\s+(?:one|of them|on (?:the|that|his|her|their|my) team))?\s*[?.!]*$",
                      re.IGNORECASE)
"""who of the people behind the last figure had the most of it ("who had the most?" after a team's count)"""


def _who_most(text: str, identity: Identity, context: Context) -> Reading | None:
    """"Who had the most?" after a figure over several reps (a team, an office, everyone): the top rep by that figure,
    same subject and period; None where the question is not that, or the last answer was no such figure."""
    if not context.frames or context.compare or not WHO_MOST.match(text.strip()):
        return None
    last = context.frames[0]
    if last.topic not in DEAL_METRICS or not (last.form == "figure" or last.form in ("ranked", "breakdown") and
                                              last.group == "rep" and not last.by and not last.each):
        return None
    if len(last.filters.get("rep") or []) == 1:  # one rep's figure: a rep's own, others' deals are not theirs to see
        return Reading("decline", note="ranking") if identity.role == "rep" else None
    frame = last.edit(form="ranked", group="rep", by=None, each=0, also=[], limit=1,
                      descending=_direction(re.findall(r"[a-z]+", text.lower())) != "least")
    if _ranks_others(frame, identity):
        return Reading("decline", note="ranking")
    return Reading("crm", [frame])


REPS_BY = re.compile(r"\b(?:which|what)\s+(?:regional\s+)?(?P<g>office|region|team|manager)s?\b[^?]*?\b(?P<dir>most|"
                     r"fewest|least|biggest|smallest|largest)\s+(?:number of\s+)?(?:reps|agents|sellers|salespeople|people|"
                     r"members|sales agents)\b|\bhow many\s+(?:reps|agents|sellers|salespeople|people|sales agents)\s+(?:are\s+"
                     r"|does\s+|do\s+)?(?:there\s+)?(?:in|per|on|by|has)\s+(?:each|every)\s+(?P<g2>office|region|team|"
                     r"manager)\b|\b(?:reps|agents|sellers|salespeople|headcount|sales agents)\s+(?:per|by|in each)\s+"
                     r"(?P<g3>office|region|team|manager)\b", re.IGNORECASE)
"""reps counted by office or team, not the deals ("which office has the fewest reps", "how many reps per team")"""


NONE_ASKED = re.compile(r"\b(?:who|which|wich|whcih|whihc|whom|how many|list)\b|^\s*(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:reps|agents|sellers|"
                        r"salespeople|accounts|customers|clients|products|offices|managers|teams)\s+(?:with|that have|who "
                        r"have|having)\b", re.IGNORECASE)
NO_COUNT = re.compile(r"(?:\b(?:no|zero)|(?<=\bwith )0|(?<=\bhave )0|(?<=\bhas )0|(?<=\bhad )0|(?<=\bwon )0|"
                      r"(?<=\blost )0|(?<=\bgot )0|(?<=\bclosed )0)\s+(?=(?:(?:won|lost|open|closed)\s+)?(?:deals?|wins?|opportunit(?:y|ies)|opps?|"
                      r"losses|sales)\b)", re.IGNORECASE)
"""a count of none asked for by the group ("which reps won no deals", "how many products had zero lost deals"): read as a
bound of exactly 0"""


def read(text: str, names: Names, identity: Identity, today: dt.date, context: Context) -> Reading:
    """What ``text`` asks (see ``_read_whole``); a figure of "his" or "her" deals where no one is meant is asked about,
    never given for everyone."""
    reading = _read_whole(text, names, identity, today, context)
    said = re.findall(r"[a-z]+", text.lower())
    spots = spot(text, names)  # the names said, looked for once
    if reading.kind in ("crm", "ask") and (unknown := stranger(text, names)) is not None:
        # "how many deals did Darcel Jones win?": no such person; Darcel Schlecht's figure would be a guess
        said, owners = unknown
        return Reading("ask", note=f'I don\'t know anyone called "{said}". Do you mean {" or ".join(owners[:4])}? Name '
                                   'them as the CRM has them.')
    if reading.kind == "crm" and len(reading.frames) == 1 and reading.frames[0].topic == "won_revenue" and \
            reading.frames[0].form == "figure" and reading.frames[0].filters.get("account") and \
            REVENUE_OF.search(text) and not re.search(r"\b(?:won|win|wins|deals?|sales|sold|closed|booked|brought|made|"
                                                      r"from|with|we|our|us|i|my)\b", text, re.IGNORECASE):
        # "what's the revenue of Acme Corporation?": the revenue we won from it, or its own annual revenue?
        account = reading.frames[0].filters["account"][0]
        return Reading("ask", offer=reading.frames, note=f"Do you mean the revenue we won from {account} (its won "
                                                         f"deals) or {account}'s own annual revenue? Say yes for the "
                                                         f"won revenue, or ask \"what's {account}'s annual revenue?\".")
    if reading.kind == "crm" and any(f.topic in ("avg_won_deal_size", "median_won_deal_size") for f in reading.frames) \
            and re.search(r"\bclosed\s+(?:deals?|opportunit\w*)\b", text, re.IGNORECASE) and \
            not re.search(r"\b(?:won|wins?|winning)\b", text, re.IGNORECASE):
        # "the average close value of all closed deals": a lost deal closes with no value, so of the won ones?
        return Reading("ask", offer=reading.frames, note="A lost deal closes with no value in the CRM, so an average over "
                                                         "every closed deal would count them as 0. Do you mean the "
                                                         "average won deal? Say yes, or ask again in other words.")
    if reading.kind == "crm" and (m := OTHER_ONE.search(text)) and not spots:
        # "the other one's win rate?" after a comparison: which one is not for me to pick
        return Reading("ask", note=f'Which do you mean by "{m.group(0)}"? Name it, for example "what\'s the West '
                                   'office\'s win rate?".')
    if reading.kind == "crm" and context.offer and not spots and \
            re.search(r"\b(?:them|those|these|it|its|their|theirs)\b", text, re.IGNORECASE):
        # "how many deals did I lose with them?" after a question of mine: "them" points at nothing answered
        return Reading("ask", note="Which do you mean? My last answer was a question, not a list or a figure; name "
                                   "the account, rep, product or deals you mean.")
    if reading.kind == "crm" and THERE.search(text) and not any(
            f.filters.get(k) for f in reading.frames for k in ("regional_office", "account", "sector", "product")) and \
            not any(s.kind in ("account", "regional_office", "sector", "product") for s in spots):
        # "who was the top rep there?" with no place to point to: where is not for me to guess
        return Reading("ask", note='Where do you mean by "there"? Name the office, account or sector, for example '
                                   '"who was the top rep in the East office in Q2 2017?".')
    pronoun = next((w for w in said if w in HE), None)
    shown = listed_of(context.focus)
    they = next((w for w in said if w in ("they", "their", "them", "theirs")), None)
    if they and not pronoun and reading.kind == "crm" and shown and shown[0] in ("rep", "manager") and \
            len(shown[1]) > 1 and not context.focus.get(shown[0]) and not spots and \
            not any(f.filters.get("rep") or f.filters.get("manager") for f in reading.frames):
        # "their win rate?" after the won revenue of every manager: which of them is not for me to pick
        names = ", ".join(shown[1][:8]) + (f" and {len(shown[1]) - 8} more" if len(shown[1]) > 8 else "")
        return Reading("ask", note=f'Which of them do you mean by "{they}": {names}? Name one, or ask for them all at '
                                   f'once, for example "win rate by {shown[0]}".')
    if not pronoun or reading.kind != "crm":
        return reading
    own = {identity.name} if identity.role in ("rep", "manager") else set()
    if any(s.kind in ("rep", "manager", "user") for s in spots):
        return reading  # the person is named ("Darcel and his win rate")
    people = [set(f.filters.get("rep") or []) | set(f.filters.get("manager") or []) for f in [*reading.frames,
                                                                                          *reading.offer]]
    if any(named - own for named in people):
        return reading
    if re.search(r"\b(his|her)\s+(?:whole\s+)?office\b", text.lower()) and \
            not any(f.filters.get("regional_office") for f in reading.frames):
        return Reading("ask", note=f"Which office do you mean? Name it, for example \"won revenue for the East office\", "
                                   f"or ask \"which office is {context.focus.get('rep') or 'Darcel Schlecht'} in?\" first.")
    if re.search(r"\b(his|her)\s+(whole\s+)?(team|teammates|colleagues|peers)\b", text.lower()):
        # "what's his team's won revenue?" after a rep's figures: the manager is not for me to guess
        who = f"{context.focus['rep']}'s manager" if context.focus.get("rep") else "the manager"
        return Reading("ask", note=f"Whose team do you mean? Name {who}, for example "
                                   "\"won revenue for Melvin Marxen's team\", or ask \"who manages "
                                   f"{context.focus.get('rep') or 'Darcel Schlecht'}?\" first.")
    shown = listed_of(context.focus)
    if not context.focus.get("rep") and shown and shown[0] in ("rep", "manager") and len(shown[1]) > 1:
        # "what's his win rate?" after three reps were listed: which of them is not for me to pick
        names = ", ".join(shown[1][:8]) + (f" and {len(shown[1]) - 8} more" if len(shown[1]) > 8 else "")
        return Reading("ask", note=f'Which of them do you mean by "{pronoun}": {names}? Name one, or say which '
                                   'place in the list, for example "the second one".')
    if not context.focus.get("rep") and not context.focus.get("manager") or own and all(named <= own for named in people):
        # "how many deals did he win?" with no one named before (or only the asker's own scope): not for me to guess
        return Reading("ask", note=f'Who do you mean by "{pronoun}"? Name the rep or manager, for example '
                                   '"how many deals did Darcel Schlecht win?".')
    return reading


def _read_whole(text: str, names: Names, identity: Identity, today: dt.date, context: Context) -> Reading:
    """What ``text`` asks, in frames of the CRM's figures (or a question back, or a refusal); a count of deals in a
    stage said not to be ("not won") or of two stages ("lost or open") is counted over the stages meant; a bound on
    the deals' value ("over $5,000") is read like a period, apart from the rest, and set on each frame."""
    text = re.sub(r"\bregional\s+(offices?)\b", r"\1", text, flags=re.IGNORECASE)  # "by regional office": by office
    # "which was the best quarter?" after a breakdown by quarter: the quarter at the top, as "what was ...", never a deal
    text = re.sub(r"\bwhich\s+(was|is|were)\s+(?=(?:the\s+)?(?:best|strongest|top|biggest|worst|weakest|slowest|quietest)"
                  r"\s+(?:month|quarter)\b)", r"what \1 ", text, flags=re.IGNORECASE)
    # "how many deals did we engage in Q4?": the deals engaged then, in any stage, as "were engaged" says
    text = re.sub(r"\b(?:did|have|has)\s+(?:we|they|you|my team|our team|the team)\s+(?:engage|start|open|create)\b",
                  "were engaged", text, flags=re.IGNORECASE)
    if m := HALF_OF.search(text):  # "the second half of March 2017": its days, never H2 and March side by side
        if m.group("unit") or not m.group("year"):
            return Reading("ask", note=f'Which days do you mean by "{m.group(0).strip()}"? Name them, for example '
                                       '"from 16 March 2017 to 31 March 2017".')
        month, year = month_word(m.group("month").lower()), int(m.group("year"))
        assert month is not None  # the pattern names only months
        last = calendar.monthrange(year, month)[1]
        first_half = m.group("which").lower() in ("first", "1st", "early", "earlier")
        days = (1, 15) if first_half else (16, last)
        name = dt.date(year, month, 1).strftime("%B")
        text = text[:m.start()] + f" from {days[0]} {name} {year} to {days[1]} {name} {year} " + text[m.end():]
    # "sorry, Q1", "oops, I meant won": a correction of the question before, as "no, I meant ..." is
    text = re.sub(r"^\W*(?:sorry|oops|whoops|my bad|apologies|sry|correction|typo)\b[\s,.!:;-]*", "no, ", text,
                  flags=re.IGNORECASE)
    if context.frames and identity.role in ("rep", "manager") and \
            any(pattern.search(text.lower()) for pattern, keys in WIDER if "rep" in keys or keys == ("regional_office",)) \
            and not any(s.kind in ("rep", "manager", "user", "regional_office") for s in spot(text, names)):
        # "and for the whole company?" after a rep's own figure: beyond their scope, never their own figure again
        return Reading("decline", note="scope")
    if BELOW_LIST.search(text) and re.search(r"\b(?:deals?|won|win|wins|sold|closed|lost)\b", text, re.IGNORECASE):
        return Reading("ask", note="I can't compare a deal's value with its product's list price yet (discounts), and I "
                                   "won't answer a different question instead. I can count or sum the deals over or under "
                                   "an amount you name. Do you want that?")
    text = re.sub(r"\bwho(?:'s|s| has)\s+got\b", "who has", text, flags=re.IGNORECASE)  # "whos got the most open deals"
    text = re.sub(r"\bwhos\b", "who is", text, flags=re.IGNORECASE)
    if identity.role == "rep" and (MY_PEERS.search(text) or RANKED_AMONG.search(text)):
        return Reading("decline", note="scope")  # "how much did my manager's team win?", "what rank am I?": others' deals
    if AT_RISK.search(text):
        return Reading("ask", note="The CRM doesn't mark deals as at risk, and I won't pick the biggest ones instead. I "
                                   "can show stalled deals (open, with no touch for a while): ask \"which of my deals "
                                   "are stalled?\". Do you want that?")
    if MY_NUMBER.search(text):
        return Reading("ask", note="The CRM holds no quotas or targets, so I can't say how you stand against one. I can "
                                   "give your won revenue for a period, for example \"how much did I win in Q4 2017?\". "
                                   "Do you want that?")
    if BIGGEST_LOSS.search(text):
        return Reading("ask", note="A lost deal closes with no value in the CRM, so no loss is bigger than another by "
                                   "value. I can list the lost deals (\"list my lost deals in Q4 2017\") or count them. "
                                   "Which do you want?")
    if ACCOUNT_FIELD_TOTAL.search(text):
        return Reading("ask", note="I can't add up the accounts' own employees or revenue yet, and I won't give one "
                                   "account's figure instead. I can list the accounts by it, for example \"medical "
                                   "accounts by employees\". Do you want that?")
    if context.frames and len(context.frames) == 1 and IN_TOTAL.match(text) and \
            (context.frames[0].period is not None or any(context.frames[0].filters.get(k) for k in SUBJECTS)):
        # "and in total?" after Darcel's wins at Codehow (or in Q3): without which of its limits is not said
        return Reading("ask", note="In total over what: the same figure without one of its limits (the period, the "
                                   "account, the product, the person), or everyone's? Ask it with what to keep, for "
                                   "example \"Darcel's won deals, all time\" or \"won deals at Codehow, everyone\".")
    if ACCOUNT_AVERAGE.search(text) and not re.search(r"\b(?:won|win|wins|deals?|sales|sold|closed|from us|with us)\b",
                                                      text, re.IGNORECASE):
        return Reading("ask", note="Do you mean the accounts' own annual revenue, or the revenue we won from them? I "
                                   "can't average the accounts' annual revenue yet; I can list accounts by it (\"top 10 "
                                   "accounts by annual revenue\") or give the revenue we won from each (\"won revenue "
                                   "by account\"). Which do you want?")
    if OTHERS.search(text) and not re.search(r"\b(?:compare\w*|vs|versus|than|against)\b", text, re.IGNORECASE) or \
            LESS_THE_ONES.search(text):
        return Reading("decline", note="exclusion")  # "from other accounts in that sector": all but one, not one
    if THAN_A_PERSON.search(text) and any(s.kind == "user" for s in spot(text, names)):
        return Reading("ask", note="I can't list the people above or below someone's figure yet, and I won't answer a "
                                   "different question instead. I can rank everyone by it, for example \"won deals by "
                                   "rep\" or \"won revenue by rep\": who is above and below shows there. Do you want that?")
    if context.frames and context.frames[0].form == "records" and context.frames[0].limit == 1 and WHO_IT.match(text):
        return Reading("crm", [context.frames[0]], confidence=0.9)  # "who won it?" after one deal: that deal, its rep
    text = _distinct(text)
    text = re.sub(r"\b(at least|more than|fewer than|less than|at most|exactly|over|under)\s+(one|two|three|four|five|six|"
                  r"seven|eight|nine|ten)(?=\s+(?:\w+\s+)?(?:deals?|wins?|opportunit\w*)\b)",
                  lambda m: f"{m.group(1)} {_NUMBER_WORDS.index(m.group(2).lower()) + 1}", text, flags=re.IGNORECASE)
    text = re.sub(r"(?:(?<=\s)|^)\$(?=\s+(?:won|made|earned|brought|booked|closed|sold|from|by|for|of)\b)", "revenue", text)
    last = context.frames[0] if len(context.frames) == 1 else None
    if last is not None and SAME_FIGURE.match(text) and last.form in ("figure", "ranked") and \
            last.topic in ("won_revenue", "open_pipeline_list_price", "avg_won_deal_size", "median_won_deal_size"):
        return Reading("crm", [last], compare=context.compare, confidence=0.9)  # "how much is it?": the same figure
    if last is not None and last.form == "ranked" and not last.each and not last.filters.get(last.group or "") and \
            (m := (NEXT_PLACE.match(text) if last.limit <= 3 else None) or
             (BARE_POSITION.match(text) if last.limit == 1 else None)):
        # "who came second?" after "which rep won the most deals?": the ranking down to that place
        said = (m.group("pos") or "").lower()
        at = 2 if not said or said.startswith(("runner", "next")) else _place(said) if said in _POSITIONS or \
            said[:-2].isdigit() else 2
        if at > last.limit:
            return Reading("crm", [last.edit(limit=at)], confidence=0.9)
    text, unplaced = _positions_named(text, context)
    if unplaced:
        return Reading("ask", note=unplaced)
    if (who := _who_most(text, identity, context)) is not None:
        return who
    if m := REPS_BY.search(text):  # "which office has the fewest reps", "how many reps are in each team"
        group = "manager" if (m.group("g") or m.group("g2") or m.group("g3")).lower().startswith(("team", "manager")) \
            else "regional_office"
        direction = (m.group("dir") or "").lower()
        if direction:
            return Reading("crm", [Frame("team", "attribute", {}, group=group, limit=1,
                                         descending=direction in ("most", "biggest", "largest"))])
        return Reading("crm", [Frame("team", "attribute", {}, group=group, limit=50)])
    tied = [n for n in str(context.focus.get("tied") or "").split("\n") if n]
    said = set(re.findall(r"[a-z]+", text.lower()))
    if len(tied) > 1 and said & (HE | {"they", "them", "their", "theirs"}) and not said & {"all", "each", "every", "both"} \
            and not any(n.lower() in text.lower() for n in tied):
        # "what's her win rate?" after five reps tied for the top: which of them is meant is not for me to pick
        names = ", ".join(tied[:8]) + (f" and {len(tied) - 8} more" if len(tied) > 8 else "")
        return Reading("ask", note=f"Which of them do you mean: {names}? They are tied, so I won't pick one. Name one, "
                                   "or ask for them all at once, for example \"win rate by rep\".")
    bound, rest = find_bound(text)
    if NONE_ASKED.search(rest):  # "which reps won no deals": those whose count is 0
        rest = NO_COUNT.sub("exactly 0 ", rest)
    counted, rest = find_count_bound(rest)
    if counted is not None:  # "how many accounts have more than 100 won deals": which, and how many of them
        rest = re.sub(r"\bhow many\s+(accounts|customers|clients|companies|reps|agents|sellers|salespeople|products|"
                      r"offices|regions|sectors|industries|managers|teams)\b", r"which \1", rest, flags=re.IGNORECASE)
    two = _two_groups(_by_words(rest))
    if two is not None:  # read by the first grouping alone; the second is added to what that reading looks up
        rest = two[1]
        if len(set(two[0]) | set(_groups_named(rest.lower()))) > 2:
            return Reading("ask", note="I can break a figure down by two things at once, not three. Which two do you "
                                       "want, for example \"won revenue by office and product\"?")
    if m := ACCOUNT_FIELD_GROUP.search(rest):
        return Reading("ask", note=f"I can't break figures down by an account's {m.group(1).lower()} yet. I can break "
                                   "them down by account, sector, office, product, rep, manager, month or quarter. "
                                   "Which do you want?")
    each = _in_each(rest) if two is None else None
    if each is not None:  # "the top rep in each sector": the ranking is read without "in each sector"
        rest = each[1]
    median = MEDIAN.search(rest) is not None
    reading = _read_question(MEDIAN.sub("average", rest), names, identity, today, context)
    if counted is not None:
        return _count_bounded(reading, counted, rest, identity, bound)
    if median and reading.kind == "unknown":  # "median by colour": a median, of what the CRM holds, is asked about
        said = f'I could not place "{reading.unplaced[0]}". ' if reading.unplaced else ""
        return Reading("ask", note=said + NOT_A_MEDIAN, unplaced=reading.unplaced)
    if (per := AVERAGE_PER_GROUP.search(rest)) and not re.search(
            r"\b(?:size|sized|cycle|per deal|deal value|value of (?:a|each) deal|rate|how long|days)\b", rest, re.IGNORECASE):
        return _average_per_group(reading, per, rest)
    if reading.kind not in ("crm", "ask"):
        return reading
    if (span := AVERAGE_PER_SPAN.search(rest)) and not re.search(r"\b(?:size|sized|cycle|per deal|deal value|value of "
                                                                 r"(?:a|each) deal|rate)\b", rest, re.IGNORECASE):
        return _average_per_span(reading, span, rest)
    if bound is not None and not bound.on_deals and not (bound.bare and context.frames):
        return Reading("ask", note=NOT_ON_DEALS.format(said=bound.said))
    if bound is not None and reading.kind == "ask":  # the reading offered would state the bound as no result does
        return Reading("ask", note=reading.note if reading.note and reading.note != "unclear" else
                       UNSURE.format(said=bound.said))
    cycle = bool(context.frames) and context.frames[0].topic in ("avg_sales_cycle_days", "median_sales_cycle_days") \
        and not re.search(r"\b(?:size|sized|value|amount|revenue|worth|dollars?|price)\b|\$", rest, re.IGNORECASE)
    for attr in ("frames", "offer"):
        frames = getattr(reading, attr)
        if cycle:  # "and the median?" after a sales cycle: the median sales cycle, not the median deal
            frames = [f.edit(topic="avg_sales_cycle_days", also=[]) if f.topic in ("avg_won_deal_size",
                                                                                  "median_won_deal_size") else f
                      for f in frames]
        if context.frames and (median or re.search(r"\b(?:average|avg|mean)\b", rest, re.IGNORECASE)) and \
                not PER_SPAN.search(rest) and not re.search(r"\b(?:cycle|days|long|count|number|how many|how much|"
                                                            r"total|revenue)\b", rest, re.IGNORECASE):
            frames = [f.edit(topic="avg_won_deal_size") if f.topic in ("won_count", "won_revenue") and not f.also and
                      f.form in ("figure", "ranked", "breakdown") else f for f in frames]  # "the average of those"
        if median:
            frames = [_as_median(f) for f in frames]
            if any(f is None for f in frames):
                return Reading("ask", note=NOT_A_MEDIAN)
        elif re.search(r"\b(?:average|avg|mean)\b", rest, re.IGNORECASE):  # "and the average?" after a median
            frames = [f.edit(topic=AVERAGE_OF.get(f.topic, f.topic), also=[AVERAGE_OF.get(x, x) for x in f.also])
                      for f in frames]
        if bound is not None:
            frames = [bounded(f, bound) for f in frames]
            if any(f is None for f in frames):
                return Reading("ask", note=NOT_BOUNDED)
        setattr(reading, attr, [_open_worth(f) for f in frames])
    if two is not None and reading.kind == "crm":
        return _by_two(reading, two[0], rest)
    if each is not None and reading.kind in ("crm", "ask"):
        return _top_in_each(reading, each[0])
    return reading


def _open_worth(frame: Frame) -> Frame:
    """"How many open deals ... and how much are they worth?": an open deal is worth its product's list price, never the
    revenue won from other deals."""
    stages = set(frame.filters.get("stage") or [])
    if "won_revenue" in frame.also and (frame.topic == "open_count" or frame.topic == "count" and stages and
                                        stages <= {"Prospecting", "Engaging"}):
        return frame.edit(also=list(dict.fromkeys("open_pipeline_list_price" if x == "won_revenue" else x
                                                  for x in frame.also)))
    return frame


ACCOUNT_FIELD_GROUP = re.compile(r"\b(?:by|per|for each)\s+(?:the\s+)?(?:account|customer|company|client)(?:'s)?\s+"
                                 r"(country|countries|location|size|employee\s+size|employees|headcount|revenue|age|"
                                 r"year(?:\s+established)?|parent)\b", re.IGNORECASE)
"""a grouping by a field of the account's ("won revenue by account country"), which no lookup breaks figures down by"""
TWO_GROUPS = re.compile(r"\b(?:by|per|for\s+each|for\s+every|across|split\s+by)\s+(?:the\s+|each\s+|every\s+)?"
                        r"(?P<a>[a-z]+)(?:\s*(?:,|&|\band\b|\bthen\b|\bx\b)\s*(?:then\s+)?(?:by\s+|per\s+)?|"
                        r"\s+(?:and\s+)?(?:by|per)\s+)"
                        r"(?:the\s+|each\s+|every\s+)?(?P<b>[a-z]+)\b|"
                        r"\bby\s+(?:the\s+)?(?P<c>[a-z]+)\s+(?:within|in|for|per)\s+(?:each|every)\s+(?P<d>[a-z]+)\b",
                        re.IGNORECASE)
"""two groupings ("won revenue by rep and sector", "deals per office and product", "by rep in each sector")"""


def _two_groups(text: str) -> tuple[tuple[str, str], str] | None:
    """The two groupings ``text`` asks a figure by, in the order said, when it names two different ones; with the
    question by the first alone ("won revenue by rep and sector": "won revenue by rep")."""
    for m in TWO_GROUPS.finditer(text):
        said = [m.group("a") or m.group("c"), m.group("b") or m.group("d")]
        found = [_group_word(w) for w in said]
        if found[0] and found[1] and found[0] != found[1]:
            after = re.match(r"\s*(?:,|&|\band\b)\s*(?:by\s+|per\s+)?(?:the\s+|each\s+)?([a-z]+)", text[m.end():],
                             re.IGNORECASE)
            third = after and _group_word(after.group(1))
            rest = f"{text[:m.start()]}by {said[0]}{text[m.end():]}"
            if third and third not in found:  # "by quarter for each office and product": a third one
                rest = f"{rest} by {after.group(1)}"  # type: ignore[union-attr]
            return (found[0], found[1]), rest
    return None


def _group_word(word: str) -> str | None:
    """The grouping a word names ("reps", "Office", "quarters"), or None."""
    word = word.lower()
    return GROUP_WORDS.get(word) or GROUP_WORDS.get(word.rstrip("s"))


def _group_said(group: str) -> str:
    """A grouping as a person says it ("office", "quarter")."""
    return {"regional_office": "office", "close_quarter": "quarter", "close_month": "month",
            "series": "product series"}.get(group, group)


def _by_two(reading: Reading, groups: tuple[str, str], said: str) -> Reading:
    """``reading`` with its breakdown of deals by the first of ``groups`` broken down by the second too; when it
    holds anything else (a figure of accounts or activities, a bound on each group's count), asked about."""
    first, second = groups
    if reading.frames and all(f.form in ("ranked", "breakdown") and f.group == first and f.topic in DEAL_METRICS
                              and not f.having and not f.by for f in reading.frames):
        # deals by stage are counted in every stage: not the won ones alone, as "deals by rep" are
        every = "stage" in groups and not re.search(r"\b(?:won|wins?|winning|lost|los[st]es|open|closed)\b", said,
                                                    re.IGNORECASE)
        reading.frames = [f.edit(by=second, topic="count") if every and f.topic in COUNTS and
                          "stage" not in f.filters else f.edit(by=second) for f in reading.frames]
        return reading
    return Reading("ask", note=f"I can break that down by one thing at a time here: by {_group_said(first)}, or by "
                               f"{_group_said(second)}? Ask for one of them.")


IN_EACH = re.compile(r"\s*\b(?:(?:in|for|within|across|from|of|at)\s+(?:each|every)(?:\s+one\s+of\s+the)?|per|by)\s+"
                     r"(?P<g>[a-z]+)\b", re.IGNORECASE)
"""the groups a ranking is made within ("the top rep in each sector", "best product per region", "top rep by office")"""


def _in_each(text: str) -> tuple[str, str] | None:
    """The grouping a ranking is asked within, and the question without it, when ``text`` ranks something (a
    superlative) within each value of a group ("which rep won the most in each sector")."""
    if not re.search(r"\b(?:top|best|worst|bottom|most|least|fewest|highest|lowest|biggest|largest|smallest|"
                     r"leading|best-selling|strongest|weakest)\b", text, re.IGNORECASE):
        return None
    for m in IN_EACH.finditer(text):
        group = _group_word(m.group("g"))
        if group is None or group == "stage":
            continue
        if m.group(0).split()[0].lower() in ("per", "by") and not re.search(
                r"\b(?:top|best|worst|bottom|leading|best-selling)\s+(?:\d+\s+|one\s+|two\s+|three\s+|five\s+)?"
                r"(?:reps?|agents?|sellers?|salespeople|products?|accounts?|customers?|managers?|offices?|sectors?|"
                r"industries|industry|regions?|quarters?|months?)\b",
                text[:m.start()], re.IGNORECASE):
            continue  # "per" and "by" name the groups only after "top rep" or "best product": "top rep by revenue" is no group
        return group, f"{text[:m.start()]}{text[m.end():]}"
    return None


def _top_in_each(reading: Reading, within: str) -> Reading:
    """``reading``, a ranking of deals' figures by a group, made within each value of ``within``; anything else is
    asked about."""
    frames = reading.frames if reading.kind == "crm" else reading.offer
    if len(frames) == 1 and frames[0].form == "ranked" and frames[0].group not in (None, within, "stage") and \
            frames[0].topic in DEAL_METRICS and not frames[0].having and not frames[0].by:
        frame = frames[0].edit(by=within, each=frames[0].limit)
        if reading.kind == "crm":
            return Reading("crm", frames=[frame], confidence=reading.confidence)
        return Reading("ask", note=reading.note, offer=[frame], unplaced=reading.unplaced, confidence=reading.confidence)
    named = _group_said(within)
    return Reading("ask", note=f"I can rank reps, managers, offices, products, sectors or accounts by a figure of their "
                               f"deals within each {named}. Which figure do you mean, for example \"the rep with the "
                               f"most won revenue in each {named}\"?")


def _by_words(text: str) -> str:
    """``text`` with "broken down by", "split by", "grouped by"... said as "by"."""
    return re.sub(r"\b(?:broken\s+(?:down|out|up)|split(?:\s+out|\s+up)?|cut|sliced|segmented|grouped|bucketed)\s+by\b",
                  "by", text, flags=re.IGNORECASE)


MEDIAN = re.compile(r"\bmedian\b", re.IGNORECASE)
COUNT_OF = {"won": "won_count", "wins": "won_count", "win": "won_count", "lost": "lost_count", "losses": "lost_count",
            "open": "open_count"}


def _ranks_others(frame: Frame, identity: Identity) -> bool:
    """Whether ``frame`` ranks or breaks down people or offices beyond what ``identity`` may see (a rep: any; a
    manager: anything but their own reps)."""
    return identity.role in ("rep", "manager") and frame.form in ("ranked", "breakdown") and \
        frame.group in ("rep", "manager", "regional_office") and not (identity.role == "manager" and frame.group == "rep")


def _count_bounded(reading: Reading, counted: CountBound, rest: str, identity: Identity,
                   bound: Bound | None = None) -> Reading:
    """"Which reps won more than 100 deals": each group's count of deals, only the groups within the bound (those
    with none too, for "fewer than"); asked about when no group is named, or the figure is not a count of deals. A
    bound on each deal's value ("more than 20 won deals over $5,000") counts only the deals within it."""
    if reading.kind == "decline":  # "which reps won no deals" from a rep: a ranking of others, bound or not
        return reading
    said = re.findall(r"[a-z]+", rest.lower())
    # "my team", "Cara's team", "on the West office" name whose deals, not what is counted; "who" counts people
    owned = {i for i, w in enumerate(said) if w in ("team", "office", "region") and i and said[i - 1] in
             ("my", "our", "your", "his", "her", "their", "s", "the", "that", "this")}
    groups = [GROUP_WORDS[w] for i, w in enumerate(said) if w in GROUP_WORDS and i not in owned]
    if not groups and {"who", "whom"} & set(said):
        groups = ["rep"]
    # the reading offered, when the question without its bound was not sure ("which accounts had won deals in Q3
    # 2017": the deals, or the accounts?): the bound says the accounts are counted
    frames = reading.frames if reading.kind == "crm" else \
        [f.edit(form="figure") for f in reading.offer] if reading.kind == "ask" and groups and not reading.unplaced else []
    named = {COUNT_OF[w] for w in re.findall(r"[a-z]+", counted.said.lower()) if w in COUNT_OF}
    if len(frames) == 1 and frames[0].topic in DEAL_METRICS and frames[0].topic not in COUNTS and len(named) == 1 \
            and not frames[0].also:
        # "who has no won deals", read without its bound as their won revenue: the bound says what is counted
        frames = [frames[0].edit(topic=named.pop()).with_filters(stage=None)]
    if len(frames) != 1 or frames[0].topic not in COUNTS or frames[0].also or not (frames[0].group or groups):
        one = [f for f in frames if f.form == "figure" and f.topic in COUNTS and not f.also]
        return Reading("ask", note=NOT_COUNTED_BY if len(frames) == len(one) == 1 else NOT_COUNTED_WITH, offer=one[:1])
    frame = frames[0]
    stages = {COUNT_OF[w] for w in re.findall(r"[a-z]+", counted.said.lower()) if w in COUNT_OF}
    topic = stages.pop() if len(stages) == 1 else frame.topic
    if counted.having == {"min": 0, "max": 0} and not stages and \
            not re.search(r"\b(?:won|wins?|winning|lost|lose|losses|losing|open|closed|sold|sell)\b", rest, re.IGNORECASE):
        topic = "count"  # "which reps have no deals": none in any stage
    if topic != frame.topic:
        frame = frame.edit(topic=topic).with_filters(stage=None)
    frame = frame.edit(form="breakdown", group=frame.group or groups[0], limit=500, order=None,
                       descending=counted.most_first, having=dict(counted.having))
    if bound is not None:
        if not bound.on_deals:
            return Reading("ask", note=NOT_ON_DEALS.format(said=bound.said))
        if (within := bounded(frame, bound)) is None:
            return Reading("ask", note=NOT_BOUNDED)
        frame = within
    if _ranks_others(frame, identity):
        return Reading("decline", note="ranking")
    return Reading("crm", [frame], confidence=reading.confidence)


AVERAGE_PER_GROUP = re.compile(r"\b(?:average|avg|mean|typical)\b.*?\b(?:per|a|each|every|an)\s+(?P<a>rep|agent|seller|"
                               r"salesperson|account|customer|client|product|office|region|manager|team|sector|industry)\b|"
                               r"\b(?:per|a|each|every|an)\s+(?P<b>rep|agent|seller|salesperson|account|customer|client|"
                               r"product|office|region|manager|team|sector|industry)\b.*?\bon\s+average\b|"
                               r"\b(?:the|an?)\s+(?:average|typical|normal|usual)\s+(?P<c>rep|agent|seller|salesperson|account|"
                               r"customer|client|product|office|region|manager|team|sector|industry)\b",
                               re.IGNORECASE)
"""an average over the members of a group ("average won revenue per rep", "won deals per account on average")"""


def _average_per_group(reading: Reading, per: re.Match[str], rest: str) -> Reading:
    """"Average won revenue per rep": asked about, since which reps count (those with no won deal too?) is not said;
    each one's figure is offered."""
    said = (per.group("a") or per.group("b") or per.group("c")).lower()
    group = _group_word(said) or "rep"
    base = (reading.frames or reading.offer or [Frame("won_revenue")])[0]
    topic = "lost_count" if re.search(r"\blost|losses\b", rest, re.IGNORECASE) else \
        "open_count" if re.search(r"\bopen\b", rest, re.IGNORECASE) else \
        "won_count" if re.search(r"\b(?:deals|wins|won deals|number|count|how many)\b", rest, re.IGNORECASE) else \
        "won_revenue"
    unit = _group_said(group)
    what = {"lost_count": "lost deals", "open_count": "open deals", "won_count": "won deals"}.get(topic, "won revenue")
    said = f"An average per {unit} depends on which {unit}s count (is one with no deal a 0, or left out?). "
    if not (reading.frames or reading.offer):  # what else the question says was not read: nothing is offered for it
        return Reading("ask", note=said + f"Ask for the {what} by {unit} (with its period, office or product) to see "
                                          "each one's: which do you want?")
    offer = [Frame(topic, "breakdown", {k: v for k, v in base.filters.items() if k != "stage"}, base.period,
                   base.basis, group=group, limit=50)]
    return Reading("ask", offer=offer, note=said + f"Do you want the {what} of each {unit} instead? Say yes.")


AVERAGE_PER_SPAN = re.compile(r"\b(?:average|avg|mean|typical)\b.*?\b(?:per|a|each|every|in an?)\s+(?P<a>day|week|month|"
                              r"quarter|year)\b|\b(?:average|avg|mean|typical)\s+(?P<b>daily|weekly|monthly|quarterly|"
                              r"yearly|annual)\b", re.IGNORECASE)
"""an average over periods ("average revenue per month", "avg monthly wins"): which periods count is not said"""
SPAN_GROUP = {"month": "close_month", "monthly": "close_month", "quarter": "close_quarter", "quarterly": "close_quarter"}


def _average_per_span(reading: Reading, span: re.Match[str], rest: str) -> Reading:
    """"Average revenue per month": asked about, since which months count (those with no deal too?) is not said;
    each month's (or quarter's) total is offered."""
    said = (span.group("a") or span.group("b")).lower()
    group = SPAN_GROUP.get(said)
    base = (reading.frames or reading.offer or [Frame("won_revenue")])[0]
    topic = "won_count" if re.search(r"\b(?:deals|wins|won deals|number|count|how many)\b", rest, re.IGNORECASE) \
        else "won_revenue"
    offer = [Frame(topic, "breakdown", {k: v for k, v in base.filters.items() if k != "stage"}, base.period,
                   base.basis, group=group, limit=50)] if group else []
    unit = {"monthly": "month", "quarterly": "quarter", "daily": "day", "weekly": "week", "yearly": "year",
            "annual": "year"}.get(said, said)
    what = "won deals" if topic == "won_count" else "won revenue"
    return Reading("ask", offer=offer, note=f"An average per {unit} depends on which {unit}s count (is a {unit} "
                   f"with no won deal a 0, or left out?). " +
                   (f"Do you want the {what} of each {unit} instead? Say yes." if group else
                    "I can give each month's or quarter's total; which do you want?"))


PER_SPAN = re.compile(r"\b(?:per|each|every|a|an)\s+(?:day|week|month|quarter|year|rep|account|product|office|manager|"
                      r"sector|team|customer)\b|\b(?:daily|weekly|monthly|quarterly|yearly|annual|annually)\b",
                      re.IGNORECASE)
"""an average over spans or groups ("average monthly revenue", "average wins per rep"), not the average deal"""
MEDIAN_OF = {"avg_won_deal_size": "median_won_deal_size", "avg_sales_cycle_days": "median_sales_cycle_days"}
"""the averages that have a median: "median deal size" is read as the average is, then as its median"""
AVERAGE_OF = {median: average for average, median in MEDIAN_OF.items()}
NOT_A_MEDIAN = ("I can give the median won deal size or the median sales cycle, over the deals you name or by rep, "
                "manager, office, product, sector or account, but not a median of another figure. For example: "
                "\"median deal size for GTX Pro in 2017\" or \"median sales cycle by manager\".")


def _as_median(frame: Frame) -> Frame | None:
    """``frame``'s average as its median (one figure, a ranking or a breakdown), or None when it has none (another
    figure, the deals themselves)."""
    if frame.topic not in MEDIAN_OF or frame.form not in ("figure", "ranked", "breakdown") or \
            any(x not in MEDIAN_OF for x in frame.also):
        return None
    return frame.edit(topic=MEDIAN_OF[frame.topic], also=[MEDIAN_OF[x] for x in frame.also])


SHARE = re.compile(r"\b(?:percent(?:age)?|share|proportion|fraction|portion)\s+of\s+(?:(?:our|the|total|all|my|"
                   r"(?:my\s+)?team'?s?|company'?s?)\s+)*(?P<mid>(?:[\w'-]+\s+){0,3}?)(?P<what>won\s+revenue|revenue|sales|bookings|wins|won\s+deals|"
                   r"deals\s+won|deals|opportunities|opps)\b", re.IGNORECASE)
"""a part's share of a total ("what % of revenue comes from GTX Pro?"): the part, the whole and the percentage"""
SHARE_BACK = re.compile(r"\b(?:percent(?:age)?|share|proportion|fraction|portion)\s+of\s+(?:that|those|it|them|this|"
                        r"these)(?:\s+(?:was|were|is|are|came|comes|come)(?:\s+from)?)?\b", re.IGNORECASE)
"""a share of the figure just given ("what % of that was GTX Pro?")"""
SHARE_THAT = re.compile(r"\bwhat\s+(?:percent(?:age)?|share|proportion|fraction|portion|%)\s+(?:of\s+(?:the\s+|my\s+|our\s+|his\s+|her\s+|their\s+)?"
                        r"(?:(?P<whose>company|team|my|our)(?:'s)?\s+)?(?:total|whole|them|those|all|revenue|wins|deals|"
                        r"figure)\s+)?(?:is|was|'s|s)\s+(?:that|this|it)\b|"
                        r"\b(?:that|this|it)\s+as\s+an?\s+(?:percent(?:age)?|share|fraction|proportion)\b",
                        re.IGNORECASE)
"""the share a part just given is of the figure before it ("and what fraction is that?")"""
SHARE_OF = {"won revenue": "won revenue", "revenue": "won revenue", "sales": "won revenue", "bookings": "won revenue",
            "wins": "won deals", "won deals": "won deals", "deals won": "won deals"}
SHARE_TOPICS = ("won_revenue", "won_count", "count", "lost_count", "open_count", "open_pipeline_list_price")


def _share(expanded: str, names: Names, identity: Identity, today: dt.date, context: Context) -> Reading | None:
    """A share of a total: the part's figure and the whole's (the same deals without the part's subject), side by
    side; None when it is not one, or its part is not a single summable figure of a named subject."""
    m = SHARE.search(expanded)
    back = SHARE_BACK.search(expanded)
    if m is None and back is not None and context.frames and context.frames[0].form == "figure" and \
            context.frames[0].topic in SHARE_TOPICS and not context.compare:
        # "what % of that was GTX Pro?" after a figure: the part named, of that figure
        whole = context.frames[0]
        part = _read("what about " + expanded[back.end():], names, identity, today, context)
        frame = part.frames[0] if part.kind == "crm" and len(part.frames) == 1 else None
        if frame is None or frame.topic != whole.topic or frame.period != whole.period or frame.form != "figure" or \
                not any(frame.filters.get(k) and frame.filters.get(k) != whole.filters.get(k) for k in SUBJECTS):
            return Reading("ask", note="A share of that figure for which part? Name it, for example: \"what % of that "
                                       "was GTX Pro?\"")
        return Reading("crm", frames=[frame, whole.edit(whole=True)], compare=True, note="share",
                       confidence=part.confidence)
    if m is None and (that := SHARE_THAT.search(expanded)) and context.frames:
        # "what fraction is that?" after "how many were GTX Pro?" following Darcel's wins: that part of the figure before;
        # "what fraction of the company total is that?": of everyone's
        part, whole = context.frames[0], (context.previous or [None])[0]
        whose = (that.group("whose") or "").lower() or \
            ("my" if re.search(r"\bof\s+(?:my|our)\s+(?:total|whole|revenue|wins|deals|figure)\b", expanded, re.I) else "")
        if whose and part.form == "figure" and part.topic in SHARE_TOPICS:
            rest = part.with_filters(**{k: None for k in SUBJECTS})
            if whose == "company" and identity.role in ("rep", "manager"):
                return Reading("decline", note="scope")
            if whose == "company":
                whole = rest
            elif identity.role == "manager" and whose in ("team", "my", "our"):
                whole = rest.with_filters(manager=[identity.name])
            elif identity.role == "rep" and whose in ("my", "our"):
                whole = rest.with_filters(rep=[identity.name])
            elif whose == "team" and len(part.filters.get("rep") or []) == 1 and \
                    names.manager_of.get(part.filters["rep"][0]):
                whole = rest.with_filters(manager=[names.manager_of[part.filters["rep"][0]]])
            else:
                whole = None
            if whole is not None and whole.filters != part.filters:
                return Reading("crm", frames=[part, whole.edit(whole=True)], compare=True, note="share", confidence=0.9)
            return Reading("ask", note="A share of which total? Name it, for example: \"what % of the West office's won "
                                       "revenue was GTX Pro?\"")
        if whole is not None and len(context.frames) == 1 and not context.compare and \
                part.form == whole.form == "figure" and part.topic == whole.topic and part.topic in SHARE_TOPICS and \
                part.period == whole.period and part.basis == whole.basis and \
                all(part.filters.get(k) == v for k, v in whole.filters.items()) and part.filters != whole.filters:
            return Reading("crm", frames=[part, whole.edit(whole=True)], compare=True, note="share", confidence=0.9)
        return Reading("ask", note="A share of what? Ask it with both parts, for example: \"what % of Darcel "
                                   "Schlecht's won revenue was GTX Pro?\"")
    if m is None:
        return None
    what = SHARE_OF.get(" ".join(m.group("what").lower().split()), "deals")
    verb = PART_VERB.search(expanded, m.end())
    if what == "deals" and verb and (lost := re.match(r"\s*(?:lost|lose)\b", expanded[verb.end():], re.IGNORECASE)):
        # "what % of deals in the East office were lost": the lost share of the closed deals (the win rate's other side)
        said = m.group("mid") + expanded[m.end():verb.start()] + expanded[verb.end() + lost.end():]
        read_lost = _read("how many lost deals " + said, names, identity, today, context)
        if read_lost.kind == "crm" and len(read_lost.frames) == 1 and read_lost.frames[0].form == "figure" and \
                read_lost.frames[0].topic == "lost_count":
            part_frame = read_lost.frames[0]
            closed = part_frame.edit(topic="count").with_filters(stage=["Won", "Lost"])
            return Reading("crm", frames=[part_frame, closed.edit(whole=True)], compare=True, note="share",
                           confidence=read_lost.confidence)
        return Reading("ask", note="A share of which deals were lost, of which ones? For example: \"what % of the East "
                                   "office's closed deals in Q3 2017 were lost?\"")
    part = _read(expanded[:m.start()] + ("how much " if what == "won revenue" else "how many ") + what + " " +
                 m.group("mid") + expanded[m.end():], names, identity, today, context)
    frames = part.frames if part.kind == "crm" else []
    if what == "deals" and frames and frames[0].topic == "open_count" and \
            not re.search(r"\b(open|pipeline|active|ongoing|prospecting|engaging)\b", expanded, re.IGNORECASE):
        frames = [frames[0].edit(topic="count")]  # "what % of our deals are GTX Pro": of every deal, not the open ones
    if len(frames) != 1 or frames[0].form != "figure" or frames[0].topic not in SHARE_TOPICS or \
            not any(frames[0].filters.get(k) for k in SUBJECTS if k != "tier"):
        return Reading("ask", note="A share of which total, for whom? Name the part and the whole, for example: "
                                   "\"what % of won revenue in 2017 came from GTX Pro?\"")
    own = {k: frames[0].filters.get(k) for k in ("rep", "manager") if frames[0].filters.get(k) == [identity.name]}
    # the whole is what the words after "share of" name, up to the verb that names the part ("of Darcel's won revenue
    # came from GTX Pro": Darcel's won revenue, of which GTX Pro's is the part); the rest names the part
    said = m.group("mid") + expanded[m.end():verb.start() if verb else m.end()]
    of = _read(("how much " if what == "won revenue" else "how many ") + what + " " + said, names, identity, today,
               context) if said.strip() else None
    named = {k: v for k, v in of.frames[0].filters.items() if k in SUBJECTS} \
        if of is not None and of.kind == "crm" and len(of.frames) == 1 else {}
    whole = frames[0].with_filters(**{**{k: None for k in SUBJECTS}, **named, **own})  # the asker's own deals stay
    if of is not None and of.kind == "crm" and len(of.frames) == 1 and of.frames[0].period is not None:
        whole = whole.edit(period=of.frames[0].period)  # "of Q4 won revenue": the whole's period
    elif frames[0].period is not None and whole.filters == frames[0].filters and \
            find_period(tokens(expanded[verb.end():] if verb else ""), today).period is not None:
        whole = whole.edit(period=None)  # "of Cara's team's won revenue came from Q4 2017": the part is the period
    if identity.role in ("rep", "manager") and not any(whole.filters.get(k) for k in ("rep", "manager")):
        # "what percent of total won revenue came from Darcel?" asked by his manager: the whole is everyone's, beyond
        # their scope; never the share of their own team's total under the company's words ("of my team's": theirs)
        if not re.search(r"\b(?:my|our|mine|ours)\b", expanded[:verb.start()] if verb else expanded, re.IGNORECASE):
            return Reading("decline", note="scope")
        whole = whole.with_filters(**{identity.role: [identity.name]})
    if whole == frames[0]:
        return Reading("ask", note="A share of which total? The part and the whole read the same here. Name both, for "
                                   "example: \"what % of Darcel Schlecht's won revenue came from GTX Pro?\"")
    return Reading("crm", frames=[frames[0], whole.edit(whole=True)], compare=True, note="share",
                   confidence=part.confidence)


PART_VERB = re.compile(r"\b(?:came|come|comes|coming|was|were|is|are|went|goes|go)\b(?:\s+(?:from|to|in|for|with|on|"
                       r"by|through))?|\bfrom\b", re.IGNORECASE)
"""the verb after a share's whole that names its part ("of won revenue came from GTX Pro")"""


def _read_question(text: str, names: Names, identity: Identity, today: dt.date, context: Context) -> Reading:
    expanded = _expanded(text)
    if (share := _share(expanded, names, identity, today, context)) is not None:
        return share
    reading = _read(expanded, names, identity, today, context)
    said = re.sub(r"[\u2019`]", "'", expanded.lower())
    if reading.kind == "crm" and (past := _open_back_then(reading.frames, said)) is not None:
        return past
    if reading.kind == "crm" and context.frames and len(reading.frames) == 1 and \
            reading.frames[0].topic in DEAL_METRICS and reading.frames[0].form == "figure" and \
            re.match(r"^\W*(?:and|what about|how about|now|ok|okay|then|same|same but|but|and now)?\s*(?:ranked\s+|sorted\s+|"
                     r"ordered\s+)?by\b", said):
        # "by number of wins" after a ranking: the same ranking by that figure
        last = context.frames[0]
        reading.frames = [_reranked(_inherit(reading.frames[0], last), last, ["by"])]
    if reading.kind == "crm" and len(reading.frames) == 1 and reading.frames[0].topic == "revenue_musd" and \
            reading.frames[0].form == "records" and not re.search(
                r"\b(?:annual|annually|yearly|a year|per year|turnover|own revenue|company revenue|millions?|size|"
                r"sized|employees|headcount)\b", said):
        # "top 5 accounts by revenue", "Kan-code revenue": the revenue won from them, or their own annual revenue?
        frame = reading.frames[0]
        won = Frame("won_revenue", "ranked", {k: v for k, v in frame.filters.items() if k in SUBJECTS},
                    frame.period, group="account", descending=frame.descending, limit=frame.limit) \
            if frame.form == "records" else Frame("won_revenue", "figure", dict(frame.filters), frame.period)
        won = _own_scope(won, identity) if identity.role in ("rep", "manager") else won
        return Reading("ask", offer=[won], note="By revenue, do you mean the revenue we won from them (their won deals) "
                                                "or the accounts' own annual revenue? Say yes for the won revenue, or "
                                                "ask for their annual revenue.")
    if reading.kind == "crm" and any(f.topic in ("manager", "rep_office") and f.form != "records" and
                                     not any(f.filters.get(k) for k in ("rep", "manager")) for f in reading.frames):
        # "who's the rep?" with no rep or account to go by: which one, never "no record"
        return Reading("ask", note="Which rep do you mean? Name them (\"who manages Darcel Schlecht?\"), or the account "
                                   "(\"who is the rep on Kan-code?\").")
    if reading.kind in ("crm", "ask") and (when := _recency(said)) and re.search(r"\bhow many\b|\bnumber of\b", said) \
            and not re.search(r"\b(?:last|first|latest|most recent)\s+(?:\d+|\w+)\s+(?:deals|wins|losses|sales)\b", said):
        # "how many deals did we win last?": last of what is not said, and a count is not a deal
        return Reading("ask", note="Do you want the most recent won deals (\"which deals did we win last?\"), or how many "
                                   "were won in a period? Name it, for example Q4 2017.")
    if reading.kind in ("crm", "ask") and (when := _recency(said)):
        reading.frames, reading.offer = [[_by_recency(f, said, when) for f in frames]
                                         for frames in (reading.frames, reading.offer)]
    if reading.kind == "crm" and any(f.topic == "reply_rate" for f in reading.frames) and ACTIVITY.search(said):
        # "reply rate on e-mails": the rate is over every outbound touch, and replies are not split by what they answer
        return Reading("ask", note="I measure the reply rate over every outbound touch (e-mails, calls and meetings "
                                   "together) and can't split it by type. Do you want it over all touches? Say yes.",
                       offer=reading.frames)
    if reading.kind in ("talk_tracks", "unknown") and COMPANY_SIDE.search(said):
        return Reading("ask", note="Compared with the whole company on which figure: won revenue, won deals, win rate, "
                                   "average deal size or sales cycle? For example: \"GTX Pro's win rate vs the "
                                   "company\".")
    if reading.kind in ("crm", "ask") and LOST_TO.search(said):
        return Reading("decline", note="unsupported")  # who beat us: the CRM records no competitor
    if reading.kind == "crm" and identity.role == "rep" and TEAM_SIDE.search(said):
        # a rep's "my average deal size vs the team": the team's side is other reps' deals
        return Reading("ask", note="Your team's figures include other reps' deals, which are outside your scope (you "
                                   "see your own deals). Do you want your own figure alone? Say yes.",
                       offer=reading.frames[:1])
    if reading.kind == "crm" and OTHERS_SIDE.search(said):
        return Reading("decline", note="exclusion")  # everyone but the one named
    if reading.kind == "crm" and not compare_ok(reading) and COMPANY_SIDE.search(said):
        return Reading("ask", note="Whose figure do you want set beside the whole company's? Name the rep, team, "
                                   "office or product, for example: \"Darcel Schlecht's win rate vs the company\".")
    if reading.kind == "crm" and COMPANY_SIDE.search(said):
        # "Darcel's average deal size vs the company": that figure, and the same over every deal, side by side
        frame = reading.frames[0]
        whole = frame.with_filters(**{k: None for k in SUBJECTS})
        reading.frames, reading.compare = [frame, whole], True
    if context.frames and WHO_MORE.search(said):
        return Reading("ask", note="Which two do you mean, and by what? Name both, for example: \"who won more "
                                   "deals, Elease Gluck or Rosalina Dieter?\" or \"compare East and West on won "
                                   "revenue\".")
    if reading.kind == "crm" and (m := QUALIFIED.search(said)) and \
            any(f.form != "records" for f in reading.frames):  # a list of "recent" or "big" deals is ordered by them
        return Reading("ask", note=f'The CRM does not say which are "{m.group(0)}". Could you say it with what it '
                                   "holds (a product, sector, office, rep, period or stage, or the largest or most "
                                   "recent deals)?")
    if reading.kind in ("crm", "ask") and CHANGE.search(said) and \
            (spans := [f.period for f in reading.frames + reading.offer if f.period and f.period.unit == "range" and
                       " to " in f.period.label]):
        # "how did won revenue change from Q2 2017 to Q3 2017": the two periods side by side, never their sum
        first, _, last = spans[0].label.partition(" to ")
        return Reading("ask", note=f"Do you want {first} and {last} side by side? Ask \"... in {first} vs {last}\" "
                                   f"(with the year on both); from {first} to {last} taken together is one total.")
    if reading.kind == "crm" and any(f.topic in ("win_rate", "won_count", "lost_count", "won_revenue",
                                                 "avg_won_deal_size", "avg_sales_cycle_days") and
                                     f.form != "records" and f.filters.get("stage") and
                                     not set(f.filters["stage"]) & {"Won", "Lost"} for f in reading.frames):
        # "the conversion rate from engaging to won": the CRM holds each deal's stage now, not the stages it went through
        return Reading("ask", note="The CRM keeps each deal's current stage, not its history: an open deal (Prospecting "
                                   "or Engaging) has no win, loss or value yet, and I can't tell how many deals went from "
                                   "one stage to another. Do you want the figure over all deals instead?",
                       offer=[f.with_filters(stage=None) for f in reading.frames])
    if reading.kind == "crm" and re.search(r"\b(better|worse)\b", said) and not METRIC_WORD.search(said):
        return Reading("ask", note="Better by which figure, do you mean: won revenue, won deals, win rate, average "
                                   "deal size or sales cycle? For example: \"won revenue in Q4 2017 vs Q3 2017\".")
    if reading.kind == "crm" and (m := VAGUE_PERIOD.search(said)):
        q, h = ("Q4", "H2") if m.group(1) == "late" else ("Q1", "H1")
        return Reading("ask", note=f'Which months do you mean by "{m.group(0)}"? For example {q} {m.group(2)} or '
                                   f"{h} {m.group(2)}.")
    if reading.kind in ("crm", "ask", "unknown") and (m := ABSENCE.search(said)):
        return Reading("ask", note=f'I can\'t count what is missing ("{m.group(0)}") yet. I can count deals by '
                                   "stage (won, lost, open) or show each one's figure (for example 'won deals by "
                                   "rep'): anyone missing from it has none.")
    partial = [w for w in reading.unplaced if w in _account_words(names) and not re.search(
        rf"\b{re.escape(w)}\s+(?:sector|industry|accounts?|companies|firms|customers|clients)\b", said)]
    if reading.kind in ("ask", "unknown", "crm") and partial:
        options = [n for n in names.by_kind.get("account", []) if partial[0] in tokens(n)][:3]
        return Reading("ask", note=f'"{partial[0]}" is part of the name of {" or ".join(options)}. Which account do '
                                   "you mean? Ask again with its full name.", unplaced=reading.unplaced)
    # "closed deals" (won or lost) counted as such, not as the won ones among them
    reading.frames, reading.offer = [[f.edit(topic="count") if f.topic in STAGE_COUNTS and
                                      f.filters.get("stage") and set(f.filters["stage"]) != set(STAGES_OF[f.topic])
                                      else f for f in frames] for frames in (reading.frames, reading.offer)]
    if reading.kind == "crm" and REFERS_BACK.search(said) and (not context.frames or context.offer):
        return Reading("ask", note="Which deals do you mean by \"them\"? My last answer was a question, not a list; "
                                   "ask again with what they are (for example 'GTX Pro deals engaged in Q3 2017').")
    if reading.kind == "crm" and re.search(r"\b(longest|shortest|quickest|fastest|slowest)\b", said) and \
            any(f.topic == "avg_sales_cycle_days" and f.form == "figure" or
                f.form == "records" and f.order == "close_value" for f in reading.frames):
        return Reading("ask", note="Do you mean the deal that took the longest (or shortest) from engagement to close? "
                                   "Ask 'which won deal took the longest to close'; the average sales cycle is "
                                   "'what's the average sales cycle'.")
    if reading.kind == "crm" and context.frames and len(context.frames) == 1:
        reading.frames = [_follow(f, context.frames[0], said) for f in reading.frames]
        reading.frames = [_of_the_top(f, context, said) for f in reading.frames]
    if reading.kind == "crm" and context.compare and len(context.frames) == 2 and len(reading.frames) == 1 and \
            (COUNT_BACK.match(said) or STAGE_ONES.match(said) or REFERS_BACK.search(said)):
        frame = reading.frames[0]
        if (m := STAGE_ONES.match(said)) and frame.form == "figure" and frame.topic in (*COUNTS, "won_revenue"):
            topic = STAGE_TOPIC[m.group(1)]
            frame = frame.edit(topic=topic, basis="engage" if topic == "open_count" else "close",
                               also=[]).with_filters(stage=None)
        after = _after_comparison(frame, context.frames)
        if isinstance(after, Reading):
            return after
        reading.frames, reading.compare = after, len(after) > 1
    if reading.kind in ("crm", "ask") and re.search(r"\b(?:biggest|largest|highest|smallest|lowest)\s+(?:average\s+(?:won\s+)?"
                                           r"(?:deal|deal size|sale)|(?:won\s+)?(?:deal|sale)\s+sizes?|"
                                           r"(?:won\s+)?(?:deals|sales|wins)(?!\s+(?:won|closed|by|in|for)\b))\b", said):
        reading.frames, reading.offer = [[f.edit(topic="avg_won_deal_size") if f.form == "ranked" and
                                          f.topic == "won_revenue" else f for f in frames]
                                         for frames in (reading.frames, reading.offer)]
        # "the biggest average deal", "the biggest deals": ranked by the average, not the total
    if reading.kind == "crm" and re.search(r"\b(?:fastest|quickest)\s+(?:closer|seller|rep)s?\b", said):
        reading.frames = [f.edit(descending=False) if f.topic == "avg_sales_cycle_days" and f.form in
                          ("ranked", "breakdown") else f for f in reading.frames]  # the fastest: the shortest cycle
    if reading.kind in ("crm", "ask") and not re.search(r"\b(?:open|pipeline|active|ongoing|engaging|engaged|prospecting|"
                                                     r"in play|not (?:yet )?closed|still)\b", said) and \
            not NOT_STAGE.search(said) and not EITHER_STAGE.search(said) and \
            len(said_stage := {STAGE_TOPIC[w] for w in re.findall(r"\b(won|lost)\b", said)}) == 1:
        # "how many won deals are in the West office": the stage said, never the open deals "are in" suggests
        for attr in ("frames", "offer"):
            setattr(reading, attr, [f.edit(topic=next(iter(said_stage))) if f.topic == "open_count" else f
                                    for f in getattr(reading, attr)])
    if reading.kind in ("crm", "ask") and re.search(r"\b(?:deals|opportunities|opps)\s+(?:are|were)\s+there\b", said) and \
            not re.search(r"\b(?:open|opened|pipeline|active|ongoing|engaging|engaged|prospecting|in play|in progress|"
                          r"not (?:yet )?closed|still|current|currently|live|pending|outstanding|left|remaining|won|lost|"
                          r"closed)\b", said):
        # "how many deals are there": every deal, not the open ones a present tense suggests to the classifier
        for attr in ("frames", "offer"):
            setattr(reading, attr, [f.edit(topic="count") if f.topic == "open_count" else f
                                    for f in getattr(reading, attr)])
    if reading.kind in ("crm", "ask") and BY_COUNT.search(said):  # ranked by how many were won, not by their revenue
        reading.frames = [_by_won_count(f, said) for f in reading.frames]
        reading.offer = [_by_won_count(f, said) for f in reading.offer]  # the reading offered is by the count too
    if reading.kind == "crm" and (pair := STAGE_PAIR.search(said)) and len(reading.frames) == 1 and \
            reading.frames[0].form in ("figure", "breakdown") and reading.frames[0].topic in COUNTS and \
            not NOT_STAGE.search(said) and not EITHER_STAGE.search(said) and \
            not re.search(r"\b(?:together|combined|altogether|in total|total|sum|closed)\b", said):
        # "won and lost deals in 2017", "engaging vs prospecting": each stage's count, never one of them
        said_stages = list(dict.fromkeys(PAIR_STAGE[w] for w in pair.groups()))
        base = reading.frames[0].edit(also=[]).with_filters(stage=None)
        if len(said_stages) == 2 and not reading.frames[0].also:
            reading.frames = [base.edit(topic=t) if t in STAGE_COUNTS else
                              base.edit(topic="count").with_filters(stage=[t]) for t in said_stages]
    negated = [m.group(1) for m in NOT_STAGE.finditer(said)]
    if negated and POSITIVE_STAGE.search(NOT_STAGE.sub(" ", said)):
        # "did we win, not lose?", "won from deals that weren't lost": the stage named is the one meant, never the
        # one said not to be ("how many did we win without the lost ones" is the won deals)
        named = POSITIVE_STAGE.findall(NOT_STAGE.sub(" ", said))
        excluded = set().union(*(_STAGE_SET[w] for w in negated))
        meant = {STAGE_TOPIC[w] for w in named if w in STAGE_TOPIC}
        for attr in ("frames", "offer"):
            frames = getattr(reading, attr)
            if not any(set(STAGES_OF.get(f.topic, [])) & excluded or set(f.also) & _stage_counts_of(excluded)
                       for f in frames if f.topic in COUNTS):
                continue
            if len(meant) != 1 or any(set(STAGES_OF.get(f.topic, [])) & excluded for f in frames
                                      if f.topic not in COUNTS):
                return Reading("ask", note="Which deals do you mean: the won, lost or open ones? I count deals by "
                                           "stage; ask for one stage, or for each on its own.")
            topic = meant.pop()
            kept: list[Frame] = []
            for f in frames:
                if f.topic in COUNTS:
                    f = f.edit(topic=topic if set(STAGES_OF.get(f.topic, [])) & excluded else f.topic,
                               also=[x for x in f.also if not set(STAGES_OF.get(x, [])) & excluded])
                if f not in kept:
                    kept.append(f)
            setattr(reading, attr, kept)
            meant = {topic}
        negated = []
    either = [w for m in EITHER_STAGE.finditer(said) for w in m.groups()]
    periods = {(m.group(1)[:3], m.group(2)[-2:]) for m in PERIOD_MENTION.finditer(said)}
    if reading.kind == "crm" and len(periods) >= 2 and len(reading.frames) >= 2 and \
            len({f.period for f in reading.frames}) < min(len(periods), len(reading.frames)):
        return Reading("ask", note="You asked two things with different periods. So that I don't mix them up, could "
                                   "you ask them one at a time?")
    if reading.kind == "crm" and re.search(r"\bhow many (different |distinct |unique )?(accounts|customers|clients|"
                                           r"companies)\b", said) and \
            re.search(r"\b(won|win|wins|closed|bought|buy|business|sell|sells|sold|selling)\b", said) and \
            any(f.topic in (*COUNTS, "won_revenue", "account_count") for f in reading.frames):
        return Reading("ask", note="I count deals, not the accounts behind them. Do you want the accounts ranked by won "
                                   "deals ('won deals by account')? That lists every account with a win.")
    if not negated and not either or reading.kind != "crm":
        return reading
    stages: set[str] = set()
    for word in either:
        stages |= _STAGE_SET[word]
    for word in negated:
        stages |= set(ALL_STAGES) - _STAGE_SET[word]
    if negated and re.search(r"\b(yet|still)\b", said) and set(negated) <= {"won", "win", "wins", "winning", "closed",
                                                                            "close", "closing", "lost", "lose"}:
        stages = {"Prospecting", "Engaging"}  # "not won yet", "still not closed": the open ones
    if re.search(r"\b(which|who|whom)\b", said) and negated:
        return Reading("ask", note="I can't list who has none of something. I can show each one's figure instead, for "
                                   "example 'won deals by rep': anyone missing from it has none.")
    if not stages or any(f.topic not in COUNTS for f in reading.frames) or \
            negated and any(f.period is not None for f in reading.frames):
        kinds = " and ".join(sorted(stages, key=ALL_STAGES.index)) if stages else "those stages"
        return Reading("ask", note=f"Do you mean a count of the deals in {kinds}? I count deals by stage (won, lost, "
                                   "open); ask for that count, or for each stage on its own.")
    chosen = [s for s in ALL_STAGES if s in stages]
    return Reading(reading.kind, [f.edit(topic="count").with_filters(stage=chosen) for f in reading.frames],
                   reading.compare, reading.note, reading.offer, reading.account, reading.confidence, reading.unplaced)


OPEN_COHORT = re.compile(r"\b(?:created|new|started|start|engaged?|opened|entered|began|begun|begin|kicked off|still|"
                         r"now|currently|today|remain\w*|from|since)\b")
"""what makes a count of open deals over a period one of the deals engaged in it that are open now ("open deals
engaged in March 2017", "still open from Q1 2017")"""
NAMED_PERIOD = re.compile(r"\b(?:19|20)\d\d\b")


def _open_back_then(frames: list[Frame], said: str) -> Reading | None:
    """Open deals over a past period said as a state then ("how many open deals did we have in March 2017"): the CRM
    keeps each deal's current stage, not its history, so which were open at the time is asked, never answered
    with another count."""
    frame = next((f for f in frames if f.period is not None and (
        f.topic == "open_count" and f.form != "records" or
        f.form == "records" and set(f.filters.get("stage") or []) == {"Prospecting", "Engaging"})), None)
    if frame is None or frame.period is None or OPEN_COHORT.search(said) or not NAMED_PERIOD.search(said) or \
            not re.search(r"\bopen\b", said):
        return None
    label = frame.period.label
    offer = frame.edit(topic="count" if frame.topic == "open_count" else frame.topic, basis="engage",
                       also=[]).with_filters(stage=None)
    return Reading("ask", note=f"The CRM keeps each deal's current stage, not its history, so I can't tell which "
                               f"deals were open in {label}. Do you mean the deals engaged in {label} (in any stage "
                               f"now), or the deals open now? Say yes for the deals engaged in {label}, or ask "
                               f"\"how many deals are open now?\"", offer=[offer])


TODAY_PERIOD = re.compile(r"\b(?:last|past|this|previous|next)\s+(?:\d+\s+)?(?:years?|quarters?|months?|halfs?|halves|weeks?|"
                          r"days?)\b|\bbefore last\b|\blast (?:one|time)\b|\bat last\b")
RECENT = re.compile(r"\b(?:most recent(?:ly)?|latest|newest|last|first|earliest)\b")
RECENT_DEAL = re.compile(r"\b(?:most recent(?:ly)?|latest|newest|last|first|earliest)\s+(?:\w+\s+){0,2}?(?:deals?|wins?|"
                         r"sales?|contracts?|opportunit(?:y|ies)|loss(?:es)?|one)\b|"
                         r"\b(?:did|have|has|had)\s+(?:we|i|you|they|he|she|\w+)\s+(?:\w+\s+)?(?:last|first)\s+"
                         r"(?:win|won|lose|lost|close|closed|sign|signed|book|booked)\b|"
                         r"\b(?:win|won|lose|lost|close|closed|sign|signed|book|booked)\b(?:\s+\w+){0,3}?\s+"
                         r"(?:last|first|most recently|latest)\W*$")
"""a deal singled out by when it closed ("which deal did we win last", "our first win", "what did we lose most
recently"): that deal, by its close date, never a count or the largest"""


SUBJECTS = ("rep", "manager", "regional_office", "product", "account", "sector", "tier")
"""the filters that name whose figure it is (the rest say which deals: stage, dates, values)"""


def compare_ok(reading: Reading) -> bool:
    """One figure of a named subject, that can be set beside the same figure over every deal."""
    return len(reading.frames) == 1 and reading.frames[0].form == "figure" and \
        reading.frames[0].topic in (*DEAL_METRICS, ) and any(reading.frames[0].filters.get(k) for k in SUBJECTS)


def _recency(said: str) -> str | None:
    """"latest" or "first" when the question singles out deals by when they closed (not a period such as "last
    year", which is taken out first)."""
    text = TODAY_PERIOD.sub(" ", said)
    if not RECENT_DEAL.search(text):
        return None
    word = RECENT.search(text).group(0)  # type: ignore[union-attr]
    return "first" if word in ("first", "earliest") else "latest"


def _by_recency(frame: Frame, said: str, when: str) -> Frame:
    """A count, a ranking or a list of deals read as the deal(s) that closed last (or first), that many."""
    if frame.topic not in (*COUNTS, "won_revenue") or frame.form == "attribute":
        return frame
    text = TODAY_PERIOD.sub(" ", said)
    if frame.form in ("ranked", "breakdown") and not re.search(
            r"\bmost recent(?:ly)?\b|\b(?:latest|newest|last|first|earliest)\s+(?:deal|win|sale|contract|opportunity|"
            r"loss)\b", text):
        return frame  # "who won the first deal" is that deal; "who won the most deals" is a ranking
    plural = re.search(r"\b(?:deals|wins|sales|contracts|opportunities|losses|ones)\b", text) and \
        not re.search(r"\b(?:which|what) (?:was|is)\b", text)
    m = re.search(r"\b(?:last|first|latest|newest|earliest|most recent)\s+(\d{1,2}|two|three|four|five|six|seven|eight|"
                  r"nine|ten|twenty)\b", text)
    n = (int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1)]) if m else _n(tokens(text))
    stages = frame.filters.get("stage") or (None if frame.form == "records" else STAGES_OF.get(frame.topic))
    if re.search(r"\bclos(?:e|ed|ing)\b", text) and not re.search(r"\b(?:won|win|wins|lost|lose|loss|open)\b", text):
        stages = ["Won", "Lost"]  # "the last deal we closed": won or lost
    elif not stages and re.search(r"\b(?:won|win|wins)\b", text):
        stages = ["Won"]
    opened = stages in (["Prospecting", "Engaging"], ["Engaging"], ["Prospecting"])
    topic = frame.topic if frame.topic in COUNTS else "won_count"
    fields = [frame.group] if frame.group in ("account", "rep", "product") else []
    return Frame(topic, "records", {**{k: v for k, v in frame.filters.items() if k != "stage"},
                                    **({"stage": list(stages)} if stages else {})},
                 frame.period, frame.basis, order="engage_date" if opened else "close_date",
                 descending=when == "latest", limit=n or (10 if plural else 1), fields=fields)


CHANGE = re.compile(r"\b(chang\w*|grow\w*|growth|increas\w*|decreas\w*|drop\w*|declin\w*|fell|fall\w*|rose|rise|"
                    r"risen|go(?:ne)? (?:up|down)|went (?:up|down)|trend\w*|differ\w*|evolv\w*)\b")
"""a change between two periods, not a total over the span between them"""
METRIC_WORD = re.compile(r"\b(deals?|wins?|won|lost|los[se]s?|revenue|rate|sales?|sold|opportunit\w*|contracts?|pipeline|"
                         r"cycle|size|value|worth|money|bookings|closed|price|employees|headcount)\b")
"""a word naming what a figure is of: "better" with none of these says better by nothing in particular"""
WHO_MORE = re.compile(r"^\W*(?:so|and|ok|okay|then|but)?\W*(?:who|which one|which of (?:them|the two|those|these))(?:'s|"
                      r"\s+(?:has|had|have|won|did|sold|made|got|gets|is|was|closed|brought))?\s+(?:in\s+)?(?:more|less|"
                      r"fewer|higher|lower|bigger|better|worse|ahead|the better)(?:\s+(?:deals?|wins?|revenue|money|"
                      r"pipeline|sales))?\W*$")
"""after figures for two subjects, "who has more?": which two, and by which figure, is asked (never read off the last)"""
QUALIFIED = re.compile(
    r"\b(?:large|larger|small|smaller|old|older|young|younger|mid[- ]?size[d]?|medium[- ]?sized?|"
    r"high[- ]value|low[- ]value|high[- ]margin|at[- ]risk|risky|strategic|important|major|minor|enterprise|"
    r"quick|fast|slow)\s+(?:accounts?|customers?|clients?|companies|deals?|opportunities|reps?|sellers?|wins?)\b"
    r"|\bbig(?:ger)?\s+(?:accounts?|customers?|clients?|companies)\b"
    r"|\bnew\s+(?:accounts?|customers?|clients?|companies|reps?|sellers?|hires?)\b|\bfirst[- ]time\s+\w+"
    r"|\b(?:won|win|closed|close|sold|lost|engaged|started|opened|created)\s+(?:\w+\s+){0,3}?(?:quickly|fast|slowly|"
    r"recently|lately)\b"
    r"|\b(?:were|was|are|is)\s+(?:recent|quick|fast|slow|big|large|small)\b")
"""a kind of account, deal or rep the CRM holds nothing to tell ("large accounts", "new customers", "won quickly")"""
VAGUE_PERIOD = re.compile(r"\b(early|late|start of|beginning of|the start of|the beginning of)\s*-?\s*((?:19|20)\d\d)\b")
ABSENCE = re.compile(r"\bneither\b[^?]*\bnor\b|\b(?:who|which\s+\w+|whom|any\s+\w+|reps?|people|sellers?|agents?|"
                     r"accounts?|customers?|products?)\b[^?]*\b(?:has|have|had|with|got|get|made|make)\s+(?:no|zero|not\s+"
                     r"(?:a|any|one)|none)\s+(?:\w+\s+)?(?:deals?|wins?|sales?|opportunit\w*|revenue|losses)\b|\bhow many\b[^?]*\b(?:has|have|had|with|got|get)\s+(?:no|zero|none)\b|"
                     r"\bnever\s+(?:got|been|was|were|had|have|has|did)\b|"
                     r"\bhow many (?:reps?|people|sellers?|agents?|managers?|accounts?|customers?|clients?|companies|"
                     r"products?|offices?)\b[^?]*\b(?:never|not|n't)\b")
"""a count of what is not there ("reps with no deals", "deals that never got engaged", "neither won nor lost")"""

SHORT = {"rev": "revenue", "revs": "revenue", "avg": "average", "amt": "amount", "qtr": "quarter", "qtrs": "quarters",
         "yr": "year", "yrs": "years", "opp": "deal", "opps": "deals", "oppty": "deal", "oppties": "deals",
         "pipe": "pipeline", "sz": "size", "cnt": "count", "tot": "total", "acct": "account", "accts": "accounts",
         "mgr": "manager", "mgrs": "managers", "w/": "with", "w/o": "without", "num": "number", "nbr": "number"}
"""a sales team's shorthand, read as the words it stands for ("won rev", "avg deal sz", "# of opps")"""
_SHORT = re.compile(r"(?<![\w/])(" + "|".join(re.escape(k) for k in sorted(SHORT, key=len, reverse=True)) +
                    r")(?![\w/])|#\s*(?=of\b)", re.IGNORECASE)


WON_SHARE = re.compile(r"(?:%|\b(?:percent(?:age)?|per ?cent|share|proportion|fraction))\s+of\s+(?P<whose>(?:[\w'-]+\s+){0,3}?)"
                       r"(?:closed\s+)?(?:deals|opportunities|opps)\s+(?:(?:did|do|does|have|has|had)\s+(?P<who>(?:[\w'-]+\s+){1,3}?)|"
                       r"(?:were|are|get|got|that\s+(?:were|are|got))\s+)?(?:won|win|winning)\b",
                       re.IGNORECASE)
"""the share of deals won ("what % of deals did we win?"): the win rate, which says what it counts"""
PER_DEAL = re.compile(r"\b(?:won\s+)?(?:revenue|dollars|money|value|amount)\s+(?:won\s+)?(?:per|a|each)\s+(?:won\s+|closed\s+)?"
                      r"(?:deal|win|sale|contract)\b", re.IGNORECASE)
"""revenue per won deal: the average won deal size, not the total"""


EACH_OF_REPS = re.compile(r"\beach\s+of\s+(my|our|(?:[\w.-]+\s+){0,3}?[\w.-]+'s?)\s+(?:reps|agents|sellers|salespeople|"
                          r"people|team\s+members|direct\s+reports)\b", re.IGNORECASE)
EACH_OF = re.compile(r"\beach\s+of\s+(?:the|our|these|those)\s+(reps|agents|sellers|salespeople|products|accounts|"
                     r"customers|offices|regions|sectors|industries|managers|teams)\b", re.IGNORECASE)
SINGULAR = {"reps": "rep", "agents": "rep", "sellers": "rep", "salespeople": "rep", "products": "product",
            "accounts": "account", "customers": "account", "offices": "office", "regions": "region",
            "sectors": "sector", "industries": "sector", "managers": "manager", "teams": "team"}


def _each_of(text: str) -> str:
    """"each of my reps" as "each rep on my team", "each of Dustin's reps" as "each rep on Dustin's team", "each of
    the products" as "each product": a grouping, as "each rep" is."""
    text = EACH_OF_REPS.sub(r"each rep on \1 team", text)
    return EACH_OF.sub(lambda m: f"each {SINGULAR[m.group(1).lower()]}", text)


def _expanded(text: str) -> str:
    text = _each_of(_by_words(text))
    text = re.sub(r"\b(?:average|avg|mean)\s+(win rates?|reply rates?)(?=\s+(?:per|by|for each|of each|in each|for every)\b)",
                  r"\1", text, flags=re.IGNORECASE)  # "the average win rate per office": each office's win rate
    if re.search(r"\bhow long\b", text, re.IGNORECASE):  # "how long do deals take to close on average": the average
        text = re.sub(r",?\s*\bon average\b", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\bi\s+mean(?:t)?\b", " ", text, flags=re.IGNORECASE)  # "no, I meant Q3": a correction, not a mean
    # "how many opportunities are in the CRM": every deal it holds, as "how many are there" is
    text = re.sub(r"\b(?:in|inside|within)\s+(?:the|our)\s+(?:crm|database)\b", "there", text, flags=re.IGNORECASE)
    text = WON_SHARE.sub(lambda m: f"win rate of {m.group('whose')}deals {m.group('who') or ''}".rstrip(), text)
    text = PER_DEAL.sub("average won deal size", text)
    # an account manager or executive is the rep who owns the accounts (the CRM's managers lead the reps)
    text = re.sub(r"\baccount\s+(?:managers|executives|execs|owners)\b", "reps", text, flags=re.IGNORECASE)
    text = re.sub(r"\baccount\s+(?:manager|executive|exec|owner)\b", "rep", text, flags=re.IGNORECASE)
    text = re.sub(r"(?<![\d.])%(?=\s*of\b)", " percent", text)  # "what % of revenue": a share ("60% of" is not)
    text = re.sub(r"\b(as an?)\s*%\s*of\b", r"\1 percent of", text, flags=re.IGNORECASE)  # "as a % of": a share
    return _SHORT.sub(lambda m: SHORT.get(m.group(1).lower(), "") if m.group(1) else "number ", text)


BY_COUNT = re.compile(r"\bby (?:the )?(?:number|count|#|no\.?) of (?:deals? )?(?:won|wins)\b|"
                      r"\bby (?:the )?(?:number|count|#) of (?:won )?deals won\b|\bby (?:deals|opportunities) won\b|"
                      r"\bby (?:won deals|wins|win count)\b|\bby (?:the )?(?:number|count) of (?:won )?deals\b")


REFERS_BACK = re.compile(r"\b(?:of|on|for|among|from|in) (?:them|those|these)(?: deals)?\b|\bthose deals\b")
STAGE_ONES = re.compile(r"^\W*(?:and|what about|how about|ok|so|now)?\s*(?:the\s+)?(lost|won|open)\s+(?:ones|deals)\b")


def _follow(frame: Frame, last: Frame, said: str) -> Frame:
    """A follow-up that refers back ("of them", "on those") keeps what the last figure was over: its filters and,
    for the same period, the date it was read on ("engaged in Q3": of them, the won ones are those engaged in Q3);
    "what about lost ones in Q4?" counts the lost ones."""
    if (m := STAGE_ONES.match(said)) and frame.topic in COUNTS and frame.form == "figure":
        topic = {"lost": "lost_count", "won": "won_count", "open": "open_count"}[m.group(1)]
        frame = frame.edit(topic=topic, basis="engage" if topic == "open_count" else "close").with_filters(stage=None)
    if last.basis == "engage" and frame.period == last.period and frame.basis != "engage" and \
            re.match(r"^\W*(?:and|what about|how about)?\s*(?:the\s+)?(?:lost|won)\W*(?:ones|deals)?\W*$", said):
        frame = frame.edit(basis="engage")  # "and lost?" after "of the deals engaged in Q3, the won ones"
    if frame.period is None and last.period is not None and COUNT_BACK.match(said):
        # "how many did we lose?" after "how many did we win in Q3 2017?"
        frame = _kept(frame.edit(period=last.period, basis="close"), last)
    if frame.period is not None and COUNT_BACK.match(OWN_PERIOD.sub(" ", said)):
        # "how many were lost in Q3 2017?" after "won revenue for GTX Pro in the West office in Q3 2017": a new
        # stage or period over the same subject
        frame = _kept(frame, last)
    if REFERS_BACK.search(said):
        frame = _kept(frame, last)
        if frame.period is None and last.period is not None:
            frame = frame.edit(period=last.period)
        if last.basis == "engage" and frame.period == last.period:
            frame = frame.edit(basis="engage")
    if last.basis == "engage" and frame.period is not None and frame.period == last.period and \
            frame.basis != "engage" and not PERIOD_MENTION.search(said.lower()) and \
            not re.search(r"\b(?:19|20)\d\d\b|\b(?:closed|closing|close)\b", said.lower()):
        frame = frame.edit(basis="engage")  # "what's the win rate?" after the deals engaged in 2016: of those
    return frame


COUNT_BACK = re.compile(r"^\W*(?:and\s+|so\s+)?how many\s+(?:did we|did they|have we|were|was|are)?\s*"
                        r"(?:lose|lost|win|won)\W*$")
"""a count of one stage that says nothing of its own subject or period: "how many did we lose?", "how many were won?"."""
OWN_PERIOD = re.compile(r"\s*\b(?:in|during|for|over|of)?\s*(?:(?:q[1-4]|h[12]|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|"
                        r"jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*)\s*(?:of\s+)?'?(?:19|20)\d\d|(?:19|20)\d\d)\b")
"""the period a count names of its own ("how many were lost in Q3 2017?"), taken out to see what else it says"""


def _after_comparison(frame: Frame, sides: list[Frame]) -> list[Frame] | Reading:
    """A follow-up that refers back after a comparison keeps what both sides were over: the filters they share
    and, when they differ in subject, each side's; when they differ only in period and the follow-up names none,
    which period is asked (the later-asked side is offered), never a company-wide figure."""
    a, b = sides
    mine = {k: v for k, v in frame.filters.items() if k != "stage" and not all(s.filters.get(k) == v for s in sides)}
    if mine:
        return [frame]  # a subject of its own: not a follow-up of both sides
    stage = {"stage": frame.filters["stage"]} if "stage" in frame.filters else {}

    def over(side: Frame, period: Period | None, basis: str) -> Frame:
        filters = {k: v for k, v in side.filters.items() if k != "stage"}
        return frame.edit(filters={**filters, **stage}, period=period, basis=basis)

    keys = (set(a.filters) | set(b.filters)) - {"stage"}
    if any(a.filters.get(k) != b.filters.get(k) for k in keys):  # two subjects: each one's figure
        return [over(side, frame.period or side.period, frame.basis if frame.period else side.basis)
                for side in sides]
    if frame.period is not None or a.period == b.period:
        return [over(a, frame.period or a.period, frame.basis if frame.period else a.basis)]
    offer = over(b, b.period, b.basis)
    labels = [s.period.label if s.period else "all time" for s in (a, b)]
    return Reading("ask", offer=[offer], note=f"Which period do you mean, {labels[0]} or {labels[1]}? Say yes for "
                                              f"{labels[1]}, or ask again with the period.")


def _kept(frame: Frame, last: Frame) -> Frame:
    """``frame`` with the last figure's filters it does not set itself (its stage aside)."""
    return frame.with_filters(**{k: v for k, v in last.filters.items() if k not in frame.filters and k != "stage"})


def _by_won_count(frame: Frame, said: str) -> Frame:
    """A ranking by the number of deals won: of people ("reps", "on my team") when the frame listed deals."""
    if frame.topic not in ("won_revenue", "won_count", "count"):
        return frame
    if frame.form in ("ranked", "breakdown"):
        return frame.edit(topic="won_count")
    if frame.form == "records" and re.search(r"\b(reps?|people|sellers?|agents?|who|on my team|of my team)\b", said):
        return Frame("won_count", "ranked", {k: v for k, v in frame.filters.items() if k != "stage"}, frame.period,
                     frame.basis, group="rep", descending=True, limit=frame.limit)
    return frame


RANKS_PEOPLE = re.compile(r"\b(?:best|top|worst|bottom|strongest|weakest|leading|star|poorest)\b(?:\s+[a-z0-9]+){0,2}?\s+"
                          r"(?:reps?|sellers?|salespeople|salesperson|agents?|performers?|closers?|managers?|teams?|"
                          r"offices?|regions?)\b")
"""people, teams or offices ranked by how good they are: by some figure, not a list of who they are"""
BEFORE_LAST = re.compile(r"\b(?:the\s+)?(?:quarter|month|year|half|week)\s+before\s+(?:the\s+)?last(?:\s+one)?\b")
"""two periods back ("the quarter before last"): from today, or, beside another period, asked about"""
LAST_UNIT = re.compile(r"\b(?:last|past)\s+(quarter|month|year|half)\b")
"""a period said relative to today that, in a comparison with the thread's period, is the one before that"""


BEST_SELLING = re.compile(r"\b(?:best|top|worst|bottom|poorest|highest|lowest|biggest)\s*-?\s*(?:selling|sellers?)\s+"
                          r"(?:\w+\s+)?products?\b|\bproducts?\s+(?:that\s+|which\s+)?(?:sells?|sold|selling)\s+"
                          r"(?:the\s+)?(?:best|worst)\b")
"""products ranked by how well they sell ("best selling products", "top-selling products in Central")"""
BEST_PERIOD = re.compile(r"\b(?:best|strongest|top|biggest|worst|weakest|slowest|quietest)\s+(?:month|quarter)\b|"
                         r"\b(?:which|what)\s+(?:month|quarter)\b(?:\s+\w+){0,4}?\s+(?:win|won|sell|sold|close|closed|"
                         r"book|booked|bring in|brought in|make|made)\s+(?:the\s+)?(?:most|least)\b")
"""the month or quarter that went best ("my best month", "which month did I win the most"): by the revenue won"""
REP_OF_ACCOUNT = re.compile(
    r"\b(?:who|which|what)(?:\s+(?:is|are|was|were|s))?\s+(?:the\s+|our\s+|my\s+)?(?:sales\s+)?(?:reps?|sellers?|"
    r"salesperson|salespeople|agents?|account\s+(?:owners?|managers?|reps?|executives?|execs?))\s+(?:on|for|at|of|"
    r"with|to|covering|handling|assigned to|working)\b|"
    r"\b(?:who|which\s+(?:reps?|sellers?|salespeople|agents?))\s+(?:\w+\s+)?(?:sells?|sold|selling|handles?|handled|"
    r"handling|covers?|covered|covering|works?|worked|working|(?:is|are|was|were)\s+on)\b|"
    r"\bwho\s+(?:owns|owned|manages|managed|handles)\b|\bwho(?:\s+is|\s+are|\s+s|'s)?\s+(?:the\s+)?owners?\s+(?:of|for|on)\b|"
    r"\b(?:who|which\s+(?:reps?|sellers?|salespeople|agents?|people))\s+(?:has|have|had)\s+(?:any\s+|the\s+)?"
    r"(?:deals?|opportunit(?:y|ies))\s+(?:with|at|for|on)\b")
"""who sells to an account ("who is the rep on Kan-code", "which reps sell to Kan-code", "who owns Kan-code", "which
reps have deals with Kan-code"): the reps on its deals"""
REP_THERE = re.compile(r"^\W*(?:and\s+|so\s+|ok\s+)?(?:who|which\s+reps?)(?:\s+(?:is|are|was|were|s))?\s+(?:the\s+|their\s+|its\s+)?"
                       r"(?:sales\s+)?(?:reps?|sellers?|salesperson|salespeople|agents?|account\s+(?:owners?|managers?|"
                       r"reps?))(?:\s+(?:there|then|on\s+(?:it|that|them|those|that\s+account)))?\W*$")
"""who sells to the account a thread is about ("who's the rep?", "who is the rep there?")"""


PERIOD_REPLY = {"in", "for", "the", "no", "oh", "sorry", "ok", "okay", "then", "please", "yes", "that", "one", "of",
                "during", "over", "just", "only", "and", "what", "about", "how"}


def _read(text: str, names: Names, identity: Identity, today: dt.date, context: Context) -> Reading:
    if context.offer and YES.match(text):
        return Reading("crm", context.offer, compare=len(context.offer) > 1)
    words = tokens(text)
    spots = [s for s in spot(text, names)  # "summer 2017" is a season, not Summer the manager
             if not (s.kind == "user" and s.end - s.start == 1 and words[s.start] in SEASONS)]
    found = open_ended(find_period(words, today, context.period), words, today)
    if context.period is not None and found.period is not None and not _absolute(found.period) and \
            _compare_with_context(words) and (m := LAST_UNIT.search(" ".join(words))):
        # "how does that compare with last quarter?": the one before the thread's period, not the one before today
        if m.group(1) != context.period.unit:
            return Reading("ask", note=f'Which period do you mean by "{m.group(0)}"? Name it with its year, as in '
                                       f'"compare with {context.period.label}".')
        found = Found(context.period.shifted(-1), found.words, relative_to_context=True)
    if (m := BEFORE_LAST.search(" ".join(words))) and (context.period is not None or
                                                       re.search(r"\b(?:19|20)\d\d\b", " ".join(words))):
        # "Q4 2017 vs the quarter before last", or said in a thread about 2017: before which "last" is not sure
        return Reading("ask", note=f'Which period do you mean by "{m.group(0)}"? Name it with its year, as in '
                                   f'"Q2 2017".')
    if context.offer and found.period is not None and not spots and \
            all(i in found.words or w in PERIOD_REPLY for i, w in enumerate(words)):
        # the period a question back asked for ("Which period do you mean...?" "Q3 2017")
        offer = [f.edit(period=found.period) for f in context.offer]
        return Reading("crm", offer, compare=len(offer) > 1)
    second = None
    if found.period is not None and found.words:
        masked = ["_" if i in found.words else w for i, w in enumerate(words)]
        other = find_period(masked, today, found.period)
        referring = {"that", "same", "before", "after", "previous", "prior", "next", "following", "this"}
        said = " ".join(masked)
        if _absolute(found.period) and (m := RELATIVE_OTHER.search(said)) and \
                min(_indexes(masked, m)) > min(found.words):
            # "Q2 2017 compared to last quarter": the quarter before the one named, not the one before today
            unit = m.group(1) or m.group(2) or m.group(3)
            if unit != found.period.unit:
                other = found.period.shifted(-1).label if found.period.unit != "range" else "Q4 2016"
                return Reading("ask", note=f'Which period do you mean by "{m.group(0).strip()}"? Name it with '
                                           f'its year, as in "{found.period.label} compared to {other}".')
            second = Found(found.period.shifted(-1), other.words | _indexes(masked, m))
        elif other.period is not None and other.period != found.period and \
                not any(masked[i] in referring for i in other.words):
            second = other
    taken = set(found.words) | (second.words if second else set())
    for s in spots:
        taken |= set(range(s.start, s.end))
    # words that are neither a name, a period, a known word nor a slip of one
    unplaced: list[str] = []
    fixed = list(words)
    vocab = vocabulary()
    joined = " ".join(words)
    small_ok = {m.group(2) or m.group(3) for m in SMALL_NUMBER_OK.finditer(joined)}
    for i, w in enumerate(words):
        if i in taken:
            continue
        if w.isdigit():
            if w not in small_ok and not (len(w) == 4 and 1990 <= int(w) <= 2100 and i in found.words):
                unplaced.append(w)
            continue
        if w in ("quarter", "quarters", "month", "months") and i and (
                words[i - 1] in ("by", "per", "each", "every", "which", "what") or words[i - 1] in MOST | LEAST):
            continue  # "won revenue by quarter", "which month had...", "my best month": a grouping, not a period
        if w in PERIOD_WORDS or w in COMPASS or w in _account_words(names):
            # a word of an account's name on its own ("Acme" for Acme Corporation), or a region the CRM has no
            # office for ("north"): a name not found, never a word to drop
            unplaced.append(w)
            continue
        if w in vocab:
            continue
        if month_word(w):
            continue
        better = _correct(w)
        if better:
            fixed[i] = better
        else:
            unplaced.append(w)
    if found.invalid:
        return Reading("ask", note=found.invalid)
    if found.missing_year:
        return Reading("ask", note=f"Which year do you mean for {found.missing_year.upper() if len(found.missing_year) <= 3 else found.missing_year}? "
                                   "For example: Q3 2017.")
    delex = _delex(fixed, spots, found, _breaks(text))
    t = _Text(fixed, spots, found, taken, frozenset(names.by_kind.get("manager", [])), tuple(words), names.manager_of,
              names.office_of)
    if re.search(r"\b(?:most|least|more|less) expensive\b|\b(?:cheapest|priciest|cheaper|pricier)\b|"
                 r"\b(?:highest|lowest|biggest|smallest) (?:list |sales )?price\b", " ".join(fixed)) and \
            not re.search(r"\b(deals?|opportunit\w*|wins?|won|lost|open|pipeline|accounts?|customers?)\b", " ".join(fixed)):
        # "what's our most expensive product": the one named, then the price list, every product's price side by side
        products = [s.name for s in spots if s.kind == "product"]
        series = {w.upper() for w in re.findall(r"\b(gtx|mg|gtk)\b", " ".join(fixed))}
        if not products and series:  # "the most expensive GTX product": those of that series
            products = [p for p in names.by_kind.get("product", []) if p.split()[0].upper() in series]
        top = re.search(r"\b(most|least) expensive\b|\b(cheapest|priciest)\b|\b(highest|lowest|biggest|smallest) "
                        r"(?:list |sales )?price\b", " ".join(fixed))
        if top and (len(products) != 2 or not [s for s in spots if s.kind == "product"]):
            low = (top.group(1) or top.group(2) or top.group(3)) in ("least", "cheapest", "lowest", "smallest")
            return Reading("crm", [Frame("list_price", "attribute", {"product": products}, order="list_price",
                                         descending=not low)])
        return Reading("crm", [Frame("list_price", "attribute", {"product": products})])
    if (logged := _activities_logged(t, identity, words, context)) is not None:
        return logged
    if FUTURE.search(" ".join(fixed)) or any(w in exclusive_words() for w in fixed):
        return Reading("decline", note="unsupported")
    if identity.role == "rep" and TEAM_WIDE.search(" ".join(fixed)):
        return Reading("decline", note="scope")
    if identity.role in ("rep", "manager") and (COMPANY_WIDE.search(" ".join(fixed)) or
                                                COMPANY_SIDE.search(" ".join(fixed)) or
                                                OTHERS_SIDE.search(" ".join(fixed))):
        return Reading("decline", note="scope")
    joined = " ".join(fixed)
    if re.search(r"\b(established|founded|incorporated)\s+(in\s+|before\s+|after\s+|since\s+)?(19|20)\d\d", joined):
        return Reading("decline", note="unsupported")
    if _excludes(words, spots, found, second) or (m := NEGATION.search(joined)) and (
            any(_word_index(fixed, m.start()) < s.end for s in spots) or
            re.search(r"\bno account\b|\bwithout (?:an? |any )?(?:account|customer|client|company)\b", joined)):
        return Reading("decline", note="exclusion")
    if re.search(r"\b(loss|losing|lose)\s+(rate|ratio|percentage)\b|\bratio of (won|wins|winning)( deals)? (to|vs|versus|and) "
                 r"(lost|losses|losing)\b|\b(won|wins) (to|vs|versus) (lost|losses) ratio\b|\bpercentage of (deals )?(we )?(lost|lose)\b|"
                 r"\bwhat (percent|percentage|share|fraction) of (our )?deals (are|were|do we|did we) (lost|lose)\b", joined):
        return Reading("ask", note="I measure the win rate: won / (won + lost) closed deals; the loss rate is the rest "
                                   "of it. Shall I give you the win rate, with the won and lost counts?",
                       offer=[Frame("win_rate", "figure", {}, found.period)])
    if re.search(r"\b(lost|lose|losses|losing)\b", joined) and \
            re.search(r"\b(cycle|how long|days to close|deal size|how much|revenue|value|worth|amount)\b", joined) and \
            not re.search(r"\b(won|win|wins)\b", joined):
        return Reading("ask", note="Lost deals have no value in the CRM (their close value is 0), and the sales cycle "
                                   "and deal size are measured on won deals. Do you want how many deals were lost?")
    if re.search(r"\b(open|active|ongoing|in (the |my |our )?pipeline|not (yet )?closed|still in play)\b", joined) and \
            re.search(r"\b(average|mean|median|typical)\b.*\b(deal size|size|value|worth|amount|cycle)\b", joined) and \
            not re.search(r"\b(won|win|wins|closed won)\b", joined):
        return Reading("ask", note="Open deals have no close value yet, and the sales cycle and deal size are measured "
                                   "on won deals. I can give the open pipeline at list price, or the average or median "
                                   "won deal. Which do you want?")
    rep_beyond_own = identity.role == "rep" and bool(
        re.search(r"\b(my|our)\s+(own\s+)?(team|office|region)\b|\brank on\b", joined))
    if re.search(r"\b(average|mean|median|total|sum)\b.*\b(employees|headcount|staff|annual revenue|turnover)\b", joined) \
            or re.search(r"\b(%|percent|percentage|share|proportion|fraction) of (our |the |total )?(won )?"
                         r"(revenue|sales|bookings|wins|deals)\b", joined) \
            or re.search(r"\bas an? (percent|percentage|share|proportion|fraction) of\b", joined) \
            or re.search(r"\baverage\b.*\b(per|across|among) (all |the |our |my )?(reps?|accounts?|products?|offices?|"
                         r"managers?|teams?|sellers?|customers?|sectors?)\b", joined) and \
            not re.search(r"\baverage (won )?(deal|deal size|sale size|sales cycle|cycle)\b", joined) \
            or re.search(r"\b(per|each|a) (rep|account|product|office|manager|team|seller|customer|sector)\b.*"
                         r"\bon average\b|\bon average\b.*\b(per|each|a) (rep|account|product|office|manager|team|"
                         r"seller|customer|sector)\b", joined) \
            or re.search(r"\b(parent|subsidiar\w*)\b", joined) and re.search(
                r"\b(won|win|revenue|deals|pipeline|sold|brought|closed)\b", joined) \
            or re.search(r"\b(top|best|biggest|most)\b.*\b(in|for) (each|every)\b", joined) \
            or re.search(r"\b(in|from|outside|across) (the )?(us|usa|uk|united states|united kingdom|europe|asia|"
                         r"emea|apac|americas)\b|\b(by|per|each|every) country\b|\babroad\b|\boverseas\b", joined):
        return Reading("decline", note="unsupported")
    if re.search(r"\b(second|third|fourth|fifth|2nd|3rd|4th|5th)\s+(best|biggest|largest|highest|most|top|lowest|"
                 r"worst|smallest)\b", joined):
        return Reading("ask", note="Do you want the top few instead (for example the top 3)? I rank from the top, "
                                   "so say 'top 3' and the second one is in the list.")
    clauses = _clauses(text, delex)
    classifier().prepare([*clauses, " ".join(clauses)])
    guesses = [classifier().guess(c) for c in clauses]
    own = [any(w.strip(",") not in FUNCTION and w.strip(",") not in GROUP_WORDS and not w.strip(",").isupper()
               for w in c.split()) for c in clauses]
    if _crossed(clauses, [g.p >= 0.45 and g.topic != "edit" and o for g, o in zip(guesses, own)], spots,
                1 + (second is not None)):
        return Reading("ask", note="You asked two things with different subjects or periods. So that I don't "
                                   "mix them up, could you ask them one at a time?")
    whole = classifier().guess(" ".join(clauses))
    parts = [g for g in guesses if g.p >= 0.45 and g.topic != "edit"]
    topics: list[str] = []
    for g in parts:
        if g.topic not in topics:
            topics.append(g.topic)
    if not topics:
        topics = [whole.topic]
    confidence = max([g.p for g in parts], default=whole.p)
    if topics == ["edit"] and not context.frames:  # nothing to edit: the likeliest reading of its own
        topic, p = next((x, q) for x, q in classifier().distribution(" ".join(clauses)) if x != "edit")
        topics, confidence = [topic], p
    if re.search(r"\bwon or lost\b|\blost or won\b", " ".join(fixed)) and topics[0] in ("won_count", "lost_count"):
        topics = ["count", *topics[1:]]  # closed deals, both outcomes
    if topics[0] in ("won_count", "lost_count") and re.search(r"\b(?:deals?|opportunit(?:y|ies))\b", joined) and \
            not STAGE_SAID.search(joined) and any(s.kind == "account" for s in spots) and len(topics) == 1:
        # "deals for Kan-code", "how many deals for Kan-code?": every deal of theirs, not the won ones alone
        topics = ["count" if re.search(r"\bhow many\b|\bnumber of\b|\bcount\b", joined) else "deal_list"]
    if len(topics) > 1 and any(x in DEAL_METRICS for x in topics):
        topics = [x for x in topics if x not in ("account_count", "team", "list_price", "profile", "day")]
    if topics[0] == "team" and re.search(r"\b(deals?|wins?|won|revenue|win rate|pipeline|lost)\b", " ".join(fixed)):
        topic, p = next((x, q) for x, q in classifier().distribution(" ".join(clauses))
                        if x in DEAL_METRICS or x in ("deal_value", "deal_list"))
        topics, confidence = [topic], max(p, confidence)
    if topics[0] == "team" and identity.role == "rep" and _mentions(fixed, ME) and \
            re.search(r"\b(rank|ranks|ranking|ranked|position|place|standing|stand|compare|top|best|worst)\b", joined):
        return Reading("decline", note="ranking")  # "how do I rank on my team": other people's deals
    if topics[0] == "team" and identity.role == "rep" and re.search(r"\b(my|our)\s+(own\s+)?team\b", joined) and \
            not [s for s in spots if s.kind == "user"]:
        return Reading("ask", note="Whose team do you mean? Yours is your manager's: ask \"who is my manager?\", "
                                   "then \"who is on <your manager>'s team?\"")
    if topics[0] == "team" and not context.frames and (_compare_with_context(fixed) or re.search(
            r"\bhow\b(?!\s+(?:many|much|long|often|old|big))", joined) and re.search(
            r"\b(do|doing|did|done|perform\w*|far(?:e|ed|ing)|going|went)\b(?!\s+(?:i|we|you|they|he|she)\b)", joined)):
        # "how does Cara's team compare to Rocco's", "how did the Central office do in Q3 2017": by a figure left
        # unsaid, never the members of the team or office
        if _compare_with_context(fixed):
            return Reading("ask", note="Which figure do you want them compared on: won revenue, won deals, win rate, "
                                       "average deal size or sales cycle? For example: \"compare Cara Losch's team and Rocco "
                                       "Neubert's team on win rate\".")
        return Reading("ask", note="Which figure do you want: won revenue, won deals, win rate, average deal size or "
                                   "sales cycle? For example: \"win rate for the Central office in Q3 2017\".")
    if topics[0] in ("manager", "rep_office") and (m := RANKS_PEOPLE.search(" ".join(fixed))) and \
            re.search(r"\b(reps?|sellers?|salespeople|salesperson|agents?|performers?|closers?)$", m.group(0)):
        # "who manages the top rep": first which rep, by a figure named
        return Reading("ask", note="Which rep do you mean? Name them (\"who manages Darcel Schlecht?\"), or find them "
                                   "first with a figure (\"top rep by won revenue\").")
    if topics[0] in ("team", "manager", "rep_office") and RANKS_PEOPLE.search(" ".join(fixed)) and \
            not (context.frames and context.frames[0].topic in DEAL_METRICS):
        # "the top five reps in Q4 2017", "who are the best reps": a ranking by a figure left unsaid, never the list
        # of the team; the likeliest figure is offered in a question back
        topics, confidence = ["deal_value"], min(confidence, 0.3)
    if BEST_SELLING.search(joined) and not any(s.kind == "product" for s in spots):
        # "best selling products", "top-selling products in Central": products ranked by the revenue they won
        topics, confidence = ["won_revenue"], max(confidence, 0.9)
    if re.search(r"\b(?:best|strongest|top|biggest|worst|weakest|slowest|quietest)\s+weeks?\b|\b(?:which|what)\s+"
                 r"weeks?\b(?:\s+\w+){0,4}?\s+(?:most|least|best|worst)\b", joined):
        # no grouping by week: the best month is offered
        best = Frame("won_revenue", "ranked", {}, found.period, group="close_month",
                     descending=not re.search(r"\b(?:worst|weakest|slowest|quietest|least)\b", joined))
        which = ("best", "most") if best.descending else ("worst", "least")
        return Reading("ask", note="I can rank months or quarters by the revenue won in them, not weeks. Do you want the "
                                   f"{which[0]} month (\"which month had the {which[1]} won revenue?\")?",
                       offer=[_own_scope(best, identity) if identity.role in ("rep", "manager") else best])
    if BEST_PERIOD.search(joined) and not re.search(r"\b(?:deals?|wins|opportunit\w*|contracts?|rate|cycle|size|lost|"
                                                   r"losses|open|pipeline|engaged)\b", joined):
        # "my best month", "which month did I win the most": months (or quarters) ranked by the revenue won in them
        topics, confidence = ["won_revenue"], max(confidence, 0.9)
    if topics[0] == "team" and re.search(r"\bteam'?s?\b", joined) and \
            re.search(r"\b(?:products?|accounts?|customers?|clients?|sectors?|industr(?:y|ies))\b", joined) and \
            re.search(r"\b(?:top|best|most|biggest|largest|highest|worst|least|lowest)\b", joined):
        # "top accounts for my team", "which product does my team sell the most of": those ranked by the revenue
        # the team won from them, never the list of the team
        topics = ["won_count"] if re.search(r"\b(?:most of|least of|number|count|units|how many)\b", joined) \
            else ["won_revenue"]
        confidence = max(confidence, 0.6)
    reps_of_account = False
    if any(s.kind == "account" for s in spots) and REP_OF_ACCOUNT.search(joined) and _direction(fixed) is None and \
            not re.search(r"\bhow (?:many|much)\b|\bnumber of\b", joined):
        # "who is the rep on Kan-code": the reps on its deals, each with how many (the CRM keeps a rep per deal)
        topics, confidence, reps_of_account = ["count"], max(confidence, 0.9), True
    last_account = list((context.frames[0].filters.get("account") or []) if context.frames else []) or \
        ([context.focus["account"]] if context.focus.get("last") == "account" and context.focus.get("account") else [])
    if not reps_of_account and len(last_account) == 1 and _direction(fixed) is None and \
            not any(s.kind in ("account", "rep", "manager") for s in spots) and \
            (REP_OF_ACCOUNT.search(joined) or REP_THERE.search(joined)) and \
            not re.search(r"\bhow (?:many|much)\b|\bnumber of\b", joined):
        # "who's the rep?" after figures for Kan-code: the reps on its deals, each with how many
        frame = Frame("count", "breakdown", {"account": last_account}, group="rep", limit=50)
        return Reading("crm", [_own_scope(frame, identity) if identity.role in ("rep", "manager") else frame],
                       confidence=max(confidence, 0.9))
    bare = [w for i, w in enumerate(fixed) if i not in taken and w not in FILLER and w not in ME | HE | IT]
    followup = bool(context.frames) and (whole.topic == "edit" or bool(FOLLOW_UP_START.match(text)) or
                                         _refers_back(fixed) or _compare_with_context(fixed) or not bare or
                                         len(words) <= 3 or
                                         bool(re.search(r"\b(what is|whats|what|how much is) (that|it|this)\b|"
                                                        r"\bthat (worth|manager|team|rep)\b|\bthen\b",
                                                        " ".join(fixed))) or
                                         (bool(bare) and all(w in GROUP_WORDS or w in MOST or w in LEAST
                                                              for w in bare)) or
                                         # "what's the win rate", "average deal size?" after a figure: of its subject
                                         (bool(bare) and all(w in METRIC_WORDS for w in bare) and not spots and
                                          not context.compare and
                                          found.period is None and not _mentions(fixed, ME | WHOLE_WORDS)))
    if rep_beyond_own and (topics[0] in DEAL_METRICS or topics[0] in ("deal_value", "deal_list")):
        return Reading("decline", note="scope")  # a rep's "my team's revenue": other people's deals
    if "unsupported" in topics and (whole.topic == "unsupported" or len(topics) == 1):
        return Reading("decline", note="unsupported")
    if (topics[0] in ("talk_tracks", "day", "unsupported", "year_established", "account_count") or
            topics[0] in ("avg_sales_cycle_days", "median_sales_cycle_days") and re.search(r"\bwhen\b", joined) and
            not re.search(r"\b(?:long|average|avg|typical|cycle|days)\b", joined)) and _recency(joined) and \
            not any(s.kind == "account" for s in spots):
        topics = ["deal_list"]  # "when did we last win a deal?": that deal, by its close date
    if topics[0] == "day" and any(s.kind in ("account", "product") for s in spots):
        return Reading("ask", confidence=confidence, unplaced=unplaced)  # "<account>'s share price today"
    if topics[0] in ("talk_tracks", "day", "profile") and not followup:
        kind = topics[0]
        account = next((s.name for s in spots if s.kind == "account"), None) or \
            (context.focus.get("account") if _mentions(fixed, IT | {"account", "company"}) else None)
        if kind == "profile" and account is None and (
                re.search(r"\bhows?\b", joined) and re.search(r"\b(?:doing|going|performing|do|did|tracking)\b", joined)
                and (any(s.kind in ("rep", "manager", "user", "regional_office") for s in spots) or
                     _mentions(fixed, ME | {"we", "us", "our", "team"})) or
                any(s.kind in ("rep", "manager", "user") for s in spots) and not any(s.kind == "account" for s in spots)):
            # "how's Cassey Cress doing?", "tell me about Darcel Schlecht" (a rep, not an account)
            # "how's Cassey Cress doing?", "how are we doing in Q3 2017?": the won revenue and the win rate
            frame = Frame("won_revenue", "figure", _people_filters(t, identity, fixed, t.spots, context) |
                          {k: v for k, v in _place_filters(t, fixed, context, "won_revenue").items()
                           if k == "regional_office"}, found.period, also=["win_rate"])
            frame = _own_scope(frame, identity) if identity.role in ("rep", "manager") else frame
            if second is not None and frame.period is not None:  # "how am I doing in Q4 2017 vs Q3 2017": both
                two = _two_periods(frame, second.period, joined, fixed)
                if isinstance(two, Reading):
                    return two
                return Reading("crm", two[0], compare=two[1], confidence=max(confidence, 0.6))
            return Reading("crm", [frame], confidence=max(confidence, 0.6))
        return Reading(kind, account=account, confidence=confidence)
    if context.frames and not spots and found.period is None and \
            re.search(r"\b(the two|both|which one|which of them|which of those two|which (\w+ )?is (better|higher|"
                      r"bigger|faster|larger|more|worse|lower|smaller))\b", " ".join(fixed)):
        pair = context.frames[:2] if context.compare else (context.previous[:1] + context.frames[:1])
        if len(pair) == 2 and all(f.form == "figure" for f in pair):
            topic = next((x for x in topics if x in DEAL_METRICS), pair[1].topic)
            return Reading("crm", [f.edit(topic=topic, also=[]) for f in pair], compare=True, confidence=confidence)
    cue = bool(FOLLOW_UP_START.match(text))
    own_words = [w for i, w in enumerate(fixed) if i not in taken and w not in FILLER and w not in ME | HE | IT
                 and not (cue and w in GROUP_WORDS)]
    ranking_again = followup and _direction(fixed) is not None and (
        topics[0] == "team" and context.frames[0].topic in DEAL_METRICS or
        # "and the bottom 3?" after a ranking: the same ranking from the other end
        context.frames[0].form == "ranked" and all(w in MOST or w in LEAST or w in GROUP_WORDS or w.isdigit() or
                                                   w in NUMBER_WORDS for w in own_words))
    edit_like = whole.topic == "edit" and (not parts or len(own_words) <= 2 or found.period is None and not spots)
    if followup and (edit_like or not own_words or ranking_again):
        frames, compare = _edit(context, t, identity, fixed, text)
        if second is not None and not compare and len(frames) == 1 and frames[0].period is not None:
            # "only Q3 and Q4 2017" after a figure: the two periods, as asked afresh
            two = _two_periods(frames[0], second.period, joined, fixed)
            if isinstance(two, Reading):
                return two
            frames, compare = two
        reading = Reading("crm", frames, compare=compare, confidence=max(confidence, 0.5))
    elif followup and _compare_with_context(fixed):
        frames, compare = _edit(context, t, identity, fixed, text)
        reading = Reading("crm", frames, compare=compare, confidence=confidence)
    else:
        topics = [x for x in topics if x != "edit"]
        if not topics:
            return Reading("ask", note="unclear", unplaced=unplaced)
        frames, compare = _fresh(topics, t, identity, fixed, context)
        if reps_of_account:  # "the account manager for Kan-code" is a rep, not a manager of reps
            frames = [f.edit(form="breakdown", group="rep", limit=50) if f.topic == "count" and f.form != "records"
                      else f for f in frames]
        if topics[0] == "revenue_musd" and frames and frames[0].topic == "won_revenue":
            # read as the revenue won because what is ranked has no annual revenue: the two readings were one
            dist = dict(classifier().distribution(" ".join(clauses)))
            confidence = max(confidence, sum(dist.get(x, 0.0) for x in ("revenue_musd", "won_revenue", "deal_value")))
        last = context.frames[0] if context.frames else None
        # "I" or "my" names no new subject when the last figure was already the asker's own
        same_me = last is not None and identity.name is not None and \
            (last.filters.get("rep") == [identity.name] or last.filters.get("manager") == [identity.name])
        own_slots = bool(spots) or found.period is not None or _mentions(fixed, HE) or \
            (_mentions(fixed, ME) and not same_me)
        if last is not None and last.topic == "team" and frames and frames[0].topic in DEAL_METRICS and not own_slots \
                and _refers_back(fixed):
            people = {k: v for k, v in last.filters.items() if k in ("manager", "regional_office")}
            direction = _direction(fixed)
            base = Frame(frames[0].topic, "ranked" if direction else "breakdown", people, None, frames[0].basis,
                         group="rep", descending=direction != "least", limit=_n(fixed) or (1 if direction else 50))
            frames, compare = [base], False
            own_slots = True
        if followup and frames and not own_slots and not compare and frames[0].topic in (*DEAL_METRICS, "reply_rate"):
            # "so the win rate?", "and their average deal size?": the new figure over the last subject and period
            bases = context.frames if context.compare else context.frames[:1]
            # an open stage said by name is the follow-up's own ("how many of those are prospecting?")
            staged = re.search(r"\b(?:prospecting|engaging)\b", " ".join(fixed)) is not None
            frames = [_inherit(frames[0].edit(filters={k: v for k, v in frames[0].filters.items()
                                                       if k != "stage" or staged}), b) for b in bases]
            frames = [_reranked(f, b, fixed) for f, b in zip(frames, bases)]
            compare = context.compare and len(frames) > 1
        elif followup and frames and context.period is not None and found.period is None and \
                all(f.topic in (*DEAL_METRICS, "reply_rate") for f in frames):
            frames = [f if f.period else f.edit(period=context.period, basis=context.frames[0].basis) for f in frames]
        if not compare and context.frames and frames and re.search(r"\b(of|from|in|with|for) (that|it|those|them)\b|\bthat (one|period)\b",
                                                   " ".join(fixed)):
            frames = [_inherit(f, context.frames[0]) for f in frames]
        if second is not None and len(frames) == 1 and frames[0].period is not None:
            two = _two_periods(frames[0], second.period, joined, fixed)
            if isinstance(two, Reading):
                return two
            frames, compare = two
        reading = Reading("crm", frames, compare=compare, confidence=confidence)
    if reading.kind == "crm" and context.frames and found.period is None:
        # "and his open deals?" after his wins in Q2: open deals have no close date, and none was said for them now
        reading.frames = [_open_now(f, context) for f in reading.frames]
    if reading.kind == "crm" and identity.role in ("rep", "manager"):
        if any(_ranks_others(f, identity) for f in reading.frames):
            return Reading("decline", note="ranking")
        reading.frames = [_own_scope(f, identity) for f in reading.frames]
    reading.unplaced = unplaced
    content = [w for i, w in enumerate(fixed) if i not in taken and w not in FILLER]
    if unplaced and (len(unplaced) * 2 >= len(content) or not spots and found.period is None and
                     reading.confidence < 0.5):
        return Reading("unknown", unplaced=unplaced)
    if unplaced or reading.confidence < 0.35:
        return Reading("ask", offer=reading.frames, compare=reading.compare, unplaced=unplaced,
                       confidence=reading.confidence)
    return reading


EXCLUDING = re.compile(
    r"\b(?:except(?:ing)?(?: for)?|exclud(?:e|es|ed|ing)|exclusive of|other than|besides|apart from|aside from|"
    r"leav(?:e|es|ing) out|leav(?:e|es|ing) aside|set(?:ting)? aside|not count(?:ing)?|not includ(?:e|ing)|"
    r"without count(?:ing)?|without|minus|less|omit(?:s|ting|ted)?|bar(?:ring)?|ignor(?:e|ing)|disregard(?:ing)?|"
    r"tak(?:e|ing) out|remov(?:e|ing)|outside(?: of)?|save(?: for)?|but(?: for)?)$")
"""words that leave out what follows them ("apart from", "leaving out", "all products save", "every rep but")"""
_VERB_BEFORE = {"to", "i", "we", "you", "they", "he", "she", "can", "could", "would", "will", "should", "please",
                "let's", "lets", "and", "did", "do", "does", "not", "a", "the", "must", "may", "might"}
_QUANTIFIER = {"all", "every", "each", "any", "everyone", "everybody", "everything", "anyone", "anybody", "anything"}


def _excludes(words: list[str], spots: list[Spot], found: Found, second: Found | None) -> bool:
    """A question that leaves something out: a word of exclusion right before a name or a period ("won revenue
    apart from GTX Basic", "2017 leaving out Q4", "every product but GTX Basic", "all reps save Darcel")."""
    starts = {s.start for s in spots}
    for s in spots:  # "leaving GTX Basic out", "with Darcel's deals taken out"
        after = words[s.end:s.end + 3]
        if s.start and re.fullmatch(r"leav(?:e|es|ing)|tak(?:e|es|ing)|keep(?:s|ing)?", words[s.start - 1]) and \
                "out" in after[:1 + (after[:1] in (["deals"], ["ones"], ["s"]))]:
            return True
        if re.fullmatch(r"(?:s )?(?:deals? )?(?:taken|left|kept) out", " ".join(after)):
            return True
    period_words = set(found.words) | (set(second.words) if second else set())
    for i in range(len(words)):
        target = i + 1
        while target < len(words) and words[target] in ("the", "in", "for", "of", "any", "all"):
            target += 1
        if target >= len(words) or not (target in starts or target in period_words):
            continue
        for n in (3, 2, 1):  # the exclusion words right before the name or period
            if i - n + 1 < 0 or not EXCLUDING.match(" ".join(words[i - n + 1:i + 1])):
                continue
            first = words[i - n + 1]
            before = words[i - n] if i - n >= 0 else ""
            if first in ("save", "bar", "barring", "but") or first.startswith(("remov", "tak", "ignor", "omit")):
                # a verb ("save GTX Pro deals", "take out"), or "but" joining two parts: only after "all" or
                # "every" ("every product but X") or right after the thing being counted
                if first == "but" and not any(w in _QUANTIFIER for w in words[:i - n + 1]):
                    break
                if first != "but" and (before in _VERB_BEFORE or not before):
                    break
            return True
    return False


RELATIVE_OTHER = re.compile(r"\b(?:last|past|previous|prior|preceding) (quarter|month|year|half)\b|"
                            r"\b(?:the )?(quarter|month|year|half) (?:before|prior)(?! last\b)(?: (?:that|this|it))?\b|"
                            r"\b(?:the )?(quarter|month|year|half) (?:earlier)\b")
"""a period said relative to another ("last quarter", "the quarter before", "the previous month")"""


def _absolute(period: Period) -> bool:
    """A period named by its date ("Q2 2017"), not by today ("last quarter", "this year")."""
    named = period.unit in ("year", "half", "quarter", "month") or period.unit == "range" and " to " in period.label
    return named and not period.from_today


def _indexes(words: list[str], m: re.Match[str]) -> set[int]:
    """The indexes of the words a match over ``" ".join(words)`` covers."""
    return {i for i in range(len(words)) if m.start() <= len(" ".join(words[:i])) + (1 if i else 0) < m.end()}


def _word_index(words: list[str], char_pos: int) -> int:
    """The index of the word at ``char_pos`` in ``" ".join(words)``."""
    return len(" ".join(words)[:char_pos].split())


def _crossed(clauses: list[str], topical: list[bool], spots: list[Spot], periods: int) -> bool:
    """Two parts that each ask something and each name their own subject or period, differently
    ("Darcel's wins in Q3 and Vicki's in Q4"): sharing their slots would answer a question not asked."""
    slots = ("ACCOUNT", "REP", "PRODUCT", "OFFICE", "SECTOR", "PERIOD")
    named = [frozenset(w.strip(",") for w in c.split() if w.strip(",") in slots)
             for c, t in zip(clauses, topical) if t]
    named = [n for n in named if n]
    if len(named) < 2:
        return False
    kinds = [s.kind for s in spots]
    return len(set(named)) > 1 or periods > 1 or any(kinds.count(k) > 1 for k in set(kinds))


def _mentions(words: list[str], vocab: set[str]) -> bool:
    return any(w in vocab for w in words)


def _refers_back(words: list[str]) -> bool:
    text = " ".join(words)
    return bool(re.search(r"\b(those|them|they|these|there|that one|of them|of those|was that|were they|that was|"
                          r"same|its|their|the parent|(?:did|does|has|had|is|was) it)\b", text))


def _compare_with_context(words: list[str]) -> bool:
    return bool(re.search(r"\bcompare|\bvs\b|\bversus\b|\bagainst\b", " ".join(words)))


def _delex(words: list[str], spots: list[Spot], found: Found, breaks: set[int] | None = None) -> str:
    out: list[str] = []
    starts = {s.start: s for s in spots}
    skip: set[int] = set()
    for s in spots:
        skip |= set(range(s.start + 1, s.end))
    placeholder = {"account": "ACCOUNT", "user": "REP", "product": "PRODUCT", "regional_office": "OFFICE",
                   "sector": "SECTOR"}
    period_done = False
    for i, w in enumerate(words):
        if i in skip:
            continue
        if i in starts:
            out.append(placeholder[starts[i].kind])
        elif i in found.words:
            if not period_done:
                out.append("PERIOD")
                period_done = True
        elif w.isdigit():
            out.append("N")
        else:
            out.append(w)
        end = next((s.end - 1 for s in spots if s.start <= i < s.end), i)
        if breaks and end in breaks and i == end:
            out.append(",")
    return " ".join(out).replace(" ,", ",")


def _clauses(text: str, delex: str) -> list[str]:
    """The question's parts: split at commas, 'and', 'plus', colons, unless they join two names."""
    pieces = re.split(r"\s*(?:,|;|:|\band\b|\bplus\b|\balso\b|\bas well as\b)\s*", delex)
    names = {"ACCOUNT", "REP", "PRODUCT", "OFFICE", "SECTOR", "PERIOD"}
    out: list[str] = []
    for p in pieces:
        p = p.strip()
        if not p:
            continue
        # "A and B" (two names), or a part with no word of its own, joins the previous part
        if out and (p.split()[0] in names and out[-1].split()[-1] in names or
                    all(w in names or w in FUNCTION for w in p.split())):
            out[-1] = f"{out[-1]} and {p}"
        else:
            out.append(p)
    return out or [delex]


# --- slots ---------------------------------------------------------------------------------------------

def _people_filters(t: _Text, identity: Identity, words: list[str], names: list[Spot],
                    context: Context) -> dict[str, list[str]]:
    text = " ".join(words)
    out: dict[str, list[str]] = {}
    users = [s for s in names if s.kind == "user"]
    for s in users:
        key = "manager" if s.name in t.managers else "rep"
        name = s.name
        if key == "rep" and t.manager_of.get(s.name) and TEAM_OF.match(" ".join(words[s.end:s.end + 4])):
            key, name = "manager", t.manager_of[s.name]  # "won revenue for Darcel's team": Melvin Marxen's team
        elif t.office_of.get(s.name) and OFFICE_OF.match(" ".join(words[s.end:s.end + 4])):
            key, name = "regional_office", t.office_of[s.name]  # "won revenue for Darcel's office": Central's
        out.setdefault(key, [])
        if name not in out[key]:
            out[key].append(name)
    if not users:
        if re.search(r"\b(my|our)\s+(own\s+)?(team|reps|people|group|sellers|salespeople|direct reports)\b|"
                     r"\b(i|do i)\s+manage\b|\breport(s|ing)? to me\b", text):
            if identity.role == "manager":
                out["manager"] = [identity.name]
        elif _mentions(words, ME) and identity.role in ("rep", "manager"):
            out["manager" if identity.role == "manager" else "rep"] = [identity.name]
        elif context.focus.get("manager") and re.search(r"\b(that|the|this|his|her|their)\s+(manager'?s?\s+)?"
                                                        r"(whole\s+)?team\b|\bthat manager\b", text):
            # "what's her team's won revenue?" after "who manages Darcel?": the manager's team, not the rep alone
            out["manager"] = [context.focus["manager"]]
        elif context.focus.get("regional_office") and re.search(r"\b(his|her)\s+office\b", text) and \
                context.focus.get("last") != "regional_office":
            pass  # "what did her office win?" after "which office is Darcel in?": the office, in the place filters
        elif context.focus.get("rep") and t.office_of.get(context.focus["rep"]) and \
                re.search(r"\b(his|her)\s+office\b", text):
            out["regional_office"] = [t.office_of[context.focus["rep"]]]  # "and her office?" after Violet's figure
        elif context.focus.get("rep") and (_mentions(words, HE) and re.search(
                r"\b(his|her)\s+(whole\s+)?(team|teammates|colleagues|peers)\b", text) or re.search(
                r"\b(?:the|that|this)\s+(?:whole\s+)?team\b|\b(?:his|her|their|the)\s+manager'?s?\s+(?:whole\s+)?team\b", text)):
            # "and his team?", "and the team's?", "and his manager's team" after Darcel's figure: his manager's team
            if t.manager_of.get(context.focus["rep"]):  # "and his team?" after Darcel's figure: Melvin Marxen's team
                out["manager"] = [t.manager_of[context.focus["rep"]]]
        elif _mentions(words, HE) and context.focus.get("last") == "manager" and context.focus.get("manager") and \
                context.focus["manager"] != identity.name:
            out["manager"] = [context.focus["manager"]]  # "how many did she lose?" after the manager with the best rate
        elif _mentions(words, HE) and context.focus.get("rep") and context.focus["rep"] != identity.name and \
                not re.search(r"\b(his|her)\s+(whole\s+)?(team|teammates|colleagues|peers|office)\b", text):
            out["rep"] = [context.focus["rep"]]
        elif _mentions(words, HE) and context.focus.get("manager") and context.focus.get("rep") == identity.name:
            out["manager"] = [context.focus["manager"]]  # "how much did he win?" after a rep's "who is my manager?"
        elif context.focus.get("rep") and (context.focus.get("last") == "rep" and
                                           re.search(r"\b(their|they|them)\b", text) or
                                           re.search(r"\b(that|this|the same) (rep|seller|salesperson|agent)\b", text)):
            # "how many deals did that rep win?" after one deal: the rep on it
            out["rep"] = [context.focus["rep"]]
        elif context.focus.get("last") == "manager" and context.focus.get("manager") and \
                re.search(r"\b(their|they|them|that team|this team|that manager)\b", text):
            out["manager"] = [context.focus["manager"]]  # "how many did they lose?" after the team with the lowest
    return out


def _place_filters(t: _Text, words: list[str], context: Context, topic: str) -> dict[str, object]:
    f: dict[str, object] = {}
    for s in t.spots:
        if s.kind in ("account", "product", "regional_office", "sector"):
            f.setdefault(s.kind, [])
            if s.name not in f[s.kind]:  # type: ignore[operator]
                f[s.kind].append(s.name)  # type: ignore[union-attr]
    text = " ".join(words)
    if "account" not in f and context.focus.get("account") and (
            re.search(r"\b(that|this|the same)\s+(account|company|customer|client)\b", text) or
            (topic in ACCOUNT_FIELDS and re.search(r"\b(its|their|it|they)\b", text))):
        f["account"] = [context.focus["account"]]
    last = context.focus.get("last")
    if last in ("account", "product", "sector", "regional_office") and last not in f and context.focus.get(last) and \
            re.search(r"\b(with|from|to|for|of|in|on|at)\s+(them|it|that one)\b|\bthere\b|"
                      r"\b(did|does|do|has|have|had|is|was|were|are)\s+(it|they)\b|\b(its|their)\b", text):
        f[last] = [context.focus[last]]
    for kind, words_ in (("sector", "sector|industry"), ("regional_office", "office|region"),
                         ("product", "product")):
        which = "that|this|the same|his|her" if kind == "regional_office" else "that|this|the same"
        if kind not in f and context.focus.get(kind) and re.search(rf"\b({which})\s+({words_})\b", text):
            f[kind] = [context.focus[kind]]
    for word, stage in STAGE_WORDS.items():  # "in Engaging", not "started engaging"
        if re.search(rf"\b{word}\b", text) and not re.search(rf"\b(start|started|begin|began|starting)\s+{word}\b", text):
            f["stage"] = [stage]
    if (re.search(r"\bwon or lost\b|\blost or won\b", text) or
            re.search(r"\bclosed deals\b|\bdeals (that )?closed\b", text) and
            len(set(re.findall(r"\b(won|lost)\b", text))) != 1) and topic in ("count", "won_count", "lost_count"):
        # "closed deals": won or lost; "deals closed in October that were lost": the lost ones
        f["stage"] = ["Won", "Lost"]
    if re.search(r"\bkey\s+(accounts?|customers?|clients?)\b", text):
        f["tier"] = "key"
    return f


def _n(words: list[str]) -> int | None:
    text = " ".join(words)
    for pattern in (r"\b(?:top|bottom)\s+(\d{1,2}|[a-z]+)\b", r"\bwhich\s+(\d{1,2}|two|three|four|five|ten)\s+[a-z]+",
                    rf"\b(\d{{1,2}}|[a-z]+)\s+(?:{RANK_WORDS}|recent)\b",
                    r"\b(?:first|last)\s+(\d{1,2})\b",
                    rf"\b(?:{RANK_WORDS})\s+(\d{{1,2}}|two|three|four|five|six|seven|eight|nine|ten)\b",
                    r"\b(?:the|which|who are the)\s+(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:reps|sellers|"
                    r"salespeople|products|offices|accounts|customers|clients|managers|sectors|teams)\b"):
        if m := re.search(pattern, text):
            v = m.group(1)
            if v.isdigit():
                return max(1, min(int(v), 50))
            if v in NUMBER_WORDS and v != "one":
                return NUMBER_WORDS[v]
    return None


def _direction(words: list[str]) -> str | None:
    if any(w in LEAST for w in words):
        return "least"
    if any(w in MOST for w in words):
        return "most"
    return None


def _group(words: list[str], t: _Text, filters: dict[str, object]) -> str | None:
    text = " ".join(words)
    spot_kinds = {s.kind for s in t.spots}
    if re.search(r"\b(?:by|per|each|every|across|which|what)\s+(?:the\s+)?(?:product\s+)?series\b", text):
        return "series"  # "revenue by product series": GTX, MG, GTK, not each product
    if m := re.search(r"\b(?:by|per|each|every|across)\s+(?:the\s+)?([a-z]+)", text):
        if m.group(1) in GROUP_WORDS and GROUP_WORDS[m.group(1)] not in ("close_quarter", "close_month") or \
                m.group(1).rstrip("s") in ("quarter", "month"):
            return _group_word(m.group(1))
    for i, w in enumerate(words):
        if i in t.taken or w not in GROUP_WORDS:
            continue
        g = GROUP_WORDS[w]
        before = words[i - 1] if i else ""
        if g == "manager" and (before in ("my", "our", "own") or (i and (i - 1) in t.taken)):
            continue  # "my team", "Celia's team": a filter, not a grouping
        if g == "regional_office" and "regional_office" in spot_kinds:
            continue
        if g == "sector" and "sector" in spot_kinds:
            continue
        if g == "account" and ("account" in spot_kinds or "account" in filters):
            continue
        if g == "product" and "product" in spot_kinds:
            continue
        if g in ("close_quarter", "close_month") and i in t.found.words:
            continue
        if g == "account" and i and words[i - 1] in ("key",):
            continue
        return g
    if re.search(r"\bwho\b", text):
        return "rep"
    return None


def _breakdown(words: list[str]) -> bool:
    return bool(re.search(r"\b(by|per|each|every|across)\s+(?:product\s+)?(series|product|rep|account|office|region|"
                          r"sector|manager|team|stage|quarter|month|customer|seller|agent)s?\b|\bbreak\s?down\b|"
                          r"\brank(ed|ing)?\b",
                          " ".join(words)))


def _records_order(topic: str, words: list[str], direction: str | None) -> tuple[str, bool, list[str] | None]:
    """How to order deal records for this topic: (field, descending, stages)."""
    text = " ".join(words)
    if re.search(r"\b(stuck|stalled|open the longest|been open|oldest|longest)\b", text) and \
            (topic in ("open_count", "count", "open_pipeline_list_price") or
             re.search(r"\b(open|stuck|stalled|engaging|prospecting)\b", text)):
        return "engage_date", False, ["Prospecting", "Engaging"]
    if topic == "avg_sales_cycle_days" or re.search(r"\bcycle\b|\btook\b|\btake\b", text):
        return "cycle_days", direction != "least", ["Won"]
    if topic in ("lost_count",) or re.search(r"\blost\b", text):
        if re.search(r"\b(biggest|largest|smallest|most valuable|value|worth)\b", text):
            return "list_price", direction != "least", ["Lost"]  # a lost deal has no close value
        return "close_date", True, ["Lost"]
    if topic in ("open_count", "open_pipeline_list_price") or re.search(r"\bopen\b", text):
        if re.search(r"\b(biggest|largest|smallest|most valuable|highest value|priciest|value|worth)\b", text):
            return "list_price", direction != "least", ["Prospecting", "Engaging"]  # no close value until it closes
        return "engage_date", direction == "most" and not re.search(r"\boldest|longest\b", text), \
            ["Prospecting", "Engaging"]
    if re.search(r"\b(recent|latest|newest|last)\b", text):
        return "close_date", True, ["Won"] if re.search(r"\bwon|wins?\b", text) else None
    return "close_value", direction != "least", ["Won"]


def _open_now(frame: Frame, context: Context) -> Frame:
    """A figure of open deals that took its period from the thread rather than the question: the deals open now,
    with no period (a period of the thread's closes is none of theirs, and one of engaging was not asked for)."""
    stages = frame.filters.get("stage") or STAGES_OF.get(frame.topic) or []
    if frame.period is None or not stages or not set(stages) <= {"Prospecting", "Engaging"} or \
            frame.period not in [f.period for f in context.frames]:
        return frame
    return frame.edit(period=None)


def _two_periods(frame: Frame, other: Period, joined: str, words: list[str]) -> tuple[list[Frame], bool] | Reading:
    """A figure asked of two periods ("Q3 and Q4 2017"): each side by side, earlier first, or one total over both when
    asked combined (where they are next to each other); asked about when one is of engaging and one of closing."""
    assert frame.period is not None
    a, b = sorted([frame.period, other], key=lambda p: p.start)
    if re.search(r"\b(?:engaged|started|created|opened|entered)\b", joined) and \
            re.search(r"\b(?:won|win|lost|lose|closed|close|revenue|sold)\b", joined) and \
            not _compare_with_context(words):
        # "won in Q3 from deals engaged in Q2": one date of each kind, which one figure cannot hold
        return Reading("ask", note=f"I can filter by when deals were engaged or by when they closed, one at a "
                                   f"time. Do you want the deals engaged in {a.label} and in {b.label} side by "
                                   "side, or those closed in each? Ask for one of them.")
    if re.search(r"\b(?:combined|together|altogether|in total|total of|summed|put together|both)\b", joined):
        # "Q3 and Q4 2017 combined": one total over both, never the two side by side
        if a.end + dt.timedelta(days=1) != b.start:
            return Reading("ask", note=f"{a.label} and {b.label} are not next to each other. Do you want each "
                                       f"on its own, or the whole span from {a.label} to {b.label}?")
        return [frame.edit(period=Period(a.start, b.end, f"{a.label} to {b.label}", "range"))], False
    frames = [frame.edit(period=a), frame.edit(period=b)]
    return frames, True


def _fresh(topics: list[str], t: _Text, identity: Identity, words: list[str],
           context: Context) -> tuple[list[Frame], bool]:
    text = " ".join(words)
    people = _people_filters(t, identity, words, t.spots, context)
    topic = topics[0]
    filters: dict[str, object] = {**_place_filters(t, words, context, topic), **people}
    period = t.found.period
    direction = _direction(words)
    n = _n(words)
    account_topics = [x for x in topics if x in ACCOUNT_FIELDS]
    if account_topics and not filters.get("account") and \
            _group(words, t, filters) in ("product", "rep", "regional_office", "manager", "sector"):
        # products, reps, offices, teams and sectors have no annual revenue, headcount or sector of their own: "the 3 lowest
        # products by revenue" ranks them by the revenue they won; an account's other fields are not theirs at all
        if account_topics[0] != "revenue_musd":
            return [], False
        topics = ["won_revenue", *[x for x in topics if x not in ACCOUNT_FIELDS and x != "won_revenue"]]
        topic, account_topics = topics[0], []
    if account_topics and not filters.get("account") and context.focus.get("account") and \
            FOLLOW_UP_START.match(" ".join(words)) and not direction:
        filters["account"] = [context.focus["account"]]
    if account_topics and not filters.get("account") and direction and _mentions(words, ME):
        if account_topics[0] != "revenue_musd" or re.search(r"\b(annual|yearly|turnover)\b", text):
            return [], False  # "which of my accounts ...": accounts are not owned in the CRM
        # "my top 3 accounts by revenue": the accounts ranked by the revenue won on my deals
        topics = ["won_revenue", *[x for x in topics if x not in ACCOUNT_FIELDS and x != "won_revenue"]]
        topic, account_topics = topics[0], []
    if account_topics and period is not None and not re.search(r"\b(founded|established)\b", text):
        return [], False  # an account's size or sector has no period: "<account> H1 2017" is another question
    if account_topics:
        if filters.get("account") and not direction:  # each account named, side by side ("Kan-code vs Konex")
            return [Frame(account_topics[0], "attribute", {"account": [a]}, also=account_topics[1:])
                    for a in filters["account"][:5]], len(filters["account"]) > 1  # type: ignore[index]
        order = account_topics[0] if account_topics[0] in ("employees", "revenue_musd", "year_established") \
            else None
        if order:
            f = {k: v for k, v in filters.items() if k in ("sector", "tier")}
            desc = direction != "least"
            if order == "year_established":  # founded first, the oldest: the earliest year
                desc = not re.search(r"\b(oldest|earliest|first|longest)\b", text) and direction != "least" or \
                    bool(re.search(r"\b(newest|youngest|latest|most recent(?:ly)?|last)\b", text))
            return [Frame(account_topics[0], "records", f, descending=desc, limit=n or 1, order=order)], False
    if topic == "subsidiaries":
        return [Frame("subsidiaries", "attribute", {"parent": filters.get("account", [])[:1]})], False
    if topic == "list_price":
        products = list(filters.get("product", []))  # type: ignore[arg-type]
        if not products and re.search(r"\b(it|its|each|both|them|their|those)\b", text):
            products = sorted({p for f in context.frames for p in f.filters.get("product", [])}) or \
                ([context.focus["product"]] if context.focus.get("product") else [])
        return [Frame("list_price", "attribute", {"product": products})], False
    if topic == "manager" and people.get("manager") and not people.get("rep") and \
            re.search(r"\breport(s|ing)? to\b|\bunder\b|\bworks? for\b", text):
        topic = "team"  # "who reports to <manager>"
    elif topic in ("manager", "rep_office"):
        reps = (people.get("rep") or []) + (people.get("manager") or [])
        return [Frame(topic, "attribute", {"rep": reps[:10]})], False
    if topic == "team":
        f = {k: v for k, v in {"manager": people.get("manager") or people.get("rep"),
                               "regional_office": filters.get("regional_office")}.items() if v}
        return [Frame("team", "attribute", f)], False
    outcomes = set(re.findall(r"\b(won|win|lost|lose)\b", text))
    if topic == "count" and len({w[0] for w in outcomes}) == 1 and not STAGE_COUNT_WORDS.search(text):
        # "how many deals were engaged in 2016 and won": the won ones of those engaged then
        topic = "won_count" if "w" in {w[0] for w in outcomes} else "lost_count"
        topics = [topic, *topics[1:]]
    if topic == "account_count" and (people or re.search(r"\b(?:deals?|opportunit(?:y|ies)|won|win|lost|lose|revenue)\b",
                                                         text)) and \
            not re.search(r"\b(?:how many|number of|count of)\s+(?:\w+\s+)?(?:accounts|customers|clients|companies)\b", text):
        # "how many deals has Darcel won at accounts in the retail sector": deals, at those accounts
        topic = next((x for x, _ in classifier().distribution(_delex(words, t.spots, t.found)) if x in DEAL_METRICS),
                     "count")
        topics = [topic]
    if topic == "account_count":
        f = {k: v for k, v in filters.items() if k in ("sector", "tier")}
        group = _group(words, t, filters)
        if group in ("sector", "regional_office", "tier") and (direction or _breakdown(words) or
                                                               re.search(r"\b(which|what)\b", text)):
            return [Frame("account_count", "ranked" if direction else "breakdown", f, group=group,
                          descending=direction != "least", limit=n or (1 if direction else 50))], False
        if direction and group in ("account", None) and not re.search(r"\bhow many\b|\bnumber of\b", text):
            # "the lowest 2 accounts by employees in software", "our top 3 customers in medical": accounts ranked,
            # by the field named, else by the revenue won from them; never how many accounts there are
            field = "employees" if re.search(r"\b(employees|headcount|staff)\b", text) else \
                "year_established" if re.search(r"\b(founded|established|oldest|newest|youngest)\b", text) else \
                "revenue_musd" if re.search(r"\b(annual|yearly) revenue\b|\bturnover\b", text) else None
            desc = direction != "least" if field != "year_established" else \
                not re.search(r"\b(oldest|earliest|first)\b", text) and direction != "least"
            if field:
                return [Frame(field, "records", f, descending=desc, limit=n or 1, order=field)], False
            return [Frame("won_revenue", "ranked", dict(f), period, "close", group="account",
                          descending=direction != "least", limit=n or 1)], False
        return [Frame("account_count", "attribute", f)], False
    group = _group(words, t, filters)
    deal_word = next((i for i, w in enumerate(words) if w in ("deal", "deals", "win", "wins", "opportunity",
                                                              "opportunities", "sale", "contract")), None)
    group_word = next((i for i, w in enumerate(words) if GROUP_WORDS.get(w) == group or (group == "rep" and w == "who")),
                      None)
    if topic in ("deal_value", "deal_list") and group and group != "stage" and direction and \
            (deal_word is None or group_word is not None and group_word < deal_word) and not ONE_DEAL.search(text):
        topic = "won_revenue" if topic == "deal_value" else "won_count"  # "top 3 sellers by revenue": a ranking
        return [_deal_frame(topic, t, words, filters, period, direction, n, context)], False
    if topic == "deal_list" and re.search(r"\bhow many\b|\bnumber of\b", text) and not LIST_VERB.search(text):
        counted = _records_frame(topic, words, filters, period, direction, n).topic  # which deals: won, lost, open
        return [_deal_frame(counted, t, words, filters, period, direction, n, context)], False
    if topic in ("deal_value", "deal_list"):
        return [_records_frame(topic, words, filters, period, direction, n)], False
    metrics = [x for x in topics if x in DEAL_METRICS or x == "reply_rate"]
    if not metrics:
        return [], False
    # two or more names of one kind: one frame per name, the rest shared
    sides = _sides(t, filters)
    if sides and re.search(r"\bor\b|\beither\b", text) and not re.search(
            r"\b(?:which|who|whose|more|less|fewer|better|worse|higher|lower|bigger|smaller|compare|compared|vs|versus|"
            r"than|beat|most|least)\b", text):
        # "won revenue for GTX Pro or GTX Plus Pro": the deals of either, together
        return [_deal_frame(metrics[0], t, words, filters, period, direction, n, context).edit(
            also=[m for m in metrics[1:] if m != metrics[0]])], False
    if sides:
        kind, values = sides
        base = Frame(metrics[0], "figure", dict(filters), period, _basis(metrics[0], words),
                     also=[m for m in metrics[1:] if m != metrics[0]])
        grouped = _deal_frame(metrics[0], t, words, filters, period, direction, n, context)
        if grouped.form in ("ranked", "breakdown") and grouped.group and grouped.group != kind:
            # "won revenue by rep for GTX Pro and MG Advanced": the breakdown for each of them, one after the other
            grouped = grouped.edit(also=base.also)
            return [grouped.with_filters(**{kind: [v]}) for v in values], False
        return [base.with_filters(**{kind: [v]}) for v in values], True
    named = _groups_named(text) or ([group] if group and group != "stage" and (direction or _breakdown(words)) else [])
    if len(metrics) > 1 and named and all(m in DEAL_METRICS for m in metrics):
        # "won revenue and win rate by product": both figures for each product; "won revenue by product and win rate
        # by office": each figure by its own grouping
        base = _deal_frame(metrics[0], t, words, filters, period, direction, n, context)
        if base.form in ("ranked", "breakdown") and base.group:
            if len(named) == 1:
                return [base.edit(also=[m for m in metrics[1:] if m != metrics[0]])], False
            if len(named) == len(metrics):
                return [base.edit(topic=m, group=g, also=[]) for m, g in zip(metrics, named, strict=True)], False
    if len(metrics) > 1:  # several figures over one subject (or over each side of a comparison)
        frame = Frame(metrics[0], "figure", dict(filters), period, _basis(metrics[0], words),
                      also=[m for m in metrics[1:] if m != metrics[0]])
        sides = _sides(t, filters)
        if sides:
            return [frame.with_filters(**{sides[0]: [v]}) for v in sides[1]], True
        return [frame], False
    base = _deal_frame(metrics[0], t, words, filters, period, direction, n, context)
    return [base], False


def _groups_named(text: str) -> list[str]:
    """The groupings ``text`` names after "by", "per" or "for each", in order, each once."""
    found = [_group_word(m.group(1))
             for m in re.finditer(r"\b(?:by|per|for each|for every)\s+(?:the\s+|each\s+|every\s+)?([a-z]+)", text)]
    return list(dict.fromkeys(g for g in found if g and g != "stage"))


def _sides(t: _Text, filters: dict[str, object]) -> tuple[str, list[str]] | None:
    for kind in ("rep", "manager", "product", "regional_office", "account", "sector"):
        values = filters.get(kind)
        if isinstance(values, list) and len(values) >= 2:
            return kind, values  # type: ignore[return-value]
    return None


STAGE_COUNT_WORDS = re.compile(r"\b(?:stages?|by stage|per stage|each stage|open|prospecting|engaging|pipeline|rate|"
                               r"either|or|neither|nor|not|never|n't|without|closed|rates?)\b")
"""words that make a count of deals with "won" or "lost" in it more than a count of that outcome"""
METRIC_WORDS = frozenset({"win", "wins", "won", "rate", "ratio", "revenue", "average", "avg", "mean", "median",
                          "size", "sizes", "pipeline", "lost", "lose", "losses", "open", "cycle", "sales", "length",
                          "what", "whats", "what's", "is", "was", "are", "were", "the", "a", "an", "and", "how", "of",
                          "did", "does", "do", "has", "have", "had", "typical", "conversion", "close", "closed",
                          "closing", "long", "take", "takes", "to", "percentage", "percent"})
"""the words of a question that names a figure and nothing else ("what's the win rate", "average deal size?")"""
WHOLE_WORDS = frozenset({"we", "us", "our", "ours", "team", "company", "everyone", "everybody", "overall", "total",
                         "all", "whole", "entire", "org", "organisation", "organization", "business", "firm"})
"""words that say a question is over everyone, not the subject of the figure before it"""
STAGE_SAID = re.compile(r"\b(?:won|wins?|winning|lost|lose|loses|losses|losing|open|opened|active|closed?|closing|"
                        r"pipeline|revenue|sold|sell|signed|booked|bought|converted|engag\w*|prospect\w*|stages?|"
                        r"in play|in progress|ongoing|stuck|stalled|worth|value|rate)\b")
"""a stage, outcome or figure said of deals: without one, "deals for Kan-code" are all of their deals"""
ENGAGE_VERB = re.compile(r"\b(?:created|new|started|engaged?|opened|entered|began|begun|kicked off)\b|"
                         r"\b(?:start|begin)\b(?! of)")
CLOSE_VERB = re.compile(r"\b(?:closed|closing|won|lost|signed)\b")
OPEN_TOPICS = ("open_count", "open_pipeline_list_price")


def _basis(metric: str, words: list[str]) -> str:
    return "engage" if metric in OPEN_TOPICS or ENGAGE_VERB.search(" ".join(words)) else "close"


LIST_VERB = re.compile(r"^(please\s+)?(list|show|pull up|what are|which are)\b|\bgive me (the |a |all )?(list|deals)\b|\b(list|show)( me)? (all |the )?"
                       r"(my|our|the|all|them|those|her|his|their|open|won|lost)\b|\bwhat deals\b|\bwhich deals\b")


def _records_frame(topic: str, words: list[str], filters: dict[str, object], period: Period | None,
                   direction: str | None, n: int | None) -> Frame:
    text = " ".join(words)
    metric = "won_revenue" if topic == "deal_value" else \
        "open_count" if re.search(r"\b(open|active|in progress|prospecting|engaging|stuck|stalled)\b", text) else \
        "lost_count" if re.search(r"\b(lost|lose|losses)\b", text) else \
        "won_count" if re.search(r"\b(won|win|wins|closed won)\b", text) else "count"
    order, desc, stages = _records_order(metric, words, direction)
    f = dict(filters)
    if stages and "stage" not in f and metric != "count":
        f["stage"] = stages
    limit = n or (1 if direction else 10)
    return Frame(metric, "records", f, period, _basis(metric, words), order=order, descending=desc, limit=limit)


ONE_DEAL = re.compile(r"\b(?:biggest|largest|smallest|highest|lowest|priciest|most valuable)\s+(?:single\s+|one\s+)?"
                      r"(?:deal|win|sale|contract|opportunity)\b(?!\s+(?:size|sizes|value|values|rate|count|amount))")
"""one deal singled out by its value ("who closed the biggest deal?"): that deal, with its rep, not a ranking of reps"""


def _deal_frame(metric: str, t: _Text, words: list[str], filters: dict[str, object], period: Period | None,
                direction: str | None, n: int | None, context: Context) -> Frame:
    text = " ".join(words)
    group = _group(words, t, filters)
    frame = Frame(metric, "figure", dict(filters), period, _basis(metric, words))
    deal_at = next((i for i, w in enumerate(words) if w in ("deal", "win", "sale", "opportunity", "contract",
                                                            "deals", "wins", "opportunities")
                     and not (i + 1 < len(words) and words[i + 1] in ("rate", "ratio", "percentage"))), None)
    group_at = next((i for i, w in enumerate(words) if GROUP_WORDS.get(w) == group or
                     (group == "rep" and w == "who")), None)
    deal_first = deal_at is not None and (group_at is None or deal_at < group_at)
    singular_deal = re.search(r"\b(deal|sale|opportunity|contract)\b|\b(?:a|the|one|our|my|his|her|their|biggest|"
                              r"largest|smallest|latest|last|first|recent|single|top)\s+win\b(?! rate)", text) is not None
    # "win" is a deal only as a noun ("our biggest win"), not as the verb of "how many deals did the bottom rep win"
    list_words = LIST_VERB.search(text) is not None
    stalled = re.search(r"\b(stuck|stalled)\b|\bopen the longest\b|\bbeen open\b", text) is not None
    if metric == "reply_rate":
        return frame
    if direction and (deal_first or ONE_DEAL.search(text)) and (singular_deal or n):
        order, desc, stages = _records_order(metric, words, direction)
        f = dict(filters)
        if stages and "stage" not in f:
            f["stage"] = stages
        return frame.edit(form="records", filters=f, order=order, descending=desc, limit=n or 1)
    if group and direction and group != "stage":
        return frame.edit(form="ranked", group=group, descending=direction == "most",
                          limit=n or (SEVERAL if _plural_group(words, group_at, t.said) else 1))
    if group and _breakdown(words):
        return frame.edit(form="breakdown", group=group, limit=50)
    if (direction and (singular_deal or n)) or stalled or (list_words and re.search(r"\b(deals|wins|opportunities)\b",
                                                                                     text)):
        order, desc, stages = _records_order(metric, words, direction)
        f = dict(filters)
        if stages and "stage" not in f:
            f["stage"] = stages
        limit = n or (1 if direction or stalled and singular_deal else 10)
        return frame.edit(form="records", filters=f, order=order, descending=desc, limit=limit)
    if group and re.search(r"\bwho\b|\bwhich\b", text) and not direction:
        return frame.edit(form="breakdown", group=group, limit=50)
    return frame


ACTIVITY_TYPES = {"call": "call", "calls": "call", "e-mail": "email", "e-mails": "email", "email": "email",
                  "emails": "email", "meeting": "meeting", "meetings": "meeting", "note": "note", "notes": "note"}
ACTIVITY = re.compile(r"\b(?:(?:phone\s+)?calls?|e-?mails?|meetings?|notes?)\b")
ACTIVITY_COUNT = re.compile(r"\b(?:how many|number of|count of|most|fewest|least|fewer|more|lowest|highest|top|bottom)\b"
                            r"(?:\s+\w+){0,3}?\s+(?:phone\s+)?(?:calls?|e-?mails?|meetings?|notes?)\b|"
                            r"\b(?:log|logged|logs|logging|make|made|makes|making|place|placed|send|sent|sends|sending|"
                            r"had|have|has|book|booked|hold|held|take|took|write|wrote|written)\b(?:\s+\w+){0,3}?\s+"
                            r"(?:the\s+)?(?:most|fewest|least|fewer|more|lowest|highest)\s+(?:\w+\s+)?(?:phone\s+)?"
                            r"(?:calls?|e-?mails?|meetings?|notes?)\b|"
                            r"^(?:\w+\s+){0,2}(?:phone\s+)?(?:calls|e-?mails|meetings)\s+(?:logged\s+)?(?:by|per|for each)\s+"
                            r"(?:rep|reps|office|offices|manager|managers|team|teams|account|accounts)\b")
"""a count or ranking of logged calls, e-mails, meetings or notes ("who logged the fewest calls", "how many meetings
did Darcel have"), not a draft or a reply rate"""


def _activities_logged(t: _Text, identity: Identity, words: list[str], context: Context) -> Reading | None:
    """Calls, e-mails, meetings or notes counted (by rep when "who"), over the activities the CRM logged."""
    text = re.sub(r"\be (mails?)\b", r"e\1", " ".join(words))  # "e-mails" comes as "e mails"
    if not ACTIVITY_COUNT.search(text) or re.search(r"\b(?:reply|replies|response|responses|rate|draft|write (?:an?|"
                                                     r"the))\b", text):
        return None
    types = sorted({ACTIVITY_TYPES[m.group(0).split()[-1].replace("e-", "e")] for m in ACTIVITY.finditer(text)})
    people = _people_filters(t, identity, words, t.spots, context)
    places = {k: v for k, v in _place_filters(t, words, context, "count").items()
              if k in ("account", "regional_office", "sector")}
    if any(k in _place_filters(t, words, context, "count") for k in ("product", "stage", "tier")):
        return Reading("ask", note="Calls, e-mails and meetings are logged against accounts and reps, not products, "
                                   "stages or tiers. Could you ask by rep, team, office, account or sector?")
    sent = re.search(r"\b(?:sent|send|sends|sending|made|make|makes|making|placed|place|wrote|write|written|"
                     r"outbound|outgoing)\b", text) is not None
    filters: dict[str, object] = {**places, **people, "activity_type": types, **({"direction": "outbound"} if sent
                                                                                 else {})}
    direction = _direction(words)
    group = _group(words, t, filters)
    n = _n(words)
    period = t.found.period
    if group not in (None, "rep", "manager", "regional_office", "account"):
        group = None
    if direction and group is None:
        group = "rep"
    form = "ranked" if group and direction else "breakdown" if group and _breakdown(words) else "figure"
    if form == "figure" and group:
        form = "breakdown"
    frame = Frame("activity_count", form, filters, period, "activity", group=group if form != "figure" else None,
                  descending=direction != "least", limit=n or (1 if form == "ranked" else 50))
    if identity.role in ("rep", "manager"):
        if form != "figure" and group in ("rep", "manager", "regional_office") and \
                not (identity.role == "manager" and group == "rep"):
            return Reading("decline", note="ranking")
        frame = _own_scope(frame, identity)
    return Reading("crm", [frame])


SEVERAL = 5
"""how many a ranking gives when it asks for several with no number ("which products sold best")"""
SINGULAR_GROUP = {"product", "rep", "agent", "salesperson", "seller", "account", "customer", "client", "company",
                  "office", "region", "sector", "industry", "manager", "team", "closer", "quarter", "month"}


def _plural_group(words: list[str], at: int | None, said: tuple[str, ...] = ()) -> bool:
    """The members ranked are named in the plural ("which products sold best", "the reps with the most wins", "which
    of my reps have the highest win rates"), not one of them ("which of the reps has", "which rep")."""
    if at is None or words[at] in SINGULAR_GROUP or words[at] not in GROUP_WORDS:
        return False
    before = words[max(at - 3, 0):at]
    after = words[at + 1:at + 3]
    if re.search(r"\b(?:is|was|has)\b", " ".join(after)):
        return False
    if "had" in after:  # "had" says neither: "which reps had" is several, "which of my reps had" as what they had
        return "of" not in before or bool(PLURAL_MEASURE.search(" ".join((said or words)[at + 1:])))
    # "which of my reps" is one of them unless its verb is plural ("have", "are"); "won" or "closed" says neither
    return "of" not in before or bool(after) and after[0] in PLURAL_VERBS


PLURAL_MEASURE = re.compile(r"\b(?:rates|sizes|cycles|revenues|averages|totals|figures|numbers)\b")
"""a figure each member has one of, said in the plural ("which of my reps had the highest win rates"): several members"""


PLURAL_VERBS = {"have", "are", "were", "do", "win", "sell", "close", "bring", "make", "generate", "lose"}
"""verbs whose form after a group word says several ("which of my reps have")"""


def _own_scope(frame: Frame, identity: Identity) -> Frame:
    """A rep's or a manager's figure names whose deals it covers ("you", "your team"): the same records the
    scope allows, said out loud, so a rep's own total is never read as the company's."""
    if frame.topic not in (*DEAL_METRICS, "reply_rate", "activity_count") or frame.filters.get("rep") or \
            frame.filters.get("manager"):
        return frame
    return frame.with_filters(**({"manager": [identity.name]} if identity.role == "manager"
                                 else {"rep": [identity.name]}))


def _reranked(frame: Frame, last: Frame, words: list[str]) -> Frame:
    """"What about by win rate?" after a ranking, or "and the win rate?" after a breakdown: the same ranking or
    breakdown by the figure named now, never that figure over everyone together."""
    if last.form in ("ranked", "breakdown") and last.group and frame.form == "figure" and \
            ("by" in words or last.form == "breakdown" and not last.having) and \
            not any(w in words for w in ("his", "her", "their", "its", "him", "them")):
        # "and the win rate?" after a breakdown by office: the win rate by office too
        return frame.edit(form=last.form, group=last.group, by=last.by, each=last.each, limit=last.limit,
                          descending=last.descending)
    return frame


REVENUE_OF = re.compile(r"\brevenue\s+(?:of|for|at)\s+|'s\s+revenue\b", re.IGNORECASE)
"""an account's revenue, said without whose it is: won from it, or its own annual revenue"""
OTHER_ONE = re.compile(r"\bthe other(?:\s+one)?(?:'s)?\b(?!\s+(?:reps?|offices?|products?|accounts?|sectors?|teams?|"
                       r"managers?|deals?|ones))", re.IGNORECASE)
"""one of two pointed at as "the other" ("the other one's win rate")"""
THERE = re.compile(r"\bthere\b(?!\s+(?:is|are|was|were|be|been|'s|have|has))(?<!\bare there)(?<!\bis there)"
                   r"(?<!\bwere there)(?<!\bwas there)", re.IGNORECASE)
"""a place pointed back to ("who was the top rep there?"), not a thing that exists ("how many deals are there")"""
THE_TOP_BACK = re.compile(r"\b(?:those|them|it|its|that one|this one|there|that (?:product|account|sector|office|region))\b")


def _of_the_top(frame: Frame, context: Context, said: str) -> Frame:
    """"How many of those did we lose?", "who sold it the most?" after "which product brought in the most?": of the
    one at the top (its product, account, sector or office), not of everything the ranking was over."""
    last, key = context.frames[0], str(context.focus.get("last") or "")
    top = context.focus.get(key)
    if last.form != "ranked" or last.limit != 1 or last.each or key != last.group or not top or \
            key not in ("product", "account", "sector", "regional_office") or frame.filters.get(key) or \
            frame.group == key or not THE_TOP_BACK.search(said):
        return frame
    return frame.with_filters(**{key: [str(top)]})


def _inherit(frame: Frame, last: Frame) -> Frame:
    """``frame`` with what it leaves unsaid taken from the frame the question points back to."""
    filters = dict(frame.filters)
    for key, value in last.filters.items():
        if key == "stage" and frame.form == "figure":
            continue
        if key in filters:
            continue
        if key in ("rep", "manager") and ("rep" in filters or "manager" in filters):
            continue
        filters[key] = value
    return frame.edit(filters=filters, period=frame.period or last.period)


# --- follow-ups ----------------------------------------------------------------------------------------

OFFICE_OF = re.compile(r"^(?:s\s+|')?(?:s\s+)?(?:whole\s+|entire\s+)?(?:office|region)\b")
"""what follows a person's name that makes it their office ("Darcel's office")"""
TEAM_OF = re.compile(r"^(?:s\s+|')?(?:s\s+)?(?:whole\s+|entire\s+)?team\b")
"""what follows a rep's name that makes it their team ("Darcel's team", "Darcel s whole team")"""
PEOPLE_KEYS = ("rep", "manager", "regional_office")
SUBJECT_KEYS = (*PEOPLE_KEYS, "product", "sector", "account", "tier")
WIDER: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"\boverall\b|\bacross the board\b|\bin general\b|\bfor everything\b"), SUBJECT_KEYS),
    (re.compile(r"\b(?:the\s+)?(?:whole|entire)\s+(?:company|team|org\w*|business|sales\s+(?:team|org\w*)|firm)\b|"
                r"\bcompany[- ]wide\b|\beveryone\b|\beverybody\b|\ball (?:the )?(?:reps|sellers|agents|teams|managers)\b|"
                r"\bthe company\b|\bteam as a whole\b|\bcompany as a whole\b|\bevery (?:rep|team)\b|\ball of us\b|"
                r"\ball (?:the )?teams\b|^\W*(?:ok\s+|okay\s+|and\s+|so\s+)*(?:the\s+)?company\b"),
     PEOPLE_KEYS),
    (re.compile(r"\b(?:all|every|any|across)\s+(?:the\s+|our\s+)?products?\b"), ("product",)),
    (re.compile(r"\b(?:all|every|any|across)\s+(?:the\s+|our\s+)?(?:sectors?|industries|industry)\b"), ("sector",)),
    (re.compile(r"\b(?:all|every|any|across)\s+(?:the\s+|our\s+)?(?:accounts?|customers?|clients?)\b"), ("account",)),
    (re.compile(r"\b(?:all|every|any|across)\s+(?:the\s+|our\s+)?(?:offices?|regions?)\b"), ("regional_office",)),
)
"""what a follow-up widens back out: "and for the whole company?" drops the people, "and all products?" the product"""
ALL_TIME = re.compile(r"\ball[- ]time\b|\bof all time\b|\bever\b|\bto date\b|\bwhole history\b|\bsince (?:the )?"
                      r"(?:start|beginning)\b|\b(?:any|all|every)\s+(?:period|periods|time|dates?|quarters?|years?)\b")
"""a follow-up that drops the period ("and all time?")"""


def _widened(frame: Frame, text: str, people: dict[str, object], places: dict[str, object],
             period: Period | None) -> Frame:
    """``frame`` with what a follow-up widens dropped: "and for the whole company?" after Darcel's figure is everyone's,
    "and all time?" after a quarter's has no period, "and across all sectors?" no sector (what the follow-up names
    itself stays)."""
    for pattern, keys in WIDER:
        if pattern.search(text):
            frame = frame.with_filters(**{k: None for k in keys if k not in people and k not in places})
    if period is None and frame.period is not None and ALL_TIME.search(text):
        frame = frame.edit(period=None, basis="engage" if frame.topic in OPEN_TOPICS else "close")
    return frame


def _edit(context: Context, t: _Text, identity: Identity, words: list[str], raw: str) -> tuple[list[Frame], bool]:
    text = " ".join(words)
    base = [f for f in context.frames]
    people = _people_filters(t, identity, words, t.spots, context)
    places = _place_filters(t, words, context, base[0].topic)
    period = t.found.period
    guess = classifier().guess(_delex(words, t.spots, t.found))
    new_topic = guess.topic if guess.p >= 0.5 and guess.topic in (*DEAL_METRICS, "reply_rate") else None
    if re.search(r"\bhow many (deals|wins|of them|were there|was that|is that|are there)\b", text) and \
            base[0].topic in STAGES_OF and re.search(r"\b(that|those|them|they)\b", text):
        new_topic = {"Won": "won_count", "Lost": "lost_count", "Prospecting": "open_count"}[STAGES_OF[base[0].topic][0]]
    compare = _compare_with_context(words)
    if compare and (period or people or places):
        first = base[0]
        other = first
        if period:
            other = other.edit(period=period)
        if people:
            other = other.with_filters(**{"rep": None, "manager": None, **people})
        for k, v in places.items():
            if k in ("account", "product", "regional_office", "sector"):
                other = other.with_filters(**{k: v})
        return [first, other], True
    out: list[Frame] = []
    for f in base[:1] if not context.compare else base:
        g = f
        if new_topic and new_topic != g.topic:
            g = g.edit(topic=new_topic, also=[])
            if g.topic in STAGES_OF and g.form == "figure":
                g = g.with_filters(stage=None)
        if period:
            basis = g.basis
            # "how many deals were engaged in Q4 2016?" after a count of closes: the period is of engagement
            if ENGAGE_VERB.search(text) and not CLOSE_VERB.search(text):
                basis = "engage"
            elif CLOSE_VERB.search(text) and not ENGAGE_VERB.search(text) and g.topic not in OPEN_TOPICS:
                basis = "close"
            if basis != g.basis and g.period is not None and REFERS_BACK.search(text):
                # "how many of those were engaged in Q2 2017?" after the wins closed in Q3 2017: both dates hold
                g = g.with_filters(**{f"{g.basis}_period": g.period.as_dict()})
            g = g.edit(period=period, basis=basis)
        if ENGAGE_VERB.search(text) and re.search(r"\b(?:deals?|opportunit(?:y|ies))\b", text) and \
                not re.search(r"\b(?:won|wins?|lost|lose|losses|open|revenue|value|worth|pipeline|rate|size|cycle|"
                              r"those|them|these|of which)\b", text) and g.topic in STAGES_OF and \
                g.topic not in OPEN_TOPICS and g.form != "records":
            # "deals engaged in Q4 2016" after won revenue: the deals engaged then, whatever their stage now
            g = g.edit(topic="count", also=[]).with_filters(stage=None)
        if people and not f.whole:  # the total a share is of keeps its subjects: "and MG Advanced?" is the part's
            g = g.with_filters(**{"rep": None, "manager": None, **people})
        for k, v in places.items():
            if f.whole and k != "stage":
                continue
            if k == "stage" and g.form != "records":
                g = g.with_filters(stage=v)
            elif k == "regional_office" and not people:  # "and the whole West office?": the office, not the rep in it
                g = g.with_filters(rep=None, manager=None, regional_office=v)
            else:
                g = g.with_filters(**{k: v})
        g = _widened(g, text, people, places, period)
        stage_word = re.search(r"^(?:and|what about|how about|ok|so|now)?\s*(?:(?:the|my|our|his|her|their|your)\s+)?"
                               r"(lost|won|open)(?:\s+(?:ones|deals))?"
                               r"(?:\s+(?:then|instead))?$", text)
        if stage_word and g.form in ("figure", "ranked", "breakdown") and \
                g.topic in ("won_count", "lost_count", "open_count", "count", "won_revenue"):
            g = g.edit(topic={"lost": "lost_count", "won": "won_count", "open": "open_count"}[stage_word.group(1)],
                       also=[]).with_filters(stage=None)
        if g.form == "ranked" and _direction(words) and not _group(words, t, g.filters):
            g = g.edit(descending=_direction(words) == "most",
                       limit=_n(words) or (1 if re.search(r"\b(one|who)\b", text) else g.limit))
        if re.search(r"\b(just|only)\s+(the\s+)?open\b", text):
            g = g.edit(topic="open_count") if g.form != "records" else g.with_filters(stage=["Prospecting", "Engaging"])
        elif re.search(r"\b(just|only)\s+(the\s+)?won\b", text):
            g = g.edit(topic="won_count") if g.form != "records" else g.with_filters(stage=["Won"])
        elif re.search(r"\b(just|only)\s+(the\s+)?lost\b", text):
            g = g.edit(topic="lost_count") if g.form != "records" else g.with_filters(stage=["Lost"])
        direction = _direction(words)
        n = _n(words)
        wants_rows = re.search(r"\b(list|show|sort|order|rank|which|what are)\b", text)
        if wants_rows and g.form in ("ranked", "breakdown") and g.group and direction and \
                not _group(words, t, g.filters) and not re.search(r"\b(deals?|wins?|opportunit\w*|sales?|contracts?)\b",
                                                                  text):
            # "which is the lowest?" after a breakdown: the lowest of the same breakdown, not the smallest deal
            g = g.edit(form="ranked", descending=direction == "most", limit=n or 1)
        elif wants_rows and g.form != "attribute" and \
                not re.search(r"\bby (rep|product|account|office|sector|manager|team|stage)", text) and \
                not (direction and _group(words, t, g.filters) in ("rep", "manager", "product", "account", "sector",
                                                                   "regional_office") and
                     not re.search(r"\b(deals?|wins?|opportunit\w*|contracts?|one|ones)\b", text)):
            order, desc, stages = _records_order(g.topic, words, direction)
            if re.search(r"\bby (value|size|amount|worth)\b|\bbiggest|\blargest|\bsmallest", text):
                open_only = (g.filters.get("stage") or STAGES_OF.get(g.topic) or []) in (
                    ["Prospecting", "Engaging"], ["Engaging"], ["Prospecting"])
                order, desc = ("list_price" if open_only else "close_value"), direction != "least"
            elif re.search(r"\bby (date|close date)\b|\bmost recent|\blatest\b", text):
                order, desc = "close_date", True
            elif "engaging" in text and re.search(r"\blongest|oldest|stuck\b", text):
                order, desc = "engage_date", False
            fs = dict(g.filters)
            if "stage" not in fs and (stages or STAGES_OF.get(g.topic)):
                fs["stage"] = STAGES_OF.get(g.topic) or stages
            limit = n or (1 if direction or re.search(r"\bwhich (one|account|deal|of (those|them))\b", text) and
                          re.search(r"\b(most|longest|biggest|largest|oldest|smallest|highest|lowest|best)\b", text)
                          else g.limit if g.form == "records" and g.limit > 1 else 10)
            fields = ["account"] if re.search(r"\b(which|what) (account|customer|company|client)\b", text) else []
            g = g.edit(form="records", filters=fs, order=order, descending=desc, limit=limit, fields=fields)
        elif (group := _group(words, t, g.filters)) and (direction or _breakdown(words)):
            g = g.edit(form="ranked" if direction else "breakdown", group=group,
                       descending=direction != "least", limit=n or (1 if direction else 50))
        out.append(g)
    if len(out) == 2 and out[0] == out[1]:  # both sides of a comparison moved to one period: one figure
        out = out[:1]
    return out, context.compare and len(out) > 1
