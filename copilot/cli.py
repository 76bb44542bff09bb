"""The ``copilot`` command line. It wires settings, the database and the packages together; the
work itself lives in the packages."""

from __future__ import annotations

import json
import logging
import sqlite3
import sys
import warnings
from pathlib import Path
from typing import Annotated

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.text import Text
from sqlalchemy.exc import SAWarning, SQLAlchemyError

from connectors.csvsource import ImportFileError
from connectors.report import ImportReport
from copilot.ab_cli import ab_app
from copilot.ab_online_cli import register as register_online_experiments
from copilot.crm.errors import ToolError
from copilot.crm.values import visible
from copilot.eval_cli import eval_app

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="A sales copilot that runs on your own CRM data.")
import_app = typer.Typer(no_args_is_help=True, help="Bring CRM data into the workspace.")
db_app = typer.Typer(no_args_is_help=True, help="The workspace database.")
app.add_typer(import_app, name="import")
app.add_typer(db_app, name="db")
users_app = typer.Typer(no_args_is_help=True, help="Users: reps, managers and sales-ops.")
accounts_app = typer.Typer(no_args_is_help=True, help="Accounts.")
app.add_typer(users_app, name="users")
app.add_typer(accounts_app, name="accounts")
# experiments: analysis of any table (ab_cli) and the workspace's online experiments (ab_online_cli)
register_online_experiments(ab_app)
app.add_typer(ab_app, name="ab")
app.add_typer(eval_app, name="eval")

# Markup is off everywhere: names, questions, answers and stored text are printed literally (a user
# called "[/]" is just a name). Styling is given explicitly with rich.text.Text.
out = Console(soft_wrap=True, markup=False, highlight=False)
err = Console(stderr=True, soft_wrap=True, markup=False, highlight=False)


def shown(text: object) -> str:
    """Text from outside made safe for a terminal: control characters as visible codes."""
    return visible(text)


def styled(*parts: str | tuple[str, str]) -> Text:
    """Literal text with styled pieces: styled(("error: ", "bold red"), message)."""
    return Text.assemble(*((shown(p[0]), p[1]) if isinstance(p, tuple) else shown(p) for p in parts))

AllowRejects = Annotated[bool, typer.Option("--allow-rejects", help="Import the good rows even if some are rejected.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print the report as one JSON object.")]
# Import inputs are checked by the importers, which say what is wrong in one line naming the path (click's
# own readability check would answer an unreadable file with a usage message instead).
ImportPath = Annotated[Path, typer.Argument(readable=False)]


class UserError(Exception):
    """A problem the person running the command can fix; shown as one line, never a traceback."""


def _settings():  # noqa: ANN202
    from copilot.settings import SettingsError, checked_settings

    try:
        return checked_settings()
    except SettingsError as exc:
        raise UserError(str(exc)) from None


def _engine(settings):  # noqa: ANN001, ANN202
    from copilot.workspace import open_database

    return open_database(settings)


