"""Charts as server-rendered SVG: a map of the districts in five shades, and lines over the periods.

Each chart is an `<svg>` named by its `<title>` and described by its `<desc>` (a line chart a
picture, `role="img"` with `aria-labelledby` naming both; the map a group of links, `role="group"`
named by its title and described by its description, since a picture may hold no links), with fills
and strokes as attributes (no `style=`, for the Content-Security-Policy), and it stands beside a
table of the same numbers: the chart shows the pattern, the table is its accessible twin. The legend is HTML (`Chart.legend`, each item with a small picture of its
shade or line), so that it reflows on a phone and runs right to left by itself.

Right to left, the line charts run from the right (the first period at the right edge), their value
axis stands at the right, and every text is anchored for that direction; a map keeps its geography,
only the tiles of districts without a boundary are laid out from the right.

The map projects longitude and latitude equirectangularly, the longitudes scaled by the cosine of the
middle latitude (at a town's size, the distortion is far below a line's width), fitted into the
width. A district is one `<path>` (all its polygons and holes) inside a link to its page, named by
the district's name and value (its `<title>`, also the tooltip); districts without a boundary become
tiles of the same shades below it.
"""

import math
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ankommen.seismograph.models import Direction

# Five sequential shades per direction (ColorBrewer: Blues, OrRd, BuGn), light for low values.
SHADES = {
    Direction.NEUTRAL: ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"),
    Direction.HIGHER_IS_WORSE: ("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"),
    Direction.HIGHER_IS_BETTER: ("#edf8fb", "#b2e2e2", "#66c2a4", "#2ca25f", "#006d2c"),
}
BORDER = "#1a1a1a"
TEXT = "#1a1a1a"
GRID = "#d4d4d4"
AXIS = "#6f6f6f"  # 4.9:1 on white
HATCH = "#6f6f6f"
TOWN = "#1a1a1a"
# Lines of districts: each at least 4.5:1 on white; the second six dashed.
LINE_COLOURS = ("#0072b2", "#b34700", "#00704f", "#a23b8f", "#6e5300", "#4b4b9e")
DASHES = ("", "6 3")
FONT = 11


@dataclass(frozen=True)
class LegendItem:
    label: str
    swatch: str  # a small SVG, hidden from screen readers (the label says it)


@dataclass(frozen=True)
class Chart:
    svg: str
    legend: list


def _svg(chart_id, width, height, title, description, body, *, rtl, links=False):
    """The chart's frame: a picture named by its title and description, or a group of links (`links`)."""
    named = (
        f'role="group" aria-labelledby="{chart_id}-titel" aria-describedby="{chart_id}-beschreibung"'
        if links
        else f'role="img" aria-labelledby="{chart_id}-titel {chart_id}-beschreibung"'
    )
    return mark_safe(  # noqa: S308 (every text escaped as it was added)
        f'<svg xmlns="http://www.w3.org/2000/svg" class="seismo-chart" id="{chart_id}" '
        f'viewBox="0 0 {width} {height:.0f}" {named} direction="{"rtl" if rtl else "ltr"}" '
        f'font-size="{FONT}">'
        f'<title id="{chart_id}-titel">{escape(title)}</title>'
        f'<desc id="{chart_id}-beschreibung">{escape(description)}</desc>'
        f"{''.join(body)}</svg>"
    )


def ink(fill):
    """Black or white, whichever stands out more on `fill` ("#rrggbb")."""
    red, green, blue = (int(fill[start : start + 2], 16) / 255 for start in (1, 3, 5))

    def linear(channel):
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"


# --- the map -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Area:
    """A district on the map: its key (as `Outlines.paths` knows it), name, page, `<title>` and shade."""

    key: str
    name: str
    url: str
    label: str
    step: int | None  # 0 to 4; None: no value


class Outlines(NamedTuple):
    """The districts' boundaries projected into the map's width: {key: SVG path}, the map's height, and
    whether any boundary is marked as schematic (`"schematisch": true` in a Feature's properties)."""

    paths: dict
    height: float
    schematic: bool = False


