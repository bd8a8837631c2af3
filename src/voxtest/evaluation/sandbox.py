"""Running users' custom_code metrics (and custom-code triggers) isolated from the service.

Each run is a fresh child process (`sandbox_child`) talking JSON lines over its stdin and
stdout: the request in (code, `data`, limits), the result out (`_result`, `_explanation`),
and in between the judge helper's calls: `evaluate_llm_judge_metric(...)` inside the child
sends its question to this process, which answers it with the injected `judge` (the child
has no network). Everything that goes wrong (a limit, an escape attempt, an exception in the
user's code) becomes the metric's explanation; nothing raises to the caller.

The layers, from the outside in, and what each guarantees:

- process: `python -I -S -B` (no PYTHON* variables read, no site-packages), an empty
  environment (no VOXTEST_* or other secrets in `os.environ`), an empty temp dir as cwd, no
  descriptors inherited but stdin/stdout/stderr, its own session so its group can be killed.
- this process: a wall-clock limit (time spent waiting for the judge excluded) ends the
  process group with SIGKILL; each message the child sends is capped (`output_bytes`); the
  judge is called at most `judge_calls` times, each within `judge_timeout_seconds`; at most
  `max_concurrent()` sandboxes run at once (default: the CPU count).
- namespaces (`sandbox_confine`), when the kernel and the service's privileges allow: no
  network at all (a new network namespace: not even loopback is up), a PID namespace (the
  service's processes cannot be addressed), and a chroot into a tmpfs holding only the
  standard library, read-only: the service's files, `/etc`, `/proc` (so the parent's
  environment) do not exist there. As root directly; otherwise in a user namespace.
- privileges: root becomes `nobody`; in a user namespace every capability is dropped;
  `no_new_privs`; a chrooted process cannot create a user namespace to undo any of it.
- resource limits: CPU seconds (SIGXCPU, then SIGKILL a second later), address space,
  open files, file size, no new processes or threads (RLIMIT_NPROC = 0).
- the guard (`sandbox_guard`): an audit hook that stops the metric with a clear explanation
  when the code tries the network, a program, a fork, ctypes or a file outside the sandbox.
  It is not a security boundary by itself (code in the same interpreter can reach and
  change it through frames); the layers above are. There is no seccomp filter: the kernel's
  whole system-call surface stays reachable from the sandboxed process.

Verified on the machine this was written on (Linux 6.18, x86-64, as root, and as uid 1000
through the user-namespace path): every layer is available; `tests/evaluation/
test_sandbox_os.py` checks each one with the guard switched off. Where namespaces are not
allowed (Docker's default seccomp profile, for one) the layers report says so and only the
process, privilege, limit and guard layers apply: then, with the guard bypassed, code running
as `nobody` could read world-readable files and write world-writable ones, and reach the
network. `SandboxLimits(require_namespaces=True)` refuses to run code there instead.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import sys
import tempfile
import weakref
import zoneinfo
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from voxtest.evaluation.model import MetricSpec, MetricValue
from voxtest.evaluation.sandbox_outcome import (
    UNEXPECTED,
    SandboxReport,
    TriggerDecision,
    failure,
    metric_value,
    report_from,
    trigger_decision,
)

Judge = Callable[[dict[str, Any], str, str, list[str]], Awaitable[dict[str, Any]]]
"""`judge(data, description, eval_type, enum_values)` → `{"result", "explanation": [...]}`."""

NO_JUDGE = (
    "No LLM judge is configured on this voxtest server, so evaluate_llm_judge_metric cannot run."
)
PACKAGE_DIR = Path(__file__).resolve().parent.parent
# load the child's modules without running the packages' __init__ (site-packages are off)
BOOTSTRAP = """\
import sys, types
for name, path in (("voxtest", sys.argv[1]), ("voxtest.evaluation", sys.argv[1] + "/evaluation")):
    package = types.ModuleType(name)
    package.__path__ = [path]
    sys.modules[name] = package
