"""Model -> Markdown pages for the site generator (the primary language at the root, others as ``*.<lang>.md``).

Each page is a template in templates/ filled with plain values from the Act. The act's text only ever
reaches a page through the templates' autoescaping, so no character of it can turn into markup; every
heading and paragraph carries its id explicitly, never one derived from heading text. Every link is final when
the page is written: each page gets a :class:`~.links.Links` object for its own URL.
"""
from __future__ import annotations

import datetime
import posixpath
import re
from dataclasses import replace

from . import citations
from .border_map import MapPoint, border_map
from .feeds import FEED_NAME
from .glossary import appears_in, links as term_links
from .linked_data import page_graph
from .languages import PROFILES, Language
from .links import Links, page_url
from .model import Act, Version, chapter_id, paragraph_id, parse_id, split_at_notes
from .views import (Changes, Context, Currency, Day, Downloads, GlossaryRow, HistoryStep, Link, NotePart, Piece,
                    Printed, Said, StatusLink, TermPart, TextPart)
from .versions import article_lines, currency_parts, current_number, diff_lines, history, summary, until
from .templating import render as render_template

DOWNLOADS_PAGE = "downloads"      # the hand-written page that the list of every version's files follows
ABOUT_PAGE = "about"              # the hand-written page that says where the texts come from ...
PROVENANCE_MARK = "<!-- provenance -->\n"   # ... where it has this line (else at its end)
# The generated pages a reader reaches from the text, not from the navigation (MkDocs' not_in_nav, gitignore
# patterns; * stands for any language's suffix): the side-by-side chapters, the article pages, every version's
# copies, the full text and the not-found page.
NOT_IN_NAV = ("/parallel/", "/art/", "/versions/", "/full.md", "/full.*.md", "/not-found.md", "/not-found.*.md")


def site_link(links: Links, act: Act, lang: str, path: str) -> str:
    """A link to a page of ``lang``, ``path`` from its language's root (``chapter-4/#art_25``)."""
    return links.to(f"{act.prefix(lang)}{path}")


def text_link(links: Links, act: Act, lang: str, path: str) -> str:
    """A link to a page of the text this act shows: today's URLs, or the version's under versions/<key>/."""
    return site_link(links, act, lang, act.base + path)


def version_link(links: Links, act: Act, lang: str, version: Version, path: str = "") -> str:
    """A link pinned to ``version``: ``versions/2024-01-01/art/25/``."""
    return site_link(links, act, lang, f"versions/{version.key}/{path}")


def page_name(act: Act, name: str, lang: str) -> str:
    """``chapter-4.md`` for the primary language, ``chapter-4.zh.md`` for the others."""
    return f"{name}.md" if lang == act.primary else f"{name}.{lang}.md"


def others(act: Act, lang: str) -> tuple[str, ...]:
    """The languages a reader of ``lang`` is offered beside it, in the act's order."""
    return tuple(code for code in act.langs if code != lang)


def in_others(act: Act, lang: str, texts: dict[str, str]) -> tuple[Said, ...]:
    """A text (``{lang: text}``) in each of the other languages, with their tags."""
    return tuple(Said(texts[code], PROFILES[code].tag) for code in others(act, lang))


# --- pieces ------------------------------------------------------------------------------------------

def _downloads(links: Links, act: Act, lang: str, fragment: str = "") -> Downloads:
    language = PROFILES[lang]
    words = language.words
    files, folder = [], downloads_folder(act)
    for name, word in [*((f"regulation-{code}.pdf", language.w("download_pdf", language=language.language_name(code)))
                         for code in (lang, *others(act, lang))),
                       ("regulation-bilingual.pdf", words["download_pdf_bilingual"]),
                       ("regulation.json", words["download_json"]), (f"regulation-{lang}.akn.xml", words["download_akn"])]:
        size = links.size(folder + name)
        files.append(Link(links.to(folder + name) + (fragment if name.endswith(".pdf") else ""),
                          word if size is None else language.w("file_size", text=word, size=file_size(language, size))))
    return Downloads(words["downloads_label"], tuple(files),
                     Link(site_link(links, act, lang, "downloads/"), words["all_downloads"]))


def file_size(language: Language, size: int) -> str:
    """154 KB / 2.7 MB, as the language writes it."""
    if size >= 1024 * 1024:
        return language.w("megabytes", n=f"{size / 1024 / 1024:.1f}")
    return language.w("kilobytes", n=max(1, round(size / 1024)))


def downloads_folder(act: Act) -> str:
    """Where a version's PDFs and data files are: downloads/ for today's text, downloads/versions/<key>/ for
    every version's own copy (the current one's included, so that a pinned link keeps its file)."""
    return f"downloads/versions/{act.shown.key}/" if act.base else "downloads/"


def _about(links: Links, act: Act, lang: str) -> StatusLink:
    """The link from a status line to the explanation of the statuses."""
    words = PROFILES[lang].words
    return StatusLink(site_link(links, act, lang, "about/#texts"), words["status_more"], words["status_sep"])


def _front(act: Act, lang: str, title: str, description: str, shows: tuple[str, ...] = (), named: bool = False,
           **extra) -> dict:
    """Front matter. A page of the text (``shows``: the languages whose text it shows) says what that text is
    in its tab title, description and link preview, once: "(unofficial translation)", "（参考译文）"; its tab
    title names the act once (``named``: the title already does). A version's own copy of a page says which
    version in its title and stays out of search and search engines: today's page holds the same text (or a
    newer one)."""
    language = PROFILES[lang]
    if act.base:
        title = language.w("version_page_title", title=title, effective=language.date(act.shown.effective))
        extra.update(search={"exclude": True}, robots="noindex")
    if shows:
        status = status_short(act, lang, shows)
        mark = language.w("status_paren", status=status) if status else ""
        head = title if named else language.w("article_title", label=title, short=act.meta.short_title[lang])
        description = mark.strip() + language.words["status_gap"] + description if mark else description
        extra.update(head_title=head + mark, preview=True)
    return {"title": title, "description": description, **extra}


