// Values as the debugger prints them: util.inspect's text, as the REPL would print it.
var nested = { a: { b: { c: { d: 'deep' } } }, list: [1, 2, [3, [4, [5]]]] };
var buf = new Buffer([1, 2, 250]);
var when = new Date(Date.UTC(2011, 10, 18, 12, 30, 0));
var err = new Error('boom');
function add(a, b) { return a + b; }
var circular = { name: 'loop' };
circular.self = circular;
var guarded = { get secret() { throw new Error('the getter ran'); }, open: 1 };
var wide = { alpha: 'aaaaaaaaaa', beta: 'bbbbbbbbbb', gamma: 'cccccccccc', delta: [1, 2, 3] };
// Objects util.inspect cannot render (its call throws): the agent falls back to the preview.
var broken = { inspect: function() { throw new Error('inspect threw'); } };
var revocable = Proxy.revocable({}, {});
revocable.revoke();
// Too big for util.inspect (its time grows with the square of the length): the preview too.
var big = [];
for (var i = 0; i < 100000; i++) big.push(i % 10);
// A custom inspect() is the program's code: a `debugger;` in it must not stop the program.
var sneaky = { inspect: function() { debugger; return '<sneaky>'; } };
debugger;
console.log(add(1, 2));
