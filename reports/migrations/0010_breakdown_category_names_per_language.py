"""A breakdown category's name in each language (reports/translation.py, docs/translations.md): the English
column takes the name, and the default categories (migration 0002) get their Spanish, Traditional Chinese and
Filipino names, drafted by machine translation (Claude) like the catalogues, for a qualified translator to
review in the admin. A category staff added keeps only its English name until staff give it others."""

from django.db import migrations, models
from django.db.models import F, Q
from django.utils import timezone

# English name: (Spanish, Traditional Chinese, Filipino).
NAMES = {
    "Sex trafficking": ("Trata sexual", "性販運", "Sekswal na trafficking"),
    "Labor trafficking": ("Trata laboral", "勞力販運", "Trafficking sa paggawa"),
    "Both sex and labor trafficking": (
        "Trata sexual y laboral",
        "性販運及勞力販運",
        "Parehong sekswal at sa paggawa",
    ),
    "Unknown": ("Desconocido", "不明", "Hindi alam"),
    "Under 18": ("Menores de 18", "未滿 18 歲", "Wala pang 18"),
    "18 to 24": ("De 18 a 24", "18 至 24 歲", "18 hanggang 24"),
    "25 and older": ("25 o más", "25 歲及以上", "25 pataas"),
    "Female": ("Mujer", "女性", "Babae"),
    "Male": ("Hombre", "男性", "Lalaki"),
    "Transgender female": ("Mujer transgénero", "跨性別女性", "Transgender na babae"),
    "Transgender male": ("Hombre transgénero", "跨性別男性", "Transgender na lalaki"),
    "Non-binary": ("No binario", "非二元性別", "Non-binary"),
    "American Indian or Alaska Native": (
        "Indígena americano o nativo de Alaska",
        "美洲印第安人或阿拉斯加原住民",
        "Katutubong Amerikano o Katutubo ng Alaska",
    ),
    "Asian": ("Asiático", "亞裔", "Asyano"),
    "Black or African American": ("Negro o afroamericano", "黑人或非裔美國人", "Itim o African American"),
    "Hispanic or Latino": ("Hispano o latino", "西班牙裔或拉丁裔", "Hispaniko o Latino"),
    "Native Hawaiian or Other Pacific Islander": (
        "Nativo de Hawái u otras islas del Pacífico",
        "夏威夷原住民或其他太平洋島民",
        "Katutubong Hawaiian o iba pang taga-Pacific Islands",
    ),
    "White": ("Blanco", "白人", "Puti"),
    "Multiracial": ("Multirracial", "多種族", "Maraming lahi"),
    "Other": ("Otro", "其他", "Iba pa"),
    "U.S. citizen or permanent resident": (
        "Ciudadano estadounidense o residente permanente",
        "美國公民或永久居民",
        "Mamamayan ng U.S. o permanenteng residente",
    ),
    "Foreign national": ("Extranjero", "外國國民", "Dayuhan"),
    "Escort services": ("Servicios de acompañantes", "伴遊服務", "Mga serbisyong escort"),
    "Illicit massage, health and beauty": (
        "Masajes, salud y belleza ilícitos",
        "非法按摩、保健及美容",
        "Ilegal na masahe, kalusugan at kagandahan",
    ),
    "Outdoor solicitation": ("Captación en la calle", "街頭招攬", "Panghihikayat sa lansangan"),
    "Residential": ("Residencial", "住宅式", "Sa tirahan"),
    "Domestic work": ("Trabajo doméstico", "家務工作", "Gawaing-bahay"),
    "Bars, strip clubs and cantinas": (
        "Bares, clubes de striptease y cantinas",
        "酒吧、脫衣舞俱樂部及小酒館",
        "Mga bar, strip club at cantina",
    ),
    "Pornography": ("Pornografía", "色情製品", "Pornograpiya"),
    "Traveling sales crews": ("Equipos de venta ambulante", "流動銷售團隊", "Mga naglalakbay na sales crew"),
    "Restaurants and food service": (
        "Restaurantes y servicios de comida",
        "餐廳及餐飲服務",
        "Mga restawran at serbisyo ng pagkain",
    ),
    "Peddling and begging": ("Venta callejera y mendicidad", "沿街叫賣及乞討", "Paglalako at pamamalimos"),
    "Agriculture and animal husbandry": ("Agricultura y ganadería", "農業及畜牧業", "Agrikultura at paghahayupan"),
    "Personal sexual servicing": ("Servicios sexuales personales", "個人性服務", "Personal na serbisyong sekswal"),
    "Health care": ("Atención médica", "醫療保健", "Pangangalagang pangkalusugan"),
    "Construction": ("Construcción", "營造業", "Konstruksiyon"),
    "Hotels and hospitality": ("Hoteles y hostelería", "旅館及接待業", "Mga hotel at hospitality"),
    "Landscaping": ("Jardinería y paisajismo", "園藝造景", "Landscaping"),
    "Illicit activities": ("Actividades ilícitas", "非法活動", "Mga ilegal na gawain"),
    "Arts and entertainment": ("Artes y espectáculos", "藝術及娛樂", "Sining at libangan"),
    "Commercial cleaning services": (
        "Servicios de limpieza comercial",
        "商業清潔服務",
        "Mga serbisyong komersiyal na paglilinis",
    ),
    "Factories and manufacturing": ("Fábricas y manufactura", "工廠及製造業", "Mga pabrika at pagmamanupaktura"),
    "Remote interactive sexual acts": (
        "Actos sexuales interactivos a distancia",
        "遠端互動性行為",
        "Malayuang interaktibong gawaing sekswal",
    ),
    "Carnivals": ("Ferias ambulantes", "嘉年華會", "Mga karnabal"),
    "Forestry and logging": ("Silvicultura y tala", "林業及伐木", "Paggugubat at pagtotroso"),
    "Health and beauty services": (
        "Servicios de salud y belleza",
        "保健及美容服務",
        "Mga serbisyong pangkalusugan at pampaganda",
    ),
    "Recreational facilities": ("Instalaciones recreativas", "休閒設施", "Mga pasilidad panlibangan"),
    "Law enforcement": ("Fuerzas del orden", "執法機關", "Tagapagpatupad ng batas"),
    "Self-referral": ("Por cuenta propia", "自行求助", "Sariling pagdulog"),
    "Community-based organization": ("Organización comunitaria", "社區組織", "Organisasyong pangkomunidad"),
    "Health care provider": (
        "Proveedor de atención médica",
        "醫療服務提供者",
        "Tagapagbigay ng pangangalagang pangkalusugan",
    ),
    "Child welfare": ("Bienestar infantil", "兒童福利機構", "Kapakanan ng bata"),
    "School": ("Escuela", "學校", "Paaralan"),
    "Hotline": ("Línea de ayuda", "求助熱線", "Hotline"),
    "Legal services": ("Servicios legales", "法律服務", "Mga serbisyong legal"),
    "Family or friend": ("Familiar o amistad", "家人或朋友", "Kapamilya o kaibigan"),
}


