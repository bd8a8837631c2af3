"""Typed settings, built once by the CLI or a test and passed down; nothing reads them at import."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_home() -> Path:
    return Path.home() / ".voxtest"


class Settings(BaseSettings):
    """Everything an instance of voxtest can be told, from `VOXTEST_*` environment variables."""

    model_config = SettingsConfigDict(env_prefix="VOXTEST_", extra="ignore")

    home: Path = Field(default_factory=default_home)
    """Where the embedded database, the secret key and stored files live."""

    database_url: str = ""
    """SQLAlchemy async URL; empty means SQLite at `<home>/voxtest.db`."""

    secret_key: SecretStr | None = None
    """Key that encrypts stored credentials (Fernet, urlsafe base64). Generated into
    `<home>/secret.key` (mode 0600) on first start when not given."""

    public_base_url: str = "http://127.0.0.1:8000"
    """How agents under test reach this instance (mock-tool URLs are built from it)."""

    allow_private_urls: bool = False
    """Let URLs voxtest calls on a user's behalf (a scenario's REST functions, webhooks,
    recording downloads) resolve to loopback, private or link-local addresses; off, such
    calls fail with a message."""

    allow_private_agent_urls: bool = True
    """Let the agent under test's own endpoints (its chat or CHIRP websocket, its LiveKit
    server) be on loopback or a private network, where a self-hosted agent usually is. Turn
    it off on an instance whose users must not reach its network through their agents."""

    mock_tools_auth: Literal["none", "api_key"] = "none"
    """How the mock-tool runtime URLs (`.../tool/{name}/`, `.../mcp/{index}/`) authenticate
    the agent calling them: `none` as Cekura (the agent's platform must reach them without
    credentials; they serve only mock data), or `api_key`: an API key of the agent's
    organization in `X-CEKURA-API-KEY` or `Authorization: Bearer`."""

    mock_tools_max_body_bytes: int = Field(default=1024 * 1024, gt=0)
    """The largest request body a mock tool call may send; larger ones get 413."""

    api_key_cache_seconds: float = 10.0
    """How long a verified API key is trusted without a database look-up."""

    default_page_size: int = 20
    max_page_size: int = 1000

    db_pool_size: int = 10
    sql_echo: bool = False

    # How runs are executed.
    jobs: Literal["embedded", "procrastinate"] = "embedded"
    """`embedded`: asyncio workers inside `voxtest serve`. `procrastinate` (PostgreSQL only):
    `voxtest serve` queues runs and `voxtest worker` processes, on any machines, execute them."""

    run_heartbeat_seconds: float = Field(default=10.0, gt=0)
    """How often a process stamps the runs it holds."""

    run_stale_after_seconds: float = Field(default=60.0, gt=0)
    """A run whose stamp is older than this was left by a dead process and is failed."""

    recording_max_bytes: int = Field(default=100_000_000, gt=0)
    """Largest call recording `observe/` accepts as an upload (kept under `home/recordings`)."""

    call_log_evaluations: int = Field(default=4, ge=1)
    """Call logs one process evaluates at once (each judges its metrics in parallel too)."""

    call_log_poll_seconds: float = Field(default=1.0, gt=0)
    """How often a process looks for queued call-log evaluations (an ingest wakes it at once)."""

    recording_fetch_max_bytes: int = Field(default=200_000_000, gt=0)
    """Largest recording voxtest downloads from a call's `voice_recording_url`."""

    recording_fetch_timeout_seconds: float = Field(default=120.0, gt=0)
    """How long one recording download may take before it is given up (and noted on the call)."""

    upload_url_ttl_seconds: int = Field(default=3600, gt=0)
    """How long a signed upload URL from `get-upload-url/` stays valid."""

    export_retention_hours: float = Field(default=168.0, gt=0)
    """How long a finished call-log export file is kept; then it is deleted and its download
    says the export expired."""

    upload_retention_hours: float = Field(default=24.0, gt=0)
    """How long an uploaded recording waits for `complete-upload/` before it is deleted (at
    least as long as the upload URL is valid)."""

    run_starts_per_second: int = Field(default=5, ge=0)
    """At most this many runs of one organization start in any second, across every process
    (Cekura schedules 5 calls a second); 0 for no pace."""

    # Webhooks and notifications: delivered from an outbox by every process, at least once.
    webhook_timeout_seconds: float = Field(default=10.0, gt=0)
    """How long a webhook receiver has to answer one attempt."""

    webhook_max_attempts: int = Field(default=15, ge=1)
    """Attempts before a delivery is marked failed (it can still be replayed)."""

    webhook_retry_base_seconds: float = Field(default=2.0, gt=0)
    """Wait after the first failed attempt; doubled after each further one."""

    webhook_retry_max_seconds: float = Field(default=300.0, gt=0)
    """The longest wait between two attempts."""

    pre_trigger_timeout_seconds: float = Field(default=30.0, gt=0)
    """How long runs wait for the `result.pre_trigger` receiver's answer, per attempt."""

    pre_trigger_retries: int = Field(default=3, ge=0)
    """Further attempts of a `result.pre_trigger` before the runs start anyway."""

    hooks_poll_seconds: float = Field(default=1.0, gt=0)
    """How often each process looks for due deliveries and due cron jobs."""

    smtp_host: str = ""
    """Email notifications go through this SMTP server; empty sends no email."""

    smtp_port: int = 25
    smtp_username: str = ""
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = False
    smtp_ssl: bool = False
    smtp_from: str = "voxtest@localhost"
    notify_email_to: str = ""
    """Comma-separated recipients of every project's email notifications."""

    slack_webhook_url: str = ""
    """A Slack incoming-webhook URL that receives every project's notifications."""

    daily_report_hour: int = Field(default=9, ge=0, le=23)
    """The hour, in each project's time zone, the daily report is sent."""
    # LiveKit voice runs.
    livekit_join_timeout_seconds: float = Field(default=20.0, gt=0)
    """How long a LiveKit call waits for the dispatched agent to join the room."""

    livekit_connector: str = ""
    """`module:callable` returning the room transport (a `RoomConnector`); empty: the
    official real-time SDK. Tests point it at `voxtest.channels.livekit_fake`."""

    # The simulated caller's model: any OpenAI-compatible chat-completions endpoint.
    llm_base_url: str = ""
    """e.g. https://api.openai.com/v1, http://127.0.0.1:11434/v1 (Ollama), or an Azure
    deployment URL with its query: .../openai/deployments/<name>?api-version=2024-10-21."""

    llm_api_key: SecretStr | None = None
    """Sent as `Authorization: Bearer <key>`, or raw in `llm_api_key_header`; empty sends none."""

    llm_model: str = ""
    llm_api_key_header: str = "Authorization"
    """`Authorization` (Bearer) or a header taking the raw key, e.g. Azure's `api-key`."""

    llm_timeout_seconds: float = Field(default=60.0, gt=0)
    llm_max_retries: int = Field(default=3, ge=0)

    # The judge's model; each empty judge_* setting falls back to its llm_* counterpart.
    # The API key falls back only while the judge uses the caller's base URL.
    judge_base_url: str = ""
    judge_api_key: SecretStr | None = None
    judge_model: str = ""
    judge_api_key_header: str = ""
    judge_timeout_seconds: float | None = Field(default=None, gt=0)
    judge_max_retries: int | None = Field(default=None, ge=0)

    # Which engine plays each role: `openai` (the endpoint settings above) or `llama_cpp` (a
    # GGUF model run in this process; needs the extra voxtest[local-llm]).
    llm_provider: Literal["openai", "llama_cpp"] = "openai"
    judge_provider: Literal["", "openai", "llama_cpp"] = ""
    """Empty: the caller's provider."""

    # The in-process model (provider `llama_cpp`); the caller and the judge share one copy.
    llama_cpp_model_path: str = ""
    """A GGUF file; empty: the bundled Qwen2.5-Coder-1.5B-Instruct (Q4_K_M), assembled once
    from the installed voxtest[local-llm] parts into `<home>/models/`."""

    llama_cpp_threads: int = Field(default=0, ge=0)
    """CPU threads for generation; 0: every core this process may use."""

    llama_cpp_context_tokens: int = Field(default=4096, ge=512)
    """The model's context window (prompt and reply), in tokens."""

    # Speech for voice runs. Offline engines need the extra voxtest[voice]; a personality
    # whose provider names a cloud engine uses it when that engine's API key is set.
    tts_provider: Literal["piper", "elevenlabs", "cartesia", "openai"] = "piper"
    """The caller's voice when the personality names no provider (or one without a key)."""

    stt_provider: Literal["whisper", "deepgram", "openai"] = "whisper"
    """What transcribes the agent's audio."""

    vad_provider: Literal["silero", "energy"] = "silero"
    """What hears the agent start and stop speaking (`energy`: a plain level gate)."""

    piper_voice_path: str = ""
    """A Piper `.onnx` voice (its `.onnx.json` beside it); empty: the bundled en_US voice."""

    piper_steady_durations: bool = False
    """Piper speaks each line with the same timing every run (its phoneme durations not
    sampled): reruns of a voice scenario give the agent the same timing."""

    whisper_model_path: str = ""
    """A CTranslate2 Whisper model directory; empty: the bundled Whisper tiny.en."""

    stt_threads: int = Field(default=0, ge=0)
    """CPU threads for the offline transcriber; 0: every core this process may use."""

    speech_timeout_seconds: float = Field(default=30.0, gt=0)
    """Per request to a cloud speech API."""

    elevenlabs_api_key: SecretStr | None = None
    elevenlabs_base_url: str = "https://api.elevenlabs.io"
    elevenlabs_model: str = "eleven_flash_v2_5"
    elevenlabs_voice_id: str = "21m00Tcm4TlvDq8ikWAM"
    """The voice when the personality gives none."""

    cartesia_api_key: SecretStr | None = None
    cartesia_base_url: str = "https://api.cartesia.ai"
    cartesia_model: str = "sonic-3"
    cartesia_voice_id: str = "a0e99841-438c-4a64-b679-ae501e7d6091"

    openai_speech_api_key: SecretStr | None = None
    """OpenAI's audio API (TTS and transcription); falls back to VOXTEST_LLM_API_KEY when
    VOXTEST_LLM_BASE_URL is OpenAI's."""

    openai_speech_base_url: str = "https://api.openai.com/v1"
    openai_tts_model: str = "gpt-4o-mini-tts"
    openai_tts_voice: str = "alloy"
    openai_stt_model: str = "whisper-1"

    deepgram_api_key: SecretStr | None = None
    deepgram_base_url: str = "https://api.deepgram.com"
    deepgram_model: str = "nova-3"
    # Voice runs.
    speech_test_doubles: bool = False
    """Voice runs speak and hear with the tone test doubles (`voxtest.speech.fake`) instead of
    the speech engines: for tests and demos of the call loop without speech models."""

    @field_validator("home", mode="before")
    @classmethod
    def _expand_home(cls, value: object) -> object:
        return Path(str(value)).expanduser() if value not in (None, "") else default_home()

    @property
    def effective_database_url(self) -> str:
        return self.database_url or f"sqlite+aiosqlite:///{self.home / 'voxtest.db'}"

    @property
    def is_sqlite(self) -> bool:
        return self.effective_database_url.startswith("sqlite")
