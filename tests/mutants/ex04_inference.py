"""Wrong and right answers for solutions/04_inference.ipynb (see tests/mutants/__init__.py)."""
from tests.mutants import Right, Wrong

WELCH_HEAD = '''def welch_t_test(a, b):
    """Welch's two-sided two-sample t-test; returns (t, p_value, df)."""
'''

CHI2_HEAD = '''def chi_square_gof(observed, probs):
    """Chi-square goodness-of-fit test of counts against model probabilities."""
'''

KS_HEAD = '''def ks_two_sample(x, y):
    """Largest gap between the empirical CDFs of the samples x and y."""
'''

BETA_HEAD = '''def beta_update(a, b, data):
    """Posterior Beta parameters after Bernoulli observations `data`."""
'''

CANCER_HEAD = '''t_stat = None
p_value = None
reject = None
cancer = load_breast_cancer()
radius = cancer.data[:, list(cancer.feature_names).index("mean radius")]
bad, good = radius[cancer.target == 0], radius[cancer.target == 1]
'''

ANSWERS = {
    "ex1-answer": [
        Wrong("the pooled t-test", WELCH_HEAD + '''    a, b = np.asarray(a, float), np.asarray(b, float)
    n1, n2 = a.size, b.size
    sp2 = ((n1 - 1) * a.var(ddof=1) + (n2 - 1) * b.var(ddof=1)) / (n1 + n2 - 2)
    t = (a.mean() - b.mean()) / np.sqrt(sp2 * (1 / n1 + 1 / n2))
    df = n1 + n2 - 2
    return t, 2 * stats.t.sf(abs(t), df), df
''', "pooled"),
        Wrong("Welch's t with the pooled degrees of freedom", WELCH_HEAD + '''    a, b = np.asarray(a, float), np.asarray(b, float)
    v1, v2 = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
    t = (a.mean() - b.mean()) / np.sqrt(v1 + v2)
    df = a.size + b.size - 2
    return t, 2 * stats.t.sf(abs(t), df), df
''', "n1 + n2 - 2"),
        Wrong("a one-sided p-value", WELCH_HEAD + '''    a, b = np.asarray(a, float), np.asarray(b, float)
    v1, v2 = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
    t = (a.mean() - b.mean()) / np.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1**2 / (a.size - 1) + v2**2 / (b.size - 1))
    return t, stats.t.sf(abs(t), df), df
''', "both tails"),
        Wrong("variances with divisor n", WELCH_HEAD + '''    a, b = np.asarray(a, float), np.asarray(b, float)
    v1, v2 = a.var() / a.size, b.var() / b.size
    t = (a.mean() - b.mean()) / np.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1**2 / (a.size - 1) + v2**2 / (b.size - 1))
    return t, 2 * stats.t.sf(abs(t), df), df
''', "divisor n - 1"),
        Wrong("the normal tail instead of Student's t", WELCH_HEAD + '''    a, b = np.asarray(a, float), np.asarray(b, float)
    v1, v2 = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
    t = (a.mean() - b.mean()) / np.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1**2 / (a.size - 1) + v2**2 / (b.size - 1))
    return t, 2 * stats.norm.sf(abs(t)), df
''', "normal distribution"),
        Wrong("mean(b) - mean(a)", WELCH_HEAD + '''    a, b = np.asarray(a, float), np.asarray(b, float)
    v1, v2 = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
    t = (b.mean() - a.mean()) / np.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1**2 / (a.size - 1) + v2**2 / (b.size - 1))
    return t, 2 * stats.t.sf(abs(t), df), df
''', "wrong sign"),
        Wrong("the forbidden library shortcut", WELCH_HEAD + '''    result = stats.ttest_ind(a, b, equal_var=False)
    return result.statistic, result.pvalue, result.df
''', "ttest_ind"),
        Wrong("array methods on lists", WELCH_HEAD + '''    v1, v2 = a.var(ddof=1) / a.size, b.var(ddof=1) / b.size
    t = (a.mean() - b.mean()) / np.sqrt(v1 + v2)
    df = (v1 + v2) ** 2 / (v1**2 / (a.size - 1) + v2**2 / (b.size - 1))
    return t, 2 * stats.t.sf(abs(t), df), df
''', "lists as input"),
        Right("sums written out, the p-value from the cdf of -|t|", WELCH_HEAD + '''    a = [float(value) for value in a]
    b = [float(value) for value in b]
    n1, n2 = len(a), len(b)
    mean1, mean2 = sum(a) / n1, sum(b) / n2
    s1 = sum((value - mean1) ** 2 for value in a) / (n1 - 1)
    s2 = sum((value - mean2) ** 2 for value in b) / (n2 - 1)
    v1, v2 = s1 / n1, s2 / n2
    t = (mean1 - mean2) / (v1 + v2) ** 0.5
    nu = (v1 + v2) ** 2 / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
    return float(t), float(2 * stats.t.cdf(-abs(t), nu)), float(nu)
'''),
    ],
    "ex2-answer": [
        Wrong("probabilities used as expected counts", CHI2_HEAD + '''    observed = np.asarray(observed, float)
    expected = np.asarray(probs, float)
    stat = np.sum((observed - expected) ** 2 / expected)
    return stat, stats.chi2.sf(stat, observed.size - 1)
''', "multiply them by"),
        Wrong("weights scaled by the total but not normalised", CHI2_HEAD + '''    observed = np.asarray(observed, float)
    expected = np.asarray(probs, float) * observed.sum()
    stat = np.sum((observed - expected) ** 2 / expected)
    return stat, stats.chi2.sf(stat, observed.size - 1)
''', "normalise"),
        Wrong("k degrees of freedom", CHI2_HEAD + '''    observed = np.asarray(observed, float)
    weights = np.asarray(probs, float)
    expected = observed.sum() * weights / weights.sum()
    stat = np.sum((observed - expected) ** 2 / expected)
    return stat, stats.chi2.sf(stat, observed.size)
''', "k - 1"),
        Wrong("divided by the observed counts", CHI2_HEAD + '''    observed = np.asarray(observed, float)
    weights = np.asarray(probs, float)
    expected = observed.sum() * weights / weights.sum()
    stat = np.sum((observed - expected) ** 2 / observed)
    return stat, stats.chi2.sf(stat, observed.size - 1)
''', "expected count"),
        Wrong("the lower tail as p-value", CHI2_HEAD + '''    observed = np.asarray(observed, float)
    weights = np.asarray(probs, float)
    expected = observed.sum() * weights / weights.sum()
    stat = np.sum((observed - expected) ** 2 / expected)
    return stat, stats.chi2.cdf(stat, observed.size - 1)
''', "upper tail"),
        Right("stats.chisquare on the rescaled counts", CHI2_HEAD + '''    observed = np.asarray(observed)
    probs = np.asarray(probs) / np.sum(probs)
    result = stats.chisquare(observed, f_exp=probs * observed.sum())
    return float(result.statistic), float(result.pvalue)
'''),
        Right("a loop over the categories", CHI2_HEAD + '''    total = sum(observed)
    weight_sum = sum(probs)
    stat = 0.0
    for count, weight in zip(observed, probs):
        e = total * weight / weight_sum
        stat += (count - e) ** 2 / e
    return stat, 1 - stats.chi2.cdf(stat, len(observed) - 1)
'''),
    ],
    "ex3-answer": [
        Wrong("the one-sided statistic", KS_HEAD + '''    sx, sy = np.sort(x), np.sort(y)
    z = np.concatenate([sx, sy])
    gap = np.searchsorted(sx, z, side="right") / sx.size - np.searchsorted(sy, z, side="right") / sy.size
    return float(np.max(gap))
''', "one direction"),
        Wrong("the gap only at the points of x", KS_HEAD + '''    sx, sy = np.sort(x), np.sort(y)
    gap = np.searchsorted(sx, sx, side="right") / sx.size - np.searchsorted(sy, sx, side="right") / sy.size
    return float(np.max(np.abs(gap)))
''', "pooled"),
        Wrong("ranks instead of counts, wrong at ties", KS_HEAD + '''    sx, sy = np.sort(x), np.sort(y)
    gap_x = np.arange(1, sx.size + 1) / sx.size - np.searchsorted(sy, sx, side="right") / sy.size
    gap_y = np.searchsorted(sx, sy, side="right") / sx.size - np.arange(1, sy.size + 1) / sy.size
    return float(max(np.max(np.abs(gap_x)), np.max(np.abs(gap_y))))
''', "ties"),
        Wrong("both counts divided by n_x", KS_HEAD + '''    sx, sy = np.sort(x), np.sort(y)
    z = np.concatenate([sx, sy])
    gap = (np.searchsorted(sx, z, side="right") - np.searchsorted(sy, z, side="right")) / sx.size
    return float(np.max(np.abs(gap)))
''', "own sample"),
        Wrong("searchsorted on unsorted samples", KS_HEAD + '''    x, y = np.asarray(x, float), np.asarray(y, float)
    z = np.concatenate([x, y])
    gap = np.searchsorted(x, z, side="right") / x.size - np.searchsorted(y, z, side="right") / y.size
    return float(np.max(np.abs(gap)))
''', "sort"),
        Wrong("the library shortcut", KS_HEAD + '''    return float(stats.ks_2samp(x, y).statistic)
''', "ks_2samp"),
        Right("side='left' (the left limits reach the same supremum)", KS_HEAD + '''    sx, sy = np.sort(x), np.sort(y)
    z = np.concatenate([sx, sy])
    gap = np.searchsorted(sx, z, side="left") / len(sx) - np.searchsorted(sy, z, side="left") / len(sy)
    return np.abs(gap).max()
'''),
        Right("a loop over the pooled values with boolean means", KS_HEAD + '''    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    best = 0.0
    for z in np.concatenate([x, y]):
        best = max(best, abs(np.mean(x <= z) - np.mean(y <= z)))
    return best
'''),
    ],
    "ex4-answer": [
        Wrong("sigma with divisor n - 1", '''mu_mle = None
sigma_mle = None
mu_mle = 5
sigma_mle = (32 / 7) ** 0.5
''', "n - 1"),
        Wrong("the variance instead of sigma", '''mu_mle = None
sigma_mle = None
mu_mle = 5.0
sigma_mle = 4.0
''', "variance"),
        Wrong("the median for mu", '''mu_mle = None
sigma_mle = None
mu_mle = 4.5
sigma_mle = 2.0
''', "median"),
        Wrong("the number typed as text", '''mu_mle = None
sigma_mle = None
mu_mle = "5"
sigma_mle = "2"
''', "remove the quotes"),
        Right("ints, and NumPy on the data", '''mu_mle = None
sigma_mle = None
data = np.array([2, 4, 4, 4, 5, 5, 7, 9])
mu_mle = 5
sigma_mle = np.sqrt(np.mean((data - data.mean()) ** 2))
'''),
    ],
    "ex5-answer": [
        Wrong("a and b swapped", BETA_HEAD + '''    data = np.asarray(data)
    return a + np.sum(data == 0), b + np.sum(data == 1)
''', "swapped"),
        Wrong("all observations added to b", BETA_HEAD + '''    data = np.asarray(data)
    return a + data.sum(), b + data.size
''', "failures"),
        Wrong("bincount without minlength", BETA_HEAD + '''    counts = np.bincount(np.asarray(data))
    return a + counts[1], b + counts[0]
''', "empty data array"),
        Wrong("the posterior mean times n", BETA_HEAD + '''    data = np.asarray(data)
    successes = data.mean() * data.size
    return a + successes, b + data.size - successes
''', "empty data array"),
        Wrong("the same count added to both", BETA_HEAD + '''    data = np.asarray(data)
    return a + data.size / 2, b + data.size / 2
''', "separately"),
        Right("a loop, failures as n minus successes", BETA_HEAD + '''    successes = 0
    for outcome in data:
        successes += int(outcome)
    return float(a + successes), float(b + len(data) - successes)
'''),
        Right("bincount with minlength", BETA_HEAD + '''    counts = np.bincount(np.asarray(data, dtype=int), minlength=2)
    return a + counts[1], b + counts[0]
'''),
    ],
    "ex6-answer": [
        Wrong("the pooled t-test", CANCER_HEAD + '''result = stats.ttest_ind(bad, good)
t_stat, p_value = float(result.statistic), float(result.pvalue)
reject = bool(p_value < 0.05)
''', "pooled"),
        Wrong("benign group first", CANCER_HEAD + '''result = stats.ttest_ind(good, bad, equal_var=False)
t_stat, p_value = float(result.statistic), float(result.pvalue)
reject = bool(p_value < 0.05)
''', "wrong sign"),
        Wrong("the wrong column", '''t_stat = None
p_value = None
reject = None
cancer = load_breast_cancer()
texture = cancer.data[:, 1]
result = stats.ttest_ind(texture[cancer.target == 0], texture[cancer.target == 1], equal_var=False)
t_stat, p_value = float(result.statistic), float(result.pvalue)
reject = bool(p_value < 0.05)
''', "mean texture"),
        Wrong("the decision reversed", CANCER_HEAD + '''result = stats.ttest_ind(bad, good, equal_var=False)
t_stat, p_value = float(result.statistic), float(result.pvalue)
reject = bool(p_value > 0.05)
''', "reject when"),
        Wrong("a one-sided alternative", CANCER_HEAD + '''result = stats.ttest_ind(bad, good, equal_var=False, alternative="greater")
t_stat, p_value = float(result.statistic), float(result.pvalue)
reject = bool(p_value < 0.05)
''', "one-sided"),
        Wrong("the decision as text", CANCER_HEAD + '''result = stats.ttest_ind(bad, good, equal_var=False)
t_stat, p_value = float(result.statistic), float(result.pvalue)
reject = "yes" if p_value < 0.05 else "no"
''', "True or False"),
        Right("column 0 and NumPy scalars", '''t_stat = None
p_value = None
reject = None
X, target = load_breast_cancer(return_X_y=True)
result = stats.ttest_ind(X[target == 0, 0], X[target == 1, 0], equal_var=False)
t_stat = result.statistic
p_value = result.pvalue
reject = p_value < 0.05
'''),
    ],
}
