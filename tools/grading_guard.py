"""The grading guard: runs INSIDE the kernel that autogrades a submission.

tools/grading.py inserts this file's source as the first cell of every
notebook it grades (students never see it: their notebooks import nothing
from this repository). It snapshots, before any student code runs, the
objects the check cells rely on:

- the attributes of the modules and classes of the scientific stack
  (math, builtins, numpy, scipy, sklearn, ...), and which module object
  `sys.modules` holds under each name;
- the functions and classes the check helpers are made of (their code,
  defaults and globals) and the global names the check cells read
  (call, check_number, np, distance, CheckFailed, ...), once the locked
  cells have defined them;
- the machinery that executes a cell and reports its errors (IPython's
  shell, the kernel, its session; sys.settrace/setprofile, sys.displayhook).

After every cell a student can edit it compares the live objects with the
snapshot by identity, whatever way they were changed (assignment, del,
exec of a string, globals()[...], setattr, an import under another alias,
a patched submodule). Every change is recorded with the cell that made it,
and every later check cell fails with GradingIntegrityError, so it scores
zero in nbgrader's gradebook. Only the standard library is used here, and
everything the guard itself calls is bound before student code runs.
"""
import builtins as _builtins
import json as _json
import sys as _sys
import types as _types

_MISSING = object()
_isinstance, _getattr, _vars, _dict, _id, _len = (
    isinstance, getattr, vars, dict, id, len)
_tuple, _list, _sorted, _repr, _type = tuple, list, sorted, repr, type
_Exception, _Function = Exception, _types.FunctionType
# sys attributes a student could use to change what a check cell does or reports
_SYS_NAMES = ("modules", "meta_path", "path_hooks", "displayhook", "excepthook",
              "stdout", "stderr", "settrace", "gettrace", "setprofile", "getprofile",
              "_getframe", "exc_info", "exception", "audit")
# how IPython runs a cell and reports its errors and results
_SHELL_NAMES = ("run_cell", "run_cell_async", "run_ast_nodes", "run_code", "showtraceback",
                "_showtraceback", "showsyntaxerror", "CustomTB", "custom_exceptions",
                "transform_cell", "transform_ast", "ast_transformers",
                "input_transformers_cleanup", "input_transformers_post",
                "input_transformer_manager", "InteractiveTB", "SyntaxTB", "excepthook",
                "displayhook", "display_pub", "events", "kernel", "compile", "user_ns",
                "user_global_ns", "should_run_async", "_run_cell", "run_line_magic",
                "run_cell_magic", "ex", "ev", "system", "getoutput")
_KERNEL_NAMES = ("do_execute", "execute_request", "shell_handlers", "session", "iopub_socket",
                 "iopub_thread", "send_response", "shell")
_PART_NAMES = ("send", "serialize", "pack", "send_multipart", "publish", "__call__",
               "write_output_prompt", "write_format_data", "compute_format_data",
               "structured_traceback", "stb2text", "finish_displayhook")
# attributes of the shell/kernel/session objects that change as cells run
_VOLATILE = frozenset({
    "execution_count", "last_execution_succeeded", "last_execution_result",
    "_last_traceback", "_reply_content", "_parent_header", "_parent", "parent_header",
    "_parent_ident", "_allow_stdin", "_main_mod_cache", "_execution_state",
    "_trait_values", "_trait_notifiers", "_cross_validation_lock", "_orig_sys_modules_main_mod",
    "_orig_sys_module_state", "_aborting", "_abort_queues", "_last_input_transformer",
    "_shell_channel_thread", "control_queue", "msg_queue", "shell_streams", "_control_stream",
    "displayhook", "display_pub", "data_pub", "history_manager", "_shutdown_message",
    "pid", "digest_history", "flags", "last_syntax_error", "_", "__", "___",
    "showing_traceback", "_last_traceback_during_displayhook", "_is_publishing",
    "_in_post_execute", "message_count", "_parent_header_global", "_shell_context", "_handle_control_keys", "_parent_headers",
})


class GradingIntegrityError(_Exception):
    """A check cannot be trusted: the submission changed what the checks rely on."""


def _describe(obj):
    name = _getattr(obj, "__qualname__", None) or _getattr(obj, "__name__", None)
    module = _getattr(obj, "__module__", None)
    if name and module and module != "__main__":
        return f"{module}.{name}"
    if name:
        return f"{_type(obj).__name__} {name}"
    return _type(obj).__name__


