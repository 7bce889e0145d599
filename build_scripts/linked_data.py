"""The act as linked data: schema.org ``Legislation`` in JSON-LD for the home, chapter and article pages.

Each page describes one *expression*: the act, a chapter or an article, in the page's language, as it reads in
the version the page shows. Around it: the same expression in the other languages (with their status), the
*work* it realises (language-neutral: the act as adopted, its chapters and articles), and the chain of
``isPartOf`` / ``hasPart`` between act, chapter and article.

Identifiers follow the site's scheme and ELI's pattern (the ISO 3166-2 place and short name of the Akoma Ntoso
URIs in export.py, which are added as identifiers too):

- work:        ``{site}eli/cn-nm/reg/2023/11/30/border-areas-development`` (``/chp_4``, ``/art_25`` below it)
- version:     the work's URI + ``/2024-01-01`` (the date the version took effect, as in ``versions/<date>/``)
- expression:  the version's URI + ``/eng`` or ``/zho`` (ISO 639-2, as Akoma Ntoso)

``url`` is the page today's text is on; ``sameAs`` the page pinned to the version. The status of each text
(regulation.yaml's ``statuses``) is ``creativeWorkStatus``, and in machine form the legal value of its HTML,
PDF and XML files (``LegislationObject``); a text that is not the official one is a ``translationOfWork`` of
the work, made by the site's editors (``translator``) when it is a reference translation.

Every URL is absolute, from the published site address ``site`` (pages.py passes its links object's).
"""
from __future__ import annotations

from .export import AKN_NUMBER, AKN_PLACE, akn_name, expression_uri, work_uri
from .languages import PROFILES
from .model import Act, chapter_id, article_id

SCHEMA = "https://schema.org/"
ELI_TYPE = "reg"                      # ELI's resource type for a regulation
OFFICIAL = "official"                 # the status of the official text (regulation.yaml)
BY_EDITORS = ("reference-translation",)    # statuses of texts the site's editors translated
LEGAL_VALUE = {OFFICIAL: "OfficialLegalValue"}    # any other status: UnofficialLegalValue


def eli_work(act: Act, site: str, part: str = "") -> str:
    day = act.meta.adopted
    return f"{site}eli/{AKN_PLACE}/{ELI_TYPE}/{day.year}/{day.month:02d}/{day.day:02d}/{AKN_NUMBER}" + (
        f"/{part}" if part else "")


def eli_version(act: Act, site: str, part: str = "") -> str:
    return f"{eli_work(act, site, part)}/{act.shown.key}"


def eli_expression(act: Act, site: str, lang: str, part: str = "") -> str:
    return f"{eli_version(act, site, part)}/{PROFILES[lang].akn}"


def _page(act: Act, site: str, lang: str, part: str, pinned: bool = False) -> str:
    """The page of the act (``part`` ""), a chapter or an article in ``lang``: today's, a version's, or pinned."""
    path = "" if not part else (f"chapter-{part[4:]}/" if part.startswith("chp_") else f"art/{part[4:]}/")
    base = f"versions/{act.shown.key}/" if pinned else act.base
    return f"{site}{act.prefix(lang)}{base}{path}"


def _ref(uri: str) -> dict:
    return {"@id": uri}


def _name(act: Act, lang: str, part: str) -> str:
    language, title = PROFILES[lang], act.meta.title[lang]
    if part.startswith("art_"):
        return language.citation(title, int(part[4:]))
    if part.startswith("chp_"):
        return language.fmt("citation", ref=language.chapter_label(int(part[4:])), title=title)
    return title


def _body(act: Act, lang: str) -> dict:
    return {"@type": "GovernmentOrganization", "name": act.meta.adopting_body[lang]}


def _editors(act: Act, site: str, lang: str) -> dict:
    return {"@type": "Organization", "name": PROFILES[lang].words["publisher"], "url": f"{site}{act.prefix(lang)}"}


def _facts(act: Act, lang: str) -> dict:
    """What every node of the act says about the law, in ``lang``."""
    words = PROFILES[lang].words
    return {
        "legislationDate": act.meta.adopted.isoformat(),
        "legislationPassedBy": _body(act, lang),
        "legislationJurisdiction": {"@type": "AdministrativeArea", "name": words["ld_region"], "identifier": "CN-NM",
                                    "containedInPlace": {"@type": "Country", "name": words["ld_country"],
                                                         "identifier": "CN"}},
        "legislationType": words["ld_type"],
    }


def _force(act: Act) -> dict:
    return _ref(SCHEMA + ("InForce" if act.is_current else "NotInForce"))


