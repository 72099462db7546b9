// tty.markdown example 1: raw mode and a Control-C keypress.
// adaptation: raw mode is set only when stdin is a terminal (tty.setRawMode throws otherwise);
// without a terminal to type in, the case emits the Control-C keypress on stdin itself.
// tty-1.out is the expected output.
var tty = require('tty');
process.stdin.resume();
if (tty.isatty(0)) tty.setRawMode(true);  // adaptation: was tty.setRawMode(true)
process.stdin.on('keypress', function(char, key) {
  if (key && key.ctrl && key.name == 'c') {
    console.log('graceful exit');
    process.exit()
  }
});
// adaptation: the Control-C a terminal user would type
if (!tty.isatty(0)) process.stdin.emit('keypress', '\u0003', { name: 'c', ctrl: true });
