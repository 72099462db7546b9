// `require('_linklist')`: v0.6.3's intrusive circular doubly-linked list (its timers kept their
// lists with it). A list is any object whose _idleNext/_idlePrev point at itself when empty; an
// item is linked in through the same two fields.

function init(list) {
  list._idleNext = list;
  list._idlePrev = list;
}
exports.init = init;

// The item at the front, or null when the list is empty.
function peek(list) {
  if (list._idlePrev === list) return null;
  return list._idlePrev;
}
exports.peek = peek;

// Removes and returns the item at the front, or null.
function shift(list) {
  var first = list._idlePrev;
  if (first === list) return null;
  remove(first);
  return first;
}
exports.shift = shift;

// Unlinks an item from whatever list holds it; an unlinked item is left as it is.
function remove(item) {
  if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
  if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
  item._idleNext = null;
  item._idlePrev = null;
}
exports.remove = remove;

// Puts an item at the back of the list, taking it out of any list it was in first.
function append(list, item) {
  remove(item);
  item._idleNext = list._idleNext;
  list._idleNext._idlePrev = item;
  item._idlePrev = list;
  list._idleNext = item;
}
exports.append = append;

function isEmpty(list) {
  return list._idleNext === list;
}
exports.isEmpty = isEmpty;
