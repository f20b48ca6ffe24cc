# nbgrader configuration for a course directory made by
#   python -m tools.classroom new COURSE_DIR
# which copies this file into COURSE_DIR. See instructors.md for the whole flow.
from pathlib import Path

c = get_config()  # noqa: F821 (provided by nbgrader when it reads this file)
course = Path(__file__).resolve().parent

c.CourseDirectory.course_id = "mml-course"
c.CourseDirectory.root = str(course)
# The exchange is where released assignments wait and submissions arrive. On a
# shared JupyterHub it is a directory every user can reach (nbgrader's default
# is /srv/nbgrader/exchange); this keeps it inside the course directory.
c.Exchange.root = str(course / "exchange")

# Autograding runs every submitted cell; a cell still running after this many
# seconds (an infinite loop, say) is interrupted and its checks score zero.
c.Execute.timeout = 30

# The stub that replaces each reference answer: the same one `make exercises` uses.
c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}

# Grading integrity (tools/grading.py; instructors.md explains it). The course's
# tools must be importable: `python -m tools.classroom autograde` arranges that;
# to run `nbgrader autograde` by hand, put the repository on PYTHONPATH.
import sys  # noqa: E402

REPOSITORY = "@REPOSITORY@"
if REPOSITORY not in sys.path:
    sys.path.insert(0, REPOSITORY)
from nbconvert.preprocessors import ClearMetadataPreprocessor  # noqa: E402
from nbgrader.preprocessors import (  # noqa: E402
    AssignLatePenalties, CheckCellMetadata, ClearOutput, DeduplicateIds, IgnorePattern,
    LimitOutput, OverwriteKernelspec, SaveAutoGrades)

from tools.grading import (  # noqa: E402
    CachedExecute, InsertGuards, IntegrityOverwriteCells, RemoveGuards, StaticIntegrityScan)

# nbgrader's own lists, with OverwriteCells and Execute replaced and the guard added
c.Autograde.sanitize_preprocessors = [
    ClearOutput, DeduplicateIds, OverwriteKernelspec, IntegrityOverwriteCells,
    StaticIntegrityScan, CheckCellMetadata,
]
c.Autograde.autograde_preprocessors = [
    InsertGuards, CachedExecute, RemoveGuards, IgnorePattern, ClearMetadataPreprocessor,
    LimitOutput, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata,
]
# One JSON report per submitted notebook: integrity/<assignment>/<student>/<notebook>.json
c.RemoveGuards.report_directory = str(course / "integrity")
