from ankommen.core.registry import register_audit_actions, register_link, register_role, register_rules
from tests.testapp import rules

register_rules(rules.RULES)
register_role("note_keeper", "Notizführung", "Notizführende", order=95)
register_link("menu", "Notizen", "testapp:notes", action="write_note", order=55)
register_link(
    "hub", "Notizen der Kommune", "testapp:notes", action="administer", order=85, description="Alle Notizen"
)
register_audit_actions({"note.written": "Notiz geschrieben"})
