"""Demo resource list: the standard categories and populations, and sample services for the seeded agencies.

Contact details, addresses, ages and verification dates are invented sample data
(phone numbers use the reserved 555-01xx range); the services are the ones the seeds
describe (Huckleberry's 24-hour response, DPH's outreach to massage and restaurant
workers, the gap in resources for Spanish speakers).
"""

import datetime

from django.utils import timezone
from django.utils.text import slugify
from modeltranslation.utils import build_localized_fieldname

from .models import Organization, PamphletDistribution, Population, Service, ServiceCategory

# (English, Spanish, Chinese (Traditional), Filipino) in the order they appear in filters and the pamphlet.
CATEGORIES = [
    ("24-hour response and hotlines", "Respuesta las 24 horas y líneas de ayuda", "24 小時應變及熱線", "24-oras na tugon at mga hotline"),
    ("Housing and shelter", "Vivienda y refugio", "住房及庇護", "Pabahay at kanlungan"),
    ("Legal", "Ayuda legal", "法律協助", "Tulong legal"),
    ("Immigration legal", "Ayuda legal de inmigración", "移民法律協助", "Tulong legal sa imigrasyon"),
    ("Health", "Salud", "醫療保健", "Kalusugan"),
    ("Mental health", "Salud mental", "心理健康", "Kalusugang pangkaisipan"),
    ("Case management", "Gestión de casos", "個案管理", "Pamamahala ng kaso"),
    ("Employment and vocational", "Empleo y formación", "就業及職業訓練", "Trabaho at bokasyonal na pagsasanay"),
    ("Education", "Educación", "教育", "Edukasyon"),
    ("Youth services", "Servicios para jóvenes", "青少年服務", "Mga serbisyo para sa kabataan"),
    ("Food", "Alimentos", "食物", "Pagkain"),
    ("Interpretation", "Interpretación", "口譯", "Interpretasyon"),
    ("Other", "Otros", "其他", "Iba pa"),
]  # fmt: skip

POPULATIONS = [
    ("Minors", "Menores de edad", "未成年人", "Mga menor de edad"),
    ("Transition-age youth 18-24", "Jóvenes de 18 a 24 años", "18 至 24 歲青年", "Kabataang edad 18-24"),
    ("Adults", "Personas adultas", "成年人", "Mga nasa hustong gulang"),
    ("Women", "Mujeres", "女性", "Kababaihan"),
    ("Men", "Hombres", "男性", "Kalalakihan"),
    ("LGBTQ+", "LGBTQ+", "LGBTQ+", "LGBTQ+"),
    ("Transgender people", "Personas transgénero", "跨性別人士", "Mga transgender"),
    ("Immigrants regardless of status", "Inmigrantes, sin importar su estatus", "不論身分的移民", "Mga imigrante anuman ang katayuan"),
    ("Sex workers", "Trabajadoras y trabajadores sexuales", "性工作者", "Mga sex worker"),
    ("Families", "Familias", "家庭", "Mga pamilya"),
    ("Labor-trafficking survivors", "Sobrevivientes de la trata laboral", "勞力販運倖存者", "Mga nakaligtas sa labor trafficking"),
    ("Sex-trafficking survivors", "Sobrevivientes de la trata sexual", "性販運倖存者", "Mga nakaligtas sa sex trafficking"),
]  # fmt: skip

SAMPLE = " (Sample data.)"
PUBLIC, MEMBERS = Service.Visibility.PUBLIC, Service.Visibility.MEMBERS

