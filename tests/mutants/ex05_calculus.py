"""Wrong and right answers for solutions/05_calculus.ipynb (see tests/mutants/__init__.py)."""
from tests.mutants import Right, Wrong

GRADIENT_HEAD = '''def central_gradient(func, p, h=1e-5):
    """Central-difference gradient of the scalar function func at the point p."""
'''

HESSIAN_HEAD = '''def hessian_at(expr, variables, point):
    """Hessian of expr in the given variables, evaluated at point, as a float array."""
'''

TAYLOR_HEAD = '''def taylor_polynomial(expr, x, x0, order):
    """Degree-`order` Taylor polynomial of expr about x0, as a SymPy expression."""
'''

CALCULATOR_HEAD = '''def interval_probability(text, lo, hi, a, b):
    """P(a <= X <= b) when X has density proportional to the formula text on [lo, hi]."""
'''


def calculator(transformations="standard_transformations + (implicit_multiplication_application, convert_xor)",
               local_dict='{"x": x, "e": sp.E}', ratio="area(a, b) / area(lo, hi)"):
    """A calculator answer with one part changed."""
    return CALCULATOR_HEAD + f'''    x = sp.Symbol("x")
    shape = parse_expr(text, transformations={transformations}, local_dict={local_dict})

    def area(left, right):
        result = sp.integrate(shape, (x, left, right))
        if result.has(sp.Integral):
            return integrate.quad(sp.lambdify(x, shape), float(left), float(right))[0]
        return float(result)

    return {ratio}
'''


MSE_HEAD = '''def mse_gradient(X, y, beta):
    """Gradient of the mean squared error (1/n) ||X beta - y||^2 with respect to beta."""
'''

