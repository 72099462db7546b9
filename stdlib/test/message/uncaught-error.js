// An uncaught exception: location, source line, caret, stack on stderr; the process ends with 1.
function fail() {
  throw new Error('boom');
}
fail();
