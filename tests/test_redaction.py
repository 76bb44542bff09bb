"""Redaction of talk-track snippets from deals outside the caller's scope.

Table-driven and property-based tests of ``redact`` for every leak an attack run found (surnames,
lower-case and possessive names, short or oddly separated phone numbers, obfuscated and full-width
e-mail addresses, money in any spelling), and a scan of real searches over the demo company: for
several reps and a broad set of queries, no out-of-scope snippet may carry a contact name, an e-mail
address, a phone number or any digit at all.
"""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import text as sql

from copilot.crm.identity import identity_for
from copilot.demo.texts import OBJECTIONS
from tools.talk_tracks.redact import redact
from tools.talk_tracks.search import redact as redact_from_search
from tools.talk_tracks.search import search_talk_tracks

PLACEHOLDER_WORDS = {"contact", "email", "phone", "amount", "number", "date"}

# ------------------------------------------------------------------------------------------- checks


def _plain(text: str) -> str:
    """NFKC, zero-width characters out, accents off, case-folded: the text as a reader sees it."""
    text = "".join(c for c in unicodedata.normalize("NFKC", text) if unicodedata.category(c) != "Cf")
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def has_word(text: str, word: str) -> bool:
    """Whether ``word`` stands as a word (letters on neither side) in ``text``, in any case or accent."""
    return re.search(rf"(?<![^\W\d_]){re.escape(_plain(word))}(?![^\W\d_])", _plain(text)) is not None


EMAIL_LIKE = re.compile(
    r"[\w.+%-]+\s*(?:@|[\[({<]\s*at\s*[\])}>]|\bat\b)\s*[\w-]+"
    r"(?:\s*(?:\.(?=\S)|[\[({<]\s*dot\s*[\])}>]|\bdot\b)\s*[\w-]+)+", re.IGNORECASE)
PHONE_LIKE = re.compile(r"\+?\d[\d\s().\/-]{4,}\d")


def assert_clean(out: str) -> None:
    plain = unicodedata.normalize("NFKC", out)
    assert not re.search(r"\d", plain), out
    assert not re.search(r"\w\s*@|@\s*\w", plain), out
    assert not EMAIL_LIKE.search(plain), out
    assert not PHONE_LIKE.search(plain), out


# ------------------------------------------------------------------------------------------- tables

NAMES = ["Clara Ferreira", "Chloe Okafor-Reyes", "Ana Maria de Souza", "Zoë Lindqvist"]

NAME_LEAKS = [
    ("Ferreira signed the order form.", ["ferreira"]),                       # surname alone
    ("clara signed the order form.", ["clara"]),                             # lower-case first name
    ("CLARA FERREIRA signed the order form.", ["clara", "ferreira"]),
    ("Ferreira, Clara signed the order form.", ["clara", "ferreira"]),       # other order
    ("Chloe's team signed the order form.", ["chloe"]),                      # possessive
    ("chloes team signed the order form.", ["chloe"]),                       # possessive without apostrophe
    ("Okafor-Reyes signed; Okafor and reyes agreed.", ["okafor", "reyes"]),  # hyphenated surname, parts
    ("Maria and de Souza signed the order form.", ["maria", "souza"]),       # middle part
    ("Zoe signed; ZOË and Lindqvist’s boss agreed.", ["zoe", "lindqvist"]),  # accents, curly possessive
    ("Ｃｌａｒａ Ｆｅｒｒｅｉｒａ signed the order form.", ["clara", "ferreira"]),  # full-width
    ("Cla\u200bra Fer\u00adreira signed the order form.", ["clara", "ferreira"]),  # zero-width, soft hyphen
    ("Clara M. Ferreira signed the order form.", ["clara", "ferreira"]),
    ("Reach clara_ferreira or clara.ferreira on chat.", ["clara", "ferreira"]),
]

