// The readline module: reading a stream line by line, with line editing when the output is a
// terminal (readline.markdown of v0.6.3).
//
// An Interface works in one of two modes, chosen when it is made:
// - terminal: the output is a TTY (or `terminal: true` was asked for). The input is put in raw
//   mode, every byte arrives as it is typed, and this module echoes and edits the line itself:
//   cursor keys, emacs-style control keys, history and tab completion. Input bytes are decoded
//   into keys by KeyDecoder, which keeps an escape sequence cut by a read until its rest comes.
// - plain: pipes, files and sockets. Each 'data' chunk is a line, as in v0.6.3 (split further
//   at \n when it holds several; a \r before \n is dropped) and nothing is echoed; prompts are
//   still written to the output.
//
// createInterface takes v0.6's positional arguments (input, output, completer) or today's
// options object ({ input, output, completer, terminal, prompt, historySize }).
var EventEmitter = require('events').EventEmitter;
var util = require('util');
var StringDecoder = require('string_decoder').StringDecoder;

var kHistorySize = 30;
// How long an escape sequence cut short may wait for its rest before its bytes count as keys.
var kEscapeTimeout = 500;

exports.createInterface = function(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
};

function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) return new Interface(input, output, completer, terminal);
  EventEmitter.call(this);

  var historySize = kHistorySize;
  var prompt = '> ';
  if (input && typeof input.on !== 'function' && typeof input === 'object' && 'input' in input) {
    var options = input;
    input = options.input;
    output = options.output;
    completer = options.completer;
    terminal = options.terminal;
    if (options.historySize !== undefined) historySize = options.historySize;
    if (options.prompt !== undefined) prompt = options.prompt;
  }
  if (!input || typeof input.on !== 'function') {
    throw new TypeError('readline: input must be a readable stream');
  }
  if (output !== undefined && output !== null && typeof output.write !== 'function') {
    throw new TypeError('readline: output must be a writable stream');
  }
  if (completer !== undefined && completer !== null && typeof completer !== 'function') {
    throw new TypeError('readline: completer must be a function');
  }
  if (typeof historySize !== 'number' || !(historySize >= 0)) {
    throw new RangeError('readline: historySize must be a non-negative number');
  }
  if (terminal === undefined) {
    terminal = !!(output && output.isTTY);
    // NODE_NO_READLINE=1 leaves line editing to the terminal (or to rlwrap), as in v0.6.
    if (parseInt(process.env.NODE_NO_READLINE, 10)) terminal = false;
  }

  var self = this;
  this.input = input;
  this.output = output || null;
  this.terminal = !!terminal;
  this.line = '';
  this.cursor = 0;
  this.history = [];
  this.historyIndex = -1;
  this.historySize = historySize;
  this.closed = false;
  this.paused = true;

  // The completer in its asynchronous form: completer(linePartial, callback(err, result)).
  // A one-argument completer returns [completions, substring] synchronously.
  if (typeof completer === 'function') {
    this.completer = completer.length === 2 ? completer : function(text, callback) {
      callback(null, completer(text));
    };
  } else {
    this.completer = null;
  }

  this._decoder = new StringDecoder('utf8');
  this._questionCallback = null;
  this._savedLine = '';         // the line being typed when history browsing began
  this._prevRows = 0;           // terminal rows above the cursor that the current line uses
  this._sawReturn = false;      // the last key was \r, so a \n right after it is the same Enter
  this._keys = new KeyDecoder();
  this._escapeTimer = null;
  this.setPrompt(prompt);

  this._onData = function(data) { self._dataIn(data); };
  this._onEnd = function() { self._endIn(); };
  input.on('data', this._onData);
  input.on('end', this._onEnd);

  if (this.terminal) {
    if (typeof input.setRawMode === 'function') {
      input.setRawMode(true);
      this._rawMode = true;
      // A terminal left in raw mode by a program that exits without close() is unusable.
      this._onExit = function() { self._restoreMode(); };
      process.on('exit', this._onExit);
    }
    if (this.output && typeof this.output.on === 'function') {
      this._onResize = function() { self._refreshLine(); };
      this.output.on('resize', this._onResize);
    }
  }

  // As v0.6 documents, the program now runs until the interface is closed.
  this.resume();
}
util.inherits(Interface, EventEmitter);
exports.Interface = Interface;

