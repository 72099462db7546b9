// The main() of a fuzz target when it is built without libFuzzer (gcc, `bazel test`): it feeds
// every corpus file named on the command line (or every file in a named directory) to
// LLVMFuzzerTestOneInput once, so the seed corpora and the committed crash regressions run on
// every CI run, with ASan under --config=asan.
//
// NODUS_FUZZ_MUTATIONS=N additionally runs N random mutations of each corpus file (bit flips,
// byte insertions and deletions, splices of two files; seeded by NODUS_FUZZ_SEED, default 1).
// It is a blind mutation loop, not coverage-guided: the fallback where libFuzzer cannot be used.
// NODUS_FUZZ_DUMP=path writes each input there before running it (the last one is the culprit).
// Under --config=fuzz libFuzzer supplies main() and this file is not linked (tools/fuzz/fuzz.bzl).
#include <dirent.h>
#include <sys/stat.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) __attribute__((weak));

namespace {

void Collect(const std::string& path, std::vector<std::string>* files) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) {
    std::fprintf(stderr, "replay: cannot stat %s\n", path.c_str());
    std::exit(2);
  }
  if (!S_ISDIR(st.st_mode)) {
    files->push_back(path);
    return;
  }
  DIR* dir = opendir(path.c_str());
  if (dir == nullptr) std::exit(2);
  while (struct dirent* entry = readdir(dir)) {
    std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    Collect(path + "/" + name, files);
  }
  closedir(dir);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "replay: cannot read %s\n", path.c_str());
    std::exit(2);
  }
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void Run(const std::string& input) {
  // NODUS_FUZZ_DUMP=path: each input is written there before it runs, so after a crash or a
  // failed check the file holds the input that caused it (then replay it alone).
  static const char* dump = std::getenv("NODUS_FUZZ_DUMP");
  if (dump != nullptr) std::ofstream(dump, std::ios::binary | std::ios::trunc) << input;
  // A copy of exactly `size` bytes on the heap, so ASan sees reads past the end.
  std::vector<uint8_t> copy(input.begin(), input.end());
  LLVMFuzzerTestOneInput(copy.empty() ? nullptr : copy.data(), copy.size());
}

std::string Mutate(const std::string& input, const std::vector<std::string>& corpus,
                   std::mt19937* rng) {
  std::string out = input;
  int steps = 1 + static_cast<int>((*rng)() % 4);
  for (int i = 0; i < steps; i++) {
    size_t pos = out.empty() ? 0 : (*rng)() % (out.size() + 1);
    switch ((*rng)() % 6) {
      case 0:
        if (!out.empty() && pos < out.size()) out[pos] ^= static_cast<char>(1u << ((*rng)() % 8));
        break;
      case 1:
        out.insert(pos, 1, static_cast<char>((*rng)() % 256));
        break;
      case 2:
        if (pos < out.size()) out.erase(pos, 1 + (*rng)() % (out.size() - pos));
        break;
      case 3: {  // a run of an interesting byte
        static const char kBytes[] = {'\r', '\n', ':', ' ', '0', '"', '\\', '%', '&', '=', '\0'};
        out.insert(pos, 1 + (*rng)() % 64, kBytes[(*rng)() % sizeof(kBytes)]);
        break;
      }
      case 4: {  // splice in a piece of another corpus file
        const std::string& other = corpus[(*rng)() % corpus.size()];
        if (other.empty()) break;
        size_t from = (*rng)() % other.size();
        out.insert(pos, other, from, 1 + (*rng)() % (other.size() - from));
        break;
      }
      case 5:
        if (pos < out.size()) out[pos] = static_cast<char>((*rng)() % 256);
        break;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
  std::vector<std::string> files;
  for (int i = 1; i < argc; i++) Collect(argv[i], &files);
  if (files.empty()) {
    std::fprintf(stderr, "usage: %s corpus-file-or-dir...\n", argv[0]);
    return 2;
  }
  std::vector<std::string> corpus;
  for (const std::string& file : files) {
    corpus.push_back(ReadFile(file));
    Run(corpus.back());
  }
  std::printf("replayed %zu corpus files\n", files.size());

  const char* mutations = std::getenv("NODUS_FUZZ_MUTATIONS");
  long count = mutations != nullptr ? std::strtol(mutations, nullptr, 10) : 0;
  if (count > 0) {
    const char* seed = std::getenv("NODUS_FUZZ_SEED");
    std::mt19937 rng(seed != nullptr ? static_cast<unsigned>(std::strtoul(seed, nullptr, 10)) : 1);
    long runs = 0;
    for (const std::string& input : corpus) {
      for (long i = 0; i < count; i++, runs++) Run(Mutate(input, corpus, &rng));
    }
    std::printf("ran %ld mutated inputs\n", runs);
  }
  return 0;
}
