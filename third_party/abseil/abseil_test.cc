// The abseil target links: StatusOr, StrFormat/StrCat and flat_hash_map work, and the test binary
// maps no libabsl_*.so (the archives are linked in, so start-up pays nothing for abseil).
#include <dlfcn.h>
#include <link.h>

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "gtest/gtest.h"

namespace {

absl::StatusOr<int> Parse(const std::string& text) {
  if (text.empty()) return absl::InvalidArgumentError("empty");
  return static_cast<int>(text.size());
}

TEST(Abseil, StatusOrCarriesValueOrError) {
  absl::StatusOr<int> ok = Parse("abc");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 3);
  absl::StatusOr<int> bad = Parse("");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "empty");
}

TEST(Abseil, StringsAndMaps) {
  EXPECT_EQ(absl::StrCat("port ", 5858, "/", 1.5), "port 5858/1.5");
  EXPECT_EQ(absl::StrFormat("%s:%d %05.1f", "a", 7, 2.25), "a:7 002.2");
  absl::flat_hash_map<std::string, int> map;
  for (int i = 0; i < 1000; i++) map[absl::StrCat("k", i)] = i;
  EXPECT_EQ(map.size(), 1000u);
  EXPECT_EQ(map.at("k999"), 999);
}

int CountAbseilLibraries(struct dl_phdr_info* info, size_t, void* data) {
  std::string name = info->dlpi_name != nullptr ? info->dlpi_name : "";
  if (name.find("libabsl_") != std::string::npos) ++*static_cast<int*>(data);
  return 0;
}

TEST(Abseil, NoSharedLibrariesMapped) {
  int count = 0;
  dl_iterate_phdr(CountAbseilLibraries, &count);
  EXPECT_EQ(count, 0);
}

}  // namespace