def status_short(act: Act, lang: str, shows: tuple[str, ...]) -> str:
    """The status of the texts ``shows`` in a few words, in ``lang`` ("" when they are all official)."""
    shorts = [act.meta.languages[code].short[lang] for code in shows if act.meta.languages[code].short]
    return PROFILES[lang].words["list_sep"].join(dict.fromkeys(shorts))


def _date(language: Language, day: datetime.date) -> Day:
    return Day(language.date(day), day.isoformat())


def _kept_together(language: Language, key: str, **values) -> tuple[Piece, ...]:
    """An interface string with ``values`` put in, cut where it has spaces; a piece that holds a value is to be kept
    on one line (a date broken after its month, or 起施行 cut from its date, reads badly)."""
    marked = language.w(key, **{name: f"\0{name}\0" for name in values})
    out = []
    for i, token in enumerate(marked.split(" ")):
        if i:
            out.append(Piece(" ", False))
        pieces = token.split("\0")
        out.append(Piece("".join(values[p] if j % 2 else p for j, p in enumerate(pieces)), len(pieces) > 1))
    return tuple(out)


def _currency(links: Links, act: Act, lang: str, article: int | None = None) -> Currency:
    """The currency statement (versions.currency) with links: all versions, and on an earlier version today's
    text (of the same article, following renumbering), or that the article was deleted."""
    language, words, v = PROFILES[lang], PROFILES[lang].words, act.shown
    values = {"status": act.meta.languages[lang].label[lang], "effective": language.date_short(v.effective)}
    if act.is_current:
        line = _kept_together(language, "status_summary", checked=language.date_short(act.meta.checked), **values)
    else:
        line = _kept_together(language, "status_summary_old", until=language.date_short(until(act, v)), **values)
    statement = Currency(not act.is_current, currency_parts(act, lang), words["sentence_sep"], line,
                         Link(site_link(links, act, lang, "versions/"), words["versions_link"]))
    if act.is_current:
        return statement
    if article is None:
        return replace(statement, current=Link(site_link(links, act, lang, ""), words["current_text"]))
    last = history(act, v, article)[-1]       # today's article, or the version that deleted it
    if "deleted" in last.changes:
        return replace(statement, deleted=language.w("deleted_article", effective=language.date(last.version.effective)))
    return replace(statement, current=Link(site_link(links, act, lang, f"art/{last.num}/"),
                                           language.w("current_article", label=language.article_label(last.num))))


LIST_LINKS = 3     # a paragraph naming more entries of one glossary group than this is a list (Article 2(2))


class Inline:
    """Paragraph text as parts: plain text, glossary links and note markers, in reading order."""

    def __init__(self, links: Links, act: Act, lang: str, articles=None, terms: bool = True, ui: str | None = None):
        """Glossary links for a page showing ``articles`` (numbers; all when None): everyday terms once on
        the page, other terms once in each article; none when ``terms`` is false. A paragraph that lists
        the entries of one group (the twenty border areas) links the list once, to the group in the glossary,
        instead of every name in it. ``ui``: the language of the page around the text (the side-by-side view
        shows a text in the other language's page), which the notes' labels for assistive technology speak."""
        self.links, self.act, self.lang, self.ui = links, act, lang, ui or lang
        self.terms: dict[str, list] = {}
        self.lists: dict = {}       # the first occurrence of a list -> (its group, how many it names)
        everyday = {e.id for e in act.glossary.entries if e.everyday} if act.glossary else set()
        shown = [o for o in act.occurrences.get(lang, ()) if terms and (articles is None or o.article in articles)]
        kept = term_links(shown, lambda o: None, lambda o: o.article, everyday)
        groups: dict[tuple, list] = {}
        for o in kept:
            groups.setdefault((o.target, act.glossary.entry(o.entry).group), []).append(o)
        for (_target, group), found in groups.items():
            if len(found) > LIST_LINKS:
                self.lists[found[0]] = (group, len(found))
        listed = {o for (_t, _g), found in groups.items() if len(found) > LIST_LINKS for o in found[1:]}
        for o in kept:
            if o not in listed:
                self.terms.setdefault(o.target, []).append(o)
        self.notes: dict[str, list] = {}
        for note in act.notes_for(lang):
            self.notes.setdefault(note.place, []).append(note)

    def _marker(self, note) -> dict:
        words = PROFILES[self.ui].words
        # In another language's page the labels carry the page's lang and the notes their own.
        other = self.ui != self.lang
        return NotePart(id=note.id, label=str(note.num), note=note, note_label=words["editorial_notes"],
                        back_label=words["note_back"], ui_tag=PROFILES[self.ui].tag if other else None,
                        text_tag=PROFILES[self.lang].tag if other else None, summary_format=words["notes_summary"])

    def markers(self, ids) -> list[dict]:
        return [self._marker(n) for target in ids for n in self.notes.get(target, ())]

    def parts(self, target_id: str, text: str) -> list[TextPart | TermPart | NotePart]:
        """The text cut into plain text, term links and note markers. A note marker stands right after its
        phrase; a term it would fall inside is left unlinked (the note explains that wording). A term's tooltip
        names it in the other languages (tagged ``mul`` when there are several)."""
        cuts, at, marks = [], 0, []   # cuts: (start, end, part)
        for piece, note in split_at_notes(text, self.notes.get(target_id, ())):
            at += len(piece)
            if note:
                cuts.append((at, at, self._marker(note)))
                marks.append(at)
        codes = others(self.act, self.lang)
        other_tag = PROFILES[codes[0]].tag if len(codes) == 1 else "mul"
        for o in self.terms.get(target_id, ()):
            if any(o.start < m < o.end for m in marks):
                continue
            entry = self.act.glossary.entry(o.entry)
            if o in self.lists:
                group, count = self.lists[o]
                language = PROFILES[self.lang]
                cuts.append((o.start, o.end, TermPart(
                    text=text[o.start:o.end], name=language.words[f"group_{group}"],
                    href=site_link(self.links, self.act, self.lang, "glossary/#" + group_anchor(group)),
                    other="", other_tag=other_tag,      # a group is named in the page's language only
                    definition=language.w("list_definition", n=count))))
                continue
            cuts.append((o.start, o.end, TermPart(
                text=text[o.start:o.end], href=site_link(self.links, self.act, self.lang, "glossary/#" + entry.id),
                name=entry.name[self.lang], other=" / ".join(entry.name[code] for code in codes), other_tag=other_tag,
                definition=entry.definition[self.lang])))
        out, pos = [], 0
        for start, end, part in sorted(cuts, key=lambda c: (c[0], c[1])):
            if start > pos:
                out.append(TextPart(text[pos:start]))
            out.append(part)
            pos = max(pos, end)
        out.append(TextPart(text[pos:]))
        return out


