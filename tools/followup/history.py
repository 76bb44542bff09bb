"""The touch history a timing model learns from, read from the CRM database or from canonical files.

A touch is an outbound e-mail, call or meeting to a contact; a reply is an inbound row whose
``in_reply_to`` names the touch. For each touch we compute, as of the moment it was made: the
contact's local weekday and hour, business days since the previous touch, touches since the
contact's last reply (unanswered in a row, whichever deal they were for), touches in the previous
seven days (several deals may be writing to the same person), prior touches, and whether it drew a
reply within three business days (or whether the log ends too early to tell: censored).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from sqlalchemy import Engine, exists, func, select

from connectors.csvsource import ImportFileError, read_csv
from copilot.crm.models import Account, Activity, Contact, Opportunity, User
from copilot.crm.values import parse_timezone
from tools.followup.away import SCAN, automatic, back_on
from tools.followup.calendar import add_business_days, business_days_between, zone

CHANNELS = ("email", "call", "meeting")
REPLY_WINDOW_BUSINESS_DAYS = 3
RECENT_DAYS = 7
"""the window of 'touches in the previous days' (a week: several deals may write to one person)"""
SIZE_BANDS = ((250, "small"), (1000, "mid"), (5000, "large"))
FINE_SIZES = (20, 50, 100, 250, 500, 1000, 2500, 5000, 10000)


def size_fine(employees: int | None) -> str:
    """A finer size segment than the band: segments' true edges are unknown, so the model sees both."""
    if employees is None:
        return ""
    return f"<{next((e for e in FINE_SIZES if employees < e), 'max')}"


def size_band(employees: int | None) -> str | None:
    if employees is None:
        return None
    return next((name for limit, name in SIZE_BANDS if employees < limit), "enterprise")


_ASSISTANT = re.compile(r"\b(?:(?:executive|personal|administrative) assistant|assistant to)\b", re.IGNORECASE)
"""an assistant to an executive is staff, whatever else the title names"""
_NOT_HEAD = r"(?<!product )(?<!process )(?<!data )(?<!system )(?<!service )(?<!content )(?<!account )(?<!budget )" \
            r"(?<!risk )(?<!control )(?<!business )(?<!channel )(?<!alliance )(?<!technology )"
_EXECUTIVE = re.compile(
    r"\b(?:chief|ceo|cfo|cto|coo|cio|ciso|cmo|cro|cpo|pr[ée]sident[ea]?|founder|co-?founder|vp|svp|evp|avp|"
    r"vice[- ]pr[ée]sident|managing director|executive director|gesch[äa]ftsf[üu]hrer(?:in)?|geschaeftsfuehrer(?:in)?|"
    r"vorstand|inhaber(?:in)?|directeur g[ée]n[ée]ral|directrice g[ée]n[ée]rale|pdg|director general|"
    r"directora general|amministratore delegato|"
    # the head of a company in other words, in English, French, Spanish, Portuguese, Italian, Dutch, German
    r"chair(?:man|woman|person)|proprietor|proprietress|dg|g[ée]rante?|fondat(?:eur|rice)|administrateur d[ée]l[ée]gu[ée]|"
    r"fundador[a]?|due[ñn][oa]|propietari[oa]|gerente general|diretora? geral|diretor-presidente|titolare|fondatore|"
    r"eigenaar|oprichter|algemeen directeur|gr[üu]nder(?:in)?|vicepresident[ea]|pr[äa]sident(?:in)?|"
    # in Norwegian, Danish, Swedish, Finnish, Icelandic, Polish, Czech, Lithuanian, Turkish, Greek, Russian, Bulgarian
    r"administrerende direkt[øo]r|adm\. ?dir\.?|daglig leder|verkst[äa]llande direkt[öo]r|vd|toimitusjohtaja|"
    r"framkv[æa]mdastj[óo]ri|prezes|w[łl]a[śs]ciciel(?:ka)?|za[łl]o[żz]yciel(?:ka)?|dyrektor generalny|"
    r"gener[áa]ln[íi] [řr]editel(?:ka)?|jednatel(?:ka)?|majitel(?:ka)?|generalinis direktorius|generalin[ėe] direktor[ėe]|"
    r"savinink(?:as|[ėe])|genel m[üu]d[üu]r[üu]?|y[öo]netim kurulu ba[şs]kan[ıi]|kurucu|γενικ[όο]ς διευθυντ[ήη]ς|"
    r"γενικ[ήη] διευθ[ύυ]ντρια|πρ[όο]εδρος|ιδιοκτ[ήη]της|генеральн(?:ый|ая) директор|генерален директор|"
    r"основател[ьи]|владел(?:ец|ица)|собственик|cz[łl]onek zarz[ąa]du|διευθ[ύυ]νων σ[ύυ]μβουλος|"
    # Vietnamese, Indonesian and Malay
    r"t[ổo]ng gi[áa]m [đd][ốo]c|ch[ủu] t[ịi]ch|direktur utama|presiden direktur|pemilik|pendiri|komisaris)\b"
    r"|\b" + _NOT_HEAD + r"(?:owner|co-?owner|partner)\b(?!\s+(?!(?:at|of|and|in|for)\b)[a-z])"
    # Arabic: a president or chairman (not the head of a department), a general or executive director, a founder or
    # owner, written with or without the article
    r"|(?<!\w)(?:ال)?رئيس(?:ة)?\b(?!\s+(?:ال)?(?:قسم|وحدة|شعبة))|(?<!\w)(?:ال)?مدير(?:ة)?\s+(?:ال)?(?:عام|تنفيذي)(?:ة)?\b|"
    r"(?<!\w)(?:ال)?(?:مؤسس|مالك|صاحب)(?:ة)?\b",
    re.IGNORECASE)
