"""The HTTP server behind ``rasd serve``: uvicorn with h11, and answers for requests too big to parse.

h11 gives up on a request head larger than its buffer limit; uvicorn then writes a 400
and closes the socket at once, while the client is still sending the rest of a huge
URL, so the kernel resets the connection and the client sees no status at all. Here the
buffer limit sits above the app's own limits (``web.MAX_URL_BYTES``,
``web.MAX_HEADER_BYTES``, checked by ``web.Guard``), and a head past it gets a real
status: 414 when the request line never ended, 431 when the headers did not. The
connection is then closed gently: our side is shut for writing and the rest of the
request is read and dropped (bounded in bytes and time) so the status reaches the client.
"""

from __future__ import annotations

import json
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from rasd.interfaces.web import MAX_HEADER_BYTES, MAX_URL_BYTES, SECURITY_HEADERS

H11_BUFFER_BYTES = MAX_URL_BYTES + MAX_HEADER_BYTES + 4096  # beyond the app's limits, so Guard answers first
DRAIN_BYTES = 64 * 1024 * 1024  # request bytes read and dropped after refusing, at most
DRAIN_SECONDS = 5.0  # and for at most this long


class LimitedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol answering 414/431 (not a reset) for a head over ``H11_BUFFER_BYTES``."""

    _drained = -1  # bytes dropped since refusing; -1 while serving normally

    def data_received(self, data: bytes) -> None:
        if self._drained < 0:
            super().data_received(data)
            return
        self._drained += len(data)
        if self._drained > DRAIN_BYTES:
            self.transport.close()

    def send_400_response(self, msg: str) -> None:
        buffered, _ = self.conn.trailing_data
        if len(buffered) <= H11_BUFFER_BYTES:  # a malformed request, not an oversized one
            super().send_400_response(msg)
            return
        if b"\n" not in buffered:
            status, detail = 414, f"URL too long (request line over {H11_BUFFER_BYTES:,} bytes)"
        else:
            status, detail = 431, f"request headers too large (over {H11_BUFFER_BYTES:,} bytes)"
        self.logger.warning("refused an oversized request: %s", detail)
        body = json.dumps({"detail": detail}).encode("utf-8")
        headers = [(b"content-type", b"application/json"), (b"connection", b"close"), *SECURITY_HEADERS]
        for event in (h11.Response(status_code=status, headers=headers), h11.Data(data=body), h11.EndOfMessage()):
            self.transport.write(self.conn.send(event))
        self._drained = 0
        if self.transport.can_write_eof():
            self.transport.write_eof()  # the answer goes out now; the client may still be sending
        self.loop.call_later(DRAIN_SECONDS, self.transport.close)

    def eof_received(self) -> None:
        if self._drained >= 0:
            self.transport.close()  # the client finished sending: it has our answer


def server_options() -> dict[str, Any]:
    """uvicorn options for ``rasd serve``: h11 with the buffer above and ``LimitedH11Protocol``."""
    return {"http": LimitedH11Protocol, "h11_max_incomplete_event_size": H11_BUFFER_BYTES}


def server_config(app: Any, host: str = "127.0.0.1", port: int = 8000, **kwargs: Any) -> uvicorn.Config:
    """A ``uvicorn.Config`` with ``server_options()`` (tests run a ``uvicorn.Server`` on it)."""
    return uvicorn.Config(app, host=host, port=port, **server_options(), **kwargs)