Interface.prototype.setPrompt = function(prompt, length) {
  this._prompt = String(prompt);
  if (length !== undefined && length !== null) {
    if (typeof length !== 'number' || !(length >= 0)) {
      throw new TypeError('readline: prompt length must be a non-negative number');
    }
    this._promptLength = length;
  } else {
    // What the prompt takes on screen: its last line, without colour codes.
    var lastLine = this._prompt.slice(this._prompt.lastIndexOf('\n') + 1);
    this._promptLength = stringWidth(stripControls(lastLine));
  }
};

Interface.prototype.getPrompt = function() {
  return this._prompt;
};

// Shows the prompt and waits for input; the line typed so far stays (a terminal redraws it).
Interface.prototype.prompt = function(preserveCursor) {
  if (this.closed) return;
  if (this.paused) this.resume();
  if (this.terminal) {
    if (!preserveCursor) this.cursor = 0;
    this._refreshLine();
  } else {
    this._writeOut(this._prompt);
  }
};

// Shows `query` as the prompt; the next line goes to callback instead of a 'line' event.
Interface.prototype.question = function(query, callback) {
  if (typeof callback !== 'function') {
    throw new TypeError('readline: question needs a callback function');
  }
  if (this.closed) return;
  if (this._questionCallback) {
    // One question at a time, as in Node: the pending one is shown again.
    this.prompt();
    return;
  }
  this._oldPrompt = [this._prompt, this._promptLength];
  this.setPrompt(query);
  this._questionCallback = callback;
  this.prompt();
};

Interface.prototype.pause = function() {
  if (this.paused) return;
  if (typeof this.input.pause === 'function') this.input.pause();
  this.paused = true;
  this.emit('pause');
};

Interface.prototype.resume = function() {
  if (!this.paused || this.closed) return;
  if (typeof this.input.resume === 'function') this.input.resume();
  this.paused = false;
  this.emit('resume');
};

// Feeds `data` in as if it had been typed (or, in plain mode, read); `key` names one key
// ({ name, ctrl, meta, shift }) for terminal mode.
Interface.prototype.write = function(data, key) {
  if (this.closed) return;
  if (this.paused) this.resume();
  if (data !== undefined && data !== null && typeof data !== 'string') {
    if (typeof data.toString !== 'function') throw new TypeError('readline: data must be a string');
    data = data.toString();
  }
  if (this.terminal) {
    if (key && typeof key === 'object') {
      this._ttyKey(data || '', key);
    } else if (data) {
      var decoder = new KeyDecoder();
      var keys = decoder.push(data).concat(decoder.flush());
      for (var i = 0; i < keys.length && !this.closed; i++) this._ttyKey(keys[i].sequence, keys[i]);
    }
  } else if (data) {
    this._plainData(data);
  }
};

Interface.prototype.close = function() {
  if (this.closed) return;
  this.pause();
  this._restoreMode();
  this.closed = true;
  this.input.removeListener('data', this._onData);
  this.input.removeListener('end', this._onEnd);
  if (this._onResize) this.output.removeListener('resize', this._onResize);
  if (this._escapeTimer) {
    clearTimeout(this._escapeTimer);
    this._escapeTimer = null;
  }
  this.emit('close');
};

Interface.prototype._restoreMode = function() {
  if (this._rawMode) {
    this._rawMode = false;
    process.removeListener('exit', this._onExit);
    try {
      this.input.setRawMode(false);
    } catch (e) {
      // The terminal is already gone; there is no mode left to restore.
    }
  }
};

Interface.prototype._writeOut = function(text) {
  if (this.output && text) this.output.write(text);
};

Interface.prototype._columns = function() {
  var columns = this.output && this.output.columns;
  return typeof columns === 'number' && columns > 0 ? columns : 80;
};

// --- Input ------------------------------------------------------------------------------------

Interface.prototype._dataIn = function(data) {
  if (this.closed) return;
  var text = typeof data === 'string' ? data : this._decoder.write(data);
  if (!text) return;
  if (this.terminal) this._ttyData(text);
  else this._plainData(text);
};

Interface.prototype._endIn = function() {
  if (this.closed) return;
  var rest = this._decoder.end();
  if (this.terminal) {
    if (rest) this._ttyData(rest);
    this._flushEscape();
  } else {
    if (rest) this._plainData(rest);
  }
  this.close();
};

