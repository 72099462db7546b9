// mkdir (with and without a mode), readdir and rmdir, sync and async.
var common = require('../common');
var assert = require('assert');
var fs = require('fs');
var path = require('path');

var dir = path.join(common.tmpDir, 'mkdir-test');
try { fs.rmdirSync(path.join(dir, 'sub')); } catch (e) {}
try { fs.unlinkSync(path.join(dir, 'file')); } catch (e) {}
try { fs.rmdirSync(dir); } catch (e) {}

fs.mkdirSync(dir);
assert.ok(fs.statSync(dir).isDirectory());
fs.mkdirSync(path.join(dir, 'sub'), 0700);
assert.strictEqual(fs.statSync(path.join(dir, 'sub')).mode & 0777, 0700);
fs.writeFileSync(path.join(dir, 'file'), 'x');
assert.deepEqual(fs.readdirSync(dir).sort(), ['file', 'sub']);

fs.readdir(dir, common.mustCall(function(err, names) {
  assert.ifError(err);
  assert.deepEqual(names.sort(), ['file', 'sub']);
  fs.rmdir(path.join(dir, 'sub'), common.mustCall(function(err) {
    assert.ifError(err);
    assert.deepEqual(fs.readdirSync(dir), ['file']);
    // rmdir of a non-empty directory fails.
    fs.rmdir(dir, common.mustCall(function(err) {
      assert.ok(err);
      assert.strictEqual(err.code, 'ENOTEMPTY');
      fs.unlinkSync(path.join(dir, 'file'));
      fs.rmdirSync(dir);
      assert.ok(!fs.existsSync(dir));
      fs.mkdir(dir, common.mustCall(function(err) {
        assert.ifError(err);
        assert.deepEqual(fs.readdirSync(dir), []);
      }));
    }));
  }));
}));
