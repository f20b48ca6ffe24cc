"""Keep environment.yml (Binder, conda) in step with requirements.txt.

requirements.txt is the one place where versions are pinned;
environment.yml is generated from it:

    python -m tools.pins --write    # regenerate environment.yml
    python -m tools.pins --check    # exit 1 and say what differs

Standard library only, so it runs before the environment exists.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "requirements.txt"
ENVIRONMENT = ROOT / "environment.yml"
PYTHON_VERSION = "3.11"
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)$")


def read_pins(text: str) -> dict[str, str]:
    """Map package name to exact version; anything but `name==version` is an error."""
    pins = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        match = PIN.match(line)
        if not match:
            raise ValueError(f"line {number}: {raw!r} is not an exact pin (name==version)")
        pins[match.group(1).lower()] = match.group(2)
    return pins


def render_environment(pins: dict[str, str]) -> str:
    """The environment.yml that installs exactly `pins` on Python 3.11."""
    lines = [
        "# Generated from requirements.txt by `make environment.yml`: edit that file, not this one.",
        "name: mml-course",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        f"  - python={PYTHON_VERSION}",
        "  - pip",
        "  - pip:",
    ]
    lines += [f"      - {name}=={version}" for name, version in pins.items()]
    return "\n".join(lines) + "\n"


def environment_pins(text: str) -> dict[str, str]:
    """The pip pins listed in an environment.yml."""
    pins = {}
    for line in text.splitlines():
        match = re.match(r"^\s+-\s+([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)\s*$", line)
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def drift(requirements: str, environment: str) -> list[str]:
    """Human-readable differences between the two files' pins."""
    wanted, listed = read_pins(requirements), environment_pins(environment)
    problems = []
    for name in sorted(wanted.keys() | listed.keys()):
        if name not in listed:
            problems.append(f"{name}=={wanted[name]} is in requirements.txt but not environment.yml")
        elif name not in wanted:
            problems.append(f"{name}=={listed[name]} is in environment.yml but not requirements.txt")
        elif wanted[name] != listed[name]:
            problems.append(f"{name}: requirements.txt pins {wanted[name]}, environment.yml {listed[name]}")
    if f"python={PYTHON_VERSION}" not in environment:
        problems.append(f"environment.yml does not ask for python={PYTHON_VERSION}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Keep environment.yml in step with requirements.txt.")
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="regenerate environment.yml")
    mode.add_argument("--check", action="store_true", help="report drift and exit 1 if any")
    args = parser.parse_args(argv)
    requirements = REQUIREMENTS.read_text(encoding="utf-8")
    if args.write:
        ENVIRONMENT.write_text(render_environment(read_pins(requirements)), encoding="utf-8")
        print(f"wrote {ENVIRONMENT.name}")
        return 0
    if not ENVIRONMENT.exists():
        print("environment.yml is missing: run `make environment.yml`", file=sys.stderr)
        return 1
    problems = drift(requirements, ENVIRONMENT.read_text(encoding="utf-8"))
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
