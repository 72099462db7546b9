// streams.markdown example 2: pipe with { end: false }, then write after stdin ends.
// adaptation: none to the program; its stdin is streams-2.stdin (fed by run_case.sh) and
// streams-2.out is the expected output (stdout still writable after the pipe: "Goodbye").
process.stdin.resume();

process.stdin.pipe(process.stdout, { end: false });

process.stdin.on("end", function() {
  process.stdout.write("Goodbye\n");
});