PHONE_LEAKS = ["555-1234", "555/123 4567", "(0)20 7946 0958", "+44 20 7946 0958", "ext. 2231",
               "+1 (415) 555-0134", "020 7946 0958", "0207946 0958", "415.555.0134", "+49 (0) 30 1234567",
               "555-1234 ext 22", "x2231", "extension 2231", "00 33 1 23 45 67 89", "5551234",
               "４１５－５５５－０１３４", "five five five one two three four"]

EMAIL_LEAKS = ["clara.ferreira@falgoron.example", "clara at falgoron dot com", "clara (at) falgoron (dot) com",
               "clara[at]falgoron[dot]com", "clara＠falgoron.example", "clara @ falgoron.example",
               "clara AT falgoron DOT co DOT uk", "clara {at} falgoron {dot} com", "clara(at)falgoron.com",
               "clara dot ferreira at falgoron dot com", "ｃｌａｒａ＠ｆａｌｇｏｒｏｎ．ｅｘａｍｐｌｅ",
               "clara﹫falgoron.example", "clara @ falgoron . example", "@clara_ferreira"]

MONEY_LEAKS = [("$40k", "40"), ("40,000 USD", "40"), ("€1.2m", "1.2"), ("1.2 million dollars", "million"),
               ("forty thousand dollars", "forty"), ("USD 40000", "40000"), ("40000", "40000"),
               ("USD40000", "40000"), ("40000usd", "40000"), ("£1.2bn", "1.2"), ("40 000 €", "40"),
               ("40.000,50 EUR", "40"), ("¥5,000,000", "5"), ("US$40K", "40"), ("40 grand", "40"),
               ("forty grand", "forty"), ("half a million euros", "million"), ("a six-figure", "six"),
               ("two hundred and fifty thousand dollars", "fifty"), ("one point two million", "million"),
               ("＄４０ｋ", "40"), ("$ 40,000.00", "40"), ("1'000'000 CHF", "000"), ("40k-50k", "50"),
               ("a few hundred bucks", "hundred"), ("40 thousand", "thousand"), ("Rs. 5 lakh", "lakh"),
               ("forty-five hundred per seat", "forty"), ("forty percent", "forty"),
               ("twenty-two per cent", "twenty"), ("fünfzigtausend Euro", "fünfzigtausend"),
               ("fünfzig Euro", "fünfzig"), ("cuarenta mil dólares", "cuarenta"), ("trente mille euros", "trente"),
               ("quaranta mila euro", "quaranta"), ("四万五千美元", "四万五千"), ("三百万元", "三百万")]

ORDINARY = ["security", "budget", "proposal", "renewal", "discount"]


@pytest.mark.parametrize(("text", "tokens"), NAME_LEAKS)
def test_every_part_of_a_contact_name_goes(text: str, tokens: list[str]) -> None:
    out = redact(text, NAMES)
    for token in tokens:
        assert not has_word(out, token), out
    assert "[contact]" in out
    assert has_word(out, "signed") or has_word(out, "agreed") or has_word(out, "chat")


def test_names_keep_the_sentence_readable() -> None:
    out = redact("Clara Ferreira's team liked the proposal; clara said the budget is fine.", NAMES)
    assert out == "[contact]'s team liked the proposal; [contact] said the budget is fine."
    assert redact("Ferreira, Clara", NAMES) == "[contact], [contact]"


@pytest.mark.parametrize("phone", PHONE_LEAKS)
def test_phone_numbers_in_any_layout(phone: str) -> None:
    out = redact(f"Call her on {phone} about the renewal.", NAMES)
    assert_clean(out)
    assert has_word(out, "renewal") and has_word(out, "call")
    assert "[phone]" in out or phone.isdigit()  # a bare 5551234 may read [number]: gone either way


@pytest.mark.parametrize("email", EMAIL_LEAKS)
def test_email_addresses_in_any_spelling(email: str) -> None:
    out = redact(f"Write to {email} about the renewal.", [])
    assert_clean(out)
    assert "[email]" in out and has_word(out, "write") and has_word(out, "renewal")
    for part in ("clara", "falgoron", "ferreira"):
        assert not has_word(out, part), out


