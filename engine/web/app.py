"""The FastAPI application: the page, the other pages, and the JSON API under them.

Routes only parse, call the library (directly or through engine.web.service) and render;
every library InputError becomes a 400 with the CLI's message, a body over 2 MB a 413, and any
other exception a 500 with a short message and no traceback.
"""
from __future__ import annotations

import hmac
import json
from datetime import date
from pathlib import Path

from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from engine.core.errors import InputError, VedtektError, at, json_problem
from engine.core.library import Library, library
from engine.render.catalogue import message as catalogue_message
from engine.web import service
from engine.web.i18n import lang_of, other_lang, page_words

HERE = Path(__file__).resolve().parent


def create_app(*, bylaws_dir: Path | None = None, meetings_dir: Path | None = None,
               token: str | None = None) -> FastAPI:
    app = FastAPI(title="vedtekt", description="Møter, vedtak og vedtekter for interkommunale råd: "
                  "den samme vurderingen som `vedtekt check`, `review` og `people`.",
                  version="0.1.0", docs_url=None, redoc_url=None)  # /docs: our own page, no CDN
    app.state.lib_root = str(bylaws_dir) if bylaws_dir else None
    app.state.meetings = service.Meetings(meetings_dir) if meetings_dir else None
    templates = Jinja2Templates(directory=str(HERE / "templates"))  # autoescape: on for .html
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _errors(app)
    # the first added is the innermost: the body limit sits right around the routes, so that a
    # streamed body over the limit is answered 413 before any other middleware sees an error
    app.add_middleware(BodyLimit, limit=service.MAX_BODY)
    _server_timing(app)
    if token:
        _require_token(app, token)

    def lib() -> Library:
        return library(app.state.lib_root)

    def page(request: Request, name: str, **context) -> HTMLResponse:
        lang = lang_of(request)
        return templates.TemplateResponse(request, name, {
            "lang": lang, "t": page_words(lang), "other_lang": other_lang(lang),
            "meetings_enabled": app.state.meetings is not None, **context})

    # -- pages ------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request):
        lang = lang_of(request)
        # JSON inside <script>: "<" escaped so that no text can close the element
        catalogue = json.dumps(page_words(lang), ensure_ascii=False).replace("<", "\\u003c")
        from engine.web import pages

        council = lib().default_council or ""
        day = pages.opening_day(lib())
        return page(request, "index.html", catalogue=catalogue, day=day.isoformat(), council=council,
                    organ=pages.first_organ(council, day, lib()))

    @app.get("/review", response_class=HTMLResponse, include_in_schema=False)
    def review_page(request: Request):
        return page(request, "review.html", report=None, error=None)

    @app.post("/review", response_class=HTMLResponse, include_in_schema=False)
    async def review_submit(request: Request, file: UploadFile = File(...), date: str = Form("")):
        try:
            report = service.review_upload(file.filename or "", await file.read(), date, lang_of(request))
            return page(request, "review.html", report=report, error=None)
        except InputError as exc:
            return page(request, "review.html", report=None, error=exc.text(lang_of(request)))

    @app.get("/authority", response_class=HTMLResponse, include_in_schema=False)
    def authority_page(request: Request, date: str = "2021-02-01", council: str = "",
                       node: str = "", kind: str = ""):
        from engine.web import pages

        council = council or lib().default_council or ""
        try:
            data = pages.authority(council, service_day(date), node, kind, lib(), lang_of(request))
            return page(request, "authority.html", data=data, error=None, date=date, council=council,
                        node=node, kind=kind)
        except InputError as exc:
            return page(request, "authority.html", data=None, error=exc.text(lang_of(request)), date=date,
                        council=council, node=node, kind=kind)

    @app.get("/authority.svg", include_in_schema=False)
    def authority_svg(request: Request, date: str = "2021-02-01", council: str = ""):
        from engine.web import pages

        council = council or lib().default_council or ""
        svg = pages.authority_svg(council, service_day(date), app.state.lib_root, lang_of(request))
        return Response(svg, media_type="image/svg+xml")

    @app.get("/rotation", response_class=HTMLResponse, include_in_schema=False)
    def rotation_page(request: Request, council: str = "", start: int | None = None, end: int | None = None):
        from engine.web import pages

        council = council or lib().default_council or ""
        try:  # without years: the council's own (the years its documents are in force)
            data = pages.rotation(council, start, end, lang_of(request), lib())
            return page(request, "rotation.html", data=data, error=None, council=council,
                        start=data["first"], end=data["last"])
        except InputError as exc:
            return page(request, "rotation.html", data=None, error=exc.text(lang_of(request)), council=council,
                        start=start, end=end)

    @app.get("/transition", response_class=HTMLResponse, include_in_schema=False)
    def transition_page(request: Request):
        from engine.web import pages

        return page(request, "transition.html", data=pages.transition(app.state.lib_root, lang_of(request)))

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request):
        """The API described from its OpenAPI schema (/openapi.json), without Swagger UI's CDN."""
        return page(request, "api.html", routes=_routes(app.openapi()))

    # -- API --------------------------------------------------------------------------------
    @app.get("/api/councils", summary="Rådene, organene og periodene de er modellert for")
    def api_councils():
        from engine.analyses.people import councils

        return councils(lib())

    @app.get("/api/sitting", summary="Sammensetningen på datoen, som `vedtekt people --format json`")
    def api_sitting(organ: str, date: str, council: str | None = None):
        from engine.analyses.people import sitting_on

        return sitting_on(organ, service_day(date), council or None, lib(), prefix="")

    @app.post("/api/check", summary="Vurder ett scenario (YAML eller JSON) som `vedtekt check --format json`",
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/yaml": {"schema": {"type": "string"}},
                  "application/json": {"schema": {"type": "object"}}}}})
    async def api_check(request: Request):
        return service.check_body(await request.body(), lang_of(request), lib())

    @app.post("/api/review", summary="Juridisk gjennomgang av et utkast, som `vedtekt review --format json`")
    async def api_review(request: Request, file: UploadFile = File(...), date: str = Form("")):
        return service.review_upload(file.filename or "", await file.read(), date, lang_of(request))

    @app.post("/api/yaml", summary="Et scenario (JSON) som YAML-tekst for en scenariofil",
              response_class=PlainTextResponse)
    async def api_yaml(request: Request):
        data = _json_object(await request.body())
        text = service.scenario_yaml(data)
        service.parse_scenario(text)  # the page never offers a file `vedtekt check` refuses
        return PlainTextResponse(text, media_type="application/yaml")

    @app.post("/api/parse", summary="En scenariofil (YAML) som JSON for skjemaet")
    async def api_parse(request: Request):
        return service.parse_scenario(await request.body())

    @app.get("/api/rules", summary="Reglenes lovtekst og hjemmel (som `vedtekt explain --format json`)")
    def api_rules(request: Request):
        from engine.render.explain import explain_rule
        from engine.core.rules import rulebook

        ids = sorted({r.id for r in rulebook().rules})
        return {i: json.loads(explain_rule(i, lang_of(request), "json")) for i in ids}

    @app.get("/api/meetings", summary="Møtene i --meetings-dir med dommen for hvert")
    def api_meetings(request: Request):
        return _meetings(app).list(lang_of(request), lib())

    @app.get("/api/meetings/{name}", summary="Ett lagret møte som YAML", response_class=PlainTextResponse)
    def api_meeting(name: str):
        return PlainTextResponse(_meetings(app).read(name), media_type="application/yaml")

    @app.put("/api/meetings/{name}", summary="Lagre et møte (YAML) i --meetings-dir")
    async def api_save_meeting(name: str, request: Request):
        store = _meetings(app)
        store.save(name, service.decode_body(await request.body()))
        return {"saved": name}

    return app