ANSWERS = {
    "ex1-answer": [
        Wrong("a fixed step that ignores h", GRADIENT_HEAD + '''    point = np.array(p, dtype=float)
    grad = np.zeros(point.size)
    for i in range(point.size):
        step = np.zeros(point.size)
        step[i] = 1e-5
        grad[i] = (func(point + step) - func(point - step)) / 2e-5
    return grad
''', "ignores h"),
        Wrong("a forward difference", GRADIENT_HEAD + '''    point = np.array(p, dtype=float)
    grad = np.zeros(point.size)
    for i in range(point.size):
        step = np.zeros(point.size)
        step[i] = h
        grad[i] = (func(point + step) - func(point)) / h
    return grad
''', "forward difference"),
        Wrong("divided by h instead of 2h", GRADIENT_HEAD + '''    point = np.array(p, dtype=float)
    grad = np.zeros(point.size)
    for i in range(point.size):
        step = np.zeros(point.size)
        step[i] = h
        grad[i] = (func(point + step) - func(point - step)) / h
    return grad
''', "2h"),
        Wrong("all coordinates moved at once", GRADIENT_HEAD + '''    point = np.array(p, dtype=float)
    slope = (func(point + h) - func(point - h)) / (2 * h)
    return np.full(point.size, slope)
''', "one coordinate at a time"),
        Wrong("steps written into the caller's array", GRADIENT_HEAD + '''    point = np.asarray(p)
    grad = np.zeros(point.size)
    for i in range(point.size):
        point[i] += h
        f_plus = func(point)
        point[i] -= 2 * h
        f_minus = func(point)
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad
''', "changed the point"),
        Wrong("an integer copy that rounds the step away", GRADIENT_HEAD + '''    point = np.array(p)
    grad = np.zeros(point.size)
    for i in range(point.size):
        forward, backward = point.copy(), point.copy()
        forward[i] += h
        backward[i] -= h
        grad[i] = (func(forward) - func(backward)) / (2 * h)
    return grad
''', "float array first"),
        Right("vectorised over the rows of h * I", GRADIENT_HEAD + '''    point = np.asarray(p, dtype=float)
    steps = h * np.eye(len(point))
    return np.array([func(point + e) - func(point - e) for e in steps]) / (2 * h)
'''),
    ],
    "ex2-answer": [
        Wrong("the SymPy matrix itself", HESSIAN_HEAD + '''    return sp.hessian(expr, variables).subs(dict(zip(variables, point)))
''', "SymPy matrix"),
        Wrong("the gradient", HESSIAN_HEAD + '''    gradient = [sp.diff(expr, var) for var in variables]
    return np.array([float(g.subs(dict(zip(variables, point)))) for g in gradient])
''', "that is the gradient"),
        Wrong("only the diagonal", HESSIAN_HEAD + '''    values = dict(zip(variables, point))
    return np.diag([float(sp.diff(expr, var, 2).subs(values)) for var in variables])
''', "mixed"),
        Wrong("SymPy numbers in an object array", HESSIAN_HEAD + '''    return np.array(sp.hessian(expr, variables).subs(dict(zip(variables, point))).tolist())
''', "dtype=float"),
        Wrong("written for two variables only", HESSIAN_HEAD + '''    hess = sp.lambdify(variables, sp.hessian(expr, variables), modules="numpy")
    return np.array(hess(point[0], point[1]), dtype=float)
''', "three variables"),
        Right("nested sp.diff with exact substitution", HESSIAN_HEAD + '''    values = dict(zip(variables, point))
    n = len(variables)
    H = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            H[i, j] = float(sp.diff(expr, variables[i], variables[j]).subs(values))
    return H
'''),
        Right("the Jacobian of the gradient", HESSIAN_HEAD + '''    gradient = sp.Matrix([expr]).jacobian(variables)
    H = gradient.jacobian(variables)
    return np.array(H.subs(dict(zip(variables, point))), dtype=float)
'''),
    ],
    "ex3-answer": [
        Wrong("sqrt(eps), the forward-difference step", '''h_opt = None
h_opt = np.sqrt(np.finfo(float).eps)
''', "forward difference"),
        Wrong("eps^(1/3) without the constant", '''h_opt = None
h_opt = np.finfo(float).eps ** (1 / 3)
''', "keep the constants"),
        Wrong("derivative of h^2/6 taken as h/6", '''h_opt = None
h_opt = (6 * np.finfo(float).eps) ** (1 / 3)
''', "h/3"),
        Wrong("the constant divided instead of multiplied", '''h_opt = None
h_opt = (np.finfo(float).eps / 3) ** (1 / 3)
''', "wrong side"),
        Wrong("a square root instead of a cube root", '''h_opt = None
h_opt = (3 * np.finfo(float).eps) ** 0.5
''', "cube root"),
        Right("eps typed as 2.2e-16", '''h_opt = None
h_opt = (3 * 2.2e-16) ** (1 / 3)
'''),
        Right("np.cbrt of the exact eps", '''h_opt = None
eps = np.finfo(float).eps
h_opt = np.cbrt(3 * eps)
'''),
    ],
    "ex4-answer": [
        Wrong("powers x^k instead of (x - x0)^k", TAYLOR_HEAD + '''    return sum(sp.diff(expr, x, k).subs(x, x0) / sp.factorial(k) * x**k for k in range(order + 1))
''', "powers of (x - x0)"),
        Wrong("range(order), one degree short", TAYLOR_HEAD + '''    return sum(sp.diff(expr, x, k).subs(x, x0) / sp.factorial(k) * (x - x0) ** k for k in range(order))
''', "range(order + 1)"),
        Wrong("no factorial", TAYLOR_HEAD + '''    return sum(sp.diff(expr, x, k).subs(x, x0) * (x - x0) ** k for k in range(order + 1))
''', "factorial"),
        Wrong("derivatives not evaluated at x0", TAYLOR_HEAD + '''    return sum(sp.diff(expr, x, k) / sp.factorial(k) * (x - x0) ** k for k in range(order + 1))
''', "evaluate each one at x0"),
        Wrong("the sp.series shortcut", TAYLOR_HEAD + '''    return sp.series(expr, x, x0, order + 1).removeO()
''', "sp.series"),
        Right("a loop that differentiates step by step, math.factorial", TAYLOR_HEAD + '''    import math
    poly = sp.Integer(0)
    derivative = expr
    for k in range(order + 1):
        poly += derivative.subs(x, x0) / math.factorial(k) * (x - x0) ** k
        derivative = sp.diff(derivative, x)
    return sp.expand(poly)
'''),
    ],
    "ex5-answer": [
        Wrong("the area from a to b, not normalised", calculator(ratio="area(a, b)"), "divide it by the area"),
        Wrong("normalised by the area from a to b", calculator(ratio="area(a, b) / area(a, b)"), "whole support"),
        Wrong("the bounds of the integral swapped", calculator(ratio="area(b, a) / area(lo, hi)"), "negative"),
        Wrong("no convert_xor", calculator(
            transformations="standard_transformations + (implicit_multiplication_application,)"), "XOR"),
        Wrong("no implicit multiplication", calculator(
            transformations="standard_transformations + (convert_xor,)"), "implicit_multiplication_application"),
        Wrong("e left as a symbol", calculator(local_dict='{"x": x}'), "sp.E"),
        Right("float() on SymPy's unevaluated integral instead of quad", CALCULATOR_HEAD + '''    x = sp.Symbol("x")
    rules = standard_transformations + (implicit_multiplication_application, convert_xor)
    f = parse_expr(text, transformations=rules, local_dict={"x": x, "e": sp.E})
    part = sp.Integral(f, (x, a, b)).doit()
    whole = sp.Integral(f, (x, lo, hi)).doit()
    return float(part) / float(whole)
'''),
    ],
    "ex6-answer": [
        Wrong("residual y - X beta", MSE_HEAD + '''    return 2 / len(y) * X.T @ (y - X @ beta)
''', "wrong sign"),
        Wrong("the factor 2 forgotten", MSE_HEAD + '''    return X.T @ (X @ beta - y) / len(y)
''', "factor 2"),
        Wrong("the gradient of the sum, not the mean", MSE_HEAD + '''    return 2 * X.T @ (X @ beta - y)
''', "divide by n"),
        Wrong("divided by the number of columns", MSE_HEAD + '''    return 2 * X.T @ (X @ beta - y) / X.shape[1]
''', "divides by p"),
        Wrong("a loop over the samples", MSE_HEAD + '''    grad = np.zeros(X.shape[1])
    for x_i, y_i in zip(X, y):
        grad += 2 * (x_i @ beta - y_i) * x_i
    return grad / len(y)
''', "loop"),
        Wrong("a column vector", MSE_HEAD + '''    residual = (X @ beta - y).reshape(-1, 1)
    return 2 / len(y) * X.T @ residual
''', "1-D array"),
        Right("expanded normal-equation form", MSE_HEAD + '''    n = X.shape[0]
    return (2 / n) * (X.T.dot(X).dot(beta) - X.T.dot(y))
'''),
        Right("a mean over rows with broadcasting", MSE_HEAD + '''    residual = X @ beta - y
    return np.mean(2 * residual[:, None] * X, axis=0)
'''),
    ],
}
