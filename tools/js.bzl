"""Bazel macros for the project's JavaScript: embedding builtins and running JS tests."""

def js_builtins(name, srcs, visibility = None):
    """Compiles JS files into a cc_library of embedded sources (tools/js2c)."""
    native.genrule(
        name = name + "_gen",
        srcs = srcs,
        outs = [name + ".cc"],
        cmd = "$(location //tools:js2c) $@ $(SRCS)",
        tools = ["//tools:js2c"],
    )
    native.cc_library(
        name = name,
        srcs = [name + ".cc"],
        deps = ["//runtime/builtins:builtin_sources"],
        visibility = visibility,
        alwayslink = True,
    )

def js_test(name, src, data = [], args = [], size = "medium", **kwargs):
    """One JS test file run by the built runtime; it passes when the process exits with 0."""
    native.sh_test(
        name = name,
        srcs = ["//tools:run_js_test.sh"],
        args = ["$(location //runtime)", "$(location %s)" % src] + args,
        data = ["//runtime", src] + data,
        size = size,
        **kwargs
    )

def js_tests(srcs, data = [], **kwargs):
    """A js_test per file, named after the file without .js."""
    for src in srcs:
        js_test(
            name = src.split("/")[-1][:-3],
            src = src,
            data = data,
            **kwargs
        )
