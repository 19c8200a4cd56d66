"""`bochum-sync-server`: run the service and manage users.

  bochum-sync-server serve --database-url URL [--host H] [--port P] [--ssl-certfile F --ssl-keyfile F]
  bochum-sync-server init-db --database-url URL
  bochum-sync-server user add|passwd NAME            (password asked twice, or from $BOCHUM_SYNC_PASSWORD)
  bochum-sync-server user add NAME --personnel-number N
  bochum-sync-server user link NAME N                 (user is employee N; `user link NAME` removes the link)
  bochum-sync-server user grant|revoke NAME ROLE
  bochum-sync-server user list
  bochum-sync-server prune --retention-days N

The database URL may also come from $BOCHUM_SYNC_DATABASE_URL."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import timedelta

from ..core.clock import Clock
from ..core.errors import DomainError
from ..db.engine import make_engine
from . import auth
from .schema import init_schema


def _password(args) -> str:
    env = os.environ.get("BOCHUM_SYNC_PASSWORD")
    if env:
        return env
    first = getpass.getpass("Passwort: ")
    if first != getpass.getpass("Passwort wiederholen: "):
        raise DomainError("Die Passwörter stimmen nicht überein.")
    return first


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="bochum-sync-server", description="Sync-Dienst für Bochum Desktop")
    p.add_argument("--database-url", default=os.environ.get("BOCHUM_SYNC_DATABASE_URL"))
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="Dienst starten")
    serve.add_argument("--database-url", dest="database_url_sub")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--ssl-certfile")
    serve.add_argument("--ssl-keyfile")
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--token-hours", type=float, default=24 * 7)
    init = sub.add_parser("init-db", help="Tabellen anlegen")
    init.add_argument("--database-url", dest="database_url_sub")
    prune = sub.add_parser("prune", help="Alte Löschmarken und Änderungshistorie entfernen")
    prune.add_argument("--database-url", dest="database_url_sub")
    prune.add_argument("--retention-days", type=int, required=True)
    user = sub.add_parser("user", help="Benutzer verwalten")
    user.add_argument("--database-url", dest="database_url_sub")
    user.add_argument("action", choices=["add", "passwd", "grant", "revoke", "link", "list", "disable", "enable"])
    user.add_argument("name", nargs="?")
    user.add_argument("role", nargs="?", help="Rolle (grant/revoke) oder Personalnummer (link)")
    user.add_argument("--personnel-number", help="Personalnummer der Person im Mitarbeiterverzeichnis")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    url = getattr(args, "database_url_sub", None) or args.database_url
    if not url:
        print("Bitte --database-url angeben (oder BOCHUM_SYNC_DATABASE_URL setzen).", file=sys.stderr)
        return 2
    try:
        return _run(args, url)
    except DomainError as exc:
        print(exc.message, file=sys.stderr)
        return 1


def _run(args, url: str) -> int:
    if args.command == "serve":
        import uvicorn

        from .app import create_app

        app = create_app(url, token_ttl=timedelta(hours=args.token_hours))
        uvicorn.run(
            app, host=args.host, port=args.port, ssl_certfile=args.ssl_certfile, ssl_keyfile=args.ssl_keyfile,
            proxy_headers=True, log_level="info",
        )
        return 0
    engine = make_engine(url)
    try:
        init_schema(engine)
        if args.command == "init-db":
            print("Datenbank ist bereit.")
            return 0
        if args.command == "prune":
            from .prune import prune

            with engine.begin() as conn:
                result = prune(conn, Clock().now(), timedelta(days=args.retention_days))
            print(f"Entfernte Löschmarken: {result['tombstones_removed']}; Historie gekürzt: "
                  f"{'ja' if result['history_pruned'] else 'nein'}")
            return 0
        return _user(args, engine)
    finally:
        engine.dispose()


def _user(args, engine) -> int:
    action, name = args.action, args.name
    if action != "list" and not name:
        raise DomainError("Bitte den Benutzernamen angeben.")
    with engine.begin() as conn:
        if action == "list":
            for username, active, roles, number in auth.list_users(conn):
                state = "" if active else " (gesperrt)"
                person = f" [Personalnr. {number}]" if number else ""
                print(f"{username}{state}{person}: {', '.join(roles) or '—'}")
        elif action == "add":
            auth.add_user(conn, name, _password(args), Clock().now(), personnel_number=args.personnel_number)
            print(f"Benutzer „{name}“ angelegt.")
        elif action == "link":
            number = args.role or args.personnel_number
            auth.link(conn, name, number)
            print(f"„{name}“ ist jetzt Personalnummer {number} zugeordnet." if number
                  else f"Zuordnung von „{name}“ zu einer Personalnummer aufgehoben.")
        elif action == "passwd":
            auth.set_password(conn, name, _password(args))
            print(f"Passwort von „{name}“ geändert; bestehende Anmeldungen sind beendet.")
        elif action in ("grant", "revoke"):
            if not args.role:
                raise DomainError("Bitte die Rolle angeben.")
            (auth.grant if action == "grant" else auth.revoke)(conn, name, args.role)
            print(f"Rolle „{args.role}“ für „{name}“ {'vergeben' if action == 'grant' else 'entzogen'}.")
        else:
            auth.set_active(conn, name, action == "enable")
            print(f"Benutzer „{name}“ {'freigegeben' if action == 'enable' else 'gesperrt'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
