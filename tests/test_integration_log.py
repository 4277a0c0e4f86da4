"""The integration log: format, levels, queries, paging, rotation, clear, subscribers, speed."""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest

from qms_desktop.integration_log import (
    FILE_NAME,
    IntegrationLog,
    LogEntry,
    get_integration_log,
    mask_text,
    mask_value,
    persist_level,
    query_files,
    register_secret,
    setup_integration_log,
    shutdown_integration_log,
    unregister_secret,
)

http = logging.getLogger("qms.http")
sync = logging.getLogger("qms.sync")


@pytest.fixture(autouse=True)
def _detached() -> Iterator[None]:
    yield
    shutdown_integration_log()


@pytest.fixture
def log_dir(tmp_path: Path) -> Path:
    return tmp_path / "logs"


def file_entries(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def all_pages(log: IntegrationLog, **kwargs: object) -> list[LogEntry]:
    out: list[LogEntry] = []
    cursor = None
    while True:
        page = log.query(cursor=cursor, **kwargs)  # type: ignore[arg-type]
        out.extend(page.entries)
        if page.next_cursor is None:
            return out
        cursor = page.next_cursor


def test_setup_is_idempotent_and_defaults_to_qms_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QMS_HOME", str(tmp_path))
    log = setup_integration_log()
    assert log.log_dir == (tmp_path / "logs").resolve()
    assert setup_integration_log() is log
    assert get_integration_log() is log
    assert setup_integration_log(level="DEBUG") is log and log.level == "DEBUG"
    other = setup_integration_log(tmp_path / "elsewhere")
    assert other is not log and get_integration_log() is other
    assert log._handler not in logging.getLogger("qms").handlers  # the old one is detached


def test_json_lines_format_and_buffer_equals_file(log_dir: Path) -> None:
    log = setup_integration_log(log_dir)
    http.info(
        "GET %s -> %d",
        "/ora/queryService/query/sessions",
        200,
        extra={
            "request_id": "r-1",
            "correlation_id": "c-9",
            "method": "GET",
            "status": 200,
            "duration_ms": 12.5,
            "path": "/ora",
            "tags": ("a", "b"),
        },
    )
    [line] = (log_dir / FILE_NAME).read_text(encoding="utf-8").splitlines()
    assert line.startswith('{"seq": 1, "ts": "')
    data = json.loads(line)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", data["ts"])
    assert data["level"] == "INFO" and data["logger"] == "qms.http"
    assert data["message"] == "GET /ora/queryService/query/sessions -> 200"
    assert data["extra"] == {
        "request_id": "r-1",
        "correlation_id": "c-9",
        "method": "GET",
        "status": 200,
        "duration_ms": 12.5,
        "path": "/ora",
        "tags": ["a", "b"],
    }
    assert data["exc"] is None
    [buffered] = log.entries()
    assert buffered.ts.tzinfo == UTC
    # The same entry whether it comes from memory or from disk.
    assert query_files(log_dir).entries == (buffered,)
    assert buffered.to_dict() == data


def test_levels_are_minimums_and_warn_maps_to_warning(log_dir: Path) -> None:
    log = setup_integration_log(log_dir, level="DEBUG")
    http.debug("d")
    http.info("i")
    http.warning("w")
    http.error("e")
    http.critical("c")
    levels = lambda **kw: [e.level for e in log.query(**kw).entries]  # noqa: E731
    assert levels() == ["ERROR", "ERROR", "WARN", "INFO", "DEBUG"]
    assert levels(level="ERROR") == ["ERROR", "ERROR"]
    assert levels(level="WARN") == ["ERROR", "ERROR", "WARN"]
    assert levels(level="warning") == ["ERROR", "ERROR", "WARN"]
    assert levels(level="INFO") == ["ERROR", "ERROR", "WARN", "INFO"]
    # The same from the files alone.
    assert [e.level for e in query_files(log_dir, level="WARN").entries] == ["ERROR", "ERROR", "WARN"]
    with pytest.raises(ValueError):
        log.query(level="LOUD")


def test_runtime_level_change(log_dir: Path) -> None:
    log = setup_integration_log(log_dir, level="INFO")
    sync.debug("hidden")
    assert log.set_level("debug") == "DEBUG"
    sync.debug("shown")
    log.set_level("WARN")
    sync.info("hidden too")
    sync.warning("warned")
    assert [e.message for e in log.query().entries] == ["warned", "shown"]
    assert log.status()["logLevel"] == "WARN"


def test_level_persisted_in_file_is_used_when_none_is_passed(log_dir: Path) -> None:
    persist_level(log_dir, "warning")
    assert setup_integration_log(log_dir).level == "WARN"
    shutdown_integration_log()
    assert setup_integration_log(log_dir, level="ERROR").level == "ERROR"


def test_search_is_case_insensitive_over_message_logger_extra_and_exception(log_dir: Path) -> None:
    log = setup_integration_log(log_dir, buffer_size=2)
    http.info("Connection TIMEOUT")
    sync.info("page fetched", extra={"session_id": "AbC-123"})
    logging.getLogger("qms.proxy").info("range served")
    try:
        raise KeyError("missingField")
    except KeyError:
        sync.exception("normalize failed")
    for include_file in (True, False):

        def found(text: str, include_file: bool = include_file) -> list[str]:
            return [e.message for e in log.query(search=text, include_file=include_file).entries]

        assert found("abc-1") == (["page fetched"] if include_file else [])
        assert found("QMS.PROXY") == ["range served"]
        assert found("missingfield") == ["normalize failed"]
    assert [e.message for e in log.query(search="timeout").entries] == ["Connection TIMEOUT"]
    assert [e.message for e in query_files(log_dir, search="Abc-123").entries] == ["page fetched"]
    assert [e.message for e in query_files(log_dir, search="Connection").entries] == ["Connection TIMEOUT"]


def test_query_reads_older_entries_from_rotated_files(log_dir: Path) -> None:
    log = setup_integration_log(log_dir, buffer_size=10, max_bytes=4096, backup_count=50)
    for i in range(500):
        sync.info("entry %d", i, extra={"i": i})
    assert len(log.entries()) == 10
    backups = sorted(log_dir.glob(FILE_NAME + ".*"))
    assert len(backups) > 5
    everything = log.query(limit=1000)
    assert [e.extra["i"] for e in everything.entries] == list(range(499, -1, -1))
    assert everything.next_cursor is None
    assert [e.seq for e in everything.entries] == list(range(500, 0, -1))
    # Small pages through buffer, current file and backups; and only odd entries via search.
    assert [e.seq for e in all_pages(log, limit=7)] == list(range(500, 0, -1))
    odd = [e.extra["i"] for e in all_pages(log, limit=13, search="7")]
    assert odd == [i for i in range(499, -1, -1) if "7" in f"entry {i}"]
    # A restarted process shows the recent history and continues the numbering.
    shutdown_integration_log()
    again = setup_integration_log(log_dir, buffer_size=10, max_bytes=4096, backup_count=50)
    assert [e.seq for e in again.entries()] == list(range(491, 501))
    sync.info("after restart")
    assert again.query(limit=1).entries[0].seq == 501


def test_oldest_backup_is_dropped(log_dir: Path) -> None:
    log = setup_integration_log(log_dir, buffer_size=5, max_bytes=2048, backup_count=2)
    for i in range(300):
        sync.info("entry %d", i)
    assert sorted(p.name for p in log_dir.glob(FILE_NAME + "*")) == [FILE_NAME, f"{FILE_NAME}.1", f"{FILE_NAME}.2"]
    seqs = [e.seq for e in all_pages(log, limit=50)]
    assert seqs == list(range(300, 300 - len(seqs), -1)) and len(seqs) < 300


def test_cursor_paging_never_repeats_or_skips_while_appending(log_dir: Path) -> None:
    log = setup_integration_log(log_dir, buffer_size=50, max_bytes=8192, backup_count=1000)
    for i in range(400):
        sync.info("before %d", i)
    stop = threading.Event()

    def writer() -> None:
        n = 0
        while not stop.is_set():
            http.info("during %d", n)
            n += 1
            if n % 10 == 0:
                time.sleep(0.0001)  # let the reader run, as a real app's logging would

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        seen: list[int] = []
        cursor = None
        while True:
            page = log.query(cursor=cursor, limit=9)
            seen.extend(e.seq for e in page.entries)
            if page.next_cursor is None:
                break
            cursor = page.next_cursor
            time.sleep(0.0005)  # not a wait: the writer gets to append between two pages
    finally:
        stop.set()
        thread.join()
    # Strictly one less each time, from whatever was newest at the first page down to 1.
    assert seen == list(range(seen[0], 0, -1))
    assert seen[0] >= 400


def test_filtered_paging_while_appending(log_dir: Path) -> None:
    log = setup_integration_log(log_dir, buffer_size=20, max_bytes=4096, backup_count=1000)
    for i in range(300):
        (sync.warning if i % 3 == 0 else sync.info)("m %d", i)
    stop = threading.Event()

    def writer() -> None:
        while not stop.is_set():
            http.warning("late")
            time.sleep(0.0001)  # not a wait: paces the writer so the reader runs in between

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        first = log.query(level="WARN", limit=5)
        rest = all_pages(log, level="WARN", limit=5) if first.next_cursor is None else []
        cursor, pages = first.next_cursor, list(first.entries)
        while cursor:
            page = log.query(level="WARN", limit=5, cursor=cursor)
            pages.extend(page.entries)
            cursor = page.next_cursor
    finally:
        stop.set()
        thread.join()
    assert not rest
    old = [e.message for e in pages if e.message != "late"]
    assert old == [f"m {i}" for i in range(297, -1, -3)]
    seqs = [e.seq for e in pages]
    assert seqs == sorted(set(seqs), reverse=True)


def test_clear_archives_and_starts_afresh(log_dir: Path) -> None:
    log = setup_integration_log(log_dir, buffer_size=5, max_bytes=1024, backup_count=3)
    for i in range(40):
        http.info("old %d", i)
    archived = log.clear()
    assert archived is not None and archived.exists()
    assert re.fullmatch(r"integration-\d{8}T\d{6}Z\.log", archived.name)
    assert file_entries(archived)[-1]["message"] == "old 39"
    assert not list(log_dir.glob(FILE_NAME + ".*"))  # backups archived too
    assert log.entries() == [] and log.query().entries == ()
    http.info("new")
    [entry] = log.query().entries
    assert entry.message == "new" and entry.seq == 41
    assert [d["message"] for d in file_entries(log_dir / FILE_NAME)] == ["new"]
    second = log.clear()
    assert second is not None and second != archived and second.exists()
    # A new process after a clear still continues the numbering.
    shutdown_integration_log()
    setup_integration_log(log_dir)
    http.info("later")
    assert query_files(log_dir).entries[0].seq == 42


def test_subscribers_get_masked_entries_until_unsubscribed(log_dir: Path) -> None:
    log = setup_integration_log(log_dir)
    got: list[LogEntry] = []
    unsubscribe = log.subscribe(got.append)
    log.subscribe(lambda e: 1 / 0)  # a failing subscriber disturbs nobody
    http.info("login password=%s", "s3cr3t!!")
    unsubscribe()
    http.info("not delivered")
    assert [e.message for e in got] == ["login password=***"]
    assert len(log.query().entries) == 2


def test_child_loggers_and_later_handlers_see_masked_records(log_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    setup_integration_log(log_dir)
    register_secret("Tr0ub4dor&3")
    try:
        with caplog.at_level(logging.INFO):
            try:
                raise RuntimeError("auth failed for Tr0ub4dor&3")
            except RuntimeError:
                logging.getLogger("qms.auth.basic").exception("login with %s", "Tr0ub4dor&3")
        [record] = [r for r in caplog.records if r.name == "qms.auth.basic"]
        assert record.exc_info is None  # the exception object is gone; only masked text remains
        formatted = logging.Formatter().format(record)
        assert "Tr0ub4dor&3" not in formatted and "auth failed for ***" in formatted
        assert "Tr0ub4dor&3" not in caplog.text
    finally:
        unregister_secret("Tr0ub4dor&3")


def test_records_below_the_level_are_masked_for_other_handlers(log_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    log = setup_integration_log(log_dir, level="INFO")
    chatty = logging.getLogger("qms.http.wire")
    chatty.setLevel(logging.DEBUG)  # someone turned one area up for the console
    try:
        with caplog.at_level(logging.DEBUG):
            chatty.debug("Cookie: JSESSIONID=%s", "0123456789ABCDEF")
    finally:
        chatty.setLevel(logging.NOTSET)
    assert "0123456789ABCDEF" not in caplog.text and "Cookie: ***" in caplog.text
    assert log.query().entries == ()  # not recorded: below INFO


def test_status(log_dir: Path) -> None:
    log = setup_integration_log(log_dir, buffer_size=3)
    for i in range(5):
        http.info("x %d", i)
    status = log.status()
    assert status["configured"] is True
    assert status["logLevel"] == "INFO"
    assert status["logBufferSize"] == 3
    assert status["file"] == str(log_dir.resolve() / FILE_NAME)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("login password=hunter2 user=bob", "login password=*** user=bob"),
        ('{"password": "a b \\" c", "user": "bob"}', '{"password": "***", "user": "bob"}'),
        ("{'apiSecret': 'x y', 'apiKey': 'admin'}", "{'apiSecret': '***', 'apiKey': '***'}"),
        ("Cookie: JSESSIONID=ABC123; Path=/", "Cookie: ***"),
        ("set JSESSIONID=ABC123; Path=/", "set JSESSIONID=***; Path=/"),
        ("JSESSIONID: ABC123", "JSESSIONID: ***"),
        ("Authorization: Basic YWRtaW46cGFzcw==", "Authorization: Basic ***"),
        ("authorization: Bearer eyJ.abc.def\nnext", "authorization: Bearer ***\nnext"),
        ("GET https://admin:p@ss:w@ms.local:8440/ora", "GET https://admin:***@ms.local:8440/ora"),
        ("see https://ms.local:8440/ora?x=1 ok", "see https://ms.local:8440/ora?x=1 ok"),
        ("?user=a&api_key=K3Y&x=1", "?user=a&api_key=***&x=1"),
        ("nothing to hide", "nothing to hide"),
    ],
)
def test_mask_text_examples(text: str, expected: str) -> None:
    assert mask_text(text) == expected


def test_mask_value_nested() -> None:
    value = {
        "user": "bob",
        "Password": "x",
        "nested": [{"api_key": 1, "ok": ("a", "token=abc")}],
        "headers": [("Authorization", "Basic abc"), ("Accept", "*/*"), (b"cookie", b"a=b")],
        "empty_password": None,
    }
    assert mask_value(value) == {
        "user": "bob",
        "Password": "***",
        "nested": [{"api_key": "***", "ok": ("a", "token=***")}],
        "headers": [("Authorization", "***"), ("Accept", "*/*"), (b"cookie", "***")],
        "empty_password": None,
    }


def test_registered_secret_short_values_are_ignored() -> None:
    register_secret("abc")
    assert mask_text("abc") == "abc"
    register_secret("s3cr3t-pw")
    try:
        # Percent-encoded even where no encoder had to (`%2D` is `-`), in either case.
        assert mask_text("x s3cr3t-pw y s3cr3t%2Dpw s3cr3t%2dpw") == "x *** y *** ***"
        assert mask_text('"s3cr3t-pw"') == '"***"'
    finally:
        unregister_secret("s3cr3t-pw")
    assert mask_text("s3cr3t-pw") == "s3cr3t-pw"


def test_ten_thousand_entries_keep_the_newest_thousand_and_page_in_full(log_dir: Path) -> None:
    # How fast this runs is measured by tests/benchmarks/bench_integration_log.py, not asserted here.
    log = setup_integration_log(log_dir)
    for i in range(10_000):
        http.info(
            "GET %s -> %d",
            "/ora/queryService/query/sessions",
            200,
            extra={"request_id": f"r{i}", "status": 200, "duration_ms": 3.2},
        )
    assert len(log.entries()) == 1000
    assert log.entries()[-1].extra["request_id"] == "r9999"
    assert len(all_pages(log, limit=500)) == 10_000
