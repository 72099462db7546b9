// readline.markdown example 4: interface.question.
// adaptation: `interface` (a reserved word in strict code, and undefined here) is an interface
// on stdin/stdout; the answer comes from readline-4.stdin; readline-4.out is the output.
var interface = require('readline').createInterface(process.stdin, process.stdout);
interface.question('What is your favorite food?', function(answer) {
  console.log('Oh, so your favorite food is ' + answer);
  interface.close(); process.stdin.destroy();  // adaptation: end
});
