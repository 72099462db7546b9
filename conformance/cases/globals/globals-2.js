// globals.markdown example 2: __dirname (output in the inline comment).
// adaptation: the golden matches any directory in place of /Users/mjr.
console.log(__dirname);
// /Users/mjr