MAP_WIDTH = 480
PAD, GAP = 8, 8


def rings(geometry):
    """The rings of a GeoJSON Polygon or MultiPolygon (or a Feature holding one) as lists of (lon, lat).

    None for anything that is no usable area: the map then shows the district as a tile.
    """
    if isinstance(geometry, dict) and geometry.get("type") == "Feature":
        geometry = geometry.get("geometry")
    if not isinstance(geometry, dict):
        return None
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if not isinstance(coordinates, list):
        return None
    polygons = [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else []
    found = []
    for polygon in polygons:
        for ring in polygon if isinstance(polygon, list) else ():
            points = _points(ring)
            if points is not None and len(points) >= 3:
                found.append(points)
    return found or None


def _points(ring):
    if not isinstance(ring, list):
        return None
    points = []
    for point in ring:
        try:
            lon, lat = float(point[0]), float(point[1])
        except (TypeError, ValueError, IndexError, KeyError):
            return None
        if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
            return None
        points.append((lon, lat))
    return points


def _schematic(geometry):
    return isinstance(geometry, dict) and bool((geometry.get("properties") or {}).get("schematisch"))


def project(shapes, width=MAP_WIDTH):
    """`shapes` ({key: GeoJSON}) projected and fitted into `width`: the `Outlines` of those that are areas."""
    found = {key: each for key, each in ((key, rings(geometry)) for key, geometry in shapes.items()) if each}
    schematic = any(_schematic(geometry) for geometry in shapes.values())
    if not found:
        return Outlines({}, 0.0, schematic)
    inner = width - 2 * PAD
    lons = [lon for each in found.values() for ring in each for lon, _lat in ring]
    lats = [lat for each in found.values() for ring in each for _lon, lat in ring]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    shrink = math.cos(math.radians((south + north) / 2))
    span_x = max((east - west) * shrink, 1e-9)
    span_y = max(north - south, 1e-9)
    scale = min(inner / span_x, inner * 0.8 / span_y)
    across = scale * shrink
    left = PAD + (inner - span_x * scale) / 2 - west * across
    top = PAD + north * scale
    paths = {
        key: "".join(
            "M" + "L".join(f"{left + lon * across:.1f},{top - lat * scale:.1f}" for lon, lat in ring) + "Z"
            for ring in each
        )
        for key, each in found.items()
    }
    return Outlines(paths, span_y * scale, schematic)


def choropleth(areas, outlines, *, chart_id, title, description, direction, rtl=False, width=MAP_WIDTH):
    """The map of `areas` (`Area`s) over their `outlines`, as an SVG; areas without one become tiles."""
    shades = SHADES.get(direction, SHADES[Direction.NEUTRAL])
    inner = width - 2 * PAD
    drawn = [area for area in areas if area.key in outlines.paths]
    tiles = [area for area in areas if area.key not in outlines.paths]
    pattern = f"{chart_id}-keine-werte"
    body = [
        f'<defs><pattern id="{pattern}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{HATCH}" stroke-width="1.5"/></pattern></defs>'
    ]

    def fill_of(area):
        return shades[area.step] if area.step is not None else f"url(#{pattern})"

    for area in drawn:
        body.append(
            f'<a href="{escape(area.url)}" aria-label="{escape(area.label)}"><title>{escape(area.label)}</title>'
            f'<path d="{outlines.paths[area.key]}" fill="{fill_of(area)}" fill-rule="evenodd" stroke="{BORDER}" '
            f'stroke-width="1" stroke-linejoin="round" data-district="{escape(area.key)}"/></a>'
        )
    bottom = PAD + outlines.height if drawn else PAD
    if tiles:
        if drawn:
            bottom += GAP + FONT
            x = width - PAD if rtl else PAD
            body.append(
                f'<text x="{x}" y="{bottom:.1f}" fill="{TEXT}" text-anchor="start">'
                f"{escape(_('Stadtteile ohne hinterlegte Grenze:'))}</text>"
            )
            bottom += GAP / 2
        bottom = _tiles(body, tiles, fill_of, shades, inner, width, bottom, rtl=rtl)
    return _svg(chart_id, width, bottom + PAD, title, description, body, rtl=rtl, links=True)


def _tiles(body, tiles, fill_of, shades, inner, width, top, *, rtl):
    """Districts without a boundary as tiles in rows, from the line's start; returns their lower edge."""
    tile_width, tile_height = 150, 40
    columns = max(1, int((inner + GAP) // (tile_width + GAP)))
    for index, area in enumerate(tiles):
        row, column = divmod(index, columns)
        x = PAD + column * (tile_width + GAP)
        if rtl:
            x = width - x - tile_width
        y = top + row * (tile_height + GAP)
        colour = ink(shades[area.step]) if area.step is not None else TEXT
        name = area.name if len(area.name) <= 22 else area.name[:21] + "…"
        body.append(
            f'<a href="{escape(area.url)}" aria-label="{escape(area.label)}"><title>{escape(area.label)}</title>'
            f'<path d="M{x:.1f},{y:.1f}h{tile_width}v{tile_height}h-{tile_width}Z" fill="{fill_of(area)}" '
            f'stroke="{BORDER}" stroke-width="1" data-district="{escape(area.key)}"/>'
            f'<text x="{x + tile_width / 2:.1f}" y="{y + tile_height / 2 + FONT / 3:.1f}" '
            f'text-anchor="middle" fill="{colour}">{escape(name)}</text></a>'
        )
    rows = math.ceil(len(tiles) / columns)
    return top + rows * tile_height + (rows - 1) * GAP


def shade_swatch(direction, step):
    fill = SHADES.get(direction, SHADES[Direction.NEUTRAL])[step]
    return mark_safe(  # noqa: S308 (a colour of ours)
        '<svg class="seismo-swatch" viewBox="0 0 20 14" width="20" height="14" aria-hidden="true">'
        f'<rect x="0.5" y="0.5" width="19" height="13" fill="{fill}" stroke="{BORDER}"/></svg>'
    )


def empty_swatch(chart_id):
    pattern = f"{chart_id}-keine-werte-legende"
    return mark_safe(  # noqa: S308 (an id of ours)
        '<svg class="seismo-swatch" viewBox="0 0 20 14" width="20" height="14" aria-hidden="true">'
        f'<defs><pattern id="{pattern}" width="6" height="6" patternUnits="userSpaceOnUse" '
        f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
        f'<line x1="0" y1="0" x2="0" y2="6" stroke="{HATCH}" stroke-width="1.5"/></pattern></defs>'
        f'<rect x="0.5" y="0.5" width="19" height="13" fill="url(#{pattern})" stroke="{BORDER}"/></svg>'
    )


# --- lines over the periods ----------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    label: str
    values: list  # one per period: a number or None
    town: bool = False  # the town's line: black and thicker


def line_style(index, town=False):
    """(colour, width, dashes) of the `index`th district's line, or of the town's."""
    if town:
        return TOWN, 3, ""
    return LINE_COLOURS[index % len(LINE_COLOURS)], 2, DASHES[(index // len(LINE_COLOURS)) % len(DASHES)]


def line_swatch(colour, width, dashes):
    dash = f' stroke-dasharray="{dashes}"' if dashes else ""
    return mark_safe(  # noqa: S308 (a colour of ours)
        '<svg class="seismo-swatch" viewBox="0 0 28 10" width="28" height="10" aria-hidden="true">'
        f'<line x1="1" y1="5" x2="27" y2="5" stroke="{colour}" stroke-width="{width}"{dash}/></svg>'
    )


def ticks(low, high, count=4):
    """Round values for the value axis from at most `low` to at least `high`, and their decimals."""
    if low == high:
        low, high = (low - 1, high + 1) if low else (0.0, 1.0)
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(each * magnitude for each in (1, 2, 2.5, 5, 10) if each * magnitude >= raw * (1 - 1e-9))
    first, last = math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)
    decimals = max(0, -Decimal(repr(step)).normalize().as_tuple().exponent)
    return [round(number * step, 10) for number in range(first, last + 1)], decimals


def line_chart(
    periods,
    series,
    *,
    chart_id,
    title,
    description,
    number,
    rtl=False,
    width=480,
    height=220,
):
    """Lines of `series` (`Series`) over `periods` as a `Chart`; `number(value, decimals)` writes an axis' value."""
    values = [value for each in series for value in each.values if value is not None]
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    if low >= 0 and low <= high / 2:
        low = 0.0  # a share that starts from nothing is read from zero
    marks, decimals = ticks(low, high)
    low, high = marks[0], marks[-1]
    start_margin, end_margin, top, bottom = 56, 14, 10, 26
    plot_width, plot_height = width - start_margin - end_margin, height - top - bottom

    def x_of(index):
        along = start_margin + (
            plot_width / 2 if len(periods) == 1 else plot_width * index / (len(periods) - 1)
        )
        return width - along if rtl else along

    def y_of(value):
        return top + plot_height * (1 - (value - low) / (high - low))

    body = []
    axis_x = width - start_margin + 6 if rtl else start_margin - 6
    for mark in marks:
        y = y_of(mark)
        body.append(
            f'<line x1="{_edge(width, start_margin, rtl):.1f}" y1="{y:.1f}" '
            f'x2="{_far(width, end_margin, rtl):.1f}" y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>'
            # Numbers read left to right in any script: anchored at the axis, on its outer side.
            f'<text x="{axis_x:.1f}" y="{y + FONT / 3:.1f}" direction="ltr" '
            f'text-anchor="{"start" if rtl else "end"}" fill="{TEXT}">{escape(number(mark, decimals))}</text>'
        )
    base = y_of(low)
    body.append(
        f'<line x1="{_edge(width, start_margin, rtl):.1f}" y1="{base:.1f}" x2="{_far(width, end_margin, rtl):.1f}" '
        f'y2="{base:.1f}" stroke="{AXIS}" stroke-width="1"/>'
    )
    label_width = 6.5 * max((len(period) for period in periods), default=4) + 8
    every = max(1, math.ceil(len(periods) / max(1, plot_width // label_width)))
    for index, period in enumerate(periods):
        if (len(periods) - 1 - index) % every == 0:
            body.append(
                f'<text x="{x_of(index):.1f}" y="{height - 8}" text-anchor="middle" direction="ltr" '
                f'fill="{TEXT}">{escape(period)}</text>'
            )
    legend = []
    districts = 0
    for each in series:
        colour, stroke, dashes = line_style(districts, each.town)
        if not each.town:
            districts += 1
        points = [(x_of(index), y_of(value)) for index, value in enumerate(each.values) if value is not None]
        path, running = [], False
        for index, value in enumerate(each.values):
            if value is None:
                running = False
                continue
            path.append(f"{'L' if running else 'M'}{x_of(index):.1f},{y_of(value):.1f}")
            running = True
        dash = f' stroke-dasharray="{dashes}"' if dashes else ""
        body.append(
            f'<g data-series="{escape(each.label)}"><path d="{"".join(path)}" fill="none" stroke="{colour}" '
            f'stroke-width="{stroke}" stroke-linejoin="round" stroke-linecap="round"{dash}/>'
            + "".join(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{3 if each.town else 2.5}" fill="{colour}"/>'
                for x, y in points
            )
            + "</g>"
        )
        legend.append(LegendItem(each.label, line_swatch(colour, stroke, dashes)))
    return Chart(_svg(chart_id, width, height, title, description, body, rtl=rtl), legend)


def _edge(width, start_margin, rtl):
    """Where the plot begins on the line's start side."""
    return width - start_margin if rtl else start_margin


def _far(width, end_margin, rtl):
    return end_margin if rtl else width - end_margin