// As in v0.6.3, a 'data' chunk is a line of its own: its text is never held back to wait for a
// newline in a later chunk (a program that writes 'cmd' without one is answered at once). A
// chunk that holds several lines (a file read whole) gives each of them; its trailing newline
// ends its last line.
Interface.prototype._plainData = function(text) {
  var lines = text.split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  for (var i = 0; i < lines.length && !this.closed; i++) {
    this._onLine(lines[i].replace(/\r$/, ''));
  }
};

Interface.prototype._onLine = function(line) {
  if (this._questionCallback) {
    var callback = this._questionCallback;
    this._questionCallback = null;
    this.setPrompt(this._oldPrompt[0], this._oldPrompt[1]);
    callback(line);
  } else {
    this.emit('line', line);
  }
};

Interface.prototype._ttyData = function(text) {
  if (this._escapeTimer) {
    clearTimeout(this._escapeTimer);
    this._escapeTimer = null;
  }
  var keys = this._keys.push(text);
  for (var i = 0; i < keys.length && !this.closed; i++) this._ttyKey(keys[i].sequence, keys[i]);
  if (this._keys.pending && !this.closed) {
    var self = this;
    this._escapeTimer = setTimeout(function() {
      self._escapeTimer = null;
      self._flushEscape();
    }, kEscapeTimeout);
  }
};

// An escape sequence that never completed: its bytes are keys of their own.
Interface.prototype._flushEscape = function() {
  var keys = this._keys.flush();
  for (var i = 0; i < keys.length && !this.closed; i++) this._ttyKey(keys[i].sequence, keys[i]);
};

// --- Terminal editing -----------------------------------------------------------------------

// One key in terminal mode. `s` is the text it stands for, `key` its decoded name.
Interface.prototype._ttyKey = function(s, key) {
  var sawReturn = this._sawReturn;
  this._sawReturn = false;
  key = key || {};
  var name = key.name;

  if (key.ctrl && key.shift) {
    if (name === 'backspace') this._deleteLineLeft();
    else if (name === 'delete') this._deleteLineRight();
    return;
  }

  if (key.ctrl) {
    switch (name) {
      case 'c':
        if (this.listeners('SIGINT').length > 0) {
          this.emit('SIGINT');
        } else {
          this._goBelowLine();
          this.close();
        }
        return;
      case 'h': this._deleteLeft(); return;
      case 'd':
        if (this.cursor === 0 && this.line.length === 0) {
          this._goBelowLine();
          this.close();
        } else {
          this._deleteRight();
        }
        return;
      case 'u': this._deleteLineLeft(); return;
      case 'k': this._deleteLineRight(); return;
      case 'a': this._moveCursor(-Infinity); return;
      case 'e': this._moveCursor(Infinity); return;
      case 'b': this._moveCursor(-1); return;
      case 'f': this._moveCursor(1); return;
      case 'l':
        this._writeOut('\x1b[1;1H\x1b[0J');
        this._prevRows = 0;
        this._refreshLine();
        return;
      case 'n': this._historyNext(); return;
      case 'p': this._historyPrev(); return;
      case 'w':
      case 'backspace': this._deleteWordLeft(); return;
      case 'delete': this._deleteWordRight(); return;
      case 'left': this._wordLeft(); return;
      case 'right': this._wordRight(); return;
      case 'z':
        if (this.listeners('SIGTSTP').length > 0) this.emit('SIGTSTP');
        return;
      default:
        return;
    }
  }

  if (key.meta) {
    switch (name) {
      case 'b':
      case 'left': this._wordLeft(); return;
      case 'f':
      case 'right': this._wordRight(); return;
      case 'd':
      case 'delete': this._deleteWordRight(); return;
      case 'backspace': this._deleteWordLeft(); return;
      default: return;
    }
  }

  switch (name) {
    case 'return':
      this._sawReturn = true;
      this._line();
      return;
    case 'enter':
      if (!sawReturn) this._line();
      return;
    case 'backspace': this._deleteLeft(); return;
    case 'delete': this._deleteRight(); return;
    case 'tab':
      if (this.completer) {
        this._tabComplete();
        return;
      }
      this._insertString('\t');
      return;
    case 'left': this._moveCursor(-1); return;
    case 'right': this._moveCursor(1); return;
    case 'home': this._moveCursor(-Infinity); return;
    case 'end': this._moveCursor(Infinity); return;
    case 'up': this._historyPrev(); return;
    case 'down': this._historyNext(); return;
    case 'escape': return;
    default:
      if (typeof s === 'string' && s && !/[\x00-\x08\x0b-\x1f\x7f]/.test(s)) {
        // Text (typed, or given to write()): each line break in it ends a line.
        var parts = s.split(/\r\n|\n|\r/);
        for (var i = 0; i < parts.length && !this.closed; i++) {
          if (i > 0) this._line();
          if (parts[i]) this._insertString(parts[i]);
        }
      }
  }
};

