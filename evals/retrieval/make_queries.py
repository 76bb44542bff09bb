"""Write the labelled retrieval queries for the demo company (``python -m evals.retrieval.make_queries``).

Labels come from the generator's ground truth (each deal's objection, play, product, sector and
account), never from a search engine, so no ranking method is favoured by construction. Four kinds
of question, as reps ask them: paraphrased objection + product line + kind of customer (A), a
specific play with an exact product (B), a named account and product (C), a paraphrased play and
kind of customer (D). Only combinations with 1 to 8 relevant deals are kept.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

from copilot.demo.generator import build_company

SEED, DEALS = 7, 2000
OUT = Path(__file__).with_name("queries.jsonl")

OBJECTION_WORDS = {
    "price": ["the buyer says we cost too much", "finance balked at what we charge"],
    "incumbent": ["they are loyal to the supplier they already use", "they would rather stay with their existing provider"],
    "security": ["the infosec people want to audit us before buying", "their security chief fears for the data"],
    "integration": ["IT thinks wiring us into their ERP will be a long project", "hooking into their old systems looks hard"],
    "timing": ["there is no money until the new financial year", "the spend is on hold for now"],
    "compliance": ["their lawyers must check privacy regulations first", "auditors want to know how long records are kept"],
    "adoption": ["staff may not use yet another tool", "they worry nobody will log in after launch"],
}
SECTOR_WORDS = {
    ("medical", "healthcare"): ["a hospital group", "a clinic network"],
    ("finance",): ["a bank", "an asset manager"],
    ("retail",): ["a retailer", "a store chain"],
    ("software", "technology"): ["a tech company", "a software firm"],
    ("telecommunications",): ["a telco", "a mobile operator"],
    ("manufacturing",): ["a factory operator", "an industrial manufacturer"],
    ("logistics",): ["a shipping company", "a freight business"],
    ("education",): ["a university", "a school district"],
    ("energy",): ["a utility", "a power company"],
    ("entertainment",): ["a media company", "a studio"],
    ("marketing",): ["an agency", "a marketing firm"],
    ("services",): ["a consultancy", "a services firm"],
}
PLAY_WORDS = {  # paraphrases of winning plays, sharing few words with the notes
    "built an ROI model from their own ticket volumes showing payback inside nine months":
        "showed them the investment pays for itself within the year using their own numbers",
    "proposed a phased rollout starting with one business unit to spread the cost":
        "started small with a single department so the spend was spread out",
    "ran a side-by-side proof of concept against the incumbent on their real data":
        "a head-to-head trial versus the current supplier on live data",
    "brought our security engineer to walk the CISO through the architecture and SOC 2 report":
        "our engineer explained the design and audit certifications to their security chief",
    "scoped a two-week integration with our solutions engineer using the prebuilt ERP connector":
        "a short, fixed plan to hook into their ERP with the ready-made connector",
    "found a smaller pilot that fit the current quarter's discretionary budget":
        "a trimmed-down trial they could pay for out of this quarter's spare money",
    "sent our signed DPA and HIPAA business associate agreement the same day":
        "returned the signed privacy paperwork within hours",
    "proposed a champion programme with training for the first fifty users":
        "trained an internal advocate group to drive usage",
}


def main() -> None:
    rng = random.Random(2024)
    _, _, deals = build_company(DEALS, SEED)
    won = [d for d in deals if d.stage == "Won"]
    closed = [d for d in deals if d.stage in ("Won", "Lost")]
    queries: list[dict] = []

    def add(kind: str, text: str, relevant: list[str], outcome: str) -> None:
        if 1 <= len(relevant) <= 8 and all(q["query"] != text for q in queries):
            queries.append({"id": f"{kind}{len([q for q in queries if q['kind'] == kind]) + 1:02d}", "kind": kind,
                            "query": text, "outcome": outcome, "relevant": sorted(relevant)})

    groups = defaultdict(list)
    for d in won:
        groups[("A", d.objection, d.product[1], _sector_group(d.account.sector))].append(d.id)
        groups[("B", d.play, d.product[0])].append(d.id)
        groups[("D", d.play, _sector_group(d.account.sector))].append(d.id)
    keys = sorted(groups, key=repr)
    rng.shuffle(keys)
    for key in keys:
        kind = key[0]
        if kind == "A" and key[3] and sum(q["kind"] == "A" for q in queries) < 15:
            who = rng.choice(SECTOR_WORDS[key[3]])
            add("A", f"How did we win {key[2]} deals at {who} when {rng.choice(OBJECTION_WORDS[key[1]])}?",
                groups[key], "won")
        elif kind == "B" and sum(q["kind"] == "B" for q in queries) < 15:
            add("B", f"{key[2]}: we {key[1]}", groups[key], "won")
        elif kind == "D" and key[1] in PLAY_WORDS and key[2] and sum(q["kind"] == "D" for q in queries) < 15:
            who = rng.choice(SECTOR_WORDS[key[2]])
            add("D", f"Which deals with {who} did we win after {PLAY_WORDS[key[1]]}?", groups[key], "won")
    by_account = defaultdict(list)
    for d in closed:
        by_account[(d.account.name, d.product[0])].append(d.id)
    for (account, product) in sorted(by_account, key=repr)[::7]:
        if sum(q["kind"] == "C" for q in queries) >= 15:
            break
        add("C", f"What did we learn selling {product} to {account}?", by_account[(account, product)], "any")
    queries.sort(key=lambda q: q["id"])
    OUT.write_text("".join(json.dumps(q) + "\n" for q in queries), encoding="utf-8")
    print(f"wrote {len(queries)} queries to {OUT}")


def _sector_group(sector: str) -> tuple[str, ...] | None:
    return next((g for g in SECTOR_WORDS if sector in g), None)


if __name__ == "__main__":
    main()
