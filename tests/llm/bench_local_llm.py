"""Speed of the bundled local model (docs/benchmarks.md, "Local model"): load time, decode
tokens/s, seconds per simulated-caller turn over a five-line dental call, one judge call.

    VOXTEST_LLM_PROVIDER=llama_cpp .venv-llm/bin/python -m tests.llm.bench_local_llm

Kept beside the local model's tests (it needs the same .venv-llm); not collected by pytest.
"""

from __future__ import annotations

import asyncio
import time

from voxtest.judging.llm_judge import LlmJudge
from voxtest.llm import ChatMessage, LlamaCppModel
from voxtest.llm.registry import caller_model, judge_model
from voxtest.runner.simulated_caller import CallerBrief, SimulatedCaller
from voxtest.settings import Settings

AGENT = [
    "Thank you for calling Bright Smile Dental, this is Alex. How can I help you today?",
    "Sure, I can help with that. Can I have your full name and date of birth?",
    "Thanks. I see your appointment this Thursday at 10 AM. What day would you like instead?",
    "We have next Tuesday at 9 AM or 2:30 PM. Which works better for you?",
    "Done, next Tuesday at 2:30 PM. Anything else? Have a great day, goodbye!",
]
BRIEF = CallerBrief(
    "Move your dentist appointment from this Thursday to next Tuesday afternoon.",
    test_profile={"name": "Sarah Johnson", "date_of_birth": "March 3, 1985"},
)


async def main() -> None:
    settings = Settings()
    model = caller_model(settings)
    if not isinstance(model, LlamaCppModel):
        raise SystemExit("set VOXTEST_LLM_PROVIDER=llama_cpp")
    print(f"load {await model.load():.1f} s, {model.config.thread_count} threads")
    chat = judge_model(settings)
    started = time.perf_counter()
    told = await chat.complete(
        [ChatMessage("user", "Tell the history of the telephone.")],
        temperature=0.0,
        max_tokens=128,
    )
    print(f"decode {told.usage.completion_tokens / (time.perf_counter() - started):.1f} tok/s")
    caller = SimulatedCaller(model, BRIEF, temperature=0.0)
    history: list[ChatMessage] = []
    seconds: list[float] = []
    for line in AGENT:
        history.append(ChatMessage("user", line))
        started = time.perf_counter()
        turn = await caller.next_turn(history)
        seconds.append(time.perf_counter() - started)
        print(f"{seconds[-1]:5.2f} s  {turn.text!r} end_call={turn.end_call}")
        history.append(ChatMessage("assistant", turn.text or ""))
    later = seconds[1:]
    print(
        f"caller turn: first {seconds[0]:.2f} s (whole prompt evaluated), "
        f"later {sum(later) / len(later):.2f} s mean"
    )
    started = time.perf_counter()
    await LlmJudge(chat).judge("All set for Tuesday at 2:30 PM.", ["The agent confirms the time"])
    print(f"judge call {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    asyncio.run(main())
