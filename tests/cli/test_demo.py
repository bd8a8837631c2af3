"""`voxtest demo` (what `make demo` runs): builds the project, runs the scripted evaluators
against the example agent over real sockets (its tools served by voxtest's mocks), calls the
example voice agent over CHIRP with the offline speech engines (Piper, Whisper, the VAD), and
stops cleanly."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path


def test_demo_builds_the_project_through_the_api() -> None:
    voxtest = Path(sys.executable).parent / "voxtest"
    out = subprocess.run(
        [str(voxtest), "demo"],
        capture_output=True,
        text=True,
        timeout=360,  # about 80 s on an idle machine; the voice call is real-time
        check=False,
        env={"PATH": "/usr/bin:/bin", "COLUMNS": "160"},
    )
    assert out.returncode == 0, out.stdout + out.stderr
    for fragment in (
        "Evaluators (4)",
        "Reschedule a cleaning (scripted)",
        "Latency (in ms)",
        "/test_framework/v1/aiagents/",
        "4/4",
        "Infrastructure Issues: pass",
        "Tool Call Success: pass",
        "Mock Tool Call Accuracy: 5.0",
        "Tool calls of run",
        "scenario entry 0",
        '["16:45"]',  # the slot only the scenario's mock entry offers
        "MOCK-4521",
        "at 16:45. Does",
        "Voice call",
        "It is Tom Baker.",
        "Audio metrics (from the recording)",
        "Talk Ratio",
        "Transcription Accuracy",
        "the server stopped cleanly",
    ):
        assert fragment in out.stdout, fragment
    assert "failed" not in out.stdout
    assert re.search(r"Voice call \d+: completed", out.stdout), out.stdout