from voxtest.evaluation.sandbox_child import main
main()
"""
MIB = 1 << 20
ZONEINFO_DIRS = [path for path in zoneinfo.TZPATH if os.path.isdir(path)]  # bound read-only
STDERR_SHOWN = 600
REAP_SECONDS = 5.0


@dataclass(frozen=True)
class SandboxLimits:
    cpu_seconds: int = 5
    wall_seconds: float = 10.0  # not counting the time the judge takes to answer
    memory_mb: int = 256  # address space
    output_bytes: int = MIB  # per message from the child (a result, a judge question)
    open_files: int = 64
    file_mb: int = 8  # largest file the code may write in its work dir
    disk_mb: int = 16  # its work dir in all (when it is a tmpfs)
    judge_calls: int = 10
    judge_timeout_seconds: float = 60.0
    require_namespaces: bool = False

    def for_child(self) -> dict[str, int]:
        return {
            "cpu_seconds": self.cpu_seconds,
            "memory_bytes": self.memory_mb * MIB,
            "open_files": self.open_files,
            "file_bytes": self.file_mb * MIB,
            "disk_bytes": self.disk_mb * MIB,
            "judge_calls": self.judge_calls,
        }


DEFAULT_LIMITS = SandboxLimits()


async def run_custom_code(
    spec: MetricSpec,
    data: dict[str, Any],
    *,
    judge: Judge | None = None,
    limits: SandboxLimits = DEFAULT_LIMITS,
) -> MetricValue:
    """Run the metric's `custom_code` on `data` (see `code_data.build_code_data`)."""
    report = await execute(
        spec.custom_code, data, eval_type=spec.eval_type, judge=judge, limits=limits
    )
    return metric_value(spec, report)


async def run_trigger_code(
    spec: MetricSpec,
    data: dict[str, Any],
    *,
    judge: Judge | None = None,
    limits: SandboxLimits = DEFAULT_LIMITS,
) -> TriggerDecision:
    """Run the metric's `evaluation_trigger_custom_code`: should the metric run on this call?"""
    report = await execute(
        spec.evaluation_trigger_custom_code,
        data,
        eval_type="binary",
        judge=judge,
        limits=limits,
    )
    return trigger_decision(report)


async def isolation_layers(limits: SandboxLimits = DEFAULT_LIMITS) -> dict[str, bool]:
    """Which OS layers a sandbox gets on this machine (runs `_result = True` once)."""
    report = await execute("_result = True", {}, eval_type="binary", judge=None, limits=limits)
    return report.layers


async def execute(
    code: str,
    data: dict[str, Any],
    *,
    eval_type: str,
    judge: Judge | None,
    limits: SandboxLimits,
    guard: bool = True,
) -> SandboxReport:
    """Run `code` in a new sandbox. `guard=False` only in the tests of the OS layers."""
    async with _slots():
        workdir = tempfile.mkdtemp(prefix="voxtest-sandbox-")
        try:
            request = {
                "code": code,
                "data": data,
                "eval_type": eval_type,
                "limits": limits.for_child(),
                "workdir": workdir,
                "zoneinfo": ZONEINFO_DIRS,
                "guard": guard,
                "require_namespaces": limits.require_namespaces,
            }
            return await _run_child(request, data, judge, limits, workdir)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)


async def _run_child(
    request: dict[str, Any],
    data: dict[str, Any],
    judge: Judge | None,
    limits: SandboxLimits,
    workdir: str,
) -> SandboxReport:
    try:
        process = await asyncio.create_subprocess_exec(
            *(sys.executable, "-I", "-S", "-B", "-X", "utf8", "-c", BOOTSTRAP, str(PACKAGE_DIR)),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env={},
            cwd=workdir,
            start_new_session=True,
            limit=limits.output_bytes,
        )
    except OSError as exc:  # e.g. no more processes for this user
        return failure("sandbox_error", f"The sandbox could not start: {exc}.")
    assert process.stdin and process.stdout and process.stderr
    stderr_tail = asyncio.create_task(_tail(process.stderr))
    try:
        report = await _Conversation(process, data, judge, limits).run(request)
    finally:
        if process.returncode is None:  # its group id cannot have been reused yet
            _kill_group(process.pid)
        process.stdin.close()
        tail = await _reap(process, stderr_tail)
    if report.failure in UNEXPECTED and tail.strip():
        last = tail.decode(errors="replace").strip()[-STDERR_SHOWN:]
        report = replace(report, message=f"{report.message} Its last output: {last}")
    return report


