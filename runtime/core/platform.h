// Platform: V8's default platform (libplatform), with a count of the foreground tasks posted to
// it, so that the loop pumps V8's task queue only when there can be something in it.
//
// The Environment pumps V8's foreground tasks (GC finalization, FinalizationRegistry cleanup,
// WebAssembly compilation results...) once per turn of the loop. The default platform's pump
// takes its queue's mutex and walks its delayed tasks every time, a tenth of what a turn costs
// when nothing else happens (a chain of nextTicks, a timer chain). With this platform, the pump
// runs when a task was posted since the last pump, and, once any delayed task was posted (V8
// posts them for its heap heuristics), also whenever the loop's millisecond clock has moved:
// a task never waits for more than a millisecond of a busy loop longer than it used to.
#ifndef RUNTIME_CORE_PLATFORM_H_
#define RUNTIME_CORE_PLATFORM_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "libplatform/libplatform.h"
#include "v8.h"

namespace nodus {

class Platform final : public v8::Platform {
 public:
  // A default platform with `worker_threads` workers, no idle tasks.
  explicit Platform(int worker_threads);
  ~Platform() override;

  // The default platform inside, whose queue v8::platform::PumpMessageLoop() reads.
  v8::Platform* inner() const { return inner_.get(); }
  // Foreground tasks posted so far, any isolate, each counted once it is in the queue (a task
  // posted while the loop reads this is found by the pump that follows or counted for the next).
  uint64_t posted() const { return posted_.load(std::memory_order_acquire); }
  bool delayed_posted() const { return delayed_posted_.load(std::memory_order_acquire); }

  // v8::Platform, each forwarded to the default platform.
  v8::PageAllocator* GetPageAllocator() override;
  void OnCriticalMemoryPressure() override;
  bool OnCriticalMemoryPressure(size_t length) override;
  int NumberOfWorkerThreads() override;
  std::shared_ptr<v8::TaskRunner> GetForegroundTaskRunner(v8::Isolate* isolate) override;
  void CallOnWorkerThread(std::unique_ptr<v8::Task> task) override;
  void CallBlockingTaskOnWorkerThread(std::unique_ptr<v8::Task> task) override;
  void CallLowPriorityTaskOnWorkerThread(std::unique_ptr<v8::Task> task) override;
  void CallDelayedOnWorkerThread(std::unique_ptr<v8::Task> task, double delay_in_seconds) override;
  bool IdleTasksEnabled(v8::Isolate* isolate) override;
  std::unique_ptr<v8::JobHandle> PostJob(v8::TaskPriority priority,
                                         std::unique_ptr<v8::JobTask> job_task) override;
  double MonotonicallyIncreasingTime() override;
  double CurrentClockTimeMillis() override;
  StackTracePrinter GetStackTracePrinter() override;
  v8::TracingController* GetTracingController() override;

 private:
  class CountingTaskRunner;
  friend class CountingTaskRunner;

  std::unique_ptr<v8::Platform> inner_;
  std::atomic<uint64_t> posted_{0};
  std::atomic<bool> delayed_posted_{false};
  std::mutex runners_mutex_;  // GetForegroundTaskRunner is called from any thread
  std::unordered_map<v8::Isolate*, std::shared_ptr<CountingTaskRunner>> runners_;
};

}  // namespace nodus

#endif  // RUNTIME_CORE_PLATFORM_H_
