"""Browser tests (Debian's Chromium through Playwright), a package so that its conftest is its own."""
