"""The sandbox's operating-system layers alone: the in-process guard is switched off here.

Each test runs code the guard would stop and checks that the kernel stops it anyway. A test
is skipped where its layer is not available (e.g. namespaces under Docker's seccomp profile).
"""

from __future__ import annotations

import asyncio
import os
import sysconfig
from pathlib import Path

import pytest

from voxtest.evaluation import sandbox
from voxtest.evaluation.sandbox import ZONEINFO_DIRS, SandboxLimits, execute, isolation_layers
from voxtest.evaluation.sandbox_outcome import SandboxReport

FAST = SandboxLimits(cpu_seconds=1, wall_seconds=4.0)
CLONE_NEWUSER = 0x10000000


async def unguarded(code: str) -> SandboxReport:
    return await execute(code, {}, eval_type="numeric", judge=None, limits=FAST, guard=False)


async def needs(layer: str) -> None:
    if not (await isolation_layers(FAST)).get(layer):
        pytest.skip(f"the {layer} layer is not available on this machine")


def raised(report: SandboxReport, error: str) -> None:
    assert report.failure == "code_error", report
    assert error in report.message, report.message


async def test_the_layers_are_reported() -> None:
    layers = await isolation_layers(FAST)
    assert set(layers) == {
        "network_namespace",
        "pid_namespace",
        "user_namespace",
        "filesystem",
        "unprivileged",
        "rlimits",
    }
    assert layers["rlimits"] and layers["unprivileged"]  # available everywhere


async def test_no_network_even_to_loopback() -> None:
    await needs("network_namespace")
    connections: list[object] = []

    async def accept(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(writer)
        writer.close()

    server = await asyncio.start_server(accept, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        code = f"import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=2)"
        raised(await unguarded(code), "Network is unreachable")
        await asyncio.sleep(0.2)
    assert connections == []


async def test_host_files_do_not_exist_in_the_sandbox(tmp_path: Path) -> None:
    await needs("filesystem")
    key = tmp_path / "secret.key"
    key.write_text("s3cr3t")
    raised(await unguarded("open('/etc/passwd').read()"), "No such file or directory")
    raised(await unguarded(f"open({str(key)!r}).read()"), "No such file or directory")
    raised(await unguarded(f"open('/proc/{os.getpid()}/environ').read()"), "No such file")


async def test_the_root_holds_only_the_stdlib_and_the_work_dir() -> None:
    await needs("filesystem")
    report = await unguarded("import os\n_result = 1\n_explanation = sorted(os.listdir('/'))")
    mounted = [sysconfig.get_paths()["stdlib"], *ZONEINFO_DIRS]
    assert set(report.explanation) == {"work"} | {Path(path).parts[1] for path in mounted}


async def test_no_privileges_left() -> None:
    await needs("unprivileged")
    report = await unguarded("import os\n_result = os.geteuid()")
    assert report.result != 0
    if os.geteuid() == 0:
        assert report.result == 65534  # nobody
    raised(
        await unguarded("import os\nos.mkdir('jail')\nos.chroot('jail')"), "Operation not permitted"
    )


async def test_no_new_user_namespace_from_inside() -> None:
    await needs("filesystem")
    code = (
        "import ctypes\n"
        "libc = ctypes.CDLL(None, use_errno=True)\n"
        f"_result = libc.unshare({CLONE_NEWUSER})\n"
        "_explanation = str(ctypes.get_errno())\n"
    )
    report = await unguarded(code)
    assert report.result == -1 and report.explanation == ("1",)  # EPERM: chrooted


async def test_no_process_can_be_created() -> None:
    await needs("rlimits")
    raised(await unguarded("import os\nos.fork()"), "Resource temporarily unavailable")
    code = "import subprocess\nsubprocess.run(['/bin/true'])"
    raised(await unguarded(code), "Resource temporarily unavailable")


async def test_the_service_cannot_be_signalled() -> None:
    await needs("pid_namespace")
    report = await unguarded("import os\n_result = os.getpid()")
    assert report.result == 1  # the first process of its own PID namespace
    code = f"import os, signal\nos.kill({os.getpid()}, signal.SIGKILL)"
    raised(await unguarded(code), "No such process")


# -- where namespaces are not allowed (e.g. Docker's default seccomp profile) ---------------

WITHOUT_NAMESPACES = (
    "from voxtest.evaluation import sandbox_confine\n"
    "sandbox_confine.enter_namespaces = lambda layers: None\n"
)


@pytest.fixture
def no_namespaces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start the child as if unshare(2) were refused."""
    start = "from voxtest.evaluation.sandbox_child import main"
    assert start in sandbox.BOOTSTRAP
    patched = sandbox.BOOTSTRAP.replace(start, WITHOUT_NAMESPACES + start)
    monkeypatch.setattr(sandbox, "BOOTSTRAP", patched)


@pytest.mark.usefixtures("no_namespaces")
async def test_without_namespaces_the_guard_privileges_and_limits_still_hold() -> None:
    layers = await isolation_layers(FAST)
    assert (layers["network_namespace"], layers["filesystem"]) == (False, False)
    assert layers["unprivileged"] and layers["rlimits"]
    guarded = await execute(
        "_result = len(open('/etc/passwd').read())",
        {},
        eval_type="numeric",
        judge=None,
        limits=FAST,
    )
    assert guarded.failure == "sandbox_violation" and guarded.result is None
    raised(await unguarded("import os\nos.fork()"), "Resource temporarily unavailable")
    stdlib = await unguarded("import statistics\n_result = statistics.mean([1, 2])")
    assert stdlib.result == 1.5


@pytest.mark.usefixtures("no_namespaces")
async def test_namespaces_can_be_required() -> None:
    limits = SandboxLimits(require_namespaces=True)
    report = await execute("_result = 1", {}, eval_type="numeric", judge=None, limits=limits)
    assert report.failure == "sandbox_unavailable" and report.result is None
    assert "does not allow the namespaces" in report.message
