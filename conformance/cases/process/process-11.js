// process.markdown example 11: process.exit(1).
// check: the golden's `# exit: 1` (the documented exit status, not observable from inside).
process.exit(1);