"""chief officers, presidents, founders, managing directors and owners (in several languages); an owner or a partner
when the title is theirs ("Owner", "Managing Partner", "Partner, Tax"), not a role named after one ("Product Owner",
"Channel Partner Manager", "HR Business Partner")"""
_DIRECTOR = re.compile(r"\b(?:director|head|direktor(?:in)?|directeur|directrice|directora|direttore|direttrice|"
                       r"leiter(?:in)?|daf|diretora?|direkt[øo]r|dyrektor(?:ka)?|[řr]editel(?:ka)?|"
                       r"direktorius|direktor[ėe]|direkt[öo]r[üu]?|διευθυντ[ήη]ς|διευθ[ύυ]ντρια|"
                       r"директор|руководитель|gi[áa]m [đd][ốo]c|direktur|kepala|dir\.?)\b"
                       r"|(?<=\w)(?<!team)(?<!abteilungs)(?:leiter(?:in)?|leitung|direkt[øo]r|direkt[öo]r)\b"
                       r"|(?<!\w)(?:ال)?مدير(?:ة)?\b|(?<!\w)(?:ال)?رئيس(?:ة)?\s+(?:ال)?(?:قسم|وحدة|شعبة)", re.IGNORECASE)
_MANAGER = re.compile(r"\b(?:manager|lead(?!\s+gen)|leader|supervisor|superintendent|foreman|gerente|jefe|jefa|"
                      r"responsable|teamleiter(?:in)?|abteilungsleiter(?:in)?|"
                      r"resp\.?|chef|cheffe|leder|sjef|m[üu]d[üu]r[üu]?|encargad[oa]|subgerente|superintendente|sorumlus[uü]|[şșs]ef|y[öo]netici(?:si)?|"
                      r"kierowni(?:k|czka)|vedouc[íi]|vadov(?:as|[ėe])|υπε[ύυ]θυν(?:ος|η)|начальник|мениджър|"
                      r"tr[ưu][ởo]ng|qu[ảa]n l[ýy]|gi[áa]m s[áa]t|manajer|mgr|man[aá][žz]er|gte\.?|gm|agm|управител)\b"
                      r"|(?<=\w)(?:sjef|leder|ansvarlig|chef|stj[óo]ri)\b|(?<!\w)(?:ال)?(?:مشرف|مسؤول)(?:ة)?\b", re.IGNORECASE)


_RANKS = {"executive": re.compile("社長|取締役|会長|會長|執行役員|董事長|董事长|總經理|总经理|總裁|总裁|執行長|执行长|대표이사|사장|회장"),
          "director": re.compile("部長|部长|處長|处长|總監|总监|協理|协理|본부장|부장|이사"),
          "manager": re.compile("課長|课长|係長|所長|經理|经理|主管|組長|组长|監督|监督|マネージャー|マネジャー|팀장|과장|차장|소장|매니저")}
