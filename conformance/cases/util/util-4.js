// util.markdown example 4: util.debug.
// check: the golden (the doc says it writes to stderr immediately; stderr cannot be observed from
// inside, and the golden covers stdout and stderr). The `DEBUG: ` prefix is 0.6.3's format.
require('util').debug('message on stderr');