# organization, name, fields, category names, population names, days since verified (None: never).
SERVICES = [
    (
        "Huckleberry Youth Programs",
        "24-hour response for sexually exploited youth",
        {
            "description": "Peer advocates meet commercially sexually exploited children and youth wherever they are identified, any time of day or night, and stay with them through the first days: safety, medical care, a place to stay and a case manager."
            + SAMPLE,
            "how_to_refer": "Call the 24-hour line. Police, child welfare, hospitals and schools can call directly; youth can call for themselves.",
            "name_es": "Respuesta las 24 horas para jóvenes explotados sexualmente",
            "description_es": "Consejeros pares acompañan a niños, niñas y jóvenes explotados sexualmente con fines comerciales dondequiera que se les identifique, de día o de noche: seguridad, atención médica, un lugar donde quedarse y un administrador de casos. (Datos de ejemplo.)",
            "how_to_refer_es": "Llame a la línea de 24 horas. La policía, los servicios de protección infantil, los hospitales y las escuelas pueden llamar directamente; los jóvenes pueden llamar por sí mismos.",
            "phone": "(415) 555-0101",
            "is_24_hour": True,
            "minimum_age": 11,
            "maximum_age": 24,
            "languages": ["en", "es"],
            "fees": "Free",
            "hours": "24 hours a day, every day",
            "city": "San Francisco",
        },
        ["24-hour response and hotlines", "Youth services", "Case management"],
        ["Minors", "Transition-age youth 18-24", "Sex-trafficking survivors"],
        30,
    ),
    (
        "Legal Aid Society",
        "Spanish-speaking legal help for adults",
        {
            "description": "Abogados y asistentes que hablan español: legal advice and representation in Spanish for adult survivors of labor and sex trafficking: unpaid wages, civil remedies against traffickers, housing and benefits."
            + SAMPLE,
            "how_to_refer": "Call the intake line Monday to Friday, or send an email with the person's first name and a safe way to reach them.",
            "name_es": "Ayuda legal en español para personas adultas",
            "description_es": "Asesoría y representación legal en español para personas adultas sobrevivientes de la trata laboral y sexual: salarios no pagados, demandas civiles contra tratantes, vivienda y beneficios. (Datos de ejemplo.)",
            "how_to_refer_es": "Llame a la línea de admisión de lunes a viernes, o envíe un correo con el primer nombre de la persona y una forma segura de contactarla.",
            "phone": "(415) 555-0102",
            "email": "intake@example.org",
            "minimum_age": 18,
            "languages": ["es", "en"],
            "eligibility": "Adults living or working in San Francisco, regardless of immigration status.",
            "fees": "Free",
            "hours": "Monday to Friday, 9 am-5 pm",
            "street_address": "100 Example Street, Suite 200",
            "city": "San Francisco",
            "state": "CA",
            "postal_code": "94104",
        },
        ["Legal"],
        ["Adults", "Immigrants regardless of status", "Labor-trafficking survivors", "Sex-trafficking survivors"],
        60,
    ),
    (
        "Asian Women's Shelter",
        "Confidential shelter for Asian women and their children",
        {
            "description": "Emergency shelter and transitional housing at a confidential location for women and their children escaping trafficking and domestic violence, with multilingual advocates."
            + SAMPLE,
            "how_to_refer": "Call the 24-hour crisis line; an advocate arranges a safe meeting place. The shelter's address is never given out.",
            "name_es": "Refugio confidencial para mujeres asiáticas y sus hijos",
            "description_es": "Refugio de emergencia y vivienda de transición en un lugar confidencial para mujeres y sus hijos que escapan de la trata y la violencia doméstica, con consejeras multilingües. (Datos de ejemplo.)",
            "how_to_refer_es": "Llame a la línea de crisis de 24 horas; una consejera acordará un lugar seguro para reunirse. La dirección del refugio nunca se comparte.",
            "phone": "(415) 555-0103",
            "is_24_hour": True,
            "location_is_confidential": True,
            "street_address": "",
            "postal_code": "",
            "city": "San Francisco",
            "languages": ["en", "zh", "ko", "vi", "tl", "ja", "th"],
            "fees": "Free",
            "hours": "Crisis line 24 hours a day",
        },
        ["Housing and shelter", "24-hour response and hotlines", "Interpretation"],
        [
            "Women",
            "Families",
            "Immigrants regardless of status",
            "Sex-trafficking survivors",
            "Labor-trafficking survivors",
        ],
        120,
    ),
    (
        "Department of Public Health",
        "Public health outreach to massage and restaurant workers",
        {
            "description": "Bilingual health workers visit massage establishments and restaurants to talk with workers about their health, their rights at work and where to get help if they are being exploited."
            + SAMPLE,
            "how_to_refer": "Members can ask for a visit to a workplace or a community group by email; workers can call the outreach line.",
            "phone": "(415) 555-0104",
            "email": "outreach@example.org",
            "minimum_age": 18,
            "languages": ["zh", "es", "en", "ko", "vi"],
            "fees": "Free",
            "hours": "Tuesday to Saturday, 10 am-7 pm",
            "city": "San Francisco",
        },
        ["Health"],
        ["Adults", "Immigrants regardless of status", "Labor-trafficking survivors"],
        430,
    ),
    (
        "API Legal Outreach",
        "Immigration legal help for survivors (T and U visas)",
        {
            "description": "Immigration relief for survivors of trafficking and other crimes: T visas, U visas, work permits and family petitions, in Asian and Pacific Islander languages."
            + SAMPLE,
            "how_to_refer": "Call for an intake appointment; a member agency may call on the survivor's behalf with their consent.",
            "phone": "(415) 555-0105",
            "languages": ["en", "zh", "ko", "vi", "tl"],
            "fees": "Free",
            "hours": "Monday to Friday, 9 am-5 pm",
            "street_address": "200 Example Avenue",
            "city": "San Francisco",
            "state": "CA",
            "postal_code": "94108",
        },
        ["Immigration legal", "Legal"],
        ["Immigrants regardless of status", "Adults", "Labor-trafficking survivors", "Sex-trafficking survivors"],
        200,
    ),
    (
        "St. James Infirmary",
        "Peer-run health care for sex workers",
        {
            "description": "Free, non-judgmental medical and mental health care by and for sex workers of all genders, including transgender health care."
            + SAMPLE,
            "how_to_refer": "Walk in during clinic hours or call ahead. No one needs to say how they came.",
            "phone": "(415) 555-0106",
            "minimum_age": 18,
            "languages": ["en", "es"],
            "fees": "Free",
            "hours": "Tuesday and Thursday, 1-8 pm",
            "street_address": "300 Example Street",
            "city": "San Francisco",
            "state": "CA",
            "postal_code": "94103",
        },
        ["Health", "Mental health"],
        ["Sex workers", "Transgender people", "LGBTQ+", "Adults"],
        90,
    ),
    (
        "Love Never Fails",
        "Mentoring and restoration housing for women survivors",
        {
            "description": "Survivor-led mentoring and a restoration home for adult women leaving sex trafficking, referred by member agencies."
            + SAMPLE,
            "how_to_refer": "Member agencies refer by phone after talking with the survivor; the program calls back within two working days.",
            "phone": "(415) 555-0107",
            "minimum_age": 18,
            "languages": ["en"],
            "visibility": MEMBERS,
            "city": "Oakland",
        },
        ["Housing and shelter", "Case management"],
        ["Women", "Sex-trafficking survivors"],
        None,
    ),
    (
        "Family and Children's Services",
        "Child welfare response for commercially sexually exploited children",
        {
            "description": "The child welfare system's first response under the interagency protocol for commercially sexually exploited children, with Huckleberry's peer advocates."
            + SAMPLE,
            "how_to_refer": "Mandated reporters call the child abuse hotline and say the child may be commercially sexually exploited.",
            "phone": "(415) 555-0108",
            "is_24_hour": True,
            "maximum_age": 17,
            "languages": ["en", "es", "zh"],
            "visibility": MEMBERS,
            "city": "San Francisco",
        },
        ["Youth services", "24-hour response and hotlines"],
        ["Minors", "Families", "Sex-trafficking survivors"],
        45,
    ),
    (
        "SF-Marin Food Bank",
        "Groceries for survivors and their families",
        {
            "description": "Free weekly groceries at neighborhood pantries; no documents or proof of income needed."
            + SAMPLE,
            "how_to_refer": "Call to find the nearest pantry and its day.",
            "phone": "(415) 555-0109",
            "languages": ["en", "es", "zh", "ru", "vi"],
            "fees": "Free",
            "city": "San Francisco",
        },
        ["Food"],
        ["Families", "Adults", "Immigrants regardless of status"],
        150,
    ),
    (
        "SF District Attorney",
        "Victim services for trafficking survivors",
        {
            "description": "Advocates help survivors through any criminal case, apply for victim compensation and find services, whether or not the survivor takes part in a prosecution."
            + SAMPLE,
            "how_to_refer": "Call the victim services division and ask for a human trafficking advocate.",
            "phone": "(415) 555-0110",
            "languages": ["en", "es", "zh", "tl"],
            "fees": "Free",
            "hours": "Monday to Friday, 8 am-5 pm",
            "city": "San Francisco",
        },
        ["Case management", "Legal"],
        ["Adults", "Minors", "Labor-trafficking survivors", "Sex-trafficking survivors"],
        380,
    ),
    (
        "Freedom Fwd",
        "Job readiness workshops for survivors",
        {
            "description": "A workshop series on résumés, interviews and workers' rights. Paused while funding is renewed."
            + SAMPLE,
            "how_to_refer": "Not taking referrals at the moment.",
            "languages": ["en"],
            "status": Service.Status.INACTIVE,
            "city": "San Francisco",
        },
        ["Employment and vocational"],
        ["Adults", "Transition-age youth 18-24"],
        500,
    ),
]

