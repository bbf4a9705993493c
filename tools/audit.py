"""``make audit``: known vulnerabilities in the pinned dependencies (pip-audit).

Runs ``pip-audit -r requirements.lock --require-hashes`` against PyPI's advisory
data and prints every finding (package, version, advisory, fixed versions) and
every package it could not audit. Exit status: 1 when a pinned dependency has
a known vulnerability; 0 otherwise, including when the advisory service cannot
be reached or answers for no package (a network failure must not fail CI: the
run says so loudly instead).
"""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PIP_AUDIT = Path(sys.executable).with_name("pip-audit")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "audit.json"
        try:
            done = subprocess.run([str(PIP_AUDIT), "-r", str(ROOT / "requirements.lock"), "--require-hashes",
                                   "--disable-pip", "--progress-spinner", "off", "--timeout", "20",
                                   "-f", "json", "-o", str(report)],
                                  capture_output=True, text=True, timeout=600)
        except subprocess.TimeoutExpired:
            return unreachable("pip-audit took more than 10 minutes")
        try:
            data = json.loads(report.read_text(encoding="utf-8")) if report.exists() else None
        except ValueError:
            data = None
    if data is None:
        return unreachable((done.stderr.strip().splitlines() or [f"exit status {done.returncode}"])[-1])
    dependencies = data.get("dependencies", [])
    found = [(d, v) for d in dependencies for v in d.get("vulns", [])]
    skipped = [d for d in dependencies if "skip_reason" in d]
    audited = len(dependencies) - len(skipped)
    for dependency, vuln in found:
        fixes = ", ".join(vuln.get("fix_versions") or []) or "none yet"
        aliases = ", ".join(vuln.get("aliases") or [])
        print(f"VULNERABLE {dependency['name']}=={dependency['version']}: {vuln['id']}"
              f"{f' ({aliases})' if aliases else ''}; fixed in {fixes}")
        description = (vuln.get("description") or "").strip().splitlines()
        if description:
            print(f"    {description[0][:200]}")
    reasons = Counter(_reason(d["skip_reason"]) for d in skipped)
    for reason, count in sorted(reasons.items()):
        print(f"not audited: {count} package(s): {reason}")
    print(f"audit: {len(dependencies)} pinned packages, {audited} audited, "
          f"{len(found)} known vulnerabilit{'y' if len(found) == 1 else 'ies'}")
    if found:
        return 1
    if dependencies and not audited:
        return unreachable("the advisory service answered for no package")
    return 0


def _reason(text: str) -> str:
    """'Dependency not found on PyPI and could not be audited: x (1.0)' → without the package."""
    return text.rsplit(":", 1)[0] if text.endswith(")") and ":" in text else text


def unreachable(why: str) -> int:
    print(f"audit: WARNING: the vulnerability service could not be used ({why}); "
          "nothing was audited — run `make audit` where PyPI's JSON API is reachable", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
