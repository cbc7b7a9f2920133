import pytest

from kayseri_desktop.services.bus import Change, ChangeBus


def test_listeners_get_changes_until_they_unsubscribe():
    bus, got = ChangeBus(), []
    unsubscribe = bus.subscribe(got.append)
    bus.publish("firm", [1, 2], "update")
    unsubscribe()
    bus.publish("firm", [3])
    assert got == [Change("firm", frozenset({1, 2}), "update")]


def test_batch_delivers_one_change_per_entity_kind():
    bus, got = ChangeBus(), []
    bus.subscribe(got.append)
    with bus.batch():
        for i in range(10_000):
            bus.publish("firm", [i], "create")
        bus.publish("visit", [7])
        assert got == []
    assert [(c.entity, len(c.ids), c.action) for c in got] == [
        ("firm", 10_000, "create"),
        ("visit", 1, "update"),
    ]


def test_batch_that_fails_announces_nothing():
    bus, got = ChangeBus(), []
    bus.subscribe(got.append)
    with pytest.raises(RuntimeError), bus.batch():
        bus.publish("firm", [1])
        raise RuntimeError("rolled back")
    assert got == []
    bus.publish("firm", [2])
    assert len(got) == 1


def test_a_batch_holds_only_its_own_threads_announcements():
    import threading

    bus, got = ChangeBus(), []
    bus.subscribe(got.append)
    with bus.batch():
        bus.publish("firm", [1])
        worker = threading.Thread(target=lambda: bus.publish("visit", [9], origin="external"))
        worker.start()
        worker.join()
        assert [(c.entity, c.origin) for c in got] == [("visit", "external")]
    assert [(c.entity, c.origin) for c in got] == [("visit", "external"), ("firm", "local")]


def test_a_batch_keeps_the_origin_of_what_it_merges():
    bus, got = ChangeBus(), []
    bus.subscribe(got.append)
    with bus.batch():
        bus.publish("firm", [1])
        bus.publish("firm", [2], origin="external")
    assert sorted((c.entity, c.origin, tuple(c.ids)) for c in got) == [
        ("firm", "external", (2,)),
        ("firm", "local", (1,)),
    ]
