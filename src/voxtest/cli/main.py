"""`voxtest`: serve the API, manage keys and the database."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

import typer
from rich.console import Console

from voxtest.cli.run import run as run_suite
from voxtest.errors import ConfigError, VoxtestError
from voxtest.settings import Settings

app = typer.Typer(
    name="voxtest",
    help="Test and observe AI voice and chat agents (Cekura-compatible API).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
keys_app = typer.Typer(help="API keys.", no_args_is_help=True)
db_app = typer.Typer(help="The database schema.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")
app.add_typer(db_app, name="db")
example_agent_app = typer.Typer(help="Example agents under test.", no_args_is_help=True)
app.add_typer(example_agent_app, name="example-agent")
app.command("run")(run_suite)

console = Console(stderr=True)


def _settings() -> Settings:
    return Settings()


def _fail(message: str) -> typer.Exit:
    console.print(f"[red]error:[/red] {message}")
    return typer.Exit(code=2)


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
    workers: Annotated[
        int, typer.Option(min=1, help="Processes sharing the port (one per core is typical).")
    ] = 1,
) -> None:
    """Serve the API (creates or migrates the schema first)."""
    import uvicorn

    from voxtest.api.app import create_app

    settings = _settings()
    console.print(f"voxtest on http://{host}:{port}  database: {_redacted(settings)}")
    try:
        if workers == 1:
            uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level)
        else:
            uvicorn.run(
                "voxtest.api.app:app_from_environment",
                factory=True,
                host=host,
                port=port,
                log_level=log_level,
                workers=workers,
            )
    except ConfigError as exc:
        raise _fail(str(exc))


@app.command()
def worker(
    concurrency: Annotated[
        int, typer.Option(min=1, help="Conversations this process holds at once.")
    ] = 64,
    shutdown_timeout: Annotated[
        float,
        typer.Option(min=0, help="On SIGTERM, seconds to let running conversations finish."),
    ] = 30.0,
) -> None:
    """Execute runs queued by `voxtest serve` (needs VOXTEST_JOBS=procrastinate, PostgreSQL)."""
    from voxtest.jobs.worker import run_worker

    settings = _settings()
    if settings.jobs != "procrastinate":
        raise _fail(
            "voxtest worker executes runs queued with VOXTEST_JOBS=procrastinate; set it (and "
            "VOXTEST_DATABASE_URL to PostgreSQL) for `voxtest serve` and every worker."
        )
    console.print(f"voxtest worker  concurrency {concurrency}  database: {_redacted(settings)}")
    try:
        asyncio.run(
            run_worker(settings, concurrency=concurrency, shutdown_timeout=shutdown_timeout)
        )
    except ConfigError as exc:
        raise _fail(str(exc))
    except KeyboardInterrupt:
        pass


@keys_app.command("create")
def keys_create(
    org: Annotated[str, typer.Option("--org", help="Organization name (created if missing).")],
    project: Annotated[
        int | None, typer.Option("--project", help="Limit the key to this project id.")
    ] = None,
    name: Annotated[str, typer.Option(help="A label for the key.")] = "",
) -> None:
    """Create an API key; it is printed once, as the last line."""
    from voxtest.services.keys import create_key
    from voxtest.storage import migrate
    from voxtest.storage.db import Database

    async def run() -> None:
        db = Database(_settings())
        try:
            await migrate.migrated(db.engine)
            async with db.session() as session:
                new = await create_key(session, org, project, name)
        finally:
            await db.dispose()
        if new.organization_created:
            console.print(
                f"created organization {org!r} (id {new.organization_id}) with a default project"
            )
        scope = f"project {new.project_id}" if new.project_id else f"organization {org!r}"
        console.print(f"API key for {scope} (shown once; store it now):")
        typer.echo(new.key)

    try:
        asyncio.run(run())
    except VoxtestError as exc:
        raise _fail(str(exc))


@keys_app.command("list")
def keys_list(
    org: Annotated[str | None, typer.Option("--org", help="Only this organization.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List API keys (hints only; keys are never stored in clear)."""
    import json
    from dataclasses import asdict

    from rich.table import Table

    from voxtest.services.keys import list_keys

    async def run() -> list[Any]:
        async with _database() as db, db.session() as session:
            return await list_keys(session, org)

    keys = asyncio.run(run())
    if as_json:
        for k in keys:
            typer.echo(json.dumps(asdict(k), default=str))
        return
    table = Table("id", "organization", "project", "name", "key", "created", "last used", "revoked")
    for k in keys:
        table.add_row(
            str(k.id),
            k.organization,
            str(k.project_id or "all"),
            k.name,
            k.hint,
            f"{k.created_at:%Y-%m-%d %H:%M}",
            f"{k.last_used_at:%Y-%m-%d %H:%M}" if k.last_used_at else "never",
            "yes" if k.revoked else "",
        )
    Console().print(table)


@keys_app.command("revoke")
def keys_revoke(
    key_id: Annotated[int, typer.Argument(help="Id from `voxtest keys list`.")],
) -> None:
    """Revoke an API key; running servers stop accepting it within VOXTEST_API_KEY_CACHE_SECONDS."""
    from voxtest.services.keys import revoke_key

    async def run() -> None:
        async with _database() as db, db.session() as session:
            await revoke_key(session, key_id)

    try:
        asyncio.run(run())
    except VoxtestError as exc:
        raise _fail(str(exc))
    console.print(f"revoked key {key_id}")


