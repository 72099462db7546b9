// repl.markdown example 6: repl_test.js, exposing a variable through the REPL's context.
// adaptation: the session's input (m) is repl-6.stdin; repl-6.out is the session's output.
// repl_test.js
var repl = require("repl"),
    msg = "message";

repl.start().context.m = msg;
