"""The demo town's help pages: short sentences for people who read little German.

Each page is (title, slug, summary, body); a line of its own opens a section, an empty line a paragraph.
"""

HOW_IT_WORKS = (
    "So funktioniert die Dialogplattform",
    "so-funktioniert-es",
    "Handlungsfelder, zwei Stufen, und was aus den Ergebnissen wird.",
    "Auf der Dialogplattform spricht Kornwestheim über Integration. Hier arbeiten Bürgerinnen und "
    "Bürger, Vereine, Fachleute, Politik und Verwaltung zusammen.\n\n"
    "Handlungsfelder\n"
    "Die Arbeit ist in Handlungsfelder geteilt, zum Beispiel „Wohnen und Leben“ oder „Wirtschaft und "
    "berufliche Bildung“. Auf der Startseite sehen Sie alle Handlungsfelder und wie weit die Arbeit in "
    "jedem ist.\n\n"
    "Zwei Stufen\n"
    "Jedes Handlungsfeld wird in zwei Stufen bearbeitet. In der Bestandsaufnahme tragen Fachleute "
    "zusammen, was es gibt, was gut läuft und wo es Probleme gibt. Danach entwickeln Menschen aus "
    "Vereinen, Politik und Verwaltung Handlungsoptionen. Die besten werden zu Empfehlungen.\n\n"
    "Was aus den Empfehlungen wird\n"
    "Die Empfehlungen gehen als Sitzungsvorlage an den Ausschuss für Soziales und Integration des "
    "Gemeinderats. Der Ausschuss entscheidet, was die Stadt davon umsetzt.\n\n"
    "Teilhabe\n"
    "Teilhabe heißt: Alle sollen mitreden können, auch wer wenig Deutsch spricht, wer zu Hause kein "
    "Internet hat oder wer eine Behinderung hat. Deshalb gibt es diese Seiten in mehreren Sprachen, in "
    "Leichter Sprache und in Gebärdensprache.",
)

TAKING_PART = (
    "Mitmachen",
    "mitmachen",
    "Lesen, ein Konto anlegen, Beiträge schreiben, kommentieren und unterstützen – auch ohne Internet.",
    "Lesen kann jede und jeder\n"
    "Alle öffentlichen Seiten können Sie ohne Konto lesen. Sie müssen sich dafür nicht anmelden.\n\n"
    "Ein Konto anlegen\n"
    "Mit einem Konto können Sie kommentieren und Beiträge unterstützen. Klicken Sie oben auf "
    "„Registrieren“. Sie brauchen eine E-Mail-Adresse. Wir schicken Ihnen eine E-Mail. Damit bestätigen "
    "Sie Ihre Adresse.\n\n"
    "Beiträge, Kommentare und Unterstützung\n"
    "Wer in einer Stufe Beiträge schreiben darf, steht beim Handlungsfeld, zum Beispiel Fachleute in der "
    "Bestandsaufnahme. Kommentieren und unterstützen können meistens alle Mitglieder. Mit einer "
    "Unterstützung zeigen Sie: Dieser Beitrag ist mir wichtig.\n\n"
    "Regeln\n"
    "Für alle Beiträge gelten die Nutzungsbedingungen. Bitte schreiben Sie respektvoll. Die Moderation "
    "blendet Beiträge aus, die gegen die Regeln verstoßen. Sehen Sie einen solchen Beitrag, können Sie "
    "ihn melden.\n\n"
    "Ohne Internet mitmachen\n"
    "Sie haben kein Internet oder keinen Computer? Kommen Sie zu einem Workshop oder in die Sprechstunde "
    "für Integration im Rathaus. Dort können Sie Ihren Beitrag auf Papier abgeben. Mitarbeiterinnen und "
    "Mitarbeiter der Stadt tragen ihn für Sie ein. Beim Beitrag steht dann, wo er eingereicht wurde.",
)

LANGUAGES = (
    "Sprachen und Übersetzungen",
    "sprachen",
    "Wie Sie Ihre Sprache wählen und was die Hinweise bei übersetzten Texten bedeuten.",
    "Ihre Sprache wählen\n"
    "Oben auf jeder Seite finden Sie die Sprachen. Jede Sprache steht in ihrer eigenen Schrift. Klicken "
    "Sie auf Ihre Sprache. Die Seite bleibt dieselbe, nur die Sprache wechselt. Mit einem Konto können "
    "Sie Ihre Sprache im Profil speichern.\n\n"
    "Übersetzte Texte\n"
    "Die Texte der Stadt werden nach und nach übersetzt. Gibt es noch keine Übersetzung, lesen Sie den "
    "deutschen Text. Ein Hinweis sagt Ihnen das.\n\n"
    "Was die Hinweise bedeuten\n"
    "„maschinell übersetzt, nicht geprüft“: Ein Computerprogramm hat den Text übersetzt. Noch hat kein "
    "Mensch die Übersetzung geprüft. Sie kann Fehler enthalten.\n"
    "„Übersetzung veraltet“: Der deutsche Text wurde geändert. Die Übersetzung zeigt noch den alten "
    "Stand.\n"
    "Ohne Hinweis: Ein Mensch hat die Übersetzung geprüft.\n\n"
    "Leichte Sprache\n"
    "Leichte Sprache hat kurze Sätze und einfache Wörter. Ein Text heißt erst dann Leichte Sprache, wenn "
    "Menschen aus der Zielgruppe ihn geprüft haben. Vorher steht dort „Einfache Sprache, noch nicht von "
    "Leser:innen geprüft“.",
)

CONTACT = (
    "Kontakt und Unterstützung",
    "kontakt",
    "Wen Sie fragen können, wenn etwas nicht klappt.",
    "Fragen zur Dialogplattform\n"
    "Schreiben Sie uns eine E-Mail. Die Adresse steht unten auf dieser Seite. Sie dürfen in Ihrer "
    "Sprache schreiben.\n\n"
    "Sprechstunde für Integration\n"
    "Im Rathaus, Jakob-Sigle-Platz 1, hilft man Ihnen, ein Konto anzulegen oder einen Beitrag "
    "einzureichen. Bringen Sie gern jemanden mit, der für Sie übersetzt. In dieser Demo sind Ort und "
    "Angebot nur Beispiele.\n\n"
    "Barrieren melden\n"
    "Sie können etwas auf dieser Seite nicht lesen oder nicht bedienen? Melden Sie die Barriere. Sie "
    "brauchen dafür kein Konto. Die Stadt antwortet innerhalb eines Monats.\n\n"
    "Passwort vergessen\n"
    "Klicken Sie auf „Anmelden“ und dann auf „Passwort vergessen?“. Sie bekommen eine E-Mail. Damit "
    "wählen Sie ein neues Passwort.",
)

HELP_PAGES = [HOW_IT_WORKS, TAKING_PART, LANGUAGES, CONTACT]
