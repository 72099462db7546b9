// debugger.markdown example 2: myscript.js, the program the debugger session steps through.
// adaptation: run directly (not under `node debug`) the debugger statement is a no-op;
// debugger-2.out is that output. The documented session (break on line 4 under `node debug`)
// needs the debugger driven from a terminal; the program itself is exactly the documented one.
// myscript.js
x = 5;
setTimeout(function () {
  debugger;
  console.log("world");
}, 1000);
console.log("hello");
