console.log('Hello %s', 'World');
console.error('to stderr');
setTimeout(function() { console.log('later'); }, 1);
