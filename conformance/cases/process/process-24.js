// process.markdown example 24: process.memoryUsage; the doc's output is example 25.
// adaptation: the golden matches any numbers, either line layout and any further fields.
var util = require('util');

console.log(util.inspect(process.memoryUsage()));
