"""Translations of the demo town's help pages (written with a machine's help, not reviewed).

Keys are the German texts exactly as in concept/demo_help.py; values map a language code to the text.
Interface labels are quoted as the reader sees them in their language (our catalogue, else allauth's).
"""

from ankommen.concept.demo_help import CONTACT, HOW_IT_WORKS, LANGUAGES, TAKING_PART

HELP_TRANSLATIONS: dict[str, dict[str, str]] = {
    # How the Dialogplattform works
    HOW_IT_WORKS[0]: {  # title
        "de-simple": "So funktioniert die Dialog·plattform",
        "en": "How the dialogue platform works",
        "tr": "Diyalog platformu nasıl çalışır",
        "ar": "كيف تعمل منصة الحوار",
        "uk": "Як працює платформа діалогу",
        "ru": "Как работает платформа диалога",
        "fa": "پلتفرم گفت‌وگو چطور کار می‌کند",
    },
    HOW_IT_WORKS[2]: {  # summary
        "de-simple": (
            "Hier lesen Sie: Was sind Handlungs·felder? Was sind die 2 Stufen? Und was passiert mit den "
            "Ergebnissen?"
        ),
        "en": "Fields of action, two stages, and what happens with the results.",
        "tr": "Eylem alanları, iki aşama ve sonuçlara ne olduğu.",
        "ar": "مجالات العمل، والمرحلتان، وماذا يحدث بالنتائج.",
        "uk": "Сфери дій, два етапи і що відбувається з результатами.",
        "ru": "Сферы действий, два этапа и что происходит с результатами.",
        "fa": "حوزه‌های اقدام، دو مرحله، و اینکه با نتیجه‌ها چه می‌شود.",
    },
    HOW_IT_WORKS[3]: {  # body
        "de-simple": (
            "Die Dialog·plattform ist ein Ort für Gespräche. Hier spricht Kornwestheim über Integration. "
            "Integration heißt: Menschen kommen neu in ein Land. Sie finden dort ihren Platz. Auf der "
            "Dialog·plattform arbeiten viele zusammen: Bürgerinnen und Bürger, Vereine, Fach·leute, Politik "
            "und Verwaltung. Fach·leute kennen sich mit einem Thema sehr gut aus. Die Verwaltung sind die "
            "Ämter von der Stadt.\n\n"
            "Handlungs·felder\n"
            "Die Arbeit hat mehrere Teile. Jeder Teil ist ein Handlungs·feld. Ein Handlungs·feld ist ein "
            "Thema. Zum Beispiel: „Wohnen und Leben“. Oder: „Wirtschaft und Lernen für den Beruf“. Auf der "
            "Start·seite sehen Sie alle Handlungs·felder. Dort sehen Sie auch: So weit ist die Arbeit in "
            "jedem Handlungs·feld.\n\n"
            "2 Stufen\n"
            "Jedes Handlungs·feld hat 2 Stufen. Stufe 1 ist die Bestands·aufnahme. Das heißt: Fach·leute "
            "schreiben zusammen auf: Was gibt es schon? Was klappt gut? Wo gibt es Probleme? Danach kommt "
            "Stufe 2. Menschen aus Vereinen, aus der Politik und aus der Verwaltung überlegen: Was können "
            "wir tun? Diese Ideen heißen Handlungs·optionen. Die besten Ideen werden zu Empfehlungen. Eine "
            "Empfehlung ist ein Vorschlag.\n\n"
            "Was mit den Empfehlungen passiert\n"
            "Die Empfehlungen gehen an den Ausschuss für Soziales und Integration. Der Gemeinde·rat ist eine "
            "Gruppe von Politikerinnen und Politikern in der Stadt. Ein Ausschuss ist eine kleinere Gruppe "
            "aus dem Gemeinde·rat. Der Ausschuss spricht in einer Sitzung über die Empfehlungen. Dann "
            "entscheidet der Ausschuss: Was davon macht die Stadt?\n\n"
            "Teil·habe\n"
            "Teil·habe heißt: Alle sollen ihre Meinung sagen können. Auch Menschen, die wenig Deutsch "
            "sprechen. Auch Menschen, die zu Hause kein Internet haben. Auch Menschen mit Behinderung. Darum "
            "gibt es diese Seiten in mehreren Sprachen. Es gibt sie auch in Leichter Sprache und in "
            "Gebärden·sprache. Gebärden·sprache ist eine Sprache mit den Händen."
        ),
        "en": (
            "On the dialogue platform, Kornwestheim talks about integration. Here, residents, associations, "
            "experts, politicians and the town administration work together.\n\n"
            "Fields of action\n"
            "The work is divided into fields of action, for example “Housing and living” or “Economy and "
            "vocational training”. On the home page, you can see all fields of action and how far the work "
            "in each one has got.\n\n"
            "Two stages\n"
            "Each field of action is worked on in two stages. In the stocktaking, experts collect what "
            "already exists, what works well and where there are problems. After that, people from "
            "associations, politics and the administration develop action options. The best ones become "
            "recommendations.\n\n"
            "What happens with the recommendations\n"
            "The recommendations go to the town council's Committee for Social Affairs and Integration as a "
            "council submission. The committee decides which of them the town puts into practice.\n\n"
            "Participation\n"
            "Participation means: everyone should be able to have a say, including people who speak little "
            "German, people who have no internet at home and people with a disability. That is why these "
            "pages are available in several languages, in Easy Read German and in German Sign Language."
        ),
        "tr": (
            "Kornwestheim, diyalog platformunda entegrasyon hakkında konuşuyor. Burada şehir sakinleri, "
            "dernekler, uzmanlar, siyasetçiler ve kamu yönetimi birlikte çalışır.\n\n"
            "Eylem alanları\n"
            "Çalışma, eylem alanlarına bölünmüştür, örneğin “Konut ve yaşam” veya “Ekonomi ve mesleki "
            "eğitim”. Ana sayfada tüm eylem alanlarını ve her birinde çalışmanın ne durumda olduğunu "
            "görürsünüz.\n\n"
            "İki aşama\n"
            "Her eylem alanı iki aşamada ele alınır. Mevcut durum analizinde uzmanlar neler olduğunu, neyin "
            "iyi gittiğini ve nerede sorun olduğunu bir araya getirir. Sonra derneklerden, siyasetten ve "
            "kamu yönetiminden insanlar eylem seçenekleri geliştirir. En iyileri öneri olur.\n\n"
            "Önerilere ne olur\n"
            "Öneriler, meclis karar taslağı olarak belediye meclisinin Sosyal İşler ve Entegrasyon "
            "Komisyonuna gider. Komisyon, belediyenin bunlardan hangilerini uygulayacağına karar verir.\n\n"
            "Katılım\n"
            "Katılım şu demektir: Herkes söz sahibi olabilmelidir; az Almanca konuşanlar, evinde interneti "
            "olmayanlar ve engelli olanlar da. Bu yüzden bu sayfalar birkaç dilde, Kolay Dilde ve Alman "
            "İşaret Dilinde de var."
        ),
        "ar": (
            "على منصة الحوار تتحدث Kornwestheim عن الاندماج. هنا يعمل معًا سكان المدينة والجمعيات والخبراء "
            "والسياسيون وإدارة المدينة.\n\n"
            "مجالات العمل\n"
            "العمل مقسّم إلى مجالات عمل، مثلًا «السكن والحياة» أو «الاقتصاد والتعليم المهني». في الصفحة "
            "الرئيسية ترى جميع مجالات العمل، وإلى أين وصل العمل في كل مجال منها.\n\n"
            "مرحلتان\n"
            "يجري العمل على كل مجال عمل في مرحلتين. في تقييم الوضع الحالي يجمع الخبراء ما هو موجود، وما يسير "
            "بشكل جيد، وأين توجد مشكلات. بعد ذلك يضع أشخاص من الجمعيات والسياسة والإدارة خيارات عمل. وأفضلها "
            "تصبح توصيات.\n\n"
            "ماذا يحدث بالتوصيات\n"
            "تُقدَّم التوصيات كمذكرة للمجلس إلى لجنة الشؤون الاجتماعية والاندماج في المجلس البلدي. وتقرر "
            "اللجنة ما الذي تنفذه المدينة منها.\n\n"
            "المشاركة\n"
            "المشاركة تعني: يجب أن يتمكن الجميع من إبداء رأيهم، ومنهم من يتحدث قليلًا من الألمانية، ومن ليس "
            "لديه إنترنت في البيت، ومن لديه إعاقة. لذلك توجد هذه الصفحات بعدة لغات، وبالألمانية المبسّطة، "
            "وبلغة الإشارة الألمانية."
        ),
        "uk": (
            "На платформі діалогу Kornwestheim говорить про інтеграцію. Тут разом працюють мешканці міста, "
            "громадські організації, експерти, політики й адміністрація.\n\n"
            "Сфери дій\n"
            "Роботу поділено на сфери дій, наприклад «Житло і життя» або «Економіка та професійна освіта». "
            "На головній сторінці Ви бачите всі сфери дій і те, як далеко просунулася робота в кожній із "
            "них.\n\n"
            "Два етапи\n"
            "Кожну сферу дій опрацьовують у два етапи. Під час аналізу ситуації експерти збирають "
            "інформацію: що вже є, що працює добре і де є проблеми. Потім люди з громадських організацій, "
            "політики й адміністрації розробляють варіанти дій. Найкращі з них стають рекомендаціями.\n\n"
            "Що відбувається з рекомендаціями\n"
            "Рекомендації передають як проєкт рішення до Комітету із соціальних питань та інтеграції міської "
            "ради. Комітет вирішує, що з цього місто втілить у життя.\n\n"
            "Участь\n"
            "Участь означає: усі повинні мати можливість висловитися, зокрема ті, хто мало знає німецьку, у "
            "кого вдома немає інтернету або хто має інвалідність. Тому ці сторінки є кількома мовами, легкою "
            "мовою (Leichte Sprache) і німецькою жестовою мовою."
        ),
        "ru": (
            "На платформе диалога Kornwestheim говорит об интеграции. Здесь вместе работают жители города, "
            "общественные организации, эксперты, политики и администрация.\n\n"
            "Сферы действий\n"
            "Работа разделена на сферы действий, например «Жильё и жизнь» или «Экономика и профессиональное "
            "образование». На главной странице Вы видите все сферы действий и то, как далеко продвинулась "
            "работа в каждой из них.\n\n"
            "Два этапа\n"
            "Каждую сферу действий прорабатывают в два этапа. Во время анализа ситуации эксперты собирают "
            "информацию: что уже есть, что работает хорошо и где есть проблемы. Затем люди из общественных "
            "организаций, политики и администрации разрабатывают варианты действий. Лучшие из них становятся "
            "рекомендациями.\n\n"
            "Что происходит с рекомендациями\n"
            "Рекомендации передаются как проект решения в Комитет по социальным вопросам и интеграции "
            "городского совета. Комитет решает, что из этого город воплотит в жизнь.\n\n"
            "Участие\n"
            "Участие означает: все должны иметь возможность высказаться, в том числе те, кто мало знает "
            "немецкий, у кого дома нет интернета или у кого есть инвалидность. Поэтому эти страницы есть на "
            "нескольких языках, на лёгком языке (Leichte Sprache) и на немецком жестовом языке."
        ),
        "fa": (
            "در پلتفرم گفت‌وگو، Kornwestheim دربارهٔ ادغام صحبت می‌کند. اینجا شهروندان، انجمن‌ها، کارشناسان، "
            "سیاستمداران و ادارات دولتی با هم کار می‌کنند.\n\n"
            "حوزه‌های اقدام\n"
            "کار به چند حوزهٔ اقدام تقسیم شده است، برای مثال «مسکن و زندگی» یا «اقتصاد و آموزش حرفه‌ای». در "
            "صفحهٔ اصلی همهٔ حوزه‌های اقدام را می‌بینید و اینکه کار در هر کدام تا کجا پیش رفته است.\n\n"
            "دو مرحله\n"
            "روی هر حوزهٔ اقدام در دو مرحله کار می‌شود. در بررسی وضعیت موجود، کارشناسان جمع می‌کنند که چه "
            "چیزهایی وجود دارد، چه چیزهایی خوب پیش می‌رود و کجا مشکل هست. بعد از آن، افرادی از انجمن‌ها، "
            "سیاست و ادارات دولتی گزینه‌های اقدام را تهیه می‌کنند. بهترین آن‌ها به توصیه تبدیل می‌شوند.\n\n"
            "با توصیه‌ها چه می‌شود\n"
            "توصیه‌ها به صورت لایحه به کمیسیون امور اجتماعی و ادغامِ شورای شهر فرستاده می‌شوند. کمیسیون "
            "تصمیم می‌گیرد که شهرداری کدام‌یک از آن‌ها را اجرا کند.\n\n"
            "مشارکت\n"
            "مشارکت یعنی: همه باید بتوانند نظر خود را بگویند، از جمله کسانی که آلمانی کمی می‌دانند، کسانی که "
            "در خانه اینترنت ندارند یا کسانی که معلولیت دارند. برای همین این صفحه‌ها به چند زبان، به آلمانی "
            "ساده و به زبان اشارهٔ آلمانی وجود دارند."
        ),
    },
    # Taking part
    TAKING_PART[0]: {  # title
        "de-simple": "Mitmachen",
        "en": "Taking part",
        "tr": "Katılın",
        "ar": "شارك معنا",
        "uk": "Долучайтеся",
        "ru": "Участвуйте",
        "fa": "مشارکت کنید",
    },
    TAKING_PART[2]: {  # summary
        "de-simple": (
            "Lesen. Ein Konto anlegen. Beiträge schreiben. Kommentieren und unterstützen. Das geht auch ohne "
            "Internet."
        ),
        "en": (
            "Reading, creating an account, writing contributions, commenting and supporting – even without "
            "the internet."
        ),
        "tr": "Okumak, hesap oluşturmak, katkı yazmak, yorum yapmak ve desteklemek – internet olmadan da.",
        "ar": "القراءة، وإنشاء حساب، وكتابة المساهمات، والتعليق، والدعم – حتى دون إنترنت.",
        "uk": (
            "Читати, створити обліковий запис, писати дописи, коментувати й підтримувати – навіть без "
            "інтернету."
        ),
        "ru": (
            "Читать, создать аккаунт, оставлять записи, комментировать и поддерживать – даже без интернета."
        ),
        "fa": "خواندن، ساختن حساب کاربری، نوشتن مطلب، نظر دادن و حمایت کردن – حتی بدون اینترنت.",
    },
    TAKING_PART[3]: {  # body
        "de-simple": (
            "Alle können lesen\n"
            "Sie können alle öffentlichen Seiten ohne Konto lesen. Öffentlich heißt: Alle dürfen die Seite "
            "sehen. Sie müssen sich dafür nicht anmelden.\n\n"
            "Ein Konto anlegen\n"
            "Mit einem Konto können Sie Kommentare schreiben. Und Sie können Beiträge unterstützen. So "
            "bekommen Sie ein Konto: Klicken Sie oben auf „Registrieren“. Sie brauchen eine E-Mail-Adresse. "
            "Wir schicken Ihnen eine E-Mail. Mit der E-Mail bestätigen Sie Ihre Adresse. Bestätigen heißt: "
            "Sie zeigen: Das ist wirklich meine Adresse.\n\n"
            "Beiträge, Kommentare und Unterstützung\n"
            "Beim Handlungs·feld steht: Wer darf in einer Stufe Beiträge schreiben? Zum Beispiel: In der "
            "Bestands·aufnahme dürfen Fach·leute Beiträge schreiben. Die Bestands·aufnahme ist die Stufe 1. "
            "Kommentieren und unterstützen können meistens alle Mitglieder. Mit einer Unterstützung zeigen "
            "Sie: Dieser Beitrag ist mir wichtig.\n\n"
            "Regeln\n"
            "Für alle Beiträge gelten die Nutzungs·bedingungen. Das sind die Regeln für diese Seite. Bitte "
            "schreiben Sie freundlich und höflich. Die Moderation: Das sind Menschen. Sie achten auf die "
            "Regeln. Manche Beiträge verstoßen gegen die Regeln. Die Moderation blendet diese Beiträge aus. "
            "Das heißt: Die anderen sehen den Beitrag nicht mehr. Sie sehen so einen Beitrag? Dann können "
            "Sie den Beitrag melden.\n\n"
            "Ohne Internet mitmachen\n"
            "Sie haben kein Internet? Oder Sie haben keinen Computer? Dann kommen Sie zu einem Workshop. Ein "
            "Workshop ist ein Treffen. Bei dem Treffen arbeiten Menschen zusammen an einem Thema. Oder "
            "kommen Sie in die Sprech·stunde für Integration im Rathaus. Eine Sprech·stunde ist eine feste "
            "Zeit. Dann können Sie ins Rathaus kommen. Dort können Sie Ihren Beitrag auf Papier abgeben. "
            "Mitarbeiterinnen und Mitarbeiter von der Stadt schreiben Ihren Beitrag dann in die "
            "Dialog·plattform. Beim Beitrag steht dann: Wo haben Sie den Beitrag abgegeben?"
        ),
        "en": (
            "Everyone can read\n"
            "You can read all public pages without an account. You do not need to log in for this.\n\n"
            "Creating an account\n"
            "With an account, you can comment and support contributions. Click “Register” at the top. You "
            "need an email address. We send you an email. With it, you confirm your address.\n\n"
            "Contributions, comments and support\n"
            "The field of action says who may write contributions in a stage, for example experts in the "
            "stocktaking. Usually, all members can comment and support. With your support, you show: this "
            "contribution is important to me.\n\n"
            "Rules\n"
            "The terms of use apply to all contributions. Please write respectfully. The moderators hide "
            "contributions that break the rules. If you see such a contribution, you can report it.\n\n"
            "Taking part without the internet\n"
            "You do not have internet or a computer? Come to a workshop or to the integration consultation "
            "hours at the town hall. There you can hand in your contribution on paper. Town staff enter it "
            "for you. The contribution then shows where it was submitted."
        ),
        "tr": (
            "Herkes okuyabilir\n"
            "Herkese açık tüm sayfaları hesap olmadan okuyabilirsiniz. Bunun için giriş yapmanız "
            "gerekmez.\n\n"
            "Hesap oluşturma\n"
            "Hesabınız olursa yorum yapabilir ve katkıları destekleyebilirsiniz. Sayfanın üstündeki “Kayıt "
            "ol” seçeneğine tıklayın. Bir e-posta adresine ihtiyacınız var. Size bir e-posta göndeririz. Bu "
            "e-postayla adresinizi onaylarsınız.\n\n"
            "Katkılar, yorumlar ve destek\n"
            "Bir aşamada kimlerin katkı yazabileceği eylem alanında belirtilir, örneğin mevcut durum "
            "analizinde uzmanlar. Genellikle tüm üyeler yorum yapabilir ve destekleyebilir. Destekle şunu "
            "gösterirsiniz: Bu katkı benim için önemli.\n\n"
            "Kurallar\n"
            "Tüm katkılar için kullanım koşulları geçerlidir. Lütfen saygılı yazın. Moderatörler kurallara "
            "aykırı katkıları gizler. Böyle bir katkı görürseniz onu bildirebilirsiniz.\n\n"
            "İnternet olmadan katılım\n"
            "İnternetiniz veya bilgisayarınız yok mu? Bir atölyeye ya da belediye binasındaki entegrasyon "
            "danışma saatine gelin. Orada katkınızı kâğıt üzerinde teslim edebilirsiniz. Belediye "
            "çalışanları onu sizin için sisteme girer. Sonra katkının yanında, nerede teslim edildiği yazar."
        ),
        "ar": (
            "يمكن للجميع القراءة\n"
            "يمكنك قراءة جميع الصفحات العامة دون حساب. لا تحتاج إلى تسجيل الدخول لذلك.\n\n"
            "إنشاء حساب\n"
            "بالحساب يمكنك التعليق ودعم المساهمات. انقر في أعلى الصفحة على «إنشاء حساب». تحتاج إلى عنوان "
            "بريد إلكتروني. نرسل إليك رسالة بريد إلكتروني. ومن خلالها تؤكد عنوانك.\n\n"
            "المساهمات والتعليقات والدعم\n"
            "مَن يحق له كتابة مساهمات في مرحلة ما، تجده مكتوبًا عند مجال العمل، مثلًا الخبراء في تقييم الوضع "
            "الحالي. وفي الغالب يمكن لجميع الأعضاء التعليق والدعم. بالدعم تُظهر: هذه المساهمة مهمة بالنسبة "
            "لي.\n\n"
            "القواعد\n"
            "تسري شروط الاستخدام على جميع المساهمات. يُرجى الكتابة باحترام. يُخفي فريق الإشراف المساهمات "
            "التي تخالف القواعد. إذا رأيت مساهمة كهذه، يمكنك الإبلاغ عنها.\n\n"
            "المشاركة دون إنترنت\n"
            "ليس لديك إنترنت أو حاسوب؟ يمكنك الحضور إلى ورشة عمل أو إلى ساعة الاستشارة الخاصة بالاندماج في "
            "مبنى البلدية. هناك يمكنك تقديم مساهمتك على الورق. وتُدخلها موظفات وموظفو المدينة نيابةً عنك. "
            "وبعد ذلك يظهر عند المساهمة المكان الذي قُدّمت فيه."
        ),
        "uk": (
            "Читати може кожен\n"
            "Усі загальнодоступні сторінки Ви можете читати без облікового запису. Для цього не потрібно "
            "входити.\n\n"
            "Створити обліковий запис\n"
            "З обліковим записом Ви можете коментувати й підтримувати дописи. Натисніть угорі "
            "«Зареєструватися». Вам потрібна адреса електронної пошти. Ми надішлемо Вам електронний лист. За "
            "його допомогою Ви підтвердите свою адресу.\n\n"
            "Дописи, коментарі та підтримка\n"
            "Хто може писати дописи на певному етапі, зазначено у сфері дій, наприклад експерти на етапі "
            "аналізу ситуації. Коментувати й підтримувати зазвичай можуть усі учасники. Голосом підтримки Ви "
            "показуєте: цей допис для мене важливий.\n\n"
            "Правила\n"
            "Для всіх дописів діють умови користування. Будь ласка, пишіть з повагою. Модератори приховують "
            "дописи, які порушують правила. Якщо Ви бачите такий допис, Ви можете поскаржитися на нього.\n\n"
            "Участь без інтернету\n"
            "У Вас немає інтернету чи комп’ютера? Приходьте на семінар або на консультацію з питань "
            "інтеграції в ратуші. Там Ви можете подати свій допис на папері. Працівниці та працівники міста "
            "внесуть його за Вас. Біля допису буде вказано, де його подали."
        ),
        "ru": (
            "Читать может каждый\n"
            "Все общедоступные страницы Вы можете читать без аккаунта. Для этого не нужно входить.\n\n"
            "Создать аккаунт\n"
            "С аккаунтом Вы можете комментировать и поддерживать записи. Нажмите вверху "
            "«Зарегистрироваться». Вам нужен адрес электронной почты. Мы пришлём Вам письмо. С его помощью "
            "Вы подтвердите свой адрес.\n\n"
            "Записи, комментарии и поддержка\n"
            "Кто может оставлять записи на этапе, указано в сфере действий, например эксперты на этапе "
            "анализа ситуации. Комментировать и поддерживать обычно могут все участники. Голосом поддержки "
            "Вы показываете: эта запись для меня важна.\n\n"
            "Правила\n"
            "Для всех записей действуют условия использования. Пожалуйста, пишите уважительно. Модераторы "
            "скрывают записи, которые нарушают правила. Если Вы увидите такую запись, Вы можете пожаловаться "
            "на неё.\n\n"
            "Участие без интернета\n"
            "У Вас нет интернета или компьютера? Приходите на семинар или на консультацию по вопросам "
            "интеграции в ратуше. Там Вы можете подать свою запись на бумаге. Сотрудницы и сотрудники города "
            "внесут её за Вас. У записи будет указано, где её подали."
        ),
        "fa": (
            "همه می‌توانند بخوانند\n"
            "همهٔ صفحه‌های عمومی را می‌توانید بدون حساب کاربری بخوانید. برای این کار لازم نیست وارد شوید.\n\n"
            "ساختن حساب کاربری\n"
            "با حساب کاربری می‌توانید نظر بدهید و از مطالب حمایت کنید. بالای صفحه روی «ثبت‌نام» کلیک کنید. "
            "به یک نشانی ایمیل نیاز دارید. ما برای شما یک ایمیل می‌فرستیم. با آن ایمیل نشانی خود را تأیید "
            "می‌کنید.\n\n"
            "مطالب، نظرها و حمایت\n"
            "اینکه چه کسانی در یک مرحله می‌توانند مطلب بنویسند، در حوزهٔ اقدام نوشته شده است، برای مثال "
            "کارشناسان در بررسی وضعیت موجود. معمولاً همهٔ اعضا می‌توانند نظر بدهند و حمایت کنند. با حمایت "
            "نشان می‌دهید: این مطلب برای من مهم است.\n\n"
            "قوانین\n"
            "شرایط استفاده برای همهٔ مطالب معتبر است. لطفاً با احترام بنویسید. ناظران مطالبی را که قوانین را "
            "رعایت نمی‌کنند پنهان می‌کنند. اگر چنین مطلبی دیدید، می‌توانید آن را گزارش دهید.\n\n"
            "مشارکت بدون اینترنت\n"
            "اینترنت یا کامپیوتر ندارید؟ به یک کارگاه یا به ساعت مشاوره برای ادغام در ساختمان شهرداری "
            "بیایید. آنجا می‌توانید مطلب خود را روی کاغذ تحویل دهید. کارکنان شهرداری آن را برای شما ثبت "
            "می‌کنند. سپس کنار مطلب نوشته می‌شود که کجا ارائه شده است."
        ),
    },
    # Languages and translations
    LANGUAGES[0]: {  # title
        "de-simple": "Sprachen und Übersetzungen",
        "en": "Languages and translations",
        "tr": "Diller ve çeviriler",
        "ar": "اللغات والترجمات",
        "uk": "Мови та переклади",
        "ru": "Языки и переводы",
        "fa": "زبان‌ها و ترجمه‌ها",
    },
    LANGUAGES[2]: {  # summary
        "de-simple": "So wählen Sie Ihre Sprache. Und: Was bedeuten die Hinweise bei übersetzten Texten?",
        "en": "How to choose your language and what the notes on translated texts mean.",
        "tr": "Dilinizi nasıl seçeceğiniz ve çevrilmiş metinlerdeki notların ne anlama geldiği.",
        "ar": "كيف تختار لغتك، وماذا تعني الملاحظات على النصوص المترجمة.",
        "uk": "Як вибрати свою мову і що означають позначки біля перекладених текстів.",
        "ru": "Как выбрать свой язык и что означают пометки у переведённых текстов.",
        "fa": "چطور زبان خود را انتخاب کنید و برچسب‌های کنار متن‌های ترجمه‌شده چه معنایی دارند.",
    },
    LANGUAGES[3]: {  # body
        "de-simple": (
            "Ihre Sprache wählen\n"
            "Oben auf jeder Seite stehen die Sprachen. Jede Sprache steht in ihrer eigenen Schrift. Zum "
            "Beispiel: Arabisch steht in arabischer Schrift. Klicken Sie auf Ihre Sprache. Dann sehen Sie "
            "die gleiche Seite in Ihrer Sprache. Haben Sie ein Konto? Dann können Sie Ihre Sprache im Profil "
            "speichern. Im Profil stehen Ihre Angaben.\n\n"
            "Übersetzte Texte\n"
            "Nach und nach gibt es die Texte von der Stadt in anderen Sprachen. Gibt es noch keine "
            "Übersetzung? Dann lesen Sie den Text in normalem Deutsch. Ein Hinweis sagt Ihnen das.\n\n"
            "Was die Hinweise bedeuten\n"
            "„vom Computer übersetzt, nicht geprüft“: Ein Computer·programm hat den Text übersetzt. Noch "
            "kein Mensch hat die Übersetzung geprüft. In der Übersetzung können Fehler sein.\n"
            "„Die Übersetzung ist nicht mehr aktuell“: Jemand hat den deutschen Text geändert. Die "
            "Übersetzung zeigt noch den alten Text.\n"
            "Kein Hinweis: Ein Mensch hat die Übersetzung geprüft.\n\n"
            "Leichte Sprache\n"
            "Leichte Sprache hat kurze Sätze und einfache Wörter. Menschen aus der Ziel·gruppe müssen den "
            "Text prüfen. Die Ziel·gruppe sind die Menschen, für die der Text geschrieben ist. Erst dann "
            "heißt der Text Leichte Sprache. Vorher steht beim Text: „Einfache Sprache. Leserinnen und Leser "
            "haben den Text noch nicht geprüft.“"
        ),
        "en": (
            "Choosing your language\n"
            "At the top of every page, you find the languages. Each language is written in its own script. "
            "Click on your language. The page stays the same, only the language changes. With an account, "
            "you can save your language in your profile.\n\n"
            "Translated texts\n"
            "The town's texts are being translated bit by bit. If there is no translation yet, you read the "
            "German text. A note tells you this.\n\n"
            "What the notes mean\n"
            "“machine-translated, not reviewed”: A computer program translated the text. No person has "
            "checked the translation yet. It can contain mistakes.\n"
            "“Translation outdated”: The German text has changed. The translation still shows the old "
            "version.\n"
            "No note: A person has checked the translation.\n\n"
            "Easy Read German (Leichte Sprache)\n"
            "Easy Read German has short sentences and simple words. A text is only called Easy Read German "
            "(Leichte Sprache) once people from the target group have checked it. Before that, it says "
            "“Plain German (Einfache Sprache), not yet reviewed by readers”."
        ),
        "tr": (
            "Dilinizi seçin\n"
            "Her sayfanın üstünde dilleri bulursunuz. Her dil kendi alfabesiyle yazılmıştır. Kendi dilinize "
            "tıklayın. Sayfa aynı kalır, yalnızca dil değişir. Hesabınız varsa dilinizi profilinize "
            "kaydedebilirsiniz.\n\n"
            "Çevrilmiş metinler\n"
            "Belediyenin metinleri adım adım çevriliyor. Henüz çeviri yoksa Almanca metni okursunuz. Bir not "
            "bunu size bildirir.\n\n"
            "Notlar ne anlama geliyor\n"
            "“makine çevirisi, kontrol edilmedi”: Metni bir bilgisayar programı çevirdi. Çeviriyi henüz "
            "hiçbir insan kontrol etmedi. Çeviride hatalar olabilir.\n"
            "“Çeviri güncel değil”: Almanca metin değiştirildi. Çeviri hâlâ eski hâlini gösteriyor.\n"
            "Not yoksa: Çeviriyi bir insan kontrol etti.\n\n"
            "Kolay Dil (Leichte Sprache)\n"
            "Kolay Dilde kısa cümleler ve basit kelimeler vardır. Bir metne ancak hedef gruptan insanlar onu "
            "kontrol ettikten sonra Kolay Dil (Leichte Sprache) denir. Ondan önce orada “Sade Almanca "
            "(Einfache Sprache), henüz okuyucular tarafından kontrol edilmedi” yazar."
        ),
        "ar": (
            "اختيار لغتك\n"
            "تجد اللغات في أعلى كل صفحة. كل لغة مكتوبة بحروفها الخاصة. انقر على لغتك. تبقى الصفحة نفسها، "
            "وتتغير اللغة فقط. إذا كان لديك حساب، يمكنك حفظ لغتك في ملفك الشخصي.\n\n"
            "النصوص المترجمة\n"
            "تُترجم نصوص المدينة شيئًا فشيئًا. إذا لم توجد ترجمة بعد، فإنك تقرأ النص الألماني. وتخبرك ملاحظة "
            "بذلك.\n\n"
            "معنى الملاحظات\n"
            "«ترجمة آلية، غير مُراجَعة»: ترجم برنامج حاسوبي النص. لم يراجع أي إنسان الترجمة بعد. قد تحتوي "
            "الترجمة على أخطاء.\n"
            "«الترجمة قديمة»: تم تغيير النص الألماني. ما زالت الترجمة تُظهر النسخة القديمة.\n"
            "بدون ملاحظة: راجع إنسانٌ الترجمة.\n\n"
            "الألمانية المبسّطة (Leichte Sprache)\n"
            "الألمانية المبسّطة فيها جمل قصيرة وكلمات سهلة. لا يُسمّى النص «Leichte Sprache» إلا بعد أن "
            "يراجعه أشخاص من الفئة المستهدفة. وقبل ذلك تظهر عنده عبارة «لغة سهلة (Einfache Sprache)، لم "
            "يراجعها قرّاء من الفئة المستهدفة بعد»."
        ),
        "uk": (
            "Вибір мови\n"
            "Угорі на кожній сторінці Ви знайдете мови. Кожну мову написано її власною абеткою. Натисніть на "
            "свою мову. Сторінка залишається тією самою, змінюється лише мова. Якщо у Вас є обліковий запис, "
            "Ви можете зберегти свою мову в профілі.\n\n"
            "Перекладені тексти\n"
            "Тексти міста перекладають поступово. Якщо перекладу ще немає, Ви читаєте німецький текст. Про "
            "це Вам скаже позначка.\n\n"
            "Що означають позначки\n"
            "«машинний переклад, не перевірено»: текст переклала комп’ютерна програма. Переклад ще не "
            "перевірила жодна людина. У ньому можуть бути помилки.\n"
            "«Переклад застарів»: німецький текст змінили. Переклад ще показує стару версію.\n"
            "Без позначки: переклад перевірила людина.\n\n"
            "Легка мова (Leichte Sprache)\n"
            "Легка мова – це короткі речення і прості слова. Текст можна називати «Leichte Sprache» лише "
            "тоді, коли його перевірили люди з цільової групи. До того там написано «Проста німецька мова "
            "(Einfache Sprache), ще не перевірено читачами»."
        ),
        "ru": (
            "Выбор языка\n"
            "Вверху каждой страницы Вы найдёте языки. Каждый язык написан своим алфавитом. Нажмите на свой "
            "язык. Страница остаётся той же, меняется только язык. Если у Вас есть аккаунт, Вы можете "
            "сохранить свой язык в профиле.\n\n"
            "Переведённые тексты\n"
            "Тексты города переводят постепенно. Если перевода ещё нет, Вы читаете немецкий текст. Об этом "
            "Вам сообщит пометка.\n\n"
            "Что означают пометки\n"
            "«машинный перевод, не проверен»: текст перевела компьютерная программа. Перевод ещё не проверил "
            "ни один человек. В нём могут быть ошибки.\n"
            "«Перевод устарел»: немецкий текст изменили. Перевод всё ещё показывает старую версию.\n"
            "Без пометки: перевод проверил человек.\n\n"
            "Лёгкий язык (Leichte Sprache)\n"
            "В лёгком языке короткие предложения и простые слова. Текст можно называть «Leichte Sprache» "
            "только тогда, когда его проверили люди из целевой группы. До этого там написано «Простой "
            "немецкий язык (Einfache Sprache), ещё не проверен читателями»."
        ),
        "fa": (
            "انتخاب زبان\n"
            "بالای هر صفحه زبان‌ها را پیدا می‌کنید. هر زبان با خط خودش نوشته شده است. روی زبان خود کلیک "
            "کنید. صفحه همان می‌ماند، فقط زبان عوض می‌شود. اگر حساب کاربری داشته باشید، می‌توانید زبان خود "
            "را در پروفایل ذخیره کنید.\n\n"
            "متن‌های ترجمه‌شده\n"
            "متن‌های شهر کم‌کم ترجمه می‌شوند. اگر هنوز ترجمه‌ای نباشد، متن آلمانی را می‌خوانید. یک برچسب این "
            "را به شما می‌گوید.\n\n"
            "معنای برچسب‌ها\n"
            "«ترجمهٔ ماشینی، بررسی‌نشده»: یک برنامهٔ کامپیوتری متن را ترجمه کرده است. هنوز هیچ انسانی ترجمه "
            "را بررسی نکرده است. ممکن است ترجمه اشتباه داشته باشد.\n"
            "«ترجمه قدیمی است»: متن آلمانی تغییر کرده است. ترجمه هنوز نسخهٔ قدیمی را نشان می‌دهد.\n"
            "بدون برچسب: یک انسان ترجمه را بررسی کرده است.\n\n"
            "آلمانی ساده (Leichte Sprache)\n"
            "آلمانی ساده جمله‌های کوتاه و کلمه‌های آسان دارد. یک متن فقط وقتی «Leichte Sprache» نامیده "
            "می‌شود که افرادی از گروه هدف آن را بررسی کرده باشند. پیش از آن، آنجا این نوشته می‌آید: «زبان "
            "آسان (Einfache Sprache)، هنوز توسط خوانندگان بررسی نشده است»."
        ),
    },
    # Contact and support
    CONTACT[0]: {  # title
        "de-simple": "Kontakt und Hilfe",
        "en": "Contact and support",
        "tr": "İletişim ve destek",
        "ar": "التواصل والمساعدة",
        "uk": "Контакти та допомога",
        "ru": "Контакты и помощь",
        "fa": "تماس و کمک",
    },
    CONTACT[2]: {  # summary
        "de-simple": "Etwas klappt nicht? Hier steht: Wen können Sie fragen?",
        "en": "Whom you can ask if something does not work.",
        "tr": "Bir şey yolunda gitmezse kime sorabileceğiniz.",
        "ar": "مَن يمكنك أن تسأل إذا لم ينجح شيء ما.",
        "uk": "Кого можна запитати, якщо щось не виходить.",
        "ru": "Кого можно спросить, если что-то не получается.",
        "fa": "اگر چیزی درست کار نکرد، از چه کسی می‌توانید بپرسید.",
    },
    CONTACT[3]: {  # body
        "de-simple": (
            "Fragen zur Dialog·plattform\n"
            "Schreiben Sie uns eine E-Mail. Die E-Mail-Adresse steht ganz unten auf dieser Seite. Sie dürfen "
            "in Ihrer Sprache schreiben.\n\n"
            "Sprech·stunde für Integration\n"
            "Im Rathaus gibt es eine Sprech·stunde. Die Adresse ist: Jakob-Sigle-Platz 1. Dort hilft Ihnen "
            "jemand. Zum Beispiel: Sie wollen ein Konto anlegen. Oder Sie wollen einen Beitrag abgeben. Sie "
            "können gern eine Person mitbringen. Die Person kann für Sie übersetzen. Wichtig: Das hier ist "
            "eine Demo. Eine Demo zeigt: So kann die Dialog·plattform aussehen. Der Ort und die Hilfe sind "
            "nur Beispiele.\n\n"
            "Barrieren melden\n"
            "Eine Barriere ist ein Hindernis. Zum Beispiel: Sie können etwas auf dieser Seite nicht lesen. "
            "Oder Sie können etwas nicht benutzen. Dann melden Sie die Barriere. Sie brauchen dafür kein "
            "Konto. Die Stadt antwortet innerhalb von einem Monat.\n\n"
            "Passwort vergessen\n"
            "Klicken Sie auf „Anmelden“. Dann klicken Sie auf „Passwort vergessen?“. Sie bekommen eine "
            "E-Mail. Mit der E-Mail können Sie ein neues Passwort wählen."
        ),
        "en": (
            "Questions about the dialogue platform\n"
            "Write us an email. The address is at the bottom of this page. You may write in your "
            "language.\n\n"
            "Integration consultation hours\n"
            "At the town hall, Jakob-Sigle-Platz 1, you can get help creating an account or submitting a "
            "contribution. You are welcome to bring someone who translates for you. In this demo, the place "
            "and the service are only examples.\n\n"
            "Reporting barriers\n"
            "You cannot read or use something on this website? Report the barrier. You do not need an "
            "account for this. The town answers within one month.\n\n"
            "Forgotten password\n"
            "Click “Log in” and then “Forgot your password?”. You will get an email. With it, you choose a "
            "new password."
        ),
        "tr": (
            "Diyalog platformu hakkında sorular\n"
            "Bize bir e-posta yazın. Adres bu sayfanın en altında yazıyor. Kendi dilinizde "
            "yazabilirsiniz.\n\n"
            "Entegrasyon danışma saati\n"
            "Belediye binasında, Jakob-Sigle-Platz 1, hesap oluşturmanıza veya katkı teslim etmenize yardım "
            "ediliyor. İsterseniz sizin için çeviri yapacak birini de getirebilirsiniz. Bu demoda yer ve "
            "hizmet yalnızca örnektir.\n\n"
            "Engelleri bildirin\n"
            "Bu sitede bir şeyi okuyamıyor veya kullanamıyor musunuz? Engeli bildirin. Bunun için hesaba "
            "ihtiyacınız yok. Belediye bir ay içinde yanıt verir.\n\n"
            "Şifremi unuttum\n"
            "Önce “Giriş yap”, sonra “Şifrenizi mi unuttunuz?” seçeneğine tıklayın. Size bir e-posta gelir. "
            "Bu e-postayla yeni bir şifre seçersiniz."
        ),
        "ar": (
            "أسئلة عن منصة الحوار\n"
            "أرسل إلينا رسالة بريد إلكتروني. العنوان موجود في أسفل هذه الصفحة. يمكنك الكتابة بلغتك.\n\n"
            "ساعة الاستشارة الخاصة بالاندماج\n"
            "في مبنى البلدية، Jakob-Sigle-Platz 1، تحصل على مساعدة في إنشاء حساب أو في تقديم مساهمة. لا مانع "
            "من أن تُحضر معك شخصًا يترجم لك. في هذا العرض التجريبي، المكان والخدمة مجرد أمثلة.\n\n"
            "الإبلاغ عن العوائق\n"
            "لا تستطيع قراءة شيء أو استخدامه في هذا الموقع؟ أبلغ عن العائق. لا تحتاج إلى حساب لذلك. ترد "
            "المدينة خلال شهر واحد.\n\n"
            "نسيان كلمة المرور\n"
            "انقر على «تسجيل الدخول» ثم على «هل نسيت كلمة المرور؟». ستصلك رسالة بريد إلكتروني. ومن خلالها "
            "تختار كلمة مرور جديدة."
        ),
        "uk": (
            "Питання щодо платформи діалогу\n"
            "Напишіть нам електронного листа. Адресу вказано внизу цієї сторінки. Ви можете писати своєю "
            "мовою.\n\n"
            "Консультація з питань інтеграції\n"
            "У ратуші, Jakob-Sigle-Platz 1, Вам допоможуть створити обліковий запис або подати допис. Ви "
            "можете взяти з собою когось, хто перекладатиме для Вас. У цій демоверсії місце й послуга – лише "
            "приклади.\n\n"
            "Повідомлення про бар’єри\n"
            "Ви не можете щось прочитати чи використати на цьому сайті? Повідомте про бар’єр. Для цього не "
            "потрібен обліковий запис. Місто відповідає протягом місяця.\n\n"
            "Якщо Ви забули пароль\n"
            "Натисніть «Увійти», а потім «Забули пароль?». Ви отримаєте електронний лист. За його допомогою "
            "Ви виберете новий пароль."
        ),
        "ru": (
            "Вопросы о платформе диалога\n"
            "Напишите нам письмо по электронной почте. Адрес указан внизу этой страницы. Вы можете писать на "
            "своём языке.\n\n"
            "Консультация по вопросам интеграции\n"
            "В ратуше, Jakob-Sigle-Platz 1, Вам помогут создать аккаунт или подать запись. Вы можете взять с "
            "собой человека, который будет для Вас переводить. В этой демоверсии место и услуга – только "
            "примеры.\n\n"
            "Сообщения о барьерах\n"
            "Вы не можете что-то прочитать или использовать на этом сайте? Сообщите о барьере. Для этого не "
            "нужен аккаунт. Город отвечает в течение месяца.\n\n"
            "Если Вы забыли пароль\n"
            "Нажмите «Войти», а затем «Забыли свой пароль?». Вы получите письмо. С его помощью Вы выберете "
            "новый пароль."
        ),
        "fa": (
            "پرسش دربارهٔ پلتفرم گفت‌وگو\n"
            "برای ما ایمیل بنویسید. نشانی ایمیل پایین همین صفحه آمده است. می‌توانید به زبان خودتان "
            "بنویسید.\n\n"
            "ساعت مشاوره برای ادغام\n"
            "در ساختمان شهرداری، Jakob-Sigle-Platz 1، به شما کمک می‌کنند حساب کاربری بسازید یا مطلبی ارائه "
            "دهید. اگر بخواهید، می‌توانید کسی را همراه خود بیاورید که برایتان ترجمه کند. در این نسخهٔ "
            "نمایشی، مکان و خدمات فقط نمونه هستند.\n\n"
            "گزارش موانع دسترسی\n"
            "چیزی را در این سایت نمی‌توانید بخوانید یا از آن استفاده کنید؟ مانع دسترسی را گزارش دهید. برای "
            "این کار به حساب کاربری نیاز ندارید. شهرداری ظرف یک ماه پاسخ می‌دهد.\n\n"
            "اگر گذرواژه را فراموش کرده‌اید\n"
            "روی «ورود» و سپس روی «گذرواژه‌ات را فراموش کرده‌ای؟» کلیک کنید. یک ایمیل دریافت می‌کنید. با آن "
            "ایمیل یک گذرواژهٔ جدید انتخاب می‌کنید."
        ),
    },
}
