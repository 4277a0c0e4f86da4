"""Notes and bookmarks in the details pane, against the real player, proxy and simulator: a note is
added at the player's position, a click on it seeks the player there, a bookmark takes one click,
one's own notes are edited and deleted, and someone else's private note never shows."""

from __future__ import annotations

from typing import Any

import pytest

from qms_desktop.app.notes import NotesUseCases, NoteVisibility
from qms_desktop.security.roles import Principal, Role
from qms_desktop.ui.qt import Qt
from tests.ui.helpers import wait_signal, wait_until
from tests.ui.recordings.conftest import teardown_tab
from tests.ui.recordings.test_player import PLAYABLE, open_recording, pick

pytestmark = pytest.mark.timeout(90)


def _click_row(qtbot: Any, table: Any, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _rows(panel: Any) -> list[list[str]]:
    model = panel.model
    return [[model.index(r, c).data() for c in range(2)] for r in range(model.rowCount())]


@pytest.mark.asyncio
async def test_add_a_note_at_the_position_and_click_it_to_seek(make_tab, rec_ctx, qtbot) -> None:
    session_id, _ = pick(rec_ctx.engine, PLAYABLE)
    # Someone else's private note and a colleague's team note are there already.
    NotesUseCases(rec_ctx.engine, Principal("other", Role.ADMIN)).add(
        session_id, 2_000, "Not for your eyes", visibility=NoteVisibility.PRIVATE
    )
    NotesUseCases(rec_ctx.engine, Principal("other", Role.ADMIN)).add(session_id, 1_000, "Colleague remark")
    tab = make_tab(start=False)
    tab.show()
    tab.set_details_shown(True)
    panel, player, notes = tab.details.notes, tab.player, tab.controller.notes
    loaded = wait_signal(notes.loaded)
    await open_recording(tab, session_id)
    (first,) = await loaded
    assert [n.text for n in first] == ["Colleague remark"]
    assert _rows(panel) == [["0:01", "Colleague remark\nother"]]  # the words, then who wrote it
    assert not panel.edit_button.isEnabled() and panel.delete_button.isEnabled() is False
    panel.table.selectRow(0)
    assert not panel.edit_button.isEnabled()  # not the author
    assert panel.delete_button.isEnabled()  # an administrator may delete a team note

    source = wait_signal(tab.controller.sourceSet, timeout=20)
    player.play_button.click()
    await source
    await wait_until(lambda: player.loaded and player.is_playing(), timeout=15)
    player.media.pause()
    player.seek_to(30_000)
    await wait_until(lambda: not player.is_playing() and 30_000 <= player.position() < 31_000, timeout=10)
    at = player.position()

    changed = wait_signal(panel.notesChanged)
    qtbot.keyClicks(panel.text, "Greeting skipped")
    panel.category.setCurrentIndex(panel.category.findData("coaching"))
    assert panel.add_button.isEnabled()
    panel.add_button.click()
    (shown,) = await changed
    note = next(n for n in shown if n.text == "Greeting skipped")
    assert (note.position_ms, note.author, note.category) == (at, "admin", "coaching")
    assert _rows(panel)[1] == ["0:30", "Greeting skipped\nadmin · coaching"]
    assert panel.text.text() == ""  # ready for the next one

    player.seek_to(35_000)
    await wait_until(lambda: 35_000 <= player.position() < 36_000, timeout=10)
    changed = wait_signal(panel.notesChanged)
    panel.bookmark_button.click()  # one click, no words
    (shown,) = await changed
    assert [(n.kind.value, n.text) for n in shown] == [("note", "Colleague remark"), ("note", "Greeting skipped"),
                                                      ("bookmark", "")]  # fmt: skip
    assert _rows(panel)[2][1] == "Bookmark\nadmin"
    # The player's waveform draws them: notes and bookmarks as their own kinds of marker.
    drawn = player.waveform.view.markers
    assert [m.offset_ms for m in drawn["notes"]] == [1_000, at]
    assert [m.offset_ms for m in drawn["bookmarks"]] == [shown[2].position_ms]

    # Clicking the note seeks the player to it (and plays from there).
    player.media.pause()
    player.seek_to(5_000)
    await wait_until(lambda: player.position() < 6_000, timeout=10)
    _click_row(qtbot, panel.table, 1)
    await wait_until(lambda: at <= player.position() < at + 10_000, timeout=10)
    assert player.is_playing()

    # Edit one's own note.
    panel.table.selectRow(1)
    assert panel.edit_button.isEnabled()
    panel.edit_button.click()
    assert panel.text.text() == "Greeting skipped" and panel.add_button.text() == "Save note"
    panel.text.setText("Greeting skipped entirely")
    changed = wait_signal(panel.notesChanged)
    panel.add_button.click()
    (shown,) = await changed
    assert [n.text for n in shown][1] == "Greeting skipped entirely"
    assert panel.add_button.text() == "Add note"

    # Delete the bookmark.
    panel.table.selectRow(2)
    changed = wait_signal(panel.notesChanged)
    panel.delete_button.click()
    (shown,) = await changed
    assert [n.text for n in shown] == ["Colleague remark", "Greeting skipped entirely"]
    assert "bookmarks" not in player.waveform.view.markers  # the deleted bookmark is gone from the timeline
    stored = NotesUseCases(rec_ctx.engine, Principal("admin", Role.ADMIN)).list_for(session_id)
    assert [n.text for n in stored] == ["Colleague remark", "Greeting skipped entirely"]
    await teardown_tab(tab)
