// readline.markdown example 6: the 'close' event.
// adaptation: rl is an interface on stdin/stdout whose stdin (readline-6.stdin, empty) ends,
// which closes it; readline-6.out is the expected output.
var rl = require('readline').createInterface(process.stdin, process.stdout);
rl.on('close', function() {
  console.log('goodbye!');
  process.exit(0);
});
process.stdin.on('end', function () { rl.close(); });  // adaptation: Control-D
