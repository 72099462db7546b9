// repl.markdown example 1: a js-repl transcript (an array, then forEach printing each value).
// adaptation: the transcript's input is repl-1.stdin, fed to repl.start() on stdin;
// repl-1.out is the transcript's output.
require('repl').start();
