// process.stdout and process.stderr. Writes are synchronous, as v0.6 made them for files and
// terminals, so nothing printed before process.exit() is lost.
var EventEmitter = require('events').EventEmitter;
var util = require('util');
var methods = process.binding('process_methods');
var tty = process.binding('tty_wrap');

function SyncWriteStream(fd) {
  EventEmitter.call(this);
  this.fd = fd;
  this.writable = true;
  this.readable = false;
  this.isTTY = tty.isTTY(fd);
  if (this.isTTY) {
    try {
      var size = tty.getWindowSize(fd);
      this.columns = size[0];
      this.rows = size[1];
    } catch (e) {
      // Not a real terminal after all (for example a closed one): keep the defaults.
    }
  }
}
util.inherits(SyncWriteStream, EventEmitter);

SyncWriteStream.prototype.write = function(data, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (typeof data === 'string') {
    methods.writeString(this.fd, data);
  } else if (data && typeof data.toString === 'function' && data.length !== undefined) {
    methods.writeString(this.fd, data.toString(encoding || 'utf8'));
  } else {
    throw new TypeError('Invalid data, chunk must be a string or buffer, not ' + typeof data);
  }
  if (typeof callback === 'function') process.nextTick(callback);
  return true;
};

SyncWriteStream.prototype.end = function(data, encoding) {
  if (data) this.write(data, encoding);
  // stdout and stderr cannot be closed, as in v0.6: ending them is a no-op beyond the write.
};

SyncWriteStream.prototype.destroy = function() {
  this.emit('close');
};
SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

exports.SyncWriteStream = SyncWriteStream;
exports.createWritable = function(fd) {
  return new SyncWriteStream(fd);
};
