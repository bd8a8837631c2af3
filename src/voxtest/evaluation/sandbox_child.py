"""The sandbox child: confine this process, run one piece of user code, report, exit.

Started by `sandbox` as `python -I -S -B -X utf8 -c <bootstrap>` with an empty environment,
an empty temp dir as cwd and no inherited descriptors but stdin, stdout and stderr. Standard
library only. The conversation with the parent is JSON, one object a line:

    parent → child   {"code", "data", "eval_type", "limits", "workdir", "zoneinfo", "guard",
                      "require_namespaces"}
    child → parent   {"type": "judge", "data", "description", "eval_type", "enum_values"}
    parent → child   {"type": "judge_result", "result"} | {"type": "judge_error", "message"}
    child → parent   {"type": "result", "result", "explanation", "layers"}
                     | {"type": "error", "kind", "message", "layers"}
    supervisor →     {"type": "exit", "code", "cpu_seconds"}  (after the worker ended)

After reading the request the process enters new namespaces and forks: the supervisor waits
for the worker and reports how it ended (a limit's signal, a crash); the worker confines
itself (`sandbox_confine`), installs the guard (`sandbox_guard`) and runs the code. Whatever
the user's code prints goes to stderr, never into the protocol.
"""

from __future__ import annotations

import binascii  # noqa: F401  # loaded with its libz now: the chroot has no /usr/lib
import builtins
import json
import os
import signal
import sys
import zlib  # noqa: F401

from voxtest.evaluation import sandbox_confine as confine
from voxtest.evaluation import sandbox_guard as guard

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~3 ms)
if TYPE_CHECKING:  # the child imports as little as it can: it starts for every metric
    from typing import Any, NoReturn

FILENAME = "<custom_code>"
SKIP_PREFIX = "VALID_SKIP:"
# imported before dropping privileges when there is no chroot holding the stdlib
COMMON_MODULES = (
    "base64", "bisect", "calendar", "collections", "copy", "dataclasses", "datetime",
    "decimal", "difflib", "enum", "fractions", "functools", "hashlib", "heapq", "itertools",
    "math", "operator", "random", "re", "statistics", "string", "textwrap", "time", "typing",
    "unicodedata", "uuid", "zoneinfo",
)  # fmt: skip


class Channel:
    """JSON lines over two pipe descriptors, without Python's buffered streams."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self._read_fd, self._write_fd = read_fd, write_fd
        self._buffer = b""

    def send(self, message: dict[str, Any]) -> None:
        line = json.dumps(message, allow_nan=False, separators=(",", ":")).encode() + b"\n"
        view = memoryview(line)
        while view:
            view = view[os.write(self._write_fd, view) :]

    def receive(self) -> dict[str, Any]:
        while b"\n" not in self._buffer:
            chunk = os.read(self._read_fd, 1 << 20)
            if not chunk:
                raise EOFError("the parent closed the sandbox's input")
            self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        message: dict[str, Any] = json.loads(line)
        return message


class Worker:
    """The process that runs the user's code, once confined."""

    def __init__(self, channel: Channel, request: dict[str, Any], layers: confine.Layers):
        self.channel, self.request, self.layers = channel, request, layers
        self.judge_calls = 0
        # to send the judge only data the code changed; skipped for code that never asks it
        asks = "evaluate_" in request["code"]
        self.original_data = _fingerprint(request["data"]) if asks else None

    def fail(self, kind: str, message: str) -> NoReturn:
        self.channel.send(
            {"type": "error", "kind": kind, "message": message, "layers": self.layers.as_dict()}
        )
        os._exit(0)

    def refuse(self, what: str, event: str) -> NoReturn:
        self.fail(
            "sandbox_violation",
            f"Stopped: the custom code tried to {what} ({event}), "
            "which the sandbox does not allow.",
        )

    def run(self) -> NoReturn:
        limits = self.request["limits"]
        signal.signal(signal.SIGXCPU, self._cpu_exceeded)
        namespace: dict[str, Any] = {
            "__name__": "__custom_code__",
            "__builtins__": builtins,
            "data": self.request["data"],
            "evaluate_llm_judge_metric": self.evaluate_llm_judge_metric,
            "evaluate_basic_metric": self.evaluate_llm_judge_metric,  # deprecated names
            "evaluate_advance_metric": self.evaluate_llm_judge_metric,
        }
        try:
            code = compile(self.request["code"], FILENAME, "exec")
            exec(code, namespace)
        except SyntaxError as exc:
            self.fail(
                "code_error", f"The custom code has a syntax error on line {exc.lineno}: {exc.msg}."
            )
        except MemoryError:
            megabytes = limits["memory_bytes"] // (1 << 20)
            self.fail(
                "memory_limit",
                f"Stopped: the custom code needed more than {megabytes} "
                "MB of memory (the sandbox's limit).",
            )
        except BaseException as exc:  # SystemExit and KeyboardInterrupt are the code's too
            self.fail("code_error", _describe(exc))
        self._report(namespace)

    def _report(self, namespace: dict[str, Any]) -> NoReturn:
        explanation = namespace.get("_explanation")
        skipped = _text_of(explanation).startswith(SKIP_PREFIX)
        if "_result" not in namespace and not skipped:
            self.fail("invalid_result", "The custom code did not set _result.")
        result = None if skipped else namespace.get("_result")
        if not (result is None or isinstance(result, bool | int | float | str)):
            self.fail(
                "invalid_result",
                "_result must be a bool, a number, a string or None; "
                f"the custom code set a {type(result).__name__}.",
            )
        try:
            self.channel.send(
                {
                    "type": "result",
                    "result": result,
                    "explanation": _explanation_items(explanation),
                    "layers": self.layers.as_dict(),
                }
            )
        except ValueError as exc:  # NaN, infinity, or an int too long to print
            self.fail("invalid_result", f"_result cannot be reported: {exc}.")
        os._exit(0)

    def _cpu_exceeded(self, signum: int, frame: Any) -> None:
        seconds = self.request["limits"]["cpu_seconds"]
        self.fail(
            "cpu_limit",
            f"Stopped: the custom code used more than {seconds} s of CPU "
            "time (the sandbox's limit).",
        )

    def evaluate_llm_judge_metric(
        self,
        data: dict[str, Any],
        api_key: str | None = None,
        description: str = "",
        eval_type: str | None = None,
        enum_values: list[str] | None = None,
        audio: bool = False,
        audio_start_time: float | None = None,
        audio_end_time: float | None = None,
    ) -> dict[str, Any]:
        """Ask the service's LLM judge; returns {"result", "explanation": [...]}."""
        if audio:
            raise ValueError(
                "evaluate_llm_judge_metric(audio=True) is not available in "
                "voxtest: only the transcript can be judged."
            )
        if not isinstance(description, str) or not description.strip():
            raise ValueError("evaluate_llm_judge_metric needs a description (the judge prompt).")
        most = self.request["limits"]["judge_calls"]
        self.judge_calls += 1
        if self.judge_calls > most:
            raise RuntimeError(
                f"evaluate_llm_judge_metric was called more than {most} times; "
                "that is the sandbox's limit per metric."
            )
        unchanged = _fingerprint(data) == self.original_data
        self.channel.send(
            {
                "type": "judge",
                "data": None if unchanged else data,  # None: the data the parent sent
                "description": description,
                "eval_type": eval_type or self.request["eval_type"],
                "enum_values": [str(value) for value in enum_values or ()],
            }
        )
        reply = self.channel.receive()
        if reply.get("type") == "judge_result":
            result: dict[str, Any] = reply["result"]
            return result
        raise RuntimeError(str(reply.get("message") or "The LLM judge failed."))


