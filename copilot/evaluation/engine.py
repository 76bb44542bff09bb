"""The evaluation engine: every case under every variant, K trials each, answered, kept and checked.

One copilot is built per variant (``copilot.services.build_services``) over the same workspace. The offline
planner computes in this process, so its cases run one at a time; a variant on an OpenAI-compatible endpoint
waits on the network, so its cases run side by side (``workers``). Answers are kept on disk
(``copilot.evaluation.cache``) and checks are made afresh on every run, so a kept answer is re-scored when
expectations change. The run writes ``results.jsonl``, ``report.md``, ``report.html`` and ``run.json``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import Engine

from copilot.evaluation import cache as caching
from copilot.evaluation import registry
from copilot.evaluation.dataset import Case, DatasetError, json_lines
from copilot.evaluation.evaluators import Check, Environment, Evaluator, Judge, Outcome
from copilot.evaluation.variants import Spec, VariantsError

WORKERS = 8
"""Cases of a remote back-end in flight at once."""


@dataclass
class Run:
    """A finished run: its rows (one per case, variant and trial) and where they were written."""

    rows: list[dict[str, Any]]
    out: Path
    variants: list[Spec]
    trials: int
    calls: int = 0
    """Cases that asked the copilot (the others came from the cache)."""
    meta: dict[str, Any] = field(default_factory=dict)


def judge_model(settings: Any, model: str) -> Judge:
    """A judge on the OpenAI-compatible endpoint of ``settings`` (OPENAI_API_KEY, OPENAI_BASE_URL)."""
    from langchain_core.messages import HumanMessage, SystemMessage
    from langchain_openai import ChatOpenAI

    chat = ChatOpenAI(model=model, api_key=settings.openai_api_key or "unused", base_url=settings.openai_base_url,
                      timeout=settings.llm_timeout, max_retries=1, temperature=0)

    def ask(instructions: str, text: str) -> str:
        return str(chat.invoke([SystemMessage(content=instructions), HumanMessage(content=text)]).content)

    return ask


def check_ready(specs: list[Spec], settings: Any) -> None:
    """A remote variant needs an endpoint: say so before anything runs."""
    for spec in specs:
        if spec.variant.backend == "openai" and not (settings.openai_api_key or settings.openai_base_url):
            raise VariantsError(f"variant {spec.name!r} uses the openai back-end: set OPENAI_API_KEY (and "
                                "OPENAI_BASE_URL for an endpoint other than OpenAI's)")


def check_users(cases: list[Case], engine: Engine, dataset: Path | str) -> None:
    """Every case's user is a user of the workspace (else ``FILE:LINE``)."""
    from copilot.crm.errors import ToolError
    from copilot.crm.identity import identity_for

    known: dict[str, bool] = {}
    for case in cases:
        if case.user not in known:
            try:
                identity_for(engine, case.user)
                known[case.user] = True
            except ToolError:
                known[case.user] = False
        if not known[case.user]:
            raise DatasetError(f"{dataset}:{case.line or '?'}: user {case.user!r} is not a user of this workspace")


class _Users:
    """One lock per user whose saved preferences a case sets, so no other case of theirs runs meanwhile."""

    def __init__(self, cases: list[Case]) -> None:
        self._guard = threading.Lock()
        self._locks = {c.user: threading.Lock() for c in cases if c.setup.preferences}

    @contextmanager
    def hold(self, user: str) -> Iterator[None]:
        lock = self._locks.get(user)
        if lock is None:
            yield
            return
        with lock:
            yield


@contextmanager
def _preferences(copilot: Any, user: str, wanted: dict[str, str]) -> Iterator[None]:
    """The user's saved preferences are exactly ``wanted`` for the block, and what they were afterwards."""
    if not wanted:
        yield
        return
    from memory import get_preferences, set_preference

    store = copilot.store
    namespace = ("preferences", user)
    before = {item.key: item.value for item in store.search(namespace, limit=50)}
    for key in get_preferences(store, user):
        store.delete(namespace, key)
    try:
        for key, value in wanted.items():
            set_preference(store, user, key, value)
        yield
    finally:
        for key in get_preferences(store, user):
            store.delete(namespace, key)
        for key, value in before.items():
            store.put(namespace, key, value)


