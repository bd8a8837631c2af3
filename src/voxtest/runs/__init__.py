"""Executing runs: the in-process executor (`executor.Executor`), the database work it does
(`store`), what a run needs (`plan`) and one run's conversation (`execute`, `instruction`)."""
