"""A live `vedtekt serve` app for tests: uvicorn in a thread on a free loopback port."""
from __future__ import annotations

import socket
import threading
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(meetings_dir: Path | None = None, token: str | None = None):
    """Yield the base URL of a server running the app; stop it (and join the thread) after."""
    import uvicorn

    from engine.web.app import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(meetings_dir=meetings_dir, token=token),
                                           host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    started = threading.Event()
    # uvicorn sets `started` once the socket listens; wait on it without sleeping blind
    for _ in range(6000):  # up to 30 s on a loaded machine
        if server.started or not thread.is_alive():
            break
        started.wait(0.005)
    if not server.started:
        raise RuntimeError("the test server did not start")
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