def _import_engine(settings):  # noqa: ANN001, ANN202
    """The workspace database for an import; a workspace that cannot be used is one line naming its path."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import OperationalError

    try:
        return _engine(settings)
    except OSError as exc:
        raise UserError(f"{exc.filename or settings.home}: cannot use the workspace directory "
                        f"({exc.strerror or exc})") from None
    except OperationalError as exc:
        url = make_url(settings.effective_database_url)
        if url.get_backend_name() != "sqlite":
            raise
        reason = str(exc.orig or exc).strip().splitlines()[0]
        raise UserError(f"{url.database}: cannot open the workspace database ({reason})") from None


def _finish(report: ImportReport, as_json: bool) -> None:
    if as_json:
        out.print_json(json.dumps(report.to_dict(), default=str))
    else:
        report.render(out)
    if report.rejected_total and not report.committed:
        raise typer.Exit(1)


@import_app.command("maven")
def import_maven_cmd(directory: ImportPath, allow_rejects: AllowRejects = False, as_json: AsJson = False) -> None:
    """Import a Maven CRM export: accounts.csv, products.csv, sales_teams.csv, sales_pipeline.csv."""
    from connectors.maven import import_maven

    settings = _settings()
    report = import_maven(_import_engine(settings), directory, allow_rejects=allow_rejects,
                          batch_size=settings.import_batch_size)
    _finish(report, as_json)


@import_app.command("activities")
def import_activities_cmd(
    activities: ImportPath,
    contacts: Annotated[Path | None, typer.Option("--contacts", help="contacts.csv, imported first.",
                                                  readable=False)] = None,
    allow_rejects: AllowRejects = False,
    as_json: AsJson = False,
) -> None:
    """Import activities (and contacts) in the canonical CSV format."""
    from connectors.activities import import_activities

    settings = _settings()
    report = import_activities(_import_engine(settings), activities, contacts, allow_rejects=allow_rejects,
                               batch_size=settings.import_batch_size, max_text_chars=settings.max_text_chars)
    _finish(report, as_json)


@import_app.command("notes")
def import_notes_cmd(path: ImportPath, allow_rejects: AllowRejects = False, as_json: AsJson = False) -> None:
    """Import deal notes, call summaries and e-mails (deal_notes.csv)."""
    from connectors.notes import import_notes

    settings = _settings()
    report = import_notes(_import_engine(settings), path, allow_rejects=allow_rejects,
                          batch_size=settings.import_batch_size, max_text_chars=settings.max_text_chars)
    _finish(report, as_json)


@app.command("generate")
def generate_cmd(
    out_dir: Path,
    deals: Annotated[int, typer.Option(min=1, max=100_000, help="Number of deals.")] = 2000,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed gives the same files.")] = 7,
    max_activities: Annotated[int | None, typer.Option(min=1, help="Stop after this many activity rows.")] = None,
    notes: Annotated[bool, typer.Option(help="Write deal_notes.csv.")] = True,
) -> None:
    """Write the synthetic demo company as CSV files (Maven and canonical formats)."""
    from copilot.demo import generate

    files = generate(out_dir, deals=deals, seed=seed, max_activities=max_activities, notes=notes)
    out.print(f"Synthetic company written to {files.directory}: {files.deals:,} deals, "
              f"{files.activities:,} activities, {files.notes:,} deal notes.")


@app.command("demo")
def demo_cmd(
    deals: Annotated[int, typer.Option(min=1, max=100_000, help="Deals in the demo company.")] = 2000,
    rebuild: Annotated[bool, typer.Option(help="Build the demo workspace again.")] = False,
    chat: Annotated[bool | None, typer.Option(help="Chat afterwards (default: when on a terminal).")] = None,
    as_user: Annotated[str, typer.Option("--as", help="Who you are in the chat.")] = "ops",
) -> None:
    """Build the synthetic demo workspace if it is missing, then show the copilot answering."""
    from copilot.demo import ANCHOR
    from copilot.demo.tour import demo_questions
    from copilot.services import build_services
    from copilot.workspace import build_demo, has_data

    settings = _settings()
    engine = _engine(settings)
    if rebuild or not has_data(engine):
        out.print(f"Building the demo workspace in {settings.home} (synthetic company, {deals:,} deals)...")
        build = build_demo(settings, engine, deals=deals)
        for report in build.reports:
            report.render(out)
    synthetic = (settings.home / "demo-data" / "SYNTHETIC.txt").exists()
    store = _index(settings, engine)
    label = "synthetic demo data" if synthetic else "your workspace's data"
    out.rule(styled(("Sales copilot demo", "bold"), f" ({label})"))
    clock = (lambda: ANCHOR.replace(tzinfo=None)) if synthetic else None
    with build_services(settings, engine=engine, clock=clock, talk_store=lambda: store) as services:
        copilot = services.copilot
        for user, question in demo_questions(engine):
            out.print(styled((f"{user}:", "bold cyan"), f" {question}"))
            result = copilot.ask(question, user)
            for line in result.answer.splitlines():
                out.print(shown(f"   {line}"))
            calls = ", ".join(c["name"] for c in result.tool_calls)
            out.print(styled((f"   tools: {calls or 'none'}", "dim")))
        if chat is None:
            chat = sys.stdin.isatty()
        if not chat:
            return
        copilot.context(as_user)  # an unknown user fails here, before the first question
        out.print(f"Ask anything as {as_user} (empty line to quit).", highlight=False)
        _chat_loop(copilot, as_user, None)


@users_app.command("list")
def users_list(role: Annotated[str | None, typer.Option(help="rep, manager or ops")] = None,
               as_json: AsJson = False) -> None:
    """List users with their role, manager, office, e-mail, Slack id and time zone."""
    from rich.table import Table

    from copilot.crm.admin import list_users

    rows = list_users(_engine(_settings()), role)
    if as_json:
        out.print_json(json.dumps(rows))
        return
    table = Table("name", "role", "manager", "office", "email", "slack id", "time zone")
    for r in rows:
        table.add_row(*(str(r[k] or "") for k in ("name", "role", "manager", "regional_office", "email",
                                                  "slack_user_id", "timezone")))
    out.print(table)


@users_app.command("set")
def users_set(
    name: str,
    email: Annotated[str | None, typer.Option(help="The user's e-mail address.")] = None,
    slack_id: Annotated[str | None, typer.Option("--slack-id", help="The user's Slack member id.")] = None,
    timezone: Annotated[str | None, typer.Option("--timezone", help="The user's time zone (IANA name, e.g. "
                                                                    "Europe/Berlin).")] = None,
) -> None:
    """Record a user's e-mail address, Slack member id and/or time zone."""
    from copilot.crm.admin import set_user

    set_user(_engine(_settings()), name, email=email, slack_user_id=slack_id, timezone=timezone)
    out.print(shown(f"Updated {name}."))


