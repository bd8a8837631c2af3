"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

import voxtest.storage.tables.base

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notification_marks",
        sa.Column("key", sa.String(length=255), nullable=False),
        sa.Column(
            "last_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_notification_marks")),
    )
    op.create_table(
        "organizations",
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column(
            "attrs",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organizations")),
        sa.UniqueConstraint("name", name=op.f("uq_organizations_name")),
    )
    op.create_table(
        "call_log_jobs",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column(
            "params",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "progress",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("result_path", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column(
            "heartbeat_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_call_log_jobs_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_log_jobs")),
    )
    with op.batch_alter_table("call_log_jobs", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_call_log_jobs_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(
            "ix_call_log_jobs_state_created_at", ["state", "created_at"], unique=False
        )

    op.create_table(
        "projects",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("is_deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "attrs",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("secrets", sa.LargeBinary(), nullable=True),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_projects_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
    )
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_projects_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "agents",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("assistant_id", sa.String(length=255), nullable=True),
        sa.Column("is_deleted", sa.Boolean(), nullable=False),
        sa.Column(
            "attrs",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("secrets", sa.LargeBinary(), nullable=True),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_agents_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_agents_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agents")),
    )
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agents_assistant_id"), ["assistant_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_agents_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agents_project_id"), ["project_id"], unique=False)

    op.create_table(
        "api_keys",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("hint", sa.String(length=32), nullable=False),
        sa.Column("revoked", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "last_used_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_api_keys_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_api_keys_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
    )
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_api_keys_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "metric_previews",
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("total", sa.Integer(), nullable=False),
        sa.Column(
            "results",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_metric_previews_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_metric_previews_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metric_previews")),
    )
    with op.batch_alter_table("metric_previews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_metric_previews_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "personalities",
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("is_predefined", sa.Boolean(), nullable=False),
        sa.Column("forked_from_id", sa.Integer(), nullable=True),
        sa.Column(
            "attrs",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["forked_from_id"],
            ["personalities.id"],
            name=op.f("fk_personalities_forked_from_id_personalities"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_personalities_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_personalities_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personalities")),
    )
    with op.batch_alter_table("personalities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_personalities_organization_id"), ["organization_id"], unique=False
        )

    op.create_table(
        "sampling_counters",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("calls", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_sampling_counters_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", name=op.f("pk_sampling_counters")),
    )
    op.create_table(
        "scenario_folders",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=1024), nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_scenario_folders_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario_folders")),
        sa.UniqueConstraint("project_id", "path", name=op.f("uq_scenario_folders_project_id")),
    )
    with op.batch_alter_table("scenario_folders", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scenario_folders_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "tools",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column(
            "attrs",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_tools_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_tools_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tools")),
    )
    with op.batch_alter_table("tools", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_tools_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_tools_project_id"), ["project_id"], unique=False)

    op.create_table(
        "agent_personalities",
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("personality_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_agent_personalities_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["personality_id"],
            ["personalities.id"],
            name=op.f("fk_agent_personalities_personality_id_personalities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("agent_id", "personality_id", name=op.f("pk_agent_personalities")),
    )
    op.create_table(
        "agent_tools",
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("tool_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_agent_tools_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tool_id"], ["tools.id"], name=op.f("fk_agent_tools_tool_id_tools"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("agent_id", "tool_id", name=op.f("pk_agent_tools")),
    )
    op.create_table(
        "call_logs",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.String(length=100), nullable=False),
        sa.Column("unique_call_id", sa.String(length=100), nullable=True),
        sa.Column("trace_id", sa.String(length=32), nullable=False),
        sa.Column(
            "timestamp", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column("duration_s", sa.Double(), nullable=True),
        sa.Column("call_ended_reason", sa.String(length=100), nullable=False),
        sa.Column("customer_number", sa.String(length=100), nullable=False),
        sa.Column("transcript_type", sa.String(length=16), nullable=False),
        sa.Column(
            "transcript",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "metadata",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "dynamic_variables",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("voice_recording_url", sa.Text(), nullable=True),
        sa.Column("recording_path", sa.Text(), nullable=True),
        sa.Column("feedback", sa.Text(), nullable=False),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=True),
        sa.Column("is_reviewed", sa.Boolean(), nullable=False),
        sa.Column("review_status", sa.String(length=32), nullable=True),
        sa.Column(
            "evaluation",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "rubric",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "metric_votes",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("topic", sa.String(length=1000), nullable=False),
        sa.Column("dropoff_point", sa.String(length=1000), nullable=False),
        sa.Column("eval_state", sa.String(length=16), nullable=False),
        sa.Column(
            "eval_metric_ids",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column("sampled", sa.Boolean(), nullable=False),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column(
            "heartbeat_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "attrs",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_call_logs_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_call_logs_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_call_logs_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_logs")),
        sa.UniqueConstraint(
            "organization_id", "unique_call_id", name=op.f("uq_call_logs_organization_id")
        ),
    )
    with op.batch_alter_table("call_logs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_call_logs_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_call_logs_call_ended_reason"), ["call_ended_reason"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_call_logs_call_id"), ["call_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_call_logs_customer_number"), ["customer_number"], unique=False
        )
        batch_op.create_index("ix_call_logs_eval_state_id", ["eval_state", "id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_call_logs_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_call_logs_project_id"), ["project_id"], unique=False)
        batch_op.create_index(
            "ix_call_logs_project_id_timestamp", ["project_id", "timestamp"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_call_logs_status"), ["status"], unique=False)

    op.create_table(
        "call_sightings",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("customer_number", sa.String(length=32), nullable=True),
        sa.Column("success", sa.Boolean(), nullable=True),
        sa.Column(
            "seen_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_call_sightings_agent_id_agents"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_call_sightings_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_call_sightings_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_call_sightings")),
    )
    with op.batch_alter_table("call_sightings", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_call_sightings_customer_number"), ["customer_number"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_call_sightings_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(
            "ix_call_sightings_project_seen", ["project_id", "seen_at"], unique=False
        )

    op.create_table(
        "cron_jobs",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("crontab_expression", sa.String(length=255), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.Column(
            "next_run_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "last_run_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "attrs",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_cron_jobs_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_cron_jobs_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_cron_jobs_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cron_jobs")),
    )
    with op.batch_alter_table("cron_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cron_jobs_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cron_jobs_next_run_at"), ["next_run_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_cron_jobs_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_cron_jobs_project_id"), ["project_id"], unique=False)

    op.create_table(
        "dynamic_variables",
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("description", sa.String(length=2000), nullable=False),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_dynamic_variables_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dynamic_variables")),
        sa.UniqueConstraint("agent_id", "name", name=op.f("uq_dynamic_variables_agent_id")),
    )
    with op.batch_alter_table("dynamic_variables", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_dynamic_variables_agent_id"), ["agent_id"], unique=False
        )

    op.create_table(
        "knowledge_base_files",
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.String(length=255), nullable=False),
        sa.Column("file_type", sa.String(length=16), nullable=False),
        sa.Column("file_size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_knowledge_base_files_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge_base_files")),
    )
    with op.batch_alter_table("knowledge_base_files", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_knowledge_base_files_agent_id"), ["agent_id"], unique=False
        )

    op.create_table(
        "metrics",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("slug", sa.String(length=255), nullable=True),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("eval_type", sa.String(length=48), nullable=False),
        sa.Column(
            "attrs",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name=op.f("fk_metrics_agent_id_agents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_metrics_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_metrics_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_metrics")),
        sa.UniqueConstraint("organization_id", "slug", name=op.f("uq_metrics_organization_id")),
    )
    with op.batch_alter_table("metrics", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_metrics_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_metrics_project_id"), ["project_id"], unique=False)

    op.create_table(
        "project_personalities",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("personality_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["personality_id"],
            ["personalities.id"],
            name=op.f("fk_project_personalities_personality_id_personalities"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_personalities_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "project_id", "personality_id", name=op.f("pk_project_personalities")
        ),
    )
    op.create_table(
        "results",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=1024), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("run_as_text", sa.Boolean(), nullable=False),
        sa.Column("run_type", sa.String(length=32), nullable=True),
        sa.Column("concurrency_limit", sa.Integer(), nullable=True),
        sa.Column(
            "run_settings",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "connection",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name=op.f("fk_results_agent_id_agents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_results_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_results_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_results")),
    )
    with op.batch_alter_table("results", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_results_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_results_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_results_project_id"), ["project_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_results_status"), ["status"], unique=False)

    op.create_table(
        "test_profiles",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column(
            "information",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("created_by", sa.String(length=255), nullable=True),
        sa.Column("last_updated_by", sa.String(length=255), nullable=True),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_test_profiles_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_test_profiles_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_test_profiles_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_test_profiles")),
    )
    with op.batch_alter_table("test_profiles", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_test_profiles_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_test_profiles_project_id"), ["project_id"], unique=False
        )

    op.create_table(
        "cron_job_results",
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("cron_job_id", sa.Integer(), nullable=True),
        sa.Column("notify_on", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["cron_job_id"],
            ["cron_jobs.id"],
            name=op.f("fk_cron_job_results_cron_job_id_cron_jobs"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["result_id"],
            ["results.id"],
            name=op.f("fk_cron_job_results_result_id_results"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("result_id", name=op.f("pk_cron_job_results")),
    )
    with op.batch_alter_table("cron_job_results", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_cron_job_results_cron_job_id"), ["cron_job_id"], unique=False
        )

    op.create_table(
        "deliveries",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("result_id", sa.Integer(), nullable=True),
        sa.Column("event_type", sa.String(length=64), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("secret_from", sa.String(length=16), nullable=False),
        sa.Column(
            "payload",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("idempotency_key", sa.String(length=128), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column(
            "next_attempt_at",
            voxtest.storage.tables.base.UtcDateTime(timezone=True),
            nullable=False,
        ),
        sa.Column(
            "lease_until", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column("response_code", sa.Integer(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column(
            "last_attempt_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "delivered_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_deliveries_agent_id_agents"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_deliveries_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_deliveries_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["result_id"],
            ["results.id"],
            name=op.f("fk_deliveries_result_id_results"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deliveries")),
    )
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_deliveries_idempotency_key"), ["idempotency_key"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_deliveries_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_deliveries_project_id"), ["project_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_deliveries_result_id"), ["result_id"], unique=False)
        batch_op.create_index(
            "ix_deliveries_status_next", ["status", "next_attempt_at"], unique=False
        )

    op.create_table(
        "metric_agents",
        sa.Column("metric_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_metric_agents_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["metric_id"],
            ["metrics.id"],
            name=op.f("fk_metric_agents_metric_id_metrics"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("metric_id", "agent_id", name=op.f("pk_metric_agents")),
    )
    op.create_table(
        "scenarios",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=1024), nullable=False),
        sa.Column("scenario_type", sa.String(length=32), nullable=False),
        sa.Column("folder_path", sa.String(length=1024), nullable=True),
        sa.Column("personality_id", sa.Integer(), nullable=True),
        sa.Column("test_profile_id", sa.Integer(), nullable=True),
        sa.Column(
            "attrs",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_scenarios_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_scenarios_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["personality_id"],
            ["personalities.id"],
            name=op.f("fk_scenarios_personality_id_personalities"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_scenarios_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["test_profile_id"],
            ["test_profiles.id"],
            name=op.f("fk_scenarios_test_profile_id_test_profiles"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenarios")),
    )
    with op.batch_alter_table("scenarios", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scenarios_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_scenarios_folder_path"), ["folder_path"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_scenarios_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_scenarios_project_id"), ["project_id"], unique=False)

    op.create_table(
        "runs",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("result_id", sa.Integer(), nullable=False),
        sa.Column("scenario_id", sa.Integer(), nullable=True),
        sa.Column("personality_id", sa.Integer(), nullable=True),
        sa.Column("test_profile_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("success", sa.Boolean(), nullable=False),
        sa.Column("ended_reason", sa.String(length=64), nullable=True),
        sa.Column("error_message", sa.Text(), nullable=True),
        sa.Column("duration_s", sa.Double(), nullable=True),
        sa.Column(
            "executed_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "finished_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("claimed_by", sa.String(length=64), nullable=True),
        sa.Column(
            "heartbeat_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column(
            "claimed_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=True
        ),
        sa.Column("cancel_requested", sa.Boolean(), nullable=False),
        sa.Column(
            "transcript",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "details",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "evaluation",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "expected_outcome",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "rubric",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "snapshot",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "metric_votes",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("review_status", sa.String(length=32), nullable=True),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column(
            "created_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name=op.f("fk_runs_agent_id_agents"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_runs_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["personality_id"],
            ["personalities.id"],
            name=op.f("fk_runs_personality_id_personalities"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_runs_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["result_id"],
            ["results.id"],
            name=op.f("fk_runs_result_id_results"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["scenario_id"],
            ["scenarios.id"],
            name=op.f("fk_runs_scenario_id_scenarios"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["test_profile_id"],
            ["test_profiles.id"],
            name=op.f("fk_runs_test_profile_id_test_profiles"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_runs")),
    )
    with op.batch_alter_table("runs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_runs_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_runs_ended_reason"), ["ended_reason"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_runs_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_runs_personality_id"), ["personality_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_runs_project_id"), ["project_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_runs_result_id"), ["result_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_runs_scenario_id"), ["scenario_id"], unique=False)
        batch_op.create_index("ix_runs_status_id", ["status", "id"], unique=False)

    op.create_table(
        "scenario_metrics",
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("metric_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["metric_id"],
            ["metrics.id"],
            name=op.f("fk_scenario_metrics_metric_id_metrics"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["scenario_id"],
            ["scenarios.id"],
            name=op.f("fk_scenario_metrics_scenario_id_scenarios"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("scenario_id", "metric_id", name=op.f("pk_scenario_metrics")),
    )
    op.create_table(
        "scenario_tags",
        sa.Column("scenario_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=255), nullable=False),
        sa.ForeignKeyConstraint(
            ["scenario_id"],
            ["scenarios.id"],
            name=op.f("fk_scenario_tags_scenario_id_scenarios"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("scenario_id", "tag", name=op.f("pk_scenario_tags")),
    )
    with op.batch_alter_table("scenario_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scenario_tags_tag"), ["tag"], unique=False)

    op.create_table(
        "mock_states",
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column(
            "tables",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "updated_at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("fk_mock_states_run_id_runs"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("run_id", name=op.f("pk_mock_states")),
    )
    op.create_table(
        "mock_tool_calls",
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("agent_id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("tool_id", sa.Integer(), nullable=True),
        sa.Column("tool_name", sa.String(length=64), nullable=False),
        sa.Column("call_id", sa.String(length=64), nullable=False),
        sa.Column("via", sa.String(length=16), nullable=False),
        sa.Column(
            "arguments",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column(
            "result",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=True,
        ),
        sa.Column(
            "match",
            sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
            nullable=False,
        ),
        sa.Column("at", voxtest.storage.tables.base.UtcDateTime(timezone=True), nullable=False),
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.ForeignKeyConstraint(
            ["agent_id"],
            ["agents.id"],
            name=op.f("fk_mock_tool_calls_agent_id_agents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_mock_tool_calls_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["runs.id"], name=op.f("fk_mock_tool_calls_run_id_runs"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["tool_id"],
            ["tools.id"],
            name=op.f("fk_mock_tool_calls_tool_id_tools"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mock_tool_calls")),
    )
    with op.batch_alter_table("mock_tool_calls", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_mock_tool_calls_agent_id"), ["agent_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_mock_tool_calls_organization_id"), ["organization_id"], unique=False
        )
        batch_op.create_index("ix_mock_tool_calls_run_at", ["run_id", "at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("mock_tool_calls", schema=None) as batch_op:
        batch_op.drop_index("ix_mock_tool_calls_run_at")
        batch_op.drop_index(batch_op.f("ix_mock_tool_calls_organization_id"))
        batch_op.drop_index(batch_op.f("ix_mock_tool_calls_agent_id"))

    op.drop_table("mock_tool_calls")
    op.drop_table("mock_states")
    with op.batch_alter_table("scenario_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scenario_tags_tag"))

    op.drop_table("scenario_tags")
    op.drop_table("scenario_metrics")
    with op.batch_alter_table("runs", schema=None) as batch_op:
        batch_op.drop_index("ix_runs_status_id")
        batch_op.drop_index(batch_op.f("ix_runs_scenario_id"))
        batch_op.drop_index(batch_op.f("ix_runs_result_id"))
        batch_op.drop_index(batch_op.f("ix_runs_project_id"))
        batch_op.drop_index(batch_op.f("ix_runs_personality_id"))
        batch_op.drop_index(batch_op.f("ix_runs_organization_id"))
        batch_op.drop_index(batch_op.f("ix_runs_ended_reason"))
        batch_op.drop_index(batch_op.f("ix_runs_agent_id"))

    op.drop_table("runs")
    with op.batch_alter_table("scenarios", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scenarios_project_id"))
        batch_op.drop_index(batch_op.f("ix_scenarios_organization_id"))
        batch_op.drop_index(batch_op.f("ix_scenarios_folder_path"))
        batch_op.drop_index(batch_op.f("ix_scenarios_agent_id"))

    op.drop_table("scenarios")
    op.drop_table("metric_agents")
    with op.batch_alter_table("deliveries", schema=None) as batch_op:
        batch_op.drop_index("ix_deliveries_status_next")
        batch_op.drop_index(batch_op.f("ix_deliveries_result_id"))
        batch_op.drop_index(batch_op.f("ix_deliveries_project_id"))
        batch_op.drop_index(batch_op.f("ix_deliveries_organization_id"))
        batch_op.drop_index(batch_op.f("ix_deliveries_idempotency_key"))

    op.drop_table("deliveries")
    with op.batch_alter_table("cron_job_results", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cron_job_results_cron_job_id"))

    op.drop_table("cron_job_results")
    with op.batch_alter_table("test_profiles", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_test_profiles_project_id"))
        batch_op.drop_index(batch_op.f("ix_test_profiles_organization_id"))

    op.drop_table("test_profiles")
    with op.batch_alter_table("results", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_results_status"))
        batch_op.drop_index(batch_op.f("ix_results_project_id"))
        batch_op.drop_index(batch_op.f("ix_results_organization_id"))
        batch_op.drop_index(batch_op.f("ix_results_agent_id"))

    op.drop_table("results")
    op.drop_table("project_personalities")
    with op.batch_alter_table("metrics", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_metrics_project_id"))
        batch_op.drop_index(batch_op.f("ix_metrics_organization_id"))

    op.drop_table("metrics")
    with op.batch_alter_table("knowledge_base_files", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_knowledge_base_files_agent_id"))

    op.drop_table("knowledge_base_files")
    with op.batch_alter_table("dynamic_variables", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_dynamic_variables_agent_id"))

    op.drop_table("dynamic_variables")
    with op.batch_alter_table("cron_jobs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cron_jobs_project_id"))
        batch_op.drop_index(batch_op.f("ix_cron_jobs_organization_id"))
        batch_op.drop_index(batch_op.f("ix_cron_jobs_next_run_at"))
        batch_op.drop_index(batch_op.f("ix_cron_jobs_agent_id"))

    op.drop_table("cron_jobs")
    with op.batch_alter_table("call_sightings", schema=None) as batch_op:
        batch_op.drop_index("ix_call_sightings_project_seen")
        batch_op.drop_index(batch_op.f("ix_call_sightings_organization_id"))
        batch_op.drop_index(batch_op.f("ix_call_sightings_customer_number"))

    op.drop_table("call_sightings")
    with op.batch_alter_table("call_logs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_call_logs_status"))
        batch_op.drop_index("ix_call_logs_project_id_timestamp")
        batch_op.drop_index(batch_op.f("ix_call_logs_project_id"))
        batch_op.drop_index(batch_op.f("ix_call_logs_organization_id"))
        batch_op.drop_index("ix_call_logs_eval_state_id")
        batch_op.drop_index(batch_op.f("ix_call_logs_customer_number"))
        batch_op.drop_index(batch_op.f("ix_call_logs_call_id"))
        batch_op.drop_index(batch_op.f("ix_call_logs_call_ended_reason"))
        batch_op.drop_index(batch_op.f("ix_call_logs_agent_id"))

    op.drop_table("call_logs")
    op.drop_table("agent_tools")
    op.drop_table("agent_personalities")
    with op.batch_alter_table("tools", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tools_project_id"))
        batch_op.drop_index(batch_op.f("ix_tools_organization_id"))

    op.drop_table("tools")
    with op.batch_alter_table("scenario_folders", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scenario_folders_project_id"))

    op.drop_table("scenario_folders")
    op.drop_table("sampling_counters")
    with op.batch_alter_table("personalities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_personalities_organization_id"))

    op.drop_table("personalities")
    with op.batch_alter_table("metric_previews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_metric_previews_organization_id"))

    op.drop_table("metric_previews")
    with op.batch_alter_table("api_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_keys_organization_id"))

    op.drop_table("api_keys")
    with op.batch_alter_table("agents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agents_project_id"))
        batch_op.drop_index(batch_op.f("ix_agents_organization_id"))
        batch_op.drop_index(batch_op.f("ix_agents_assistant_id"))

    op.drop_table("agents")
    with op.batch_alter_table("projects", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_projects_organization_id"))

    op.drop_table("projects")
    with op.batch_alter_table("call_log_jobs", schema=None) as batch_op:
        batch_op.drop_index("ix_call_log_jobs_state_created_at")
        batch_op.drop_index(batch_op.f("ix_call_log_jobs_organization_id"))

    op.drop_table("call_log_jobs")
    op.drop_table("organizations")
    op.drop_table("notification_marks")