def _routes(schema: dict) -> list[dict]:
    out = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            body = op.get("requestBody", {}).get("content", {})
            out.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "parameters": [(p["name"], p["in"], p.get("required", False))
                                       for p in op.get("parameters", [])],
                        "body": sorted(body)})
    return out


def service_day(text: str) -> date:
    from engine.analyses.people import parse_day

    return parse_day(text, where="date")


def _meetings(app: FastAPI) -> service.Meetings:
    if app.state.meetings is None:
        raise InputError("errors.no-meetings-dir", file=service.REQUEST)
    return app.state.meetings


def _json_object(body: bytes) -> dict:
    try:
        data = json.loads(service.decode_body(body))
    except json.JSONDecodeError as exc:
        raise InputError("errors.json-invalid", {"problem": json_problem(exc.msg)}, file=service.REQUEST,
                         where=at(exc.lineno, column=exc.colno)) from None
    if not isinstance(data, dict):
        raise InputError("errors.json-object-expected", file=service.REQUEST, where=at(1))
    return data


def _errors(app: FastAPI) -> None:
    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError):
        lang = lang_of(request)  # ?lang=en or the lang cookie: the message in the page's language
        return JSONResponse({"error": exc.text(lang), "message": exc.message_text(lang),
                             "where": exc.where_text(lang), "hint": exc.hint_text(lang)}, status_code=400)

    @app.exception_handler(VedtektError)
    async def internal(request: Request, exc: VedtektError):
        return JSONResponse({"error": exc.text(lang_of(request))}, status_code=500)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        from engine.core.load import error_message

        first = exc.errors()[0] if exc.errors() else {"type": "missing", "loc": ()}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return JSONResponse({"error": f"{service.REQUEST}: {where}: {error_message(first).text(lang_of(request))}",
                             "where": where}, status_code=422)

    @app.exception_handler(RecursionError)
    async def too_deep(request: Request, exc: RecursionError):
        from engine.core.errors import Message

        return JSONResponse({"error": f"{service.REQUEST}: " + Message("errors.too-deep").text(lang_of(request))},
                            status_code=400)

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception):  # a bug: say so, never a traceback
        problem = catalogue_message("web.internal-error", lang_of(request), {"kind": type(exc).__name__})
        return JSONResponse({"error": problem}, status_code=500)


