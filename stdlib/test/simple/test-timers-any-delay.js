var common = require('../common');
var assert = require('assert');

// setTimeout/setInterval take any delay, as v0.6.3 did: a fraction is truncated, a missing,
// NaN or negative delay fires as soon as possible; never a RangeError.
var delays = [1.5, 2.7, 0.5, NaN, -5, -0.5, undefined, null, '10', 'abc', {}, [], Infinity,
              1e10, 2147483648.5];
delays.forEach(function(delay) {
  var timer = setTimeout(common.mustCall(function() {}), delay);
  if (typeof delay === 'number' && delay >= 1 && delay < 2147483648) {
    assert.equal(timer._idleTimeout, Math.floor(delay));
  } else if (delay === '10') {
    assert.equal(timer._idleTimeout, 10);
  } else {
    assert.equal(timer._idleTimeout, 1);
  }
});
setTimeout(common.mustCall(function() {}));

var count = 0;
var interval = setInterval(common.mustCall(function() {
  if (++count === 3) clearInterval(interval);
}, 3), 0.25);
var nanInterval = setInterval(common.mustCall(function() {
  clearInterval(nanInterval);
}), NaN);
