"""Evidence export: the one deliberate way a recording's audio leaves MediaSense.

An administrator, or a supervisor for their own teams, exports one recording (or an A-B clip of it)
into a new folder: the mixed call and each party's track as WAV files, fetched from MediaSense with
the same client and media addresses the player uses; `manifest.json` with the recording's metadata,
its notes (team notes and the exporter's own private ones), who exported it, when, from where and why, and the SHA-256
and size of every file. A reason is required. The export's audit row names the manifest's SHA-256,
so a copy of the folder can be checked against the audit trail; `verify_export` recomputes every
hash and checks the manifest (and the zip, when one was made, holds the same files).

Refusals (no reason, a recording of a team the user does not supervise, no permission) are audited.
The download runs on an event loop of its own (`export_blocking`), so callers on a GUI thread run it
in a worker thread and hear about progress through a plain callback.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import json
import math
import os
import re
import shutil
import struct
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from qms_desktop.app.access import UseCase
from qms_desktop.app.recordings import RecordingUseCases
from qms_desktop.domain.sessions import WHOLE_CALL, TrackChoice
from qms_desktop.domain.time import from_ms
from qms_desktop.mediasense.client import ClientConfig, MediaSenseClient
from qms_desktop.mediasense.media import stream_media
from qms_desktop.playback.sources import as_session_record
from qms_desktop.playback.wav import pad_bytes, wav_header
from qms_desktop.search.query import RecordingDetail
from qms_desktop.security import audit
from qms_desktop.security.errors import SecurityError
from qms_desktop.security.roles import Permission
from qms_desktop.store.notes import list_notes

RECORDING_EXPORT = "recording.export"
MANIFEST = "manifest.json"
FORMAT = "qms-evidence-export/1"
NOTICE = (
    "This folder holds audio taken out of MediaSense on purpose, as evidence. Keep it as carefully as "
    "the recording itself; the export is in the audit trail with this manifest's SHA-256."
)
MAX_REASON_CHARS = 2000
CHUNK = 64 * 1024

# (files done, files in all, what is being fetched, bytes of it so far)
ProgressCallback = Callable[["ExportProgress"], None]


class ExportRefused(SecurityError):
    """An export that may not run (no reason, a bad clip, a folder in the way)."""


class ExportFailed(RuntimeError):
    """The export started and could not finish (MediaSense, the disk); the folder is removed."""


@dataclass(frozen=True, slots=True)
class ExportProgress:
    done: int
    total: int
    current: str
    bytes: int = 0


@dataclass(frozen=True, slots=True)
class ExportRequest:
    session_id: str
    reason: str
    out_dir: Path
    from_s: float | None = None
    to_s: float | None = None
    make_zip: bool = False


@dataclass(frozen=True, slots=True)
class ExportedFile:
    name: str
    sha256: str
    bytes: int
    track: int | None  # None: both parties mixed
    kind: str  # mixed | party


@dataclass(frozen=True, slots=True)
class ExportResult:
    folder: Path
    manifest_sha256: str
    files: tuple[ExportedFile, ...]
    zip_path: Path | None
    notes: int  # the notes written into the manifest

    def to_dict(self) -> dict[str, Any]:
        return {
            "folder": str(self.folder),
            "manifestSha256": self.manifest_sha256,
            "files": [dataclasses.asdict(f) for f in self.files],
            "zip": str(self.zip_path) if self.zip_path else None,
            "notes": self.notes,
        }


@dataclass(frozen=True, slots=True)
class ExportPlan:
    """What an allowed export will do: checked, audited as refused if not; plain data."""

    request: ExportRequest
    detail: RecordingDetail
    username: str
    role: str


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _clean_reason(reason: str | None) -> str:
    text = " ".join((reason or "").split())
    return text[:MAX_REASON_CHARS]


class ExportUseCases(UseCase):
    def plan(self, request: ExportRequest) -> ExportPlan:
        """Check the principal, the team, the reason, the clip and the folder (refusals audited)."""
        principal = self.require(Permission.RECORDINGS_PLAY, request.session_id)
        reason = _clean_reason(request.reason)
        if not reason:
            self.audit(RECORDING_EXPORT, request.session_id, outcome=audit.DENIED, refused="no reason given")
            raise ExportRefused(
                "An export needs a reason", hint="Say why the audio leaves MediaSense (a case, a complaint, a request)"
            )
        detail = RecordingUseCases(self.engine, principal)._visible(request.session_id, Permission.RECORDINGS_PLAY)
        problem = _clip_problem(request.from_s, request.to_s, detail.row.duration_ms)
        if problem is None:
            problem = _folder_problem(request.out_dir, request.make_zip)
        if problem is not None:
            self.audit(RECORDING_EXPORT, request.session_id, outcome=audit.DENIED, refused=problem, reason=reason)
            raise ExportRefused(problem)
        return ExportPlan(dataclasses.replace(request, reason=reason), detail, principal.username, principal.role.value)

    def export_blocking(
        self, client_config: ClientConfig, request: ExportRequest, progress: ProgressCallback | None = None
    ) -> ExportResult:
        """Plan, download and audit on an event loop of this thread's own (call it off a GUI thread)."""
        plan = self.plan(request)
        return asyncio.run(self.run(client_config, plan, progress))

    async def run(
        self, client_config: ClientConfig, plan: ExportPlan, progress: ProgressCallback | None = None
    ) -> ExportResult:
        request = plan.request
        folder = request.out_dir
        created = not folder.exists()
        try:
            result = await _write_export(self.engine, client_config, plan, progress)
        except BaseException as exc:
            _remove_partial(folder, created, request.make_zip)
            self.audit(RECORDING_EXPORT, request.session_id, outcome=audit.FAILED, reason=request.reason,
                       error=type(exc).__name__)  # fmt: skip
            if isinstance(exc, Exception) and not isinstance(exc, ExportFailed):
                raise ExportFailed(f"The export of {request.session_id} failed: {exc}") from exc
            raise
        self.audit(
            RECORDING_EXPORT,
            request.session_id,
            reason=request.reason,
            manifest_sha256=result.manifest_sha256,
            folder=str(result.folder),
            files=[f.name for f in result.files],
            clip=None if request.from_s is None and request.to_s is None else [request.from_s, request.to_s],
            zip=result.zip_path is not None,
        )
        return result


