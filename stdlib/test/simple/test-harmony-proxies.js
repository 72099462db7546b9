// Proxy.create and Proxy.createFunction, V8 3.6's proxies (v0.6 with --harmony_proxies), beside
// today's Proxy: code of the time tests `typeof Proxy` and then calls Proxy.create, as
// htmlparser2 2.3's tests do.
var common = require('../common');
var assert = require('assert');

// Today's Proxy is untouched, and the old functions are not enumerable.
assert.strictEqual(typeof Proxy, 'function');
assert.deepEqual(Object.keys(Proxy), []);
var modern = new Proxy({}, { get: function(t, name) { return 'modern ' + String(name); } });
assert.strictEqual(modern.x, 'modern x');

// A handler with only a get trap: every property is a function that records its call.
var calls = [];
var recorder = Proxy.create({
  get: function(receiver, name) {
    assert.strictEqual(receiver, recorder);
    return function() { calls.push(name + '(' + [].join.call(arguments, ',') + ')'); };
  }
});
recorder.onopentag('a', 1);
recorder.ontext('x');
assert.deepEqual(calls, ['onopentag(a,1)', 'ontext(x)']);
assert.strictEqual(Object.getPrototypeOf(recorder), null);

// Symbols never reach the old handler: it knew only names. Converting to a string asks for
// Symbol.toPrimitive (the target's: none), then for toString through the handler.
var asked = [];
var named = Proxy.create({
  get: function(receiver, name) {
    asked.push(name);
    return name === 'toString' ? function() { return 'named'; } : undefined;
  }
});
assert.strictEqual(String(named), 'named');
asked.forEach(function(name) { assert.strictEqual(typeof name, 'string'); });

// The fundamental traps over a store, with a prototype.
var store = Object.create(null);
var log = [];
function descriptor(name) {
  return name in store ?
    { value: store[name], writable: true, enumerable: true, configurable: true } : undefined;
}
var handler = {
  getOwnPropertyDescriptor: function(name) { log.push('gopd ' + name); return descriptor(name); },
  getPropertyDescriptor: function(name) {
    return descriptor(name) || Object.getOwnPropertyDescriptor(Array.prototype, name) ||
           Object.getOwnPropertyDescriptor(Object.prototype, name);
  },
  getOwnPropertyNames: function() { return Object.keys(store).concat(Object.keys(store)); },
  defineProperty: function(name, desc) { log.push('define ' + name); store[name] = desc.value; },
  delete: function(name) { log.push('delete ' + name); return delete store[name]; },
  fix: function() {
    var props = {};
    Object.keys(store).forEach(function(name) { props[name] = descriptor(name); });
    return props;
  }
};
var object = Proxy.create(handler, Array.prototype);
assert.ok(object instanceof Array);
object.a = 1;            // the derived set: no own or inherited 'a', so defineProperty
object.b = 2;
assert.deepEqual(log, ['gopd a', 'define a', 'gopd b', 'define b']);
assert.strictEqual(object.a, 1);
assert.strictEqual(store.b, 2);
assert.ok('a' in object);
assert.ok(!('z' in object));
assert.ok(object.hasOwnProperty('a'));
assert.ok(!object.hasOwnProperty('push'));
assert.strictEqual(typeof object.push, 'function');  // inherited, through getPropertyDescriptor
assert.deepEqual(Object.keys(object), ['a', 'b']);   // listed once though the trap doubles them
assert.deepEqual(Object.getOwnPropertyNames(object), ['a', 'b']);
var seen = [];
for (var name in object) seen.push(name);
assert.deepEqual(seen.slice(0, 2), ['a', 'b']);
assert.strictEqual(delete object.a, true);
assert.ok(!('a' in store));
assert.deepEqual(Object.getOwnPropertyDescriptor(object, 'b'),
                 { value: 2, writable: true, enumerable: true, configurable: true });

