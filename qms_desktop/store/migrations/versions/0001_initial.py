"""Initial schema: recordings and their children, directory, sync bookkeeping, settings, full text.

Revision ID: 0001
Revises:
Create Date: 2025-01-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# SQLite only makes `INTEGER PRIMARY KEY` the rowid alias (the FTS5 table is keyed by that rowid).
ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "backfill_slices",
        sa.Column("stream", sa.String(), nullable=False),
        sa.Column("slice_start_ms", sa.BigInteger(), nullable=False),
        sa.Column("slice_end_ms", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(length=16), server_default="pending", nullable=False),
        sa.Column("pages", sa.Integer(), server_default="0", nullable=False),
        sa.Column("records", sa.Integer(), server_default="0", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("updated_at_ms", sa.BigInteger(), nullable=True),
        sa.CheckConstraint("status IN ('pending', 'running', 'done', 'failed')", name="ck_backfill_slices_status"),
        sa.PrimaryKeyConstraint("stream", "slice_start_ms", name="pk_backfill_slices"),
    )
    op.create_table(
        "integration_settings",
        sa.Column("section", sa.String(), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("updated_at_ms", sa.BigInteger(), nullable=True),
        sa.Column("updated_by", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("section", name="pk_integration_settings"),
    )
    op.create_table(
        "quarantine",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("session_id", sa.String(), nullable=True),
        sa.Column("dialect", sa.String(length=16), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("raw", sa.Text(), nullable=False),
        sa.Column("raw_hash", sa.String(length=64), nullable=False),
        sa.Column("run_id", sa.BigInteger(), nullable=True),
        sa.Column("first_seen_ms", sa.BigInteger(), nullable=False),
        sa.Column("last_seen_ms", sa.BigInteger(), nullable=False),
        sa.Column("seen_count", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_quarantine"),
        sa.UniqueConstraint("raw_hash", name="uq_quarantine_raw_hash"),
    )
    op.create_index("ix_quarantine_last_seen", "quarantine", ["last_seen_ms"], unique=False)
    op.create_table(
        "recordings",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("session_id", sa.String(), nullable=False),
        sa.Column("recording_id", sa.String(), nullable=True),
        sa.Column("start_ms", sa.BigInteger(), nullable=False),
        sa.Column("end_ms", sa.BigInteger(), nullable=True),
        sa.Column("duration_ms", sa.BigInteger(), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("state_rank", sa.SmallInteger(), nullable=False),
        sa.Column("agent_id", sa.String(), nullable=True),
        sa.Column("agent_name", sa.String(), nullable=True),
        sa.Column("team_code", sa.String(), nullable=True),
        sa.Column("direction", sa.String(length=16), nullable=True),
        sa.Column("ani", sa.String(), nullable=True),
        sa.Column("dnis", sa.String(), nullable=True),
        sa.Column("csq", sa.String(), nullable=True),
        sa.Column("wrap_up_reason", sa.String(), nullable=True),
        sa.Column("codec", sa.String(), nullable=True),
        sa.Column("wav_url", sa.String(), nullable=True),
        sa.Column("mp4_url", sa.String(), nullable=True),
        sa.Column("http_url", sa.String(), nullable=True),
        sa.Column("rtsp_url", sa.String(), nullable=True),
        sa.Column("audio_url", sa.String(), nullable=True),
        sa.Column("call_controller_ip", sa.String(), nullable=True),
        sa.Column("call_controller_type", sa.String(), nullable=True),
        sa.Column("ccid", sa.String(), nullable=True),
        sa.Column("pruned", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("dialect", sa.String(length=16), nullable=True),
        sa.Column("raw", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(length=40), nullable=True),
        sa.Column("fetched_at_ms", sa.BigInteger(), nullable=False),
        sa.Column("first_synced_at_ms", sa.BigInteger(), nullable=False),
        sa.Column("synced_at_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_recordings"),
        sa.UniqueConstraint("session_id", name="uq_recordings_session_id"),
    )
    op.create_index("ix_recordings_agent_start", "recordings", ["agent_id", "start_ms"], unique=False)
    op.create_index("ix_recordings_ani", "recordings", ["ani"], unique=False)
    op.create_index("ix_recordings_dnis", "recordings", ["dnis"], unique=False)
    op.create_index("ix_recordings_start", "recordings", ["start_ms", "id"], unique=False)
    op.create_index("ix_recordings_state_start", "recordings", ["state", "start_ms"], unique=False)
    op.create_index("ix_recordings_team_start", "recordings", ["team_code", "start_ms"], unique=False)
    op.create_table(
        "sync_lease",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("holder", sa.String(), nullable=False),
        sa.Column("run_id", sa.BigInteger(), nullable=True),
        sa.Column("acquired_ms", sa.BigInteger(), nullable=False),
        sa.Column("expires_ms", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_sync_lease"),
    )
    op.create_table(
        "sync_runs",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("correlation_id", sa.String(), nullable=False),
        sa.Column("trigger", sa.String(length=32), nullable=True),
        sa.Column("mode", sa.String(length=32), nullable=True),
        sa.Column("window_start_ms", sa.BigInteger(), nullable=True),
        sa.Column("window_end_ms", sa.BigInteger(), nullable=True),
        sa.Column("started_at_ms", sa.BigInteger(), nullable=False),
        sa.Column("finished_at_ms", sa.BigInteger(), nullable=True),
        sa.Column("heartbeat_ms", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.String(length=16), server_default="RUNNING", nullable=False),
        sa.Column("pages", sa.Integer(), server_default="0", nullable=False),
        sa.Column("fetched", sa.Integer(), server_default="0", nullable=False),
        sa.Column("created", sa.Integer(), server_default="0", nullable=False),
        sa.Column("updated", sa.Integer(), server_default="0", nullable=False),
        sa.Column("skipped", sa.Integer(), server_default="0", nullable=False),
        sa.Column("errors", sa.Integer(), server_default="0", nullable=False),
        sa.Column("error_summary", sa.Text(), nullable=True),
        sa.Column("host", sa.String(), nullable=True),
        sa.CheckConstraint(
            "status IN ('RUNNING', 'SUCCESS', 'PARTIAL', 'FAILED', 'INTERRUPTED')", name="ck_sync_runs_status"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_sync_runs"),
    )
    op.create_index("ix_sync_runs_started", "sync_runs", ["started_at_ms"], unique=False)
    op.create_table(
        "sync_state",
        sa.Column("stream", sa.String(), server_default="sessions", nullable=False),
        sa.Column("last_sync_time_ms", sa.BigInteger(), nullable=True),
        sa.Column("last_seen_id", sa.String(), nullable=True),
        sa.Column("backfill_complete", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("backfill_start_ms", sa.BigInteger(), nullable=True),
        sa.Column("backfill_end_ms", sa.BigInteger(), nullable=True),
        sa.Column("backfill_current_ms", sa.BigInteger(), nullable=True),
        sa.Column("updated_at_ms", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("stream", name="pk_sync_state"),
    )
    op.create_table(
        "teams",
        sa.Column("code", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=True),
        sa.PrimaryKeyConstraint("code", name="pk_teams"),
    )
    op.create_table(
        "agents",
        sa.Column("agent_id", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("extension", sa.String(), nullable=True),
        sa.Column("team_code", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["team_code"], ["teams.code"], name="fk_agents_team_code_teams", ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("agent_id", name="pk_agents"),
        sa.UniqueConstraint("extension", name="uq_agents_extension"),
    )
    op.create_table(
        "recording_participants",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("recording_id", ID, nullable=False),
        sa.Column("track_number", sa.Integer(), nullable=True),
        sa.Column("device_ref", sa.String(), nullable=True),
        sa.Column("device_id", sa.String(), nullable=True),
        sa.Column("role", sa.String(length=16), nullable=True),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("xref_ci", sa.String(), nullable=True),
        sa.Column("start_ms", sa.BigInteger(), nullable=True),
        sa.Column("duration_ms", sa.BigInteger(), nullable=True),
        sa.Column("is_conference", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(
            ["recording_id"],
            ["recordings.id"],
            name="fk_recording_participants_recording_id_recordings",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_recording_participants"),
    )
    op.create_index("ix_recording_participants_device_ref", "recording_participants", ["device_ref"], unique=False)
    op.create_index("ix_recording_participants_recording", "recording_participants", ["recording_id"], unique=False)
    op.create_table(
        "recording_tags",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("recording_id", ID, nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=True),
        sa.Column("offset_ms", sa.BigInteger(), nullable=True),
        sa.Column("created_ms", sa.BigInteger(), nullable=True),
        sa.Column("track_number", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["recording_id"], ["recordings.id"], name="fk_recording_tags_recording_id_recordings", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_recording_tags"),
    )
    op.create_index("ix_recording_tags_name", "recording_tags", ["name", "recording_id"], unique=False)
    op.create_index("ix_recording_tags_recording", "recording_tags", ["recording_id"], unique=False)
    op.create_table(
        "recording_tracks",
        sa.Column("id", ID, autoincrement=True, nullable=False),
        sa.Column("recording_id", ID, nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("media_type", sa.String(length=16), nullable=True),
        sa.Column("codec", sa.String(), nullable=True),
        sa.Column("start_ms", sa.BigInteger(), nullable=True),
        sa.Column("duration_ms", sa.BigInteger(), nullable=True),
        sa.Column("download_url", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(
            ["recording_id"], ["recordings.id"], name="fk_recording_tracks_recording_id_recordings", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_recording_tracks"),
    )
    op.create_index("ix_recording_tracks_recording", "recording_tracks", ["recording_id"], unique=False)
    _create_full_text()


def _create_full_text() -> None:
    """Full text over a normalized document (see qms_desktop.store.documents) keyed by recordings.id."""
    if op.get_bind().dialect.name == "sqlite":
        # A regular (content-storing) FTS5 table: SQLite 3.40 has no contentless_delete, and rows of
        # a contentless table cannot be replaced by rowid. Python folds case and splits words before
        # either database sees the text, so both match the same rows.
        op.execute(
            "CREATE VIRTUAL TABLE recordings_fts USING fts5(document, tokenize = 'unicode61 remove_diacritics 0')"
        )
        op.execute(
            "CREATE TRIGGER recordings_fts_delete AFTER DELETE ON recordings "
            "BEGIN DELETE FROM recordings_fts WHERE rowid = old.id; END"
        )
    else:
        op.create_table(
            "recording_search",
            sa.Column(
                "recording_id",
                sa.BigInteger(),
                sa.ForeignKey("recordings.id", ondelete="CASCADE", name="fk_recording_search_recording_id"),
                primary_key=True,
            ),
            sa.Column("document", postgresql.TSVECTOR(), nullable=False),
        )
        op.execute("CREATE INDEX ix_recording_search_document ON recording_search USING gin (document)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS recordings_fts_delete")
        op.execute("DROP TABLE IF EXISTS recordings_fts")
    else:
        op.drop_table("recording_search")
    op.drop_table("recording_tracks")
    op.drop_table("recording_tags")
    op.drop_table("recording_participants")
    op.drop_table("agents")
    op.drop_table("teams")
    op.drop_table("sync_state")
    op.drop_table("sync_runs")
    op.drop_table("sync_lease")
    op.drop_table("recordings")
    op.drop_table("quarantine")
    op.drop_table("integration_settings")
    op.drop_table("backfill_slices")
