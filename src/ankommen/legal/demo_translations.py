"""Translations of the demo town's legal pages (written with a machine's help, not reviewed).

Keys are the German texts of legal/demo.py and the accessibility statement's defaults, taken from
there so that they cannot drift; values map a language code to the text. Paragraphs and the heading
lines in them stay as in the German: the pages render them with `linebreaks`. Leichte Sprache keeps
the paragraphs, with one sentence per line inside them.
"""

from ankommen.legal.demo import (
    IMPRINT,
    NON_ACCESSIBLE,
    PRIVACY,
    PRIVACY_TEXT,
    STATEMENT,
    TERMS_1,
    TERMS_2,
    TERMS_2_CHANGES,
)
from ankommen.legal.models import ENFORCEMENT_BODY, ENFORCEMENT_TEXT

(
    (OLD_PDFS, _, OLD_PDFS_EXPLANATION, OLD_PDFS_ALTERNATIVE),
    (VIDEOS, _, VIDEOS_EXPLANATION, VIDEOS_ALTERNATIVE),
) = NON_ACCESSIBLE


def _paragraphs_of(whole, translations, part):
    """The translations of `part`, a text made of paragraphs of `whole`, cut from the translations of `whole`."""
    paragraphs = whole.split("\n\n")
    picked = [paragraphs.index(paragraph) for paragraph in part.split("\n\n")]
    return {
        language: "\n\n".join(text.split("\n\n")[index] for index in picked)
        for language, text in translations.items()
    }


# --- Impressum ------------------------------------------------------------------------------------

IMPRINT_TRANSLATIONS = {
    IMPRINT["body_name"]: {
        "de-simple": "Stadt Kornwestheim",
        "en": "City of Kornwestheim",
        "tr": "Kornwestheim Belediyesi",
        "ar": "مدينة كورنفستهايم",
        "uk": "Місто Корнвестгайм",
        "ru": "Город Корнвестхайм",
        "fa": "شهر کورنوستهایم",
    },
    IMPRINT["legal_form"]: {
        "de-simple": "Körperschaft des öffentlichen Rechts. Das ist ein Fach·wort. Es bedeutet: Die Stadt ist eine Behörde.",
        "en": "corporation under public law",
        "tr": "kamu hukuku tüzel kişisi",
        "ar": "هيئة اعتبارية خاضعة للقانون العام",
        "uk": "юридична особа публічного права",
        "ru": "публично-правовая корпорация",
        "fa": "شخص حقوقی حقوق عمومی",
    },
    IMPRINT["represented_by"]: {
        "de-simple": "Oberbürger·meisterin oder Oberbürger·meister. Das ist die Chefin oder der Chef von der Stadt.",
        "en": "Lord Mayor (Oberbürgermeisterin/Oberbürgermeister)",
        "tr": "Belediye Başkanı (Oberbürgermeisterin/Oberbürgermeister)",
        "ar": "رئيسة البلدية/رئيس البلدية (Oberbürgermeisterin/Oberbürgermeister)",
        "uk": "Обербургомістерка/обербургомістр (міська голова/міський голова)",
        "ru": "Обер-бургомистр (глава города)",
        "fa": "شهردار (Oberbürgermeisterin/Oberbürgermeister)",
    },
    IMPRINT["supervisory_authority"]: {
        "de-simple": "Regierungs·präsidium Stuttgart. Dieses Amt prüft: Hält sich die Stadt an die Gesetze?",
        "en": "Regierungspräsidium Stuttgart (Stuttgart Regional Council; legal supervision)",
        "tr": "Regierungspräsidium Stuttgart (Stuttgart Bölge Yönetimi; hukuki denetim)",
        "ar": "Regierungspräsidium Stuttgart (السلطة الإقليمية في شتوتغارت؛ الرقابة القانونية)",
        "uk": "Regierungspräsidium Stuttgart (Управління адміністративного округу Штутгарт; правовий нагляд)",
        "ru": "Regierungspräsidium Stuttgart (Управление административного округа Штутгарт; правовой надзор)",
        "fa": "Regierungspräsidium Stuttgart (ادارهٔ منطقه‌ای اشتوتگارت؛ نظارت حقوقی)",
    },
    IMPRINT["content_responsible"]: {
        "de-simple": "Integrations·beauftragte oder Integrations·beauftragter von der Stadt Kornwestheim",
        "en": "Integration Officer of the City of Kornwestheim",
        "tr": "Kornwestheim Belediyesi Entegrasyon Sorumlusu",
        "ar": "مفوّضة/مفوّض الاندماج في مدينة كورنفستهايم",
        "uk": "Уповноважена/уповноважений з питань інтеграції міста Корнвестгайм",
        "ru": "Уполномоченная/уполномоченный по вопросам интеграции города Корнвестхайм",
        "fa": "مسئول امور ادغام در شهرداری کورنوستهایم",
    },
    IMPRINT["notes"]: {
        "de-simple": """Das ist eine Demo von Ankommen.
Ankommen ist ein Programm für Dialog·plattformen.
Eine Demo ist zum Ausprobieren.
Alle Angaben hier sind nur Beispiele.
Die Telefon·nummern und E-Mail-Adressen gibt es nicht wirklich.

Links zu anderen Internet·seiten
Auf dieser Internet·seite gibt es Links zu anderen Internet·seiten.
Für die anderen Internet·seiten sind andere verantwortlich.
Nicht wir.
Vielleicht erfahren wir: Auf einer anderen Internet·seite steht etwas Verbotenes.
Dann löschen wir den Link.

Menschen schreiben hier Beiträge und Kommentare.
Darin steht ihre eigene Meinung.
Das ist nicht die Meinung von der Stadt.
Bei der Moderation arbeiten Menschen.
Sie achten auf die Regeln von der Dialog·plattform.
Die Regeln heißen: Nutzungs·bedingungen.
Ein Beitrag verstößt gegen die Regeln?
Dann blendet die Moderation den Beitrag aus.
Das heißt: Man sieht den Beitrag nicht mehr.""",
        "en": """This is a demo installation of Ankommen. All details are for illustration only; the phone numbers and e-mail addresses cannot be reached.

Liability for links: This platform contains links to third-party websites. Their respective providers alone are responsible for their content. If we become aware of unlawful content, we remove the link.

Contributions and comments reflect the opinions of the people who wrote them, not those of the city. The moderation team hides contributions that violate the terms of use.""",
        "tr": """Bu, Ankommen'in bir demo kurulumudur. Tüm bilgiler yalnızca örnek amaçlıdır; telefon numaralarına ve e-posta adreslerine ulaşılamaz.

Bağlantılara ilişkin sorumluluk: Bu platform üçüncü tarafların sayfalarına bağlantılar içerir. Bu sayfaların içeriklerinden yalnızca ilgili sağlayıcılar sorumludur. Hukuka aykırı bir içerikten haberdar olursak bağlantıyı kaldırırız.

Katkılar ve yorumlar, belediyenin değil, onları yazan kişilerin görüşlerini yansıtır. Moderasyon, kullanım koşullarını ihlal eden katkıları gizler.""",
        "ar": """هذه نسخة تجريبية من Ankommen. جميع البيانات هنا للتوضيح فقط؛ ولا يمكن الوصول إلى أرقام الهاتف وعناوين البريد الإلكتروني.

المسؤولية عن الروابط: تحتوي هذه المنصة على روابط إلى مواقع أطراف ثالثة. ويتحمّل مقدّمو هذه المواقع وحدهم المسؤولية عن محتواها. وإذا علمنا بوجود محتوى مخالف للقانون، نحذف الرابط.

تعبّر المساهمات والتعليقات عن آراء الأشخاص الذين كتبوها، لا عن رأي المدينة. ويُخفي فريق الإشراف المساهمات التي تخالف شروط الاستخدام.""",
        "uk": """Це демонстраційна інсталяція Ankommen. Усі дані наведено лише для прикладу; телефонні номери та адреси електронної пошти не працюють.

Відповідальність за посилання: Ця платформа містить посилання на сторінки третіх осіб. За їхній зміст відповідають виключно їхні власники. Якщо нам стане відомо про протиправний зміст, ми видалимо посилання.

Дописи й коментарі відображають думку людей, які їх написали, а не думку міста. Модерація приховує дописи, що порушують умови користування.""",
        "ru": """Это демонстрационная установка Ankommen. Все данные приведены только для примера; телефонные номера и адреса электронной почты не работают.

Ответственность за ссылки: Эта платформа содержит ссылки на сайты третьих лиц. За их содержание отвечают исключительно их владельцы. Если нам станет известно о противоправном содержании, мы удалим ссылку.

Записи и комментарии отражают мнение людей, которые их написали, а не мнение города. Модерация скрывает записи, нарушающие условия использования.""",
        "fa": """این یک نسخهٔ نمایشی (دمو) از Ankommen است. همهٔ اطلاعات فقط برای نمونه است؛ شماره‌تلفن‌ها و نشانی‌های ایمیل واقعی نیستند و پاسخ نمی‌دهند.

مسئولیت پیوندها: این پلتفرم پیوندهایی به صفحه‌های اشخاص ثالث دارد. مسئولیت محتوای آن صفحه‌ها فقط با ارائه‌دهندگان آن‌هاست. اگر از محتوای غیرقانونی باخبر شویم، پیوند را حذف می‌کنیم.

مطالب و نظرها بیانگر دیدگاه کسانی است که آن‌ها را نوشته‌اند، نه دیدگاه شهر. بخش نظارت مطالبی را که شرایط استفاده را نقض کنند پنهان می‌کند.""",
    },
}

