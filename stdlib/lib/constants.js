// `require('constants')`: the platform's numeric constants (open flags, file modes, errno values,
// signals), the same object as process.binding('constants'). v0.6.3 exposed it as a module of its
// own; fs, npm's graceful-fs and others read O_* and S_IF* from it.
module.exports = process.binding('constants');
