"""The demo's words in other languages that people have checked: the consent texts and three originals.

A consent can only be recorded in a language whose text exists checked by a person (`ConsentText.
exists_in`), so the demo's consent texts come here as data the stories' demo saves as *reviewed*
translations — not through the demo's XLIFF files, which hold machine translations. The same holds
for the three stories told in Arabic or Persian: their German is the translation, and what the
person said in their own language is kept as the story's reviewed translation into it.

Each consent text is whole on its own: what the purpose allows and what a withdrawal does for it
(`PURPOSE_PARTS`), then what every consent says (`COMMON_PARTS`): the special categories of
Art. 9 GDPR, that consenting is voluntary and can be withdrawn at any time with effect for the
future, and whom to tell. The addresses are the demo's; they reach nobody.
"""

# What the purpose allows and what withdrawing ends, per language.
PURPOSE_PARTS = {
    "web": {
        "de": (
            "Ich willige ein, dass die Stadt Kornwestheim meine Ankommensgeschichte auf ihrer Website "
            "„Ankommen“ veröffentlicht. Gezeigt werden der Text in der Fassung, die ich freigegeben habe, und "
            "mein Name so, wie ich es gewählt habe: mit vollem Namen, nur mit Vornamen oder mit einem anderen "
            "Namen. Ein Foto, das Jahr meiner Ankunft und mein Herkunftsland werden nur gezeigt, wenn ich es "
            "möchte.\n\n"
            "Die Geschichte kann jeder Mensch im Internet lesen. Mitglieder der Plattform können sie "
            "kommentieren; die Moderation achtet auf die Regeln. Wenn ich widerrufe, nimmt die Stadt die "
            "Geschichte sofort von der Website. Kopien, die andere schon vorher gemacht haben, kann die Stadt "
            "nicht zurückholen."
        ),
        "de-simple": (
            "Ich bin einverstanden:\n"
            "Die Stadt Kornwestheim zeigt meine Ankommens·geschichte im Internet.\n"
            "Auf der Internet·seite „Ankommen“.\n\n"
            "Das zeigt die Stadt:\n"
            "• meinen Text.\n"
            "So wie ich ihn gut gefunden habe.\n"
            "• meinen Namen.\n"
            "So wie ich es möchte:\n"
            "mit Vor·namen und Nach·namen.\n"
            "Oder nur mit Vor·namen.\n"
            "Oder mit einem anderen Namen.\n\n"
            "Ein Foto zeigt die Stadt nur, wenn ich es möchte.\n"
            "Das Jahr, in dem ich gekommen bin, auch.\n"
            "Und das Land, aus dem ich komme, auch.\n\n"
            "Alle Menschen im Internet können die Geschichte lesen.\n"
            "Mitglieder von der Internet·seite können etwas dazu schreiben.\n"
            "Die Moderation passt auf, dass alle sich an die Regeln halten.\n\n"
            "Wenn ich mein Einverständnis zurück·nehme:\n"
            "Die Stadt nimmt die Geschichte sofort aus dem Internet.\n"
            "Aber: Vielleicht haben andere Menschen die Geschichte schon kopiert.\n"
            "Diese Kopien kann die Stadt nicht zurück·holen."
        ),
        "en": (
            "I consent to the City of Kornwestheim publishing my arrival story on its website “Ankommen”. "
            "What is shown is the text in the version I approved and my name as I chose it: my full name, my "
            "first name only, or a different name. A photo, the year I arrived and my country of origin are "
            "shown only if I wish.\n\n"
            "Anyone on the internet can read the story. Members of the platform can comment on it; the "
            "moderators make sure the rules are kept. If I withdraw my consent, the City takes the story off "
            "the website at once. The City cannot recall copies that others made before."
        ),
        "tr": (
            "Kornwestheim Belediyesi'nin geliş hikâyemi „Ankommen“ adlı internet sitesinde yayımlamasına onay "
            "veriyorum. Sitede metin onayladığım hâliyle, adım da seçtiğim şekilde gösterilir: tam adımla, "
            "yalnızca ilk adımla ya da başka bir adla. Bir fotoğraf, geliş yılım ve geldiğim ülke yalnızca ben "
            "istersem gösterilir.\n\n"
            "Hikâyeyi internette herkes okuyabilir. Platformun üyeleri hikâyeye yorum yazabilir; moderasyon "
            "kurallara uyulmasına dikkat eder. Onayımı geri çekersem belediye hikâyeyi hemen siteden kaldırır. "
            "Başkalarının daha önce aldığı kopyaları belediye geri alamaz."
        ),
        "ar": (
            "أوافق على أن تنشر مدينة كورنفستهايم قصة وصولي على موقعها الإلكتروني «Ankommen». يُعرض النص "
            "بالصيغة التي وافقتُ عليها، ويُعرض اسمي كما اخترته: الاسم الكامل، أو الاسم الأول فقط، أو اسم آخر. "
            "ولا تُعرض صورة أو سنة وصولي أو بلدي الأصلي إلا إذا رغبتُ في ذلك.\n\n"
            "يستطيع أي شخص على الإنترنت أن يقرأ القصة. ويستطيع أعضاء المنصة التعليق عليها، ويحرص فريق "
            "الإشراف على احترام القواعد. إذا سحبتُ موافقتي، تحذف المدينة القصة من الموقع فوراً. أما النسخ "
            "التي صنعها آخرون قبل ذلك، فلا تستطيع المدينة استرجاعها."
        ),
        "uk": (
            "Я погоджуюся, що місто Корнвестгайм опублікує мою історію прибуття на своєму вебсайті «Ankommen». "
            "Показано буде текст у схваленій мною редакції та моє ім'я у вибраній мною формі: повне ім'я, "
            "лише ім'я або інше ім'я. Фото, рік мого прибуття та країну мого походження покажуть, лише якщо я "
            "цього хочу.\n\n"
            "Історію може прочитати будь-хто в інтернеті. Учасники платформи можуть її коментувати; модератори "
            "стежать за дотриманням правил. Якщо я відкличу згоду, місто негайно прибере історію з вебсайту. "
            "Копії, які інші зробили раніше, місто повернути не може."
        ),
        "ru": (
            "Я даю согласие на то, чтобы город Корнвестхайм опубликовал мою историю приезда на своём сайте "
            "«Ankommen». Показывается текст в одобренной мною редакции и моё имя в выбранной мною форме: полное "
            "имя, только имя или другое имя. Фотография, год моего приезда и страна происхождения "
            "показываются, только если я этого хочу.\n\n"
            "Историю может прочитать любой человек в интернете. Участники платформы могут её комментировать; "
            "модераторы следят за соблюдением правил. Если я отзову согласие, город сразу же уберёт историю с "
            "сайта. Копии, которые другие сделали раньше, город вернуть не может."
        ),
        "fa": (
            "رضایت می‌دهم که شهر کورن‌وستهایم داستان رسیدنم را در وب‌سایت خود با نام «Ankommen» منتشر کند. "
            "متن به همان صورتی که تأیید کرده‌ام و نامم به همان شکلی که انتخاب کرده‌ام نمایش داده می‌شود: نام "
            "کامل، فقط نام کوچک، یا نامی دیگر. عکس، سال رسیدنم و کشوری که از آن آمده‌ام فقط در صورتی نمایش "
            "داده می‌شوند که خودم بخواهم.\n\n"
            "هر کسی در اینترنت می‌تواند این داستان را بخواند. اعضای این پلتفرم می‌توانند برای آن نظر بنویسند "
            "و ناظران بر رعایت قوانین نظارت می‌کنند. اگر رضایتم را پس بگیرم، شهر داستان را بی‌درنگ از "
            "وب‌سایت برمی‌دارد. شهر نمی‌تواند نسخه‌هایی را که دیگران پیش از آن تهیه کرده‌اند پس بگیرد."
        ),
    },
    "brochure": {
        "de": (
            "Ich willige ein, dass die Stadt Kornwestheim meine Ankommensgeschichte in der gedruckten "
            "Ankommensbroschüre abdruckt und die Broschüre auch als PDF-Datei auf ihrer Website anbietet. "
            "Gedruckt werden der Text in der Fassung, die ich freigegeben habe, und mein Name so, wie ich es "
            "gewählt habe. Ein Foto, das Jahr meiner Ankunft und mein Herkunftsland werden nur gedruckt, wenn "
            "ich es möchte. Die Stadt verteilt die Broschüre kostenlos, zum Beispiel im Rathaus, in der "
            "Stadtbücherei und bei Veranstaltungen.\n\n"
            "Wichtig: Gedruckte Broschüren lassen sich nicht zurückholen. Wenn ich widerrufe, druckt die Stadt "
            "keine Broschüre mit meiner Geschichte mehr. Sie nimmt die PDF-Datei sofort von der Website und "
            "setzt sie ohne meine Geschichte neu. Broschüren, die schon verteilt sind, bleiben aber bei den "
            "Menschen, die sie haben."
        ),
        "de-simple": (
            "Ich bin einverstanden:\n"
            "Die Stadt Kornwestheim druckt meine Ankommens·geschichte in einem Heft.\n"
            "Das Heft heißt: Ankommens·broschüre.\n"
            "Die Stadt zeigt das Heft auch im Internet.\n"
            "Als PDF-Datei.\n\n"
            "Das druckt die Stadt:\n"
            "• meinen Text.\n"
            "So wie ich ihn gut gefunden habe.\n"
            "• meinen Namen.\n"
            "So wie ich es möchte.\n\n"
            "Ein Foto druckt die Stadt nur, wenn ich es möchte.\n"
            "Das Jahr, in dem ich gekommen bin, auch.\n"
            "Und das Land, aus dem ich komme, auch.\n\n"
            "Die Stadt verteilt das Heft kostenlos.\n"
            "Zum Beispiel im Rathaus und in der Stadt·bücherei.\n\n"
            "Wichtig:\n"
            "Ein gedrucktes Heft kann die Stadt nicht zurück·holen.\n\n"
            "Wenn ich mein Einverständnis zurück·nehme:\n"
            "• Die Stadt druckt kein neues Heft mit meiner Geschichte.\n"
            "• Die Stadt nimmt die PDF-Datei sofort aus dem Internet.\n"
            "Und macht eine neue PDF-Datei ohne meine Geschichte.\n"
            "Aber: Manche Menschen haben das Heft schon.\n"
            "Diese Hefte bleiben bei den Menschen."
        ),
        "en": (
            "I consent to the City of Kornwestheim printing my arrival story in the printed "
            "Ankommensbroschüre (arrival stories brochure) and also offering the brochure as a PDF file on its "
            "website. What is printed is the text in the version I approved and my name as I chose it. A photo, "
            "the year I arrived and my country of origin are printed only if I wish. The City hands out the "
            "brochure free of charge, for example at the town hall, in the public library and at events.\n\n"
            "Important: printed brochures cannot be recalled. If I withdraw my consent, the City will no longer "
            "print any brochure with my story. It takes the PDF file off the website at once and sets it again "
            "without my story. Brochures that have already been handed out, however, stay with the people who "
            "have them."
        ),
        "tr": (
            "Kornwestheim Belediyesi'nin geliş hikâyemi basılı „Ankommensbroschüre“ (Geliş Hikâyeleri Broşürü) "
            "içinde basmasına ve broşürü internet sitesinde PDF dosyası olarak da sunmasına onay veriyorum. "
            "Metin onayladığım hâliyle, adım da seçtiğim şekilde basılır. Bir fotoğraf, geliş yılım ve geldiğim "
            "ülke yalnızca ben istersem basılır. Belediye broşürü ücretsiz dağıtır; örneğin belediye binasında, "
            "şehir kütüphanesinde ve etkinliklerde.\n\n"
            "Önemli: Basılı broşürler geri toplanamaz. Onayımı geri çekersem belediye hikâyemin yer aldığı "
            "broşürü artık basmaz. PDF dosyasını hemen siteden kaldırır ve hikâyem olmadan yeniden hazırlar. "
            "Ancak daha önce dağıtılmış broşürler, onlara sahip olan kişilerde kalır."
        ),
        "ar": (
            "أوافق على أن تطبع مدينة كورنفستهايم قصة وصولي في كتيّب قصص الوصول المطبوع "
            "(«Ankommensbroschüre»)، وأن تتيح الكتيّب أيضاً ملفَّ PDF على موقعها الإلكتروني. يُطبع النص "
            "بالصيغة التي وافقتُ عليها، ويُطبع اسمي كما اخترته. ولا تُطبع صورة أو سنة وصولي أو بلدي الأصلي "
            "إلا إذا رغبتُ في ذلك. توزّع المدينة الكتيّب مجاناً، مثلاً في دار البلدية وفي مكتبة المدينة وفي "
            "الفعاليات.\n\n"
            "مهم: لا يمكن استرجاع الكتيّبات المطبوعة. إذا سحبتُ موافقتي، لا تطبع المدينة بعد ذلك أي كتيّب فيه "
            "قصتي. وتحذف ملف PDF من الموقع فوراً وتعيد إعداده من دون قصتي. أما الكتيّبات التي وُزّعت من قبل، "
            "فتبقى عند الناس الذين حصلوا عليها."
        ),
        "uk": (
            "Я погоджуюся, що місто Корнвестгайм надрукує мою історію прибуття в друкованій брошурі історій "
            "прибуття («Ankommensbroschüre») і також розмістить брошуру як PDF-файл на своєму вебсайті. "
            "Надруковано буде текст у схваленій мною редакції та моє ім'я у вибраній мною формі. Фото, рік "
            "мого прибуття та країну мого походження надрукують, лише якщо я цього хочу. Місто безкоштовно "
            "поширює брошуру, наприклад у ратуші, у міській бібліотеці та на заходах.\n\n"
            "Важливо: надруковані брошури неможливо повернути. Якщо я відкличу згоду, місто більше не "
            "друкуватиме брошур з моєю історією. Воно негайно прибере PDF-файл з вебсайту і зверстає його "
            "заново без моєї історії. Але брошури, які вже роздано, залишаться в людей, що їх мають."
        ),
        "ru": (
            "Я даю согласие на то, чтобы город Корнвестхайм напечатал мою историю приезда в печатной брошюре "
            "историй приезда («Ankommensbroschüre») и также разместил брошюру в виде PDF-файла на своём сайте. "
            "Печатается текст в одобренной мною редакции и моё имя в выбранной мною форме. Фотография, год "
            "моего приезда и страна происхождения печатаются, только если я этого хочу. Город бесплатно "
            "распространяет брошюру, например в ратуше, в городской библиотеке и на мероприятиях.\n\n"
            "Важно: напечатанные брошюры невозможно вернуть. Если я отзову согласие, город больше не будет "
            "печатать брошюры с моей историей. Он сразу же уберёт PDF-файл с сайта и сверстает его заново без "
            "моей истории. Однако уже розданные брошюры останутся у тех, кто их получил."
        ),
        "fa": (
            "رضایت می‌دهم که شهر کورن‌وستهایم داستان رسیدنم را در کتابچهٔ چاپی داستان‌های رسیدن "
            "(«Ankommensbroschüre») چاپ کند و این کتابچه را به‌صورت فایل PDF نیز در وب‌سایت خود در دسترس "
            "بگذارد. متن به همان صورتی که تأیید کرده‌ام و نامم به همان شکلی که انتخاب کرده‌ام چاپ می‌شود. "
            "عکس، سال رسیدنم و کشوری که از آن آمده‌ام فقط در صورتی چاپ می‌شوند که خودم بخواهم. شهر کتابچه "
            "را رایگان توزیع می‌کند، مثلاً در شهرداری، در کتابخانهٔ شهر و در برنامه‌ها.\n\n"
            "مهم: کتابچه‌های چاپ‌شده را نمی‌توان پس گرفت. اگر رضایتم را پس بگیرم، شهر دیگر هیچ کتابچه‌ای با "
            "داستان من چاپ نمی‌کند. فایل PDF را بی‌درنگ از وب‌سایت برمی‌دارد و آن را بدون داستان من از نو "
            "آماده می‌کند. اما کتابچه‌هایی که پیش‌تر توزیع شده‌اند، نزد کسانی که آن‌ها را دارند می‌مانند."
        ),
    },
    "press": {
        "de": (
            "Ich willige ein, dass die Stadt Kornwestheim meine Ankommensgeschichte an Zeitungen, Radio und "
            "Fernsehen weitergibt und auf ihren eigenen Seiten in sozialen Medien teilt. Weitergegeben werden "
            "nur der Text in der Fassung, die ich freigegeben habe, und mein Name so, wie ich es gewählt habe; "
            "ein Foto nur, wenn ich es möchte. Für ein Interview mit der Presse oder ein neues Foto fragt mich "
            "die Stadt jedes Mal eigens.\n\n"
            "Die Anbieter sozialer Medien verarbeiten Daten auch außerhalb der Europäischen Union, und was dort "
            "oder in der Presse erscheint, verbreitet sich schnell. Wenn ich widerrufe, gibt die Stadt meine "
            "Geschichte nicht mehr weiter und löscht ihre eigenen Beiträge. Was Zeitungen, Sender oder andere "
            "Menschen schon veröffentlicht haben, kann die Stadt nicht zurückholen; sie bittet aber darum, es "
            "zu löschen."
        ),
        "de-simple": (
            "Ich bin einverstanden:\n"
            "Die Stadt Kornwestheim gibt meine Ankommens·geschichte an die Presse.\n"
            "Presse heißt: Zeitungen, Radio und Fernsehen.\n"
            "Und die Stadt zeigt meine Geschichte auf ihren Seiten in sozialen Medien.\n"
            "Soziale Medien sind Internet·seiten wie Instagram oder Facebook.\n\n"
            "Die Stadt gibt nur meinen Text weiter.\n"
            "So wie ich ihn gut gefunden habe.\n"
            "Und meinen Namen.\n"
            "So wie ich es möchte.\n"
            "Ein Foto nur, wenn ich es möchte.\n"
            "Für ein Interview oder ein neues Foto fragt die Stadt mich jedes Mal vorher.\n\n"
            "Wichtig:\n"
            "Die Firmen von den sozialen Medien bearbeiten Daten auch außerhalb von der Europäischen Union.\n"
            "Was in der Zeitung oder in sozialen Medien steht, verbreitet sich schnell.\n\n"
            "Wenn ich mein Einverständnis zurück·nehme:\n"
            "• Die Stadt gibt meine Geschichte nicht mehr weiter.\n"
            "• Die Stadt löscht ihre eigenen Beiträge.\n"
            "Aber: Vielleicht haben Zeitungen oder andere Menschen die Geschichte schon gezeigt.\n"
            "Das kann die Stadt nicht zurück·holen.\n"
            "Die Stadt bittet sie aber: Bitte löschen Sie die Geschichte."
        ),
        "en": (
            "I consent to the City of Kornwestheim passing my arrival story on to newspapers, radio and "
            "television and sharing it on its own pages in social media. Only the text in the version I "
            "approved is passed on, with my name as I chose it, and a photo only if I wish. For an interview "
            "with the press or a new photo, the City asks me separately every time.\n\n"
            "Social media providers also process data outside the European Union, and what appears there or in "
            "the press spreads quickly. If I withdraw my consent, the City stops passing on my story and "
            "deletes its own posts. The City cannot recall what newspapers, broadcasters or other people have "
            "already published; it will, however, ask them to delete it."
        ),
        "tr": (
            "Kornwestheim Belediyesi'nin geliş hikâyemi gazetelere, radyo ve televizyona iletmesine ve sosyal "
            "medyadaki kendi sayfalarında paylaşmasına onay veriyorum. Yalnızca onayladığım hâliyle metin, "
            "seçtiğim şekilde adım ve ben istersem bir fotoğraf iletilir. Basınla bir röportaj ya da yeni bir "
            "fotoğraf için belediye her seferinde ayrıca bana sorar.\n\n"
            "Sosyal medya şirketleri verileri Avrupa Birliği dışında da işler; orada ya da basında çıkan "
            "içerikler hızla yayılır. Onayımı geri çekersem belediye hikâyemi artık kimseye iletmez ve kendi "
            "paylaşımlarını siler. Gazetelerin, yayın kuruluşlarının ya da başka kişilerin daha önce "
            "yayımladıklarını belediye geri alamaz; ancak bunların silinmesini rica eder."
        ),
        "ar": (
            "أوافق على أن تُعطي مدينة كورنفستهايم قصة وصولي للصحف والإذاعة والتلفزيون، وأن تنشرها على "
            "صفحاتها الخاصة في وسائل التواصل الاجتماعي. لا يُعطى إلا النص بالصيغة التي وافقتُ عليها، مع اسمي "
            "كما اخترته، ولا تُعطى صورة إلا إذا رغبتُ في ذلك. وقبل أي مقابلة صحفية أو صورة جديدة تسألني "
            "المدينة في كل مرة على حدة.\n\n"
            "تعالج شركات وسائل التواصل الاجتماعي البيانات خارج الاتحاد الأوروبي أيضاً، وما يُنشر هناك أو في "
            "الصحافة ينتشر بسرعة. إذا سحبتُ موافقتي، تتوقف المدينة عن إعطاء قصتي لأحد وتحذف منشوراتها "
            "الخاصة. أما ما نشرته الصحف أو محطات البث أو أشخاص آخرون من قبل، فلا تستطيع المدينة استرجاعه، "
            "لكنها تطلب حذفه."
        ),
        "uk": (
            "Я погоджуюся, що місто Корнвестгайм передаватиме мою історію прибуття газетам, радіо й телебаченню "
            "та поширюватиме її на своїх власних сторінках у соціальних мережах. Передають лише текст у "
            "схваленій мною редакції, моє ім'я у вибраній мною формі, а фото — лише якщо я цього хочу. Про "
            "інтерв'ю для преси чи нове фото місто щоразу питає мене окремо.\n\n"
            "Соціальні мережі обробляють дані також за межами Європейського Союзу, а те, що з'являється там або "
            "в пресі, швидко поширюється. Якщо я відкличу згоду, місто більше не передаватиме мою історію і "
            "видалить свої власні дописи. Те, що газети, телерадіокомпанії чи інші люди вже опублікували, "
            "місто повернути не може; але воно попросить це видалити."
        ),
        "ru": (
            "Я даю согласие на то, чтобы город Корнвестхайм передавал мою историю приезда газетам, радио и "
            "телевидению и публиковал её на своих собственных страницах в социальных сетях. Передаётся только "
            "текст в одобренной мною редакции, моё имя в выбранной мною форме, а фотография — только если я "
            "этого хочу. Перед интервью для прессы или новой фотографией город каждый раз спрашивает меня "
            "отдельно.\n\n"
            "Социальные сети обрабатывают данные в том числе за пределами Европейского союза, а то, что "
            "появляется там или в прессе, быстро распространяется. Если я отзову согласие, город больше не "
            "будет передавать мою историю и удалит свои собственные публикации. То, что газеты, "
            "телерадиокомпании или другие люди уже опубликовали, город вернуть не может; но он попросит это "
            "удалить."
        ),
        "fa": (
            "رضایت می‌دهم که شهر کورن‌وستهایم داستان رسیدنم را در اختیار روزنامه‌ها، رادیو و تلویزیون بگذارد "
            "و آن را در صفحه‌های خود در شبکه‌های اجتماعی منتشر کند. فقط متن به همان صورتی که تأیید کرده‌ام و "
            "نامم به همان شکلی که انتخاب کرده‌ام در اختیار دیگران قرار می‌گیرد، و عکس فقط در صورتی که خودم "
            "بخواهم. برای هر مصاحبه با مطبوعات یا عکس تازه، شهر هر بار جداگانه از من می‌پرسد.\n\n"
            "شرکت‌های شبکه‌های اجتماعی داده‌ها را بیرون از اتحادیهٔ اروپا نیز پردازش می‌کنند، و آنچه در "
            "آن‌جا یا در مطبوعات منتشر می‌شود به‌سرعت پخش می‌شود. اگر رضایتم را پس بگیرم، شهر دیگر داستانم "
            "را در اختیار کسی نمی‌گذارد و پست‌های خودش را پاک می‌کند. شهر نمی‌تواند آنچه را روزنامه‌ها، "
            "رسانه‌ها یا افراد دیگر پیش‌تر منتشر کرده‌اند پس بگیرد، اما از آن‌ها می‌خواهد که آن را پاک کنند."
        ),
    },
    "translation": {
        "de": (
            "Ich willige ein, dass die Stadt Kornwestheim meine Ankommensgeschichte in andere Sprachen "
            "übersetzen lässt und die Übersetzungen überall dort zeigt, wo auch die deutsche Fassung erscheinen "
            "darf. Die Rechte an meinen Worten bleiben bei mir; ich erlaube der Stadt nur, Übersetzungen davon "
            "anfertigen zu lassen und zu zeigen.\n\n"
            "Es übersetzen die Übersetzerinnen und Übersetzer der Stadt oder ein Übersetzungsbüro, das die "
            "Stadt beauftragt und zur Verschwiegenheit verpflichtet. Manchmal macht eine Übersetzungssoftware "
            "einen ersten Entwurf. Eine solche maschinelle Übersetzung ist auf der Seite als maschinell "
            "gekennzeichnet, bis ein Mensch sie geprüft hat. Wenn ich widerrufe, nimmt die Stadt alle "
            "Übersetzungen sofort von der Website. Meine Geschichte bleibt dann nur auf Deutsch und in der "
            "Sprache sichtbar, in der ich sie erzählt habe, solange meine übrigen Einwilligungen gelten."
        ),
        "de-simple": (
            "Ich bin einverstanden:\n"
            "Die Stadt Kornwestheim lässt meine Ankommens·geschichte in andere Sprachen übersetzen.\n"
            "Die Stadt zeigt die Übersetzungen überall dort,\n"
            "wo sie auch die deutsche Geschichte zeigen darf.\n"
            "Meine Worte gehören weiter mir.\n"
            "Die Stadt darf sie nur übersetzen lassen und zeigen.\n\n"
            "Wer übersetzt?\n"
            "• Übersetzerinnen und Übersetzer von der Stadt.\n"
            "• Oder ein Übersetzungs·büro.\n"
            "Das Büro muss alles geheim halten.\n\n"
            "Manchmal macht ein Computer·programm einen ersten Entwurf.\n"
            "Dann steht auf der Internet·seite:\n"
            "Das hat eine Maschine übersetzt.\n"
            "Bis ein Mensch die Übersetzung geprüft hat.\n\n"
            "Wenn ich mein Einverständnis zurück·nehme:\n"
            "Die Stadt nimmt alle Übersetzungen sofort aus dem Internet.\n"
            "Dann gibt es meine Geschichte nur noch auf Deutsch.\n"
            "Und in der Sprache, in der ich sie erzählt habe."
        ),
        "en": (
            "I consent to the City of Kornwestheim having my arrival story translated into other languages and "
            "showing the translations wherever the German version may appear. The rights to my words remain "
            "mine; I only allow the City to have translations of them made and to show them.\n\n"
            "The translations are made by the City's translators or by a translation agency that the City "
            "commissions and binds to confidentiality. Sometimes translation software makes a first draft. Such "
            "a machine translation is marked as machine-made on the page until a person has checked it. If I "
            "withdraw my consent, the City takes all translations off the website at once. My story then stays "
            "visible only in German and in the language in which I told it, as long as my other consents are "
            "valid."
        ),
        "tr": (
            "Kornwestheim Belediyesi'nin geliş hikâyemi başka dillere çevirtmesine ve çevirileri, Almanca "
            "metnin yayımlanabildiği her yerde göstermesine onay veriyorum. Sözlerimin hakları bende kalır; "
            "belediyeye yalnızca bunların çevirisini yaptırma ve gösterme izni veriyorum.\n\n"
            "Çevirileri belediyenin çevirmenleri ya da belediyenin görevlendirdiği ve gizlilik yükümlülüğü "
            "altına aldığı bir çeviri bürosu yapar. Bazen ilk taslağı bir çeviri yazılımı hazırlar. Böyle bir "
            "makine çevirisi, bir insan kontrol edene kadar sayfada makine çevirisi olarak işaretlenir. Onayımı "
            "geri çekersem belediye bütün çevirileri hemen siteden kaldırır. Diğer onaylarım geçerli olduğu "
            "sürece hikâyem o zaman yalnızca Almanca ve onu anlattığım dilde görünür."
        ),
        "ar": (
            "أوافق على أن تكلّف مدينة كورنفستهايم بترجمة قصة وصولي إلى لغات أخرى، وأن تعرض الترجمات في كل "
            "مكان يجوز فيه عرض النسخة الألمانية. تبقى الحقوق في كلماتي لي؛ وأنا أسمح للمدينة فقط بأن تكلّف "
            "بترجمتها وأن تعرض الترجمات.\n\n"
            "يترجم النصَّ مترجمو المدينة أو مكتبُ ترجمة تكلّفه المدينة وتُلزمه بالسرية. وأحياناً يُعدّ برنامج "
            "ترجمة مسودة أولى. تُوسم هذه الترجمة الآلية على الصفحة بأنها آلية إلى أن يراجعها إنسان. إذا سحبتُ "
            "موافقتي، تحذف المدينة كل الترجمات من الموقع فوراً. وتبقى قصتي عندئذ ظاهرة بالألمانية وباللغة "
            "التي رويتها بها فقط، ما دامت موافقاتي الأخرى سارية."
        ),
        "uk": (
            "Я погоджуюся, що місто Корнвестгайм замовить переклад моєї історії прибуття іншими мовами і "
            "показуватиме переклади всюди, де може з'являтися німецька версія. Права на мої слова залишаються "
            "за мною; я лише дозволяю місту замовляти їх переклади та показувати їх.\n\n"
            "Перекладають перекладачі міста або бюро перекладів, яке місто наймає і зобов'язує зберігати "
            "конфіденційність. Іноді перший чорновий варіант робить програма для перекладу. Такий машинний "
            "переклад позначено на сторінці як машинний, доки його не перевірить людина. Якщо я відкличу згоду, "
            "місто негайно прибере всі переклади з вебсайту. Тоді моя історія залишиться видимою лише "
            "німецькою та мовою, якою її було розказано, доки діють інші мої згоди."
        ),
        "ru": (
            "Я даю согласие на то, чтобы город Корнвестхайм заказывал переводы моей истории приезда на другие "
            "языки и показывал переводы везде, где может появляться немецкая версия. Права на мои слова "
            "остаются за мной; я лишь разрешаю городу заказывать их переводы и показывать их.\n\n"
            "Переводят переводчики города или бюро переводов, которое город нанимает и обязывает соблюдать "
            "конфиденциальность. Иногда первый черновик делает программа для перевода. Такой машинный перевод "
            "отмечается на странице как машинный, пока его не проверит человек. Если я отзову согласие, город "
            "сразу же уберёт все переводы с сайта. Тогда моя история останется доступной только на немецком и "
            "на том языке, на котором она была рассказана, пока действуют мои остальные согласия."
        ),
        "fa": (
            "رضایت می‌دهم که شهر کورن‌وستهایم داستان رسیدنم را برای ترجمه به زبان‌های دیگر بسپارد و ترجمه‌ها "
            "را در همهٔ جاهایی نشان دهد که نسخهٔ آلمانی اجازهٔ انتشار دارد. حقوق سخنانم نزد خودم می‌ماند؛ من "
            "فقط به شهر اجازه می‌دهم که ترجمهٔ آن‌ها را تهیه کند و نشان دهد.\n\n"
            "ترجمه را مترجمان شهر یا دفتر ترجمه‌ای انجام می‌دهند که شهر به آن سفارش می‌دهد و آن را به "
            "رازداری متعهد می‌کند. گاهی یک نرم‌افزار ترجمه پیش‌نویس اول را تهیه می‌کند. چنین ترجمهٔ ماشینی‌ای "
            "در صفحه به‌عنوان ترجمهٔ ماشینی علامت‌گذاری می‌شود تا وقتی که انسانی آن را بررسی کند. اگر رضایتم "
            "را پس بگیرم، شهر همهٔ ترجمه‌ها را بی‌درنگ از وب‌سایت برمی‌دارد. در آن صورت، تا زمانی که دیگر "
            "رضایت‌هایم معتبرند، داستانم فقط به آلمانی و به زبانی که آن را روایت کرده‌ام دیده می‌شود."
        ),
    },
    "easy_language": {
        "de": (
            "Ich willige ein, dass die Stadt Kornwestheim meine Ankommensgeschichte in Leichte Sprache "
            "übertragen lässt und diese Fassung überall dort zeigt, wo auch die deutsche Fassung erscheinen "
            "darf. Leichte Sprache hilft Menschen, die nicht gut lesen können oder gerade Deutsch lernen. Dafür "
            "wird mein Text kürzer und in einfachen Sätzen geschrieben; was ich erzählt habe, bleibt gleich.\n\n"
            "Die Fassung schreiben Übersetzerinnen und Übersetzer für Leichte Sprache; Menschen, die Leichte "
            "Sprache brauchen, prüfen, ob sie verständlich ist. Auf Wunsch bekomme ich die Fassung vorher zum "
            "Lesen. Wenn ich widerrufe, nimmt die Stadt die Fassung in Leichter Sprache sofort von der Website."
        ),
        "de-simple": (
            "Ich bin einverstanden:\n"
            "Die Stadt Kornwestheim lässt meine Ankommens·geschichte in Leichte Sprache übersetzen.\n"
            "Die Stadt zeigt die Geschichte in Leichter Sprache überall dort,\n"
            "wo sie auch die deutsche Geschichte zeigen darf.\n\n"
            "Leichte Sprache hilft vielen Menschen.\n"
            "Zum Beispiel Menschen, die nicht gut lesen können.\n"
            "Oder Menschen, die gerade Deutsch lernen.\n"
            "Dafür wird mein Text kürzer.\n"
            "Und die Sätze werden einfacher.\n"
            "Aber der Inhalt bleibt gleich.\n\n"
            "Übersetzerinnen und Übersetzer für Leichte Sprache schreiben den Text.\n"
            "Prüferinnen und Prüfer lesen den Text.\n"
            "Sie sagen, ob der Text gut zu verstehen ist.\n"
            "Ich kann den Text vorher lesen, wenn ich möchte.\n\n"
            "Wenn ich mein Einverständnis zurück·nehme:\n"
            "Die Stadt nimmt die Geschichte in Leichter Sprache sofort aus dem Internet."
        ),
        "en": (
            "I consent to the City of Kornwestheim having my arrival story rewritten in Leichte Sprache (Easy "
            "German) and showing this version wherever the German version may appear. Easy German helps people "
            "who cannot read well or are just learning German. For this, my text is made shorter and written in "
            "simple sentences; what I told stays the same.\n\n"
            "The version is written by translators for Easy German; people who need Easy German check that it "
            "is understandable. If I wish, I can read the version beforehand. If I withdraw my consent, the City "
            "takes the Easy German version off the website at once."
        ),
        "tr": (
            "Kornwestheim Belediyesi'nin geliş hikâyemi Leichte Sprache'ye (Kolay Almanca) aktartmasına ve bu "
            "metni, Almanca metnin yayımlanabildiği her yerde göstermesine onay veriyorum. Kolay Almanca, iyi "
            "okuyamayan ya da Almancayı yeni öğrenen insanlara yardımcı olur. Bunun için metnim kısaltılır ve "
            "basit cümlelerle yazılır; anlattıklarım aynı kalır.\n\n"
            "Bu metni Kolay Almanca alanında çalışan çevirmenler yazar; Kolay Almancaya ihtiyaç duyan kişiler "
            "metnin anlaşılır olup olmadığını kontrol eder. İstersem metni önceden okuyabilirim. Onayımı geri "
            "çekersem belediye Kolay Almanca metni hemen siteden kaldırır."
        ),
        "ar": (
            "أوافق على أن تكلّف مدينة كورنفستهايم بإعادة كتابة قصة وصولي باللغة الألمانية المبسّطة "
            "(«Leichte Sprache»)، وأن تعرض هذه النسخة في كل مكان يجوز فيه عرض النسخة الألمانية. تساعد اللغة "
            "المبسّطة الناس الذين لا يقرؤون جيداً أو الذين بدأوا للتو تعلّم الألمانية. لذلك يُختصر نصي ويُكتب "
            "بجمل بسيطة، ويبقى ما رويتُه كما هو.\n\n"
            "يكتب هذه النسخةَ مترجمون متخصصون في اللغة المبسّطة، ويتحقق أشخاص يحتاجون إلى اللغة المبسّطة من "
            "أنها مفهومة. ويمكنني، إن رغبت، أن أقرأ النسخة قبل نشرها. إذا سحبتُ موافقتي، تحذف المدينة نسخة "
            "اللغة المبسّطة من الموقع فوراً."
        ),
        "uk": (
            "Я погоджуюся, що місто Корнвестгайм замовить переказ моєї історії прибуття простою німецькою мовою "
            "(Leichte Sprache) і показуватиме цю версію всюди, де може з'являтися німецька версія. Проста мова "
            "допомагає людям, які погано читають або тільки вивчають німецьку. Для цього мій текст скоротять і "
            "напишуть простими реченнями; зміст моєї розповіді залишиться тим самим.\n\n"
            "Цю версію пишуть перекладачі, що спеціалізуються на простій мові; люди, яким потрібна проста мова, "
            "перевіряють, чи вона зрозуміла. За бажанням я можу прочитати цю версію заздалегідь. Якщо я "
            "відкличу згоду, місто негайно прибере версію простою мовою з вебсайту."
        ),
        "ru": (
            "Я даю согласие на то, чтобы город Корнвестхайм заказал пересказ моей истории приезда на простом "
            "немецком языке (Leichte Sprache) и показывал эту версию везде, где может появляться немецкая "
            "версия. Простой язык помогает людям, которые плохо читают или только начинают учить немецкий. Для "
            "этого мой текст сокращают и пишут простыми предложениями; содержание моего рассказа остаётся "
            "прежним.\n\n"
            "Эту версию пишут переводчики, специализирующиеся на простом языке; люди, которым нужен простой "
            "язык, проверяют, понятна ли она. По желанию я могу прочитать эту версию заранее. Если я отзову "
            "согласие, город сразу же уберёт версию на простом языке с сайта."
        ),
        "fa": (
            "رضایت می‌دهم که شهر کورن‌وستهایم داستان رسیدنم را به زبان آلمانی ساده («Leichte Sprache») "
            "بازنویسی کند و این نسخه را در همهٔ جاهایی نشان دهد که نسخهٔ آلمانی اجازهٔ انتشار دارد. زبان ساده "
            "به کسانی کمک می‌کند که خوب نمی‌توانند بخوانند یا تازه آلمانی یاد می‌گیرند. برای این کار متن من "
            "کوتاه‌تر و با جمله‌های ساده نوشته می‌شود؛ آنچه روایت کرده‌ام همان می‌ماند.\n\n"
            "این نسخه را مترجمانی می‌نویسند که در زبان ساده تخصص دارند، و کسانی که به زبان ساده نیاز دارند "
            "بررسی می‌کنند که آیا قابل فهم است. اگر بخواهم، می‌توانم این نسخه را پیش از انتشار بخوانم. اگر "
            "رضایتم را پس بگیرم، شهر نسخهٔ زبان ساده را بی‌درنگ از وب‌سایت برمی‌دارد."
        ),
    },
}

