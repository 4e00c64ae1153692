"""Text of the experiments page."""

EN: dict[str, str] = {}
KO: dict[str, str] = {}
