// http.request refuses any protocol but http:, with v0.6.3's message.
var common = require('../common');
var assert = require('assert');
var http = require('http');

['https:', 'ftp:', 'file:'].forEach(function(protocol) {
  assert.throws(function() {
    http.request({ protocol: protocol, host: 'localhost', path: '/' });
  }, function(e) {
    return e instanceof Error && e.message === 'Protocol:' + protocol + ' not supported.';
  });
});
assert.throws(function() {
  http.get('https://localhost/');
}, /Protocol:https: not supported\./);
