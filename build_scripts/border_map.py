"""A small map of the border areas, drawn at build time as inline SVG (no script, no tiles, no network).

Country outlines come from Natural Earth (public domain) as packaged by the npm package ``world-atlas``
(pinned in package.json; ``npm ci`` puts it in node_modules/). The TopoJSON is decoded here. Each area with
coordinates is a point linking to its glossary entry; a filled point is the seat of government, a hollow one an
approximate position. In the full map each point carries its number in the list that follows the map; that
list names all areas, also those without coordinates (which are not drawn), so it is the text alternative.

``words`` holds the interface strings in the page language (from the language profiles, keys ``map_*``):

- ``title``: the map's accessible name (the SVG ``<title>``).
- ``description``: the SVG ``<desc>``; may use ``{total}``, ``{drawn}`` and ``{approximate}`` (counts).
- ``caption``: above the list in the full map; may use ``{total}``.
- ``summary``: the ``<summary>`` of the folded list in the small map; may use ``{total}``.
- ``legend_seat``, ``legend_approximate``: the legend's two lines (filled point, hollow point).
- ``item_approximate``, ``item_not_drawn``: a list item for an approximate point and for an area not drawn;
  ``{name}`` stands for the linked name. Items of seats are the linked name alone.
- ``source``: the figure's caption, last: what the map is and where the outlines come from.
- ``countries``: ``{"china": ..., "mongolia": ..., "russia": ...}``, the names written on the map.
- ``lang_tag``: the BCP 47 tag put on the figure (``en``, ``zh-Hans``).
"""
from __future__ import annotations

import functools
import json
import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

DATASET = Path(__file__).resolve().parent.parent / "node_modules" / "world-atlas" / "countries-50m.json"

# The area shown (degrees): every border area with margin, Inner Mongolia's whole border with Mongolia and
# Russia, and room for the country names and the legend.
LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = 96.5, 126.5, 36.5, 53.5

# ISO 3166-1 numeric ids in world-atlas -> key in words["countries"]. Other countries in view (North Korea
# in a corner) are drawn without a name.
_NAMED = {"156": "china", "496": "mongolia", "643": "russia"}
# Where each country's name is written (lon, lat): inside the country, clear of the points.
_NAME_AT = {"china": (116.3, 41.0), "mongolia": (104.0, 46.6), "russia": (111.5, 52.3)}
# The legend goes in the first of these corners where it covers no point.
_LEGEND_CORNERS = ("bottom-left", "top-left", "bottom-right", "top-right")

# Sizes in SVG units for the full and the small map.
_FULL = {"width": 800, "tolerance": 0.6, "radius": 4.5, "number": 13, "country": 18, "legend": 13}
_SMALL = {"width": 420, "tolerance": 0.6, "radius": 3.6, "number": 0, "country": 13, "legend": 11}
_MARGIN = 6  # outlines are clipped this far outside the view box, so clip edges never show

_ACCENT = "#d9480f"  # points: at least 3:1 against white and against Material's dark background
_BG = "var(--md-default-bg-color,Canvas)"
_STYLE = (  # scoped to .border-map: a <style> in inline SVG applies to the whole page
    "figure.border-map{text-align:start}"
    ".border-map figcaption{max-width:none;font-size:.9em}"
    ".border-map svg{display:block;max-width:100%;height:auto}"
    ".border-map .country{fill:currentColor;fill-opacity:.05;stroke:currentColor;stroke-opacity:.5;"
    "stroke-width:.8;stroke-linejoin:round}"
    ".border-map .country--china{fill-opacity:.11}"
    ".border-map .border{fill:none;stroke:currentColor;stroke-opacity:.8;stroke-width:1.8;"
    "stroke-linejoin:round;stroke-linecap:round}"
    ".border-map .frame{fill:none;stroke:currentColor;stroke-opacity:.3}"
    ".border-map text{fill:currentColor}"
    ".border-map .country-name{fill-opacity:.75;letter-spacing:.12em}"
    f".border-map .area circle{{fill:{_ACCENT};stroke:{_ACCENT};stroke-width:1.6}}"
    f".border-map .area--approx circle{{fill:{_BG}}}"
    f".border-map .area line{{stroke:{_ACCENT};stroke-width:.8}}"
    f".border-map .label,.border-map .legend text{{paint-order:stroke;stroke:{_BG};stroke-width:3px;"
    "stroke-linejoin:round}"
    ".border-map .label{font-weight:600}"
    ".border-map a:hover .label{text-decoration:underline}"
    f".border-map .legend rect{{fill:{_BG};fill-opacity:.85;stroke:currentColor;stroke-opacity:.3}}"
)


