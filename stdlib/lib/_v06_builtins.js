'use strict';

// V8 3.6's built-ins, v0.6's, where today's V8 gives something else and code of the time relies
// on the old. install(g) puts them on the intrinsics of the context whose global object is `g`:
// _bootstrap.js for the main context, vm.js for every context it makes (v0.6's contexts had the
// same V8 as its main one).
//
// - Proxy.create and Proxy.createFunction (`--harmony_proxies` in v0.6) beside today's Proxy:
//   code of the time tests for a global Proxy and then calls Proxy.create. Made on first use
//   (_harmony_proxies.js).
// - The locale methods, called without a locale or options: Date's toLocaleString() is its
//   toString(), toLocaleDateString() "Sunday, December 05, 2010", toLocaleTimeString()
//   "14:18:30"; Number's toLocaleString() is its toString(); String's localeCompare(that)
//   compares code units ("we do not do anything locale specific"), returning the difference of
//   the first two that differ, else of the lengths, and 0 with no argument at all. Programs of
//   the time print and compare them (log4js 0.5's %r layout expects "14:18:30", not
//   "2:18:30 PM"). With a locale or options they are today's Intl methods. The Date and Number
//   methods take their arguments from `arguments`: length 0, as the built-ins.

var days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
var months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
              'September', 'October', 'November', 'December'];

function two(n) { return n < 10 ? '0' + n : '' + n; }

function method(object, name, fn) {
  Object.defineProperty(object, name, { writable: true, configurable: true, value: fn });
}

function installProxy(Proxy) {
  if (typeof Proxy !== 'function' || Proxy.create !== undefined) return;
  Object.defineProperties(Proxy, {
    create: {
      writable: true,
      configurable: true,
      value: function create(handler, proto) {
        return require('_harmony_proxies').create(handler, proto);
      }
    },
    createFunction: {
      writable: true,
      configurable: true,
      value: function createFunction(handler, callTrap, constructTrap) {
        return require('_harmony_proxies').createFunction(handler, callTrap, constructTrap);
      }
    }
  });
}

function installLocale(g) {
  var dateProto = g.Date.prototype;
  var numberProto = g.Number.prototype;
  var stringProto = g.String.prototype;
  var TypeError = g.TypeError;
  var intlString = dateProto.toLocaleString;
  var intlDateString = dateProto.toLocaleDateString;
  var intlTimeString = dateProto.toLocaleTimeString;
  var numberToLocaleString = numberProto.toLocaleString;
  var stringLocaleCompare = stringProto.localeCompare;
  var dateToString = dateProto.toString, numberToString = numberProto.toString;
  var getTime = dateProto.getTime, getDay = dateProto.getDay, getDate = dateProto.getDate;
  var getMonth = dateProto.getMonth, getFullYear = dateProto.getFullYear;
  var getHours = dateProto.getHours, getMinutes = dateProto.getMinutes;
  var getSeconds = dateProto.getSeconds;

  method(dateProto, 'toLocaleString', function toLocaleString() {
    var locales = arguments[0], options = arguments[1];
    if (locales === undefined && options === undefined) return dateToString.call(this);
    return intlString.apply(this, arguments);
  });
  method(dateProto, 'toLocaleDateString', function toLocaleDateString() {
    var locales = arguments[0], options = arguments[1];
    if (locales !== undefined || options !== undefined) {
      return intlDateString.apply(this, arguments);
    }
    var time = getTime.call(this);  // a TypeError for what is not a Date
    if (time !== time) return 'Invalid Date';
    return days[getDay.call(this)] + ', ' + months[getMonth.call(this)] + ' ' +
           two(getDate.call(this)) + ', ' + getFullYear.call(this);
  });
  method(dateProto, 'toLocaleTimeString', function toLocaleTimeString() {
    var locales = arguments[0], options = arguments[1];
    if (locales !== undefined || options !== undefined) {
      return intlTimeString.apply(this, arguments);
    }
    var time = getTime.call(this);
    if (time !== time) return 'Invalid Date';
    return two(getHours.call(this)) + ':' + two(getMinutes.call(this)) + ':' +
           two(getSeconds.call(this));
  });
  method(numberProto, 'toLocaleString', function toLocaleString() {
    var locales = arguments[0], options = arguments[1];
    if (locales === undefined && options === undefined) return numberToString.call(this);
    return numberToLocaleString.apply(this, arguments);
  });
  method(stringProto, 'localeCompare', function localeCompare(that) {
    if (arguments.length > 1 && (arguments[1] !== undefined || arguments[2] !== undefined)) {
      return stringLocaleCompare.apply(this, arguments);
    }
    if (this === undefined || this === null) {
      throw new TypeError('String.prototype.localeCompare called on null or undefined');
    }
    if (arguments.length === 0) return 0;
    var a = '' + this, b = '' + that;
    if (a === b) return 0;
    var length = a.length < b.length ? a.length : b.length;
    for (var i = 0; i < length; i++) {
      var d = a.charCodeAt(i) - b.charCodeAt(i);
      if (d !== 0) return d;
    }
    return a.length - b.length;
  });
}

exports.install = function(g) {
  installProxy(g.Proxy);
  installLocale(g);
};
