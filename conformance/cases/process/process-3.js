// process.markdown example 3: a SIGINT listener while stdin keeps the process alive.
// adaptation: there is no terminal to press Control-C in, so the case sends itself SIGINT with
// process.kill (last line); its stdin is process-3.stdin (empty), whose end stands in for
// Control-D. process-3.out is the expected output.
// Start reading from stdin so we don't exit.
process.stdin.resume();

process.on('SIGINT', function () {
  console.log('Got SIGINT.  Press Control-D to exit.');
});

process.kill(process.pid, 'SIGINT');  // adaptation: the terminal's Control-C
