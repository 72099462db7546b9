exports.name = 'tree-b@1.1.0';
exports.c = require('tree-c');
