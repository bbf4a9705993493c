"""The test suite's own rules: a missing external tool skips a test with its reason,
except under CI, where it fails; Hypothesis runs the profile the make target chose."""
from __future__ import annotations

import os

import pytest
from conftest import require_tool
from hypothesis import settings


def test_a_present_tool_lets_the_test_run(monkeypatch):
    monkeypatch.setenv("CI", "true")
    require_tool(True, "java", "apt-get install default-jre-headless")


def test_a_missing_tool_skips_with_the_reason_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception) as skipped:
        require_tool(False, "java", "apt-get install default-jre-headless")
    assert str(skipped.value) == "java is missing (apt-get install default-jre-headless)"


@pytest.mark.parametrize("ci", ["true", "1", "TRUE"])
def test_a_missing_tool_fails_under_ci(monkeypatch, ci):
    monkeypatch.setenv("CI", ci)
    with pytest.raises(pytest.fail.Exception) as failed:
        require_tool(False, "/usr/bin/chromium", "apt-get install chromium")
    assert str(failed.value) == ("/usr/bin/chromium is missing (apt-get install chromium); "
                                 "under CI a missing tool fails the test")


def test_the_fast_profile_is_bounded_and_deterministic_unless_thorough_is_chosen():
    fast, thorough = settings.get_profile("fast"), settings.get_profile("thorough")
    assert (fast.max_examples, fast.derandomize, fast.database, fast.deadline) == (40, True, None, None)
    assert (thorough.max_examples, thorough.derandomize) == (1500, False)
    assert settings.get_current_profile_name() == os.environ.get("HYPOTHESIS_PROFILE", "fast")