"""the ranks of Japanese, Chinese and Korean titles, written without spaces between words (read as a European
title's, each inside any word): a president or chairman, a board member or general manager (社長, 取締役, 董事長,
總經理, 대표이사); a department head (部長, 處長, 본부장, 부장); a section or team chief, or the head of a site (課長, 經理, 팀장, 과장, 所長)"""


@functools.lru_cache(maxsize=4096)
def seniority(title: str | None) -> str:
    """How senior a contact's title says they are: executive (chief officers, presidents, vice-presidents,
    founders, owners, partners, managing directors, chairmen), director (directors, heads of), manager (managers,
    leads, supervisors, chiefs of a team or a shop), staff (any other title), or "" with none, in the words of
    European languages, Turkish, Greek, Russian and Bulgarian, Arabic, Vietnamese, Indonesian, Chinese, Japanese and
    Korean. People of one seniority keep alike hours (an executive answers early and late), whatever their company."""
    text = unicodedata.normalize("NFC", (title or "").strip()[:200])
    if not text:
        return ""
    if _ASSISTANT.search(text):
        return "staff"
    for name, pattern in (("executive", _EXECUTIVE), ("director", _DIRECTOR), ("manager", _MANAGER)):
        if pattern.search(text) or _RANKS[name].search(text):
            return name
    return "staff"


def region_of(timezone: str | None) -> str:
    """The contact's broad region from their time zone: America, Europe, Asia, Africa, Australia..."""
    return (timezone or "UTC").split("/")[0]


@dataclass
class ContactInfo:
    email: str
    name: str
    timezone: str
    account: str | None = None
    sector: str | None = None
    size: str | None = None
    country: str | None = None
    employees: int | None = None
    title: str | None = None
    ownership: str | None = None
    """who owns the account: "parent" (other accounts name it as theirs), "subsidiary" (it names one) or
    "independent" (neither); None when the account is not known"""

    @property
    def region(self) -> str:
        return region_of(self.timezone)

    @property
    def first_name(self) -> str:
        return (self.name or self.email).split()[0]


@dataclass
class Log:
    """Touches and replies as read; ``touches`` rows are (touch_id, contact email, epoch seconds, channel,
    rep, deal stage)."""

    contacts: dict[str, ContactInfo] = field(default_factory=dict)
    touches: list[tuple[str, str, float, str, str, str]] = field(default_factory=list)
    replies: dict[str, float] = field(default_factory=dict)
    """touch id -> epoch of its first reply"""
    end: float = 0.0
    """the last moment the log covers (its latest row)"""
    away: dict[str, list[tuple[float, dt.date | None]]] = field(default_factory=dict)
    """contact -> (when, the day back it names) of each message saying they were away (see ``away.py``)"""
    heard: dict[str, list[float]] = field(default_factory=dict)
    """contact -> when each message of theirs came that a person wrote (not an automatic reply): one after an
    absence was announced says they are back"""
    _by_contact: dict[str, list[tuple[str, str, float, str, str, str]]] | None = field(default=None, repr=False)

    def add_reply(self, touch_id: str, at: float) -> None:
        if touch_id not in self.replies or at < self.replies[touch_id]:
            self.replies[touch_id] = at
        self.end = max(self.end, at)

    def add_inbound(self, email: str, at: float, in_reply_to: str | None, subject: str | None, body: str | None) -> None:
        """A message from a contact: a reply to the touch it names, unless it is an automatic one; and, when it
        says they are away, when and until which day (their own clock)."""
        away, machine = automatic(subject, body)
        if away and email in self.contacts:
            sent = dt.datetime.fromtimestamp(at, zone(self.contacts[email].timezone)).date()
            self.away.setdefault(email, []).append((at, back_on(subject, body, sent)))
        if not machine:
            bisect.insort(self.heard.setdefault(email, []), at)
        if in_reply_to and not machine:
            self.add_reply(in_reply_to, at)
        else:
            self.end = max(self.end, at)

    def back_early(self, email: str, said: float) -> float | None:
        """When the contact was first heard from in person after a message of theirs at ``said`` (so was back)."""
        heard = self.heard.get(email, [])
        i = bisect.bisect_right(heard, said)
        return heard[i] if i < len(heard) else None

    def away_periods(self, email: str) -> list[tuple[float, float]]:
        """The spans (epoch seconds) a contact was away, as their messages say: from a day before the first
        message of an absence (the touch that drew it) to the start of the day back on their clock, or a day
        after the message when it names none."""
        tz = zone(self.contacts[email].timezone) if email in self.contacts else zone(None)
        out = []
        for at, back in self.away.get(email, []):
            end = at + 86400 if back is None else dt.datetime.combine(back, dt.time(0), tz).timestamp()
            early = self.back_early(email, at)
            if early is not None:
                end = min(end, early)
            out.append((at - 86400, max(end, at + 3600)))
        return out

    def add_touch(self, row: tuple[str, str, float, str, str, str]) -> None:
        self.touches.append(row)
        self.end = max(self.end, row[2])
        self._by_contact = None

    def by_contact(self) -> dict[str, list[tuple[str, str, float, str, str, str]]]:
        """Each contact's touches, in time order."""
        if self._by_contact is None:
            grouped: dict[str, list[tuple[str, str, float, str, str, str]]] = defaultdict(list)
            for row in self.touches:
                grouped[row[1]].append(row)
            for rows in grouped.values():
                rows.sort(key=lambda r: r[2])
            self._by_contact = dict(grouped)
        return self._by_contact