def group_anchor(group: str) -> str:
    """The glossary page's id of a group of entries: group-border-areas."""
    return "group-" + group.replace("_", "-")


def _article(links: Links, act: Act, lang: str, article, inline: Inline) -> dict:
    """An article for the templates. Its links for citing: ``permalink``, the page this text is on (today's
    or a version's); ``current``, the article's page today (none when it was deleted); ``pinned``, the page of
    this very version, which never changes."""
    language, title = PROFILES[lang], act.meta.title[lang]
    single = len(article.paragraphs) == 1
    caption = act.captions.get(article.num, {}).get(lang)
    now = article.num if act.is_current else current_number(act, act.shown, article.num)
    return {
        "num": article.num, "id": article.id, "label": language.article_label(article.num),
        # Where articles follow one another (chapter pages, the full text): the number opens the first
        # paragraph, and the heading shows it to assistive technology and search only.
        "run_in": language.article_label(article.num) + language.article_run_in if language.article_run_in else None,
        "caption": language.caption(caption) if caption else None, "caption_title": language.words["caption_title"],
        "cite": language.citation(title, article.num),
        "permalink": links.absolute(f"{act.prefix(lang)}{act.base}art/{article.num}/"),
        "current": links.absolute(f"{act.prefix(lang)}art/{now}/") if now else None,
        "pinned": links.absolute(f"{act.prefix(lang)}versions/{act.shown.key}/art/{article.num}/"),
        "pinned_label": language.w("pinned_label", effective=language.date(act.shown.effective)) + language.words["colon"],
        "heading_notes": inline.markers([article.id]),
        "notes": inline.markers([article.id] + [p.id for p in article.paragraphs]),
        "paragraphs": [{
            "id": p.id, "num": p.num, "parts": inline.parts(p.id, p.text),
            "cite": language.citation(title, article.num, None if single else p.num),
            "points": [{"id": i.id, "num": i.num, "label": language.point_label(i.num),
                        "sep": language.words["point_sep"], "parts": inline.parts(i.id, i.text)} for i in p.points],
        } for p in article.paragraphs],
    }


def _context(links: Links, act: Act, lang: str, chapter=None, article=None) -> Context:
    """The line above the text: short title › chapter; ``header``, what a phone's header names (the full title
    would be cut to a word there): the article on its own page, else the chapter."""
    language = PROFILES[lang]
    header = (language.article_label(article) if article else language.chapter_label(chapter.num) if chapter else None)
    return Context(act.meta.short_title[lang], text_link(links, act, lang, ""), header,
                   language.chapter_heading(chapter.num, chapter.title) if chapter else None,
                   text_link(links, act, lang, f"chapter-{chapter.num}/") if chapter else None)


def _printed(links: Links, act: Act, lang: str, path: str, chapter=None) -> Printed:
    """The print-only header: title, chapter, status, dates and the page's published URL."""
    language, meta = PROFILES[lang], act.meta
    return Printed(meta.title[lang], language.chapter_heading(chapter.num, chapter.title) if chapter else None,
                   meta.languages[lang].label[lang], language.words["printed_from"] + language.words["colon"],
                   language.w("dates", adopted=language.date(meta.adopted), effective=language.date(meta.effective)),
                   links.absolute(f"{act.prefix(lang)}{act.base}{path}"))


def _captions_href(links: Links, act: Act, lang: str) -> str:
    return site_link(links, act, lang, "about/#captions")


# --- pages -------------------------------------------------------------------------------------------