Interface.prototype._insertString = function(text) {
  if (!text) return;
  var atEnd = this.cursor === this.line.length;
  this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
  this.cursor += text.length;
  // Typing at the end of a line that still fits one row needs only the echo.
  if (atEnd && this._promptLength + stringWidth(this.line) < this._columns() &&
      !/\t/.test(text)) {
    this._writeOut(text);
  } else {
    this._refreshLine();
  }
};

Interface.prototype._moveCursor = function(delta) {
  var cursor = this.cursor + delta;
  if (cursor < 0) cursor = 0;
  if (cursor > this.line.length) cursor = this.line.length;
  // Whole characters: never between the halves of a surrogate pair.
  if (cursor > 0 && cursor < this.line.length && isLowSurrogate(this.line.charCodeAt(cursor))) {
    cursor += delta < 0 ? -1 : 1;
  }
  if (cursor === this.cursor) return;
  this.cursor = cursor;
  this._refreshLine();
};

// Moves the terminal's cursor to the start of the row below the line, leaving the line and
// the cursor position in it as they are.
Interface.prototype._goBelowLine = function() {
  if (!this.terminal) return;
  var columns = this._columns();
  var total = this._promptLength + stringWidth(this.line);
  var endRow = Math.floor(total / columns);
  var out = endRow > this._prevRows ? '\x1b[' + (endRow - this._prevRows) + 'B' : '';
  // A line that exactly fills its rows already left the cursor on a fresh row.
  out += total > 0 && total % columns === 0 ? '\r' : '\r\n';
  this._prevRows = 0;
  this._writeOut(out);
};

Interface.prototype._charLengthBefore = function(index) {
  return index >= 2 && isLowSurrogate(this.line.charCodeAt(index - 1)) ? 2 : 1;
};

Interface.prototype._deleteLeft = function() {
  if (this.cursor === 0) return;
  var n = this._charLengthBefore(this.cursor);
  this.line = this.line.slice(0, this.cursor - n) + this.line.slice(this.cursor);
  this.cursor -= n;
  this._refreshLine();
};

Interface.prototype._deleteRight = function() {
  if (this.cursor >= this.line.length) return;
  var n = isHighSurrogate(this.line.charCodeAt(this.cursor)) ? 2 : 1;
  this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + n);
  this._refreshLine();
};

Interface.prototype._deleteLineLeft = function() {
  this.line = this.line.slice(this.cursor);
  this.cursor = 0;
  this._refreshLine();
};

Interface.prototype._deleteLineRight = function() {
  this.line = this.line.slice(0, this.cursor);
  this._refreshLine();
};

// A word is a run of word characters or a run of other non-blank characters; blanks next to
// it go with it.
Interface.prototype._wordLeftLength = function() {
  var m = /(?:\w+|[^\w\s]+)\s*$/.exec(this.line.slice(0, this.cursor));
  return m ? m[0].length : this.cursor;
};

Interface.prototype._wordRightLength = function() {
  var m = /^\s*(?:\w+|[^\w\s]+)/.exec(this.line.slice(this.cursor));
  return m ? m[0].length : this.line.length - this.cursor;
};

Interface.prototype._wordLeft = function() {
  this._moveCursor(-this._wordLeftLength());
};

Interface.prototype._wordRight = function() {
  this._moveCursor(this._wordRightLength());
};

Interface.prototype._deleteWordLeft = function() {
  var n = this._wordLeftLength();
  if (n === 0) return;
  this.line = this.line.slice(0, this.cursor - n) + this.line.slice(this.cursor);
  this.cursor -= n;
  this._refreshLine();
};

Interface.prototype._deleteWordRight = function() {
  var n = this._wordRightLength();
  if (n === 0) return;
  this.line = this.line.slice(0, this.cursor) + this.line.slice(this.cursor + n);
  this._refreshLine();
};

// Enter: the line goes to history and to its listener; the cursor moves below it.
Interface.prototype._line = function() {
  var line = this._addHistory();
  this._goBelowLine();
  this.line = '';
  this.cursor = 0;
  this._prevRows = 0;
  this._onLine(line);
};

