// repl.markdown example 5: a js-repl transcript of `_`, the last result.
// adaptation: the transcript's input is repl-5.stdin, fed to repl.start() on stdin;
// repl-5.out is the transcript's output.
require('repl').start();