def chapter_page(links: Links, act: Act, lang: str, chapter, inline: Inline) -> str:
    language = PROFILES[lang]
    heading = language.chapter_heading(chapter.num, chapter.title)
    span = language.article_span(chapter.articles[0].num, chapter.articles[-1].num)
    return render_template(
        "chapter.md.j2", lang=lang, words=language.words, chapter=chapter, heading=heading,
        front=_front(act, lang, heading, language.w("chapter_description", heading=heading, span=span,
                                                    title=act.meta.title[lang]), shows=(lang,),
                     linked_data=page_graph(act, links.site_url, lang, chapter=chapter.num)),
        version=act.meta.languages[lang], downloads=_downloads(links, act, lang, f"#{chapter.id}"),
        # Side by side: today's text only.
        parallel_href=None if act.base else site_link(links, act, lang, f"parallel/chapter-{chapter.num}/"),
        about=_about(links, act, lang), currency=_currency(links, act, lang),
        where=_context(links, act, lang, chapter), printed=_printed(links, act, lang, f"chapter-{chapter.num}/", chapter),
        captions_href=_captions_href(links, act, lang),
        chapter_notes=inline.markers([chapter.id]),
        # The heading with its note markers after their phrases (the format puts the title last).
        heading_label=language.chapter_heading(chapter.num, ""), heading_parts=inline.parts(chapter.id, chapter.title),
        articles=[_article(links, act, lang, a, inline) for a in chapter.articles])


def article_page(links: Links, act: Act, lang: str, article, inline: Inline) -> str:
    """One article on its own page, with the same ids as on its chapter page."""
    language, reg = PROFILES[lang], act.text(lang)
    chapter = reg.chapter_of(article.num)
    a = _article(links, act, lang, article, inline)
    first, last = article.paragraphs[0].text, reg.chapters[-1].articles[-1].num

    def neighbour(num):
        if not 1 <= num <= last:         # articles run 1..last (validated when the text is read)
            return None
        return {"href": text_link(links, act, lang, f"art/{num}/"), "label": language.article_label(num)}

    return render_template(
        "article.md.j2", lang=lang, words=language.words, a=a, version=act.meta.languages[lang],
        about=_about(links, act, lang),
        # Out of the search index: the chapter pages hold the same text, by article.
        front=_front(act, lang, a["label"], language.snippet(first), shows=(lang,), search={"exclude": True},
                     linked_data=page_graph(act, links.site_url, lang, article=article.num)),
        cite_files={"label": language.words["cite_files"],
                    "links": citations.links(links, lang, downloads_folder(act), article.num)},
        where=_context(links, act, lang, chapter, article.num), printed=_printed(links, act, lang, f"art/{article.num}/", chapter),
        in_chapter_href=text_link(links, act, lang, f"chapter-{chapter.num}/#{article.id}"),
        previous=neighbour(article.num - 1), next=neighbour(article.num + 1),
        currency=_currency(links, act, lang, article.num), history=_history(links, act, lang, article.num),
        changes=_changes(links, act, lang, article.num))


def _history(links: Links, act: Act, lang: str, num: int) -> list[HistoryStep]:
    """The versions an article appears in, and what each did to it (nothing when there is one version)."""
    if len(act.meta.versions) < 2:
        return []
    language, words = PROFILES[lang], PROFILES[lang].words
    out = []
    for step in history(act, act.shown, num):
        what = []
        for change in ("adopted", "inserted", "amended", "renumbered", "deleted"):
            if change in step.changes:
                what.append(language.w(f"history_{change}",
                                       was=language.article_label(step.was) if step.was else ""))
        href = version_link(links, act, lang, step.version, f"art/{step.num}/") if step.num else None
        out.append(HistoryStep(date=_date(language, step.version.effective), href=href,
                               label=language.article_label(step.num) if step.num else None,
                               what=words["list_sep"].join(what) or words["history_unchanged"],
                               changes_href=f"{href}#changes" if href and step.changed() else None,
                               shown=step.version == act.shown))
    return out


def _changes(links: Links, act: Act, lang: str, num: int) -> Changes | None:
    """What the version shown did to the article, against the version before it: the words (or characters)
    removed and added, marked in text as well as by style; None when it changed nothing."""
    versions = act.meta.versions
    if act.shown == versions[0]:
        return None
    step = next(s for s in history(act, act.shown, num) if s.version == act.shown)
    if not step.changed():
        return None
    language, words = PROFILES[lang], PROFILES[lang].words
    before = versions[versions.index(act.shown) - 1]
    notes, lines = [], []
    if "inserted" in step.changes:
        notes.append(words["changes_inserted"])
    if "renumbered" in step.changes:
        notes.append(language.w("changes_renumbered", was=language.article_label(step.was)))
    if "amended" in step.changes:
        label = lambda n: language.point_label(n) + words["point_sep"]  # noqa: E731
        old = article_lines(act.history[before.key][lang].article(step.was), label)
        new = article_lines(act.text(lang).article(num), label)
        lines = diff_lines(old, new, language.spaced)
    return Changes(legend=language.w("changes_legend", effective=language.date(before.effective)), lines=lines,
                   notes=notes, before_href=version_link(links, act, lang, before, f"art/{step.was}/") if step.was else None)

