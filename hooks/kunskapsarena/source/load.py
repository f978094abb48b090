"""Read content files: front matter (with line numbers) and Markdown body."""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from frontmatter.default_handlers import YAMLHandler

from kunskapsarena.model.problems import Problem

from .discovery import first_link, link_problem
from .yamlsource import YamlDocument, YamlSyntaxError, parse_yaml

_FRONT_MATTER = YAMLHandler()
# A page of 1 MB is a book; data files grow with the arena (20 000 people are ~3 MB).
MAX_CONTENT_BYTES = 1_000_000
MAX_DATA_BYTES = 20_000_000


@dataclass
class SourceFile:
    """A content file split into front matter and body, lines kept."""

    path: str             # posix path relative to the project root, as editors see it
    abs_path: Path
    front: YamlDocument
    body: str
    body_line: int        # file line of the body's first line

    @property
    def data(self) -> dict:
        return self.front.data


NO_FRONT_MATTER = "filen börjar inte med front matter"


class UnreadableFile(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def relative(root: Path, path: Path) -> str:
    """Path below root as editors see it (string work: relpath is slow in a hot loop)."""
    prefix, text = str(root), str(path)
    if text.startswith(prefix + os.sep):
        return text[len(prefix) + 1:].replace(os.sep, "/")
    return os.path.relpath(text, prefix).replace(os.sep, "/")


def read_text(root: Path, path: Path) -> str:
    """The file's text; a file that is not UTF-8 or is empty reports itself."""
    rel = relative(root, path)
    limit = MAX_DATA_BYTES if rel.endswith((".yml", ".yaml")) else MAX_CONTENT_BYTES
    size = path.lstat().st_size   # lstat: a link is refused by _read_bytes, never followed
    if size > limit:   # checked before reading: a huge file never reaches memory or the parser
        raise UnreadableFile(Problem(
            rel, 1, "fil", f"filen är {_megabytes(size)}, högst {_megabytes(limit)} är tillåtet",
            "dela upp texten på flera sidor; bilder och bilagor ska vara egna filer" if limit == MAX_CONTENT_BYTES
            else "dela upp filen eller ta bort gamla poster"))
    raw = _read_bytes(root, path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UnreadableFile(Problem(
            rel, line, "fil", "filen är inte sparad som UTF-8",
            "spara om filen med teckenkodningen UTF-8 i din editor")) from None
    if not text.strip():
        raise UnreadableFile(Problem(rel, 1, "fil", "filen är tom",
                                     "fyll i front matter och text, eller ta bort filen"))
    # macOS and some editors write decomposed letters (o + combining diaeresis for ö): the same
    # text to a reader, a different string to a comparison. Every file is compared as NFC.
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n")


def _read_bytes(root: Path, path: Path) -> bytes:
    """The file's bytes, refusing a symbolic link or anything but a regular file.

    O_NOFOLLOW: a link put in place after discovery.walk looked is still not
    followed; O_NONBLOCK: a named pipe cannot hang the check.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP or path.is_symlink():
            raise UnreadableFile(link_problem(root, path)) from None
        raise UnreadableFile(Problem(relative(root, path), 1, "fil", f"filen kan inte läsas ({exc.strerror})",
                                     "kontrollera filens behörigheter")) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(Problem(relative(root, path), 1, "fil", "är ingen vanlig fil och läses inte",
                                         "lägg en vanlig fil här"))
        chunks = []
        while chunk := os.read(fd, max(info.st_size, 1 << 16)):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def read_data_file(root: Path, path: Path) -> YamlDocument:
    """A whole-file YAML document such as data/taxonomy.yml."""
    rel = relative(root, path)
    link = first_link(root, path)
    if link is not None:   # data/ itself or the file: never read through a link
        raise UnreadableFile(link_problem(root, link))
    if not path.is_file():
        raise UnreadableFile(Problem(rel, 1, "fil", "filen saknas", "återställ den från git"))
    text = read_text(root, path)
    try:
        document = parse_yaml(text)
    except YamlSyntaxError as exc:
        raise UnreadableFile(Problem(rel, exc.line, "yaml", exc.message)) from None
    if not isinstance(document.data, dict):
        raise UnreadableFile(Problem(rel, 1, "yaml", "filen ska bestå av fält (nyckel: värde)"))
    return document


def read_content_file(root: Path, path: Path) -> SourceFile:
    """A Markdown file with YAML front matter between two `---` lines."""
    return parse_content(relative(root, path), path, read_text(root, path))


def line_in_file(root: Path, path: Path, loc: tuple[str | int, ...]) -> int:
    """The file line of a front matter value, from the YAML line table; 1 if the file cannot be read.

    For problems found after validation, when only the record is at hand: the
    file is read again, on that rare error path only."""
    try:
        return read_content_file(root, path).front.line_of(loc)
    except UnreadableFile:
        return 1


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter text or None, body, file line of the body's first line), without parsing the YAML."""
    if not _FRONT_MATTER.detect(text):
        return None, text, 1
    try:
        front, body = _FRONT_MATTER.split(text)
    except ValueError:
        return None, text, 1
    return front, body, text.count("\n", 0, len(text) - len(body)) + 1


def parse_content(rel: str, path: Path, text: str) -> SourceFile:
    """A content file's text (from read_text) as front matter with lines and a body."""
    if not _FRONT_MATTER.detect(text):
        raise UnreadableFile(Problem(
            rel, 1, "front matter", NO_FRONT_MATTER,
            "första raden ska vara --- och fälten avslutas med en rad ---"))
    try:
        front_text, body = _FRONT_MATTER.split(text)
    except ValueError:
        raise UnreadableFile(Problem(
            rel, 1, "front matter", "front matter avslutas aldrig",
            "lägg till en rad med bara --- efter sista fältet")) from None
    # front_text starts right after the opening '---' on line 1, so its lines are file lines.
    try:
        front = parse_yaml(front_text)
    except YamlSyntaxError as exc:
        raise UnreadableFile(Problem(rel, exc.line, "front matter", exc.message)) from None
    if not isinstance(front.data, dict):
        raise UnreadableFile(Problem(rel, 2, "front matter", "front matter ska bestå av fält (nyckel: värde)"))
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    return SourceFile(path=rel, abs_path=path, front=front, body=body, body_line=body_line)
