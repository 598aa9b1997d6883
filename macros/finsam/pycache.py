"""Where finsam keeps what it stores beside Python's bytecode (codecache, regexcache, yamlcache),
and how such a file is read and written: a header naming what made it, the payload's
length, then a marshalled dictionary; written whole or not at all.

Imports only what Python has loaded at start-up (and marshal): it is used before
anything else is imported.
"""

import marshal
import os
import sys


def store_path(name: str, setting: str) -> tuple[str, bool]:
    """The file ``name`` in finsam's ``__pycache__`` (or under ``sys.pycache_prefix``, as
    Python puts bytecode), or in the folder ``setting`` when one is given; and whether
    this process may write it (as Python writes bytecode: not under
    PYTHONDONTWRITEBYTECODE; always in a folder given by a setting)."""
    if setting:
        return os.path.join(setting, name), True
    here = os.path.dirname(os.path.abspath(__file__))
    if sys.pycache_prefix:
        folder = os.path.join(sys.pycache_prefix, os.path.relpath(here, os.path.splitdrive(here)[0] + os.sep))
    else:
        folder = os.path.join(here, "__pycache__")
    return os.path.join(folder, name), not sys.dont_write_bytecode


def replace_whole(path: str, data: bytes) -> bool:
    """Write ``data`` to ``path`` whole or not at all (a file beside it, then renamed);
    False when it cannot be written: as Python does with bytecode it cannot write, the
    command goes on, only slower next time."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as f:
            f.write(data)
        os.replace(temporary, path)
        return True
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return False


def write_store(path: str, header: bytes, store: dict) -> bool:
    """``store`` marshalled under ``header`` and its length (replace_whole)."""
    payload = marshal.dumps(store)
    return replace_whole(path, header + str(len(payload)).encode() + b"\n" + payload)


def read_store(path: str, header: bytes) -> dict:
    """What write_store wrote under this very ``header``; empty for a missing file,
    another header (another Python, format or engine: made again, and overwritten), a
    file cut short or anything else."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return {}
    if not data.startswith(header):
        return {}
    size, _, payload = data[len(header):].partition(b"\n")
    if not size.isdigit() or int(size) != len(payload):
        return {}  # cut short
    try:
        stored = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return {}
    return stored if type(stored) is dict else {}
