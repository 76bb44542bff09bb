"""The word of a contact's title that says what their hours are: "reliability" in "Maint. & Reliability Mgr",
"nights" in "Area Supervisor, Nights, Back Half", "comprador" in "Comprador de Planta".

People of one job keep alike hours (a plant manager answers before the morning meeting, an engineer after the
shift, a night crew at the handover), but titles are written in many wordings, languages and abbreviations, and
no list of jobs fits every trade. So the words are learned from the history: each word that a few contacts' titles
share is judged by how far the replies to those contacts depart, hour by hour, from everyone's, or from those of
the others of their sector or market (a score test, on what a first fit without them leaves unexplained). A word that
departs enough may name a job, and each title is given, of its words that may, the one whose holders each depart
most: a word many people of several jobs share ("manager", "coordinator") may depart further in standard errors than
the word of one job held by a few, since its holders are many, but each of them departs less, as they are a mixture.
The model keeps the jobs only when their hours pass the score test it applies to any segment's (see
``model.fit``).

Chinese and Japanese write no spaces between words, and Korean often none inside a title ("現場所長", "工地主任",
"현장대리인"): a run of their characters is read as its overlapping pairs of characters ("現場", "場所", "所長"), as
search engines index these languages without a dictionary, so that titles sharing a word ("現場", the site) share it
here too, and as a whole. Accents are dropped from Latin, Greek, Cyrillic, Hebrew and Arabic letters ("Producción"
is "produccion"); the vowel signs of Hindi, Bengali, Tamil or Thai and the voicing marks of kana are part of their
letters, and of the word. A title reads alike however it was typed: in a styled alphabet ("𝐒𝐚𝐥𝐞𝐬"), composed or not,
with invisible characters, HTML entities or letters no accent's removal reaches ("Satış", "Giám đốc") in it.

Titles are written by people outside the company: they are only split into words here, never shown or followed.
"""

from __future__ import annotations

import html
import re
import unicodedata

import numpy as np

MAX_TITLE = 200
"""characters of a title read"""
MIN_CONTACTS = 8
"""contacts with touches whose titles hold a word, for the word to be judged"""
FUNCTION_Z = 1.0
"""standard errors by which a word's hours must depart from everyone's to name a job. The bar is low: one job is
written in many words, each held by a few contacts, whose departure shows at 1 to 2 standard errors; the jobs are
then kept, level and curves, only when the score test a segment field gets calls for their hours (``model.fit``),
and their curves are shrunk like any segment's, where a job's word left out sends its people to their rank's hours.
The test asks whether a word's holders in the history depart from everyone's hours, not whether the word foretells
the next holder's: a word that names no job (a town) and that a dozen people of other hours happen to share is
taken for one, and moves the others who hold it (more easily at this bar than at 2; at 2 too, with more of them)"""
MIN_BLOCK_CONTACTS = 5
"""contacts with touches in a three-hour block, for the block to be judged"""
_CJK = re.compile(r"([\u1100-\u11ff\u3005-\u3007\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
                  r"\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]+)")
"""a run of Han, kana or Hangul: written without spaces between words"""
_IGNORED = dict.fromkeys([*range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0), 0x00AD, 0x200C, 0x200D, 0x200E, 0x200F,
                          0x2060, 0xFEFF, 0x061C, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x0640])
"""invisible characters and what only shapes a letter (a soft hyphen, a joiner, a direction mark, a variation selector,
the Arabic tatweel): dropped, so that a word with a soft hyphen inside is one word"""
_FOLD = str.maketrans({"ı": "i", "đ": "d", "ł": "l", "ø": "o", "ħ": "h", "ŧ": "t", "ς": "σ", "\u3164": " ", "\u115f": " ",
                       "\u1160": " ", "\uffa0": " ", "\u309b": "\u3099", "\u309c": "\u309a", "\u2122": " ", "\u00ae": " ",
                       "\u00a9": " "})