def _server_timing(app: FastAPI) -> None:
    """`Server-Timing: app;dur=MS` on every answer: the server's own time (what `vedtekt bench`
    reports for a check round trip), visible in the browser's developer tools."""
    import time

    @app.middleware("http")
    async def timing(request: Request, call_next):
        start = time.perf_counter()
        response = await call_next(request)
        response.headers["server-timing"] = f"app;dur={(time.perf_counter() - start) * 1000:.2f}"
        return response


def _require_token(app: FastAPI, token: str) -> None:
    """Every request must carry the token: `Authorization: Bearer T`, `?token=T` (which also
    sets a cookie, so the page's own requests carry it) or that cookie."""
    @app.middleware("http")
    async def check_token(request: Request, call_next):
        given = (request.headers.get("authorization", "").removeprefix("Bearer ").strip()
                 or request.query_params.get("token") or request.cookies.get("vedtekt_token") or "")
        if not hmac.compare_digest(given.encode(), token.encode()):
            return JSONResponse({"error": catalogue_message("web.token-refused", lang_of(request))}, status_code=401)
        response = await call_next(request)
        if request.query_params.get("token"):
            response.set_cookie("vedtekt_token", token, httponly=True, samesite="strict")
        return response


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Refuse a request body over `limit` bytes with 413, whether announced (Content-Length) or
    streamed, before any route reads it whole."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            return await _too_large(scope, send, self.limit)
        received, started = 0, False

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge
            return message

        async def tracking_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _too_large(scope, send, self.limit)


async def _too_large(scope, send, limit: int) -> None:
    lang = lang_of(Request(scope))  # the request's ?lang= or cookie, read from the scope (no body read)
    too_large = catalogue_message("web.too-large", lang, {"megabytes": limit // (1024 * 1024)})
    body = json.dumps({"error": f"{service.REQUEST}: {too_large}"}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


__all__ = ["create_app"]