# Sample pamphlet counts (agency, days ago, how many, language, where).
DISTRIBUTIONS = [
    ("Department of Public Health", 40, 250, PamphletDistribution.Language.BOTH, "Massage establishment inspections"),
    ("Huckleberry Youth Programs", 25, 120, PamphletDistribution.Language.ENGLISH, "Youth drop-in center"),
    ("Legal Aid Society", 10, 80, PamphletDistribution.Language.SPANISH, "Know-your-rights clinic in the Mission"),
]


# Spanish, Chinese (Traditional) and Filipino texts of the public services, by their English name: written for
# the demo by the developer (not by a qualified translator), like the English sample texts they translate.
TRANSLATIONS = {
    "24-hour response for sexually exploited youth": {
        "es": {
            "fees": "Gratis",
            "hours": "Las 24 horas, todos los días",
        },
        "zh-hant": {
            "name": "性剝削青少年 24 小時應變服務",
            "description": "同儕輔導員在任何時間、任何地點與遭受商業性剝削的兒童及青少年會面，並在最初幾天一路陪伴：人身安全、醫療照護、住宿及個案管理員。（範例資料）",
            "how_to_refer": "請撥打 24 小時專線。警察、兒童福利機構、醫院及學校可以直接來電；青少年也可以自行來電。",
            "fees": "免費",
            "hours": "全年無休，每天 24 小時",
        },
        "tl": {
            "name": "24-oras na tugon para sa mga kabataang sekswal na pinagsamantalahan",
            "description": "Nakikipagkita ang mga peer advocate sa mga bata at kabataang pinagsamantalahan sa komersyal na sex saanman sila matagpuan, anumang oras ng araw o gabi, at sinasamahan sila sa mga unang araw: kaligtasan, pangangalagang medikal, matutuluyan at isang case manager. (Halimbawang datos.)",
            "how_to_refer": "Tumawag sa 24-oras na linya. Maaaring direktang tumawag ang pulisya, child welfare, mga ospital at mga paaralan; maaari ring tumawag ang kabataan para sa kanilang sarili.",
            "fees": "Libre",
            "hours": "24 oras bawat araw, araw-araw",
        },
    },
    "Spanish-speaking legal help for adults": {
        "es": {
            "eligibility": "Personas adultas que viven o trabajan en San Francisco, sin importar su estatus migratorio.",
            "fees": "Gratis",
            "hours": "De lunes a viernes, de 9 a. m. a 5 p. m.",
        },
        "zh-hant": {
            "name": "為成人提供的西班牙語法律協助",
            "description": "以西班牙語為勞力及性販運的成年倖存者提供法律諮詢與代理：追討欠薪、對販運者提起民事求償、住房及福利。（範例資料）",
            "how_to_refer": "週一至週五請撥打受理專線，或寄電子郵件告知當事人的名字及安全的聯絡方式。",
            "eligibility": "在舊金山居住或工作的成年人，不論移民身分。",
            "fees": "免費",
            "hours": "週一至週五，上午 9 時至下午 5 時",
        },
        "tl": {
            "name": "Tulong legal sa wikang Espanyol para sa mga nasa hustong gulang",
            "description": "Payong legal at representasyon sa wikang Espanyol para sa mga nasa hustong gulang na nakaligtas sa labor at sex trafficking: hindi nabayarang sahod, kasong sibil laban sa mga trafficker, pabahay at mga benepisyo. (Halimbawang datos.)",
            "how_to_refer": "Tumawag sa intake line mula Lunes hanggang Biyernes, o mag-email ng unang pangalan ng tao at ng ligtas na paraan para makontak siya.",
            "eligibility": "Mga nasa hustong gulang na nakatira o nagtatrabaho sa San Francisco, anuman ang katayuan sa imigrasyon.",
            "fees": "Libre",
            "hours": "Lunes hanggang Biyernes, 9 am-5 pm",
        },
    },
    "Confidential shelter for Asian women and their children": {
        "es": {
            "fees": "Gratis",
            "hours": "Línea de crisis las 24 horas",
        },
        "zh-hant": {
            "name": "亞裔婦女及子女保密庇護所",
            "description": "為逃離人口販運及家庭暴力的婦女及其子女，在保密地點提供緊急庇護及過渡性住房，並有多語輔導員。（範例資料）",
            "how_to_refer": "請撥打 24 小時危機專線；輔導員會安排安全的會面地點。庇護所地址絕不對外透露。",
            "fees": "免費",
            "hours": "危機專線 24 小時服務",
        },
        "tl": {
            "name": "Kumpidensyal na kanlungan para sa mga babaeng Asyano at kanilang mga anak",
            "description": "Pang-emergency na kanlungan at pansamantalang pabahay sa isang kumpidensyal na lugar para sa mga babae at kanilang mga anak na tumatakas sa trafficking at karahasan sa tahanan, kasama ang mga advocate na nagsasalita ng iba't ibang wika. (Halimbawang datos.)",
            "how_to_refer": "Tumawag sa 24-oras na crisis line; mag-aayos ang isang advocate ng ligtas na lugar na pagkikitaan. Hindi kailanman ibinibigay ang address ng kanlungan.",
            "fees": "Libre",
            "hours": "Crisis line 24 oras bawat araw",
        },
    },
    "Public health outreach to massage and restaurant workers": {
        "es": {
            "name": "Alcance de salud pública para trabajadores de masajes y restaurantes",
            "description": "Promotores de salud bilingües visitan establecimientos de masajes y restaurantes para hablar con los trabajadores sobre su salud, sus derechos laborales y dónde pedir ayuda si los están explotando. (Datos de ejemplo.)",
            "how_to_refer": "Los miembros pueden pedir por correo una visita a un lugar de trabajo o a un grupo comunitario; los trabajadores pueden llamar a la línea de alcance.",
            "fees": "Gratis",
            "hours": "De martes a sábado, de 10 a. m. a 7 p. m.",
        },
        "zh-hant": {
            "name": "按摩及餐廳從業人員公共衛生外展服務",
            "description": "雙語衛生工作人員走訪按摩場所及餐廳，與從業人員談論他們的健康、工作權益，以及遭受剝削時可以向哪裡求助。（範例資料）",
            "how_to_refer": "成員機構可透過電子郵件要求到工作場所或社區團體探訪；從業人員可撥打外展專線。",
            "fees": "免費",
            "hours": "週二至週六，上午 10 時至晚上 7 時",
        },
        "tl": {
            "name": "Outreach ng pampublikong kalusugan para sa mga manggagawa sa masahehan at restawran",
            "description": "Bumibisita ang mga bilingual na health worker sa mga masahehan at restawran para kausapin ang mga manggagawa tungkol sa kanilang kalusugan, sa kanilang mga karapatan sa trabaho, at kung saan hihingi ng tulong kung sila ay pinagsasamantalahan. (Halimbawang datos.)",
            "how_to_refer": "Maaaring humiling ang mga miyembro sa pamamagitan ng email ng pagbisita sa isang lugar ng trabaho o grupo sa komunidad; maaaring tumawag ang mga manggagawa sa outreach line.",
            "fees": "Libre",
            "hours": "Martes hanggang Sabado, 10 am-7 pm",
        },
    },
    "Immigration legal help for survivors (T and U visas)": {
        "es": {
            "name": "Ayuda legal de inmigración para sobrevivientes (visas T y U)",
            "description": "Protección migratoria para sobrevivientes de la trata y de otros delitos: visas T, visas U, permisos de trabajo y peticiones familiares, en idiomas asiáticos y de las islas del Pacífico. (Datos de ejemplo.)",
            "how_to_refer": "Llame para pedir una cita de admisión; una agencia miembro puede llamar en nombre de la persona sobreviviente, con su consentimiento.",
            "fees": "Gratis",
            "hours": "De lunes a viernes, de 9 a. m. a 5 p. m.",
        },
        "zh-hant": {
            "name": "倖存者移民法律協助（T 簽證及 U 簽證）",
            "description": "為人口販運及其他罪行的倖存者提供移民救濟：T 簽證、U 簽證、工作許可及親屬移民申請，以亞裔及太平洋島民語言提供服務。（範例資料）",
            "how_to_refer": "請來電預約受理面談；經倖存者同意，成員機構可代為來電。",
            "fees": "免費",
            "hours": "週一至週五，上午 9 時至下午 5 時",
        },
        "tl": {
            "name": "Tulong legal sa imigrasyon para sa mga nakaligtas (T at U visa)",
            "description": "Tulong sa imigrasyon para sa mga nakaligtas sa trafficking at iba pang krimen: T visa, U visa, permiso sa trabaho at petisyon para sa pamilya, sa mga wikang Asyano at ng mga Pacific Islander. (Halimbawang datos.)",
            "how_to_refer": "Tumawag para magpa-iskedyul ng intake appointment; maaaring tumawag ang isang miyembrong ahensya para sa nakaligtas kung pumapayag siya.",
            "fees": "Libre",
            "hours": "Lunes hanggang Biyernes, 9 am-5 pm",
        },
    },
    "Peer-run health care for sex workers": {
        "es": {
            "name": "Atención de salud entre pares para trabajadoras y trabajadores sexuales",
            "description": "Atención médica y de salud mental gratuita y sin prejuicios, por y para trabajadoras y trabajadores sexuales de todos los géneros, incluida la atención de salud para personas transgénero. (Datos de ejemplo.)",
            "how_to_refer": "Venga durante el horario de la clínica o llame antes. Nadie tiene que decir cómo llegó.",
            "fees": "Gratis",
            "hours": "Martes y jueves, de 1 a 8 p. m.",
        },
        "zh-hant": {
            "name": "由性工作者同儕營運的醫療照護",
            "description": "由性工作者為各種性別的性工作者提供免費、不帶批判的醫療及心理健康照護，包括跨性別健康照護。（範例資料）",
            "how_to_refer": "診所開放時間可直接前往，或事先來電。任何人都不必說明自己如何前來。",
            "fees": "免費",
            "hours": "週二及週四，下午 1 時至晚上 8 時",
        },
        "tl": {
            "name": "Pangangalagang pangkalusugan para sa mga sex worker, pinapatakbo ng kapwa nila",
            "description": "Libre at walang panghuhusgang pangangalagang medikal at pangkalusugang pangkaisipan, mula sa at para sa mga sex worker ng lahat ng kasarian, kasama ang pangangalagang pangkalusugan para sa mga transgender. (Halimbawang datos.)",
            "how_to_refer": "Pumunta lang sa oras ng klinika o tumawag muna. Walang kailangang magsabi kung paano sila napunta rito.",
            "fees": "Libre",
            "hours": "Martes at Huwebes, 1-8 pm",
        },
    },
    "Groceries for survivors and their families": {
        "es": {
            "name": "Alimentos para sobrevivientes y sus familias",
            "description": "Alimentos gratuitos cada semana en despensas del vecindario; no se piden documentos ni comprobantes de ingresos. (Datos de ejemplo.)",
            "how_to_refer": "Llame para saber cuál es la despensa más cercana y qué día abre.",
            "fees": "Gratis",
        },
        "zh-hant": {
            "name": "為倖存者及其家人提供的食品雜貨",
            "description": "每週在社區食物站免費領取食品雜貨；不需任何證件或收入證明。（範例資料）",
            "how_to_refer": "請來電查詢最近的食物站及開放日期。",
            "fees": "免費",
        },
        "tl": {
            "name": "Grocery para sa mga nakaligtas at kanilang mga pamilya",
            "description": "Libreng grocery bawat linggo sa mga pantry sa inyong lugar; walang hinihinging dokumento o patunay ng kita. (Halimbawang datos.)",
            "how_to_refer": "Tumawag para malaman kung saan ang pinakamalapit na pantry at kung anong araw ito bukas.",
            "fees": "Libre",
        },
    },
    "Victim services for trafficking survivors": {
        "es": {
            "name": "Servicios para víctimas sobrevivientes de la trata",
            "description": "Intercesores acompañan a las personas sobrevivientes en cualquier caso penal, les ayudan a solicitar compensación para víctimas y a encontrar servicios, participen o no en un proceso penal. (Datos de ejemplo.)",
            "how_to_refer": "Llame a la división de servicios para víctimas y pida hablar con un intercesor de casos de trata de personas.",
            "fees": "Gratis",
            "hours": "De lunes a viernes, de 8 a. m. a 5 p. m.",
        },
        "zh-hant": {
            "name": "人口販運倖存者被害人服務",
            "description": "無論倖存者是否參與刑事訴訟，輔導員都會陪伴他們面對任何刑事案件、申請被害人補償並尋找服務。（範例資料）",
            "how_to_refer": "請致電被害人服務部門，要求與人口販運個案輔導員通話。",
            "fees": "免費",
            "hours": "週一至週五，上午 8 時至下午 5 時",
        },
        "tl": {
            "name": "Mga serbisyo para sa mga biktima at nakaligtas sa trafficking",
            "description": "Sinasamahan ng mga advocate ang mga nakaligtas sa anumang kasong kriminal, tinutulungan silang mag-aplay para sa kompensasyon ng biktima at maghanap ng mga serbisyo, sumali man o hindi ang nakaligtas sa paglilitis. (Halimbawang datos.)",
            "how_to_refer": "Tumawag sa victim services division at humingi ng human trafficking advocate.",
            "fees": "Libre",
            "hours": "Lunes hanggang Biyernes, 8 am-5 pm",
        },
    },
}


