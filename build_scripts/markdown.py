"""Model -> Markdown pages for MkDocs (English at the root, Chinese as ``*.zh.md`` beside it).

The act's text goes out as HTML-escaped raw blocks, so no character of it can turn into markup;
every heading and paragraph carries its id explicitly, never one derived from heading text.
"""
from __future__ import annotations

import html
import json
import re

from . import labels
from .glossary import appears_in, find, first_per_article
from .labels import LABELS
from .parse import GRAMMARS
from .source import Act

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~^=:])")


def heading_text(text: str) -> str:
    """Text safe inside a Markdown heading: markup characters escaped, shown literally."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def site_link(lang: str, path: str) -> str:
    """A link target from the site root, in folder style (``chapter-4/#art_25``, ``downloads/x.pdf``),
    for a page of ``lang``. The MkDocs hook turns it into a relative link that suits the build
    (folder URLs online, file names in the offline copy)."""
    return f"site:{'' if lang == 'en' else lang + '/'}{path}"


def page_name(name: str, lang: str) -> str:
    """``chapter-4.md`` for English, ``chapter-4.zh.md`` for Chinese (mkdocs-static-i18n suffix layout)."""
    return f"{name}.md" if lang == "en" else f"{name}.zh.md"


def front_matter(title: str, description: str, **extra) -> str:
    lines = ["---", f"title: {_yaml_str(title)}", f"description: {_yaml_str(description)}"]
    lines += [f"{k}: {_yaml_str(v) if isinstance(v, str) else json.dumps(v)}" for k, v in extra.items()]
    return "\n".join(lines + ["---", ""])


def _yaml_str(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def notice(act: Act, lang: str) -> str:
    version = act.meta.versions[lang]
    return (f'<div class="admonition info status-notice" role="note">'
            f'<p class="admonition-title">{esc(version.label[lang])}</p>'
            f'<p>{esc(version.notice[lang])}</p></div>\n')


def plain_text(_target, text: str) -> str:
    return esc(text)


def paragraph_html(paragraph, lang: str, link_text=plain_text, cite: str = "") -> str:
    """One paragraph and its items as literal HTML; ``link_text`` may add inline markup (glossary links)
    to the escaped text. Items show their label as in the source: （一） / (1)."""
    cite_attr = f' data-cite="{esc(cite)}"' if cite else ""
    out = [f'<p class="para" id="{paragraph.id}" data-num="{paragraph.num}"{cite_attr}>'
           f'{link_text(paragraph, paragraph.text)}</p>']
    for point in paragraph.points:
        out.append(f'<p class="point" id="{point.id}" data-num="{point.num}"><span class="point-num">'
                   f'{esc(GRAMMARS[lang].point_label(point.num))}</span>{" " if lang == "en" else ""}'
                   f'{link_text(point, point.text)}</p>')
    return "\n".join(out)


def article_body(act: Act, lang: str, article, permalink: str, link_text=None) -> str:
    """The paragraphs of one article, with what the copy-a-citation control needs: citation texts and
    the article's permalink relative to the page."""
    title = act.meta.title[lang]
    single = len(article.paragraphs) == 1
    paragraphs = "\n".join(
        paragraph_html(p, lang, link_text or plain_text,
                       labels.citation(lang, title, article.num, None if single else p.num))
        for p in article.paragraphs)
    return (f'<div class="article-body" data-article="{article.num}" data-paragraphs="{len(article.paragraphs)}" '
            f'data-cite="{esc(labels.citation(lang, title, article.num))}" data-permalink="{permalink}">\n'
            f'{paragraphs}\n</div>\n')


DOWNLOADS = {
    "en": ("Download: ", [("regulation-en.pdf", "PDF, English"), ("regulation-zh.pdf", "PDF, Chinese"),
                        ("regulation-bilingual.pdf", "PDF, bilingual"), ("regulation.json", "JSON"),
                        ("regulation-en.akn.xml", "Akoma Ntoso XML")], "All downloads"),
    "zh": ("下载：", [("regulation-zh.pdf", "PDF 中文"), ("regulation-en.pdf", "PDF 英文"),
                  ("regulation-bilingual.pdf", "PDF 中英对照"), ("regulation.json", "JSON"),
                  ("regulation-zh.akn.xml", "Akoma Ntoso XML")], "全部下载"),
}


def downloads_bar(lang: str, fragment: str = "") -> str:
    """Links to the downloads (shared by both languages); PDFs open at ``fragment``."""
    label, files, everything = DOWNLOADS[lang]
    links = " · ".join(f'<a href="{site_link("en", "downloads/" + name)}{fragment if name.endswith(".pdf") else ""}">'
                       f'{text}</a>' for name, text in files)
    return (f'<p class="downloads-bar">{label}{links} · '
            f'<a href="{site_link(lang, "downloads/")}">{everything}</a></p>\n')


VIEW_LINKS = {"en": "Read English and Chinese side by side", "zh": "中英对照阅读"}


def chapter_page(act: Act, lang: str, chapter, link_text=None) -> str:
    reg = act.text(lang)
    title = labels.chapter_heading(lang, chapter.num, chapter.title)
    first, last = chapter.articles[0].num, chapter.articles[-1].num
    span = labels.article_span(lang, first, last)
    description = (f"{title} ({span}) of the {reg.title}." if lang == "en"
                   else f"《{reg.title}》{title}（{span}）。")
    out = [front_matter(title, description), f"# {heading_text(title)} {{#{chapter.id}}}", "", notice(act, lang),
           f'<p class="view-links"><a href="{site_link("en", f"parallel/chapter-{chapter.num}/")}" hreflang="en">'
           f"{VIEW_LINKS[lang]}</a></p>\n", downloads_bar(lang, f"#{chapter.id}")]
    for article in chapter.articles:
        out.append(f"## {labels.article_label(lang, article.num)} {{#{article.id}}}\n")
        out.append(article_body(act, lang, article, f"../art/{article.num}/", link_text))
    return "\n".join(out)


def parallel_page(act: Act, num: int) -> str:
    """English and Chinese paragraph by paragraph in two columns (one column on narrow screens)."""
    en, zh = act.text("en"), act.text("zh")
    ch_en, ch_zh = en.chapters[num - 1], zh.chapters[num - 1]
    title = f"{labels.chapter_heading('en', num, ch_en.title)} · {labels.chapter_heading('zh', num, ch_zh.title)}"
    description = f"{labels.chapter_heading('en', num, ch_en.title)} of the {en.title}, in English and Chinese side by side."
    out = [front_matter(title, description, single_language="true", search={"exclude": True}),
           f'# {heading_text(labels.chapter_heading("en", num, ch_en.title))} '
           f'<span lang="zh-Hans">{heading_text(labels.chapter_heading("zh", num, ch_zh.title))}</span> {{#{ch_en.id}}}',
           "", notice(act, "en"), notice(act, "zh").replace('role="note"', 'role="note" lang="zh-Hans"'),
           f'<p class="view-links"><a href="{site_link("en", f"chapter-{num}/")}">English only</a> · '
           f'<a href="{site_link("zh", f"chapter-{num}/")}" lang="zh-Hans" hreflang="zh-Hans">仅中文</a></p>\n']
    for art_en, art_zh in zip(ch_en.articles, ch_zh.articles):
        out.append(f'## {labels.article_label("en", art_en.num)} '
                   f'<span lang="zh-Hans">{labels.article_label("zh", art_zh.num)}</span> {{#{art_en.id}}}\n')
        rows = []
        for p_en, p_zh in zip(art_en.paragraphs, art_zh.paragraphs):
            rows.append(f'<div class="parallel-row" id="{p_en.id}">'
                        f'<p lang="en">{esc(p_en.text)}</p><p lang="zh-Hans">{esc(p_zh.text)}</p></div>')
        out.append('<div class="parallel">\n' + "\n".join(rows) + "\n</div>\n")
    return "\n".join(out)


def _snippet(lang: str, text: str) -> str:
    limit = 90 if lang == "en" else 32
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if lang == "en" and " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;，；") + "…"


