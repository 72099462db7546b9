// The events module: EventEmitter, the base of every object in Nodus that emits events.
//
// Listeners for one event are kept in `this._events[type]`, either as a single function (the
// common case, which saves an array per event) or as an array once a second listener arrives.
// This is the representation Node v0.6 used, and other modules and user code of that era look
// at `_events` directly, so it is kept on purpose. The table is created lazily so that
// subclasses which never call the EventEmitter constructor still work.

var defaultMaxListeners = 10;

function EventEmitter() {
  // Nothing to set up: the listener table is created on first use.
}
exports.EventEmitter = EventEmitter;

function checkListener(listener, what) {
  if (typeof listener !== 'function') {
    // The message is Node v0.6's; the type is TypeError so that callers checking for either
    // Error or TypeError are both satisfied.
    throw new TypeError(what + ' only takes instances of Function');
  }
}

// A `once` wrapper remembers the function it wraps in `.listener`, so that removeListener can
// be called with the function the user actually passed.
function matchesListener(candidate, listener) {
  return candidate === listener ||
         (typeof candidate === 'function' && candidate.listener === listener);
}

EventEmitter.prototype.setMaxListeners = function(n) {
  // Kept apart from `_events` so that an event named 'maxListeners' cannot clobber it and so
  // that removeAllListeners() does not reset it.
  this._maxListeners = n;
  return this;
};

// emit() never materializes `arguments` for up to three arguments: V8 then keeps the whole call
// free of allocations (bench/js_hot.sh: emit3 and several listeners cost a third less).
EventEmitter.prototype.emit = function(type, a1, a2, a3) {
  var events = this._events;
  var handler = events !== undefined && events !== null ? events[type] : undefined;
  var argc = arguments.length;

  // One listener is nearly every emit ('data', 'end', 'drain'...): call it directly.
  if (typeof handler === 'function') {
    callListener(this, handler, argc, a1, a2, a3, argc > 4 ? copyArgs(arguments) : null);
    return true;
  }

  if (handler === undefined || !Array.isArray(handler) || handler.length === 0) {
    if (type === 'error') {
      // An unhandled 'error' must not pass silently.
      if (a1 instanceof Error) throw a1;
      throw new Error("Uncaught, unspecified 'error' event.");
    }
    return false;
  }

  emitToAll(this, handler, argc, a1, a2, a3, argc > 4 ? copyArgs(arguments) : null);
  return true;
};

// emit() to an array of listeners, apart so that emit() itself stays small enough for V8 to
// inline and compile cheaply. Listeners added or removed by a listener only take effect from the
// next emit, so it works on a snapshot of the array: in locals for up to three (most events with
// several listeners; no allocation), else a copy.
function emitToAll(self, handler, argc, a1, a2, a3, args) {
  var length = handler.length;
  var first = handler[0];
  if (length === 1) {
    callListener(self, first, argc, a1, a2, a3, args);
  } else if (length === 2) {
    var second = handler[1];
    callListener(self, first, argc, a1, a2, a3, args);
    callListener(self, second, argc, a1, a2, a3, args);
  } else if (length === 3) {
    var next = handler[1], last = handler[2];
    callListener(self, first, argc, a1, a2, a3, args);
    callListener(self, next, argc, a1, a2, a3, args);
    callListener(self, last, argc, a1, a2, a3, args);
  } else {
    var listeners = new Array(length);
    for (var i = 0; i < length; i++) listeners[i] = handler[i];
    for (i = 0; i < length; i++) {
      // Only functions are called: an array whose index past the end a program pinned (see
      // removeListener) is that long, with nothing in between.
      var listener = listeners[i];
      if (typeof listener === 'function') callListener(self, listener, argc, a1, a2, a3, args);
    }
  }
}

function callListener(self, listener, argc, a1, a2, a3, args) {
  if (argc === 2) listener.call(self, a1);
  else if (argc === 1) listener.call(self);
  else if (argc === 3) listener.call(self, a1, a2);
  else if (argc === 4) listener.call(self, a1, a2, a3);
  else listener.apply(self, args);
}