EPOCH_DAY = dt.date(1970, 1, 1)
"""day 0 of ``Table.day``"""


def _epoch(naive_utc: dt.datetime) -> float:
    return naive_utc.replace(tzinfo=dt.UTC).timestamp()


def from_database(engine: Engine, contact_email: str | None = None) -> Log:
    """Every touch in the CRM (or one contact's), with its reply and its deal's stage; read in one order whatever the
    database (by time, then id), so that SQLite and PostgreSQL holding one history learn one model."""
    log = Log()
    a, c, o, u = Activity.__table__, Contact.__table__, Opportunity.__table__, User.__table__
    acc = Account.__table__
    with engine.connect() as conn:
        child = acc.alias("child")
        query = (select(c.c.id, c.c.email, c.c.name, c.c.timezone, acc.c.name, acc.c.sector, acc.c.employees,
                        acc.c.office_location, c.c.title, acc.c.id, acc.c.parent_id,
                        exists().where(child.c.parent_id == acc.c.id))
                 .select_from(c.outerjoin(acc, acc.c.id == c.c.account_id)).order_by(c.c.email))
        if contact_email is not None:
            query = query.where(c.c.email == contact_email.lower())
        ids = set()
        for (contact_id, email, name, tz, account, sector, employees, country, title, account_id, parent,
             has_subsidiaries) in conn.execute(query):
            key = email.lower()
            owned = None if account_id is None else _ownership(parent is not None, bool(has_subsidiaries))
            log.contacts[key] = ContactInfo(key, name or key, tz or "UTC", account, sector, size_band(employees),
                                            country, employees, title, owned)
            ids.add(contact_id)
        if contact_email is not None and not log.contacts:
            return log
        touches = (select(a.c.id, c.c.email, a.c.occurred_at, a.c.type, u.c.name, o.c.stage)
                   .select_from(a.join(c, c.c.id == a.c.contact_id).join(u, u.c.id == a.c.user_id)
                                .outerjoin(o, o.c.id == a.c.opportunity_id))
                   .where(a.c.direction == "outbound", a.c.type.in_(CHANNELS)).order_by(a.c.occurred_at, a.c.id))
        inbound = (select(c.c.email, a.c.occurred_at, a.c.in_reply_to, func.substr(a.c.subject, 1, SCAN),
                          func.substr(a.c.body, 1, SCAN))
                   .select_from(a.outerjoin(c, c.c.id == a.c.contact_id)).where(a.c.direction == "inbound")
                   .order_by(a.c.occurred_at, a.c.id))
        if contact_email is not None:
            touches = touches.where(a.c.contact_id.in_(ids))
            inbound = inbound.where(a.c.contact_id.in_(ids))
        for touch_id, email, at, kind, rep, stage in conn.execute(touches):
            log.add_touch((touch_id, email.lower(), _epoch(at), kind, rep, stage or "unknown"))
        for email, at, in_reply_to, subject, body in conn.execute(inbound):
            log.add_inbound((email or "").lower(), _epoch(at), in_reply_to, subject, body)
        if contact_email is None:
            latest = conn.execute(select(func.max(a.c.occurred_at))).scalar()
            if latest is not None:
                log.end = max(log.end, _epoch(latest))
    return log


