"""Redaction of talk-track snippets shown from deals outside the caller's scope.

``redact(text, names)`` returns ``text`` with no personal data and no figures left in it, so that
a rep can learn from another rep's deal without seeing who was on it or what it was worth. It works
in six steps, in this order:

1. **Normalise.** Unicode NFKC turns full-width letters, digits and ``＠``, ligatures, superscripts,
   circled digits and non-breaking or other odd spaces into their plain forms; invisible format
   characters (zero-width spaces, soft hyphens, direction marks) are dropped, so nothing can hide a
   name or a number from the patterns below.
2. **E-mail addresses**, ordinary or obfuscated (``name at domain dot com``, ``name (at) domain
   (dot) com``, ``name[at]domain[dot]com``, ``name @ domain.com``) become ``[email]``.
3. **Dates** (``2025-06-03``, ``03/06/2025``) become ``[date]``.
4. **Money**: a figure with a currency symbol or code, a money word or a size suffix (``$40k``,
   ``40,000 USD``, ``€1.2m``, ``1.2 million dollars``, ``USD 40000``, ``40 grand``), and spelled-out
   numbers before a money word or carrying a magnitude (``forty thousand dollars``, ``half a
   million``, ``a six-figure deal``, ``forty percent``; in Spanish, Portuguese, French, German or Italian, ``cuarenta
   mil dólares``, ``fünfzigtausend Euro``; in Chinese numerals, ``四万五千美元``) become ``[amount]``.
5. **Phone numbers** in any layout (``555-1234``, ``555/123 4567``, ``(0)20 7946 0958``, ``+44 20
   7946 0958``, ``ext. 2231``, seven or more digits spelled out) become ``[phone]``; then **every
   remaining digit run** becomes ``[number]``: no figure from another rep's deal survives, not even
   inside a word (``NB000123`` -> ``NB[number]``).
6. **Contact names**: every token of every name given (first name, surname, any other part of two
   letters or more, hyphenated parts on their own too) is replaced wherever it stands as a word, in
   any case, with or without accents, with a possessive (``Chloe's`` -> ``[contact]'s``); a run of
   name tokens (``Clara M. Ferreira``, ``ferreira clara``) becomes a single ``[contact]``.

Over-redaction is the accepted price: a contact called ``Will Price`` hides every "price", "a few hundred" is a
figure, and
``met at acme.example`` reads ``[email]``. Small spelled-out numbers (``nine months``, ``fifty
users``) are ordinary words and stay. While the steps run, placeholders are private-use characters,
so that no later step can match inside them (a contact named "Contact" does not eat ``[contact]``);
private-use characters in the input are dropped for the same reason.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Iterable

from copilot.crm.values import as_read

__all__ = ["redact"]

# ---------------------------------------------------------------------------------------------- placeholders

_PLACEHOLDERS = {"contact": "\ue000", "email": "\ue001", "phone": "\ue002", "amount": "\ue003",
                 "number": "\ue004", "date": "\ue005", "account": "\ue006"}
CONTACT, EMAIL, PHONE, AMOUNT, NUMBER, DATE, ACCOUNT = _PLACEHOLDERS.values()
_SHOWN = {mark: f"[{word}]" for word, mark in _PLACEHOLDERS.items()}
MARKERS = tuple(f"[{word}]" for word in _PLACEHOLDERS)
"""what stands in the text returned for what was taken out ("[contact]", "[number]", ...)"""

# ---------------------------------------------------------------------------------------------- 1. normalise


def normalise(text: str) -> str:
    """NFKC, without invisible format characters (Cf) and private-use characters (Co)."""
    return as_read(text, ("Cf", "Co"))


# ---------------------------------------------------------------------------------------------- 2. e-mail

_PART = r"[\w+%-]+"
_AT = (r"(?:\s*@\s*"                                  # name@domain, name @ domain
       r"|\s*[\[(<{]\s*(?:at|@)\s*[\])>}]\s*"         # name(at)domain, name [at] domain
       r"|\s+at\s+)")                                 # name at domain
_DOT = (r"(?:\."                                      # domain.com
        r"|\s+\.\s*"                                  # domain . com (never "noon. Then")
        r"|\s*[\[(<{]\s*(?:dot|\.)\s*[\])>}]\s*"      # domain(dot)com, domain [dot] com
        r"|\s+dot\s+)")                               # domain dot com
_TLD = r"[^\W\d_][\w-]*"                              # a top-level domain starts with a letter
EMAIL_RE = re.compile(rf"{_PART}(?:{_DOT}{_PART})*{_AT}{_PART}(?:{_DOT}{_PART})*{_DOT}{_TLD}", re.IGNORECASE)
_STRAY_AT = re.compile(r"[\w.+%-]*@[\w.%-]*")         # what is left around an "@": a handle, half an address


def _stray_at(match: re.Match[str]) -> str:
    return EMAIL if re.search(r"[^\W_]", match.group(0)) else match.group(0)


# ---------------------------------------------------------------------------------------------- 3. dates

DATE_RE = re.compile(r"(?<![\d.,/-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2}))(?![\d/.-]?\d)")

# ---------------------------------------------------------------------------------------------- 4. money

_SYMBOLS = "".join(sorted({chr(c) for c in range(0x10000) if unicodedata.category(chr(c)) == "Sc"}
                          | {chr(c) for c in range(0x10000, sys.maxunicode + 1)
                             if c in (0x11FDD, 0x11FDE, 0x11FDF, 0x11FE0, 0x1E2FF, 0x1ECB0)}))
_CODES = ("USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|CNY|RMB|HKD|SGD|INR|SEK|NOK|DKK|PLN|CZK|HUF|ZAR|BRL|MXN|KRW|AED|"
          "THB|IDR|MYR|VND|NGN|EGP|CLP|TWD|UAH|RON|BGN|ISK|QAR|KWD|BHD|OMR|PKR|BDT|LKR|GHS|MAD")
_CODES_UPPER = "SAR|ILS|RUB|TRY|PHP|KES|ARS|COP|PEN|NIS"  # codes that are also words: upper case only
_CURRENCY_SIGN = (rf"(?:(?-i:[A-Z]{{1,3}})?[{re.escape(_SYMBOLS)}]"  # $, €, US$, HK$
                  rf"|(?<![^\W\d_])(?:{_CODES}|(?-i:{_CODES_UPPER})|Rs\.?)(?![^\W\d_]))")  # USD40000 too
_MONEY_WORDS = (r"(?:(?:US|U\.S\.|Canadian|Australian|Singapore|Hong\s+Kong|New\s+Zealand)\s+)?"
                r"(?:dollars?|bucks?|euros?|pounds?(?:\s+sterling)?|sterling|quid|yen|yuan|renminbi|rupees?|"
                r"francs?|kronor|krona|kroner|krone|pesos?|reais|shekels?|dirhams?|riyals?|ringgit|baht|"
                r"lira|lire|zloty|forint|rand|cents?|pence|grand)")
_MAGNITUDE = (r"(?:\s*(?:thousand|million|billion|trillion|lakhs?|crores?|mio\.?|mrd\.?|mln|mil)(?![^\W\d_])"
              r"|(?:k|m|mm|mn|bn|b|tn)(?![^\W\d_]))")
_FIGURE = r"\d+(?:[.,'’]\d+|\s\d{3}(?!\d))*"           # 40000, 40,000, 1.2, 40.000,50, 1'000'000, 40 000
AMOUNT_RE = re.compile(
    rf"(?:(?P<pre>{_CURRENCY_SIGN})\s*)?(?<![\d.,])(?P<figure>{_FIGURE})(?P<mag>{_MAGNITUDE})?"
    rf"(?P<post>\s*(?:{_CURRENCY_SIGN}|\b{_MONEY_WORDS}\b))?",
    re.IGNORECASE)

_DIGIT_WORDS = "zero|oh|one|two|three|four|five|six|seven|eight|nine"
_NUMBER_WORDS = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                 r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fourty|fifty|sixty|seventy|"
                 r"eighty|ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|tens|lakhs?|crores?)")
_SCALE = re.compile(r"\b(?:hundred|thousand|million|billion|trillion|lakh|crore)\b", re.IGNORECASE)
_FILLER = r"(?:a|an|and|of|point|few|couple|several|half|quarter)"
_WORD_SEP = r"(?:[\s-]+|\s*,\s*)"
SPELLED_RE = re.compile(
    rf"\b(?P<figure>(?:{_NUMBER_WORDS}|a|an|half|quarter|few|couple|several)"
    rf"(?:(?:{_WORD_SEP}(?:{_NUMBER_WORDS}|{_FILLER}))*{_WORD_SEP}{_NUMBER_WORDS})?)\b"
    rf"(?P<post>{_WORD_SEP}(?:of\s+)?(?:{_MONEY_WORDS}|k|percent|per\s*cent|pct)\b|\s*%)?",
    re.IGNORECASE)
# other languages' spelled figures: a magnitude word ("mil", "tausend", "mille"), with the number words before it,
# or a number word before a money word ("fünfzig Euro"); and a run of Chinese or Japanese numerals
_FOREIGN_UNITS = (r"(?:un[oa]?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|veinte|treinta|cuarenta|cincuenta|"
                  r"sesenta|setenta|ochenta|noventa|cien(?:to)?|doscientos|quinientos|um|dois|três|quatro|vinte|trinta|"
                  r"quarenta|cinquenta|sessenta|setenta|oitenta|noventa|cem|deux|trois|quatre|cinq|six|sept|huit|neuf|"
                  r"dix|vingt|trente|quarante|cinquante|soixante|cent|ein|eine|zwei|drei|vier|fünf|sechs|sieben|acht|"
                  r"neun|zehn|zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig|due|tre|"
                  r"quattro|sei|sette|otto|nove|dieci|venti|trenta|quaranta|cinquanta|sessanta|settanta|ottanta|"
                  r"novanta|cento)")
_FOREIGN_MAGNITUDE = (r"(?:[^\W\d_]*(?:tausend|hundert|millionen|milliarden)|mil|millón|millones|milhão|milhões|"
                      r"milhares|mille|milles|mila|milione|milioni|miliardi?|millions?|milliards?)")
_FOREIGN_MONEY = r"(?:euros?|dólares|dolares|dollars?|reais|pesos|soles|francs?|franken|libras?|sterline|rublos?)"
FOREIGN_RE = re.compile(
    rf"(?<![^\W\d_])(?:(?:{_FOREIGN_UNITS})(?:[\s-]+(?:y|e|et|und)?\s*)?)*{_FOREIGN_MAGNITUDE}(?![^\W\d_])"
    rf"|(?<![^\W\d_])(?:{_FOREIGN_UNITS})(?:[\s-]+(?:y|e|et|und)\s+(?:{_FOREIGN_UNITS}))*\s+{_FOREIGN_MONEY}"
    rf"(?![^\W\d_])", re.IGNORECASE)
CJK_NUMBER_RE = re.compile(r"[零〇一二三四五六七八九十百千万萬亿億两兩]{2,}(?:美元|欧元|英镑|日元|港元|元|圆|円)?|"
                           r"[零〇一二三四五六七八九十两兩]+(?:美元|欧元|英镑|日元|港元|元|圆|円)")
FIGURES_RE = re.compile(r"\b(?:(?:high|mid|low)[\s-]+)?(?:five|six|seven|eight|nine|\d+)[\s-]+figures?\b",
                        re.IGNORECASE)


def _amount(match: re.Match[str]) -> str:
    if match["pre"] or match["mag"] or match["post"]:
        return AMOUNT
    return match.group(0)  # a bare number: step 5 decides whether it is a phone number


def _spelled(match: re.Match[str]) -> str:
    figure = match["figure"]
    if not re.search(rf"\b{_NUMBER_WORDS}\b", figure, re.IGNORECASE):
        return match.group(0)  # "a dollar", "a few": no figure in it
    if match["post"]:
        return AMOUNT  # a sum of money, or a share ("forty percent")
    if _SCALE.search(figure):
        return NUMBER  # "forty thousand", "one point two million": a figure even without a currency
    return match.group(0)  # "nine months", "fifty users": ordinary words


# ---------------------------------------------------------------------------------------------- 5. phones, numbers

PHONE_RE = re.compile(
    r"(?<![\w+])(?P<plus>\+\s?)?"
    r"(?:\(\s*\+?\d{1,5}\s*\)\s*)?"                    # (0), (415), (+44)
    r"\d(?:[\d \t().\/\-–—]*\d)?"                      # digit groups with phone separators
    r"(?P<ext>\s*,?\s*(?:ext|extn|extension|x)\.?\s*\d{1,6}(?!\d))?",
    re.IGNORECASE)
EXTENSION_RE = re.compile(r"(?<![^\W\d_])(?:ext|extn|extension)\.?\s*(?:no\.?\s*)?\d{1,6}|(?<!\w)x\d{2,6}(?!\d)",
                          re.IGNORECASE)
SPELLED_PHONE_RE = re.compile(rf"\b(?:(?:{_DIGIT_WORDS})[\s,-]+){{6,}}(?:{_DIGIT_WORDS})\b", re.IGNORECASE)
_GROUPED = re.compile(r"\d{1,3}(?:[.,' ]\d{3})+(?:[.,]\d{1,2})?")  # 1,000,000 or 1.234.567,50
NUMBER_RE = re.compile(r"\d+(?:[.,'’]\d+)*")


def _phone(match: re.Match[str]) -> str:
    found = match.group(0)
    digits = sum(c.isdigit() for c in found)
    if match["ext"] and digits >= 5:
        return PHONE
    if digits < 7 or (not match["plus"] and _GROUPED.fullmatch(found)):
        return found  # a short number or a grouped figure: a [number]
    plain = found.isdigit()
    if plain and not (found.startswith("0") or digits >= 10):
        return found  # 1000000 is a number; 0207946095 or 4155550134 is a phone number
    return PHONE


# ---------------------------------------------------------------------------------------------- 6. names

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "phd"}
_NOT_NAMES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", *_SUFFIXES}
_APOSTROPHES = "'’`´"


def _fold(text: str) -> str:
    """The text with accents taken off letters, one character for one, so positions still match."""
    out = []
    for c in text:
        d = unicodedata.normalize("NFD", c)
        out.append(d[0] if len(d) > 1 and all(unicodedata.combining(x) for x in d[1:]) else c)
    return "".join(out)


def name_tokens(names: Iterable[str]) -> set[str]:
    """Every part of every name that could identify the person: 'Mary-Jane van Dyke' gives
    mary-jane, mary, jane, van, dyke (case-folded, accents off; parts shorter than two letters and
    honorifics left out)."""
    tokens: set[str] = set()
    for name in names:
        words = [w for w in re.split(r"[\s,;/()]+", _fold(normalise(name or "")).casefold()) if w]
        for position, word in enumerate(words):
            word = word.strip(".'’`´-")
            joined = re.split(r"[-.'’`´]+", word)
            for part in {word, *joined}:
                part = part.strip(".'’`´-")
                # an honorific or a suffix standing alone ("Dr", "II") is not the name; inside a hyphenated
                # name ("Smith-Ii") it is part of it, and so is a first name that reads like a suffix ("Ii Aa")
                title = part in _NOT_NAMES and (part == word or len(joined) < 2) and not (
                    position == 0 and part in _SUFFIXES and len(words) > 1)
                if len(part) >= 2 and not title and re.search(r"[^\W\d_]", part):
                    tokens.add(part)
    return tokens


def _names_pattern(tokens: set[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
    one = rf"(?<![^\W\d_])(?:{alternatives})(?:s)?(?![^\W\d_])"  # "Chloes", "the Ferreiras" too
    run = rf"{one}(?:\s+(?:[^\W\d_]\.\s*)?{one})*"                # "Clara M. Ferreira" is one contact
    return re.compile(rf"{run}(?P<kept>[{_APOSTROPHES}]s?(?![^\W\d_]))?", re.IGNORECASE)


def _replace_folded(text: str, pattern: re.Pattern[str], mark: str) -> str:
    """Each match of ``pattern`` made ``mark``, matched without accents and replaced in the text as written; a match's
    group ``kept`` (a possessive "'s"), when the pattern has one, stays after the mark."""
    out, last = [], 0
    for match in pattern.finditer(_fold(text)):
        kept = match.groupdict().get("kept") or ""
        out += [text[last:match.start()], mark, text[match.end() - len(kept):match.end()]]
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def _redact_names(text: str, names: Iterable[str]) -> str:
    tokens = name_tokens(names)
    return _replace_folded(text, _names_pattern(tokens), CONTACT) if tokens else text


# ---------------------------------------------------------------------------------------------- redact


LEGAL = re.compile(r"(?:[\s,]+(?:inc|ltd|llc|plc|corp|corporation|co|company|gmbh|ag|sa|s\.a|bv|nv|oy|ab|as|"
                   r"pty|limited|group|holdings?))+\.?\s*$", re.IGNORECASE)
"""a legal form or "group" at the end of an account's name ("Torhelon Works Ltd" is also written without it)"""