@dataclass(frozen=True)
class MapPoint:
    id: str            # glossary entry id, used for the link target #id
    name: str          # name in the page language
    lat: float | None
    lon: float | None
    approximate: bool


# --- TopoJSON ------------------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=2)
def _topology(path: str = str(DATASET)):
    """The dataset decoded once: (arcs as tuples of (lon, lat), [(country id, polygons)]).

    A TopoJSON topology stores each shared line ("arc") once. Arc positions are quantized integers, and every
    position after an arc's first is the difference from the one before (delta encoding); the topology's
    ``transform`` turns the running sum back into degrees: lon = x * scale[0] + translate[0], likewise lat.
    A polygon is a list of rings and a ring a list of arc indexes; a negative index ~i (that is -i - 1) means
    arc i walked backwards.
    """
    try:
        with open(path, encoding="utf-8") as f:
            topo = json.load(f)
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: missing; run `npm ci` to install the map data (world-atlas)") from None
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        positions = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            positions.append((x * sx + tx, y * sy + ty))
        arcs.append(tuple(positions))
    countries = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        if geometry["type"] == "Polygon":
            polygons = [geometry["arcs"]]
        elif geometry["type"] == "MultiPolygon":
            polygons = geometry["arcs"]
        else:  # a country without a shape in this resolution
            continue
        countries.append((str(geometry.get("id", "")), polygons))
    return tuple(arcs), tuple(countries)


def _ring(arc_indexes, arcs):
    """The positions of a ring joined from its arcs; consecutive arcs share their end position, kept once."""
    out = []
    for i in arc_indexes:
        positions = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(positions if not out else positions[1:])
    return out


# --- Geometry ------------------------------------------------------------------------------------------------

class _Projection:
    """Equirectangular, x scaled by cos(middle latitude) so shapes in the middle of the map keep their
    proportions; y grows southwards as in SVG."""

    def __init__(self, width):
        self.kx = width / (LON_MAX - LON_MIN)
        self.ky = self.kx / math.cos(math.radians((LAT_MIN + LAT_MAX) / 2))
        self.width = width
        self.height = round((LAT_MAX - LAT_MIN) * self.ky)

    def __call__(self, lon, lat):
        return (lon - LON_MIN) * self.kx, (LAT_MAX - lat) * self.ky


