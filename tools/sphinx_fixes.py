"""A Sphinx extension with the book's fixes to its theme stack.

Jupyter Book 1 registers sphinx-thebe's and sphinx-togglebutton's inline
configuration scripts twice (once with no file name, once with an empty
one), so every page ran them twice, and the second `const THEBE_JS_URL`
threw "Identifier 'THEBE_JS_URL' has already been declared" in the
reader's console. Emitting each script once fixes every page, whatever
adds the duplicate.
"""
from __future__ import annotations


def _script_key(script) -> tuple:
    """What makes two scripts the same: file (None and "" alike), priority, attributes."""
    attributes = getattr(script, "attributes", {})
    return (
        getattr(script, "filename", None) or "",
        getattr(script, "priority", None),
        tuple(sorted((key, str(value)) for key, value in attributes.items())),
    )


def drop_duplicate_scripts(app, pagename, templatename, context, doctree) -> None:
    """Keep the first of any scripts that are the same."""
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        key = _script_key(script)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def setup(app):
    app.connect("html-page-context", drop_duplicate_scripts)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
