// Every os function returns the documented type, with values the machine can plausibly have.
var common = require('../common');
var assert = require('assert');
var os = require('os');

var hostname = os.hostname();
assert.strictEqual(typeof hostname, 'string');
assert.ok(hostname.length > 0);

assert.strictEqual(os.type(), 'Linux');
assert.strictEqual(os.platform(), process.platform);
assert.strictEqual(os.platform(), 'linux');
assert.strictEqual(os.arch(), process.arch);
var release = os.release();
assert.strictEqual(typeof release, 'string');
assert.ok(/^\d+\.\d+/.test(release), release);

var uptime = os.uptime();
assert.strictEqual(typeof uptime, 'number');
assert.ok(uptime > 0);
assert.strictEqual(uptime, Math.floor(uptime));

var loadavg = os.loadavg();
assert.ok(Array.isArray(loadavg));
assert.strictEqual(loadavg.length, 3);
loadavg.forEach(function(load) {
  assert.strictEqual(typeof load, 'number');
  assert.ok(load >= 0);
});

var total = os.totalmem();
var free = os.freemem();
assert.strictEqual(typeof total, 'number');
assert.strictEqual(typeof free, 'number');
assert.ok(total > 0);
assert.ok(free > 0 && free <= total);

var cpus = os.cpus();
assert.ok(Array.isArray(cpus));
assert.ok(cpus.length > 0);
cpus.forEach(function(cpu) {
  assert.deepEqual(Object.keys(cpu), ['model', 'speed', 'times']);
  assert.strictEqual(typeof cpu.model, 'string');
  assert.strictEqual(typeof cpu.speed, 'number');
  assert.deepEqual(Object.keys(cpu.times), ['user', 'nice', 'sys', 'idle', 'irq']);
  Object.keys(cpu.times).forEach(function(key) {
    assert.strictEqual(typeof cpu.times[key], 'number');
    assert.ok(cpu.times[key] >= 0);
  });
});

// Each call makes new objects: changing one result does not change the next.
cpus[0].model = 'changed';
assert.notStrictEqual(os.cpus()[0].model, 'changed');

// Nothing newer than v0.6 is exported.
assert.deepEqual(Object.keys(os).sort(), [
  'arch', 'cpus', 'freemem', 'getNetworkInterfaces', 'hostname', 'loadavg', 'networkInterfaces',
  'platform', 'release', 'totalmem', 'type', 'uptime'
]);