# --- Datenschutzerklärung -------------------------------------------------------------------------

PRIVACY_TRANSLATIONS = {
    PRIVACY["officer_name"]: {
        "de-simple": "Datenschutz·beauftragte oder Datenschutz·beauftragter von der Stadt Kornwestheim",
        "en": "Data Protection Officer of the City of Kornwestheim",
        "tr": "Kornwestheim Belediyesi Veri Koruma Görevlisi",
        "ar": "مسؤولة/مسؤول حماية البيانات في مدينة كورنفستهايم",
        "uk": "Уповноважена/уповноважений із захисту даних міста Корнвестгайм",
        "ru": "Уполномоченная/уполномоченный по защите данных города Корнвестхайм",
        "fa": "مسئول حفاظت از داده‌ها در شهرداری کورنوستهایم",
    },
    PRIVACY_TEXT: {
        "de-simple": """Die Dialog·plattform ist diese Internet·seite.
Hier sprechen Menschen über Integration in Kornwestheim.
Daten sind Angaben über Sie.
Zum Beispiel: Ihre E-Mail-Adresse.
Wir passen gut auf Ihre Daten auf.
Hier steht:
Welche Daten benutzt die Dialog·plattform?
Wofür braucht sie die Daten?
Wie lange speichert sie die Daten?

Warum wir Daten benutzen dürfen
Die Stadt hat die Dialog·plattform gemacht.
Hier können die Menschen in Kornwestheim bei der Integration mit·reden.
Das ist eine Aufgabe für alle Menschen in der Stadt.
Darum darf die Stadt dafür Daten benutzen.
So steht es im Gesetz:
in der Datenschutz-Grund·verordnung, Artikel 6 Absatz 1 Buchstabe e.
Die Datenschutz-Grund·verordnung ist ein Gesetz von der Europäischen Union.
Und im Landes·datenschutz·gesetz Baden-Württemberg, Paragraf 4.
Sie wollen ein Konto?
Oder Sie wollen etwas schreiben?
Dann brauchen wir Ihre Daten.
Sie möchten das.
Darum dürfen wir Ihre Daten dafür benutzen.
So steht es in der Datenschutz-Grund·verordnung, Artikel 6 Absatz 1 Buchstabe b.

Wenn Sie nur lesen
Sie können alle Seiten ohne Konto lesen.
Auch dann speichert unser Server ein paar Angaben.
Ein Server ist ein Computer im Internet.
Auf ihm ist die Dialog·plattform.
Der Server speichert bei jeder Seite:
Wann haben Sie die Seite geöffnet?
Welche Seite war das?
Und Ihre IP-Adresse.
Die IP-Adresse ist eine Nummer.
Jedes Gerät im Internet hat so eine Nummer.
Zum Beispiel Ihr Handy oder Ihr Computer.
Der Server speichert diese Angaben höchstens 7 Tage.
Wir brauchen die Angaben für die Sicherheit:
Wir wollen Angriffe abwehren.
Und wir wollen Fehler finden.
Ein Cookie ist eine kleine Datei.
Eine Internet·seite speichert sie auf Ihrem Gerät.
Wir benutzen keine Cookies für Werbung.
Wir benutzen auch keine Cookies, die zählen: Was machen Sie auf der Seite?
Wir zeigen keine Inhalte von anderen Firmen.
Die Schriften und die Videos kommen von unserem eigenen Server.

Konto und Beiträge
Mit einem Konto können Sie mit·machen.
Für ein Konto speichern wir:
Ihre E-Mail-Adresse.
Ihren Anzeige·namen. Diesen Namen sehen die anderen.
Ihre Rolle. Die Rolle sagt: Das dürfen Sie auf der Dialog·plattform machen.
Sie schreiben einen Beitrag oder einen Kommentar?
Oder Sie unterstützen einen Beitrag?
Dann steht Ihr Anzeige·name dabei.
Wir benutzen 2 Cookies:
Ein Cookie sorgt dafür: Sie bleiben angemeldet.
Das andere Cookie schützt die Formulare vor Miss·brauch.
Ohne diese 2 Cookies funktioniert die Dialog·plattform nicht.
Sie können Ihr Konto jederzeit löschen lassen.
Ihre Beiträge bleiben dann auf der Dialog·plattform.
Aber Ihr Name steht nicht mehr dabei.

Barrieren melden
Eine Barriere ist ein Hindernis.
Zum Beispiel: Sie können einen Text nicht lesen.
Sie können uns eine Barriere melden.
Dann speichern wir Ihre Nachricht.
Ihren Namen müssen Sie nicht sagen.
Ihre E-Mail-Adresse müssen Sie auch nicht sagen.
Sie sagen uns Ihren Namen und Ihre E-Mail-Adresse?
Dann benutzen wir sie nur für unsere Antwort an Sie.

Wer Ihre Daten bekommt
Nur die Stadt·verwaltung benutzt Ihre Daten.
Die Server von der Dialog·plattform stehen in Deutschland.
Wir geben Ihre Daten an niemanden weiter.
Nur wenn ein Gesetz es verlangt.

Ihre Rechte
Sie haben diese Rechte:
Sie dürfen fragen: Welche Daten haben Sie über mich? Das steht in Artikel 15 der Datenschutz-Grund·verordnung.
Sie dürfen falsche Daten richtig·stellen lassen. Das steht in Artikel 16.
Sie dürfen Ihre Daten löschen lassen. Das steht in Artikel 17.
Sie dürfen verlangen: Die Stadt soll Ihre Daten nur noch aufheben und nicht mehr benutzen. Das steht in Artikel 18.
Sie dürfen sagen: Ich will nicht, dass Sie meine Daten benutzen. Das steht in Artikel 21.
Dafür schreiben Sie an die Datenschutz·beauftragte oder den Datenschutz·beauftragten von der Stadt.
Diese Person passt bei der Stadt auf den Datenschutz auf.
Sie können sich auch beschweren.
Und zwar beim Landes·beauftragten für den Datenschutz und die Informations·freiheit Baden-Württemberg.
Dieses Amt passt in ganz Baden-Württemberg auf den Datenschutz auf.

Das ist eine Demo.
Der Text ist ein Beispiel.
Er zeigt: So kann eine Datenschutz·erklärung aussehen.
Die Stadt muss ihren Text aber selbst prüfen.""",
        "en": """We take the protection of your data seriously. Here you can find out which data the dialogue platform processes, for what purpose and for how long.

Purpose and legal basis
The city runs the dialogue platform to involve its citizens in its integration work. This is a task carried out in the public interest (Art. 6(1)(e) GDPR in conjunction with § 4 of the Baden-Württemberg State Data Protection Act, Landesdatenschutzgesetz). For an account and for your contributions, we process data because you ask us to (Art. 6(1)(b) GDPR).

Reading without an account
If you only read the pages, the server stores technical details of each request for no more than 7 days: the time, the address requested and your IP address. We need them to fend off attacks and to find errors. We do not use cookies for analytics or advertising, and we do not embed content from other providers; fonts and videos come from our own server.

Account and contributions
For an account, we store your e-mail address, your display name and your role. Your contributions, comments and supports appear with your display name. One cookie keeps you logged in; another protects forms against misuse. Both are technically necessary. You can have your account deleted at any time; your contributions then remain, without your name.

Barrier reports
If you report a barrier, we store your message. Your name and e-mail address are optional; we use them only to reply to you.

Recipients
Only the city administration processes your data. The platform runs on servers in Germany. We do not pass any data on to third parties unless a law requires us to.

Your rights
You have the right of access (Art. 15 GDPR), to rectification (Art. 16), to erasure (Art. 17), to restriction of processing (Art. 18) and to object (Art. 21). To exercise them, contact the city's data protection officer. You can also lodge a complaint with the State Commissioner for Data Protection and Freedom of Information of Baden-Württemberg (Landesbeauftragter für den Datenschutz und die Informationsfreiheit).

This is a demo installation: the text shows what a privacy notice can look like and does not replace a review by the city.""",
        "tr": """Verilerinizin korunmasını ciddiye alıyoruz. Burada diyalog platformunun hangi verileri, hangi amaçla ve ne kadar süreyle işlediğini öğrenebilirsiniz.

Amaç ve hukuki dayanak
Belediye, diyalog platformunu kent sakinlerini entegrasyon çalışmalarına katmak için işletir. Bu, kamu yararına yürütülen bir görevdir (Genel Veri Koruma Tüzüğü (GDPR) madde 6 fıkra 1 bent e ile bağlantılı olarak Baden-Württemberg Eyalet Veri Koruma Yasası (Landesdatenschutzgesetz) § 4). Hesabınız ve katkılarınız için verileri, bunu bizden siz istediğiniz için işleriz (GDPR madde 6 fıkra 1 bent b).

Hesap olmadan okuma
Sayfaları yalnızca okursanız sunucu, her erişime ilişkin teknik bilgileri en fazla 7 gün saklar: zaman, açılan adres ve IP adresiniz. Bu bilgilere saldırıları önlemek ve hataları bulmak için ihtiyaç duyarız. Analiz veya reklam amaçlı çerez kullanmayız ve başka sağlayıcıların içeriklerini sayfalara yerleştirmeyiz; yazı tipleri ve videolar kendi sunucumuzdan gelir.

Hesap ve katkılar
Bir hesap için e-posta adresinizi, görünen adınızı ve rolünüzü saklarız. Katkılarınız, yorumlarınız ve destekleriniz görünen adınızla birlikte görünür. Bir çerez oturumunuzun açık kalmasını sağlar; bir diğeri formları kötüye kullanıma karşı korur. Her ikisi de teknik olarak gereklidir. Hesabınızı istediğiniz zaman sildirebilirsiniz; katkılarınız bu durumda adınız olmadan yerinde kalır.

Engel bildirimleri
Bir engel bildirdiğinizde mesajınızı saklarız. Ad ve e-posta adresi vermek isteğe bağlıdır; bunları yalnızca size yanıt vermek için kullanırız.

Alıcılar
Verilerinizi yalnızca belediye yönetimi işler. Platform Almanya'daki sunucularda çalışır. Bir yasa bizi zorunlu kılmadıkça verileri üçüncü kişilere aktarmayız.

Haklarınız
Bilgi edinme (GDPR madde 15), düzeltme (madde 16), silme (madde 17), işlemenin kısıtlanması (madde 18) ve itiraz (madde 21) haklarına sahipsiniz. Bunun için belediyenin veri koruma görevlisine başvurun. Ayrıca Baden-Württemberg Eyaleti Veri Koruma ve Bilgi Edinme Özgürlüğü Sorumlusuna (Landesbeauftragter für den Datenschutz und die Informationsfreiheit Baden-Württemberg) şikâyette bulunabilirsiniz.

Bu bir demo kurulumudur: Metin, bir gizlilik bildiriminin nasıl görünebileceğini gösterir ve belediyenin yapacağı bir incelemenin yerini tutmaz.""",
        "ar": """نحن نأخذ حماية بياناتك على محمل الجد. ستعرف هنا ما البيانات التي تعالجها منصة الحوار، ولأي غرض، ولأي مدة.

الغرض والأساس القانوني
تشغّل المدينة منصة الحوار لإشراك المواطنات والمواطنين في العمل على الاندماج. وهذه مهمة تُؤدّى للمصلحة العامة (المادة 6، الفقرة 1، البند e من اللائحة العامة لحماية البيانات GDPR، بالاقتران مع § 4 من قانون حماية البيانات في ولاية بادن-فورتمبيرغ Landesdatenschutzgesetz). ونعالج البيانات اللازمة لحسابك ولمساهماتك لأنك تطلب منا ذلك (المادة 6، الفقرة 1، البند b من اللائحة العامة لحماية البيانات).

القراءة دون حساب
إذا كنت تقرأ الصفحات فقط، يحفظ الخادم بيانات تقنية عن كل زيارة لمدة أقصاها 7 أيام: الوقت، والعنوان الذي فتحته، وعنوان IP الخاص بك. نحتاج إلى هذه البيانات لصدّ الهجمات ولاكتشاف الأخطاء. لا نستخدم ملفات تعريف الارتباط (الكوكيز) للتحليل أو للإعلان، ولا ندمج محتوى من مزوّدين آخرين؛ فالخطوط ومقاطع الفيديو تأتي من خادمنا الخاص.

الحساب والمساهمات
للحساب نحفظ عنوان بريدك الإلكتروني واسمك الظاهر ودورك. وتظهر مساهماتك وتعليقاتك ودعمك للمساهمات مع اسمك الظاهر. يُبقيك أحد ملفات تعريف الارتباط مسجّلًا للدخول، ويحمي ملف آخر النماذج من إساءة الاستخدام. وكلاهما ضروري من الناحية التقنية. يمكنك أن تطلب حذف حسابك في أي وقت؛ وعندها تبقى مساهماتك منشورة دون اسمك.

بلاغات العوائق
إذا أبلغت عن عائق، نحفظ رسالتك. ذكر الاسم وعنوان البريد الإلكتروني اختياري؛ ولا نستخدمهما إلا للرد عليك.

الجهات المتلقية
تعالج بياناتك إدارةُ المدينة وحدها. تعمل المنصة على خوادم في ألمانيا. لا نعطي أي بيانات لأطراف ثالثة، إلا إذا ألزمنا القانون بذلك.

حقوقك
لك الحق في الاطلاع على بياناتك (المادة 15 من اللائحة العامة لحماية البيانات)، وفي تصحيحها (المادة 16)، وفي حذفها (المادة 17)، وفي تقييد معالجتها (المادة 18)، وفي الاعتراض على معالجتها (المادة 21). ولممارسة هذه الحقوق توجّه إلى مسؤولة أو مسؤول حماية البيانات في المدينة. ويمكنك أيضًا تقديم شكوى إلى مفوّض حماية البيانات وحرية المعلومات في ولاية بادن-فورتمبيرغ (Landesbeauftragter für den Datenschutz und die Informationsfreiheit Baden-Württemberg).

هذه نسخة تجريبية: يوضّح النص كيف يمكن أن يبدو إشعار الخصوصية، ولا يغني عن مراجعة المدينة له.""",
        "uk": """Ми серйозно ставимося до захисту Ваших даних. Тут Ви дізнаєтеся, які дані обробляє платформа діалогу, з якою метою і як довго.

Мета та правова підстава
Місто керує платформою діалогу, щоб залучати мешканок і мешканців до роботи з інтеграції. Це завдання, що виконується в суспільних інтересах (ст. 6(1)(e) Загального регламенту ЄС про захист даних (GDPR) у поєднанні з § 4 Закону землі Баден-Вюртемберг про захист даних (Landesdatenschutzgesetz)). Для облікового запису та Ваших дописів ми обробляємо дані, бо Ви нас про це просите (ст. 6(1)(b) GDPR).

Читання без облікового запису
Якщо Ви лише читаєте сторінки, сервер зберігає технічні дані про кожен запит не довше 7 днів: час, відкриту адресу та Вашу IP-адресу. Вони потрібні нам, щоб відбивати атаки й знаходити помилки. Ми не використовуємо файли cookie для аналітики чи реклами і не вбудовуємо вміст інших постачальників; шрифти й відео надходять з нашого власного сервера.

Обліковий запис і дописи
Для облікового запису ми зберігаємо Вашу адресу електронної пошти, Ваше відображуване ім’я та Вашу роль. Ваші дописи, коментарі та голоси підтримки показуються з Вашим відображуваним ім’ям. Один файл cookie зберігає Ваш вхід у систему; інший захищає форми від зловживань. Обидва технічно необхідні. Ви можете будь-коли попросити видалити Ваш обліковий запис; тоді Ваші дописи залишаться, але без Вашого імені.

Повідомлення про бар’єри
Якщо Ви повідомляєте про бар’єр, ми зберігаємо Ваше повідомлення. Ім’я та адресу електронної пошти вказувати не обов’язково; ми використовуємо їх лише для того, щоб Вам відповісти.

Одержувачі
Ваші дані обробляє лише міська адміністрація. Платформа працює на серверах у Німеччині. Ми не передаємо дані третім особам, крім випадків, коли цього вимагає закон.

Ваші права
Ви маєте право на доступ до інформації (ст. 15 GDPR), виправлення (ст. 16), видалення (ст. 17), обмеження обробки (ст. 18) та заперечення (ст. 21). Для цього зверніться до уповноваженої або уповноваженого із захисту даних міста. Ви також можете подати скаргу Уповноваженому із захисту даних і свободи інформації землі Баден-Вюртемберг (Landesbeauftragter für den Datenschutz und die Informationsfreiheit Baden-Württemberg).

Це демонстраційна інсталяція: текст показує, яким може бути повідомлення про захист даних, і не замінює перевірки з боку міста.""",
        "ru": """Мы серьёзно относимся к защите Ваших данных. Здесь Вы узнаете, какие данные обрабатывает платформа диалога, для чего и как долго.

Цель и правовое основание
Город ведёт платформу диалога, чтобы привлекать жительниц и жителей к работе по интеграции. Это задача, выполняемая в общественных интересах (ст. 6(1)(e) Общего регламента ЕС по защите данных (GDPR) в сочетании с § 4 Закона земли Баден-Вюртемберг о защите данных (Landesdatenschutzgesetz)). Для учётной записи и Ваших записей на платформе мы обрабатываем данные, потому что Вы нас об этом просите (ст. 6(1)(b) GDPR).

Чтение без учётной записи
Если Вы только читаете страницы, сервер хранит технические сведения о каждом запросе не дольше 7 дней: время, открытый адрес и Ваш IP-адрес. Они нужны нам, чтобы отражать атаки и находить ошибки. Мы не используем файлы cookie для аналитики или рекламы и не встраиваем содержимое других поставщиков; шрифты и видео загружаются с нашего собственного сервера.

Учётная запись и Ваши записи
Для учётной записи мы храним Ваш адрес электронной почты, Ваше отображаемое имя и Вашу роль. Ваши записи, комментарии и голоса поддержки показываются с Вашим отображаемым именем. Один файл cookie сохраняет Ваш вход в систему; другой защищает формы от злоупотреблений. Оба технически необходимы. Вы можете в любое время попросить удалить Вашу учётную запись; тогда Ваши записи останутся, но без Вашего имени.

Сообщения о барьерах
Если Вы сообщаете о барьере, мы сохраняем Ваше сообщение. Указывать имя и адрес электронной почты необязательно; мы используем их только для того, чтобы Вам ответить.

Получатели
Ваши данные обрабатывает только городская администрация. Платформа работает на серверах в Германии. Мы не передаём данные третьим лицам, кроме случаев, когда этого требует закон.

Ваши права
Вы имеете право на получение информации (ст. 15 GDPR), исправление (ст. 16), удаление (ст. 17), ограничение обработки (ст. 18) и возражение (ст. 21). Для этого обратитесь к уполномоченной или уполномоченному по защите данных города. Вы также можете подать жалобу Уполномоченному по защите данных и свободе информации земли Баден-Вюртемберг (Landesbeauftragter für den Datenschutz und die Informationsfreiheit Baden-Württemberg).

Это демонстрационная установка: текст показывает, как может выглядеть уведомление о защите данных, и не заменяет проверку со стороны города.""",
        "fa": """ما حفاظت از داده‌های شما را جدی می‌گیریم. در اینجا می‌خوانید که پلتفرم گفت‌وگو چه داده‌هایی را، برای چه هدفی و تا چه مدت پردازش می‌کند.

هدف و مبنای قانونی
شهر پلتفرم گفت‌وگو را اداره می‌کند تا شهروندان را در کار ادغام مشارکت دهد. این وظیفه‌ای در راستای منافع عمومی است (ماده ۶، بند ۱، جزء e مقررات عمومی حفاظت از داده‌ها (GDPR)، همراه با § 4 قانون حفاظت از داده‌های ایالت بادن-وورتمبرگ (Landesdatenschutzgesetz)). برای حساب کاربری و مطالب شما، داده‌ها را پردازش می‌کنیم، چون خودتان این را از ما خواسته‌اید (ماده ۶، بند ۱، جزء b مقررات عمومی حفاظت از داده‌ها).

خواندن بدون حساب کاربری
اگر فقط صفحه‌ها را بخوانید، سرور اطلاعات فنی هر بازدید را حداکثر ۷ روز نگه می‌دارد: زمان، نشانی صفحهٔ بازشده و نشانی IP شما. به این اطلاعات نیاز داریم تا حمله‌ها را دفع کنیم و خطاها را پیدا کنیم. از کوکی برای تحلیل یا تبلیغات استفاده نمی‌کنیم و محتوای ارائه‌دهندگان دیگر را در صفحه‌ها جای نمی‌دهیم؛ قلم‌ها و ویدیوها از سرور خود ما می‌آیند.

حساب کاربری و مطالب
برای حساب کاربری، نشانی ایمیل، نام نمایشی و نقش شما را ذخیره می‌کنیم. مطالب، نظرها و حمایت‌های شما با نام نمایشی‌تان نشان داده می‌شوند. یک کوکی شما را وارد سیستم نگه می‌دارد؛ کوکی دیگری از فرم‌ها در برابر سوءاستفاده محافظت می‌کند. هر دو از نظر فنی ضروری‌اند. هر زمان بخواهید می‌توانید درخواست کنید حساب کاربری‌تان حذف شود؛ در این صورت مطالب شما بدون نامتان باقی می‌مانند.

گزارش‌های موانع دسترسی
اگر مانعی را گزارش دهید، پیام شما را ذخیره می‌کنیم. وارد کردن نام و نشانی ایمیل اختیاری است؛ از آن‌ها فقط برای پاسخ دادن به شما استفاده می‌کنیم.

دریافت‌کنندگان
داده‌های شما را فقط شهرداری پردازش می‌کند. پلتفرم روی سرورهایی در آلمان اجرا می‌شود. ما هیچ داده‌ای را به اشخاص ثالث نمی‌دهیم، مگر اینکه قانون ما را به این کار ملزم کند.

حقوق شما
شما حق دسترسی به اطلاعات (ماده ۱۵ GDPR)، اصلاح (ماده ۱۶)، حذف (ماده ۱۷)، محدودسازی پردازش (ماده ۱۸) و اعتراض (ماده ۲۱) را دارید. برای این کار به مسئول حفاظت از داده‌های شهرداری مراجعه کنید. همچنین می‌توانید نزد مأمور حفاظت از داده‌ها و آزادی اطلاعات ایالت بادن-وورتمبرگ (Landesbeauftragter für den Datenschutz und die Informationsfreiheit Baden-Württemberg) شکایت کنید.

این یک نسخهٔ نمایشی است: این متن نشان می‌دهد که یک بیانیهٔ حریم خصوصی چگونه می‌تواند باشد و جای بررسی آن توسط شهر را نمی‌گیرد.""",
    },
}

