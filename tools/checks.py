# Self-checks for the exercises: each says in plain words what is wrong.
# (This cell is copied from tools/checks.py by `make exercises`; edit it there.)
import hashlib
import math

import numpy as np


class CheckFailed(AssertionError):
    """A self-check found a mistake; the message says what to fix."""


def _kind(value):
    """Name a value's type the way a student would read it."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    return f"a {type(value).__name__}"


def call(func, *args, **kwargs):
    """Call the student's function, turning its failures into plain messages."""
    __tracebackhide__ = True
    name = getattr(func, "__name__", "your function")
    if not callable(func):
        raise CheckFailed(f"`{name}` should be a function, but it is {_kind(func)}.")
    try:
        result = func(*args, **kwargs)
    except NotImplementedError:
        raise CheckFailed(
            f"`{name}` is not written yet: replace `raise NotImplementedError()` "
            "with your code."
        ) from None
    except Exception as exc:
        raise CheckFailed(f"calling `{name}` raised {type(exc).__name__}: {exc}") from None
    if result is None:
        raise CheckFailed(f"`{name}` returned None: did you forget `return`?")
    return result


def _as_number(name, actual):
    """The student's answer as a float, or a plain message saying why it is not a number."""
    __tracebackhide__ = True
    if actual is None:
        raise CheckFailed(f"`{name}` is None: replace None with your answer.")
    if isinstance(actual, (bool, np.bool_)):
        raise CheckFailed(f"`{name}` should be a number, got a bool ({actual}).")
    if isinstance(actual, (str, bytes)):
        raise CheckFailed(f"`{name}` should be a number, got the text {actual!r}: remove the quotes.")
    if np.ndim(actual) != 0:
        raise CheckFailed(f"`{name}` should be a single number, got {_kind(np.asarray(actual))}.")
    try:
        value = float(actual)
    except (TypeError, ValueError):
        raise CheckFailed(f"`{name}` should be a number, got {_kind(actual)}.") from None
    if math.isnan(value):
        raise CheckFailed(f"`{name}` is NaN: look for 0/0, log(0) or a NaN in your data.")
    return value


def check_number(name, actual, expected, *, rtol=1e-6, atol=1e-9):
    """Check a single number against the expected value, within a tolerance."""
    __tracebackhide__ = True
    value = _as_number(name, actual)
    if not math.isclose(value, expected, rel_tol=rtol, abs_tol=atol):
        direction = "too large" if value > expected else "too small"
        raise CheckFailed(f"`{name}` = {value:.6g} is {direction}.")


def check_array(name, actual, expected, *, rtol=1e-6, atol=1e-9):
    """Check an array's type, shape, finiteness and values, in that order."""
    __tracebackhide__ = True
    expected = np.asarray(expected)
    if actual is None:
        raise CheckFailed(f"`{name}` is None: did you forget `return`?")
    try:
        array = np.asarray(actual)
    except Exception:
        raise CheckFailed(f"`{name}` should be an array, got {_kind(actual)}.") from None
    if array.dtype == object or not (
        np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.bool_)
    ):
        raise CheckFailed(f"`{name}` should be an array of numbers, got {_kind(actual)}.")
    if array.shape != expected.shape:
        raise CheckFailed(
            f"`{name}`: expected an array of shape {expected.shape}, got {array.shape}."
        )
    if np.iscomplexobj(array) and not np.iscomplexobj(expected):
        if np.abs(array.imag).max() > atol:
            raise CheckFailed(f"`{name}` has complex entries; real numbers were expected.")
        array = array.real
    nan_count = int(np.isnan(array).sum())
    if nan_count:
        raise CheckFailed(f"`{name}` contains {nan_count} NaN value(s).")
    array = array.astype(np.result_type(array, expected, float))
    if np.isinf(array).any() and not np.isinf(expected).any():
        raise CheckFailed(f"`{name}` contains inf: something overflowed or divided by zero.")
    if np.allclose(array, expected, rtol=rtol, atol=atol):
        return
    if array.ndim == 1 and np.allclose(np.sort(array), np.sort(expected), rtol=rtol, atol=atol):
        raise CheckFailed(f"`{name}` has the right values in the wrong order: sort them.")
    if array.ndim >= 1 and np.allclose(-array, expected, rtol=rtol, atol=atol):
        raise CheckFailed(f"`{name}` has the right size but the opposite sign everywhere.")
    # Name the entry furthest outside the tolerance, so it is one that really is wrong.
    with np.errstate(invalid="ignore"):
        excess = np.abs(array - expected) - (atol + rtol * np.abs(expected))
    worst = np.unravel_index(np.nanargmax(np.where(np.isfinite(excess), excess, np.inf)), array.shape)
    index = int(worst[0]) if len(worst) == 1 else tuple(int(i) for i in worst)
    raise CheckFailed(f"`{name}` is not right yet: entry {index} is {array[worst]:.6g}, "
                      "outside the tolerance.")


def digest(value, digits=4):
    """A fingerprint of `value` rounded to `digits` significant digits (for hiding an answer)."""
    return hashlib.sha256(f"{float(value):.{digits}g}".encode()).hexdigest()[:16]


def matches(actual, fingerprint, digits=4):
    """True if `actual`, rounded to `digits` significant digits, has this fingerprint."""
    try:
        value = float(actual)
    except (TypeError, ValueError):
        return False
    # Nudge by a relative 1e-9 both ways: a value a hair below a rounding boundary still matches.
    return any(digest(value * (1 + s), digits) == fingerprint for s in (0.0, 1e-9, -1e-9))


def check_hidden_answer(name, actual, fingerprint, *, digits=4):
    """Check a number whose expected value the notebook must not reveal (see `digest`)."""
    __tracebackhide__ = True
    value = _as_number(name, actual)
    if not matches(value, fingerprint, digits):
        raise CheckFailed(f"`{name}` = {value:.6g} is not right yet "
                          f"(it is compared to {digits} significant digits).")


def check(condition, message):
    """Fail with `message` unless `condition` holds."""
    __tracebackhide__ = True
    if not condition:
        raise CheckFailed(message)


def passed(what, *, more_when_graded=False):
    """Report a passed check; say so when the grader runs more cases than the student sees."""
    more = " (When your work is graded, more cases are checked.)" if more_when_graded else ""
    print(f"Correct: {what}{more}")
