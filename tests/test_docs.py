"""The README documents every command and option of the command line."""

from __future__ import annotations

from newsdesk.cli import _parser

from .conftest import REPO


def test_every_command_and_option_is_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    parser = _parser()
    for action in parser._actions:
        for flag in action.option_strings:
            if flag not in ("-h", "--help"):
                assert f"`{flag}" in readme, f"{flag} is not documented in README.md"
        if action.dest == "command":
            for choice in action.choices or []:
                assert f"`{choice}`" in readme, f"command {choice} is not documented in README.md"
