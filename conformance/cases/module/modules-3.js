// modules.markdown example 3: a.js of the cycle example.
// adaptation: b.js is example 4, saved here as modules-4.js.
// The doc shows output only for main.js (example 5); run alone, a.js prints the same
// cycle from a's side, as derived from the documented semantics.
console.log('a starting');
exports.done = false;
var b = require('./modules-4.js');
console.log('in a, b.done = %j', b.done);
exports.done = true;
console.log('a done');
