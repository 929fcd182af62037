"""Folders of output files: on this machine, or at an fsspec URL (s3://bucket/prefix/, gs://...).

kg build -o DIR/ writes its shards and their manifest through a Folder, and a worker that
builds a shard writes it through a Folder at the same location. Every write is atomic: in a
folder on this machine, or on a file system reached by URL (sftp://, file://), the bytes go
to a temporary name in the folder, then are renamed over the target; on an object store
(S3, Google Cloud Storage, Azure) one put of the finished bytes is the write, as an object
appears whole or not at all. A URL needs fsspec and its backend for the protocol
(pip install "kg[remote]" and e.g. s3fs); credentials and endpoints come from each process's
environment, as the backend reads them (AWS_ACCESS_KEY_ID, AWS_ENDPOINT_URL, ...).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import tempfile
from collections.abc import Iterator
from pathlib import Path

from kg.errors import OutputError
from kg.rdf.output import file_mode

REMOTE_INSTALL = 'pip install "kg[remote]"'
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
# fsspec protocols whose one put is atomic: object stores, and fsspec's in-memory file system
_OBJECT_STORES = frozenset({"s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "adl", "oss", "memory"})


def is_url(location: str) -> bool:
    """Whether -o names a URL (scheme://...) rather than a path on this machine."""
    return bool(_URL.match(location))


def open_folder(location: str) -> LocalFolder | RemoteFolder:
    """The folder at ``location``, a path or an fsspec URL (nothing is made yet: see make)."""
    return RemoteFolder(location) if is_url(location) else LocalFolder(location)


def sha256(chunks: Iterator[bytes]) -> str:
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return "sha256:" + digest.hexdigest()


class LocalFolder:
    """A folder on this machine (or on a file system it mounts, shared with the workers)."""

    def __init__(self, location: str):
        self.path = Path(location)

    @property
    def location(self) -> str:
        """The folder's absolute path: what a worker process opens."""
        return str(self.path.resolve())

    def where(self, name: str) -> str:
        return str(self.path / name)

    def make(self) -> None:
        if self.path.exists() and not self.path.is_dir():
            raise OutputError(f"{self.path}: is a file, not a folder; give -o a folder for the shards")
        self.path.mkdir(parents=True, exist_ok=True)

    def exists(self, name: str) -> bool:
        return (self.path / name).is_file()

    def read(self, name: str) -> bytes | None:
        try:
            return (self.path / name).read_bytes()
        except FileNotFoundError:
            return None

    def hash(self, name: str) -> str | None:
        """The sha256 of a file's bytes, None when there is no such file."""
        try:
            with open(self.path / name, "rb") as handle:
                return sha256(iter(lambda: handle.read(1 << 20), b""))
        except FileNotFoundError:
            return None

    def holds(self, name: str, written: dict) -> bool:
        """Whether this machine sees the bytes a worker says it wrote (their hash)."""
        return self.hash(name) == written["sha256"]

    def names(self) -> list[str]:
        return sorted(path.name for path in self.path.iterdir() if path.is_file())

    def remove(self, name: str) -> None:
        (self.path / name).unlink(missing_ok=True)

    def write(self, name: str, data: bytes) -> None:
        """Write ``data`` as ``name``: a temporary file beside it, renamed over it; the
        temporary file is removed whatever stops the write (Ctrl-C lands anywhere)."""
        temporary = None
        try:
            handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".part", dir=self.path)
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
            os.chmod(temporary, file_mode())  # mkstemp made it private; an output file is not
            os.replace(temporary, self.path / name)
        except BaseException:
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
            else:  # interrupted inside mkstemp, after it made the file
                for path in self.path.glob(f".{name}.*.part"):
                    path.unlink(missing_ok=True)
            raise


