// fs.markdown example 12: the js-value default options of fs.createWriteStream.
// adaptation: the literal becomes a check that a stream made with these options writes (and
// truncates) as one made without options.
var assert = require('assert');
var fs = require('fs');
process.chdir(process.env.TEST_TMPDIR || '/tmp');

var options = { flags: 'w',
  encoding: null,
  mode: 0666 };

var closed = 0;
[['a.txt', undefined], ['b.txt', options]].forEach(function (pair) {
  fs.writeFileSync(pair[0], 'old content, longer than the new');
  var out = fs.createWriteStream(pair[0], pair[1]);
  out.on('close', function () {
    assert.strictEqual(fs.readFileSync(pair[0], 'utf8'), 'new');
    closed++;
  });
  out.end('new');
});
process.on('exit', function () { assert.strictEqual(closed, 2); });
