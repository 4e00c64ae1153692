"""Text of the backprop page."""

EN: dict[str, str] = {}
KO: dict[str, str] = {}