@accounts_app.command("tier")
def accounts_tier(account: str, tier: Annotated[str, typer.Argument(help="key or standard")],
                  as_user: Annotated[str, typer.Option("--as", help="You (only sales-ops may change a tier).")]) -> None:
    """Mark an account as a key account (or back to standard). Sales-ops only; audited."""
    from copilot.crm.admin import set_tier
    from copilot.crm.identity import identity_for

    engine = _engine(_settings())
    before = set_tier(engine, account, tier, by=identity_for(engine, as_user))
    out.print(shown(f"{account} is now a {tier} account (was {before})."))


def _index(settings, engine):  # noqa: ANN001, ANN202
    """Bring the talk-track index up to date, with a progress bar; returns the store."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from tools.talk_tracks.indexer import index_deals
    from tools.talk_tracks.store import TalkTrackStore

    store = TalkTrackStore(settings)
    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                  TimeRemainingColumn(), console=err, transient=True) as bar:
        task = bar.add_task("embedding deal notes", total=None)
        report = index_deals(engine, store, progress=lambda done, total: bar.update(task, completed=done, total=total))
    if report.rebuilt:
        out.print(f"Rebuilt the talk-track index: {report.reason}.")
    if report.embedded or report.deleted:
        out.print(f"Indexed {report.documents:,} deal notes: {report.embedded:,} embedded, "
                  f"{report.unchanged:,} unchanged, {report.deleted:,} removed, in {report.seconds:.1f} s.")
    store.last_report = report
    return store


@app.command("index")
def index_cmd() -> None:
    """Bring the talk-track index up to date with the deal notes (only new or changed notes are embedded).

    A damaged index is found first: its files are moved aside (named .damaged-<time>) and it is rebuilt from the CRM.
    """
    from tools.talk_tracks.store import repair_index

    settings = _settings()
    engine = _engine(settings)
    repairs = repair_index(settings)
    for repair in repairs:
        out.print(shown(f"The talk-track index is damaged: {repair.damaged} {repair.why}. Moved {repair.moved.name} "
                        f"aside to {repair.moved_to}; rebuilding it from the CRM."))
    report = _index(settings, engine).last_report
    if repairs and not (report.embedded or report.deleted):
        out.print(f"Rebuilt the talk-track word index from the CRM ({report.documents:,} deal notes, in "
                  f"{report.seconds:.1f} s; the vectors were intact).")
    elif not (report.embedded or report.deleted):
        out.print(f"The talk-track index is up to date ({report.documents:,} deal notes, checked in "
                  f"{report.seconds:.1f} s).")


@app.command("talk-tracks")
def talk_tracks_cmd(
    query: str,
    as_user: Annotated[str, typer.Option("--as", help="Your name as in the CRM, or ops.")],
    product: Annotated[list[str] | None, typer.Option(help="Only deals for this product.")] = None,
    sector: Annotated[list[str] | None, typer.Option(help="Only deals in this sector.")] = None,
    outcome: Annotated[str, typer.Option(help="won, lost or any")] = "any",
    limit: Annotated[int, typer.Option(min=1, max=10)] = 3,
    as_json: AsJson = False,
) -> None:
    """What won similar deals, and what lost ones tried, from the deal archive."""
    from copilot.crm.identity import identity_for
    from tools.talk_tracks.search import search_talk_tracks
    from tools.talk_tracks.store import TalkTrackStore

    settings = _settings()
    engine = _engine(settings)
    identity = identity_for(engine, as_user)
    result = search_talk_tracks(engine, TalkTrackStore(settings), identity,
                                {"query": query, "product": product or None, "sector": sector or None,
                                 "outcome": outcome, "limit": limit})
    if as_json:
        out.print_json(result.model_dump_json())
        return
    if result.plays:
        out.print(styled(("Lines to try", "bold")))
        for i, play in enumerate(result.plays, 1):
            out.print(shown(f"  {i}. {play.line}"))
            for e in play.evidence:
                out.print(styled((f"     {e.cite}", "dim")))
    for play in result.avoid:
        out.print(shown(f"  Avoid: {play.action} ({play.won} won, {play.lost} lost where tried)"))
    for c in result.contradictions:
        out.print(shown(f"  Notes of deal {c.deal_id} ({c.outcome}) disagree about '{c.action}': "
                        + " / ".join(n.text for n in c.notes)))
    for title, items in (("What worked", result.worked), ("What didn't work", result.did_not_work)):
        out.print(styled((title, "bold")))
        for s in items or []:
            out.print(shown(f"  - {s.text}"))
            out.print(styled((f"    {s.cite} ({s.product}, {s.sector})"
                              f"{' - contact details hidden' if s.redacted else ''}", "dim")))
        if not items:
            out.print("  nothing similar found")


AsUser = Annotated[str, typer.Option("--as", help="Your name as in the CRM (a rep or manager), or ops.")]


def _calibration(model, as_json: bool) -> None:  # noqa: ANN001
    from rich.table import Table

    report = {"trained_on_touches": model.trained_on, "slices": model.calibration.slices,
              "rows": model.calibration.rows}
    if as_json:
        out.print_json(json.dumps(report))
        return
    if not model.calibration.rows:
        out.print("Too few touches to set a later slice aside: the model is not calibrated.")
        return
    table = Table(title=f"Reply model calibration on the latest touches ({model.calibration.slices['measure']})",
                  title_justify="left")
    for column in ("probabilities", "prior touches", "n", "Brier", "ECE", "mean p", "reply rate"):
        table.add_column(column)
    for r in model.calibration.rows:
        if r.get("n"):
            table.add_row(r["p"], r["group"].replace(" prior touches", ""), f"{r['n']:,}", f"{r['brier']:.3f}",
                          f"{r['ece']:.3f}", f"{r['mean_p']:.3f}", f"{r['reply_rate']:.3f}")
    out.print(table)


@app.command("followup")
def followup_cmd(
    contact: Annotated[str | None, typer.Option("--contact", help="The contact's e-mail.")] = None,
    batch: Annotated[Path | None, typer.Option("--batch", help='JSON lines {"id", "contact_email", "now"}; '
                                                               "one JSON line out per line in.")] = None,
    now: Annotated[str | None, typer.Option("--now", help="As of this ISO 8601 time (default: now).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    activities: Annotated[Path | None, typer.Option(help="Learn from this activities.csv instead of the "
                                                         "workspace (with --contacts).")] = None,
    contacts: Annotated[Path | None, typer.Option(help="contacts.csv, with --activities.")] = None,
    accounts: Annotated[Path | None, typer.Option(help="accounts.csv (sector, size, country, and who owns each "
                                                       "account from subsidiary_of), optional.")] = None,
    pipeline: Annotated[Path | None, typer.Option(help="sales_pipeline.csv (deal stages), optional.")] = None,
    calibration: Annotated[bool, typer.Option("--calibration", help="Show how well the reply model is calibrated "
                                                                    "on the latest touches, and stop.")] = False,
) -> None:
    """When to follow up: the best moment in the next 10 days, two alternatives, and the habit's odds; times in
    the contact's time zone, and in COPILOT_TIMEZONE when it is set (ISO 8601 with --json)."""
    from tools.followup import Timing
    from tools.followup.batch import parse_now, run_batch
    from tools.followup.wording import reworded, when

    if (contact is None) == (batch is None) and not calibration:
        raise UserError("give either --contact EMAIL or --batch FILE")
    if (activities is None) != (contacts is None):
        raise UserError("--activities and --contacts go together")
    settings = _settings()
    if activities is not None and contacts is not None:
        for path in (activities, contacts, accounts, pipeline):
            if path is not None and not path.is_file():
                raise UserError(f"{path}: no such file")
        timing = Timing.for_files(activities, contacts, accounts, pipeline, home=settings.home)
    else:
        timing = Timing.for_database(_engine(settings), settings.home)
    if calibration:
        _calibration(timing.model, as_json)
        return
    if batch is not None:
        if not batch.is_file():
            raise UserError(f"{batch}: no such file")
        with batch.open(encoding="utf-8", errors="replace") as lines:
            failed = run_batch(timing, lines, lambda text: print(text, flush=False))
        sys.stdout.flush()
        if failed:
            err.print(f"{failed} line(s) could not be answered (see their \"error\")", highlight=False)
            raise typer.Exit(1)
        return
    assert contact is not None
    as_of = parse_now(now)
    rec = timing.recommend(contact, as_of)
    if as_json:
        out.print_json(json.dumps(rec.as_dict()))
        return
    # the contact's time, and the rep's own when COPILOT_TIMEZONE names it; ISO 8601 only with --json
    theirs, mine = rec.contact.timezone, settings.timezone
    out.print(styled((f"Follow up with {rec.contact.name} <{rec.contact.email}>", "bold"),
                     f" {when(rec.best.at, theirs, mine, as_of)}: {rec.best.p_reply:.0%} chance of a reply."))
    out.print(shown(rec.reason))
    for alt in rec.alternatives:
        out.print(shown(f"  or {when(alt.at, theirs, mine, as_of)}: {alt.p_reply:.0%}"))
    out.print(shown(f"  habit ({when(rec.baseline.at, theirs, mine, as_of)}): {rec.baseline.p_reply:.0%}"))
    for note in rec.notes:
        out.print(styled((f"note: {reworded(note, theirs, mine, as_of)}", "dim")))