def home_page(act: Act, lang: str) -> str:
    meta, reg, words = act.meta, act.text(lang), LABELS[lang]
    description = (f"{meta.title[lang]}: adopted {labels.date(lang, meta.adopted)}, in force from "
                   f"{labels.date(lang, meta.effective)}. Full text in English and Chinese."
                   if lang == "en" else
                   f"《{meta.title[lang]}》全文，{labels.date(lang, meta.adopted)}通过，"
                   f"{labels.date(lang, meta.effective)}起施行。")
    out = [front_matter(meta.title[lang], description, search={"boost": 0.1}),
           f"# {heading_text(meta.title[lang])} {{#title}}", "",
           f'<p class="adoption">{esc(reg.adoption)}</p>', "",
           '<dl class="act-meta">',
           f"<dt>{words['adopted_by']}</dt><dd>{esc(meta.adopting_body[lang])}</dd>",
           f"<dt>{words['adopted_on']}</dt><dd><time datetime=\"{meta.adopted.isoformat()}\">"
           f"{labels.date(lang, meta.adopted)}</time></dd>",
           f"<dt>{words['effective']}</dt><dd><time datetime=\"{meta.effective.isoformat()}\">"
           f"{labels.date(lang, meta.effective)}</time></dd>",
           f"<dt>{words['status']}</dt><dd>{esc(meta.versions[lang].label[lang])}</dd>",
           "</dl>", "", notice(act, lang), downloads_bar(lang),
           f"## {words['contents']} {{#contents}}", "", '<nav class="act-toc">']
    for chapter in reg.chapters:
        heading = esc(labels.chapter_heading(lang, chapter.num, chapter.title))
        out.append(f'<h3 id="toc-{chapter.id}"><a href="{site_link(lang, "chapter-%d/" % chapter.num)}">{heading}</a></h3>\n<ol>')
        for article in chapter.articles:
            out.append(f'<li><a href="{site_link(lang, f"chapter-{chapter.num}/#{article.id}")}">'
                       f'<span class="toc-num">{labels.article_label(lang, article.num)}</span> '
                       f'<span class="toc-snippet">{esc(_snippet(lang, article.paragraphs[0].text))}</span></a></li>')
        out.append("</ol>")
    out.append("</nav>\n")
    return "\n".join(out)


