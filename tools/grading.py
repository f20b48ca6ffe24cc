"""nbgrader extensions that make autograding the exercises trustworthy and fast.

classroom/nbgrader_config.py plugs these into `nbgrader autograde`:

sanitize (before a submission runs)
    IntegrityOverwriteCells  nbgrader's OverwriteCells, fixed: a locked check
        cell is compared with what students received (hidden tests removed),
        not with the instructor's version, so untouched submissions raise no
        "Attribute 'checksum' ... has changed!" warning and a real edit does.
    StaticIntegrityScan  reads the cells a student can edit and notes code
        that rebinds what the checks use (a report for the instructor; it
        does not change the score).

autograde (the run itself)
    InsertGuards  adds the grading guard (tools/grading_guard.py) to the
        notebook: a first cell that snapshots the stack before student code
        runs, a probe after every cell a student can edit, and a first and a
        last line in every check cell that fail the check when anything it
        relies on was changed.
    CachedExecute  nbgrader's Execute, reusing the outputs of a run of the
        very same notebook when `python -m tools.classroom autograde` has
        already executed it in parallel.
    RemoveGuards  takes the guard out again, fails the checks it could not
        vouch for, and writes the integrity report of the submission.

The score still comes from nbgrader's own SaveAutoGrades, so `nbgrader
export` shows it. Students' notebooks import nothing from this repository:
all of this runs on the instructor's side.
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import secrets
import symtable
from pathlib import Path

import nbformat
from nbformat import NotebookNode
from nbgrader import utils
from nbgrader.api import Gradebook
from nbgrader.preprocessors import Execute, NbGraderPreprocessor, OverwriteCells
from traitlets import Bool, Unicode

GUARD_SOURCE = Path(__file__).with_name("grading_guard.py")
MIME = "application/x-mml-integrity+json"
META = "mml_integrity"
ERROR_NAME = "GradingIntegrityError"
NONCE_ENV = "MML_GRADING_NONCE"
CACHE_ENV = "MML_GRADING_CACHE"
# Packages the guard snapshots (and imports first, before any student code runs).
STACK = ("numpy", "scipy", "sklearn")
ALLOWED_PACKAGES = frozenset({"numpy", "scipy", "sklearn", "sympy", "matplotlib", "pandas",
                              "math", "cmath", "statistics", "random", "fractions",
                              "decimal", "itertools", "functools", "operator", "collections"})
CONVENTIONAL_ALIASES = {("numpy", "np"), ("matplotlib.pyplot", "plt"), ("pandas", "pd"),
                        ("scipy.stats", "stats"), ("sympy", "sp")}
BEGIN_HIDDEN, END_HIDDEN = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"


# ---- what students received, and what the checks read ----------------------------

def released_source(source: str) -> str:
    """A cell's source as `nbgrader generate_assignment` hands it out (hidden tests removed)."""
    kept, hidden = [], False
    for line in source.split("\n"):
        if BEGIN_HIDDEN in line:
            hidden = True
        elif END_HIDDEN in line:
            hidden = False
        elif not hidden:
            kept.append(line)
    return "\n".join(kept)


def _parse(source: str) -> ast.Module | None:
    try:
        return ast.parse(source)
    except SyntaxError:
        return None


def bound_names(source: str) -> set[str]:
    """Names a cell binds at its top level (assignments, def, class, import, for, with, del)."""
    tree = _parse(source)
    if tree is None:
        return set()
    table = symtable.symtable(source, "<cell>", "exec")
    return {s.get_name() for s in table.get_symbols() if s.is_assigned() or s.is_imported()}


def global_reads(source: str) -> set[str]:
    """Global names a cell reads, at its top level or from inside its functions."""
    if _parse(source) is None:
        return set()
    found: set[str] = set()

    def walk(table: symtable.SymbolTable) -> None:
        for symbol in table.get_symbols():
            if not symbol.is_referenced():
                continue
            if table.get_type() == "module" or symbol.is_global():
                found.add(symbol.get_name())
        for child in table.get_children():
            walk(child)

    walk(symtable.symtable(source, "<cell>", "exec"))
    return found


