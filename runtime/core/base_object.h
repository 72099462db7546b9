// BaseObject: the native half of every JS object a binding makes (a handle, an HTTP parser, a
// zlib stream, a crypto object, a compiled script...). It owns the Environment*, the JS object
// and whether that object is held weakly or strongly, and it is the only code that reads or
// writes the objects' internal fields:
//
//   field 0 (kSlot)      the BaseObject*, or nullptr once the native half is gone (closed/freed)
//   field 1 (kTypeSlot)  the address of the class's static WrapperType
//
// Unwrap<T>(value) returns the T behind any JS value, or nullptr: a plain object, an object of
// another class or binding, an object whose constructor threw, or one whose native half is gone
// never yields a pointer. A WrapperType names its parent, so a TCPWrap unwraps as a
// ConnectionWrap, a StreamWrap and a HandleWrap, while a ZlibContext unwraps as none of them.
// Every class that Unwrap<T> may return declares NODUS_WRAPPER_TYPE(T) in its body and defines
// its WrapperType with NODUS_DEFINE_WRAPPER_TYPE(T, Parent) in one .cc file (the check that the
// declaration is the class's own, not one inherited, is a compile error otherwise).
//
// Lifetime. A BaseObject starts strong (its JS object lives as long as the native half wants).
// MakeWeak() lets the garbage collector take the JS object; the native half is then deleted in
// V8's second weak pass (the first pass only resets the handle and calls OnCollected(), as V8
// requires; the destructor may then use V8, e.g. to adjust the external memory count). V8 may
// run the second pass later, from a task: in between, OnCollected() must have cut every native
// path that could reach the object (a stream's read listener), since object() is gone. ClearWeak() makes it strong again
// (while a request is in flight). Deleting a BaseObject whose JS object still lives clears field
// 0, so later calls on that object see "closed" instead of freed memory.
#ifndef RUNTIME_CORE_BASE_OBJECT_H_
#define RUNTIME_CORE_BASE_OBJECT_H_

#include <cstdint>
#include <type_traits>

#include "runtime/core/environment.h"
#include "v8.h"

namespace nodus {

// One per wrapper class, static; identified by address.
struct WrapperType {
  const char* name;
  const WrapperType* parent;

  bool IsA(const WrapperType* type) const {
    for (const WrapperType* t = this; t != nullptr; t = t->parent) {
      if (t == type) return true;
    }
    return false;
  }
};

#define NODUS_WRAPPER_TYPE(Class)               \
  static const ::nodus::WrapperType kWrapperType; \
  using WrapperSelf = Class

#define NODUS_DEFINE_WRAPPER_TYPE(Class, Parent) \
  const ::nodus::WrapperType Class::kWrapperType = {#Class, &Parent::kWrapperType}

class BaseObject {
 public:
  static constexpr int kSlot = 0;
  static constexpr int kTypeSlot = 1;
  static constexpr int kInternalFieldCount = 2;
  NODUS_WRAPPER_TYPE(BaseObject);

  BaseObject(const BaseObject&) = delete;
  BaseObject& operator=(const BaseObject&) = delete;
  virtual ~BaseObject();

  Environment* env() const { return env_; }
  v8::Isolate* isolate() const { return env_->isolate(); }
  // The JS object; must not be called after the garbage collector took it (weak objects only
  // reach that state on their way to deletion).
  v8::Local<v8::Object> object() const { return object_.Get(env_->isolate()); }

  void MakeWeak();
  void ClearWeak();
  bool IsWeak() const { return object_.IsWeak(); }

  // Cuts the JS object's link to this native half (field 0 := nullptr): Unwrap then returns
  // nullptr for it. The object stays owned as before.
  void DetachFromObject();

  // The BaseObject of `type` (or a subclass) behind value, or nullptr.
  static BaseObject* FromValue(v8::Local<v8::Value> value, const WrapperType* type) {
    if (!value->IsObject()) return nullptr;
    v8::Local<v8::Object> object = value.As<v8::Object>();
    if (object->InternalFieldCount() < kInternalFieldCount) return nullptr;
    return FromFields(object, type);
  }

  // FromValue for an object known to have BaseObject's internal fields: the receiver of a
  // method whose v8::Signature V8 has checked (SetProtoMethod, runtime/core/util.h). Only what
  // the fields hold is checked, without FromValue's calls into V8 to learn the object's shape.
  static BaseObject* FromFields(v8::Local<v8::Object> object, const WrapperType* type) {
    // Until a BaseObject sets them, the fields hold `undefined`, a tagged heap pointer (low bit
    // 1); aligned pointers (ours) have it clear. So only a field we wrote is dereferenced.
    void* tag = object->GetAlignedPointerFromInternalField(kTypeSlot);
    if (tag == nullptr || (reinterpret_cast<uintptr_t>(tag) & 1) != 0) return nullptr;
    if (!static_cast<const WrapperType*>(tag)->IsA(type)) return nullptr;
    void* self = object->GetAlignedPointerFromInternalField(kSlot);
    if ((reinterpret_cast<uintptr_t>(self) & 1) != 0) return nullptr;
    return static_cast<BaseObject*>(self);
  }

  // The prologue of every wrapper constructor callback: throws a TypeError (`Name must be
  // called with new`) unless this is a construct call on an object with BaseObject's fields,
  // and clears the fields, so an object whose constructor fails later is never unwrapped.
  static bool BeginConstruct(const v8::FunctionCallbackInfo<v8::Value>& args, const char* name);

  // A constructor template with BaseObject's internal fields and the class name set.
  static v8::Local<v8::FunctionTemplate> MakeTemplate(v8::Isolate* isolate,
                                                      v8::FunctionCallback constructor,
                                                      const char* name,
                                                      v8::Local<v8::Value> data = {});

 protected:
  BaseObject(Environment* env, v8::Local<v8::Object> object, const WrapperType* type);

  // Called in the first weak pass, when the JS object is gone: must not use V8.
  virtual void OnCollected() {}

 private:
  static void OnFirstWeakPass(const v8::WeakCallbackInfo<BaseObject>& info);

  // Three words: every handle, parser and stream holds one, so the class is kept in field 1 of
  // the JS object only (an idle connection is a few hundred bytes in all).
  Environment* env_;
  v8::Global<v8::Object> object_;
};

void ThrowWrapperTypeError(v8::Isolate* isolate, const char* message);

// The T behind a JS value (T or a subclass of T), or nullptr. Never throws.
template <typename T>
inline T* Unwrap(v8::Local<v8::Value> value) {
  static_assert(std::is_same<typename T::WrapperSelf, T>::value,
                "T must declare NODUS_WRAPPER_TYPE(T) itself");
  return static_cast<T*>(BaseObject::FromValue(value, &T::kWrapperType));
}

// The T behind args.This(), or nullptr with a TypeError thrown (`message`).
template <typename T>
inline T* UnwrapThis(const v8::FunctionCallbackInfo<v8::Value>& args, const char* message) {
  T* self = Unwrap<T>(args.This());
  if (self == nullptr) ThrowWrapperTypeError(args.GetIsolate(), message);
  return self;
}

}  // namespace nodus

#endif  // RUNTIME_CORE_BASE_OBJECT_H_