def expression(act: Act, site: str, lang: str, part: str = "", page_lang: str | None = None, full: bool = False) -> dict:
    """The expression of the act (or of its chapter or article ``part``) in ``lang``; the status is told in
    ``page_lang``. ``full``: with every fact, else the few that say what it is and where."""
    page_lang = page_lang or lang
    version = act.meta.languages[lang]
    node = {"@id": eli_expression(act, site, lang, part), "@type": "Legislation", "name": _name(act, lang, part),
            "inLanguage": PROFILES[lang].tag, "url": _page(act, site, lang, part), "sameAs": _page(act, site, lang, part, True),
            "creativeWorkStatus": version.label[page_lang],
            "legislationDateVersion": act.shown.effective.isoformat(), "legislationLegalForce": _force(act),
            ("exampleOfWork" if version.status == OFFICIAL else "translationOfWork"): _ref(eli_work(act, site, part))}
    if version.status in BY_EDITORS:
        node["translator"] = _editors(act, site, page_lang)
    if not full:
        return node
    akn = expression_uri(act.meta, lang, act.shown)
    node.update(_facts(act, page_lang))
    node["legislationIdentifier"] = eli_work(act, site, part)
    node["identifier"] = [eli_expression(act, site, lang, part), eli_version(act, site, part), akn + (f"/~{part}" if part else "")]
    node["publisher"] = _editors(act, site, page_lang)
    value = _ref(SCHEMA + LEGAL_VALUE.get(version.status, "UnofficialLegalValue"))
    node["encoding"] = [{"@type": "LegislationObject", "encodingFormat": "text/html", "contentUrl": node["url"],
                         "legislationLegalValue": value}]
    if not part:
        folder = f"{site}downloads/versions/{act.shown.key}/" if act.base else f"{site}downloads/"
        node["encoding"] += [{"@type": "LegislationObject", "encodingFormat": fmt, "contentUrl": folder + name,
                              "legislationLegalValue": value}
                             for fmt, name in (("application/pdf", f"regulation-{lang}.pdf"),
                                               ("application/akn+xml", akn_name(lang)))]
    return node


def work(act: Act, site: str, lang: str, part: str = "") -> dict:
    """The work (language-neutral) of the act, a chapter or an article, named in ``lang``, with its
    expressions on this site."""
    node = {"@id": eli_work(act, site, part), "@type": "Legislation", "name": _name(act, lang, part),
            "legislationIdentifier": eli_work(act, site, part),
            "identifier": [eli_work(act, site, part), work_uri(act.meta) + (f"/~{part}" if part else "")]}
    official = [code for code in act.langs if act.meta.languages[code].status == OFFICIAL]
    translated = [code for code in act.langs if code not in official]
    if official:
        node["workExample"] = [_ref(eli_expression(act, site, code, part)) for code in official]
    if translated:
        node["workTranslation"] = [_ref(eli_expression(act, site, code, part)) for code in translated]
    return node


def page_graph(act: Act, site: str, lang: str, chapter: int | None = None, article: int | None = None) -> dict:
    """JSON-LD for the home page (neither given), a chapter page or an article page in ``lang``."""
    part = article_id(article) if article else chapter_id(chapter) if chapter else ""
    reg = act.text(lang)
    main = expression(act, site, lang, part, full=True)
    nodes = [main]
    # The other languages' texts: what and where they are (their names would be words of another language).
    nodes += [{k: v for k, v in expression(act, site, code, part, page_lang=lang).items() if k != "name"}
              for code in act.langs if code != lang]
    work_node = work(act, site, lang, part)
    if not part:
        work_node.update(_facts(act, lang), legislationLegalForce=_force(act))
    nodes.append(work_node)
    # The chain up: article -> chapter -> act, for the expressions and the works.
    parents = [chapter_id(reg.chapter_of(article).num), ""] if article else [""] if chapter else []
    child = part
    for parent in parents:
        main_parent = expression(act, site, lang, parent)
        nodes.append(main_parent)
        for node in (n for n in nodes if n["@id"] == eli_expression(act, site, lang, child)):
            node["isPartOf"] = _ref(main_parent["@id"])
        parent_work = {"@id": eli_work(act, site, parent), "@type": "Legislation", "name": _name(act, lang, parent)}
        nodes.append(parent_work)
        for node in (n for n in nodes if n["@id"] == eli_work(act, site, child)):
            node["isPartOf"] = _ref(parent_work["@id"])
        child = parent
    # The parts down: act -> chapters, chapter -> articles.
    if not part:
        parts = [chapter_id(c.num) for c in reg.chapters]
    elif chapter and not article:
        parts = [article_id(a.num) for a in reg.chapters[[c.num for c in reg.chapters].index(chapter)].articles]
    else:
        parts = []
    if parts:
        main["hasPart"] = [{"@id": eli_expression(act, site, lang, p), "@type": "Legislation", "name": _name(act, lang, p),
                            "url": _page(act, site, lang, p), "isPartOf": _ref(main["@id"])} for p in parts]
        work_node["hasPart"] = [_ref(eli_work(act, site, p)) for p in parts]
    return {"@context": SCHEMA.rstrip("/"), "@graph": nodes}
