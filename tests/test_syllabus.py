"""Syllabus coverage: each chapter calls the functions its syllabus section names,
and checks the worked results the syllabus quotes.

The patterns are regular expressions searched in the chapter's code cells
(for calls) or in its code and outputs (for results). A chapter that drops a
topic fails here, naming what is missing.
"""
from __future__ import annotations

import re

import pytest

from tests.notebooks import ROOT, read

CALLS = {
    "01_linear_algebra": [
        r"np\.dot\(", r"np\.linalg\.norm\(", r"\s@\s", r"\.T\b", r"np\.eye\(",
        r"np\.linalg\.inv\(", r"np\.linalg\.det\(", r"np\.linalg\.matrix_rank\(",
        r"np\.linalg\.solve\(", r"np\.linalg\.eig\(", r"np\.linalg\.eigh\(", r"np\.linalg\.svd\(",
    ],
    "02_matrix_computations": [
        r"np\.linalg\.qr\(", r"solve_triangular\(", r"np\.linalg\.lstsq\(", r"np\.linalg\.cond\(",
        r"np\.linalg\.eigh\(", r"np\.linalg\.eig\(", r"coo_(matrix|array)\(", r"\.tocsr\(",
        r"\.toarray\(", r"\.T\b",
    ],
    "03_probability": [
        r"stats\.norm\b", r"\.pdf\(", r"\.cdf\(", r"\.ppf\(", r"stats\.bernoulli\b",
        r"stats\.binom\b", r"stats\.poisson\b", r"stats\.expon\b", r"stats\.beta\b",
        r"stats\.dirichlet\b", r"default_rng\(",
    ],
    "04_inference": [
        r"stats\.ttest_ind\(", r"stats\.chisquare\(", r"stats\.kstest\(", r"stats\.norm\.fit\(",
        r"stats\.beta\.ppf\(|\.ppf\(",
    ],
    "05_calculus": [
        r"sp\.diff\(|\.diff\(", r"sp\.hessian\(", r"\.jacobian\(", r"sp\.lambdify\(",
        r"sp\.integrate\(", r"sp\.limit\(", r"\.series\(|sp\.series\(",
    ],
    "06_optimization": [
        r"minimize\(", r"BFGS", r"jac\s*=", r"\.copy\(\)", r"contour",
    ],
    "07_information_theory": [
        r"stats\.entropy\(|entropy\(", r"mutual_info_score\(", r"rel_entr\(|kl", r"log_loss\(",
        r"xlogy\(|entr\(|rel_entr\(",
    ],
    "08_learning_theory": [
        r"PolynomialFeatures\(", r"LinearRegression\(", r"Pipeline\(|make_pipeline\(",
        r"cross_val_score\(", r"KFold\(", r"shuffle\s*=\s*True", r"Ridge\b", r"Lasso\b",
        r"ElasticNet\b", r"GridSearchCV\(", r"train_test_split\(", r"load_diabetes\(",
    ],
    "09_from_scratch": [
        r"expit\(|logaddexp\(", r"LogisticRegression\(", r"load_breast_cancer\(",
        r"StandardScaler\(", r"np\.linalg\.svd\(", r"PCA\(", r"load_iris\(",
    ],
    "A_calculators": [
        r"stats\.norm\.(cdf|ppf)\(", r"stats\.t\.(cdf|ppf|sf)\(", r"stats\.chi2\.(cdf|ppf|sf)\(",
        r"sp\.integrate\(", r"sp\.diff\(", r"plt\.",
    ],
}

RESULTS = {
    "01_linear_algebra": [r"\b32\b"],
    "04_inference": [r"Beta\(7(\.0)?, 3(\.0)?\)|\b7\b.*\b3\b"],
    "05_calculus": [r"2\*x \+ cos\(x\)|cos\(x\) \+ 2\*x", r"2 - sin\(x\)|-sin\(x\) \+ 2"],
    "09_from_scratch": [r"0\.9246", r"0\.0531"],
    "A_calculators": [r"1\.96", r"2\.228", r"3\.841"],
}


def code_and_outputs(name: str) -> tuple[str, str]:
    nb = read(ROOT / "chapters" / f"{name}.ipynb")
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    outputs = "\n".join(
        o.get("text", "") + str(o.get("data", {}).get("text/plain", ""))
        for c in nb.cells for o in c.get("outputs", [])
    )
    return code, outputs


def test_every_chapter_is_covered_here():
    chapters = {p.stem for p in (ROOT / "chapters").glob("*.ipynb")}
    assert chapters == set(CALLS), "add the new chapter's syllabus calls to this test"


@pytest.mark.parametrize("name", sorted(CALLS))
def test_chapter_calls_what_its_section_names(name):
    code, _ = code_and_outputs(name)
    missing = [pattern for pattern in CALLS[name] if not re.search(pattern, code)]
    assert not missing, f"chapters/{name}.ipynb never calls: {missing}"


@pytest.mark.parametrize("name", sorted(RESULTS))
def test_chapter_shows_the_worked_results(name):
    code, outputs = code_and_outputs(name)
    missing = [p for p in RESULTS[name] if not re.search(p, code + "\n" + outputs)]
    assert not missing, f"chapters/{name}.ipynb does not show: {missing}"


def test_every_chapter_asserts_its_claims():
    weak = []
    for name in sorted(CALLS):
        code, _ = code_and_outputs(name)
        if len(re.findall(r"^\s*assert\b", code, flags=re.M)) < 5:
            weak.append(name)
    assert not weak, f"chapters with fewer than five asserted checks: {weak}"
