"""SQLAlchemy tables. Columns hold what is filtered, joined or unique; `attrs` holds the rest."""

from voxtest.storage.tables.agents import (
    Agent,
    AgentPersonality,
    AgentTool,
    DynamicVariable,
    KnowledgeBaseFile,
    Tool,
)
from voxtest.storage.tables.base import Base
from voxtest.storage.tables.call_logs import CallLog, CallLogJob, SamplingCounter
from voxtest.storage.tables.core import (
    ApiKey,
    Organization,
    Personality,
    Project,
    ProjectPersonality,
)
from voxtest.storage.tables.hooks import (
    CallSighting,
    CronJob,
    CronJobResult,
    Delivery,
    NotificationMark,
)
from voxtest.storage.tables.metrics import Metric, MetricAgent
from voxtest.storage.tables.mock_tools import MockState, MockToolCall
from voxtest.storage.tables.runs import Result, Run
from voxtest.storage.tables.scenarios import (
    Scenario,
    ScenarioFolder,
    ScenarioMetric,
    ScenarioTag,
    TestProfile,
)

__all__ = [
    "Agent",
    "AgentPersonality",
    "AgentTool",
    "ApiKey",
    "Base",
    "CallLog",
    "CallLogJob",
    "CallSighting",
    "CronJob",
    "CronJobResult",
    "Delivery",
    "DynamicVariable",
    "KnowledgeBaseFile",
    "Metric",
    "MetricAgent",
    "MockState",
    "MockToolCall",
    "NotificationMark",
    "Organization",
    "Personality",
    "Project",
    "ProjectPersonality",
    "Result",
    "Run",
    "SamplingCounter",
    "Scenario",
    "ScenarioFolder",
    "ScenarioMetric",
    "ScenarioTag",
    "TestProfile",
    "Tool",
]
