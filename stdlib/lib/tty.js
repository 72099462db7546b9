// Terminals: isatty, and ReadStream/WriteStream as net.Socket subclasses over a TTY handle.
var net = require('net');
var util = require('util');
var binding = process.binding('tty_wrap');
var TTY = binding.TTY;
// A terminal's bytes reach its socket the way a pipe's do (net.js installs that reader).
TTY.prototype.onread = process.binding('pipe_wrap').Pipe.prototype.onread;

exports.isatty = function(fd) {
  return typeof fd === 'number' && fd >= 0 && fd === (fd | 0) && binding.isTTY(fd);
};

// v0.6's module-level form, which acts on stdin.
exports.setRawMode = function(flag) {
  if (!process.stdin.isTTY) throw new Error('stdin is not a TTY');
  process.stdin.setRawMode(flag);
};

exports.getWindowSize = function() {
  return binding.getWindowSize(1);
};

function ReadStream(fd) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd);
  net.Socket.call(this, { handle: new TTY(fd, true) });
  this.readable = true;
  this.writable = false;
  this.isRaw = false;
  // Paused until resume(), as process.stdin is documented to be.
  this._paused = true;
}
util.inherits(ReadStream, net.Socket);
exports.ReadStream = ReadStream;

ReadStream.prototype.isTTY = true;

ReadStream.prototype.setRawMode = function(flag) {
  flag = !!flag;
  var err = this._handle.setRawMode(flag);
  if (err) throw new Error('setRawMode failed: ' + err);
  this.isRaw = flag;
};

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  net.Socket.call(this, { handle: new TTY(fd, false) });
  this.readable = false;
  this.writable = true;
  var size = [];
  if (this._handle.getWindowSize(size) === 0) {
    this.columns = size[0];
    this.rows = size[1];
  }
}
util.inherits(WriteStream, net.Socket);
exports.WriteStream = WriteStream;

WriteStream.prototype.isTTY = true;

// Called on SIGWINCH (see _stdio.js): refreshes columns/rows and emits 'resize'.
WriteStream.prototype._refreshSize = function() {
  var size = [];
  if (this._handle && this._handle.getWindowSize(size) === 0 &&
      (size[0] !== this.columns || size[1] !== this.rows)) {
    this.columns = size[0];
    this.rows = size[1];
    this.emit('resize');
  }
};

WriteStream.prototype.getWindowSize = function() {
  return [this.columns, this.rows];
};
