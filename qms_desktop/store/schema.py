"""The tables, as SQLAlchemy Core objects for queries. Alembic migrations create them (a test checks
the two agree). Times are BIGINT epoch milliseconds UTC named *_ms: portable, and cheap to compare
in keyset paging."""

from __future__ import annotations

import sqlalchemy as sa

# SQLite only makes `INTEGER PRIMARY KEY` the rowid alias (fast, and the FTS5 rowid key).
Id = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Ms = sa.BigInteger

# Deterministic constraint names: the same on both databases, so later migrations can drop them.
metadata = sa.MetaData(
    naming_convention={
        "pk": "pk_%(table_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    }
)

recordings = sa.Table(
    "recordings",
    metadata,
    sa.Column("id", Id, primary_key=True, autoincrement=True),
    sa.Column("session_id", sa.String, nullable=False, unique=True),
    sa.Column("recording_id", sa.String),
    sa.Column("start_ms", Ms, nullable=False),
    sa.Column("end_ms", Ms),
    sa.Column("duration_ms", Ms),
    sa.Column("state", sa.String(20), nullable=False),
    sa.Column("state_rank", sa.SmallInteger, nullable=False),
    sa.Column("agent_id", sa.String),
    sa.Column("agent_name", sa.String),
    sa.Column("team_code", sa.String),
    sa.Column("direction", sa.String(16)),
    sa.Column("ani", sa.String),
    sa.Column("dnis", sa.String),
    sa.Column("csq", sa.String),
    sa.Column("wrap_up_reason", sa.String),
    sa.Column("codec", sa.String),
    sa.Column("wav_url", sa.String),
    sa.Column("mp4_url", sa.String),
    sa.Column("http_url", sa.String),
    sa.Column("rtsp_url", sa.String),
    sa.Column("audio_url", sa.String),
    sa.Column("call_controller_ip", sa.String),
    sa.Column("call_controller_type", sa.String),
    sa.Column("ccid", sa.String),  # the call controller's call id: sessions of one call share it
    sa.Column("pruned", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("dialect", sa.String(16)),
    sa.Column("raw", sa.Text),
    sa.Column("content_hash", sa.String(40)),
    sa.Column("fetched_at_ms", Ms, nullable=False),
    sa.Column("first_synced_at_ms", Ms, nullable=False),
    sa.Column("synced_at_ms", Ms, nullable=False),
    # (start_ms, id) is the default keyset order; the composite ones serve "agent/team in a range".
    sa.Index("ix_recordings_start", "start_ms", "id"),
    sa.Index("ix_recordings_agent_start", "agent_id", "start_ms"),
    sa.Index("ix_recordings_team_start", "team_code", "start_ms"),
    sa.Index("ix_recordings_state_start", "state", "start_ms"),
    # The segments of one call (migration 0008_session_ccid): same ccid, starts close together.
    sa.Index("ix_recordings_ccid_start", "ccid", "start_ms"),
)

UNKNOWN_TRACK_NUMBER = -1

# A recording's tracks, participants and tags name it by recording_id. On PostgreSQL that rule is
# kept per statement by triggers instead of these foreign keys (migration 0014): same refusal, same
# cascade on delete, without a per-row lookup and lock.

recording_tracks = sa.Table(
    "recording_tracks",
    metadata,
    sa.Column("id", Id, primary_key=True, autoincrement=True),
    sa.Column("recording_id", Id, sa.ForeignKey("recordings.id", ondelete="CASCADE"), nullable=False),
    # MediaSense's track number (from 0); UNKNOWN_TRACK_NUMBER when the server gave none (the column
    # predates unknown numbers and stays NOT NULL: readers turn the marker back into None).
    sa.Column("number", sa.Integer, nullable=False),
    sa.Column("media_type", sa.String(16)),
    sa.Column("codec", sa.String),
    sa.Column("start_ms", Ms),
    sa.Column("duration_ms", Ms),
    sa.Column("download_url", sa.String),
    sa.Index("ix_recording_tracks_recording", "recording_id"),
)

recording_participants = sa.Table(
    "recording_participants",
    metadata,
    sa.Column("id", Id, primary_key=True, autoincrement=True),
    sa.Column("recording_id", Id, sa.ForeignKey("recordings.id", ondelete="CASCADE"), nullable=False),
    sa.Column("track_number", sa.Integer),
    sa.Column("device_ref", sa.String),
    sa.Column("device_id", sa.String),
    sa.Column("role", sa.String(16)),
    sa.Column("name", sa.String),
    sa.Column("xref_ci", sa.String),
    sa.Column("start_ms", Ms),
    sa.Column("duration_ms", Ms),
    sa.Column("is_conference", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Index("ix_recording_participants_recording", "recording_id"),
    sa.Index("ix_recording_participants_device_ref", "device_ref"),
)

recording_tags = sa.Table(
    "recording_tags",
    metadata,
    sa.Column("id", Id, primary_key=True, autoincrement=True),
    sa.Column("recording_id", Id, sa.ForeignKey("recordings.id", ondelete="CASCADE"), nullable=False),
    sa.Column("name", sa.String, nullable=False),
    sa.Column("type", sa.String(32)),
    sa.Column("offset_ms", Ms),
    sa.Column("created_ms", Ms),
    sa.Column("track_number", sa.Integer),
    sa.Index("ix_recording_tags_recording", "recording_id"),
    sa.Index("ix_recording_tags_name", "name", "recording_id"),
)

teams = sa.Table(
    "teams",
    metadata,
    sa.Column("code", sa.String, primary_key=True),
    sa.Column("name", sa.String),
)

agents = sa.Table(
    "agents",
    metadata,
    sa.Column("agent_id", sa.String, primary_key=True),
    sa.Column("name", sa.String),
    sa.Column("extension", sa.String, unique=True),
    sa.Column("team_code", sa.String, sa.ForeignKey("teams.code", ondelete="SET NULL")),
)

sync_state = sa.Table(
    "sync_state",
    metadata,
    sa.Column("stream", sa.String, primary_key=True, server_default="sessions"),
    sa.Column("last_sync_time_ms", Ms),
    sa.Column("last_seen_id", sa.String),
    sa.Column("backfill_complete", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("backfill_start_ms", Ms),
    sa.Column("backfill_end_ms", Ms),
    sa.Column("backfill_current_ms", Ms),
    sa.Column("updated_at_ms", Ms),
    sa.Column("reconciled_at_ms", Ms),  # the upper bound of the last reconciliation
    sa.Column("settled_through_ms", Ms),  # the days before this have had their final reconciliation
)

SLICE_STATUSES = ("pending", "running", "done", "failed")
backfill_slices = sa.Table(
    "backfill_slices",
    metadata,
    sa.Column("stream", sa.String, primary_key=True),
    sa.Column("slice_start_ms", Ms, primary_key=True),
    sa.Column("slice_end_ms", Ms, nullable=False),
    sa.Column("status", sa.String(16), nullable=False, server_default="pending"),
    sa.Column("pages", sa.Integer, nullable=False, server_default="0"),
    sa.Column("records", sa.Integer, nullable=False, server_default="0"),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("error", sa.Text),
    sa.Column("updated_at_ms", Ms),
    sa.CheckConstraint("status IN ('pending', 'running', 'done', 'failed')", name="ck_backfill_slices_status"),
)

RUN_STATUSES = ("RUNNING", "SUCCESS", "PARTIAL", "FAILED", "INTERRUPTED")
sync_runs = sa.Table(
    "sync_runs",
    metadata,
    sa.Column("id", Id, primary_key=True, autoincrement=True),
    sa.Column("correlation_id", sa.String, nullable=False),
    sa.Column("trigger", sa.String(32)),
    sa.Column("mode", sa.String(32)),
    sa.Column("window_start_ms", Ms),
    sa.Column("window_end_ms", Ms),
    sa.Column("started_at_ms", Ms, nullable=False),
    sa.Column("finished_at_ms", Ms),
    sa.Column("heartbeat_ms", Ms),
    sa.Column("status", sa.String(16), nullable=False, server_default="RUNNING"),
    sa.Column("pages", sa.Integer, nullable=False, server_default="0"),
    sa.Column("fetched", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created", sa.Integer, nullable=False, server_default="0"),
    sa.Column("updated", sa.Integer, nullable=False, server_default="0"),
    sa.Column("skipped", sa.Integer, nullable=False, server_default="0"),
    sa.Column("errors", sa.Integer, nullable=False, server_default="0"),
    sa.Column("error_summary", sa.Text),
    sa.Column("late_found", sa.Integer, nullable=False, server_default="0"),
    sa.Column("host", sa.String),
    sa.CheckConstraint(
        "status IN ('RUNNING', 'SUCCESS', 'PARTIAL', 'FAILED', 'INTERRUPTED')", name="ck_sync_runs_status"
    ),
    sa.Index("ix_sync_runs_started", "started_at_ms"),
)

quarantine = sa.Table(
    "quarantine",
    metadata,
    sa.Column("id", Id, primary_key=True, autoincrement=True),
    sa.Column("session_id", sa.String),
    sa.Column("dialect", sa.String(16)),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("raw", sa.Text, nullable=False),
    sa.Column("raw_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("run_id", sa.BigInteger),
    sa.Column("first_seen_ms", Ms, nullable=False),
    sa.Column("last_seen_ms", Ms, nullable=False),
    sa.Column("seen_count", sa.Integer, nullable=False, server_default="1"),
    sa.Index("ix_quarantine_last_seen", "last_seen_ms"),
)

sync_lease = sa.Table(
    "sync_lease",
    metadata,
    sa.Column("name", sa.String, primary_key=True),
    sa.Column("holder", sa.String, nullable=False),
    sa.Column("run_id", sa.BigInteger),
    sa.Column("acquired_ms", Ms, nullable=False),
    sa.Column("expires_ms", Ms, nullable=False),
)

integration_settings = sa.Table(
    "integration_settings",
    metadata,
    sa.Column("section", sa.String, primary_key=True),
    sa.Column("settings", sa.Text, nullable=False),
    sa.Column("updated_at_ms", Ms),
    sa.Column("updated_by", sa.String),
)

# ---- security (migration 0002_security): local accounts and the append-only audit trail ----------

ROLES = ("ADMIN", "SUPERVISOR", "IT")
users = sa.Table(
    "users",
    metadata,
    sa.Column("id", Id, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("password_hash", sa.String, nullable=False),  # scrypt$n$r$p$salt$hash, never the password
    sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("created_at_ms", Ms, nullable=False),
    sa.Column("updated_at_ms", Ms, nullable=False),
    sa.Column("last_login_ms", Ms),
    sa.CheckConstraint("role IN ('ADMIN', 'SUPERVISOR', 'IT')", name="ck_users_role"),
)

user_teams = sa.Table(
    "user_teams",
    metadata,
    sa.Column("user_id", Id, sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("team_code", sa.String, primary_key=True),
)

# Append-only: triggers on both databases refuse UPDATE and DELETE (see the migration).
audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("id", Id, primary_key=True, autoincrement=True),
    sa.Column("at_ms", Ms, nullable=False),
    sa.Column("actor", sa.String),
    sa.Column("action", sa.String(64), nullable=False),
    sa.Column("target", sa.String),
    sa.Column("detail", sa.Text),
    sa.Column("from_where", sa.String),
    sa.Column("outcome", sa.String(16), nullable=False),
    # The hash chain (migration 0005_audit_chain, security/audit_chain.py): position, the previous
    # row's hash, this row's hash. Nullable only because older rows got them in the migration.
    sa.Column("seq", Id),
    sa.Column("prev_hash", sa.String(64)),
    sa.Column("row_hash", sa.String(64)),
    sa.Index("ux_audit_log_seq", "seq", unique=True),
    sa.Index("ix_audit_log_at", "at_ms", "id"),
    sa.Index("ix_audit_log_actor_at", "actor", "at_ms"),
    sa.Index("ix_audit_log_action_at", "action", "at_ms"),
)

# ---- search indexing backlog (migration 0003_search_index_queue) --------------------------------

# Sessions whose OpenSearch document must be (re)written. Filled in the sync page's transaction, drained
# by the indexer; `generation` grows on every re-enqueue so a drain never deletes a newer change.
search_index_queue = sa.Table(
    "search_index_queue",
    metadata,
    sa.Column("session_id", sa.String, primary_key=True),
    sa.Column("generation", sa.Integer, nullable=False, server_default="1"),
    sa.Column("first_enqueued_ms", Ms, nullable=False),
    sa.Column("enqueued_ms", Ms, nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("next_attempt_ms", Ms, nullable=False, server_default="0"),
    sa.Column("last_error", sa.Text),
    sa.Index("ix_search_index_queue_due", "next_attempt_ms"),
)

# ---- playback slots (migration 0004_playback_slots): the per-user stream limit across processes --

# One row per (user, slot number below the limit), reused: a playback holds a slot under a random
# lease while its process renews `expires_ms` (the database's clock); a free slot has expired.
playback_slots = sa.Table(
    "playback_slots",
    metadata,
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("slot_no", sa.SmallInteger, primary_key=True),
    sa.Column("lease", sa.String(32), nullable=False),
    sa.Column("holder", sa.String, nullable=False),  # host/pid of the process, for people reading the table
    sa.Column("session_id", sa.String),
    sa.Column("track", sa.Integer),
    sa.Column("acquired_ms", Ms, nullable=False),
    sa.Column("expires_ms", Ms, nullable=False),
)

# ---- sign-in throttling (migration 0006_sign_in_throttle): failed sign-ins per user name and per host --

# Consecutive failed sign-ins, keyed by the normalized user name (whether or not such a user exists,
# so the answers do not tell) and by the workstation's host name. After a few, the key is refused until
# `locked_until_ms` (the database's clock), doubling each time; a user name with many is `hard_locked`
# until an administrator unlocks it. A success deletes the rows; rows idle for a day are pruned.
SIGN_IN_KEY_KINDS = ("user", "host")
sign_in_failures = sa.Table(
    "sign_in_failures",
    metadata,
    sa.Column("key_kind", sa.String(8), primary_key=True),
    sa.Column("key", sa.String(255), primary_key=True),
    sa.Column("failures", sa.Integer, nullable=False, server_default="0"),
    sa.Column("last_failure_ms", Ms, nullable=False),
    sa.Column("locked_until_ms", Ms, nullable=False, server_default="0"),
    sa.Column("hard_locked", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.CheckConstraint("key_kind IN ('user', 'host')", name="ck_sign_in_failures_key_kind"),
    sa.Index("ix_sign_in_failures_last_failure", "last_failure_ms"),
)

# ---- notes and bookmarks (migration 0009_notes): time-coded remarks of reviewers on a recording --

# A note belongs to a session (kept when the sync rewrites the recording's row) at `position_ms`
# from its start. `visibility` private = its author only; team = whoever may see the recording. The
# text of team notes goes into the recording's full-text document (store/notes.py); private never.
recording_notes = sa.Table(
    "recording_notes",
    metadata,
    sa.Column("id", Id, primary_key=True, autoincrement=True),
    sa.Column("session_id", sa.String, sa.ForeignKey("recordings.session_id", ondelete="CASCADE"), nullable=False),
    sa.Column("position_ms", Ms, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("visibility", sa.String(16), nullable=False),
    sa.Column("category", sa.String(64)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("author", sa.String(64), nullable=False),
    sa.Column("created_ms", Ms, nullable=False),
    sa.Column("updated_ms", Ms, nullable=False),
    sa.CheckConstraint("kind IN ('note', 'bookmark')", name="ck_recording_notes_kind"),
    sa.CheckConstraint("visibility IN ('private', 'team')", name="ck_recording_notes_visibility"),
    sa.Index("ix_recording_notes_session", "session_id", "position_ms"),
)

# ---- review playlists and saved searches (migration 0011_queues_saved_searches) ------------------

# One review playlist per user: the recordings (session ids) of a search in the order it listed
# them, and where the user stands in it. A new playlist replaces the old one.
review_queues = sa.Table(
    "review_queues",
    metadata,
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("title", sa.String, nullable=False),
    sa.Column("seed", sa.Integer),  # the random seed of a sampled playlist, shown to the user
    sa.Column("current_position", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created_at_ms", Ms, nullable=False),
    sa.Column("updated_at_ms", Ms, nullable=False),
)

review_queue_items = sa.Table(
    "review_queue_items",
    metadata,
    sa.Column("username", sa.String(64), sa.ForeignKey("review_queues.username", ondelete="CASCADE"), primary_key=True),
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("session_id", sa.String, nullable=False),
)

# Where a user stopped listening to a recording: opening it again starts there.
listening_positions = sa.Table(
    "listening_positions",
    metadata,
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("session_id", sa.String, primary_key=True),
    sa.Column("position_ms", Ms, nullable=False),
    sa.Column("updated_at_ms", Ms, nullable=False),
)

# Named filters of the Recordings tab: private to the owner, or shared with everyone who may search.
saved_searches = sa.Table(
    "saved_searches",
    metadata,
    sa.Column("id", Id, primary_key=True, autoincrement=True),
    sa.Column("owner", sa.String(64), nullable=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("shared", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("query", sa.Text, nullable=False),  # the RecordingQuery's filters (JSON)
    sa.Column("panel", sa.Text, nullable=False),  # the filter panel's fields, to put them back (JSON)
    sa.Column("created_at_ms", Ms, nullable=False),
    sa.UniqueConstraint("owner", "name", name="uq_saved_searches_owner_name"),
)

# When each user last opened a saved search: what synced after it counts as new.
saved_search_opens = sa.Table(
    "saved_search_opens",
    metadata,
    sa.Column("search_id", Id, sa.ForeignKey("saved_searches.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("opened_at_ms", Ms, nullable=False),
)

# ---- reviews (migration 0010_reviews): what each listener heard, and which recordings are reviewed --

# The parts of one recording one user heard: merged [start, end) intervals in milliseconds as JSON
# text, and their total (`heard_ms`), which the recordings search joins for its "Heard" column.
review_heard = sa.Table(
    "review_heard",
    metadata,
    sa.Column("session_id", sa.String, primary_key=True),
    sa.Column("username", sa.String(64), primary_key=True),
    sa.Column("intervals", sa.Text, nullable=False),
    sa.Column("heard_ms", Ms, nullable=False),
    sa.Column("updated_ms", Ms, nullable=False),
    sa.Index("ix_review_heard_username", "username", "session_id"),
)

# A recording its reviewer marked as reviewed (one mark per recording; unmarking deletes it).
review_marks = sa.Table(
    "review_marks",
    metadata,
    sa.Column("session_id", sa.String, primary_key=True),
    sa.Column("reviewed_by", sa.String(64), nullable=False),
    sa.Column("reviewed_ms", Ms, nullable=False),
    sa.Column("heard_percent", sa.SmallInteger),  # the reviewer's coverage when they marked it
)
