// An uncaught exception: location, source line, caret, stack on stderr; 'exit' runs with 1.
process.on('exit', function(code) { console.log('exit code', code); });
function fail() {
  throw new Error('boom');
}
fail();
