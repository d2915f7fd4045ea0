"""The printed pamphlet's own words in each language it is offered in.

The services' own texts come from their columns per language (members/translation.py); a text
with none in the pamphlet's language is printed in English followed by ``in_english``.
"""

LANGUAGES = {"en": "English", "es": "Español", "zh-hant": "中文（繁體）", "tl": "Filipino"}

TEXT = {
    "en": {
        "link": "Pamphlet in English (PDF, Letter)",
        "title": "Help for survivors of human trafficking",
        "intro": "Free and confidential services in San Francisco, from the member agencies of the task force.",
        "rights_heading": "Know your rights",
        "rights": [
            "You have rights, whatever your immigration status.",
            "You can ask for help without giving your name and without going to the police.",
            "No employer may keep your passport or ID, or make you work to pay off a debt.",
            "You have the right to be paid for all the work you do.",
            "Survivors of trafficking may qualify for immigration relief such as a T visa: ask one of the legal services below.",
            "In an emergency, call 911.",
        ],
        "hotline": "National Human Trafficking Hotline: 1-888-373-7888, or text 233733. 24 hours, confidential, in many languages.",
        "services_heading": "Services",
        "other_services": "Other services",
        "descriptions_note": "Call any service to ask for help in your language.",
        "in_english": "",
        "also_in": "Also under",
        "colon": ": ",
        "separator": ", ",
        "phone": "Phone",
        "open_24_hours": "Answers 24 hours a day",
        "hours": "Hours",
        "how_to_refer": "How to get help",
        "who": "Who it is for",
        "ages": "Ages",
        "ages_from": "{} and up",
        "ages_to": "up to {}",
        "languages": "Languages",
        "fees": "Fees",
        "address": "Address",
        "confidential": "Confidential location: call first",
        "website": "Website",
        "updated": "Updated",
        "page_of": "Page {page} of {pages}",
        "empty": "No public services are listed yet.",
        "date_format": "F j, Y",
    },
    "es": {
        "link": "Folleto en español (PDF, carta)",
        "title": "Ayuda para sobrevivientes de la trata de personas",
        "intro": "Servicios gratuitos y confidenciales en San Francisco, de las agencias miembros del grupo de trabajo.",
        "rights_heading": "Conozca sus derechos",
        "rights": [
            "Usted tiene derechos, sin importar su estatus migratorio.",
            "Puede pedir ayuda sin dar su nombre y sin acudir a la policía.",
            "Ningún empleador puede quedarse con su pasaporte o identificación, ni obligarle a trabajar para pagar una deuda.",
            "Usted tiene derecho a que le paguen por todo el trabajo que hace.",
            "Las personas sobrevivientes de la trata pueden tener derecho a protección migratoria, como la visa T: pregunte a uno de los servicios legales de esta lista.",
            "En caso de emergencia, llame al 911.",
        ],
        "hotline": "Línea Nacional contra la Trata de Personas: 1-888-373-7888, o envíe un mensaje de texto al 233733. Las 24 horas, confidencial, en muchos idiomas.",
        "services_heading": "Servicios",
        "other_services": "Otros servicios",
        "descriptions_note": "Los textos marcados «(en inglés)» todavía no tienen traducción; llame para pedir atención en su idioma.",
        "in_english": "(en inglés)",
        "also_in": "También en",
        "colon": ": ",
        "separator": ", ",
        "phone": "Teléfono",
        "open_24_hours": "Atiende las 24 horas",
        "hours": "Horario",
        "how_to_refer": "Cómo pedir ayuda",
        "who": "Para quién",
        "ages": "Edades",
        "ages_from": "{} o más",
        "ages_to": "hasta {}",
        "languages": "Idiomas",
        "fees": "Costo",
        "address": "Dirección",
        "confidential": "Ubicación confidencial: llame primero",
        "website": "Sitio web",
        "updated": "Actualizado",
        "page_of": "Página {page} de {pages}",
        "empty": "Todavía no hay servicios públicos en la lista.",
        "date_format": r"j \d\e F \d\e Y",
    },
    "zh-hant": {
        "link": "中文（繁體）小冊子（PDF，Letter 紙張）",
        "title": "人口販運倖存者援助資源",
        "intro": "舊金山的免費保密服務，由工作小組的成員機構提供。",
        "rights_heading": "了解您的權利",
        "rights": [
            "無論您的移民身分為何，您都享有權利。",
            "您可以求助而不必提供姓名，也不必報警。",
            "任何僱主都不得扣留您的護照或身分證件，也不得強迫您工作來償還債務。",
            "您有權就您所做的全部工作獲得報酬。",
            "人口販運倖存者可能符合移民救濟的資格，例如 T 簽證：請詢問下列的法律服務。",
            "緊急情況請撥打 911。",
        ],
        "hotline": "全國人口販運熱線：1-888-373-7888，或傳送簡訊至 233733。24 小時服務，保密，提供多種語言。",
        "services_heading": "服務",
        "other_services": "其他服務",
        "descriptions_note": "標示「（英文）」的內容尚無中文翻譯；致電時可要求以您的語言提供協助。",
        "in_english": "（英文）",
        "also_in": "亦列於",
        "colon": "：",
        "separator": "、",
        "phone": "電話",
        "open_24_hours": "24 小時接聽",
        "hours": "服務時間",
        "how_to_refer": "如何求助",
        "who": "服務對象",
        "ages": "年齡",
        "ages_from": "{} 歲以上",
        "ages_to": "{} 歲及以下",
        "languages": "語言",
        "fees": "費用",
        "address": "地址",
        "confidential": "保密地點：請先致電",
        "website": "網站",
        "updated": "更新日期",
        "page_of": "第 {page} 頁，共 {pages} 頁",
        "empty": "目前尚未列出任何公開服務。",
        "date_format": "Y年n月j日",
    },
    "tl": {
        "link": "Polyeto sa Filipino (PDF, Letter)",
        "title": "Tulong para sa mga nakaligtas sa human trafficking",
        "intro": "Libre at kumpidensyal na mga serbisyo sa San Francisco, mula sa mga kasaping ahensya ng task force.",
        "rights_heading": "Alamin ang inyong mga karapatan",
        "rights": [
            "May mga karapatan kayo, anuman ang inyong katayuan sa imigrasyon.",
            "Maaari kayong humingi ng tulong nang hindi ibinibigay ang inyong pangalan at nang hindi pumupunta sa pulis.",
            "Walang employer ang maaaring magtago ng inyong pasaporte o ID, o pumilit sa inyong magtrabaho para bayaran ang isang utang.",
            "May karapatan kayong mabayaran para sa lahat ng trabahong ginagawa ninyo.",
            "Ang mga nakaligtas sa trafficking ay maaaring maging karapat-dapat sa tulong pang-imigrasyon gaya ng T visa: magtanong sa isa sa mga serbisyong legal sa ibaba.",
            "Kung may emergency, tumawag sa 911.",
        ],
        "hotline": "National Human Trafficking Hotline: 1-888-373-7888, o mag-text sa 233733. 24 oras, kumpidensyal, sa maraming wika.",
        "services_heading": "Mga serbisyo",
        "other_services": "Iba pang serbisyo",
        "descriptions_note": "Ang mga tekstong may markang “(sa Ingles)” ay wala pang salin; tumawag para humingi ng tulong sa inyong wika.",
        "in_english": "(sa Ingles)",
        "also_in": "Nakalista rin sa",
        "colon": ": ",
        "separator": ", ",
        "phone": "Telepono",
        "open_24_hours": "Sumasagot 24 oras bawat araw",
        "hours": "Oras",
        "how_to_refer": "Paano humingi ng tulong",
        "who": "Para kanino",
        "ages": "Edad",
        "ages_from": "{} pataas",
        "ages_to": "hanggang {}",
        "languages": "Mga wika",
        "fees": "Bayad",
        "address": "Address",
        "confidential": "Kumpidensyal na lokasyon: tumawag muna",
        "website": "Website",
        "updated": "Na-update",
        "page_of": "Pahina {page} ng {pages}",
        "empty": "Wala pang nakalistang pampublikong serbisyo.",
        # Django has no Filipino month names: the date in numbers, month first as in the Philippines.
        "date_format": "n/j/Y",
    },
}

