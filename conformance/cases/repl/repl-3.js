// repl.markdown example 3: the signature of a custom eval for repl.start.
// adaptation: `result` is the command evaluated with vm; the eval is passed to repl.start and
// the input is repl-3.stdin; repl-3.out shows its result.
var result;
function eval(cmd, callback) {
  result = require('vm').runInThisContext(cmd);  // adaptation
  callback(null, result);
}
require('repl').start('> ', null, eval);