@pytest.mark.parametrize(("money", "figure"), MONEY_LEAKS)
def test_money_in_any_spelling(money: str, figure: str) -> None:
    out = redact(f"The budget came to {money} after the discount.", [])
    assert_clean(out)
    assert not has_word(out, figure) and figure not in _plain(out), out
    assert "[amount]" in out or "[number]" in out
    assert has_word(out, "budget") and has_word(out, "discount")


def test_every_number_goes_and_ordinary_words_stay() -> None:
    text = ("Deal NB000123 closed 2025-06-03 for 12,000 after a 60-day plan; SOC 2 report, 30% cheaper. "
            "We met at noon. Then security signed off in nine months with fifty users.")
    out = redact(text, NAMES)
    assert_clean(out)
    assert out == ("Deal NB[number] closed [date] for [number] after a [number]-day plan; SOC [number] report, "
                   "[number]% cheaper. We met at noon. Then security signed off in nine months with fifty users.")


def test_the_old_attack_snippet() -> None:
    text = ("Clara Ferreira (clara.ferreira@falgoron.example, +1 (415) 555-0134) said clara would sign; "
            "Ferreira's deputy (clara at falgoron dot com, 555-1234, ext. 2231) wants $40k, not forty "
            "thousand dollars; call 020 7946 0958.")
    out = redact(text, ["Clara Ferreira"])
    assert_clean(out)
    assert not has_word(out, "clara") and not has_word(out, "ferreira") and not has_word(out, "falgoron")
    assert not has_word(out, "forty") and not has_word(out, "thousand")
    assert {"[contact]", "[email]", "[phone]", "[amount]"} <= set(re.findall(r"\[\w+\]", out))
    assert has_word(out, "deputy") and has_word(out, "sign")


def test_a_contact_named_like_a_placeholder_does_not_break_the_placeholders() -> None:
    out = redact("Email clara@x.example or call 555-1234 about $40k.", ["Email Contact", "Phone Number"])
    assert out == "[contact] [email] or call [phone] about [amount]."


def test_search_module_still_exports_redact() -> None:
    assert redact_from_search is redact
    assert redact("", []) == "" and redact("Clara", []) == "Clara"


# ------------------------------------------------------------------------------------------- properties

WORDS = {"the", "team", "said", "and", "agreed", "with", "on", "budget", "security", "proposal", "renewal",
         "discount", "write", "to", "about", "call", "her", "after", "came", "s", *PLACEHOLDER_WORDS,
         "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"}  # honorifics are not names, by design
NAME = st.from_regex(r"[A-Z][a-zà-öø-ÿ]{1,9}", fullmatch=True)
CASES = st.sampled_from([str, str.lower, str.upper, str.title])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(first=NAME, middle=st.one_of(st.none(), NAME), last=NAME, cases=st.lists(CASES, min_size=6, max_size=6),
       hyphen=NAME)
@example(first="Ii", middle=None, last="Aa", cases=[str] * 6, hyphen="Aa")  # a first name that reads like a suffix
def test_property_names_in_any_case_or_order(first: str, middle: str | None, last: str, cases: list,
                                             hyphen: str) -> None:
    surname = f"{last}-{hyphen}"
    full = " ".join(p for p in (first, middle, surname) if p)
    tokens = [first, last, hyphen] + ([middle] if middle else [])
    assume(all(_plain(t) not in WORDS for t in tokens))
    text = (f"{cases[0](first)} said the budget is fine; {cases[1](last)}'s team agreed with "
            f"{cases[2](surname)}, {cases[3](first)}. {cases[4](full)} and security; "
            f"{cases[5](hyphen)} on the proposal{' and ' + middle if middle else ''}.")
    out = redact(text, [full])
    for token in tokens:
        assert not has_word(out, token), (text, out)
    for word in ("budget", "security", "proposal", "said", "agreed"):
        assert has_word(out, word), (text, out)


