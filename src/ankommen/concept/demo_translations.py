"""Translations of the demo town's concept texts (written with a machine's help, not reviewed).

Keys are the German texts exactly as in concept/demo.py; values map a language code to the text.
"""

TRANSLATIONS: dict[str, dict[str, str]] = {
    # The concept
    "Integrationskonzept der Stadt Kornwestheim": {
        "ar": "خطة الاندماج لمدينة كورنفستهايم",
        "uk": "Концепція інтеграції міста Корнвестгайм",
        "de-simple": "Integrations·konzept von der Stadt Kornwestheim",
    },
    (
        "Integration ist ein Prozess, der maßgeblich bestimmt wird durch das Ankommen: Ankommen in einem Land, "
        "an einem Ort, in einer Sprache, Kultur, in Erwerbsarbeit und in sozialen Netzwerken. Die Dialogplattform "
        "bürgerschaftliches Engagement setzt die Arbeit des Initiativkreises fort: Sie bearbeitet Handlungsfelder "
        "in zwei Stufen, beobachtet wie ein Seismograph die gesellschaftliche Entwicklung, prüft "
        "Präventionsmöglichkeiten gegen soziale Segregation und regt ganz konkret Dialog an."
    ): {
        "ar": (
            "الاندماج عملية يحددها إلى حد كبير الوصول والاستقرار: في بلد، وفي مكان، وفي لغة وثقافة، "
            "وفي سوق العمل، وفي شبكة العلاقات الاجتماعية. وتواصل منصة الحوار للمشاركة المدنية عمل مجموعة "
            "المبادرة: فهي تعالج مجالات العمل على مرحلتين، وترصد تطور المجتمع كما يرصد جهاز قياس الزلازل "
            "الهزات، وتدرس سبل الوقاية من الفصل الاجتماعي، وتشجع الحوار بصورة عملية."
        ),
        "uk": (
            "Інтеграція — це процес, який значною мірою визначається прибуттям, тобто тим, як людина "
            "освоюється: у країні, у місці проживання, у мові й культурі, у трудовому житті та в соціальних "
            "зв’язках. Платформа діалогу для громадської активності продовжує роботу ініціативної групи: вона "
            "опрацьовує сфери дій у два етапи, як сейсмограф стежить за розвитком суспільства, шукає способи "
            "запобігти соціальній сегрегації та конкретно заохочує людей до діалогу."
        ),
        "de-simple": (
            "Integration heißt: Menschen kommen neu in ein Land. Sie finden dort ihren Platz. "
            "Sie gehören dazu.\n"
            "Dafür ist das Ankommen wichtig. Ankommen heißt: Man lebt sich gut ein. Zum Beispiel:\n"
            "- in einem neuen Land\n"
            "- an einem neuen Ort\n"
            "- in einer neuen Sprache\n"
            "- in einer neuen Kultur\n"
            "- in einer Arbeit\n"
            "- bei Freunden und Bekannten\n"
            "Die Dialog·plattform ist ein Ort für Gespräche. Bürgerinnen und Bürger machen hier mit. "
            "Die Dialog·plattform macht die Arbeit vom Initiativ·kreis weiter. Der Initiativ·kreis war eine "
            "Gruppe. In der Gruppe waren Menschen aus Vereinen und anderen Gruppen.\n"
            "Das macht die Dialog·plattform:\n"
            "- Sie bearbeitet Handlungs·felder. Ein Handlungs·feld ist ein Thema. Zum Beispiel: Wohnen. "
            "Jedes Handlungs·feld hat 2 Stufen.\n"
            "- Sie schaut genau hin: Wie verändert sich das Zusammen·leben in der Stadt?\n"
            "- Manche Menschen leben nur unter sich. Sie haben wenig Kontakt zu anderen Menschen. "
            "Die Dialog·plattform überlegt: Wie können wir das verhindern?\n"
            "- Sie bringt Menschen miteinander ins Gespräch."
        ),
    },
    "Ausschuss für Soziales und Integration": {
        "ar": "لجنة الشؤون الاجتماعية والاندماج",
        "uk": "Комітет із соціальних питань та інтеграції",
        "de-simple": "Ausschuss für Soziales und Integration",
    },
    (
        "Der Integrationsbeauftragte der Stadt, der Initiativkreis aus Mitgliedern zivilgesellschaftlicher "
        "Organisationen, Mitarbeiterinnen und Mitarbeiter der Verwaltung sowie das PLENA-Institut der "
        "Hochschule Mannheim."
    ): {
        "ar": (
            "مفوض الاندماج في المدينة، ومجموعة المبادرة المؤلفة من أعضاء في منظمات المجتمع المدني، "
            "وموظفات وموظفو الإدارة، ومعهد PLENA في جامعة مانهايم للعلوم التطبيقية."
        ),
        "uk": (
            "Уповноважений міста з питань інтеграції, ініціативна група з членів громадських організацій, "
            "працівниці та працівники адміністрації, а також Інститут PLENA Університету прикладних наук "
            "Мангейма."
        ),
        "de-simple": (
            "Der Integrations·beauftragte von der Stadt. Er kümmert sich um das Thema Integration. "
            "Der Initiativ·kreis. In dieser Gruppe sind Menschen aus Vereinen und anderen Gruppen. "
            "Mitarbeiterinnen und Mitarbeiter von der Stadt·verwaltung. "
            "Das PLENA-Institut von der Hochschule Mannheim."
        ),
    },
    "PLENA-Institut der Hochschule Mannheim, Prof. Dr. Ralf Vandamme": {
        "ar": "معهد PLENA في جامعة مانهايم للعلوم التطبيقية، البروفيسور الدكتور رالف فاندامه",
        "uk": "Інститут PLENA Університету прикладних наук Мангейма, професор доктор Ральф Вандамме",
        "de-simple": "Das PLENA-Institut von der Hochschule Mannheim. Professor Doktor Ralf Vandamme.",
    },
    # Principles
    "Teilhabe": {
        "ar": "المشاركة",
        "uk": "Участь",
        "de-simple": "Teil·habe",
    },
    (
        "Teilhabe ist ein Handlungsprinzip, das alle Handlungsfelder der Dialogplattform und ihrer "
        "Kooperationspartner umspannt."
    ): {
        "ar": "المشاركة مبدأ توجيهي يشمل جميع مجالات العمل في منصة الحوار ولدى شركائها في التعاون.",
        "uk": (
            "Участь — це керівний принцип, який охоплює всі сфери дій платформи діалогу та її партнерів "
            "зі співпраці."
        ),
        "de-simple": (
            "Teil·habe heißt: Alle Menschen gehören dazu. Alle Menschen können mitmachen.\n"
            "Teil·habe ist ein Handlungs·prinzip. Das heißt: Danach richten wir unsere Arbeit.\n"
            "Teil·habe gilt für alle Handlungs·felder von der Dialog·plattform. "
            "Teil·habe gilt auch für alle Partner von der Dialog·plattform."
        ),
    },
    # Focus topics
    "Spracherwerb": {
        "ar": "تعلّم اللغة",
        "uk": "Вивчення мови",
        "de-simple": "Sprache lernen",
    },
    (
        "Ankommen heißt auch: in einer Sprache ankommen. Der Initiativkreis empfiehlt, dem Spracherwerb "
        "besondere Aufmerksamkeit zu widmen."
    ): {
        "ar": (
            "الوصول والاستقرار يعنيان أيضًا: أن تجد مكانك في لغة جديدة. وتوصي مجموعة المبادرة بإيلاء "
            "تعلّم اللغة اهتمامًا خاصًا."
        ),
        "uk": (
            "Освоїтися на новому місці означає також освоїтися в мові. Ініціативна група рекомендує "
            "приділяти вивченню мови особливу увагу."
        ),
        "de-simple": (
            "Ankommen heißt auch: Sie lernen die Sprache vom neuen Land.\n"
            "Der Initiativ·kreis sagt: Sprache lernen ist besonders wichtig. "
            "Wir müssen besonders auf das Sprache·lernen achten.\n"
            "Der Initiativ·kreis war eine Gruppe. In der Gruppe waren Menschen aus Vereinen und anderen Gruppen."
        ),
    },
    "Bildung": {
        "ar": "التعليم",
        "uk": "Освіта",
        "de-simple": "Bildung",
    },
    (
        "Von der frühkindlichen Bildung bis zur beruflichen Qualifizierung: Bildung verdient nach Empfehlung "
        "des Initiativkreises besondere Aufmerksamkeit."
    ): {
        "ar": (
            "من التعليم في الطفولة المبكرة إلى التأهيل المهني: يستحق التعليم اهتمامًا خاصًا، كما توصي "
            "مجموعة المبادرة."
        ),
        "uk": (
            "Від освіти в ранньому дитинстві до професійної кваліфікації: на думку ініціативної групи, "
            "освіта заслуговує на особливу увагу."
        ),
        "de-simple": (
            "Bildung heißt: Menschen lernen etwas.\n"
            "Das fängt bei kleinen Kindern an. Zum Beispiel im Kinder·garten. "
            "Und es geht weiter bis zum Beruf.\n"
            "Der Initiativ·kreis sagt: Bildung ist besonders wichtig. Wir müssen besonders auf Bildung achten."
        ),
    },
    # Districts
    "Innenstadt": {
        "ar": "وسط المدينة",
        "uk": "Центр міста",
        "de-simple": "Innen·stadt",
    },
    "Weststadt": {
        "ar": "الحي الغربي",
        "uk": "Західний район",
        "de-simple": "West·stadt",
    },
    "Oststadt": {
        "ar": "الحي الشرقي",
        "uk": "Східний район",
        "de-simple": "Ost·stadt",
    },
    "Südstadt": {
        "ar": "الحي الجنوبي",
        "uk": "Південний район",
        "de-simple": "Süd·stadt",
    },
    "Pattonville": {
        "ar": "باتونفيل",
        "uk": "Паттонвіль",
        "de-simple": "Pattonville",
    },
    # Target groups
    "Geflüchtete": {
        "ar": "اللاجئون",
        "uk": "Біженці",
        "de-simple": "Geflüchtete Menschen",
    },
    "Neuzugewanderte aus der EU": {
        "ar": "القادمون الجدد من الاتحاد الأوروبي",
        "uk": "Новоприбулі з Європейського Союзу",
        "de-simple": "Menschen aus der Europäischen Union, die neu hier sind",
    },
    "Kinder und Jugendliche": {
        "ar": "الأطفال والشباب",
        "uk": "Діти та молодь",
        "de-simple": "Kinder und Jugendliche",
    },
    "Eltern": {
        "ar": "الآباء والأمهات",
        "uk": "Батьки",
        "de-simple": "Eltern",
    },
    "Auszubildende": {
        "ar": "المتدربون في التدريب المهني",
        "uk": "Учні професійного навчання",
        "de-simple": "Menschen, die einen Beruf lernen",
    },
    "Ältere Menschen mit Einwanderungsgeschichte": {
        "ar": "كبار السن من أصول مهاجرة",
        "uk": "Літні люди з досвідом імміграції",
        "de-simple": "Ältere Menschen, die früher nach Deutschland gekommen sind",
    },
    # Milestones
    "Sommer 2015": {
        "ar": "صيف 2015",
        "uk": "Літо 2015 року",
        "de-simple": "Sommer 2015",
    },
    "Die Arbeit am Integrationskonzept beginnt": {
        "ar": "بدء العمل على خطة الاندماج",
        "uk": "Починається робота над концепцією інтеграції",
        "de-simple": "Die Arbeit am Integrations·konzept fängt an",
    },
    (
        "Gefördert vom Ministerium für Soziales und Integration Baden-Württemberg, begleitet vom "
        "PLENA-Institut der Hochschule Mannheim."
    ): {
        "ar": (
            "بدعم من وزارة الشؤون الاجتماعية والاندماج في ولاية بادن-فورتمبيرغ، وبمرافقة معهد PLENA "
            "في جامعة مانهايم للعلوم التطبيقية."
        ),
        "uk": (
            "За підтримки Міністерства соціальних справ та інтеграції землі Баден-Вюртемберг, у супроводі "
            "Інституту PLENA Університету прикладних наук Мангейма."
        ),
        "de-simple": (
            "Ein Integrations·konzept ist ein Plan. Der Plan sagt: So soll Integration in der Stadt gelingen.\n"
            "Das Ministerium für Soziales und Integration von Baden-Württemberg gibt Geld für die Arbeit. "
            "Ein Ministerium ist ein Amt von der Landes·regierung.\n"
            "Das PLENA-Institut von der Hochschule Mannheim hilft bei der Arbeit."
        ),
    },
    "2015–2016": {
        "ar": "2015–2016",
        "uk": "2015–2016 роки",
        "de-simple": "2015 bis 2016",
    },
    "Ankommensgeschichten veröffentlicht": {
        "ar": "نشر قصص عن الوصول والاستقرار",
        "uk": "Опубліковано історії прибуття",
        "de-simple": "Ein Heft mit Geschichten vom Ankommen ist fertig",
    },
    (
        "Die Ankommensbroschüre fasst Portraits und Interviews von Menschen zusammen, die in Kornwestheim "
        "ankommen oder bereits angekommen sind."
    ): {
        "ar": (
            "يجمع كتيّب قصص الوصول لمحات شخصية ومقابلات مع أشخاص يستقرون الآن في كورنفستهايم "
            "أو استقروا فيها بالفعل."
        ),
        "uk": (
            "Брошура про прибуття містить портрети та інтерв’ю людей, які тільки освоюються в Корнвестгаймі "
            "або вже освоїлися тут."
        ),
        "de-simple": (
            "In dem Heft erzählen Menschen von sich. Die Menschen sind neu in Kornwestheim. "
            "Oder sie sind schon länger hier und haben hier ein Zuhause gefunden."
        ),
    },
    "Ankommenskonferenz": {
        "ar": "مؤتمر الوصول والاستقرار",
        "uk": "Конференція «Прибуття»",
        "de-simple": "Konferenz zum Ankommen",
    },
    "Eine sehr gut besuchte Konferenz macht gelingende Integration sichtbar.": {
        "ar": "مؤتمر حضره عدد كبير جدًا من الناس يُبرز أمثلة على الاندماج الناجح.",
        "uk": "Конференція, яку відвідало дуже багато людей, показує приклади успішної інтеграції.",
        "de-simple": (
            "Eine Konferenz ist ein großes Treffen. Bei dem Treffen sprechen Menschen über ein Thema.\n"
            "Sehr viele Menschen sind zu der Konferenz gekommen. "
            "Bei der Konferenz haben alle gesehen: Integration kann gut klappen."
        ),
    },
    "Der Initiativkreis löst sich auf": {
        "ar": "مجموعة المبادرة تُنهي عملها",
        "uk": "Ініціативна група припиняє діяльність",
        "de-simple": "Der Initiativ·kreis hört auf",
    },
    (
        "In seiner letzten Sitzung berät er die künftigen Handlungsfelder. Seine Fortsetzung findet er in "
        "der Dialogplattform bürgerschaftliches Engagement."
    ): {
        "ar": (
            "تناقش المجموعة في اجتماعها الأخير مجالات العمل المقبلة. ويستمر عملها من خلال منصة الحوار "
            "للمشاركة المدنية."
        ),
        "uk": (
            "На останньому засіданні група обговорює майбутні сфери дій. Її роботу продовжує Платформа "
            "діалогу для громадської активності."
        ),
        "de-simple": (
            "Der Initiativ·kreis trifft sich zum letzten Mal. Er bespricht: Um welche Handlungs·felder soll "
            "es in Zukunft gehen? Ein Handlungs·feld ist ein Thema.\n"
            "Die Dialog·plattform macht die Arbeit vom Initiativ·kreis weiter. "
            "Bei der Dialog·plattform machen Bürgerinnen und Bürger mit."
        ),
    },
    "Der Ausschuss für Soziales und Integration berät das Integrationskonzept": {
        "ar": "لجنة الشؤون الاجتماعية والاندماج تناقش خطة الاندماج",
        "uk": "Комітет із соціальних питань та інтеграції розглядає концепцію інтеграції",
        "de-simple": "Der Ausschuss für Soziales und Integration spricht über das Integrations·konzept",
    },
    "Beschlussvorschlag: das Konzept im Grundsatz beschließen und die nächsten Handlungsfelder benennen.": {
        "ar": "مقترح القرار: إقرار الخطة من حيث المبدأ وتحديد مجالات العمل التالية.",
        "uk": "Проєкт рішення: ухвалити концепцію в принципі та визначити наступні сфери дій.",
        "de-simple": (
            "Ein Ausschuss ist eine Gruppe von Politikerinnen und Politikern aus dem Gemeinde·rat.\n"
            "Der Vorschlag an den Ausschuss ist:\n"
            "- Der Ausschuss sagt Ja zu den wichtigsten Punkten vom Integrations·konzept.\n"
            "- Der Ausschuss bestimmt die nächsten Handlungs·felder."
        ),
    },
    "vor der Sommerpause 2017": {
        "ar": "قبل العطلة الصيفية 2017",
        "uk": "До літньої перерви 2017 року",
        "de-simple": "Vor der Sommer·pause 2017",
    },
    "Start der Dialogplattform": {
        "ar": "انطلاق منصة الحوار",
        "uk": "Запуск платформи діалогу",
        "de-simple": "Die Dialog·plattform fängt an",
    },
    "Erste Stufe: Bestandsaufnahme mit Fachexpertinnen und -experten.": {
        "ar": "المرحلة الأولى: تقييم الوضع الحالي مع الخبيرات والخبراء.",
        "uk": "Перший етап: аналіз ситуації разом з експертками та експертами.",
        "de-simple": (
            "Stufe 1 ist die Bestands·aufnahme. Fach·expertinnen und Fach·experten schauen: "
            "Was gibt es schon? Fach·expertinnen und Fach·experten kennen sich mit einem Thema sehr gut aus."
        ),
    },
    "nach der Sommerpause 2017": {
        "ar": "بعد العطلة الصيفية 2017",
        "uk": "Після літньої перерви 2017 року",
        "de-simple": "Nach der Sommer·pause 2017",
    },
    "Zweite Stufe der Dialogplattform": {
        "ar": "المرحلة الثانية من منصة الحوار",
        "uk": "Другий етап платформи діалогу",
        "de-simple": "Stufe 2 von der Dialog·plattform",
    },
    (
        "Handlungsoptionen und -empfehlungen mit Multiplikatoren aus Zivilgesellschaft, Politik und Verwaltung."
    ): {
        "ar": "خيارات العمل والتوصيات مع الوسطاء المجتمعيين من المجتمع المدني والسياسة والإدارة العامة.",
        "uk": "Варіанти дій і рекомендації разом із мультиплікаторами з громадянського суспільства, політики й адміністрації.",
        "de-simple": (
            "Stufe 2 sind die Handlungs·optionen und Empfehlungen. "
            "Multiplikatorinnen und Multiplikatoren überlegen: Was können wir tun? "
            "Multiplikatorinnen und Multiplikatoren geben Wissen an andere Menschen weiter. "
            "Sie kommen aus Vereinen und Gruppen, aus der Politik und aus der Verwaltung."
        ),
    },
    # Fields
    "Wirtschaft und berufliche Bildung": {
        "ar": "الاقتصاد والتعليم المهني",
        "uk": "Економіка та професійна освіта",
        "de-simple": "Wirtschaft und Lernen für den Beruf",
    },
    "Ausbildung, Arbeit und Anerkennung von Abschlüssen: Ankommen in Erwerbsarbeit.": {
        "ar": "التدريب المهني والعمل والاعتراف بالشهادات: الاستقرار في سوق العمل.",
        "uk": "Професійне навчання, робота та визнання дипломів: як освоїтися у трудовому житті.",
        "de-simple": (
            "Hier geht es um Arbeit. Zum Beispiel:\n"
            "- Wie finden Menschen eine Ausbildung? Bei einer Ausbildung lernen Sie einen Beruf.\n"
            "- Wie finden Menschen eine Arbeit?\n"
            "- Wie gilt ein Zeugnis aus einem anderen Land auch in Deutschland?\n"
            "Das Ziel ist: Menschen verdienen mit ihrer Arbeit Geld."
        ),
    },
    "Wohnen und Leben": {
        "ar": "السكن والحياة",
        "uk": "Житло і життя",
        "de-simple": "Wohnen und Leben",
    },
    "Wohnraum, Nachbarschaft und Begegnung in den Stadtteilen.": {
        "ar": "السكن والجيرة واللقاءات في أحياء المدينة.",
        "uk": "Житло, сусідство та зустрічі в районах міста.",
        "de-simple": (
            "Hier geht es um Wohnungen. Es geht um Nachbarn. Und es geht um Treffen in den Stadt·teilen."
        ),
    },
    "frühkindliche und schulische Bildung": {
        "ar": "التعليم في الطفولة المبكرة والتعليم المدرسي",
        "uk": "Дошкільна та шкільна освіта",
        "de-simple": "Lernen im Kinder·garten und in der Schule",
    },
    "Kita, Schule und Übergänge: Bildung von Anfang an.": {
        "ar": "الحضانة والمدرسة والانتقال بين المراحل: التعليم منذ البداية.",
        "uk": "Дитячий садок, школа й переходи між ними: освіта від самого початку.",
        "de-simple": (
            "Hier geht es um den Kinder·garten und um die Schule. "
            "Und es geht um den Wechsel: vom Kinder·garten in die Schule. "
            "Oder von einer Schule in die nächste Schule.\n"
            "Kinder sollen von Anfang an gut lernen können."
        ),
    },
    # Stages
    "Fachexpertinnen und -experten tragen zusammen, was es gibt, was gut läuft und wo es hakt.": {
        "ar": "تجمع الخبيرات والخبراء ما هو موجود، وما يسير بشكل جيد، وأين توجد صعوبات.",
        "uk": "Експертки та експерти збирають інформацію: що вже є, що працює добре і де виникають труднощі.",
        "de-simple": (
            "Fach·expertinnen und Fach·experten kennen sich mit einem Thema sehr gut aus. "
            "Sie schreiben zusammen auf:\n"
            "- Was gibt es schon?\n"
            "- Was klappt gut?\n"
            "- Wo gibt es Probleme?"
        ),
    },
    (
        "Multiplikatoren aus Zivilgesellschaft, Politik und Verwaltung erarbeiten Handlungsoptionen "
        "und heben die besten zu Empfehlungen an den Ausschuss."
    ): {
        "ar": (
            "يضع الوسطاء المجتمعيون من المجتمع المدني والسياسة والإدارة العامة خيارات للعمل، "
            "ويحوّلون أفضلها إلى توصيات تُرفع إلى اللجنة."
        ),
        "uk": (
            "Мультиплікатори з громадянського суспільства, політики й адміністрації розробляють варіанти "
            "дій і роблять найкращі з них рекомендаціями для комітету."
        ),
        "de-simple": (
            "Multiplikatorinnen und Multiplikatoren geben Wissen an andere Menschen weiter. "
            "Sie kommen aus Vereinen und Gruppen, aus der Politik und aus der Verwaltung.\n"
            "Sie überlegen: Was können wir tun? Diese Ideen heißen Handlungs·optionen.\n"
            "Die besten Ideen machen sie zu Empfehlungen. Die Empfehlungen gehen an den Ausschuss. "
            "Ein Ausschuss ist eine Gruppe von Politikerinnen und Politikern."
        ),
    },
    "Die Empfehlungen gehen als Sitzungsvorlage in den Ausschuss für Soziales und Integration.": {
        "ar": "تُقدَّم التوصيات كمذكرة للمجلس إلى لجنة الشؤون الاجتماعية والاندماج.",
        "uk": "Рекомендації передають до Комітету із соціальних питань та інтеграції як проєкт рішення.",
        "de-simple": (
            "Die Empfehlungen gehen an den Ausschuss für Soziales und Integration. "
            "Ein Ausschuss ist eine Gruppe von Politikerinnen und Politikern.\n"
            "Der Ausschuss spricht in einer Sitzung über die Empfehlungen. Dann entscheidet der Ausschuss."
        ),
    },
}
