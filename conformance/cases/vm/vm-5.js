// vm.markdown example 5: script.runInThisContext, compiled once and run 1000 times (output in
// the inline comment).
var vm = require('vm');

globalVar = 0;

var script = vm.createScript('globalVar += 1', 'myfile.vm');

for (var i = 0; i < 1000 ; i += 1) {
  script.runInThisContext();
}

console.log(globalVar);

// 1000
