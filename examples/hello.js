// The smallest program: `./bazelw run //runtime -- examples/hello.js`.
console.log('Hello World');
setTimeout(function() {
  console.log('and goodbye, %d ms later', 10);
}, 10);
