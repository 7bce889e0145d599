"""The border areas map, drawn from the real glossary and the real Natural Earth outlines (npm world-atlas)."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from build_scripts.border_map import MapPoint, border_map
from build_scripts.pages import map_words
from build_scripts.glossary import load_glossary

ROOT = Path(__file__).resolve().parent.parent
SVG = "{http://www.w3.org/2000/svg}"
LIMIT = 60 * 1024


@pytest.fixture(scope="session")
def areas(act):
    return [e for e in act.glossary.entries if e.group == "border_areas"]


def points(areas, lang):
    return [MapPoint(e.id, e.name[lang], e.coords["lat"] if e.coords else None,
                     e.coords["lon"] if e.coords else None, bool(e.coords and e.coords.get("approximate")))
            for e in areas]


def render(areas, lang, **kw):
    return border_map(points(areas, lang), lang, map_words(lang), **kw)


def parse(html):
    """The figure as XML (the output must be well-formed: it is built with ElementTree)."""
    figure = ET.fromstring(html)
    assert figure.tag == "figure" and "border-map" in figure.get("class").split()
    return figure, figure.find(f"{SVG}svg")


def svg_links(svg):
    return {a.get("href"): a for a in svg.iter(f"{SVG}a")}


def alternative(figure):
    """The text alternative: the list after the map (visible, or folded in the small map)."""
    return [li for li in figure.iter("li")]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("small", [False, True])
def test_small_enough(areas, lang, small):
    assert len(areas) == 20
    assert len(render(areas, lang, small=small).encode("utf-8")) < LIMIT


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("small,prefix", [(False, ""), (True, "glossary/")])
def test_points_link_to_their_entries_and_the_list_names_all(areas, lang, small, prefix):
    figure, svg = parse(render(areas, lang, small=small, href_prefix=prefix))
    links = svg_links(svg)
    drawn = [e for e in areas if e.coords]
    assert drawn and len(drawn) < len(areas)  # some areas have no coordinates
    assert set(links) == {f"{prefix}#{e.id}" for e in drawn}
    for e in drawn:
        classes = links[f"{prefix}#{e.id}"].get("class").split()
        assert "area" in classes
        assert ("area--approx" in classes) == bool(e.coords.get("approximate"))
    items = alternative(figure)
    assert len(items) == len(areas)
    for e, li in zip(areas, items):  # all 20, in order (the numbers on the map are list positions)
        a = li.find("a")
        assert a.get("href") == f"{prefix}#{e.id}" and a.text == e.name[lang]
        text = "".join(li.itertext())
        assert (map_words(lang)["item_not_drawn"].format(name=e.name[lang]) == text) == (e.coords is None)
        assert (map_words(lang)["item_approximate"].format(name=e.name[lang]) == text) == \
            bool(e.coords and e.coords.get("approximate"))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("small", [False, True])
def test_accessible_image_with_title_and_description(areas, lang, small):
    figure, svg = parse(render(areas, lang, small=small))
    image = svg.find(f"{SVG}g[@role='img']")
    assert image.find(f"{SVG}title").text == map_words(lang)["title"]
    desc = image.find(f"{SVG}desc").text
    drawn = [e for e in areas if e.coords]
    approximate = [e for e in drawn if e.coords.get("approximate")]
    assert desc == map_words(lang)["description"].format(total=20, drawn=len(drawn), approximate=len(approximate))
    # The point links are not inside the image (they would be presentational there), and they repeat the
    # list's links, so they are out of the tab order and hidden from assistive technology.
    assert not list(image.iter(f"{SVG}a"))
    areas_group = svg.find(f"{SVG}g[@class='areas']")
    assert areas_group.get("aria-hidden") == "true"
    assert all(a.get("tabindex") == "-1" for a in areas_group.iter(f"{SVG}a"))
    assert figure.find("figcaption").text == map_words(lang)["source"]
    assert (figure.find("details") is not None) == small


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("small", [False, True])
def test_points_inside_the_view_box_and_countries_drawn(areas, lang, small):
    _, svg = parse(render(areas, lang, small=small))
    x0, y0, width, height = map(float, svg.get("viewBox").split())
    links = svg.find(f"{SVG}g[@class='areas']").findall(f"{SVG}a")
    assert len(links) == len([e for e in areas if e.coords])
    for a in links:
        c = a.find(f"{SVG}circle")
        assert x0 < float(c.get("cx")) < x0 + width and y0 < float(c.get("cy")) < y0 + height
    classes = [p.get("class") for p in svg.iter(f"{SVG}path")]
    for country in ("china", "mongolia", "russia"):
        path = next(p for p in svg.iter(f"{SVG}path") if p.get("class") == f"country country--{country}")
        assert len(path.get("d")) > 200
    assert "border" in classes
    names = [t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "country-name"]
    assert names == list(map_words(lang)["countries"].values())
    # Coordinates in SVG units have at most one decimal.
    numbers = re.findall(r"-?\d+(?:\.\d+)?", " ".join(p.get("d") for p in svg.iter(f"{SVG}path")))
    assert all(len(n.partition(".")[2]) <= 1 for n in numbers)


def test_chinese_page(areas):
    figure, svg = parse(render(areas, "zh"))
    assert figure.get("lang") == "zh-Hans"
    texts = {t.text for t in svg.iter(f"{SVG}text")}
    assert {"中国", "蒙古国", "俄罗斯", "政府驻地", "大致位置"} <= texts
    titles = {t.text for t in svg.iter(f"{SVG}title")}
    assert "满洲里市（大致位置）" in titles and "陈巴尔虎旗" in titles
    assert [li.find("a").text for li in alternative(figure)][:2] == ["阿拉善左旗", "阿拉善右旗"]
    assert "阿拉善右旗（无坐标，未在图上标出）" in {"".join(li.itertext()) for li in alternative(figure)}
    english = render(areas, "en")
    assert "中国" not in english and "阿拉善" not in english and "China" in english


def test_numbers_on_the_full_map_only_and_not_overlapping(areas):
    _, svg = parse(render(areas, "en"))
    boxes = {}
    for a in svg.iter(f"{SVG}a"):
        label = a.find(f"{SVG}text")
        number = int(label.text)
        assert areas[number - 1].id == a.get("href")[1:]  # the number is the area's place in the list
        x, y, size = float(label.get("x")), float(label.get("y")), 13
        w = .6 * size * len(label.text)
        boxes[number] = (x - w / 2, y - .75 * size, x + w / 2, y)
    for n, (ax0, ay0, ax1, ay1) in boxes.items():
        for m, (bx0, by0, bx1, by1) in boxes.items():
            if n < m:
                assert min(ax1, bx1) <= max(ax0, bx0) or min(ay1, by1) <= max(ay0, by0), (n, m)
    _, small = parse(render(areas, "en", small=True))
    assert not [t for t in small.iter(f"{SVG}text") if t.get("class") == "label"]


def test_names_are_escaped(areas):
    hostile = [MapPoint("x-1", 'A & B <script>alert("x")</script>', 45.0, 110.0, True),
               MapPoint("x-2", "C > D", None, None, False)]
    html = border_map(hostile, "en", map_words("en"))
    assert "<script>" not in html and "&lt;script&gt;" in html
    figure, _ = parse(html)
    assert "".join(alternative(figure)[0].itertext()).startswith('A & B <script>')


def test_outside_the_map_is_an_error():
    with pytest.raises(ValueError, match="far-away"):
        border_map([MapPoint("far-away", "Far", 10.0, 10.0, False)], "en", map_words("en"))


def test_deterministic(areas):
    for lang in ("en", "zh"):
        for small in (False, True):
            assert render(areas, lang, small=small) == render(areas, lang, small=small)
