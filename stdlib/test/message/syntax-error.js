var ok = 1;
var bad = ;