// fix(): freezing makes the proxy an ordinary object with what fix() gave.
Object.freeze(object);
assert.ok(Object.isFrozen(object));
assert.strictEqual(object.b, 2);
store.b = 3;             // the handler no longer matters
assert.strictEqual(object.b, 2);
var unfixable = Proxy.create({ fix: function() { return undefined; },
                               getOwnPropertyNames: function() { return []; } });
assert.throws(function() { Object.preventExtensions(unfixable); }, TypeError);

// A set trap's answer: false is refused in strict code, ignored in sloppy code.
var refusing = Proxy.create({ set: function() { return false; } });
refusing.x = 1;
assert.throws(function() { 'use strict'; refusing.x = 1; }, TypeError);

// keys() alone answers Object.keys, as the old derived trap did.
var keyed = Proxy.create({
  getOwnPropertyNames: function() { return ['p', 'q']; },
  keys: function() { return ['p']; },
  get: function(receiver, name) { return name.toUpperCase(); }
});
assert.deepEqual(Object.keys(keyed), ['p']);

// Function proxies: calls go to callTrap with `this`; new goes to constructTrap, or makes an
// object from the proxy's `prototype` and calls callTrap on it.
var proto = { kind: 'made' };
var add = Proxy.createFunction({
  get: function(receiver, name) { return name === 'prototype' ? proto : undefined; }
}, function(a, b) {
  if (this && this !== global && this.kind === 'made') this.sum = a + b;
  return a + b;
});
assert.strictEqual(typeof add, 'function');
assert.strictEqual(add(2, 3), 5);
var context = { f: add };
assert.strictEqual(context.f(1, 1), 2);
var made = new add(4, 5);
assert.strictEqual(made.kind, 'made');
assert.strictEqual(made.sum, 9);
var built = Proxy.createFunction({}, function() { return 'called'; },
                                 function(x) { return { built: x }; });
assert.strictEqual(built(), 'called');
assert.deepEqual(new built(7), { built: 7 });
var badBuild = Proxy.createFunction({}, function() {}, function() { return 1; });
assert.throws(function() { new badBuild(); }, TypeError);

// A trap the handler lacks (and cannot be derived) acts on the target, as today's proxies do
// (V8 3.6 threw instead). htmlparser2 2.3's stream test makes an emitter's _events such a proxy
// with only a get trap, then pipes into the emitter, which sets listeners.
var empty = Proxy.create({}, { inherited: 1 });
assert.strictEqual(empty.x, undefined);
assert.strictEqual(empty.inherited, 1);
empty.x = 5;
assert.strictEqual(empty.x, 5);
assert.ok('x' in empty);
assert.deepEqual(Object.keys(empty), ['x']);
assert.strictEqual(delete empty.x, true);
assert.ok(!('x' in empty));
var events = require('events');
var emitter = new events.EventEmitter();
var heard = [];
emitter._events = Proxy.create({ get: function(receiver, name) {
  return name === 'data' ? function(d) { heard.push(d); } : undefined;
} });
emitter.on('drain', function() {});
emitter.emit('data', 'chunk');
assert.deepEqual(heard, ['chunk']);

// What is refused, as V8 3.6 refused it: a handler or prototype that is not an object, traps
// that are not functions or answer nonsense, a fix trap that refuses.
assert.throws(function() { Proxy.create(5); }, TypeError);
assert.throws(function() { Proxy.create(null); }, TypeError);
assert.throws(function() { Proxy.create({}, 5); }, TypeError);
assert.throws(function() { Proxy.create({ get: 5 }).x; }, TypeError);
assert.throws(function() {
  Object.getOwnPropertyDescriptor(Proxy.create({ getOwnPropertyDescriptor: function() {
    return 7;
  } }), 'x');
}, TypeError);
assert.throws(function() { Proxy.createFunction({}, 5); }, TypeError);
assert.throws(function() { Proxy.createFunction({}, function() {}, 5); }, TypeError);
