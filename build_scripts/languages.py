"""One profile per language: everything that differs by language, and nothing else.

A profile holds how the act's text is written in that language (the grammar the parser reads), how
labels, numbers, citations and dates are formatted, the ``lang``/``hreflang``/Akoma Ntoso codes, the
URL prefix and every interface string (including those used by CSS and JavaScript, which receive them
as data). Renderers ask the profile; they never branch on a language code. A new language is a new
``Language(...)`` passed to :func:`register`: no other module changes.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from .numerals import from_chinese, from_roman, to_chinese, to_roman

_NUMERALS = {
    "arabic": (str, int),
    "roman": (to_roman, from_roman),
    "chinese": (to_chinese, from_chinese),
}


def numeral(style: str, n: int) -> str:
    return _NUMERALS[style][0](n)


def read_numeral(style: str, text: str) -> int:
    """Value of ``text`` written in ``style`` (or in Arabic digits); ValueError when unreadable."""
    return int(text) if text.isdigit() else _NUMERALS[style][1](text)


@dataclass(frozen=True)
class Grammar:
    """How the act's text is written in a language: the line patterns the parser classifies by."""
    chapter: re.Pattern          # groups: num, title
    chapter_like: re.Pattern     # a line that is meant as a chapter heading
    article: re.Pattern          # groups: num, text
    article_like: re.Pattern
    point: re.Pattern            # groups: num, text
    adoption: re.Pattern
    strip_lines: bool            # leading/trailing (full-width) spaces are layout, not text


@dataclass(frozen=True)
class Language:
    code: str                    # key in source/ data and file names: regulation.<code>.txt
    tag: str                     # BCP 47, for lang= and hreflang=
    akn: str                     # ISO 639-2, as Akoma Ntoso expression URIs use
    name: str                    # the language's own name, for the language switch
    grammar: Grammar
    chapter_numeral: str         # "roman", "chinese", "arabic"
    article_numeral: str
    point_numeral: str
    formats: dict                # str.format templates, see fmt()
    months: tuple = ()           # month names, when dates spell them out
    months_short: tuple = ()     # short month names, for one-line summaries (the long ones when none)
    snippet_chars: int = 90      # length of a text snippet in descriptions
    spaced: bool = True          # words are separated by spaces (snippets cut there, changes shown by word)
    article_run_in: str = ""     # where articles follow one another (chapter pages, the full text, print), the
                                 # article label opens its first paragraph in bold, followed by this
                                 # (第二十五条　…, as official Chinese publications set it), and the heading above
                                 # shows only the caption; empty: the label is the heading above the article
    hyphenation: str = ""        # in print, the language tag whose hyphenation patterns suit the text, when
                                 # not ``tag`` (the English text is American: en-US breaks bio-di-ver-si-ty)
    words: dict = field(default_factory=dict)   # interface strings

    # --- numbers and labels ---------------------------------------------------------------------
    def fmt(self, key: str, **values) -> str:
        return self.formats[key].format(**values)

    def _n(self, style: str, n: int) -> str:
        return numeral(style, n)

    def chapter_label(self, num: int) -> str:
        return self.fmt("chapter", n=self._n(self.chapter_numeral, num))

    def chapter_heading(self, num: int, title: str) -> str:
        return self.fmt("chapter_heading", label=self.chapter_label(num), title=title)

    def article_label(self, num: int) -> str:
        return self.fmt("article", n=self._n(self.article_numeral, num))

    def point_label(self, num: int) -> str:
        """The item label as the text writes it: (1) / （一）."""
        return self.fmt("point_label", n=self._n(self.point_numeral, num))

    def paragraph_num(self, num: int) -> str:
        """A paragraph's number on its own: (2) / 第二款."""
        return self.fmt("paragraph", n=self._n(self.point_numeral, num))

    def paragraph_ref(self, article: int, paragraph: int | None = None, point: int | None = None) -> str:
        """Article 25(2)(3) / 第二十五条第二款第三项; parts left out when None."""
        text = self.article_label(article)
        if paragraph:
            text += self.paragraph_num(paragraph)
        if point:
            text += self.fmt("point", n=self._n(self.point_numeral, point))
        return text

    def citation(self, title: str, article: int, paragraph: int | None = None) -> str:
        return self.fmt("citation", ref=self.paragraph_ref(article, paragraph), title=title)

    def caption(self, text: str) -> str:
        """An editorial caption as shown beside the article number: [Transport infrastructure] / 【交通基础设施建设】."""
        return self.fmt("caption", caption=text)

    def article_span(self, first: int, last: int) -> str:
        if first == last:
            return self.article_label(first)
        return self.fmt("article_span", first=self.article_label(first), last=self.article_label(last),
                        a=first, b=last)

    def date(self, value: datetime.date) -> str:
        month = self.months[value.month - 1] if self.months else value.month
        return self.fmt("date", day=value.day, month=month, year=value.year)

    def date_short(self, value: datetime.date) -> str:
        """A date as a one-line summary writes it: 1 Jan 2024 / 2024年1月1日."""
        month = (self.months_short or self.months)[value.month - 1] if self.months else value.month
        return self.fmt("date", day=value.day, month=month, year=value.year)

    def snippet(self, text: str) -> str:
        """The start of a text, cut at a word (where the language has spaces) and marked with an ellipsis."""
        if len(text) <= self.snippet_chars:
            return text
        cut = text[:self.snippet_chars]
        if self.spaced and " " in cut:
            cut = cut[:cut.rindex(" ")]
        return cut.rstrip(" ,;，；、") + "…"

    def language_name(self, code: str) -> str:
        """What this language calls the language ``code`` (``version_<code>``), else that language's own name."""
        return self.words.get(f"version_{code}") or PROFILES[code].name

    def w(self, key: str, **values) -> str:
        """An interface string, formatted with ``values`` when given."""
        text = self.words[key]
        return text.format(**values) if values else text


