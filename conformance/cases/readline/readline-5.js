// readline.markdown example 5: the 'line' event.
// adaptation: rl is an interface on stdin/stdout; lines come from readline-5.stdin;
// readline-5.out is the expected output (the interface closes when stdin ends).
var rl = require('readline').createInterface(process.stdin, process.stdout);
rl.on('line', function (cmd) {
  console.log('You just typed: '+cmd);
});
process.stdin.on('end', function () { rl.close(); });  // adaptation: end with the input