def _where(act: Act, lang: str, chapter=None, article=None, paragraph=None) -> str:
    reg = act.text(lang)
    if article is None:
        return f'<a href="{site_link(lang, f"chapter-{chapter}/#chp_{chapter}")}">{esc(labels.chapter_label(lang, chapter))}</a>'
    num = reg.chapter_of(article).num
    anchor = f"art_{article}__para_{paragraph}" if paragraph else f"art_{article}"
    return f'<a href="{site_link(lang, f"chapter-{num}/#{anchor}")}">{esc(labels.paragraph_ref(lang, article, paragraph))}</a>'


def notes_page(act: Act, lang: str) -> str:
    words = LABELS[lang]
    title = words["notes"]
    description = (f"Editorial corrections and notes on the text of the {act.meta.title[lang]}." if lang == "en"
                   else f"《{act.meta.title[lang]}》文本的编辑更正和说明。")
    out = [front_matter(title, description), f"# {title} {{#notes}}", "", notice(act, lang),
           f"## {words['corrections']} {{#corrections}}", "", f"<p>{esc(words['corrections_intro'])}</p>", ""]
    corrections = act.meta.corrections
    if corrections:
        out.append(f'<table><thead><tr><th>{words["where"]}</th><th>{words["was"]}</th>'
                   f'<th>{words["now"]}</th><th>{words["reason"]}</th></tr></thead><tbody>')
        for c in corrections:
            where = f'{LABELS[lang]["version" if c.lang == lang else "other_version"]}, ' \
                    f'{_where(act, lang, article=c.article, paragraph=c.paragraph)}'
            out.append(f"<tr><td>{where}</td><td><code>{esc(c.old)}</code></td><td><code>{esc(c.new)}</code></td>"
                       f"<td>{esc(c.reason[lang])}</td></tr>")
        out.append("</tbody></table>\n")
    else:
        out.append(f"<p>{words['none']}</p>\n")
    out += [f"## {words['observations']} {{#observations}}", "", f"<p>{esc(words['observations_intro'])}</p>", ""]
    out.append("<ul>")
    for note in act.meta.notes:
        where = f'{LABELS[lang]["version" if note.lang == lang else "other_version"]}, ' \
                f'{_where(act, lang, note.chapter, note.article, note.paragraph)}'
        out.append(f"<li>{where}: {esc(note.text[lang])}</li>")
    out.append("</ul>\n")
    return "\n".join(out)


