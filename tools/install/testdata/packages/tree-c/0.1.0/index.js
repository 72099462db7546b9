exports.name = 'tree-c@0.1.0';
