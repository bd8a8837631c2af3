"""Pure domain logic: no I/O, no clocks, no frameworks. Tested without sockets."""