def _clip_problem(from_s: float | None, to_s: float | None, duration_ms: int | None) -> str | None:
    for name, value in (("from", from_s), ("to", to_s)):
        if value is not None and (not math.isfinite(value) or value < 0):
            return f"--{name} must be a non-negative number of seconds"
    if from_s is not None and to_s is not None and to_s <= from_s:
        return "The clip's end must come after its start"
    if duration_ms is not None and from_s is not None and from_s * 1000 >= duration_ms:
        return f"The clip starts after the recording ends ({duration_ms / 1000:.1f} s)"
    return None


def _folder_problem(folder: Path, make_zip: bool) -> str | None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        return f"{folder} exists and is not an empty folder: choose a new one"
    if make_zip and folder.with_suffix(".zip").exists():
        return f"{folder.with_suffix('.zip')} exists already"
    return None


def _remove_partial(folder: Path, created: bool, make_zip: bool) -> None:
    if created:
        shutil.rmtree(folder, ignore_errors=True)
    elif folder.is_dir():
        for child in folder.iterdir():
            if child.is_file():
                child.unlink(missing_ok=True)
    if make_zip:
        folder.with_suffix(".zip").unlink(missing_ok=True)


def _audio_tracks(detail: RecordingDetail) -> list[int]:
    return sorted(
        {t.number for t in detail.tracks if t.number is not None and (t.media_type or "AUDIO").upper() != "VIDEO"}
    )


async def _write_export(
    engine: sa.Engine, client_config: ClientConfig, plan: ExportPlan, progress: ProgressCallback | None
) -> ExportResult:
    request, detail = plan.request, plan.detail
    record = as_session_record(detail)
    folder = request.out_dir
    folder.mkdir(parents=True, exist_ok=True)
    wanted: list[tuple[TrackChoice, str]] = [(WHOLE_CALL, "mixed")]
    wanted += [(number, f"track-{number}") for number in _audio_tracks(detail)]
    files: list[ExportedFile] = []
    sources: list[dict[str, Any]] = []
    async with MediaSenseClient(client_config) as client:
        for index, (track, stem) in enumerate(wanted):
            if progress is not None:
                progress(ExportProgress(index, len(wanted), stem))
            source, response = await stream_media(client, record, track)
            part = folder / f".{stem}.part"
            written = 0
            try:
                with part.open("wb") as out:
                    async for chunk in response.aiter_bytes(CHUNK):
                        out.write(chunk)
                        written += len(chunk)
                        if progress is not None:
                            progress(ExportProgress(index, len(wanted), stem, written))
            finally:
                await response.aclose()
            name = await asyncio.to_thread(_finish_audio, part, folder, stem, source.kind, source.codec, request)
            files.append(ExportedFile(name, sha256_file(folder / name), (folder / name).stat().st_size,
                                      None if track is WHOLE_CALL else track,
                                      "mixed" if track is WHOLE_CALL else "party"))  # fmt: skip
            sources.append({"file": name, "mediaKind": source.kind, "track": source.track})
    if progress is not None:
        progress(ExportProgress(len(wanted), len(wanted), MANIFEST))
    notes = _notes(engine, detail.row.session_id, plan.username)
    manifest = _manifest(plan, files, sources, notes)
    manifest_path = folder / MANIFEST
    manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
    manifest_sha = sha256_file(manifest_path)
    zip_path = None
    if request.make_zip:
        zip_path = folder.with_suffix(".zip")
        await asyncio.to_thread(_zip, folder, [MANIFEST, *(f.name for f in files)], zip_path)
    return ExportResult(folder, manifest_sha, tuple(files), zip_path, len(notes))