class RemoteFolder:
    """A folder at an fsspec URL: a prefix of an object store, or a file system reached by URL."""

    def __init__(self, url: str):
        self.url = url if url.endswith("/") else url + "/"
        try:
            import fsspec.core
        except ImportError:
            raise OutputError(f"{url}: kg writes to a URL with fsspec, which is not installed: {REMOTE_INSTALL}, "
                              "and the backend of your store (s3fs for s3://, gcsfs for gs://, adlfs for az://)"
                              ) from None
        try:
            self.fs, root = fsspec.core.url_to_fs(self.url)
        except ImportError as error:  # fsspec knows the protocol and names the package it needs
            raise OutputError(f"{url}: fsspec's backend for this URL is not installed ({error})") from None
        except ValueError as error:  # a protocol fsspec does not know
            raise OutputError(f"{url}: fsspec cannot open this URL ({error}); give a path, or a URL such as "
                              "s3://bucket/prefix/") from None
        self.root = root.rstrip("/")
        protocols = {self.fs.protocol} if isinstance(self.fs.protocol, str) else set(self.fs.protocol)
        self.atomic_put = bool(protocols & _OBJECT_STORES)

    @property
    def location(self) -> str:
        return self.url

    def where(self, name: str) -> str:
        return self.url + name

    def _path(self, name: str) -> str:
        return f"{self.root}/{name}"

    @contextlib.contextmanager
    def _reaching(self, name: str, doing: str) -> Iterator[None]:
        """The store's errors (refused, unreachable, no credentials) as one line naming the URL."""
        try:
            yield
        except OutputError:
            raise
        except Exception as error:
            raise OutputError(f"{self.where(name)}: cannot {doing} ({type(error).__name__}: {error}); check the "
                              "URL, and the store's credentials and endpoint in this environment") from None

    def make(self) -> None:
        with self._reaching("", "make the folder"):
            if self.fs.isfile(self.root):
                raise OutputError(f"{self.url}: is a file, not a folder; give -o a folder for the shards")
            self.fs.makedirs(self.root, exist_ok=True)

    def exists(self, name: str) -> bool:
        self.fs.invalidate_cache(self._path(name))  # another process may have written it since
        return self.fs.isfile(self._path(name))

    def read(self, name: str) -> bytes | None:
        with self._reaching(name, "read"):
            if not self.exists(name):
                return None
            return self.fs.cat_file(self._path(name))

    def hash(self, name: str) -> str | None:
        with self._reaching(name, "read"):
            if not self.exists(name):
                return None
            with self.fs.open(self._path(name), "rb") as handle:
                return sha256(iter(lambda: handle.read(1 << 20), b""))

    def holds(self, name: str, written: dict) -> bool:
        """Whether the shard a worker wrote is there with the size it said: reading it back to
        hash it would pass every graph through this machine, which a worker's write avoids."""
        with self._reaching(name, "read"):
            self.fs.invalidate_cache(self._path(name))
            try:
                return self.fs.info(self._path(name))["size"] == written["bytes"]
            except FileNotFoundError:
                return False

    def names(self) -> list[str]:
        with self._reaching("", "list the folder"):
            self.fs.invalidate_cache(self.root)
            try:
                entries = self.fs.ls(self.root, detail=True)
            except FileNotFoundError:
                return []
            return sorted(entry["name"].rstrip("/").rsplit("/", 1)[-1] for entry in entries
                          if entry["type"] == "file")

    def remove(self, name: str) -> None:
        with self._reaching(name, "remove"):
            with contextlib.suppress(FileNotFoundError):
                self.fs.rm_file(self._path(name))

    def write(self, name: str, data: bytes) -> None:
        """Write ``data`` as ``name``: one put on an object store; elsewhere a temporary name
        in the folder, then a rename, the temporary object removed whatever stops the write."""
        with self._reaching(name, "write"):
            if self.atomic_put:
                self.fs.pipe_file(self._path(name), data)
                return
            temporary = self._path(f".{name}.{secrets.token_hex(6)}.part")
            try:
                self.fs.pipe_file(temporary, data)
                self.fs.mv(temporary, self._path(name))
            except BaseException:
                with contextlib.suppress(Exception):
                    self.fs.rm_file(temporary)
                raise
