"""Offline evaluation: datasets of cases, evaluators that check answers, named variants, and an engine that
runs every case under every variant and reports pass rates and paired comparisons with their statistics.

    cases = dataset.load(Path("../shared/evals/crm_qa_dev.jsonl"))
    specs = variants.pick(variants.load(), ["offline", "offline-lexical"])
    engine.run(cases, specs, out=Path("runs/today"), settings=get_settings())
"""
