// The front-page echo server, port from argv[2]. Runs unchanged under Nodus and node.
var net = require('net');
var server = net.createServer(function (socket) {
  socket.write("Echo server\r\n");
  socket.pipe(socket);
});
server.listen(+process.argv[2], "127.0.0.1");