def _contents(value):
    """What to compare for a value: lists and dicts of hooks by their items."""
    if _isinstance(value, _types.MethodType):
        return ("method", _id(value.__func__), _id(value.__self__))
    if _isinstance(value, (_list, _tuple)):
        return ("list", _tuple(_id(v) for v in value))
    return _id(value)


def _callbacks(events):
    return _tuple((k, _contents(v)) for k, v in events.callbacks.items())


class Guard:
    def __init__(self, ns, packages):
        self.ns = ns
        self.events = []       # [cell, what] in the order found
        self.finished = []     # checks whose last line ran with nothing changed
        self._reported = set()
        self._mappings = []    # (label, mapping, snapshot dict)
        self._objects = []     # (label, getter, original id/contents)
        self._modules = {}     # module name -> module object
        self._names = {}       # protected global name -> original value or _MISSING
        self._packages = _tuple(packages)
        for package in self._packages:
            try:
                __import__(package)
            except _Exception:
                pass
        self._watch_modules()
        self._watch_machinery()

    # ---- snapshots -------------------------------------------------------
    def _watch_modules(self):
        for name, module in _list(_sys.modules.items()):
            if name in self._modules or not _isinstance(module, _types.ModuleType):
                continue
            if name in ("builtins", "math", "cmath", "operator", "functools", "sys") or \
                    name.split(".")[0] in self._packages:
                self._modules[name] = module
                if name != "sys":
                    self._mappings.append((f"{name}", _vars(module), _dict(_vars(module))))
                for value in _list(_vars(module).values()):
                    if _isinstance(value, _type) and _getattr(value, "__module__", None) == name:
                        self._mappings.append(
                            (f"{name}.{value.__name__}", _vars(value), _dict(_vars(value))))
        for key in _SYS_NAMES:
            value = _getattr(_sys, key, _MISSING)
            self._objects.append((f"sys.{key}",
                                  (lambda k=key: _contents(_getattr(_sys, k, _MISSING))),
                                  _contents(value)))
        gettrace, getprofile = _sys.gettrace, _sys.getprofile
        self._objects.append(("sys.gettrace()", lambda: _contents(gettrace()), _contents(gettrace())))
        self._objects.append(("sys.getprofile()", lambda: _contents(getprofile()),
                              _contents(getprofile())))

    def _watch_object(self, label, obj, names=()):
        for cls in _type(obj).__mro__[:-1]:
            self._mappings.append((f"{cls.__module__}.{cls.__qualname__}", _vars(cls),
                                   _dict(_vars(cls))))
        state = _getattr(obj, "__dict__", None)
        if state is not None:
            for key, value in _list(state.items()):
                if key not in _VOLATILE:
                    self._objects.append((f"{label}.{key}",
                                          (lambda s=state, k=key: _id(s.get(k, _MISSING))),
                                          _id(value)))
        for key in names:
            self._objects.append((f"{label}.{key}",
                                  (lambda o=obj, k=key: _contents(_getattr(o, k, _MISSING))),
                                  _contents(_getattr(obj, key, _MISSING))))

    def _watch_machinery(self):
        try:
            from IPython.core.getipython import get_ipython
        except _Exception:
            return
        shell = get_ipython()
        if shell is None:
            return
        self._watch_object("shell", shell, _SHELL_NAMES)
        self._objects.append(("shell.events.callbacks", lambda: _callbacks(shell.events),
                              _callbacks(shell.events)))
        kernel = _getattr(shell, "kernel", None)
        if kernel is not None:
            self._watch_object("kernel", kernel, _KERNEL_NAMES)
            for key in ("session", "iopub_socket", "iopub_thread"):
                part = _getattr(kernel, key, None)
                if part is not None:
                    self._watch_object(f"kernel.{key}", part, _PART_NAMES)
        for key in ("displayhook", "display_pub", "InteractiveTB", "SyntaxTB", "compile"):
            part = _getattr(shell, key, None)
            if part is not None:
                self._watch_object(f"shell.{key}", part, _PART_NAMES)

    def protect(self, names, cell, trusted):
        """Record the current values of the global names the check cells read.

        `trusted` names were just bound by a locked cell; the others come from
        cells a student could edit, so each must be a genuine library object.
        """
        for name in names:
            value = self.ns.get(name, _MISSING)
            self._names[name] = value
            if _isinstance(value, _Function):
                self._objects.append((f"{name}.__code__/__defaults__/__kwdefaults__",
                                      (lambda f=value: _contents((f.__code__, f.__defaults__,
                                                                   f.__kwdefaults__))),
                                      _contents((value.__code__, value.__defaults__,
                                                 value.__kwdefaults__))))
            elif _isinstance(value, _type) and value.__module__ == "__main__":
                self._mappings.append((name, _vars(value), _dict(_vars(value))))
            if not trusted and value is not _MISSING and not self._genuine(value):
                self._record(cell, f"`{name}` is {_describe(value)}, not the library object "
                                   "the exercise notebook imports")
        self._objects.append(("globals()['__builtins__']",
                              lambda: _contents(self.ns.get("__builtins__", _MISSING)),
                              _contents(self.ns.get("__builtins__", _MISSING))))

    def _genuine(self, value):
        if _isinstance(value, _types.ModuleType):
            return self._modules.get(value.__name__) is value
        module = self._modules.get(_getattr(value, "__module__", None) or "")
        if module is None:
            return False
        found = module
        for part in (_getattr(value, "__qualname__", "") or "").split("."):
            found = _getattr(found, part, _MISSING)
        return found is value

    # ---- comparisons -----------------------------------------------------
    def _changes(self, full):
        found = []
        for name, original in self._names.items():
            value = self.ns.get(name, _MISSING)
            if value is not original:
                if value is _MISSING:
                    found.append(f"deleted `{name}`")
                elif original is _MISSING:
                    found.append(f"shadowed the builtin `{name}` with {_describe(value)}")
                else:
                    found.append(f"rebound `{name}` to {_describe(value)}")
        if not full:
            return found
        for name, module in self._modules.items():
            if _sys.modules.get(name) is not module:
                found.append(f"replaced the module `{name}` in sys.modules")
        for label, mapping, snapshot in self._mappings:
            try:
                if mapping == snapshot:
                    continue
            except _Exception:
                pass
            for key, original in snapshot.items():
                value = mapping.get(key, _MISSING)
                if value is not original:
                    what = "deleted" if value is _MISSING else "patched"
                    found.append(f"{what} `{label}.{key}`")
            for key in mapping:
                if key not in snapshot and _isinstance(key, str) and \
                        _getattr(_builtins, key, _MISSING) is not _MISSING:
                    found.append(f"added `{label}.{key}`, shadowing the builtin")
        for label, getter, original in self._objects:
            try:
                value = getter()
            except _Exception:
                value = None
            if value != original:
                found.append(f"changed `{label}`")
        return found

    def _record(self, cell, what):
        if what not in self._reported:
            self._reported.add(what)
            self.events.append([cell, what])

    def probe(self, cell):
        """After a cell a student can edit: record what it changed."""
        for what in self._changes(full=True):
            self._record(cell, what)
        self._watch_modules()  # modules the cell imported for the first time

    def _fail(self, check):
        shown = "; ".join(f"{what} (in {cell})" for cell, what in self.events[:6])
        more = f"; and {_len(self.events) - 6} more" if _len(self.events) > 6 else ""
        raise GradingIntegrityError(
            f"{check} is not graded: before or while it ran, the submission {shown}{more}. "
            "The checks depend on these objects, so they cannot be trusted.")

    def head(self, check):
        """First line of every check cell."""
        for what in self._changes(full=False):
            self._record(f"a cell before {check}", what)
        if self.events:
            self._fail(check)

    def tail(self, check):
        """Last line of every check cell: the student's functions ran in between."""
        for what in self._changes(full=True):
            self._record(f"code called by {check}", what)
        if self.events:
            self._fail(check)
        self.finished.append(check)

    def report(self):
        """The last cell: hand the findings to the grader."""
        from IPython.display import publish_display_data
        publish_display_data({"application/x-mml-integrity+json": _json.dumps(
            {"events": self.events, "finished": self.finished})})


def install(ns, packages, name):
    """Create the guard before any student code runs; bind it to `name` in `ns`."""
    guard = Guard(ns, packages)
    ns[name] = guard
    return guard
