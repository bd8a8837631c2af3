"""ScriptedModel: replies from a list or a function, records calls."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from voxtest.llm import ChatMessage, ChatModel, ModelError, ScriptedModel, ToolSpec
from voxtest.llm.fake import reply, tool_call

HI = [ChatMessage("user", "Hi")]
HANG_UP = ToolSpec("end_call", "Hang up.")


async def test_list_replies_come_in_order_then_run_out() -> None:
    model = ScriptedModel(["one", reply(None, tool_call("end_call", reason="done"))])

    first = await model.complete(HI, temperature=0.3, max_tokens=10)
    second = await model.complete(HI, tools=[HANG_UP])

    assert (first.content, first.finish_reason) == ("one", "stop")
    assert second.tool_call("end_call") is not None
    assert second.finish_reason == "tool_calls"
    assert model.remaining == 0
    with pytest.raises(ModelError, match="ran out of replies after 2 calls"):
        await model.complete(HI)
    assert model.calls[0].temperature == 0.3 and model.calls[1].tools == (HANG_UP,)


async def test_function_replies_see_the_messages_and_tools() -> None:
    def echo(messages: Sequence[ChatMessage], tools: Sequence[ToolSpec]) -> str:
        return f"{messages[-1].content} / {len(tools)} tools"

    model = ScriptedModel(echo, name="echo")

    assert (await model.complete(HI, tools=[HANG_UP])).content == "Hi / 1 tools"
    assert model.name == "echo"


async def test_async_function_replies_are_awaited() -> None:
    async def later(messages: Sequence[ChatMessage], tools: Sequence[ToolSpec]) -> str:
        return "later"

    assert (await ScriptedModel(later).complete(HI)).content == "later"


def test_it_satisfies_the_protocol() -> None:
    assert isinstance(ScriptedModel([]), ChatModel)