SEPARATORS = st.sampled_from([" ", "-", ".", "/", "", " - ", "–"])
PREFIXES = st.sampled_from(["", "+44 ", "+1 ", "(0)", "00 49 ", "+33 (0)", "(415) ", "tel. "])
EXTENSIONS = st.sampled_from(["", " ext. 22", " x231", " extension 4", ", ext 2231"])


@settings(max_examples=300)
@given(prefix=PREFIXES, groups=st.lists(st.from_regex(r"[0-9]{2,4}", fullmatch=True), min_size=2, max_size=5),
       sep=SEPARATORS, ext=EXTENSIONS)
def test_property_phone_numbers(prefix: str, groups: list[str], sep: str, ext: str) -> None:
    number = prefix + sep.join(groups) + ext
    assume(sum(c.isdigit() for c in number) >= 7)
    out = redact(f"Call her on {number} about the renewal.", [])
    assert_clean(out)
    assert has_word(out, "call") and has_word(out, "renewal")


AT = st.sampled_from(["@", " @ ", " at ", " AT ", " (at) ", "(at)", "[at]", " [at] ", "＠", "{at}", " <at> "])
DOT = st.sampled_from([".", " dot ", " DOT ", "(dot)", " (dot) ", "[dot]", " [dot] ", "．"])
LABEL = st.from_regex(r"[a-z][a-z0-9]{2,9}", fullmatch=True)


@settings(max_examples=300)
@given(local=st.lists(LABEL, min_size=1, max_size=3), domain=st.lists(LABEL, min_size=1, max_size=3),
       tld=st.from_regex(r"[a-z]{2,6}", fullmatch=True), at=AT, dot=DOT, local_sep=st.sampled_from([".", "_", "-", "+"]))
def test_property_email_addresses(local: list[str], domain: list[str], tld: str, at: str, dot: str,
                                  local_sep: str) -> None:
    labels = local + domain
    assume(all(label not in WORDS | {"at", "dot"} for label in labels))
    joined = dot.join(local) if local_sep == "." else local_sep.join(local)
    email = f"{joined}{at}{dot.join(domain)}{dot}{tld}"
    out = redact(f"Write to {email} about the renewal.", [])
    assert_clean(out)
    for label in labels:
        assert not has_word(out, label), (email, out)
    assert "[email]" in out and has_word(out, "write") and has_word(out, "renewal")


ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def spelled(n: int) -> str:
    """1..999 in English words: 'two hundred and forty-five'."""
    hundreds, rest = divmod(n, 100)
    under = ONES[rest] if rest < 20 else TENS[rest // 10] + (f"-{ONES[rest % 10]}" if rest % 10 else "")
    if not hundreds:
        return under
    return f"{ONES[hundreds]} hundred" + (f" and {under}" if rest else "")


DIGIT_FORMATS = ["${n:,}", "${n}", "{n:,} USD", "USD {n}", "€{m:.1f}m", "{n}k", "${n}K", "{n:,} dollars",
                 "{m:.1f} million dollars", "£{m:.2f}bn", "{n} grand", "{n:,} €", "{n}", "EUR{n}", "{g} €",
                 "{n:,}.00 GBP", "US$ {n:,}", "{n:,} euros", "¥{n}", "{n} thousand", "CHF {n:,}"]
WORD_FORMATS = ["{w} thousand dollars", "{w} million euros", "{w} grand", "{w} bucks", "{w} thousand",
                "{w} dollars", "{w} pounds", "{w} hundred thousand USD"]


@settings(max_examples=400)
@given(n=st.integers(1, 999_999), fmt=st.sampled_from(DIGIT_FORMATS))
def test_property_money_in_digits(n: int, fmt: str) -> None:
    money = fmt.format(n=n, m=n / 1000, g=f"{n:,}".replace(",", " "))
    out = redact(f"The budget came to {money} after the discount.", [])
    assert_clean(out)
    assert has_word(out, "budget") and has_word(out, "discount")


@settings(max_examples=300)
@given(n=st.integers(1, 999), fmt=st.sampled_from(WORD_FORMATS))
def test_property_money_in_words(n: int, fmt: str) -> None:
    words = spelled(n)
    out = redact(f"The budget came to {fmt.format(w=words)} after the discount.", [])
    for word in re.findall(r"[a-z]+", words) + ["thousand", "million", "dollars", "euros", "bucks", "grand"]:
        if word != "and":
            assert not has_word(out, word), (words, out)
    assert "[amount]" in out or "[number]" in out
    assert has_word(out, "budget") and has_word(out, "discount")


@settings(max_examples=500, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=200))
def test_property_no_digit_or_address_survives_any_text(text: str) -> None:
    out = redact(text, ["Clara Ferreira"])
    assert not re.search(r"\d", out), out
    assert not re.search(r"\w\s*@|@\s*\w", out), out
    assert not has_word(out, "clara") and not has_word(out, "ferreira")


