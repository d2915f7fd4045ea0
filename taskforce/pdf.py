"""WeasyPrint's documents and stylesheets, with one URL fetcher per thread that never goes online.

WeasyPrint makes a new fetcher for every document and stylesheet unless given one, and each new
fetcher loads the system's certificate store (about 20 ms, a sixth of the minutes PDF). Its
default also fetches any http(s) address a document names; our PDFs need nothing from the network
(their stylesheets are strings or files in static/, user text is sanitized Markdown without
images), so the fetcher reads local files and data: URIs only. Links stay links: only fetching
is limited.
"""

import threading

_local = threading.local()


def url_fetcher():
    """This thread's fetcher (a fetcher keeps the request it is serving, so threads do not share one)."""
    fetcher = getattr(_local, "fetcher", None)
    if fetcher is None:
        from weasyprint.urls import URLFetcher

        fetcher = _local.fetcher = URLFetcher(allowed_protocols={"file", "data"})
    return fetcher


def html(**kwargs):
    """weasyprint.HTML(...) with the shared fetcher."""
    from weasyprint import HTML

    return HTML(url_fetcher=url_fetcher(), **kwargs)


def css(**kwargs):
    """weasyprint.CSS(...) with the shared fetcher."""
    from weasyprint import CSS

    return CSS(url_fetcher=url_fetcher(), **kwargs)
