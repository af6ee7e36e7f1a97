"""What the checkers share about `extract`'s JSON records (imported by tasks.py and xlsx.py)."""


def document_id(doc):
    """The document's name in flat outputs, as README says: number@date (as far as the date is
    known), else the input's file name."""
    number = (doc["document"]["number"] or "").lstrip("/ ").rstrip(" ")
    d = doc["document"]["date"]
    if number and d and d["year"] is not None:
        out = f"{number}@{d['year']:04d}"
        if d["month"] is not None:
            out += f"-{d['month']:02d}"
            if d["day"] is not None:
                out += f"-{d['day']:02d}"
        return out
    path = doc["source"]["path"]
    return path.rsplit("/", 1)[-1] or path