@app.command("ask")
def ask_cmd(
    question: str,
    as_user: AsUser,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    thread: Annotated[str | None, typer.Option("--thread", help="Continue this conversation.")] = None,
) -> None:
    """Ask the copilot one question."""
    from copilot.services import build_services

    with build_services(_settings()) as services:
        result = services.copilot.ask(question, as_user, thread_id=thread)
    if as_json:
        out.print_json(json.dumps({k: v for k, v in result.to_dict().items()
                                   if k in ("answer", "tool_calls", "sources", "pending_review", "thread_id",
                                            "prompt_version", "model", "notes", "actions", "pending_reviews", "variant",
                                            "variant_hash", "drafts")},
                                   default=str))
        return
    _print_answer(result)
    out.print(styled((f"thread {result.thread_id}", "dim")))


@app.command("chat")
def chat_cmd(as_user: AsUser,
             thread: Annotated[str | None, typer.Option("--thread", help="Continue this conversation.")] = None) -> None:
    """Talk with the copilot; the conversation is remembered (empty line or Ctrl-D to leave)."""
    import uuid

    from copilot.services import build_services

    thread = thread or uuid.uuid4().hex
    with build_services(_settings()) as services:
        services.copilot.context(as_user)  # an unknown user fails here, before the first question
        out.print(f"Chatting as {as_user} (thread {thread}). Empty line to quit.", highlight=False)
        _chat_loop(services.copilot, as_user, thread)


