"""Wrong and right answers for solutions/01_linear_algebra.ipynb (see tests/mutants/__init__.py)."""
from tests.mutants import Right, Wrong

COS_HEAD = '''def cosine_similarity(u, v):
    """Cosine of the angle between non-zero vectors u and v, clipped to [-1, 1]."""
'''

EIGH_HEAD = '''def sorted_eigh(A):
    """Eigenvalues (descending) and sign-fixed unit eigenvectors (columns) of symmetric A."""
'''

LOW_HEAD = '''def low_rank(A, k):
    """Best rank-k approximation of A in the Frobenius norm, from the SVD."""
'''

DET_HEAD = '''det_S = None
cond_S = None
'''

IRIS_HEAD = '''X_iris = load_iris().data  # 150 x 4
s_iris = None
energy_2 = None
'''

ANSWERS = {
    "ex1-answer": [
        Wrong("no clipping, so parallel vectors can give a cosine above 1", COS_HEAD + '''    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    return float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))
''', "clip"),
        Wrong("no clipping, the norms from one square root", COS_HEAD + '''    return u @ v / np.sqrt((u @ u) * (v @ v))
''', "clip"),
        Wrong("clipped to [0, 1], which loses the sign", COS_HEAD + '''    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    return float(np.clip(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)), 0.0, 1.0))
''', "[-1, 1]"),
        Wrong("divided by the squared norms", COS_HEAD + '''    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    return float(np.clip(u @ v / ((u @ u) * (v @ v)), -1.0, 1.0))
''', "scale"),
        Wrong("divided by the norm of u only", COS_HEAD + '''    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    return float(np.clip(u @ v / np.linalg.norm(u), -1.0, 1.0))
''', "scale"),
        Wrong("returned the angle instead of its cosine", COS_HEAD + '''    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    cosine = np.clip(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)), -1.0, 1.0)
    return float(np.arccos(cosine))
''', "angle"),
        Wrong("returned the cosine distance 1 - cos", COS_HEAD + '''    return float(distance.cosine(u, v))
''', "cosine distance"),
        Right("a Python loop and min/max for the clipping", COS_HEAD + '''    dot = 0.0
    uu = 0.0
    vv = 0.0
    for a, b in zip(u, v):
        dot += a * b
        uu += a * a
        vv += b * b
    raw = dot / (uu ** 0.5 * vv ** 0.5)
    return max(-1.0, min(1.0, raw))
'''),
        Right("scipy's cosine distance, clipped", COS_HEAD + '''    return float(np.clip(1.0 - distance.cosine(u, v), -1, 1))
'''),
    ],
    "ex2-answer": [
        Wrong("np.linalg.eig, sorted and sign-fixed", EIGH_HEAD + '''    values, vectors = np.linalg.eig(A)
    values, vectors = values.real, vectors.real
    order = np.argsort(values)[::-1]
    values, vectors = values[order], vectors[:, order]
    rows = np.argmax(np.abs(vectors), axis=0)
    return values, vectors * np.sign(vectors[rows, np.arange(len(values))])
''', "eigh"),
        Wrong("ascending order, as eigh returns it", EIGH_HEAD + '''    values, vectors = np.linalg.eigh(A)
    rows = np.argmax(np.abs(vectors), axis=0)
    return values, vectors * np.sign(vectors[rows, np.arange(len(values))])
''', "ascending"),
        Wrong("no sign convention", EIGH_HEAD + '''    values, vectors = np.linalg.eigh(A)
    return values[::-1], vectors[:, ::-1]
''', "up to sign"),
        Wrong("first entry made positive instead of the largest-magnitude one", EIGH_HEAD + '''    values, vectors = np.linalg.eigh(A)
    values, vectors = values[::-1], vectors[:, ::-1]
    return values, vectors * np.sign(vectors[0])
''', "up to sign"),
        Wrong("eigenvalues reversed but the eigenvectors not", EIGH_HEAD + '''    values, vectors = np.linalg.eigh(A)
    rows = np.argmax(np.abs(vectors), axis=0)
    vectors = vectors * np.sign(vectors[rows, np.arange(len(values))])
    return values[::-1], vectors
''', "reorder the columns"),
        Wrong("eigenvectors as rows", EIGH_HEAD + '''    values, vectors = np.linalg.eigh(A)
    values, vectors = values[::-1], vectors[:, ::-1]
    rows = np.argmax(np.abs(vectors), axis=0)
    vectors = vectors * np.sign(vectors[rows, np.arange(len(values))])
    return values, vectors.T
''', "rows"),
        Wrong("sorted by absolute value", EIGH_HEAD + '''    values, vectors = np.linalg.eigh(A)
    order = np.argsort(np.abs(values))[::-1]
    values, vectors = values[order], vectors[:, order]
    rows = np.argmax(np.abs(vectors), axis=0)
    return values, vectors * np.sign(vectors[rows, np.arange(len(values))])
''', "absolute value"),
        Right("scipy.linalg.eigh, np.flip and a loop over the columns", EIGH_HEAD + '''    values, vectors = scipy.linalg.eigh(A)
    values = np.flip(values)
    vectors = np.flip(vectors, axis=1).copy()
    for j in range(vectors.shape[1]):
        i = np.argmax(np.abs(vectors[:, j]))
        if vectors[i, j] < 0:
            vectors[:, j] = -vectors[:, j]
    return values, vectors
'''),
    ],
    "ex3-answer": [
        Wrong("the k smallest singular values", LOW_HEAD + '''    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    if k == 0:
        return np.zeros_like(A)
    return (U[:, -k:] * s[-k:]) @ Vt[-k:, :]
''', "smallest"),
        Wrong("singular values left out", LOW_HEAD + '''    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return U[:, :k] @ Vt[:k, :]
''', "singular values"),
        Wrong("off by one: k + 1 terms", LOW_HEAD + '''    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return (U[:, :k + 1] * s[:k + 1]) @ Vt[:k + 1, :]
''', "exactly k"),
        Wrong("scaled by the squared singular values", LOW_HEAD + '''    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    return (U[:, :k] * s[:k] ** 2) @ Vt[:k, :]
''', "not the closest"),
        Right("zero the discarded singular values, then multiply out", LOW_HEAD + '''    U, s, Vt = np.linalg.svd(A, full_matrices=False)
    s = s.copy()
    s[k:] = 0
    return U @ np.diag(s) @ Vt
'''),
        Right("a sum of k outer products", LOW_HEAD + '''    U, s, Vt = scipy.linalg.svd(A)
    result = np.zeros(A.shape)
    for i in range(k):
        result += s[i] * np.outer(U[:, i], Vt[i])
    return result
'''),
    ],
    "ex4-answer": [
        Wrong("condition number upside down", DET_HEAD + '''det_S = 8.0
cond_S = 0.5 / 8
''', "upside down"),
        Wrong("the determinant as the sum of the eigenvalues", DET_HEAD + '''det_S = 0.5 + 2 + 8
cond_S = 8 / 0.5
''', "trace"),
        Wrong("the condition number as the largest eigenvalue alone", DET_HEAD + '''det_S = 8
cond_S = 8
''', "||S^-1||"),
        Wrong("the condition number squared", DET_HEAD + '''det_S = 8
cond_S = (8 / 0.5) ** 2
''', "squared"),
        Wrong("the answer typed as text", DET_HEAD + '''det_S = "8"
cond_S = "16"
''', "quotes"),
        Right("integers, from the product and the ratio", DET_HEAD + '''det_S = 8
cond_S = 16
'''),
        Right("computed with NumPy from the eigenvalues", DET_HEAD + '''eigenvalues = np.array([0.5, 2.0, 8.0])
det_S = np.prod(eigenvalues)
cond_S = eigenvalues.max() / eigenvalues.min()
'''),
    ],
    "ex5-answer": [
        Wrong("the raw data, not centred", IRIS_HEAD + '''s_iris = np.linalg.svd(X_iris, compute_uv=False)
energy_2 = np.sum(s_iris[:2] ** 2) / np.sum(s_iris ** 2)
''', "centre"),
        Wrong("centred along the wrong axis (each row)", IRIS_HEAD + '''X_c = X_iris - X_iris.mean(axis=1, keepdims=True)
s_iris = np.linalg.svd(X_c, compute_uv=False)
energy_2 = np.sum(s_iris[:2] ** 2) / np.sum(s_iris ** 2)
''', "column"),
        Wrong("singular values in ascending order", IRIS_HEAD + '''X_c = X_iris - X_iris.mean(axis=0)
s_iris = np.sort(np.linalg.svd(X_c, compute_uv=False))
energy_2 = np.sum(s_iris[-2:] ** 2) / np.sum(s_iris ** 2)
''', "descending"),
        Wrong("covariance eigenvalues instead of singular values", IRIS_HEAD + '''X_c = X_iris - X_iris.mean(axis=0)
s_iris = np.linalg.eigvalsh(np.cov(X_c, rowvar=False))[::-1]
energy_2 = np.sum(s_iris[:2]) / np.sum(s_iris)
''', "covariance"),
        Wrong("the singular values divided by sqrt(n - 1)", IRIS_HEAD + '''X_c = X_iris - X_iris.mean(axis=0)
s_iris = np.linalg.svd(X_c / np.sqrt(len(X_c) - 1), compute_uv=False)
energy_2 = np.sum(s_iris[:2] ** 2) / np.sum(s_iris ** 2)
''', "sqrt(n - 1)"),
        Wrong("energy from the unsquared singular values", IRIS_HEAD + '''X_c = X_iris - X_iris.mean(axis=0)
s_iris = np.linalg.svd(X_c, compute_uv=False)
energy_2 = s_iris[:2].sum() / s_iris.sum()
''', "square them"),
        Wrong("energy of the first component only", IRIS_HEAD + '''X_c = X_iris - X_iris.mean(axis=0)
s_iris = np.linalg.svd(X_c, compute_uv=False)
energy_2 = s_iris[0] ** 2 / np.sum(s_iris ** 2)
''', "first"),
        Right("scikit-learn's PCA", IRIS_HEAD + '''from sklearn.decomposition import PCA

pca_iris = PCA().fit(X_iris)
s_iris = pca_iris.singular_values_
energy_2 = pca_iris.explained_variance_ratio_[:2].sum()
'''),
        Right("square roots of the scatter matrix's eigenvalues", IRIS_HEAD + '''X_c = X_iris - X_iris.mean(axis=0)
s_iris = np.sqrt(np.linalg.eigvalsh(X_c.T @ X_c))[::-1]
energy_2 = float((s_iris[0] ** 2 + s_iris[1] ** 2) / (s_iris ** 2).sum())
'''),
    ],
}