PAPER_SIZES = {"letter": "letter", "a4": "A4"}

# Spoken languages' names in the pamphlet's language; a code missing here is printed with its English name.
LANGUAGE_NAMES = {
    "es": {
        "am": "amárico", "ar": "árabe", "de": "alemán", "en": "inglés", "es": "español", "fa": "persa",
        "fr": "francés", "hi": "hindi", "hy": "armenio", "it": "italiano", "ja": "japonés", "km": "jemer",
        "ko": "coreano", "lo": "lao", "my": "birmano", "pa": "panyabí", "pt": "portugués", "ru": "ruso",
        "so": "somalí", "th": "tailandés", "ti": "tigriña", "tl": "tagalo", "uk": "ucraniano", "ur": "urdu",
        "vi": "vietnamita", "zh": "chino",
    },
    "zh-hant": {
        "am": "阿姆哈拉語", "ar": "阿拉伯語", "de": "德語", "en": "英語", "es": "西班牙語", "fa": "波斯語",
        "fr": "法語", "hi": "印地語", "hy": "亞美尼亞語", "it": "義大利語", "ja": "日語", "km": "高棉語",
        "ko": "韓語", "lo": "寮語", "my": "緬甸語", "pa": "旁遮普語", "pt": "葡萄牙語", "ru": "俄語",
        "so": "索馬利語", "th": "泰語", "ti": "提格利尼亞語", "tl": "他加祿語", "uk": "烏克蘭語", "ur": "烏爾都語",
        "vi": "越南語", "zh": "中文",
    },
    "tl": {
        "ar": "Arabe", "de": "Aleman", "en": "Ingles", "es": "Espanyol", "fr": "Pranses", "it": "Italyano",
        "ja": "Hapon", "ko": "Koreano", "pt": "Portuges", "ru": "Ruso", "tl": "Tagalog", "vi": "Vietnamese",
        "zh": "Tsino",
    },
}  # fmt: skip


def language_name_in(code, language):
    """A spoken language's name in the pamphlet's language, else its English name."""
    from .languages import language_name

    return LANGUAGE_NAMES.get(language, {}).get(code) or language_name(code)


def ages_in(service, text):
    """The age range in the pamphlet's words: "11-24", "18 and up", "up to 17"."""
    low, high = service.minimum_age, service.maximum_age
    if low is not None and high is not None:
        return f"{low}-{high}"
    if low is not None:
        return text["ages_from"].format(low)
    if high is not None:
        return text["ages_to"].format(high)
    return ""


def list_separator(language):
    """What joins the names in a list, in this language: ", " ("Adults, Youth"), and Chinese's enumeration
    comma "、" ("成人、青少年"). The pamphlet and the resource pages read it here (members/templatetags/lists.py)."""
    return TEXT.get(language, TEXT["en"])["separator"]
