// addons.markdown example 5: loading the compiled hello addon.
// adaptation: the addon is built from addons.markdown's hello.cc into build/Release/hello.node
// beside this case (native addons are not supported yet); addons-5.out is the expected output.
var addon = require('./build/Release/hello');

console.log(addon.hello()); // 'world'
