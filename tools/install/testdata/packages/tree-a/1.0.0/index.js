exports.name = 'tree-a@1.0.0';
exports.b = require('tree-b');