prefs_app = typer.Typer(no_args_is_help=True, help="Your preferences, remembered across conversations.")
app.add_typer(prefs_app, name="prefs")


@prefs_app.command("set")
def prefs_set(key: str, value: str, as_user: AsUser) -> None:
    """Remember a preference: tone (friendly/formal/direct), signature, language, cc_manager (true/false)."""
    from memory import open_memory, set_preference
    from copilot.crm.identity import identity_for

    settings = _settings()
    identity = identity_for(_engine(settings), as_user)
    with open_memory(settings) as (_, store):
        stored = set_preference(store, identity.name, key, value)
    out.print(shown(f"Remembered for {identity.name}: {key} = {stored}"))


@prefs_app.command("show")
def prefs_show(as_user: AsUser) -> None:
    """Show your remembered preferences."""
    from memory import PREFERENCE_KEYS, get_preferences, open_memory
    from copilot.crm.identity import identity_for

    settings = _settings()
    identity = identity_for(_engine(settings), as_user)
    with open_memory(settings) as (_, store):
        prefs = get_preferences(store, identity.name)
    for key, meaning in PREFERENCE_KEYS.items():
        out.print(styled(f"{key}: {prefs.get(key, '(not set)')}   ", (meaning, "dim")))


def _chat_loop(copilot, as_user: str, thread: str | None) -> None:  # noqa: ANN001
    """Read questions until an empty line or end of input; one conversation thread throughout."""
    while True:
        try:
            question = input("you> ").strip()
        except EOFError:
            break
        if not question:
            break
        result = copilot.ask(question, as_user, thread_id=thread)
        thread = result.thread_id
        _print_answer(result)


