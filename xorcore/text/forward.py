"""Text of the forward page."""

EN: dict[str, str] = {}
KO: dict[str, str] = {}
