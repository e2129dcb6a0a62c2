"""Running the command line in-process, as the robustness tests do: exit code, output, errors."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsdesk.cli import main


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def errors(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("error: ")]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    """`python build.py ARGV` in-process; whatever it does, no traceback and no raw escape
    sequence reaches the terminal."""
    capsys.readouterr()
    code = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert "\x1b" not in captured.err + captured.out
    return Run(code, captured.out, captured.err)
