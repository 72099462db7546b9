// process.markdown example 5: reading stdin and echoing each chunk.
// adaptation: none to the program; its stdin is process-5.stdin (fed by run_case.sh) and
// process-5.out is the expected output (one chunk: the file is small).
process.stdin.resume();
process.stdin.setEncoding('utf8');

process.stdin.on('data', function (chunk) {
  process.stdout.write('data: ' + chunk);
});

process.stdin.on('end', function () {
  process.stdout.write('end');
});
