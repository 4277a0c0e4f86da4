"""`qms-desktop recordings export|verify-export`: evidence exports, the one deliberate way audio
leaves MediaSense, and their check."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qms_desktop.app.export import (
    NOTICE,
    ExportFailed,
    ExportProgress,
    ExportRequest,
    ExportResult,
    ExportUseCases,
    VerifyReport,
    verify_export,
)
from qms_desktop.app.playback import PlaybackUseCases
from qms_desktop.app.runtime import NotConfigured
from qms_desktop.commands._acting import add_acting_user_flags, signed_in
from qms_desktop.commands._output import add_json_flag, emit, fail
from qms_desktop.mediasense.errors import MediaSenseError
from qms_desktop.security.errors import SecurityError

LEAVES = (
    "This is the one deliberate way audio leaves MediaSense: the export is audited with its reason and the "
    "manifest's SHA-256."
)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 <= seconds <= 366 * 24 * 3600:
        raise argparse.ArgumentTypeError(f"seconds must be between 0 and {366 * 24 * 3600}, not {value!r}")
    return seconds


def register(rec_sub: argparse._SubParsersAction) -> None:
    export = rec_sub.add_parser(
        "export",
        help="export a recording (or an A-B clip) as evidence: WAV files, manifest, SHA-256",
        description=LEAVES + " An administrator, or a supervisor for their own teams; a reason is required. "
        "The MediaSense connection comes from the saved settings or MEDIASENSE_* variables.",
    )
    export.add_argument("session_id")
    export.add_argument(
        "--reason", required=True, help="why the audio leaves MediaSense (kept in the manifest and audit)"
    )
    export.add_argument("--out", required=True, metavar="DIR", help="a new (or empty) folder to write")
    export.add_argument("--from", dest="from_s", type=_seconds, metavar="S", help="clip start, seconds into the call")
    export.add_argument("--to", dest="to_s", type=_seconds, metavar="S", help="clip end, seconds into the call")
    export.add_argument("--zip", action="store_true", help="also write DIR.zip with the same files")
    add_acting_user_flags(export)
    add_json_flag(export)
    export.set_defaults(func=run_export)

    verify = rec_sub.add_parser(
        "verify-export",
        help="recompute every SHA-256 of an export folder and check its manifest (exit 1 on any mismatch)",
    )
    verify.add_argument("folder", metavar="DIR")
    add_json_flag(verify)
    verify.set_defaults(func=run_verify)


def _result_text(result: ExportResult) -> str:
    lines = [f"Exported to {result.folder}"]
    lines += [f"  {f.name}  {f.bytes} bytes  sha256 {f.sha256}" for f in result.files]
    lines.append(f"  manifest.json  sha256 {result.manifest_sha256} (in the audit trail)")
    if result.zip_path is not None:
        lines.append(f"  zip: {result.zip_path}")
    lines.append(f"  notes: {result.notes}")
    return "\n".join(lines)


def run_export(args: argparse.Namespace) -> int:
    print(LEAVES, file=sys.stderr)
    request = ExportRequest(args.session_id, args.reason, Path(args.out), args.from_s, args.to_s, args.zip)

    def progress(step: ExportProgress) -> None:
        if step.bytes == 0:
            print(f"[{step.done + 1 if step.done < step.total else step.total}/{step.total}] {step.current}",
                  file=sys.stderr)  # fmt: skip

    try:
        with signed_in(args) as (engine, principal):
            config = PlaybackUseCases(engine, principal).client_config()
            result = ExportUseCases(engine, principal).export_blocking(config, request, progress)
    except (SecurityError, NotConfigured) as exc:
        return fail(str(exc), 2)
    except (ExportFailed, MediaSenseError) as exc:
        return fail(str(exc), 1)
    emit(args, result.to_dict() | {"notice": NOTICE}, lambda _: _result_text(result))
    return 0


def _verify_text(report: VerifyReport) -> str:
    if report.ok:
        return (
            f"OK: {len(report.checked)} file(s) match the manifest. manifest.json sha256 {report.manifest_sha256}: "
            "compare it with the export's audit row"
        )
    return "\n".join(["MISMATCH:", *(f"  {p}" for p in report.problems)])


def run_verify(args: argparse.Namespace) -> int:
    folder = Path(args.folder)
    if not folder.is_dir():
        return fail(f"{folder} is not a folder", 2)
    report = verify_export(folder)
    emit(args, report.to_dict(), lambda _: _verify_text(report))
    return 0 if report.ok else 1
