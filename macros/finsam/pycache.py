"""Where finsam keeps what it stores beside Python's bytecode (codecache, regexcache).

Imports only ``os`` and ``sys``: it is used before anything else is imported.
"""

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


def write_whole(path: str, header: bytes, payload: bytes) -> bool:
    """Write ``header``, the payload's length and the payload to ``path``, whole or not at
    all (a file beside it, then renamed); False when it cannot be written: as Python
    does with bytecode it cannot write, the command goes on, only slower next time."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as f:
            f.write(header + str(len(payload)).encode() + b"\n" + payload)
        os.replace(temporary, path)
        return True
    except OSError:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        return False
