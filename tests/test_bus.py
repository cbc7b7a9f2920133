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
