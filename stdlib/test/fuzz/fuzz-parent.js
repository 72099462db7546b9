// The parent half of the API fuzz tests: runs fuzz-child.js once per module (or binding), each in
// its own process and scratch directory, so one crash does not hide the others, and fails the
// test naming every module whose child crashed (a signal, ASan's report), exited non-zero, or hung
// (no end within HANG_MS), with the call it was making: the last line of its progress file.
// What fuzz-child.js skips on purpose, and why, is listed in its SKIP table.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');
var spawn = require('child_process').spawn;

// Far above what any module takes (a few seconds, more under ASan): past it, a call hangs.
var HANG_MS = 240 * 1000;
var CHILD = path.join(__dirname, 'fuzz-child.js');

exports.run = function(kind, names) {
  var failures = [];
  var scratch = path.join(common.tmpDir, 'fuzz-' + kind + '-' + process.pid);
  try { fs.mkdirSync(scratch, 448); } catch (e) {}

  function next(i) {
    if (i === names.length) {
      if (failures.length > 0) {
        console.error(failures.join('\n\n'));
        assert.fail(failures.length + ' of ' + names.length + ' ' + kind + 's failed');
      }
      console.log('fuzzed ' + names.length + ' ' + kind + 's');
      return;
    }
    var name = names[i];
    var dir = path.join(scratch, name);
    try { fs.mkdirSync(dir, 448); } catch (e) {}
    var progressFile = path.join(scratch, name + '.progress');
    fs.writeFileSync(progressFile, '');
    var child = spawn(process.execPath, [CHILD, kind, name, progressFile], { cwd: dir });
    var stderr = '';
    child.stdout.on('data', function() {});
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', function(d) {
      stderr += d;
      if (stderr.length > 8192) stderr = stderr.slice(-8192);
    });
    var hung = false;
    var timer = setTimeout(function() {
      hung = true;
      child.kill('SIGKILL');
    }, HANG_MS);
    child.on('exit', function(code, signal) {
      clearTimeout(timer);
      var lines = fs.readFileSync(progressFile, 'utf8').split('\n').filter(Boolean);
      var last = lines.length > 0 ? lines[lines.length - 1] : '(before the first call)';
      var done = /^FUZZ-DONE /.test(last);
      if (hung || code !== 0 || signal !== null || !done) {
        failures.push(kind + ' ' + name + ': ' +
                      (hung ? 'hung' : 'exit code ' + code + ', signal ' + signal) +
                      ' during: ' + last + '\n' + stderr.slice(-2000));
      } else {
        console.log(kind + ' ' + name + ': ' + last.slice('FUZZ-DONE '.length));
      }
      next(i + 1);
    });
  }
  next(0);
};
