"""Wrong and right answers for solutions/02_matrix_computations.ipynb (see tests/mutants/__init__.py)."""
from tests.mutants import Right, Wrong

LSQ_HEAD = '''def least_squares_qr(X, y):
    """Least-squares coefficients of y on the columns of X, via the reduced QR factorisation."""
'''

PCA_HEAD = '''def pca_eigh(X, k):
    """Top-k covariance eigenvalues (descending) and eigenvectors (rows, sign-fixed) of X."""
'''

CSR_HEAD = '''def csr_matvec(data, indices, indptr, x):
    """Return A @ x for the CSR matrix A given by its (data, indices, indptr) arrays."""
'''

SIGN_FIX = '''    biggest = np.argmax(np.abs(rows), axis=1)
    return values, rows * np.sign(rows[np.arange(len(rows)), biggest])[:, None]
'''

ANSWERS = {
    "ex1-answer": [
        Wrong("the normal equations with solve", LSQ_HEAD + '''    return np.linalg.solve(X.T @ X, X.T @ y)
''', "X.T @ X"),
        Wrong("the normal equations with a Cholesky factorisation", LSQ_HEAD + '''    factor = scipy.linalg.cho_factor(X.T @ X)
    return scipy.linalg.cho_solve(factor, X.T @ y)
''', "X.T @ X"),
        Wrong("the library shortcut lstsq", LSQ_HEAD + '''    return np.linalg.lstsq(X, y, rcond=None)[0]
''', "lstsq"),
        Wrong("QR, then the inverse of R", LSQ_HEAD + '''    Q, R = np.linalg.qr(X)
    return np.linalg.inv(R) @ (Q.T @ y)
''', "inv"),
        Wrong("the lower triangle of R", LSQ_HEAD + '''    Q, R = np.linalg.qr(X)
    return scipy.linalg.solve_triangular(R, Q.T @ y, lower=True)
''', "upper triangle"),
        Wrong("the pseudo-inverse", LSQ_HEAD + '''    return np.linalg.pinv(X) @ y
''', "pinv"),
        Right("SciPy's economic QR and back substitution in a loop", LSQ_HEAD + '''    Q, R = scipy.linalg.qr(X, mode="economic")
    rhs = Q.T @ y
    p = R.shape[1]
    beta = np.zeros(p)
    for i in range(p - 1, -1, -1):
        beta[i] = (rhs[i] - R[i, i + 1:] @ beta[i + 1:]) / R[i, i]
    return beta
'''),
        Right("solve_triangular with the default arguments", LSQ_HEAD + '''    Q, R = np.linalg.qr(X)
    return scipy.linalg.solve_triangular(R, np.dot(Q.T, y))
'''),
    ],
    "ex2-answer": [
        Wrong("kappa(X) itself", "kappa_normal = None\nkappa_normal = 20 / 0.02\n", "kappa(X)"),
        Wrong("upside down", "kappa_normal = None\nkappa_normal = (0.02 / 20) ** 2\n", "at least 1"),
        Wrong("only the largest singular value squared", "kappa_normal = None\nkappa_normal = 20**2 / 0.02\n",
              "square both"),
        Wrong("the square root instead of the square", "kappa_normal = None\nkappa_normal = (20 / 0.02) ** 0.5\n",
              "square root"),
        Wrong("a string", 'kappa_normal = None\nkappa_normal = "1e6"\n', "quotes"),
        Right("an integer typed out", "kappa_normal = None\nkappa_normal = 1_000_000\n"),
        Right("NumPy measures a diagonal example", '''kappa_normal = None
X_example = np.diag([20.0, 5.0, 0.02])
kappa_normal = np.linalg.cond(X_example.T @ X_example)
'''),
    ],
    "ex3-answer": [
        Wrong("np.linalg.eig, sorted and sign-fixed", PCA_HEAD + '''    centred = X - X.mean(axis=0)
    values, vectors = np.linalg.eig(centred.T @ centred / (len(X) - 1))
    values, vectors = values.real, vectors.real
    top = np.argsort(values)[::-1][:k]
    values, rows = values[top], vectors[:, top].T
''' + SIGN_FIX, "eigh"),
        Wrong("ascending order", PCA_HEAD + '''    centred = X - X.mean(axis=0)
    values, vectors = np.linalg.eigh(centred.T @ centred / (len(X) - 1))
    values, rows = values[-k:], vectors[:, -k:].T
''' + SIGN_FIX, "ascending"),
        Wrong("divisor n instead of n - 1", PCA_HEAD + '''    centred = X - X.mean(axis=0)
    values, vectors = np.linalg.eigh(centred.T @ centred / len(X))
    values, rows = values[::-1][:k], vectors[:, ::-1][:, :k].T
''' + SIGN_FIX, "n - 1"),
        Wrong("the data not centred", PCA_HEAD + '''    values, vectors = np.linalg.eigh(X.T @ X / (len(X) - 1))
    values, rows = values[::-1][:k], vectors[:, ::-1][:, :k].T
''' + SIGN_FIX, "centre"),
        Wrong("no sign convention", PCA_HEAD + '''    values, vectors = np.linalg.eigh(np.cov(X, rowvar=False))
    return values[::-1][:k], vectors[:, ::-1][:, :k].T
''', "up to sign"),
        Wrong("the k smallest eigenvalues, largest first", PCA_HEAD + '''    values, vectors = np.linalg.eigh(np.cov(X, rowvar=False))
    values, rows = values[:k][::-1], vectors[:, :k][:, ::-1].T
''' + SIGN_FIX, "k largest"),
        Wrong("eigenvectors as columns", PCA_HEAD + '''    values, vectors = np.linalg.eigh(np.cov(X, rowvar=False))
    values, rows = values[::-1][:k], vectors[:, ::-1][:, :k].T
    biggest = np.argmax(np.abs(rows), axis=1)
    rows = rows * np.sign(rows[np.arange(k), biggest])[:, None]
    return values, rows.T
''', "transpose"),
        Right("np.cov, scipy.linalg.eigh with subset_by_index, a loop for the signs", PCA_HEAD + '''    n_features = X.shape[1]
    values, vectors = scipy.linalg.eigh(np.cov(X.T), subset_by_index=[n_features - k, n_features - 1])
    values = values[::-1]
    components = vectors[:, ::-1].T.copy()
    for row in components:
        if row[np.argmax(np.abs(row))] < 0:
            row *= -1
    return values, components
'''),
    ],
    "ex4-answer": [
        Wrong("builds the dense matrix", CSR_HEAD + '''    dense = np.zeros((len(indptr) - 1, len(x)))
    for i in range(len(indptr) - 1):
        for j in range(indptr[i], indptr[i + 1]):
            dense[i, indices[j]] = data[j]
    return dense @ x
''', "dense"),
        Wrong("scipy.sparse does the work", CSR_HEAD + '''    A = scipy.sparse.csr_array((data, indices, indptr), shape=(len(indptr) - 1, len(x)))
    return A @ x
''', "scipy.sparse"),
        Wrong("np.add.reduceat, wrong on empty rows", CSR_HEAD + '''    return np.add.reduceat(data * x[indices], indptr[:-1])
''', "no stored entries"),
        Wrong("x at the position of the value, not at its column", CSR_HEAD + '''    result = np.zeros(len(indptr) - 1)
    for i in range(len(indptr) - 1):
        for j in range(indptr[i], indptr[i + 1]):
            result[i] += data[j] * x[j % len(x)]
    return result
''', "indices[j]"),
        Wrong("one row too many", CSR_HEAD + '''    result = np.zeros(len(indptr))
    for i in range(len(indptr) - 1):
        start, stop = indptr[i], indptr[i + 1]
        result[i] = data[start:stop] @ x[indices[start:stop]]
    return result
''', "one number per row"),
        Wrong("an integer accumulator", CSR_HEAD + '''    result = np.zeros(len(indptr) - 1, dtype=int)
    for i in range(len(indptr) - 1):
        start, stop = indptr[i], indptr[i + 1]
        result[i] = data[start:stop] @ x[indices[start:stop]]
    return result
''', "integer"),
        Right("plain Python lists", CSR_HEAD + '''    result = []
    for row in range(len(indptr) - 1):
        total = 0.0
        for position in range(indptr[row], indptr[row + 1]):
            total += data[position] * x[indices[position]]
        result.append(total)
    return np.array(result)
'''),
        Right("vectorised with np.repeat and np.bincount", CSR_HEAD + '''    n_rows = len(indptr) - 1
    row_of_entry = np.repeat(np.arange(n_rows), np.diff(indptr))
    return np.bincount(row_of_entry, weights=data * x[indices], minlength=n_rows)
'''),
    ],
    "ex5-answer": [
        Wrong("forgot indptr", "csr_memory_bytes = None\ncsr_memory_bytes = 50_000 * 8 + 50_000 * 4\n", "indptr"),
        Wrong("indptr with one entry per row, not per row plus one",
              "csr_memory_bytes = None\ncsr_memory_bytes = 50_000 * 8 + 50_000 * 4 + 10_000 * 4\n", "plus one"),
        Wrong("the dense size", "csr_memory_bytes = None\ncsr_memory_bytes = 10_000 * 10_000 * 8\n", "dense"),
        Wrong("8-byte integers", "csr_memory_bytes = None\ncsr_memory_bytes = 50_000 * 16 + 10_001 * 8\n",
              "4-byte"),
        Wrong("indptr sized by the nonzeros",
              "csr_memory_bytes = None\ncsr_memory_bytes = 50_000 * 8 + 50_000 * 4 + 50_001 * 4\n", "per row"),
        Right("the total typed out", "csr_memory_bytes = None\ncsr_memory_bytes = 640_004\n"),
        Right("a float from the per-array sizes", '''csr_memory_bytes = None
data_bytes = 8.0 * 5e4
index_bytes = 4.0 * 5e4
pointer_bytes = 4.0 * (1e4 + 1)
csr_memory_bytes = data_bytes + index_bytes + pointer_bytes
'''),
    ],
    "ex6-answer": [
        Wrong("the raw, unstandardised data", '''n_components_90 = None
variances = np.linalg.eigvalsh(np.cov(load_wine().data, rowvar=False))[::-1]
n_components_90 = int(np.argmax(np.cumsum(variances) / variances.sum() >= 0.9)) + 1
''', "standardise"),
        Wrong("the eigenvalues summed in ascending order", '''n_components_90 = None
wine = load_wine().data
Z = (wine - wine.mean(axis=0)) / wine.std(axis=0)
variances = np.linalg.eigvalsh(np.cov(Z, rowvar=False))
n_components_90 = int(np.argmax(np.cumsum(variances) / variances.sum() >= 0.9)) + 1
''', "descending"),
        Wrong("argmax without + 1", '''n_components_90 = None
wine = load_wine().data
Z = (wine - wine.mean(axis=0)) / wine.std(axis=0)
variances = np.linalg.eigvalsh(np.cov(Z, rowvar=False))[::-1]
n_components_90 = int(np.argmax(np.cumsum(variances) / variances.sum() >= 0.9))
''', "one too few"),
        Wrong("the Kaiser rule (eigenvalues above 1)", '''n_components_90 = None
wine = load_wine().data
Z = (wine - wine.mean(axis=0)) / wine.std(axis=0)
n_components_90 = int(np.sum(np.linalg.eigvalsh(np.cov(Z, rowvar=False)) > 1))
''', "90%"),
        Wrong("a fraction instead of a count", '''n_components_90 = None
wine = load_wine().data
Z = (wine - wine.mean(axis=0)) / wine.std(axis=0)
variances = np.linalg.eigvalsh(np.cov(Z, rowvar=False))[::-1]
n_components_90 = float(np.cumsum(variances)[7] / variances.sum())
''', "whole number"),
        Right("scikit-learn's PCA with a variance target", '''n_components_90 = None
wine = load_wine().data
scaled = (wine - wine.mean(axis=0)) / wine.std(axis=0, ddof=1)
n_components_90 = PCA(n_components=0.9, svd_solver="full").fit(scaled).n_components_
'''),
        Right("singular values and searchsorted", '''n_components_90 = None
wine = load_wine().data
Z = (wine - wine.mean(axis=0)) / wine.std(axis=0)
shares = np.linalg.svd(Z, compute_uv=False) ** 2
n_components_90 = np.searchsorted(np.cumsum(shares) / shares.sum(), 0.9) + 1
'''),
    ],
}
