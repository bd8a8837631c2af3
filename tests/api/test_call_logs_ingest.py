"""`observe/`: a production call ingested, normalised, redacted and evaluated in the
background; sampling exact; duplicates refused; recordings kept; provider webhooks."""

from __future__ import annotations

import uuid

from tests.api.call_log_support import (
    OBSERVE,
    V2,
    evaluated,
    metric_of,
    observe,
    observed_metric,
)
from tests.api.factories import new_agent
from tests.conftest import Api

PASSES = '_result = True\n_explanation = "ok"'
SEES_NO_PHONE = '_result = "415-555-0132" not in data["transcript"]\n_explanation = "checked"'


def cid() -> str:
    return f"call_{uuid.uuid4().hex[:10]}"


def test_observe_answers_evaluating_then_stores_the_evaluation(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    metric = observed_metric(api, agent, "No phone in transcript", SEES_NO_PHONE)
    ignored = observed_metric(api, agent, "Simulation only", PASSES, observability_enabled=False)
    first = observe(
        api,
        agent,
        cid(),
        redact_fields=["person_name", "phone_number"],
        customer_number="+14155550132",
        metadata={"campaign": "spring"},
        dynamic_variables={"plan": "premium"},
        call_ended_reason="customer-ended-call",
        timestamp="2025-03-15T10:15:45Z",
    )
    assert first["status"] == "evaluating" and first["metrics"] == [] and first["success"] is None
    done = evaluated(api, first["id"])
    assert done["status"] == "success" and done["success"] is True
    assert [m["id"] for m in done["evaluation"]["metrics"]] == [metric]
    assert ignored not in [m["id"] for m in done["evaluation"]["metrics"]]
    assert metric_of(done, metric)["score"] == 5.0
    texts = [t["content"] for t in done["transcript_object"]]
    assert texts[1] == "This is <PERSON> <PERSON>, my number is <PHONE_NUMBER>."
    assert texts[2] == "Thanks <PERSON>, you're booked for Tuesday."
    assert done["transcript_object"][1]["role"] == "Testing Agent"
    assert done["transcript_object"][1]["timestamp"] == 3.0
    assert done["transcript"].startswith("[00:00] Main Agent: Sunny Clinic")
    assert done["metadata"] == {"campaign": "spring"}
    assert done["dynamic_variables"] == {"plan": "premium"}
    assert done["timestamp"] == "2025-03-15T10:15:45Z"
    assert done["customer_number"] == "+14155550132"
    assert done["duration"] == "00:07"


def test_the_agents_redact_fields_apply_when_the_call_names_none(api: Api) -> None:
    project = api.default_project_id()
    agent = new_agent(api, project, provider={"type": "custom", "redact_fields": ["phone_number"]})
    done = evaluated(api, observe(api, agent, cid())["id"])
    assert done["transcript_object"][1]["content"] == (
        "This is Dana Whitfield, my number is <PHONE_NUMBER>."
    )


def test_call_ids_are_unique_per_organization(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    call_id = cid()
    observe(api, agent, call_id)
    again = api.post(OBSERVE, {"call_id": call_id, "agent": agent, "transcript_json": []})
    assert again.status_code == 400
    assert again.json() == {
        "call_id": ["A call log with this call_id already exists in your organization."]
    }
    other = api.other()
    other_agent = new_agent(other, other.default_project_id())
    assert other.post(OBSERVE, {"call_id": call_id, "agent": other_agent}).status_code == 201


def test_bad_bodies_answer_every_problem(api: Api) -> None:
    r = api.post(
        OBSERVE,
        {
            "transcript_type": "cekura",
            "transcript_json": [{"role": "agent", "content": "hi"}],
            "voice_recording_url": "ftp://example.com/a.mp3",
            "timestamp": "yesterday",
        },
    )
    assert r.status_code == 400
    body = r.json()
    assert body["call_id"] == ["This field is required."]
    assert body["agent"] == ["Give agent (the agent's id) or assistant_id."]
    assert "role 'agent' is not valid in the Cekura format" in body["transcript_json"][0]
    assert body["voice_recording_url"] == ["URL scheme must be one of: http, https."]
    assert body["timestamp"][0].startswith("Datetime has wrong format")
    private = api.post(
        OBSERVE,
        {"call_id": cid(), "agent": new_agent(api, api.default_project_id()),
         "voice_recording_url": "http://127.0.0.1/rec.mp3"},
    )  # fmt: skip
    assert private.status_code == 400 and "voice_recording_url" in private.json()


def test_an_agent_of_another_organization_is_unknown(api: Api) -> None:
    other = api.other()
    foreign = new_agent(other, other.default_project_id())
    r = api.post(OBSERVE, {"call_id": cid(), "agent": foreign})
    assert r.status_code == 400 and "agent" in r.json()


def test_assistant_id_finds_the_agent(api: Api) -> None:
    assistant = f"asst_{uuid.uuid4().hex[:8]}"
    agent = new_agent(api, api.default_project_id(), assistant_id=assistant)
    r = api.post(OBSERVE, {"call_id": cid(), "assistant_id": assistant, "transcript_json": []})
    assert r.status_code == 201 and r.json()["agent"] == agent


def test_sampling_evaluates_exactly_the_rate_and_marks_the_rest(api: Api) -> None:
    project = api.other().default_project_id()
    client = api.children[-1]
    assert client.patch(f"/user/v1/projects/{project}/", {"sample_rate": 0.5}).status_code == 200
    agent = new_agent(client, project)
    sampled = observed_metric(client, agent, "Sampled", PASSES, sampling_enabled=True)
    always = observed_metric(client, agent, "Always", PASSES)
    ids = [observe(client, agent, cid())["id"] for _ in range(4)]
    calls = [evaluated(client, i) for i in ids]
    explained = [metric_of(c, sampled)["explanation"] for c in calls]
    assert explained == [["ok"], ["Sampling skipped"], ["ok"], ["Sampling skipped"]]
    assert metric_of(calls[1], sampled)["extra"]["not_applicable"] is True
    assert all(metric_of(c, always)["score"] == 5.0 for c in calls)
    assert all(c["success"] is True for c in calls)


def test_multipart_with_a_recording_file(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    audio = b"RIFF\x24\x00\x00\x00WAVEfmt " + bytes(40)
    r = api.client.post(
        OBSERVE,
        data={
            "call_id": cid(),
            "agent": str(agent),
            "transcript_type": "cekura",
            "transcript_json": '[{"role": "Main Agent", "content": "Hello", "start_time": 0, '
            '"end_time": 1}]',
            "metadata": '{"source": "upload"}',
        },
        files={"voice_recording": ("call.wav", audio, "audio/wav")},
    )
    assert r.status_code == 201, r.text
    detail = api.get(f"{V2}{r.json()['id']}/").json()
    assert detail["metadata"] == {"source": "upload"}
    assert detail["transcript_object"][0]["content"] == "Hello"
    url = detail["voice_recording_url"]
    assert url.endswith(f"/observability/v1/call-logs/{detail['id']}/recording/")
    got = api.get(url.split("8000", 1)[-1] if "8000" in url else url[url.index("/observability") :])
    assert got.status_code == 200 and got.content == audio
    wrong = api.client.post(
        OBSERVE,
        data={"call_id": cid(), "agent": str(agent)},
        files={"voice_recording": ("notes.txt", b"hi", "text/plain")},
    )
    assert wrong.status_code == 400 and "voice_recording" in wrong.json()


def test_vapi_and_retell_webhooks(api: Api) -> None:
    assistant = f"asst_{uuid.uuid4().hex[:8]}"
    agent = new_agent(api, api.default_project_id(), assistant_id=assistant)
    status = {"message": {"type": "status-update", "status": "in-progress"}}
    assert api.post("/observability/v1/vapi/observe/", status).status_code == 200
    vapi_id = cid()
    report = {
        "message": {
            "type": "end-of-call-report",
            "endedReason": "customer-ended-call",
            "call": {
                "id": vapi_id, "assistantId": assistant, "customer": {"number": "+15550001111"}
            },
            "artifact": {"messages": [
                {"role": "bot", "message": "Hi", "secondsFromStart": 0.4, "duration": 900},
                {"role": "user", "message": "Hello", "secondsFromStart": 2.0, "duration": 500},
            ]},
        }
    }  # fmt: skip
    assert api.post("/observability/v1/vapi/observe/", report).status_code == 200
    assert api.post("/observability/v1/vapi/observe/", report).status_code == 200  # once only
    retell_id = cid()
    retell = {
        "event": "call_ended",
        "call": {
            "call_id": retell_id,
            "agent_id": assistant,
            "direction": "inbound",
            "from_number": "+15550002222",
            "disconnection_reason": "user_hangup",
            "transcript_object": [
                {
                    "role": "agent", "content": "Hey",
                    "words": [{"word": "Hey", "start": 0.1, "end": 0.3}],
                }
            ],
        },
    }  # fmt: skip
    assert api.post("/observability/v1/retell/observe/", retell).status_code == 200
    listed = api.get(V2, params={"agent_id": agent}).json()["results"]
    by_call = {c["call_id"]: c for c in listed}
    assert set(by_call) == {vapi_id, retell_id}
    assert by_call[vapi_id]["customer_number"] == "+15550001111"
    assert by_call[vapi_id]["transcript_object"][1]["start_time"] == 2.0
    assert by_call[retell_id]["call_ended_reason"] == "user_hangup"
    assert by_call[retell_id]["customer_number"] == "+15550002222"
