"""Bar charts as geometry: what a chart template (templates/figures/_bar_chart.html) needs to
draw one as SVG, computed here so that the markup stays in the template."""

from dataclasses import dataclass, field

# The design system's colours (static/css/site.css): navy and gold differ in lightness as
# well as hue, so they stay apart for colour-blind readers and in grey print.
NAVY = "#0b3d6e"  # --al-navy
GOLD = "#f2b705"  # --al-gold
INK = "#1d2430"  # --al-ink

# In SVG units; the drawing is scaled to its column, so a phone shows it at about 0.6.
WIDTH = 560
LABEL_WIDTH = 200  # "Bosnia and Herzegovina" at 15 units
VALUE_ROOM = 56  # right of the longest bar, for its number
BAR_HEIGHT = 20
GAP = 10  # between rows
TOP = 8


@dataclass
class Series:
    name: str
    colour: str = NAVY


@dataclass
class Row:
    label: str
    values: list


@dataclass
class Chart:
    """A horizontal bar chart: a row per year, country or theme, a bar per series."""

    key: str
    title: str
    description: str
    label_heading: str
    series: list
    rows: list = field(default_factory=list)
    # False when a thing counts in several rows (a practice of two themes): no total then.
    summable: bool = True

    @property
    def total(self):
        return [sum(row.values[index] for row in self.rows) for index in range(len(self.series))]

    @property
    def has_legend(self):
        return len(self.series) > 1

    def drawing(self):
        """The geometry of every bar, label and number, in SVG user units."""
        largest = max((value for row in self.rows for value in row.values), default=0) or 1
        room = WIDTH - LABEL_WIDTH - VALUE_ROOM
        per_row = BAR_HEIGHT * len(self.series) + GAP
        rows = []
        for index, row in enumerate(self.rows):
            top = TOP + index * per_row
            bars = []
            for position, (value, series) in enumerate(zip(row.values, self.series, strict=True)):
                y = top + position * BAR_HEIGHT
                width = round(room * value / largest, 1)
                bars.append(
                    {
                        "x": LABEL_WIDTH,
                        "y": y,
                        "width": width,
                        "height": BAR_HEIGHT - 2,
                        "value": value,
                        "text_x": LABEL_WIDTH + width + 6,
                        "text_y": y + BAR_HEIGHT / 2 + 5,
                        "colour": series.colour,
                        # Gold on white is pale (1.8:1): its bars get an ink edge.
                        "edge": INK if series.colour == GOLD else "none",
                        "series": series.name,
                    }
                )
            rows.append(
                {
                    "label": row.label,
                    "label_y": top + (BAR_HEIGHT * len(self.series)) / 2 + 5,
                    "bars": bars,
                }
            )
        height = TOP * 2 + per_row * len(self.rows)
        return {
            "width": WIDTH,
            "height": height,
            "axis_x": LABEL_WIDTH,
            "axis_bottom": height - TOP,
            "label_x": LABEL_WIDTH - 8,
            "rows": rows,
        }