// Drops the line being typed (Control-C at a prompt): the cursor moves below it, unchanged.
Interface.prototype._discardLine = function() {
  this._goBelowLine();
  this.line = '';
  this.cursor = 0;
  this._prevRows = 0;
  this.historyIndex = -1;
  this._savedLine = '';
};

Interface.prototype._addHistory = function() {
  this.historyIndex = -1;
  this._savedLine = '';
  var line = this.line;
  if (line.trim() === '' || this.historySize === 0) return line;
  if (this.history[0] !== line) {
    this.history.unshift(line);
    if (this.history.length > this.historySize) this.history.length = this.historySize;
  }
  return line;
};

Interface.prototype._historyPrev = function() {
  if (this.historyIndex + 1 >= this.history.length) return;
  if (this.historyIndex === -1) this._savedLine = this.line;
  this.historyIndex++;
  this.line = this.history[this.historyIndex];
  this.cursor = this.line.length;
  this._refreshLine();
};

Interface.prototype._historyNext = function() {
  if (this.historyIndex < 0) return;
  this.historyIndex--;
  this.line = this.historyIndex === -1 ? this._savedLine : this.history[this.historyIndex];
  this.cursor = this.line.length;
  this._refreshLine();
};

// Redraws the prompt and the line, which may wrap over several rows, and puts the cursor back.
Interface.prototype._refreshLine = function() {
  if (!this.terminal || !this.output || this.closed) return;
  var columns = this._columns();
  var total = this._promptLength + stringWidth(this.line);
  var before = this._promptLength + stringWidth(this.line.slice(0, this.cursor));
  var endRow = Math.floor(total / columns);
  var cursorRow = Math.floor(before / columns);
  var cursorColumn = before % columns;

  var out = '';
  if (this._prevRows > 0) out += '\x1b[' + this._prevRows + 'A';
  out += '\r\x1b[0J' + this._prompt + this.line;
  // A line that exactly fills its last row leaves the terminal waiting to wrap: wrap now, so
  // the cursor is where the arithmetic says.
  if (total > 0 && total % columns === 0) out += '\r\n';
  if (endRow > cursorRow) out += '\x1b[' + (endRow - cursorRow) + 'A';
  out += '\x1b[' + (cursorColumn + 1) + 'G';
  this._prevRows = cursorRow;
  this._writeOut(out);
};

// Tab: the completer's [completions, substring] either extends the line (one match, or a
// longer common prefix) or is listed under it.
Interface.prototype._tabComplete = function() {
  var self = this;
  var text = this.line.slice(0, this.cursor);
  this.completer(text, function(err, result) {
    if (err || self.closed || !Array.isArray(result) || !Array.isArray(result[0])) return;
    // The line changed while an asynchronous completer worked: its answer is stale.
    if (self.line.slice(0, self.cursor) !== text) return;
    var groups = result[0];
    var sub = typeof result[1] === 'string' ? result[1] : '';
    var seen = Object.create(null);
    var matches = groups.filter(function(item) {
      if (typeof item !== 'string' || item === '' || seen[item]) return false;
      seen[item] = true;
      return true;
    });
    if (matches.length === 0) return;
    if (matches.length === 1) {
      self._insertString(matches[0].slice(sub.length));
      return;
    }
    var prefix = commonPrefix(matches);
    if (prefix.length > sub.length) {
      self._insertString(prefix.slice(sub.length));
      return;
    }
    self._showCompletions(groups);
  });
};

// Lists completions in columns below the line, a blank entry starting a new group.
Interface.prototype._showCompletions = function(items) {
  var width = 0;
  items.forEach(function(item) {
    if (typeof item === 'string') width = Math.max(width, stringWidth(item));
  });
  width += 2;
  var perRow = Math.max(1, Math.floor(this._columns() / width));
  var out = '';
  var column = 0;
  items.forEach(function(item) {
    if (typeof item !== 'string') return;
    if (item === '') {
      if (column > 0) out += '\r\n';
      column = 0;
      return;
    }
    if (column === perRow) {
      out += '\r\n';
      column = 0;
    }
    out += item;
    column++;
    if (column < perRow) out += new Array(width - stringWidth(item) + 1).join(' ');
  });
  this._goBelowLine();
  this._writeOut(out.replace(/ +(?=\r\n|$)/g, '') + '\r\n\r\n');
  this._prevRows = 0;
  this._refreshLine();
};