# What every consent says, after its purpose: (special categories, voluntary and withdrawable, whom to tell).
COMMON_PARTS = {
    "de": (
        "Meine Geschichte kann Angaben enthalten, die das Datenschutzrecht besonders schützt (Art. 9 "
        "Datenschutz-Grundverordnung): zum Beispiel über meine Herkunft, meine Religion oder meine Gesundheit. "
        "Ich willige ausdrücklich ein, dass auch diese Angaben für den oben genannten Zweck verwendet werden, "
        "soweit sie in dem Text stehen, den ich freigegeben habe. Was ich nicht zeigen möchte, streicht die "
        "Redaktion vorher.",
        "Diese Einwilligung ist freiwillig. Sie gilt nur für den oben genannten Zweck; für jeden anderen Zweck "
        "fragt mich die Stadt eigens. Wenn ich nicht einwillige, habe ich keinen Nachteil. Die Einwilligung "
        "gilt, bis ich sie widerrufe, oder bis zu dem Tag, der bei der Einwilligung eingetragen ist. Ich kann "
        "sie jederzeit ohne Angabe von Gründen widerrufen, mit Wirkung für die Zukunft: Was bis zum Widerruf "
        "geschehen ist, bleibt rechtmäßig. Die Stadt bewahrt die Einwilligung und einen Widerruf als Nachweis "
        "auf. Für Kinder und Jugendliche unter 16 Jahren willigen die Sorgeberechtigten ein.",
        "Widerrufen und Fragen stellen kann ich formlos, mündlich oder schriftlich, bei der Redaktion "
        "Ankommensgeschichten der Stadt Kornwestheim, bei der Integrationsbeauftragten, Jakob-Sigle-Platz 1, "
        "70806 Kornwestheim, E-Mail integration@demo.ankommen.example. Mit einem Konto auf dieser Website kann "
        "ich auch selbst widerrufen, unter „Meine Geschichten“. Verantwortlich ist die Stadt Kornwestheim. "
        "Fragen zum Datenschutz beantwortet die oder der Datenschutzbeauftragte der Stadt: "
        "datenschutz@demo.ankommen.example. Ich kann mich auch beim Landesbeauftragten für den Datenschutz und "
        "die Informationsfreiheit Baden-Württemberg beschweren.",
    ),
    "de-simple": (
        "In meiner Geschichte können besondere Dinge über mich stehen.\n"
        "Zum Beispiel:\n"
        "• aus welchem Land ich komme.\n"
        "• an welche Religion ich glaube.\n"
        "• wie es meiner Gesundheit geht.\n"
        "Diese Dinge sind besonders geschützt.\n"
        "Das steht in einem Gesetz.\n"
        "Das Gesetz heißt: Datenschutz·grund·verordnung, Artikel 9.\n\n"
        "Ich bin ausdrücklich einverstanden:\n"
        "Die Stadt darf auch diese Dinge zeigen.\n"
        "Aber nur, wenn sie in meinem Text stehen.\n"
        "Und nur so, wie ich den Text gut gefunden habe.\n"
        "Was ich nicht zeigen will, streicht die Redaktion vorher.",
        "Ich muss nicht einverstanden sein.\n"
        "Ich entscheide das selbst.\n"
        "Wenn ich Nein sage, habe ich keinen Nachteil.\n\n"
        "Das Einverständnis gilt nur für das, was oben steht.\n"
        "Für andere Dinge fragt die Stadt mich noch einmal.\n\n"
        "Das Einverständnis gilt,\n"
        "• bis ich es zurück·nehme.\n"
        "• oder bis zu einem Tag, den wir dabei aufschreiben.\n\n"
        "Ich kann mein Einverständnis immer zurück·nehmen.\n"
        "Ich muss nicht sagen, warum.\n"
        "Dann gilt es ab diesem Tag nicht mehr.\n"
        "Was vorher war, war erlaubt.\n"
        "Die Stadt hebt mein Einverständnis als Nachweis auf.\n"
        "Und auch, wann ich es zurück·genommen habe.\n\n"
        "Kinder und Jugendliche unter 16 Jahren:\n"
        "Für sie sagen die Eltern Ja oder Nein.\n"
        "Oder die Menschen, die für sie sorgen.",
        "Ich will mein Einverständnis zurück·nehmen?\n"
        "Oder ich habe eine Frage?\n"
        "Dann sage ich es der Redaktion von den Ankommens·geschichten.\n"
        "Ich kann es sagen oder schreiben.\n"
        "Die Redaktion ist bei der Integrations·beauftragten von der Stadt Kornwestheim.\n"
        "Die Adresse ist:\n"
        "Jakob-Sigle-Platz 1\n"
        "70806 Kornwestheim\n"
        "E-Mail: integration@demo.ankommen.example\n\n"
        "Ich habe ein Konto auf dieser Internet·seite?\n"
        "Dann kann ich mein Einverständnis auch selbst zurück·nehmen.\n"
        "Unter: Meine Geschichten.\n\n"
        "Verantwortlich ist die Stadt Kornwestheim.\n"
        "Ich habe eine Frage zum Daten·schutz?\n"
        "Dann schreibe ich an die Person für Daten·schutz bei der Stadt:\n"
        "datenschutz@demo.ankommen.example\n"
        "Ich kann mich auch beschweren.\n"
        "Beim Landes·beauftragten für den Daten·schutz in Baden-Württemberg.",
    ),
    "en": (
        "My story may contain information that data protection law specially protects (Art. 9 General Data "
        "Protection Regulation): for example about my origin, my religion or my health. I explicitly consent to "
        "this information also being used for the purpose named above, as far as it is in the text I approved. "
        "Whatever I do not want to be shown, the editors remove beforehand.",
        "This consent is voluntary. It applies only to the purpose named above; for any other purpose the City "
        "asks me separately. If I do not consent, I suffer no disadvantage. The consent applies until I "
        "withdraw it, or until the date entered when I gave it. I can withdraw it at any time without giving "
        "reasons, with effect for the future: what happened before the withdrawal remains lawful. The City "
        "keeps the consent and any withdrawal as a record. For children and young people under 16, those with "
        "parental responsibility consent.",
        "I can withdraw my consent or ask questions informally, orally or in writing, at the "
        "Ankommensgeschichten editorial office of the City of Kornwestheim, with the Integration Commissioner, "
        "Jakob-Sigle-Platz 1, 70806 Kornwestheim, email integration@demo.ankommen.example. With an account on "
        "this website I can also withdraw it myself, under “Meine Geschichten” (My stories). The City of "
        "Kornwestheim is responsible. Questions about data protection are answered by the City's data "
        "protection officer: datenschutz@demo.ankommen.example. I can also complain to the State Commissioner "
        "for Data Protection and Freedom of Information of Baden-Württemberg.",
    ),
    "tr": (
        "Hikâyem, veri koruma hukukunun özel olarak koruduğu bilgiler içerebilir (Genel Veri Koruma Tüzüğü, "
        "Madde 9): örneğin kökenim, dinim ya da sağlığım hakkında. Onayladığım metinde yer aldıkları ölçüde bu "
        "bilgilerin de yukarıda belirtilen amaç için kullanılmasına açıkça onay veriyorum. Gösterilmesini "
        "istemediğim her şeyi editörler önceden çıkarır.",
        "Bu onay gönüllüdür. Yalnızca yukarıda belirtilen amaç için geçerlidir; başka her amaç için belediye "
        "bana ayrıca sorar. Onay vermezsem bundan hiçbir zarar görmem. Onay, ben geri çekene kadar ya da onay "
        "verilirken yazılan tarihe kadar geçerlidir. Onayımı istediğim zaman, gerekçe göstermeden ve ileriye "
        "dönük olarak geri çekebilirim: Geri çekmeden önce yapılanlar hukuka uygun kalır. Belediye, onayı ve "
        "geri çekilmesini kanıt olarak saklar. 16 yaşından küçük çocuklar ve gençler için velileri onay verir.",
        "Onayımı geri çekmek ve soru sormak için herhangi bir şekle bağlı olmadan, sözlü ya da yazılı olarak "
        "Kornwestheim Belediyesi'nin Geliş Hikâyeleri editörlüğüne, Uyum Sorumlusu'nun bürosuna başvurabilirim: "
        "Jakob-Sigle-Platz 1, 70806 Kornwestheim, e-posta integration@demo.ankommen.example. Bu sitede bir "
        "hesabım varsa onayımı „Meine Geschichten“ (Hikâyelerim) bölümünde kendim de geri çekebilirim. Sorumlu "
        "kurum Kornwestheim Belediyesi'dir. Veri korumayla ilgili soruları belediyenin veri koruma görevlisi "
        "yanıtlar: datenschutz@demo.ankommen.example. Baden-Württemberg Eyaleti Veri Koruma ve Bilgi Edinme "
        "Özgürlüğü Görevlisine de şikâyette bulunabilirim.",
    ),
    "ar": (
        "قد تحتوي قصتي على معلومات يحميها قانون حماية البيانات حمايةً خاصة (المادة 9 من اللائحة العامة "
        "لحماية البيانات): مثلاً عن أصلي أو ديني أو صحتي. أوافق صراحةً على أن تُستخدم هذه المعلومات أيضاً "
        "للغرض المذكور أعلاه، بقدر ما ترد في النص الذي وافقتُ عليه. وما لا أريد عرضه يحذفه فريق التحرير "
        "مسبقاً.",
        "هذه الموافقة طوعية. وهي تسري على الغرض المذكور أعلاه فقط؛ ولأي غرض آخر تسألني المدينة على حدة. إذا "
        "لم أوافق، فلن يلحقني أي ضرر. تسري الموافقة إلى أن أسحبها، أو حتى التاريخ المسجّل عند إعطائها. "
        "يمكنني سحبها في أي وقت ومن دون ذكر الأسباب، ويسري السحب على المستقبل: ما حدث قبل السحب يبقى "
        "مشروعاً. تحتفظ المدينة بالموافقة وبأي سحب لها كإثبات. وبالنسبة إلى الأطفال واليافعين دون السادسة "
        "عشرة، يوافق أولياء أمورهم.",
        "يمكنني سحب موافقتي أو طرح الأسئلة من دون أي شكليات، شفهياً أو كتابياً، لدى فريق تحرير قصص الوصول "
        "في مدينة كورنفستهايم، عند مسؤولة الاندماج: Jakob-Sigle-Platz 1, 70806 Kornwestheim، البريد "
        "الإلكتروني integration@demo.ankommen.example. وإذا كان لي حساب على هذا الموقع، يمكنني أيضاً أن "
        "أسحبها بنفسي في صفحة «Meine Geschichten» (قصصي). الجهة المسؤولة هي مدينة كورنفستهايم. ويجيب مسؤول "
        "حماية البيانات في المدينة عن الأسئلة المتعلقة بحماية البيانات: datenschutz@demo.ankommen.example. "
        "ويمكنني أيضاً تقديم شكوى إلى مفوّض حماية البيانات وحرية المعلومات في ولاية بادن-فورتمبيرغ.",
    ),
    "uk": (
        "Моя історія може містити відомості, які законодавство про захист даних захищає особливо (ст. 9 "
        "Загального регламенту про захист даних): наприклад про моє походження, мою релігію або моє здоров'я. "
        "Я прямо погоджуюся, що й ці відомості буде використано для зазначеної вище мети, наскільки вони є в "
        "схваленому мною тексті. Те, чого я не хочу показувати, редакція заздалегідь вилучить.",
        "Ця згода є добровільною. Вона стосується лише зазначеної вище мети; щодо будь-якої іншої мети місто "
        "питає мене окремо. Якщо я не погоджуся, це не матиме для мене жодних негативних наслідків. Згода діє, "
        "доки я її не відкличу, або до дати, вказаної під час її надання. Я можу будь-коли відкликати її без "
        "пояснення причин, з дією на майбутнє: усе, що відбулося до відкликання, залишається законним. Місто "
        "зберігає згоду та її відкликання як підтвердження. За дітей і підлітків до 16 років згоду дають "
        "батьки або інші законні представники.",
        "Відкликати згоду або поставити запитання я можу в довільній формі, усно чи письмово, у редакції "
        "історій прибуття міста Корнвестгайм, в уповноваженої з питань інтеграції: Jakob-Sigle-Platz 1, 70806 "
        "Kornwestheim, електронна пошта integration@demo.ankommen.example. Маючи обліковий запис на цьому "
        "вебсайті, я можу відкликати згоду і самостійно, у розділі «Meine Geschichten» (Мої історії). "
        "Відповідальним є місто Корнвестгайм. На запитання щодо захисту даних відповідає уповноважена особа "
        "міста з питань захисту даних: datenschutz@demo.ankommen.example. Я також можу подати скаргу "
        "Уповноваженому із захисту даних і свободи інформації землі Баден-Вюртемберг.",
    ),
    "ru": (
        "Моя история может содержать сведения, которые законодательство о защите данных защищает особо (ст. 9 "
        "Общего регламента по защите данных): например о моём происхождении, моей религии или моём здоровье. "
        "Я прямо даю согласие на то, чтобы и эти сведения использовались для указанной выше цели в той мере, в "
        "какой они содержатся в одобренном мною тексте. То, что я не хочу показывать, редакция заранее "
        "вычеркнет.",
        "Это согласие добровольное. Оно относится только к указанной выше цели; о любой другой цели город "
        "спрашивает меня отдельно. Если я не дам согласия, это не повлечёт для меня никаких негативных "
        "последствий. Согласие действует, пока я его не отзову, или до даты, указанной при его получении. Я "
        "могу в любое время отозвать его без объяснения причин, с действием на будущее: всё, что произошло до "
        "отзыва, остаётся законным. Город хранит согласие и его отзыв в качестве подтверждения. За детей и "
        "подростков до 16 лет согласие дают родители или другие законные представители.",
        "Отозвать согласие или задать вопросы я могу в свободной форме, устно или письменно, в редакции "
        "историй приезда города Корнвестхайм, у уполномоченной по вопросам интеграции: Jakob-Sigle-Platz 1, "
        "70806 Kornwestheim, электронная почта integration@demo.ankommen.example. Имея учётную запись на этом "
        "сайте, я могу отозвать согласие и самостоятельно, в разделе «Meine Geschichten» (Мои истории). "
        "Ответственным является город Корнвестхайм. На вопросы о защите данных отвечает уполномоченный по "
        "защите данных города: datenschutz@demo.ankommen.example. Я также могу подать жалобу Уполномоченному "
        "по защите данных и свободе информации земли Баден-Вюртемберг.",
    ),
    "fa": (
        "داستان من ممکن است اطلاعاتی در بر داشته باشد که قانون حفاظت از داده‌ها از آن‌ها حفاظت ویژه می‌کند "
        "(مادهٔ ۹ مقررات عمومی حفاظت از داده‌ها): برای نمونه دربارهٔ خاستگاه، دین یا سلامتم. صریحاً رضایت "
        "می‌دهم که این اطلاعات نیز، تا جایی که در متن تأییدشدهٔ من آمده‌اند، برای هدفی که در بالا ذکر شد به "
        "کار روند. هر چیزی را که نخواهم نشان داده شود، هیئت تحریریه از پیش حذف می‌کند.",
        "این رضایت داوطلبانه است. فقط برای هدفی که در بالا ذکر شد معتبر است؛ برای هر هدف دیگری شهر جداگانه "
        "از من می‌پرسد. اگر رضایت ندهم، هیچ زیانی برایم ندارد. این رضایت تا زمانی معتبر است که آن را پس "
        "بگیرم، یا تا تاریخی که هنگام دادن رضایت ثبت شده است. می‌توانم هر زمان و بدون ذکر دلیل رضایتم را پس "
        "بگیرم، با اثر برای آینده: آنچه پیش از پس گرفتن رضایت انجام شده، قانونی باقی می‌ماند. شهر رضایت و "
        "پس گرفتن آن را به‌عنوان مدرک نگه می‌دارد. برای کودکان و نوجوانان زیر ۱۶ سال، سرپرستان قانونی آن‌ها "
        "رضایت می‌دهند.",
        "برای پس گرفتن رضایت یا پرسیدن سؤال، بدون هیچ تشریفاتی، شفاهی یا کتبی، می‌توانم به هیئت تحریریهٔ "
        "داستان‌های رسیدنِ شهر کورن‌وستهایم نزد مسئول امور ادغام مراجعه کنم: Jakob-Sigle-Platz 1, 70806 "
        "Kornwestheim، ایمیل integration@demo.ankommen.example. اگر در این وب‌سایت حساب کاربری داشته باشم، "
        "می‌توانم خودم هم در بخش «Meine Geschichten» (داستان‌های من) رضایتم را پس بگیرم. مسئولیت با شهر "
        "کورن‌وستهایم است. به پرسش‌های مربوط به حفاظت از داده‌ها، مسئول حفاظت از داده‌های شهر پاسخ می‌دهد: "
        "datenschutz@demo.ankommen.example. همچنین می‌توانم به کمیسیونر حفاظت از داده‌ها و آزادی اطلاعات "
        "ایالت بادن-وورتمبرگ شکایت کنم.",
    ),
}


