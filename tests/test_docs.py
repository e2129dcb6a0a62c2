"""The README documents every command and option of the command line."""

from __future__ import annotations

import pytest

from newsdesk.cli import COMMAND_HELP, COMMANDS, _parser, main

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


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_describes_that_command(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([command, "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert out.startswith(f"usage: python build.py {command} ")
    assert " ".join(COMMAND_HELP[command][1].split()) in out


def test_options_before_and_after_the_command_are_the_same() -> None:
    parser = _parser()
    before = parser.parse_args(["--offline", "--root", "x", "check"])
    after = parser.parse_args(["check", "--offline", "--root", "x"])
    assert vars(before) == vars(after)
    assert parser.parse_args([]).command == "build"
