// `require('freelist')`: v0.6.3's pool of reusable objects. alloc() hands back a freed object if
// one is waiting, else builds a new one with the constructor given; free() keeps an object for
// reuse while fewer than `max` are kept.

function FreeList(name, max, constructor) {
  this.name = name;
  this.constructor = constructor;
  this.max = max;
  this.list = [];
}

FreeList.prototype.alloc = function() {
  return this.list.length ? this.list.shift() : this.constructor.apply(this, arguments);
};

FreeList.prototype.free = function(obj) {
  if (this.list.length < this.max) this.list.push(obj);
};

exports.FreeList = FreeList;
