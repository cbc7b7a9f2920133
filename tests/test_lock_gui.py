"""The window and a lock file that is not what this app writes: it still opens."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtWidgets import QMessageBox

from kayseri_desktop.data import lock as lk
from kayseri_desktop.gui.safety import startup
from kayseri_desktop.services.context import open_context


class Answers:
    """Records every box; presses the queued button label when it is there."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.queue: list[str] = []

    def exec(self, box: QMessageBox) -> int:
        self.shown.append((box.objectName(), box.text()))
        for button in box.buttons():
            if self.queue and button.text() == self.queue[0]:
                self.queue.pop(0)
                button.click()
                break
        return 0


@pytest.fixture
def answers(monkeypatch) -> Answers:
    log = Answers()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: log.exec(box))
    return log


@pytest.fixture
def office(tmp_path):
    path = tmp_path / "masa.sqlite"
    open_context(path).close()
    return path


BAD_LOCKS = {
    "pid as text": {"pid": "1234"},
    "unparsable date": {"since": "dün öğlen"},
    "year 2099 from another machine": {"machine": "baska-pc", "heartbeat": "2099-01-01T00:00"},
}


@pytest.mark.parametrize("fields", BAD_LOCKS.values(), ids=BAD_LOCKS.keys())
def test_the_window_opens_for_writing_over_a_lock_it_cannot_trust(qapp, office, answers, fields):
    now = dt.datetime.now().isoformat(timespec="seconds")  # a fresh heartbeat
    data = {
        "user": "ayse@ofis-3",
        "machine": lk.machine_name(),
        "pid": 1,
        "since": now,
        "heartbeat": now,
        "token": "t0",
        **fields,
    }
    lk.lock_path(office).write_text(json.dumps(data), encoding="utf-8")
    ctx = startup.open_safely(None, office)
    try:
        assert ctx is not None and not ctx.db.readonly
        assert ctx.lock is not None and ctx.lock.held() and ctx.lock.took_over_reason
    finally:
        ctx.close()
    assert [name for name, _ in answers.shown] == []


def test_a_folder_in_place_of_the_lock_is_said_and_read_only_is_offered(qapp, office, answers):
    folder = lk.lock_path(office)
    folder.mkdir()
    (folder / "not.txt").write_text("birinin dosyası", encoding="utf-8")
    answers.queue = ["Salt okunur aç"]
    ctx = startup.open_safely(None, office)
    try:
        assert ctx is not None and ctx.db.readonly
    finally:
        ctx.close()
    name, text = answers.shown[-1]
    assert name == "lockedBox"
    assert text.startswith(f"Yazma kilidi alınamadı: {folder} bir klasör ve içi boş değil.")
    assert "1970" not in text and "bilinmeyen bilgisayarında" not in text
    assert (folder / "not.txt").exists()
