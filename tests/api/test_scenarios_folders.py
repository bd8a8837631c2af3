"""Scenario folders: dot paths, parents first, rename/move carry contents, delete removes them."""

from __future__ import annotations

from typing import Any

from tests.api.test_scenarios import EXT, V1, V2, new_scenario, second_project
from tests.conftest import Api


def make(api: Api, name: str, parent: str | None = None, base: str = V1) -> dict[str, Any]:
    body: dict[str, Any] = {"name": name, "project_id": api.default_project_id()}
    if parent is not None:
        body["parent_path"] = parent
    r = api.post(base + "create_folder/", body)
    assert r.status_code == 201, r.text
    made: dict[str, Any] = r.json()
    return made


def paths(api: Api, **params: Any) -> list[str]:
    r = api.get(V1 + "folders/", params={"project_id": api.default_project_id(), **params})
    assert r.status_code == 200, r.text
    return [f["path"] for f in r.json()["results"]]


def test_create_needs_the_parent_and_a_clean_name(api: Api) -> None:
    sales = make(api, "Sales")
    assert sales["name"] == "Sales" and sales["path"] == "Sales"
    inbound = make(api, "Inbound", "Sales", base=EXT)
    assert inbound == {**inbound, "name": "Inbound", "path": "Sales.Inbound"}
    pid = api.default_project_id()
    r = api.post(V1 + "create_folder/", {"name": "X", "parent_path": "Nope", "project_id": pid})
    assert r.status_code == 400 and "parent_path" in r.json()
    r = api.post(V2 + "create_folder/", {"name": "A.B", "project_id": pid})
    assert r.status_code == 400 and "name" in r.json()
    r = api.post(V1 + "create_folder/", {"name": "Sales", "project_id": pid})
    assert r.status_code == 400 and "name" in r.json()
    assert api.post(V1 + "create_folder/", {"name": "Q"}).json() == {
        "project_id": ["This field is required."]
    }


def test_scenarios_can_only_use_existing_folders(api: Api) -> None:
    pid = api.default_project_id()
    r = api.post(
        V1,
        {
            "name": "x",
            "personality": api.get("/test_framework/v1/personalities/").json()[0]["id"],
            "project": pid,
            "instructions": "y",
            "folder_path": "Sales.Inbound",
        },
    )
    assert r.status_code == 400 and "folder_path" in r.json()


def test_listing_filters_by_parent_and_search(api: Api) -> None:
    make(api, "Sales")
    make(api, "Inbound", "Sales")
    make(api, "Outbound", "Sales")
    make(api, "Support")
    assert paths(api) == ["Sales", "Sales.Inbound", "Sales.Outbound", "Support"]
    assert paths(api, parent_path="Sales") == ["Sales.Inbound", "Sales.Outbound"]
    assert paths(api, parent_path="") == ["Sales", "Support"]
    assert paths(api, search="BOUND") == ["Sales.Inbound", "Sales.Outbound"]
    page = api.get(
        V2 + "folders/", params={"project_id": api.default_project_id(), "page_size": 3}
    ).json()
    assert page["count"] == 4 and len(page["results"]) == 3 and page["next"]
    assert api.get(V1 + "folders/").status_code == 400  # project_id is required


def test_rename_carries_sub_folders_and_scenarios(api: Api) -> None:
    make(api, "Sales")
    make(api, "Inbound", "Sales")
    make(api, "Vip", "Sales.Inbound")
    deep = new_scenario(api, folder_path="Sales.Inbound.Vip")["id"]
    top = new_scenario(api, folder_path="Sales")["id"]
    pid = api.default_project_id()
    r = api.post(V1 + "rename_folder/", {"path": "Sales", "name": "Revenue", "project_id": pid})
    assert r.status_code == 200, r.text
    assert r.json()["path"] == "Revenue" and r.json()["name"] == "Revenue"
    assert paths(api) == ["Revenue", "Revenue.Inbound", "Revenue.Inbound.Vip"]
    assert api.get(f"{V1}{deep}/").json()["folder_path"] == "Revenue.Inbound.Vip"
    assert api.get(f"{V1}{top}/").json()["folder_path"] == "Revenue"
    r = api.post(V1 + "rename_folder/", {"path": "Gone", "name": "X", "project_id": pid})
    assert r.status_code == 400 and "path" in r.json()


def test_move_carries_contents_and_refuses_cycles(api: Api) -> None:
    make(api, "Sales")
    make(api, "Inbound", "Sales")
    make(api, "Archive")
    sid = new_scenario(api, folder_path="Sales.Inbound")["id"]
    pid = api.default_project_id()
    move = V2 + "move_folder/"
    r = api.post(move, {"path": "Sales", "new_parent_path": "Sales.Inbound", "project_id": pid})
    assert r.status_code == 400
    r = api.post(move, {"path": "Sales", "new_parent_path": "Archive", "project_id": pid})
    assert r.status_code == 200 and r.json()["path"] == "Archive.Sales"
    assert api.get(f"{V1}{sid}/").json()["folder_path"] == "Archive.Sales.Inbound"
    r = api.post(
        move, {"path": "Archive.Sales.Inbound", "new_parent_path": None, "project_id": pid}
    )
    assert r.status_code == 200 and r.json()["path"] == "Inbound"
    assert api.get(f"{V1}{sid}/").json()["folder_path"] == "Inbound"
    r = api.post(move, {"path": "Inbound", "new_parent_path": "Archive.Sales", "project_id": pid})
    assert r.status_code == 200
    make(api, "Inbound")
    r = api.post(move, {"path": "Inbound", "new_parent_path": "Archive.Sales", "project_id": pid})
    assert r.status_code == 400  # a folder of that name is already there


def test_delete_removes_the_folder_and_its_contents(api: Api) -> None:
    make(api, "Sales")
    make(api, "Inbound", "Sales")
    make(api, "Salesforce")
    inside = new_scenario(api, folder_path="Sales.Inbound")["id"]
    beside = new_scenario(api, folder_path="Salesforce")["id"]
    pid = api.default_project_id()
    r = api.post(V1 + "delete_folder/", {"path": "Sales", "project_id": pid})
    assert r.status_code == 204
    assert paths(api) == ["Salesforce"]
    assert api.get(f"{V1}{inside}/").status_code == 404
    assert api.get(f"{V1}{beside}/").status_code == 200


def test_folders_are_per_project_and_per_organization(api: Api) -> None:
    make(api, "Sales")
    other = second_project(api)
    assert api.get(V1 + "folders/", params={"project_id": other}).json()["count"] == 0
    stranger = api.other()
    pid = api.default_project_id()
    assert stranger.get(V1 + "folders/", params={"project_id": pid}).status_code == 404
    r = stranger.post(V1 + "delete_folder/", {"path": "Sales", "project_id": pid})
    assert r.status_code == 404
    assert paths(api) == ["Sales"]