def _simplify(points, tolerance):
    """Douglas-Peucker: keep the ends and every position farther than tolerance from the simplified line."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        worst, worst_i = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            d = abs(dx * (py - ay) - dy * (px - ax)) / length if length else math.hypot(px - ax, py - ay)
            if d > worst:
                worst, worst_i = d, i
        if worst > tolerance:
            keep[worst_i] = True
            stack.extend(((first, worst_i), (worst_i, last)))
    return [p for p, k in zip(points, keep) if k]


def _clip(ring, x0, y0, x1, y1):
    """Sutherland-Hodgman: the part of a closed ring inside the rectangle (still a closed ring)."""
    def cut(points, inside, cross):
        out = []
        for i, current in enumerate(points):
            previous = points[i - 1]
            if inside(current):
                if not inside(previous):
                    out.append(cross(previous, current))
                out.append(current)
            elif inside(previous):
                out.append(cross(previous, current))
        return out

    def at_x(x):
        return lambda p, q: (x, p[1] + (q[1] - p[1]) * (x - p[0]) / (q[0] - p[0]))

    def at_y(y):
        return lambda p, q: (p[0] + (q[0] - p[0]) * (y - p[1]) / (q[1] - p[1]), y)

    for inside, cross in ((lambda p: p[0] >= x0, at_x(x0)), (lambda p: p[0] <= x1, at_x(x1)),
                          (lambda p: p[1] >= y0, at_y(y0)), (lambda p: p[1] <= y1, at_y(y1))):
        if not ring:
            break
        ring = cut(ring, inside, cross)
    return ring


def _clip_line(line, x0, y0, x1, y1):
    """Liang-Barsky on each segment: the parts of an open line inside the rectangle, as a list of lines."""
    out, current = [], []
    for (ax, ay), (bx, by) in zip(line, line[1:]):
        dx, dy, t0, t1 = bx - ax, by - ay, 0.0, 1.0
        for p, q in ((-dx, ax - x0), (dx, x1 - ax), (-dy, ay - y0), (dy, y1 - ay)):
            if p == 0:
                if q < 0:
                    t0, t1 = 1.0, 0.0  # parallel to this edge and outside it
            elif p < 0:
                t0 = max(t0, q / p)
            else:
                t1 = min(t1, q / p)
        if t0 > t1:  # the segment misses the rectangle
            if current:
                out.append(current)
            current = []
            continue
        start, end = (ax + t0 * dx, ay + t0 * dy), (ax + t1 * dx, ay + t1 * dy)
        if not current:
            current = [start]
        current.append(end)
        if t1 < 1.0:  # leaves the rectangle
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _area(ring):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))) / 2


def _num(v: float) -> str:
    """One decimal, without a trailing .0 or a negative zero."""
    s = f"{v:.1f}"
    s = s[:-2] if s.endswith(".0") else s
    return "0" if s == "-0" else s


def _path(rings, closed=True) -> str:
    parts = []
    for ring in rings:
        coords, last = [], None
        for x, y in ring:
            pair = f"{_num(x)} {_num(y)}"
            if pair != last:
                coords.append(pair)
            last = pair
        if len(coords) >= (3 if closed else 2):
            parts.append("M" + " ".join(coords) + ("Z" if closed else ""))
    return "".join(parts)


@functools.lru_cache(maxsize=4)
def _countries(width, tolerance):
    """([(key or None, path data)] for every country in view, the named ones last (drawn on top),
    path data of China's border with Mongolia and Russia), for a map ``width`` wide; the same for every
    page with a map of that size, so worked out once."""
    projection = _Projection(width)
    arcs, countries = _topology()
    box = (-_MARGIN, -_MARGIN, projection.width + _MARGIN, projection.height + _MARGIN)
    simplified = {}  # arc index -> projected, simplified positions; shared borders are simplified once

    def arc(i):
        j = i if i >= 0 else ~i
        if j not in simplified:
            simplified[j] = _simplify([projection(lon, lat) for lon, lat in arcs[j]], tolerance)
        return simplified[j]

    out, used = [], {}  # used: country key -> indexes of the arcs of its outline
    for country_id, polygons in countries:
        if country_id in _NAMED:
            used[_NAMED[country_id]] = {i if i >= 0 else ~i for polygon in polygons for r in polygon for i in r}
        rings = []
        for polygon in polygons:
            outer = _ring(polygon[0], arcs)
            lons, lats = [p[0] for p in outer], [p[1] for p in outer]
            if max(lons) < LON_MIN or min(lons) > LON_MAX or max(lats) < LAT_MIN or min(lats) > LAT_MAX:
                continue
            for ring_arcs in polygon:
                projected = [(i, arc(i)) for i in ring_arcs]
                ring = []
                for i, positions in projected:
                    positions = positions if i >= 0 else positions[::-1]
                    ring.extend(positions if not ring else positions[1:])
                ring = _clip(ring, *box)
                if len(ring) >= 3 and _area(ring) >= 1.0:
                    rings.append(ring)
        if rings:
            out.append((_NAMED.get(country_id), _path(rings)))
    # Arcs China shares with a neighbour are the border; the same simplified positions as the outlines.
    border = sorted(used["china"] & (used["mongolia"] | used["russia"]))
    lines = [part for j in border for part in _clip_line(arc(j), *box)]
    return tuple(sorted(out, key=lambda c: (c[0] is not None, c[0] or ""))), _path(lines, closed=False)


# --- Labels --------------------------------------------------------------------------------------------------

def _text_width(text: str, size: float) -> float:
    """A rough advance width: CJK and full-width characters 1em, capitals .68em, the rest .56em."""
    return size * sum(1.0 if ord(c) >= 0x2E80 else .68 if c.isupper() else .3 if c == " " else .56 for c in text)


def _overlap(a, b) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    return w * h if w > 0 and h > 0 else 0.0


# Directions tried for a number label, nearest first: right, left, above, below, then the diagonals.
_DIRECTIONS = ((1, 0), (-1, 0), (0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1))


def _place_labels(points, size, radius, obstacles, width, height):
    """{index: (x, y, w, h, leader)} for number labels: each label takes the first position, nearest first,
    that overlaps no point, no label placed before it and no other obstacle, and stays in the view box; if
    none is free, the least overlapping one. Labels moved away from their point get a leader line."""
    gap, h = 2.0, size * .78
    point_boxes = {n: (x - radius - 1, y - radius - 1, x + radius + 1, y + radius + 1) for n, x, y, _ in points}
    placed = {}
    taken = list(obstacles)

    def crowding(p):  # crowded points first, so they get the near positions; ties in list order
        return -sum(1 for q in points if q is not p and math.hypot(p[1] - q[1], p[2] - q[2]) < 40), p[0]

    for n, x, y, text in sorted(points, key=crowding):
        w = _text_width(text, size)
        others = taken + [b for m, b in point_boxes.items() if m != n]
        best = None
        for step in (0, 8, 16, 26):
            for ux, uy in _DIRECTIONS:
                cx = x + ux * (radius + gap + step + w / 2)
                cy = y + uy * (radius + gap + step + h / 2)
                box = (cx - w / 2 - 1, cy - h / 2 - 1, cx + w / 2 + 1, cy + h / 2 + 1)
                if box[0] < 0 or box[1] < 0 or box[2] > width or box[3] > height:
                    continue
                cost = sum(_overlap(box, b) for b in others)
                if best is None or cost < best[0]:
                    best = (cost, cx, cy, step, box)
            if best is not None and best[0] == 0:
                break
        _, cx, cy, step, box = best
        placed[n] = (cx, cy, w, h, step > 0)
        taken.append(box)
    return placed


# --- Markup --------------------------------------------------------------------------------------------------

def _sub(parent, tag, text=None, **attrs):
    element = ET.SubElement(parent, tag, {k.rstrip("_").replace("_", "-"): v for k, v in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _linked_item(li, words, key, name, href):
    """Fill a list item from a words template around the linked name ("{name} (…)")."""
    before, _, after = words[key].partition("{name}") if key else ("", "", "")
    li.text = before or None
    a = _sub(li, "a", name, href=href)
    a.tail = after or None


def border_map(points: list[MapPoint], lang: str, words: dict, small: bool = False, href_prefix: str = "") -> str:
    """HTML (a <figure class="border-map"> with the inline SVG and the text alternative)."""
    sizes = _SMALL if small else _FULL
    projection = _Projection(sizes["width"])
    width, height = projection.width, projection.height
    total = len(points)
    drawn = [(n, p) for n, p in enumerate(points, 1) if p.lat is not None and p.lon is not None]
    for _, p in drawn:
        if not (LON_MIN < p.lon < LON_MAX and LAT_MIN < p.lat < LAT_MAX):
            raise ValueError(f"{p.id}: {p.lat}, {p.lon} is outside the map ({LAT_MIN}-{LAT_MAX} N, "
                             f"{LON_MIN}-{LON_MAX} E)")
    counts = {"total": total, "drawn": len(drawn), "approximate": sum(p.approximate for _, p in drawn)}

    figure = ET.Element("figure", {"class": "border-map border-map--small" if small else "border-map",
                                   "lang": words.get("lang_tag", lang)})
    svg = _sub(figure, "svg", xmlns="http://www.w3.org/2000/svg", viewBox=f"0 0 {width} {height}",
               width=str(width), height=str(height), overflow="hidden", role="none")
    _sub(svg, "style", _STYLE)
    # The SVG itself is only a container (role none); the drawing is one image with a name and a description.
    # The links on the points are outside it: inside role="img" they would be presentational, yet still
    # clickable and focusable (axe: nested-interactive). They repeat the list's links, so they are left to
    # the mouse.
    drawing = _sub(svg, "g", role="img")
    _sub(drawing, "title", words["title"])
    _sub(drawing, "desc", words["description"].format(**counts))

    countries, border = _countries(sizes["width"], sizes["tolerance"])
    for key, d in countries:
        _sub(drawing, "path", d=d, class_="country" + (f" country--{key}" if key else ""), fill_rule="evenodd")
    _sub(drawing, "path", d=border, class_="border")
    _sub(drawing, "rect", class_="frame", x="0.5", y="0.5", width=str(width - 1), height=str(height - 1))

    obstacles = []
    names = _sub(drawing, "g", class_="country-names", font_size=str(sizes["country"]), text_anchor="middle")
    for key, (lon, lat) in _NAME_AT.items():
        x, y = projection(lon, lat)
        text = words["countries"][key]
        w = _text_width(text, sizes["country"] * 1.12)
        obstacles.append((x - w / 2, y - sizes["country"], x + w / 2, y + 2))
        _sub(names, "text", text, class_="country-name", x=_num(x), y=_num(y))

    # Legend: a filled and a hollow point, each with its line of text, in a box in a corner clear of points.
    fs, r = sizes["legend"], sizes["radius"]
    xy = {n: projection(p.lon, p.lat) for n, p in drawn}
    line, inset = fs * 1.5, 8
    lw = max(_text_width(words["legend_seat"], fs), _text_width(words["legend_approximate"], fs)) + 3 * r + 16
    lh = 2 * line + 8
    for corner in _LEGEND_CORNERS:
        lx = inset if corner.endswith("left") else width - inset - lw
        ly = inset if corner.startswith("top") else height - inset - lh
        box = (lx, ly, lx + lw, ly + lh)
        if not any(_overlap(box, (x - 2 * r, y - 2 * r, x + 2 * r, y + 2 * r)) for x, y in xy.values()) \
                and not any(_overlap(box, o) for o in obstacles):
            break
    legend = _sub(drawing, "g", class_="legend", font_size=str(fs))
    _sub(legend, "rect", x=_num(lx), y=_num(ly), width=_num(lw), height=_num(lh), rx="3")
    obstacles.append(box)
    for row, (cls, key) in enumerate((("area", "legend_seat"), ("area area--approx", "legend_approximate"))):
        cy = ly + 4 + line * (row + .5)
        g = _sub(legend, "g", class_=cls)
        _sub(g, "circle", cx=_num(lx + 6 + r), cy=_num(cy), r=_num(r))
        _sub(legend, "text", words[key], x=_num(lx + 12 + 2 * r), y=_num(cy + fs * .35))

    # Points, each a link to its entry (for the mouse: the list below has the same links for everyone).
    labels = {}
    if sizes["number"]:
        labels = _place_labels([(n, *xy[n], str(n)) for n, _ in drawn], sizes["number"], r, obstacles,
                               width, height)
    areas = _sub(svg, "g", class_="areas", font_size=str(sizes["number"] or fs), text_anchor="middle",
                 aria_hidden="true")
    for n, p in drawn:
        x, y = xy[n]
        a = _sub(areas, "a", href=f"{href_prefix}#{p.id}", class_="area area--approx" if p.approximate else "area",
                 tabindex="-1")
        _sub(a, "title", words["item_approximate"].format(name=p.name) if p.approximate else p.name)
        if n in labels:
            cx, cy, w, h, leader = labels[n]
            if leader:  # from the point's edge towards the label's nearest edge
                tx = min(max(x, cx - w / 2), cx + w / 2)
                ty = min(max(y, cy - h / 2), cy + h / 2)
                d = math.hypot(tx - x, ty - y)
                if d > r:
                    _sub(a, "line", x1=_num(x + (tx - x) * r / d), y1=_num(y + (ty - y) * r / d),
                         x2=_num(tx), y2=_num(ty))
        _sub(a, "circle", cx=_num(x), cy=_num(y), r=_num(r))
        if n in labels:
            cx, cy, w, h, _ = labels[n]
            _sub(a, "text", str(n), class_="label", x=_num(cx), y=_num(cy + h / 2))

    # The text alternative: every area, linked, in the order of the numbers on the map.
    # (Not in the figcaption, which names the figure: the name would be the whole list.)
    if small:
        holder = _sub(figure, "details", class_="border-map__areas")
        _sub(holder, "summary", words["summary"].format(**counts))
    else:
        holder = _sub(figure, "div", class_="border-map__areas")
        _sub(holder, "p", words["caption"].format(**counts))
    ol = _sub(holder, "ol", class_="border-map__list")
    for p in points:
        li = _sub(ol, "li")
        key = ("item_not_drawn" if p.lat is None or p.lon is None
               else "item_approximate" if p.approximate else None)
        _linked_item(li, words, key, p.name, f"{href_prefix}#{p.id}")
    _sub(figure, "figcaption", words["source"])
    return ET.tostring(figure, encoding="unicode", method="xml")
