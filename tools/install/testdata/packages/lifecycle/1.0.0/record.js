// Appends "<event> <runtime version> <runtime path>" to ran.txt: which scripts ran, in what
// order, under which node.
var fs = require('fs');
fs.writeFileSync('ran.txt', (require('path').existsSync('ran.txt') ? fs.readFileSync('ran.txt', 'utf8') : '') +
  process.env.npm_lifecycle_event + ' ' + process.version + ' ' + process.execPath + '\n');