OTHER = {"en": "zh", "zh": "en"}
LANG_ATTR = {"en": "en", "zh": "zh-Hans"}


def term_linker(act: Act, lang: str, occurrences):
    """Inline linker for paragraph text: glossary terms become links with a tooltip; the text stays as is."""
    linked = {}
    for o in first_per_article(occurrences):
        linked.setdefault(o.target, []).append(o)

    def link_text(target, text: str) -> str:
        out, pos = [], 0
        for o in linked.get(target.id, ()):
            entry = act.glossary.entry(o.entry)
            tooltip = f"{entry.name[OTHER[lang]]} — {entry.definition[lang]}"
            out.append(esc(text[pos:o.start]))
            out.append(f'<a class="term" href="{site_link(lang, "glossary/#" + entry.id)}" title="{esc(tooltip)}">'
                       f'{esc(text[o.start:o.end])}</a>')
            pos = o.end
        out.append(esc(text[pos:]))
        return "".join(out)

    return link_text


def _other_name(lang: str, value: dict) -> str:
    other = OTHER[lang]
    return f'{esc(value[lang])} (<span lang="{LANG_ATTR[other]}">{esc(value[other])}</span>)'


def _chapter_of(reg, target_id: str) -> int:
    """Chapter number of the article an id belongs to (art_25__para_2 -> 4)."""
    return reg.chapter_of(int(target_id.split("__")[0].removeprefix("art_"))).num


def glossary_entry(act: Act, lang: str, entry, places) -> str:
    words, other, reg = LABELS[lang], OTHER[lang], act.text(lang)

    def mark(field, html_text):
        if field in entry.unconfirmed:
            return f'{html_text} <em class="unconfirmed">({words["unconfirmed"]})</em>'
        return html_text

    heading = (f"### {heading_text(entry.name[lang])} "
               f'<span lang="{LANG_ATTR[other]}">{heading_text(entry.name[other])}</span> {{#{entry.id}}}')
    rows = [(words["english_name" if other == "en" else "chinese_name"],
             mark(other, f'<span lang="{LANG_ATTR[other]}">{esc(entry.name[other])}</span>'))]
    if entry.pinyin:
        rows.append((words["pinyin"], mark("pinyin", f'<span lang="zh-Latn-pinyin">{esc(entry.pinyin)}</span>')))
    for field in ("kind", "parent", "seat", "borders"):
        value = getattr(entry, field)
        if value:
            rows.append((words[field], mark(field, _other_name(lang, value) if field in ("parent", "seat")
                                            else esc(value[lang]))))
    if entry.coords:
        c = entry.coords
        text = f'{abs(c["lat"]):.2f}° {"N" if c["lat"] >= 0 else "S"}, {abs(c["lon"]):.2f}° {"E" if c["lon"] >= 0 else "W"}'
        if c.get("approximate"):
            text += f" ({words['approximate']})"
        rows.append((words["coords"], mark("coords", text)))
    if entry.other_spellings:
        rows.append((words["other_spellings"], mark("other_spellings", esc(", ".join(entry.other_spellings)))))
    rows.append((words["definition"], esc(entry.definition[lang])))
    if entry.note:
        rows.append((words["note"], esc(entry.note[lang])))
    if places:
        links = ", ".join(f'<a href="{site_link(lang, f"chapter-{_chapter_of(reg, t)}/#{t}")}">'
                          f'{esc(labels.target_ref(lang, reg, t))}</a>' for t in places)
    else:
        links = esc(words["appears_nowhere"])
    rows.append((words["appears_in"], f'<span class="appears-in">{links}</span>'))
    body = "\n".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f'{heading}\n\n<dl class="glossary-entry" data-entry="{entry.id}">\n{body}\n</dl>\n'


