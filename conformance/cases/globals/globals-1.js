// globals.markdown example 1: __filename (output in the inline comment).
// adaptation: the golden matches any directory in place of /Users/mjr.
console.log(__filename);
// /Users/mjr/example.js
