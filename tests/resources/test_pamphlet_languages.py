"""The pamphlet in each of the four languages: its own words, the services' texts in that language or in
English marked so, Chinese characters drawn with an embedded CJK font, the PDF's language, one stored file
per language."""

import html
import io
import re
import subprocess

import pytest
from django.urls import reverse
from pypdf import PdfReader

from members.models import PamphletPDF
from tests.resources.test_pamphlet import pdf_text, poppler

pytestmark = pytest.mark.django_db
URL = reverse("members:pamphlet")
CHINESE = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def translated(services):
    legal = services.legal
    legal.name_zh_hant = "為成人提供的西班牙語法律協助"
    legal.description_zh_hant = "為勞力販運的成年倖存者提供法律諮詢與代理。"
    legal.how_to_refer_zh_hant = "請撥打受理專線。"
    legal.fees_en = "Free"
    legal.fees_zh_hant = "免費"
    legal.save()
    return services


def pamphlet(client, language):
    response = client.get(URL, {"lang": language})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return response.content


def fonts(content):
    names = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_chinese_pamphlet_is_chinese_with_an_embedded_cjk_font(client, translated, tmp_path):
    content = pamphlet(client, "zh-hant")
    text = pdf_text(content, tmp_path)
    assert "人口販運倖存者援助資源" in text and "了解您的權利" in text
    assert len(CHINESE.findall(text)) > 200
    assert "為成人提供的西班牙語法律協助" in text and "費用：免費" in text
    assert "法律協助" in text  # the category heading (demo vocabulary carries Chinese names)
    # The shelter has no Chinese texts: English, marked.
    assert "Confidential shelter for Asian women （英文）" in text
    assert re.search(r"第 1 頁，共 \d 頁", text)
    assert re.search(r"更新日期 \d{4}年\d{1,2}月\d{1,2}日", text)
    # Noto Sans CJK, embedded as a subset (a tag of six capitals before its name).
    assert any(re.fullmatch(r"/[A-Z]{6}\+Noto-?Sans-?CJK-?TC.*", name) for name in fonts(content)), fonts(content)


def test_spanish_pamphlet_marks_english_texts_never_mixes_them_in(client, translated, tmp_path):
    text = pdf_text(pamphlet(client, "es"), tmp_path)
    assert "Costo: Free (en inglés)" in text
    assert not re.search(r"Costo: Free(?! \(en inglés\))", text)
    assert "Cómo pedir ayuda: Call the intake line. (en inglés)" in text
    assert f"{translated.shelter.name} (en inglés)" in text
    # Each service once, under its main category, the others beside it.
    assert text.count(translated.shelter.name) == 1
    assert "También en: Vivienda y refugio" in text


def test_filipino_pamphlet(client, translated, tmp_path):
    text = pdf_text(pamphlet(client, "tl"), tmp_path)
    assert "Alamin ang inyong mga karapatan" in text
    assert f"{translated.legal.name} (sa Ingles)" in text
    assert re.search(r"Pahina 1 ng \d", text)


