// streams.markdown example 1: process.stdin piped to process.stdout (`cat`).
// adaptation: none to the program; its stdin is streams-1.stdin (fed by run_case.sh) and
// streams-1.out, the same text, is the expected output.
process.stdin.resume();
process.stdin.pipe(process.stdout);
