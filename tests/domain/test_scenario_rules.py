"""The conditional-actions rules, with property tests: valid scripts pass, one break fails."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from voxtest.domain.addresses import public_url_problem
from voxtest.domain.scenario_rules import (
    Problem,
    check_conditional_actions,
    flatten,
    nest,
    parse_instructions,
)

OPENING: dict[str, Any] = {
    "id": 0,
    "condition": "FIRST_MESSAGE",
    "action": "Hi there",
    "type": "standard",
    "fixed_message": True,
}


def script(*items: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"role": "A caller", "conditions": [dict(OPENING), *items], **extra}


def item(id: int, **fields: Any) -> dict[str, Any]:
    return {
        "id": id,
        "condition": "The agent asks for your name",
        "action": "Sarah",
        "type": "standard",
        "fixed_message": False,
        **fields,
    }


def paths(problems: list[Problem]) -> set[tuple[str | int, ...]]:
    return {p.path for p in problems}


FUNCTION: dict[str, Any] = {
    "name": "lookup",
    "type": "rest_api",
    "config": {
        "method": "POST",
        "url": "https://api.example.com/orders/{{test_profile.order_id}}",
        "headers": {"Authorization": "Bearer x"},
        "timeout_seconds": 10,
        "response_mapping": {"status": "$.order.status", "eta": {"path": "$.eta", "default": "?"}},
    },
}


def test_a_complete_script_passes() -> None:
    ok = script(
        item(1),
        item(2, condition=1, type="action_followup", action="<endcall />", fixed_message=True),
        item(3, action="Status is {{function.lookup.status}}", fixed_message=True),
        functions=[FUNCTION],
    )
    assert check_conditional_actions(ok) == []


def test_the_opening_rules() -> None:
    bad = script()
    bad["conditions"][0].update(id=3, condition="Hello", fixed_message=False)
    found = paths(check_conditional_actions(bad))
    assert {("conditions", 0, "id"), ("conditions", 0, "condition")} <= found
    assert ("conditions", 0, "fixed_message") in found


def test_the_opening_may_be_empty_when_the_agent_speaks_first() -> None:
    silent = script()
    silent["conditions"][0]["action"] = ""
    assert check_conditional_actions(silent) == []
    assert check_conditional_actions(silent, allow_empty_opening=False)
    assert paths(check_conditional_actions(script(item(1, action=" ")))) == {
        ("conditions", 1, "action")
    }


def test_type_and_fixed_message_are_required_on_every_item() -> None:
    loose = item(1)
    del loose["type"], loose["fixed_message"]
    found = check_conditional_actions(script(loose))
    assert paths(found) == {("conditions", 1, "type"), ("conditions", 1, "fixed_message")}
    assert all(p.message == "This field is required." for p in found)


def test_ids_are_unique_and_followups_point_at_them() -> None:
    found = paths(
        check_conditional_actions(
            script(
                item(1),
                item(1),
                item(3, condition=7, type="action_followup"),
                item(4, condition=4, type="action_followup"),
                item(5, condition="no id", type="action_followup"),
                item(6, condition=1),
            )
        )
    )
    assert found == {
        ("conditions", 2, "id"),
        ("conditions", 3, "condition"),
        ("conditions", 4, "condition"),
        ("conditions", 5, "condition"),
        ("conditions", 6, "condition"),
    }


def test_tags_only_in_fixed_messages_and_known() -> None:
    found = check_conditional_actions(
        script(
            item(1, action='Wait <silence time="1s" />', fixed_message=False),
            item(2, action="<teleport />", fixed_message=True),
            item(3, action='<interruption time="2s" /> Hey', fixed_message=True),
        )
    )
    assert paths(found) == {("conditions", i, "action") for i in (1, 2, 3)}


@pytest.mark.parametrize(
    ("good", "bad", "needs"),
    [
        (
            '<network_simulation packet_loss="5"/>Can you hear me?',
            ("<network_simulation/>Hello", '<network_simulation packet_loss="75"/>Hi'),
            "packet_loss",
        ),
        (
            '<voice id="v2"/>Hi',
            ('<voice provider="11labs">Hola</voice>', "<voice id=''/>Hey"),
            "id=",
        ),
    ],
)
def test_tags_that_need_an_attribute(good: str, bad: tuple[str, str], needs: str) -> None:
    actions = (good, *bad)
    found = check_conditional_actions(
        script(*(item(i + 1, action=a, fixed_message=True) for i, a in enumerate(actions)))
    )
    assert paths(found) == {("conditions", i, "action") for i in (2, 3)}
    assert all(needs in p.message for p in found)


def test_functions_shape() -> None:
    bad_fn = copy.deepcopy(FUNCTION)
    bad_fn["config"].update(url="http://10.0.0.1/x", timeout_seconds=31, method="PUT")
    bad_fn["config"]["response_mapping"] = {"x": "a.b"}
    found = paths(
        check_conditional_actions(
            script(item(1), functions=[bad_fn, {**FUNCTION, "type": "grpc"}, {"name": "1x"}])
        )
    )
    config = ("functions", 0, "config")
    assert {
        (*config, "url"),
        (*config, "timeout_seconds"),
        (*config, "method"),
        (*config, "response_mapping", "x"),
        ("functions", 1, "name"),  # duplicate of lookup
        ("functions", 1, "type"),
        ("functions", 2, "name"),
        ("functions", 2, "type"),
        ("functions", 2, "config"),
    } <= found


def test_functions_are_not_allowed_in_the_opening_and_must_exist() -> None:
    opening_fn = script(functions=[FUNCTION])
    opening_fn["conditions"][0]["action"] = '<function name="lookup" />'
    assert paths(check_conditional_actions(opening_fn)) == {("conditions", 0, "action")}
    unknown = script(item(1, action="{{function.nope.x}}", fixed_message=True))
    assert paths(check_conditional_actions(unknown)) == {("conditions", 1, "action")}


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://api.example.com/x", True),
        ("https://{{test_profile.host}}/x", True),
        ("ftp://example.com", False),
        ("http://localhost:8000", False),
        ("http://127.0.0.1", False),
        ("http://[::1]/", False),
        ("http://192.168.1.5/", False),
        ("http://user:pw@example.com", False),
        ("not a url", False),
    ],
)
def test_public_urls(url: str, ok: bool) -> None:
    assert (public_url_problem(url) is None) is ok


def test_instructions_as_json_and_error_shapes() -> None:
    value, problems = parse_instructions("{oops")
    assert value is None and problems
    found = check_conditional_actions(script(item(1, action="")))
    assert flatten(found) == ["conditions[1].action: This field may not be blank."]
    assert nest(found) == {"conditions": [{}, {"action": ["This field may not be blank."]}]}
    assert nest([Problem((), "bad")]) == {"non_field_errors": ["bad"]}
    assert check_conditional_actions([]) and check_conditional_actions({"role": "x"})


# -- properties ---------------------------------------------------------------------------

words = st.text(alphabet="abcdefghij klmnop", min_size=1, max_size=20).filter(str.strip)


@st.composite
def valid_scripts(draw: st.DrawFn) -> dict[str, Any]:
    count = draw(st.integers(min_value=0, max_value=8))
    items = [dict(OPENING, action=draw(words))]
    for n in range(1, count + 1):
        followup = draw(st.booleans())
        fixed = draw(st.booleans())
        action = draw(words) + (" <endcall />" if fixed and draw(st.booleans()) else "")
        items.append(
            {
                "id": n,
                "condition": draw(st.integers(0, n - 1)) if followup else draw(words),
                "action": action,
                "type": "action_followup" if followup else "standard",
                "fixed_message": fixed,
            }
        )
    order = draw(st.permutations(items[1:]))
    return {"role": draw(words), "conditions": [items[0], *order]}


CORRUPTIONS = [
    "drop_type",
    "drop_fixed",
    "blank_action",
    "duplicate_id",
    "dangling_followup",
    "unfix_opening",
    "tag_in_free_text",
    "non_string_action",
]


def corrupt(value: dict[str, Any], how: str, target: int) -> None:
    conditions = value["conditions"]
    last = conditions[-1] if len(conditions) > 1 else None
    if how == "unfix_opening" or last is None:
        conditions[0]["fixed_message"] = False
        return
    one = conditions[1 + target % (len(conditions) - 1)]
    if how == "drop_type":
        del one["type"]
    elif how == "drop_fixed":
        del one["fixed_message"]
    elif how == "blank_action":
        one["action"] = "   "
    elif how == "duplicate_id":
        one["id"] = 0
    elif how == "dangling_followup":
        one.update(type="action_followup", condition=999)
    elif how == "tag_in_free_text":
        one.update(action="Hold on <hold time='2s' />", fixed_message=False)
    else:
        one["action"] = 42


@settings(max_examples=150, deadline=None)
@given(valid_scripts())
def test_generated_valid_scripts_pass(value: dict[str, Any]) -> None:
    assert check_conditional_actions(value) == []


@settings(max_examples=300, deadline=None)
@given(valid_scripts(), st.sampled_from(CORRUPTIONS), st.integers(0, 50))
def test_a_single_corruption_always_fails(value: dict[str, Any], how: str, target: int) -> None:
    broken = copy.deepcopy(value)
    corrupt(broken, how, target)
    assert check_conditional_actions(broken), (how, broken)
