"""registry.py - the tests a grader registers, and how a test fails.

    @test(20, holes=["lab1:page"])
    def test_memory(run: Run) -> None:
        ...
        fail("why")          # or raise TestFailure("why")

Entry points: test(), TESTS, Test, TestFailure, fail(), DEFAULT_TIMEOUT.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, NoReturn, Optional

DEFAULT_TIMEOUT = 30            # guest seconds a wait may take


class TestFailure(Exception):
    """Raised by a test (or by Run) to fail the test with a message."""


def fail(message: str) -> NoReturn:
    """Fail the current test, explaining why."""
    raise TestFailure(message)


@dataclass
class Test:
    """One registered test: its function and what the grader needs to know."""
    name: str
    points: int
    holes: list[str]
    timeout: float              # guest seconds, the default for each wait
    function: Callable[["Run"], None]
    hidden: bool = False        # from grade/hidden_labN.py: not in the handout


TESTS: list[Test] = []


def test(points: int, holes: Optional[list[str]] = None, timeout: float = DEFAULT_TIMEOUT,
         name: Optional[str] = None) -> Callable:
    """Register the decorated function `def test_x(run: Run)` as a test.

    points: what the test is worth. holes: the lab holes it depends on
    ("lab1:printf"); a failure points the student at them. timeout: the
    guest seconds each wait of the test may take. name: defaults to the
    function's name without "test_".
    """
    def register(function: Callable[["Run"], None]) -> Callable[["Run"], None]:
        test_name = name or function.__name__.removeprefix("test_")
        if any(t.name == test_name for t in TESTS):
            raise ValueError(f"two tests are called {test_name}")
        hidden = function.__module__.startswith("hidden_lab")
        TESTS.append(Test(test_name, points, list(holes or []), timeout, function, hidden))
        return function
    return register
