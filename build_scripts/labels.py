"""Interface words in each language. The act's own words come from source/, never from here."""
from __future__ import annotations

import datetime

from .numerals import to_chinese, to_roman

LABELS = {
    "en": {
        "adopted_by": "Adopted by",
        "adopted_on": "Adopted on",
        "effective": "In force from",
        "status": "Status of this text",
        "contents": "Contents",
        "notes": "Notes on the text",
        "corrections": "Editorial corrections",
        "corrections_intro": "The English text is published as received, with only these typographic corrections. "
                             "Each applies to exactly one place; the build stops if it no longer does.",
        "observations": "Other observations",
        "observations_intro": "These points are noted but not corrected.",
        "was": "Received",
        "now": "Published",
        "reason": "Reason",
        "where": "Where",
        "none": "None.",
        "glossary": "Glossary",
        "glossary_intro": "The banners, cities and districts that make up the border areas, and the bodies and terms "
                          "the act names, in both languages. Each entry lists every paragraph where it appears.",
        "group_border_areas": "Border areas (Article 2)",
        "group_bodies": "Government bodies",
        "group_terms": "Other terms",
        "chinese_name": "Chinese",
        "english_name": "English",
        "pinyin": "Pinyin",
        "kind": "Kind",
        "parent": "Part of",
        "seat": "Seat",
        "borders": "Borders",
        "coords": "Coordinates",
        "approximate": "approximate",
        "other_spellings": "Other spellings",
        "definition": "Definition",
        "note": "Translation note",
        "appears_in": "Appears in",
        "appears_nowhere": "Not named on its own in the text.",
        "unconfirmed": "unconfirmed",
        "version": "English",
        "other_version": "Chinese",
    },
    "zh": {
        "adopted_by": "通过机关",
        "adopted_on": "通过日期",
        "effective": "施行日期",
        "status": "文本性质",
        "contents": "目录",
        "notes": "文本说明",
        "corrections": "编辑更正",
        "corrections_intro": "英文文本按所收原样发布，仅作以下排印更正。每项更正只适用于一处；如不再适用，构建即停止。",
        "observations": "其他说明",
        "observations_intro": "以下各点仅作说明，未予更正。",
        "was": "原文",
        "now": "发布文本",
        "reason": "理由",
        "where": "位置",
        "none": "无。",
        "glossary": "术语表",
        "glossary_intro": "构成边境地区的各旗、市、区，以及本条例提及的机关和术语，中英对照。每个条目列出其出现的所有条款。",
        "group_border_areas": "边境地区（第二条）",
        "group_bodies": "政府机关",
        "group_terms": "其他术语",
        "chinese_name": "中文",
        "english_name": "英文",
        "pinyin": "拼音",
        "kind": "类别",
        "parent": "所属",
        "seat": "驻地",
        "borders": "接壤国家",
        "coords": "坐标",
        "approximate": "约",
        "other_spellings": "其他英文拼写",
        "definition": "释义",
        "note": "译文说明",
        "appears_in": "出现于",
        "appears_nowhere": "条文中未单独出现。",
        "unconfirmed": "未经核实",
        "version": "中文",
        "other_version": "英文",
    },
}


def chapter_label(lang: str, num: int) -> str:
    return f"Chapter {to_roman(num)}" if lang == "en" else f"第{to_chinese(num)}章"


def chapter_heading(lang: str, num: int, title: str) -> str:
    return f"{chapter_label(lang, num)}: {title}" if lang == "en" else f"{chapter_label(lang, num)} {title}"


def article_label(lang: str, num: int) -> str:
    return f"Article {num}" if lang == "en" else f"第{to_chinese(num)}条"


def paragraph_ref(lang: str, article: int, paragraph: int | None) -> str:
    """Article 25(2) / 第二十五条第二款; without a paragraph, the article alone."""
    if lang == "en":
        return f"Article {article}" + (f"({paragraph})" if paragraph else "")
    return f"第{to_chinese(article)}条" + (f"第{to_chinese(paragraph)}款" if paragraph else "")


def citation(lang: str, title: str, article: int, paragraph: int | None = None) -> str:
    if lang == "en":
        return f"{paragraph_ref(lang, article, paragraph)}, {title}"
    return f"《{title}》{paragraph_ref(lang, article, paragraph)}"


def date(lang: str, value: datetime.date) -> str:
    if lang == "en":
        return f"{value.day} {value:%B} {value.year}"
    return f"{value.year}年{value.month}月{value.day}日"


def article_span(lang: str, first: int, last: int) -> str:
    if lang == "en":
        return f"Article {first}" if first == last else f"Articles {first}–{last}"
    return article_label(lang, first) if first == last else f"{article_label(lang, first)}至{article_label(lang, last)}"


def target_ref(lang: str, regulation, target_id: str) -> str:
    """Label for an article, paragraph or item id: Article 25(2), 第二十五条第二款, Article 25(2)(3)."""
    parts = dict(part.split("_") for part in target_id.split("__"))
    article = int(parts["art"])
    paragraph = int(parts["para"]) if "para" in parts else None
    if paragraph and len(regulation.article(article).paragraphs) == 1 and "point" not in parts:
        paragraph = None
    text = paragraph_ref(lang, article, paragraph or (1 if "point" in parts else None))
    if "point" in parts:
        point = int(parts["point"])
        text += f"({point})" if lang == "en" else f"第{to_chinese(point)}项"
    return text
