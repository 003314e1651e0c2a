"""`swdesk settings get KEY` / `set KEY VALUE [--from DATE]` / `list`: the settings of SPEC §1.6."""

from __future__ import annotations

import argparse
import datetime as dt

from swdesk import settings as st
from swdesk.commands import open_db, parse_date
from swdesk.formats import fmt_date
from swdesk.i18n import define, tr

define(
    {
        "settings.help": ("lasīt vai mainīt iestatījumu", "read or change a setting"),
        "settings.get.help": (
            "vērtība, kas ir spēkā (šodien vai --on datumā)",
            "the value in force (today or --on)",
        ),
        "settings.set.help": (
            "saglabāt jaunu vērtību no datuma (--from, citādi šodien)",
            "store a new value from a date (--from, else today)",
        ),
        "settings.list.help": ("visi iestatījumi un to vēsture", "all settings and their history"),
        "settings.on": ("datums, kurā vērtība ir spēkā", "date on which the value is in force"),
        "settings.from": ("datums, no kura vērtība ir spēkā", "date from which the value applies"),
        "settings.stored": ("«{key}» = {value} no {date}.", "'{key}' = {value} from {date}."),
    }
)


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("settings", parents=[common], help=tr("settings.help"))
    actions = p.add_subparsers(dest="action", required=True)
    get = actions.add_parser("get", parents=[common], help=tr("settings.get.help"))
    get.add_argument("key")
    get.add_argument("--on", help=tr("settings.on"))
    put = actions.add_parser("set", parents=[common], help=tr("settings.set.help"))
    put.add_argument("key")
    put.add_argument("value")
    put.add_argument("--from", dest="valid_from", help=tr("settings.from"))
    actions.add_parser("list", parents=[common], help=tr("settings.list.help"))
    return p


def run(args: argparse.Namespace) -> int:
    if args.action == "set":
        st.parse_value(args.key, args.value)  # refuse a bad value before the database is touched
        valid_from = parse_date(args.valid_from) if args.valid_from is not None else dt.date.today()
        with open_db(args).write() as session:
            st.set_value(session, args.key, args.value, valid_from)
        print(
            tr(
                "settings.stored",
                key=args.key,
                value=st.raw_value_for_display(args.value),
                date=fmt_date(valid_from),
            )
        )
        return 0
    database = open_db(args)
    with database.read() as session:
        if args.action == "get":
            on = parse_date(args.on) if args.on is not None else dt.date.today()
            print(st.raw_value(session, args.key, on))
        else:
            for key in st.KEYS:
                history = st.history(session, key)
                print(key)
                for valid_from, value in history:
                    print(f"  {fmt_date(valid_from)}  {value}")
    return 0
