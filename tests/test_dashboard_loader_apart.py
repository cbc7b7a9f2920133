"""The Pano's loader counts the heavy section on its own thread, beside the others."""

from __future__ import annotations

import threading

from kayseri_desktop.gui.dashboard.loader import SectionLoader


def test_an_apart_section_does_not_hold_up_the_others(qtbot):
    light_done = threading.Event()
    seen: dict[str, bool] = {}

    def compute(section: str, _params):
        if section == "heavy":
            # Run one after another, "heavy" (first in order) would wait here in vain.
            seen["heavy saw light"] = light_done.wait(5)
            return "H"
        light_done.set()
        return "L"

    loader = SectionLoader(compute, ["heavy", "light"], apart={"heavy"})
    ready: list[tuple[str, object]] = []
    finished: list[set[str]] = []
    loader.ready.connect(lambda _g, section, result: ready.append((section, result)))
    loader.finished.connect(lambda _g, sections: finished.append(set(sections)))

    loader.request({"heavy", "light"}, None)
    assert loader.busy
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=10_000)
    assert seen == {"heavy saw light": True}
    assert sorted(ready) == [("heavy", "H"), ("light", "L")]
    assert finished == [{"heavy", "light"}]
    qtbot.waitUntil(lambda: not loader.busy)


def test_a_failed_section_is_left_out_and_the_batch_still_finishes(qtbot):
    def compute(section: str, _params):
        if section == "heavy":
            raise RuntimeError("veritabanı kapalı")
        return section

    loader = SectionLoader(compute, ["light", "heavy"], apart={"heavy"})
    finished: list[set[str]] = []
    loader.finished.connect(lambda _g, sections: finished.append(set(sections)))
    loader.request({"heavy", "light"}, None)
    qtbot.waitUntil(lambda: len(finished) == 1, timeout=10_000)
    assert finished == [{"light"}]
    qtbot.waitUntil(lambda: not loader.busy)
