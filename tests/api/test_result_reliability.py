"""`GET /voxtest/v1/results/{id}/reliability/`: a result's pass rates with their intervals and
pass^k per scenario, for its organization only."""

from __future__ import annotations

import asyncio

from sqlalchemy import select, update

from tests.api.run_support import RUN_TEXT, chat_agent, reschedule_scenario, wait_for_result
from tests.conftest import Api
from voxtest.storage.db import Database
from voxtest.storage.tables import Run
from voxtest.testing import free_port


async def test_a_results_reliability_per_scenario(api: Api) -> None:
    agent = chat_agent(api, f"ws://127.0.0.1:{free_port()}/chat")  # nobody answers: runs fail
    scenario = reschedule_scenario(api, agent, None)
    made = api.post(RUN_TEXT, {"agent_id": agent, "scenarios": [scenario], "frequency": 4}).json()
    await asyncio.to_thread(wait_for_result, api, made["id"])
    db = Database(api.server.settings)
    try:  # three of the four runs made it after all
        async with db.session() as session:
            ids = list(await session.scalars(select(Run.id).where(Run.result_id == made["id"])))
            await session.execute(
                update(Run).where(Run.id.in_(ids[:3])).values(status="completed", success=True)
            )
    finally:
        await db.dispose()
    path = f"/voxtest/v1/results/{made['id']}/reliability/"
    report = api.get(path).json()
    (one,) = report["scenarios"]
    assert one["scenario"] == scenario and one["scenario_name"]
    assert (one["runs"], one["passed"], one["unfinished"]) == (4, 3, 0)
    assert one["pass_rate"] == 0.75 and one["ci95"] == [0.3006, 0.9544]
    assert one["pass_hat_k"] == {"1": 0.75, "2": 0.5, "3": 0.25, "4": 0.0}
    assert report["overall"]["runs"] == 4 and report["result"] == made["id"]
    assert api.other().get(path).status_code == 404
    assert api.get("/voxtest/v1/results/987654321/reliability/").status_code == 404
