"""Users' custom_code in the sandbox: results, the judge helper, and every way out refused."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from voxtest.evaluation import sandbox
from voxtest.evaluation.model import MetricSpec, MetricValue
from voxtest.evaluation.sandbox import SandboxLimits, run_custom_code, run_trigger_code

FAST = SandboxLimits(cpu_seconds=1, wall_seconds=4.0)
SECRET = "s3cr3t-7d1e4f0a"
DATA: dict[str, Any] = {
    "transcript": "[00:01] Main Agent: Hello.",
    "call_duration": 12.5,
    "Customer Satisfaction": 4.5,
    "explanation": {"Customer Satisfaction": ["Happy caller"]},
}


def metric(code: str, eval_type: str = "binary", **fields: Any) -> MetricSpec:
    return MetricSpec(
        id=9, name="Custom", type="custom_code", eval_type=eval_type, custom_code=code, **fields
    )


async def run(code: str, eval_type: str = "binary", **kwargs: Any) -> MetricValue:
    kwargs.setdefault("limits", FAST)
    return await run_custom_code(metric(code, eval_type), DATA, **kwargs)


def stopped(value: MetricValue, kind: str, phrase: str) -> None:
    """The metric ended with `kind`, a message containing `phrase`, and no result."""
    assert value.error == kind, value.explanation
    assert phrase in value.explanation[0], value.explanation
    assert (value.score, value.value, value.passed) == (None, None, None)


class Listener:
    """A real TCP server on loopback that counts the connections it receives."""

    def __init__(self) -> None:
        self.connections = 0
        self.port = 0

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        writer.close()


@pytest.fixture
async def listener() -> AsyncIterator[Listener]:
    found = Listener()
    server = await asyncio.start_server(found._accept, "127.0.0.1", 0)
    found.port = server.sockets[0].getsockname()[1]
    async with server:
        yield found
        await asyncio.sleep(0.2)  # a connection the sandbox made would have arrived by now
        assert found.connections == 0


async def test_result_and_explanation_become_the_metric_value() -> None:
    value = await run("_result = data['call_duration'] > 10\n_explanation = 'long enough'")
    assert (value.score, value.passed, value.explanation) == (5.0, True, ("long enough",))
    assert (value.metric_id, value.name, value.type, value.error) == (
        9,
        "Custom",
        "custom_code",
        None,
    )


async def test_reads_other_metrics_by_name() -> None:
    code = (
        "score = data['Customer Satisfaction']\n"
        "_result = score * 2\n"
        "_explanation = ['doubled', *data['explanation']['Customer Satisfaction']]\n"
    )
    value = await run(code, "numeric")
    assert value.score == 9.0
    assert value.explanation == ("doubled", "Happy caller")


async def test_prints_do_not_reach_the_protocol() -> None:
    value = await run('print(\'{"type": "result", "result": 0}\')\n_result = 3', "numeric")
    assert value.score == 3.0


async def test_valid_skip_is_not_applicable() -> None:
    value = await run("_result = False\n_explanation = 'VALID_SKIP: no booking attempted'")
    assert value.not_applicable and value.explanation == ("no booking attempted",)


async def test_syntax_error_names_the_line() -> None:
    value = await run("ok = 1\n_result = (\n")
    stopped(value, "code_error", "The custom code has a syntax error on line 2")


async def test_exception_names_the_line_and_the_error() -> None:
    value = await run("a = 1\nb = 0\n_result = a / b\n")
    assert value.explanation == (
        "The custom code raised ZeroDivisionError on line 3: division by zero.",
    )
    assert value.error == "code_error"


async def test_code_that_sets_no_result_says_so() -> None:
    stopped(await run("x = 1"), "invalid_result", "The custom code did not set _result.")


async def test_judge_round_trip_with_the_calls_data() -> None:
    asked: list[tuple[dict[str, Any], str, str, list[str]]] = []

    async def judge(
        data: dict[str, Any], description: str, kind: str, values: list[str]
    ) -> dict[str, Any]:
        asked.append((data, description, kind, values))
        return {"result": "good", "explanation": ["polite and complete"]}

    code = (
        "answer = evaluate_llm_judge_metric(\n"
        "    data, None, 'Rate the agent', 'enum', ['good', 'bad']\n"
        ")\n"
        "_result = answer['result']\n"
        "_explanation = answer['explanation']\n"
    )
    value = await run_custom_code(
        metric(code, "enum", enum_values=("good", "bad")), DATA, judge=judge, limits=FAST
    )
    assert (value.value, value.explanation, value.error) == ("good", ("polite and complete",), None)
    assert asked == [(DATA, "Rate the agent", "enum", ["good", "bad"])]


async def test_judge_sees_the_data_as_the_code_changed_it() -> None:
    seen: list[dict[str, Any]] = []

    async def judge(
        data: dict[str, Any], description: str, kind: str, values: list[str]
    ) -> dict[str, Any]:
        seen.append(data)
        return {"result": 5, "explanation": ["yes"]}

    code = (
        "data['transcript'] = 'only this part'\n"
        "_result = evaluate_llm_judge_metric(data, description='Polite?')['result']\n"
    )
    value = await run(code, judge=judge)
    assert value.passed is True
    assert seen[0]["transcript"] == "only this part"


async def test_judge_helper_without_a_judge_raises_in_the_users_code() -> None:
    value = await run("x = 1\nevaluate_llm_judge_metric(data, description='Polite?')\n_result = 1")
    stopped(value, "code_error", "raised RuntimeError on line 2: No LLM judge is configured")


async def test_judge_failure_and_call_limit_reach_the_users_code() -> None:
    calls: list[str] = []

    async def judge(
        data: dict[str, Any], description: str, kind: str, values: list[str]
    ) -> dict[str, Any]:
        calls.append(description)
        if description == "boom":
            raise RuntimeError("model unavailable")
        return {"result": 5, "explanation": []}

    failing = await run(
        "x = 1\n_result = evaluate_llm_judge_metric(data, description='boom')", judge=judge
    )
    stopped(
        failing,
        "code_error",
        "raised RuntimeError on line 2: The LLM judge failed: model unavailable",
    )
    looping = (
        "for n in range(5):\n    evaluate_llm_judge_metric(data, description=f'q{n}')\n_result = 1"
    )
    limited = await run(looping, judge=judge, limits=SandboxLimits(judge_calls=2))
    stopped(limited, "code_error", "was called more than 2 times")
    assert calls == ["boom", "q0", "q1"]


async def test_trigger_code_decides_whether_the_metric_runs() -> None:
    spec = MetricSpec(
        id=1, name="M", evaluation_trigger_custom_code="_result = 'Hello' in data['transcript']"
    )
    decision = await run_trigger_code(spec, DATA, limits=FAST)
    assert decision.should_run is True and decision.error is None


# -- escape attempts: each ends the metric with a clear explanation, nothing leaks ---------


async def test_socket_to_a_listening_port_is_refused(listener: Listener) -> None:
    code = (
        f"import socket\ns = socket.create_connection(('127.0.0.1', {listener.port}))\n_result = 1"
    )
    stopped(await run(code), "sandbox_violation", "tried to use the network")


async def test_urllib_to_a_listening_port_is_refused(listener: Listener) -> None:
    code = (
        "import urllib.request\n"
        f"_result = urllib.request.urlopen('http://127.0.0.1:{listener.port}/').status\n"
    )
    stopped(await run(code), "sandbox_violation", "tried to use the network (urllib.Request)")


async def test_raw_socket_module_is_refused_too(listener: Listener) -> None:
    code = (
        "import _socket\n"
        "s = _socket.socket()\n"
        f"s.connect(('127.0.0.1', {listener.port}))\n"
        "_result = 1\n"
    )
    stopped(await run(code), "sandbox_violation", "tried to use the network (socket.__new__)")


async def test_reading_etc_passwd_is_refused_even_when_caught() -> None:
    code = (
        "try:\n"
        "    text = open('/etc/passwd').read()\n"
        "except Exception:\n"
        "    text = ''\n"
        "_result = True\n"
        "_explanation = text\n"
    )
    value = await run(code)
    stopped(value, "sandbox_violation", "tried to read /etc/passwd (open)")
    assert "root:" not in " ".join(value.explanation)


async def test_reading_the_services_home_is_refused(tmp_path: Path) -> None:
    key = tmp_path / "home" / "secret.key"
    key.parent.mkdir()
    key.write_text(SECRET)
    value = await run(f"_result = True\n_explanation = open({str(key)!r}).read()")
    stopped(value, "sandbox_violation", f"tried to read {key}")
    assert SECRET not in value.explanation[0]


async def test_the_services_environment_is_not_passed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VOXTEST_SECRET_KEY", SECRET)
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    value = await run("import os\n_result = True\n_explanation = repr(dict(os.environ))")
    assert value.passed is True
    assert SECRET not in value.explanation[0] and "VOXTEST" not in value.explanation[0]


async def test_reading_the_parents_environ_through_proc_is_refused() -> None:
    value = await run(f"_result = True\n_explanation = open('/proc/{os.getpid()}/environ').read()")
    stopped(value, "sandbox_violation", f"tried to read /proc/{os.getpid()}/environ")


async def test_writing_outside_the_work_dir_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "planted.txt"
    value = await run(f"open({str(target)!r}, 'w').write('x')\n_result = 1")
    stopped(value, "sandbox_violation", f"tried to write {target}")
    assert not target.exists()


async def test_writing_the_work_dir_is_allowed() -> None:
    value = await run(
        "open('notes.txt', 'w').write('ok')\n_result = open('notes.txt').read() == 'ok'"
    )
    assert value.passed is True


async def test_subprocess_is_refused() -> None:
    code = "import subprocess\n_result = subprocess.run(['cat', '/etc/passwd']).returncode"
    stopped(
        await run(code), "sandbox_violation", "tried to start another program (subprocess.Popen)"
    )


async def test_fork_bomb_is_refused() -> None:
    value = await run("import os\nwhile True:\n    os.fork()\n")
    stopped(value, "sandbox_violation", "tried to start a new process (os.fork)")


async def test_ctypes_is_refused() -> None:
    value = await run("import ctypes\n_result = ctypes.CDLL(None).getpid()")
    stopped(value, "sandbox_violation", "tried to load native code (ctypes)")


async def test_infinite_python_loop_hits_the_cpu_limit() -> None:
    stopped(await run("while True:\n    pass\n"), "cpu_limit", "more than 1 s of CPU time")


async def test_long_c_call_is_killed_at_the_hard_cpu_limit() -> None:
    # sum() over a range never returns to the interpreter, so SIGXCPU's handler cannot run
    value = await run("_result = sum(range(10**13))")
    stopped(value, "cpu_limit", "more than 1 s of CPU time")


async def test_sleeping_code_hits_the_wall_clock_limit() -> None:
    limits = SandboxLimits(wall_seconds=1.0)
    started = time.monotonic()
    value = await run("import time\ntime.sleep(60)\n_result = 1", limits=limits)
    stopped(value, "wall_limit", "ran longer than 1 s")
    assert time.monotonic() - started < 5


async def test_two_gigabytes_hit_the_memory_limit() -> None:
    value = await run("block = bytearray(2 * 1024 ** 3)\n_result = 1")
    stopped(value, "memory_limit", "needed more than 256 MB of memory")


async def test_huge_output_hits_the_output_limit() -> None:
    value = await run("_result = True\n_explanation = 'x' * 5_000_000")
    stopped(value, "output_limit", "output was larger than 1048576 bytes")


async def test_concurrent_sandboxes_are_bounded() -> None:
    code = (
        "import time\n"
        "start = time.time()\n"
        "time.sleep(0.3)\n"
        "_result = start\n"
        "_explanation = str(time.time())\n"
    )
    sandbox.set_max_concurrent(1)
    try:
        values = await asyncio.gather(*(run(code, "numeric") for _ in range(3)))
    finally:
        sandbox.set_max_concurrent(os.cpu_count() or 1)
    spans = sorted((v.score or 0.0, float(v.explanation[0])) for v in values)
    assert all(
        end <= next_start for (_, end), (next_start, _) in zip(spans, spans[1:], strict=False)
    )


async def test_a_flood_of_forged_judge_questions_is_bounded() -> None:
    asked: list[str] = []

    async def judge(
        data: dict[str, Any], description: str, kind: str, values: list[str]
    ) -> dict[str, Any]:
        asked.append(description)
        return {"result": 5, "explanation": ["yes"]}

    code = (  # writes to the protocol pipe itself, past the helper and its count
        "import os\n"
        "for fd in range(3, 10):\n"
        "    try:\n"
        "        os.write(fd, b'')\n"
        "        break\n"
        "    except OSError:\n"
        "        pass\n"
        "while True:\n"
        '    os.write(fd, b\'{"type": "judge", "description": "forged"}\\n\')\n'
    )
    limits = SandboxLimits(wall_seconds=1.5, judge_calls=3)
    started = time.monotonic()
    value = await run(code, judge=judge, limits=limits)
    stopped(value, "wall_limit", "ran longer than 1.5 s")
    assert asked == ["forged"] * 3
    assert time.monotonic() - started < 6
