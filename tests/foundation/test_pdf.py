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