function commonPrefix(strings) {
  var prefix = strings[0];
  for (var i = 1; i < strings.length; i++) {
    var j = 0;
    while (j < prefix.length && j < strings[i].length && prefix[j] === strings[i][j]) j++;
    prefix = prefix.slice(0, j);
  }
  return prefix;
}

// --- Text width -----------------------------------------------------------------------------

function isHighSurrogate(code) { return code >= 0xd800 && code <= 0xdbff; }
function isLowSurrogate(code) { return code >= 0xdc00 && code <= 0xdfff; }

function stripControls(text) {
  return text.replace(/\x1b\[[0-9;?]*[ -\/]*[@-~]/g, '').replace(/\x1b[@-_]/g, '');
}

// Columns a string takes: wide East Asian characters and most emoji take two, combining
// marks and control characters none.
function stringWidth(text) {
  var width = 0;
  for (var i = 0; i < text.length; i++) {
    var code = text.codePointAt(i);
    if (code > 0xffff) i++;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    if ((code >= 0x300 && code <= 0x36f) || (code >= 0x200b && code <= 0x200f) ||
        (code >= 0xfe00 && code <= 0xfe0f)) {
      continue;
    }
    width += isFullWidth(code) ? 2 : 1;
  }
  return width;
}

function isFullWidth(code) {
  return code >= 0x1100 && (
      code <= 0x115f ||
      code === 0x2329 || code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
      (code >= 0x3250 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0xa4c6) ||
      (code >= 0xa960 && code <= 0xa97c) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe10 && code <= 0xfe19) ||
      (code >= 0xfe30 && code <= 0xfe6b) ||
      (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x1f900 && code <= 0x1f9ff) ||
      (code >= 0x20000 && code <= 0x3fffd));
}

// --- Keys -----------------------------------------------------------------------------------

// Turns terminal input into keys: { sequence, name, ctrl, meta, shift }. An escape sequence
// that a read cut short stays in `pending` until push() brings the rest (or flush() gives up).
function KeyDecoder() {
  this.pending = '';
}
exports._KeyDecoder = KeyDecoder;

KeyDecoder.prototype.push = function(text) {
  var s = this.pending + text;
  this.pending = '';
  var keys = [];
  var i = 0;
  while (i < s.length) {
    if (s[i] === '\x1b') {
      var parsed = parseEscape(s, i);
      if (parsed === null) {
        this.pending = s.slice(i);
        break;
      }
      keys.push(parsed.key);
      i = parsed.end;
    } else {
      var ch = s[i];
      if (isHighSurrogate(s.charCodeAt(i)) && i + 1 < s.length) ch = s.slice(i, i + 2);
      keys.push(plainKey(ch));
      i += ch.length;
    }
  }
  return keys;
};

// The bytes of a sequence that never completed, as keys: an Escape, then the rest as typed.
KeyDecoder.prototype.flush = function() {
  var s = this.pending;
  this.pending = '';
  if (!s) return [];
  var keys = [makeKey('\x1b', 'escape')];
  var rest = s.slice(1);
  for (var i = 0; i < rest.length; i++) {
    if (rest[i] === '\x1b') keys.push(makeKey('\x1b', 'escape'));
    else keys.push(plainKey(rest[i]));
  }
  return keys;
};

function makeKey(sequence, name, ctrl, meta, shift) {
  return { sequence: sequence, name: name, ctrl: !!ctrl, meta: !!meta, shift: !!shift };
}

function plainKey(ch) {
  switch (ch) {
    case '\r': return makeKey(ch, 'return');
    case '\n': return makeKey(ch, 'enter');
    case '\t': return makeKey(ch, 'tab');
    case '\b':
    case '\x7f': return makeKey(ch, 'backspace');
    case '\x1b': return makeKey(ch, 'escape');
    case ' ': return makeKey(ch, 'space');
  }
  var code = ch.charCodeAt(0);
  if (code === 0) return makeKey(ch, 'space', true);
  if (code < 0x20) {
    if (code <= 0x1a) return makeKey(ch, String.fromCharCode(code + 96), true);
    return makeKey(ch, undefined, true);
  }
  if (ch >= 'a' && ch <= 'z') return makeKey(ch, ch);
  if (ch >= 'A' && ch <= 'Z') return makeKey(ch, ch.toLowerCase(), false, false, true);
  if (ch >= '0' && ch <= '9') return makeKey(ch, ch);
  return makeKey(ch, undefined);
}