# ------------------------------------------------------------------------------------------- the scan

GENERIC = ["price", "discount", "integration", "contact", "call", "email", "phone number", "budget",
           "what did the customer say", "who signed", "how much did they pay", "follow up next week"]
QUERIES = sorted(set(GENERIC) | set(OBJECTIONS) | {line for o in OBJECTIONS.values()
                                                  for part in ("said", "won", "lost") for line in o[part]})
REPS = 4


def test_scan_out_of_scope_snippets_carry_no_personal_data_or_figures(demo_workspace, talk_store) -> None:  # noqa: ANN001
    _, engine = demo_workspace
    with engine.connect() as conn:
        reps = conn.execute(sql("SELECT id, name FROM users WHERE role = 'rep' ORDER BY name")).all()
        deals = {d: (u, a) for d, u, a in conn.execute(sql("SELECT id, user_id, account_id FROM opportunities"))}
        accounts = dict(conn.execute(sql("SELECT id, name FROM accounts")).all())
        contacts: dict[int, list[str]] = {}
        for account_id, name in conn.execute(sql("SELECT account_id, name FROM contacts")):
            contacts.setdefault(account_id, []).append(name or "")
    originals: dict[tuple[str, str, str], list[str]] = {}
    for meta, body in talk_store.lexical.conn.execute("SELECT meta, text FROM docs"):
        m = json.loads(meta)
        originals.setdefault((m["deal_id"], m["kind"], m["date"]), []).append(body)
    assert len(reps) >= REPS
    chosen = reps[:: len(reps) // REPS][:REPS]

    seen = redacted = with_name = with_digit = 0
    for rep_id, rep in chosen:
        me = identity_for(engine, rep)
        for query in QUERIES:
            result = search_talk_tracks(engine, talk_store, me, {"query": query, "limit": 10, "outcome": "any"})
            for s in result.worked + result.did_not_work:
                seen += 1
                owner, account_id = deals[s.deal_id]
                assert s.redacted == (owner != rep_id), (rep, s.deal_id)
                if not s.redacted:
                    continue
                redacted += 1
                names = contacts.get(account_id, [])
                tokens = {t for n in names for t in re.split(r"[^\w]+|_", n) if len(t) >= 3}
                assert tokens, s.deal_id
                for token in tokens:
                    assert not has_word(s.text, token), (rep, query, s.deal_id, token, s.text)
                assert_clean(s.text)
                # the snippet is the redaction of a real note of that deal: the scan looks at what it should
                assert s.account == "" and not has_word(s.text, accounts[account_id]), (s.deal_id, s.text)
                source = [o for o in originals[(s.deal_id, s.kind, s.date)]
                          if redact(o, names, [accounts[account_id]]) == s.text]
                assert source, (s.deal_id, s.text)
                with_name += any(has_word(source[0], t) for t in tokens)
                with_digit += bool(re.search(r"\d", source[0]))
    assert seen > 0 and redacted >= 50, (seen, redacted)
    assert with_name >= 10, with_name  # the notes named the contact, and the snippets did not
    assert with_digit >= 1, with_digit  # the notes had figures ("30%", "SOC 2", "60-day"), and the snippets did not
    print(f"scan: {seen} snippets, {redacted} redacted, {with_name} named a contact, {with_digit} had a figure")
