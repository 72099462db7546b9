// setTimeout, setInterval, setImmediate and their clear* functions. Pending timers with the same
// delay form one list in the order they were set, which is also the order they are due in (the
// loop's clock never goes back); a binary heap orders the lists by their first timer's due time
// (ties by creation order), and the single native timer (process.binding('timer_wrap')) is armed
// for the earliest. Setting, clearing and firing a timer are O(1) but for the heap of lists,
// which holds one entry per distinct delay. A timer costs one small JS object.
var binding = process.binding('timer_wrap');
// The native timer keeps the process alive only while a ref'd timer is pending.
binding.unref();

var TIMEOUT_MAX = 2147483647;  // Longer delays fire after 1 ms, as in Node.

var heap = [];            // TimerLists, earliest first timer first.
var lists = new Map();    // delay -> the TimerList of pending timers with that delay.
var nextSequence = 0;
var armedFor = -1;     // The due time the native timer is armed for, or -1.
var refCount = 0;      // Pending timers that keep the process alive.
var knownNow = 0;      // The loop's time as this module last read it.
var MAX_IDLE_LISTS = 32;
var lastList = null;   // The list last added to: most timers share a delay.

function TimerList(delay) {
  this.delay = delay;
  this.head = null;
  this.tail = null;
  this.heapIndex = -1;
}

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
  this._list = null;     // The TimerList it waits in, or null when not pending.
  this._idlePrev = null;
  this._idleNext = null;
  this._ref = true;
}

Timeout.prototype.unref = function() {
  if (this._ref) {
    this._ref = false;
    if (this._list !== null) updateRef(-1);
  }
  return this;
};

Timeout.prototype.ref = function() {
  if (!this._ref) {
    this._ref = true;
    if (this._list !== null) updateRef(1);
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

function before(x, y) {
  var a = x.head, b = y.head;
  return a._when < b._when || (a._when === b._when && a._sequence < b._sequence);
}

function siftUp(i) {
  var item = heap[i];
  while (i > 0) {
    var parent = (i - 1) >> 1;
    if (!before(item, heap[parent])) break;
    heap[i] = heap[parent];
    heap[i].heapIndex = i;
    i = parent;
  }
  heap[i] = item;
  item.heapIndex = i;
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
    heap[i].heapIndex = i;
    i = child;
  }
  heap[i] = item;
  item.heapIndex = i;
}

function heapRemove(list) {
  var i = list.heapIndex;
  list.heapIndex = -1;
  var last = heap.pop();
  if (i < heap.length) {
    heap[i] = last;
    last.heapIndex = i;
    siftDown(i);
    siftUp(last.heapIndex);
  }
}

function insert(timer, now) {
  var delay = timer._idleTimeout;
  timer._when = now + delay;
  timer._sequence = nextSequence++;
  var list = lastList;
  if (list === null || list.delay !== delay) {
    list = lists.get(delay);
    if (list === undefined) {
      list = new TimerList(delay);
      lists.set(delay, list);
    }
    lastList = list;
  }
  timer._list = list;
  var tail = list.tail;
  timer._idlePrev = tail;
  timer._idleNext = null;
  list.tail = timer;
  if (tail === null) {
    list.head = timer;
    heap.push(list);
    siftUp(heap.length - 1);
  } else {
    tail._idleNext = timer;
  }
  if (timer._ref) updateRef(1);
  arm(now);
}

function remove(timer) {
  var list = timer._list;
  if (list === null) return;
  timer._list = null;
  if (timer._ref) updateRef(-1);
  var prev = timer._idlePrev;
  var next = timer._idleNext;
  timer._idlePrev = null;
  timer._idleNext = null;
  if (next !== null) next._idlePrev = prev;
  else list.tail = prev;
  if (prev !== null) {
    prev._idleNext = next;
  } else {
    // The list's first timer: the list is due later now, or gone.
    list.head = next;
    if (next !== null) {
      siftDown(list.heapIndex);
    } else {
      heapRemove(list);
      // An emptied list stays for the next timer of its delay (set-and-clear is common) while
      // there are few lists; past that, delays seen once (idle timeouts' remainders) go.
      if (lists.size > MAX_IDLE_LISTS) {
        lists.delete(list.delay);
        if (lastList === list) lastList = null;
      }
    }
  }
}

// Arms the native timer for the earliest pending timer. `now` may be -1: it is read only if
// needed. With nothing pending the native timer is left as it is (unref'd, since no ref'd timer
// is pending): a spurious wake-up runs nothing, and it saves a stop and a restart per
// set-and-clear.
function arm(now) {
  if (heap.length === 0) return;
  var due = heap[0].head._when;
  if (due !== armedFor) {
    if (now === -1) now = binding.now();
    binding.start(Math.max(0, due - now));
    armedFor = due;
  }
}

function now() {
  return (knownNow = binding.now());
}

function updateTime() {
  return (knownNow = binding.updateTime());
}

// Called by the native timer. Runs every due timer in order; nextTick callbacks and Promise
// reactions run between them, as between any two callbacks. Only this module moves the loop's
// clock while JS runs (updateTime), so the time is read again only when it did.
binding.onTimeout = function() {
  armedFor = -1;
  var now = knownNow = binding.now();
  try {
    while (heap.length > 0 && heap[0].head._when <= now) {
      var timer = heap[0].head;
      remove(timer);
      if (timer._repeat) insert(timer, now);
      var callback = timer._onTimeout;
      if (typeof callback === 'function') {
        if (timer._args) callback.apply(timer, timer._args);
        else callback.call(timer);
      }
      process._tickCallback();
      now = knownNow;
    }
  } finally {
    arm(-1);
  }
};

// The arguments from `from` on, or null. Callers test the length first, so that V8 need not
// create their `arguments` object in the common case.
function extraArgs(args, from) {
  var length = args.length - from;
  var out = new Array(length);
  for (var i = 0; i < length; i++) out[i] = args[i + from];
  return out;
}

function checkCallback(callback) {
  if (typeof callback !== 'function') {
    throw new TypeError('callback argument must be a function');
  }
}

exports.setTimeout = function(callback, after) {
  checkCallback(callback);
  var timer = new Timeout(callback, after, arguments.length > 2 ? extraArgs(arguments, 2) : null, false);
  insert(timer, updateTime());
  return timer;
};

exports.setInterval = function(callback, repeat) {
  checkCallback(callback);
  var timer = new Timeout(callback, repeat, arguments.length > 2 ? extraArgs(arguments, 2) : null, true);
  insert(timer, updateTime());
  return timer;
};

exports.clearTimeout = function(timer) {
  if (timer && timer._list !== undefined) {
    timer._onTimeout = null;
    if (timer._list !== null) {
      remove(timer);
      arm(-1);
    }
  }
};
exports.clearInterval = exports.clearTimeout;

// setImmediate runs after I/O of the current loop turn; a 0 ms timer is close enough for code
// written for v0.6, which had no setImmediate. Immediates run in the order they were queued.
exports.setImmediate = function(callback) {
  checkCallback(callback);
  var timer = new Timeout(callback, 0, arguments.length > 1 ? extraArgs(arguments, 1) : null, false);
  insert(timer, now());
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