def ensure_vocabulary():
    """The standard categories and populations (staff add more in the admin); safe to run again."""
    categories = {}
    for position, (name, name_es, name_zh_hant, name_tl) in enumerate(CATEGORIES):
        categories[name], _ = ServiceCategory.objects.update_or_create(
            slug=slugify(name),
            defaults={
                "name_en": name,
                "name_es": name_es,
                "name_zh_hant": name_zh_hant,
                "name_tl": name_tl,
                "position": position,
            },
        )
    populations = {}
    for position, (name, name_es, name_zh_hant, name_tl) in enumerate(POPULATIONS):
        populations[name], _ = Population.objects.update_or_create(
            slug=slugify(name),
            defaults={
                "name_en": name,
                "name_es": name_es,
                "name_zh_hant": name_zh_hant,
                "name_tl": name_tl,
                "position": position,
            },
        )
    return categories, populations


def seed(*, stdout=None):
    categories, populations = ensure_vocabulary()
    today = timezone.localdate()
    organizations = {org.name: org for org in Organization.objects.filter(name__in={row[0] for row in SERVICES})}
    for org_name, name, fields, category_names, population_names, verified_days_ago in SERVICES:
        organization = organizations.get(org_name)
        if organization is None:
            continue
        verified_on = today - datetime.timedelta(days=verified_days_ago) if verified_days_ago is not None else None
        translated = {
            build_localized_fieldname(field, language): text
            for language, texts in TRANSLATIONS.get(name, {}).items()
            for field, text in texts.items()
        }
        service, _ = Service.objects.update_or_create(
            organization=organization,
            name_en=name,
            defaults={**fields, **translated, "name_en": name, "last_verified_on": verified_on},
        )
        service.categories.set([categories[c] for c in category_names])
        service.populations.set([populations[p] for p in population_names])
    for org_name, days_ago, quantity, language, where in DISTRIBUTIONS:
        if org_name in organizations or Organization.objects.filter(name=org_name).exists():
            PamphletDistribution.objects.get_or_create(
                organization=Organization.objects.get(name=org_name),
                where=where,
                defaults={
                    "distributed_on": today - datetime.timedelta(days=days_ago),
                    "quantity": quantity,
                    "language": language,
                },
            )
    if stdout:
        stdout.write(f"Resource list: {Service.objects.count()} services (sample data).")
