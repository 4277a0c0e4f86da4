"""Asking for a file without a nested event loop: the dialog is opened window-modal and awaited."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from qms_desktop.ui.qt import QFileDialog, QWidget


async def ask_path(
    parent: QWidget,
    title: str,
    filters: Sequence[str],
    *,
    save: bool = False,
    suggested: str = "",
    default_suffix: str | None = None,
) -> str | None:
    """The chosen path, or None when the dialog was cancelled."""
    dialog = QFileDialog(parent, title, suggested)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters(list(filters))
    if default_suffix:
        dialog.setDefaultSuffix(default_suffix)
    chosen: asyncio.Future[str | None] = asyncio.get_running_loop().create_future()

    def finished(code: int) -> None:
        files = dialog.selectedFiles()
        if not chosen.done():
            chosen.set_result(files[0] if code and files else None)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await chosen
    finally:
        dialog.deleteLater()
