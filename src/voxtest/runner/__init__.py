"""Running conversations: the simulated caller, the conversation loop, limits."""
