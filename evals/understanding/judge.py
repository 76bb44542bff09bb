#!/usr/bin/env python3
"""Score a copilot's answers against an understanding cases file.

    python evals/understanding/judge.py CASES.jsonl RESULTS.jsonl [--split dev|holdout|all]
                                        [--min-right R] [--max-wrong N] [--show wrong|all|none]

CASES is paraphrase.jsonl or dialogues.jsonl (or any file of that shape). RESULTS holds one JSON object a
line: {"id": ..., "answer": "..."} for a single question, {"id": ..., "answers": ["...", ...]} for a
dialogue (one answer per turn). Every answer (every turn) is put in one of four classes:

  right     every expected number is stated (within max(0.5, 0.5 %) of it), every expected name appears
            (case-insensitive, as a whole word), and no "absent" number is stated; a case marked refuse
            must also say why (scope / not allowed / can't see ...); a case marked decline is right when
            the answer states no figure and says it cannot answer.
  asked     not right, but the answer puts a clarifying question to the user (a sentence ending in "?"
            that addresses them: "Do you mean ...?", "Which office do you mean?") and states no absent
            number.
  declined  not right, but the answer says it cannot / doesn't know / has no data / is out of scope, and
            states no figure.
  wrong     anything else, such as figures that are not the expected ones, or a missing answer.

Numbers are read the way people write them: "$1,234,567", "1.2M", "$950k", "3.5 million", "58.2%".
Digits glued to letters (record ids such as 64CTQ6C5, "Q3", "H1", "3rd") and ISO dates are not numbers.
A "figure" (for decline and declined) is a number that is neither a plain year (1900-2100) nor one the
question itself contains.

Counts are printed overall, per family and per split. Exit status: 0, or 1 when --min-right or
--max-wrong is not met, 2 on bad input.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

CLASSES = ("right", "asked", "declined", "wrong")

# ---------------------------------------------------------------------------------------------------------
# reading numbers
# ---------------------------------------------------------------------------------------------------------
_DATE = re.compile(
    r"(?<![0-9])\d{4}-\d{1,2}(?:-\d{1,2})?(?![0-9])"                 # 2017-03-01, 2016-10
    r"|(?<![0-9])\d{1,2}/\d{1,2}/\d{2,4}(?![0-9])"                     # 03/01/2017
    r"|(?<![0-9])\d{1,2}:\d{2}(?::\d{2})?(?![0-9])"                    # 10:15
    r"|(?<=[A-Za-z]) \d{1,2}(?:st|nd|rd|th)?(?=,? \d{4}\b)"             # the day in "March 1, 2017"
    r"|\b\d{1,2}(?:st|nd|rd|th)? (?=(?:of )?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{4})"
)
_NUMBER = re.compile(
    r"""
    (?<![A-Za-z0-9_.])                       # not glued to a word or to another number
    (?P<money>\$\s?)?
    (?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
    (?:\s?(?P<scale>thousand|million|billion|mn|bn|k|K|m|M|MM|B)(?![A-Za-z0-9]))?
    (?P<pct>\s?(?:%|percent\b|per\s?cent\b))?
    (?![A-Za-z0-9])                          # a letter right after the digits makes it a code, not a number
    """,
    re.VERBOSE,
)
_SCALE = {"thousand": 1e3, "k": 1e3, "K": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "M": 1e6, "MM": 1e6,
          "billion": 1e9, "bn": 1e9, "B": 1e9}


class Num:
    """One number read from a text."""

    __slots__ = ("value", "text", "plain_year")

    def __init__(self, value: float, text: str, plain_year: bool):
        self.value, self.text, self.plain_year = value, text, plain_year

    def __repr__(self) -> str:
        return f"Num({self.value!r}, {self.text!r})"


def read_numbers(text: str) -> list[Num]:
    """Every number in a text, with its value; dates and digits glued to letters are skipped."""
    text = _DATE.sub(lambda m: " " * len(m.group()), text.replace("\u2212", "-"))
    out = []
    for m in _NUMBER.finditer(text):
        digits = m.group("digits")
        value = float(digits.replace(",", ""))
        scale = m.group("scale")
        if scale:
            value *= _SCALE[scale]
        plain_year = (not m.group("money") and not scale and not m.group("pct") and digits.isdigit()
                      and len(digits) == 4 and 1900 <= int(digits) <= 2100)
        out.append(Num(value, m.group().strip(), plain_year))
    return out


def near(stated: float, expected: float) -> bool:
    return abs(stated - expected) <= max(0.5, 0.005 * abs(expected))


def states(nums: list[Num], expected: float) -> bool:
    return any(near(n.value, expected) for n in nums)


def figures(answer_nums: list[Num], question: str) -> list[Num]:
    """The numbers of an answer that count as figures: not plain years, not repeated from the question."""
    asked = read_numbers(question)
    return [n for n in answer_nums if not n.plain_year and not any(n.value == a.value for a in asked)]


# ---------------------------------------------------------------------------------------------------------
# reading words
# ---------------------------------------------------------------------------------------------------------
def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " "))


def has_name(text: str, name: str) -> bool:
    pattern = r"(?<![A-Za-z0-9])" + re.escape(_norm(name).strip()) + r"(?![A-Za-z0-9])"
    return re.search(pattern, _norm(text), re.IGNORECASE) is not None


_SCOPE = re.compile(
    r"\bscope\b|\bnot allowed\b|\bcan'?t see\b|\bcannot see\b|\bcan not see\b|\bnot permitted\b"
    r"|\bpermission|\bnot authori[sz]ed\b|\bno access\b|\b(?:don'?t|do not|doesn'?t|does not) have access\b"
    r"|\bonly (?:see|access|view)\b|\brestricted\b",
    re.IGNORECASE,
)
_CANNOT = re.compile(
    r"\bcan'?t\b|\bcannot\b|\bcan not\b|\bunable to\b|\bnot able to\b|\bno way to\b"
    r"|\b(?:don'?t|do not|doesn'?t|does not) (?:know|have|hold|contain|track|record|store|include)\b"
    r"|\bno (?:data|information|info|record|records|field|figures?)\b|\bnot (?:available|tracked|recorded|stored|captured)\b"
    r"|\bisn'?t (?:available|tracked|recorded|stored|captured)\b|\baren'?t (?:available|tracked|recorded|stored)\b"
    r"|\bnot in the (?:crm|data)\b|\boutside (?:of )?(?:your |my |the )?(?:scope|data|crm)\b|\bnot allowed\b"
    r"|\bno access\b|\bno idea\b|\bnot (?:possible|something i can)\b",
    re.IGNORECASE,
)
_TO_USER = re.compile(r"\b(?:you|your)\b|^(?:should|shall) (?:i|we)\b", re.IGNORECASE)


def says_cannot(text: str) -> bool:
    return _CANNOT.search(_norm(text)) is not None


def asks_user(text: str) -> bool:
    """A sentence ending in '?' that addresses the user (Do you mean ...? Which office do you mean?)."""
    for sentence in re.findall(r"[^.!?\n]*\?", _norm(text)):
        s = sentence.strip().lstrip("*-> ").strip()
        if _TO_USER.search(s):
            return True
    return False


# ---------------------------------------------------------------------------------------------------------
# classifying
# ---------------------------------------------------------------------------------------------------------
def _flag(case: dict, expect: dict, key: str) -> bool:
    return bool(expect.get(key) or case.get(key))


def classify(question: str, expect: dict, answer: str | None, case: dict | None = None) -> tuple[str, str]:
    """(class, reason) for one answer to one question."""
    case = case or {}
    if not isinstance(answer, str) or not answer.strip():
        return "wrong", "no answer"
    nums = read_numbers(answer)
    figs = figures(nums, question)
    absent_said = [a for a in expect.get("absent_numbers", []) if states(nums, a)]
    missing_n = [n for n in expect.get("numbers", []) if not states(nums, n)]
    missing_w = [w for w in expect.get("names", []) if not has_name(answer, w)]
    cannot = says_cannot(answer)

    if _flag(case, expect, "decline"):
        if not figs and cannot:
            return "right", "declined as expected"
    else:
        refuse = _flag(case, expect, "refuse")
        scope_ok = not refuse or _SCOPE.search(_norm(answer)) is not None
        if not missing_n and not missing_w and not absent_said and scope_ok:
            return "right", "all expected figures and names"
    if not absent_said and asks_user(answer):
        return "asked", "asks the user a question"
    if (cannot or _SCOPE.search(_norm(answer))) and not figs:
        return "declined", "says it cannot answer"
    parts = []
    if absent_said:
        parts.append(f"states absent {absent_said}")
    if missing_n:
        parts.append(f"missing numbers {missing_n}")
    if missing_w:
        parts.append(f"missing names {missing_w}")
    if _flag(case, expect, "refuse") and not _SCOPE.search(_norm(answer)):
        parts.append("no scope reason")
    if _flag(case, expect, "decline"):
        parts.append(f"states figures {[n.text for n in figs]}" if figs else "does not say it cannot")
    return "wrong", "; ".join(parts) or "not right"


# ---------------------------------------------------------------------------------------------------------
# files and counts
# ---------------------------------------------------------------------------------------------------------
def load_jsonl(path: Path) -> list[dict]:
    rows = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{i}: not JSON ({e})") from None
    return rows


def units(case: dict, result: dict | None) -> list[dict]:
    """One scored unit per single question, or per dialogue turn."""
    if "turns" in case:
        answers = (result or {}).get("answers")
        answers = answers if isinstance(answers, list) else []
        out = []
        for i, turn in enumerate(case["turns"]):
            answer = answers[i] if i < len(answers) else None
            label, why = classify(turn["input"], turn["expect"], answer, case)
            out.append({"id": f"{case['id']}#{i + 1}", "family": case.get("family", "dialogue"),
                        "split": case.get("split", "?"), "input": turn["input"], "answer": answer,
                        "class": label, "why": why})
        return out
    answer = (result or {}).get("answer")
    label, why = classify(case["input"], case["expect"], answer, case)
    return [{"id": case["id"], "family": case.get("family", "?"), "split": case.get("split", "?"),
             "input": case["input"], "answer": answer, "class": label, "why": why}]


def score(cases: list[dict], results: list[dict], split: str = "all") -> list[dict]:
    by_id = {r.get("id"): r for r in results}
    out = []
    for case in cases:
        if split != "all" and case.get("split") != split:
            continue
        out.extend(units(case, by_id.get(case["id"])))
    return out


def table(scored: list[dict], key: str) -> list[str]:
    groups: dict[str, Counter] = defaultdict(Counter)
    for u in scored:
        groups[u[key]][u["class"]] += 1
    lines = [f"  {key:<14}" + "".join(f"{c:>10}" for c in CLASSES) + f"{'total':>8}"]
    for g in sorted(groups):
        n = sum(groups[g].values())
        lines.append(f"  {g:<14}" + "".join(f"{groups[g][c]:>10}" for c in CLASSES) + f"{n:>8}")
    return lines


def report(scored: list[dict], cases: list[dict], show: str) -> str:
    total = Counter(u["class"] for u in scored)
    n = len(scored)
    lines = [f"{n} answers: " + ", ".join(f"{total[c]} {c}" for c in CLASSES)
             + (f"  (right {total['right'] / n:.1%})" if n else "")]
    lines += ["", "per family:"] + table(scored, "family") + ["", "per split:"] + table(scored, "split")
    dialog_ids = {c["id"] for c in cases if "turns" in c}
    if dialog_ids:
        per: dict[str, list[str]] = defaultdict(list)
        for u in scored:
            per[u["id"].split("#")[0]].append(u["class"])
        whole = [d for d, cls in per.items() if d in dialog_ids]
        ok = sum(all(c == "right" for c in per[d]) for d in whole)
        lines.append(f"\ndialogues with every turn right: {ok} of {len(whole)}")
    if show != "none":
        picked = [u for u in scored if show == "all" or u["class"] != "right"]
        if picked:
            lines.append("")
        for u in picked:
            ans = (u["answer"] or "").replace("\n", " ")
            lines.append(f"[{u['class']}] {u['id']} ({u['family']}, {u['split']}): {u['why']}\n"
                         f"    Q: {u['input']}\n    A: {ans[:300]}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score answers against an understanding cases file.")
    ap.add_argument("cases", type=Path, help="paraphrase.jsonl, dialogues.jsonl or the like")
    ap.add_argument("results", type=Path, help='one {"id", "answer"} or {"id", "answers": [...]} a line')
    ap.add_argument("--split", choices=("dev", "holdout", "all"), default="all")
    ap.add_argument("--min-right", type=float, default=None, metavar="R",
                    help="exit 1 when the share of right answers is below R (0..1)")
    ap.add_argument("--max-wrong", type=int, default=None, metavar="N", help="exit 1 when more than N are wrong")
    ap.add_argument("--show", choices=("wrong", "all", "none"), default="wrong",
                    help="which answers to list under the counts (default: every one not right)")
    args = ap.parse_args(argv)
    try:
        cases, results = load_jsonl(args.cases), load_jsonl(args.results)
    except (OSError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    scored = score(cases, results, args.split)
    print(report(scored, cases, args.show))
    known = {c["id"] for c in cases}
    stray = [r.get("id") for r in results if r.get("id") not in known]
    if stray:
        print(f"\nnote: {len(stray)} result(s) match no case, e.g. {stray[:3]}")
    status = 0
    n = len(scored)
    right = sum(u["class"] == "right" for u in scored)
    wrong = sum(u["class"] == "wrong" for u in scored)
    if args.min_right is not None and (not n or right / n < args.min_right):
        print(f"FAIL: right {right}/{n} is below {args.min_right:.0%}")
        status = 1
    if args.max_wrong is not None and wrong > args.max_wrong:
        print(f"FAIL: {wrong} wrong, more than {args.max_wrong}")
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
