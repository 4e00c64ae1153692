"""Tools that drive the app from outside (a server, a headless browser): for tests/e2e and scripts/, never for the app."""
