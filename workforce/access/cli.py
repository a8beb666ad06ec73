"""Account commands for ``python -m workforce``: add-user, set-password, and so on.

Passwords are read with ``getpass`` (asked twice) or, for scripts, one line from
standard input with ``--password-stdin``. Nothing here prints a password or hash.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable

from workforce.access import auth

Command = Callable[[argparse.Namespace], int]


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Repeat password: ") != first:
        raise auth.AuthError("the two passwords differ")
    return first


def _report(message: str) -> int:
    print(f"{message} ({auth.users_path()})")
    return 0


def cmd_add_user(args: argparse.Namespace) -> int:
    """Create a local account with a role."""
    auth.check_username(args.username)
    if args.username in auth.load_users():
        raise auth.AuthError(f"user {args.username!r} already exists")
    auth.add_user(args.username, _read_password(args), args.role)
    return _report(f"user {args.username} added as {args.role}")


def cmd_set_password(args: argparse.Namespace) -> int:
    """Replace a user's password."""
    if args.username not in auth.load_users():
        raise auth.AuthError(f"no user {args.username!r}")
    auth.set_password(args.username, _read_password(args))
    return _report(f"password of {args.username} changed")


def cmd_set_role(args: argparse.Namespace) -> int:
    """Change a user's role."""
    auth.set_role(args.username, args.role)
    return _report(f"user {args.username} is now {args.role}")


def cmd_remove_user(args: argparse.Namespace) -> int:
    """Delete a local account."""
    auth.remove_user(args.username)
    return _report(f"user {args.username} removed")


def cmd_list_users(args: argparse.Namespace) -> int:
    """Print user names, roles and creation dates (never hashes)."""
    users = auth.load_users()
    print(f"{len(users)} user(s) in {auth.users_path()}")
    for acc in sorted(users.values(), key=lambda a: a.username):
        print(f"{acc.username:<24} {acc.role:<6} {acc.created_at}")
    return 0


def cmd_unlock_user(args: argparse.Namespace) -> int:
    """Clear the failed-login lock of a user."""
    throttle = auth.Throttle(auth.lockout_path(auth.users_path()))
    throttle.succeed([f"user:{args.username}"])
    return _report(f"failed-login counter of {args.username} cleared")


def _guarded(command: Command) -> Command:
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except auth.AuthError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2

    return run


def add_commands(sub: argparse._SubParsersAction, handlers: dict[str, Command]) -> None:
    """Register the account commands on the CLI's subparsers."""
    users_help = f"accounts file: $WORKFORCE_USERS_FILE or {auth.users_path()}"

    def add(name: str, command: Command, text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text, description=f"{text}. {users_help}")
        p.add_argument("username")
        handlers[name] = _guarded(command)
        return p

    for name, command, text in (
        ("add-user", cmd_add_user, "add a local account (staff or admin)"),
        ("set-password", cmd_set_password, "change a local account's password"),
    ):
        p = add(name, command, text)
        p.add_argument(
            "--password-stdin",
            action="store_true",
            help="read the password from one line of standard input (scripts)",
        )
        if name == "add-user":
            p.add_argument("--role", choices=auth.ACCOUNT_ROLES, required=True)
    add("set-role", cmd_set_role, "change a local account's role").add_argument(
        "--role", choices=auth.ACCOUNT_ROLES, required=True
    )
    add("remove-user", cmd_remove_user, "delete a local account")
    add("unlock-user", cmd_unlock_user, "clear a user's failed-login lock")
    sub.add_parser("list-users", help="list local accounts (no hashes)")
    handlers["list-users"] = _guarded(cmd_list_users)