def _print_answer(result) -> None:  # noqa: ANN001
    """The answer (every draft of the turn in it as written) and the notes."""
    out.print(shown(result.answer))
    for note in result.notes:
        out.print(styled((f"note: {note}", "dim")))


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Create the schema, or upgrade an existing workspace in place."""
    from copilot.crm.db import current_revision

    settings = _settings()
    engine = _engine(settings)
    out.print(f"Database at revision {current_revision(engine)} ({engine.url.render_as_string(hide_password=True)}).")


@db_app.command("status")
def db_status() -> None:
    """Show the database URL, schema revision and row counts."""
    from sqlalchemy import func, select

    from copilot.crm.db import connect, current_revision, head_revision
    from copilot.crm.models import Base

    settings = _settings()
    engine = connect(settings)
    out.print(f"database: {engine.url.render_as_string(hide_password=True)}")
    revision = current_revision(engine)
    out.print(f"schema: {revision or 'empty'} (latest {head_revision()})")
    if revision:
        with engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                out.print(f"  {table.name}: {conn.execute(select(func.count()).select_from(table)).scalar_one():,}")


approvals_app = typer.Typer(no_args_is_help=True, help="Actions waiting for an approver: list, show, decide.")
outbox_app = typer.Typer(no_args_is_help=True, help="Approved e-mails: what was sent, queued or needs checking.")
audit_app = typer.Typer(no_args_is_help=True, help="The audit log of requests, decisions, executions and tier changes.")
app.add_typer(approvals_app, name="approvals")
app.add_typer(outbox_app, name="outbox")
app.add_typer(audit_app, name="audit")
policy_app = typer.Typer(no_args_is_help=True, help="The review policy: what needs an approver and who approves.")
app.add_typer(policy_app, name="policy")


def _request_lines(r: dict) -> list[Text]:  # noqa: ANN001
    lines = [styled((f"{r['id']}", "bold"), f"  {r['status']}  {r['summary']}")]
    lines.append(styled(f"  requested by {r['requested_by']} at {r['created_at']:%Y-%m-%d %H:%M} UTC"
                      + (f", expires {r['expires_at']:%Y-%m-%d %H:%M} UTC" if r.get("expires_at") else "")))
    for reason in r.get("reasons") or []:
        lines.append(styled(f"  why review: {reason}"))
    if r.get("decided_by"):
        lines.append(styled(f"  decided by {r['decided_by']}" + (f": {r['decision_reason']}" if r.get("decision_reason")
                                                                  else "")))
    return lines


@approvals_app.command("list")
def approvals_list(as_user: AsUser,
                   status: Annotated[str, typer.Option(help="pending, approved, rejected, executed, ... or all")] = "pending",
                   as_json: AsJson = False) -> None:
    """Requests you made or may decide (sales-ops: all)."""
    from copilot.crm.identity import identity_for
    from copilot.review.approvals import listing

    settings = _settings()
    engine = _engine(settings)
    rows = listing(engine, settings, identity_for(engine, as_user), status=None if status == "all" else status)
    if as_json:
        out.print_json(json.dumps(rows, default=str))
        return
    if not rows:
        out.print(f"No {'' if status == 'all' else status + ' '}requests.")
    for r in rows:
        for line in _request_lines(r):
            out.print(line)


@approvals_app.command("show")
def approvals_show(request_id: str, as_user: AsUser, as_json: AsJson = False) -> None:
    """One request in full: the exact arguments and their hash, why it needs review, the facts, the outcome."""
    from copilot.crm.identity import identity_for
    from copilot.review.approvals import show

    settings = _settings()
    engine = _engine(settings)
    r = show(engine, settings, identity_for(engine, as_user), request_id)
    if as_json:
        out.print_json(json.dumps(r, default=str))
        return
    for line in _request_lines(r):
        out.print(line)
    out.print(styled(f"  action: {r['tool']}   arguments (hash {r['args_hash'][:16]}; approve with "
                     f"--hash {r['args_hash'][:16]}):"))
    for key, value in r["args"].items():
        value = ", ".join(map(str, value)) if isinstance(value, list) else value  # a Cc: one line of addresses
        for i, part in enumerate(str(value).splitlines() or [""]):
            out.print(styled(f"    {key + ':' if i == 0 else ' ' * (len(key) + 1)} {part}"))
    out.print(styled("  facts: " + json.dumps(r["facts"], default=str)))
    if r.get("edits"):
        out.print(styled("  edited: " + json.dumps(r["edits"], default=str)))
    if r.get("result"):
        out.print(styled(f"  outcome: {r['result'].get('message') or r['result'].get('status')}"))


def _decide(request_id: str, as_user: str, decision: str, reason: str | None, expect_hash: str | None) -> None:
    from copilot.services import build_services

    with build_services(_settings()) as services:
        outcome = services.copilot.decide(request_id, as_user, decision, reason=reason, expect_hash=expect_hash)
    out.print(styled(outcome.get("message") or outcome.get("status")))


@approvals_app.command("approve")
def approvals_approve(request_id: str, as_user: AsUser,
                      hash_: Annotated[str | None, typer.Option("--hash", help="The arguments' hash as `approvals "
                                                                             "show` printed it (at least 12 "
                                                                             "characters): the approval is bound to "
                                                                             "exactly those arguments.")] = None
                      ) -> None:
    """Approve a request (you are the approver; the policy says who may) and carry it out.

    The approval is bound to the arguments you saw: give --hash from `approvals show`, or, on a terminal,
    answer yes after the request is shown.
    """
    if hash_ is None:
        if not sys.stdin.isatty():
            raise UserError("give --hash with the hash `copilot approvals show ID` printed, so the approval is bound "
                            "to the arguments you read")
        from copilot.crm.identity import identity_for
        from copilot.review.approvals import show

        settings = _settings()
        engine = _engine(settings)
        request = show(engine, settings, identity_for(engine, as_user), request_id)
        for line in _request_lines(request):
            out.print(line)
        for key, value in request["args"].items():
            out.print(styled(f"    {key}: {', '.join(map(str, value)) if isinstance(value, list) else value}"))
        if not typer.confirm("Approve exactly this?", default=False):
            raise typer.Exit(1)
        hash_ = request["args_hash"]
    if len(hash_.strip()) < 12:
        raise UserError("--hash: give at least the first 12 characters")
    _decide(request_id, as_user, "approve", None, hash_.strip().lower())


@approvals_app.command("reject")
def approvals_reject(request_id: str, as_user: AsUser,
                     reason: Annotated[str, typer.Option(help="Why, for the requester.")]) -> None:
    """Reject a request; the requester is told why."""
    _decide(request_id, as_user, "reject", reason, None)


@approvals_app.command("edit")
def approvals_edit(request_id: str, as_user: AsUser,
                   set_: Annotated[list[str], typer.Option("--set", help="key=value; repeat for several")]) -> None:
    """Change a pending request's arguments; the edited request is evaluated again and waits for a decision."""
    changes = {}
    for item in set_:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UserError(f"--set {item!r}: write key=value")
        changes[key.strip()] = value
    from copilot.services import build_services

    with build_services(_settings()) as services:
        request = services.copilot.edit(request_id, as_user, changes)
    out.print(shown(f"Edited: the new request {request['id']} waits for a decision: {request['summary']}"))


