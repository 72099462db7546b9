exports.name = 'tree-b@1.0.0';
exports.c = require('tree-c');
