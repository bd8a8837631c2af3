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
    """Let URLs voxtest calls on a user's behalf (a scenario's REST functions) resolve to
    loopback, private or link-local addresses; off, such calls fail with a message."""

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

    run_starts_per_second: int = Field(default=5, ge=0)
    """At most this many runs of one organization start in any second, across every process
    (Cekura schedules 5 calls a second); 0 for no pace."""

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
