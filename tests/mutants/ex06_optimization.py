"""Wrong and right answers for solutions/06_optimization.ipynb (see tests/mutants/__init__.py)."""
from tests.mutants import Right, Wrong

ROSEN_HEAD = '''def rosenbrock_grad(x):
    """Gradient of the n-dimensional Rosenbrock function at the 1-D array x."""
'''


def rosen(first="-400 * x[:-1] * valley - 2 * (1 - x[:-1])", second="gradient[1:] += 200 * valley"):
    """A slice-based gradient with one part changed."""
    return ROSEN_HEAD + f'''    x = np.asarray(x, dtype=float)
    valley = x[1:] - x[:-1] ** 2
    gradient = np.zeros_like(x)
    gradient[:-1] = {first}
    {second}
    return gradient
'''


HB_HEAD = '''def heavy_ball(f, grad, x0, lr, beta, tol=1e-8, max_iter=1000):
    """Heavy-ball gradient descent from x0; return (x, n_iter, history, converged)."""
'''


def heavy_ball(start="x = np.array(x0, dtype=float)\n    x_prev = x.copy()",
               update="x_prev, x = x, x - lr * g + beta * (x - x_prev)",
               record="history.append(x.copy())",
               flag="bool(np.linalg.norm(g) < tol)",
               loop="while n_iter < max_iter and np.linalg.norm(g) >= tol and np.isfinite(f(x)):"):
    """A heavy-ball answer with one part changed."""
    return HB_HEAD + f'''    {start}
    history = [x.copy()]
    n_iter = 0
    g = grad(x)
    {loop}
        {update}
        {record}
        n_iter += 1
        g = grad(x)
    return x, n_iter, history, {flag}
'''


GD_HEAD = '''wine_features, _ = load_wine(return_X_y=True)
y_wine = wine_features[:, 0]                                   # alcohol content
Z_wine = StandardScaler().fit_transform(wine_features[:, 1:])  # the other 12 features
X_wine = np.column_stack([np.ones(len(y_wine)), Z_wine])


def fit_least_squares_gd(X, y, n_steps):
    """Take n_steps gradient steps of size 1/L on (1/2n)||Xw - y||^2 from w = 0; return w."""
'''


def gd(L="np.linalg.eigvalsh(X.T @ X / n)[-1]", step="w - X.T @ (X @ w - y) / n / L",
       steps="range(n_steps)", start="np.zeros(X.shape[1])"):
    """A gradient-descent answer with one part changed."""
    return GD_HEAD + f'''    n = X.shape[0]
    L = {L}
    w = {start}
    for _ in {steps}:
        w = {step}
    return w
'''


def number(name, value, before=""):
    """A numeric answer cell."""
    return f"{before}{name} = None\n{name} = {value}\n"


A3 = "A3 = np.array([[3.0, 1.0],\n               [1.0, 3.0]])\n"
LR4 = "lr4 = 0.4\n"

