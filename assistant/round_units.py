"""A round's notice reports its inspected units side by side: each is a unit of its own in an answer across units.

A notice signed by a round's office (县委巡察办) and filed under its place (白石县) reports every inspected unit in
a section ("一、县文化馆"). Those units are peers, not the place's subordinate units: a sum or ranking across units
counts each of them as a unit ("三家单位问题加起来多少个" adds the three sections' counts), and the place, which
states nothing of its own, is no unit of the answer.
"""

from __future__ import annotations

from dataclasses import replace

from assistant.records_table import UnitFigures


def as_round_units(per_unit: list[UnitFigures]) -> list[UnitFigures]:
    """Each unit's figures with a round's section units made units of their own, in reading order; a unit
    holding only its round's sections is replaced by them. Unchanged when no round reports two units."""
    result: list[UnitFigures] = []
    for found in per_unit:
        rounds = [s for s in found.sub_unit if s.notice.metadata.round_units]  # signed by a round's office
        scopes = list(dict.fromkeys(s.figure.scope for s in rounds))
        if len(scopes) < 2:
            result.append(found)
            continue
        if found.own or len(rounds) < len(found.sub_unit):
            result.append(replace(found, sub_unit=[s for s in found.sub_unit if s not in rounds]))
        for scope in scopes:
            own = [replace(s, figure=replace(s.figure, scope="")) for s in rounds if s.figure.scope == scope]
            result.append(UnitFigures(scope, has_record=True, own=own))
    return result
