"""Small web archives for the tests, written with warcio (WARC) or by hand (ARC, which warcio reads
but does not write): the samples as crawled pages, with the records a real crawl also holds."""

from __future__ import annotations

import gzip
import hashlib
import io
from pathlib import Path

from conftest import SAMPLES
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES = ["ap-wildfire.html", "defects-mixed.html", "dw-en-north-korea.html", "reuters-markets.html"]


def url_of(name: str, host: str = "news.example") -> str:
    return f"https://www.{host}/stories/{name}"


def write_warc(path: Path, pages=PAGES, host: str = "news.example", extras: bool = True, gzip_records: bool = True,
               copies: int = 1) -> list[str]:
    """The sample ``pages`` as HTTP responses (with a warcinfo record first and, with ``extras``, a
    request, an image, a redirect and a 404 between them); returns the pages' URLs in order."""
    urls = []
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzip_records)
        info = writer.create_warcinfo_record(path.name, {"software": "auditor tests"})
        for key, value in _fixed(path.name, "warcinfo").items():
            info.rec_headers.replace_header(key, value)
        writer.write_record(info)
        for copy in range(copies):
            for name in pages:
                url = url_of(name, host) + (f"?copy={copy}" if copies > 1 else "")
                if extras:
                    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", host)], is_http_request=True)
                    writer.write_record(writer.create_warc_record(url, "request", http_headers=request,
                                                                  warc_headers_dict=_fixed(url, "request")))
                _response(writer, url, (SAMPLES / name).read_bytes(), "text/html; charset=utf-8")
                urls.append(url)
                if extras:
                    _response(writer, url + ".jpg", b"\xff\xd8\xff\xe0 not a page", "image/jpeg")
                    _response(writer, url + "/old", b"<html><body>Moved</body></html>", "text/html", "301 Moved")
                    _response(writer, url + "/gone", b"<html><body><p>Not found</p></body></html>", "text/html",
                              "404 Not Found")
    return urls


def _fixed(url: str, kind: str) -> dict:
    """Record headers that do not change from run to run, so that record offsets are the same each time."""
    digest = hashlib.sha1(f"{kind} {url}".encode()).hexdigest()
    return {"WARC-Date": "2024-05-01T12:00:00Z",
            "WARC-Record-ID": f"<urn:uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}>"}


def _response(writer, url: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                               protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                                  warc_headers_dict=_fixed(url, "response")))


def add_response(path: Path, url: str, body: bytes, content_type: str) -> None:
    """Append one response record to a WARC."""
    with open(path, "ab") as out:
        _response(WARCWriter(out, gzip=True), url, body, content_type)


def write_arc(path: Path, pages=PAGES, host: str = "news.example") -> list[str]:
    """The legacy ARC format (version 1), one gzip member per record, as the Internet Archive wrote it."""
    urls = []
    header_body = b"1 0 auditor tests\nURL IP-address Archive-date Content-type Archive-length\n"
    members = [b"filedesc://" + path.name.encode() + b" 0.0.0.0 20240101000000 text/plain "
               + str(len(header_body)).encode() + b"\n" + header_body + b"\n"]
    for name in pages:
        url = url_of(name, host)
        body = (SAMPLES / name).read_bytes()
        http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                + str(len(body)).encode() + b"\r\n\r\n" + body)
        members.append(f"{url} 192.0.2.1 20240101120000 text/html {len(http)}\n".encode() + http + b"\n")
        urls.append(url)
    with open(path, "wb") as out:
        for member in members:
            out.write(gzip.compress(member) if path.name.endswith(".gz") else member)
    return urls