def _fingerprint(data: Any) -> str:
    return json.dumps(data, sort_keys=True, default=repr)


def _text_of(explanation: Any) -> str:
    if isinstance(explanation, list | tuple):
        return str(explanation[0]) if explanation else ""
    return "" if explanation is None else str(explanation)


def _explanation_items(explanation: Any) -> list[str]:
    if explanation is None:
        return []
    if isinstance(explanation, list | tuple):
        return [str(item) for item in explanation]
    return [str(explanation)]


def _describe(exc: BaseException) -> str:
    """`The custom code raised ZeroDivisionError on line 3: division by zero.`"""
    lines, frame = [], exc.__traceback__
    while frame is not None:  # the innermost line of the user's code
        if frame.tb_frame.f_code.co_filename == FILENAME:
            lines.append(frame.tb_lineno)
        frame = frame.tb_next
    where = f" on line {lines[-1]}" if lines else ""
    detail = f": {exc}" if str(exc) else ""
    return f"The custom code raised {type(exc).__name__}{where}{detail}."


def _supervise(channel: Channel, worker: int) -> NoReturn:
    _, status, usage = os.wait4(worker, 0)
    channel.send(
        {
            "type": "exit",
            "code": os.waitstatus_to_exitcode(status),
            "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        }
    )
    os._exit(0)


def _confine(request: dict[str, Any], layers: confine.Layers) -> tuple[str, list[str]]:
    """Apply the OS layers in the worker; returns the work dir and the readable dirs."""
    limits, base = request["limits"], request["workdir"]
    readable = [p for p in (*sys.path, *request["zoneinfo"]) if os.path.isdir(p)]
    owner = confine.NOBODY if os.geteuid() == 0 and not layers.user_namespace else os.geteuid()
    if layers.network_namespace:
        confine.build_root(base, readable, limits["disk_bytes"], owner)
        layers.filesystem = True
        work = confine.WORK_DIR
    else:
        os.chown(base, owner, -1)
        work = base
        for name in COMMON_MODULES:  # nobody may not be able to read the stdlib's directory
            __import__(name)
    confine.drop_privileges(layers)
    confine.set_limits(
        cpu_seconds=limits["cpu_seconds"],
        memory_bytes=limits["memory_bytes"],
        open_files=limits["open_files"],
        file_bytes=limits["file_bytes"],
        layers=layers,
    )
    confine.forget_ctypes()
    return work, readable


def _redirect_std_streams() -> tuple[int, int]:
    """Keep stdin/stdout for the protocol; the code's prints go to stderr."""
    read_fd, write_fd = os.dup(0), os.dup(1)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.dup2(2, 1)
    return read_fd, write_fd


def main() -> NoReturn:
    sys.argv = [""]
    channel = Channel(*_redirect_std_streams())
    request = channel.receive()
    layers = confine.Layers()
    confine.enter_namespaces(layers)
    if request["require_namespaces"] and not layers.network_namespace:
        Worker(channel, request, layers).fail(
            "sandbox_unavailable",
            "Custom code cannot run: this server does not allow the namespaces the sandbox "
            "requires (network, mount, PID).",
        )
    worker = os.fork()
    if worker:
        _supervise(channel, worker)
    runner = Worker(channel, request, layers)
    try:
        work, readable = _confine(request, layers)
    except Exception as exc:
        runner.fail("sandbox_error", f"The sandbox could not be set up: {exc}.")
    if request["guard"]:
        guard.install(readable, work, runner.refuse)
    runner.run()