def ask_case(copilot: Any, case: Case, reads: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """Every turn of ``case`` asked in one new conversation; what each produced (with the results of the tools
    named in ``reads``)."""
    thread = f"eval-{uuid.uuid4().hex[:20]}"
    turns: list[dict[str, Any]] = []

    def failed(text: str, exc: Exception, started: float) -> dict[str, Any]:
        return {"input": text, "answer": "", "tool_calls": [], "drafts": [], "notes": [], "usage": {},
                "latency_ms": (time.perf_counter() - started) * 1000, "error": f"{type(exc).__name__}: {exc}"[:500]}

    try:
        with _preferences(copilot, case.user, case.setup.preferences):
            for turn in case.steps:
                start = time.perf_counter()
                try:
                    r = copilot.ask(turn.input, case.user, thread_id=thread)
                except Exception as exc:  # noqa: BLE001 - a turn that fails is recorded and checked as failed
                    turns.append(failed(turn.input, exc, start))
                    continue
                turns.append({"input": turn.input, "answer": r.answer, "tool_calls": r.tool_calls,
                              "drafts": [{k: d.get(k) for k in ("to", "to_email", "cc", "subject", "body", "reply_to",
                                                                "language", "account")} for d in r.drafts],
                              "notes": r.notes, "usage": r.usage, "latency_ms": (time.perf_counter() - start) * 1000,
                              "error": None, "model": r.model, "prompt_version": r.prompt_version,
                              "variant": r.variant, "variant_hash": r.variant_hash,
                              "results": [x for x in r.tool_results if x["name"] in reads]})
    except Exception as exc:  # noqa: BLE001 - preferences that cannot be set fail every turn of the case
        return [failed(t.input, exc, time.perf_counter()) for t in case.steps]
    return turns


def score(case: Case, turns: list[dict[str, Any]], evaluators: list[Evaluator]) -> list[Check]:
    """The checks of every turn of ``case`` on what it produced."""
    checks: list[Check] = []
    earlier: list[Outcome] = []
    several = case.turns is not None
    for i, (turn, got) in enumerate(zip(case.steps, turns, strict=True)):
        outcome = Outcome(turn.input, got["answer"], got["tool_calls"], got.get("drafts") or [], got.get("notes") or [],
                          got.get("error"), case.user, got.get("results") or [], list(earlier))
        for evaluator in evaluators:
            if evaluator.applies(turn.expect):
                try:
                    check = evaluator(outcome, turn.expect)
                except Exception as exc:  # noqa: BLE001 - a broken evaluator fails its check, with the reason
                    check = Check(evaluator.name, False, f"the evaluator failed: {type(exc).__name__}: {exc}"[:300])
                check.turn = i + 1 if several else None
                checks.append(check)
        earlier.append(outcome)
    return checks


def verdict(checks: list[Check]) -> bool | None:
    """False if any check failed, True if at least one passed and none failed, None if none could be made."""
    if any(c.passed is False for c in checks):
        return False
    return True if any(c.passed for c in checks) else None


def row(case: Case, spec: Spec, trial: int, turns: list[dict[str, Any]], checks: list[Check], cached: bool
        ) -> dict[str, Any]:
    several = case.turns is not None
    usage: dict[str, int] = {}
    for t in turns:
        for k, v in (t.get("usage") or {}).items():
            usage[k] = usage.get(k, 0) + int(v)
    first = next((t for t in turns if t.get("model")), {})
    return {
        # the run's variant, not the one an answer kept in the cache names: two variants that differ only by name
        # share a hash, so one's kept answers serve the other
        "id": case.id, "variant": spec.name,
        "variant_hash": first.get("variant_hash") or spec.variant.hash,
        "prompt_version": first.get("prompt_version") or spec.variant.prompt_version,
        "model": first.get("model") or "", "trial": trial, "user": case.user,
        "question": [t["input"] for t in turns] if several else turns[0]["input"],
        "answer": [t["answer"] for t in turns] if several else turns[0]["answer"],
        "tool_calls": [t["tool_calls"] for t in turns] if several else turns[0]["tool_calls"],
        "passed": verdict(checks), "checks": [c.to_dict() for c in checks],
        "latency_ms": round(sum(t["latency_ms"] for t in turns), 2),
        "tokens": usage or None, "cost": spec.cost(usage),
        "notes": sorted({n for t in turns for n in t.get("notes") or []}),
        "error": next((t["error"] for t in turns if t.get("error")), None), "cached": cached,
        "labels": case.labels,
    }


def run(cases: list[Case], specs: list[Spec], *, out: Path, settings: Any, engine: Engine | None = None,
        trials: int = 1, cache_dir: Path | None = None, judge: Judge | None = None,
        clock: Callable[[], dt.datetime] | None = None, workers: int = WORKERS, progress: bool = False,
        talk_store: Callable[[], Any] | None = None, dataset: Path | str = "", seed: int | None = None) -> Run:
    """Run ``cases`` under ``specs``, ``trials`` times each, and write the results and reports to ``out``.

    ``cache_dir``: where answers are kept (None: nothing kept, nothing reused); ``judge``: the judge model for
    rubrics (None: rubric checks are skipped); ``clock``: a fixed 'now' for every turn; ``talk_store``: how the
    talk-track store is opened (shared by the variants).
    """
    from copilot.evaluation.report import write
    from copilot.services import build_services
    from copilot.workspace import open_database

    if trials < 1:
        raise ValueError("--trials is at least 1")
    check_ready(specs, settings)
    own_engine = engine is None
    engine = engine if engine is not None else open_database(settings)
    started = dt.datetime.now(dt.UTC)
    try:
        check_users(cases, engine, dataset)
        store: dict[str, Any] = {}
        store_lock = threading.Lock()

        def shared_store() -> Any:
            with store_lock:
                if "store" not in store:
                    if talk_store is not None:
                        store["store"] = talk_store()
                    else:
                        from tools.talk_tracks.store import TalkTrackStore

                        store["store"] = TalkTrackStore(settings)
                return store["store"]

        evaluators = registry.evaluators(Environment(engine, settings, judge))
        reads = frozenset(t for e in evaluators for t in e.reads)
        kept = caching.Cache(cache_dir) if cache_dir is not None else None
        fixed = {"code": caching.code_fingerprint(), "data": caching.data_fingerprint(engine),
                 "now": clock().isoformat() if clock is not None else None}
        users = _Users(cases)
        results: dict[tuple[int, int, int], dict[str, Any]] = {}
        asked = 0
        extra = {"clock": clock} if clock is not None else {}
        with ExitStack() as stack:
            copilots = [stack.enter_context(build_services(settings, engine=engine, variant=s.variant,
                                                           talk_store=shared_store, **extra)).copilot for s in specs]
            local = stack.enter_context(ThreadPoolExecutor(max_workers=1, thread_name_prefix="eval-offline"))
            remote = stack.enter_context(ThreadPoolExecutor(max_workers=max(1, workers),
                                                            thread_name_prefix="eval-remote"))
            bars = stack.enter_context(Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                                TimeElapsedColumn(), console=Console(stderr=True),
                                                disable=not progress, transient=False))
            pending: dict[Future[list[dict[str, Any]]], tuple[tuple[int, int, int], str]] = {}
            ids = []
            for v, (spec, copilot) in enumerate(zip(specs, copilots, strict=True)):
                bar = bars.add_task(spec.name, total=len(cases) * trials)
                ids.append(bar)
                pool = remote if copilot.model.startswith("openai:") else local
                for c, case in enumerate(cases):
                    for t in range(1, trials + 1):
                        k = caching.key(variant=spec.variant.hash, request=case.request(), trial=t, reads=sorted(reads),
                                        **fixed)
                        hit = kept.get(k) if kept is not None else None
                        if hit is not None:
                            results[(v, c, t)] = row(case, spec, t, hit["turns"], score(case, hit["turns"],
                                                                                         evaluators), True)
                            bars.advance(bar)
                            continue

                        def task(copilot: Any = copilot, case: Case = case) -> list[dict[str, Any]]:
                            with users.hold(case.user):
                                return ask_case(copilot, case, reads)

                        pending[pool.submit(task)] = ((v, c, t), k)
            for future in as_completed(pending):
                (v, c, t), k = pending[future]
                turns = future.result()
                asked += 1
                if kept is not None and not any(x.get("error") for x in turns):
                    kept.put(k, {"turns": turns})
                results[(v, c, t)] = row(cases[c], specs[v], t, turns, score(cases[c], turns, evaluators), False)
                bars.advance(ids[v])
        rows = [results[key] for key in sorted(results)]
        meta = {"dataset": str(dataset), "dataset_sha256": _sha(dataset), "cases": len(cases), "trials": trials,
                "variants": [{"name": s.name, "hash": s.variant.hash, "prompt": s.variant.prompt,
                              "prompt_version": s.variant.prompt_version, "backend": s.variant.backend,
                              "model": s.variant.model, "tools": list(s.variant.tools) if s.variant.tools else None,
                              "retrieval": {"mode": s.variant.retrieval_mode, "k": s.variant.retrieval_k},
                              "temperature": s.variant.temperature} for s in specs],
                "judge": judge is not None, "code": fixed["code"], "data": fixed["data"], "now": fixed["now"],
                "started": started.isoformat(timespec="seconds"),
                "finished": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "asked": asked,
                "from_cache": len(rows) - asked}
        result = Run(rows, Path(out), list(specs), trials, asked, meta)
        write(result, seed=seed)
        return result
    finally:
        if own_engine:
            engine.dispose()


