"""Award rule sets (versioned, non-overlapping) and the exclusion settings, for the settings pages."""

from __future__ import annotations

from sqlalchemy import select

from ..core import validation as v
from ..core.errors import ValidationError
from ..db.session import soft_delete
from . import rules as r
from .dto import RuleSetInput, RuleSetView
from .model import IdeaAward, IdeaAwardRuleSet


def _view(rs: IdeaAwardRuleSet) -> RuleSetView:
    return RuleSetView(rs.id, rs.name, rs.valid_from, rs.valid_to, dict(rs.rules or {}))


class RuleSetMixin:
    def list_rule_sets(self) -> list[RuleSetView]:
        self.access.require_decider()
        with self.db.read() as session:
            q = select(IdeaAwardRuleSet).where(IdeaAwardRuleSet.deleted_at.is_(None))
            return [_view(rs) for rs in session.scalars(q.order_by(IdeaAwardRuleSet.valid_from))]

    def save_rule_set(self, data: RuleSetInput, rule_set_id: str | None = None) -> str:
        """Create or change a rule set. Refuses overlapping validity and rule sets already used by an
        award (a decided award must stay reproducible: make a new version instead)."""
        self.access.require_coordinator()
        name = v.require_text(data.name, "name", "Bezeichnung", 100)
        if data.valid_from is None:
            raise ValidationError({"valid_from": "Bitte „Gültig ab“ angeben."})
        rules = r.AwardRules.from_dict(data.rules)
        with self.db.unit_of_work(note="Prämienregelwerk") as session:
            others = session.scalars(select(IdeaAwardRuleSet).where(IdeaAwardRuleSet.deleted_at.is_(None))).all()
            r.check_no_overlap([(o.id, o.valid_from, o.valid_to) for o in others],
                               (rule_set_id or "", data.valid_from, data.valid_to))
            if rule_set_id:
                rs = self._get(session, IdeaAwardRuleSet, rule_set_id, "Das Prämienregelwerk")
                used = session.scalar(select(IdeaAward.id).where(IdeaAward.rule_set_id == rs.id).limit(1))
                if used and (rs.valid_from != data.valid_from or rs.rules != rules.to_dict()):
                    raise ValidationError({"rules": "Dieses Regelwerk wurde schon für Prämien verwendet; nur "
                                                    "„Gültig bis“ und die Bezeichnung sind änderbar. Bitte eine "
                                                    "neue Version anlegen."})
            else:
                rs = IdeaAwardRuleSet()
                session.add(rs)
            rs.name = name
            rs.valid_from = data.valid_from
            rs.valid_to = data.valid_to
            rs.rules = rules.to_dict()
            session.flush()
            return rs.id

    def delete_rule_set(self, rule_set_id: str) -> None:
        self.access.require_coordinator()
        with self.db.unit_of_work(note="Prämienregelwerk gelöscht") as session:
            rs = self._get(session, IdeaAwardRuleSet, rule_set_id, "Das Prämienregelwerk")
            if session.scalar(select(IdeaAward.id).where(IdeaAward.rule_set_id == rs.id).limit(1)):
                raise ValidationError({"rules": "Dieses Regelwerk wurde schon für Prämien verwendet und bleibt "
                                                "erhalten."})
            soft_delete(session, rs)

    def exclusion_settings(self) -> dict:
        self.access.require_coordinator()
        s = self.settings
        return {
            "exclude_committee": bool(s.get("exclude_committee", True)),
            "exclude_unit_heads": bool(s.get("exclude_unit_heads", True)),
            "committee_member_ids": list(s.get("committee_member_ids", [])),
            "unit_heads": {k: list(v_) for k, v_ in s.get("unit_heads", {}).items()},
        }

    def save_exclusion_settings(self, exclude_committee: bool, exclude_unit_heads: bool,
                                committee_member_ids: list[str], unit_heads: dict[str, list[str]]) -> None:
        """Stored in the local settings (feature 'ideas'); saved to the settings file at once."""
        self.access.require_coordinator()
        s = self.settings
        s["exclude_committee"] = bool(exclude_committee)
        s["exclude_unit_heads"] = bool(exclude_unit_heads)
        s["committee_member_ids"] = list(dict.fromkeys(committee_member_ids))
        s["unit_heads"] = {k: list(dict.fromkeys(v_)) for k, v_ in unit_heads.items() if v_}
        self.ctx.save_settings()
