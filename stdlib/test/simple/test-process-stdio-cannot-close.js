var common = require('../common');
var assert = require('assert');

// As in v0.6.3: process.stdout and process.stderr cannot be closed.
['stdout', 'stderr'].forEach(function(name) {
  var stream = process[name];
  ['end', 'destroy', 'destroySoon'].forEach(function(method) {
    assert.throws(function() { stream[method](); }, function(err) {
      return err instanceof Error && err.message === 'process.' + name + ' cannot be closed';
    }, name + '.' + method);
  });
  assert.ok(stream.writable);
});
// Piping into stdout leaves it open when the source ends.
var Stream = require('stream').Stream;
var source = new Stream();
source.readable = true;
source.pipe(process.stdout);
source.emit('data', '');
source.emit('end');
console.log('still open');