def _rows(path: Path, columns: tuple[Sequence[str], Sequence[str]]) -> Iterator[tuple[str, dict[str, str]]]:
    """(``file:line``, values) of each row of a file in one of the importers' formats, read by the
    importers' own reader (header, encoding and quoting checked)."""
    for row in read_csv(path, *columns):
        if row.problem:
            raise ImportFileError(f"{row.where}: {row.problem}")
        yield row.where, row.values


def from_files(activities: Path, contacts: Path, accounts: Path | None = None,
               pipeline: Path | None = None) -> Log:
    """The same log from the canonical files (contacts.csv, activities.csv), streamed; accounts.csv
    (sector, employees, office_location, and who owns the account from subsidiary_of, a parent named only where the
    file lists it, as the CRM's import links it) and sales_pipeline.csv (deal stages) when given."""
    from connectors.activities import ACTIVITY_COLUMNS, CONTACT_COLUMNS
    from connectors.fields import parse_timestamp
    from connectors.maven import FILES
    from copilot.crm.models import ACTIVITY_TYPES, DIRECTIONS

    log = Log()
    firms: dict[str, tuple[str | None, int | None, str | None]] = {}
    parent_of: dict[str, str] = {}
    if accounts is not None:
        for _, row in _rows(accounts, FILES["accounts"][1:]):
            if row["account"] in firms:  # an account listed twice: its first row, as the CRM's import keeps it
                continue
            employees = int(row["employees"]) if row["employees"].isdigit() else None
            firms[row["account"]] = (row["sector"] or None, employees, row["office_location"] or None)
            if row["subsidiary_of"] and row["subsidiary_of"] != row["account"]:
                parent_of[row["account"]] = row["subsidiary_of"]
    parent_of = {account: parent for account, parent in parent_of.items() if parent in firms}  # as the CRM links them
    named = set(parent_of.values())
    owners = {account: _ownership(account in parent_of, account in named) for account in firms}
    stages: dict[str, str] = {}
    if pipeline is not None:
        stages = {r["opportunity_id"]: r["deal_stage"] for _, r in _rows(pipeline, FILES["pipeline"][1:])}
    for where, row in _rows(contacts, (CONTACT_COLUMNS, ())):
        email = row["contact_email"].lower()
        if not email:
            raise ImportFileError(f"{where}: contact_email is empty")
        sector, employees, country = firms.get(row["account"], (None, None, None))
        info = ContactInfo(email, row["name"] or email, _timezone(row["timezone"], where), row["account"] or None,
                           sector, size_band(employees), country, employees, row["title"] or None,
                           owners.get(row["account"]))
        if email in log.contacts:  # the same person twice (an address spelled with capitals): what either row says
            info = _merged(log.contacts[email], info)
        log.contacts[email] = info
    for where, row in _rows(activities, (ACTIVITY_COLUMNS, ())):
        try:
            at = _epoch(parse_timestamp(row["occurred_at"], "occurred_at")[0])
        except ValueError as exc:
            raise ImportFileError(f"{where}: {exc}") from None
        kind, direction = row["type"].lower(), row["direction"].lower()  # as the importer reads them ("EMAIL", "Outbound")
        if kind not in ACTIVITY_TYPES:
            raise ImportFileError(f"{where}: type {row['type'][:40]!r} is not one of: {', '.join(ACTIVITY_TYPES)}")
        if direction not in DIRECTIONS:
            raise ImportFileError(f"{where}: direction {row['direction'][:40]!r} is not one of: {', '.join(DIRECTIONS)}")
        if direction == "inbound":
            log.add_inbound(row["contact_email"].lower(), at, row["in_reply_to"] or None, row["subject"], row["body"])
        elif direction == "outbound" and kind in CHANNELS and row["contact_email"]:
            email = row["contact_email"].lower()
            if email not in log.contacts:
                log.contacts[email] = ContactInfo(email, email, "UTC")
            log.add_touch((row["activity_id"], email, at, kind, row["sales_agent"],
                           stages.get(row["opportunity_id"], "unknown")))
        else:
            log.end = max(log.end, at)
    return log


