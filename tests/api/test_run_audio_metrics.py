"""A voice run's `details["audio"]` (recording + timing record) drives its audio metrics when
metrics are evaluated again through the API; the answers fit the reference's shapes."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import update

from tests.api.evaluation_support import evaluated, played, run_when, scenario_with, values
from tests.api.run_support import chat_agent, clinic_agent
from tests.conftest import Api
from tests.evaluation.audio.synth import Burst, recording
from voxtest.storage.db import Database
from voxtest.storage.tables import Run

AUDIO_METRICS = (
    "Latency (in ms)",
    "AI Interrupting User",
    "User Interrupting AI",
    "Talk Ratio",
    "Average Pitch",
    "Detect Silence in Conversation",
    "Infrastructure Issues",
)


def _catalogue(api: Api) -> dict[str, dict[str, Any]]:
    r = api.get("/test_framework/v1/predefined-metrics/")
    assert r.status_code == 200, r.text
    items = r.json()
    items = items["results"] if isinstance(items, dict) else items
    return {m["name"]: m for m in items}


def _store_audio(api: Api, run_id: int, audio: dict[str, Any]) -> None:
    """What a voice run leaves in the shared database."""

    async def write() -> None:
        db = Database(api.server.settings)
        try:
            async with db.session() as session:
                run = await session.get(Run, run_id)
                assert run is not None
                details = {**(run.details or {}), "audio": audio}
                await session.execute(update(Run).where(Run.id == run_id).values(details=details))
        finally:
            await db.dispose()

    asyncio.run(write())


def test_audio_metrics_are_measured_on_the_recording(api: Api) -> None:
    with clinic_agent() as server:
        agent = chat_agent(api, server.url)
        catalogue = _catalogue(api)
        r = api.post(
            "/test_framework/v1/predefined-metrics/copy/",
            {"agent_id": agent, "metric_codes": [catalogue[n]["code"] for n in AUDIO_METRICS]},
        )
        assert r.status_code == 200, r.text
        metric_ids = {m["name"]: m["id"] for m in r.json()}
        result = played(api, agent, scenario_with(api, agent, []))
    (run,) = result["runs"].values()
    home = api.server.settings.home
    (home / "recordings").mkdir(exist_ok=True)
    bursts = [Burst(0, 0.5, 2.0, hz=0), Burst(1, 2.8, 5.0, hz=200), Burst(0, 5.5, 6.5, hz=0)]
    recording(home / "recordings" / f"run-{run['id']}.wav", bursts, 8.0)
    _store_audio(
        api,
        run["id"],
        {"recording_path": f"recordings/run-{run['id']}.wav", "testing_channel_index": 0},
    )

    r = api.post(
        f"/test_framework/v1/results/{result['id']}/evaluate_metrics/",
        {"run_ids": [str(run["id"])], "metric_ids": list(metric_ids.values())},
    )
    assert r.status_code == 200, r.text
    now = values(run_when(api, run["id"], evaluated))

    latency = now["Latency (in ms)"]
    assert abs(latency["score"] - 800) <= 20
    assert latency["extra"]["segments_from"] == "recording"
    assert set(latency["extra"]["percentiles"]) == {"p25", "p50", "p75", "p90", "p95", "p99"}
    assert now["AI Interrupting User"]["score"] == 0
    assert now["User Interrupting AI"]["score"] == 0
    assert abs(now["Talk Ratio"]["score"] - 2.2 / 4.7) <= 0.01
    assert abs(now["Average Pitch"]["score"] - 200) <= 2
    assert now["Detect Silence in Conversation"]["extra"]["passed"] is True
    assert now["Infrastructure Issues"]["extra"]["passed"] is True
