// modules.markdown example 5: main.js of the cycle example; its output is example 6.
// adaptation: a.js and b.js are examples 3 and 4, saved here as modules-3.js and modules-4.js.
console.log('main starting');
var a = require('./modules-3.js');
var b = require('./modules-4.js');
console.log('in main, a.done=%j, b.done=%j', a.done, b.done);
