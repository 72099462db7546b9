#!/usr/bin/env node
// Says which runtime started it: the bin link must run on the installed node.
console.log('hello from ' + process.version + ' at ' + process.execPath);
