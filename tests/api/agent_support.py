"""Shared by the agent tests: reference artefacts the response check must not count.

Two parts of Cekura's reference cannot describe a real answer, and would fail every agent
that has them; everything else is still checked strictly:

- `provider.credentials.config` and `provider.chat_agent_details.config` are a `oneOf` of
  per-provider objects none of which excludes the others (no `additionalProperties: false`,
  few required keys), so any non-empty config matches several branches and fails `oneOf`.
- v1's provider `*_data` JSON objects and `knowledge_base_files` id list are typed as strings
  (drf-spectacular's rendering of JSONField / method fields), like the `*_configured` flags
  tests/reference already tolerates.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.conftest import Api

ARTEFACTS = re.compile(
    r"at /(results/\d+/)?provider/(credentials|chat_agent_details): .* is not valid under any"
    r"|at /(results/\d+/)?(\w+_data|knowledge_base_files): .* is not of type 'string'"
)


def _drop_artefacts(client: Api) -> None:
    client.conformance_problems[:] = [
        p for p in client.conformance_problems if not ARTEFACTS.search(p)
    ]
    for child in client.children:
        _drop_artefacts(child)


@pytest.fixture
def tolerate_reference_artefacts(api: Api) -> Iterator[None]:
    yield
    _drop_artefacts(api)
