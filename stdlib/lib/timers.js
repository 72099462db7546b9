// setTimeout, setInterval, setImmediate and their clear* functions. Pending timers with the same
// delay form one list in the order they were set, which is also the order they are due in (the
// loop's clock never goes back); a binary heap orders the lists by their first timer's due time
// (ties by creation order), and the single native timer (process.binding('timer_wrap')) is armed
// for the earliest. Setting, clearing and firing a timer are O(1) but for the heap of lists,
// which holds one entry per distinct delay. A timer costs one small JS object.
//
// v0.6's idle timeouts (enroll/active/unenroll, what net sockets use) cost no object at all: the
// enrolled item is itself the list node (its _idlePrev/_idleNext, as v0.6.3 linked it), and
// active() moves it to the tail of its list, so the list stays in due order.
var binding = process.binding('timer_wrap');
// The native timer keeps the process alive only while a ref'd timer is pending. timerInfo[0]
// counts them (Enrolled items count too: like v0.6.3's idle timers, they keep the process alive);
// timerInfo[1] says whether the native timer is ref'd now. The count going to 0 needs no call:
// the native side unrefs the timer before the loop next waits (runtime/bindings/timer_wrap.cc).
var timerInfo = binding.info;

var TIMEOUT_MAX = 2147483647;  // Longer delays fire after 1 ms, as in Node.

var heap = [];            // TimerLists, earliest first timer first.
var lists = new Map();    // delay -> the TimerList of pending timers with that delay.
var nextSequence = 0;
var armedFor = -1;     // The due time the native timer is armed for, or -1.
var knownNow = 0;      // The loop's time as this module last read it.
var MAX_IDLE_LISTS = 32;
var lastList = null;   // The list last added to: most timers share a delay.
var firing = false;    // In binding.onTimeout, which arms the native timer once, at its end.

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
    if (this._list !== null) timerInfo[0]--;
  }
  return this;
};

Timeout.prototype.ref = function() {
  if (!this._ref) {
    this._ref = true;
    if (this._list !== null) addRef();
  }
  return this;
};

Timeout.prototype.hasRef = function() { return this._ref; };
Timeout.prototype.close = function() { clearTimeout(this); return this; };

