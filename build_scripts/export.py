"""Model -> data: JSON (and, later, Akoma Ntoso XML)."""
from __future__ import annotations


def regulation_json(reg) -> dict:
    return {
        "lang": reg.lang,
        "file": reg.path,
        "title": reg.title,
        "adoption": reg.adoption,
        "chapters": [{
            "id": c.id, "num": c.num, "title": c.title, "line": c.line,
            "articles": [{
                "id": a.id, "num": a.num, "line": a.line,
                "paragraphs": [{
                    "id": p.id, "num": p.num, "text": p.text, "line": p.line,
                    "points": [{"id": i.id, "num": i.num, "text": i.text, "line": i.line} for i in p.points],
                } for p in a.paragraphs],
            } for a in c.articles],
        } for c in reg.chapters],
    }