class _Conversation:
    def __init__(
        self,
        process: asyncio.subprocess.Process,
        data: dict[str, Any],
        judge: Judge | None,
        limits: SandboxLimits,
    ) -> None:
        self.process, self.data, self.judge, self.limits = process, data, judge, limits
        self.judge_calls = 0  # counted here too: the code could write questions itself

    async def run(self, request: dict[str, Any]) -> SandboxReport:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.limits.wall_seconds
        try:
            await self._send(request, deadline - loop.time())
            while True:
                message = await self._receive(deadline - loop.time())
                if message.get("type") != "judge":
                    return report_from(message, self.limits.cpu_seconds)
                asked = loop.time()
                answer = await self._ask_judge(message)
                deadline += loop.time() - asked
                await self._send(answer, deadline - loop.time())
        except TimeoutError:
            return failure(
                "wall_limit",
                f"Stopped: the custom code ran longer than "
                f"{self.limits.wall_seconds:g} s (the sandbox's limit).",
            )
        except asyncio.LimitOverrunError:
            return failure(
                "output_limit",
                "Stopped: the custom code's output was larger than "
                f"{self.limits.output_bytes} bytes (the sandbox's limit).",
            )
        except (EOFError, ConnectionError, ValueError, RecursionError) as exc:
            return failure("sandbox_error", f"The sandbox ended without a result: {exc}.")

    async def _send(self, message: dict[str, Any], seconds_left: float) -> None:
        assert self.process.stdin
        if seconds_left <= 0:
            raise TimeoutError
        self.process.stdin.write(json.dumps(message, default=str).encode() + b"\n")
        await asyncio.wait_for(self.process.stdin.drain(), seconds_left)

    async def _receive(self, seconds_left: float) -> dict[str, Any]:
        assert self.process.stdout
        if seconds_left <= 0:
            raise TimeoutError
        try:
            line = await asyncio.wait_for(self.process.stdout.readuntil(b"\n"), seconds_left)
        except asyncio.IncompleteReadError:
            raise EOFError("its process ended unexpectedly") from None
        message = json.loads(line)
        if not isinstance(message, dict):
            raise ValueError("it sent something other than a JSON object")
        return message

    async def _ask_judge(self, question: dict[str, Any]) -> dict[str, Any]:
        self.judge_calls += 1
        if self.judge is None:
            return {"type": "judge_error", "message": NO_JUDGE}
        if self.judge_calls > self.limits.judge_calls:
            message = f"The judge may be asked at most {self.limits.judge_calls} times per metric."
            return {"type": "judge_error", "message": message}
        data = question.get("data")
        enum_values = question.get("enum_values")
        try:
            verdict = await asyncio.wait_for(
                self.judge(
                    data if isinstance(data, dict) else self.data,
                    str(question.get("description") or ""),
                    str(question.get("eval_type") or "binary"),
                    [str(v) for v in enum_values] if isinstance(enum_values, list) else [],
                ),
                self.limits.judge_timeout_seconds,
            )
        except TimeoutError:
            message = (
                f"The LLM judge did not answer within {self.limits.judge_timeout_seconds:g} s."
            )
            return {"type": "judge_error", "message": message}
        except Exception as exc:
            return {"type": "judge_error", "message": f"The LLM judge failed: {exc}"}
        if not isinstance(verdict, dict):
            return {"type": "judge_error", "message": "The LLM judge gave no verdict."}
        return {"type": "judge_result", "result": json.loads(json.dumps(verdict, default=str))}


async def _tail(stream: asyncio.StreamReader, keep: int = 4096) -> bytes:
    tail = b""
    while chunk := await stream.read(1 << 16):
        tail = (tail + chunk)[-keep:]
    return tail


async def _reap(process: asyncio.subprocess.Process, stderr_tail: asyncio.Task[bytes]) -> bytes:
    """Wait for the killed process; returns the end of its stderr. Its stdout is read to the
    end: a pipe paused by a full buffer never reports its end, and `wait()` waits for that."""
    assert process.stdout
    try:
        _, tail, _ = await asyncio.wait_for(
            asyncio.gather(_discard(process.stdout), stderr_tail, process.wait()), REAP_SECONDS
        )
    except TimeoutError:  # a process that outlives SIGKILL: nothing more to do here
        return b""
    return tail


async def _discard(stream: asyncio.StreamReader) -> None:
    while await stream.read(1 << 16):
        pass


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


_capacity = [os.cpu_count() or 1]
_semaphores: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)


def max_concurrent() -> int:
    return _capacity[0]


def set_max_concurrent(count: int) -> None:
    """How many sandboxes may run at once (per event loop); default: the CPU count."""
    if count < 1:
        raise ValueError("at least one sandbox must be allowed to run")
    _capacity[0] = count
    _semaphores.clear()


def _slots() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    semaphore = _semaphores.get(loop)
    if semaphore is None:
        semaphore = _semaphores[loop] = asyncio.Semaphore(_capacity[0])
    return semaphore
