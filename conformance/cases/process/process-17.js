// process.markdown example 17: process.versions; the doc's output is example 18.
// adaptation: the golden matches any version numbers and any further libraries (the doc's
// ares/ev/openssl list is from node 0.4).
console.log(process.versions);
