// Proxy.create and Proxy.createFunction: the proxies of V8 3.6 (`node --harmony_proxies` in
// v0.6), made of today's Proxy. Code of the time tests `typeof Proxy !== 'undefined'` before
// using them (htmlparser2 2.3's tests do); V8 now always has a Proxy, so without these that test
// leads to "Proxy.create is not a function". _bootstrap.js puts both on the global Proxy.
//
// The handler protocol is the old one (the ES wiki's harmony:proxies): fundamental traps
// getOwnPropertyDescriptor(name), getPropertyDescriptor(name), getOwnPropertyNames(),
// defineProperty(name, desc), delete(name) and fix(); derived traps has(name), hasOwn(name),
// get(receiver, name), set(receiver, name, value) and keys(), each computed from the
// fundamental ones when the handler lacks it. Where the handler lacks both, the operation acts
// on the proxy's plain target (an object inheriting from `proto`, or a function), as today's
// proxies do: V8 3.6 threw a TypeError there instead. So code that gave V8 3.6 the traps it
// needed behaves the same, and code that relied on a path V8 3.6 never took (htmlparser2 2.3's
// stream test sets listeners on a proxy with only a get trap) does not fail on a missing trap.
// Names are strings: the old protocol knew no symbols, so a symbol-keyed operation goes to the
// target and never reaches the handler.
//
// Today's Proxy checks its traps' answers against the target, so the answers are shaped to
// pass: a descriptor is reported configurable (the old proxies could not report a
// non-configurable property either), and a name is listed once. After fix() (what
// Object.preventExtensions, seal and freeze call) the proxy is its target with the properties
// fix() gave, as an old proxy became an ordinary object.

'use strict';

function trap(handler, name) {
  var fn = handler[name];
  if (fn === undefined || fn === null) return undefined;
  if (typeof fn !== 'function') {
    throw new TypeError("Proxy handler's '" + name + "' trap is not a function");
  }
  return fn;
}

// The handler's answer for a descriptor, made one today's Proxy accepts.
function toDescriptor(desc, name, trapName) {
  if (desc === undefined) return undefined;
  if (desc === null || (typeof desc !== 'object' && typeof desc !== 'function')) {
    throw new TypeError("Proxy handler's '" + trapName + "' trap returned " + String(desc) +
                        " for '" + name + "', not a property descriptor");
  }
  var out = { configurable: true, enumerable: !!desc.enumerable };
  if ('get' in desc || 'set' in desc) {
    out.get = desc.get;
    out.set = desc.set;
  } else {
    out.value = desc.value;
    out.writable = !!desc.writable;
  }
  return out;
}

// The handler's descriptor for `name` from the trap `trapName`, or NO_TRAP when it has none.
var NO_TRAP = {};
function descriptorFrom(handler, trapName, name) {
  var fn = trap(handler, trapName);
  if (!fn) return NO_TRAP;
  return toDescriptor(fn.call(handler, name), name, trapName);
}

function uniqueNames(list, trapName) {
  if (list === null || typeof list !== 'object') {
    throw new TypeError("Proxy handler's '" + trapName + "' trap did not return an array");
  }
  var seen = Object.create(null);
  var names = [];
  for (var i = 0; i < list.length; i++) {
    var name = String(list[i]);
    if (seen[name]) continue;
    seen[name] = true;
    names.push(name);
  }
  return names;
}