_FIRM = ("account", "sector", "size", "country", "employees", "ownership")
"""a contact's account and what is known of it: taken together from one row"""


def _ownership(has_parent: bool, has_subsidiaries: bool) -> str:
    """Who owns an account, as its CRM row and the others' say: a subsidiary (it names a parent), a parent (others
    name it as theirs: a group's holding or head office) or an independent firm (neither)."""
    return "subsidiary" if has_parent else "parent" if has_subsidiaries else "independent"


def _merged(first: ContactInfo, again: ContactInfo) -> ContactInfo:
    """One person listed twice: the first row's fields, each blank one filled from the second (a blank title or
    zone in a copy made by a sync does not erase what the first row says); the account and its firmographics
    come together from the first row that names an account."""
    filled = {f: getattr(again, f) if getattr(first, f) in (None, "", first.email) else getattr(first, f)
              for f in ContactInfo.__dataclass_fields__}
    firm = again if not first.account and again.account else first
    filled.update({f: getattr(firm, f) for f in _FIRM})
    if first.timezone == "UTC" and again.timezone != "UTC":
        filled["timezone"] = again.timezone
    return ContactInfo(**filled)


def _timezone(value: str, where: str) -> str:
    """A contact's time zone as the file gives it (UTC when blank), or an error naming the row: a zone read
    wrongly would put every moment advised to them at the wrong hour."""
    value = value.strip()
    if not value:
        return "UTC"
    if len(value) > 64:
        raise ImportFileError(f"{where}: timezone is longer than 64 characters (use an IANA name like America/New_York)")
    try:
        return parse_timezone(value, "timezone")
    except ValueError as exc:
        raise ImportFileError(f"{where}: {exc}") from None


@dataclass
class Table:
    """One row per touch, in time order within each contact."""

    contact: np.ndarray  # e-mail
    t: np.ndarray  # epoch seconds
    weekday: np.ndarray
    hour: np.ndarray
    day: np.ndarray  # the contact's date: days since 1970-01-01
    gap: np.ndarray  # business days since the previous touch; -1 for a first touch
    days: np.ndarray  # calendar days since the previous touch (the contact's dates); -1 for a first touch
    unanswered: np.ndarray  # touches since the contact's last reply (any deal)
    recent: np.ndarray  # touches in the previous RECENT_DAYS days
    since_reply: np.ndarray  # days since the contact's last reply (-1: none yet)
    prior: np.ndarray
    channel: np.ndarray
    stage: np.ndarray
    replied: np.ndarray  # within three business days
    censored: np.ndarray  # the log ends before the window does, or the contact was away (their outcome is left out)

    def __len__(self) -> int:
        return len(self.t)

    def take(self, mask: np.ndarray) -> Table:
        return Table(**{k: v[mask] for k, v in self.__dict__.items()})


@dataclass
class State:
    """A contact's situation at a moment: what the next touch's features depend on."""

    last_touch: dt.datetime | None
    unanswered: int
    prior: int
    stage: str
    ignored_after: int = 0
    """touches in the log after the moment asked about (left out)"""
    recent: int = 0
    """touches in the previous RECENT_DAYS days"""
    recent_times: tuple[float, ...] = ()
    """when they were (epoch seconds): a later moment's own 'previous days' are counted from them"""
    last_reply: dt.datetime | None = None
    replied: int = 0
    """touches answered (within the window or later) before the moment"""
    away_until: dt.date | None = None
    """the day the contact is back, when a message of theirs before the moment says they are away past it"""
    away_said: dt.date | None = None
    """the day that message came"""


class _Replies:
    """The reply times of a contact's earlier touches, to ask 'the last reply received before t'."""

    def __init__(self) -> None:
        self.times: list[float] = []

    def add(self, at: float) -> None:
        if at != float("inf"):
            bisect.insort(self.times, at)

    def last_before(self, t: float) -> float:
        i = bisect.bisect_right(self.times, t)
        return self.times[i - 1] if i else float("-inf")


