// process.markdown example 6: process.argv; its output is example 7.
// adaptation: run with the arguments `one two=three four` (BUILD.bazel); the golden matches any
// runtime path in place of `node` and any directory in place of /Users/mjr/work/node.
// print process.argv
process.argv.forEach(function (val, index, array) {
  console.log(index + ': ' + val);
});
