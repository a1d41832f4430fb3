"""Check that our texts do not copy runs of words from the article, without shipping the article.

Why: the lessons discuss Gabuev (2020), whose text is copyrighted and so is not in the
repository. To prove that our own wording (claims ledger, notebooks, docs) never copies the
article, we commit only a *fingerprint*: the sha256 of every 7-word run ("shingle") of the
article, cut to 16 hex characters, sorted and de-duplicated. A shingle of our text whose hash is
in the fingerprint is a copied 7-word run. The hashes cannot be turned back into the article.

Normalisation (the same for the article and for our texts): curly apostrophes become ``'``,
HTML tags such as ``<u>`` and web addresses are removed, the text is lower-cased and split into
words with ``re.findall(r"[a-z0-9']+", text)``; a shingle is 7 consecutive words joined by one
space. Citing the article is not copying it: runs that lie inside its title
(:data:`ARTICLE_TITLE`) are never reported.

Longer runs are found from the same fingerprint: a run of ``n >= 7`` words is copied when all
of its ``n - 6`` overlapping shingles are in the fingerprint (the claims ledger and our data
tables use 7 words; lessons and docs, which may quote a short attributed phrase, use 9).

Command line (run from the repository root)::

    python -m utils.text_check fingerprint PATH > tests/article_fingerprint.txt
    python -m utils.text_check check [--words 9] FILE [FILE ...]   # tests/article_fingerprint.txt
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

#: Words per shingle.
SHINGLE_WORDS = 7
#: Hex characters kept of each sha256 (64 bits: collisions are negligible for one article).
HASH_CHARS = 16
#: The committed fingerprint of the article.
DEFAULT_FINGERPRINT = Path(__file__).resolve().parents[1] / "tests" / "article_fingerprint.txt"

#: Title of the article: citing it is allowed, so runs inside it are not reported.
ARTICLE_TITLE = "Is Putin Really Considering a Military Alliance With China?"

_WORD = re.compile(r"[a-z0-9']+")
_TAG = re.compile(r"<[^>]+>|https?://\S+|www\.\S+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def words(text: str) -> list[str]:
    """Normalised words of ``text`` (see the module docstring)."""
    return _WORD.findall(_TAG.sub(" ", text.translate(_APOSTROPHES)).lower())


def shingles(text: str, size: int = SHINGLE_WORDS) -> Iterator[str]:
    """Every run of ``size`` consecutive normalised words, joined by single spaces."""
    w = words(text)
    for i in range(len(w) - size + 1):
        yield " ".join(w[i : i + size])


def shingle_hash(shingle: str) -> str:
    """The first :data:`HASH_CHARS` hex characters of the shingle's UTF-8 sha256."""
    return hashlib.sha256(shingle.encode("utf-8")).hexdigest()[:HASH_CHARS]


def fingerprint(text: str) -> list[str]:
    """Sorted, unique shingle hashes of ``text``."""
    return sorted({shingle_hash(s) for s in shingles(text)})


def load_fingerprint(path: str | Path = DEFAULT_FINGERPRINT) -> frozenset[str]:
    """Read a fingerprint file: one hash per line; blank lines and ``#`` comments are skipped."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    hashes = frozenset(s.strip() for s in lines if s.strip() and not s.startswith("#"))
    bad = [h for h in hashes if not re.fullmatch(rf"[0-9a-f]{{{HASH_CHARS}}}", h)]
    if bad:
        raise ValueError(f"{path}: not a fingerprint line: {bad[0]!r}")
    return hashes


def copied_runs(
    text: str, prints: Iterable[str] | None = None, length: int = SHINGLE_WORDS
) -> list[str]:
    """The runs of ``length`` (>= 7) words of ``text`` that also occur in the article.

    A run counts when every 7-word shingle in it is in the fingerprint ``prints`` (default: the
    committed article fingerprint) and it is not part of the article's title.
    """
    if length < SHINGLE_WORDS:
        raise ValueError(f"runs shorter than {SHINGLE_WORDS} words cannot be checked")
    prints = load_fingerprint() if prints is None else prints
    prints = prints if isinstance(prints, (set, frozenset)) else set(prints)
    title = set(shingles(ARTICLE_TITLE))
    grams = list(shingles(text))
    hits = [shingle_hash(s) in prints and s not in title for s in grams]
    extra = length - SHINGLE_WORDS
    w = words(text)
    return [
        " ".join(w[i : i + length])
        for i in range(len(grams) - extra)
        if all(hits[i : i + extra + 1])
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m utils.text_check", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("fingerprint", help="print the fingerprint of a text file")
    make.add_argument("path", type=Path)
    check = sub.add_parser("check", help="list 7-word runs of files found in the fingerprint")
    check.add_argument("files", type=Path, nargs="+")
    check.add_argument("--fingerprint", type=Path, default=DEFAULT_FINGERPRINT)
    check.add_argument("--words", type=int, default=SHINGLE_WORDS, help="run length (>= 7)")
    args = parser.parse_args(argv)
    if args.command == "fingerprint":
        text = args.path.read_text(encoding="utf-8")
        sys.stdout.write(
            f"# sha256[:{HASH_CHARS}] of every normalised {SHINGLE_WORDS}-word shingle of "
            f"{args.path.name}; made with `python -m utils.text_check fingerprint`\n"
        )
        sys.stdout.writelines(f"{h}\n" for h in fingerprint(text))
        return 0
    prints = load_fingerprint(args.fingerprint)
    found = 0
    for path in args.files:
        for run in copied_runs(path.read_text(encoding="utf-8"), prints, args.words):
            print(f"{path}: {run}")
            found += 1
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