def consent_text(purpose, language):
    """The whole consent text for `purpose` in `language`: its own part, then what every consent says."""
    return "\n\n".join((PURPOSE_PARTS[purpose][language], *COMMON_PARTS[language]))


# The three stories told in Arabic or Persian, in the person's own words, by the story's slug; the
# German in `demo.py` is their translation. "answers": the interview's questions and answers in order.
ORIGINALS = {
    "wieder-mit-kindern-arbeiten": {
        "language": "ar",
        "title": "«أردتُ أن أعمل مع الأطفال من جديد»",
        "origin": "سوريا",
        "teaser": (
            "كانت رشا خليل معلمةً في مدرسة ابتدائية في حلب. في كورنفستهايم بدأت من الصفر مرة أخرى، وهي "
            "اليوم مربّية في روضة أطفال في حيّ فيستشتات."
        ),
        "body": (
            "في خريف عام 2015 وصلت رشا خليل إلى كورنفستهايم مع زوجها وطفليها الصغيرين. سكنت العائلة أولاً "
            "في سكن جماعي، ثم سنتين في شقة صغيرة في حيّ فيستشتات. تقول: «في البداية كنت أنتظر فقط. أنتظر "
            "الرسائل والمواعيد ومكاناً في دورة اللغة».\n\n"
            "في سوريا درّست ثماني سنوات في مدرسة ابتدائية. لكن شهادتها كمعلمة لم يُعترف بها في ألمانيا. "
            "«كان ذلك مُرّاً. لكن مستشارة قالت لي: يمكنكِ أن تصبحي مربّية وأن تعملي مع الأطفال من جديد. "
            "كانت هذه هي الجملة التي احتجت إليها».\n\n"
            "تعلّمت الألمانية في دورة الاندماج، ثم واصلت حتى المستوى B2. وفي عام 2018 بدأت التدريب المهني "
            "لتصبح مربّية، وهو تدريب يجمع بين العمل والدراسة: ثلاثة أيام في الأسبوع في روضة أطفال، ويومان "
            "في المدرسة المهنية. كانت تدرس في المساء بعد أن ينام أطفالها، وتكتب المصطلحات المهنية على "
            "بطاقات صغيرة: الألمانية على وجه، والعربية على الوجه الآخر.\n\n"
            "تعمل رشا خليل اليوم في روضة أطفال في حيّ فيستشتات. كثير من الأهالي هناك يتحدثون في البيت لغة "
            "غير الألمانية. «أحياناً أترجم في لقاءات الأهل. لكنني قبل كل شيء أقول لهم: من حقّ طفلكم أن تكون "
            "له لغتان». وكل صباح يحيّي أطفال مجموعتها بعضهم بعضاً بثلاث لغات يختارونها بأنفسهم.\n\n"
            "ما الذي ساعدها أكثر من أي شيء آخر؟ تفكّر طويلاً ثم تقول: «أناس وثقوا بي. المشرفة عليّ في "
            "روضتي الأولى لم تقل لي أبداً: هذا لا تستطيعين. كانت تقول: جرّبي، أنا هنا»."
        ),
        "photo_alt": (
            "رسم: برج من مكعبات البناء على طاولة خشبية – في الأسفل مكعبان أحمر وأزرق، وفوقهما قوس أصفر، "
            "وفي الأعلى مثلث أخضر."
        ),
    },
    "in-der-werkstatt-deutsch-gelernt": {
        "language": "fa",
        "title": "«آلمانی را در تعمیرگاه یاد گرفتم»",
        "origin": "افغانستان",
        "teaser": (
            "مهدی شانزده‌ساله بود که تنها از افغانستان آمد. امروز مکانیک خودرو در تعمیرگاهی در زودشتات است و "
            "می‌خواهد دورهٔ استادکاری را بگذراند. گفت‌وگویی دربارهٔ آچار، واژه‌های فنی و صبر."
        ),
        "body": (
            "مهدی در سال ۲۰۱۵ تنها به آلمان آمد؛ شانزده سال داشت. اول در یک خانهٔ گروهی برای نوجوانان زندگی "
            "کرد و در هنرستان به کلاسی برای پناهجویان جوان رفت. امروز پس از پایان دورهٔ آموزش حرفه‌ای، "
            "به‌عنوان مکانیک در یک تعمیرگاه خودرو در زودشتات کار می‌کند.\n\n"
            "این گفت‌وگو به زبان دری، زبان مادری او، انجام شد. متن آلمانی ترجمهٔ آن است؛ این‌جا سخنان خود او "
            "را می‌خوانید."
        ),
        "photo_alt": (
            "طرح: دو چرخ‌دندهٔ درگیر با هم، یکی بزرگ و نارنجی و دیگری کوچک و خاکستری، روی زمینهٔ آبی تیره."
        ),
        "answers": [
            (
                "اولین روزت در کورن‌وستهایم چطور بود؟",
                "هوا سرد بود و من خیلی خسته بودم. یکی از مربی‌ها اتاقی را نشانم داد و گفت: «Hier bist du "
                "sicher»، یعنی این‌جا در امانی. آن موقع کلمهٔ «sicher» را نمی‌فهمیدم، اما چهره‌اش را "
                "می‌فهمیدم.",
            ),
            (
                "چطور به تعمیرگاه خودرو رسیدی؟",
                "در هرات هم در تعمیرگاه کاکایم کمک می‌کردم. در هنرستان باید کارآموزی می‌کردیم. با رزومه‌ام از "
                "این تعمیرگاه به آن تعمیرگاه رفتم. در سومی، صاحب‌کار گفت: «فردا ساعت هفت بیا.» بعد از "
                "کارآموزی به من جای آموزش حرفه‌ای پیشنهاد داد.",
            ),
            (
                "سخت‌ترین بخش دورهٔ آموزش چه بود؟",
                "هنرستان. در تعمیرگاه می‌توانم نشان بدهم که چه بلدم، اما در امتحان باید آن را بنویسم. "
                "کلمه‌هایی مثل «Drehmomentschlüssel» (آچار ترک‌متر) یا «Einspritzanlage» (سیستم انژکتور) را صد "
                "بار نوشتم. یک مرد بازنشسته سه سال تمام، هر شنبه با من درس خواند.",
            ),
            (
                "و امروز؟",
                "در سال ۲۰۲۱ در امتحان پایان دورهٔ آموزش قبول شدم. از آن موقع در همان تعمیرگاه کار می‌کنم. "
                "حالا خودم به کارآموزها نشان می‌دهم که روغن را چطور عوض کنند. برای دورهٔ استادکاری پس‌انداز "
                "می‌کنم.",
            ),
            (
                "چه آرزویی داری؟",
                "این‌که کارگاه‌ها به جوان‌ها فرصت بدهند، حتی اگر آلمانی‌شان هنوز کامل نیست. و این‌که مادرم یک "
                "بار بتواند این‌جا به دیدنم بیاید.",
            ),
        ],
    },
    "hundertzwanzig-wohnungen-eine-zusage": {
        "language": "ar",
        "title": "مئة وعشرون شقة وموافقة واحدة",
        "origin": "العراق",
        "teaser": (
            "عاش سمير مع عائلته قرابة أربع سنوات في سكن توفّره المدينة. ثم، بعد أكثر من مئة طلب، جاءت "
            "الموافقة من باتونفيل. يحكي ما الذي فعله البحث عن شقة بعائلته."
        ),
        "body": (
            "سمير ليس اسمه الحقيقي. لا يريد أن يقرأ اسمه على الإنترنت، لأن جزءاً من عائلته ما زال يعيش في "
            "العراق. وصل عام 2016 من الموصل إلى كورنفستهايم مع زوجته وأطفاله الثلاثة. قبل ذلك بعامين اضطرت "
            "العائلة إلى ترك مدينتها.\n\n"
            "عاشت العائلة قرابة أربع سنوات في سكن المتابعة، أي في سكن توفّره المدينة للاجئين: غرفتان ومطبخ "
            "تتقاسمه مع عائلة أخرى. يقول سمير: «كان الأولاد يكتبون واجباتهم على السرير. ابنتي الكبرى كانت "
            "تذهب كثيراً إلى صديقتها لتدرس، لأن البيت عندنا كان صاخباً جداً».\n\n"
            "سرعان ما بدأ سمير يعمل مساعداً في مستودع لشركة نقل وخدمات لوجستية. ومع عقد عمل دائم بدأ البحث "
            "عن شقة. كتب أكثر من مئة وعشرين طلباً، ومعظمها بقي بلا جواب. «على الهاتف كان كل شيء على ما "
            "يرام. ثم أقول اسمي».\n\n"
            "في النهاية ساعدته متطوعة من مجموعة لدعم اللاجئين. كانت تعرف رجلاً مسنّاً في باتونفيل يريد أن "
            "يؤجّر شقته، لكنه كان يخشى المشاكل. فعرّفته على سمير. وعند معاينة الشقة تحدّث الرجلان ساعة "
            "كاملة عن كرة القدم. ومنذ عام 2020 تسكن العائلة هناك.\n\n"
            "اليوم لكل طفل مكتبه الخاص. وابنته الكبرى ستقدّم قريباً امتحان الشهادة الثانوية. يقول سمير: "
            "«البيت أكثر من أربعة جدران. البيت هو الهدوء. مع الهدوء يستطيع الأولاد أن يتعلموا، وأستطيع أنا "
            "أن أنام»."
        ),
    },
}
