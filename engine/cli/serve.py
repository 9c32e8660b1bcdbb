"""`vedtekt serve`: the web page and its API on one machine (uvicorn); a thin click layer over
engine.web.app."""
from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from engine.cli.click_words import WordedCommand
from engine.cli.options import say
from engine.core.errors import InputError, Message


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command("serve", cls=WordedCommand)
@click.option("--host", default="127.0.0.1", show_default=True, help="adressen serveren lytter på")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="porten")
@click.option("--meetings-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="mappe der møter lagres og listes som YAML-filer")
@click.option("--token", default=None, envvar="VEDTEKT_TOKEN",
              help="påkrevd når --host ikke er loopback; sjekkes på hver forespørsel")
def serve(host, port, meetings_dir, token):
    """Start nettsiden for sekretærer: sett sammen et møte, les dommen, gjennomgå et utkast,
    se organisasjonen og rotasjonen. API-et er dokumentert på /docs.

    Eksempel: vedtekt serve --meetings-dir moter/
    """
    try:
        import uvicorn

        from engine.web.app import create_app
    except ImportError as exc:
        raise InputError("errors.web-needs-extra", {"package": exc.name},
                         hint="installer med: pip install 'vedtekt[web]'") from None
    if not is_loopback(host) and not token:
        raise InputError("errors.host-needs-token", {"host": host}, where="--host",
                         hint=Message("errors.hint/token-example", {
                             "command": "--token $(python -c 'import secrets; print(secrets.token_urlsafe())')"}))
    from engine.core.library import library

    # --bylaws-dir is the option every command has (engine/cli/options.py): it sets the folder that
    # library() reads for this process; bad bylaws are exit 2 now, not on the first request
    library()
    if meetings_dir is not None:
        meetings_dir.mkdir(parents=True, exist_ok=True)
    app = create_app(meetings_dir=meetings_dir, token=token)
    shown = f"[{host}]" if ":" in host else host
    suffix = f"/?token={token}" if token else "/"
    click.echo(say("cli.serving", url=f"http://{shown}:{port}{suffix}", api=f"http://{shown}:{port}/docs"))
    uvicorn.run(app, host=host, port=port, log_level="warning")
