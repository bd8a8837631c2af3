"""The simulated caller of instruction scenarios: a `ChatModel` playing a person on a call.

The system prompt (pure, `build_system_prompt`) is made of the personality's behaviour prompt,
the scenario's instructions with `{{test_profile.x}}` substituted, the caller's facts from the
test profile (`testing_agent_variables`), the language, and a fixed policy (stay in character,
one short spoken turn at a time, never reveal the test). The model hangs up by calling the
`end_call` tool.

History is seen from the caller's side: the agent's lines are "user" messages, the caller's
own lines "assistant" messages (`caller_history` builds it from a transcript).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from voxtest.domain.templating import render_value, substitute
from voxtest.domain.transcript import MAIN_AGENT, TESTING_AGENT, Transcript
from voxtest.llm.base import ChatMessage, ChatModel, ChatResult, ModelError, ToolSpec

SECTIONS = ("main_agent_variables", "testing_agent_variables")
END_CALL = ToolSpec(
    name="end_call",
    description=(
        "Hang up the call. Use it once your goal is met, or when it clearly cannot be met, "
        "after saying goodbye."
    ),
    parameters={
        "type": "object",
        "properties": {
            "reason": {"type": "string", "description": "Why you are hanging up, in a few words."}
        },
        "required": ["reason"],
    },
)
POLICY = (
    "- Stay in character as the caller for the whole call. You are never the agent or an "
    "assistant, and you never offer help.\n"
    "- Say one turn at a time: only your own next words, then wait for the agent's reply.\n"
    "- Speak the way people talk on the phone: short turns, usually one or two sentences; "
    "no lists, no markdown, no stage directions, no speaker labels.\n"
    "- Never say or hint that this is a test, a simulation or a role-play, or that you are an AI."
)
HANG_UP_RULE = (
    "- When your goal is met, or clearly cannot be met, say goodbye and call the end_call tool."
)
NO_HANG_UP_RULE = "- Do not hang up; the agent ends the call."
CALL_CONNECTED = "(The call has connected. You speak first.)"
LANGUAGES = {
    "af": "Afrikaans", "ar": "Arabic", "bn": "Bengali", "bg": "Bulgarian",
    "zh": "Chinese (Simplified)", "cs": "Czech", "da": "Danish", "nl": "Dutch", "en": "English",
    "et": "Estonian", "fi": "Finnish", "fr": "French", "de": "German", "el": "Greek",
    "gu": "Gujarati", "hi": "Hindi", "he": "Hebrew", "hu": "Hungarian", "id": "Indonesian",
    "it": "Italian", "ja": "Japanese", "kn": "Kannada", "ko": "Korean", "ms": "Malay",
    "ml": "Malayalam", "mr": "Marathi", "no": "Norwegian", "pl": "Polish", "pa": "Punjabi",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "es": "Spanish",
    "sv": "Swedish", "th": "Thai", "tr": "Turkish", "tl": "Tagalog", "ta": "Tamil",
    "te": "Telugu", "uk": "Ukrainian", "vi": "Vietnamese",
}  # fmt: skip


@dataclass(frozen=True)
class CallerBrief:
    """What the caller is told; `test_profile` is a profile's `information` (any shape)."""

    instructions: str
    personality_prompt: str = ""
    language: str = "en"
    test_profile: Mapping[str, Any] = field(default_factory=dict)
    end_call_enabled: bool = True
    simulation_prompt: str = ""  # the agent's `llm_system_prompt`: told to every caller


@dataclass(frozen=True)
class CallerTurn:
    """The caller's next turn: words to say (None: nothing), and whether it hangs up, and why."""

    text: str | None
    end_call: bool = False
    reason: str = ""


# -- prompts (pure) ----------------------------------------------------------------------------


def build_system_prompt(brief: CallerBrief, *, next_line: str | None = None) -> str:
    """The caller's system prompt; with `next_line`, it asks for that line in the caller's words."""
    namespaces = template_namespaces(brief.test_profile)
    sections = [
        "You are a person making a phone call to a company's agent.",
        _section("Who you are", brief.personality_prompt),
        _section("About this test", brief.simulation_prompt),
        _section("Your goal for this call", substitute(brief.instructions, namespaces)),
        _section("Facts about you", _facts(caller_variables(brief.test_profile))),
        _section("Language", language_rule(brief.language)),
        _section("How to speak", _rules(brief, tools_offered=next_line is None)),
    ]
    if next_line is not None:
        sections.append(_section("Your next line", _next_line_rule(next_line, namespaces)))
    return "\n\n".join(section for section in sections if section)


def caller_variables(information: Mapping[str, Any]) -> dict[str, Any]:
    """The facts only the caller gets: `testing_agent_variables`, or all of a legacy flat dict."""
    if not any(section in information for section in SECTIONS):
        return dict(information)
    return dict(information.get("testing_agent_variables") or {})