"""letters that no accent's removal reaches, read as their plain ones ("Satış" as "satis", "Giám đốc" as "giam doc",
"Główny" as "glowny", a final sigma as any); Hangul's blank fillers, "™", "®" and "©" part words; kana's spacing
voicing marks are its combining ones"""
_ACCENTED = ((0x0000, 0x0530), (0x0590, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900))
"""the letters whose marks are accents, dropped: Latin, Greek, Cyrillic, Hebrew and Arabic ("Producción" is "produccion",
"مُدير" is "مدير"); other scripts' marks are part of their letters, and of the word (a Hindi vowel sign; a kana voicing
mark: "ガ" is not "カ")"""
_COMMON = frozenset({
    "of", "the", "and", "for", "to", "in", "at", "a", "an", "de", "del", "la", "el", "los", "las", "y", "e", "en",
    "du", "des", "le", "et", "der", "die", "und", "für", "von", "&", "-", "sr", "jr", "senior", "junior", "acting",
    "interim", "deputy", "assistant", "associate", "i", "ii", "iii", "iv"})
"""words that say nothing of a job (articles, seniority qualifiers)"""


def words(title: str | None) -> tuple[str, ...]:
    """A title's words, lower case and without accents, numbers or the words of _COMMON; a word that holds a run of
    Chinese, Japanese or Korean characters also as that run, its pairs of characters and its other letters ("IT部長":
    "it部長", "it", "部長")."""
    # the first MAX_TITLE characters as written composed (a title written decomposed is cut at the same letter),
    # lower case once any letter drawn in a styled alphabet ("𝐒𝐚𝐥𝐞𝐬", "ℍead") is the plain one
    text = unicodedata.normalize("NFC", html.unescape(title or "")[:4 * MAX_TITLE])[:MAX_TITLE]
    text = unicodedata.normalize("NFKD", text.translate(_IGNORED).translate(_FOLD))
    kept, base = [], ""
    for ch in unicodedata.normalize("NFKD", text.lower()).translate(_FOLD):
        mark = unicodedata.category(ch).startswith("M")
        if not mark:
            base = ch
        elif not base.isalnum() or any(low <= ord(base) < high for low, high in _ACCENTED):  # an accent, or on nothing
            continue
        # anything but a letter, a digit, a mark, "_" or "&" parts words
        kept.append(ch if mark or ch.isalnum() or ch in "_&" else " ")
    text = unicodedata.normalize("NFC", "".join(kept))
    return tuple(dict.fromkeys(p for w in text.split() for p in _pieces(w)
                               if any(c.isalpha() for c in p) and p not in _COMMON))


def _pieces(word: str) -> list[str]:
    """``word`` and, when it holds a run of Chinese, Japanese or Korean, each such run of two characters or more with
    its overlapping pairs of characters, and each run of other letters."""
    runs = _CJK.split(word)  # the runs of those scripts and what lies between: the word alone when it holds none
    if len(runs) == 1:
        return runs
    out = [word]
    for run in runs:
        if not _CJK.fullmatch(run):
            out.append(run)
        elif len(run) >= 2:
            out.extend([run, *(run[i:i + 2] for i in range(len(run) - 1) if len(run) > 2)])
    return out


