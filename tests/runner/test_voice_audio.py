"""CallerLine bookkeeping: what the agent was sent of a line, lost frames included."""

from __future__ import annotations

import numpy as np

from voxtest.runner.voice_audio import CallerLine


def test_sent_audio_is_the_line_so_far_with_lost_frames_silent() -> None:
    pcm = np.arange(1, 801, dtype="<i2").tobytes()  # 800 samples: 2.5 frames of 320
    line = CallerLine("hello", pcm)
    for index in range(3):
        line.next_frame()
        line.sent(index * 0.02, lost=index == 1)
    sent = np.frombuffer(line.sent_audio(), dtype="<i2")
    assert line.done and sent.size == 800
    assert (sent[:320] == np.arange(1, 321)).all()
    assert not sent[320:640].any()  # the lost frame
    assert (sent[640:] == np.arange(641, 801)).all()  # the short last frame, kept


def test_a_line_cut_short_keeps_only_what_was_sent() -> None:
    line = CallerLine("hello", np.ones(960, dtype="<i2").tobytes())
    line.next_frame()
    line.sent(0.0, lost=True)
    assert line.sent_audio() == bytes(640)
