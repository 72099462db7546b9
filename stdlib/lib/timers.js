// setTimeout, setInterval, setImmediate and their clear* functions. Every pending timer lives in
// one binary heap ordered by due time (ties by creation order); the single native timer
// (process.binding('timer_wrap')) is armed for the earliest. A timer costs one small JS object.
var binding = process.binding('timer_wrap');
// The native timer keeps the process alive only while a ref'd timer is pending.
binding.unref();

var TIMEOUT_MAX = 2147483647;  // Longer delays fire after 1 ms, as in Node.

var heap = [];
var nextSequence = 0;
var armedFor = -1;     // The due time the native timer is armed for, or -1.
var refCount = 0;      // Pending timers that keep the process alive.

// Any delay is accepted, as in v0.6.3: a fraction is truncated; a missing, NaN, negative or too
// long delay fires as soon as possible (after 1 ms).
function Timeout(callback, after, args, repeat) {
  after = Math.floor(Number(after));
  if (!(after >= 1 && after <= TIMEOUT_MAX)) after = 1;
  this._idleTimeout = after;
  this._onTimeout = callback;
  this._args = args;
  this._repeat = repeat;
  this._when = 0;
  this._sequence = 0;
  this._heapIndex = -1;
  this._ref = true;
}

Timeout.prototype.unref = function() {
  if (this._ref) {
    this._ref = false;
    if (this._heapIndex !== -1) updateRef(-1);
  }
  return this;
};

Timeout.prototype.ref = function() {
  if (!this._ref) {
    this._ref = true;
    if (this._heapIndex !== -1) updateRef(1);
  }
  return this;
};

Timeout.prototype.hasRef = function() { return this._ref; };
Timeout.prototype.close = function() { clearTimeout(this); return this; };

function updateRef(delta) {
  var before = refCount;
  refCount += delta;
  if (before === 0 && refCount > 0) binding.ref();
  else if (before > 0 && refCount === 0) binding.unref();
}

function before(a, b) {
  return a._when < b._when || (a._when === b._when && a._sequence < b._sequence);
}

function siftUp(i) {
  var item = heap[i];
  while (i > 0) {
    var parent = (i - 1) >> 1;
    if (!before(item, heap[parent])) break;
    heap[i] = heap[parent];
    heap[i]._heapIndex = i;
    i = parent;
  }
  heap[i] = item;
  item._heapIndex = i;
}

function siftDown(i) {
  var item = heap[i];
  var length = heap.length;
  for (;;) {
    var child = 2 * i + 1;
    if (child >= length) break;
    if (child + 1 < length && before(heap[child + 1], heap[child])) child++;
    if (!before(heap[child], item)) break;
    heap[i] = heap[child];
    heap[i]._heapIndex = i;
    i = child;
  }
  heap[i] = item;
  item._heapIndex = i;
}

function insert(timer, now) {
  timer._when = now + timer._idleTimeout;
  timer._sequence = nextSequence++;
  heap.push(timer);
  siftUp(heap.length - 1);
  if (timer._ref) updateRef(1);
  arm(now);
}

function remove(timer) {
  var i = timer._heapIndex;
  if (i === -1) return;
  timer._heapIndex = -1;
  if (timer._ref) updateRef(-1);
  var last = heap.pop();
  if (i < heap.length) {
    heap[i] = last;
    last._heapIndex = i;
    siftDown(i);
    siftUp(last._heapIndex);
  }
}

function arm(now) {
  if (heap.length === 0) {
    if (armedFor !== -1) {
      binding.stop();
      armedFor = -1;
    }
    return;
  }
  var due = heap[0]._when;
  if (due !== armedFor) {
    binding.start(Math.max(0, due - now));
    armedFor = due;
  }
}

// Called by the native timer. Runs every due timer in order; nextTick callbacks and Promise
// reactions run between them, as between any two callbacks.
binding.onTimeout = function() {
  armedFor = -1;
  var now = binding.now();
  try {
    while (heap.length > 0 && heap[0]._when <= now) {
      var timer = heap[0];
      remove(timer);
      if (timer._repeat) insert(timer, now);
      var callback = timer._onTimeout;
      if (typeof callback === 'function') {
        if (timer._args) callback.apply(timer, timer._args);
        else callback.call(timer);
      }
      process._tickCallback();
      now = binding.now();
    }
  } finally {
    arm(binding.now());
  }
};

function extraArgs(args, from) {
  return args.length > from ? Array.prototype.slice.call(args, from) : null;
}

function checkCallback(callback) {
  if (typeof callback !== 'function') {
    throw new TypeError('callback argument must be a function');
  }
}

exports.setTimeout = function(callback, after) {
  checkCallback(callback);
  var timer = new Timeout(callback, after, extraArgs(arguments, 2), false);
  insert(timer, binding.updateTime());
  return timer;
};

exports.setInterval = function(callback, repeat) {
  checkCallback(callback);
  var timer = new Timeout(callback, repeat, extraArgs(arguments, 2), true);
  insert(timer, binding.updateTime());
  return timer;
};

exports.clearTimeout = function(timer) {
  if (timer && timer._heapIndex !== undefined) {
    timer._onTimeout = null;
    remove(timer);
    arm(binding.now());
  }
};
exports.clearInterval = exports.clearTimeout;

// setImmediate runs after I/O of the current loop turn; a 0 ms timer is close enough for code
// written for v0.6, which had no setImmediate. Immediates run in the order they were queued.
exports.setImmediate = function(callback) {
  checkCallback(callback);
  var timer = new Timeout(callback, 0, extraArgs(arguments, 1), false);
  insert(timer, binding.now());
  return timer;
};
exports.clearImmediate = exports.clearTimeout;

// v0.6's internal idle-timeout API, used by net sockets: `item._onTimeout` is called after
// `msecs` without activity.
exports.enroll = function(item, msecs) {
  exports.unenroll(item);
  item._idleTimeout = msecs;
};

exports.unenroll = function(item) {
  if (item._timer) {
    exports.clearTimeout(item._timer);
    item._timer = null;
  }
};

// Called on every read and write of a socket with an idle timeout, so it is O(1): it only notes
// the time. When the timer fires early because of later activity, it re-arms for the rest.
exports.active = function(item) {
  var msecs = item._idleTimeout;
  if (!(msecs >= 0)) return;
  item._idleStart = binding.now();
  if (!item._timer) item._timer = exports.setTimeout(idleTimeout, msecs, item);
};

function idleTimeout(item) {
  item._timer = null;
  var msecs = item._idleTimeout;
  if (!(msecs >= 0)) return;
  var remaining = item._idleStart + msecs - binding.now();
  if (remaining > 0) {
    item._timer = exports.setTimeout(idleTimeout, remaining, item);
    return;
  }
  if (typeof item._onTimeout === 'function') item._onTimeout();
}