def parallel_page(links: Links, act: Act, lang: str, num: int) -> str:
    """Two languages paragraph by paragraph in two columns (one column on narrow screens), with the
    interface of ``lang`` and its column first. Each language's article carries the same citation data as on
    its chapter page (``_article``), so that the same scripts add copy buttons, each citing in its column's
    language; a row of paragraphs keeps the paragraph's id, an article heading the article's."""
    langs = [lang, *others(act, lang)]
    profiles = [PROFILES[code] for code in langs]
    chapters = [act.text(code).chapters[num - 1] for code in langs]
    headings = [p.chapter_heading(num, c.title) for p, c in zip(profiles, chapters)]
    first = profiles[0]
    inlines = [Inline(links, act, code, terms=False, ui=lang) for code in langs]
    def copy_label(code: str, num: int, para: int | None = None) -> str | None:
        """The copy button's label beside the other language's text: what it cites, in the page's words."""
        if code == lang:
            return None             # the script says it with the citation itself
        cite = first.citation(act.meta.title[lang], num, para)
        return first.words["js_copy"] + first.w("copy_other", cite=cite,
                                                 text=first.w("text_of", language=first.language_name(code)))

    articles = []
    for pair in zip(*(c.articles for c in chapters)):
        texts = [_article(links, act, code, a, inline) for code, a, inline in zip(langs, pair, inlines)]
        single = len(pair[0].paragraphs) == 1
        for code, t in zip(langs, texts):
            t["copy_label"] = copy_label(code, t["num"])
            for para in t["paragraphs"]:
                para["copy_label"] = copy_label(code, t["num"], None if single else para["num"])
        articles.append({"id": pair[0].id, "num": pair[0].num, "label": texts[0]["label"], "count": len(pair[0].paragraphs),
                         "texts": [{"tag": p.tag, **t} for p, t in zip(profiles, texts)],
                         "rows": [{"id": cells[0]["id"], "cells": [{"tag": p.tag, **c} for p, c in zip(profiles, cells)]}
                                  for cells in zip(*(t["paragraphs"] for t in texts))]})
    return render_template(
        "parallel.md.j2", headings=headings, tags=[p.tag for p in profiles], chapter_id=chapter_id(num),
        front=_front(act, lang, first.w("parallel_title", heading=headings[0]),
                     first.w("parallel_description", heading=headings[0], title=act.meta.title[langs[0]]),
                     # Out of the search index (the chapter pages hold the same text); the whole width for two
                     # columns: no navigation or contents beside them (Material's documented front matter).
                     shows=tuple(langs), search={"exclude": True}, hide=["navigation", "toc"]),
        lang=lang, version=act.meta.languages[lang], about=_about(links, act, lang), currency=_currency(links, act, lang),
        where=_context(links, act, lang, chapters[0]), printed=_printed(links, act, lang, f"parallel/chapter-{num}/", chapters[0]),
        only_links=[{"href": site_link(links, act, code, f"chapter-{num}/"), "tag": PROFILES[code].tag,
                     "text": first.w("only", language=first.language_name(code))} for code in langs],
        articles=articles)


def home_page(links: Links, act: Act, lang: str) -> str:
    meta, reg, language = act.meta, act.text(lang), PROFILES[lang]
    adopted, effective = language.date(meta.adopted), language.date(meta.effective)
    return render_template(
        "home.md.j2", lang=lang, words=language.words, title=meta.title[lang], adoption=reg.adoption,
        front=_front(act, lang, meta.title[lang], language.w("home_description", title=meta.title[lang], adopted=adopted,
                                                  effective=effective), shows=(lang,), named=True, search={"boost": 0.1},
                     linked_data=page_graph(act, links.site_url, lang)),
        facts=[{"label": language.words["adopted_by"], "text": meta.adopting_body[lang], "date": None},
               {"label": language.words["adopted_on"], "text": adopted, "date": meta.adopted.isoformat()},
               {"label": language.words["effective"], "text": effective, "date": meta.effective.isoformat()}],
        version=meta.languages[lang], downloads=_downloads(links, act, lang), about=_about(links, act, lang),
        currency=_currency(links, act, lang), border_map="" if act.base else _map(links, act, lang, small=True),
        full_href=text_link(links, act, lang, "full/"), captions_href=_captions_href(links, act, lang),
        chapters=[{"id": c.id, "href": text_link(links, act, lang, f"chapter-{c.num}/"),
                   "heading": language.chapter_heading(c.num, c.title),
                   "articles": [{"href": text_link(links, act, lang, f"chapter-{c.num}/#{a.id}"),
                                 "label": language.article_label(a.num), "captioned": a.num in act.captions,
                                 "summary": language.caption(act.captions[a.num][lang]) if a.num in act.captions
                                 else language.snippet(a.paragraphs[0].text)} for a in c.articles]}
                  for c in reg.chapters])


def full_page(links: Links, act: Act, lang: str, inline: Inline) -> str:
    """The whole text on one page, for finding with the browser and for printing; the same ids as elsewhere."""
    meta, reg, language = act.meta, act.text(lang), PROFILES[lang]
    return render_template(
        "full.md.j2", lang=lang, words=language.words, title=meta.title[lang], adoption=reg.adoption,
        # Out of the search index: the chapter pages hold the same text.
        front=_front(act, lang, language.words["full_title"], language.w("full_description", title=meta.title[lang]),
                     shows=(lang,), search={"exclude": True}),
        version=meta.languages[lang], about=_about(links, act, lang), where=_context(links, act, lang), printed=_printed(links, act, lang, "full/"),
        currency=_currency(links, act, lang),
        captions_href=_captions_href(links, act, lang),
        chapters=[{"id": c.id, "heading_label": language.chapter_heading(c.num, ""),
                   "heading_parts": inline.parts(c.id, c.title), "notes": inline.markers([c.id]),
                   "articles": [_article(links, act, lang, a, inline)
                                for a in c.articles]}
                  for c in reg.chapters])


def _where(links: Links, act: Act, lang: str, chapter=None, article=None, paragraph=None) -> dict:
    language = PROFILES[lang]
    if article is None:
        return {"href": site_link(links, act, lang, f"chapter-{chapter}/#{chapter_id(chapter)}"),
                "ref": language.chapter_label(chapter)}
    num = act.text(lang).chapter_of(article).num
    anchor = paragraph_id(article, paragraph) if paragraph else f"art_{article}"
    return {"href": site_link(links, act, lang, f"chapter-{num}/#{anchor}"), "ref": language.paragraph_ref(article, paragraph)}