// The traps of one proxy; self.proxy is set to the proxy once it is made (the receiver the
// derived traps pass on).
function makeTraps(handler, self) {
  var fixed = false;

  // An own property, then an inherited one, as the handler describes them (NO_TRAP: it cannot).
  function describe(name) {
    var desc = descriptorFrom(handler, 'getOwnPropertyDescriptor', name);
    if (desc !== undefined && desc !== NO_TRAP) return desc;
    var inherited = descriptorFrom(handler, 'getPropertyDescriptor', name);
    return inherited === NO_TRAP ? desc : inherited;
  }

  var traps = {
    get: function(target, name, receiver) {
      if (fixed || typeof name === 'symbol') return Reflect.get(target, name, receiver);
      var fn = trap(handler, 'get');
      if (fn) return fn.call(handler, receiver, name);
      var desc = descriptorFrom(handler, 'getPropertyDescriptor', name);
      if (desc === NO_TRAP) return Reflect.get(target, name, receiver);
      if (desc === undefined) return undefined;
      if ('value' in desc) return desc.value;
      return desc.get === undefined ? undefined : desc.get.call(receiver);
    },

    set: function(target, name, value, receiver) {
      if (fixed || typeof name === 'symbol') return Reflect.set(target, name, value, receiver);
      var fn = trap(handler, 'set');
      if (fn) return !!fn.call(handler, receiver, name, value);
      // The old default: an own property decides, then an inherited one, then a new own data
      // property is defined through the handler.
      var desc = describe(name);
      if (desc === NO_TRAP) return Reflect.set(target, name, value, receiver);
      if (desc !== undefined) {
        if ('value' in desc) {
          if (!desc.writable) return false;
        } else {
          if (desc.set === undefined) return false;
          desc.set.call(receiver, value);
          return true;
        }
      }
      return traps.defineProperty(target, name,
                                  { value: value, writable: true, enumerable: true,
                                    configurable: true });
    },

    has: function(target, name) {
      if (fixed || typeof name === 'symbol') return Reflect.has(target, name);
      var fn = trap(handler, 'has');
      if (fn) return !!fn.call(handler, name);
      var desc = descriptorFrom(handler, 'getPropertyDescriptor', name);
      return desc === NO_TRAP ? Reflect.has(target, name) : desc !== undefined;
    },

    deleteProperty: function(target, name) {
      if (fixed || typeof name === 'symbol') return Reflect.deleteProperty(target, name);
      var fn = trap(handler, 'delete');
      if (!fn) return Reflect.deleteProperty(target, name);
      return !!fn.call(handler, name);
    },

    defineProperty: function(target, name, desc) {
      if (fixed || typeof name === 'symbol') return Reflect.defineProperty(target, name, desc);
      var fn = trap(handler, 'defineProperty');
      if (!fn) return Reflect.defineProperty(target, name, desc);
      fn.call(handler, name, desc);
      return true;
    },

    getOwnPropertyDescriptor: function(target, name) {
      if (fixed || typeof name === 'symbol') {
        return Reflect.getOwnPropertyDescriptor(target, name);
      }
      // A target's own property that cannot be configured (a function's) is reported as it is.
      var own = Reflect.getOwnPropertyDescriptor(target, name);
      if (own !== undefined && !own.configurable) return own;
      var desc = descriptorFrom(handler, 'getOwnPropertyDescriptor', name);
      if (desc !== NO_TRAP) return desc;
      // Without the fundamental trap, the old derived ones still answered Object.keys and
      // hasOwnProperty: hasOwn(name), or the names keys() lists (enumerable by definition).
      var exists;
      var hasOwn = trap(handler, 'hasOwn');
      var keys = trap(handler, 'keys');
      if (hasOwn) {
        exists = !!hasOwn.call(handler, name);
      } else if (keys) {
        exists = uniqueNames(keys.call(handler), 'keys').indexOf(name) !== -1;
      } else {
        return own;
      }
      if (!exists) return undefined;
      return { value: traps.get(target, name, self.proxy), writable: true, enumerable: true,
               configurable: true };
    },

    ownKeys: function(target) {
      if (fixed) return Reflect.ownKeys(target);
      var fn = trap(handler, 'getOwnPropertyNames');
      var names;
      if (fn) {
        names = uniqueNames(fn.call(handler), 'getOwnPropertyNames');
      } else if ((fn = trap(handler, 'keys'))) {
        names = uniqueNames(fn.call(handler), 'keys');
      } else {
        return Reflect.ownKeys(target);
      }
      // The target's own properties that cannot be configured must be listed too.
      Reflect.ownKeys(target).forEach(function(key) {
        var own = Reflect.getOwnPropertyDescriptor(target, key);
        if (!own.configurable && names.indexOf(key) === -1) names.push(key);
      });
      return names;
    },

    // fix(): the handler gives the property descriptors the proxy keeps from now on; without
    // a fix trap it keeps what its target has.
    preventExtensions: function(target) {
      if (!fixed) {
        var fn = trap(handler, 'fix');
        if (fn) {
          var props = fn.call(handler);
          if (props === undefined) throw new TypeError('Proxy handler refused to fix the proxy');
          Object.keys(Object(props)).forEach(function(name) {
            Object.defineProperty(target, name, props[name]);
          });
        }
        fixed = true;
      }
      return Reflect.preventExtensions(target);
    }
  };
  return traps;
}

function checkHandler(handler) {
  if (handler === null || (typeof handler !== 'object' && typeof handler !== 'function')) {
    throw new TypeError('Proxy handler must be an object');
  }
}

// Proxy.create(handler[, proto]): an object whose properties the handler decides; its
// prototype is `proto` (null when left out).
exports.create = function create(handler, proto) {
  checkHandler(handler);
  if (proto === undefined) proto = null;
  if (proto !== null && typeof proto !== 'object' && typeof proto !== 'function') {
    throw new TypeError('Proxy.create: the prototype must be an object or null');
  }
  var self = {};
  self.proxy = new Proxy(Object.create(proto), makeTraps(handler, self));
  return self.proxy;
};

// Proxy.createFunction(handler, callTrap[, constructTrap]): a function proxy. Calling it calls
// callTrap with the same `this` and arguments; `new` calls constructTrap (or, without one,
// callTrap with a new object inheriting from the proxy's `prototype`, which is the result unless
// callTrap returns an object).
exports.createFunction = function createFunction(handler, callTrap, constructTrap) {
  checkHandler(handler);
  if (typeof callTrap !== 'function') {
    throw new TypeError('Proxy.createFunction: the call trap must be a function');
  }
  if (constructTrap !== undefined && typeof constructTrap !== 'function') {
    throw new TypeError('Proxy.createFunction: the construct trap must be a function');
  }
  var self = {};
  var traps = makeTraps(handler, self);
  traps.apply = function(target, thisArg, args) {
    return Reflect.apply(callTrap, thisArg, args);
  };
  traps.construct = function(target, args, newTarget) {
    if (constructTrap !== undefined) {
      var made = Reflect.apply(constructTrap, undefined, args);
      if (made !== null && (typeof made === 'object' || typeof made === 'function')) return made;
      throw new TypeError('Proxy.createFunction: the construct trap did not return an object');
    }
    var prototype = newTarget.prototype;
    var instance = Object.create(prototype !== null && typeof prototype === 'object' ?
                                 prototype : Object.prototype);
    var result = Reflect.apply(callTrap, instance, args);
    return result !== null && (typeof result === 'object' || typeof result === 'function') ?
      result : instance;
  };
  // A bound function: callable and constructible, with no own `prototype` property of its own
  // that the handler would have to report.
  self.proxy = new Proxy(function() {}.bind(null), traps);
  return self.proxy;
};
