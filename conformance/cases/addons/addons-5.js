// addons.markdown example 5: loading the compiled hello addon.
// adaptation: build/Release/hello.node is built by conformance/BUILD.bazel from src/hello.cc,
// addons.markdown's hello.cc ported to today's V8 API (the documented C++ uses V8 3.6's API);
// this JS is the documented one. addons-5.out is the expected output.
var addon = require('./build/Release/hello');

console.log(addon.hello()); // 'world'
