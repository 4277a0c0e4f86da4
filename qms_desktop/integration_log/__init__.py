"""The integration log: masked records of the `qms.*` loggers in a rotating JSON-lines file and an
in-memory ring buffer, with level control, paging queries and live subscription.

    log = setup_integration_log()          # once, at start-up (GUI, service, CLI)
    register_secret(configured_password)   # the MediaSense client, as soon as it knows it
    logging.getLogger("qms.http").info("GET %s", path, extra={"request_id": rid, "status": 200})
    page = log.query(level="WARN", search="timeout")

No Qt here: the GUI subscribes and batches entries on its own timer.
"""

from qms_desktop.integration_log.core import (
    DEFAULT_BACKUP_COUNT,
    DEFAULT_BUFFER_SIZE,
    DEFAULT_MAX_BYTES,
    ROOT_LOGGER,
    IntegrationLog,
    get_integration_log,
    setup_integration_log,
    shutdown_integration_log,
)
from qms_desktop.integration_log.entries import (
    LEVELS,
    LogEntry,
    LogPage,
    level_name,
    logging_level,
    normalize_level,
)
from qms_desktop.integration_log.files import (
    FILE_NAME,
    LEVEL_FILE,
    persist_level,
    query_files,
    read_persisted_level,
)
from qms_desktop.integration_log.masking import (
    MASK,
    MaskingFilter,
    mask_record,
    mask_text,
    mask_value,
    register_secret,
    unregister_secret,
)

__all__ = [
    "DEFAULT_BACKUP_COUNT",
    "DEFAULT_BUFFER_SIZE",
    "DEFAULT_MAX_BYTES",
    "FILE_NAME",
    "LEVELS",
    "LEVEL_FILE",
    "MASK",
    "ROOT_LOGGER",
    "IntegrationLog",
    "LogEntry",
    "LogPage",
    "MaskingFilter",
    "get_integration_log",
    "level_name",
    "logging_level",
    "mask_record",
    "mask_text",
    "mask_value",
    "normalize_level",
    "persist_level",
    "query_files",
    "read_persisted_level",
    "register_secret",
    "setup_integration_log",
    "shutdown_integration_log",
    "unregister_secret",
]
