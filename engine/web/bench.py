"""The web page's figure for `vedtekt bench`: the check round trip (POST /api/check of the
Follorådet quorum meeting), median server time and median in-process round trip."""
from __future__ import annotations

import statistics
import time
from pathlib import Path

def _scenario() -> Path:
    from engine.core.resources import scenarios_dir  # the checkout's scenarios, or the wheel's copy

    return scenarios_dir() / "folloradet" / "2021-02-quorum.yaml"


def check_round_trip(runs: int = 200) -> dict | None:
    """Median milliseconds per check: server time (the app's Server-Timing header) and the
    whole in-process round trip (ASGI test client, no network). None without the web extra."""
    import warnings

    try:
        with warnings.catch_warnings():  # starlette's notice about httpx is not the user's business
            warnings.simplefilter("ignore")
            from fastapi.testclient import TestClient

        from engine.web.app import create_app
    except ImportError:
        return None
    scenario = _scenario()
    if not scenario.exists():
        return None
    body = scenario.read_bytes()
    client = TestClient(create_app())
    client.post("/api/check", content=body)  # warm: library, rule book, compiled predicates
    server, round_trip = [], []
    for _ in range(runs):
        start = time.perf_counter()
        answer = client.post("/api/check", content=body, headers={"content-type": "application/yaml"})
        round_trip.append((time.perf_counter() - start) * 1000)
        server.append(float(answer.headers["server-timing"].split("dur=")[1]))
    return {"runs": runs, "server_ms_median": round(statistics.median(server), 2),
            "round_trip_ms_median": round(statistics.median(round_trip), 2)}