def _zip(folder: Path, names: Iterable[str], target: Path) -> None:
    with zipfile.ZipFile(target, "x", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            archive.write(folder / name, f"{folder.name}/{name}")


# ---- audio ------------------------------------------------------------------------------------


def _finish_audio(part: Path, folder: Path, stem: str, kind: str, codec: str | None, request: ExportRequest) -> str:
    """The downloaded body as a WAV file (raw G.711 gets its header), cut to the clip if one was asked."""
    clip = request.from_s is not None or request.to_s is not None
    with part.open("rb") as handle:
        head = handle.read(12)
    is_wav = head[:4] == b"RIFF" and head[8:12] == b"WAVE"
    if kind == "raw" and not is_wav:
        size = part.stat().st_size
        layout = _WavLayout(fmt_body=wav_header(size, codec or "PCMU")[20:38], data_offset=0, data_bytes=size)
    elif is_wav:
        layout = _wav_layout(part)
    else:
        if clip:
            part.unlink(missing_ok=True)
            raise ExportFailed(f"MediaSense gave {kind} audio for {stem}, which cannot be cut: export the whole call")
        name = f"{stem}.{'mp4' if kind == 'mp4' else 'bin'}"
        part.rename(folder / name)
        return name
    start, end = 0, layout.data_bytes
    if clip:
        rate, align = layout.byte_rate, layout.block_align
        if request.from_s is not None:
            start = min(end, int(request.from_s * rate) // align * align)
        if request.to_s is not None:
            end = min(end, int(request.to_s * rate) // align * align)
    name = f"{stem}.wav"
    _write_wav(part, folder / name, layout, start, max(start, end))
    part.unlink(missing_ok=True)
    return name


@dataclass(frozen=True, slots=True)
class _WavLayout:
    fmt_body: bytes  # the fmt chunk's body as it was
    data_offset: int
    data_bytes: int

    @property
    def format_tag(self) -> int:
        return int(struct.unpack_from("<H", self.fmt_body, 0)[0])

    @property
    def byte_rate(self) -> int:
        return int(struct.unpack_from("<I", self.fmt_body, 8)[0]) or 8000

    @property
    def block_align(self) -> int:
        return int(struct.unpack_from("<H", self.fmt_body, 12)[0]) or 1


def _wav_layout(path: Path) -> _WavLayout:
    size = path.stat().st_size
    fmt_body: bytes | None = None
    with path.open("rb") as handle:
        handle.seek(12)
        while True:
            head = handle.read(8)
            if len(head) < 8:
                break
            chunk_id, chunk_size = head[:4], struct.unpack("<I", head[4:])[0]
            if chunk_id == b"fmt ":
                fmt_body = handle.read(chunk_size)
                handle.seek(chunk_size & 1, os.SEEK_CUR)
            elif chunk_id == b"data":
                if fmt_body is None or len(fmt_body) < 16:
                    break
                offset = handle.tell()
                return _WavLayout(fmt_body, offset, min(chunk_size, size - offset))
            else:
                handle.seek(chunk_size + (chunk_size & 1), os.SEEK_CUR)
    raise ExportFailed(
        f"{path.name.strip('.').removesuffix('.part')}: MediaSense's WAV has no readable fmt/data chunks"
    )


def _write_wav(source: Path, target: Path, layout: _WavLayout, start: int, end: int) -> None:
    """A WAV with the source's format and the bytes [start, end) of its data (a fact chunk for non-PCM)."""
    data_bytes = end - start
    fact = b"" if layout.format_tag == 1 else b"fact" + struct.pack("<II", 4, data_bytes // layout.block_align)
    fmt = b"fmt " + struct.pack("<I", len(layout.fmt_body)) + layout.fmt_body + b"\0" * (len(layout.fmt_body) & 1)
    riff_size = 4 + len(fmt) + len(fact) + 8 + data_bytes + pad_bytes(data_bytes)
    with source.open("rb") as src, target.open("xb") as out:
        out.write(
            b"RIFF" + struct.pack("<I", riff_size) + b"WAVE" + fmt + fact + b"data" + struct.pack("<I", data_bytes)
        )
        src.seek(layout.data_offset + start)
        left = data_bytes
        while left > 0:
            chunk = src.read(min(CHUNK, left))
            if not chunk:
                raise ExportFailed(f"{target.name}: the downloaded audio ended early")
            out.write(chunk)
            left -= len(chunk)
        if pad_bytes(data_bytes):
            out.write(b"\0")


# ---- manifest ---------------------------------------------------------------------------------


def _iso(ms: int | None) -> str | None:
    value = from_ms(ms)
    return value.isoformat() if value is not None else None


def _notes(engine: sa.Engine, session_id: str, username: str) -> list[dict[str, Any]]:
    """The recording's notes the exporter may read: team notes and their own private ones."""
    with engine.connect() as conn:
        return [note.to_dict() for note in list_notes(conn, session_id, username)]


def _manifest(
    plan: ExportPlan, files: list[ExportedFile], sources: list[dict[str, Any]], notes: list[dict[str, Any]] | None
) -> dict[str, Any]:
    request, detail, row = plan.request, plan.detail, plan.detail.row
    from qms_desktop.security.audit import this_place

    recording = {
        "sessionId": row.session_id,
        "recordingId": detail.recording_id,
        "ccid": detail.ccid,
        "start": _iso(row.start_ms),
        "end": _iso(row.end_ms),
        "durationMs": row.duration_ms,
        "state": row.state,
        "agentId": row.agent_id,
        "agentName": row.agent_name,
        "team": row.team_code,
        "direction": row.direction,
        "ani": row.ani,
        "dnis": row.dnis,
        "csq": row.csq,
        "wrapUpReason": row.wrap_up_reason,
        "codec": row.codec,
        "callControllerIp": detail.call_controller_ip,
        "callControllerType": detail.call_controller_type,
        "tracks": [dataclasses.asdict(t) | {"download_url": None} for t in detail.tracks],
        "participants": [dataclasses.asdict(p) for p in detail.participants],
        "tags": [dataclasses.asdict(t) for t in detail.tags],
    }
    return {
        "format": FORMAT,
        "notice": NOTICE,
        "recording": recording,
        "clip": None
        if request.from_s is None and request.to_s is None
        else {"fromSeconds": request.from_s, "toSeconds": request.to_s},
        "files": [
            {"name": f.name, "sha256": f.sha256, "bytes": f.bytes, "track": f.track, "kind": f.kind} for f in files
        ],
        "sources": sources,
        "notes": notes,
        "exportedBy": {"username": plan.username, "role": plan.role},
        "exportedAt": datetime.now(UTC).isoformat(timespec="seconds"),
        "exportedFrom": this_place(),
        "reason": request.reason,
    }


# ---- verification -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class VerifyReport:
    folder: Path
    manifest_sha256: str | None
    checked: tuple[str, ...]
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, Any]:
        return {"folder": str(self.folder), "manifestSha256": self.manifest_sha256, "checked": list(self.checked),
                "problems": list(self.problems), "ok": self.ok}  # fmt: skip


_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]{0,100}")


def verify_export(folder: Path) -> VerifyReport:
    """Recompute every file's SHA-256 and size and compare them with the manifest; report files
    missing, changed or not listed. Reads only the folder (no database, no sign-in)."""
    manifest_path = folder / MANIFEST
    if not manifest_path.is_file():
        return VerifyReport(folder, None, (), (f"{manifest_path} is missing: not an export folder",))
    manifest_sha = sha256_file(manifest_path)
    try:
        manifest = json.loads(manifest_path.read_text("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        return VerifyReport(folder, manifest_sha, (), (f"{MANIFEST} is not valid JSON: {exc}",))
    problems: list[str] = []
    checked: list[str] = []
    listed = manifest.get("files") if isinstance(manifest, dict) else None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        problems.append(f"{MANIFEST} is not a {FORMAT} manifest")
    if not isinstance(listed, list) or not listed:
        problems.append(f"{MANIFEST} lists no files")
        listed = []
    names: set[str] = set()
    for entry in listed:
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or not _SAFE_NAME.fullmatch(name) or name == MANIFEST:
            problems.append(f"{MANIFEST} lists a file with an unusable name: {str(name)[:60]!r}")
            continue
        names.add(name)
        path = folder / name
        if not path.is_file():
            problems.append(f"{name} is missing")
            continue
        size = path.stat().st_size
        actual = sha256_file(path)
        if actual != entry.get("sha256"):
            problems.append(f"{name} has changed: SHA-256 {actual} is not the manifest's {entry.get('sha256')}")
        elif size != entry.get("bytes"):
            problems.append(f"{name} has {size} bytes, the manifest says {entry.get('bytes')}")
        checked.append(name)
    extra = sorted(p.name for p in folder.iterdir() if p.name != MANIFEST and p.name not in names)
    problems += [f"{name} is not in the manifest" for name in extra]
    return VerifyReport(folder, manifest_sha, tuple(checked), tuple(problems))
