// 'sys' is the old name of the util module, kept so that older scripts keep working. Node v0.6.3
// accepted it silently (its deprecation warning was still commented out), so no warning here.
module.exports = require('util');
