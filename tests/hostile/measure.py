"""Run ``swdesk import --json`` in this process and report its time and peak memory.

``python -m tests.hostile.measure REPORT.json DATABASE FILE...`` runs the command line exactly as a user
would (``swdesk --db DATABASE import --json FILE...``), with its JSON result on standard output, and writes
``{"exit": …, "seconds": …, "peak_mb": …}`` to REPORT.json. The peak is the process's maximum resident set
size (``VmHWM`` of ``/proc/self/status``), so it counts the interpreter and every library the import loads.
(``getrusage``'s ``ru_maxrss`` is not used: Linux carries it over ``exec`` from the forked copy of the
parent, so it would report the test process's size.) On Windows, which has neither ``/proc`` nor the
``resource`` module, it is the process's peak working set (``GetProcessMemoryInfo``).
"""

from __future__ import annotations

import json
import sys
import time


def main(argv: list[str]) -> int:
    report, database, *files = argv
    from swdesk.cli import main as swdesk
    from swdesk.streams import utf8_streams

    utf8_streams()  # as the program does at start: the JSON holds Latvian text (cp1252 on Windows)

    start = time.perf_counter()
    code = swdesk(["--db", database, "import", "--json", *files])
    seconds = time.perf_counter() - start
    with open(report, "w", encoding="utf-8") as fh:
        json.dump({"exit": code, "seconds": seconds, "peak_mb": peak_kb() / 1024}, fh)
    return 0


def peak_kb() -> int:
    """The peak resident memory of this process (this program image) in kilobytes."""
    if sys.platform == "win32":
        return _windows_peak_kb()
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource  # Unix only

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux, bytes on macOS


def _windows_peak_kb() -> int:
    import ctypes
    from ctypes import wintypes

    class ProcessMemoryCounters(ctypes.Structure):
        _fields_ = [
            ("cb", wintypes.DWORD),
            ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    counters = ProcessMemoryCounters()
    counters.cb = ctypes.sizeof(counters)
    kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE  # the pseudo handle -1: needs its real type
    kernel32.K32GetProcessMemoryInfo.argtypes = [wintypes.HANDLE, ctypes.c_void_p, wintypes.DWORD]
    kernel32.K32GetProcessMemoryInfo.restype = wintypes.BOOL
    if not kernel32.K32GetProcessMemoryInfo(
        kernel32.GetCurrentProcess(), ctypes.byref(counters), counters.cb
    ):
        raise OSError("GetProcessMemoryInfo failed")
    return counters.PeakWorkingSetSize // 1024


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
