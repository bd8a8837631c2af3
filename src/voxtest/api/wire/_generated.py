"""Wire models generated from Cekura's reference OpenAPI by scripts/gen_wire.py.

Do not edit by hand: add the operation to scripts/wire_operations.txt and run
`make wire`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar, Literal

from pydantic import Field

from voxtest.api.wire.base import Operation, ReadModel, WriteModel


class AIAgent(ReadModel):
    """AIAgent"""

    id: int | None = Field(None, description="Agent ID.\nExample: `2142`")
    project: int | None = Field(None, description="The project this agent belongs to")
    agent_name: str = Field(
        description='A descriptive name for your agent\nExample: \n- `"Customer Service Assistant"`\n- `"Sales Bot"`'
    )
    contact_number: str | None = Field(
        None,
        description='Phone number assigned to this agent for calls (must start with + followed by digits, min 8 chars)\nExample: `"+1234567890"`',
    )
    inbound: bool = Field(
        description="Whether this agent handles inbound calls.\n- If true, our agent will call you on above number.\n- If false, your agent will have to call our agent.\n\nExample: `true` or `false`"
    )
    description: str = Field(
        description="A detailed description of what this agent does and how it should interact\nExample: \n```text\nAI agent for handling customer support inquiries and resolving technical issues\n```"
    )
    language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="The primary language this agent uses for communication (e.g. 'en' for English)\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    assistant_id: str | None = Field(
        None,
        description='External assistant service identifier (minimum 10 characters).\nExample: `"asst_abc123xyz"`.\n\nNote: `assistant_id` alone does NOT substitute for provider credentials. Providers like VAPI, Retell, and Bland still require their respective `*_api_key` to be set.',
    )
    chat_assistant_id: str | None = Field(
        None,
        description='Chat / provider-specific assistant identifier (minimum 10 characters).\nExample: `"chat_asst_abc123xyz"`.\n\nRequired for `assistant_provider` values:\n- `retell` — the Retell agent id (used for voice too, despite the field name).\n- `bland` — the Bland pathway_id (Bland calls it pathway_id internally).\n- `sms` / `whatsapp` — the text-channel assistant id.',
    )
    websocket_url: str | None = Field(
        None,
        description='WebSocket endpoint URL for real-time communication\nExample: `"wss://api.example.com/ws"`',
    )
    websocket_headers: dict[str, Any] | None = Field(
        None, description="Headers to be sent to the websocket server"
    )
    llm_system_prompt: str | None = Field(
        None,
        description="System prompt that defines the agent's behavior and personality\nExample: \n```text\nYou are a helpful customer service agent. Always be polite and professional.\n```",
    )
    llm_model: (
        Literal["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "claude-sonnet-4-5-20250929"]
        | None
    ) = Field(
        None,
        description="The LLM model to use for simulating user responses\n\n\n* `gpt-4o` - gpt-4o\n* `gpt-4o-mini` - gpt-4o-mini\n* `gpt-4.1` - gpt-4.1\n* `gpt-4.1-mini` - gpt-4.1-mini\n* `claude-sonnet-4-5-20250929` - claude-sonnet-4-5",
    )
    llm_temperature: float | None = Field(
        None,
        description="Controls randomness in responses (0.0-2.0, lower = more focused)\nExample: `0.5`",
    )
    llm_max_tokens: int | None = Field(
        None, description="Maximum length of simulated responses in tokens\nExample: `4096`"
    )
    outbound_auto_call: bool | None = Field(
        None,
        description="Whether to automatically call the outbound number\nExample: `False` or `True`",
    )
    sip_endpoint: str | None = Field(
        None,
        description='SIP endpoint URL for direct SIP-based phone calls.\nExample: `"sip:agent@cekura.ai"` or `"sip:contact@domain.com"`\nLeave empty if SIP calling is not configured for this agent.',
    )
    sip_auth: Any = Field(
        None,
        description='SIP authentication credentials\nExample: `{"username": "user123", "password": "pass123"}`',
    )
    websocket_voice_url: str | None = Field(
        None,
        description="Raw-PCM (16kHz 16-bit mono) websocket endpoint for direct websocket-based voice calls",
    )
    websocket_auth: Any = Field(
        None,
        description='Websocket Basic Auth credentials\nExample: `{"username": "user123", "password": "pass123"}`',
    )
    knowledge_base_files: list[int] | str | None = Field(
        None, description="List of knowledge base files attached to the agent\nExample: `[1, 2, 3]`"
    )
    transcript_provider: (
        Literal[
            "vapi",
            "retell",
            "synthflow",
            "elevenlabs",
            "bland",
            "livekit",
            "pipecat",
            "koreai",
            "custom",
            "cisco",
            "genesys",
            "agora",
            "amazon_connect",
            "telnyx",
            "",
        ]
        | None
    ) = Field(
        None,
        description="Service provider for speech-to-text transcription\n\n\n* `vapi` - Vapi\n* `retell` - Retell\n* `synthflow` - Synthflow\n* `elevenlabs` - Elevenlabs\n* `bland` - Bland\n* `livekit` - Livekit\n* `pipecat` - Pipecat\n* `koreai` - Kore\n* `custom` - Custom\n* `cisco` - Cisco\n* `genesys` - Genesys\n* `agora` - Agora\n* `amazon_connect` - Amazon Connect\n* `telnyx` - Telnyx",
    )
    assistant_provider: (
        Literal[
            "vapi",
            "retell",
            "elevenlabs",
            "vocera",
            "sms",
            "whatsapp",
            "self_hosted",
            "agentforce",
            "cisco",
            "bland",
            "livekit",
            "pipecat",
            "synthflow",
            "agora",
            "koreai",
            "genesys",
            "amazon_connect",
            "telnyx",
            "sierra",
            "",
        ]
        | None
    ) = Field(
        None,
        description='Service provider for the AI assistant functionality. Valid values (live enum):\n\n- `self_hosted` — websocket or observation-only; no api_key needed. Use `websocket_url` + `websocket_headers` for text-mode runs.\n- `vapi` — requires `vapi_api_key`; optional `assistant_id`, `vapi_data.public_key`.\n- `retell` — requires `retell_api_key` AND `chat_assistant_id` (used for voice too).\n- `bland` — requires `bland_api_key`; `assistant_id` is the Bland persona_id (voice), `chat_assistant_id` the pathway_id (text); `bland_data.encrypted_key` for Twilio.\n- `livekit` — requires `livekit_api_key` + `livekit_data.url`; `livekit_data.api_secret` is needed at run time for WebRTC.\n- `elevenlabs` — requires `elevenlabs_api_key`.\n- `agentforce` — requires `agentforce_client_secret` + `agentforce_data`.\n- `sierra` — requires `sierra_agent_token`; optional `sierra_data` (host, api_secret). Chat/text runs only.\n- `amazon_connect` — requires `amazon_connect_data` with `snippet_id` and `connect_host`; optional `amazon_connect_security_token` and `region`.\n- `cisco` — Cisco Webex.\n- `vocera` — Cekura-hosted.\n- `sms` / `whatsapp` — text-only channels; use `chat_assistant_id`.\n- `""` (empty) — unset; agent is not runnable until a provider is configured.\n\nNote: the serializer also exposes `pipecat_*`, `synthflow_*`, `koreai_*`, `genesys_*`, `custom_provider_*` fields, but those provider values are not currently selectable in this enum.\n\n\n* `vapi` - Vapi\n* `retell` - Retell\n* `elevenlabs` - Elevenlabs\n* `vocera` - Vocera\n* `sms` - Sms\n* `whatsapp` - Whatsapp\n* `self_hosted` - Self Hosted\n* `agentforce` - Agentforce\n* `cisco` - Cisco\n* `bland` - Bland\n* `livekit` - Livekit\n* `pipecat` - Pipecat\n* `synthflow` - Synthflow\n* `agora` - Agora\n* `koreai` - Koreai\n* `genesys` - Genesys\n* `amazon_connect` - Amazon Connect\n* `telnyx` - Telnyx\n* `sierra` - Sierra',
    )
    vapi_api_key_configured: str | None = None
    vapi_public_key_configured: str | None = None
    retell_api_key_configured: str | None = None
    elevenlabs_api_key_configured: str | None = None
    bland_api_key_configured: str | None = None
    bland_data: dict[str, Any] | str | None = Field(
        None,
        description='Bland additional configuration. Pass `encrypted_key` containing the Twilio credential bundle.\nExample: `{"encrypted_key": "twillio_encrypted_key"}`',
    )
    livekit_api_key_configured: str | None = None
    livekit_data: dict[str, Any] | str | None = Field(
        None,
        description='LiveKit additional data (api_secret, url, and config). `url` is required alongside `livekit_api_key` when `assistant_provider="livekit"`;\n`api_secret` is optional to save but needed at run time for WebRTC token minting.\nOn response, secrets are masked (the `api_secret` key is stripped and replaced with `api_secret_configured: true`).',
    )
    pipecat_api_key_configured: str | None = None
    pipecat_data: dict[str, Any] | str | None = Field(
        None, description="Pipecat/Daily.co additional data (webhook_url and config)"
    )
    koreai_client_secret_configured: str | None = None
    koreai_api_key_configured: str | None = None
    koreai_data: dict[str, Any] | str | None = Field(
        None,
        description='Kore.ai additional data.\nFor the RTM runner: {"api_secret": "<xo-webclient API key>", "host": "platform.kore.ai"}\nFor transcript fetch: {"client_id": "cs-...", "bot_id": "st-...", "host": "bots.kore.ai"}\napi_secret is encrypted at rest automatically.',
    )
    genesys_client_secret_configured: str | None = None
    genesys_data: dict[str, Any] | str | None = Field(
        None, description="Genesys Cloud additional data - client_id and region"
    )
    agentforce_client_secret_configured: str | None = None
    agentforce_data: dict[str, Any] | str | None = Field(
        None,
        description='Agentforce additional data - client_id, domain, and agent_id\nExample: `{"client_id": "sd7a8...", "domain": "https://example.sandbox.my.salesforce.com", "agent_id": "0Xx..."}`',
    )
    sierra_agent_token_configured: str | None = None
    sierra_data: dict[str, Any] | str | None = Field(
        None,
        description='Sierra additional configuration. Optional keys: `host` (API host, defaults to api.sierra.chat) and `api_secret` (bearer API key, only needed when the Sierra org enforces Headless API authentication; encrypted at rest).\nExample: `{"host": "api.sierra.chat"}`',
    )
    amazon_connect_security_token_configured: str | None = None
    amazon_connect_data: dict[str, Any] | str | None = Field(
        None,
        description="Amazon Connect config: snippet_id (required), connect_host (required), region (default us-east-1).",
    )
    custom_provider_api_key_configured: str | None = None
    custom_provider_data: dict[str, Any] | str | None = Field(
        None, description="Additional configuration data for custom service provider"
    )
    vapi_data: dict[str, Any] | str | None = Field(
        None,
        description='VAPI additional configuration data\nExample: `{"public_key": "your-vapi-public-key", "trigger_url": "https://example.com/trigger"}`',
    )
    retell_data: dict[str, Any] | str | None = Field(
        None,
        description='Retell additional configuration data\nExample: `{"trigger_url": "https://example.com/trigger"}`',
    )
    elevenlabs_data: dict[str, Any] | str | None = Field(
        None,
        description='ElevenLabs additional configuration data\nExample: `{"trigger_url": "https://example.com/trigger"}`',
    )
    agora_data: dict[str, Any] | str | None = Field(
        None,
        description='Configuration for the Agora session endpoint that mints per-call join details.\nSupported keys:\n  `session_endpoint_url` (required): endpoint Cekura calls per run.\n  `client_id` (required): sent in the request body.\n  `auth_header_name` (optional): header carrying the secret (default `X-Cekura-Secret`).\n  `request_method` (optional): GET or POST (default POST).\nExample: `{"session_endpoint_url": "https://your-host/cekura/v1/sessions", "client_id": "abc"}`',
    )
    synthflow_api_key_configured: str | None = None
    synthflow_data: dict[str, Any] | str | None = Field(
        None,
        description='Synthflow additional configuration data\nExample: `{"synthflow_base_url_override": "https://api.synthflow.ai"}`',
    )
    telnyx_api_key_configured: str | None = None
    enabled_personalities: list[int] | None = Field(
        None, description="Personality profiles enabled for this agent\nExample: `[1, 2, 3]`"
    )
    dropoff_nodes: Any = Field(
        None,
        description='Configuration for conversation dropoff points.\nExample: `{"timeout": 30, "max_retries": 3}`',
    )
    topic_nodes: Any = Field(
        None,
        description='Configuration for topic classification nodes.\nExample: `{"billing": "handle_billing", "support": "handle_support"}`',
    )
    pronunciation_words: Any = Field(
        None,
        description='List of words with phonemes for pronunciation analysis.\nExample: `[["hello", "HH AH L OW"], ["world", "W ER L D"]]`',
    )
    spelling_word_types: Any = Field(
        None,
        description='List of word types/categories to check for spelling analysis.\nExample: `["name", "postcode", "email", "address"]`',
    )
    auto_update_dropoff_nodes: bool | None = Field(
        None,
        description="Whether to automatically update the dropoff nodes based on the agent description",
    )
    auto_update_topic_nodes: bool | None = Field(
        None,
        description="Whether to automatically update the topic nodes based on the agent description",
    )
    hallucination_metric_kb_files: list[int | None] | None = Field(
        None, description="Knowledge base files used for hallucination metric"
    )
    outbound_numbers: Any = Field(
        None,
        description='List of phone numbers authorized to place outbound calls for this agent.\nExample: `["+1234567890", "+0987654321"]`\n\nUsed for webhook validation — when an inbound webhook arrives, the system\nchecks whether the calling number is in this list (falls back to\n`contact_number` if the list is empty). Actual call placement for test runs\nuses the scenario\'s configured phone number or a number allocated from the\norganisation\'s phone pool.',
    )
    created_at: datetime | None = Field(
        None, description='Timestamp when the agent was created\nExample: `"2021-01-01T00:00:00Z"`'
    )
    updated_at: datetime | None = Field(
        None,
        description='Timestamp when the agent was last updated\nExample: `"2021-01-01T00:00:00Z"`',
    )
    auto_fetch_calls_enabled: bool | None = Field(
        None,
        description="Enable automatic fetching of calls every 30 seconds (VAPI/Retell/ElevenLabs/Bland)",
    )
    auto_sync_prompt_enabled: bool | None = Field(
        None,
        description="Enable one-way prompt sync from the provider to Cekura on a schedule. Cekura re-fetches the provider prompt and updates the agent description; it does not push Cekura description changes back to the provider. Supported providers: vapi, retell, elevenlabs, synthflow, telnyx, bland.",
    )
    agent_gives_first_message: bool | None = Field(
        None,
        description="Whether the main agent (not the testing agent) will give the first message. True = agent speaks first (testing agent won't generate a first message). False = testing agent speaks first (first message will be generated). None = preference not yet set.",
    )
    webhook_url: str | None = Field(
        None,
        description="Webhook URL for this agent. When set, overrides the project-level webhook URL for events from this agent.",
    )
    webhook_secret_configured: str | None = None
    email_id: str | None = Field(
        None,
        description="Email address this agent receives at. When set, enables email-based test runs.",
    )


class PaginatedAIAgentList(ReadModel):
    """PaginatedAIAgentList"""

    count: int
    next: str | None = None
    previous: str | None = None
    results: list[AIAgent]


class AIAgentWrite(WriteModel):
    """AIAgent"""

    project: int | None = Field(None, description="The project this agent belongs to")
    organization: int | None = Field(None, description="The organization this agent belongs to")
    agent_name: str | None = Field(
        None,
        max_length=255,
        description='A descriptive name for your agent\nExample: \n- `"Customer Service Assistant"`\n- `"Sales Bot"`',
    )
    contact_number: str | None = Field(
        None,
        max_length=30,
        description='Phone number assigned to this agent for calls (must start with + followed by digits, min 8 chars)\nExample: `"+1234567890"`',
    )
    inbound: bool | None = Field(
        None,
        description="Whether this agent handles inbound calls.\n- If true, our agent will call you on above number.\n- If false, your agent will have to call our agent.\n\nExample: `true` or `false`",
    )
    description: str | None = Field(
        None,
        description="A detailed description of what this agent does and how it should interact\nExample: \n```text\nAI agent for handling customer support inquiries and resolving technical issues\n```",
    )
    language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="The primary language this agent uses for communication (e.g. 'en' for English)\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    assistant_id: str | None = Field(
        None,
        max_length=255,
        description='External assistant service identifier (minimum 10 characters).\nExample: `"asst_abc123xyz"`.\n\nNote: `assistant_id` alone does NOT substitute for provider credentials. Providers like VAPI, Retell, and Bland still require their respective `*_api_key` to be set.',
    )
    chat_assistant_id: str | None = Field(
        None,
        max_length=255,
        description='Chat / provider-specific assistant identifier (minimum 10 characters).\nExample: `"chat_asst_abc123xyz"`.\n\nRequired for `assistant_provider` values:\n- `retell` — the Retell agent id (used for voice too, despite the field name).\n- `bland` — the Bland pathway_id (Bland calls it pathway_id internally).\n- `sms` / `whatsapp` — the text-channel assistant id.',
    )
    websocket_url: str | None = Field(
        None,
        description='WebSocket endpoint URL for real-time communication\nExample: `"wss://api.example.com/ws"`',
    )
    websocket_headers: dict[str, Any] | None = Field(
        None, description="Headers to be sent to the websocket server"
    )
    llm_system_prompt: str | None = Field(
        None,
        description="System prompt that defines the agent's behavior and personality\nExample: \n```text\nYou are a helpful customer service agent. Always be polite and professional.\n```",
    )
    llm_model: (
        Literal["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "claude-sonnet-4-5-20250929"]
        | None
    ) = Field(
        None,
        description="The LLM model to use for simulating user responses\n\n\n* `gpt-4o` - gpt-4o\n* `gpt-4o-mini` - gpt-4o-mini\n* `gpt-4.1` - gpt-4.1\n* `gpt-4.1-mini` - gpt-4.1-mini\n* `claude-sonnet-4-5-20250929` - claude-sonnet-4-5",
    )
    llm_temperature: float | None = Field(
        None,
        description="Controls randomness in responses (0.0-2.0, lower = more focused)\nExample: `0.5`",
    )
    llm_max_tokens: int | None = Field(
        None, description="Maximum length of simulated responses in tokens\nExample: `4096`"
    )
    outbound_auto_call: bool | None = Field(
        None,
        description="Whether to automatically call the outbound number\nExample: `False` or `True`",
    )
    sip_endpoint: str | None = Field(
        None,
        max_length=255,
        description='SIP endpoint URL for direct SIP-based phone calls.\nExample: `"sip:agent@cekura.ai"` or `"sip:contact@domain.com"`\nLeave empty if SIP calling is not configured for this agent.',
    )
    sip_auth: Any = Field(
        None,
        description='SIP authentication credentials\nExample: `{"username": "user123", "password": "pass123"}`',
    )
    websocket_voice_url: str | None = Field(
        None,
        max_length=255,
        description="Raw-PCM (16kHz 16-bit mono) websocket endpoint for direct websocket-based voice calls",
    )
    websocket_auth: Any = Field(
        None,
        description='Websocket Basic Auth credentials\nExample: `{"username": "user123", "password": "pass123"}`',
    )
    predefined_metrics: Any = Field(None, description="predefined metrics to use for the agent")
    transcript_provider: (
        Literal[
            "vapi",
            "retell",
            "synthflow",
            "elevenlabs",
            "bland",
            "livekit",
            "pipecat",
            "koreai",
            "custom",
            "cisco",
            "genesys",
            "agora",
            "amazon_connect",
            "telnyx",
            "",
        ]
        | None
    ) = Field(
        None,
        description="Service provider for speech-to-text transcription\n\n\n* `vapi` - Vapi\n* `retell` - Retell\n* `synthflow` - Synthflow\n* `elevenlabs` - Elevenlabs\n* `bland` - Bland\n* `livekit` - Livekit\n* `pipecat` - Pipecat\n* `koreai` - Kore\n* `custom` - Custom\n* `cisco` - Cisco\n* `genesys` - Genesys\n* `agora` - Agora\n* `amazon_connect` - Amazon Connect\n* `telnyx` - Telnyx",
    )
    assistant_provider: (
        Literal[
            "vapi",
            "retell",
            "elevenlabs",
            "vocera",
            "sms",
            "whatsapp",
            "self_hosted",
            "agentforce",
            "cisco",
            "bland",
            "livekit",
            "pipecat",
            "synthflow",
            "agora",
            "koreai",
            "genesys",
            "amazon_connect",
            "telnyx",
            "sierra",
            "",
        ]
        | None
    ) = Field(
        None,
        description='Service provider for the AI assistant functionality. Valid values (live enum):\n\n- `self_hosted` — websocket or observation-only; no api_key needed. Use `websocket_url` + `websocket_headers` for text-mode runs.\n- `vapi` — requires `vapi_api_key`; optional `assistant_id`, `vapi_data.public_key`.\n- `retell` — requires `retell_api_key` AND `chat_assistant_id` (used for voice too).\n- `bland` — requires `bland_api_key`; `assistant_id` is the Bland persona_id (voice), `chat_assistant_id` the pathway_id (text); `bland_data.encrypted_key` for Twilio.\n- `livekit` — requires `livekit_api_key` + `livekit_data.url`; `livekit_data.api_secret` is needed at run time for WebRTC.\n- `elevenlabs` — requires `elevenlabs_api_key`.\n- `agentforce` — requires `agentforce_client_secret` + `agentforce_data`.\n- `sierra` — requires `sierra_agent_token`; optional `sierra_data` (host, api_secret). Chat/text runs only.\n- `amazon_connect` — requires `amazon_connect_data` with `snippet_id` and `connect_host`; optional `amazon_connect_security_token` and `region`.\n- `cisco` — Cisco Webex.\n- `vocera` — Cekura-hosted.\n- `sms` / `whatsapp` — text-only channels; use `chat_assistant_id`.\n- `""` (empty) — unset; agent is not runnable until a provider is configured.\n\nNote: the serializer also exposes `pipecat_*`, `synthflow_*`, `koreai_*`, `genesys_*`, `custom_provider_*` fields, but those provider values are not currently selectable in this enum.\n\n\n* `vapi` - Vapi\n* `retell` - Retell\n* `elevenlabs` - Elevenlabs\n* `vocera` - Vocera\n* `sms` - Sms\n* `whatsapp` - Whatsapp\n* `self_hosted` - Self Hosted\n* `agentforce` - Agentforce\n* `cisco` - Cisco\n* `bland` - Bland\n* `livekit` - Livekit\n* `pipecat` - Pipecat\n* `synthflow` - Synthflow\n* `agora` - Agora\n* `koreai` - Koreai\n* `genesys` - Genesys\n* `amazon_connect` - Amazon Connect\n* `telnyx` - Telnyx\n* `sierra` - Sierra',
    )
    vapi_api_key: str | None = Field(
        None,
        description='API key for VAPI service provider. Required when `assistant_provider="vapi"`.\nExample: `"vapi_api_key_123"`',
    )
    retell_api_key: str | None = Field(
        None,
        description='API key for Retell service provider. Required when `assistant_provider="retell"` (along with `chat_assistant_id`).\nExample: `"retell_api_key_123"`',
    )
    elevenlabs_api_key: str | None = Field(
        None,
        description='API key for ElevenLabs voice synthesis service. Required when `assistant_provider="elevenlabs"`.\nExample: `"elevenlabs_api_key_123"`',
    )
    bland_api_key: str | None = Field(
        None,
        description='API key for Bland service provider. Required when `assistant_provider="bland"`. Pair with `assistant_id` (Bland persona_id) for voice, or `chat_assistant_id` (Bland pathway_id) for text-mode runs.\nExample: `"bland_api_key_123"`',
    )
    bland_data: dict[str, Any] | str | None = Field(
        None,
        description='Bland additional configuration. Pass `encrypted_key` containing the Twilio credential bundle.\nExample: `{"encrypted_key": "twillio_encrypted_key"}`',
    )
    livekit_api_key: str | None = Field(
        None,
        description='API key for LiveKit service provider. Required together with `livekit_data.url` when `assistant_provider="livekit"`.\nExample: `"livekit_api_key_123"`',
    )
    livekit_data: dict[str, Any] | str | None = Field(
        None,
        description='LiveKit additional data (api_secret, url, and config). `url` is required alongside `livekit_api_key` when `assistant_provider="livekit"`;\n`api_secret` is optional to save but needed at run time for WebRTC token minting.\nOn response, secrets are masked (the `api_secret` key is stripped and replaced with `api_secret_configured: true`).',
    )
    pipecat_api_key: str | None = Field(
        None,
        description='API key for Pipecat/Daily.co service provider\nExample: `"pipecat_api_key_123"`',
    )
    pipecat_data: dict[str, Any] | str | None = Field(
        None, description="Pipecat/Daily.co additional data (webhook_url and config)"
    )
    koreai_client_secret: str | None = Field(
        None,
        description='Client secret key for Kore.ai service provider\nExample: `"client_secret_key_123"`',
    )
    koreai_data: dict[str, Any] | str | None = Field(
        None,
        description='Kore.ai additional data.\nFor the RTM runner: {"api_secret": "<xo-webclient API key>", "host": "platform.kore.ai"}\nFor transcript fetch: {"client_id": "cs-...", "bot_id": "st-...", "host": "bots.kore.ai"}\napi_secret is encrypted at rest automatically.',
    )
    genesys_client_secret: str | None = Field(
        None, description="Client secret key for Genesys Cloud service provider"
    )
    genesys_data: dict[str, Any] | str | None = Field(
        None, description="Genesys Cloud additional data - client_id and region"
    )
    agentforce_client_secret: str | None = Field(
        None,
        description='Client secret for Salesforce Agentforce OAuth2 authentication\nExample: `"3EG7HHH..."`',
    )
    agentforce_data: dict[str, Any] | str | None = Field(
        None,
        description='Agentforce additional data - client_id, domain, and agent_id\nExample: `{"client_id": "sd7a8...", "domain": "https://example.sandbox.my.salesforce.com", "agent_id": "0Xx..."}`',
    )
    sierra_agent_token: str | None = Field(
        None,
        description='Sierra Headless API agent token. Required when `assistant_provider="sierra"`.',
    )
    sierra_data: dict[str, Any] | str | None = Field(
        None,
        description='Sierra additional configuration. Optional keys: `host` (API host, defaults to api.sierra.chat) and `api_secret` (bearer API key, only needed when the Sierra org enforces Headless API authentication; encrypted at rest).\nExample: `{"host": "api.sierra.chat"}`',
    )
    amazon_connect_security_token: str | None = Field(
        None, description="x-amz-security-token for Amazon Connect authenticated chat widgets."
    )
    amazon_connect_data: dict[str, Any] | str | None = Field(
        None,
        description="Amazon Connect config: snippet_id (required), connect_host (required), region (default us-east-1).",
    )
    custom_provider_api_key: str | None = Field(
        None, description='API key for custom service provider\nExample: `"custom_api_key_123"`'
    )
    custom_provider_data: dict[str, Any] | str | None = Field(
        None, description="Additional configuration data for custom service provider"
    )
    vapi_data: dict[str, Any] | str | None = Field(
        None,
        description='VAPI additional configuration data\nExample: `{"public_key": "your-vapi-public-key", "trigger_url": "https://example.com/trigger"}`',
    )
    retell_data: dict[str, Any] | str | None = Field(
        None,
        description='Retell additional configuration data\nExample: `{"trigger_url": "https://example.com/trigger"}`',
    )
    elevenlabs_data: dict[str, Any] | str | None = Field(
        None,
        description='ElevenLabs additional configuration data\nExample: `{"trigger_url": "https://example.com/trigger"}`',
    )
    agora_api_key: str | None = Field(
        None,
        description="Secret sent in the session-endpoint auth header (default `X-Cekura-Secret`) when fetching Agora join details. Write-only.",
    )
    agora_data: dict[str, Any] | str | None = Field(
        None,
        description='Configuration for the Agora session endpoint that mints per-call join details.\nSupported keys:\n  `session_endpoint_url` (required): endpoint Cekura calls per run.\n  `client_id` (required): sent in the request body.\n  `auth_header_name` (optional): header carrying the secret (default `X-Cekura-Secret`).\n  `request_method` (optional): GET or POST (default POST).\nExample: `{"session_endpoint_url": "https://your-host/cekura/v1/sessions", "client_id": "abc"}`',
    )
    synthflow_api_key: str | None = Field(
        None,
        description='API key for Synthflow service provider\nExample: `"synthflow_api_key_123"`',
    )
    synthflow_data: dict[str, Any] | str | None = Field(
        None,
        description='Synthflow additional configuration data\nExample: `{"synthflow_base_url_override": "https://api.synthflow.ai"}`',
    )
    telnyx_api_key: str | None = Field(
        None, description='API key for Telnyx AI Assistants\nExample: `"telnyx_api_key_123"`'
    )
    dropoff_nodes: Any = Field(
        None,
        description='Configuration for conversation dropoff points.\nExample: `{"timeout": 30, "max_retries": 3}`',
    )
    topic_nodes: Any = Field(
        None,
        description='Configuration for topic classification nodes.\nExample: `{"billing": "handle_billing", "support": "handle_support"}`',
    )
    pronunciation_words: Any = Field(
        None,
        description='List of words with phonemes for pronunciation analysis.\nExample: `[["hello", "HH AH L OW"], ["world", "W ER L D"]]`',
    )
    spelling_word_types: Any = Field(
        None,
        description='List of word types/categories to check for spelling analysis.\nExample: `["name", "postcode", "email", "address"]`',
    )
    auto_update_dropoff_nodes: bool | None = Field(
        None,
        description="Whether to automatically update the dropoff nodes based on the agent description",
    )
    auto_update_topic_nodes: bool | None = Field(
        None,
        description="Whether to automatically update the topic nodes based on the agent description",
    )
    hallucination_metric_kb_files: list[int | None] | None = Field(
        None, description="Knowledge base files used for hallucination metric"
    )
    outbound_numbers: Any = Field(
        None,
        description='List of phone numbers authorized to place outbound calls for this agent.\nExample: `["+1234567890", "+0987654321"]`\n\nUsed for webhook validation — when an inbound webhook arrives, the system\nchecks whether the calling number is in this list (falls back to\n`contact_number` if the list is empty). Actual call placement for test runs\nuses the scenario\'s configured phone number or a number allocated from the\norganisation\'s phone pool.',
    )
    auto_fetch_calls_enabled: bool | None = Field(
        None,
        description="Enable automatic fetching of calls every 30 seconds (VAPI/Retell/ElevenLabs/Bland)",
    )
    auto_sync_prompt_enabled: bool | None = Field(
        None,
        description="Enable one-way prompt sync from the provider to Cekura on a schedule. Cekura re-fetches the provider prompt and updates the agent description; it does not push Cekura description changes back to the provider. Supported providers: vapi, retell, elevenlabs, synthflow, telnyx, bland.",
    )
    agent_gives_first_message: bool | None = Field(
        None,
        description="Whether the main agent (not the testing agent) will give the first message. True = agent speaks first (testing agent won't generate a first message). False = testing agent speaks first (first message will be generated). None = preference not yet set.",
    )
    webhook_url: str | None = Field(
        None,
        description="Webhook URL for this agent. When set, overrides the project-level webhook URL for events from this agent.",
    )
    webhook_secret: str | None = Field(
        None,
        description="Secret sent in X-CEKURA-SECRET header. Applies when agent webhook_url is set. Write-only — never returned in API responses. Use `webhook_secret_configured` to check whether one is set.",
    )
    email_id: str | None = Field(
        None,
        max_length=254,
        description="Email address this agent receives at. When set, enables email-based test runs.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["agent_name", "description", "inbound"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "agent_name",
            "agentforce_client_secret",
            "agentforce_data",
            "agora_api_key",
            "agora_data",
            "amazon_connect_data",
            "amazon_connect_security_token",
            "assistant_provider",
            "auto_fetch_calls_enabled",
            "auto_sync_prompt_enabled",
            "auto_update_dropoff_nodes",
            "auto_update_topic_nodes",
            "bland_api_key",
            "bland_data",
            "chat_assistant_id",
            "contact_number",
            "custom_provider_api_key",
            "custom_provider_data",
            "description",
            "elevenlabs_api_key",
            "elevenlabs_data",
            "genesys_client_secret",
            "genesys_data",
            "hallucination_metric_kb_files",
            "inbound",
            "koreai_client_secret",
            "koreai_data",
            "language",
            "livekit_api_key",
            "livekit_data",
            "llm_max_tokens",
            "llm_model",
            "llm_system_prompt",
            "llm_temperature",
            "organization",
            "outbound_auto_call",
            "pipecat_api_key",
            "pipecat_data",
            "project",
            "retell_api_key",
            "retell_data",
            "sierra_agent_token",
            "sierra_data",
            "synthflow_api_key",
            "synthflow_data",
            "telnyx_api_key",
            "transcript_provider",
            "vapi_api_key",
            "vapi_data",
            "webhook_secret",
            "webhook_url",
            "websocket_headers",
        ]
    )


class PatchedSchemaUpdateAIAgentExternalWrite(WriteModel):
    """Update an AI voice agent."""

    agent_name: str | None = Field(
        None,
        max_length=255,
        description='A descriptive name for your agent\nExample: \n- `"Customer Service Assistant"`\n- `"Sales Bot"`',
    )
    contact_number: str | None = Field(
        None,
        max_length=30,
        description='Phone number assigned to this agent for calls (must start with + followed by digits, min 8 chars)\nExample: `"+1234567890"`',
    )
    inbound: bool | None = Field(
        None,
        description="Whether this agent handles inbound calls.\n- If true, our agent will call you on above number.\n- If false, your agent will have to call our agent.\n\nExample: `true` or `false`",
    )
    description: str | None = Field(
        None,
        description="A detailed description of what this agent does and how it should interact\nExample: \n```text\nAI agent for handling customer support inquiries and resolving technical issues\n```",
    )
    language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="The primary language this agent uses for communication (e.g. 'en' for English)\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    assistant_id: str | None = Field(
        None,
        max_length=255,
        description='External assistant service identifier (minimum 10 characters).\nExample: `"asst_abc123xyz"`.\n\nNote: `assistant_id` alone does NOT substitute for provider credentials. Providers like VAPI, Retell, and Bland still require their respective `*_api_key` to be set.',
    )
    chat_assistant_id: str | None = Field(
        None,
        max_length=255,
        description='Chat / provider-specific assistant identifier (minimum 10 characters).\nExample: `"chat_asst_abc123xyz"`.\n\nRequired for `assistant_provider` values:\n- `retell` — the Retell agent id (used for voice too, despite the field name).\n- `bland` — the Bland pathway_id (Bland calls it pathway_id internally).\n- `sms` / `whatsapp` — the text-channel assistant id.',
    )
    websocket_url: str | None = Field(
        None,
        description='WebSocket endpoint URL for real-time communication\nExample: `"wss://api.example.com/ws"`',
    )
    websocket_headers: dict[str, Any] | None = Field(
        None, description="Headers to be sent to the websocket server"
    )
    llm_system_prompt: str | None = Field(
        None,
        description="System prompt that defines the agent's behavior and personality\nExample: \n```text\nYou are a helpful customer service agent. Always be polite and professional.\n```",
    )
    llm_model: (
        Literal["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "claude-sonnet-4-5-20250929"]
        | None
    ) = Field(
        None,
        description="The LLM model to use for simulating user responses\n\n\n* `gpt-4o` - gpt-4o\n* `gpt-4o-mini` - gpt-4o-mini\n* `gpt-4.1` - gpt-4.1\n* `gpt-4.1-mini` - gpt-4.1-mini\n* `claude-sonnet-4-5-20250929` - claude-sonnet-4-5",
    )
    llm_temperature: float | None = Field(
        None,
        description="Controls randomness in responses (0.0-2.0, lower = more focused)\nExample: `0.5`",
    )
    llm_max_tokens: int | None = Field(
        None, description="Maximum length of simulated responses in tokens\nExample: `4096`"
    )
    outbound_auto_call: bool | None = Field(
        None,
        description="Whether to automatically call the outbound number\nExample: `False` or `True`",
    )
    sip_endpoint: str | None = Field(
        None,
        max_length=255,
        description='SIP endpoint URL for direct SIP-based phone calls.\nExample: `"sip:agent@cekura.ai"` or `"sip:contact@domain.com"`\nLeave empty if SIP calling is not configured for this agent.',
    )
    sip_auth: Any = Field(
        None,
        description='SIP authentication credentials\nExample: `{"username": "user123", "password": "pass123"}`',
    )
    websocket_voice_url: str | None = Field(
        None,
        max_length=255,
        description="Raw-PCM (16kHz 16-bit mono) websocket endpoint for direct websocket-based voice calls",
    )
    websocket_auth: Any = Field(
        None,
        description='Websocket Basic Auth credentials\nExample: `{"username": "user123", "password": "pass123"}`',
    )
    predefined_metrics: Any = Field(None, description="predefined metrics to use for the agent")
    transcript_provider: (
        Literal[
            "vapi",
            "retell",
            "synthflow",
            "elevenlabs",
            "bland",
            "livekit",
            "pipecat",
            "koreai",
            "custom",
            "cisco",
            "genesys",
            "agora",
            "amazon_connect",
            "telnyx",
            "",
        ]
        | None
    ) = Field(
        None,
        description="Service provider for speech-to-text transcription\n\n\n* `vapi` - Vapi\n* `retell` - Retell\n* `synthflow` - Synthflow\n* `elevenlabs` - Elevenlabs\n* `bland` - Bland\n* `livekit` - Livekit\n* `pipecat` - Pipecat\n* `koreai` - Kore\n* `custom` - Custom\n* `cisco` - Cisco\n* `genesys` - Genesys\n* `agora` - Agora\n* `amazon_connect` - Amazon Connect\n* `telnyx` - Telnyx",
    )
    assistant_provider: (
        Literal[
            "vapi",
            "retell",
            "elevenlabs",
            "vocera",
            "sms",
            "whatsapp",
            "self_hosted",
            "agentforce",
            "cisco",
            "bland",
            "livekit",
            "pipecat",
            "synthflow",
            "agora",
            "koreai",
            "genesys",
            "amazon_connect",
            "telnyx",
            "sierra",
            "",
        ]
        | None
    ) = Field(
        None,
        description='Service provider for the AI assistant functionality. Valid values (live enum):\n\n- `self_hosted` — websocket or observation-only; no api_key needed. Use `websocket_url` + `websocket_headers` for text-mode runs.\n- `vapi` — requires `vapi_api_key`; optional `assistant_id`, `vapi_data.public_key`.\n- `retell` — requires `retell_api_key` AND `chat_assistant_id` (used for voice too).\n- `bland` — requires `bland_api_key`; `assistant_id` is the Bland persona_id (voice), `chat_assistant_id` the pathway_id (text); `bland_data.encrypted_key` for Twilio.\n- `livekit` — requires `livekit_api_key` + `livekit_data.url`; `livekit_data.api_secret` is needed at run time for WebRTC.\n- `elevenlabs` — requires `elevenlabs_api_key`.\n- `agentforce` — requires `agentforce_client_secret` + `agentforce_data`.\n- `sierra` — requires `sierra_agent_token`; optional `sierra_data` (host, api_secret). Chat/text runs only.\n- `amazon_connect` — requires `amazon_connect_data` with `snippet_id` and `connect_host`; optional `amazon_connect_security_token` and `region`.\n- `cisco` — Cisco Webex.\n- `vocera` — Cekura-hosted.\n- `sms` / `whatsapp` — text-only channels; use `chat_assistant_id`.\n- `""` (empty) — unset; agent is not runnable until a provider is configured.\n\nNote: the serializer also exposes `pipecat_*`, `synthflow_*`, `koreai_*`, `genesys_*`, `custom_provider_*` fields, but those provider values are not currently selectable in this enum.\n\n\n* `vapi` - Vapi\n* `retell` - Retell\n* `elevenlabs` - Elevenlabs\n* `vocera` - Vocera\n* `sms` - Sms\n* `whatsapp` - Whatsapp\n* `self_hosted` - Self Hosted\n* `agentforce` - Agentforce\n* `cisco` - Cisco\n* `bland` - Bland\n* `livekit` - Livekit\n* `pipecat` - Pipecat\n* `synthflow` - Synthflow\n* `agora` - Agora\n* `koreai` - Koreai\n* `genesys` - Genesys\n* `amazon_connect` - Amazon Connect\n* `telnyx` - Telnyx\n* `sierra` - Sierra',
    )
    vapi_api_key: str | None = Field(
        None,
        description='API key for VAPI service provider. Required when `assistant_provider="vapi"`.\nExample: `"vapi_api_key_123"`',
    )
    retell_api_key: str | None = Field(
        None,
        description='API key for Retell service provider. Required when `assistant_provider="retell"` (along with `chat_assistant_id`).\nExample: `"retell_api_key_123"`',
    )
    elevenlabs_api_key: str | None = Field(
        None,
        description='API key for ElevenLabs voice synthesis service. Required when `assistant_provider="elevenlabs"`.\nExample: `"elevenlabs_api_key_123"`',
    )
    bland_api_key: str | None = Field(
        None,
        description='API key for Bland service provider. Required when `assistant_provider="bland"`. Pair with `assistant_id` (Bland persona_id) for voice, or `chat_assistant_id` (Bland pathway_id) for text-mode runs.\nExample: `"bland_api_key_123"`',
    )
    bland_data: dict[str, Any] | str | None = Field(
        None,
        description='Bland additional configuration. Pass `encrypted_key` containing the Twilio credential bundle.\nExample: `{"encrypted_key": "twillio_encrypted_key"}`',
    )
    livekit_api_key: str | None = Field(
        None,
        description='API key for LiveKit service provider. Required together with `livekit_data.url` when `assistant_provider="livekit"`.\nExample: `"livekit_api_key_123"`',
    )
    livekit_data: dict[str, Any] | str | None = Field(
        None,
        description='LiveKit additional data (api_secret, url, and config). `url` is required alongside `livekit_api_key` when `assistant_provider="livekit"`;\n`api_secret` is optional to save but needed at run time for WebRTC token minting.\nOn response, secrets are masked (the `api_secret` key is stripped and replaced with `api_secret_configured: true`).',
    )
    pipecat_api_key: str | None = Field(
        None,
        description='API key for Pipecat/Daily.co service provider\nExample: `"pipecat_api_key_123"`',
    )
    pipecat_data: dict[str, Any] | str | None = Field(
        None, description="Pipecat/Daily.co additional data (webhook_url and config)"
    )
    koreai_client_secret: str | None = Field(
        None,
        description='Client secret key for Kore.ai service provider\nExample: `"client_secret_key_123"`',
    )
    koreai_data: dict[str, Any] | str | None = Field(
        None,
        description='Kore.ai additional data.\nFor the RTM runner: {"api_secret": "<xo-webclient API key>", "host": "platform.kore.ai"}\nFor transcript fetch: {"client_id": "cs-...", "bot_id": "st-...", "host": "bots.kore.ai"}\napi_secret is encrypted at rest automatically.',
    )
    genesys_client_secret: str | None = Field(
        None, description="Client secret key for Genesys Cloud service provider"
    )
    genesys_data: dict[str, Any] | str | None = Field(
        None, description="Genesys Cloud additional data - client_id and region"
    )
    agentforce_client_secret: str | None = Field(
        None,
        description='Client secret for Salesforce Agentforce OAuth2 authentication\nExample: `"3EG7HHH..."`',
    )
    agentforce_data: dict[str, Any] | str | None = Field(
        None,
        description='Agentforce additional data - client_id, domain, and agent_id\nExample: `{"client_id": "sd7a8...", "domain": "https://example.sandbox.my.salesforce.com", "agent_id": "0Xx..."}`',
    )
    sierra_agent_token: str | None = Field(
        None,
        description='Sierra Headless API agent token. Required when `assistant_provider="sierra"`.',
    )
    sierra_data: dict[str, Any] | str | None = Field(
        None,
        description='Sierra additional configuration. Optional keys: `host` (API host, defaults to api.sierra.chat) and `api_secret` (bearer API key, only needed when the Sierra org enforces Headless API authentication; encrypted at rest).\nExample: `{"host": "api.sierra.chat"}`',
    )
    amazon_connect_security_token: str | None = Field(
        None, description="x-amz-security-token for Amazon Connect authenticated chat widgets."
    )
    amazon_connect_data: dict[str, Any] | str | None = Field(
        None,
        description="Amazon Connect config: snippet_id (required), connect_host (required), region (default us-east-1).",
    )
    custom_provider_api_key: str | None = Field(
        None, description='API key for custom service provider\nExample: `"custom_api_key_123"`'
    )
    custom_provider_data: dict[str, Any] | str | None = Field(
        None, description="Additional configuration data for custom service provider"
    )
    vapi_data: dict[str, Any] | str | None = Field(
        None,
        description='VAPI additional configuration data\nExample: `{"public_key": "your-vapi-public-key", "trigger_url": "https://example.com/trigger"}`',
    )
    retell_data: dict[str, Any] | str | None = Field(
        None,
        description='Retell additional configuration data\nExample: `{"trigger_url": "https://example.com/trigger"}`',
    )
    elevenlabs_data: dict[str, Any] | str | None = Field(
        None,
        description='ElevenLabs additional configuration data\nExample: `{"trigger_url": "https://example.com/trigger"}`',
    )
    agora_api_key: str | None = Field(
        None,
        description="Secret sent in the session-endpoint auth header (default `X-Cekura-Secret`) when fetching Agora join details. Write-only.",
    )
    agora_data: dict[str, Any] | str | None = Field(
        None,
        description='Configuration for the Agora session endpoint that mints per-call join details.\nSupported keys:\n  `session_endpoint_url` (required): endpoint Cekura calls per run.\n  `client_id` (required): sent in the request body.\n  `auth_header_name` (optional): header carrying the secret (default `X-Cekura-Secret`).\n  `request_method` (optional): GET or POST (default POST).\nExample: `{"session_endpoint_url": "https://your-host/cekura/v1/sessions", "client_id": "abc"}`',
    )
    synthflow_api_key: str | None = Field(
        None,
        description='API key for Synthflow service provider\nExample: `"synthflow_api_key_123"`',
    )
    synthflow_data: dict[str, Any] | str | None = Field(
        None,
        description='Synthflow additional configuration data\nExample: `{"synthflow_base_url_override": "https://api.synthflow.ai"}`',
    )
    telnyx_api_key: str | None = Field(
        None, description='API key for Telnyx AI Assistants\nExample: `"telnyx_api_key_123"`'
    )
    dropoff_nodes: Any = Field(
        None,
        description='Configuration for conversation dropoff points.\nExample: `{"timeout": 30, "max_retries": 3}`',
    )
    topic_nodes: Any = Field(
        None,
        description='Configuration for topic classification nodes.\nExample: `{"billing": "handle_billing", "support": "handle_support"}`',
    )
    pronunciation_words: Any = Field(
        None,
        description='List of words with phonemes for pronunciation analysis.\nExample: `[["hello", "HH AH L OW"], ["world", "W ER L D"]]`',
    )
    spelling_word_types: Any = Field(
        None,
        description='List of word types/categories to check for spelling analysis.\nExample: `["name", "postcode", "email", "address"]`',
    )
    auto_update_dropoff_nodes: bool | None = Field(
        None,
        description="Whether to automatically update the dropoff nodes based on the agent description",
    )
    auto_update_topic_nodes: bool | None = Field(
        None,
        description="Whether to automatically update the topic nodes based on the agent description",
    )
    hallucination_metric_kb_files: list[int | None] | None = Field(
        None, description="Knowledge base files used for hallucination metric"
    )
    outbound_numbers: Any = Field(
        None,
        description='List of phone numbers authorized to place outbound calls for this agent.\nExample: `["+1234567890", "+0987654321"]`\n\nUsed for webhook validation — when an inbound webhook arrives, the system\nchecks whether the calling number is in this list (falls back to\n`contact_number` if the list is empty). Actual call placement for test runs\nuses the scenario\'s configured phone number or a number allocated from the\norganisation\'s phone pool.',
    )
    auto_fetch_calls_enabled: bool | None = Field(
        None,
        description="Enable automatic fetching of calls every 30 seconds (VAPI/Retell/ElevenLabs/Bland)",
    )
    auto_sync_prompt_enabled: bool | None = Field(
        None,
        description="Enable one-way prompt sync from the provider to Cekura on a schedule. Cekura re-fetches the provider prompt and updates the agent description; it does not push Cekura description changes back to the provider. Supported providers: vapi, retell, elevenlabs, synthflow, telnyx, bland.",
    )
    agent_gives_first_message: bool | None = Field(
        None,
        description="Whether the main agent (not the testing agent) will give the first message. True = agent speaks first (testing agent won't generate a first message). False = testing agent speaks first (first message will be generated). None = preference not yet set.",
    )
    webhook_url: str | None = Field(
        None,
        description="Webhook URL for this agent. When set, overrides the project-level webhook URL for events from this agent.",
    )
    webhook_secret: str | None = Field(
        None,
        description="Secret sent in X-CEKURA-SECRET header. Applies when agent webhook_url is set. Write-only — never returned in API responses. Use `webhook_secret_configured` to check whether one is set.",
    )
    email_id: str | None = Field(
        None,
        max_length=254,
        description="Email address this agent receives at. When set, enables email-based test runs.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "agent_name",
            "agentforce_client_secret",
            "agentforce_data",
            "agora_api_key",
            "agora_data",
            "amazon_connect_data",
            "amazon_connect_security_token",
            "assistant_provider",
            "auto_fetch_calls_enabled",
            "auto_sync_prompt_enabled",
            "auto_update_dropoff_nodes",
            "auto_update_topic_nodes",
            "bland_api_key",
            "bland_data",
            "chat_assistant_id",
            "contact_number",
            "custom_provider_api_key",
            "custom_provider_data",
            "description",
            "elevenlabs_api_key",
            "elevenlabs_data",
            "genesys_client_secret",
            "genesys_data",
            "hallucination_metric_kb_files",
            "inbound",
            "koreai_client_secret",
            "koreai_data",
            "language",
            "livekit_api_key",
            "livekit_data",
            "llm_max_tokens",
            "llm_model",
            "llm_system_prompt",
            "llm_temperature",
            "outbound_auto_call",
            "pipecat_api_key",
            "pipecat_data",
            "retell_api_key",
            "retell_data",
            "sierra_agent_token",
            "sierra_data",
            "synthflow_api_key",
            "synthflow_data",
            "telnyx_api_key",
            "transcript_provider",
            "vapi_api_key",
            "vapi_data",
            "webhook_secret",
            "webhook_url",
            "websocket_headers",
        ]
    )


class SchemaUpdateAIAgentExternalWrite(WriteModel):
    """Update an AI voice agent."""

    agent_name: str | None = Field(
        None,
        max_length=255,
        description='A descriptive name for your agent\nExample: \n- `"Customer Service Assistant"`\n- `"Sales Bot"`',
    )
    contact_number: str | None = Field(
        None,
        max_length=30,
        description='Phone number assigned to this agent for calls (must start with + followed by digits, min 8 chars)\nExample: `"+1234567890"`',
    )
    inbound: bool | None = Field(
        None,
        description="Whether this agent handles inbound calls.\n- If true, our agent will call you on above number.\n- If false, your agent will have to call our agent.\n\nExample: `true` or `false`",
    )
    description: str | None = Field(
        None,
        description="A detailed description of what this agent does and how it should interact\nExample: \n```text\nAI agent for handling customer support inquiries and resolving technical issues\n```",
    )
    language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="The primary language this agent uses for communication (e.g. 'en' for English)\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    assistant_id: str | None = Field(
        None,
        max_length=255,
        description='External assistant service identifier (minimum 10 characters).\nExample: `"asst_abc123xyz"`.\n\nNote: `assistant_id` alone does NOT substitute for provider credentials. Providers like VAPI, Retell, and Bland still require their respective `*_api_key` to be set.',
    )
    chat_assistant_id: str | None = Field(
        None,
        max_length=255,
        description='Chat / provider-specific assistant identifier (minimum 10 characters).\nExample: `"chat_asst_abc123xyz"`.\n\nRequired for `assistant_provider` values:\n- `retell` — the Retell agent id (used for voice too, despite the field name).\n- `bland` — the Bland pathway_id (Bland calls it pathway_id internally).\n- `sms` / `whatsapp` — the text-channel assistant id.',
    )
    websocket_url: str | None = Field(
        None,
        description='WebSocket endpoint URL for real-time communication\nExample: `"wss://api.example.com/ws"`',
    )
    websocket_headers: dict[str, Any] | None = Field(
        None, description="Headers to be sent to the websocket server"
    )
    llm_system_prompt: str | None = Field(
        None,
        description="System prompt that defines the agent's behavior and personality\nExample: \n```text\nYou are a helpful customer service agent. Always be polite and professional.\n```",
    )
    llm_model: (
        Literal["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "claude-sonnet-4-5-20250929"]
        | None
    ) = Field(
        None,
        description="The LLM model to use for simulating user responses\n\n\n* `gpt-4o` - gpt-4o\n* `gpt-4o-mini` - gpt-4o-mini\n* `gpt-4.1` - gpt-4.1\n* `gpt-4.1-mini` - gpt-4.1-mini\n* `claude-sonnet-4-5-20250929` - claude-sonnet-4-5",
    )
    llm_temperature: float | None = Field(
        None,
        description="Controls randomness in responses (0.0-2.0, lower = more focused)\nExample: `0.5`",
    )
    llm_max_tokens: int | None = Field(
        None, description="Maximum length of simulated responses in tokens\nExample: `4096`"
    )
    outbound_auto_call: bool | None = Field(
        None,
        description="Whether to automatically call the outbound number\nExample: `False` or `True`",
    )
    sip_endpoint: str | None = Field(
        None,
        max_length=255,
        description='SIP endpoint URL for direct SIP-based phone calls.\nExample: `"sip:agent@cekura.ai"` or `"sip:contact@domain.com"`\nLeave empty if SIP calling is not configured for this agent.',
    )
    sip_auth: Any = Field(
        None,
        description='SIP authentication credentials\nExample: `{"username": "user123", "password": "pass123"}`',
    )
    websocket_voice_url: str | None = Field(
        None,
        max_length=255,
        description="Raw-PCM (16kHz 16-bit mono) websocket endpoint for direct websocket-based voice calls",
    )
    websocket_auth: Any = Field(
        None,
        description='Websocket Basic Auth credentials\nExample: `{"username": "user123", "password": "pass123"}`',
    )
    predefined_metrics: Any = Field(None, description="predefined metrics to use for the agent")
    transcript_provider: (
        Literal[
            "vapi",
            "retell",
            "synthflow",
            "elevenlabs",
            "bland",
            "livekit",
            "pipecat",
            "koreai",
            "custom",
            "cisco",
            "genesys",
            "agora",
            "amazon_connect",
            "telnyx",
            "",
        ]
        | None
    ) = Field(
        None,
        description="Service provider for speech-to-text transcription\n\n\n* `vapi` - Vapi\n* `retell` - Retell\n* `synthflow` - Synthflow\n* `elevenlabs` - Elevenlabs\n* `bland` - Bland\n* `livekit` - Livekit\n* `pipecat` - Pipecat\n* `koreai` - Kore\n* `custom` - Custom\n* `cisco` - Cisco\n* `genesys` - Genesys\n* `agora` - Agora\n* `amazon_connect` - Amazon Connect\n* `telnyx` - Telnyx",
    )
    assistant_provider: (
        Literal[
            "vapi",
            "retell",
            "elevenlabs",
            "vocera",
            "sms",
            "whatsapp",
            "self_hosted",
            "agentforce",
            "cisco",
            "bland",
            "livekit",
            "pipecat",
            "synthflow",
            "agora",
            "koreai",
            "genesys",
            "amazon_connect",
            "telnyx",
            "sierra",
            "",
        ]
        | None
    ) = Field(
        None,
        description='Service provider for the AI assistant functionality. Valid values (live enum):\n\n- `self_hosted` — websocket or observation-only; no api_key needed. Use `websocket_url` + `websocket_headers` for text-mode runs.\n- `vapi` — requires `vapi_api_key`; optional `assistant_id`, `vapi_data.public_key`.\n- `retell` — requires `retell_api_key` AND `chat_assistant_id` (used for voice too).\n- `bland` — requires `bland_api_key`; `assistant_id` is the Bland persona_id (voice), `chat_assistant_id` the pathway_id (text); `bland_data.encrypted_key` for Twilio.\n- `livekit` — requires `livekit_api_key` + `livekit_data.url`; `livekit_data.api_secret` is needed at run time for WebRTC.\n- `elevenlabs` — requires `elevenlabs_api_key`.\n- `agentforce` — requires `agentforce_client_secret` + `agentforce_data`.\n- `sierra` — requires `sierra_agent_token`; optional `sierra_data` (host, api_secret). Chat/text runs only.\n- `amazon_connect` — requires `amazon_connect_data` with `snippet_id` and `connect_host`; optional `amazon_connect_security_token` and `region`.\n- `cisco` — Cisco Webex.\n- `vocera` — Cekura-hosted.\n- `sms` / `whatsapp` — text-only channels; use `chat_assistant_id`.\n- `""` (empty) — unset; agent is not runnable until a provider is configured.\n\nNote: the serializer also exposes `pipecat_*`, `synthflow_*`, `koreai_*`, `genesys_*`, `custom_provider_*` fields, but those provider values are not currently selectable in this enum.\n\n\n* `vapi` - Vapi\n* `retell` - Retell\n* `elevenlabs` - Elevenlabs\n* `vocera` - Vocera\n* `sms` - Sms\n* `whatsapp` - Whatsapp\n* `self_hosted` - Self Hosted\n* `agentforce` - Agentforce\n* `cisco` - Cisco\n* `bland` - Bland\n* `livekit` - Livekit\n* `pipecat` - Pipecat\n* `synthflow` - Synthflow\n* `agora` - Agora\n* `koreai` - Koreai\n* `genesys` - Genesys\n* `amazon_connect` - Amazon Connect\n* `telnyx` - Telnyx\n* `sierra` - Sierra',
    )
    vapi_api_key: str | None = Field(
        None,
        description='API key for VAPI service provider. Required when `assistant_provider="vapi"`.\nExample: `"vapi_api_key_123"`',
    )
    retell_api_key: str | None = Field(
        None,
        description='API key for Retell service provider. Required when `assistant_provider="retell"` (along with `chat_assistant_id`).\nExample: `"retell_api_key_123"`',
    )
    elevenlabs_api_key: str | None = Field(
        None,
        description='API key for ElevenLabs voice synthesis service. Required when `assistant_provider="elevenlabs"`.\nExample: `"elevenlabs_api_key_123"`',
    )
    bland_api_key: str | None = Field(
        None,
        description='API key for Bland service provider. Required when `assistant_provider="bland"`. Pair with `assistant_id` (Bland persona_id) for voice, or `chat_assistant_id` (Bland pathway_id) for text-mode runs.\nExample: `"bland_api_key_123"`',
    )
    bland_data: dict[str, Any] | str | None = Field(
        None,
        description='Bland additional configuration. Pass `encrypted_key` containing the Twilio credential bundle.\nExample: `{"encrypted_key": "twillio_encrypted_key"}`',
    )
    livekit_api_key: str | None = Field(
        None,
        description='API key for LiveKit service provider. Required together with `livekit_data.url` when `assistant_provider="livekit"`.\nExample: `"livekit_api_key_123"`',
    )
    livekit_data: dict[str, Any] | str | None = Field(
        None,
        description='LiveKit additional data (api_secret, url, and config). `url` is required alongside `livekit_api_key` when `assistant_provider="livekit"`;\n`api_secret` is optional to save but needed at run time for WebRTC token minting.\nOn response, secrets are masked (the `api_secret` key is stripped and replaced with `api_secret_configured: true`).',
    )
    pipecat_api_key: str | None = Field(
        None,
        description='API key for Pipecat/Daily.co service provider\nExample: `"pipecat_api_key_123"`',
    )
    pipecat_data: dict[str, Any] | str | None = Field(
        None, description="Pipecat/Daily.co additional data (webhook_url and config)"
    )
    koreai_client_secret: str | None = Field(
        None,
        description='Client secret key for Kore.ai service provider\nExample: `"client_secret_key_123"`',
    )
    koreai_data: dict[str, Any] | str | None = Field(
        None,
        description='Kore.ai additional data.\nFor the RTM runner: {"api_secret": "<xo-webclient API key>", "host": "platform.kore.ai"}\nFor transcript fetch: {"client_id": "cs-...", "bot_id": "st-...", "host": "bots.kore.ai"}\napi_secret is encrypted at rest automatically.',
    )
    genesys_client_secret: str | None = Field(
        None, description="Client secret key for Genesys Cloud service provider"
    )
    genesys_data: dict[str, Any] | str | None = Field(
        None, description="Genesys Cloud additional data - client_id and region"
    )
    agentforce_client_secret: str | None = Field(
        None,
        description='Client secret for Salesforce Agentforce OAuth2 authentication\nExample: `"3EG7HHH..."`',
    )
    agentforce_data: dict[str, Any] | str | None = Field(
        None,
        description='Agentforce additional data - client_id, domain, and agent_id\nExample: `{"client_id": "sd7a8...", "domain": "https://example.sandbox.my.salesforce.com", "agent_id": "0Xx..."}`',
    )
    sierra_agent_token: str | None = Field(
        None,
        description='Sierra Headless API agent token. Required when `assistant_provider="sierra"`.',
    )
    sierra_data: dict[str, Any] | str | None = Field(
        None,
        description='Sierra additional configuration. Optional keys: `host` (API host, defaults to api.sierra.chat) and `api_secret` (bearer API key, only needed when the Sierra org enforces Headless API authentication; encrypted at rest).\nExample: `{"host": "api.sierra.chat"}`',
    )
    amazon_connect_security_token: str | None = Field(
        None, description="x-amz-security-token for Amazon Connect authenticated chat widgets."
    )
    amazon_connect_data: dict[str, Any] | str | None = Field(
        None,
        description="Amazon Connect config: snippet_id (required), connect_host (required), region (default us-east-1).",
    )
    custom_provider_api_key: str | None = Field(
        None, description='API key for custom service provider\nExample: `"custom_api_key_123"`'
    )
    custom_provider_data: dict[str, Any] | str | None = Field(
        None, description="Additional configuration data for custom service provider"
    )
    vapi_data: dict[str, Any] | str | None = Field(
        None,
        description='VAPI additional configuration data\nExample: `{"public_key": "your-vapi-public-key", "trigger_url": "https://example.com/trigger"}`',
    )
    retell_data: dict[str, Any] | str | None = Field(
        None,
        description='Retell additional configuration data\nExample: `{"trigger_url": "https://example.com/trigger"}`',
    )
    elevenlabs_data: dict[str, Any] | str | None = Field(
        None,
        description='ElevenLabs additional configuration data\nExample: `{"trigger_url": "https://example.com/trigger"}`',
    )
    agora_api_key: str | None = Field(
        None,
        description="Secret sent in the session-endpoint auth header (default `X-Cekura-Secret`) when fetching Agora join details. Write-only.",
    )
    agora_data: dict[str, Any] | str | None = Field(
        None,
        description='Configuration for the Agora session endpoint that mints per-call join details.\nSupported keys:\n  `session_endpoint_url` (required): endpoint Cekura calls per run.\n  `client_id` (required): sent in the request body.\n  `auth_header_name` (optional): header carrying the secret (default `X-Cekura-Secret`).\n  `request_method` (optional): GET or POST (default POST).\nExample: `{"session_endpoint_url": "https://your-host/cekura/v1/sessions", "client_id": "abc"}`',
    )
    synthflow_api_key: str | None = Field(
        None,
        description='API key for Synthflow service provider\nExample: `"synthflow_api_key_123"`',
    )
    synthflow_data: dict[str, Any] | str | None = Field(
        None,
        description='Synthflow additional configuration data\nExample: `{"synthflow_base_url_override": "https://api.synthflow.ai"}`',
    )
    telnyx_api_key: str | None = Field(
        None, description='API key for Telnyx AI Assistants\nExample: `"telnyx_api_key_123"`'
    )
    dropoff_nodes: Any = Field(
        None,
        description='Configuration for conversation dropoff points.\nExample: `{"timeout": 30, "max_retries": 3}`',
    )
    topic_nodes: Any = Field(
        None,
        description='Configuration for topic classification nodes.\nExample: `{"billing": "handle_billing", "support": "handle_support"}`',
    )
    pronunciation_words: Any = Field(
        None,
        description='List of words with phonemes for pronunciation analysis.\nExample: `[["hello", "HH AH L OW"], ["world", "W ER L D"]]`',
    )
    spelling_word_types: Any = Field(
        None,
        description='List of word types/categories to check for spelling analysis.\nExample: `["name", "postcode", "email", "address"]`',
    )
    auto_update_dropoff_nodes: bool | None = Field(
        None,
        description="Whether to automatically update the dropoff nodes based on the agent description",
    )
    auto_update_topic_nodes: bool | None = Field(
        None,
        description="Whether to automatically update the topic nodes based on the agent description",
    )
    hallucination_metric_kb_files: list[int | None] | None = Field(
        None, description="Knowledge base files used for hallucination metric"
    )
    outbound_numbers: Any = Field(
        None,
        description='List of phone numbers authorized to place outbound calls for this agent.\nExample: `["+1234567890", "+0987654321"]`\n\nUsed for webhook validation — when an inbound webhook arrives, the system\nchecks whether the calling number is in this list (falls back to\n`contact_number` if the list is empty). Actual call placement for test runs\nuses the scenario\'s configured phone number or a number allocated from the\norganisation\'s phone pool.',
    )
    auto_fetch_calls_enabled: bool | None = Field(
        None,
        description="Enable automatic fetching of calls every 30 seconds (VAPI/Retell/ElevenLabs/Bland)",
    )
    auto_sync_prompt_enabled: bool | None = Field(
        None,
        description="Enable one-way prompt sync from the provider to Cekura on a schedule. Cekura re-fetches the provider prompt and updates the agent description; it does not push Cekura description changes back to the provider. Supported providers: vapi, retell, elevenlabs, synthflow, telnyx, bland.",
    )
    agent_gives_first_message: bool | None = Field(
        None,
        description="Whether the main agent (not the testing agent) will give the first message. True = agent speaks first (testing agent won't generate a first message). False = testing agent speaks first (first message will be generated). None = preference not yet set.",
    )
    webhook_url: str | None = Field(
        None,
        description="Webhook URL for this agent. When set, overrides the project-level webhook URL for events from this agent.",
    )
    webhook_secret: str | None = Field(
        None,
        description="Secret sent in X-CEKURA-SECRET header. Applies when agent webhook_url is set. Write-only — never returned in API responses. Use `webhook_secret_configured` to check whether one is set.",
    )
    email_id: str | None = Field(
        None,
        max_length=254,
        description="Email address this agent receives at. When set, enables email-based test runs.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["agent_name", "description", "inbound"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "agent_name",
            "agentforce_client_secret",
            "agentforce_data",
            "agora_api_key",
            "agora_data",
            "amazon_connect_data",
            "amazon_connect_security_token",
            "assistant_provider",
            "auto_fetch_calls_enabled",
            "auto_sync_prompt_enabled",
            "auto_update_dropoff_nodes",
            "auto_update_topic_nodes",
            "bland_api_key",
            "bland_data",
            "chat_assistant_id",
            "contact_number",
            "custom_provider_api_key",
            "custom_provider_data",
            "description",
            "elevenlabs_api_key",
            "elevenlabs_data",
            "genesys_client_secret",
            "genesys_data",
            "hallucination_metric_kb_files",
            "inbound",
            "koreai_client_secret",
            "koreai_data",
            "language",
            "livekit_api_key",
            "livekit_data",
            "llm_max_tokens",
            "llm_model",
            "llm_system_prompt",
            "llm_temperature",
            "outbound_auto_call",
            "pipecat_api_key",
            "pipecat_data",
            "retell_api_key",
            "retell_data",
            "sierra_agent_token",
            "sierra_data",
            "synthflow_api_key",
            "synthflow_data",
            "telnyx_api_key",
            "transcript_provider",
            "vapi_api_key",
            "vapi_data",
            "webhook_secret",
            "webhook_url",
            "websocket_headers",
        ]
    )


class SchemaPostCopyAgentWrite(WriteModel):
    """SchemaPostCopyAgent"""

    copy_scenarios: bool | None = Field(
        None, description="If true, scenarios will be copied\nExample: `true` or `fase`"
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["copy_scenarios"])


class AiagentsUploadKnowledgeBaseBodyFilesWrite(WriteModel):
    """AiagentsUploadKnowledgeBaseBodyFiles"""

    name: str | None = Field(None, description="Filename including extension (e.g. `manual.pdf`).")
    content_base64: str | None = Field(
        None,
        description="Base64-encoded file content. Accepts a raw base64 string or a `data:<mime>;base64,...` data URI.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["content_base64", "name"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["content_base64", "name"])


class AiagentsUploadKnowledgeBaseBodyWrite(WriteModel):
    """AiagentsUploadKnowledgeBaseBody"""

    files: list[AiagentsUploadKnowledgeBaseBodyFilesWrite] | None = Field(
        None, description="List of files to upload, each provided as base64-encoded content."
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["files"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["files"])


class KnowledgeBaseFile(ReadModel):
    """KnowledgeBaseFile"""

    id: int | None = None
    agent: int
    file_url: str | None = Field(None, description="URL of the Knowledge file")
    file_name: str | None = Field(None, description="Name of the Knowledge file")
    file_type: str | None = Field(None, description="MIME type of the Knowledge file")
    file_size: int | None = Field(None, description="Size in bytes.\nExample: `1048576`")
    created_at: datetime | None = Field(
        None, description="When this record was created.\nExample: `2024-03-15T10:30:45Z`"
    )
    updated_at: datetime | None = Field(
        None, description="When this record was last updated.\nExample: `2024-03-15T10:35:11Z`"
    )


class PaginatedKnowledgeBaseFileList(ReadModel):
    """PaginatedKnowledgeBaseFileList"""

    count: int
    next: str | None = None
    previous: str | None = None
    results: list[KnowledgeBaseFile]


class Tool(ReadModel):
    """Tool"""

    id: int | None = None
    name: str = Field(
        description="Name of the tool - must be less than 64 characters and contain only alphanumerics, underscores, hyphens, and spaces between words (no leading or trailing spaces)"
    )
    description: str | None = Field(
        None,
        description='Description of the mock tool.\nExample: "This tool retrieves user data from the database based on user ID"',
    )
    information: Any = Field(
        None,
        description='Information of the tool - must be a list of input-output mappings.\nExample:\n```json\n[\n    {\n        "input": {"user_id": 1},\n        "output": {"name": "John Doe", "age": 30, "email": "john@example.com"}\n    },\n    {\n        "input": {"user_id": 2},\n        "output": {"name": "Jane Smith", "age": 25, "email": "jane@example.com"}\n    }\n]\n```',
    )
    freetext_params: Any = Field(
        None,
        description='Parameter names skipped during mock matching because they are free-text (e.g. ["notes", "reason"])',
    )
    mock_url: str | None = Field(
        None,
        description="Per-tool webhook URL. None if this Tool is served through an MCP endpoint.",
    )
    served_via: dict[str, Any] | str | None = Field(
        None,
        description="How this tool is accessed at runtime. `{'type': 'direct'}` for standalone tools; `{'type': 'mcp', 'mock_index': N, 'url': '.../mcp/N/', 'server_name': ...}` for MCP sub-tools.",
    )
    mcp_server: dict[str, Any] | str | None = Field(
        None,
        description="MCP server this tool was fetched from, as `{'name', 'key'}`. Null for standalone (non-MCP) tools. Server-managed — ignored on writes.",
    )
    subscriber_count: str | None = Field(
        None, description="Number of agents in the project sharing this tool."
    )
    is_shared: bool | None = Field(
        None,
        description="True when more than one agent shares this tool. Edits and deletes affect every subscriber.",
    )
    subscribers: list[dict[str, Any]] | None = Field(
        None, description="Agents using this tool, so a caller can see who an edit would affect."
    )


class PatchedToolWrite(WriteModel):
    """PatchedTool"""

    name: str | None = Field(
        None,
        max_length=255,
        description="Name of the tool - must be less than 64 characters and contain only alphanumerics, underscores, hyphens, and spaces between words (no leading or trailing spaces)",
    )
    description: str | None = Field(
        None,
        description='Description of the mock tool.\nExample: "This tool retrieves user data from the database based on user ID"',
    )
    information: Any = Field(
        None,
        description='Information of the tool - must be a list of input-output mappings.\nExample:\n```json\n[\n    {\n        "input": {"user_id": 1},\n        "output": {"name": "John Doe", "age": 30, "email": "john@example.com"}\n    },\n    {\n        "input": {"user_id": 2},\n        "output": {"name": "Jane Smith", "age": 25, "email": "jane@example.com"}\n    }\n]\n```',
    )
    freetext_params: Any = Field(
        None,
        description='Parameter names skipped during mock matching because they are free-text (e.g. ["notes", "reason"])',
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["description", "name"])


class ToolWrite(WriteModel):
    """Tool"""

    name: str | None = Field(
        None,
        max_length=255,
        description="Name of the tool - must be less than 64 characters and contain only alphanumerics, underscores, hyphens, and spaces between words (no leading or trailing spaces)",
    )
    description: str | None = Field(
        None,
        description='Description of the mock tool.\nExample: "This tool retrieves user data from the database based on user ID"',
    )
    information: Any = Field(
        None,
        description='Information of the tool - must be a list of input-output mappings.\nExample:\n```json\n[\n    {\n        "input": {"user_id": 1},\n        "output": {"name": "John Doe", "age": 30, "email": "john@example.com"}\n    },\n    {\n        "input": {"user_id": 2},\n        "output": {"name": "Jane Smith", "age": 25, "email": "jane@example.com"}\n    }\n]\n```',
    )
    freetext_params: Any = Field(
        None,
        description='Parameter names skipped during mock matching because they are free-text (e.g. ["notes", "reason"])',
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["name"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["description", "name"])


class MockStatusMCPEndpoint(ReadModel):
    """MockStatusMCPEndpoint"""

    mock_index: int
    url: str
    tool_names: list[str]


class MockStatusToolEndpoint(ReadModel):
    """MockStatusToolEndpoint"""

    tool_name: str
    url: str


class MockStatusResponse(ReadModel):
    """MockStatusResponse"""

    mock_enabled: bool
    provider: str | None
    assistant_id: str | None
    mcp_endpoints: list[MockStatusMCPEndpoint] = Field(
        description="MCP JSON-RPC endpoints registered on the agent. Empty if no MCP-typed tools are mocked."
    )
    tool_endpoints: list[MockStatusToolEndpoint] = Field(
        description="Per-tool webhook endpoints for standalone (non-MCP) tools. Excludes MCP sub-tools, which are listed under mcp_endpoints[].tool_names."
    )


class PaginatedToolList(ReadModel):
    """PaginatedToolList"""

    count: int
    next: str | None = None
    previous: str | None = None
    results: list[Tool]


class MetricList(ReadModel):
    """MetricList"""

    id: int | None = None
    slug: str | None = Field(
        None,
        description='URL-friendly unique identifier in snake_case format. Example: "customer_satisfaction_1562"',
    )
    project: int | None = None
    agents: list[int | None] | None = None
    agent_names: str | None = None
    name: str = Field(
        description='Name of the metric.\nExample: `"Customer Satisfaction"` or `"Appointment Booking"`'
    )
    description: str | None = Field(
        None,
        description='Description of what the metric measures.\nExample: `"Measures how satisfied customers are with the service provided"`',
    )
    function_name: str | None = Field(
        None,
        description='Predefined function name\nExample: `"get_latency"` or `"check_critical_deviations"`',
    )
    type: Literal["basic", "custom_prompt", "custom_code", "llm_judge"] | None = Field(
        None,
        description="Type of metric\n\n\n* `basic` - Basic (Deprecated in favor of LLM Judge)\n* `custom_prompt` - Custom Prompt ( Deprecated in favor of LLM Judge)\n* `custom_code` - Custom Code\n* `llm_judge` - LLM Judge",
    )
    eval_type: Literal["binary", "continuous_qualitative", "numeric", "enum"] = Field(
        description="* `binary` - Binary\n* `continuous_qualitative` - Continuous Qualitative\n* `numeric` - Numeric\n* `enum` - Enum"
    )
    enum_values: Any = Field(
        None,
        description='List of possible enum values for enum type metrics.\nExample: `["satisfied", "unsatisfied"]`',
    )
    audio_enabled: bool | None = Field(
        None, description="Whether this metric requires audio analysis.\nExample: `true` or `false`"
    )
    observability_enabled: bool | None = Field(
        None, description="Enable this metric for observability.\nExample: `true` or `false`"
    )
    simulation_enabled: bool | None = Field(
        None, description="Enable this metric for simulations.\nExample: `true` or `false`"
    )
    sampling_enabled: bool | None = Field(
        None, description="Enable sampling for this metric using project-level sample rate"
    )
    prompt: str | None = Field(
        None,
        description='Evaluation prompt for the metric.\nExample: `"Evaluate customer satisfaction based on conversation"`',
    )
    display_order: int | None = Field(
        None, description="Display order for the metric.\nExample: `1`"
    )
    evaluation_trigger: Literal["always", "automatic", "custom"] | None = Field(
        None, description="* `always` - Always\n* `automatic` - Automatic\n* `custom` - Custom"
    )
    trigger_type: Literal["llm_judge", "custom_code"] | None = Field(
        None, description="* `llm_judge` - LLM Judge\n* `custom_code` - Custom Code"
    )
    evaluation_trigger_prompt: str | None = Field(
        None,
        description='Evaluation trigger prompt for the metric.\nExample: `"Evaluate metric only if call ended reason is main-agent-ended-call"`',
    )
    evaluation_trigger_custom_code: str | None = Field(
        None,
        description='Python custom code to determine metric relevance. Code should set _result (bool) and _explanation (str).\nExample:\n```python\n_result = True\n_explanation = "Metric is relevant"\nif "call_end_reason" in data and data["call_end_reason"] == "customer-hung-up":\n    _result = False\n    _explanation = "Customer hung up, metric not applicable"\n```',
    )
    priority_assignment_prompt: str | None = Field(
        None, description="Priority assignment prompt for the metric."
    )
    vocera_defined_metric_code: str | None = Field(
        None, description='Vocera defined metric code for the metric.\nExample: `"7fd534f5"`'
    )
    configuration: Any = Field(
        None,
        description='Custom configuration parameters for specific metrics if metric supports it.\nExample:\n- For Infrastructure issues\n```json\n{\n    "infra_issues_timeout": 10\n}\n```',
    )
    kb_file_ids: list[int] | None = Field(
        None, description="List of knowledge base file IDs for the metric.\nExample: `[123, 456]`"
    )
    knowledge_base_files: list[KnowledgeBaseFile] | None = None
    metric_cost: float | None = Field(None, description="Metric Cost\nExample: `0.10`")
    alert_type: Literal["disabled", "normal", "significant_change"] | None = Field(
        None,
        description="* `disabled` - Alerts Disabled\n* `normal` - Normal Alerts\n* `significant_change` - Significant Change Alerts",
    )
    significant_change_alert_status: Literal["enabled", "disabled"] | None = Field(
        None,
        description="Alert status: enabled or disabled.\n\n\n* `enabled` - Enabled\n* `disabled` - Disabled",
    )
    significant_change_alert_direction: Literal["", "increase", "decrease"] | None = Field(
        None,
        description='Alert direction: increase only, decrease only, or both (empty = both).\nExample: `"increase"`, `"decrease"`, or `"both"`\n\n* `` - Both (Increase and Decrease)\n* `increase` - Increase Only\n* `decrease` - Decrease Only',
    )
    window_size: int | None = Field(
        None, description="Window size for rolling statistics calculation.\nExample: `50`"
    )
    std_multiplier: float | None = Field(
        None, description="Standard deviation multiplier for threshold calculation.\nExample: `2.0`"
    )
    ewma_alpha: float | None = Field(
        None,
        description="Alpha value for exponentially weighted moving average (EWMA) calculation.\nExample: `0.1`",
    )
    add_to_new_agents: bool | None = Field(
        None,
        description="When enabled, this metric is automatically assigned to new agents created in the project.",
    )
    alert_filters: Any = Field(
        None, description="Filters to apply before computing alerts (CallLogQueryFilter format)"
    )
    slack_workspace: int | None = Field(None, description="Slack workspace to send alerts to")
    slack_channel_id: str | None = Field(
        None, description="Override channel ID for this metric's alerts"
    )
    uses_llm_judge: str | None = Field(
        None,
        description="Whether this metric produces an LLM-judge narrative: a `custom_code` metric whose\ncode delegates to the LLM judge internally. Computed server-side because the\n`custom_code` body is write-only and not exposed on read.\nExample: `true`",
    )


class SchemaPostMetricEditWrite(WriteModel):
    """SchemaPostMetricEdit"""

    name: str | None = Field(None, description="Name of the metric")
    description: str | None = Field(None, description="Description of what this metric evaluates")
    audio_enabled: bool | None = Field(
        None, description="Whether this metric evaluates audio content"
    )
    prompt: str | None = Field(None, description="The evaluation prompt used for this metric")
    project: int | None = Field(None, description="ID of the project this metric belongs to.")
    agents: list[int] | None = Field(
        None,
        description="List of agent IDs to enable this project-level metric for. Only applicable when project is set.",
    )
    assistant_id: str | None = Field(None, description="External identifier for the assistant")
    type: Literal["basic", "custom_prompt", "custom_code", "llm_judge"] | None = Field(
        None,
        description="Type of metric (`llm_judge` recommended; `basic` and `custom_prompt` are deprecated)\n\n* `basic` - Basic (Deprecated in favor of LLM Judge)\n* `custom_prompt` - Custom Prompt ( Deprecated in favor of LLM Judge)\n* `custom_code` - Custom Code\n* `llm_judge` - LLM Judge",
    )
    eval_type: Literal["binary", "continuous_qualitative", "numeric", "enum"] | None = Field(
        None,
        description="Output shape of the evaluation score. Accepts canonical (binary, continuous_qualitative, numeric, enum); legacy binary_workflow_adherence and binary_qualitative are accepted and mapped to binary.\n\n* `binary` - Binary\n* `continuous_qualitative` - Continuous Qualitative\n* `numeric` - Numeric\n* `enum` - Enum",
    )
    enum_values: list[str] | None = Field(
        None,
        description='Possible values for enum-type metrics (list of strings, e.g. ["resolved", "escalated", "abandoned"])',
    )
    display_order: int | None = Field(
        None, description="Order in which to display this metric in the UI"
    )
    configuration: dict[str, Any] | None = Field(
        None,
        description='Per-metric configuration.\n\nSome predefined metrics carry **per-agent** configuration, keyed by agent id: `configuration[<key>] = {"<agent_id>": <value>}`. On read, every agent attached to the metric is returned; on write, only the agent ids you include are updated.\n\nCall-level keys (not per-agent):\n* **Detect Silence** — `silence_duration` (int, seconds, default 10): minimum mutual silence before flagging a failure.\n* **Infrastructure Issues** — `infra_issues_timeout` (int, seconds, default 10): max seconds before the Main Agent must respond after the Testing Agent finishes speaking.\n\nPer-agent keys (each value is `{"<agent_id>": <value>}`):\n* **Dropoff Node** — `nodes`: `{"<agent_id>": [{name, description}]}` — conversation stages used to classify where a call dropped off.\n* **Topic of Call** — `nodes`: `{"<agent_id>": [{name, description}]}` — topic categories used to classify each call.\n* **Pronunciation Check** — `pronunciation_words`: `{"<agent_id>": [[word, phonemes], ...]}` — how specific words should be pronounced (e.g. {"42": [["Cekura", "suh-KYUR-uh"]]}).\n* **Letterwise Pronunciation** — `spelling_word_types`: `{"<agent_id>": ["name", "email", ...]}` — word categories the Main Agent must spell out letter-by-letter.\n* **Hallucination** — `hallucination_kb_files`: `{"<agent_id>": [file_id, ...]}` — KnowledgeBaseFile IDs used as the source of truth for fact-checking.',
    )
    add_to_new_agents: bool | None = Field(
        None,
        description="When enabled, this metric is automatically assigned to new agents created in the project.",
    )
    simulation_enabled: bool | None = Field(
        None, description="Enable this metric for simulations.\nExample: `true` or `false`"
    )
    observability_enabled: bool | None = Field(
        None, description="Enable this metric for observability.\nExample: `true` or `false`"
    )
    sampling_enabled: bool | None = Field(
        None, description="Enable sampling for this metric using project-level sample rate"
    )
    evaluation_trigger: Literal["always", "automatic", "custom"] | None = Field(
        None,
        description="When to run this metric.\n\n* `always` — evaluate every call (default)\n* `automatic` — system decides based on call content\n* `custom` — only evaluate when `evaluation_trigger_prompt` condition is met\n\n* `always` - Always\n* `automatic` - Automatic\n* `custom` - Custom",
    )
    evaluation_trigger_prompt: str | None = Field(
        None,
        description='LLM prompt that decides whether to evaluate this call. Only used when `evaluation_trigger=custom` and `trigger_type=llm_judge`.\nExample: "Did the agent offer a refund?"',
    )
    trigger_type: Literal["llm_judge", "custom_code"] | None = Field(
        None,
        description="How to evaluate the trigger condition. Only relevant when `evaluation_trigger=custom`.\n\n* `llm_judge` — use `evaluation_trigger_prompt` (default)\n* `custom_code` — use `evaluation_trigger_custom_code`\n\n* `llm_judge` - LLM Judge\n* `custom_code` - Custom Code",
    )
    evaluation_trigger_custom_code: str | None = Field(
        None,
        description="Python code to evaluate the trigger condition. Only used when `evaluation_trigger=custom` and `trigger_type=custom_code`.",
    )
    custom_code: str | None = Field(
        None,
        description="Python code that implements the metric evaluation. Required when `type=custom_code`. Must define a function `evaluate(transcript, ...) -> bool | float | str`.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(
        [
            "assistant_id",
            "audio_enabled",
            "configuration",
            "description",
            "display_order",
            "eval_type",
            "name",
            "project",
            "prompt",
            "type",
        ]
    )
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "agents",
            "assistant_id",
            "audio_enabled",
            "configuration",
            "custom_code",
            "description",
            "display_order",
            "enum_values",
            "eval_type",
            "evaluation_trigger",
            "evaluation_trigger_custom_code",
            "evaluation_trigger_prompt",
            "name",
            "observability_enabled",
            "project",
            "prompt",
            "sampling_enabled",
            "simulation_enabled",
            "trigger_type",
            "type",
        ]
    )


class SchemaPostMetricEdit(ReadModel):
    """SchemaPostMetricEdit"""

    id: int | None = None
    name: str = Field(description="Name of the metric")
    description: str = Field(description="Description of what this metric evaluates")
    audio_enabled: bool = Field(description="Whether this metric evaluates audio content")
    prompt: str = Field(description="The evaluation prompt used for this metric")
    project: int = Field(description="ID of the project this metric belongs to.")
    agents: list[int] | None = Field(
        None,
        description="List of agent IDs to enable this project-level metric for. Only applicable when project is set.",
    )
    assistant_id: str = Field(description="External identifier for the assistant")
    type: Literal["basic", "custom_prompt", "custom_code", "llm_judge"] = Field(
        description="Type of metric (`llm_judge` recommended; `basic` and `custom_prompt` are deprecated)\n\n* `basic` - Basic (Deprecated in favor of LLM Judge)\n* `custom_prompt` - Custom Prompt ( Deprecated in favor of LLM Judge)\n* `custom_code` - Custom Code\n* `llm_judge` - LLM Judge"
    )
    eval_type: Literal["binary", "continuous_qualitative", "numeric", "enum"] = Field(
        description="Output shape of the evaluation score. Accepts canonical (binary, continuous_qualitative, numeric, enum); legacy binary_workflow_adherence and binary_qualitative are accepted and mapped to binary.\n\n* `binary` - Binary\n* `continuous_qualitative` - Continuous Qualitative\n* `numeric` - Numeric\n* `enum` - Enum"
    )
    enum_values: list[str] | None = Field(
        None,
        description='Possible values for enum-type metrics (list of strings, e.g. ["resolved", "escalated", "abandoned"])',
    )
    display_order: int = Field(description="Order in which to display this metric in the UI")
    configuration: dict[str, Any] = Field(
        description='Per-metric configuration.\n\nSome predefined metrics carry **per-agent** configuration, keyed by agent id: `configuration[<key>] = {"<agent_id>": <value>}`. On read, every agent attached to the metric is returned; on write, only the agent ids you include are updated.\n\nCall-level keys (not per-agent):\n* **Detect Silence** — `silence_duration` (int, seconds, default 10): minimum mutual silence before flagging a failure.\n* **Infrastructure Issues** — `infra_issues_timeout` (int, seconds, default 10): max seconds before the Main Agent must respond after the Testing Agent finishes speaking.\n\nPer-agent keys (each value is `{"<agent_id>": <value>}`):\n* **Dropoff Node** — `nodes`: `{"<agent_id>": [{name, description}]}` — conversation stages used to classify where a call dropped off.\n* **Topic of Call** — `nodes`: `{"<agent_id>": [{name, description}]}` — topic categories used to classify each call.\n* **Pronunciation Check** — `pronunciation_words`: `{"<agent_id>": [[word, phonemes], ...]}` — how specific words should be pronounced (e.g. {"42": [["Cekura", "suh-KYUR-uh"]]}).\n* **Letterwise Pronunciation** — `spelling_word_types`: `{"<agent_id>": ["name", "email", ...]}` — word categories the Main Agent must spell out letter-by-letter.\n* **Hallucination** — `hallucination_kb_files`: `{"<agent_id>": [file_id, ...]}` — KnowledgeBaseFile IDs used as the source of truth for fact-checking.'
    )
    add_to_new_agents: bool | None = Field(
        None,
        description="When enabled, this metric is automatically assigned to new agents created in the project.",
    )
    simulation_enabled: bool | None = Field(
        None, description="Enable this metric for simulations.\nExample: `true` or `false`"
    )
    observability_enabled: bool | None = Field(
        None, description="Enable this metric for observability.\nExample: `true` or `false`"
    )
    sampling_enabled: bool | None = Field(
        None, description="Enable sampling for this metric using project-level sample rate"
    )
    evaluation_trigger: Literal["always", "automatic", "custom"] | None = Field(
        None,
        description="When to run this metric.\n\n* `always` — evaluate every call (default)\n* `automatic` — system decides based on call content\n* `custom` — only evaluate when `evaluation_trigger_prompt` condition is met\n\n* `always` - Always\n* `automatic` - Automatic\n* `custom` - Custom",
    )
    evaluation_trigger_prompt: str | None = Field(
        None,
        description='LLM prompt that decides whether to evaluate this call. Only used when `evaluation_trigger=custom` and `trigger_type=llm_judge`.\nExample: "Did the agent offer a refund?"',
    )
    trigger_type: Literal["llm_judge", "custom_code"] | None = Field(
        None,
        description="How to evaluate the trigger condition. Only relevant when `evaluation_trigger=custom`.\n\n* `llm_judge` — use `evaluation_trigger_prompt` (default)\n* `custom_code` — use `evaluation_trigger_custom_code`\n\n* `llm_judge` - LLM Judge\n* `custom_code` - Custom Code",
    )
    evaluation_trigger_custom_code: str | None = Field(
        None,
        description="Python code to evaluate the trigger condition. Only used when `evaluation_trigger=custom` and `trigger_type=custom_code`.",
    )
    custom_code: str | None = Field(
        None,
        description="Python code that implements the metric evaluation. Required when `type=custom_code`. Must define a function `evaluate(transcript, ...) -> bool | float | str`.",
    )


class TestSetInline(ReadModel):
    """TestSetInline"""

    id: int | None = None
    agent: int
    name: str | None = Field(None, description='Name of the test set\nExample: `"Test Set 1"`')
    transcript: str | None = Field(
        None,
        description="Full text transcript of the call.\nExample: \n```text\n[00:01] Testing Agent: Hello. \n[00:02] Main Agent: Hello, how can I help you today?\n[00:03] Testing Agent: Well, I mean, sure. What time exactly are we talking about here\n[00:04] Main Agent: 6 PM.\n[00:05] Testing Agent: Great. I'll book that for you. Just a sec.\n[00:06] Main Agent: Okay.\n```",
    )
    voice_recording_url: str | None = None
    call_end_reason: str | None = Field(
        None,
        description='Reason why the call ended.\nExample: \n- `"customer-ended-call"`\n- `"agent-ended-call"`',
    )
    duration: str | None = None
    source_model: Literal["CallLog", "Run"] | None = Field(
        None, description="* `CallLog` - Call Log\n* `Run` - Run"
    )
    source_id: str | None = None
    created_at: datetime | None = Field(
        None, description="When this record was created.\nExample: `2024-03-15T10:30:45Z`"
    )
    updated_at: datetime | None = Field(
        None, description="When this record was last updated.\nExample: `2024-03-15T10:35:11Z`"
    )


class MetricReviewDetail(ReadModel):
    """MetricReviewDetail"""

    id: int | None = None
    test_set: TestSetInline | None = None
    metric: int
    expected_value: Any = Field(
        None,
        description="Metric expected value\nExample:\n- `5` or `0`\n- `one`, `two` or `three` [ enum type ]",
    )
    actual_value: Any = Field(
        None,
        description="Metric actual value\nExample:\n- `5` or `0`\n- `one`, `two` or `three` [ enum type ]",
    )
    explanation: Any = Field(
        None,
        description='Metric explanation\nExample:\n```json\n["Agent failed to follow the opening script", "Missed key product information"]\n```',
    )
    feedback: str | None = Field(None, description='Metric feedback\nExample:\n- `"Great Call"`')
    created_at: datetime | None = Field(
        None,
        description='Timestamp when the metric review was created\nExample: `"2021-01-01T00:00:00Z"`',
    )
    updated_at: datetime | None = Field(
        None,
        description='Timestamp when the metric review was last updated\nExample: `"2021-01-01T00:00:00Z"`',
    )


class MetricDetailV2(ReadModel):
    """MetricDetailV2"""

    id: int | None = None
    slug: str | None = Field(
        None,
        description='URL-friendly unique identifier in snake_case format. Example: "customer_satisfaction_1562"',
    )
    project: int | None = None
    agents: list[int | None] | None = None
    name: str = Field(
        description='Name of the metric.\nExample: `"Customer Satisfaction"` or `"Appointment Booking"`'
    )
    description: str | None = Field(
        None,
        description='Description of what the metric measures.\nExample: `"Measures how satisfied customers are with the service provided"`',
    )
    type: Literal["basic", "custom_prompt", "custom_code", "llm_judge"] | None = Field(
        None,
        description="Type of metric\n\n\n* `basic` - Basic (Deprecated in favor of LLM Judge)\n* `custom_prompt` - Custom Prompt ( Deprecated in favor of LLM Judge)\n* `custom_code` - Custom Code\n* `llm_judge` - LLM Judge",
    )
    eval_type: Literal["binary", "continuous_qualitative", "numeric", "enum"] = Field(
        description="* `binary` - Binary\n* `continuous_qualitative` - Continuous Qualitative\n* `numeric` - Numeric\n* `enum` - Enum"
    )
    enum_values: Any = Field(
        None,
        description='List of possible enum values for enum type metrics.\nExample: `["satisfied", "unsatisfied"]`',
    )
    audio_enabled: bool | None = Field(
        None, description="Whether this metric requires audio analysis.\nExample: `true` or `false`"
    )
    prompt: str | None = Field(
        None,
        description='Evaluation prompt for the metric.\nExample: `"Evaluate customer satisfaction based on conversation"`',
    )
    evaluation_trigger: Literal["always", "automatic", "custom"] | None = Field(
        None, description="* `always` - Always\n* `automatic` - Automatic\n* `custom` - Custom"
    )
    trigger_type: Literal["llm_judge", "custom_code"] | None = Field(
        None,
        description='Type of trigger evaluation: LLM judge or custom code.\nOnly used when evaluation_trigger is CUSTOM.\nExample: `"llm_judge"` or `"custom_code"`\n\n\n* `llm_judge` - LLM Judge\n* `custom_code` - Custom Code',
    )
    evaluation_trigger_prompt: str | None = Field(
        None,
        description='Evaluation trigger prompt for the metric.\nExample: `"Evaluate metric only if call ended reason is main-agent-ended-call"`',
    )
    evaluation_trigger_custom_code: str | None = Field(
        None,
        description='Python custom code to determine metric relevance. Code should set _result (bool) and _explanation (str).\nExample:\n```python\n_result = True\n_explanation = "Metric is relevant"\nif "call_end_reason" in data and data["call_end_reason"] == "customer-hung-up":\n    _result = False\n    _explanation = "Customer hung up, metric not applicable"\n```',
    )
    priority_assignment_prompt: str | None = Field(
        None, description="Priority assignment prompt for the metric."
    )
    configuration: Any = Field(
        None,
        description='Custom configuration parameters for specific metrics if metric supports it.\nExample:\n- For Infrastructure issues\n```json\n{\n    "infra_issues_timeout": 10\n}\n```',
    )
    overall_score: str | None = Field(
        None, description="The overall score for this metric across all test sets"
    )
    total_score: str | None = Field(None, description="The total score for this metric")
    knowledge_base_files: str | None = Field(
        None, description="Knowledge base files associated with this metric"
    )
    observability_enabled: bool | None = Field(
        None, description="Enable this metric for observability.\nExample: `true` or `false`"
    )
    simulation_enabled: bool | None = Field(
        None, description="Enable this metric for simulations.\nExample: `true` or `false`"
    )
    sampling_enabled: bool | None = Field(
        None, description="Enable sampling for this metric using project-level sample rate"
    )
    alert_enabled: bool | None = Field(
        None,
        description="Enable alerts for this metric when it fails (value=false).\nOnly applicable to binary metrics (eval_type=binary).\nFor other metric types, use significant_change_alert_status instead.\nExample: `true` or `false`",
    )
    alert_type: Literal["disabled", "normal", "significant_change"] | None = Field(
        None,
        description="* `disabled` - Alerts Disabled\n* `normal` - Normal Alerts\n* `significant_change` - Significant Change Alerts",
    )
    alert_filters: Any = Field(
        None, description="Filters to apply before computing alerts (CallLogQueryFilter format)"
    )
    slack_workspace: int | None = Field(None, description="Slack workspace to send alerts to")
    slack_channel_id: str | None = Field(
        None, description="Override channel ID for this metric's alerts"
    )
    significant_change_alert_status: Literal["enabled", "disabled"] | None = Field(
        None,
        description="Alert status: enabled or disabled.\n\n\n* `enabled` - Enabled\n* `disabled` - Disabled",
    )
    significant_change_alert_direction: Literal["", "increase", "decrease"] | None = Field(
        None,
        description='Alert direction: increase only, decrease only, or both (empty = both).\nExample: `"increase"`, `"decrease"`, or `"both"`\n\n* `` - Both (Increase and Decrease)\n* `increase` - Increase Only\n* `decrease` - Decrease Only',
    )
    function_name: str | None = Field(
        None,
        description='Predefined function name\nExample: `"get_latency"` or `"check_critical_deviations"`',
    )
    custom_code: str | None = Field(
        None,
        description='Python custom code for the metric.\nExample:\n```python\n_resul = True\n_explanation = None\nif  "call_end_reason" in data and data["call_end_reason"] == "customer_satisfaction":\n    _result = True\n    _explanation = "Customer expressed satisfaction with service"\n```',
    )
    vocera_defined_metric_code: str | None = Field(
        None, description='Vocera defined metric code for the metric.\nExample: `"7fd534f5"`'
    )
    reviews: list[MetricReviewDetail] | None = Field(
        None, description="Reviews associated with the metric"
    )
    window_size: int | None = Field(
        None, description="Window size for rolling statistics calculation.\nExample: `50`"
    )
    std_multiplier: float | None = Field(
        None, description="Standard deviation multiplier for threshold calculation.\nExample: `2.0`"
    )
    ewma_alpha: float | None = Field(
        None,
        description="Alpha value for exponentially weighted moving average (EWMA) calculation.\nExample: `0.1`",
    )
    add_to_new_agents: bool | None = Field(
        None,
        description="When enabled, this metric is automatically assigned to new agents created in the project.",
    )
    pending_optimisation_proposal: Any = Field(
        None,
        description="Unsaved proposal from a metric-optimiser cron run. Shape: {description, evaluation_trigger, type, custom_code, score, baseline_score, cron_job_id, cron_job_name, proposed_at}.",
    )


class PatchedSchemaPostMetricEditWrite(WriteModel):
    """PatchedSchemaPostMetricEdit"""

    name: str | None = Field(None, description="Name of the metric")
    description: str | None = Field(None, description="Description of what this metric evaluates")
    audio_enabled: bool | None = Field(
        None, description="Whether this metric evaluates audio content"
    )
    prompt: str | None = Field(None, description="The evaluation prompt used for this metric")
    project: int | None = Field(None, description="ID of the project this metric belongs to.")
    agents: list[int] | None = Field(
        None,
        description="List of agent IDs to enable this project-level metric for. Only applicable when project is set.",
    )
    assistant_id: str | None = Field(None, description="External identifier for the assistant")
    type: Literal["basic", "custom_prompt", "custom_code", "llm_judge"] | None = Field(
        None,
        description="Type of metric (`llm_judge` recommended; `basic` and `custom_prompt` are deprecated)\n\n* `basic` - Basic (Deprecated in favor of LLM Judge)\n* `custom_prompt` - Custom Prompt ( Deprecated in favor of LLM Judge)\n* `custom_code` - Custom Code\n* `llm_judge` - LLM Judge",
    )
    eval_type: Literal["binary", "continuous_qualitative", "numeric", "enum"] | None = Field(
        None,
        description="Output shape of the evaluation score. Accepts canonical (binary, continuous_qualitative, numeric, enum); legacy binary_workflow_adherence and binary_qualitative are accepted and mapped to binary.\n\n* `binary` - Binary\n* `continuous_qualitative` - Continuous Qualitative\n* `numeric` - Numeric\n* `enum` - Enum",
    )
    enum_values: list[str] | None = Field(
        None,
        description='Possible values for enum-type metrics (list of strings, e.g. ["resolved", "escalated", "abandoned"])',
    )
    display_order: int | None = Field(
        None, description="Order in which to display this metric in the UI"
    )
    configuration: dict[str, Any] | None = Field(
        None,
        description='Per-metric configuration.\n\nSome predefined metrics carry **per-agent** configuration, keyed by agent id: `configuration[<key>] = {"<agent_id>": <value>}`. On read, every agent attached to the metric is returned; on write, only the agent ids you include are updated.\n\nCall-level keys (not per-agent):\n* **Detect Silence** — `silence_duration` (int, seconds, default 10): minimum mutual silence before flagging a failure.\n* **Infrastructure Issues** — `infra_issues_timeout` (int, seconds, default 10): max seconds before the Main Agent must respond after the Testing Agent finishes speaking.\n\nPer-agent keys (each value is `{"<agent_id>": <value>}`):\n* **Dropoff Node** — `nodes`: `{"<agent_id>": [{name, description}]}` — conversation stages used to classify where a call dropped off.\n* **Topic of Call** — `nodes`: `{"<agent_id>": [{name, description}]}` — topic categories used to classify each call.\n* **Pronunciation Check** — `pronunciation_words`: `{"<agent_id>": [[word, phonemes], ...]}` — how specific words should be pronounced (e.g. {"42": [["Cekura", "suh-KYUR-uh"]]}).\n* **Letterwise Pronunciation** — `spelling_word_types`: `{"<agent_id>": ["name", "email", ...]}` — word categories the Main Agent must spell out letter-by-letter.\n* **Hallucination** — `hallucination_kb_files`: `{"<agent_id>": [file_id, ...]}` — KnowledgeBaseFile IDs used as the source of truth for fact-checking.',
    )
    add_to_new_agents: bool | None = Field(
        None,
        description="When enabled, this metric is automatically assigned to new agents created in the project.",
    )
    simulation_enabled: bool | None = Field(
        None, description="Enable this metric for simulations.\nExample: `true` or `false`"
    )
    observability_enabled: bool | None = Field(
        None, description="Enable this metric for observability.\nExample: `true` or `false`"
    )
    sampling_enabled: bool | None = Field(
        None, description="Enable sampling for this metric using project-level sample rate"
    )
    evaluation_trigger: Literal["always", "automatic", "custom"] | None = Field(
        None,
        description="When to run this metric.\n\n* `always` — evaluate every call (default)\n* `automatic` — system decides based on call content\n* `custom` — only evaluate when `evaluation_trigger_prompt` condition is met\n\n* `always` - Always\n* `automatic` - Automatic\n* `custom` - Custom",
    )
    evaluation_trigger_prompt: str | None = Field(
        None,
        description='LLM prompt that decides whether to evaluate this call. Only used when `evaluation_trigger=custom` and `trigger_type=llm_judge`.\nExample: "Did the agent offer a refund?"',
    )
    trigger_type: Literal["llm_judge", "custom_code"] | None = Field(
        None,
        description="How to evaluate the trigger condition. Only relevant when `evaluation_trigger=custom`.\n\n* `llm_judge` — use `evaluation_trigger_prompt` (default)\n* `custom_code` — use `evaluation_trigger_custom_code`\n\n* `llm_judge` - LLM Judge\n* `custom_code` - Custom Code",
    )
    evaluation_trigger_custom_code: str | None = Field(
        None,
        description="Python code to evaluate the trigger condition. Only used when `evaluation_trigger=custom` and `trigger_type=custom_code`.",
    )
    custom_code: str | None = Field(
        None,
        description="Python code that implements the metric evaluation. Required when `type=custom_code`. Must define a function `evaluate(transcript, ...) -> bool | float | str`.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "agents",
            "assistant_id",
            "audio_enabled",
            "configuration",
            "custom_code",
            "description",
            "display_order",
            "enum_values",
            "eval_type",
            "evaluation_trigger",
            "evaluation_trigger_custom_code",
            "evaluation_trigger_prompt",
            "name",
            "observability_enabled",
            "project",
            "prompt",
            "sampling_enabled",
            "simulation_enabled",
            "trigger_type",
            "type",
        ]
    )


class CreatePersonality(ReadModel):
    """CreatePersonality"""

    id: int | None = None
    project: int | None = Field(
        None,
        description="Project that will own the personality. Optional when using a project-scoped API key\n(it is inferred from the key); required otherwise.\nExample: `1`",
    )
    name: str = Field(description='Name of the personality\nExample: `"Customer Service"`')
    prompt: str | None = Field(
        None,
        description='Prompt of the personality\nExample: `"You are a friendly and helpful customer service agent who is always willing to help"`',
    )
    language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="Language of the personality\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    accent: str | None = Field(None, description='Accent of the personality\nExample: `"American"`')
    background_noise: str = Field(description="Background noise")
    voice_model: str = Field(description="Voice model name")
    voice_id: str | None = Field(None, description='Voice ID\nExample: `"TX3LPaxmHKxFdv7VOQHJ"`')
    interruption_level: str | None = Field(None, description="Interruption level")
    speed: str | None = Field(None, description="Speed of the voice")
    generation_config: dict[str, Any] | str | None = Field(
        None,
        description='Generation config for Cartesia Sonic-3 voice model.\nOnly valid when provider is "cartesia" and voice_model is "sonic-3.5".\nSupports volume and emotion\nExample: {"volume": 1.5, "emotion": "happy"}',
    )
    network_simulation: dict[str, Any] | str | None = Field(
        None, description="Network simulation configuration for testing network impairments."
    )
    message_plan: dict[str, Any] | str | None = Field(
        None,
        description='Message plan configuration for idle timeout behavior.\nSupports idle_timeout_seconds (positive int) and idle_message_max_spoken_count (positive int).\nExample: {"idle_timeout_seconds": 15, "idle_message_max_spoken_count": 2}',
    )
    start_speaking_plan: str | None = Field(
        None,
        description="Wait seconds before the bot starts speaking (float >= 0).\nIgnored if interruption_level is also set in the same request (preset takes precedence).\nExample: 0.7",
    )
    stop_speaking_plan: dict[str, Any] | str | None = Field(
        None,
        description='Stop speaking plan configuration. Controls when the bot stops speaking.\nSupports num_words (int >= 0), voice_seconds (float >= 0), backoff_seconds (float >= 0).\nIgnored if interruption_level is also set in the same request (preset takes precedence).\nExample: {"num_words": 3, "voice_seconds": 0.3, "backoff_seconds": 0}',
    )
    background_sound_volume: dict[str, Any] | str | None = Field(
        None,
        description='Background sound volume levels (0.0 to 1.0). base sets both the base and normal volume; reduced sets the quieter level during bot speech.\nExample: {"base": 0.05, "reduced": 0.02}',
    )
    patronus_settings: Any = None
    provider_agent_id: str | None = Field(
        None, description='Provider agent ID\nExample: `"assistant_123"`'
    )
    end_call_enabled: bool | None = Field(None, description="Whether the end call is enabled")
    provider: Literal["11labs", "cartesia"] | None = Field(
        None,
        description="Provider of the voice\n\n\n* `11labs` - Elevenlabs\n* `cartesia` - Cartesia",
    )


class CreatePersonalityWrite(WriteModel):
    """CreatePersonality"""

    project: int | None = Field(
        None,
        description="Project that will own the personality. Optional when using a project-scoped API key\n(it is inferred from the key); required otherwise.\nExample: `1`",
    )
    name: str | None = Field(
        None, max_length=255, description='Name of the personality\nExample: `"Customer Service"`'
    )
    prompt: str | None = Field(
        None,
        description='Prompt of the personality\nExample: `"You are a friendly and helpful customer service agent who is always willing to help"`',
    )
    language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="Language of the personality\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    accent: str | None = Field(
        None, max_length=255, description='Accent of the personality\nExample: `"American"`'
    )
    background_noise: str | None = Field(None, description="Background noise")
    voice_model: str | None = Field(None, description="Voice model name")
    voice_id: str | None = Field(None, description='Voice ID\nExample: `"TX3LPaxmHKxFdv7VOQHJ"`')
    interruption_level: str | None = Field(None, description="Interruption level")
    speed: str | None = Field(None, description="Speed of the voice")
    generation_config: dict[str, Any] | str | None = Field(
        None,
        description='Generation config for Cartesia Sonic-3 voice model.\nOnly valid when provider is "cartesia" and voice_model is "sonic-3.5".\nSupports volume and emotion\nExample: {"volume": 1.5, "emotion": "happy"}',
    )
    network_simulation: dict[str, Any] | str | None = Field(
        None, description="Network simulation configuration for testing network impairments."
    )
    message_plan: dict[str, Any] | str | None = Field(
        None,
        description='Message plan configuration for idle timeout behavior.\nSupports idle_timeout_seconds (positive int) and idle_message_max_spoken_count (positive int).\nExample: {"idle_timeout_seconds": 15, "idle_message_max_spoken_count": 2}',
    )
    start_speaking_plan: str | None = Field(
        None,
        description="Wait seconds before the bot starts speaking (float >= 0).\nIgnored if interruption_level is also set in the same request (preset takes precedence).\nExample: 0.7",
    )
    stop_speaking_plan: dict[str, Any] | str | None = Field(
        None,
        description='Stop speaking plan configuration. Controls when the bot stops speaking.\nSupports num_words (int >= 0), voice_seconds (float >= 0), backoff_seconds (float >= 0).\nIgnored if interruption_level is also set in the same request (preset takes precedence).\nExample: {"num_words": 3, "voice_seconds": 0.3, "backoff_seconds": 0}',
    )
    background_sound_volume: dict[str, Any] | str | None = Field(
        None,
        description='Background sound volume levels (0.0 to 1.0). base sets both the base and normal volume; reduced sets the quieter level during bot speech.\nExample: {"base": 0.05, "reduced": 0.02}',
    )
    end_call_enabled: bool | None = Field(None, description="Whether the end call is enabled")
    provider: Literal["11labs", "cartesia"] | None = Field(
        None,
        description="Provider of the voice\n\n\n* `11labs` - Elevenlabs\n* `cartesia` - Cartesia",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["background_noise", "name", "voice_model"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "accent",
            "background_noise",
            "background_sound_volume",
            "end_call_enabled",
            "generation_config",
            "interruption_level",
            "language",
            "message_plan",
            "name",
            "network_simulation",
            "project",
            "prompt",
            "provider",
            "speed",
            "start_speaking_plan",
            "stop_speaking_plan",
            "voice_id",
            "voice_model",
        ]
    )


class PatchedCreatePersonalityWrite(WriteModel):
    """PatchedCreatePersonality"""

    project: int | None = Field(
        None,
        description="Project that will own the personality. Optional when using a project-scoped API key\n(it is inferred from the key); required otherwise.\nExample: `1`",
    )
    name: str | None = Field(
        None, max_length=255, description='Name of the personality\nExample: `"Customer Service"`'
    )
    prompt: str | None = Field(
        None,
        description='Prompt of the personality\nExample: `"You are a friendly and helpful customer service agent who is always willing to help"`',
    )
    language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="Language of the personality\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    accent: str | None = Field(
        None, max_length=255, description='Accent of the personality\nExample: `"American"`'
    )
    background_noise: str | None = Field(None, description="Background noise")
    voice_model: str | None = Field(None, description="Voice model name")
    voice_id: str | None = Field(None, description='Voice ID\nExample: `"TX3LPaxmHKxFdv7VOQHJ"`')
    interruption_level: str | None = Field(None, description="Interruption level")
    speed: str | None = Field(None, description="Speed of the voice")
    generation_config: dict[str, Any] | str | None = Field(
        None,
        description='Generation config for Cartesia Sonic-3 voice model.\nOnly valid when provider is "cartesia" and voice_model is "sonic-3.5".\nSupports volume and emotion\nExample: {"volume": 1.5, "emotion": "happy"}',
    )
    network_simulation: dict[str, Any] | str | None = Field(
        None, description="Network simulation configuration for testing network impairments."
    )
    message_plan: dict[str, Any] | str | None = Field(
        None,
        description='Message plan configuration for idle timeout behavior.\nSupports idle_timeout_seconds (positive int) and idle_message_max_spoken_count (positive int).\nExample: {"idle_timeout_seconds": 15, "idle_message_max_spoken_count": 2}',
    )
    start_speaking_plan: str | None = Field(
        None,
        description="Wait seconds before the bot starts speaking (float >= 0).\nIgnored if interruption_level is also set in the same request (preset takes precedence).\nExample: 0.7",
    )
    stop_speaking_plan: dict[str, Any] | str | None = Field(
        None,
        description='Stop speaking plan configuration. Controls when the bot stops speaking.\nSupports num_words (int >= 0), voice_seconds (float >= 0), backoff_seconds (float >= 0).\nIgnored if interruption_level is also set in the same request (preset takes precedence).\nExample: {"num_words": 3, "voice_seconds": 0.3, "backoff_seconds": 0}',
    )
    background_sound_volume: dict[str, Any] | str | None = Field(
        None,
        description='Background sound volume levels (0.0 to 1.0). base sets both the base and normal volume; reduced sets the quieter level during bot speech.\nExample: {"base": 0.05, "reduced": 0.02}',
    )
    end_call_enabled: bool | None = Field(None, description="Whether the end call is enabled")
    provider: Literal["11labs", "cartesia"] | None = Field(
        None,
        description="Provider of the voice\n\n\n* `11labs` - Elevenlabs\n* `cartesia` - Cartesia",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "accent",
            "background_noise",
            "background_sound_volume",
            "end_call_enabled",
            "generation_config",
            "interruption_level",
            "language",
            "message_plan",
            "name",
            "network_simulation",
            "project",
            "prompt",
            "provider",
            "speed",
            "start_speaking_plan",
            "stop_speaking_plan",
            "voice_id",
            "voice_model",
        ]
    )


class ForkPersonalityWrite(WriteModel):
    """Request body for forking a personality. A fork inherits every setting from its"""

    project_id: int | None = Field(
        None,
        description="Project the fork is created in. Inferred from a project-scoped API key when omitted.",
    )
    prompt: str | None = Field(
        None, description="Replaces the source personality's prompt on the fork."
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["project_id", "prompt"])


class PredefinedMetric(ReadModel):
    """PredefinedMetric"""

    id: int | None = None
    name: str = Field(
        description='Name of the metric.\nExample: \n- `"Customer Satisfaction"`\n- `"Response Time"`'
    )
    description: str = Field(
        description='Description of what the metric measures.\nExample: `"Measures how satisfied customers are with the service provided"`'
    )
    code: str | None = Field(None, description="Unique code identifier for the metric")
    slug: str | None = Field(
        None, description="URL-friendly unique identifier in snake_case format"
    )
    type: Literal["basic", "custom_prompt", "custom_code", "llm_judge"] | None = Field(
        None,
        description="* `basic` - Basic (Deprecated in favor of LLM Judge)\n* `custom_prompt` - Custom Prompt ( Deprecated in favor of LLM Judge)\n* `custom_code` - Custom Code\n* `llm_judge` - LLM Judge",
    )
    eval_type: Literal["binary", "continuous_qualitative", "numeric", "enum"] | None = Field(
        None,
        description="* `binary` - Binary\n* `continuous_qualitative` - Continuous Qualitative\n* `numeric` - Numeric\n* `enum` - Enum",
    )
    audio_enabled: bool | None = Field(
        None, description="Whether this metric requires audio analysis"
    )
    prompt: str | None = Field(None, description="Evaluation prompt for the metric")
    function_name: str | None = Field(
        None, description="Python function name for custom metric evaluation"
    )
    enum_values: Any = Field(None, description="List of possible enum values for enum type metrics")
    custom_code: str | None = Field(None, description="Custom evaluation code for the metric")
    simulation_enabled: bool | None = Field(
        None, description="Enable this metric for simulations.\nExample: `true` or `false`"
    )
    observability_enabled: bool | None = Field(
        None, description="Enable this metric for observability.\nExample: `true` or `false`"
    )
    configuration: Any = Field(
        None,
        description="Custom configuration parameters for metric.\nExample: ```json\n{\n    \n}\n```\n```",
    )
    cost: str | None = Field(
        None, description="Cost in credits for evaluating this metric.\nExample: `0.005000`"
    )
    evaluation_trigger: Literal["always", "automatic", "custom"] | None = Field(
        None,
        description="When to trigger this metric evaluation\n\n* `always` - Always\n* `automatic` - Automatic\n* `custom` - Custom",
    )
    evaluation_trigger_prompt: str | None = Field(
        None, description="Prompt to determine when to trigger metric evaluation"
    )
    category: (
        Literal["Speech Quality", "Conversation Quality", "Accuracy", "Customer Experience"] | None
    ) = Field(
        None,
        description="Category of the metric\n\n* `Speech Quality` - Speech Quality\n* `Conversation Quality` - Conversation Quality\n* `Accuracy` - Accuracy\n* `Customer Experience` - Customer Experience",
    )
    sub_category: str | None = Field(None, description="Sub category of the metric")
    organization: int | None = None


class PredefinedMetricCopyRequestWrite(WriteModel):
    """PredefinedMetricCopyRequest"""

    predefined_metric_ids: list[int] | None = Field(
        None,
        description="IDs of the predefined metrics to attach. Get these from the predefined metrics list.",
    )
    metric_codes: list[str] | None = Field(
        None,
        description="Codes of the predefined metrics to attach. Provide this or predefined_metric_ids.",
    )
    project_id: int | None = Field(
        None,
        description="Project to attach the metrics to. Provide either project_id or agent_id, not both.",
    )
    agent_id: int | None = Field(
        None,
        description="Agent to attach the metrics to. Provide either project_id or agent_id, not both.",
    )
    scenarios: list[int] | None = Field(
        None,
        description="Optional scenario IDs to scope the metrics to (max 1000). Omit to apply across the target.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        ["agent_id", "metric_codes", "predefined_metric_ids", "project_id", "scenarios"]
    )


class AIAgentTestProfile(ReadModel):
    """AIAgentTestProfile"""

    id: int | None = None
    project: int | None = None
    agent: int | None = None
    agent_name: str | None = Field(
        None,
        description='Name of the agent associated with this test profile\nExample: `"Customer Support Agent"`',
    )
    name: str
    information: Any = Field(
        None,
        description='Variables for the test profile, split by which agent receives them.\n```json\n{\n    "main_agent_variables": {"user_id": "U-123"},\n    "testing_agent_variables": {"user_name": "John Doe", "user_email": "john.doe@example.com"}\n}\n```\n`main_agent_variables` are sent to the agent under test as dynamic variables. `testing_agent_variables` shape the simulated caller\'s persona. A legacy flat dict (no section keys) is accepted for backward compatibility and is sent to both agents.\n\nKeys in `main_agent_variables` starting with `X-` are additionally sent as custom SIP headers (SIP runs) or connection headers (WebSocket runs) to the agent under test. For SIP runs this is the only way to pass custom headers; `X-Run-Id`, `X-Scenario-Id`, and `X-Result-Id` are reserved and always set by Cekura.',
    )
    created_by: int | None = Field(None, description="ID of the user who created this test profile")
    last_updated_by: int | None = Field(
        None, description="ID of the user who last updated this test profile"
    )
    created_at: datetime | None = Field(
        None, description="Timestamp when the test profile was created"
    )
    updated_at: datetime | None = Field(
        None, description="Timestamp when the test profile was last updated"
    )


class ScenarioList(ReadModel):
    """ScenarioList"""

    id: int | None = Field(None, description="Unique identifier for the AI agent\nExample: `123`")
    name: str = Field(description="Name of the scenario")
    personality: int | None = Field(
        None, description="Foreign key reference to the personality used in this scenario"
    )
    personality_name: str | None = Field(
        None, description='Name of the personality used in this scenario\nExample: `"Normal Male"`'
    )
    agent_name: str | None = Field(
        None,
        description='Name of the agent associated with this scenario\nExample: `"Customer Support Agent"`',
    )
    phone_number: str | None = None
    expected_outcome_prompt: str | None = Field(
        None,
        description='Expected outcome prompt for the scenario\nExample: `"The user should be able to complete the order"`',
    )
    instructions: str = Field(
        description='Scenario Instructions - format depends on scenario_type:\n\n**For scenario_type="instruction":**\nPlain text describing the caller\'s behavior.\nExample: `"You are a customer calling to inquire about your order status. Be polite and provide order number 12345 when asked."`\n\n**For scenario_type="conditional_actions":**\nUse the structured `conditional_actions` field instead. If you must send via this field, pass a JSON-formatted string with role and conditions:\n```json\n{\n  "role": "A friendly customer calling about an appointment",\n  "conditions": [\n    {\n      "id": 0,\n      "condition": "FIRST_MESSAGE",\n      "action": "Hi, I\'d like to check on my upcoming appointment <silence time=\\"1.5s\\" />",\n      "type": "standard",\n      "fixed_message": true\n    },\n    {\n      "id": 1,\n      "condition": "The agent asks for your name",\n      "action": "My name is Sarah Johnson",\n      "type": "standard",\n      "fixed_message": true\n    },\n    {\n      "id": 2,\n      "condition": "The agent asks for your date of birth",\n      "action": "January first, nineteen ninety",\n      "type": "standard",\n      "fixed_message": true\n    },\n    {\n      "id": 3,\n      "condition": "The agent confirms your identity and provides appointment details",\n      "action": "Thank you, that\'s all I needed <silence time=\\"1.0s\\" />",\n      "type": "standard",\n      "fixed_message": true\n    },\n    {\n      "id": 4,\n      "condition": 3,\n      "action": "<endcall />",\n      "type": "action_followup",\n      "fixed_message": true\n    }\n  ]\n}\n```\n\n**Structure:**\n- `role`: Personality/role description\n- `conditions`: Array with id (0,1,2...), condition (FIRST_MESSAGE | a natural-language third-person description of the main agent\'s observable action, e.g. `"The agent asks for your date of birth"` — matched semantically against the conversation context | integer reference to another condition\'s id), action (text with SSML `<silence time="1.5s" />` (interruptible) or `<hold time="2s" />` (not interruptible) and markers `[laughter]` or `<endcall />`), type (standard | action_followup), fixed_message (boolean)'
    )
    scenario_language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="Language code for the scenario (ISO language code)\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    scenario_type: (
        Literal["instruction", "real_world_smart", "real_world_fixed", "conditional_actions"] | None
    ) = Field(
        None,
        description="Type of scenario:\n- `instruction`: Standard instruction-based scenario where instructions field contains plain text\n- `conditional_actions`: Conditional action-based scenario where instructions field contains JSON\n- `real_world_smart`: Real world smart scenario\n- `real_world_fixed`: Real world fixed scenario\n\n\n* `instruction` - Instruction\n* `real_world_smart` - Real World Smart\n* `real_world_fixed` - Real World Fixed\n* `conditional_actions` - Conditional Actions",
    )
    tags: Any = Field(
        None,
        description='List of tags associated with this scenario for categorization\nExample: `["tag1", "tag2", "tag3"]`',
    )
    agent: int = Field(description="Foreign key reference to the AI agent that owns this scenario")
    inbound_phone_number: int | None = Field(
        None,
        description="(Deprecated) Foreign key reference to the phone number. Use phone_number field instead. This field is maintained for backward compatibility and will be automatically synced with phone_number.",
    )
    inbound_phone_number_data: str | None = Field(
        None, description="Details of the phone number used for inbound calls"
    )
    metrics: str | None = Field(
        None, description="List of metrics associated with this scenario for evaluation"
    )
    metric_names: str | None = Field(
        None,
        description='List of metric names associated with this scenario\nExample: `["Metric 1", "Metric 2", "Metric 3"]`',
    )
    first_message: str | None = Field(
        None, description="The initial message that the AI agent will send when the scenario starts"
    )
    tool_ids: Any = Field(
        None,
        description='List of tool IDs that are available for use in this scenario\nExample: `["TOOL_DTML", "TOOL_END_CALL"]`',
    )
    test_profile: int | None = Field(None, description="Test profile ID\nExample: `123`")
    test_profile_data: AIAgentTestProfile | None = Field(
        None,
        description='Details of the test profile associated with this scenario\nExample:\n```json\n{\n    "id": "<integer>",\n    "agent": "<integer>",\n    "name": "<string>",\n    "information": {\n        "user_name": "John Doe",\n        "user_email": "john.doe@example.com",\n    }\n}\n```',
    )
    dynamic_variable_values: Any = Field(
        None,
        description="REMOVED FROM API. Historically stored a flat copy of the agent's dynamic-variable values for the scenario. The column is retained read-only for legacy rows; reads still return its historical value, but writes via the API are rejected with a 400. At call time the Run-level helper consults this column ONLY when the attached test_profile is legacy-flat (or absent) — sectioned test profiles are the canonical source and ignore this column. Put dynamic-variable values in `test_profile.information.main_agent_variables` for new scenarios.",
    )
    created_at: datetime | None = Field(None, description="Timestamp when the scenario was created")
    updated_at: datetime | None = Field(
        None, description="Timestamp when the scenario was last updated"
    )
    created_by: int | None = Field(None, description="ID of the user who created this scenario")
    last_updated_by: int | None = Field(
        None, description="ID of the user who last updated this scenario"
    )
    folder_path: str | None = Field(
        None,
        description='Dot-separated path of the folder to assign this evaluator to (e.g. "Sales.Inbound"). Folders must be created before use — they are not auto-created. Use `scenarios_create_folder_create` to create each level before assigning evaluators. Example: to use "Sales.Inbound", first create "Sales", then create "Inbound" inside it.',
    )


class PaginatedScenarioListList(ReadModel):
    """PaginatedScenarioListList"""

    count: int
    next: str | None = None
    previous: str | None = None
    results: list[ScenarioList]


class ConditionWrite(WriteModel):
    """One entry in a ConditionalActions flow."""

    id: int | None = Field(
        None, description="Sequential identifier. Start at 0 for the first condition."
    )
    condition: str | None = Field(
        None,
        description='Trigger expression. Special values:\n- `"FIRST_MESSAGE"` — fires at conversation start (use for `id: 0`)\n- `"contains \\"<word>\\""` — fires when the agent utterance contains the substring\n- `"contains \\"<a>\\" OR contains \\"<b>\\""` — OR-combined substrings\n- `"contains \\"<a>\\" AND contains \\"<b>\\""` — AND-combined substrings\n- Integer (e.g. `2`) — references another condition id for sequential follow-up',
    )
    action: str | None = Field(
        None,
        description='What the simulated caller says or does. Supports:\n- SSML pauses: `<silence time="1.5s" />` (interruptible) or `<hold time="2s" />` (not interruptible)\n- Emotion markers: `[laughter]`, `[sigh]`\n- Call control: `<endcall />`',
    )
    type: Literal["standard", "action_followup"] | None = Field(
        None,
        description="`standard` — normal response to the matched condition. `action_followup` — fires on the testing agent's next turn after the referenced condition was executed (one main-agent reply elapses in between). Firing is deterministic and does not depend on the reply's content; it never fires in the same turn as its parent.\n\n* `standard` - standard\n* `action_followup` - action_followup",
    )
    fixed_message: bool | None = Field(
        None,
        description="If `true`, deliver `action` verbatim (no LLM paraphrasing). Use for exact-phrasing tests.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["action", "condition", "id"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        ["action", "condition", "fixed_message", "id", "type"]
    )


class ConditionalActionsWrite(WriteModel):
    """Structured conditional-actions object for `scenario_type="conditional_actions"`."""

    role: str | None = Field(
        None,
        description='Caller role / persona for this scenario. Example: `"You are a frustrated patient calling about a billing error"`.',
    )
    conditions: list[ConditionWrite] | None = Field(
        None, description="Ordered list of conditions and their actions."
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["conditions", "role"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["conditions", "role"])


class SchemaPostScenarioWrite(WriteModel):
    """SchemaPostScenario"""

    agent: int | None = Field(
        None, description="ID of the agent. Either agent or project must be provided."
    )
    project: int | None = Field(
        None, description="ID of the project. Either agent or project must be provided."
    )
    assistant_id: str | None = Field(
        None,
        description='Alternative to agent ID - the assistant ID to use for this scenario\nExample: `"asst_1234567890"`',
    )
    name: str | None = Field(None, description="Name of the evaluator")
    personality: int | None = Field(None, description="The personality of the evaluator")
    scenario_type: Literal["instruction", "conditional_actions"] | None = Field(
        None,
        description="Type of scenario to create:\n- `instruction`: Standard instruction-based scenario where the instructions field contains plain text\n- `conditional_actions`: Conditional action-based scenario where the instructions field contains a JSON structure\n\nDefault: `instruction`. Must be sent as `conditional_actions` when the request includes the\n`conditional_actions` field.\n\n\n* `instruction` - Instruction\n* `conditional_actions` - Conditional Actions",
    )
    instructions: str | None = Field(
        None,
        description='Scenario Instructions - the format depends on the scenario_type:\n\n**For scenario_type="instruction":**\nProvide plain text instructions that describe the scenario behavior.\nExample: `"You are a customer calling to inquire about your order status. Be polite and provide order number 12345 when asked."`\n\n**For scenario_type="conditional_actions":**\nUse the structured `conditional_actions` field instead. If you send via `instructions`, pass a JSON-formatted string with the following structure:\n\n```json\n{\n  "role": "A friendly customer calling about an appointment",\n  "conditions": [\n    {\n      "id": 0,\n      "condition": "FIRST_MESSAGE",\n      "action": "Hi, I\'d like to check on my upcoming appointment <silence time=\\"1.5s\\" />",\n      "type": "standard",\n      "fixed_message": true\n    },\n    {\n      "id": 1,\n      "condition": "The agent asks for your name",\n      "action": "My name is Sarah Johnson",\n      "type": "standard",\n      "fixed_message": true\n    },\n    {\n      "id": 2,\n      "condition": "The agent asks for your date of birth",\n      "action": "January first, nineteen ninety",\n      "type": "standard",\n      "fixed_message": true\n    },\n    {\n      "id": 3,\n      "condition": "The agent confirms your identity and provides appointment details",\n      "action": "Thank you, that\'s all I needed <silence time=\\"1.0s\\" />",\n      "type": "standard",\n      "fixed_message": true\n    },\n    {\n      "id": 4,\n      "condition": 3,\n      "action": "<endcall />",\n      "type": "action_followup",\n      "fixed_message": true\n    }\n  ]\n}\n```\n\n**Note:** When sent via `instructions`, the value must be a JSON-formatted string (e.g. `JSON.stringify(...)` / `json.dumps(...)`). For new integrations, use the structured `conditional_actions` field below.\n\n**Structure Details:**\n\n- **`role`** (string): Personality/role description for the scenario actor\n\n- **`conditions`** (array): Ordered list of conditional actions that define the conversation flow\n\n  **Each condition object has:**\n  - **`id`** (integer): Unique sequential identifier (0, 1, 2, 3...)\n\n  - **`condition`** (string | integer): The trigger that activates this action\n    - `"FIRST_MESSAGE"` — Triggers at conversation start (use for `id: 0`)\n    - Natural-language description of the main agent\'s observable action, written from a third-person observer perspective (e.g. `"The agent asks for your date of birth"`, `"The agent confirms the cancellation"`). Matched semantically against the conversation context.\n    - Integer (e.g. `3`) — References another condition\'s `id` for sequential `action_followup` chaining\n\n  - **`action`** (string): What the scenario actor says or does\n    - **SSML pause tags:** `<silence time="1.5s" />` (interruptible) or `<hold time="2s" />` (not interruptible). `<silence>` lets the main agent jump in mid-pause; `<hold>` enforces dead air.\n    - **Emotion markers:** `[laughter]`, `[sigh]`, etc. (can repeat like `[laughter] [laughter]`)\n    - **Special actions:** `<endcall />` to end the call\n\n  - **`type`** (string): Either `"standard"` (normal response) or `"action_followup"` (fires on the testing agent\'s next turn after the referenced condition — one main-agent reply elapses in between, regardless of its content; never fires in the same turn as its parent)\n\n  - **`fixed_message`** (boolean): Set to `true` for fixed responses, `false` for dynamic\n\n**Usage Tips:**\n- Always start with `id: 0` and `condition: "FIRST_MESSAGE"`\n- Write conditions as third-person descriptions of what the main agent does (e.g. `"The agent confirms the cancellation"`)\n- Use the last condition to trigger `<endcall />` for clean call termination\n- Combine SSML tags and emotion markers naturally: `"Great <silence time=\\"1.5s\\" /> [laughter] [laughter]"`',
    )
    conditional_actions: ConditionalActionsWrite | None = Field(
        None,
        description='Structured conditional-actions object for `scenario_type="conditional_actions"`. Use either `conditional_actions` (structured) or `instructions` (plain text) — not both.',
    )
    expected_outcome_prompt: str | None = Field(
        None,
        description='Expected Outcome Prompt\nExample: `"The user should be able to complete the order"`',
    )
    metrics: list[int] | None = Field(
        None,
        description="List of metric IDs to associate with this evaluator\nExample: `[123, 456, 789]`",
    )
    tags: list[str] | None = Field(
        None,
        description='List of tags to associate with the evaluator\nExample: `["tag1", "tag2", "tag3"]`',
    )
    tool_ids: list[str] | None = Field(None, description="List of tool IDs to use for evaluator")
    test_profile: int | None = Field(
        None, description="The test profile ID to use for the evaluator"
    )
    phone_number: int | None = Field(
        None,
        description="The phone number ID to use for the evaluator (works for both inbound and outbound)",
    )
    inbound_phone_number: int | None = Field(
        None,
        description="(Deprecated) The inbound phone number ID to use for the evaluator. Use phone_number instead, which works for both inbound and outbound.",
    )
    folder_path: str | None = Field(
        None,
        description='Dot-separated path of the folder to assign this evaluator to (e.g. "Sales.Inbound"). Folders must be created before use — they are not auto-created. Use `scenarios_create_folder_create` to create each level before assigning evaluators. Example: to use "Sales.Inbound", first create "Sales", then create "Inbound" inside it.',
    )
    generated_mock_tool_entries: Any = Field(
        None,
        description="Expected mock tool calls for this evaluator. Each entry has shape {tool_id, tool_name, new_entry: {input, output}}. Auto-generated during scenario generation when the agent has mock tools attached; can also be set or edited manually.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["name", "personality"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "assistant_id",
            "conditional_actions",
            "expected_outcome_prompt",
            "inbound_phone_number",
            "instructions",
            "metrics",
            "name",
            "personality",
            "phone_number",
            "scenario_type",
            "tags",
            "test_profile",
            "tool_ids",
        ]
    )


class PhoneNumberInbound(ReadModel):
    """PhoneNumberInbound"""

    id: int | None = None
    number: str
    phone_number_id: str


class SchemaScenario(ReadModel):
    """SchemaScenario"""

    id: int | None = None
    name: str | None = Field(None, description="Name of the evaluator")
    agent: int | None = Field(None, description="Agent ID\nExample: `2142`")
    project: int | None = None
    personality: int | None = Field(None, description="ID of the personality")
    personality_name: str | None = Field(None, description="Name of the personality")
    agent_name: str | None = Field(
        None,
        description='Name of the agent associated with this scenario\nExample: `"Customer Support Agent"`',
    )
    tags: list[str] | None = Field(
        None, description='List of tags of the evaluators\nExample: `["tag1", "tag2", "tag3"]`'
    )
    tool_ids: Any = Field(
        None,
        description='List of tool IDs to associate with this scenario\nExample: `["TOOL_DTMF", "TOOL_END_CALL"]`',
    )
    metrics: list[int] | None = Field(
        None, description="List of metric IDs\nExample: `[123, 456, 789]`"
    )
    metric_names: list[str] | None = Field(
        None, description='List of metric names\nExample: `["Metric 1", "Metric 2", "Metric 3"]`'
    )
    phone_number: str | None = Field(None, description="Phone number eg: +17776666333")
    outbound_phone_number_data: PhoneNumberInbound | None = Field(
        None,
        description='Phone number used for outbound calls in this scenario\nExample: `"+1234567890"`',
    )
    first_message: str | None = Field(None, description="First message of the evaluator")
    inbound_phone_number: int | None = None
    inbound_phone_number_data: PhoneNumberInbound | None = Field(
        None,
        description='(Deprecated) Phone number used for inbound calls in this scenario. Use outbound_phone_number_data instead.\nAfter CEK-6517, both phone_number and inbound_phone_number fields are synced, so outbound_phone_number_data contains the unified phone number for both inbound and outbound calls.\nExample: `{"id": 123, "number": "+1234567890", "phone_number_id": "abc123"}`',
    )
    instructions: str | None = Field(
        None,
        description='Scenario Instructions - format depends on scenario_type:\n- For `instruction` type: Plain text instructions\n- For `conditional_actions` type: JSON string with role and conditions array. Each condition has id, condition trigger (FIRST_MESSAGE, a natural-language third-person description of the main agent\'s observable action — e.g. `"The agent asks for your date of birth"`, matched semantically — or an integer reference to another condition\'s id), action (text with optional `<silence time="1.5s" />` (interruptible) or `<hold time="2s" />` (not interruptible) and `[laughter]` tags), type (standard/action_followup), and fixed_message flag',
    )
    simulation_description: str | None = Field(None, description="Simulation Description")
    information_fields: dict[str, Any] | None = Field(
        None,
        description='Information fields of the evaluator\nExample:\n```json\n{\n    "user_name": "John Doe",\n    "user_email": "john.doe@example.com",\n}\n```',
    )
    expected_outcome_prompt: str | None = Field(
        None,
        description='Expected outcome prompt of the evaluator\nExample: `"The user should be able to complete the order"`',
    )
    scenario_language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="Language of the scenario\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    scenario_type: str | None = Field(
        None,
        description="Type of scenario:\n- `instruction`: Standard instruction-based scenario (plain text instructions)\n- `conditional_actions`: Conditional action-based scenario (JSON with role, conditions, SSML tags, emotion markers)\n- `real_world_smart`: Real world smart scenario\n- `real_world_fixed`: Real world fixed scenario",
    )
    suite_type: Literal["undefined", "infrastructure"] | None = Field(
        None,
        description="Type of predefined suite (e.g., infrastructure)\n\n* `undefined` - Undefined\n* `infrastructure` - Infrastructure",
    )
    is_predefined: bool | None = Field(
        None, description="Whether this is a predefined scenario (template)"
    )
    test_profile: int | None = None
    test_profile_data: AIAgentTestProfile | None = Field(
        None,
        description='Details of the test profile associated with this scenario. `information` uses the\nsectioned shape: `main_agent_variables` are sent to the agent under test as\ndynamic variables at call time; `testing_agent_variables` are persona/context\nused by Cekura\'s simulated caller. Legacy flat dicts (no section keys) still\nwork — at call time they are delivered to both sides for backward compatibility.\nExample:\n```json\n{\n    "id": "<integer>",\n    "agent_id": "<integer>",\n    "name": "<string>",\n    "information": {\n        "main_agent_variables": {\n            "user_id": "<string>",\n            "account_id": "<string>"\n        },\n        "testing_agent_variables": {\n            "user_name": "<string>",\n            "user_email": "<string>",\n            "order_id": "<string>"\n        }\n    }\n}\n```',
    )
    dynamic_variable_values: Any = Field(
        None,
        description="REMOVED FROM API. Reads return the historical value for legacy rows (`null` for new rows). Writes are no longer accepted — supplying a non-null value yields a 400 error. Put dynamic-variable values in `test_profile_data.information.main_agent_variables` instead: create the test profile via POST /test-profiles/ and attach it via the `test_profile` field on the scenario.",
    )
    generated_mock_tool_entries: Any = Field(
        None,
        description="Expected mock tool calls for this evaluator. Each entry has shape {tool_id, tool_name, new_entry: {input, output}}. Auto-generated during scenario generation when the agent has mock tools attached; can also be set or edited manually.",
    )
    folder_path: str | None = Field(
        None,
        description='Dot-separated path of the folder to assign this evaluator to (e.g. "Sales.Inbound"). Folders must be created before use — they are not auto-created. Use `scenarios_create_folder_create` to create each level before assigning evaluators. Example: to use "Sales.Inbound", first create "Sales", then create "Inbound" inside it.',
    )
    max_duration: int | None = Field(
        None,
        description="Max call duration in seconds for this scenario. If not provided or set to null, the scenario will use the project's max_call_duration setting.\nValid range: 10-3600 seconds (10 seconds to 60 minutes)\nExample: `600` (10 minutes)",
    )


class ScenarioWrite(WriteModel):
    """Scenario"""

    name: str | None = Field(None, max_length=80, description="Name of the scenario")
    agent: int | None = Field(None, description="Agent ID\nExample: `2142`")
    project: int | None = None
    assistant_id: str | None = Field(
        None,
        description='Alternative to agent ID - the assistant ID to use for this scenario\nExample: `"asst_1234567890"`',
    )
    personality: int | None = Field(None, description="Personality ID\nExample: `123`")
    tags: Any = Field(
        None, description='Tags associated with the scenario\nExample: `["tag1", "tag2"]`'
    )
    tool_ids: Any = Field(
        None,
        description='List of tool IDs to associate with this scenario\nExample: `["TOOL_DTMF", "TOOL_END_CALL"]`',
    )
    metrics: Any = Field(
        None,
        description="List of metric IDs to associate with this scenario\nExample: `[123, 456]`",
    )
    first_message: str | None = Field(
        None, description="First message to be sent to the Main Agent"
    )
    inbound_phone_number: int | None = None
    instructions: str | None = Field(None, description="Scenario Instructions")
    conditional_actions: Any = Field(
        None,
        description='Structured conditional-actions object. Requires `scenario_type="conditional_actions"` in the same request, unless the scenario already has that type. Use either `conditional_actions` (structured) or `instructions` (plain text) — not both.\n\nExample:\n```json\n{\n  "role": "You are a patient calling to schedule an appointment",\n  "conditions": [\n    {"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi, I need to schedule an appointment",\n     "type": "standard", "fixed_message": true},\n    {"id": 1, "condition": "when the agent asks for your name",\n     "action": "Provide your full name: John Smith", "type": "standard", "fixed_message": false}\n  ]\n}\n```',
    )
    simulation_description: str | None = Field(None, description="Simulation Description")
    information_fields: Any = Field(
        None,
        description='Information fields associated with the scenario\nExample: `{"user_name": "John Doe", "user_email": "john.doe@example.com", "order_id": "1234567890"}`',
    )
    expected_outcome_prompt: str | None = Field(
        None,
        description='Expected Outcome Prompt\nExample: `"The user should be able to complete the order"`',
    )
    scenario_language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="Language of the scenario\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    scenario_type: (
        Literal["instruction", "real_world_smart", "real_world_fixed", "conditional_actions"] | None
    ) = Field(
        None,
        description="Type of scenario. Defaults to `instruction`. Must be sent as `conditional_actions` when the\nrequest includes the `conditional_actions` field.\n\n\n* `instruction` - Instruction\n* `real_world_smart` - Real World Smart\n* `real_world_fixed` - Real World Fixed\n* `conditional_actions` - Conditional Actions",
    )
    suite_type: Literal["undefined", "infrastructure"] | None = Field(
        None,
        description="Type of predefined suite (e.g., infrastructure)\n\n* `undefined` - Undefined\n* `infrastructure` - Infrastructure",
    )
    is_predefined: bool | None = Field(
        None, description="Whether this is a predefined scenario (template)"
    )
    test_profile: int | None = None
    generated_mock_tool_entries: Any = Field(
        None,
        description="Expected mock tool calls for this evaluator. Each entry has shape {tool_id, tool_name, new_entry: {input, output}}. Auto-generated during scenario generation when the agent has mock tools attached; can also be set or edited manually.",
    )
    folder_path: str | None = Field(
        None,
        description='Dot-separated path of the folder to assign this evaluator to (e.g. "Sales.Inbound"). Folders must be created before use — they are not auto-created. Use `scenarios_create_folder_create` to create each level before assigning evaluators. Example: to use "Sales.Inbound", first create "Sales", then create "Inbound" inside it.',
    )
    max_duration: int | None = Field(
        None,
        description="Max call duration in seconds for this scenario. If not provided or set to null, the scenario will use the project's max_call_duration setting.\nValid range: 10-3600 seconds (10 seconds to 60 minutes)\nExample: `600` (10 minutes)",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["personality"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "agent",
            "assistant_id",
            "expected_outcome_prompt",
            "first_message",
            "instructions",
            "is_predefined",
            "name",
            "personality",
            "scenario_language",
            "scenario_type",
            "simulation_description",
            "suite_type",
        ]
    )


class Scenario(ReadModel):
    """Scenario"""

    id: int | None = None
    name: str | None = Field(None, description="Name of the scenario")
    agent: int | None = Field(None, description="Agent ID\nExample: `2142`")
    project: int | None = None
    personality: int = Field(description="Personality ID\nExample: `123`")
    personality_name: str | None = Field(
        None, description='Name of the personality used in this scenario\nExample: `"Normal Male"`'
    )
    agent_name: str | None = Field(
        None,
        description='Name of the agent associated with this scenario\nExample: `"Customer Support Agent"`',
    )
    tags: Any = Field(
        None, description='Tags associated with the scenario\nExample: `["tag1", "tag2"]`'
    )
    tool_ids: Any = Field(
        None,
        description='List of tool IDs to associate with this scenario\nExample: `["TOOL_DTMF", "TOOL_END_CALL"]`',
    )
    metric_names: str | None = Field(
        None,
        description='List of metric names associated with this scenario\nExample: `["Metric 1", "Metric 2"]`',
    )
    phone_number: str | None = Field(
        None,
        description='Phone number used for outbound calls in this scenario\nExample: `"+1234567890"`',
    )
    outbound_phone_number_data: PhoneNumberInbound | None = Field(
        None,
        description='Phone number used for outbound calls in this scenario\nExample: `"+1234567890"`',
    )
    first_message: str | None = Field(
        None, description="First message to be sent to the Main Agent"
    )
    inbound_phone_number: int | None = None
    inbound_phone_number_data: PhoneNumberInbound | None = Field(
        None,
        description='(Deprecated) Phone number used for inbound calls in this scenario. Use outbound_phone_number_data instead.\nAfter CEK-6517, both phone_number and inbound_phone_number fields are synced, so outbound_phone_number_data contains the unified phone number for both inbound and outbound calls.\nExample: `{"id": 123, "number": "+1234567890", "phone_number_id": "abc123"}`',
    )
    instructions: str | None = Field(None, description="Scenario Instructions")
    simulation_description: str | None = Field(None, description="Simulation Description")
    information_fields: Any = Field(
        None,
        description='Information fields associated with the scenario\nExample: `{"user_name": "John Doe", "user_email": "john.doe@example.com", "order_id": "1234567890"}`',
    )
    expected_outcome_prompt: str | None = Field(
        None,
        description='Expected Outcome Prompt\nExample: `"The user should be able to complete the order"`',
    )
    scenario_language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="Language of the scenario\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    scenario_type: (
        Literal["instruction", "real_world_smart", "real_world_fixed", "conditional_actions"] | None
    ) = Field(
        None,
        description="Type of scenario. Defaults to `instruction`. Must be sent as `conditional_actions` when the\nrequest includes the `conditional_actions` field.\n\n\n* `instruction` - Instruction\n* `real_world_smart` - Real World Smart\n* `real_world_fixed` - Real World Fixed\n* `conditional_actions` - Conditional Actions",
    )
    suite_type: Literal["undefined", "infrastructure"] | None = Field(
        None,
        description="Type of predefined suite (e.g., infrastructure)\n\n* `undefined` - Undefined\n* `infrastructure` - Infrastructure",
    )
    is_predefined: bool | None = Field(
        None, description="Whether this is a predefined scenario (template)"
    )
    test_profile: int | None = None
    test_profile_data: AIAgentTestProfile | None = Field(
        None,
        description='Details of the test profile associated with this scenario. `information` uses the\nsectioned shape: `main_agent_variables` are sent to the agent under test as\ndynamic variables at call time; `testing_agent_variables` are persona/context\nused by Cekura\'s simulated caller. Legacy flat dicts (no section keys) still\nwork — at call time they are delivered to both sides for backward compatibility.\nExample:\n```json\n{\n    "id": "<integer>",\n    "agent_id": "<integer>",\n    "name": "<string>",\n    "information": {\n        "main_agent_variables": {\n            "user_id": "<string>",\n            "account_id": "<string>"\n        },\n        "testing_agent_variables": {\n            "user_name": "<string>",\n            "user_email": "<string>",\n            "order_id": "<string>"\n        }\n    }\n}\n```',
    )
    dynamic_variable_values: Any = Field(
        None,
        description="REMOVED FROM API. Reads return the historical value for legacy rows (`null` for new rows). Writes are no longer accepted — supplying a non-null value yields a 400 error. Put dynamic-variable values in `test_profile_data.information.main_agent_variables` instead: create the test profile via POST /test-profiles/ and attach it via the `test_profile` field on the scenario.",
    )
    generated_mock_tool_entries: Any = Field(
        None,
        description="Expected mock tool calls for this evaluator. Each entry has shape {tool_id, tool_name, new_entry: {input, output}}. Auto-generated during scenario generation when the agent has mock tools attached; can also be set or edited manually.",
    )
    folder_path: str | None = Field(
        None,
        description='Dot-separated path of the folder to assign this evaluator to (e.g. "Sales.Inbound"). Folders must be created before use — they are not auto-created. Use `scenarios_create_folder_create` to create each level before assigning evaluators. Example: to use "Sales.Inbound", first create "Sales", then create "Inbound" inside it.',
    )
    max_duration: int | None = Field(
        None,
        description="Max call duration in seconds for this scenario. If not provided or set to null, the scenario will use the project's max_call_duration setting.\nValid range: 10-3600 seconds (10 seconds to 60 minutes)\nExample: `600` (10 minutes)",
    )


class ScenariosBulkUpdateRequestWrite(WriteModel):
    """ScenariosBulkUpdateRequest"""

    scenarios: list[int] | None = Field(
        None, description="List of evaluator (scenario) IDs to update."
    )
    agent: int | None = Field(
        None,
        description="Scopes the permission check to a specific agent (either this or `project` is required). When provided, also overrides each evaluator's `agent` to this ID.",
    )
    project: int | None = Field(
        None,
        description="Scope the permission check to a specific project. Either this or `agent` is required.",
    )
    metric_ids_to_add: list[int] | None = Field(
        None, description="Metric IDs to attach to each evaluator."
    )
    metric_ids_to_remove: list[int] | None = Field(
        None, description="Metric IDs to detach from each evaluator."
    )
    tool_ids_to_add: list[int] | None = Field(
        None, description="Tool IDs to attach to each evaluator."
    )
    tool_ids_to_remove: list[int] | None = Field(
        None, description="Tool IDs to detach from each evaluator."
    )
    personality: int | None = Field(
        None, description="Replace each evaluator's personality with this ID."
    )
    test_profile: int | None = Field(
        None, description="Replace each evaluator's test profile with this ID."
    )
    append_instruction: str | None = Field(
        None,
        description="Text appended to every evaluator's instructions. Concatenates on each call — not idempotent.",
    )
    first_message: str | None = Field(None, description="Replace each evaluator's first message.")
    phone_number: int | None = Field(
        None, description="Replace each evaluator's outbound phone number ID."
    )
    inbound_phone_number: int | None = Field(
        None, description="Replace each evaluator's inbound phone number ID."
    )
    folder_path: str | None = Field(
        None,
        description='Move every evaluator into this folder. Dot-separated (e.g. "Sales.Inbound").',
    )
    max_duration: int | None = Field(
        None, description="Replace each evaluator's max duration in seconds."
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["scenarios"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "agent",
            "append_instruction",
            "first_message",
            "folder_path",
            "inbound_phone_number",
            "max_duration",
            "metric_ids_to_add",
            "metric_ids_to_remove",
            "personality",
            "phone_number",
            "project",
            "scenarios",
            "test_profile",
            "tool_ids_to_add",
            "tool_ids_to_remove",
        ]
    )


class ScenarioFolderCreateWrite(WriteModel):
    """ScenarioFolderCreate"""

    name: str | None = Field(None, max_length=100)
    parent_path: str | None = None
    project_id: int | None = None
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["name", "project_id"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["name", "project_id"])


class ScenarioFolder(ReadModel):
    """ScenarioFolder"""

    name: str
    path: str | None = Field(None, description="Human-readable path with case preservation")
    created_at: datetime | None = None
    updated_at: datetime | None = None


class DeleteFolderRequestWrite(WriteModel):
    """DeleteFolderRequest"""

    path: str | None = Field(None, description='Folder path to delete. Example: "Sales.Inbound"')
    project_id: int | None = Field(None, description="Project ID the folder belongs to")
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["path", "project_id"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["path", "project_id"])


class ScenariosBulkDeleteRequestWrite(WriteModel):
    """ScenariosBulkDeleteRequest"""

    scenarios: list[int] | None = Field(
        None, description="List of evaluator (scenario) IDs to soft-delete."
    )
    agent_id: int | None = Field(
        None,
        description="Scope the permission check to a specific agent. Either this or project_id is required.",
    )
    project_id: int | None = Field(
        None,
        description="Scope the permission check to a specific project. Either this or agent_id is required.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["scenarios"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["agent_id", "project_id", "scenarios"])


class DuplicateScenariosRequestWrite(WriteModel):
    """DuplicateScenariosRequest"""

    project: int | None = Field(None, description="Project ID containing the source evaluators.")
    copy_to_project: int | None = Field(
        None, description="Destination project ID in the same organization."
    )
    scenarios: list[int] | None = Field(None, description="IDs of the evaluators to duplicate.")
    scenario_agent: int | None = Field(
        None,
        description="Optional destination agent ID. It must belong to the destination project.",
    )
    folder_path: str | None = Field(
        None, description="Destination folder path. Created when it does not already exist."
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["copy_to_project", "project", "scenarios"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        ["copy_to_project", "folder_path", "project", "scenario_agent", "scenarios"]
    )


class PaginatedScenarioList(ReadModel):
    """PaginatedScenarioList"""

    count: int
    next: str | None = None
    previous: str | None = None
    results: list[Scenario]


class PaginatedScenarioFolderList(ReadModel):
    """PaginatedScenarioFolderList"""

    count: int
    next: str | None = None
    previous: str | None = None
    results: list[ScenarioFolder]


class MoveFolderRequestWrite(WriteModel):
    """MoveFolderRequest"""

    path: str | None = Field(
        None, description='Current folder path to move. Example: "Sales.Inbound"'
    )
    project_id: int | None = Field(None, description="Project ID the folder belongs to")
    new_parent_path: str | None = Field(
        None,
        description='New parent folder path. Empty or null to move to root. Example: "Marketing"',
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["path", "project_id"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["path", "project_id"])


class RenameFolderRequestWrite(WriteModel):
    """RenameFolderRequest"""

    path: str | None = Field(None, description='Current folder path. Example: "Sales.Inbound"')
    project_id: int | None = Field(None, description="Project ID the folder belongs to")
    name: str | None = Field(None, description="New name for the folder")
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["name", "path", "project_id"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["name", "path", "project_id"])


class PatchedSchemaPostScenarioWrite(WriteModel):
    """PatchedSchemaPostScenario"""

    agent: int | None = Field(
        None, description="ID of the agent. Either agent or project must be provided."
    )
    project: int | None = Field(
        None, description="ID of the project. Either agent or project must be provided."
    )
    assistant_id: str | None = Field(
        None,
        description='Alternative to agent ID - the assistant ID to use for this scenario\nExample: `"asst_1234567890"`',
    )
    name: str | None = Field(None, description="Name of the evaluator")
    personality: int | None = Field(None, description="The personality of the evaluator")
    scenario_type: Literal["instruction", "conditional_actions"] | None = Field(
        None,
        description="Type of scenario to create:\n- `instruction`: Standard instruction-based scenario where the instructions field contains plain text\n- `conditional_actions`: Conditional action-based scenario where the instructions field contains a JSON structure\n\nDefault: `instruction`. Must be sent as `conditional_actions` when the request includes the\n`conditional_actions` field.\n\n\n* `instruction` - Instruction\n* `conditional_actions` - Conditional Actions",
    )
    instructions: str | None = Field(
        None,
        description='Scenario Instructions - the format depends on the scenario_type:\n\n**For scenario_type="instruction":**\nProvide plain text instructions that describe the scenario behavior.\nExample: `"You are a customer calling to inquire about your order status. Be polite and provide order number 12345 when asked."`\n\n**For scenario_type="conditional_actions":**\nUse the structured `conditional_actions` field instead. If you send via `instructions`, pass a JSON-formatted string with the following structure:\n\n```json\n{\n  "role": "A friendly customer calling about an appointment",\n  "conditions": [\n    {\n      "id": 0,\n      "condition": "FIRST_MESSAGE",\n      "action": "Hi, I\'d like to check on my upcoming appointment <silence time=\\"1.5s\\" />",\n      "type": "standard",\n      "fixed_message": true\n    },\n    {\n      "id": 1,\n      "condition": "The agent asks for your name",\n      "action": "My name is Sarah Johnson",\n      "type": "standard",\n      "fixed_message": true\n    },\n    {\n      "id": 2,\n      "condition": "The agent asks for your date of birth",\n      "action": "January first, nineteen ninety",\n      "type": "standard",\n      "fixed_message": true\n    },\n    {\n      "id": 3,\n      "condition": "The agent confirms your identity and provides appointment details",\n      "action": "Thank you, that\'s all I needed <silence time=\\"1.0s\\" />",\n      "type": "standard",\n      "fixed_message": true\n    },\n    {\n      "id": 4,\n      "condition": 3,\n      "action": "<endcall />",\n      "type": "action_followup",\n      "fixed_message": true\n    }\n  ]\n}\n```\n\n**Note:** When sent via `instructions`, the value must be a JSON-formatted string (e.g. `JSON.stringify(...)` / `json.dumps(...)`). For new integrations, use the structured `conditional_actions` field below.\n\n**Structure Details:**\n\n- **`role`** (string): Personality/role description for the scenario actor\n\n- **`conditions`** (array): Ordered list of conditional actions that define the conversation flow\n\n  **Each condition object has:**\n  - **`id`** (integer): Unique sequential identifier (0, 1, 2, 3...)\n\n  - **`condition`** (string | integer): The trigger that activates this action\n    - `"FIRST_MESSAGE"` — Triggers at conversation start (use for `id: 0`)\n    - Natural-language description of the main agent\'s observable action, written from a third-person observer perspective (e.g. `"The agent asks for your date of birth"`, `"The agent confirms the cancellation"`). Matched semantically against the conversation context.\n    - Integer (e.g. `3`) — References another condition\'s `id` for sequential `action_followup` chaining\n\n  - **`action`** (string): What the scenario actor says or does\n    - **SSML pause tags:** `<silence time="1.5s" />` (interruptible) or `<hold time="2s" />` (not interruptible). `<silence>` lets the main agent jump in mid-pause; `<hold>` enforces dead air.\n    - **Emotion markers:** `[laughter]`, `[sigh]`, etc. (can repeat like `[laughter] [laughter]`)\n    - **Special actions:** `<endcall />` to end the call\n\n  - **`type`** (string): Either `"standard"` (normal response) or `"action_followup"` (fires on the testing agent\'s next turn after the referenced condition — one main-agent reply elapses in between, regardless of its content; never fires in the same turn as its parent)\n\n  - **`fixed_message`** (boolean): Set to `true` for fixed responses, `false` for dynamic\n\n**Usage Tips:**\n- Always start with `id: 0` and `condition: "FIRST_MESSAGE"`\n- Write conditions as third-person descriptions of what the main agent does (e.g. `"The agent confirms the cancellation"`)\n- Use the last condition to trigger `<endcall />` for clean call termination\n- Combine SSML tags and emotion markers naturally: `"Great <silence time=\\"1.5s\\" /> [laughter] [laughter]"`',
    )
    conditional_actions: ConditionalActionsWrite | None = Field(
        None,
        description='Structured conditional-actions object for `scenario_type="conditional_actions"`. Use either `conditional_actions` (structured) or `instructions` (plain text) — not both.',
    )
    expected_outcome_prompt: str | None = Field(
        None,
        description='Expected Outcome Prompt\nExample: `"The user should be able to complete the order"`',
    )
    metrics: list[int] | None = Field(
        None,
        description="List of metric IDs to associate with this evaluator\nExample: `[123, 456, 789]`",
    )
    tags: list[str] | None = Field(
        None,
        description='List of tags to associate with the evaluator\nExample: `["tag1", "tag2", "tag3"]`',
    )
    tool_ids: list[str] | None = Field(None, description="List of tool IDs to use for evaluator")
    test_profile: int | None = Field(
        None, description="The test profile ID to use for the evaluator"
    )
    phone_number: int | None = Field(
        None,
        description="The phone number ID to use for the evaluator (works for both inbound and outbound)",
    )
    inbound_phone_number: int | None = Field(
        None,
        description="(Deprecated) The inbound phone number ID to use for the evaluator. Use phone_number instead, which works for both inbound and outbound.",
    )
    folder_path: str | None = Field(
        None,
        description='Dot-separated path of the folder to assign this evaluator to (e.g. "Sales.Inbound"). Folders must be created before use — they are not auto-created. Use `scenarios_create_folder_create` to create each level before assigning evaluators. Example: to use "Sales.Inbound", first create "Sales", then create "Inbound" inside it.',
    )
    generated_mock_tool_entries: Any = Field(
        None,
        description="Expected mock tool calls for this evaluator. Each entry has shape {tool_id, tool_name, new_entry: {input, output}}. Auto-generated during scenario generation when the agent has mock tools attached; can also be set or edited manually.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "assistant_id",
            "conditional_actions",
            "expected_outcome_prompt",
            "inbound_phone_number",
            "instructions",
            "metrics",
            "name",
            "personality",
            "phone_number",
            "scenario_type",
            "tags",
            "test_profile",
            "tool_ids",
        ]
    )


class AIAgentTestProfileList(ReadModel):
    """List variant that also embeds the scenarios attached to each profile."""

    id: int | None = None
    project: int | None = None
    agent: int | None = None
    agent_name: str | None = Field(
        None,
        description='Name of the agent associated with this test profile\nExample: `"Customer Support Agent"`',
    )
    name: str
    information: Any = Field(
        None,
        description='Variables for the test profile, split by which agent receives them.\n```json\n{\n    "main_agent_variables": {"user_id": "U-123"},\n    "testing_agent_variables": {"user_name": "John Doe", "user_email": "john.doe@example.com"}\n}\n```\n`main_agent_variables` are sent to the agent under test as dynamic variables. `testing_agent_variables` shape the simulated caller\'s persona. A legacy flat dict (no section keys) is accepted for backward compatibility and is sent to both agents.\n\nKeys in `main_agent_variables` starting with `X-` are additionally sent as custom SIP headers (SIP runs) or connection headers (WebSocket runs) to the agent under test. For SIP runs this is the only way to pass custom headers; `X-Run-Id`, `X-Scenario-Id`, and `X-Result-Id` are reserved and always set by Cekura.',
    )
    created_by: int | None = Field(None, description="ID of the user who created this test profile")
    last_updated_by: int | None = Field(
        None, description="ID of the user who last updated this test profile"
    )
    created_at: datetime | None = Field(
        None, description="Timestamp when the test profile was created"
    )
    updated_at: datetime | None = Field(
        None, description="Timestamp when the test profile was last updated"
    )
    scenarios: str | None = Field(None, description="List of scenarios using this test profile")


class SchemaPostAIAgentTestProfileExternalWrite(WriteModel):
    """SchemaPostAIAgentTestProfileExternal"""

    agent: int | None = Field(
        None, description="ID of the agent. Either agent or project must be provided."
    )
    project: int | None = Field(
        None, description="ID of the project. Either agent or project must be provided."
    )
    name: str | None = Field(None, description="Name of the test profile")
    information: dict[str, Any] | None = Field(
        None,
        description='Test profile information. Use the sectioned shape — `main_agent_variables` (sent to the agent under test as dynamic variables at call time) and `testing_agent_variables` (persona/context used by the simulated caller, not sent to the agent). Legacy flat dicts (no section keys) are still accepted and delivered to both sides for backward compatibility. Example: {"main_agent_variables": {"user_id": "U-42"}, "testing_agent_variables": {"customer_name": "John Doe"}}.',
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["name"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["information", "name"])


class PatchedSchemaPostAIAgentTestProfileExternalWrite(WriteModel):
    """PatchedSchemaPostAIAgentTestProfileExternal"""

    agent: int | None = Field(
        None, description="ID of the agent. Either agent or project must be provided."
    )
    project: int | None = Field(
        None, description="ID of the project. Either agent or project must be provided."
    )
    name: str | None = Field(None, description="Name of the test profile")
    information: dict[str, Any] | None = Field(
        None,
        description='Test profile information. Use the sectioned shape — `main_agent_variables` (sent to the agent under test as dynamic variables at call time) and `testing_agent_variables` (persona/context used by the simulated caller, not sent to the agent). Legacy flat dicts (no section keys) are still accepted and delivered to both sides for backward compatibility. Example: {"main_agent_variables": {"user_id": "U-42"}, "testing_agent_variables": {"customer_name": "John Doe"}}.',
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["information", "name"])


class AIAgentTestProfileWrite(WriteModel):
    """AIAgentTestProfile"""

    project: int | None = None
    agent: int | None = None
    name: str | None = Field(None, max_length=255)
    information: Any = Field(
        None,
        description='Variables for the test profile, split by which agent receives them.\n```json\n{\n    "main_agent_variables": {"user_id": "U-123"},\n    "testing_agent_variables": {"user_name": "John Doe", "user_email": "john.doe@example.com"}\n}\n```\n`main_agent_variables` are sent to the agent under test as dynamic variables. `testing_agent_variables` shape the simulated caller\'s persona. A legacy flat dict (no section keys) is accepted for backward compatibility and is sent to both agents.\n\nKeys in `main_agent_variables` starting with `X-` are additionally sent as custom SIP headers (SIP runs) or connection headers (WebSocket runs) to the agent under test. For SIP runs this is the only way to pass custom headers; `X-Run-Id`, `X-Scenario-Id`, and `X-Result-Id` are reserved and always set by Cekura.',
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["name"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["name"])


class AgentTelephony(ReadModel):
    """Phone / SIP / websocket voice channel configuration for the agent."""

    phone_number: str | None = Field(
        None, description="E.164 phone number for inbound calls, e.g. +14155551234."
    )
    inbound: bool | None = Field(
        None, description="True = agent receives inbound calls; False = outbound only."
    )
    sip_uri: str | None = Field(None, description="SIP URI, e.g. sip:user@domain.com.")
    sip_auth: Any = Field(None, description="SIP credentials: {username, password}.")
    websocket_url: str | None = Field(
        None,
        description="Raw-PCM (16kHz 16-bit mono) websocket endpoint Cekura dials to run the whole call over a websocket you host, e.g. wss://your-host/voice.",
    )
    websocket_auth: Any = Field(
        None,
        description="HTTP Basic Auth credentials for the websocket upgrade: {username, password}.",
    )
    outbound_numbers: list[str] | None = Field(
        None,
        description='Phone numbers authorized for outbound calls (E.164 format). Example: `["+14155551234", "+14155550000"]`',
    )


class AgentCredentials(ReadModel):
    """Nested credentials block inside the provider object."""

    config: dict[str, Any] | None = None


class ChatAgentDetails(ReadModel):
    """Chat-mode provider configuration nested inside the provider block."""

    type: (
        Literal[
            "retell",
            "bland",
            "vapi",
            "elevenlabs",
            "livekit",
            "agora",
            "sms",
            "whatsapp",
            "self_hosted",
            "agentforce",
            "amazon_connect",
            "koreai",
            "sierra",
            "",
        ]
        | None
    ) = Field(
        None,
        description='Chat provider type. Must be compatible with the voice provider.type. Valid values: retell, bland, vapi, elevenlabs, livekit, agora, sms, whatsapp, self_hosted, agentforce, amazon_connect, koreai, sierra. Pass an empty string "" (or send chat_agent_details: null) to clear the chat overlay.\n\n* `retell` - retell\n* `bland` - bland\n* `vapi` - vapi\n* `elevenlabs` - elevenlabs\n* `livekit` - livekit\n* `agora` - agora\n* `sms` - sms\n* `whatsapp` - whatsapp\n* `self_hosted` - self_hosted\n* `agentforce` - agentforce\n* `amazon_connect` - amazon_connect\n* `koreai` - koreai\n* `sierra` - sierra',
    )
    config: dict[str, Any] | None = None


class AgentProvider(ReadModel):
    """AgentProvider"""

    type: (
        Literal[
            "vapi",
            "retell",
            "elevenlabs",
            "cisco",
            "bland",
            "livekit",
            "pipecat",
            "synthflow",
            "agora",
            "koreai",
            "genesys",
            "amazon_connect",
            "telnyx",
            "custom",
            "",
        ]
        | None
    ) = Field(
        None,
        description="Voice/inbound platform provider type. Valid values: vapi, retell, elevenlabs, bland, livekit, cisco, synthflow, koreai, genesys, amazon_connect, pipecat, custom. Use 'custom' (or omit) for chat-only agents with no voice provider — the chat channel goes in chat_agent_details.type. For a raw-PCM websocket voice agent you host yourself, use type='custom' and put the endpoint in telephony.websocket_url. Text-only channels (sms, whatsapp, agentforce, sierra) belong in chat_agent_details.type, not here.\n\n* `vapi` - Vapi\n* `retell` - Retell\n* `elevenlabs` - Elevenlabs\n* `cisco` - Cisco\n* `bland` - Bland\n* `livekit` - Livekit\n* `pipecat` - Pipecat\n* `synthflow` - Synthflow\n* `agora` - Agora\n* `koreai` - Koreai\n* `genesys` - Genesys\n* `amazon_connect` - Amazon Connect\n* `telnyx` - Telnyx\n* `custom` - Custom (chat-only, no voice provider)",
    )
    agent_id: str | None = Field(
        None,
        description="Agent ID for voice/inbound runs on the provider's platform. For vapi, elevenlabs, retell, synthflow, and bland this is the voice agent ID (for bland it's the persona_id). Bland's pathway_id and retell's chat agent ID go in chat_agent_details.config.agent_id.",
    )
    credentials: AgentCredentials | None = None
    chat_agent_details: ChatAgentDetails | None = Field(
        None,
        description="Optional chat/text-mode configuration. Defines which provider handles text-mode test runs. The allowed chat type depends on the voice provider.type.",
    )
    chat_provider: str | None = Field(
        None,
        description="Read-only. The provider that runs this agent's text-mode conversations. Mirrors chat_agent_details.type when that block is present, and is also reported for chat-only agents whose chat runtime is a voice platform, where chat_agent_details is omitted. Set the chat provider via chat_agent_details.",
    )
    auto_dial_outbound: bool | None = Field(
        None,
        description="Auto-dial the outbound number when running outbound scenarios. Supported for: vapi, retell, elevenlabs, bland, livekit.",
    )
    auto_import_calls: bool | None = Field(
        None,
        description="Auto-import calls from the provider every 30s. Supported for: vapi, retell, elevenlabs.",
    )
    auto_sync_prompt: bool | None = Field(
        None,
        description="Enable one-way prompt sync from the provider to Cekura on a schedule. Cekura re-fetches the provider prompt and updates the agent description; it does not push Cekura description changes back to the provider. Supported for: vapi, retell, elevenlabs, synthflow, telnyx, bland.",
    )
    send_post_conversation_metadata: bool | None = Field(
        None,
        description="Enable Cekura to accept call transcripts pushed by your agent via POST /custom-provider-webhook/. Only for self-hosted (custom) providers.",
    )
    redact_fields: (
        list[
            Literal[
                "person_name",
                "age",
                "phone_number",
                "email_address",
                "date",
                "time",
                "location",
                "origin",
                "gender_sexuality",
                "physical_attribute",
                "occupation",
                "username",
                "password",
                "ip_address",
                "url",
                "filename",
                "event",
                "vehicle_id",
                "dob",
                "healthcare_number",
                "medical_professional",
                "credit_card",
                "account_number",
                "bank_account",
                "money",
                "ssn",
                "passport_number",
                "driver_license",
                "numerical_pii",
            ]
        ]
        | None
    ) = Field(
        None,
        description="Sensitive fields removed from the transcript and audio of every call ingested for this agent, including auto-imported and webhook calls. Empty list disables redaction. Billed at 0.1 credits per call minute by default whenever any field is set.",
    )


class AgentMockToolServedVia(ReadModel):
    """How a mock tool is reached at runtime (response side of `mock_tools[].served_via`)."""

    type: Literal["direct", "mcp"] = Field(
        description="'direct' = per-tool webhook URL; 'mcp' = served through the agent's MCP endpoint.\n\n* `direct` - direct\n* `mcp` - mcp"
    )
    url: str = Field(description="Runtime URL the agent calls to reach this tool.")
    mock_index: int | None = Field(
        None, description="MCP endpoint index. Present only when type='mcp'."
    )


class AgentMockToolRead(ReadModel):
    """One mock tool in the v2 agent response (`mock_tools[]`)."""

    id: int
    name: str
    description: str
    mock_data: Any = Field(
        description="List of {input, output} mappings returned when the tool is called in mock mode."
    )
    served_via: AgentMockToolServedVia
    mcp_server: Any = Field(
        None,
        description="MCP server this tool was fetched from, as {name, key}. Null for standalone tools. Server-managed — ignored on writes.",
    )
    subscriber_count: int | None = Field(
        None, description="Number of agents in the project using this tool."
    )
    is_shared: bool | None = Field(
        None,
        description="True when more than one agent uses this tool, so an edit affects all of them.",
    )


class AgentDynamicVariableRead(ReadModel):
    """One dynamic variable in the v2 agent response (`dynamic_variables[]`)."""

    id: int
    name: str
    description: str


class AIAgentV2(ReadModel):
    """AIAgentV2"""

    id: int | None = Field(None, description="Agent ID.\nExample: `2142`")
    name: str | None = Field(
        None,
        description="Agent name. Optional when configure_from_provider is set — it's fetched from the provider.",
    )
    description: str = Field(
        description="A detailed description of what this agent does and how it should interact\nExample: \n```text\nAI agent for handling customer support inquiries and resolving technical issues\n```"
    )
    project: int | None = Field(None, description="The project this agent belongs to")
    language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="The primary language this agent uses for communication (e.g. 'en' for English)\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    telephony: AgentTelephony | None = Field(
        None, description="Phone and SIP/websocket channel configuration."
    )
    provider: AgentProvider | None = Field(
        None,
        description="AI platform integration (provider type, agent id, credential status, chat config).",
    )
    agent_speaks_first: bool | None = Field(
        None,
        description="True = agent speaks first; False = test user speaks first; null = auto-detect.",
    )
    knowledge_base_files: list[KnowledgeBaseFile] | None = Field(
        None, description="Knowledge base files attached to the agent."
    )
    enabled_personalities: list[int] | None = Field(
        None, description="Personality profiles enabled for this agent\nExample: `[1, 2, 3]`"
    )
    webhook_url: str | None = Field(
        None,
        description="Webhook URL for this agent. When set, overrides the project-level webhook URL for events from this agent.",
    )
    webhook_secret_configured: str | None = None
    mock_tools: list[AgentMockToolRead] | None = Field(
        None,
        description="Mock tools registered on the agent, each with its mock data and runtime access (served_via).",
    )
    mock_tools_enabled: bool | None = Field(
        None, description="Whether mock tools should be selected by default when configuring a run."
    )
    mock_tools_provider: str | None = Field(
        None,
        description="Provider the mock tools were fetched from (vapi, retell, elevenlabs, custom). Null until auto-fetch has been run.",
    )
    dynamic_variables: list[AgentDynamicVariableRead] | None = Field(
        None, description="Dynamic variable definitions for the agent, ordered by name."
    )
    created_at: datetime | None = Field(
        None, description='Timestamp when the agent was created\nExample: `"2021-01-01T00:00:00Z"`'
    )
    updated_at: datetime | None = Field(
        None,
        description='Timestamp when the agent was last updated\nExample: `"2021-01-01T00:00:00Z"`',
    )
    email_id: str | None = Field(
        None,
        description="Email address this agent receives at. When set, enables email-based test runs.",
    )


class PaginatedAIAgentV2List(ReadModel):
    """PaginatedAIAgentV2List"""

    count: int
    next: str | None = None
    previous: str | None = None
    results: list[AIAgentV2]


class AgentTelephonyWrite(WriteModel):
    """Phone / SIP / websocket voice channel configuration for the agent."""

    phone_number: str | None = Field(
        None, description="E.164 phone number for inbound calls, e.g. +14155551234."
    )
    inbound: bool | None = Field(
        None, description="True = agent receives inbound calls; False = outbound only."
    )
    sip_uri: str | None = Field(None, description="SIP URI, e.g. sip:user@domain.com.")
    sip_auth: Any = Field(None, description="SIP credentials: {username, password}.")
    websocket_url: str | None = Field(
        None,
        description="Raw-PCM (16kHz 16-bit mono) websocket endpoint Cekura dials to run the whole call over a websocket you host, e.g. wss://your-host/voice.",
    )
    websocket_auth: Any = Field(
        None,
        description="HTTP Basic Auth credentials for the websocket upgrade: {username, password}.",
    )
    outbound_numbers: list[str] | None = Field(
        None,
        description='Phone numbers authorized for outbound calls (E.164 format). Example: `["+14155551234", "+14155550000"]`',
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["inbound", "outbound_numbers", "phone_number"])


class AgentCredentialsWrite(WriteModel):
    """Nested credentials block inside the provider object."""

    api_key: str | None = Field(
        None,
        description="API key or client secret for the provider (write-only — never returned). Required for: vapi, retell, elevenlabs, bland, livekit, pipecat, synthflow. koreai uses client_secret (passed as api_key). Not needed for: cisco, self_hosted.",
    )
    config: dict[str, Any] | None = None
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["api_key"])


class ChatAgentDetailsWrite(WriteModel):
    """Chat-mode provider configuration nested inside the provider block."""

    type: (
        Literal[
            "retell",
            "bland",
            "vapi",
            "elevenlabs",
            "livekit",
            "agora",
            "sms",
            "whatsapp",
            "self_hosted",
            "agentforce",
            "amazon_connect",
            "koreai",
            "sierra",
            "",
        ]
        | None
    ) = Field(
        None,
        description='Chat provider type. Must be compatible with the voice provider.type. Valid values: retell, bland, vapi, elevenlabs, livekit, agora, sms, whatsapp, self_hosted, agentforce, amazon_connect, koreai, sierra. Pass an empty string "" (or send chat_agent_details: null) to clear the chat overlay.\n\n* `retell` - retell\n* `bland` - bland\n* `vapi` - vapi\n* `elevenlabs` - elevenlabs\n* `livekit` - livekit\n* `agora` - agora\n* `sms` - sms\n* `whatsapp` - whatsapp\n* `self_hosted` - self_hosted\n* `agentforce` - agentforce\n* `amazon_connect` - amazon_connect\n* `koreai` - koreai\n* `sierra` - sierra',
    )
    config: dict[str, Any] | None = None
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["type"])


class SchemaAgentProviderCreateWrite(WriteModel):
    """SchemaAgentProviderCreate"""

    type: (
        Literal[
            "vapi",
            "retell",
            "elevenlabs",
            "self_hosted",
            "cisco",
            "bland",
            "livekit",
            "pipecat",
            "synthflow",
            "agora",
            "koreai",
            "genesys",
            "amazon_connect",
            "telnyx",
            "custom",
            "",
        ]
        | None
    ) = Field(
        None,
        description="Voice/inbound platform provider type. Valid values: vapi, retell, elevenlabs, bland, livekit, cisco, synthflow, koreai, genesys, amazon_connect, pipecat, custom. Use 'custom' (or omit) for chat-only agents with no voice provider — the chat channel goes in chat_agent_details.type. For a raw-PCM websocket voice agent you host yourself, use type='custom' and put the endpoint in telephony.websocket_url. Text-only channels (sms, whatsapp, agentforce, sierra) belong in chat_agent_details.type, not here.\n\n* `vapi` - Vapi\n* `retell` - Retell\n* `elevenlabs` - Elevenlabs\n* `cisco` - Cisco\n* `bland` - Bland\n* `livekit` - Livekit\n* `pipecat` - Pipecat\n* `synthflow` - Synthflow\n* `agora` - Agora\n* `koreai` - Koreai\n* `genesys` - Genesys\n* `amazon_connect` - Amazon Connect\n* `telnyx` - Telnyx\n* `custom` - Custom (chat-only, no voice provider)",
    )
    agent_id: str | None = Field(
        None,
        description="Agent ID for voice/inbound runs on the provider's platform. For vapi, elevenlabs, retell, synthflow, and bland this is the voice agent ID (for bland it's the persona_id). Bland's pathway_id and retell's chat agent ID go in chat_agent_details.config.agent_id.",
    )
    credentials: AgentCredentialsWrite | None = None
    chat_agent_details: ChatAgentDetailsWrite | None = Field(
        None,
        description="Optional chat/text-mode configuration. Defines which provider handles text-mode test runs. The allowed chat type depends on the voice provider.type.",
    )
    auto_dial_outbound: bool | None = Field(
        None,
        description="Auto-dial the outbound number when running outbound scenarios. Supported for: vapi, retell, elevenlabs, bland, livekit.",
    )
    auto_import_calls: bool | None = Field(
        None,
        description="Auto-import calls from the provider every 30s. Supported for: vapi, retell, elevenlabs.",
    )
    auto_sync_prompt: bool | None = Field(
        None,
        description="Enable one-way prompt sync from the provider to Cekura on a schedule. Cekura re-fetches the provider prompt and updates the agent description; it does not push Cekura description changes back to the provider. Supported for: vapi, retell, elevenlabs, synthflow, telnyx, bland.",
    )
    send_post_conversation_metadata: bool | None = Field(
        None,
        description="Enable Cekura to accept call transcripts pushed by your agent via POST /custom-provider-webhook/. Only for self-hosted (custom) providers.",
    )
    redact_fields: (
        list[
            Literal[
                "person_name",
                "age",
                "phone_number",
                "email_address",
                "date",
                "time",
                "location",
                "origin",
                "gender_sexuality",
                "physical_attribute",
                "occupation",
                "username",
                "password",
                "ip_address",
                "url",
                "filename",
                "event",
                "vehicle_id",
                "dob",
                "healthcare_number",
                "medical_professional",
                "credit_card",
                "account_number",
                "bank_account",
                "money",
                "ssn",
                "passport_number",
                "driver_license",
                "numerical_pii",
            ]
        ]
        | None
    ) = Field(
        None,
        description="Sensitive fields removed from the transcript and audio of every call ingested for this agent, including auto-imported and webhook calls. Empty list disables redaction. Billed at 0.1 credits per call minute by default whenever any field is set.",
    )
    configure_from_provider: bool | None = Field(
        None,
        description="When true on create for a cloud provider (vapi/retell/elevenlabs/synthflow), Cekura fetches the assistant's prompt, settings, phone, tools, dynamic variables and knowledge base and configures the agent automatically. Requires agent_id + credentials.api_key. The create response includes a progress_id to poll import-progress/.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["configure_from_provider", "type"])


class AgentKnowledgeBaseFileWriteWrite(WriteModel):
    """One knowledge base file entry in the v2 agent write payload (request side of `knowledge_base_files`)."""

    id: int | None = Field(
        None, description="ID of an existing file to keep. Files omitted from the list are deleted."
    )
    file_name: str | None = Field(
        None, description="Name for a new file, including extension (pdf, txt, json, csv, xml, md)."
    )
    name: str | None = Field(None, description="Alias for file_name.")
    content_base64: str | None = Field(
        None, description="Base64-encoded content for a new file. A data-URI prefix is accepted."
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["content_base64", "file_name", "id", "name"])


class AgentMockToolServedViaWriteWrite(WriteModel):
    """Runtime routing for a mock tool on write (request side of `mock_tools[].served_via`)."""

    type: Literal["direct", "mcp"] | None = Field(
        None,
        description="'direct' = per-tool webhook URL (default). 'mcp' = served through an MCP endpoint; requires mock_index.\n\n* `direct` - direct\n* `mcp` - mcp",
    )
    mock_index: int | None = Field(
        None,
        ge=1,
        description="MCP endpoint index (1-based). Tools sharing an index are served by the same MCP endpoint. Required when type='mcp'.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["mock_index", "type"])


class AgentMockToolWriteWrite(WriteModel):
    """One mock tool entry in the v2 agent write payload (request side of `mock_tools`)."""

    id: int | None = Field(
        None,
        description="ID of an existing mock tool to update. Omit to create a new tool (or update by matching name).",
    )
    name: str | None = Field(
        None,
        max_length=255,
        description="Tool name. Required for new tools. Alphanumerics, underscores and hyphens only; under 64 characters.",
    )
    description: str | None = Field(None, description="What the tool does.")
    mock_data: Any = Field(
        None,
        description="List of {input, output} mappings returned when the tool is called in mock mode.",
    )
    freetext_params: list[str] | None = Field(
        None,
        description='Parameter names skipped during mock matching because they are free-text (e.g. ["notes", "reason"]).',
    )
    served_via: AgentMockToolServedViaWriteWrite | None = Field(
        None,
        description="How the agent reaches this tool at runtime. Omit for a direct per-tool URL; set type='mcp' with a mock_index to group tools under a shared MCP endpoint.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        ["description", "freetext_params", "id", "name", "served_via"]
    )


class AgentDynamicVariableWriteWrite(WriteModel):
    """One dynamic variable entry in the v2 agent write payload (request side of `dynamic_variables`)."""

    id: int | None = Field(None, description="Ignored on write — variables are matched by name.")
    name: str | None = Field(
        None,
        max_length=255,
        description="Variable name exactly as it appears in the agent context.",
    )
    description: str | None = Field(
        None, description="What the variable represents and its expected format."
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["description", "name"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["description", "id", "name"])


class SchemaPostAIAgentV2Write(WriteModel):
    """SchemaPostAIAgentV2"""

    name: str | None = Field(
        None,
        max_length=255,
        description="Agent name. Optional when configure_from_provider is set — it's fetched from the provider.",
    )
    description: str | None = Field(
        None,
        description="A detailed description of what this agent does and how it should interact\nExample: \n```text\nAI agent for handling customer support inquiries and resolving technical issues\n```",
    )
    project: int | None = Field(None, description="The project this agent belongs to")
    language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="The primary language this agent uses for communication (e.g. 'en' for English)\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    telephony: AgentTelephonyWrite | None = Field(
        None, description="Phone and SIP/websocket channel configuration."
    )
    provider: SchemaAgentProviderCreateWrite | None = Field(
        None,
        description="AI platform integration. Nested credentials replace the flat {provider}_api_key fields.",
    )
    agent_speaks_first: bool | None = Field(
        None,
        description="True = agent speaks first; False = test user speaks first; null = auto-detect.",
    )
    predefined_metrics: Any = Field(None, description="predefined metrics to use for the agent")
    knowledge_base_files: list[AgentKnowledgeBaseFileWriteWrite] | None = Field(
        None,
        description="Full desired set of knowledge base files. Reference existing by `id`; add new ones with `file_name` + `content_base64`. Omitted existing files are deleted.",
    )
    webhook_url: str | None = Field(
        None,
        description="Webhook URL for this agent. When set, overrides the project-level webhook URL for events from this agent.",
    )
    webhook_secret: str | None = Field(
        None,
        description="Secret sent in X-CEKURA-SECRET header. Applies when agent webhook_url is set. Write-only — never returned in API responses. Use `webhook_secret_configured` to check whether one is set.",
    )
    mock_tools: list[AgentMockToolWriteWrite] | None = Field(
        None,
        description="Full desired set of mock tools. Items with `id` (or a matching `name`) update existing tools; items without create new ones. Omitted existing tools are deleted.",
    )
    mock_tools_enabled: bool | None = Field(
        None, description="Whether mock tools should be selected by default when configuring a run."
    )
    dynamic_variables: list[AgentDynamicVariableWriteWrite] | None = Field(
        None,
        description="Full desired set of dynamic variable definitions, matched by name. Omitted existing variables are deleted.",
    )
    email_id: str | None = Field(
        None,
        max_length=254,
        description="Email address this agent receives at. When set, enables email-based test runs.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["description"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "description",
            "dynamic_variables",
            "knowledge_base_files",
            "language",
            "mock_tools",
            "mock_tools_enabled",
            "name",
            "project",
            "provider",
            "telephony",
            "webhook_secret",
            "webhook_url",
        ]
    )


class AIAgentConfigureFromProviderResponse(ReadModel):
    """AIAgentConfigureFromProviderResponse"""

    id: int
    progress_id: str = Field(
        description="Poll auto-fetch-progress/ with this to follow the staged import."
    )


class PatchedSchemaPostAIAgentV2Write(WriteModel):
    """PatchedSchemaPostAIAgentV2"""

    name: str | None = Field(
        None,
        max_length=255,
        description="Agent name. Optional when configure_from_provider is set — it's fetched from the provider.",
    )
    description: str | None = Field(
        None,
        description="A detailed description of what this agent does and how it should interact\nExample: \n```text\nAI agent for handling customer support inquiries and resolving technical issues\n```",
    )
    project: int | None = Field(None, description="The project this agent belongs to")
    language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="The primary language this agent uses for communication (e.g. 'en' for English)\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    telephony: AgentTelephonyWrite | None = Field(
        None, description="Phone and SIP/websocket channel configuration."
    )
    provider: SchemaAgentProviderCreateWrite | None = Field(
        None,
        description="AI platform integration. Nested credentials replace the flat {provider}_api_key fields.",
    )
    agent_speaks_first: bool | None = Field(
        None,
        description="True = agent speaks first; False = test user speaks first; null = auto-detect.",
    )
    predefined_metrics: Any = Field(None, description="predefined metrics to use for the agent")
    knowledge_base_files: list[AgentKnowledgeBaseFileWriteWrite] | None = Field(
        None,
        description="Full desired set of knowledge base files. Reference existing by `id`; add new ones with `file_name` + `content_base64`. Omitted existing files are deleted.",
    )
    webhook_url: str | None = Field(
        None,
        description="Webhook URL for this agent. When set, overrides the project-level webhook URL for events from this agent.",
    )
    webhook_secret: str | None = Field(
        None,
        description="Secret sent in X-CEKURA-SECRET header. Applies when agent webhook_url is set. Write-only — never returned in API responses. Use `webhook_secret_configured` to check whether one is set.",
    )
    mock_tools: list[AgentMockToolWriteWrite] | None = Field(
        None,
        description="Full desired set of mock tools. Items with `id` (or a matching `name`) update existing tools; items without create new ones. Omitted existing tools are deleted.",
    )
    mock_tools_enabled: bool | None = Field(
        None, description="Whether mock tools should be selected by default when configuring a run."
    )
    dynamic_variables: list[AgentDynamicVariableWriteWrite] | None = Field(
        None,
        description="Full desired set of dynamic variable definitions, matched by name. Omitted existing variables are deleted.",
    )
    email_id: str | None = Field(
        None,
        max_length=254,
        description="Email address this agent receives at. When set, enables email-based test runs.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "description",
            "dynamic_variables",
            "knowledge_base_files",
            "language",
            "mock_tools",
            "mock_tools_enabled",
            "name",
            "project",
            "provider",
            "telephony",
            "webhook_secret",
            "webhook_url",
        ]
    )


class EnableDisablePersonalitiesWrite(WriteModel):
    """EnableDisablePersonalities"""

    personalities: Any = Field(
        None, description="List of personality IDs to enable/disable, or the string 'all'."
    )
    language: str | None = Field(
        None, description="Language filter. Only used when personalities='all'."
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["personalities"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset([])


class DisablePersonalitiesResponse(ReadModel):
    """DisablePersonalitiesResponse"""

    message: str


class Personality(ReadModel):
    """Personality"""

    id: int | None = None
    forked_from: int | None = None
    organization: int | None = None
    name: str = Field(description='Name of the personality\nExample: `"Customer Service"`')
    prompt: str = Field(
        description='Prompt of the personality\nExample: `"You are a friendly and helpful customer service agent who is always willing to help"`'
    )
    language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="Language of the personality\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    accent: str | None = Field(None, description='Accent of the personality\nExample: `"American"`')
    gender: Literal["male", "female", "neutral"] | None = Field(
        None,
        description="Gender of the personality\n\n\n* `male` - Male\n* `female` - Female\n* `neutral` - Neutral",
    )
    enabled: bool | None = None
    call_service_provider: Literal["vapi", "patronus"] | None = Field(
        None, description="Call service provider\n\n\n* `vapi` - VAPI\n* `patronus` - Patronus"
    )
    background_noise: str
    voice_model: str
    voice_id: str | None = None
    interruption_level: str | None = None
    speed: str | None = None
    generation_config: dict[str, Any] | str | None = None
    network_simulation: dict[str, Any] | str | None = None
    message_plan: dict[str, Any] | str | None = None
    start_speaking_plan: str | None = None
    stop_speaking_plan: dict[str, Any] | str | None = None
    background_sound_volume: dict[str, Any] | str | None = None
    patronus_settings: Any = None
    provider_agent_id: str | None = Field(
        None, description='Provider agent ID\nExample: `"assistant_123"`'
    )
    is_starred: bool | None = Field(None, description="Whether the personality is starred")


class PaginatedPersonalityList(ReadModel):
    """PaginatedPersonalityList"""

    count: int
    next: str | None = None
    previous: str | None = None
    results: list[Personality]


class AiagentsUploadKnowledgeBase2BodyFilesWrite(WriteModel):
    """AiagentsUploadKnowledgeBase2BodyFiles"""

    name: str | None = Field(None, description="Filename including extension (e.g. `manual.pdf`).")
    content_base64: str | None = Field(
        None,
        description="Base64-encoded file content. Accepts a raw base64 string or a `data:<mime>;base64,...` data URI.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["content_base64", "name"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["content_base64", "name"])


class AiagentsUploadKnowledgeBase2BodyWrite(WriteModel):
    """AiagentsUploadKnowledgeBase2Body"""

    files: list[AiagentsUploadKnowledgeBase2BodyFilesWrite] | None = Field(
        None, description="List of files to upload, each provided as base64-encoded content."
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["files"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["files"])


class MetricListSerializerV2(ReadModel):
    """MetricListSerializerV2"""

    id: int | None = None
    slug: str | None = Field(
        None,
        description='URL-friendly unique identifier in snake_case format. Example: "customer_satisfaction_1562"',
    )
    project: int | None = None
    agents: list[int | None] | None = None
    agent_names: str | None = None
    name: str = Field(
        description='Name of the metric.\nExample: `"Customer Satisfaction"` or `"Appointment Booking"`'
    )
    description: str | None = Field(
        None,
        description='Description of what the metric measures.\nExample: `"Measures how satisfied customers are with the service provided"`',
    )
    function_name: str | None = Field(
        None,
        description='Predefined function name\nExample: `"get_latency"` or `"check_critical_deviations"`',
    )
    type: Literal["basic", "custom_prompt", "custom_code", "llm_judge"] | None = Field(
        None,
        description="Type of metric\n\n\n* `basic` - Basic (Deprecated in favor of LLM Judge)\n* `custom_prompt` - Custom Prompt ( Deprecated in favor of LLM Judge)\n* `custom_code` - Custom Code\n* `llm_judge` - LLM Judge",
    )
    eval_type: Literal["binary", "continuous_qualitative", "numeric", "enum"] = Field(
        description="* `binary` - Binary\n* `continuous_qualitative` - Continuous Qualitative\n* `numeric` - Numeric\n* `enum` - Enum"
    )
    enum_values: Any = Field(
        None,
        description='List of possible enum values for enum type metrics.\nExample: `["satisfied", "unsatisfied"]`',
    )
    audio_enabled: bool | None = Field(
        None, description="Whether this metric requires audio analysis.\nExample: `true` or `false`"
    )
    observability_enabled: bool | None = Field(
        None, description="Enable this metric for observability.\nExample: `true` or `false`"
    )
    simulation_enabled: bool | None = Field(
        None, description="Enable this metric for simulations.\nExample: `true` or `false`"
    )
    sampling_enabled: bool | None = Field(
        None, description="Enable sampling for this metric using project-level sample rate"
    )
    prompt: str | None = Field(
        None,
        description='Evaluation prompt for the metric.\nExample: `"Evaluate customer satisfaction based on conversation"`',
    )
    display_order: int | None = Field(
        None, description="Display order for the metric.\nExample: `1`"
    )
    evaluation_trigger: Literal["always", "automatic", "custom"] | None = Field(
        None, description="* `always` - Always\n* `automatic` - Automatic\n* `custom` - Custom"
    )
    trigger_type: Literal["llm_judge", "custom_code"] | None = Field(
        None, description="* `llm_judge` - LLM Judge\n* `custom_code` - Custom Code"
    )
    evaluation_trigger_prompt: str | None = Field(
        None,
        description='Evaluation trigger prompt for the metric.\nExample: `"Evaluate metric only if call ended reason is main-agent-ended-call"`',
    )
    evaluation_trigger_custom_code: str | None = Field(
        None,
        description='Python custom code to determine metric relevance. Code should set _result (bool) and _explanation (str).\nExample:\n```python\n_result = True\n_explanation = "Metric is relevant"\nif "call_end_reason" in data and data["call_end_reason"] == "customer-hung-up":\n    _result = False\n    _explanation = "Customer hung up, metric not applicable"\n```',
    )
    priority_assignment_prompt: str | None = Field(
        None, description="Priority assignment prompt for the metric."
    )
    vocera_defined_metric_code: str | None = Field(
        None, description='Vocera defined metric code for the metric.\nExample: `"7fd534f5"`'
    )
    configuration: Any = Field(
        None,
        description='Custom configuration parameters for specific metrics if metric supports it.\nExample:\n- For Infrastructure issues\n```json\n{\n    "infra_issues_timeout": 10\n}\n```',
    )
    overall_score: str | None = None
    total_score: str | None = None
    kb_file_ids: list[int] | None = Field(
        None, description="List of knowledge base file IDs for the metric.\nExample: `[123, 456]`"
    )
    knowledge_base_files: list[KnowledgeBaseFile] | None = None
    metric_cost: float | None = Field(None, description="Metric Cost\nExample: `0.10`")
    alert_type: Literal["disabled", "normal", "significant_change"] | None = Field(
        None,
        description="* `disabled` - Alerts Disabled\n* `normal` - Normal Alerts\n* `significant_change` - Significant Change Alerts",
    )
    significant_change_alert_status: Literal["enabled", "disabled"] | None = Field(
        None,
        description="Alert status: enabled or disabled.\n\n\n* `enabled` - Enabled\n* `disabled` - Disabled",
    )
    significant_change_alert_direction: Literal["", "increase", "decrease"] | None = Field(
        None,
        description='Alert direction: increase only, decrease only, or both (empty = both).\nExample: `"increase"`, `"decrease"`, or `"both"`\n\n* `` - Both (Increase and Decrease)\n* `increase` - Increase Only\n* `decrease` - Decrease Only',
    )
    window_size: int | None = Field(
        None, description="Window size for rolling statistics calculation.\nExample: `50`"
    )
    std_multiplier: float | None = Field(
        None, description="Standard deviation multiplier for threshold calculation.\nExample: `2.0`"
    )
    ewma_alpha: float | None = Field(
        None,
        description="Alpha value for exponentially weighted moving average (EWMA) calculation.\nExample: `0.1`",
    )
    add_to_new_agents: bool | None = Field(
        None,
        description="When enabled, this metric is automatically assigned to new agents created in the project.",
    )
    alert_filters: Any = Field(
        None, description="Filters to apply before computing alerts (CallLogQueryFilter format)"
    )
    slack_workspace: int | None = Field(None, description="Slack workspace to send alerts to")
    slack_channel_id: str | None = Field(
        None, description="Override channel ID for this metric's alerts"
    )
    uses_llm_judge: str | None = Field(
        None,
        description="Whether this metric produces an LLM-judge narrative: a `custom_code` metric whose\ncode delegates to the LLM judge internally. Computed server-side because the\n`custom_code` body is write-only and not exposed on read.\nExample: `true`",
    )


class MetricEditSerializerV2Write(WriteModel):
    """MetricEditSerializerV2"""

    slug: str | None = Field(
        None, max_length=255, description="URL-friendly unique identifier in snake_case format"
    )
    project: int | None = None
    agent: int | None = None
    agents: list[int | None] | None = None
    assistant_id: str | None = None
    name: str | None = Field(
        None,
        max_length=255,
        description='Name of the metric.\nExample: `"Customer Satisfaction"` or `"Appointment Booking"`',
    )
    description: str | None = Field(
        None,
        description='Description of what the metric measures.\nExample: `"Measures how satisfied customers are with the service provided"`',
    )
    type: Literal["basic", "custom_prompt", "custom_code", "llm_judge"] | None = Field(
        None,
        description="Type of metric\n\n\n* `basic` - Basic (Deprecated in favor of LLM Judge)\n* `custom_prompt` - Custom Prompt ( Deprecated in favor of LLM Judge)\n* `custom_code` - Custom Code\n* `llm_judge` - LLM Judge",
    )
    eval_type: Literal["binary", "continuous_qualitative", "numeric", "enum"] | None = Field(
        None,
        description="* `binary` - Binary\n* `continuous_qualitative` - Continuous Qualitative\n* `numeric` - Numeric\n* `enum` - Enum",
    )
    audio_enabled: bool | None = Field(
        None, description="Whether this metric requires audio analysis.\nExample: `true` or `false`"
    )
    observability_enabled: bool | None = Field(
        None, description="Enable this metric for observability.\nExample: `true` or `false`"
    )
    simulation_enabled: bool | None = Field(
        None, description="Enable this metric for simulations.\nExample: `true` or `false`"
    )
    sampling_enabled: bool | None = Field(
        None, description="Enable sampling for this metric using project-level sample rate"
    )
    prompt: str | None = Field(
        None,
        description='Evaluation prompt for the metric.\nExample: `"Evaluate customer satisfaction based on conversation"`',
    )
    enum_values: list[str] | None = None
    display_order: int | None = Field(
        None,
        ge=-2147483648,
        le=2147483647,
        description="Display order for the metric.\nExample: `1`",
    )
    custom_code: str | None = Field(
        None,
        description='Python custom code for the metric.\nExample:\n```python\n_resul = True\n_explanation = None\nif  "call_end_reason" in data and data["call_end_reason"] == "customer_satisfaction":\n    _result = True\n    _explanation = "Customer expressed satisfaction with service"\n```',
    )
    evaluation_trigger: Literal["always", "automatic", "custom"] | None = Field(
        None, description="* `always` - Always\n* `automatic` - Automatic\n* `custom` - Custom"
    )
    trigger_type: Literal["llm_judge", "custom_code"] | None = Field(
        None, description="* `llm_judge` - LLM Judge\n* `custom_code` - Custom Code"
    )
    evaluation_trigger_prompt: str | None = Field(
        None,
        description='Evaluation trigger prompt for the metric.\nExample: `"Evaluate metric only if call ended reason is main-agent-ended-call"`',
    )
    evaluation_trigger_custom_code: str | None = Field(
        None,
        description='Python custom code to determine metric relevance. Code should set _result (bool) and _explanation (str).\nExample:\n```python\n_result = True\n_explanation = "Metric is relevant"\nif "call_end_reason" in data and data["call_end_reason"] == "customer-hung-up":\n    _result = False\n    _explanation = "Customer hung up, metric not applicable"\n```',
    )
    llm_provider: (
        Literal["openai", "gemini", "dspy-gepa-gemini-flash", "deepseek-v4-flash"] | None
    ) = Field(
        None,
        description="* `openai` - OpenAI\n* `gemini` - Gemini\n* `dspy-gepa-gemini-flash` - Dspy Gepa Gemini Flash\n* `deepseek-v4-flash` - DeepSeek V4 Flash",
    )
    relevance_llm_provider: (
        Literal["openai", "gemini", "dspy-gepa-gemini-flash", "deepseek-v4-flash"] | None
    ) = Field(
        None,
        description="* `openai` - OpenAI\n* `gemini` - Gemini\n* `dspy-gepa-gemini-flash` - Dspy Gepa Gemini Flash\n* `deepseek-v4-flash` - DeepSeek V4 Flash",
    )
    priority_assignment_prompt: str | None = Field(
        None, description="Priority assignment prompt for the metric."
    )
    configuration: Any = Field(
        None,
        description='Custom configuration parameters for specific metrics if metric supports it.\nExample:\n- For Infrastructure issues\n```json\n{\n    "infra_issues_timeout": 10\n}\n```',
    )
    scenarios: Any = None
    kb_file_ids: Any = Field(
        None, description="List of knowledge base file IDs for the metric.\nExample: `[123, 456]`"
    )
    metric_description_program: Any = None
    metric_description_variables: list[Any] | None = None
    evaluation_trigger_program: Any = None
    evaluation_trigger_variables: list[Any] | None = None
    alert_enabled: bool | None = Field(
        None,
        description="Enable alerts for this metric when it fails (value=false).\nOnly applicable to binary metrics (eval_type=binary).\nFor other metric types, use significant_change_alert_status instead.\nExample: `true` or `false`",
    )
    alert_type: Literal["disabled", "normal", "significant_change"] | None = Field(
        None,
        description="* `disabled` - Alerts Disabled\n* `normal` - Normal Alerts\n* `significant_change` - Significant Change Alerts",
    )
    window_size: int | None = None
    std_multiplier: float | None = None
    ewma_alpha: float | None = None
    significant_change_alert_status: Literal["enabled", "disabled"] | None = Field(
        None,
        description="Alert status: enabled or disabled.\n\n\n* `enabled` - Enabled\n* `disabled` - Disabled",
    )
    significant_change_alert_direction: Literal["", "increase", "decrease"] | None = Field(
        None,
        description='Alert direction: increase only, decrease only, or both (empty = both).\nExample: `"increase"`, `"decrease"`, or `"both"`\n\n* `` - Both (Increase and Decrease)\n* `increase` - Increase Only\n* `decrease` - Decrease Only',
    )
    add_to_new_agents: bool | None = Field(
        None,
        description="When enabled, this metric is automatically assigned to new agents created in the project.",
    )
    alert_filters: Any = Field(
        None, description="Filters to apply before computing alerts (CallLogQueryFilter format)"
    )
    slack_workspace: int | None = Field(None, description="Slack workspace to send alerts to")
    slack_channel_id: str | None = Field(
        None, max_length=255, description="Override channel ID for this metric's alerts"
    )
    apply_to_all_agents: bool | None = Field(
        None,
        description="For observability_dropoff: when true, copies the dropoff_nodes from configuration to every other agent in the project.",
    )
    add_to_rubric: bool | None = Field(
        None,
        description="If true, this metric is added to the project's call-success rubric on save (a sensible default rule is chosen by `eval_type`). If false on an existing rubric metric, it's removed from the rubric.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["name"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "add_to_rubric",
            "agents",
            "alert_enabled",
            "alert_type",
            "apply_to_all_agents",
            "assistant_id",
            "audio_enabled",
            "custom_code",
            "description",
            "display_order",
            "enum_values",
            "eval_type",
            "evaluation_trigger",
            "evaluation_trigger_custom_code",
            "evaluation_trigger_prompt",
            "evaluation_trigger_variables",
            "ewma_alpha",
            "llm_provider",
            "metric_description_variables",
            "name",
            "observability_enabled",
            "priority_assignment_prompt",
            "prompt",
            "relevance_llm_provider",
            "sampling_enabled",
            "significant_change_alert_direction",
            "significant_change_alert_status",
            "simulation_enabled",
            "std_multiplier",
            "trigger_type",
            "type",
            "window_size",
        ]
    )


class MetricDetailSerializerV2(ReadModel):
    """MetricDetailSerializerV2"""

    id: int | None = None
    slug: str | None = Field(
        None,
        description='URL-friendly unique identifier in snake_case format. Example: "customer_satisfaction_1562"',
    )
    project: int | None = None
    agents: list[int | None] | None = None
    name: str = Field(
        description='Name of the metric.\nExample: `"Customer Satisfaction"` or `"Appointment Booking"`'
    )
    description: str | None = Field(
        None,
        description='Description of what the metric measures.\nExample: `"Measures how satisfied customers are with the service provided"`',
    )
    type: Literal["basic", "custom_prompt", "custom_code", "llm_judge"] | None = Field(
        None,
        description="Type of metric\n\n\n* `basic` - Basic (Deprecated in favor of LLM Judge)\n* `custom_prompt` - Custom Prompt ( Deprecated in favor of LLM Judge)\n* `custom_code` - Custom Code\n* `llm_judge` - LLM Judge",
    )
    eval_type: Literal["binary", "continuous_qualitative", "numeric", "enum"] = Field(
        description="* `binary` - Binary\n* `continuous_qualitative` - Continuous Qualitative\n* `numeric` - Numeric\n* `enum` - Enum"
    )
    enum_values: Any = Field(
        None,
        description='List of possible enum values for enum type metrics.\nExample: `["satisfied", "unsatisfied"]`',
    )
    audio_enabled: bool | None = Field(
        None, description="Whether this metric requires audio analysis.\nExample: `true` or `false`"
    )
    prompt: str | None = Field(
        None,
        description='Evaluation prompt for the metric.\nExample: `"Evaluate customer satisfaction based on conversation"`',
    )
    evaluation_trigger: Literal["always", "automatic", "custom"] | None = Field(
        None, description="* `always` - Always\n* `automatic` - Automatic\n* `custom` - Custom"
    )
    trigger_type: Literal["llm_judge", "custom_code"] | None = Field(
        None,
        description='Type of trigger evaluation: LLM judge or custom code.\nOnly used when evaluation_trigger is CUSTOM.\nExample: `"llm_judge"` or `"custom_code"`\n\n\n* `llm_judge` - LLM Judge\n* `custom_code` - Custom Code',
    )
    evaluation_trigger_prompt: str | None = Field(
        None,
        description='Evaluation trigger prompt for the metric.\nExample: `"Evaluate metric only if call ended reason is main-agent-ended-call"`',
    )
    evaluation_trigger_custom_code: str | None = Field(
        None,
        description='Python custom code to determine metric relevance. Code should set _result (bool) and _explanation (str).\nExample:\n```python\n_result = True\n_explanation = "Metric is relevant"\nif "call_end_reason" in data and data["call_end_reason"] == "customer-hung-up":\n    _result = False\n    _explanation = "Customer hung up, metric not applicable"\n```',
    )
    priority_assignment_prompt: str | None = Field(
        None, description="Priority assignment prompt for the metric."
    )
    configuration: Any = Field(
        None,
        description='Custom configuration parameters for specific metrics if metric supports it.\nExample:\n- For Infrastructure issues\n```json\n{\n    "infra_issues_timeout": 10\n}\n```',
    )
    overall_score: str | None = Field(
        None, description="The overall score for this metric across all test sets"
    )
    total_score: str | None = Field(None, description="The total score for this metric")
    knowledge_base_files: str | None = Field(
        None, description="Knowledge base files associated with this metric"
    )
    observability_enabled: bool | None = Field(
        None, description="Enable this metric for observability.\nExample: `true` or `false`"
    )
    simulation_enabled: bool | None = Field(
        None, description="Enable this metric for simulations.\nExample: `true` or `false`"
    )
    sampling_enabled: bool | None = Field(
        None, description="Enable sampling for this metric using project-level sample rate"
    )
    alert_enabled: bool | None = Field(
        None,
        description="Enable alerts for this metric when it fails (value=false).\nOnly applicable to binary metrics (eval_type=binary).\nFor other metric types, use significant_change_alert_status instead.\nExample: `true` or `false`",
    )
    alert_type: Literal["disabled", "normal", "significant_change"] | None = Field(
        None,
        description="* `disabled` - Alerts Disabled\n* `normal` - Normal Alerts\n* `significant_change` - Significant Change Alerts",
    )
    alert_filters: Any = Field(
        None, description="Filters to apply before computing alerts (CallLogQueryFilter format)"
    )
    slack_workspace: int | None = Field(None, description="Slack workspace to send alerts to")
    slack_channel_id: str | None = Field(
        None, description="Override channel ID for this metric's alerts"
    )
    significant_change_alert_status: Literal["enabled", "disabled"] | None = Field(
        None,
        description="Alert status: enabled or disabled.\n\n\n* `enabled` - Enabled\n* `disabled` - Disabled",
    )
    significant_change_alert_direction: Literal["", "increase", "decrease"] | None = Field(
        None,
        description='Alert direction: increase only, decrease only, or both (empty = both).\nExample: `"increase"`, `"decrease"`, or `"both"`\n\n* `` - Both (Increase and Decrease)\n* `increase` - Increase Only\n* `decrease` - Decrease Only',
    )
    function_name: str | None = Field(
        None,
        description='Predefined function name\nExample: `"get_latency"` or `"check_critical_deviations"`',
    )
    custom_code: str | None = Field(
        None,
        description='Python custom code for the metric.\nExample:\n```python\n_resul = True\n_explanation = None\nif  "call_end_reason" in data and data["call_end_reason"] == "customer_satisfaction":\n    _result = True\n    _explanation = "Customer expressed satisfaction with service"\n```',
    )
    vocera_defined_metric_code: str | None = Field(
        None, description='Vocera defined metric code for the metric.\nExample: `"7fd534f5"`'
    )
    reviews: list[MetricReviewDetail] | None = Field(
        None, description="Reviews associated with the metric"
    )
    window_size: int | None = Field(
        None, description="Window size for rolling statistics calculation.\nExample: `50`"
    )
    std_multiplier: float | None = Field(
        None, description="Standard deviation multiplier for threshold calculation.\nExample: `2.0`"
    )
    ewma_alpha: float | None = Field(
        None,
        description="Alpha value for exponentially weighted moving average (EWMA) calculation.\nExample: `0.1`",
    )
    add_to_new_agents: bool | None = Field(
        None,
        description="When enabled, this metric is automatically assigned to new agents created in the project.",
    )
    pending_optimisation_proposal: Any = Field(
        None,
        description="Unsaved proposal from a metric-optimiser cron run. Shape: {description, evaluation_trigger, type, custom_code, score, baseline_score, cron_job_id, cron_job_name, proposed_at}.",
    )


class PatchedMetricEditSerializerV2Write(WriteModel):
    """PatchedMetricEditSerializerV2"""

    slug: str | None = Field(
        None, max_length=255, description="URL-friendly unique identifier in snake_case format"
    )
    project: int | None = None
    agent: int | None = None
    agents: list[int | None] | None = None
    assistant_id: str | None = None
    name: str | None = Field(
        None,
        max_length=255,
        description='Name of the metric.\nExample: `"Customer Satisfaction"` or `"Appointment Booking"`',
    )
    description: str | None = Field(
        None,
        description='Description of what the metric measures.\nExample: `"Measures how satisfied customers are with the service provided"`',
    )
    type: Literal["basic", "custom_prompt", "custom_code", "llm_judge"] | None = Field(
        None,
        description="Type of metric\n\n\n* `basic` - Basic (Deprecated in favor of LLM Judge)\n* `custom_prompt` - Custom Prompt ( Deprecated in favor of LLM Judge)\n* `custom_code` - Custom Code\n* `llm_judge` - LLM Judge",
    )
    eval_type: Literal["binary", "continuous_qualitative", "numeric", "enum"] | None = Field(
        None,
        description="* `binary` - Binary\n* `continuous_qualitative` - Continuous Qualitative\n* `numeric` - Numeric\n* `enum` - Enum",
    )
    audio_enabled: bool | None = Field(
        None, description="Whether this metric requires audio analysis.\nExample: `true` or `false`"
    )
    observability_enabled: bool | None = Field(
        None, description="Enable this metric for observability.\nExample: `true` or `false`"
    )
    simulation_enabled: bool | None = Field(
        None, description="Enable this metric for simulations.\nExample: `true` or `false`"
    )
    sampling_enabled: bool | None = Field(
        None, description="Enable sampling for this metric using project-level sample rate"
    )
    prompt: str | None = Field(
        None,
        description='Evaluation prompt for the metric.\nExample: `"Evaluate customer satisfaction based on conversation"`',
    )
    enum_values: list[str] | None = None
    display_order: int | None = Field(
        None,
        ge=-2147483648,
        le=2147483647,
        description="Display order for the metric.\nExample: `1`",
    )
    custom_code: str | None = Field(
        None,
        description='Python custom code for the metric.\nExample:\n```python\n_resul = True\n_explanation = None\nif  "call_end_reason" in data and data["call_end_reason"] == "customer_satisfaction":\n    _result = True\n    _explanation = "Customer expressed satisfaction with service"\n```',
    )
    evaluation_trigger: Literal["always", "automatic", "custom"] | None = Field(
        None, description="* `always` - Always\n* `automatic` - Automatic\n* `custom` - Custom"
    )
    trigger_type: Literal["llm_judge", "custom_code"] | None = Field(
        None, description="* `llm_judge` - LLM Judge\n* `custom_code` - Custom Code"
    )
    evaluation_trigger_prompt: str | None = Field(
        None,
        description='Evaluation trigger prompt for the metric.\nExample: `"Evaluate metric only if call ended reason is main-agent-ended-call"`',
    )
    evaluation_trigger_custom_code: str | None = Field(
        None,
        description='Python custom code to determine metric relevance. Code should set _result (bool) and _explanation (str).\nExample:\n```python\n_result = True\n_explanation = "Metric is relevant"\nif "call_end_reason" in data and data["call_end_reason"] == "customer-hung-up":\n    _result = False\n    _explanation = "Customer hung up, metric not applicable"\n```',
    )
    llm_provider: (
        Literal["openai", "gemini", "dspy-gepa-gemini-flash", "deepseek-v4-flash"] | None
    ) = Field(
        None,
        description="* `openai` - OpenAI\n* `gemini` - Gemini\n* `dspy-gepa-gemini-flash` - Dspy Gepa Gemini Flash\n* `deepseek-v4-flash` - DeepSeek V4 Flash",
    )
    relevance_llm_provider: (
        Literal["openai", "gemini", "dspy-gepa-gemini-flash", "deepseek-v4-flash"] | None
    ) = Field(
        None,
        description="* `openai` - OpenAI\n* `gemini` - Gemini\n* `dspy-gepa-gemini-flash` - Dspy Gepa Gemini Flash\n* `deepseek-v4-flash` - DeepSeek V4 Flash",
    )
    priority_assignment_prompt: str | None = Field(
        None, description="Priority assignment prompt for the metric."
    )
    configuration: Any = Field(
        None,
        description='Custom configuration parameters for specific metrics if metric supports it.\nExample:\n- For Infrastructure issues\n```json\n{\n    "infra_issues_timeout": 10\n}\n```',
    )
    scenarios: Any = None
    kb_file_ids: Any = Field(
        None, description="List of knowledge base file IDs for the metric.\nExample: `[123, 456]`"
    )
    metric_description_program: Any = None
    metric_description_variables: list[Any] | None = None
    evaluation_trigger_program: Any = None
    evaluation_trigger_variables: list[Any] | None = None
    alert_enabled: bool | None = Field(
        None,
        description="Enable alerts for this metric when it fails (value=false).\nOnly applicable to binary metrics (eval_type=binary).\nFor other metric types, use significant_change_alert_status instead.\nExample: `true` or `false`",
    )
    alert_type: Literal["disabled", "normal", "significant_change"] | None = Field(
        None,
        description="* `disabled` - Alerts Disabled\n* `normal` - Normal Alerts\n* `significant_change` - Significant Change Alerts",
    )
    window_size: int | None = None
    std_multiplier: float | None = None
    ewma_alpha: float | None = None
    significant_change_alert_status: Literal["enabled", "disabled"] | None = Field(
        None,
        description="Alert status: enabled or disabled.\n\n\n* `enabled` - Enabled\n* `disabled` - Disabled",
    )
    significant_change_alert_direction: Literal["", "increase", "decrease"] | None = Field(
        None,
        description='Alert direction: increase only, decrease only, or both (empty = both).\nExample: `"increase"`, `"decrease"`, or `"both"`\n\n* `` - Both (Increase and Decrease)\n* `increase` - Increase Only\n* `decrease` - Decrease Only',
    )
    add_to_new_agents: bool | None = Field(
        None,
        description="When enabled, this metric is automatically assigned to new agents created in the project.",
    )
    alert_filters: Any = Field(
        None, description="Filters to apply before computing alerts (CallLogQueryFilter format)"
    )
    slack_workspace: int | None = Field(None, description="Slack workspace to send alerts to")
    slack_channel_id: str | None = Field(
        None, max_length=255, description="Override channel ID for this metric's alerts"
    )
    apply_to_all_agents: bool | None = Field(
        None,
        description="For observability_dropoff: when true, copies the dropoff_nodes from configuration to every other agent in the project.",
    )
    add_to_rubric: bool | None = Field(
        None,
        description="If true, this metric is added to the project's call-success rubric on save (a sensible default rule is chosen by `eval_type`). If false on an existing rubric metric, it's removed from the rubric.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "add_to_rubric",
            "agents",
            "alert_enabled",
            "alert_type",
            "apply_to_all_agents",
            "assistant_id",
            "audio_enabled",
            "custom_code",
            "description",
            "display_order",
            "enum_values",
            "eval_type",
            "evaluation_trigger",
            "evaluation_trigger_custom_code",
            "evaluation_trigger_prompt",
            "evaluation_trigger_variables",
            "ewma_alpha",
            "llm_provider",
            "metric_description_variables",
            "name",
            "observability_enabled",
            "priority_assignment_prompt",
            "prompt",
            "relevance_llm_provider",
            "sampling_enabled",
            "significant_change_alert_direction",
            "significant_change_alert_status",
            "simulation_enabled",
            "std_multiplier",
            "trigger_type",
            "type",
            "window_size",
        ]
    )


class ScenarioSerializerV2Write(WriteModel):
    """ScenarioSerializerV2"""

    name: str | None = Field(None, max_length=80, description="Name of the scenario")
    agent: int | None = Field(None, description="Agent ID\nExample: `2142`")
    project: int | None = None
    assistant_id: str | None = Field(
        None,
        description='Alternative to agent ID - the assistant ID to use for this scenario\nExample: `"asst_1234567890"`',
    )
    personality: int | None = Field(None, description="Personality ID\nExample: `123`")
    tags: Any = Field(
        None, description='Tags associated with the scenario\nExample: `["tag1", "tag2"]`'
    )
    tool_ids: Any = Field(
        None,
        description='List of tool IDs to associate with this scenario\nExample: `["TOOL_DTMF", "TOOL_END_CALL"]`',
    )
    metrics: Any = Field(
        None,
        description="List of metric IDs to associate with this scenario\nExample: `[123, 456]`",
    )
    phone_number: int | None = Field(
        None,
        description="Phone number ID - Used for both inbound and outbound calls\nExample: `123`",
    )
    first_message: str | None = Field(
        None, description="First message to be sent to the Main Agent"
    )
    inbound_phone_number: int | None = Field(
        None,
        description="(Deprecated) Use phone_number instead. This field is maintained for backward compatibility only.\nWhen phone_number is set, this field will be automatically synced.\nExample: `123`",
    )
    instructions: str | None = Field(None, description="Scenario Instructions")
    conditional_actions: Any = Field(
        None,
        description='Structured conditional-actions object. Requires `scenario_type="conditional_actions"` in the same request, unless the scenario already has that type. Use either `conditional_actions` (structured) or `instructions` (plain text) — not both.\n\nExample:\n```json\n{\n  "role": "You are a patient calling to schedule an appointment",\n  "conditions": [\n    {"id": 0, "condition": "FIRST_MESSAGE", "action": "Hi, I need to schedule an appointment",\n     "type": "standard", "fixed_message": true},\n    {"id": 1, "condition": "when the agent asks for your name",\n     "action": "Provide your full name: John Smith", "type": "standard", "fixed_message": false}\n  ]\n}\n```',
    )
    simulation_description: str | None = Field(None, description="Simulation Description")
    information_fields: Any = Field(
        None,
        description='Information fields associated with the scenario\nExample: `{"user_name": "John Doe", "user_email": "john.doe@example.com", "order_id": "1234567890"}`',
    )
    expected_outcome_prompt: str | None = Field(
        None,
        description='Expected Outcome Prompt\nExample: `"The user should be able to complete the order"`',
    )
    scenario_language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="Language of the scenario\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    scenario_type: (
        Literal["instruction", "real_world_smart", "real_world_fixed", "conditional_actions"] | None
    ) = Field(
        None,
        description="Type of scenario. Defaults to `instruction`. Must be sent as `conditional_actions` when the\nrequest includes the `conditional_actions` field.\n\n\n* `instruction` - Instruction\n* `real_world_smart` - Real World Smart\n* `real_world_fixed` - Real World Fixed\n* `conditional_actions` - Conditional Actions",
    )
    suite_type: Literal["undefined", "infrastructure"] | None = Field(
        None,
        description="Type of predefined suite (e.g., infrastructure)\n\n* `undefined` - Undefined\n* `infrastructure` - Infrastructure",
    )
    is_predefined: bool | None = Field(
        None, description="Whether this is a predefined scenario (template)"
    )
    test_profile: int | None = None
    generated_mock_tool_entries: Any = Field(
        None,
        description="Expected mock tool calls for this evaluator. Each entry has shape {tool_id, tool_name, new_entry: {input, output}}. Auto-generated during scenario generation when the agent has mock tools attached; can also be set or edited manually.",
    )
    folder_path: str | None = Field(
        None,
        description='Dot-separated path of the folder to assign this evaluator to (e.g. "Sales.Inbound"). Folders must be created before use — they are not auto-created. Use `scenarios_create_folder_create` to create each level before assigning evaluators. Example: to use "Sales.Inbound", first create "Sales", then create "Inbound" inside it.',
    )
    max_duration: int | None = Field(
        None,
        description="Max call duration in seconds for this scenario. If not provided or set to null, the scenario will use the project's max_call_duration setting.\nValid range: 10-3600 seconds (10 seconds to 60 minutes)\nExample: `600` (10 minutes)",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["personality"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "agent",
            "assistant_id",
            "expected_outcome_prompt",
            "first_message",
            "instructions",
            "is_predefined",
            "name",
            "personality",
            "scenario_language",
            "scenario_type",
            "simulation_description",
            "suite_type",
        ]
    )


class ScenarioSerializerV2(ReadModel):
    """ScenarioSerializerV2"""

    id: int | None = None
    name: str | None = Field(None, description="Name of the scenario")
    agent: int | None = Field(None, description="Agent ID\nExample: `2142`")
    project: int | None = None
    personality: int = Field(description="Personality ID\nExample: `123`")
    personality_name: str | None = Field(
        None, description='Name of the personality used in this scenario\nExample: `"Normal Male"`'
    )
    agent_name: str | None = Field(
        None,
        description='Name of the agent associated with this scenario\nExample: `"Customer Support Agent"`',
    )
    tags: Any = Field(
        None, description='Tags associated with the scenario\nExample: `["tag1", "tag2"]`'
    )
    tool_ids: Any = Field(
        None,
        description='List of tool IDs to associate with this scenario\nExample: `["TOOL_DTMF", "TOOL_END_CALL"]`',
    )
    metric_names: str | None = Field(
        None,
        description='List of metric names associated with this scenario\nExample: `["Metric 1", "Metric 2"]`',
    )
    phone_number: int | None = Field(
        None,
        description="Phone number ID - Used for both inbound and outbound calls\nExample: `123`",
    )
    outbound_phone_number_data: PhoneNumberInbound | None = Field(
        None,
        description='Phone number used for outbound calls in this scenario\nExample: `"+1234567890"`',
    )
    first_message: str | None = Field(
        None, description="First message to be sent to the Main Agent"
    )
    inbound_phone_number: int | None = Field(
        None,
        description="(Deprecated) Use phone_number instead. This field is maintained for backward compatibility only.\nWhen phone_number is set, this field will be automatically synced.\nExample: `123`",
    )
    inbound_phone_number_data: PhoneNumberInbound | None = Field(
        None,
        description='(Deprecated) Phone number used for inbound calls in this scenario. Use outbound_phone_number_data instead.\nAfter CEK-6517, both phone_number and inbound_phone_number fields are synced, so outbound_phone_number_data contains the unified phone number for both inbound and outbound calls.\nExample: `{"id": 123, "number": "+1234567890", "phone_number_id": "abc123"}`',
    )
    instructions: str | None = Field(None, description="Scenario Instructions")
    simulation_description: str | None = Field(None, description="Simulation Description")
    information_fields: Any = Field(
        None,
        description='Information fields associated with the scenario\nExample: `{"user_name": "John Doe", "user_email": "john.doe@example.com", "order_id": "1234567890"}`',
    )
    expected_outcome_prompt: str | None = Field(
        None,
        description='Expected Outcome Prompt\nExample: `"The user should be able to complete the order"`',
    )
    scenario_language: (
        Literal[
            "af",
            "ar",
            "bn",
            "bg",
            "zh",
            "cs",
            "da",
            "nl",
            "en",
            "et",
            "fi",
            "fr",
            "de",
            "el",
            "gu",
            "hi",
            "he",
            "hu",
            "id",
            "it",
            "ja",
            "kn",
            "ko",
            "ms",
            "ml",
            "mr",
            "multi",
            "no",
            "pl",
            "pa",
            "pt",
            "ro",
            "ru",
            "sk",
            "es",
            "sv",
            "th",
            "tr",
            "tl",
            "ta",
            "te",
            "uk",
            "vi",
        ]
        | None
    ) = Field(
        None,
        description="Language of the scenario\n\n\n* `af` - Afrikaans\n* `ar` - Arabic\n* `bn` - Bengali\n* `bg` - Bulgarian\n* `zh` - Chinese Simplified\n* `cs` - Czech\n* `da` - Danish\n* `nl` - Dutch\n* `en` - English\n* `et` - Estonian\n* `fi` - Finnish\n* `fr` - French\n* `de` - German\n* `el` - Greek\n* `gu` - Gujarati\n* `hi` - Hindi\n* `he` - Hebrew\n* `hu` - Hungarian\n* `id` - Indonesian\n* `it` - Italian\n* `ja` - Japanese\n* `kn` - Kannada\n* `ko` - Korean\n* `ms` - Malay\n* `ml` - Malayalam\n* `mr` - Marathi\n* `multi` - Multilingual\n* `no` - Norwegian\n* `pl` - Polish\n* `pa` - Punjabi\n* `pt` - Portuguese\n* `ro` - Romanian\n* `ru` - Russian\n* `sk` - Slovak\n* `es` - Spanish\n* `sv` - Swedish\n* `th` - Thai\n* `tr` - Turkish\n* `tl` - Tagalog\n* `ta` - Tamil\n* `te` - Telugu\n* `uk` - Ukrainian\n* `vi` - Vietnamese",
    )
    scenario_type: (
        Literal["instruction", "real_world_smart", "real_world_fixed", "conditional_actions"] | None
    ) = Field(
        None,
        description="Type of scenario. Defaults to `instruction`. Must be sent as `conditional_actions` when the\nrequest includes the `conditional_actions` field.\n\n\n* `instruction` - Instruction\n* `real_world_smart` - Real World Smart\n* `real_world_fixed` - Real World Fixed\n* `conditional_actions` - Conditional Actions",
    )
    suite_type: Literal["undefined", "infrastructure"] | None = Field(
        None,
        description="Type of predefined suite (e.g., infrastructure)\n\n* `undefined` - Undefined\n* `infrastructure` - Infrastructure",
    )
    is_predefined: bool | None = Field(
        None, description="Whether this is a predefined scenario (template)"
    )
    test_profile: int | None = None
    test_profile_data: AIAgentTestProfile | None = Field(
        None,
        description='Details of the test profile associated with this scenario. `information` uses the\nsectioned shape: `main_agent_variables` are sent to the agent under test as\ndynamic variables at call time; `testing_agent_variables` are persona/context\nused by Cekura\'s simulated caller. Legacy flat dicts (no section keys) still\nwork — at call time they are delivered to both sides for backward compatibility.\nExample:\n```json\n{\n    "id": "<integer>",\n    "agent_id": "<integer>",\n    "name": "<string>",\n    "information": {\n        "main_agent_variables": {\n            "user_id": "<string>",\n            "account_id": "<string>"\n        },\n        "testing_agent_variables": {\n            "user_name": "<string>",\n            "user_email": "<string>",\n            "order_id": "<string>"\n        }\n    }\n}\n```',
    )
    dynamic_variable_values: Any = Field(
        None,
        description="REMOVED FROM API. Reads return the historical value for legacy rows (`null` for new rows). Writes are no longer accepted — supplying a non-null value yields a 400 error. Put dynamic-variable values in `test_profile_data.information.main_agent_variables` instead: create the test profile via POST /test-profiles/ and attach it via the `test_profile` field on the scenario.",
    )
    generated_mock_tool_entries: Any = Field(
        None,
        description="Expected mock tool calls for this evaluator. Each entry has shape {tool_id, tool_name, new_entry: {input, output}}. Auto-generated during scenario generation when the agent has mock tools attached; can also be set or edited manually.",
    )
    folder_path: str | None = Field(
        None,
        description='Dot-separated path of the folder to assign this evaluator to (e.g. "Sales.Inbound"). Folders must be created before use — they are not auto-created. Use `scenarios_create_folder_create` to create each level before assigning evaluators. Example: to use "Sales.Inbound", first create "Sales", then create "Inbound" inside it.',
    )
    max_duration: int | None = Field(
        None,
        description="Max call duration in seconds for this scenario. If not provided or set to null, the scenario will use the project's max_call_duration setting.\nValid range: 10-3600 seconds (10 seconds to 60 minutes)\nExample: `600` (10 minutes)",
    )


class UserInline(ReadModel):
    """UserInline"""

    id: int | None = None
    name: str
    email: str


class MembershipInline(ReadModel):
    """MembershipInline"""

    id: int | None = None
    user: UserInline | None = None
    role: (
        Literal[
            "admin",
            "member",
            "view_only",
            "internal_view",
            "labs",
            "labs_view_only",
            "insights_view",
        ]
        | None
    ) = Field(
        None,
        description="* `admin` - Admin\n* `member` - Member\n* `view_only` - View Only\n* `internal_view` - Internal View Only\n* `labs` - Labs\n* `labs_view_only` - Labs View Only\n* `insights_view` - Insights View Only",
    )
    is_email_notify_enabled: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class ProjectInline(ReadModel):
    """ProjectInline"""

    id: int | None = None
    name: str
    members: list[MembershipInline] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class Organization(ReadModel):
    """Organization"""

    id: int | None = None
    name: str
    team_size: Literal["1", "<10", "10-100", "100-500", "500+"] | None = Field(
        None,
        description="Number of people/employees in the organization\n\n* `1` - 1\n* `<10` - Less than 10\n* `10-100` - 10 - 100\n* `100-500` - 100 - 500\n* `500+` - More than 500",
    )
    discovery_source: str | None = Field(
        None,
        description="How the user discovered the platform (e.g., LinkedIn, Google, ChatGPT, Friends, etc.)",
    )
    outbound_timeout: int | None = None
    max_agents_limit: int | None = None
    max_members_limit: int | None = None
    max_concurrent_runs_limit: int | None = None
    max_concurrent_chat_runs_limit: int | None = None
    max_call_duration: int | None = None
    evaluate_relevant_metrics_enabled: bool | None = None
    end_call_enabled: bool | None = None
    generate_scenario_auto_assign_numbers_enabled: bool | None = None
    show_custom_dashboards: bool | None = None
    notify_daily_report: bool | None = None
    notify_cron_failure: bool | None = None
    notify_cron_success: bool | None = None
    notify_no_calls: bool | None = None
    notify_result_webhook: bool | None = None
    notify_cronjob_webhook: bool | None = None
    notify_call_log_webhook: bool | None = None
    forward_vapi_webhook: bool | None = None
    forward_retell_webhook: bool | None = None
    is_send_emails_enabled: bool | None = None
    notify_frequent_calls_for_number: bool | None = None
    frequent_calls_threshold: int | None = None
    frequent_calls_time_period: int | None = None
    frequent_calls_cooldown: int | None = None
    notify_metric_significant_shift: bool | None = None
    notify_low_credits: bool | None = Field(
        None, description="Enable email notifications when credits remaining falls below threshold"
    )
    low_credits_threshold: str | None = Field(
        None,
        description="Dollar amount threshold - notify when credits remaining is below this value. Example: 100.00",
    )
    cronjob_low_balance_mute_days: Literal["0", "3", "7", "14"] | None = Field(
        None,
        description="Mute cronjob low balance notifications for selected number of days\n\n* `0` - Disabled\n* `3` - 3 Days\n* `7` - 7 Days\n* `14` - 14 Days",
    )
    limit_to_exclusive_numbers: bool = Field(
        description="When enabled, only phone numbers with organization field set to this organization will be visible. When disabled, all unassigned phone numbers are also visible."
    )
    allow_duplicate_call_ids: bool | None = Field(
        None, description="When enabled, Allow uploading calls with the same call_id"
    )
    allow_join_requests: bool | None = Field(
        None,
        description="When enabled, users with matching email domain can discover and request to join this organization",
    )
    conditional_actions_generation_enabled: bool | None = Field(
        None,
        description="When enabled, auto-generated scenarios use conditional actions format instead of instructions",
    )
    vapi_api_key_configured: str | None = None
    vapi_public_key_configured: str | None = None
    retell_api_key_configured: str | None = None
    syntflow_api_key_configured: str | None = None
    members: list[MembershipInline] | None = None
    projects: list[ProjectInline] | None = None
    is_internal_view_only: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    timezone: (
        Literal[
            "Africa/Abidjan",
            "Africa/Accra",
            "Africa/Addis_Ababa",
            "Africa/Algiers",
            "Africa/Asmara",
            "Africa/Bamako",
            "Africa/Bangui",
            "Africa/Banjul",
            "Africa/Bissau",
            "Africa/Blantyre",
            "Africa/Brazzaville",
            "Africa/Bujumbura",
            "Africa/Cairo",
            "Africa/Casablanca",
            "Africa/Ceuta",
            "Africa/Conakry",
            "Africa/Dakar",
            "Africa/Dar_es_Salaam",
            "Africa/Djibouti",
            "Africa/Douala",
            "Africa/El_Aaiun",
            "Africa/Freetown",
            "Africa/Gaborone",
            "Africa/Harare",
            "Africa/Johannesburg",
            "Africa/Juba",
            "Africa/Kampala",
            "Africa/Khartoum",
            "Africa/Kigali",
            "Africa/Kinshasa",
            "Africa/Lagos",
            "Africa/Libreville",
            "Africa/Lome",
            "Africa/Luanda",
            "Africa/Lubumbashi",
            "Africa/Lusaka",
            "Africa/Malabo",
            "Africa/Maputo",
            "Africa/Maseru",
            "Africa/Mbabane",
            "Africa/Mogadishu",
            "Africa/Monrovia",
            "Africa/Nairobi",
            "Africa/Ndjamena",
            "Africa/Niamey",
            "Africa/Nouakchott",
            "Africa/Ouagadougou",
            "Africa/Porto-Novo",
            "Africa/Sao_Tome",
            "Africa/Tripoli",
            "Africa/Tunis",
            "Africa/Windhoek",
            "America/Adak",
            "America/Anchorage",
            "America/Chicago",
            "America/Denver",
            "America/Los_Angeles",
            "America/New_York",
            "America/Phoenix",
            "America/Sao_Paulo",
            "Asia/Dubai",
            "Asia/Hong_Kong",
            "Asia/Kolkata",
            "Asia/Seoul",
            "Asia/Shanghai",
            "Asia/Singapore",
            "Asia/Tokyo",
            "Australia/Melbourne",
            "Australia/Perth",
            "Australia/Sydney",
            "Europe/Amsterdam",
            "Europe/Berlin",
            "Europe/London",
            "Europe/Madrid",
            "Europe/Moscow",
            "Europe/Paris",
            "Europe/Rome",
            "Pacific/Auckland",
            "Pacific/Honolulu",
            "US/Central",
            "US/Eastern",
            "US/Mountain",
            "US/Pacific",
            "UTC",
        ]
        | None
    ) = Field(
        None,
        description="* `Africa/Abidjan` - Africa/Abidjan\n* `Africa/Accra` - Africa/Accra\n* `Africa/Addis_Ababa` - Africa/Addis_Ababa\n* `Africa/Algiers` - Africa/Algiers\n* `Africa/Asmara` - Africa/Asmara\n* `Africa/Bamako` - Africa/Bamako\n* `Africa/Bangui` - Africa/Bangui\n* `Africa/Banjul` - Africa/Banjul\n* `Africa/Bissau` - Africa/Bissau\n* `Africa/Blantyre` - Africa/Blantyre\n* `Africa/Brazzaville` - Africa/Brazzaville\n* `Africa/Bujumbura` - Africa/Bujumbura\n* `Africa/Cairo` - Africa/Cairo\n* `Africa/Casablanca` - Africa/Casablanca\n* `Africa/Ceuta` - Africa/Ceuta\n* `Africa/Conakry` - Africa/Conakry\n* `Africa/Dakar` - Africa/Dakar\n* `Africa/Dar_es_Salaam` - Africa/Dar_es_Salaam\n* `Africa/Djibouti` - Africa/Djibouti\n* `Africa/Douala` - Africa/Douala\n* `Africa/El_Aaiun` - Africa/El_Aaiun\n* `Africa/Freetown` - Africa/Freetown\n* `Africa/Gaborone` - Africa/Gaborone\n* `Africa/Harare` - Africa/Harare\n* `Africa/Johannesburg` - Africa/Johannesburg\n* `Africa/Juba` - Africa/Juba\n* `Africa/Kampala` - Africa/Kampala\n* `Africa/Khartoum` - Africa/Khartoum\n* `Africa/Kigali` - Africa/Kigali\n* `Africa/Kinshasa` - Africa/Kinshasa\n* `Africa/Lagos` - Africa/Lagos\n* `Africa/Libreville` - Africa/Libreville\n* `Africa/Lome` - Africa/Lome\n* `Africa/Luanda` - Africa/Luanda\n* `Africa/Lubumbashi` - Africa/Lubumbashi\n* `Africa/Lusaka` - Africa/Lusaka\n* `Africa/Malabo` - Africa/Malabo\n* `Africa/Maputo` - Africa/Maputo\n* `Africa/Maseru` - Africa/Maseru\n* `Africa/Mbabane` - Africa/Mbabane\n* `Africa/Mogadishu` - Africa/Mogadishu\n* `Africa/Monrovia` - Africa/Monrovia\n* `Africa/Nairobi` - Africa/Nairobi\n* `Africa/Ndjamena` - Africa/Ndjamena\n* `Africa/Niamey` - Africa/Niamey\n* `Africa/Nouakchott` - Africa/Nouakchott\n* `Africa/Ouagadougou` - Africa/Ouagadougou\n* `Africa/Porto-Novo` - Africa/Porto-Novo\n* `Africa/Sao_Tome` - Africa/Sao_Tome\n* `Africa/Tripoli` - Africa/Tripoli\n* `Africa/Tunis` - Africa/Tunis\n* `Africa/Windhoek` - Africa/Windhoek\n* `America/Adak` - America/Adak\n* `America/Anchorage` - America/Anchorage\n* `America/Chicago` - America/Chicago\n* `America/Denver` - America/Denver\n* `America/Los_Angeles` - America/Los_Angeles\n* `America/New_York` - America/New_York\n* `America/Phoenix` - America/Phoenix\n* `America/Sao_Paulo` - America/Sao_Paulo\n* `Asia/Dubai` - Asia/Dubai\n* `Asia/Hong_Kong` - Asia/Hong_Kong\n* `Asia/Kolkata` - Asia/Kolkata\n* `Asia/Seoul` - Asia/Seoul\n* `Asia/Shanghai` - Asia/Shanghai\n* `Asia/Singapore` - Asia/Singapore\n* `Asia/Tokyo` - Asia/Tokyo\n* `Australia/Melbourne` - Australia/Melbourne\n* `Australia/Perth` - Australia/Perth\n* `Australia/Sydney` - Australia/Sydney\n* `Europe/Amsterdam` - Europe/Amsterdam\n* `Europe/Berlin` - Europe/Berlin\n* `Europe/London` - Europe/London\n* `Europe/Madrid` - Europe/Madrid\n* `Europe/Moscow` - Europe/Moscow\n* `Europe/Paris` - Europe/Paris\n* `Europe/Rome` - Europe/Rome\n* `Pacific/Auckland` - Pacific/Auckland\n* `Pacific/Honolulu` - Pacific/Honolulu\n* `US/Central` - US/Central\n* `US/Eastern` - US/Eastern\n* `US/Mountain` - US/Mountain\n* `US/Pacific` - US/Pacific\n* `UTC` - UTC",
    )
    is_2fa_required: bool | None = None
    skip_onboarding: bool | None = None
    onboarding_flow: Literal["simulation", "observability"] | None = Field(
        None, description="* `simulation` - Simulation\n* `observability` - Observability"
    )
    user_onboarding: str | None = None
    phone_number_verified: bool | None = None
    slack_invite_sent: bool | None = Field(
        None, description="Whether Slack community invite has been sent to this organization"
    )
    auto_refill: bool | None = None
    auto_refill_threshold: str | None = None
    auto_refill_amount: str | None = None
    auto_refill_max_cap: str | None = Field(
        None,
        description="Maximum total amount that can be auto-refilled in a billing cycle. None for no limit.",
    )


class OrganizationInline(ReadModel):
    """OrganizationInline"""

    id: int | None = None
    name: str
    members: list[MembershipInline] | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class Project(ReadModel):
    """Project"""

    id: int | None = None
    name: str = Field(description='Name of the project\nExample: `"Default Project"`')
    members: list[MembershipInline] | None = None
    organization: OrganizationInline | None = None
    outbound_timeout: int | None = Field(
        None, description="Outbound timeout in seconds\nExample: `300`"
    )
    max_call_duration: int | None = Field(
        None, description="Max call duration in seconds\nExample: `300`"
    )
    min_call_duration: int | None = Field(
        None, description="Min call duration in seconds\nExample: `30`"
    )
    sample_rate: float | None = Field(
        None,
        description="Metric sampling rate (0.0 to 1.0). Default is 1.0 (100% of calls).\nExample: `0.5` (50%), `0.1` (10%), `0.001` (0.1%)",
    )
    max_messages_chat_runs_limit: int | None = Field(
        None, description="Max messages chat runs limit\nExample: `100`"
    )
    webhook_url: str | None = Field(
        None, description='Webhook URL\nExample: `"https://yourdomain.com/webhook"`'
    )
    webhook_secret_configured: str | None = None
    evaluate_relevant_metrics_enabled: bool | None = Field(
        None, description="Evaluate relevant metrics enabled\nExample: `true` or `false`"
    )
    end_call_enabled: bool | None = Field(
        None, description="End call enabled\nExample: `true` or `false`"
    )
    generate_scenario_auto_assign_numbers_enabled: bool | None = Field(
        None,
        description="Generate scenario auto assign numbers enabled\nExample: `true` or `false`",
    )
    enable_client_side_testing: bool | None = Field(
        None, description="Enable client side testing\nExample: `true` or `false`"
    )
    use_provider_transcript: bool | None = Field(
        None,
        description="When true, evaluations use the provider transcript instead of Cekura transcript with provider side tool calls. Defaults to false.",
    )
    should_show_powered_by: bool | None = Field(
        None, description="Should show powered by\nExample: `true` or `false`"
    )
    notify_results_completion: bool | None = Field(
        None, description="Notify on result completion\nExample: `true` or `false`"
    )
    notify_daily_report: bool | None = Field(
        None, description="Notify daily report\nExample: `true` or `false`"
    )
    notify_daily_report_no_calls: bool | None = Field(
        None,
        description="Notify daily report even if there are no calls\nExample: `true` or `false`",
    )
    daily_report_ai_summary_enabled: bool | None = Field(
        None,
        description='Replace the default daily report data dump with an AI-narrated Top Issues\nsection in Slack and email. Off by default. When on, Slack also exposes a\n"Show more" button that opens a modal with the legacy detail sections.\nExample: `true` or `false`',
    )
    notify_cron_failure: bool | None = Field(
        None, description="Notify cron failure\nExample: `true` or `false`"
    )
    notify_cron_success: bool | None = Field(
        None, description="Notify cron success\nExample: `true` or `false`"
    )
    notify_no_calls: bool | None = Field(
        None, description="Notify no calls\nExample: `true` or `false`"
    )
    no_calls_notify_time_period: Any = Field(
        None,
        description='Configuration for no calls notification time periods, timeframes, exception numbers, and agents to exclude\nExample:\n```json\n{\n    "time_zone": "America/New_York",\n    "time_periods": [\n        {\n            "start_time": "09:00",\n            "end_time": "17:00",\n            "time_frame": 30\n        },\n        {\n            "start_time": "18:00",\n            "end_time": "23:59",\n            "time_frame": 60\n        }\n    ],\n    "exception_numbers": ["+15551234567", "+14155552671"],\n    "agents": [1, 10, 90]\n}\n```\nNote:\n- Calls with customer_number in exception_numbers list will be ignored when checking for no calls alert.\n- If agents list is provided and not empty, those specific agents will be excluded from monitoring. All other agents in the project will be monitored. If omitted or empty, all agents in the project will be monitored.',
    )
    notify_daily_report_webhook: bool | None = Field(
        None, description="Notify daily report webhook\nExample: `true` or `false`"
    )
    notify_pre_run_webhook: bool | None = Field(
        None,
        description="Send a webhook at the start of a run (before calls dispatch) to configure the external test sandbox\nExample: `true` or `false`",
    )
    daily_report_dashboard_ids: list[int] | None = Field(
        None,
        description="Dashboard IDs to include as visual snapshots in the daily report\nExample: `[1, 2, 3]`",
    )
    notify_result_webhook_failed: bool | None = Field(
        None, description="Notify result webhook failed\nExample: `true` or `false`"
    )
    notify_result_webhook_success: bool | None = Field(
        None, description="Notify result webhook success\nExample: `true` or `false`"
    )
    notify_result_webhook_error: bool | None = Field(
        None,
        description="Notify result webhook for error runs (runs with error_message)\nExample: `true` or `false`",
    )
    notify_cronjob_webhook_failed: bool | None = Field(
        None, description="Notify cronjob webhook failed\nExample: `true` or `false`"
    )
    notify_cronjob_webhook_success: bool | None = Field(
        None, description="Notify cronjob webhook success\nExample: `true` or `false`"
    )
    notify_cronjob_webhook_error: bool | None = Field(
        None,
        description="Notify cronjob webhook for error runs (runs with error_message)\nExample: `true` or `false`",
    )
    notify_call_log_webhook_failed: bool | None = Field(
        None, description="Notify call log webhook failed\nExample: `true` or `false`"
    )
    notify_call_log_webhook_success: bool | None = Field(
        None, description="Notify call log webhook success\nExample: `true` or `false`"
    )
    notify_frequent_calls_for_number: bool | None = None
    frequent_calls_threshold: int | None = None
    frequent_calls_time_period: int | None = None
    frequent_calls_cooldown: int | None = None
    forward_vapi_webhook: bool | None = Field(
        None, description="Forward vapi webhook\nExample: `true` or `false`"
    )
    forward_retell_webhook: bool | None = Field(
        None, description="Forward retell webhook\nExample: `true` or `false`"
    )
    is_send_emails_enabled: bool | None = Field(
        None, description="Is send emails enabled\nExample: `true` or `false`"
    )
    rubric_config: Any = Field(
        None,
        description='Project-level scoring rubric for evaluating call success. Each call log produced under this project is run against the rubric and gets a single pass/fail outcome based on its metric results.\n\nIMPORTANT (read before writing):\n- NEVER blindly overwrite this field. Always first GET the project, read the existing `rubric_config`, then merge in only the rule(s) you intend to add/update, and PATCH the full merged value. Sending a partial value will silently delete every rule you did not include.\n\nStructure:\n- `evaluation_logic`: MUST be `"and"`. All rules have to pass for a call to be marked successful. (Other values are not supported by the product currently.)\n- `rules`: List of rules. Use one rule per (metric, condition) — keep each rule simple, with a single condition inside.\n\nEach rule shape:\n```json\n{\n    "metric_id": <metric id>,\n    "conditions": {\n        "operator": "and",\n        "conditions": [\n            {"field": <field>, "op": <op>, "value": <value>}\n        ]\n    }\n}\n```\n\nWhat `field`, `op`, and `value` to use depends on the metric type. The three supported cases:\n\n1. Numeric / score metrics (qualitative scores, numeric metrics, workflow adherence with a score, etc.):\n   - `field`: `"score"`\n   - `op`: one of `"gt"`, `"gte"`, `"lt"`, `"lte"`, `"eq"`\n   - `value`: a number (qualitative scores are on a 0–5 scale)\n   - Example (score must be at least 4): `{"field": "score", "op": "gte", "value": 4}`\n\n2. Boolean / binary metrics (eval_type `binary`, or `evaluate_expected_outcome`):\n   - `field`: `"score"`\n   - `op`: `"eq"` or `"neq"`\n   - `value`: `true` for pass, `false` for fail\n   - Example (must pass): `{"field": "score", "op": "eq", "value": true}`\n   - Example (must fail): `{"field": "score", "op": "eq", "value": false}`\n   - Legacy values `5` (pass) and `0` (fail) are still accepted for back-compat but new rules should use bool.\n\n3. Enum metrics (eval_type `enum`, or `observability_topics` / `observability_dropoff`):\n   - `field`: `"enum"`\n   - `op`: `"eq"`, `"neq"`, or `"in"`\n   - `value`: a single string for `eq`/`neq`, or a list of strings for `in`. Must match one of the metric\'s defined `enum_values`.\n   - Example: `{"field": "enum", "op": "eq", "value": "resolved"}`\n   - Example (any of): `{"field": "enum", "op": "in", "value": ["resolved", "partially_resolved"]}`\n\nFull example:\n```json\n{\n    "evaluation_logic": "and",\n    "rules": [\n        {\n            "metric_id": 115164,\n            "conditions": {\n                "operator": "and",\n                "conditions": [\n                    {"op": "eq", "field": "score", "value": true}\n                ]\n            }\n        },\n        {\n            "metric_id": 5512,\n            "conditions": {\n                "operator": "and",\n                "conditions": [\n                    {"op": "gte", "field": "score", "value": 4}\n                ]\n            }\n        },\n        {\n            "metric_id": 8821,\n            "conditions": {\n                "operator": "and",\n                "conditions": [\n                    {"op": "in", "field": "enum", "value": ["resolved", "partially_resolved"]}\n                ]\n            }\n        }\n    ]\n}\n```\n\nNotes:\n- `metric_id` must reference a metric belonging to this project (project-scoped or agent-scoped under this project); unknown ids are rejected.\n- Rules whose metric did not produce a value on a given call are skipped (neither pass nor fail) and do not affect the outcome.\n- Pass an empty object `{}` to clear the rubric.',
    )
    timezone: str | None = Field(None, description="Project Timezone")
    vapi_api_key_configured: str | None = None
    vapi_public_key_configured: str | None = None
    retell_api_key_configured: str | None = None
    syntflow_api_key_configured: str | None = None
    elevenlabs_api_key_configured: str | None = None
    livekit_api_key_configured: str | None = None
    pipecat_api_key_configured: str | None = None
    is_deleted: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None


class ProjectWrite(WriteModel):
    """Project"""

    name: str | None = Field(None, description='Name of the project\nExample: `"Default Project"`')
    organization_id: int | None = Field(
        None,
        description="ID of the organization to create the project under. Required when authenticating as a user (you must be an admin of that organization); omit it when using an organization-scoped API key, where the organization is inferred from the key.",
    )
    outbound_timeout: int | None = Field(
        None, description="Outbound timeout in seconds\nExample: `300`"
    )
    max_call_duration: int | None = Field(
        None, description="Max call duration in seconds\nExample: `300`"
    )
    min_call_duration: int | None = Field(
        None, description="Min call duration in seconds\nExample: `30`"
    )
    sample_rate: float | None = Field(
        None,
        description="Metric sampling rate (0.0 to 1.0). Default is 1.0 (100% of calls).\nExample: `0.5` (50%), `0.1` (10%), `0.001` (0.1%)",
    )
    max_messages_chat_runs_limit: int | None = Field(
        None, description="Max messages chat runs limit\nExample: `100`"
    )
    webhook_url: str | None = Field(
        None, description='Webhook URL\nExample: `"https://yourdomain.com/webhook"`'
    )
    webhook_secret: str | None = Field(
        None,
        description='Webhook secret. Sent in `X-CEKURA-SECRET` header when invoking `webhook_url`.\nWrite-only — never returned in API responses. Use `webhook_secret_configured`\nto check whether one is set.\nExample: `"your-webhook-secret"`',
    )
    evaluate_relevant_metrics_enabled: bool | None = Field(
        None, description="Evaluate relevant metrics enabled\nExample: `true` or `false`"
    )
    end_call_enabled: bool | None = Field(
        None, description="End call enabled\nExample: `true` or `false`"
    )
    generate_scenario_auto_assign_numbers_enabled: bool | None = Field(
        None,
        description="Generate scenario auto assign numbers enabled\nExample: `true` or `false`",
    )
    enable_client_side_testing: bool | None = Field(
        None, description="Enable client side testing\nExample: `true` or `false`"
    )
    use_provider_transcript: bool | None = Field(
        None,
        description="When true, evaluations use the provider transcript instead of Cekura transcript with provider side tool calls. Defaults to false.",
    )
    should_show_powered_by: bool | None = Field(
        None, description="Should show powered by\nExample: `true` or `false`"
    )
    notify_results_completion: bool | None = Field(
        None, description="Notify on result completion\nExample: `true` or `false`"
    )
    notify_daily_report: bool | None = Field(
        None, description="Notify daily report\nExample: `true` or `false`"
    )
    notify_daily_report_no_calls: bool | None = Field(
        None,
        description="Notify daily report even if there are no calls\nExample: `true` or `false`",
    )
    daily_report_ai_summary_enabled: bool | None = Field(
        None,
        description='Replace the default daily report data dump with an AI-narrated Top Issues\nsection in Slack and email. Off by default. When on, Slack also exposes a\n"Show more" button that opens a modal with the legacy detail sections.\nExample: `true` or `false`',
    )
    notify_cron_failure: bool | None = Field(
        None, description="Notify cron failure\nExample: `true` or `false`"
    )
    notify_cron_success: bool | None = Field(
        None, description="Notify cron success\nExample: `true` or `false`"
    )
    notify_no_calls: bool | None = Field(
        None, description="Notify no calls\nExample: `true` or `false`"
    )
    no_calls_notify_time_period: Any = Field(
        None,
        description='Configuration for no calls notification time periods, timeframes, exception numbers, and agents to exclude\nExample:\n```json\n{\n    "time_zone": "America/New_York",\n    "time_periods": [\n        {\n            "start_time": "09:00",\n            "end_time": "17:00",\n            "time_frame": 30\n        },\n        {\n            "start_time": "18:00",\n            "end_time": "23:59",\n            "time_frame": 60\n        }\n    ],\n    "exception_numbers": ["+15551234567", "+14155552671"],\n    "agents": [1, 10, 90]\n}\n```\nNote:\n- Calls with customer_number in exception_numbers list will be ignored when checking for no calls alert.\n- If agents list is provided and not empty, those specific agents will be excluded from monitoring. All other agents in the project will be monitored. If omitted or empty, all agents in the project will be monitored.',
    )
    notify_daily_report_webhook: bool | None = Field(
        None, description="Notify daily report webhook\nExample: `true` or `false`"
    )
    notify_pre_run_webhook: bool | None = Field(
        None,
        description="Send a webhook at the start of a run (before calls dispatch) to configure the external test sandbox\nExample: `true` or `false`",
    )
    daily_report_dashboard_ids: list[int] | None = Field(
        None,
        description="Dashboard IDs to include as visual snapshots in the daily report\nExample: `[1, 2, 3]`",
    )
    notify_result_webhook_failed: bool | None = Field(
        None, description="Notify result webhook failed\nExample: `true` or `false`"
    )
    notify_result_webhook_success: bool | None = Field(
        None, description="Notify result webhook success\nExample: `true` or `false`"
    )
    notify_result_webhook_error: bool | None = Field(
        None,
        description="Notify result webhook for error runs (runs with error_message)\nExample: `true` or `false`",
    )
    notify_cronjob_webhook_failed: bool | None = Field(
        None, description="Notify cronjob webhook failed\nExample: `true` or `false`"
    )
    notify_cronjob_webhook_success: bool | None = Field(
        None, description="Notify cronjob webhook success\nExample: `true` or `false`"
    )
    notify_cronjob_webhook_error: bool | None = Field(
        None,
        description="Notify cronjob webhook for error runs (runs with error_message)\nExample: `true` or `false`",
    )
    notify_call_log_webhook_failed: bool | None = Field(
        None, description="Notify call log webhook failed\nExample: `true` or `false`"
    )
    notify_call_log_webhook_success: bool | None = Field(
        None, description="Notify call log webhook success\nExample: `true` or `false`"
    )
    notify_frequent_calls_for_number: bool | None = None
    frequent_calls_threshold: int | None = Field(None, ge=-2147483648, le=2147483647)
    frequent_calls_time_period: int | None = Field(None, ge=-2147483648, le=2147483647)
    frequent_calls_cooldown: int | None = Field(None, ge=-2147483648, le=2147483647)
    forward_vapi_webhook: bool | None = Field(
        None, description="Forward vapi webhook\nExample: `true` or `false`"
    )
    forward_retell_webhook: bool | None = Field(
        None, description="Forward retell webhook\nExample: `true` or `false`"
    )
    is_send_emails_enabled: bool | None = Field(
        None, description="Is send emails enabled\nExample: `true` or `false`"
    )
    rubric_config: Any = Field(
        None,
        description='Project-level scoring rubric for evaluating call success. Each call log produced under this project is run against the rubric and gets a single pass/fail outcome based on its metric results.\n\nIMPORTANT (read before writing):\n- NEVER blindly overwrite this field. Always first GET the project, read the existing `rubric_config`, then merge in only the rule(s) you intend to add/update, and PATCH the full merged value. Sending a partial value will silently delete every rule you did not include.\n\nStructure:\n- `evaluation_logic`: MUST be `"and"`. All rules have to pass for a call to be marked successful. (Other values are not supported by the product currently.)\n- `rules`: List of rules. Use one rule per (metric, condition) — keep each rule simple, with a single condition inside.\n\nEach rule shape:\n```json\n{\n    "metric_id": <metric id>,\n    "conditions": {\n        "operator": "and",\n        "conditions": [\n            {"field": <field>, "op": <op>, "value": <value>}\n        ]\n    }\n}\n```\n\nWhat `field`, `op`, and `value` to use depends on the metric type. The three supported cases:\n\n1. Numeric / score metrics (qualitative scores, numeric metrics, workflow adherence with a score, etc.):\n   - `field`: `"score"`\n   - `op`: one of `"gt"`, `"gte"`, `"lt"`, `"lte"`, `"eq"`\n   - `value`: a number (qualitative scores are on a 0–5 scale)\n   - Example (score must be at least 4): `{"field": "score", "op": "gte", "value": 4}`\n\n2. Boolean / binary metrics (eval_type `binary`, or `evaluate_expected_outcome`):\n   - `field`: `"score"`\n   - `op`: `"eq"` or `"neq"`\n   - `value`: `true` for pass, `false` for fail\n   - Example (must pass): `{"field": "score", "op": "eq", "value": true}`\n   - Example (must fail): `{"field": "score", "op": "eq", "value": false}`\n   - Legacy values `5` (pass) and `0` (fail) are still accepted for back-compat but new rules should use bool.\n\n3. Enum metrics (eval_type `enum`, or `observability_topics` / `observability_dropoff`):\n   - `field`: `"enum"`\n   - `op`: `"eq"`, `"neq"`, or `"in"`\n   - `value`: a single string for `eq`/`neq`, or a list of strings for `in`. Must match one of the metric\'s defined `enum_values`.\n   - Example: `{"field": "enum", "op": "eq", "value": "resolved"}`\n   - Example (any of): `{"field": "enum", "op": "in", "value": ["resolved", "partially_resolved"]}`\n\nFull example:\n```json\n{\n    "evaluation_logic": "and",\n    "rules": [\n        {\n            "metric_id": 115164,\n            "conditions": {\n                "operator": "and",\n                "conditions": [\n                    {"op": "eq", "field": "score", "value": true}\n                ]\n            }\n        },\n        {\n            "metric_id": 5512,\n            "conditions": {\n                "operator": "and",\n                "conditions": [\n                    {"op": "gte", "field": "score", "value": 4}\n                ]\n            }\n        },\n        {\n            "metric_id": 8821,\n            "conditions": {\n                "operator": "and",\n                "conditions": [\n                    {"op": "in", "field": "enum", "value": ["resolved", "partially_resolved"]}\n                ]\n            }\n        }\n    ]\n}\n```\n\nNotes:\n- `metric_id` must reference a metric belonging to this project (project-scoped or agent-scoped under this project); unknown ids are rejected.\n- Rules whose metric did not produce a value on a given call are skipped (neither pass nor fail) and do not affect the outcome.\n- Pass an empty object `{}` to clear the rubric.',
    )
    timezone: str | None = Field(None, description="Project Timezone")
    vapi_api_key: str | None = Field(
        None,
        description='VAPI Private API Key. Used for all VAPI operations (calls, chat, and testing).\nExample: `"vapi_api_key_123"`',
    )
    retell_api_key: str | None = Field(
        None, description='Retell API key\nExample: `"retell_api_key_123"`'
    )
    syntflow_api_key: str | None = Field(
        None, description='Syntflow API key\nExample: `"syntflow_api_key_123"`'
    )
    elevenlabs_api_key: str | None = Field(
        None, description='ElevenLabs API key\nExample: `"elevenlabs_api_key_123"`'
    )
    livekit_api_key: str | None = Field(
        None, description='LiveKit API key\nExample: `"livekit_api_key_123"`'
    )
    pipecat_api_key: str | None = Field(
        None, description='Pipecat/Daily.co API key\nExample: `"pipecat_api_key_123"`'
    )
    is_deleted: bool | None = None
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["name"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "daily_report_ai_summary_enabled",
            "daily_report_dashboard_ids",
            "elevenlabs_api_key",
            "enable_client_side_testing",
            "end_call_enabled",
            "evaluate_relevant_metrics_enabled",
            "forward_retell_webhook",
            "forward_vapi_webhook",
            "frequent_calls_cooldown",
            "frequent_calls_threshold",
            "frequent_calls_time_period",
            "generate_scenario_auto_assign_numbers_enabled",
            "is_deleted",
            "is_send_emails_enabled",
            "livekit_api_key",
            "max_call_duration",
            "max_messages_chat_runs_limit",
            "min_call_duration",
            "name",
            "notify_call_log_webhook_failed",
            "notify_call_log_webhook_success",
            "notify_cron_failure",
            "notify_cron_success",
            "notify_cronjob_webhook_error",
            "notify_cronjob_webhook_failed",
            "notify_cronjob_webhook_success",
            "notify_daily_report",
            "notify_daily_report_no_calls",
            "notify_daily_report_webhook",
            "notify_frequent_calls_for_number",
            "notify_no_calls",
            "notify_pre_run_webhook",
            "notify_result_webhook_error",
            "notify_result_webhook_failed",
            "notify_result_webhook_success",
            "notify_results_completion",
            "organization_id",
            "outbound_timeout",
            "pipecat_api_key",
            "retell_api_key",
            "sample_rate",
            "should_show_powered_by",
            "syntflow_api_key",
            "timezone",
            "use_provider_transcript",
            "vapi_api_key",
            "webhook_secret",
            "webhook_url",
        ]
    )


class PatchedProjectWrite(WriteModel):
    """PatchedProject"""

    name: str | None = Field(None, description='Name of the project\nExample: `"Default Project"`')
    organization_id: int | None = Field(
        None,
        description="ID of the organization to create the project under. Required when authenticating as a user (you must be an admin of that organization); omit it when using an organization-scoped API key, where the organization is inferred from the key.",
    )
    outbound_timeout: int | None = Field(
        None, description="Outbound timeout in seconds\nExample: `300`"
    )
    max_call_duration: int | None = Field(
        None, description="Max call duration in seconds\nExample: `300`"
    )
    min_call_duration: int | None = Field(
        None, description="Min call duration in seconds\nExample: `30`"
    )
    sample_rate: float | None = Field(
        None,
        description="Metric sampling rate (0.0 to 1.0). Default is 1.0 (100% of calls).\nExample: `0.5` (50%), `0.1` (10%), `0.001` (0.1%)",
    )
    max_messages_chat_runs_limit: int | None = Field(
        None, description="Max messages chat runs limit\nExample: `100`"
    )
    webhook_url: str | None = Field(
        None, description='Webhook URL\nExample: `"https://yourdomain.com/webhook"`'
    )
    webhook_secret: str | None = Field(
        None,
        description='Webhook secret. Sent in `X-CEKURA-SECRET` header when invoking `webhook_url`.\nWrite-only — never returned in API responses. Use `webhook_secret_configured`\nto check whether one is set.\nExample: `"your-webhook-secret"`',
    )
    evaluate_relevant_metrics_enabled: bool | None = Field(
        None, description="Evaluate relevant metrics enabled\nExample: `true` or `false`"
    )
    end_call_enabled: bool | None = Field(
        None, description="End call enabled\nExample: `true` or `false`"
    )
    generate_scenario_auto_assign_numbers_enabled: bool | None = Field(
        None,
        description="Generate scenario auto assign numbers enabled\nExample: `true` or `false`",
    )
    enable_client_side_testing: bool | None = Field(
        None, description="Enable client side testing\nExample: `true` or `false`"
    )
    use_provider_transcript: bool | None = Field(
        None,
        description="When true, evaluations use the provider transcript instead of Cekura transcript with provider side tool calls. Defaults to false.",
    )
    should_show_powered_by: bool | None = Field(
        None, description="Should show powered by\nExample: `true` or `false`"
    )
    notify_results_completion: bool | None = Field(
        None, description="Notify on result completion\nExample: `true` or `false`"
    )
    notify_daily_report: bool | None = Field(
        None, description="Notify daily report\nExample: `true` or `false`"
    )
    notify_daily_report_no_calls: bool | None = Field(
        None,
        description="Notify daily report even if there are no calls\nExample: `true` or `false`",
    )
    daily_report_ai_summary_enabled: bool | None = Field(
        None,
        description='Replace the default daily report data dump with an AI-narrated Top Issues\nsection in Slack and email. Off by default. When on, Slack also exposes a\n"Show more" button that opens a modal with the legacy detail sections.\nExample: `true` or `false`',
    )
    notify_cron_failure: bool | None = Field(
        None, description="Notify cron failure\nExample: `true` or `false`"
    )
    notify_cron_success: bool | None = Field(
        None, description="Notify cron success\nExample: `true` or `false`"
    )
    notify_no_calls: bool | None = Field(
        None, description="Notify no calls\nExample: `true` or `false`"
    )
    no_calls_notify_time_period: Any = Field(
        None,
        description='Configuration for no calls notification time periods, timeframes, exception numbers, and agents to exclude\nExample:\n```json\n{\n    "time_zone": "America/New_York",\n    "time_periods": [\n        {\n            "start_time": "09:00",\n            "end_time": "17:00",\n            "time_frame": 30\n        },\n        {\n            "start_time": "18:00",\n            "end_time": "23:59",\n            "time_frame": 60\n        }\n    ],\n    "exception_numbers": ["+15551234567", "+14155552671"],\n    "agents": [1, 10, 90]\n}\n```\nNote:\n- Calls with customer_number in exception_numbers list will be ignored when checking for no calls alert.\n- If agents list is provided and not empty, those specific agents will be excluded from monitoring. All other agents in the project will be monitored. If omitted or empty, all agents in the project will be monitored.',
    )
    notify_daily_report_webhook: bool | None = Field(
        None, description="Notify daily report webhook\nExample: `true` or `false`"
    )
    notify_pre_run_webhook: bool | None = Field(
        None,
        description="Send a webhook at the start of a run (before calls dispatch) to configure the external test sandbox\nExample: `true` or `false`",
    )
    daily_report_dashboard_ids: list[int] | None = Field(
        None,
        description="Dashboard IDs to include as visual snapshots in the daily report\nExample: `[1, 2, 3]`",
    )
    notify_result_webhook_failed: bool | None = Field(
        None, description="Notify result webhook failed\nExample: `true` or `false`"
    )
    notify_result_webhook_success: bool | None = Field(
        None, description="Notify result webhook success\nExample: `true` or `false`"
    )
    notify_result_webhook_error: bool | None = Field(
        None,
        description="Notify result webhook for error runs (runs with error_message)\nExample: `true` or `false`",
    )
    notify_cronjob_webhook_failed: bool | None = Field(
        None, description="Notify cronjob webhook failed\nExample: `true` or `false`"
    )
    notify_cronjob_webhook_success: bool | None = Field(
        None, description="Notify cronjob webhook success\nExample: `true` or `false`"
    )
    notify_cronjob_webhook_error: bool | None = Field(
        None,
        description="Notify cronjob webhook for error runs (runs with error_message)\nExample: `true` or `false`",
    )
    notify_call_log_webhook_failed: bool | None = Field(
        None, description="Notify call log webhook failed\nExample: `true` or `false`"
    )
    notify_call_log_webhook_success: bool | None = Field(
        None, description="Notify call log webhook success\nExample: `true` or `false`"
    )
    notify_frequent_calls_for_number: bool | None = None
    frequent_calls_threshold: int | None = Field(None, ge=-2147483648, le=2147483647)
    frequent_calls_time_period: int | None = Field(None, ge=-2147483648, le=2147483647)
    frequent_calls_cooldown: int | None = Field(None, ge=-2147483648, le=2147483647)
    forward_vapi_webhook: bool | None = Field(
        None, description="Forward vapi webhook\nExample: `true` or `false`"
    )
    forward_retell_webhook: bool | None = Field(
        None, description="Forward retell webhook\nExample: `true` or `false`"
    )
    is_send_emails_enabled: bool | None = Field(
        None, description="Is send emails enabled\nExample: `true` or `false`"
    )
    rubric_config: Any = Field(
        None,
        description='Project-level scoring rubric for evaluating call success. Each call log produced under this project is run against the rubric and gets a single pass/fail outcome based on its metric results.\n\nIMPORTANT (read before writing):\n- NEVER blindly overwrite this field. Always first GET the project, read the existing `rubric_config`, then merge in only the rule(s) you intend to add/update, and PATCH the full merged value. Sending a partial value will silently delete every rule you did not include.\n\nStructure:\n- `evaluation_logic`: MUST be `"and"`. All rules have to pass for a call to be marked successful. (Other values are not supported by the product currently.)\n- `rules`: List of rules. Use one rule per (metric, condition) — keep each rule simple, with a single condition inside.\n\nEach rule shape:\n```json\n{\n    "metric_id": <metric id>,\n    "conditions": {\n        "operator": "and",\n        "conditions": [\n            {"field": <field>, "op": <op>, "value": <value>}\n        ]\n    }\n}\n```\n\nWhat `field`, `op`, and `value` to use depends on the metric type. The three supported cases:\n\n1. Numeric / score metrics (qualitative scores, numeric metrics, workflow adherence with a score, etc.):\n   - `field`: `"score"`\n   - `op`: one of `"gt"`, `"gte"`, `"lt"`, `"lte"`, `"eq"`\n   - `value`: a number (qualitative scores are on a 0–5 scale)\n   - Example (score must be at least 4): `{"field": "score", "op": "gte", "value": 4}`\n\n2. Boolean / binary metrics (eval_type `binary`, or `evaluate_expected_outcome`):\n   - `field`: `"score"`\n   - `op`: `"eq"` or `"neq"`\n   - `value`: `true` for pass, `false` for fail\n   - Example (must pass): `{"field": "score", "op": "eq", "value": true}`\n   - Example (must fail): `{"field": "score", "op": "eq", "value": false}`\n   - Legacy values `5` (pass) and `0` (fail) are still accepted for back-compat but new rules should use bool.\n\n3. Enum metrics (eval_type `enum`, or `observability_topics` / `observability_dropoff`):\n   - `field`: `"enum"`\n   - `op`: `"eq"`, `"neq"`, or `"in"`\n   - `value`: a single string for `eq`/`neq`, or a list of strings for `in`. Must match one of the metric\'s defined `enum_values`.\n   - Example: `{"field": "enum", "op": "eq", "value": "resolved"}`\n   - Example (any of): `{"field": "enum", "op": "in", "value": ["resolved", "partially_resolved"]}`\n\nFull example:\n```json\n{\n    "evaluation_logic": "and",\n    "rules": [\n        {\n            "metric_id": 115164,\n            "conditions": {\n                "operator": "and",\n                "conditions": [\n                    {"op": "eq", "field": "score", "value": true}\n                ]\n            }\n        },\n        {\n            "metric_id": 5512,\n            "conditions": {\n                "operator": "and",\n                "conditions": [\n                    {"op": "gte", "field": "score", "value": 4}\n                ]\n            }\n        },\n        {\n            "metric_id": 8821,\n            "conditions": {\n                "operator": "and",\n                "conditions": [\n                    {"op": "in", "field": "enum", "value": ["resolved", "partially_resolved"]}\n                ]\n            }\n        }\n    ]\n}\n```\n\nNotes:\n- `metric_id` must reference a metric belonging to this project (project-scoped or agent-scoped under this project); unknown ids are rejected.\n- Rules whose metric did not produce a value on a given call are skipped (neither pass nor fail) and do not affect the outcome.\n- Pass an empty object `{}` to clear the rubric.',
    )
    timezone: str | None = Field(None, description="Project Timezone")
    vapi_api_key: str | None = Field(
        None,
        description='VAPI Private API Key. Used for all VAPI operations (calls, chat, and testing).\nExample: `"vapi_api_key_123"`',
    )
    retell_api_key: str | None = Field(
        None, description='Retell API key\nExample: `"retell_api_key_123"`'
    )
    syntflow_api_key: str | None = Field(
        None, description='Syntflow API key\nExample: `"syntflow_api_key_123"`'
    )
    elevenlabs_api_key: str | None = Field(
        None, description='ElevenLabs API key\nExample: `"elevenlabs_api_key_123"`'
    )
    livekit_api_key: str | None = Field(
        None, description='LiveKit API key\nExample: `"livekit_api_key_123"`'
    )
    pipecat_api_key: str | None = Field(
        None, description='Pipecat/Daily.co API key\nExample: `"pipecat_api_key_123"`'
    )
    is_deleted: bool | None = None
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "daily_report_ai_summary_enabled",
            "daily_report_dashboard_ids",
            "elevenlabs_api_key",
            "enable_client_side_testing",
            "end_call_enabled",
            "evaluate_relevant_metrics_enabled",
            "forward_retell_webhook",
            "forward_vapi_webhook",
            "frequent_calls_cooldown",
            "frequent_calls_threshold",
            "frequent_calls_time_period",
            "generate_scenario_auto_assign_numbers_enabled",
            "is_deleted",
            "is_send_emails_enabled",
            "livekit_api_key",
            "max_call_duration",
            "max_messages_chat_runs_limit",
            "min_call_duration",
            "name",
            "notify_call_log_webhook_failed",
            "notify_call_log_webhook_success",
            "notify_cron_failure",
            "notify_cron_success",
            "notify_cronjob_webhook_error",
            "notify_cronjob_webhook_failed",
            "notify_cronjob_webhook_success",
            "notify_daily_report",
            "notify_daily_report_no_calls",
            "notify_daily_report_webhook",
            "notify_frequent_calls_for_number",
            "notify_no_calls",
            "notify_pre_run_webhook",
            "notify_result_webhook_error",
            "notify_result_webhook_failed",
            "notify_result_webhook_success",
            "notify_results_completion",
            "organization_id",
            "outbound_timeout",
            "pipecat_api_key",
            "retell_api_key",
            "sample_rate",
            "should_show_powered_by",
            "syntflow_api_key",
            "timezone",
            "use_provider_transcript",
            "vapi_api_key",
            "webhook_secret",
            "webhook_url",
        ]
    )


class DisablePersonalitiesRequestWrite(WriteModel):
    """DisablePersonalitiesRequest"""

    personalities: Any = Field(
        None, description='List of personality IDs, e.g. `[1, 2, 3]`, or the string `"all"`'
    )
    language: str | None = Field(
        None, description='ISO 639-1 language code to filter personalities, e.g. `"en"`, `"es"`'
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["personalities"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["language"])


class EnablePersonalitiesRequestWrite(WriteModel):
    """EnablePersonalitiesRequest"""

    personalities: Any = Field(
        None, description='List of personality IDs, e.g. `[1, 2, 3]`, or the string `"all"`'
    )
    language: str | None = Field(
        None, description='ISO 639-1 language code to filter personalities, e.g. `"en"`, `"es"`'
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["personalities"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["language"])


class PaginatedOrganizationList(ReadModel):
    """PaginatedOrganizationList"""

    count: int
    next: str | None = None
    previous: str | None = None
    results: list[Organization]


class SchemaPostRunScenariosTextWrite(WriteModel):
    """Schema for the run_scenarios_text endpoint, which runs scenarios in text mode"""

    agent_id: int | None = Field(None, description="ID of the agent to run evaluators for")
    assistant_id: str | None = Field(
        None,
        description='Alternative to agent ID - the assistant ID to use for this scenario\nExample: `"asst_1234567890"`',
    )
    name: str | None = Field(None, description="Label text for result")
    scenarios: list[int] | None = Field(
        None,
        description="List of evaluator IDs to run. Either scenarios, tags, or folder_path must be provided.\nExample: `[11, 22, 33]`\n\nTo run evaluators by tag or folder, use the `tags` or `folder_path` fields instead.",
    )
    tags: list[str] | None = Field(
        None,
        description='List of tags to filter evaluators to run. Either evaluators or tags must be provided.\nExample: `["tag1", "tag2", "tag3"]`',
    )
    folder_path: str | None = Field(
        None,
        description='Dot-separated folder path to select evaluators from (e.g. `"Sales.Inbound"`).\nMutually exclusive with `scenarios` and `tags`. Requires `project_id`.',
    )
    project_id: int | None = Field(
        None,
        description="Project ID. Required when using `folder_path` (or when passing a folder path string via `scenarios`).\nExample: `1376`",
    )
    frequency: int | None = Field(
        None, ge=1, description="The number of times each evaluator will run\nExample: `1`"
    )
    websocket_url: str | None = Field(
        None,
        description="If provided, the simulated caller connects to this websocket URL instead of using the agent's configured text/SMS gateway. Use for agents that expose a websocket endpoint for text testing. Bypasses the normal `agent.can_run_as_text()` check.",
    )
    websocket_headers: dict[str, Any] | None = Field(
        None,
        description="Headers to send on the websocket connection for this run. Merged over the agent's configured `websocket_headers` — keys provided here win. System `X-VOCERA-*` headers cannot be overridden.",
    )
    personality_ids: list[int] | None = Field(
        None,
        description="List of personality IDs to override for this run. If not provided, uses the scenario's default personality.",
    )
    test_profile_ids: list[int] | None = Field(
        None,
        description="List of test profile IDs to override for this run. If not provided, uses the scenario's default test profile.",
    )
    agent_number: str | None = Field(
        None,
        description='Override the phone number from which the agent under test receives the call during outbound runs.\nThis allows overriding the default agent contact number for testing purposes.\nExample: "+1234567890"',
    )
    outbound_phone_number: str | None = Field(
        None,
        description='Override the phone number to use for outbound calls.\nExample: "+1234567890"',
    )
    concurrency_limit: int | None = Field(
        None,
        ge=1,
        description="Cap on the number of evaluator runs executed in parallel. Default: unbounded (subject to your provider's rate limits).\nUse this to avoid hitting provider rate limits on large frequency or folder runs.\nExample: `5`",
    )
    mock_tool_names: list[str] | None = Field(
        None,
        description='Names of mock tools to activate for this run. Cekura swaps those tools\' URLs to mock endpoints while the\nrun is active and restores the originals when it finishes. Omit (or send null) to mock every tool\nconfigured on the agent; send an empty list to mock none so every tool keeps its original endpoint.\nExample: `["get_appointments", "cancel_booking"]`',
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "agent_id",
            "agent_number",
            "assistant_id",
            "concurrency_limit",
            "folder_path",
            "frequency",
            "mock_tool_names",
            "name",
            "outbound_phone_number",
            "project_id",
            "scenarios",
            "tags",
            "websocket_headers",
            "websocket_url",
        ]
    )


class ScenariosRunText2201Runs(ReadModel):
    """ScenariosRunText2201Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunText2201(ReadModel):
    """ScenariosRunText2201"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunText2201Runs] | None = None
    created_at: datetime | None = None


class ScenariosRunText201Runs(ReadModel):
    """ScenariosRunText201Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunText201(ReadModel):
    """ScenariosRunText201"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunText201Runs] | None = None
    created_at: datetime | None = None


class ScenariosRunText3201Runs(ReadModel):
    """ScenariosRunText3201Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunText3201(ReadModel):
    """ScenariosRunText3201"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunText3201Runs] | None = None
    created_at: datetime | None = None


class Result(ReadModel):
    """Result"""

    id: int | None = Field(None, description="Unique identifier for the Result\nExample: `123`")
    name: str = Field(description='Name of the Result\nExample: `"Test Result 1"`')
    agent: int | None = Field(
        None, description="ID of the AI agent that was tested\nExample: `123`"
    )
    agent_name: str | None = Field(
        None, description='Name of the AI agent that was tested\nExample: `"Test Agent 1"`'
    )
    agent_inbound: bool | None = Field(
        None,
        description="Whether the agent is configured for inbound calls (true) or outbound calls (false)\nExample: `true` or `false`",
    )
    status: (
        Literal[
            "running",
            "completed",
            "failed",
            "pending",
            "in_progress",
            "evaluating",
            "in_queue",
            "timeout",
            "cancelled",
            "scaling_up",
        ]
        | None
    ) = Field(
        None,
        description="Current status of the result\n\n\n* `running` - Running\n* `completed` - Completed\n* `failed` - Failed\n* `pending` - Pending\n* `in_progress` - In Progress\n* `evaluating` - Evaluating\n* `in_queue` - In Queue\n* `timeout` - Timeout\n* `cancelled` - Cancelled\n* `scaling_up` - Scaling Up",
    )
    success_rate: float | None = Field(
        None, description="Success rate of the test runs as a decimal (0.0 to 1.0)"
    )
    run_as_text: bool | None = Field(
        None,
        description="Whether this test was run in text mode instead of voice mode\nExample: `true` or `false`",
    )
    is_cronjob: str | None = Field(
        None,
        description="Whether this result was created by a scheduled cronjob\nExample: `true` or `false`",
    )
    runs: dict[str, Any] | None = Field(
        None,
        description="Run summaries for this result. For full run data including transcripts and metric scores, fetch the result detail endpoint — there `runs` is a dict keyed by run ID.",
    )
    met_expected_outcome_count: str | None = Field(
        None,
        description="Number of test runs that met the expected outcome criteria\nExample: `10`",
    )
    total_expected_outcome_count: str | None = Field(
        None,
        description="Total number of test runs that were evaluated for expected outcomes\nExample: `10`",
    )
    total_runs_count: str | None = Field(
        None, description="Total number of test runs associated with this result\nExample: `10`"
    )
    completed_runs_count: str | None = Field(
        None, description="Number of test runs that have completed successfully\nExample: `10`"
    )
    success_runs_count: str | None = Field(
        None, description="Number of test runs that were marked as successful\nExample: `10`"
    )
    failed_runs_count: str | None = Field(
        None, description="Number of test runs that failed or encountered errors\nExample: `10`"
    )
    scenarios: dict[str, Any] | None = Field(
        None,
        description='List of scenario names used in the test runs for this result\nExample:\n```json\n[\n    {\n        "id": 123,\n        "name": "Scenario 1"\n    },\n    {\n        "id": 456,\n        "name": "Scenario 2"\n    }\n]\n```',
    )
    run_type: str | None = Field(None, description="Run Execution Type")
    agent_version: str | None = Field(
        None, description="The agent version (history record) this result ran against, or null."
    )
    created_at: datetime | None = Field(
        None,
        description="Timestamp when this test result was created\nExample: `2021-01-01 00:00:00`",
    )
    updated_at: datetime | None = Field(
        None, description="Timestamp when this test result was last updated"
    )


class PaginatedResultList(ReadModel):
    """PaginatedResultList"""

    count: int
    next: str | None = None
    previous: str | None = None
    results: list[Result]


class ResultDetailV2(ReadModel):
    """ResultDetailV2"""

    id: int | None = None
    name: str | None = Field(None, description='Name of the result\nExample: `"Test Result 1"`')
    agent: int
    agent_name: str | None = Field(
        None, description="Name of the agent associated with this result"
    )
    agent_version: str | None = Field(
        None, description="The agent version (history record) this result ran against, or null."
    )
    status: (
        Literal[
            "running",
            "completed",
            "failed",
            "pending",
            "in_progress",
            "evaluating",
            "in_queue",
            "timeout",
            "cancelled",
            "scaling_up",
        ]
        | None
    ) = Field(
        None,
        description="Current status of the result\n\n\n* `running` - Running\n* `completed` - Completed\n* `failed` - Failed\n* `pending` - Pending\n* `in_progress` - In Progress\n* `evaluating` - Evaluating\n* `in_queue` - In Queue\n* `timeout` - Timeout\n* `cancelled` - Cancelled\n* `scaling_up` - Scaling Up",
    )
    met_expected_outcome_count: str | None = Field(
        None,
        description="Number of runs that fully met their expected outcomes with a score of 100",
    )
    total_expected_outcome_count: str | None = Field(
        None, description="Total number of runs that had expected outcomes defined"
    )
    success_rate: float | None = Field(None, description="Success rate of the test runs")
    run_as_text: bool | None = Field(
        None,
        description="Whether this test was run in text mode instead of voice mode\nExample: `true` or `false`",
    )
    is_cronjob: str | None = Field(
        None, description="Whether this result was created by a scheduled cronjob"
    )
    runs: dict[str, Any] | None = Field(
        None,
        description='Run objects keyed by run ID string (e.g. {"12345": {...}}). The list endpoint returns `runs` as an array of summaries instead.',
    )
    overall_evaluation: Any = Field(
        None,
        description='Overall evaluation of the test runs\nExample:\n```json\n{\n    "success_rate": "number",\n    "metric_summary": {\n      "metric_id": {\n        "id": "integer",\n        "name": "string",\n        "type": "string",\n        "score": "number",\n        "explanation": "string (optional)",\n        "function_name": "string",\n        "vocera_defined_metric_code": "string (optional)",\n        "p50": "number (for numeric metrics)"\n      }\n    },\n    "worst_performing_metrics": {\n      "binary_adherence": [\n        "array of metric_ids"\n      ]\n    },\n    "numeric_metrics": [\n      {\n        "name": "string",\n        "type": "numeric",\n        "value": "number",\n        "percentiles": {\n          "p50": "number"\n        }\n      }\n    ],\n    "enum_metrics": [\n      "array of metric_ids"\n    ],\n    "extra_metrics": [\n      {\n        "name": "string (e.g., \'Expected Outcome\', \'Average Ringing Duration\')",\n        "type": "string",\n        "value": "number",\n        "percentiles": {\n          "p50": "number (optional)"\n        }\n      }\n    ]\n}',
    )
    total_duration: str | None = Field(
        None, description="Total duration of the test runs for this result\nExample: `22:30`"
    )
    total_runs_count: str | None = Field(
        None, description="Total number of test runs associated with this result\nExample: `10`"
    )
    completed_runs_count: str | None = Field(
        None, description="Number of test runs that have completed successfully\nExample: `10`"
    )
    success_runs_count: str | None = Field(
        None, description="Number of test runs that were marked as successful\nExample: `10`"
    )
    failed_runs_count: str | None = Field(
        None, description="Number of test runs that failed or encountered errors\nExample: `10`"
    )
    connected_runs: str | None = Field(
        None,
        description="List of run IDs that got connected successfully (have transcript data). Returns empty list if no connected runs.",
    )
    not_connected_runs: str | None = Field(
        None,
        description="List of run IDs that never connected (no transcript data). Returns empty list if every run connected.",
    )
    failed_infrastructure_runs: str | None = Field(
        None,
        description="List of run IDs that failed infrastructure issues metric (score=0). Returns null if metric not found, empty list if metric exists but no failures.",
    )
    failed_workflow_runs: str | None = Field(
        None,
        description="List of run IDs that failed expected outcome metric (score=0). Returns null if metric not found, empty list if metric exists but no failures.",
    )
    successful_calls: str | None = Field(
        None,
        description="List of run IDs that completed successfully. Returns empty list if no successful runs.",
    )
    scenarios: str | None = Field(
        None,
        description='List of scenario names used in the test runs for this result\nExample: ```\n```json\n[\n    {\n        "id": 123,\n        "name": "Scenario 1"\n    },\n    {\n        "id": 456,\n        "name": "Scenario 2"\n    }\n]\n```',
    )
    critical_categories: str | None = Field(
        None,
        description='List of critical categories for this result\nExample:\n```json\n[\n    {\n      "id": 2950,\n      "name": "Pronunciation Analysis",\n      "eval_type": "continuous_qualitative",\n      "simulation_enabled": true,\n      "observability_enabled": true\n    },\n    {\n      "id": 3284,\n      "name": "Latency",\n      "eval_type": "numeric",\n      "simulation_enabled": true,\n      "observability_enabled": false\n    },\n    {\n      "id": 3295,\n      "name": "Detect Silence in Conversation",\n      "eval_type": "binary",\n      "simulation_enabled": true,\n      "observability_enabled": true\n    }\n  ]\n```',
    )
    metrics: str | None = None
    runs_by_tags: str | None = None
    latency_data: str | None = None
    failed_reasons: Any = Field(
        None,
        description='Failed reasons of the test runs\nExample:\n```json\n{\n    "issues": [\n      {\n        "rank": 1,\n        "run_ids": [\n          34588\n        ],\n        "description": "The agent did not provide the standard greeting, emergency disclaimer, or ask how they could help.",\n        "affected_count": 1\n      },\n      {\n        "rank": 2,\n        "run_ids": [\n          34588\n        ],\n        "description": "The agent did not explain the distinction between the primary care and express clinics.",\n        "affected_count": 1\n      }\n    ],\n    "total_failed_runs": 1\n  }\n```',
    )
    ai_summary: Any = Field(
        None,
        description='LLM-generated narrative summary of the result, structured for the Results-page UI.\nExample:\n```json\n{\n    "what_happened": "8 of 10 runs failed, 2 passed. All 8 failures cluster into 3 distinct causes.",\n    "why_it_happened": "The default test profile isn\'t seeded in the production backend, so every auth-required workflow exits before PIN/address steps run.",\n    "how_to_fix": "Seed the test profile in production, tighten the competitor-mention guardrail, and add CA-only store phrasing to the FAQ flow.",\n    "generated_from_runs_count": 10,\n    "generated_at": "2026-05-25T12:00:00Z"\n}\n```',
    )
    ai_summary_status: str | None = Field(
        None,
        description="Generation state of the async AI summary, derived so the UI can show a reliable state instead of guessing from an empty `ai_summary`. `completed` = summary populated; `skipped_no_failures` = no failed runs, nothing to summarize; `pending` = there are failed runs but the summary isn't ready yet (still generating).",
    )
    next_steps: Any = Field(
        None,
        description='LLM-suggested next steps to fix the issues found in this result, ordered by impact.\nExample:\n```json\n[\n    {"title": "Seed test profile in production", "description": "Unblocks 6 runs; ~5 min."},\n    {"title": "Tighten competitor guardrail", "description": "1 prompt edit; review drift run."}\n]\n```',
    )
    path_coverage: Any = Field(
        None,
        description='Workflow-coverage summary for this result: which of the agent\'s critical paths the\nruns exercised, and which they missed.\nExample:\n```json\n{\n    "coverage_pct": 66.7,\n    "total_paths": 3,\n    "covered_paths": ["Book appointment", "Reschedule appointment"],\n    "uncovered_paths": ["Cancel appointment"],\n    "generated_at": "2026-07-14T12:00:00Z"\n}\n```',
    )
    performance_metrics: str | None = Field(
        None,
        description="Per-rubric-rule performance breakdown. One entry per rule in the project's rubric_config: metric name, aggregated value across the result's runs, and whether that aggregate meets the rule's conditions.",
    )
    run_type: str | None = Field(None, description="Run Execution Type")
    run_settings: Any = Field(
        None,
        description="Snapshot of the override-relevant request payload (personality_ids, frequency, concurrency_limit, connection-specific overrides, etc.).",
    )
    created_at: datetime | None = Field(
        None,
        description="Timestamp when this test result was created\nExample: `2021-01-01 00:00:00`",
    )
    updated_at: datetime | None = Field(
        None,
        description="Timestamp when this test result was last updated\nExample: `2021-01-01 00:00:00`",
    )


class RunList(ReadModel):
    """Adds outbound dial-window fields read from cekura_metadata."""

    id: int | None = None
    provider_call_id: str | None = Field(
        None, description="Call ID from the Assistant provider\nExample: `call_abc123`"
    )
    trace_id: str | None = Field(
        None, description="OpenTelemetry trace ID (32-char hex). Set when OTel tracing is enabled."
    )
    scenario: int | None = None
    scenario_name: str | None = None
    personality: int | None = None
    personality_name: str | None = None
    result_id: int | None = None
    agent: int | None = None
    agent_name: str | None = None
    duration: str | None = None
    status: (
        Literal[
            "running",
            "completed",
            "failed",
            "pending",
            "in_progress",
            "evaluating",
            "in_queue",
            "timeout",
            "cancelled",
            "scaling_up",
        ]
        | None
    ) = Field(
        None,
        description="* `running` - Running\n* `completed` - Completed\n* `failed` - Failed\n* `pending` - Pending\n* `in_progress` - In Progress\n* `evaluating` - Evaluating\n* `in_queue` - In Queue\n* `timeout` - Timeout\n* `cancelled` - Cancelled\n* `scaling_up` - Scaling Up",
    )
    evaluation_status: (
        Literal["success", "failure", "reviewed_success", "reviewed_failure"] | None
    ) = Field(
        None,
        description="* `success` - Success\n* `failure` - Failure\n* `reviewed_success` - Reviewed Success\n* `reviewed_failure` - Reviewed Failure",
    )
    expected_outcome: dict[str, Any] | None = Field(
        None,
        description="Expected-outcome evaluation. Supports key selection — `?ql={expected_outcome{score}}` omits the explanation and alignment arrays.",
    )
    success: bool | None = Field(
        None,
        description="Whether this run passed its quality evaluation. false means either the call failed to connect or an evaluation check did not pass. Check `error_message` for connection failures and `evaluation` for check results.",
    )
    timestamp: datetime | None = None
    executed_at: datetime | None = None
    metadata: dict[str, Any] | None = Field(
        None,
        description="Provider call metadata. Supports key selection — `?ql={metadata{ended_reason,ringing_duration}}` returns only those keys instead of the full provider payload.",
    )
    outbound_number: str | None = None
    inbound_number: str | None = None
    critical_categories: str | None = None
    metrics: str | None = None
    error_message: str | None = None
    run_as_text: bool | None = None
    test_profile_name: str | None = None
    agent_number: str | None = Field(
        None,
        description="Override the phone number from which the agent under test receives the call during outbound runs.\nThis allows overriding the default agent contact number for testing purposes.\nExample: `+1234567890`",
    )
    run_type: str | None = Field(None, description="Run Execution Type")
    agent_version: str | None = Field(
        None,
        description="The agent version (history record) this run's result ran against, or null.",
    )
    outbound_dial_window_opens_at: str | None = Field(
        None,
        description="ISO timestamp when the outbound dial window opened. Null until the run reaches pending/waiting-for-call.",
    )
    outbound_dial_window_seconds: str | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: str | None = Field(
        None,
        description="ISO timestamp when the outbound dial window closes. Null until the window opens.",
    )


class PaginatedRunListList(ReadModel):
    """PaginatedRunListList"""

    count: int
    next: str | None = None
    previous: str | None = None
    results: list[RunList]


class OutcomeAlignment(ReadModel):
    """OutcomeAlignment"""

    outcome: str = Field(description="Outcome of the expected outcome")
    prompt_part: str = Field(description="Prompt part of the expected outcome")
    aligned: bool = Field(description="Whether the outcome aligns with the prompt part")


class ExpectedOutcome(ReadModel):
    """ExpectedOutcome"""

    score: float = Field(description="Score of the expected outcome")
    explanation: list[str]
    outcome_alignments: list[OutcomeAlignment]


class CallLogListSerializerMetricsWithExplanation(ReadModel):
    """CallLogListSerializerMetricsWithExplanation"""

    id: int = Field(description="Metric ID")
    name: str = Field(description="Metric name")
    type: str = Field(description="Metric type")
    score: float = Field(description="Evaluated metric score, Present if metrictype is not enum")
    enum: str = Field(description="Metric enum, Present if type is enum")
    value: str = Field(description="Evaluated metric value, Present if metric type is enum")
    explanation: list[str]
    extra: dict[str, Any] = Field(description="Evaluated metric extra data")


class Evaluation(ReadModel):
    """Evaluation"""

    metrics: list[CallLogListSerializerMetricsWithExplanation]


class RunListTranscriptObject(ReadModel):
    """RunListTranscriptObject"""

    role: str = Field(description="Role of the message")
    content: str = Field(description="Content of the message")
    timestamp: float = Field(description="Timestamp of the message")
    normalized_content: str = Field(description="Backend comparison key for the full turn")
    comparison_spans: list[Any] = Field(
        description="Raw multilingual-number spans with backend comparison keys"
    )


class RunListCriticalCategories(ReadModel):
    """RunListCriticalCategories"""

    category_id: int = Field(description="Category ID")
    category: str = Field(description="Category name")
    deviation: float = Field(description="Deviation")
    wrongly_marked: bool = Field(description="Whether the category was wrongly marked")
    feedback: str = Field(description="Feedback")
    priority: Literal["critical", "non-critical", "not_a_bug"] = Field(
        description="Priority\n\n* `critical` - Critical\n* `non-critical` - Non Critical\n* `not_a_bug` - Not A Bug"
    )


class TestProfileData(ReadModel):
    """TestProfileData"""

    id: int = Field(description="Test Profile ID")
    name: str = Field(description="Test Profile name")
    information: dict[str, Any] = Field(
        description='Information of the test profile\nExample:\n```json\n{\n    "user_name": "John Doe",\n    "user_email": "john.doe@example.com",\n}\n```'
    )


class Run(ReadModel):
    """Run"""

    id: int | None = None
    provider_call_id: str | None = Field(
        None, description="Call ID from the Assistant provider\nExample: `call_abc123`"
    )
    trace_id: str | None = Field(
        None, description="OpenTelemetry trace ID (32-char hex). Set when OTel tracing is enabled."
    )
    scenario: int | None = None
    scenario_name: str | None = None
    scenario_type: str | None = Field(
        None,
        description="Type of the run's scenario (e.g. instruction, conditional_actions), null if the scenario was deleted",
    )
    personality: int | None = Field(None, description="Personality this run belongs to")
    personality_name: str | None = Field(
        None, description="Name of the personality this run belongs to"
    )
    agent: int | None = Field(None, description="ID of the agent associated with this run")
    agent_name: str | None = Field(None, description="Name of the agent associated with this run")
    agent_version: ExpectedOutcome | None = Field(
        None,
        description="The agent version (history record) this run's result ran against, or null.",
    )
    result_id: int | None = None
    result_name: str | None = Field(None, description="Name of the result this run belongs to")
    expected_outcome_prompt: str | None = None
    expected_outcome: str | None = None
    evaluation: Evaluation | None = Field(None, description="Run Evaluation")
    rubric: Any = Field(
        None,
        description='Detailed rubric evaluation data\nExample:\n```json\n[\n    {\n        "metric_id": 100,\n        "metric_name": "Call Quality",\n        "value": 5,\n        "explanation": ["The response was accurate"],\n        "passed": true,\n        "conditions": "score gte 5",\n        "expected_conditions": {"operator": "and", "conditions": [{"field": "score", "op": "gte", "value": 5}]}\n    }\n]\n```',
    )
    transcript: str | None = Field(
        None,
        description="Full text transcript of the call.\nExample: \n```text\n[00:01] Testing Agent: Hello. \n[00:02] Main Agent: Hello, how can I help you today?\n[00:03] Testing Agent: Well, I mean, sure. What time exactly are we talking about here\n[00:04] Main Agent: 6 PM.\n[00:05] Testing Agent: Great. I'll book that for you. Just a sec.\n[00:06] Main Agent: Okay.\n```",
    )
    transcript_object: list[RunListTranscriptObject] | None = Field(
        None, description="Transcript object"
    )
    duration: str | None = Field(None, description="Duration of the run in MM:SS format")
    voice_recording_url: str | None = Field(
        None, description="URL to access the voice recording of this run"
    )
    email_id: str | None = None
    status: (
        Literal[
            "running",
            "completed",
            "failed",
            "pending",
            "in_progress",
            "evaluating",
            "in_queue",
            "timeout",
            "cancelled",
            "scaling_up",
        ]
        | None
    ) = Field(
        None,
        description="* `running` - Running\n* `completed` - Completed\n* `failed` - Failed\n* `pending` - Pending\n* `in_progress` - In Progress\n* `evaluating` - Evaluating\n* `in_queue` - In Queue\n* `timeout` - Timeout\n* `cancelled` - Cancelled\n* `scaling_up` - Scaling Up",
    )
    evaluation_status: (
        Literal["success", "failure", "reviewed_success", "reviewed_failure"] | None
    ) = Field(
        None,
        description="* `success` - Success\n* `failure` - Failure\n* `reviewed_success` - Reviewed Success\n* `reviewed_failure` - Reviewed Failure",
    )
    metadata: Any = None
    success: bool | None = Field(
        None,
        description="Whether this run passed its quality evaluation. false means either the call failed to connect or an evaluation check did not pass. Check `error_message` for connection failures and `evaluation` for check results.",
    )
    is_reviewed: bool | None = Field(
        None, description="Whether the call has been reviewed.\nExample: `true` or `false`"
    )
    feedback: str | None = None
    timestamp: datetime | None = None
    executed_at: datetime | None = None
    outbound_number: str | None = Field(
        None, description="Phone number used to make the outbound call for this run"
    )
    inbound_number: str | None = Field(
        None, description="Phone number used to receive the inbound call for this run"
    )
    critical_categories: list[RunListCriticalCategories] | None = Field(
        None, description="List of critical evaluation categories and their results for this run"
    )
    error_message: str | None = None
    scenario_instructions: str | None = None
    run_as_text: bool | None = None
    test_profile_data: TestProfileData | None = Field(None, description="Test Profile")
    generated_mock_tool_entries: list[dict[str, Any]] | None = Field(
        None,
        description="Expected mock tool calls for this run's evaluator. Each entry has shape {tool_id, tool_name, new_entry: {input, output}}.",
    )
    mocked_tool_names: list[str] | None = Field(
        None,
        description="Tool names that were mock-enabled for this run's result. Function calls in the transcript matching these names were served by Cekura mocks. Empty if no tools were mocked.",
    )
    provider_call_details: Any = Field(None, description="Details of the call from the provider")
    agent_number: str | None = Field(
        None, description="Phone number of the agent (only for voice inbound calls)"
    )
    testing_channel_index: int | None = Field(
        None, description="The channel index of the testing agent in the audio recording"
    )
    run_type: str | None = Field(None, description="Run Execution Type")
    outbound_dial_window_opens_at: str | None = Field(
        None,
        description="ISO timestamp when the outbound dial window opened. Null until the run reaches pending/waiting-for-call.",
    )
    outbound_dial_window_seconds: str | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: str | None = Field(
        None,
        description="ISO timestamp when the outbound dial window closes. Null until the window opens.",
    )


class TestSuiteSpecUploadWrite(WriteModel):
    """Accepts a spec as a JSON body or an uploaded file."""

    spec: Any = Field(None, description="The test-suite spec. Use this when posting JSON directly.")
    file: str | None = Field(
        None, description="A .json spec file. Use this instead of 'spec' for uploads."
    )
    agent_id: int | None = Field(
        None,
        description="Agent to test. Overrides 'agent_id' in the spec, letting one spec file run against several environments.",
    )
    name: str | None = Field(
        None, max_length=255, description="Label for this run. Defaults to the spec's suite name."
    )
    channel: Literal["voice", "text", "elevenlabs", "livekit_v2", "pipecat_v2"] | None = Field(
        None,
        description="How to reach the agent: 'voice' for a phone call (the default), 'text' for chat, 'elevenlabs' for an ElevenLabs WebRTC session, or 'livekit_v2' or 'pipecat_v2' for their respective WebRTC sessions.\n\n* `voice` - voice\n* `text` - text\n* `elevenlabs` - elevenlabs\n* `livekit_v2` - livekit_v2\n* `pipecat_v2` - pipecat_v2",
    )
    livekit_data: dict[str, Any] | None = Field(
        None,
        description="Optional LiveKit overrides. These apply only to this run and are not part of the portable test-suite spec.",
    )
    pipecat_data: dict[str, Any] | None = Field(
        None,
        description="Optional Pipecat Cloud overrides. These apply only to this run and are not part of the portable test-suite spec.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        ["agent_id", "channel", "file", "livekit_data", "name", "pipecat_data"]
    )


class ScenariosRunJson2200Runs(ReadModel):
    """ScenariosRunJson2200Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunJson2200(ReadModel):
    """ScenariosRunJson2200"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunJson2200Runs] | None = None
    created_at: datetime | None = None


class ScenariosRunJson200Runs(ReadModel):
    """ScenariosRunJson200Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunJson200(ReadModel):
    """ScenariosRunJson200"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunJson200Runs] | None = None
    created_at: datetime | None = None


class ScenariosRunJson3200Runs(ReadModel):
    """ScenariosRunJson3200Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunJson3200(ReadModel):
    """ScenariosRunJson3200"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunJson3200Runs] | None = None
    created_at: datetime | None = None


class ScenarioWithWebsocketWrite(WriteModel):
    """ScenarioWithWebsocket"""

    scenario: int | None = Field(None, description="Integer ID of the evaluator (scenario) to run.")
    websocket_url: str | None = Field(
        None,
        description="WebSocket URL for this specific scenario (must start with ws:// or wss://). Overrides the agent-level websocket_url for this run only.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["scenario"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["scenario", "websocket_url"])


class RunScenariosWithWebsocketsWrite(WriteModel):
    """RunScenariosWithWebsockets"""

    agent: int | None = Field(
        None, description="Agent to use. Required if none of the scenarios have an agent."
    )
    scenarios: list[ScenarioWithWebsocketWrite] | None = Field(
        None,
        description='List of scenario+websocket pairs. Each element must be an object with two keys: `scenario` (integer evaluator ID) and `websocket_url` (string, ws:// or wss:// URL). Example: [{"scenario": 101, "websocket_url": "wss://agent-a.example.com/chat"}, {"scenario": 102, "websocket_url": "wss://agent-b.example.com/chat"}]',
    )
    frequency: int | None = Field(None, ge=1, le=100, description="Frequency to run")
    mock_tool_names: list[str] | None = Field(
        None,
        description="Names of mock tools to activate for this run. Omit (or send null) to mock every tool configured on the agent; send an empty list to mock none so every tool keeps its original endpoint; send specific names to mock only those. Tools that belong to an MCP server should be selected via the MCP server's name or key, which mocks all of that server's tools as one unit. Legacy MCP sub-tool names are accepted as aliases for the whole parent MCP.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["frequency", "scenarios"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["frequency", "scenarios"])


class ScenariosRunWebsocket2201Runs(ReadModel):
    """ScenariosRunWebsocket2201Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunWebsocket2201(ReadModel):
    """ScenariosRunWebsocket2201"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunWebsocket2201Runs] | None = None
    created_at: datetime | None = None


class ScenariosRunWebsocket201Runs(ReadModel):
    """ScenariosRunWebsocket201Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunWebsocket201(ReadModel):
    """ScenariosRunWebsocket201"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunWebsocket201Runs] | None = None
    created_at: datetime | None = None


class ScenariosRunWebsocket3201Runs(ReadModel):
    """ScenariosRunWebsocket3201Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunWebsocket3201(ReadModel):
    """ScenariosRunWebsocket3201"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunWebsocket3201Runs] | None = None
    created_at: datetime | None = None


class SchemaPostRunScenariosChirpWrite(WriteModel):
    """Schema for the run_scenarios_chirp endpoint (raw-PCM WebSocket voice)."""

    agent_id: int | None = Field(None, description="ID of the agent to run evaluators for")
    assistant_id: str | None = Field(
        None,
        description='Alternative to agent ID - the assistant ID to use for this scenario\nExample: `"asst_1234567890"`',
    )
    scenarios: list[int] | int | str | None = Field(
        None,
        description="List of evaluator IDs to run. Either scenarios, tags, or folder_path must be provided.\nExample: `[11, 22, 33]`\n\nTo run evaluators by tag or folder, use the `tags` or `folder_path` fields instead.",
    )
    tags: list[str] | None = Field(
        None,
        description='List of tags to filter evaluators to run. Either evaluators or tags must be provided.\nExample: `["tag1", "tag2", "tag3"]`',
    )
    folder_path: str | None = Field(
        None,
        description='Dot-separated folder path to select evaluators from (e.g. `"Sales.Inbound"`).\nMutually exclusive with `scenarios` and `tags`. Requires `project_id`.',
    )
    project_id: int | None = Field(
        None,
        description="Project ID. Required when using `folder_path` (or when passing a folder path string via `scenarios`).\nExample: `1376`",
    )
    frequency: int | None = Field(
        None, ge=1, description="The number of times each evaluator will run\nExample: `1`"
    )
    name: str | None = Field(None, description="Label text for result")
    outbound_phone_number: str | None = Field(
        None,
        description='Override the phone number to use for outbound calls.\nExample: "+1234567890"',
    )
    personality_ids: list[int] | None = Field(
        None,
        description="List of personality IDs to override for this run. If not provided, uses the scenario's default personality.\nExample: `[123, 456, 789]`",
    )
    test_profile_ids: list[int] | None = Field(
        None,
        description="List of test profile IDs to override for this run. If not provided, uses the scenario's default test profile.\nExample: `[123, 456, 789]`",
    )
    personality_id: int | None = Field(
        None,
        description="Single personality ID override. Merged into personality_ids; prefer personality_ids for multiple.",
    )
    test_profile_id: int | None = Field(
        None,
        description="Single test profile ID override. Merged into test_profile_ids; prefer test_profile_ids for multiple.",
    )
    mode: Literal["same_number", "different_numbers"] | None = Field(
        None,
        description="Using same or different phone numbers for each evaluation\n\n* `same_number` - same_number\n* `different_numbers` - different_numbers",
    )
    agent_number: str | None = Field(
        None,
        description='Override the phone number from which the agent under test receives the call during outbound runs.\nThis allows overriding the default agent contact number for testing purposes.\nExample: "+1234567890"',
    )
    concurrency_limit: int | None = Field(
        None,
        ge=1,
        description="Cap on the number of evaluator runs executed in parallel. Default: unbounded (subject to your provider's rate limits).\nUse this to avoid hitting provider rate limits on large frequency or folder runs.\nExample: `5`",
    )
    mock_tool_names: list[str] | None = Field(
        None,
        description='Names of mock tools to activate for this run. Cekura swaps those tools\' URLs to mock endpoints while the\nrun is active and restores the originals when it finishes. Omit (or send null) to mock every tool\nconfigured on the agent; send an empty list to mock none so every tool keeps its original endpoint.\nExample: `["get_appointments", "cancel_booking"]`',
    )
    websocket_url: str | None = Field(
        None,
        description="Override the agent's stored raw-PCM WebSocket endpoint (telephony.websocket_url) for this run.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "agent_id",
            "agent_number",
            "assistant_id",
            "concurrency_limit",
            "folder_path",
            "frequency",
            "mock_tool_names",
            "mode",
            "name",
            "outbound_phone_number",
            "project_id",
            "scenarios",
            "tags",
            "websocket_url",
        ]
    )


class ScenariosRunChirp2200Runs(ReadModel):
    """ScenariosRunChirp2200Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunChirp2200(ReadModel):
    """ScenariosRunChirp2200"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunChirp2200Runs] | None = None
    created_at: datetime | None = None


class ScenariosRunChirp200Runs(ReadModel):
    """ScenariosRunChirp200Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunChirp200(ReadModel):
    """ScenariosRunChirp200"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunChirp200Runs] | None = None
    created_at: datetime | None = None


class ScenariosRunChirp3200Runs(ReadModel):
    """ScenariosRunChirp3200Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunChirp3200(ReadModel):
    """ScenariosRunChirp3200"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunChirp3200Runs] | None = None
    created_at: datetime | None = None


class LivekitScenarioWrite(WriteModel):
    """LivekitScenario"""

    scenario: int | None = None
    publish_data_message: Any = None
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["scenario"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["scenario"])


class LivekitRunDataOverrideWrite(WriteModel):
    """Per-run LiveKit overrides. Credentials (api_key/api_secret) are never taken here — they are read from the agent/project ProviderCredential."""

    config: Any = Field(
        None,
        description="Room configuration to use for this run (e.g. empty_timeout, max_participants). Fully replaces the agent/project saved config — no merge.",
    )
    agent_name: str | None = Field(
        None,
        description="LiveKit agent name for explicit dispatch. Overrides the agent/project saved agent_name.",
    )
    url: str | None = Field(
        None,
        description="LiveKit server URL override. Falls back to the agent/project saved url when omitted.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset([])


class RunLivekitScenariosWrite(WriteModel):
    """RunLivekitScenarios"""

    name: str | None = Field(None, description="Optional name for the scenario result")
    frequency: int | None = Field(None, ge=1, le=100, description="Frequency to run")
    scenarios: list[LivekitScenarioWrite] | None = None
    agent: int | None = Field(
        None, description="Agent to use. Required if none of the scenarios have an agent."
    )
    personality_ids: list[int] | None = Field(
        None,
        description="List of personality IDs to override for this run. If not provided, uses the scenario's default personality.",
    )
    test_profile_ids: list[int] | None = Field(
        None,
        description="List of test profile IDs to override for this run. If not provided, uses the scenario's default test profile.",
    )
    mock_tool_names: list[str] | None = Field(
        None,
        description="Names of mock tools to activate for this run. Omit (or send null) to mock every tool configured on the agent; send an empty list to mock none so every tool keeps its original endpoint; send specific names to mock only those. Tools that belong to an MCP server should be selected via the MCP server's name or key, which mocks all of that server's tools as one unit. Legacy MCP sub-tool names are accepted as aliases for the whole parent MCP.",
    )
    livekit_data: LivekitRunDataOverrideWrite | None = Field(
        None,
        description="Per-run LiveKit overrides (config, agent_name, url). Credentials are always read from the agent/project.",
    )
    concurrency_limit: int | None = Field(
        None, description="Optional cap on how many of this run's calls execute concurrently."
    )
    personality_id: int | None = Field(
        None,
        description="Single personality ID override. Merged into personality_ids; prefer personality_ids for multiple.",
    )
    test_profile_id: int | None = Field(
        None,
        description="Single test profile ID override. Merged into test_profile_ids; prefer test_profile_ids for multiple.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["scenarios"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["frequency", "livekit_data", "scenarios"])


class ScenariosRunLivekitV22200Runs(ReadModel):
    """ScenariosRunLivekitV22200Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunLivekitV22200(ReadModel):
    """ScenariosRunLivekitV22200"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunLivekitV22200Runs] | None = None
    created_at: datetime | None = None


class ScenariosRunLivekitV2200Runs(ReadModel):
    """ScenariosRunLivekitV2200Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunLivekitV2200(ReadModel):
    """ScenariosRunLivekitV2200"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunLivekitV2200Runs] | None = None
    created_at: datetime | None = None


class ScenariosRunLivekitV23200Runs(ReadModel):
    """ScenariosRunLivekitV23200Runs"""

    id: int | None = Field(None, description="ID of the run")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the run"
    )
    scenario: int | None = Field(None, description="ID of the scenario")
    number: str | None = Field(
        None,
        description="For outbound runs (agent.inbound=False). The given number that must be called from the phone number configured in the cekura agent.",
    )
    inbound_number: str | None = Field(
        None,
        description="For inbound runs (agent.inbound=True). The agent's configured phone number will receive calls from this number.",
    )
    scenario_name: str | None = Field(None, description="Name of the scenario")
    test_profile_data: dict[str, Any] | None = Field(
        None, description="Details of the test profile associated with this run scenario"
    )
    outbound_dial_window_opens_at: datetime | None = Field(
        None,
        description="When the outbound dial window opened (run transitioned to pending/waiting-for-call). Null until dispatched.",
    )
    outbound_dial_window_seconds: int | None = Field(
        None, description="Duration of the outbound dial window in seconds."
    )
    outbound_dial_window_closes_at: datetime | None = Field(
        None,
        description="Deadline by which your agent must dial the outbound number (opens_at + outbound_dial_window_seconds). Dials after this are dropped and the run returns status: timeout.",
    )


class ScenariosRunLivekitV23200(ReadModel):
    """ScenariosRunLivekitV23200"""

    id: int | None = Field(None, description="ID of the result")
    agent: int | None = Field(None, description="ID of the agent")
    status: Literal["pending", "running", "completed", "failed"] | None = Field(
        None, description="Status of the result"
    )
    run_as_text: bool | None = Field(None, description="Whether the scenario ran as text or not")
    runs: list[ScenariosRunLivekitV23200Runs] | None = None
    created_at: datetime | None = None


class SchemaPostDeleteRunsWrite(WriteModel):
    """SchemaPostDeleteRuns"""

    run_ids: list[int] | None = Field(None, description="List of run IDs to delete")
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["run_ids"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["run_ids"])


class SchemaPostReRunResultDetailWrite(WriteModel):
    """SchemaPostReRunResultDetail"""

    run_ids: list[str] | None = Field(None, description="List of run IDs")
    metric_ids: list[str] | None = Field(None, description="List of metric IDs to evaluate")
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["metric_ids", "run_ids"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["metric_ids", "run_ids"])


class SchemaPostBulkEvaluateResultMetricsWrite(WriteModel):
    """SchemaPostBulkEvaluateResultMetrics"""

    result_ids: list[int] | None = Field(
        None,
        description="Result IDs whose completed/failed runs should be re-evaluated. Maximum 100.",
    )
    metric_ids: list[int] | None = Field(
        None, description="Metric IDs to re-evaluate against every eligible run of each result."
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["metric_ids", "result_ids"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["metric_ids", "result_ids"])


class MarkMetricVoteWrite(WriteModel):
    """MarkMetricVote"""

    metric_id: int | None = Field(None, description="ID of the metric to vote on")
    thumbs_up: bool | None = Field(None, description="True for thumbs up, False for thumbs down")
    expected_value: Any = Field(None, description="Expected value for the metric")
    feedback: str | None = Field(None, description="Feedback for the metric review")
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["expected_value", "metric_id", "thumbs_up"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["metric_id"])


class MarkMetricVoteRunResponse(ReadModel):
    """MarkMetricVoteRunResponse"""

    success: bool


class MetricPreviewDataWrite(WriteModel):
    """MetricPreviewData"""

    name: str | None = Field(None, max_length=255, description="Name of the metric")
    type: Literal["basic", "custom_prompt", "custom_code", "llm_judge"] | None = Field(
        None,
        description="Type of metric: basic, custom_prompt, or custom_code\n\n* `basic` - Basic (Deprecated in favor of LLM Judge)\n* `custom_prompt` - Custom Prompt ( Deprecated in favor of LLM Judge)\n* `custom_code` - Custom Code\n* `llm_judge` - LLM Judge",
    )
    eval_type: Literal["binary", "continuous_qualitative", "numeric", "enum"] | None = Field(
        None,
        description="Evaluation type: binary, continuous_qualitative, numeric, or enum. Legacy values (binary_workflow_adherence, binary_qualitative) are accepted and mapped to binary.\n\n* `binary` - Binary\n* `continuous_qualitative` - Continuous Qualitative\n* `numeric` - Numeric\n* `enum` - Enum",
    )
    evaluation_trigger: Literal["always", "automatic", "custom"] | None = Field(
        None,
        description="When to trigger evaluation: always, automatic, or custom\n\n* `always` - Always\n* `automatic` - Automatic\n* `custom` - Custom",
    )
    trigger_type: Literal["llm_judge", "custom_code"] | None = Field(
        None,
        description="Type of trigger evaluation: llm_judge or custom_code (only used when evaluation_trigger is custom)\n\n* `llm_judge` - LLM Judge\n* `custom_code` - Custom Code",
    )
    evaluation_trigger_prompt: str | None = Field(
        None,
        description="Prompt for evaluation trigger (required for custom trigger with llm_judge)",
    )
    evaluation_trigger_custom_code: str | None = Field(
        None,
        description="Python code for trigger evaluation (required for custom trigger with custom_code)",
    )
    description: str | None = Field(
        None, description="Description of what the metric measures (required for basic type)"
    )
    prompt: str | None = Field(
        None, description="Custom prompt for evaluation (required for custom_prompt type)"
    )
    custom_code: str | None = Field(
        None, description="Python code for custom evaluation (required for custom_code type)"
    )
    enum_values: list[str] | None = Field(
        None, description="List of possible enum values (required when eval_type is enum)"
    )
    audio_enabled: bool | None = Field(
        None, description="Whether the LLM judge must evaluate the source recording"
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["eval_type", "name", "type"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "audio_enabled",
            "custom_code",
            "description",
            "enum_values",
            "eval_type",
            "evaluation_trigger",
            "evaluation_trigger_custom_code",
            "evaluation_trigger_prompt",
            "name",
            "prompt",
            "trigger_type",
            "type",
        ]
    )


class MetricPreviewWrite(WriteModel):
    """MetricPreview"""

    agent_id: int | None = Field(
        None, description="Agent ID - all call logs/runs must belong to this agent"
    )
    project_id: int | None = Field(
        None, description="Project ID - all call logs/runs must belong to this project"
    )
    call_log_ids: list[int] | None = Field(
        None,
        description="List of call log IDs to evaluate (maximum 10, required if run_ids not provided)",
    )
    run_ids: list[int] | None = Field(
        None,
        description="List of run IDs to evaluate (maximum 10, required if call_log_ids not provided)",
    )
    metric_data: MetricPreviewDataWrite | None = Field(
        None, description="Metric configuration to evaluate"
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["metric_data"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        ["agent_id", "call_log_ids", "metric_data", "project_id", "run_ids"]
    )


class CreateCallLogWrite(WriteModel):
    """CreateCallLog"""

    call_id: str | None = Field(
        None,
        max_length=100,
        description='Unique identifier for the call.\nExample: \n- `"call_abc123xyz"`\n- `"stereo_audio_session_456"`',
    )
    trace_id: str | None = Field(
        None,
        max_length=32,
        description='OpenTelemetry trace ID (32-char hex string). Example: "4bf92f3577b34da6a3ce929d0e0e4736"',
    )
    agent: int | None = Field(
        None, description="Agent ID, required if assistant_id not provided\nExample: `2421`"
    )
    assistant_id: str | None = Field(
        None,
        description='Provider\'s Assistant ID, required if agent not provided\nExample: \n- `"asst_abc123xyz"`\n- `"agent_xyz789"`',
    )
    voice_recording: str | None = Field(
        None,
        description='Audio recording file of the call.\nExample: Binary data `"recordings/call_123_20240315.mp3"`',
    )
    voice_recording_url: str | None = Field(
        None,
        description='URL to call recording audio file\nExample: `"https://storage.example.com/recordings/call_123.mp3"`',
    )
    transcript_type: (
        Literal[
            "cekura",
            "vocera",
            "vapi",
            "retell",
            "deepgram",
            "pipecat",
            "livekit",
            "elevenlabs",
            "none-mono",
        ]
        | None
    ) = Field(
        None,
        description='Format of the `transcript_json` payload. Tells Cekura how to parse roles and timestamps.\n\n- `vapi` — Vapi webhook format: `[{"role": "bot"|"user", "message": "...", "time": 0.0}]`\n- `retell` — Retell webhook format\n- `elevenlabs` — ElevenLabs format\n- `livekit` — LiveKit format\n- `pipecat` — Pipecat format\n- `deepgram` — Deepgram format\n- `cekura` (default) — `[{"role": "Testing Agent"|"Main Agent", "content": "...", "start_time": 0.0, "end_time": 2.5}]`. **Valid roles are `"Testing Agent"` and `"Main Agent"` only** — using `"agent"` or `"user"` will return a validation error.\n- `none-mono` — mono audio with no transcript; Cekura generates the transcript automatically.\n\nOmit this field to use the default Cekura format.\n\n* `cekura` - cekura\n* `vocera` - vocera\n* `vapi` - vapi\n* `retell` - retell\n* `deepgram` - deepgram\n* `pipecat` - pipecat\n* `livekit` - livekit\n* `elevenlabs` - elevenlabs\n* `none-mono` - none-mono',
    )
    transcript_json: Any = Field(
        None,
        description='Call transcript in supported format (Vapi, Retell, Deepgram, ElevenLabs, Cekura)\n\nCheck the [Transcript Format](/documentation/advanced/transcript-format) documentation for more details.\n\nCekura Transcript Format Example:\n```json\n[\n   {\n      "role": "Testing Agent",\n      "content": "Hello.",\n      "end_time": 1.9399999,\n      "start_time": 1.4399999\n   },\n   {\n      "role": "Main Agent",\n      "content": "Hello. I want to book appointment today. My name is John.",\n      "end_time": 7.539999511718751,\n      "start_time": 3.1\n   },\n   {\n      "role": "Testing Agent",\n      "content": "Well, I mean, sure. What time exactly are we talking about here",\n      "end_time": 15.71,\n      "start_time": 12.01\n   },\n   {\n      "role": "Main Agent",\n      "content": "6 PM.",\n      "end_time": 18.269999,\n      "start_time": 17.609999\n   }\n]\n```',
    )
    call_ended_reason: str | None = Field(
        None,
        description='Reason why the call ended\nExample: \n- `"customer-ended-call"`\n- `"agent-ended-call"`',
    )
    customer_number: str | None = Field(
        None,
        description='Customer\'s phone number or identifier\nExample: \n- `"+1234567890"`\n- `"customer_abc123"`',
    )
    metadata: Any = Field(
        None,
        description='Additional call metadata\nExample:\n```json\n{\n    "customer_id": "123",\n    "order_id": "ORD-12345",\n    "name": "John Doe"\n}\n```',
    )
    timestamp: str | None = Field(
        None, description="When the call occurred.\nExample: `2024-03-15T10:15:45Z`"
    )
    dynamic_variables: Any = Field(
        None,
        description='Dynamic variables used to replace {{variables}} in agent description.\nExample:\n```json\n{\n    "subscription_id": "SUB-12345",\n    "product_type": "premium"\n}\n```',
    )
    feedback: str | None = Field(
        None, description='Feedback about the call\nExample: `"Great call"`'
    )
    redact_fields: (
        list[
            Literal[
                "person_name",
                "age",
                "phone_number",
                "email_address",
                "date",
                "time",
                "location",
                "origin",
                "gender_sexuality",
                "physical_attribute",
                "occupation",
                "username",
                "password",
                "ip_address",
                "url",
                "filename",
                "event",
                "vehicle_id",
                "dob",
                "healthcare_number",
                "medical_professional",
                "credit_card",
                "account_number",
                "bank_account",
                "money",
                "ssn",
                "passport_number",
                "driver_license",
                "numerical_pii",
            ]
        ]
        | None
    ) = Field(
        None,
        description='Optional list of sensitive fields to redact from the transcript and audio. Overrides the agent\'s configured redaction fields for this call; when omitted, the agent\'s configuration applies.\nAvailable fields include: phone_number, email_address, credit_card, ssn, dob, healthcare_number, etc.\nNote: Redacting any fields incurs a cost of 0.1 credits per minute by default, regardless of how many fields are selected.\nExample: `["phone_number", "email_address", "credit_card"]`',
    )
    metric_ids: str | None = Field(
        None,
        description='Comma-separated metric IDs to evaluate for this call. Example: "118,119". To run metrics after the call is created, use the evaluate_metrics endpoint instead.',
    )
    main_agent_channel_index: int | None = Field(
        None,
        description="Channel index (0 or 1) of the main agent in stereo recordings. When provided, skips automatic channel detection. Example: `0` means channel 0 is the main agent, channel 1 is the customer/testing agent.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["call_id"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "agent",
            "call_id",
            "metric_ids",
            "redact_fields",
            "timestamp",
            "trace_id",
            "transcript_type",
        ]
    )


class CallLogListSerializerMetrics(ReadModel):
    """CallLogListSerializerMetrics"""

    id: int = Field(description="Metric ID")
    name: str = Field(description="Metric name")
    type: str = Field(description="Metric type")
    score: float = Field(description="Evaluated metric score, Present if metrictype is not enum")
    enum: str = Field(description="Metric enum, Present if type is enum")
    value: str = Field(description="Evaluated metric value, Present if metric type is enum")


class CallLogList(ReadModel):
    """CallLogList"""

    id: int | None = None
    duration: str | None = Field(
        None, description="Call duration in minutes in MM:SS format.\nExample: `01:10`"
    )
    success: bool | None = Field(
        None, description="Whether the call was successful.\nExample: `true` or `false`"
    )
    is_reviewed: bool | None = Field(
        None, description="Whether the call has been reviewed.\nExample: `true` or `false`"
    )
    status: Literal["success", "failure", "reviewed_success", "reviewed_failure"] | None = Field(
        None,
        description='Status of the call or conversation.\nExample: `"completed"` or `"failed"`\n\n* `success` - Success\n* `failure` - Failure\n* `reviewed_success` - Reviewed Success\n* `reviewed_failure` - Reviewed Failure',
    )
    feedback: str | None = Field(
        None, description='Feedback about the call.\nExample: `"Great Call"`'
    )
    metrics: list[CallLogListSerializerMetrics] | None = Field(
        None, description="Metrics of the call"
    )
    call_ended_reason: str | None = Field(
        None,
        description='Reason why the call ended.\nExample: \n- `"customer-ended-call"`\n- `"agent-ended-call"`',
    )
    customer_number: str | None = Field(
        None,
        description='Customer\'s phone number or identifier.\nExample: \n- `"+1234567890"`\n- `"customer_abc123"`',
    )
    agent: int | None = Field(None, description="Agent ID")
    agent_name: str | None = Field(None, description="Agent name")
    call_id: str = Field(
        description='Unique identifier for the call.\nExample: \n- `"call_abc123xyz"`\n- `"stereo_audio_session_456"`'
    )
    trace_id: str | None = Field(
        None, description="OpenTelemetry trace ID (32-char hex). Set when OTel tracing is enabled."
    )
    timestamp: datetime | None = Field(
        None, description="When the call occurred.\nExample: `2024-03-15T10:15:45Z`"
    )
    error_message: str | None = None
    dropoff_point: str | None = Field(
        None,
        description='Point in conversation where user disengaged.\nExample: `"end of conversation as no queries remaining"`',
    )
    topic: str | None = Field(
        None,
        description='Topic of the call.\nExample: \n- `"product_inquiry"`\n- `"technical_support"`',
    )
    created_at: datetime | None = Field(
        None, description="When this record was created.\nExample: `2024-03-15T10:30:45Z`"
    )
    updated_at: datetime | None = Field(
        None, description="When this record was last updated.\nExample: `2024-03-15T10:35:11Z`"
    )
    transcript: str | None = Field(
        None,
        description="Full text transcript of the call.\nExample: \n```text\n[00:01] Testing Agent: Hello. \n[00:02] Main Agent: Hello, how can I help you today?\n[00:03] Testing Agent: Well, I mean, sure. What time exactly are we talking about here\n[00:04] Main Agent: 6 PM.\n[00:05] Testing Agent: Great. I'll book that for you. Just a sec.\n[00:06] Main Agent: Okay.\n```",
    )
    transcript_object: str | None = Field(
        None,
        description='Structured transcript data with timestamps.\nExample: \n```json\n[\n    {\n        "role": "Testing Agent",\n        "content": "Hello",\n        "start_time": 1.2,\n        "end_time": 1.8\n    },\n    {\n        "role": "Main Agent",\n        "content": "Hello, how can I help you today?",\n        "start_time": 1.8,\n        "end_time": 2.5\n    }\n]`',
    )
    evaluation: str | None = Field(None, description="Evaluation of the call")


class PaginatedCallLogListList(ReadModel):
    """PaginatedCallLogListList"""

    count: int
    next: str | None = None
    previous: str | None = None
    results: list[CallLogList]


class CallLogCriticalCategories(ReadModel):
    """CallLogCriticalCategories"""

    category_id: int = Field(description="Category ID")
    category: str = Field(description="Category name")
    deviation: float = Field(description="Deviation")
    wrongly_marked: bool = Field(description="Whether the category was wrongly marked")
    feedback: str = Field(description="Feedback")
    priority: Literal["critical", "non-critical", "not_a_bug"] = Field(
        description="Priority\n\n* `critical` - Critical\n* `non-critical` - Non Critical\n* `not_a_bug` - Not A Bug"
    )


class CallLogTranscriptObject(ReadModel):
    """CallLogTranscriptObject"""

    role: str = Field(description="Role of the message")
    content: str = Field(description="Content of the message")
    timestamp: float = Field(description="Timestamp of the message")


class CallLogDetail(ReadModel):
    """CallLogDetail"""

    id: int | None = None
    duration: str | None = Field(
        None, description="Call duration in minutes in MM:SS format.\nExample: `01:10`"
    )
    voice_recording_url: str | None = Field(
        None,
        description='URL to access the voice recording.\nExample: `"https://storage.example.com/recordings/call_123_20240315.mp3"`',
    )
    critical_categories: list[CallLogCriticalCategories] | None = Field(
        None, description="Critical categories from call evaluation"
    )
    transcript_object: list[CallLogTranscriptObject] | None = Field(
        None,
        description='Structured transcript data with timestamps.\nExample: \n```json\n[\n    {\n        "role": "Testing Agent",\n        "content": "Hello",\n        "start_time": 1.2,\n        "end_time": 1.8\n    },\n    {\n        "role": "Main Agent",\n        "content": "Hello, how can I help you today?",\n        "start_time": 1.8,\n        "end_time": 2.5\n    }\n]`',
    )
    status: Literal["success", "failure", "reviewed_success", "reviewed_failure"] | None = Field(
        None,
        description="* `success` - Success\n* `failure` - Failure\n* `reviewed_success` - Reviewed Success\n* `reviewed_failure` - Reviewed Failure",
    )
    agent_id: str | None = Field(None, description="Agent ID.\nExample: `2142`")
    agent_name: str | None = Field(None, description="Agent name")
    evaluation: Evaluation | None = Field(
        None,
        description='Evaluation results for the call.\nExample: \n```json\n{\n    "metrics": [\n        {\n            "id": 35,\n            "name": "Instruction Follow",\n            "type": "binary",\n            "score": 0,\n            "explanation": ["Agent failed to follow the opening script", "Missed key product information"],\n            "vocera_defined_metric_code": "5dedc41b",\n            "function_name": "check_critical_deviations",\n            "extra": {\n                "categories": [\n                    {\n                        "category_id": 5,\n                        "category": "Script Adherence Issue",\n                        "deviation": "Agent deviated from required script",\n                        "priority": "critical"\n                    }\n                ]\n            }\n        },\n        {\n            "id": 18,\n            "name": "Customer Satisfaction",\n            "type": "binary",\n            "score": 5,\n            "explanation": ["Customer expressed satisfaction with service"]\n        }\n    ]\n}\n```',
    )
    metadata: dict[str, Any] | None = Field(
        None,
        description='Additional call metadata.\nExample: \n```json\n{\n    "ended_reason": "customer-ended-call",\n    "ringing_duration": 3.941,\n    "call_type": "inbound"\n}\n```',
    )
    dynamic_variables: dict[str, Any] | None = Field(
        None,
        description='Dynamic Variables used in the call.\nExample: \n```json\n{\n    "customer_name": "John Doe",\n    "order_id": "ORD-12345",\n    "product_type": "premium"\n}\n```',
    )
    testing_channel_index: int | None = Field(
        None, description="The channel index of the testing agent in the audio recording"
    )
    timestamp: datetime | None = Field(
        None, description="When the call occurred.\nExample: `2024-03-15T10:15:45Z`"
    )
    success: bool | None = Field(
        None, description="Whether the call was successful.\nExample: `true` or `false`"
    )
    is_reviewed: bool | None = Field(
        None, description="Whether the call has been reviewed.\nExample: `true` or `false`"
    )
    feedback: str | None = Field(
        None, description='Feedback about the call.\nExample: `"Great Call"`'
    )
    rubric: Any = Field(
        None,
        description='Detailed rubric evaluation data\nExample:\n```json\n[\n    {\n        "metric_id": 100,\n        "metric_name": "Call Quality",\n        "value": 5,\n        "explanation": ["The response was accurate"],\n        "passed": true,\n        "conditions": "score gte 5",\n        "expected_conditions": {"operator": "and", "conditions": [{"field": "score", "op": "gte", "value": 5}]}\n    }\n]\n```',
    )
    transcript: str | None = Field(
        None,
        description="Full text transcript of the call.\nExample: \n```text\n[00:01] Testing Agent: Hello. \n[00:02] Main Agent: Hello, how can I help you today?\n[00:03] Testing Agent: Well, I mean, sure. What time exactly are we talking about here\n[00:04] Main Agent: 6 PM.\n[00:05] Testing Agent: Great. I'll book that for you. Just a sec.\n[00:06] Main Agent: Okay.\n```",
    )
    call_ended_reason: str | None = Field(
        None,
        description='Reason why the call ended.\nExample: \n- `"customer-ended-call"`\n- `"agent-ended-call"`',
    )
    dropoff_point: str | None = Field(
        None,
        description='Point in conversation where user disengaged.\nExample: `"end of conversation as no queries remaining"`',
    )
    topic: str | None = Field(
        None,
        description='Topic of the call.\nExample: \n- `"product_inquiry"`\n- `"technical_support"`',
    )
    customer_number: str | None = Field(
        None,
        description='Customer\'s phone number or identifier.\nExample: \n- `"+1234567890"`\n- `"customer_abc123"`',
    )
    user_generated_transcript: Any = Field(
        None,
        description='Manually created or corrected transcript data.\nExample: \n```json\n[\n    {\n        "role": "Testing Agent",\n        "content": "I need help with my order",\n        "timestamp": "00:15"\n    }\n]`',
    )
    error_message: str | None = None
    created_at: datetime | None = Field(
        None, description="When this record was created.\nExample: `2024-03-15T10:30:45Z`"
    )
    updated_at: datetime | None = Field(
        None, description="When this record was last updated.\nExample: `2024-03-15T10:35:11Z`"
    )
    call_id: str = Field(
        description='Unique identifier for the call.\nExample: \n- `"call_abc123xyz"`\n- `"stereo_audio_session_456"`'
    )
    trace_id: str | None = Field(
        None, description="OpenTelemetry trace ID (32-char hex). Set when OTel tracing is enabled."
    )
    agent: int | None = Field(None, description="Agent ID")
    project: int | None = Field(
        None, description="Project ID (denormalized from agent for query performance)"
    )


class PatchedUpdateCallLogWrite(WriteModel):
    """PatchedUpdateCallLog"""

    status: Literal["success", "failure", "reviewed_success", "reviewed_failure"] | None = Field(
        None,
        description="Human-reviewed call outcome. Use `success`, `failure`, `reviewed_success`, or `reviewed_failure`.\n\n* `success` - Success\n* `failure` - Failure\n* `reviewed_success` - Reviewed Success\n* `reviewed_failure` - Reviewed Failure",
    )
    feedback: str | None = Field(None, description="Human feedback about the call.")
    call_id: str | None = Field(
        None,
        max_length=100,
        description='Unique identifier for the call.\nExample: \n- `"call_abc123xyz"`\n- `"stereo_audio_session_456"`',
    )
    transcript_type: (
        Literal[
            "cekura", "vocera", "vapi", "retell", "deepgram", "pipecat", "livekit", "elevenlabs"
        ]
        | None
    ) = Field(
        None,
        description='Format of the `transcript_json` payload. Tells Cekura how to parse roles and timestamps.\n\n- `vapi` — Vapi webhook format: `[{"role": "bot"|"user", "message": "...", "time": 0.0}]`\n- `retell` — Retell webhook format\n- `elevenlabs` — ElevenLabs format\n- `livekit` — LiveKit format\n- `pipecat` — Pipecat format\n- `deepgram` — Deepgram format\n- `cekura` (default) — `[{"role": "Testing Agent"|"Main Agent", "content": "...", "start_time": 0.0, "end_time": 2.5}]`. **Valid roles are `"Testing Agent"` and `"Main Agent"` only** — using `"agent"` or `"user"` will return a validation error.\n\nOmit this field to detect the supported format automatically.\n\n* `cekura` - cekura\n* `vocera` - vocera\n* `vapi` - vapi\n* `retell` - retell\n* `deepgram` - deepgram\n* `pipecat` - pipecat\n* `livekit` - livekit\n* `elevenlabs` - elevenlabs',
    )
    transcript_json: Any = Field(
        None,
        description='Call transcript in supported format (Vapi, Retell, Deepgram, ElevenLabs, Cekura)\n\nCheck the [Transcript Format](/documentation/advanced/transcript-format) documentation for more details.\n\nCekura Transcript Format Example:\n```json\n[\n   {\n      "role": "Testing Agent",\n      "content": "Hello.",\n      "end_time": 1.9399999,\n      "start_time": 1.4399999\n   },\n   {\n      "role": "Main Agent",\n      "content": "Hello. I want to book appointment today. My name is John.",\n      "end_time": 7.539999511718751,\n      "start_time": 3.1\n   },\n   {\n      "role": "Testing Agent",\n      "content": "Well, I mean, sure. What time exactly are we talking about here",\n      "end_time": 15.71,\n      "start_time": 12.01\n   },\n   {\n      "role": "Main Agent",\n      "content": "6 PM.",\n      "end_time": 18.269999,\n      "start_time": 17.609999\n   }\n]\n```',
    )
    timestamp: str | None = Field(
        None, description="When the call occurred.\nExample: `2024-03-15T10:15:45Z`"
    )
    duration: float | None = Field(
        None,
        ge=0,
        description="Call duration in minutes as a non-negative number. For example, use `1.5` for one minute and 30 seconds.",
    )
    call_ended_reason: str | None = Field(
        None,
        max_length=100,
        description='Reason why the call ended\nExample:\n- `"customer-ended-call"`\n- `"agent-ended-call"`',
    )
    customer_number: str | None = Field(
        None,
        max_length=100,
        description='Customer\'s phone number or identifier\nExample:\n- `"+1234567890"`\n- `"customer_abc123"`',
    )
    metadata: dict[str, Any] | None = Field(
        None,
        description='Additional call metadata. Supplied top-level keys are merged with existing metadata; supplied keys overwrite matching keys and omitted keys are preserved.\nExample:\n```json\n{\n    "customer_id": "123",\n    "order_id": "ORD-12345",\n    "name": "John Doe"\n}\n```',
    )
    dynamic_variables: dict[str, Any] | None = Field(
        None,
        description='Dynamic variables used to replace {{variables}} in agent description. Supplied top-level keys are merged with existing variables; supplied keys overwrite matching keys and omitted keys are preserved.\nExample:\n```json\n{\n    "subscription_id": "SUB-12345",\n    "product_type": "premium"\n}\n```',
    )
    reevaluate_metrics: bool | None = Field(
        None,
        description="Run metric evaluation on the call log after applying this update. Releases a call that was ingested with deferred evaluation, otherwise re-evaluates an already evaluated call. Calls whose evaluation is still running are left untouched.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "call_ended_reason",
            "call_id",
            "customer_number",
            "duration",
            "dynamic_variables",
            "feedback",
            "metadata",
            "reevaluate_metrics",
            "status",
            "timestamp",
            "transcript_type",
        ]
    )


class MarkMetricVoteCallLogResponse(ReadModel):
    """MarkMetricVoteCallLogResponse"""

    detail: str


class EvaluateMetricsWrite(WriteModel):
    """EvaluateMetrics"""

    agent_id: int | None = Field(
        None, description="Cekura agent ID. Provide this or `project_id`. Example: `224`"
    )
    project_id: int | None = Field(
        None, description="Project ID. Provide this or `agent_id`. Example: `456`"
    )
    call_logs: list[int] | None = Field(
        None, description="IDs of the call logs to evaluate. Example: `[123, 456]`"
    )
    metrics: list[int] | None = Field(
        None,
        description="IDs of the metrics to run. Must belong to the agent/project. Example: `[789, 790]`",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["call_logs", "metrics"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        ["agent_id", "call_logs", "metrics", "project_id"]
    )


class RerunEvaluationWrite(WriteModel):
    """RerunEvaluation"""

    agent_id: int | None = Field(
        None,
        description="Cekura agent ID. Provide this or `assistant_id`, not both. Example: `2142`",
    )
    assistant_id: int | str | None = Field(
        None,
        description="External assistant identifier. Provide this or `agent_id`, not both. Example: `2143`",
    )
    call_logs: list[int] | str | None = Field(
        None,
        description='List of call log IDs to re-evaluate, or the string `"all"` for all call logs. Example: `[1, 2, 3]`',
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["agent_id", "assistant_id", "call_logs"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["agent_id", "assistant_id", "call_logs"])


class DeleteCallLogsWrite(WriteModel):
    """DeleteCallLogs"""

    agent_id: int | None = Field(None, description="Agent ID to filter call logs")
    call_logs: list[int] | None = Field(None, description="List of call log IDs to delete")
    retain_evaluations: bool | None = Field(
        None,
        description="If true, metric evaluations are retained and the calls are not soft-deleted. Default: false.",
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["call_logs"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(["agent_id", "call_logs", "retain_evaluations"])


class CallLogDetailWrite(WriteModel):
    """CallLogDetail"""

    status: Literal["success", "failure", "reviewed_success", "reviewed_failure"] | None = Field(
        None,
        description="* `success` - Success\n* `failure` - Failure\n* `reviewed_success` - Reviewed Success\n* `reviewed_failure` - Reviewed Failure",
    )
    agent_id: str | None = Field(None, description="Agent ID.\nExample: `2142`")
    timestamp: str | None = Field(
        None, description="When the call occurred.\nExample: `2024-03-15T10:15:45Z`"
    )
    success: bool | None = Field(
        None, description="Whether the call was successful.\nExample: `true` or `false`"
    )
    is_reviewed: bool | None = Field(
        None, description="Whether the call has been reviewed.\nExample: `true` or `false`"
    )
    feedback: str | None = Field(
        None, description='Feedback about the call.\nExample: `"Great Call"`'
    )
    rubric: Any = Field(
        None,
        description='Detailed rubric evaluation data\nExample:\n```json\n[\n    {\n        "metric_id": 100,\n        "metric_name": "Call Quality",\n        "value": 5,\n        "explanation": ["The response was accurate"],\n        "passed": true,\n        "conditions": "score gte 5",\n        "expected_conditions": {"operator": "and", "conditions": [{"field": "score", "op": "gte", "value": 5}]}\n    }\n]\n```',
    )
    transcript: str | None = Field(
        None,
        description="Full text transcript of the call.\nExample: \n```text\n[00:01] Testing Agent: Hello. \n[00:02] Main Agent: Hello, how can I help you today?\n[00:03] Testing Agent: Well, I mean, sure. What time exactly are we talking about here\n[00:04] Main Agent: 6 PM.\n[00:05] Testing Agent: Great. I'll book that for you. Just a sec.\n[00:06] Main Agent: Okay.\n```",
    )
    call_ended_reason: str | None = Field(
        None,
        max_length=100,
        description='Reason why the call ended.\nExample: \n- `"customer-ended-call"`\n- `"agent-ended-call"`',
    )
    dropoff_point: str | None = Field(
        None,
        max_length=1000,
        description='Point in conversation where user disengaged.\nExample: `"end of conversation as no queries remaining"`',
    )
    topic: str | None = Field(
        None,
        max_length=1000,
        description='Topic of the call.\nExample: \n- `"product_inquiry"`\n- `"technical_support"`',
    )
    customer_number: str | None = Field(
        None,
        max_length=100,
        description='Customer\'s phone number or identifier.\nExample: \n- `"+1234567890"`\n- `"customer_abc123"`',
    )
    user_generated_transcript: Any = Field(
        None,
        description='Manually created or corrected transcript data.\nExample: \n```json\n[\n    {\n        "role": "Testing Agent",\n        "content": "I need help with my order",\n        "timestamp": "00:15"\n    }\n]`',
    )
    error_message: str | None = None
    call_id: str | None = Field(
        None,
        max_length=100,
        description='Unique identifier for the call.\nExample: \n- `"call_abc123xyz"`\n- `"stereo_audio_session_456"`',
    )
    trace_id: str | None = Field(
        None,
        max_length=32,
        description="OpenTelemetry trace ID (32-char hex). Set when OTel tracing is enabled.",
    )
    agent: int | None = Field(None, description="Agent ID")
    project: int | None = Field(
        None, description="Project ID (denormalized from agent for query performance)"
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["call_id"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "agent_id",
            "call_ended_reason",
            "call_id",
            "customer_number",
            "dropoff_point",
            "feedback",
            "is_reviewed",
            "status",
            "timestamp",
            "topic",
            "trace_id",
            "transcript",
        ]
    )


class SchemaPostCreateScenariosWrite(WriteModel):
    """SchemaPostCreateScenarios"""

    agent_id: int | None = Field(
        None, description="Agent ID, required if assistant_id is not provided\nExample: `2142`"
    )
    assistant_id: str | None = Field(
        None,
        description="Assistant ID, required if agent_id is not provided\nExample: `asst_1234567890`",
    )
    call_logs: list[int] | None = Field(
        None,
        description='List of call log IDs to create scenarios from. Can also be the string "all" to process all call logs.\nExample: `[1, 2, 3]` or `"all"`',
    )
    copy_to_agent: int | None = Field(
        None, description="Optional agent ID to copy created scenarios to\nExample: `2142`"
    )
    project_id: int | None = Field(
        None, description="Project ID. Required when using folder_path.\nExample: `1376`"
    )
    folder_path: str | None = Field(
        None,
        description='Folder path to assign the created scenarios to.\nExample: `"Sales.Inbound"`',
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        ["agent_id", "assistant_id", "call_logs", "project_id"]
    )


class CallLogsCreateScenarios200(ReadModel):
    """CallLogsCreateScenarios200"""

    progress_id: str | None = Field(
        None, description="Unique identifier for tracking the progress of scenario creation"
    )


class SchemaCreateScenariosProgressResponse(ReadModel):
    """SchemaCreateScenariosProgressResponse"""

    agent_id: int = Field(description="ID of the agent associated with the scenario creation")
    completed_scenarios: int = Field(description="Number of scenarios successfully created")
    failed_scenarios: int = Field(description="Number of scenarios that failed to create")
    total_scenarios: int = Field(description="Total number of scenarios being processed")
    scenarios_list: list[Scenario] | None = Field(
        None,
        description="List of created scenario objects (only included when processing is complete)",
    )
    errors: list[dict[str, Any]] | None = Field(
        None, description="List of errors encountered during scenario creation"
    )


class CallLogTraceResponse(ReadModel):
    """CallLogTraceResponse"""

    trace_id: str = Field(description="OpenTelemetry trace ID associated with the call log.")
    spans: Any = Field(description="Raw OpenTelemetry trace data returned by the trace backend.")


class CallLogsCreateScenarios2200(ReadModel):
    """CallLogsCreateScenarios2200"""

    progress_id: str | None = Field(
        None, description="Unique identifier for tracking the progress of scenario creation"
    )


class CallLogsCreateScenarios3200(ReadModel):
    """CallLogsCreateScenarios3200"""

    progress_id: str | None = Field(
        None, description="Unique identifier for tracking the progress of scenario creation"
    )


class ScenarioInline(ReadModel):
    """ScenarioInline"""

    id: int | None = None
    agent: int | None = None
    name: str | None = Field(None, description="Name of the scenario")
    personality: int | None = None
    personality_name: str | None = None


class CronJob(ReadModel):
    """CronJob"""

    id: int | None = None
    agent: int | None = Field(None, description="Agent ID for the cron job\nExample: `123`")
    name: str | None = Field(None, description="Name for the cronjob")
    crontab_expression: str = Field(
        description='Crontab expression for the cron job\nExample: \n- `"0 9 * * 1-5"`\n- `"0 0 * * 0"`'
    )
    timezone: str | None = Field(
        None, description='Timezone for the cron job\nExample: `"America/Los_Angeles"`'
    )
    scenario_ids: list[int] | None = Field(
        None, description="List of scenario IDs for the cron job\nExample: `[123, 456, 789]`"
    )
    scenarios_data: list[ScenarioInline] | None = None
    personality: int | None = Field(
        None,
        description="(Deprecated) Use personalities field instead.\nExample: `1` (personality ID)",
    )
    personalities: list[int] | None = Field(
        None,
        description="List of personalities to use for test execution. Multiple personalities can be assigned to run tests with different configurations.\nExample: `[1, 2, 3]` (personality IDs)",
    )
    tags: list[str] | None = Field(
        None, description='List of tags for the cron job\nExample: `["tag1", "tag2", "tag3"]`'
    )
    frequency: int | None = Field(None, description="Frequency for the cron job\nExample: `1`")
    run_as_text: bool | None = Field(
        None,
        description="DEPRECATED: Use execution_mode instead. Kept for backward compatibility.\nRun the cron job as text\nExample: `true` or `false`",
    )
    execution_mode: (
        Literal[
            "voice",
            "text",
            "sip",
            "vapi_webrtc",
            "retell_webrtc",
            "elevenlabs",
            "ello",
            "livekit_v2",
            "pipecat_v2",
            "agora",
        ]
        | None
    ) = Field(
        None,
        description='Execution mode for the cron job\nChoices: voice, text, sip, vapi_webrtc, elevenlabs, pipecat_v2, livekit_v2, retell_webrtc, ello, agora\nExample: `"voice"`, `"text"`, `"sip"`, `"pipecat_v2"`, `"elevenlabs"`, or `"livekit_v2"`\n\n\n* `voice` - Voice\n* `text` - Text\n* `sip` - SIP\n* `vapi_webrtc` - VAPI WebRTC\n* `retell_webrtc` - Retell WebRTC\n* `elevenlabs` - ElevenLabs\n* `ello` - Ello\n* `livekit_v2` - LiveKit\n* `pipecat_v2` - Pipecat\n* `agora` - Agora',
    )
    notify_on: Literal["never", "success", "failure", "both"] | None = Field(
        None,
        description="Select when to notify \n\n\n* `never` - Never\n* `success` - Success\n* `failure` - Failure\n* `both` - Both",
    )
    is_active: bool | None = None
    created_by: int | None = None
    created_via: Literal["user", "api", "mcp", "cli", "sdk"] | None = Field(
        None,
        description="How the cron job was created: user (UI), api (API key), or mcp (MCP client)\n\n* `user` - User\n* `api` - API\n* `mcp` - MCP\n* `cli` - CLI\n* `sdk` - SDK",
    )
    created_at: datetime | None = Field(
        None, description="Timestamp when the cron job was created\nExample: `2021-01-01 00:00:00`"
    )
    updated_at: datetime | None = Field(
        None,
        description="Timestamp when the cron job was last updated\nExample: `2021-01-01 00:00:00`",
    )


class SchemaPostCronJobWrite(WriteModel):
    """SchemaPostCronJob"""

    name: str | None = Field(None, description="Name for the cronjob")
    scenarios: list[int] | None = Field(
        None, description="List of scenario IDs to execute\nExample: `[123, 456, 789]`"
    )
    tags: list[str] | None = Field(
        None,
        description='Alternative to scenarios - List of tags to filter scenario\nExample: `["tag1", "tag2", "tag3"]`',
    )
    agent: int | None = Field(
        None, description="Agent ID. Required when using tags to filter scenarios.\nExample: `123`"
    )
    crontab_expression: str | None = Field(
        None,
        description='Cron expression for scheduling (e.g. \'0 9 * * 1-5\' for weekdays at 9am)\nExample: \n- `"0 9 * * 1-5"`\n- `"0 0 * * 0"`',
    )
    timezone: (
        Literal[
            "Africa/Abidjan",
            "Africa/Accra",
            "Africa/Addis_Ababa",
            "Africa/Algiers",
            "Africa/Asmara",
            "Africa/Bamako",
            "Africa/Bangui",
            "Africa/Banjul",
            "Africa/Bissau",
            "Africa/Blantyre",
            "Africa/Brazzaville",
            "Africa/Bujumbura",
            "Africa/Cairo",
            "Africa/Casablanca",
            "Africa/Ceuta",
            "Africa/Conakry",
            "Africa/Dakar",
            "Africa/Dar_es_Salaam",
            "Africa/Djibouti",
            "Africa/Douala",
            "Africa/El_Aaiun",
            "Africa/Freetown",
            "Africa/Gaborone",
            "Africa/Harare",
            "Africa/Johannesburg",
            "Africa/Juba",
            "Africa/Kampala",
            "Africa/Khartoum",
            "Africa/Kigali",
            "Africa/Kinshasa",
            "Africa/Lagos",
            "Africa/Libreville",
            "Africa/Lome",
            "Africa/Luanda",
            "Africa/Lubumbashi",
            "Africa/Lusaka",
            "Africa/Malabo",
            "Africa/Maputo",
            "Africa/Maseru",
            "Africa/Mbabane",
            "Africa/Mogadishu",
            "Africa/Monrovia",
            "Africa/Nairobi",
            "Africa/Ndjamena",
            "Africa/Niamey",
            "Africa/Nouakchott",
            "Africa/Ouagadougou",
            "Africa/Porto-Novo",
            "Africa/Sao_Tome",
            "Africa/Tripoli",
            "Africa/Tunis",
            "Africa/Windhoek",
            "America/Adak",
            "America/Anchorage",
            "America/Chicago",
            "America/Denver",
            "America/Los_Angeles",
            "America/New_York",
            "America/Phoenix",
            "America/Sao_Paulo",
            "Asia/Dubai",
            "Asia/Hong_Kong",
            "Asia/Kolkata",
            "Asia/Seoul",
            "Asia/Shanghai",
            "Asia/Singapore",
            "Asia/Tokyo",
            "Australia/Melbourne",
            "Australia/Perth",
            "Australia/Sydney",
            "Europe/Amsterdam",
            "Europe/Berlin",
            "Europe/London",
            "Europe/Madrid",
            "Europe/Moscow",
            "Europe/Paris",
            "Europe/Rome",
            "Pacific/Auckland",
            "Pacific/Honolulu",
            "US/Central",
            "US/Eastern",
            "US/Mountain",
            "US/Pacific",
            "UTC",
        ]
        | None
    ) = Field(
        None,
        description="Timezone for the cronjob (default: Project timezone)\n\n\n* `Africa/Abidjan` - Africa/Abidjan\n* `Africa/Accra` - Africa/Accra\n* `Africa/Addis_Ababa` - Africa/Addis_Ababa\n* `Africa/Algiers` - Africa/Algiers\n* `Africa/Asmara` - Africa/Asmara\n* `Africa/Bamako` - Africa/Bamako\n* `Africa/Bangui` - Africa/Bangui\n* `Africa/Banjul` - Africa/Banjul\n* `Africa/Bissau` - Africa/Bissau\n* `Africa/Blantyre` - Africa/Blantyre\n* `Africa/Brazzaville` - Africa/Brazzaville\n* `Africa/Bujumbura` - Africa/Bujumbura\n* `Africa/Cairo` - Africa/Cairo\n* `Africa/Casablanca` - Africa/Casablanca\n* `Africa/Ceuta` - Africa/Ceuta\n* `Africa/Conakry` - Africa/Conakry\n* `Africa/Dakar` - Africa/Dakar\n* `Africa/Dar_es_Salaam` - Africa/Dar_es_Salaam\n* `Africa/Djibouti` - Africa/Djibouti\n* `Africa/Douala` - Africa/Douala\n* `Africa/El_Aaiun` - Africa/El_Aaiun\n* `Africa/Freetown` - Africa/Freetown\n* `Africa/Gaborone` - Africa/Gaborone\n* `Africa/Harare` - Africa/Harare\n* `Africa/Johannesburg` - Africa/Johannesburg\n* `Africa/Juba` - Africa/Juba\n* `Africa/Kampala` - Africa/Kampala\n* `Africa/Khartoum` - Africa/Khartoum\n* `Africa/Kigali` - Africa/Kigali\n* `Africa/Kinshasa` - Africa/Kinshasa\n* `Africa/Lagos` - Africa/Lagos\n* `Africa/Libreville` - Africa/Libreville\n* `Africa/Lome` - Africa/Lome\n* `Africa/Luanda` - Africa/Luanda\n* `Africa/Lubumbashi` - Africa/Lubumbashi\n* `Africa/Lusaka` - Africa/Lusaka\n* `Africa/Malabo` - Africa/Malabo\n* `Africa/Maputo` - Africa/Maputo\n* `Africa/Maseru` - Africa/Maseru\n* `Africa/Mbabane` - Africa/Mbabane\n* `Africa/Mogadishu` - Africa/Mogadishu\n* `Africa/Monrovia` - Africa/Monrovia\n* `Africa/Nairobi` - Africa/Nairobi\n* `Africa/Ndjamena` - Africa/Ndjamena\n* `Africa/Niamey` - Africa/Niamey\n* `Africa/Nouakchott` - Africa/Nouakchott\n* `Africa/Ouagadougou` - Africa/Ouagadougou\n* `Africa/Porto-Novo` - Africa/Porto-Novo\n* `Africa/Sao_Tome` - Africa/Sao_Tome\n* `Africa/Tripoli` - Africa/Tripoli\n* `Africa/Tunis` - Africa/Tunis\n* `Africa/Windhoek` - Africa/Windhoek\n* `America/Adak` - America/Adak\n* `America/Anchorage` - America/Anchorage\n* `America/Chicago` - America/Chicago\n* `America/Denver` - America/Denver\n* `America/Los_Angeles` - America/Los_Angeles\n* `America/New_York` - America/New_York\n* `America/Phoenix` - America/Phoenix\n* `America/Sao_Paulo` - America/Sao_Paulo\n* `Asia/Dubai` - Asia/Dubai\n* `Asia/Hong_Kong` - Asia/Hong_Kong\n* `Asia/Kolkata` - Asia/Kolkata\n* `Asia/Seoul` - Asia/Seoul\n* `Asia/Shanghai` - Asia/Shanghai\n* `Asia/Singapore` - Asia/Singapore\n* `Asia/Tokyo` - Asia/Tokyo\n* `Australia/Melbourne` - Australia/Melbourne\n* `Australia/Perth` - Australia/Perth\n* `Australia/Sydney` - Australia/Sydney\n* `Europe/Amsterdam` - Europe/Amsterdam\n* `Europe/Berlin` - Europe/Berlin\n* `Europe/London` - Europe/London\n* `Europe/Madrid` - Europe/Madrid\n* `Europe/Moscow` - Europe/Moscow\n* `Europe/Paris` - Europe/Paris\n* `Europe/Rome` - Europe/Rome\n* `Pacific/Auckland` - Pacific/Auckland\n* `Pacific/Honolulu` - Pacific/Honolulu\n* `US/Central` - US/Central\n* `US/Eastern` - US/Eastern\n* `US/Mountain` - US/Mountain\n* `US/Pacific` - US/Pacific\n* `UTC` - UTC",
    )
    personality: int | None = Field(None, description="DEPRECATED: Use personalities instead")
    personalities: list[int] | None = Field(
        None,
        description="List of personalities to use for test execution. Multiple personalities can be assigned to run tests with different configurations.\nExample: `[1, 2, 3]` (personality IDs)",
    )
    run_as_text: bool | None = Field(
        None,
        description="DEPRECATED: Use execution_mode instead. Run scenarios as text-based chat instead of voice calls",
    )
    execution_mode: (
        Literal[
            "voice",
            "text",
            "sip",
            "vapi_webrtc",
            "retell_webrtc",
            "elevenlabs",
            "ello",
            "livekit_v2",
            "pipecat_v2",
            "agora",
        ]
        | None
    ) = Field(
        None,
        description='Execution mode for the cron job. Choices: voice, text, sip\nExample: `"voice"`, `"text"`, or `"sip"`\n\n\n* `voice` - Voice\n* `text` - Text\n* `sip` - SIP\n* `vapi_webrtc` - VAPI WebRTC\n* `retell_webrtc` - Retell WebRTC\n* `elevenlabs` - ElevenLabs\n* `ello` - Ello\n* `livekit_v2` - LiveKit\n* `pipecat_v2` - Pipecat\n* `agora` - Agora',
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset(["crontab_expression"])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "agent",
            "crontab_expression",
            "execution_mode",
            "name",
            "personalities",
            "personality",
            "run_as_text",
            "scenarios",
            "tags",
            "timezone",
        ]
    )


class PatchedSchemaPostCronJobWrite(WriteModel):
    """PatchedSchemaPostCronJob"""

    name: str | None = Field(None, description="Name for the cronjob")
    scenarios: list[int] | None = Field(
        None, description="List of scenario IDs to execute\nExample: `[123, 456, 789]`"
    )
    tags: list[str] | None = Field(
        None,
        description='Alternative to scenarios - List of tags to filter scenario\nExample: `["tag1", "tag2", "tag3"]`',
    )
    agent: int | None = Field(
        None, description="Agent ID. Required when using tags to filter scenarios.\nExample: `123`"
    )
    crontab_expression: str | None = Field(
        None,
        description='Cron expression for scheduling (e.g. \'0 9 * * 1-5\' for weekdays at 9am)\nExample: \n- `"0 9 * * 1-5"`\n- `"0 0 * * 0"`',
    )
    timezone: (
        Literal[
            "Africa/Abidjan",
            "Africa/Accra",
            "Africa/Addis_Ababa",
            "Africa/Algiers",
            "Africa/Asmara",
            "Africa/Bamako",
            "Africa/Bangui",
            "Africa/Banjul",
            "Africa/Bissau",
            "Africa/Blantyre",
            "Africa/Brazzaville",
            "Africa/Bujumbura",
            "Africa/Cairo",
            "Africa/Casablanca",
            "Africa/Ceuta",
            "Africa/Conakry",
            "Africa/Dakar",
            "Africa/Dar_es_Salaam",
            "Africa/Djibouti",
            "Africa/Douala",
            "Africa/El_Aaiun",
            "Africa/Freetown",
            "Africa/Gaborone",
            "Africa/Harare",
            "Africa/Johannesburg",
            "Africa/Juba",
            "Africa/Kampala",
            "Africa/Khartoum",
            "Africa/Kigali",
            "Africa/Kinshasa",
            "Africa/Lagos",
            "Africa/Libreville",
            "Africa/Lome",
            "Africa/Luanda",
            "Africa/Lubumbashi",
            "Africa/Lusaka",
            "Africa/Malabo",
            "Africa/Maputo",
            "Africa/Maseru",
            "Africa/Mbabane",
            "Africa/Mogadishu",
            "Africa/Monrovia",
            "Africa/Nairobi",
            "Africa/Ndjamena",
            "Africa/Niamey",
            "Africa/Nouakchott",
            "Africa/Ouagadougou",
            "Africa/Porto-Novo",
            "Africa/Sao_Tome",
            "Africa/Tripoli",
            "Africa/Tunis",
            "Africa/Windhoek",
            "America/Adak",
            "America/Anchorage",
            "America/Chicago",
            "America/Denver",
            "America/Los_Angeles",
            "America/New_York",
            "America/Phoenix",
            "America/Sao_Paulo",
            "Asia/Dubai",
            "Asia/Hong_Kong",
            "Asia/Kolkata",
            "Asia/Seoul",
            "Asia/Shanghai",
            "Asia/Singapore",
            "Asia/Tokyo",
            "Australia/Melbourne",
            "Australia/Perth",
            "Australia/Sydney",
            "Europe/Amsterdam",
            "Europe/Berlin",
            "Europe/London",
            "Europe/Madrid",
            "Europe/Moscow",
            "Europe/Paris",
            "Europe/Rome",
            "Pacific/Auckland",
            "Pacific/Honolulu",
            "US/Central",
            "US/Eastern",
            "US/Mountain",
            "US/Pacific",
            "UTC",
        ]
        | None
    ) = Field(
        None,
        description="Timezone for the cronjob (default: Project timezone)\n\n\n* `Africa/Abidjan` - Africa/Abidjan\n* `Africa/Accra` - Africa/Accra\n* `Africa/Addis_Ababa` - Africa/Addis_Ababa\n* `Africa/Algiers` - Africa/Algiers\n* `Africa/Asmara` - Africa/Asmara\n* `Africa/Bamako` - Africa/Bamako\n* `Africa/Bangui` - Africa/Bangui\n* `Africa/Banjul` - Africa/Banjul\n* `Africa/Bissau` - Africa/Bissau\n* `Africa/Blantyre` - Africa/Blantyre\n* `Africa/Brazzaville` - Africa/Brazzaville\n* `Africa/Bujumbura` - Africa/Bujumbura\n* `Africa/Cairo` - Africa/Cairo\n* `Africa/Casablanca` - Africa/Casablanca\n* `Africa/Ceuta` - Africa/Ceuta\n* `Africa/Conakry` - Africa/Conakry\n* `Africa/Dakar` - Africa/Dakar\n* `Africa/Dar_es_Salaam` - Africa/Dar_es_Salaam\n* `Africa/Djibouti` - Africa/Djibouti\n* `Africa/Douala` - Africa/Douala\n* `Africa/El_Aaiun` - Africa/El_Aaiun\n* `Africa/Freetown` - Africa/Freetown\n* `Africa/Gaborone` - Africa/Gaborone\n* `Africa/Harare` - Africa/Harare\n* `Africa/Johannesburg` - Africa/Johannesburg\n* `Africa/Juba` - Africa/Juba\n* `Africa/Kampala` - Africa/Kampala\n* `Africa/Khartoum` - Africa/Khartoum\n* `Africa/Kigali` - Africa/Kigali\n* `Africa/Kinshasa` - Africa/Kinshasa\n* `Africa/Lagos` - Africa/Lagos\n* `Africa/Libreville` - Africa/Libreville\n* `Africa/Lome` - Africa/Lome\n* `Africa/Luanda` - Africa/Luanda\n* `Africa/Lubumbashi` - Africa/Lubumbashi\n* `Africa/Lusaka` - Africa/Lusaka\n* `Africa/Malabo` - Africa/Malabo\n* `Africa/Maputo` - Africa/Maputo\n* `Africa/Maseru` - Africa/Maseru\n* `Africa/Mbabane` - Africa/Mbabane\n* `Africa/Mogadishu` - Africa/Mogadishu\n* `Africa/Monrovia` - Africa/Monrovia\n* `Africa/Nairobi` - Africa/Nairobi\n* `Africa/Ndjamena` - Africa/Ndjamena\n* `Africa/Niamey` - Africa/Niamey\n* `Africa/Nouakchott` - Africa/Nouakchott\n* `Africa/Ouagadougou` - Africa/Ouagadougou\n* `Africa/Porto-Novo` - Africa/Porto-Novo\n* `Africa/Sao_Tome` - Africa/Sao_Tome\n* `Africa/Tripoli` - Africa/Tripoli\n* `Africa/Tunis` - Africa/Tunis\n* `Africa/Windhoek` - Africa/Windhoek\n* `America/Adak` - America/Adak\n* `America/Anchorage` - America/Anchorage\n* `America/Chicago` - America/Chicago\n* `America/Denver` - America/Denver\n* `America/Los_Angeles` - America/Los_Angeles\n* `America/New_York` - America/New_York\n* `America/Phoenix` - America/Phoenix\n* `America/Sao_Paulo` - America/Sao_Paulo\n* `Asia/Dubai` - Asia/Dubai\n* `Asia/Hong_Kong` - Asia/Hong_Kong\n* `Asia/Kolkata` - Asia/Kolkata\n* `Asia/Seoul` - Asia/Seoul\n* `Asia/Shanghai` - Asia/Shanghai\n* `Asia/Singapore` - Asia/Singapore\n* `Asia/Tokyo` - Asia/Tokyo\n* `Australia/Melbourne` - Australia/Melbourne\n* `Australia/Perth` - Australia/Perth\n* `Australia/Sydney` - Australia/Sydney\n* `Europe/Amsterdam` - Europe/Amsterdam\n* `Europe/Berlin` - Europe/Berlin\n* `Europe/London` - Europe/London\n* `Europe/Madrid` - Europe/Madrid\n* `Europe/Moscow` - Europe/Moscow\n* `Europe/Paris` - Europe/Paris\n* `Europe/Rome` - Europe/Rome\n* `Pacific/Auckland` - Pacific/Auckland\n* `Pacific/Honolulu` - Pacific/Honolulu\n* `US/Central` - US/Central\n* `US/Eastern` - US/Eastern\n* `US/Mountain` - US/Mountain\n* `US/Pacific` - US/Pacific\n* `UTC` - UTC",
    )
    personality: int | None = Field(None, description="DEPRECATED: Use personalities instead")
    personalities: list[int] | None = Field(
        None,
        description="List of personalities to use for test execution. Multiple personalities can be assigned to run tests with different configurations.\nExample: `[1, 2, 3]` (personality IDs)",
    )
    run_as_text: bool | None = Field(
        None,
        description="DEPRECATED: Use execution_mode instead. Run scenarios as text-based chat instead of voice calls",
    )
    execution_mode: (
        Literal[
            "voice",
            "text",
            "sip",
            "vapi_webrtc",
            "retell_webrtc",
            "elevenlabs",
            "ello",
            "livekit_v2",
            "pipecat_v2",
            "agora",
        ]
        | None
    ) = Field(
        None,
        description='Execution mode for the cron job. Choices: voice, text, sip\nExample: `"voice"`, `"text"`, or `"sip"`\n\n\n* `voice` - Voice\n* `text` - Text\n* `sip` - SIP\n* `vapi_webrtc` - VAPI WebRTC\n* `retell_webrtc` - Retell WebRTC\n* `elevenlabs` - ElevenLabs\n* `ello` - Ello\n* `livekit_v2` - LiveKit\n* `pipecat_v2` - Pipecat\n* `agora` - Agora',
    )
    REQUIRED: ClassVar[frozenset[str]] = frozenset([])
    NON_NULL: ClassVar[frozenset[str]] = frozenset(
        [
            "agent",
            "crontab_expression",
            "execution_mode",
            "name",
            "personalities",
            "personality",
            "run_as_text",
            "scenarios",
            "tags",
            "timezone",
        ]
    )


OPERATIONS: dict[tuple[str, str], Operation] = {
    ("GET", "/test_framework/v1/aiagents/"): Operation(
        "aiagents-v1-list", None, {200: PaginatedAIAgentList, 404: None}
    ),
    ("POST", "/test_framework/v1/aiagents/"): Operation(
        "aiagents-v1-create", AIAgentWrite, {201: AIAgent, 400: None}
    ),
    ("DELETE", "/test_framework/v1/aiagents/{id}/"): Operation(
        "aiagents-v1-destroy", None, {204: None, 400: None}
    ),
    ("GET", "/test_framework/v1/aiagents/{id}/"): Operation(
        "aiagents-v1-retrieve", None, {200: AIAgent, 404: None}
    ),
    ("PATCH", "/test_framework/v1/aiagents/{id}/"): Operation(
        "aiagents-v1-partial-update",
        PatchedSchemaUpdateAIAgentExternalWrite,
        {200: AIAgent, 400: None},
    ),
    ("PUT", "/test_framework/v1/aiagents/{id}/"): Operation(
        "aiagents-v1-update", SchemaUpdateAIAgentExternalWrite, {200: AIAgent, 400: None}
    ),
    ("POST", "/test_framework/v1/aiagents/{id}/disable_personalities/"): Operation(
        "aiagents-v1-disable-personalities-create", AIAgentWrite, {200: AIAgent}
    ),
    ("POST", "/test_framework/v1/aiagents/{id}/duplicate/"): Operation(
        "aiagents-v1-duplicate-create", SchemaPostCopyAgentWrite, {201: AIAgent, 400: None}
    ),
    ("POST", "/test_framework/v1/aiagents/{id}/enable_personalities/"): Operation(
        "aiagents-v1-enable-personalities-create", AIAgentWrite, {200: AIAgent}
    ),
    ("GET", "/test_framework/v1/aiagents/{id}/personalities/"): Operation(
        "aiagents-v1-personalities-retrieve", None, {200: AIAgent}
    ),
    ("POST", "/test_framework/v1/aiagents/{id}/upload_knowledge_base/"): Operation(
        "aiagents-upload-knowledge-base",
        AiagentsUploadKnowledgeBaseBodyWrite,
        {201: PaginatedKnowledgeBaseFileList, 400: None},
    ),
    ("POST", "/test_framework/v1/aiagents/{agent_id}/mcp/{mock_index}/"): Operation(
        "aiagents-mcp-create", None, {200: None}
    ),
    ("DELETE", "/test_framework/v1/aiagents/{agent_id}/tool/{tool_name}/"): Operation(
        "aiagents-tool-destroy", None, {204: None, 404: None}
    ),
    ("GET", "/test_framework/v1/aiagents/{agent_id}/tool/{tool_name}/"): Operation(
        "aiagents-tool-retrieve", None, {200: Tool}
    ),
    ("PATCH", "/test_framework/v1/aiagents/{agent_id}/tool/{tool_name}/"): Operation(
        "aiagents-tool-partial-update", PatchedToolWrite, {200: Tool}
    ),
    ("POST", "/test_framework/v1/aiagents/{agent_id}/tool/{tool_name}/"): Operation(
        "aiagents-tool-create", None, {201: None}
    ),
    ("POST", "/test_framework/v1/aiagents/{agent_id}/tool/{tool_name}/fork/"): Operation(
        "aiagents-tool-fork-create", None, {200: None}
    ),
    ("GET", "/test_framework/v1/aiagents/{agent_id}/tools/"): Operation(
        "aiagents-tools-list", None, {200: list[Tool]}
    ),
    ("POST", "/test_framework/v1/aiagents/{agent_id}/tools/"): Operation(
        "aiagents-tools-create", ToolWrite, {201: Tool}
    ),
    ("GET", "/test_framework/v1/aiagents/{agent_id}/tools/mock-status/"): Operation(
        "aiagents-tools-mock-status-retrieve", None, {200: MockStatusResponse}
    ),
    ("GET", "/test_framework/v1/tools/"): Operation("tools-list", None, {200: PaginatedToolList}),
    ("GET", "/test_framework/v1/tools/{id}/"): Operation("tools-retrieve", None, {200: Tool}),
    ("GET", "/test_framework/v1/metrics-external/"): Operation(
        "metrics-v1-external-list", None, {200: list[MetricList]}
    ),
    ("POST", "/test_framework/v1/metrics-external/"): Operation(
        "metrics-v1-external-create",
        SchemaPostMetricEditWrite,
        {201: SchemaPostMetricEdit, 400: None},
    ),
    ("POST", "/test_framework/v1/metrics-external/bulk_create/"): Operation(
        "metrics-bulk-create",
        list[SchemaPostMetricEditWrite],
        {201: list[SchemaPostMetricEdit], 400: None},
    ),
    ("DELETE", "/test_framework/v1/metrics-external/{id}/"): Operation(
        "metrics-v1-external-destroy", None, {204: None, 404: None}
    ),
    ("GET", "/test_framework/v1/metrics-external/{id}/"): Operation(
        "metrics-v1-external-retrieve", None, {200: MetricDetailV2, 404: None}
    ),
    ("PATCH", "/test_framework/v1/metrics-external/{id}/"): Operation(
        "metrics-v1-external-partial-update",
        PatchedSchemaPostMetricEditWrite,
        {200: SchemaPostMetricEdit, 400: None},
    ),
    ("PUT", "/test_framework/v1/metrics-external/{id}/"): Operation(
        "metrics-v1-external-update",
        SchemaPostMetricEditWrite,
        {200: SchemaPostMetricEdit, 400: None},
    ),
    ("GET", "/test_framework/v1/metrics/"): Operation(
        "metrics-v1-list", None, {200: list[MetricList]}
    ),
    ("POST", "/test_framework/v1/metrics/"): Operation(
        "metrics-v1-create", SchemaPostMetricEditWrite, {201: SchemaPostMetricEdit, 400: None}
    ),
    ("POST", "/test_framework/v1/metrics/bulk_create/"): Operation(
        "metrics-bulk-create_2",
        list[SchemaPostMetricEditWrite],
        {201: list[SchemaPostMetricEdit], 400: None},
    ),
    ("DELETE", "/test_framework/v1/metrics/{id}/"): Operation(
        "metrics-v1-destroy", None, {204: None, 404: None}
    ),
    ("GET", "/test_framework/v1/metrics/{id}/"): Operation(
        "metrics-v1-retrieve", None, {200: MetricDetailV2, 404: None}
    ),
    ("PATCH", "/test_framework/v1/metrics/{id}/"): Operation(
        "metrics-v1-partial-update",
        PatchedSchemaPostMetricEditWrite,
        {200: SchemaPostMetricEdit, 400: None},
    ),
    ("PUT", "/test_framework/v1/metrics/{id}/"): Operation(
        "metrics-v1-update", SchemaPostMetricEditWrite, {200: SchemaPostMetricEdit, 400: None}
    ),
    ("GET", "/test_framework/v1/personalities-external/"): Operation(
        "personalities-external-list", None, {200: list[CreatePersonality]}
    ),
    ("POST", "/test_framework/v1/personalities-external/"): Operation(
        "personalities-external-create", CreatePersonalityWrite, {201: CreatePersonality}
    ),
    ("GET", "/test_framework/v1/personalities-external/{id}/"): Operation(
        "personalities-external-retrieve", None, {200: CreatePersonality}
    ),
    ("PATCH", "/test_framework/v1/personalities-external/{id}/"): Operation(
        "personalities-external-partial-update",
        PatchedCreatePersonalityWrite,
        {200: CreatePersonality},
    ),
    ("POST", "/test_framework/v1/personalities-external/{id}/fork/"): Operation(
        "personalities-external-fork-create", ForkPersonalityWrite, {200: CreatePersonality}
    ),
    ("GET", "/test_framework/v1/personalities/"): Operation(
        "personalities-list", None, {200: list[CreatePersonality]}
    ),
    ("POST", "/test_framework/v1/personalities/"): Operation(
        "personalities-create", CreatePersonalityWrite, {201: CreatePersonality}
    ),
    ("GET", "/test_framework/v1/personalities/{id}/"): Operation(
        "personalities-retrieve", None, {200: CreatePersonality}
    ),
    ("PATCH", "/test_framework/v1/personalities/{id}/"): Operation(
        "personalities-partial-update", PatchedCreatePersonalityWrite, {200: CreatePersonality}
    ),
    ("POST", "/test_framework/v1/personalities/{id}/fork/"): Operation(
        "personalities-fork-create", ForkPersonalityWrite, {200: CreatePersonality}
    ),
    ("GET", "/test_framework/v1/predefined-metrics-external/"): Operation(
        "predefined-metrics-external-list", None, {200: list[PredefinedMetric]}
    ),
    ("POST", "/test_framework/v1/predefined-metrics-external/copy/"): Operation(
        "predefined-metrics-external-copy-create",
        PredefinedMetricCopyRequestWrite,
        {200: list[MetricList]},
    ),
    ("GET", "/test_framework/v1/predefined-metrics/"): Operation(
        "predefined-metrics-list", None, {200: list[PredefinedMetric]}
    ),
    ("POST", "/test_framework/v1/predefined-metrics/copy/"): Operation(
        "predefined-metrics-copy-create", PredefinedMetricCopyRequestWrite, {200: list[MetricList]}
    ),
    ("GET", "/test_framework/v1/scenarios-external/"): Operation(
        "scenarios-external-list", None, {200: PaginatedScenarioListList}
    ),
    ("POST", "/test_framework/v1/scenarios-external/"): Operation(
        "scenarios-external-create", SchemaPostScenarioWrite, {201: SchemaScenario, 400: None}
    ),
    ("POST", "/test_framework/v1/scenarios-external/add_tags/"): Operation(
        "scenarios-external-add-tags-create", ScenarioWrite, {200: Scenario}
    ),
    ("POST", "/test_framework/v1/scenarios-external/adv_update/"): Operation(
        "scenarios-bulk-update", ScenariosBulkUpdateRequestWrite, {200: ScenarioList, 400: None}
    ),
    ("POST", "/test_framework/v1/scenarios-external/create_folder/"): Operation(
        "scenarios-folder-create", ScenarioFolderCreateWrite, {201: ScenarioFolder}
    ),
    ("POST", "/test_framework/v1/scenarios-external/delete_folder/"): Operation(
        "scenarios-folder-delete", DeleteFolderRequestWrite, {204: None}
    ),
    ("POST", "/test_framework/v1/scenarios-external/delete_scenarios/"): Operation(
        "scenarios-bulk-delete", ScenariosBulkDeleteRequestWrite, {204: None, 400: None}
    ),
    ("POST", "/test_framework/v1/scenarios-external/duplicate/"): Operation(
        "scenarios-external-duplicate-create",
        DuplicateScenariosRequestWrite,
        {201: PaginatedScenarioList, 400: None},
    ),
    ("GET", "/test_framework/v1/scenarios-external/folders/"): Operation(
        "scenarios-external-folders-list", None, {200: PaginatedScenarioFolderList}
    ),
    ("GET", "/test_framework/v1/scenarios-external/json_schema/"): Operation(
        "scenarios-json-schema", None, {200: Scenario}
    ),
    ("POST", "/test_framework/v1/scenarios-external/move_folder/"): Operation(
        "scenarios-folder-move", MoveFolderRequestWrite, {200: ScenarioFolder}
    ),
    ("POST", "/test_framework/v1/scenarios-external/rename_folder/"): Operation(
        "scenarios-folder-rename", RenameFolderRequestWrite, {200: ScenarioFolder}
    ),
    ("GET", "/test_framework/v1/scenarios-external/tags/"): Operation(
        "scenarios-external-tags-retrieve", None, {200: Scenario}
    ),
    ("DELETE", "/test_framework/v1/scenarios-external/{id}/"): Operation(
        "scenarios-external-destroy", None, {204: None, 404: None}
    ),
    ("GET", "/test_framework/v1/scenarios-external/{id}/"): Operation(
        "scenarios-external-retrieve", None, {200: SchemaScenario, 404: None}
    ),
    ("PATCH", "/test_framework/v1/scenarios-external/{id}/"): Operation(
        "scenarios-external-partial-update",
        PatchedSchemaPostScenarioWrite,
        {200: SchemaScenario, 400: None},
    ),
    ("PUT", "/test_framework/v1/scenarios-external/{id}/"): Operation(
        "scenarios-external-update", ScenarioWrite, {200: Scenario}
    ),
    ("GET", "/test_framework/v1/scenarios/"): Operation(
        "scenarios-list", None, {200: PaginatedScenarioListList}
    ),
    ("POST", "/test_framework/v1/scenarios/"): Operation(
        "scenarios-create", SchemaPostScenarioWrite, {201: SchemaScenario, 400: None}
    ),
    ("POST", "/test_framework/v1/scenarios/add_tags/"): Operation(
        "scenarios-add-tags-create", ScenarioWrite, {200: Scenario}
    ),
    ("POST", "/test_framework/v1/scenarios/adv_update/"): Operation(
        "scenarios-bulk-update_2", ScenariosBulkUpdateRequestWrite, {200: ScenarioList, 400: None}
    ),
    ("POST", "/test_framework/v1/scenarios/create_folder/"): Operation(
        "scenarios-folder-create_2", ScenarioFolderCreateWrite, {201: ScenarioFolder}
    ),
    ("POST", "/test_framework/v1/scenarios/delete_folder/"): Operation(
        "scenarios-folder-delete_2", DeleteFolderRequestWrite, {204: None}
    ),
    ("POST", "/test_framework/v1/scenarios/delete_scenarios/"): Operation(
        "scenarios-bulk-delete_2", ScenariosBulkDeleteRequestWrite, {204: None, 400: None}
    ),
    ("POST", "/test_framework/v1/scenarios/duplicate/"): Operation(
        "scenarios-duplicate-create",
        DuplicateScenariosRequestWrite,
        {201: PaginatedScenarioList, 400: None},
    ),
    ("GET", "/test_framework/v1/scenarios/folders/"): Operation(
        "scenarios-folders-list", None, {200: PaginatedScenarioFolderList}
    ),
    ("GET", "/test_framework/v1/scenarios/json_schema/"): Operation(
        "scenarios-json-schema_2", None, {200: Scenario}
    ),
    ("POST", "/test_framework/v1/scenarios/move_folder/"): Operation(
        "scenarios-folder-move_2", MoveFolderRequestWrite, {200: ScenarioFolder}
    ),
    ("POST", "/test_framework/v1/scenarios/rename_folder/"): Operation(
        "scenarios-folder-rename_2", RenameFolderRequestWrite, {200: ScenarioFolder}
    ),
    ("GET", "/test_framework/v1/scenarios/tags/"): Operation(
        "scenarios-tags-retrieve", None, {200: Scenario}
    ),
    ("DELETE", "/test_framework/v1/scenarios/{id}/"): Operation(
        "scenarios-destroy", None, {204: None, 404: None}
    ),
    ("GET", "/test_framework/v1/scenarios/{id}/"): Operation(
        "scenarios-retrieve", None, {200: SchemaScenario, 404: None}
    ),
    ("PATCH", "/test_framework/v1/scenarios/{id}/"): Operation(
        "scenarios-partial-update", PatchedSchemaPostScenarioWrite, {200: SchemaScenario, 400: None}
    ),
    ("PUT", "/test_framework/v1/scenarios/{id}/"): Operation(
        "scenarios-update", ScenarioWrite, {200: Scenario}
    ),
    ("GET", "/test_framework/v1/test-profiles-external/"): Operation(
        "test-profiles-external-list", None, {200: list[AIAgentTestProfileList]}
    ),
    ("POST", "/test_framework/v1/test-profiles-external/"): Operation(
        "test-profiles-external-create",
        SchemaPostAIAgentTestProfileExternalWrite,
        {200: AIAgentTestProfile, 400: None},
    ),
    ("DELETE", "/test_framework/v1/test-profiles-external/{id}/"): Operation(
        "test-profiles-external-destroy", None, {204: None, 404: None}
    ),
    ("GET", "/test_framework/v1/test-profiles-external/{id}/"): Operation(
        "test-profiles-external-retrieve", None, {200: AIAgentTestProfile}
    ),
    ("PATCH", "/test_framework/v1/test-profiles-external/{id}/"): Operation(
        "test-profiles-external-partial-update",
        PatchedSchemaPostAIAgentTestProfileExternalWrite,
        {200: AIAgentTestProfile},
    ),
    ("PUT", "/test_framework/v1/test-profiles-external/{id}/"): Operation(
        "test-profiles-external-update", AIAgentTestProfileWrite, {200: AIAgentTestProfile}
    ),
    ("GET", "/test_framework/v1/test-profiles/"): Operation(
        "test-profiles-list", None, {200: list[AIAgentTestProfileList]}
    ),
    ("POST", "/test_framework/v1/test-profiles/"): Operation(
        "test-profiles-create",
        SchemaPostAIAgentTestProfileExternalWrite,
        {200: AIAgentTestProfile, 400: None},
    ),
    ("DELETE", "/test_framework/v1/test-profiles/{id}/"): Operation(
        "test-profiles-destroy", None, {204: None, 404: None}
    ),
    ("GET", "/test_framework/v1/test-profiles/{id}/"): Operation(
        "test-profiles-retrieve", None, {200: AIAgentTestProfile}
    ),
    ("PATCH", "/test_framework/v1/test-profiles/{id}/"): Operation(
        "test-profiles-partial-update",
        PatchedSchemaPostAIAgentTestProfileExternalWrite,
        {200: AIAgentTestProfile},
    ),
    ("PUT", "/test_framework/v1/test-profiles/{id}/"): Operation(
        "test-profiles-update", AIAgentTestProfileWrite, {200: AIAgentTestProfile}
    ),
    ("GET", "/test_framework/v2/aiagents/"): Operation(
        "aiagents-list", None, {200: PaginatedAIAgentV2List}
    ),
    ("POST", "/test_framework/v2/aiagents/"): Operation(
        "aiagents-create",
        SchemaPostAIAgentV2Write,
        {201: AIAgentV2, 202: AIAgentConfigureFromProviderResponse, 400: None},
    ),
    ("DELETE", "/test_framework/v2/aiagents/{id}/"): Operation(
        "aiagents-destroy", None, {204: None, 400: None}
    ),
    ("GET", "/test_framework/v2/aiagents/{id}/"): Operation(
        "aiagents-retrieve", None, {200: AIAgentV2, 404: None}
    ),
    ("PATCH", "/test_framework/v2/aiagents/{id}/"): Operation(
        "aiagents-partial-update", PatchedSchemaPostAIAgentV2Write, {200: AIAgentV2, 400: None}
    ),
    ("PUT", "/test_framework/v2/aiagents/{id}/"): Operation(
        "aiagents-update", SchemaPostAIAgentV2Write, {200: AIAgentV2, 400: None}
    ),
    ("POST", "/test_framework/v2/aiagents/{id}/disable_personalities/"): Operation(
        "aiagents-disable-personalities-create",
        EnableDisablePersonalitiesWrite,
        {200: DisablePersonalitiesResponse, 400: None},
    ),
    ("POST", "/test_framework/v2/aiagents/{id}/duplicate/"): Operation(
        "aiagents-duplicate-create", SchemaPostCopyAgentWrite, {201: AIAgentV2, 400: None}
    ),
    ("POST", "/test_framework/v2/aiagents/{id}/enable_personalities/"): Operation(
        "aiagents-enable-personalities-create",
        EnableDisablePersonalitiesWrite,
        {200: PaginatedPersonalityList, 400: None},
    ),
    ("GET", "/test_framework/v2/aiagents/{id}/personalities/"): Operation(
        "aiagents-personalities-list", None, {200: PaginatedPersonalityList}
    ),
    ("POST", "/test_framework/v2/aiagents/{id}/upload_knowledge_base/"): Operation(
        "aiagents-upload-knowledge-base_2",
        AiagentsUploadKnowledgeBase2BodyWrite,
        {201: PaginatedKnowledgeBaseFileList, 400: None},
    ),
    ("GET", "/test_framework/v2/metrics/"): Operation(
        "metrics-list", None, {200: list[MetricListSerializerV2]}
    ),
    ("POST", "/test_framework/v2/metrics/"): Operation(
        "metrics-create", MetricEditSerializerV2Write, {201: MetricDetailSerializerV2, 400: None}
    ),
    ("POST", "/test_framework/v2/metrics/bulk_create/"): Operation(
        "metrics-bulk-create_3",
        list[SchemaPostMetricEditWrite],
        {201: list[SchemaPostMetricEdit], 400: None},
    ),
    ("DELETE", "/test_framework/v2/metrics/{id}/"): Operation(
        "metrics-destroy", None, {204: None, 404: None}
    ),
    ("GET", "/test_framework/v2/metrics/{id}/"): Operation(
        "metrics-retrieve", None, {200: MetricDetailSerializerV2, 404: None}
    ),
    ("PATCH", "/test_framework/v2/metrics/{id}/"): Operation(
        "metrics-partial-update",
        PatchedMetricEditSerializerV2Write,
        {200: MetricDetailSerializerV2, 400: None, 404: None},
    ),
    ("PUT", "/test_framework/v2/metrics/{id}/"): Operation(
        "metrics-update", SchemaPostMetricEditWrite, {200: SchemaPostMetricEdit, 400: None}
    ),
    ("GET", "/test_framework/v2/scenarios/"): Operation(
        "test-framework-v2-scenarios-list", None, {200: PaginatedScenarioListList}
    ),
    ("POST", "/test_framework/v2/scenarios/"): Operation(
        "test-framework-v2-scenarios-create",
        SchemaPostScenarioWrite,
        {201: SchemaScenario, 400: None},
    ),
    ("POST", "/test_framework/v2/scenarios/add_tags/"): Operation(
        "test-framework-v2-scenarios-add-tags-create",
        ScenarioSerializerV2Write,
        {200: ScenarioSerializerV2},
    ),
    ("POST", "/test_framework/v2/scenarios/adv_update/"): Operation(
        "scenarios-bulk-update_3", ScenariosBulkUpdateRequestWrite, {200: ScenarioList, 400: None}
    ),
    ("POST", "/test_framework/v2/scenarios/create_folder/"): Operation(
        "scenarios-folder-create_3", ScenarioFolderCreateWrite, {201: ScenarioFolder}
    ),
    ("POST", "/test_framework/v2/scenarios/delete_folder/"): Operation(
        "scenarios-folder-delete_3", DeleteFolderRequestWrite, {204: None}
    ),
    ("POST", "/test_framework/v2/scenarios/delete_scenarios/"): Operation(
        "scenarios-bulk-delete_3", ScenariosBulkDeleteRequestWrite, {204: None, 400: None}
    ),
    ("POST", "/test_framework/v2/scenarios/duplicate/"): Operation(
        "test-framework-v2-scenarios-duplicate-create",
        DuplicateScenariosRequestWrite,
        {201: PaginatedScenarioList, 400: None},
    ),
    ("GET", "/test_framework/v2/scenarios/folders/"): Operation(
        "test-framework-v2-scenarios-folders-list", None, {200: PaginatedScenarioFolderList}
    ),
    ("GET", "/test_framework/v2/scenarios/json_schema/"): Operation(
        "scenarios-json-schema_3", None, {200: ScenarioSerializerV2}
    ),
    ("POST", "/test_framework/v2/scenarios/move_folder/"): Operation(
        "scenarios-folder-move_3", MoveFolderRequestWrite, {200: ScenarioFolder}
    ),
    ("POST", "/test_framework/v2/scenarios/rename_folder/"): Operation(
        "scenarios-folder-rename_3", RenameFolderRequestWrite, {200: ScenarioFolder}
    ),
    ("GET", "/test_framework/v2/scenarios/tags/"): Operation(
        "test-framework-v2-scenarios-tags-retrieve", None, {200: ScenarioSerializerV2}
    ),
    ("DELETE", "/test_framework/v2/scenarios/{id}/"): Operation(
        "test-framework-v2-scenarios-destroy", None, {204: None, 404: None}
    ),
    ("GET", "/test_framework/v2/scenarios/{id}/"): Operation(
        "test-framework-v2-scenarios-retrieve", None, {200: SchemaScenario, 404: None}
    ),
    ("PATCH", "/test_framework/v2/scenarios/{id}/"): Operation(
        "test-framework-v2-scenarios-partial-update",
        PatchedSchemaPostScenarioWrite,
        {200: SchemaScenario, 400: None},
    ),
    ("PUT", "/test_framework/v2/scenarios/{id}/"): Operation(
        "test-framework-v2-scenarios-update", ScenarioSerializerV2Write, {200: ScenarioSerializerV2}
    ),
    ("GET", "/user/organizations/"): Operation(
        "user-organizations-list", None, {200: list[Organization]}
    ),
    ("GET", "/user/v1/projects-external/"): Operation(
        "projects-external-list", None, {200: list[Project]}
    ),
    ("POST", "/user/v1/projects-external/"): Operation(
        "projects-external-create", ProjectWrite, {201: Project}
    ),
    ("DELETE", "/user/v1/projects-external/{id}/"): Operation(
        "projects-external-destroy", None, {200: None, 400: None, 403: None, 404: None}
    ),
    ("GET", "/user/v1/projects-external/{id}/"): Operation(
        "projects-external-retrieve", None, {200: Project}
    ),
    ("PATCH", "/user/v1/projects-external/{id}/"): Operation(
        "projects-external-partial-update", PatchedProjectWrite, {200: Project}
    ),
    ("PUT", "/user/v1/projects-external/{id}/"): Operation(
        "projects-external-update", ProjectWrite, {200: Project}
    ),
    ("POST", "/user/v1/projects-external/{id}/disable_personalities/"): Operation(
        "projects-external-disable-personalities-create",
        DisablePersonalitiesRequestWrite,
        {200: dict[str, Any]},
    ),
    ("POST", "/user/v1/projects-external/{id}/enable_personalities/"): Operation(
        "projects-external-enable-personalities-create",
        EnablePersonalitiesRequestWrite,
        {200: dict[str, Any]},
    ),
    ("GET", "/user/v1/projects-external/{id}/personalities/"): Operation(
        "projects-external-personalities-retrieve", None, {200: Project}
    ),
    ("GET", "/user/v1/projects/"): Operation("projects-list", None, {200: list[Project]}),
    ("POST", "/user/v1/projects/"): Operation("projects-create", ProjectWrite, {201: Project}),
    ("DELETE", "/user/v1/projects/{id}/"): Operation(
        "projects-destroy", None, {200: None, 400: None, 403: None, 404: None}
    ),
    ("GET", "/user/v1/projects/{id}/"): Operation("projects-retrieve", None, {200: Project}),
    ("PATCH", "/user/v1/projects/{id}/"): Operation(
        "projects-partial-update", PatchedProjectWrite, {200: Project}
    ),
    ("PUT", "/user/v1/projects/{id}/"): Operation("projects-update", ProjectWrite, {200: Project}),
    ("POST", "/user/v1/projects/{id}/disable_personalities/"): Operation(
        "projects-disable-personalities-create",
        DisablePersonalitiesRequestWrite,
        {200: dict[str, Any]},
    ),
    ("POST", "/user/v1/projects/{id}/enable_personalities/"): Operation(
        "projects-enable-personalities-create",
        EnablePersonalitiesRequestWrite,
        {200: dict[str, Any]},
    ),
    ("GET", "/user/v1/projects/{id}/personalities/"): Operation(
        "projects-personalities-retrieve", None, {200: Project}
    ),
    ("GET", "/user/v2/organizations/"): Operation(
        "user-v2-organizations-list", None, {200: PaginatedOrganizationList}
    ),
    ("POST", "/test_framework/v1/scenarios/run_scenarios_text/"): Operation(
        "scenarios-run-text_2",
        SchemaPostRunScenariosTextWrite,
        {201: ScenariosRunText2201, 400: None},
    ),
    ("POST", "/test_framework/v1/scenarios-external/run_scenarios_text/"): Operation(
        "scenarios-run-text", SchemaPostRunScenariosTextWrite, {201: ScenariosRunText201, 400: None}
    ),
    ("POST", "/test_framework/v2/scenarios/run_scenarios_text/"): Operation(
        "scenarios-run-text_3",
        SchemaPostRunScenariosTextWrite,
        {201: ScenariosRunText3201, 400: None},
    ),
    ("GET", "/test_framework/v1/results/"): Operation(
        "results-v1-list", None, {200: PaginatedResultList}
    ),
    ("GET", "/test_framework/v1/results/{id}/"): Operation(
        "results-v1-retrieve", None, {200: ResultDetailV2, 404: None}
    ),
    ("GET", "/test_framework/v1/results-external/"): Operation(
        "results-v1-external-list", None, {200: PaginatedResultList}
    ),
    ("GET", "/test_framework/v1/results-external/{id}/"): Operation(
        "results-v1-external-retrieve", None, {200: ResultDetailV2, 404: None}
    ),
    ("GET", "/test_framework/v2/results/"): Operation(
        "results-list", None, {200: PaginatedResultList}
    ),
    ("GET", "/test_framework/v2/results/{id}/"): Operation(
        "results-retrieve", None, {200: ResultDetailV2, 404: None}
    ),
    ("GET", "/test_framework/v1/runs/"): Operation(
        "runs-v1-list", None, {200: PaginatedRunListList}
    ),
    ("GET", "/test_framework/v1/runs/{id}/"): Operation("runs-v1-retrieve", None, {200: Run}),
    ("GET", "/test_framework/v1/runs/bulk/"): Operation(
        "runs-v1-bulk-retrieve", None, {200: list[Run]}
    ),
    ("GET", "/test_framework/v1/runs-external/"): Operation(
        "runs-v1-external-list", None, {200: PaginatedRunListList}
    ),
    ("GET", "/test_framework/v1/runs-external/{id}/"): Operation(
        "runs-v1-external-retrieve", None, {200: Run}
    ),
    ("GET", "/test_framework/v1/runs-external/bulk/"): Operation(
        "runs-v1-external-bulk-retrieve", None, {200: list[Run]}
    ),
    ("GET", "/test_framework/v2/runs/"): Operation("runs-list", None, {200: PaginatedRunListList}),
    ("GET", "/test_framework/v2/runs/{id}/"): Operation("runs-retrieve", None, {200: Run}),
    ("GET", "/test_framework/v2/runs/bulk/"): Operation(
        "runs-bulk-retrieve", None, {200: list[Run]}
    ),
    ("POST", "/test_framework/v1/scenarios/run_scenarios_json/"): Operation(
        "scenarios-run-json_2", TestSuiteSpecUploadWrite, {200: ScenariosRunJson2200, 400: None}
    ),
    ("POST", "/test_framework/v1/scenarios-external/run_scenarios_json/"): Operation(
        "scenarios-run-json", TestSuiteSpecUploadWrite, {200: ScenariosRunJson200, 400: None}
    ),
    ("POST", "/test_framework/v2/scenarios/run_scenarios_json/"): Operation(
        "scenarios-run-json_3", TestSuiteSpecUploadWrite, {200: ScenariosRunJson3200, 400: None}
    ),
    ("POST", "/test_framework/v1/scenarios/run_scenarios_with_websockets/"): Operation(
        "scenarios-run-websocket_2",
        RunScenariosWithWebsocketsWrite,
        {201: ScenariosRunWebsocket2201, 400: None},
    ),
    ("POST", "/test_framework/v1/scenarios-external/run_scenarios_with_websockets/"): Operation(
        "scenarios-run-websocket",
        RunScenariosWithWebsocketsWrite,
        {201: ScenariosRunWebsocket201, 400: None},
    ),
    ("POST", "/test_framework/v2/scenarios/run_scenarios_with_websockets/"): Operation(
        "scenarios-run-websocket_3",
        RunScenariosWithWebsocketsWrite,
        {201: ScenariosRunWebsocket3201, 400: None},
    ),
    ("POST", "/test_framework/v1/scenarios/run_scenarios_chirp/"): Operation(
        "scenarios-run-chirp_2",
        SchemaPostRunScenariosChirpWrite,
        {200: ScenariosRunChirp2200, 400: None},
    ),
    ("POST", "/test_framework/v1/scenarios-external/run_scenarios_chirp/"): Operation(
        "scenarios-run-chirp",
        SchemaPostRunScenariosChirpWrite,
        {200: ScenariosRunChirp200, 400: None},
    ),
    ("POST", "/test_framework/v2/scenarios/run_scenarios_chirp/"): Operation(
        "scenarios-run-chirp_3",
        SchemaPostRunScenariosChirpWrite,
        {200: ScenariosRunChirp3200, 400: None},
    ),
    ("POST", "/test_framework/v1/scenarios/run_scenarios_livekit_v2/"): Operation(
        "scenarios-run-livekit-v2_2",
        RunLivekitScenariosWrite,
        {200: ScenariosRunLivekitV22200, 400: None},
    ),
    ("POST", "/test_framework/v1/scenarios-external/run_scenarios_livekit_v2/"): Operation(
        "scenarios-run-livekit-v2",
        RunLivekitScenariosWrite,
        {200: ScenariosRunLivekitV2200, 400: None},
    ),
    ("POST", "/test_framework/v2/scenarios/run_scenarios_livekit_v2/"): Operation(
        "scenarios-run-livekit-v2_3",
        RunLivekitScenariosWrite,
        {200: ScenariosRunLivekitV23200, 400: None},
    ),
    ("POST", "/test_framework/v1/results/{id}/rerun/"): Operation(
        "results-v1-rerun-create", None, {200: Result}
    ),
    ("POST", "/test_framework/v1/results-external/{id}/rerun/"): Operation(
        "results-v1-external-rerun-create", None, {200: Result}
    ),
    ("POST", "/test_framework/v2/results/{id}/rerun/"): Operation(
        "results-rerun-create", None, {200: Result}
    ),
    ("POST", "/test_framework/v1/results/{id}/end_calls/"): Operation(
        "end-calls_2", None, {200: None, 404: None}
    ),
    ("POST", "/test_framework/v1/results-external/{id}/end_calls/"): Operation(
        "end-calls", None, {200: None, 404: None}
    ),
    ("POST", "/test_framework/v2/results/{id}/end_calls/"): Operation(
        "end-calls_3", None, {200: None, 404: None}
    ),
    ("POST", "/test_framework/v1/results/{id}/delete_runs/"): Operation(
        "delete-runs_2", SchemaPostDeleteRunsWrite, {204: None, 400: None, 404: None}
    ),
    ("POST", "/test_framework/v1/results-external/{id}/delete_runs/"): Operation(
        "delete-runs", SchemaPostDeleteRunsWrite, {204: None, 400: None, 404: None}
    ),
    ("POST", "/test_framework/v2/results/{id}/delete_runs/"): Operation(
        "delete-runs_3", SchemaPostDeleteRunsWrite, {204: None, 400: None, 404: None}
    ),
    ("POST", "/test_framework/v1/runs/{id}/end_call/"): Operation(
        "end-call_2", None, {200: None, 404: None}
    ),
    ("POST", "/test_framework/v1/runs-external/{id}/end_call/"): Operation(
        "end-call", None, {200: None, 404: None}
    ),
    ("POST", "/test_framework/v2/runs/{id}/end_call/"): Operation(
        "end-call_3", None, {200: None, 404: None}
    ),
    ("POST", "/test_framework/v1/results/{id}/evaluate_metrics/"): Operation(
        "results-v1-evaluate-metrics-create", SchemaPostReRunResultDetailWrite, {200: Result}
    ),
    ("POST", "/test_framework/v1/results-external/{id}/evaluate_metrics/"): Operation(
        "results-v1-external-evaluate-metrics-create",
        SchemaPostReRunResultDetailWrite,
        {200: Result},
    ),
    ("POST", "/test_framework/v2/results/{id}/evaluate_metrics/"): Operation(
        "results-evaluate-metrics-create", SchemaPostReRunResultDetailWrite, {200: Result}
    ),
    ("POST", "/test_framework/v1/results/bulk_evaluate_metrics/"): Operation(
        "bulk-evaluate-result-metrics_2",
        SchemaPostBulkEvaluateResultMetricsWrite,
        {200: None, 400: None},
    ),
    ("POST", "/test_framework/v1/results-external/bulk_evaluate_metrics/"): Operation(
        "bulk-evaluate-result-metrics",
        SchemaPostBulkEvaluateResultMetricsWrite,
        {200: None, 400: None},
    ),
    ("POST", "/test_framework/v2/results/bulk_evaluate_metrics/"): Operation(
        "bulk-evaluate-result-metrics_3",
        SchemaPostBulkEvaluateResultMetricsWrite,
        {200: None, 400: None},
    ),
    ("POST", "/test_framework/v1/runs/{id}/mark_metric_vote/"): Operation(
        "runs-v1-mark-metric-vote-create",
        MarkMetricVoteWrite,
        {200: MarkMetricVoteRunResponse, 400: None, 404: None},
    ),
    ("POST", "/test_framework/v1/runs-external/{id}/mark_metric_vote/"): Operation(
        "runs-v1-external-mark-metric-vote-create",
        MarkMetricVoteWrite,
        {200: MarkMetricVoteRunResponse, 400: None, 404: None},
    ),
    ("POST", "/test_framework/v2/runs/{id}/mark_metric_vote/"): Operation(
        "runs-mark-metric-vote-create",
        MarkMetricVoteWrite,
        {200: MarkMetricVoteRunResponse, 400: None, 404: None},
    ),
    ("POST", "/test_framework/v1/metrics/preview/"): Operation(
        "metrics-v1-preview-create", MetricPreviewWrite, {200: None}
    ),
    ("POST", "/test_framework/v1/metrics-external/preview/"): Operation(
        "metrics-v1-external-preview-create", MetricPreviewWrite, {200: None}
    ),
    ("POST", "/test_framework/v2/metrics/preview/"): Operation(
        "metrics-preview-create", MetricPreviewWrite, {200: None}
    ),
    ("GET", "/test_framework/v1/metrics/preview-progress/"): Operation(
        "metrics-preview-progress_2", None, {200: None}
    ),
    ("GET", "/test_framework/v1/metrics-external/preview-progress/"): Operation(
        "metrics-preview-progress", None, {200: None}
    ),
    ("GET", "/test_framework/v2/metrics/preview-progress/"): Operation(
        "metrics-preview-progress_3", None, {200: None}
    ),
    ("POST", "/observability/v1/observe/"): Operation(
        "observe-create", CreateCallLogWrite, {201: CallLogList, 400: None}
    ),
    ("POST", "/observability/v1/vapi/observe/"): Operation(
        "vapi-observe-create", None, {200: None}
    ),
    ("POST", "/observability/v1/retell/observe/"): Operation(
        "retell-observe-create", None, {200: None}
    ),
    ("POST", "/observability/v1/pipecat/observe/"): Operation(
        "pipecat-observe-create", None, {200: None}
    ),
    ("POST", "/observability/v1/livekit/observe/"): Operation(
        "livekit-observe-create", None, {200: None}
    ),
    ("POST", "/test_framework/custom-provider-transcript-webhook/"): Operation(
        "test-framework-custom-provider-transcript-webhook-create", None, {200: None}
    ),
    ("GET", "/observability/v1/call-logs/"): Operation(
        "call-logs-list", None, {200: PaginatedCallLogListList}
    ),
    ("GET", "/observability/v1/call-logs/{id}/"): Operation(
        "call-logs-retrieve", None, {200: CallLogDetail, 404: None}
    ),
    ("PATCH", "/observability/v1/call-logs/{id}/"): Operation(
        "observability-v2-call-logs-partial-update_2",
        PatchedUpdateCallLogWrite,
        {200: CallLogDetail, 400: None, 404: None},
    ),
    ("DELETE", "/observability/v1/call-logs/{id}/"): Operation(
        "call-logs-destroy", None, {204: None, 404: None}
    ),
    ("POST", "/observability/v1/call-logs/{id}/mark_metric_vote/"): Operation(
        "call-logs-mark-metric-vote-create",
        MarkMetricVoteWrite,
        {200: MarkMetricVoteCallLogResponse, 400: None, 404: None},
    ),
    ("POST", "/observability/v1/call-logs/evaluate_metrics/"): Operation(
        "call-logs-evaluate-metrics-create",
        EvaluateMetricsWrite,
        {200: list[CallLogList], 400: None},
    ),
    ("POST", "/observability/v1/call-logs/rerun_evaluation/"): Operation(
        "call-logs-rerun-evaluation-create",
        RerunEvaluationWrite,
        {200: list[CallLogDetail], 400: None},
    ),
    ("POST", "/observability/v1/call-logs/delete_call_logs/"): Operation(
        "call-logs-bulk-delete_2", DeleteCallLogsWrite, {204: None, 400: None}
    ),
    ("GET", "/observability/v1/call-logs/filters/"): Operation(
        "call-logs-filters-retrieve", None, {200: CallLogDetail}
    ),
    ("GET", "/observability/v1/call-logs/filters_call_id/"): Operation(
        "call-logs-filters-call-id-retrieve", None, {200: CallLogDetail}
    ),
    ("GET", "/observability/v1/call-logs/filters_customer_number/"): Operation(
        "call-logs-filters-customer-number-retrieve", None, {200: CallLogDetail}
    ),
    ("GET", "/observability/v1/call-logs-external/"): Operation(
        "call-logs-external-list", None, {200: PaginatedCallLogListList}
    ),
    ("GET", "/observability/v1/call-logs-external/{id}/"): Operation(
        "call-logs-external-retrieve", None, {200: CallLogDetail, 404: None}
    ),
    ("PATCH", "/observability/v1/call-logs-external/{id}/"): Operation(
        "observability-v2-call-logs-partial-update",
        PatchedUpdateCallLogWrite,
        {200: CallLogDetail, 400: None, 404: None},
    ),
    ("DELETE", "/observability/v1/call-logs-external/{id}/"): Operation(
        "call-logs-external-destroy", None, {204: None, 404: None}
    ),
    ("POST", "/observability/v1/call-logs-external/{id}/mark_metric_vote/"): Operation(
        "call-logs-external-mark-metric-vote-create",
        MarkMetricVoteWrite,
        {200: MarkMetricVoteCallLogResponse, 400: None, 404: None},
    ),
    ("POST", "/observability/v1/call-logs-external/evaluate_metrics/"): Operation(
        "call-logs-external-evaluate-metrics-create",
        EvaluateMetricsWrite,
        {200: list[CallLogList], 400: None},
    ),
    ("POST", "/observability/v1/call-logs-external/rerun_evaluation/"): Operation(
        "call-logs-external-rerun-evaluation-create",
        RerunEvaluationWrite,
        {200: list[CallLogDetail], 400: None},
    ),
    ("POST", "/observability/v1/call-logs-external/delete_call_logs/"): Operation(
        "call-logs-bulk-delete", DeleteCallLogsWrite, {204: None, 400: None}
    ),
    ("GET", "/observability/v1/call-logs-external/filters/"): Operation(
        "call-logs-external-filters-retrieve", None, {200: CallLogDetail}
    ),
    ("GET", "/observability/v1/call-logs-external/filters_call_id/"): Operation(
        "call-logs-external-filters-call-id-retrieve", None, {200: CallLogDetail}
    ),
    ("GET", "/observability/v1/call-logs-external/filters_customer_number/"): Operation(
        "call-logs-external-filters-customer-number-retrieve", None, {200: CallLogDetail}
    ),
    ("GET", "/observability/v2/call-logs/"): Operation(
        "observability-v2-call-logs-list", None, {200: PaginatedCallLogListList}
    ),
    ("GET", "/observability/v2/call-logs/{id}/"): Operation(
        "observability-v2-call-logs-retrieve", None, {200: CallLogDetail, 404: None}
    ),
    ("PATCH", "/observability/v2/call-logs/{id}/"): Operation(
        "observability-v2-call-logs-partial-update_3",
        PatchedUpdateCallLogWrite,
        {200: CallLogDetail, 400: None, 404: None},
    ),
    ("DELETE", "/observability/v2/call-logs/{id}/"): Operation(
        "observability-v2-call-logs-destroy", None, {204: None, 404: None}
    ),
    ("POST", "/observability/v2/call-logs/{id}/mark_metric_vote/"): Operation(
        "observability-v2-call-logs-mark-metric-vote-create",
        MarkMetricVoteWrite,
        {200: MarkMetricVoteCallLogResponse, 400: None, 404: None},
    ),
    ("POST", "/observability/v2/call-logs/evaluate_metrics/"): Operation(
        "observability-v2-call-logs-evaluate-metrics-create",
        EvaluateMetricsWrite,
        {200: list[CallLogList], 400: None},
    ),
    ("POST", "/observability/v2/call-logs/rerun_evaluation/"): Operation(
        "observability-v2-call-logs-rerun-evaluation-create",
        RerunEvaluationWrite,
        {200: list[CallLogDetail], 400: None},
    ),
    ("POST", "/observability/v2/call-logs/delete_call_logs/"): Operation(
        "call-logs-bulk-delete_3", DeleteCallLogsWrite, {204: None, 400: None}
    ),
    ("GET", "/observability/v2/call-logs/filters/"): Operation(
        "observability-v2-call-logs-filters-retrieve", None, {200: CallLogDetail}
    ),
    ("GET", "/observability/v2/call-logs/filters_call_id/"): Operation(
        "observability-v2-call-logs-filters-call-id-retrieve", None, {200: CallLogDetail}
    ),
    ("GET", "/observability/v2/call-logs/filters_customer_number/"): Operation(
        "observability-v2-call-logs-filters-customer-number-retrieve", None, {200: CallLogDetail}
    ),
    ("POST", "/observability/v1/call-logs/"): Operation(
        "call-logs-create", CallLogDetailWrite, {201: CallLogDetail}
    ),
    ("POST", "/observability/v1/call-logs-external/"): Operation(
        "call-logs-external-create", CallLogDetailWrite, {201: CallLogDetail}
    ),
    ("POST", "/observability/v1/call-logs-external/{id}/mark_critical_scenario_wrong/"): Operation(
        "call-logs-external-mark-critical-scenario-wrong-create",
        CallLogDetailWrite,
        {200: CallLogDetail},
    ),
    (
        "POST",
        "/observability/v1/call-logs-external/{id}/unmark_critical_scenario_wrong/",
    ): Operation(
        "call-logs-external-unmark-critical-scenario-wrong-create",
        CallLogDetailWrite,
        {200: CallLogDetail},
    ),
    ("POST", "/observability/v1/call-logs-external/complete-upload/"): Operation(
        "call-logs-external-complete-upload-create", CallLogDetailWrite, {200: CallLogDetail}
    ),
    ("POST", "/observability/v1/call-logs-external/create_scenarios/"): Operation(
        "call-logs-create-scenarios",
        SchemaPostCreateScenariosWrite,
        {200: CallLogsCreateScenarios200, 400: None, 403: None},
    ),
    ("GET", "/observability/v1/call-logs-external/create_scenarios_progress/"): Operation(
        "call-logs-create-scenarios-progress",
        None,
        {200: SchemaCreateScenariosProgressResponse, 400: None},
    ),
    ("GET", "/observability/v1/call-logs-external/export_call_logs/"): Operation(
        "call-logs-external-export-call-logs-retrieve", None, {200: CallLogDetail}
    ),
    ("GET", "/observability/v1/call-logs-external/export_call_logs_progress/"): Operation(
        "call-logs-external-export-call-logs-progress-retrieve", None, {200: CallLogDetail}
    ),
    ("POST", "/observability/v1/call-logs-external/get-upload-url/"): Operation(
        "call-logs-external-get-upload-url-create", CallLogDetailWrite, {200: CallLogDetail}
    ),
    ("POST", "/observability/v1/call-logs/{id}/mark_critical_scenario_wrong/"): Operation(
        "call-logs-mark-critical-scenario-wrong-create", CallLogDetailWrite, {200: CallLogDetail}
    ),
    ("GET", "/observability/v1/call-logs/{id}/trace/"): Operation(
        "call-logs-trace-retrieve", None, {200: CallLogTraceResponse, 404: None}
    ),
    ("POST", "/observability/v1/call-logs/{id}/unmark_critical_scenario_wrong/"): Operation(
        "call-logs-unmark-critical-scenario-wrong-create", CallLogDetailWrite, {200: CallLogDetail}
    ),
    ("POST", "/observability/v1/call-logs/complete-upload/"): Operation(
        "call-logs-complete-upload-create", CallLogDetailWrite, {200: CallLogDetail}
    ),
    ("POST", "/observability/v1/call-logs/create_scenarios/"): Operation(
        "call-logs-create-scenarios_2",
        SchemaPostCreateScenariosWrite,
        {200: CallLogsCreateScenarios2200, 400: None, 403: None},
    ),
    ("GET", "/observability/v1/call-logs/create_scenarios_progress/"): Operation(
        "call-logs-create-scenarios-progress_2",
        None,
        {200: SchemaCreateScenariosProgressResponse, 400: None},
    ),
    ("GET", "/observability/v1/call-logs/export_call_logs/"): Operation(
        "call-logs-export-call-logs-retrieve", None, {200: CallLogDetail}
    ),
    ("GET", "/observability/v1/call-logs/export_call_logs_progress/"): Operation(
        "call-logs-export-call-logs-progress-retrieve", None, {200: CallLogDetail}
    ),
    ("POST", "/observability/v1/call-logs/get-upload-url/"): Operation(
        "call-logs-get-upload-url-create", CallLogDetailWrite, {200: CallLogDetail}
    ),
    ("POST", "/observability/v2/call-logs/"): Operation(
        "observability-v2-call-logs-create", CallLogDetailWrite, {201: CallLogDetail}
    ),
    ("POST", "/observability/v2/call-logs/{id}/mark_critical_scenario_wrong/"): Operation(
        "observability-v2-call-logs-mark-critical-scenario-wrong-create",
        CallLogDetailWrite,
        {200: CallLogDetail},
    ),
    ("POST", "/observability/v2/call-logs/{id}/unmark_critical_scenario_wrong/"): Operation(
        "observability-v2-call-logs-unmark-critical-scenario-wrong-create",
        CallLogDetailWrite,
        {200: CallLogDetail},
    ),
    ("POST", "/observability/v2/call-logs/complete-upload/"): Operation(
        "observability-v2-call-logs-complete-upload-create",
        CallLogDetailWrite,
        {200: CallLogDetail},
    ),
    ("POST", "/observability/v2/call-logs/create_scenarios/"): Operation(
        "call-logs-create-scenarios_3",
        SchemaPostCreateScenariosWrite,
        {200: CallLogsCreateScenarios3200, 400: None, 403: None},
    ),
    ("GET", "/observability/v2/call-logs/create_scenarios_progress/"): Operation(
        "call-logs-create-scenarios-progress_3",
        None,
        {200: SchemaCreateScenariosProgressResponse, 400: None},
    ),
    ("GET", "/observability/v2/call-logs/export_call_logs/"): Operation(
        "observability-v2-call-logs-export-call-logs-retrieve", None, {200: CallLogDetail}
    ),
    ("GET", "/observability/v2/call-logs/export_call_logs_progress/"): Operation(
        "observability-v2-call-logs-export-call-logs-progress-retrieve", None, {200: CallLogDetail}
    ),
    ("POST", "/observability/v2/call-logs/get-upload-url/"): Operation(
        "observability-v2-call-logs-get-upload-url-create", CallLogDetailWrite, {200: CallLogDetail}
    ),
    ("GET", "/schedules/v1/cron-jobs/"): Operation("cron-jobs-list", None, {200: list[CronJob]}),
    ("POST", "/schedules/v1/cron-jobs/"): Operation(
        "cron-jobs-create", SchemaPostCronJobWrite, {201: CronJob}
    ),
    ("GET", "/schedules/v1/cron-jobs/{id}/"): Operation("cron-jobs-retrieve", None, {200: CronJob}),
    ("PUT", "/schedules/v1/cron-jobs/{id}/"): Operation(
        "cron-jobs-update", SchemaPostCronJobWrite, {200: CronJob}
    ),
    ("PATCH", "/schedules/v1/cron-jobs/{id}/"): Operation(
        "cron-jobs-partial-update", PatchedSchemaPostCronJobWrite, {200: CronJob}
    ),
    ("DELETE", "/schedules/v1/cron-jobs/{id}/"): Operation(
        "cron-jobs-destroy", None, {204: None, 404: None}
    ),
    ("GET", "/schedules/v1/cron-jobs-external/"): Operation(
        "cron-jobs-external-list", None, {200: list[CronJob]}
    ),
    ("POST", "/schedules/v1/cron-jobs-external/"): Operation(
        "cron-jobs-external-create", SchemaPostCronJobWrite, {201: CronJob}
    ),
    ("GET", "/schedules/v1/cron-jobs-external/{id}/"): Operation(
        "cron-jobs-external-retrieve", None, {200: CronJob}
    ),
    ("PUT", "/schedules/v1/cron-jobs-external/{id}/"): Operation(
        "cron-jobs-external-update", SchemaPostCronJobWrite, {200: CronJob}
    ),
    ("PATCH", "/schedules/v1/cron-jobs-external/{id}/"): Operation(
        "cron-jobs-external-partial-update", PatchedSchemaPostCronJobWrite, {200: CronJob}
    ),
    ("DELETE", "/schedules/v1/cron-jobs-external/{id}/"): Operation(
        "cron-jobs-external-destroy", None, {204: None, 404: None}
    ),
    ("POST", "/user/v1/projects/{id}/test-webhook/"): Operation(
        "projects-test-webhook-create", ProjectWrite, {200: Project}
    ),
    ("POST", "/user/v1/projects-external/{id}/test-webhook/"): Operation(
        "projects-external-test-webhook-create", ProjectWrite, {200: Project}
    ),
}