// Names of CSI/SS3 sequences by their final character, and of `CSI n ~` by n.
var kFinalNames = {
  A: 'up', B: 'down', C: 'right', D: 'left', E: 'clear', F: 'end', H: 'home',
  P: 'f1', Q: 'f2', R: 'f3', S: 'f4', Z: 'tab'
};
var kTildeNames = {
  1: 'home', 2: 'insert', 3: 'delete', 4: 'end', 5: 'pageup', 6: 'pagedown', 7: 'home', 8: 'end',
  11: 'f1', 12: 'f2', 13: 'f3', 14: 'f4', 15: 'f5', 17: 'f6', 18: 'f7', 19: 'f8', 20: 'f9',
  21: 'f10', 23: 'f11', 24: 'f12', 200: 'paste-start', 201: 'paste-end'
};
var kConsoleNames = { A: 'f1', B: 'f2', C: 'f3', D: 'f4', E: 'f5' };

// The escape sequence at s[i] (an ESC): { key, end }, or null if s ends before it does.
function parseEscape(s, i) {
  var j = i + 1;
  if (j >= s.length) return null;
  var meta = false;
  if (s[j] === '\x1b') {
    // ESC ESC [ ... is Alt with a cursor key; ESC ESC otherwise is Escape pressed twice.
    if (j + 1 >= s.length) return null;
    if (s[j + 1] !== '[' && s[j + 1] !== 'O') return { key: makeKey('\x1b', 'escape'), end: j };
    meta = true;
    j++;
  }
  var c = s[j];
  var k, name, modifier = 1, final;
  if (c === '[') {
    k = j + 1;
    if (k >= s.length) return null;
    if (s[k] === '[') {
      // The Linux console's function keys: ESC [ [ A .. E.
      if (k + 1 >= s.length) return null;
      name = kConsoleNames[s[k + 1]];
      return { key: makeKey(s.slice(i, k + 2), name, false, meta), end: k + 2 };
    }
    var paramsStart = k;
    while (k < s.length && s.charCodeAt(k) >= 0x30 && s.charCodeAt(k) <= 0x3f) k++;
    var params = s.slice(paramsStart, k);
    while (k < s.length && s.charCodeAt(k) >= 0x20 && s.charCodeAt(k) <= 0x2f) k++;
    if (k >= s.length) return null;
    final = s[k];
    var sequence = s.slice(i, k + 1);
    if (s.charCodeAt(k) < 0x40 || s.charCodeAt(k) > 0x7e) {
      // Not a well-formed sequence: drop what was read of it, keep the odd character.
      return { key: makeKey(s.slice(i, k), undefined, false, meta), end: k };
    }
    var fields = params.split(';');
    if (final === '~') {
      name = kTildeNames[parseInt(fields[0], 10)];
      if (fields.length > 1) modifier = parseInt(fields[1], 10) || 1;
    } else {
      name = kFinalNames[final];
      if (fields.length > 1) modifier = parseInt(fields[1], 10) || 1;
      if (final === 'Z') modifier = 2;  // Shift-Tab
    }
    return { key: modifiedKey(sequence, name, modifier, meta), end: k + 1 };
  }
  if (c === 'O') {
    // SS3: ESC O [modifier digits] final.
    k = j + 1;
    if (k >= s.length) return null;
    var digitsStart = k;
    while (k < s.length && s[k] >= '0' && s[k] <= '9') k++;
    if (k >= s.length) return null;
    if (k > digitsStart) modifier = parseInt(s.slice(digitsStart, k), 10) || 1;
    final = s[k];
    return { key: modifiedKey(s.slice(i, k + 1), kFinalNames[final], modifier, meta), end: k + 1 };
  }
  // Alt (Meta) with an ordinary key: ESC then the key.
  var ch = c;
  if (isHighSurrogate(s.charCodeAt(j)) && j + 1 < s.length) ch = s.slice(j, j + 2);
  var key = plainKey(ch);
  key.sequence = '\x1b' + ch;
  key.meta = true;
  return { key: key, end: j + ch.length };
}

// xterm modifiers arrive as 1 + (shift 1 | alt 2 | ctrl 4).
function modifiedKey(sequence, name, modifier, meta) {
  var bits = modifier - 1;
  return makeKey(sequence, name, !!(bits & 4), meta || !!(bits & 2), !!(bits & 1));
}
