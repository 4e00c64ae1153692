"""Command-line tools, run from the repository root as modules: python -m scripts.load, python -m scripts.screenshots."""
