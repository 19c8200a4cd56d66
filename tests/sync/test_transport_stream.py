"""HttpTransport.stream: the documents of a streamed answer as they arrive, whatever the network's chunks;
an answer cut short raises after the complete documents; a service of the previous version (one JSON
answer) and error statuses are handled as by `call`."""

from __future__ import annotations

import httpx
import orjson
import pytest

from bochum_desktop.sync.transport import STREAM_MEDIA_TYPE, HttpTransport, LoginRequired, TransportError

PAGES = [{"changes": [["employee", f"id{i}", "upsert", i, ["Müller"]]], "cursor": f"c{i}", "more": i < 2}
         for i in range(3)]
BODY = b"".join(orjson.dumps(p) + b"\n" for p in PAGES)


def transport(chunks, status: int = 200, content_type: str = STREAM_MEDIA_TYPE, **headers) -> HttpTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.params["pages"] == "16"
        return httpx.Response(status, headers={"content-type": content_type, **headers}, content=iter(chunks))

    return HttpTransport(client=httpx.Client(transport=httpx.MockTransport(handler), base_url="http://sync.test"))


def stream(t: HttpTransport):
    return t.stream("GET", "/pull", headers={}, params={"pages": 16})


@pytest.mark.parametrize("size", [1, 7, 64, len(BODY)])
def test_documents_arrive_whole_whatever_the_chunks(size):
    chunks = [BODY[i : i + size] for i in range(0, len(BODY), size)]
    assert list(stream(transport(chunks))) == PAGES


def test_an_answer_cut_within_a_page_raises_after_the_complete_pages():
    cut = BODY[: len(BODY) - 10]
    received = []
    with pytest.raises(TransportError, match="brach mitten in einer Seite ab"):
        for document in stream(transport([cut[:50], cut[50:]])):
            received.append(document)
    assert received == PAGES[:2]


def test_an_unreadable_page_is_a_transport_error():
    with pytest.raises(TransportError, match="unlesbare Seite"):
        list(stream(transport([BODY[:20] + b"\n"])))


def test_a_service_of_the_previous_version_answers_one_page():
    assert list(stream(transport([orjson.dumps(PAGES[0])], content_type="application/json"))) == [PAGES[0]]


def test_an_error_status_raises_as_call_does():
    body = orjson.dumps({"detail": {"code": "login", "message": "Bitte neu anmelden."}})
    with pytest.raises(LoginRequired):
        list(stream(transport([body], status=401, content_type="application/json")))
    with pytest.raises(TransportError, match="internen Fehler"):
        list(stream(transport([b"oops"], status=500, content_type="text/plain")))


def test_a_broken_connection_is_a_transport_error():
    def chunks():
        yield BODY[:30]
        raise httpx.ReadError("connection reset")

    with pytest.raises(TransportError, match="nicht erreichbar"):
        list(stream(transport(chunks())))


def test_an_answer_compressed_on_the_way_is_read():
    """A proxy may gzip the answer (httpx asks for it): the pages are read decompressed."""
    import gzip

    packed = gzip.compress(BODY)
    chunks = [packed[i : i + 100] for i in range(0, len(packed), 100)]
    assert list(stream(transport(chunks, **{"content-encoding": "gzip"}))) == PAGES


def test_a_media_type_with_parameters_is_still_a_stream():
    assert list(stream(transport([BODY], content_type=f"{STREAM_MEDIA_TYPE}; charset=utf-8"))) == PAGES


def test_an_answer_that_is_not_json_is_a_transport_error():
    """E.g. a proxy's error page with status 200: a connection problem for the user, retried later."""
    with pytest.raises(TransportError, match="unlesbare Antwort"):
        list(stream(transport([b"<html>Wartungsarbeiten</html>"], content_type="text/html")))