# --- Nutzungsbedingungen: the first version's paragraphs are all in the second ---------------------

TERMS_2_TRANSLATIONS = {
    "de-simple": """Die Dialog·plattform ist ein Ort für Gespräche.
Hier sprechen Menschen über Integration in Kornwestheim.
Alle sollen dabei freundlich sein.
Sie haben ein Konto?
Dann sagen Sie damit: Ich halte mich an diese Regeln.

Respekt
Wir sind freundlich zueinander.
Alle Menschen sind gleich viel wert.
Das ist hier verboten:
Andere beleidigen.
Anderen drohen.
Menschen benachteiligen. Zum Beispiel wegen ihrer Herkunft oder ihrer Religion.
Gegen Menschen oder Gruppen hetzen. Das heißt: Schlecht über sie reden, damit andere sie auch hassen.

Beim Thema bleiben
Auf der Dialog·plattform gibt es Handlungs·felder.
Ein Handlungs·feld ist ein Thema.
Jedes Handlungs·feld hat Stufen.
Ein Beitrag oder Kommentar muss zum Handlungs·feld und zur Stufe passen.
Werbung ist verboten.
Auch Werbung für Parteien ist verboten.

Verständlich schreiben
Viele Menschen hier lernen noch Deutsch.
Schreiben Sie darum kurze Sätze.
Erklären Sie Abkürzungen.
Eine Abkürzung ist ein kurzes Wort für ein langes Wort. Zum Beispiel: z. B. heißt zum Beispiel.
Sie dürfen auch in Ihrer Sprache schreiben.
Die Dialog·plattform kann Beiträge übersetzen lassen.

Die Daten von anderen schützen
Schreiben Sie keine Namen von anderen Menschen.
Schreiben Sie keine Adressen von anderen Menschen.
Zeigen Sie keine Fotos von anderen Menschen.
Außer: Die Menschen haben es erlaubt.

Melden
Sie finden einen Beitrag nicht in Ordnung?
Dann melden Sie den Beitrag.
Die Moderation schaut sich jede Meldung an.

Moderation
Bei der Moderation arbeiten Menschen.
Sie achten auf die Regeln.
Manche Beiträge verstoßen gegen die Regeln.
Dann blendet die Moderation diese Beiträge aus.
Das heißt: Man sieht den Beitrag nicht mehr.
An seiner Stelle steht dann der Grund.
Den Grund können alle lesen.
Verstößt jemand immer wieder gegen die Regeln?
Dann kann die Stadt sein Konto sperren.""",
    "en": """The dialogue platform is a place for a respectful exchange about integration in Kornwestheim. With your account, you agree to these rules.

Respect
We treat each other kindly and as equals. Insults, threats, discrimination and hate speech against people or groups have no place here.

Stay on topic
Contributions and comments belong to the field of action and the stage in which they are posted. Advertising and party-political campaigning are not allowed.

Write clearly
Many people here are still learning German. Write short sentences and explain abbreviations. You may also write in your own language; the platform can have contributions translated.

Protect other people's data
Do not post names, addresses or photos of other people without their consent.

Report
If you think a contribution is inappropriate, report it. The moderation team looks at every report.

Moderation
The moderation team hides contributions that break these rules. In their place, the reason is then shown for everyone to see. In case of repeated violations, the city can block an account.""",
    "tr": """Diyalog platformu, Kornwestheim'da entegrasyon üzerine saygılı bir fikir alışverişi için bir yerdir. Hesabınızla bu kuralları kabul etmiş olursunuz.

Saygı
Birbirimize nazik ve eşit düzeyde davranırız. Kişilere veya gruplara yönelik hakaret, tehdit, ayrımcılık ve nefret söyleminin burada yeri yoktur.

Konuda kalmak
Katkılar ve yorumlar, içinde yer aldıkları eylem alanına ve aşamaya uygun olmalıdır. Reklam ve parti propagandası yasaktır.

Anlaşılır yazmak
Buradaki birçok kişi hâlâ Almanca öğreniyor. Kısa cümleler yazın ve kısaltmaları açıklayın. Kendi dilinizde de yazabilirsiniz; platform katkıları çevirtebilir.

Başkalarının verilerini korumak
Başka kişilerin adlarını, adreslerini veya fotoğraflarını onların izni olmadan paylaşmayın.

Bildirmek
Bir katkıyı uygunsuz bulursanız bildirin. Moderasyon her bildirimi inceler.

Moderasyon
Moderasyon, bu kuralları ihlal eden katkıları gizler. Bu durumda katkının yerinde, herkesin görebileceği şekilde gerekçe yer alır. Kurallar tekrar tekrar ihlal edilirse belediye bir hesabı engelleyebilir.""",
    "ar": """منصة الحوار مكان لتبادل الآراء باحترام حول الاندماج في كورنفستهايم. وبإنشاء حسابك توافق على هذه القواعد.

الاحترام
نتعامل مع بعضنا بلطف وعلى قدم المساواة. لا مكان هنا للإهانات والتهديدات والتمييز والتحريض ضد الأشخاص أو الجماعات.

الالتزام بالموضوع
تنتمي المساهمات والتعليقات إلى مجال العمل والمرحلة اللذين نُشرت فيهما. الإعلانات والدعاية الحزبية غير مسموح بها.

الكتابة بوضوح
كثير من الناس هنا ما زالوا يتعلمون الألمانية. اكتب جملًا قصيرة واشرح الاختصارات. ويمكنك أيضًا أن تكتب بلغتك؛ فالمنصة تستطيع أن تطلب ترجمة المساهمات.

حماية بيانات الآخرين
لا تكتب أسماء أشخاص آخرين أو عناوينهم ولا تنشر صورهم دون موافقتهم.

الإبلاغ
إذا رأيت أن مساهمة ما غير لائقة، فأبلغ عنها. ينظر فريق الإشراف في كل بلاغ.

الإشراف
يُخفي فريق الإشراف المساهمات التي تخالف هذه القواعد. وعندها يظهر في مكانها السبب، ويستطيع الجميع رؤيته. وفي حال تكرار المخالفات يمكن للمدينة أن توقف الحساب.""",
    "uk": """Платформа діалогу — це місце для шанобливого обміну думками про інтеграцію в Корнвестгаймі. Маючи обліковий запис, Ви погоджуєтеся з цими правилами.

Повага
Ми ставимося одне до одного доброзичливо і на рівних. Образам, погрозам, дискримінації та розпалюванню ворожнечі проти людей чи груп тут не місце.

Дотримуватися теми
Дописи й коментарі мають стосуватися сфери дій та етапу, в яких вони розміщені. Реклама та партійна агітація заборонені.

Писати зрозуміло
Багато людей тут ще вивчають німецьку. Пишіть короткими реченнями й пояснюйте скорочення. Ви можете писати й своєю мовою; платформа може замовити переклад дописів.

Захищати дані інших
Не публікуйте імена, адреси чи фото інших людей без їхньої згоди.

Повідомляти
Якщо Ви вважаєте допис неприйнятним, повідомте про нього. Модерація розглядає кожне повідомлення.

Модерація
Модерація приховує дописи, що порушують ці правила. Тоді на їхньому місці всім видно причину. У разі повторних порушень місто може заблокувати обліковий запис.""",
    "ru": """Платформа диалога — это место для уважительного обмена мнениями об интеграции в Корнвестхайме. Имея учётную запись, Вы соглашаетесь с этими правилами.

Уважение
Мы относимся друг к другу доброжелательно и на равных. Оскорблениям, угрозам, дискриминации и разжиганию ненависти против людей или групп здесь не место.

Не отклоняться от темы
Записи и комментарии должны относиться к сфере действий и этапу, в которых они размещены. Реклама и партийная агитация запрещены.

Писать понятно
Многие люди здесь ещё учат немецкий. Пишите короткими предложениями и объясняйте сокращения. Вы можете писать и на своём языке; платформа может заказать перевод записей.

Защищать данные других
Не публикуйте имена, адреса или фотографии других людей без их согласия.

Сообщать
Если Вы считаете запись неуместной, сообщите о ней. Модерация рассматривает каждое сообщение.

Модерация
Модерация скрывает записи, нарушающие эти правила. Тогда на их месте всем видна причина. При повторных нарушениях город может заблокировать учётную запись.""",
    "fa": """پلتفرم گفت‌وگو جایی برای تبادل نظر محترمانه دربارهٔ ادغام در کورنوستهایم است. با داشتن حساب کاربری، این قوانین را می‌پذیرید.

احترام
با یکدیگر مهربان و برابر رفتار می‌کنیم. توهین، تهدید، تبعیض و نفرت‌پراکنی علیه افراد یا گروه‌ها در اینجا جایی ندارد.

ماندن در موضوع
مطالب و نظرها باید به حوزهٔ اقدام و مرحله‌ای مربوط باشند که در آن قرار دارند. تبلیغات تجاری و تبلیغات حزبی مجاز نیست.

قابل‌فهم نوشتن
بسیاری از افراد در اینجا هنوز زبان آلمانی یاد می‌گیرند. جمله‌های کوتاه بنویسید و اختصارها را توضیح دهید. می‌توانید به زبان خودتان هم بنویسید؛ پلتفرم می‌تواند ترجمهٔ مطالب را درخواست کند.

محافظت از داده‌های دیگران
نام، نشانی یا عکس افراد دیگر را بدون رضایت آن‌ها منتشر نکنید.

گزارش دادن
اگر مطلبی را نامناسب می‌دانید، آن را گزارش دهید. بخش نظارت هر گزارشی را بررسی می‌کند.

نظارت
بخش نظارت مطالبی را که این قوانین را نقض کنند پنهان می‌کند. در این صورت، به جای آن مطلب دلیلش برای همه نمایش داده می‌شود. در صورت تخلف‌های مکرر، شهر می‌تواند حساب کاربری را مسدود کند.""",
}

