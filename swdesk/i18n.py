"""Messages of the core (command line, import problems, findings) in Latvian and English.

The core cannot use Qt's translation, so each module registers its own messages with :func:`define` as
``key: (latvian, english)``; :func:`tr` formats the one of the current language. Latvian is the default;
``--lang en`` or :func:`set_language` switches. The GUI has its own Qt translations and calls
:func:`set_language` so that core messages it shows follow the same choice.
"""

from __future__ import annotations

from collections.abc import Mapping

LANGUAGES = ("lv", "en")
_messages: dict[str, tuple[str, str]] = {}
_language = "lv"


def define(messages: Mapping[str, tuple[str, str]]) -> None:
    """Register messages; a key may be defined only once, so that each message has one home."""
    for key, pair in messages.items():
        if key in _messages and _messages[key] != pair:
            raise ValueError(f"message {key!r} defined twice")
        _messages[key] = pair


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _language = language


def language() -> str:
    return _language


def tr(key: str, /, *, lang: str | None = None, **values: object) -> str:
    """The message ``key`` in the current (or given) language with ``values`` filled in."""
    lv, en = _messages[key]
    template = en if (lang or _language) == "en" else lv
    return template.format(**values)


def all_keys() -> list[str]:
    return sorted(_messages)


def message_pair(key: str) -> tuple[str, str]:
    return _messages[key]


define(
    {
        "db.not_sqlite": (
            "Fails {path} nav swdesk datubāze (tas nav SQLite fails).",
            "The file {path} is not a swdesk database (not an SQLite file).",
        ),
        "db.damaged": (
            "Datubāze {path} ir bojāta ({detail}).",
            "The database {path} is damaged ({detail}).",
        ),
        "db.set_aside": (
            "{problem} Nekas tajā netika mainīts; fails pārvietots malā: {moved_to}. {advice}",
            "{problem} Nothing in it was changed; the file was moved aside: {moved_to}. {advice}",
        ),
        "db.offer_backup": (
            "Jaunākais pārbaudītais dublējums ir no {when}: {backup}. Lai to atjaunotu: {command}",
            "The newest verified backup is from {when}: {backup}. To restore it: {command}",
        ),
        "db.no_backup": (
            "Pārbaudīta dublējuma nav; nākamreiz tiks izveidota jauna, tukša datubāze.",
            "There is no verified backup; the next start will create a new, empty database.",
        ),
        "db.wal_mismatch": (
            "Datubāzes {path} žurnāla fails {wal} pieder citai datubāzei (tas aizstātu šīs datubāzes datus).",
            "The log file {wal} beside {path} belongs to another database (it would replace this one's data).",
        ),
        "db.foreign": (
            "Fails {path} ir citas programmas SQLite datubāze, nevis swdesk datubāze; tas netika mainīts. "
            "Norādiet citu failu.",
            "The file {path} is another program's SQLite database, not a swdesk database; it was not changed. "
            "Choose another file.",
        ),
        "db.cannot_open": (
            "Datubāzi {location} nevar atvērt: {detail}",
            "The database {location} cannot be opened: {detail}",
        ),
        "db.too_new": (
            "Datubāzes shēmas versija {found} ir jaunāka nekā šī swdesk versija ({known}) prot. "
            "Atjauniniet programmu; datubāze netika mainīta.",
            "The database schema version {found} is newer than this swdesk ({known}) knows. "
            "Update the program; the database was not changed.",
        ),
    }
)
