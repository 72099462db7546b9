// debugger.markdown example 2: myscript.js, the program the debugger session steps through.
// adaptation: run directly (not under `node debug`) the debugger statement is a no-op;
// debugger-2.out is that output. The documented `node debug myscript.js` session itself is
// replayed by //debugger:session_test_myscript (debugger/testdata/myscript.{js,stdin,out}),
// on the documented program with the documented line numbers.
// myscript.js
x = 5;
setTimeout(function () {
  debugger;
  console.log("world");
}, 1000);
console.log("hello");
