"""One turn of the local model: the reply, then the tool call it decides on, in two framings.

`ChatFraming` sends the messages through the model's chat template (the judge).
`TranscriptFraming` writes them as a transcript (system text on top, then `Agent: ...` and
`Caller: ...` lines) that the model continues after `Caller:` up to the end of the line or a
stage direction "(": asked in chat framing to play a caller, the 1.5B model answers as an
assistant ("I'm sorry, I can't assist with that"); continuing a transcript, it stays in role.

Tool calls are decided rather than hoped for (the 1.5B model never wrote a tool-call format
on its own): at most one tool per turn, its arguments generated under a grammar built from
its JSON Schema. See `voxtest.llm.llama_cpp` for how the decision is read from the model.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from voxtest.errors import ConfigError
from voxtest.llm.base import ChatMessage, ChatResult, ToolCallRequest, ToolSpec, Usage

INSTALL_HINT = (
    "install the optional extra voxtest[local-llm] (`pip install 'voxtest[local-llm]'`, or "
    "`uv sync --extra local-llm`; it compiles llama.cpp, 7 to 12 minutes on 2 cores)"
)


class LlamaLike(Protocol):
    """What we use of `llama_cpp.Llama`."""

    def create_chat_completion(self, **kwargs: Any) -> Mapping[str, Any]: ...

    def create_completion(self, **kwargs: Any) -> Mapping[str, Any]: ...

    def tokenize(self, text: bytes, add_bos: bool = True) -> list[int]: ...

    def close(self) -> None: ...


def llama_cpp_module() -> Any:
    """`llama_cpp`, imported now; `ConfigError` with the install hint when it is missing."""
    try:
        return importlib.import_module("llama_cpp")
    except ImportError as exc:
        raise ConfigError(f"llama-cpp-python cannot be imported ({exc}): {INSTALL_HINT}.") from exc


@dataclass(frozen=True)
class Transcript:
    """The transcript framing: the model's own lines are `me`, the other side's `them`."""

    me: str
    them: str


CALLER_TRANSCRIPT = Transcript(me="Caller", them="Agent")


# -- turns: the reply, then the tool call the model decides on -------------------------------

SILENT_ACTIONS = "Actions ({names}) are taken for you after your line: never say them out loud."
NEXT_SPEAKER_SHARE = 0.5  # below it, the model does not expect the other side to speak next
QUESTION = (
    "Now that you said this, should you take the action {name} ({description})? Answer yes or no."
)
YES_OR_NO = 'root ::= "yes" | "no"'
ARGUMENT_TOKENS = 120
_HASHTAGS = re.compile(r"(\s+#\w+)+\s*$")


class Framing(Protocol):
    def reply(self, llama: LlamaLike, **sampling: Any) -> Mapping[str, Any]: ...

    def choose(
        self, llama: LlamaLike, reply: str, tools: Sequence[ToolSpec]
    ) -> tuple[ToolSpec | None, Usage]: ...

    def arguments(
        self, llama: LlamaLike, reply: str, tool: ToolSpec
    ) -> tuple[dict[str, Any], Usage]: ...


def take_turn(
    llama: LlamaLike, framing: Framing, tools: Sequence[ToolSpec], sampling: Mapping[str, Any]
) -> ChatResult:
    """The reply's words, then at most one tool call: the tool the framing decides on, with
    arguments generated under a grammar from its JSON Schema."""
    answered = framing.reply(llama, **sampling)
    text = _text(answered).strip()
    usage = _usage(answered)
    calls: tuple[ToolCallRequest, ...] = ()
    if tools:
        tool, used = framing.choose(llama, text, tools)
        usage += used
        if tool is not None:
            arguments, used = framing.arguments(llama, text, tool)
            usage += used
            calls = (ToolCallRequest("call_0", tool.name, arguments),)
    return ChatResult(
        content=text or None,
        tool_calls=calls,
        finish_reason="tool_calls" if calls else _finish_reason(answered),
        usage=usage,
    )


class TranscriptFraming:
    """The conversation as a transcript the model continues. A tool is used when, after the
    model's line, it does not expect the other side to speak next (a call's goodbyes)."""

    def __init__(
        self, messages: Sequence[ChatMessage], labels: Transcript, tools: Sequence[ToolSpec] = ()
    ) -> None:
        self.me, self.them = labels.me, labels.them
        self.prompt = transcript_prompt(messages, labels, tools)

    def reply(self, llama: LlamaLike, **sampling: Any) -> Mapping[str, Any]:
        stop = ["\n", f"{self.them}:", "("]  # "(": a stage direction, e.g. "(end_call)"
        answer = llama.create_completion(prompt=self.prompt, stop=stop, **sampling)
        return _without_hashtags(answer)

    def choose(
        self, llama: LlamaLike, reply: str, tools: Sequence[ToolSpec]
    ) -> tuple[ToolSpec | None, Usage]:
        after = f"{self.prompt} {reply}\n"
        share, usage = next_token_share(llama, after, self.them)
        if share >= NEXT_SPEAKER_SHARE:
            return None, usage
        if len(tools) == 1:
            return tools[0], usage
        names = " | ".join(json.dumps(tool.name) for tool in tools)
        picked = llama.create_completion(
            prompt=f"{after}({self.me} takes the action ",
            grammar=llama_cpp_module().LlamaGrammar.from_string(f"root ::= {names}", verbose=False),
            max_tokens=32,
            temperature=0.0,
        )
        chosen = _text(picked).strip()
        return next((t for t in tools if t.name == chosen), None), usage + _usage(picked)

    def arguments(
        self, llama: LlamaLike, reply: str, tool: ToolSpec
    ) -> tuple[dict[str, Any], Usage]:
        given = llama.create_completion(
            prompt=f"{self.prompt} {reply}\n({self.me} takes the action {tool.name} with "
            "the arguments ",
            grammar=_schema_grammar(tool),
            max_tokens=ARGUMENT_TOKENS,
            temperature=0.0,
        )
        return _arguments(_text(given)), _usage(given)


class ChatFraming:
    """Messages through the chat template. Each tool is put to the model as a yes/no question
    in a following user turn (weaker than the transcript's signal; the judge offers none)."""

    def __init__(self, messages: Sequence[ChatMessage]) -> None:
        self.messages = render_messages(messages)

    def reply(self, llama: LlamaLike, **sampling: Any) -> Mapping[str, Any]:
        return llama.create_chat_completion(messages=self.messages, **sampling)

    def choose(
        self, llama: LlamaLike, reply: str, tools: Sequence[ToolSpec]
    ) -> tuple[ToolSpec | None, Usage]:
        usage = Usage()
        yes_or_no = llama_cpp_module().LlamaGrammar.from_string(YES_OR_NO, verbose=False)
        for tool in tools:
            answer = self._ask(llama, reply, [_question(tool)], yes_or_no, 2)
            usage += _usage(answer)
            if _text(answer).strip() == "yes":
                return tool, usage
        return None, usage

    def arguments(
        self, llama: LlamaLike, reply: str, tool: ToolSpec
    ) -> tuple[dict[str, Any], Usage]:
        steps = [_question(tool), "yes", f"The arguments of {tool.name}, as JSON:"]
        given = self._ask(llama, reply, steps, _schema_grammar(tool), ARGUMENT_TOKENS)
        return _arguments(_text(given)), _usage(given)

    def _ask(
        self, llama: LlamaLike, reply: str, steps: Sequence[str], grammar: Any, max_tokens: int
    ) -> Mapping[str, Any]:
        exchange = [
            {"role": "assistant" if i % 2 else "user", "content": step}
            for i, step in enumerate(steps)
        ]
        return llama.create_chat_completion(
            messages=[*self.messages, {"role": "assistant", "content": reply}, *exchange],
            grammar=grammar,
            max_tokens=max_tokens,
            temperature=0.0,
        )


def next_token_share(llama: LlamaLike, prompt: str, word: str) -> tuple[float, Usage]:
    """The model's probability that the text after `prompt` starts with `word` (its first
    token, with or without a leading space), read from the next token's logits."""
    wanted = sorted({llama.tokenize(v.encode(), add_bos=False)[0] for v in (word, f" {word}")})
    seen: list[float] = []

    def capture(input_ids: Any, scores: Any) -> Any:
        if not seen:
            weights = importlib.import_module("numpy").exp(scores - scores.max())
            seen.append(float(weights[wanted].sum() / weights.sum()))
        return scores

    module = llama_cpp_module()
    answer = llama.create_completion(
        prompt=prompt,
        max_tokens=1,
        temperature=0.0,
        logits_processor=module.LogitsProcessorList([capture]),
    )
    return (seen[0] if seen else 1.0), _usage(answer)


def _question(tool: ToolSpec) -> str:
    return QUESTION.format(name=tool.name, description=tool.description)


def transcript_prompt(
    messages: Sequence[ChatMessage], labels: Transcript, tools: Sequence[ToolSpec] = ()
) -> str:
    """System text on top, then one line per message, ending with `<me>:` to continue.
    A message all in parentheses is a stage direction, written without a speaker."""
    system = "\n\n".join(m.content or "" for m in messages if m.role == "system")
    if tools:  # the system text may say "call the end_call tool": keep it out of the line
        system += "\n" + SILENT_ACTIONS.format(names=", ".join(tool.name for tool in tools))
    lines = [_line(m, labels) for m in messages if m.role != "system"]
    return (
        f"{system}\n\n# The conversation so far\n"
        + "".join(f"{line}\n" for line in lines if line)
        + f"{labels.me}:"
    )


def render_messages(messages: Sequence[ChatMessage]) -> list[dict[str, str]]:
    """Chat messages for the chat template; earlier tool calls and results written as text
    (not every template can show them)."""
    rendered = []
    for message in messages:
        content = message.content or ""
        if message.role == "tool":
            rendered.append({"role": "user", "content": f"(tool result: {content})"})
            continue
        calls = [_call_text(call) for call in message.tool_calls]
        rendered.append({"role": message.role, "content": " ".join([content, *calls]).strip()})
    return rendered


def _line(message: ChatMessage, labels: Transcript) -> str:
    content = " ".join((message.content or "").split())
    if message.role == "tool":
        return f"(tool result: {content})"
    if message.role == "user" and content.startswith("(") and content.endswith(")"):
        return content
    calls = " ".join(_call_text(call) for call in message.tool_calls)
    speaker = labels.me if message.role == "assistant" else labels.them
    said = " ".join(part for part in (content, calls) if part)
    return f"{speaker}: {said}" if said else ""


def _without_hashtags(answer: Mapping[str, Any]) -> Mapping[str, Any]:
    """The line without trailing hashtags ("Goodbye! #end_call"), a small model's habit."""
    choice = dict((answer.get("choices") or [{}])[0])
    choice["text"] = _HASHTAGS.sub("", str(choice.get("text") or ""))
    return {**answer, "choices": [choice]}


def _call_text(call: ToolCallRequest) -> str:
    return f"({call.name} {json.dumps(dict(call.arguments))})"


def _schema_grammar(tool: ToolSpec) -> Any:
    module = llama_cpp_module()
    try:
        return module.LlamaGrammar.from_json_schema(
            json.dumps(dict(tool.parameters)), verbose=False
        )
    except Exception:  # a schema the converter cannot express: any JSON object
        return module.LlamaGrammar.from_string(module.llama_grammar.JSON_GBNF, verbose=False)


def _arguments(text: str) -> dict[str, Any]:
    try:
        parsed = json.loads(text)
    except ValueError:
        return {}
    return parsed if isinstance(parsed, dict) else {}


def _text(answer: Mapping[str, Any]) -> str:
    choice = (answer.get("choices") or [{}])[0]
    if "message" in choice:
        return str((choice.get("message") or {}).get("content") or "")
    return str(choice.get("text") or "")


def _finish_reason(answer: Mapping[str, Any]) -> str | None:
    reason = (answer.get("choices") or [{}])[0].get("finish_reason")
    return str(reason) if reason is not None else None


def _usage(answer: Mapping[str, Any]) -> Usage:
    usage = answer.get("usage") or {}
    return Usage(int(usage.get("prompt_tokens") or 0), int(usage.get("completion_tokens") or 0))
