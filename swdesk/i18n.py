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
            "Pārbaudīta šīs datubāzes dublējuma nav.",
            "There is no verified backup of this database.",
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
        "db.is_folder": (
            "{path} ir mape, nevis datubāzes fails. Norādiet faila ceļu, piemēram {example}. Nekas netika "
            "mainīts.",
            "{path} is a folder, not a database file. Give the path of a file, for example {example}. "
            "Nothing was changed.",
        ),
        "db.new_named_as_document": (
            "Fails {path} nepastāv, un ar nosaukuma galotni {suffix} tas būtu dokuments, nevis datubāze, "
            "tāpēc jauna datubāze netika izveidota. Datus no darbgrāmatas ielasa ar: swdesk import \"{path}\". "
            "Jaunai datubāzei dodiet nosaukumu ar .sqlite, piemēram {example}.",
            "The file {path} does not exist, and with the ending {suffix} it would be a document, not a "
            "database, so no new database was made. A workbook's data is read with: swdesk import \"{path}\". "
            "Give a new database a name ending in .sqlite, for example {example}.",
        ),
        "db.no_folder": (
            "Mape {folder} nepastāv, tāpēc datubāzi {path} tur nevar izveidot. Izveidojiet mapi vai "
            "norādiet citu ceļu; nekas netika izveidots.",
            "The folder {folder} does not exist, so the database {path} cannot be made there. Create the "
            "folder or give another path; nothing was created.",
        ),
        "db.folder_is_file": (
            "{folder} ir fails, nevis mape, tāpēc datubāzi {path} nevar izveidot. Norādiet citu ceļu; "
            "nekas netika mainīts.",
            "{folder} is a file, not a folder, so the database {path} cannot be made. Give another path; "
            "nothing was changed.",
        ),
        "db.not_regular": (
            "{path} nav parasts fails (tā ir ierīce, kanāls vai cits īpašs fails). Norādiet datubāzes "
            "failu; nekas netika mainīts.",
            "{path} is not a regular file (it is a device, a pipe or another special file). Give a "
            "database file; nothing was changed.",
        ),
        "db.no_permission": (
            "Jums nav tiesību lasīt vai rakstīt {path}. Lūdziet datora administratoram piešķirt tiesības vai "
            "nokopējiet datubāzi uz mapi, kurā varat rakstīt, un atveriet to tur. Nekas netika mainīts.",
            "You have no permission to read or write {path}. Ask the computer's administrator for "
            "permission, or copy the database to a folder you can write to and open it there. Nothing was "
            "changed.",
        ),
        "db.read_only_file": (
            "Datubāzes fails {path} ir tikai lasāms. Noņemiet faila rekvizītos atzīmi «Tikai lasāms» vai "
            "nokopējiet datubāzi uz mapi, kurā varat rakstīt. Nekas netika mainīts.",
            "The database file {path} is read-only. Clear 'Read-only' in the file's properties, or copy the "
            "database to a folder you can write to. Nothing was changed.",
        ),
        "db.read_only_folder": (
            "Mapē {folder} nevar rakstīt (tā ir tikai lasāma vai jums nav tiesību tajā rakstīt). swdesk "
            "blakus datubāzei raksta žurnāla failus (-wal, -shm) un dublējumus, tāpēc datubāzei jābūt mapē, "
            "kurā var rakstīt: nokopējiet to, piemēram, uz savu dokumentu mapi vai lūdziet tiesības. Nekas "
            "netika mainīts.",
            "The folder {folder} cannot be written to (it is read-only or you have no permission to write "
            "there). swdesk writes its log files (-wal, -shm) and backups beside the database, so the "
            "database must be in a folder you can write to: copy it, for example, to your documents folder, "
            "or ask for permission. Nothing was changed.",
        ),
        "db.disk_full": (
            "Diskā, kurā atrodas {folder}, nav pietiekami daudz brīvas vietas (brīvi {free}, vajadzīgi "
            "vismaz {needed}). Atbrīvojiet vietu diskā (izdzēsiet vai pārvietojiet nevajadzīgus failus) un "
            "mēģiniet vēlreiz. Nekas netika mainīts.",
            "The disk that holds {folder} does not have enough free space ({free} free, at least {needed} "
            "needed). Free some space on the disk (delete or move files you do not need) and try again. "
            "Nothing was changed.",
        ),
        "db.disk_full_now": (
            "Disks, kurā atrodas {folder}, ir pilns. Atbrīvojiet vietu diskā un mēģiniet vēlreiz. Nekas "
            "netika mainīts.",
            "The disk that holds {folder} is full. Free some space on the disk and try again. Nothing was "
            "changed.",
        ),
        "db.busy": (
            "Datubāzi {path} šobrīd aizņem cita programma vai cits swdesk logs, un tā neatbrīvojās {seconds} "
            "sekunžu laikā. Pagaidiet, līdz otra programma beidz darbu (vai aizveriet to), un mēģiniet "
            "vēlreiz. Datubāze nav bojāta, un nekas netika mainīts.",
            "The database {path} is in use by another program or another swdesk window, and it was not "
            "released within {seconds} seconds. Wait until the other program finishes (or close it) and try "
            "again. The database is not damaged, and nothing was changed.",
        ),
        "db.io_error": (
            "Datubāzi {path} nevar nolasīt: disks vai tīkla mape neatbild ({detail}). Pārbaudiet disku vai "
            "tīkla savienojumu un mēģiniet vēlreiz; fails netika mainīts.",
            "The database {path} cannot be read: the disk or network folder does not respond ({detail}). "
            "Check the disk or the network connection and try again; the file was not changed.",
        ),
        "db.not_swdesk_file": (
            "Fails {path} nav swdesk datubāze: tas ir {kind}. Tas netika ne mainīts, ne pārvietots. "
            "Norādiet swdesk datubāzes failu (parasti swdesk.sqlite) vai, lai sāktu jaunu datubāzi, jauna "
            "faila nosaukumu.",
            "The file {path} is not a swdesk database: it is {kind}. It was neither changed nor moved. Give "
            "a swdesk database file (usually swdesk.sqlite) or, to start a new database, the name of a new "
            "file.",
        ),
        "db.kind.xlsx": ("Excel darbgrāmata (.xlsx)", "an Excel workbook (.xlsx)"),
        "db.kind.docx": ("Word dokuments (.docx)", "a Word document (.docx)"),
        "db.kind.opendocument": (
            "LibreOffice/OpenDocument dokuments (.ods, .odt)",
            "a LibreOffice/OpenDocument document (.ods, .odt)",
        ),
        "db.kind.zip": ("ZIP arhīvs", "a ZIP archive"),
        "db.kind.pdf": ("PDF dokuments", "a PDF document"),
        "db.kind.ole": (
            "vecs Microsoft Office dokuments (piemēram, .xls vai .doc)",
            "an old Microsoft Office document (for example .xls or .doc)",
        ),
        "db.kind.sqlite": (
            "bojāts SQLite fails, kurā nav atrodamas swdesk tabulas",
            "a damaged SQLite file in which no swdesk table can be found",
        ),
        "db.kind.text": ("teksta fails", "a text file"),
        "db.kind.empty": (
            "tukšs fails (0 baitu), ko nav izveidojusi swdesk",
            "an empty file (0 bytes) that swdesk did not make",
        ),
        "db.kind.other": (
            "fails, kas nav SQLite datubāze, vai šifrēta datubāze bez tās atslēgas norādes blakus (.sifrets "
            "faila); šifrētu swdesk datubāzi citā datorā atver ar atkopšanas atslēgu (--recovery-key)",
            "a file that is not an SQLite database, or an encrypted database without its key marker beside "
            "it (the .sifrets file); an encrypted swdesk database on another PC opens with its recovery key "
            "(--recovery-key)",
        ),
        "db.empty_with_backup": (
            "Datubāzes fails {path} ir tukšs (0 baitu), lai gan tai ir dublējumi.",
            "The database file {path} is empty (0 bytes), although it has backups.",
        ),
        "db.partial_page": (
            "faila garums nav vesels lappušu ({page} baitu) skaits — fails ir nogriezts",
            "the file's length is not a whole number of pages ({page} bytes) — the file was cut short",
        ),
        "db.wal_set_aside": (
            "Blakus datubāzei {path} bija cita datubāzes žurnāla fails; tas pārvietots malā ({wal}), "
            "datubāze netika mainīta.",
            "Beside the database {path} lay another database's log file; it was moved aside ({wal}); the "
            "database was not changed.",
        ),
        "db.backup_failed": (
            "Brīdinājums: šodienas automātisko dublējumu neizdevās izveidot ({detail}). Darbu var turpināt; "
            "dublēšana tiks mēģināta vēlreiz nākamajā atvēršanas reizē.",
            "Warning: today's automatic backup could not be made ({detail}). You can keep working; the "
            "backup is tried again the next time the database is opened.",
        ),
        "db.was_set_aside": (
            "Datubāzes {path} nav: bojātā datubāze tika pārvietota malā ({aside}), un tukša datubāze tās "
            "vietā netiek sākta bez jautājuma. {advice} Lai sāktu ar jaunu, tukšu datubāzi, pārvietojiet "
            "malā noliktos failus citur.",
            "The database {path} is not there: the damaged database was moved aside ({aside}), and an empty "
            "one is not started in its place without asking. {advice} To start a new, empty database, move "
            "the files set aside elsewhere.",
        ),
        "db.empty_path": (
            "--db ir tukšs: norādiet datubāzes faila ceļu vai URL (vai atstājiet --db pavisam, lai "
            "izmantotu noklusēto datubāzi).",
            "--db is empty: give a database file path or URL (or leave --db out to use the default "
            "database).",
        ),
        "db.bad_url": (
            "Datubāzes adresi {url} nevar nolasīt ({detail}). Pārbaudiet to: "
            "postgresql+psycopg://lietotājs:parole@serveris:5432/datubāze.",
            "The database address {url} cannot be read ({detail}). Check it: "
            "postgresql+psycopg://user:password@server:5432/database.",
        ),
        "db.waiting": (
            "Gaida, kamēr cita swdesk programma pabeidz rakstīt datubāzē… (ne ilgāk par {seconds} s)",
            "Waiting for another swdesk to finish writing to the database… (at most {seconds} s)",
        ),
        "db.failed_now": (
            "Datubāzes darbība neizdevās: {detail}. Nekas netika mainīts.",
            "The database operation failed: {detail}. Nothing was changed.",
        ),
        "db.connection_lost": (
            "Savienojums ar datubāzes serveri pārtrūka ({detail}). Nekas netika mainīts; pārbaudiet, vai "
            "serveris darbojas, un mēģiniet vēlreiz.",
            "The connection to the database server was lost ({detail}). Nothing was changed; check that the "
            "server is running and try again.",
        ),
        "db.indexes_damaged": (
            "Bojāti ir tikai datubāzes indeksi (meklēšanas rādītāji), nevis pati informācija; tos var "
            "atjaunot ar komandu: {command}",
            "Only the database's indexes (its lookup tables) are damaged, not the data itself; they can be "
            "rebuilt with: {command}",
        ),
        "db.write_cancelled": (
            "Gaidīšana atcelta: cita programma vēl raksta datubāzē. Nekas netika saglabāts; mēģiniet vēlreiz "
            "pēc brīža.",
            "Waiting was cancelled: another program is still writing to the database. Nothing was saved; try "
            "again in a moment.",
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
