// The fs module. This first part covers what the module system and path.exists need: stat
// calls, realpath, reading text files and closing descriptors. Sync calls throw errors with
// code/errno/syscall/path; async calls pass them to the callback.
var binding = process.binding('fs');
var constants = process.binding('constants');

function Stats(fields) {
  this.dev = fields[0];
  this.mode = fields[1];
  this.nlink = fields[2];
  this.uid = fields[3];
  this.gid = fields[4];
  this.rdev = fields[5];
  this.blksize = fields[6];
  this.ino = fields[7];
  this.size = fields[8];
  this.blocks = fields[9];
  this.atime = new Date(fields[10]);
  this.mtime = new Date(fields[11]);
  this.ctime = new Date(fields[12]);
}
exports.Stats = Stats;

Stats.prototype._checkModeProperty = function(property) {
  return ((this.mode & constants.S_IFMT) === property);
};
Stats.prototype.isDirectory = function() { return this._checkModeProperty(constants.S_IFDIR); };
Stats.prototype.isFile = function() { return this._checkModeProperty(constants.S_IFREG); };
Stats.prototype.isBlockDevice = function() { return this._checkModeProperty(constants.S_IFBLK); };
Stats.prototype.isCharacterDevice = function() { return this._checkModeProperty(constants.S_IFCHR); };
Stats.prototype.isSymbolicLink = function() { return this._checkModeProperty(constants.S_IFLNK); };
Stats.prototype.isFIFO = function() { return this._checkModeProperty(constants.S_IFIFO); };
Stats.prototype.isSocket = function() { return this._checkModeProperty(constants.S_IFSOCK); };

function callbackOrThrow(callback) {
  if (typeof callback === 'function') return callback;
  // v0.6 accepted a missing callback; errors then have nowhere to go but an exception.
  return function(err) { if (err) throw err; };
}

function statCall(name) {
  exports[name + 'Sync'] = function(target) {
    return new Stats(binding[name](target));
  };
  exports[name] = function(target, callback) {
    callback = callbackOrThrow(callback);
    binding[name](target, function(err, fields) {
      if (err) return callback(err);
      callback(null, new Stats(fields));
    });
  };
}
statCall('stat');
statCall('lstat');
statCall('fstat');

exports.realpathSync = function(p) {
  return binding.realpath(p);
};

exports.realpath = function(p, cache, callback) {
  if (typeof cache === 'function') callback = cache;
  binding.realpath(p, callbackOrThrow(callback));
};

exports.closeSync = function(fd) {
  binding.close(fd);
};

exports.close = function(fd, callback) {
  binding.close(fd, callbackOrThrow(callback));
};

exports.existsSync = function(p) {
  try {
    binding.stat(p);
    return true;
  } catch (e) {
    return false;
  }
};

exports.exists = function(p, callback) {
  binding.stat(p, function(err) {
    if (typeof callback === 'function') callback(err ? false : true);
  });
};

function textEncoding(encoding) {
  if (encoding && typeof encoding === 'object') encoding = encoding.encoding;
  return encoding;
}

exports.readFileSync = function(p, encoding) {
  encoding = textEncoding(encoding);
  var text = binding.readFileUtf8(p);
  if (encoding === 'utf8' || encoding === 'utf-8') return text;
  if (typeof Buffer === 'function') {
    var buffer = new Buffer(text, 'utf8');
    return encoding ? buffer.toString(encoding) : buffer;
  }
  throw new TypeError('readFileSync without an encoding needs Buffer');
};

exports.writeSync = function(fd, data) {
  if (typeof data !== 'string') data = String(data);
  return process.binding('process_methods').writeString(fd, data);
};

// read(fd, buffer, offset, length, position, callback(err, bytesRead, buffer)).
exports.readSync = function(fd, buffer, offset, length, position) {
  return binding.read(fd, buffer, offset, length, position);
};

exports.read = function(fd, buffer, offset, length, position, callback) {
  callback = callbackOrThrow(callback);
  binding.read(fd, buffer, offset, length, position, function(err, bytesRead) {
    // Referring to `buffer` here keeps it alive while the thread pool writes into it.
    callback(err, bytesRead || 0, buffer);
  });
};
