#include "debugger/client/command_line.h"

#include <gtest/gtest.h>

namespace nodus::debugger {
namespace {

TEST(ParseCommand, BareName) {
  Command command = ParseCommand("  cont \n");
  EXPECT_TRUE(command.ok);
  EXPECT_EQ(command.name, "cont");
  EXPECT_TRUE(command.args.empty());
  EXPECT_EQ(command.rest, "");
}

TEST(ParseCommand, NameAndRestForExec) {
  Command command = ParseCommand("exec a + b");
  EXPECT_EQ(command.name, "exec");
  EXPECT_TRUE(command.args.empty());
  EXPECT_EQ(command.rest, "a + b");
}

TEST(ParseCommand, QuotedAndBareArguments) {
  Command command = ParseCommand("sb('adder.js', 3)");
  EXPECT_TRUE(command.ok);
  EXPECT_EQ(command.name, "sb");
  ASSERT_EQ(command.args.size(), 2u);
  EXPECT_EQ(command.args[0], "adder.js");
  EXPECT_TRUE(command.quoted[0]);
  EXPECT_EQ(command.args[1], "3");
  EXPECT_FALSE(command.quoted[1]);
  EXPECT_EQ(command.rest, "'adder.js', 3");
}

TEST(ParseCommand, EmptyParentheses) {
  Command command = ParseCommand("sb()");
  EXPECT_EQ(command.name, "sb");
  EXPECT_TRUE(command.args.empty());
}

TEST(ParseCommand, EscapesInStringLiterals) {
  Command command = ParseCommand(R"(watch("a\"b\n"))");
  ASSERT_EQ(command.args.size(), 1u);
  EXPECT_EQ(command.args[0], "a\"b\n");
}

TEST(ParseCommand, CommasInsideBracketsStayInOneArgument) {
  Command command = ParseCommand("watch(f(1, 2), [3, {a: 4}])");
  ASSERT_EQ(command.args.size(), 2u);
  EXPECT_EQ(command.args[0], "f(1, 2)");
  EXPECT_EQ(command.args[1], "[3, {a: 4}]");
}

TEST(ParseCommand, UnterminatedStringIsNotOk) {
  EXPECT_FALSE(ParseCommand("sb('adder.js, 3)").ok);
}

TEST(ParseCommand, DotNames) {
  EXPECT_EQ(ParseCommand(".exit").name, ".exit");
}

TEST(ParseLine, AcceptsPositiveNumbersOnly) {
  uint32_t line = 0;
  EXPECT_TRUE(ParseLine("42", &line));
  EXPECT_EQ(line, 42u);
  EXPECT_FALSE(ParseLine("0", &line));
  EXPECT_FALSE(ParseLine("-1", &line));
  EXPECT_FALSE(ParseLine("4x", &line));
  EXPECT_FALSE(ParseLine("", &line));
  EXPECT_FALSE(ParseLine("1234567890", &line));  // more than 9 digits
}

TEST(Basename, LastPathComponent) {
  EXPECT_EQ(Basename("/tmp/adder.js"), "adder.js");
  EXPECT_EQ(Basename("events"), "events");
}

TEST(SplitLines, KeepsEmptyLastLine) {
  std::vector<std::string> lines = SplitLines("a\n\nb\n");
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "a");
  EXPECT_EQ(lines[1], "");
  EXPECT_EQ(lines[2], "b");
  EXPECT_EQ(lines[3], "");
}

TEST(Trim, Whitespace) {
  EXPECT_EQ(Trim(" \t x y \r\n"), "x y");
  EXPECT_EQ(Trim("   "), "");
}

}  // namespace
}  // namespace nodus::debugger
