"""Wrong and right answers for solutions/03_probability.ipynb (see tests/mutants/__init__.py)."""
from tests.mutants import Right, Wrong

NORMAL_HEAD = '''def normal_logpdf(x, mu, sigma):
    """Natural log of the Normal density with mean mu and standard deviation sigma at x."""
'''

BINOM_HEAD = '''def binomial_pmf(k, n, p):
    """Probability of exactly k successes in n trials with success probability p."""
'''

EXPON_HEAD = '''def exponential_waiting(lam):
    """Frozen scipy.stats distribution of the waiting time between events at rate lam."""
'''

DIRICHLET_HEAD = '''def dirichlet_moments(alpha):
    """Mean vector and component variances of Dirichlet(alpha), from the formulas."""
'''

WINE_HEAD = '''p_class0 = None
prob_at_least_5 = None
'''

ANSWERS = {
    "ex1-answer": [
        Wrong("sigma treated as the variance", NORMAL_HEAD + '''    x = np.asarray(x, dtype=float)
    return -0.5 * (x - mu) ** 2 / sigma - 0.5 * np.log(2 * np.pi * sigma)
''', "variance"),
        Wrong("the normalising constant left out", NORMAL_HEAD + '''    return -0.5 * ((np.asarray(x, dtype=float) - mu) / sigma) ** 2
''', "normalising constant"),
        Wrong("log(sigma**2) where log(sigma) belongs", NORMAL_HEAD + '''    z = (np.asarray(x, dtype=float) - mu) / sigma
    return -0.5 * z**2 - np.log(sigma**2) - 0.5 * np.log(2 * np.pi)
''', "same amount"),
        Wrong("the quadratic term without its 1/2", NORMAL_HEAD + '''    z = (np.asarray(x, dtype=float) - mu) / sigma
    return -z**2 - np.log(sigma) - 0.5 * np.log(2 * np.pi)
''', "quadratic term"),
        Wrong("mu ignored", NORMAL_HEAD + '''    z = np.asarray(x, dtype=float) / sigma
    return -0.5 * z**2 - np.log(sigma) - 0.5 * np.log(2 * np.pi)
''', "mu"),
        Wrong("np.log of the density", NORMAL_HEAD + '''    x = np.asarray(x, dtype=float)
    density = np.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * np.sqrt(2 * np.pi))
    with np.errstate(divide="ignore"):
        return np.log(density)
''', "underflows"),
        Wrong("scipy.stats does the work", NORMAL_HEAD + '''    return stats.norm(mu, sigma).logpdf(x)
''', "scipy.stats"),
        Right("one logarithm for the whole constant", NORMAL_HEAD + '''    x = np.asarray(x, dtype=float)
    return -((x - mu) ** 2) / (2 * sigma**2) - np.log(sigma * np.sqrt(2 * np.pi))
'''),
        Right("the variance inside a single log, 0.5 * log(2 pi sigma^2)", NORMAL_HEAD + '''    variance = sigma * sigma
    return -0.5 * np.log(2 * np.pi * variance) - np.square(np.subtract(x, mu)) / (2 * variance)
'''),
    ],
    "ex2-answer": [
        Wrong("no binomial coefficient", BINOM_HEAD + '''    k = np.asarray(k)
    return p**k * (1 - p) ** (n - k)
''', "binomial coefficient"),
        Wrong("p and 1 - p swapped", BINOM_HEAD + '''    k = np.asarray(k)
    return special.comb(n, k) * p ** (n - k) * (1 - p) ** k
''', "swapped"),
        Wrong("comb's arguments in the wrong order", BINOM_HEAD + '''    k = np.asarray(k)
    return special.comb(k, n) * p**k * (1 - p) ** (n - k)
''', "comb(n, k)"),
        Wrong("scipy.stats does the work", BINOM_HEAD + '''    return stats.binom(n, p).pmf(k)
''', "scipy.stats"),
        Right("log-space with gammaln", BINOM_HEAD + '''    k = np.asarray(k, dtype=float)
    log_coefficient = special.gammaln(n + 1) - special.gammaln(k + 1) - special.gammaln(n - k + 1)
    return np.exp(log_coefficient + k * np.log(p) + (n - k) * np.log1p(-p))
'''),
        Right("special.binom and np.power", BINOM_HEAD + '''    return special.binom(n, k) * np.power(p, k) * np.power(1.0 - p, np.subtract(n, k))
'''),
    ],
    "ex3-answer": [
        Wrong("the rate passed positionally (it becomes loc)", EXPON_HEAD + '''    return stats.expon(lam)
''', "loc"),
        Wrong("scale = lambda", EXPON_HEAD + '''    return stats.expon(scale=lam)
''', "scale = 1/lambda"),
        Wrong("the scale for lambda = 4 typed in", EXPON_HEAD + '''    return stats.expon(scale=0.25)
''', "does not change"),
        Wrong("the number of events (Poisson) instead of the waiting time", EXPON_HEAD + '''    return stats.poisson(lam)
''', "waiting time"),
        Wrong("the distribution not frozen", EXPON_HEAD + '''    return stats.expon
''', "frozen"),
        Right("loc and scale positionally", EXPON_HEAD + '''    return stats.expon(0, 1 / lam)
'''),
        Right("a Gamma distribution with shape 1", EXPON_HEAD + '''    return stats.gamma(a=1, scale=lam ** -1.0)
'''),
    ],
    "ex4-answer": [
        Wrong("at least one request", "p_no_request = None\np_no_request = 1 - np.exp(-4 * 0.5)\n", "at least one"),
        Wrong("a mean wait of 4 s", "p_no_request = None\np_no_request = np.exp(-0.5 / 4)\n", "mean wait"),
        Wrong("the rate per second, not per half second",
              "p_no_request = None\np_no_request = stats.poisson(4).pmf(0)\n", "half a second"),
        Wrong("the rate passed positionally to expon (loc)",
              "p_no_request = None\np_no_request = stats.expon(4).sf(0.5)\n", "loc"),
        Wrong("the rate divided by the time", "p_no_request = None\np_no_request = np.exp(-4 / 0.5)\n",
              "multiply"),
        Right("the Exponential tail", "p_no_request = None\np_no_request = stats.expon(scale=1 / 4).sf(0.5)\n"),
        Right("the Poisson count, zero events", "p_no_request = None\np_no_request = stats.poisson(mu=2).pmf(0)\n"),
        Right("typed to 4 digits", "p_no_request = None\np_no_request = 0.1353\n"),
    ],
    "ex5-answer": [
        Wrong("the variance without + 1", DIRICHLET_HEAD + '''    alpha = np.asarray(alpha, dtype=float)
    a0 = alpha.sum()
    return alpha / a0, alpha * (a0 - alpha) / (a0**2 * a0)
''', "alpha0 + 1"),
        Wrong("operator precedence: multiplied by alpha0 + 1", DIRICHLET_HEAD + '''    alpha = np.asarray(alpha, dtype=float)
    a0 = alpha.sum()
    return alpha / a0, alpha * (a0 - alpha) / a0**2 * (a0 + 1)
''', "parentheses"),
        Wrong("the mean divided by K", DIRICHLET_HEAD + '''    alpha = np.asarray(alpha, dtype=float)
    a0 = alpha.sum()
    return alpha / len(alpha), alpha * (a0 - alpha) / (a0**2 * (a0 + 1))
''', "alpha0"),
        Wrong("scipy.stats does the work", DIRICHLET_HEAD + '''    dist = stats.dirichlet(alpha)
    return dist.mean(), dist.var()
''', "scipy.stats"),
        Right("a loop over the components", DIRICHLET_HEAD + '''    total = float(sum(alpha))
    means, variances = [], []
    for a in alpha:
        means.append(a / total)
        variances.append(a * (total - a) / (total**2 * (total + 1)))
    return np.array(means), np.array(variances)
'''),
        Right("the variance from the mean, m (1 - m) / (alpha0 + 1)", DIRICHLET_HEAD + '''    alpha = np.asarray(alpha, dtype=float)
    mean = alpha / np.sum(alpha)
    return mean, mean * (1 - mean) / (np.sum(alpha) + 1)
'''),
    ],
    "ex6-answer": [
        Wrong("sf(5), which leaves out exactly 5", WINE_HEAD + '''labels = load_wine().target
p_class0 = np.mean(labels == 0)
prob_at_least_5 = stats.binom(10, p_class0).sf(5)
''', "leaves out"),
        Wrong("cdf(4), the opposite event", WINE_HEAD + '''labels = load_wine().target
p_class0 = np.mean(labels == 0)
prob_at_least_5 = stats.binom(10, p_class0).cdf(4)
''', "opposite"),
        Wrong("exactly 5 only", WINE_HEAD + '''labels = load_wine().target
p_class0 = np.mean(labels == 0)
prob_at_least_5 = stats.binom(10, p_class0).pmf(5)
''', "exactly 5"),
        Wrong("the count of class 0, not the fraction", WINE_HEAD + '''labels = load_wine().target
p_class0 = np.sum(labels == 0)
prob_at_least_5 = stats.binom(10, p_class0 / len(labels)).sf(4)
''', "fraction"),
        Wrong("classes assumed equally common", WINE_HEAD + '''p_class0 = 1 / 3
prob_at_least_5 = stats.binom(10, p_class0).sf(4)
''', "equally common"),
        Right("counts and 1 - cdf(4)", WINE_HEAD + '''wine = load_wine()
p_class0 = np.count_nonzero(wine.target == 0) / len(wine.target)
prob_at_least_5 = 1 - stats.binom.cdf(4, 10, p_class0)
'''),
        Right("the pmf summed by hand", WINE_HEAD + '''target = load_wine().target
p_class0 = float((target == 0).sum()) / target.size
prob_at_least_5 = sum(special.comb(10, j) * p_class0**j * (1 - p_class0) ** (10 - j) for j in range(5, 11))
'''),
    ],
}