TERMS_TRANSLATIONS = {
    TERMS_2: TERMS_2_TRANSLATIONS,
    TERMS_1: _paragraphs_of(TERMS_2, TERMS_2_TRANSLATIONS, TERMS_1),
    TERMS_2_CHANGES: {
        "de-simple": "Das ist neu: Schreiben Sie so, dass alle es verstehen. Sie dürfen in Ihrer eigenen Sprache schreiben. Sie können Beiträge melden.",
        "en": "New: writing clearly, contributions in your own language and reporting contributions.",
        "tr": "Yeni: anlaşılır yazmak, kendi dilinde katkılar ve katkıları bildirmek.",
        "ar": "جديد: الكتابة بوضوح، والمساهمات بلغة الكاتب، والإبلاغ عن المساهمات.",
        "uk": "Нове: писати зрозуміло, дописи власною мовою та повідомлення про дописи.",
        "ru": "Новое: писать понятно, записи на своём языке и сообщения о записях.",
        "fa": "تازه‌ها: قابل‌فهم نوشتن، نوشتن مطالب به زبان خود و گزارش دادن مطالب.",
    },
}

# --- Erklärung zur Barrierefreiheit ---------------------------------------------------------------

ACCESSIBILITY_TRANSLATIONS = {
    STATEMENT["contact_name"]: {
        "de-simple": "Beauftragte oder Beauftragter für Menschen mit Behinderungen von der Stadt Kornwestheim",
        "en": "Commissioner for the Concerns of People with Disabilities of the City of Kornwestheim",
        "tr": "Kornwestheim Belediyesi Engelli Kişilerin Hakları Sorumlusu",
        "ar": "مفوّضة/مفوّض شؤون الأشخاص ذوي الإعاقة في مدينة كورنفستهايم",
        "uk": "Уповноважена/уповноважений з питань людей з інвалідністю міста Корнвестгайм",
        "ru": "Уполномоченная/уполномоченный по делам людей с инвалидностью города Корнвестхайм",
        "fa": "مسئول امور افراد دارای معلولیت در شهرداری کورنوستهایم",
    },
    ENFORCEMENT_BODY: {
        "de-simple": "Schlichtungs·stelle bei der Landes·behinderten·beauftragten von Baden-Württemberg",
        "en": "Conciliation body under § 15 L-BGG at the office of the State Commissioner for People with Disabilities (Landes-Behindertenbeauftragte)",
        "tr": "Eyalet Engelli Hakları Sorumlusu (Landes-Behindertenbeauftragte) bünyesinde § 15 L-BGG uyarınca uzlaştırma kurumu",
        "ar": "هيئة التوفيق وفق § 15 L-BGG لدى مفوّضة الولاية لشؤون الأشخاص ذوي الإعاقة (Landes-Behindertenbeauftragte)",
        "uk": "Примирювальний орган згідно з § 15 L-BGG при Уповноваженій землі з питань людей з інвалідністю (Landes-Behindertenbeauftragte)",
        "ru": "Примирительный орган согласно § 15 L-BGG при Уполномоченной земли по делам людей с инвалидностью (Landes-Behindertenbeauftragte)",
        "fa": "مرجع سازش طبق § 15 L-BGG نزد مسئول امور افراد دارای معلولیت ایالت (Landes-Behindertenbeauftragte)",
    },
    ENFORCEMENT_TEXT: {
        "de-simple": """Sie haben uns etwas mitgeteilt oder gefragt.
Sie haben keine Antwort bekommen?
Oder Sie sind mit der Antwort nicht zufrieden?
Dann können Sie sich an die Schlichtungs·stelle wenden.
Das steht im Landes·behinderten·gleichstellungs·gesetz, Paragraf 15.
Die Schlichtungs·stelle hilft bei Streit über Barriere·freiheit.
Barriere·freiheit heißt: Alle Menschen können etwas gut benutzen.
Auch Menschen mit Behinderungen.
Es geht um Streit zwischen Menschen mit Behinderungen und Ämtern in Baden-Württemberg.
Die Schlichtungs·stelle hilft: Beide Seiten sollen sich einigen.
Dafür müssen sie nicht vor Gericht gehen.

Die Schlichtung kostet nichts.
Sie brauchen dafür keine Anwältin und keinen Anwalt.""",
        "en": """If you have not received a satisfactory answer to your message or request, you can contact the conciliation body under § 15 L-BGG (Baden-Württemberg State Act on Equal Opportunities for People with Disabilities). Its task is to support an out-of-court settlement of disputes about accessibility between people with disabilities and public bodies of the State of Baden-Württemberg.

The conciliation procedure is free of charge. You do not need a lawyer for it.""",
        "tr": """Bildiriminize veya talebinize tatmin edici bir yanıt alamadıysanız § 15 L-BGG (Baden-Württemberg Eyaleti Engellilerin Eşitliği Yasası) uyarınca uzlaştırma kurumuna başvurabilirsiniz. Uzlaştırma kurumunun görevi, engelli kişiler ile Baden-Württemberg eyaletinin kamu kurumları arasında erişilebilirlik konusunda çıkan anlaşmazlıklarda mahkeme dışı bir uzlaşmaya destek olmaktır.

Uzlaştırma süreci ücretsizdir. Bunun için bir avukata ihtiyacınız yoktur.""",
        "ar": """إذا لم تحصل على ردّ مُرضٍ على رسالتك أو استفسارك، يمكنك التوجّه إلى هيئة التوفيق وفق § 15 L-BGG (قانون المساواة للأشخاص ذوي الإعاقة في ولاية بادن-فورتمبيرغ). ومهمّة هيئة التوفيق هي المساعدة على التوصّل إلى تسوية خارج المحكمة في النزاعات المتعلقة بإمكانية الوصول بين الأشخاص ذوي الإعاقة والجهات العامة في ولاية بادن-فورتمبيرغ.

إجراءات التوفيق مجانية. ولا تحتاج فيها إلى محامٍ.""",
        "uk": """Якщо Ви не отримали задовільної відповіді на своє повідомлення чи запит, Ви можете звернутися до примирювального органу згідно з § 15 L-BGG (Закон землі Баден-Вюртемберг про рівні права людей з інвалідністю). Завдання примирювального органу — сприяти позасудовому врегулюванню спорів щодо доступності між людьми з інвалідністю та публічними установами землі Баден-Вюртемберг.

Примирювальна процедура безкоштовна. Для неї Вам не потрібен адвокат.""",
        "ru": """Если Вы не получили удовлетворительного ответа на своё сообщение или запрос, Вы можете обратиться в примирительный орган согласно § 15 L-BGG (Закон земли Баден-Вюртемберг о равноправии людей с инвалидностью). Задача примирительного органа — содействовать внесудебному урегулированию споров о доступности между людьми с инвалидностью и государственными учреждениями земли Баден-Вюртемберг.

Примирительная процедура бесплатна. Адвокат Вам для этого не нужен.""",
        "fa": """اگر به پیام یا درخواست خود پاسخ رضایت‌بخشی نگرفته‌اید، می‌توانید به مرجع سازش طبق § 15 L-BGG (قانون برابری افراد دارای معلولیت ایالت بادن-وورتمبرگ) مراجعه کنید. وظیفهٔ مرجع سازش این است که در اختلاف‌های مربوط به دسترس‌پذیری میان افراد دارای معلولیت و نهادهای عمومی ایالت بادن-وورتمبرگ به توافقی خارج از دادگاه کمک کند.

روند سازش رایگان است. برای آن به وکیل نیاز ندارید.""",
    },
    OLD_PDFS: {
        "de-simple": "Alte PDF-Dateien. Zum Beispiel: die Sitzungs·vorlage zum Integrations·konzept vom 22. März 2017",
        "en": "Older PDF attachments, for example the council meeting document on the integration concept of 22 March 2017",
        "tr": "Eski PDF ekleri, örneğin entegrasyon konseptine ilişkin 22 Mart 2017 tarihli meclis oturumu belgesi",
        "ar": "مرفقات PDF قديمة، مثل وثيقة جلسة المجلس البلدي بشأن خطة الاندماج المؤرخة في 22 مارس (آذار) 2017",
        "uk": "Старіші вкладення у форматі PDF, наприклад документ до засідання про концепцію інтеграції від 22 березня 2017 року",
        "ru": "Старые вложения в формате PDF, например материалы к заседанию по концепции интеграции от 22 марта 2017 года",
        "fa": "پیوست‌های PDF قدیمی، برای مثال سند جلسهٔ شورای شهر دربارهٔ طرح ادغام به تاریخ ۲۲ مارس ۲۰۱۷",
    },
    OLD_PDFS_EXPLANATION: {
        "de-simple": """Manche PDF-Dateien sind nur eingescannt.
Das heißt: Sie sind wie ein Foto von einem Blatt Papier.
Manche Menschen können nicht gut sehen.
Sie lassen sich Texte von einem Computer·programm vorlesen.
Das Programm kann diese PDF-Dateien nicht vorlesen.
Für Dateien von vor dem 23. September 2018 gibt es eine Ausnahme:
Sie müssen nicht barriere·frei sein.
Aber nur, wenn die Stadt sie gerade nicht für einen Antrag braucht.""",
        "en": "Some attachments exist only as scanned PDF files; screen readers cannot read them aloud. Office files published before 23 September 2018 are not covered by the requirements, as long as they are not needed for an ongoing administrative procedure.",
        "tr": "Bazı ekler yalnızca taranmış PDF dosyaları olarak mevcuttur; ekran okuyucu programlar bunları sesli okuyamaz. 23 Eylül 2018'den önce yayımlanan ofis uygulaması dosyaları, devam eden bir idari işlem için gerekli olmadıkları sürece bu gerekliliklerin kapsamına girmez.",
        "ar": "بعض المرفقات متوفرة فقط كملفات PDF ممسوحة ضوئيًا؛ ولا تستطيع برامج قراءة الشاشة قراءتها بصوت عالٍ. أما ملفات البرامج المكتبية التي نُشرت قبل 23 سبتمبر (أيلول) 2018 فلا تشملها المتطلبات، ما دامت غير لازمة لإجراء إداري جارٍ.",
        "uk": "Деякі вкладення є лише у вигляді відсканованих PDF-файлів; програми зчитування з екрана не можуть їх прочитати вголос. Файли офісних програм, опубліковані до 23 вересня 2018 року, не підпадають під ці вимоги, доки вони не потрібні для адміністративної процедури, що триває.",
        "ru": "Некоторые вложения есть только в виде отсканированных PDF-файлов; программы экранного доступа не могут их зачитать. Файлы офисных программ, опубликованные до 23 сентября 2018 года, не подпадают под эти требования, пока они не нужны для текущей административной процедуры.",
        "fa": "برخی پیوست‌ها فقط به صورت فایل PDF اسکن‌شده وجود دارند؛ برنامه‌های صفحه‌خوان نمی‌توانند آن‌ها را بخوانند. فایل‌های برنامه‌های اداری که پیش از ۲۳ سپتامبر ۲۰۱۸ منتشر شده‌اند، تا زمانی که برای یک روند اداری جاری لازم نباشند، مشمول این الزامات نیستند.",
    },
    OLD_PDFS_ALTERNATIVE: {
        "de-simple": """Den Inhalt von der Sitzungs·vorlage können Sie auch auf der Start·seite lesen:
das Integrations·konzept und die Handlungs·felder.
Sie können uns auch fragen.
Dann schicken wir Ihnen die Sitzungs·vorlage als barriere·freies Dokument.""",
        "en": "The contents of the meeting document are available as text on the home page: the integration concept and the fields of action. On request, we will send you the document in an accessible format.",
        "tr": "Oturum belgesinin içeriği ana sayfada metin olarak yer alır: entegrasyon konsepti ve eylem alanları. Talep etmeniz halinde belgeyi size erişilebilir bir doküman olarak göndeririz.",
        "ar": "محتوى وثيقة الجلسة منشور نصًّا على الصفحة الرئيسية: خطة الاندماج ومجالات العمل. وعند الطلب نرسل إليك الوثيقة بصيغة خالية من العوائق.",
        "uk": "Зміст документа до засідання подано текстом на головній сторінці: концепція інтеграції та сфери дій. На запит ми надішлемо Вам документ у доступному форматі.",
        "ru": "Содержание материалов к заседанию опубликовано текстом на главной странице: концепция интеграции и сферы действий. По запросу мы пришлём Вам документ в доступном формате.",
        "fa": "محتوای سند جلسه به صورت متن در صفحهٔ اصلی آمده است: طرح ادغام و حوزه‌های اقدام. در صورت درخواست، سند را به صورت یک فایل دسترس‌پذیر برایتان می‌فرستیم.",
    },
    VIDEOS: {
        "de-simple": "Videos von Veranstaltungen ohne Deutsche Gebärden·sprache",
        "en": "Videos of events without interpretation into German Sign Language",
        "tr": "Alman İşaret Dili'ne çevirisi olmayan etkinlik videoları",
        "ar": "مقاطع فيديو لفعاليات دون ترجمة إلى لغة الإشارة الألمانية",
        "uk": "Відео заходів без перекладу німецькою жестовою мовою",
        "ru": "Видео мероприятий без перевода на немецкий жестовый язык",
        "fa": "ویدیوهای رویدادها بدون ترجمه به زبان اشارهٔ آلمانی",
    },
    VIDEOS_EXPLANATION: {
        "de-simple": """Es gibt Videos von der Ankommens·konferenz.
Die Videos haben Unter·titel.
Unter·titel sind geschriebene Sätze im Video.
Aber die Videos haben keine Deutsche Gebärden·sprache.
Alle alten Videos noch in Gebärden·sprache übersetzen: Das wäre zu viel Aufwand.
Neue Videos planen wir mit Gebärden·sprache.""",
        "en": "The recordings of the Ankommenskonferenz (arrival conference) have subtitles but no interpretation into German Sign Language. Having all of them interpreted afterwards would be a disproportionate burden. We are planning new videos with sign language.",
        "tr": "Ankommenskonferenz (Varış Konferansı) kayıtlarında altyazı vardır, ancak Alman İşaret Dili'ne çeviri yoktur. Hepsini sonradan çevirtmek orantısız bir yük olurdu. Yeni videoları işaret diliyle planlıyoruz.",
        "ar": "تحتوي تسجيلات مؤتمر الوصول (Ankommenskonferenz) على ترجمة مكتوبة على الشاشة، لكن دون ترجمة إلى لغة الإشارة الألمانية. وستكون ترجمتها كلها لاحقًا عبئًا غير متناسب. ونخطط لمقاطع الفيديو الجديدة مع لغة الإشارة.",
        "uk": "Відеозаписи конференції Ankommenskonferenz («Конференція прибуття») мають субтитри, але не мають перекладу німецькою жестовою мовою. Перекласти їх усі згодом було б непропорційним навантаженням. Нові відео ми плануємо з жестовою мовою.",
        "ru": "Видеозаписи конференции Ankommenskonferenz («Конференция прибытия») имеют субтитры, но не имеют перевода на немецкий жестовый язык. Перевести их все задним числом было бы несоразмерной нагрузкой. Новые видео мы планируем с жестовым языком.",
        "fa": "ضبط‌های کنفرانس ورود (Ankommenskonferenz) زیرنویس دارند، اما ترجمه به زبان اشارهٔ آلمانی ندارند. ترجمهٔ همهٔ آن‌ها در این مرحله باری نامتناسب خواهد بود. ویدیوهای جدید را با زبان اشاره برنامه‌ریزی می‌کنیم.",
    },
    VIDEOS_ALTERNATIVE: {
        "de-simple": """Sie können uns fragen.
Dann bekommen Sie eine Zusammen·fassung zum Lesen.
Sie wollen zu einer Veranstaltung kommen?
Dann melden Sie sich an.
Bei der Anmeldung können Sie nach einer Dolmetscherin oder einem Dolmetscher für Gebärden·sprache fragen.""",
        "en": "On request, you will receive a written summary. For events, you can ask for sign language interpretation when you register.",
        "tr": "Talep etmeniz halinde yazılı bir özet alırsınız. Etkinlikler için kayıt sırasında işaret dili tercümanı talep edebilirsiniz.",
        "ar": "عند الطلب تحصل على ملخص مكتوب. ويمكنك عند التسجيل في الفعاليات أن تطلب ترجمة فورية إلى لغة الإشارة.",
        "uk": "На запит Ви отримаєте письмовий підсумок. Для заходів Ви можете під час реєстрації попросити про переклад жестовою мовою.",
        "ru": "По запросу Вы получите письменное краткое изложение. Для мероприятий Вы можете при регистрации запросить перевод на жестовый язык.",
        "fa": "در صورت درخواست، یک خلاصهٔ نوشتاری دریافت می‌کنید. برای رویدادها می‌توانید هنگام ثبت‌نام، مترجم زبان اشاره درخواست کنید.",
    },
}

TRANSLATIONS: dict[str, dict[str, str]] = {
    **IMPRINT_TRANSLATIONS,
    **PRIVACY_TRANSLATIONS,
    **TERMS_TRANSLATIONS,
    **ACCESSIBILITY_TRANSLATIONS,
}
