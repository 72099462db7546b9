// repl.markdown example 7: the js-repl transcript of repl_test.js (example 6): `m` is 'message'.
// adaptation: this case is repl_test.js again; the input is repl-7.stdin and repl-7.out the
// transcript's output.
var repl = require("repl"),
    msg = "message";

repl.start().context.m = msg;
