"""Simulated packet loss: reading the settings, and which frames are lost."""

from __future__ import annotations

import pytest

from voxtest.domain.network_loss import (
    FrameLoss,
    personality_loss,
    personality_problem,
    tagged_loss,
)


@pytest.mark.parametrize(
    ("value", "percent"),
    [
        ("off", 0.0),
        ("", 0.0),
        (None, 0.0),
        ({"packet_loss": 5}, 5.0),
        ('{"packet_loss": "7.5%"}', 7.5),
        ({"packet_loss": 80}, 50.0),  # capped
        ({"packet_loss": -3}, 0.0),
        ({"packet_loss": True}, 0.0),
        ({"jitter": 30}, 0.0),
        ("{not json", 0.0),
        ("poor", 0.0),
    ],
)
def test_the_personality_setting(value: object, percent: float) -> None:
    assert personality_loss(value) == percent


def test_a_line_sets_loss_from_its_last_tag_or_leaves_it() -> None:
    assert tagged_loss("Hello there") is None
    assert tagged_loss('<network_simulation packet_loss="5"/>Can you hear me?') == 5.0
    assert (
        tagged_loss(
            "<network_simulation packet_loss='12%' /> a <network_simulation packet_loss=\"0\"/>"
        )
        == 0.0
    )
    assert tagged_loss("<network_simulation/>") is None
    assert tagged_loss('<NETWORK_SIMULATION packet_loss="90"/>') == 50.0


def test_losses_follow_the_rate_and_the_seed() -> None:
    first, again, other = FrameLoss(10, seed=7), FrameLoss(10, seed=7), FrameLoss(10, seed=8)
    drops = [first.drop() for _ in range(10_000)]
    assert drops == [again.drop() for _ in range(10_000)]
    assert drops != [other.drop() for _ in range(10_000)]
    assert first.record() == {
        "frames": 10_000,
        "lost": sum(drops),
        "lost_percent": pytest.approx(sum(drops) / 100),
    }
    assert 9.0 < first.record()["lost_percent"] < 11.0


def test_no_loss_loses_nothing_until_it_is_turned_on() -> None:
    loss = FrameLoss()
    assert not any(loss.drop() for _ in range(1000)) and not loss.used
    loss.set(100)  # capped at 50
    assert loss.percent == 50.0 and loss.used
    assert 400 < sum(loss.drop() for _ in range(1000)) < 600
    loss.set(0)
    assert not any(loss.drop() for _ in range(1000))
    assert loss.record()["frames"] == 3000


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        (None, True),
        ("off", True),
        ({"packet_loss": 5}, True),
        ('{"packet_loss": 12.5}', True),
        ({"packet_loss": 51}, False),
        ({"packet_loss": "5"}, False),
        ({"packet_loss": 5, "jitter": 20}, False),
        ("3g", False),
        ("{broken", False),
    ],
)
def test_what_a_personality_may_ask_for(value: object, ok: bool) -> None:
    problem = personality_problem(value)
    assert (problem is None) is ok
    if not ok:
        assert problem is not None and "packet_loss" in problem
