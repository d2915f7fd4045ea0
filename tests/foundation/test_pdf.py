"""The PDFs' URL fetcher: one per thread, local files and data: URIs only, never the network."""

import threading

import pytest

from taskforce import pdf


def test_the_fetcher_is_shared_within_a_thread_and_not_across_threads():
    assert pdf.url_fetcher() is pdf.url_fetcher()
    other = []
    thread = threading.Thread(target=lambda: other.append(pdf.url_fetcher()))
    thread.start()
    thread.join()
    assert other[0] is not pdf.url_fetcher()


@pytest.mark.parametrize("url", ["http://169.254.169.254/latest/meta-data/", "https://example.org/logo.png"])
def test_the_fetcher_never_goes_online(url):
    with pytest.raises(ValueError, match="disallowed protocol"):
        pdf.url_fetcher().fetch(url)


def test_a_document_naming_an_online_image_still_renders_without_it():
    document = pdf.html(string='<p>Minutes</p><img src="http://169.254.169.254/x.png" alt="x">').render()
    assert len(document.pages) == 1
    assert document.write_pdf().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("language", "css"),
    [
        ("en", '"Page " counter(page) " of " counter(pages)'),
        ("es", '"Página " counter(page) " de " counter(pages)'),
        ("zh-hant", '"第 " counter(page) " 頁，共 " counter(pages) " 頁"'),
    ],
)
def test_page_numbers_are_in_the_pages_language_in_the_translators_order(language, css):
    from django.template import Template
    from django.template.context import Context
    from django.utils import translation

    with translation.override(language):
        assert Template("{% load taskforce_pdf %}{% page_of_pages %}").render(Context()) == css


def test_a_translation_cannot_break_out_of_the_css_string_or_the_style_element():
    from taskforce.templatetags.taskforce_pdf import css_string

    written = css_string('Page "\\ </style><script>\n')
    assert written == '"Page \\22 \\5c  \\3c /style>\\3c script>\\a "'
    assert written.count('"') == 2 and "<" not in written


def test_weasyprint_draws_the_translated_page_numbers():
    import shutil
    import subprocess

    from django.template import Template
    from django.template.context import Context
    from django.utils import translation

    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed")
    page = Template(
        "{% load taskforce_pdf %}<style>@page { @bottom-center { content: {% page_of_pages %} } }</style>"
        '<p>Uno</p><p style="break-before: page">Dos</p>'
    )
    with translation.override("es"):
        drawn = pdf.html(string=page.render(Context())).write_pdf()
    text = subprocess.run(
        [shutil.which("pdftotext"), "-", "-"], input=drawn, capture_output=True, check=True
    ).stdout.decode()
    assert "Página 1 de 2" in text and "Página 2 de 2" in text