ANSWERS = {
    "ex1-answer": [
        Wrong("the middle coordinates miss their left-hand term",
              rosen(second="gradient[-1] += 200 * valley[-1]"), "two terms"),
        Wrong("the sign of the (1 - x)^2 derivative",
              rosen(first="-400 * x[:-1] * valley + 2 * (1 - x[:-1])"), "-2 (1 - x_i)"),
        Wrong("-200 instead of -400 (chain rule factor forgotten)",
              rosen(first="-200 * x[:-1] * valley - 2 * (1 - x[:-1])"), "chain rule"),
        Wrong("a Python loop over the terms", ROSEN_HEAD + '''    x = np.asarray(x, dtype=float)
    gradient = np.zeros_like(x)
    for i in range(len(x) - 1):
        gradient[i] += -400 * x[i] * (x[i + 1] - x[i] ** 2) - 2 * (1 - x[i])
        gradient[i + 1] += 200 * (x[i + 1] - x[i] ** 2)
    return gradient
''', "loop"),
        Wrong("SciPy's rosen_der", ROSEN_HEAD + '''    return rosen_der(np.asarray(x, dtype=float))
''', "rosen_der"),
        Wrong("written for n = 2 only", ROSEN_HEAD + '''    x = np.asarray(x, dtype=float)
    return np.array([-400 * x[0] * (x[1] - x[0] ** 2) - 2 * (1 - x[0]), 200 * (x[1] - x[0] ** 2)])
''', "shape (3,)"),
        Right("end terms and the middle written separately with np.concatenate", ROSEN_HEAD + '''    x = np.asarray(x, dtype=float)
    left, right = x[:-1], x[1:]
    from_left_term = 200 * (right - left**2)                       # d/dx_(i+1) of term i
    from_own_term = 400 * left * (left**2 - right) + 2 * (left - 1)  # d/dx_i of term i
    return np.concatenate([from_own_term, [0.0]]) + np.concatenate([[0.0], from_left_term])
'''),
    ],
    "ex2-answer": [
        Wrong("converged from n_iter < max_iter (True on NaN)", heavy_ball(flag="n_iter < max_iter"), "NaN"),
        Wrong("no finiteness test, converged as not (norm >= tol) (True on NaN)",
              heavy_ball(flag="not bool(np.linalg.norm(g) >= tol)",
                         loop="while n_iter < max_iter and np.linalg.norm(g) >= tol:"), "NaN"),
        Wrong("no finiteness test (runs on into NaN)",
              heavy_ball(loop="while n_iter < max_iter and np.linalg.norm(g) >= tol:"), "stopped being finite"),
        Wrong("previous iterate aliased to the updated array", heavy_ball(
            update="step = -lr * g + beta * (x - x_prev)\n        x_prev = x\n        x += step"),
              "momentum term is missing"),
        Wrong("history without copies", heavy_ball(record="history.append(x)",
                                                   update="x_prev = x.copy()\n        x += -lr * g + beta * (x - x_prev)"),
              "same array object"),
        Wrong("x_-1 = 0 instead of x_0", heavy_ball(start="x = np.array(x0, dtype=float)\n    x_prev = np.zeros_like(x)"),
              "first update"),
        Wrong("the momentum term subtracted", heavy_ball(update="x_prev, x = x, x - lr * g - beta * (x - x_prev)"),
              "momentum"),
        Wrong("at least one update even at the minimiser", HB_HEAD + '''    x = np.array(x0, dtype=float)
    x_prev = x.copy()
    history = [x.copy()]
    n_iter = 0
    while n_iter < max_iter:
        g = grad(x)
        x_prev, x = x, x - lr * g + beta * (x - x_prev)
        history.append(x.copy())
        n_iter += 1
        if np.linalg.norm(grad(x)) < tol or not np.isfinite(f(x)):
            break
    return x, n_iter, history, bool(np.linalg.norm(grad(x)) < tol)
''', "no update is needed"),
        Right("a for loop with a velocity vector and break", HB_HEAD + '''    x = np.asarray(x0, dtype=float).copy()
    velocity = np.zeros_like(x)
    history = [x.copy()]
    converged = False
    n_iter = 0
    for _ in range(max_iter + 1):
        if not np.isfinite(f(x)):
            break
        if np.linalg.norm(grad(x)) < tol:
            converged = True
            break
        if n_iter == max_iter:
            break
        velocity = beta * velocity - lr * grad(x)
        x = x + velocity
        history.append(x.copy())
        n_iter += 1
    return x, n_iter, history, converged
'''),
    ],
    "ex3-answer": [
        Wrong("1/L", A3 + number("lr_max", "0.25"), "1/L"),
        Wrong("2 over the smallest eigenvalue", A3 + number("lr_max", "2 / 2"), "smallest eigenvalue"),
        Wrong("2/(mu + L)", A3 + number("lr_max", "2 / (2 + 4)"), "converges fastest"),
        Wrong("L itself", A3 + number("lr_max", "4.0"), "largest curvature"),
        Wrong("the diagonal entry as curvature", A3 + number("lr_max", "2 / 3"), "diagonal entry"),
        Right("an int over a NumPy eigenvalue", A3 + number("lr_max", "2 / np.linalg.eigvalsh(A3).max()")),
        Right("typed as 0.5", A3 + number("lr_max", "0.5")),
    ],
    "ex4-answer": [
        Wrong("the factor of the flat direction", A3.replace("A3", "A3_unused") + LR4 + number("steps_needed", "9"),
              "flat direction"),
        Wrong("rounded down", LR4 + number("steps_needed", "int(np.log(1e-6) / np.log(0.6))"), "off by one"),
        Wrong("the (kappa - 1)/(kappa + 1) rate", LR4 + number("steps_needed", "13"), "kappa"),
        Wrong("a log of a negative factor", LR4 + number(
            "steps_needed", "np.ceil(np.log(1e-6) / np.log(1 - lr4 * 4))", before="import warnings\nwarnings.simplefilter('ignore')\n"),
              "absolute value"),
        Right("counted with a loop", LR4 + '''steps_needed = None
rho = max(abs(1 - lr4 * lam) for lam in (2.0, 4.0))
steps_needed, size = 0, 1.0
while size > 1e-6:
    size *= rho
    steps_needed += 1
'''),
        Right("typed as a float", LR4 + number("steps_needed", "28.0")),
    ],
    "ex5-answer": [
        Wrong("L from X.T @ X without dividing by n", gd(L="np.linalg.eigvalsh(X.T @ X)[-1]"), "division by n"),
        Wrong("the gradient without 1/n", gd(step="w - X.T @ (X @ w - y) / L"), "factor 1/n"),
        Wrong("step 2/L", gd(step="w - 2 * X.T @ (X @ w - y) / n / L"), "2/L"),
        Wrong("the smallest eigenvalue as L", gd(L="np.linalg.eigvalsh(X.T @ X / n)[0]"), "smallest eigenvalue"),
        Wrong("one step too few", gd(steps="range(n_steps - 1)"), "n_steps - 1"),
        Wrong("starting from ones", gd(start="np.ones(X.shape[1])"), "w = 0"),
        Wrong("lstsq instead of gradient descent", GD_HEAD + '''    return np.linalg.lstsq(X, y, rcond=None)[0] if n_steps > 0 else np.zeros(X.shape[1])
''', "exact least-squares"),
        Right("L from the spectral norm, the gradient as X.T @ X w - X.T y", gd(
            L="np.linalg.norm(X, 2) ** 2 / n", step="w - (X.T @ X @ w - X.T @ y) / (n * L)")),
    ],
}
