"""Loading: discovery, decoding, and every kind of bad input becoming a clear message."""

import codecs

from auditor.loader import decode_html, discover, page_from_bytes, read_page


def test_latin1_declared_by_http_equiv():
    raw = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"></head>'
           "<body><h1>Überflutete Straße</h1></body></html>").encode("latin-1")
    page = page_from_bytes("x.html", raw)
    assert page.error is None
    assert "Überflutete Straße" in page.text
    assert page.encoding == "cp1252"  # browsers read latin-1 as windows-1252


def test_meta_charset_and_bom():
    raw = '<meta charset="windows-1251"><p>Москва</p>'.encode("cp1251")
    assert "Москва" in page_from_bytes("x", raw).text
    raw = codecs.BOM_UTF16_LE + "<p>Grüße</p>".encode("utf-16-le")
    page = page_from_bytes("x", raw)
    assert page.encoding == "utf-16-le" and "Grüße" in page.text


def test_undeclared_non_utf8_is_detected():
    raw = ("<html><body><p>" + "Die Straße war überflutet, Bürger mussten fliehen. " * 20 + "</p></body></html>"
           ).encode("cp1252")
    page = page_from_bytes("x", raw)
    assert "Straße" in page.text and "überflutet" in page.text


def test_wrongly_declared_utf8_page_is_read_as_utf8():
    raw = '<meta charset="iso-8859-1"><p>Grüße aus Köln</p>'.encode()
    text, encoding, _ = decode_html(raw)
    assert "Grüße aus Köln" in text and encoding == "utf-8"


def test_bad_inputs_get_messages(tmp_path):
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b"   \n\n")
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\nbinary")
    (tmp_path / "nul.html").write_bytes(b"<p>a\x00b</p>" * 10)
    (tmp_path / "plain.html").write_text("just some words, no markup at all")
    messages = {p.name: read_page(str(p)).error for p in tmp_path.iterdir()}
    assert "empty" in messages["empty.html"]
    assert "empty" in messages["blank.html"]
    assert "PNG" in messages["image.html"]
    assert "binary" in messages["nul.html"]
    assert "no HTML tags" in messages["plain.html"]
    assert "no such file" in read_page(str(tmp_path / "missing.html")).error


def test_size_limit(tmp_path):
    path = tmp_path / "big.html"
    path.write_bytes(b"<p>" + b"x" * 5000 + b"</p>")
    page = read_page(str(path), max_bytes=1000)
    assert page.text is None and "--max-size" in page.error


def test_discover_recurses_in_order_and_filters(tmp_path):
    for name in ("b.html", "a.htm", "sub/c.xhtml", "sub/notes.txt", ".git/d.html", "sub/deep/e.HTML"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<p>x</p>")
    found = [p.replace(str(tmp_path) + "/", "") for p in discover([str(tmp_path)])]
    assert found == ["a.htm", "b.html", "sub/c.xhtml", "sub/deep/e.HTML"]
    assert [p.rsplit("/", 1)[-1] for p in discover([str(tmp_path)], exclude=["sub/*"])] == ["a.htm", "b.html"]
    assert [p.rsplit("/", 1)[-1] for p in discover([str(tmp_path)], include=["*.xhtml"])] == ["c.xhtml"]
    assert list(discover(["-", "missing.html"])) == ["-", "missing.html"]
