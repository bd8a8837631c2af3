"""Play a conditional-actions script against an agent over a `Channel`; return the transcript.

The pure `actions_engine.step` decides what the caller does; this module does the I/O:

- `Say(fixed=True)` is sent as text (voice-only tags and `[emotion]` markers stripped);
  `Say(fixed=False)` goes through `paraphrase` (a model, given the transcript so far); without
  one the run fails.
- Before `step` sees an agent message, `judge` decides its natural-language conditions; a
  `TurnJudge` (`judging.RunJudge`) also gets the caller's previous line.
- `Pause` waits on the clock; an interruptible one (`<silence>`) ends early when the agent
  sends a message, which is processed at once; during a `<hold>` agent events wait.
- `EndCall` sends the end_call frame, waits the protocol's grace for trailing frames and closes.
- `NoMatch` sends nothing: the caller waits for the agent's next message. Once every
  condition has fired and the agent's last message matched nothing, the caller waits only
  the end-call grace period for the agent to go on or hang up, then hangs up.
- When who speaks first is unknown (`agent_speaks_first=None`) the caller waits
  `limits.greeting_wait_s` for a greeting and speaks first if none comes.

Failures are data: the outcome carries a Cekura end reason and, when something went wrong,
an error message a user can act on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from voxtest.channels.base import Channel, ChannelError, Clock, SystemClock
from voxtest.domain.actions_engine import Script
from voxtest.domain.transcript import Transcript
from voxtest.runner import limits as reasons
from voxtest.runner.call import Call, chat_text
from voxtest.runner.limits import Limits
from voxtest.runner.outcome import ConversationOutcome, Judge, Paraphrase, TurnJudge

__all__ = [
    "ConversationOutcome",
    "Judge",
    "Paraphrase",
    "TurnJudge",
    "chat_text",
    "run_conversation",
]


async def run_conversation(
    channel: Channel,
    script: Script,
    judge: Judge,
    *,
    variables: Mapping[str, Any] | None = None,
    limits: Limits | None = None,
    clock: Clock | None = None,
    agent_speaks_first: bool | None = None,
    paraphrase: Paraphrase | None = None,
) -> ConversationOutcome:
    """Connect (retrying retryable failures), play `script`, hang up and close `channel`."""
    limits = limits or Limits()
    clock = clock or SystemClock()
    attempts, not_connected = await connect_or_outcome(channel, limits, clock)
    if not_connected is not None:
        return not_connected
    call = Call(channel, script, judge, variables, limits, clock, paraphrase)
    try:
        await call.run(agent_speaks_first)
    finally:
        await channel.close()
    return call.outcome(attempts)


async def connect_or_outcome(
    channel: Channel, limits: Limits, clock: Clock
) -> tuple[int, ConversationOutcome | None]:
    """(attempts made, the did-not-connect outcome when connecting failed, else None)."""
    attempts, failure = await _connect(channel, limits, clock)
    if failure is None:
        return attempts, None
    outcome = ConversationOutcome(
        Transcript(),
        reasons.TESTING_AGENT_DID_NOT_CONNECT,
        failure,
        connected=False,
        connect_attempts=attempts,
    )
    return attempts, outcome


async def _connect(channel: Channel, limits: Limits, clock: Clock) -> tuple[int, str | None]:
    """(attempts made, why connecting failed or None)."""
    last = ""
    for attempt in range(1, limits.connect_attempts + 1):
        await clock.sleep(limits.backoff_before(attempt))
        try:
            await channel.connect()
            return attempt, None
        except ChannelError as exc:
            if not exc.retryable:
                return attempt, exc.message
            last = exc.message
    tries = limits.connect_attempts
    return tries, f"{last} Gave up after {tries} attempt{'s' if tries > 1 else ''}."
