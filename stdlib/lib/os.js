// The os module: facts about the operating system and the machine, read through libuv by
// process.binding('os') (runtime/bindings/os.cc). The set of functions is v0.6.3's.
var binding = process.binding('os');

exports.hostname = binding.getHostname;
exports.loadavg = binding.getLoadAvg;
exports.uptime = binding.getUptime;
exports.freemem = binding.getFreeMem;
exports.totalmem = binding.getTotalMem;
exports.cpus = binding.getCPUs;
exports.type = binding.getOSType;
exports.release = binding.getOSRelease;
exports.networkInterfaces = binding.getInterfaceAddresses;

exports.arch = function() {
  return process.arch;
};

exports.platform = function() {
  return process.platform;
};

// The name networkInterfaces had before v0.6; it still works, with a one-time warning on stderr.
var warned = false;
exports.getNetworkInterfaces = function() {
  if (!warned) {
    warned = true;
    console.error('os.getNetworkInterfaces() is deprecated - use os.networkInterfaces()');
  }
  return exports.networkInterfaces();
};
