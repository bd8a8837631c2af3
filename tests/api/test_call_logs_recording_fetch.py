"""Recordings by URL (downloaded in the background, checked like webhook URLs, capped, typed,
timed out, failures noted on the call) and the signed upload cycle (`get-upload-url/`, the
PUT, `complete-upload/`), against a real HTTP server on loopback."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from tests.api.call_log_support import V2, observe
from tests.api.factories import new_agent
from tests.conftest import Api, LiveServer, fresh_pg_database, make_settings
from voxtest.errors import PermissionDenied
from voxtest.services import call_logs_upload as uploads

WAV = b"RIFF" + bytes(range(256)) * 40  # 10 kB of "audio"
RECORDING = "/observability/v1/call-logs/{id}/recording/"


class Files(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        routes: dict[str, tuple[int, str, bytes]] = {
            "/ok.wav": (200, "audio/wav", WAV),
            "/typeless/rec.mp3": (200, "application/octet-stream", WAV),
            "/page.html": (200, "text/html", b"<html>no audio</html>"),
            "/big.wav": (200, "audio/wav", WAV * 10),
            "/gone.wav": (404, "text/plain", b"not here"),
        }
        if self.path == "/slow.wav":
            time.sleep(3)
        status, kind, body = routes.get(self.path, (200, "audio/wav", WAV))
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def files() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Files)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def private_api(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Api]:
    """A server of its own that may dial loopback (VOXTEST_ALLOW_PRIVATE_URLS), with a small
    download cap and timeout."""
    with ExitStack() as stack:
        url = stack.enter_context(fresh_pg_database()) if request.param == "postgres" else ""
        settings = make_settings(tmp_path_factory.mktemp("home-fetch"), url).model_copy(
            update={
                "allow_private_urls": True,
                "recording_fetch_max_bytes": 50_000,
                "recording_fetch_timeout_seconds": 1.0,
            }
        )
        live = LiveServer(settings)
        live.start()
        client = Api(live, live.new_key())
        yield client
        problems = client.close()
        live.stop()
        assert not problems, "\n".join(problems)


def cid() -> str:
    return f"call_{uuid.uuid4().hex[:10]}"


def settled(api: Api, call_log_id: int, timeout_s: float = 20.0) -> dict[str, Any]:
    """The call once its recording is stored or its download failed."""
    deadline = time.monotonic() + timeout_s
    while True:
        call: dict[str, Any] = api.get(f"{V2}{call_log_id}/").json()
        stored = api.get(RECORDING.format(id=call_log_id))
        if stored.status_code == 200 or call["error_message"]:
            call["recording"] = stored.content if stored.status_code == 200 else None
            return call
        assert time.monotonic() < deadline, f"recording of {call_log_id} never settled"
        time.sleep(0.1)


def test_a_recording_url_is_downloaded_and_stored_like_an_upload(
    private_api: Api, files: str
) -> None:
    agent = new_agent(private_api, private_api.default_project_id())
    for path in ("/ok.wav", "/typeless/rec.mp3"):
        made = observe(private_api, agent, cid(), voice_recording_url=files + path)
        call = settled(private_api, made["id"])
        assert call["recording"] == WAV and call["error_message"] is None
        assert call["voice_recording_url"] == files + path
    created = private_api.post(
        V2,
        {
            "call_id": cid(),
            "agent": agent,
            "transcript_type": "vapi",
            "transcript_json": [{"role": "user", "message": "Hi", "time": 0.0}],
            "voice_recording_url": files + "/ok.wav",
        },
    )
    assert created.status_code == 201, created.text
    assert settled(private_api, created.json()["id"])["recording"] == WAV


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/page.html", "is not an audio file (text/html)"),
        ("/big.wav", "larger than 50 kB"),
        ("/gone.wav", "answered HTTP 404"),
        ("/slow.wav", "did not download within 1 s"),
    ],
)
def test_a_failed_download_is_noted_on_the_call_which_stays(
    private_api: Api, files: str, path: str, says: str
) -> None:
    agent = new_agent(private_api, private_api.default_project_id())
    made = observe(private_api, agent, cid(), voice_recording_url=files + path)
    call = settled(private_api, made["id"])
    assert call["recording"] is None
    assert call["error_message"].startswith("Recording download failed:")
    assert says in call["error_message"]
    assert call["call_id"] == made["call_id"] and call["transcript_object"]


def test_a_host_resolving_to_loopback_is_refused_when_private_urls_are_not_allowed(
    api: Api, files: str
) -> None:
    agent = new_agent(api, api.default_project_id())
    refused = api.post(
        "/observability/v1/observe/",
        {
            "call_id": cid(),
            "agent": agent,
            "transcript_type": "vapi",
            "transcript_json": [{"role": "user", "message": "Hi", "time": 0.0}],
            "voice_recording_url": files + "/ok.wav",
        },
    )
    assert refused.status_code == 400 and "voice_recording_url" in refused.json()
    port = urlsplit(files).port
    by_name = f"http://{socket.gethostname()}:{port}/ok.wav"  # resolves to a loopback address
    made = observe(api, agent, cid(), voice_recording_url=by_name)
    call = settled(api, made["id"])
    assert call["recording"] is None and "VOXTEST_ALLOW_PRIVATE_URLS" in call["error_message"]


def _put(api: Api, upload_url: str, data: bytes, **headers: str) -> httpx.Response:
    """PUT to the signed URL on the test server (its public base URL is not the test port)."""
    parts = urlsplit(upload_url)
    return httpx.put(api.server.url + parts.path, content=data, headers=headers, timeout=30)


def test_the_signed_upload_cycle(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    ticket = api.post(f"{V2}get-upload-url/", {"file_name": "call.wav"})
    assert ticket.status_code == 200, ticket.text
    issued = ticket.json()
    assert issued["method"] == "PUT" and issued["headers"]["Content-Type"] == "audio/wav"
    token = urlsplit(issued["upload_url"]).path.rstrip("/").rsplit("/", 1)[1]
    tampered = issued["upload_url"].replace(
        token, token[:-2] + ("AA" if token[-2:] != "AA" else "BB")
    )
    assert _put(api, tampered, WAV).status_code == 403
    assert _put(api, issued["upload_url"], WAV).status_code == 200
    assert _put(api, issued["upload_url"], WAV).status_code == 409  # one time only
    stranger = api.other()
    theirs = stranger.post(f"{V2}complete-upload/", {"file_key": issued["file_key"]})
    assert theirs.status_code in (400, 404)
    body = {
        "file_key": issued["file_key"],
        "call_id": cid(),
        "agent": agent,
        "transcript_type": "vapi",
        "transcript_json": [{"role": "user", "message": "Hi", "time": 0.0}],
    }
    done = api.post("/observability/v1/call-logs/complete-upload/", body)
    assert done.status_code == 200, done.text
    call = done.json()
    assert call["status"] == "evaluating" and call["voice_recording_url"].endswith("/recording/")
    assert api.get(RECORDING.format(id=call["id"])).content == WAV
    again = api.post(f"{V2}complete-upload/", body)
    assert again.status_code == 404  # the staged file was attached and is gone


def test_complete_upload_attaches_to_an_existing_call(api: Api) -> None:
    agent = new_agent(api, api.default_project_id())
    made = observe(api, agent, cid())
    issued = api.post(
        "/observability/v1/call-logs-external/get-upload-url/", {"file_name": "c.mp3"}
    ).json()
    assert _put(api, issued["upload_url"], b"ID3" + WAV).status_code == 200
    r = api.post(
        f"{V2}complete-upload/", {"file_key": issued["file_key"], "call_log_id": made["id"]}
    )
    assert r.status_code == 200, r.text
    assert api.get(RECORDING.format(id=made["id"])).content == b"ID3" + WAV
    assert api.post(f"{V2}get-upload-url/", {"file_name": "notes.txt"}).status_code == 400
    assert api.post(f"{V2}complete-upload/", {}).status_code == 400


def test_an_upload_url_expires_and_is_tied_to_its_organization(api: Api) -> None:
    settings = api.server.settings
    ticket, url = uploads.issue(settings, 7, "call.ogg")
    token = urlsplit(url).path.rstrip("/").rsplit("/", 1)[1]
    assert uploads.verify(settings, token) == ticket
    other_org = token.replace("7.", "8.", 1)
    with pytest.raises(PermissionDenied):
        uploads.verify(settings, other_org)
    later = time.time() + settings.upload_url_ttl_seconds + 1
    with pytest.raises(PermissionDenied, match="expired"):
        uploads.verify(settings, token, now=later)