class SourceCell:
    """What the gradebook stores about one nbgrader cell of the instructor's notebook."""

    def __init__(self, name: str, cell_type: str, locked: bool, source: str, grade: bool):
        self.name, self.cell_type, self.locked = name, cell_type, locked
        self.source, self.grade = source, grade


def source_cells(gradebook: Gradebook, notebook: str, assignment: str) -> dict[str, SourceCell]:
    """The instructor's nbgrader cells of one notebook, by grade_id."""
    nb = gradebook.find_notebook(notebook, assignment)
    grade = {c.name for c in nb.grade_cells}
    return {c.name: SourceCell(c.name, c.cell_type, c.locked, c.source, c.name in grade)
            for c in nb.source_cells}


def protected_names(cells: dict[str, SourceCell]) -> tuple[set[str], dict[str, set[str]]]:
    """The global names the checks rely on, and the ones each locked helper cell binds.

    A name is protected when a locked cell reads it and neither a check cell
    nor a reference answer binds it: the helpers, the setup imports, builtins.
    """
    reads: set[str] = set()
    own: set[str] = set()
    helpers: dict[str, set[str]] = {}
    for cell in cells.values():
        if cell.cell_type != "code":
            continue
        if cell.locked:
            reads |= global_reads(cell.source)
        if cell.locked and not cell.grade:
            helpers[cell.name] = bound_names(cell.source)
        else:
            own |= bound_names(cell.source)  # a check's own variables, or a reference answer's
    helper_names = set().union(*helpers.values()) if helpers else set()
    protected = ((reads - own) | helper_names) - {"__builtins__"}
    return protected, helpers


def _meta(cell: NotebookNode) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


# ---- sanitize: compare locked cells with the handout, scan the student's code -----

class IntegrityOverwriteCells(OverwriteCells):
    """OverwriteCells that compares a locked cell with the version students received.

    nbgrader stores each locked cell's checksum as computed BEFORE hidden tests
    are removed, then compares it with the submitted cell, which never has
    them: every check cell with hidden tests looks edited. Here a submitted
    cell that equals the handout's version (the stored source with its hidden
    tests removed) gets the stored source back before nbgrader compares, so
    only a real edit is reported; the edit is also recorded for the integrity
    report (and nbgrader restores the original, as always).
    """

    def preprocess(self, nb: NotebookNode, resources: dict):
        self._edited: list[str] = []
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            self._cells = source_cells(gb, info["notebook"], info["assignment"])
        nb, resources = super().preprocess(nb, resources)
        present = {_meta(c).get("grade_id") for c in nb.cells}
        missing = sorted(name for name, c in self._cells.items() if c.locked and name not in present)
        nb.metadata[META] = {"edited": self._edited, "missing": missing, "static": []}
        return nb, resources

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int):
        source = self._cells.get(_meta(cell).get("grade_id"))
        if source is not None and source.locked:
            if cell.source == released_source(source.source):
                cell.source = source.source
            elif cell.source != source.source:
                self._edited.append(source.name)
        return super().preprocess_cell(cell, resources, index)


_SUSPECT_CALLS = {"setattr", "delattr", "exec", "eval", "compile", "__import__", "globals",
                  "vars", "locals", "get_ipython", "reload"}
_SUSPECT_ATTRS = {"__builtins__", "__dict__", "__code__", "__defaults__", "__kwdefaults__",
                  "__globals__", "f_globals", "f_builtins", "f_locals", "modules", "settrace",
                  "setprofile", "displayhook", "excepthook", "set_custom_exc", "run_cell",
                  "ast_transformers", "input_transformers_post", "_getframe"}
_SUSPECT_MODULES = {"builtins", "gc", "ctypes", "inspect", "importlib", "unittest", "sys",
                    "IPython", "types"}


