from ankommen.core.registry import (
    KEEP_ANONYMOUS,
    UNLINK,
    Link,
    register_audit_actions,
    register_links,
    register_personal_data,
    register_role,
    register_rules,
)
from tests.testapp import rules

register_rules(rules.RULES)
register_role("note_keeper", "Notizführung", "Notizführende", order=95)
register_links("menu", Link("Notizen", "testapp:notes", "write_note", 55))
register_links("hub", Link("Notizen der Kommune", "testapp:notes", "administer", 85, "Alle Notizen"))
register_audit_actions({"note.written": "Notiz geschrieben"})

# A plugged-in app registers the personal data it keeps, as every app must (`accounts/checks.py`).
register_personal_data(
    "testapp.Note",
    "author__user",
    purpose="Notizen",
    retention="bis zum Löschen des Kontos",
    erasure=KEEP_ANONYMOUS,
    export=("title", "body"),
)
register_personal_data(
    "testapp.Note", "hidden_by", purpose="Moderation", retention="solange die Notiz besteht", erasure=UNLINK
)
