var total = 0;
function add(a, b) {
  var sum = a + b;
  return sum;
}
for (var i = 0; i < 3; i++) {
  total = add(total, i);
}
console.log('total', total);
