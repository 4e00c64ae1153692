"""Text of the training page."""

EN: dict[str, str] = {}
KO: dict[str, str] = {}