function addRef() {
  if (timerInfo[0]++ === 0 && timerInfo[1] === 0) binding.ref();
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

// Appends a timer (or an enrolled item) to the list of its delay, due `delay` ms after `now`.
function insert(timer, delay, now) {
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
  if (timer._ref !== false) addRef();  // enrolled items have no _ref
  arm(now);
}

function remove(timer) {
  var list = timer._list;
  if (list === null) return;
  timer._list = null;
  if (timer._ref !== false) timerInfo[0]--;
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
// needed. The native timer is only ever moved earlier: when the earliest timer is cleared, or
// an idle item at the head of its list is active again, it still fires at the old time, runs
// nothing and is armed again (binding.onTimeout). A spurious wake-up costs less than a stop and a
// restart per set-and-clear or per read on an idle-timed socket. With nothing ref'd pending, it
// does not keep the process alive (timerInfo, above).
function arm(now) {
  if (heap.length === 0 || firing) return;
  var due = heap[0].head._when;
  if (armedFor === -1 || due < armedFor) {
    if (now === -1) now = binding.now();
    binding.start(Math.max(0, due - now));
    armedFor = due;
  }
}

// The loop's time: what binding.now() would return, kept by the binding in loopTime as of the
// latest entry into JS (and updateTime), so reading it costs no call into the binding.
var loopTime = binding.loopTime;
function now() {
  return (knownNow = loopTime[0]);
}

function updateTime() {
  return (knownNow = binding.updateTime());
}

// Called by the native timer. Runs every due timer in order; nextTick callbacks and Promise
// reactions run between them, as between any two callbacks. Only this module moves the loop's
// clock while JS runs (updateTime), so the time is read again only when it did.
binding.onTimeout = function() {
  armedFor = -1;
  firing = true;
  var now = knownNow = binding.now();
  try {
    while (heap.length > 0 && heap[0].head._when <= now) {
      var timer = heap[0].head;
      remove(timer);
      if (timer._repeat) insert(timer, timer._idleTimeout, now);
      var callback = timer._onTimeout;
      if (typeof callback === 'function') {
        if (timer._args) callback.apply(timer, timer._args);
        else callback.call(timer);
      }
      process._tickCallback();
      now = knownNow;
    }
  } finally {
    firing = false;
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

exports.setTimeout = function setTimeout(callback, after) {
  checkCallback(callback);
  var timer = new Timeout(callback, after, arguments.length > 2 ? extraArgs(arguments, 2) : null, false);
  insert(timer, timer._idleTimeout, updateTime());
  return timer;
};

exports.setInterval = function setInterval(callback, repeat) {
  checkCallback(callback);
  var timer = new Timeout(callback, repeat, arguments.length > 2 ? extraArgs(arguments, 2) : null, true);
  insert(timer, timer._idleTimeout, updateTime());
  return timer;
};

// As in v0.6.3, an enrolled item (below) may be cleared too: it is unenrolled, and its
// _onTimeout is dropped.
function clearTimeout(timer) {
  if (!timer) return;
  if (timer instanceof Timeout) {
    timer._onTimeout = null;
    if (timer._list !== null) {
      remove(timer);
      arm(-1);
    }
  } else if (timer._onTimeout) {
    timer._onTimeout = null;
    exports.unenroll(timer);
  }
}
// clearInterval and clearImmediate clear any timer, as in v0.6.3 (where all three were one
// function), under their own names (the globals are these functions, _bootstrap.js).
exports.clearTimeout = clearTimeout;
exports.clearInterval = function clearInterval(timer) { clearTimeout(timer); };

// setImmediate runs after I/O of the current loop turn; a 0 ms timer is close enough for code
// written for v0.6, which had no setImmediate. Immediates run in the order they were queued.
exports.setImmediate = function setImmediate(callback) {
  checkCallback(callback);
  var timer = new Timeout(callback, 0, arguments.length > 1 ? extraArgs(arguments, 1) : null, false);
  insert(timer, timer._idleTimeout, now());
  return timer;
};
exports.clearImmediate = function clearImmediate(timer) { clearTimeout(timer); };

// v0.6's internal idle-timeout API, used by net sockets (and by libraries of the time, through
// require('timers')): `item._onTimeout()` is called once the item has been idle (no active()
// call) for `msecs`. The item itself waits in the list of its delay, through the fields a
// Timeout has: _idleTimeout, _list, _idlePrev, _idleNext, _when and _sequence.

// Sets the timeout; the timer starts with the next active(). An item already pending is taken
// out first.
exports.enroll = function(item, msecs) {
  if (item._list) remove(item);
  item._idleTimeout = msecs;
  // All the fields at once and in one order: every enrolled socket shares one hidden class.
  item._list = null;
  item._idlePrev = null;
  item._idleNext = null;
  item._when = 0;
  item._sequence = 0;
};

// Stops the timer; a later active() does nothing until enroll() sets a timeout again (v0.6.3).
exports.unenroll = function(item) {
  if (item._list) remove(item);
  item._idleTimeout = -1;
};

// Stops the timer but keeps the timeout: a later active() starts it again (net.js, when a socket
// is destroyed).
exports._stop = function(item) {
  if (item._list) remove(item);
};

function delayOf(msecs) {
  msecs = Math.floor(msecs);
  return msecs >= 1 && msecs <= TIMEOUT_MAX ? msecs : 1;
}

// Called on every read and write of a socket with an idle timeout, so it is O(1) and allocates
// nothing: the item moves to the tail of its list, due `msecs` from now. Its list is due later
// for it at most, so the native timer is left alone (see arm).
exports.active = function(item) {
  var msecs = item._idleTimeout;
  if (!(msecs >= 0)) return;
  var delay = delayOf(msecs);
  var time = now();
  var list = item._list;
  if (!list || list.delay !== delay) {
    // Not pending, or waiting in another list (_activeFor): a fresh start.
    if (list) remove(item);
    insert(item, delay, time);
    return;
  }
  item._when = time + delay;
  item._sequence = nextSequence++;
  var prev = item._idlePrev;
  var next = item._idleNext;
  if (next !== null) {
    // Not the last: unlinked, then appended.
    next._idlePrev = prev;
    if (prev !== null) prev._idleNext = next;
    else list.head = next;
    var tail = list.tail;
    tail._idleNext = item;
    item._idlePrev = tail;
    item._idleNext = null;
    list.tail = item;
  }
  // It was the list's first: the list is due later now.
  if (prev === null) siftDown(list.heapIndex);
};

// Lets the item wait `msecs` from now, in the list of that delay, as if it had been active
// earlier than now (net.js: a read taken natively, which did not call active()). The next
// active() puts it back into the list of its own timeout.
exports._activeFor = function(item, msecs) {
  // Only an enrolled item: anything else (a primitive would take no fields) stays out.
  if (!(item._idleTimeout >= 0) || typeof item !== 'object') return;
  if (item._list) remove(item);
  insert(item, delayOf(msecs), now());
};
