"""What a spec's test cases point at, looked up for the target agent: personalities (by id,
by name or inline), test profiles (by id or inline) and metrics (by id or slug, enabled for
the agent). Every problem is collected, keyed by its location in the spec file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from voxtest.api.auth import Principal
from voxtest.domain import suite_spec
from voxtest.domain.suite_spec import MetricRef, SpecCase
from voxtest.services import personality_sets, test_profiles
from voxtest.services.scenario_refs import invalid_pk, project_test_profile, usable_personality
from voxtest.storage.tables import Agent, Metric, MetricAgent, Personality


@dataclass(frozen=True)
class Caller:
    """Who the simulated caller is and what it knows, resolved for one test case."""

    personality_id: int | None = None
    personality_name: str | None = None
    personality_prompt: str | None = None
    """Only for an inline personality; a stored one is read when the run starts."""
    personality_language: str | None = None
    test_profile_id: int | None = None
    test_profile_name: str | None = None
    test_profile_data: dict[str, Any] | None = None
    test_profile_information: dict[str, Any] | None = None
    """Only for an inline profile; a stored one is read when the run starts."""


@dataclass(frozen=True)
class ResolvedCase:
    case: SpecCase
    caller: Caller
    metric_ids: tuple[int, ...]

    @property
    def language(self) -> str:
        chosen = self.case.language or self.caller.personality_language
        return chosen or suite_spec.DEFAULT_LANGUAGE


class Resolver:
    """Resolves references once each (a spec repeats its defaults in every case)."""

    def __init__(self, session: AsyncSession, principal: Principal, agent: Agent) -> None:
        self.session, self.principal, self.agent = session, principal, agent
        self.problems: list[str] = []
        self._personalities: dict[int | str, Personality | None] = {}

    async def resolve(self, cases: tuple[SpecCase, ...]) -> list[ResolvedCase]:
        resolved = []
        for case in cases:
            personality = await self._personality(case)
            profile = await self._profile(case)
            metrics = await self._metrics(case)
            resolved.append(ResolvedCase(case, _merge(personality, profile), metrics))
        self.problems = list(dict.fromkeys(self.problems))
        return resolved

    def _problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    async def _personality(self, case: SpecCase) -> Caller:
        ref, where = case.personality, case.where("personality")
        if ref is None:
            return Caller()
        if isinstance(ref, dict):
            return await self._inline_personality(ref, where)
        row = await self._stored_personality(ref)
        if row is None:
            message = invalid_pk(ref) if isinstance(ref, int) else f'No personality named "{ref}".'
            self._problem(where, message)
            return Caller()
        return Caller(row.id, row.name, personality_language=row.language)

    async def _inline_personality(self, inline: dict[str, Any], where: str) -> Caller:
        base = await self._stored_personality(inline["base"]) if "base" in inline else None
        if "base" in inline and base is None:
            self._problem(f"{where}.base", invalid_pk(inline["base"]))
            return Caller()
        base_prompt = str((base.attrs or {}).get("prompt") or "") if base else ""
        return Caller(
            personality_id=base.id if base else None,
            personality_name=inline.get("name") or (base.name if base else "Inline personality"),
            personality_prompt=inline.get("prompt") or base_prompt,
            personality_language=inline.get("language") or (base.language if base else None),
        )

    async def _stored_personality(self, ref: int | str) -> Personality | None:
        if ref not in self._personalities:
            project_id = self.agent.project_id
            if isinstance(ref, int):
                found = await usable_personality(self.session, self.principal, ref, project_id)
            else:
                found = await self._personality_named(ref)
            self._personalities[ref] = found
        return self._personalities[ref]

    async def _personality_named(self, name: str) -> Personality | None:
        """The organization's own personality of that name first, then a built-in one."""
        query = (
            personality_sets.visible_personalities(self.principal)
            .where(Personality.name == name)
            .where(
                or_(
                    Personality.project_id.is_(None),
                    Personality.project_id == self.agent.project_id,
                )
            )
            .order_by(Personality.organization_id.is_(None), Personality.id)
        )
        row: Personality | None = (await self.session.scalars(query)).first()
        return row

    async def _profile(self, case: SpecCase) -> Caller:
        ref, where = case.test_profile, case.where("test_profile")
        if ref is None:
            return Caller()
        if isinstance(ref, dict):
            # no stored profile, so no `test_profile_data` (its shape needs an id)
            information = suite_spec.inline_profile_information(ref)
            name = str(ref.get("name") or "")
            return Caller(test_profile_name=name, test_profile_information=information)
        row = await project_test_profile(self.session, self.principal, ref, self.agent.project_id)
        if row is None:
            self._problem(where, invalid_pk(ref))
            return Caller()
        return Caller(
            test_profile_id=row.id,
            test_profile_name=row.name,
            test_profile_data=test_profiles.serialize(row, None),
        )

    async def _metrics(self, case: SpecCase) -> tuple[int, ...]:
        if not case.metrics:
            return ()
        found = await self._metric_rows(case.metrics)
        enabled = set(
            await self.session.scalars(
                select(MetricAgent.metric_id).where(
                    MetricAgent.agent_id == self.agent.id,
                    MetricAgent.metric_id.in_([m.id for m in found.values()]),
                )
            )
        )
        ids = []
        for index, ref in enumerate(case.metrics):
            where = f"{case.where('metrics')}[{index}]"
            row = found.get(ref)
            if row is None:
                missing = invalid_pk(ref) if isinstance(ref, int) else f'No metric "{ref}".'
                self._problem(where, missing)
            elif row.id not in enabled:
                self._problem(where, f'Metric "{ref}" is not enabled for agent {self.agent.id}.')
            else:
                ids.append(row.id)
        return tuple(ids)

    async def _metric_rows(self, refs: tuple[MetricRef, ...]) -> dict[MetricRef, Metric]:
        ids = [r for r in refs if isinstance(r, int)]
        slugs = [r for r in refs if isinstance(r, str)]
        rows = await self.session.scalars(
            select(Metric).where(
                Metric.project_id == self.agent.project_id,
                or_(Metric.id.in_(ids), Metric.slug.in_(slugs)),
            )
        )
        found: dict[MetricRef, Metric] = {}
        for row in rows:
            found[row.id] = row
            if row.slug:
                found.setdefault(row.slug, row)
        return found


def _merge(personality: Caller, profile: Caller) -> Caller:
    return Caller(
        personality_id=personality.personality_id,
        personality_name=personality.personality_name,
        personality_prompt=personality.personality_prompt,
        personality_language=personality.personality_language,
        test_profile_id=profile.test_profile_id,
        test_profile_name=profile.test_profile_name,
        test_profile_data=profile.test_profile_data,
        test_profile_information=profile.test_profile_information,
    )
