"""`voxtest example-agent chat` as users run it: a process that serves until Ctrl-C."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

from websockets.asyncio.client import connect

from tests.examples.chat_client import say
from voxtest.testing import free_port

VOXTEST = str(Path(sys.executable).parent / "voxtest")


async def test_cli_serves_the_agent_with_switches_until_interrupted() -> None:
    port = free_port()
    proc = await asyncio.create_subprocess_exec(
        VOXTEST,
        *("example-agent", "chat", "--port", str(port), "--waits", "--secret", "s3cret"),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        announced = await asyncio.wait_for(proc.stdout.readline(), 30)
        url = f"ws://127.0.0.1:{port}/chat"
        assert url in announced.decode()
        async with connect(url, additional_headers={"X-VOCERA-SECRET": "s3cret"}) as ws:
            reply = await say(ws, "I want to cancel my appointment")  # --waits: caller first
            assert "full name" in reply.text
    finally:
        proc.send_signal(signal.SIGINT)
        _, stderr = await asyncio.wait_for(proc.communicate(), 20)
    assert proc.returncode == 0, stderr.decode()


async def test_cli_help_lists_the_switches() -> None:
    proc = await asyncio.create_subprocess_exec(
        VOXTEST,
        *("example-agent", "chat", "--help"),
        stdout=asyncio.subprocess.PIPE,
        env={"COLUMNS": "200", "TERM": "dumb", "PATH": ""},
    )
    out, _ = await asyncio.wait_for(proc.communicate(), 30)
    help_text = out.decode()
    for switch in (
        "--reply-delay-ms",
        "--reply-delay-jitter-ms",
        "--wrong-confirmation",
        "--drop-after",
        "--skip-verification",
        "--secret",
        "--speaks-first",
        "--waits",
        "--idle-timeout",
    ):
        assert switch in help_text, switch
