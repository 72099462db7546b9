var common = require('../common');
var assert = require('assert');
var timers = require('timers');

// v0.6's internal idle-timeout API, as libraries of the time called it through
// require('timers'): an enrolled object's _onTimeout() is called once it has been idle (no
// active() call) for its timeout. active() starts the wait again, behind every item that was
// active before it (as v0.6.3 moved it to the end of its list); unenroll() and clearTimeout()
// stop it; a pending item keeps the process alive, as a timer does.
var fired = [];

function Item(name) {
  this.name = name;
}
Item.prototype._onTimeout = function() {
  assert.ok(this instanceof Item);
  fired.push(this.name);
  // Active once more after its first timeout: it waits again, on its own.
  if (this.name === 'a' && !this.again) {
    this.again = true;
    timers.active(this);
  }
};

var a = new Item('a');
var b = new Item('b');
var c = new Item('c');
var d = new Item('d');
[a, b, c, d].forEach(function(item) { timers.enroll(item, 20); });
timers.active(a);
timers.active(b);
timers.active(c);
timers.active(d);
// Active again in the same instant: due after b now, not before it.
timers.active(a);
setTimeout(function() { fired.push('setTimeout'); }, 20);

timers.unenroll(c);
assert.strictEqual(c._idleTimeout, -1);
timers.active(c);  // unenrolled: nothing starts

timers.clearTimeout(d);
assert.strictEqual(d._onTimeout, null);

// An item enrolled but never active waits for nothing.
timers.enroll(new Item('never'), 1);

process.on('exit', function() {
  assert.deepEqual(fired, ['b', 'a', 'setTimeout', 'a']);
});