def names_per_language(apps, schema_editor):
    now = timezone.now()
    for model in ("BreakdownCategory", "HistoricalBreakdownCategory"):
        Category = apps.get_model("reports", model)
        Category.objects.update(name_en=F("name"))
        for english, (spanish, chinese, filipino) in NAMES.items():
            Category.objects.filter(name=english).update(name_es=spanish, name_zh_hant=chinese, name_tl=filipino)
    # The published report's kept bodies are keyed on the categories' latest change (reports/fingerprint.py).
    apps.get_model("reports", "BreakdownCategory").objects.filter(Q(name__in=NAMES)).update(updated_at=now)


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0009_unduplicated_count"),
    ]

    operations = [
        migrations.AddField(
            model_name="breakdowncategory",
            name="name_en",
            field=models.CharField(max_length=100, null=True, verbose_name="category"),
        ),
        migrations.AddField(
            model_name="breakdowncategory",
            name="name_es",
            field=models.CharField(max_length=100, null=True, verbose_name="category"),
        ),
        migrations.AddField(
            model_name="breakdowncategory",
            name="name_tl",
            field=models.CharField(max_length=100, null=True, verbose_name="category"),
        ),
        migrations.AddField(
            model_name="breakdowncategory",
            name="name_zh_hant",
            field=models.CharField(max_length=100, null=True, verbose_name="category"),
        ),
        migrations.AddField(
            model_name="historicalbreakdowncategory",
            name="name_en",
            field=models.CharField(max_length=100, null=True, verbose_name="category"),
        ),
        migrations.AddField(
            model_name="historicalbreakdowncategory",
            name="name_es",
            field=models.CharField(max_length=100, null=True, verbose_name="category"),
        ),
        migrations.AddField(
            model_name="historicalbreakdowncategory",
            name="name_tl",
            field=models.CharField(max_length=100, null=True, verbose_name="category"),
        ),
        migrations.AddField(
            model_name="historicalbreakdowncategory",
            name="name_zh_hant",
            field=models.CharField(max_length=100, null=True, verbose_name="category"),
        ),
        migrations.AddConstraint(
            model_name="breakdowncategory",
            constraint=models.UniqueConstraint(
                fields=("dimension", "name_en"),
                name="breakdown_category_unique_name-en",
                violation_error_message="This breakdown already has a category with that name.",
            ),
        ),
        migrations.AddConstraint(
            model_name="breakdowncategory",
            constraint=models.UniqueConstraint(
                fields=("dimension", "name_es"),
                name="breakdown_category_unique_name-es",
                violation_error_message="This breakdown already has a category with that name.",
            ),
        ),
        migrations.AddConstraint(
            model_name="breakdowncategory",
            constraint=models.UniqueConstraint(
                fields=("dimension", "name_zh_hant"),
                name="breakdown_category_unique_name-zh-hant",
                violation_error_message="This breakdown already has a category with that name.",
            ),
        ),
        migrations.AddConstraint(
            model_name="breakdowncategory",
            constraint=models.UniqueConstraint(
                fields=("dimension", "name_tl"),
                name="breakdown_category_unique_name-tl",
                violation_error_message="This breakdown already has a category with that name.",
            ),
        ),
        migrations.RunPython(names_per_language, migrations.RunPython.noop),
    ]