// The arguments after the event type, as an array.
function copyArgs(args) {
  var length = args.length - 1;
  var out = new Array(length);
  for (var i = 0; i < length; i++) out[i] = args[i + 1];
  return out;
}

EventEmitter.prototype.addListener = function(type, listener) {
  checkListener(listener, 'addListener');
  if (!this._events) this._events = {};

  // Announce first, so that a 'newListener' listener does not hear about itself. A `once`
  // wrapper is announced as the function the user passed. As in v0.6.3 this goes through
  // this.emit every time, listened to or not: code that overrides emit (vows) waits for it.
  this.emit('newListener', type,
            typeof listener.listener === 'function' ? listener.listener : listener);

  var existing = this._events[type];
  if (!existing) {
    this._events[type] = listener;
    existing = null;
  } else if (Array.isArray(existing)) {
    existing.push(listener);
  } else {
    existing = this._events[type] = [existing, listener];
  }

  if (existing && !existing.warned) {
    var max = this._maxListeners !== undefined ? this._maxListeners : defaultMaxListeners;
    if (max && max > 0 && existing.length > max) {
      // Warn only once per event, however many more listeners follow.
      existing.warned = true;
      console.error('(node) warning: possible EventEmitter memory ' +
                    'leak detected. %d listeners added. ' +
                    'Use emitter.setMaxListeners() to increase limit.',
                    existing.length);
      console.trace();
    }
  }

  return this;
};

EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.once = function(type, listener) {
  checkListener(listener, '.once');
  var self = this;
  var fired = false;

  function wrapper() {
    // Remove before calling, so that an emit from inside the listener does not call it again.
    self.removeListener(type, wrapper);
    if (fired) return;
    fired = true;
    return listener.apply(this, arguments);
  }
  wrapper.listener = listener;

  this.on(type, wrapper);
  return this;
};

EventEmitter.prototype.removeListener = function(type, listener) {
  checkListener(listener, 'removeListener');

  // Look at `_events` directly rather than through listeners(), which would create an entry.
  if (!this._events || !this._events[type]) return this;

  var list = this._events[type];
  if (Array.isArray(list)) {
    for (var i = 0; i < list.length; i++) {
      if (matchesListener(list[i], listener)) {
        // By hand, not list.splice(i, 1): v0.6.3's splice passed over an element it could not
        // delete, where today's V8 throws, and old code pins such elements on listener arrays
        // (request 2.9's toJSON() defines a property named by random digits on each object it
        // walks; test-events-remove-listener-pinned-index).
        for (var j = i + 1; j < list.length; j++) list[j - 1] = list[j];
        list.length = list.length - 1;
        if (list.length === 0) delete this._events[type];
        break;
      }
    }
  } else if (matchesListener(list, listener)) {
    delete this._events[type];
  }

  return this;
};

EventEmitter.prototype.removeAllListeners = function(type) {
  if (arguments.length === 0) {
    this._events = {};
    return this;
  }
  if (this._events && this._events[type]) delete this._events[type];
  return this;
};

EventEmitter.prototype.listeners = function(type) {
  // The array returned is the one emit() reads, so callers may edit it in place; a lone
  // listener is therefore promoted to an array here.
  if (!this._events) this._events = {};
  var list = this._events[type];
  if (!list) {
    list = this._events[type] = [];
  } else if (!Array.isArray(list)) {
    list = this._events[type] = [list];
  }
  return list;
};

// For the stdlib only (net's Socket#_onOnlyStores): addListener and emit as defined here, to
// tell whether a program has replaced them since. Not enumerable: not part of the module's API.
Object.defineProperty(exports, '_pristine', {
  value: Object.freeze({
    addListener: EventEmitter.prototype.addListener,
    emit: EventEmitter.prototype.emit
  })
});
