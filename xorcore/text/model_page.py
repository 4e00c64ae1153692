"""Text of the model page."""

EN: dict[str, str] = {}
KO: dict[str, str] = {}
