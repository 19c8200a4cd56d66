"""How the desk talks to the sync service. Tests inject faults by wrapping a transport."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # httpx costs ~0.1 s to import; the desk loads it on its first sync, not at start-up
    from collections.abc import Iterator

    import httpx


# An answer of several JSON documents, one per line (the service's streamed pull, server/pull.py).
STREAM_MEDIA_TYPE = "application/x-ndjson"


class TransportError(Exception):
    """The service could not be reached or the answer was lost: try again later."""


class ServerError(Exception):
    """The service answered with an error; `message` is German and meant for the user."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


class VersionRefused(ServerError):
    """This desk's version is too old for the service (HTTP 426). Work continues offline."""


class LoginRequired(ServerError):
    """No valid token (HTTP 401): ask for the password again."""


class Transport(Protocol):
    """What the sync client needs. A transport may also offer `stream(method, path, *, headers, params)`,
    an iterator of the JSON documents of an answer of several (HttpTransport.stream); the client then
    asks the service for several pull pages at once."""

    def call(self, method: str, path: str, *, headers: dict[str, str], json: Any = None,
             params: dict | None = None) -> dict: ...


def raise_for(response: httpx.Response) -> dict:
    if response.status_code < 400:
        import orjson  # (a pulled page of 1,000 rows parses in a third of json's time)

        try:
            return orjson.loads(response.content)
        except orjson.JSONDecodeError as exc:  # e.g. a proxy's HTML page instead of the service's answer
            raise TransportError("Der Sync-Dienst hat eine unlesbare Antwort geschickt.") from exc
    try:
        detail = response.json().get("detail")
    except ValueError:
        detail = None
    if isinstance(detail, dict):
        code, message = detail.get("code", "error"), detail.get("message", "")
    else:
        code, message = "error", f"Der Sync-Dienst meldet einen Fehler ({response.status_code})."
    if response.status_code == 426:
        raise VersionRefused(426, code, message)
    if response.status_code == 401:
        raise LoginRequired(401, code, message)
    if response.status_code >= 500:
        raise TransportError(f"Der Sync-Dienst hat einen internen Fehler gemeldet ({response.status_code}).")
    raise ServerError(response.status_code, code, message)


class HttpTransport:
    """HTTP(S) to the service. `client` may be any httpx.Client, e.g. FastAPI's TestClient (in-process)."""

    def __init__(self, base_url: str = "", *, client: httpx.Client | None = None, timeout: float = 60.0,
                 verify: bool | str = True) -> None:
        import httpx

        self.client = client or httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout, verify=verify)

    def call(self, method: str, path: str, *, headers: dict[str, str], json: Any = None,
             params: dict | None = None) -> dict:
        import httpx
        import orjson

        if json is not None:  # orjson: a push batch of 500 changes encodes in a tenth of json's time
            headers = {**headers, "Content-Type": "application/json"}
            content = orjson.dumps(json)
        else:
            content = None
        try:
            response = self.client.request(method, path, headers=headers, content=content, params=params)
        except httpx.HTTPError as exc:
            raise TransportError(f"Der Sync-Dienst ist nicht erreichbar ({exc.__class__.__name__}).") from exc
        return raise_for(response)

    def stream(self, method: str, path: str, *, headers: dict[str, str], params: dict | None = None) -> Iterator[dict]:
        """The documents of an answer, each as soon as it has arrived: one JSON line each when the service
        streams (STREAM_MEDIA_TYPE), else the one JSON answer (a service of the previous version). An answer
        cut short raises TransportError after the complete documents before the cut."""
        import httpx
        import orjson

        try:
            with self.client.stream(method, path, headers=headers, params=params) as response:
                media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if response.status_code >= 400 or media_type != STREAM_MEDIA_TYPE:
                    response.read()
                    yield raise_for(response)
                    return
                parts: list[bytes] = []
                for chunk in response.iter_bytes():  # (decoded: a proxy may compress the answer)
                    start = 0
                    while (end := chunk.find(b"\n", start)) >= 0:
                        parts.append(chunk[start:end])
                        try:
                            document = orjson.loads(b"".join(parts))
                        except orjson.JSONDecodeError as exc:
                            raise TransportError("Der Sync-Dienst hat eine unlesbare Seite geschickt.") from exc
                        yield document
                        parts, start = [], end + 1
                    parts.append(chunk[start:])
                if any(parts):
                    raise TransportError("Die Antwort des Sync-Dienstes brach mitten in einer Seite ab.")
        except httpx.HTTPError as exc:
            raise TransportError(f"Der Sync-Dienst ist nicht erreichbar ({exc.__class__.__name__}).") from exc

    def close(self) -> None:
        self.client.close()


def in_process(app) -> HttpTransport:
    """A transport straight into a FastAPI app (tests, benchmarks): no sockets, same code path."""
    from fastapi.testclient import TestClient

    return HttpTransport(client=TestClient(app, base_url="http://sync.test"))
