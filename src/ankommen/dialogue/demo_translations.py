"""Translations of the demo town's contributions in "Wohnen und Leben" (written with a machine's help, not reviewed).

Keys are the German texts exactly as in dialogue/demo.py; values map a language code to the text.
"""

TRANSLATIONS: dict[str, dict[str, str]] = {
    # Problem
    "Lange Wartezeiten auf eine Sozialwohnung": {
        "ar": "انتظار طويل للحصول على سكن اجتماعي",
        "uk": "Довге очікування на соціальне житло",
        "de-simple": "Lange warten auf eine Sozial·wohnung",
    },
    (
        "Familien aus der Anschlussunterbringung warten oft mehr als zwei Jahre auf eine bezahlbare "
        "Wohnung. Große Familien finden fast nichts."
    ): {
        "ar": (
            "تنتظر العائلات التي تسكن في السكن البلدي للاجئين (السكن اللاحق) في كثير من الأحيان أكثر من "
            "عامين حتى تحصل على شقة بإيجار معقول. أما العائلات الكبيرة فلا تكاد تجد شيئًا."
        ),
        "uk": (
            "Сім’ї, які живуть у муніципальному житлі для біженців (так зване подальше розміщення), часто "
            "понад два роки чекають на квартиру з доступною орендою. Великі сім’ї майже нічого не можуть знайти."
        ),
        "de-simple": (
            "Viele geflüchtete Familien wohnen noch in einer Unterkunft von der Stadt. "
            "Sie suchen eine Sozial·wohnung. Das ist eine Wohnung mit günstiger Miete.\n"
            "Oft warten die Familien mehr als 2 Jahre. Für große Familien gibt es fast keine Wohnungen."
        ),
    },
    # Strength
    "Nachbarschaftshilfe in der Weststadt trägt": {
        "ar": "مساعدة الجيران لبعضهم في الحي الغربي تؤتي ثمارها",
        "uk": "Сусідська допомога в Західному районі працює",
        "de-simple": "In der West·stadt helfen sich Nachbarn gut",
    },
    (
        "In der Weststadt helfen Nachbarinnen und Nachbarn bei Behördengängen, Umzügen und "
        "Hausaufgaben. Viele Kontakte sind über das Begegnungscafé entstanden."
    ): {
        "ar": (
            "في الحي الغربي يساعد الجيران والجارات في المراجعات لدى الدوائر الحكومية، وفي الانتقال إلى "
            "سكن جديد، وفي الواجبات المدرسية. وقد نشأت علاقات كثيرة عن طريق مقهى اللقاءات."
        ),
        "uk": (
            "У Західному районі сусідки й сусіди допомагають із походами до установ, переїздами та "
            "домашніми завданнями. Багато знайомств виникло завдяки кафе зустрічей."
        ),
        "de-simple": (
            "In der West·stadt helfen sich Nachbarinnen und Nachbarn. Sie gehen zusammen zu Ämtern. "
            "Sie helfen beim Umzug. Und sie helfen den Kindern bei den Haus·aufgaben.\n"
            "Viele haben sich im Begegnungs·café kennengelernt. Dort treffen sich Menschen aus dem Stadt·teil."
        ),
    },
    # Offer
    "Begegnungscafé im Stadtteilzentrum": {
        "ar": "مقهى اللقاءات في مركز الحي",
        "uk": "Кафе зустрічей у центрі району",
        "de-simple": "Begegnungs·café im Stadtteil·zentrum",
    },
    "Jeden Donnerstag von 15 bis 18 Uhr, mit Sprachecke und Kinderbetreuung.": {
        "ar": "كل يوم خميس من الساعة 15 حتى الساعة 18، مع ركن لممارسة اللغة ورعاية للأطفال.",
        "uk": "Щочетверга з 15:00 до 18:00, з мовним куточком і доглядом за дітьми.",
        "de-simple": (
            "Das Café ist jeden Donnerstag offen. Von 15 Uhr bis 18 Uhr.\n"
            "Es gibt eine Sprach·ecke. Dort können Sie Deutsch üben.\n"
            "Es gibt auch eine Kinder·betreuung. Das heißt: Jemand passt auf Ihre Kinder auf."
        ),
    },
    # Need
    "Begleitung beim Übergang in die eigene Wohnung": {
        "ar": "المرافقة عند الانتقال إلى سكن خاص",
        "uk": "Супровід під час переїзду у власне житло",
        "de-simple": "Hilfe beim Umzug in die eigene Wohnung",
    },
    (
        "Wer aus der Anschlussunterbringung auszieht, braucht Hilfe bei Mietvertrag, Nebenkosten und "
        "Hausordnung. Bisher gibt es dafür kein festes Angebot."
    ): {
        "ar": (
            "من ينتقل من السكن البلدي للاجئين يحتاج إلى مساعدة في عقد الإيجار، وفي التكاليف الإضافية "
            "مثل التدفئة والماء، وفي قواعد السكن في المبنى. ولا توجد حتى الآن مساعدة ثابتة لذلك."
        ),
        "uk": (
            "Хто виїжджає з муніципального житла для біженців, потребує допомоги з договором оренди, "
            "комунальними платежами та правилами будинку. Поки що постійної допомоги для цього немає."
        ),
        "de-simple": (
            "Manche Menschen ziehen aus der Unterkunft von der Stadt aus. Sie brauchen dann Hilfe. "
            "Zum Beispiel beim Miet·vertrag. Oder bei den Neben·kosten für Wasser und Heizung. "
            "Oder bei den Regeln im Haus.\n"
            "Dafür gibt es noch keine feste Hilfe."
        ),
    },
}
