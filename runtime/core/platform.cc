#include "runtime/core/platform.h"

#include <utility>

namespace nodus {

// The foreground task runner of one isolate: the default platform's, counting what is posted.
class Platform::CountingTaskRunner final : public v8::TaskRunner {
 public:
  CountingTaskRunner(Platform* platform, std::shared_ptr<v8::TaskRunner> inner)
      : platform_(platform), inner_(std::move(inner)) {}

  void PostTask(std::unique_ptr<v8::Task> task) override {
    inner_->PostTask(std::move(task));
    Count();
  }
  void PostNonNestableTask(std::unique_ptr<v8::Task> task) override {
    inner_->PostNonNestableTask(std::move(task));
    Count();
  }
  void PostDelayedTask(std::unique_ptr<v8::Task> task, double delay_in_seconds) override {
    platform_->delayed_posted_.store(true, std::memory_order_release);
    inner_->PostDelayedTask(std::move(task), delay_in_seconds);
    Count();
  }
  void PostNonNestableDelayedTask(std::unique_ptr<v8::Task> task,
                                  double delay_in_seconds) override {
    platform_->delayed_posted_.store(true, std::memory_order_release);
    inner_->PostNonNestableDelayedTask(std::move(task), delay_in_seconds);
    Count();
  }
  void PostIdleTask(std::unique_ptr<v8::IdleTask> task) override {
    inner_->PostIdleTask(std::move(task));
    Count();
  }
  bool IdleTasksEnabled() override { return inner_->IdleTasksEnabled(); }
  bool NonNestableTasksEnabled() const override { return inner_->NonNestableTasksEnabled(); }
  bool NonNestableDelayedTasksEnabled() const override {
    return inner_->NonNestableDelayedTasksEnabled();
  }

 private:
  // After the task is in the queue, so that a pump that sees the new count finds it.
  void Count() { platform_->posted_.fetch_add(1, std::memory_order_acq_rel); }

  Platform* platform_;
  std::shared_ptr<v8::TaskRunner> inner_;
};

Platform::Platform(int worker_threads)
    : inner_(v8::platform::NewDefaultPlatform(worker_threads,
                                              v8::platform::IdleTaskSupport::kDisabled,
                                              v8::platform::InProcessStackDumping::kDisabled)) {}

Platform::~Platform() = default;

v8::PageAllocator* Platform::GetPageAllocator() { return inner_->GetPageAllocator(); }
void Platform::OnCriticalMemoryPressure() { inner_->OnCriticalMemoryPressure(); }
bool Platform::OnCriticalMemoryPressure(size_t length) {
  return inner_->OnCriticalMemoryPressure(length);
}
int Platform::NumberOfWorkerThreads() { return inner_->NumberOfWorkerThreads(); }

std::shared_ptr<v8::TaskRunner> Platform::GetForegroundTaskRunner(v8::Isolate* isolate) {
  std::lock_guard<std::mutex> lock(runners_mutex_);
  std::shared_ptr<CountingTaskRunner>& runner = runners_[isolate];
  if (runner == nullptr) {
    runner = std::make_shared<CountingTaskRunner>(this, inner_->GetForegroundTaskRunner(isolate));
  }
  return runner;
}

void Platform::CallOnWorkerThread(std::unique_ptr<v8::Task> task) {
  inner_->CallOnWorkerThread(std::move(task));
}
void Platform::CallBlockingTaskOnWorkerThread(std::unique_ptr<v8::Task> task) {
  inner_->CallBlockingTaskOnWorkerThread(std::move(task));
}
void Platform::CallLowPriorityTaskOnWorkerThread(std::unique_ptr<v8::Task> task) {
  inner_->CallLowPriorityTaskOnWorkerThread(std::move(task));
}
void Platform::CallDelayedOnWorkerThread(std::unique_ptr<v8::Task> task,
                                         double delay_in_seconds) {
  inner_->CallDelayedOnWorkerThread(std::move(task), delay_in_seconds);
}
bool Platform::IdleTasksEnabled(v8::Isolate* isolate) { return inner_->IdleTasksEnabled(isolate); }
std::unique_ptr<v8::JobHandle> Platform::PostJob(v8::TaskPriority priority,
                                                 std::unique_ptr<v8::JobTask> job_task) {
  return inner_->PostJob(priority, std::move(job_task));
}
double Platform::MonotonicallyIncreasingTime() { return inner_->MonotonicallyIncreasingTime(); }
double Platform::CurrentClockTimeMillis() { return inner_->CurrentClockTimeMillis(); }
v8::Platform::StackTracePrinter Platform::GetStackTracePrinter() {
  return inner_->GetStackTracePrinter();
}
v8::TracingController* Platform::GetTracingController() {
  return inner_->GetTracingController();
}

}  // namespace nodus
