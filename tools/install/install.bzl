"""What install.sh is given: by //:install, and by the tests that run install.sh themselves."""

INSTALL_ARGS = [
    "--runtime=$(rootpath //runtime)",
    "--npm=$(rootpath @npm//:tarball)",
    "--libnode=$(rootpath @v8//:libnode)",
    "--node-h=$(rootpath //runtime/addon:node.h)",
    "--headers",
    "$(rootpaths @v8//:headers)",
    "--end-of-build-args",
]

INSTALL_DATA = [
    "//tools/install:install.sh",
    "//runtime",
    "//runtime/addon:node.h",
    "@npm//:tarball",
    "@v8//:headers",
    "@v8//:libnode",
]
