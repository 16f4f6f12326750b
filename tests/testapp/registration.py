from ankommen.core.registry import Link, register_audit_actions, register_links, register_role, register_rules
from tests.testapp import rules

register_rules(rules.RULES)
register_role("note_keeper", "Notizführung", "Notizführende", order=95)
register_links("menu", Link("Notizen", "testapp:notes", "write_note", 55))
register_links("hub", Link("Notizen der Kommune", "testapp:notes", "administer", 85, "Alle Notizen"))
register_audit_actions({"note.written": "Notiz geschrieben"})