def notes_page(links: Links, act: Act, lang: str) -> str:
    language = PROFILES[lang]
    words = language.words
    return render_template(
        "notes.md.j2", lang=lang, words=words, version=act.meta.languages[lang],
        front=_front(act, lang, words["notes"], language.w("notes_description", title=act.meta.title[lang])),
        corrections=[{"version": words[f"version_{c.lang}"], **_where(links, act, lang, article=c.article, paragraph=c.paragraph),
                      "old": c.old, "new": c.new, "reason": c.reason[lang]} for c in act.meta.corrections],
        observations=[{"version": words[f"version_{o.lang}"], **_where(links, act, lang, o.chapter, o.article, o.paragraph),
                       "text": o.text[lang]} for o in act.meta.observations],
        notes=[_listed_note(links, act, lang, n) for n in act.notes_for(lang)])


def _listed_note(links: Links, act: Act, lang: str, note) -> dict:
    """A note as the notes page lists it: where it stands (linking back to its marker), the phrase, the text."""
    language, reg = PROFILES[lang], act.text(lang)
    place = parse_id(note.place)
    if place.chapter:
        chapter = place.chapter
        ref = language.chapter_label(chapter)
    else:
        chapter = _chapter_of(reg, note.place)
        ref = _target_ref(language, reg, note.place)
    return {"id": note.id, "num": note.num, "ref": ref, "phrase": note.phrase, "text": note.text,
            "href": site_link(links, act, lang, f"chapter-{chapter}/#{note.id}-ref")}


def _chapter_of(reg, target_id: str) -> int:
    """Chapter number of the article an id belongs to (art_25__para_2 -> 4)."""
    return reg.chapter_of(parse_id(target_id).article).num


def _target_ref(language: Language, reg, target_id: str) -> str:
    """Article 25(2) / 第二十五条第二款 for an article, paragraph or item id; the article alone when it has
    one paragraph."""
    ref = parse_id(target_id)
    paragraph = ref.paragraph
    if paragraph and len(reg.article(ref.article).paragraphs) == 1 and not ref.point:
        paragraph = None
    return language.paragraph_ref(ref.article, paragraph, ref.point)


def _entry(links: Links, act: Act, lang: str, entry, places) -> dict:
    """A glossary entry: its name, definition and rows of facts, each fact also in the other languages."""
    language, reg = PROFILES[lang], act.text(lang)
    words = language.words
    rows = [GlossaryRow(label=language.language_name(code), text=entry.name[code], tag=PROFILES[code].tag, field=code)
            for code in others(act, lang)]
    if entry.pinyin:
        rows.append(GlossaryRow(label=words["pinyin"], text=entry.pinyin, tag="zh-Latn-pinyin", field="pinyin"))
    for field in ("kind", "parent", "seat", "borders"):
        value = getattr(entry, field)
        if value:
            rows.append(GlossaryRow(label=words[field], text=value[lang], field=field,
                                    others=in_others(act, lang, value) if field in ("parent", "seat") else ()))
    if entry.coords:
        c = entry.coords
        text = (f'{abs(c["lat"]):.2f}° {words["north" if c["lat"] >= 0 else "south"]}, '
                f'{abs(c["lon"]):.2f}° {words["east" if c["lon"] >= 0 else "west"]}')
        if c.get("approximate"):
            text += words["approximate_mark"]
        rows.append(GlossaryRow(label=words["coords"], text=text, field="coords"))
    if entry.other_spellings:
        rows.append(GlossaryRow(label=words["other_spellings"], text=words["list_sep"].join(entry.other_spellings),
                                field="other_spellings", tag=PROFILES[act.primary].tag))
    if entry.note:
        rows.append(GlossaryRow(label=words["note"], text=entry.note[lang], field="note"))
    rows.append(GlossaryRow(label=words["appears_in"], field="appears_in", links=tuple(
        Link(site_link(links, act, lang, f"chapter-{_chapter_of(reg, t)}/#{t}"), _target_ref(language, reg, t))
        for t in places)))
    rows = [replace(row, unconfirmed=row.field in entry.unconfirmed) for row in rows]
    return {"id": entry.id, "name": entry.name[lang], "others": in_others(act, lang, entry.name), "rows": rows,
            "name_unconfirmed": lang in entry.unconfirmed, "definition": entry.definition[lang]}


def map_words(lang: str) -> dict:
    """The map's interface strings in ``lang`` as border_map() takes them (profile keys ``map_*``)."""
    language = PROFILES[lang]
    words = {k.removeprefix("map_"): v for k, v in language.words.items() if k.startswith("map_")}
    words["countries"] = {k.removeprefix("country_"): words.pop(k) for k in list(words) if k.startswith("country_")}
    words["lang_tag"] = language.tag
    return words


def _map(links: Links, act: Act, lang: str, small: bool = False) -> str:
    """The map of the border areas (inline SVG and its text alternative) in ``lang``; links to the glossary."""
    words = map_words(lang)
    points = [MapPoint(e.id, e.name[lang], e.coords["lat"] if e.coords else None,
                       e.coords["lon"] if e.coords else None, bool(e.coords and e.coords.get("approximate")))
              for e in act.glossary.entries if e.group == "border_areas"] if act.glossary else []
    if not points:
        return ""
    return border_map(points, lang, words, small=small,
                      href_prefix=site_link(links, act, lang, "glossary/") if small else "")