# --- the profiles ----------------------------------------------------------------------------------

_CN = "零〇一二三四五六七八九十百千"

ENGLISH = Language(
    code="en", tag="en", akn="eng", name="English",
    grammar=Grammar(
        chapter=re.compile(r"Chapter\s+(?P<num>[IVXLCDM]+|\d+)\b\s*[:：.]?\s*(?P<title>.*)"),
        chapter_like=re.compile(r"chapter\b", re.IGNORECASE),
        article=re.compile(r"Article\s+(?P<num>\d+)(?![\d\w])\s*[:：.]?\s*(?P<text>.*)"),
        article_like=re.compile(r"article\s+\S+(\s|$)", re.IGNORECASE),
        point=re.compile(r"\((?P<num>\d+)\)\s+(?P<text>.*)"),
        adoption=re.compile(r"\(.*\)"),
        strip_lines=False),
    chapter_numeral="roman", article_numeral="arabic", point_numeral="arabic",
    formats={
        "chapter": "Chapter {n}", "chapter_heading": "{label}: {title}", "article": "Article {n}",
        "paragraph": "({n})", "point": "({n})", "point_label": "({n})",
        "citation": "{ref}, {title}", "article_span": "Articles {a}–{b}",
        "date": "{day} {month} {year}",
        "caption": "[{caption}]",
    },
    months=("January", "February", "March", "April", "May", "June", "July", "August", "September",
            "October", "November", "December"),
    months_short=("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    snippet_chars=90, spaced=True, hyphenation="en-US",
    words={
        # punctuation and joins
        "point_sep": " ", "list_sep": ", ", "colon": ": ", "other_name": "{name} ({other})",
        "sentence_end": ".",
        # metadata
        "adopted_by": "Adopted by", "adopted_on": "Adopted on", "effective": "In force from",
        "status": "Status of this text", "contents": "Contents",
        # the home page's list of chapters and articles (not "Contents": the theme titles its own contents so)
        "contents_heading": "Chapters and articles",
        "home_description": "{title}: adopted {adopted}, in force from {effective}. Full text in English and Chinese.",
        "chapter_description": "{heading} ({span}) of the {title}.",
        "parallel_description": "{heading} of the {title}, in English and Chinese side by side.",
        "notes_description": "Editorial corrections and notes on the text of the {title}.",
        "glossary_description": "Glossary of the banners, cities, bodies and terms named in the {title}.",
        "pdf_description": "{status}. Adopted on {adopted}, in force from {effective}.",
        # notes page
        "notes": "Notes on the text", "corrections": "Editorial corrections",
        "corrections_intro": "The English text is published as received, with only these typographic corrections. "
                             "Each applies to exactly one place, and is checked there every time the site is made.",
        "observations": "Other observations", "observations_intro": "These points are noted but not corrected.",
        "was": "Received", "now": "Published", "reason": "Reason", "where": "Where", "none": "None.",
        # glossary
        "glossary": "Glossary",
        "glossary_intro": "The banners, cities and districts that make up the border areas, and the bodies and terms "
                          "the act names, in both languages. Each entry lists every paragraph where it appears.",
        "group_border_areas": "Border areas (Article 2)", "group_bodies": "Government bodies",
        "group_terms": "Other terms",
        "chinese_name": "Chinese", "english_name": "English", "pinyin": "Pinyin", "kind": "Kind",
        "parent": "Part of", "seat": "Seat", "borders": "Borders", "coords": "Coordinates",
        "approximate": "approximate", "other_spellings": "Other spellings", "definition": "Definition",
        "note": "Translation note", "appears_in": "Appears in",
        "appears_nowhere": "Not named on its own in the text.", "unconfirmed": "unconfirmed",
        "north": "N", "south": "S", "east": "E", "west": "W",
        # language versions
        "version": "English",
        # the languages' names (language_name); a language not named here is called by its own name
        "version_en": "English", "version_zh": "Chinese",
        # links and downloads
        "downloads_label": "Download: ", "all_downloads": "All downloads",
        "download_pdf": "PDF, {language}",
        "download_pdf_bilingual": "PDF, bilingual", "download_json": "JSON", "download_akn": "Akoma Ntoso XML",
        "view_parallel": "Read English and Chinese side by side",
        "only": "{language} only",
        # the copy button beside the other language's text, side by side (said in the page's language)
        "copy_other": "{cite} ({text})", "text_of": "{language} text",
        # PDF
        "page_x_of_y": '"Page " counter(page) " of " counter(pages)',
        "pdf_author": "Editors of this site (translations)",
        "pdf_as_of": "as of {checked}", "pdf_in_force": "in force {effective} to {until}",
        # scripts
        "js_copy": "Copy citation and link: ", "js_copied": "Copied",
        # Akoma Ntoso
        "publisher": "Editors of this website", "in_force": "In force",
        # editorial layers
        "editorial_notes": "Notes by this site's editors (not part of the act)", "note_back": "Back to the text",
        "notes_summary": "Notes ({n})",
        # article pages
        "article_title": "{label} – {short}", "status_paren": " ({status})", "status_gap": " ", "article_nav": "Articles", "read_in_chapter": "Read in its chapter",
        # editorial notes (notes page)
        "unconfirmed_legend": "This fact could not be confirmed in the sources this glossary relies on; it is given "
                              "as the best available reading. Facts without this mark were confirmed.",
        "notes_heading": "Translation notes on the English text",
        "notes_intro": "The English text is an unofficial translation, and in some places its wording could mislead. "
                       "These notes, by this site's editors, say what the Chinese wording means there. They are not "
                       "part of the act; each is marked in the text with a small number.",
        # finding and citing one article (captions, go to article, full text, print, copy citation)
        "caption_title": "Caption by this site's editors, not part of the act",
        "captions_explained": "Captions in [square brackets] are by this site's editors and are not part of the act.",
        "captions_more": "About the captions",
        "chapter_contents": "Articles in this chapter",
        "full_text": "Full text on one page", "full_title": "Full text",
        "full_description": "The whole text of the {title} on one page, for searching and printing.",
        "print": "Print", "print_article": "Print this article",
        "printed_from": "Printed from", "dates": "Adopted {adopted}, in force from {effective}",
        "cite_details": "{status}, {revision}; adopted {adopted}, in force from {effective}",
        "js_goto": "Go to article", "js_goto_placeholder": "Art. 25(2)", "js_goto_go": "Go",
        "js_goto_help": "Article number, e.g. 25, Art. 25 or Article 25(2)",
        "js_goto_none": "No such article: the Regulations have Articles 1 to {max}.",
        "js_goto_no_para": "{article} has {count} paragraph(s).",
        "js_goto_result": "Go to", "js_goto_short": "Art.",
        # versions: currency, point-in-time pages, history, changes, pinned links
        # the currency statement: which version, made by which decision, and (current) when last checked
        "currency": "This version: in force from {effective}.", "currency_made": "{instrument} ({adopted}).",
        "instrument_dated": "{instrument} ({adopted})",
        "currency_checked": "No later amendment known as of {checked}.", "sentence_sep": " ",
        "currency_old": "Not the current text. This version was in force from {effective} to {until}.",
        "versions": "Versions", "versions_link": "All versions", "current_text": "Current text",
        "versions_description": "Every version of the {title}, with the decisions that made them and what changed.",
        "versions_intro": "When the Standing Committee amends the Regulations, it does so by a decision and then "
                          "publishes the whole text again, sometimes renumbered. Every version stays on this site at "
                          "its own address, so a link to a version always shows the law as it read then; the "
                          "translations beside it are revised separately (see the revisions below).",
        "cite_revision": "translation revision {number} of {date}",
        "currency_revision": "Translation revision {number} of {date}.",
        "revisions": "Revisions of the translations and notes", "revision_title": "Revision {number}, {date}",
        "revisions_intro": "The law's versions above are fixed by the dates they took effect. The translations and "
                           "this site's editorial additions (corrections, captions, notes and the glossary) are "
                           "revised separately, newest first below. A pinned link fixes the law's version; the "
                           "revision stated beside the text, in copied citations and in the PDFs says which wording "
                           "of the translations you read.",
        "provenance": "Where the texts come from", "provenance_official": "Where the official text is published",
        "provenance_draft": "The draft",
        "versions_checked": "No later amendment known as of {checked}.",
        "version_title": "Version in force from {effective}", "version_current": "current",
        "version_until": "until {until}", "version_files": "Files of this version",
        "version_read": "Read this version",
        "versions_files": "Files of each version",
        "versions_files_intro": "Each version of the text has its own PDFs and data files, which never change. The "
                                "files above are those of the current version, and change when it is amended.",
        "version_home_description": "The {title} as in force from {effective}.",
        "in_force_from": "In force from", "made_by": "Made by", "changes_made": "Changes",
        "summary_adopted": "The act as adopted.", "summary_none": "No article changed.",
        "summary_amended": "Amended: {list}.", "summary_inserted": "Inserted: {list}.",
        "summary_deleted": "Deleted: {list}.", "summary_renumbered": "Renumbered: {list}.",
        "renumbered_pair": "{was} → {now}",
        "history": "History of this article", "history_adopted": "as adopted",
        "history_inserted": "inserted", "history_amended": "amended", "history_renumbered": "renumbered, was {was}",
        "history_unchanged": "unchanged", "history_deleted": "deleted", "history_changes": "see the changes",
        "changes": "Changes from the previous version",
        "changes_legend": "Compared with the version in force from {effective}: removed text is struck through "
                          "and marked “removed”, added text is underlined and marked “added”.",
        "changes_inserted": "This article was inserted by this version.",
        "changes_renumbered": "This was {was} in the previous version.",
        "changes_none": "This version did not change this article.",
        "del_mark": "removed: ", "ins_mark": "added: ", "mark_end": " (end)",
        "current_article": "Current text of this article: {label}",
        "deleted_article": "This article was deleted by the version in force from {effective}.",
        "pinned_label": "Version in force from {effective}",
        "version_page_title": "{title} (version in force from {effective})",
        # reading comfort: theme strings, status line, glossary, map, downloads, 404
        "nav_text": "The Regulations",
        "theme_headerlink": "Link to this heading", "theme_palette_auto": "Switch to light mode",
        "theme_palette_light": "Switch to dark mode", "theme_palette_dark": "Switch to system preference",
        "status_sep": " · ", "status_more": "About the status of the texts",
        "status_summary": "{status} · in force {effective} · checked {checked}",
        "status_summary_old": "{status} · in force {effective} to {until}",
        "view_together": " + ",
        "paren_open": " (", "paren_close": ")", "approximate_mark": " (approximate)",
        "unconfirmed_mark": "(unconfirmed)", "entry_more": "Details and where it appears",
        "glossary_index": "Glossary index",
        "file_size": "{text} ({size})", "kilobytes": "{n} KB", "megabytes": "{n} MB",
        "not_found": "Page not found",
        "not_found_text": "There is no page at this address. The Regulations have articles {first} to {last}; "
                          "each has its own page, such as the one below. The search box above finds any word.",
        "not_found_home": "Contents of the Regulations",
        "list_definition": "This paragraph names {n} of them. The glossary has an entry for each.",
        "js_term_more": "Glossary entry", "js_close": "Close", "js_note": "Editorial note", "js_terms_show": "Show terms",
        "map_title": "Map of the border areas of Inner Mongolia",
        "map_description": "Inner Mongolia's border with Mongolia and Russia, with {drawn} of the {total} border "
                           "areas marked at their seats of government; {approximate} of these positions are "
                           "approximate. The list after the map names all {total} areas.",
        "map_caption": "The {total} border areas. Numbers match the points on the map.",
        "map_summary": "The {total} border areas",
        "map_legend_seat": "Seat of government", "map_legend_approximate": "Approximate position",
        "map_item_approximate": "{name} (approximate position)",
        "map_item_not_drawn": "{name} (not on the map: no coordinates)",
        "map_source": "Schematic map. The country outlines are approximate, from Natural Earth (1:50m, public domain), "
                      "and are not an authoritative boundary.",
        "map_country_china": "China", "map_country_mongolia": "Mongolia", "map_country_russia": "Russia",
        "parallel_title": "{heading} (English and Chinese)",
        # linked data, citation files and the change feed
        "ld_region": "Inner Mongolia Autonomous Region", "ld_country": "China",
        "ld_jurisdiction": "Inner Mongolia Autonomous Region, China", "ld_type": "Local regulation",
        "cite_files": "Cite with a reference manager",
        "feed_title": "{title}: versions and revisions",
        "feed_subtitle": "New versions of the act and revisions of its translations and notes.",
        "feed_link": "Follow new versions and revisions (Atom feed)",
    },
)

CHINESE = Language(
    code="zh", tag="zh-Hans", akn="zho", name="中文",
    grammar=Grammar(
        chapter=re.compile(rf"第(?P<num>[{_CN}]+|\d+)章[ \t\u3000]*(?P<title>.*)"),
        chapter_like=re.compile(r"第\S{1,8}章"),
        article=re.compile(rf"第(?P<num>[{_CN}]+|\d+)条(?:[ \t\u3000]+(?P<text>.*))?"),
        article_like=re.compile(r"第\S{1,8}条([ \t\u3000]|$)"),
        point=re.compile(rf"（(?P<num>[{_CN}]+)）[ \t\u3000]*(?P<text>.*)"),
        adoption=re.compile(r"[（(].*[）)]"),
        strip_lines=True),
    chapter_numeral="chinese", article_numeral="chinese", point_numeral="chinese",
    formats={
        "chapter": "第{n}章", "chapter_heading": "{label}\u3000{title}", "article": "第{n}条",
        "paragraph": "第{n}款", "point": "第{n}项", "point_label": "（{n}）",
        "citation": "《{title}》{ref}", "article_span": "{first}至{last}",
        "date": "{year}年{month}月{day}日",
        "caption": "【{caption}】",
    },
    snippet_chars=32, spaced=False, article_run_in="\u3000",
    words={
        "point_sep": "", "list_sep": "、", "colon": "：", "other_name": "{name}（{other}）",
        "sentence_end": "。",
        "adopted_by": "通过机关", "adopted_on": "通过日期", "effective": "施行日期",
        "status": "文本性质", "contents": "目录",
        "contents_heading": "章节和条文",
        "home_description": "《{title}》全文，{adopted}通过，{effective}起施行。",
        "chapter_description": "《{title}》{heading}（{span}）。",
        "parallel_description": "《{title}》{heading}，中英对照。",
        "notes_description": "《{title}》文本的编辑更正和说明。",
        "glossary_description": "《{title}》所涉旗市区、机关和术语的中英对照术语表。",
        "pdf_description": "{status}。{adopted}通过，{effective}起施行。",
        "notes": "文本说明", "corrections": "编辑更正",
        "corrections_intro": "英文文本按所收原样发布，仅作以下排印更正。每项更正只适用于一处，本站生成时即予核对。",
        "observations": "其他说明", "observations_intro": "以下各点仅作说明，未予更正。",
        "was": "所收文本", "now": "发布文本", "reason": "理由", "where": "位置", "none": "无。",
        "glossary": "术语表",
        "glossary_intro": "构成边境地区的各旗、市、区，以及本条例提及的机关和术语，中英对照。每个条目列出其出现的所有条款。",
        "group_border_areas": "边境地区（第二条）", "group_bodies": "政府机关", "group_terms": "其他术语",
        "chinese_name": "中文", "english_name": "英文", "pinyin": "拼音", "kind": "类别",
        "parent": "所属", "seat": "驻地", "borders": "接壤国家", "coords": "坐标",
        "approximate": "约", "other_spellings": "其他英文拼写", "definition": "释义",
        "note": "译文说明", "appears_in": "出现于",
        "appears_nowhere": "条文中未单独出现。", "unconfirmed": "未经核实",
        "north": "N", "south": "S", "east": "E", "west": "W",
        "version": "中文",
        "version_en": "英文", "version_zh": "中文",
        "downloads_label": "下载：", "all_downloads": "全部下载",
        "download_pdf": "{language} PDF",
        "download_pdf_bilingual": "中英对照 PDF", "download_json": "JSON", "download_akn": "Akoma Ntoso XML",
        "view_parallel": "中英对照阅读",
        "only": "仅{language}",
        "copy_other": "{cite}（{text}）", "text_of": "{language}文本",
        "page_x_of_y": '"第 " counter(page) " 页／共 " counter(pages) " 页"',
        "pdf_author": "本站编辑（译文）",
        "pdf_as_of": "截至{checked}", "pdf_in_force": "{effective}至{until}施行",
        "js_copy": "复制引用和链接：", "js_copied": "已复制",
        "publisher": "本站编辑", "in_force": "现行有效",
        "editorial_notes": "本站编者注（不属于条例正文）", "note_back": "返回正文",
        "notes_summary": "注释（{n}）",
        "article_title": "{short}{label}", "status_paren": "（{status}）", "status_gap": "", "article_nav": "条文导航", "read_in_chapter": "在本章中阅读",
        "unconfirmed_legend": "该项内容未能在本术语表所依据的资料中得到核实，仅为现有最佳解读；未加此标注的内容均已核实。",
        "notes_heading": "参考译文说明",
        "notes_intro": "本站中文为根据英文译本回译的参考译文。以下各条说明译文在哪些地方有意不按英文字面翻译，以及理由。"
                       "说明由本站编辑撰写，不属于条例正文；正文中以小号数字标出。",
        # finding and citing one article (captions, go to article, full text, print, copy citation)
        "caption_title": "条旨为本站编者所加，不属于条例正文",
        "captions_explained": "【】内的条旨为本站编者所加，不属于条例正文。",
        "captions_more": "关于条旨",
        "chapter_contents": "本章条文",
        "full_text": "全文（单页）", "full_title": "全文",
        "full_description": "《{title}》全文单页，便于查找和打印。",
        "print": "打印", "print_article": "打印本条",
        "printed_from": "打印自", "dates": "{adopted}通过，{effective}起施行",
        "cite_details": "{status}，{revision}；{adopted}通过，{effective}起施行",
        "js_goto": "跳转到条文", "js_goto_placeholder": "第25条", "js_goto_go": "跳转",
        "js_goto_help": "条文序号，如 25、第25条、第二十五条第二款",
        "js_goto_none": "没有该条：本条例共{max}条。",
        "js_goto_no_para": "{article}只有{count}款。",
        "js_goto_result": "跳转到", "js_goto_short": "条文",
        # 阅读体验：主题文字、文本性质、术语表、地图、下载、404
        # versions: currency, point-in-time pages, history, changes, pinned links
        "currency": "本版本自{effective}起施行。", "currency_made": "{adopted}{instrument}。",
        "instrument_dated": "{adopted}{instrument}",
        "currency_checked": "截至{checked}，未发现后续修改。", "sentence_sep": "",
        "currency_old": "本版本不是现行文本，施行期间为{effective}至{until}。",
        "versions": "历次版本", "versions_link": "历次版本", "current_text": "现行文本",
        "versions_description": "《{title}》的历次版本、作出修改的决定及修改内容。",
        "versions_intro": "自治区人民代表大会常务委员会修改本条例时，以决定作出修改，随后重新公布全文，条文序号可能随之调整。"
                          "每一版本均以固定网址保留在本站，指向某一版本的链接始终显示该版本当时的条文；与之并列的译文另行修订（见下文“修订记录”）。",
        "cite_revision": "译文第{number}版（{date}）",
        "currency_revision": "译文第{number}版（{date}）。",
        "revisions": "译文和编注的修订记录", "revision_title": "第{number}版，{date}",
        "revisions_intro": "上列各版本以施行日期固定。译文以及本站编辑所加内容（更正、条旨、注释和术语表）另行修订，"
                           "下文按由新到旧列出。固定版本链接固定的是法规的版本；正文旁、复制的引文和PDF中注明的修订版次，"
                           "说明所读译文的措辞。",
        "provenance": "文本来源", "provenance_official": "正式文本的公布", "provenance_draft": "草案",
        "versions_checked": "截至{checked}，未发现后续修改。",
        "version_title": "自{effective}起施行的版本", "version_current": "现行",
        "version_until": "施行至{until}", "version_files": "本版本文件",
        "version_read": "阅读本版本",
        "versions_files": "各版本文件",
        "versions_files_intro": "每一版本的文本各有其 PDF 和数据文件，永不改变。上面列出的是现行版本的文件，条例修改后随之更新。",
        "version_home_description": "《{title}》自{effective}起施行的版本。",
        "in_force_from": "施行日期", "made_by": "制定、修改情况", "changes_made": "修改内容",
        "summary_adopted": "条例通过时的文本。", "summary_none": "条文未作修改。",
        "summary_amended": "修改：{list}。", "summary_inserted": "增加：{list}。",
        "summary_deleted": "删除：{list}。", "summary_renumbered": "序号调整：{list}。",
        "renumbered_pair": "{was}→{now}",
        "history": "本条沿革", "history_adopted": "通过时的文本",
        "history_inserted": "增加", "history_amended": "修改", "history_renumbered": "序号调整，原为{was}",
        "history_unchanged": "未修改", "history_deleted": "删除", "history_changes": "查看修改内容",
        "changes": "与上一版本相比的修改",
        "changes_legend": "与自{effective}起施行的版本相比：删去的文字加删除线并标明“删去”，增加的文字加下划线并标明“增加”。",
        "changes_inserted": "本条为本版本增加的条文。",
        "changes_renumbered": "本条在上一版本中为{was}。",
        "changes_none": "本版本未修改本条。",
        "del_mark": "删去：", "ins_mark": "增加：", "mark_end": "（止）",
        "current_article": "本条现行文本：{label}",
        "deleted_article": "本条已被自{effective}起施行的版本删除。",
        "pinned_label": "自{effective}起施行的版本",
        "version_page_title": "{title}（自{effective}起施行的版本）",
        "nav_text": "条例正文",
        "theme_headerlink": "本标题的链接", "theme_palette_auto": "切换到浅色模式",
        "theme_palette_light": "切换到深色模式", "theme_palette_dark": "跟随系统设置",
        "status_sep": "　", "status_more": "文本性质说明",
        "status_summary": "{status} · {effective}起施行 · {checked}核实",
        "status_summary_old": "{status} · {effective}至{until}施行",
        "view_together": " + ",
        "paren_open": "（", "paren_close": "）", "approximate_mark": "（约）",
        "unconfirmed_mark": "（未经核实）", "entry_more": "详细信息及出现位置",
        "glossary_index": "术语索引",
        "file_size": "{text}（{size}）", "kilobytes": "{n} KB", "megabytes": "{n} MB",
        "not_found": "未找到该页面",
        "not_found_text": "此地址没有页面。本条例共{last}条，每条都有单独的页面，例如下面的链接。也可以用上方的搜索框查找任意词语。",
        "not_found_home": "条例目录",
        "list_definition": "本款列举其中{n}个，术语表中各有条目。",
        "js_term_more": "查看术语表条目", "js_close": "关闭", "js_note": "编者注", "js_terms_show": "显示术语",
        "map_title": "内蒙古自治区边境地区示意图",
        "map_description": "内蒙古自治区与蒙古国、俄罗斯接壤的边境一带。{total}个边境地区中，{drawn}个按政府驻地标出，"
                           "其中{approximate}个为大致位置。图后列表列出全部{total}个地区。",
        "map_caption": "{total}个边境地区。序号与图中各点对应。",
        "map_summary": "{total}个边境地区",
        "map_legend_seat": "政府驻地", "map_legend_approximate": "大致位置",
        "map_item_approximate": "{name}（大致位置）",
        "map_item_not_drawn": "{name}（无坐标，未在图上标出）",
        "map_source": "示意图，不作为国界划定依据。国家轮廓取自 Natural Earth（1:50m，公有领域），仅示大致位置。",
        "map_country_china": "中国", "map_country_mongolia": "蒙古国", "map_country_russia": "俄罗斯",
        "parallel_title": "{heading}（中英对照）",
        # linked data, citation files and the change feed
        "ld_region": "内蒙古自治区", "ld_country": "中国",
        "ld_jurisdiction": "中国内蒙古自治区", "ld_type": "地方性法规",
        "cite_files": "导入文献管理软件",
        "feed_title": "《{title}》版本和修订",
        "feed_subtitle": "条例的新版本以及译文和注释的修订。",
        "feed_link": "订阅新版本和修订（Atom 源）",
    },
)

PROFILES: dict[str, Language] = {}


def register(language: Language) -> Language:
    PROFILES[language.code] = language
    return language


register(ENGLISH)
register(CHINESE)


def profile(code: str) -> Language:
    return PROFILES[code]
