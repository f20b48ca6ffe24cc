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
