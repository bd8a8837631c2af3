"""The simulated caller: its prompt (pure), its turns and paraphrases with a ScriptedModel."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from voxtest.domain.transcript import Transcript
from voxtest.llm import ChatMessage, ModelError, ModelNotConfigured, ScriptedModel, ToolSpec
from voxtest.llm.fake import reply, tool_call
from voxtest.llm.registry import caller_model
from voxtest.runner.simulated_caller import (
    CALL_CONNECTED,
    END_CALL,
    CallerBrief,
    CallerTurn,
    SimulatedCaller,
    build_system_prompt,
    caller_history,
    caller_variables,
    language_rule,
    template_namespaces,
)
from voxtest.settings import Settings

PROFILE = {
    "main_agent_variables": {"account_id": "AC-991", "clinic": "Bright Smile"},
    "testing_agent_variables": {
        "name": "Sarah Johnson",
        "dob": "1985-03-03",
        "address": {"city": "Leeds"},
    },
}
BRIEF = CallerBrief(
    instructions=(
        "You are {{test_profile.name}} from {{test_profile.address.city}}. Move your "
        "{{test_profile.clinic}} appointment (account {{test_profile.account_id}}) to next "
        "Tuesday afternoon.{{test_profile.missing}}"
    ),
    personality_prompt="You are impatient and speak in short, clipped sentences.",
    language="es",
    test_profile=PROFILE,
)
AGENT_GREETS = [ChatMessage("user", "Bright Smile Dental, how can I help?")]


def test_the_prompt_holds_personality_goal_facts_language_and_policy() -> None:
    prompt = build_system_prompt(BRIEF)

    assert "You are impatient and speak in short, clipped sentences." in prompt
    assert (
        "You are Sarah Johnson from Leeds. Move your Bright Smile appointment (account AC-991) "
        "to next Tuesday afternoon." in prompt
    )
    assert "{{" not in prompt
    assert '- name: Sarah Johnson\n- dob: 1985-03-03\n- address: {"city":"Leeds"}' in prompt
    assert "account_id: AC-991" not in prompt  # main-agent variables are not caller facts
    assert "Speak only Spanish" in prompt
    assert "Stay in character" in prompt
    assert "one turn at a time" in prompt
    assert "short turns" in prompt
    assert "never say or hint that this is a test" in prompt.lower()
    assert "call the end_call tool" in prompt


def test_sections_are_in_order_and_empty_ones_are_left_out() -> None:
    prompt = build_system_prompt(CallerBrief(instructions="Cancel my order."))

    headings = [line for line in prompt.splitlines() if line.startswith("# ")]
    assert headings == ["# Your goal for this call", "# Language", "# How to speak"]
    assert "Speak only English" in prompt


def test_without_end_call_the_caller_is_told_not_to_hang_up() -> None:
    prompt = build_system_prompt(
        CallerBrief(instructions="Ask about fees.", end_call_enabled=False)
    )

    assert "end_call" not in prompt and "Do not hang up" in prompt


def test_a_legacy_flat_profile_is_both_facts_and_template_values() -> None:
    flat = {"name": "Ana"}

    assert caller_variables(flat) == {"name": "Ana"}
    assert template_namespaces(flat) == {"test_profile": {"name": "Ana"}}
    assert "- name: Ana" in build_system_prompt(CallerBrief("Hi", test_profile=flat))


def test_caller_variables_win_over_agent_variables_in_templates() -> None:
    profile = {
        "main_agent_variables": {"name": "agent-side"},
        "testing_agent_variables": {"name": "caller-side"},
    }

    assert template_namespaces(profile) == {"test_profile": {"name": "caller-side"}}


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "Speak only English"),
        ("pt-BR", "Speak only Portuguese"),
        ("multi", "switch when the agent switches"),
        ("xx", "the language with code 'xx'"),
    ],
)
def test_language_rule(code: str, expected: str) -> None:
    assert expected in language_rule(code)


def test_caller_history_maps_agent_to_user_and_caller_to_assistant() -> None:
    transcript = Transcript.from_cekura(
        [
            {"role": "Main Agent", "content": "Hello", "start_time": 0, "end_time": 1},
            {"role": "Testing Agent", "content": "Hi", "start_time": 1, "end_time": 2},
            {
                "role": "Function Call",
                "content": "",
                "start_time": 2,
                "end_time": 2,
                "data": {"id": "c1", "name": "f", "arguments": "{}"},
            },
        ]
    )

    assert caller_history(transcript) == [
        ChatMessage("user", "Hello"),
        ChatMessage("assistant", "Hi"),
    ]


async def test_next_turn_sends_prompt_history_and_the_end_call_tool() -> None:
    model = ScriptedModel(['  "I need to move my appointment."  '])
    caller = SimulatedCaller(model, BRIEF, temperature=0.4, max_tokens=80)

    turn = await caller.next_turn(AGENT_GREETS)

    assert turn == CallerTurn("I need to move my appointment.")
    [call] = model.calls
    assert call.messages == (ChatMessage("system", caller.system_prompt), *AGENT_GREETS)
    assert call.tools == (END_CALL,)
    assert (call.temperature, call.max_tokens) == (0.4, 80)


async def test_the_end_call_tool_ends_the_call_with_goodbye_words_and_reason() -> None:
    model = ScriptedModel([reply("Thanks, bye!", tool_call("end_call", reason="goal met"))])

    turn = await SimulatedCaller(model, BRIEF).next_turn(AGENT_GREETS)

    assert turn == CallerTurn("Thanks, bye!", end_call=True, reason="goal met")


async def test_end_call_without_words_or_reason_still_ends_the_call() -> None:
    model = ScriptedModel([reply(None, tool_call("end_call"))])

    turn = await SimulatedCaller(model, BRIEF).next_turn(AGENT_GREETS)

    assert turn == CallerTurn(None, end_call=True, reason="the caller hung up")


async def test_an_empty_reply_is_no_words_not_a_hang_up() -> None:
    turn = await SimulatedCaller(ScriptedModel(["  "]), BRIEF).next_turn(AGENT_GREETS)

    assert turn == CallerTurn(None, end_call=False, reason="the model said nothing")


async def test_the_caller_opening_the_call_gets_a_cue_first() -> None:
    model = ScriptedModel(["Hi, it's Sarah."])

    await SimulatedCaller(model, BRIEF).next_turn([])

    assert [m.role for m in model.calls[0].messages] == ["system", "user"]
    assert model.calls[0].messages[1].content == CALL_CONNECTED


async def test_no_tools_are_offered_when_end_call_is_disabled() -> None:
    model = ScriptedModel(["Hello?"])
    brief = CallerBrief(instructions="Ask about fees.", end_call_enabled=False)

    await SimulatedCaller(model, brief).next_turn(AGENT_GREETS)

    assert model.calls[0].tools == ()


async def test_paraphrase_asks_for_the_instruction_in_the_callers_words() -> None:
    def answer(messages: Sequence[ChatMessage], tools: Sequence[ToolSpec]) -> str:
        assert not tools
        assert messages[1:] == AGENT_GREETS
        return "My date of birth? It's March third, 1985."

    caller = SimulatedCaller(ScriptedModel(answer), BRIEF)

    text = await caller.paraphrase("Give your date of birth, {{test_profile.dob}}.", AGENT_GREETS)

    assert text == "My date of birth? It's March third, 1985."
    prompt = build_system_prompt(BRIEF, next_line="Give your date of birth, {{test_profile.dob}}.")
    assert "# Your next line" in prompt
    assert "in your own words: Give your date of birth, 1985-03-03." in prompt
    assert "end_call" not in prompt


async def test_an_empty_paraphrase_is_a_model_error() -> None:
    caller = SimulatedCaller(ScriptedModel([""]), BRIEF)

    with pytest.raises(ModelError, match="gave no words"):
        await caller.paraphrase("Say goodbye.", AGENT_GREETS)


def test_an_unconfigured_caller_model_names_the_settings() -> None:
    with pytest.raises(ModelNotConfigured) as caught:
        caller_model(Settings(llm_base_url="", llm_model=""))

    message = str(caught.value)
    assert "VOXTEST_LLM_BASE_URL" in message and "VOXTEST_LLM_MODEL" in message
    assert "VOXTEST_LLM_API_KEY" in message