def glossary_page(act: Act, lang: str, occurrences) -> str:
    words, g = LABELS[lang], act.glossary
    places = appears_in(occurrences)
    description = (f"Glossary of the banners, cities, bodies and terms named in the {act.meta.title[lang]}."
                   if lang == "en" else f"《{act.meta.title[lang]}》所涉旗市区、机关和术语的中英对照术语表。")
    # Below the articles in search results: the text itself is what readers look for first.
    out = [front_matter(words["glossary"], description, search={"boost": 0.01}),
           f"# {words['glossary']} {{#glossary}}", "",
           notice(act, lang), f"<p>{esc(words['glossary_intro'])}</p>", "",
           f"## {words['group_border_areas']} {{#group-border-areas}}", ""]
    areas = [e for e in g.entries if e.group == "border_areas"]
    parents = []
    for e in areas:
        if e.parent and e.parent["zh"] not in [p["zh"] for p in parents]:
            parents.append(e.parent)
    for parent in parents:
        slug = "parent-" + re.sub(r"[^a-z0-9]+", "-", parent["en"].lower().split("(")[0]).strip("-")
        out.append(f"### {_parent_heading(lang, parent)} {{#{slug}}}\n")
        for e in areas:
            if e.parent and e.parent["zh"] == parent["zh"]:
                out.append(glossary_entry(act, lang, e, places.get(e.id, ())).replace("### ", "#### ", 1))
    for group, key in (("bodies", "group_bodies"), ("terms", "group_terms")):
        out.append(f"## {words[key]} {{#group-{group}}}\n")
        out += [glossary_entry(act, lang, e, places.get(e.id, ())) for e in g.entries if e.group == group]
    return "\n".join(out)


def _parent_heading(lang, parent):
    other = OTHER[lang]
    return f'{heading_text(parent[lang])} <span lang="{LANG_ATTR[other]}">{heading_text(parent[other])}</span>'


def with_notice(markdown: str, notice_html: str) -> str:
    """A hand-written page with the status notice after its title."""
    lines = markdown.splitlines(keepends=True)
    at = next((i + 1 for i, line in enumerate(lines) if line.startswith("# ")), 0)
    return "".join(lines[:at]) + "\n" + notice_html + "\n" + "".join(lines[at:])


def render(act: Act) -> dict[str, str]:
    """All generated pages: relative path in docs/ -> Markdown text."""
    pages = {}
    for lang in act.texts:
        occurrences = find(act.glossary, act.text(lang)) if act.glossary else ()
        linker = term_linker(act, lang, occurrences) if act.glossary else None
        pages[page_name("index", lang)] = home_page(act, lang)
        pages[page_name("notes", lang)] = notes_page(act, lang)
        if act.glossary:
            pages[page_name("glossary", lang)] = glossary_page(act, lang, occurrences)
        for chapter in act.text(lang).chapters:
            pages[page_name(f"chapter-{chapter.num}", lang)] = chapter_page(act, lang, chapter, linker)
    for chapter in act.text("en").chapters:
        pages[f"parallel/chapter-{chapter.num}.md"] = parallel_page(act, chapter.num)
    for folder in sorted((act.source_dir / "pages").glob("*")):
        for page in sorted(folder.glob("*.md")):
            pages[page_name(page.stem, folder.name)] = with_notice(page.read_text(encoding="utf-8"),
                                                                  notice(act, folder.name))
    return pages
