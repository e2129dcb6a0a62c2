"""One small hierarchy: the CLI turns any NewsdeskError into one clean line and exit 1."""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base class for every error the tool reports to a user."""


class SourceError(NewsdeskError):
    """A seed article cannot be read: names the file and the fix."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


class BriefingError(NewsdeskError):
    """A briefing file is invalid: names the file, the field and what was expected."""

    def __init__(self, path: str, problems: list[str]) -> None:
        super().__init__("\n".join(f"{path}: {p}" for p in problems))
        self.path = path
        self.problems = problems


class TranslationError(NewsdeskError):
    """Every failure of every translation engine ends up as this one type."""

    def __init__(self, engine: str, message: str, *, engine_down: bool = False) -> None:
        super().__init__(f"{engine}: {message}")
        self.engine = engine
        # True: the engine as a whole failed (unreachable, refusing, answering nonsense), skip it;
        # False: only this text failed (too long, echoed), the engine can do the others.
        self.engine_down = engine_down
        # Translations of the first texts of a batch, made before the failure: kept, not lost.
        self.partial: list[str] = []


class ConfigError(NewsdeskError):
    """A bad argument or environment variable: reported before anything runs, exit 2."""


class DataFileError(NewsdeskError):
    """A data file of newsdesk/data/ is invalid: names the file, the key path and the fix."""

    def __init__(self, path: str, problems: list[str]) -> None:
        super().__init__("\n".join(f"{path}: {p}" for p in problems))
        self.path = path
        self.problems = problems


def bug_report(exc: BaseException) -> str:
    """The one line for an exception newsdesk did not expect: what it was, and what to do."""
    return (f"unexpected error ({type(exc).__name__}: {str(exc)[:200]}); this is a bug in newsdesk: run again "
            "with -v for the traceback and report it")