def _since(times: list[float], k: int, start: float) -> int:
    """How many of the first ``k`` touch times (sorted) come after ``start``."""
    return k - bisect.bisect_right(times, start, 0, k)


def contact_state(log: Log, email: str, now: dt.datetime) -> State:
    tz = zone(log.contacts[email].timezone)
    cutoff = now.timestamp()
    rows = log.by_contact().get(email, [])
    before = [r for r in rows if r[2] <= cutoff]
    times = [r[2] for r in before]
    replies = _Replies()
    for r in before:
        replies.add(log.replies.get(r[0], float("inf")))
    last_reply = replies.last_before(cutoff)
    run = _since(times, len(times), last_reply)
    recent = _since(times, len(times), cutoff - RECENT_DAYS * 86400)
    last = dt.datetime.fromtimestamp(before[-1][2], tz) if before else None
    answered = dt.datetime.fromtimestamp(last_reply, tz) if last_reply > float("-inf") else None
    today = now.astimezone(tz).date()
    # the latest message before now that says they are away, if its day back is still ahead and they have not
    # written in person since (back early)
    said = max(((at, back) for at, back in log.away.get(email, []) if at <= cutoff), default=None)
    if said is not None and (said[1] is None or said[1] <= today
                             or (log.back_early(email, said[0]) or float("inf")) <= cutoff):
        said = None
    return State(last, run, len(before), before[-1][5] if before else "unknown", len(rows) - len(before), recent,
                 tuple(times[len(times) - recent:]), answered, sum(1 for t in replies.times if t <= cutoff),
                 said[1] if said else None, dt.datetime.fromtimestamp(said[0], tz).date() if said else None)


def _window_end(at: dt.datetime) -> float:
    """The same clock time three business days after the touch's day (Saturday or Sunday to Wednesday),
    counted as everywhere else business days are."""
    day = add_business_days(at.date(), REPLY_WINDOW_BUSINESS_DAYS)
    return at.timestamp() + (day - at.date()).days * 86400


def table(log: Log) -> Table:
    """The features and outcome of every touch in the log."""
    cols: dict[str, list] = {k: [] for k in Table.__dataclass_fields__}
    for email, rows in log.by_contact().items():
        info = log.contacts[email]
        tz = zone(info.timezone)
        previous: dt.date | None = None
        replies = _Replies()
        away = log.away_periods(email)
        times = [r[2] for r in rows]
        for prior, (touch_id, _, at, channel, _, stage) in enumerate(rows):
            moment = dt.datetime.fromtimestamp(at, tz)
            reply = log.replies.get(touch_id, float("inf"))
            window = _window_end(moment)
            cols["contact"].append(email)
            cols["t"].append(at)
            cols["weekday"].append(moment.weekday())
            cols["hour"].append(moment.hour)
            cols["day"].append((moment.date() - EPOCH_DAY).days)
            cols["gap"].append(-1 if previous is None else business_days_between(previous, moment.date()))
            cols["days"].append(-1 if previous is None else (moment.date() - previous).days)
            cols["unanswered"].append(_since(times, prior, replies.last_before(at)))
            cols["recent"].append(_since(times, prior, at - RECENT_DAYS * 86400))
            answered = replies.last_before(at)
            cols["since_reply"].append(-1.0 if answered == float("-inf") else (at - answered) / 86400)
            cols["prior"].append(prior)
            cols["channel"].append(channel)
            cols["stage"].append(stage)
            cols["replied"].append(reply <= window)
            # its outcome is not known yet, answered or not; or it says nothing of the hour (the contact was away)
            cols["censored"].append(window > log.end or (bool(away) and any(start <= at < end for start, end in away)))
            previous = moment.date()
            replies.add(reply)
    kinds = {"t": float, "weekday": np.int8, "hour": np.int8, "day": np.int64, "gap": np.int32, "days": np.int32, "unanswered": np.int16, "recent": np.int16, "since_reply": float,
             "prior": np.int32, "replied": bool, "censored": bool}
    return Table(**{k: np.asarray(v, dtype=kinds.get(k, object)) for k, v in cols.items()})
