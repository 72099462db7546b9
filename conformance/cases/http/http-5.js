// http.markdown example 5: a js-repl transcript of url.parse (needs only url, not http).
// adaptation: the expression is evaluated and each property the transcript shows is checked;
// the runtime may return more properties (0.6.3 also sets `path`).
var assert = require('assert');

var result = require('url').parse('/status?name=ryan', true);
var shown = { href: '/status?name=ryan',
  search: '?name=ryan',
  query: { name: 'ryan' },
  pathname: '/status' };
Object.keys(shown).forEach(function (key) {
  assert.deepEqual(result[key], shown[key], key);
});
