"""nodus_fuzz_test: one libFuzzer target (LLVMFuzzerTestOneInput) that is also a cc_test.

Under a normal build (gcc, `bazel test //...`, --config=asan) the test links
//tools/fuzz:replay_main and replays the seed corpus in corpus/<name>/ (every file, once), then
runs a fixed number of blind mutations of each seed (MUTATIONS_PER_SEED, with a fixed random
seed, so a failure reproduces: see replay_main.cc for NODUS_FUZZ_DUMP).
Under --config=fuzz (clang) it links libFuzzer's own main() instead; tools/fuzz/run.sh runs it.
"""

load("@rules_cc//cc:defs.bzl", "cc_test")

MUTATIONS_PER_SEED = "500"

def nodus_fuzz_test(name, srcs, deps = [], size = "small", **kwargs):
    corpus = name + "_corpus"
    native.filegroup(
        name = corpus,
        srcs = native.glob(["corpus/%s/**" % name], allow_empty = False),
        testonly = True,
    )
    cc_test(
        name = name,
        size = size,
        srcs = srcs,
        args = ["$(locations :%s)" % corpus],
        data = [":" + corpus],
        env = {"NODUS_FUZZ_MUTATIONS": MUTATIONS_PER_SEED, "NODUS_FUZZ_SEED": "1"},
        linkopts = select({
            "//tools/fuzz:libfuzzer": ["-fsanitize=fuzzer"],
            "//conditions:default": [],
        }),
        deps = deps + select({
            "//tools/fuzz:libfuzzer": [],
            "//conditions:default": ["//tools/fuzz:replay_main"],
        }),
        tags = ["fuzz"],
        **kwargs
    )