def learn(contacts: np.ndarray, titles: dict[str, str | None], block: np.ndarray, residual: np.ndarray,
          strata: dict[str, dict[str, str]] | None = None) -> dict[str, float]:
    """The words of titles whose replies' hours depart from what a fitted model without them expects by FUNCTION_Z
    standard errors or more, with how far each of their holders departs; from the ``residual`` s (outcome less the
    fitted chance) of the touches of ``contacts`` in three-hour ``block`` s.

    Per contact and block the residuals are summed (a contact's touches are not independent). For a word, each
    block's sum over its contacts, less the block's share of their whole sum (a word of people who answer more at
    every hour is not taken for one whose hours differ), is set against its variance over those contacts; under no
    departure the squares add up to about the number of blocks judged, and the excess, in standard errors, is the
    word's score.

    One job may keep other hours in each sector or market (a grocery store's manager answers before opening, a fashion
    store's after closing), so that across everyone its departures cancel out. So a word is also judged within each
    value of each field of ``strata`` (field: contact: value), against the others of that value (whose own hours are
    taken out first), the squares added up over the values; the look (everyone's or a field's) that departs most, in
    standard errors, is the word's.

    Each word that departs by FUNCTION_Z standard errors or more in its look is returned with how far each of its holders
    departs: the excess of the squares over their number, per block judged and per holder. A title is given its word
    that departs most so (``function``): a word that people of several jobs share departs further in standard errors
    than the word of one of those jobs, as more people hold it, but less per holder, as they are a mixture. Only the words
    that are some contact's job are returned: the model learns no hours for the others ("地主" in "工地主任", held by
    the same people as "工地主任" itself)."""
    people, person = np.unique(np.asarray(contacts), return_inverse=True)
    person = person.reshape(-1)
    if len(people) == 0:
        return {}
    block = np.asarray(block, dtype=np.int64)
    r = np.asarray(residual, dtype=float)
    cell = person * 8 + block
    s = np.bincount(cell, r, minlength=len(people) * 8).reshape(-1, 8)
    n = np.bincount(cell, minlength=len(people) * 8).reshape(-1, 8).astype(float)
    keys = [words(titles.get(p)) for p in people.tolist()]
    holders: dict[str, list[int]] = {}
    for i, k in enumerate(keys):
        for w in k:
            holders.setdefault(w, []).append(i)
    # everyone as one stratum, then each field's strata: each with every contact's residual sums by block and in all
    layers = [(np.zeros(len(people), dtype=np.int64), s, s.sum(axis=1))]
    for values in (strata or {}).values():
        layer = np.unique([values.get(p) or "" for p in people.tolist()], return_inverse=True)[1].reshape(-1)
        # each stratum's own hours are taken out: a word is judged against the others of its stratum
        where = layer[person] * 8 + block
        cells = (int(layer.max()) + 1) * 8
        mean = np.bincount(where, r, minlength=cells) / np.maximum(np.bincount(where, minlength=cells), 1)
        sums = np.bincount(cell, r - mean[where], minlength=len(people) * 8).reshape(-1, 8)
        layers.append((layer, sums, sums.sum(axis=1)))
    score: dict[str, float] = {}
    for w, who in holders.items():
        if len(who) < MIN_CONTACTS:
            continue
        idx = np.asarray(who)
        best, each = -np.inf, 0.0  # the look that departs most, in standard errors, and per holder in it
        for layer, sums, whole in layers:
            stat, df = 0.0, 0
            for stratum in np.unique(layer[idx]):
                part = idx[layer[idx] == stratum]
                counts = n[part]
                share = counts.sum(axis=0) / max(float(counts.sum()), 1.0)
                dev = sums[part] - share[None, :] * whole[part][:, None]
                u, variance = dev.sum(axis=0), (dev ** 2).sum(axis=0)
                judged = ((counts > 0).sum(axis=0) >= MIN_BLOCK_CONTACTS) & (variance > 1e-9)
                if int(judged.sum()) < 3:
                    continue
                stat += float((u[judged] ** 2 / variance[judged]).sum())
                df += int(judged.sum()) - 1
            if df >= 2 and (stat - df) / float(np.sqrt(2 * df)) > best:
                best, each = (stat - df) / float(np.sqrt(2 * df)), (stat - df) / (df * len(idx))
        if best >= FUNCTION_Z:
            score[w] = each
    # a word that is no contact's job (each title holding it has a word of more departing holders) has no hours of its
    # own learned: a new title whose job it would be takes the next of its words instead
    chosen = {function(titles.get(p), score) for p in people.tolist()}
    return {w: v for w, v in score.items() if w in chosen}


def function(title: str | None, scores: dict[str, float]) -> str:
    """The word of ``title`` that names its job: of its words that ``learn`` kept, the one whose holders each depart
    most ("" when none is)."""
    return max(((scores[w], w) for w in words(title) if w in scores), default=(0.0, ""))[1]


__all__ = ["function", "learn", "words"]
