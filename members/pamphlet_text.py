"""The printed pamphlet's own words in each language it is offered in (services stay as entered)."""

LANGUAGES = {"en": "English", "es": "Español"}

TEXT = {
    "en": {
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
        "descriptions_note": "Service descriptions are in the language the agency wrote them in; call to ask for help in yours.",
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
        "page": "Page",
        "of": "of",
        "empty": "No public services are listed yet.",
        "date_format": "F j, Y",
    },
    "es": {
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
        "descriptions_note": "Las descripciones de los servicios están en el idioma en que la agencia las escribió; llame para pedir atención en su idioma.",
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
        "page": "Página",
        "of": "de",
        "empty": "Todavía no hay servicios públicos en la lista.",
        "date_format": r"j \d\e F \d\e Y",
    },
}

PAPER_SIZES = {"letter": "letter", "a4": "A4"}

# Language names in Spanish for the Spanish pamphlet; others fall back to the English name.
LANGUAGE_NAMES_ES = {
    "am": "amárico",
    "ar": "árabe",
    "de": "alemán",
    "en": "inglés",
    "es": "español",
    "fa": "persa",
    "fr": "francés",
    "hi": "hindi",
    "hy": "armenio",
    "it": "italiano",
    "ja": "japonés",
    "km": "jemer",
    "ko": "coreano",
    "lo": "lao",
    "my": "birmano",
    "pa": "panyabí",
    "pt": "portugués",
    "ru": "ruso",
    "so": "somalí",
    "th": "tailandés",
    "ti": "tigriña",
    "tl": "tagalo",
    "uk": "ucraniano",
    "ur": "urdu",
    "vi": "vietnamita",
    "zh": "chino",
}


def language_name_in(code, language):
    """A language's name in the pamphlet's language (the pamphlet's fonts cover Latin scripts)."""
    from .languages import language_name

    if language == "es":
        return LANGUAGE_NAMES_ES.get(code, language_name(code))
    return language_name(code)


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