@pytest.mark.parametrize(("language", "title"), [("zh-hant", "人口販運倖存者援助資源"), ("tl", "Tulong para sa")])
def test_pdf_language_title_and_tags(client, translated, tmp_path, language, title):
    content = pamphlet(client, language)
    reader = PdfReader(io.BytesIO(content))
    assert reader.trailer["/Root"]["/Lang"] == language
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    path = tmp_path / "p.pdf"
    path.write_bytes(content)
    info = subprocess.run([poppler("pdfinfo"), str(path)], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info and title in info


def test_each_language_is_its_own_stored_file(client, translated):
    for language in ["en", "es", "zh-hant", "tl"]:
        pamphlet(client, language)
    assert set(PamphletPDF.objects.ready().values_list("language", flat=True)) == {"en", "es", "zh-hant", "tl"}


def test_chinese_follows_the_browser(client, translated, tmp_path):
    response = client.get(URL, headers={"accept-language": "zh-TW,zh;q=0.9"})
    assert "了解您的權利" in pdf_text(response.content, tmp_path)


def test_a_chinese_page_draws_as_an_image(client, translated, tmp_path):
    """pdftoppm draws the first page (look at it: tests leave no image; docs/translations.md says how)."""
    path = tmp_path / "zh.pdf"
    path.write_bytes(pamphlet(client, "zh-hant"))
    subprocess.run(
        [poppler("pdftoppm"), "-png", "-r", "40", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")], check=True
    )
    assert any(tmp_path.glob("page*.png"))


def test_the_list_links_a_pamphlet_in_each_language(client, translated):
    body = client.get(reverse("members:resources")).content.decode()
    for language, words in [
        ("en", "Pamphlet in English"),
        ("es", "Folleto en español"),
        ("zh-hant", "中文（繁體）小冊子"),
        ("tl", "Polyeto sa Filipino"),
    ]:
        assert f'href="{URL}?lang={language}&amp;size=letter" hreflang="{language}" lang="{language}">{words}' in body


def test_every_demo_service_is_printed_once_in_every_language(tmp_path):
    """The demo's longer Filipino texts made a pair of services too tall for what was left of a page: WeasyPrint
    then printed the pair's floats twice, cut on one page and whole on the next. Each public service once."""
    from django.core.management import call_command

    from members import pamphlet as pamphlet_module
    from members.models import Service

    call_command("seed_demo")
    phones = [service.phone for service in Service.objects.public().filter(status=Service.Status.ACTIVE)]
    assert len(phones) == 8
    for language in ("en", "es", "zh-hant", "tl"):
        content, _pages = pamphlet_module.render_pdf(language=language, size="letter")
        text = pdf_text(content, tmp_path)
        assert {phone: text.count(phone) for phone in phones} == dict.fromkeys(phones, 1), language


def _words(content, tmp_path, page):
    """(text, xMin, yMin, xMax) of each word on a page of the PDF, and the page's width (pdftotext -bbox, which
    writes the words as XHTML: "Mayor&apos;s")."""
    path = tmp_path / "words.pdf"
    path.write_bytes(content)
    boxes = subprocess.run(
        [poppler("pdftotext"), "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    width = float(re.search(r'<page width="([\d.]+)"', boxes).group(1))
    words = [
        (html.unescape(text), float(x_min), float(y_min), float(x_max))
        for x_min, y_min, x_max, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', boxes
        )
    ]
    return words, width


def _headings(page, tag):
    """The words of each heading of that tag in the HTML, as plain text."""
    return [
        html.unescape(re.sub(r"<[^>]+>|\s+", " ", heading)).split()
        for heading in re.findall(rf"<{tag}>(.*?)</{tag}>", page)
    ]


def test_a_pair_taller_than_the_rest_of_a_page_is_split_not_moved(tmp_path):
    """Two services to a row, and a row that does not fit in what is left of a page is split between its lines.
    Kept whole, the demo's first Filipino pair (long entries) moved to page 2 with its category's heading, leaving
    page 1 half empty, and the pamphlet took 4 pages where English takes 3."""
    from django.core.management import call_command

    from members import pamphlet as pamphlet_module

    call_command("seed_demo")
    document = pamphlet_module.pamphlet_document(language="tl", size="letter")
    first_category, first_service = _headings(document["html"], "h3")[0], _headings(document["html"], "h4")[0]
    content, pages = pamphlet_module.render_pdf(language="tl", size="letter")
    page_one = [text for text, *_box in _words(content, tmp_path, 1)[0]]
    assert " ".join(first_category) in " ".join(page_one)
    assert " ".join(first_service) in " ".join(page_one)
    assert pages <= pamphlet_module.render_pdf(language="en", size="letter")[1]


def test_a_lone_last_service_takes_half_the_row_as_in_a_pair(tmp_path):
    """The demo's last category holds one service: it is as wide as one of a pair, not the whole page."""
    from django.core.management import call_command

    from members import pamphlet as pamphlet_module

    call_command("seed_demo")
    document = pamphlet_module.pamphlet_document(language="en", size="letter")
    assert 'class="pair single"' in document["html"]
    last_category = _headings(document["html"], "h3")[-1]
    content, pages = pamphlet_module.render_pdf(language="en", size="letter")
    words, width = _words(content, tmp_path, pages)
    heading = next(y for text, _x, y, _right in words if text == last_category[0])
    footer = {"Page", "of", str(pages)}
    below = [right for text, _x, y, right in words if y > heading + 5 and text not in footer]
    assert below and max(below) < width / 2