def template_namespaces(information: Mapping[str, Any]) -> dict[str, Any]:
    """`{"test_profile": ...}` for `substitute`: both sections merged, the caller's winning."""
    if not any(section in information for section in SECTIONS):
        return {"test_profile": dict(information)}
    merged = {**(information.get("main_agent_variables") or {})}
    merged.update(information.get("testing_agent_variables") or {})
    return {"test_profile": merged}


def language_rule(code: str) -> str:
    if code == "multi":
        return "Speak the language the agent speaks, and switch when the agent switches."
    base = code.split("-")[0].lower()
    name = LANGUAGES.get(base, f"the language with code {code!r}")
    return f"Speak only {name} for the whole call, even if the agent uses another language."


def caller_history(transcript: Transcript) -> list[ChatMessage]:
    """The conversation as the caller's model sees it; tool turns are left out."""
    roles = {MAIN_AGENT: "user", TESTING_AGENT: "assistant"}
    return [
        ChatMessage("user" if roles[turn.role] == "user" else "assistant", turn.content)
        for turn in transcript.turns
        if turn.role in roles and turn.content
    ]


def _section(title: str, body: str) -> str:
    return f"# {title}\n{body.strip()}" if body.strip() else ""


def _facts(variables: Mapping[str, Any]) -> str:
    if not variables:
        return ""
    lines = [f"- {key}: {render_value(value)}" for key, value in variables.items()]
    return "Use these when the agent asks; do not recite them unprompted.\n" + "\n".join(lines)


def _rules(brief: CallerBrief, *, tools_offered: bool) -> str:
    if not tools_offered:
        return POLICY
    return POLICY + "\n" + (HANG_UP_RULE if brief.end_call_enabled else NO_HANG_UP_RULE)


def _next_line_rule(instruction: str, namespaces: Mapping[str, Any]) -> str:
    return (
        "Your next turn must do this, said in your own words: "
        f"{substitute(instruction, namespaces).strip()}\n"
        "Reply with only the words you say."
    )


# -- the caller --------------------------------------------------------------------------------


class SimulatedCaller:
    """Asks `model` for the caller's turns in an instruction scenario."""

    def __init__(
        self,
        model: ChatModel,
        brief: CallerBrief,
        *,
        temperature: float | None = 0.7,
        max_tokens: int | None = 200,
    ) -> None:
        self.model = model
        self.brief = brief
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.system_prompt = build_system_prompt(brief)

    async def next_turn(self, history: Sequence[ChatMessage]) -> CallerTurn:
        """The caller's next turn after `history` (agent lines "user", caller lines "assistant")."""
        result = await self.model.complete(
            _messages(self.system_prompt, history),
            tools=[END_CALL] if self.brief.end_call_enabled else None,
            temperature=self.temperature,
            max_tokens=self.max_tokens,
        )
        return _turn(result)

    async def paraphrase(self, instruction: str, history: Sequence[ChatMessage]) -> str:
        """`instruction` (a non-fixed conditional action) as the caller's next line."""
        prompt = build_system_prompt(self.brief, next_line=instruction)
        result = await self.model.complete(
            _messages(prompt, history), temperature=self.temperature, max_tokens=self.max_tokens
        )
        text = _spoken(result.content)
        if text is None:
            raise ModelError(
                f"Model {self.model.name!r} gave no words for the line: {instruction}",
                retryable=True,
            )
        return text

    async def paraphrase_after(self, instruction: str, transcript: Transcript) -> str:
        """`paraphrase` with the conversation so far (the runner's `Paraphrase` shape)."""
        return await self.paraphrase(instruction, caller_history(transcript))


def _messages(system_prompt: str, history: Sequence[ChatMessage]) -> list[ChatMessage]:
    """System prompt, then history; a cue first when the caller opens (chat templates want a
    user message before the first assistant one)."""
    cue = [ChatMessage("user", CALL_CONNECTED)] if not history or history[0].role != "user" else []
    return [ChatMessage("system", system_prompt), *cue, *history]


def _turn(result: ChatResult) -> CallerTurn:
    text = _spoken(result.content)
    hang_up = result.tool_call(END_CALL.name)
    if hang_up is not None:
        reason = str(hang_up.arguments.get("reason") or "").strip() or "the caller hung up"
        return CallerTurn(text, end_call=True, reason=reason)
    if text is None:
        return CallerTurn(None, reason="the model said nothing")
    return CallerTurn(text)


def _spoken(content: str | None) -> str | None:
    """The words to say: trimmed, without wrapping quotes; None when there are none."""
    text = (content or "").strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()
    return text or None
