"""One palette for every chart and diagram (Okabe-Ito, colour-blind safe)."""

POS = "#0072B2"  # blue: positive weights / gradients
NEG = "#D55E00"  # vermillion: negative weights / gradients
CLASS = {0: "#E69F00", 1: "#56B4E9"}  # target 0 = orange, target 1 = sky blue
CLASS_SCALE = ("#E69F00", "#F7F7F7", "#56B4E9")  # heatmap y_pred 0 -> 0.5 -> 1
NEUTRAL = "#7F7F7F"  # grid lines, dead units, inactive marks
ACCENT = "#009E73"  # bluish green: the current epoch, the separating line
DEAD = "#BBBBBB"  # dead ReLU units
SERIES = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
FONT_SIZE = 16  # chart text (labels, titles, legends, marks' text), readable from the back row
TEXT = "#31333F"  # chart labels and titles: 12.6:1 on white (Streamlit's grey #808495 is 3.8:1)
TITLE_SIZE = 18


def sign_color(value: float) -> str:
    """Blue for >= 0, vermillion for < 0."""
    return POS if value >= 0 else NEG


# Appended for the chart builders (xorcore/views/):
UNIT_LINES = ("#CC79A7", "#332288")  # reddish purple, indigo: the lines z1_i = 0 of two hidden units
DEAD_ZONE_OPACITY = 0.45  # shading of ReLU's dead zone (z < 0) on the activation plot
# The signal's path (views.flow) and the chain rule's factors (backprop_rows.equation): one colour per role.
FLOW = {"target": "#009E73", "upstream": "#CC79A7", "local": "#D55E00", "value": "#0072B2"}
FLOW_FILL = {"target": "#D4F0E6", "upstream": "#F6E3EE", "local": "#F9DFCC", "value": "#D6E8F5"}