def glossary_page(links: Links, act: Act, lang: str) -> str:
    language, g = PROFILES[lang], act.glossary
    words = language.words
    places = appears_in(act.occurrences[lang])
    areas = [e for e in g.entries if e.group == "border_areas"]
    parents = []
    for e in areas:
        if e.parent and e.parent[act.primary] not in [p["key"] for p in parents]:
            slug = "parent-" + re.sub(r"[^a-z0-9]+", "-", e.parent[act.primary].lower().split("(")[0]).strip("-")
            parents.append({"key": e.parent[act.primary], "id": slug, "name": e.parent[lang],
                            "others": in_others(act, lang, e.parent), "entries": []})
    for e in areas:
        if e.parent:
            next(p for p in parents if p["key"] == e.parent[act.primary])["entries"].append(
                _entry(links, act, lang, e, places.get(e.id, ())))
    return render_template(
        "glossary.md.j2", lang=lang, words=words, version=act.meta.languages[lang],
        # Below the articles in search results: the text itself is what readers look for first.
        front=_front(act, lang, words["glossary"], language.w("glossary_description", title=act.meta.title[lang]),
                     search={"boost": 0.01}),
        parents=parents, border_map=_map(links, act, lang),
        index=[{"id": group_anchor(group), "title": words[f"group_{group}"],
                "entries": [{"id": e.id, "name": e.name[lang]} for e in g.entries if e.group == group]}
               for group in ("border_areas", "bodies", "terms")],
        groups=[{"id": group, "title": words[f"group_{group}"],
                 "entries": [_entry(links, act, lang, e, places.get(e.id, ())) for e in g.entries if e.group == group]}
                for group in ("bodies", "terms")])


# A link to a whole file, written in a hand-written page as <a href="…">text</a> or [text](…)
_FILE_LINK = re.compile(r'<a href="(?P<html>[^"#]+)">(?P<html_text>[^<]*)</a>|\[(?P<md_text>[^\]]+)\]\((?P<md>[^)\s#]+)\)')


def with_sizes(links: Links, markdown: str, lang: str) -> str:
    """A hand-written page's links to downloads (whole files, not a place in one) with the file's size after
    their text, as the generated pages give them: "PDF, English (245 KB)"."""
    language = PROFILES[lang]

    def sized(m: re.Match) -> str:
        href, text = (m["html"], m["html_text"]) if m["html"] else (m["md"], m["md_text"])
        size = links.size(posixpath.normpath(posixpath.join(links.here or ".", href)))
        if size is None:
            return m[0]
        text = language.w("file_size", text=text, size=file_size(language, size))
        return f'<a href="{href}">{text}</a>' if m["html"] else f"[{text}]({href})"
    return _FILE_LINK.sub(sized, markdown)


def hand_page(links: Links, act: Act, page) -> str:
    """A hand-written page as written, with sizes after its links to downloads: not the act's text, so the
    footer's status line is enough. The downloads page is followed by the list of every version's own files;
    the about page gets the sources of the texts (``provenance:`` in regulation.yaml) at its marker line."""
    markdown = with_sizes(links, page.markdown, page.lang)
    if page.name == ABOUT_PAGE:
        words = PROFILES[page.lang].words
        section = render_template("provenance.md.j2", words=words, provenance=_provenance(act, page.lang))
        head, marker, tail = markdown.partition(PROVENANCE_MARK)
        return head + section + tail if marker else markdown.rstrip("\n") + "\n\n" + section
    if page.name != DOWNLOADS_PAGE:
        return markdown
    language, lang = PROFILES[page.lang], page.lang
    return markdown.rstrip("\n") + "\n\n" + render_template(
        "version_files.md.j2", words=language.words, versions_href=site_link(links, act, lang, "versions/"),
        rows=[{"key": v.key, "title": language.w("version_title", effective=language.date(v.effective)),
               "state": language.w("version_until", until=language.date(until(act, v))) if until(act, v)
               else language.words["version_current"], "href": version_link(links, act, lang, v),
               "files": _downloads(links, act.at(v), lang).links} for v in reversed(act.meta.versions)])


def _provenance(act: Act, lang: str) -> list[dict]:
    """Where the official text is published, where each language's text comes from, and the draft: each a
    statement and links, in ``lang``."""
    words = PROFILES[lang].words
    label = {"official": "provenance_official", "draft": "provenance_draft"}
    order = ["official", *act.langs, "draft"]
    return [{"id": f"source-{p.key}", "label": words[label.get(p.key, f"version_{p.key}")], "text": p.text[lang],
             "links": [{"href": link.url, "text": link.title[lang]} for link in p.links]}
            for p in sorted(act.meta.provenance.values(), key=lambda p: order.index(p.key))]


def not_found_page(links: Links, act: Act, lang: str) -> str:
    """The page a server shows for an address that has none (published as 404.html by the boundary). Most
    static hosts serve only the root one for every missing address, whatever its language, so the page says
    it in every language, its own first, the others marked with their lang."""
    def block(code: str) -> dict:
        language = PROFILES[code]
        articles = list(act.text(code).articles())
        return {"tag": language.tag, "code": code, "heading": language.words["not_found"],
                "text": language.w("not_found_text", first=articles[0].num, last=articles[-1].num),
                "home_href": site_link(links, act, code, "#contents"), "home_text": language.words["not_found_home"],
                "example_href": site_link(links, act, code, f"art/{articles[0].num}/"),
                "example_text": language.article_label(articles[0].num)}
    words = PROFILES[lang].words
    return render_template(
        "not_found.md.j2", words=words, own=block(lang), others=[block(code) for code in act.langs if code != lang],
        front=_front(act, lang, words["not_found"], words["not_found"], search={"exclude": True},
                     robots="noindex"))


