"""The bus bridge answers the first change at once and throttles a stream of them."""

from __future__ import annotations

import threading

from kayseri_desktop.gui.bus_bridge import BusBridge


def test_first_change_after_a_quiet_spell_is_emitted_without_waiting(qtbot, ctx):
    # An interval of a minute: only an emission on the next event-loop turn passes.
    bridge = BusBridge(ctx.bus, min_interval_ms=60_000)
    emitted: list[set[str]] = []
    bridge.changed.connect(emitted.append)
    ctx.bus.publish("firm", [1])
    ctx.bus.publish("evaluation", [2])
    qtbot.waitUntil(lambda: len(emitted) == 1, timeout=2000)
    assert emitted == [{"firm", "evaluation"}]

    ctx.bus.publish("visit", [3])
    ctx.bus.publish("visit", [4])
    qtbot.wait(200)
    assert emitted == [{"firm", "evaluation"}]  # held back: within the interval
    bridge.flush_now()
    assert emitted == [{"firm", "evaluation"}, {"visit"}]
    bridge.close()


def test_a_worker_streaming_changes_is_throttled(qtbot, ctx):
    bridge = BusBridge(ctx.bus, min_interval_ms=60_000)
    emitted: list[set[str]] = []
    bridge.changed.connect(emitted.append)
    stop = threading.Event()

    def work() -> None:
        i = 0
        while not stop.is_set():
            ctx.bus.publish("firm", [i])
            i += 1
            stop.wait(0.001)

    worker = threading.Thread(target=work)
    worker.start()
    try:
        qtbot.waitUntil(lambda: len(emitted) == 1, timeout=2000)
        qtbot.wait(300)
    finally:
        stop.set()
        worker.join()
    assert emitted == [{"firm"}]  # hundreds of publishes, one emission so far
    bridge.flush_now()
    assert emitted == [{"firm"}, {"firm"}]
    bridge.close()
