"""The exercise self-checks say what is wrong in plain words and never crash themselves."""
from __future__ import annotations

import numpy as np
import pytest

from tools.checks import (
    CheckFailed, call, check, check_array, check_hidden_answer, check_number, digest, matches, passed,
)


def message(action) -> str:
    with pytest.raises(CheckFailed) as failure:
        action()
    return str(failure.value)


def stub(x):
    raise NotImplementedError()


def forgot_return(x):
    x + 1


def crashes(x):
    return x / "two"


@pytest.mark.parametrize("func, words", [
    (stub, "not written yet"),
    (forgot_return, "did you forget `return`"),
    (crashes, "raised TypeError"),
    (42, "should be a function"),
])
def test_call_explains_a_broken_function(func, words):
    assert words in message(lambda: call(func, 1))


def test_call_returns_the_result():
    assert call(lambda x: x + 1, 1) == 2


@pytest.mark.parametrize("actual, words", [
    (None, "is None"),
    ("32", "got the text '32'"),
    (True, "got a bool"),
    (np.array([1.0, 2.0]), "single number"),
    (float("nan"), "is NaN"),
    (33.0, "too large"),
    (31.0, "too small"),
    ([1, 2], "single number"),
    ({"a": 1}, "should be a number"),
])
def test_check_number_names_the_problem(actual, words):
    assert words in message(lambda: check_number("answer", actual, 32.0))


def test_check_number_accepts_numpy_and_int():
    check_number("answer", np.float64(32.0), 32.0)
    check_number("answer", 32, 32.0)


@pytest.mark.parametrize("actual, words", [
    (None, "is None"),
    (np.ones((3, 1)), "expected an array of shape (3,), got (3, 1)"),
    (["a", "b", "c"], "array of numbers"),
    (np.array([1.0, np.nan, 3.0]), "1 NaN"),
    (np.array([3.0, 1.0, 2.0]), "wrong order"),
    (np.array([1.0, 2.0, 4.0]), "entry 2 is 4"),
    (np.array([1.0, 2.0, 3.0]) + 1j, "complex"),
    (object(), "array of numbers"),
])
def test_check_array_names_the_problem(actual, words):
    assert words in message(lambda: check_array("vals", actual, np.array([1.0, 2.0, 3.0])))


def test_check_array_names_a_matrix_entry_plainly():
    wrong = np.eye(2)
    wrong[1, 0] = 5.0
    assert "entry (1, 0) is 5" in message(lambda: check_array("M", wrong, np.eye(2)))


def test_check_array_accepts_lists_and_tiny_imaginary_parts():
    check_array("vals", [1, 2, 3], np.array([1.0, 2.0, 3.0]))
    check_array("vals", np.array([1, 2, 3]) + 0j, np.array([1.0, 2.0, 3.0]))
    check_array("mask", np.array([True, False]), np.array([True, False]))


def test_check_and_passed(capsys):
    assert message(lambda: check(False, "your eigenvalues are not sorted")) == (
        "your eigenvalues are not sorted"
    )
    check(True, "unused")
    passed("sorted eigenvalues")
    assert capsys.readouterr().out == "Correct: sorted eigenvalues\n"


def test_check_array_names_an_entry_that_is_really_out_of_tolerance():
    # Entry 2 has the largest absolute error but is within rtol; entry 0 is the wrong one.
    actual, expected = np.array([1.5, 2.0, 1000.0005]), np.array([1.0, 2.0, 1000.0])
    assert "entry 0 is 1.5, outside the tolerance" in message(
        lambda: check_array("v", actual, expected, rtol=1e-6))


@pytest.mark.parametrize("actual, words", [
    (np.array([-1.0, -2.0, -3.0]), "opposite sign"),
    (np.array([1.0, np.inf, 3.0]), "contains inf"),
])
def test_check_array_names_sign_and_overflow_slips(actual, words):
    assert words in message(lambda: check_array("v", actual, np.array([1.0, 2.0, 3.0])))


def test_a_hidden_answer_is_checked_without_being_revealed():
    fingerprint = digest(2 / 4)
    assert "0.5" not in fingerprint
    check_hidden_answer("lr_max", 0.5, fingerprint)
    check_hidden_answer("lr_max", 0.49999999999, fingerprint)   # typed with rounding noise
    check_hidden_answer("lr_max", np.float64(0.5), fingerprint)
    assert "0.25 is not right yet" in message(lambda: check_hidden_answer("lr_max", 0.25, fingerprint))
    assert "is None" in message(lambda: check_hidden_answer("lr_max", None, fingerprint))
    assert "got the text" in message(lambda: check_hidden_answer("lr_max", "0.5", fingerprint))
    assert matches(0.5, fingerprint) and not matches(0.5004, fingerprint)


def test_passed_says_when_the_grader_checks_more(capsys):
    passed("sorted eigenvalues", more_when_graded=True)
    assert capsys.readouterr().out == (
        "Correct: sorted eigenvalues (When your work is graded, more cases are checked.)\n")