def _ops(engine, as_user: str):  # noqa: ANN001, ANN202
    from copilot.crm.errors import ScopeError
    from copilot.crm.identity import identity_for

    me = identity_for(engine, as_user)
    if not me.sees_everything:
        raise ScopeError("the outbox and the audit log: sales-ops only")
    return me


@outbox_app.command("list")
def outbox_list(as_user: AsUser, status: Annotated[str | None, typer.Option(help="queued, sending, sent, unknown "
                                                                                 "or failed")] = None,
                as_json: AsJson = False) -> None:
    """Approved e-mails and their delivery status (sales-ops)."""
    from copilot.review.outbox import messages

    engine = _engine(_settings())
    _ops(engine, as_user)
    rows = messages(engine, status)
    if as_json:
        out.print_json(json.dumps(rows, default=str))
        return
    for r in rows:
        out.print(shown(f"{r['id']}  {r['status']:<8} {r['to_addr']}  {r['subject']}"
                        + (f"  ({r['error']})" if r["error"] else "")))
    if not rows:
        out.print("The outbox is empty.")


@outbox_app.command("send")
def outbox_send(as_user: AsUser) -> None:
    """Hand queued e-mails to the SMTP server (an interrupted hand-off becomes 'unknown', never re-sent)."""
    from copilot.context import utc_now
    from copilot.review.outbox import send_queued

    settings = _settings()
    engine = _engine(settings)
    _ops(engine, as_user)
    results = send_queued(engine, settings, now=utc_now())
    for r in results:
        out.print(shown(f"{r['id']}: {r['message']}"))
    if not results:
        out.print("Nothing queued.")