def text_pages(links: Links, act: Act, lang: str) -> dict[str, str]:
    """The pages of the text itself: contents, chapters, articles and the full text, at ``act.base``."""
    pages = {}

    def add(name: str, make) -> None:
        here = links.at(act.prefix(lang) + page_url(act.base + name))
        pages[page_name(act, act.base + name, lang)] = make(here)
    add("index", lambda here: home_page(here, act, lang))
    add("full", lambda here: full_page(here, act, lang, Inline(here, act, lang)))
    for chapter in act.text(lang).chapters:
        add(f"chapter-{chapter.num}", lambda here: chapter_page(
            here, act, lang, chapter, Inline(here, act, lang, {a.num for a in chapter.articles})))
        for article in chapter.articles:
            add(f"art/{article.num}", lambda here: article_page(here, act, lang, article,
                                                                Inline(here, act, lang, {article.num})))
    return pages


def _runs(pairs: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """(was, now) pairs -> runs (first was, last was, first now, last now) where both go up by one."""
    runs = []
    for was, now in pairs:
        if runs and was == runs[-1][1] + 1 and now == runs[-1][3] + 1:
            runs[-1] = (runs[-1][0], was, runs[-1][2], now)
        else:
            runs.append((was, was, now, now))
    return runs


def _summary(links: Links, act: Act, lang: str, v: Version) -> list[dict]:
    """What a version did, as sentences with links to the articles (to the change view where amended)."""
    language, words, versions = PROFILES[lang], PROFILES[lang].words, act.meta.versions
    i = versions.index(v)
    if i == 0:
        return [{"text": words["summary_adopted"], "links": [], "tail": ""}]
    done, before = summary(act, v), versions[i - 1]
    out = []
    for kind, version, anchor in (("amended", v, "#changes"), ("inserted", v, ""), ("deleted", before, "")):
        if done[kind]:
            head, _, tail = language.w(f"summary_{kind}", list="\0").partition("\0")
            out.append({"text": head, "tail": tail, "links": [
                {"href": version_link(links, act, lang, version, f"art/{n}/") + anchor, "text": language.article_label(n)}
                for n in done[kind]]})
    if done["renumbered"]:
        pairs = [language.w("renumbered_pair", was=language.article_span(a, b), now=language.article_span(c, d))
                 for a, b, c, d in _runs(done["renumbered"])]
        out.append({"text": language.w("summary_renumbered", list=words["list_sep"].join(pairs)), "links": [], "tail": ""})
    return out or [{"text": words["summary_none"], "links": [], "tail": ""}]


def versions_page(links: Links, act: Act, lang: str) -> str:
    """Every version, newest first: when in force, the decision that made it, what it changed, its files."""
    language, words = PROFILES[lang], PROFILES[lang].words
    rows = []
    for v in reversed(act.meta.versions):
        last = until(act, v)
        # the decision and its date, in the language's order: the template marks up the date between the two parts
        before, _, after = words["instrument_dated"].partition("{adopted}")
        rows.append({"key": v.key, "effective": _date(language, v.effective), "adopted": _date(language, v.adopted),
                     "made_before": before.format(instrument=v.instrument[lang]),
                     "made_after": after.format(instrument=v.instrument[lang]), "href": version_link(links, act, lang, v),
                     "state": language.w("version_until", until=language.date(last)) if last
                     else words["version_current"],
                     "changes": _summary(links, act, lang, v), "files": _downloads(links, act.at(v), lang).links})
    return render_template(
        "versions.md.j2", lang=lang, words=words, rows=rows, provenance=_provenance(act, lang),
        revisions=[{"number": r.number, "title": language.w("revision_title", number=r.number, date=language.date(r.date)),
                    "date": _date(language, r.date), "changes": [c[lang] for c in r.changes]}
                   for r in reversed(act.meta.revisions)],
        checked=language.w("versions_checked", checked=language.date(act.meta.checked)),
        feed={"href": site_link(links, act, lang, FEED_NAME), "text": words["feed_link"]},
        front=_front(act, lang, words["versions"], language.w("versions_description", title=act.meta.title[lang])))


def render(act: Act, links: Links = Links()) -> dict[str, str]:
    """All generated pages: relative path in docs/ -> Markdown text. Today's text at the site root, and every
    version (today's included) under versions/<effective date>/ with the same pages and ids. ``links``: the
    site's address and the sizes of its downloads (none before they are made)."""
    pages = {}

    def add(name: str, lang: str, make) -> None:
        pages[page_name(act, name, lang)] = make(links.at(act.prefix(lang) + page_url(name)))
    for lang in act.langs:
        pages.update(text_pages(links, act, lang))
        add("not-found", lang, lambda here: not_found_page(here, act, lang))
        add("notes", lang, lambda here: notes_page(here, act, lang))
        add("versions", lang, lambda here: versions_page(here, act, lang))
        if act.glossary:
            add("glossary", lang, lambda here: glossary_page(here, act, lang))
        for chapter in act.text(lang).chapters:
            add(f"parallel/chapter-{chapter.num}", lang, lambda here: parallel_page(here, act, lang, chapter.num))
        for version in act.meta.versions:
            pages.update(text_pages(links, act.at(version), lang))
    for page in act.pages:
        add(page.name, page.lang, lambda here: hand_page(here, act, page))
    return pages
