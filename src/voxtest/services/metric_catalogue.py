"""The predefined-metric catalogue: built-in metrics a project copies in by id or code.

Names, categories, eval types and output ranges follow Cekura's published list; the texts are
voxtest's own. Ids and codes are stable: never renumber an entry, only append. `cost` is
Cekura's credit price per evaluation, kept for wire compatibility (voxtest charges nothing).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

SPEECH = "Speech Quality"
CONVERSATION = "Conversation Quality"
ACCURACY = "Accuracy"
EXPERIENCE = "Customer Experience"

_SCORE_GTE_4 = {"field": "score", "op": "gte", "value": 4}
_PERCENT_GTE_80 = {"field": "score", "op": "gte", "value": 80}


@dataclass(frozen=True, eq=False)
class CatalogueMetric:
    id: int
    code: str
    name: str
    function_name: str
    category: str
    eval_type: str
    output: str
    description: str
    type: str = "llm_judge"
    cost: str = "0.000000"
    sub_category: str | None = None
    audio_enabled: bool = False
    enum_values: tuple[str, ...] = ()
    configuration: Mapping[str, Any] = field(default_factory=dict)
    per_agent_keys: tuple[str, ...] = ()
    rubric_rule: Mapping[str, Any] | None = None

    @property
    def call_level_keys(self) -> tuple[str, ...]:
        return tuple(k for k in self.configuration if k not in self.per_agent_keys)

    @property
    def enum_from_nodes(self) -> bool:
        return self.eval_type == "enum" and not self.enum_values


def _m(*args: Any, **kwargs: Any) -> CatalogueMetric:
    return CatalogueMetric(*args, **kwargs)


CATALOGUE: tuple[CatalogueMetric, ...] = (
    # -- Accuracy ---------------------------------------------------------------------------
    _m(1, "c11bdd81", "Expected Outcome", "evaluate_expected_outcome", ACCURACY, "binary",
       "Pass / Review Required / Failed",
       "Judges whether the call reached the evaluator's expected outcome, clause by clause.",
       rubric_rule={"field": "score", "op": "eq", "value": True}),
    _m(2, "017c4c24", "Hallucination", "check_hallucination", ACCURACY, "binary", "true/false",
       "Fails when the main agent states facts its knowledge base files do not support.",
       cost="0.600000", configuration={"hallucination_kb_files": {}},
       per_agent_keys=("hallucination_kb_files",)),
    _m(3, "51aaff10", "Relevancy", "check_relevancy", ACCURACY, "binary", "true/false",
       "Checks that every main-agent response addresses what the caller just said.",
       cost="0.200000"),
    _m(4, "e115ae06", "Response Consistency", "check_response_consistency", ACCURACY, "binary",
       "true/false",
       "Checks that the agent repeats caller details correctly and never contradicts itself.",
       cost="0.200000"),
    _m(5, "851a5419", "Tool Call Success", "check_tool_call_success", ACCURACY, "binary",
       "true/false", "Fails when any tool call in the transcript returned an error.",
       type="custom_code"),
    _m(6, "4831a281", "Transcription Accuracy", "get_transcription_accuracy", ACCURACY,
       "numeric", "0-100",
       "Weighted word error score of the agent's speech-to-text: names, nouns, numbers and "
       "negations weigh most; 100 means no meaningful errors.",
       type="custom_code", audio_enabled=True, rubric_rule=_PERCENT_GTE_80),
    _m(7, "8e5bb223", "Voicemail Detection", "detect_voicemail", ACCURACY, "binary",
       "true/false", "Checks that the agent recognised a voicemail greeting and acted on it.",
       cost="0.200000"),
    _m(8, "7af05371", "Mock Tool Call Accuracy", "get_mock_tool_call_accuracy", ACCURACY,
       "continuous_qualitative", "0-5",
       "F1 agreement between the tool calls the scenario expects and those the agent made.",
       type="custom_code", rubric_rule=_SCORE_GTE_4),
    _m(37, "e5d57a7e", "End State Matches", "check_end_state_matches", ACCURACY, "binary",
       "true/false",
       "Compares the stateful mock tools' tables at the end of the call with the expected "
       "state the scenario writes in information_fields.expected_mock_state (voxtest).",
       type="custom_code", rubric_rule={"field": "score", "op": "eq", "value": True}),
    _m(9, "0c0c92a1", "Instruction Following", "check_critical_deviations", ACCURACY, "binary",
       "true/false",
       "Lists critical deviations from the agent's instructions, each with a category and "
       "priority; passes when there are none.",
       cost="0.200000"),
    # -- Conversation Quality ---------------------------------------------------------------
    _m(10, "53fbb40d", "AI Interrupting User", "count_ai_interrupting_user", CONVERSATION,
       "numeric", "count", "Times the main agent started speaking over the caller.",
       type="custom_code", sub_category="Interruptions", audio_enabled=True),
    _m(11, "fe84edfc", "Stop Time After User Interruption", "get_stop_time_after_interruption",
       CONVERSATION, "numeric", "milliseconds",
       "How long the agent keeps talking after the caller interrupts it.",
       type="custom_code", sub_category="Interruptions", audio_enabled=True),
    _m(12, "8b27335f", "User Interrupting AI", "count_user_interrupting_ai", CONVERSATION,
       "numeric", "count", "Times the caller started speaking over the main agent.",
       type="custom_code", sub_category="Interruptions", audio_enabled=True),
    _m(13, "7bcaabf1", "Interruption Score", "get_interruption_score", CONVERSATION,
       "continuous_qualitative", "0-5",
       "5 x (1 - interruptions / turns), clamped to 0-5: higher means fewer interruptions.",
       type="custom_code", sub_category="Interruptions", audio_enabled=True,
       rubric_rule=_SCORE_GTE_4),
    _m(14, "7c625dd5", "Latency (in ms)", "get_latency", CONVERSATION, "numeric",
       "milliseconds (average, with P25-P99)",
       "Gap between the caller finishing and the agent's first audio; under 2000 ms is good.",
       type="custom_code", sub_category="Latency", audio_enabled=True,
       rubric_rule={"field": "score", "op": "lte", "value": 2000}),
    _m(15, "72e093ed", "Unnecessary Repetition Count", "count_unnecessary_repetition",
       CONVERSATION, "numeric", "count",
       "Times the agent repeated itself without the caller needing it.",
       cost="0.200000", sub_category="Repetition"),
    _m(16, "9bcf9b37", "Unnecessary Repetition Score", "get_unnecessary_repetition_score",
       CONVERSATION, "continuous_qualitative", "0-5",
       "5 x (1 - repetitions / turns): higher means less needless repetition.",
       cost="0.200000", sub_category="Repetition", rubric_rule=_SCORE_GTE_4),
    _m(17, "79ed7101", "Verbosity", "get_verbosity", CONVERSATION, "continuous_qualitative",
       "1-5", "Rates each agent turn as concise, padded or overloaded; 5 is consistently "
       "concise.", cost="0.200000", rubric_rule=_SCORE_GTE_4),
    _m(18, "9b7839da", "Detect Silence in Conversation", "detect_silence", CONVERSATION,
       "binary", "true/false",
       "Fails when both sides stay silent longer than silence_duration seconds.",
       type="custom_code", sub_category="Silence", audio_enabled=True,
       configuration={"silence_duration": 10}),
    _m(19, "d7209d9a", "Infrastructure Issues", "check_infra_issues", CONVERSATION, "binary",
       "true/false",
       "Fails when the agent does not answer within infra_issues_timeout seconds after the "
       "testing agent stops speaking.",
       type="custom_code", audio_enabled=True, configuration={"infra_issues_timeout": 10}),
    _m(20, "48abc947", "Appropriate Termination by Main Agent", "check_termination_by_main_agent",
       CONVERSATION, "binary", "true/false",
       "Checks the main agent ended the call only when the conversation was complete.",
       cost="0.200000", sub_category="Termination"),
    _m(21, "586e994d", "Appropriate Termination by Testing Agent",
       "check_termination_by_testing_agent", CONVERSATION, "binary", "true/false",
       "Checks the caller side ended the call for a legitimate reason, not a test glitch.",
       cost="0.200000", sub_category="Termination"),
    _m(22, "8971401f", "Casual Chat Response Score", "get_casual_chat_response_score",
       CONVERSATION, "continuous_qualitative", "0-5",
       "How naturally the agent handles small talk before steering back to the task.",
       cost="0.200000", rubric_rule=_SCORE_GTE_4),
    # -- Customer Experience ----------------------------------------------------------------
    _m(23, "5b76480b", "CSAT", "get_csat", EXPERIENCE, "numeric", "0-100",
       "Estimated satisfaction: the average of caller sentiment and cooperation, scaled to "
       "0-100.", cost="0.200000", rubric_rule={"field": "score", "op": "gte", "value": 60}),
    _m(24, "b54dd0c9", "Dropoff Node", "get_dropoff_node", EXPERIENCE, "enum",
       "one of the agent's dropoff nodes",
       "The conversation stage (from the agent's configured nodes) where the call ended.",
       cost="0.200000", configuration={"nodes": {}}, per_agent_keys=("nodes",)),
    _m(25, "d4eb10ea", "Sentiment", "get_sentiment", EXPERIENCE, "enum",
       "positive / neutral / negative", "The caller's overall sentiment over the call.",
       cost="0.200000", enum_values=("positive", "neutral", "negative"),
       rubric_rule={"field": "enum", "op": "in", "value": ["positive", "neutral"]}),
    _m(26, "4a442af3", "Topic of Call", "get_topic_of_call", EXPERIENCE, "enum",
       "one of the agent's topic nodes",
       "Classifies the call into one of the agent's configured topics.",
       cost="0.200000", configuration={"nodes": {}}, per_agent_keys=("nodes",)),
    # -- Speech Quality ---------------------------------------------------------------------
    _m(27, "94c91956", "Average Pitch", "get_average_pitch", SPEECH, "numeric", "Hz",
       "Mean fundamental frequency of the main agent's voice.",
       type="custom_code", audio_enabled=True),
    _m(28, "48dd9225", "Gibberish Detection", "detect_gibberish", SPEECH, "binary",
       "true/false", "Fails when the agent's audio contains garbled or unintelligible speech.",
       cost="0.300000", audio_enabled=True),
    _m(29, "6195958d", "Humanness", "get_humanness", SPEECH, "continuous_qualitative", "1-5",
       "How natural and human the agent's voice sounds, judged from the recording.",
       cost="0.300000", audio_enabled=True, rubric_rule=_SCORE_GTE_4),
    _m(30, "9df5b78e", "Letterwise Pronunciation", "check_letterwise_pronunciation", SPEECH,
       "binary", "true/false",
       "Checks the agent spells out the configured word types letter by letter.",
       cost="0.200000", audio_enabled=True, configuration={"spelling_word_types": {}},
       per_agent_keys=("spelling_word_types",)),
    _m(31, "977fb1a2", "Pronunciation Check", "check_pronunciation", SPEECH, "numeric", "0-100",
       "How closely the agent pronounces the configured words to their phonemes.",
       cost="0.200000", audio_enabled=True,
       configuration={"pronunciation_words": {}}, per_agent_keys=("pronunciation_words",),
       rubric_rule=_PERCENT_GTE_80),
    _m(32, "34aa90f7", "Speaking Rate", "check_speaking_rate", SPEECH, "binary", "true/false",
       "Fails when the agent speaks noticeably too fast or too slow (English only).",
       type="custom_code", cost="0.200000", audio_enabled=True),
    _m(33, "d7511f03", "Talk Ratio", "get_talk_ratio", SPEECH, "numeric", "0.0-1.0",
       "Share of speaking time taken by the main agent; 0.4-0.6 is typical.",
       type="custom_code", audio_enabled=True,
       rubric_rule={"field": "score", "op": "lte", "value": 0.6}),
    _m(34, "f87373f7", "Voice Change Detection", "detect_voice_change", SPEECH, "binary",
       "true/false", "Fails when the agent's voice changes speaker mid-call.",
       type="custom_code", cost="0.200000", audio_enabled=True),
    _m(35, "1425ce25", "Voice Tone + Clarity", "get_voice_tone_clarity", SPEECH, "numeric",
       "0-100", "Clarity and steadiness (jitter) of the agent's voice.",
       type="custom_code", cost="0.200000", audio_enabled=True, rubric_rule=_PERCENT_GTE_80),
    _m(36, "893e6ee9", "Words Per Minute", "get_words_per_minute", SPEECH, "numeric", "WPM",
       "The agent's transcript words divided by its speaking time.",
       type="custom_code", audio_enabled=True),
)  # fmt: skip

BY_ID = {m.id: m for m in CATALOGUE}
BY_CODE = {m.code: m for m in CATALOGUE}
BY_FUNCTION = {m.function_name: m for m in CATALOGUE}


def by_function(function_name: str | None) -> CatalogueMetric | None:
    return BY_FUNCTION.get(function_name or "")
