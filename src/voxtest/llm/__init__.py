"""Language models for the simulated caller and the judge, behind the `ChatModel` protocol."""

from voxtest.llm.base import (
    ChatMessage,
    ChatModel,
    ChatResult,
    ModelError,
    ModelNotConfigured,
    ToolCallRequest,
    ToolSpec,
    Usage,
)
from voxtest.llm.fake import ScriptedModel
from voxtest.llm.llama_cpp import LlamaCppConfig, LlamaCppModel
from voxtest.llm.openai_compat import OpenAICompatibleModel

__all__ = [
    "ChatMessage",
    "ChatModel",
    "ChatResult",
    "LlamaCppConfig",
    "LlamaCppModel",
    "ModelError",
    "ModelNotConfigured",
    "OpenAICompatibleModel",
    "ScriptedModel",
    "ToolCallRequest",
    "ToolSpec",
    "Usage",
]