def _sha(path: Path | str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16] if path else None
    except OSError:
        return None


def read_rows(folder: Path) -> list[dict[str, Any]]:
    """The rows of an earlier run's ``results.jsonl`` (an error names the file and line)."""
    path = Path(folder) / "results.jsonl"
    if not path.is_file():
        raise DatasetError(f"{folder}: no results.jsonl here (not the output of copilot eval run)")
    rows = []
    for number, r in json_lines(path, "cannot be read"):
        missing = [k for k in ("id", "variant", "trial", "passed", "checks") if not isinstance(r, dict) or k not in r]
        if missing:
            raise DatasetError(f"{path}:{number}: a result row needs {', '.join(missing)}")
        problem = _bad_row(r)
        if problem:
            raise DatasetError(f"{path}:{number}: {problem}")
        rows.append(r)
    if not rows:
        raise DatasetError(f"{path}: no results")
    return rows


def _bad_row(r: dict[str, Any]) -> str | None:
    """What is wrong with a result row read back (the fields a comparison reads), or None."""
    number = (int, float)
    if isinstance(r["id"], bool) or not isinstance(r["id"], str | int):
        return "id is not a text"
    if not isinstance(r["variant"], str):
        return "variant is not a text"
    if r["passed"] is not None and not isinstance(r["passed"], bool):
        return "passed is not true, false or null"
    checks = r["checks"]
    if not isinstance(checks, list) or not all(isinstance(c, dict) and isinstance(c.get("name"), str)
                                                and (c.get("passed") is None or isinstance(c.get("passed"), bool))
                                                for c in checks):
        return "checks is not a list of {name, passed}"
    for key, kind, what in (("latency_ms", number, "a number"), ("cost", number, "a number"),
                            ("tokens", dict, "an object"), ("notes", list, "a list"),
                            ("question", (str, list), "a text or a list")):
        value = r.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, kind)):
            return f"{key} is not {what}"
    return None
