"""How the registry compares names typed by different people: accents, case and typographic apostrophes ignored."""

import difflib
import unicodedata

# Typographic quotes that spreadsheets and word processors put in place of the plain ones.
PLAIN_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u201c": '"', "\u201d": '"'})


def name_key(text: str) -> str:
    """The form under which two spellings of one name compare equal (Hédiana = hediana, Women’s = Women's)."""
    decomposed = unicodedata.normalize("NFKD", (text or "").translate(PLAIN_QUOTES))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def closest(text: str, names, n: int = 3) -> list[str]:
    """Up to n of names that look most like text (compared by name_key), best first."""
    by_key = {}
    for name in names:
        by_key.setdefault(name_key(name), name)
    return [by_key[key] for key in difflib.get_close_matches(name_key(text), by_key, n=n, cutoff=0.6)]