def _redact_accounts(text: str, accounts: Iterable[str]) -> str:
    """Each account's name (as written, or without its legal form), as whole words, whatever the case or accents."""
    folded = [_fold(normalise(a)) for a in accounts if a]
    forms = {f for a in folded for f in (a.strip(), LEGAL.sub("", a).strip()) if len(f) >= 3}
    if not forms:
        return text
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+")
                                                    for f in sorted(forms, key=len, reverse=True)) + r")(?![^\W_])",
                         re.IGNORECASE)
    return _replace_folded(text, pattern, ACCOUNT)


def redact(text: str, names: list[str], accounts: Iterable[str] = ()) -> str:
    """``text`` without contact names, account names, e-mail addresses, phone numbers, dates, figures or amounts.

    ``names`` are the full names of the people whose names must go (for a talk-track snippet, the
    contacts of the deal's account), ``accounts`` the names of the accounts that must go (the deal's).
    The result is NFKC-normalised and contains no digit at all.
    """
    text = normalise(text)
    text = EMAIL_RE.sub(EMAIL, text)
    text = _STRAY_AT.sub(_stray_at, text)
    text = re.sub(r"(?<=\w)\s+@|@\s+(?=\w)", lambda m: m.group(0).replace("@", "(at)"), text)  # "x @ y" half-spaced
    text = DATE_RE.sub(DATE, text)
    text = AMOUNT_RE.sub(_amount, text)
    text = SPELLED_RE.sub(_spelled, text)
    text = FOREIGN_RE.sub(AMOUNT, text)
    text = CJK_NUMBER_RE.sub(AMOUNT, text)
    text = FIGURES_RE.sub(AMOUNT, text)
    text = PHONE_RE.sub(_phone, text)
    text = EXTENSION_RE.sub(PHONE, text)
    text = SPELLED_PHONE_RE.sub(PHONE, text)
    text = NUMBER_RE.sub(NUMBER, text)
    text = re.sub(r"\d", NUMBER, text)  # any digit the patterns above could not reach
    text = _redact_accounts(text, accounts)
    text = _redact_names(text, names)
    return "".join(_SHOWN.get(c, c) for c in text)