def scan(source: str, protected: set[str]) -> list[tuple[int, str]]:
    """(line, finding) for code in a student's cell that could change what the checks do."""
    tree = _parse(source)
    if tree is None:
        return []
    modules = {"np", "numpy", "math", "scipy", "builtins", "sys"}
    for node in ast.walk(tree):  # aliases the cell itself gives to modules
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                modules.add((alias.asname or alias.name).split(".")[0])
    found: list[tuple[int, str]] = []

    def root(node):
        while isinstance(node, (ast.Attribute, ast.Subscript)):
            node = node.value
        return node.id if isinstance(node, ast.Name) else None

    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Name) and node.id in protected and \
                isinstance(node.ctx, (ast.Store, ast.Del)):
            verb = "deletes" if isinstance(node.ctx, ast.Del) else "rebinds"
            found.append((line, f"{verb} `{node.id}`, which the checks use"))
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and \
                node.name in protected:
            found.append((line, f"defines its own `{node.name}`, which the checks use"))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                if alias.name == "*":
                    found.append((line, "imports * (may shadow names the checks use)"))
                elif bound in protected and alias.asname and \
                        alias.name.split(".")[-1] != bound and \
                        (alias.name, bound) not in CONVENTIONAL_ALIASES:
                    found.append((line, f"imports {alias.name} as `{bound}`, which the checks use"))
                module = (getattr(node, "module", None) or alias.name).split(".")[0]
                if module in _SUSPECT_MODULES:
                    found.append((line, f"imports {module}"))
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, (ast.Store, ast.Del)):
            base = root(node)
            if base in modules or base in protected:
                found.append((line, f"assigns to `{ast.unparse(node)}`"))
        elif isinstance(node, ast.Attribute) and node.attr in _SUSPECT_ATTRS:
            found.append((line, f"uses `{ast.unparse(node)}`"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
                node.func.id in _SUSPECT_CALLS:
            found.append((line, f"calls {node.func.id}()"))
        elif isinstance(node, ast.Name) and node.id == "__builtins__":
            found.append((line, "uses `__builtins__`"))
        elif isinstance(node, ast.Global):
            hit = sorted(set(node.names) & protected)
            if hit:
                found.append((line, f"declares `global {', '.join(hit)}`"))
    return sorted(set(found))


class StaticIntegrityScan(NbGraderPreprocessor):
    """Note, for the report, code in the editable cells that could change the checks."""

    def preprocess(self, nb: NotebookNode, resources: dict):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            cells = source_cells(gb, info["notebook"], info["assignment"])
        protected, _ = protected_names(cells)
        findings = []
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or utils.is_locked(cell):
                continue
            label = cell_label(cell, index)
            try:
                lines = scan(cell.source, protected)
            except Exception as exc:  # the scan only informs: never let it stop grading
                lines = [(0, f"could not be scanned ({type(exc).__name__}: {exc})")]
            for line, what in lines:
                findings.append({"cell": label, "line": line, "what": what})
        nb.metadata.setdefault(META, {})["static"] = findings
        return nb, resources


def cell_label(cell: NotebookNode, index: int) -> str:
    """How the report names a cell: its grade_id, or its position in the notebook."""
    return _meta(cell).get("grade_id") or f"cell {index + 1}"


# ---- autograde: guard, execute, unguard -------------------------------------------

def nonce() -> str:
    return os.environ.get(NONCE_ENV) or secrets.token_hex(8)


def imported_packages(nb: NotebookNode) -> list[str]:
    """The stack packages plus the allowed top-level packages the notebook imports."""
    found = set(STACK)
    for cell in nb.cells:
        tree = _parse(cell.source) if cell.cell_type == "code" else None
        for node in ast.walk(tree) if tree else ():
            if isinstance(node, ast.Import):
                found |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return sorted(found & ALLOWED_PACKAGES | set(STACK))


def _inserted(source: str, nb: NotebookNode, number: int) -> NotebookNode:
    """A cell of the guard; its id is fixed so the same submission hashes the same."""
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata[META] = {"inserted": True}
    if nb.get("nbformat_minor", 0) >= 5:
        cell["id"] = f"mml-integrity-{number}"
    else:
        del cell["id"]
    return cell


class InsertGuards(NbGraderPreprocessor):
    """Put the grading guard into the notebook about to be executed."""

    def preprocess(self, nb: NotebookNode, resources: dict):
        info = resources["nbgrader"]
        with Gradebook(info["db_url"]) as gb:
            cells = source_cells(gb, info["notebook"], info["assignment"])
        protected, helpers = protected_names(cells)
        name = f"_mml_integrity_{nonce()}"
        install = (
            "import types as _mml_types\n"
            "_mml_guard = _mml_types.ModuleType('grading_guard')\n"
            f"exec(compile({GUARD_SOURCE.read_text(encoding='utf-8')!r}, 'grading_guard', 'exec'),"
            " _mml_guard.__dict__)\n"
            f"_mml_guard.install(globals(), {imported_packages(nb)!r}, {name!r})\n"
            "del _mml_types, _mml_guard"
        )
        count = iter(range(1_000_000))
        guarded = [_inserted(install, nb, next(count))]
        from_helpers: set[str] = set()
        setup_protected = False
        for index, cell in enumerate(nb.cells):
            meta = _meta(cell)
            if cell.cell_type != "code":
                guarded.append(cell)
                continue
            grade_id = meta.get("grade_id")
            locked = bool(grade_id) and utils.is_locked(cell)
            if not setup_protected and (utils.is_solution(cell) or utils.is_grade(cell)):
                rest = sorted(protected - from_helpers)
                guarded.append(_inserted(f"{name}.protect({rest!r}, 'the setup cells', False)",
                                         nb, next(count)))
                setup_protected = True
            if locked and utils.is_grade(cell):
                cell.source = f"{name}.head({grade_id!r})\n{cell.source}\n{name}.tail({grade_id!r})"
                cell.metadata.setdefault(META, {})["wrapped"] = [name]
                guarded.append(cell)
            elif locked:
                guarded.append(cell)
                names = sorted(helpers.get(grade_id, set()))
                from_helpers |= set(names)
                guarded.append(_inserted(f"{name}.protect({names!r}, {grade_id!r}, True)",
                                         nb, next(count)))
            else:
                guarded.append(cell)
                guarded.append(_inserted(f"{name}.probe({cell_label(cell, index)!r})",
                                         nb, next(count)))
        guarded.append(_inserted(f"{name}.report()", nb, next(count)))
        nb.cells = guarded
        return nb, resources


class CachedExecute(Execute):
    """nbgrader's Execute, reusing a stored run of exactly the same notebook.

    `python -m tools.classroom autograde` executes the submissions in parallel
    first (with throw-away gradebooks), storing each executed notebook under a
    hash of what was executed; nbgrader's own serial pass then finds them here
    instead of starting a kernel again. Without MML_GRADING_CACHE it simply executes.
    """

    def _key(self, nb: NotebookNode) -> str:
        text = json.dumps([nbformat.writes(nb), self.timeout, self.kernel_name], sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()

    def preprocess(self, nb: NotebookNode, resources: dict, km=None):
        cache = os.environ.get(CACHE_ENV)
        if not cache:
            return super().preprocess(nb, resources, km=km)
        path = Path(cache) / f"{self._key(nb)}.ipynb"
        if path.exists():
            self.log.info("Reusing the parallel run of this notebook")
            return nbformat.read(path, as_version=4), resources
        key = path
        nb, resources = super().preprocess(nb, resources, km=km)
        temporary = key.with_suffix(f".{os.getpid()}.tmp")
        nbformat.write(nb, temporary)
        temporary.replace(key)
        return nb, resources


def _error(evalue: str) -> NotebookNode:
    return nbformat.v4.new_output("error", ename=ERROR_NAME, evalue=evalue,
                                  traceback=[f"{ERROR_NAME}: {evalue}"])


class RemoveGuards(NbGraderPreprocessor):
    """Take the guard out, fail the checks it could not vouch for, write the report."""

    report_directory = Unicode(
        "", help="Where to write one JSON integrity report per submitted notebook "
                 "(<dir>/<assignment>/<student>/<notebook>.json); empty: log only."
    ).tag(config=True)
    penalize_edited_locked_cells = Bool(
        True, help="A submission that edited a locked cell scores zero on the checks from "
                   "that cell on (nbgrader restores the original either way)."
    ).tag(config=True)

    def preprocess(self, nb: NotebookNode, resources: dict):
        info = resources["nbgrader"]
        found = nb.metadata.pop(META, {"edited": [], "missing": [], "static": []})
        events: list[dict] = []
        report = None
        kept = []
        for cell in nb.cells:
            if cell.get("metadata", {}).get(META, {}).get("inserted"):
                for output in cell.get("outputs", []):
                    if output.output_type == "display_data" and MIME in output.data:
                        report = output.data[MIME]
                continue
            kept.append(cell)
        nb.cells = kept
        if report is None:
            events.append({"cell": "-", "what": "the grading guard did not report: the kernel "
                                                "died or the guard was disabled"})
        else:
            events += [{"cell": c, "what": w} for c, w in json.loads(report)["events"]]
            finished = set(json.loads(report)["finished"])
        edited = set(found["edited"]) if self.penalize_edited_locked_cells else set()
        for name in found["edited"]:
            events.append({"cell": name, "what": "edited this locked cell (nbgrader restored it)"})
        zeroed = []
        penalized = False
        for cell in nb.cells:
            meta = cell.get("metadata", {})
            grade_id = _meta(cell).get("grade_id")
            if grade_id in edited and not utils.is_grade(cell):
                penalized = True  # an edited helper cell: every later check could be affected
            wrap = meta.get(META, {}).get("wrapped")
            if not wrap:
                continue
            name = wrap[0]
            head, tail = f"{name}.head({grade_id!r})\n", f"\n{name}.tail({grade_id!r})"
            if cell.source.startswith(head) and cell.source.endswith(tail):
                cell.source = cell.source[len(head):-len(tail)]
            del meta[META]
            errors = [o for o in cell.outputs if o.output_type == "error"]
            results = [o for o in cell.outputs if o.output_type == "execute_result"]
            if results:
                events.append({"cell": grade_id, "what": "student code displayed a result while "
                                                         "the check ran (nbgrader would read it "
                                                         "as partial credit)"})
                cell.outputs = [o for o in cell.outputs if o.output_type != "execute_result"]
            reason = None
            if any(o.ename == ERROR_NAME for o in errors):
                reason = "tampering"
            elif results:
                reason = "a result was displayed while the check ran"
            elif not errors and (report is None or grade_id not in finished):
                reason = "the check did not run to its end under the guard"
            elif penalized or grade_id in edited:
                reason = "the submission edited a locked cell it depends on"
            if reason and not any(o.ename == ERROR_NAME for o in errors):
                cell.outputs.append(_error(f"{grade_id} is not graded: {reason}."))
            if reason:
                zeroed.append(grade_id)
        record = {
            "student": info["student"], "assignment": info["assignment"],
            "notebook": info["notebook"], "tampering": events, "zeroed": zeroed,
            "missing_locked_cells": found["missing"], "static": found["static"],
        }
        for event in events:
            self.log.warning("Integrity: %s/%s, cell %s: %s", info["student"], info["notebook"],
                             event["cell"], event["what"])
        for finding in found["static"]:
            self.log.info("Integrity (static): %s/%s, %s line %s: %s", info["student"],
                          info["notebook"], finding["cell"], finding["line"], finding["what"])
        if self.report_directory:
            folder = Path(self.report_directory) / info["assignment"] / info["student"]
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{info['notebook']}.json").write_text(json.dumps(record, indent=1) + "\n")
        resources.setdefault("mml_integrity", record)
        return nb, resources
