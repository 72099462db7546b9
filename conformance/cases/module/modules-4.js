// modules.markdown example 4: b.js of the cycle example.
// adaptation: a.js is example 3, saved here as modules-3.js.
// The doc shows output only for main.js (example 5); run alone, b.js prints the same
// cycle from b's side, as derived from the documented semantics.
console.log('b starting');
exports.done = false;
var a = require('./modules-3.js');
console.log('in b, a.done = %j', a.done);
exports.done = true;
console.log('b done');
