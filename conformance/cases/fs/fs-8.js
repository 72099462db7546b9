// fs.markdown example 8: watching a directory.
// adaptation: require('fs'); somedir is created in the temporary directory, a file is created
// in it, and the watcher closed after the first event; record console.log lines for the check.
var assert = require('assert');
var logged = [];
var realLog = console.log;
console.log = function () {
  logged.push(require('util').format.apply(null, arguments));
  realLog.apply(console, arguments);
};
var fs = require('fs');
process.chdir(process.env.TEST_TMPDIR || '/tmp');
try { fs.mkdirSync('somedir'); } catch (e) {}

var watcher =  // adaptation: keep the watcher to close it
fs.watch('somedir', function (event, filename) {
  console.log('event is: ' + event);
	  if (filename) {
    console.log('filename provided: ' + filename);
	  } else {
	    console.log('filename not provided');
	  }
  watcher.close();  // adaptation: stop
});

setTimeout(function () { fs.writeFileSync('somedir/new.txt', 'x'); }, 100);

process.on('exit', function () {
  assert.ok(/^event is: (rename|change)$/.test(logged[0]), logged[0]);
  assert.ok(logged[1] === 'filename provided: new.txt' ||
            logged[1] === 'filename not provided', logged[1]);
});