@outbox_app.command("resolve")
def outbox_resolve(action_id: str, arrived: Annotated[str, typer.Argument(help="sent or not-sent")],
                   as_user: AsUser) -> None:
    """Record what a person found for an e-mail in 'unknown': it arrived (sent) or not (not-sent; not re-sent)."""
    from copilot.context import utc_now
    from copilot.review.outbox import resolve

    if arrived not in ("sent", "not-sent"):
        raise UserError("say sent or not-sent")
    engine = _engine(_settings())
    resolve(engine, action_id, arrived=arrived == "sent", by=_ops(engine, as_user), now=utc_now())
    out.print(f"Recorded: {action_id} {arrived}.")


@policy_app.command("show")
def policy_show(as_json: AsJson = False) -> None:
    """The review policy in force (the workspace's policy.toml, or the default) and where it comes from."""
    from copilot.review.policy import DEFAULT_FILE, load_policy

    settings = _settings()
    policy = load_policy(settings.home)
    source = settings.home / "policy.toml"
    where = str(source) if source.is_file() else f"{DEFAULT_FILE} (default; copy it to {source} to change it)"
    if as_json:
        out.print_json(json.dumps({"source": where, "policy": policy.model_dump()}))
        return
    out.print(styled(("Review policy", "bold"), f" from {where}"))
    for section, values in policy.model_dump().items():
        out.print(f"[{section}]")
        for key, value in values.items():
            out.print(f"  {key} = {json.dumps(value)}")


@audit_app.command("list")
def audit_list(as_user: AsUser, request: Annotated[str | None, typer.Option("--request", help="One request's events.")]
               = None, limit: Annotated[int, typer.Option(min=1, max=10_000)] = 50, as_json: AsJson = False) -> None:
    """The latest audit events (sales-ops)."""
    from copilot.crm.audit import events

    engine = _engine(_settings())
    _ops(engine, as_user)
    rows = events(engine, action_id=request, limit=limit)
    if as_json:
        out.print_json(json.dumps(rows, default=str))
        return
    for r in rows:
        out.print(shown(f"{r['at']:%Y-%m-%d %H:%M:%S}  {r['actor']:<20} {r['event']:<22} {r['action_id'] or '':<20} "
                        + (json.dumps(r["detail"], default=str) if r["detail"] else "")))


def main() -> None:
    """Entry point: run the CLI, turning expected failures into one clear line and an exit code."""
    warnings.filterwarnings("ignore", category=SAWarning, message=".*Decimal objects natively.*")
    level = "WARNING"
    try:
        from copilot.settings import get_settings

        level = get_settings().log_level
    except ValidationError:
        pass
    from copilot.crm.logs import setup_logging

    setup_logging(level)
    try:
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except (ImportFileError, UserError, ValueError, ToolError) as exc:
        err.print(styled(("error:", "bold red"), f" {exc}"))
        sys.exit(2)
    except (SQLAlchemyError, sqlite3.OperationalError) as exc:  # the CRM's database, or the memory's file
        from copilot.crm.logs import scrub

        what = "conversation memory" if isinstance(exc, sqlite3.OperationalError) else "database"
        logging.getLogger(__name__).debug("%s error", what, exc_info=True)
        first = scrub((str(getattr(exc, "orig", None) or exc).strip().splitlines() or [""])[0])  # no row's data
        if "timeout expired" in first or "timed out" in first:
            first += " (COPILOT_DB_CONNECT_TIMEOUT)"
        elif "statement timeout" in first:
            first += " (COPILOT_DB_STATEMENT_TIMEOUT)"
        elif "database is locked" in first:
            first += " (another process kept it busy past COPILOT_DB_BUSY_TIMEOUT)"
        err.print(styled(("error:", "bold red"), f" {what} problem: {first}"))
        sys.exit(2)
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for users
        if isinstance(exc, typer.Abort):
            sys.exit(130)
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):  # the CLI's own usage errors
            exc.show()
            sys.exit(exc.exit_code)
        from copilot.crm.logs import scrub

        logging.getLogger(__name__).debug("unexpected error", exc_info=True)
        err.print(styled(("error:", "bold red"), f" unexpected {type(exc).__name__}: {scrub(str(exc))}. "
                                                         "Set COPILOT_LOG_LEVEL=DEBUG for details."))
        sys.exit(1)


if __name__ == "__main__":
    main()