@asynccontextmanager
async def _database() -> AsyncIterator[Any]:
    from voxtest.storage import migrate
    from voxtest.storage.db import Database

    db = Database(_settings())
    try:
        await migrate.migrated(db.engine)
        yield db
    finally:
        await db.dispose()


@app.command()
def demo() -> None:
    """Run the demo: a server on a fresh home, a project built through the API, then stop."""
    from voxtest.demo.run import main

    raise typer.Exit(code=main())


@example_agent_app.command("voice")
def example_agent_voice(
    port: Annotated[int, typer.Option(help="TCP port.")] = 8766,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    delay_ms: Annotated[
        int, typer.Option(min=0, help="Known delay once the caller's turn is over.")
    ] = 0,
    talk_over: Annotated[
        float | None, typer.Option(min=0.1, help="Answer after the caller spoke this many s.")
    ] = None,
    silence_s: Annotated[
        float, typer.Option(min=0.0, help="Silence after each reply's first sentence.")
    ] = 0.0,
    drop_after_s: Annotated[
        float | None, typer.Option(min=0.1, help="Drop the call this many s after it opened.")
    ] = None,
    username: Annotated[str | None, typer.Option(help="Basic auth user to require.")] = None,
    password: Annotated[str | None, typer.Option(help="Basic auth password.")] = None,
    test_doubles: Annotated[
        bool, typer.Option(help="Speak and hear with the tone test doubles (no speech models).")
    ] = False,
) -> None:
    """Run the dental-clinic receptionist as a CHIRP voice agent until Ctrl-C."""
    from voxtest.examples.clinic_voice_agent import VoiceAgentOptions, run_forever
    from voxtest.runs.voice import engines_for
    from voxtest.speech.base import SpeechError, Voice

    settings = Settings(speech_test_doubles=test_doubles)
    try:
        engines_for(settings, Voice())
    except SpeechError as exc:
        raise _fail(exc.message) from None
    options = VoiceAgentOptions(
        delay_ms=delay_ms,
        talk_over_s=talk_over,
        silence_s=silence_s,
        drop_after_s=drop_after_s,
        username=username,
        password=password,
    )
    try:
        asyncio.run(run_forever(lambda: engines_for(settings, Voice()), options, host, port))
    except KeyboardInterrupt:
        console.print("clinic voice agent stopped")
    except OSError as exc:
        raise _fail(f"cannot listen on {host}:{port}: {exc}")


@example_agent_app.command("chat")
def example_agent_chat(
    port: Annotated[int, typer.Option(help="TCP port.")] = 8765,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    speaks_first: Annotated[
        bool, typer.Option("--speaks-first/--waits", help="Greet first or wait for the caller.")
    ] = True,
    reply_delay_ms: Annotated[int, typer.Option(min=0, help="Delay before every reply.")] = 0,
    reply_delay_jitter_ms: Annotated[
        int, typer.Option(min=0, help="Extra random delay, 0 to this many ms.")
    ] = 0,
    wrong_confirmation: Annotated[
        bool, typer.Option(help="Read back a time one hour off the booked one.")
    ] = False,
    drop_after: Annotated[
        int | None, typer.Option(min=1, help="Abort the connection after N replies.")
    ] = None,
    skip_verification: Annotated[
        bool, typer.Option(help="Change appointments without checking the date of birth.")
    ] = False,
    secret: Annotated[
        str | None, typer.Option(help="Refuse connections whose X-VOCERA-SECRET differs.")
    ] = None,
    idle_timeout: Annotated[
        float, typer.Option(min=0.1, help="Close after this many seconds without a message.")
    ] = 300.0,
    mock_tools_url: Annotated[
        str | None,
        typer.Option(
            help="Call each tool through voxtest's mocks: the agent's URL, "
            "http://HOST/test_framework/v1/aiagents/ID/ (the run id is echoed)."
        ),
    ] = None,
    log_tool_calls: Annotated[
        bool, typer.Option(help="Send Function Call / Result frames on the socket.")
    ] = True,
) -> None:
    """Run the dental-clinic receptionist on Cekura's chat websocket protocol until Ctrl-C."""
    from voxtest.examples.clinic_agent import ClinicAgentOptions, run_forever

    options = ClinicAgentOptions(
        speaks_first=speaks_first,
        reply_delay_ms=reply_delay_ms,
        reply_delay_jitter_ms=reply_delay_jitter_ms,
        wrong_confirmation=wrong_confirmation,
        drop_after=drop_after,
        skip_verification=skip_verification,
        secret=secret,
        idle_timeout_s=idle_timeout,
        mock_tools_url=mock_tools_url,
        log_tool_calls=log_tool_calls,
    )
    try:
        asyncio.run(run_forever(options, host, port))
    except KeyboardInterrupt:
        console.print("clinic agent stopped")
    except OSError as exc:
        raise _fail(f"cannot listen on {host}:{port}: {exc}")


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument()] = "head") -> None:
    """Apply migrations up to REVISION (default: head)."""
    from voxtest.storage import migrate
    from voxtest.storage.db import Database

    async def run() -> str | None:
        db = Database(_settings())
        try:
            await migrate.migrated(db.engine, revision)
            return await migrate.current_revision(db.engine)
        finally:
            await db.dispose()

    try:
        current = asyncio.run(run())
    except VoxtestError as exc:
        raise _fail(str(exc))
    console.print(f"database at revision {current}")


def _redacted(settings: Settings) -> str:
    from sqlalchemy.engine import make_url

    return make_url(settings.effective_database_url).render_as_string(hide_password=True)
